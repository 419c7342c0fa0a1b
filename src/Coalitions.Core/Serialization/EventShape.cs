using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using NodaTime;

namespace Coalitions.Core.Serialization;

/// <summary>
/// Checks the shape of an event, or of any value the package stores, as written: typed ids are not empty, required
/// (non-nullable) references are present, texts are bounded and free of control characters, enum values are defined
/// (for flags, combinations of defined flags), integers are not negative (no stored fact holds a negative one: rounds,
/// versions, counts, weights, seats), collections are bounded and hold no nulls,
/// and the actor is well-formed. Nested values of the package are checked the same way.
/// </summary>
/// <remarks>
/// It runs when an event is raised (so nothing is stored that could not be read back), when an event is read from
/// JSON, and when a history is replayed. The rules come from the types themselves (their nullability annotations and
/// property types), so a new event needs no code here. Checks are compiled once per type.
/// </remarks>
internal static class EventShape
{
    public const int MaxStoredText = 100_000;
    private const int MaxDepth = 16;

    private static readonly ConcurrentDictionary<Type, Check[]> Checks = new();

    private delegate string? Check(object? value, int depth);

    private delegate string? ValueCheck(object value, int depth);

    /// <summary>What is wrong with a value's shape, naming the property, or null when it is well-formed.</summary>
    public static string? Problem(object value) => value switch
    {
        BallotCast ballot => BallotCastJson.ShapeProblem(ballot),
        Polls.PollBallotCast cast => DirectShapes.Problem(cast),
        Agreements.AgreementSigned signed => DirectShapes.Problem(signed),
        _ => ProblemOf(value, 0),
    };

    /// <summary>The general check, walking the properties; <see cref="Problem"/> checks the most frequent events directly instead.</summary>
    internal static string? GeneralProblem(object value) => ProblemOf(value, 0);

    private static string? ProblemOf(object value, int depth)
    {
        if (depth > MaxDepth)
        {
            return "is nested too deeply.";
        }

        foreach (var check in Checks.GetOrAdd(value.GetType(), Build))
        {
            if (check(value, depth) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static Check[] Build(Type type)
    {
        if (type == typeof(Actor))
        {
            return [static (value, _) => ((Actor)value!).Problem() is { } problem ? "the actor: " + problem : null];
        }

        // NullabilityInfoContext is not thread-safe: one per build.
        var nullabilityContext = new NullabilityInfoContext();
        var checks = new List<Check>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetMethod is null || property.GetIndexParameters().Length > 0 || property.IsDefined(typeof(JsonIgnoreAttribute)))
            {
                continue;
            }

            var getter = Getter(property);
            var nullability = nullabilityContext.Create(property);
            var name = property.Name;
            var valueCheck = ForType(property.PropertyType, nullability);
            checks.Add((value, depth) => valueCheck(getter(value!), depth) is { } problem ? $"{type.Name}.{name} {problem}" : null);
        }

        return checks.ToArray();
    }

    // Reflection's own invoker: after its first calls it emits a fast path, without a compile step per type.
    private static Func<object, object?> Getter(PropertyInfo property) => property.GetValue;

    private static Check ForType(Type type, NullabilityInfo? nullability)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        var nullable = underlying is not null || (!type.IsValueType && nullability?.ReadState != NullabilityState.NotNull);
        var inner = ForNonNull(underlying ?? type, nullability);
        return (value, depth) => value is null ? (nullable ? null : "is missing (null).") : inner(value, depth);
    }

    private static ValueCheck ForNonNull(Type type, NullabilityInfo? nullability)
    {
        if (type == typeof(string))
        {
            return static (value, _) => Text((string)value);
        }

        if (type.IsEnum)
        {
            var flags = type.IsDefined(typeof(FlagsAttribute), false);
            var values = Enum.GetValues(type).Cast<object>().Select(v => unchecked((ulong)Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture))).ToArray();
            var all = values.Aggregate(0UL, (a, v) => a | v);
            return (value, _) =>
            {
                var bits = unchecked((ulong)Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                var defined = flags ? (bits & ~all) == 0 : Array.IndexOf(values, bits) >= 0;
                return defined ? null : $"has an undefined value ({unchecked((long)bits)}).";
            };
        }

        if (type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ITypedId<>)))
        {
            var guid = Getter(type.GetProperty(nameof(ITypedId<PartnerId>.Value))!);
            return (value, _) => (Guid)guid(value)! == Guid.Empty ? "is the empty id." : null;
        }

        if (type == typeof(int))
        {
            return static (value, _) => (int)value < 0 ? "is negative." : null;
        }

        if (type == typeof(long))
        {
            return static (value, _) => (long)value < 0 ? "is negative." : null;
        }

        // NodaTime refuses to compare dates of different calendars, so a fact's dates are all of the ISO calendar (as JSON
        // gives them); a date of another calendar in a stored event would otherwise escape replay as an ArgumentException.
        if (type == typeof(LocalDate))
        {
            return static (value, _) => ((LocalDate)value).Calendar == CalendarSystem.Iso ? null : "is not a date of the ISO calendar.";
        }

        if (type == typeof(LocalDateTime))
        {
            return static (value, _) => ((LocalDateTime)value).Calendar == CalendarSystem.Iso ? null : "is not a date and time of the ISO calendar.";
        }

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            return ForCollection(type, nullability);
        }

        // The package's own values are walked; any other (primitives, decimal, Guid, NodaTime's values) keeps its own rules.
        if (type.Namespace?.StartsWith("Coalitions.Core", StringComparison.Ordinal) == true)
        {
            return static (value, depth) => ProblemOf(value, depth + 1);
        }

        return static (_, _) => null;
    }

    private static ValueCheck ForCollection(Type type, NullabilityInfo? nullability)
    {
        var dictionary = type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
        if (dictionary is not null)
        {
            var arguments = dictionary.GetGenericArguments();
            var keyCheck = ForType(arguments[0], null);
            var valueCheck = ForType(arguments[1], nullability?.GenericTypeArguments.ElementAtOrDefault(1));
            return (value, depth) =>
            {
                var count = 0;
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    if (++count > Limits.MaxVoters)
                    {
                        return "holds too many entries.";
                    }

                    if ((keyCheck(entry.Key, depth + 1) ?? valueCheck(entry.Value, depth + 1)) is { } problem)
                    {
                        return "has an entry that " + problem;
                    }
                }

                return null;
            };
        }

        var element = type.IsArray ? type.GetElementType()! : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0] ?? typeof(object);
        var elementNullability = type.IsArray ? nullability?.ElementType : nullability?.GenericTypeArguments.FirstOrDefault();
        var elementCheck = ForType(element, elementNullability);
        return (value, depth) =>
        {
            var count = 0;
            foreach (var item in (IEnumerable)value)
            {
                if (++count > Limits.MaxVoters)
                {
                    return "holds too many items.";
                }

                if (elementCheck(item, depth + 1) is { } problem)
                {
                    return "has an item that " + problem;
                }
            }

            return null;
        };
    }

    /// <summary>The check of one stored text: at most <see cref="MaxStoredText"/> characters, no control character.</summary>
    internal static string? Text(string text) =>
        text.Length > MaxStoredText ? "is longer than 100,000 characters." :
        FreeText.HasControlCharacters(text) ? "holds a control character." : null;
}
