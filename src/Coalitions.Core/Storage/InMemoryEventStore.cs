using Coalitions.Core.Kernel;

namespace Coalitions.Core.Storage;

/// <summary>
/// An event and snapshot store in memory, for tests, samples and hosts that keep nothing between runs. It passes the same
/// conformance suite as the SQLite and PostgreSQL stores.
/// </summary>
/// <threadsafety>Safe to use from several threads at once: every operation takes one lock.</threadsafety>
public sealed class InMemoryEventStore : IEventStore, ISnapshotStore
{
    private readonly object _gate = new();
    private readonly List<StoredEvent> _log = [];
    private readonly Dictionary<string, List<StoredEvent>> _streams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredSnapshot> _snapshots = new(StringComparer.Ordinal);

    /// <summary>Gets the number of events stored, in all streams.</summary>
    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _log.Count;
            }
        }
    }

    /// <inheritdoc />
    public Task<AppendResult> AppendAsync(string streamName, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        EventStoreRules.CheckAppend(streamName, expectedVersion, events);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _streams.TryGetValue(streamName, out var stream);
            var actual = stream?.Count ?? 0;
            if (actual != expectedVersion)
            {
                return actual >= expectedVersion + events.Count && SameIds(stream!, expectedVersion, events)
                    ? Task.FromResult(new AppendResult(expectedVersion + events.Count, stream![(int)(expectedVersion + events.Count - 1)].Position))
                    : throw EventStoreRules.Conflict(streamName, expectedVersion, actual);
            }

            stream ??= _streams[streamName] = [];
            foreach (var data in events)
            {
                var stored = new StoredEvent(data.EventId, streamName, stream.Count + 1, _log.Count + 1, data.EventType, data.SchemaVersion, data.RecordedAt, data.Data, data.Metadata);
                stream.Add(stored);
                _log.Add(stored);
            }

            return Task.FromResult(new AppendResult(stream.Count, _log.Count));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamName, long fromVersion, CancellationToken cancellationToken = default)
    {
        EventStoreRules.CheckReadStream(streamName, fromVersion);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<StoredEvent> events = _streams.TryGetValue(streamName, out var stream) && fromVersion <= stream.Count
                ? stream.GetRange((int)(fromVersion - 1), (int)(stream.Count - fromVersion + 1))
                : [];
            return Task.FromResult(events);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        EventStoreRules.CheckReadAll(afterPosition, maxCount);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<StoredEvent> events = afterPosition >= _log.Count
                ? []
                : _log.GetRange((int)afterPosition, (int)Math.Min(maxCount, _log.Count - afterPosition));
            return Task.FromResult(events);
        }
    }

    /// <inheritdoc />
    public Task SaveSnapshotAsync(StoredSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        EventStoreRules.CheckSnapshot(snapshot);
        lock (_gate)
        {
            if (!_snapshots.TryGetValue(snapshot.StreamName, out var held) || held.Version <= snapshot.Version)
            {
                _snapshots[snapshot.StreamName] = snapshot;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<StoredSnapshot?> LoadSnapshotAsync(string streamName, CancellationToken cancellationToken = default)
    {
        EventStoreRules.CheckStreamName(streamName);
        lock (_gate)
        {
            return Task.FromResult(_snapshots.GetValueOrDefault(streamName));
        }
    }

    private static bool SameIds(List<StoredEvent> stream, long expectedVersion, IReadOnlyList<EventData> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (stream[(int)expectedVersion + i].EventId != events[i].EventId)
            {
                return false;
            }
        }

        return true;
    }
}
