using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Meetings;
using Coalitions.Core.Polls;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.MeetingScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Meetings;

/// <summary>
/// Each command of a meeting at its boundary: who may act, the inputs it checks, the exact edges of its slot and agenda,
/// the step it needs, and the words of its refusals.
/// </summary>
public class MeetingCommandTests
{
    private static readonly Actor Outsider = For(7);
    private static readonly Instant AfterMeeting = Tuesday + Duration.FromHours(2);
    private static readonly LocalDate MeetingDay = new(2026, 3, 10);

    private static AgendaItem Discussion(string key, int minutes) => new(new AgendaKey(key), $"Item {key}", AgendaItemKind.Discussion, Duration.FromMinutes(minutes));

    private static Minutes With(params ActionItem[] actions) => new([], [], actions);

    private static string Refused(Meeting meeting, ErrorCode code, Action action) => Refusal.Expect(meeting, code, action).Message;

    [Fact]
    public void Only_a_facilitator_of_the_meeting_takes_each_of_its_steps()
    {
        var planned = Convened();
        var scheduled = Scheduled();
        var held = Held();
        var minuted = Minuted();
        var who = $"Person {Person(7)} acting for partner {Partner(7)} may not";
        var only = "only a facilitator of the meeting (the person who convened it or one it names) may.";

        Assert.Equal($"{who} schedule Steering committee: {only}", Refused(planned, ErrorCodes.Meetings.NotAFacilitator, () => planned.Schedule(Tuesday, Duration.FromHours(1), Outsider, Start)));
        Refused(scheduled, ErrorCodes.Meetings.NotAFacilitator, () => scheduled.Postpone(null, Outsider, Start));
        Refused(scheduled, ErrorCodes.Meetings.NotAFacilitator, () => scheduled.Cancel(null, Outsider, Start));
        Refused(scheduled, ErrorCodes.Meetings.NotAFacilitator, () => scheduled.AddAgendaItem(Discussion("aob", 5), Outsider, Start));
        Refused(scheduled, ErrorCodes.Meetings.NotAFacilitator, () => scheduled.RemoveAgendaItem(new AgendaKey("budget"), Outsider, Start));
        Refused(scheduled, ErrorCodes.Meetings.NotAFacilitator, () => scheduled.CarryForward(new AgendaKey("actions"), [minuted], Duration.FromMinutes(5), Outsider, Start));
        Refused(scheduled, ErrorCodes.Meetings.NotAFacilitator, () => scheduled.RecordAttendance([new AttendanceEntry(Partner(4), AttendanceKind.Present)], Outsider, Tuesday));
        Refused(held, ErrorCodes.Meetings.NotAFacilitator, () => held.RecordMinutes(With(), Coalition, Outsider, AfterMeeting));
        Assert.Equal(
            $"{who} complete action Steering committee: only the person who owns the action item or a facilitator of the meeting (the person who convened it or one it names) may.",
            Refused(minuted, ErrorCodes.Meetings.NotAFacilitator, () => minuted.CompleteAction(new ActionKey("visit"), MeetingDay, null, Outsider, AfterMeeting)));

        var started = Scheduled();
        started.RecordAttendance([new AttendanceEntry(Partner(4), AttendanceKind.Present)], ChairOfSteering, Tuesday);
        Refused(started, ErrorCodes.Meetings.NotAFacilitator, () => started.Adjourn(Outsider, Tuesday + Duration.FromHours(1)));
    }

    [Fact]
    public void A_meeting_scheduled_again_after_it_started_sets_its_attendance_aside()
    {
        var meeting = Scheduled();
        meeting.RecordAttendance([new AttendanceEntry(Partner(4), AttendanceKind.Present)], ChairOfSteering, Tuesday);

        meeting.Schedule(Tuesday + Duration.FromDays(7), Duration.FromHours(1), ChairOfSteering, Tuesday + Duration.FromMinutes(5));

        Assert.Empty(meeting.Attendance);
        Assert.Equal(AttendanceKind.Absent, meeting.AttendanceOf(Partner(4)));
        Assert.Equal(1, meeting.Sequence);
    }

