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
                    var why = top >= threshold
                        ? rule.ThresholdFromFirstRound
                            ? $"{tally.Labels[winner]} reaches the threshold of {threshold}, fixed from the first round's {Active(history, ballots)} continuing ballots."
                            : $"{tally.Labels[winner]} has a majority of the {active} continuing ballots."
                        : $"{tally.Labels[winner]} has the most votes of the {(standing.Count == 2 ? "two options" : "option")} left.";
                    tally.Rounds.Add(tally.Round(number, standing, totals, [tally.Keys[winner]], [], exhausted, why + tally.TieNotes(number)));
                    if (!rule.ContinueUntilTwoRemain || standing.Count <= 2)
                    {
                        break;
                    }

                    continue;
                }
            }
            else if (standing.Count <= 2)
            {
                tally.Rounds.Add(tally.Round(number, standing, totals, [], [], exhausted, "Two options remain: the count, continued for reporting, ends."));
                break;
            }

            var losers = rule.BatchElimination ? SureLosers(standing, totals, 0, rule.ContinueUntilTwoRemain ? 2 : 1) : [];
            string note;
            if (losers.Count > 1)
            {
                var next = standing.Where(i => !losers.Contains(i)).MinBy(i => totals[i]);
                note = $"{tally.Names(losers)} cannot win: together they have {losers.Sum(i => totals[i])} votes, fewer than {tally.Labels[next]}'s {totals[next]}; all are eliminated.";
            }
            else
            {
                var low = standing.Where(i => i != winner).Min(i => totals[i]);
                var loser = tally.Ties.Decide(TieKind.LastPlace, number, standing.Where(i => i != winner && totals[i] == low).ToList(), history);
                losers = [loser];
                note = $"{tally.Labels[loser]} has the fewest votes and is eliminated.";
            }

            var why2 = winner >= 0
                ? "Continuing until two remain: "
                : rule.ThresholdFromFirstRound
                    ? $"Nobody reaches the threshold of {threshold}, fixed from the first round; "
                    : $"No majority of the {active} continuing ballots; ";
            tally.Rounds.Add(tally.Round(number, standing, totals, [], losers.Select(i => tally.Keys[i]).ToArray(), exhausted, why2 + note + tally.TieNotes(number)));
            foreach (var loser in losers)
            {
                continuing[loser] = false;
            }
        }

        string[] winners = [tally.Keys[winner]];
        return new PollResult(PollMethod.RankedChoice, winners, tally.Rounds, Total(ballots), [], tally.Ties.LotUsed, tally.Explain(winners, ballots.Empty));
    }

    private static long Active(List<long[]> history, RankedBallots ballots) => history[0].Sum();
}
