using Coalitions.Core.Agreements;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using NodaTime.Calendars;
using static Coalitions.Core.Tests.Kit.AgreementScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Agreements;

/// <summary>Each command of an agreement at its boundary: the words of its refusals, the decisions it cites, the texts it keeps and the day it reads.</summary>
public class AgreementCommandTests
{
    private const string Mou = "'Memorandum of understanding of Learning for All'";
    private static readonly LocalDate June = new(2026, 6, 1);

    private static DecisionReference TakenAt(MatterType matter, Instant at) => new(ProposalNumber(7), TheCoalition, matter, DecisionResult.Adopted, at);

    [Fact]
    public void A_refusal_of_who_drafts_names_the_actor_a_coordinator_by_name_and_who_may()
    {
        const string Who = "may not draft a new agreement: only a representative of one of its parties, acting for it (a signatory the draft names for that party, or the party's delegate in the coalition) may.";

        Assert.Equal($"Person {Person(4)} acting for partner {Partner(4)} {Who}", Refusal.Of(() => Agreement.Draft(TheAgreement, AgreementScenario.Mou(), Founders(), For(4), Start), ErrorCodes.Agreements.NotAParty).Message);
        Assert.Equal($"Wanjiru Kamau {Who}", Refusal.Of(() => Agreement.Draft(TheAgreement, AgreementScenario.Mou(), Founders(), Secretariat, Start), ErrorCodes.Agreements.NotAParty).Message);
    }

    [Fact]
    public void A_party_that_is_no_active_member_is_marked_outside_and_an_active_member_is_not()
    {
        var coalition = Founders();

        Assert.Equal(
            $"Member 4 is not an active member of Learning for All on 2 March 2026; to make it a party to {Mou}, mark it as an outside partner.",
            Refusal.Of(() => Agreement.Draft(TheAgreement, AgreementScenario.Mou() with { Parties = [Party(1), Party(2), Party(3), Party(4)] }, coalition, For(1), Start), ErrorCodes.Agreements.OutsideParty).Message);
        Assert.Equal(
            $"Member 3 is an active member of Learning for All; it is a party to {Mou} as a member, not as an outside partner.",
            Refusal.Of(() => Agreement.Draft(TheAgreement, AgreementScenario.Mou() with { Parties = [Party(1), Party(2), Party(3) with { Outside = true }] }, coalition, For(1), Start), ErrorCodes.Agreements.OutsideParty).Message);
    }

    [Fact]
    public void A_decision_cited_for_an_amendment_or_a_waiver_is_taken_before_the_act_and_the_refusals_say_what_is_needed()
    {
        var agreement = SignedByAll(amendmentsNeedDecision: true);
        const string Later = "The decision cited was taken on 2 March 2026 at 18:00 UTC, after the act it would authorize on 2 March 2026 at 14:00 UTC; only a decision already taken authorizes an act.";

        Assert.Equal($"Amending {Mou} needs an adopted decision of the coalition to amend an agreement.", Refusal.Expect(agreement, ErrorCodes.Coalitions.DecisionRequired, () => agreement.ProposeAmendment(Text("Member 2 hosts."), null, For(1), Hours(5))).Message);
        Assert.Equal(Later, Refusal.Expect(agreement, ErrorCodes.Coalitions.DecisionRequired, () => agreement.ProposeAmendment(Text("Member 2 hosts."), TakenAt(MatterType.AmendAgreement, Hours(9)), For(1), Hours(5))).Message);
        Assert.Equal(
            $"Commitment 'reading-fund' of Member 2 is owed to 2 parties of {Mou}; one of them waives it only with an adopted decision of the coalition to amend an agreement.",
            Refusal.Expect(agreement, ErrorCodes.Coalitions.DecisionRequired, () => agreement.Waive("reading-fund", "Not needed.", null, For(1), Hours(5))).Message);
        Assert.Equal(Later, Refusal.Expect(agreement, ErrorCodes.Coalitions.DecisionRequired, () => agreement.Waive("reading-fund", "Not needed.", TakenAt(MatterType.AmendAgreement, Hours(9)), For(1), Hours(5))).Message);
        Assert.Equal(
            $"{Mou} binds its parties; terminating it needs an adopted decision of the coalition to amend an agreement or to dissolve, or the parties amend its last day together.",
            Refusal.Expect(agreement, ErrorCodes.Coalitions.DecisionRequired, () => agreement.Terminate("Ended.", null, For(1), Hours(5))).Message);
    }

    [Fact]
    public void A_party_gives_notice_once_with_its_reason_trimmed()
    {
        var agreement = SignedByAll();
        agreement.GiveNotice(Partner(3), "  Our programme ends.  ", For(3), OnUtc(2026, 6, 15));

        Assert.Equal("Our programme ends.", Assert.IsType<NoticeGiven>(agreement.DequeueUncommittedEvents()[^1]).Reason);
        Assert.Equal(
            $"Member 3 has already given notice to leave {Mou}; it is bound until 15 September 2026.",
            Refusal.Expect(agreement, ErrorCodes.Agreements.InvalidTransition, () => agreement.GiveNotice(Partner(3), null, For(3), OnUtc(2026, 6, 16))).Message);
    }

