using System.Diagnostics.CodeAnalysis;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Storage;

/// <summary>
/// What storage knows about one aggregate type: its stream category (so its stream names are <c>{category}-{id}</c>), its
/// id type, how to rebuild it from events and, for long-lived aggregates, how to snapshot it. Every aggregate type of the
/// library is listed once, in the aggregate catalog.
/// </summary>
/// <remarks>
/// Categories are part of the stored format, like event discriminators: they never change. Each aggregate type has its own,
/// so a coalition (<c>coalition-{id}</c>) and its governance (<c>governance-{id}</c>), which share one id, never share a stream.
/// </remarks>
/// <threadsafety>Immutable and safe to share between threads.</threadsafety>
public sealed class AggregateType
{
    private readonly Func<IEnumerable<IDomainEvent>, IAggregate> _rehydrate;

    private AggregateType(Type type, Type idType, string category, Func<IEnumerable<IDomainEvent>, IAggregate> rehydrate, SnapshotSupport? snapshots)
    {
        Type = type;
        IdType = idType;
        Category = category;
        _rehydrate = rehydrate;
        Snapshots = snapshots;
    }

    /// <summary>Gets every catalogued aggregate type.</summary>
    public static IReadOnlyList<AggregateType> All => AggregateCatalog.Entries;

    /// <summary>Gets the aggregate's CLR type.</summary>
    public Type Type { get; }

    /// <summary>Gets the type of its id.</summary>
    public Type IdType { get; }

    /// <summary>Gets the stream category, such as <c>proposal</c>.</summary>
    public string Category { get; }

    /// <summary>Gets whether the aggregate can be saved as a snapshot and loaded from snapshot plus tail.</summary>
    public bool SupportsSnapshots => Snapshots is not null;

    internal SnapshotSupport? Snapshots { get; }

    /// <summary>The catalogued type of an aggregate.</summary>
    /// <typeparam name="TAggregate">The aggregate type.</typeparam>
    /// <returns>Its entry.</returns>
    /// <exception cref="InvalidOperationException">The type is not catalogued.</exception>
    public static AggregateType Of<TAggregate>()
        where TAggregate : IAggregate => Of(typeof(TAggregate));

    /// <summary>The catalogued type of an aggregate.</summary>
    /// <param name="type">The aggregate type.</param>
    /// <returns>Its entry.</returns>
    /// <exception cref="InvalidOperationException">The type is not catalogued.</exception>
    public static AggregateType Of(Type type)
    {
        Preconditions.CheckNotNull(type, nameof(type));
        return AggregateCatalog.ByType.TryGetValue(type, out var entry)
            ? entry
            : throw new InvalidOperationException($"{type.Name} is not in the aggregate catalog; add it to Storage/AggregateCatalog.cs.");
    }

    /// <summary>Splits a stream name into its aggregate type and id.</summary>
    /// <param name="streamName">A stream name, such as <c>proposal-0f8fad5b-d9cb-469f-a165-70867728950e</c>.</param>
    /// <param name="type">The aggregate type, when the name follows the convention.</param>
    /// <param name="id">The id, when the name follows the convention.</param>
    /// <returns><see langword="true"/> when the name is a catalogued category, a dash and a non-empty GUID in its "D" form.</returns>
    public static bool TryParseStreamName(string? streamName, [NotNullWhen(true)] out AggregateType? type, out Guid id)
    {
        type = null;
        id = Guid.Empty;
        var dash = streamName?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (dash <= 0 || !AggregateCatalog.ByCategory.TryGetValue(streamName![..dash], out var found) ||
            !Guid.TryParseExact(streamName[(dash + 1)..], "D", out id) || id == Guid.Empty)
        {
            return false;
        }

        type = found;
        return true;
    }

    /// <summary>The name of the stream of the aggregate with this id.</summary>
    /// <param name="id">The aggregate's id; its type must be <see cref="IdType"/>.</param>
    /// <returns><c>{category}-{id}</c>.</returns>
    /// <exception cref="ArgumentException">The id is of another type or empty.</exception>
    public string StreamNameFor(ITypedId id)
    {
        Preconditions.CheckNotNull(id, nameof(id));
        Preconditions.CheckArgument(id.GetType() == IdType, nameof(id), $"{Words.Indefinite(Type.Name, capital: true)} is identified by {Words.Indefinite(IdType.Name)}, not {Words.Indefinite(id.GetType().Name)}.");
        return StreamNameFor(id.Value);
    }

    /// <summary>The name of the stream of the aggregate with this id.</summary>
    /// <param name="id">The aggregate's id as a GUID.</param>
    /// <returns><c>{category}-{id}</c>.</returns>
    /// <exception cref="ArgumentException">The id is the empty GUID.</exception>
    public string StreamNameFor(Guid id)
    {
        Preconditions.CheckArgument(id != Guid.Empty, nameof(id), "An aggregate id is never the empty GUID.");
        return $"{Category}-{id:D}";
    }

    /// <summary>Returns the category.</summary>
    /// <returns>The category.</returns>
    public override string ToString() => Category;

    internal static AggregateType Create<TAggregate, TId>(string category, Func<IEnumerable<IDomainEvent>, TAggregate> rehydrate, SnapshotSupport? snapshots = null)
        where TAggregate : AggregateRoot<TId>
        where TId : struct, ITypedId<TId> =>
        new(typeof(TAggregate), typeof(TId), category, rehydrate, snapshots);

    internal IAggregate Rehydrate(IEnumerable<IDomainEvent> history) => _rehydrate(history);
}

/// <summary>How an aggregate type is snapshotted: the shape's version, and the state to and from JSON.</summary>
/// <param name="SchemaVersion">The version of the snapshot's JSON shape; raise it whenever the shape changes, and older snapshots are ignored.</param>
/// <param name="Take">The committed state as JSON.</param>
/// <param name="Restore">The aggregate from the JSON and the version it was taken at.</param>
internal sealed record SnapshotSupport(int SchemaVersion, Func<IAggregate, string> Take, Func<string, long, IAggregate> Restore);
