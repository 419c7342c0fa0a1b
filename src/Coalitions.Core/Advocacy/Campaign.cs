using System.Text;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Kernel;
using NodaTime;
using Stateless;
using Stateless.Graph;

namespace Coalitions.Core.Advocacy;

/// <summary>
/// An advocacy campaign: the coalition's combined voice directed at officials and institutions. It has a goal and
/// objectives, targets, the policy positions it carries, the external events it aims at (linked to what the meetings
/// room prepares), actions assigned to members (meetings with officials, submissions, public statements, events), and
/// the outcomes it records.
/// </summary>
/// <remarks>
/// <para>Lifecycle: Active → Concluded; outcomes that arrive after the end (a law passed months later) may still be
/// recorded. See <c>docs/diagrams/campaign-lifecycle.md</c>.</para>
/// <para>Who may act (see <c>docs/authorization.md</c>): a coordinator of the coalition launches it; a coordinator or a
/// delegate of its lead member manages it (objectives, targets, positions, events, actions, outcomes, conclusion); an
/// action is recorded as done by a delegate of the member assigned to it, the lead or a coordinator.</para>
/// <para>A campaign carries only policy positions of its own coalition that are in effect (adopted, not retired) when
/// it takes them up, so it never speaks for a draft. Actions are assigned to members active on the day they are
/// planned. Dates are read in the coalition's time zone; an action's status (planned, done, overdue, cancelled) is
/// computed from them.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class Campaign : AggregateRoot<CampaignId>
{
    private static readonly Permissions<Campaign, Acting> Who = new(nameof(Campaign));
    private static readonly Role<Campaign, Acting> ACoordinator = Who.Role(
        "a coordinator of the coalition",
        static (_, by, acting) => CoalitionRoles.IsCoordinator(acting.Coalition, by));
    private static readonly Role<Campaign, Acting> LeadDelegate = Who.Role(
        "a delegate of the campaign's lead member, acting for it",
        static (campaign, by, acting) => CoalitionRoles.IsDelegateOf(acting.Coalition, campaign.Lead, by));
    private static readonly Role<Campaign, Acting> AssigneeDelegate = Who.Role(
        "a delegate of the member the action is assigned to, acting for it",
        static (campaign, by, acting) => acting.Action is { } key && key.Value is not null && campaign._actions.TryGetValue(key, out var action) &&
            CoalitionRoles.IsDelegateOf(acting.Coalition, action.Plan.Assignee, by));

    private static readonly Command<Campaign, Acting> LaunchCommand = Who.Command(nameof(Launch), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<Campaign, Acting> AddObjectiveCommand = Who.Command(nameof(AddObjective), ErrorCodes.Advocacy.NotAuthorized, ACoordinator, LeadDelegate);
    private static readonly Command<Campaign, Acting> AddTargetCommand = Who.Command(nameof(AddTarget), ErrorCodes.Advocacy.NotAuthorized, ACoordinator, LeadDelegate);
    private static readonly Command<Campaign, Acting> CarryPositionCommand = Who.Command(nameof(CarryPosition), ErrorCodes.Advocacy.NotAuthorized, ACoordinator, LeadDelegate);
    private static readonly Command<Campaign, Acting> DropPositionCommand = Who.Command(nameof(DropPosition), ErrorCodes.Advocacy.NotAuthorized, ACoordinator, LeadDelegate);
    private static readonly Command<Campaign, Acting> LinkExternalEventCommand = Who.Command(nameof(LinkExternalEvent), ErrorCodes.Advocacy.NotAuthorized, ACoordinator, LeadDelegate);
    private static readonly Command<Campaign, Acting> PlanActionCommand = Who.Command(nameof(PlanAction), ErrorCodes.Advocacy.NotAuthorized, ACoordinator, LeadDelegate);
    private static readonly Command<Campaign, Acting> CompleteActionCommand = Who.Command(nameof(CompleteAction), ErrorCodes.Advocacy.NotAuthorized, AssigneeDelegate, LeadDelegate, ACoordinator);
    private static readonly Command<Campaign, Acting> CancelActionCommand = Who.Command(nameof(CancelAction), ErrorCodes.Advocacy.NotAuthorized, ACoordinator, LeadDelegate);
    private static readonly Command<Campaign, Acting> RecordOutcomeCommand = Who.Command(nameof(RecordOutcome), ErrorCodes.Advocacy.NotAuthorized, ACoordinator, LeadDelegate);
    private static readonly Command<Campaign, Acting> ConcludeCommand = Who.Command(nameof(Conclude), ErrorCodes.Advocacy.NotAuthorized, ACoordinator, LeadDelegate);

    private readonly Dictionary<CampaignObjectiveKey, CampaignObjective> _objectives = [];
    private readonly List<CampaignObjectiveKey> _objectiveOrder = [];
    private readonly Dictionary<TargetKey, CampaignTarget> _targets = [];
    private readonly List<TargetKey> _targetOrder = [];
    private readonly Dictionary<CampaignActionKey, CampaignAction> _actions = [];
    private readonly List<CampaignActionKey> _actionOrder = [];
    private readonly Dictionary<PolicyPositionId, CarriedPosition> _positions = [];
    private readonly Dictionary<ExternalEventId, ExternalEventLink> _events = [];
    private readonly List<ExternalEventId> _eventOrder = [];
    private readonly List<CampaignOutcome> _outcomes = [];
    private StateMachine<CampaignStatus, Step>? _machine;
    private CampaignStatus _status = CampaignStatus.Active;
    private DateTimeZone _zone = DateTimeZone.Utc;

    private Campaign()
    {
    }

    private enum Step
    {
        Plan,
        Act,
        RecordOutcome,
        Conclude,
    }

    /// <summary>Gets the coalition campaigning.</summary>
    public CoalitionId Coalition { get; private set; }

    /// <summary>Gets the campaign's name.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>Gets its goal.</summary>
    public string Goal { get; private set; } = string.Empty;

    /// <summary>Gets the member leading it, if one does.</summary>
    public PartnerId? Lead { get; private set; }

    /// <summary>Gets the status.</summary>
    public CampaignStatus Status => _status;

    /// <summary>Gets the time zone its dates are read in (the coalition's).</summary>
    public DateTimeZone TimeZone => _zone;

    /// <summary>Gets the objectives, in the order added.</summary>
    public IReadOnlyList<CampaignObjective> Objectives => _objectiveOrder.Select(k => _objectives[k]).ToArray();

    /// <summary>Gets the targets, in the order added.</summary>
    public IReadOnlyList<CampaignTarget> Targets => _targetOrder.Select(k => _targets[k]).ToArray();

    /// <summary>Gets the actions, in the order planned.</summary>
    public IReadOnlyList<CampaignAction> Actions => _actionOrder.Select(k => _actions[k]).ToArray();

    /// <summary>Gets the positions it carries now.</summary>
    public IReadOnlyCollection<CarriedPosition> Positions => _positions.Values;

    /// <summary>Gets the external events it aims at, in the order linked.</summary>
    public IReadOnlyList<ExternalEventLink> ExternalEvents => _eventOrder.Select(e => _events[e]).ToArray();

    /// <summary>Gets its recorded outcomes, in the order recorded.</summary>
    public IReadOnlyList<CampaignOutcome> Outcomes => _outcomes.AsReadOnly();

    /// <summary>Gets how it ended, once concluded.</summary>
    public CampaignResult? Result { get; private set; }

    /// <summary>Gets the summary given when it ended.</summary>
    public string? Summary { get; private set; }

    private StateMachine<CampaignStatus, Step> Machine => _machine ??= BuildMachine();

    private string Subject => $"'{Name}'";

    /// <summary>Launches a campaign of the coalition.</summary>
    /// <param name="id">The new campaign's id.</param>
    /// <param name="plan">Its name, goal, objectives, targets and, if any, lead member (active on the day of launch).</param>
    /// <param name="coalition">The coalition, read for its coordinators, members and time zone.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is launched.</param>
    /// <returns>The campaign, active.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not a coordinator (<c>Coalitions.NotACoordinator</c>), an empty id, an invalid plan (<c>Advocacy.InvalidInput</c>,
    /// <c>Kernel.InvalidText</c>), another coalition, or a lead that is not an active member (<c>Advocacy.NotAnActiveMember</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// var campaign = Campaign.Launch(CampaignId.New(),
    ///     new CampaignPlan(coalition.Id, "Fund reading", "Six per cent of the budget for education.",
    ///         [new CampaignObjective(new CampaignObjectiveKey("budget-line"), "A budget line for reading", new LocalDate(2026, 10, 1))],
    ///         [new CampaignTarget(new TargetKey("minister"), "Minister of Education", TargetKind.Official)],
    ///         Lead: teachersUnion),
    ///     coalition, secretariat, now);
    /// </code>
    /// </example>
    public static Campaign Launch(CampaignId id, CampaignPlan plan, Coalition coalition, Actor by, Instant at)
    {
        var campaign = new Campaign();
        // A null coalition is refused by authorization: only a coordinator of the coalition launches a campaign.
        LaunchCommand.Authorize(campaign, by, at, new Acting(coalition), "a new campaign");
        Ensure.Id(id, nameof(id));
        CampaignPlanValidator.Instance.EnsureValid(plan);
        if (plan.Coalition != coalition.Id)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "The campaign is planned for another coalition than {coalition}.", ("coalition", coalition.Name));
        }

        if (plan.Lead is { } lead)
        {
            EnsureActiveMember(coalition, lead, at);
        }

        campaign.Raise(new CampaignLaunched(
            id, coalition.Id, coalition.TimeZone.Id, plan.Name.Trim(), plan.Goal.Trim(), plan.Lead,
            plan.Objectives.Select(o => o with { Description = o.Description.Trim() }).ToArray(),
            plan.Targets.Select(t => t with { Name = t.Name.Trim(), Role = t.Role?.Trim() }).ToArray(),
            at, by));
        return campaign;
    }

    /// <summary>Rebuilds a campaign from its events, checking that they form its history, without building its state machine.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The campaign.</returns>
    /// <exception cref="StoredEventException">The events are not the history of one campaign (<c>Kernel.CorruptHistory</c>).</exception>
    public static Campaign Rehydrate(IEnumerable<IDomainEvent> history) => Rebuild(new Campaign(), history);

    /// <summary>The campaign lifecycle as a Mermaid state diagram, generated from the state machine.</summary>
    /// <returns>The diagram text.</returns>
    public static string LifecycleDiagram() => MermaidGraph.Format(new Campaign().Machine.GetInfo());

    /// <summary>The status of an action on a date.</summary>
    /// <param name="action">The action's key.</param>
    /// <param name="on">The date, in the coalition's time zone.</param>
    /// <returns>Planned, done, overdue or cancelled.</returns>
    /// <exception cref="CoalitionRuleException">No such action (<c>Advocacy.UnknownKey</c>).</exception>
    public ActionStatus ActionStatusOn(CampaignActionKey action, LocalDate on) => FindAction(action).StatusOn(on);

    /// <summary>The latest outcome recorded for an objective, if any.</summary>
    /// <param name="objective">The objective's key.</param>
    /// <returns>The outcome, or <see langword="null"/> while the objective is open.</returns>
    /// <exception cref="CoalitionRuleException">No such objective (<c>Advocacy.UnknownKey</c>).</exception>
    public CampaignOutcome? OutcomeOf(CampaignObjectiveKey objective)
    {
        FindObjective(objective);
        return _outcomes.LastOrDefault(o => o.Objective == objective && o.Kind != OutcomeKind.Unexpected);
    }

    /// <summary>Describes the campaign on a date in plain words: its goal, objectives and their outcomes, actions by status, positions and events.</summary>
    /// <param name="on">The date, in the coalition's time zone.</param>
    /// <param name="names">Members' names, where the host has them; otherwise ids are shown.</param>
    /// <returns>A short report.</returns>
    public string Describe(LocalDate on, Func<PartnerId, string?>? names = null)
    {
        var text = new StringBuilder();
        text.Append('\'').Append(Name).Append("' on ").Append(Words.Format(on)).Append(": ").Append(Words.Of(_status));
        if (Result is { } result)
        {
            text.Append(", ").Append(Words.Of(result));
        }

        if (Lead is { } lead)
        {
            text.Append(", led by ").Append(names?.Invoke(lead) ?? lead.ToString());
        }

        text.Append(".\nGoal: ").Append(Goal);
        foreach (var objective in Objectives)
        {
            var outcome = _outcomes.LastOrDefault(o => o.Objective == objective.Key && o.Kind != OutcomeKind.Unexpected && o.On <= on);
            text.Append("\nObjective ").Append(objective.Key.Value).Append(": ").Append(objective.Description)
                .Append(objective.Due is { } due ? " (by " + Words.Format(due) + ")" : string.Empty)
                .Append(" - ").Append(outcome is null ? "open" : Words.Of(outcome.Kind) + " on " + Words.Format(outcome.On));
        }

        var counts = Enum.GetValues<ActionStatus>().Select(s => (Status: s, Count: _actions.Values.Count(a => a.StatusOn(on) == s))).Where(c => c.Count > 0).ToArray();
        text.Append("\nActions: ").Append(Words.List(counts.Select(c => Words.Format(c.Count) + " " + Words.Of(c.Status)))).Append('.');
        foreach (var action in Actions.Where(a => a.StatusOn(on) == ActionStatus.Overdue))
        {
            text.Append("\nOverdue: ").Append(action.Plan.Title).Append(" (").Append(names?.Invoke(action.Plan.Assignee) ?? action.Plan.Assignee.ToString())
                .Append(", due ").Append(Words.Format(action.Plan.Due)).Append(')');
        }

        text.Append("\nPositions carried: ").Append(Words.Format(_positions.Count)).Append("; external events: ")
            .Append(Words.List(ExternalEvents.Select(e => e.Name + " (" + Words.Format(e.StartsOn) + ")"))).Append('.');
        foreach (var outcome in _outcomes.Where(o => o.On <= on))
        {
            text.Append("\nOutcome on ").Append(Words.Format(outcome.On)).Append(" (").Append(Words.Of(outcome.Kind)).Append("): ").Append(outcome.Description);
        }

        return text.ToString();
    }

    /// <summary>Adds an objective.</summary>
    /// <param name="objective">The objective; its key not used yet.</param>
    /// <param name="coalition">The coalition, read for its coordinators and members.</param>
    /// <param name="by">A coordinator, or a delegate of the lead member, acting for it.</param>
    /// <param name="at">When it is added.</param>
    /// <exception cref="CoalitionRuleException">Not authorized, another coalition, an invalid objective, a key used already (<c>Advocacy.Duplicate</c>), too many, or concluded (<c>Advocacy.InvalidTransition</c>).</exception>
    public void AddObjective(CampaignObjective objective, Coalition coalition, Actor by, Instant at)
    {
        AddObjectiveCommand.Authorize(this, by, at, new Acting(coalition), Subject);
        Own(coalition);
        CampaignObjectiveValidator.Instance.EnsureValid(objective);
        EnsureStep(Step.Plan);
        Unique(_objectives.ContainsKey(objective.Key), "objective", objective.Key.Value);
        Bounded(_objectives.Count, CampaignRules.MaxObjectives, "objectives");
        Raise(new CampaignObjectiveAdded(Id, objective with { Description = objective.Description.Trim() }, at, by));
    }

    /// <summary>Adds a target: an official or an institution the campaign seeks to move.</summary>
    /// <param name="target">The target; its key not used yet.</param>
    /// <param name="coalition">The coalition, read for its coordinators and members.</param>
    /// <param name="by">A coordinator, or a delegate of the lead member, acting for it.</param>
    /// <param name="at">When it is added.</param>
    /// <exception cref="CoalitionRuleException">Not authorized, another coalition, an invalid target, a key used already, too many, or concluded.</exception>
    public void AddTarget(CampaignTarget target, Coalition coalition, Actor by, Instant at)
    {
        AddTargetCommand.Authorize(this, by, at, new Acting(coalition), Subject);
        Own(coalition);
        CampaignTargetValidator.Instance.EnsureValid(target);
        EnsureStep(Step.Plan);
        Unique(_targets.ContainsKey(target.Key), "target", target.Key.Value);
        Bounded(_targets.Count, CampaignRules.MaxTargets, "targets");
        Raise(new CampaignTargetAdded(Id, target with { Name = target.Name.Trim(), Role = target.Role?.Trim() }, at, by));
    }

    /// <summary>Takes up a policy position of the coalition: the campaign now carries it.</summary>
    /// <param name="position">The position; of the same coalition, with a version in effect at <paramref name="at"/>.</param>
    /// <param name="coalition">The coalition, read for its coordinators and members.</param>
    /// <param name="by">A coordinator, or a delegate of the lead member, acting for it.</param>
    /// <param name="at">When it is taken up.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not authorized, another coalition (<c>Coalitions.OtherCoalition</c>), a position of another coalition (<c>Advocacy.OtherCoalition</c>),
    /// none in effect (<c>Advocacy.PositionNotInEffect</c>), carried already (<c>Advocacy.Duplicate</c>), or concluded.
    /// </exception>
    public void CarryPosition(PolicyPosition position, Coalition coalition, Actor by, Instant at)
    {
        CarryPositionCommand.Authorize(this, by, at, new Acting(coalition), Subject);
        Own(coalition);
        Ensure.NotNull(position, nameof(position));
        EnsureStep(Step.Plan);
        if (position.Coalition != Coalition)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Advocacy.OtherCoalition, "{position} is a position of another coalition; {title} carries only positions of {coalition}.", ("position", position.Title), ("title", Subject), ("coalition", coalition.Name));
        }

        if (position.VersionAt(at) is not { } version)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Advocacy.PositionNotInEffect, "{position} has no adopted version in effect on {date}; a campaign carries only positions in effect.", ("position", position.Title), ("date", at.InZone(_zone).Date));
        }

        Unique(_positions.ContainsKey(position.Id), "position", position.Title);
        Bounded(_positions.Count, CampaignRules.MaxPositions, "positions");
        Raise(new CampaignPositionCarried(Id, position.Id, position.Issue, version.Number, at, by));
    }

    /// <summary>Stops carrying a policy position.</summary>
    /// <param name="position">The position's id.</param>
    /// <param name="coalition">The coalition, read for its coordinators and members.</param>
    /// <param name="by">A coordinator, or a delegate of the lead member, acting for it.</param>
    /// <param name="at">When the campaign stops carrying the position.</param>
    /// <exception cref="CoalitionRuleException">Not authorized, another coalition, not carried (<c>Advocacy.UnknownKey</c>), or concluded.</exception>
    public void DropPosition(PolicyPositionId position, Coalition coalition, Actor by, Instant at)
    {
        DropPositionCommand.Authorize(this, by, at, new Acting(coalition), Subject);
        Own(coalition);
        Ensure.Id(position, nameof(position));
        EnsureStep(Step.Plan);
        if (!_positions.ContainsKey(position))
        {
            throw Unknown("position", position.ToString());
        }

        Raise(new CampaignPositionDropped(Id, position, at, by));
    }

    /// <summary>Links an external event the campaign aims at (an intergovernmental meeting, a hearing, a budget debate).</summary>
    /// <param name="link">The event's id, name and first day.</param>
    /// <param name="coalition">The coalition, read for its coordinators and members.</param>
    /// <param name="by">A coordinator, or a delegate of the lead member, acting for it.</param>
    /// <param name="at">When it is linked.</param>
    /// <exception cref="CoalitionRuleException">Not authorized, another coalition, an invalid link, linked already (<c>Advocacy.Duplicate</c>), too many, or concluded.</exception>
    public void LinkExternalEvent(ExternalEventLink link, Coalition coalition, Actor by, Instant at)
    {
        LinkExternalEventCommand.Authorize(this, by, at, new Acting(coalition), Subject);
        Own(coalition);
        ExternalEventLinkValidator.Instance.EnsureValid(link);
        EnsureStep(Step.Plan);
        Unique(_events.ContainsKey(link.Event), "external event", link.Name);
        Bounded(_events.Count, CampaignRules.MaxEvents, "external events");
        Raise(new ExternalEventLinked(Id, link with { Name = link.Name.Trim() }, at, by));
    }

    /// <summary>Plans an action and assigns it to a member.</summary>
    /// <param name="action">The action: a new key, its kind, title, assignee (an active member) and due date; any target, objective and external event it names exist in the campaign.</param>
    /// <param name="coalition">The coalition, read for its coordinators and members.</param>
    /// <param name="by">A coordinator, or a delegate of the lead member, acting for it.</param>
    /// <param name="at">When it is planned.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not authorized, another coalition, an invalid action, a key used already (<c>Advocacy.Duplicate</c>), a target,
    /// objective or event not in the campaign (<c>Advocacy.UnknownKey</c>), an assignee that is not an active member
    /// (<c>Advocacy.NotAnActiveMember</c>), too many actions, or concluded.
    /// </exception>
    /// <example>
    /// <code>
    /// campaign.PlanAction(new PlannedAction(new CampaignActionKey("meet-minister"), ActionKind.MeetingWithOfficial,
    ///     "Meet the minister with the budget brief", teachersUnion, new LocalDate(2026, 5, 15), Target: new TargetKey("minister")),
    ///     coalition, secretariat, now);
    /// </code>
    /// </example>
    public void PlanAction(PlannedAction action, Coalition coalition, Actor by, Instant at)
    {
        PlanActionCommand.Authorize(this, by, at, new Acting(coalition), Subject);
        Own(coalition);
        PlannedActionValidator.Instance.EnsureValid(action);
        EnsureStep(Step.Plan);
        Unique(_actions.ContainsKey(action.Key), "action", action.Key.Value);
        if (action.Target is { } target && !_targets.ContainsKey(target))
        {
            throw Unknown("target", target.Value);
        }

        if (action.Objective is { } objective && !_objectives.ContainsKey(objective))
        {
            throw Unknown("objective", objective.Value);
        }

        if (action.Event is { } linked && !_events.ContainsKey(linked))
        {
            throw Unknown("external event", linked.ToString());
        }

        EnsureActiveMember(coalition, action.Assignee, at);
        Bounded(_actions.Count, CampaignRules.MaxActions, "actions");
        Raise(new CampaignActionPlanned(Id, action with { Title = action.Title.Trim() }, at, by));
    }

    /// <summary>Records that an action was done.</summary>
    /// <param name="action">The action's key.</param>
    /// <param name="on">The day it was done; not after the day of <paramref name="at"/> in the coalition's time zone.</param>
    /// <param name="note">How it went, if said: at most 2,000 characters.</param>
    /// <param name="coalition">The coalition, read for its coordinators and members.</param>
    /// <param name="by">A delegate of the member the action is assigned to, acting for it; a delegate of the lead member; or a coordinator.</param>
    /// <param name="at">When it is recorded.</param>
    /// <exception cref="CoalitionRuleException">Not authorized, another coalition, no such action (<c>Advocacy.UnknownKey</c>), already done or cancelled (<c>Advocacy.ActionSettled</c>), a date in the future (<c>Kernel.OutOfRange</c>), or concluded.</exception>
    public void CompleteAction(CampaignActionKey action, LocalDate on, string? note, Coalition coalition, Actor by, Instant at)
    {
        CompleteActionCommand.Authorize(this, by, at, new Acting(coalition, action), Subject);
        Own(coalition);
        var found = Settleable(action);
        Ensure.Date(on, nameof(on));
        FreeText.Check(note, nameof(note), required: false);
        EnsureStep(Step.Act);
        if (on > at.InZone(_zone).Date)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "Action '{action}' cannot be recorded as done on {on}, a day still to come.", ("action", found.Plan.Title), ("on", on));
        }

        Raise(new CampaignActionCompleted(Id, found.Plan.Key, on, FreeText.Kept(note), at, by));
    }

    /// <summary>Cancels an action that was not done.</summary>
    /// <param name="action">The action's key.</param>
    /// <param name="reason">Why: at most 2,000 characters.</param>
    /// <param name="coalition">The coalition, read for its coordinators and members.</param>
    /// <param name="by">A coordinator, or a delegate of the lead member, acting for it.</param>
    /// <param name="at">When it is cancelled.</param>
    /// <exception cref="CoalitionRuleException">Not authorized, another coalition, no reason, no such action, already settled, or concluded.</exception>
    public void CancelAction(CampaignActionKey action, string reason, Coalition coalition, Actor by, Instant at)
    {
        CancelActionCommand.Authorize(this, by, at, new Acting(coalition, action), Subject);
        Own(coalition);
        var found = Settleable(action);
        FreeText.Check(reason, nameof(reason), required: true);
        EnsureStep(Step.Act);
        Raise(new CampaignActionCancelled(Id, found.Plan.Key, reason.Trim(), at, by));
    }

    /// <summary>Records a result of the campaign, for an objective or unexpected; also after the campaign ended.</summary>
    /// <param name="outcome">The result; any objective or target it names exists in the campaign.</param>
    /// <param name="coalition">The coalition, read for its coordinators and members.</param>
    /// <param name="by">A coordinator, or a delegate of the lead member, acting for it.</param>
    /// <param name="at">When it is recorded.</param>
    /// <exception cref="CoalitionRuleException">Not authorized, another coalition, an invalid outcome, an objective or target not in the campaign (<c>Advocacy.UnknownKey</c>), or too many outcomes.</exception>
    public void RecordOutcome(CampaignOutcome outcome, Coalition coalition, Actor by, Instant at)
    {
        RecordOutcomeCommand.Authorize(this, by, at, new Acting(coalition), Subject);
        Own(coalition);
        CampaignOutcomeValidator.Instance.EnsureValid(outcome);
        // Stryker disable once all : every state permits recording an outcome (one may come after the campaign ends); the command still asks its lifecycle.
        EnsureStep(Step.RecordOutcome);
        if (outcome.Objective is { } objective && !_objectives.ContainsKey(objective))
        {
            throw Unknown("objective", objective.Value);
        }

        if (outcome.Target is { } target && !_targets.ContainsKey(target))
        {
            throw Unknown("target", target.Value);
        }

        Bounded(_outcomes.Count, CampaignRules.MaxOutcomes, "outcomes");
        Raise(new CampaignOutcomeRecorded(Id, outcome with { Description = outcome.Description.Trim() }, at, by));
    }

    /// <summary>Ends the campaign with its result.</summary>
    /// <param name="result">How it ended.</param>
    /// <param name="summary">What it achieved, in a few words: at most 2,000 characters.</param>
    /// <param name="coalition">The coalition, read for its coordinators and members.</param>
    /// <param name="by">A coordinator, or a delegate of the lead member, acting for it.</param>
    /// <param name="at">When it ends.</param>
    /// <exception cref="CoalitionRuleException">Not authorized, another coalition, an undefined result, no summary, or concluded already (<c>Advocacy.InvalidTransition</c>).</exception>
    public void Conclude(CampaignResult result, string summary, Coalition coalition, Actor by, Instant at)
    {
        ConcludeCommand.Authorize(this, by, at, new Acting(coalition), Subject);
        Own(coalition);
        Ensure.Defined(result, nameof(result));
        FreeText.Check(summary, nameof(summary), required: true);
        EnsureStep(Step.Conclude);
        Raise(new CampaignConcluded(Id, result, summary.Trim(), at, by));
    }

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is CampaignLaunched;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => domainEvent switch
    {
        CampaignLaunched e =>
            DateTimeZoneProviders.Tzdb.GetZoneOrNull(e.TimeZone) is null ? "the time zone is not a tz database id." :
            !CampaignPlanValidator.Instance.Validate(new CampaignPlan(e.Coalition, e.Name, e.Goal, e.Objectives, e.Targets, e.Lead)).IsValid ? "the plan is ill-formed." : null,
        CampaignObjectiveAdded e => Active() ?? (!CampaignObjectiveValidator.Instance.Validate(e.Objective).IsValid ? "the objective is ill-formed." :
            _objectives.ContainsKey(e.Objective.Key) ? "the objective's key is used already." :
            _objectives.Count >= CampaignRules.MaxObjectives ? "the campaign has as many objectives as it may." : null),
        CampaignTargetAdded e => Active() ?? (!CampaignTargetValidator.Instance.Validate(e.Target).IsValid ? "the target is ill-formed." :
            _targets.ContainsKey(e.Target.Key) ? "the target's key is used already." :
            _targets.Count >= CampaignRules.MaxTargets ? "the campaign has as many targets as it may." : null),
        CampaignPositionCarried e => Active() ?? (_positions.ContainsKey(e.Position) ? "the position is carried already." :
            _positions.Count >= CampaignRules.MaxPositions ? "the campaign carries as many positions as it may." : null),
        CampaignPositionDropped e => Active() ?? (!_positions.ContainsKey(e.Position) ? "the position is not carried." : null),
        ExternalEventLinked e => Active() ?? (!ExternalEventLinkValidator.Instance.Validate(e.Link).IsValid ? "the link is ill-formed." :
            _events.ContainsKey(e.Link.Event) ? "the event is linked already." :
            _events.Count >= CampaignRules.MaxEvents ? "the campaign links as many events as it may." : null),
        CampaignActionPlanned e => Active() ?? (!PlannedActionValidator.Instance.Validate(e.Action).IsValid ? "the action is ill-formed." :
            _actions.ContainsKey(e.Action.Key) ? "the action's key is used already." :
            (e.Action.Target is { } t && !_targets.ContainsKey(t)) || (e.Action.Objective is { } o && !_objectives.ContainsKey(o)) || (e.Action.Event is { } v && !_events.ContainsKey(v))
                ? "the action names a target, objective or event not in the campaign." :
            _actions.Count >= CampaignRules.MaxActions ? "the campaign has as many actions as it may." : null),
        CampaignActionCompleted e => Active() ?? SettleProblem(e.Action),
        CampaignActionCancelled e => Active() ?? SettleProblem(e.Action),
        CampaignOutcomeRecorded e =>
            !CampaignOutcomeValidator.Instance.Validate(e.Outcome).IsValid ? "the outcome is ill-formed." :
            (e.Outcome.Objective is { } objective && !_objectives.ContainsKey(objective)) || (e.Outcome.Target is { } target && !_targets.ContainsKey(target))
                ? "the outcome names an objective or target not in the campaign." :
            _outcomes.Count >= CampaignRules.MaxOutcomes ? "the campaign has as many outcomes as it may." : null,
        CampaignConcluded e => Active() ?? (!Ensure.IsDefined(e.Result) ? "the result is undefined." : null),
        _ => null,
    };

    /// <inheritdoc />
    protected override void Apply(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case CampaignLaunched e:
                Id = e.Campaign;
                Coalition = e.Coalition;
                _zone = DateTimeZoneProviders.Tzdb[e.TimeZone];
                Name = e.Name;
                Goal = e.Goal;
                Lead = e.Lead;
                foreach (var objective in e.Objectives)
                {
                    _objectives[objective.Key] = objective;
                    _objectiveOrder.Add(objective.Key);
                }

                foreach (var target in e.Targets)
                {
                    _targets[target.Key] = target;
                    _targetOrder.Add(target.Key);
                }

                break;
            case CampaignObjectiveAdded e:
                _objectives[e.Objective.Key] = e.Objective;
                _objectiveOrder.Add(e.Objective.Key);
                break;
            case CampaignTargetAdded e:
                _targets[e.Target.Key] = e.Target;
                _targetOrder.Add(e.Target.Key);
                break;
            case CampaignPositionCarried e:
                _positions[e.Position] = new CarriedPosition(e.Position, e.Issue, e.Version, e.At);
                break;
            case CampaignPositionDropped e:
                _positions.Remove(e.Position);
                break;
            case ExternalEventLinked e:
                _events[e.Link.Event] = e.Link;
                _eventOrder.Add(e.Link.Event);
                break;
            case CampaignActionPlanned e:
                _actions[e.Action.Key] = new CampaignAction(e.Action);
                _actionOrder.Add(e.Action.Key);
                break;
            case CampaignActionCompleted e:
                _actions[e.Action] = _actions[e.Action] with { DoneOn = e.On, Note = e.Note };
                break;
            case CampaignActionCancelled e:
                _actions[e.Action] = _actions[e.Action] with { CancelledAt = e.At, CancelReason = e.Reason };
                break;
            case CampaignOutcomeRecorded e:
                _outcomes.Add(e.Outcome);
                break;
            case CampaignConcluded e:
                Result = e.Result;
                Summary = e.Summary;
                _status = CampaignStatus.Concluded;
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }

    private static void EnsureActiveMember(Coalition coalition, PartnerId member, Instant at)
    {
        if (!CoalitionRoles.IsActiveMember(coalition, member, at))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Advocacy.NotAnActiveMember, "{member} is not an active member of {coalition} on {date}.", ("member", coalition.NameOf(member)), ("coalition", coalition.Name), ("date", CoalitionRoles.DayOf(coalition, at)));
        }
    }

    private string? Active() => _status != CampaignStatus.Active ? "the campaign has ended." : null;

    private string? SettleProblem(CampaignActionKey key) =>
        !_actions.TryGetValue(key, out var action) ? "no such action." :
        action.DoneOn is not null || action.CancelledAt is not null ? "the action is settled already." : null;

    private CampaignAction FindAction(CampaignActionKey key)
    {
        TypedKey.Ensure(key, "action");
        return _actions.TryGetValue(key, out var action) ? action : throw Unknown("action", key.Value);
    }

    private CampaignObjective FindObjective(CampaignObjectiveKey key)
    {
        TypedKey.Ensure(key, "objective");
        return _objectives.TryGetValue(key, out var objective) ? objective : throw Unknown("objective", key.Value);
    }

    private CampaignAction Settleable(CampaignActionKey key)
    {
        var action = FindAction(key);
        if (action.DoneOn is not null || action.CancelledAt is not null)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Advocacy.ActionSettled, "Action '{action}' of {title} is already {status}.", ("action", action.Plan.Title), ("title", Subject), ("status", action.DoneOn is null ? "cancelled" : "done"));
        }

        return action;
    }

    private CoalitionRuleException Unknown(string what, string key) =>
        CoalitionRuleException.Because(ErrorCodes.Advocacy.UnknownKey, "{title} has no {what} '{key}'.", ("title", Subject), ("what", what), ("key", key));

    private void Unique(bool exists, string what, string key)
    {
        if (exists)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Advocacy.Duplicate, "{title} already has the {what} '{key}'.", ("title", Subject), ("what", what), ("key", key));
        }
    }

    private void Bounded(int count, int max, string what)
    {
        if (count >= max)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "{title} has {max} {what}, the most a campaign may have.", ("title", Subject), ("max", max), ("what", what));
        }
    }

    // Called after authorization, which refuses a null coalition (every role is one in the coalition).
    private void Own(Coalition coalition)
    {
        if (coalition.Id != Coalition)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "{title} is a campaign of another coalition than {coalition}.", ("title", Subject), ("coalition", coalition.Name));
        }
    }

    private void EnsureStep(Step step)
    {
        if (!Machine.CanFire(step))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Advocacy.InvalidTransition, "{title} is {status}; it cannot {action} now.", ("title", Subject), ("status", _status), ("action", step switch
            {
                Step.Plan => "change its plan",
                Step.Act => "record an action",
                Step.RecordOutcome => "record an outcome",
                _ => "conclude",
            }));
        }
    }

    // Commands consult the machine and raise events; Apply moves the state. The machine is never fired.
    private StateMachine<CampaignStatus, Step> BuildMachine()
    {
        var machine = new StateMachine<CampaignStatus, Step>(() => _status, s => _status = s);
        machine.Configure(CampaignStatus.Active)
            .PermitReentry(Step.Plan)
            .PermitReentry(Step.Act)
            .PermitReentry(Step.RecordOutcome)
            .Permit(Step.Conclude, CampaignStatus.Concluded);
        machine.Configure(CampaignStatus.Concluded)
            .PermitReentry(Step.RecordOutcome);
        return machine;
    }

    /// <summary>What a command tells its authorization check: the coalition, and the action concerned.</summary>
    private readonly record struct Acting(Coalition? Coalition, CampaignActionKey? Action = null);
}
