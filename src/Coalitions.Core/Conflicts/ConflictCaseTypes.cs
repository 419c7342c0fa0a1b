using System.Text;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using FluentValidation;
using NodaTime;

namespace Coalitions.Core.Conflicts;

/// <summary>Where a conflict case is in its life.</summary>
public enum CaseStatus
{
    /// <summary>Opened; the parties acknowledge the ground rules before dialogue begins.</summary>
    Raised = 1,

    /// <summary>The parties talk directly.</summary>
    Dialogue = 2,

    /// <summary>A mediator every party accepted facilitates.</summary>
    Mediation = 3,

    /// <summary>Before the body the rule book names for disputes.</summary>
    Escalated = 4,

    /// <summary>Settled by an agreement every party confirmed.</summary>
    Resolved = 5,

    /// <summary>Settled by the decision of the body it was escalated to.</summary>
    Decided = 6,

    /// <summary>Withdrawn by whoever raised it.</summary>
    Withdrawn = 7,
}

/// <summary>Who may see a case.</summary>
public enum CaseConfidentiality
{
    /// <summary>Its parties, its mediator and, once escalated, the body deciding it; not even the coordinators.</summary>
    PartiesOnly = 1,

    /// <summary>Also the coordinators, who administer the process.</summary>
    Coordinators = 2,

    /// <summary>Also every active member's delegates.</summary>
    Members = 3,
}

/// <summary>Where a follow-up of a settlement stands on a date.</summary>
public enum FollowUpStatus
{
    /// <summary>Not done, not yet due.</summary>
    Pending = 1,

    /// <summary>Done.</summary>
    Done = 2,

    /// <summary>Past its due date and not done.</summary>
    Overdue = 3,
}

/// <summary>What a case is about and between whom: the input of <see cref="ConflictCase.Open"/>.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Issue">The issue in a line: at most 200 characters.</param>
/// <param name="Summary">More about it, if needed: at most 2,000 characters. Keep documents in the host's own access-controlled store.</param>
/// <param name="Members">The member organizations that are parties: 1 to 20, each once.</param>
/// <param name="CoalitionIsParty">Whether the coalition itself is a party (acting through its coordinators); with one member, it must be.</param>
/// <param name="Confidentiality">Who may see the case.</param>
/// <param name="AdditionalGroundRules">Ground rules for this case besides the charter's: up to 20, each at most 1,000 characters.</param>
public sealed record CaseDraft(CoalitionId Coalition, string Issue, string? Summary, IReadOnlyList<PartnerId> Members, bool CoalitionIsParty, CaseConfidentiality Confidentiality, IReadOnlyList<string> AdditionalGroundRules);

/// <summary>A mediator: a person every party accepts, from a member organization or from outside.</summary>
/// <param name="Person">The person.</param>
/// <param name="Name">Their name: one line of at most 200 characters.</param>
public sealed record Mediator(PersonId Person, string Name);

/// <summary>Something a party owes under a settlement, by a date.</summary>
/// <param name="Key">Its key, unique within the settlement.</param>
/// <param name="Party">The member who owes it; none when the coalition (its secretariat) owes it.</param>
/// <param name="Description">What: one line of at most 200 characters.</param>
/// <param name="Due">By when, in the coalition's time zone.</param>
public sealed record FollowUp(FollowUpKey Key, PartnerId? Party, string Description, LocalDate Due);

/// <summary>What settles a case: the terms, and the follow-ups each party owes.</summary>
/// <param name="Terms">The terms: at most 20,000 characters.</param>
/// <param name="FollowUps">The follow-ups: up to 50, each key once.</param>
public sealed record Resolution(string Terms, IReadOnlyList<FollowUp> FollowUps);

/// <summary>A session of dialogue or mediation.</summary>
/// <param name="Stage">Dialogue or mediation.</param>
/// <param name="On">The day it took place.</param>
/// <param name="Note">A short note, if any.</param>
public sealed record CaseSession(CaseStatus Stage, LocalDate On, string? Note);

/// <summary>A party as a case shows it.</summary>
/// <param name="Member">The member, or none for the coalition.</param>
/// <param name="Name">Its name.</param>
/// <param name="AcknowledgedGroundRules">Whether it acknowledged the ground rules.</param>
/// <param name="AcceptedMediator">Whether it accepted the mediator proposed or in office.</param>
/// <param name="ConfirmedResolution">Whether it confirmed the resolution proposed or reached.</param>
public sealed record CasePartyView(PartnerId? Member, string Name, bool AcknowledgedGroundRules, bool AcceptedMediator, bool ConfirmedResolution);

