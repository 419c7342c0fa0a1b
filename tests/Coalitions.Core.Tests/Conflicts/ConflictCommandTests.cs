using Coalitions.Core.Conflicts;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.ConflictScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Conflicts;

/// <summary>
/// Each command of a case at its boundary: who may give it and what the refusal says, the coalition it belongs to, the
/// inputs it checks and the words of its refusals; and what a stored history reports first when a step is wrong twice.
/// </summary>
public class ConflictCommandTests
{
    private static readonly LocalDate March2 = new(2026, 3, 2);
    private static readonly FollowUpKey Erratum = new("erratum");
    private static readonly Actor Six = For(6);

    private static ConflictCase Proposed()
    {
        var @case = InDialogue();
        @case.ProposeResolution(Settlement(), Nine, For(5), Hours(2));
        return @case;
    }

    private static ConflictCase Settled()
    {
        var @case = Proposed();
        @case.ConfirmResolution(Partner(4), Nine, For(4), Hours(3));
        return @case;
    }

    [Fact]
    public void Each_command_refuses_a_delegate_of_a_member_that_is_no_party_and_says_who_may_act()
    {
        var raised = Raised();
        var dialogue = InDialogue();
        var mediation = InMediation();
        var escalated = InMediation();
        escalated.Escalate(Rules, Nine, For(4), Hours(5));
        var settled = Settled();
        var proposed = Proposed();
        dialogue.ProposeMediator(Neutral, Nine, For(4), Hours(2));

        Assert.Equal(
            $"Person {Person(6)} acting for partner {Partner(6)} may not open a new case: only a coordinator of the coalition or a delegate of a member the draft names as a party, acting for it may.",
            Refusal.Of(() => ConflictCase.Open(TheCase, Dispute(), Nine, Six, Start), ErrorCodes.Conflicts.NotAuthorized).Message);
        Assert.Equal(
            $"Person {Person(6)} acting for partner {Partner(6)} may not acknowledge ground rules the case: only the member named, through a delegate acting for it (the coalition through a coordinator, where it is a party) may.",
            Refusal.Expect(raised, ErrorCodes.Conflicts.NotAuthorized, () => raised.AcknowledgeGroundRules(Partner(4), Nine, Six, Hours(1))).Message);
        Assert.Equal(
            $"Person {Person(6)} acting for partner {Partner(6)} may not record session the case: only a party, through a delegate acting for it (the coalition through a coordinator), the mediator, once every party accepted them or a coordinator of the coalition, unless the case is confidential to its parties may.",
            Refusal.Expect(mediation, ErrorCodes.Conflicts.NotAuthorized, () => mediation.RecordSession(March2, null, Nine, Six, Hours(4))).Message);
        Assert.Equal(
            $"Person {Person(6)} acting for partner {Partner(6)} may not record decision the case: only a coordinator of the coalition (recording the body's decision) or a delegate of a member sitting on the body the case was escalated to, acting for it may.",
            Refusal.Expect(escalated, ErrorCodes.Conflicts.NotAuthorized, () => escalated.RecordDecision(Decided(MatterType.ResolveDispute, 41, Hours(6)), Settlement(), Nine, Six, Hours(7), Rules)).Message);
        Assert.Equal(
            $"Person {Person(6)} acting for partner {Partner(6)} may not complete follow up the case: only the party owing the follow-up, through a delegate acting for it (the coalition through a coordinator), the mediator, once every party accepted them or a coordinator of the coalition, unless the case is confidential to its parties may.",
            Refusal.Expect(settled, ErrorCodes.Conflicts.NotAuthorized, () => settled.CompleteFollowUp(Erratum, March2, null, Nine, Six, Hours(4))).Message);
        Assert.Equal(
            $"Person {Person(6)} acting for partner {Partner(6)} may not withdraw the case: only whoever raised the case: a delegate of the member that raised it, acting for it, or a coordinator where a coordinator raised it may.",
            Refusal.Expect(raised, ErrorCodes.Conflicts.NotAuthorized, () => raised.Withdraw(null, Nine, Six, Hours(1))).Message);
        Assert.Equal(
            $"Person {Person(6)} acting for partner {Partner(6)} may not view the case: only a party, through a delegate acting for it (the coalition through a coordinator), the mediator proposed or in office, a coordinator of the coalition, unless the case is confidential to its parties, a delegate of a member sitting on the body the case was escalated to, acting for it or a delegate of an active member, acting for it, where the case is open to members may.",
            raised.CanView(Nine, Six, Hours(1)).Failures.Single().Message);

        Refusal.Expect(dialogue, ErrorCodes.Conflicts.NotAuthorized, () => dialogue.AcceptMediator(Partner(4), Nine, Six, Hours(3)));
        Refusal.Expect(dialogue, ErrorCodes.Conflicts.NotAuthorized, () => dialogue.DeclineMediator(Partner(4), null, Nine, Six, Hours(3)));
        Refusal.Expect(mediation, ErrorCodes.Conflicts.NotAuthorized, () => mediation.ProposeResolution(Settlement(), Nine, Six, Hours(4)));
        Refusal.Expect(proposed, ErrorCodes.Conflicts.NotAuthorized, () => proposed.ConfirmResolution(Partner(4), Nine, Six, Hours(3)));
        Refusal.Expect(proposed, ErrorCodes.Conflicts.NotAuthorized, () => proposed.RejectResolution(Partner(4), null, Nine, Six, Hours(3)));
        Refusal.Expect(mediation, ErrorCodes.Conflicts.NotAuthorized, () => mediation.Escalate(Rules, Nine, Six, Hours(5)));
        Refusal.Expect(raised, ErrorCodes.Conflicts.NotAuthorized, () => raised.ProposeMediator(Neutral, Nine, Six, Hours(1)));
    }

