using Coalitions.Core.Advocacy;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Advocacy;

/// <summary>A stored campaign is untrusted: each step that could not have happened is refused with its reason.</summary>
public class CampaignHistoryTests
{
    private static readonly CampaignActionKey Meeting = new("meet-minister");

    private static List<IDomainEvent> Launched() => [.. LaunchedCampaign().DequeueUncommittedEvents()];

    private static CampaignLaunched Launch() => (CampaignLaunched)Launched()[0];

    private static CampaignConcluded Concluded() => new(TheCampaign, CampaignResult.Won, "The line was funded.", Hours(5), Secretariat);

    private static CampaignObjectiveAdded Objective(string key) => new(TheCampaign, new CampaignObjective(new CampaignObjectiveKey(key), $"Objective {key}"), Hours(1), Secretariat);

    private static CampaignTargetAdded Target(string key) => new(TheCampaign, new CampaignTarget(new TargetKey(key), $"Target {key}", TargetKind.Official), Hours(1), Secretariat);

    private static CampaignPositionCarried Carried(int n) => new(TheCampaign, PolicyPositionId.FromGuid(new Guid(n, 0, 0, new byte[8])), Budget, 1, Hours(1), Secretariat);

    private static ExternalEventLinked Linked(int n) => new(TheCampaign, new ExternalEventLink(ExternalEventId.FromGuid(new Guid(n, 1, 0, new byte[8])), $"Hearing {n}", new LocalDate(2026, 5, 1)), Hours(1), Secretariat);

    private static CampaignActionPlanned Planned(string key = "meet-minister") => new(TheCampaign, Action(key), Hours(1), Secretariat);

    private static CampaignOutcomeRecorded Outcome(string description = "The committee asked for a costed plan.") =>
        new(TheCampaign, new CampaignOutcome(description, OutcomeKind.PartlyAchieved, new LocalDate(2026, 6, 1), new CampaignObjectiveKey("budget-line")), Hours(4), Secretariat);

    private static void Corrupt(List<IDomainEvent> history, string why, params IDomainEvent[] next) => StoredHistory.Refused(Campaign.Rehydrate, history, why, next);

    [Fact]
    public void A_stored_campaign_is_launched_in_a_known_time_zone_with_a_whole_plan()
    {
        Corrupt([], "the time zone is not a tz database id.", Launch() with { TimeZone = "Nairobi" });
        Corrupt([], "the plan is ill-formed.", Launch() with { Objectives = [] });
        Corrupt([], "the plan is ill-formed.", Launch() with { Name = "Two\nlines" });

        Assert.Equal("Africa/Nairobi", Campaign.Rehydrate(Launched()).TimeZone.Id);
    }

    [Fact]
    public void A_stored_objective_is_well_formed_keyed_once_at_most_fifty_and_added_while_active()
    {
        Corrupt(Launched(), "the objective is ill-formed.", Objective("reading-hours") with { Objective = new CampaignObjective(new CampaignObjectiveKey("reading-hours"), " ") });
        Corrupt(Launched(), "the objective's key is used already.", Objective("budget-line"));
        Corrupt([.. Launched(), .. Enumerable.Range(2, 49).Select(n => Objective($"objective-{n}"))], "the campaign has as many objectives as it may.", Objective("one-more"));
        Corrupt([.. Launched(), Concluded()], "the campaign has ended.", Objective("reading-hours"));

        Assert.Equal(50, Campaign.Rehydrate([.. Launched(), .. Enumerable.Range(2, 49).Select(n => Objective($"objective-{n}"))]).Objectives.Count);
    }

    [Fact]
    public void A_stored_target_is_well_formed_keyed_once_at_most_two_hundred_and_added_while_active()
    {
        Corrupt(Launched(), "the target is ill-formed.", Target("mayor") with { Target = new CampaignTarget(new TargetKey("mayor"), "The\nMayor", TargetKind.Official) });
        Corrupt(Launched(), "the target's key is used already.", Target("minister"));
        Corrupt([.. Launched(), .. Enumerable.Range(3, 198).Select(n => Target($"target-{n}"))], "the campaign has as many targets as it may.", Target("one-more"));
        Corrupt([.. Launched(), Concluded()], "the campaign has ended.", Target("mayor"));
    }

    [Fact]
    public void A_stored_position_is_carried_once_at_most_a_hundred_and_dropped_only_when_carried()
    {
        Corrupt([.. Launched(), Carried(1)], "the position is carried already.", Carried(1));
        Corrupt([.. Launched(), .. Enumerable.Range(1, 100).Select(Carried)], "the campaign carries as many positions as it may.", Carried(101));
        Corrupt(Launched(), "the position is not carried.", new CampaignPositionDropped(TheCampaign, Carried(1).Position, Hours(2), Secretariat));
        Corrupt([.. Launched(), Concluded()], "the campaign has ended.", Carried(1));
        Corrupt([.. Launched(), Carried(1), Concluded()], "the campaign has ended.", new CampaignPositionDropped(TheCampaign, Carried(1).Position, Hours(6), Secretariat));

        Assert.Empty(Campaign.Rehydrate([.. Launched(), Carried(1), new CampaignPositionDropped(TheCampaign, Carried(1).Position, Hours(2), Secretariat)]).Positions);
    }

