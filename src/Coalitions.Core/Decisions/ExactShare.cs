using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Decisions;

/// <summary>
/// An exact share of support, such as 29/36, as a tally computes it: a weighted mean of shares (a chamber's sub-chambers,
/// the chambers of a chamber vote) has no single part and whole, and its denominator can outgrow 64 bits, so it is kept
/// as a ratio of big integers in lowest terms. A reader can check a result decided at a boundary ("exactly two thirds")
/// against the figures.
/// </summary>
/// <remarks>
/// Stored as text, <c>"29/36"</c>. When read, each term has at most <see cref="MaxDigits"/> digits: more than any tally of
/// an electorate within <see cref="Limits"/> can produce, and few enough to parse quickly. The default value is zero (0/1).
/// </remarks>
[JsonConverter(typeof(ExactShareJsonConverter))]
public readonly struct ExactShare : IEquatable<ExactShare>
{
    /// <summary>The most digits a term may have when read: a chamber-weighted share of the largest electorate needs fewer.</summary>
    public const int MaxDigits = 120_000;

    private readonly BigInteger _denominatorMinusOne;

    /// <summary>Initializes a share and reduces it to lowest terms.</summary>
    /// <param name="numerator">The numerator, zero or more.</param>
    /// <param name="denominator">The denominator, one or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">The numerator is negative or the denominator is not positive.</exception>
    public ExactShare(BigInteger numerator, BigInteger denominator)
    {
        Preconditions.CheckArgumentRange(numerator.Sign >= 0, nameof(numerator), numerator, "A share cannot be negative.");
        Preconditions.CheckArgumentRange(denominator.Sign > 0, nameof(denominator), denominator, "A share needs a positive denominator.");
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        Numerator = numerator / gcd;
        _denominatorMinusOne = (denominator / gcd) - 1;
    }

    /// <summary>Gets the numerator in lowest terms.</summary>
    public BigInteger Numerator { get; }

    /// <summary>Gets the denominator in lowest terms (at least 1).</summary>
    public BigInteger Denominator => _denominatorMinusOne + 1;

    /// <summary>Equality.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether both are the same ratio.</returns>
    public static bool operator ==(ExactShare left, ExactShare right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether the ratios differ.</returns>
    public static bool operator !=(ExactShare left, ExactShare right) => !left.Equals(right);

    /// <summary>Compares the share with a threshold, exactly.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>Negative when the share is smaller, zero when equal, positive when larger.</returns>
    public int CompareTo(Fraction threshold) =>
        (Numerator * threshold.Denominator).CompareTo(threshold.Numerator * Denominator);

    /// <summary>The share rounded to a whole percent, halves up, as explanations print it beside the exact value.</summary>
    /// <returns>The percentage.</returns>
    public long RoundedPercent() => (long)(((Numerator * 200) + Denominator) / (Denominator * 2));

    /// <inheritdoc />
    public bool Equals(ExactShare other) => Numerator == other.Numerator && _denominatorMinusOne == other._denominatorMinusOne;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ExactShare other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Numerator, _denominatorMinusOne);

    /// <summary>Formats as <c>numerator/denominator</c>, for example <c>29/36</c>; a whole share as <c>1/1</c>.</summary>
    /// <returns>The share as text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");

    /// <summary>Reads <c>numerator/denominator</c> as <see cref="ToString"/> writes it: digits only, each term at most <see cref="MaxDigits"/> long.</summary>
    internal static bool TryParse(string? text, out ExactShare share)
    {
        share = default;
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (text is null || slash < 1 || slash > MaxDigits || text.Length - slash - 1 > MaxDigits ||
            !BigInteger.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var numerator) ||
            !BigInteger.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var denominator) ||
            denominator.IsZero)
        {
            return false;
        }

        share = new ExactShare(numerator, denominator);
        return true;
    }
}

/// <summary>Writes an <see cref="ExactShare"/> as <c>"29/36"</c> and reads it back, refusing anything else.</summary>
internal sealed class ExactShareJsonConverter : JsonConverter<ExactShare>
{
    public override ExactShare Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && ExactShare.TryParse(reader.GetString(), out var share)
            ? share
            : throw new JsonException($"An exact share is written as \"numerator/denominator\", each of at most {ExactShare.MaxDigits} digits.");

    public override void Write(Utf8JsonWriter writer, ExactShare value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