    [Fact]
    public void Every_command_of_a_case_refuses_the_coalition_of_another_case_even_from_one_who_acts_there()
    {
        // The secretariat coordinates both coalitions; the case, raised by it, has the coalition as a party.
        var @case = ConflictCase.Open(TheCase, Dispute(coalitionIsParty: true), Nine, Secretariat, Start);
        void Refused(Action command) => Refusal.Expect(@case, ErrorCodes.Coalitions.OtherCoalition, command);

        Assert.Equal(
            "The case belongs to another coalition than Another coalition.",
            Refusal.Expect(@case, ErrorCodes.Coalitions.OtherCoalition, () => @case.AcknowledgeGroundRules(null, Elsewhere, Secretariat, Hours(1))).Message);
        Refused(() => @case.View(Elsewhere, Secretariat, Hours(1)));
        Refused(() => @case.RecordSession(March2, null, Elsewhere, Secretariat, Hours(1)));
        Refused(() => @case.ProposeMediator(Neutral, Elsewhere, Secretariat, Hours(1)));
        Refused(() => @case.AcceptMediator(null, Elsewhere, Secretariat, Hours(1)));
        Refused(() => @case.DeclineMediator(null, null, Elsewhere, Secretariat, Hours(1)));
        Refused(() => @case.ProposeResolution(Settlement(), Elsewhere, Secretariat, Hours(1)));
        Refused(() => @case.ConfirmResolution(null, Elsewhere, Secretariat, Hours(1)));
        Refused(() => @case.RejectResolution(null, null, Elsewhere, Secretariat, Hours(1)));
        Refused(() => @case.Escalate(Rules, Elsewhere, Secretariat, Hours(1)));
        Refused(() => @case.RecordDecision(Decided(MatterType.ResolveDispute, 41, Hours(1)), Settlement(), Elsewhere, Secretariat, Hours(1)));
        Refused(() => @case.CompleteFollowUp(Erratum, March2, null, Elsewhere, Secretariat, Hours(1)));
        Refused(() => @case.Withdraw(null, Elsewhere, Secretariat, Hours(1)));
    }

    [Fact]
    public void A_query_of_a_case_names_who_asks()
    {
        var check = Raised().CanView(Nine, null!, Hours(1));

        Assert.True(check.Has(ErrorCodes.Kernel.ActorRequired));
        Assert.Equal("Every query of a case names who asks.", check.Failures.Single().Message);
    }

    [Fact]
    public void A_case_is_opened_under_an_id_for_this_coalition_between_its_members_and_says_why_not()
    {
        Refusal.Of(() => ConflictCase.Open(default, Dispute(), Nine, For(4), Start), ErrorCodes.Kernel.EmptyId);
        Assert.Equal(
            "The case is drafted for another coalition than Learning for All.",
            Refusal.Of(() => ConflictCase.Open(TheCase, Dispute() with { Coalition = Elsewhere.Id }, Nine, For(4), Start), ErrorCodes.Coalitions.OtherCoalition).Message);
        Assert.Equal(
            $"Partner {Partner(12)} is not a member of Learning for All, so it cannot be a party to a case there.",
            Refusal.Of(() => ConflictCase.Open(TheCase, Dispute(members: [4, 12]), Nine, For(4), Start), ErrorCodes.Membership.NotAMember).Message);
    }

