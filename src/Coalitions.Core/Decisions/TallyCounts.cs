using System.Buffers;
using System.Runtime.CompilerServices;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Decisions;

/// <summary>
/// What a tally measures against: the voters' headcount and weight per group (chamber or sub-chamber) and in all, and
/// how many of them hold a veto. An electorate has one; a proposal keeps its own copy, less the recused members.
/// </summary>
internal sealed class TallyBasis
{
    private readonly long[] _count;
    private readonly long[] _weight;

    public TallyBasis(int groups)
    {
        _count = new long[groups];
        _weight = new long[groups];
    }

    private TallyBasis(TallyBasis other)
    {
        _count = (long[])other._count.Clone();
        _weight = (long[])other._weight.Clone();
        Count = other.Count;
        Weight = other.Weight;
        VetoHolders = other.VetoHolders;
    }

    public int Count { get; private set; }

    public long Weight { get; private set; }

    public int VetoHolders { get; private set; }

    public long Group(int group, Measure measure) => (measure == Measure.Headcount ? _count : _weight)[group];

    public long Total(Measure measure) => measure == Measure.Headcount ? Count : Weight;

    public TallyBasis Clone() => new(this);

    public void Add(int group, long weight, bool veto, int sign = 1)
    {
        _count[group] += sign;
        _weight[group] += sign * weight;
        Count += sign;
        Weight += sign * weight;
        VetoHolders += veto ? sign : 0;
    }
}

/// <summary>
/// Ballots accumulated per group (chamber or sub-chamber) and stance, by headcount and weight, with the voters who
/// blocked or objected and the veto holders who opposed or blocked. A tally of given ballots builds one and adds them
/// (allocating nothing per ballot: the per-voter bits that find a second ballot are rented from the shared pool); a
/// proposal keeps one running through a round, adding and removing ballots as they are cast, changed and voided, so
/// closing the round costs O(groups) instead of O(ballots).
/// </summary>
internal sealed class TallyCounts : IDisposable
{
    private readonly long[] _count;
    private readonly long[] _weight;
    private readonly long[] _proxyCount;
    private readonly long[] _proxyWeight;
    private readonly HashSet<int> _objectors;
    private readonly HashSet<int> _vetoers;
    // One bit per voter of the electorate: whether it has a ballot (a second one is refused). 125 KB for a million
    // voters, so it stays in the second-level cache while a tally runs.
    private ulong[] _seen;
    private int _extraObjections;
    private int _extraVetoes;

    private TallyCounts(int groups, int voters)
    {
        _count = new long[groups * Stances.Count];
        _weight = new long[groups * Stances.Count];
        _proxyCount = new long[Stances.Count];
        _proxyWeight = new long[Stances.Count];
        _objectors = [];
        _vetoers = [];
        _seen = Rent(voters);
    }

    private TallyCounts(TallyCounts other)
    {
        _count = (long[])other._count.Clone();
        _weight = (long[])other._weight.Clone();
        _proxyCount = (long[])other._proxyCount.Clone();
        _proxyWeight = (long[])other._proxyWeight.Clone();
        _objectors = [.. other._objectors];
        _vetoers = [.. other._vetoers];
        _seen = [];
        _extraObjections = other._extraObjections;
        _extraVetoes = other._extraVetoes;
        BallotCount = other.BallotCount;
        VetoHoldersVoted = other.VetoHoldersVoted;
    }

    public int BallotCount { get; private set; }

    /// <summary>
    /// Gets whether <see cref="From"/> counted by joining the ballots with the voters. A join that gives up falls back to
    /// the lookup per ballot, which counts alike, so only this tells tests that a valid tally was in fact joined.
    /// </summary>
    internal bool Joined { get; private set; }

    /// <summary>Gets how many veto holders have a ballot, whatever its stance.</summary>
    public int VetoHoldersVoted { get; private set; }

    /// <summary>Gets how many voters blocked or objected, including those a hypothetical completion adds.</summary>
    public int ObjectionCount => _objectors.Count + _extraObjections;

    /// <summary>Gets how many veto holders opposed or blocked, including those a hypothetical completion adds.</summary>
    public int VetoCount => _vetoers.Count + _extraVetoes;

