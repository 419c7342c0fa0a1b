using Coalitions.Core.Advocacy;
using Coalitions.Core.Conflicts;
using Coalitions.Core.Decisions;
using Coalitions.Core.Engagement;
using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.ConflictScenario;
using static Coalitions.Core.Tests.Kit.EngagementScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using CoalitionAggregate = global::Coalitions.Core.Coalitions.Coalition;

namespace Coalitions.Core.Tests.House;

/// <summary>The aggregates of the advocacy, engagement and conflicts rooms under attack: seeds of several real states and pools of real values.</summary>
public static class AdvocacyHostileCases
{
    private static readonly CoalitionAggregate[] Coalitions = [Nine, Nine, Nine, Elsewhere];

    private static Instant[] Instants => [Start, Hours(1), Hours(2), Hours(3), Hours(5), Hours(48), OnDate(2026, 4, 2), OnDate(2026, 10, 1)];

    public static IEnumerable<HostileCase> All => [Position, Statement, TheCampaignCase, Roll, Check, Case];

    public static HostileCase Position => new(
        "PolicyPosition",
        () =>
        {
            var drafted = DraftedPosition();
            var adopted = AdoptedPosition();
            var reserved = PublishedPosition();
            reserved.RecordReservation(Partner(7), "Five per cent.", Nine, For(7), Hours(4));
            var revising = PublishedPosition();
            revising.Revise("Seven per cent", "Now seven.", Nine, For(5), Hours(4));
            var retired = PublishedPosition();
            retired.Retire(Decided(MatterType.AdoptPolicyPosition, 12, Hours(4)), "Passed.", Nine, Secretariat, Hours(4));
            var withdrawn = DraftedPosition();
            withdrawn.Withdraw(null, Nine, For(4), Hours(1));
            return [.. new[] { drafted, adopted, reserved, revising, retired, withdrawn }.Select(p => p.DequeueUncommittedEvents())];
        },
        history => PolicyPosition.Rehydrate(history),
        new ValuePool()
            .Add(Coalitions)
            .Add(Secretariat, Secretariat, Secretariat, For(4), For(5), For(7), For(30), Actor.System("scheduler"))
            .Add(Partner(4), Partner(7), Partner(7), Partner(30))
            .Add(Instants)
            .Add(ThePosition)
            .Add(PositionText(), PositionText(title: "Teachers first"))
            .Add("Six per cent", "A longer text of the position.", "Reasons.")
            .Add<DecisionReference>(r => Decided(MatterType.AdoptPolicyPosition, r.Next(100, 100_000), Hours(r.Next(0, 6))))
            .Add(Decided(MatterType.AdoptPolicyPosition, 11, Hours(1)), Decided(MatterType.IssuePublicStatement, 12, Hours(1))));

    public static HostileCase Statement => new(
        "SignOnStatement",
        () =>
        {
            var drafted = DraftedStatement();
            var open = OpenStatement();
            open.Endorse(Endorsement(1), Organization(4), "Representative 4", "Director", Nine, For(4), Hours(3));
            open.RecordEndorsement(Endorsement(2), Outsider(), Nine, Secretariat, Hours(3));
            var settled = OpenStatement();
            settled.RecordEndorsement(Endorsement(2), Outsider(), Nine, Secretariat, Hours(3));
            settled.RecordEndorsement(Endorsement(3), Outsider("Coast Parents Forum", "KE"), Nine, Secretariat, Hours(3));
            settled.RejectEndorsement(Endorsement(2), "Never signed.", Nine, Secretariat, Hours(4));
            settled.WithdrawEndorsement(Endorsement(3), null, Nine, Secretariat, Hours(4));
            var closed = OpenStatement();
            closed.Close(Nine, Secretariat, Hours(3));
            var cancelled = DraftedStatement();
            cancelled.Cancel("Overtaken.", Nine, Secretariat, Hours(1));
            return [.. new[] { drafted, open, settled, closed, cancelled }.Select(s => s.DequeueUncommittedEvents())];
        },
        history => SignOnStatement.Rehydrate(history),
        new ValuePool()
            .Add(Coalitions)
            .Add(Secretariat, Secretariat, For(4), For(5), For(30), Actor.System("scheduler"))
            .Add(Endorsement(1), Endorsement(2), Endorsement(3))
            .Add(_ => EndorsementId.New())
            .Add(Organization(4), Organization(5), Organization(30, "Teachers Without Borders"))
            .Add(Outsider(), Outsider("Coast Parents Forum", "KE"), Outsider() with { Partner = Partner(4) })
            .Add(Instants)
            .Add(ClosingDay, new LocalDate(2026, 4, 30), new LocalDate(2026, 3, 1))
            .Add("Fund the teachers", "We call for ten thousand teachers.", "Representative 4", "Director")
            .Add<DecisionReference>(r => Decided(MatterType.IssuePublicStatement, r.Next(100, 100_000), Hours(r.Next(0, 6))))
            .Add(TheStatement)
            .Add(StatementText()));

