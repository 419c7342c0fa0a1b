using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;
using NodaTime;

namespace Coalitions.Core.Storage;

/// <summary>
/// Turns domain events into <see cref="EventData"/> for a store and stored events back into domain events: the type map
/// both ways (type discriminator ↔ CLR type), the schema version of each type, and the upcasters that read events written
/// by older versions of the library.
/// </summary>
/// <remarks>
/// <para>The data of a stored event is exactly <see cref="CoalitionsJson.SerializeEvent"/>'s JSON, with its <c>$type</c>
/// discriminator; the type and schema version are stored beside it as well, so a projection can filter without parsing.</para>
/// <para>Anything unreadable in a stored event (malformed JSON, an unknown type, a schema version no upcaster reads, a
/// value the event cannot hold) is reported as one <see cref="StoredEventException"/> coded
/// <see cref="ErrorCodes.Kernel.UnreadableEvent"/>, naming the stream, the version and the position.</para>
/// </remarks>
/// <threadsafety>Immutable and safe to share between threads.</threadsafety>
public sealed class EventSerializer
{
    private const string TypeProperty = "$type";

    private readonly FrozenDictionary<(string Type, int Version), EventUpcaster> _upcasters;
    private readonly FrozenDictionary<string, Type> _typeByName;
    private readonly FrozenDictionary<Type, string> _nameByType;
    private readonly FrozenDictionary<string, int> _currentVersion;
    private readonly FrozenSet<string> _readable;

