using System.Globalization;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Polls;

/// <summary>
/// Ranked ballots as a count reads them, after the rule's <see cref="RankedBallotRules"/>: one line per ballot (or per
/// group of identical ballots), each a run of entries in <see cref="Marks"/>. An entry of zero or more is one option; a
/// negative entry −k opens a group of the k options that follow, marked at one rank (an overvote read as "exhaust if
/// several continuing", or an equal ranking). Rules that never depend on who is still continuing are applied here, once:
/// a ballot that stops at a rank is cut there, a skipped overvote and a repeated option are left out.
/// </summary>
internal sealed class RankedBallots
{
    private RankedBallots(int options, int[] marks, int[] start, int[] weight, int lines, long counted, long empty, bool hasGroups)
    {
        Options = options;
        Marks = marks;
        Start = start;
        Weight = weight;
        Lines = lines;
        Counted = counted;
        Empty = empty;
        HasGroups = hasGroups;
    }

    /// <summary>Gets the number of options.</summary>
    public int Options { get; }

    /// <summary>Gets every line's entries, one after another.</summary>
    public int[] Marks { get; }

    /// <summary>Gets where each line starts in <see cref="Marks"/>; line <c>l</c> ends where line <c>l + 1</c> starts.</summary>
    public int[] Start { get; }

    /// <summary>Gets how many ballots each line stands for.</summary>
    public int[] Weight { get; }

    /// <summary>Gets the number of lines.</summary>
    public int Lines { get; }

    /// <summary>Gets the ballots with at least one mark (some may count for nobody after the rules).</summary>
    public long Counted { get; }

    /// <summary>Gets the ballots with no mark at all.</summary>
    public long Empty { get; }

    /// <summary>Gets whether any line holds a group.</summary>
    public bool HasGroups { get; }

    /// <summary>Reads ballots cast in a poll, refusing any that does not fit the rule.</summary>
    public static RankedBallots Read(PollRule rule, Dictionary<string, int> index, IReadOnlyList<PollBallot> ballots)
    {
        var reader = new RankedBallotReader(rule, index);
        var builder = new Builder(index.Count, ballots.Count);
        foreach (var ballot in ballots)
        {
            if (ballot is null)
            {
                throw new CoalitionRuleException(ErrorCodes.Polls.InvalidBallot, "A ballot is missing (null).");
            }

            var mark = builder.Mark;
            var problem = reader.Read(ballot, builder.Entries);
            if (problem is not null)
            {
                throw new CoalitionRuleException(ErrorCodes.Polls.InvalidBallot, $"The ballot of {ballot.Voter} {problem}.");
            }

            builder.EndLine(mark, 1, reader.WasEmpty, reader.HadGroup);
        }

        return builder.Build();
    }

    /// <summary>Reads counted lines of identical ballots (a ballot file), refusing any that does not fit the rule.</summary>
    public static RankedBallots Read(PollRule rule, Dictionary<string, int> index, IReadOnlyList<BallotLine> lines)
    {
        var reader = new RankedBallotReader(rule, index);
        var builder = new Builder(index.Count, lines.Count);
        long total = 0;
        for (var l = 0; l < lines.Count; l++)
        {
            var line = lines[l];
            var number = (l + 1).ToString(CultureInfo.InvariantCulture);
            if (line is null || line.Count < 1 || line.Ranks is null)
            {
                throw new CoalitionRuleException(ErrorCodes.Polls.InvalidBallot, $"Ballot line {number} must count at least one ballot and give its ranks.");
            }

            total += line.Count;
            if (total > int.MaxValue)
            {
                throw new CoalitionRuleException(ErrorCodes.Polls.InvalidBallot, string.Create(CultureInfo.InvariantCulture, $"Ballot line {number} takes the count past {int.MaxValue:N0} ballots."));
            }

            var mark = builder.Mark;
            var problem = reader.Read(line.Ranks, builder.Entries);
            if (problem is not null)
            {
                throw new CoalitionRuleException(ErrorCodes.Polls.InvalidBallot, $"Ballot line {number} {problem}.");
            }

            builder.EndLine(mark, line.Count, reader.WasEmpty, reader.HadGroup);
        }

        return builder.Build();
    }

