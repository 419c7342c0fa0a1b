using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Meetings;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using NodaTime.Calendars;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.MeetingScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using CoalitionAggregate = global::Coalitions.Core.Coalitions.Coalition;

namespace Coalitions.Core.Tests.Meetings;

/// <summary>
/// The bounds of preparing for an outside event (the conference in Geneva opens on 15 June 2026 and closes on the 17th),
/// the days each step is dated on in the event's time zone, and how readiness is read at its boundaries.
/// </summary>
public class PreparationRulesTests
{
    private static readonly LocalDate Opens = new(2026, 6, 15);

    private static EventPreparation Begun(ExternalEvent conference, Instant? at = null, params PersonId[] leads) =>
        EventPreparation.Begin(ThePreparation, conference, leads, Coalition, Secretariat, at ?? Start);

    private static PreparationTask TaskDue(string key, LocalDate due) =>
        new(new TaskKey(key), $"Task {key}.", Partner(5), Person(5), Period.Between(due, Opens, PeriodUnits.Days));

    private static PreMeetingOutcome Outcome() => PreMeeting() with { Trained = [] };

    private static EventPreparation WithPreMeeting(LocalDate on)
    {
        var preparation = Preparation();
        preparation.PlanPreMeeting(NextMeeting, on, Secretariat, Start);
        return preparation;
    }

    [Fact]
    public void An_event_closes_on_or_after_the_day_it_opens_and_at_most_sixty_days_later()
    {
        Refusal.Of(() => Begun(Conference with { Closes = Opens.PlusDays(-1) }), ErrorCodes.Meetings.InvalidPreparation, "An event closes on or after the day it opens, at most 60 days later.");
        Refusal.Of(() => Begun(Conference with { Closes = Opens.PlusDays(61) }), ErrorCodes.Meetings.InvalidPreparation, "at most 60 days later");
        Refusal.Of(() => Begun(Conference with { Opens = new LocalDate(2026, 6, 15, CalendarSystem.Julian) }), ErrorCodes.Kernel.OutOfRange);
        Refusal.Of(() => Begun(Conference with { TimeZone = "Europe/Geneva " }), ErrorCodes.Partners.UnknownTimeZone);
        Refusal.Of(() => Begun(Conference with { Place = "Palais\ndes Nations" }), ErrorCodes.Kernel.InvalidText);

        Assert.Equal(Opens, Begun(Conference with { Closes = Opens }).Event.Closes);
        Assert.Equal(Opens.PlusDays(60), Begun(Conference with { Closes = Opens.PlusDays(60) }).Event.Closes);
    }

    [Fact]
    public void Preparing_begins_before_the_event_opens_in_the_event_s_time_zone()
    {
        var soon = Conference with { Opens = new LocalDate(2026, 3, 3), Closes = new LocalDate(2026, 3, 4) };

        // 23:30 UTC on 2 March is 00:30 on 3 March in Geneva.
        Refusal.Of(() => Begun(soon, Instant.FromUtc(2026, 3, 2, 23, 30)), ErrorCodes.Meetings.InvalidPreparation, "'Education financing conference' opens on 3 March 2026; preparing for it begins before then.");

        Assert.Equal(PreparationStatus.Preparing, Begun(soon, Instant.FromUtc(2026, 3, 2, 22, 30)).Status);
    }

    [Fact]
    public void The_leads_are_whoever_began_it_and_up_to_ten_others_named_once_and_the_event_s_names_are_trimmed()
    {
        Refusal.Of(() => Begun(Conference, null, [.. Enumerable.Range(1, 11).Select(Person)]), ErrorCodes.Kernel.OutOfRange, "The leads hold more than 10 items.");

        Refusal.Of(() => Begun(Conference, null, Person(4), Person(4)), ErrorCodes.Kernel.InvalidInput, "The leads name someone twice.");
        var preparation = Begun(Conference with { Name = "  Education financing conference  ", Place = " Geneva ", Organizer = " UNESCO " }, null, Person(4), Person(800));

        Assert.Equal([Person(800), Person(4)], preparation.Leads);
        Assert.Equal(("Education financing conference", "Geneva", "UNESCO"), (preparation.Event.Name, preparation.Event.Place, preparation.Event.Organizer));
        Assert.Equal(11, Begun(Conference, null, [.. Enumerable.Range(1, 10).Select(Person)]).Leads.Count);
    }

