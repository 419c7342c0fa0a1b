using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Meetings;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using NodaTime.Calendars;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.MeetingScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using CoalitionAggregate = global::Coalitions.Core.Coalitions.Coalition;
using GovernanceAggregate = global::Coalitions.Core.Governance.CoalitionGovernance;

namespace Coalitions.Core.Tests.Meetings;

/// <summary>
/// Each command of a meeting series at its boundary (the steering committee meets monthly from 10 March 2026 at 17:00
/// in Nairobi, UTC+3): who may begin it and take its steps, the coalition and body it belongs to, its plan's bounds, the
/// cadence and window it keeps, the exact edges of each occurrence's window, the step it needs, and the words of each refusal.
/// </summary>
public class MeetingSeriesCommandTests
{
    private static readonly Actor Outsider = For(7);
    private static readonly Actor ChairPerson = Actor.ForPerson(Chair);
    private static readonly Actor Scheduler = Actor.System("scheduler");
    private static readonly LocalDate First = new(2026, 3, 10);
    private static readonly Instant SharedHour = Instant.FromUtc(2026, 3, 10, 13, 0);

    // The first instant of 10 March in Nairobi, and the last step of it (23:45).
    private static readonly Instant DayOpens = Instant.FromUtc(2026, 3, 9, 21, 0);
    private static readonly Instant DayLastQuarter = Instant.FromUtc(2026, 3, 10, 20, 45);

    // The scenario's governance with bodies meeting every week, every day and every month and a day.
    private static GovernanceAggregate Cadenced => CadencedGovernance();

    private static GovernanceAggregate CadencedGovernance()
    {
        var template = GovernanceTemplates.AdvocacyCoalition();
        static BodyDefinition Group(string key, string name, Period cadence) =>
            new(key, name, BodyKind.WorkingGroup, [], 3, [], [Office.Chair], Period.FromYears(1), MeetingCadence: cadence, Convenor: Office.Chair);
        return GovernanceScenario.With(
            template with { Bodies = [.. template.Bodies, Group("weekly", "Weekly group", Period.FromWeeks(1)), Group("daily", "Daily group", Period.FromDays(1)), Group("mixed", "Mixed group", Period.FromMonths(1) + Period.FromDays(1))] },
            Coalition);
    }

    private static MeetingSeries Begun(SeriesPlan plan, Actor? by = null, GovernanceAggregate? governance = null) =>
        MeetingSeries.Begin(TheSeries, plan, Coalition, governance ?? TheGovernance, by ?? ChairOfSteering, Start);

    private static CoalitionRuleException Refused(MeetingSeries series, ErrorCode code, Action command) => Refusal.Expect(series, code, command);

    private static CoalitionRuleException BeginRefused(SeriesPlan plan, ErrorCode code, Actor? by = null, GovernanceAggregate? governance = null) =>
        Refusal.Of(() => Begun(plan, by, governance), code);

    private static MeetingParticipant Stranger(int n) => new(Partner(100 + n), Person(100 + n), $"Guest {n}", Nairobi, WorkingHours.Office);

    private static MeetingSeries Paused()
    {
        var series = Series();
        series.Pause(null, ChairOfSteering, Start);
        return series;
    }

    private static MeetingSeries Ended()
    {
        var series = Series();
        series.End(null, ChairOfSteering, Start);
        return series;
    }

    // Each step of a series as the given actor, on a series in the state it needs (Resume on a paused one).
    private static IEnumerable<(string Name, Func<MeetingSeries> Ready, Action<MeetingSeries, Actor> Run)> Steps() =>
    [
        ("change participants", () => Series(), (s, by) => s.ChangeParticipants([Participant(4, Nairobi)], Coalition, by, Start)),
        ("schedule next", () => Series(), (s, by) => s.ScheduleNext(TheMeeting, SharedHour, by, Start)),
        ("pause", () => Series(), (s, by) => s.Pause(null, by, Start)),
        ("resume", Paused, (s, by) => s.Resume(by, Start)),
        ("end", () => Series(), (s, by) => s.End(null, by, Start)),
    ];

    [Fact]
    public void The_body_s_convenor_through_its_delegate_or_a_coordinator_begins_a_series()
    {
        Assert.Equal([Person(4), Chair], Begun(SeriesPlan(), ChairOfSteering).Facilitators);
        Assert.Equal([Person(800), Chair], Begun(SeriesPlan(), Secretariat).Facilitators);
    }

    [Fact]
    public void A_seat_holder_who_does_not_chair_an_outsider_the_chair_s_person_alone_and_the_system_do_not_begin_a_series()
    {
        var only = "only the convenor of the body (the holder of the office that convenes it, else its chair), acting through one of its member's delegates or a coordinator of the coalition may.";

        Assert.Equal(
            $"Person {Person(5)} acting for partner {Partner(5)} may not begin Steering committee: {only}",
            Refusal.Of(() => Begun(SeriesPlan(), For(5)), ErrorCodes.Meetings.NotAConvenor).Message);
        foreach (var by in new[] { Outsider, ChairPerson, Actor.ForPerson(Person(4)), Scheduler })
        {
            Assert.True(Refusal.Of(() => Begun(SeriesPlan(), by), ErrorCodes.Meetings.NotAConvenor).IsAuthorizationRefusal, by.ToString());
        }
    }

