using Coalitions.Core.Kernel;
using Coalitions.Core.Meetings;
using Coalitions.Core.Tests.Kit;
using Ical.Net;
using CalDateTime = Ical.Net.DataTypes.CalDateTime;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.MeetingScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using Calendar = Ical.Net.Calendar;

namespace Coalitions.Core.Tests.Meetings;

public class SeriesTests
{
    [Fact]
    public void A_series_follows_its_body_s_cadence_counted_from_the_first_date()
    {
        var series = Series(new LocalDate(2026, 1, 28));

        Assert.Equal(Period.FromMonths(1), series.Cadence);
        Assert.Equal(new LocalDate(2026, 2, 28), series.OccurrenceDate(1));
        Assert.Equal(new LocalDate(2026, 3, 28), series.OccurrenceDate(2));
    }

    [Fact]
    public void A_monthly_series_starts_on_a_day_every_month_has()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => Series(new LocalDate(2026, 1, 31)));

        Assert.Equal(ErrorCodes.Meetings.IrregularCadence, error.Code);
    }

    [Fact]
    public void A_body_without_a_cadence_holds_no_series()
    {
        var plan = SeriesPlan() with { Body = "secretariat" };

        Assert.Equal(ErrorCodes.Meetings.IrregularCadence, Assert.Throws<CoalitionRuleException>(() => MeetingSeries.Begin(TheSeries, plan, Coalition, TheGovernance, Secretariat, Start)).Code);
    }

    [Fact]
    public void Only_the_body_s_convenor_or_a_coordinator_begins_its_series()
    {
        Assert.Equal(ErrorCodes.Meetings.NotAConvenor, Assert.Throws<CoalitionRuleException>(() => MeetingSeries.Begin(TheSeries, SeriesPlan(), Coalition, TheGovernance, For(5), Start)).Code);
    }

    [Fact]
    public void The_next_meeting_is_placed_in_its_occurrence_s_window_and_nowhere_else()
    {
        var series = Series();

        Refusal.Expect(series, ErrorCodes.Meetings.OutsideOccurrence, () => series.ScheduleNext(TheMeeting, Instant.FromUtc(2026, 3, 11, 13, 0), ChairOfSteering, Start));
        var occurrence = series.ScheduleNext(TheMeeting, Instant.FromUtc(2026, 3, 10, 13, 0), ChairOfSteering, Start);

        Assert.Equal(0, occurrence.Number);
        Assert.Equal(new LocalDate(2026, 4, 10), series.OccurrenceDate(series.NextOccurrence(Start)!.Value));
        Assert.Equal(new MeetingPlan(TheCoalition, "Steering committee, 10 March 2026", MeetingFormat.Online, series.Participants.ToArray(), series.Facilitators.ToArray(), Steering, null, null, TheSeries).Title, series.PlanFor(occurrence).Title);
    }

    [Fact]
    public void A_paused_series_schedules_nothing_until_it_resumes()
    {
        var series = Series();
        series.Pause("Summer break.", ChairOfSteering, Start);

        Refusal.Expect(series, ErrorCodes.Meetings.SeriesNotActive, () => series.ScheduleNext(TheMeeting, Instant.FromUtc(2026, 3, 10, 13, 0), ChairOfSteering, Start));
        series.Resume(ChairOfSteering, Start);
        series.ScheduleNext(TheMeeting, Instant.FromUtc(2026, 3, 10, 13, 0), ChairOfSteering, Start);
    }

    [Fact]
    public void The_inconvenience_of_meeting_outside_working_hours_rotates_across_the_series()
    {
        // From November to February New York is on winter time and shares no working hour with Nairobi: someone is always out.
        var series = MeetingSeries.Begin(TheSeries, SeriesPlan(new LocalDate(2026, 11, 4)), Coalition, TheGovernance, ChairOfSteering, Start);
        var outside = new List<string>();
        var now = Start;
        for (var n = 0; n < 4; n++)
        {
            var proposal = series.ProposeNext(now);
            var best = proposal.Slots[0];
            outside.Add(best.Fits.Single(f => !f.WithinHours).TimeZone);
            series.ScheduleNext(MeetingId.New(), best.Start, ChairOfSteering, now);
            now = best.Start + Duration.FromDays(1);
        }

        Assert.Equal([NewYork, Nairobi, NewYork, Nairobi], outside);
        Assert.Equal(Duration.FromHours(2), series.Borne.Single(b => b.Person == Person(6)).OutsideHours);
        Assert.Equal(Duration.FromHours(2), series.Borne.Single(b => b.Person == Person(4)).OutsideHours);
    }
}