    [Fact]
    public void A_task_falls_due_its_period_before_the_event_opens_and_never_before_1900()
    {
        var preparation = Preparation();

        Assert.Equal(Opens, preparation.DueOf(Task("today", 0)));
        Assert.Equal(new LocalDate(2026, 5, 1), preparation.DueOf(Task("briefing", 1, weeks: 2)));
        Assert.Equal(new LocalDate(1900, 1, 1), preparation.DueOf(Task("ancient", 0) with { Before = Period.FromYears(200) }));
    }

    [Fact]
    public void A_task_has_a_key_of_its_own_a_calendar_period_and_its_description_trimmed()
    {
        var preparation = Preparation();
        preparation.AddTask(Task("visa", 1) with { Description = "  Apply for visas.  " }, Coalition, Secretariat, Start);

        Refusal.Expect(preparation, ErrorCodes.Meetings.InvalidPreparation, () => preparation.AddTask(Task("visa", 2), Coalition, Secretariat, Start));
        Refusal.Expect(preparation, ErrorCodes.Kernel.InvalidText, () => preparation.AddTask(Task("x", 1) with { Key = default }, Coalition, Secretariat, Start));
        Refusal.Expect(preparation, ErrorCodes.Kernel.InvalidPeriod, () => preparation.AddTask(Task("x", 1) with { Before = Period.FromHours(5) }, Coalition, Secretariat, Start));
        Refusal.Expect(preparation, ErrorCodes.Kernel.InvalidText, () => preparation.AddTask(Task("x", 1) with { Description = new string('d', 2_001) }, Coalition, Secretariat, Start));

        Assert.Equal("Apply for visas.", preparation.Tasks.Single().Description);
    }

    [Fact]
    public void Tasks_and_positions_belong_to_the_preparation_s_own_coalition()
    {
        var elsewhere = CoalitionAggregate.Found(CoalitionId.New(), "Reading Together", global::Coalitions.Core.Coalitions.CoalitionForm.Alliance, "Africa/Nairobi", Convenor, Secretariat, Start);
        var preparation = Preparation();

        Refusal.Expect(preparation, ErrorCodes.Coalitions.OtherCoalition, () => preparation.AddTask(Task("visa", 1), elsewhere, Secretariat, Start));
        Refusal.Expect(preparation, ErrorCodes.Coalitions.OtherCoalition, () => preparation.TakePosition(new PositionKey("financing"), "Six percent", Adopted(MatterType.AdoptPolicyPosition), elsewhere, Secretariat, Start));
    }

    [Fact]
    public void A_preparation_holds_at_most_five_hundred_tasks()
    {
        var preparation = Preparation();
        for (var i = 0; i < 500; i++)
        {
            preparation.AddTask(Task($"task-{i}", 1), Coalition, Secretariat, Start);
        }

        var version = preparation.Version;
        Refusal.Of(() => preparation.AddTask(Task("one-more", 1), Coalition, Secretariat, Start), ErrorCodes.Kernel.OutOfRange, "A preparation holds at most 500 tasks.");
        Assert.Equal(version, preparation.Version);
    }

