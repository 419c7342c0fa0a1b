using System.Globalization;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Polls;

/// <summary>
/// Counts polls and elections: a pure function of (rule, options, ballots, seed, recorded tie decisions), for previews,
/// results pages and the <see cref="Poll"/> aggregate. Deterministic: the same input always gives the same result.
/// </summary>
/// <remarks>
/// <para>Tie-breaking follows <see cref="PollRule.TieBreak"/>. By default (<see cref="TieBreak.EarlierRoundsThenLot"/>):</para>
/// <list type="bullet">
/// <item>Plurality, approval, score, dot vote, Copeland: a tie for first place is broken by lot.</item>
/// <item>Instant runoff and STV: a tie for last place is broken by the totals of the latest earlier round in which the
/// tied options differed (fewest is eliminated); equal surpluses (Gregory) likewise, the most going first; if they never
/// differed, by lot.</item>
/// <item>Meeting time: the slot the most can attend ("yes" or "if need be"), then the most "yes", then the slot listed first; never by lot.</item>
/// </list>
/// <para>Lots are drawn from a deterministic generator seeded with the host's seed (for example a number drawn in
/// public), so results reproduce. A published permutation or a facilitator's recorded decision can decide instead.</para>
/// <para>STV by Meek's method (the default) is the Proportional Representation Foundation's Meek reference rule
/// (Hill, Wichmann and Woodall's algorithm 123) in its rounding and stopping: nine decimal places; each ballot gives
/// each candidate in turn its keep factor of what is left, rounded up; the quota is the votes of hopeful and elected
/// candidates ÷ (seats + 1), truncated, plus 0.000000001; keep factors become keep factor × quota (rounded up) ÷ votes
/// (rounded up); iteration stops when a candidate is elected, when the total surplus is below 0.000001, or when it stops
/// falling; then the lowest hopeful is excluded, every hopeful within the total surplus of the lowest counting as tied.</para>
/// <para>STV by weighted inclusive Gregory is the count of the Scottish Local Government Elections Order 2007 (rules
/// 45–52): the Droop quota (valid ballots ÷ (seats + 1), rounded down, plus one); the largest surplus passes on first,
/// equal surpluses in the order of the latest earlier stage at which they differed, then by lot; each ballot of the
/// elected candidate passes on at its value × surplus ÷ the candidate's votes, truncated once to five decimal places;
/// an excluded candidate's ballots pass on at their current value.</para>
/// </remarks>
public static partial class PollTally
{
    /// <summary>Counts the ballots.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="options">The options, in the order listed.</param>
    /// <param name="ballots">The ballots, one per voter.</param>
    /// <param name="seed">The seed for ties broken by lot.</param>
    /// <returns>The result with its round-by-round table.</returns>
    /// <exception cref="CoalitionRuleException">An invalid poll or ballot.</exception>
    public static PollResult Count(PollRule rule, IReadOnlyList<PollOption> options, IReadOnlyList<PollBallot> ballots, ulong seed = 0) =>
        Count(rule, options, ballots, seed, []);

    /// <summary>Counts the ballots, with the ties a facilitator has decided.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="options">The options, in the order listed.</param>
    /// <param name="ballots">The ballots, one per voter.</param>
    /// <param name="seed">The seed for ties broken by lot.</param>
    /// <param name="decisions">Ties decided by a facilitator, for <see cref="TieBreak.HostDecision"/> rules (<see cref="Poll.TieDecisions"/>).</param>
    /// <returns>The result with its round-by-round table; <see cref="PollResult.PendingTie"/> when a tie still awaits a decision.</returns>
    /// <exception cref="CoalitionRuleException">An invalid poll or ballot.</exception>
    public static PollResult Count(PollRule rule, IReadOnlyList<PollOption> options, IReadOnlyList<PollBallot> ballots, ulong seed, IReadOnlyList<PollTie> decisions) =>
        PollExplanation.Render(Figures(rule, options, ballots, seed, decisions), rule, options);

