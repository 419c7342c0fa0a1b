using Coalitions.Core.Coalitions;
using Coalitions.Core.Conflicts;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using Snapshooter.Xunit;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.ConflictScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Conflicts;

/// <summary>Conflict cases: ground rules, dialogue, mediation, escalation, settlement, follow-ups; who may see a case.</summary>
public class ConflictCaseTests
{
    private static readonly DecisionReference Ruling = Decided(MatterType.ResolveDispute, 41, Hours(10));

    [Fact]
    public void A_party_raises_a_case_and_the_charters_ground_rules_come_first()
    {
        var @case = Raised();

        var view = @case.View(Nine, For(4), Hours(1));

        Assert.Equal(CaseStatus.Raised, view.Status);
        Assert.Equal("Member 4", view.RaisedBy);
        Assert.Equal(["Speak one at a time and listen fully.", "Criticize ideas, not people.", "Each party may bring one adviser."], view.GroundRules);
        Assert.Equal(["Member 4", "Member 5"], view.Parties.Select(p => p.Name));
    }

    [Fact]
    public void A_coordinator_may_raise_a_case_and_an_outsider_may_not()
    {
        var @case = ConflictCase.Open(TheCase, Dispute(), Nine, Secretariat, Start);

        Assert.Equal("the secretariat", @case.View(Nine, Secretariat, Start).RaisedBy);
        Assert.Equal(ErrorCodes.Conflicts.NotAuthorized, Assert.Throws<CoalitionRuleException>(() => ConflictCase.Open(TheCase, Dispute(), Nine, For(6), Start)).Code);
        Assert.Equal(ErrorCodes.Conflicts.NotAuthorized, Assert.Throws<CoalitionRuleException>(() => ConflictCase.Open(TheCase, Dispute(), Nine, Actor.ForPerson(Person(4)), Start)).Code);
    }

    [Fact]
    public void A_case_is_between_two_parties_or_more_who_are_members()
    {
        Assert.Equal(ErrorCodes.Conflicts.InvalidCase, Assert.Throws<CoalitionRuleException>(() => ConflictCase.Open(TheCase, Dispute(members: 4), Nine, For(4), Start)).Code);
        Assert.Equal(ErrorCodes.Membership.NotAMember, Assert.Throws<CoalitionRuleException>(() => ConflictCase.Open(TheCase, Dispute(members: [4, 30]), Nine, For(4), Start)).Code);
        var withCoalition = ConflictCase.Open(TheCase, Dispute(coalitionIsParty: true, members: 4), Nine, For(4), Start);
        Assert.Equal(["Member 4", "Learning for All"], withCoalition.View(Nine, For(4), Start).Parties.Select(p => p.Name));
    }

    [Fact]
    public void A_case_needs_ground_rules_the_parties_can_acknowledge()
    {
        var founding = Founded();
        founding.BeginForming(Secretariat, Start);
        founding.Join(4);
        founding.Join(5);
        var draft = Dispute() with { AdditionalGroundRules = [] };

        Assert.Equal(
            "Learning for All has no ground rules in its charter and the case adds none; a case needs ground rules the parties can acknowledge.",
            Refusal.Of(() => ConflictCase.Open(TheCase, draft, founding, For(4), Start), ErrorCodes.Conflicts.InvalidCase).Message);
    }