    [Fact]
    public void A_task_is_done_once_by_its_owner_or_a_lead_on_a_day_no_later_than_today_in_the_event_s_time_zone()
    {
        var preparation = Preparation();
        preparation.AddTask(Task("briefing-paper", 2), Coalition, Secretariat, Start);
        preparation.AddTask(Task("visa", 1), Coalition, Secretariat, Start);

        // 22:30 UTC on 19 April is 00:30 on 20 April in Geneva (summer time).
        var midnight = Instant.FromUtc(2026, 4, 19, 22, 30);
        var error = Refusal.Expect(preparation, ErrorCodes.Kernel.OutOfRange, () => preparation.CompleteTask(new TaskKey("briefing-paper"), new LocalDate(2026, 4, 21), For(5), midnight));
        Assert.Equal("A task cannot be recorded done on 21 April 2026, after today (20 April 2026).", error.Message);
        Refusal.Expect(preparation, ErrorCodes.Meetings.NotALead, () => preparation.CompleteTask(new TaskKey("briefing-paper"), new LocalDate(2026, 4, 20), For(6), midnight));
        Assert.Equal(
            "The preparation for 'Education financing conference' has no open task '(none)'.",
            Refusal.Expect(preparation, ErrorCodes.Meetings.UnknownTask, () => preparation.CompleteTask(default, new LocalDate(2026, 4, 20), Secretariat, midnight)).Message);
        Refusal.Expect(preparation, ErrorCodes.Meetings.UnknownTask, () => preparation.CompleteTask(new TaskKey("press-kit"), new LocalDate(2026, 4, 20), Secretariat, midnight));

        preparation.CompleteTask(new TaskKey("briefing-paper"), new LocalDate(2026, 4, 20), For(5), midnight);
        preparation.CompleteTask(new TaskKey("visa"), new LocalDate(2026, 4, 19), Actor.ForPerson(Person(4)), midnight);
        Refusal.Expect(preparation, ErrorCodes.Meetings.UnknownTask, () => preparation.CompleteTask(new TaskKey("visa"), new LocalDate(2026, 4, 20), Secretariat, midnight));
    }

    [Fact]
    public void A_task_shows_as_done_only_from_the_day_it_was_done_and_tasks_are_listed_by_due_day_then_key()
    {
        var preparation = Preparation();
        preparation.AddTask(Task("visa", 1), Coalition, Secretariat, Start);
        preparation.AddTask(Task("badges", 1), Coalition, Secretariat, Start);
        preparation.AddTask(Task("briefing-paper", 2), Coalition, Secretariat, Start);
        preparation.CompleteTask(new TaskKey("briefing-paper"), new LocalDate(2026, 4, 20), For(5), InGeneva(2026, 4, 20));

        var before = preparation.TasksOn(new LocalDate(2026, 4, 19));
        var after = preparation.TasksOn(new LocalDate(2026, 4, 20));

        Assert.Equal(["briefing-paper", "badges", "visa"], before.Select(t => t.Task.Key.Value));
        Assert.Equal((PreparationTaskStatus.Late, (LocalDate?)null), (before[0].Status, before[0].DoneOn));
        Assert.Equal((PreparationTaskStatus.Done, (LocalDate?)new LocalDate(2026, 4, 20)), (after[0].Status, after[0].DoneOn));
        Assert.Equal(PreparationTaskStatus.OnTrack, after[1].Status);
    }

    [Fact]
    public void An_attendee_is_a_delegate_of_a_member_named_once_with_the_name_trimmed()
    {
        var preparation = Preparation();

        Refusal.Expect(preparation, ErrorCodes.Meetings.InvalidPreparation, () => preparation.NameAttendee(new Attendee(Partner(6), Person(5), "Member 5", false), Coalition, Secretariat, Start));
        Refusal.Expect(preparation, ErrorCodes.Meetings.InvalidPreparation, () => preparation.NameAttendee(new Attendee(Partner(20), Person(20), "Outsider", false), Coalition, Secretariat, Start));
        Refusal.Expect(preparation, ErrorCodes.Meetings.NotALead, () => preparation.NameAttendee(new Attendee(Partner(6), Person(6), "Member 6", false), Coalition, For(6), Start));
        preparation.NameAttendee(new Attendee(Partner(6), Person(6), "  Member 6  ", true), Coalition, Secretariat, Start);

        Assert.Equal("Member 6", preparation.Attendees.Single().Name);
        var error = Refusal.Expect(preparation, ErrorCodes.Meetings.InvalidPreparation, () => preparation.NameAttendee(new Attendee(Partner(6), Person(6), "Member 6", true), Coalition, Secretariat, Start));
        Assert.Equal("Member 6 cannot be named to attend 'Education financing conference': named already, or not a delegate of a member of Learning for All.", error.Message);
    }

