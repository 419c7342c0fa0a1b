using System.Text.Json.Serialization;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Coalitions;

/// <summary>
/// The stable name of a goal of the charter, such as <c>reading-by-ten</c>: what indicators and reports cite, so that a
/// goal keeps its measurements when an amendment rewords its title or reorders the goals.
/// </summary>
[JsonConverter(typeof(TypedKeyJsonConverter<GoalKey>))]
public readonly record struct GoalKey : ITypedKey<GoalKey>
{
    /// <summary>Initializes a key.</summary>
    /// <param name="value">One line of at most 64 characters, not blank.</param>
    /// <exception cref="CoalitionRuleException">The text is not a key (<c>Kernel.InvalidText</c>).</exception>
    public GoalKey(string value) => Value = TypedKey.Check(value, nameof(GoalKey));

    /// <inheritdoc />
    public string Value { get; }

    /// <inheritdoc />
    public static GoalKey From(string value) => new(value);

    /// <summary>Returns the key's text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value ?? string.Empty;
}
