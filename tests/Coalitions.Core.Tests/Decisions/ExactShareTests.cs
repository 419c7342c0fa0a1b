using System.Numerics;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>
/// An exact share is what a reader checks a boundary result against ("exactly two thirds"): it is kept in lowest terms,
/// compared with a threshold without rounding, printed as a percent rounded halves up beside the exact value, and stored
/// as "numerator/denominator" text that is refused when it is anything else.
/// </summary>
public class ExactShareTests
{
    private static readonly ConditionFigures Figures = new(null, null, null, 81, true, false, new ExactShare(29, 36));

    [Fact]
    public void A_share_is_kept_in_lowest_terms()
    {
        var share = new ExactShare(58, 72);

        Assert.Equal(new BigInteger(29), share.Numerator);
        Assert.Equal(new BigInteger(36), share.Denominator);
        Assert.Equal("29/36", share.ToString());
    }

    [Fact]
    public void A_whole_share_is_one_over_one_and_no_share_is_zero_over_one()
    {
        Assert.Equal("1/1", new ExactShare(7, 7).ToString());
        Assert.Equal("0/1", new ExactShare(0, 9).ToString());
        Assert.Equal("0/1", default(ExactShare).ToString());
        Assert.Equal(BigInteger.One, default(ExactShare).Denominator);
        Assert.Equal(new ExactShare(0, 5), default);
    }

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(1, 0)]
    [InlineData(1, -3)]
    public void A_share_is_never_negative_and_has_a_positive_denominator(int numerator, int denominator) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExactShare(numerator, denominator));

    [Theory]
    [InlineData(2, 3, 0)]
    [InlineData(4, 6, 0)]
    [InlineData(667, 1000, 1)]
    [InlineData(666, 1000, -1)]
    public void A_share_is_compared_with_a_threshold_exactly(int numerator, int denominator, int sign) =>
        Assert.Equal(sign, Math.Sign(new ExactShare(numerator, denominator).CompareTo(Fraction.TwoThirds)));

    [Theory]
    [InlineData(1, 8, 13)]
    [InlineData(3, 8, 38)]
    [InlineData(1, 3, 33)]
    [InlineData(2, 3, 67)]
    [InlineData(1, 200, 1)]
    [InlineData(1, 201, 0)]
    [InlineData(199, 200, 100)]
    [InlineData(0, 4, 0)]
    [InlineData(5, 5, 100)]
    public void The_printed_percent_rounds_halves_up(int numerator, int denominator, long percent) =>
        Assert.Equal(percent, new ExactShare(numerator, denominator).RoundedPercent());

    [Fact]
    public void Shares_are_equal_exactly_when_their_ratios_are()
    {
        var share = new ExactShare(2, 3);

        Assert.True(share == new ExactShare(4, 6));
        Assert.False(share != new ExactShare(4, 6));
        Assert.True(share != new ExactShare(2, 5));
        Assert.True(share != new ExactShare(1, 3));
        Assert.False(share == new ExactShare(3, 4));
        Assert.True(share.Equals((object)new ExactShare(6, 9)));
        Assert.False(share.Equals((object)"2/3"));
        Assert.Equal(share.GetHashCode(), new ExactShare(20, 30).GetHashCode());
    }

    [Fact]
    public void A_share_is_stored_as_its_text_and_read_back()
    {
        var json = CoalitionsJson.Serialize(Figures);

        Assert.Contains("\"29/36\"", json, StringComparison.Ordinal);
        Assert.Equal(Figures, CoalitionsJson.Deserialize<ConditionFigures>(json));
    }

    [Fact]
    public void A_stored_share_may_have_terms_of_the_most_digits_allowed()
    {
        var most = new string('9', ExactShare.MaxDigits);
        var numerator = "1" + new string('0', ExactShare.MaxDigits - 1);
        var read = CoalitionsJson.Deserialize<ConditionFigures>(WithShare("\"" + numerator + "/" + most + "\""))!;

        Assert.Equal(BigInteger.Parse(most, System.Globalization.CultureInfo.InvariantCulture), read.WeightedShare!.Value.Denominator);
        Assert.Equal(ExactShare.MaxDigits, read.WeightedShare!.Value.Numerator.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
    }

    [Theory]
    [InlineData("\"29/0\"")]
    [InlineData("\"-1/2\"")]
    [InlineData("\"+1/2\"")]
    [InlineData("\" 1/2\"")]
    [InlineData("\"1/ 2\"")]
    [InlineData("\"1/2/3\"")]
    [InlineData("\"/3\"")]
    [InlineData("\"3/\"")]
    [InlineData("\"3\"")]
    [InlineData("\"\"")]
    [InlineData("0.5")]
    [InlineData("[1,2]")]
    public void A_stored_share_that_is_not_numerator_over_denominator_is_refused(string share) =>
        Assert.Contains(
            "An exact share is written as \"numerator/denominator\", each of at most 120000 digits.",
            Assert.ThrowsAny<System.Text.Json.JsonException>(() => CoalitionsJson.Deserialize<ConditionFigures>(WithShare(share))).Message,
            StringComparison.Ordinal);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_stored_share_with_a_term_longer_than_the_most_digits_is_refused(bool inNumerator)
    {
        var tooLong = new string('1', ExactShare.MaxDigits + 1);
        var text = inNumerator ? tooLong + "/3" : "1/" + tooLong;

        Assert.ThrowsAny<System.Text.Json.JsonException>(() => CoalitionsJson.Deserialize<ConditionFigures>(WithShare("\"" + text + "\"")));
    }

    private static string WithShare(string share) =>
        CoalitionsJson.Serialize(Figures).Replace("\"29/36\"", share, StringComparison.Ordinal);
}
