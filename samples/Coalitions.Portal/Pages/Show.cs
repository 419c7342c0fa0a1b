using System.Globalization;
using System.Text;
using Coalitions.Core.Kernel;
using NodaTime;
using NodaTime.Text;

namespace Coalitions.Portal.Pages;

/// <summary>How the pages write values: dates and instants in words, enums in lower-case words, money with its currency.</summary>
public static class Show
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Create("d MMMM yyyy", CultureInfo.InvariantCulture);
    private static readonly LocalDateTimePattern TimePattern = LocalDateTimePattern.Create("d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture);

    /// <summary>An enum value in lower-case words: <c>StandAside</c> → "stand aside".</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The words.</returns>
    public static string Words<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append(' ');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    /// <summary>A date in words: "2 March 2026".</summary>
    /// <param name="date">The date.</param>
    /// <returns>The words.</returns>
    public static string Date(LocalDate date) => DatePattern.Format(date);

    /// <summary>An instant in a zone: "2 March 2026 at 09:00 (Africa/Nairobi)".</summary>
    /// <param name="at">The instant.</param>
    /// <param name="zone">The zone to show it in.</param>
    /// <returns>The words.</returns>
    public static string Time(Instant at, DateTimeZone zone) => $"{TimePattern.Format(at.InZone(zone).LocalDateTime)} ({zone.Id})";

    /// <summary>An amount with its currency: "KES 80,000.00".</summary>
    /// <param name="money">The amount.</param>
    /// <returns>The words.</returns>
    public static string Money(Money money) => $"{money.Currency} {money.Amount.ToString("N2", CultureInfo.InvariantCulture)}";

    /// <summary>A count with thousands separators.</summary>
    /// <param name="n">The count.</param>
    /// <returns>The words.</returns>
    public static string Count(decimal n) => n.ToString(n == decimal.Truncate(n) ? "N0" : "N2", CultureInfo.InvariantCulture);
}
