using Coalitions.Core.Kernel;
using FluentValidation;
using NodaTime;

namespace Coalitions.Core.Advocacy;

/// <summary>Where a campaign is in its life.</summary>
public enum CampaignStatus
{
    /// <summary>Under way: actions are planned and carried out.</summary>
    Active = 1,

    /// <summary>Ended with a result; outcomes that come later may still be recorded.</summary>
    Concluded = 2,
}

/// <summary>Who or what a campaign seeks to move.</summary>
public enum TargetKind
{
    /// <summary>A person holding office: a minister, a member of parliament, a mayor, a senior civil servant.</summary>
    Official = 1,

    /// <summary>An institution: a ministry, a parliament or committee, an agency, an intergovernmental body.</summary>
    Institution = 2,

    /// <summary>Anyone else: the media, the public, a company.</summary>
    Other = 3,
}

/// <summary>What a campaign action is.</summary>
public enum ActionKind
{
    /// <summary>A meeting with an official (lobbying).</summary>
    MeetingWithOfficial = 1,

    /// <summary>A written submission to a consultation, a hearing or a committee.</summary>
    Submission = 2,

    /// <summary>A public statement (usually a sign-on statement of the coalition).</summary>
    PublicStatement = 3,

    /// <summary>An event: a rally, a side event, a press conference, a forum.</summary>
    Event = 4,

    /// <summary>Anything else.</summary>
    Other = 5,
}

/// <summary>Where a campaign action stands on a date.</summary>
public enum ActionStatus
{
    /// <summary>Planned and not yet due.</summary>
    Planned = 1,

    /// <summary>Done (on or before the date asked about).</summary>
    Done = 2,

    /// <summary>Cancelled.</summary>
    Cancelled = 3,

    /// <summary>Past its due date and not done.</summary>
    Overdue = 4,
}

/// <summary>What happened as a result of the campaign.</summary>
public enum OutcomeKind
{
    /// <summary>An objective was met.</summary>
    Achieved = 1,

    /// <summary>An objective was partly met.</summary>
    PartlyAchieved = 2,

    /// <summary>An objective was not met (a vote lost, a deadline passed).</summary>
    NotAchieved = 3,

    /// <summary>A result nobody planned for, good or bad.</summary>
    Unexpected = 4,
}

/// <summary>How a campaign ended.</summary>
public enum CampaignResult
{
    /// <summary>Its goal was reached.</summary>
    Won = 1,

    /// <summary>Part of its goal was reached.</summary>
    PartlyWon = 2,

    /// <summary>Its goal was not reached.</summary>
    NotWon = 3,

    /// <summary>The coalition stopped campaigning before a result.</summary>
    Abandoned = 4,
}

/// <summary>An objective of a campaign.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Description">What the campaign seeks: one line of at most 200 characters.</param>
/// <param name="Due">When, if the campaign set a date.</param>
public sealed record CampaignObjective(CampaignObjectiveKey Key, string Description, LocalDate? Due = null);

/// <summary>A target of a campaign: an official or an institution it seeks to move.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Name">Its name: one line of at most 200 characters.</param>
/// <param name="Kind">Official, institution or other.</param>
/// <param name="Role">The office held or the body's remit, if given: one line of at most 200 characters.</param>
public sealed record CampaignTarget(TargetKey Key, string Name, TargetKind Kind, string? Role = null);

/// <summary>What a campaign sets out to do: the input of <see cref="Campaign.Launch"/>.</summary>
/// <param name="Coalition">The coalition campaigning.</param>
/// <param name="Name">The campaign's name: one line of at most 200 characters.</param>
/// <param name="Goal">Its goal: at most 2,000 characters.</param>
/// <param name="Objectives">Its objectives, one to 50, each key once.</param>
/// <param name="Targets">Its targets, up to 200, each key once.</param>
/// <param name="Lead">The member leading it, if one does; its delegates then manage the campaign with the coordinators.</param>
public sealed record CampaignPlan(CoalitionId Coalition, string Name, string Goal, IReadOnlyList<CampaignObjective> Objectives, IReadOnlyList<CampaignTarget> Targets, PartnerId? Lead = null);

