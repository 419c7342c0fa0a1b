using System.Text.Json;
using System.Text.Json.Serialization;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Meetings;

/// <summary>A key that names a thing inside an aggregate (an agenda item, a channel, a measure): one line of at most 64 characters.</summary>
/// <typeparam name="TSelf">The key type.</typeparam>
public interface IKey<TSelf>
    where TSelf : struct, IKey<TSelf>
{
    /// <summary>Gets the key's text; <see langword="null"/> only for the default value, which every check refuses.</summary>
    string Value { get; }

    /// <summary>Makes a key from its text.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The key.</returns>
    /// <exception cref="CoalitionRuleException">The text is not a key (<c>Kernel.InvalidText</c>).</exception>
    static abstract TSelf From(string value);
}

/// <summary>The one check of a key's text, shared by every key type of the meetings and communication rooms.</summary>
internal static class KeyText
{
    public static string Check(string? value, string type)
    {
        if (Problem(value) is { } problem)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.InvalidText, "A {type} " + problem, ("type", Words.Identifier(type)), ("limit", Limits.KeyLength));
        }

        return value!;
    }

    public static string? Problem(string? value) =>
        string.IsNullOrWhiteSpace(value) ? "must be given." :
        value.Length > Limits.KeyLength ? "has at most {limit} characters." :
        !FreeText.IsSingleLine(value) ? "is one line, without tabs or control characters." :
        value.Trim().Length != value.Length ? "has no leading or trailing spaces." : null;

    /// <summary>Whether a key (possibly the default value) is well-formed.</summary>
    public static bool IsValid<TKey>(TKey key)
        where TKey : struct, IKey<TKey> => Problem(key.Value) is null;

    /// <summary>A key for a message: its text, shortened if a hostile value slipped through.</summary>
    public static string Show(string? value) => value is null ? "(none)" : value.Length > Limits.KeyLength ? value[..Limits.KeyLength] + "…" : value;
}

/// <summary>Writes a key as its text.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
internal sealed class KeyJsonConverter<TKey> : JsonConverter<TKey>
    where TKey : struct, IKey<TKey>
{
    public override TKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Make(reader.GetString());

    public override void Write(Utf8JsonWriter writer, TKey value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);

    public override TKey ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Make(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TKey value, JsonSerializerOptions options) => writer.WritePropertyName(value.Value);

    private static TKey Make(string? text) =>
        KeyText.Problem(text) is null ? TKey.From(text!) : throw new JsonException($"'{KeyText.Show(text)}' is not a valid {typeof(TKey).Name}.");
}