    /// <summary>Counts nothing yet, for a round of a proposal: ballots are added and removed as they come.</summary>
    public static TallyCounts Running(int groups) => new(groups, 0);

    /// <summary>Counts given ballots, refusing the first one (in the ballots' order) that cannot be counted.</summary>
    /// <param name="electorate">Who may vote.</param>
    /// <param name="ballots">The ballots.</param>
    /// <param name="accepted">The stances the rule accepts.</param>
    /// <param name="join">Whether to join the ballots with the voters (see <see cref="TryJoin"/>): by default for many
    /// ballots; tests choose, to show that both ways count the same and refuse the same.</param>
    public static TallyCounts From(Electorate electorate, ReadOnlySpan<Ballot> ballots, StanceSet accepted, bool? join = null)
    {
        var counts = new TallyCounts(electorate.GroupCount, electorate.Count);
        try
        {
            if (!(join ?? ballots.Length >= JoinFrom) || !counts.TryJoin(electorate, ballots, accepted))
            {
                counts.AddInOrder(electorate, ballots, accepted);
            }

            return counts;
        }
        catch
        {
            counts.Dispose();
            throw;
        }
    }

    // From this many ballots on, a tally joins them with the voters. Below it the voters' table is small or few of its
    // lines are read, and a lookup per ballot costs less than sorting the ballots into runs.
    private const int JoinFrom = 65_536;

    // Ballots are looked up in batches (see VoterTable.Locate): the misses of a batch overlap instead of queuing.
    private const int Batch = 128;

    // One ballot after another: the reference way, and the one that finds and words the first refusal.
    private void AddInOrder(Electorate electorate, ReadOnlySpan<Ballot> ballots, StanceSet accepted)
    {
        var table = electorate.Table;
        var seen = _seen;
        Span<int> slots = stackalloc int[Batch];
        for (var start = 0; start < ballots.Length; start += Batch)
        {
            var batch = ballots.Slice(start, Math.Min(Batch, ballots.Length - start));
            table.Locate(batch, slots);
            for (var j = 0; j < batch.Length; j++)
            {
                ref readonly var ballot = ref batch[j];
                if (slots[j] < 0)
                {
                    throw CoalitionRuleException.Because(ErrorCodes.Decisions.NotInElectorate, "Partner {partner} is not in the electorate; its ballot cannot be counted.", ("partner", ballot.Voter));
                }

                table.At(slots[j], out var index, out var group, out var weight, out var veto);
                var bit = 1UL << index;
                if ((seen[index >> 6] & bit) != 0)
                {
                    throw CoalitionRuleException.Because(ErrorCodes.Decisions.DuplicateBallot, "{voter} has more than one ballot; pass only the ballot that counts.", ("voter", electorate.Voters[index].DisplayName), ("partner", ballot.Voter));
                }

                if (!ballot.Stance.IsDefinedStance() || !accepted.Includes(ballot.Stance))
                {
                    throw CoalitionRuleException.Because(ErrorCodes.Decisions.StanceNotAccepted, "The stance {stance} of {voter} is not accepted by this decision method; it accepts {accepted}.", ("stance", ballot.Stance), ("voter", electorate.Voters[index].DisplayName), ("accepted", accepted));
                }

                seen[index >> 6] |= bit;
                Add(index, group, weight, veto, ballot.Stance, ballot.ByProxy);
            }
        }
    }