    [Fact]
    public void A_series_is_begun_with_a_coalition_and_its_governance_and_an_id()
    {
        Refusal.Of(() => MeetingSeries.Begin(TheSeries, SeriesPlan(), null!, TheGovernance, Secretariat, Start), ErrorCodes.Kernel.InvalidInput);
        Refusal.Of(() => MeetingSeries.Begin(TheSeries, SeriesPlan(), Coalition, null!, Secretariat, Start), ErrorCodes.Kernel.InvalidInput);
        Refusal.Of(() => MeetingSeries.Begin(TheSeries, null!, Coalition, TheGovernance, Secretariat, Start), ErrorCodes.Kernel.InvalidInput);
        Refusal.Of(() => MeetingSeries.Begin(default, SeriesPlan(), Coalition, TheGovernance, Secretariat, Start), ErrorCodes.Kernel.EmptyId);
    }

    [Fact]
    public void A_series_belongs_to_the_coalition_given_and_to_its_governance()
    {
        var other = AnotherWith(4);
        var othersGovernance = GovernanceScenario.With(GovernanceTemplates.AdvocacyCoalition(), other);

        Assert.Equal(
            "The series 'Steering committee' belongs to another coalition than Learning for All.",
            BeginRefused(SeriesPlan() with { Coalition = other.Id }, ErrorCodes.Coalitions.OtherCoalition, Secretariat).Message);
        Assert.Equal(
            "The series 'Steering committee' belongs to another coalition than Another coalition.",
            Refusal.Of(() => MeetingSeries.Begin(TheSeries, SeriesPlan(), other, TheGovernance, Secretariat, Start), ErrorCodes.Coalitions.OtherCoalition).Message);
        BeginRefused(SeriesPlan(), ErrorCodes.Coalitions.OtherCoalition, Secretariat, othersGovernance);

        // The chair of this coalition's committee convenes nothing with another coalition's record.
        Assert.True(Refusal.Of(() => MeetingSeries.Begin(TheSeries, SeriesPlan(), other, TheGovernance, ChairOfSteering, Start), ErrorCodes.Meetings.NotAConvenor).IsAuthorizationRefusal);
    }

    [Fact]
    public void A_series_is_of_a_body_the_governance_has()
    {
        Assert.Equal(
            "Learning for All has no body with the key 'working-group'.",
            BeginRefused(SeriesPlan() with { Body = "working-group" }, ErrorCodes.Governance.UnknownBody, Secretariat).Message);
        Assert.Equal("A series names its body by its key.", BeginRefused(SeriesPlan() with { Body = default }, ErrorCodes.Governance.UnknownBody, Secretariat).Message);
    }

    [Fact]
    public void A_series_needs_a_body_that_meets_regularly_in_one_unit()
    {
        Assert.Equal(
            "Secretariat cannot hold a series from 10 March 2026: the body has no regular cadence.",
            BeginRefused(SeriesPlan() with { Body = "secretariat" }, ErrorCodes.Meetings.IrregularCadence, Secretariat).Message);
        Assert.Equal(
            "Mixed group cannot hold a series from 10 March 2026: its cadence (1 month and 1 day) mixes units; a series needs days, weeks, months or years alone.",
            BeginRefused(SeriesPlan() with { Body = "mixed" }, ErrorCodes.Meetings.IrregularCadence, Secretariat, Cadenced).Message);

        Assert.Equal(Period.FromWeeks(1), Begun(SeriesPlan() with { Body = "weekly" }, Secretariat, Cadenced).Cadence);
        Assert.Equal(Period.FromDays(1), Begun(SeriesPlan() with { Body = "daily" }, Secretariat, Cadenced).Cadence);
    }

    [Fact]
    public void A_monthly_or_yearly_series_starts_on_the_28th_at_the_latest()
    {
        Assert.Equal(
            "Steering committee cannot hold a series from 29 March 2026: a monthly or yearly series starts on the 1st to the 28th, a day every month has.",
            BeginRefused(SeriesPlan(new LocalDate(2026, 3, 29)), ErrorCodes.Meetings.IrregularCadence).Message);
        BeginRefused(SeriesPlan(new LocalDate(2026, 3, 29)) with { Body = "general-assembly" }, ErrorCodes.Meetings.IrregularCadence, Secretariat);

        Assert.Equal(new LocalDate(2026, 3, 28), Series(new LocalDate(2026, 3, 28)).FirstDate);
        Assert.Equal(new LocalDate(2027, 3, 28), Begun(SeriesPlan(new LocalDate(2026, 3, 28)) with { Body = "general-assembly" }, Secretariat).OccurrenceDate(1));
        Assert.Equal(new LocalDate(2026, 3, 31), Begun(SeriesPlan(new LocalDate(2026, 3, 31)) with { Body = "weekly" }, Secretariat, Cadenced).FirstDate);
    }

    [Fact]
    public void Each_occurrence_s_window_is_one_day_to_the_cadence_and_at_most_twenty_eight_days()
    {
        Assert.Equal("Each occurrence's window is 1 to 28 days.", BeginRefused(SeriesPlan(searchDays: 0), ErrorCodes.Meetings.IrregularCadence).Message);
        BeginRefused(SeriesPlan(searchDays: 29), ErrorCodes.Meetings.IrregularCadence);
        Assert.Equal(
            "Weekly group cannot hold a series from 10 March 2026: each occurrence's window is 1 to 7 days, so that windows do not overlap.",
            BeginRefused(SeriesPlan(searchDays: 8) with { Body = "weekly" }, ErrorCodes.Meetings.IrregularCadence, Secretariat, Cadenced).Message);
        Assert.Equal(
            "Daily group cannot hold a series from 10 March 2026: each occurrence's window is 1 to 1 days, so that windows do not overlap.",
            BeginRefused(SeriesPlan(searchDays: 2) with { Body = "daily" }, ErrorCodes.Meetings.IrregularCadence, Secretariat, Cadenced).Message);

        Assert.Equal(1, Series(searchDays: 1).SearchDays);
        Assert.Equal(28, Series(searchDays: 28).SearchDays);
        Assert.Equal(7, Begun(SeriesPlan(searchDays: 7) with { Body = "weekly" }, Secretariat, Cadenced).SearchDays);
    }

