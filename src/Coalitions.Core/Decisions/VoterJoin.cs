using System.Numerics;
using System.Runtime.CompilerServices;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Decisions;

/// <summary>
/// The electorate's voters ordered by a hash of their partner id, with a directory of where each hash bucket starts, for
/// tallies that join many ballots with the voters. Each voter is one 24-byte record: its id (as its hash and first half)
/// and its facts (weight, group, veto). Built on the first large tally of an electorate (<see cref="Electorate.Join"/>);
/// read-only afterwards. Single lookups, which commands and replay make, use the <see cref="VoterTable"/>: one access
/// where this takes two or three.
/// </summary>
/// <remarks>
/// <para>The order is what makes a tally of a million ballots fast. An exact lookup needs the ids themselves (16 MB
/// for a million voters); looked up one ballot at a time, in the ballots' order, nearly every lookup misses the
/// processor's address-translation cache as well as its data caches. Because the voters are ordered by the top bits
/// of their hash, the ballots can be sorted the same way in one pass (into <see cref="Runs"/> runs) and each run
/// resolved against its own slice of the voters, a few dozen kilobytes read in order just before the run needs them
/// (<see cref="TallyCounts"/>). This is a join, not a lookup per ballot.</para>
/// <para>The hash is one multiplication of the id's two halves combined (Fibonacci hashing): its top bits depend on
/// every bit of the id, so random ids and ids that count up (in either half, low bytes or high) spread evenly; a test
/// checks both. The hash and the id's first half identify the id exactly (the multiplication can be undone), so they
/// are what a record keeps and a lookup compares. The directory has two to four entries per voter, so most buckets
/// hold one voter or none.</para>
/// </remarks>
internal sealed class VoterJoin
{
    // A voter's group is below 10,100 (100 chambers of at most 100 sub-chambers) and its weight at most 10^12 (< 2^40):
    // both fit in one word beside the veto.
    private const int GroupShift = 40;
    private const ulong WeightMask = (1UL << GroupShift) - 1;
    private const ulong GroupMask = (1UL << 14) - 1;
    private const int VetoShift = 63;

    // A run's slice is at most 2^RunBits buckets (2,048, with 512 to 1,024 voters: about 30 KB of records and
    // directory). There are always at least 2^MarkBits runs: a joined ballot keeps its stance in the top bits of its
    // hash, which its run already tells (see TallyCounts).
    private const int RunBits = 11;
    private const int MarkBits = 4;

    // Warming a slice loads one directory entry in 16 (a 64-byte line) and one record in two (48 bytes, so every line).
    // Stryker disable all : how many loads warm a run's slice changes its speed, never a result.
    private const int EntriesPerLine = 16;
    private const int RecordsPerLoad = 2;

    // Stryker restore all

    // The voters' records and indices in the electorate, in hash order, and where each bucket starts: bucket f holds
    // positions _directory[f] to _directory[f + 1] - 1. The records have one spare entry at the end, so a lookup may
    // read the entry after a bucket without a bounds branch.
    private readonly VoterRecord[] _records;
    private readonly int[] _indices;
    private readonly int[] _directory;
    private readonly int _bucketShift;
    private readonly int _runShift;

    public VoterJoin(IReadOnlyList<Voter> voters, int[] groupOfVoter)
    {
        var count = voters.Count;
        var bucketBits = Math.Max(MarkBits, BitOperations.Log2(BitOperations.RoundUpToPowerOf2((uint)Math.Max(count, 1))) + 1);
        var buckets = 1 << bucketBits;
        _bucketShift = 64 - bucketBits;
        _runShift = Math.Min(RunBits, bucketBits - MarkBits);
        _records = new VoterRecord[count + 1];
        _indices = new int[count];
        _directory = new int[buckets + 1];

        // A counting sort by bucket: count, add up, place. The electorate's own table has refused a partner appearing
        // twice, so every id here is a voter's once.
        var keys = new VoterKey[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = VoterKey.Of(voters[i].Partner);
            _directory[Bucket(keys[i], _bucketShift) + 1]++;
        }

        for (var f = 1; f <= buckets; f++)
        {
            _directory[f] += _directory[f - 1];
        }

        var next = _directory.AsSpan(0, buckets).ToArray();
        for (var i = 0; i < count; i++)
        {
            var key = keys[i];
            var at = next[Bucket(key, _bucketShift)]++;
            _records[at] = new VoterRecord(key.Hash, key.Low, (ulong)voters[i].Weight | ((ulong)groupOfVoter[i] << GroupShift) | ((voters[i].HasVeto ? 1UL : 0) << VetoShift));
            _indices[at] = i;
        }
    }

