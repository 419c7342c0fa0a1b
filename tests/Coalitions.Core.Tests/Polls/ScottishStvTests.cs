using Coalitions.Core.Polls;

namespace Coalitions.Core.Tests.Polls;

/// <summary>
/// Weighted inclusive Gregory as the Scottish Local Government Elections Order 2007 counts it (schedule 1, rules 45 to
/// 52): the quota of rule 46, transfers of rule 48, the order of equal surpluses of rule 49, exclusion of rules 50–51.
/// </summary>
public class ScottishStvTests
{
    private static readonly PollRule Scottish = new(PollMethod.SingleTransferableVote, Seats: 3, Transfer: StvTransfer.WeightedInclusiveGregory);

    private static readonly PollOption[] Four = [new("amina", "Amina"), new("bea", "Bea"), new("chidi", "Chidi"), new("dan", "Dan")];

    private static decimal Total(PollRound round, string option) => round.Totals.Single(t => t.Option == option).Votes;

    [Fact]
    public void A_surplus_passes_each_ballot_on_at_its_value_times_the_surplus_over_the_votes_truncated_once()
    {
        // Quota 6 ÷ 4 + 1 = 2. Bea's surplus of 3 passes her five ballots to Chidi at 3 ÷ 5 = 0.6 each; Chidi's surplus
        // of 1 then passes the same ballots to Dan at 0.6 × 1 ÷ 3 = 0.2 each, 1 in all. Truncating 1 ÷ 3 to 0.33333
        // first and the product again would give 0.19999 a ballot and 0.99995.
        var result = PollTally.Count(Scottish, Four, Votes.Ranked((1, ["amina", "dan"]), (5, ["bea", "chidi", "dan", "amina"])));

        Assert.Equal(3m, Total(result.Rounds[1], "chidi"));
        Assert.Equal(1m, Total(result.Rounds[2], "dan"));
        Assert.Equal(1m, Total(result.Rounds[2], "amina"));
    }