    [Fact]
    public void Dialogue_begins_once_every_party_has_acknowledged_the_ground_rules()
    {
        var @case = Raised();
        @case.AcknowledgeGroundRules(Partner(4), Nine, For(4), Hours(1));

        Assert.Equal(CaseStatus.Raised, @case.View(Nine, For(4), Hours(1)).Status);
        Refusal.Expect(@case, ErrorCodes.Conflicts.InvalidTransition, () => @case.RecordSession(new LocalDate(2026, 3, 2), null, Nine, For(4), Hours(1)));
        Refusal.Expect(@case, ErrorCodes.Conflicts.AlreadyAnswered, () => @case.AcknowledgeGroundRules(Partner(4), Nine, For(4), Hours(1)));
        Refusal.Expect(@case, ErrorCodes.Conflicts.NotAParty, () => @case.AcknowledgeGroundRules(Partner(6), Nine, For(6), Hours(1)));
        Refusal.Expect(@case, ErrorCodes.Conflicts.NotAuthorized, () => @case.AcknowledgeGroundRules(Partner(5), Nine, For(4), Hours(1)));
        @case.AcknowledgeGroundRules(Partner(5), Nine, For(5), Hours(2));
        Assert.Equal(CaseStatus.Dialogue, @case.View(Nine, For(4), Hours(2)).Status);
    }

    [Fact]
    public void A_mediator_is_impartial_and_mediation_begins_once_every_party_accepts_them()
    {
        var @case = InDialogue();

        Refusal.Expect(@case, ErrorCodes.Conflicts.MediatorNotImpartial, () => @case.ProposeMediator(new Mediator(Person(4), "Representative 4"), Nine, For(5), Hours(2)));
        @case.ProposeMediator(Neutral, Nine, For(5), Hours(2));
        Refusal.Expect(@case, ErrorCodes.Conflicts.InvalidTransition, () => @case.ProposeMediator(new Mediator(Person(951), "Another"), Nine, For(4), Hours(2)));
        Refusal.Expect(@case, ErrorCodes.Conflicts.NotAuthorized, () => @case.RecordSession(new LocalDate(2026, 3, 2), null, Nine, TheMediator, Hours(2)));
        @case.AcceptMediator(Partner(4), Nine, For(4), Hours(3));
        @case.AcceptMediator(Partner(5), Nine, For(5), Hours(3));

        Assert.Equal(CaseStatus.Mediation, @case.View(Nine, TheMediator, Hours(3)).Status);
        @case.RecordSession(new LocalDate(2026, 3, 2), "Shuttle talks.", Nine, TheMediator, Hours(4));
    }

    [Fact]
    public void A_coordinator_cannot_mediate_a_case_the_coalition_is_party_to()
    {
        var @case = ConflictCase.Open(TheCase, Dispute(coalitionIsParty: true, members: 4), Nine, For(4), Start);
        @case.AcknowledgeGroundRules(Partner(4), Nine, For(4), Hours(1));
        @case.AcknowledgeGroundRules(null, Nine, Secretariat, Hours(1));

        Refusal.Expect(@case, ErrorCodes.Conflicts.MediatorNotImpartial, () => @case.ProposeMediator(new Mediator(Person(800), "Wanjiru Kamau"), Nine, For(4), Hours(2)));
    }

    [Fact]
    public void A_party_that_declines_the_mediator_lets_another_be_proposed()
    {
        var @case = InDialogue();
        @case.ProposeMediator(Neutral, Nine, For(5), Hours(2));

        @case.DeclineMediator(Partner(4), "We have worked with her employer.", Nine, For(4), Hours(3));

        Assert.Null(@case.View(Nine, For(4), Hours(3)).Mediator);
        @case.ProposeMediator(new Mediator(Person(951), "Otieno Odhiambo"), Nine, For(4), Hours(3));
    }

    [Fact]
    public void A_case_is_resolved_once_every_party_confirms_the_resolution_and_a_proposing_party_confirms_by_proposing()
    {
        var @case = InDialogue();

        @case.ProposeResolution(Settlement(), Nine, For(5), Hours(2));
        Assert.Equal(CaseStatus.Dialogue, @case.View(Nine, For(4), Hours(2)).Status);
        Refusal.Expect(@case, ErrorCodes.Conflicts.AlreadyAnswered, () => @case.ConfirmResolution(Partner(5), Nine, For(5), Hours(2)));
        @case.ConfirmResolution(Partner(4), Nine, For(4), Hours(3));

        var view = @case.View(Nine, For(4), Hours(3));
        Assert.Equal(CaseStatus.Resolved, view.Status);
        Assert.Equal(Settlement().Terms, view.Settlement!.Terms);
    }

