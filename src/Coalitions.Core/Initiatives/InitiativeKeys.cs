using System.Text.Json.Serialization;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Initiatives;

/// <summary>The name of a milestone of a joint initiative, such as <c>baseline-survey</c>: one line of at most 64 characters.</summary>
[JsonConverter(typeof(TypedKeyJsonConverter<MilestoneKey>))]
public readonly record struct MilestoneKey : ITypedKey<MilestoneKey>
{
    /// <summary>Initializes a key.</summary>
    /// <param name="value">One line of at most 64 characters, not blank.</param>
    /// <exception cref="CoalitionRuleException">The text is not a key (<c>Kernel.InvalidText</c>).</exception>
    public MilestoneKey(string value) => Value = TypedKey.Check(value, nameof(MilestoneKey));

    /// <inheritdoc />
    public string Value { get; }

    /// <inheritdoc />
    public static MilestoneKey From(string value) => new(value);

    /// <summary>Returns the key's text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>The name of a line of a joint initiative's budget, such as <c>books</c>: one line of at most 64 characters.</summary>
[JsonConverter(typeof(TypedKeyJsonConverter<BudgetLineKey>))]
public readonly record struct BudgetLineKey : ITypedKey<BudgetLineKey>
{
    /// <summary>Initializes a key.</summary>
    /// <param name="value">One line of at most 64 characters, not blank.</param>
    /// <exception cref="CoalitionRuleException">The text is not a key (<c>Kernel.InvalidText</c>).</exception>
    public BudgetLineKey(string value) => Value = TypedKey.Check(value, nameof(BudgetLineKey));

    /// <inheritdoc />
    public string Value { get; }

    /// <inheritdoc />
    public static BudgetLineKey From(string value) => new(value);

    /// <summary>Returns the key's text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value ?? string.Empty;
}
