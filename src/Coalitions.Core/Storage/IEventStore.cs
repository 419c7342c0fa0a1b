using NodaTime;

namespace Coalitions.Core.Storage;

/// <summary>
/// An append-only log of events in streams, one stream per aggregate: the contract every store implements (in memory,
/// SQLite, PostgreSQL) and one conformance suite checks.
/// </summary>
/// <remarks>
/// <para><b>Versions.</b> A stream's events are numbered 1, 2, 3, … without gaps: an event's version is its place in its
/// stream. A stream's version is the version of its last event, 0 for a stream with no events.</para>
/// <para><b>Positions.</b> Every event also has a global position, 1, 2, 3, … across all streams, in the order the appends
/// committed. A projection that has processed everything up to position <c>p</c> reads on with
/// <see cref="ReadAllAsync"/> after <c>p</c> and never misses an event: no event ever appears later with a lower position.</para>
/// <para><b>Optimistic concurrency.</b> <see cref="AppendAsync"/> appends only at the version the writer expects. When the
/// stream has moved on, the append is refused with a <see cref="Kernel.CoalitionRuleException"/> coded
/// <c>Kernel.ConcurrencyConflict</c> and nothing is written.</para>
/// <para><b>Idempotent retry.</b> Appending events whose ids are already stored, at the same versions of the same stream,
/// writes nothing and returns the result of the first append, so a writer that lost the answer (a timeout) may simply retry.</para>
/// <para>Stores do not read the data: <see cref="EventSerializer"/> turns events into <see cref="EventData"/> and back.</para>
/// </remarks>
/// <threadsafety>Implementations are safe to call from several threads at once.</threadsafety>
public interface IEventStore
{
    /// <summary>Appends events to a stream at an expected version, all or none.</summary>
    /// <param name="streamName">The stream, such as <c>proposal-0f8fad5b-d9cb-469f-a165-70867728950e</c>.</param>
    /// <param name="expectedVersion">The stream's version the writer saw: 0 for a new stream.</param>
    /// <param name="events">The events, at least one, oldest first; they get versions <paramref name="expectedVersion"/> + 1, + 2, ….</param>
    /// <param name="cancellationToken">Cancels the append before it commits.</param>
    /// <returns>The stream's new version and the global position of the last event.</returns>
    /// <exception cref="Kernel.CoalitionRuleException">The stream is not at <paramref name="expectedVersion"/> (<c>Kernel.ConcurrencyConflict</c>).</exception>
    /// <exception cref="ArgumentException">A blank or over-long stream name, no events, or a negative expected version.</exception>
    Task<AppendResult> AppendAsync(string streamName, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default);

    /// <summary>Reads a stream's events from a version on, oldest first.</summary>
    /// <param name="streamName">The stream.</param>
    /// <param name="fromVersion">The first version to read, from 1.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events; empty when the stream does not exist or ends before <paramref name="fromVersion"/>.</returns>
    /// <exception cref="ArgumentException">A blank stream name or a version below 1.</exception>
    Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamName, long fromVersion, CancellationToken cancellationToken = default);

    /// <summary>Reads the events of all streams after a global position, in position order: the feed of projections.</summary>
    /// <param name="afterPosition">The last position already processed; 0 to read from the beginning.</param>
    /// <param name="maxCount">The most events to return, 1 or more.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Up to <paramref name="maxCount"/> events with positions above <paramref name="afterPosition"/>; empty at the end of the log.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A negative position or a count below 1.</exception>
    Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default);
}

/// <summary>An event to append, already serialized.</summary>
/// <param name="EventId">A unique id; appending the same ids at the same versions again is a harmless retry.</param>
/// <param name="EventType">The event's type discriminator, such as <c>Decisions.BallotCast</c>.</param>
/// <param name="SchemaVersion">The version of the event's JSON shape, from 1.</param>
/// <param name="RecordedAt">When it was stored.</param>
/// <param name="Data">The event as JSON text.</param>
/// <param name="Metadata">The envelope's metadata as JSON text (<c>{}</c> when there is none).</param>
public sealed record EventData(Guid EventId, string EventType, int SchemaVersion, Instant RecordedAt, string Data, string Metadata);

/// <summary>An event as stored: its data with its place in its stream and in the global log.</summary>
/// <param name="EventId">Its unique id.</param>
/// <param name="StreamName">Its stream.</param>
/// <param name="Version">Its place in the stream, from 1.</param>
/// <param name="Position">Its place in the global log, from 1.</param>
/// <param name="EventType">Its type discriminator, as written.</param>
/// <param name="SchemaVersion">The version of its JSON shape, as written.</param>
/// <param name="RecordedAt">When it was stored.</param>
/// <param name="Data">The event as JSON text.</param>
/// <param name="Metadata">The metadata as JSON text.</param>
public sealed record StoredEvent(Guid EventId, string StreamName, long Version, long Position, string EventType, int SchemaVersion, Instant RecordedAt, string Data, string Metadata);

/// <summary>What an append did.</summary>
/// <param name="Version">The stream's version after the append.</param>
/// <param name="Position">The global position of the last event appended; 0 when nothing was appended.</param>
public sealed record AppendResult(long Version, long Position);