/// <summary>An action of a campaign, assigned to a member.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Title">What is to be done: one line of at most 200 characters.</param>
/// <param name="Assignee">The member who carries it out.</param>
/// <param name="Due">When it is due, in the coalition's time zone.</param>
/// <param name="Target">The target it addresses, if any.</param>
/// <param name="Objective">The objective it serves, if any.</param>
/// <param name="Statement">The sign-on statement it issues, for a public statement.</param>
/// <param name="Event">The external event it takes place at or prepares for, if any; linked to the campaign first.</param>
public sealed record PlannedAction(CampaignActionKey Key, ActionKind Kind, string Title, PartnerId Assignee, LocalDate Due, TargetKey? Target = null, CampaignObjectiveKey? Objective = null, SignOnStatementId? Statement = null, ExternalEventId? Event = null);

/// <summary>A campaign action as recorded.</summary>
/// <param name="Plan">What was planned.</param>
/// <param name="DoneOn">The day it was done, if it was.</param>
/// <param name="Note">A note on how it went, if any.</param>
/// <param name="CancelledAt">When it was cancelled, if it was.</param>
/// <param name="CancelReason">Why it was cancelled.</param>
public sealed record CampaignAction(PlannedAction Plan, LocalDate? DoneOn = null, string? Note = null, Instant? CancelledAt = null, string? CancelReason = null)
{
    /// <summary>The action's status on a date: done by then, cancelled, overdue after its due date, else planned.</summary>
    /// <param name="on">The date, in the coalition's time zone.</param>
    /// <returns>The status.</returns>
    public ActionStatus StatusOn(LocalDate on) =>
        CancelledAt is not null ? ActionStatus.Cancelled :
        DoneOn is { } done && done <= on ? ActionStatus.Done :
        on > Plan.Due ? ActionStatus.Overdue :
        ActionStatus.Planned;
}

/// <summary>A result of the campaign.</summary>
/// <param name="Description">What happened: at most 2,000 characters.</param>
/// <param name="Kind">Achieved, partly achieved, not achieved, or unexpected.</param>
/// <param name="On">The day it happened.</param>
/// <param name="Objective">The objective it concerns, if any.</param>
/// <param name="Target">The target whose decision it was, if any.</param>
public sealed record CampaignOutcome(string Description, OutcomeKind Kind, LocalDate On, CampaignObjectiveKey? Objective = null, TargetKey? Target = null);

/// <summary>A link from a campaign to an external event it aims at (an intergovernmental meeting, a hearing, a budget debate).</summary>
/// <param name="Event">The event's id, as the host or the meetings room records it.</param>
/// <param name="Name">Its name: one line of at most 200 characters.</param>
/// <param name="StartsOn">The day it starts.</param>
public sealed record ExternalEventLink(ExternalEventId Event, string Name, LocalDate StartsOn);

/// <summary>A policy position a campaign carries, and the version in effect when it took it up.</summary>
/// <param name="Position">The position.</param>
/// <param name="Issue">Its issue.</param>
/// <param name="Version">The version in effect when the campaign took it up.</param>
/// <param name="At">When.</param>
public sealed record CarriedPosition(PolicyPositionId Position, IssueKey Issue, int Version, Instant At);

/// <summary>A campaign was launched.</summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="Coalition">The coalition campaigning.</param>
/// <param name="TimeZone">The coalition's time zone, in which the campaign's dates are read.</param>
/// <param name="Name">Its name.</param>
/// <param name="Goal">Its goal.</param>
/// <param name="Lead">The lead member, if any.</param>
/// <param name="Objectives">Its objectives.</param>
/// <param name="Targets">Its targets.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record CampaignLaunched(CampaignId Campaign, CoalitionId Coalition, string TimeZone, string Name, string Goal, PartnerId? Lead, IReadOnlyList<CampaignObjective> Objectives, IReadOnlyList<CampaignTarget> Targets, Instant At, Actor By) : IDomainEvent;

