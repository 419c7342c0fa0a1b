using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Meetings;

/// <summary>Identifies a meeting of the coalition or one of its bodies.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<MeetingId>))]
public readonly record struct MeetingId : ITypedId<MeetingId>
{
    private MeetingId(Guid value) => Value = value;

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>Creates a new, random id.</summary>
    /// <returns>A fresh id.</returns>
    public static MeetingId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public static MeetingId FromGuid(Guid value) => new(TypedId.Check(value, nameof(MeetingId)));

    /// <summary>Parses the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static MeetingId Parse(string text) => TypedId.Parse<MeetingId>(text);

    /// <summary>Tries to parse the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="id">The id, when parsing succeeded.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a non-empty GUID.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out MeetingId id) => TypedId.TryParse(text, out id);

    /// <summary>Returns the GUID in its "D" form.</summary>
    /// <returns>The id as text.</returns>
    public override string ToString() => Value.ToString("D");
}

/// <summary>Identifies a series of meetings that follows a body's cadence.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<MeetingSeriesId>))]
public readonly record struct MeetingSeriesId : ITypedId<MeetingSeriesId>
{
    private MeetingSeriesId(Guid value) => Value = value;

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>Creates a new, random id.</summary>
    /// <returns>A fresh id.</returns>
    public static MeetingSeriesId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public static MeetingSeriesId FromGuid(Guid value) => new(TypedId.Check(value, nameof(MeetingSeriesId)));

    /// <summary>Parses the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static MeetingSeriesId Parse(string text) => TypedId.Parse<MeetingSeriesId>(text);

    /// <summary>Tries to parse the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="id">The id, when parsing succeeded.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a non-empty GUID.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out MeetingSeriesId id) => TypedId.TryParse(text, out id);

    /// <summary>Returns the GUID in its "D" form.</summary>
    /// <returns>The id as text.</returns>
    public override string ToString() => Value.ToString("D");
}

/// <summary>Identifies the coalition's preparation for an external event (an intergovernmental meeting it attends).</summary>
[JsonConverter(typeof(TypedIdJsonConverter<PreparationId>))]
public readonly record struct PreparationId : ITypedId<PreparationId>
{
    private PreparationId(Guid value) => Value = value;

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>Creates a new, random id.</summary>
    /// <returns>A fresh id.</returns>
    public static PreparationId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public static PreparationId FromGuid(Guid value) => new(TypedId.Check(value, nameof(PreparationId)));

    /// <summary>Parses the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static PreparationId Parse(string text) => TypedId.Parse<PreparationId>(text);

    /// <summary>Tries to parse the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="id">The id, when parsing succeeded.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a non-empty GUID.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out PreparationId id) => TypedId.TryParse(text, out id);

    /// <summary>Returns the GUID in its "D" form.</summary>
    /// <returns>The id as text.</returns>
    public override string ToString() => Value.ToString("D");
}
