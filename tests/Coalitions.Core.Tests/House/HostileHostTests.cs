using Coalitions.Core.Agreements;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Communication;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Meetings;
using Coalitions.Core.Memberships;
using Coalitions.Core.Partners;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.GovernanceScenario;
using static Coalitions.Core.Tests.Kit.PartnerScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using AgreementAggregate = global::Coalitions.Core.Agreements.Agreement;
using CoalitionAggregate = global::Coalitions.Core.Coalitions.Coalition;
using GovernanceAggregate = global::Coalitions.Core.Governance.CoalitionGovernance;
using PartnerAggregate = global::Coalitions.Core.Partners.Partner;
using PollAggregate = global::Coalitions.Core.Polls.Poll;
using ProposalAggregate = global::Coalitions.Core.Decisions.Proposal;

namespace Coalitions.Core.Tests.House;

/// <summary>
/// Every command of every aggregate, called by a hostile host with real and hostile values in random sequences:
/// each either succeeds or is refused with a coded error; a refusal changes nothing; and what succeeded is stored as
/// JSON and read back into the same state.
/// </summary>
public class HostileHostTests
{
    public static TheoryData<HostileCase> Cases() => new(HostileCases.All);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_command_succeeds_or_is_refused_with_a_code_and_a_refusal_changes_nothing(HostileCase attack)
    {
        var failures = HostileHost.Attack(attack, sequences: 150, length: 12, seed: 20261201);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}

/// <summary>The aggregates under attack, each with its seed states and value pool. A new aggregate adds its case here.</summary>
public static class HostileCases
{
    public static IEnumerable<HostileCase> All =>
    [
        Partner,
        Proposal,
        Coalition,
        CoalitionGovernance,
        Outreach,
        Agreement,
        Poll,
        Meeting,
        MeetingSeries,
        EventPreparation,
        CommunicationPlan,
        JointWorkHostileCases.Pledge,
        JointWorkHostileCases.PooledFund,
        JointWorkHostileCases.Initiative,
        JointWorkHostileCases.Indicator,
        JointWorkHostileCases.Library,
        .. AdvocacyHostileCases.All,
    ];

    private static Instant[] MeetingInstants => [Start, Hours(24), MeetingScenario.Tuesday, MeetingScenario.Tuesday + Duration.FromHours(1), MeetingScenario.Tuesday + Duration.FromDays(3), MeetingScenario.InGeneva(2026, 6, 13, 18), MeetingScenario.InGeneva(2026, 6, 19)];

    public static HostileCase Meeting => new(
        "Meeting",
        () =>
        {
            var planned = MeetingScenario.Convened();
            var scheduled = MeetingScenario.Scheduled();
            var held = MeetingScenario.Held();
            var minuted = MeetingScenario.Minuted();
            var postponed = MeetingScenario.Scheduled();
            postponed.Postpone("The chair is travelling.", MeetingScenario.ChairOfSteering, Hours(2));
            return [.. new[] { planned, scheduled, held, minuted, postponed }.Select(m => m.DequeueUncommittedEvents())];
        },
        history => Core.Meetings.Meeting.Rehydrate(history),
        new ValuePool()
            .Add(MeetingScenario.ChairOfSteering, MeetingScenario.ChairOfSteering, MeetingScenario.ChairOfSteering, ChairActor, Secretariat, For(5), For(6), Actor.System("scheduler"))
            .Add(MeetingScenario.TheMeeting, MeetingScenario.NextMeeting)
            .Add(MeetingScenario.Plan(), MeetingScenario.Plan(MeetingFormat.Hybrid, "Nairobi office"))
            .Add(MeetingScenario.Coalition, MeetingScenario.Coalition, Founded())
            .Add(MeetingScenario.TheGovernance)
            .Add(MeetingInstants)
            .Add(Duration.FromHours(1), Duration.FromMinutes(30), Duration.FromMinutes(10))
            .Add(new AgendaItem(new AgendaKey("aob"), "Any other business", AgendaItemKind.Discussion, Duration.FromMinutes(5)),
                new AgendaItem(new AgendaKey("admit"), "Admit member 7", AgendaItemKind.Decision, Duration.FromMinutes(20), Proposal: ProposalNumber(1)),
                new AgendaItem(new AgendaKey("poll"), "Choose the theme", AgendaItemKind.Poll, Duration.FromMinutes(10), Poll: Core.Polls.PollId.FromGuid(Guid.Parse("e1000000-0000-0000-0000-000000000001"))))
            .Add(new AgendaKey("aob"), new AgendaKey("admit"), new AgendaKey("actions"))
            .Add<IReadOnlyList<Core.Meetings.Meeting>>(_ => [MeetingScenario.Minuted()])
            .Add<IReadOnlyList<AttendanceEntry>>(
                [new AttendanceEntry(Partner(4), AttendanceKind.Present), new AttendanceEntry(Partner(5), AttendanceKind.Apologies)],
                [new AttendanceEntry(Partner(4), AttendanceKind.Present), new AttendanceEntry(Partner(6), AttendanceKind.ByProxy, Partner(4))],
                [new AttendanceEntry(Partner(7), AttendanceKind.Present)])
            .Add(new Minutes([new MinutedDecision(new AgendaKey("admit"), MeetingScenario.Admission)], [], [MeetingScenario.Action()]),
                new Minutes([], [new ItemNote(new AgendaKey("budget"), "On track.")], [MeetingScenario.Action("late", dueDay: 1)]))
            .Add(new ActionKey("welcome-pack"), new ActionKey("visit"), new ActionKey("none"))
            .Add(new LocalDate(2026, 3, 12), new LocalDate(2026, 3, 1), new LocalDate(2026, 4, 1))
            .Add("Sent.", "The chair is ill."));