    [Fact]
    public void A_refused_convening_names_the_meeting_and_who_may_convene_it()
    {
        Assert.Equal(
            $"Person {Person(7)} acting for partner {Partner(7)} may not convene Steering committee: only the convenor of the body meeting " +
            "(the holder of the office that convenes it, else its chair), acting through one of its member's delegates or a coordinator of the coalition may.",
            Refusal.Of(() => Meeting.Convene(TheMeeting, Plan(), Coalition, Outsider, Start, TheGovernance), ErrorCodes.Meetings.NotAConvenor).Message);
        Refusal.Of(() => Meeting.Convene(TheMeeting, Plan(), null!, ChairOfSteering, Start, TheGovernance), ErrorCodes.Kernel.InvalidInput);
        Assert.Equal($"Person {Person(7)} acting for partner {Partner(7)} may not convene a new meeting: only the convenor of the body meeting (the holder of the office that convenes it, else its chair), acting through one of its member's delegates or a coordinator of the coalition may.", Refusal.Of(() => Meeting.Convene(TheMeeting, null!, Coalition, Outsider, Start, TheGovernance), ErrorCodes.Meetings.NotAConvenor).Message);
        Refusal.Of(() => Meeting.Convene(default, Plan(), Coalition, ChairOfSteering, Start, TheGovernance), ErrorCodes.Kernel.EmptyId);
    }

    [Fact]
    public void A_meeting_is_convened_for_its_own_coalition_with_that_coalition_s_governance_and_bodies()
    {
        var other = AnotherWith(4);
        var othersPlan = Plan() with { Coalition = other.Id, Body = null };

        Assert.Equal(
            "The meeting 'Steering committee' belongs to another coalition than Learning for All.",
            Refusal.Of(() => Meeting.Convene(TheMeeting, othersPlan, Coalition, Secretariat, Start), ErrorCodes.Coalitions.OtherCoalition).Message);
        var othersGovernance = GovernanceScenario.With(GovernanceTemplates.AdvocacyCoalition(), other);
        Refusal.Of(() => Meeting.Convene(TheMeeting, Plan() with { Body = null }, Coalition, Secretariat, Start, othersGovernance), ErrorCodes.Coalitions.OtherCoalition);
        Assert.Equal(
            "Learning for All has no body with the key 'steering-committee'.",
            Refusal.Of(() => Meeting.Convene(TheMeeting, Plan(), Coalition, Secretariat, Start), ErrorCodes.Governance.UnknownBody).Message);
        Assert.Equal(
            $"Member 7 takes part for partner {Partner(70)}, which is not a member of Learning for All.",
            Refusal.Of(() => Meeting.Convene(TheMeeting, Plan() with { Participants = [.. Committee(), Participant(7, Nairobi) with { Member = Partner(70) }] }, Coalition, ChairOfSteering, Start, TheGovernance), ErrorCodes.Membership.NotAMember).Message);
    }

    [Fact]
    public void A_meeting_starts_after_now_and_lasts_from_fifteen_minutes_to_seven_days()
    {
        var meeting = Convened();

        Assert.Equal(
            "'Steering committee' must start after 2 March 2026 at 09:00 UTC and last 15 minutes to 7 days in whole minutes (asked: 2 March 2026 at 09:00 UTC for 1 hour).",
            Refused(meeting, ErrorCodes.Meetings.InThePast, () => meeting.Schedule(Start, Duration.FromHours(1), ChairOfSteering, Start)));
        Refused(meeting, ErrorCodes.Meetings.InThePast, () => meeting.Schedule(Tuesday, Duration.FromMinutes(14), ChairOfSteering, Start));
        Refused(meeting, ErrorCodes.Meetings.InThePast, () => meeting.Schedule(Tuesday, Duration.FromDays(7) + Duration.FromMinutes(1), ChairOfSteering, Start));
        Refused(meeting, ErrorCodes.Meetings.InThePast, () => meeting.Schedule(Limits.LatestInstant - Duration.FromHours(1), Duration.FromHours(1), ChairOfSteering, Start));
        Refused(meeting, ErrorCodes.Kernel.OutOfRange, () => meeting.Schedule(Instant.MaxValue, Duration.FromHours(1), ChairOfSteering, Start));

        meeting.Schedule(Start + Duration.FromMinutes(1), Duration.FromMinutes(15), ChairOfSteering, Start);
        Assert.Equal(Start + Duration.FromMinutes(16), meeting.End);
        meeting.Schedule(Tuesday, Duration.FromDays(7), ChairOfSteering, Start);
        Assert.Equal(Tuesday + Duration.FromDays(7), meeting.End);
        meeting.Schedule(Limits.LatestInstant - Duration.FromHours(2), Duration.FromHours(1), ChairOfSteering, Start);
        Assert.Equal(Limits.LatestInstant - Duration.FromHours(1), meeting.End);
    }

