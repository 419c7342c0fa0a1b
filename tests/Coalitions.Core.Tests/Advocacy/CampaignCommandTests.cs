using Coalitions.Core.Advocacy;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using CoalitionAggregate = global::Coalitions.Core.Coalitions.Coalition;

namespace Coalitions.Core.Tests.Advocacy;

/// <summary>
/// Each command of a campaign at its boundary: who may act, the coalition it belongs to, keys used once and bounded
/// lists, settled actions, the steps a concluded campaign refuses, and the words of each refusal.
/// </summary>
public class CampaignCommandTests
{
    private static readonly CampaignActionKey Meeting = new("meet-minister");
    private static readonly CampaignObjectiveKey BudgetLine = new("budget-line");

    private static CampaignObjective Objective(int n) => new(new CampaignObjectiveKey($"objective-{n}"), $"Objective {n}");

    private static ExternalEventLink Hearing(int n = 1) => new(ExternalEventId.FromGuid(new Guid(n, 1, 0, new byte[8])), $"Hearing {n}", new LocalDate(2026, 5, 1));

    private static CampaignOutcome Outcome(OutcomeKind kind, int day, CampaignObjectiveKey? objective = null, string description = "The committee asked for a costed plan.") =>
        new(description, kind, new LocalDate(2026, 6, day), objective ?? BudgetLine);

    private static Campaign Planned()
    {
        var campaign = LaunchedCampaign();
        campaign.PlanAction(Action(), Nine, Secretariat, Hours(1));
        return campaign;
    }

    // Each command as the given actor for the given coalition, on a campaign with an action planned and a position carried.
    private static IEnumerable<(string Name, Action<Campaign, CoalitionAggregate, Actor> Run)> Commands() =>
    [
        ("add an objective", (c, coalition, by) => c.AddObjective(Objective(2), coalition, by, Hours(4))),
        ("add a target", (c, coalition, by) => c.AddTarget(new CampaignTarget(new TargetKey("treasury"), "The Treasury", TargetKind.Institution), coalition, by, Hours(4))),
        ("carry a position", (c, coalition, by) => c.CarryPosition(PublishedPosition(), coalition, by, Hours(4))),
        ("drop a position", (c, coalition, by) => c.DropPosition(ThePosition, coalition, by, Hours(4))),
        ("link an event", (c, coalition, by) => c.LinkExternalEvent(Hearing(), coalition, by, Hours(4))),
        ("plan an action", (c, coalition, by) => c.PlanAction(Action("submission"), coalition, by, Hours(4))),
        ("complete an action", (c, coalition, by) => c.CompleteAction(Meeting, new LocalDate(2026, 3, 2), null, coalition, by, Hours(4))),
        ("cancel an action", (c, coalition, by) => c.CancelAction(Meeting, "The minister resigned.", coalition, by, Hours(4))),
        ("record an outcome", (c, coalition, by) => c.RecordOutcome(Outcome(OutcomeKind.Achieved, 1), coalition, by, Hours(4))),
        ("conclude", (c, coalition, by) => c.Conclude(CampaignResult.Won, "The line was funded.", coalition, by, Hours(4))),
    ];

    private static Campaign Ready()
    {
        var campaign = Planned();
        campaign.CarryPosition(PublishedPosition(), Nine, Secretariat, Hours(3));
        return campaign;
    }

    [Fact]
    public void Every_command_is_refused_to_a_member_who_neither_coordinates_nor_leads_and_for_another_coalition()
    {
        foreach (var (name, run) in Commands())
        {
            var campaign = Ready();
            CommandBoundary.Holds(campaign, name, ErrorCodes.Advocacy.NotAuthorized, (c, by) => run(campaign, c, by), Nine, [For(7)], Secretariat, Elsewhere, "'Fund reading' is a campaign of another coalition than Another coalition.");
        }
    }

