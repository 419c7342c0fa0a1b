using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Initiatives;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Resources;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.JointWorkScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using CoalitionAggregate = global::Coalitions.Core.Coalitions.Coalition;

namespace Coalitions.Core.Tests.Initiatives;

/// <summary>
/// Each command of an initiative at its boundary: what a refusal of who acts says, the coalition it belongs to, the ids
/// and decisions it requires, and the words of its refusals.
/// </summary>
public class InitiativeCommandTests
{
    private readonly CoalitionAggregate _coalition = Coalition();

    [Fact]
    public void A_refusal_of_who_acts_names_who_may()
    {
        var proposed = Proposed(_coalition);
        var active = Active(_coalition);

        Assert.Equal(
            $"Person {Person(2)} acting for partner {Partner(2)} may not propose a new initiative: only a delegate of the lead partner, acting for it may.",
            Refusal.Of(() => Initiative.Propose(TheInitiative, Plan(), _coalition, For(2), Start), ErrorCodes.Initiatives.NotTheLead).Message);
        Assert.Equal(
            $"Person {Person(1)} acting for partner {Partner(1)} may not approve Reading camps: only a coordinator of the coalition may.",
            Refusal.Expect(proposed, ErrorCodes.Coalitions.NotACoordinator, () => proposed.Approve(Adopted(MatterType.ApproveJointProject), _coalition, For(1), Start)).Message);
        Assert.Equal(
            $"Person {Person(3)} acting for partner {Partner(3)} may not record milestone Reading camps: only a delegate of the lead partner, acting for it or a delegate of an implementing partner that is a member, acting for it may.",
            Refusal.Expect(active, ErrorCodes.Initiatives.NotAPartner, () => active.RecordMilestone(Baseline, April, null, _coalition, For(3), OnDate(2026, 4, 2))).Message);
        Assert.Equal(
            $"Person {Person(4)} acting for partner {Partner(4)} may not link contribution Reading camps: only a delegate of the contributing partner, acting for it or a delegate of the lead partner, acting for it may.",
            Refusal.Expect(active, ErrorCodes.Initiatives.NotAPartner, () => active.LinkContribution(Partner(2), "Books", [], null, null, _coalition, For(4), OnDate(2026, 4, 2))).Message);
    }

    [Fact]
    public void Every_command_of_an_initiative_refuses_another_coalition_even_from_one_who_acts_there()
    {
        var other = AnotherWith(1);
        var proposed = Proposed(_coalition);
        var approved = Approved(_coalition);
        var active = Active(_coalition);
        var suspended = Active(_coalition);
        suspended.Suspend("Schools closed.", _coalition, Secretariat, OnDate(2026, 5, 1));

        Refusal.Expect(proposed, ErrorCodes.Coalitions.OtherCoalition, () => proposed.Revise(Plan(), other, For(1), Start));
        Refusal.Expect(proposed, ErrorCodes.Coalitions.OtherCoalition, () => proposed.Revise(Plan() with { Coalition = other.Id }, other, For(1), Start));
        Refusal.Expect(proposed, ErrorCodes.Coalitions.OtherCoalition, () => proposed.Approve(Adopted(MatterType.ApproveJointProject), other, Secretariat, Start));
        Refusal.Expect(proposed, ErrorCodes.Coalitions.OtherCoalition, () => proposed.Cancel("Merged.", null, other, For(1), Start));
        Refusal.Expect(proposed, ErrorCodes.Coalitions.OtherCoalition, () => proposed.LinkContribution(Partner(1), "Time", [], null, null, other, For(1), Start));
        Refusal.Expect(approved, ErrorCodes.Coalitions.OtherCoalition, () => approved.Start(April, other, For(1), OnDate(2026, 4, 1)));
        Refusal.Expect(active, ErrorCodes.Coalitions.OtherCoalition, () => active.RecordMilestone(Baseline, April, null, other, For(1), OnDate(2026, 4, 2)));
        Refusal.Expect(active, ErrorCodes.Coalitions.OtherCoalition, () => active.Suspend("Floods.", other, Secretariat, OnDate(2026, 4, 2)));
        Refusal.Expect(active, ErrorCodes.Coalitions.OtherCoalition, () => active.Complete(April, other, For(1), OnDate(2026, 4, 2)));
        Refusal.Expect(suspended, ErrorCodes.Coalitions.OtherCoalition, () => suspended.Resume(other, Secretariat, OnDate(2026, 6, 1)));
    }