    public static HostileCase MeetingSeries => new(
        "MeetingSeries",
        () =>
        {
            var fresh = MeetingScenario.Series();
            var scheduled = MeetingScenario.Series();
            scheduled.ScheduleNext(MeetingScenario.TheMeeting, Instant.FromUtc(2026, 3, 10, 13, 0), MeetingScenario.ChairOfSteering, Start);
            var paused = MeetingScenario.Series();
            paused.Pause("Summer.", MeetingScenario.ChairOfSteering, Start);
            var ended = MeetingScenario.Series();
            ended.End(null, MeetingScenario.ChairOfSteering, Start);
            return [.. new[] { fresh, scheduled, paused, ended }.Select(m => m.DequeueUncommittedEvents())];
        },
        history => Core.Meetings.MeetingSeries.Rehydrate(history),
        new ValuePool()
            .Add(MeetingScenario.ChairOfSteering, MeetingScenario.ChairOfSteering, ChairActor, Secretariat, For(5), Actor.System("scheduler"))
            .Add(MeetingScenario.TheSeries)
            .Add(MeetingScenario.TheMeeting, MeetingScenario.NextMeeting)
            .Add(MeetingScenario.SeriesPlan(), MeetingScenario.SeriesPlan(new LocalDate(2026, 3, 31)), MeetingScenario.SeriesPlan(searchDays: 3))
            .Add(MeetingScenario.Coalition, MeetingScenario.Coalition, Founded())
            .Add(MeetingScenario.TheGovernance)
            .Add(Start, Hours(24), Instant.FromUtc(2026, 3, 10, 13, 0), Instant.FromUtc(2026, 4, 10, 13, 0), Instant.FromUtc(2026, 3, 11, 13, 0))
            .Add<IReadOnlyList<MeetingParticipant>>([.. MeetingScenario.Committee()], [MeetingScenario.Participant(4, MeetingScenario.Nairobi)], [MeetingScenario.Participant(9, "Asia/Kolkata")])
            .Add("Summer break."));