    [Fact]
    public void A_refusal_of_who_acts_names_who_may()
    {
        var campaign = Planned();

        Assert.Equal(
            $"Person {Person(7)} acting for partner {Partner(7)} may not add objective 'Fund reading': only a coordinator of the coalition or a delegate of the campaign's lead member, acting for it may.",
            Refusal.Expect(campaign, ErrorCodes.Advocacy.NotAuthorized, () => campaign.AddObjective(Objective(2), Nine, For(7), Hours(2))).Message);
        Assert.Equal(
            $"Person {Person(7)} acting for partner {Partner(7)} may not complete action 'Fund reading': only a delegate of the member the action is assigned to, acting for it, a delegate of the campaign's lead member, acting for it or a coordinator of the coalition may.",
            Refusal.Expect(campaign, ErrorCodes.Advocacy.NotAuthorized, () => campaign.CompleteAction(Meeting, new LocalDate(2026, 3, 2), null, Nine, For(7), Hours(2))).Message);
    }

    [Fact]
    public void A_campaign_is_launched_with_an_id_for_its_own_coalition_and_led_by_an_active_member()
    {
        Refusal.Of(() => Campaign.Launch(default, Plan(), Nine, Secretariat, Start), ErrorCodes.Kernel.EmptyId);
        Refusal.Of(() => Campaign.Launch(TheCampaign, Plan(), null!, Secretariat, Start), ErrorCodes.Coalitions.NotACoordinator);
        Assert.Equal(
            "The campaign is planned for another coalition than Learning for All.",
            Refusal.Of(() => Campaign.Launch(TheCampaign, Plan() with { Coalition = Elsewhere.Id }, Nine, Secretariat, Start), ErrorCodes.Coalitions.OtherCoalition).Message);
        Assert.Equal(
            $"partner {Partner(20)} is not an active member of Learning for All on 2 March 2026.",
            Refusal.Of(() => Campaign.Launch(TheCampaign, Plan(Partner(20)), Nine, Secretariat, Start), ErrorCodes.Advocacy.NotAnActiveMember).Message);
    }

    [Fact]
    public void Objectives_and_targets_are_keyed_once_fifty_objectives_at_most_and_kept_in_the_order_added()
    {
        var campaign = LaunchedCampaign();

        Assert.Equal(
            "'Fund reading' already has the target 'minister'.",
            Refusal.Expect(campaign, ErrorCodes.Advocacy.Duplicate, () => campaign.AddTarget(new CampaignTarget(new TargetKey("minister"), "Again", TargetKind.Official), Nine, Secretariat, Hours(1))).Message);
        Assert.Equal(
            "'Fund reading' already has the objective 'budget-line'.",
            Refusal.Expect(campaign, ErrorCodes.Advocacy.Duplicate, () => campaign.AddObjective(new CampaignObjective(BudgetLine, "Again"), Nine, Secretariat, Hours(1))).Message);
        Refusal.Expect(campaign, ErrorCodes.Kernel.InvalidText, () => campaign.AddObjective(new CampaignObjective(new CampaignObjectiveKey("blank"), " "), Nine, Secretariat, Hours(1)));
        Refusal.Expect(campaign, ErrorCodes.Kernel.InvalidText, () => campaign.AddTarget(new CampaignTarget(new TargetKey("treasury"), " ", TargetKind.Institution), Nine, Secretariat, Hours(1)));

        campaign.AddTarget(new CampaignTarget(new TargetKey("treasury"), " The Treasury ", TargetKind.Institution, " Finance "), Nine, For(5), Hours(1));
        Assert.Equal(["minister", "committee", "treasury"], campaign.Targets.Select(t => t.Key.Value));
        Assert.Equal(("The Treasury", "Finance"), (campaign.Targets[^1].Name, campaign.Targets[^1].Role));

        for (var n = 2; n <= CampaignRules.MaxObjectives; n++)
        {
            campaign.AddObjective(Objective(n), Nine, Secretariat, Hours(1));
        }

        Assert.Equal(50, campaign.Objectives.Count);
        Assert.Equal(
            "'Fund reading' has 50 objectives, the most a campaign may have.",
            Refusal.Expect(campaign, ErrorCodes.Kernel.OutOfRange, () => campaign.AddObjective(Objective(51), Nine, Secretariat, Hours(1))).Message);
    }

