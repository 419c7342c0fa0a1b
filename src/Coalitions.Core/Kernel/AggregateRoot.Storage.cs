using Coalitions.Core.Storage;

namespace Coalitions.Core.Kernel;

// Storage concerns of every aggregate, kept apart from the event-sourcing core in AggregateRoot.cs: the stream an
// aggregate lives in, the version it was loaded at, and restoring the version when an aggregate comes from a snapshot.
public abstract partial class AggregateRoot<TId> : IAggregate, IReplayable
{
    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The aggregate's type is not registered in the aggregate catalog (a bug in the library).</exception>
    public string StreamName => AggregateType.Of(GetType()).StreamNameFor((ITypedId)Id);

    /// <inheritdoc />
    public long OriginalVersion => Version - _uncommitted.Count;

    /// <inheritdoc />
    public IReadOnlyList<IDomainEvent> UncommittedEvents => _uncommitted.AsReadOnly();

    /// <inheritdoc />
    void IReplayable.ReplayTail(IEnumerable<IDomainEvent> events) => Replay(events);

    /// <summary>Sets the version of an aggregate restored from a snapshot taken at that version.</summary>
    /// <param name="version">The snapshot's version.</param>
    internal void RestoreVersion(long version)
    {
        Preconditions.CheckArgumentRange(version >= 0, nameof(version), version, "A version is zero or more.");
        Version = version;
    }
}

/// <summary>Applies the events stored after a snapshot to the aggregate restored from it.</summary>
internal interface IReplayable
{
    /// <summary>Applies stored events, oldest first, without queuing them.</summary>
    /// <param name="events">The events after the snapshot.</param>
    void ReplayTail(IEnumerable<IDomainEvent> events);
}
