using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using static Coalitions.Core.Decisions.Stance;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>
/// The figures a tally reports and the moments it calls a vote settled: proxies and attendance are counted by headcount
/// and by weight apart, objections count toward a consent round's quorum, and a refusal of the tally's inputs names
/// what is wrong.
/// </summary>
public class TallyFiguresTests
{
    private static readonly Electorate Weighted = new([Voter(1, weight: 5), Voter(2, weight: 3), Voter(3, weight: 2)]);

    [Fact]
    public void A_silence_procedure_is_settled_by_the_first_objection_and_not_before()
    {
        var rule = DecisionRule.SilenceProcedure(NodaTime.Duration.FromDays(3));

        Assert.False(DecisionTally.IsSettled(rule, Members(3), []));
        Assert.True(DecisionTally.IsSettled(rule, Members(3), [new Ballot(Partner(2), Stance.Object)]));
    }

    [Fact]
    public void A_tie_awaiting_the_chairs_casting_vote_is_not_settled_when_everyone_has_voted()
    {
        var rule = DecisionRule.SimpleMajority().WithCastingVote();

        Assert.False(DecisionTally.IsSettled(rule, Members(2), Ballots(Support, Oppose)));
        Assert.True(DecisionTally.IsSettled(DecisionRule.SimpleMajority(), Members(2), Ballots(Support, Oppose)));
    }

    [Fact]
    public void An_objection_counts_toward_a_consent_rounds_quorum()
    {
        var outcome = DecisionTally.Evaluate(DecisionRule.Consent().WithQuorum(QuorumRule.AtLeastMembers(2)), Members(3), Ballots(Support, Stance.Object));

        Assert.Equal(DecisionResult.Blocked, outcome.Result);
        Assert.Equal(2, outcome.Quorum!.Counted);
    }

    [Fact]
    public void A_consent_round_whose_quorum_no_completion_can_meet_is_settled_without_quorum()
    {
        // Three members, a quorum of four: however the others answer, the round ends without quorum.
        var rule = DecisionRule.Consent().WithQuorum(QuorumRule.AtLeastMembers(4));
        Ballot[] ballots = [new Ballot(Partner(1), Stance.Object)];

        Assert.Equal(DecisionResult.NoQuorum, DecisionTally.Evaluate(rule, Members(3), ballots).Result);
        Assert.True(DecisionTally.IsSettled(rule, Members(3), ballots));
    }

    [Fact]
    public void Proxies_are_reported_by_ballots_and_by_weight_whatever_their_stance()
    {
        var rule = DecisionRule.Consent().WithProxies();
        Ballot[] ballots = [new Ballot(Partner(1), Stance.Object, ByProxy: true), new Ballot(Partner(2), Support, ByProxy: true), new Ballot(Partner(3), Support)];

        var outcome = DecisionTally.Evaluate(rule, Weighted, ballots);

        Assert.Equal(new ProxyFigures(2, 8), outcome.Proxies);
    }

    [Fact]
    public void A_weight_quorum_that_leaves_out_proxies_subtracts_their_weight()
    {
        var rule = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfWeight(Fraction.Half)).WithProxies(countTowardQuorum: false);
        Ballot[] ballots = [new Ballot(Partner(1), Support, ByProxy: true), new Ballot(Partner(2), Support), new Ballot(Partner(3), Oppose)];

        var quorum = DecisionTally.Evaluate(rule, Weighted, ballots).Quorum!;

