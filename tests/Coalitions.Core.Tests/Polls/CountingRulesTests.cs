using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using static Coalitions.Core.Tests.Polls.Votes;

namespace Coalitions.Core.Tests.Polls;

/// <summary>
/// The counting settings peers such as RCTab and Droop offer: batch elimination, continuing until two remain, a
/// threshold fixed from the first round; and the settings a rule may only combine with the methods that have them.
/// </summary>
public class CountingRulesTests
{
    private static readonly PollOption[] Eight = Options("a", "b", "c", "d", "e", "f", "g", "h");

    // A first-round table like a big-city race: two leaders and a long tail.
    private static PollBallot[] LongTail() =>
        Ranked((40, ["a"]), (35, ["b"]), (12, ["c", "b"]), (5, ["d", "a"]), (4, ["e", "a"]), (2, ["f", "b"]), (1, ["g", "a"]), (1, ["h", "b"]));

    [Fact]
    public void Batch_elimination_eliminates_in_one_round_every_option_that_cannot_win()
    {
        // C to H have 25 votes together, fewer than B's 35: none of them can overtake B, so all go at once (RCTab).
        var result = PollTally.Count(new PollRule(PollMethod.RankedChoice, BatchElimination: true), Eight, LongTail());

        Assert.Equal(["c", "d", "e", "f", "g", "h"], result.Rounds[0].Eliminated);
        Assert.Equal(2, result.Rounds.Count);
        Assert.Equal([50m, 50m], [Total(result.Rounds[1], "a"), Total(result.Rounds[1], "b")]);
        Assert.Contains("cannot win: together they have 25 votes, fewer than B's 35", result.Rounds[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_elimination_reaches_the_winner_one_by_one_elimination_reaches()
    {
        var batch = PollTally.Count(new PollRule(PollMethod.RankedChoice, BatchElimination: true), Eight, LongTail(), 5);
        var single = PollTally.Count(new PollRule(PollMethod.RankedChoice), Eight, LongTail(), 5);

        Assert.Equal(7, single.Rounds.Count);
        Assert.Equal(single.Rounds[^1].Totals, batch.Rounds[^1].Totals);
    }

    [Fact]
    public void Continuing_until_two_remain_goes_on_after_the_winner_for_reporting_and_keeps_the_winner()
    {
        // A has a majority at once, which would end an ordinary count in round 1 (RCTab "continue until two remain").
        var ballots = Ranked((52, ["a", "b"]), (30, ["b", "c"]), (10, ["c", "b"]), (8, ["d", "c"]));

        var result = PollTally.Count(new PollRule(PollMethod.RankedChoice, ContinueUntilTwoRemain: true), Options("a", "b", "c", "d"), ballots);

        Assert.Equal(["a"], result.Winners);
        Assert.Equal(["a"], result.Rounds[0].Elected);
        Assert.Equal(["d"], result.Rounds[1].Eliminated);
        Assert.Equal(["c"], result.Rounds[2].Eliminated);
        Assert.Equal(["a", "b"], result.Rounds[3].Totals.Select(t => t.Option));
        Assert.Equal([52m, 40m], result.Rounds[3].Totals.Select(t => t.Votes));
        Assert.Equal(8m, result.Rounds[3].Exhausted);
        Assert.Single(PollTally.Count(new PollRule(PollMethod.RankedChoice), Options("a", "b", "c", "d"), ballots).Rounds);
    }

    [Fact]
    public void A_threshold_fixed_from_the_first_round_does_not_fall_as_ballots_exhaust()
    {
        // Ten ballots: more than half is 6. D's voter ranks nobody else; once D goes, A's 5 are a majority of the 9 left,
        // but not 6: with the fixed threshold the count goes on until two remain, and the one with more votes wins.
        var ballots = Ranked((5, ["a"]), (3, ["b"]), (1, ["c", "b"]), (1, ["d"]));

        var recomputed = PollTally.Count(new PollRule(PollMethod.RankedChoice), Options("a", "b", "c", "d"), ballots);
        var fixedThreshold = PollTally.Count(new PollRule(PollMethod.RankedChoice, ThresholdFromFirstRound: true), Options("a", "b", "c", "d"), ballots);

        Assert.Equal(["a"], recomputed.Rounds[1].Elected);
        Assert.Empty(fixedThreshold.Rounds[1].Elected);
        Assert.Equal(["a"], fixedThreshold.Rounds[2].Elected);
        Assert.Contains("has the most votes of the two options left", fixedThreshold.Rounds[2].Note, StringComparison.Ordinal);
        Assert.Equal(recomputed.Winners, fixedThreshold.Winners);
    }

    public static TheoryData<PollRule> RulesWithSettingsTheirMethodLacks() =>
    [
        new PollRule(PollMethod.Approval, BallotRules: new RankedBallotRules(OvervoteRule.Exhaust)),
        new PollRule(PollMethod.Copeland, BallotRules: new RankedBallotRules(OvervoteRule.ExhaustIfSeveralContinuing)),
        new PollRule(PollMethod.SingleTransferableVote, Seats: 2, BallotRules: new RankedBallotRules(OvervoteRule.ExhaustIfSeveralContinuing)),
        new PollRule(PollMethod.RankedChoice, BallotRules: new RankedBallotRules(MaxConsecutiveSkips: -1)),
        new PollRule(PollMethod.RankedChoice, TieBreak: TieBreak.Permutation),
        new PollRule(PollMethod.RankedChoice, TieOrder: ["a", "b", "c", "d"]),
        new PollRule(PollMethod.RankedChoice, TieBreak: TieBreak.Permutation, TieOrder: ["a", "b", "c"]),
        new PollRule(PollMethod.RankedChoice, TieBreak: TieBreak.Permutation, TieOrder: ["a", "b", "c", "c"]),
        new PollRule(PollMethod.Plurality, BatchElimination: true),
        new PollRule(PollMethod.SingleTransferableVote, Seats: 2, ContinueUntilTwoRemain: true),
        new PollRule(PollMethod.RankedChoice, Quota: QuotaKind.Hare),
        new PollRule(PollMethod.SingleTransferableVote, Seats: 2, Quota: QuotaKind.Hare),
        new PollRule(PollMethod.SingleTransferableVote, Seats: 2, FractionalQuota: true),
        new PollRule(PollMethod.RankedChoice, FractionalQuota: true),
        new PollRule(PollMethod.SingleTransferableVote, Seats: 2, Transfer: StvTransfer.WeightedInclusiveGregory, ThresholdFromFirstRound: true),
        new PollRule(PollMethod.RankedChoice, TieBreak: (TieBreak)9),
    ];

    [Theory]
    [MemberData(nameof(RulesWithSettingsTheirMethodLacks))]
    public void A_rule_is_refused_when_it_has_a_counting_setting_its_method_lacks(PollRule rule)
    {
        var error = Assert.Throws<CoalitionRuleException>(() => PollTally.Count(rule, Options("a", "b", "c", "d"), []));

        Assert.Equal(ErrorCodes.Polls.InvalidPoll, error.Code);
    }
}
