using System.Globalization;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Initiatives;
using Coalitions.Core.Kernel;
using Coalitions.Core.Measurement;
using Coalitions.Core.Memberships;
using Coalitions.Core.Resources;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using GovernanceAggregate = global::Coalitions.Core.Governance.CoalitionGovernance;

namespace Coalitions.Core.Tests.Kit;

/// <summary>
/// Joint work in the scenario coalition: members 1-3 founding and 4-6 full (Africa/Nairobi), a charter whose goal is keyed
/// <c>reading-by-ten</c>, the advocacy-coalition governance with members 4, 5 and 6 on the steering committee and member 5
/// its treasurer; a reading fund whose expenses the treasurer approves (a decision above 100,000 KES); the reading-camps
/// project led by member 1 with member 2 implementing, member 3 and an outside county fund (20) funding.
/// </summary>
public static class JointWorkScenario
{
    public const string Steering = "steering-committee";

    public static readonly GoalKey ReadingGoal = new("reading-by-ten");

    public static readonly PooledFundId TheFund = PooledFundId.FromGuid(Guid.Parse("f2000000-0000-0000-0000-000000000001"));

    public static readonly InitiativeId TheInitiative = InitiativeId.FromGuid(Guid.Parse("f3000000-0000-0000-0000-000000000001"));

    /// <summary>The reading camps' planned start, 1 April 2026.</summary>
    public static readonly LocalDate April = new(2026, 4, 1);

    /// <summary>The reading camps' first milestone, the baseline survey.</summary>
    public static readonly MilestoneKey Baseline = new("baseline");

    public static Actor Treasurer => For(5);