    [Fact]
    public void A_series_invites_one_to_fifty_people_each_once_who_take_part_for_members()
    {
        var message = "A series invites 1 to 50 participants, each person once, with a tz time zone and working hours.";

        Assert.Equal(message, BeginRefused(SeriesPlan() with { Participants = [] }, ErrorCodes.Meetings.InvalidSearch).Message);
        Assert.Equal(message, BeginRefused(SeriesPlan() with { Participants = [.. Enumerable.Range(1, 51).Select(Stranger)] }, ErrorCodes.Meetings.InvalidSearch).Message);
        BeginRefused(SeriesPlan() with { Participants = [Participant(4, Nairobi), Participant(4, Geneva)] }, ErrorCodes.Meetings.InvalidSearch);
        BeginRefused(SeriesPlan() with { Participants = [Participant(4, "Europe/Geneva")] }, ErrorCodes.Meetings.InvalidSearch);

        // Fifty are not too many: they are refused only because these guests are not members.
        Assert.Equal(
            $"Guest 1 takes part for partner {Partner(101)}, which is not a member of Learning for All.",
            BeginRefused(SeriesPlan() with { Participants = [.. Enumerable.Range(1, 50).Select(Stranger)] }, ErrorCodes.Membership.NotAMember).Message);
        Assert.Single(Begun(SeriesPlan() with { Participants = [Participant(4, Nairobi)] }).Participants);
    }

    [Fact]
    public void A_series_names_at_most_ten_facilitators_besides_whoever_begins_it_each_once_and_that_one_first()
    {
        PersonId[] ten = [.. Enumerable.Range(1, 10).Select(n => Person(200 + n))];

        Assert.Equal(
            "A series names at most ten facilitators besides the person beginning it, none the empty id.",
            BeginRefused(SeriesPlan() with { Facilitators = [.. ten, Person(211)] }, ErrorCodes.Meetings.InvalidMeeting).Message);
        BeginRefused(SeriesPlan() with { Facilitators = [default] }, ErrorCodes.Meetings.InvalidMeeting);

        Assert.Equal(11, Begun(SeriesPlan() with { Facilitators = ten }).Facilitators.Count);
        var series = Begun(SeriesPlan() with { Facilitators = [Chair, Person(4), Chair] });
        var begun = Assert.IsType<MeetingSeriesBegun>(series.DequeueUncommittedEvents()[0]);
        Assert.Equal([Person(4), Chair], begun.Facilitators);
    }

    [Fact]
    public void Each_meeting_of_a_series_lasts_fifteen_minutes_to_twelve_hours_in_whole_minutes()
    {
        var message = "Each meeting of a series lasts 15 minutes to 12 hours, in whole minutes.";

        Assert.Equal(message, BeginRefused(SeriesPlan() with { Length = Duration.FromMinutes(14) }, ErrorCodes.Meetings.InvalidMeeting).Message);
        Assert.Equal(message, BeginRefused(SeriesPlan() with { Length = Duration.FromHours(12) + Duration.FromMinutes(1) }, ErrorCodes.Meetings.InvalidMeeting).Message);
        Assert.Equal(message, BeginRefused(SeriesPlan() with { Length = Duration.FromMinutes(30) + Duration.FromSeconds(30) }, ErrorCodes.Meetings.InvalidMeeting).Message);

        Assert.Equal(Duration.FromMinutes(15), Begun(SeriesPlan() with { Length = Duration.FromMinutes(15) }).Length);
        Assert.Equal(Duration.FromHours(12), Begun(SeriesPlan() with { Length = Duration.FromHours(12) }).Length);
    }

    [Fact]
    public void A_series_ends_no_earlier_than_its_first_date_which_is_a_date_of_the_calendar()
    {
        Assert.Equal("A series ends no earlier than its first date.", BeginRefused(SeriesPlan() with { Until = First.PlusDays(-1) }, ErrorCodes.Meetings.InvalidMeeting).Message);
        BeginRefused(SeriesPlan() with { Until = new LocalDate(3000, 1, 1) }, ErrorCodes.Meetings.InvalidMeeting);
        BeginRefused(SeriesPlan(new LocalDate(2026, 3, 10, CalendarSystem.Julian)), ErrorCodes.Kernel.OutOfRange);

        Assert.Equal(First, Begun(SeriesPlan() with { Until = First }).Until);
    }

