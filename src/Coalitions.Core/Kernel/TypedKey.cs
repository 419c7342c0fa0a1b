using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;

namespace Coalitions.Core.Kernel;

/// <summary>
/// A short, typed key that names something inside an aggregate (a body, an agenda item, a channel, an issue, a campaign's target or action, a statement of
/// a health check): one line of at most <see cref="Limits.KeyLength"/> characters, compared ordinally. Each concept has
/// its own key type, so a target's key can never be passed where an action's key is expected.
/// </summary>
/// <typeparam name="TSelf">The implementing key type.</typeparam>
/// <remarks>
/// Keys are trimmed when created and serialize to JSON as a plain string, as values and as property names. The default
/// value of a key type holds no text; every command refuses it (<c>Kernel.InvalidText</c>) and a stored event holding it
/// cannot be read.
/// </remarks>
public interface ITypedKey<TSelf> : IEquatable<TSelf>
    where TSelf : struct, ITypedKey<TSelf>
{
    /// <summary>Gets the key's text.</summary>
    string Value { get; }

    /// <summary>Creates a key from its text.</summary>
    /// <param name="value">The text: one line of at most 64 characters once trimmed.</param>
    /// <returns>The key.</returns>
    /// <exception cref="CoalitionRuleException">The text is blank, too long, or not one line (<c>Kernel.InvalidText</c>).</exception>
    static abstract TSelf From(string value);
}

/// <summary>The one check behind every typed key.</summary>
internal static class TypedKey
{
    public static string Check(string? value, string typeName)
    {
        var text = value?.Trim();
        if (Problem(text) is { } problem)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.InvalidText, "The {type} " + problem, ("type", Words.Identifier(typeName)), ("limit", Limits.KeyLength));
        }

        return text!;
    }

    /// <summary>What is wrong with a key's text, as the end of a sentence, or null.</summary>
    public static string? Problem(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "must be given." :
        text.Length > Limits.KeyLength ? "has at most {limit} characters." :
        !FreeText.IsSingleLine(text) ? "is one line, without tabs, line breaks or control characters." :
        text.Trim().Length != text.Length ? "has no spaces at either end." : null;

    /// <summary>Whether a key (possibly the default value, or a hostile value read from storage) is well-formed.</summary>
    public static bool IsValid<TKey>(TKey key)
        where TKey : struct, ITypedKey<TKey> => Problem(key.Value) is null;

    /// <summary>A key's text for a message, shortened if a hostile value slipped through.</summary>
    public static string Show(string? value) => value is null ? "(none)" : value.Length > Limits.KeyLength ? value[..Limits.KeyLength] + "…" : value;

    /// <summary>Whether the key holds text (the default value of a key type holds none).</summary>
    public static bool IsSet<TKey>(TKey key)
        where TKey : struct, ITypedKey<TKey> => key.Value is not null;

    public static TKey Ensure<TKey>(TKey key, string name)
        where TKey : struct, ITypedKey<TKey>
    {
        if (key.Value is null)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.InvalidText, "The {name} is missing: give its {type}.", ("name", Words.Identifier(name)), ("type", Words.Identifier(typeof(TKey).Name)));
        }

        return key;
    }

    /// <summary>Refuses the default value of a key type, which holds no text.</summary>
    public static TKey? Ensure<TKey>(TKey? key, string name)
        where TKey : struct, ITypedKey<TKey> => key is { } value ? Ensure(value, name) : null;
}

/// <summary>Writes a typed key as its text, as a value and as a property name.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
internal sealed class TypedKeyJsonConverter<TKey> : JsonConverter<TKey>
    where TKey : struct, ITypedKey<TKey>
{
    public override TKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadCore(reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException($"{typeof(TKey).Name} is stored as a string."));

    public override void Write(Utf8JsonWriter writer, TKey value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);

    public override TKey ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadCore(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TKey value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.Value);

    private static TKey ReadCore(string? text) =>
        TypedKey.Problem(text) is null ? TKey.From(text!) : throw new JsonException($"'{(text is { Length: <= 80 } ? text : "the text")}' is not a valid {typeof(TKey).Name}.");
}

/// <summary>The door check of a typed key as a FluentValidation rule: the key is not the empty default.</summary>
internal static class TypedKeyRules
{
    public static IRuleBuilderOptions<T, TKey> IsKey<T, TKey>(this IRuleBuilder<T, TKey> rule)
        where TKey : struct, ITypedKey<TKey> =>
        rule.Must(key => key.Value is not null).WithErrorCode(ErrorCodes.Kernel.InvalidText.Code).WithMessage("The {PropertyName} is missing.");

    public static IRuleBuilderOptions<T, TKey?> IsKeyOrNull<T, TKey>(this IRuleBuilder<T, TKey?> rule)
        where TKey : struct, ITypedKey<TKey> =>
        rule.Must(key => key is null || key.Value.Value is not null).WithErrorCode(ErrorCodes.Kernel.InvalidText.Code).WithMessage("The {PropertyName} is missing.");
}
