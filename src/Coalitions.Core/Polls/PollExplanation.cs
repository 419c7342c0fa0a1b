using System.Globalization;
using System.Text;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Polls;

/// <summary>
/// Puts a poll's result in words: the explanation and every round's note, from the figures the result holds, the rule
/// it was counted by and the options' labels. Results are stored as figures only; this runs when one is read, so the
/// wording can improve (or be translated by a host from the same figures) without rewriting a stored result.
/// </summary>
/// <remarks>
/// <para>Deterministic and in the invariant culture. It never throws on figures it does not expect (a stored result is
/// untrusted): an option the figures name that the poll does not have is named by its key, and a figure missing from a
/// result stored before it was recorded (a threshold, a surplus passed on, a slot's answers) is left out of the words.</para>
/// </remarks>
internal static class PollExplanation
{
    public static PollResult Render(PollResult result, PollRule rule, IReadOnlyList<PollOption> options)
    {
        Preconditions.CheckNotNull(result, nameof(result));
        Preconditions.CheckNotNull(rule, nameof(rule));
        Preconditions.CheckNotNull(options, nameof(options));
        var words = new Wording(result, rule, options);
        var rounds = new PollRound[result.Rounds.Count];
        for (var i = 0; i < rounds.Length; i++)
        {
            rounds[i] = result.Rounds[i] with { Note = words.Note(i) };
        }

        return result with { Rounds = Array.AsReadOnly(rounds), Explanation = words.Explanation(rounds) };
    }

    /// <summary>The words of one result.</summary>
    private sealed class Wording
    {
        private readonly PollResult _result;
        private readonly PollRule _rule;
        private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);

        public Wording(PollResult result, PollRule rule, IReadOnlyList<PollOption> options)
        {
            _result = result;
            _rule = rule;
            foreach (var option in options)
            {
                if (option?.Key is { } key && option.Label is { } label)
                {
                    _labels.TryAdd(key, label);
                }
            }
        }

        private IReadOnlyList<PollRound> Rounds => _result.Rounds;

        /// <summary>"Elected" where the poll fills seats or elects people, "Chosen" otherwise.</summary>
        private string Verdict => _result.Method == PollMethod.SingleTransferableVote || _rule.Purpose == PollPurpose.Election ? "Elected" : "Chosen";

        private string Unit => _result.Method switch
        {
            PollMethod.Approval => "approvals",
            PollMethod.Score => "points",
            PollMethod.DotVote => "dots",
            _ => "votes",
        };

        public string Note(int index)
        {
            var round = Rounds[index];
            return _result.Method switch
            {
                PollMethod.Plurality or PollMethod.Approval or PollMethod.Score or PollMethod.DotVote => SingleRoundNote(round),
                PollMethod.MeetingTime => round.Elected.Count > 0
                    ? $"{Label(round.Elected[0])} is the slot the most can attend (yes or if need be), then the most yes."
                    : string.Empty,
                PollMethod.Copeland => round.Elected.Count > 0
                    ? $"{Label(round.Elected[0])} wins the most head-to-head contests{Condorcet(round, round.Elected[0])}; a tie counts one half{LastTieClause()}."
                    : string.Empty,
                PollMethod.RankedChoice => InstantRunoffNote(index),
                PollMethod.SingleTransferableVote when _rule.Transfer == StvTransfer.WeightedInclusiveGregory => GregoryNote(index),
                PollMethod.SingleTransferableVote => MeekNote(index),
                _ => string.Empty,
            };
        }