    /// <summary>The option a line counts for among <paramref name="continuing"/>, from entry <paramref name="p"/> on.</summary>
    /// <returns>The option, or −1 when the line is exhausted; <paramref name="p"/> is left at the entry that counts.</returns>
    public int NextContinuing(ref int p, int end, ReadOnlySpan<bool> continuing)
    {
        var marks = Marks;
        while (p < end)
        {
            var entry = marks[p];
            if (entry >= 0)
            {
                if (continuing[entry])
                {
                    return entry;
                }

                p++;
                continue;
            }

            // A group read as "exhaust if several continuing": the one continuing option, none (go on) or several (stop).
            var found = -1;
            for (var q = p + 1; q <= p - entry; q++)
            {
                if (continuing[marks[q]])
                {
                    if (found >= 0)
                    {
                        return -1;
                    }

                    found = marks[q];
                }
            }

            if (found >= 0)
            {
                return found;
            }

            p += 1 - entry;
        }

        return -1;
    }

    /// <summary>Collects lines as they are read, with no allocation per ballot beyond the growth of its arrays.</summary>
    private sealed class Builder(int options, int capacity)
    {
        private int[] _start = new int[capacity + 1];
        private int[] _weight = new int[capacity];
        private int _lines;
        private long _counted;
        private long _empty;
        private bool _hasGroups;

        public IntBuffer Entries { get; } = new(Math.Max(16, capacity * 4));

        public int Mark => Entries.Count;

        public void EndLine(int mark, int weight, bool empty, bool hadGroup)
        {
            if (empty)
            {
                Entries.Count = mark;
                _empty += weight;
                return;
            }

            if (_lines + 1 >= _start.Length)
            {
                Array.Resize(ref _start, _start.Length * 2);
                Array.Resize(ref _weight, _weight.Length * 2);
            }

            _start[_lines] = mark;
            _weight[_lines] = weight;
            _lines++;
            _start[_lines] = Entries.Count;
            _counted += weight;
            _hasGroups |= hadGroup;
        }

        public RankedBallots Build()
        {
            _start[_lines] = Entries.Count;
            return new RankedBallots(options, Entries.Items, _start, _weight, _lines, _counted, _empty, _hasGroups);
        }
    }
}

/// <summary>A growable array of integers.</summary>
internal sealed class IntBuffer(int capacity)
{
    public int[] Items { get; private set; } = new int[capacity];

    public int Count { get; set; }

    public void Add(int value)
    {
        if (Count == Items.Length)
        {
            var grown = Items;
            Array.Resize(ref grown, Items.Length * 2);
            Items = grown;
        }

        Items[Count++] = value;
    }
}

/// <summary>
/// Checks one ranked ballot against the rule and, when asked, writes the entries it counts for. Reuses its stamps from
/// ballot to ballot: no allocation per ballot.
/// </summary>
internal sealed class RankedBallotReader
{
    private readonly PollRule _rule;
    private readonly RankedBallotRules _rules;
    private readonly Dictionary<string, int> _index;
    private readonly int[] _seen;
    private readonly int[] _counted;
    private readonly int[] _atRank;
    private readonly int[] _group;
    private int _ballot;
    private int _rank;

    public RankedBallotReader(PollRule rule, Dictionary<string, int> index)
    {
        _rule = rule;
        _rules = rule.EffectiveBallotRules;
        _index = index;
        _seen = new int[index.Count];
        _counted = new int[index.Count];
        _atRank = new int[index.Count];
        _group = new int[index.Count];
    }

    /// <summary>Gets whether the last ballot read had no mark at all.</summary>
    public bool WasEmpty { get; private set; }

    /// <summary>Gets whether the last ballot read wrote a group.</summary>
    public bool HadGroup { get; private set; }

    private int MaxRanks => 2 * _index.Count;

    /// <summary>Reads a ballot as cast: its <see cref="PollBallot.Ranking"/> or its <see cref="PollBallot.Ranks"/>.</summary>
    /// <returns>Null when the ballot fits the rule, else what is wrong with it (completing "The ballot of … ").</returns>
    public string? Read(PollBallot ballot, IntBuffer? output)
    {
        if (ballot.Points is { Count: > 0 })
        {
            return "ranks options; it gives no points";
        }

        var ranking = ballot.Ranking ?? [];
        if (ballot.Ranks is { } ranks)
        {
            return ranking.Count > 0 ? "gives a ranking or marks rank by rank, not both" : Read(ranks, output);
        }

        if (ranking.Count > MaxRanks)
        {
            return TooManyRanks();
        }

        var state = Begin(output);
        for (var r = 0; r < ranking.Count; r++)
        {
            var problem = Rank(ref state, r + 1, null, ranking[r]);
            if (problem is not null)
            {
                return Fail(state, problem);
            }
        }

        return End(state);
    }

