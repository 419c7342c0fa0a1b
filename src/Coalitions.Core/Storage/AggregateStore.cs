using System.Runtime.CompilerServices;
using Coalitions.Core.Kernel;
using NodaTime;

namespace Coalitions.Core.Storage;

/// <summary>
/// Loads and saves aggregates through an <see cref="IEventStore"/>: the stream name from the aggregate catalog, the events
/// through the <see cref="EventSerializer"/> (upcasting old ones), the expected version from
/// <see cref="IAggregate.OriginalVersion"/>, and snapshots for long streams.
/// </summary>
/// <remarks>
/// <para>Saving appends the aggregate's uncommitted events at the version it was loaded at. When someone else saved the
/// same aggregate in between, the save is refused with a <see cref="CoalitionRuleException"/> coded
/// <c>Kernel.ConcurrencyConflict</c>, nothing is written and the aggregate keeps its uncommitted events; load it again and
/// repeat the command, or let <see cref="UpdateAsync{TAggregate}"/> do so.</para>
/// <para>A failed save may simply be retried with the same aggregate: its events keep their ids, and the store recognizes
/// an append it already holds.</para>
/// </remarks>
/// <threadsafety>Safe to share between threads; the aggregates it returns are not.</threadsafety>
public sealed class AggregateStore
{
    private readonly IClock _clock;
    private readonly ConditionalWeakTable<IDomainEvent, StrongBox<Guid>> _eventIds = [];

    /// <summary>Initializes an aggregate store.</summary>
    /// <param name="events">The event store.</param>
    /// <param name="clock">The clock that stamps when events and snapshots are recorded.</param>
    /// <param name="options">Serializer, snapshots and retries; the defaults when omitted.</param>
    public AggregateStore(IEventStore events, IClock clock, AggregateStoreOptions? options = null)
    {
        Events = Preconditions.CheckNotNull(events, nameof(events));
        _clock = Preconditions.CheckNotNull(clock, nameof(clock));
        Options = options ?? new AggregateStoreOptions();
        Preconditions.CheckArgumentRange(Options.SnapshotEvery >= 0, nameof(options), Options.SnapshotEvery, "SnapshotEvery is 0 (never) or more.");
        Preconditions.CheckArgumentRange(Options.MaxAttempts >= 1, nameof(options), Options.MaxAttempts, "MaxAttempts is 1 or more.");
        Snapshots = Options.Snapshots ?? events as ISnapshotStore;
    }

    /// <summary>Gets the event store.</summary>
    public IEventStore Events { get; }

    /// <summary>Gets the snapshot store, if any: the one in the options, else the event store when it keeps snapshots too.</summary>
    public ISnapshotStore? Snapshots { get; }

    /// <summary>Gets the options.</summary>
    public AggregateStoreOptions Options { get; }

    /// <summary>Loads an aggregate by its id.</summary>
    /// <typeparam name="TAggregate">The aggregate type; it names the stream's category.</typeparam>
    /// <param name="id">The aggregate's typed id.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The aggregate, at its latest version, with no uncommitted events.</returns>
    /// <exception cref="CoalitionRuleException">No such aggregate (<c>Storage.StreamNotFound</c>).</exception>
    /// <exception cref="StoredEventException">A stored event cannot be read or the history is corrupt.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not the id type of <typeparamref name="TAggregate"/>.</exception>
    public async Task<TAggregate> LoadAsync<TAggregate>(ITypedId id, CancellationToken cancellationToken = default)
        where TAggregate : class, IAggregate =>
        await TryLoadAsync<TAggregate>(id, cancellationToken).ConfigureAwait(false) ?? throw NotFound(AggregateType.Of<TAggregate>().StreamNameFor(id));

