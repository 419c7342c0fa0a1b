using System.Text.Json.Nodes;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Storage;

/// <summary>
/// Reads an event written by an older version of the library: it turns the stored JSON of one type and schema version into
/// the JSON of the next, so a renamed or reshaped event still loads. Upcasters chain: an event is upcast step by step until
/// no upcaster matches, then read as the current type.
/// </summary>
/// <remarks>
/// <para>Stored events are never rewritten: the store keeps what was written, and the upcasters run on every read. The
/// transform receives a copy of the JSON object (with its <c>$type</c> property) and returns the new object; the serializer
/// sets <c>$type</c> to <see cref="ToType"/> afterwards.</para>
/// <para>Example: version 1 of <c>Decisions.RoundClosed</c> held an explanation in prose; version 2 holds figures only.
/// <c>EventUpcaster.Reshape("Decisions.RoundClosed", 1, json => ...)</c> computes the figures from the old fields.</para>
/// </remarks>
/// <threadsafety>Immutable; the transform must be safe to call from several threads.</threadsafety>
public sealed class EventUpcaster
{
    /// <summary>Initializes an upcaster from one type and schema version to another.</summary>
    /// <param name="fromType">The stored type discriminator, such as an event's old name.</param>
    /// <param name="fromVersion">The stored schema version, from 1.</param>
    /// <param name="toType">The type discriminator it becomes (the same as <paramref name="fromType"/> for a reshape).</param>
    /// <param name="toVersion">The schema version it becomes; above <paramref name="fromVersion"/> when the type stays the same.</param>
    /// <param name="transform">Turns the old JSON object into the new one.</param>
    /// <exception cref="ArgumentException">A blank type, a version below 1, or a reshape that does not raise the version.</exception>
    public EventUpcaster(string fromType, int fromVersion, string toType, int toVersion, Func<JsonObject, JsonObject> transform)
    {
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(fromType), nameof(fromType), "An upcaster names the type it reads.");
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(toType), nameof(toType), "An upcaster names the type it produces.");
        Preconditions.CheckArgumentRange(fromVersion >= 1, nameof(fromVersion), fromVersion, "Schema versions start at 1.");
        Preconditions.CheckArgumentRange(toVersion >= 1, nameof(toVersion), toVersion, "Schema versions start at 1.");
        Preconditions.CheckArgument(
            !string.Equals(fromType, toType, StringComparison.Ordinal) || toVersion > fromVersion,
            nameof(toVersion),
            $"Reshaping {fromType} must raise its schema version above {fromVersion}.");
        FromType = fromType;
        FromVersion = fromVersion;
        ToType = toType;
        ToVersion = toVersion;
        Transform = Preconditions.CheckNotNull(transform, nameof(transform));
    }

    /// <summary>Gets the stored type it reads.</summary>
    public string FromType { get; }

    /// <summary>Gets the stored schema version it reads.</summary>
    public int FromVersion { get; }

    /// <summary>Gets the type it produces.</summary>
    public string ToType { get; }

    /// <summary>Gets the schema version it produces.</summary>
    public int ToVersion { get; }

    /// <summary>Gets the transform from the old JSON object to the new.</summary>
    public Func<JsonObject, JsonObject> Transform { get; }

    /// <summary>An upcaster that reshapes a type from one schema version to the next.</summary>
    /// <param name="type">The type discriminator.</param>
    /// <param name="fromVersion">The stored schema version; the result is the next.</param>
    /// <param name="transform">Turns the old JSON object into the new one.</param>
    /// <returns>The upcaster.</returns>
    /// <exception cref="ArgumentException">A blank type, or a version below 1 or with no next (<see cref="int.MaxValue"/>).</exception>
    public static EventUpcaster Reshape(string type, int fromVersion, Func<JsonObject, JsonObject> transform)
    {
        Preconditions.CheckArgumentRange(fromVersion < int.MaxValue, nameof(fromVersion), fromVersion, "A reshape reads a schema version that has a next.");
        return new(type, fromVersion, type, fromVersion + 1, transform);
    }

    /// <summary>An upcaster that reads an event stored under an old type name as the type it was renamed to.</summary>
    /// <param name="oldType">The old type discriminator.</param>
    /// <param name="fromVersion">The stored schema version of the old type.</param>
    /// <param name="newType">The new type discriminator.</param>
    /// <param name="toVersion">The schema version of the new type the old JSON corresponds to.</param>
    /// <param name="transform">Changes the JSON object too, when property names changed with the type; omitted, the JSON stays as it is.</param>
    /// <returns>The upcaster.</returns>
    public static EventUpcaster Rename(string oldType, int fromVersion, string newType, int toVersion, Func<JsonObject, JsonObject>? transform = null) =>
        new(oldType, fromVersion, newType, toVersion, transform ?? (json => json));

    /// <summary>Describes the upcaster.</summary>
    /// <returns>For example <c>Decisions.RoundClosed v1 -> Decisions.RoundClosed v2</c>.</returns>
    public override string ToString() => $"{FromType} v{FromVersion} -> {ToType} v{ToVersion}";
}
