using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using static Coalitions.Core.Tests.Polls.Votes;

namespace Coalitions.Core.Tests.Polls;

/// <summary>Plurality with a majority required, and what a count of ballot lines accepts.</summary>
public class PluralityMajorityTests
{
    private static readonly PollRule Majority = new(PollMethod.Plurality, RequireMajority: true);

    [Fact]
    public void Exactly_half_of_the_ballots_is_not_a_majority_so_the_top_two_go_to_a_runoff_with_the_first_round_on_record()
    {
        var result = PollTally.Count(Majority, Options("a", "b", "c"), Ranked((2, ["a"]), (1, ["b"]), (1, ["c"])));

        Assert.Empty(result.Winners);
        Assert.Equal(2, result.Runoff.Count);
        Assert.Equal("a", result.Runoff[0]);
        Assert.Equal(2m, Total(Assert.Single(result.Rounds), "a"));
    }

    [Fact]
    public void More_than_half_of_the_ballots_wins_outright()
    {
        var result = PollTally.Count(Majority, Options("a", "b", "c"), Ranked((3, ["a"]), (1, ["b"]), (1, ["c"])));

        Assert.Equal(["a"], result.Winners);
        Assert.Empty(result.Runoff);
    }

    [Fact]
    public void A_clear_leader_meets_the_runner_up_in_the_runoff_whoever_is_listed_first()
    {
        var result = PollTally.Count(Majority, Options("a", "b", "c", "d"), Ranked((2, ["c"]), (3, ["d"]), (1, ["b"]), (1, ["a"])));

        Assert.Equal(["d", "c"], result.Runoff);
        Assert.False(result.TiesBrokenByLot);
    }

    [Fact]
    public void Two_tied_leaders_go_to_the_runoff_together_by_lot_in_either_order()
    {
        var result = PollTally.Count(Majority, Options("a", "b", "c"), Ranked((2, ["b"]), (2, ["c"]), (1, ["a"])));

        Assert.Equal(["b", "c"], result.Runoff.Order(StringComparer.Ordinal));
        Assert.True(result.TiesBrokenByLot);
    }

    [Fact]
    public void Ballot_lines_are_counted_only_for_a_valid_poll_of_a_method_that_ranks()
    {
        BallotLine[] lines = [new(3, [["a"], ["b"]]), new(2, [["b"], ["a"]])];

        var notRanked = Assert.Throws<CoalitionRuleException>(() => PollTally.CountLines(new PollRule(PollMethod.Approval), Options("a", "b"), lines));
        var oneOption = Assert.Throws<CoalitionRuleException>(() => PollTally.CountLines(new PollRule(PollMethod.RankedChoice), Options("a"), lines));

        Assert.Equal(ErrorCodes.Polls.InvalidPoll, notRanked.Code);
        Assert.Contains("Ballot lines hold rankings; approval does not rank.", notRanked.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.Polls.InvalidPoll, oneOption.Code);
        Assert.Equal(["a"], PollTally.CountLines(new PollRule(PollMethod.RankedChoice), Options("a", "b"), lines).Winners);
    }
}