    [Fact]
    public void A_summary_is_kept_trimmed_and_a_blank_one_as_none()
    {
        var blank = ConflictCase.Open(TheCase, Dispute() with { Summary = "   " }, Nine, For(4), Start);
        var summarized = ConflictCase.Open(TheCase, Dispute() with { Summary = "  Member 5 left out the field team.  " }, Nine, For(4), Start);

        Assert.Null(((CaseOpened)blank.DequeueUncommittedEvents()[0]).Summary);
        Assert.Null(blank.View(Nine, For(4), Start).Summary);
        Assert.Equal("Member 5 left out the field team.", summarized.View(Nine, For(4), Start).Summary);
    }

    [Fact]
    public void A_session_is_dated_from_1900_and_its_note_is_bounded()
    {
        var @case = InDialogue();

        Refusal.Expect(@case, ErrorCodes.Kernel.OutOfRange, () => @case.RecordSession(new LocalDate(1899, 12, 31), null, Nine, For(4), Hours(2)));
        Refusal.Expect(@case, ErrorCodes.Kernel.InvalidText, () => @case.RecordSession(March2, new string('n', 2_001), Nine, For(4), Hours(2)));
        Assert.Equal(
            "Nothing is recorded as done on 3 March 2026, a day still to come.",
            Refusal.Expect(@case, ErrorCodes.Kernel.OutOfRange, () => @case.RecordSession(March2.PlusDays(1), null, Nine, For(4), Hours(2))).Message);
    }

    [Fact]
    public void A_mediator_is_named_and_impartial_and_a_coordinator_may_mediate_between_members()
    {
        var @case = InDialogue();
        var delegateOfFour = new Mediator(Person(4), "Amina Odhiambo");

        Refusal.Expect(@case, ErrorCodes.Kernel.InvalidText, () => @case.ProposeMediator(Neutral with { Name = " " }, Nine, For(4), Hours(2)));
        Assert.Equal(
            "Amina Odhiambo is a delegate of Member 4, a party to the case, so cannot mediate it.",
            Refusal.Expect(@case, ErrorCodes.Conflicts.MediatorNotImpartial, () => @case.ProposeMediator(delegateOfFour, Nine, For(5), Hours(2))).Message);

        var withTheCoalition = ConflictCase.Open(TheCase, Dispute(coalitionIsParty: true), Nine, For(4), Start);
        var coordinator = new Mediator(Secretariat.Person!.Value, "The secretariat's coordinator");
        Assert.Equal(
            "The secretariat's coordinator coordinates Learning for All, a party to the case, so cannot mediate it.",
            Refusal.Of(() => Acknowledged(withTheCoalition).ProposeMediator(coordinator, Nine, For(4), Hours(2)), ErrorCodes.Conflicts.MediatorNotImpartial).Message);

        @case.ProposeMediator(coordinator, Nine, For(4), Hours(2));
        Assert.Equal(coordinator, @case.View(Nine, For(4), Hours(2)).Mediator);
    }

    private static ConflictCase Acknowledged(ConflictCase @case)
    {
        @case.AcknowledgeGroundRules(Partner(4), Nine, For(4), Hours(1));
        @case.AcknowledgeGroundRules(Partner(5), Nine, For(5), Hours(1));
        @case.AcknowledgeGroundRules(null, Nine, Secretariat, Hours(1));
        return @case;
    }

    [Fact]
    public void A_mediator_is_declined_only_while_awaiting_an_answer_by_a_party_that_has_not_accepted_with_a_bounded_reason()
    {
        var @case = InDialogue();
        Refusal.Expect(@case, ErrorCodes.Conflicts.InvalidTransition, () => @case.DeclineMediator(Partner(4), null, Nine, For(4), Hours(2)));
        @case.ProposeMediator(Neutral, Nine, For(5), Hours(2));

        Refusal.Expect(@case, ErrorCodes.Kernel.InvalidText, () => @case.DeclineMediator(Partner(4), new string('r', 2_001), Nine, For(4), Hours(3)));
        Assert.Equal(
            $"Partner {Partner(6)} is not a party to the case.",
            Refusal.Expect(@case, ErrorCodes.Conflicts.NotAParty, () => @case.DeclineMediator(Partner(6), null, Nine, Six, Hours(3))).Message);
        @case.AcceptMediator(Partner(4), Nine, For(4), Hours(3));
        Assert.Equal(
            "Member 4 has accepted the mediator already.",
            Refusal.Expect(@case, ErrorCodes.Conflicts.AlreadyAnswered, () => @case.AcceptMediator(Partner(4), Nine, For(4), Hours(3))).Message);

        @case.DeclineMediator(Partner(5), "   ", Nine, For(5), Hours(3));

        Assert.Null(Assert.IsType<MediatorDeclined>(@case.DequeueUncommittedEvents()[^1]).Reason);
        Assert.All(@case.View(Nine, For(4), Hours(3)).Parties, party => Assert.False(party.AcceptedMediator));
    }