    [Fact]
    public void An_initiative_is_proposed_under_an_id_and_its_lead_is_a_member_not_one_still_invited()
    {
        var plan = Plan();
        _coalition.Invite(7);
        var invitedLead = plan with
        {
            Lead = Partner(7),
            Partners = [plan.Partners[0] with { Roles = [PartnerRole.Implementing] }, .. plan.Partners.Skip(1), new InitiativePartner(Partner(7), "Member 7", [PartnerRole.Accountable], Outside: true)],
        };

        Refusal.Of(() => Initiative.Propose(default, plan, _coalition, For(1), Start), ErrorCodes.Kernel.EmptyId);
        Assert.Equal(
            "The lead partner of 'Reading camps' is a member of Learning for All.",
            Refusal.Of(() => Initiative.Propose(TheInitiative, invitedLead, _coalition, For(7), Start), ErrorCodes.Initiatives.OutsidePartner).Message);
    }

    [Fact]
    public void A_revision_that_changes_the_lead_says_which_lead_it_keeps()
    {
        var initiative = Proposed(_coalition);
        var plan = Plan();
        var newLead = plan with { Lead = Partner(2), Partners = [plan.Partners[0] with { Roles = [PartnerRole.Implementing] }, plan.Partners[1] with { Roles = [PartnerRole.Accountable] }, .. plan.Partners.Skip(2)] };

        Assert.Equal(
            "A revision of 'Reading camps' keeps its lead partner, Member 1; another lead proposes its own initiative.",
            Refusal.Expect(initiative, ErrorCodes.Initiatives.InvalidPlan, () => initiative.Revise(newLead, _coalition, For(1), Hours(1))).Message);
    }

    [Fact]
    public void Approval_needs_a_decision()
    {
        var initiative = Proposed(_coalition);

        Refusal.Expect(initiative, ErrorCodes.Coalitions.DecisionRequired, () => initiative.Approve(null!, _coalition, Secretariat, Start));
    }

    [Fact]
    public void A_milestone_not_in_the_plan_is_named_in_the_refusal()
    {
        var initiative = Active(_coalition);

        Assert.Equal(
            "'Reading camps' has no milestone 'party'.",
            Refusal.Expect(initiative, ErrorCodes.Initiatives.UnknownMilestone, () => initiative.RecordMilestone(new MilestoneKey("party"), April, null, _coalition, For(1), OnDate(2026, 4, 2))).Message);
    }

    [Fact]
    public void Once_approved_the_lead_alone_is_told_that_a_coordinator_cancels_citing_a_decision()
    {
        var initiative = Approved(_coalition);

        Assert.Equal(
            "'Reading camps' is approved: only a coordinator cancels it, citing the coalition's decision.",
            Refusal.Expect(initiative, ErrorCodes.Coalitions.NotACoordinator, () => initiative.Cancel("Lost funding.", Adopted(MatterType.ApproveJointProject), _coalition, For(1), Start)).Message);
    }

