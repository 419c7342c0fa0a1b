using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Kernel;

/// <summary>The door checks every command makes: ids, actors, instants, dates, periods, durations, enums, lists, ranges and calendar arithmetic, at their edges and in their words.</summary>
public class EnsureTests
{
    private static string Refused(Action check, ErrorCode code) => Refusal.Of(check, code).Message;

    [Fact]
    public void An_empty_id_is_refused_naming_the_input_and_its_kind_in_words()
    {
        Assert.Equal("The proxy holder is the empty id; give a real partner id.", Refused(() => Ensure.Id(default(PartnerId), "ProxyHolder"), ErrorCodes.Kernel.EmptyId));
        Assert.Equal(Partner(1), Ensure.Id(Partner(1), "partner"));
        Assert.Null(Ensure.Id((PartnerId?)null, "partner"));
        Assert.Equal("The partner is the empty id; give a real partner id.", Refused(() => Ensure.Id((PartnerId?)default(PartnerId), "partner"), ErrorCodes.Kernel.EmptyId));
    }

    [Fact]
    public void A_list_of_ids_holds_no_empty_id_and_names_nobody_twice_unless_repeats_are_allowed()
    {
        Assert.Equal([Partner(1), Partner(2)], Ensure.Ids([Partner(1), Partner(2)], "members", 2));
        Assert.Equal("The members is the empty id; give a real partner id.", Refused(() => Ensure.Ids([Partner(1), default], "members", 5), ErrorCodes.Kernel.EmptyId));
        Assert.Equal("The members name someone twice.", Refused(() => Ensure.Ids([Partner(1), Partner(1)], "members", 5), ErrorCodes.Kernel.InvalidInput));
        Assert.Equal(2, Ensure.Ids([Partner(1), Partner(1)], "members", 5, distinct: false).Count);
        Assert.Equal("The members hold more than 2 items.", Refused(() => Ensure.Ids([Partner(1), Partner(2), Partner(3)], "members", 2), ErrorCodes.Kernel.OutOfRange));
    }

    [Fact]
    public void A_list_holds_at_most_its_maximum_and_no_null()
    {
        Assert.Equal(3, Ensure.Items(["a", "b", "c"], "focus areas", 3).Count);
        Assert.Empty(Ensure.Items(Array.Empty<string>(), "focus areas", 0));
        Assert.Equal("The focus areas hold more than 3 items.", Refused(() => Ensure.Items(["a", "b", "c", "d"], "FocusAreas", 3), ErrorCodes.Kernel.OutOfRange));
        Assert.Equal("The focus areas hold more than 1,000 items.", Refused(() => Ensure.Items(Enumerable.Repeat("a", 1_001), "focus areas", 1_000), ErrorCodes.Kernel.OutOfRange));
        Assert.Equal("The focus areas hold a null item.", Refused(() => Ensure.Items(["a", null], "focus areas", 3), ErrorCodes.Kernel.InvalidInput));
        Assert.Equal("The focus areas is required.", Refused(() => Ensure.Items<string>(null, "focus areas", 3), ErrorCodes.Kernel.InvalidInput));
    }

    [Fact]
    public void A_missing_input_is_required_by_name()
    {
        Assert.Equal("The partner profile is required.", Refused(() => Ensure.NotNull<string>(null, "PartnerProfile"), ErrorCodes.Kernel.InvalidInput));
        Assert.Equal("given", Ensure.NotNull("given", "text"));
    }

    [Fact]
    public void A_missing_actor_is_refused_as_a_question_of_who_acts()
    {
        var error = Refusal.Of(() => Ensure.Actor(null), ErrorCodes.Kernel.ActorRequired);

        Assert.Equal("Every command names who acts; no actor was given.", error.Message);
        Assert.True(error.IsAuthorizationRefusal);
    }