        public string Explanation(PollRound[] rounds)
        {
            var text = new StringBuilder();
            if (_result.PendingTie is { } tie)
            {
                var what = tie.Kind switch
                {
                    TieKind.LastPlace => "tie for last place",
                    TieKind.FirstPlace => "tie for first place",
                    _ => "have equal surpluses",
                };
                text.Append(CultureInfo.InvariantCulture, $"The count stops at round {tie.Round}: {Names(tie.Tied)} {what}, and the rule leaves the choice to a facilitator, whose decision is recorded on the poll.");
                AppendRounds(text, rounds);
                return text.ToString();
            }

            var first = rounds.Length > 0 ? rounds[0] : null;
            switch (_result.Method)
            {
                case PollMethod.Plurality or PollMethod.Approval or PollMethod.Score or PollMethod.DotVote:
                    if (_result.Winners.Count == 0 && _result.Runoff.Count >= 2)
                    {
                        return $"No majority: {Line(first)}. {Label(_result.Runoff[0])} and {Label(_result.Runoff[1])} go to a runoff.";
                    }

                    return _result.Winners.Count == 0
                        ? $"No option won. {Line(first)}."
                        : $"{Label(_result.Winners[0])} wins with {Figure(Total(first, _result.Winners[0]))} {Unit}{LastTieClause()}. {Line(first)}.";
                case PollMethod.MeetingTime:
                    return MeetingTimeExplanation(first);
                case PollMethod.Copeland:
                    if (_result.Winners.Count == 0)
                    {
                        return $"No option won. {Totals(first)}.";
                    }

                    var winner = _result.Winners[0];
                    return $"{Label(winner)} wins with {Figure(Total(first, winner))} head-to-head wins{Condorcet(first, winner)}{LastTieClause()}. {Totals(first)}.";
                default:
                    text.Append(Verdict).Append(_result.Winners.Count == 1 ? ": " : ", in order: ").Append(Names(_result.Winners)).Append('.');
                    var empty = _result.EmptyBallots;
                    if (empty > 0)
                    {
                        text.Append(' ').Append(Words.Count(empty, "empty ballot was", "empty ballots were")).Append(" recorded; they count for no option.");
                    }

                    AppendRounds(text, rounds);
                    return text.ToString();
            }
        }

        private string SingleRoundNote(PollRound round)
        {
            if (round.Elected.Count > 0)
            {
                return $"{Label(round.Elected[0])} has the most {Unit}{LastTieClause()}.";
            }

            return _result.Runoff.Count > 0 ? "No option has more than half the ballots: the top two go to a runoff." + TieNotes(round.Number) : string.Empty;
        }

        private string MeetingTimeExplanation(PollRound? round)
        {
            if (_result.Winners.Count == 0)
            {
                return $"No slot won. {Totals(round)}.";
            }

            var best = _result.Winners[0];
            if (_result.Availability.Count == 0)
            {
                // A result stored before the answers per slot were recorded holds the yes answers only.
                var yes = round?.Totals.Select(t => $"{Label(t.Option)} {Figure(t.Votes)} yes") ?? [];
                return $"Best slot: {Label(best)} ({Figure(Total(round, best))} yes). {string.Join(", ", yes)}.";
            }

            var chosen = _result.Availability.FirstOrDefault(s => s.Option == best);
            var table = string.Join(", ", _result.Availability.Select(s => $"{Label(s.Option)} {Answers(s)}"));
            return chosen is null ? $"Best slot: {Label(best)}. {table}." : $"Best slot: {Label(best)} ({Answers(chosen)}). {table}.";
        }

        private static string Answers(SlotAvailability slot) =>
            string.Create(CultureInfo.InvariantCulture, $"{slot.Yes:N0} yes, {slot.IfNeedBe:N0} if need be, {slot.No:N0} no");

        private string InstantRunoffNote(int index)
        {
            var round = Rounds[index];
            var active = Sum(round.Totals);
            var fixedThreshold = _rule.ThresholdFromFirstRound;
            var firstActive = Sum(Rounds[0].Totals);
            var threshold = round.Threshold ?? decimal.Floor((fixedThreshold ? firstActive : active) / 2) + 1;
            if (round.Elected.Count > 0)
            {
                var winner = round.Elected[0];
                var why = Total(round, winner) >= threshold
                    ? fixedThreshold
                        ? $"{Label(winner)} reaches the threshold of {Figure(threshold)}, fixed from the first round's {Figure(firstActive)} continuing ballots."
                        : $"{Label(winner)} has a majority of the {Figure(active)} continuing ballots."
                    : $"{Label(winner)} has the most votes of the {(round.Totals.Count == 2 ? "two options" : "option")} left.";
                return why + TieNotes(round.Number);
            }

            if (round.Eliminated.Count == 0)
            {
                return "Two options remain: the count, continued for reporting, ends.";
            }

            var decided = false;
            for (var i = 0; i < index && !decided; i++)
            {
                decided = Rounds[i].Elected.Count > 0;
            }

            var prefix = decided
                ? "Continuing until two remain: "
                : fixedThreshold
                    ? $"Nobody reaches the threshold of {Figure(threshold)}, fixed from the first round; "
                    : $"No majority of the {Figure(active)} continuing ballots; ";
            var note = round.Eliminated.Count > 1
                ? $"{Names(round.Eliminated)} cannot win: together they have {Figure(Sum(round, round.Eliminated))} votes, fewer than {Lowest(round, round.Eliminated)}; all are eliminated."
                : $"{Label(round.Eliminated[0])} has the fewest votes and is eliminated.";
            return prefix + note + TieNotes(round.Number);
        }

