using System.Numerics;
using System.Runtime.InteropServices;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Decisions;

/// <summary>
/// An open-addressing table from partner to everything a tally needs about that voter (its index, group and
/// weight) in one 32-byte slot, so counting a ballot costs one memory access where a dictionary plus the voter
/// object cost three or four. Built once per electorate; read-only afterwards.
/// </summary>
/// <remarks>
/// A large table's slots start on a cache line (two slots per 64-byte line): an array's elements start 16 bytes into
/// the object, which the runtime places on 8 bytes, so half the slots of a plain <c>Slot[]</c> straddled two lines and a
/// lookup that loaded its slot's number took a second miss on its key. Measured on a million voters: a quarter of the
/// lookups' time, a tenth of a whole tally's. The slots of a large table live in a pinned array (never moved)
/// from the first whole line on; small tables, which stay in the caches, use a plain array.
/// </remarks>
internal sealed class VoterTable
{
    // The group number is below 10,100 (100 chambers of at most 100 sub-chambers): its top bit can carry the veto.
    private const int VetoBit = 1 << 30;

    // Tables of at least this many slots (256 KB, the size of a second-level cache share) are aligned to lines.
    private const int AlignFrom = 8192;
    private const int LineWords = 64 / sizeof(ulong);
    private const int SlotWords = 32 / sizeof(ulong);

    // The slots, as words: from _start on, _mask + 1 slots of four words each.
    private readonly ulong[] _words;
    private readonly int _start;
    private readonly int _mask;