    [Fact]
    public void A_campaign_carries_a_position_once_and_drops_only_one_it_carries()
    {
        var campaign = LaunchedCampaign();
        var drafted = DraftedPosition();
        var other = PolicyPosition.Draft(OtherPosition, PositionText() with { Coalition = Elsewhere.Id }, Elsewhere, Secretariat, Start);

        Refusal.Expect(campaign, ErrorCodes.Kernel.InvalidInput, () => campaign.CarryPosition(null!, Nine, Secretariat, Hours(1)));
        Assert.Equal(
            "Six per cent for education is a position of another coalition; 'Fund reading' carries only positions of Learning for All.",
            Refusal.Expect(campaign, ErrorCodes.Advocacy.OtherCoalition, () => campaign.CarryPosition(other, Nine, Secretariat, Hours(1))).Message);
        Assert.Equal(
            "Six per cent for education has no adopted version in effect on 2 March 2026; a campaign carries only positions in effect.",
            Refusal.Expect(campaign, ErrorCodes.Advocacy.PositionNotInEffect, () => campaign.CarryPosition(drafted, Nine, Secretariat, Hours(1))).Message);

        campaign.CarryPosition(PublishedPosition(), Nine, Secretariat, Hours(3));

        Assert.Equal(
            "'Fund reading' already has the position 'Six per cent for education'.",
            Refusal.Expect(campaign, ErrorCodes.Advocacy.Duplicate, () => campaign.CarryPosition(PublishedPosition(), Nine, Secretariat, Hours(3))).Message);
        Refusal.Expect(campaign, ErrorCodes.Kernel.EmptyId, () => campaign.DropPosition(default, Nine, Secretariat, Hours(3)));
        Assert.Equal(
            $"'Fund reading' has no position '{OtherPosition}'.",
            Refusal.Expect(campaign, ErrorCodes.Advocacy.UnknownKey, () => campaign.DropPosition(OtherPosition, Nine, Secretariat, Hours(3))).Message);

        campaign.DropPosition(ThePosition, Nine, For(5), Hours(4));

        Assert.Empty(campaign.Positions);
    }

    [Fact]
    public void An_event_is_linked_once_and_an_action_names_only_targets_objectives_and_events_of_the_campaign()
    {
        var campaign = LaunchedCampaign();
        campaign.LinkExternalEvent(Hearing(1) with { Name = " Hearing 1 " }, Nine, Secretariat, Hours(1));

        Assert.Equal("Hearing 1", campaign.ExternalEvents.Single().Name);
        Assert.Equal(
            "'Fund reading' already has the external event 'Hearing 1'.",
            Refusal.Expect(campaign, ErrorCodes.Advocacy.Duplicate, () => campaign.LinkExternalEvent(Hearing(1), Nine, Secretariat, Hours(1))).Message);
        Refusal.Expect(campaign, ErrorCodes.Kernel.InvalidText, () => campaign.LinkExternalEvent(Hearing(2) with { Name = "" }, Nine, Secretariat, Hours(1)));
        Assert.Equal(
            "'Fund reading' has no target 'mayor'.",
            Refusal.Expect(campaign, ErrorCodes.Advocacy.UnknownKey, () => campaign.PlanAction(Action() with { Target = new TargetKey("mayor") }, Nine, Secretariat, Hours(1))).Message);
        Assert.Equal(
            "'Fund reading' has no objective 'reading-hours'.",
            Refusal.Expect(campaign, ErrorCodes.Advocacy.UnknownKey, () => campaign.PlanAction(Action() with { Objective = new CampaignObjectiveKey("reading-hours") }, Nine, Secretariat, Hours(1))).Message);
        Assert.Equal(
            $"'Fund reading' has no external event '{Hearing(2).Event}'.",
            Refusal.Expect(campaign, ErrorCodes.Advocacy.UnknownKey, () => campaign.PlanAction(Action() with { Event = Hearing(2).Event }, Nine, Secretariat, Hours(1))).Message);

        campaign.PlanAction(Action() with { Event = Hearing(1).Event }, Nine, Secretariat, Hours(1));

        Assert.Equal(
            "'Fund reading' already has the action 'meet-minister'.",
            Refusal.Expect(campaign, ErrorCodes.Advocacy.Duplicate, () => campaign.PlanAction(Action(), Nine, Secretariat, Hours(1))).Message);
    }

