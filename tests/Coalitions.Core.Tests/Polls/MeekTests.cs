using Coalitions.Core.Polls;
using static Coalitions.Core.Tests.Polls.Votes;

namespace Coalitions.Core.Tests.Polls;

/// <summary>
/// Meek's method as the Proportional Representation Foundation's Meek reference rule counts it: nine decimals, each
/// ballot's share rounded up, keep factors rounded up, iteration until a candidate is elected or the total surplus is
/// below 0.000001 or stops falling.
/// </summary>
public class MeekTests
{
    private static readonly PollOption[] Five = [new("alice", "Alice"), new("bob", "Bob"), new("chris", "Chris"), new("don", "Don"), new("eric", "Eric")];

    /// <summary>OpaVote's "Meek STV explained" election: 60 voters, three seats among five candidates.</summary>
    private static PollBallot[] OpaVote() =>
        Ranked((28, ["alice", "bob", "chris"]), (26, ["bob", "alice", "chris"]), (3, ["chris"]), (2, ["don"]), (1, ["eric"]));

    [Fact]
    public void Meeks_method_elects_Alice_and_Bob_on_first_preferences_and_Chris_on_their_surpluses()
    {
        var result = PollTally.Count(new PollRule(PollMethod.SingleTransferableVote, Seats: 3), Five, OpaVote());

        Assert.Equal(["alice", "bob", "chris"], result.Winners);
        Assert.Single(result.Rounds);
        Assert.Empty(result.Rounds[0].Eliminated);
    }

    [Fact]
    public void Meeks_method_keeps_nine_decimals_rounding_each_share_and_keep_factor_up_as_the_reference_rule_does()
    {
        // The reference rule's figures when Chris reaches the quota and the last seat is filled (worked independently):
        // Alice and Bob keep 0.384615385 of what reaches them; the quota is 60 ÷ 4 plus 0.000000001.
        var result = PollTally.Count(new PollRule(PollMethod.SingleTransferableVote, Seats: 3), Five, OpaVote());

        var last = result.Rounds[^1];
        Assert.Equal(16.923076946m, Total(last, "alice"));
        Assert.Equal(16.627218958m, Total(last, "bob"));
        Assert.Equal(23.449704096m, Total(last, "chris"));
        Assert.Equal([2m, 1m], [Total(last, "don"), Total(last, "eric")]);
        Assert.Equal(0m, last.Exhausted);
        Assert.Contains("Quota 15.000000001.", last.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Meeks_quota_falls_as_ballots_exhaust_so_Don_takes_a_fourth_seat_with_two_first_preferences()
    {
        // Alice's and Bob's voters rank nobody after Chris: as the three keep less, the rest exhausts, and the quota
        // falls from 12 to 1.840674592 (the reference rule's figures, worked independently), below Don's 2.
        var result = PollTally.Count(new PollRule(PollMethod.SingleTransferableVote, Seats: 4), Five, OpaVote());

        var last = result.Rounds[^1];
        Assert.Equal(["alice", "bob", "chris", "don"], result.Winners);
        Assert.Equal(50.796627042m, last.Exhausted);
        Assert.Contains("Quota 1.840674592.", last.Note, StringComparison.Ordinal);
        Assert.Equal(2.081386530m, Total(last, "chris"));
    }
}
