using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Meetings;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.MeetingScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using CoalitionAggregate = global::Coalitions.Core.Coalitions.Coalition;

namespace Coalitions.Core.Tests.Meetings;

/// <summary>
/// Each command of a preparation for an outside event at its boundary (the conference in Geneva opens on 15 June 2026
/// and closes on the 17th): who may begin it and take each step, the coalition it belongs to, the step it needs, the
/// days in the event's time zone each step turns on, and the words of each refusal.
/// </summary>
public class EventPreparationCommandTests
{
    private const string Conference = "Education financing conference";
    private static readonly Actor Scheduler = Actor.System("scheduler");
    private static readonly Actor NamedLead = Actor.ForPerson(Person(4));
    private static readonly LocalDate PreMeetingDay = new(2026, 6, 13);
    private static readonly TaskKey Visa = new("visa");

    private static Attendee Member6(bool newcomer = false) => new(Partner(6), Person(6), "Member 6", newcomer);

    private static PreMeetingOutcome Outcome() => PreMeeting() with { Trained = [] };

    private static DecisionReference Position() => Adopted(MatterType.AdoptPolicyPosition);

    private static CoalitionRuleException Refused(EventPreparation preparation, ErrorCode code, Action command) => Refusal.Expect(preparation, code, command);

    // A preparation with the task "visa" (owned by member 5's delegate) and the pre-meeting planned on 13 June.
    private static EventPreparation Working()
    {
        var preparation = Preparation();
        preparation.AddTask(MeetingScenario.Task("visa", 1), Coalition, Secretariat, Start);
        preparation.PlanPreMeeting(NextMeeting, PreMeetingDay, Secretariat, Start);
        return preparation;
    }

    private static EventPreparation Concluded()
    {
        var preparation = Working();
        preparation.Conclude(null, Secretariat, InGeneva(2026, 6, 18));
        return preparation;
    }

    private static EventPreparation Cancelled()
    {
        var preparation = Working();
        preparation.Cancel(null, Secretariat, Start);
        return preparation;
    }

    // Each step of a preparation as the given actor for the given coalition, on a working preparation.
    private static IEnumerable<(string Name, bool TakesCoalition, Action<EventPreparation, CoalitionAggregate, Actor> Run)> Steps() =>
    [
        ("add a task", true, (p, c, by) => p.AddTask(MeetingScenario.Task("badges", 1), c, by, Start)),
        ("complete a task", false, (p, _, by) => p.CompleteTask(Visa, new LocalDate(2026, 3, 2), by, Start)),
        ("name an attendee", true, (p, c, by) => p.NameAttendee(Member6(), c, by, Start)),
        ("take a position", true, (p, c, by) => p.TakePosition(new PositionKey("financing"), "Six percent", Position(), c, by, Start)),
        ("plan the pre-meeting", false, (p, _, by) => p.PlanPreMeeting(NextMeeting, new LocalDate(2026, 6, 12), by, Start)),
        ("record the pre-meeting", true, (p, c, by) => p.RecordPreMeeting(Outcome(), c, by, InGeneva(2026, 6, 13, 18))),
        ("conclude", false, (p, _, by) => p.Conclude(null, by, InGeneva(2026, 6, 18))),
        ("cancel", false, (p, _, by) => p.Cancel(null, by, Start)),
    ];

    [Fact]
    public void Only_a_coordinator_begins_a_preparation()
    {
        Assert.Equal(
            $"Person {Person(4)} acting for partner {Partner(4)} may not begin Education financing conference: only a coordinator of the coalition may.",
            Refusal.Of(() => EventPreparation.Begin(ThePreparation, MeetingScenario.Conference, [], Coalition, For(4), Start), ErrorCodes.Coalitions.NotACoordinator).Message);
        foreach (var by in new[] { ChairActor, Scheduler, For(1) })
        {
            Assert.True(Refusal.Of(() => EventPreparation.Begin(ThePreparation, MeetingScenario.Conference, [], Coalition, by, Start), ErrorCodes.Coalitions.NotACoordinator).IsAuthorizationRefusal, by.ToString());
        }

        Refusal.Of(() => EventPreparation.Begin(ThePreparation, MeetingScenario.Conference, [], null!, Secretariat, Start), ErrorCodes.Kernel.InvalidInput);
        Refusal.Of(() => EventPreparation.Begin(ThePreparation, null!, [], Coalition, Secretariat, Start), ErrorCodes.Kernel.InvalidInput);
        Refusal.Of(() => EventPreparation.Begin(default, MeetingScenario.Conference, [], Coalition, Secretariat, Start), ErrorCodes.Kernel.EmptyId);

        var preparation = Preparation();
        Assert.Equal((TheCoalition, PreparationStatus.Preparing, Conference), (preparation.Coalition, preparation.Status, preparation.Event.Name));
        Assert.Equal([Person(800), Person(4)], preparation.Leads);
    }

