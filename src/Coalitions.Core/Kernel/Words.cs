using System.Collections;
using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Coalitions.Core.Kernel;

/// <summary>
/// Renders values for messages and explanations the same way everywhere: in the invariant culture and in words,
/// never in the current culture's formats and never as raw enum identifiers.
/// </summary>
internal static class Words
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Create("d MMMM uuuu", CultureInfo.InvariantCulture);
    private static readonly LocalDateTimePattern DateTimePattern = LocalDateTimePattern.Create("d MMMM uuuu 'at' HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Formats a value for a message: dates as "2 March 2026", enums in lower-case words, numbers with thousands separators.</summary>
    public static string Format(object? value) => value switch
    {
        null => "none",
        string text => text,
        LocalDate date => DatePattern.Format(date),
        Instant instant => DateTimePattern.Format(instant.InUtc().LocalDateTime) + " UTC",
        ZonedDateTime zoned => DateTimePattern.Format(zoned.LocalDateTime) + " " + zoned.Zone.Id,
        Period period => Of(period),
        Duration duration => Of(duration),
        Enum member => Of(member),
        int number => number.ToString("N0", CultureInfo.InvariantCulture),
        long number => number.ToString("N0", CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "yes" : "no",
        Fraction fraction => fraction.ToWords(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable sequence => List(sequence.Cast<object?>().Select(Format)),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>A count and its noun, in the singular for exactly one: "1 member", "1,234 members".</summary>
    /// <param name="count">The count, written with thousands separators.</param>
    /// <param name="singular">The noun (with any words that agree with it) for one: "member", "empty ballot was".</param>
    /// <param name="plural">The same for any other count; the singular with an "s" when not given.</param>
    public static string Count(long count, string singular, string? plural = null) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");

    /// <summary>An enum value in lower-case words ("InGrace" becomes "in grace"); flags are listed ("vote and propose").</summary>
    public static string Of(Enum value)
    {
        var type = value.GetType();
        if (Enum.IsDefined(type, value))
        {
            return Split(value.ToString());
        }

        if (type.IsDefined(typeof(FlagsAttribute), false))
        {
            var bits = BitsOf(value);
            var parts = Enum.GetValues(type).Cast<Enum>()
                .Where(flag => BitsOf(flag) is var f && f != 0 && (f & (f - 1)) == 0 && (bits & f) == f)
                .Select(flag => Split(flag.ToString()))
                .ToArray();
            if (parts.Length > 0)
            {
                return List(parts);
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"undefined value {unchecked((long)BitsOf(value))}");
    }

    private static ulong BitsOf(Enum value) => Type.GetTypeCode(Enum.GetUnderlyingType(value.GetType())) switch
    {
        TypeCode.Int64 or TypeCode.Int32 or TypeCode.Int16 or TypeCode.SByte => unchecked((ulong)Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        _ => Convert.ToUInt64(value, CultureInfo.InvariantCulture),
    };

    /// <summary>A calendar period in words ("1 year and 6 months").</summary>
    public static string Of(Period period)
    {
        var parts = new List<string>(4);
        Add(parts, period.Years, "year");
        Add(parts, period.Months, "month");
        Add(parts, period.Weeks, "week");
        Add(parts, period.Days, "day");
        Add(parts, period.Hours, "hour");
        Add(parts, period.Minutes, "minute");
        Add(parts, (int)Math.Min(int.MaxValue, period.Seconds), "second");
        return parts.Count == 0 ? "no time" : List(parts);
    }

    /// <summary>A duration in words ("2 days and 4 hours").</summary>
    public static string Of(Duration duration)
    {
        // The sign is said once, in front; each unit is counted without it ("minus 2 hours", not "minus -2 hours").
        var parts = new List<string>(4);
        Add(parts, Math.Abs(duration.Days), "day");
        Add(parts, Math.Abs(duration.Hours), "hour");
        Add(parts, Math.Abs(duration.Minutes), "minute");
        Add(parts, Math.Abs(duration.Seconds), "second");
        return parts.Count == 0 ? "no time" : (duration < Duration.Zero ? "minus " : string.Empty) + List(parts);
    }

    /// <summary>Joins items as "a, b or c".</summary>
    public static string Alternatives(IEnumerable<string> items) => List(items, "or");

    /// <summary>Joins items as "a, b and c".</summary>
    public static string List(IEnumerable<string> items, string conjunction = "and")
    {
        var array = items as IReadOnlyList<string> ?? items.ToArray();
        return array.Count switch
        {
            0 => "none",
            1 => array[0],
            _ => string.Join(", ", array.Take(array.Count - 1)) + " " + conjunction + " " + array[^1],
        };
    }

    /// <summary>Fills a template's <c>{name}</c> placeholders with the named values, formatted by <see cref="Format"/>.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, object?> values)
    {
        var text = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                text.Append(template, i, template.Length - i);
                break;
            }

            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                text.Append(template, i, template.Length - i);
                break;
            }

            text.Append(template, i, open - i);
            var name = template.Substring(open + 1, close - open - 1);
            text.Append(values.TryGetValue(name, out var value) ? Format(value) : "{" + name + "}");
            i = close + 1;
        }

        return text.ToString();
    }

    private static void Add(List<string> parts, long amount, string unit)
    {
        if (amount != 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{amount:N0} {unit}{(Math.Abs(amount) == 1 ? string.Empty : "s")}"));
        }
    }

    /// <summary>
    /// A type's name with its indefinite article, as a sentence opens on it: "an Agreement", "a Proposal". Chosen by the
    /// first letter (a vowel other than U takes "an"), which suits every type name of the library.
    /// </summary>
    public static string Indefinite(string noun, bool capital = false)
    {
        var article = noun.Length > 0 && "AEIOaeio".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";
        return (capital ? char.ToUpperInvariant(article[0]) + article[1..] : article) + " " + noun;
    }

    /// <summary>
    /// A PascalCase identifier in lower-case words ("StandAside" becomes "stand aside"); a run of capitals is an
    /// abbreviation and keeps them ("ISOCode" becomes "ISO code").
    /// </summary>
    public static string Identifier(string identifier) => Split(identifier);

    private static string Split(string identifier)
    {
        var text = new StringBuilder(identifier.Length + 4);
        var start = 0;
        for (var i = 1; i <= identifier.Length; i++)
        {
            // A word ends before a capital that follows a small letter or digit, and before the last capital of a run
            // that a small letter follows (the abbreviation's end).
            if (i == identifier.Length || (char.IsUpper(identifier[i]) &&
                (!char.IsUpper(identifier[i - 1]) || (i + 1 < identifier.Length && char.IsLower(identifier[i + 1])))))
            {
                AppendWord(text, identifier.AsSpan(start, i - start), spaced: start > 0 && identifier[start - 1] != ' ');
                start = i;
            }
        }

        return text.ToString();
    }

    private static void AppendWord(StringBuilder text, ReadOnlySpan<char> word, bool spaced)
    {
        if (spaced)
        {
            text.Append(' ');
        }

        var abbreviation = word.Length > 1;
        foreach (var c in word)
        {
            abbreviation &= char.IsUpper(c);
        }

        foreach (var c in word)
        {
            text.Append(abbreviation ? c : char.ToLowerInvariant(c));
        }
    }
}