/// <summary>An objective was added.</summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="Objective">The objective.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record CampaignObjectiveAdded(CampaignId Campaign, CampaignObjective Objective, Instant At, Actor By) : IDomainEvent;

/// <summary>A target was added.</summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="Target">The target.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record CampaignTargetAdded(CampaignId Campaign, CampaignTarget Target, Instant At, Actor By) : IDomainEvent;

/// <summary>The campaign took up a policy position of the coalition.</summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="Position">The position.</param>
/// <param name="Issue">Its issue.</param>
/// <param name="Version">The version in effect then.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record CampaignPositionCarried(CampaignId Campaign, PolicyPositionId Position, IssueKey Issue, int Version, Instant At, Actor By) : IDomainEvent;

/// <summary>The campaign stopped carrying a policy position.</summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="Position">The position.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record CampaignPositionDropped(CampaignId Campaign, PolicyPositionId Position, Instant At, Actor By) : IDomainEvent;

/// <summary>The campaign was linked to an external event it aims at.</summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="Link">The event.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ExternalEventLinked(CampaignId Campaign, ExternalEventLink Link, Instant At, Actor By) : IDomainEvent;

/// <summary>An action was planned and assigned to a member.</summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="Action">The action.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record CampaignActionPlanned(CampaignId Campaign, PlannedAction Action, Instant At, Actor By) : IDomainEvent;

/// <summary>An action was done.</summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="Action">The action's key.</param>
/// <param name="On">The day it was done.</param>
/// <param name="Note">How it went, if said.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="By">Who.</param>
public sealed record CampaignActionCompleted(CampaignId Campaign, CampaignActionKey Action, LocalDate On, string? Note, Instant At, Actor By) : IDomainEvent;

/// <summary>An action was cancelled.</summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="Action">The action's key.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record CampaignActionCancelled(CampaignId Campaign, CampaignActionKey Action, string Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>A result of the campaign was recorded.</summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="Outcome">The result.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="By">Who.</param>
public sealed record CampaignOutcomeRecorded(CampaignId Campaign, CampaignOutcome Outcome, Instant At, Actor By) : IDomainEvent;

/// <summary>The campaign ended.</summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="Result">How it ended.</param>
/// <param name="Summary">What it achieved, in a few words.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record CampaignConcluded(CampaignId Campaign, CampaignResult Result, string Summary, Instant At, Actor By) : IDomainEvent;

/// <summary>The bounds of a campaign and its validators.</summary>
internal static class CampaignRules
{
    public const int MaxObjectives = 50;
    public const int MaxTargets = 200;
    public const int MaxActions = 1_000;
    public const int MaxOutcomes = 1_000;
    public const int MaxPositions = 100;
    public const int MaxEvents = 100;
}

/// <summary>Checks a <see cref="CampaignObjective"/>.</summary>
internal sealed class CampaignObjectiveValidator : AbstractValidator<CampaignObjective>
{
    public static readonly CampaignObjectiveValidator Instance = new();

    private CampaignObjectiveValidator()
    {
        RuleFor(o => o.Key).IsKey();
        RuleFor(o => o.Description).IsName();
        RuleFor(o => o.Due!.Value).IsDate().When(o => o.Due is not null).OverridePropertyName(nameof(CampaignObjective.Due));
    }
}

/// <summary>Checks a <see cref="CampaignTarget"/>.</summary>
internal sealed class CampaignTargetValidator : AbstractValidator<CampaignTarget>
{
    public static readonly CampaignTargetValidator Instance = new();

    private CampaignTargetValidator()
    {
        RuleFor(t => t.Key).IsKey();
        RuleFor(t => t.Name).IsName();
        RuleFor(t => t.Kind).IsDefined();
        RuleFor(t => t.Role).IsName(required: false);
    }
}

