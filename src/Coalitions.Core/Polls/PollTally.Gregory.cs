namespace Coalitions.Core.Polls;

public static partial class PollTally
{
    /// <summary>The unit of Gregory's arithmetic: 0.00001 of a vote. Values and votes are counted in whole units.</summary>
    private const long Unit = 100_000;

    /// <summary>
    /// Single transferable vote by weighted inclusive Gregory, as the Scottish Local Government Elections Order 2007 counts
    /// it (schedule 1, rules 45–52), in integers of 0.00001 of a vote.
    /// </summary>
    private static PollResult Gregory(Tally tally, RankedBallots ballots)
    {
        var rule = tally.Rule;
        var n = ballots.Options;
        var seats = rule.Seats;
        var value = new long[ballots.Lines];
        Array.Fill(value, Unit);
        var position = ballots.Start[..ballots.Lines];
        var pile = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            pile[i] = [];
        }

        var votes = new long[n];
        var continuing = new bool[n];
        Array.Fill(continuing, true);
        var excluded = new bool[n];
        var elected = new List<int>();
        var surplusPending = new List<int>();
        var history = new List<long[]>();
        long exhausted = 0;

        // Rules 48(2) and 50(3): a ballot goes to the continuing candidate of its next available preference.
        void Place(int line)
        {
            var p = position[line];
            var to = p < 0 ? -1 : ballots.NextContinuing(ref p, ballots.Start[line + 1], continuing);
            if (to < 0)
            {
                position[line] = -1;
                exhausted += value[line] * ballots.Weight[line];
            }
            else
            {
                position[line] = p;
                pile[to].Add(line);
                votes[to] += value[line] * ballots.Weight[line];
            }
        }

        for (var l = 0; l < ballots.Lines; l++)
        {
            Place(l);
        }

        var valid = votes.Sum();
        var quota = GregoryQuota(rule, valid, seats);
        while (true)
        {
            var number = tally.Rounds.Count + 1;
            history.Add(votes.ToArray());

            // Rule 47: a candidate with the quota is elected.
            var newly = InElectionOrder(Enumerable.Range(0, n).Where(i => continuing[i] && votes[i] >= quota), votes, history).Take(seats - elected.Count).ToList();
            foreach (var e in newly)
            {
                continuing[e] = false;
                elected.Add(e);
                surplusPending.Add(e);
            }

            var standing = Enumerable.Range(0, n).Where(i => continuing[i]).ToList();
            var seatsLeft = seats - elected.Count;
            var rest = seatsLeft > 0 && standing.Count <= seatsLeft ? standing : [];
            foreach (var e in rest)
            {
                continuing[e] = false;
                elected.Add(e);
            }

            var electedNow = tally.KeysOf(newly.Concat(rest));
            if (seatsLeft <= 0 || rest.Count > 0)
            {
                tally.Rounds.Add(GregoryRound(tally, number, votes, excluded, electedNow, [], exhausted, quota) with { ElectedWithoutQuota = tally.KeysOf(rest) });
                break;
            }

            // Rule 49: the largest surplus first; equal surpluses by the latest earlier stage at which the votes differed, then by lot.
            var surplusOf = surplusPending.Where(e => votes[e] > quota).ToList();
            if (surplusOf.Count > 0)
            {
                var top = surplusOf.Max(e => votes[e]);
                var from = tally.Ties.Decide(TieKind.SurplusFirst, number, surplusOf.Where(e => votes[e] == top).Order().ToList(), history);
                tally.Rounds.Add(GregoryRound(tally, number, votes, excluded, electedNow, [], exhausted, quota) with { SurplusTransferred = tally.Keys[from] });
                surplusPending.Remove(from);
                var surplus = votes[from] - quota;
                var credited = votes[from];
                var moving = pile[from];
                pile[from] = [];
                votes[from] = quota;
                foreach (var line in moving)
                {
                    // Rule 48(3): (surplus × the ballot's value when received) ÷ the candidate's votes, any remainder ignored.
                    value[line] = (long)((Int128)value[line] * surplus / credited);
                    Place(line);
                }

                continue;
            }

            // Rules 50 and 51: exclude the lowest; equal lowest by the latest earlier stage at which they differed, then by lot.
            surplusPending.Clear();
            var losers = rule.BatchElimination ? SureLosers(standing, votes, 0, seatsLeft) : [];
            if (losers.Count <= 1)
            {
                var low = standing.Min(i => votes[i]);
                losers = [tally.Ties.Decide(TieKind.LastPlace, number, standing.Where(i => votes[i] == low).ToList(), history)];
            }

            tally.Rounds.Add(GregoryRound(tally, number, votes, excluded, electedNow, tally.KeysOf(losers), exhausted, quota));
            var excludedBallots = new List<int>();
            foreach (var loser in losers)
            {
                continuing[loser] = false;
                excluded[loser] = true;
                excludedBallots.AddRange(pile[loser]);
                pile[loser] = [];
                votes[loser] = 0;
            }

            foreach (var line in excludedBallots)
            {
                Place(line);
            }
        }

        return new PollResult(PollMethod.SingleTransferableVote, tally.KeysOf(elected), tally.Rounds, Total(ballots), [], tally.Ties.LotUsed);
    }

    /// <summary>
    /// The quota, from the valid ballots of the first stage: Droop (rule 46: ÷ (seats + 1), rounded down, plus one; or in
    /// fractions: to five decimals plus 0.00001) or Hare (÷ seats, rounded up to a whole vote or to five decimals).
    /// </summary>
    /// <remarks>With no valid ballot at all the Hare quota would be 0, which every candidate reaches: it is never below 0.00001.</remarks>
    private static long GregoryQuota(PollRule rule, long valid, int seats) => Math.Max(1, (rule.Quota, rule.FractionalQuota) switch
    {
        (QuotaKind.Droop, false) => ((valid / Unit / (seats + 1)) + 1) * Unit,
        (QuotaKind.Droop, true) => (valid / (seats + 1)) + 1,
        (_, false) => (valid / Unit + seats - 1) / seats * Unit,
        _ => (valid + seats - 1) / seats,
    });

    private static decimal Votes(long units) => units / (decimal)Unit;

    private static PollRound GregoryRound(Tally tally, int number, long[] votes, bool[] excluded, IReadOnlyList<string> elected, IReadOnlyList<string> eliminated, long exhausted, long quota) =>
        new(number, Enumerable.Range(0, votes.Length).Where(i => !excluded[i] || eliminated.Contains(tally.Keys[i])).Select(i => new OptionTotal(tally.Keys[i], Votes(votes[i]))).ToArray(), elected, eliminated, Votes(exhausted))
        {
            Threshold = Votes(quota),
        };
}
