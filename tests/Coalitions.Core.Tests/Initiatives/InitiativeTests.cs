using Coalitions.Core.Decisions;
using Coalitions.Core.Initiatives;
using Coalitions.Core.Kernel;
using Coalitions.Core.Resources;
using Coalitions.Core.Serialization;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.JointWorkScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Initiatives;

public class InitiativeTests
{
    private readonly global::Coalitions.Core.Coalitions.Coalition _coalition = Coalition();

    [Fact]
    public void A_joint_project_is_proposed_by_its_lead_approved_by_a_decision_started_and_completed()
    {
        var initiative = Proposed(_coalition);
        initiative.Approve(Adopted(MatterType.ApproveJointProject), _coalition, Secretariat, Start);
        initiative.Start(new LocalDate(2026, 4, 1), _coalition, For(1), OnDate(2026, 4, 1));
        initiative.Complete(new LocalDate(2026, 12, 20), _coalition, For(1), OnDate(2026, 12, 21));

        Assert.Equal(InitiativeStatus.Completed, initiative.Status);
        Assert.Equal(new LocalDate(2026, 12, 20), initiative.EndedOn);
        Assert.Equal(Kes(300_000m), initiative.BudgetIn("KES"));
    }

    [Fact]
    public void Only_a_delegate_of_the_lead_partner_proposes_the_initiative()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => Initiative.Propose(TheInitiative, Plan(), _coalition, For(2), Start));

        Assert.True(error.Has(ErrorCodes.Initiatives.NotTheLead));
    }

    [Fact]
    public void Approval_cites_an_adopted_decision_to_approve_a_joint_project()
    {
        var initiative = Proposed(_coalition);

        Refusal.Expect(initiative, ErrorCodes.Coalitions.DecisionRequired, () => initiative.Approve(Adopted(MatterType.ApproveBudget), _coalition, Secretariat, Start));
        Refusal.Expect(initiative, ErrorCodes.Coalitions.DecisionRequired, () => initiative.Approve(Adopted(MatterType.ApproveJointProject, result: DecisionResult.Rejected), _coalition, Secretariat, Start));
        Refusal.Expect(initiative, ErrorCodes.Coalitions.NotACoordinator, () => initiative.Approve(Adopted(MatterType.ApproveJointProject), _coalition, For(1), Start));
    }

    [Fact]
    public void The_lead_partner_is_accountable_and_every_budget_line_is_funded_by_a_funding_partner()
    {
        var plan = Plan();
        var notAccountable = plan with { Partners = [plan.Partners[0] with { Roles = [PartnerRole.Implementing] }, .. plan.Partners.Skip(1)] };
        var unfunded = plan with { Budget = [plan.Budget[0] with { Funder = Partner(2) }] };
        var twice = plan with { Milestones = [plan.Milestones[0], plan.Milestones[0]] };

        Assert.True(Assert.Throws<CoalitionRuleException>(() => Initiative.Propose(TheInitiative, notAccountable, _coalition, For(1), Start)).Has(ErrorCodes.Initiatives.InvalidPlan));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Initiative.Propose(TheInitiative, unfunded, _coalition, For(1), Start)).Has(ErrorCodes.Initiatives.InvalidPlan));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Initiative.Propose(TheInitiative, twice, _coalition, For(1), Start)).Has(ErrorCodes.Initiatives.InvalidPlan));
    }

    [Fact]
    public void A_partner_that_is_not_a_member_takes_part_only_marked_as_an_outside_partner()
    {
        var plan = Plan();
        var unmarked = plan with { Partners = [.. plan.Partners.Take(3), plan.Partners[3] with { Outside = false }] };
        var memberMarkedOutside = plan with { Partners = [plan.Partners[0], plan.Partners[1] with { Outside = true }, .. plan.Partners.Skip(2)] };

        Assert.True(Assert.Throws<CoalitionRuleException>(() => Initiative.Propose(TheInitiative, unmarked, _coalition, For(1), Start)).Has(ErrorCodes.Initiatives.OutsidePartner));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Initiative.Propose(TheInitiative, memberMarkedOutside, _coalition, For(1), Start)).Has(ErrorCodes.Initiatives.OutsidePartner));
    }

    [Fact]
    public void The_plan_is_revised_only_while_proposed_and_keeps_its_lead()
    {
        var initiative = Proposed(_coalition);
        initiative.Revise(Plan() with { Title = "Reading camps 2026" }, _coalition, For(1), Hours(1));
        Assert.Equal("Reading camps 2026", initiative.Title);

        var newLead = Plan() with { Lead = Partner(2), Partners = [Plan().Partners[0] with { Roles = [PartnerRole.Implementing] }, Plan().Partners[1] with { Roles = [PartnerRole.Accountable] }, .. Plan().Partners.Skip(2)] };
        Refusal.Expect(initiative, ErrorCodes.Initiatives.InvalidPlan, () => initiative.Revise(newLead, _coalition, For(1), Hours(2)));

        initiative.Approve(Adopted(MatterType.ApproveJointProject), _coalition, Secretariat, Hours(3));
        Refusal.Expect(initiative, ErrorCodes.Initiatives.InvalidTransition, () => initiative.Revise(Plan(), _coalition, For(1), Hours(4)));
    }

    [Fact]
    public void Milestones_are_recorded_once_by_the_lead_or_an_implementing_partner_while_active()
    {
        var initiative = Active(_coalition);

        Refusal.Expect(initiative, ErrorCodes.Initiatives.NotAPartner, () => initiative.RecordMilestone(new MilestoneKey("baseline"), new LocalDate(2026, 4, 20), null, _coalition, For(3), OnDate(2026, 4, 21)));
        initiative.RecordMilestone(new MilestoneKey("baseline"), new LocalDate(2026, 4, 20), "1,200 pupils assessed.", _coalition, For(2), OnDate(2026, 4, 21));
        Refusal.Expect(initiative, ErrorCodes.Initiatives.UnknownMilestone, () => initiative.RecordMilestone(new MilestoneKey("baseline"), new LocalDate(2026, 4, 21), null, _coalition, For(1), OnDate(2026, 4, 21)));
        Refusal.Expect(initiative, ErrorCodes.Initiatives.UnknownMilestone, () => initiative.RecordMilestone(new MilestoneKey("party"), new LocalDate(2026, 4, 21), null, _coalition, For(1), OnDate(2026, 4, 21)));
        Refusal.Expect(initiative, ErrorCodes.Initiatives.UnknownMilestone, () => initiative.RecordMilestone(new MilestoneKey("camps"), new LocalDate(2026, 3, 31), null, _coalition, For(1), OnDate(2026, 4, 21)));

        Assert.Equal(new LocalDate(2026, 4, 20), initiative.Reached[new MilestoneKey("baseline")].On);
    }

    [Fact]
    public void A_coordinator_suspends_and_resumes_an_initiative_under_way()
    {
        var initiative = Active(_coalition);

        Refusal.Expect(initiative, ErrorCodes.Coalitions.NotACoordinator, () => initiative.Suspend("Schools closed.", _coalition, For(1), OnDate(2026, 5, 1)));
        initiative.Suspend("Schools closed by floods.", _coalition, Secretariat, OnDate(2026, 5, 1));
        Refusal.Expect(initiative, ErrorCodes.Initiatives.InvalidTransition, () => initiative.RecordMilestone(new MilestoneKey("baseline"), new LocalDate(2026, 4, 20), null, _coalition, For(1), OnDate(2026, 5, 2)));
        initiative.Resume(_coalition, Secretariat, OnDate(2026, 6, 1));

        Assert.Equal(InitiativeStatus.Active, initiative.Status);
    }

    [Fact]
    public void Once_approved_only_a_coordinator_cancels_and_only_citing_a_decision()
    {
        var proposed = Proposed(_coalition);
        proposed.Cancel("Merged into another project.", null, _coalition, For(1), Hours(1));
        Assert.Equal(InitiativeStatus.Cancelled, proposed.Status);

        var active = Active(_coalition);
        Assert.True(Refusal.Expect(active, ErrorCodes.Coalitions.NotACoordinator, () => active.Cancel("Lost funding.", Adopted(MatterType.ApproveJointProject), _coalition, For(1), OnDate(2026, 5, 1))).IsAuthorizationRefusal);
        Assert.False(Refusal.Expect(active, ErrorCodes.Coalitions.DecisionRequired, () => active.Cancel("Lost funding.", null, _coalition, Secretariat, OnDate(2026, 5, 1))).IsAuthorizationRefusal);
        active.Cancel("Lost funding.", Adopted(MatterType.ApproveJointProject), _coalition, Secretariat, OnDate(2026, 5, 1));
        Refusal.Expect(active, ErrorCodes.Initiatives.InvalidTransition, () => active.Cancel("Again.", Adopted(MatterType.ApproveJointProject), _coalition, Secretariat, OnDate(2026, 5, 2)));
    }

    [Fact]
    public void A_partners_contribution_links_its_own_pledges_for_the_initiative_and_its_commitment_under_the_mou()
    {
        var coalition = AgreementScenario.Founders();
        var initiative = Initiative.Propose(TheInitiative, Plan() with { Partners = Plan().Partners.Take(3).ToArray(), Budget = [Plan().Budget[0]] }, coalition, For(1), Start);
        var mou = AgreementScenario.SignedByAll();
        var pledge = Pledge.Make(PledgeNumber(1), MoneyPledge(2, 5_000m, initiative: TheInitiative), coalition, For(2), Start);
        var otherPledge = Pledge.Make(PledgeNumber(2), MoneyPledge(2, 5_000m), coalition, For(2), Start);

        Assert.True(Assert.Throws<CoalitionRuleException>(() => initiative.LinkContribution(Partner(2), "Money for books", [otherPledge], null, null, coalition, For(2), Hours(4))).Has(ErrorCodes.Initiatives.InvalidContribution));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => initiative.LinkContribution(Partner(2), "Money for books", [pledge], mou, "secretariat-time", coalition, For(2), Hours(4))).Has(ErrorCodes.Initiatives.InvalidContribution));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => initiative.LinkContribution(Partner(2), "Money for books", [pledge], null, null, coalition, For(3), Hours(4))).Has(ErrorCodes.Initiatives.NotAPartner));
        initiative.LinkContribution(Partner(2), "Money for books", [pledge], mou, "reading-fund", coalition, For(2), Hours(4));

        var linked = initiative.Contributions.Single();
        Assert.Equal([PledgeNumber(1)], linked.Pledges);
        Assert.Equal(AgreementScenario.TheAgreement, linked.Agreement);
        Assert.Equal("reading-fund", linked.Commitment);
    }

    [Fact]
    public void A_stored_history_that_starts_an_initiative_before_its_approval_is_refused()
    {
        var initiative = Proposed(_coalition);
        var history = initiative.DequeueUncommittedEvents().Append(new InitiativeStarted(TheInitiative, new LocalDate(2026, 4, 1), OnDate(2026, 4, 1), For(1)));

        var error = Assert.Throws<StoredEventException>(() => Initiative.Rehydrate(history));

        Assert.Contains("only an approved initiative starts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_history_reaching_a_milestone_not_in_the_plan_is_refused()
    {
        var initiative = Active(_coalition);
        var history = initiative.DequeueUncommittedEvents().Append(new MilestoneReached(TheInitiative, new ReachedMilestone(new MilestoneKey("party"), new LocalDate(2026, 4, 2), null), OnDate(2026, 4, 2), For(1)));

        Assert.Throws<StoredEventException>(() => Initiative.Rehydrate(history));
    }

    [Fact]
    public void An_initiative_round_trips_through_json()
    {
        var initiative = Active(_coalition);
        initiative.RecordMilestone(new MilestoneKey("baseline"), new LocalDate(2026, 4, 20), "Done.", _coalition, For(1), OnDate(2026, 4, 21));
        var stored = initiative.DequeueUncommittedEvents().Select(CoalitionsJson.SerializeEvent).ToArray();

        var back = Initiative.Rehydrate(stored.Select(CoalitionsJson.DeserializeEvent));

        Assert.Equal(ObservableState.Of(initiative), ObservableState.Of(back));
    }
}
