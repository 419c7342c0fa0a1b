using System.Globalization;
using System.Text;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Polls;

/// <summary>
/// Counts polls and elections: a pure function of (rule, options, ballots, seed), for previews, results pages and
/// the <see cref="Poll"/> aggregate. Deterministic: the same input and seed always give the same result.
/// </summary>
/// <remarks>
/// <para>Tie-breaking, by method:</para>
/// <list type="bullet">
/// <item>Plurality, approval, score, dot vote, Copeland: a tie for first place is broken by lot.</item>
/// <item>Instant runoff and STV: a tie for last place is broken by the totals of the latest earlier round in which the
/// tied options differed (fewest is eliminated); if they never differed, by lot.</item>
/// <item>Meeting time: the slot the most can attend ("yes" or "if need be"), then the most "yes", then the slot listed first; never by lot.</item>
/// </list>
/// <para>Lots are drawn from a deterministic generator seeded with the host's seed (for example a number drawn in
/// public), so results reproduce.</para>
/// <para>STV by Meek's method (the default) follows the New Zealand rules for Meek STV in outline: each candidate has a
/// keep factor (1 while hopeful, 0 once excluded); each ballot gives each candidate in turn its keep factor of what is
/// left; the quota is (votes − exhausted) ÷ (seats + 1); elected candidates' keep factors are set to quota ÷ votes and
/// the count repeated until every elected candidate's surplus is below 0.00001; then, if seats remain, the candidate
/// with the fewest votes is excluded. Arithmetic is fixed point to nine decimal places, keep factors rounded up.</para>
/// <para>STV by weighted inclusive Gregory uses the Droop quota (votes divided by seats plus one, rounded down, plus one) and weighted inclusive
/// Gregory transfers as in the Scottish Local Government Elections Order 2007: a surplus passes on every ballot of the
/// elected candidate, each at its value when received times the surplus divided by the candidate's votes, truncated
/// once to five decimal places (rule 48(3)); an excluded candidate's ballots pass on at their current value.</para>
/// </remarks>
public static class PollTally
{
    /// <summary>Counts the ballots.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="options">The options, in the order listed.</param>
    /// <param name="ballots">The ballots, one per voter.</param>
    /// <param name="seed">The seed for ties broken by lot.</param>
    /// <returns>The result with its round-by-round table.</returns>
    /// <exception cref="CoalitionRuleException">An invalid poll or ballot.</exception>
    public static PollResult Count(PollRule rule, IReadOnlyList<PollOption> options, IReadOnlyList<PollBallot> ballots, ulong seed = 0)
    {
        CheckPoll(rule, options);
        Preconditions.CheckNotNull(ballots, nameof(ballots));
        var lot = new Lot(seed);
        var keys = options.Select(o => o.Key).ToArray();
        var index = keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
        var checker = new BallotChecker(rule, index);
        foreach (var ballot in ballots)
        {
            checker.Check(ballot).ThrowIfRefused();
        }

        return rule.Method switch
        {
            PollMethod.Plurality => Plurality(rule, keys, ballots.Select(b => index[b.Ranking[0]]).ToArray(), lot),
            PollMethod.Approval => Highest(rule.Method, keys, Sum(keys.Length, ballots.SelectMany(b => b.Ranking.Select(k => (index[k], 1)))), ballots.Count, lot, "approvals"),
            PollMethod.Score => Highest(rule.Method, keys, Sum(keys.Length, ballots.SelectMany(b => b.Points.Select(p => (index[p.Key], p.Value)))), ballots.Count, lot, "points"),
            PollMethod.DotVote => Highest(rule.Method, keys, Sum(keys.Length, ballots.SelectMany(b => b.Points.Select(p => (index[p.Key], p.Value)))), ballots.Count, lot, "dots"),
            PollMethod.MeetingTime => MeetingTime(keys, options, ballots, index),
            PollMethod.RankedChoice => InstantRunoff(keys, Rankings(ballots, index), lot),
            PollMethod.Copeland => Copeland(keys, Rankings(ballots, index), lot),
            _ when rule.Transfer == StvTransfer.Meek => Meek(keys, Rankings(ballots, index), rule.Seats, lot),
            _ => SingleTransferableVote(keys, Rankings(ballots, index), rule.Seats, lot),
        };
    }

