using Coalitions.Core.Agreements;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AgreementScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Agreements;

public class AgreementTests
{
    [Fact]
    public void An_agreement_binds_when_every_party_has_signed_and_is_in_force_from_its_first_day()
    {
        var agreement = Circulating();
        agreement.Sign(Partner(1), For(1), Hours(1));
        agreement.Sign(Partner(2), For(2), Hours(2));
        Assert.Equal(AgreementStatus.Circulating, agreement.RecordedStatus);

        agreement.Sign(Partner(3), For(3), Hours(3));

        Assert.Equal(AgreementStatus.Signed, agreement.RecordedStatus);
        Assert.Equal(AgreementStatus.InForce, agreement.StatusOn(new LocalDate(2026, 3, 2)));
        Assert.Equal(1, agreement.InForce!.Number);
        Assert.IsType<AgreementEnteredIntoForce>(agreement.DequeueUncommittedEvents()[^1]);
    }

    [Fact]
    public void Only_a_person_authorized_for_a_party_signs_for_it()
    {
        var agreement = Circulating();

        Refusal.Expect(agreement, ErrorCodes.Agreements.NotASignatory, () => agreement.Sign(Partner(1), For(2), Hours(1)));
        Refusal.Expect(agreement, ErrorCodes.Agreements.NotASignatory, () => agreement.Sign(Partner(4), For(4), Hours(1)));
    }

    [Fact]
    public void A_party_signs_a_version_once()
    {
        var agreement = Circulating();
        agreement.Sign(Partner(1), For(1), Hours(1));

        Refusal.Expect(agreement, ErrorCodes.Agreements.AlreadySigned, () => agreement.Sign(Partner(1), For(1), Hours(2)));
    }

    [Fact]
    public void A_draft_is_circulated_before_it_is_signed()
    {
        var agreement = Drafted();

        Refusal.Expect(agreement, ErrorCodes.Agreements.InvalidTransition, () => agreement.Sign(Partner(1), For(1), Hours(1)));
    }

    [Fact]
    public void An_agreement_binds_at_least_two_parties_with_clauses_and_sensible_terms()
    {
        var mou = Mou();

        Assert.Throws<CoalitionRuleException>(() => Agreement.Draft(TheAgreement, mou with { Parties = [mou.Parties[0]] }, Founders(), For(1), Start));
        Assert.Throws<CoalitionRuleException>(() => Agreement.Draft(TheAgreement, mou with { Text = mou.Text with { Clauses = [] } }, Founders(), For(1), Start));
        Assert.Throws<CoalitionRuleException>(() => Agreement.Draft(TheAgreement, mou with { Text = mou.Text with { Terms = new AgreementTerms(new LocalDate(2026, 3, 2), new LocalDate(2026, 1, 1), Period.Zero) } }, Founders(), For(1), Start));
        Assert.Throws<CoalitionRuleException>(() => Agreement.Draft(TheAgreement, mou with { Parties = [mou.Parties[0], mou.Parties[1] with { Signatories = [] }] }, Founders(), For(1), Start));
    }

    [Fact]
    public void A_commitment_is_made_by_a_party()
    {
        var mou = Mou();
        var stranger = new Commitment("stranger", Partner(9), CommitmentKind.Expertise, "Advice", new LocalDate(2026, 5, 1));

        var error = Assert.Throws<CoalitionRuleException>(() => Agreement.Draft(TheAgreement, mou with { Text = mou.Text with { Commitments = [.. mou.Text.Commitments, stranger] } }, Founders(), For(1), Start));

        Assert.Equal(ErrorCodes.Agreements.NotAParty, error.Code);
        Assert.False(error.IsAuthorizationRefusal);   // a rule about the text, not about who drafts it
    }