    public static HostileCase EventPreparation => new(
        "EventPreparation",
        () =>
        {
            var fresh = MeetingScenario.Preparation();
            var working = MeetingScenario.Preparation();
            working.AddTask(MeetingScenario.Task("briefing-paper", 2), MeetingScenario.Coalition, Secretariat, Start);
            working.NameAttendee(new Attendee(Partner(6), Person(6), "Member 6", true), MeetingScenario.Coalition, Secretariat, Start);
            working.PlanPreMeeting(MeetingScenario.NextMeeting, new LocalDate(2026, 6, 13), Secretariat, Start);
            var cancelled = MeetingScenario.Preparation();
            cancelled.Cancel(null, Secretariat, Start);
            return [.. new[] { fresh, working, cancelled }.Select(m => m.DequeueUncommittedEvents())];
        },
        history => Core.Meetings.EventPreparation.Rehydrate(history),
        new ValuePool()
            .Add(Secretariat, Secretariat, Secretariat, Actor.ForPerson(Person(4)), For(5), For(6), Actor.System("scheduler"))
            .Add(MeetingScenario.ThePreparation)
            .Add(MeetingScenario.Conference, MeetingScenario.Conference with { Opens = new LocalDate(2026, 3, 1) })
            .Add<IReadOnlyList<PersonId>>([Person(4)], [])
            .Add(MeetingScenario.Coalition, MeetingScenario.Coalition, Founded())
            .Add(MeetingInstants)
            .Add(MeetingScenario.Task("briefing-paper", 2), MeetingScenario.Task("visa", 1, 6), MeetingScenario.Task("late", 0, 7))
            .Add(new TaskKey("briefing-paper"), new TaskKey("visa"), new TaskKey("none"))
            .Add(new LocalDate(2026, 3, 20), new LocalDate(2026, 6, 13), new LocalDate(2026, 6, 1))
            .Add(new Attendee(Partner(6), Person(6), "Member 6", true), new Attendee(Partner(5), Person(5), "Member 5", false), new Attendee(Partner(5), Person(6), "Member 6", false))
            .Add(new PositionKey("financing"))
            .Add("Six percent for education", "Postponed.")
            .Add(Adopted(MatterType.AdoptPolicyPosition), Adopted(MatterType.AmendCharter), Adopted(MatterType.IssuePublicStatement, result: DecisionResult.Rejected))
            .Add(MeetingScenario.NextMeeting)
            .Add(MeetingScenario.PreMeeting()));

    public static HostileCase CommunicationPlan => new(
        "CommunicationPlan",
        () =>
        {
            var draft = Core.Communication.CommunicationPlan.Draft(MeetingScenario.ThePlan, CommunicationScenario.Draft(), MeetingScenario.Coalition, Secretariat, Start);
            var adopted = Core.Communication.CommunicationPlan.Draft(MeetingScenario.ThePlan, CommunicationScenario.Draft(), MeetingScenario.Coalition, Secretariat, Start);
            adopted.Adopt(MeetingScenario.TheGovernance, CommunicationScenario.Adoption, MeetingScenario.Coalition, Secretariat, Start);
            adopted.RecordSent(new SentCommunication(CommunicationScenario.Newsletter, new LocalDate(2026, 4, 1), "April newsletter", [CommunicationScenario.Members]), MeetingScenario.Coalition, CommunicationScenario.NewsletterOwner, CommunicationScenario.OnDay(4, 2));
            var retired = Core.Communication.CommunicationPlan.Draft(MeetingScenario.ThePlan, CommunicationScenario.Draft(), MeetingScenario.Coalition, Secretariat, Start);
            retired.Retire(null, MeetingScenario.Coalition, Secretariat, Start);
            return [.. new[] { draft, adopted, retired }.Select(m => m.DequeueUncommittedEvents())];
        },
        history => Core.Communication.CommunicationPlan.Rehydrate(history),
        new ValuePool()
            .Add(Secretariat, Secretariat, CommunicationScenario.NewsletterOwner, CommunicationScenario.SocialOwner, For(7), Actor.System("scheduler"))
            .Add(MeetingScenario.ThePlan)
            .Add(CommunicationScenario.Draft(), CommunicationScenario.Draft("Amended"))
            .Add(MeetingScenario.Coalition, MeetingScenario.Coalition, Founded())
            .Add<IRuleBook>(MeetingScenario.TheGovernance, OpenDoor)
            .Add(CommunicationScenario.Adoption, Adopted(MatterType.AmendCharter))
            .Add(Start, CommunicationScenario.OnDay(4, 2), CommunicationScenario.OnDay(4, 30), CommunicationScenario.OnDay(6, 1))
            .Add(new ContentItem(new ContentKey("forum-reel"), CommunicationScenario.Social, new LocalDate(2026, 4, 20), "Reel", [CommunicationScenario.Public], CommunicationScenario.Instagram, CommunicationScenario.Awareness),
                new ContentItem(new ContentKey("april"), CommunicationScenario.Newsletter, new LocalDate(2026, 4, 1), "April newsletter", [CommunicationScenario.Members]))
            .Add(new SentCommunication(CommunicationScenario.Newsletter, new LocalDate(2026, 4, 1), "April newsletter", [CommunicationScenario.Members], new ContentKey("april")),
                new SentCommunication(CommunicationScenario.Social, new LocalDate(2026, 4, 20), "Reel", [CommunicationScenario.Public], new ContentKey("forum-reel"), CommunicationScenario.Instagram))
            .Add(CommunicationScenario.Reach, CommunicationScenario.Signatures)
            .Add(new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 30))
            .Add(100L, 2_400L)
            .Add("Replaced."));

