using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using static Coalitions.Core.Decisions.Stance;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

public class MajorityVoteTests
{
    [Fact]
    public void A_two_thirds_rule_adopts_a_proposal_with_exactly_two_thirds_support()
    {
        var outcome = DecisionTally.Evaluate(DecisionRule.TwoThirdsMajority(), Members(9), Ballots(Support, Support, Support, Support, Support, Support, Oppose, Oppose, Oppose));

        Assert.Equal(DecisionResult.Adopted, outcome.Result);
        Assert.Equal((6L, 9L), (outcome.Conditions[0].Part!.Value, outcome.Conditions[0].Whole!.Value));
    }

    [Fact]
    public void A_two_thirds_rule_rejects_a_proposal_one_vote_short_of_two_thirds()
    {
        var outcome = DecisionTally.Evaluate(DecisionRule.TwoThirdsMajority(), Members(9), Ballots(Support, Support, Support, Support, Support, Oppose, Oppose, Oppose));

        Assert.Equal(DecisionResult.Rejected, outcome.Result);
    }

    [Fact]
    public void A_majority_is_more_than_half_of_votes_cast_so_a_tie_fails()
    {
        var outcome = DecisionTally.Evaluate(DecisionRule.SimpleMajority(), Members(4), Ballots(Support, Support, Oppose, Oppose));

        Assert.Equal(DecisionResult.Rejected, outcome.Result);
        Assert.True(outcome.Conditions[0].Tie);
        Assert.False(outcome.AwaitsCastingVote);
    }

    [Theory]
    [InlineData(Support, DecisionResult.Adopted)]
    [InlineData(Oppose, DecisionResult.Rejected)]
    public void The_chairs_casting_vote_decides_a_tie_where_the_rule_gives_one(Stance castingVote, DecisionResult expected)
    {
        var rule = DecisionRule.SimpleMajority().WithCastingVote();

        var outcome = DecisionTally.Evaluate(rule, Members(4), Ballots(Support, Support, Oppose, Oppose), castingVote: castingVote);

        Assert.Equal(expected, outcome.Result);
        Assert.Equal(castingVote, outcome.CastingVote);
    }

    [Fact]
    public void A_tie_under_a_casting_vote_rule_awaits_the_chair()
    {
        var rule = DecisionRule.SimpleMajority().WithCastingVote();

        var outcome = DecisionTally.Evaluate(rule, Members(2), Ballots(Support, Oppose));

        Assert.True(outcome.AwaitsCastingVote);
        Assert.Contains("a tie awaiting the chair's casting vote", outcome.Explain(rule), StringComparison.Ordinal);
    }

    [Fact]
    public void A_casting_vote_is_ignored_when_there_is_no_tie()
    {
        var outcome = DecisionTally.Evaluate(DecisionRule.SimpleMajority().WithCastingVote(), Members(3), Ballots(Support, Support, Oppose), castingVote: Oppose);

        Assert.Equal(DecisionResult.Adopted, outcome.Result);
        Assert.Null(outcome.CastingVote);
    }

    [Fact]
    public void When_everyone_abstains_there_is_no_tie_for_the_chair_to_break()
    {
        var rule = DecisionRule.SimpleMajority().WithCastingVote();

        var outcome = DecisionTally.Evaluate(rule, Members(2), Ballots(Abstain, Abstain));

        Assert.Equal(DecisionResult.Rejected, outcome.Result);
        Assert.False(outcome.Conditions[0].Tie);
        Assert.False(outcome.AwaitsCastingVote);
    }

    [Fact]
    public void At_least_one_half_is_met_by_exactly_one_half_and_is_no_tie_for_the_chair()
    {
        var rule = DecisionRule.MajorityVote(PassCondition.AtLeast(Fraction.Half, VoteBase.VotesCast)).WithCastingVote();

        var outcome = DecisionTally.Evaluate(rule, Members(2), Ballots(Support, Oppose));

        Assert.Equal(DecisionResult.Adopted, outcome.Result);
        Assert.False(outcome.Conditions[0].Tie);
        Assert.False(outcome.AwaitsCastingVote);
    }

    [Fact]
    public void When_everyone_abstains_nothing_is_adopted_even_under_at_least_a_share()
    {
        var outcome = DecisionTally.Evaluate(DecisionRule.TwoThirdsMajority(), Members(3), Ballots(Abstain, Abstain, Abstain));

        Assert.Equal(DecisionResult.Rejected, outcome.Result);
        Assert.False(outcome.Conditions[0].Met);
    }