    [Fact]
    public void A_money_commitment_names_a_positive_amount()
    {
        var mou = Mou();
        var unpriced = new Commitment("fund", Partner(2), CommitmentKind.Money, "Money", new LocalDate(2026, 5, 1));

        Assert.Throws<CoalitionRuleException>(() => Agreement.Draft(TheAgreement, mou with { Text = mou.Text with { Commitments = [unpriced] } }, Founders(), For(1), Start));
    }

    [Fact]
    public void Revising_before_anyone_signs_keeps_the_version()
    {
        var agreement = Circulating();

        agreement.Revise(Text("Member 2 hosts the secretariat."), For(1), Hours(1));

        Assert.Single(agreement.Versions);
        Assert.Equal("Member 2 hosts the secretariat.", agreement.Latest.Clauses[1].Text);
    }

    [Fact]
    public void Changing_the_text_after_the_first_signature_starts_a_new_version_and_voids_earlier_signatures()
    {
        var agreement = Circulating();
        agreement.Sign(Partner(1), For(1), Hours(1));
        agreement.Sign(Partner(2), For(2), Hours(2));

        agreement.Revise(Text("Member 2 hosts the secretariat."), For(1), Hours(3));
        agreement.Sign(Partner(3), For(3), Hours(4));

        Assert.Equal(2, agreement.Latest.Number);
        Assert.Equal(AgreementStatus.Circulating, agreement.RecordedStatus);
        agreement.Sign(Partner(1), For(1), Hours(5));
        agreement.Sign(Partner(2), For(2), Hours(6));
        Assert.Equal(2, agreement.InForce!.Number);
    }

    [Fact]
    public void An_agreement_in_force_is_expiring_within_its_notice_period_and_expired_after_its_last_day()
    {
        var agreement = SignedByAll();

        Assert.Equal(AgreementStatus.InForce, agreement.StatusOn(new LocalDate(2026, 12, 1)));
        Assert.Equal(AgreementStatus.Expiring, agreement.StatusOn(new LocalDate(2026, 12, 2)));
        Assert.Equal(AgreementStatus.Expiring, agreement.StatusOn(new LocalDate(2027, 3, 1)));
        Assert.Equal(AgreementStatus.Expired, agreement.StatusOn(new LocalDate(2027, 3, 2)));
    }

    [Fact]
    public void A_late_commitment_shows_up_and_a_met_one_does_not()
    {
        var agreement = SignedByAll();
        agreement.RecordFulfilment("secretariat-time", new LocalDate(2026, 4, 20), "Post filled.", For(1), OnUtc(2026, 4, 21));
        agreement.Waive("baseline-study", "The university ran the study instead.", CoalitionScenario.Adopted(MatterType.AmendAgreement), For(1), OnUtc(2026, 8, 1));

        var july = new LocalDate(2026, 7, 1);

        Assert.Equal(CommitmentStatus.Met, agreement.CommitmentStatusOn("secretariat-time", july));
        Assert.Equal(CommitmentStatus.Late, agreement.CommitmentStatusOn("reading-fund", july));
        Assert.Equal(CommitmentStatus.Pending, agreement.CommitmentStatusOn("reading-fund", new LocalDate(2026, 6, 30)));
        Assert.Equal(CommitmentStatus.Waived, agreement.CommitmentStatusOn("baseline-study", new LocalDate(2026, 10, 1)));
        Assert.Equal([("reading-fund", CommitmentStatus.Late)], agreement.CommitmentsOf(Partner(2), july).Select(c => (c.Commitment.Key, c.Status)));
    }

    [Fact]
    public void A_settled_commitment_takes_no_further_fulfilment_or_waiver()
    {
        var agreement = SignedByAll();
        agreement.RecordFulfilment("secretariat-time", new LocalDate(2026, 4, 20), null, For(1), OnUtc(2026, 4, 21));

        Refusal.Expect(agreement, ErrorCodes.Agreements.CommitmentSettled, () => agreement.Waive("secretariat-time", "Changed our mind.", CoalitionScenario.Adopted(MatterType.AmendAgreement), For(2), OnUtc(2026, 5, 1)));
        Refusal.Expect(agreement, ErrorCodes.Agreements.UnknownCommitment, () => agreement.RecordFulfilment("no-such", new LocalDate(2026, 4, 20), null, For(1), OnUtc(2026, 5, 1)));
    }