    [Fact]
    public void An_action_is_done_on_a_day_no_later_than_today_with_its_note_trimmed_or_none()
    {
        var campaign = Planned();
        var today = new LocalDate(2026, 3, 2);

        Refusal.Expect(campaign, ErrorCodes.Kernel.OutOfRange, () => campaign.CompleteAction(Meeting, new LocalDate(1899, 12, 31), null, Nine, For(6), Hours(2)));
        Refusal.Expect(campaign, ErrorCodes.Kernel.InvalidText, () => campaign.CompleteAction(Meeting, today, new string('x', 2_001), Nine, For(6), Hours(2)));
        Refusal.Expect(campaign, ErrorCodes.Kernel.InvalidText, () => campaign.CompleteAction(default, today, null, Nine, Secretariat, Hours(2)));
        Assert.Equal(
            "'Fund reading' has no action 'lobby-day'.",
            Refusal.Expect(campaign, ErrorCodes.Advocacy.UnknownKey, () => campaign.CompleteAction(new CampaignActionKey("lobby-day"), today, null, Nine, Secretariat, Hours(2))).Message);
        Assert.Equal(
            "Action 'Meet the minister with the budget brief' cannot be recorded as done on 3 March 2026, a day still to come.",
            Refusal.Expect(campaign, ErrorCodes.Kernel.OutOfRange, () => campaign.CompleteAction(Meeting, today.PlusDays(1), null, Nine, For(6), Hours(2))).Message);

        campaign.CompleteAction(Meeting, today, "  ", Nine, For(6), Hours(2));

        Assert.Null(campaign.Actions.Single().Note);
        Assert.Equal(today, campaign.Actions.Single().DoneOn);
        Assert.Equal(
            "Action 'Meet the minister with the budget brief' of 'Fund reading' is already done.",
            Refusal.Expect(campaign, ErrorCodes.Advocacy.ActionSettled, () => campaign.CancelAction(Meeting, "Too late.", Nine, Secretariat, Hours(3))).Message);

        var noted = Planned();
        noted.CompleteAction(Meeting, today, " The minister took the brief. ", Nine, For(6), Hours(2));
        Assert.Equal("The minister took the brief.", noted.Actions.Single().Note);
    }

    [Fact]
    public void An_action_is_cancelled_with_a_reason_once()
    {
        var campaign = Planned();

        Refusal.Expect(campaign, ErrorCodes.Kernel.InvalidText, () => campaign.CancelAction(Meeting, " ", Nine, Secretariat, Hours(2)));
        campaign.CancelAction(Meeting, " The minister resigned. ", Nine, Secretariat, Hours(2));

        Assert.Equal("The minister resigned.", campaign.Actions.Single().CancelReason);
        Assert.Equal(
            "Action 'Meet the minister with the budget brief' of 'Fund reading' is already cancelled.",
            Refusal.Expect(campaign, ErrorCodes.Advocacy.ActionSettled, () => campaign.CancelAction(Meeting, "Again.", Nine, Secretariat, Hours(3))).Message);
    }

