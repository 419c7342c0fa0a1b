using Coalitions.Core.Kernel;

namespace Coalitions.Core.Tests.Kernel;

/// <summary>Fractions at their edges: reduction, the refusals' words and parameters, order at equality, at most one, percentages and the words of each common share.</summary>
public class FractionEdgeTests
{
    [Fact]
    public void A_negative_numerator_is_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Fraction(-1, 2));

        Assert.Equal("numerator", error.ParamName);
        Assert.Equal(-1L, error.ActualValue);
        Assert.StartsWith("A fraction cannot be negative.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_denominator_must_be_positive(long denominator)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Fraction(1, denominator));

        Assert.Equal("denominator", error.ParamName);
        Assert.StartsWith("A fraction needs a positive denominator.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_over_anything_is_zero_and_a_fraction_is_reduced()
    {
        Assert.Equal(Fraction.Zero, new Fraction(0, 7));
        Assert.Equal(1, new Fraction(0, 7).Denominator);
        Assert.Equal("3/1", new Fraction(6, 2).ToString());
        Assert.Equal("2/3", new Fraction(4, 6).ToString());
        Assert.Equal(new Fraction(11, 20), Fraction.Percent(55));
        Assert.Equal(Fraction.One, new Fraction(7, 7));
        Assert.Equal(Fraction.ThreeQuarters, new Fraction(75, 100));
    }

    [Fact]
    public void A_threshold_is_at_most_one_up_to_and_including_one()
    {
        Assert.True(Fraction.One.IsAtMostOne);
        Assert.True(Fraction.Zero.IsAtMostOne);
        Assert.False(new Fraction(101, 100).IsAtMostOne);
    }

    [Fact]
    public void Equal_fractions_are_neither_less_nor_greater()
    {
        var half = new Fraction(2, 4);

        Assert.True(half <= Fraction.Half);
        Assert.True(half >= Fraction.Half);
        Assert.False(half < Fraction.Half);
        Assert.False(half > Fraction.Half);
        Assert.True(half == Fraction.Half);
        Assert.False(half != Fraction.Half);
        Assert.Equal(half.GetHashCode(), Fraction.Half.GetHashCode());
        Assert.True(Fraction.Half < Fraction.TwoThirds);
        Assert.True(Fraction.TwoThirds > Fraction.Half);
        Assert.False(Fraction.TwoThirds <= Fraction.Half);
        Assert.False(Fraction.Half >= Fraction.TwoThirds);
        Assert.True(Fraction.Half != Fraction.TwoThirds);
    }

    [Fact]
    public void A_fraction_compares_with_objects_of_its_kind_only()
    {
        Assert.Equal(1, Fraction.Half.CompareTo(null));
        Assert.Equal(0, Fraction.Half.CompareTo((object)new Fraction(3, 6)));
        Assert.True(Fraction.Half.CompareTo((object)Fraction.One) < 0);
        var error = Assert.Throws<ArgumentException>(() => Fraction.Half.CompareTo("1/2"));
        Assert.Equal("obj", error.ParamName);
        Assert.StartsWith("Object must be a Fraction.", error.Message, StringComparison.Ordinal);
        Assert.True(Fraction.Half.Equals((object)new Fraction(1, 2)));
        Assert.False(Fraction.Half.Equals("1/2"));
    }

    [Fact]
    public void A_share_compares_with_a_fraction_above_below_and_at_it()
    {
        Assert.True(Fraction.Half.CompareShare(6, 10) > 0);
        Assert.Equal(0, Fraction.Half.CompareShare(5, 10));
        Assert.True(Fraction.Half.CompareShare(4, 10) < 0);
    }
}
