using Coalitions.Core.Conflicts;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Docs;

/// <summary>The code of docs/conflicts.md, compiled and run: each block of the guide is the body of one test here, word for word.</summary>
public class ConflictsGuideTests
{
    // What the guide takes as given: a coalition of nine (Africa/Nairobi), its coordinator and governance, members' delegates, a decision taken.
    private static readonly global::Coalitions.Core.Coalitions.Coalition coalition = Nine;
    private static readonly global::Coalitions.Core.Governance.CoalitionGovernance governance = Kit.ConflictScenario.Rules;
    private static readonly Actor secretariat = Secretariat;
    private static readonly Instant monday = Start;
    private static readonly PartnerId member4 = Partner(4), member5 = Partner(5);
    private static readonly Actor delegateOf4 = For(4), delegateOf5 = For(5), delegateOf6 = For(6);
    private static readonly PersonId mediatorPerson = Person(950);
    private static readonly DecisionReference ruling = Decided(MatterType.ResolveDispute, 41, Hours(30));

    [Fact]
    public void A_dispute_is_resolved_by_mediation_and_its_follow_up_tracked()
    {
        var dispute = ConflictCase.Open(
            ConflictCaseId.New(),
            new CaseDraft(coalition.Id, "Credit for the reading survey", "The survey was published without naming the field team.", [member4, member5], CoalitionIsParty: false, CaseConfidentiality.Coordinators, ["Each party may bring one adviser."]),
            coalition,
            delegateOf4,
            monday);

        // Dialogue begins once every party has acknowledged the ground rules (the charter's and the case's own).
        dispute.AcknowledgeGroundRules(member4, coalition, delegateOf4, monday + Duration.FromHours(1));
        dispute.AcknowledgeGroundRules(member5, coalition, delegateOf5, monday + Duration.FromHours(1));
        dispute.RecordSession(new LocalDate(2026, 3, 2), "A first talk; no agreement.", coalition, delegateOf4, monday + Duration.FromHours(2));

        // Mediation begins once every party has accepted the same mediator.
        dispute.ProposeMediator(new Mediator(mediatorPerson, "Esther Wambui"), coalition, delegateOf5, monday + Duration.FromHours(2));
        dispute.AcceptMediator(member4, coalition, delegateOf4, monday + Duration.FromHours(3));
        dispute.AcceptMediator(member5, coalition, delegateOf5, monday + Duration.FromHours(3));

        // The mediator proposes terms; the case is resolved when every party confirms them.
        var terms = new Resolution(
            "Member 5 credits member 4's field team in the report and its press release.",
            [new FollowUp(new FollowUpKey("erratum"), member5, "Publish an erratum naming the field team", new LocalDate(2026, 3, 20))]);
        dispute.ProposeResolution(terms, coalition, Actor.ForPerson(mediatorPerson), monday + Duration.FromHours(4));
        dispute.ConfirmResolution(member4, coalition, delegateOf4, monday + Duration.FromHours(5));
        dispute.ConfirmResolution(member5, coalition, delegateOf5, monday + Duration.FromHours(5));
        dispute.CompleteFollowUp(new FollowUpKey("erratum"), new LocalDate(2026, 3, 10), "Published online.", coalition, delegateOf5, Instant.FromUtc(2026, 3, 10, 12, 0));

        var view = dispute.View(coalition, secretariat, Instant.FromUtc(2026, 3, 11, 9, 0));
        Console.WriteLine(view.Describe());

        Assert.Equal(CaseStatus.Resolved, view.Status);
        Assert.Equal(FollowUpStatus.Done, Assert.Single(view.FollowUps).Status);
    }

    [Fact]
    public void A_dispute_mediation_cannot_settle_goes_to_the_body_the_rule_book_names_and_only_those_admitted_see_it()
    {
        var dispute = Kit.ConflictScenario.InMediation(CaseConfidentiality.PartiesOnly);

        // The rule book of the coalition's governance names the body that resolves disputes (here, the steering committee).
        dispute.Escalate(governance, coalition, delegateOf4, monday + Duration.FromHours(5));
        // Its decision (a proposal on MatterType.ResolveDispute, adopted after the escalation) closes the case.
        dispute.RecordDecision(ruling, new Resolution("Both reports name both teams.", []), coalition, secretariat, monday + Duration.FromHours(31), governance);

        // A case confidential to its parties is hidden from other members and from the coordinators.
        var outsider = dispute.CanView(coalition, delegateOf6, monday + Duration.FromHours(32));
        var coordinator = dispute.CanView(coalition, secretariat, monday + Duration.FromHours(32));
        var party = dispute.CanView(coalition, delegateOf5, monday + Duration.FromHours(32));

        Assert.False(outsider.IsAllowed);
        Assert.True(outsider.Has(ErrorCodes.Conflicts.NotPermittedToSee));
        Assert.False(coordinator.IsAllowed);
        Assert.True(party.IsAllowed);
        Assert.Equal(CaseStatus.Decided, dispute.View(coalition, delegateOf5, monday + Duration.FromHours(32)).Status);
    }
}