    [Fact]
    public void An_ill_formed_actor_is_refused_saying_what_is_wrong_with_it()
    {
        string Problem(Actor actor)
        {
            var error = Refusal.Of(() => Ensure.Actor(actor), ErrorCodes.Kernel.ActorRequired);
            Assert.True(error.IsAuthorizationRefusal);
            return error.Message;
        }

        Assert.Equal("The actor is ill-formed: a person acted, but the person's id is missing or empty.", Problem(new Actor(ActorKind.Person, null, null, null)));
        Assert.Equal("The actor is ill-formed: a person acted, but the person's id is missing or empty.", Problem(new Actor(ActorKind.Person, default(PersonId), null, null)));
        Assert.Equal("The actor is ill-formed: the partner the person acted for is the empty id.", Problem(new Actor(ActorKind.Person, Person(1), default(PartnerId), null)));
        Assert.Equal("The actor is ill-formed: a person has no process name.", Problem(new Actor(ActorKind.Person, Person(1), null, "scheduler")));
        Assert.Equal("The actor is ill-formed: the system acts for no person or partner.", Problem(new Actor(ActorKind.System, Person(1), null, "scheduler")));
        Assert.Equal("The actor is ill-formed: the system acts for no person or partner.", Problem(new Actor(ActorKind.System, null, Partner(1), "scheduler")));
        Assert.Equal("The actor is ill-formed: it is blank.", Problem(new Actor(ActorKind.System, null, null, null)));
        Assert.Equal("The actor is ill-formed: it is longer than 100 characters.", Problem(new Actor(ActorKind.System, null, null, new string('s', 101))));
        Assert.Equal("The actor is ill-formed: it holds a line break or control character.", Problem(new Actor(ActorKind.System, null, null, "a\tb")));
        Assert.Equal("The actor is ill-formed: the kind of actor is undefined.", Problem(new Actor((ActorKind)0, Person(1), null, null)));
    }

    [Fact]
    public void A_well_formed_actor_passes_the_door()
    {
        Assert.Equal(For(1), Ensure.Actor(For(1)));
        Assert.Equal(ChairActor, Ensure.Actor(ChairActor));
        var system = Actor.System(new string('s', 100));
        Assert.Same(system, Ensure.Actor(system));
    }

    [Fact]
    public void An_instant_from_1900_up_to_but_not_including_3000_is_accepted()
    {
        Assert.Equal(Limits.EarliestInstant, Ensure.At(Limits.EarliestInstant));
        Assert.Equal(Limits.LatestInstant - Duration.Epsilon, Ensure.At(Limits.LatestInstant - Duration.Epsilon));
        Assert.Equal(Instant.FromUtc(1900, 1, 1, 0, 0), Limits.EarliestInstant);
        Assert.Equal(Instant.FromUtc(3000, 1, 1, 0, 0), Limits.LatestInstant);
    }

    [Fact]
    public void An_instant_before_1900_is_out_of_range()
    {
        Assert.Equal(
            "The instant 'at' (1899-12-31T23:59:59Z) lies outside the years 1900 to 2999 that the library accepts.",
            Refused(() => Ensure.At(Limits.EarliestInstant - Duration.FromSeconds(1)), ErrorCodes.Kernel.OutOfRange));
    }

    [Fact]
    public void A_refused_instant_names_its_parameter_in_words()
    {
        Assert.Equal(
            "The instant 'generated at' (3000-01-01T00:00:00Z) lies outside the years 1900 to 2999 that the library accepts.",
            Refused(() => Ensure.At(Limits.LatestInstant, "generatedAt"), ErrorCodes.Kernel.OutOfRange));
    }

    [Fact]
    public void A_date_from_1900_01_01_to_2999_12_31_is_accepted()
    {
        Assert.Equal(new LocalDate(1900, 1, 1), Ensure.Date(new LocalDate(1900, 1, 1), "day"));
        Assert.Equal(new LocalDate(2999, 12, 31), Ensure.Date(new LocalDate(2999, 12, 31), "day"));
        Assert.Equal(Limits.EarliestDate, new LocalDate(1900, 1, 1));
        Assert.Equal(Limits.LatestDate, new LocalDate(2999, 12, 31));
    }