    /// <summary>The count as figures only, without its words: what a closed poll stores.</summary>
    internal static PollResult Figures(PollRule rule, IReadOnlyList<PollOption> options, IReadOnlyList<PollBallot> ballots, ulong seed, IReadOnlyList<PollTie> decisions)
    {
        CheckPoll(rule, options);
        Preconditions.CheckNotNull(ballots, nameof(ballots));
        Preconditions.CheckNotNull(decisions, nameof(decisions));
        var index = Index(options);
        var tally = new Tally(rule, options, seed, decisions);
        if (rule.IsRanked)
        {
            var ranked = RankedBallots.Read(rule, index, ballots);
            return tally.Run(() => Ranked(tally, ranked), Total(ranked), (int)ranked.Empty);
        }

        var checker = new BallotChecker(rule, index);
        foreach (var ballot in ballots)
        {
            checker.Check(ballot).ThrowIfRefused();
        }

        var keys = tally.Keys;
        return tally.Run(
            () => rule.Method switch
            {
                PollMethod.Plurality => Plurality(tally, ballots.Select(b => index[b.Ranking[0]]).ToArray()),
                PollMethod.Approval => Highest(tally, Sum(keys.Length, ballots.SelectMany(b => b.Ranking.Select(k => (index[k], 1)))), ballots.Count),
                PollMethod.Score => Highest(tally, Sum(keys.Length, ballots.SelectMany(b => b.Points.Select(p => (index[p.Key], p.Value)))), ballots.Count),
                PollMethod.DotVote => Highest(tally, Sum(keys.Length, ballots.SelectMany(b => b.Points.Select(p => (index[p.Key], p.Value)))), ballots.Count),
                _ => MeetingTime(tally, ballots, index),
            },
            ballots.Count,
            0);
    }

    /// <summary>
    /// Counts lines of identical ranked ballots, as a ballot file holds them (<see cref="Blt.Read"/>): ranked methods only.
    /// </summary>
    /// <param name="rule">The rule; its method ranks.</param>
    /// <param name="options">The options, in the order listed.</param>
    /// <param name="lines">The ballot lines.</param>
    /// <param name="seed">The seed for ties broken by lot.</param>
    /// <param name="decisions">Ties decided by a facilitator, for <see cref="TieBreak.HostDecision"/> rules; null for none.</param>
    /// <returns>The result, as <see cref="Count(PollRule, IReadOnlyList{PollOption}, IReadOnlyList{PollBallot}, ulong)"/> gives it for the same ballots.</returns>
    /// <exception cref="CoalitionRuleException">An invalid poll, a method that does not rank, or an invalid line.</exception>
    public static PollResult CountLines(PollRule rule, IReadOnlyList<PollOption> options, IReadOnlyList<BallotLine> lines, ulong seed = 0, IReadOnlyList<PollTie>? decisions = null)
    {
        CheckPoll(rule, options);
        Preconditions.CheckNotNull(lines, nameof(lines));
        if (!rule.IsRanked)
        {
            throw new CoalitionRuleException(ErrorCodes.Polls.InvalidPoll, $"Ballot lines hold rankings; {Words.Of(rule.Method)} does not rank. Count them with a ranked method.");
        }

        var tally = new Tally(rule, options, seed, decisions ?? []);
        var ranked = RankedBallots.Read(rule, Index(options), lines);
        return PollExplanation.Render(tally.Run(() => Ranked(tally, ranked), Total(ranked), (int)ranked.Empty), rule, options);
    }

    /// <summary>Whether a ballot fits the poll's method and ballot rules, with the reason if not.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="options">The options.</param>
    /// <param name="ballot">The ballot.</param>
    /// <returns>The check.</returns>
    public static RuleCheck CheckBallot(PollRule rule, IReadOnlyList<PollOption> options, PollBallot ballot)
    {
        Preconditions.CheckNotNull(rule, nameof(rule));
        Preconditions.CheckNotNull(options, nameof(options));
        Preconditions.CheckNotNull(ballot, nameof(ballot));
        return BallotProblem(rule, options, ballot) is { } problem
            ? RuleCheck.Refused(ErrorCodes.Polls.InvalidBallot, "The ballot of {voter} " + problem + ".", ("voter", ballot.Voter))
            : RuleCheck.Allowed;
    }

