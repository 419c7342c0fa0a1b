using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Meetings;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.MeetingScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Meetings;

/// <summary>A stored preparation for an outside event is untrusted: each step that could not have happened is refused with its reason.</summary>
public class PreparationHistoryTests
{
    private static List<IDomainEvent> Begun() => [.. Preparation().DequeueUncommittedEvents()];

    private static PreparationBegun Beginning() => (PreparationBegun)Begun()[0];

    private static PreparationTaskAdded Added(string key) => new(ThePreparation, Task(key, 1), Start, Secretariat);

    private static AttendeeNamed Named(int member) => new(ThePreparation, new Attendee(Partner(member), Person(member), $"Member {member}", false), Start, Secretariat);

    private static PositionTaken Taken(string key) => new(ThePreparation, new EventPosition(new PositionKey(key), "Six percent", Adopted(MatterType.AdoptPolicyPosition)), Start, Secretariat);

    private static PreMeetingPlanned Planned(LocalDate on) => new(ThePreparation, NextMeeting, on, Start, Secretariat);

    private static PreMeetingRecorded Recorded(PreMeetingOutcome? outcome = null) => new(ThePreparation, outcome ?? PreMeeting() with { Trained = [] }, InGeneva(2026, 6, 13, 18), Secretariat);

    private static void Corrupt(List<IDomainEvent> history, string why, params IDomainEvent[] next) => StoredHistory.Refused(EventPreparation.Rehydrate, history, why, next);

    [Fact]
    public void A_stored_preparation_begins_with_a_whole_event_and_one_to_eleven_leads_each_once()
    {
        Corrupt([], "the event or the leads are ill-formed.", Beginning() with { Event = Conference with { Closes = new LocalDate(2026, 6, 14) } });
        Corrupt([], "the event or the leads are ill-formed.", Beginning() with { Leads = [] });
        Corrupt([], "the event or the leads are ill-formed.", Beginning() with { Leads = [.. Enumerable.Range(1, 12).Select(Person)] });
        Corrupt([], "the event or the leads are ill-formed.", Beginning() with { Leads = [Person(4), Person(4)] });

        Assert.Equal(11, EventPreparation.Rehydrate([Beginning() with { Leads = [.. Enumerable.Range(1, 11).Select(Person)] }]).Leads.Count);
    }

    [Fact]
    public void A_concluded_or_cancelled_preparation_stores_nothing_more()
    {
        var concluded = new PreparationConcluded(ThePreparation, null, InGeneva(2026, 6, 18), Secretariat);
        var cancelled = new PreparationCancelled(ThePreparation, null, Start, Secretariat);

        Corrupt([.. Begun(), concluded], "the preparation is concluded or cancelled.", Added("visa"));
        Corrupt([.. Begun(), cancelled], "the preparation is concluded or cancelled.", cancelled);
    }

    [Fact]
    public void A_stored_task_is_well_formed_keyed_once_at_most_five_hundred_and_done_once()
    {
        var done = new PreparationTaskCompleted(ThePreparation, new TaskKey("visa"), new LocalDate(2026, 3, 2), Start, Secretariat);

        Corrupt(Begun(), "the task is ill-formed or its key is taken.", Added("visa") with { Task = Task("visa", 1) with { Before = Period.FromHours(1) } });
        Corrupt([.. Begun(), Added("visa")], "the task is ill-formed or its key is taken.", Added("visa"));
        Corrupt([.. Begun(), .. Enumerable.Range(1, 500).Select(n => Added($"task-{n}"))], "the task is ill-formed or its key is taken.", Added("visa"));
        Corrupt(Begun(), "there is no such open task.", done);
        Corrupt([.. Begun(), Added("visa"), done], "there is no such open task.", done);
    }

    [Fact]
    public void A_stored_attendee_is_well_formed_named_once_and_at_most_two_hundred()
    {
        Corrupt(Begun(), "the attendee is ill-formed or named already.", Named(6) with { Attendee = Named(6).Attendee with { Name = " " } });
        Corrupt([.. Begun(), Named(6)], "the attendee is ill-formed or named already.", Named(6));
        Corrupt([.. Begun(), .. Enumerable.Range(100, 200).Select(Named)], "the attendee is ill-formed or named already.", Named(6));
    }

    [Fact]
    public void A_stored_position_is_taken_once_at_most_fifty_and_rests_on_the_coalitions_decision()
    {
        const string Why = "the position is taken already or rests on another coalition's decision.";

        Corrupt([.. Begun(), Taken("financing")], Why, Taken("financing"));
        Corrupt([.. Begun(), .. Enumerable.Range(1, 50).Select(n => Taken($"position-{n}"))], Why, Taken("financing"));
        Corrupt(Begun(), Why, Taken("financing") with { Position = Taken("financing").Position with { Decision = Adopted(MatterType.AdoptPolicyPosition, CoalitionId.New()) } });
    }

    [Fact]
    public void A_stored_pre_meeting_falls_in_the_fourteen_days_before_the_event_and_is_recorded_once_with_a_whole_outcome()
    {
        Corrupt(Begun(), "the pre-meeting falls outside the 14 days before the event.", Planned(new LocalDate(2026, 6, 15)));
        Corrupt(Begun(), "the pre-meeting falls outside the 14 days before the event.", Planned(new LocalDate(2026, 5, 31)));
        Corrupt(Begun(), "no pre-meeting is planned, or it is recorded already.", Recorded());
        Corrupt([.. Begun(), Planned(new LocalDate(2026, 6, 13)), Recorded()], "no pre-meeting is planned, or it is recorded already.", Recorded());
        Corrupt([.. Begun(), Planned(new LocalDate(2026, 6, 13))], "the outcome is ill-formed or names unknown attendees or taken task keys.", Recorded(PreMeeting()));
        Corrupt([.. Begun(), Planned(new LocalDate(2026, 6, 13))], "the outcome is ill-formed or names unknown attendees or taken task keys.", Recorded(PreMeeting() with { Trained = [], Priorities = [] }));
        Corrupt([.. Begun(), Added("plenary-statement"), Planned(new LocalDate(2026, 6, 13))], "the outcome is ill-formed or names unknown attendees or taken task keys.", Recorded());

        Assert.Equal(new LocalDate(2026, 6, 1), EventPreparation.Rehydrate([.. Begun(), Planned(new LocalDate(2026, 6, 1))]).PreMeetingOn);
    }
}