    /// <summary>
    /// Counts the ballots by joining them with the voters instead of looking each one up: one pass sorts the ballots
    /// into runs by the top bits of their voter's hash, a second resolves each run
    /// against its slice of the voters, which stays in the first caches. Looked up in the ballots' order, nearly every
    /// ballot of a large electorate missed the caches and the address-translation cache; joined, the memory is read
    /// and written in long sequential streams. The sums do not depend on the order in which ballots are counted.
    /// </summary>
    /// <returns>
    /// <see langword="false"/>, with nothing counted, when some ballot cannot be counted (from outside the electorate,
    /// a second ballot of a voter, a stance the rule does not accept): then <see cref="AddInOrder"/> finds the first
    /// such ballot in the ballots' order and refuses it, exactly as without the join.
    /// </returns>
    private bool TryJoin(Electorate electorate, ReadOnlySpan<Ballot> ballots, StanceSet accepted)
    {
        var voters = electorate.Count;

        // A run has room for as many ballots as it has voters: one more is a second ballot or an outsider's.
        if (ballots.Length > voters)
        {
            return false;
        }

        var table = electorate.Join;
        var keys = ArrayPool<VoterKey>.Shared.Rent(voters);
        var next = ArrayPool<int>.Shared.Rent(table.Runs + 1);
        bool joined;
        try
        {
            // The passes are methods of their own: a loop inside a try block keeps its variables in memory, not in
            // registers.
            joined = Scatter(table, ballots, accepted, keys, next) && Resolve(table, keys, next, ballots.Length);
        }
        finally
        {
            ArrayPool<VoterKey>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(next);
        }

        if (!joined)
        {
            Clear();
            Array.Clear(_seen);
        }

        Joined = joined;
        return joined;
    }

    // First pass: each ballot's voter key to the next place of its run. A run has as many places as voters. The top
    // bits of a key's hash are its run's number, which the second pass knows: they carry the ballot's stance and
    // whether a proxy cast it instead (a separate array of marks cost a third of this pass, as a second stream of
    // writes into a thousand places).
    private static bool Scatter(VoterJoin table, ReadOnlySpan<Ballot> ballots, StanceSet accepted, VoterKey[] keys, int[] next)
    {
        var runs = table.Runs;
        for (var r = 0; r <= runs; r++)
        {
            next[r] = table.RunStart(r);
        }

        // Where each run ends: the next run's start, kept apart because next[r + 1] moves as its run fills.
        Span<int> ends = runs <= 1024 ? stackalloc int[runs] : new int[runs];
        next.AsSpan(1, runs).CopyTo(ends);
        var runShift = table.RunHashShift;
        var below = (1UL << runShift) - 1;
        unchecked
        {
            foreach (ref readonly var ballot in ballots)
            {
                var key = VoterKey.Of(ballot.Voter);
                var run = (int)(key.Hash >> runShift);
                var at = next[run]++;
                if (at >= ends[run] || !ballot.Stance.IsDefinedStance() || !accepted.Includes(ballot.Stance))
                {
                    return false;
                }

                var mark = (uint)ballot.Stance.Index() | (ballot.ByProxy ? ByProxyMark : 0u);
                keys[at] = new VoterKey((key.Hash & below) | ((ulong)mark << MarkShift), key.Low);
            }
        }

        return true;
    }