    [Fact]
    public void The_agenda_may_fill_the_meeting_exactly_but_not_run_over_it()
    {
        var meeting = Convened();
        meeting.AddAgendaItem(Discussion("first", 40), ChairOfSteering, Start);
        meeting.AddAgendaItem(Discussion("second", 20), ChairOfSteering, Start);

        Assert.Equal(
            "The agenda of 'Steering committee' takes 1 hour, longer than 59 minutes.",
            Refused(meeting, ErrorCodes.Meetings.AgendaOverrun, () => meeting.Schedule(Tuesday, Duration.FromMinutes(59), ChairOfSteering, Start)));
        meeting.Schedule(Tuesday, Duration.FromHours(1), ChairOfSteering, Start);

        Assert.Equal(
            "With 'Item third' the agenda of 'Steering committee' would take 1 hour and 1 minute, longer than the meeting's 1 hour.",
            Refused(meeting, ErrorCodes.Meetings.AgendaOverrun, () => meeting.AddAgendaItem(Discussion("third", 1), ChairOfSteering, Start)));
        meeting.RemoveAgendaItem(new AgendaKey("second"), ChairOfSteering, Start);
        meeting.AddAgendaItem(Discussion("third", 20), ChairOfSteering, Start);
        Assert.Equal(Duration.FromHours(1), meeting.AgendaTime);
    }

    [Fact]
    public void An_unscheduled_agenda_takes_at_most_seven_days_and_a_hundred_items()
    {
        var meeting = Convened();
        for (var i = 0; i < 21; i++)
        {
            meeting.AddAgendaItem(new AgendaItem(new AgendaKey($"day-{i}"), $"Part {i}", AgendaItemKind.Discussion, Duration.FromHours(8)), ChairOfSteering, Start);
        }

        Assert.Equal(Duration.FromDays(7), meeting.AgendaTime);
        Assert.Equal(
            "The agenda of 'Steering committee' would take longer than 7 days.",
            Refused(meeting, ErrorCodes.Meetings.AgendaOverrun, () => meeting.AddAgendaItem(Discussion("one-more", 1), ChairOfSteering, Start)));

        var full = Convened();
        for (var i = 0; i < MeetingLimits.MaxAgendaItems; i++)
        {
            full.AddAgendaItem(Discussion($"item-{i}", 1), ChairOfSteering, Start);
        }

        Assert.Equal(
            "The agenda of 'Steering committee' already has the item 'item-100', links its proposal or poll already, or holds 100 items.",
            Refused(full, ErrorCodes.Meetings.InvalidAgendaItem, () => full.AddAgendaItem(Discussion("item-100", 1), ChairOfSteering, Start)));
    }

    [Fact]
    public void A_poll_is_linked_by_one_agenda_item_only()
    {
        var meeting = Convened();
        var poll = PollId.FromGuid(Guid.Parse("a0000000-0000-0000-0000-000000000001"));
        meeting.AddAgendaItem(new AgendaItem(new AgendaKey("election"), "Election of the chair", AgendaItemKind.Poll, Duration.FromMinutes(10), Poll: poll), ChairOfSteering, Start);

        Refused(meeting, ErrorCodes.Meetings.InvalidAgendaItem, () => meeting.AddAgendaItem(new AgendaItem(new AgendaKey("again"), "Again", AgendaItemKind.Poll, Duration.FromMinutes(10), Poll: poll), ChairOfSteering, Start));
        meeting.AddAgendaItem(new AgendaItem(new AgendaKey("other"), "Another poll", AgendaItemKind.Poll, Duration.FromMinutes(10), Poll: PollId.FromGuid(Guid.Parse("a0000000-0000-0000-0000-000000000002"))), ChairOfSteering, Start);
        Assert.Equal(["election", "other"], meeting.Agenda.Select(i => i.Key.Value));
    }