    [Fact]
    public void A_rejected_resolution_lapses()
    {
        var @case = InMediation();
        @case.ProposeResolution(Settlement(), Nine, TheMediator, Hours(4));

        @case.RejectResolution(Partner(4), "An erratum is not enough.", Nine, For(4), Hours(5));

        Assert.Null(@case.View(Nine, For(4), Hours(5)).ProposedResolution);
        Refusal.Expect(@case, ErrorCodes.Conflicts.InvalidTransition, () => @case.ConfirmResolution(Partner(5), Nine, For(5), Hours(5)));
    }

    [Fact]
    public void Follow_ups_are_owed_by_parties_or_the_secretariat()
    {
        var @case = InDialogue();
        var stranger = Settlement() with { FollowUps = [new FollowUp(new FollowUpKey("pay"), Partner(6), "Pay for the reprint", new LocalDate(2026, 3, 31))] };

        Refusal.Expect(@case, ErrorCodes.Conflicts.InvalidCase, () => @case.ProposeResolution(stranger, Nine, For(4), Hours(2)));
    }

    [Fact]
    public void A_case_is_escalated_only_after_dialogue_was_tried_and_to_the_body_the_rule_book_names()
    {
        var @case = InDialogue();

        var error = Refusal.Expect(@case, ErrorCodes.Conflicts.InvalidTransition, () => @case.Escalate(Rules, Nine, For(4), Hours(2)));
        Assert.Contains("dialogue has been tried", error.Message, StringComparison.Ordinal);
        @case.RecordSession(new LocalDate(2026, 3, 2), null, Nine, For(4), Hours(2));
        @case.Escalate(Rules, Nine, For(4), Hours(3));

        Assert.Equal("Steering committee", @case.View(Nine, For(4), Hours(3)).EscalatedTo);
    }

    [Fact]
    public void Without_a_rule_for_disputes_a_case_cannot_be_escalated()
    {
        var coalition = GovernanceScenario.NineMembers();
        var template = global::Coalitions.Core.Governance.GovernanceTemplates.AdvocacyCoalition();
        var withoutDisputes = global::Coalitions.Core.Governance.CoalitionGovernance.Establish(coalition, template with { Rules = template.Rules.Where(r => r.Matter != MatterType.ResolveDispute).ToArray() }, Secretariat, Start);
        var @case = ConflictCase.Open(TheCase, Dispute(), coalition, For(4), Start);
        @case.AcknowledgeGroundRules(Partner(4), coalition, For(4), Hours(1));
        @case.AcknowledgeGroundRules(Partner(5), coalition, For(5), Hours(1));
        @case.RecordSession(new LocalDate(2026, 3, 2), null, coalition, For(4), Hours(2));

        Assert.Equal(
            "The rule book of Learning for All names no body to resolve disputes; add one (a charter amendment) before escalating.",
            Refusal.Expect(@case, ErrorCodes.Conflicts.NoDisputeBody, () => @case.Escalate(withoutDisputes, coalition, For(4), Hours(3))).Message);
    }

