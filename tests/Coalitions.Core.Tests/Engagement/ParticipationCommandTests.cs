using Coalitions.Core.Advocacy;
using Coalitions.Core.Decisions;
using Coalitions.Core.Engagement;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Partners;
using Coalitions.Core.Polls;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.EngagementScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Engagement;

/// <summary>
/// Participation at its edges: the inputs a measure and a trend take, the first and last day of a period, who is on the
/// roll, facts that disagree, each at-risk threshold at its limit with the words of each reason, the order of the
/// members at risk, and the adapters' edges.
/// </summary>
public class ParticipationCommandTests
{
    private static readonly DateInterval March = new(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31));
    private static readonly DateInterval April = new(new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 30));
    private static readonly DateInterval May = new(new LocalDate(2026, 5, 1), new LocalDate(2026, 5, 31));
    private static readonly AtRiskPolicy NoContributionsExpected = AtRiskPolicy.Default with { ExpectContributions = false };

    // Facts built in order, each from a record of its own.
    private sealed class Facts
    {
        private readonly List<ParticipationFact> _facts = [];

        public Facts Add(int member, ParticipationKind kind, ParticipationResult result, int month = 3, int day = 10, int times = 1)
        {
            for (var i = 0; i < times; i++)
            {
                _facts.Add(Fact(member, kind, result, new LocalDate(2026, month, day), _facts.Count + 1));
            }

            return this;
        }

        public ParticipationFact[] ToArray() => [.. _facts];
    }

    private static List<string> Reasons(IReadOnlyList<DisengagementRisk> risks, int member) =>
        risks.Single(r => r.Member == Partner(member)).Reasons.Select(r => r.Explanation).ToList();

    [Fact]
    public void A_measure_takes_a_coalition_a_period_of_at_most_a_hundred_years_and_at_most_a_million_facts()
    {
        var first = new LocalDate(1900, 1, 1);

        Assert.Equal("The coalition is required.", Refusal.Of(() => Participation.Measure(null!, [], March), ErrorCodes.Kernel.InvalidInput).Message);
        Assert.Equal("The period is required.", Refusal.Of(() => Participation.Measure(Nine, [], null!), ErrorCodes.Engagement.InvalidInput).Message);
        Assert.Equal("The period is longer than 100 years.", Refusal.Of(() => Participation.Measure(Nine, [], new DateInterval(first, first.PlusDays((100 * 366) + 1))), ErrorCodes.Kernel.InvalidPeriod).Message);
        Assert.Equal(
            "The facts hold more than 1,000,000 items.",
            Refusal.Of(() => Participation.Measure(Nine, Enumerable.Repeat(Fact(4, ParticipationKind.Ballot, ParticipationResult.Met, new LocalDate(2026, 3, 9), 1), 1_000_001), March), ErrorCodes.Kernel.OutOfRange).Message);
        Refusal.Of(() => Participation.Measure(Nine, null!, March), ErrorCodes.Kernel.InvalidInput);

        Assert.Equal(new DateInterval(first, first.PlusDays(100 * 366)), Participation.Measure(Nine, [], new DateInterval(first, first.PlusDays(100 * 366))).Period);
    }

    [Fact]
    public void Two_facts_about_one_opportunity_that_disagree_are_refused_naming_both_results_and_days()
    {
        var met = Fact(4, ParticipationKind.Meeting, ParticipationResult.Met, new LocalDate(2026, 3, 10), 4);

        Assert.Equal(
            $"Two facts about one opportunity disagree: Meetings record f7000000-0000-0000-0000-000000000004 says both met on 10 March 2026 and missed on 10 March 2026 for member {Partner(4)}.",
            Refusal.Of(() => Participation.Measure(Nine, [met, met with { Result = ParticipationResult.Missed }], March), ErrorCodes.Engagement.InvalidInput).Message);
        Assert.Equal(
            $"Two facts about one opportunity disagree: Meetings record f7000000-0000-0000-0000-000000000004 (day 1) says both met on 10 March 2026 and met on 11 March 2026 for member {Partner(4)}.",
            Refusal.Of(() => Participation.Measure(Nine, [met with { Source = Source("Meetings", 4, "day 1") }, met with { Source = Source("Meetings", 4, "day 1"), On = new LocalDate(2026, 3, 11) }], March), ErrorCodes.Engagement.InvalidInput).Message);

        var report = Participation.Measure(Nine, [met, met, met with { Member = Partner(5) }, met with { Kind = ParticipationKind.Ballot, Result = ParticipationResult.Missed }], March);

        Assert.Equal((1, 1), (report.Members.Single(m => m.Member == Partner(4)).Meetings.Met, report.Members.Single(m => m.Member == Partner(4)).Ballots.Missed));
        Assert.Equal(1, report.Members.Single(m => m.Member == Partner(5)).Meetings.Met);
    }

    [Fact]
    public void A_period_counts_facts_from_its_first_to_its_last_day_for_the_members_that_joined_by_then_and_are_active_or_suspended()
    {
        var coalition = GovernanceScenario.NineMembers();
        coalition.Suspend(Partner(9), Adopted(MatterType.SuspendMember), Secretariat, Hours(1));
        coalition.Join(10, MembershipTier.Full, OnDate(2026, 4, 15));
        ParticipationFact[] facts =
        [
            Fact(4, ParticipationKind.Ballot, ParticipationResult.Met, new LocalDate(2026, 2, 28), 1),
            Fact(4, ParticipationKind.Ballot, ParticipationResult.Met, new LocalDate(2026, 3, 1), 2),
            Fact(4, ParticipationKind.Ballot, ParticipationResult.Met, new LocalDate(2026, 3, 31), 3),
            Fact(4, ParticipationKind.Ballot, ParticipationResult.Met, new LocalDate(2026, 4, 1), 4),
            Fact(10, ParticipationKind.Ballot, ParticipationResult.Met, new LocalDate(2026, 3, 31), 3),
        ];

        var march = Participation.Measure(coalition, facts, March);
        var april = Participation.Measure(coalition, facts, April);

        Assert.Equal(Enumerable.Range(1, 9).Select(Partner), march.Members.Select(m => m.Member));
        Assert.Equal(Enumerable.Range(1, 10).Select(Partner), april.Members.Select(m => m.Member));
        Assert.Equal(2, march.Members[3].Ballots.Met);
        Assert.Equal(1, april.Members[3].Ballots.Met);
        Assert.Equal((MembershipStatus.Suspended, MembershipStatus.Active), (march.Members[8].Status, march.Members[3].Status));
        Assert.Equal(("Member 4", TheCoalition, March), (march.Members[3].Name, march.Coalition, march.Period));
    }

    [Fact]
    public void Excused_and_pending_opportunities_are_kept_apart_and_a_late_item_counts_but_is_not_on_time()
    {
        var facts = new Facts()
            .Add(4, ParticipationKind.Task, ParticipationResult.Met)
            .Add(4, ParticipationKind.Task, ParticipationResult.Late)
            .Add(4, ParticipationKind.Task, ParticipationResult.Missed)
            .Add(4, ParticipationKind.Task, ParticipationResult.Excused)
            .Add(4, ParticipationKind.Task, ParticipationResult.Pending, times: 2)
            .Add(4, ParticipationKind.Contribution, ParticipationResult.Met, times: 2)
            .ToArray();

        var four = Participation.Measure(Nine, facts, March).Members[3];

        Assert.Equal(new ParticipationTally(1, 1, 1, 1, 2), four.Tasks);
        Assert.Equal((3, new Fraction(1, 3), 3, new Fraction(1, 3), 2), (four.Tasks.Opportunities, four.Tasks.Rate, four.Opportunities, four.Share, four.Contributions));
        Assert.Null(ParticipationTally.None.Rate);
    }

    [Fact]
    public void The_report_in_words_gives_each_members_figures_with_late_items_and_singular_contributions()
    {
        var facts = new Facts()
            .Add(1, ParticipationKind.Ballot, ParticipationResult.Met)
            .Add(1, ParticipationKind.Meeting, ParticipationResult.Missed)
            .Add(1, ParticipationKind.Task, ParticipationResult.Late)
            .Add(1, ParticipationKind.Contribution, ParticipationResult.Met)
            .Add(2, ParticipationKind.Contribution, ParticipationResult.Met, times: 2)
            .ToArray();

        Assert.Equal(
            "Participation from 1 March 2026 to 31 March 2026:\n" +
            "Member 1: ballots cast 1 of 1; meetings attended 0 of 1; items on time 0 of 1 (1 late); 1 contribution; overall 33 %.\n" +
            "Member 2: ballots cast 0 of 0; meetings attended 0 of 0; items on time 0 of 0; 2 contributions; overall: no opportunities.\n" +
            "Member 3: ballots cast 0 of 0; meetings attended 0 of 0; items on time 0 of 0; 0 contributions; overall: no opportunities.",
            Participation.Measure(ActiveWith(3), facts, March).Describe());
    }

    [Fact]
    public void Members_at_risk_are_named_with_each_reason_at_its_threshold_most_reasons_first_then_by_name()
    {
        var facts = new Facts()
            .Add(1, ParticipationKind.Ballot, ParticipationResult.Missed, times: 2)
            .Add(2, ParticipationKind.Ballot, ParticipationResult.Missed)
            .Add(3, ParticipationKind.Ballot, ParticipationResult.Missed).Add(3, ParticipationKind.Task, ParticipationResult.Late)
            .Add(4, ParticipationKind.Ballot, ParticipationResult.Met).Add(4, ParticipationKind.Ballot, ParticipationResult.Missed)
            .Add(5, ParticipationKind.Ballot, ParticipationResult.Met).Add(5, ParticipationKind.Ballot, ParticipationResult.Missed, times: 2)
            .Add(6, ParticipationKind.Meeting, ParticipationResult.Met).Add(6, ParticipationKind.Meeting, ParticipationResult.Missed, times: 2)
            .Add(7, ParticipationKind.Ballot, ParticipationResult.Met).Add(7, ParticipationKind.Task, ParticipationResult.Missed, times: 2)
            .Add(8, ParticipationKind.Meeting, ParticipationResult.Met).Add(8, ParticipationKind.Task, ParticipationResult.Missed);
        foreach (var member in new[] { 1, 2, 3, 4, 5, 6, 7, 9 })
        {
            facts.Add(member, ParticipationKind.Contribution, ParticipationResult.Met, day: 5);
        }

        var report = Participation.Measure(Nine, facts.ToArray(), March);
        var risks = report.AtRisk();

        Assert.Equal([8, 1, 5, 6, 7], risks.Select(r => Enumerable.Range(1, 9).Single(n => Partner(n) == r.Member)));
        Assert.Equal(["1 item it owed is overdue.", "It made no contribution from 1 March 2026 to 31 March 2026."], Reasons(risks, 8));
        Assert.Equal(["It took part in none of its 2 opportunities (ballots, meetings and items)."], Reasons(risks, 1));
        Assert.Equal(["It cast 1 of the 3 ballots it could cast (33 %), below one half."], Reasons(risks, 5));
        Assert.Equal(["It attended 1 of the 3 meetings it was expected at (33 %), below one half."], Reasons(risks, 6));
        Assert.Equal(["2 items it owed are overdue."], Reasons(risks, 7));
        Assert.Equal([RiskKind.OverdueItems, RiskKind.NoContributions], risks[0].Reasons.Select(r => r.Kind));
        Assert.Equal("Member 8", risks[0].Name);

        Assert.Equal([7], report.AtRisk(policy: NoContributionsExpected with { OverdueItems = 2 }).Where(r => r.Reasons.Any(x => x.Kind == RiskKind.OverdueItems)).Select(r => Enumerable.Range(1, 9).Single(n => Partner(n) == r.Member)));
    }

    [Fact]
    public void A_single_opportunity_is_judged_when_the_policy_asks_for_one_and_told_in_the_singular()
    {
        var facts = new Facts()
            .Add(2, ParticipationKind.Ballot, ParticipationResult.Missed)
            .Add(3, ParticipationKind.Ballot, ParticipationResult.Missed).Add(3, ParticipationKind.Task, ParticipationResult.Late)
            .Add(9, ParticipationKind.Ballot, ParticipationResult.Met).Add(9, ParticipationKind.Meeting, ParticipationResult.Missed)
            .ToArray();

        var risks = Participation.Measure(Nine, facts, March).AtRisk(policy: NoContributionsExpected with { MinimumOpportunities = 1 });

        Assert.Equal(["It did not take its one opportunity (a ballot, a meeting or an item)."], Reasons(risks, 2));
        Assert.Equal(["It cast 0 of the 1 ballot it could cast (0 %), below one half."], Reasons(risks, 3));
        Assert.Equal(["It attended 0 of the 1 meeting it was expected at (0 %), below one half."], Reasons(risks, 9));
        Assert.Equal(3, risks.Count);
    }

    [Fact]
    public void A_suspended_member_and_one_without_contributions_are_at_risk_and_contributions_are_not_expected_when_the_policy_says_so()
    {
        var coalition = GovernanceScenario.NineMembers();
        coalition.Suspend(Partner(9), Adopted(MatterType.SuspendMember), Secretariat, Hours(1));
        var report = Participation.Measure(coalition, [], March);

        Assert.Equal(["Its membership is suspended.", "It made no contribution from 1 March 2026 to 31 March 2026."], Reasons(report.AtRisk(), 9));
        Assert.Equal(9, report.AtRisk().Count);
        Assert.Equal([RiskKind.Suspended], Assert.Single(report.AtRisk(policy: NoContributionsExpected)).Reasons.Select(r => r.Kind));
    }

    [Fact]
    public void A_fall_counts_from_the_policys_drop_exactly_and_only_as_a_fall()
    {
        var facts = new Facts()
            .Add(4, ParticipationKind.Ballot, ParticipationResult.Met, times: 2)
            .Add(5, ParticipationKind.Ballot, ParticipationResult.Met, times: 2)
            .Add(6, ParticipationKind.Ballot, ParticipationResult.Met).Add(6, ParticipationKind.Ballot, ParticipationResult.Missed)
            .Add(7, ParticipationKind.Ballot, ParticipationResult.Met, times: 2)
            .Add(4, ParticipationKind.Ballot, ParticipationResult.Met, month: 4, times: 3).Add(4, ParticipationKind.Ballot, ParticipationResult.Missed, month: 4)
            .Add(5, ParticipationKind.Ballot, ParticipationResult.Met, month: 4, times: 4).Add(5, ParticipationKind.Ballot, ParticipationResult.Missed, month: 4)
            .Add(6, ParticipationKind.Ballot, ParticipationResult.Met, month: 4, times: 2)
            .Add(7, ParticipationKind.Ballot, ParticipationResult.Met, month: 4, times: 2)
            .ToArray();
        var march = Participation.Measure(Nine, facts, March);
        var april = Participation.Measure(Nine, facts, April);

        var risks = april.AtRisk(march, NoContributionsExpected);

        Assert.Equal(["Its participation fell from 100 % to 75 % since the previous period."], Reasons(risks, 4));
        Assert.Single(risks);
        Assert.Empty(april.AtRisk(march, NoContributionsExpected with { SignificantDrop = new Fraction(26, 100) }));
        Assert.Empty(april.AtRisk(null, NoContributionsExpected));
        Assert.Equal(
            "The previous report is of another coalition.",
            Refusal.Of(() => april.AtRisk(Participation.Measure(AnotherWith(4), [], March)), ErrorCodes.Coalitions.OtherCoalition).Message);
    }

    [Fact]
    public void An_at_risk_policy_has_shares_of_at_most_one_a_drop_above_zero_and_counts_from_one_to_a_thousand()
    {
        var report = Participation.Measure(Nine, [], March);
        void Accepted(AtRiskPolicy policy) => report.AtRisk(policy: policy);
        void Refused(AtRiskPolicy policy, string? words = null) => Refusal.Of(() => report.AtRisk(policy: policy), ErrorCodes.Engagement.InvalidInput, words);

        Refused(AtRiskPolicy.Default with { MinimumRate = new Fraction(101, 100) }, "The minimum rate is a share of at most one.");
        Refused(AtRiskPolicy.Default with { SignificantDrop = new Fraction(0, 1) }, "The significant drop is a share above zero and at most one.");
        Refused(AtRiskPolicy.Default with { SignificantDrop = new Fraction(101, 100) }, "The significant drop is a share above zero and at most one.");
        Refused(AtRiskPolicy.Default with { MinimumOpportunities = 0 });
        Refused(AtRiskPolicy.Default with { MinimumOpportunities = 1_001 });
        Refused(AtRiskPolicy.Default with { OverdueItems = 0 });
        Refused(AtRiskPolicy.Default with { OverdueItems = 1_001 });

        Accepted(AtRiskPolicy.Default with { MinimumRate = Fraction.One, SignificantDrop = Fraction.One, MinimumOpportunities = 1, OverdueItems = 1 });
        Accepted(AtRiskPolicy.Default with { MinimumRate = new Fraction(0, 1), SignificantDrop = new Fraction(1, 100), MinimumOpportunities = 1_000, OverdueItems = 1_000 });
    }

    [Fact]
    public void A_trend_takes_one_to_120_periods_each_checked()
    {
        var months = Enumerable.Range(0, 121).Select(i => new DateInterval(new LocalDate(2026, 3, 2).PlusDays(i), new LocalDate(2026, 3, 2).PlusDays(i))).ToArray();
        var first = new LocalDate(1900, 1, 1);

        Assert.Equal("A trend needs at least one period.", Refusal.Of(() => Participation.Trend(Nine, [], []), ErrorCodes.Engagement.InvalidInput).Message);
        Assert.Equal("The periods hold more than 120 items.", Refusal.Of(() => Participation.Trend(Nine, [], months), ErrorCodes.Kernel.OutOfRange).Message);
        Assert.Equal("The periods hold a null item.", Refusal.Of(() => Participation.Trend(Nine, [], [March, null!]), ErrorCodes.Kernel.InvalidInput).Message);
        Assert.Equal("The period is longer than 100 years.", Refusal.Of(() => Participation.Trend(Nine, [], [March, new DateInterval(first, first.PlusDays((100 * 366) + 1))]), ErrorCodes.Kernel.InvalidPeriod).Message);
        Assert.Equal("The coalition is required.", Refusal.Of(() => Participation.Trend(null!, [], [March]), ErrorCodes.Kernel.InvalidInput).Message);

        Assert.Equal(120, Participation.Trend(Nine, [], months[..120]).Single(t => t.Member == Partner(4)).Shares.Count);
    }

    [Fact]
    public void A_trend_compares_the_last_two_periods_with_opportunities_and_a_member_not_yet_on_the_roll_has_none()
    {
        var coalition = GovernanceScenario.NineMembers();
        coalition.Join(10, MembershipTier.Full, OnDate(2026, 4, 15));
        var facts = new Facts()
            .Add(4, ParticipationKind.Ballot, ParticipationResult.Met)
            .Add(4, ParticipationKind.Ballot, ParticipationResult.Met, month: 5).Add(4, ParticipationKind.Ballot, ParticipationResult.Missed, month: 5)
            .Add(5, ParticipationKind.Ballot, ParticipationResult.Met).Add(5, ParticipationKind.Ballot, ParticipationResult.Missed)
            .Add(5, ParticipationKind.Ballot, ParticipationResult.Met, month: 5)
            .Add(6, ParticipationKind.Ballot, ParticipationResult.Met)
            .Add(6, ParticipationKind.Ballot, ParticipationResult.Met, month: 5)
            .Add(7, ParticipationKind.Ballot, ParticipationResult.Met, month: 5)
            .Add(10, ParticipationKind.Ballot, ParticipationResult.Met, month: 5)
            .ToArray();

        var trends = Participation.Trend(coalition, facts, [March, April, May]);
        TrendDirection Direction(int member) => trends.Single(t => t.Member == Partner(member)).Direction;

        Assert.Equal(Enumerable.Range(1, 10).Select(Partner), trends.Select(t => t.Member));
        Assert.Equal((TrendDirection.Falling, TrendDirection.Rising, TrendDirection.Steady, TrendDirection.Unknown), (Direction(4), Direction(5), Direction(6), Direction(7)));
        Assert.Equal([new PeriodShare(March, Fraction.One, 1), new PeriodShare(April, null, 0), new PeriodShare(May, new Fraction(1, 2), 2)], trends[3].Shares);
        Assert.Equal(new PeriodShare(March, null, 0), trends[9].Shares[0]);
        Assert.Equal("Member 10", trends[9].Name);
    }

    [Fact]
    public void A_campaign_action_done_on_its_due_day_is_on_time_and_the_adapters_refuse_missing_inputs()
    {
        var campaign = LaunchedCampaign();
        campaign.PlanAction(Action("on-the-day", 6, new LocalDate(2026, 4, 10)), Nine, Secretariat, Hours(1));
        campaign.CompleteAction(new CampaignActionKey("on-the-day"), new LocalDate(2026, 4, 10), null, Nine, For(6), OnDate(2026, 4, 10));

        Assert.Equal(ParticipationResult.Met, Assert.Single(ParticipationFacts.FromCampaign(campaign, new LocalDate(2026, 4, 20))).Result);
        Assert.Equal("The campaign is required.", Refusal.Of(() => ParticipationFacts.FromCampaign(null!, new LocalDate(2026, 4, 20)), ErrorCodes.Kernel.InvalidInput).Message);
        Refusal.Of(() => ParticipationFacts.FromCampaign(campaign, new LocalDate(3000, 1, 1)), ErrorCodes.Kernel.OutOfRange, "The date 'as of' (3000-01-01)");
        Assert.Equal("The agreement is required.", Refusal.Of(() => ParticipationFacts.FromAgreement(null!, new LocalDate(2026, 4, 20)), ErrorCodes.Kernel.InvalidInput).Message);
        Assert.Equal("The statement is required.", Refusal.Of(() => ParticipationFacts.FromStatement(null!), ErrorCodes.Kernel.InvalidInput).Message);
        Assert.Equal("The position is required.", Refusal.Of(() => ParticipationFacts.FromPosition(null!), ErrorCodes.Kernel.InvalidInput).Message);
        Assert.Equal("The proposal is required.", Refusal.Of(() => ParticipationFacts.FromProposal(null!, DateTimeZone.Utc), ErrorCodes.Kernel.InvalidInput).Message);
        Assert.Equal("The zone is required.", Refusal.Of(() => ParticipationFacts.FromProposal(Discussed(DecisionRule.SimpleMajority()), null!), ErrorCodes.Kernel.InvalidInput).Message);
        Assert.Empty(ParticipationFacts.FromProposal(Discussed(DecisionRule.SimpleMajority()), DateTimeZone.Utc));
        Assert.Equal(ErrorCodes.Kernel.CorruptHistory, Assert.Throws<StoredEventException>(() => ParticipationFacts.FromPoll(null!, DateTimeZone.Utc)).Code);
    }

    [Fact]
    public void A_withdrawn_endorsement_is_no_contribution()
    {
        var statement = OpenStatement();
        var withdrawn = EndorsementId.New();
        statement.Endorse(EndorsementId.New(), Organization(4), "Representative 4", null, Nine, For(4), Hours(3));
        statement.Endorse(withdrawn, Organization(5), "Representative 5", null, Nine, For(5), Hours(3));
        statement.WithdrawEndorsement(withdrawn, "We changed our mind.", Nine, For(5), Hours(4), Organization(5));

        Assert.Equal([Partner(4)], ParticipationFacts.FromStatement(statement).Select(f => f.Member));
        Assert.Equal([Partner(4)], ValueFacts.FromStatement(statement).Select(f => f.Member));
    }

    [Fact]
    public void A_member_that_joined_on_the_last_day_of_the_period_is_on_its_roll()
    {
        var coalition = GovernanceScenario.NineMembers();
        coalition.Join(10, MembershipTier.Full, OnDate(2026, 3, 31));

        var march = Participation.Measure(coalition, [Fact(10, ParticipationKind.Meeting, ParticipationResult.Met, new LocalDate(2026, 3, 31), 1)], March);

        Assert.Equal((Partner(10), 1), (march.Members[^1].Member, march.Members[^1].Meetings.Met));
    }

    [Fact]
    public void A_member_that_took_a_meeting_and_an_item_is_not_silent()
    {
        var facts = new Facts()
            .Add(4, ParticipationKind.Meeting, ParticipationResult.Met)
            .Add(4, ParticipationKind.Task, ParticipationResult.Met)
            .ToArray();

        Assert.Empty(Participation.Measure(Nine, facts, March).AtRisk(policy: NoContributionsExpected));
    }

    [Fact]
    public void A_fall_counts_by_the_exact_difference_of_the_two_shares()
    {
        var facts = new Facts()
            .Add(4, ParticipationKind.Ballot, ParticipationResult.Met, times: 3).Add(4, ParticipationKind.Ballot, ParticipationResult.Missed)
            .Add(4, ParticipationKind.Ballot, ParticipationResult.Met, month: 4, times: 2).Add(4, ParticipationKind.Ballot, ParticipationResult.Missed, month: 4)
            .ToArray();
        var march = Participation.Measure(Nine, facts, March);
        var april = Participation.Measure(Nine, facts, April);

        // From three quarters to two thirds: a fall of one twelfth.
        Assert.Equal((new Fraction(3, 4), new Fraction(2, 3)), (march.Members[3].Share, april.Members[3].Share));
        Assert.Empty(april.AtRisk(march, NoContributionsExpected));
        Assert.Equal(
            ["Its participation fell from 75 % to 67 % since the previous period."],
            Reasons(april.AtRisk(march, NoContributionsExpected with { SignificantDrop = new Fraction(1, 12) }), 4));
    }

    [Fact]
    public void Members_at_risk_with_as_many_reasons_and_the_same_name_are_listed_in_id_order()
    {
        var coalition = ActiveWith(3);
        coalition.Invite(Offer(4), new PartnerSnapshot(Partner(4), PartnerScenario.Profile("Member 3"), [Person(4)]), OpenDoor, null, Secretariat, Start);
        coalition.AcceptMembership(Partner(4), For(4), Start);

        var risks = Participation.Measure(coalition, [], March).AtRisk();

        Assert.Equal([(Partner(1), "Member 1"), (Partner(2), "Member 2"), (Partner(3), "Member 3"), (Partner(4), "Member 3")], risks.Select(r => (r.Member, r.Name)));
    }

    [Fact]
    public void A_fact_names_a_member_a_defined_kind_and_result_a_day_in_range_and_a_source_with_a_room_a_record_and_at_most_one_line_of_item()
    {
        var fact = Fact(4, ParticipationKind.Meeting, ParticipationResult.Met, new LocalDate(2026, 3, 10), 1);
        void Refused(ParticipationFact wrong, ErrorCode code, string? words = null) => Refusal.Of(() => Participation.Measure(Nine, [wrong], March), code, words);

        Refused(fact with { Member = default }, ErrorCodes.Kernel.EmptyId);
        Refused(fact with { Kind = (ParticipationKind)9 }, ErrorCodes.Kernel.InvalidInput);
        Refused(fact with { Result = (ParticipationResult)9 }, ErrorCodes.Kernel.InvalidInput);
        Refused(fact with { On = new LocalDate(1899, 12, 31) }, ErrorCodes.Kernel.OutOfRange);
        Refused(fact with { Source = null! }, ErrorCodes.Kernel.InvalidInput);
        Refused(fact with { Source = Source(" ", 1) }, ErrorCodes.Kernel.InvalidText);
        Refused(fact with { Source = Source(new string('r', 65), 1) }, ErrorCodes.Kernel.InvalidText);
        Refused(fact with { Source = new FactSource("Meetings", Guid.Empty) }, ErrorCodes.Kernel.EmptyId, "The record of a fact's source is the empty id.");
        Refused(fact with { Source = Source("Meetings", 1, "day\none") }, ErrorCodes.Kernel.InvalidText);
        Refused(fact with { Result = ParticipationResult.Late }, ErrorCodes.Engagement.InvalidInput, "A contribution is always made (met), and a ballot or a meeting is never late.");

        var report = Participation.Measure(Nine, [fact, fact with { Source = Source(new string('r', 64), 2, new string('i', 200)) }], March);
        Assert.Equal(2, report.Members[3].Meetings.Met);
    }

    [Fact]
    public void Under_a_terminated_agreement_only_the_commitments_settled_count()
    {
        var agreement = AgreementScenario.SignedByAll();
        agreement.RecordFulfilment("secretariat-time", new LocalDate(2026, 4, 20), null, For(1), AgreementScenario.OnUtc(2026, 4, 21));
        agreement.RecordFulfilment("reading-fund", new LocalDate(2026, 7, 10), null, For(2), AgreementScenario.OnUtc(2026, 7, 11));
        agreement.Terminate("The coalition dissolved.", Adopted(MatterType.Dissolve), For(1), AgreementScenario.OnUtc(2026, 7, 15));

        (PartnerId, ParticipationResult)[] settled = [(Partner(1), ParticipationResult.Met), (Partner(2), ParticipationResult.Late)];
        Assert.Equal(settled, ParticipationFacts.FromAgreement(agreement, new LocalDate(2026, 8, 1)).Select(f => (f.Member, f.Result)));
        Assert.Equal(settled, ParticipationFacts.FromAgreement(agreement, new LocalDate(2026, 10, 15)).Select(f => (f.Member, f.Result)));
    }

    [Fact]
    public void An_agreement_is_read_on_a_day_in_range_even_before_it_binds_anyone()
    {
        var drafted = AgreementScenario.Drafted();

        Refusal.Of(() => ParticipationFacts.FromAgreement(drafted, new LocalDate(3000, 1, 1)), ErrorCodes.Kernel.OutOfRange, "The date 'as of' (3000-01-01)");
        Assert.Empty(ParticipationFacts.FromAgreement(drafted, new LocalDate(2026, 4, 1)));
    }

    [Fact]
    public void A_polls_facts_need_its_history_and_the_coalitions_time_zone()
    {
        var events = PollScenario.Opened(new PollRule(PollMethod.Plurality)).DequeueUncommittedEvents();

        Assert.Equal("The zone is required.", Refusal.Of(() => ParticipationFacts.FromPoll(events, null!), ErrorCodes.Kernel.InvalidInput).Message);
        var missing = Assert.Throws<StoredEventException>(() => ParticipationFacts.FromPoll(null!, DateTimeZone.Utc));
        Assert.Equal((ErrorCodes.Kernel.CorruptHistory, "A poll's history is required."), (missing.Code, missing.Message));
        Assert.Equal(5, ParticipationFacts.FromPoll(events, DateTimeZone.Utc).Count);
    }

    [Fact]
    public void A_statement_gives_a_fact_for_each_member_that_endorsed_it_and_none_for_an_outside_organization_with_a_partner_record()
    {
        var statement = OpenStatement();
        statement.Endorse(EndorsementId.New(), Organization(4), "Representative 4", null, Nine, For(4), Hours(3));
        statement.RecordEndorsement(EndorsementId.New(), Outsider("Coast Parents Forum", "KE") with { Partner = Partner(30) }, Nine, Secretariat, Hours(3));
        var source = new FactSource("Advocacy", TheStatement.Value, "endorsement");

        Assert.Equal(
            [new ParticipationFact(Partner(4), ParticipationKind.Contribution, ParticipationResult.Met, new LocalDate(2026, 3, 2), source)],
            ParticipationFacts.FromStatement(statement));
        Assert.Equal(
            [new ValueFact(Partner(4), ValueDirection.Gave, ValueKind.Endorsement, new LocalDate(2026, 3, 2), source, "Fund the teachers")],
            ValueFacts.FromStatement(statement));
    }

    [Fact]
    public void An_adopted_position_is_its_drafters_contribution_from_that_version_on_the_day_adopted()
    {
        Assert.Equal(
            [new ParticipationFact(Partner(4), ParticipationKind.Contribution, ParticipationResult.Met, new LocalDate(2026, 3, 2), new FactSource("Advocacy", ThePosition.Value, "version 1"))],
            ParticipationFacts.FromPosition(AdoptedPosition()));
    }
}
