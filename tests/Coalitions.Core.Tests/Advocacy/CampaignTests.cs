using Coalitions.Core.Advocacy;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using Snapshooter.Xunit;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Advocacy;

/// <summary>Campaigns: objectives, targets, positions carried, external events, actions assigned to members, outcomes.</summary>
public class CampaignTests
{
    [Fact]
    public void A_coordinator_launches_a_campaign_with_objectives_targets_and_a_lead_member()
    {
        var campaign = LaunchedCampaign();

        Assert.Equal(CampaignStatus.Active, campaign.Status);
        Assert.Equal(Partner(5), campaign.Lead);
        Assert.Equal(["minister", "committee"], campaign.Targets.Select(t => t.Key.Value));
        Assert.Equal("budget-line", Assert.Single(campaign.Objectives).Key.Value);
    }

    [Fact]
    public void Only_a_coordinator_launches_a_campaign_and_its_lead_is_an_active_member()
    {
        Assert.Equal(ErrorCodes.Coalitions.NotACoordinator, Assert.Throws<CoalitionRuleException>(() => Campaign.Launch(TheCampaign, Plan(), Nine, For(5), Start)).Code);
        Assert.Equal(ErrorCodes.Advocacy.NotAnActiveMember, Assert.Throws<CoalitionRuleException>(() => Campaign.Launch(TheCampaign, Plan(Partner(20)), Nine, Secretariat, Start)).Code);
    }