    public static PledgeId PledgeNumber(int n) => PledgeId.FromGuid(Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"f1000000-0000-0000-0000-{n:D12}")));

    public static IndicatorId IndicatorNumber(int n) => IndicatorId.FromGuid(Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"f4000000-0000-0000-0000-{n:D12}")));

    public static Money Kes(decimal amount) => new(amount, "KES");

    /// <summary>The coalition of six with the keyed goal.</summary>
    public static Coalition Coalition()
    {
        var coalition = Founded();
        coalition.BeginForming(Secretariat, Start);
        coalition.AdoptCharter(Charter(Goal().Keyed("reading-by-ten")), null, Secretariat, Start);
        for (var m = 1; m <= 3; m++)
        {
            coalition.Join(m);
        }

        coalition.Activate(Secretariat, Start);
        for (var m = 4; m <= 6; m++)
        {
            coalition.Join(m, MembershipTier.Full);
        }

        return coalition;
    }

    /// <summary>The advocacy-coalition governance with members 4-6 on the steering committee and member 5 its treasurer.</summary>
    public static GovernanceAggregate Governance(Coalition coalition)
    {
        var governance = GovernanceScenario.With(GovernanceTemplates.AdvocacyCoalition(), coalition);
        for (var seat = 1; seat <= 3; seat++)
        {
            governance.Appoint(Steering, seat, GovernanceScenario.Candidate(seat + 3), coalition, new LocalDate(2026, 3, 2), false, Secretariat, Start);
        }

        governance.AssignOffice(Steering, Office.Treasurer, Partner(5), coalition, Secretariat, Start);
        return governance;
    }

    public static FundRules Rules(decimal threshold = 100_000m, decimal? overdraft = null, string? body = Steering) =>
        new(TheCoalition, "Reading fund", "Storybooks and reading camps.", body is null ? (BodyKey?)null : new BodyKey(body), Office.Treasurer, [Kes(threshold)], overdraft is { } limit ? [Kes(limit)] : []);

    public static PooledFund Fund(Coalition coalition, GovernanceAggregate governance, FundRules? rules = null) =>
        PooledFund.Open(TheFund, rules ?? Rules(), coalition, Secretariat, Start, governance);

    public static PledgeOffer MoneyPledge(int member, decimal amount = 100_000m, string currency = "KES", InitiativeId? initiative = null) =>
        new(TheCoalition, Partner(member), ContributionKind.Money, "Our share of the reading fund", new LocalDate(2026, 6, 30), new Money(amount, currency), Fund: TheFund, Initiative: initiative);

    public static PledgeOffer TimePledge(int member, decimal hours = 40m) =>
        new(TheCoalition, Partner(member), ContributionKind.Expertise, "Trainers for the reading camps", new LocalDate(2026, 8, 31), Hours: hours, Initiative: TheInitiative);

    /// <summary>Member <paramref name="member"/>'s money pledge to the fund, received in full on 4 May and recorded then.</summary>
    public static Pledge ReceivedPledge(Coalition coalition, int member, decimal amount = 100_000m, int number = 1, InitiativeId? initiative = null)
    {
        var pledge = Pledge.Make(PledgeNumber(number), MoneyPledge(member, amount, initiative: initiative), coalition, For(member), Start);
        pledge.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 5, 4), Kes(amount), Note: "Bank transfer"), coalition, Secretariat, OnDate(2026, 5, 4));
        return pledge;
    }

    public static InitiativePlan Plan() => new(
        TheCoalition,
        InitiativeKind.Project,
        "Reading camps",
        "Holiday reading camps in twelve schools, run by teachers and volunteers.",
        Partner(1),
        [
            new InitiativePartner(Partner(1), "Member 1", [PartnerRole.Accountable, PartnerRole.Implementing], OrganisationIdentifier: "KE-NCB-1001"),
            new InitiativePartner(Partner(2), "Member 2", [PartnerRole.Implementing]),
            new InitiativePartner(Partner(3), "Member 3", [PartnerRole.Funding]),
            new InitiativePartner(Partner(20), "County Education Fund", [PartnerRole.Funding], Outside: true, OrganisationIdentifier: "KE-GOV-20"),
        ],
        new LocalDate(2026, 4, 1),
        new LocalDate(2026, 12, 31),
        [
            new Milestone(new MilestoneKey("baseline"), "Baseline reading survey", new LocalDate(2026, 4, 30)),
            new Milestone(new MilestoneKey("camps"), "Camps held in twelve schools", new LocalDate(2026, 8, 31), Weight: 3),
        ],
        [
            new BudgetLine(new BudgetLineKey("books"), "Storybooks", Partner(3), Kes(300_000m), new LocalDate(2026, 4, 1), new LocalDate(2026, 12, 31)),
            new BudgetLine(new BudgetLineKey("trainers"), "Trainers' fees", Partner(20), new Money(2_000m, "USD"), new LocalDate(2026, 4, 1), new LocalDate(2026, 12, 31)),
        ]);

    public static Initiative Proposed(Coalition coalition) => Initiative.Propose(TheInitiative, Plan(), coalition, For(1), Start);

    /// <summary>The reading camps, approved on 2 March 2026.</summary>
    public static Initiative Approved(Coalition coalition)
    {
        var initiative = Proposed(coalition);
        initiative.Approve(Adopted(MatterType.ApproveJointProject), coalition, Secretariat, Start);
        return initiative;
    }

    /// <summary>The reading camps, approved on 2 March and started on 1 April 2026.</summary>
    public static Initiative Active(Coalition coalition)
    {
        var initiative = Approved(coalition);
        initiative.Start(April, coalition, For(1), OnDate(2026, 4, 1));
        return initiative;
    }

    /// <summary>A rate that should rise from 70 % (1 January 2026) to 90 % by 31 December 2030, for the goal and the camps, weighing 2.</summary>
    public static IndicatorDefinition ReadingRate(InitiativeId? initiative = null) => new(
        TheCoalition, "Ten-year-olds reading at grade level", "%", GoalDirection.Increase, 70m, new LocalDate(2026, 1, 1), 90m, new LocalDate(2030, 12, 31),
        MeasurementAggregation.Latest, Goal: ReadingGoal, Initiative: initiative, Weight: 2);

    /// <summary>A count that should reach 1,200 children from 1 April to 31 December 2026, for the camps.</summary>
    public static IndicatorDefinition ChildrenInCamps() => new(
        TheCoalition, "Children attending reading camps", "children", GoalDirection.Increase, 0m, new LocalDate(2026, 4, 1), 1_200m, new LocalDate(2026, 12, 31),
        MeasurementAggregation.Cumulative, Initiative: TheInitiative, Level: ResultLevel.Output);

    public static Indicator Rate(Coalition coalition, Initiative? initiative = null) =>
        Indicator.Define(IndicatorNumber(1), ReadingRate(initiative?.Id), coalition, initiative, Secretariat, Start);

    public static MeasurementReport Measured(int member, decimal value, int fromMonth, int toMonth, string source = "County reading assessment") =>
        new(Partner(member), new LocalDate(2026, fromMonth, 1), new LocalDate(2026, toMonth, 1).PlusMonths(1).PlusDays(-1), value, source);
}
