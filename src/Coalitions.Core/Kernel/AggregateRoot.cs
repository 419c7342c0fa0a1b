using System.Collections.Concurrent;
using System.Linq.Expressions;
using Coalitions.Core.Serialization;
using Coalitions.Core.Storage;

namespace Coalitions.Core.Kernel;

/// <summary>
/// Base of every aggregate. State changes in exactly one way: a command method checks its
/// input and the rules, then raises events; <see cref="Raise(IDomainEvent)"/> applies each event to the
/// state and queues it for the host to store.
/// </summary>
/// <typeparam name="TId">The aggregate's typed id.</typeparam>
/// <remarks>
/// <para>A command that is refused throws <see cref="CoalitionRuleException"/> before it raises
/// any event, so the aggregate is left exactly as it was: same state, same <see cref="Version"/>. A command that
/// raises several events raises them together (<see cref="Raise(ReadOnlySpan{IDomainEvent})"/>), after every check.</para>
/// <para>Every raised event is checked for its shape first (no empty id, no missing value, no undefined enum value),
/// so nothing is stored that could not be read back.</para>
/// <para>Rebuilding from history (each aggregate's static <c>Rehydrate</c>) applies the same events without rule
/// checks and builds no state machine, but it does not trust the history: each event's shape is checked, the first
/// event must create the aggregate, every event must name the same aggregate and come in an order its lifecycle
/// allows. A history that breaks any of this fails with <see cref="StoredEventException"/>
/// (<c>Kernel.CorruptHistory</c>) naming the event's position; nothing else escapes.</para>
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

    /// <summary>Checks an event's shape, applies it to the state and queues it for storage.</summary>
    /// <param name="domainEvent">The event.</param>
    /// <exception cref="CoalitionRuleException">The event holds an empty id, a missing value or an undefined value (<c>Kernel.InvalidInput</c>); nothing changed.</exception>
    protected void Raise(IDomainEvent domainEvent)
    {
        CheckShape(domainEvent);
        Apply(domainEvent);
        Version++;
        _uncommitted.Add(domainEvent);
    }

    /// <summary>Raises several events as one: all are checked before the first is applied.</summary>
    /// <param name="events">The events, in order.</param>
    /// <exception cref="CoalitionRuleException">An event is ill-formed (<c>Kernel.InvalidInput</c>); nothing changed.</exception>
    protected void Raise(params ReadOnlySpan<IDomainEvent> events)
    {
        foreach (var domainEvent in events)
        {
            CheckShape(domainEvent);
        }

        foreach (var domainEvent in events)
        {
            Apply(domainEvent);
            Version++;
            _uncommitted.Add(domainEvent);
        }
    }

    /// <summary>Applies past events, oldest first, without queuing them, checking that they form a history of this aggregate.</summary>
    /// <param name="history">The aggregate's stored events.</param>
    /// <exception cref="StoredEventException">The history is empty, holds an ill-formed event, does not start with the creation event, names another aggregate, or breaks the lifecycle's order (<c>Kernel.CorruptHistory</c>).</exception>
    protected void Replay(IEnumerable<IDomainEvent> history)
    {
        if (history is null)
        {
            throw Corrupt(0, null, "no history was given.");
        }

        long position = 0;
        if (history is StoredEventSequence stored)
        {
            // Events a store hands over as text: those this aggregate reads from their text itself (a proposal's ballots)
            // are applied without an event object, after the same checks; the others, and any text the aggregate
            // declines, are read by the store's serializer and replayed as below.
            for (var i = 0; i < stored.Count; i++)
            {
                var record = stored[i];
                position++;
                if (!TryReplayStored(record, stored, position))
                {
                    ReplayOne(stored.Read(record), position);
                }
            }
        }
        else
        {
            foreach (var domainEvent in history)
            {
                ReplayOne(domainEvent, ++position);
            }
        }

        if (Version == 0)
        {
            throw Corrupt(0, null, "the history is empty; it must start with the event that creates the aggregate.");
        }
    }

    /// <summary>
    /// While replaying, applies a stored event straight from its text when this aggregate reads that type itself and
    /// the event may follow; the default reads none. An override checks everything <see cref="Replay"/> checks of an
    /// event (its shape, that it names this aggregate and is not a creation, <see cref="Admits"/>) before it changes any
    /// state, and declines (returns <see langword="false"/>, having changed nothing) whenever the text is not in the
    /// layout it reads or any check fails: the event is then read and replayed the general way, which refuses it in its
    /// own words.
    /// </summary>
    /// <param name="eventType">The stored type discriminator; the text is current, written by this version's writer.</param>
    /// <param name="json">The stored text.</param>
    /// <returns>Whether the event was applied.</returns>
    private protected virtual bool TryApplyStoredText(string eventType, string json) => false;

    private bool TryReplayStored(StoredEvent record, StoredEventSequence stored, long position)
    {
        if (Version == 0 || !stored.ReadsAsWritten(record))
        {
            return false;
        }

        bool applied;
        try
        {
            applied = TryApplyStoredText(record.EventType, record.Data);
        }
        catch (Exception e) when (e is not StoredEventException and not OutOfMemoryException)
        {
            throw CorruptAt(position, record.EventType, $"it could not be applied ({e.GetType().Name}: {e.Message}).", e);
        }

        if (applied)
        {
            Version++;
        }

        return applied;
    }

    private void ReplayOne(IDomainEvent? domainEvent, long position)
    {
        if (domainEvent is null)
        {
            throw Corrupt(position, null, "the event is null.");
        }

        // An aggregate restored from a snapshot replays only the tail: it already exists, so no creation follows.
        var problem = EventShape.Problem(domainEvent) ?? StreamProblem(domainEvent, Version == 0);
        if (problem is null)
        {
            try
            {
                problem = Admits(domainEvent);
            }
            catch (Exception e) when (e is not StoredEventException and not OutOfMemoryException)
            {
                throw Corrupt(position, domainEvent, $"it could not be checked ({e.GetType().Name}: {e.Message}).", e);
            }
        }

        if (problem is not null)
        {
            throw Corrupt(position, domainEvent, problem);
        }

        try
        {
            Apply(domainEvent);
        }
        catch (Exception e) when (e is not StoredEventException and not OutOfMemoryException)
        {
            throw Corrupt(position, domainEvent, $"it could not be applied ({e.GetType().Name}: {e.Message}).", e);
        }

        Version++;
    }

    /// <summary>Applies past events to a freshly constructed aggregate: the body of every aggregate's static <c>Rehydrate</c>.</summary>
    /// <typeparam name="TAggregate">The aggregate type.</typeparam>
    /// <param name="empty">A new, empty instance.</param>
    /// <param name="history">The aggregate's stored events, oldest first.</param>
    /// <returns><paramref name="empty"/>, rebuilt.</returns>
    /// <exception cref="StoredEventException">The history is not a history of one such aggregate (<c>Kernel.CorruptHistory</c>).</exception>
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

    /// <summary>Whether an event is the one that creates this aggregate; a history starts with it, and only with it.</summary>
    /// <param name="domainEvent">The event.</param>
    /// <returns><see langword="true"/> for the creation event.</returns>
    protected abstract bool IsCreation(IDomainEvent domainEvent);

    /// <summary>
    /// While replaying history, whether the next event may follow in the aggregate's current state: the order its
    /// lifecycle allows, and references to things that exist (a ballot's round is the open round, a seat exists).
    /// It reads state; it checks no business rule.
    /// </summary>
    /// <param name="domainEvent">The next event, already known to be well-formed and to name this aggregate.</param>
    /// <returns><see langword="null"/> when the event may follow; otherwise what is wrong, as the end of a sentence.</returns>
    protected abstract string? Admits(IDomainEvent domainEvent);

    /// <summary>The exception for an event type that does not belong to this aggregate's stream.</summary>
    /// <param name="domainEvent">The foreign event.</param>
    /// <returns>An exception to throw.</returns>
    protected ArgumentException UnknownEvent(IDomainEvent domainEvent) =>
        new($"{domainEvent?.GetType().Name ?? "null"} does not belong to the event stream of {GetType().Name}.", nameof(domainEvent));

    private static void CheckShape(IDomainEvent domainEvent)
    {
        Preconditions.CheckNotNull(domainEvent, nameof(domainEvent));
        if (EventShape.Problem(domainEvent) is { } problem)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.InvalidInput, "The command would record an ill-formed fact: {problem}", ("problem", problem));
        }
    }

    private string? StreamProblem(IDomainEvent domainEvent, bool first)
    {
        var creates = IsCreation(domainEvent);
        if (first != creates)
        {
            return first ? "the history must start with the event that creates the aggregate." : "a second creation event cannot follow the first.";
        }

        if (SubjectOf(domainEvent) is not { } subject)
        {
            return $"{domainEvent.GetType().Name} does not name {Words.Indefinite(typeof(TId).Name)} first, so it cannot belong to {Words.Indefinite(GetType().Name)}.";
        }

        return first || subject.Equals(Id) ? null : $"it names {subject}, another {GetType().Name} than {Id}.";
    }

    private StoredEventException Corrupt(long position, IDomainEvent? domainEvent, string problem, Exception? inner = null) =>
        CorruptAt(position, domainEvent is null ? null : EventCatalog.Discriminators.GetValueOrDefault(domainEvent.GetType(), domainEvent.GetType().Name), problem, inner);

    private StoredEventException CorruptAt(long position, string? type, string problem, Exception? inner = null)
    {
        var what = type is not null ? $"Event {position:N0} ({type})" : position == 0 ? "The history" : $"Event {position:N0}";
        var name = GetType().Name;
        var article = "AEIOU".Contains(name[0], StringComparison.Ordinal) ? "an" : "a";
        return new StoredEventException(
            ErrorCodes.Kernel.CorruptHistory,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{what} of {article} {name} cannot be replayed: {problem}"),
            position == 0 ? null : position,
            type,
            inner);
    }

    // By convention every event names its aggregate in its first property; a house test checks the convention.
    private static TId? SubjectOf(IDomainEvent domainEvent) => Subjects.GetOrAdd(domainEvent.GetType(), SubjectGetter)(domainEvent);

    private static readonly ConcurrentDictionary<Type, Func<IDomainEvent, TId?>> Subjects = new();

    private static Func<IDomainEvent, TId?> SubjectGetter(Type type)
    {
        var first = type.GetConstructors().Select(c => c.GetParameters()).Where(p => p.Length > 0).OrderByDescending(p => p.Length).FirstOrDefault()?[0];
        var property = first is null ? null : type.GetProperty(first.Name!);
        if (property?.PropertyType != typeof(TId))
        {
            return static _ => null;
        }

        var instance = Expression.Parameter(typeof(IDomainEvent));
        var body = Expression.Convert(Expression.Property(Expression.Convert(instance, type), property), typeof(TId?));
        return Expression.Lambda<Func<IDomainEvent, TId?>>(body, instance).Compile();
    }
}
