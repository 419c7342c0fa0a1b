using NodaTime;

namespace Coalitions.Core.Storage;

/// <summary>
/// Keeps the latest snapshot of a stream: an aggregate's state at a version, so a long stream (a proposal with a hundred
/// thousand ballots) loads from the snapshot plus the events after it.
/// </summary>
/// <remarks>
/// A snapshot is a cache, never the record: the events stay the truth. A snapshot that cannot be read (an older shape)
/// is ignored and the aggregate is rebuilt from its events.
/// </remarks>
/// <threadsafety>Implementations are safe to call from several threads at once.</threadsafety>
public interface ISnapshotStore
{
    /// <summary>Stores a snapshot, unless the store already holds one of the stream at a later version.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the snapshot is stored.</returns>
    Task SaveSnapshotAsync(StoredSnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>Reads the latest snapshot of a stream.</summary>
    /// <param name="streamName">The stream.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshot, or <see langword="null"/> when there is none.</returns>
    Task<StoredSnapshot?> LoadSnapshotAsync(string streamName, CancellationToken cancellationToken = default);
}

/// <summary>An aggregate's state at a version of its stream, as JSON.</summary>
/// <param name="StreamName">The stream.</param>
/// <param name="Version">The stream version the state includes.</param>
/// <param name="SchemaVersion">The version of the snapshot's JSON shape; a snapshot of another shape is ignored.</param>
/// <param name="TakenAt">When it was taken.</param>
/// <param name="Data">The state as JSON text.</param>
public sealed record StoredSnapshot(string StreamName, long Version, int SchemaVersion, Instant TakenAt, string Data);
