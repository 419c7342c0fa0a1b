using Coalitions.Core.Polls;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Polls;

/// <summary>
/// Weighted inclusive Gregory as the Scottish Local Government Elections Order 2007 counts it (schedule 1, rules 45 to
/// 52): the quota of rule 46, transfers of rule 48, the order of equal surpluses of rule 49, exclusion of rules 50–51.
/// </summary>
public class ScottishStvTests
{
    private static readonly PollRule Scottish = new(PollMethod.SingleTransferableVote, Seats: 3, Transfer: StvTransfer.WeightedInclusiveGregory);

    private static readonly PollOption[] Four = [new("amina", "Amina"), new("bea", "Bea"), new("chidi", "Chidi"), new("dan", "Dan")];

    internal static PollBallot[] Ballots(params (int Count, string[] Ranking)[] lines)
    {
        var ballots = new List<PollBallot>();
        foreach (var (count, ranking) in lines)
        {
            for (var i = 0; i < count; i++)
            {
                ballots.Add(PollBallot.Ranked(Partner(ballots.Count + 1), ranking));
            }
        }

        return [.. ballots];
    }

    private static decimal Total(PollRound round, string option) => round.Totals.Single(t => t.Option == option).Votes;

    [Fact]
    public void A_surplus_passes_each_ballot_on_at_its_value_times_the_surplus_over_the_votes_truncated_once()
    {
        // Quota 6 ÷ 4 + 1 = 2. Bea's surplus of 3 passes her five ballots to Chidi at 3 ÷ 5 = 0.6 each; Chidi's surplus
        // of 1 then passes the same ballots to Dan at 0.6 × 1 ÷ 3 = 0.2 each, 1 in all. Truncating 1 ÷ 3 to 0.33333
        // first and the product again would give 0.19999 a ballot and 0.99995.
        var result = PollTally.Count(Scottish, Four, Ballots((1, ["amina", "dan"]), (5, ["bea", "chidi", "dan", "amina"])));

        Assert.Equal(3m, Total(result.Rounds[1], "chidi"));
        Assert.Equal(1m, Total(result.Rounds[2], "dan"));
        Assert.Equal(1m, Total(result.Rounds[2], "amina"));
    }
}