/// <summary>A follow-up as a case shows it on a date.</summary>
/// <param name="FollowUp">The follow-up.</param>
/// <param name="DoneOn">The day it was done, if it was.</param>
/// <param name="Status">Pending, done or overdue.</param>
public sealed record FollowUpView(FollowUp FollowUp, LocalDate? DoneOn, FollowUpStatus Status);

/// <summary>A case, as shown to someone its confidentiality admits (<see cref="ConflictCase.View"/>).</summary>
/// <param name="Case">The case.</param>
/// <param name="Issue">The issue.</param>
/// <param name="Summary">More about it, if given.</param>
/// <param name="Status">Where it is.</param>
/// <param name="Confidentiality">Who may see it.</param>
/// <param name="Parties">The parties.</param>
/// <param name="RaisedBy">Who raised it: a party's name, or the secretariat.</param>
/// <param name="GroundRules">The ground rules the parties acknowledge.</param>
/// <param name="Sessions">Its sessions of dialogue and mediation.</param>
/// <param name="Mediator">The mediator proposed or in office, if any.</param>
/// <param name="MediationBegan">Whether every party accepted the mediator.</param>
/// <param name="ProposedResolution">A resolution awaiting the parties' confirmation, if any.</param>
/// <param name="Settlement">The resolution reached or the ruling decided, once settled.</param>
/// <param name="EscalatedTo">The name of the body deciding it, once escalated.</param>
/// <param name="Decision">The decision that settled it, if decided.</param>
/// <param name="FollowUps">The settlement's follow-ups, as they stand on the date asked.</param>
/// <param name="On">The date it is shown as of.</param>
public sealed record CaseView(
    ConflictCaseId Case,
    string Issue,
    string? Summary,
    CaseStatus Status,
    CaseConfidentiality Confidentiality,
    IReadOnlyList<CasePartyView> Parties,
    string RaisedBy,
    IReadOnlyList<string> GroundRules,
    IReadOnlyList<CaseSession> Sessions,
    Mediator? Mediator,
    bool MediationBegan,
    Resolution? ProposedResolution,
    Resolution? Settlement,
    string? EscalatedTo,
    DecisionReference? Decision,
    IReadOnlyList<FollowUpView> FollowUps,
    LocalDate On)
{
    /// <summary>Describes the case in plain words, for those who may see it.</summary>
    /// <returns>A short account: issue, parties, stage, sessions, mediator, settlement and follow-ups.</returns>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append("Case '").Append(Issue).Append("' (").Append(Words.Of(Confidentiality)).Append("), on ").Append(Words.Format(On)).Append(": ").Append(Words.Of(Status)).Append('.');
        text.Append("\nParties: ").Append(Words.List(Parties.Select(p => p.Name))).Append("; raised by ").Append(RaisedBy).Append('.');
        text.Append("\nGround rules acknowledged by ").Append(Words.Format(Parties.Count(p => p.AcknowledgedGroundRules))).Append(" of ").Append(Words.Format(Parties.Count)).Append(" parties.");
        if (Sessions.Count > 0)
        {
            text.Append("\nSessions: ").Append(Words.List(Sessions.Select(s => Words.Format(s.On) + " (" + Words.Of(s.Stage) + ")"))).Append('.');
        }

        if (Mediator is { } mediator)
        {
            text.Append("\nMediator: ").Append(mediator.Name).Append(MediationBegan ? ", accepted by every party." : ", proposed; accepted by " + Words.Format(Parties.Count(p => p.AcceptedMediator)) + " of " + Words.Format(Parties.Count) + " parties.");
        }

        if (EscalatedTo is { } body)
        {
            text.Append("\nEscalated to the ").Append(body).Append('.');
        }

        if (ProposedResolution is not null)
        {
            text.Append("\nA resolution awaits confirmation: confirmed by ").Append(Words.Format(Parties.Count(p => p.ConfirmedResolution))).Append(" of ").Append(Words.Format(Parties.Count)).Append(" parties.");
        }

        if (Settlement is { } settlement)
        {
            text.Append(Decision is null ? "\nResolved by agreement: " : "\nDecided: ").Append(settlement.Terms);
        }

        foreach (var followUp in FollowUps)
        {
            text.Append("\nFollow-up ").Append(followUp.FollowUp.Key.Value).Append(": ").Append(followUp.FollowUp.Description).Append(", due ").Append(Words.Format(followUp.FollowUp.Due))
                .Append(" - ").Append(Words.Of(followUp.Status)).Append(followUp.DoneOn is { } done ? " on " + Words.Format(done) : string.Empty);
        }

        return text.ToString();
    }
}

