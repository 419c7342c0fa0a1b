using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Coalitions.Core.Serialization;

/// <summary>
/// JSON for events and value types: a source-generated <see cref="JsonSerializerContext"/> with
/// NodaTime converters (ISO 8601 text for instants and dates) and a stable type discriminator
/// (<c>"$type": "Decisions.BallotCast"</c>) for every <see cref="IDomainEvent"/>.
/// </summary>
/// <remarks>
/// Discriminators are part of the stored format and never change; a renamed event class keeps its
/// discriminator. Hosts that need their own options can start from <see cref="CreateOptions"/>.
/// </remarks>
/// <threadsafety>All members are safe to call from several threads.</threadsafety>
public static class CoalitionsJson
{
    private static readonly Lazy<JsonSerializerOptions> DefaultOptions = new(CreateFrozenOptions);

    // A lone surrogate makes the text unreadable, as the general reader finds it, rather than a replacement character.
    // The event stores' JSON check (EventStoreRules) encodes with it too.
    internal static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Gets the shared, read-only options used by <see cref="SerializeEvent"/> and <see cref="DeserializeEvent"/>.</summary>
    public static JsonSerializerOptions Options => DefaultOptions.Value;

    /// <summary>Gets every event type with its stable discriminator.</summary>
    public static IReadOnlyDictionary<Type, string> EventTypes => EventCatalog.Discriminators;

    /// <summary>Creates a new, writable copy of the options, for hosts that add their own settings.</summary>
    /// <returns>Options with the package's resolver, naming policy and NodaTime converters.</returns>
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(CoalitionsJsonContext.Default.Options)
        {
            TypeInfoResolver = CoalitionsJsonContext.Default
                .WithAddedModifier(EventCatalog.AddEventPolymorphism)
                .WithAddedModifier(RequiredProperties.Mark),
        };
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.Converters.Insert(0, new StrictEnumConverterFactory());
        return options;
    }

    /// <summary>Serializes an event with its type discriminator, whatever its static type.</summary>
    /// <param name="domainEvent">The event.</param>
    /// <returns>The JSON text.</returns>
    public static string SerializeEvent(IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return domainEvent is BallotCast ballot
            ? BallotCastJson.Write(ballot)
            : JsonSerializer.Serialize(domainEvent, Options.GetTypeInfo(typeof(IDomainEvent)));
    }

    /// <summary>
    /// Reads an event written by <see cref="SerializeEvent"/>, treating the text as untrusted: it must be one JSON
    /// object of a known event type, with every required property, defined enum values (by name), no empty ids, no
    /// nulls where a value is required, and texts and sizes within bounds.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The event, of its original type.</returns>
    /// <exception cref="StoredEventException">The text is not such an event (<c>Kernel.UnreadableEvent</c>); this is the only exception thrown for bad text.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static IDomainEvent DeserializeEvent(string json)
    {
        ArgumentNullException.ThrowIfNull(json);

        // Most stored events are ballots in the writer's own layout: read from the string itself (any other text, or
        // anything unusual in one, goes to the strict readers below).
        if (BallotCastJson.TryReadCanonical(json, out var ballot))
        {
            return ballot!;
        }

        IDomainEvent? domainEvent;
        byte[]? rented = null;
        try
        {
            // Ballots, by far the most numerous events, are read by hand (BallotCastJson); the rest by the general reader.
            // A short text (a ballot) gets a buffer of the largest size it could take, saving a counting pass over it.
            rented = ArrayPool<byte>.Shared.Rent(json.Length <= 4096 ? StrictUtf8.GetMaxByteCount(json.Length) : StrictUtf8.GetByteCount(json));
            var utf8 = rented.AsSpan(0, StrictUtf8.GetBytes(json, rented));
            if (BallotCastJson.IsBallot(utf8))
            {
                // The ballot reader refuses a property named twice itself.
                domainEvent = BallotCastJson.Read(utf8);
            }
            else
            {
                CheckUniqueProperties(utf8);
                domainEvent = (IDomainEvent?)JsonSerializer.Deserialize(utf8, Options.GetTypeInfo(typeof(IDomainEvent)));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException and not StackOverflowException)
        {
            throw Unreadable($"it cannot be read ({Describe(e)}).", TypeOf(json), e);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        if (domainEvent is null)
        {
            throw Unreadable("the JSON text holds null, not an event.", null, null);
        }

        // For a ballot, EventShape.Problem is BallotCastJson's direct check, in the general check's words.
        if (EventShape.Problem(domainEvent) is { } problem)
        {
            throw Unreadable(problem, EventCatalog.Discriminators[domainEvent.GetType()], null);
        }

        return domainEvent;
    }

    /// <summary>
    /// Serializes a value of the package (an outcome, a rule, an electorate) with the package's options. For events
    /// use <see cref="SerializeEvent"/>, which writes the type discriminator.
    /// </summary>
    /// <typeparam name="T">A type registered in <see cref="CoalitionsJsonContext"/>.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize<T>(T value) =>
        JsonSerializer.Serialize(value, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));

    /// <summary>
    /// Reads a value of the package (an outcome, a rule, an electorate) as strictly as an event: an object that names a
    /// property twice is refused, as are text that is not UTF-16 and the shapes the package's converters refuse.
    /// </summary>
    /// <typeparam name="T">A type registered in <see cref="CoalitionsJsonContext"/>.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The text is not such a value, including a value its own rules refuse (the
    /// value's <see cref="CoalitionRuleException"/> is the inner exception); this is the only exception thrown for bad text.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static T? Deserialize<T>(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var typeInfo = (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
        byte[] utf8;
        try
        {
            utf8 = StrictUtf8.GetBytes(json);
        }
        catch (EncoderFallbackException e)
        {
            throw new JsonException("The text holds a lone surrogate: it is not UTF-16.", e);
        }

        // A value read here could be read another way by a tool that takes a repeated property's first value.
        CheckUniqueProperties(utf8);
        try
        {
            return JsonSerializer.Deserialize(utf8, typeInfo);
        }
        catch (Exception e) when (e is not JsonException and not OutOfMemoryException and not StackOverflowException)
        {
            // A value's own rule refused what the text holds (a voter without representatives, a rule that closes
            // early on ballots that may change): the text is not such a value, as for any malformed JSON.
            throw new JsonException($"The text is not a valid {typeof(T).Name}: {Describe(e)}", e);
        }
    }

    // The walk nests as deep as the reader that follows may (0 in the options means the serializer's default, 64).
    private static void CheckUniqueProperties(ReadOnlySpan<byte> utf8) =>
        UniqueProperties.Check(utf8, Options.MaxDepth == 0 ? 64 : Options.MaxDepth);

    private static StoredEventException Unreadable(string problem, string? type, Exception? inner) =>
        new(ErrorCodes.Kernel.UnreadableEvent, $"A stored event{(type is null ? string.Empty : $" ({type})")} is unreadable: {problem}", null, type, inner);

    private static string Describe(Exception e) => e switch
    {
        CoalitionRuleException rule => $"{rule.Code}: {rule.Message}",
        JsonException json when json.Path is not null => $"at {json.Path}: {json.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    // The discriminator, if the text is an object that starts with one; for messages only.
    private static string? TypeOf(string json)
    {
        const string marker = "\"$type\":\"";
        var start = json.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0 || start > 8)
        {
            return null;
        }

        start += marker.Length;
        var end = json.IndexOf('"', start);
        return end > start && end - start <= 100 ? json[start..end] : null;
    }

    private static JsonSerializerOptions CreateFrozenOptions()
    {
        var options = CreateOptions();
        options.MakeReadOnly();
        return options;
    }
}