    [Fact]
    public void A_resolution_is_rejected_only_while_awaiting_an_answer_by_a_party_that_has_not_confirmed_with_a_bounded_reason()
    {
        var @case = InDialogue();
        Refusal.Expect(@case, ErrorCodes.Conflicts.InvalidTransition, () => @case.RejectResolution(Partner(4), null, Nine, For(4), Hours(2)));
        @case.ProposeResolution(Settlement(), Nine, For(5), Hours(2));

        Refusal.Expect(@case, ErrorCodes.Kernel.InvalidText, () => @case.RejectResolution(Partner(4), new string('r', 2_001), Nine, For(4), Hours(3)));
        Refusal.Expect(@case, ErrorCodes.Conflicts.NotAParty, () => @case.RejectResolution(Partner(6), null, Nine, Six, Hours(3)));
        Assert.Equal(
            "Member 5 has confirmed the resolution already.",
            Refusal.Expect(@case, ErrorCodes.Conflicts.AlreadyAnswered, () => @case.RejectResolution(Partner(5), null, Nine, For(5), Hours(3))).Message);

        @case.RejectResolution(Partner(4), "  Too little.  ", Nine, For(4), Hours(3));

        Assert.Equal("Too little.", Assert.IsType<ResolutionRejected>(@case.DequeueUncommittedEvents()[^1]).Reason);
        Assert.All(@case.View(Nine, For(4), Hours(3)).Parties, party => Assert.False(party.ConfirmedResolution));
        @case.ProposeResolution(Settlement(), Nine, For(5), Hours(4));
        @case.RejectResolution(Partner(4), " ", Nine, For(4), Hours(4));
        Assert.Null(Assert.IsType<ResolutionRejected>(@case.DequeueUncommittedEvents()[^1]).Reason);
    }

    [Fact]
    public void Each_party_acknowledges_the_ground_rules_and_confirms_a_resolution_once_and_a_second_answer_says_so()
    {
        var @case = Raised();
        @case.AcknowledgeGroundRules(Partner(4), Nine, For(4), Hours(1));
        var proposed = Proposed();

        Assert.Equal(
            "Member 4 has acknowledged the ground rules already.",
            Refusal.Expect(@case, ErrorCodes.Conflicts.AlreadyAnswered, () => @case.AcknowledgeGroundRules(Partner(4), Nine, For(4), Hours(1))).Message);
        Assert.Equal(
            "Member 5 has confirmed the resolution already.",
            Refusal.Expect(proposed, ErrorCodes.Conflicts.AlreadyAnswered, () => proposed.ConfirmResolution(Partner(5), Nine, For(5), Hours(3))).Message);
    }

    [Fact]
    public void A_resolution_has_terms_and_its_follow_ups_are_owed_by_parties()
    {
        var @case = InDialogue();

        Refusal.Expect(@case, ErrorCodes.Kernel.InvalidText, () => @case.ProposeResolution(Settlement() with { Terms = " " }, Nine, For(4), Hours(2)));
        Assert.Equal(
            $"Follow-up 'erratum' is owed by partner {Partner(6)}, which is not a party to the case.",
            Refusal.Expect(@case, ErrorCodes.Conflicts.InvalidCase, () => @case.ProposeResolution(Settlement() with { FollowUps = [Settlement().FollowUps[0] with { Party = Partner(6) }] }, Nine, For(4), Hours(2))).Message);
    }

    [Fact]
    public void A_case_is_escalated_with_the_coalitions_governance_and_says_why_not()
    {
        var @case = InMediation();

        Refusal.Expect(@case, ErrorCodes.Kernel.InvalidInput, () => @case.Escalate(null!, Nine, For(4), Hours(5)));
        Assert.Equal(
            "The governance given is that of another coalition than Learning for All.",
            Refusal.Expect(@case, ErrorCodes.Coalitions.OtherCoalition, () => @case.Escalate(GovernanceScenario.With(GovernanceTemplates.AdvocacyCoalition(), Elsewhere), Nine, For(4), Hours(5))).Message);
    }

