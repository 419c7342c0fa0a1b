using System.Text.Json.Serialization;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Meetings;

/// <summary>Names an item of a meeting's agenda within its aggregate, such as <c>budget-review</c>: one line of 1 to 64 characters, compared exactly.</summary>
[JsonConverter(typeof(TypedKeyJsonConverter<AgendaKey>))]
public readonly record struct AgendaKey : ITypedKey<AgendaKey>
{
    /// <summary>Initializes a key.</summary>
    /// <param name="value">The key: one line of 1 to 64 characters, without control characters.</param>
    /// <exception cref="CoalitionRuleException">The key is blank, longer than 64 characters or not one line (<c>Kernel.InvalidText</c>).</exception>
    public AgendaKey(string value) => Value = TypedKey.Check(value, nameof(AgendaKey));

    /// <summary>Gets the key's text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public static AgendaKey From(string value) => new(value);

    /// <summary>Returns the key's text.</summary>
    /// <returns>The key.</returns>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Names an action item a meeting's minutes record within its aggregate, such as <c>send-draft-to-ministry</c>: one line of 1 to 64 characters, compared exactly.</summary>
[JsonConverter(typeof(TypedKeyJsonConverter<ActionKey>))]
public readonly record struct ActionKey : ITypedKey<ActionKey>
{
    /// <summary>Initializes a key.</summary>
    /// <param name="value">The key: one line of 1 to 64 characters, without control characters.</param>
    /// <exception cref="CoalitionRuleException">The key is blank, longer than 64 characters or not one line (<c>Kernel.InvalidText</c>).</exception>
    public ActionKey(string value) => Value = TypedKey.Check(value, nameof(ActionKey));

    /// <summary>Gets the key's text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public static ActionKey From(string value) => new(value);

    /// <summary>Returns the key's text.</summary>
    /// <returns>The key.</returns>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Names a task of a preparation plan within its aggregate, such as <c>book-venue</c>: one line of 1 to 64 characters, compared exactly.</summary>
[JsonConverter(typeof(TypedKeyJsonConverter<TaskKey>))]
public readonly record struct TaskKey : ITypedKey<TaskKey>
{
    /// <summary>Initializes a key.</summary>
    /// <param name="value">The key: one line of 1 to 64 characters, without control characters.</param>
    /// <exception cref="CoalitionRuleException">The key is blank, longer than 64 characters or not one line (<c>Kernel.InvalidText</c>).</exception>
    public TaskKey(string value) => Value = TypedKey.Check(value, nameof(TaskKey));

    /// <summary>Gets the key's text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public static TaskKey From(string value) => new(value);

    /// <summary>Returns the key's text.</summary>
    /// <returns>The key.</returns>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Names a position the coalition takes to an external event within its aggregate, such as <c>financing-education</c>: one line of 1 to 64 characters, compared exactly.</summary>
[JsonConverter(typeof(TypedKeyJsonConverter<PositionKey>))]
public readonly record struct PositionKey : ITypedKey<PositionKey>
{
    /// <summary>Initializes a key.</summary>
    /// <param name="value">The key: one line of 1 to 64 characters, without control characters.</param>
    /// <exception cref="CoalitionRuleException">The key is blank, longer than 64 characters or not one line (<c>Kernel.InvalidText</c>).</exception>
    public PositionKey(string value) => Value = TypedKey.Check(value, nameof(PositionKey));

    /// <summary>Gets the key's text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public static PositionKey From(string value) => new(value);

    /// <summary>Returns the key's text.</summary>
    /// <returns>The key.</returns>
    public override string ToString() => Value ?? string.Empty;
}