    [Fact]
    public void A_coordinator_of_another_coalition_prepares_for_that_coalition()
    {
        var other = AnotherWith(6);

        Assert.Equal(other.Id, EventPreparation.Begin(ThePreparation, MeetingScenario.Conference, [], other, Secretariat, Start).Coalition);
    }

    [Fact]
    public void Only_a_lead_takes_each_step_of_a_preparation()
    {
        var only = "only a lead of the preparation (the person who began it or one it names) may.";
        var preparation = Working();

        Assert.Equal(
            $"Person {Person(6)} acting for partner {Partner(6)} may not add task Education financing conference: {only}",
            Refused(preparation, ErrorCodes.Meetings.NotALead, () => preparation.AddTask(MeetingScenario.Task("badges", 1), Coalition, For(6), Start)).Message);
        foreach (var (name, _, run) in Steps())
        {
            foreach (var by in new[] { For(6), For(7), ChairActor, Scheduler })
            {
                var refused = Working();
                Assert.True(Refused(refused, ErrorCodes.Meetings.NotALead, () => run(refused, Coalition, by)).IsAuthorizationRefusal, $"{name} by {by}");
            }

            foreach (var by in new[] { Secretariat, NamedLead, For(4) })
            {
                var allowed = Working();
                run(allowed, Coalition, by);
                Assert.Equal(4, allowed.Version);
            }
        }
    }

    [Fact]
    public void A_task_is_recorded_done_by_its_owner_or_a_lead_and_by_no_one_else()
    {
        var preparation = Working();

        Assert.Equal(
            $"Person {Person(6)} acting for partner {Partner(6)} may not complete task Education financing conference: only the person who owns the task or a lead of the preparation (the person who began it or one it names) may.",
            Refused(preparation, ErrorCodes.Meetings.NotALead, () => preparation.CompleteTask(Visa, new LocalDate(2026, 3, 2), For(6), Start)).Message);
        Assert.True(Refused(preparation, ErrorCodes.Meetings.NotALead, () => preparation.CompleteTask(new TaskKey("party"), new LocalDate(2026, 3, 2), For(5), Start)).IsAuthorizationRefusal);
        Assert.True(Refused(preparation, ErrorCodes.Meetings.NotALead, () => preparation.CompleteTask(default, new LocalDate(2026, 3, 2), For(5), Start)).IsAuthorizationRefusal);

        preparation.CompleteTask(Visa, new LocalDate(2026, 3, 2), Actor.ForPerson(Person(5)), Start);
        Assert.Equal(PreparationTaskStatus.Done, preparation.TasksOn(new LocalDate(2026, 3, 2)).Single().Status);
    }

    [Fact]
    public void Steps_that_read_the_coalition_need_it_and_refuse_another_coalition()
    {
        var other = AnotherWith(6);
        foreach (var (_, _, run) in Steps().Where(s => s.TakesCoalition))
        {
            var preparation = Working();

            Refused(preparation, ErrorCodes.Kernel.InvalidInput, () => run(preparation, null!, Secretariat));
            Assert.Equal(
                "The preparation for 'Education financing conference' belongs to another coalition than Another coalition.",
                Refused(preparation, ErrorCodes.Coalitions.OtherCoalition, () => run(preparation, other, Secretariat)).Message);
        }
    }

    [Fact]
    public void An_attendee_is_named_only_from_the_preparation_s_own_coalition()
    {
        var preparation = Preparation();

        Refused(preparation, ErrorCodes.Coalitions.OtherCoalition, () => preparation.NameAttendee(Member6(), AnotherWith(6), Secretariat, Start));

        preparation.NameAttendee(Member6(), Coalition, Secretariat, Start);
        Assert.Single(preparation.Attendees);
    }

    [Fact]
    public void A_concluded_or_cancelled_preparation_takes_no_step_and_says_which_it_is()
    {
        foreach (var (ready, words) in new[] { ((Func<EventPreparation>)Concluded, "concluded"), (Cancelled, "cancelled") })
        {
            foreach (var (name, _, run) in Steps())
            {
                var closed = ready();
                var error = Refused(closed, ErrorCodes.Meetings.PreparationClosed, () => run(closed, Coalition, Secretariat));
                Assert.True(error.Message == $"The preparation for 'Education financing conference' is {words}.", $"{name}: {error.Message}");
            }
        }
    }