    /// <summary>Reads marks rank by rank.</summary>
    /// <returns>Null when they fit the rule, else what is wrong.</returns>
    public string? Read(IReadOnlyList<IReadOnlyList<string>> ranks, IntBuffer? output)
    {
        if (ranks.Count > MaxRanks)
        {
            return TooManyRanks();
        }

        var state = Begin(output);
        for (var r = 0; r < ranks.Count; r++)
        {
            if (ranks[r] is not { } marks)
            {
                return Fail(state, "has a missing rank (null)");
            }

            var problem = Rank(ref state, r + 1, marks, null);
            if (problem is not null)
            {
                return Fail(state, problem);
            }
        }

        return End(state);
    }

    private string TooManyRanks() => string.Create(CultureInfo.InvariantCulture, $"has more than {MaxRanks} ranks (twice the options)");

    private State Begin(IntBuffer? output)
    {
        _ballot++;
        WasEmpty = false;
        HadGroup = false;
        return new State(output, output?.Count ?? 0);
    }

    private static string Fail(State state, string problem)
    {
        if (state.Output is { } output)
        {
            output.Count = state.Mark;
        }

        return problem;
    }

    private string? End(State state)
    {
        WasEmpty = state.MarkedRanks == 0;
        if (!WasEmpty && _rule.CompleteRankings && state.Mentioned != _index.Count)
        {
            return Fail(state, "must rank every option");
        }

        return null;
    }

    /// <summary>Reads one rank: the order of checks is RCTab's (skipped ranks, then repeats, then overvotes).</summary>
    private string? Rank(ref State state, int number, IReadOnlyList<string>? marks, string? single)
    {
        var count = marks?.Count ?? 1;
        if (count == 0)
        {
            return null;
        }

        _rank++;
        var distinct = 0;
        var repeated = false;
        for (var m = 0; m < count; m++)
        {
            var key = marks is null ? single : marks[m];
            if (key is null || !_index.TryGetValue(key, out var option))
            {
                return "names an option the poll does not have";
            }

            if (_atRank[option] == _rank)
            {
                repeated = true;
                continue;
            }

            _atRank[option] = _rank;
            if (_seen[option] == _ballot)
            {
                repeated = true;
            }
            else
            {
                state.Mentioned++;
            }

            _group[distinct++] = option;
        }

        state.MarkedRanks++;
        if (_rules.MaxConsecutiveSkips is { } skips && number - state.LastMarked - 1 > skips)
        {
            state.Stopped = true;
        }

        state.LastMarked = number;
        if (repeated)
        {
            switch (_rules.Duplicate)
            {
                case DuplicateRule.Refuse:
                    return "marks an option more than once";
                case DuplicateRule.Exhaust:
                    state.Stopped = true;
                    break;
            }
        }

        for (var g = 0; g < distinct; g++)
        {
            _seen[_group[g]] = _ballot;
        }

        if (distinct > 1)
        {
            switch (_rules.Overvote)
            {
                case OvervoteRule.Refuse:
                    return "marks several options at one rank";
                case OvervoteRule.Exhaust:
                    state.Stopped = true;
                    return null;
                case OvervoteRule.SkipToNext:
                    return null;
            }
        }

        if (state.Stopped || state.Output is not { } output)
        {
            return null;
        }

        // An option already counted at an earlier rank can never count again: leave it out.
        var fresh = 0;
        for (var g = 0; g < distinct; g++)
        {
            if (_counted[_group[g]] != _ballot)
            {
                _group[fresh++] = _group[g];
            }
        }

        if (fresh > 1)
        {
            output.Add(-fresh);
            HadGroup = true;
        }

        for (var g = 0; g < fresh; g++)
        {
            _counted[_group[g]] = _ballot;
            output.Add(_group[g]);
        }

        return null;
    }

    private struct State(IntBuffer? output, int mark)
    {
        public readonly IntBuffer? Output = output;
        public readonly int Mark = mark;
        public int MarkedRanks;
        public int Mentioned;
        public int LastMarked;
        public bool Stopped;
    }
}