    [Fact]
    public void A_decision_recorded_says_when_it_predates_the_escalation()
    {
        var @case = InMediation();
        @case.Escalate(Rules, Nine, For(4), Hours(5));

        Assert.Equal(
            "The decision cited was taken on 2 March 2026 at 13:00 UTC, before the case reached the Steering committee on 2 March 2026 at 14:00 UTC.",
            Refusal.Expect(@case, ErrorCodes.Conflicts.InvalidTransition, () => @case.RecordDecision(Decided(MatterType.ResolveDispute, 41, Hours(4)), Settlement(), Nine, Secretariat, Hours(6))).Message);
    }

    [Fact]
    public void A_follow_up_done_is_named_by_its_key_dated_from_1900_with_a_bounded_note_and_a_refusal_names_the_key()
    {
        var @case = Settled();

        Refusal.Expect(@case, ErrorCodes.Kernel.InvalidText, () => @case.CompleteFollowUp(default, March2, null, Nine, Secretariat, Hours(4)));
        Refusal.Expect(@case, ErrorCodes.Kernel.OutOfRange, () => @case.CompleteFollowUp(Erratum, new LocalDate(1899, 12, 31), null, Nine, For(5), Hours(4)));
        Refusal.Expect(@case, ErrorCodes.Kernel.InvalidText, () => @case.CompleteFollowUp(Erratum, March2, new string('n', 2_001), Nine, For(5), Hours(4)));
        Assert.Equal(
            "The settlement lists no follow-up 'apology' still to do.",
            Refusal.Expect(@case, ErrorCodes.Conflicts.UnknownFollowUp, () => @case.CompleteFollowUp(new FollowUpKey("apology"), March2, null, Nine, Secretariat, Hours(4))).Message);
    }

    [Fact]
    public void A_follow_up_of_the_bodys_ruling_is_recorded_once_the_case_is_decided()
    {
        var @case = InMediation();
        @case.Escalate(Rules, Nine, For(4), Hours(5));
        @case.RecordDecision(Decided(MatterType.ResolveDispute, 41, Hours(6)), Settlement(), Nine, Secretariat, Hours(7));

        @case.CompleteFollowUp(Erratum, March2, null, Nine, For(5), Hours(8));

        Assert.Equal(FollowUpStatus.Done, @case.View(Nine, For(5), Hours(8)).FollowUps.Single(f => f.FollowUp.Key == Erratum).Status);
    }

    [Fact]
    public void A_withdrawal_gives_a_bounded_reason_kept_trimmed_and_a_blank_one_is_kept_as_none()
    {
        var @case = Raised();

        var blank = Raised();

        Refusal.Expect(@case, ErrorCodes.Kernel.InvalidText, () => @case.Withdraw(new string('r', 2_001), Nine, For(4), Hours(1)));
        @case.Withdraw("  Settled between us.  ", Nine, For(4), Hours(1));
        blank.Withdraw("  ", Nine, For(4), Hours(1));

        Assert.Equal("Settled between us.", Assert.IsType<CaseWithdrawn>(@case.DequeueUncommittedEvents()[^1]).Reason);
        Assert.Null(Assert.IsType<CaseWithdrawn>(blank.DequeueUncommittedEvents()[^1]).Reason);
    }

    [Fact]
    public void A_stored_history_with_a_declined_mediator_and_a_rejected_resolution_loads_as_it_was()
    {
        var @case = InDialogue();
        @case.ProposeMediator(Neutral, Nine, For(5), Hours(2));
        @case.DeclineMediator(Partner(4), "Too close to member 5.", Nine, For(4), Hours(3));
        @case.ProposeResolution(Settlement(), Nine, For(5), Hours(3));
        @case.RejectResolution(Partner(4), "Too little.", Nine, For(4), Hours(4));

        var back = ConflictCase.Rehydrate(@case.DequeueUncommittedEvents());

        Assert.Equal(ObservableState.Of(@case), ObservableState.Of(back));
        Assert.Equal(@case.Version, back.Version);
    }

