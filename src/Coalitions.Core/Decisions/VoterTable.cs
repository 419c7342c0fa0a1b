using System.Numerics;
using System.Runtime.CompilerServices;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Decisions;

/// <summary>
/// The electorate's voters ordered by a hash of their partner id, with a directory of where each hash bucket starts:
/// everything a tally needs about a voter (its index, group, weight and veto) sits beside its id, so finding a voter
/// costs two memory accesses, the directory's and the id's. Built once per electorate; read-only afterwards.
/// </summary>
/// <remarks>
/// <para>The order is what makes a tally of a million ballots fast. An exact lookup needs the ids themselves (16 MB
/// for a million voters); looked up one ballot at a time, in the ballots' order, nearly every lookup misses the
/// processor's address-translation cache as well as its data caches. Because the voters are ordered by the top bits
/// of their hash, the ballots can be sorted the same way in one pass (about a thousand runs) and
/// each run resolved against its own slice of the voters, a few kilobytes that stay in the first caches
/// (<see cref="TallyCounts"/>). This is a join, not a lookup per ballot.</para>
/// <para>The hash is one multiplication of the id's two halves combined (Fibonacci hashing): its top bits depend on
/// every bit of the id, so random ids and ids that count up (in either half, low bytes or high) spread evenly; a test
/// checks both. The directory has two to four entries per voter, so most buckets hold one voter or none.</para>
/// </remarks>
internal sealed class VoterTable
{
    // A voter's group is below 10,100 (100 chambers of at most 100 sub-chambers) and its weight at most 10^12 (< 2^40):
    // both fit in one word beside the veto.
    private const int GroupShift = 40;
    private const ulong WeightMask = (1UL << GroupShift) - 1;
    private const ulong GroupMask = (1UL << 14) - 1;
    private const int VetoShift = 63;

    // A run's slice is 2^RunBits buckets (2,048, with 512 to 1,024 voters: about 20 KB of ids and facts), or all of
    // them in a smaller table.
    private const int RunBits = 11;

    private const ulong Fibonacci = 0x9E3779B97F4A7C15UL;

    // The voters' ids, facts (weight, group, veto) and indices in the electorate, in hash order, and where each bucket
    // starts: bucket f holds positions _directory[f] to _directory[f + 1] - 1. The ids have one spare entry at the end,
    // so a lookup may read the entry after a bucket without a bounds branch.
    private readonly VoterKey[] _keys;
    private readonly ulong[] _facts;
    private readonly int[] _indices;
    private readonly int[] _directory;
    private readonly int _bucketShift;
    private readonly int _runShift;

    public VoterTable(IReadOnlyList<Voter> voters, int[] groupOfVoter)
    {
        var count = voters.Count;
        var bucketBits = BitOperations.Log2(BitOperations.RoundUpToPowerOf2((uint)Math.Max(count, 2))) + 1;
        var buckets = 1 << bucketBits;
        _bucketShift = 64 - bucketBits;
        _runShift = Math.Min(RunBits, bucketBits);
        _keys = new VoterKey[count + 1];
        _facts = new ulong[count];
        _indices = new int[count];
        _directory = new int[buckets + 1];

        // A counting sort by bucket: count, add up, place. Voters are placed in the electorate's order, so a bucket
        // lists them in that order, and the first voter whose id came before is the one named as appearing twice.
        var homes = new int[count];
        for (var i = 0; i < count; i++)
        {
            homes[i] = Bucket(VoterKey.Of(voters[i].Partner), _bucketShift);
            _directory[homes[i] + 1]++;
        }

        for (var f = 1; f <= buckets; f++)
        {
            _directory[f] += _directory[f - 1];
        }

        var next = _directory.AsSpan(0, buckets).ToArray();
        for (var i = 0; i < count; i++)
        {
            var key = VoterKey.Of(voters[i].Partner);
            var home = homes[i];
            for (var s = _directory[home]; s < next[home]; s++)
            {
                if (_keys[s] == key)
                {
                    throw CoalitionRuleException.Because(ErrorCodes.Decisions.InvalidElectorate, "{voter} appears twice in the electorate.", ("voter", voters[i].DisplayName), ("partner", voters[i].Partner));
                }
            }

            var at = next[home]++;
            _keys[at] = key;
            _facts[at] = (ulong)voters[i].Weight | ((ulong)groupOfVoter[i] << GroupShift) | ((voters[i].HasVeto ? 1UL : 0) << VetoShift);
            _indices[at] = i;
        }
    }