        private string MeekNote(int index)
        {
            var round = Rounds[index];
            var text = new StringBuilder();
            if (index == 0)
            {
                text.Append("Counted from first preferences until surpluses settled.");
            }
            else if (Rounds[index - 1].Eliminated is { Count: > 0 } excluded)
            {
                text.Append(excluded.Count == 1
                    ? $"{Label(excluded[0])} was excluded; the count is repeated without it."
                    : $"{Names(excluded)} could not win and were excluded together; the count is repeated without them.");
            }

            if (round.Threshold is { } quota)
            {
                text.Append(" Quota ").Append(Figure(quota)).Append('.');
            }

            text.Append(TieNotes(round.Number));
            if (round.ElectedWithoutQuota.Count > 0)
            {
                text.Append(' ').Append(Names(round.ElectedWithoutQuota)).Append(": as many hopeful as seats left, elected.");
            }

            return text.ToString().TrimStart();
        }

        private string GregoryNote(int index)
        {
            var round = Rounds[index];
            var text = new StringBuilder();
            if (index == 0)
            {
                var valid = Figure(Sum(round.Totals));
                text.Append(round.Threshold is { } quota
                    ? string.Create(CultureInfo.InvariantCulture, $"First preferences; the quota is {Figure(quota)} ({valid} valid ballots, {_rule.Seats} seats).")
                    : string.Create(CultureInfo.InvariantCulture, $"First preferences ({valid} valid ballots, {_rule.Seats} seats)."));
            }
            else
            {
                var before = Rounds[index - 1];
                if (before.SurplusTransferred is { } from)
                {
                    var credited = Total(before, from);
                    text.Append(before.Threshold is { } quota && credited >= quota
                        ? $"{Label(from)}'s surplus of {Figure(credited - quota)} passes on: each ballot at its value × {Figure(credited - quota)} ÷ {Figure(credited)}, to five decimals."
                        : $"{Label(from)}'s surplus passes on.");
                }
                else if (before.Eliminated.Count == 1)
                {
                    text.Append(Label(before.Eliminated[0])).Append(" has the fewest votes and is excluded; its ballots pass on at their current value.");
                }
                else if (before.Eliminated.Count > 1)
                {
                    text.Append(Names(before.Eliminated)).Append(" are excluded together; their ballots pass on at their current value.");
                }
                else
                {
                    // A result stored before the surplus passed on was recorded.
                    text.Append("A surplus passes on.");
                }
            }

            if (round.ElectedWithoutQuota.Count > 0)
            {
                text.Append(' ').Append(Names(round.ElectedWithoutQuota)).Append(": as many continuing as seats left, elected.");
            }

            if (round.Eliminated.Count > 1)
            {
                // The candidates still continuing: not excluded before this round nor elected up to it.
                var elected = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i <= index; i++)
                {
                    elected.UnionWith(Rounds[i].Elected);
                }

                text.Append(' ').Append(Names(round.Eliminated)).Append(" cannot win: together they have ").Append(Figure(Sum(round, round.Eliminated)))
                    .Append(" votes, fewer than ").Append(Lowest(round, [.. round.Eliminated, .. elected])).Append('.');
            }

