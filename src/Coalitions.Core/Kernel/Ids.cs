using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Coalitions.Core.Kernel;

/// <summary>Identifies a partner: an organization that joins or may join coalitions.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<PartnerId>))]
public readonly record struct PartnerId : ITypedId<PartnerId>
{
    private PartnerId(Guid value) => Value = value;

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>Creates a new, random id.</summary>
    /// <returns>A fresh id.</returns>
    public static PartnerId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public static PartnerId FromGuid(Guid value) => new(TypedId.Check(value, nameof(PartnerId)));

    /// <summary>Parses the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static PartnerId Parse(string text) => TypedId.Parse<PartnerId>(text);

    /// <summary>Tries to parse the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="id">The id, when parsing succeeded.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a non-empty GUID.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out PartnerId id) => TypedId.TryParse(text, out id);

    /// <summary>Returns the GUID in its "D" form.</summary>
    /// <returns>The id as text.</returns>
    public override string ToString() => Value.ToString("D");
}

/// <summary>Identifies a person: a representative who acts for a partner.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<PersonId>))]
public readonly record struct PersonId : ITypedId<PersonId>
{
    private PersonId(Guid value) => Value = value;

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>Creates a new, random id.</summary>
    /// <returns>A fresh id.</returns>
    public static PersonId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public static PersonId FromGuid(Guid value) => new(TypedId.Check(value, nameof(PersonId)));

    /// <summary>Parses the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static PersonId Parse(string text) => TypedId.Parse<PersonId>(text);

    /// <summary>Tries to parse the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="id">The id, when parsing succeeded.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a non-empty GUID.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out PersonId id) => TypedId.TryParse(text, out id);

    /// <summary>Returns the GUID in its "D" form.</summary>
    /// <returns>The id as text.</returns>
    public override string ToString() => Value.ToString("D");
}

/// <summary>Identifies a coalition or network.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<CoalitionId>))]
public readonly record struct CoalitionId : ITypedId<CoalitionId>
{
    private CoalitionId(Guid value) => Value = value;

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>Creates a new, random id.</summary>
    /// <returns>A fresh id.</returns>
    public static CoalitionId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public static CoalitionId FromGuid(Guid value) => new(TypedId.Check(value, nameof(CoalitionId)));

    /// <summary>Parses the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static CoalitionId Parse(string text) => TypedId.Parse<CoalitionId>(text);

    /// <summary>Tries to parse the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="id">The id, when parsing succeeded.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a non-empty GUID.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out CoalitionId id) => TypedId.TryParse(text, out id);

    /// <summary>Returns the GUID in its "D" form.</summary>
    /// <returns>The id as text.</returns>
    public override string ToString() => Value.ToString("D");
}