    /// <summary>Gets how many runs the ballots of a join are sorted into: a power of two, at least 2^4.</summary>
    public int Runs => (_directory.Length - 1) >> _runShift;

    /// <summary>Gets the shift that takes a hash to its run: its top bits, at least four.</summary>
    public int RunHashShift => _bucketShift + _runShift;

    /// <summary>Gets the voters' records in hash order (one spare entry at the end), for a join's inner loop.</summary>
    public VoterRecord[] Records => _records;

    /// <summary>Gets where each bucket starts, for a join's inner loop.</summary>
    public int[] Directory => _directory;

    /// <summary>Gets the shift that takes a hash to its bucket.</summary>
    public int BucketShift => _bucketShift;

    /// <summary>
    /// Finds the position of a voter id in the table's arrays (passed in, so a join's loop keeps them in registers).
    /// Branch-free for the first two voters of a bucket (nearly every voter): the processor does not have to guess
    /// which of them matches.
    /// </summary>
    /// <returns>The position, or -1 when the id is not a voter's.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Position(VoterRecord[] records, int[] directory, int bucketShift, VoterKey key)
    {
        unchecked
        {
            var bucket = Bucket(key, bucketShift);
            var at = directory[bucket];
            var end = directory[bucket + 1];
            at += records[at].Is(key) ? 0 : 1;
            if (at >= end || !records[at].Is(key))
            {
                do
                {
                    at++;
                }
                while (at < end && !records[at].Is(key));

                return at < end ? at : -1;
            }

            return at;
        }
    }

    /// <summary>The first position of a run's voters; <c>RunStart(Runs)</c> is the number of voters.</summary>
    public int RunStart(int run) => _directory[run << _runShift];

    /// <summary>
    /// Reads a run's slice of the directory and of the records in order, one load per line, before the run's ballots
    /// look voters up in it: in order, the processor streams the lines in ahead of the loads; looked up at random, each
    /// first touch of a line waits for memory, and a lookup's two accesses wait one after the other.
    /// </summary>
    /// <returns>A sum of what was read, for the caller to keep (so the loads stay).</returns>
    // Stryker disable all : which lines warming loads changes the speed of the run's lookups, never their result.
    public ulong Warm(int run)
    {
        var sum = 0UL;
        var directory = _directory;
        var records = _records;
        unchecked
        {
            for (var f = run << _runShift; f < (run + 1) << _runShift; f += EntriesPerLine)
            {
                sum += (ulong)directory[f];
            }

            for (var at = RunStart(run); at < RunStart(run + 1); at += RecordsPerLoad)
            {
                sum += records[at].Hash;
            }
        }

        return sum;
    }

    // Stryker restore all

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

    /// <summary>The bucket of a voter id: the top bits of its hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bucket(VoterKey key, int bucketShift) => unchecked((int)(key.Hash >> bucketShift));
}

/// <summary>A partner id as its hash and its first half, which together identify it, for a tally's inner loops.</summary>
/// <param name="Hash">The hash: both halves combined, times an odd constant.</param>
/// <param name="Low">The first eight bytes of the id, as stored.</param>
internal readonly record struct VoterKey(ulong Hash, ulong Low)
{
    private const ulong Fibonacci = 0x9E3779B97F4A7C15UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VoterKey Of(PartnerId partner)
    {
        var halves = Unsafe.BitCast<Guid, Halves>(partner.Value);
        return new VoterKey(unchecked((halves.Low ^ halves.High) * Fibonacci), halves.Low);
    }

    private readonly record struct Halves(ulong Low, ulong High);
}

/// <summary>A voter in the table: its id (as a <see cref="VoterKey"/>) and its facts (weight, group and veto in one word).</summary>
/// <param name="Hash">The id's hash.</param>
/// <param name="Low">The id's first half.</param>
/// <param name="Facts">Its weight, group and veto.</param>
internal readonly record struct VoterRecord(ulong Hash, ulong Low, ulong Facts)
{
    /// <summary>Whether this is the voter with an id, without a branch per word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Is(VoterKey key) => ((Hash ^ key.Hash) | (Low ^ key.Low)) == 0;
}
