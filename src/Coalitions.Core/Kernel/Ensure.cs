using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace Coalitions.Core.Kernel;

/// <summary>
/// The checks every command makes at the door, each a coded refusal: ids that are not empty, an actor that is
/// well-formed, instants and dates within <see cref="Limits"/>, calendar periods with date units only, defined enum
/// values, inputs without nulls, and calendar arithmetic that cannot overflow.
/// </summary>
internal static class Ensure
{
    // The refusal is thrown by another method (a method that throws is not inlined), so this check is inlined.
    public static TId Id<TId>(TId id, string name)
        where TId : struct, ITypedId<TId>
    {
        if (id.Value == Guid.Empty)
        {
            ThrowEmptyId<TId>(name);
        }

        return id;
    }

    public static TId? Id<TId>(TId? id, string name)
        where TId : struct, ITypedId<TId> => id is { } value ? Id(value, name) : null;

    [DoesNotReturn]
    private static void ThrowEmptyId<TId>(string name) =>
        throw CoalitionRuleException.Because(ErrorCodes.Kernel.EmptyId, "The {name} is the empty id; give a real {type}.", ("name", Words.Identifier(name)), ("type", Words.Identifier(typeof(TId).Name)));

    public static IReadOnlyList<TId> Ids<TId>(IEnumerable<TId>? ids, string name, int max, bool distinct = true)
        where TId : struct, ITypedId<TId>
    {
        var list = Items(ids, name, max);
        foreach (var id in list)
        {
            Id(id, name);
        }

        if (distinct && list.Distinct().Count() != list.Count)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.InvalidInput, "The {name} name someone twice.", ("name", Words.Identifier(name)));
        }

        return list;
    }

    /// <summary>Refuses a null actor and an ill-formed one (a person with an empty id, a system actor without a name).</summary>
    public static Actor Actor([NotNull] Actor? by)
    {
        if (by is null)
        {
            throw CoalitionRuleException.NotPermitted(ErrorCodes.Kernel.ActorRequired, "Every command names who acts; no actor was given.");
        }

        if (by.Problem() is { } problem)
        {
            throw CoalitionRuleException.NotPermitted(ErrorCodes.Kernel.ActorRequired, "The actor is ill-formed: {problem}", ("problem", problem));
        }

        return by;
    }

    public static Instant At(Instant at, string name = "at")
    {
        if (at < Limits.EarliestInstant || at >= Limits.LatestInstant)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "The instant '{name}' ({value}) lies outside the years 1900 to 2999 that the library accepts.", ("name", Words.Identifier(name)), ("value", at.ToString()));
        }

        return at;
    }

    public static LocalDate Date(LocalDate date, string name)
    {
        if (!Limits.IsDate(date))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "The date '{name}' ({value}) must be an ISO calendar date in the years 1900 to 2999.", ("name", Words.Identifier(name)), ("value", date.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        return date;
    }

    /// <summary>A calendar period: years, months, weeks and days only; longer than zero (or zero where allowed); at most <see cref="Limits.MaxPeriodYears"/>.</summary>
    public static Period DatePeriod(Period? period, string name, bool allowZero = false)
    {
        if (DatePeriodProblem(period, allowZero) is { } problem)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.InvalidPeriod, "The {name} " + problem, ("name", Words.Identifier(name)), ("value", period is null ? "none" : Words.Of(period)), ("limit", Limits.MaxPeriodYears));
        }

        return period!;
    }

    public static string? DatePeriodProblem(Period? period, bool allowZero)
    {
        if (period is null)
        {
            return "is required.";
        }

        if (period.HasTimeComponent)
        {
            return "({value}) is a calendar period: years, months, weeks and days only, without hours or smaller units.";
        }

        if (period.Years < 0 || period.Months < 0 || period.Weeks < 0 || period.Days < 0)
        {
            return "({value}) cannot be negative.";
        }

        if (!allowZero && period.Equals(Period.Zero))
        {
            return "must be longer than zero.";
        }

        // Compare in half days with a generous year of 366 days, and a month of a twelfth of it, so that twelve months
        // weigh as much as a year (1,200 months are 100 years) and the bound holds whatever the start date.
        var halfDays = ((long)period.Years * 732) + ((long)period.Months * 61) + ((long)period.Weeks * 14) + ((long)period.Days * 2);
        return halfDays > (long)Limits.MaxPeriodYears * 732 ? "({value}) is longer than {limit} years." : null;
    }

    public static Duration Positive(Duration duration, string name, Duration max)
    {
        if (duration <= Duration.Zero || duration > max)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "The {name} must be longer than zero and at most {max} (got {value}).", ("name", Words.Identifier(name)), ("max", max), ("value", duration));
        }

        return duration;
    }

    public static T Defined<T>(T value, string name)
        where T : struct, Enum
    {
        if (!IsDefined(value))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.InvalidInput, "The {name} has an undefined value ({value}).", ("name", Words.Identifier(name)), ("value", Number(value)));
        }

        return value;
    }

    /// <summary>Whether an enum value is defined; for a flags enum, whether it is a combination of defined flags.</summary>
    public static bool IsDefined<T>(T value)
        where T : struct, Enum => EnumShape<T>.IsDefined(value);

    public static T NotNull<T>([NotNull] T? value, string name)
        where T : class =>
        value ?? throw CoalitionRuleException.Because(ErrorCodes.Kernel.InvalidInput, "The {name} is required.", ("name", Words.Identifier(name)));

    /// <summary>Copies a list given as input, refusing a null list, a null item and more than <paramref name="max"/> items.</summary>
    public static IReadOnlyList<T> Items<T>([NotNull] IEnumerable<T>? items, string name, int max)
    {
        NotNull(items, name);
        var list = new List<T>();
        foreach (var item in items)
        {
            if (item is null)
            {
                throw CoalitionRuleException.Because(ErrorCodes.Kernel.InvalidInput, "The {name} hold a null item.", ("name", Words.Identifier(name)));
            }

            if (list.Count == max)
            {
                throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "The {name} hold more than {max} items.", ("name", Words.Identifier(name)), ("max", max));
            }

            list.Add(item);
        }

        return list;
    }

    public static int Range(int value, string name, int min, int max)
    {
        if (value < min || value > max)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "The {name} must be from {min} to {max} (got {value}).", ("name", Words.Identifier(name)), ("min", min), ("max", max), ("value", value));
        }

        return value;
    }

    public static long Range(long value, string name, long min, long max)
    {
        if (value < min || value > max)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "The {name} must be from {min} to {max} (got {value}).", ("name", Words.Identifier(name)), ("min", min), ("max", max), ("value", value));
        }

        return value;
    }

    /// <summary>An instant plus a duration, refused when the result would fall outside <see cref="Limits"/>.</summary>
    public static Instant Plus(Instant at, Duration duration, string name)
    {
        if (duration >= Limits.LatestInstant - at || -duration > at - Limits.EarliestInstant)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "The {name} would fall after the year 2999 (or before 1900).", ("name", Words.Identifier(name)));
        }

        return at + duration;
    }

    /// <summary>A date plus a calendar period, refused when the result would fall outside <see cref="Limits"/>.</summary>
    public static LocalDate Plus(LocalDate date, Period period, string name)
    {
        LocalDate result;
        try
        {
            result = date.Plus(period);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException or ArgumentException)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "The {name} would fall outside the calendar.", ("name", Words.Identifier(name)));
        }

        return Date(result, name);
    }

    /// <summary>The bits of an enum value, without boxing, for any underlying type.</summary>
    internal static ulong Bits<T>(T value)
        where T : struct, Enum => System.Runtime.CompilerServices.Unsafe.SizeOf<T>() switch
        {
            1 => System.Runtime.CompilerServices.Unsafe.As<T, byte>(ref value),
            2 => System.Runtime.CompilerServices.Unsafe.As<T, ushort>(ref value),
            4 => System.Runtime.CompilerServices.Unsafe.As<T, uint>(ref value),
            _ => System.Runtime.CompilerServices.Unsafe.As<T, ulong>(ref value),
        };

    /// <summary>The number of an enum value as its underlying type reads it: -1 for an int enum, not 4,294,967,295.</summary>
    private static long Number<T>(T value)
        where T : struct, Enum =>
        Type.GetTypeCode(typeof(T).GetEnumUnderlyingType()) is TypeCode.SByte or TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64
            ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)
            : unchecked((long)Bits(value));

    private static class EnumShape<T>
        where T : struct, Enum
    {
        private static readonly bool Flags = typeof(T).IsDefined(typeof(FlagsAttribute), false);
        private static readonly ulong[] Values = Enum.GetValues<T>().Select(Bits).ToArray();
        private static readonly ulong AllBits = Values.Aggregate(0UL, (all, v) => all | v);

        public static bool IsDefined(T value)
        {
            var bits = Bits(value);
            return Flags ? (bits & ~AllBits) == 0 : Array.IndexOf(Values, bits) >= 0;
        }
    }
}