    [Fact]
    public void A_series_in_person_or_hybrid_names_its_place_and_its_link_is_https()
    {
        Assert.Equal("A series held in person or hybrid names its place.", BeginRefused(SeriesPlan() with { Format = MeetingFormat.InPerson }, ErrorCodes.Meetings.InvalidMeeting).Message);
        BeginRefused(SeriesPlan() with { Format = MeetingFormat.Hybrid, Location = " " }, ErrorCodes.Meetings.InvalidMeeting);
        Assert.Equal(
            "An online link is an absolute https address of at most 2,000 characters.",
            BeginRefused(SeriesPlan() with { OnlineLink = "http://meet.example.org/steering" }, ErrorCodes.Meetings.InvalidMeeting).Message);
        BeginRefused(SeriesPlan() with { Format = (MeetingFormat)0 }, ErrorCodes.Kernel.InvalidInput);

        var series = Begun(SeriesPlan() with { Format = MeetingFormat.Hybrid, Location = "  Secretariat office  ", OnlineLink = "https://meet.example.org/steering" });
        Assert.Equal(("Secretariat office", "https://meet.example.org/steering"), (series.Location, series.OnlineLink));
    }

    [Fact]
    public void A_series_title_is_one_line_of_at_most_two_hundred_characters_kept_trimmed_as_are_the_names_of_those_invited()
    {
        BeginRefused(SeriesPlan() with { Title = new string('t', 201) }, ErrorCodes.Kernel.InvalidText);
        BeginRefused(SeriesPlan() with { Title = "Steering\ncommittee" }, ErrorCodes.Kernel.InvalidText);

        Assert.Equal(200, Begun(SeriesPlan() with { Title = new string('t', 200) }).Title.Length);
        var series = Begun(SeriesPlan() with { Title = "  Steering committee  ", Participants = [Participant(4, Nairobi) with { Name = " Member 4 " }] });
        Assert.Equal(("Steering committee", "Member 4"), (series.Title, series.Participants[0].Name));
        Assert.Equal((Nairobi, Steering), (series.TimeZone, series.Body));
    }

    [Fact]
    public void Occurrences_run_from_number_zero_on_the_first_date_to_number_ten_thousand_and_never_past_2999()
    {
        var series = Series();
        var yearly = Begun(SeriesPlan() with { Body = "general-assembly" }, Secretariat);
        var daily = Begun(SeriesPlan() with { Body = "daily" }, Secretariat, Cadenced);

        Assert.Null(series.OccurrenceDate(-1));
        Assert.Equal(First, series.OccurrenceDate(0));
        Assert.Equal(First.PlusMonths(10_000), series.OccurrenceDate(10_000));
        Assert.Null(series.OccurrenceDate(10_001));
        Assert.Equal(new LocalDate(2999, 3, 10), yearly.OccurrenceDate(973));
        Assert.Null(yearly.OccurrenceDate(974));
        Assert.Equal(new LocalDate(2026, 3, 17), Begun(SeriesPlan() with { Body = "weekly" }, Secretariat, Cadenced).OccurrenceDate(1));
        Assert.Equal(new LocalDate(2026, 3, 11), daily.OccurrenceDate(1));
        Assert.Equal(First.PlusDays(10_000), daily.OccurrenceDate(10_000));

        // The usual start is 17:00 on the series' clock: 14:00 UTC in Nairobi.
        Assert.Equal(Instant.FromUtc(2026, 3, 10, 14, 0), series.UsualStartOf(0));
        Assert.Null(series.UsualStartOf(-1));
        Assert.Null(yearly.UsualStartOf(974));
    }

    [Fact]
    public void The_next_occurrence_is_the_one_whose_window_has_not_passed_on_the_series_clock_up_to_its_last_date()
    {
        var series = Series();
        var wide = Series(searchDays: 3);

        Assert.Equal(0, series.NextOccurrence(DayLastQuarter + Duration.FromMinutes(14)));
        Assert.Equal(1, series.NextOccurrence(DayLastQuarter + Duration.FromMinutes(15)));
        Assert.Equal(0, wide.NextOccurrence(Instant.FromUtc(2026, 3, 12, 20, 59)));
        Assert.Equal(1, wide.NextOccurrence(Instant.FromUtc(2026, 3, 12, 21, 0)));
        Assert.Equal(2, series.NextOccurrence(Instant.FromUtc(2026, 4, 15, 9, 0)));

        var ending = Begun(SeriesPlan() with { Until = new LocalDate(2026, 4, 10) });
        Assert.Equal(1, ending.NextOccurrence(Instant.FromUtc(2026, 4, 10, 9, 0)));
        Assert.Null(ending.NextOccurrence(Instant.FromUtc(2026, 4, 11, 9, 0)));
        Assert.Null(Begun(SeriesPlan() with { Until = new LocalDate(2026, 4, 9) }).NextOccurrence(Instant.FromUtc(2026, 3, 11, 9, 0)));
    }

    [Fact]
    public void Only_a_facilitator_takes_each_step_of_a_series()
    {
        var who = $"Person {Person(7)} acting for partner {Partner(7)} may not";
        var only = "only a facilitator of the series (the person who began it or one it names) may.";
        var series = Series();

        Assert.Equal($"{who} pause Steering committee: {only}", Refused(series, ErrorCodes.Meetings.NotAFacilitator, () => series.Pause(null, Outsider, Start)).Message);
        foreach (var (name, ready, run) in Steps())
        {
            foreach (var by in new[] { Outsider, For(5), Scheduler })
            {
                var refused = ready();
                Assert.True(Refused(refused, ErrorCodes.Meetings.NotAFacilitator, () => run(refused, by)).IsAuthorizationRefusal, $"{name} by {by}");
            }

            foreach (var by in new[] { ChairOfSteering, ChairPerson, Actor.ForPerson(Person(4)) })
            {
                var allowed = ready();
                var version = allowed.Version;
                run(allowed, by);
                Assert.Equal(version + 1, allowed.Version);
            }
        }
    }