    [Fact]
    public void A_position_has_a_key_and_a_one_line_title_each_key_is_taken_once_and_at_most_fifty()
    {
        var preparation = Preparation();
        var decision = Adopted(MatterType.AdoptPolicyPosition);

        Refusal.Expect(preparation, ErrorCodes.Kernel.InvalidText, () => preparation.TakePosition(default, "Six percent", decision, Coalition, Secretariat, Start));
        Refusal.Expect(preparation, ErrorCodes.Kernel.InvalidText, () => preparation.TakePosition(new PositionKey("financing"), " ", decision, Coalition, Secretariat, Start));
        Refusal.Expect(preparation, ErrorCodes.Meetings.InvalidPreparation, () => preparation.TakePosition(new PositionKey("financing"), "Six\npercent", decision, Coalition, Secretariat, Start));
        preparation.TakePosition(new PositionKey("financing"), "  Six percent  ", decision, Coalition, Secretariat, Start);
        Assert.Equal("Six percent", preparation.Positions.Single().Title);
        Refusal.Expect(preparation, ErrorCodes.Meetings.InvalidPreparation, () => preparation.TakePosition(new PositionKey("financing"), "Seven percent", decision, Coalition, Secretariat, Start));

        for (var i = 1; i < 50; i++)
        {
            preparation.TakePosition(new PositionKey($"position-{i}"), $"Position {i}", decision, Coalition, Secretariat, Start);
        }

        Refusal.Of(() => preparation.TakePosition(new PositionKey("position-50"), "One more", decision, Coalition, Secretariat, Start), ErrorCodes.Meetings.InvalidPreparation, "holds 50");
        Assert.Equal(50, preparation.Positions.Count);
    }

    [Fact]
    public void The_pre_meeting_falls_from_fourteen_days_to_one_day_before_the_event_and_not_before_today()
    {
        Assert.Equal(new LocalDate(2026, 6, 1), WithPreMeeting(new LocalDate(2026, 6, 1)).PreMeetingOn);
        Assert.Equal(new LocalDate(2026, 6, 14), WithPreMeeting(new LocalDate(2026, 6, 14)).PreMeetingOn);

        var preparation = Preparation();
        Refusal.Expect(preparation, ErrorCodes.Meetings.PreMeetingTiming, () => preparation.PlanPreMeeting(NextMeeting, new LocalDate(2026, 6, 4), Secretariat, InGeneva(2026, 6, 5)));
        Refusal.Expect(preparation, ErrorCodes.Kernel.EmptyId, () => preparation.PlanPreMeeting(default, new LocalDate(2026, 6, 5), Secretariat, InGeneva(2026, 6, 5)));
        preparation.PlanPreMeeting(NextMeeting, new LocalDate(2026, 6, 5), Secretariat, InGeneva(2026, 6, 5));
        Assert.Equal(NextMeeting, preparation.PreMeeting);
    }