    [Fact]
    public void Equal_surpluses_pass_on_in_the_order_of_the_latest_earlier_stage_at_which_the_votes_differed()
    {
        // Quota 36 ÷ 5 + 1 = 8 for four seats. Amina's surplus of 8 passes her 16 ballots on at 0.5: Bea and Chidi both
        // reach 9, equal surpluses of 1. At the stage before, Chidi had 7 and Bea 6, so Chidi's surplus goes first
        // (rule 49(2)), though Bea is listed first.
        var options = Votes.Options("amina", "bea", "chidi", "dan", "efua", "femi");
        var ballots = Votes.Ranked(
            (6, ["amina", "bea"]), (4, ["amina", "chidi"]), (6, ["amina", "dan"]),
            (6, ["bea", "efua"]), (7, ["chidi", "femi"]), (1, ["dan"]), (3, ["efua"]), (3, ["femi"]));

        var result = PollTally.Count(Scottish with { Seats = 4 }, options, ballots);

        Assert.Equal(9m, Total(result.Rounds[1], "bea"));
        Assert.Equal(9m, Total(result.Rounds[1], "chidi"));
        Assert.Equal(new PollTie(2, TieKind.SurplusFirst, ["bea", "chidi"], "chidi", TieResolution.EarlierRound), result.Ties.Single(), TieComparer.Instance);
        Assert.StartsWith("CHIDI's surplus of 1 passes on", result.Rounds[2].Note, StringComparison.Ordinal);
        Assert.StartsWith("BEA's surplus of 1 passes on", result.Rounds[3].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_surpluses_that_were_equal_at_every_stage_pass_on_in_an_order_drawn_by_lot()
    {
        var options = Votes.Options("amina", "bea", "chidi", "dan", "efua", "femi");
        var ballots = Votes.Ranked(
            (6, ["amina", "bea"]), (6, ["amina", "chidi"]), (4, ["amina", "dan"]),
            (6, ["bea", "efua"]), (6, ["chidi", "femi"]), (1, ["dan"]), (3, ["efua"]), (3, ["femi"]));

        var firsts = Enumerable.Range(0, 30).Select(seed => PollTally.Count(Scottish with { Seats = 4 }, options, ballots, (ulong)seed)).ToArray();

        Assert.All(firsts, r => Assert.Equal(TieResolution.Lot, r.Ties[0].By));
        Assert.All(firsts, r => Assert.True(r.TiesBrokenByLot));
        Assert.Equal(["bea", "chidi"], firsts.Select(r => r.Ties[0].Chosen).Distinct().Order());
    }

    [Fact]
    public void Equal_lowest_candidates_are_excluded_by_the_latest_earlier_stage_at_which_they_differed()
    {
        // Quota 21 ÷ 3 + 1 = 8 for two seats. Amina's surplus of 2 passes her ten ballots on at 0.2: Dan rises from 2 to
        // 3 and ties with Chidi for the fewest votes. At the stage before Dan had fewer, so Dan is excluded (rule 51).
        var options = Votes.Options("amina", "bea", "chidi", "dan");
        var ballots = Votes.Ranked((5, ["amina", "dan"]), (5, ["amina"]), (6, ["bea"]), (3, ["chidi"]), (2, ["dan"]));

        var result = PollTally.Count(Scottish with { Seats = 2 }, options, ballots);

        Assert.Equal(3m, Total(result.Rounds[1], "chidi"));
        Assert.Equal(3m, Total(result.Rounds[1], "dan"));
        Assert.Equal(["dan"], result.Rounds[1].Eliminated);
        Assert.Equal(new PollTie(2, TieKind.LastPlace, ["chidi", "dan"], "dan", TieResolution.EarlierRound), result.Ties.Single(), TieComparer.Instance);
        Assert.False(result.TiesBrokenByLot);
    }

    [Fact]
    public void The_quota_is_the_valid_ballots_over_the_seats_plus_one_rounded_down_plus_one()
    {
        var result = PollTally.Count(Scottish, WorkedExampleTests.Foods, WorkedExampleTests.Food().Concat(Votes.Marked((5, []))).ToArray());

        Assert.StartsWith("First preferences; the quota is 6 (20 valid ballots, 3 seats).", result.Rounds[0].Note, StringComparison.Ordinal);
        Assert.Equal(25, result.Ballots);
        Assert.Equal(5, result.EmptyBallots);
    }

    [Fact]
    public void The_Hare_quota_is_the_valid_ballots_over_the_seats_rounded_up()
    {
        // The food election with the Hare quota: 20 ÷ 3 = 6.67, so 7; Chocolate's surplus of 5 passes on at 5/12 a ballot.
        var result = PollTally.Count(Scottish with { Quota = QuotaKind.Hare }, WorkedExampleTests.Foods, WorkedExampleTests.Food());

        Assert.StartsWith("First preferences; the quota is 7 ", result.Rounds[0].Note, StringComparison.Ordinal);
        Assert.Equal(7m, Total(result.Rounds[1], "Chocolate"));
        Assert.Equal(3.33328m + 1m, Total(result.Rounds[1], "Strawberry"));
        Assert.Equal(["Chocolate", "Orange", "Strawberry"], result.Winners);
    }

    [Fact]
    public void A_fractional_Droop_quota_is_the_votes_over_the_seats_plus_one_plus_the_smallest_unit()
    {
        // 20 ÷ 4 = 5, plus 0.00001: Chocolate's surplus is 6.99999, and Orange's four first preferences fall short.
        var result = PollTally.Count(Scottish with { FractionalQuota = true }, WorkedExampleTests.Foods, WorkedExampleTests.Food());

        Assert.StartsWith("First preferences; the quota is 5.00001 ", result.Rounds[0].Note, StringComparison.Ordinal);
        Assert.Equal(5.00001m, Total(result.Rounds[1], "Chocolate"));
        Assert.Equal(["Chocolate"], result.Rounds[0].Elected);
    }

    [Fact]
    public void Batch_exclusion_excludes_together_every_candidate_whose_votes_with_all_below_cannot_reach_the_next()
    {
        // Quota 31 ÷ 3 + 1 = 11 for two seats. Dan 1, Efua 2 and Femi 3 have 6 together, fewer than Chidi's 7.
        var options = Votes.Options("amina", "bea", "chidi", "dan", "efua", "femi");
        var ballots = Votes.Ranked((10, ["amina"]), (8, ["bea"]), (7, ["chidi"]), (1, ["dan", "bea"]), (2, ["efua", "bea"]), (3, ["femi", "chidi"]));

        var result = PollTally.Count(Scottish with { Seats = 2, BatchElimination = true }, options, ballots);

        Assert.Equal(["dan", "efua", "femi"], result.Rounds[0].Eliminated);
        Assert.Equal(11m, Total(result.Rounds[1], "bea"));
        Assert.Equal(["bea", "amina"], result.Winners);
    }

    [Theory]
    [InlineData(QuotaKind.Hare, false)]
    [InlineData(QuotaKind.Hare, true)]
    [InlineData(QuotaKind.Droop, true)]
    public void With_no_valid_ballot_the_quota_stays_above_zero_and_no_more_are_elected_than_seats(QuotaKind quota, bool fractional)
    {
        var result = PollTally.Count(Scottish with { Quota = quota, FractionalQuota = fractional }, WorkedExampleTests.Foods, Votes.Marked((3, [])));

        Assert.Equal(3, result.Winners.Count);
        Assert.Equal(3, result.EmptyBallots);
    }
}
