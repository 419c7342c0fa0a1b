using Coalitions.Core.Polls;
using Coalitions.Core.Serialization;
using CsCheck;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Polls;

public class PollPropertyTests
{
    private static readonly PollOption[] Options = Enumerable.Range(0, 5).Select(i => new PollOption($"o{i}", $"Option {i}")).ToArray();

    private static readonly Gen<PollBallot[]> GenRankedBallots =
        Gen.Int[0, 4].Array[1, 5].Select(r => r.Distinct().Select(i => $"o{i}").ToArray()).Array[1, 60]
            .Select(rankings => rankings.Select((r, v) => PollBallot.Ranked(Partner(v + 1), r)).ToArray());

    [Theory]
    [InlineData(PollMethod.RankedChoice, 1)]
    [InlineData(PollMethod.Copeland, 1)]
    [InlineData(PollMethod.SingleTransferableVote, 3)]
    [InlineData(PollMethod.Approval, 1)]
    public void A_count_does_not_depend_on_the_order_of_the_ballots(PollMethod method, int seats)
    {
        var rule = new PollRule(method, Seats: seats);
        GenRankedBallots.SelectMany(b => Gen.Shuffle(b.ToArray()).Select(s => (b, s))).Sample(
            pair => CoalitionsJson.Serialize(PollTally.Count(rule, Options, pair.b, 9)) == CoalitionsJson.Serialize(PollTally.Count(rule, Options, pair.s, 9)),
            iter: 150);
    }

    [Fact]
    public void Meeks_method_for_one_seat_elects_the_instant_runoff_winner()
    {
        GenRankedBallots.Sample(
            ballots =>
            {
                var meek = PollTally.Count(new PollRule(PollMethod.SingleTransferableVote, Seats: 1, Transfer: StvTransfer.Meek), Options, ballots, 3);
                var irv = PollTally.Count(new PollRule(PollMethod.RankedChoice), Options, ballots, 3);
                return meek.TiesBrokenByLot || irv.TiesBrokenByLot || meek.Winners[0] == irv.Winners[0];
            },
            iter: 300);
    }

    [Theory]
    [InlineData(StvTransfer.Meek)]
    [InlineData(StvTransfer.WeightedInclusiveGregory)]
    public void Either_transfer_method_fills_every_seat_with_distinct_options(StvTransfer transfer)
    {
        GenRankedBallots.Sample(
            ballots =>
            {
                var result = PollTally.Count(new PollRule(PollMethod.SingleTransferableVote, Seats: 3, Transfer: transfer), Options, ballots, 5);
                return result.Winners.Count == 3 && result.Winners.Distinct().Count() == 3;
            },
            iter: 200);
    }

    [Fact]
    public void Single_transferable_vote_fills_every_seat_with_distinct_options()
    {
        GenRankedBallots.Sample(
            ballots =>
            {
                var result = PollTally.Count(new PollRule(PollMethod.SingleTransferableVote, Seats: 3), Options, ballots, 5);
                return result.Winners.Count == 3 && result.Winners.Distinct().Count() == 3;
            },
            iter: 200);
    }

    [Fact]
    public void A_majority_of_first_preferences_always_wins_an_instant_runoff()
    {
        GenRankedBallots.Sample(
            ballots =>
            {
                var firsts = ballots.GroupBy(b => b.Ranking[0]).OrderByDescending(g => g.Count()).First();
                var result = PollTally.Count(new PollRule(PollMethod.RankedChoice), Options, ballots, 3);
                return firsts.Count() * 2 <= ballots.Length || result.Winners[0] == firsts.Key;
            },
            iter: 200);
    }
}