    // Second pass: each run against its slice of the voters, read in order first. Ballots by proxy, blocks, objections
    // and veto holders' ballots are rare: they take the general way.
    private bool Resolve(VoterJoin table, VoterKey[] keys, int[] next, int ballots)
    {
        var seen = _seen;
        var count = _count;
        var weigh = _weight;
        var records = table.Records;
        var directory = table.Directory;
        var bucketShift = table.BucketShift;
        var runShift = table.RunHashShift;
        var below = (1UL << runShift) - 1;
        var runs = table.Runs;
        var warmed = 0UL;
        unchecked
        {
            for (var r = 0; r < runs; r++)
            {
                var end = next[r];
                var start = table.RunStart(r);
                if (end == start)
                {
                    continue;
                }

                // Stryker disable once all : the sum only keeps the warming loads (see the guard after the loop).
                warmed += table.Warm(r);
                var top = (ulong)r << runShift;
                for (var at = start; at < end; at++)
                {
                    var joined = keys[at];
                    var mark = (int)(joined.Hash >> MarkShift);
                    var position = VoterJoin.Position(records, directory, bucketShift, new VoterKey((joined.Hash & below) | top, joined.Low));
                    if (position < 0)
                    {
                        return false;
                    }

                    var bit = 1UL << position;
                    ref var word = ref seen[position >> 6];
                    if ((word & bit) != 0)
                    {
                        return false;
                    }

                    word |= bit;
                    var facts = records[position].Facts;
                    if (mark < (int)Stance.Block - 1 && !VoterJoin.HasVeto(facts))
                    {
                        var slot = (VoterJoin.GroupOf(facts) * Stances.Count) + mark;
                        count[slot]++;
                        weigh[slot] += VoterJoin.WeightOf(facts);
                    }
                    else
                    {
                        AddMarked(table, position, facts, mark);
                    }
                }
            }
        }

        // Keeps the warming loads: the JIT cannot drop a value that is used. (A table has at least 16 runs.)
        // Stryker disable once all : the guard never holds; it only keeps the loads, so its mutants are equivalent.
        if (warmed == ulong.MaxValue && runs == 0)
        {
            throw new System.Diagnostics.UnreachableException();
        }

        // Every ballot is counted once: the rare ones by Add, which also counts them here.
        BallotCount = ballots;
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddMarked(VoterJoin table, int position, ulong facts, int mark) =>
        Add(table.IndexAt(position), VoterJoin.GroupOf(facts), VoterJoin.WeightOf(facts), VoterJoin.HasVeto(facts), (Stance)((mark & ~(int)ByProxyMark) + 1), (mark & ByProxyMark) != 0);

    // A joined ballot's mark (the top four bits of its key's hash): its stance's index, plus 8 when a proxy cast it,
    // so it is never taken for a plain ballot.
    private const uint ByProxyMark = 8;
    private const int MarkShift = 60;

    public TallyCounts Clone() => new(this);

    public void Dispose()
    {
        if (_seen.Length > 0)
        {
            ArrayPool<ulong>.Shared.Return(_seen);
            _seen = [];
        }
    }

    /// <summary>Forgets every ballot, for a new round.</summary>
    public void Clear()
    {
        Array.Clear(_count);
        Array.Clear(_weight);
        Array.Clear(_proxyCount);
        Array.Clear(_proxyWeight);
        _objectors.Clear();
        _vetoers.Clear();
        _extraObjections = 0;
        _extraVetoes = 0;
        BallotCount = 0;
        VetoHoldersVoted = 0;
    }

    /// <summary>Counts a ballot of the voter at an electorate index, in its group, with its weight and veto.</summary>
    public void Add(int voterIndex, int group, long weight, bool veto, Stance stance, bool byProxy) =>
        Count(voterIndex, group, weight, veto, stance, byProxy, +1);

    /// <summary>Takes back a ballot counted before (changed or voided).</summary>
    public void Remove(int voterIndex, int group, long weight, bool veto, Stance stance, bool byProxy) =>
        Count(voterIndex, group, weight, veto, stance, byProxy, -1);

    /// <summary>
    /// The counts as they would be if every voter of the basis without a ballot cast one of the stance: each group's
    /// missing headcount and weight go to the stance; the missing voters are counted (not named) as objectors where the
    /// stance blocks or objects, and the missing veto holders as vetoing where it opposes or blocks.
    /// </summary>
    public TallyCounts Completed(TallyBasis basis, Stance stance)
    {
        var completed = Clone();
        var groups = _count.Length / Stances.Count;
        for (var g = 0; g < groups; g++)
        {
            var slot = (g * Stances.Count) + stance.Index();
            completed._count[slot] += basis.Group(g, Measure.Headcount) - GroupBallots(g, Measure.Headcount);
            completed._weight[slot] += basis.Group(g, Measure.Weight) - GroupBallots(g, Measure.Weight);
        }

        var missing = basis.Count - BallotCount;
        completed.BallotCount = basis.Count;
        completed.VetoHoldersVoted = basis.VetoHolders;
        completed._extraObjections += stance is Stance.Block or Stance.Object ? missing : 0;
        completed._extraVetoes += stance is Stance.Oppose or Stance.Block ? basis.VetoHolders - VetoHoldersVoted : 0;
        return completed;
    }

    /// <summary>The voters who blocked or objected, in electorate order.</summary>
    public PartnerId[] Objections(Electorate electorate) => Named(electorate, _objectors);

    /// <summary>The veto holders who opposed or blocked, in electorate order.</summary>
    public PartnerId[] Vetoes(Electorate electorate) => Named(electorate, _vetoers);

    /// <summary>The ballots (or their weight) of a stance that proxy holders cast.</summary>
    public long ByProxy(Stance stance, Measure measure) => (measure == Measure.Headcount ? _proxyCount : _proxyWeight)[stance.Index()];

    public long Group(int group, Stance stance, Measure measure) =>
        (measure == Measure.Headcount ? _count : _weight)[(group * Stances.Count) + stance.Index()];

    public long Total(Stance stance, Measure measure)
    {
        var values = measure == Measure.Headcount ? _count : _weight;
        long sum = 0;
        for (var slot = stance.Index(); slot < values.Length; slot += Stances.Count)
        {
            sum += values[slot];
        }

        return sum;
    }

    public long GroupBallots(int group, Measure measure)
    {
        long sum = 0;
        for (var s = Stance.Support; s <= Stance.Object; s++)
        {
            sum += Group(group, s, measure);
        }

        return sum;
    }

    public long TotalBallots(Measure measure)
    {
        long sum = 0;
        for (var s = Stance.Support; s <= Stance.Object; s++)
        {
            sum += Total(s, measure);
        }

        return sum;
    }

    public StanceCounts GroupFigures(int group, Measure measure) => new(
        Group(group, Stance.Support, measure),
        Group(group, Stance.Oppose, measure),
        Group(group, Stance.Abstain, measure),
        Group(group, Stance.StandAside, measure),
        Group(group, Stance.Block, measure),
        Group(group, Stance.Object, measure));

    public StanceCounts TotalFigures(Measure measure) => new(
        Total(Stance.Support, measure),
        Total(Stance.Oppose, measure),
        Total(Stance.Abstain, measure),
        Total(Stance.StandAside, measure),
        Total(Stance.Block, measure),
        Total(Stance.Object, measure));

    private static PartnerId[] Named(Electorate electorate, HashSet<int> indices)
    {
        if (indices.Count == 0)
        {
            return [];
        }

        var sorted = indices.ToArray();
        Array.Sort(sorted);
        var partners = new PartnerId[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            partners[i] = electorate.Voters[sorted[i]].Partner;
        }

        return partners;
    }

    private static ulong[] Rent(int voters)
    {
        if (voters == 0)
        {
            return [];
        }

        var words = (voters + 63) >> 6;
        var buffer = ArrayPool<ulong>.Shared.Rent(words);
        Array.Clear(buffer, 0, words);
        return buffer;
    }

    private void Count(int voterIndex, int group, long weight, bool veto, Stance stance, bool byProxy, int sign)
    {
        var s = stance.Index();
        var slot = (group * Stances.Count) + s;
        _count[slot] += sign;
        _weight[slot] += sign * weight;
        BallotCount += sign;
        if (byProxy)
        {
            _proxyCount[s] += sign;
            _proxyWeight[s] += sign * weight;
        }

        if (stance is Stance.Block or Stance.Object)
        {
            _ = sign > 0 ? _objectors.Add(voterIndex) : _objectors.Remove(voterIndex);
        }

        if (veto)
        {
            VetoHoldersVoted += sign;
            if (stance is Stance.Oppose or Stance.Block)
            {
                _ = sign > 0 ? _vetoers.Add(voterIndex) : _vetoers.Remove(voterIndex);
            }
        }
    }
}

/// <summary>Members recorded present, per group, by headcount and weight.</summary>
internal sealed class PresentCounts
{
    private readonly long[] _count;
    private readonly long[] _weight;

    /// <summary>Counts the members present who are voters of the electorate and not among those left out.</summary>
    public PresentCounts(Electorate electorate, IReadOnlyCollection<PartnerId> present, IReadOnlySet<PartnerId>? leftOut = null)
    {
        _count = new long[electorate.GroupCount];
        _weight = new long[electorate.GroupCount];
        foreach (var partner in present.Distinct())
        {
            if ((leftOut is null || !leftOut.Contains(partner)) && electorate.TryFind(partner, out _, out var group, out var weight))
            {
                _count[group]++;
                _weight[group] += weight;
            }
        }
    }

    public long Group(int group, Measure measure) => (measure == Measure.Headcount ? _count : _weight)[group];

    public long Total(Measure measure) => (measure == Measure.Headcount ? _count : _weight).Sum();
}