    [Fact]
    public void A_fulfilment_keeps_its_note_trimmed_counts_from_its_day_and_is_recorded_once()
    {
        var agreement = SignedByAll();
        agreement.RecordFulfilment("reading-fund", June, "  Paid in full.  ", For(2), OnUtc(2026, 6, 2));

        Assert.Equal("Paid in full.", Assert.IsType<CommitmentFulfilled>(agreement.DequeueUncommittedEvents()[^1]).Note);
        Assert.Equal(CommitmentStatus.Met, agreement.CommitmentStatusOn("reading-fund", June));
        Assert.Equal(CommitmentStatus.Pending, agreement.CommitmentStatusOn("reading-fund", June.PlusDays(-1)));
        Assert.Equal(
            "Commitment 'reading-fund' of Member 2 was already met on 1 June 2026.",
            Refusal.Expect(agreement, ErrorCodes.Agreements.CommitmentSettled, () => agreement.RecordFulfilment("reading-fund", June, null, For(2), OnUtc(2026, 6, 2))).Message);
        Assert.Equal(
            "The commitment is named by its key: one line of at most 64 characters.",
            Refusal.Expect(agreement, ErrorCodes.Kernel.InvalidText, () => agreement.RecordFulfilment("reading\nfund", June, null, For(2), OnUtc(2026, 6, 2))).Message);
    }

    [Fact]
    public void A_partys_commitments_are_listed_by_due_day()
    {
        var agreement = Agreement.Draft(TheAgreement, AgreementScenario.Mou() with
        {
            Text = Text() with
            {
                Commitments = [new("report", Partner(1), CommitmentKind.Deliverable, "Annual report", new LocalDate(2026, 12, 31)), .. Commitments()],
            },
        }, Founders(), For(1), Start);
        agreement.Circulate(For(1), Start);
        for (var p = 1; p <= 3; p++)
        {
            agreement.Sign(Partner(p), For(p), Hours(p));
        }

        Assert.Equal(["secretariat-time", "report"], agreement.CommitmentsOf(Partner(1), June).Select(c => c.Commitment.Key));
    }

    [Fact]
    public void An_unknown_version_or_commitment_is_named_in_the_refusal_unless_its_key_is_not_one_line_of_at_most_64_characters()
    {
        var agreement = SignedByAll();
        string Unknown(string key) => Refusal.Of(() => agreement.CommitmentStatusOn(key, June), ErrorCodes.Agreements.UnknownCommitment).Message;

        Assert.Equal($"{Mou} has versions 1 to 1; there is no version 9.", Refusal.Of(() => agreement.Compare(1, 9), ErrorCodes.Agreements.UnknownVersion).Message);
        Assert.Equal($"'no-such' is not a commitment of the version of {Mou} that binds its parties.", Unknown("no-such"));
        Assert.Equal($"'{new string('k', 64)}' is not a commitment of the version of {Mou} that binds its parties.", Unknown(new string('k', 64)));
        Assert.Equal($"'the key given' is not a commitment of the version of {Mou} that binds its parties.", Unknown(new string('k', 65)));
        Assert.Equal($"'the key given' is not a commitment of the version of {Mou} that binds its parties.", Unknown("no\nsuch"));
    }

    [Fact]
    public void A_refusal_out_of_step_says_what_the_agreement_cannot_do_on_the_day_and_when_it_could()
    {
        var circulating = Circulating();
        var signed = SignedByAll();
        var terminated = SignedByAll();
        terminated.Terminate("Ended.", Adopted(MatterType.Dissolve), For(1), OnUtc(2026, 7, 1));
        string Refused(Agreement agreement, Action command) => Refusal.Expect(agreement, ErrorCodes.Agreements.InvalidTransition, command).Message;

        Assert.Equal($"{Mou} is in force on 2 March 2026; it cannot be revised now.", Refused(signed, () => signed.Revise(Text("x"), For(1), Hours(5))));
        Assert.Equal($"{Mou} is circulating on 2 March 2026; it cannot be circulated now.", Refused(circulating, () => circulating.Circulate(For(1), Hours(1))));
        Assert.Equal($"{Mou} is circulating on 2 March 2026; it cannot be amended now.", Refused(circulating, () => circulating.ProposeAmendment(Text("x"), null, For(1), Hours(1))));
        Assert.Equal($"{Mou} is circulating on 2 March 2026; it cannot take notice of withdrawal now.", Refused(circulating, () => circulating.GiveNotice(Partner(1), null, For(1), Hours(1))));
        Assert.Equal($"{Mou} is a draft on 2 March 2026; it cannot be terminated now.", RefusedTermination());
        Assert.Equal($"{Mou} is in force on 2 March 2026; it cannot be signed now: only when an amendment awaits signatures.", Refused(signed, () => signed.Sign(Partner(1), For(1), Hours(5))));
        Assert.Equal($"{Mou} is terminated on 2 July 2026; it cannot have a commitment recorded as met or waived now.", Refused(terminated, () => terminated.Waive("reading-fund", "Not needed.", null, For(1), OnUtc(2026, 7, 2))));
        Assert.Equal($"{Mou} is terminated on 2 July 2026; it cannot take notice of withdrawal now.", Refused(terminated, () => terminated.GiveNotice(Partner(1), null, For(1), OnUtc(2026, 7, 2))));
    }

    private static string RefusedTermination()
    {
        var drafted = Drafted();
        return Refusal.Expect(drafted, ErrorCodes.Agreements.InvalidTransition, () => drafted.Terminate("Ended.", null, For(1), Hours(1))).Message;
    }

    [Fact]
    public void A_day_of_another_calendar_is_read_as_the_same_day()
    {
        var agreement = SignedByAll();
        var julian = June.WithCalendar(CalendarSystem.Julian);

        Assert.Equal(agreement.StatusOn(June), agreement.StatusOn(julian));
        Assert.Equal(agreement.CommitmentStatusOn("reading-fund", new LocalDate(2026, 7, 1)), agreement.CommitmentStatusOn("reading-fund", new LocalDate(2026, 7, 1).WithCalendar(CalendarSystem.Julian)));
    }
}