public class CalendarTests
{
    private static readonly Instant Stamp = Instant.FromUtc(2026, 3, 2, 10, 0);

    private static Instant Utc(CalDateTime time) => Instant.FromDateTimeUtc(DateTime.SpecifyKind(time.AsUtc, DateTimeKind.Utc));

    [Fact]
    public void A_meeting_reads_back_at_the_same_instant_in_every_participant_s_zone()
    {
        var meeting = Scheduled();

        foreach (var zone in new[] { Nairobi, Geneva, NewYork, "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Kiritimati", "Pacific/Pago_Pago" })
        {
            var calendar = Calendar.Load(MeetingCalendar.Write(meeting, Stamp, zone))!;
            var e = Assert.Single(calendar.Events);

            Assert.Equal(zone, e.DtStart!.TzId);
            Assert.Equal(Tuesday, Utc(e.DtStart));
            Assert.Equal(Tuesday + Duration.FromHours(1), Utc(e.DtEnd!));
            Assert.Equal($"meeting-{TheMeeting}@coalitions-core", e.Uid);
            Assert.Equal(Stamp, Utc(e.DtStamp!));
            Assert.Equal(3, e.Attendees.Count);
        }
    }

    [Fact]
    public void The_time_zone_data_is_the_tz_database_s_for_the_year()
    {
        var meeting = Scheduled();

        var zone = Assert.Single(Calendar.Load(MeetingCalendar.Write(meeting, Stamp, Geneva))!.TimeZones);

        Assert.Equal(Geneva, zone.TzId);
        var observances = zone.TimeZoneInfos.OrderBy(i => i.DtStart!.Value).ToArray();
        var summer = observances.Single(o => o.DtStart!.Value == new DateTime(2026, 3, 29, 2, 0, 0));
        Assert.Equal("DAYLIGHT", summer.Name);
        Assert.Equal(TimeSpan.FromHours(1), summer.OffsetFrom!.Offset);
        Assert.Equal(TimeSpan.FromHours(2), summer.OffsetTo!.Offset);
        var winter = observances.Single(o => o.DtStart!.Value == new DateTime(2026, 10, 25, 3, 0, 0));
        Assert.Equal("STANDARD", winter.Name);
        Assert.Equal(TimeSpan.FromHours(1), winter.OffsetTo!.Offset);
        Assert.Equal("CET", winter.TimeZoneName);
    }