    /// <summary>What is wrong with a ballot under the poll's method and ballot rules, completing "The ballot of … ", or null.</summary>
    internal static string? BallotProblem(PollRule rule, IReadOnlyList<PollOption> options, PollBallot ballot) => new BallotDoor(rule, options).Problem(ballot);

    /// <summary>
    /// Checks a poll's rule and options before a count: 2 to 200 options, each with a key (one line of at most 64
    /// characters, unique) and a label (one line of at most 200), a rule of defined settings within bounds, and a rule
    /// that fits the options and its method.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="CoalitionRuleException">An invalid option (<c>Kernel.InvalidText</c>) or poll (<c>Polls.InvalidPoll</c>).</exception>
    internal static void CheckPoll(PollRule rule, IReadOnlyList<PollOption> options)
    {
        Preconditions.CheckNotNull(rule, nameof(rule));
        Preconditions.CheckNotNull(options, nameof(options));
        var count = options.Count;
        if (count is < PollBounds.MinOptions or > PollBounds.MaxOptions)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Polls.InvalidPoll, "A poll offers from {min} to {max} options (got {count}).", ("min", PollBounds.MinOptions), ("max", PollBounds.MaxOptions), ("count", count));
        }

        foreach (var option in options)
        {
            if (option is null)
            {
                throw CoalitionRuleException.Because(ErrorCodes.Polls.InvalidPoll, "An option of the poll is missing (null).");
            }

            PollOptionValidator.Instance.EnsureValid(option);
        }

        PollRuleValidator.Instance.EnsureValid(rule);
        if (DefinitionProblem(rule, options) is { } problem)
        {
            throw new CoalitionRuleException(ErrorCodes.Polls.InvalidPoll, problem);
        }
    }

    /// <summary>
    /// Whether a rule fits its options and its method, in words, or null: options keyed uniquely, seats only for STV and
    /// fewer than the options, a majority requirement only for plurality, and counting settings the method has. The rule
    /// and every option are already known to be well-formed on their own.
    /// </summary>
    internal static string? DefinitionProblem(PollRule rule, IReadOnlyList<PollOption> options)
    {
        if (options.Select(o => o.Key).Distinct(StringComparer.Ordinal).Count() != options.Count)
        {
            return "Each option of a poll has a key of its own.";
        }

        if (rule.Method == PollMethod.SingleTransferableVote ? rule.Seats >= options.Count : rule.Seats != 1)
        {
            return rule.Method == PollMethod.SingleTransferableVote
                ? "Single transferable vote fills fewer seats than it has candidates."
                : "Only single transferable vote fills several seats; every other method chooses one option.";
        }

        if (rule.RequireMajority && rule.Method != PollMethod.Plurality)
        {
            return "Only plurality can require a majority, with a runoff of the top two when nobody has one.";
        }

        return CountingProblem(rule, options);
    }

    /// <summary>The counting settings of a rule that do not fit its method, in words; null when all fit.</summary>
    private static string? CountingProblem(PollRule rule, IReadOnlyList<PollOption> options)
    {
        var irv = rule.Method == PollMethod.RankedChoice;
        var stv = rule.Method == PollMethod.SingleTransferableVote;
        var meek = stv && rule.Transfer == StvTransfer.Meek;
        var gregory = stv && rule.Transfer == StvTransfer.WeightedInclusiveGregory;
        if (rule.BallotRules is { } ballotRules)
        {
            if (!rule.IsRanked)
            {
                return $"Ballot rules say how ranked ballots are read; {Words.Of(rule.Method)} does not rank.";
            }

            if (ballotRules.Overvote == OvervoteRule.ExhaustIfSeveralContinuing && !(irv || gregory))
            {
                return "An overvote counts for the one continuing option only where candidates are eliminated one by one: instant runoff and Gregory STV.";
            }

            if (ballotRules.Overvote == OvervoteRule.RankedEqually && !(rule.Method == PollMethod.Copeland || meek))
            {
                return "Options ranked equal count only under Copeland and Meek STV; other methods need one option a rank.";
            }
        }

        var permutation = rule.TieBreak is TieBreak.Permutation or TieBreak.EarlierRoundsThenPermutation;
        if (permutation != rule.TieOrder is not null)
        {
            return permutation ? "A permutation tie-break needs the published tie order (TieOrder)." : "A tie order is given only with a permutation tie-break.";
        }

        if (rule.TieOrder is { } order &&
            (order.Count != options.Count || order.Any(k => k is null) || order.Distinct(StringComparer.Ordinal).Count() != order.Count || !order.All(k => options.Any(o => o.Key == k))))
        {
            return "A tie order lists every option's key exactly once.";
        }

        if (rule.BatchElimination && !(irv || stv))
        {
            return "Batch elimination is for instant runoff and STV.";
        }

        if (rule.ContinueUntilTwoRemain && !irv)
        {
            return "Continuing until two remain is for instant runoff.";
        }

        if (rule.Quota == QuotaKind.Hare && !gregory)
        {
            return "The Hare quota is for Gregory STV; instant runoff needs a majority and Meek's method the Droop quota.";
        }

        if (rule.FractionalQuota && !gregory)
        {
            return meek
                ? "Meek's method always counts its quota in fractions (nine decimals); the fractional quota setting is for Gregory STV."
                : "A fractional quota is for Gregory STV; with whole ballots a majority is the same in whole votes or in fractions.";
        }

        if (rule.ThresholdFromFirstRound && !irv)
        {
            return "A threshold fixed from the first round is for instant runoff; Gregory STV fixes its quota from the first round always, and Meek's method recomputes it.";
        }

        return null;
    }

    private static Dictionary<string, int> Index(IReadOnlyList<PollOption> options)
    {
        var index = new Dictionary<string, int>(options.Count, StringComparer.Ordinal);
        for (var i = 0; i < options.Count; i++)
        {
            index[options[i].Key] = i;
        }

        return index;
    }

    private static int Total(RankedBallots ranked) => checked((int)(ranked.Counted + ranked.Empty));

    private static PollResult Ranked(Tally tally, RankedBallots ballots) => tally.Rule.Method switch
    {
        PollMethod.RankedChoice => InstantRunoff(tally, ballots),
        PollMethod.Copeland => Copeland(tally, ballots),
        _ when tally.Rule.Transfer == StvTransfer.Meek => Meek(tally, ballots),
        _ => Gregory(tally, ballots),
    };

    private static long[] Sum(int count, IEnumerable<(int Option, int Amount)> amounts)
    {
        var totals = new long[count];
        foreach (var (option, amount) in amounts)
        {
            totals[option] += amount;
        }

        return totals;
    }

    private static List<int> Best(long[] totals, IEnumerable<int> among)
    {
        var candidates = among.ToArray();
        var top = candidates.Max(i => totals[i]);
        return candidates.Where(i => totals[i] == top).ToList();
    }

    private static PollResult Plurality(Tally tally, int[] choices)
    {
        var keys = tally.Keys;
        var totals = Sum(keys.Length, choices.Select(c => (c, 1)));
        var ranked = Enumerable.Range(0, keys.Length).OrderByDescending(i => totals[i]).ThenBy(i => i).ToArray();
        var leaders = Best(totals, ranked);
        var round = tally.Round(1, Enumerable.Range(0, keys.Length), totals, [], [], 0);
        if (tally.Rule.RequireMajority && totals[ranked[0]] * 2 <= choices.Length)
        {
            int first, second;
            if (leaders.Count > 1)
            {
                first = tally.Ties.Decide(TieKind.FirstPlace, 1, leaders, null);
                second = tally.Ties.Decide(TieKind.FirstPlace, 1, leaders.Where(i => i != first).ToList(), null);
            }
            else
            {
                first = ranked[0];
                second = tally.Ties.Decide(TieKind.FirstPlace, 1, Best(totals, ranked.Skip(1)), null);
            }

            tally.Rounds.Add(round);
            return new PollResult(PollMethod.Plurality, [], tally.Rounds, choices.Length, [keys[first], keys[second]], tally.Ties.LotUsed);
        }

        return Single(tally, tally.Ties.Decide(TieKind.FirstPlace, 1, leaders, null), choices.Length, round);
    }

    private static PollResult Highest(Tally tally, long[] totals, int ballots)
    {
        var winner = tally.Ties.Decide(TieKind.FirstPlace, 1, Best(totals, Enumerable.Range(0, tally.Keys.Length)), null);
        return Single(tally, winner, ballots, tally.Round(1, Enumerable.Range(0, tally.Keys.Length), totals, [], [], 0));
    }

    private static PollResult Single(Tally tally, int winner, int ballots, PollRound round)
    {
        tally.Rounds.Add(round with { Elected = [tally.Keys[winner]] });
        return new PollResult(tally.Rule.Method, [tally.Keys[winner]], tally.Rounds, ballots, [], tally.Ties.LotUsed);
    }

    private static PollResult MeetingTime(Tally tally, IReadOnlyList<PollBallot> ballots, Dictionary<string, int> index)
    {
        var keys = tally.Keys;
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
        tally.Rounds.Add(tally.Round(1, Enumerable.Range(0, keys.Length), yes, [keys[best]], [], 0));
        return new PollResult(PollMethod.MeetingTime, [keys[best]], tally.Rounds, ballots.Count, [], false)
        {
            Availability = Enumerable.Range(0, keys.Length).Select(i => new SlotAvailability(keys[i], (int)yes[i], (int)maybe[i], (int)no[i])).ToArray(),
        };
    }

    private static PollResult Copeland(Tally tally, RankedBallots ballots)
    {
        var n = ballots.Options;
        var keys = tally.Keys;
        var prefer = new long[n, n];
        var rank = new int[n];
        Array.Fill(rank, int.MaxValue);
        var ranked = new int[n];
        var marks = ballots.Marks;
        for (var l = 0; l < ballots.Lines; l++)
        {
            var weight = ballots.Weight[l];
            var count = 0;
            var position = 0;
            for (var p = ballots.Start[l]; p < ballots.Start[l + 1]; p++, position++)
            {
                var entry = marks[p];
                var size = entry >= 0 ? 1 : -entry;
                var from = entry >= 0 ? p : p + 1;
                for (var q = from; q < from + size; q++)
                {
                    rank[marks[q]] = position;
                    ranked[count++] = marks[q];
                }

                p = from + size - 1;
            }

            // Unranked options rank below ranked ones; options ranked equal are preferred to each other by nobody.
            for (var a = 0; a < count; a++)
            {
                var i = ranked[a];
                for (var j = 0; j < n; j++)
                {
                    if (rank[i] < rank[j])
                    {
                        prefer[i, j] += weight;
                    }
                }
            }

            for (var a = 0; a < count; a++)
            {
                rank[ranked[a]] = int.MaxValue;
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

        var winner = tally.Ties.Decide(TieKind.FirstPlace, 1, Best(points, Enumerable.Range(0, n)), null);
        var halves = Enumerable.Range(0, n).Select(i => new OptionTotal(keys[i], points[i] / 2m)).ToArray();
        tally.Rounds.Add(new PollRound(1, halves, [keys[winner]], [], 0));
        return new PollResult(PollMethod.Copeland, [keys[winner]], tally.Rounds, Total(ballots), [], tally.Ties.LotUsed);
    }

    /// <summary>
    /// The largest group of lowest candidates who cannot win: every candidate with as few votes as one in the group is in
    /// it, their votes together plus <paramref name="surplus"/> are fewer than the votes of the lowest candidate left,
    /// and at least <paramref name="keep"/> candidates are left (Droop's "sure losers"; RCTab's batch elimination).
    /// </summary>
    private static List<int> SureLosers(IReadOnlyList<int> standing, long[] votes, long surplus, int keep)
    {
        var sorted = standing.OrderBy(i => votes[i]).ThenBy(i => i).ToArray();
        var best = 0;
        long together = 0;
        for (var i = 0; i < sorted.Length;)
        {
            var j = i;
            while (j < sorted.Length && votes[sorted[j]] == votes[sorted[i]])
            {
                together += votes[sorted[j]];
                j++;
            }

            if (sorted.Length - j < keep)
            {
                break;
            }

            if (together + surplus < votes[sorted[j]])
            {
                best = j;
            }

            i = j;
        }

        return sorted.Take(best).OrderBy(i => i).ToList();
    }

    /// <summary>Orders candidates elected at one moment: most votes first, then the latest earlier round that separates them, then ballot order.</summary>
    private static List<int> InElectionOrder(IEnumerable<int> elected, long[] votes, List<long[]> history) =>
        elected.Order(Comparer<int>.Create((a, b) =>
        {
            if (votes[a] != votes[b])
            {
                return votes[b].CompareTo(votes[a]);
            }

            for (var r = history.Count - 2; r >= 0; r--)
            {
                if (history[r][a] != history[r][b])
                {
                    return history[r][b].CompareTo(history[r][a]);
                }
            }

            return a.CompareTo(b);
        })).ToList();

    /// <summary>
    /// One count in progress: the rule, the options' keys, the tie breaker and the rounds so far; turns a tie that awaits
    /// a facilitator into a result that says so. It records figures only; <see cref="PollExplanation"/> words them.
    /// </summary>
    private sealed class Tally
    {
        public Tally(PollRule rule, IReadOnlyList<PollOption> options, ulong seed, IReadOnlyList<PollTie> decisions)
        {
            Rule = rule;
            Keys = options.Select(o => o.Key).ToArray();
            Ties = new TieBreaker(rule, Keys, seed, decisions);
        }

        public PollRule Rule { get; }

        public string[] Keys { get; }

        public TieBreaker Ties { get; }

        public List<PollRound> Rounds { get; } = [];

        public PollResult Run(Func<PollResult> count, int ballots, int empty)
        {
            PollResult result;
            try
            {
                result = count();
            }
            catch (TieAwaitsDecision pending)
            {
                return new PollResult(Rule.Method, [], Rounds.ToArray(), ballots, [], Ties.LotUsed) { EmptyBallots = empty, Ties = Ties.Ties.ToArray(), PendingTie = pending.Tie };
            }

            return result with { Rounds = result.Rounds.ToArray(), EmptyBallots = empty, Ties = Ties.Ties.ToArray() };
        }

        public PollRound Round(int number, IEnumerable<int> shown, long[] totals, IReadOnlyList<string> elected, IReadOnlyList<string> eliminated, long exhausted) =>
            new(number, shown.Order().Select(i => new OptionTotal(Keys[i], totals[i])).ToArray(), elected, eliminated, exhausted);

        public string[] KeysOf(IEnumerable<int> options) => options.Select(i => Keys[i]).ToArray();
    }

    /// <summary>Checks ballots of the methods that do not rank against one poll, without allocating per ballot.</summary>
    /// <summary>
    /// The ballot checks of one poll, built once for its rule and options and reused for every ballot cast in it (a poll
    /// keeps one): the option index and the reader's scratch arrays are not rebuilt per ballot. Not thread-safe, as the
    /// aggregate that holds it.
    /// </summary>
    internal sealed class BallotDoor(PollRule rule, IReadOnlyList<PollOption> options)
    {
        private readonly Dictionary<string, int> _index = Index(options);
        private RankedBallotReader? _ranked;
        private BallotChecker? _checker;

        /// <summary>What is wrong with a ballot under the poll's method and ballot rules, completing "The ballot of … ", or null.</summary>
        public string? Problem(PollBallot ballot) => rule.IsRanked
            ? (_ranked ??= new RankedBallotReader(rule, _index)).Read(ballot, null)
            : (_checker ??= new BallotChecker(rule, _index)).Problem(ballot);
    }

    private sealed class BallotChecker(PollRule rule, Dictionary<string, int> index)
    {
        private readonly int[] _stamp = new int[index.Count];
        private int _generation;

        public RuleCheck Check(PollBallot ballot)
        {
            if (ballot is null)
            {
                return RuleCheck.Refused(ErrorCodes.Polls.InvalidBallot, "A ballot is missing (null).");
            }

            var problem = Problem(ballot);
            return problem is null ? RuleCheck.Allowed : RuleCheck.Refused(ErrorCodes.Polls.InvalidBallot, "The ballot of {voter} " + problem + ".", ("voter", ballot.Voter));
        }

        public string? Problem(PollBallot ballot)
        {
            if (ballot.Ranks is not null)
            {
                return "marks ranks; only ranked methods take them";
            }

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
                if (key is null || !index.ContainsKey(key))
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