    [Fact]
    public void Participants_change_for_a_coalition_given_that_is_the_series_own_and_only_to_its_members()
    {
        var series = Series();
        var other = AnotherWith(4);

        Refused(series, ErrorCodes.Kernel.InvalidInput, () => series.ChangeParticipants([Participant(4, Nairobi)], null!, ChairOfSteering, Start));
        Assert.Equal(
            "'Steering committee' is a series of another coalition than Another coalition.",
            Refused(series, ErrorCodes.Coalitions.OtherCoalition, () => series.ChangeParticipants([Participant(4, Nairobi)], other, ChairOfSteering, Start)).Message);
        Assert.Equal(
            $"Guest 1 takes part for partner {Partner(101)}, which is not a member of Learning for All.",
            Refused(series, ErrorCodes.Membership.NotAMember, () => series.ChangeParticipants([Participant(4, Nairobi), Stranger(1)], Coalition, ChairOfSteering, Start)).Message);
        Refused(series, ErrorCodes.Meetings.InvalidSearch, () => series.ChangeParticipants([], Coalition, ChairOfSteering, Start));
        Refused(series, ErrorCodes.Meetings.InvalidSearch, () => series.ChangeParticipants([.. Enumerable.Range(1, 51).Select(Stranger)], Coalition, ChairOfSteering, Start));
        Refused(series, ErrorCodes.Membership.NotAMember, () => series.ChangeParticipants([.. Enumerable.Range(1, 50).Select(Stranger)], Coalition, ChairOfSteering, Start));
        Refused(series, ErrorCodes.Meetings.InvalidSearch, () => series.ChangeParticipants([Participant(5, Geneva), Participant(5, Nairobi)], Coalition, ChairOfSteering, Start));

        series.ChangeParticipants([Participant(6, NewYork) with { Name = " Member 6 " }, Participant(5, Geneva)], Coalition, ChairOfSteering, Start);

        Assert.Equal(["Member 6", "Member 5"], series.Participants.Select(p => p.Name));
    }

    [Fact]
    public void Participants_change_while_the_series_is_paused_but_not_once_it_has_ended()
    {
        var paused = Paused();
        paused.ChangeParticipants([Participant(4, Nairobi)], Coalition, ChairOfSteering, Start);
        Assert.Single(paused.Participants);

        var ended = Ended();
        Assert.Equal(
            "'Steering committee' is ended.",
            Refused(ended, ErrorCodes.Meetings.SeriesNotActive, () => ended.ChangeParticipants([Participant(4, Nairobi)], Coalition, ChairOfSteering, Start)).Message);
    }

    [Fact]
    public void A_series_pauses_while_active_resumes_while_paused_and_ends_from_either()
    {
        var active = Series();
        var paused = Paused();
        var ended = Ended();

        Assert.Equal("'Steering committee' is active.", Refused(active, ErrorCodes.Meetings.SeriesNotActive, () => active.Resume(ChairOfSteering, Start)).Message);
        Assert.Equal("'Steering committee' is paused.", Refused(paused, ErrorCodes.Meetings.SeriesNotActive, () => paused.Pause(null, ChairOfSteering, Start)).Message);
        Refused(paused, ErrorCodes.Meetings.SeriesNotActive, () => paused.ScheduleNext(TheMeeting, SharedHour, ChairOfSteering, Start));
        Refused(ended, ErrorCodes.Meetings.SeriesNotActive, () => ended.Pause(null, ChairOfSteering, Start));
        Refused(ended, ErrorCodes.Meetings.SeriesNotActive, () => ended.Resume(ChairOfSteering, Start));
        Assert.Equal("'Steering committee' is ended.", Refused(ended, ErrorCodes.Meetings.SeriesNotActive, () => ended.End(null, ChairOfSteering, Start)).Message);
        Refused(ended, ErrorCodes.Meetings.SeriesNotActive, () => ended.ScheduleNext(TheMeeting, SharedHour, ChairOfSteering, Start));

        paused.End(null, ChairOfSteering, Start);
        Assert.Equal(SeriesStatus.Ended, paused.Status);
        active.Pause(null, ChairOfSteering, Start);
        active.Resume(ChairOfSteering, Start);
        Assert.Equal(SeriesStatus.Active, active.Status);
    }

    [Fact]
    public void A_reason_to_pause_or_end_is_at_most_two_thousand_characters_kept_trimmed()
    {
        var series = Series();

        Refused(series, ErrorCodes.Kernel.InvalidText, () => series.Pause(new string('r', 2_001), ChairOfSteering, Start));
        Refused(series, ErrorCodes.Kernel.InvalidText, () => series.End(new string('r', 2_001), ChairOfSteering, Start));
        series.Pause(new string('r', 2_000), ChairOfSteering, Start);
        series.Resume(ChairOfSteering, Start);
        series.Pause("  Summer break.  ", ChairOfSteering, Start);
        series.End("  Merged.  ", ChairOfSteering, Start);

        var events = series.DequeueUncommittedEvents();
        Assert.Equal("Summer break.", Assert.IsType<MeetingSeriesPaused>(events[^2]).Reason);
        Assert.Equal("Merged.", Assert.IsType<MeetingSeriesEnded>(events[^1]).Reason);
    }

