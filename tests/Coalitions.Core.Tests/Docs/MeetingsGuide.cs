using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Meetings;
using Coalitions.Core.Partners;
using NodaTime;
using CoalitionAggregate = global::Coalitions.Core.Coalitions.Coalition;
using GovernanceAggregate = global::Coalitions.Core.Governance.CoalitionGovernance;

namespace Coalitions.Core.Tests.Docs;

/// <summary>
/// The code of docs/meetings.md. Each region between <c>#region snippet:NAME</c> and <c>#endregion</c> is copied into
/// the guide's block marked <c>&lt;!-- snippet: NAME --&gt;</c>; <see cref="MeetingsGuideTests"/> keeps both equal and
/// runs this code.
/// </summary>
public static class MeetingsGuide
{
    public static (Meeting Meeting, SlotProposal Slot) ConveneAndSchedule(
        CoalitionAggregate coalition, GovernanceAggregate governance, PartnerSnapshot nairobi, PartnerSnapshot geneva, PartnerSnapshot newYork, Actor chair, Instant now)
    {
        #region snippet:participants
        // Each participant takes the time zone of the member they represent (its partner profile) and has working hours.
        IReadOnlyList<MeetingParticipant> participants =
        [
            MeetingParticipant.From(nairobi, nairobi.Representatives[0], "Amina Otieno"),
            MeetingParticipant.From(geneva, geneva.Representatives[0], "Luca Rossi", new WorkingHours(new LocalTime(8, 30), new LocalTime(17, 30), [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday])),
            MeetingParticipant.From(newYork, newYork.Representatives[0], "Maya Chen"),
        ];
        #endregion

        #region snippet:slots
        // Slots on 10 March 2026 (counted on Nairobi's clock), best first: the most people within working hours,
        // then the smallest burden on any one of them.
        var slots = MeetingSlots.Propose(new SlotSearch(participants, new LocalDate(2026, 3, 10), new LocalDate(2026, 3, 10), "Africa/Nairobi", Duration.FromHours(1)));
        Console.WriteLine(slots[0].Explain());
        #endregion

        #region snippet:convene
        // The steering committee's chair convenes it (through its member's delegate), schedules it and sets the agenda.
        var meeting = Meeting.Convene(MeetingId.New(),
            new MeetingPlan(coalition.Id, "Steering committee", MeetingFormat.Online, participants, [], Body: "steering-committee", OnlineLink: "https://meet.example.org/steering"),
            coalition, chair, now, governance);
        meeting.Schedule(slots[0].Start, Duration.FromHours(1), chair, now);
        meeting.AddAgendaItem(new AgendaItem(new AgendaKey("report"), "Treasurer's report", AgendaItemKind.Report, Duration.FromMinutes(15), Report: "First quarter accounts"), chair, now);
        #endregion
        return (meeting, slots[0]);
    }

    public static void Attend(Meeting meeting, Proposal proposal, PartnerId[] present, PartnerId absent, Actor chair, Actor facilitatorOfProposal)
    {
        var start = meeting.Start!.Value;

        #region snippet:attendance
        // Attendance is recorded from the start; the members present (and, where the rule book counts them, those
        // represented by proxy) are handed to the proposal the agenda links, for its quorum of members present.
        meeting.AddAgendaItem(new AgendaItem(new AgendaKey("admit"), proposal.Title, AgendaItemKind.Decision, Duration.FromMinutes(20), Proposal: proposal.Id), chair, start - Duration.FromHours(1));
        meeting.RecordAttendance([.. present.Select(p => new AttendanceEntry(p, AttendanceKind.Present)), new AttendanceEntry(absent, AttendanceKind.Apologies)], chair, start);
        proposal.RecordAttendance(meeting.PresentFor(proposal), facilitatorOfProposal, start);
        #endregion
    }

    public static void Minute(Meeting meeting, Proposal proposal, CoalitionAggregate coalition, Actor chair, ActionItem action)
    {
        var start = meeting.Start!.Value;

        #region snippet:minutes
        // Once adjourned, the minutes record the decision (citing the proposal), notes and action items.
        meeting.Adjourn(chair, start + Duration.FromHours(1));
        meeting.RecordMinutes(
            new Minutes([new MinutedDecision(new AgendaKey("admit"), proposal.Reference!)], [new ItemNote(new AgendaKey("report"), "Spending is on track.")], [action]),
            coalition, chair, start + Duration.FromHours(2));
        foreach (var open in meeting.OpenActionsOn(action.Due.PlusDays(1)))
        {
            Console.WriteLine($"{open.Action.Description} is {open.Status}.");   // overdue the day after it was due
        }
        #endregion
    }

