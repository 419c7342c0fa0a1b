using System.Globalization;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using Coalitions.Core.Serialization;
using Coalitions.Core.Tests.Kit;
using CsCheck;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.PartnerScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using PartnerAggregate = global::Coalitions.Core.Partners.Partner;

namespace Coalitions.Core.Tests.Kernel;

/// <summary>The kernel's promises at the boundary, independent of any one room.</summary>
public class TrustBoundaryTests
{
    private const string Ballot = """{"$type":"Decisions.BallotCast","proposal":"d0000000-0000-0000-0000-000000000001","round":1,"voter":"a0000000-0000-0000-0000-000000000001","stance":"Support","at":"2026-03-02T10:00:00Z","by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000001","onBehalfOf":"a0000000-0000-0000-0000-000000000001"}}""";

    [Fact]
    public void A_reason_holding_half_of_a_character_is_refused_and_the_proposal_is_unchanged()
    {
        // Accepted, the ballot's event could not be written as JSON (or would be written with a replacement character):
        // the command must refuse it before anything is raised.
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));
        proposal.DequeueUncommittedEvents();

        var refusal = Refusal.Expect(proposal, ErrorCodes.Kernel.InvalidText, () => proposal.Vote(1, Stance.Oppose, reason: "Too costly \ud83d"));

        Assert.Equal("The reason holds half of a character (an unpaired surrogate), which no store can keep.", refusal.Message);
        proposal.Vote(1, Stance.Oppose, reason: "Too costly \ud83d\udcb8");
        var stored = proposal.DequeueUncommittedEvents().Select(CoalitionsJson.SerializeEvent).Select(CoalitionsJson.DeserializeEvent);
        Assert.Equal("Too costly \ud83d\udcb8", Assert.IsType<BallotCast>(Assert.Single(stored)).Reason);
    }

    [Fact]
    public void A_well_formed_stored_ballot_is_read()
    {
        var ballot = Assert.IsType<BallotCast>(CoalitionsJson.DeserializeEvent(Ballot));

        Assert.Equal(Stance.Support, ballot.Stance);
    }

    [Theory]
    [InlineData("\"stance\":\"Support\"", "\"stance\":\"Support, Oppose\"")]
    [InlineData("\"stance\":\"Support\"", "\"stance\":99")]
    [InlineData("\"stance\":\"Support\"", "\"stance\":\"support\"")]
    [InlineData("\"stance\":\"Support\"", "\"stance\":\"99\"")]
    public void A_stored_stance_must_be_one_defined_name(string from, string to)
    {
        AssertUnreadable(Ballot.Replace(from, to, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"round\":1,")]
    [InlineData("\"stance\":\"Support\",")]
    [InlineData(",\"at\":\"2026-03-02T10:00:00Z\"")]
    [InlineData("\"voter\":\"a0000000-0000-0000-0000-000000000001\",")]
    public void A_stored_event_missing_a_required_property_is_unreadable(string property)
    {
        AssertUnreadable(Ballot.Replace(property, string.Empty, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"round\":1", "\"round\":-1")]
    [InlineData("\"voter\":\"a0000000-0000-0000-0000-000000000001\"", "\"voter\":\"00000000-0000-0000-0000-000000000000\"")]
    [InlineData("\"stance\":\"Support\"", "\"stance\":null")]
    [InlineData("\"person\":\"b0000000-0000-0000-0000-000000000001\",", "")]
    [InlineData("\"kind\":\"Person\"", "\"kind\":\"System\"")]
    [InlineData("\"at\":\"2026-03-02T10:00:00Z\"", "\"at\":\"2026-02-30T10:00:00Z\"")]
    [InlineData("\"round\":1", "\"round\":1e400")]
    public void A_stored_event_with_a_value_it_could_never_have_had_is_unreadable(string from, string to)
    {
        AssertUnreadable(Ballot.Replace(from, to, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"$type\":\"Decisions.NoSuchEvent\"}")]
    [InlineData("{\"$type\":42}")]
    [InlineData("{\"$type\":\"Decisions.BallotCast\"")]
    public void Text_that_is_not_an_event_is_unreadable(string json)
    {
        AssertUnreadable(json);
    }

    [Fact]
    public void Reading_arbitrary_text_either_gives_an_event_or_the_documented_error()
    {
        Gen.String.Sample(text =>
        {
            try
            {
                CoalitionsJson.DeserializeEvent(text);
            }
            catch (StoredEventException e)
            {
                Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, e.Code);
            }
        }, iter: 2_000);
    }

    [Fact]
    public void Reading_a_ballot_with_random_damage_either_gives_an_event_or_the_documented_error()
    {
        Gen.Select(Gen.Int[0, Ballot.Length - 1], Gen.Char, Gen.Int[0, 2]).Sample((at, c, how) =>
        {
            var text = how switch
            {
                0 => Ballot.Remove(at, 1),
                1 => Ballot.Insert(at, c.ToString()),
                _ => Ballot.Remove(at, 1).Insert(at, c.ToString()),
            };
            try
            {
                CoalitionsJson.DeserializeEvent(text);
            }
            catch (StoredEventException e)
            {
                Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, e.Code);
            }
        }, iter: 3_000);
    }

    [Fact]
    public void An_empty_history_is_corrupt()
    {
        var error = Assert.Throws<StoredEventException>(() => PartnerAggregate.Rehydrate([]));

        Assert.Equal(ErrorCodes.Kernel.CorruptHistory, error.Code);
    }

    [Fact]
    public void A_history_with_a_null_event_is_corrupt_and_names_its_position()
    {
        var history = PartnerAggregate.Register(Partner(1), Profile(), Rep(1), For(1), Start).DequeueUncommittedEvents();

        var error = Assert.Throws<StoredEventException>(() => PartnerAggregate.Rehydrate([.. history, null!]));

        Assert.Equal(3, error.Position);
    }

    [Fact]
    public void A_history_holding_another_aggregates_events_is_corrupt()
    {
        var history = PartnerAggregate.Register(Partner(1), Profile(), Rep(1), For(1), Start).DequeueUncommittedEvents();
        var foreign = new BallotCast(ProposalNumber(1), 1, Partner(1), Stance.Support, null, Start, For(1));

        var error = Assert.Throws<StoredEventException>(() => PartnerAggregate.Rehydrate([.. history, foreign]));

        Assert.Equal(ErrorCodes.Kernel.CorruptHistory, error.Code);
        Assert.Equal(3, error.Position);
    }

    [Fact]
    public void A_refusal_exposes_its_codes_values_and_template()
    {
        var partner = PartnerAggregate.Register(Partner(1), Profile(name: "Rural Schools Trust"), Rep(1), For(1), Start);

        var error = Assert.Throws<CoalitionRuleException>(() => partner.RemoveRepresentative(Person(1), For(1), Hours(1)));

        Assert.True(error.Has(ErrorCodes.Partners.LastRepresentative));
        Assert.False(error.Has(ErrorCodes.Kernel.InvalidInput));
        var failure = Assert.Single(error.Failures);
        Assert.Equal("Rural Schools Trust", failure.Values["partner"]);
        Assert.Contains("{partner}", failure.Template, StringComparison.Ordinal);
        Assert.Contains("Rural Schools Trust", failure.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.Partners.LastRepresentative.Code, Assert.Single(error.Errors).ErrorCode);
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("ar-SA")]
    [InlineData("th-TH")]
    public void Messages_read_the_same_in_every_culture(string culture)
    {
        var invariant = Message();
        var previous = CultureInfo.CurrentCulture;
        var previousUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(invariant, Message());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }

        static string Message()
        {
            var failure = RuleFailure.Of(ErrorCodes.Kernel.OutOfRange, "{date}, {instant}, {count}, {stance}, {period}", [("date", new LocalDate(2026, 3, 2)), ("instant", Start), ("count", 1_234_567), ("stance", Stance.StandAside), ("period", Period.FromMonths(18))]);
            var partner = PartnerAggregate.Register(Partner(1), Profile(), Rep(1), For(1), Start);
            var validation = Assert.Throws<CoalitionRuleException>(() => partner.UpdateProfile(Profile(name: new string('x', 201)), For(1), Start)).Message;
            return failure.Message + " | " + validation;
        }
    }

    [Fact]
    public void Values_are_written_in_words()
    {
        Assert.Equal("2 March 2026, 2 March 2026 at 09:00 UTC, 1,234,567, stand aside, 1 year and 6 months",
            RuleFailure.Of(ErrorCodes.Kernel.OutOfRange, "{date}, {instant}, {count}, {stance}, {period}", [("date", new LocalDate(2026, 3, 2)), ("instant", Start), ("count", 1_234_567), ("stance", Stance.StandAside), ("period", Period.FromYears(1) + Period.FromMonths(6))]).Message);
    }

    [Fact]
    public void A_calendar_period_has_date_units_only_and_is_bounded()
    {
        Assert.Equal(Period.FromMonths(12), Ensure.DatePeriod(Period.FromMonths(12), "term"));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Ensure.DatePeriod(Period.FromHours(5), "term")).Has(ErrorCodes.Kernel.InvalidPeriod));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Ensure.DatePeriod(Period.FromYears(-1), "term")).Has(ErrorCodes.Kernel.InvalidPeriod));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Ensure.DatePeriod(Period.FromYears(101), "term")).Has(ErrorCodes.Kernel.InvalidPeriod));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Ensure.DatePeriod(Period.Zero, "term")).Has(ErrorCodes.Kernel.InvalidPeriod));
        Assert.Equal(Period.Zero, Ensure.DatePeriod(Period.Zero, "grace period", allowZero: true));
    }

    [Fact]
    public void Calendar_arithmetic_past_the_bounds_is_a_coded_refusal()
    {
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Ensure.Plus(Limits.LatestInstant - Duration.FromDays(1), Duration.FromDays(2), "deadline")).Has(ErrorCodes.Kernel.OutOfRange));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Ensure.Plus(Start, Duration.MaxValue, "deadline")).Has(ErrorCodes.Kernel.OutOfRange));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Ensure.Plus(new LocalDate(2999, 1, 1), Period.FromYears(2), "term end")).Has(ErrorCodes.Kernel.OutOfRange));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Ensure.At(Instant.MaxValue)).Has(ErrorCodes.Kernel.OutOfRange));
    }

    [Fact]
    public void A_refused_instant_or_date_names_the_parameter_it_came_in()
    {
        Assert.Equal(
            "The instant 'at' (3000-01-01T00:00:00Z) lies outside the years 1900 to 2999 that the library accepts.",
            Refusal.Of(() => Ensure.At(Limits.LatestInstant), ErrorCodes.Kernel.OutOfRange).Message);
        Assert.Equal(
            "The date 'effective from' (1899-12-31) must be an ISO calendar date in the years 1900 to 2999.",
            Refusal.Of(() => Ensure.Date(new LocalDate(1899, 12, 31), "EffectiveFrom"), ErrorCodes.Kernel.OutOfRange).Message);
    }

    [Fact]
    public void A_date_of_another_calendar_is_a_coded_refusal_in_a_command_and_corrupt_in_a_stored_event()
    {
        // NodaTime compares dates of one calendar only; a Julian or Gregorian date would otherwise escape as an ArgumentException.
        var julian = new LocalDate(2026, 4, 1, CalendarSystem.Julian);
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Ensure.Date(julian, "day")).Has(ErrorCodes.Kernel.OutOfRange));
        Assert.False(Limits.IsDate(new LocalDate(2026, 4, 1, CalendarSystem.Gregorian)));
        Assert.True(Limits.IsDate(new LocalDate(1900, 1, 1)) && Limits.IsDate(new LocalDate(2999, 12, 31)));
        Assert.False(Limits.IsDate(new LocalDate(1899, 12, 31)) || Limits.IsDate(new LocalDate(3000, 1, 1)));

        var plan = global::Coalitions.Core.Communication.CommunicationPlan.Draft(Kit.MeetingScenario.ThePlan, Kit.CommunicationScenario.Draft(), Kit.MeetingScenario.Coalition, Secretariat, Start);
        plan.Adopt(Kit.MeetingScenario.TheGovernance, Kit.CommunicationScenario.Adoption, Kit.MeetingScenario.Coalition, Secretariat, Start);
        var logged = new global::Coalitions.Core.Communication.CommunicationLogged(Kit.MeetingScenario.ThePlan, new global::Coalitions.Core.Communication.SentCommunication(Kit.CommunicationScenario.Newsletter, julian, "April newsletter", [Kit.CommunicationScenario.Members]), Start, Secretariat);

        var error = Assert.Throws<StoredEventException>(() => global::Coalitions.Core.Communication.CommunicationPlan.Rehydrate([.. plan.DequeueUncommittedEvents(), logged]));
        Assert.Contains("SentCommunication.On is not a date of the ISO calendar.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_actor_is_well_formed_or_refused()
    {
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Actor.ForPerson(default)).Has(ErrorCodes.Kernel.EmptyId));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Actor.Representing(Person(1), default)).Has(ErrorCodes.Kernel.EmptyId));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Actor.System("two\nlines")).Has(ErrorCodes.Kernel.ActorRequired));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Ensure.Actor(null)).Has(ErrorCodes.Kernel.ActorRequired));
    }

    [Fact]
    public void A_refusal_says_whether_it_is_about_who_acts_so_a_host_can_answer_forbidden()
    {
        var partner = PartnerAggregate.Register(Partner(1), Profile(), Rep(1), For(1), Start);

        var outsider = Assert.Throws<CoalitionRuleException>(() => partner.UpdateProfile(Profile(), For(2), Start));
        var nobody = Assert.Throws<CoalitionRuleException>(() => partner.UpdateProfile(Profile(), null!, Start));
        var badInput = Assert.Throws<CoalitionRuleException>(() => partner.UpdateProfile(Profile(name: new string('x', 201)), For(1), Start));

        Assert.True(outsider.IsAuthorizationRefusal);
        Assert.True(Assert.Single(outsider.Failures).IsAuthorization);
        Assert.True(nobody.IsAuthorizationRefusal);
        Assert.False(badInput.IsAuthorizationRefusal);
        Assert.DoesNotContain(badInput.Failures, f => f.IsAuthorization);
    }

    [Fact]
    public void Country_and_language_codes_are_checked_against_the_ISO_lists()
    {
        Assert.Equal(249, IsoCodes.Countries.Count);
        Assert.Equal(183, IsoCodes.Languages.Count);
        Assert.True(IsoCodes.IsCountry("KE"));
        Assert.False(IsoCodes.IsCountry("ZZ"));
        Assert.False(IsoCodes.IsCountry("KE\n"));
        Assert.False(IsoCodes.IsCountry("ke"));
        Assert.True(IsoCodes.IsLanguage("sw"));
        Assert.False(IsoCodes.IsLanguage("xx"));
    }

    // The counts alone would let a blank or mistyped entry replace a real code unnoticed.
    [Fact]
    public void Every_listed_country_is_two_capital_letters_and_every_language_two_small_ones()
    {
        Assert.All(IsoCodes.Countries, code => Assert.Matches(@"\A[A-Z]{2}\z", code));
        Assert.All(IsoCodes.Languages, code => Assert.Matches(@"\A[a-z]{2}\z", code));
    }

    [Fact]
    public void Free_text_refuses_control_characters_but_keeps_line_breaks_and_tabs()
    {
        Assert.Null(FreeText.Problem("Line one\nline two\tand a tab.", true, 100));
        Assert.NotNull(FreeText.Problem("bell\u0007", true, 100));
        Assert.NotNull(FreeText.Problem("null\0byte", true, 100));
        Assert.NotNull(FreeText.Problem("x", true, 0));
        Assert.NotNull(FreeText.Problem("  ", true, 100));
        Assert.Null(FreeText.Problem(null, false, 100));
    }

    private static void AssertUnreadable(string json)
    {
        var error = Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(json));
        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, error.Code);
    }
}