    [Fact]
    public void Abstentions_are_ignored_under_a_majority_of_votes_cast()
    {
        var outcome = DecisionTally.Evaluate(DecisionRule.SimpleMajority(), Members(5), Ballots(Support, Support, Oppose, Abstain, Abstain));

        Assert.Equal(DecisionResult.Adopted, outcome.Result);
        Assert.Equal(3, outcome.Conditions[0].Whole);
    }

    [Fact]
    public void An_abstention_acts_as_a_no_when_the_base_is_all_ballots()
    {
        var rule = DecisionRule.MajorityVote(PassCondition.MoreThan(Fraction.Half, VoteBase.Ballots));

        var outcome = DecisionTally.Evaluate(rule, Members(5), Ballots(Support, Support, Oppose, Abstain, Abstain));

        Assert.Equal(DecisionResult.Rejected, outcome.Result);
        Assert.Equal(5, outcome.Conditions[0].Whole);
    }

    [Fact]
    public void When_everyone_abstains_nothing_is_adopted()
    {
        var outcome = DecisionTally.Evaluate(DecisionRule.SimpleMajority(), Members(3), Ballots(Abstain, Abstain, Abstain));

        Assert.Equal(DecisionResult.Rejected, outcome.Result);
        Assert.Equal(0, outcome.Conditions[0].Whole);
    }