    [Fact]
    public void A_meeting_is_placed_from_the_first_to_the_last_instant_of_its_occurrence_s_day_on_the_series_clock()
    {
        var message = "'Steering committee' cannot meet at 9 March 2026 at 20:45 UTC: its next meeting falls from 10 March 2026 for 1 day, after now, under an id not used before.";
        var series = Series();

        Assert.Equal(message, Refused(series, ErrorCodes.Meetings.OutsideOccurrence, () => series.ScheduleNext(TheMeeting, DayOpens - Duration.FromMinutes(15), ChairOfSteering, Start)).Message);
        Refused(series, ErrorCodes.Meetings.OutsideOccurrence, () => series.ScheduleNext(TheMeeting, DayLastQuarter + Duration.FromMinutes(15), ChairOfSteering, Start));

        Assert.Equal(DayOpens, Series().ScheduleNext(TheMeeting, DayOpens, ChairOfSteering, Start).Start);
        var last = series.ScheduleNext(TheMeeting, DayLastQuarter, ChairOfSteering, Start);
        Assert.Equal(new SeriesOccurrence(0, First, TheMeeting, DayLastQuarter, Duration.FromHours(1)), last);
    }

    [Fact]
    public void A_wider_window_runs_its_days_but_not_past_the_series_last_date()
    {
        var series = Series(searchDays: 3);
        Assert.Equal(
            "'Steering committee' cannot meet at 12 March 2026 at 21:00 UTC: its next meeting falls from 10 March 2026 for 3 days, after now, under an id not used before.",
            Refused(series, ErrorCodes.Meetings.OutsideOccurrence, () => series.ScheduleNext(TheMeeting, Instant.FromUtc(2026, 3, 12, 21, 0), ChairOfSteering, Start)).Message);
        Assert.Equal(new LocalDate(2026, 3, 10), series.ScheduleNext(TheMeeting, Instant.FromUtc(2026, 3, 12, 20, 45), ChairOfSteering, Start).Date);

        var ending = Begun(SeriesPlan(searchDays: 3) with { Until = new LocalDate(2026, 3, 11) });
        Refused(ending, ErrorCodes.Meetings.OutsideOccurrence, () => ending.ScheduleNext(TheMeeting, Instant.FromUtc(2026, 3, 12, 6, 0), ChairOfSteering, Start));
        ending.ScheduleNext(TheMeeting, Instant.FromUtc(2026, 3, 11, 6, 0), ChairOfSteering, Start);
        Assert.Equal(
            "'Steering committee' cannot meet at 10 April 2026 at 06:00 UTC: its next meeting falls nowhere (the series has no occurrence left), after now, under an id not used before.",
            Refused(ending, ErrorCodes.Meetings.OutsideOccurrence, () => ending.ScheduleNext(NextMeeting, Instant.FromUtc(2026, 4, 10, 6, 0), ChairOfSteering, Start)).Message);
    }

    [Fact]
    public void A_meeting_starts_after_now_under_an_id_new_to_the_series()
    {
        var series = Series();

        Refused(series, ErrorCodes.Meetings.OutsideOccurrence, () => series.ScheduleNext(TheMeeting, SharedHour, ChairOfSteering, SharedHour));
        Refused(series, ErrorCodes.Kernel.EmptyId, () => series.ScheduleNext(default, SharedHour, ChairOfSteering, Start));
        Refused(series, ErrorCodes.Kernel.OutOfRange, () => series.ScheduleNext(TheMeeting, Instant.MaxValue, ChairOfSteering, Start));
        series.ScheduleNext(TheMeeting, SharedHour, ChairOfSteering, SharedHour - Duration.FromMinutes(1));

        Refused(series, ErrorCodes.Meetings.OutsideOccurrence, () => series.ScheduleNext(TheMeeting, Instant.FromUtc(2026, 4, 10, 13, 0), ChairOfSteering, Start));
        Assert.Equal(1, series.ScheduleNext(NextMeeting, Instant.FromUtc(2026, 4, 10, 13, 0), ChairOfSteering, Start).Number);
        Assert.Equal([0, 1], series.Scheduled.Select(s => s.Number));
    }

    [Fact]
    public void A_series_skips_the_occurrences_whose_window_has_passed()
    {
        var series = Series();

        var occurrence = series.ScheduleNext(TheMeeting, Instant.FromUtc(2026, 5, 10, 13, 0), ChairOfSteering, Instant.FromUtc(2026, 4, 15, 9, 0));

        Assert.Equal((2, new LocalDate(2026, 5, 10)), (occurrence.Number, occurrence.Date));
        Assert.Equal(3, series.NextOccurrence(Instant.FromUtc(2026, 4, 15, 9, 0)));
    }

    [Fact]
    public void Scheduling_records_the_time_outside_working_hours_and_only_those_who_bore_some_carry_it()
    {
        var series = Series();

        series.ScheduleNext(TheMeeting, SharedHour, ChairOfSteering, Start);
        Assert.Empty(series.Borne);
        var within = Assert.IsType<SeriesMeetingScheduled>(series.DequeueUncommittedEvents()[^1]);
        Assert.All(within.OutsideHours, o => Assert.Equal((Duration.Zero, 0), (o.OutsideHours, o.Meetings)));

        // 11:00 UTC on 10 April is 07:00 in New York: an hour before its working day.
        series.ScheduleNext(NextMeeting, Instant.FromUtc(2026, 4, 10, 11, 0), ChairOfSteering, Start);
        var borne = Assert.Single(series.Borne);
        Assert.Equal(new Inconvenience(Person(6), Duration.FromHours(1), 1), borne);
        var outside = Assert.IsType<SeriesMeetingScheduled>(series.DequeueUncommittedEvents()[^1]);
        Assert.Equal([0, 0, 1], outside.OutsideHours.Select(o => o.Meetings));
    }

