using Coalitions.Core.Communication;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Meetings;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using CoalitionAggregate = global::Coalitions.Core.Coalitions.Coalition;
using GovernanceAggregate = global::Coalitions.Core.Governance.CoalitionGovernance;

namespace Coalitions.Core.Tests.Kit;

/// <summary>
/// The steering committee of the nine-member coalition (seats 1 to 3: members 4, 5 and 6; member 4 chairs and so convenes),
/// meeting across Nairobi (member 4), Geneva (member 5, whose tz id is Europe/Zurich) and New York (member 6).
/// </summary>
public static class MeetingScenario
{
    public const string Steering = "steering-committee";
    public const string Nairobi = "Africa/Nairobi";
    public const string Geneva = "Europe/Zurich";
    public const string NewYork = "America/New_York";

    public static readonly MeetingId TheMeeting = MeetingId.FromGuid(Guid.Parse("f0000000-0000-0000-0000-000000000001"));
    public static readonly MeetingId NextMeeting = MeetingId.FromGuid(Guid.Parse("f0000000-0000-0000-0000-000000000002"));
    public static readonly MeetingSeriesId TheSeries = MeetingSeriesId.FromGuid(Guid.Parse("f1000000-0000-0000-0000-000000000001"));
    public static readonly PreparationId ThePreparation = PreparationId.FromGuid(Guid.Parse("f2000000-0000-0000-0000-000000000001"));
    public static readonly CommunicationPlanId ThePlan = CommunicationPlanId.FromGuid(Guid.Parse("f3000000-0000-0000-0000-000000000001"));

    /// <summary>The chair of the steering committee (member 4), acting through its delegate: the committee's convenor.</summary>
    public static Actor ChairOfSteering => For(4);

    public static readonly CoalitionAggregate Coalition = GovernanceScenario.NineMembers();

    public static readonly GovernanceAggregate TheGovernance = Seated();

    /// <summary>Tuesday 10 March 2026, 12:00 UTC (15:00 in Nairobi).</summary>
    public static readonly Instant Tuesday = Instant.FromUtc(2026, 3, 10, 12, 0);

    public static MeetingParticipant Participant(int member, string zone, WorkingHours? hours = null) =>
        new(Partner(member), Person(member), $"Member {member}", zone, hours ?? WorkingHours.Office);

    public static IReadOnlyList<MeetingParticipant> Committee() => [Participant(4, Nairobi), Participant(5, Geneva), Participant(6, NewYork)];

    public static MeetingPlan Plan(MeetingFormat format = MeetingFormat.Online, string? location = null) =>
        new(TheCoalition, "Steering committee", format, Committee(), [Chair], Steering, location, "https://meet.example.org/steering", Purpose: "Monthly meeting of the steering committee.");

    public static Meeting Convened() => Meeting.Convene(TheMeeting, Plan(), Coalition, ChairOfSteering, Start, TheGovernance);

    /// <summary>Convened at <see cref="Start"/>, scheduled for <see cref="Tuesday"/> for an hour, with a decision item for proposal 1.</summary>
    public static Meeting Scheduled()
    {
        var meeting = Convened();
        meeting.AddAgendaItem(new AgendaItem(new AgendaKey("admit"), "Admit member 7", AgendaItemKind.Decision, Duration.FromMinutes(20), Proposal: ProposalNumber(1)), ChairOfSteering, Start);
        meeting.AddAgendaItem(new AgendaItem(new AgendaKey("budget"), "Treasurer's report", AgendaItemKind.Report, Duration.FromMinutes(15), Report: "First quarter accounts"), ChairOfSteering, Start);
        meeting.Schedule(Tuesday, Duration.FromHours(1), ChairOfSteering, Start);
        return meeting;
    }

    public static Meeting Held()
    {
        var meeting = Scheduled();
        meeting.RecordAttendance(
            [new AttendanceEntry(Partner(4), AttendanceKind.Present), new AttendanceEntry(Partner(5), AttendanceKind.Present), new AttendanceEntry(Partner(6), AttendanceKind.ByProxy, Partner(5))],
            ChairOfSteering, Tuesday);
        meeting.Adjourn(ChairOfSteering, Tuesday + Duration.FromHours(1));
        return meeting;
    }

    public static DecisionReference Admission => new(ProposalNumber(1), TheCoalition, MatterType.AdmitMember, DecisionResult.Adopted, Tuesday + Duration.FromMinutes(30));

