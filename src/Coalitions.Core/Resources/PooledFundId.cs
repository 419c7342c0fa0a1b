using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Resources;

/// <summary>Identifies a pooled fund of a coalition.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<PooledFundId>))]
public readonly record struct PooledFundId : ITypedId<PooledFundId>
{
    private PooledFundId(Guid value) => Value = value;

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>Creates a new, random id.</summary>
    /// <returns>A fresh id.</returns>
    public static PooledFundId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public static PooledFundId FromGuid(Guid value) => new(TypedId.Check(value, nameof(PooledFundId)));

    /// <summary>Parses the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static PooledFundId Parse(string text) => TypedId.Parse<PooledFundId>(text);

    /// <summary>Tries to parse the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="id">The id, when parsing succeeded.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a non-empty GUID.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out PooledFundId id) => TypedId.TryParse(text, out id);

    /// <summary>Returns the GUID in its "D" form.</summary>
    /// <returns>The id as text.</returns>
    public override string ToString() => Value.ToString("D");
}
