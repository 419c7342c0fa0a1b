namespace Coalitions.Core.Polls;

public static partial class PollTally
{
    /// <summary>
    /// Instant runoff: each round every ballot counts for its first continuing option; an option with more than half
    /// of the continuing ballots (or the threshold fixed in the first round) wins; otherwise the last is eliminated
    /// (or, with batch elimination, every option that cannot win). With <see cref="PollRule.ContinueUntilTwoRemain"/>
    /// the count goes on after the winner is known, as RCTab does: the winner's round elects, later rounds eliminate.
    /// </summary>
    private static PollResult InstantRunoff(Tally tally, RankedBallots ballots)
    {
        var rule = tally.Rule;
        var n = ballots.Options;
        var continuing = new bool[n];
        Array.Fill(continuing, true);
        var position = ballots.Start[..ballots.Lines];
        var history = new List<long[]>();
        long threshold = 0;
        var winner = -1;
        while (true)
        {
            var number = tally.Rounds.Count + 1;
            var totals = new long[n];
            long exhausted = 0;
            for (var l = 0; l < ballots.Lines; l++)
            {
                var p = position[l];
                var option = p < 0 ? -1 : ballots.NextContinuing(ref p, ballots.Start[l + 1], continuing);
                if (option < 0)
                {
                    position[l] = -1;
                    exhausted += ballots.Weight[l];
                }
                else
                {
                    position[l] = p;
                    totals[option] += ballots.Weight[l];
                }
            }

            history.Add(totals);
            var active = ballots.Counted - exhausted;
            if (!rule.ThresholdFromFirstRound || number == 1)
            {
                threshold = (active / 2) + 1;
            }

            var standing = Enumerable.Range(0, n).Where(i => continuing[i]).ToList();
            if (winner < 0)
            {
                var leaders = Best(totals, standing);
                var top = totals[leaders[0]];
                if (top >= threshold || standing.Count <= 2)
                {
                    winner = top >= threshold ? leaders[0] : tally.Ties.Decide(TieKind.FirstPlace, number, leaders, history);
                    tally.Rounds.Add(tally.Round(number, standing, totals, [tally.Keys[winner]], [], exhausted) with { Threshold = threshold });
                    if (!rule.ContinueUntilTwoRemain || standing.Count <= 2)
                    {
                        break;
                    }

                    continue;
                }
            }
            else if (standing.Count <= 2)
            {
                tally.Rounds.Add(tally.Round(number, standing, totals, [], [], exhausted) with { Threshold = threshold });
                break;
            }

            var losers = rule.BatchElimination ? SureLosers(standing, totals, 0, rule.ContinueUntilTwoRemain ? 2 : 1) : [];
            if (losers.Count <= 1)
            {
                var low = standing.Where(i => i != winner).Min(i => totals[i]);
                losers = [tally.Ties.Decide(TieKind.LastPlace, number, standing.Where(i => i != winner && totals[i] == low).ToList(), history)];
            }

            tally.Rounds.Add(tally.Round(number, standing, totals, [], tally.KeysOf(losers), exhausted) with { Threshold = threshold });
            foreach (var loser in losers)
            {
                continuing[loser] = false;
            }
        }

        return new PollResult(PollMethod.RankedChoice, [tally.Keys[winner]], tally.Rounds, Total(ballots), [], tally.Ties.LotUsed);
    }
}
