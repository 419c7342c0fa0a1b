using Coalitions.Core.Advocacy;
using Coalitions.Core.Agreements;
using Coalitions.Core.Decisions;
using Coalitions.Core.Engagement;
using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using Snapshooter.Xunit;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.EngagementScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Engagement;

/// <summary>Participation computed from what the rooms record; members at risk of disengaging, with the reasons.</summary>
public class ParticipationTests
{
    private static readonly DateTimeZone Nairobi = DateTimeZoneProviders.Tzdb["Africa/Nairobi"];
    private static readonly DateInterval March = new(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31));
    private static readonly DateInterval April = new(new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 30));

    [Fact]
    public void A_proposal_asks_each_voter_for_a_ballot_per_round_a_recused_voter_is_excused_and_an_open_round_is_pending()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(4));
        proposal.DeclareConflictOfInterest(Partner(4), "Our director chairs the applicant.", For(4), Hours(1));
        proposal.Vote(1, Stance.Support);
        proposal.Vote(2, Stance.Oppose);

        var open = ParticipationFacts.FromProposal(proposal, Nairobi);
        proposal.Close(ChairActor, Hours(24 * 7));
        var closed = ParticipationFacts.FromProposal(proposal, Nairobi);

        Assert.Equal([ParticipationResult.Met, ParticipationResult.Met, ParticipationResult.Pending, ParticipationResult.Excused], open.Select(f => f.Result));
        Assert.Equal([ParticipationResult.Met, ParticipationResult.Met, ParticipationResult.Missed, ParticipationResult.Excused], closed.Select(f => f.Result));
        Assert.All(closed, f => Assert.Equal(new LocalDate(2026, 3, 9), f.On));
        Assert.All(closed, f => Assert.Equal(new FactSource("Decisions", ProposalNumber(1).Value, "round 1"), f.Source));
    }

    [Fact]
    public void A_silence_procedure_asks_for_no_ballot()
    {
        var proposal = Voting(DecisionRule.SilenceProcedure(Duration.FromDays(5)), Members(3));

        Assert.Empty(ParticipationFacts.FromProposal(proposal, Nairobi));
    }

    [Fact]
    public void A_poll_asks_each_voter_for_a_ballot_and_its_history_says_who_voted()
    {
        PollOption[] options = [new("a", "Option A"), new("b", "Option B")];
        var poll = Poll.Draft(PollId.New(), new PollDraft(TheCoalition, "Which?", options, new PollRule(PollMethod.Plurality), [Chair]), ChairActor, Start);
        poll.Open(Members(3), Hours(48), ChairActor, Start);
        poll.CastBallot(PollBallot.Ranked(Partner(1), "a"), For(1), Hours(1));
        var events = poll.DequeueUncommittedEvents().ToList();

        var open = ParticipationFacts.FromPoll(events, Nairobi);
        poll.Close(ChairActor, Hours(48));
        events.AddRange(poll.DequeueUncommittedEvents());
        var closed = ParticipationFacts.FromPoll(events, Nairobi);

        Assert.Equal([ParticipationResult.Met, ParticipationResult.Pending, ParticipationResult.Pending], open.Select(f => f.Result));
        Assert.Equal([ParticipationResult.Met, ParticipationResult.Missed, ParticipationResult.Missed], closed.Select(f => f.Result));
        Assert.Throws<StoredEventException>(() => ParticipationFacts.FromPoll(events.Skip(1), Nairobi));
    }

    [Fact]
    public void An_agreements_commitments_are_met_on_time_late_missed_pending_or_excused()
    {
        var agreement = AgreementScenario.SignedByAll();
        agreement.RecordFulfilment("secretariat-time", new LocalDate(2026, 4, 20), null, For(1), AgreementScenario.OnUtc(2026, 4, 21));
        agreement.RecordFulfilment("reading-fund", new LocalDate(2026, 7, 10), null, For(2), AgreementScenario.OnUtc(2026, 7, 11));

        var august = ParticipationFacts.FromAgreement(agreement, new LocalDate(2026, 8, 1));
        var october = ParticipationFacts.FromAgreement(agreement, new LocalDate(2026, 10, 15));

        Assert.Equal([ParticipationResult.Met, ParticipationResult.Late, ParticipationResult.Pending], august.Select(f => f.Result));
        Assert.Equal(ParticipationResult.Missed, october[2].Result);
        Assert.Equal([Partner(1), Partner(2), Partner(3)], october.Select(f => f.Member));
        Assert.All(october, f => Assert.Equal(ParticipationKind.Task, f.Kind));
        agreement.Waive("baseline-study", "Done by the university.", Adopted(MatterType.AmendAgreement), For(1), AgreementScenario.OnUtc(2026, 10, 16));
        Assert.Equal(ParticipationResult.Excused, ParticipationFacts.FromAgreement(agreement, new LocalDate(2026, 10, 20))[2].Result);
    }

    [Fact]
    public void A_campaigns_actions_are_tasks_of_the_members_assigned_and_cancelled_ones_ask_nothing()
    {
        var campaign = LaunchedCampaign();
        campaign.PlanAction(Action("on-time", 6, new LocalDate(2026, 4, 15)), Nine, Secretariat, Hours(1));
        campaign.PlanAction(Action("late", 7, new LocalDate(2026, 4, 1)), Nine, Secretariat, Hours(1));
        campaign.PlanAction(Action("missed", 8, new LocalDate(2026, 4, 1)), Nine, Secretariat, Hours(1));
        campaign.PlanAction(Action("dropped", 9, new LocalDate(2026, 4, 1)), Nine, Secretariat, Hours(1));
        campaign.CompleteAction(new CampaignActionKey("on-time"), new LocalDate(2026, 4, 10), null, Nine, For(6), OnDate(2026, 4, 10));
        campaign.CompleteAction(new CampaignActionKey("late"), new LocalDate(2026, 4, 10), null, Nine, For(7), OnDate(2026, 4, 10));
        campaign.CancelAction(new CampaignActionKey("dropped"), "Not needed.", Nine, Secretariat, OnDate(2026, 4, 10));

        var facts = ParticipationFacts.FromCampaign(campaign, new LocalDate(2026, 4, 20));

        Assert.Equal([(Partner(6), ParticipationResult.Met), (Partner(7), ParticipationResult.Late), (Partner(8), ParticipationResult.Missed)], facts.Select(f => (f.Member, f.Result)));
    }

    [Fact]
    public void Endorsing_a_statement_and_drafting_an_adopted_position_are_contributions()
    {
        var statement = OpenStatement();
        statement.Endorse(EndorsementId.New(), Organization(4), "Representative 4", null, Nine, For(4), Hours(3));
        statement.RecordEndorsement(EndorsementId.New(), Outsider(), Nine, Secretariat, Hours(3));

        var endorsed = ParticipationFacts.FromStatement(statement);
        var drafted = ParticipationFacts.FromPosition(AdoptedPosition());

        Assert.Equal(Partner(4), Assert.Single(endorsed).Member);
        Assert.Equal((Partner(4), ParticipationKind.Contribution), (Assert.Single(drafted).Member, drafted[0].Kind));
        Assert.Empty(ParticipationFacts.FromPosition(DraftedPosition()));
    }

    [Fact]
    public void Participation_counts_each_members_ballots_meetings_items_and_contributions_in_the_period()
    {
        ParticipationFact[] facts =
        [
            Fact(4, ParticipationKind.Ballot, ParticipationResult.Met, new LocalDate(2026, 3, 9), 1),
            Fact(4, ParticipationKind.Ballot, ParticipationResult.Missed, new LocalDate(2026, 3, 16), 2),
            Fact(4, ParticipationKind.Ballot, ParticipationResult.Excused, new LocalDate(2026, 3, 23), 3),
            Fact(4, ParticipationKind.Meeting, ParticipationResult.Met, new LocalDate(2026, 3, 10), 4),
            Fact(4, ParticipationKind.Task, ParticipationResult.Late, new LocalDate(2026, 3, 20), 5),
            Fact(4, ParticipationKind.Contribution, ParticipationResult.Met, new LocalDate(2026, 3, 21), 6),
            Fact(4, ParticipationKind.Ballot, ParticipationResult.Met, new LocalDate(2026, 4, 2), 7),
            Fact(4, ParticipationKind.Ballot, ParticipationResult.Met, new LocalDate(2026, 3, 9), 1),
            Fact(30, ParticipationKind.Ballot, ParticipationResult.Met, new LocalDate(2026, 3, 9), 1),
        ];

        var report = Participation.Measure(Nine, facts, March);
        var four = report.Members.Single(m => m.Member == Partner(4));

        Assert.Equal(9, report.Members.Count);
        Assert.Equal(new ParticipationTally(1, 0, 1, 1, 0), four.Ballots);
        Assert.Equal(new Fraction(1, 2), four.Ballots.Rate);
        Assert.Equal(new ParticipationTally(0, 1, 0, 0, 0), four.Tasks);
        Assert.Equal(1, four.Contributions);
        Assert.Equal(new Fraction(2, 4), four.Share);
        Assert.Null(report.Members.Single(m => m.Member == Partner(5)).Share);
    }

    [Fact]
    public void Two_facts_about_one_opportunity_that_disagree_are_refused()
    {
        ParticipationFact[] facts =
        [
            Fact(4, ParticipationKind.Meeting, ParticipationResult.Met, new LocalDate(2026, 3, 10), 4),
            Fact(4, ParticipationKind.Meeting, ParticipationResult.Missed, new LocalDate(2026, 3, 10), 4),
        ];

        Assert.Equal(ErrorCodes.Engagement.InvalidInput, Assert.Throws<CoalitionRuleException>(() => Participation.Measure(Nine, facts, March)).Code);
    }

    [Fact]
    public void A_contribution_is_always_made_and_a_ballot_is_never_late()
    {
        Assert.Equal(ErrorCodes.Engagement.InvalidInput, Assert.Throws<CoalitionRuleException>(() => Participation.Measure(Nine, [Fact(4, ParticipationKind.Contribution, ParticipationResult.Missed, new LocalDate(2026, 3, 10), 1)], March)).Code);
        Assert.Equal(ErrorCodes.Engagement.InvalidInput, Assert.Throws<CoalitionRuleException>(() => Participation.Measure(Nine, [Fact(4, ParticipationKind.Ballot, ParticipationResult.Late, new LocalDate(2026, 3, 10), 1)], March)).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, Assert.Throws<CoalitionRuleException>(() => Participation.Measure(Nine, [null!], March)).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidPeriod, Assert.Throws<CoalitionRuleException>(() => Participation.Measure(Nine, [], new DateInterval(new LocalDate(1900, 1, 1), new LocalDate(2001, 1, 1)))).Code);
    }

    [Fact]
    public void Members_at_risk_of_disengaging_are_named_with_the_reasons()
    {
        var coalition = GovernanceScenario.NineMembers();
        coalition.Suspend(Partner(9), Adopted(MatterType.SuspendMember), Secretariat, Hours(1));
        var facts = RiskFacts();
        var previous = Participation.Measure(coalition, facts, March);
        var current = Participation.Measure(coalition, facts, April);

        var risks = current.AtRisk(previous);

        Snapshot.Match(string.Join("\n", risks.Select(r => r.Name + ": " + string.Join(" ", r.Reasons.Select(x => x.Explanation)))) + "\n\n" + current.Describe());
    }

    [Fact]
    public void A_member_whose_term_ended_unrenewed_is_at_risk()
    {
        var year = new DateInterval(new LocalDate(2027, 3, 1), new LocalDate(2027, 4, 1));

        var report = Participation.Measure(Nine, [], year);

        var risk = report.AtRisk(policy: AtRiskPolicy.Default with { ExpectContributions = false }).Single(r => r.Member == Partner(4));
        Assert.Equal([RiskKind.TermNotRenewed], risk.Reasons.Select(r => r.Kind));
    }

    [Fact]
    public void The_thresholds_of_the_at_risk_policy_are_the_coalitions_to_set_within_bounds()
    {
        var report = Participation.Measure(Nine, RiskFacts(), April);

        var lenient = report.AtRisk(policy: new AtRiskPolicy(new Fraction(1, 10), 10, Fraction.One, 5, false));

        Assert.Empty(lenient);
        Assert.Equal(ErrorCodes.Engagement.InvalidInput, Assert.Throws<CoalitionRuleException>(() => report.AtRisk(policy: AtRiskPolicy.Default with { MinimumRate = new Fraction(3, 2) })).Code);
        Assert.Equal(ErrorCodes.Engagement.InvalidInput, Assert.Throws<CoalitionRuleException>(() => report.AtRisk(policy: AtRiskPolicy.Default with { OverdueItems = 0 })).Code);
    }

    [Fact]
    public void A_members_trend_compares_its_last_two_periods_with_opportunities()
    {
        var trends = Participation.Trend(Nine, RiskFacts(), [March, April]);

        Assert.Equal(TrendDirection.Falling, trends.Single(t => t.Member == Partner(7)).Direction);
        Assert.Equal(TrendDirection.Unknown, trends.Single(t => t.Member == Partner(1)).Direction);
        Assert.Equal([new Fraction(1, 1), new Fraction(1, 3)], trends.Single(t => t.Member == Partner(7)).Shares.Select(s => s.Share!.Value));
    }

    // Member 4 votes rarely, 5 is silent, 6 owes an overdue item, 7 fell from full to a third, 8 is fine, 9 is suspended.
    private static ParticipationFact[] RiskFacts()
    {
        var facts = new List<ParticipationFact>();
        var record = 0;
        void Add(int member, ParticipationKind kind, ParticipationResult result, int month, int day) => facts.Add(Fact(member, kind, result, new LocalDate(2026, month, day), ++record));
        for (var m = 4; m <= 8; m++)
        {
            Add(m, ParticipationKind.Contribution, ParticipationResult.Met, 3, 5);
        }

        Add(7, ParticipationKind.Ballot, ParticipationResult.Met, 3, 9);
        Add(7, ParticipationKind.Meeting, ParticipationResult.Met, 3, 10);
        Add(7, ParticipationKind.Ballot, ParticipationResult.Met, 3, 16);
        Add(4, ParticipationKind.Ballot, ParticipationResult.Met, 4, 6);
        Add(4, ParticipationKind.Ballot, ParticipationResult.Missed, 4, 13);
        Add(4, ParticipationKind.Ballot, ParticipationResult.Missed, 4, 20);
        Add(4, ParticipationKind.Contribution, ParticipationResult.Met, 4, 21);
        Add(5, ParticipationKind.Ballot, ParticipationResult.Missed, 4, 6);
        Add(5, ParticipationKind.Meeting, ParticipationResult.Missed, 4, 7);
        Add(5, ParticipationKind.Task, ParticipationResult.Missed, 4, 8);
        Add(6, ParticipationKind.Meeting, ParticipationResult.Met, 4, 7);
        Add(6, ParticipationKind.Task, ParticipationResult.Missed, 4, 15);
        Add(6, ParticipationKind.Contribution, ParticipationResult.Met, 4, 16);
        Add(7, ParticipationKind.Ballot, ParticipationResult.Met, 4, 6);
        Add(7, ParticipationKind.Meeting, ParticipationResult.Excused, 4, 7);
        Add(7, ParticipationKind.Meeting, ParticipationResult.Missed, 4, 14);
        Add(7, ParticipationKind.Task, ParticipationResult.Late, 4, 15);
        Add(7, ParticipationKind.Contribution, ParticipationResult.Met, 4, 16);
        Add(8, ParticipationKind.Ballot, ParticipationResult.Met, 4, 6);
        Add(8, ParticipationKind.Meeting, ParticipationResult.Met, 4, 7);
        Add(8, ParticipationKind.Contribution, ParticipationResult.Met, 4, 16);
        for (var m = 1; m <= 3; m++)
        {
            Add(m, ParticipationKind.Contribution, ParticipationResult.Met, 4, 2);
        }

        Add(9, ParticipationKind.Contribution, ParticipationResult.Met, 4, 2);
        return [.. facts];
    }

    // Member 4's two ballots in March (the 10th and 11th) and two in April, with the results given.
    private static ParticipationFact[] BallotsOfMember4(ParticipationResult march10, ParticipationResult march11, ParticipationResult april10, ParticipationResult april11) =>
    [
        Fact(4, ParticipationKind.Ballot, march10, new LocalDate(2026, 3, 10), 1),
        Fact(4, ParticipationKind.Ballot, march11, new LocalDate(2026, 3, 11), 2),
        Fact(4, ParticipationKind.Ballot, april10, new LocalDate(2026, 4, 10), 3),
        Fact(4, ParticipationKind.Ballot, april11, new LocalDate(2026, 4, 11), 4),
    ];

    [Fact]
    public void A_previous_report_is_of_a_period_that_ends_before_this_one_starts()
    {
        // Member 4 cast every ballot in March and one of two in April: read against March, April shows the fall; read the
        // other way round, or against itself, a "fall" would be no fall over time.
        var facts = BallotsOfMember4(ParticipationResult.Met, ParticipationResult.Met, ParticipationResult.Met, ParticipationResult.Missed);
        var march = Participation.Measure(Nine, facts, March);
        var april = Participation.Measure(Nine, facts, April);
        var overlapping = Participation.Measure(Nine, facts, new DateInterval(new LocalDate(2026, 3, 15), new LocalDate(2026, 4, 1)));

        Assert.Equal(
            "The previous report, from 1 April 2026 to 30 April 2026, is not of a period before this one, which starts on 1 March 2026.",
            Refusal.Of(() => march.AtRisk(previous: april), ErrorCodes.Engagement.InvalidInput).Message);
        Refusal.Of(() => april.AtRisk(previous: april), ErrorCodes.Engagement.InvalidInput);
        Refusal.Of(() => april.AtRisk(previous: overlapping), ErrorCodes.Engagement.InvalidInput);
        Refusal.Of(() => april.AtRisk(previous: march with { Period = null! }), ErrorCodes.Engagement.InvalidInput, "The previous report has no period.");
        Assert.Contains(RiskKind.Falling, april.AtRisk(previous: march).Single(r => r.Member == Partner(4)).Reasons.Select(r => r.Kind));
    }

    [Fact]
    public void A_previous_report_with_no_list_of_members_a_null_row_or_a_member_twice_is_refused_with_a_code()
    {
        var march = Participation.Measure(Nine, [], March);
        var april = Participation.Measure(Nine, [], April);
        var row = march.Members[0];

        Refusal.Of(() => april.AtRisk(previous: march with { Members = [row, row] }), ErrorCodes.Engagement.InvalidInput, "The previous report names member");
        Refusal.Of(() => april.AtRisk(previous: march with { Members = null! }), ErrorCodes.Engagement.InvalidInput, "The previous report has no list of members.");
        Refusal.Of(() => april.AtRisk(previous: march with { Members = [null!] }), ErrorCodes.Engagement.InvalidInput, "The previous report holds a null row.");
        Assert.Equal(april.AtRisk().Count, april.AtRisk(previous: march with { Members = [] }).Count);
    }

    [Fact]
    public void A_trend_takes_its_periods_oldest_first_each_starting_after_the_one_before_ends()
    {
        // Member 4 rose from 1 of 2 ballots in March to 2 of 2 in April: given April first, the trend would say it fell.
        var facts = BallotsOfMember4(ParticipationResult.Met, ParticipationResult.Missed, ParticipationResult.Met, ParticipationResult.Met);

        Assert.Equal(TrendDirection.Rising, Participation.Trend(Nine, facts, [March, April]).Single(t => t.Member == Partner(4)).Direction);
        Assert.Equal(
            "The periods of a trend come oldest first, each after the one before: the period from 1 March 2026 to 31 March 2026 does not start after the one before it ends on 30 April 2026.",
            Refusal.Of(() => Participation.Trend(Nine, facts, [April, March]), ErrorCodes.Engagement.InvalidInput).Message);
        Refusal.Of(() => Participation.Trend(Nine, facts, [March, March]), ErrorCodes.Engagement.InvalidInput);
        Refusal.Of(() => Participation.Trend(Nine, facts, [March, new DateInterval(new LocalDate(2026, 3, 31), new LocalDate(2026, 4, 30))]), ErrorCodes.Engagement.InvalidInput);
    }
}