    public static Meeting CarryForward(Meeting previous, MeetingPlan plan, CoalitionAggregate coalition, GovernanceAggregate governance, Actor chair, Instant now)
    {
        #region snippet:carry
        // The next meeting reviews every action earlier meetings set and that is still open.
        var next = Meeting.Convene(MeetingId.New(), plan, coalition, chair, now, governance);
        next.CarryForward(new AgendaKey("actions"), [previous], Duration.FromMinutes(10), chair, now);
        #endregion
        return next;
    }

    public static (MeetingSeries Series, SeriesOccurrence Next) Series(CoalitionAggregate coalition, GovernanceAggregate governance, IReadOnlyList<MeetingParticipant> participants, Actor chair, Instant now)
    {
        #region snippet:series
        // The steering committee meets monthly (its cadence in the rule book): the series places each meeting in its
        // occurrence's window, in the slot that rotates the inconvenience to whoever has borne least.
        var series = MeetingSeries.Begin(MeetingSeriesId.New(),
            new SeriesPlan(coalition.Id, "steering-committee", "Steering committee", MeetingFormat.Online, participants, [], new LocalDate(2026, 4, 14), new LocalTime(16, 0), Duration.FromHours(1), SearchDays: 3),
            coalition, governance, chair, now);
        var proposal = series.ProposeNext(now);
        var next = series.ScheduleNext(MeetingId.New(), proposal.Slots[0].Start, chair, now);
        var meeting = Meeting.Convene(next.Meeting, series.PlanFor(next), coalition, chair, now, governance);
        meeting.Schedule(next.Start, next.Length, chair, now);
        #endregion
        return (series, next);
    }

    public static (string Meeting, string Series) Calendar(Meeting meeting, MeetingSeries series, Instant now)
    {
        #region snippet:calendar
        // iCalendar files: the meeting on a New York participant's clock, and the series through the year.
        var forNewYork = MeetingCalendar.Write(meeting, now, "America/New_York");
        var wholeYear = MeetingCalendar.Write(series, new LocalDate(2026, 12, 31), now);
        #endregion
        return (forNewYork, wholeYear);
    }

    public static Readiness Prepare(CoalitionAggregate coalition, Actor coordinator, PartnerId member, PersonId delegatePerson, MeetingId preMeeting, DecisionReference position, Instant now, Instant afterPreMeeting)
    {
        #region snippet:preparation
        // Preparing for an intergovernmental meeting: tasks counted back from its opening, the network's pre-meeting
        // two days before, a position resting on an adopted decision, and a readiness summary in words.
        var preparation = EventPreparation.Begin(PreparationId.New(),
            new ExternalEvent("Education financing conference", "Palais des Nations, Geneva", "Europe/Zurich", new LocalDate(2026, 6, 15), new LocalDate(2026, 6, 17)),
            [], coalition, coordinator, now);
        preparation.AddTask(new PreparationTask(new TaskKey("briefing"), "Write the briefing paper.", member, delegatePerson, Period.FromMonths(2)), coalition, coordinator, now);
        preparation.NameAttendee(new Attendee(member, delegatePerson, "Luca Rossi", NewParticipant: true), coalition, coordinator, now);
        preparation.TakePosition(new PositionKey("financing"), "Six percent of GDP for education", position, coalition, coordinator, now);
        preparation.PlanPreMeeting(preMeeting, new LocalDate(2026, 6, 13), coordinator, now);
        preparation.RecordPreMeeting(new PreMeetingOutcome(
            "The draft outcome drops the six percent target.",
            ["Keep the six percent target."],
            "Luca speaks in the opening plenary.",
            [new PreparationTask(new TaskKey("plenary"), "Deliver the statement.", member, delegatePerson, Period.Zero)],
            ["Statements are cleared by the spokesperson."],
            [delegatePerson]), coalition, coordinator, afterPreMeeting);
        var readiness = preparation.ReadinessOn(new LocalDate(2026, 6, 14));
        Console.WriteLine(readiness.Summary);
        #endregion
        return readiness;
    }
}
