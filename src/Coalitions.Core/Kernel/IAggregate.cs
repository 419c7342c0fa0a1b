namespace Coalitions.Core.Kernel;

/// <summary>
/// Every aggregate seen without its type: what a store needs to save it. Each aggregate lives in a stream of its own
/// (<see cref="StreamName"/>), was loaded at a committed version (<see cref="OriginalVersion"/>) and may hold new events
/// that wait to be stored (<see cref="UncommittedEvents"/>).
/// </summary>
/// <remarks>
/// <para>Hosts rarely need this view: <c>Coalitions.Core.Storage.AggregateStore</c> loads and saves aggregates through it,
/// appending the uncommitted events at <see cref="OriginalVersion"/> so that a concurrent change is refused, never lost.</para>
/// </remarks>
/// <threadsafety>Aggregates are not thread-safe; neither is this view of them.</threadsafety>
public interface IAggregate
{
    /// <summary>
    /// Gets the name of the aggregate's stream, <c>{category}-{id}</c> such as <c>proposal-0f8fad5b-d9cb-469f-a165-70867728950e</c>.
    /// The category is distinct per aggregate type, so a coalition and its governance, which share one id, never share a stream.
    /// </summary>
    string StreamName { get; }

    /// <summary>Gets the number of events applied so far, committed and uncommitted.</summary>
    long Version { get; }

    /// <summary>
    /// Gets the version the aggregate had in its store when it was loaded (or last saved): <see cref="Version"/> less the
    /// uncommitted events. New events are appended at this expected version; 0 for an aggregate never stored.
    /// </summary>
    long OriginalVersion { get; }

    /// <summary>Gets the events raised since the aggregate was loaded or last saved, oldest first, without handing them over.</summary>
    IReadOnlyList<IDomainEvent> UncommittedEvents { get; }

    /// <summary>Hands over the uncommitted events and forgets them: call it once they are stored.</summary>
    /// <returns>The new events, oldest first.</returns>
    IReadOnlyList<IDomainEvent> DequeueUncommittedEvents();
}
