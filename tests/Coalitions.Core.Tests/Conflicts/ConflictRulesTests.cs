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

/// <summary>
/// The rules of a conflict case at their edges: the day a session or follow-up may carry, rounds of answers that start
/// afresh, what escalation drops, the words of the case as it stands at each stage and of its refusals.
/// </summary>
public class ConflictRulesTests
{
    private static readonly LocalDate March2 = new(2026, 3, 2);
    private static readonly LocalDate March3 = new(2026, 3, 3);

    [Fact]
    public void A_session_is_dated_today_or_earlier_in_the_coalitions_time_zone()
    {
        // Hour 12 after the scenario's start is midnight in Nairobi: 3 March there, still 2 March in UTC.
        var @case = InDialogue();

        var error = Refusal.Expect(@case, ErrorCodes.Kernel.OutOfRange, () => @case.RecordSession(March3, null, Nine, For(4), Hours(11.9)));
        Assert.Contains("a day still to come", error.Message, StringComparison.Ordinal);
        @case.RecordSession(March3, null, Nine, For(4), Hours(12));

        Assert.Equal([new CaseSession(CaseStatus.Dialogue, March3, null)], @case.View(Nine, For(4), Hours(12)).Sessions);
    }

    [Fact]
    public void Notes_and_reasons_are_kept_trimmed_and_a_blank_one_is_kept_as_none()
    {
        var @case = InDialogue();
        @case.RecordSession(March2, "  Talked it through.  ", Nine, For(4), Hours(2));
        @case.RecordSession(March2, "   ", Nine, For(5), Hours(2));
        @case.ProposeMediator(Neutral with { Name = "  Esther Wambui " }, Nine, For(5), Hours(2));

        var view = @case.View(Nine, For(4), Hours(2));
        Assert.Equal(["Talked it through.", null], view.Sessions.Select(s => s.Note));
        Assert.Equal("Esther Wambui", view.Mediator!.Name);

        @case.DequeueUncommittedEvents();
        @case.DeclineMediator(Partner(4), "  Too close to member 5.  ", Nine, For(4), Hours(3));
        Assert.Equal("Too close to member 5.", Assert.IsType<MediatorDeclined>(@case.DequeueUncommittedEvents().Single()).Reason);
        @case.Withdraw(" ", Nine, For(4), Hours(3));
        Assert.Null(Assert.IsType<CaseWithdrawn>(@case.DequeueUncommittedEvents().Single()).Reason);
    }

    [Fact]
    public void A_case_is_opened_with_its_issue_and_summary_trimmed_and_its_ground_rules_trimmed_once_each()
    {
        var draft = Dispute() with
        {
            Issue = "  Credit for the survey ",
            Summary = "   ",
            AdditionalGroundRules = ["  Each party may bring one adviser. ", "Each party may bring one adviser.", "Criticize ideas, not people."],
        };

        var view = ConflictCase.Open(TheCase, draft, Nine, For(4), Start).View(Nine, For(4), Start);

        Assert.Equal("Credit for the survey", view.Issue);
        Assert.Null(view.Summary);
        Assert.Equal(["Speak one at a time and listen fully.", "Criticize ideas, not people.", "Each party may bring one adviser."], view.GroundRules);
    }

    [Fact]
    public void A_delegate_acting_for_a_member_that_is_no_party_cannot_raise_a_case_for_the_parties()
    {
        Refusal.Of(() => ConflictCase.Open(TheCase, Dispute(), Nine, For(6), Start), ErrorCodes.Conflicts.NotAuthorized);
        Refusal.Of(() => ConflictCase.Open(TheCase, Dispute(), Nine, Actor.Representing(Person(6), Partner(4)), Start), ErrorCodes.Conflicts.NotAuthorized);
    }

    [Fact]
    public void A_case_drafted_for_another_coalition_is_not_opened_in_this_one()
    {
        Refusal.Of(() => ConflictCase.Open(TheCase, Dispute() with { Coalition = Elsewhere.Id }, Nine, Secretariat, Start), ErrorCodes.Coalitions.OtherCoalition, "another coalition");
    }

    [Fact]
    public void A_case_names_at_most_twenty_members_each_once()
    {
        var twice = Dispute() with { Members = [Partner(4), Partner(4)] };
        var many = Dispute() with { Members = Enumerable.Range(1, 21).Select(Partner).ToArray() };

        Refusal.Of(() => ConflictCase.Open(TheCase, twice, Nine, Secretariat, Start), ErrorCodes.Conflicts.InvalidCase);
        Refusal.Of(() => ConflictCase.Open(TheCase, many, Nine, Secretariat, Start), ErrorCodes.Conflicts.InvalidCase);
    }