    [Fact]
    public void Commitments_are_recorded_only_once_the_agreement_is_in_force()
    {
        var agreement = Circulating();

        Refusal.Expect(agreement, ErrorCodes.Agreements.InvalidTransition, () => agreement.RecordFulfilment("secretariat-time", new LocalDate(2026, 4, 20), null, For(1), OnUtc(2026, 4, 21)));
    }

    [Fact]
    public void An_amendment_is_a_new_version_every_party_signs_while_the_old_one_stays_in_force()
    {
        var agreement = SignedByAll();

        agreement.ProposeAmendment(Text("Member 3 hosts the secretariat."), null, For(2), OnUtc(2026, 5, 1));
        Refusal.Expect(agreement, ErrorCodes.Agreements.InvalidTransition, () => agreement.ProposeAmendment(Text("Another."), null, For(2), OnUtc(2026, 5, 2)));
        agreement.Sign(Partner(1), For(1), OnUtc(2026, 5, 2));
        agreement.Sign(Partner(2), For(2), OnUtc(2026, 5, 3));
        Assert.Equal(1, agreement.InForce!.Number);

        agreement.Sign(Partner(3), For(3), OnUtc(2026, 5, 4));

        Assert.Equal(2, agreement.InForce!.Number);
        Assert.Equal(AgreementStatus.InForce, agreement.StatusOn(new LocalDate(2026, 5, 4)));
    }

    [Fact]
    public void Where_the_rule_book_says_so_an_amendment_cites_an_adopted_decision()
    {
        var agreement = SignedByAll(amendmentsNeedDecision: true);

        Refusal.Expect(agreement, ErrorCodes.Coalitions.DecisionRequired, () => agreement.ProposeAmendment(Text("New roles."), null, For(2), OnUtc(2026, 5, 1)));
        Refusal.Expect(agreement, ErrorCodes.Coalitions.DecisionRequired, () => agreement.ProposeAmendment(Text("New roles."), CoalitionScenario.Adopted(MatterType.AmendCharter), For(2), OnUtc(2026, 5, 1)));
        agreement.ProposeAmendment(Text("New roles."), CoalitionScenario.Adopted(MatterType.AmendAgreement), For(2), OnUtc(2026, 5, 1));

        Assert.Equal(MatterType.AmendAgreement, agreement.Latest.Decision!.Matter);
    }

    [Fact]
    public void A_party_withdraws_with_notice_and_stays_bound_until_it_runs()
    {
        var agreement = SignedByAll();

        var until = agreement.GiveNotice(Partner(3), "Funding ended.", For(3), OnUtc(2026, 6, 15));

        Assert.Equal(new LocalDate(2026, 9, 15), until);
        Assert.Equal(until, agreement.NoticeRunsUntil(Partner(3)));
        Refusal.Expect(agreement, ErrorCodes.Agreements.InvalidTransition, () => agreement.GiveNotice(Partner(3), null, For(3), OnUtc(2026, 6, 16)));
        Refusal.Expect(agreement, ErrorCodes.Agreements.NotASignatory, () => agreement.GiveNotice(Partner(2), null, For(3), OnUtc(2026, 6, 16)));
    }

    [Fact]
    public void A_terminated_agreement_takes_no_further_signatures_or_fulfilments()
    {
        var agreement = SignedByAll();

        agreement.Terminate("The coalition dissolved.", CoalitionScenario.Adopted(MatterType.Dissolve), For(1), OnUtc(2026, 7, 1));

        Assert.Equal(AgreementStatus.Terminated, agreement.StatusOn(new LocalDate(2026, 7, 2)));
        Refusal.Expect(agreement, ErrorCodes.Agreements.InvalidTransition, () => agreement.RecordFulfilment("reading-fund", new LocalDate(2026, 7, 2), null, For(2), OnUtc(2026, 7, 2)));
        Refusal.Expect(agreement, ErrorCodes.Kernel.InvalidText, () => SignedByAll().Terminate(" ", null, For(1), OnUtc(2026, 7, 1)));
    }

