using Coalitions.Core.Communication;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Meetings;
using Coalitions.Core.Tests.Kit;
using NodaTime;

namespace Coalitions.Core.Tests.Docs;

public sealed partial class XmlExampleTests
{
    [Fact]
    public void The_examples_of_a_meeting_find_a_slot_convene_it_and_schedule_it_in_that_slot()
    {
        var coalition = MeetingScenario.Coalition;
        var governance = MeetingScenario.TheGovernance;
        var participants = MeetingScenario.Committee();
        var chairDelegate = MeetingScenario.ChairOfSteering;
        var facilitator = chairDelegate;
        var now = Scenario.Start;
        var Console = new StringWriter();

        var slots = MeetingSlots.Propose(new SlotSearch(participants, new LocalDate(2026, 3, 10), new LocalDate(2026, 3, 10), "Africa/Nairobi", Duration.FromHours(1)));
        Console.WriteLine(slots[0].Explain());
        Assert.Equal(slots[0].Explain() + Environment.NewLine, Console.ToString());

        var meeting = Meeting.Convene(MeetingId.New(),
            new MeetingPlan(coalition.Id, "Steering committee", MeetingFormat.Online, participants, [], Body: "steering-committee"),
            coalition, chairDelegate, now, governance);
        Assert.Equal(MeetingStatus.Planned, meeting.Status);

        meeting.Schedule(slots[0].Start, Duration.FromHours(1), facilitator, now);
        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);
        Assert.Equal(slots[0].Start, meeting.Start);
    }

    [Fact]
    public void The_example_of_an_agenda_item_puts_a_proposal_on_the_agenda()
    {
        var meeting = MeetingScenario.Convened();
        var facilitator = MeetingScenario.ChairOfSteering;
        var proposal = Scenario.Discussed(DecisionRule.SimpleMajority(), matter: MatterType.AdmitMember);
        var now = Scenario.Start;

        meeting.AddAgendaItem(new AgendaItem(new AgendaKey("admit"), "Admit Coast FM", AgendaItemKind.Decision, Duration.FromMinutes(20), Proposal: proposal.Id), facilitator, now);

        Assert.Equal(proposal.Id, Assert.Single(meeting.Agenda).Proposal);
    }

    [Fact]
    public void The_examples_of_a_held_meeting_record_attendance_and_minute_the_decision_taken()
    {
        var meeting = MeetingScenario.Scheduled();
        var coalition = MeetingScenario.Coalition;
        var facilitator = MeetingScenario.ChairOfSteering;
        var nairobi = Scenario.Partner(4);
        var geneva = Scenario.Partner(5);
        var now = MeetingScenario.Tuesday;

        meeting.RecordAttendance([new AttendanceEntry(nairobi, AttendanceKind.Present), new AttendanceEntry(geneva, AttendanceKind.Apologies)], facilitator, now);
        Assert.Equal(2, meeting.Attendance.Count);

        var proposal = Scenario.Discussed(DecisionRule.SimpleMajority().WithVotingPeriod(Duration.FromMinutes(30)), matter: MatterType.AdmitMember);
        proposal.OpenVoting(Scenario.Members(3), Scenario.ChairActor, now);
        proposal.CastBallot(Scenario.Partner(1), Stance.Support, null, Scenario.For(1), now);
        proposal.Close(Scenario.ChairActor, proposal.Deadline!.Value);
        meeting.Adjourn(facilitator, now + Duration.FromHours(1));
        var member = Scenario.Partner(5);
        var person = Scenario.Person(5);
        now += Duration.FromHours(2);

        meeting.RecordMinutes(new Minutes([new MinutedDecision(new AgendaKey("admit"), proposal.Reference!)], [],
            [new ActionItem(new ActionKey("welcome-pack"), "Send the welcome pack", member, person, new LocalDate(2026, 4, 1))]),
            coalition, facilitator, now);

        Assert.Equal(proposal.Reference, Assert.Single(meeting.Minutes!.Decisions).Decision);
    }

    [Fact]
    public void The_example_of_presence_for_a_proposal_records_the_members_present_at_the_meeting()
    {
        var meeting = MeetingScenario.Held();
        var proposal = Scenario.Voting(ProposalScenario.InMeeting, Scenario.Members(9));
        var facilitator = Scenario.ChairActor;
        var now = MeetingScenario.Tuesday;

        proposal.RecordAttendance(meeting.PresentFor(proposal), facilitator, now);

        Assert.Equal(meeting.PresentFor(proposal), proposal.Present);
    }

    [Fact]
    public void The_examples_of_a_meeting_series_and_calendars_begin_it_and_write_the_meetings_as_icalendar()
    {
        var coalition = MeetingScenario.Coalition;
        var governance = MeetingScenario.TheGovernance;
        var participants = MeetingScenario.Committee();
        var chairDelegate = MeetingScenario.ChairOfSteering;
        var now = Scenario.Start;

        var series = MeetingSeries.Begin(MeetingSeriesId.New(),
            new SeriesPlan(coalition.Id, "steering-committee", "Steering committee", MeetingFormat.Online, participants, [],
                new LocalDate(2026, 4, 14), new LocalTime(15, 0), Duration.FromHours(1)),
            coalition, governance, chairDelegate, now);
        Assert.Equal(SeriesStatus.Active, series.Status);

        var ics = MeetingCalendar.Write(series, new LocalDate(2026, 12, 31), now, "Asia/Kolkata");
        Assert.StartsWith("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VEVENT", ics, StringComparison.Ordinal);

        var meeting = MeetingScenario.Scheduled();
        File.WriteAllText("meeting.ics", MeetingCalendar.Write(meeting, now, "America/New_York"));
        try
        {
            Assert.Contains("BEGIN:VEVENT", File.ReadAllText("meeting.ics"), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete("meeting.ics");
        }
    }

    [Fact]
    public void The_example_of_preparing_for_an_outside_event_begins_the_preparation()
    {
        var coalition = MeetingScenario.Coalition;
        var coordinator = CoalitionScenario.Secretariat;
        var now = Scenario.Start;

        var preparation = EventPreparation.Begin(PreparationId.New(),
            new ExternalEvent("Education financing conference", "Geneva", "Europe/Zurich", new LocalDate(2026, 6, 15), new LocalDate(2026, 6, 17)),
            [], coalition, coordinator, now);

        Assert.Equal(PreparationStatus.Preparing, preparation.Status);
    }

    [Fact]
    public void The_examples_of_a_communication_plan_draft_it_adopt_it_by_decision_and_log_what_was_sent()
    {
        var coalition = MeetingScenario.Coalition;
        var governance = MeetingScenario.TheGovernance;
        var draft = CommunicationScenario.Draft();
        var coordinator = CoalitionScenario.Secretariat;
        var proposal = AdoptedProposal(MatterType.AdoptCommunicationPlan);
        var owner = CommunicationScenario.NewsletterOwner;
        var now = Scenario.Start;

        var plan = CommunicationPlan.Draft(CommunicationPlanId.New(), draft, coalition, coordinator, now);
        Assert.Equal(CommunicationPlanStatus.Draft, plan.Status);

        now = proposal.DecidedAt!.Value;
        plan.Adopt(governance, proposal.Reference, coalition, coordinator, now);
        Assert.Equal(CommunicationPlanStatus.Adopted, plan.Status);

        var today = new LocalDate(2026, 4, 1);
        now = CommunicationScenario.OnDay(4, 1);
        plan.RecordSent(new SentCommunication(new ChannelKey("newsletter"), today, "March newsletter", [new AudienceKey("members")]), coalition, owner, now);
        Assert.Equal("March newsletter", Assert.Single(plan.Log).Title);
    }
}
