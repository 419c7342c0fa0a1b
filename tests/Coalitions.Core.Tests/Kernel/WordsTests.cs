using System.Globalization;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using NodaTime;

namespace Coalitions.Core.Tests.Kernel;

/// <summary>How every message writes its values: lists, dates, instants, numbers, periods, durations, enums, identifiers and filled templates.</summary>
public class WordsTests
{
    [Fact]
    public void A_list_of_none_one_two_or_three_items_reads_as_english()
    {
        Assert.Equal("none", Words.List([]));
        Assert.Equal("a", Words.List(["a"]));
        Assert.Equal("a and b", Words.List(["a", "b"]));
        Assert.Equal("a, b and c", Words.List(["a", "b", "c"]));
        Assert.Equal("a, b, c and d", Words.List(new[] { "a", "b", "c", "d" }.Select(x => x)));
    }

    [Fact]
    public void A_type_name_takes_an_before_a_vowel_and_a_before_anything_else()
    {
        Assert.Equal("an Agreement", Words.Indefinite("Agreement"));
        Assert.Equal("An Indicator", Words.Indefinite("Indicator", capital: true));
        Assert.Equal("an EventPreparation", Words.Indefinite("EventPreparation"));
        Assert.Equal("an Outreach", Words.Indefinite("Outreach"));
        Assert.Equal("an actor", Words.Indefinite("actor"));
        Assert.Equal("A Proposal", Words.Indefinite("Proposal", capital: true));
        Assert.Equal("a UnitId", Words.Indefinite("UnitId"));
        Assert.Equal("a ", Words.Indefinite(string.Empty));
    }

    [Fact]
    public void Alternatives_are_joined_with_or()
    {
        Assert.Equal("none", Words.Alternatives([]));
        Assert.Equal("the chair", Words.Alternatives(["the chair"]));
        Assert.Equal("the chair or a coordinator", Words.Alternatives(["the chair", "a coordinator"]));
        Assert.Equal("a, b or c", Words.Alternatives(["a", "b", "c"]));
    }

    [Fact]
    public void Dates_and_instants_are_written_in_words_in_UTC_or_their_zone()
    {
        Assert.Equal("2 March 2026", Words.Format(new LocalDate(2026, 3, 2)));
        Assert.Equal("31 December 2999", Words.Format(new LocalDate(2999, 12, 31)));
        Assert.Equal("2 March 2026 at 09:05 UTC", Words.Format(Instant.FromUtc(2026, 3, 2, 9, 5)));
        Assert.Equal("2 March 2026 at 12:05 Africa/Nairobi", Words.Format(Instant.FromUtc(2026, 3, 2, 9, 5).InZone(DateTimeZoneProviders.Tzdb["Africa/Nairobi"])));
    }

    [Fact]
    public void Whole_numbers_have_thousands_separators_and_decimals_are_written_as_they_are()
    {
        Assert.Equal("1,234,567", Words.Format(1_234_567));
        Assert.Equal("-1,000", Words.Format(-1_000));
        Assert.Equal("999", Words.Format(999));
        Assert.Equal("1,000,000,000,000", Words.Format(1_000_000_000_000L));
        Assert.Equal("1234.50", Words.Format(1234.50m));
    }