    [Fact]
    public void A_member_still_invited_is_no_party()
    {
        var coalition = GovernanceScenario.NineMembers();
        coalition.Invite(40);

        Refusal.Of(() => ConflictCase.Open(TheCase, Dispute(members: [4, 40]), coalition, Secretariat, Start), ErrorCodes.Membership.NotAMember, "not a member");
    }

    [Fact]
    public void A_mediator_declined_takes_the_acceptances_given_to_them_away()
    {
        var @case = InDialogue();
        @case.ProposeMediator(Neutral, Nine, For(5), Hours(2));
        @case.AcceptMediator(Partner(4), Nine, For(4), Hours(2));
        @case.DeclineMediator(Partner(5), null, Nine, For(5), Hours(3));
        @case.ProposeMediator(new Mediator(Person(951), "Otieno Odhiambo"), Nine, For(5), Hours(3));

        @case.AcceptMediator(Partner(5), Nine, For(5), Hours(4));

        var view = @case.View(Nine, For(4), Hours(4));
        Assert.Equal(CaseStatus.Dialogue, view.Status);
        Assert.False(view.MediationBegan);
        Assert.Equal([false, true], view.Parties.Select(p => p.AcceptedMediator));
        @case.AcceptMediator(Partner(4), Nine, For(4), Hours(5));
        Assert.Equal(CaseStatus.Mediation, @case.View(Nine, For(4), Hours(5)).Status);
    }

    [Fact]
    public void A_party_that_accepted_the_mediator_cannot_then_decline_them()
    {
        var @case = InDialogue();
        @case.ProposeMediator(Neutral, Nine, For(5), Hours(2));
        @case.AcceptMediator(Partner(4), Nine, For(4), Hours(2));

        var error = Refusal.Expect(@case, ErrorCodes.Conflicts.AlreadyAnswered, () => @case.DeclineMediator(Partner(4), null, Nine, For(4), Hours(3)));
        Assert.Equal("Member 4 has accepted the mediator already.", error.Message);
        Refusal.Expect(@case, ErrorCodes.Conflicts.NotAParty, () => @case.DeclineMediator(Partner(6), null, Nine, For(6), Hours(3)));
    }

    [Fact]
    public void A_resolution_rejected_takes_its_confirmations_away_and_the_next_one_starts_afresh()
    {
        var @case = InMediation();
        @case.ProposeResolution(Settlement(), Nine, TheMediator, Hours(4));
        @case.ConfirmResolution(Partner(4), Nine, For(4), Hours(4));
        @case.RejectResolution(Partner(5), null, Nine, For(5), Hours(5));

        @case.ProposeResolution(Settlement() with { Terms = "Member 5 credits the field team in the report." }, Nine, TheMediator, Hours(5));
        @case.ConfirmResolution(Partner(5), Nine, For(5), Hours(6));

        var view = @case.View(Nine, For(4), Hours(6));
        Assert.Equal(CaseStatus.Mediation, view.Status);
        Assert.Equal([false, true], view.Parties.Select(p => p.ConfirmedResolution));
        Refusal.Expect(@case, ErrorCodes.Conflicts.AlreadyAnswered, () => @case.RejectResolution(Partner(5), null, Nine, For(5), Hours(6)));
        Refusal.Expect(@case, ErrorCodes.Conflicts.NotAParty, () => @case.ConfirmResolution(Partner(6), Nine, For(6), Hours(6)));
    }

    [Fact]
    public void A_mediator_proposing_a_resolution_confirms_it_for_no_party()
    {
        var @case = InMediation();

        @case.ProposeResolution(Settlement(), Nine, TheMediator, Hours(4));

        Assert.Equal([false, false], @case.View(Nine, For(4), Hours(4)).Parties.Select(p => p.ConfirmedResolution));
        Refusal.Expect(@case, ErrorCodes.Conflicts.InvalidTransition, () => @case.ProposeResolution(Settlement(), Nine, For(4), Hours(4)));
    }

    [Fact]
    public void A_case_in_mediation_may_be_escalated_and_the_resolution_awaiting_an_answer_lapses()
    {
        var @case = InMediation();
        @case.ProposeResolution(Settlement(), Nine, For(4), Hours(4));

        @case.Escalate(Rules, Nine, For(5), Hours(5));

        var view = @case.View(Nine, For(4), Hours(5));
        Assert.Equal(CaseStatus.Escalated, view.Status);
        Assert.Null(view.ProposedResolution);
        Assert.All(view.Parties, p => Assert.False(p.ConfirmedResolution));
        Refusal.Expect(@case, ErrorCodes.Conflicts.InvalidTransition, () => @case.ConfirmResolution(Partner(5), Nine, For(5), Hours(5)));
    }