    [Fact]
    public void A_45_minute_zone_is_written_with_its_minutes()
    {
        var text = MeetingCalendar.Write(Scheduled(), Stamp, "Asia/Kathmandu");
        var zone = Assert.Single(Calendar.Load(text)!.TimeZones);

        Assert.All(zone.TimeZoneInfos, o => Assert.Equal(new TimeSpan(5, 45, 0), o.OffsetTo!.Offset));
        Assert.Contains("TZOFFSETTO:+0545", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_series_recurs_on_its_own_clock_and_a_moved_meeting_is_an_exception()
    {
        var series = Series();
        series.ScheduleNext(TheMeeting, Instant.FromUtc(2026, 3, 10, 13, 0), ChairOfSteering, Start);

        var calendar = Calendar.Load(MeetingCalendar.Write(series, new LocalDate(2026, 6, 30), Stamp))!;
        var occurrences = calendar.GetOccurrences(new CalDateTime(2026, 1, 1, 0, 0, 0, "UTC"), null).TakeWhileBefore(new CalDateTime(2027, 1, 1, 0, 0, 0, "UTC")).Select(o => Utc(o.Period.StartTime)).ToArray();

        Assert.Equal(
            [Instant.FromUtc(2026, 3, 10, 13, 0), Instant.FromUtc(2026, 4, 10, 14, 0), Instant.FromUtc(2026, 5, 10, 14, 0), Instant.FromUtc(2026, 6, 10, 14, 0)],
            occurrences);
        var master = calendar.Events.Single(e => e.RecurrenceIdentifier is null);
        var rule = master.RecurrenceRule!;
        Assert.Equal((Ical.Net.FrequencyType.Monthly, 1, 4), (rule.Frequency, rule.Interval, rule.Count));
    }

    [Fact]
    public void In_a_participant_s_zone_the_series_lists_the_same_instants_across_both_clock_changes()
    {
        var series = Series(new LocalDate(2026, 2, 10));

        var text = MeetingCalendar.Write(series, new LocalDate(2026, 5, 31), Stamp, NewYork);
        var calendar = Calendar.Load(text)!;
        var occurrences = calendar.GetOccurrences(new CalDateTime(2026, 1, 1, 0, 0, 0, "UTC"), null).TakeWhileBefore(new CalDateTime(2027, 1, 1, 0, 0, 0, "UTC")).Select(o => o.Period.StartTime).ToArray();

        // 17:00 in Nairobi every month is 14:00 UTC: 09:00 in New York in February, 10:00 from March on.
        Assert.Equal([series.UsualStartOf(0), series.UsualStartOf(1), series.UsualStartOf(2), series.UsualStartOf(3)], occurrences.Select(o => (Instant?)Utc(o)));
        Assert.Equal([9, 10, 10, 10], occurrences.Select(o => Utc(o).InZone(DateTimeZoneProviders.Tzdb[NewYork]).Hour));
        Assert.Contains("RDATE;TZID=America/New_York:20260310T100000,20260410T100000,20260510T100000", text.Replace("\r\n ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("RRULE", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_are_folded_at_75_octets_without_splitting_a_character_and_text_is_escaped()
    {
        var meeting = Meeting.Convene(TheMeeting, Plan() with { Title = "Réunion du comité de pilotage; ordre du jour, budget et « priorités » pour l'année — Genève, Nairobi, New York" }, Coalition, ChairOfSteering, Start, TheGovernance);
        meeting.Schedule(Tuesday, Duration.FromHours(1), ChairOfSteering, Start);

        var text = MeetingCalendar.Write(meeting, Stamp);

        Assert.All(text.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.DoesNotContain('\uFFFD', text);
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        var e = Assert.Single(Calendar.Load(text)!.Events);
        Assert.Equal(meeting.Title, e.Summary);
        Assert.Contains("SUMMARY:Réunion du comité de pilotage\\; ordre du jour\\, budget", text.Replace("\r\n ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_meeting_never_scheduled_has_no_calendar_entry()
    {
        Assert.Equal(ErrorCodes.Meetings.NotScheduled, Assert.Throws<CoalitionRuleException>(() => MeetingCalendar.Write(Convened(), Stamp)).Code);
        Assert.Equal(ErrorCodes.Partners.UnknownTimeZone, Assert.Throws<CoalitionRuleException>(() => MeetingCalendar.Write(Scheduled(), Stamp, "Europe/Geneva")).Code);
    }

    [Fact]
    public void A_postponed_meeting_is_tentative_and_a_cancelled_one_cancelled()
    {
        var meeting = Scheduled();
        meeting.Postpone(null, ChairOfSteering, Start);
        Assert.Equal("TENTATIVE", Calendar.Load(MeetingCalendar.Write(meeting, Stamp))!.Events.Single().Status);

        meeting.Cancel(null, ChairOfSteering, Start);
        Assert.Equal("CANCELLED", Calendar.Load(MeetingCalendar.Write(meeting, Stamp))!.Events.Single().Status);
    }
}