    private static readonly Coordinator Deputy = new(Person(801), "Baraka Mwangi");

    private static Instant[] Instants => [Start, Hours(1), Hours(2), Hours(24), Hours(48), Hours(24 * 40)];

    public static HostileCase Partner => new(
        "Partner",
        () =>
        {
            var one = PartnerAggregate.Register(Scenario.Partner(1), Profile(), Rep(1), For(1), Start);
            var two = PartnerAggregate.Register(Scenario.Partner(1), Profile(), Rep(1), For(1), Start);
            two.AddRepresentative(Rep(2, RepresentativeRole.Alternate), For(1), Hours(1));
            return [one.DequeueUncommittedEvents(), two.DequeueUncommittedEvents()];
        },
        history => PartnerAggregate.Rehydrate(history),
        new ValuePool()
            .Add(For(1), For(2), Actor.Representing(Person(2), Scenario.Partner(1)), Actor.ForPerson(Person(1)))
            .Add(Scenario.Partner(1), Scenario.Partner(2))
            .Add(Person(1), Person(2), Person(3))
            .Add(Instants)
            .Add(Profile(), Profile(region: "Coast"))
            .Add(Rep(1), Rep(2), Rep(3, RepresentativeRole.Contact)));

    public static HostileCase Proposal => new(
        "Proposal",
        ProposalScenario.Histories,
        history => ProposalAggregate.Rehydrate(history),
        ProposalScenario.Pool());

    public static HostileCase Poll => new(
        "Poll",
        PollScenario.Histories,
        history => PollAggregate.Rehydrate(history),
        PollScenario.Pool());

    public static HostileCase Coalition => new(
        "Coalition",
        () =>
        {
            var exploring = Founded();

            var forming = Founded();
            forming.BeginForming(Secretariat, Start);
            forming.AdoptCharter(Charter(), null, Secretariat, Start);
            forming.Join(1);
            forming.Join(2);
            forming.Invite(3, MembershipTier.Founding, Hours(1));
            forming.AppointCoordinator(Deputy, null, Secretariat, Hours(1));

            var active = ActiveWith(founders: 3);
            active.Join(4, MembershipTier.Full, Hours(1), weight: 3);
            active.Invite(5, MembershipTier.Associate, Hours(1));
            active.Suspend(Partner(2), Adopted(MatterType.SuspendMember), Secretariat, Hours(2));
            active.AppointCoordinator(Deputy, Adopted(MatterType.ElectOfficers), Secretariat, Hours(2));

            var dissolving = ActiveWith(founders: 3);
            dissolving.Withdraw(Partner(3), "Merged.", For(3), Hours(1));
            dissolving.BeginDissolution(Adopted(MatterType.Dissolve), Secretariat, Hours(2));
            return [exploring.DequeueUncommittedEvents(), forming.DequeueUncommittedEvents(), active.DequeueUncommittedEvents(), dissolving.DequeueUncommittedEvents()];
        },
        history => CoalitionAggregate.Rehydrate(history),
        new ValuePool()
            // Mostly the people who may act (the coordinators, the delegates of members 3 to 5), so sequences get past the door.
            .Add(Secretariat, Secretariat, Secretariat, Secretariat, Actor.ForPerson(Person(801)), For(1), For(3), For(4), For(4), For(5), Actor.Representing(Person(40), Partner(4)), Actor.System("scheduler"))
            .Add(Partner(2), Partner(3), Partner(4), Partner(4), Partner(5), Partner(6))
            .Add(Person(800), Person(801), Person(4), Person(40))
            .Add(TheCoalition)
            .Add(Instants)
            .Add(OnDate(2027, 4, 15), OnDate(2027, 9, 1))
            .Add("Learning for All", "Africa/Nairobi", "Not this year.")
            .Add(3, 2)
            .Add(Convenor, Deputy, new Coordinator(Person(802), "Chiara Okafor"))
            .Add(Charter())
            .Add(RightsTable.Default)
            .Add(MembershipTerms.Default, new MembershipTerms(Period.FromMonths(6), Period.Zero))
            .Add(Offer(4), Offer(5, MembershipTier.Founding), Offer(6, weight: 2), new MembershipOffer(Partner(4), MembershipTier.Full, [Person(4), Person(40)]))
            .Add(Member(4), Member(5), Member(6), WithTwoDelegates, WithTwoDelegates)
            .Add<IReadOnlyList<PersonId>>([Person(4)], [Person(40)], [Person(4), Person(40)])
            .Add(OpenDoor, OpenDoor, AdmissionByDecision, new RuleBookOf(CoalitionId.New()))
            .Add(Adopted(MatterType.AdmitMember), Adopted(MatterType.SuspendMember), Adopted(MatterType.ExpelMember), Adopted(MatterType.AmendCharter),
                Adopted(MatterType.Dissolve), Adopted(MatterType.ElectOfficers), Adopted(MatterType.Dissolve, result: DecisionResult.Rejected)));

