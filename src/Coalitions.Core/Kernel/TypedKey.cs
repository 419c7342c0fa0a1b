using System.Text.Json;
using System.Text.Json.Serialization;

namespace Coalitions.Core.Kernel;

/// <summary>
/// A key that names a thing inside an aggregate (a budget line, a milestone, a goal of the charter): one line of at most
/// <see cref="Limits.KeyLength"/> characters, without control characters, compared ordinally. Each kind of key has its
/// own type, so a milestone's key can never be passed where a budget line's is expected.
/// </summary>
/// <typeparam name="TSelf">The implementing key type.</typeparam>
/// <remarks>Keys serialize to JSON as a plain string. The default value of a key type has no value and is refused wherever a key is required.</remarks>
public interface ITypedKey<TSelf> : IEquatable<TSelf>
    where TSelf : struct, ITypedKey<TSelf>
{
    /// <summary>Gets the key's text; <see langword="null"/> only for the default value, which no command accepts.</summary>
    string Value { get; }

    /// <summary>Makes a key from its text.</summary>
    /// <param name="value">One line of at most 64 characters, not blank; leading and trailing spaces are trimmed.</param>
    /// <returns>The key.</returns>
    /// <exception cref="CoalitionRuleException">The text is blank, longer than 64 characters or not one line (<c>Kernel.InvalidText</c>).</exception>
    static abstract TSelf From(string value);
}

/// <summary>The check every typed key makes on its text.</summary>
internal static class TypedKey
{
    public static string Check(string? value, string typeName)
    {
        var trimmed = value?.Trim();
        if (FreeText.Problem(trimmed, required: true, Limits.KeyLength) is not null || !FreeText.IsSingleLine(trimmed!))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.InvalidText, "A {type} is one line of at most {limit} characters, not blank.", ("type", Words.Identifier(typeName)), ("limit", Limits.KeyLength));
        }

        return trimmed!;
    }

    /// <summary>Whether a key is a real key (not the default value).</summary>
    public static bool IsSet<TKey>(TKey key)
        where TKey : struct, ITypedKey<TKey> => key.Value is not null;
}

/// <summary>Writes a typed key as its text, as a value and as a property name.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
internal sealed class TypedKeyJsonConverter<TKey> : JsonConverter<TKey>
    where TKey : struct, ITypedKey<TKey>
{
    public override TKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => TKey.From(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, TKey value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);

    public override TKey ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => TKey.From(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TKey value, JsonSerializerOptions options) => writer.WritePropertyName(value.Value);
}