/// <summary>Checks a <see cref="CampaignPlan"/> at the boundary.</summary>
internal sealed class CampaignPlanValidator : AbstractValidator<CampaignPlan>
{
    public static readonly CampaignPlanValidator Instance = new();

    private CampaignPlanValidator()
    {
        var code = ErrorCodes.Advocacy.InvalidInput.Code;
        RuleFor(p => p.Coalition).IsId();
        RuleFor(p => p.Name).IsName();
        RuleFor(p => p.Goal).IsText(Limits.ReasonLength);
        RuleFor(p => p.Lead).IsIdOrNull();
        RuleFor(p => p.Objectives).Must(list => list is { Count: >= 1 and <= CampaignRules.MaxObjectives } && list.All(o => o is not null)).WithErrorCode(code)
            .WithMessage("A campaign has one to 50 objectives.")
            .Must(list => list is null || list.Where(o => o is not null).Select(o => o.Key).Distinct().Count() == list.Count).WithErrorCode(code)
            .WithMessage("A campaign names each objective's key once.");
        RuleForEach(p => p.Objectives).SetValidator(CampaignObjectiveValidator.Instance).When(p => p.Objectives is not null && p.Objectives.All(o => o is not null));
        RuleFor(p => p.Targets).Must(list => list is { Count: <= CampaignRules.MaxTargets } && list.All(t => t is not null)).WithErrorCode(code)
            .WithMessage("A campaign has at most 200 targets (an empty list is fine).")
            .Must(list => list is null || list.Where(t => t is not null).Select(t => t.Key).Distinct().Count() == list.Count).WithErrorCode(code)
            .WithMessage("A campaign names each target's key once.");
        RuleForEach(p => p.Targets).SetValidator(CampaignTargetValidator.Instance).When(p => p.Targets is not null && p.Targets.All(t => t is not null));
    }
}

/// <summary>Checks a <see cref="PlannedAction"/> at the boundary.</summary>
internal sealed class PlannedActionValidator : AbstractValidator<PlannedAction>
{
    public static readonly PlannedActionValidator Instance = new();

    private PlannedActionValidator()
    {
        RuleFor(a => a.Key).IsKey();
        RuleFor(a => a.Kind).IsDefined();
        RuleFor(a => a.Title).IsName();
        RuleFor(a => a.Assignee).IsId();
        RuleFor(a => a.Due).IsDate();
        RuleFor(a => a.Target).IsKeyOrNull();
        RuleFor(a => a.Objective).IsKeyOrNull();
        RuleFor(a => a.Statement).IsIdOrNull();
        RuleFor(a => a.Event).IsIdOrNull();
        RuleFor(a => a.Statement).Null().When(a => a.Kind != ActionKind.PublicStatement).WithErrorCode(ErrorCodes.Advocacy.InvalidInput.Code)
            .WithMessage("Only a public-statement action names a sign-on statement.");
    }
}

/// <summary>Checks a <see cref="CampaignOutcome"/> at the boundary.</summary>
internal sealed class CampaignOutcomeValidator : AbstractValidator<CampaignOutcome>
{
    public static readonly CampaignOutcomeValidator Instance = new();

    private CampaignOutcomeValidator()
    {
        RuleFor(o => o.Description).IsText(Limits.ReasonLength);
        RuleFor(o => o.Kind).IsDefined();
        RuleFor(o => o.On).IsDate();
        RuleFor(o => o.Objective).IsKeyOrNull();
        RuleFor(o => o.Target).IsKeyOrNull();
    }
}

/// <summary>Checks an <see cref="ExternalEventLink"/> at the boundary.</summary>
internal sealed class ExternalEventLinkValidator : AbstractValidator<ExternalEventLink>
{
    public static readonly ExternalEventLinkValidator Instance = new();

    private ExternalEventLinkValidator()
    {
        RuleFor(l => l.Event).IsId();
        RuleFor(l => l.Name).IsName();
        RuleFor(l => l.StartsOn).IsDate();
    }
}