    [Fact]
    public void A_concluded_campaign_changes_no_plan_records_no_action_and_concludes_once_but_records_outcomes()
    {
        var campaign = Planned();
        Assert.Equal("The result has an undefined value (99).", Refusal.Expect(campaign, ErrorCodes.Kernel.InvalidInput, () => campaign.Conclude((CampaignResult)99, "Done.", Nine, Secretariat, Hours(2))).Message);
        Refusal.Expect(campaign, ErrorCodes.Kernel.InvalidText, () => campaign.Conclude(CampaignResult.Won, "", Nine, Secretariat, Hours(2)));
        campaign.Conclude(CampaignResult.NotWon, " The budget passed without a line. ", Nine, Secretariat, Hours(2));

        Assert.Equal("The budget passed without a line.", campaign.Summary);
        Assert.Equal("'Fund reading' is concluded; it cannot change its plan now.", Refusal.Expect(campaign, ErrorCodes.Advocacy.InvalidTransition, () => campaign.AddObjective(Objective(2), Nine, Secretariat, Hours(3))).Message);
        Refusal.Expect(campaign, ErrorCodes.Advocacy.InvalidTransition, () => campaign.AddTarget(new CampaignTarget(new TargetKey("treasury"), "The Treasury", TargetKind.Institution), Nine, Secretariat, Hours(3)));
        Refusal.Expect(campaign, ErrorCodes.Advocacy.InvalidTransition, () => campaign.CarryPosition(PublishedPosition(), Nine, Secretariat, Hours(3)));
        Refusal.Expect(campaign, ErrorCodes.Advocacy.InvalidTransition, () => campaign.DropPosition(ThePosition, Nine, Secretariat, Hours(3)));
        Refusal.Expect(campaign, ErrorCodes.Advocacy.InvalidTransition, () => campaign.LinkExternalEvent(Hearing(), Nine, Secretariat, Hours(3)));
        Assert.Equal("'Fund reading' is concluded; it cannot record an action now.", Refusal.Expect(campaign, ErrorCodes.Advocacy.InvalidTransition, () => campaign.CompleteAction(Meeting, new LocalDate(2026, 3, 2), null, Nine, For(6), Hours(3))).Message);
        Refusal.Expect(campaign, ErrorCodes.Advocacy.InvalidTransition, () => campaign.CancelAction(Meeting, "Ended.", Nine, Secretariat, Hours(3)));
        Assert.Equal("'Fund reading' is concluded; it cannot conclude now.", Refusal.Expect(campaign, ErrorCodes.Advocacy.InvalidTransition, () => campaign.Conclude(CampaignResult.Won, "Again.", Nine, Secretariat, Hours(3))).Message);

        campaign.RecordOutcome(Outcome(OutcomeKind.NotAchieved, 30), Nine, Secretariat, OnDate(2026, 7, 1));
        Assert.Equal(OutcomeKind.NotAchieved, campaign.OutcomeOf(BudgetLine)!.Kind);
    }

    [Fact]
    public void An_outcome_names_an_objective_and_target_of_the_campaign_and_is_trimmed()
    {
        var campaign = LaunchedCampaign();

        Refusal.Expect(campaign, ErrorCodes.Kernel.InvalidText, () => campaign.RecordOutcome(Outcome(OutcomeKind.Achieved, 1, description: " "), Nine, Secretariat, OnDate(2026, 6, 2)));
        Assert.Equal(
            "'Fund reading' has no target 'mayor'.",
            Refusal.Expect(campaign, ErrorCodes.Advocacy.UnknownKey, () => campaign.RecordOutcome(Outcome(OutcomeKind.Achieved, 1) with { Target = new TargetKey("mayor") }, Nine, Secretariat, OnDate(2026, 6, 2))).Message);
        Assert.Equal(
            "'Fund reading' has no objective 'reading-hours'.",
            Refusal.Expect(campaign, ErrorCodes.Advocacy.UnknownKey, () => campaign.RecordOutcome(Outcome(OutcomeKind.Achieved, 1, new CampaignObjectiveKey("reading-hours")), Nine, Secretariat, OnDate(2026, 6, 2))).Message);

        campaign.RecordOutcome(Outcome(OutcomeKind.Achieved, 1, description: " A line was promised. "), Nine, Secretariat, OnDate(2026, 6, 2));

        Assert.Equal("A line was promised.", campaign.Outcomes.Single().Description);
    }