    [Fact]
    public void A_date_after_2999_is_out_of_range()
    {
        Assert.Equal(
            "The date 'term end' (3000-01-01) must be an ISO calendar date in the years 1900 to 2999.",
            Refused(() => Ensure.Date(new LocalDate(3000, 1, 1), "TermEnd"), ErrorCodes.Kernel.OutOfRange));
    }

    [Fact]
    public void A_date_before_1900_is_out_of_range()
    {
        Assert.False(Limits.IsDate(new LocalDate(1899, 12, 31)));
        Assert.True(Limits.IsDate(new LocalDate(1900, 1, 1)));
        Assert.True(Limits.IsDate(new LocalDate(2999, 12, 31)));
        Assert.False(Limits.IsDate(new LocalDate(3000, 1, 1)));
    }

    [Fact]
    public void A_calendar_period_without_time_units_up_to_100_years_is_accepted()
    {
        Assert.Equal(Period.FromYears(100), Ensure.DatePeriod(Period.FromYears(100), "term"));
        Assert.Equal(Period.FromDays(36_600), Ensure.DatePeriod(Period.FromDays(36_600), "term"));
        Assert.Equal(Period.FromDays(1), Ensure.DatePeriod(Period.FromDays(1), "term"));
    }

    [Fact]
    public void A_missing_period_is_refused_and_given_as_none()
    {
        var refusal = Refusal.Of(() => Ensure.DatePeriod(null, "gracePeriod"), ErrorCodes.Kernel.InvalidPeriod);

        Assert.Equal("The grace period is required.", refusal.Message);
        Assert.Equal("none", refusal.Failures[0].Values["value"]);
    }

    [Fact]
    public void Twelve_hundred_months_are_100_years_and_are_accepted()
    {
        Assert.Equal(Period.FromMonths(1_200), Ensure.DatePeriod(Period.FromMonths(1_200), "term"));
        Assert.Null(Ensure.DatePeriodProblem(Period.FromYears(99) + Period.FromMonths(12), allowZero: false));
        Assert.Equal("The term (1,201 months) is longer than 100 years.", Refused(() => Ensure.DatePeriod(Period.FromMonths(1_201), "term"), ErrorCodes.Kernel.InvalidPeriod));
    }

    [Fact]
    public void A_period_one_day_longer_than_100_years_is_refused()
    {
        Assert.Equal("The term (100 years and 1 day) is longer than 100 years.", Refused(() => Ensure.DatePeriod(Period.FromYears(100) + Period.FromDays(1), "term"), ErrorCodes.Kernel.InvalidPeriod));
        Assert.Equal("The term (36,601 days) is longer than 100 years.", Refused(() => Ensure.DatePeriod(Period.FromDays(36_601), "term"), ErrorCodes.Kernel.InvalidPeriod));
        Assert.Equal("The term (5,229 weeks) is longer than 100 years.", Refused(() => Ensure.DatePeriod(Period.FromWeeks(5_229), "term"), ErrorCodes.Kernel.InvalidPeriod));
        Assert.Null(Ensure.DatePeriodProblem(Period.FromWeeks(5_228) + Period.FromDays(4), allowZero: false));
    }

    [Fact]
    public void A_period_is_refused_in_words_that_say_why()
    {
        Assert.Equal("The notice period is required.", Refused(() => Ensure.DatePeriod(null, "NoticePeriod"), ErrorCodes.Kernel.InvalidPeriod));
        Assert.Equal("The term (5 hours) is a calendar period: years, months, weeks and days only, without hours or smaller units.", Refused(() => Ensure.DatePeriod(Period.FromHours(5), "term"), ErrorCodes.Kernel.InvalidPeriod));
        Assert.Equal("The term (1 year and -1 month) cannot be negative.", Refused(() => Ensure.DatePeriod(Period.FromYears(1) + Period.FromMonths(-1), "term"), ErrorCodes.Kernel.InvalidPeriod));
        Assert.Equal("The term must be longer than zero.", Refused(() => Ensure.DatePeriod(Period.Zero, "term"), ErrorCodes.Kernel.InvalidPeriod));
    }