    [Fact]
    public void The_bodys_adopted_decision_taken_after_the_escalation_closes_the_case()
    {
        var @case = InMediation();
        @case.Escalate(Rules, Nine, TheMediator, Hours(5));

        Refusal.Expect(@case, ErrorCodes.Coalitions.DecisionRequired, () => @case.RecordDecision(Decided(MatterType.SuspendMember, 41, Hours(10)), Settlement(), Nine, Secretariat, Hours(11)));
        Refusal.Expect(@case, ErrorCodes.Conflicts.InvalidTransition, () => @case.RecordDecision(Decided(MatterType.ResolveDispute, 41, Hours(4)), Settlement(), Nine, Secretariat, Hours(11)));
        Refusal.Expect(@case, ErrorCodes.Conflicts.NotAuthorized, () => @case.RecordDecision(Ruling, Settlement(), Nine, For(4), Hours(11), Rules));
        @case.RecordDecision(Ruling, Settlement(), Nine, For(1), Hours(11), Rules);

        var view = @case.View(Nine, For(5), Hours(11));
        Assert.Equal(CaseStatus.Decided, view.Status);
        Assert.Equal(Ruling, view.Decision);
        Refusal.Expect(@case, ErrorCodes.Conflicts.InvalidTransition, () => @case.Withdraw(null, Nine, For(4), Hours(12)));
    }

    [Fact]
    public void Follow_ups_are_recorded_by_the_party_owing_them_and_shown_as_overdue_after_their_date()
    {
        var @case = InDialogue();
        @case.ProposeResolution(Settlement(), Nine, For(5), Hours(2));
        @case.ConfirmResolution(Partner(4), Nine, For(4), Hours(3));

        Refusal.Expect(@case, ErrorCodes.Conflicts.NotAuthorized, () => @case.CompleteFollowUp(new FollowUpKey("erratum"), new LocalDate(2026, 3, 10), null, Nine, For(4), OnDate(2026, 3, 10)));
        @case.CompleteFollowUp(new FollowUpKey("erratum"), new LocalDate(2026, 3, 10), "Published online.", Nine, For(5), OnDate(2026, 3, 10));
        Refusal.Expect(@case, ErrorCodes.Conflicts.UnknownFollowUp, () => @case.CompleteFollowUp(new FollowUpKey("erratum"), new LocalDate(2026, 3, 11), null, Nine, For(5), OnDate(2026, 3, 11)));

        var view = @case.View(Nine, For(4), OnDate(2026, 4, 2));
        Assert.Equal([FollowUpStatus.Done, FollowUpStatus.Overdue], view.FollowUps.Select(f => f.Status));
    }

    [Fact]
    public void Only_whoever_raised_a_case_withdraws_it()
    {
        var @case = InDialogue();

        Refusal.Expect(@case, ErrorCodes.Conflicts.NotAuthorized, () => @case.Withdraw(null, Nine, For(5), Hours(2)));
        Refusal.Expect(@case, ErrorCodes.Conflicts.NotAuthorized, () => @case.Withdraw(null, Nine, Secretariat, Hours(2)));
        @case.Withdraw("We settled it over tea.", Nine, For(4), Hours(2));

        Assert.Equal(CaseStatus.Withdrawn, @case.View(Nine, For(4), Hours(2)).Status);
    }

    [Fact]
    public void A_case_is_shown_only_to_those_its_confidentiality_admits()
    {
        var @case = InMediation(CaseConfidentiality.Coordinators);

        @case.View(Nine, For(4), Hours(4));
        @case.View(Nine, TheMediator, Hours(4));
        @case.View(Nine, Secretariat, Hours(4));
        Refusal.Expect(@case, ErrorCodes.Conflicts.NotPermittedToSee, () => @case.View(Nine, For(6), Hours(4)));
        Refusal.Expect(@case, ErrorCodes.Conflicts.NotPermittedToSee, () => @case.View(Nine, Actor.Representing(Person(4), Partner(6)), Hours(4)));
        Refusal.Expect(@case, ErrorCodes.Conflicts.NotPermittedToSee, () => @case.View(Nine, Actor.System("reporting"), Hours(4)));
        Assert.True(@case.CanView(Nine, For(6), Hours(4)).Has(ErrorCodes.Conflicts.NotPermittedToSee));
    }

