using System.Collections;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Storage;

/// <summary>
/// A stream's stored events as the aggregate store hands them to an aggregate's replay: still text, read one at a time as
/// the replay reaches them. An aggregate that reads some event types from their text itself (a proposal's ballots, by far
/// the most numerous events) applies those without building an event object; every other event is read by the store's
/// serializer, upcasters included. Enumerated as a plain sequence, it reads every event with the serializer.
/// </summary>
internal sealed class StoredEventSequence : IEnumerable<IDomainEvent>
{
    private readonly IReadOnlyList<StoredEvent> _records;
    private readonly int _skip;
    private readonly EventSerializer _serializer;
    private string? _lastType;
    private int _lastVersion;
    private bool _lastAsWritten;

    /// <summary>Initializes a sequence of the records after the first <paramref name="skip"/>, already checked to have no gaps.</summary>
    public StoredEventSequence(IReadOnlyList<StoredEvent> records, int skip, EventSerializer serializer)
    {
        _records = records;
        _skip = skip;
        _serializer = serializer;
    }

    /// <summary>Gets the number of events.</summary>
    public int Count => _records.Count - _skip;

    /// <summary>Gets the stored event at a place in the sequence, from 0.</summary>
    public StoredEvent this[int index] => _records[_skip + index];

    /// <summary>Reads a stored event the general way.</summary>
    public IDomainEvent Read(StoredEvent record) => _serializer.Deserialize(record);

    /// <summary>
    /// Whether a stored event's text is exactly what this version of the library writes for its type (the type's current
    /// schema version, with no upcaster to run), so an aggregate may read it from its text.
    /// </summary>
    public bool ReadsAsWritten(StoredEvent record)
    {
        // Consecutive events are mostly of one type (ballots): the answer for the last type and version is kept.
        if (record.SchemaVersion != _lastVersion || !string.Equals(record.EventType, _lastType, StringComparison.Ordinal))
        {
            (_lastType, _lastVersion) = (record.EventType, record.SchemaVersion);
            _lastAsWritten = _serializer.ReadsAsWritten(record.EventType, record.SchemaVersion);
        }

        return _lastAsWritten;
    }

    /// <inheritdoc />
    public IEnumerator<IDomainEvent> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return Read(this[i]);
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