    [Fact]
    public void A_contribution_names_its_partner_and_links_only_that_partners_pledges_each_once_and_a_commitment_it_made()
    {
        var coalition = AgreementScenario.Founders();
        var initiative = Initiative.Propose(TheInitiative, Plan() with { Partners = Plan().Partners.Take(3).ToArray(), Budget = [Plan().Budget[0]] }, coalition, For(1), Start);
        var mou = AgreementScenario.SignedByAll();
        var ownPledge = Pledge.Make(PledgeNumber(1), MoneyPledge(2, 5_000m, initiative: TheInitiative), coalition, For(2), Start);
        var anothersPledge = Pledge.Make(PledgeNumber(2), MoneyPledge(3, 5_000m, initiative: TheInitiative), coalition, For(3), Start);

        Refusal.Expect(initiative, ErrorCodes.Kernel.EmptyId, () => initiative.LinkContribution(default, "Books", [], null, null, coalition, For(1), Hours(4)));
        Assert.Equal(
            "A pledge linked to the contribution of Member 2 is not its own pledge for 'Reading camps'.",
            Refusal.Expect(initiative, ErrorCodes.Initiatives.InvalidContribution, () => initiative.LinkContribution(Partner(2), "Books", [anothersPledge], null, null, coalition, For(2), Hours(4))).Message);
        Assert.Equal(
            "The contribution of Member 2 to 'Reading camps' names a pledge twice.",
            Refusal.Expect(initiative, ErrorCodes.Initiatives.InvalidContribution, () => initiative.LinkContribution(Partner(2), "Books", [ownPledge, ownPledge], null, null, coalition, For(2), Hours(4))).Message);
        Assert.Equal(
            "The agreement linked to the contribution of Member 2 binds it to no commitment by that key.",
            Refusal.Expect(initiative, ErrorCodes.Initiatives.InvalidContribution, () => initiative.LinkContribution(Partner(2), "Books", [ownPledge], mou, "no-such-commitment", coalition, For(2), Hours(4))).Message);
    }

    [Fact]
    public void A_refusal_out_of_step_says_what_the_initiative_cannot_do_now()
    {
        var completed = Active(_coalition);
        completed.Complete(April, _coalition, For(1), OnDate(2026, 4, 2));
        var proposed = Proposed(_coalition);
        var at = OnDate(2026, 4, 3);

        string Refused(Initiative initiative, Action command) => Refusal.Expect(initiative, ErrorCodes.Initiatives.InvalidTransition, command).Message;

        Assert.Equal("'Reading camps' is completed; it cannot be revised now.", Refused(completed, () => completed.Revise(Plan(), _coalition, For(1), at)));
        Assert.Equal("'Reading camps' is completed; it cannot be approved now.", Refused(completed, () => completed.Approve(Adopted(MatterType.ApproveJointProject), _coalition, Secretariat, at)));
        Assert.Equal("'Reading camps' is completed; it cannot start now.", Refused(completed, () => completed.Start(April, _coalition, For(1), at)));
        Assert.Equal("'Reading camps' is completed; it cannot record a milestone now.", Refused(completed, () => completed.RecordMilestone(Baseline, April, null, _coalition, For(1), at)));
        Assert.Equal("'Reading camps' is completed; it cannot be suspended now.", Refused(completed, () => completed.Suspend("Floods.", _coalition, Secretariat, at)));
        Assert.Equal("'Reading camps' is completed; it cannot resume now.", Refused(completed, () => completed.Resume(_coalition, Secretariat, at)));
        Assert.Equal("'Reading camps' is proposed; it cannot be completed now.", Refused(proposed, () => proposed.Complete(April, _coalition, For(1), at)));
        Assert.Equal("'Reading camps' is completed; it cannot be cancelled now.", Refused(completed, () => completed.Cancel("Late.", Adopted(MatterType.ApproveJointProject), _coalition, Secretariat, at)));
        Assert.Equal("'Reading camps' is completed; it cannot link a contribution now.", Refused(completed, () => completed.LinkContribution(Partner(2), "Books", [], null, null, _coalition, For(2), at)));
    }

    [Fact]
    public void A_step_recorded_when_the_coalitions_day_is_past_the_year_2999_is_refused()
    {
        var initiative = Approved(_coalition);

        // 22:00 UTC on 31 December 2999 is already 1 January 3000 in Nairobi.
        var error = Refusal.Expect(initiative, ErrorCodes.Kernel.OutOfRange, () => initiative.Start(April, _coalition, For(1), Instant.FromUtc(2999, 12, 31, 22, 0)));

        Assert.Contains("today", error.Message, StringComparison.Ordinal);
    }
}
