using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Advocacy;

/// <summary>Identifies a policy position of a coalition.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<PolicyPositionId>))]
public readonly record struct PolicyPositionId : ITypedId<PolicyPositionId>
{
    private PolicyPositionId(Guid value) => Value = value;

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>Creates a new, random id.</summary>
    /// <returns>A fresh id.</returns>
    public static PolicyPositionId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public static PolicyPositionId FromGuid(Guid value) => new(TypedId.Check(value, nameof(PolicyPositionId)));

    /// <summary>Parses the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static PolicyPositionId Parse(string text) => TypedId.Parse<PolicyPositionId>(text);

    /// <summary>Tries to parse the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="id">The id, when parsing succeeded.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a non-empty GUID.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out PolicyPositionId id) => TypedId.TryParse(text, out id);

    /// <summary>Returns the GUID in its "D" form.</summary>
    /// <returns>The id as text.</returns>
    public override string ToString() => Value.ToString("D");
}

/// <summary>Identifies a sign-on statement.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<SignOnStatementId>))]
public readonly record struct SignOnStatementId : ITypedId<SignOnStatementId>
{
    private SignOnStatementId(Guid value) => Value = value;

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>Creates a new, random id.</summary>
    /// <returns>A fresh id.</returns>
    public static SignOnStatementId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public static SignOnStatementId FromGuid(Guid value) => new(TypedId.Check(value, nameof(SignOnStatementId)));

    /// <summary>Parses the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static SignOnStatementId Parse(string text) => TypedId.Parse<SignOnStatementId>(text);

    /// <summary>Tries to parse the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="id">The id, when parsing succeeded.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a non-empty GUID.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out SignOnStatementId id) => TypedId.TryParse(text, out id);

    /// <summary>Returns the GUID in its "D" form.</summary>
    /// <returns>The id as text.</returns>
    public override string ToString() => Value.ToString("D");
}

/// <summary>Identifies one endorsement of a sign-on statement.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<EndorsementId>))]
public readonly record struct EndorsementId : ITypedId<EndorsementId>
{
    private EndorsementId(Guid value) => Value = value;

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>Creates a new, random id.</summary>
    /// <returns>A fresh id.</returns>
    public static EndorsementId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public static EndorsementId FromGuid(Guid value) => new(TypedId.Check(value, nameof(EndorsementId)));

    /// <summary>Parses the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static EndorsementId Parse(string text) => TypedId.Parse<EndorsementId>(text);

    /// <summary>Tries to parse the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="id">The id, when parsing succeeded.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a non-empty GUID.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out EndorsementId id) => TypedId.TryParse(text, out id);

    /// <summary>Returns the GUID in its "D" form.</summary>
    /// <returns>The id as text.</returns>
    public override string ToString() => Value.ToString("D");
}

/// <summary>Identifies an advocacy campaign.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<CampaignId>))]
public readonly record struct CampaignId : ITypedId<CampaignId>
{
    private CampaignId(Guid value) => Value = value;

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>Creates a new, random id.</summary>
    /// <returns>A fresh id.</returns>
    public static CampaignId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public static CampaignId FromGuid(Guid value) => new(TypedId.Check(value, nameof(CampaignId)));

    /// <summary>Parses the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static CampaignId Parse(string text) => TypedId.Parse<CampaignId>(text);

    /// <summary>Tries to parse the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="id">The id, when parsing succeeded.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a non-empty GUID.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out CampaignId id) => TypedId.TryParse(text, out id);

    /// <summary>Returns the GUID in its "D" form.</summary>
    /// <returns>The id as text.</returns>
    public override string ToString() => Value.ToString("D");
}