    [Fact]
    public void An_objective_s_outcome_is_its_latest_expected_one_and_an_unexpected_outcome_or_another_objective_s_does_not_count()
    {
        var campaign = LaunchedCampaign();
        campaign.AddObjective(Objective(2), Nine, Secretariat, Hours(1));
        campaign.RecordOutcome(Outcome(OutcomeKind.PartlyAchieved, 1), Nine, Secretariat, OnDate(2026, 6, 20));
        campaign.RecordOutcome(Outcome(OutcomeKind.Achieved, 10, Objective(2).Key), Nine, Secretariat, OnDate(2026, 6, 20));
        campaign.RecordOutcome(Outcome(OutcomeKind.Unexpected, 15, description: "A donor offered books."), Nine, Secretariat, OnDate(2026, 6, 20));

        Assert.Equal(OutcomeKind.PartlyAchieved, campaign.OutcomeOf(BudgetLine)!.Kind);
        Assert.Equal(OutcomeKind.Achieved, campaign.OutcomeOf(Objective(2).Key)!.Kind);
        Refusal.Of(() => campaign.OutcomeOf(new CampaignObjectiveKey("objective-3")), ErrorCodes.Advocacy.UnknownKey);
        Refusal.Of(() => campaign.OutcomeOf(default), ErrorCodes.Kernel.InvalidText);
        Refusal.Of(() => campaign.ActionStatusOn(default, new LocalDate(2026, 6, 1)), ErrorCodes.Kernel.InvalidText);
    }

    [Fact]
    public void A_description_counts_what_happened_up_to_its_day_and_says_none_when_nothing_did()
    {
        var campaign = LaunchedCampaign();
        var june = new LocalDate(2026, 6, 1);

        var before = campaign.Describe(june);
        Assert.Contains("\nActions: none.", before, StringComparison.Ordinal);
        Assert.Contains("; external events: none.", before, StringComparison.Ordinal);
        Assert.Contains("Objective budget-line: A budget line for reading (by 1 October 2026) - open", before, StringComparison.Ordinal);

        campaign.RecordOutcome(Outcome(OutcomeKind.PartlyAchieved, 1), Nine, Secretariat, OnDate(2026, 6, 2));
        campaign.AddObjective(Objective(2), Nine, Secretariat, OnDate(2026, 6, 2));
        campaign.Conclude(CampaignResult.PartlyWon, "A smaller line.", Nine, Secretariat, OnDate(2026, 6, 2));

        var on = campaign.Describe(june);
        Assert.StartsWith("'Fund reading' on 1 June 2026: concluded, partly won, led by ", on, StringComparison.Ordinal);
        Assert.Contains("Objective budget-line: A budget line for reading (by 1 October 2026) - partly achieved on 1 June 2026", on, StringComparison.Ordinal);
        Assert.Contains("Objective objective-2: Objective 2 - open", on, StringComparison.Ordinal);
        Assert.Contains("\nOutcome on 1 June 2026 (partly achieved): The committee asked for a costed plan.", on, StringComparison.Ordinal);
        var dayBefore = campaign.Describe(june.PlusDays(-1));
        Assert.Contains("Objective budget-line: A budget line for reading (by 1 October 2026) - open", dayBefore, StringComparison.Ordinal);
        Assert.DoesNotContain("\nOutcome on", dayBefore, StringComparison.Ordinal);
    }