    [Theory]
    [InlineData(-1, 0, 0, 0)]
    [InlineData(0, -1, 0, 0)]
    [InlineData(0, 0, -1, 0)]
    [InlineData(0, 0, 0, -1)]
    public void A_negative_unit_makes_a_period_negative(int years, int months, int weeks, int days)
    {
        var period = new PeriodBuilder { Years = years, Months = months, Weeks = weeks, Days = days }.Build();

        Assert.Equal("({value}) cannot be negative.", Ensure.DatePeriodProblem(period, allowZero: true));
    }

    [Fact]
    public void A_duration_must_be_longer_than_zero_and_at_most_its_maximum()
    {
        Assert.Equal(Limits.MaxVotingPeriod, Ensure.Positive(Limits.MaxVotingPeriod, "votingPeriod", Limits.MaxVotingPeriod));
        Assert.Equal(Duration.Epsilon, Ensure.Positive(Duration.Epsilon, "votingPeriod", Limits.MaxVotingPeriod));
        Assert.Equal("The voting period must be longer than zero and at most 1,098 days (got no time).", Refused(() => Ensure.Positive(Duration.Zero, "VotingPeriod", Limits.MaxVotingPeriod), ErrorCodes.Kernel.OutOfRange));
        Assert.Equal("The voting period must be longer than zero and at most 1,098 days (got 1,098 days and 1 second).", Refused(() => Ensure.Positive(Limits.MaxVotingPeriod + Duration.FromSeconds(1), "VotingPeriod", Limits.MaxVotingPeriod), ErrorCodes.Kernel.OutOfRange));
        Assert.Equal("The voting period must be longer than zero and at most 1,098 days (got minus 1 hour).", Refused(() => Ensure.Positive(Duration.FromHours(-1), "VotingPeriod", Limits.MaxVotingPeriod), ErrorCodes.Kernel.OutOfRange));
    }

    [Fact]
    public void An_undefined_enum_value_is_refused_with_its_number()
    {
        Assert.Equal(Stance.Block, Ensure.Defined(Stance.Block, "stance"));
        Assert.Equal("The stance has an undefined value (1,000).", Refused(() => Ensure.Defined((Stance)1_000, "stance"), ErrorCodes.Kernel.InvalidInput));
    }

    [Fact]
    public void An_undefined_negative_enum_value_is_written_as_its_negative_number()
    {
        Assert.Equal("The kind has an undefined value (-1).", Refused(() => Ensure.Defined((ActorKind)(-1), "kind"), ErrorCodes.Kernel.InvalidInput));
    }

    [Fact]
    public void A_flags_value_is_defined_when_it_combines_defined_flags_only()
    {
        Assert.True(Ensure.IsDefined(StanceSet.Support | StanceSet.Oppose));
        Assert.True(Ensure.IsDefined(StanceSet.None));
        Assert.False(Ensure.IsDefined(StanceSet.Support | (StanceSet)(1 << 20)));
        Assert.False(Ensure.IsDefined((ActorKind)3));
        Assert.False(Ensure.IsDefined((ActorKind)0));
    }

