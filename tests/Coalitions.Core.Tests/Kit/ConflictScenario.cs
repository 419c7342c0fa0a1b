using Coalitions.Core.Conflicts;
using Coalitions.Core.Governance;
using GovernanceAggregate = global::Coalitions.Core.Governance.CoalitionGovernance;
using Coalitions.Core.Kernel;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Kit;

/// <summary>A dispute between members 4 and 5 of Learning for All (<see cref="AdvocacyScenario.Nine"/>), raised by member 4.</summary>
public static class ConflictScenario
{
    public static readonly ConflictCaseId TheCase = ConflictCaseId.FromGuid(Guid.Parse("f8000000-0000-0000-0000-000000000001"));

    /// <summary>A mediator from outside the coalition.</summary>
    public static readonly Mediator Neutral = new(Person(950), "Esther Wambui");

    /// <summary>The advocacy-coalition governance of <see cref="AdvocacyScenario.Nine"/>, with members 1, 2 and 3 on the steering committee, which resolves disputes.</summary>
    public static readonly GovernanceAggregate Rules = Seated();

    public static CaseDraft Dispute(CaseConfidentiality confidentiality = CaseConfidentiality.Coordinators, bool coalitionIsParty = false, params int[] members) =>
        new(TheCoalition, "Credit for the reading survey", "Member 5 published the survey without naming member 4's field team.", members.Length == 0 ? [Partner(4), Partner(5)] : members.Select(Partner).ToArray(), coalitionIsParty, confidentiality, ["Each party may bring one adviser."]);

    public static ConflictCase Raised(CaseConfidentiality confidentiality = CaseConfidentiality.Coordinators) =>
        ConflictCase.Open(TheCase, Dispute(confidentiality), Nine, For(4), Start);

    /// <summary>The case in dialogue: both parties acknowledged the ground rules at hour 1.</summary>
    public static ConflictCase InDialogue(CaseConfidentiality confidentiality = CaseConfidentiality.Coordinators)
    {
        var @case = Raised(confidentiality);
        @case.AcknowledgeGroundRules(Partner(4), Nine, For(4), Hours(1));
        @case.AcknowledgeGroundRules(Partner(5), Nine, For(5), Hours(1));
        return @case;
    }

    /// <summary>The case in mediation: one dialogue session on 2 March, then <see cref="Neutral"/> accepted by both at hour 3.</summary>
    public static ConflictCase InMediation(CaseConfidentiality confidentiality = CaseConfidentiality.Coordinators)
    {
        var @case = InDialogue(confidentiality);
        @case.RecordSession(new LocalDate(2026, 3, 2), "A first talk; no agreement.", Nine, For(4), Hours(2));
        @case.ProposeMediator(Neutral, Nine, For(5), Hours(2));
        @case.AcceptMediator(Partner(4), Nine, For(4), Hours(3));
        @case.AcceptMediator(Partner(5), Nine, For(5), Hours(3));
        return @case;
    }

    public static Resolution Settlement() => new(
        "Member 5 credits member 4's field team in the report and its press release.",
        [new FollowUp(new FollowUpKey("erratum"), Partner(5), "Publish an erratum naming the field team", new LocalDate(2026, 3, 20)), new FollowUp(new FollowUpKey("joint-note"), null, "Circulate a joint note to members", new LocalDate(2026, 3, 31))]);

    public static Actor TheMediator => Actor.ForPerson(Neutral.Person);

    private static GovernanceAggregate Seated()
    {
        var governance = GovernanceScenario.With(GovernanceTemplates.AdvocacyCoalition(), Nine);
        for (var seat = 1; seat <= 3; seat++)
        {
            governance.Appoint("steering-committee", seat, GovernanceScenario.Candidate(seat), Nine, new LocalDate(2026, 3, 2), false, Secretariat, Start);
        }

        return governance;
    }
}
