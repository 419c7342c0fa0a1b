using System.Collections.Concurrent;
using Coalitions.Core.Kernel;
using Coalitions.Core.Storage;

namespace Coalitions.Portal.Hosting;

/// <summary>
/// The last committed state of each aggregate an API command ran on, lent to one request at a time, so that the next
/// command on it need not replay its whole stream (a proposal has one event per ballot). A state is lent only while the
/// store holds no event after its version: one read of the stream's tail, which also catches what other processes (the
/// scheduler, another portal instance) wrote. The save still appends at the version the state was at, so a write that
/// raced it is refused with a conflict, exactly as after a load.
/// </summary>
/// <remarks>
/// Aggregates are not thread-safe: a state is taken out while a request uses it; a request that finds none loads from
/// the store. A state comes back only without uncommitted events (saved, or refused: the library's refusals change
/// nothing), and only if it is newer than the one kept. One state per aggregate stays in memory.
/// </remarks>
/// <param name="store">The aggregate store.</param>
public sealed class AggregateCache(AggregateStore store)
{
    private readonly ConcurrentDictionary<string, IAggregate> _idle = new(StringComparer.Ordinal);

    /// <summary>Takes the aggregate's last committed state if it is still current, else loads it from the store.</summary>
    /// <typeparam name="T">The aggregate type.</typeparam>
    /// <param name="id">Its id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The aggregate, for this request alone, or null when no stream has its id.</returns>
    public async Task<T?> TakeAsync<T>(ITypedId id, CancellationToken cancellationToken = default)
        where T : class, IAggregate
    {
        var stream = AggregateType.Of<T>().StreamNameFor(id);
        if (_idle.TryRemove(stream, out var kept) && kept is T state &&
            (await store.Events.ReadStreamAsync(stream, state.Version + 1, cancellationToken)).Count == 0)
        {
            return state;
        }

        return await store.TryLoadAsync<T>(id, cancellationToken);
    }

    /// <summary>Gives an aggregate back once the request is done with it; kept if it holds no uncommitted events and is the newest.</summary>
    /// <param name="aggregate">The aggregate; the caller no longer touches it.</param>
    public void GiveBack(IAggregate aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        if (aggregate.UncommittedEvents.Count > 0)
        {
            return;   // A save that failed (a conflict): this state is not what the store holds.
        }

        _idle.AddOrUpdate(aggregate.StreamName, aggregate, (_, kept) => kept.Version >= aggregate.Version ? kept : aggregate);
    }
}