    [Fact]
    public void A_preparation_is_concluded_from_the_first_instant_after_the_closing_day_in_geneva()
    {
        var preparation = Working();

        // Geneva is on summer time (UTC+2): 22:00 UTC on 17 June is midnight there.
        Assert.Equal(
            "The preparation for 'Education financing conference' cannot do that yet: it requires that the event has closed.",
            Refused(preparation, ErrorCodes.Meetings.PreparationClosed, () => preparation.Conclude(null, Secretariat, Instant.FromUtc(2026, 6, 17, 21, 59))).Message);
        Refused(preparation, ErrorCodes.Kernel.InvalidText, () => preparation.Conclude(new string('d', 20_001), Secretariat, Instant.FromUtc(2026, 6, 17, 22, 0)));

        preparation.Conclude(new string('d', 20_000), Secretariat, Instant.FromUtc(2026, 6, 17, 22, 0));
        Assert.Equal(PreparationStatus.Concluded, preparation.Status);
    }

    [Fact]
    public void A_reason_to_call_off_a_preparation_is_at_most_two_thousand_characters()
    {
        var preparation = Working();

        Refused(preparation, ErrorCodes.Kernel.InvalidText, () => preparation.Cancel(new string('r', 2_001), Secretariat, Start));
        preparation.Cancel(new string('r', 2_000), Secretariat, Start);

        Assert.Equal(PreparationStatus.Cancelled, preparation.Status);
    }

    [Fact]
    public void A_task_is_owned_by_a_delegate_of_a_member_and_its_key_is_new()
    {
        var preparation = Working();

        Assert.Equal(
            "The task 'badges' is in the plan already, or its owner is not a delegate of a member of Learning for All.",
            Refused(preparation, ErrorCodes.Meetings.InvalidPreparation, () => preparation.AddTask(MeetingScenario.Task("badges", 1) with { OwnerMember = Partner(20), OwnerPerson = Person(20) }, Coalition, Secretariat, Start)).Message);
        Refused(preparation, ErrorCodes.Meetings.InvalidPreparation, () => preparation.AddTask(MeetingScenario.Task("visa", 2), Coalition, Secretariat, Start));
        Refused(preparation, ErrorCodes.Kernel.InvalidInput, () => preparation.AddTask(null!, Coalition, Secretariat, Start));

        preparation.AddTask(MeetingScenario.Task("badges", 0), Coalition, Secretariat, Start);
        Assert.Equal(new LocalDate(2026, 6, 15), preparation.TasksOn(new LocalDate(2026, 6, 15)).Single(t => t.Task.Key.Value == "badges").Due);
    }

    [Fact]
    public void A_task_is_done_once_on_a_day_up_to_today_in_geneva()
    {
        var preparation = Working();

        // 22:00 UTC on 19 April is midnight on the 20th in Geneva.
        Refused(preparation, ErrorCodes.Kernel.OutOfRange, () => preparation.CompleteTask(Visa, new LocalDate(2026, 4, 20), Secretariat, Instant.FromUtc(2026, 4, 19, 21, 59)));
        Assert.Contains("'on'", Refused(preparation, ErrorCodes.Kernel.OutOfRange, () => preparation.CompleteTask(Visa, new LocalDate(3000, 1, 1), Secretariat, Start)).Message, StringComparison.Ordinal);
        Assert.Equal(
            "The preparation for 'Education financing conference' has no open task 'party'.",
            Refused(preparation, ErrorCodes.Meetings.UnknownTask, () => preparation.CompleteTask(new TaskKey("party"), new LocalDate(2026, 4, 20), Secretariat, Start)).Message);
        Refused(preparation, ErrorCodes.Meetings.UnknownTask, () => preparation.CompleteTask(default, new LocalDate(2026, 3, 2), Secretariat, Start));

        preparation.CompleteTask(Visa, new LocalDate(2026, 4, 20), Secretariat, Instant.FromUtc(2026, 4, 19, 22, 0));

        Assert.Equal(new LocalDate(2026, 4, 20), preparation.TasksOn(new LocalDate(2026, 4, 20)).Single().DoneOn);
        Assert.Equal(
            "The preparation for 'Education financing conference' has no open task 'visa'.",
            Refused(preparation, ErrorCodes.Meetings.UnknownTask, () => preparation.CompleteTask(Visa, new LocalDate(2026, 4, 20), For(5), Instant.FromUtc(2026, 4, 20, 9, 0))).Message);
    }