    /// <summary>Whether a ballot fits the poll's method, with the reason if not.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="options">The options.</param>
    /// <param name="ballot">The ballot.</param>
    /// <returns>The check.</returns>
    public static RuleCheck CheckBallot(PollRule rule, IReadOnlyList<PollOption> options, PollBallot ballot)
    {
        Preconditions.CheckNotNull(rule, nameof(rule));
        Preconditions.CheckNotNull(options, nameof(options));
        var index = options.Select((o, i) => (o.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        return new BallotChecker(rule, index).Check(Preconditions.CheckNotNull(ballot, nameof(ballot)));
    }

    internal static void CheckPoll(PollRule rule, IReadOnlyList<PollOption> options)
    {
        Preconditions.CheckNotNull(rule, nameof(rule));
        Preconditions.CheckNotNull(options, nameof(options));
        var valid = Enum.IsDefined(rule.Method) && options.Count >= 2 && options.Count <= 200 &&
                    options.All(o => !string.IsNullOrWhiteSpace(o.Key) && o.Key.Length <= 50 && !string.IsNullOrWhiteSpace(o.Label) && o.Label.Length <= 200) &&
                    options.Select(o => o.Key).Distinct(StringComparer.Ordinal).Count() == options.Count &&
                    rule.Seats >= 1 && (rule.Method == PollMethod.SingleTransferableVote ? rule.Seats < options.Count : rule.Seats == 1) &&
                    (!rule.RequireMajority || rule.Method == PollMethod.Plurality) && rule.MaxScore >= 1 && rule.DotsPerVoter >= 1 &&
                    rule.MaxDotsPerOption is null or >= 1 && Enum.IsDefined(rule.Visibility);
        if (!valid)
        {
            throw new CoalitionRuleException(ErrorCodes.Polls.InvalidPoll, "A poll needs two to two hundred uniquely keyed, labelled options and a rule that fits its method (several seats only for STV, fewer seats than options, a majority requirement only for plurality).");
        }
    }

    private static long[] Sum(int count, IEnumerable<(int Option, int Amount)> amounts)
    {
        var totals = new long[count];
        foreach (var (option, amount) in amounts)
        {
            totals[option] += amount;
        }

        return totals;
    }

    private static int[][] Rankings(IReadOnlyList<PollBallot> ballots, Dictionary<string, int> index) =>
        ballots.Select(b => b.Ranking.Select(k => index[k]).ToArray()).ToArray();

    private static List<int> Best(long[] totals, IEnumerable<int> among)
    {
        var candidates = among.ToArray();
        var top = candidates.Max(i => totals[i]);
        return candidates.Where(i => totals[i] == top).ToList();
    }

    private static PollResult Plurality(PollRule rule, string[] keys, int[] choices, Lot lot)
    {
        var totals = Sum(keys.Length, choices.Select(c => (c, 1)));
        var ranked = Enumerable.Range(0, keys.Length).OrderByDescending(i => totals[i]).ThenBy(i => i).ToArray();
        var leaders = Best(totals, ranked);
        var round = Round(1, keys, Enumerable.Range(0, keys.Length), totals, [], [], 0, string.Empty);
        if (rule.RequireMajority && totals[ranked[0]] * 2 <= choices.Length)
        {
            var first = leaders.Count > 1 ? leaders : [ranked[0]];
            var second = leaders.Count > 1 ? leaders.Where(i => i != first[0]).ToList() : Best(totals, ranked.Skip(1));
            var finalists = leaders.Count > 1 ? TakeByLot(leaders, 2, lot) : [ranked[0], lot.Pick(second)];
            var names = finalists.Select(i => keys[i]).ToArray();
            return new PollResult(PollMethod.Plurality, [], [round with { Note = "No option has more than half the ballots: the top two go to a runoff." }], choices.Length, names, lot.Used,
                Invariant($"No majority: {Line(keys, totals)}. {names[0]} and {names[1]} go to a runoff."));
        }

        var winner = lot.Pick(leaders);
        return Single(PollMethod.Plurality, keys, totals, winner, choices.Length, lot, "votes", round);
    }

    private static PollResult Highest(PollMethod method, string[] keys, long[] totals, int ballots, Lot lot, string unit)
    {
        var winner = lot.Pick(Best(totals, Enumerable.Range(0, keys.Length)));
        return Single(method, keys, totals, winner, ballots, lot, unit, Round(1, keys, Enumerable.Range(0, keys.Length), totals, [], [], 0, string.Empty));
    }

    private static PollResult Single(PollMethod method, string[] keys, long[] totals, int winner, int ballots, Lot lot, string unit, PollRound round)
    {
        var byLot = lot.Used ? " (a tie, broken by lot)" : string.Empty;
        return new PollResult(method, [keys[winner]], [round with { Elected = [keys[winner]], Note = $"{keys[winner]} has the most {unit}{byLot}." }], ballots, [], lot.Used,
            Invariant($"{keys[winner]} wins with {totals[winner]} {unit}{byLot}. {Line(keys, totals)}."));
    }

    private static PollResult MeetingTime(string[] keys, IReadOnlyList<PollOption> options, IReadOnlyList<PollBallot> ballots, Dictionary<string, int> index)
    {
        var yes = new long[keys.Length];
        var maybe = new long[keys.Length];
        var no = new long[keys.Length];
        foreach (var ballot in ballots)
        {
            foreach (var (key, answer) in ballot.Points)
            {
                (answer switch { 2 => yes, 1 => maybe, _ => no })[index[key]]++;
            }
        }

        var best = Enumerable.Range(0, keys.Length)
            .OrderByDescending(i => yes[i] + maybe[i]).ThenByDescending(i => yes[i]).ThenBy(i => i)
            .First();
        var table = string.Join(", ", Enumerable.Range(0, keys.Length).Select(i => Invariant($"{options[i].Label} {yes[i]} yes, {maybe[i]} if need be, {no[i]} no")));
        var round = Round(1, keys, Enumerable.Range(0, keys.Length), yes, [keys[best]], [], 0, $"{options[best].Label} is the slot the most can attend (yes or if need be), then the most yes.");
        return new PollResult(PollMethod.MeetingTime, [keys[best]], [round], ballots.Count, [], false,
            Invariant($"Best slot: {options[best].Label} ({yes[best]} yes, {maybe[best]} if need be, {no[best]} no). {table}."));
    }

    private static PollResult InstantRunoff(string[] keys, int[][] rankings, Lot lot)
    {
        var continuing = Enumerable.Range(0, keys.Length).ToHashSet();
        var position = new int[rankings.Length];
        var rounds = new List<PollRound>();
        var history = new List<long[]>();
        while (true)
        {
            var totals = new long[keys.Length];
            long exhausted = 0;
            for (var b = 0; b < rankings.Length; b++)
            {
                var ranking = rankings[b];
                while (position[b] < ranking.Length && !continuing.Contains(ranking[position[b]]))
                {
                    position[b]++;
                }

                if (position[b] < ranking.Length)
                {
                    totals[ranking[position[b]]]++;
                }
                else
                {
                    exhausted++;
                }
            }

            history.Add(totals);
            var active = rankings.Length - exhausted;
            var leader = Best(totals, continuing);
            if (totals[leader[0]] * 2 > active || continuing.Count == 1)
            {
                var winner = lot.Pick(leader);
                rounds.Add(Round(rounds.Count + 1, keys, continuing, totals, [keys[winner]], [], exhausted, Invariant($"{keys[winner]} has a majority of the {active} continuing ballots.")));
                return new PollResult(PollMethod.RankedChoice, [keys[winner]], rounds, rankings.Length, [], lot.Used, Explain(keys, rounds, [keys[winner]]));
            }

            var loser = Lowest(totals, continuing, history, lot);
            rounds.Add(Round(rounds.Count + 1, keys, continuing, totals, [], [keys[loser]], exhausted, Invariant($"No majority of the {active} continuing ballots; {keys[loser]} has the fewest votes and is eliminated.")));
            continuing.Remove(loser);
        }
    }

    private static int Lowest(long[] totals, HashSet<int> continuing, List<long[]> history, Lot lot)
    {
        var low = continuing.Min(i => totals[i]);
        var tied = continuing.Where(i => totals[i] == low).Order().ToList();
        for (var r = history.Count - 2; r >= 0 && tied.Count > 1; r--)
        {
            var earlier = tied.Min(i => history[r][i]);
            tied = tied.Where(i => history[r][i] == earlier).ToList();
        }

        return lot.Pick(tied);
    }

    private static PollResult Copeland(string[] keys, int[][] rankings, Lot lot)
    {
        var n = keys.Length;
        var prefer = new long[n, n];
        foreach (var ranking in rankings)
        {
            var rank = Enumerable.Repeat(int.MaxValue, n).ToArray();
            for (var p = 0; p < ranking.Length; p++)
            {
                rank[ranking[p]] = p;
            }

            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    prefer[i, j] += rank[i] < rank[j] ? 1 : 0;
                }
            }
        }

        var points = new long[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i != j)
                {
                    points[i] += prefer[i, j] > prefer[j, i] ? 2 : prefer[i, j] == prefer[j, i] ? 1 : 0;
                }
            }
        }

        var winner = lot.Pick(Best(points, Enumerable.Range(0, n)));
        var halves = Enumerable.Range(0, n).Select(i => new OptionTotal(keys[i], points[i] / 2m)).ToArray();
        var condorcet = points[winner] == 2L * (n - 1) ? ", beating every other option head to head" : string.Empty;
        var round = new PollRound(1, halves, [keys[winner]], [], 0, $"{keys[winner]} wins the most head-to-head contests{condorcet}; a tie counts one half.");
        return new PollResult(PollMethod.Copeland, [keys[winner]], [round], rankings.Length, [], lot.Used,
            Invariant($"{keys[winner]} wins with {points[winner] / 2m} head-to-head wins{condorcet}{(lot.Used ? " (a tie, broken by lot)" : string.Empty)}. ") +
            string.Join(", ", halves.Select(h => Invariant($"{h.Option} {h.Votes}"))) + ".");
    }

    private static PollResult SingleTransferableVote(string[] keys, int[][] rankings, int seats, Lot lot)
    {
        var n = keys.Length;
        var quota = Math.Floor(rankings.Length / (decimal)(seats + 1)) + 1;
        var weight = Enumerable.Repeat(1m, rankings.Length).ToArray();
        var position = new int[rankings.Length];
        var pile = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            pile[i] = [];
        }

        var votes = new decimal[n];
        var status = new byte[n]; // 0 continuing, 1 elected, 2 excluded
        var elected = new List<int>();
        var surplusPending = new List<int>();
        var rounds = new List<PollRound>();
        var history = new List<long[]>();
        decimal exhausted = 0;

        void Place(int ballot)
        {
            var ranking = rankings[ballot];
            while (position[ballot] < ranking.Length && status[ranking[position[ballot]]] != 0)
            {
                position[ballot]++;
            }

            if (position[ballot] < ranking.Length)
            {
                var to = ranking[position[ballot]];
                pile[to].Add(ballot);
                votes[to] += weight[ballot];
            }
            else
            {
                exhausted += weight[ballot];
            }
        }

        for (var b = 0; b < rankings.Length; b++)
        {
            Place(b);
        }

        var note = Invariant($"First preferences; the quota is {quota} ({rankings.Length} ballots, {seats} seats).");
        while (true)
        {
            var newlyElected = Enumerable.Range(0, n).Where(i => status[i] == 0 && votes[i] >= quota).OrderByDescending(i => votes[i]).ThenBy(i => i).ToList();
            foreach (var e in newlyElected)
            {
                status[e] = 1;
                elected.Add(e);
                surplusPending.Add(e);
            }

            var continuing = Enumerable.Range(0, n).Where(i => status[i] == 0).ToList();
            var filled = elected.Count >= seats;
            var rest = !filled && continuing.Count <= seats - elected.Count ? continuing : [];
            foreach (var e in rest)
            {
                status[e] = 1;
                elected.Add(e);
            }

            var electedNow = newlyElected.Concat(rest).Select(i => keys[i]).ToList();
            if (rest.Count > 0)
            {
                note += Invariant($" {string.Join(", ", rest.Select(i => keys[i]))}: as many continuing as seats left, elected.");
            }

            history.Add(votes.Select(v => (long)(v * 100_000)).ToArray());
            if (filled || rest.Count > 0)
            {
                rounds.Add(StvRound(rounds.Count + 1, keys, votes, status, electedNow, [], exhausted, note));
                break;
            }

            var surplusOf = surplusPending.Where(e => votes[e] > quota).OrderByDescending(e => votes[e]).ThenBy(e => e).ToList();
            if (surplusOf.Count > 0)
            {
                rounds.Add(StvRound(rounds.Count + 1, keys, votes, status, electedNow, [], exhausted, note));
                var from = surplusOf[0];
                surplusPending.Remove(from);
                var surplus = votes[from] - quota;
                var credited = votes[from];
                note = Invariant($"{keys[from]}'s surplus of {surplus} passes on: each ballot at its value × {surplus} ÷ {credited}, to five decimals.");
                var moving = pile[from];
                pile[from] = [];
                votes[from] = quota;
                foreach (var b in moving)
                {
                    weight[b] = TransferValue(weight[b], surplus, credited);
                    Place(b);
                }

                continue;
            }

            surplusPending.Clear();
            var loser = Lowest(votes.Select(v => (long)(v * 100_000)).ToArray(), continuing.ToHashSet(), history, lot);
            rounds.Add(StvRound(rounds.Count + 1, keys, votes, status, electedNow, [keys[loser]], exhausted, note));
            status[loser] = 2;
            note = Invariant($"{keys[loser]} has the fewest votes and is excluded; its ballots pass on at their current value.");
            var excluded = pile[loser];
            pile[loser] = [];
            votes[loser] = 0;
            foreach (var b in excluded)
            {
                Place(b);
            }
        }

        var winners = elected.Select(i => keys[i]).ToArray();
        return new PollResult(PollMethod.SingleTransferableVote, winners, rounds, rankings.Length, [], lot.Used, Explain(keys, rounds, winners));
    }

    private const long One = 1_000_000_000;

    private static PollResult Meek(string[] keys, int[][] rankings, int seats, Lot lot)
    {
        var n = keys.Length;
        var keep = Enumerable.Repeat(One, n).ToArray();
        var status = new byte[n]; // 0 hopeful, 1 elected, 2 excluded
        var elected = new List<int>();
        var rounds = new List<PollRound>();
        var history = new List<long[]>();
        var votes = new long[n];
        long excess = 0;
        long quota = 0;

        void CountOnce()
        {
            Array.Clear(votes);
            excess = 0;
            foreach (var ranking in rankings)
            {
                var remaining = One;
                foreach (var c in ranking)
                {
                    if (keep[c] == 0)
                    {
                        continue;
                    }

                    var give = (long)((Int128)remaining * keep[c] / One);
                    votes[c] += give;
                    remaining -= give;
                    if (remaining == 0)
                    {
                        break;
                    }
                }

                excess += remaining;
            }

            quota = ((rankings.Length * One) - excess) / (seats + 1) + 1;
        }

        var note = "Counted from first preferences until surpluses settled.";
        while (true)
        {
            var newly = new List<int>();
            for (var iteration = 0; iteration < 1_000; iteration++)
            {
                CountOnce();
                foreach (var c in Enumerable.Range(0, n).Where(c => status[c] == 0 && votes[c] >= quota).OrderByDescending(c => votes[c]).ThenBy(c => c))
                {
                    if (elected.Count < seats)
                    {
                        status[c] = 1;
                        elected.Add(c);
                        newly.Add(c);
                    }
                }

                var settled = elected.All(c => votes[c] - quota < 10_000);
                if (settled || elected.Count == 0)
                {
                    break;
                }

                foreach (var c in elected)
                {
                    var product = (Int128)keep[c] * quota;
                    keep[c] = (long)((product + votes[c] - 1) / votes[c]);
                }
            }

            var hopeful = Enumerable.Range(0, n).Where(c => status[c] == 0).ToList();
            var rest = elected.Count < seats && hopeful.Count <= seats - elected.Count ? hopeful : [];
            foreach (var c in rest)
            {
                status[c] = 1;
                elected.Add(c);
            }

            var electedNow = newly.Concat(rest).Select(c => keys[c]).ToList();
            note += Invariant($" Quota {Decimal(quota)}.") + (rest.Count > 0 ? Invariant($" {string.Join(", ", rest.Select(c => keys[c]))}: as many hopeful as seats left, elected.") : string.Empty);
            history.Add(votes.ToArray());
            if (elected.Count >= seats)
            {
                rounds.Add(MeekRound(rounds.Count + 1, keys, votes, status, electedNow, [], excess, note));
                break;
            }

            var loser = Lowest(votes, hopeful.ToHashSet(), history, lot);
            rounds.Add(MeekRound(rounds.Count + 1, keys, votes, status, electedNow, [keys[loser]], excess, note));
            status[loser] = 2;
            keep[loser] = 0;
            note = Invariant($"{keys[loser]} was excluded; the count is repeated without it.");
        }

        var winners = elected.Select(i => keys[i]).ToArray();
        return new PollResult(PollMethod.SingleTransferableVote, winners, rounds, rankings.Length, [], lot.Used, Explain(keys, rounds, winners));
    }

    private static decimal Decimal(long fixedPoint) => Math.Round(fixedPoint / (decimal)One, 5);

    private static PollRound MeekRound(int number, string[] keys, long[] votes, byte[] status, IReadOnlyList<string> elected, IReadOnlyList<string> eliminated, long excess, string note) =>
        new(number, Enumerable.Range(0, keys.Length).Where(i => status[i] != 2 || eliminated.Contains(keys[i])).Select(i => new OptionTotal(keys[i], Decimal(votes[i]))).ToArray(), elected, eliminated, Decimal(excess), note);

    /// <summary>
    /// Rule 48(3) of the Scottish Local Government Elections Order 2007: a ballot passed on with a surplus carries
    /// (surplus × its value when received) ÷ the candidate's votes, to five decimal places, any remainder ignored:
    /// one truncation of the whole product, in integers of 0.00001 so that no rounding of the division can intervene.
    /// </summary>
    private static decimal TransferValue(decimal value, decimal surplus, decimal credited) =>
        (decimal)((Int128)(long)(value * 100_000m) * (long)(surplus * 100_000m) / (long)(credited * 100_000m)) / 100_000m;

    private static PollRound StvRound(int number, string[] keys, decimal[] votes, byte[] status, IReadOnlyList<string> elected, IReadOnlyList<string> eliminated, decimal exhausted, string note) =>
        new(number, Enumerable.Range(0, keys.Length).Where(i => status[i] != 2 || eliminated.Contains(keys[i])).Select(i => new OptionTotal(keys[i], votes[i])).ToArray(), elected, eliminated, exhausted, note);

    private static PollRound Round(int number, string[] keys, IEnumerable<int> shown, long[] totals, IReadOnlyList<string> elected, IReadOnlyList<string> eliminated, long exhausted, string note) =>
        new(number, shown.Order().Select(i => new OptionTotal(keys[i], totals[i])).ToArray(), elected, eliminated, exhausted, note);

    private static int[] TakeByLot(List<int> tied, int count, Lot lot)
    {
        var pool = tied.ToList();
        var taken = new List<int>();
        while (taken.Count < count)
        {
            var pick = lot.Pick(pool);
            taken.Add(pick);
            pool.Remove(pick);
        }

        return [.. taken];
    }

    private static string Line(string[] keys, long[] totals) =>
        string.Join(", ", Enumerable.Range(0, keys.Length).OrderByDescending(i => totals[i]).ThenBy(i => i).Select(i => Invariant($"{keys[i]} {totals[i]}")));

    private static string Explain(string[] keys, List<PollRound> rounds, string[] winners)
    {
        var text = new StringBuilder();
        text.Append(winners.Length == 1 ? "Elected: " : "Elected, in order: ").AppendJoin(", ", winners).Append('.');
        foreach (var round in rounds)
        {
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"Round {round.Number}: ")
                .AppendJoin(", ", round.Totals.Select(t => Invariant($"{t.Option} {t.Votes.ToString("0.#####", CultureInfo.InvariantCulture)}")));
            if (round.Exhausted > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $", exhausted {round.Exhausted.ToString("0.#####", CultureInfo.InvariantCulture)}");
            }

            text.Append(". ").Append(round.Note);
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Checks ballots against one poll without allocating per ballot: option lookups and a stamp per option for duplicates.</summary>
    private sealed class BallotChecker(PollRule rule, Dictionary<string, int> index)
    {
        private readonly int[] _stamp = new int[index.Count];
        private int _generation;

        public RuleCheck Check(PollBallot ballot)
        {
            var problem = Problem(ballot);
            return problem is null ? RuleCheck.Allowed : RuleCheck.Refused(ErrorCodes.Polls.InvalidBallot, $"The ballot of {ballot.Voter} {problem}.");
        }

        private string? Problem(PollBallot ballot)
        {
            var ranking = ballot.Ranking ?? [];
            var points = ballot.Points ?? new Dictionary<string, int>();
            _generation++;
            foreach (var key in ranking)
            {
                if (key is null || !index.TryGetValue(key, out var option))
                {
                    return "names an option the poll does not have";
                }

                if (_stamp[option] == _generation)
                {
                    return "names an option twice";
                }

                _stamp[option] = _generation;
            }

            long sum = 0;
            foreach (var (key, value) in points)
            {
                if (!index.ContainsKey(key))
                {
                    return "names an option the poll does not have";
                }

                if (value < 0 || value > rule.Method switch { PollMethod.Score => rule.MaxScore, PollMethod.DotVote => rule.MaxDotsPerOption ?? rule.DotsPerVoter, _ => 2 })
                {
                    return OutOfRange();
                }

                sum += value;
            }

            var ranked = ranking.Count;
            return rule.Method switch
            {
                PollMethod.Plurality when ranked != 1 || points.Count > 0 => "must choose exactly one option",
                PollMethod.Approval when points.Count > 0 => "approves options; it gives no points",
                PollMethod.RankedChoice or PollMethod.Copeland or PollMethod.SingleTransferableVote when ranked == 0 || points.Count > 0 => "must rank at least one option",
                PollMethod.RankedChoice or PollMethod.Copeland or PollMethod.SingleTransferableVote when rule.CompleteRankings && ranked != index.Count => "must rank every option",
                PollMethod.Score when ranked > 0 => OutOfRange(),
                PollMethod.DotVote when ranked > 0 || sum > rule.DotsPerVoter => OutOfRange(),
                PollMethod.MeetingTime when ranked > 0 || points.Count != index.Count => OutOfRange(),
                _ => null,
            };
        }

        private string OutOfRange() => rule.Method switch
        {
            PollMethod.Score => string.Create(CultureInfo.InvariantCulture, $"scores from 0 to {rule.MaxScore}"),
            PollMethod.DotVote => string.Create(CultureInfo.InvariantCulture, $"spends at most {rule.DotsPerVoter} dots, at most {rule.MaxDotsPerOption ?? rule.DotsPerVoter} on one option"),
            PollMethod.MeetingTime => "answers yes, if need be or no for every slot",
            _ => "gives points this method does not take",
        };
    }
}
