using System.Text.Json.Serialization;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Communication;

/// <summary>Names an audience of a communication plan within its aggregate, such as <c>members</c>: one line of 1 to 64 characters, compared exactly.</summary>
[JsonConverter(typeof(TypedKeyJsonConverter<AudienceKey>))]
public readonly record struct AudienceKey : ITypedKey<AudienceKey>
{
    /// <summary>Initializes a key.</summary>
    /// <param name="value">The key: one line of 1 to 64 characters, without control characters.</param>
    /// <exception cref="CoalitionRuleException">The key is blank, longer than 64 characters or not one line (<c>Kernel.InvalidText</c>).</exception>
    public AudienceKey(string value) => Value = TypedKey.Check(value, nameof(AudienceKey));

    /// <summary>Gets the key's text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public static AudienceKey From(string value) => new(value);

    /// <summary>Returns the key's text.</summary>
    /// <returns>The key.</returns>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Names a channel of a communication plan within its aggregate, such as <c>newsletter</c>: one line of 1 to 64 characters, compared exactly.</summary>
[JsonConverter(typeof(TypedKeyJsonConverter<ChannelKey>))]
public readonly record struct ChannelKey : ITypedKey<ChannelKey>
{
    /// <summary>Initializes a key.</summary>
    /// <param name="value">The key: one line of 1 to 64 characters, without control characters.</param>
    /// <exception cref="CoalitionRuleException">The key is blank, longer than 64 characters or not one line (<c>Kernel.InvalidText</c>).</exception>
    public ChannelKey(string value) => Value = TypedKey.Check(value, nameof(ChannelKey));

    /// <summary>Gets the key's text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public static ChannelKey From(string value) => new(value);

    /// <summary>Returns the key's text.</summary>
    /// <returns>The key.</returns>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Names a social media platform of a communication plan within its aggregate, such as <c>instagram</c>: one line of 1 to 64 characters, compared exactly.</summary>
[JsonConverter(typeof(TypedKeyJsonConverter<PlatformKey>))]
public readonly record struct PlatformKey : ITypedKey<PlatformKey>
{
    /// <summary>Initializes a key.</summary>
    /// <param name="value">The key: one line of 1 to 64 characters, without control characters.</param>
    /// <exception cref="CoalitionRuleException">The key is blank, longer than 64 characters or not one line (<c>Kernel.InvalidText</c>).</exception>
    public PlatformKey(string value) => Value = TypedKey.Check(value, nameof(PlatformKey));

    /// <summary>Gets the key's text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public static PlatformKey From(string value) => new(value);

    /// <summary>Returns the key's text.</summary>
    /// <returns>The key.</returns>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Names an objective of a social media plan within its aggregate, such as <c>raise-awareness</c>: one line of 1 to 64 characters, compared exactly.</summary>
[JsonConverter(typeof(TypedKeyJsonConverter<ObjectiveKey>))]
public readonly record struct ObjectiveKey : ITypedKey<ObjectiveKey>
{
    /// <summary>Initializes a key.</summary>
    /// <param name="value">The key: one line of 1 to 64 characters, without control characters.</param>
    /// <exception cref="CoalitionRuleException">The key is blank, longer than 64 characters or not one line (<c>Kernel.InvalidText</c>).</exception>
    public ObjectiveKey(string value) => Value = TypedKey.Check(value, nameof(ObjectiveKey));

    /// <summary>Gets the key's text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public static ObjectiveKey From(string value) => new(value);

    /// <summary>Returns the key's text.</summary>
    /// <returns>The key.</returns>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Names a measure of a social media plan within its aggregate, such as <c>reach-instagram</c>: one line of 1 to 64 characters, compared exactly.</summary>
[JsonConverter(typeof(TypedKeyJsonConverter<MeasureKey>))]
public readonly record struct MeasureKey : ITypedKey<MeasureKey>
{
    /// <summary>Initializes a key.</summary>
    /// <param name="value">The key: one line of 1 to 64 characters, without control characters.</param>
    /// <exception cref="CoalitionRuleException">The key is blank, longer than 64 characters or not one line (<c>Kernel.InvalidText</c>).</exception>
    public MeasureKey(string value) => Value = TypedKey.Check(value, nameof(MeasureKey));

    /// <summary>Gets the key's text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public static MeasureKey From(string value) => new(value);

    /// <summary>Returns the key's text.</summary>
    /// <returns>The key.</returns>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Names an item of a communication plan's content calendar within its aggregate, such as <c>budget-day-post</c>: one line of 1 to 64 characters, compared exactly.</summary>
[JsonConverter(typeof(TypedKeyJsonConverter<ContentKey>))]
public readonly record struct ContentKey : ITypedKey<ContentKey>
{
    /// <summary>Initializes a key.</summary>
    /// <param name="value">The key: one line of 1 to 64 characters, without control characters.</param>
    /// <exception cref="CoalitionRuleException">The key is blank, longer than 64 characters or not one line (<c>Kernel.InvalidText</c>).</exception>
    public ContentKey(string value) => Value = TypedKey.Check(value, nameof(ContentKey));

    /// <summary>Gets the key's text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public static ContentKey From(string value) => new(value);

    /// <summary>Returns the key's text.</summary>
    /// <returns>The key.</returns>
    public override string ToString() => Value ?? string.Empty;
}