    [Fact]
    public void A_position_rests_on_an_adopted_decision_of_the_coalition_taken_no_later_than_the_position()
    {
        var preparation = Working();
        var key = new PositionKey("financing");

        Refused(preparation, ErrorCodes.Coalitions.DecisionRequired, () => preparation.TakePosition(key, "Six percent", Position() with { DecidedAt = Start + Duration.FromSeconds(1) }, Coalition, Secretariat, Start));
        Refused(preparation, ErrorCodes.Coalitions.DecisionRequired, () => preparation.TakePosition(key, "Six percent", Adopted(MatterType.AdoptPolicyPosition, AnotherWith(6).Id), Coalition, Secretariat, Start));
        Assert.StartsWith(
            "This needs an adopted decision of Learning for All on ",
            Refused(preparation, ErrorCodes.Coalitions.DecisionRequired, () => preparation.TakePosition(key, "Six percent", null!, Coalition, Secretariat, Start)).Message,
            StringComparison.Ordinal);
        Refused(preparation, ErrorCodes.Kernel.InvalidText, () => preparation.TakePosition(key, new string('t', 201), Position(), Coalition, Secretariat, Start));
        Assert.Equal(
            "A position's key is one line of 1 to 64 characters.",
            Refused(preparation, ErrorCodes.Kernel.InvalidText, () => preparation.TakePosition(default, "Six percent", Position(), Coalition, Secretariat, Start)).Message);

        preparation.TakePosition(key, new string('t', 200), Position(), Coalition, Secretariat, Start);
        Assert.Equal(
            "The preparation for 'Education financing conference' already has the position 'financing', holds 50, or the title is not one line.",
            Refused(preparation, ErrorCodes.Meetings.InvalidPreparation, () => preparation.TakePosition(key, "Again", Position(), Coalition, Secretariat, Start)).Message);
    }

    [Fact]
    public void The_pre_meeting_is_planned_from_today_in_geneva_within_the_fourteen_days_before_the_event()
    {
        var preparation = Preparation();

        Assert.Equal(
            "The pre-meeting for 'Education financing conference' falls in the 14 days before it opens on 15 June 2026, from today; 31 May 2026 does not.",
            Refused(preparation, ErrorCodes.Meetings.PreMeetingTiming, () => preparation.PlanPreMeeting(NextMeeting, new LocalDate(2026, 5, 31), Secretariat, Start)).Message);
        Refused(preparation, ErrorCodes.Kernel.OutOfRange, () => preparation.PlanPreMeeting(NextMeeting, new LocalDate(3000, 1, 1), Secretariat, Start));

        // 22:00 UTC on 4 June is midnight on the 5th in Geneva.
        Refused(preparation, ErrorCodes.Meetings.PreMeetingTiming, () => preparation.PlanPreMeeting(NextMeeting, new LocalDate(2026, 6, 4), Secretariat, Instant.FromUtc(2026, 6, 4, 22, 0)));
        preparation.PlanPreMeeting(NextMeeting, new LocalDate(2026, 6, 4), Secretariat, Instant.FromUtc(2026, 6, 4, 21, 59));
        Assert.Equal(new LocalDate(2026, 6, 4), preparation.PreMeetingOn);
    }