    [Fact]
    public void The_pre_meeting_is_recorded_once_on_or_after_its_day_with_its_texts_trimmed_and_each_person_trained_once()
    {
        var unplanned = Preparation();
        Refusal.Expect(unplanned, ErrorCodes.Meetings.PreMeetingTiming, () => unplanned.RecordPreMeeting(Outcome(), Coalition, Secretariat, InGeneva(2026, 6, 13)));

        var preparation = WithPreMeeting(new LocalDate(2026, 6, 13));
        preparation.NameAttendee(new Attendee(Partner(6), Person(6), "Member 6", true), Coalition, Secretariat, Start);
        var outcome = Outcome() with
        {
            Updates = "  The draft drops the target.  ",
            GamePlan = " Member 5 speaks first. ",
            Priorities = [" Keep the target. "],
            Processes = [" Statements are cleared. "],
            Allocations = [new PreparationTask(new TaskKey("plenary-statement"), "  Deliver the statement.  ", Partner(5), Person(5), Period.Zero)],
            Trained = [Person(6), Person(6)],
        };
        preparation.RecordPreMeeting(outcome, Coalition, Secretariat, InGeneva(2026, 6, 13, 0));

        var kept = preparation.PreMeetingOutcome!;
        Assert.Equal(("The draft drops the target.", "Member 5 speaks first.", "Keep the target.", "Statements are cleared."), (kept.Updates, kept.GamePlan, kept.Priorities[0], kept.Processes[0]));
        Assert.Equal("Deliver the statement.", kept.Allocations[0].Description);
        Assert.Equal([Person(6)], kept.Trained);
        Assert.Contains(preparation.Tasks, t => t.Key.Value == "plenary-statement");
        Refusal.Expect(preparation, ErrorCodes.Meetings.PreMeetingTiming, () => preparation.RecordPreMeeting(Outcome() with { Allocations = [] }, Coalition, Secretariat, InGeneva(2026, 6, 14)));
    }

    [Fact]
    public void A_pre_meeting_reviews_one_to_twenty_priorities_and_processes_and_allocates_tasks_each_under_its_own_key()
    {
        var preparation = WithPreMeeting(new LocalDate(2026, 6, 13));
        var day = InGeneva(2026, 6, 13, 18);
        var twentyOne = Enumerable.Range(1, 21).Select(n => $"Item {n}.").ToArray();
        var task = Outcome().Allocations[0];

        Refusal.Expect(preparation, ErrorCodes.Meetings.PreMeetingTiming, () => preparation.RecordPreMeeting(Outcome() with { Priorities = [] }, Coalition, Secretariat, day));
        Refusal.Expect(preparation, ErrorCodes.Meetings.PreMeetingTiming, () => preparation.RecordPreMeeting(Outcome() with { Priorities = twentyOne }, Coalition, Secretariat, day));
        Refusal.Expect(preparation, ErrorCodes.Meetings.PreMeetingTiming, () => preparation.RecordPreMeeting(Outcome() with { Processes = [] }, Coalition, Secretariat, day));
        Refusal.Expect(preparation, ErrorCodes.Meetings.PreMeetingTiming, () => preparation.RecordPreMeeting(Outcome() with { Processes = twentyOne }, Coalition, Secretariat, day));
        Refusal.Expect(preparation, ErrorCodes.Meetings.PreMeetingTiming, () => preparation.RecordPreMeeting(Outcome() with { Processes = ["Two\nlines."] }, Coalition, Secretariat, day));
        Refusal.Expect(preparation, ErrorCodes.Meetings.InvalidPreparation, () => preparation.RecordPreMeeting(Outcome() with { Allocations = [task, task with { Description = "Again." }] }, Coalition, Secretariat, day));
        Refusal.Expect(preparation, ErrorCodes.Kernel.InvalidInput, () => preparation.RecordPreMeeting(Outcome() with { Trained = [default] }, Coalition, Secretariat, day));

        preparation.RecordPreMeeting(Outcome() with { Priorities = twentyOne[..20], Processes = twentyOne[..20] }, Coalition, Secretariat, day);
        Assert.Equal(20, preparation.PreMeetingOutcome!.Priorities.Count);
    }

    [Fact]
    public void Concluding_keeps_the_debrief_trimmed_and_a_concluded_or_cancelled_preparation_is_closed()
    {
        var preparation = Preparation();
        preparation.Conclude("  The statement was read.  ", Secretariat, InGeneva(2026, 6, 18, 0));

        Assert.Equal(("The statement was read.", PreparationStatus.Concluded), (preparation.Debrief, preparation.Status));
        Refusal.Expect(preparation, ErrorCodes.Meetings.PreparationClosed, () => preparation.Cancel(null, Secretariat, InGeneva(2026, 6, 19)));

        var cancelled = Preparation();
        Refusal.Expect(cancelled, ErrorCodes.Meetings.NotALead, () => cancelled.Cancel(null, For(5), Start));
        cancelled.Cancel("  Postponed.  ", Secretariat, Start);
        Assert.Equal("Postponed.", Assert.IsType<PreparationCancelled>(cancelled.DequeueUncommittedEvents()[^1]).Reason);
        var error = Refusal.Expect(cancelled, ErrorCodes.Meetings.PreparationClosed, () => cancelled.PlanPreMeeting(NextMeeting, new LocalDate(2026, 6, 13), Secretariat, Start));
        Assert.Equal("The preparation for 'Education financing conference' is cancelled.", error.Message);
    }

