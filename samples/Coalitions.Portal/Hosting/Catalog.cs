using Coalitions.Core.Storage;

namespace Coalitions.Portal.Hosting;

/// <summary>
/// The portal's one read model: which aggregates exist, by type, in the order they first appeared. It is fed from the
/// global log (positions are gapless and follow commit order, so reading on after the last position never misses a
/// stream) and caught up before each page or API call lists anything. Everything else is loaded from its stream.
/// </summary>
/// <param name="events">The event store.</param>
public sealed class Catalog(IEventStore events) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<Type, List<Guid>> _byType = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private long _position;

    /// <summary>Gets the position in the global log the catalog has read up to.</summary>
    public long Position => Volatile.Read(ref _position);

    /// <summary>Reads the log on from where it stopped.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A task.</returns>
    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var batch = await events.ReadAllAsync(_position, 1000, cancellationToken);
                if (batch.Count == 0)
                {
                    return;
                }

                foreach (var stored in batch)
                {
                    if (_seen.Add(stored.StreamName) && AggregateType.TryParseStreamName(stored.StreamName, out var type, out var id))
                    {
                        if (!_byType.TryGetValue(type.Type, out var ids))
                        {
                            _byType[type.Type] = ids = [];
                        }

                        ids.Add(id);
                    }

                    Volatile.Write(ref _position, stored.Position);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <summary>The ids of every aggregate of a type, oldest first.</summary>
    /// <typeparam name="TAggregate">The aggregate type.</typeparam>
    /// <param name="cancellationToken">Cancels the catch-up.</param>
    /// <returns>The ids.</returns>
    public async Task<IReadOnlyList<Guid>> IdsOfAsync<TAggregate>(CancellationToken cancellationToken = default)
    {
        await CatchUpAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _byType.TryGetValue(typeof(TAggregate), out var ids) ? [.. ids] : [];
        }
        finally
        {
            _gate.Release();
        }
    }
}