    [Fact]
    public void A_campaign_plan_names_one_to_fifty_objectives_and_each_key_once()
    {
        var plan = Plan();

        Assert.Equal(ErrorCodes.Advocacy.InvalidInput, Assert.Throws<CoalitionRuleException>(() => Campaign.Launch(TheCampaign, plan with { Objectives = [] }, Nine, Secretariat, Start)).Code);
        Assert.Equal(ErrorCodes.Advocacy.InvalidInput, Assert.Throws<CoalitionRuleException>(() => Campaign.Launch(TheCampaign, plan with { Targets = [plan.Targets[0], plan.Targets[0]] }, Nine, Secretariat, Start)).Code);
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Campaign.Launch(TheCampaign, plan with { Name = "Bell\u0007" }, Nine, Secretariat, Start)).Has(ErrorCodes.Kernel.InvalidText));
    }

    [Fact]
    public void The_lead_members_delegate_manages_the_campaign_with_the_coordinators_and_others_do_not()
    {
        var campaign = LaunchedCampaign();

        campaign.AddTarget(new CampaignTarget(new TargetKey("treasury"), "The Treasury", TargetKind.Institution), Nine, For(5), Hours(1));
        Refusal.Expect(campaign, ErrorCodes.Advocacy.NotAuthorized, () => campaign.AddTarget(new CampaignTarget(new TargetKey("mayor"), "The Mayor", TargetKind.Official), Nine, For(6), Hours(1)));
        Refusal.Expect(campaign, ErrorCodes.Advocacy.NotAuthorized, () => campaign.PlanAction(Action(), Nine, For(6), Hours(1)));
    }

    [Fact]
    public void A_campaign_carries_only_positions_of_its_coalition_in_effect()
    {
        var campaign = LaunchedCampaign();
        var draft = DraftedPosition();
        var other = PolicyPosition.Draft(OtherPosition, PositionText() with { Coalition = Elsewhere.Id }, Elsewhere, Secretariat, Start);
        other.Adopt(Decided(MatterType.AdoptPolicyPosition, 30, Hours(1), coalition: Elsewhere.Id), Elsewhere, Secretariat, Hours(1));

        Refusal.Expect(campaign, ErrorCodes.Advocacy.PositionNotInEffect, () => campaign.CarryPosition(draft, Nine, Secretariat, Hours(3)));
        Refusal.Expect(campaign, ErrorCodes.Advocacy.OtherCoalition, () => campaign.CarryPosition(other, Nine, Secretariat, Hours(3)));
        campaign.CarryPosition(PublishedPosition(), Nine, Secretariat, Hours(3));

        var carried = Assert.Single(campaign.Positions);
        Assert.Equal((ThePosition, 1), (carried.Position, carried.Version));
        Refusal.Expect(campaign, ErrorCodes.Advocacy.Duplicate, () => campaign.CarryPosition(PublishedPosition(), Nine, Secretariat, Hours(4)));
        campaign.DropPosition(ThePosition, Nine, Secretariat, Hours(5));
        Assert.Empty(campaign.Positions);
    }

    [Fact]
    public void A_campaign_links_the_external_events_it_aims_at_and_actions_may_prepare_for_them()
    {
        var campaign = LaunchedCampaign();
        var hearing = new ExternalEventLink(BudgetHearing, "Budget committee hearing", new LocalDate(2026, 5, 20));

        Refusal.Expect(campaign, ErrorCodes.Advocacy.UnknownKey, () => campaign.PlanAction(Action(kind: ActionKind.Submission) with { Event = BudgetHearing }, Nine, Secretariat, Hours(1)));
        campaign.LinkExternalEvent(hearing, Nine, Secretariat, Hours(1));
        campaign.PlanAction(Action(kind: ActionKind.Submission) with { Event = BudgetHearing }, Nine, Secretariat, Hours(2));

        Assert.Equal(hearing, Assert.Single(campaign.ExternalEvents));
        Refusal.Expect(campaign, ErrorCodes.Advocacy.Duplicate, () => campaign.LinkExternalEvent(hearing, Nine, Secretariat, Hours(3)));
    }

    [Fact]
    public void An_action_is_assigned_to_an_active_member_and_names_targets_and_objectives_of_the_campaign()
    {
        var campaign = LaunchedCampaign();

        Refusal.Expect(campaign, ErrorCodes.Advocacy.NotAnActiveMember, () => campaign.PlanAction(Action(assignee: 20), Nine, Secretariat, Hours(1)));
        Refusal.Expect(campaign, ErrorCodes.Advocacy.UnknownKey, () => campaign.PlanAction(Action() with { Target = new TargetKey("mayor") }, Nine, Secretariat, Hours(1)));
        Refusal.Expect(campaign, ErrorCodes.Advocacy.InvalidInput, () => campaign.PlanAction(Action() with { Statement = TheStatement }, Nine, Secretariat, Hours(1)));
        campaign.PlanAction(Action(), Nine, Secretariat, Hours(1));
        Refusal.Expect(campaign, ErrorCodes.Advocacy.Duplicate, () => campaign.PlanAction(Action(), Nine, Secretariat, Hours(2)));
    }

    [Fact]
    public void The_assigned_member_records_its_action_as_done_and_its_status_follows_the_dates()
    {
        var campaign = LaunchedCampaign();
        campaign.PlanAction(Action(assignee: 6, due: new LocalDate(2026, 4, 15)), Nine, Secretariat, Hours(1));
        var key = new CampaignActionKey("meet-minister");

        Assert.Equal(ActionStatus.Planned, campaign.ActionStatusOn(key, new LocalDate(2026, 4, 15)));
        Assert.Equal(ActionStatus.Overdue, campaign.ActionStatusOn(key, new LocalDate(2026, 4, 16)));
        Refusal.Expect(campaign, ErrorCodes.Advocacy.NotAuthorized, () => campaign.CompleteAction(key, new LocalDate(2026, 4, 14), null, Nine, For(7), OnDate(2026, 4, 14)));
        Refusal.Expect(campaign, ErrorCodes.Kernel.OutOfRange, () => campaign.CompleteAction(key, new LocalDate(2026, 4, 20), null, Nine, For(6), OnDate(2026, 4, 14)));
        campaign.CompleteAction(key, new LocalDate(2026, 4, 14), "The minister took the brief.", Nine, For(6), OnDate(2026, 4, 14));

        Assert.Equal(ActionStatus.Done, campaign.ActionStatusOn(key, new LocalDate(2026, 4, 16)));
        Assert.Equal(ActionStatus.Planned, campaign.ActionStatusOn(key, new LocalDate(2026, 4, 13)));
        Refusal.Expect(campaign, ErrorCodes.Advocacy.ActionSettled, () => campaign.CancelAction(key, "Too late.", Nine, Secretariat, OnDate(2026, 4, 15)));
    }

    [Fact]
    public void A_cancelled_action_is_settled()
    {
        var campaign = LaunchedCampaign();
        campaign.PlanAction(Action(), Nine, Secretariat, Hours(1));

        campaign.CancelAction(new CampaignActionKey("meet-minister"), "The minister resigned.", Nine, For(5), Hours(2));

        Assert.Equal(ActionStatus.Cancelled, campaign.ActionStatusOn(new CampaignActionKey("meet-minister"), new LocalDate(2026, 5, 1)));
        Refusal.Expect(campaign, ErrorCodes.Advocacy.ActionSettled, () => campaign.CompleteAction(new CampaignActionKey("meet-minister"), new LocalDate(2026, 3, 2), null, Nine, For(6), Hours(3)));
    }

    [Fact]
    public void Outcomes_are_recorded_for_objectives_even_after_the_campaign_ended()
    {
        var campaign = LaunchedCampaign();
        campaign.Conclude(CampaignResult.PartlyWon, "A reading line, smaller than asked.", Nine, For(5), OnDate(2026, 6, 30));

        campaign.RecordOutcome(new CampaignOutcome("Parliament passed a reading line of 2 %.", OutcomeKind.PartlyAchieved, new LocalDate(2026, 9, 30), new CampaignObjectiveKey("budget-line"), new TargetKey("committee")), Nine, Secretariat, OnDate(2026, 10, 1));

        Assert.Equal(OutcomeKind.PartlyAchieved, campaign.OutcomeOf(new CampaignObjectiveKey("budget-line"))!.Kind);
        Refusal.Expect(campaign, ErrorCodes.Advocacy.InvalidTransition, () => campaign.PlanAction(Action(), Nine, Secretariat, OnDate(2026, 10, 2)));
        Refusal.Expect(campaign, ErrorCodes.Advocacy.InvalidTransition, () => campaign.Conclude(CampaignResult.Won, "Again.", Nine, Secretariat, OnDate(2026, 10, 2)));
        Refusal.Expect(campaign, ErrorCodes.Advocacy.UnknownKey, () => campaign.RecordOutcome(new CampaignOutcome("?", OutcomeKind.Achieved, new LocalDate(2026, 9, 30), new CampaignObjectiveKey("nope")), Nine, Secretariat, OnDate(2026, 10, 2)));
    }

    [Fact]
    public void A_campaign_of_another_coalition_is_not_changed_with_this_one()
    {
        var campaign = LaunchedCampaign();

        Refusal.Expect(campaign, ErrorCodes.Coalitions.OtherCoalition, () => campaign.PlanAction(Action(), Elsewhere, Secretariat, Hours(1)));
    }

    [Fact]
    public void A_history_that_completes_an_action_twice_or_plans_one_for_a_missing_target_is_refused()
    {
        var campaign = LaunchedCampaign();
        campaign.PlanAction(Action(), Nine, Secretariat, Hours(1));
        var events = campaign.DequeueUncommittedEvents();
        var done = new CampaignActionCompleted(TheCampaign, new CampaignActionKey("meet-minister"), new LocalDate(2026, 3, 2), null, Hours(2), For(6));

        Assert.Throws<StoredEventException>(() => Campaign.Rehydrate([.. events, done, done with { At = Hours(3) }]));
        Assert.Throws<StoredEventException>(() => Campaign.Rehydrate([.. events, new CampaignActionPlanned(TheCampaign, Action("other") with { Target = new TargetKey("mayor") }, Hours(2), Secretariat)]));
        Assert.Throws<StoredEventException>(() => Campaign.Rehydrate([.. events, new CampaignConcluded(TheCampaign, CampaignResult.Won, "Done.", Hours(2), Secretariat), done]));
    }

    [Fact]
    public void A_campaign_is_described_in_plain_words()
    {
        var campaign = LaunchedCampaign();
        campaign.CarryPosition(PublishedPosition(), Nine, Secretariat, Hours(3));
        campaign.LinkExternalEvent(new ExternalEventLink(BudgetHearing, "Budget committee hearing", new LocalDate(2026, 5, 20)), Nine, Secretariat, Hours(3));
        campaign.PlanAction(Action("meet-minister", 6, new LocalDate(2026, 4, 15)), Nine, Secretariat, Hours(3));
        campaign.PlanAction(Action("submission", 7, new LocalDate(2026, 5, 10), ActionKind.Submission) with { Title = "Written submission to the committee", Target = new TargetKey("committee") }, Nine, Secretariat, Hours(3));
        campaign.PlanAction(Action("rally", 8, new LocalDate(2026, 5, 19), ActionKind.Event) with { Title = "Rally before the hearing", Target = null }, Nine, Secretariat, Hours(3));
        campaign.CompleteAction(new CampaignActionKey("submission"), new LocalDate(2026, 5, 8), null, Nine, For(7), OnDate(2026, 5, 8));
        campaign.RecordOutcome(new CampaignOutcome("The committee adopted a reading line.", OutcomeKind.Achieved, new LocalDate(2026, 5, 21), new CampaignObjectiveKey("budget-line"), new TargetKey("committee")), Nine, Secretariat, OnDate(2026, 5, 21));

        Snapshot.Match(campaign.Describe(new LocalDate(2026, 5, 25), p => Nine.TryGetMembership(p, out var m) ? m.Name : null));
    }
}