    [Fact]
    public void Proposals_are_for_the_next_occurrence_and_start_after_now()
    {
        var series = Series();

        var early = series.ProposeNext(SharedHour - Duration.FromMinutes(15));
        var now = series.ProposeNext(SharedHour);

        Assert.Equal((0, First), (early.Number, early.Date));
        Assert.Equal(SharedHour, early.Slots[0].Start);
        Assert.All(now.Slots, s => Assert.True(s.Start > SharedHour));
        Assert.Single(series.ProposeNext(Start, count: 1).Slots);
        Assert.Equal(3, early.Slots[0].Borne.Count);
    }

    [Fact]
    public void A_paused_ended_or_finished_series_proposes_nothing_and_says_which()
    {
        var paused = Paused();
        var ended = Ended();
        var finished = Begun(SeriesPlan() with { Until = First });
        finished.ScheduleNext(TheMeeting, SharedHour, ChairOfSteering, Start);

        Assert.Equal("'Steering committee' is paused.", Refusal.Of(() => paused.ProposeNext(Start), ErrorCodes.Meetings.SeriesNotActive).Message);
        Assert.Equal("'Steering committee' is ended.", Refusal.Of(() => ended.ProposeNext(Start), ErrorCodes.Meetings.SeriesNotActive).Message);
        Assert.Equal("'Steering committee' has no occurrence left.", Refusal.Of(() => finished.ProposeNext(Start), ErrorCodes.Meetings.SeriesNotActive).Message);
    }

    [Fact]
    public void An_occurrence_s_plan_is_the_series_own_with_the_occurrence_s_date_in_its_title()
    {
        var series = Begun(SeriesPlan() with { Format = MeetingFormat.Hybrid, Location = "Nairobi office", OnlineLink = "https://meet.example.org/steering" });
        var occurrence = series.ScheduleNext(TheMeeting, SharedHour, ChairOfSteering, Start);

        var plan = series.PlanFor(occurrence);

        Assert.Equal(
            (TheCoalition, "Steering committee, 10 March 2026", MeetingFormat.Hybrid, (BodyKey?)Steering, "Nairobi office", "https://meet.example.org/steering", (MeetingSeriesId?)TheSeries),
            (plan.Coalition, plan.Title, plan.Format, plan.Body, plan.Location, plan.OnlineLink, plan.Series));
        Assert.Equal(series.Participants, plan.Participants);
        Assert.Equal([Person(4), Chair], plan.Facilitators);
        Assert.Null(plan.Purpose);
        Refusal.Of(() => series.PlanFor(null!), ErrorCodes.Kernel.InvalidInput);
        Meeting.Convene(TheMeeting, plan, Coalition, ChairOfSteering, Start, TheGovernance);
    }
    [Fact]
    public void A_stored_series_schedules_pauses_and_resumes_only_while_its_status_allows_and_keeps_each_bound()
    {
        var begun = Series().DequeueUncommittedEvents().ToList();
        var beginning = (MeetingSeriesBegun)begun[0];
        var ended = new MeetingSeriesEnded(TheSeries, null, Start, ChairOfSteering);
        static SeriesMeetingScheduled Slot(int n, params Inconvenience[] outside) => new(TheSeries, n, MeetingId.New(), SharedHour, Duration.FromHours(1), outside, Start, ChairOfSteering);
        static Inconvenience[] Nobody(int count) => [.. Enumerable.Range(1, count).Select(n => new Inconvenience(Person(300 + n), Duration.Zero, 0))];
        static PersonId[] Others(int count) => [Person(4), .. Enumerable.Range(1, count).Select(n => Person(200 + n))];

        StoredHistory.Refused(MeetingSeries.Rehydrate, [.. begun, ended], "the series is not active.", Slot(0));
        StoredHistory.Refused(MeetingSeries.Rehydrate, [.. begun, ended], "the series is not active.", new MeetingSeriesPaused(TheSeries, null, Start, ChairOfSteering));
        StoredHistory.Refused(MeetingSeries.Rehydrate, [.. begun, ended], "the series is not paused.", new MeetingSeriesResumed(TheSeries, Start, ChairOfSteering));
        StoredHistory.Refused(MeetingSeries.Rehydrate, begun, "the time outside working hours is out of bounds.", Slot(0, Nobody(51)));
        StoredHistory.Refused(MeetingSeries.Rehydrate, begun, "that Inconvenience.Meetings is negative.", Slot(0, new Inconvenience(Person(6), Duration.Zero, -1)));
        StoredHistory.Refused(MeetingSeries.Rehydrate, [], "the series' plan is ill-formed.", beginning with { Facilitators = Others(11) });
        StoredHistory.Refused(MeetingSeries.Rehydrate, begun, "the participants are ill-formed.", new SeriesParticipantsChanged(TheSeries, [], Start, ChairOfSteering));

        Assert.Equal(11, MeetingSeries.Rehydrate([beginning with { Facilitators = Others(10) }]).Facilitators.Count);
        var quiet = MeetingSeries.Rehydrate([.. begun, Slot(0, Nobody(50))]);
        Assert.Equal((1, 0), (quiet.Scheduled.Count, quiet.Borne.Count));
        Assert.Equal(10_000, MeetingSeries.Rehydrate([.. begun, Slot(10_000)]).Scheduled[0].Number);
    }

