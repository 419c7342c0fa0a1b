using System.Numerics;
using Coalitions.Core.Kernel;
using CsCheck;

namespace Coalitions.Core.Tests.Kernel;

public class FractionTests
{
    [Fact]
    public void Fractions_are_kept_in_lowest_terms()
    {
        var half = new Fraction(2, 4);

        Assert.Equal(1, half.Numerator);
        Assert.Equal(2, half.Denominator);
        Assert.Equal(Fraction.Half, half);
    }

    [Fact]
    public void Exactly_two_thirds_is_not_less_than_two_thirds()
    {
        Assert.Equal(0, Fraction.TwoThirds.CompareShare(6, 9));
        Assert.True(Fraction.TwoThirds.CompareShare(5, 9) < 0);
    }

    [Theory]
    [InlineData(2, 3, 9, false, 6)]
    [InlineData(1, 2, 10, true, 6)]
    [InlineData(1, 2, 9, true, 5)]
    [InlineData(1, 2, 10, false, 5)]
    [InlineData(3, 4, 0, false, 0)]
    [InlineData(1, 1, 7, true, 8)]
    public void The_smallest_sufficient_part_is_exact(long numerator, long denominator, long whole, bool strictlyMore, long expected)
    {
        Assert.Equal(expected, new Fraction(numerator, denominator).SmallestPartReaching(whole, strictlyMore));
    }

    [Fact]
    public void The_default_fraction_is_zero()
    {
        Assert.Equal(Fraction.Zero, default);
        Assert.Equal(1, default(Fraction).Denominator);
        Assert.Equal("0/1", default(Fraction).ToString());
    }

    [Fact]
    public void A_negative_or_undefined_fraction_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Fraction(-1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Fraction(1, 0));
    }

    [Fact]
    public void Comparisons_of_the_largest_weights_and_counts_do_not_overflow()
    {
        const long weight = 1_000_000_000_000;
        var nearlyAll = new Fraction(weight - 1, weight);

        Assert.True(nearlyAll < Fraction.One);
        Assert.True(new Fraction(999_999_999, 1_000_000_000).CompareShare(weight - 1, weight) > 0);
        Assert.True(new Fraction(long.MaxValue - 1, long.MaxValue) < Fraction.One);
    }

    [Theory]
    [InlineData(5, 6, 83)]
    [InlineData(1, 2, 50)]
    [InlineData(1, 200, 1)]
    [InlineData(2, 3, 67)]
    [InlineData(0, 0, 0)]
    [InlineData(1, 201, 0)]
    [InlineData(1, 199, 1)]
    [InlineData(199, 200, 100)]
    [InlineData(3, 3, 100)]
    [InlineData(1, 3, 33)]
    public void Percentages_round_half_up(long part, long whole, long expected)
    {
        Assert.Equal(expected, Fraction.RoundedPercent(part, whole));
    }

    [Theory]
    [InlineData(1, 2, "one half")]
    [InlineData(2, 3, "two thirds")]
    [InlineData(3, 4, "three quarters")]
    [InlineData(55, 100, "55 %")]
    [InlineData(4, 7, "4/7")]
    [InlineData(0, 1, "none")]
    [InlineData(1, 1, "all")]
    [InlineData(1, 3, "one third")]
    [InlineData(1, 4, "one quarter")]
    [InlineData(1, 5, "one fifth")]
    [InlineData(3, 50, "6 %")]
    [InlineData(1, 25, "4 %")]
    [InlineData(3, 20, "15 %")]
    [InlineData(3, 10, "30 %")]
    [InlineData(1, 100, "1 %")]
    [InlineData(2, 5, "2/5")]
    [InlineData(3, 2, "3/2")]
    public void Common_thresholds_read_as_words(long numerator, long denominator, string words)
    {
        Assert.Equal(words, new Fraction(numerator, denominator).ToWords());
    }

    [Fact]
    public void Fraction_ordering_agrees_with_exact_rational_comparison()
    {
        var term = Gen.Long[0, long.MaxValue];
        var positive = Gen.Long[1, long.MaxValue];
        Gen.Select(term, positive, term, positive).Sample((an, ad, bn, bd) =>
        {
            var expected = (new BigInteger(an) * bd).CompareTo(new BigInteger(bn) * ad);
            var actual = new Fraction(an, ad).CompareTo(new Fraction(bn, bd));
            return Math.Sign(expected) == Math.Sign(actual);
        });
    }

    [Fact]
    public void Share_comparison_agrees_with_exact_rational_comparison()
    {
        var small = Gen.Long[0, 1_000_000_000_000];
        Gen.Select(Gen.Long[0, 1000], Gen.Long[1, 1000], small, Gen.Long[1, 1_000_000_000_000]).Sample((n, d, part, whole) =>
        {
            var expected = (new BigInteger(part) * d).CompareTo(new BigInteger(n) * whole);
            return Math.Sign(expected) == Math.Sign(new Fraction(n, d).CompareShare(part, whole));
        });
    }

    [Fact]
    public void The_smallest_sufficient_part_reaches_the_fraction_and_one_less_does_not()
    {
        Gen.Select(Gen.Long[0, 100], Gen.Long[1, 100], Gen.Long[0, 1_000_000_000], Gen.Bool).Sample((n, d, whole, strict) =>
        {
            var fraction = new Fraction(n, d);
            var least = fraction.SmallestPartReaching(whole, strict);
            bool Reaches(long part) => strict ? fraction.CompareShare(part, Math.Max(whole, 1)) > 0 : fraction.CompareShare(part, Math.Max(whole, 1)) >= 0;
            return whole == 0 || (Reaches(least) && (least == 0 || !Reaches(least - 1)));
        });
    }
}