    [Fact]
    public void A_number_must_lie_within_its_range_inclusive()
    {
        Assert.Equal(1, Ensure.Range(1, "round", 1, 10));
        Assert.Equal(10, Ensure.Range(10, "round", 1, 10));
        Assert.Equal("The round must be from 1 to 10 (got 0).", Refused(() => Ensure.Range(0, "round", 1, 10), ErrorCodes.Kernel.OutOfRange));
        Assert.Equal("The round must be from 1 to 10 (got 11).", Refused(() => Ensure.Range(11, "round", 1, 10), ErrorCodes.Kernel.OutOfRange));
        Assert.Equal(Limits.MaxWeight, Ensure.Range(Limits.MaxWeight, "weight", 1L, Limits.MaxWeight));
        Assert.Equal(1L, Ensure.Range(1L, "weight", 1L, Limits.MaxWeight));
        Assert.Equal("The weight must be from 1 to 1,000,000,000,000 (got 1,000,000,000,001).", Refused(() => Ensure.Range(Limits.MaxWeight + 1, "weight", 1L, Limits.MaxWeight), ErrorCodes.Kernel.OutOfRange));
        Assert.Equal("The weight must be from 1 to 1,000,000,000,000 (got 0).", Refused(() => Ensure.Range(0L, "weight", 1L, Limits.MaxWeight), ErrorCodes.Kernel.OutOfRange));
    }

    [Fact]
    public void An_instant_plus_a_duration_may_reach_the_last_instant_before_3000()
    {
        var last = Limits.LatestInstant - Duration.Epsilon;

        Assert.Equal(last, Ensure.Plus(Start, last - Start, "deadline"));
        Assert.Equal(Limits.EarliestInstant, Ensure.Plus(Start, Limits.EarliestInstant - Start, "deadline"));
        Assert.Equal(Start + Duration.FromDays(14), Ensure.Plus(Start, Duration.FromDays(14), "deadline"));
    }

    [Fact]
    public void An_instant_plus_a_duration_ending_at_3000_is_out_of_range()
    {
        Assert.Equal("The deadline would fall after the year 2999 (or before 1900).", Refused(() => Ensure.Plus(Start, Limits.LatestInstant - Start, "deadline"), ErrorCodes.Kernel.OutOfRange));
        Assert.Equal("The deadline would fall after the year 2999 (or before 1900).", Refused(() => Ensure.Plus(Start, Limits.EarliestInstant - Start - Duration.Epsilon, "deadline"), ErrorCodes.Kernel.OutOfRange));
    }

    [Fact]
    public void A_date_plus_a_period_the_calendar_cannot_add_is_refused_not_thrown_as_a_framework_error()
    {
        // NodaTime refuses a period with time units added to a date with a plain ArgumentException, and a date past
        // its calendar with ArgumentOutOfRangeException: both come back as a coded refusal.
        Assert.Equal("The review date would fall outside the calendar.", Refused(() => Ensure.Plus(new LocalDate(2026, 3, 2), Period.FromHours(1), "reviewDate"), ErrorCodes.Kernel.OutOfRange));
        Assert.Equal("The review date would fall outside the calendar.", Refused(() => Ensure.Plus(new LocalDate(9999, 12, 31), Period.FromDays(1), "reviewDate"), ErrorCodes.Kernel.OutOfRange));
    }

    [Fact]
    public void A_date_plus_a_period_may_reach_2999_12_31_and_no_further()
    {
        Assert.Equal(new LocalDate(2999, 12, 31), Ensure.Plus(new LocalDate(2999, 12, 30), Period.FromDays(1), "term end"));
        Assert.Equal(new LocalDate(1900, 1, 1), Ensure.Plus(new LocalDate(1900, 1, 2), Period.FromDays(-1), "term end"));
        Assert.Equal("The date 'term end' (3000-01-01) must be an ISO calendar date in the years 1900 to 2999.", Refused(() => Ensure.Plus(new LocalDate(2999, 12, 31), Period.FromDays(1), "TermEnd"), ErrorCodes.Kernel.OutOfRange));
        Assert.Equal("The term end would fall outside the calendar.", Refused(() => Ensure.Plus(new LocalDate(2999, 12, 31), Period.FromYears(9_000), "TermEnd"), ErrorCodes.Kernel.OutOfRange));
    }
}