    /// <summary>Initializes a serializer with upcasters for events written by older versions.</summary>
    /// <param name="upcasters">The upcasters; at most one per stored type and schema version, each chain ending at a known event type.</param>
    /// <exception cref="ArgumentException">Two upcasters read the same type and version, a chain loops, or a chain ends at a type this library does not know.</exception>
    public EventSerializer(IEnumerable<EventUpcaster> upcasters)
    {
        Preconditions.CheckNotNull(upcasters, nameof(upcasters));
        _nameByType = CoalitionsJson.EventTypes.ToFrozenDictionary();
        _typeByName = _nameByType.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
        var byKey = new Dictionary<(string, int), EventUpcaster>();
        foreach (var upcaster in upcasters)
        {
            Preconditions.CheckNotNull(upcaster, nameof(upcasters));
            Preconditions.CheckArgument(byKey.TryAdd((upcaster.FromType, upcaster.FromVersion), upcaster), nameof(upcasters), $"Two upcasters read {upcaster.FromType} v{upcaster.FromVersion}.");
        }

        var current = _typeByName.Keys.ToDictionary(name => name, _ => 1, StringComparer.Ordinal);
        foreach (var upcaster in byKey.Values)
        {
            var (type, version) = (upcaster.ToType, upcaster.ToVersion);
            for (var steps = 0; byKey.TryGetValue((type, version), out var next); steps++)
            {
                Preconditions.CheckArgument(steps < byKey.Count, nameof(upcasters), $"The upcasters from {upcaster} loop.");
                (type, version) = (next.ToType, next.ToVersion);
            }

            Preconditions.CheckArgument(_typeByName.ContainsKey(type), nameof(upcasters), $"The upcasters from {upcaster} end at {type}, which is not an event type of this library.");
            current[type] = Math.Max(current[type], version);
        }

        _upcasters = byKey.ToFrozenDictionary();
        _readable = _typeByName.Keys.Concat(byKey.Keys.Select(k => k.Item1)).ToFrozenSet(StringComparer.Ordinal);
        _currentVersion = current.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Gets the serializer with the library's own upcasters: the one hosts use unless they add their own.</summary>
    public static EventSerializer Default { get; } = new(EventUpcasters.All);

    /// <summary>Gets the type discriminator of every event type, the CLR type it names, both ways.</summary>
    public IReadOnlyDictionary<string, Type> EventTypes => _typeByName;

    /// <summary>The type discriminator of an event type.</summary>
    /// <param name="eventType">An event type of this library.</param>
    /// <returns>Its discriminator, such as <c>Decisions.BallotCast</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="eventType"/> is not an event type of this library.</exception>
    public string TypeNameOf(Type eventType)
    {
        Preconditions.CheckNotNull(eventType, nameof(eventType));
        return _nameByType.TryGetValue(eventType, out var name)
            ? name
            : throw new ArgumentException($"{eventType.Name} is not an event type of Coalitions.Core.", nameof(eventType));
    }

    /// <summary>The current schema version of an event type: the version new events are written with.</summary>
    /// <param name="typeName">The type discriminator.</param>
    /// <returns>The version, from 1.</returns>
    /// <exception cref="ArgumentException"><paramref name="typeName"/> is not an event type of this library.</exception>
    public int SchemaVersionOf(string typeName)
    {
        Preconditions.CheckNotNull(typeName, nameof(typeName));
        return _currentVersion.TryGetValue(typeName, out var version)
            ? version
            : throw new ArgumentException($"{typeName} is not an event type of Coalitions.Core.", nameof(typeName));
    }

    /// <summary>Whether a stored type names a domain event this serializer reads (a current type, or an old one an upcaster reads).</summary>
    /// <param name="typeName">The stored type discriminator.</param>
    /// <returns><see langword="true"/> for a domain event; <see langword="false"/> for anything else a host stored in the same log.</returns>
    public bool IsDomainEvent(string typeName) =>
        typeName is not null && _readable.Contains(typeName);

    /// <summary>Serializes an event for a store.</summary>
    /// <param name="domainEvent">The event.</param>
    /// <param name="eventId">Its unique id.</param>
    /// <param name="recordedAt">When it is stored.</param>
    /// <param name="metadata">Its metadata, if any.</param>
    /// <returns>The data to append.</returns>
    public EventData Serialize(IDomainEvent domainEvent, Guid eventId, Instant recordedAt, EventMetadata? metadata = null)
    {
        Preconditions.CheckNotNull(domainEvent, nameof(domainEvent));
        var typeName = TypeNameOf(domainEvent.GetType());
        return new EventData(eventId, typeName, SchemaVersionOf(typeName), recordedAt, CoalitionsJson.SerializeEvent(domainEvent), SerializeMetadata(metadata ?? EventMetadata.None));
    }

    /// <summary>Whether stored events of this type and schema version are read as they are: the type's current version, with no upcaster to run.</summary>
    internal bool ReadsAsWritten(string typeName, int version) =>
        typeName is not null && _currentVersion.TryGetValue(typeName, out var current) && current == version && !_upcasters.ContainsKey((typeName, version));

    /// <summary>Reads a stored event, upcasting it first if an older version of the library wrote it.</summary>
    /// <param name="stored">The stored event.</param>
    /// <returns>The domain event.</returns>
    /// <exception cref="StoredEventException">The event cannot be read (<c>Kernel.UnreadableEvent</c>).</exception>
    public IDomainEvent Deserialize(StoredEvent stored)
    {
        Preconditions.CheckNotNull(stored, nameof(stored));
        var (typeName, version, json) = Upcast(stored);
        if (!_typeByName.TryGetValue(typeName, out var type))
        {
            throw Unreadable(stored, $"{typeName} is not an event type of this version of Coalitions.Core.");
        }

        var current = _currentVersion[typeName];
        if (version != current)
        {
            throw Unreadable(stored, version > current
                ? $"it has schema version {version}, written by a newer version of Coalitions.Core than this one, which reads up to {current}."
                : $"no upcaster reads schema version {version} of {typeName} (the current version is {current}).");
        }

        IDomainEvent domainEvent;
        try
        {
            domainEvent = CoalitionsJson.DeserializeEvent(json);
        }
        catch (StoredEventException inner)
        {
            // Named where it is stored, as every other unreadable event is: its version and its type as stored.
            throw new StoredEventException(inner.Code, $"{Where(stored)}: {inner.Message}", stored.Version, stored.EventType, inner);
        }
        catch (Exception inner) when (inner is not OutOfMemoryException)
        {
            throw Unreadable(stored, inner.Message, inner);
        }

        return domainEvent.GetType() == type
            ? domainEvent
            : throw Unreadable(stored, $"its data holds a {TypeNameOf(domainEvent.GetType())}, but it is stored as {typeName}.");
    }

    /// <summary>Reads a stored event with its envelope: ids, places, time and metadata.</summary>
    /// <param name="stored">The stored event.</param>
    /// <returns>The envelope.</returns>
    /// <exception cref="StoredEventException">The event or its metadata cannot be read (<c>Kernel.UnreadableEvent</c>).</exception>
    public EventEnvelope ToEnvelope(StoredEvent stored)
    {
        var domainEvent = Deserialize(stored);
        EventMetadata metadata;
        try
        {
            metadata = string.IsNullOrWhiteSpace(stored.Metadata)
                ? EventMetadata.None
                : JsonSerializer.Deserialize(stored.Metadata, StorageJsonContext.Default.EventMetadata) ?? EventMetadata.None;
        }
        catch (Exception inner) when (inner is not OutOfMemoryException)
        {
            throw Unreadable(stored, $"its metadata cannot be read: {inner.Message}", inner);
        }

        return new EventEnvelope(stored.EventId, stored.StreamName, stored.Version, stored.Position, TypeNameOf(domainEvent.GetType()), stored.SchemaVersion, stored.RecordedAt, metadata, domainEvent);
    }

    private static string SerializeMetadata(EventMetadata metadata) =>
        JsonSerializer.Serialize(metadata, StorageJsonContext.Default.EventMetadata);

    private static string Where(StoredEvent stored) =>
        $"Event {stored.Version} of {stored.StreamName} ({stored.EventType} v{stored.SchemaVersion}, global position {stored.Position})";

    private static StoredEventException Unreadable(StoredEvent stored, string why, Exception? inner = null) =>
        new(ErrorCodes.Kernel.UnreadableEvent, $"{Where(stored)} cannot be read: {why}", stored.Version, stored.EventType, inner);

    private (string Type, int Version, string Json) Upcast(StoredEvent stored)
    {
        var (type, version) = (stored.EventType, stored.SchemaVersion);
        if (!_upcasters.ContainsKey((type, version)))
        {
            return (type, version, stored.Data);
        }

        JsonObject json;
        try
        {
            json = JsonNode.Parse(stored.Data) as JsonObject ?? throw new JsonException("The data is not a JSON object.");
        }
        catch (JsonException inner)
        {
            throw Unreadable(stored, inner.Message, inner);
        }

        while (_upcasters.TryGetValue((type, version), out var upcaster))
        {
            try
            {
                json = upcaster.Transform(json) ?? throw new InvalidOperationException("The upcaster returned null.");
            }
            catch (Exception inner) when (inner is not OutOfMemoryException)
            {
                throw Unreadable(stored, $"upcasting {upcaster} failed: {inner.Message}", inner);
            }

            (type, version) = (upcaster.ToType, upcaster.ToVersion);
        }

        // The type discriminator leads: System.Text.Json reads it only as the first property.
        var properties = json.Where(p => p.Key != TypeProperty).ToArray();
        json.Clear();
        var result = new JsonObject { [TypeProperty] = type };
        foreach (var (name, value) in properties)
        {
            result[name] = value;
        }

        return (type, version, result.ToJsonString());
    }
}