    [Fact]
    public void Readiness_counts_the_days_to_go_in_words()
    {
        var preparation = Preparation();
        preparation.AddTask(Task("visa", 1), Coalition, Secretariat, Start);

        Assert.StartsWith("Readiness for Education financing conference on 14 June 2026: 1 day to go.\nDone: 0 of 1 task.", preparation.ReadinessOn(Opens.PlusDays(-1)).Summary, StringComparison.Ordinal);
        Assert.StartsWith("Readiness for Education financing conference on 15 June 2026: it opens today.", preparation.ReadinessOn(Opens).Summary, StringComparison.Ordinal);
        Assert.StartsWith("Readiness for Education financing conference on 16 June 2026: it has opened.", preparation.ReadinessOn(Opens.PlusDays(1)).Summary, StringComparison.Ordinal);
        Assert.Equal((2, 0, -1), (preparation.ReadinessOn(Opens.PlusDays(-2)).DaysToGo, preparation.ReadinessOn(Opens).DaysToGo, preparation.ReadinessOn(Opens.PlusDays(1)).DaysToGo));
        Refusal.Of(() => preparation.ReadinessOn(new LocalDate(3000, 1, 1)), ErrorCodes.Kernel.OutOfRange);
    }

    [Fact]
    public void Readiness_misses_a_plan_attendees_and_a_position_until_each_is_there_and_then_nothing()
    {
        var preparation = Preparation();
        var april = new LocalDate(2026, 4, 1);

        Assert.Equal([ReadinessGap.NoTasks, ReadinessGap.NoAttendees, ReadinessGap.NoPosition], preparation.ReadinessOn(april).Gaps);
        preparation.AddTask(Task("visa", 1), Coalition, Secretariat, Start);
        preparation.NameAttendee(new Attendee(Partner(6), Person(6), "Member 6", false), Coalition, Secretariat, Start);
        preparation.TakePosition(new PositionKey("financing"), "Six percent", Adopted(MatterType.AdoptPolicyPosition), Coalition, Secretariat, Start);

        var ready = preparation.ReadinessOn(april);
        Assert.Empty(ready.Gaps);
        Assert.EndsWith("\nOn track: Task visa (due 15 May 2026).\nNothing is missing.", ready.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pre_meeting_is_missing_from_fourteen_days_before_the_event_and_its_outcome_from_the_day_after_it()
    {
        var unplanned = Preparation();
        Assert.DoesNotContain(ReadinessGap.NoPreMeeting, unplanned.ReadinessOn(new LocalDate(2026, 5, 31)).Gaps);
        Assert.Contains(ReadinessGap.NoPreMeeting, unplanned.ReadinessOn(new LocalDate(2026, 6, 1)).Gaps);

        var planned = WithPreMeeting(new LocalDate(2026, 6, 10));
        Assert.DoesNotContain(ReadinessGap.NoPreMeeting, planned.ReadinessOn(new LocalDate(2026, 6, 10)).Gaps);
        Assert.DoesNotContain(ReadinessGap.PreMeetingNotRecorded, planned.ReadinessOn(new LocalDate(2026, 6, 10)).Gaps);
        Assert.Contains(ReadinessGap.PreMeetingNotRecorded, planned.ReadinessOn(new LocalDate(2026, 6, 11)).Gaps);
        planned.RecordPreMeeting(Outcome(), Coalition, Secretariat, InGeneva(2026, 6, 11));
        Assert.DoesNotContain(ReadinessGap.PreMeetingNotRecorded, planned.ReadinessOn(new LocalDate(2026, 6, 11)).Gaps);
    }

    [Fact]
    public void Newcomers_are_missed_untrained_once_the_pre_meeting_is_recorded_or_the_event_opens_and_each_is_named()
    {
        var preparation = Preparation();
        preparation.NameAttendee(new Attendee(Partner(6), Person(6), "Member 6", true), Coalition, Secretariat, Start);
        preparation.NameAttendee(new Attendee(Partner(5), Person(5), "Member 5", true), Coalition, Secretariat, Start);
        preparation.NameAttendee(new Attendee(Partner(4), Person(4), "Member 4", false), Coalition, Secretariat, Start);

        Assert.DoesNotContain(ReadinessGap.NewcomersNotTrained, preparation.ReadinessOn(Opens.PlusDays(-1)).Gaps);
        var opening = preparation.ReadinessOn(Opens);
        Assert.Contains(ReadinessGap.NewcomersNotTrained, opening.Gaps);
        Assert.Contains("training: Member 6 and Member 5 are new and not trained.", opening.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_position_adopted_in_the_last_week_before_the_event_is_last_minute()
    {
        EventPreparation With(Instant decided)
        {
            var preparation = Preparation();
            preparation.TakePosition(new PositionKey("financing"), "Six percent", Adopted(MatterType.AdoptPolicyPosition) with { DecidedAt = decided }, Coalition, Secretariat, decided);
            return preparation;
        }

        Assert.DoesNotContain(ReadinessGap.LastMinutePosition, With(InGeneva(2026, 6, 8, 23)).ReadinessOn(Opens).Gaps);
        Assert.Contains(ReadinessGap.LastMinutePosition, With(InGeneva(2026, 6, 9, 0)).ReadinessOn(Opens).Gaps);
    }

    [Fact]
    public void Work_is_left_late_when_more_than_half_of_two_tasks_or_more_fall_due_in_the_last_month()
    {
        var monthBefore = new LocalDate(2026, 5, 15);
        EventPreparation With(params LocalDate[] dues)
        {
            var preparation = Preparation();
            for (var i = 0; i < dues.Length; i++)
            {
                preparation.AddTask(TaskDue($"task-{i}", dues[i]), Coalition, Secretariat, Start);
            }

            return preparation;
        }

        var april = new LocalDate(2026, 4, 1);
        Assert.DoesNotContain(ReadinessGap.WorkLeftLate, With(monthBefore.PlusDays(1)).ReadinessOn(april).Gaps);
        Assert.DoesNotContain(ReadinessGap.WorkLeftLate, With(monthBefore.PlusDays(1), monthBefore).ReadinessOn(april).Gaps);
        Assert.Contains(ReadinessGap.WorkLeftLate, With(monthBefore.PlusDays(1), monthBefore.PlusDays(2)).ReadinessOn(april).Gaps);
        Assert.Contains(ReadinessGap.WorkLeftLate, With(monthBefore.PlusDays(1), monthBefore.PlusDays(2), april).ReadinessOn(april).Gaps);
    }

    [Fact]
    public void A_stored_pre_meeting_allocates_no_task_past_the_five_hundredth()
    {
        var preparation = WithPreMeeting(new LocalDate(2026, 6, 13));
        for (var i = 0; i < 500; i++)
        {
            preparation.AddTask(Task($"task-{i}", 1), Coalition, Secretariat, Start);
        }

        var history = preparation.DequeueUncommittedEvents().ToList();
        var recorded = new PreMeetingRecorded(ThePreparation, Outcome(), InGeneva(2026, 6, 13, 18), Secretariat);

        StoredHistory.Refused(EventPreparation.Rehydrate, history, "the tasks it allocates would take the preparation past 500 tasks.", recorded);
        Assert.Equal(500, EventPreparation.Rehydrate(history.Take(history.Count - 1).Append(recorded)).Tasks.Count);
    }
}
