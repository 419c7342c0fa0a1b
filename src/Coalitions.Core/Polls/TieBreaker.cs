using System.Globalization;

namespace Coalitions.Core.Polls;

/// <summary>
/// Breaks the ties of one count by the rule's <see cref="TieBreak"/>: earlier rounds (the latest round in which the
/// tied options differed decides), then a lot, the published permutation or a facilitator's recorded decision. Records
/// every tie it breaks.
/// </summary>
internal sealed class TieBreaker
{
    private readonly TieBreak _rule;
    private readonly string[] _keys;
    private readonly int[]? _order;
    private readonly IReadOnlyList<PollTie> _decisions;
    private readonly Lot _lot;

    public TieBreaker(PollRule rule, string[] keys, ulong seed, IReadOnlyList<PollTie>? decisions)
    {
        _rule = rule.TieBreak;
        _keys = keys;
        _lot = new Lot(seed);
        _decisions = decisions ?? [];
        if (rule.TieOrder is { } order)
        {
            var index = keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
            _order = new int[keys.Length];
            for (var position = 0; position < order.Count; position++)
            {
                _order[index[order[position]]] = position;
            }
        }
    }

    public List<PollTie> Ties { get; } = [];

    public bool LotUsed => _lot.Used;

    private bool LooksBack => _rule is TieBreak.EarlierRoundsThenLot or TieBreak.EarlierRoundsThenPermutation or TieBreak.EarlierRoundsThenHostDecision;

    /// <summary>
    /// Chooses one of the tied options (indices, in ballot order). <paramref name="history"/> holds each round's totals
    /// up to and including the round of the tie (its last entry), or null where there are no earlier rounds.
    /// </summary>
    /// <exception cref="TieAwaitsDecision">The rule leaves the tie to a facilitator, who has not decided it yet.</exception>
    public int Decide(TieKind kind, int round, IReadOnlyList<int> tied, IReadOnlyList<long[]>? history)
    {
        if (tied.Count == 1)
        {
            return tied[0];
        }

        var all = tied.Select(i => _keys[i]).ToArray();
        IReadOnlyList<int> contention = tied;
        if (LooksBack && history is not null)
        {
            for (var r = history.Count - 2; r >= 0 && contention.Count > 1; r--)
            {
                var totals = history[r];
                var best = kind == TieKind.LastPlace ? contention.Min(i => totals[i]) : contention.Max(i => totals[i]);
                contention = contention.Where(i => totals[i] == best).ToArray();
            }

            if (contention.Count == 1)
            {
                return Record(new PollTie(round, kind, all, _keys[contention[0]], TieResolution.EarlierRound), contention[0]);
            }
        }

        switch (_rule)
        {
            case TieBreak.Permutation or TieBreak.EarlierRoundsThenPermutation:
                var chosen = kind == TieKind.LastPlace ? contention.MaxBy(i => _order![i]) : contention.MinBy(i => _order![i]);
                return Record(new PollTie(round, kind, all, _keys[chosen], TieResolution.Permutation), chosen);
            case TieBreak.HostDecision or TieBreak.EarlierRoundsThenHostDecision:
                var names = contention.Select(i => _keys[i]).ToHashSet(StringComparer.Ordinal);
                var decision = _decisions.LastOrDefault(d => d.Round == round && d.Kind == kind && d.Tied.Count == names.Count && d.Tied.All(names.Contains));
                if (decision?.Chosen is not { } key || !names.Contains(key))
                {
                    throw new TieAwaitsDecision(new PollTie(round, kind, contention.Select(i => _keys[i]).ToArray(), null, TieResolution.Host));
                }

                var host = contention.First(i => _keys[i] == key);
                return Record(new PollTie(round, kind, all, key, TieResolution.Host), host);
            default:
                var drawn = _lot.Pick(contention);
                return Record(new PollTie(round, kind, all, _keys[drawn], TieResolution.Lot), drawn);
        }
    }

    private int Record(PollTie tie, int chosen)
    {
        Ties.Add(tie);
        return chosen;
    }
}

/// <summary>The count met a tie the rule leaves to a facilitator, who has not decided it yet.</summary>
#pragma warning disable CA1032, CA1064 // Internal control flow of one count; never escapes PollTally.
internal sealed class TieAwaitsDecision(PollTie tie) : Exception(string.Create(CultureInfo.InvariantCulture, $"Round {tie.Round}: a tie awaits a decision."))
#pragma warning restore CA1032, CA1064
{
    public PollTie Tie { get; } = tie;
}

/// <summary>
/// Ties broken by lot: a deterministic shuffle driven by a seed the host supplies (for example drawn in public at the
/// meeting), so the same seed always gives the same result.
/// </summary>
internal sealed class Lot(ulong seed)
{
    private ulong _state = seed;

    public bool Used { get; private set; }

    /// <summary>Picks one of the tied options (already in a stable order).</summary>
    public T Pick<T>(IReadOnlyList<T> tied)
    {
        if (tied.Count == 1)
        {
            return tied[0];
        }

        Used = true;
        return tied[(int)(Next() % (ulong)tied.Count)];
    }

    // SplitMix64: small, well mixed, and the same on every platform.
    private ulong Next()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
