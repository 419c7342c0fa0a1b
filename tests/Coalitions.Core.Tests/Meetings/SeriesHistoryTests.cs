using Coalitions.Core.Kernel;
using Coalitions.Core.Meetings;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.MeetingScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Meetings;

/// <summary>A stored meeting series is untrusted: each step that could not have happened is refused with its reason.</summary>
public class SeriesHistoryTests
{
    private static readonly Instant FirstSlot = Instant.FromUtc(2026, 3, 10, 13, 0);

    private static List<IDomainEvent> Begun() => [.. Series().DequeueUncommittedEvents()];

    private static MeetingSeriesBegun Beginning() => (MeetingSeriesBegun)Begun()[0];

    private static SeriesMeetingScheduled Slot(int occurrence, MeetingId? meeting = null, params Inconvenience[] outside) =>
        new(TheSeries, occurrence, meeting ?? MeetingId.New(), FirstSlot, Duration.FromHours(1), outside, Start, ChairOfSteering);

    private static MeetingSeriesPaused Paused() => new(TheSeries, null, Start, ChairOfSteering);

    private static MeetingSeriesResumed Resumed() => new(TheSeries, Start, ChairOfSteering);

    private static MeetingSeriesEnded Ended() => new(TheSeries, null, Start, ChairOfSteering);

    private static void Corrupt(List<IDomainEvent> history, string why, params IDomainEvent[] next) => StoredHistory.Refused(MeetingSeries.Rehydrate, history, why, next);

    [Fact]
    public void A_stored_series_begins_in_a_known_time_zone_with_one_calendar_unit_of_cadence()
    {
        Corrupt([], "the time zone or the cadence is ill-formed.", Beginning() with { TimeZone = "Geneva" });
        Corrupt([], "the time zone or the cadence is ill-formed.", Beginning() with { Cadence = Period.FromHours(24) });
        Corrupt([], "mixes units; a series needs days, weeks, months or years alone.", Beginning() with { Cadence = Period.FromMonths(1) + Period.FromDays(1) });
        Corrupt([], "a monthly or yearly series starts on the 1st to the 28th, a day every month has.", Beginning() with { FirstDate = new LocalDate(2026, 3, 29) });
        Corrupt([], "each occurrence's window is 1 to 28 days, so that windows do not overlap.", Beginning() with { SearchDays = 29 });
        Corrupt([], "each occurrence's window is 1 to 7 days, so that windows do not overlap.", Beginning() with { Cadence = Period.FromWeeks(1), SearchDays = 8 });
        Corrupt([], "each occurrence's window is 1 to 28 days, so that windows do not overlap.", Beginning() with { SearchDays = 0 });

        Assert.Equal(7, MeetingSeries.Rehydrate([Beginning() with { Cadence = Period.FromWeeks(1), SearchDays = 7 }]).SearchDays);
        Assert.Equal(28, MeetingSeries.Rehydrate([Beginning() with { FirstDate = new LocalDate(2026, 3, 28), SearchDays = 28 }]).SearchDays);
    }

    [Fact]
    public void A_stored_series_has_a_whole_plan_and_a_facilitator()
    {
        Corrupt([], "the series' plan is ill-formed.", Beginning() with { Title = "Two\nlines" });
        Corrupt([], "the series has no facilitator.", Beginning() with { Facilitators = [] });
    }

    [Fact]
    public void Stored_participants_change_while_the_series_runs_and_are_well_formed()
    {
        var changed = new SeriesParticipantsChanged(TheSeries, [Participant(4, Nairobi), Participant(5, Geneva)], Start, ChairOfSteering);

        Corrupt([.. Begun(), Ended()], "the series has ended.", changed);
        Corrupt(Begun(), "the participants are ill-formed.", changed with { Participants = [Participant(4, Nairobi), Participant(4, Geneva)] });

        Assert.Equal(2, MeetingSeries.Rehydrate([.. Begun(), Paused(), changed]).Participants.Count);
    }

    [Fact]
    public void A_stored_occurrence_follows_the_last_exists_and_schedules_a_meeting_once_while_the_series_is_active()
    {
        const string Why = "the occurrence does not follow the last one, or the meeting is scheduled already.";

        Corrupt([.. Begun(), Paused()], "the series is not active.", Slot(0));
        Corrupt([.. Begun(), Slot(1)], Why, Slot(1));
        Corrupt([.. Begun(), Slot(1)], Why, Slot(0));
        Corrupt(Begun(), Why, Slot(10_001));
        Corrupt([.. Begun(), Slot(0, TheMeeting)], Why, Slot(1, TheMeeting));

        Assert.Equal(2, MeetingSeries.Rehydrate([.. Begun(), Slot(0), Slot(2)]).Scheduled.Count);
    }

    [Fact]
    public void A_stored_occurrence_s_time_outside_working_hours_is_within_the_meeting_and_counts_one_meeting_at_most()
    {
        const string Why = "the time outside working hours is out of bounds.";

        Corrupt(Begun(), Why, Slot(0, null, new Inconvenience(Person(6), Duration.FromMinutes(-1), 1)));
        Corrupt(Begun(), Why, Slot(0, null, new Inconvenience(Person(6), Duration.FromHours(1) + Duration.Epsilon, 1)));
        Corrupt(Begun(), Why, Slot(0, null, new Inconvenience(Person(6), Duration.FromHours(1), 2)));

        Assert.Single(MeetingSeries.Rehydrate([.. Begun(), Slot(0, null, new Inconvenience(Person(6), Duration.FromHours(1), 1))]).Scheduled);
    }

    [Fact]
    public void A_stored_series_pauses_while_active_resumes_while_paused_and_ends_once()
    {
        Corrupt([.. Begun(), Paused()], "the series is not active.", Paused());
        Corrupt(Begun(), "the series is not paused.", Resumed());
        Corrupt([.. Begun(), Ended()], "the series has ended.", Ended());

        Assert.Equal(SeriesStatus.Ended, MeetingSeries.Rehydrate([.. Begun(), Paused(), Resumed(), Paused(), Ended()]).Status);
    }
}