    [Fact]
    public void An_action_review_with_actions_is_not_added_by_hand()
    {
        var meeting = Convened();
        var carried = new CarriedAction(NextMeeting, Action());

        Assert.Equal(
            "An action review is put on the agenda by carrying actions forward, not added by hand.",
            Refused(meeting, ErrorCodes.Meetings.InvalidAgendaItem, () => meeting.AddAgendaItem(new AgendaItem(new AgendaKey("review"), "Review", AgendaItemKind.ActionReview, Duration.FromMinutes(5), Actions: [carried]), ChairOfSteering, Start)));
    }

    [Fact]
    public void An_agenda_item_is_removed_by_its_key_while_the_agenda_is_open()
    {
        var meeting = Scheduled();

        Refused(meeting, ErrorCodes.Kernel.InvalidText, () => meeting.RemoveAgendaItem(default, ChairOfSteering, Start));
        Assert.Equal(
            "'Steering committee' has no agenda item 'aob'.",
            Refused(meeting, ErrorCodes.Meetings.UnknownAgendaItem, () => meeting.RemoveAgendaItem(new AgendaKey("aob"), ChairOfSteering, Start)));

        meeting.RemoveAgendaItem(new AgendaKey("budget"), ChairOfSteering, Start);

        Assert.Equal(["admit"], meeting.Agenda.Select(i => i.Key.Value));
        Assert.Equal(Duration.FromMinutes(20), meeting.AgendaTime);
        var held = Held();
        Assert.Equal(
            "'Steering committee' cannot change its agenda while it is held.",
            Refused(held, ErrorCodes.Meetings.InvalidTransition, () => held.RemoveAgendaItem(new AgendaKey("budget"), ChairOfSteering, AfterMeeting)));
    }

    [Fact]
    public void Actions_are_carried_only_from_the_coalition_s_own_minuted_meetings_as_a_review_that_fits_the_agenda()
    {
        var first = Minuted();
        var next = Meeting.Convene(NextMeeting, Plan(), Coalition, ChairOfSteering, AfterMeeting, TheGovernance);
        var other = AnotherWith(4);
        var foreign = Meeting.Convene(MeetingId.New(), Plan() with { Coalition = other.Id, Body = null, Participants = [Participant(4, Nairobi)] }, other, Secretariat, Start);

        Assert.Equal("The item must be a key of one line of 1 to 64 characters.", Refused(next, ErrorCodes.Kernel.InvalidText, () => next.CarryForward(default, [first], Duration.FromMinutes(5), ChairOfSteering, AfterMeeting)));
        Assert.Equal(
            "'Steering committee' is a meeting of another coalition.",
            Refused(next, ErrorCodes.Coalitions.OtherCoalition, () => next.CarryForward(new AgendaKey("actions"), [first, foreign], Duration.FromMinutes(5), ChairOfSteering, AfterMeeting)));
        Assert.Equal(
            "The earlier meetings given have no action items open on 10 March 2026 to carry to 'Steering committee'.",
            Refused(next, ErrorCodes.Meetings.NoOpenActions, () => next.CarryForward(new AgendaKey("actions"), [next, Held()], Duration.FromMinutes(5), ChairOfSteering, AfterMeeting)));
        Refused(next, ErrorCodes.Meetings.InvalidAgendaItem, () => next.CarryForward(new AgendaKey("actions"), [first], Duration.Zero, ChairOfSteering, AfterMeeting));
        next.Schedule(Tuesday + Duration.FromDays(7), Duration.FromMinutes(15), ChairOfSteering, AfterMeeting);
        Refused(next, ErrorCodes.Meetings.AgendaOverrun, () => next.CarryForward(new AgendaKey("actions"), [first], Duration.FromMinutes(16), ChairOfSteering, AfterMeeting));

        var held = Held();
        Refused(held, ErrorCodes.Meetings.InvalidTransition, () => held.CarryForward(new AgendaKey("actions"), [first], Duration.FromMinutes(5), ChairOfSteering, AfterMeeting));
    }

    [Fact]
    public void An_action_done_since_a_meeting_of_several_days_began_is_not_carried_to_it()
    {
        var first = Minuted();
        var next = Meeting.Convene(NextMeeting, Plan(), Coalition, ChairOfSteering, AfterMeeting, TheGovernance);
        next.Schedule(Instant.FromUtc(2026, 3, 16, 6, 0), Duration.FromDays(3), ChairOfSteering, AfterMeeting);
        var secondDay = Instant.FromUtc(2026, 3, 17, 9, 0);
        first.CompleteAction(new ActionKey("welcome-pack"), new LocalDate(2026, 3, 17), null, For(5), secondDay);

        next.CarryForward(new AgendaKey("actions"), [first], Duration.FromMinutes(10), ChairOfSteering, secondDay);

        Assert.Equal(["visit"], next.Agenda.Single().Actions!.Select(a => a.Action.Key.Value));
    }

