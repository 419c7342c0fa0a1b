using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Coalitions.Core.Kernel;

/// <summary>
/// Any typed id, seen without its type: what storage needs to name a stream (see <c>AggregateStore.LoadAsync</c>).
/// </summary>
public interface ITypedId
{
    /// <summary>Gets the underlying globally unique value.</summary>
    Guid Value { get; }
}

/// <summary>
/// A strongly typed identifier over a <see cref="Guid"/>. Every aggregate and every person or
/// organization the model refers to has its own id type, so a partner id can never be passed
/// where a proposal id is expected.
/// </summary>
/// <typeparam name="TSelf">The implementing id type.</typeparam>
/// <remarks>
/// Ids are compared by value. They serialize to JSON as a plain string in the "D" format
/// (<c>"0f8fad5b-d9cb-469f-a165-70867728950e"</c>) and can be used as dictionary keys.
/// </remarks>
public interface ITypedId<TSelf> : ITypedId, IEquatable<TSelf>
    where TSelf : struct, ITypedId<TSelf>
{
    /// <summary>Wraps an existing <see cref="Guid"/> as this id type.</summary>
    /// <param name="value">The value; <see cref="Guid.Empty"/> is refused.</param>
    /// <returns>The id.</returns>
    /// <exception cref="CoalitionRuleException"><paramref name="value"/> is <see cref="Guid.Empty"/> (<c>Kernel.EmptyId</c>).</exception>
    static abstract TSelf FromGuid(Guid value);
}

/// <summary>Parsing and validation shared by every <see cref="ITypedId{TSelf}"/>.</summary>
internal static class TypedId
{
    // The refusal is thrown by another method (a method that throws is not inlined), so every FromGuid inlines this check.
    public static Guid Check(Guid value, string typeName)
    {
        if (value == Guid.Empty)
        {
            ThrowEmpty(typeName);
        }

        return value;
    }

    [DoesNotReturn]
    private static void ThrowEmpty(string typeName) =>
        throw CoalitionRuleException.Because(ErrorCodes.Kernel.EmptyId, "The empty GUID is not a valid {type}.", ("type", typeName));

    public static TId Parse<TId>(string text)
        where TId : struct, ITypedId<TId>
    {
        Preconditions.CheckNotNull(text, nameof(text));
        if (!TryParse(text, out TId id))
        {
            throw new FormatException($"'{text}' is not a valid {typeof(TId).Name}: expected a non-empty GUID.");
        }

        return id;
    }

    public static bool TryParse<TId>([NotNullWhen(true)] string? text, out TId id)
        where TId : struct, ITypedId<TId>
    {
        if (Guid.TryParse(text, out var guid) && guid != Guid.Empty)
        {
            id = TId.FromGuid(guid);
            return true;
        }

        id = default;
        return false;
    }
}

/// <summary>Writes a typed id as its GUID string, as a value and as a property name.</summary>
/// <typeparam name="TId">The id type.</typeparam>
internal sealed class TypedIdJsonConverter<TId> : JsonConverter<TId>
    where TId : struct, ITypedId<TId>
{
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadCore(reader.GetString());

    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);

    public override TId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadCore(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TId value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.Value.ToString("D"));

    // Only the form the writer writes: 32 hexadecimal digits in groups of 8-4-4-4-12, either case, and nothing else (no
    // braces, parentheses, run of bare digits or white space around, which Guid.TryParse would also take).
    private static TId ReadCore(string? text) =>
        text is { Length: Serialization.GuidText.Length } && Serialization.GuidText.TryRead(text, out var guid) && guid != Guid.Empty
            ? TId.FromGuid(guid)
            : throw new JsonException($"'{text}' is not a valid {typeof(TId).Name}.");
}