    [Fact]
    public void An_agreement_is_renewed_by_an_amendment_of_its_end_date_that_every_party_signs()
    {
        var agreement = SignedByAll();
        var renewed = Text() with { Terms = Terms() with { EffectiveUntil = new LocalDate(2029, 3, 1) } };

        agreement.ProposeAmendment(renewed, null, For(1), OnUtc(2027, 1, 10));
        for (var p = 1; p <= 3; p++)
        {
            agreement.Sign(Partner(p), For(p), OnUtc(2027, 1, 11));
        }

        Assert.Equal(AgreementStatus.InForce, agreement.StatusOn(new LocalDate(2027, 6, 1)));
        Assert.Equal(AgreementStatus.Expired, agreement.StatusOn(new LocalDate(2029, 3, 2)));
    }

    [Fact]
    public void An_expired_agreement_cannot_be_amended()
    {
        var agreement = SignedByAll();

        Refusal.Expect(agreement, ErrorCodes.Agreements.InvalidTransition, () => agreement.ProposeAmendment(Text("Late change."), null, For(1), OnUtc(2027, 3, 2)));
    }

    [Fact]
    public void Two_versions_compare_clause_by_clause()
    {
        var agreement = SignedByAll();
        Clause[] amended =
        [
            Clauses()[0],
            Clauses()[1] with { Text = "Member 3 hosts the secretariat." },
            new("confidentiality", ClauseKind.Confidentiality, "Confidentiality", "Learner data stays with the school that holds it."),
        ];
        agreement.ProposeAmendment(new AgreementText(amended, Commitments(), Terms()), null, For(1), OnUtc(2026, 5, 1));

        var changes = agreement.Compare(1, 2);

        Assert.Equal(
            [("purpose", ClauseChangeKind.Unchanged), ("roles", ClauseChangeKind.Changed), ("confidentiality", ClauseChangeKind.Added), ("termination", ClauseChangeKind.Removed)],
            changes.Select(c => (c.Key, c.Change)));
        Assert.Equal(ErrorCodes.Agreements.UnknownVersion, Assert.Throws<CoalitionRuleException>(() => agreement.Compare(1, 3)).Code);
    }

    [Fact]
    public void An_agreement_rebuilt_from_its_events_is_the_same()
    {
        var agreement = SignedByAll();
        agreement.RecordFulfilment("secretariat-time", new LocalDate(2026, 4, 20), null, For(1), OnUtc(2026, 4, 21));

        var rebuilt = Agreement.Rehydrate(agreement.DequeueUncommittedEvents());

        Assert.Equal(agreement.Version, rebuilt.Version);
        Assert.Equal(AgreementStatus.Signed, rebuilt.RecordedStatus);
        Assert.Equal(CommitmentStatus.Met, rebuilt.CommitmentStatusOn("secretariat-time", new LocalDate(2026, 5, 1)));
    }

    [Fact]
    public void An_agreement_signed_before_its_first_day_is_signed_but_not_yet_in_force()
    {
        var later = Mou() with { Text = Text() with { Terms = Terms() with { EffectiveFrom = new LocalDate(2026, 6, 1) } } };
        var agreement = Agreement.Draft(TheAgreement, later, Founders(), For(1), Start);
        agreement.Circulate(For(1), Start);
        for (var p = 1; p <= 3; p++)
        {
            agreement.Sign(Partner(p), For(p), Hours(p));
        }

        Assert.Equal(AgreementStatus.Signed, agreement.RecordedStatus);
        Assert.Equal(AgreementStatus.Signed, agreement.StatusOn(new LocalDate(2026, 5, 31)));
        Assert.Equal(AgreementStatus.InForce, agreement.StatusOn(new LocalDate(2026, 6, 1)));
    }

