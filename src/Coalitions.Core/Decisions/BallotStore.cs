using System.Collections;
using Coalitions.Core.Kernel;
using NodaTime;

namespace Coalitions.Core.Decisions;

/// <summary>A ballot as a proposal keeps it: the fields of <see cref="RecordedBallot"/>, held by value.</summary>
internal readonly record struct BallotEntry(int Round, PartnerId Voter, Stance Stance, string? Reason, PersonId? CastBy, Instant At, PartnerId? HolderMember)
{
    public bool ByProxy => HolderMember is not null;

    public static BallotEntry From(RecordedBallot ballot) => new(ballot.Round, ballot.Voter, ballot.Stance, ballot.Reason, ballot.CastBy, ballot.At, ballot.HolderMember);

    public RecordedBallot ToRecord() => new(Round, Voter, Stance, Reason, CastBy, At, HolderMember);
}

/// <summary>
/// The ballots of a proposal: every ballot ever cast, in order, and the one that counts per voter in the current round.
/// </summary>
/// <remarks>
/// Ballots are held by value in chunks of a fixed size, and the current ballot per voter is its place in the history:
/// casting a ballot stores no object that outlives the command (the event is the caller's), and the history never copies
/// itself to grow. A proposal keeps every ballot for its record, so with one object per ballot a long vote filled the
/// heap with objects the garbage collector had to trace and promote: a profile of a proposal taking a few million ballot
/// changes spent 43 % of its time paused in collections. The public views build <see cref="RecordedBallot"/> values
/// when read.
/// <para>
/// The chunks hold no reference either (<see cref="Packed"/>: a ballot's reason, the one field that is an object, is kept
/// in a list of its own, and a chunk holds its place there). The collector then never reads inside a chunk, however long
/// the history, and storing a ballot needs no write barrier (docs/performance.md, "Casting again"). The chunks stay on
/// the ordinary heap: from the pinned heap, which only full collections reclaim, a host loading a proposal for each
/// command would have left a chunk a load for a full collection to find.
/// </para>
/// </remarks>
internal sealed class BallotStore
{
    private const int ChunkBits = 9; // 512 ballots of 88 bytes: 45 KB, below the large object heap's 85,000 bytes
    private const int ChunkSize = 1 << ChunkBits;
    private readonly List<Packed[]> _chunks = [];
    private readonly List<string> _reasons = [];
    private readonly Dictionary<PartnerId, int> _current = [];
    private int _count;

    public BallotStore()
    {
        History = new HistoryView(this);
        Current = new CurrentView(this);
    }

    /// <summary>Gets every ballot ever cast, in order, as records.</summary>
    public IReadOnlyList<RecordedBallot> History { get; }

    /// <summary>Gets the ballots that count in the current round, one per voter, as records.</summary>
    public IReadOnlyCollection<RecordedBallot> Current { get; }

    /// <summary>Gets how many ballots count in the current round.</summary>
    public int Count => _current.Count;

    /// <summary>Gets how many ballots were ever cast.</summary>
    public int HistoryCount => _count;

    /// <summary>Gets the ballots that count in the current round, by value.</summary>
    public IEnumerable<BallotEntry> CurrentEntries => _current.Values.Select(At);

    /// <summary>Gets the places in the history of the ballots that count, in the order <see cref="Current"/> lists them.</summary>
    public IEnumerable<int> CurrentPlaces => _current.Values;

    /// <summary>Records a ballot: it joins the history and replaces the voter's current ballot.</summary>
    /// <returns>Whether the voter had a current ballot, which is then in <paramref name="previous"/>.</returns>
    public bool Record(in BallotEntry ballot, out BallotEntry previous)
    {
        var place = Append(ballot);
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_current, ballot.Voter, out var existed);
        previous = existed ? At(slot) : default;
        slot = place;
        return existed;
    }

    /// <summary>Appends a ballot to the history only (restoring a snapshot).</summary>
    public int Append(in BallotEntry ballot)
    {
        if ((_count & (ChunkSize - 1)) == 0)
        {
            _chunks.Add(new Packed[ChunkSize]);
        }

        var reason = 0;
        if (ballot.Reason is { } text)
        {
            _reasons.Add(text);
            reason = _reasons.Count;
        }

        _chunks[_count >> ChunkBits][_count & (ChunkSize - 1)] = new Packed(ballot.Round, ballot.Voter, ballot.Stance, reason, ballot.CastBy, ballot.At, ballot.HolderMember);
        return _count++;
    }

    /// <summary>Makes the ballot at a place in the history its voter's current ballot (restoring a snapshot).</summary>
    public void MakeCurrent(int place) => _current[At(place).Voter] = place;

    public bool TryGetValue(PartnerId voter, out BallotEntry ballot)
    {
        if (_current.TryGetValue(voter, out var place))
        {
            ballot = At(place);
            return true;
        }

        ballot = default;
        return false;
    }

    public bool Remove(PartnerId voter, out BallotEntry ballot)
    {
        if (_current.Remove(voter, out var place))
        {
            ballot = At(place);
            return true;
        }

        ballot = default;
        return false;
    }

    /// <summary>A new round: no ballot counts yet; the history stays.</summary>
    public void ClearCurrent() => _current.Clear();

    private BallotEntry At(int place)
    {
        ref readonly var packed = ref _chunks[place >> ChunkBits][place & (ChunkSize - 1)];
        return new BallotEntry(packed.Round, packed.Voter, packed.Stance, packed.Reason == 0 ? null : _reasons[packed.Reason - 1], packed.CastBy, packed.At, packed.HolderMember);
    }

    // A ballot as a chunk holds it: its reason as its place in the list of reasons, from 1 (0: none), so that no field is
    // an object.
    private readonly record struct Packed(int Round, PartnerId Voter, Stance Stance, int Reason, PersonId? CastBy, Instant At, PartnerId? HolderMember);

    private sealed class HistoryView(BallotStore store) : IReadOnlyList<RecordedBallot>
    {
        public int Count => store._count;

        public RecordedBallot this[int index] => index >= 0 && index < store._count ? store.At(index).ToRecord() : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<RecordedBallot> GetEnumerator()
        {
            for (var i = 0; i < store._count; i++)
            {
                yield return store.At(i).ToRecord();
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class CurrentView(BallotStore store) : IReadOnlyCollection<RecordedBallot>
    {
        public int Count => store._current.Count;

        public IEnumerator<RecordedBallot> GetEnumerator()
        {
            foreach (var place in store._current.Values)
            {
                yield return store.At(place).ToRecord();
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