    public static HostileCase CoalitionGovernance => new(
        "Governance",
        () =>
        {
            var coalition = NineMembers();
            var fresh = With(GovernanceTemplates.AdvocacyCoalition(), coalition);

            var seated = With(GovernanceTemplates.AdvocacyCoalition(), coalition);
            seated.Appoint(Steering, 1, Candidate(4), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1));
            seated.Appoint(Steering, 2, Candidate(5), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1));
            seated.Appoint(Steering, 3, Candidate(6), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1));
            seated.AssignOffice(Steering, Office.Chair, Partner(4), coalition, Secretariat, Hours(2));
            seated.SetRotation(Steering, Office.Chair, [Partner(4), Partner(5), Partner(6)], coalition, Secretariat, Hours(2));
            seated.Vacate(Steering, 3, Day(2027, 1, 1), "Resigned.", coalition, Secretariat, Hours(3));

            var chambers = With(GovernanceTemplates.MultiStakeholderPlatform(), coalition);
            chambers.AssignChamber(Partner(4), "social", "north", coalition, Secretariat, Hours(1));
            chambers.Appoint("board", 4, Candidate(4), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1));
            return [fresh.DequeueUncommittedEvents(), seated.DequeueUncommittedEvents(), chambers.DequeueUncommittedEvents()];
        },
        history => GovernanceAggregate.Rehydrate(history),
        new ValuePool()
            .Add(Nine, Nine, Nine, Founded(), CoalitionAggregate.Found(CoalitionId.New(), "Another coalition", CoalitionForm.Alliance, "Africa/Nairobi", Convenor, Secretariat, Start))
            .Add(Secretariat, Secretariat, Secretariat, Secretariat, For(4), For(5), For(6), For(9), Actor.System("scheduler"))
            .Add(Partner(4), Partner(5), Partner(6), Partner(7), Partner(9))
            .Add(Instants)
            .Add(Day(2026, 3, 2), Day(2027, 1, 1), Day(2028, 3, 2))
            .Add(Steering, Steering, Steering, "general-assembly", "secretariat", "board", "social", "north", "Resigned.")
            .Add(GovernanceTemplates.Bodies.SteeringCommittee, GovernanceTemplates.Bodies.SteeringCommittee, GovernanceTemplates.Bodies.GeneralAssembly, GovernanceTemplates.Bodies.Secretariat, GovernanceTemplates.Bodies.Board)
            .Add(1, 2, 3, 4, 7)
            .Add(Candidate(2), Candidate(4), Candidate(5), Candidate(7), Candidate(8))
            .Add<IReadOnlyList<PartnerSnapshot>>([Candidate(4), Candidate(5)], [Candidate(7)], [Candidate(5), Candidate(5)])
            .Add<IReadOnlyList<PartnerId>>([Partner(4), Partner(5), Partner(6)], [Partner(7)])
            .Add(new BodyDefinition("reading-group", "Reading working group", BodyKind.WorkingGroup, [], 5, [], [Office.Facilitator], Period.FromYears(1), Topic: "Reading"))
            .Add(new RuleBookEntry("general-assembly", DecisionRule.TwoThirdsMajority()), new RuleBookEntry("steering-committee", DecisionRule.SimpleMajority(), SecondersRequired: 1))
            .Add(GovernanceTemplates.AdvocacyCoalition(), GovernanceTemplates.LooseNetwork())
            .Add(Adopted(MatterType.AmendCharter), Adopted(MatterType.ApproveBudget)));

    public static HostileCase Outreach => new(
        "Outreach",
        () =>
        {
            var coalition = Founded();
            var identified = Core.Partners.Outreach.Identify(TheOutreach, Partner(5), Day(2026, 3, 2), "County forum.", coalition, Secretariat, Start);

            var met = Core.Partners.Outreach.Identify(TheOutreach, Partner(5), Day(2026, 3, 2), null, coalition, Secretariat, Start);
            met.Record(OutreachStage.Contacted, Day(2026, 3, 3), null, coalition, Secretariat, Hours(1));
            met.Record(OutreachStage.Met, Day(2026, 3, 10), "Good meeting.", coalition, Secretariat, Hours(2));

            var dormant = Core.Partners.Outreach.Identify(TheOutreach, Partner(5), Day(2026, 3, 2), null, coalition, Secretariat, Start);
            dormant.Record(OutreachStage.Contacted, Day(2026, 3, 3), null, coalition, Secretariat, Hours(1));
            dormant.Record(OutreachStage.Dormant, Day(2026, 4, 1), "Director on leave.", coalition, Secretariat, Hours(2));

            var declined = Core.Partners.Outreach.Identify(TheOutreach, Partner(5), Day(2026, 3, 2), null, coalition, Secretariat, Start);
            declined.Record(OutreachStage.Contacted, Day(2026, 3, 3), null, coalition, Secretariat, Hours(1));
            declined.Record(OutreachStage.Declined, Day(2026, 3, 5), "No capacity.", coalition, Secretariat, Hours(2));
            return [identified.DequeueUncommittedEvents(), met.DequeueUncommittedEvents(), dormant.DequeueUncommittedEvents(), declined.DequeueUncommittedEvents()];
        },
        history => Core.Partners.Outreach.Rehydrate(history),
        new ValuePool()
            .Add(Founded(), Founded(), Founded(), CoalitionAggregate.Found(CoalitionId.New(), "Another coalition", CoalitionForm.Alliance, "Africa/Nairobi", Convenor, Secretariat, Start))
            .Add(Secretariat, Secretariat, Secretariat, ChairActor, For(5), Actor.System("scheduler"))
            .Add(TheOutreach)
            .Add(Partner(5), Partner(6))
            .Add(Instants)
            .Add(Day(2026, 3, 2), Day(2026, 3, 20), Day(2026, 6, 1))
            .Add("Called the director.", "Back in touch."));

    private const string Steering = "steering-committee";

    // One coalition of nine, read by every governance command of the attack (commands never change it).
    private static readonly CoalitionAggregate Nine = NineMembers();

    private static OutreachId TheOutreach => OutreachId.FromGuid(Guid.Parse("e0000000-0000-0000-0000-000000000001"));

    private static PartnerSnapshot WithTwoDelegates => new(Partner(4), Profile("Member 4"), [Person(4), Person(40)]);
    public static HostileCase Agreement => new(
        "Agreement",
        () =>
        {
            var drafted = AgreementScenario.Drafted();
            var circulating = AgreementScenario.Circulating();
            var partlySigned = AgreementScenario.Circulating();
            partlySigned.Sign(Scenario.Partner(1), For(1), Hours(1));
            partlySigned.Sign(Scenario.Partner(2), For(2), Hours(2));
            var inForce = AgreementScenario.SignedByAll();
            inForce.RecordFulfilment("secretariat-time", new LocalDate(2026, 4, 20), "Post filled.", For(1), AgreementScenario.OnUtc(2026, 4, 21));
            var noticeGiven = AgreementScenario.SignedByAll();
            noticeGiven.GiveNotice(Scenario.Partner(3), "Funding ended.", For(3), AgreementScenario.OnUtc(2026, 6, 15));
            var amending = AgreementScenario.SignedByAll(amendmentsNeedDecision: true);
            amending.ProposeAmendment(AgreementScenario.Text("Member 3 hosts the secretariat."), CoalitionScenario.Adopted(MatterType.AmendAgreement), For(2), AgreementScenario.OnUtc(2026, 5, 1));
            amending.Sign(Scenario.Partner(1), For(1), AgreementScenario.OnUtc(2026, 5, 2));
            var terminated = AgreementScenario.SignedByAll();
            terminated.Terminate("The coalition dissolved.", CoalitionScenario.Adopted(MatterType.Dissolve), For(1), AgreementScenario.OnUtc(2026, 7, 1));
            var notYetInForce = AgreementAggregate.Draft(AgreementScenario.TheAgreement, WithOutsidePartner(), AgreementScenario.Founders(), For(1), Start);
            notYetInForce.Circulate(For(1), Hours(1));
            notYetInForce.Sign(Scenario.Partner(1), For(1), Hours(2));
            notYetInForce.Sign(Scenario.Partner(5), For(5), Hours(3));
            return [.. new[] { drafted, circulating, partlySigned, inForce, noticeGiven, amending, terminated, notYetInForce }.Select(a => a.DequeueUncommittedEvents())];
        },
        history => AgreementAggregate.Rehydrate(history),
        new ValuePool()
            // The parties' own signatories come up most often, so that commands get past who may act to what they check next.
            .Add(For(1), For(1), For(1), For(2), For(2), For(3), For(3), For(4), For(5), Actor.ForPerson(Person(1)), Actor.Representing(Person(2), Scenario.Partner(1)), Actor.System("scheduler"))
            .Add(Scenario.Partner(1), Scenario.Partner(1), Scenario.Partner(2), Scenario.Partner(3), Scenario.Partner(4), Scenario.Partner(5))
            .Add(AgreementScenario.TheAgreement)
            .Add(_ => AgreementId.New())
            .Add(Start, Hours(1), Hours(24), AgreementScenario.OnUtc(2026, 5, 1), AgreementScenario.OnUtc(2026, 12, 15), AgreementScenario.OnUtc(2027, 2, 1), AgreementScenario.OnUtc(2027, 6, 1), AgreementScenario.OnUtc(2028, 1, 1))
            .Add(new LocalDate(2026, 4, 20), new LocalDate(2026, 6, 1), new LocalDate(2027, 1, 1))
            .Add("secretariat-time", "reading-fund", "baseline-study", "no-such", "Funding ended.", "Post filled.")
            .Add(
                AgreementScenario.Text(),
                AgreementScenario.Text("Member 2 hosts the secretariat."),
                AgreementScenario.Text() with { Terms = AgreementScenario.Terms() with { EffectiveUntil = new LocalDate(2029, 3, 1) } },
                AgreementScenario.Text() with { Terms = AgreementScenario.Terms() with { EffectiveFrom = new LocalDate(2026, 4, 1) } },
                WithOutsidePartner().Text)
            .Add(
                AgreementScenario.Mou(),
                AgreementScenario.Mou(amendmentsNeedDecision: true),
                WithOutsidePartner(),
                WithOutsidePartner() with { Parties = [AgreementScenario.Party(1), AgreementScenario.Party(5)] })
            .Add(AgreementScenario.Founders())
            .Add(
                CoalitionScenario.Adopted(MatterType.AmendAgreement),
                CoalitionScenario.Adopted(MatterType.Dissolve),
                CoalitionScenario.Adopted(MatterType.AmendCharter),
                CoalitionScenario.Adopted(MatterType.AmendAgreement, result: DecisionResult.Rejected),
                new DecisionReference(ProposalNumber(8), TheCoalition, MatterType.AmendAgreement, DecisionResult.Adopted, AgreementScenario.OnUtc(2027, 1, 1)))
            .Add(AgreementScenario.Clauses().ToArray())
            .Add(AgreementScenario.Commitments().ToArray())
            .Add(AgreementScenario.Party(1), AgreementScenario.Party(2), AgreementScenario.Party(5, outside: true))
            .Add(AgreementScenario.Terms()));

    // Member 1 and an outside partner (5), signing a data-sharing agreement that starts in 2027.
    private static AgreementDraft WithOutsidePartner() => new(
        AgreementType.DataSharingAgreement,
        "Reading data sharing",
        [AgreementScenario.Party(1), AgreementScenario.Party(5, outside: true)],
        new AgreementText(
            [new Clause("data", ClauseKind.Purpose, "Data", "Partner 5 shares anonymized reading scores with member 1.")],
            [new Commitment("scores", Scenario.Partner(5), CommitmentKind.Deliverable, "Reading scores of 2026", new LocalDate(2027, 3, 31))],
            new AgreementTerms(new LocalDate(2027, 1, 1), null, Period.FromMonths(1))));
}