    [Fact]
    public void The_pre_meeting_is_recorded_from_the_first_instant_of_its_day_in_geneva_training_only_attendees()
    {
        var preparation = Working();
        preparation.NameAttendee(Member6(newcomer: true), Coalition, Secretariat, Start);

        // 22:00 UTC on 12 June is midnight on the 13th in Geneva.
        Assert.Equal(
            "The pre-meeting for 'Education financing conference' must be planned, held (on or after its day) and recorded once.",
            Refused(preparation, ErrorCodes.Meetings.PreMeetingTiming, () => preparation.RecordPreMeeting(Outcome(), Coalition, Secretariat, Instant.FromUtc(2026, 6, 12, 21, 59))).Message);
        Assert.Equal(
            "Only attendees of 'Education financing conference' are trained for it at the pre-meeting.",
            Refused(preparation, ErrorCodes.Meetings.InvalidPreparation, () => preparation.RecordPreMeeting(Outcome() with { Trained = [Person(5)] }, Coalition, Secretariat, Instant.FromUtc(2026, 6, 12, 22, 0))).Message);
        Assert.Equal(
            "The task 'visa' is in the plan already, or its owner is not a delegate of a member of Learning for All.",
            Refused(preparation, ErrorCodes.Meetings.InvalidPreparation, () => preparation.RecordPreMeeting(Outcome() with { Allocations = [MeetingScenario.Task("visa", 0)] }, Coalition, Secretariat, Instant.FromUtc(2026, 6, 12, 22, 0))).Message);
        Refused(preparation, ErrorCodes.Kernel.InvalidInput, () => preparation.RecordPreMeeting(null!, Coalition, Secretariat, Instant.FromUtc(2026, 6, 12, 22, 0)));

        preparation.RecordPreMeeting(Outcome() with { Trained = [Person(6)] }, Coalition, Secretariat, Instant.FromUtc(2026, 6, 12, 22, 0));

        Assert.DoesNotContain(ReadinessGap.NewcomersNotTrained, preparation.ReadinessOn(new LocalDate(2026, 6, 15)).Gaps);
        Assert.Equal(["plenary-statement", "visa"], preparation.Tasks.Select(t => t.Key.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Readiness_names_each_gap_in_words_and_counts_tasks_in_the_singular_and_plural()
    {
        var preparation = Preparation();
        preparation.NameAttendee(Member6(newcomer: true), Coalition, Secretariat, Start);
        preparation.AddTask(MeetingScenario.Task("visa", 0, weeks: 1), Coalition, Secretariat, Start);
        preparation.AddTask(MeetingScenario.Task("badges", 0), Coalition, Secretariat, Start);
        preparation.TakePosition(new PositionKey("financing"), "Six percent", Position() with { DecidedAt = InGeneva(2026, 6, 9, 0) }, Coalition, Secretariat, InGeneva(2026, 6, 9, 0));

        var opening = preparation.ReadinessOn(new LocalDate(2026, 6, 15));

        Assert.Equal([ReadinessGap.NoPreMeeting, ReadinessGap.NewcomersNotTrained, ReadinessGap.LastMinutePosition, ReadinessGap.WorkLeftLate], opening.Gaps);
        Assert.Equal(
            "Readiness for Education financing conference on 15 June 2026: it opens today.\n" +
            "Done: 0 of 2 tasks.\n" +
            "Late: Task visa (due 8 June 2026).\n" +
            "On track: Task badges (due 15 June 2026).\n" +
            "Missing: a pre-meeting: the event is two weeks away or less and none is planned.\n" +
            "Missing: training: Member 6 is new and not trained.\n" +
            "Missing: time for common positions: a position was adopted in the last week before the event.\n" +
            "Missing: lead time: most tasks fall due in the last month, when the months before are where the work is done.",
            opening.Summary);
        Assert.Equal((1, 1, 0), (opening.Late.Count, opening.OnTrack.Count, opening.Done.Count));
    }

    [Fact]
    public void Readiness_says_the_pre_meeting_s_outcome_and_a_plan_are_missing_in_words()
    {
        var preparation = Preparation();
        preparation.PlanPreMeeting(NextMeeting, PreMeetingDay, Secretariat, Start);

        var summary = preparation.ReadinessOn(new LocalDate(2026, 6, 14)).Summary;

        Assert.Equal(
            "Readiness for Education financing conference on 14 June 2026: 1 day to go.\n" +
            "Done: 0 of 0 tasks.\n" +
            "Missing: a plan: no task is set.\n" +
            "Missing: attendees: nobody is named to attend.\n" +
            "Missing: a position: the coalition takes none, resting on an adopted decision, to the event.\n" +
            "Missing: the pre-meeting's outcome: its day has passed and nothing is recorded.",
            summary);
    }

    [Fact]
    public void A_stored_pre_meeting_falls_up_to_the_day_before_the_event_a_stored_position_cites_a_decision_and_a_closed_preparation_stores_no_step()
    {
        var begun = Preparation().DequeueUncommittedEvents().ToList();
        var taken = new PositionTaken(ThePreparation, new EventPosition(new PositionKey("financing"), "Six percent", null!), Start, Secretariat);
        var concluded = new PreparationConcluded(ThePreparation, null, InGeneva(2026, 6, 18), Secretariat);
        var done = new PreparationTaskCompleted(ThePreparation, Visa, new LocalDate(2026, 3, 2), Start, Secretariat);

        Assert.Equal(new LocalDate(2026, 6, 14), EventPreparation.Rehydrate([.. begun, new PreMeetingPlanned(ThePreparation, NextMeeting, new LocalDate(2026, 6, 14), Start, Secretariat)]).PreMeetingOn);
        StoredHistory.Refused(EventPreparation.Rehydrate, begun, "EventPosition.Decision is missing (null).", taken);
        StoredHistory.Refused(EventPreparation.Rehydrate, begun, "the preparation is concluded or cancelled.", concluded, done);
        StoredHistory.Refused(EventPreparation.Rehydrate, begun, "the preparation is concluded or cancelled.", concluded, concluded);
    }
}