/// <summary>A case was opened.</summary>
/// <param name="Case">The case.</param>
/// <param name="Coalition">The coalition.</param>
/// <param name="TimeZone">The coalition's time zone.</param>
/// <param name="Issue">The issue.</param>
/// <param name="Summary">More about it, if given.</param>
/// <param name="Members">The member parties.</param>
/// <param name="CoalitionIsParty">Whether the coalition is a party.</param>
/// <param name="RaisedBy">The member party that raised it; none when a coordinator did.</param>
/// <param name="Confidentiality">Who may see it.</param>
/// <param name="GroundRules">The ground rules: the charter's and the case's own.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record CaseOpened(ConflictCaseId Case, CoalitionId Coalition, string TimeZone, string Issue, string? Summary, IReadOnlyList<PartnerId> Members, bool CoalitionIsParty, PartnerId? RaisedBy, CaseConfidentiality Confidentiality, IReadOnlyList<string> GroundRules, Instant At, Actor By) : IDomainEvent;

/// <summary>A party acknowledged the case's ground rules.</summary>
/// <param name="Case">The case.</param>
/// <param name="Party">The member, or none for the coalition.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record GroundRulesAcknowledged(ConflictCaseId Case, PartnerId? Party, Instant At, Actor By) : IDomainEvent;

/// <summary>Every party acknowledged the ground rules: dialogue began.</summary>
/// <param name="Case">The case.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record DialogueStarted(ConflictCaseId Case, Instant At, Actor By) : IDomainEvent;

/// <summary>A session of dialogue or mediation took place.</summary>
/// <param name="Case">The case.</param>
/// <param name="Stage">Dialogue or mediation.</param>
/// <param name="On">The day.</param>
/// <param name="Note">A short note, if any.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="By">Who.</param>
public sealed record CaseSessionRecorded(ConflictCaseId Case, CaseStatus Stage, LocalDate On, string? Note, Instant At, Actor By) : IDomainEvent;

/// <summary>A mediator was proposed to the parties.</summary>
/// <param name="Case">The case.</param>
/// <param name="Mediator">The mediator.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MediatorProposed(ConflictCaseId Case, Mediator Mediator, Instant At, Actor By) : IDomainEvent;

/// <summary>A party accepted the mediator proposed.</summary>
/// <param name="Case">The case.</param>
/// <param name="Party">The member, or none for the coalition.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MediatorAccepted(ConflictCaseId Case, PartnerId? Party, Instant At, Actor By) : IDomainEvent;

/// <summary>A party declined the mediator proposed; the proposal lapses.</summary>
/// <param name="Case">The case.</param>
/// <param name="Party">The member, or none for the coalition.</param>
/// <param name="Reason">Why, if said.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MediatorDeclined(ConflictCaseId Case, PartnerId? Party, string? Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>Every party accepted the mediator: mediation began.</summary>
/// <param name="Case">The case.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MediationStarted(ConflictCaseId Case, Instant At, Actor By) : IDomainEvent;

/// <summary>A resolution was put to the parties.</summary>
/// <param name="Case">The case.</param>
/// <param name="Resolution">The terms and follow-ups.</param>
/// <param name="ProposedBy">The member party proposing it (which confirms it by proposing), or none (the mediator, or the coalition).</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ResolutionProposed(ConflictCaseId Case, Resolution Resolution, PartnerId? ProposedBy, Instant At, Actor By) : IDomainEvent;

/// <summary>A party confirmed the resolution proposed.</summary>
/// <param name="Case">The case.</param>
/// <param name="Party">The member, or none for the coalition.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ResolutionConfirmed(ConflictCaseId Case, PartnerId? Party, Instant At, Actor By) : IDomainEvent;

/// <summary>A party rejected the resolution proposed; the proposal lapses.</summary>
/// <param name="Case">The case.</param>
/// <param name="Party">The member, or none for the coalition.</param>
/// <param name="Reason">Why, if said.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ResolutionRejected(ConflictCaseId Case, PartnerId? Party, string? Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>Every party confirmed the resolution: the case is resolved.</summary>
/// <param name="Case">The case.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record CaseResolved(ConflictCaseId Case, Instant At, Actor By) : IDomainEvent;

/// <summary>The case went to the body the rule book names for disputes.</summary>
/// <param name="Case">The case.</param>
/// <param name="Body">The body's key in the rule book.</param>
/// <param name="BodyName">The body's name.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record CaseEscalated(ConflictCaseId Case, BodyKey Body, string BodyName, Instant At, Actor By) : IDomainEvent;

