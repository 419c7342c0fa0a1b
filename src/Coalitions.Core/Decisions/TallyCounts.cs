using System.Buffers;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Decisions;

/// <summary>
/// Ballots accumulated per group (chamber or sub-chamber) and stance, by headcount and weight, plus each
/// voter's stance. One instance per tally: nothing is allocated per ballot, and the per-voter stance buffer is
/// rented from the shared array pool, so a tally of a large electorate allocates only its small counters.
/// </summary>
internal sealed class TallyCounts : IDisposable
{
    private readonly long[] _count;
    private readonly long[] _weight;
    private readonly long[] _proxyCount = new long[Stances.Count];
    private readonly long[] _proxyWeight = new long[Stances.Count];
    private readonly Electorate _electorate;

    private TallyCounts(Electorate electorate)
    {
        _electorate = electorate;
        _count = new long[electorate.GroupCount * Stances.Count];
        _weight = new long[electorate.GroupCount * Stances.Count];
        StanceOf = Rent(electorate.Count);
    }

    private TallyCounts(TallyCounts other)
    {
        _electorate = other._electorate;
        _count = (long[])other._count.Clone();
        _weight = (long[])other._weight.Clone();
        _proxyCount = (long[])other._proxyCount.Clone();
        _proxyWeight = (long[])other._proxyWeight.Clone();
        StanceOf = Rent(other._electorate.Count);
        Array.Copy(other.StanceOf, StanceOf, other._electorate.Count);
        BallotCount = other.BallotCount;
    }

    /// <summary>Gets each voter's stance as a byte (0 when it has not voted), by electorate index; longer than the electorate.</summary>
    public byte[] StanceOf { get; private set; }

    public int BallotCount { get; private set; }

    public static TallyCounts From(Electorate electorate, ReadOnlySpan<Ballot> ballots, StanceSet accepted)
    {
        var counts = new TallyCounts(electorate);
        try
        {
            counts.AddAll(electorate, ballots, accepted);
            return counts;
        }
        catch
        {
            counts.Dispose();
            throw;
        }
    }

    private void AddAll(Electorate electorate, ReadOnlySpan<Ballot> ballots, StanceSet accepted)
    {
        foreach (ref readonly var ballot in ballots)
        {
            if (!electorate.TryFind(ballot.Voter, out var index, out var group, out var weight))
            {
                throw CoalitionRuleException.Because(ErrorCodes.Decisions.NotInElectorate, "Partner {partner} is not in the electorate; its ballot cannot be counted.", ("partner", ballot.Voter));
            }

            if (StanceOf[index] != 0)
            {
                throw CoalitionRuleException.Because(ErrorCodes.Decisions.DuplicateBallot, "{voter} has more than one ballot; pass only the ballot that counts.", ("voter", electorate.Voters[index].DisplayName), ("partner", ballot.Voter));
            }

            if (!ballot.Stance.IsDefinedStance() || !accepted.Includes(ballot.Stance))
            {
                throw CoalitionRuleException.Because(ErrorCodes.Decisions.StanceNotAccepted, "The stance {stance} of {voter} is not accepted by this decision method; it accepts {accepted}.", ("stance", ballot.Stance), ("voter", electorate.Voters[index].DisplayName), ("accepted", accepted));
            }

            Add(index, group, weight, ballot.Stance);
            if (ballot.ByProxy)
            {
                _proxyCount[ballot.Stance.Index()]++;
                _proxyWeight[ballot.Stance.Index()] += weight;
            }
        }
    }

    public TallyCounts Clone() => new(this);

    public void Dispose()
    {
        if (StanceOf.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(StanceOf);
            StanceOf = [];
        }
    }

    private static byte[] Rent(int length)
    {
        if (length == 0)
        {
            return [];
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        Array.Clear(buffer, 0, length);
        return buffer;
    }

    public void Add(int voterIndex, Stance stance) =>
        Add(voterIndex, _electorate.GroupOf(voterIndex), _electorate.Voters[voterIndex].Weight, stance);

    private void Add(int voterIndex, int group, long weight, Stance stance)
    {
        var slot = (group * Stances.Count) + stance.Index();
        _count[slot]++;
        _weight[slot] += weight;
        StanceOf[voterIndex] = (byte)stance;
        BallotCount++;
    }

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
}

/// <summary>Members recorded present, per group, by headcount and weight.</summary>
internal sealed class PresentCounts
{
    private readonly long[] _count;
    private readonly long[] _weight;

    public PresentCounts(Electorate electorate, IReadOnlyCollection<PartnerId> present)
    {
        _count = new long[electorate.GroupCount];
        _weight = new long[electorate.GroupCount];
        foreach (var partner in present.Distinct())
        {
            var index = electorate.IndexOf(partner);
            if (index >= 0)
            {
                var group = electorate.GroupOf(index);
                _count[group]++;
                _weight[group] += electorate.Voters[index].Weight;
            }
        }
    }

    public long Group(int group, Measure measure) => (measure == Measure.Headcount ? _count : _weight)[group];

    public long Total(Measure measure) => (measure == Measure.Headcount ? _count : _weight).Sum();
}