    /// <summary>Loads an aggregate by its id, if it exists.</summary>
    /// <typeparam name="TAggregate">The aggregate type.</typeparam>
    /// <param name="id">The aggregate's typed id.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The aggregate, or <see langword="null"/> when its stream holds no events.</returns>
    /// <exception cref="StoredEventException">A stored event cannot be read or the history is corrupt.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not the id type of <typeparamref name="TAggregate"/>.</exception>
    public async Task<TAggregate?> TryLoadAsync<TAggregate>(ITypedId id, CancellationToken cancellationToken = default)
        where TAggregate : class, IAggregate
    {
        var type = AggregateType.Of<TAggregate>();
        return (TAggregate?)await LoadCoreAsync(type, type.StreamNameFor(id), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Loads an aggregate by its stream name, whatever its type: for code that works from the log (a scheduler, a projection).</summary>
    /// <param name="streamName">The stream, such as <c>poll-0f8fad5b-d9cb-469f-a165-70867728950e</c>.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The aggregate.</returns>
    /// <exception cref="CoalitionRuleException">The name does not follow the convention (<c>Storage.UnknownStream</c>) or no such stream exists (<c>Storage.StreamNotFound</c>).</exception>
    /// <exception cref="StoredEventException">A stored event cannot be read or the history is corrupt.</exception>
    public async Task<IAggregate> LoadAsync(string streamName, CancellationToken cancellationToken = default)
    {
        if (!AggregateType.TryParseStreamName(streamName, out var type, out _))
        {
            throw new CoalitionRuleException(ErrorCodes.Storage.UnknownStream, $"'{streamName}' is not {{category}}-{{id}} for any aggregate type ({string.Join(", ", AggregateType.All)}).");
        }

        return await LoadCoreAsync(type, streamName, cancellationToken).ConfigureAwait(false) ?? throw NotFound(streamName);
    }

    /// <summary>
    /// Saves an aggregate's uncommitted events, appending them at the version it was loaded at, then forgets them. Takes a
    /// snapshot when the save crosses a multiple of <see cref="AggregateStoreOptions.SnapshotEvery"/> events.
    /// </summary>
    /// <param name="aggregate">The aggregate.</param>
    /// <param name="metadata">Correlation, causation and the acting person, stored with every event.</param>
    /// <param name="cancellationToken">Cancels the save before it commits.</param>
    /// <returns>The stream's new version and the global position of its last event; position 0 when there was nothing to save.</returns>
    /// <exception cref="CoalitionRuleException">Someone else saved the aggregate since it was loaded (<c>Kernel.ConcurrencyConflict</c>); the aggregate keeps its events.</exception>
    public async Task<AppendResult> SaveAsync(IAggregate aggregate, EventMetadata? metadata = null, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(aggregate, nameof(aggregate));
        var pending = aggregate.UncommittedEvents;
        if (pending.Count == 0)
        {
            return new AppendResult(aggregate.Version, 0);
        }

        var original = aggregate.OriginalVersion;
        var recordedAt = _clock.GetCurrentInstant();
        var data = pending.Select(e => Options.Serializer.Serialize(e, IdOf(e), recordedAt, metadata)).ToArray();
        var result = await Events.AppendAsync(aggregate.StreamName, original, data, cancellationToken).ConfigureAwait(false);
        aggregate.DequeueUncommittedEvents();

        var every = Options.SnapshotEvery;
        if (every > 0 && Snapshots is not null && AggregateType.Of(aggregate.GetType()).SupportsSnapshots && original / every != aggregate.Version / every)
        {
            await SaveSnapshotAsync(aggregate, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// Loads an aggregate, runs a command on it and saves it; when someone else saved it in between, loads it again and runs
    /// the command again on the fresh state, up to <see cref="AggregateStoreOptions.MaxAttempts"/> times in all.
    /// </summary>
    /// <typeparam name="TAggregate">The aggregate type.</typeparam>
    /// <param name="id">The aggregate's typed id.</param>
    /// <param name="command">The command, such as <c>p => p.CastBallot(...)</c>; it may run more than once, so it should only call the aggregate.</param>
    /// <param name="metadata">Metadata stored with the events.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The aggregate as saved.</returns>
    /// <exception cref="CoalitionRuleException">The command was refused (its own code), no such aggregate (<c>Storage.StreamNotFound</c>), or still a conflict after the last attempt (<c>Kernel.ConcurrencyConflict</c>).</exception>
    public async Task<TAggregate> UpdateAsync<TAggregate>(ITypedId id, Action<TAggregate> command, EventMetadata? metadata = null, CancellationToken cancellationToken = default)
        where TAggregate : class, IAggregate
    {
        Preconditions.CheckNotNull(command, nameof(command));
        for (var attempt = 1; ; attempt++)
        {
            var aggregate = await LoadAsync<TAggregate>(id, cancellationToken).ConfigureAwait(false);
            command(aggregate);
            try
            {
                await SaveAsync(aggregate, metadata, cancellationToken).ConfigureAwait(false);
                return aggregate;
            }
            catch (CoalitionRuleException conflict) when (EventStoreRules.IsConflict(conflict) && attempt < Options.MaxAttempts)
            {
                // Someone else got there first: run the command again on what they saved.
            }
        }
    }

    /// <summary>Saves a snapshot of an aggregate's committed state, so it later loads from the snapshot plus the events after it.</summary>
    /// <param name="aggregate">The aggregate; it holds no uncommitted events (save it first).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the snapshot is stored.</returns>
    /// <exception cref="ArgumentException">The aggregate holds uncommitted events, or its type takes no snapshots.</exception>
    /// <exception cref="InvalidOperationException">No snapshot store is configured.</exception>
    public async Task SaveSnapshotAsync(IAggregate aggregate, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(aggregate, nameof(aggregate));
        var type = AggregateType.Of(aggregate.GetType());
        Preconditions.CheckArgument(type.Snapshots is not null, nameof(aggregate), $"{type.Type.Name} takes no snapshots.");

        // A snapshot of events that are not stored yet could outlive a failed save and hide another writer's events.
        Preconditions.CheckArgument(aggregate.UncommittedEvents.Count == 0, nameof(aggregate), "Only the committed state is snapshotted: save the aggregate first.");
        var snapshots = Snapshots ?? throw new InvalidOperationException("No snapshot store is configured: set AggregateStoreOptions.Snapshots or use an event store that keeps snapshots.");
        var snapshot = new StoredSnapshot(aggregate.StreamName, aggregate.Version, type.Snapshots.SchemaVersion, _clock.GetCurrentInstant(), type.Snapshots.Take(aggregate));
        await snapshots.SaveSnapshotAsync(snapshot, cancellationToken).ConfigureAwait(false);
    }

    private static CoalitionRuleException NotFound(string streamName) =>
        new(ErrorCodes.Storage.StreamNotFound, $"No events are stored in {streamName}.");

    private async Task<IAggregate?> LoadCoreAsync(AggregateType type, string streamName, CancellationToken cancellationToken)
    {
        var (aggregate, from) = await FromSnapshotAsync(type, streamName, cancellationToken).ConfigureAwait(false);
        // After a snapshot, the read starts at the snapshot's own version: that event must be stored, or the snapshot
        // claims a history the stream does not hold (forged, or the stream was rewritten or deleted). Such a snapshot is
        // ignored like an unreadable one, and the events are replayed.
        var stored = await Events.ReadStreamAsync(streamName, Math.Max(from, 1), cancellationToken).ConfigureAwait(false);
        var skip = 0;
        if (aggregate is not null)
        {
            if (stored.Count > 0 && stored[0].Version == from)
            {
                skip = 1;
            }
            else
            {
                (aggregate, from) = (null, 0);
                stored = await Events.ReadStreamAsync(streamName, 1, cancellationToken).ConfigureAwait(false);
            }
        }

        if (aggregate is null && stored.Count == 0)
        {
            return null;
        }

        for (var i = skip; i < stored.Count; i++)
        {
            var record = stored[i];
            if (record.Version != from + i - skip + 1)
            {
                throw new StoredEventException(
                    ErrorCodes.Kernel.CorruptHistory,
                    $"{streamName} skips from version {from + i - skip} to {record.Version}: a stream's versions have no gaps.",
                    record.Version,
                    record.EventType);
            }
        }

        // The events are read as the replay reaches them, and those an aggregate reads from their text (a proposal's
        // ballots) are applied without an event object each.
        var events = new StoredEventSequence(stored, skip, Options.Serializer);
        if (aggregate is null)
        {
            // A stream holds the history of the aggregate it is named for; one holding another's (a host's mix-up, or a
            // forged stream) would otherwise load that other aggregate under this name.
            var rehydrated = type.Rehydrate(events);
            return IsStreamOf(rehydrated, streamName)
                ? rehydrated
                : throw new StoredEventException(
                    ErrorCodes.Kernel.CorruptHistory,
                    $"{streamName} holds the history of {rehydrated.StreamName}: a stream holds only the events of the aggregate it is named for.",
                    1,
                    stored[0].EventType);
        }

        ((IReplayable)aggregate).ReplayTail(events);
        return aggregate;
    }

    private async Task<(IAggregate? Aggregate, long Version)> FromSnapshotAsync(AggregateType type, string streamName, CancellationToken cancellationToken)
    {
        if (type.Snapshots is not { } support || Snapshots is null)
        {
            return (null, 0);
        }

        var snapshot = await Snapshots.LoadSnapshotAsync(streamName, cancellationToken).ConfigureAwait(false);
        if (snapshot is null || snapshot.SchemaVersion != support.SchemaVersion || snapshot.Version < 1)
        {
            return (null, 0);
        }

        try
        {
            // A snapshot of another aggregate stored under this stream's name is a cache that does not fit, like one of another shape.
            var restored = support.Restore(snapshot.Data, snapshot.Version);
            return IsStreamOf(restored, streamName) ? (restored, snapshot.Version) : (null, 0);
        }
        catch (Exception unreadable) when (unreadable is not OutOfMemoryException)
        {
            // A snapshot is a cache: one that cannot be read is ignored, and the events are replayed.
            return (null, 0);
        }
    }

    // The category was matched exactly when the name was parsed; a GUID's hexadecimal digits may come in either case.
    private static bool IsStreamOf(IAggregate aggregate, string streamName) =>
        string.Equals(aggregate.StreamName, streamName, StringComparison.OrdinalIgnoreCase);

    private Guid IdOf(IDomainEvent domainEvent) =>
        _eventIds.GetValue(domainEvent, _ => new StrongBox<Guid>(Guid.NewGuid())).Value;
}

/// <summary>How an <see cref="AggregateStore"/> serializes, snapshots and retries.</summary>
public sealed record AggregateStoreOptions
{
    /// <summary>Gets the serializer, with its upcasters; <see cref="EventSerializer.Default"/> unless set.</summary>
    public EventSerializer Serializer { get; init; } = EventSerializer.Default;

    /// <summary>Gets the snapshot store; when not set, the event store itself if it keeps snapshots.</summary>
    public ISnapshotStore? Snapshots { get; init; }

    /// <summary>Gets how many events apart snapshots are taken automatically on save (1,000 unless set; 0 for never). Only aggregate types that support snapshots are snapshotted.</summary>
    public int SnapshotEvery { get; init; } = 1_000;

    /// <summary>Gets how many times <see cref="AggregateStore.UpdateAsync{TAggregate}"/> tries in all before a conflict is let through (3 unless set).</summary>
    public int MaxAttempts { get; init; } = 3;
}