    public static ActionItem Action(string key = "welcome-pack", int owner = 5, int dueDay = 20) =>
        new(new ActionKey(key), "Send member 7 the welcome pack.", Partner(owner), Person(owner), new LocalDate(2026, 3, dueDay), new AgendaKey("admit"));

    public static Meeting Minuted()
    {
        var meeting = Held();
        meeting.RecordMinutes(
            new Minutes([new MinutedDecision(new AgendaKey("admit"), Admission)], [new ItemNote(new AgendaKey("budget"), "Spending is on track.")], [Action(), Action("visit", 4, 31)], "A short meeting."),
            Coalition, ChairOfSteering, Tuesday + Duration.FromHours(2));
        return meeting;
    }

    public static SeriesPlan SeriesPlan(LocalDate? first = null, LocalTime? usual = null, int searchDays = 1) =>
        new(TheCoalition, Steering, "Steering committee", MeetingFormat.Online, Committee(), [Chair], first ?? new LocalDate(2026, 3, 10), usual ?? new LocalTime(17, 0), Duration.FromHours(1), SearchDays: searchDays);

    public static MeetingSeries Series(LocalDate? first = null, LocalTime? usual = null, int searchDays = 1) =>
        MeetingSeries.Begin(TheSeries, SeriesPlan(first, usual, searchDays), Coalition, TheGovernance, ChairOfSteering, Start);

    public static ExternalEvent Conference => new("Education financing conference", "Palais des Nations, Geneva", Geneva, new LocalDate(2026, 6, 15), new LocalDate(2026, 6, 17), "UNESCO");

    public static EventPreparation Preparation()
    {
        var preparation = EventPreparation.Begin(ThePreparation, Conference, [Person(4)], Coalition, Secretariat, Start);
        return preparation;
    }

    public static PreparationTask Task(string key, int monthsBefore, int owner = 5, int weeks = 0) =>
        new(new TaskKey(key), $"Task {key}.", Partner(owner), Person(owner), Period.FromMonths(monthsBefore) + Period.FromWeeks(weeks));

    public static Instant InGeneva(int year, int month, int day, int hour = 12) =>
        new LocalDateTime(year, month, day, hour, 0).InZoneStrictly(DateTimeZoneProviders.Tzdb[Geneva]).ToInstant();

