using Coalitions.Core.Advocacy;
using Coalitions.Core.Conflicts;
using Coalitions.Core.Decisions;
using Coalitions.Core.Engagement;
using Coalitions.Core.Kernel;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.ConflictScenario;
using static Coalitions.Core.Tests.Kit.EngagementScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Serialization;

/// <summary>Events of the advocacy, engagement and conflicts rooms, produced by real commands with fixed ids: every event type of those rooms.</summary>
public static class AdvocacySampleEvents
{
    public static IEnumerable<IDomainEvent> All()
    {
        var events = new List<IDomainEvent>();

        var position = PublishedPosition();
        position.RecordReservation(Partner(7), "Our members back five per cent.", Nine, For(7), Hours(4));
        position.WithdrawReservation(Partner(7), Nine, For(7), Hours(5));
        position.Revise("Seven per cent for education", "The coalition now calls for seven per cent.", Nine, For(5), Hours(6));
        position.Withdraw("Not now.", Nine, For(5), Hours(7));
        position.Retire(Decided(MatterType.AdoptPolicyPosition, 12, Hours(8)), "The budget passed.", Nine, Secretariat, Hours(8));
        events.AddRange(position.DequeueUncommittedEvents());

        var statement = SignOnStatement.Draft(TheStatement, StatementText(), Nine, Secretariat, Start);
        statement.Revise("Fund the teachers", "We call for ten thousand reading teachers.", ClosingDay, Nine, Secretariat, Hours(1));
        statement.Publish(Decided(MatterType.IssuePublicStatement, 21, Hours(1)), Nine, Secretariat, Hours(2));
        statement.Endorse(Endorsement(1), Organization(4), "Amina Otieno", "Director", Nine, For(4), Hours(3));
        statement.RecordEndorsement(Endorsement(2), Outsider(), Nine, Secretariat, Hours(3));
        statement.RecordEndorsement(Endorsement(3), Outsider("Coast Parents Forum", "KE"), Nine, Secretariat, Hours(3));
        statement.VerifyEndorsement(Endorsement(2), Nine, Secretariat, Hours(4));
        statement.RejectEndorsement(Endorsement(3), "The forum never signed.", Nine, Secretariat, Hours(4));
        statement.WithdrawEndorsement(Endorsement(1), "Our board disagrees.", Nine, For(4), Hours(5), Organization(4));
        statement.Close(Nine, Secretariat, Hours(6));
        events.AddRange(statement.DequeueUncommittedEvents());
        var dropped = SignOnStatement.Draft(SignOnStatementId.FromGuid(Guid.Parse("f2000000-0000-0000-0000-000000000002")), StatementText(), Nine, Secretariat, Start);
        dropped.Cancel("Overtaken by the budget speech.", Nine, Secretariat, Hours(1));
        events.AddRange(dropped.DequeueUncommittedEvents().Skip(1));

        var campaign = LaunchedCampaign();
        campaign.AddObjective(new CampaignObjective(new CampaignObjectiveKey("turnout"), "A thousand at the rally", new LocalDate(2026, 5, 19)), Nine, For(5), Hours(1));
        campaign.AddTarget(new CampaignTarget(new TargetKey("treasury"), "The Treasury", TargetKind.Institution), Nine, For(5), Hours(1));
        campaign.CarryPosition(PublishedPosition(), Nine, Secretariat, Hours(3));
        campaign.DropPosition(ThePosition, Nine, Secretariat, Hours(4));
        campaign.LinkExternalEvent(new ExternalEventLink(BudgetHearing, "Budget committee hearing", new LocalDate(2026, 5, 20)), Nine, Secretariat, Hours(4));
        campaign.PlanAction(Action("meet-minister", 6) with { Event = BudgetHearing }, Nine, Secretariat, Hours(4));
        campaign.PlanAction(Action("statement", 7, kind: ActionKind.PublicStatement) with { Statement = TheStatement, Target = null }, Nine, Secretariat, Hours(4));
        campaign.CompleteAction(new CampaignActionKey("meet-minister"), new LocalDate(2026, 3, 2), "The minister took the brief.", Nine, For(6), Hours(5));
        campaign.CancelAction(new CampaignActionKey("statement"), "Another coalition spoke first.", Nine, For(5), Hours(5));
        campaign.RecordOutcome(new CampaignOutcome("The committee adopted a reading line.", OutcomeKind.Achieved, new LocalDate(2026, 3, 2), new CampaignObjectiveKey("budget-line"), new TargetKey("committee")), Nine, Secretariat, Hours(6));
        campaign.Conclude(CampaignResult.Won, "A reading line in the budget.", Nine, Secretariat, Hours(7));
        events.AddRange(campaign.DequeueUncommittedEvents());

        var roll = RecognitionRoll.Open(Nine, Secretariat, Start);
        roll.Acknowledge(FirstAcknowledgement, new AcknowledgementDraft(RecognitionKind.Contribution, "Hosted the spring assembly", "Hosted sixty delegates.", new LocalDate(2026, 4, 18), Partner(4), new FactSource("Meetings", Guid.Parse("f7000000-0000-0000-0000-000000000001"))), Nine, Secretariat, Hours(1));
        roll.Publish(FirstAcknowledgement, Nine, Secretariat, Hours(2));
        roll.Withhold(FirstAcknowledgement, Nine, For(4), Hours(3));
        roll.Retract(FirstAcknowledgement, "Recorded twice.", Nine, Secretariat, Hours(4));
        events.AddRange(roll.DequeueUncommittedEvents());

        var check = OpenSpring();
        check.RespondAs(1, Sheet(("trust", 4), ("means", 2)));
        check.Close(Key, Nine, Secretariat, Hours(5));
        events.AddRange(check.DequeueUncommittedEvents());
        var cancelled = HealthCheck.Open(Autumn, Draft("Autumn 2026", new LocalDate(2026, 9, 30)), Key, Nine, Secretariat, Start);
        cancelled.Cancel("The assembly was postponed.", Nine, Secretariat, Hours(1));
        events.AddRange(cancelled.DequeueUncommittedEvents().Skip(1));

        var resolved = InDialogue();
        resolved.RecordSession(new LocalDate(2026, 3, 2), "A first talk.", Nine, For(4), Hours(2));
        resolved.ProposeMediator(new Mediator(Person(951), "Otieno Odhiambo"), Nine, For(5), Hours(2));
        resolved.DeclineMediator(Partner(4), "We know his employer.", Nine, For(4), Hours(2));
        resolved.ProposeMediator(Neutral, Nine, For(5), Hours(2));
        resolved.AcceptMediator(Partner(4), Nine, For(4), Hours(3));
        resolved.AcceptMediator(Partner(5), Nine, For(5), Hours(3));
        resolved.ProposeResolution(Settlement() with { Terms = "An apology." }, Nine, TheMediator, Hours(4));
        resolved.RejectResolution(Partner(4), "Not enough.", Nine, For(4), Hours(4));
        resolved.ProposeResolution(Settlement(), Nine, TheMediator, Hours(5));
        resolved.ConfirmResolution(Partner(4), Nine, For(4), Hours(5));
        resolved.ConfirmResolution(Partner(5), Nine, For(5), Hours(5));
        resolved.CompleteFollowUp(new FollowUpKey("erratum"), new LocalDate(2026, 3, 2), "Published online.", Nine, For(5), Hours(6));
        events.AddRange(resolved.DequeueUncommittedEvents());
        var escalatedThenDecided = InMediation();
        escalatedThenDecided.Escalate(Rules, Nine, For(4), Hours(5));
        escalatedThenDecided.RecordDecision(Decided(MatterType.ResolveDispute, 41, Hours(10)), Settlement(), Nine, Secretariat, Hours(11));
        events.AddRange(escalatedThenDecided.DequeueUncommittedEvents().Where(e => e is CaseEscalated or CaseDecided));
        var withdrawn = Raised();
        withdrawn.Withdraw("We settled it over tea.", Nine, For(4), Hours(1));
        events.AddRange(withdrawn.DequeueUncommittedEvents().OfType<CaseWithdrawn>());
        return events;
    }

    private static EndorsementId Endorsement(int n) => EndorsementId.FromGuid(Guid.Parse(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"e5000000-0000-0000-0000-{n:D12}")));
}