    [Fact]
    public void A_series_calendar_runs_through_the_date_given_or_the_series_last_date_whichever_is_earlier()
    {
        var series = Series();
        var ending = Begun(SeriesPlan() with { Until = new LocalDate(2026, 4, 10) });

        Assert.Equal(
            "'Steering committee' has no occurrence by 9 March 2026.",
            Refusal.Of(() => MeetingCalendar.Write(series, First.PlusDays(-1), Start), ErrorCodes.Meetings.NotScheduled).Message);
        var single = Calendar(series, First);
        Assert.DoesNotContain("RRULE", single, StringComparison.Ordinal);
        Assert.DoesNotContain("RDATE", single, StringComparison.Ordinal);
        Assert.Contains("\r\nRRULE:FREQ=MONTHLY;INTERVAL=1;COUNT=2\r\n", Calendar(series, new LocalDate(2026, 4, 10)), StringComparison.Ordinal);
        Assert.Contains("\r\nRRULE:FREQ=MONTHLY;INTERVAL=1;COUNT=2\r\n", Calendar(ending, new LocalDate(2026, 4, 10)), StringComparison.Ordinal);
        Assert.Contains("\r\nRRULE:FREQ=MONTHLY;INTERVAL=1;COUNT=2\r\n", Calendar(ending, new LocalDate(2026, 12, 31)), StringComparison.Ordinal);
        Assert.Contains("\r\nRRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=3\r\n", Calendar(Begun(SeriesPlan() with { Body = "weekly" }, Secretariat, Cadenced), new LocalDate(2026, 3, 24)), StringComparison.Ordinal);
        Assert.Contains("\r\nRRULE:FREQ=DAILY;INTERVAL=1;COUNT=3\r\n", Calendar(Begun(SeriesPlan() with { Body = "daily" }, Secretariat, Cadenced), new LocalDate(2026, 3, 12)), StringComparison.Ordinal);
        Assert.Contains("\r\nRRULE:FREQ=YEARLY;INTERVAL=1;COUNT=2\r\n", Calendar(Begun(SeriesPlan() with { Body = "general-assembly" }, Secretariat), new LocalDate(2027, 3, 10)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_series_calendar_lists_at_most_a_thousand_occurrences()
    {
        var series = Series();

        Assert.Contains("COUNT=1000\r\n", Calendar(series, First.PlusMonths(999)), StringComparison.Ordinal);
        Assert.Equal(
            "'Steering committee' has more than 1,000 occurrences by 10 July 2109; write a shorter stretch.",
            Refusal.Of(() => MeetingCalendar.Write(series, First.PlusMonths(1_000), Start), ErrorCodes.Kernel.OutOfRange).Message);
    }

    [Fact]
    public void An_ended_series_calendar_stops_at_its_last_meeting_and_one_that_never_met_has_none()
    {
        Refusal.Of(() => MeetingCalendar.Write(Ended(), new LocalDate(2026, 12, 31), Start), ErrorCodes.Meetings.NotScheduled);

        var series = Series();
        series.ScheduleNext(TheMeeting, Instant.FromUtc(2026, 4, 10, 14, 0), ChairOfSteering, Instant.FromUtc(2026, 3, 20, 9, 0));
        series.End(null, ChairOfSteering, Instant.FromUtc(2026, 4, 11, 9, 0));

        var text = Calendar(series, new LocalDate(2026, 12, 31));
        Assert.Contains("\r\nRRULE:FREQ=MONTHLY;INTERVAL=1;COUNT=2\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nSTATUS:CONFIRMED\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("RRULE", Calendar(series, First), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_meeting_moved_from_its_usual_start_is_an_exception_in_the_series_calendar()
    {
        var usual = Series();
        usual.ScheduleNext(TheMeeting, Instant.FromUtc(2026, 3, 10, 14, 0), ChairOfSteering, Start);
        var moved = Series();
        moved.ScheduleNext(TheMeeting, SharedHour, ChairOfSteering, Start);

        Assert.DoesNotContain("RECURRENCE-ID", Calendar(usual, new LocalDate(2026, 4, 10)), StringComparison.Ordinal);
        var text = Calendar(moved, new LocalDate(2026, 4, 10));
        Assert.Contains("\r\nRECURRENCE-ID;TZID=Africa/Nairobi:20260310T170000\r\nDTSTART;TZID=Africa/Nairobi:20260310T160000\r\n", text, StringComparison.Ordinal);

        var later = Series();
        later.ScheduleNext(TheMeeting, Instant.FromUtc(2026, 4, 10, 13, 0), ChairOfSteering, Instant.FromUtc(2026, 3, 20, 9, 0));
        Assert.DoesNotContain("RECURRENCE-ID", Calendar(later, First), StringComparison.Ordinal);
        Assert.Contains("\r\nRECURRENCE-ID;TZID=Africa/Nairobi:20260410T170000\r\n", Calendar(later, new LocalDate(2026, 4, 10)), StringComparison.Ordinal);
    }

    private static string Calendar(MeetingSeries series, LocalDate through) =>
        MeetingCalendar.Write(series, through, Start).Replace("\r\n ", string.Empty, StringComparison.Ordinal);
}
