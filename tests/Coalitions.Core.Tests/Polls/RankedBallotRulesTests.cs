using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using static Coalitions.Core.Tests.Polls.Votes;

namespace Coalitions.Core.Tests.Polls;

/// <summary>
/// How a ranked count reads ballots marked by hand or exported by a scanner: overvotes, skipped ranks, repeated options,
/// equal rankings and empty ballots, as RCTab's rules (and the Minneapolis and Maine rules it implements) read them.
/// </summary>
public class RankedBallotRulesTests
{
    private static readonly PollOption[] Abcd = Options("a", "b", "c", "d");

    private static readonly PollOption[] Abc = Options("a", "b", "c");

    private static readonly PollOption[] Abd = Options("a", "b", "d");

    private static PollRule Irv(OvervoteRule overvote = OvervoteRule.Refuse, DuplicateRule duplicate = DuplicateRule.Refuse, int? skips = null) =>
        new(PollMethod.RankedChoice, BallotRules: new RankedBallotRules(overvote, duplicate, skips));

    // Five for A, three for B; C's two voters: one marks A and B together at rank 2 and A again at rank 3, one marks B.
    private static PollBallot[] WithAnOvervote() => Marked((5, [["a"]]), (3, [["b"]]), (1, [["c"], ["a", "b"], ["a"]]), (1, [["c"], ["b"]]));

    [Fact]
    public void A_ballot_with_an_overvote_exhausts_under_the_exhaust_rule()
    {
        var result = PollTally.Count(Irv(OvervoteRule.Exhaust, DuplicateRule.Skip), Abc, WithAnOvervote());

        Assert.Equal(["c"], result.Rounds[0].Eliminated);
        Assert.Equal([5m, 4m], [Total(result.Rounds[1], "a"), Total(result.Rounds[1], "b")]);
        Assert.Equal(1m, result.Rounds[1].Exhausted);
        Assert.Equal(["a"], result.Winners);
    }

    [Fact]
    public void A_ballot_with_an_overvote_skips_to_the_next_rank_under_the_skip_rule()
    {
        var result = PollTally.Count(Irv(OvervoteRule.SkipToNext, DuplicateRule.Skip), Abc, WithAnOvervote());

        Assert.Equal([6m, 4m], [Total(result.Rounds[1], "a"), Total(result.Rounds[1], "b")]);
        Assert.Equal(0m, result.Rounds[1].Exhausted);
    }

    [Fact]
    public void A_ballot_with_an_overvote_is_refused_under_the_default_rule()
    {
        var rule = Irv(duplicate: DuplicateRule.Skip);

        var error = Assert.Throws<CoalitionRuleException>(() => PollTally.Count(rule, Abc, WithAnOvervote()));

        Assert.Equal(ErrorCodes.Polls.InvalidBallot, error.Code);
        Assert.Contains("marks several options at one rank", error.Message, StringComparison.Ordinal);
        Assert.False(PollTally.CheckBallot(rule, Abc, WithAnOvervote()[8]).IsAllowed);
    }

    [Fact]
    public void An_overvote_counts_for_the_one_option_still_continuing_and_exhausts_when_several_continue()
    {
        // C goes first; D's two voters marked C and A together at rank 2: only A still continues, so both count for A.
        // A voter marking A and B together reaches a rank where both continue and stops.
        var ballots = Marked((5, [["a"]]), (4, [["b"]]), (1, [["c"]]), (2, [["d"], ["c", "a"], ["b"]]), (1, [["d"], ["a", "b"]]));

        var several = PollTally.Count(Irv(OvervoteRule.ExhaustIfSeveralContinuing), Abcd, ballots);
        var exhaust = PollTally.Count(Irv(OvervoteRule.Exhaust), Abcd, ballots);

        Assert.Equal(["c"], several.Rounds[0].Eliminated);
        Assert.Equal(["d"], several.Rounds[1].Eliminated);
        Assert.Equal([7m, 4m, 2m], [Total(several.Rounds[2], "a"), Total(several.Rounds[2], "b"), several.Rounds[2].Exhausted]);
        Assert.Equal([5m, 4m, 4m], [Total(exhaust.Rounds[2], "a"), Total(exhaust.Rounds[2], "b"), exhaust.Rounds[2].Exhausted]);
    }

    [Fact]
    public void A_ballot_stops_at_a_gap_longer_than_the_skipped_ranks_allowed()
    {
        // Maine's rule, one skipped rank allowed: D's first voter left two ranks blank before A, the second one before B.
        var ballots = Marked((4, [["a"]]), (4, [["b"]]), (1, [["d"], [], [], ["a"]]), (1, [["d"], [], ["b"]]));

        var limited = PollTally.Count(Irv(skips: 1), Abd, ballots);
        var unlimited = PollTally.Count(Irv(), Abd, ballots);

        Assert.Equal([4m, 5m, 1m], [Total(limited.Rounds[1], "a"), Total(limited.Rounds[1], "b"), limited.Rounds[1].Exhausted]);
        Assert.Equal(["b"], limited.Winners);
        Assert.Equal([5m, 5m, 0m], [Total(unlimited.Rounds[1], "a"), Total(unlimited.Rounds[1], "b"), unlimited.Rounds[1].Exhausted]);
    }