    [Fact]
    public void A_partner_that_is_not_a_member_becomes_a_party_only_when_marked_as_an_outside_partner()
    {
        var unmarked = Mou() with { Parties = [Party(1), Party(2), Party(3), Party(5)] };
        var marked = Mou() with { Parties = [Party(1), Party(2), Party(3), Party(5, outside: true)] };

        var error = Assert.Throws<CoalitionRuleException>(() => Agreement.Draft(TheAgreement, unmarked, Founders(), For(1), Start));
        var agreement = Agreement.Draft(TheAgreement, marked, Founders(), For(1), Start);

        Assert.Equal(ErrorCodes.Agreements.OutsideParty, error.Code);
        Assert.Equal($"Member 5 is not an active member of Learning for All on 2 March 2026; to make it a party to '{Title}', mark it as an outside partner.", error.Message);
        Assert.True(agreement.Parties.Single(p => p.Partner == Partner(5)).Outside);
    }

    [Fact]
    public void An_active_member_is_a_party_as_a_member_and_is_never_marked_as_an_outside_partner()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => Agreement.Draft(TheAgreement, Mou() with { Parties = [Party(1), Party(2, outside: true), Party(3)] }, Founders(), For(1), Start));

        Assert.Equal(ErrorCodes.Agreements.OutsideParty, error.Code);
    }

    [Fact]
    public void A_suspended_member_is_not_an_active_member_and_takes_part_only_as_an_outside_partner()
    {
        var coalition = Founders();
        coalition.Suspend(Partner(3), CoalitionScenario.Adopted(MatterType.SuspendMember), CoalitionScenario.Secretariat, Start);

        Assert.Equal(ErrorCodes.Agreements.OutsideParty, Assert.Throws<CoalitionRuleException>(() => Agreement.Draft(TheAgreement, Mou(), coalition, For(1), Hours(1))).Code);
        Agreement.Draft(TheAgreement, Mou() with { Parties = [Party(1), Party(2), Party(3, outside: true)] }, coalition, For(1), Hours(1));
    }

    [Fact]
    public void An_amendment_keeps_the_first_day_of_the_agreement_it_amends()
    {
        var agreement = SignedByAll();
        var moved = Text() with { Terms = Terms() with { EffectiveFrom = new LocalDate(2026, 4, 1) } };

        var error = Refusal.Expect(agreement, ErrorCodes.Agreements.InvalidAgreement, () => agreement.ProposeAmendment(moved, null, For(1), OnUtc(2026, 5, 1)));

        Assert.Equal($"An amendment of '{Title}' keeps its first day, 2 March 2026; to start on 1 April 2026, terminate it and draft a new agreement.", error.Message);
    }

    [Fact]
    public void A_signed_agreement_may_be_amended_and_settled_before_its_first_day()
    {
        var later = Mou() with { Text = Text() with { Terms = Terms() with { EffectiveFrom = new LocalDate(2026, 6, 1) } } };
        var agreement = Agreement.Draft(TheAgreement, later, Founders(), For(1), Start);
        agreement.Circulate(For(1), Start);
        for (var p = 1; p <= 3; p++)
        {
            agreement.Sign(Partner(p), For(p), Hours(p));
        }

        agreement.RecordFulfilment("secretariat-time", new LocalDate(2026, 4, 20), null, For(1), OnUtc(2026, 4, 21));
        agreement.ProposeAmendment(later.Text with { Clauses = Clauses("Member 3 hosts the secretariat.") }, null, For(2), OnUtc(2026, 4, 22));

        Assert.Equal(2, agreement.Latest.Number);
        Assert.Equal(AgreementStatus.Signed, agreement.StatusOn(new LocalDate(2026, 4, 22)));
    }
}
