using Coalitions.Core.Kernel;
using Coalitions.Core.Storage;
using NodaTime.Testing;

namespace Coalitions.Core.Tests.Kit;

/// <summary>Events stored as a host's store keeps them (JSON rows in an event store) and loaded back through the aggregate store.</summary>
public static class StoreRoundTrip
{
    /// <summary>Stores the events in a fresh in-memory event store under the stream's name and loads the aggregate from it.</summary>
    /// <param name="streamName">The stream, such as <c>proposal-{id}</c>.</param>
    /// <param name="history">The events, at least one.</param>
    /// <returns>The aggregate the store loads.</returns>
    public static IAggregate Load(string streamName, IReadOnlyCollection<IDomainEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var events = new InMemoryEventStore();
        var data = history.Select(e => EventSerializer.Default.Serialize(e, Guid.NewGuid(), Scenario.Start)).ToArray();
        events.AppendAsync(streamName, 0, data).GetAwaiter().GetResult();
        return new AggregateStore(events, new FakeClock(Scenario.Start)).LoadAsync(streamName).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Loads the events through the aggregate store and expects what <paramref name="rehydrate"/> gives from the events
    /// themselves: the same refusal (code, position and words), or an aggregate at the same version in the same
    /// observable state.
    /// </summary>
    /// <typeparam name="T">The aggregate type.</typeparam>
    /// <param name="streamName">The stream, such as <c>proposal-{id}</c>.</param>
    /// <param name="rehydrate">The aggregate's <c>Rehydrate</c>.</param>
    /// <param name="history">The events, at least one.</param>
    /// <returns>Whether both ways agree.</returns>
    public static bool LoadsAsReplayed<T>(string streamName, Func<IEnumerable<IDomainEvent>, T> rehydrate, IReadOnlyCollection<IDomainEvent> history)
        where T : IAggregate
    {
        ArgumentNullException.ThrowIfNull(rehydrate);
        var (replayed, replayRefusal) = Try(() => rehydrate(history));
        var (loaded, loadRefusal) = Try(() => Load(streamName, history));
        if (replayRefusal is not null || loadRefusal is not null)
        {
            return replayRefusal is not null && loadRefusal is not null &&
                (replayRefusal.Code, replayRefusal.Position, replayRefusal.EventType, replayRefusal.Message) ==
                (loadRefusal.Code, loadRefusal.Position, loadRefusal.EventType, loadRefusal.Message);
        }

        return loaded!.Version == replayed!.Version && ObservableState.Of(loaded) == ObservableState.Of(replayed);
    }

    private static (TResult? Result, StoredEventException? Refusal) Try<TResult>(Func<TResult> load)
    {
        try
        {
            return (load(), null);
        }
        catch (StoredEventException refusal)
        {
            return (default, refusal);
        }
    }
}
