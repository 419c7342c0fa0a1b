using Coalitions.Core.Kernel;
using Coalitions.Core.Meetings;
using CsCheck;
using NodaTime;
using static Coalitions.Core.Tests.Kit.MeetingScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Meetings;

/// <summary>Slots across time zones: exact at clock changes, half-hour and 45-minute zones, and across the date line.</summary>
public class SchedulingTests
{
    private static readonly IDateTimeZoneProvider Tz = DateTimeZoneProviders.Tzdb;

    private static SlotSearch Day(LocalDate day, string zone, params MeetingParticipant[] participants) =>
        new(participants, day, day, zone, Duration.FromHours(1), Count: 3);

    [Fact]
    public void In_winter_nairobi_geneva_and_new_york_share_no_working_hour_so_the_best_slots_leave_one_of_them_out()
    {
        var slots = MeetingSlots.Propose(Day(new LocalDate(2026, 2, 10), Nairobi, [.. Committee()]));

        Assert.All(slots, s => Assert.Equal(2, s.WithinHours));
        // 08:00 to 09:00 UTC: 11:00 in Nairobi, 09:00 in Geneva, 03:00 in New York.
        Assert.Equal(Instant.FromUtc(2026, 2, 10, 8, 0), slots[0].Start);
        Assert.Contains("Member 6 (America/New_York): Tuesday 03:00 to 04:00, 1 hour outside working hours (1 hour before the working day starts).", slots[0].Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void While_new_york_is_on_summer_time_and_geneva_not_yet_one_hour_suits_all_three()
    {
        // New York moved its clock on 8 March 2026, Geneva moves on 29 March: on 10 March 13:00 UTC is 16:00, 14:00 and 09:00.
        var slots = MeetingSlots.Propose(Day(new LocalDate(2026, 3, 10), Nairobi, [.. Committee()]));

        Assert.Equal(3, slots[0].WithinHours);
        Assert.Equal(Instant.FromUtc(2026, 3, 10, 13, 0), slots[0].Start);
        Assert.Equal(new LocalDateTime(2026, 3, 10, 9, 0), slots[0].Fits.Single(f => f.TimeZone == NewYork).LocalStart);
        Assert.Equal(Duration.Zero, slots[0].TotalOutsideHours);
    }

    [Fact]
    public void A_slot_says_who_meets_outside_working_hours_and_by_how_much()
    {
        var fit = MeetingSlots.Fit(Committee(), Instant.FromUtc(2026, 3, 10, 11, 0), Duration.FromHours(1), Nairobi);

        var newYork = fit.Fits.Single(f => f.TimeZone == NewYork);
        Assert.Equal(Duration.FromHours(1), newYork.BeforeWork);
        Assert.Equal("Member 6 (America/New_York): Tuesday 07:00 to 08:00, 1 hour outside working hours (1 hour before the working day starts).", newYork.Describe());
        Assert.True(fit.Fits.Single(f => f.TimeZone == Geneva).WithinHours);
    }

    [Fact]
    public void A_clock_change_between_two_meetings_moves_the_local_times_exactly()
    {
        // The same 17:00 in Nairobi (no summer time) on 10 March and 14 April 2026: Geneva moves its clock on 29 March, New York on 8 March.
        var march = MeetingSlots.Fit(Committee(), Instant.FromUtc(2026, 3, 10, 14, 0), Duration.FromHours(1), Nairobi);
        var april = MeetingSlots.Fit(Committee(), Instant.FromUtc(2026, 4, 14, 14, 0), Duration.FromHours(1), Nairobi);
        var february = MeetingSlots.Fit(Committee(), Instant.FromUtc(2026, 2, 10, 14, 0), Duration.FromHours(1), Nairobi);

        Assert.Equal(new LocalTime(15, 0), march.Fits[1].LocalStart.TimeOfDay);
        Assert.Equal(new LocalTime(16, 0), april.Fits[1].LocalStart.TimeOfDay);
        Assert.Equal(new LocalTime(10, 0), march.Fits[2].LocalStart.TimeOfDay);
        Assert.Equal(new LocalTime(10, 0), april.Fits[2].LocalStart.TimeOfDay);
        Assert.Equal(new LocalTime(9, 0), february.Fits[2].LocalStart.TimeOfDay);
        Assert.Equal(Offset.FromHours(-4), march.Fits[2].UtcOffset);
        Assert.Equal(Offset.FromHours(-5), february.Fits[2].UtcOffset);
    }

    [Fact]
    public void A_working_day_shortened_by_the_spring_clock_change_counts_its_real_hours()
    {
        // Working 01:00 to 05:00 in Geneva on Sunday 29 March 2026: 02:00 to 03:00 does not exist, so three real hours.
        var night = Participant(5, Geneva, new WorkingHours(new LocalTime(1, 0), new LocalTime(5, 0), [IsoDayOfWeek.Sunday]));
        var start = new LocalDateTime(2026, 3, 29, 1, 0).InZoneStrictly(Tz[Geneva]).ToInstant();

        var fit = MeetingSlots.Fit([night], start, Duration.FromHours(4), Geneva);

        Assert.Equal(Duration.FromHours(1), fit.Fits[0].OutsideHours);
        Assert.Equal(Duration.FromHours(1), fit.Fits[0].AfterWork);
    }

    [Fact]
    public void A_half_hour_zone_is_served_by_a_quarter_hour_step()
    {
        // Kolkata is UTC+5:30: its 09:00 is 03:30 UTC, and with Nairobi (UTC+3) the overlap is 09:00 to 14:30 in Kolkata.
        var slots = MeetingSlots.Propose(Day(new LocalDate(2026, 3, 10), Nairobi, Participant(4, Nairobi), Participant(7, "Asia/Kolkata")));

        Assert.All(slots, s => Assert.Equal(2, s.WithinHours));
        Assert.Equal(Instant.FromUtc(2026, 3, 10, 6, 0), slots[0].Start);
        Assert.Equal(new LocalTime(11, 30), slots[0].Fits[1].LocalStart.TimeOfDay);
    }

    [Fact]
    public void A_45_minute_zone_meets_within_its_working_day_to_the_quarter_hour()
    {
        // Kathmandu is UTC+5:45: its working day is 03:15 to 11:15 UTC; with Geneva (08:00 to 16:00 UTC in winter) only 08:00 to 11:15 UTC is shared.
        var kathmandu = Participant(7, "Asia/Kathmandu");
        var search = new SlotSearch([kathmandu, Participant(5, Geneva)], new LocalDate(2026, 3, 10), new LocalDate(2026, 3, 10), Geneva, Duration.FromHours(3), Count: 5);

        var slots = MeetingSlots.Propose(search).Where(s => s.WithinHours == 2).ToArray();

        Assert.Single(slots);
        Assert.Equal(Instant.FromUtc(2026, 3, 10, 8, 0), slots[0].Start);
        Assert.Equal(new LocalTime(13, 45), slots[0].Fits[0].LocalStart.TimeOfDay);
        Assert.Equal(Duration.Zero, MeetingSlots.Outside(kathmandu, Instant.FromUtc(2026, 3, 10, 8, 15), Duration.FromHours(3)).Outside);
        Assert.Equal(Duration.FromMinutes(15), MeetingSlots.Outside(kathmandu, Instant.FromUtc(2026, 3, 10, 8, 30), Duration.FromHours(3)).Outside);
    }

    [Fact]
    public void Across_the_date_line_a_working_tuesday_in_kiritimati_is_a_working_monday_in_pago_pago()
    {
        var kiritimati = Participant(7, "Pacific/Kiritimati");
        var pagoPago = Participant(8, "Pacific/Pago_Pago");
        var search = new SlotSearch([kiritimati, pagoPago], new LocalDate(2026, 3, 9), new LocalDate(2026, 3, 15), "Pacific/Kiritimati", Duration.FromHours(1), Step: Duration.FromHours(1), Count: 20);

        var shared = MeetingSlots.Propose(search).Where(s => s.WithinHours == 2).ToArray();

        Assert.NotEmpty(shared);
        Assert.All(shared, s =>
        {
            Assert.InRange(s.Fits[0].LocalStart.DayOfWeek, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Friday);
            Assert.Equal(s.Fits[0].LocalStart.DayOfWeek - 1, s.Fits[1].LocalStart.DayOfWeek);
            Assert.Equal(-1, s.Fits[1].DayOffset);
        });
    }

    [Fact]
    public void A_slot_on_monday_evening_in_new_york_is_tuesday_morning_in_nairobi_and_says_so()
    {
        var start = new LocalDateTime(2026, 3, 9, 20, 0).InZoneStrictly(Tz[NewYork]).ToInstant();

        var fit = MeetingSlots.Fit([Participant(6, NewYork), Participant(4, Nairobi)], start, Duration.FromHours(1), NewYork);

        Assert.Equal(IsoDayOfWeek.Monday, fit.Fits[0].LocalStart.DayOfWeek);
        Assert.Equal(IsoDayOfWeek.Tuesday, fit.Fits[1].LocalStart.DayOfWeek);
        Assert.Equal(1, fit.Fits[1].DayOffset);
        Assert.Contains("Member 4 (Africa/Nairobi): Tuesday 03:00 to 04:00 (the next day)", fit.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_weekend_is_outside_working_hours_whatever_the_time()
    {
        var fit = MeetingSlots.Fit([Participant(4, Nairobi)], Instant.FromUtc(2026, 3, 14, 8, 0), Duration.FromHours(1), Nairobi);

        Assert.Equal(Duration.FromHours(1), fit.Fits[0].OutsideHours);
        Assert.EndsWith("1 hour outside working hours (not a working day).", fit.Fits[0].Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Proposed_slots_never_overlap()
    {
        var slots = MeetingSlots.Propose(new SlotSearch(Committee(), new LocalDate(2026, 3, 10), new LocalDate(2026, 3, 12), Nairobi, Duration.FromHours(2), Count: 10));

        Assert.Equal(10, slots.Count);
        Assert.All(slots, a => Assert.All(slots.Where(b => b != a), b => Assert.True(a.End <= b.Start || b.End <= a.Start)));
    }

    [Fact]
    public void What_a_participant_has_borne_turns_the_inconvenience_to_someone_else()
    {
        var borne = new[] { new Inconvenience(Person(6), Duration.FromHours(3), 3), new Inconvenience(Person(4), Duration.Zero, 0), new Inconvenience(Person(5), Duration.Zero, 0) };
        var search = Day(new LocalDate(2026, 2, 10), Nairobi, [.. Committee()]) with { Borne = borne };

        var first = MeetingSlots.Propose(search)[0];

        Assert.True(first.Fits.Single(f => f.TimeZone == NewYork).WithinHours);
        Assert.False(first.Fits.Single(f => f.TimeZone == Nairobi).WithinHours);
        Assert.Contains("Outside working hours across the series so far", first.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_search_out_of_bounds_is_refused_with_a_code()
    {
        var participants = Committee();
        Assert.True(Assert.Throws<CoalitionRuleException>(() => MeetingSlots.Propose(new SlotSearch(participants, new LocalDate(2026, 3, 1), new LocalDate(2026, 5, 1), Nairobi, Duration.FromHours(1)))).Has(ErrorCodes.Meetings.InvalidSearch));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => MeetingSlots.Propose(new SlotSearch(participants, new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 1), Nairobi, Duration.FromMinutes(5)))).Has(ErrorCodes.Meetings.InvalidSearch));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => MeetingSlots.Propose(new SlotSearch(participants, new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 1), "Europe/Geneva", Duration.FromHours(1)))).Has(ErrorCodes.Partners.UnknownTimeZone));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => MeetingSlots.Propose(new SlotSearch([Participant(4, Nairobi, new WorkingHours(new LocalTime(17, 0), new LocalTime(9, 0), [IsoDayOfWeek.Monday]))], new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 1), Nairobi, Duration.FromHours(1)))).Has(ErrorCodes.Meetings.InvalidSearch));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => MeetingSlots.Propose(new SlotSearch([Participant(4, Nairobi), Participant(4, Geneva)], new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 1), Nairobi, Duration.FromHours(1)))).Has(ErrorCodes.Meetings.InvalidSearch));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => MeetingSlots.Propose(null!)).Has(ErrorCodes.Kernel.InvalidInput));
    }

    [Fact]
    public void The_time_outside_working_hours_agrees_with_a_minute_by_minute_walk_of_the_local_clock()
    {
        string[] zones = ["Africa/Nairobi", "Europe/Zurich", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Australia/Lord_Howe", "America/St_Johns", "Pacific/Chatham"];
        var gen =
            from zone in Gen.Int[0, zones.Length - 1]
            from day in Gen.Int[0, 730]
            from minute in Gen.Int[0, (24 * 60 / 15) - 1]
            from length in Gen.Int[1, 48]
            from startHour in Gen.Int[0, 22]
            from hours in Gen.Int[1, 10]
            from days in Gen.Int[1, 127]
            select (zone, day, minute, length, startHour, hours, days);

        gen.Sample(t =>
        {
            var workDays = Enumerable.Range(1, 7).Where(d => (t.days & (1 << (d - 1))) != 0).Select(d => (IsoDayOfWeek)d).ToArray();
            var end = Math.Min(23, t.startHour + t.hours);
            var hours = new WorkingHours(new LocalTime(t.startHour, 0), new LocalTime(end, t.startHour + t.hours > 23 ? 59 : 0), workDays);
            var participant = Participant(1, zones[t.zone], hours);
            var start = Instant.FromUtc(2026, 1, 1, 0, 0) + Duration.FromDays(t.day) + Duration.FromMinutes(t.minute * 15);
            var length = Duration.FromMinutes(t.length * 15);

            var (outside, before, after) = MeetingSlots.Outside(participant, start, length);

            return outside == Walk(participant, start, length) && before + after <= outside && outside <= length;
        }, iter: 300);
    }

    [Fact]
    public void The_best_slot_has_the_most_participants_within_working_hours_of_any_start_in_the_window()
    {
        string[] zones = ["Africa/Nairobi", "Europe/Zurich", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Kiritimati", "Pacific/Pago_Pago"];
        var gen = Gen.Int[0, zones.Length - 1].Array[2, 4].Select(Gen.Int[0, 300]);
        gen.Sample((picks, day) =>
        {
            var participants = picks.Select((z, i) => Participant(i + 1, zones[z])).ToArray();
            var date = new LocalDate(2026, 1, 1).PlusDays(day);
            var best = MeetingSlots.Propose(new SlotSearch(participants, date, date, "UTC", Duration.FromHours(1), Step: Duration.FromMinutes(30), Count: 1))[0];
            var most = Enumerable.Range(0, 48)
                .Select(h => Instant.FromUtc(date.Year, date.Month, date.Day, 0, 0) + Duration.FromMinutes(30 * h))
                .Max(s => participants.Count(p => Walk(p, s, Duration.FromHours(1)) == Duration.Zero));
            return best.WithinHours == most;
        }, iter: 60);
    }

    // An independent oracle: step through the meeting a minute at a time and read the participant's clock.
    private static Duration Walk(MeetingParticipant participant, Instant start, Duration length)
    {
        var outside = 0;
        for (var m = 0; m < (int)length.TotalMinutes; m++)
        {
            var local = (start + Duration.FromMinutes(m)).InZone(participant.Zone);
            var workStart = participant.Zone.AtLeniently(local.Date + participant.Hours.Start).ToInstant();
            var workEnd = participant.Zone.AtLeniently(local.Date + participant.Hours.End).ToInstant();
            var instant = local.ToInstant();
            var working = participant.Hours.IsWorkingDay(local.DayOfWeek) && instant >= workStart && instant < workEnd;
            outside += working ? 0 : 1;
        }

        return Duration.FromMinutes(outside);
    }
}