    [Fact]
    public void A_case_confidential_to_its_parties_is_hidden_even_from_the_coordinators()
    {
        var @case = InDialogue(CaseConfidentiality.PartiesOnly);

        Refusal.Expect(@case, ErrorCodes.Conflicts.NotPermittedToSee, () => @case.View(Nine, Secretariat, Hours(2)));
        Refusal.Expect(@case, ErrorCodes.Conflicts.NotAuthorized, () => @case.ProposeMediator(Neutral, Nine, Secretariat, Hours(2)));
        Assert.True(@case.CanView(Nine, For(5), Hours(2)).IsAllowed);
    }

    [Fact]
    public void A_case_open_to_members_is_shown_to_any_active_members_delegate()
    {
        var @case = InDialogue(CaseConfidentiality.Members);

        Assert.True(@case.CanView(Nine, For(8), Hours(2)).IsAllowed);
        Assert.False(@case.CanView(Nine, For(30), Hours(2)).IsAllowed);
    }

    [Fact]
    public void Once_escalated_the_members_sitting_on_the_deciding_body_see_the_case()
    {
        var @case = InMediation(CaseConfidentiality.PartiesOnly);
        Assert.False(@case.CanView(Nine, For(1), Hours(5), Rules).IsAllowed);

        @case.Escalate(Rules, Nine, For(5), Hours(5));

        Assert.True(@case.CanView(Nine, For(1), Hours(6), Rules).IsAllowed);
        Assert.False(@case.CanView(Nine, For(1), Hours(6)).IsAllowed);
        Assert.False(@case.CanView(Nine, For(7), Hours(6), Rules).IsAllowed);
    }

    [Fact]
    public void A_case_of_another_coalition_is_not_shown_or_changed_with_this_one()
    {
        var @case = InDialogue();

        Refusal.Expect(@case, ErrorCodes.Coalitions.OtherCoalition, () => @case.RecordSession(new LocalDate(2026, 3, 2), null, Elsewhere, Secretariat, Hours(2)));
    }

    [Fact]
    public void A_history_where_dialogue_starts_before_every_party_acknowledged_is_refused()
    {
        var @case = Raised();
        var history = @case.DequeueUncommittedEvents().Append(new GroundRulesAcknowledged(TheCase, Partner(4), Hours(1), For(4))).Append(new DialogueStarted(TheCase, Hours(1), For(4))).ToArray();

        Assert.Equal(ErrorCodes.Kernel.CorruptHistory, Assert.Throws<StoredEventException>(() => ConflictCase.Rehydrate(history)).Code);
    }

    [Fact]
    public void A_history_where_a_non_party_confirms_or_a_decision_predates_the_escalation_is_refused()
    {
        var inDialogue = InDialogue();
        inDialogue.ProposeResolution(Settlement(), Nine, For(5), Hours(2));
        Assert.Throws<StoredEventException>(() => ConflictCase.Rehydrate([.. inDialogue.DequeueUncommittedEvents(), new ResolutionConfirmed(TheCase, Partner(6), Hours(3), For(6))]));

        var escalated = InMediation();
        escalated.Escalate(Rules, Nine, For(4), Hours(5));
        Assert.Throws<StoredEventException>(() => ConflictCase.Rehydrate([.. escalated.DequeueUncommittedEvents(), new CaseDecided(TheCase, Decided(MatterType.ResolveDispute, 41, Hours(4)), Settlement(), Hours(6), Secretariat)]));
    }

    [Fact]
    public void A_case_is_described_in_plain_words_to_those_who_may_see_it()
    {
        var @case = InMediation();
        @case.ProposeResolution(Settlement(), Nine, TheMediator, Hours(4));
        @case.ConfirmResolution(Partner(4), Nine, For(4), Hours(5));
        @case.ConfirmResolution(Partner(5), Nine, For(5), Hours(5));
        @case.CompleteFollowUp(new FollowUpKey("erratum"), new LocalDate(2026, 3, 10), null, Nine, For(5), OnDate(2026, 3, 10));

        Snapshot.Match(@case.View(Nine, Secretariat, OnDate(2026, 4, 2)).Describe());
    }
}
