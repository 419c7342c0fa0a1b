using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Engagement;

/// <summary>Identifies one acknowledgement on a coalition's recognition roll.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<AcknowledgementId>))]
public readonly record struct AcknowledgementId : ITypedId<AcknowledgementId>
{
    private AcknowledgementId(Guid value) => Value = value;

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>Creates a new, random id.</summary>
    /// <returns>A fresh id.</returns>
    public static AcknowledgementId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public static AcknowledgementId FromGuid(Guid value) => new(TypedId.Check(value, nameof(AcknowledgementId)));

    /// <summary>Parses the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static AcknowledgementId Parse(string text) => TypedId.Parse<AcknowledgementId>(text);

    /// <summary>Tries to parse the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="id">The id, when parsing succeeded.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a non-empty GUID.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out AcknowledgementId id) => TypedId.TryParse(text, out id);

    /// <summary>Returns the GUID in its "D" form.</summary>
    /// <returns>The id as text.</returns>
    public override string ToString() => Value.ToString("D");
}

/// <summary>Identifies one round of a coalition's collaboration health check.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<HealthCheckId>))]
public readonly record struct HealthCheckId : ITypedId<HealthCheckId>
{
    private HealthCheckId(Guid value) => Value = value;

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>Creates a new, random id.</summary>
    /// <returns>A fresh id.</returns>
    public static HealthCheckId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public static HealthCheckId FromGuid(Guid value) => new(TypedId.Check(value, nameof(HealthCheckId)));

    /// <summary>Parses the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static HealthCheckId Parse(string text) => TypedId.Parse<HealthCheckId>(text);

    /// <summary>Tries to parse the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="id">The id, when parsing succeeded.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a non-empty GUID.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out HealthCheckId id) => TypedId.TryParse(text, out id);

    /// <summary>Returns the GUID in its "D" form.</summary>
    /// <returns>The id as text.</returns>
    public override string ToString() => Value.ToString("D");
}

/// <summary>Names a statement members rate in a health check, such as <c>shared-vision</c>: one line of at most 64 characters.</summary>
[JsonConverter(typeof(TypedKeyJsonConverter<HealthStatementKey>))]
public readonly record struct HealthStatementKey : ITypedKey<HealthStatementKey>
{
    /// <summary>Initializes a key from its text, trimmed.</summary>
    /// <param name="value">The text: one line of at most 64 characters once trimmed.</param>
    /// <exception cref="CoalitionRuleException">The text is blank, too long, or not one line (<c>Kernel.InvalidText</c>).</exception>
    public HealthStatementKey(string value) => Value = TypedKey.Check(value, nameof(HealthStatementKey));

    /// <inheritdoc />
    public string Value { get; }

    /// <inheritdoc />
    public static HealthStatementKey From(string value) => new(value);

    /// <summary>Returns the key's text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Names a factor of collaboration a health check scores, such as <c>trust</c>: one line of at most 64 characters.</summary>
[JsonConverter(typeof(TypedKeyJsonConverter<FactorKey>))]
public readonly record struct FactorKey : ITypedKey<FactorKey>
{
    /// <summary>Initializes a key from its text, trimmed.</summary>
    /// <param name="value">The text: one line of at most 64 characters once trimmed.</param>
    /// <exception cref="CoalitionRuleException">The text is blank, too long, or not one line (<c>Kernel.InvalidText</c>).</exception>
    public FactorKey(string value) => Value = TypedKey.Check(value, nameof(FactorKey));

    /// <inheritdoc />
    public string Value { get; }

    /// <inheritdoc />
    public static FactorKey From(string value) => new(value);

    /// <summary>Returns the key's text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value ?? string.Empty;
}
