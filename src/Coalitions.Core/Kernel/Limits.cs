using NodaTime;

namespace Coalitions.Core.Kernel;

/// <summary>
/// The bounds every input is checked against at the door. A value outside them is refused with a coded error
/// (<c>Kernel.OutOfRange</c>, <c>Kernel.InvalidPeriod</c>, <c>Kernel.InvalidText</c>) before anything changes, so
/// nothing accepted today can overflow or fail to load tomorrow.
/// </summary>
/// <remarks>
/// The bounds are generous for any real coalition and small enough that every sum and every date calculation the
/// library makes stays within the ranges of <see cref="long"/> and NodaTime.
/// </remarks>
public static class Limits
{
    /// <summary>The earliest instant a command may happen at: 1 January 1900, UTC.</summary>
    public static readonly Instant EarliestInstant = Instant.FromUtc(1900, 1, 1, 0, 0);

    /// <summary>The latest instant a command may happen at: 1 January 3000, UTC (exclusive).</summary>
    public static readonly Instant LatestInstant = Instant.FromUtc(3000, 1, 1, 0, 0);

    /// <summary>The earliest calendar date an input may name.</summary>
    public static readonly LocalDate EarliestDate = new(1900, 1, 1);

    /// <summary>The latest calendar date an input may name.</summary>
    public static readonly LocalDate LatestDate = new(2999, 12, 31);

    /// <summary>
    /// Whether a date may be named by an input: a date of the ISO calendar from <see cref="EarliestDate"/> to <see cref="LatestDate"/>.
    /// The calendar is checked first, because NodaTime refuses to compare dates of different calendars (with an
    /// <see cref="ArgumentException"/>, which must not escape a command).
    /// </summary>
    /// <param name="date">The date.</param>
    /// <returns>Whether it is in range.</returns>
    public static bool IsDate(LocalDate date) => date.Calendar == CalendarSystem.Iso && date >= EarliestDate && date <= LatestDate;

    /// <summary>The longest calendar period (a term, a cadence, a notice period), in years.</summary>
    public const int MaxPeriodYears = 100;

    /// <summary>The longest voting period or extension: 3 years.</summary>
    public static readonly Duration MaxVotingPeriod = Duration.FromDays(3 * 366);

    /// <summary>The largest voting weight one voter may carry.</summary>
    public const long MaxWeight = 1_000_000_000_000;

    /// <summary>The largest total weight of an electorate.</summary>
    public const long MaxTotalWeight = 1_000_000_000_000_000;

    /// <summary>The most voters one electorate may hold.</summary>
    public const int MaxVoters = 5_000_000;

    /// <summary>The most items a list inside an input may hold, unless a smaller bound is documented for it.</summary>
    public const int MaxItems = 10_000;

    /// <summary>The longest name or title: 200 characters.</summary>
    public const int NameLength = 200;

    /// <summary>The longest short text (a reason, a note, a description): 2,000 characters.</summary>
    public const int ReasonLength = 2_000;

    /// <summary>The longest document text (a proposal, a clause, a charter section): 20,000 characters.</summary>
    public const int DocumentLength = 20_000;

    /// <summary>The longest key (a body key, a clause key, an option key): 64 characters.</summary>
    public const int KeyLength = 64;
}