            text.Append(TieNotes(round.Number));
            return text.ToString();
        }

        private void AppendRounds(StringBuilder text, PollRound[] rounds)
        {
            foreach (var round in rounds)
            {
                text.Append('\n').Append(CultureInfo.InvariantCulture, $"Round {round.Number}: ").Append(Totals(round));
                if (round.Exhausted > 0)
                {
                    text.Append(", exhausted ").Append(Figure(round.Exhausted));
                }

                text.Append(". ").Append(round.Note);
            }
        }

        /// <summary>The ties broken in a round, as sentences to add to its note.</summary>
        private string TieNotes(int round) =>
            string.Concat(_result.Ties.Where(t => t is not null && t.Round == round).Select(t => " " + TieSentence(t)));

        /// <summary>The last tie a single-round count broke, as a clause: " (a tie, broken by lot)".</summary>
        private string LastTieClause() => _result.Ties.Count == 0 ? string.Empty : _result.Ties[^1]?.By switch
        {
            TieResolution.Lot => " (a tie, broken by lot)",
            TieResolution.Permutation => " (a tie, broken by the published tie order)",
            _ => " (a tie, decided by a facilitator)",
        };

        private string TieSentence(PollTie tie)
        {
            var chosen = Label(tie.Chosen);
            var tied = Names(tie.Tied);
            var (what, decided) = tie.Kind switch
            {
                TieKind.LastPlace => ("tie for fewest votes", "goes"),
                TieKind.FirstPlace => ("tie for most votes", "wins"),
                _ => ("have equal surpluses", "goes first"),
            };
            return tie.By switch
            {
                TieResolution.EarlierRound => $"{tied} {what}: {chosen} {decided}, by the latest earlier round in which they differed.",
                TieResolution.Lot => $"{tied} {what}: {chosen} {decided}, by lot.",
                TieResolution.Permutation => $"{tied} {what}: {chosen} {decided}, by the published tie order.",
                _ => $"{tied} {what}: {chosen} {decided}, as a facilitator decided.",
            };
        }

        /// <summary>", beating every other option head to head" where a Copeland winner won every contest.</summary>
        private static string Condorcet(PollRound? round, string winner) =>
            round is not null && round.Totals.Count > 1 && Total(round, winner) == round.Totals.Count - 1 ? ", beating every other option head to head" : string.Empty;

        /// <summary>The round's totals, most first (ties in the order listed): "Memphis 42, Knoxville 17".</summary>
        private string Line(PollRound? round) =>
            round is null ? string.Empty : string.Join(", ", round.Totals.OrderByDescending(t => t.Votes).Select(t => $"{Label(t.Option)} {Figure(t.Votes)}"));

        /// <summary>The round's totals in the order listed.</summary>
        private string Totals(PollRound? round) =>
            round is null ? string.Empty : string.Join(", ", round.Totals.Select(t => $"{Label(t.Option)} {Figure(t.Votes)}"));

        /// <summary>"B's 35": the option with the fewest votes among those not in <paramref name="leaving"/> (the first listed of equals).</summary>
        private string Lowest(PollRound round, IReadOnlyCollection<string> leaving)
        {
            var next = round.Totals.Where(t => !leaving.Contains(t.Option)).MinBy(t => t.Votes);
            return next is null ? "any other option's votes" : $"{Label(next.Option)}'s {Figure(next.Votes)}";
        }

        private static decimal Total(PollRound? round, string key) =>
            round?.Totals.FirstOrDefault(t => t.Option == key)?.Votes ?? 0m;

        private static decimal Sum(PollRound round, IReadOnlyCollection<string> keys) =>
            Sum(round.Totals.Where(t => keys.Contains(t.Option)));

        // Each figure is at most 10^15 and a round lists at most 5,000,000 of them: the sum stays far inside a decimal.
        private static decimal Sum(IEnumerable<OptionTotal> totals) => totals.Aggregate(0m, (sum, t) => sum + t.Votes);

        private string Label(string? key) => key is null ? "none" : _labels.TryGetValue(key, out var label) ? label : key;

        private string Names(IEnumerable<string> keys)
        {
            var names = keys.Select(Label).ToList();
            return names.Count <= 2 ? string.Join(" and ", names) : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
        }

        private static string Figure(decimal value) => value.ToString("#,0.#########", CultureInfo.InvariantCulture);
    }
}
