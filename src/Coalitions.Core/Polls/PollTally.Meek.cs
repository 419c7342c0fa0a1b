namespace Coalitions.Core.Polls;

public static partial class PollTally
{
    /// <summary>One vote in Meek's fixed-point arithmetic: nine decimal places.</summary>
    private const long One = 1_000_000_000;

    /// <summary>The reference rule's omega: iteration stops once the total surplus is below 0.000001.</summary>
    private const long Omega = 1_000;

    /// <summary>
    /// Single transferable vote by Meek's method as the Proportional Representation Foundation's Meek reference rule
    /// counts it (steps A to C; Hill, Wichmann and Woodall, algorithm 123), in integers of 0.000000001 of a vote.
    /// Reporting: a round ends at each exclusion (and at the end), listing who was elected since the round before.
    /// </summary>
    private static PollResult Meek(Tally tally, RankedBallots ballots)
    {
        var rule = tally.Rule;
        var n = ballots.Options;
        var seats = rule.Seats;
        var keep = new long[n];
        Array.Fill(keep, One);
        var hopeful = new bool[n];
        Array.Fill(hopeful, true);
        var excluded = new bool[n];
        var elected = new List<int>();
        var electedSince = new List<int>();
        var history = new List<long[]>();
        var votes = new long[n];
        long residual = 0;
        long quota = 0;
        long surplus = 0;

        // B.2.a: each ballot gives each candidate in turn its keep factor of what is left (rounded up), until nothing is
        // left; candidates ranked equal share what reaches their rank. B.2.b: the quota.
        void Distribute()
        {
            Array.Clear(votes);
            residual = 0;
            var marks = ballots.Marks;
            for (var l = 0; l < ballots.Lines; l++)
            {
                long weight = One;
                long lines = ballots.Weight[l];
                var end = ballots.Start[l + 1];
                for (var p = ballots.Start[l]; p < end && weight > 0; p++)
                {
                    var entry = marks[p];
                    if (entry >= 0)
                    {
                        var factor = keep[entry];
                        if (factor > 0)
                        {
                            var kept = ((weight * factor) + (One - 1)) / One;
                            votes[entry] += kept * lines;
                            weight -= kept;
                        }

                        continue;
                    }

                    var size = -entry;
                    var sharing = 0;
                    for (var q = p + 1; q <= p + size; q++)
                    {
                        sharing += keep[marks[q]] > 0 ? 1 : 0;
                    }

                    if (sharing > 0)
                    {
                        var share = weight / sharing;
                        for (var q = p + 1; q <= p + size; q++)
                        {
                            var factor = keep[marks[q]];
                            if (factor > 0)
                            {
                                var kept = ((share * factor) + (One - 1)) / One;
                                votes[marks[q]] += kept * lines;
                                weight -= kept;
                            }
                        }
                    }

                    p += size;
                }

                residual += weight * lines;
            }

            quota = (votes.Sum() / (seats + 1)) + 1;
        }

        while (true)
        {
            // B.1: the count is complete when every seat is filled or no more hopefuls remain than seats.
            var seatsLeft = seats - elected.Count;
            if (seatsLeft <= 0 || hopeful.Count(h => h) <= seatsLeft)
            {
                break;
            }

            // B.2: iterate until a candidate is elected, the total surplus is below omega, or it stops falling.
            var lastSurplus = long.MaxValue;
            var electedNow = false;
            while (true)
            {
                Distribute();
                var reaching = Enumerable.Range(0, n).Where(c => hopeful[c] && votes[c] >= quota).ToList();
                if (reaching.Count > 0)
                {
                    history.Add(votes.ToArray());
                    foreach (var c in InElectionOrder(reaching, votes, history).Take(seats - elected.Count))
                    {
                        hopeful[c] = false;
                        elected.Add(c);
                        electedSince.Add(c);
                    }

                    history.RemoveAt(history.Count - 1);
                    electedNow = true;
                }

                surplus = Math.Max(0, elected.Sum(c => votes[c] - quota));
                if (electedNow || surplus < Omega || surplus >= lastSurplus)
                {
                    break;
                }

                lastSurplus = surplus;

                // B.2.f: keep factor × quota (rounded up), ÷ votes (rounded up).
                foreach (var c in elected)
                {
                    var product = (((Int128)keep[c] * quota) + (One - 1)) / One;
                    keep[c] = (long)(((product * One) + votes[c] - 1) / votes[c]);
                }
            }

            if (electedNow)
            {
                continue;
            }

            // B.3: exclude the lowest hopeful; every hopeful within the total surplus of the lowest counts as tied.
            var number = tally.Rounds.Count + 1;
            history.Add(votes.ToArray());
            var standing = Enumerable.Range(0, n).Where(c => hopeful[c]).ToList();
            var losers = rule.BatchElimination ? SureLosers(standing, votes, surplus, seats - elected.Count) : [];
            if (losers.Count <= 1)
            {
                var low = standing.Min(c => votes[c]);
                losers = [tally.Ties.Decide(TieKind.LastPlace, number, standing.Where(c => votes[c] <= low + surplus).ToList(), history)];
            }

            tally.Rounds.Add(MeekRound(tally, number, votes, excluded, electedSince, losers, residual, quota));
            electedSince.Clear();
            foreach (var loser in losers)
            {
                hopeful[loser] = false;
                excluded[loser] = true;
                keep[loser] = 0;
            }
        }

        // C.1: elect the remaining hopefuls if seats are left. The last distribution shows the final state.
        var remaining = Enumerable.Range(0, n).Where(c => hopeful[c]).ToList();
        var fill = elected.Count < seats ? remaining : [];
        foreach (var c in fill)
        {
            hopeful[c] = false;
            elected.Add(c);
            electedSince.Add(c);
        }

        Distribute();
        tally.Rounds.Add(MeekRound(tally, tally.Rounds.Count + 1, votes, excluded, electedSince, [], residual, quota) with { ElectedWithoutQuota = tally.KeysOf(fill) });
        return new PollResult(PollMethod.SingleTransferableVote, tally.KeysOf(elected), tally.Rounds, Total(ballots), [], tally.Ties.LotUsed);
    }

    private static decimal Nine(long fixedPoint) => fixedPoint / (decimal)One;

    private static PollRound MeekRound(Tally tally, int number, long[] votes, bool[] excluded, List<int> elected, List<int> eliminated, long residual, long quota) =>
        new(
            number,
            Enumerable.Range(0, votes.Length).Where(i => !excluded[i] || eliminated.Contains(i)).Select(i => new OptionTotal(tally.Keys[i], Nine(votes[i]))).ToArray(),
            elected.Select(i => tally.Keys[i]).ToArray(),
            eliminated.Select(i => tally.Keys[i]).ToArray(),
            Nine(residual))
        {
            Threshold = Nine(quota),
        };
}
