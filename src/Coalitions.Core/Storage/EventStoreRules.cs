using System.Buffers;
using System.Text;
using System.Text.Json;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;

namespace Coalitions.Core.Storage;

/// <summary>
/// The argument checks and the conflict every <see cref="IEventStore"/> shares, so that stores in other packages refuse the
/// same things in the same words.
/// </summary>
/// <threadsafety>All members are safe to call from several threads.</threadsafety>
public static class EventStoreRules
{
    /// <summary>The longest stream name a store accepts.</summary>
    public const int MaxStreamNameLength = 200;

    /// <summary>
    /// Checks a stream name: not blank, at most <see cref="MaxStreamNameLength"/> characters, no control characters and
    /// no half of a character (an unpaired surrogate), which stores that encode UTF-8 could not keep exactly.
    /// </summary>
    /// <param name="streamName">The stream name.</param>
    /// <exception cref="ArgumentException">The name breaks one of those rules.</exception>
    public static void CheckStreamName(string streamName)
    {
        Preconditions.CheckArgument(
            IsName(streamName),
            nameof(streamName),
            $"A stream name is not blank, has at most {MaxStreamNameLength} characters and no control characters.");
    }

    /// <summary>Checks the arguments of <see cref="IEventStore.AppendAsync"/>.</summary>
    /// <param name="streamName">The stream name.</param>
    /// <param name="expectedVersion">The expected version.</param>
    /// <param name="events">The events.</param>
    /// <exception cref="ArgumentException">A bad stream name, a negative version or one too large to add the events to, no events, a null event, two events with one id, a blank type or one with control characters, or data or metadata that is not one JSON text.</exception>
    public static void CheckAppend(string streamName, long expectedVersion, IReadOnlyList<EventData> events)
    {
        CheckStreamName(streamName);
        Preconditions.CheckArgumentRange(expectedVersion >= 0, nameof(expectedVersion), expectedVersion, "An expected version is 0 (a new stream) or more.");
        Preconditions.CheckNotNull(events, nameof(events));
        Preconditions.CheckArgument(events.Count > 0, nameof(events), "An append holds at least one event.");
        // The stores add the events' count to the expected version: an expected version near the top of the range would
        // overflow (an OverflowException) instead of meeting the stream's version and being refused as a conflict.
        Preconditions.CheckArgumentRange(expectedVersion <= long.MaxValue - events.Count, nameof(expectedVersion), expectedVersion, "An expected version leaves room for the events appended after it.");
        var ids = new HashSet<Guid>();
        foreach (var data in events)
        {
            Preconditions.CheckNotNull(data, nameof(events));
            Preconditions.CheckArgument(data.EventId != Guid.Empty && ids.Add(data.EventId), nameof(events), "Every event has its own non-empty id.");
            Preconditions.CheckArgument(IsName(data.EventType), nameof(events), "Every event has a type of at most 200 characters, without control characters.");
            Preconditions.CheckArgument(data.SchemaVersion >= 1, nameof(events), "Schema versions start at 1.");
            Preconditions.CheckNotNull(data.Data, nameof(events));
            Preconditions.CheckNotNull(data.Metadata, nameof(events));
            Preconditions.CheckArgument(IsOneJsonText(data.Data) && IsOneJsonText(data.Metadata), nameof(events), "Every event's data and metadata are each one JSON text.");
        }
    }

    /// <summary>Checks the argument of <see cref="ISnapshotStore.SaveSnapshotAsync"/>.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <exception cref="ArgumentException">No snapshot, a bad stream name, a version or schema version below 1, or data that is not one JSON text.</exception>
    public static void CheckSnapshot(StoredSnapshot snapshot)
    {
        Preconditions.CheckNotNull(snapshot, nameof(snapshot));
        CheckStreamName(snapshot.StreamName);
        Preconditions.CheckArgumentRange(snapshot.Version >= 1, nameof(snapshot), snapshot.Version, "A snapshot holds a stream's state at version 1 or later.");
        Preconditions.CheckArgumentRange(snapshot.SchemaVersion >= 1, nameof(snapshot), snapshot.SchemaVersion, "Schema versions start at 1.");
        Preconditions.CheckNotNull(snapshot.Data, nameof(snapshot));
        Preconditions.CheckArgument(IsOneJsonText(snapshot.Data), nameof(snapshot), "A snapshot's data is one JSON text.");
    }

    /// <summary>Checks the arguments of <see cref="IEventStore.ReadStreamAsync"/>.</summary>
    /// <param name="streamName">The stream name.</param>
    /// <param name="fromVersion">The first version to read.</param>
    /// <exception cref="ArgumentException">A bad stream name or a version below 1.</exception>
    public static void CheckReadStream(string streamName, long fromVersion)
    {
        CheckStreamName(streamName);
        Preconditions.CheckArgumentRange(fromVersion >= 1, nameof(fromVersion), fromVersion, "Versions start at 1.");
    }

    /// <summary>Checks the arguments of <see cref="IEventStore.ReadAllAsync"/>.</summary>
    /// <param name="afterPosition">The last position processed.</param>
    /// <param name="maxCount">The most events to read.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative position or a count below 1.</exception>
    public static void CheckReadAll(long afterPosition, int maxCount)
    {
        Preconditions.CheckArgumentRange(afterPosition >= 0, nameof(afterPosition), afterPosition, "Positions start at 1; 0 reads from the beginning.");
        Preconditions.CheckArgumentRange(maxCount >= 1, nameof(maxCount), maxCount, "Read at least one event.");
    }

    /// <summary>
    /// Whether a text is one JSON value, strictly (no comments, no trailing commas, nothing after it but white space) and in
    /// Unicode: what the serializer writes and what a store with JSON columns takes.
    /// </summary>
    internal static bool IsOneJsonText(string text)
    {
        byte[]? rented = null;
        try
        {
            // The strict encoding refuses half of a character rather than writing a replacement for it.
            rented = ArrayPool<byte>.Shared.Rent(CoalitionsJson.StrictUtf8.GetByteCount(text));
            var reader = new Utf8JsonReader(rented.AsSpan(0, CoalitionsJson.StrictUtf8.GetBytes(text, rented)), new JsonReaderOptions { MaxDepth = 1024 });
            if (!reader.Read())
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (Exception e) when (e is JsonException or EncoderFallbackException)
        {
            return false;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool IsName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= MaxStreamNameLength && !name.Any(char.IsControl) && !FreeText.HasUnpairedSurrogate(name);

    /// <summary>The refusal of an append at a version the stream is no longer at.</summary>
    /// <param name="streamName">The stream.</param>
    /// <param name="expectedVersion">The version the writer expected.</param>
    /// <param name="actualVersion">The stream's version.</param>
    /// <returns>A <see cref="CoalitionRuleException"/> coded <c>Kernel.ConcurrencyConflict</c>.</returns>
    public static CoalitionRuleException Conflict(string streamName, long expectedVersion, long actualVersion) =>
        new(
            ErrorCodes.Kernel.ConcurrencyConflict,
            $"{streamName} is at version {actualVersion}, not {expectedVersion} as expected: someone else changed it since it was loaded. Load it again and retry.");

    /// <summary>Whether an exception is the refusal of an append at a stale version: the one failure worth retrying on fresh state.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns><see langword="true"/> for a <see cref="CoalitionRuleException"/> coded <c>Kernel.ConcurrencyConflict</c>.</returns>
    public static bool IsConflict(Exception? exception) =>
        exception is CoalitionRuleException refusal && refusal.Has(ErrorCodes.Kernel.ConcurrencyConflict);
}