    [Fact]
    public void Attendance_names_members_with_ids_and_defined_kinds()
    {
        var meeting = Scheduled();

        Assert.Equal("The member is the empty id; give a real partner id.", Refused(meeting, ErrorCodes.Kernel.EmptyId, () => meeting.RecordAttendance([new AttendanceEntry(default, AttendanceKind.Present)], ChairOfSteering, Tuesday)));
        Assert.Equal("The attendance has an undefined value (99).", Refused(meeting, ErrorCodes.Kernel.InvalidInput, () => meeting.RecordAttendance([new AttendanceEntry(Partner(4), (AttendanceKind)99)], ChairOfSteering, Tuesday)));
        Assert.Equal("The proxy holder is the empty id; give a real partner id.", Refused(meeting, ErrorCodes.Kernel.EmptyId, () => meeting.RecordAttendance([new AttendanceEntry(Partner(6), AttendanceKind.ByProxy, default(PartnerId))], ChairOfSteering, Tuesday)));
        Assert.Equal(
            "The attendance of 'Steering committee' cannot be recorded: a member listed was not invited, or is listed twice.",
            Refused(meeting, ErrorCodes.Meetings.NotInvited, () => meeting.RecordAttendance([new AttendanceEntry(Partner(7), AttendanceKind.Present)], ChairOfSteering, Tuesday)));
    }

