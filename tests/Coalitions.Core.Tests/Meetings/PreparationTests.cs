using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Meetings;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using Snapshooter.Xunit;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.MeetingScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Meetings;

public class PreparationTests
{
    [Fact]
    public void Tasks_are_counted_back_from_the_event_and_their_status_follows_from_the_dates()
    {
        var preparation = Preparation();
        preparation.AddTask(Task("briefing-paper", 2), Coalition, Secretariat, Start);

        Assert.Equal(new LocalDate(2026, 4, 15), preparation.DueOf(preparation.Tasks.Single()));
        Assert.Equal(PreparationTaskStatus.OnTrack, preparation.TasksOn(new LocalDate(2026, 4, 15))[0].Status);
        Assert.Equal(PreparationTaskStatus.Late, preparation.TasksOn(new LocalDate(2026, 4, 16))[0].Status);

        preparation.CompleteTask(new TaskKey("briefing-paper"), new LocalDate(2026, 4, 20), For(5), InGeneva(2026, 4, 20));

        Assert.Equal(PreparationTaskStatus.Done, preparation.TasksOn(new LocalDate(2026, 4, 20))[0].Status);
    }

    [Fact]
    public void Only_a_coordinator_begins_a_preparation_and_only_its_leads_steer_it()
    {
        Assert.Equal(ErrorCodes.Coalitions.NotACoordinator, Assert.Throws<CoalitionRuleException>(() => EventPreparation.Begin(ThePreparation, Conference, [], Coalition, For(4), Start)).Code);
        var preparation = Preparation();

        Refusal.Expect(preparation, ErrorCodes.Meetings.NotALead, () => preparation.AddTask(Task("visa", 1), Coalition, For(5), Start));
        preparation.AddTask(Task("visa", 1), Coalition, Actor.ForPerson(Person(4)), Start);
    }

    [Fact]
    public void A_task_is_owned_by_a_delegate_of_a_member()
    {
        var preparation = Preparation();

        Refusal.Expect(preparation, ErrorCodes.Meetings.InvalidPreparation, () => preparation.AddTask(Task("visa", 1) with { OwnerPerson = Person(6) }, Coalition, Secretariat, Start));
    }

    [Fact]
    public void The_pre_meeting_falls_in_the_two_weeks_before_the_event()
    {
        var preparation = Preparation();

        Refusal.Expect(preparation, ErrorCodes.Meetings.PreMeetingTiming, () => preparation.PlanPreMeeting(NextMeeting, new LocalDate(2026, 5, 31), Secretariat, Start));
        Refusal.Expect(preparation, ErrorCodes.Meetings.PreMeetingTiming, () => preparation.PlanPreMeeting(NextMeeting, new LocalDate(2026, 6, 15), Secretariat, Start));
        preparation.PlanPreMeeting(NextMeeting, new LocalDate(2026, 6, 13), Secretariat, Start);
        Refusal.Expect(preparation, ErrorCodes.Meetings.PreMeetingTiming, () => preparation.RecordPreMeeting(PreMeeting(), Coalition, Secretariat, InGeneva(2026, 6, 12)));
    }

    [Fact]
    public void Only_attendees_are_trained_at_the_pre_meeting()
    {
        var preparation = Preparation();
        preparation.PlanPreMeeting(NextMeeting, new LocalDate(2026, 6, 13), Secretariat, Start);

        Refusal.Expect(preparation, ErrorCodes.Meetings.InvalidPreparation, () => preparation.RecordPreMeeting(PreMeeting(), Coalition, Secretariat, InGeneva(2026, 6, 13, 18)));
    }

    [Fact]
    public void A_position_taken_to_the_event_rests_on_an_adopted_decision()
    {
        var preparation = Preparation();

        Refusal.Expect(preparation, ErrorCodes.Coalitions.DecisionRequired, () => preparation.TakePosition(new PositionKey("financing"), "Six percent", Adopted(MatterType.AdoptPolicyPosition, result: DecisionResult.Rejected), Coalition, Secretariat, Start));
        Refusal.Expect(preparation, ErrorCodes.Coalitions.DecisionRequired, () => preparation.TakePosition(new PositionKey("financing"), "Six percent", Adopted(MatterType.ApproveBudget), Coalition, Secretariat, Start));
        preparation.TakePosition(new PositionKey("financing"), "Six percent", Adopted(MatterType.IssuePublicStatement), Coalition, Secretariat, Start);
    }