    public static HostileCase TheCampaignCase => new(
        "Campaign",
        () =>
        {
            var launched = LaunchedCampaign();
            var busy = LaunchedCampaign();
            busy.CarryPosition(PublishedPosition(), Nine, Secretariat, Hours(3));
            busy.LinkExternalEvent(new ExternalEventLink(BudgetHearing, "Budget hearing", new LocalDate(2026, 5, 20)), Nine, Secretariat, Hours(3));
            busy.PlanAction(Action("meet-minister", 6), Nine, Secretariat, Hours(3));
            busy.PlanAction(Action("submission", 7, kind: ActionKind.Submission) with { Event = BudgetHearing }, Nine, For(5), Hours(3));
            busy.PlanAction(Action("rally", 8, kind: ActionKind.Event), Nine, Secretariat, Hours(3));
            busy.CompleteAction(new CampaignActionKey("submission"), new LocalDate(2026, 3, 2), null, Nine, For(7), Hours(4));
            busy.CancelAction(new CampaignActionKey("rally"), "Rain.", Nine, For(5), Hours(4));
            var concluded = LaunchedCampaign();
            concluded.Conclude(CampaignResult.NotWon, "The budget passed unchanged.", Nine, Secretariat, Hours(5));
            return [launched.DequeueUncommittedEvents(), busy.DequeueUncommittedEvents(), concluded.DequeueUncommittedEvents()];
        },
        history => Campaign.Rehydrate(history),
        new ValuePool()
            .Add(Coalitions)
            .Add(Secretariat, Secretariat, For(5), For(6), For(7), For(30), Actor.System("scheduler"))
            .Add(Instants)
            .Add(TheCampaign)
            .Add(Plan(), Plan(Partner(5)))
            .Add(new CampaignObjective(new CampaignObjectiveKey("turnout"), "A thousand at the rally"), new CampaignObjective(new CampaignObjectiveKey("budget-line"), "Again"))
            .Add(new CampaignTarget(new TargetKey("treasury"), "The Treasury", TargetKind.Institution), new CampaignTarget(new TargetKey("minister"), "Again", TargetKind.Official))
            .Add<PlannedAction>(r => Action("action-" + r.Next(0, 5), 6 + r.Next(0, 3)))
            .Add(Action(), Action("submission", 7, kind: ActionKind.Submission) with { Event = BudgetHearing })
            .Add(new CampaignActionKey("meet-minister"), new CampaignActionKey("submission"), new CampaignActionKey("rally"), new CampaignActionKey("action-1"))
            .Add(new LocalDate(2026, 3, 2), new LocalDate(2026, 4, 15), new LocalDate(2026, 12, 31))
            .Add(PublishedPosition(), DraftedPosition())
            .Add(ThePosition, OtherPosition)
            .Add(new ExternalEventLink(BudgetHearing, "Budget hearing", new LocalDate(2026, 5, 20)))
            .Add(new CampaignOutcome("A reading line.", OutcomeKind.Achieved, new LocalDate(2026, 5, 21), new CampaignObjectiveKey("budget-line"), new TargetKey("committee")))
            .Add("Rain.", "The budget passed.", "It went well."));

    public static HostileCase Roll => new(
        "RecognitionRoll",
        () =>
        {
            var opened = RecognitionRoll.Open(Nine, Secretariat, Start);
            var full = RecognitionRoll.Open(Nine, Secretariat, Start);
            full.Acknowledge(FirstAcknowledgement, Hosted(), Nine, Secretariat, Hours(1));
            full.Acknowledge(Acknowledgement(2), Milestone(), Nine, Secretariat, Hours(1));
            full.Acknowledge(Acknowledgement(3), Hosted(6), Nine, Secretariat, Hours(1));
            full.Publish(FirstAcknowledgement, Nine, Secretariat, Hours(2));
            full.Withhold(Acknowledgement(3), Nine, For(6), Hours(2));
            full.Retract(Acknowledgement(2), "Wrong count.", Nine, Secretariat, Hours(3));
            return [opened.DequeueUncommittedEvents(), full.DequeueUncommittedEvents()];
        },
        history => RecognitionRoll.Rehydrate(history),
        new ValuePool()
            .Add(Coalitions)
            .Add(Secretariat, Secretariat, For(4), For(6), For(30), Actor.System("scheduler"))
            .Add(Instants)
            .Add(FirstAcknowledgement, Acknowledgement(2), Acknowledgement(3))
            .Add(_ => AcknowledgementId.New())
            .Add(Hosted(), Hosted(6), Milestone())
            .Add("Mistake.", "Wrong count."));