    [Fact]
    public void The_governance_of_another_coalition_does_not_take_a_case()
    {
        var @case = InMediation();
        var elsewhere = GovernanceScenario.With(global::Coalitions.Core.Governance.GovernanceTemplates.AdvocacyCoalition(), Elsewhere);

        Refusal.Expect(@case, ErrorCodes.Coalitions.OtherCoalition, () => @case.Escalate(elsewhere, Nine, For(4), Hours(5)));
    }

    [Fact]
    public void A_decision_taken_at_the_very_instant_of_the_escalation_settles_the_case()
    {
        var @case = InMediation();
        @case.Escalate(Rules, Nine, For(5), Hours(5));

        var error = Refusal.Expect(@case, ErrorCodes.Conflicts.InvalidTransition, () => @case.RecordDecision(Decided(MatterType.ResolveDispute, 41, Hours(4.99)), Settlement(), Nine, Secretariat, Hours(6)));
        Assert.Contains("before the case reached the Steering committee", error.Message, StringComparison.Ordinal);
        @case.RecordDecision(Decided(MatterType.ResolveDispute, 41, Hours(5)), Settlement(), Nine, Secretariat, Hours(6));

        Assert.Equal(CaseStatus.Decided, @case.View(Nine, For(4), Hours(6)).Status);
    }

    [Fact]
    public void A_follow_up_is_pending_on_its_due_day_overdue_the_day_after_and_done_only_from_the_day_it_was_done()
    {
        var @case = InDialogue();
        @case.ProposeResolution(Settlement(), Nine, For(5), Hours(2));
        @case.ConfirmResolution(Partner(4), Nine, For(4), Hours(3));
        @case.CompleteFollowUp(new FollowUpKey("erratum"), new LocalDate(2026, 3, 10), null, Nine, For(5), OnDate(2026, 3, 12));

        FollowUpView FollowUpOn(string key, Instant at) => @case.View(Nine, For(4), at).FollowUps.Single(f => f.FollowUp.Key.Value == key);
        var erratumBefore = FollowUpOn("erratum", OnDate(2026, 3, 9));
        var erratumDone = FollowUpOn("erratum", OnDate(2026, 3, 10));

        Assert.Equal((FollowUpStatus.Pending, null), (erratumBefore.Status, erratumBefore.DoneOn));
        Assert.Equal((FollowUpStatus.Done, new LocalDate(2026, 3, 10)), (erratumDone.Status, erratumDone.DoneOn));
        Assert.Equal(FollowUpStatus.Pending, FollowUpOn("joint-note", OnDate(2026, 3, 31)).Status);
        Assert.Equal(FollowUpStatus.Overdue, FollowUpOn("joint-note", OnDate(2026, 4, 1)).Status);
    }

    [Fact]
    public void A_follow_up_is_done_today_or_earlier_and_the_secretariats_is_recorded_by_a_coordinator()
    {
        var @case = InDialogue();
        @case.ProposeResolution(Settlement(), Nine, For(5), Hours(2));
        @case.ConfirmResolution(Partner(4), Nine, For(4), Hours(3));

        Refusal.Expect(@case, ErrorCodes.Kernel.OutOfRange, () => @case.CompleteFollowUp(new FollowUpKey("joint-note"), new LocalDate(2026, 3, 11), null, Nine, Secretariat, OnDate(2026, 3, 10)));
        Refusal.Expect(@case, ErrorCodes.Conflicts.UnknownFollowUp, () => @case.CompleteFollowUp(new FollowUpKey("no-such"), new LocalDate(2026, 3, 10), null, Nine, Secretariat, OnDate(2026, 3, 10)));
        @case.CompleteFollowUp(new FollowUpKey("joint-note"), new LocalDate(2026, 3, 10), "  Sent. ", Nine, Secretariat, OnDate(2026, 3, 10));

        Assert.Equal("Sent.", Assert.IsType<FollowUpCompleted>(@case.DequeueUncommittedEvents()[^1]).Note);
    }

