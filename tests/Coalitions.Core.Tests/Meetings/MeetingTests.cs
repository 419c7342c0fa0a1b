using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Meetings;
using Coalitions.Core.Serialization;
using Coalitions.Core.Tests.Kit;
using CsCheck;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.MeetingScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Meetings;

public class MeetingTests
{
    private static readonly Actor Outsider = For(7);

    [Fact]
    public void The_chair_of_a_body_convenes_its_meeting_and_becomes_its_first_facilitator()
    {
        var meeting = Convened();

        Assert.Equal(MeetingStatus.Planned, meeting.Status);
        Assert.Equal([Person(4), Chair], meeting.Facilitators);
        Assert.Equal(Nairobi, meeting.TimeZone);
        Assert.Equal(Steering, meeting.Body);
    }

    [Fact]
    public void A_coordinator_may_convene_a_meeting_too()
    {
        var meeting = Meeting.Convene(TheMeeting, Plan(), Coalition, Secretariat, Start, TheGovernance);

        Assert.Contains(Person(800), meeting.Facilitators);
    }

    [Fact]
    public void In_a_loose_network_the_facilitator_of_the_members_meeting_convenes_it_and_the_member_before_them_no_longer_can()
    {
        var governance = GovernanceScenario.With(GovernanceTemplates.LooseNetwork(), Coalition);
        governance.AssignOffice("members", Office.Facilitator, Partner(4), Coalition, Secretariat, Start);
        var plan = Plan() with { Body = "members", Title = "Members' meeting", Facilitators = [] };

        var meeting = Meeting.Convene(TheMeeting, plan, Coalition, For(4), Start, governance);
        governance.AssignOffice("members", Office.Facilitator, Partner(5), Coalition, For(4), Start + Duration.FromDays(1));

        Assert.Equal([Person(4)], meeting.Facilitators);
        Assert.Equal(ErrorCodes.Meetings.NotAConvenor, Assert.Throws<CoalitionRuleException>(() => Meeting.Convene(NextMeeting, plan, Coalition, For(4), Start + Duration.FromDays(2), governance)).Code);
        Assert.Equal("members", Meeting.Convene(NextMeeting, plan, Coalition, For(5), Start + Duration.FromDays(2), governance).Body);
    }

