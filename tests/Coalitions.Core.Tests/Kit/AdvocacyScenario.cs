using Coalitions.Core.Advocacy;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Kit;

/// <summary>
/// The advocacy of Learning for All, a coalition of nine (<see cref="GovernanceScenario.NineMembers"/>; dates in
/// Africa/Nairobi): a position on the education budget drafted by member 4, a sign-on statement closing on 31 March
/// 2026, and a campaign led by member 5.
/// </summary>
public static class AdvocacyScenario
{
    public static readonly PolicyPositionId ThePosition = PolicyPositionId.FromGuid(Guid.Parse("f1000000-0000-0000-0000-000000000001"));
    public static readonly PolicyPositionId OtherPosition = PolicyPositionId.FromGuid(Guid.Parse("f1000000-0000-0000-0000-000000000002"));
    public static readonly SignOnStatementId TheStatement = SignOnStatementId.FromGuid(Guid.Parse("f2000000-0000-0000-0000-000000000001"));
    public static readonly CampaignId TheCampaign = CampaignId.FromGuid(Guid.Parse("f3000000-0000-0000-0000-000000000001"));
    public static readonly ExternalEventId BudgetHearing = ExternalEventId.FromGuid(Guid.Parse("f4000000-0000-0000-0000-000000000001"));
    public static readonly IssueKey Budget = new("education-budget");
    public static readonly LocalDate ClosingDay = new(2026, 3, 31);

    /// <summary>One coalition of nine, read by commands that never change it.</summary>
    public static readonly Coalition Nine = GovernanceScenario.NineMembers();

    /// <summary>Another coalition, founded by the same coordinator.</summary>
    public static readonly Coalition Elsewhere = Coalition.Found(CoalitionId.FromGuid(Guid.Parse("c0000000-0000-0000-0000-000000000002")), "Another coalition", CoalitionForm.Alliance, "Africa/Nairobi", Convenor, Secretariat, Start);

    /// <summary>An adopted decision of Learning for All on a matter, by proposal <paramref name="proposal"/>, taken at <paramref name="at"/>.</summary>
    public static DecisionReference Decided(MatterType matter, int proposal, Instant at, DecisionResult result = DecisionResult.Adopted, CoalitionId? coalition = null) =>
        new(ProposalNumber(proposal), coalition ?? TheCoalition, matter, result, at);

    public static PositionDraft PositionText(string title = "Six per cent for education", string text = "The coalition calls for six per cent of GDP for education, with a line for reading.") =>
        new(TheCoalition, Budget, title, text);

    /// <summary>The position on the education budget, drafted by member 4's delegate at <see cref="Scenario.Start"/>.</summary>
    public static PolicyPosition DraftedPosition(int member = 4) => PolicyPosition.Draft(ThePosition, PositionText(), Nine, For(member), Start);

    /// <summary>The position, adopted at hour 2 citing proposal 11 (decided at hour 1).</summary>
    public static PolicyPosition AdoptedPosition()
    {
        var position = DraftedPosition();
        position.Adopt(Decided(MatterType.AdoptPolicyPosition, 11, Hours(1)), Nine, Secretariat, Hours(2));
        return position;
    }

    /// <summary>The position, adopted at hour 2 and published at hour 3.</summary>
    public static PolicyPosition PublishedPosition()
    {
        var position = AdoptedPosition();
        position.Publish(Nine, Secretariat, Hours(3));
        return position;
    }

    public static StatementDraft StatementText(LocalDate? closesOn = null) =>
        new(TheCoalition, "Fund the teachers", "We, the undersigned organizations, call on the government to fund ten thousand reading teachers.", closesOn ?? ClosingDay);

    public static SignOnStatement DraftedStatement() => SignOnStatement.Draft(TheStatement, StatementText(), Nine, Secretariat, Start);

    /// <summary>The statement, published at hour 2 citing proposal 21 (decided at hour 1); open until the end of 31 March 2026, Nairobi time.</summary>
    public static SignOnStatement OpenStatement()
    {
        var statement = DraftedStatement();
        statement.Publish(Decided(MatterType.IssuePublicStatement, 21, Hours(1)), Nine, Secretariat, Hours(2));
        return statement;
    }

    /// <summary>Partner n's record as it stands: "Member n" in Kenya, represented by person n.</summary>
    public static PartnerSnapshot Organization(int n, string? name = null) => new(Partner(n), PartnerScenario.Profile(name ?? $"Member {n}"), [Person(n)]);

    /// <summary>An endorsement the secretariat received from an outside organization.</summary>
    public static Endorser Outsider(string organization = "Teachers Without Borders", string country = "UG") => new(organization, country, "Grace Nakato", "Executive director");

    public static CampaignPlan Plan(PartnerId? lead = null) => new(
        TheCoalition,
        "Fund reading",
        "Six per cent of the budget for education, with a line for reading.",
        [new CampaignObjective(new CampaignObjectiveKey("budget-line"), "A budget line for reading", new LocalDate(2026, 10, 1))],
        [new CampaignTarget(new TargetKey("minister"), "Minister of Education", TargetKind.Official, "Cabinet secretary"), new CampaignTarget(new TargetKey("committee"), "Education committee", TargetKind.Institution)],
        lead);

    /// <summary>The campaign, launched at <see cref="Scenario.Start"/> by the secretariat, led by member 5.</summary>
    public static Campaign LaunchedCampaign() => Campaign.Launch(TheCampaign, Plan(Partner(5)), Nine, Secretariat, Start);

    public static PlannedAction Action(string key = "meet-minister", int assignee = 6, LocalDate? due = null, ActionKind kind = ActionKind.MeetingWithOfficial) =>
        new(new CampaignActionKey(key), kind, "Meet the minister with the budget brief", Partner(assignee), due ?? new LocalDate(2026, 4, 15), Target: new TargetKey("minister"), Objective: new CampaignObjectiveKey("budget-line"));
}