    [Fact]
    public void A_stored_step_taken_at_the_wrong_stage_is_refused_for_its_stage_before_anything_else()
    {
        var opened = Raised().DequeueUncommittedEvents().ToList();
        var withdrawn = Raised();
        withdrawn.Withdraw(null, Nine, For(4), Hours(1));
        var mediated = InMediation().DequeueUncommittedEvents().ToList();

        StoredHistory.Refused(ConflictCase.Rehydrate, withdrawn.DequeueUncommittedEvents().ToList(), "the case's stage is withdrawn, not raised.", new DialogueStarted(TheCase, Hours(2), For(4)));
        StoredHistory.Refused(ConflictCase.Rehydrate, opened, "the case's stage is raised, not dialogue.", new MediatorProposed(TheCase, Neutral with { Name = "" }, Hours(1), For(4)));
        StoredHistory.Refused(ConflictCase.Rehydrate, opened, "the case's stage is raised, not dialogue.", new MediatorAccepted(TheCase, Partner(4), Hours(1), For(4)));
        StoredHistory.Refused(ConflictCase.Rehydrate, opened, "the case's stage is raised, not dialogue.", new MediatorDeclined(TheCase, Partner(4), null, Hours(1), For(4)));
        StoredHistory.Refused(ConflictCase.Rehydrate, opened, "no resolution awaits the parties' answer.", new ResolutionConfirmed(TheCase, Partner(6), Hours(1), Six));
        StoredHistory.Refused(ConflictCase.Rehydrate, opened, "no resolution awaits the parties' answer.", new ResolutionRejected(TheCase, Partner(6), null, Hours(1), Six));
        StoredHistory.Refused(ConflictCase.Rehydrate, mediated, "the case's stage is mediation, not escalated.", new CaseDecided(TheCase, Decided(MatterType.ApproveBudget, 41, Hours(4)), Settlement(), Hours(4), Secretariat));
    }

    [Fact]
    public void A_stored_decision_recorded_at_the_instant_it_was_taken_is_accepted()
    {
        var @case = InMediation();
        @case.Escalate(Rules, Nine, For(4), Hours(5));
        var history = @case.DequeueUncommittedEvents().ToList();

        var back = ConflictCase.Rehydrate([.. history, new CaseDecided(TheCase, Decided(MatterType.ResolveDispute, 41, Hours(6)), Settlement(), Hours(6), Secretariat)]);

        Assert.Equal(CaseStatus.Decided, back.View(Nine, Secretariat, Hours(6)).Status);
    }

    [Fact]
    public void A_stored_escalation_names_its_body_and_a_stored_resolution_owes_no_follow_up_to_an_outsider()
    {
        var mediated = InMediation().DequeueUncommittedEvents().ToList();
        var talking = InDialogue().DequeueUncommittedEvents().ToList();
        var owedByAnOutsider = new Resolution("Terms.", [.. Settlement().FollowUps, new FollowUp(new FollowUpKey("apology"), Partner(6), "Apologize", new LocalDate(2026, 3, 20))]);

        StoredHistory.Refused(ConflictCase.Rehydrate, mediated, "the body is not named as a body is.", new CaseEscalated(TheCase, new BodyKey("steering-committee"), " ", Hours(5), For(4)));
        StoredHistory.Refused(ConflictCase.Rehydrate, talking, "a follow-up is owed by a member that is not a party.", new ResolutionProposed(TheCase, owedByAnOutsider, Partner(5), Hours(2), For(5)));
    }

    [Fact]
    public void A_rule_book_without_the_body_the_case_went_to_seats_no_one_on_it()
    {
        var @case = InMediation(CaseConfidentiality.PartiesOnly);
        @case.Escalate(Rules, Nine, For(5), Hours(5));
        var withoutTheCommittee = GovernanceScenario.With(GovernanceTemplates.LooseNetwork(), Nine);

        Assert.True(@case.CanView(Nine, For(1), Hours(6), Rules).IsAllowed);
        Assert.True(@case.CanView(Nine, For(1), Hours(6), withoutTheCommittee).Has(ErrorCodes.Conflicts.NotPermittedToSee));
        Refusal.Expect(@case, ErrorCodes.Conflicts.NotAuthorized, () => @case.RecordDecision(Decided(MatterType.ResolveDispute, 41, Hours(6)), Settlement(), Nine, For(1), Hours(7), withoutTheCommittee));
    }

    [Fact]
    public void The_mediator_who_names_no_coalition_is_refused_with_a_code()
    {
        var @case = InMediation();

        Refusal.Expect(@case, ErrorCodes.Kernel.InvalidInput, () => @case.RecordSession(March2, null, null!, TheMediator, Hours(4)));
        Refusal.Expect(@case, ErrorCodes.Kernel.InvalidInput, () => @case.View(null!, TheMediator, Hours(4)));
    }
}