    [Fact]
    public void A_campaign_holds_at_most_two_hundred_targets_a_hundred_positions_and_events_and_a_thousand_actions_and_outcomes()
    {
        var campaign = LaunchedCampaign();
        for (var n = 3; n <= CampaignRules.MaxTargets; n++)
        {
            campaign.AddTarget(new CampaignTarget(new TargetKey($"target-{n}"), $"Target {n}", TargetKind.Official), Nine, Secretariat, Hours(4));
        }

        for (var n = 1; n <= CampaignRules.MaxPositions; n++)
        {
            var position = PolicyPosition.Draft(PolicyPositionId.FromGuid(new Guid(n, 7, 0, new byte[8])), PositionText($"Position {n}"), Nine, For(4), Start);
            position.Adopt(Decided(MatterType.AdoptPolicyPosition, n, Hours(1)), Nine, Secretariat, Hours(2));
            campaign.CarryPosition(position, Nine, Secretariat, Hours(4));
        }

        for (var n = 1; n <= CampaignRules.MaxEvents; n++)
        {
            campaign.LinkExternalEvent(Hearing(n), Nine, Secretariat, Hours(4));
        }

        for (var n = 1; n <= CampaignRules.MaxActions; n++)
        {
            campaign.PlanAction(Action($"action-{n}"), Nine, Secretariat, Hours(4));
            campaign.RecordOutcome(Outcome(OutcomeKind.Unexpected, 1), Nine, Secretariat, Hours(4));
        }

        var another = PolicyPosition.Draft(OtherPosition, PositionText("One more"), Nine, For(4), Start);
        another.Adopt(Decided(MatterType.AdoptPolicyPosition, 999, Hours(1)), Nine, Secretariat, Hours(2));
        Assert.Equal("'Fund reading' has 200 targets, the most a campaign may have.", Refusal.Expect(campaign, ErrorCodes.Kernel.OutOfRange, () => campaign.AddTarget(new CampaignTarget(new TargetKey("treasury"), "The Treasury", TargetKind.Institution), Nine, Secretariat, Hours(4))).Message);
        Assert.Equal("'Fund reading' has 100 positions, the most a campaign may have.", Refusal.Expect(campaign, ErrorCodes.Kernel.OutOfRange, () => campaign.CarryPosition(another, Nine, Secretariat, Hours(4))).Message);
        Assert.Equal("'Fund reading' has 100 external events, the most a campaign may have.", Refusal.Expect(campaign, ErrorCodes.Kernel.OutOfRange, () => campaign.LinkExternalEvent(Hearing(101), Nine, Secretariat, Hours(4))).Message);
        Assert.Equal("'Fund reading' has 1,000 actions, the most a campaign may have.", Refusal.Expect(campaign, ErrorCodes.Kernel.OutOfRange, () => campaign.PlanAction(Action("one-more"), Nine, Secretariat, Hours(4))).Message);
        Assert.Equal("'Fund reading' has 1,000 outcomes, the most a campaign may have.", Refusal.Expect(campaign, ErrorCodes.Kernel.OutOfRange, () => campaign.RecordOutcome(Outcome(OutcomeKind.Unexpected, 1), Nine, Secretariat, Hours(4))).Message);
    }

    [Fact]
    public void A_campaign_launched_by_one_who_may_not_and_its_unknown_or_empty_keys_are_named_in_the_refusal()
    {
        var campaign = LaunchedCampaign();

        Assert.Equal($"Person {Person(7)} acting for partner {Partner(7)} may not launch a new campaign: only a coordinator of the coalition may.", Refusal.Of(() => Campaign.Launch(TheCampaign, Plan(), Nine, For(7), Start), ErrorCodes.Coalitions.NotACoordinator).Message);
        Assert.Equal("The action is missing: give its campaign action key.", Refusal.Of(() => campaign.ActionStatusOn(default, new LocalDate(2026, 3, 2)), ErrorCodes.Kernel.InvalidText).Message);
        Assert.Equal("The objective is missing: give its campaign objective key.", Refusal.Of(() => campaign.OutcomeOf(default), ErrorCodes.Kernel.InvalidText).Message);
        Assert.Equal("'Fund reading' has no objective 'reading-hours'.", Refusal.Of(() => campaign.OutcomeOf(new CampaignObjectiveKey("reading-hours")), ErrorCodes.Advocacy.UnknownKey).Message);
        Assert.Equal("'Fund reading' has no action 'lobby-day'.", Refusal.Of(() => campaign.ActionStatusOn(new CampaignActionKey("lobby-day"), new LocalDate(2026, 3, 2)), ErrorCodes.Advocacy.UnknownKey).Message);
    }
}