    public static HostileCase Check => new(
        "HealthCheck",
        () =>
        {
            var opened = OpenSpring();
            var answered = OpenSpring();
            answered.RespondAs(1, Uniform(4));
            answered.RespondAs(2, Sheet(("trust", 3), ("means", 2)));
            var closed = OpenSpring();
            for (var m = 1; m <= 3; m++)
            {
                closed.RespondAs(m, Uniform(m + 2));
            }

            closed.Close(Key, Nine, Secretariat, Hours(5));
            var cancelled = OpenSpring();
            cancelled.Cancel("Postponed.", Nine, Secretariat, Hours(1));
            return [.. new[] { opened, answered, closed, cancelled }.Select(c => c.DequeueUncommittedEvents())];
        },
        history => HealthCheck.Rehydrate(history),
        new ValuePool()
            .Add(Coalitions)
            .Add(Secretariat, Secretariat, For(1), For(2), For(3), For(4), For(30), Actor.System("scheduler"))
            .Add(Partner(1), Partner(2), Partner(3), Partner(4), Partner(30))
            .Add(Key, Key, Key, OtherKey)
            .Add<IReadOnlyList<HealthRating>>(Uniform(4), Uniform(1), Sheet(("trust", 5)), Sheet(("trust", 5), ("trust", 4)), Sheet(("nope", 3)))
            .Add(Instants)
            .Add(Spring, Autumn)
            .Add(Draft(), Draft(minimum: 9), Draft("Autumn 2026", new LocalDate(2026, 9, 30)))
            .Add("Postponed."));

    public static HostileCase Case => new(
        "ConflictCase",
        () =>
        {
            var raised = Raised();
            var dialogue = InDialogue();
            dialogue.RecordSession(new LocalDate(2026, 3, 2), null, Nine, For(4), Hours(2));
            var mediation = InMediation(CaseConfidentiality.PartiesOnly);
            mediation.ProposeResolution(Settlement(), Nine, TheMediator, Hours(4));
            var resolved = InDialogue();
            resolved.ProposeResolution(Settlement(), Nine, For(5), Hours(2));
            resolved.ConfirmResolution(Partner(4), Nine, For(4), Hours(3));
            var decided = InMediation();
            decided.Escalate(Rules, Nine, For(4), Hours(5));
            var ruled = InMediation();
            ruled.Escalate(Rules, Nine, For(4), Hours(5));
            ruled.RecordDecision(Decided(MatterType.ResolveDispute, 41, Hours(10)), Settlement(), Nine, Secretariat, Hours(11));
            var withdrawn = InDialogue();
            withdrawn.Withdraw(null, Nine, For(4), Hours(2));
            return [.. new[] { raised, dialogue, mediation, resolved, decided, ruled, withdrawn }.Select(c => c.DequeueUncommittedEvents())];
        },
        history => ConflictCase.Rehydrate(history),
        new ValuePool()
            .Add(Coalitions)
            .Add(For(4), For(4), For(5), For(5), Secretariat, TheMediator, For(1), For(6), Actor.System("scheduler"))
            .Add<PartnerId?>(Partner(4), Partner(5), null, Partner(6))
            .Add(Instants)
            .Add(TheCase)
            .Add(Dispute(), Dispute(CaseConfidentiality.PartiesOnly), Dispute(coalitionIsParty: true, members: 4))
            .Add(Neutral, new Mediator(Person(4), "Representative 4"))
            .Add(Settlement())
            .Add(new FollowUpKey("erratum"), new FollowUpKey("joint-note"), new FollowUpKey("nope"))
            .Add(new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 10))
            .Add(Rules)
            .Add<DecisionReference>(r => Decided(MatterType.ResolveDispute, r.Next(100, 100_000), Hours(r.Next(0, 12))))
            .Add("A short note.", "We settled it."));

    private static EndorsementId Endorsement(int n) => EndorsementId.FromGuid(Guid.Parse(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"e5000000-0000-0000-0000-{n:D12}")));

    private static AcknowledgementId Acknowledgement(int n) => AcknowledgementId.FromGuid(Guid.Parse(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"f6000000-0000-0000-0000-{n:D12}")));

    private static AcknowledgementDraft Hosted(int member = 4) =>
        new(RecognitionKind.Contribution, "Hosted the spring assembly", "Hosted sixty delegates.", new LocalDate(2026, 4, 18), Partner(member));

    private static AcknowledgementDraft Milestone() =>
        new(RecognitionKind.Milestone, "Ten thousand signatures", "The petition passed ten thousand signatures.", new LocalDate(2026, 3, 20));
}