    [Fact]
    public void A_stored_event_link_is_well_formed_once_and_at_most_a_hundred()
    {
        Corrupt(Launched(), "the link is ill-formed.", Linked(1) with { Link = Linked(1).Link with { Name = "" } });
        Corrupt([.. Launched(), Linked(1)], "the event is linked already.", Linked(1));
        Corrupt([.. Launched(), .. Enumerable.Range(1, 100).Select(Linked)], "the campaign links as many events as it may.", Linked(101));
        Corrupt([.. Launched(), Concluded()], "the campaign has ended.", Linked(1));
    }

    [Fact]
    public void A_stored_action_is_well_formed_keyed_once_names_what_the_campaign_has_and_at_most_a_thousand()
    {
        Corrupt(Launched(), "the action is ill-formed.", Planned() with { Action = Action() with { Title = " " } });
        Corrupt([.. Launched(), Planned()], "the action's key is used already.", Planned());
        Corrupt(Launched(), "the action names a target, objective or event not in the campaign.", Planned() with { Action = Action() with { Target = new TargetKey("mayor") } });
        Corrupt(Launched(), "the action names a target, objective or event not in the campaign.", Planned() with { Action = Action() with { Objective = new CampaignObjectiveKey("reading-hours") } });
        Corrupt(Launched(), "the action names a target, objective or event not in the campaign.", Planned() with { Action = Action() with { Event = BudgetHearing } });
        Corrupt([.. Launched(), .. Enumerable.Range(1, 1_000).Select(n => Planned($"action-{n}"))], "the campaign has as many actions as it may.", Planned("one-more"));
        Corrupt([.. Launched(), Concluded()], "the campaign has ended.", Planned());

        Assert.Single(Campaign.Rehydrate([.. Launched(), Linked(1), Planned() with { Action = Action() with { Event = Linked(1).Link.Event } }]).Actions);
    }

    [Fact]
    public void A_stored_action_is_settled_once_while_the_campaign_is_active()
    {
        var done = new CampaignActionCompleted(TheCampaign, Meeting, new LocalDate(2026, 4, 14), null, Hours(2), For(6));
        var cancelled = new CampaignActionCancelled(TheCampaign, Meeting, "The minister cancelled.", Hours(2), Secretariat);

        Corrupt(Launched(), "no such action.", done);
        Corrupt(Launched(), "no such action.", cancelled);
        Corrupt([.. Launched(), Planned(), done], "the action is settled already.", cancelled);
        Corrupt([.. Launched(), Planned(), cancelled], "the action is settled already.", done);
        Corrupt([.. Launched(), Planned(), Concluded()], "the campaign has ended.", done);
        Corrupt([.. Launched(), Planned(), Concluded()], "the campaign has ended.", cancelled);
    }

    [Fact]
    public void A_stored_outcome_is_well_formed_names_what_the_campaign_has_at_most_a_thousand_and_may_follow_the_end()
    {
        Corrupt(Launched(), "the outcome is ill-formed.", Outcome(" "));
        Corrupt(Launched(), "the outcome names an objective or target not in the campaign.", Outcome() with { Outcome = Outcome().Outcome with { Objective = new CampaignObjectiveKey("reading-hours") } });
        Corrupt(Launched(), "the outcome names an objective or target not in the campaign.", Outcome() with { Outcome = Outcome().Outcome with { Target = new TargetKey("mayor") } });
        Corrupt([.. Launched(), .. Enumerable.Range(1, 1_000).Select(n => Outcome($"Outcome {n}."))], "the campaign has as many outcomes as it may.", Outcome());

        Assert.Single(Campaign.Rehydrate([.. Launched(), Concluded(), Outcome()]).Outcomes);
    }

    [Fact]
    public void A_stored_campaign_concludes_once_with_a_defined_result()
    {
        // An undefined result never reaches the campaign's own check: the shape of every stored event is checked first.
        Assert.Contains("has an undefined value (99)", Assert.Throws<StoredEventException>(() => Campaign.Rehydrate([.. Launched(), Concluded() with { Result = (CampaignResult)99 }])).Message, StringComparison.Ordinal);
        Corrupt([.. Launched(), Concluded()], "the campaign has ended.", Concluded());

        var concluded = Campaign.Rehydrate([.. Launched(), Concluded()]);
        Assert.Equal((CampaignStatus.Concluded, CampaignResult.Won, "The line was funded."), (concluded.Status, concluded.Result, concluded.Summary));
    }
}
