using Coalitions.Core.Agreements;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AgreementScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Agreements;

/// <summary>Who may take each command of an agreement (docs/authorization.md), one rule per test.</summary>
public class AgreementAuthorizationTests
{
    private static readonly DecisionReference AmendAgreement = Adopted(MatterType.AmendAgreement);

    public static TheoryData<string> Commands() => ["Revise", "Circulate", "Sign", "ProposeAmendment", "RecordFulfilment", "Waive", "GiveNotice", "Terminate"];

    [Fact]
    public void An_outsider_cannot_draft_an_agreement_among_others()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => Agreement.Draft(TheAgreement, Mou(), Founders(), For(4), Start));

        Assert.Equal(ErrorCodes.Agreements.NotAParty, error.Code);
        Assert.True(error.IsAuthorizationRefusal);
    }

    [Fact]
    public void A_partys_signatory_drafts_only_while_acting_for_that_party()
    {
        Assert.Equal(ErrorCodes.Agreements.NotAParty, Assert.Throws<CoalitionRuleException>(() => Agreement.Draft(TheAgreement, Mou(), Founders(), Actor.ForPerson(Person(1)), Start)).Code);
        Assert.Equal(ErrorCodes.Agreements.NotAParty, Assert.Throws<CoalitionRuleException>(() => Agreement.Draft(TheAgreement, Mou(), Founders(), Actor.Representing(Person(2), Partner(1)), Start)).Code);
        Assert.Equal(ErrorCodes.Agreements.NotAParty, Assert.Throws<CoalitionRuleException>(() => Agreement.Draft(TheAgreement, Mou(), Founders(), Actor.System("import"), Start)).Code);
    }

    [Fact]
    public void A_members_delegate_in_the_coalition_may_draft_for_it_when_someone_else_signs()
    {
        var draft = Mou() with { Parties = [Party(1) with { Signatories = [Person(11)] }, Party(2), Party(3)] };

        var agreement = Agreement.Draft(TheAgreement, draft, Founders(), For(1), Start);

        Assert.Equal(Partner(1), agreement.DraftingParty);
    }

    [Fact]
    public void Only_the_drafting_party_revises_and_circulates_a_draft()
    {
        var agreement = Drafted();

        Refusal.Expect(agreement, ErrorCodes.Agreements.NotTheDrafter, () => agreement.Revise(Text("Member 2 hosts the secretariat."), For(2), Hours(1)));
        Refusal.Expect(agreement, ErrorCodes.Agreements.NotTheDrafter, () => agreement.Circulate(For(2), Hours(1)));
        Refusal.Expect(agreement, ErrorCodes.Agreements.NotTheDrafter, () => agreement.Circulate(Actor.Representing(Person(1), Partner(2)), Hours(1)));
        agreement.Revise(Text("Member 2 hosts the secretariat."), For(1), Hours(1));
        agreement.Circulate(For(1), Hours(2));

        Assert.Equal(AgreementStatus.Circulating, agreement.RecordedStatus);
    }

    [Fact]
    public void A_signatory_of_the_drafting_party_may_take_over_the_pen_from_its_delegate()
    {
        var draft = Mou() with { Parties = [Party(1) with { Signatories = [Person(11)] }, Party(2), Party(3)] };
        var agreement = Agreement.Draft(TheAgreement, draft, Founders(), For(1), Start);

        agreement.Circulate(Actor.Representing(Person(11), Partner(1)), Hours(1));

        Assert.Equal(AgreementStatus.Circulating, agreement.RecordedStatus);
    }

    [Fact]
    public void A_signatory_signs_only_for_the_party_it_acts_for()
    {
        var agreement = Circulating();

        Refusal.Expect(agreement, ErrorCodes.Agreements.NotASignatory, () => agreement.Sign(Partner(1), Actor.Representing(Person(1), Partner(2)), Hours(1)));
        Refusal.Expect(agreement, ErrorCodes.Agreements.NotASignatory, () => agreement.Sign(Partner(1), Actor.ForPerson(Person(1)), Hours(1)));
        Refusal.Expect(agreement, ErrorCodes.Agreements.NotASignatory, () => agreement.Sign(Partner(1), Actor.System("import"), Hours(1)));
    }

    [Fact]
    public void Only_a_partys_signatory_proposes_an_amendment()
    {
        var agreement = SignedByAll();

        Refusal.Expect(agreement, ErrorCodes.Agreements.NotASignatory, () => agreement.ProposeAmendment(Text("New roles."), null, For(4), OnUtc(2026, 5, 1)));
        Refusal.Expect(agreement, ErrorCodes.Agreements.NotASignatory, () => agreement.ProposeAmendment(Text("New roles."), null, ChairActor, OnUtc(2026, 5, 1)));
    }

    [Fact]
    public void A_fulfilment_is_recorded_by_the_committed_party_or_by_a_party_it_is_owed_to()
    {
        var agreement = SignedByAll();

        Refusal.Expect(agreement, ErrorCodes.Agreements.NotASignatory, () => agreement.RecordFulfilment("reading-fund", new LocalDate(2026, 6, 1), null, For(4), OnUtc(2026, 6, 2)));
        Refusal.Expect(agreement, ErrorCodes.Agreements.NotASignatory, () => agreement.RecordFulfilment("reading-fund", new LocalDate(2026, 6, 1), null, Actor.System("import"), OnUtc(2026, 6, 2)));
        agreement.RecordFulfilment("secretariat-time", new LocalDate(2026, 4, 20), "Post filled.", For(1), OnUtc(2026, 4, 21));
        agreement.RecordFulfilment("reading-fund", new LocalDate(2026, 6, 1), "Received.", For(3), OnUtc(2026, 6, 2));

        Assert.Equal(CommitmentStatus.Met, agreement.CommitmentStatusOn("reading-fund", new LocalDate(2026, 7, 1)));
    }

    [Fact]
    public void A_party_never_waives_its_own_commitment()
    {
        var agreement = SignedByAll();

        Refusal.Expect(agreement, ErrorCodes.Agreements.NotABeneficiary, () => agreement.Waive("reading-fund", "We cannot pay.", AmendAgreement, For(2), OnUtc(2026, 6, 1)));
    }

    [Fact]
    public void A_commitment_owed_to_several_parties_is_waived_only_with_an_adopted_decision_to_amend_an_agreement()
    {
        var agreement = SignedByAll();

        Refusal.Expect(agreement, ErrorCodes.Coalitions.DecisionRequired, () => agreement.Waive("reading-fund", "Funds were cut.", null, For(1), OnUtc(2026, 6, 1)));
        Refusal.Expect(agreement, ErrorCodes.Coalitions.DecisionRequired, () => agreement.Waive("reading-fund", "Funds were cut.", Adopted(MatterType.AmendCharter), For(1), OnUtc(2026, 6, 1)));
        Refusal.Expect(agreement, ErrorCodes.Coalitions.DecisionRequired, () => agreement.Waive("reading-fund", "Funds were cut.", Adopted(MatterType.AmendAgreement, result: DecisionResult.Rejected), For(1), OnUtc(2026, 6, 1)));
        agreement.Waive("reading-fund", "Funds were cut.", AmendAgreement, For(1), OnUtc(2026, 6, 1));

        Assert.Equal(CommitmentStatus.Waived, agreement.CommitmentStatusOn("reading-fund", new LocalDate(2026, 7, 1)));
    }

    [Fact]
    public void Between_two_parties_the_other_party_waives_a_commitment_alone()
    {
        var agreement = TwoPartiesSigned();

        agreement.Waive("reading-fund", "The fund closed.", null, For(1), OnUtc(2026, 6, 1));

        Assert.Equal(CommitmentStatus.Waived, agreement.CommitmentStatusOn("reading-fund", new LocalDate(2026, 7, 1)));
    }

    [Fact]
    public void Only_the_leaving_partys_own_signatory_gives_its_notice()
    {
        var agreement = SignedByAll();

        Refusal.Expect(agreement, ErrorCodes.Agreements.NotASignatory, () => agreement.GiveNotice(Partner(3), null, For(2), OnUtc(2026, 6, 15)));
        Refusal.Expect(agreement, ErrorCodes.Agreements.NotASignatory, () => agreement.GiveNotice(Partner(3), null, Actor.ForPerson(Person(3)), OnUtc(2026, 6, 15)));
        Refusal.Expect(agreement, ErrorCodes.Agreements.NotASignatory, () => agreement.GiveNotice(Partner(4), null, For(4), OnUtc(2026, 6, 15)));
    }

    [Fact]
    public void An_agreement_that_binds_its_parties_is_terminated_only_citing_an_adopted_decision()
    {
        var agreement = SignedByAll();

        Refusal.Expect(agreement, ErrorCodes.Coalitions.DecisionRequired, () => agreement.Terminate("We stop.", null, For(1), OnUtc(2026, 7, 1)));
        Refusal.Expect(agreement, ErrorCodes.Coalitions.DecisionRequired, () => agreement.Terminate("We stop.", Adopted(MatterType.AmendCharter), For(1), OnUtc(2026, 7, 1)));
        Refusal.Expect(agreement, ErrorCodes.Coalitions.DecisionRequired, () => agreement.Terminate("We stop.", Adopted(MatterType.Dissolve, coalition: CoalitionId.New()), For(1), OnUtc(2026, 7, 1)));
        agreement.Terminate("We stop.", AmendAgreement, For(1), OnUtc(2026, 7, 1));

        Assert.Equal(AgreementStatus.Terminated, agreement.RecordedStatus);
    }

    [Fact]
    public void A_party_may_end_a_circulating_agreement_without_a_decision_since_it_binds_nobody_yet()
    {
        var agreement = Circulating();

        agreement.Terminate("The county programme was cancelled.", null, For(2), Hours(1));

        Assert.Equal(AgreementStatus.Terminated, agreement.RecordedStatus);
    }

    [Fact]
    public void Only_a_partys_signatory_terminates_an_agreement()
    {
        var agreement = SignedByAll();

        Refusal.Expect(agreement, ErrorCodes.Agreements.NotASignatory, () => agreement.Terminate("Taken over.", AmendAgreement, For(4), OnUtc(2026, 7, 1)));
        Refusal.Expect(agreement, ErrorCodes.Agreements.NotASignatory, () => agreement.Terminate("Taken over.", AmendAgreement, Secretariat, OnUtc(2026, 7, 1)));
    }

    [Fact]
    public void A_decision_cited_must_have_been_taken_before_the_act_it_authorizes()
    {
        var agreement = SignedByAll();
        var later = new DecisionReference(ProposalNumber(8), TheCoalition, MatterType.Dissolve, DecisionResult.Adopted, OnUtc(2026, 8, 1));

        Refusal.Expect(agreement, ErrorCodes.Coalitions.DecisionRequired, () => agreement.Terminate("We stop.", later, For(1), OnUtc(2026, 7, 1)));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_refuses_a_missing_or_ill_formed_actor_with_a_code(string command)
    {
        foreach (var actor in new[] { null, new Actor(ActorKind.Person, null, null, null), new Actor(ActorKind.System, Person(1), null, "scheduler") })
        {
            var agreement = StateFor(command);
            Refusal.Expect(agreement, ErrorCodes.Kernel.ActorRequired, () => Run(agreement, command, actor!, OnUtc(2026, 5, 1)));
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void The_host_system_takes_no_agreement_command(string command)
    {
        var agreement = StateFor(command);

        var error = Assert.Throws<CoalitionRuleException>(() => Run(agreement, command, Actor.System("scheduler"), OnUtc(2026, 5, 1)));

        Assert.Contains(error.Code, new[] { ErrorCodes.Agreements.NotTheDrafter, ErrorCodes.Agreements.NotASignatory, ErrorCodes.Agreements.NotABeneficiary });
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_refuses_an_instant_outside_the_years_1900_to_2999(string command)
    {
        var agreement = StateFor(command);

        Refusal.Expect(agreement, ErrorCodes.Kernel.OutOfRange, () => Run(agreement, command, ActorFor(command), Instant.MaxValue));
        Refusal.Expect(agreement, ErrorCodes.Kernel.OutOfRange, () => Run(agreement, command, ActorFor(command), Limits.EarliestInstant - Duration.Epsilon));
    }

    [Fact]
    public void Drafting_refuses_a_missing_actor_and_an_instant_outside_the_bounds_with_a_code()
    {
        Assert.Equal(ErrorCodes.Kernel.ActorRequired, Assert.Throws<CoalitionRuleException>(() => Agreement.Draft(TheAgreement, Mou(), Founders(), null!, Start)).Code);
        Assert.Equal(ErrorCodes.Kernel.OutOfRange, Assert.Throws<CoalitionRuleException>(() => Agreement.Draft(TheAgreement, Mou(), Founders(), For(1), Instant.MinValue)).Code);
    }

    // Members 1 and 2, each committing what it does in the MOU.
    internal static Agreement TwoPartiesSigned()
    {
        var draft = Mou() with
        {
            Parties = [Party(1), Party(2)],
            Text = Text() with { Commitments = Commitments().Where(c => c.Party != Partner(3)).ToArray() },
        };
        var agreement = Agreement.Draft(TheAgreement, draft, Founders(), For(1), Start);
        agreement.Circulate(For(1), Start);
        agreement.Sign(Partner(1), For(1), Hours(1));
        agreement.Sign(Partner(2), For(2), Hours(2));
        return agreement;
    }

    // A state in which the command would otherwise be accepted from its proper actor.
    private static Agreement StateFor(string command) => command switch
    {
        "Revise" or "Circulate" => Drafted(),
        "Sign" => Circulating(),
        _ => SignedByAll(),
    };

    private static Actor ActorFor(string command) => command == "Waive" ? For(1) : For(2);

    private static void Run(Agreement agreement, string command, Actor by, Instant at)
    {
        switch (command)
        {
            case "Revise": agreement.Revise(Text("Member 2 hosts the secretariat."), by, at); break;
            case "Circulate": agreement.Circulate(by, at); break;
            case "Sign": agreement.Sign(Partner(2), by, at); break;
            case "ProposeAmendment": agreement.ProposeAmendment(Text("New roles."), null, by, at); break;
            case "RecordFulfilment": agreement.RecordFulfilment("reading-fund", new LocalDate(2026, 4, 30), null, by, at); break;
            case "Waive": agreement.Waive("reading-fund", "Funds were cut.", AmendAgreement, by, at); break;
            case "GiveNotice": agreement.GiveNotice(Partner(2), null, by, at); break;
            default: agreement.Terminate("We stop.", AmendAgreement, by, at); break;
        }
    }
}