        Assert.Equal(new QuorumFigures(Measure.Weight, Counted: 5, Required: 5, Basis: 10, Met: true), quorum);
    }

    [Fact]
    public void Attendance_is_counted_by_headcount_and_by_weight()
    {
        var present = new[] { Partner(1), Partner(3) };
        var byWeight = new QuorumRule(QuorumSource.Attendance, Measure.Weight, Fraction.Half, null);
        var byHead = new QuorumRule(QuorumSource.Attendance, Measure.Headcount, Fraction.Half, null);

        var weighed = DecisionTally.Evaluate(DecisionRule.SimpleMajority().WithQuorum(byWeight), Weighted, [new Ballot(Partner(1), Support)], present).Quorum!;
        var counted = DecisionTally.Evaluate(DecisionRule.SimpleMajority().WithQuorum(byHead), Weighted, [new Ballot(Partner(1), Support)], present).Quorum!;

        Assert.Equal((7L, 10L), (weighed.Counted, weighed.Basis));
        Assert.Equal((2L, 3L), (counted.Counted, counted.Basis));
    }

    [Fact]
    public void The_members_present_are_counted_across_every_chamber_and_by_head_within_each()
    {
        var chambers = new Electorate([Voter(1, weight: 5, chamber: "north"), Voter(2, weight: 3, chamber: "north"), Voter(3, weight: 2, chamber: "south"), Voter(4, weight: 4, chamber: "south")], [new Chamber("north", 1), new Chamber("south", 1)]);
        var all = new[] { Partner(1), Partner(2), Partner(3), Partner(4) };
        Ballot[] ballots = [new Ballot(Partner(1), Support), new Ballot(Partner(3), Support), new Ballot(Partner(4), Oppose)];

        var overall = DecisionTally.Evaluate(DecisionRule.MajorityVote(PassCondition.MoreThan(Fraction.Half, VoteBase.Present)), chambers, ballots, all);
        var byChamber = DecisionTally.Evaluate(DecisionRule.ChamberVote(PassCondition.MoreThan(Fraction.Half, VoteBase.Present)), chambers, ballots, all);

        Assert.Equal((2L, 4L), (overall.Conditions[0].Part!.Value, overall.Conditions[0].Whole!.Value));
        Assert.Equal(new[] { 2L, 2L }, byChamber.Conditions.Select(c => c.Whole!.Value));
    }

    [Fact]
    public void A_share_of_the_weight_present_is_measured_against_the_weight_present()
    {
        var rule = DecisionRule.MajorityVote(PassCondition.MoreThan(Fraction.Half, VoteBase.Present, Measure.Weight));
        var present = new[] { Partner(1), Partner(2), Partner(3) };

        var outcome = DecisionTally.Evaluate(rule, Weighted, [new Ballot(Partner(1), Support), new Ballot(Partner(2), Oppose)], present);

        Assert.Equal((5L, 10L), (outcome.Conditions[0].Part!.Value, outcome.Conditions[0].Whole!.Value));
        Assert.Equal(DecisionResult.Rejected, outcome.Result);
    }

    [Fact]
    public void A_chambers_share_of_the_weight_present_is_measured_against_that_chambers_weight_present()
    {
        var chambers = new Electorate([Voter(1, weight: 5, chamber: "north"), Voter(2, weight: 3, chamber: "north"), Voter(3, weight: 2, chamber: "south")], [new Chamber("north", 1), new Chamber("south", 1)]);
        var rule = DecisionRule.ChamberVote(PassCondition.MoreThan(Fraction.Half, VoteBase.Present, Measure.Weight));
        Ballot[] ballots = [new Ballot(Partner(1), Support), new Ballot(Partner(2), Oppose), new Ballot(Partner(3), Support)];

        var outcome = DecisionTally.Evaluate(rule, chambers, ballots, [Partner(1), Partner(2), Partner(3)]);

        Assert.Equal((5L, 8L), (outcome.Conditions[0].Part!.Value, outcome.Conditions[0].Whole!.Value));
        Assert.Equal((2L, 2L), (outcome.Conditions[1].Part!.Value, outcome.Conditions[1].Whole!.Value));
    }

    [Fact]
    public void A_tally_needs_a_rule_and_an_electorate()
    {
        var noRule = Assert.Throws<CoalitionRuleException>(() => DecisionTally.Evaluate(null!, Members(2), Ballots(Support)));
        var noElectorate = Assert.Throws<CoalitionRuleException>(() => DecisionTally.Evaluate(DecisionRule.SimpleMajority(), null!, Ballots(Support)));

        Assert.Equal(("The rule is required.", ErrorCodes.Kernel.InvalidInput), (noRule.Message, noRule.Code));
        Assert.Equal(("The electorate is required.", ErrorCodes.Kernel.InvalidInput), (noElectorate.Message, noElectorate.Code));
    }

    public static TheoryData<string, Func<DecisionOutcome>, string> RefusedInputs => new()
    {
        { "a chamber vote without chambers", () => DecisionTally.Evaluate(DecisionRule.ChamberVote(PassCondition.MoreThan(Fraction.Half, VoteBase.VotesCast)), Members(2), Ballots(Support)), "A chamber vote needs an electorate organized in chambers; this electorate has none." },
        { "attendance not recorded", () => DecisionTally.Evaluate(DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembersPresent(Fraction.Half)), Members(2), Ballots(Support)), "This rule counts the members present, so the attendance must be recorded first." },
        { "an abstaining casting vote", () => DecisionTally.Evaluate(DecisionRule.SimpleMajority().WithCastingVote(), Members(2), Ballots(Support, Oppose), castingVote: Abstain), "A casting vote is support or oppose; got abstain." },
        { "a ballot from outside", () => DecisionTally.Evaluate(DecisionRule.SimpleMajority(), Members(2), [new Ballot(Partner(9), Support)]), "Partner " + Partner(9) + " is not in the electorate; its ballot cannot be counted." },
        { "two ballots of one voter", () => DecisionTally.Evaluate(DecisionRule.SimpleMajority(), Members(2), [new Ballot(Partner(2), Support), new Ballot(Partner(2), Oppose)]), "Member 2 has more than one ballot; pass only the ballot that counts." },
        { "a stance the method does not take", () => DecisionTally.Evaluate(DecisionRule.SimpleMajority(), Members(2), [new Ballot(Partner(1), Block)]), "The stance block of Member 1 is not accepted by this decision method; it accepts support, oppose and abstain." },
    };

    [Theory]
    [MemberData(nameof(RefusedInputs))]
    public void A_refused_tally_says_what_is_wrong(string what, Func<DecisionOutcome> tally, string words)
    {
        var refusal = Assert.Throws<CoalitionRuleException>(tally);

        Assert.True(refusal.Message.StartsWith(words, StringComparison.Ordinal), $"{what}: {refusal.Message}");
    }
}