    [Fact]
    public void A_case_records_at_most_a_thousand_sessions()
    {
        var @case = InDialogue();
        for (var n = 0; n < 1_000; n++)
        {
            @case.RecordSession(March2, null, Nine, For(4), Hours(2));
        }

        var error = Refusal.Expect(@case, ErrorCodes.Kernel.OutOfRange, () => @case.RecordSession(March2, null, Nine, For(4), Hours(2)));
        Assert.Contains("1000 sessions", error.Message.Replace(",", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_out_of_step_says_what_the_case_cannot_do_and_what_it_needs()
    {
        var raised = Raised();
        var dialogue = InDialogue();
        dialogue.ProposeMediator(Neutral, Nine, For(5), Hours(2));
        var settled = InDialogue();
        settled.ProposeResolution(Settlement(), Nine, For(5), Hours(2));
        settled.ConfirmResolution(Partner(4), Nine, For(4), Hours(3));

        Assert.Equal("The case's stage is raised; it cannot record a session now.", Refusal.Expect(raised, ErrorCodes.Conflicts.InvalidTransition, () => raised.RecordSession(March2, null, Nine, For(4), Hours(1))).Message);
        Assert.Equal("The case's stage is raised; it cannot take a mediator's name now.", Refusal.Expect(raised, ErrorCodes.Conflicts.InvalidTransition, () => raised.ProposeMediator(Neutral, Nine, For(4), Hours(1))).Message);
        Assert.Equal("The case's stage is raised; it cannot take an answer to a mediator now.", Refusal.Expect(raised, ErrorCodes.Conflicts.InvalidTransition, () => raised.AcceptMediator(Partner(4), Nine, For(4), Hours(1))).Message);
        Assert.Equal("The case's stage is raised; it cannot take a proposed resolution now.", Refusal.Expect(raised, ErrorCodes.Conflicts.InvalidTransition, () => raised.ProposeResolution(Settlement(), Nine, For(4), Hours(1))).Message);
        Assert.Equal("The case's stage is raised; it cannot take an answer to a resolution now.", Refusal.Expect(raised, ErrorCodes.Conflicts.InvalidTransition, () => raised.ConfirmResolution(Partner(4), Nine, For(4), Hours(1))).Message);
        Assert.Equal("The case's stage is raised; it cannot be escalated now.", Refusal.Expect(raised, ErrorCodes.Conflicts.InvalidTransition, () => raised.Escalate(Rules, Nine, For(4), Hours(1))).Message);
        Assert.Equal("The case's stage is raised; it cannot record a decision now.", Refusal.Expect(raised, ErrorCodes.Conflicts.InvalidTransition, () => raised.RecordDecision(Decided(MatterType.ResolveDispute, 41, Hours(1)), Settlement(), Nine, Secretariat, Hours(1))).Message);
        Assert.Equal("The case's stage is raised; it cannot record a follow-up now.", Refusal.Expect(raised, ErrorCodes.Conflicts.InvalidTransition, () => raised.CompleteFollowUp(new FollowUpKey("erratum"), March2, null, Nine, Secretariat, Hours(1))).Message);
        Assert.Equal("The case's stage is dialogue; it cannot take a mediator's name now (it needs that no mediator is awaiting the parties' answer).", Refusal.Expect(dialogue, ErrorCodes.Conflicts.InvalidTransition, () => dialogue.ProposeMediator(Neutral, Nine, For(4), Hours(2))).Message);
        Assert.Equal("The case's stage is dialogue; it cannot take acknowledgements of its ground rules now.", Refusal.Expect(dialogue, ErrorCodes.Conflicts.InvalidTransition, () => dialogue.AcknowledgeGroundRules(Partner(4), Nine, For(4), Hours(2))).Message);
        Assert.Equal("The case's stage is resolved; it cannot be withdrawn now.", Refusal.Expect(settled, ErrorCodes.Conflicts.InvalidTransition, () => settled.Withdraw(null, Nine, For(4), Hours(4))).Message);
    }

    [Fact]
    public void A_case_is_described_at_each_stage_in_plain_words()
    {
        var proposed = InDialogue(CaseConfidentiality.Members);
        proposed.RecordSession(March2, null, Nine, For(4), Hours(2));
        proposed.ProposeMediator(Neutral, Nine, For(5), Hours(2));
        proposed.AcceptMediator(Partner(5), Nine, For(5), Hours(3));
        proposed.ProposeResolution(Settlement(), Nine, For(5), Hours(3));
        var escalated = InMediation(CaseConfidentiality.PartiesOnly);
        escalated.Escalate(Rules, Nine, For(5), Hours(5));
        escalated.RecordDecision(Decided(MatterType.ResolveDispute, 41, Hours(6)), Settlement(), Nine, Secretariat, Hours(7));

        Snapshot.Match(
            new[]
            {
                Raised().View(Nine, For(4), Hours(1)).Describe(),
                proposed.View(Nine, For(4), Hours(3)).Describe(),
                escalated.View(Nine, For(4), OnDate(2026, 3, 25)).Describe(),
            });
    }
}