    [Fact]
    public void Without_a_quorum_the_outcome_is_no_quorum_whatever_the_ballots_say()
    {
        var rule = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half));

        var outcome = DecisionTally.Evaluate(rule, Members(10), Ballots(Support, Support, Support, Support));

        Assert.Equal(DecisionResult.NoQuorum, outcome.Result);
        Assert.Equal(5, outcome.Quorum!.Required);
        Assert.Empty(outcome.Conditions);
    }

    /// <summary>
    /// Robert's Rules of Order Newly Revised (12th ed.): the quorum of a society is "a majority of the members" (40:3), and
    /// a majority means more than half (1:7, 44:1). Of 20 members, at least half is 10, but a majority is 11.
    /// </summary>
    [Fact]
    public void A_quorum_of_a_majority_of_the_members_is_more_than_half_so_20_members_need_11()
    {
        var rule = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.MajorityOfMembers());
        var ten = Enumerable.Repeat(Support, 10).ToArray();

        var withTen = DecisionTally.Evaluate(rule, Members(20), Ballots(ten));
        var withEleven = DecisionTally.Evaluate(rule, Members(20), Ballots([.. ten, Support]));

        Assert.Equal((DecisionResult.NoQuorum, 11L), (withTen.Result, withTen.Quorum!.Required));
        Assert.Equal(DecisionResult.Adopted, withEleven.Result);
        Assert.StartsWith("No quorum. 10 of 20 members took part; quorum of more than one half of the members (11) not met.", withTen.Explain(rule), StringComparison.Ordinal);
    }

    [Fact]
    public void A_quorum_of_at_least_half_of_20_members_is_met_by_10()
    {
        var rule = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half));

        var outcome = DecisionTally.Evaluate(rule, Members(20), Ballots(Enumerable.Repeat(Support, 10).ToArray()));

        Assert.Equal((DecisionResult.Adopted, 10L), (outcome.Result, outcome.Quorum!.Required));
    }

    [Fact]
    public void More_than_qualifies_a_quorum_share_and_more_than_all_can_never_be_met()
    {
        Assert.Equal(ErrorCodes.Decisions.InvalidQuorum, Assert.Throws<CoalitionRuleException>(() => QuorumRule.OfMembers(Fraction.One, ThresholdComparison.MoreThan)).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidQuorum, Assert.Throws<CoalitionRuleException>(() => new QuorumRule(QuorumSource.Ballots, Measure.Headcount, null, 3, comparison: ThresholdComparison.MoreThan)).Code);
        Assert.Equal(ThresholdComparison.MoreThan, QuorumRule.MajorityOfMembers().WithoutAbstentions().Comparison);
    }

    [Fact]
    public void A_quorum_minimum_is_enforced_when_turnout_falls_short()
    {
        // One fifth of 10 members is 2, but the rule also asks for at least 3.
        var rule = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembers(new Fraction(1, 5)).AndAtLeast(3));

        var two = DecisionTally.Evaluate(rule, Members(10), Ballots(Support, Support));
        var three = DecisionTally.Evaluate(rule, Members(10), Ballots(Support, Support, Oppose));

        Assert.Equal((DecisionResult.NoQuorum, 3L, 2L), (two.Result, two.Quorum!.Required, two.Quorum.Counted));
        Assert.StartsWith("No quorum. 2 of 10 members took part; quorum of one fifth of the members and at least 3 (3) not met.", two.Explain(rule), StringComparison.Ordinal);
        Assert.Equal((DecisionResult.Adopted, 3L), (three.Result, three.Quorum!.Required));
    }

    [Fact]
    public void A_quorum_of_a_minimum_alone_needs_that_many_ballots()
    {
        var rule = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.AtLeastMembers(4));

        var three = DecisionTally.Evaluate(rule, Members(5), Ballots(Support, Support, Support));
        var four = DecisionTally.Evaluate(rule, Members(5), Ballots(Support, Support, Support, Oppose));

        Assert.Equal((DecisionResult.NoQuorum, 4L), (three.Result, three.Quorum!.Required));
        Assert.Equal(DecisionResult.Adopted, four.Result);
    }

    [Fact]
    public void A_quorum_by_weight_is_never_less_than_one_so_members_of_no_weight_decide_nothing()
    {
        var electorate = new Electorate([Voter(1, weight: 0), Voter(2, weight: 0)]);
        var rule = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfWeight(Fraction.Half));

        var outcome = DecisionTally.Evaluate(rule, electorate, Ballots(Support, Support));

        Assert.Equal((DecisionResult.NoQuorum, 0L, 1L), (outcome.Result, outcome.Quorum!.Counted, outcome.Quorum.Required));
    }

    [Fact]
    public void Abstentions_count_toward_quorum_by_default()
    {
        var rule = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half));

        var outcome = DecisionTally.Evaluate(rule, Members(6), Ballots(Support, Abstain, Abstain));

        Assert.Equal(DecisionResult.Adopted, outcome.Result);
        Assert.True(outcome.Quorum!.Met);
    }

    [Fact]
    public void A_quorum_reached_only_through_abstentions_fails_when_abstentions_do_not_count()
    {
        var rule = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half).WithoutAbstentions());

        var outcome = DecisionTally.Evaluate(rule, Members(6), Ballots(Support, Abstain, Abstain));

        Assert.Equal(DecisionResult.NoQuorum, outcome.Result);
        Assert.Equal(1, outcome.Quorum!.Counted);
    }

    [Fact]
    public void A_weighted_quorum_counts_the_weight_of_those_who_voted()
    {
        var electorate = new Electorate([Voter(1, weight: 60), Voter(2, weight: 20), Voter(3, weight: 20)]);
        var rule = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfWeight(Fraction.Half));

        var outcome = DecisionTally.Evaluate(rule, electorate, Ballots(Support));

        Assert.Equal(DecisionResult.Adopted, outcome.Result);
        Assert.Equal(60, outcome.Quorum!.Counted);
    }

    [Fact]
    public void A_quorum_of_members_present_counts_attendance_not_ballots()
    {
        var rule = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembersPresent(Fraction.TwoThirds));
        var present = new[] { Partner(1), Partner(2), Partner(3), Partner(4) };

        var outcome = DecisionTally.Evaluate(rule, Members(6), Ballots(Support), present);

        Assert.Equal(DecisionResult.Adopted, outcome.Result);
        Assert.Equal(4, outcome.Quorum!.Counted);
    }

    [Fact]
    public void A_majority_of_members_present_counts_the_silent_present_as_no()
    {
        var rule = DecisionRule.MajorityVote(PassCondition.MoreThan(Fraction.Half, VoteBase.Present));
        var present = new[] { Partner(1), Partner(2), Partner(3), Partner(4), Partner(5) };

        var outcome = DecisionTally.Evaluate(rule, Members(8), Ballots(Support, Support, Oppose), present);

        Assert.Equal(DecisionResult.Rejected, outcome.Result);
        Assert.Equal((2L, 5L), (outcome.Conditions[0].Part!.Value, outcome.Conditions[0].Whole!.Value));
    }

    [Fact]
    public void A_rule_that_counts_members_present_needs_the_attendance()
    {
        var rule = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembersPresent(Fraction.Half));

        var error = Assert.Throws<CoalitionRuleException>(() => DecisionTally.Evaluate(rule, Members(3), Ballots(Support)));

        Assert.Equal(ErrorCodes.Decisions.AttendanceRequired, error.Code);
    }

    [Fact]
    public void A_double_majority_needs_55_percent_of_members_and_65_percent_of_weight()
    {
        var electorate = new Electorate([Voter(1, 50), Voter(2, 20), Voter(3, 8), Voter(4, 8), Voter(5, 7), Voter(6, 7)]);
        var rule = DecisionRule.QualifiedMajority();

        var bigButFew = DecisionTally.Evaluate(rule, electorate, Ballots(Support, Support, Oppose, Oppose, Oppose, Oppose));
        var manyButSmall = DecisionTally.Evaluate(rule, electorate, Ballots(Oppose, Support, Support, Support, Support, Support));
        var both = DecisionTally.Evaluate(rule, electorate, Ballots(Support, Support, Support, Support, Oppose, Oppose));

        Assert.Equal(DecisionResult.Rejected, bigButFew.Result);
        Assert.Equal([false, true], bigButFew.Conditions.Select(c => c.Met));
        Assert.Equal(DecisionResult.Rejected, manyButSmall.Result);
        Assert.Equal([true, false], manyButSmall.Conditions.Select(c => c.Met));
        Assert.Equal(DecisionResult.Adopted, both.Result);
    }

    [Fact]
    public void Under_an_electorate_base_an_abstention_counts_against()
    {
        var rule = DecisionRule.MajorityVote(PassCondition.AtLeast(Fraction.Percent(55), VoteBase.Electorate));

        var outcome = DecisionTally.Evaluate(rule, Members(10), Ballots(Support, Support, Support, Support, Support, Abstain, Abstain));

        Assert.Equal(DecisionResult.Rejected, outcome.Result);
    }

    [Fact]
    public void An_electorate_of_zero_decides_nothing()
    {
        var noQuorumRule = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half));

        var withQuorum = DecisionTally.Evaluate(noQuorumRule, Electorate.Empty, Ballots());
        var withoutQuorum = DecisionTally.Evaluate(DecisionRule.SimpleMajority(), Electorate.Empty, Ballots());

        Assert.Equal(DecisionResult.NoQuorum, withQuorum.Result);
        Assert.Equal(1, withQuorum.Quorum!.Required);
        Assert.Equal(DecisionResult.Rejected, withoutQuorum.Result);
    }

    [Fact]
    public void Weights_decide_a_weighted_majority()
    {
        var electorate = new Electorate([Voter(1, 5), Voter(2, 1), Voter(3, 1)]);
        var rule = DecisionRule.MajorityVote(PassCondition.MoreThan(Fraction.Half, VoteBase.VotesCast, Measure.Weight));

        var outcome = DecisionTally.Evaluate(rule, electorate, Ballots(Support, Oppose, Oppose));

        Assert.Equal(DecisionResult.Adopted, outcome.Result);
        Assert.Equal(5, outcome.Tally.Weight.Support);
        Assert.Equal(1, outcome.Tally.Headcount.Support);
    }

    [Fact]
    public void A_ballot_from_outside_the_electorate_is_not_counted()
    {
        var error = Assert.Throws<CoalitionRuleException>(() =>
            DecisionTally.Evaluate(DecisionRule.SimpleMajority(), Members(2), [new Ballot(Partner(7), Support)]));

        Assert.Equal(ErrorCodes.Decisions.NotInElectorate, error.Code);
    }

    [Fact]
    public void Each_voter_has_one_ballot_that_counts()
    {
        var error = Assert.Throws<CoalitionRuleException>(() =>
            DecisionTally.Evaluate(DecisionRule.SimpleMajority(), Members(2), [new Ballot(Partner(1), Support), new Ballot(Partner(1), Oppose)]));

        Assert.Equal(ErrorCodes.Decisions.DuplicateBallot, error.Code);
    }

    [Fact]
    public void A_majority_vote_accepts_no_block()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => DecisionTally.Evaluate(DecisionRule.SimpleMajority(), Members(2), Ballots(Block)));

        Assert.Equal(ErrorCodes.Decisions.StanceNotAccepted, error.Code);
    }

    [Fact]
    public void The_explanation_shows_participation_quorum_tally_and_each_condition()
    {
        var rule = DecisionRule.TwoThirdsMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half));

        var outcome = DecisionTally.Evaluate(rule, Members(9), Ballots(Support, Support, Support, Support, Support, Oppose, Abstain));

        Assert.Equal(
            "Adopted. 7 of 9 members took part; quorum of one half of the members (5) met.\n" +
            "Support 5, oppose 1, abstain 1.\n" +
            "At least two thirds of votes cast needed: 5 of 6 (83 %).",
            outcome.Explain(rule, Members(9)));
    }
}