    public VoterTable(IReadOnlyList<Voter> voters, int[] groupOfVoter)
    {
        // Load factor at most 1/2: linear probes stay short. A slot is free when its number is zero, whatever its key:
        // a key of the empty GUID (a default PartnerId) never matches a free slot, so it never finds a voter.
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, voters.Count * 2));
        _mask = size - 1;

        // Stryker disable all : where the slots start changes the speed of a lookup, never its result (the tests of the
        // table pass with any start), so mutants here are equivalent.
        if (size >= AlignFrom)
        {
            _words = GC.AllocateArray<ulong>((size * SlotWords) + LineWords, pinned: true);
            var address = Marshal.UnsafeAddrOfPinnedArrayElement(_words, 0);
            _start = (int)((64 - (address.ToInt64() & 63)) & 63) / sizeof(ulong);
        }
        else
        {
            _words = new ulong[size * SlotWords];
        }

        // Stryker restore all

        var slots = Slots;
        for (var i = 0; i < voters.Count; i++)
        {
            var key = voters[i].Partner.Value;
            var at = Home(key);
            while (slots[at].IsTaken)
            {
                if (slots[at].Key == key)
                {
                    throw CoalitionRuleException.Because(ErrorCodes.Decisions.InvalidElectorate, "{voter} appears twice in the electorate.", ("voter", voters[i].DisplayName), ("partner", voters[i].Partner));
                }

                at = (at + 1) & _mask;
            }

            slots[at] = new Slot(key, voters[i].Weight, i + 1, groupOfVoter[i] | (voters[i].HasVeto ? VetoBit : 0));
        }
    }

    private Span<Slot> Slots => MemoryMarshal.Cast<ulong, Slot>(_words.AsSpan(_start, (_mask + 1) * SlotWords));

    public bool TryFind(PartnerId partner, out int index, out int group, out long weight) =>
        TryFind(partner, out index, out group, out weight, out _);

    public bool TryFind(PartnerId partner, out int index, out int group, out long weight, out bool veto)
    {
        var key = partner.Value;
        var slots = Slots;
        var at = Probe(slots, _mask, key, Home(key));
        if (at < 0)
        {
            (index, group, weight, veto) = (-1, -1, 0, false);
            return false;
        }

        Unpack(slots[at], out index, out group, out weight, out veto);
        return true;
    }

    /// <summary>
    /// Finds the slots of a batch of partners (<c>slots[j]</c> for <c>partners[j]</c>; -1 when not a voter), for tallies
    /// that look up many voters at once. In a large table each lookup is a cache miss, and one lookup at a time they
    /// queue: the probe branches on the loaded key, and the next lookup's miss waits behind a long loop body or a
    /// mispredicted branch. So a batch is done in three passes: hash every key (arithmetic only); load every home slot in
    /// a loop that does nothing else (the loads are independent, so the processor keeps many misses in flight); then
    /// probe, with branches, over lines now in the cache.
    /// </summary>
    /// <param name="partners">The partners: a batch of at most a few hundred, so that its lines stay in the first-level cache.</param>
    /// <param name="slots">Receives each partner's slot position, or -1; at least as long as <paramref name="partners"/>.</param>
    public void Locate(ReadOnlySpan<Ballot> partners, Span<int> slots)
    {
        var table = Slots;
        var mask = _mask;
        slots = slots[..partners.Length];
        for (var j = 0; j < partners.Length; j++)
        {
            slots[j] = Home(partners[j].Voter.Value);
        }

        var touched = 0;
        foreach (var home in slots)
        {
            // Stryker disable once all : the value only keeps the loads from being dropped (see the guard below).
            touched |= table[home].Number;
        }

        for (var j = 0; j < partners.Length; j++)
        {
            slots[j] = Probe(table, mask, partners[j].Voter.Value, slots[j]);
        }

        // Keeps the first pass's loads: the JIT cannot drop a value that is used. (A slot's number is never negative.)
        // Stryker disable once all : the guard never holds; it only keeps the loads, so its mutants are equivalent.
        if (touched < 0)
        {
            throw new System.Diagnostics.UnreachableException();
        }
    }

    // Linear probing from a home slot: the key's slot, or -1 at the first free slot (the key is not a voter's).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int Probe(Span<Slot> slots, int mask, Guid key, int at)
    {
        while (true)
        {
            ref readonly var slot = ref slots[at];
            if (!slot.IsTaken)
            {
                return -1;
            }

            if (slot.Key == key)
            {
                return at;
            }

            at = (at + 1) & mask;
        }
    }

    /// <summary>The voter in a slot <see cref="Locate"/> found.</summary>
    /// <param name="position">The slot's position.</param>
    /// <param name="index">The voter's index in the electorate.</param>
    /// <param name="group">Its group.</param>
    /// <param name="weight">Its weight.</param>
    /// <param name="veto">Whether it holds a veto.</param>
    public void At(int position, out int index, out int group, out long weight, out bool veto) =>
        Unpack(Slots[position], out index, out group, out weight, out veto);

    private static void Unpack(in Slot slot, out int index, out int group, out long weight, out bool veto) =>
        (index, group, weight, veto) = (slot.Number - 1, slot.Group & ~VetoBit, slot.Weight, (slot.Group & VetoBit) != 0);

    /// <summary>The longest distance of any voter from its home slot: a measure of clustering, for tests.</summary>
    // Stryker disable all : a measure only tests call, not behaviour of the library.
    internal int LongestProbe()
    {
        var longest = 0;
        var slots = Slots;
        for (var at = 0; at < slots.Length; at++)
        {
            if (slots[at].IsTaken)
            {
                longest = Math.Max(longest, (at - Home(slots[at].Key)) & _mask);
            }
        }

        return longest;
    }

    // Stryker restore all
    private int Home(Guid key)
    {
        // Version-4 GUIDs are random, but hosts may use sequential ones whose varying bytes sit high in a half:
        // MurmurHash3's 64-bit finalizer carries every input bit into the low bits the mask keeps.
        var halves = MemoryMarshal.Cast<Guid, ulong>(MemoryMarshal.CreateReadOnlySpan(ref key, 1));
        var x = halves[0] ^ BitOperations.RotateLeft(halves[1], 29);
        unchecked
        {
            // Stryker disable all : how well the finalizer mixes changes where keys start probing, never what a lookup
            // finds (probes compare whole keys); LongestProbe tests bound the spread for random and sequential ids.
            x ^= x >> 33;
            x *= 0xFF51AFD7ED558CCDUL;
            x ^= x >> 33;
            x *= 0xC4CEB9FE1A85EC53UL;
            x ^= x >> 33;

            // Stryker restore all
        }

        return (int)(x & (ulong)_mask);
    }

    // Number is the voter's index plus one, so the default slot (number zero) is free; the key plays no part in that.
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Slot(Guid Key, long Weight, int Number, int Group)
    {
        public bool IsTaken => Number != 0;
    }
}
