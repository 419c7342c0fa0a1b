using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Conflicts;

/// <summary>Identifies a conflict case between members, or between a member and the coalition.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<ConflictCaseId>))]
public readonly record struct ConflictCaseId : ITypedId<ConflictCaseId>
{
    private ConflictCaseId(Guid value) => Value = value;

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>Creates a new, random id.</summary>
    /// <returns>A fresh id.</returns>
    public static ConflictCaseId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public static ConflictCaseId FromGuid(Guid value) => new(TypedId.Check(value, nameof(ConflictCaseId)));

    /// <summary>Parses the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static ConflictCaseId Parse(string text) => TypedId.Parse<ConflictCaseId>(text);

    /// <summary>Tries to parse the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="id">The id, when parsing succeeded.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a non-empty GUID.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out ConflictCaseId id) => TypedId.TryParse(text, out id);

    /// <summary>Returns the GUID in its "D" form.</summary>
    /// <returns>The id as text.</returns>
    public override string ToString() => Value.ToString("D");
}

/// <summary>Names a follow-up item of a case's resolution, such as <c>apology-letter</c>: one line of at most 64 characters.</summary>
[JsonConverter(typeof(TypedKeyJsonConverter<FollowUpKey>))]
public readonly record struct FollowUpKey : ITypedKey<FollowUpKey>
{
    /// <summary>Initializes a key from its text, trimmed.</summary>
    /// <param name="value">The text: one line of at most 64 characters once trimmed.</param>
    /// <exception cref="CoalitionRuleException">The text is blank, too long, or not one line (<c>Kernel.InvalidText</c>).</exception>
    public FollowUpKey(string value) => Value = TypedKey.Check(value, nameof(FollowUpKey));

    /// <inheritdoc />
    public string Value { get; }

    /// <inheritdoc />
    public static FollowUpKey From(string value) => new(value);

    /// <summary>Returns the key's text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value ?? string.Empty;
}