    [Fact]
    public void A_blank_first_rank_is_a_skipped_rank()
    {
        var ballots = Marked((3, [["a"]]), (2, [["b"]]), (1, [[], ["b"]]));

        Assert.Equal(1m, PollTally.Count(Irv(skips: 0), Abcd, ballots).Rounds[0].Exhausted);
        Assert.Equal(3m, Total(PollTally.Count(Irv(skips: 1), Abcd, ballots).Rounds[0], "b"));
    }

    [Fact]
    public void A_ballot_with_a_repeated_option_exhausts_at_the_repeat_under_the_exhaust_rule()
    {
        var ballots = Marked((4, [["a"]]), (5, [["b"]]), (1, [["d"], ["d"], ["a"]]));

        var result = PollTally.Count(Irv(duplicate: DuplicateRule.Exhaust), Abd, ballots);

        Assert.Equal([4m, 5m, 1m], [Total(result.Rounds[1], "a"), Total(result.Rounds[1], "b"), result.Rounds[1].Exhausted]);
    }

    [Fact]
    public void A_repeated_option_is_passed_over_under_the_skip_rule()
    {
        var ballots = Marked((4, [["a"]]), (5, [["b"]]), (1, [["d"], ["d"], ["a"]]));

        var result = PollTally.Count(Irv(duplicate: DuplicateRule.Skip), Abd, ballots);

        Assert.Equal([5m, 5m, 0m], [Total(result.Rounds[1], "a"), Total(result.Rounds[1], "b"), result.Rounds[1].Exhausted]);
    }

    [Fact]
    public void A_ballot_with_a_repeated_option_is_refused_under_the_default_rule()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => PollTally.Count(new PollRule(PollMethod.RankedChoice), Abcd, Ranked((1, ["a", "b", "a"]))));

        Assert.Equal(ErrorCodes.Polls.InvalidBallot, error.Code);
    }

    [Fact]
    public void An_empty_ballot_is_recorded_and_counts_for_no_option_nor_in_the_majority()
    {
        var result = PollTally.Count(new PollRule(PollMethod.RankedChoice), Abcd, [.. Ranked((3, ["a"]), (2, ["b", "a"])), .. Marked((2, [])), .. Ranked((1, []))]);

        Assert.Equal(8, result.Ballots);
        Assert.Equal(3, result.EmptyBallots);
        Assert.Equal(0m, result.Rounds[0].Exhausted);
        Assert.Equal(["a"], result.Winners);
        Assert.Single(result.Rounds);
        Assert.Contains("3 empty ballots were recorded; they count for no option.", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ranked_equal_are_preferred_by_neither_under_Copeland()
    {
        // Two voters rank A and B equal above C; one ranks B, then A, then C: B beats A one to nothing, and both beat C.
        var rule = new PollRule(PollMethod.Copeland, BallotRules: new RankedBallotRules(OvervoteRule.RankedEqually));

        var result = PollTally.Count(rule, Options("a", "b", "c"), Marked((2, [["a", "b"], ["c"]]), (1, [["b"], ["a"], ["c"]])));

        Assert.Equal(["b"], result.Winners);
        Assert.Equal([1m, 2m, 0m], result.Rounds[0].Totals.Select(t => t.Votes));
    }

    [Fact]
    public void Options_ranked_equal_share_the_value_reaching_their_rank_under_Meek()
    {
        // Three voters rank A and B equal, two vote C, one B: A starts with 1.5, B with 2.5. B's keep factor settles at
        // 0.7, and what B does not keep passes to the next rank (there is none), so the quota falls to 1.75 and C is elected.
        var rule = new PollRule(PollMethod.SingleTransferableVote, Seats: 2, BallotRules: new RankedBallotRules(OvervoteRule.RankedEqually));

        var result = PollTally.Count(rule, Options("a", "b", "c"), Marked((3, [["a", "b"]]), (2, [["c"]]), (1, [["b"]])));

        Assert.Equal(["b", "c"], result.Winners);
        Assert.Equal(1.5m, Total(result.Rounds[^1], "a"));
    }

    [Theory]
    [InlineData(PollMethod.RankedChoice, StvTransfer.Meek)]
    [InlineData(PollMethod.SingleTransferableVote, StvTransfer.WeightedInclusiveGregory)]
    public void Options_ranked_equal_are_refused_where_the_method_needs_one_option_a_rank(PollMethod method, StvTransfer transfer)
    {
        var rule = new PollRule(method, Seats: method == PollMethod.RankedChoice ? 1 : 2, Transfer: transfer, BallotRules: new RankedBallotRules(OvervoteRule.RankedEqually));

        var error = Assert.Throws<CoalitionRuleException>(() => PollTally.Count(rule, Abcd, []));

        Assert.Equal(ErrorCodes.Polls.InvalidPoll, error.Code);
    }

    [Fact]
    public void A_ballot_gives_a_ranking_or_marks_rank_by_rank_never_both_and_marks_only_for_ranked_methods()
    {
        var both = new PollBallot(Kit.Scenario.Partner(1), ["a"], new Dictionary<string, int>(), [["b"]]);

        Assert.False(PollTally.CheckBallot(new PollRule(PollMethod.RankedChoice), Abcd, both).IsAllowed);
        Assert.False(PollTally.CheckBallot(new PollRule(PollMethod.Approval), Abcd, PollBallot.Marked(Kit.Scenario.Partner(1), ["a"])).IsAllowed);
        Assert.True(PollTally.CheckBallot(new PollRule(PollMethod.RankedChoice), Abcd, PollBallot.Marked(Kit.Scenario.Partner(1), ["a"], [], ["b"])).IsAllowed);
    }
}