    /// <summary>Gets how many runs the ballots of a join are sorted into (a power of two).</summary>
    public int Runs => (_directory.Length - 1) >> _runShift;

    /// <summary>Gets the voters' ids in hash order (one spare entry at the end), for a join's inner loop.</summary>
    public VoterKey[] Keys => _keys;

    /// <summary>Gets where each bucket starts, for a join's inner loop.</summary>
    public int[] Directory => _directory;

    /// <summary>Gets the voters' facts (weight, group, veto) in hash order, for a join's inner loop.</summary>
    public ulong[] Facts => _facts;

    /// <summary>Gets the shift that takes a hash to its bucket.</summary>
    public int BucketShift => _bucketShift;

    /// <summary>Gets the shift that takes a bucket to its run.</summary>
    public int RunShift => _runShift;

    public bool TryFind(PartnerId partner, out int index, out int group, out long weight) =>
        TryFind(partner, out index, out group, out weight, out _);

    public bool TryFind(PartnerId partner, out int index, out int group, out long weight, out bool veto)
    {
        var at = Position(_keys, _directory, _bucketShift, VoterKey.Of(partner));
        if (at < 0)
        {
            (index, group, weight, veto) = (-1, -1, 0, false);
            return false;
        }

        var facts = _facts[at];
        (index, group, weight, veto) = (_indices[at], GroupOf(facts), WeightOf(facts), HasVeto(facts));
        return true;
    }

    /// <summary>The bucket of a voter id: the top bits of its hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bucket(VoterKey key, int bucketShift) => unchecked((int)(((key.Low ^ key.High) * Fibonacci) >> bucketShift));

    /// <summary>
    /// Finds the position of a voter id in the table's arrays (passed in, so a join's loop keeps them in registers).
    /// Branch-free for the first two voters of a bucket (nearly every voter): the processor does not have to guess
    /// which of them matches.
    /// </summary>
    /// <returns>The position, or -1 when the id is not a voter's.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Position(VoterKey[] keys, int[] directory, int bucketShift, VoterKey key)
    {
        unchecked
        {
            var bucket = Bucket(key, bucketShift);
            var at = directory[bucket];
            var end = directory[bucket + 1];
            at += keys[at] != key ? 1 : 0;
            if (at >= end || keys[at] != key)
            {
                do
                {
                    at++;
                }
                while (at < end && keys[at] != key);

                return at < end ? at : -1;
            }

            return at;
        }
    }

    /// <summary>The first position of a run's voters; <c>RunStart(Runs)</c> is the number of voters.</summary>
    public int RunStart(int run) => _directory[run << _runShift];

    /// <summary>The electorate index of the voter at a position.</summary>
    public int IndexAt(int position) => _indices[position];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GroupOf(ulong facts) => unchecked((int)((facts >> GroupShift) & GroupMask));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long WeightOf(ulong facts) => unchecked((long)(facts & WeightMask));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool HasVeto(ulong facts) => (facts >> VetoShift) != 0;

    /// <summary>The most voters in one bucket: a measure of how evenly the hash spreads the ids, for tests.</summary>
    // Stryker disable all : a measure only tests call, not behaviour of the library.
    internal int LargestBucket()
    {
        var largest = 0;
        for (var f = 0; f + 1 < _directory.Length; f++)
        {
            largest = Math.Max(largest, _directory[f + 1] - _directory[f]);
        }

        return largest;
    }

    // Stryker restore all
}

/// <summary>A partner id as two words, for comparing and hashing ids in a tally's inner loops.</summary>
/// <param name="Low">The first eight bytes of the id, as stored.</param>
/// <param name="High">The last eight bytes.</param>
internal readonly record struct VoterKey(ulong Low, ulong High)
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VoterKey Of(PartnerId partner) => Unsafe.BitCast<Guid, VoterKey>(partner.Value);

    /// <summary>Whether two ids are equal, without a branch per word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Equals(VoterKey other) => ((Low ^ other.Low) | (High ^ other.High)) == 0;

    public override int GetHashCode() => HashCode.Combine(Low, High);
}