/// <summary>Identifies an external event a campaign aims at (an intergovernmental meeting, a hearing, a budget debate), as the host or the meetings room records it.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<ExternalEventId>))]
public readonly record struct ExternalEventId : ITypedId<ExternalEventId>
{
    private ExternalEventId(Guid value) => Value = value;

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>Creates a new, random id.</summary>
    /// <returns>A fresh id.</returns>
    public static ExternalEventId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public static ExternalEventId FromGuid(Guid value) => new(TypedId.Check(value, nameof(ExternalEventId)));

    /// <summary>Parses the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static ExternalEventId Parse(string text) => TypedId.Parse<ExternalEventId>(text);

    /// <summary>Tries to parse the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="id">The id, when parsing succeeded.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a non-empty GUID.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out ExternalEventId id) => TypedId.TryParse(text, out id);

    /// <summary>Returns the GUID in its "D" form.</summary>
    /// <returns>The id as text.</returns>
    public override string ToString() => Value.ToString("D");
}

/// <summary>Names an issue on which a coalition takes positions, such as <c>education-budget</c>: one line of at most 64 characters.</summary>
[JsonConverter(typeof(TypedKeyJsonConverter<IssueKey>))]
public readonly record struct IssueKey : ITypedKey<IssueKey>
{
    /// <summary>Initializes a key from its text, trimmed.</summary>
    /// <param name="value">The text: one line of at most 64 characters once trimmed.</param>
    /// <exception cref="CoalitionRuleException">The text is blank, too long, or not one line (<c>Kernel.InvalidText</c>).</exception>
    public IssueKey(string value) => Value = TypedKey.Check(value, nameof(IssueKey));

    /// <inheritdoc />
    public string Value { get; }

    /// <inheritdoc />
    public static IssueKey From(string value) => new(value);

    /// <summary>Returns the key's text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Names a target of a campaign (an official or an institution), such as <c>minister-of-education</c>: one line of at most 64 characters.</summary>
[JsonConverter(typeof(TypedKeyJsonConverter<TargetKey>))]
public readonly record struct TargetKey : ITypedKey<TargetKey>
{
    /// <summary>Initializes a key from its text, trimmed.</summary>
    /// <param name="value">The text: one line of at most 64 characters once trimmed.</param>
    /// <exception cref="CoalitionRuleException">The text is blank, too long, or not one line (<c>Kernel.InvalidText</c>).</exception>
    public TargetKey(string value) => Value = TypedKey.Check(value, nameof(TargetKey));

    /// <inheritdoc />
    public string Value { get; }

    /// <inheritdoc />
    public static TargetKey From(string value) => new(value);

    /// <summary>Returns the key's text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Names an objective of a campaign, such as <c>six-percent</c>: one line of at most 64 characters.</summary>
[JsonConverter(typeof(TypedKeyJsonConverter<CampaignObjectiveKey>))]
public readonly record struct CampaignObjectiveKey : ITypedKey<CampaignObjectiveKey>
{
    /// <summary>Initializes a key from its text, trimmed.</summary>
    /// <param name="value">The text: one line of at most 64 characters once trimmed.</param>
    /// <exception cref="CoalitionRuleException">The text is blank, too long, or not one line (<c>Kernel.InvalidText</c>).</exception>
    public CampaignObjectiveKey(string value) => Value = TypedKey.Check(value, nameof(CampaignObjectiveKey));

    /// <inheritdoc />
    public string Value { get; }

    /// <inheritdoc />
    public static CampaignObjectiveKey From(string value) => new(value);

    /// <summary>Returns the key's text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Names an action of a campaign, such as <c>meet-the-minister</c>: one line of at most 64 characters.</summary>
[JsonConverter(typeof(TypedKeyJsonConverter<CampaignActionKey>))]
public readonly record struct CampaignActionKey : ITypedKey<CampaignActionKey>
{
    /// <summary>Initializes a key from its text, trimmed.</summary>
    /// <param name="value">The text: one line of at most 64 characters once trimmed.</param>
    /// <exception cref="CoalitionRuleException">The text is blank, too long, or not one line (<c>Kernel.InvalidText</c>).</exception>
    public CampaignActionKey(string value) => Value = TypedKey.Check(value, nameof(CampaignActionKey));

    /// <inheritdoc />
    public string Value { get; }

    /// <inheritdoc />
    public static CampaignActionKey From(string value) => new(value);

    /// <summary>Returns the key's text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value ?? string.Empty;
}
