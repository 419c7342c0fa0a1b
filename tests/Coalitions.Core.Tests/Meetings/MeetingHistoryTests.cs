using Coalitions.Core.Kernel;
using Coalitions.Core.Meetings;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.MeetingScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Meetings;

/// <summary>A stored meeting is untrusted: each step that could not have happened is refused with its reason.</summary>
public class MeetingHistoryTests
{
    private static readonly Instant Later = Tuesday + Duration.FromHours(3);

    private static List<IDomainEvent> History(Meeting meeting) => [.. meeting.DequeueUncommittedEvents()];

    private static MeetingConvened Convening() => (MeetingConvened)History(Convened())[0];

    private static MeetingScheduled Slot(int sequence, Duration? length = null, Instant? start = null) =>
        new(TheMeeting, start ?? Tuesday + Duration.FromDays(7), length ?? Duration.FromHours(1), sequence, Later, ChairOfSteering);

    private static AgendaItemAdded Item(string key) =>
        new(TheMeeting, new AgendaItem(new AgendaKey(key), $"Item {key}", AgendaItemKind.Discussion, Duration.FromMinutes(5)), Later, ChairOfSteering);

    private static MeetingAttendanceRecorded Attendance(params AttendanceEntry[] entries) => new(TheMeeting, entries, Tuesday, ChairOfSteering);

    private static AttendanceEntry Present(int member) => new(Partner(member), AttendanceKind.Present);

    private static ActionItemCompleted Done(string key = "welcome-pack") => new(TheMeeting, new ActionKey(key), new LocalDate(2026, 3, 12), null, Later, For(5));

    private static void Corrupt(List<IDomainEvent> history, string why, params IDomainEvent[] next) => StoredHistory.Refused(Meeting.Rehydrate, history, why, next);

    [Fact]
    public void A_stored_meeting_is_convened_in_a_known_time_zone_with_a_whole_plan_and_a_facilitator()
    {
        Corrupt([], "the time zone is not a tz id.", Convening() with { TimeZone = "Geneva" });
        Corrupt([], "the meeting's plan is ill-formed.", Convening() with { Title = "Two\nlines" });
        Corrupt([], "the meeting has no facilitator.", Convening() with { Facilitators = [] });
        Corrupt([], "the meeting's plan is ill-formed.", Convening() with { Facilitators = [.. Enumerable.Range(4, 12).Select(Person)] });
        Assert.Equal(11, Meeting.Rehydrate([Convening() with { Facilitators = [.. Enumerable.Range(4, 11).Select(Person)] }]).Facilitators.Count);

        Assert.Equal(MeetingStatus.Planned, Meeting.Rehydrate(History(Convened())).Status);
    }

    [Fact]
    public void A_stored_slot_is_between_a_quarter_of_an_hour_and_a_week_within_the_years_1900_to_2999_and_numbered_in_turn()
    {
        Corrupt(History(Convened()), "the slot is out of bounds.", Slot(0, Duration.FromMinutes(15) - Duration.Epsilon));
        Corrupt(History(Convened()), "the slot is out of bounds.", Slot(0, Duration.FromDays(7) + Duration.Epsilon));
        Corrupt(History(Convened()), "the slot is out of bounds.", Slot(0, start: Limits.EarliestInstant - Duration.Epsilon));
        Corrupt(History(Convened()), "the slot is out of bounds.", Slot(0, start: Limits.LatestInstant));
        Corrupt(History(Convened()), "the sequence number does not follow the last.", Slot(1));
        Corrupt(History(Scheduled()), "the sequence number does not follow the last.", Slot(0));
        Corrupt(History(Scheduled()), "the sequence number does not follow the last.", Slot(2));

        Assert.Equal(1, Meeting.Rehydrate([.. History(Scheduled()), Slot(1, Duration.FromMinutes(15))]).Sequence);
        Assert.Equal(0, Meeting.Rehydrate([.. History(Convened()), Slot(0, Duration.FromDays(7))]).Sequence);
        Assert.Equal(Limits.EarliestInstant, Meeting.Rehydrate([.. History(Convened()), Slot(0, start: Limits.EarliestInstant)]).Start);
    }

    [Fact]
    public void A_stored_meeting_is_rescheduled_postponed_or_cancelled_only_before_it_is_held()
    {
        Corrupt(History(Held()), "the meeting is held, minuted or cancelled.", Slot(1));
        Corrupt(History(Convened()), "the meeting is not scheduled.", new MeetingPostponed(TheMeeting, null, Later, ChairOfSteering));
        Corrupt(History(Held()), "the meeting is held, minuted or cancelled.", new MeetingCancelled(TheMeeting, null, Later, ChairOfSteering));
        Corrupt([.. History(Convened()), new MeetingCancelled(TheMeeting, null, Later, ChairOfSteering)], "the meeting is held, minuted or cancelled.", new MeetingCancelled(TheMeeting, null, Later, ChairOfSteering));

        var postponed = Meeting.Rehydrate([.. History(Scheduled()), new MeetingPostponed(TheMeeting, null, Later, ChairOfSteering), Slot(1)]);
        Assert.Equal(MeetingStatus.Scheduled, postponed.Status);
    }

