using System.Diagnostics.Contracts;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Coalitions.Core.Kernel;

/// <summary>
/// An exact, non-negative ratio such as two thirds. Thresholds and shares are fractions, never
/// floating point: "exactly two thirds" meets an "at least two thirds" rule.
/// </summary>
/// <remarks>
/// <para>Fractions are kept in lowest terms, so <c>2/4</c> equals <c>1/2</c>. Comparisons multiply
/// crosswise in 128-bit arithmetic and cannot overflow for any <see cref="long"/> terms, which covers
/// total weights up to 10^12 and headcounts up to 10^9 with room to spare.</para>
/// <para>The default value is zero (0/1).</para>
/// </remarks>
public readonly struct Fraction : IEquatable<Fraction>, IComparable<Fraction>, IComparable
{
    private readonly long _denominatorMinusOne;

    /// <summary>Initializes a fraction and reduces it to lowest terms.</summary>
    /// <param name="numerator">The numerator, zero or more.</param>
    /// <param name="denominator">The denominator, one or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">The numerator is negative or the denominator is not positive.</exception>
    [JsonConstructor]
    public Fraction(long numerator, long denominator)
    {
        Preconditions.CheckArgumentRange(numerator >= 0, nameof(numerator), numerator, "A fraction cannot be negative.");
        Preconditions.CheckArgumentRange(denominator > 0, nameof(denominator), denominator, "A fraction needs a positive denominator.");
        var gcd = Gcd(numerator, denominator);
        Numerator = numerator / gcd;
        _denominatorMinusOne = (denominator / gcd) - 1;
    }

    /// <summary>Gets zero.</summary>
    public static Fraction Zero => default;

    /// <summary>Gets one half.</summary>
    public static Fraction Half { get; } = new(1, 2);

    /// <summary>Gets two thirds.</summary>
    public static Fraction TwoThirds { get; } = new(2, 3);

    /// <summary>Gets three quarters.</summary>
    public static Fraction ThreeQuarters { get; } = new(3, 4);

    /// <summary>Gets one (the whole).</summary>
    public static Fraction One { get; } = new(1, 1);

    /// <summary>Gets the numerator in lowest terms.</summary>
    public long Numerator { get; }

    /// <summary>Gets the denominator in lowest terms (at least 1).</summary>
    public long Denominator => _denominatorMinusOne + 1;

    /// <summary>Gets a value indicating whether the fraction is at most one, as a threshold must be.</summary>
    [JsonIgnore]
    public bool IsAtMostOne => Numerator <= Denominator;

    /// <summary>A percentage as a fraction: <c>Percent(55)</c> is 55/100 = 11/20.</summary>
    /// <param name="percent">Whole percent, zero or more.</param>
    /// <returns>The fraction.</returns>
    public static Fraction Percent(int percent) => new(percent, 100);

    /// <summary>Compares the share <paramref name="part"/> / <paramref name="whole"/> with this fraction, exactly.</summary>
    /// <param name="part">The part, zero or more.</param>
    /// <param name="whole">The whole, one or more.</param>
    /// <returns>Negative when the share is smaller, zero when equal, positive when larger.</returns>
    [Pure]
    public int CompareShare(long part, long whole) =>
        ((Int128)part * Denominator).CompareTo((Int128)Numerator * whole);

    /// <summary>
    /// The least whole number of units out of <paramref name="whole"/> that reaches this fraction:
    /// for two thirds of 9 that is 6; for strictly more than one half of 10 it is 6.
    /// </summary>
    /// <param name="whole">The whole, zero or more.</param>
    /// <param name="strictlyMore">Whether the share must exceed the fraction instead of reaching it.</param>
    /// <returns>The least sufficient count (may exceed <paramref name="whole"/> when nothing suffices).</returns>
    [Pure]
    public long SmallestPartReaching(long whole, bool strictlyMore)
    {
        var product = (Int128)Numerator * whole;
        var quotient = product / Denominator;
        var exact = quotient * Denominator == product;
        return (long)(strictlyMore ? quotient + 1 : (exact ? quotient : quotient + 1));
    }

    /// <summary>Rounds <paramref name="part"/> / <paramref name="whole"/> to a whole percent, halves up.</summary>
    /// <param name="part">The part.</param>
    /// <param name="whole">The whole; zero gives zero.</param>
    /// <returns>The rounded percentage.</returns>
    [Pure]
    public static long RoundedPercent(long part, long whole) =>
        whole == 0 ? 0 : (long)((((Int128)part * 200) + whole) / ((Int128)whole * 2));

    /// <inheritdoc />
    public int CompareTo(Fraction other) =>
        ((Int128)Numerator * other.Denominator).CompareTo((Int128)other.Numerator * Denominator);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Fraction other => CompareTo(other),
        _ => throw new ArgumentException("Object must be a Fraction.", nameof(obj)),
    };

    /// <inheritdoc />
    public bool Equals(Fraction other) => Numerator == other.Numerator && Denominator == other.Denominator;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Fraction other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    /// <summary>Formats as <c>numerator/denominator</c>, for example <c>2/3</c>.</summary>
    /// <returns>The fraction as text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");

    /// <summary>Describes the fraction in words where it has a common name ("two thirds"), else as a percentage or ratio.</summary>
    /// <returns>The fraction in words.</returns>
    [Pure]
    public string ToWords() => (Numerator, Denominator) switch
    {
        (0, _) => "none",
        (1, 1) => "all",
        (1, 2) => "one half",
        (1, 3) => "one third",
        (2, 3) => "two thirds",
        (1, 4) => "one quarter",
        (3, 4) => "three quarters",
        (1, 5) => "one fifth",
        (_, 100) or (_, 50) or (_, 25) or (_, 20) or (_, 10) => string.Create(CultureInfo.InvariantCulture, $"{Numerator * 100 / Denominator} %"),
        _ => ToString(),
    };

    /// <summary>Equality.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether both are the same ratio.</returns>
    public static bool operator ==(Fraction left, Fraction right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether the ratios differ.</returns>
    public static bool operator !=(Fraction left, Fraction right) => !left.Equals(right);

    /// <summary>Less than.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether <paramref name="left"/> is smaller.</returns>
    public static bool operator <(Fraction left, Fraction right) => left.CompareTo(right) < 0;

    /// <summary>Greater than.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether <paramref name="left"/> is larger.</returns>
    public static bool operator >(Fraction left, Fraction right) => left.CompareTo(right) > 0;

    /// <summary>Less than or equal.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether <paramref name="left"/> is not larger.</returns>
    public static bool operator <=(Fraction left, Fraction right) => left.CompareTo(right) <= 0;

    /// <summary>Greater than or equal.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether <paramref name="left"/> is not smaller.</returns>
    public static bool operator >=(Fraction left, Fraction right) => left.CompareTo(right) >= 0;

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        // b starts above zero (a fraction's denominator), so the last divisor is never zero.
        return a;
    }
}