    [Fact]
    public void A_preparation_is_concluded_only_after_the_event_has_closed()
    {
        var preparation = Preparation();

        var error = Refusal.Expect(preparation, ErrorCodes.Meetings.PreparationClosed, () => preparation.Conclude(null, Secretariat, InGeneva(2026, 6, 17, 20)));

        Assert.Contains("the event has closed", error.Message, StringComparison.Ordinal);
        preparation.Conclude("Done.", Secretariat, InGeneva(2026, 6, 18));
        Refusal.Expect(preparation, ErrorCodes.Meetings.PreparationClosed, () => preparation.AddTask(Task("late", 0), Coalition, Secretariat, InGeneva(2026, 6, 19)));
    }

    [Fact]
    public void A_stored_task_completed_before_it_was_added_is_refused()
    {
        var preparation = Preparation();
        preparation.AddTask(Task("briefing-paper", 2), Coalition, Secretariat, Start);
        preparation.CompleteTask(new TaskKey("briefing-paper"), new LocalDate(2026, 3, 2), Secretariat, Start);
        var events = preparation.DequeueUncommittedEvents();

        Assert.Throws<StoredEventException>(() => EventPreparation.Rehydrate([events[0], events[2], events[1]]));
    }

    [Fact]
    public void The_readiness_summary_says_what_is_done_late_and_missing_in_words()
    {
        var preparation = Preparation();
        preparation.AddTask(Task("briefing-paper", 2), Coalition, Secretariat, Start);
        preparation.AddTask(Task("visa", 1, 6), Coalition, Secretariat, Start);
        preparation.AddTask(Task("press-kit", 0, 5, weeks: 1), Coalition, Secretariat, Start);
        preparation.CompleteTask(new TaskKey("briefing-paper"), new LocalDate(2026, 4, 10), For(5), InGeneva(2026, 4, 10));
        preparation.NameAttendee(new Attendee(Partner(6), Person(6), "Member 6", NewParticipant: true), Coalition, Secretariat, Start);
        var early = preparation.ReadinessOn(new LocalDate(2026, 5, 20));

        preparation.TakePosition(new PositionKey("financing"), "Six percent of GDP for education", Adopted(MatterType.AdoptPolicyPosition) with { DecidedAt = InGeneva(2026, 6, 12) }, Coalition, Secretariat, InGeneva(2026, 6, 12));
        var late = preparation.ReadinessOn(new LocalDate(2026, 6, 14));

        Assert.Equal([ReadinessGap.NoPosition], early.Gaps);
        Assert.Contains(ReadinessGap.NoPreMeeting, late.Gaps);
        Assert.Contains(ReadinessGap.LastMinutePosition, late.Gaps);
        Assert.Equal(["visa", "press-kit"], late.Late.Select(t => t.Task.Key.Value));
        Snapshot.Match(early.Summary + "\n\n" + late.Summary + "\n");
    }

    [Fact]
    public void Newcomers_not_trained_at_the_pre_meeting_are_named_as_missing()
    {
        var preparation = Preparation();
        preparation.NameAttendee(new Attendee(Partner(6), Person(6), "Member 6", NewParticipant: true), Coalition, Secretariat, Start);
        preparation.PlanPreMeeting(NextMeeting, new LocalDate(2026, 6, 13), Secretariat, Start);
        preparation.RecordPreMeeting(PreMeeting() with { Trained = [] }, Coalition, Secretariat, InGeneva(2026, 6, 13, 18));

        var readiness = preparation.ReadinessOn(new LocalDate(2026, 6, 14));

        Assert.Contains(ReadinessGap.NewcomersNotTrained, readiness.Gaps);
        Assert.Contains("training: Member 6 is new and not trained.", readiness.Summary, StringComparison.Ordinal);
        Assert.Contains(preparation.Tasks, t => t.Key.Value == "plenary-statement");
    }
}