/// <summary>The body's decision settled the case.</summary>
/// <param name="Case">The case.</param>
/// <param name="Decision">The decision.</param>
/// <param name="Ruling">What it decided, with the follow-ups.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="By">Who.</param>
public sealed record CaseDecided(ConflictCaseId Case, DecisionReference Decision, Resolution Ruling, Instant At, Actor By) : IDomainEvent;

/// <summary>A follow-up of the settlement was done.</summary>
/// <param name="Case">The case.</param>
/// <param name="FollowUp">The follow-up's key.</param>
/// <param name="On">The day it was done.</param>
/// <param name="Note">A note, if any.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="By">Who.</param>
public sealed record FollowUpCompleted(ConflictCaseId Case, FollowUpKey FollowUp, LocalDate On, string? Note, Instant At, Actor By) : IDomainEvent;

/// <summary>The case was withdrawn.</summary>
/// <param name="Case">The case.</param>
/// <param name="Reason">Why, if said.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record CaseWithdrawn(ConflictCaseId Case, string? Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>The bounds of a case.</summary>
internal static class CaseRules
{
    public const int MaxMembers = 20;
    public const int MaxAdditionalGroundRules = 20;
    public const int MaxGroundRules = 70;
    public const int GroundRuleLength = 1_000;
    public const int MaxFollowUps = 50;
    public const int MaxSessions = 1_000;
}

/// <summary>Checks a <see cref="CaseDraft"/> at the boundary.</summary>
internal sealed class CaseDraftValidator : AbstractValidator<CaseDraft>
{
    public static readonly CaseDraftValidator Instance = new();

    private CaseDraftValidator()
    {
        var code = ErrorCodes.Conflicts.InvalidCase.Code;
        RuleFor(d => d.Coalition).IsId();
        RuleFor(d => d.Issue).IsName();
        RuleFor(d => d.Summary).IsText(Limits.ReasonLength, required: false);
        RuleFor(d => d.Confidentiality).IsDefined();
        RuleFor(d => d.Members).Must(m => m is { Count: >= 1 and <= CaseRules.MaxMembers } && m.All(p => p.Value != Guid.Empty) && m.Distinct().Count() == m.Count).WithErrorCode(code)
            .WithMessage("A case names 1 to 20 member parties, each once.");
        RuleFor(d => d).Must(d => d.Members is null || d.Members.Count + (d.CoalitionIsParty ? 1 : 0) >= 2).WithErrorCode(code)
            .WithMessage("A case is between two parties or more: two members, or a member and the coalition.").OverridePropertyName(nameof(CaseDraft.Members));
        RuleFor(d => d.AdditionalGroundRules).Must(r => r is { Count: <= CaseRules.MaxAdditionalGroundRules } && r.All(x => x is not null)).WithErrorCode(code)
            .WithMessage("A case adds up to 20 ground rules of its own (an empty list is fine).");
        RuleForEach(d => d.AdditionalGroundRules).IsText(CaseRules.GroundRuleLength).When(d => d.AdditionalGroundRules is not null);
    }
}

/// <summary>Checks a <see cref="Mediator"/>.</summary>
internal sealed class MediatorValidator : AbstractValidator<Mediator>
{
    public static readonly MediatorValidator Instance = new();

    private MediatorValidator()
    {
        RuleFor(m => m.Person).IsId();
        RuleFor(m => m.Name).IsName();
    }
}

/// <summary>Checks a <see cref="Resolution"/>.</summary>
internal sealed class ResolutionValidator : AbstractValidator<Resolution>
{
    public static readonly ResolutionValidator Instance = new();

    private ResolutionValidator()
    {
        var code = ErrorCodes.Conflicts.InvalidCase.Code;
        RuleFor(r => r.Terms).IsText(Limits.DocumentLength);
        RuleFor(r => r.FollowUps).Must(f => f is { Count: <= CaseRules.MaxFollowUps } && f.All(x => x is not null) && f.Select(x => x.Key).Distinct().Count() == f.Count).WithErrorCode(code)
            .WithMessage("A resolution lists up to 50 follow-ups, each key once.");
        RuleForEach(r => r.FollowUps).ChildRules(f =>
        {
            f.RuleFor(x => x.Key).IsKey();
            f.RuleFor(x => x.Party).IsIdOrNull();
            f.RuleFor(x => x.Description).IsName();
            f.RuleFor(x => x.Due).IsDate();
        }).When(r => r.FollowUps is not null && r.FollowUps.All(x => x is not null));
    }
}