    [Fact]
    public void Other_values_are_written_plainly()
    {
        Assert.Equal("none", Words.Format(null));
        Assert.Equal("text", Words.Format("text"));
        Assert.Equal("yes", Words.Format(true));
        Assert.Equal("no", Words.Format(false));
        Assert.Equal("two thirds", Words.Format(Fraction.TwoThirds));
        Assert.Equal("2.5", Words.Format(2.5d));
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", Words.Format(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e")));
        Assert.Equal("1, 2 and 3", Words.Format(new[] { 1, 2, 3 }));
        Assert.Equal("1,000 and none", Words.Format(new object?[] { 1_000, null }));
        Assert.Equal("a0000000-0000-0000-0000-000000000001", Words.Format(Kit.Scenario.Partner(1)));
    }

    [Fact]
    public void A_period_is_written_unit_by_unit()
    {
        Assert.Equal("no time", Words.Of(Period.Zero));
        Assert.Equal("1 year and 6 months", Words.Format(Period.FromYears(1) + Period.FromMonths(6)));
        Assert.Equal("2 years, 1 month, 1 week, 3 days, 1 hour, 2 minutes and 1 second",
            Words.Of(new PeriodBuilder { Years = 2, Months = 1, Weeks = 1, Days = 3, Hours = 1, Minutes = 2, Seconds = 1 }.Build()));
        Assert.Equal("1,200 months", Words.Of(Period.FromMonths(1_200)));
    }

    [Fact]
    public void A_duration_is_written_in_days_hours_minutes_and_seconds()
    {
        Assert.Equal("no time", Words.Of(Duration.Zero));
        Assert.Equal("2 days and 4 hours", Words.Format(Duration.FromDays(2) + Duration.FromHours(4)));
        Assert.Equal("1 day, 1 hour, 1 minute and 1 second", Words.Of(Duration.FromSeconds(86_400 + 3_600 + 60 + 1)));
    }

    [Fact]
    public void A_negative_duration_says_minus_once()
    {
        Assert.Equal("minus 2 hours", Words.Of(Duration.FromHours(-2)));
        Assert.Equal("minus 1 day and 30 minutes", Words.Of(-(Duration.FromDays(1) + Duration.FromMinutes(30))));
    }

    [Fact]
    public void An_enum_value_is_written_in_lower_case_words()
    {
        Assert.Equal("stand aside", Words.Format(Stance.StandAside));
        Assert.Equal("support", Words.Of(Stance.Support));
        Assert.Equal("undefined value 99", Words.Of((Stance)99));
        Assert.Equal("undefined value -1", Words.Of((ActorKind)(-1)));
    }

    [Fact]
    public void A_combination_of_flags_is_listed()
    {
        Assert.Equal("support and oppose", Words.Of(StanceSet.Support | StanceSet.Oppose));
        Assert.Equal("support, abstain and stand aside", Words.Of(StanceSet.Support | StanceSet.Abstain | StanceSet.StandAside));
        Assert.Equal("none", Words.Of(StanceSet.None));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"undefined value {1 << 20}"), Words.Of((StanceSet)(1 << 20)));
    }

    [Theory]
    [InlineData(0, "0 members")]
    [InlineData(1, "1 member")]
    [InlineData(2, "2 members")]
    [InlineData(1_234_567, "1,234,567 members")]
    public void A_count_takes_the_singular_for_exactly_one_and_thousands_separators(long count, string words)
    {
        Assert.Equal(words, Words.Count(count, "member"));
    }

    [Fact]
    public void A_count_takes_the_plural_it_is_given()
    {
        Assert.Equal("1 empty ballot was", Words.Count(1, "empty ballot was", "empty ballots were"));
        Assert.Equal("3 empty ballots were", Words.Count(3, "empty ballot was", "empty ballots were"));
    }

    [Theory]
    [InlineData("StandAside", "stand aside")]
    [InlineData("EffectiveFrom", "effective from")]
    [InlineData("term", "term")]
    [InlineData("decided at", "decided at")]
    [InlineData("PartnerId", "partner id")]
    [InlineData("X", "x")]
    [InlineData("PlanB", "plan b")]
    [InlineData("ISOCode", "ISO code")]
    [InlineData("IsoCode", "iso code")]
    [InlineData("IATI", "IATI")]
    [InlineData("MeetingId2", "meeting id2")]
    [InlineData("AnHTMLReport", "an HTML report")]
    [InlineData("", "")]
    public void An_identifier_is_written_as_lower_case_words(string identifier, string words)
    {
        Assert.Equal(words, Words.Identifier(identifier));
    }

    [Fact]
    public void A_template_is_filled_with_its_values_in_words()
    {
        var values = new Dictionary<string, object?> { ["who"] = "Amina", ["count"] = 1_500, ["on"] = new LocalDate(2026, 3, 2), ["none"] = null };

        Assert.Equal("Amina counted 1,500 on 2 March 2026 (none).", Words.Fill("{who} counted {count} on {on} ({none}).", values));
        Assert.Equal("Amina and {unknown}", Words.Fill("{who} and {unknown}", values));
        Assert.Equal("Amina{who", Words.Fill("{who}{who", values));
        Assert.Equal("plain text", Words.Fill("plain text", values));
        Assert.Equal(string.Empty, Words.Fill(string.Empty, values));
        Assert.Equal("AminaAmina", Words.Fill("{who}{who}", values));
        Assert.Equal("} Amina {", Words.Fill("} {who} {", values));
    }
}