    [Fact]
    public void A_stored_agenda_item_is_well_formed_keyed_once_at_most_a_hundred_and_changed_only_before_the_meeting_is_held()
    {
        Corrupt(History(Held()), "the agenda is closed.", Item("aob"));
        Corrupt(History(Scheduled()), "the agenda item is ill-formed or its key is taken.", Item("admit"));
        Corrupt(History(Scheduled()), "the agenda item is ill-formed or its key is taken.", Item("aob") with { Item = Item("aob").Item with { Title = " " } });
        Corrupt([.. History(Convened()), .. Enumerable.Range(1, 100).Select(n => Item($"item-{n}"))], "the agenda item is ill-formed or its key is taken.", Item("one-more"));
        Corrupt(History(Held()), "the agenda is closed.", new AgendaItemRemoved(TheMeeting, new AgendaKey("budget"), Later, ChairOfSteering));
        Corrupt(History(Scheduled()), "there is no such agenda item.", new AgendaItemRemoved(TheMeeting, new AgendaKey("aob"), Later, ChairOfSteering));

        Assert.Equal(100, Meeting.Rehydrate([.. History(Convened()), .. Enumerable.Range(1, 100).Select(n => Item($"item-{n}"))]).Agenda.Count);
    }

    [Fact]
    public void Stored_attendance_lists_invited_members_once_while_the_meeting_is_scheduled_or_held()
    {
        Corrupt(History(Convened()), "the meeting is not scheduled or held.", Attendance(Present(4)));
        Corrupt(History(Scheduled()), "a member listed was not invited, or is listed twice.", Attendance(Present(4), Present(7)));
        Corrupt(History(Scheduled()), "a member listed was not invited, or is listed twice.", Attendance(Present(4), Present(4)));

        Assert.Equal(MeetingStatus.Held, Meeting.Rehydrate([.. History(Held()), Attendance(Present(4), Present(5), Present(6))]).Status);
    }

    [Fact]
    public void A_stored_proxy_is_held_by_another_invited_member_recorded_present()
    {
        const string Why = "a proxy is held by another invited member recorded present, and only a member represented by proxy names one.";

        Corrupt(History(Scheduled()), Why, Attendance(Present(4), new AttendanceEntry(Partner(6), AttendanceKind.ByProxy)));
        Corrupt(History(Scheduled()), Why, Attendance(Present(4), new AttendanceEntry(Partner(6), AttendanceKind.ByProxy, Partner(6))));
        Corrupt(History(Scheduled()), Why, Attendance(Present(4), new AttendanceEntry(Partner(5), AttendanceKind.Absent), new AttendanceEntry(Partner(6), AttendanceKind.ByProxy, Partner(5))));
        Corrupt(History(Scheduled()), Why, Attendance(Present(4), new AttendanceEntry(Partner(6), AttendanceKind.ByProxy, Partner(7))));
        Corrupt(History(Scheduled()), Why, Attendance(Present(5), new AttendanceEntry(Partner(4), AttendanceKind.Present, Partner(5))));
    }

    [Fact]
    public void A_stored_meeting_is_adjourned_once_scheduled_with_its_attendance_recorded_and_minuted_once_held()
    {
        var adjourned = new MeetingAdjourned(TheMeeting, Tuesday + Duration.FromHours(1), ChairOfSteering);
        var minutes = (MinutesRecorded)History(Minuted())[^1];

        Corrupt(History(Scheduled()), "the meeting is not scheduled with its attendance recorded.", adjourned);
        Corrupt(History(Held()), "the meeting is not scheduled with its attendance recorded.", adjourned);
        Corrupt(History(Scheduled()), "the meeting has not been held.", minutes);
        Corrupt(History(Minuted()), "the meeting has not been held.", minutes);
        Corrupt(History(Held()), "the minutes are ill-formed.", minutes with { Minutes = minutes.Minutes with { Summary = new string('s', 20_001) } });
    }

    [Fact]
    public void A_stored_action_item_of_the_minutes_is_done_once()
    {
        Corrupt(History(Held()), "the meeting is not minuted.", Done());
        Corrupt(History(Minuted()), "there is no such open action item.", Done("party"));
        Corrupt([.. History(Minuted()), Done()], "there is no such open action item.", Done());

        Assert.Equal(MeetingStatus.Minuted, Meeting.Rehydrate([.. History(Minuted()), Done(), Done("visit")]).Status);
    }
}
