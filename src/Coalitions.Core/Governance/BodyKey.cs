using System.Text.Json.Serialization;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Governance;

/// <summary>
/// The key that names a governance body within its coalition, such as <c>steering-committee</c>: 1 to 50 lower-case
/// letters, digits or hyphens, starting with a letter or digit. The bodies of the templates have constants in
/// <see cref="GovernanceTemplates.Bodies"/>.
/// </summary>
/// <remarks>
/// A key is stored as its plain text, so events recorded when keys were strings read unchanged. A string converts to a
/// key implicitly (<c>governance.Appoint("steering-committee", ...)</c> still compiles), and the conversion checks it:
/// text that is not a body key is refused with <c>Governance.InvalidBody</c>. The default value holds no text and is
/// refused by every command.
/// </remarks>
[JsonConverter(typeof(TypedKeyJsonConverter<BodyKey>))]
public readonly record struct BodyKey : ITypedKey<BodyKey>
{
    /// <summary>Initializes a key.</summary>
    /// <param name="value">1 to 50 lower-case letters, digits or hyphens, starting with a letter or digit; spaces at either end are trimmed, as for every key.</param>
    /// <exception cref="CoalitionRuleException">The text is not a body key (<c>Governance.InvalidBody</c>).</exception>
    public BodyKey(string value) =>
        Value = value?.Trim() is { } text && GovernanceRules.IsKey(text)
            ? text
            : throw GovernanceRules.InvalidBody("The body key '{value}' must be 1 to 50 lower-case letters, digits or hyphens, such as steering-committee.", value);

    /// <inheritdoc />
    public string Value { get; }

    /// <summary>Converts text to a body key, checking it.</summary>
    /// <param name="value">1 to 50 lower-case letters, digits or hyphens.</param>
    /// <exception cref="CoalitionRuleException">The text is not a body key (<c>Governance.InvalidBody</c>).</exception>
    public static implicit operator BodyKey(string value) => new(value);

    /// <inheritdoc />
    public static BodyKey From(string value) => new(value);

    /// <summary>Creates a key from its text: the named alternative of the implicit conversion.</summary>
    /// <param name="value">1 to 50 lower-case letters, digits or hyphens.</param>
    /// <returns>The key.</returns>
    /// <exception cref="CoalitionRuleException">The text is not a body key (<c>Governance.InvalidBody</c>).</exception>
    public static BodyKey FromString(string value) => new(value);

    /// <summary>Returns the key's text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value ?? string.Empty;
}