    [Fact]
    public void Attendance_recorded_again_replaces_the_first_and_a_postponement_sets_it_aside()
    {
        var meeting = Scheduled();
        meeting.RecordAttendance([new AttendanceEntry(Partner(4), AttendanceKind.Present), new AttendanceEntry(Partner(5), AttendanceKind.Present)], ChairOfSteering, Tuesday);

        meeting.RecordAttendance([new AttendanceEntry(Partner(4), AttendanceKind.Present)], ChairOfSteering, Tuesday + Duration.FromMinutes(5));

        Assert.Equal([Partner(4)], meeting.MembersPresent());
        Assert.Equal(AttendanceKind.Absent, meeting.AttendanceOf(Partner(5)));

        meeting.Postpone(" No quorum. ", ChairOfSteering, Tuesday + Duration.FromMinutes(10));

        Assert.Empty(meeting.Attendance);
        Assert.Equal("No quorum.", meeting.Reason);
        Assert.Equal(MeetingStatus.Postponed, meeting.Status);
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(9));
        Assert.Equal(
            "The attendance of 'Steering committee' is not recorded yet.",
            Refusal.Of(() => meeting.PresentFor(proposal), ErrorCodes.Meetings.AttendanceRequired).Message);
    }

    [Fact]
    public void Each_step_out_of_turn_says_what_the_meeting_is_or_what_it_still_needs()
    {
        var planned = Convened();
        var scheduled = Scheduled();
        var held = Held();
        var cancelled = Convened();
        cancelled.Cancel(" Merged with the assembly. ", ChairOfSteering, Start);

        Assert.Equal("Merged with the assembly.", cancelled.Reason);
        Assert.Equal("'Steering committee' cannot be scheduled while it is cancelled.", Refused(cancelled, ErrorCodes.Meetings.InvalidTransition, () => cancelled.Schedule(Tuesday, Duration.FromHours(1), ChairOfSteering, Start)));
        Assert.Equal("'Steering committee' cannot be postponed while it is planned.", Refused(planned, ErrorCodes.Meetings.InvalidTransition, () => planned.Postpone(null, ChairOfSteering, Start)));
        Assert.Equal("'Steering committee' cannot be cancelled while it is held.", Refused(held, ErrorCodes.Meetings.InvalidTransition, () => held.Cancel(null, ChairOfSteering, AfterMeeting)));
        Assert.Equal("'Steering committee' cannot change its agenda while it is cancelled.", Refused(cancelled, ErrorCodes.Meetings.InvalidTransition, () => cancelled.AddAgendaItem(Discussion("aob", 5), ChairOfSteering, Start)));
        Assert.Equal("'Steering committee' cannot record attendance while it is planned.", Refused(planned, ErrorCodes.Meetings.InvalidTransition, () => planned.RecordAttendance([new AttendanceEntry(Partner(4), AttendanceKind.Present)], ChairOfSteering, Tuesday)));
        Assert.Equal("'Steering committee' cannot be adjourned while it is planned.", Refused(planned, ErrorCodes.Meetings.InvalidTransition, () => planned.Adjourn(ChairOfSteering, Tuesday)));
        Assert.Equal("'Steering committee' cannot record minutes while it is scheduled.", Refused(scheduled, ErrorCodes.Meetings.InvalidTransition, () => scheduled.RecordMinutes(With(), Coalition, ChairOfSteering, AfterMeeting)));
        Assert.Equal("'Steering committee' cannot record an action done while it is held.", Refused(held, ErrorCodes.Meetings.InvalidTransition, () => held.CompleteAction(new ActionKey("visit"), MeetingDay, null, ChairOfSteering, AfterMeeting)));
        Assert.Equal(
            "'Steering committee' cannot be adjourned yet: it requires that the meeting has started and its attendance is recorded.",
            Refused(scheduled, ErrorCodes.Meetings.NotStarted, () => scheduled.Adjourn(ChairOfSteering, Start)));
        Refused(scheduled, ErrorCodes.Kernel.InvalidText, () => scheduled.Cancel(new string('x', 2_001), ChairOfSteering, Start));
    }

    [Fact]
    public void Minutes_are_of_this_coalition_s_meeting_and_cite_its_own_decisions_on_items_of_its_agenda()
    {
        var meeting = Held();
        var other = AnotherWith(4);

        Refused(meeting, ErrorCodes.Kernel.InvalidInput, () => meeting.RecordMinutes(With(), null!, ChairOfSteering, AfterMeeting));
        Refused(meeting, ErrorCodes.Kernel.InvalidInput, () => meeting.RecordMinutes(null!, Coalition, ChairOfSteering, AfterMeeting));
        Assert.Equal(
            "'Steering committee' is a meeting of another coalition than Another coalition.",
            Refused(meeting, ErrorCodes.Coalitions.OtherCoalition, () => meeting.RecordMinutes(With(), other, ChairOfSteering, AfterMeeting)));
        Assert.Equal(
            $"The agenda of 'Steering committee' has no decision item 'budget' linking proposal {ProposalNumber(1)}.",
            Refused(meeting, ErrorCodes.Meetings.NotOnAgenda, () => meeting.RecordMinutes(new Minutes([new MinutedDecision(new AgendaKey("budget"), Admission)], [], []), Coalition, ChairOfSteering, AfterMeeting)));
        Assert.Equal(
            "The decision cited for 'admit' was taken by another coalition.",
            Refused(meeting, ErrorCodes.Coalitions.DecisionRequired, () => meeting.RecordMinutes(new Minutes([new MinutedDecision(new AgendaKey("admit"), Admission with { Coalition = other.Id })], [], []), Coalition, ChairOfSteering, AfterMeeting)));
        Assert.Equal(
            "'Steering committee' has no agenda item 'aob'.",
            Refused(meeting, ErrorCodes.Meetings.UnknownAgendaItem, () => meeting.RecordMinutes(new Minutes([], [new ItemNote(new AgendaKey("aob"), "Nothing.")], []), Coalition, ChairOfSteering, AfterMeeting)));
        Refused(meeting, ErrorCodes.Meetings.UnknownAgendaItem, () => meeting.RecordMinutes(With(Action() with { Item = new AgendaKey("aob") }), Coalition, ChairOfSteering, AfterMeeting));
    }

    [Fact]
    public void An_action_item_may_fall_due_on_the_day_of_the_meeting_but_not_before()
    {
        var meeting = Held();

        Assert.Equal(
            $"The owner of 'welcome-pack' must be a delegate of a member of Learning for All; person {Person(6)} is not one for partner {Partner(5)}.",
            Refused(meeting, ErrorCodes.Meetings.InvalidAction, () => meeting.RecordMinutes(With(Action() with { OwnerPerson = Person(6) }), Coalition, ChairOfSteering, AfterMeeting)));
        Assert.Equal(
            "'welcome-pack' is due on 9 March 2026, before the meeting on 10 March 2026 that set it.",
            Refused(meeting, ErrorCodes.Meetings.InvalidAction, () => meeting.RecordMinutes(With(Action(dueDay: 9)), Coalition, ChairOfSteering, AfterMeeting)));

        meeting.RecordMinutes(With(Action(dueDay: 10)), Coalition, ChairOfSteering, AfterMeeting);

        Assert.Equal(ActionStatus.Open, meeting.ActionsOn(MeetingDay).Single().Status);
    }

    [Fact]
    public void An_open_action_is_done_once_between_the_meeting_day_and_today()
    {
        var meeting = Minuted();
        var pack = new ActionKey("welcome-pack");

        Refused(meeting, ErrorCodes.Kernel.InvalidText, () => meeting.CompleteAction(default, MeetingDay, null, ChairOfSteering, AfterMeeting));
        Refused(meeting, ErrorCodes.Kernel.OutOfRange, () => meeting.CompleteAction(pack, new LocalDate(3000, 1, 1), null, ChairOfSteering, AfterMeeting));
        Refused(meeting, ErrorCodes.Kernel.InvalidText, () => meeting.CompleteAction(pack, MeetingDay, new string('x', 2_001), ChairOfSteering, AfterMeeting));
        Assert.Equal(
            "'Steering committee' has no open action item 'party'.",
            Refused(meeting, ErrorCodes.Meetings.UnknownAction, () => meeting.CompleteAction(new ActionKey("party"), MeetingDay, null, ChairOfSteering, AfterMeeting)));
        Assert.Equal(
            "'welcome-pack' cannot be done on 9 March 2026: no earlier than the meeting and no later than today.",
            Refused(meeting, ErrorCodes.Meetings.InvalidAction, () => meeting.CompleteAction(pack, MeetingDay.PlusDays(-1), null, For(5), AfterMeeting)));

        meeting.CompleteAction(pack, MeetingDay, " Sent by post. ", For(5), AfterMeeting);

        Assert.Equal(MeetingDay, meeting.ActionsOn(MeetingDay).Single(a => a.Action.Key == pack).DoneOn);
        Refused(meeting, ErrorCodes.Meetings.UnknownAction, () => meeting.CompleteAction(pack, MeetingDay, null, For(5), AfterMeeting));
    }

    [Fact]
    public void Attendance_is_handed_only_to_a_proposal_of_the_same_coalition_that_the_agenda_links()
    {
        var meeting = Held();
        var other = AnotherWith(4);
        var foreign = Proposal.Draft(ProposalNumber(1), new ProposalDraft(other.Id, MatterType.AdoptPolicyPosition, "Elsewhere", "Text.", Partner(1), DecisionRule.SimpleMajority(), [Chair]), For(1), Start);
        var unlinked = Proposal.Draft(ProposalNumber(2), new ProposalDraft(TheCoalition, MatterType.AdoptPolicyPosition, "Another", "Text.", Partner(1), DecisionRule.SimpleMajority(), [Chair]), For(1), Start);

        Refusal.Of(() => meeting.PresentFor(null!), ErrorCodes.Kernel.InvalidInput);
        Assert.Equal("'Elsewhere' is a proposal of another coalition.", Refusal.Of(() => meeting.PresentFor(foreign), ErrorCodes.Coalitions.OtherCoalition).Message);
        Assert.Equal("The agenda of 'Steering committee' does not link 'Another'.", Refusal.Of(() => meeting.PresentFor(unlinked), ErrorCodes.Meetings.NotOnAgenda).Message);
    }

    [Fact]
    public void Local_times_are_given_once_a_meeting_is_scheduled_for_at_most_its_first_twelve_hours()
    {
        var meeting = Convened();

        Assert.Equal("'Steering committee' has not been scheduled.", Refusal.Of(() => meeting.LocalTimes(), ErrorCodes.Meetings.NotScheduled).Message);

        meeting.Schedule(Tuesday, Duration.FromHours(13), ChairOfSteering, Start);
        Assert.Equal(Duration.FromHours(12), meeting.LocalTimes().Length);
        meeting.Schedule(Tuesday, Duration.FromHours(12), ChairOfSteering, Start);
        Assert.Equal(Duration.FromHours(12), meeting.LocalTimes().Length);
        meeting.Schedule(Tuesday, Duration.FromHours(2), ChairOfSteering, Start);
        Assert.Equal(Duration.FromHours(2), meeting.LocalTimes().Length);
    }
}