    /// <summary>Every event type of the meetings and communication rooms, from real commands, with fixed ids.</summary>
    public static IReadOnlyList<IDomainEvent> SampleEvents()
    {
        var events = new List<IDomainEvent>();
        var minuted = Minuted();
        minuted.CompleteAction(new ActionKey("welcome-pack"), new LocalDate(2026, 3, 12), "Sent by email.", For(5), Tuesday + Duration.FromDays(3));
        events.AddRange(minuted.DequeueUncommittedEvents());

        var next = Meeting.Convene(NextMeeting, Plan(), Coalition, ChairOfSteering, Tuesday + Duration.FromDays(4), TheGovernance);
        next.AddAgendaItem(new AgendaItem(new AgendaKey("aob"), "Any other business", AgendaItemKind.Discussion, Duration.FromMinutes(5)), ChairOfSteering, Tuesday + Duration.FromDays(4));
        next.RemoveAgendaItem(new AgendaKey("aob"), ChairOfSteering, Tuesday + Duration.FromDays(4));
        next.CarryForward(new AgendaKey("actions"), [minuted], Duration.FromMinutes(10), ChairOfSteering, Tuesday + Duration.FromDays(4));
        next.Schedule(Tuesday + Duration.FromDays(35), Duration.FromHours(1), ChairOfSteering, Tuesday + Duration.FromDays(4));
        next.Postpone("The chair is travelling.", ChairOfSteering, Tuesday + Duration.FromDays(5));
        next.Cancel("Merged with the general assembly.", ChairOfSteering, Tuesday + Duration.FromDays(6));
        events.AddRange(next.DequeueUncommittedEvents().Skip(1));

        var series = Series();
        series.ScheduleNext(TheMeeting, Instant.FromUtc(2026, 3, 10, 13, 0), ChairOfSteering, Start);
        series.ChangeParticipants([Participant(4, Nairobi), Participant(5, Geneva)], Coalition, ChairOfSteering, Start + Duration.FromDays(9));
        series.Pause("Summer break.", ChairOfSteering, Start + Duration.FromDays(10));
        series.Resume(ChairOfSteering, Start + Duration.FromDays(11));
        series.End("The committee meets in the assembly instead.", ChairOfSteering, Start + Duration.FromDays(12));
        events.AddRange(series.DequeueUncommittedEvents());

        var preparation = Preparation();
        preparation.AddTask(Task("briefing-paper", 2), Coalition, Secretariat, Start);
        preparation.CompleteTask(new TaskKey("briefing-paper"), new LocalDate(2026, 3, 20), For(5), InGeneva(2026, 3, 20));
        preparation.NameAttendee(new Attendee(Partner(6), Person(6), "Member 6", NewParticipant: true), Coalition, Secretariat, Start);
        preparation.TakePosition(new PositionKey("financing"), "Six percent of GDP for education", CoalitionScenario.Adopted(MatterType.AdoptPolicyPosition), Coalition, Secretariat, Start);
        preparation.PlanPreMeeting(NextMeeting, new LocalDate(2026, 6, 13), Secretariat, Start);
        preparation.RecordPreMeeting(PreMeeting(), Coalition, Secretariat, InGeneva(2026, 6, 13, 18));
        preparation.Conclude("The statement was read in the plenary.", Secretariat, InGeneva(2026, 6, 19));
        events.AddRange(preparation.DequeueUncommittedEvents());
        var called = EventPreparation.Begin(PreparationId.FromGuid(Guid.Parse("f2000000-0000-0000-0000-000000000002")), Conference, [], Coalition, Secretariat, Start);
        called.Cancel("The conference was postponed.", Secretariat, Start + Duration.FromDays(1));
        events.AddRange(called.DequeueUncommittedEvents().Skip(1));

        var plan = CommunicationPlan.Draft(ThePlan, CommunicationScenario.Draft(), Coalition, Secretariat, Start);
        plan.Revise(CommunicationScenario.Draft("Communication plan 2026-2027"), Coalition, Secretariat, Start);
        plan.ScheduleContent(new ContentItem(new ContentKey("forum-reel"), CommunicationScenario.Social, new LocalDate(2026, 4, 20), "Reel for the county forum", [CommunicationScenario.Public], CommunicationScenario.Instagram, CommunicationScenario.Awareness, NextMeeting), Coalition, CommunicationScenario.SocialOwner, Start);
        plan.Adopt(TheGovernance, CommunicationScenario.Adoption, Coalition, Secretariat, Start);
        plan.RecordSent(new SentCommunication(CommunicationScenario.Social, new LocalDate(2026, 4, 20), "Reel for the county forum", [CommunicationScenario.Public], new ContentKey("forum-reel"), CommunicationScenario.Instagram, "https://example.org/reel"), Coalition, CommunicationScenario.SocialOwner, CommunicationScenario.OnDay(4, 20));
        plan.RecordMeasurement(CommunicationScenario.Reach, new LocalDate(2026, 4, 30), 2_400, Coalition, CommunicationScenario.SocialOwner, CommunicationScenario.OnDay(4, 30));
        plan.Amend(CommunicationScenario.Draft("Communication plan 2026-2027, amended"), TheGovernance, CommunicationScenario.Adoption, Coalition, Secretariat, CommunicationScenario.OnDay(5, 1));
        plan.Retire("Replaced by the 2027 plan.", Coalition, Secretariat, CommunicationScenario.OnDay(12, 31));
        events.AddRange(plan.DequeueUncommittedEvents());
        return events;
    }

    public static PreMeetingOutcome PreMeeting() => new(
        "The draft outcome document drops the target of six percent.",
        ["Keep the six percent target in the outcome document.", "Protect the line on girls' education."],
        "Member 5 speaks in the opening plenary; member 6 follows the drafting group.",
        [new PreparationTask(new TaskKey("plenary-statement"), "Deliver the statement in the opening plenary.", Partner(5), Person(5), Period.Zero)],
        ["Statements are cleared by the spokesperson.", "The group meets each evening at 19:00."],
        [Person(6)]);

    private static GovernanceAggregate Seated()
    {
        var governance = GovernanceScenario.With(GovernanceTemplates.AdvocacyCoalition(), Coalition);
        governance.Appoint(Steering, 1, GovernanceScenario.Candidate(4), Coalition, new LocalDate(2026, 3, 2), false, Secretariat, Start);
        governance.Appoint(Steering, 2, GovernanceScenario.Candidate(5), Coalition, new LocalDate(2026, 3, 2), false, Secretariat, Start);
        governance.Appoint(Steering, 3, GovernanceScenario.Candidate(6), Coalition, new LocalDate(2026, 3, 2), false, Secretariat, Start);
        governance.AssignOffice(Steering, Office.Chair, Partner(4), Coalition, Secretariat, Start);
        return governance;
    }
}