    [Fact]
    public void A_member_who_is_not_the_convenor_cannot_convene_a_body_meeting()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => Meeting.Convene(TheMeeting, Plan(), Coalition, For(5), Start, TheGovernance));

        Assert.Equal(ErrorCodes.Meetings.NotAConvenor, error.Code);
        Assert.Contains("only the convenor of the body meeting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_meeting_held_in_person_names_its_place()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => Meeting.Convene(TheMeeting, Plan(MeetingFormat.InPerson), Coalition, ChairOfSteering, Start, TheGovernance));

        Assert.True(error.Has(ErrorCodes.Meetings.InvalidMeeting));
    }

    [Fact]
    public void A_participant_must_take_part_for_a_member_of_the_coalition()
    {
        var plan = Plan() with { Participants = [.. Committee(), new MeetingParticipant(PartnerId.New(), PersonId.New(), "A stranger", Nairobi, WorkingHours.Office)] };

        Assert.True(Assert.Throws<CoalitionRuleException>(() => Meeting.Convene(TheMeeting, plan, Coalition, ChairOfSteering, Start, TheGovernance)).Has(ErrorCodes.Membership.NotAMember));
    }

    [Fact]
    public void A_participant_from_a_partner_record_must_represent_it_and_takes_its_time_zone()
    {
        var partner = new Core.Partners.PartnerSnapshot(Partner(5), Kit.PartnerScenario.Profile("Member 5") with { TimeZone = Geneva, Country = "CH" }, [Person(5)]);

        var participant = MeetingParticipant.From(partner, Person(5), "Member 5");

        Assert.Equal(Geneva, participant.TimeZone);
        Assert.True(Assert.Throws<CoalitionRuleException>(() => MeetingParticipant.From(partner, Person(6), "Member 6")).Has(ErrorCodes.Meetings.InvalidMeeting));
    }

    [Fact]
    public void A_meeting_cannot_be_scheduled_in_the_past()
    {
        var meeting = Convened();

        Refusal.Expect(meeting, ErrorCodes.Meetings.InThePast, () => meeting.Schedule(Start - Duration.FromHours(1), Duration.FromHours(1), ChairOfSteering, Start));
    }

    [Fact]
    public void Only_a_facilitator_schedules_a_meeting()
    {
        var meeting = Convened();

        Refusal.Expect(meeting, ErrorCodes.Meetings.NotAFacilitator, () => meeting.Schedule(Tuesday, Duration.FromHours(1), Outsider, Start));
    }

    [Fact]
    public void Rescheduling_raises_the_calendar_sequence()
    {
        var meeting = Scheduled();

        meeting.Schedule(Tuesday + Duration.FromDays(1), Duration.FromHours(1), ChairOfSteering, Start);

        Assert.Equal(1, meeting.Sequence);
        Assert.Equal(Tuesday + Duration.FromDays(1), meeting.Start);
    }

    [Fact]
    public void The_agenda_fits_the_meeting()
    {
        var meeting = Scheduled();

        Refusal.Expect(meeting, ErrorCodes.Meetings.AgendaOverrun, () => meeting.AddAgendaItem(new AgendaItem(new AgendaKey("long"), "A long debate", AgendaItemKind.Discussion, Duration.FromMinutes(30)), ChairOfSteering, Start));
        Refusal.Expect(meeting, ErrorCodes.Meetings.AgendaOverrun, () => meeting.Schedule(Tuesday, Duration.FromMinutes(30), ChairOfSteering, Start));
    }

    [Fact]
    public void A_decision_item_links_its_proposal_and_links_it_once()
    {
        var meeting = Scheduled();

        Refusal.Expect(meeting, ErrorCodes.Meetings.InvalidAgendaItem, () => meeting.AddAgendaItem(new AgendaItem(new AgendaKey("vote"), "A vote", AgendaItemKind.Decision, Duration.FromMinutes(5)), ChairOfSteering, Start));
        Refusal.Expect(meeting, ErrorCodes.Meetings.InvalidAgendaItem, () => meeting.AddAgendaItem(new AgendaItem(new AgendaKey("again"), "Again", AgendaItemKind.Decision, Duration.FromMinutes(5), Proposal: ProposalNumber(1)), ChairOfSteering, Start));
        Refusal.Expect(meeting, ErrorCodes.Meetings.InvalidAgendaItem, () => meeting.AddAgendaItem(new AgendaItem(new AgendaKey("review"), "Review", AgendaItemKind.ActionReview, Duration.FromMinutes(5)), ChairOfSteering, Start));
    }

    [Fact]
    public void Attendance_is_recorded_from_the_start_of_the_meeting()
    {
        var meeting = Scheduled();

        Refusal.Expect(meeting, ErrorCodes.Meetings.NotStarted, () => meeting.RecordAttendance([new AttendanceEntry(Partner(4), AttendanceKind.Present)], ChairOfSteering, Tuesday - Duration.FromMinutes(1)));
    }

    [Fact]
    public void Attendance_names_invited_members_and_a_proxy_is_held_by_a_member_present()
    {
        var meeting = Scheduled();

        Refusal.Expect(meeting, ErrorCodes.Meetings.NotInvited, () => meeting.RecordAttendance([new AttendanceEntry(Partner(7), AttendanceKind.Present)], ChairOfSteering, Tuesday));
        Refusal.Expect(meeting, ErrorCodes.Meetings.NotInvited, () => meeting.RecordAttendance([new AttendanceEntry(Partner(4), AttendanceKind.Present), new AttendanceEntry(Partner(4), AttendanceKind.Apologies)], ChairOfSteering, Tuesday));
        Refusal.Expect(meeting, ErrorCodes.Meetings.NotInvited, () => meeting.RecordAttendance([new AttendanceEntry(Partner(6), AttendanceKind.ByProxy, Partner(5)), new AttendanceEntry(Partner(5), AttendanceKind.Apologies)], ChairOfSteering, Tuesday));
    }

    [Fact]
    public void A_meeting_is_adjourned_only_once_its_attendance_is_recorded()
    {
        var meeting = Scheduled();

        var error = Refusal.Expect(meeting, ErrorCodes.Meetings.NotStarted, () => meeting.Adjourn(ChairOfSteering, Tuesday + Duration.FromHours(1)));

        Assert.Contains("its attendance is recorded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Members_present_and_by_proxy_are_handed_to_a_proposal_the_agenda_links()
    {
        var meeting = Held();
        var proposal = Voting(DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembersPresent(Fraction.Half)), Members(9));

        proposal.RecordAttendance(meeting.PresentFor(proposal), ChairActor, Tuesday);

        Assert.Equal([Partner(4), Partner(5), Partner(6)], proposal.Present);
        Assert.Equal([Partner(4), Partner(5)], meeting.PresentFor(proposal, proxiesCount: false));
        Assert.Equal(AttendanceKind.ByProxy, meeting.AttendanceOf(Partner(6)));
        Assert.Equal(AttendanceKind.Absent, meeting.AttendanceOf(Partner(7)));
    }

    [Fact]
    public void Attendance_is_handed_only_to_proposals_on_the_agenda_and_only_for_their_voters()
    {
        var meeting = Held();
        var other = Proposal.Draft(ProposalNumber(2), new ProposalDraft(TheCoalition, MatterType.AdoptPolicyPosition, "Another", "Text.", Partner(1), DecisionRule.SimpleMajority(), [Chair]), For(1), Start);
        var recusing = Voting(DecisionRule.SimpleMajority(), Members(9));
        recusing.DeclareConflictOfInterest(Partner(5), "Our director is the candidate.", For(5), Start);

        Assert.True(Assert.Throws<CoalitionRuleException>(() => meeting.PresentFor(other)).Has(ErrorCodes.Meetings.NotOnAgenda));
        Assert.Equal([Partner(4), Partner(6)], meeting.PresentFor(recusing));
    }

    [Fact]
    public void Minutes_record_only_decisions_on_proposals_the_agenda_links()
    {
        var meeting = Held();
        var elsewhere = Admission with { Proposal = ProposalNumber(2) };

        Refusal.Expect(meeting, ErrorCodes.Meetings.NotOnAgenda, () => meeting.RecordMinutes(new Minutes([new MinutedDecision(new AgendaKey("admit"), elsewhere)], [], []), Coalition, ChairOfSteering, Tuesday + Duration.FromHours(2)));
    }

    [Fact]
    public void Minutes_cannot_cite_a_decision_taken_after_they_are_recorded()
    {
        var meeting = Held();
        var later = Admission with { DecidedAt = Tuesday + Duration.FromDays(1) };

        Refusal.Expect(meeting, ErrorCodes.Coalitions.DecisionRequired, () => meeting.RecordMinutes(new Minutes([new MinutedDecision(new AgendaKey("admit"), later)], [], []), Coalition, ChairOfSteering, Tuesday + Duration.FromHours(2)));
    }

    [Fact]
    public void An_action_item_is_owned_by_a_delegate_of_a_member_and_due_no_earlier_than_the_meeting()
    {
        var meeting = Held();
        var notADelegate = Action() with { OwnerPerson = Person(6) };

        Refusal.Expect(meeting, ErrorCodes.Meetings.InvalidAction, () => meeting.RecordMinutes(new Minutes([], [], [notADelegate]), Coalition, ChairOfSteering, Tuesday + Duration.FromHours(2)));
        Refusal.Expect(meeting, ErrorCodes.Meetings.InvalidAction, () => meeting.RecordMinutes(new Minutes([], [], [Action(dueDay: 9)]), Coalition, ChairOfSteering, Tuesday + Duration.FromHours(2)));
    }

    [Fact]
    public void An_action_item_is_open_then_overdue_until_it_is_done()
    {
        var meeting = Minuted();

        Assert.Equal(ActionStatus.Open, meeting.ActionsOn(new LocalDate(2026, 3, 20))[0].Status);
        Assert.Equal(ActionStatus.Overdue, meeting.ActionsOn(new LocalDate(2026, 3, 21))[0].Status);

        meeting.CompleteAction(new ActionKey("welcome-pack"), new LocalDate(2026, 3, 22), null, For(5), Instant.FromUtc(2026, 3, 22, 12, 0));

        Assert.Equal(ActionStatus.Overdue, meeting.ActionsOn(new LocalDate(2026, 3, 21))[0].Status);
        Assert.Equal(ActionStatus.Done, meeting.ActionsOn(new LocalDate(2026, 3, 22))[0].Status);
    }

    [Fact]
    public void Only_the_owner_or_a_facilitator_records_an_action_done()
    {
        var meeting = Minuted();

        Refusal.Expect(meeting, ErrorCodes.Meetings.NotAFacilitator, () => meeting.CompleteAction(new ActionKey("welcome-pack"), new LocalDate(2026, 3, 12), null, For(6), Instant.FromUtc(2026, 3, 12, 12, 0)));
        Refusal.Expect(meeting, ErrorCodes.Meetings.InvalidAction, () => meeting.CompleteAction(new ActionKey("welcome-pack"), new LocalDate(2026, 3, 13), null, For(5), Instant.FromUtc(2026, 3, 12, 12, 0)));
    }

    [Fact]
    public void Open_actions_are_carried_to_the_next_meeting_until_they_are_done()
    {
        var first = Minuted();
        var second = Meeting.Convene(NextMeeting, Plan(), Coalition, ChairOfSteering, Tuesday + Duration.FromDays(1), TheGovernance);
        second.Schedule(Instant.FromUtc(2026, 3, 24, 12, 0), Duration.FromHours(1), ChairOfSteering, Tuesday + Duration.FromDays(1));

        second.CarryForward(new AgendaKey("actions"), [first], Duration.FromMinutes(10), ChairOfSteering, Tuesday + Duration.FromDays(1));

        var review = Assert.Single(second.Agenda, i => i.Kind == AgendaItemKind.ActionReview);
        Assert.Equal(["welcome-pack", "visit"], review.Actions!.Select(a => a.Action.Key.Value));

        first.CompleteAction(new ActionKey("welcome-pack"), new LocalDate(2026, 3, 12), null, For(5), Instant.FromUtc(2026, 3, 12, 12, 0));
        first.CompleteAction(new ActionKey("visit"), new LocalDate(2026, 3, 12), null, For(4), Instant.FromUtc(2026, 3, 12, 12, 0));
        var third = Meeting.Convene(MeetingId.New(), Plan(), Coalition, ChairOfSteering, Tuesday + Duration.FromDays(3), TheGovernance);
        Refusal.Expect(third, ErrorCodes.Meetings.NoOpenActions, () => third.CarryForward(new AgendaKey("actions"), [first], Duration.FromMinutes(10), ChairOfSteering, Tuesday + Duration.FromDays(3)));
    }

    [Fact]
    public void A_postponed_meeting_sets_its_attendance_aside_and_is_scheduled_again()
    {
        var meeting = Scheduled();
        meeting.RecordAttendance([new AttendanceEntry(Partner(4), AttendanceKind.Present)], ChairOfSteering, Tuesday);

        meeting.Postpone("No quorum.", ChairOfSteering, Tuesday + Duration.FromMinutes(10));
        meeting.Schedule(Tuesday + Duration.FromDays(7), Duration.FromHours(1), ChairOfSteering, Tuesday + Duration.FromMinutes(20));

        Assert.Empty(meeting.Attendance);
        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);
        Assert.Null(meeting.Reason);
    }

    [Fact]
    public void A_held_meeting_cannot_be_cancelled()
    {
        var meeting = Held();

        Refusal.Expect(meeting, ErrorCodes.Meetings.InvalidTransition, () => meeting.Cancel("Too late.", ChairOfSteering, Tuesday + Duration.FromHours(2)));
    }

    [Fact]
    public void Every_step_refused_at_the_door_leaves_the_meeting_unchanged()
    {
        var meeting = Scheduled();

        Refusal.Expect(meeting, ErrorCodes.Kernel.ActorRequired, () => meeting.Schedule(Tuesday, Duration.FromHours(1), null!, Start));
        Refusal.Expect(meeting, ErrorCodes.Kernel.OutOfRange, () => meeting.Schedule(Tuesday, Duration.FromHours(1), ChairOfSteering, Instant.MaxValue));
        Refusal.Expect(meeting, ErrorCodes.Kernel.InvalidText, () => meeting.AddAgendaItem(new AgendaItem(default, "No key", AgendaItemKind.Discussion, Duration.FromMinutes(5)), ChairOfSteering, Start));
        Refusal.Expect(meeting, ErrorCodes.Kernel.InvalidText, () => meeting.Postpone(new string('x', 2_001), ChairOfSteering, Start));
        Refusal.Expect(meeting, ErrorCodes.Kernel.InvalidInput, () => meeting.RecordAttendance(null!, ChairOfSteering, Tuesday));
    }

    [Fact]
    public void A_stored_history_where_minutes_come_before_the_meeting_was_held_is_refused()
    {
        var events = Minuted().DequeueUncommittedEvents().Where(e => e is not MeetingAdjourned).ToArray();

        var error = Assert.Throws<StoredEventException>(() => Meeting.Rehydrate(events));

        Assert.Equal(ErrorCodes.Kernel.CorruptHistory, error.Code);
    }

    [Fact]
    public void A_stored_action_completed_twice_is_refused()
    {
        var meeting = Minuted();
        meeting.CompleteAction(new ActionKey("visit"), new LocalDate(2026, 3, 12), null, For(4), Instant.FromUtc(2026, 3, 12, 12, 0));
        var events = meeting.DequeueUncommittedEvents();

        Assert.Throws<StoredEventException>(() => Meeting.Rehydrate([.. events, events[^1]]));
    }

    [Fact]
    public void A_meeting_rebuilt_from_its_json_events_answers_as_the_original()
    {
        var meeting = Minuted();
        var stored = meeting.DequeueUncommittedEvents().Select(CoalitionsJson.SerializeEvent).ToArray();

        var rebuilt = Meeting.Rehydrate(stored.Select(CoalitionsJson.DeserializeEvent));

        Assert.Equal(Kit.ObservableState.Of(meeting), Kit.ObservableState.Of(rebuilt));
        Assert.Equal(MeetingStatus.Minuted, rebuilt.Status);
    }

    [Fact]
    public void Whatever_sequence_of_agenda_changes_is_accepted_the_agenda_time_is_the_sum_of_its_time_boxes_and_fits_the_meeting()
    {
        var gen = Gen.Int[0, 2].Select(Gen.Int[1, 40], Gen.Int[0, 5]).Array[1, 30];
        gen.Sample(steps =>
        {
            var meeting = Convened();
            meeting.Schedule(Tuesday, Duration.FromHours(2), ChairOfSteering, Start);
            foreach (var (kind, minutes, key) in steps)
            {
                try
                {
                    if (kind == 0)
                    {
                        meeting.RemoveAgendaItem(new AgendaKey($"item-{key}"), ChairOfSteering, Start);
                    }
                    else if (kind == 1)
                    {
                        meeting.AddAgendaItem(new AgendaItem(new AgendaKey($"item-{key}"), "An item", AgendaItemKind.Discussion, Duration.FromMinutes(minutes)), ChairOfSteering, Start);
                    }
                    else
                    {
                        meeting.Schedule(Tuesday, Duration.FromMinutes(15 * (1 + (minutes % 8))), ChairOfSteering, Start);
                    }
                }
                catch (CoalitionRuleException)
                {
                }
            }

            var sum = meeting.Agenda.Aggregate(Duration.Zero, (total, item) => total + item.TimeBox);
            return meeting.AgendaTime == sum && sum <= meeting.Length!.Value && meeting.Agenda.Select(i => i.Key).Distinct().Count() == meeting.Agenda.Count;
        }, iter: 200);
    }
}
