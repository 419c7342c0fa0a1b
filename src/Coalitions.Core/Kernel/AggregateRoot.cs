namespace Coalitions.Core.Kernel;

/// <summary>
/// Base of every aggregate. State changes in exactly one way: a command method checks its
/// input and the rules, then raises events; <see cref="Raise"/> applies each event to the
/// state and queues it for the host to store.
/// </summary>
/// <typeparam name="TId">The aggregate's typed id.</typeparam>
/// <remarks>
/// <para>A command that is refused throws <see cref="CoalitionRuleException"/> before it raises
/// any event, so the aggregate is left exactly as it was: same state, same <see cref="Version"/>.</para>
/// <para>Rebuilding from history (each aggregate's static <c>Rehydrate</c>) applies the same
/// events without checks and builds no state machine.</para>
/// </remarks>
/// <threadsafety>Aggregates are not thread-safe. Load one per unit of work and do not share it between threads.</threadsafety>
public abstract partial class AggregateRoot<TId>
    where TId : struct
{
    private readonly List<IDomainEvent> _uncommitted = [];

    /// <summary>Gets the aggregate's id, set by its first event.</summary>
    public TId Id { get; protected set; }

    /// <summary>
    /// Gets the number of events applied so far, from history and from new commands. Hosts use it for
    /// optimistic concurrency: the version read before a command is the version expected when storing.
    /// </summary>
    public long Version { get; private set; }

    /// <summary>Gets a value indicating whether new events wait to be stored.</summary>
    public bool HasUncommittedEvents => _uncommitted.Count > 0;

    /// <summary>Hands over the events raised since the last call and forgets them.</summary>
    /// <returns>The new events, oldest first.</returns>
    public IReadOnlyList<IDomainEvent> DequeueUncommittedEvents()
    {
        var events = _uncommitted.ToArray();
        _uncommitted.Clear();
        return events;
    }

    /// <summary>Applies an event to the state and queues it for storage.</summary>
    /// <param name="domainEvent">The event.</param>
    protected void Raise(IDomainEvent domainEvent)
    {
        Apply(domainEvent);
        Version++;
        _uncommitted.Add(domainEvent);
    }

    /// <summary>Applies past events, oldest first, without queuing them.</summary>
    /// <param name="history">The aggregate's stored events.</param>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> or one of its events is null.</exception>
    protected void Replay(IEnumerable<IDomainEvent> history)
    {
        Preconditions.CheckNotNull(history, nameof(history));
        foreach (var domainEvent in history)
        {
            Apply(Preconditions.CheckNotNull(domainEvent, nameof(history)));
            Version++;
        }
    }

    /// <summary>Applies past events to a freshly constructed aggregate: the body of every aggregate's static <c>Rehydrate</c>.</summary>
    /// <typeparam name="TAggregate">The aggregate type.</typeparam>
    /// <param name="empty">A new, empty instance.</param>
    /// <param name="history">The aggregate's stored events, oldest first.</param>
    /// <returns><paramref name="empty"/>, rebuilt.</returns>
    protected static TAggregate Rebuild<TAggregate>(TAggregate empty, IEnumerable<IDomainEvent> history)
        where TAggregate : AggregateRoot<TId>
    {
        Preconditions.CheckNotNull(empty, nameof(empty)).Replay(history);
        return empty;
    }

    /// <summary>
    /// Folds one event into the state. Implementations dispatch with a type switch (no reflection),
    /// never check rules and never throw for a known event: history is fact.
    /// </summary>
    /// <param name="domainEvent">The event.</param>
    protected abstract void Apply(IDomainEvent domainEvent);

    /// <summary>The exception for an event type that does not belong to this aggregate's stream.</summary>
    /// <param name="domainEvent">The foreign event.</param>
    /// <returns>An exception to throw.</returns>
    protected ArgumentException UnknownEvent(IDomainEvent domainEvent) =>
        new($"{domainEvent?.GetType().Name ?? "null"} does not belong to the event stream of {GetType().Name}.", nameof(domainEvent));
}
