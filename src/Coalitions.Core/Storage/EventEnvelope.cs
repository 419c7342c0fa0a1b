using Coalitions.Core.Kernel;
using NodaTime;

namespace Coalitions.Core.Storage;

/// <summary>A stored event read back: the domain event with where and when it was stored and why.</summary>
/// <param name="EventId">Its unique id.</param>
/// <param name="StreamName">Its stream.</param>
/// <param name="Version">Its place in the stream, from 1.</param>
/// <param name="Position">Its place in the global log, from 1.</param>
/// <param name="EventType">Its type discriminator, after upcasting.</param>
/// <param name="SchemaVersion">The version of its JSON shape as stored, before upcasting.</param>
/// <param name="RecordedAt">When it was stored.</param>
/// <param name="Metadata">Correlation, causation and the acting person.</param>
/// <param name="Event">The domain event.</param>
public sealed record EventEnvelope(
    Guid EventId,
    string StreamName,
    long Version,
    long Position,
    string EventType,
    int SchemaVersion,
    Instant RecordedAt,
    EventMetadata Metadata,
    IDomainEvent Event);

/// <summary>
/// Why an event was stored, beyond the event itself: the request it belongs to (correlation), the message that caused it
/// (causation) and the person signed in to the host when it was stored, who may differ from the event's actor (a
/// secretariat member acting for a partner, an operator running an import).
/// </summary>
/// <param name="CorrelationId">The id shared by everything one request or job caused.</param>
/// <param name="CausationId">The id of the message or event that caused this one.</param>
/// <param name="ActingPerson">The person signed in to the host.</param>
public sealed record EventMetadata(Guid? CorrelationId = null, Guid? CausationId = null, PersonId? ActingPerson = null)
{
    /// <summary>Gets metadata with nothing in it.</summary>
    public static EventMetadata None { get; } = new();
}
