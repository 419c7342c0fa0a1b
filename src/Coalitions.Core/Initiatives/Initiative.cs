using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Resources;
using NodaTime;
using Stateless;
using Stateless.Graph;
using AgreementAggregate = Coalitions.Core.Agreements.Agreement;
using CoalitionAggregate = Coalitions.Core.Coalitions.Coalition;

namespace Coalitions.Core.Initiatives;

/// <summary>A lead partner proposed a joint initiative.</summary>
/// <param name="Initiative">The initiative.</param>
/// <param name="Plan">Its plan.</param>
/// <param name="TimeZone">The coalition's time zone (a tz id), in which the initiative's days are counted.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record InitiativeProposed(InitiativeId Initiative, InitiativePlan Plan, string TimeZone, Instant At, Actor By) : IDomainEvent;

/// <summary>The lead partner revised the plan before approval.</summary>
/// <param name="Initiative">The initiative.</param>
/// <param name="Plan">The new plan.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record InitiativeRevised(InitiativeId Initiative, InitiativePlan Plan, Instant At, Actor By) : IDomainEvent;

/// <summary>The coalition approved the initiative by an adopted decision.</summary>
/// <param name="Initiative">The initiative.</param>
/// <param name="Decision">The decision.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record InitiativeApproved(InitiativeId Initiative, DecisionReference Decision, Instant At, Actor By) : IDomainEvent;

/// <summary>The initiative started.</summary>
/// <param name="Initiative">The initiative.</param>
/// <param name="On">The day it started.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record InitiativeStarted(InitiativeId Initiative, LocalDate On, Instant At, Actor By) : IDomainEvent;

/// <summary>A milestone was reached.</summary>
/// <param name="Initiative">The initiative.</param>
/// <param name="Milestone">The milestone as reached.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="By">Who.</param>
public sealed record MilestoneReached(InitiativeId Initiative, ReachedMilestone Milestone, Instant At, Actor By) : IDomainEvent;

/// <summary>The coalition suspended the initiative.</summary>
/// <param name="Initiative">The initiative.</param>
/// <param name="On">The day.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record InitiativeSuspended(InitiativeId Initiative, LocalDate On, string Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>The coalition resumed a suspended initiative.</summary>
/// <param name="Initiative">The initiative.</param>
/// <param name="On">The day.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record InitiativeResumed(InitiativeId Initiative, LocalDate On, Instant At, Actor By) : IDomainEvent;

/// <summary>The initiative was completed.</summary>
/// <param name="Initiative">The initiative.</param>
/// <param name="On">The day it ended.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record InitiativeCompleted(InitiativeId Initiative, LocalDate On, Instant At, Actor By) : IDomainEvent;

/// <summary>The initiative was cancelled before completion.</summary>
/// <param name="Initiative">The initiative.</param>
/// <param name="On">The day.</param>
/// <param name="Reason">Why.</param>
/// <param name="Decision">The adopted decision it cited, once approved.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record InitiativeCancelled(InitiativeId Initiative, LocalDate On, string Reason, DecisionReference? Decision, Instant At, Actor By) : IDomainEvent;

/// <summary>A partner's contribution was linked to its pledges and agreement.</summary>
/// <param name="Initiative">The initiative.</param>
/// <param name="Contribution">The contribution.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ContributionLinked(InitiativeId Initiative, PartnerContribution Contribution, Instant At, Actor By) : IDomainEvent;

/// <summary>
/// A joint initiative of the coalition (a project, programme or campaign): a lead partner and supporting partners in
/// named roles (funding, accountable, extending, implementing, as IATI names them), approved by an adopted decision, with
/// milestones, a budget by line and funder, and each partner's contribution linked to its pledges and its agreement.
/// </summary>
/// <remarks>
/// <para>Lifecycle: Proposed → Approved → Active → Completed; an initiative under way may be Suspended and resume; one not
/// yet completed may be Cancelled. Approval cites an adopted decision of the coalition on
/// <see cref="MatterType.ApproveJointProject"/>; cancelling an approved initiative cites one too.</para>
/// <para>Who may act: a delegate of the lead partner, acting for it, proposes, revises, starts and completes the
/// initiative; a coordinator approves, suspends and resumes it; the lead (before approval) or a coordinator (citing a
/// decision) cancels it; the lead's or an implementing partner's delegate records milestones; a partner's own delegate,
/// or the lead's, links its contribution.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class Initiative : AggregateRoot<InitiativeId>
{
    private const int MaxContributions = 1_000;

    private static readonly Permissions<Initiative, Acting> Who = new(nameof(Initiative));
    private static readonly Role<Initiative, Acting> LeadDelegate = Who.Role(
        "a delegate of the lead partner, acting for it",
        static (initiative, by, acting) => (acting.Plan?.Lead ?? initiative.PlanOrNull?.Lead) is { } lead && acting.Coalition is { } coalition && coalition.IsDelegate(lead, by));
    private static readonly Role<Initiative, Acting> ACoordinator = Who.Role(
        "a coordinator of the coalition",
        static (_, by, acting) => ResourceRules.IsCoordinator(acting.Coalition, by));
    private static readonly Role<Initiative, Acting> ImplementingDelegate = Who.Role(
        "a delegate of an implementing partner that is a member, acting for it",
        static (initiative, by, acting) => by.OnBehalfOf is { } partner && acting.Coalition is { } coalition && initiative.Plays(partner, PartnerRole.Implementing) && coalition.IsDelegate(partner, by));
    private static readonly Role<Initiative, Acting> ContributorDelegate = Who.Role(
        "a delegate of the contributing partner, acting for it",
        static (_, by, acting) => acting.Partner is { } partner && acting.Coalition is { } coalition && coalition.IsDelegate(partner, by));

    private static readonly Command<Initiative, Acting> ProposeCommand = Who.Command(nameof(Propose), ErrorCodes.Initiatives.NotTheLead, LeadDelegate);
    private static readonly Command<Initiative, Acting> ReviseCommand = Who.Command(nameof(Revise), ErrorCodes.Initiatives.NotTheLead, LeadDelegate);
    private static readonly Command<Initiative, Acting> ApproveCommand = Who.Command(nameof(Approve), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<Initiative, Acting> StartCommand = Who.Command(nameof(Start), ErrorCodes.Initiatives.NotTheLead, LeadDelegate);
    private static readonly Command<Initiative, Acting> RecordMilestoneCommand = Who.Command(nameof(RecordMilestone), ErrorCodes.Initiatives.NotAPartner, LeadDelegate, ImplementingDelegate);
    private static readonly Command<Initiative, Acting> SuspendCommand = Who.Command(nameof(Suspend), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<Initiative, Acting> ResumeCommand = Who.Command(nameof(Resume), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<Initiative, Acting> CompleteCommand = Who.Command(nameof(Complete), ErrorCodes.Initiatives.NotTheLead, LeadDelegate);
    private static readonly Command<Initiative, Acting> CancelCommand = Who.Command(nameof(Cancel), ErrorCodes.Initiatives.NotTheLead, LeadDelegate, ACoordinator);
    private static readonly Command<Initiative, Acting> LinkContributionCommand = Who.Command(nameof(LinkContribution), ErrorCodes.Initiatives.NotAPartner, ContributorDelegate, LeadDelegate);

    private readonly Dictionary<MilestoneKey, ReachedMilestone> _reached = [];
    private readonly List<PartnerContribution> _contributions = [];
    private StateMachine<InitiativeStatus, Step>? _machine;
    private InitiativeStatus _status = InitiativeStatus.Proposed;

    private Initiative()
    {
    }

    private enum Step
    {
        Revise,
        Approve,
        Start,
        RecordMilestone,
        Suspend,
        Resume,
        Complete,
        Cancel,
        LinkContribution,
    }

    /// <summary>Gets the current plan.</summary>
    public InitiativePlan Plan { get; private set; } = null!;

    /// <summary>Gets the coalition.</summary>
    public CoalitionId Coalition => Plan.Coalition;

    /// <summary>Gets the title.</summary>
    public string Title => Plan.Title;

    /// <summary>Gets where it is in its lifecycle.</summary>
    public InitiativeStatus Status => _status;

    /// <summary>Gets the coalition's time zone, in which its days are counted.</summary>
    public DateTimeZone TimeZone { get; private set; } = DateTimeZone.Utc;

    /// <summary>Gets the decision that approved it, once approved.</summary>
    public DecisionReference? Approval { get; private set; }

    /// <summary>Gets the day it actually started, once started.</summary>
    public LocalDate? StartedOn { get; private set; }

    /// <summary>Gets the day it actually ended (completed or cancelled), if it has.</summary>
    public LocalDate? EndedOn { get; private set; }

    /// <summary>Gets the milestones reached, by key.</summary>
    public IReadOnlyDictionary<MilestoneKey, ReachedMilestone> Reached => _reached.AsReadOnly();

    /// <summary>Gets the partners' contributions as linked, oldest first.</summary>
    public IReadOnlyList<PartnerContribution> Contributions => _contributions.AsReadOnly();

    private InitiativePlan? PlanOrNull => Plan;

    private StateMachine<InitiativeStatus, Step> Machine => _machine ??= BuildMachine();

    /// <summary>Proposes a joint initiative.</summary>
    /// <param name="id">The initiative's id.</param>
    /// <param name="plan">Its plan: kind, title, description, lead, partners in roles, dates, milestones and budget.</param>
    /// <param name="coalition">The coalition: every partner not marked as outside is an active member today, and no active member is marked as outside; the lead is a member.</param>
    /// <param name="by">A delegate of the lead partner, acting for it.</param>
    /// <param name="at">When it is proposed, in the years 1900 to 2999.</param>
    /// <returns>The initiative, proposed.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not the lead's delegate (<c>Initiatives.NotTheLead</c>); another coalition (<c>Coalitions.OtherCoalition</c>); an invalid
    /// plan (<c>Initiatives.InvalidPlan</c>, <c>Kernel.InvalidText</c>, <c>Kernel.OutOfRange</c>, <c>Kernel.EmptyId</c>); a partner
    /// whose membership does not match its marking (<c>Initiatives.OutsidePartner</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// var camps = Initiative.Propose(InitiativeId.New(),
    ///     new InitiativePlan(coalition.Id, InitiativeKind.Project, "Reading camps", "Holiday reading camps in 12 schools.",
    ///         literacyNow, partners, new LocalDate(2026, 4, 1), new LocalDate(2026, 12, 31), milestones, budget),
    ///     coalition, Actor.Representing(delegatePerson, literacyNow), now);
    /// </code>
    /// </example>
    public static Initiative Propose(InitiativeId id, InitiativePlan plan, CoalitionAggregate coalition, Actor by, Instant at)
    {
        var initiative = new Initiative();
        ProposeCommand.Authorize(initiative, by, at, new Acting(coalition, Plan: plan), "a new initiative");
        Ensure.Id(id, nameof(id));
        var kept = CheckPlan(plan, coalition, at);
        initiative.Raise(new InitiativeProposed(id, kept, coalition.TimeZone.Id, at, by));
        return initiative;
    }

    /// <summary>Rebuilds an initiative from its events, checking that they form its history.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The initiative.</returns>
    /// <exception cref="StoredEventException">The events are not the history of one initiative (<c>Kernel.CorruptHistory</c>).</exception>
    public static Initiative Rehydrate(IEnumerable<IDomainEvent> history) => Rebuild(new Initiative(), history);

    /// <summary>The initiative's lifecycle as a Mermaid state diagram, drawn from its state machine.</summary>
    /// <returns>The diagram's Mermaid text.</returns>
    public static string LifecycleDiagram() => MermaidGraph.Format(new Initiative().Machine.GetInfo());

    /// <summary>Revises the plan while the initiative is proposed; the lead stays the same.</summary>
    /// <param name="plan">The new plan, of the same coalition and lead.</param>
    /// <param name="coalition">The initiative's coalition.</param>
    /// <param name="by">A delegate of the lead partner, acting for it.</param>
    /// <param name="at">When it is revised, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not the lead's delegate (<c>Initiatives.NotTheLead</c>); not proposed (<c>Initiatives.InvalidTransition</c>); an invalid plan,
    /// another lead or coalition (<c>Initiatives.InvalidPlan</c>, <c>Coalitions.OtherCoalition</c>); a partner whose membership does not match its marking (<c>Initiatives.OutsidePartner</c>).
    /// </exception>
    public void Revise(InitiativePlan plan, CoalitionAggregate coalition, Actor by, Instant at)
    {
        ReviseCommand.Authorize(this, by, at, new Acting(coalition), Title);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        EnsureStep(Step.Revise);
        var kept = CheckPlan(plan, coalition, at);
        if (kept.Lead != Plan.Lead)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Initiatives.InvalidPlan, "A revision of '{title}' keeps its lead partner, {lead}; another lead proposes its own initiative.", ("title", Title), ("lead", NameOf(Plan.Lead)));
        }

        Raise(new InitiativeRevised(Id, kept, at, by));
    }

    /// <summary>Approves the initiative, citing an adopted decision of the coalition to approve a joint project.</summary>
    /// <param name="decision">The adopted decision on <see cref="MatterType.ApproveJointProject"/>, taken no later than <paramref name="at"/>.</param>
    /// <param name="coalition">The initiative's coalition.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is approved, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a coordinator (<c>Coalitions.NotACoordinator</c>); not proposed (<c>Initiatives.InvalidTransition</c>); a decision that does
    /// not authorize it (<c>Coalitions.DecisionRequired</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// camps.Approve(steeringDecision.Reference!, coalition, secretariat, now);
    /// </code>
    /// </example>
    public void Approve(DecisionReference decision, CoalitionAggregate coalition, Actor by, Instant at)
    {
        ApproveCommand.Authorize(this, by, at, new Acting(coalition), Title);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        EnsureStep(Step.Approve);
        DecisionReference.Check(decision, required: true, Coalition, coalition.Name, at, MatterType.ApproveJointProject);
        Raise(new InitiativeApproved(Id, decision with { }, at, by));
    }

    /// <summary>Starts an approved initiative.</summary>
    /// <param name="on">The day it started: no later than today, in the coalition's time zone.</param>
    /// <param name="coalition">The initiative's coalition.</param>
    /// <param name="by">A delegate of the lead partner, acting for it.</param>
    /// <param name="at">When it is recorded, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">Not the lead's delegate (<c>Initiatives.NotTheLead</c>); not approved (<c>Initiatives.InvalidTransition</c>); a day after today (<c>Kernel.OutOfRange</c>).</exception>
    public void Start(LocalDate on, CoalitionAggregate coalition, Actor by, Instant at)
    {
        StartCommand.Authorize(this, by, at, new Acting(coalition), Title);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        EnsureStep(Step.Start);
        EnsureNotAfterToday(on, at, nameof(on));
        Raise(new InitiativeStarted(Id, on, at, by));
    }

    /// <summary>Records that a milestone was reached.</summary>
    /// <param name="milestone">The milestone's key.</param>
    /// <param name="on">The day it was reached: from the start to today.</param>
    /// <param name="note">A note, if any: at most 2,000 characters.</param>
    /// <param name="coalition">The initiative's coalition.</param>
    /// <param name="by">A delegate of the lead or of an implementing partner, acting for it.</param>
    /// <param name="at">When it is recorded, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not the lead's or an implementing partner's delegate (<c>Initiatives.NotAPartner</c>); not active (<c>Initiatives.InvalidTransition</c>);
    /// no such milestone, already reached, or a day outside the start to today (<c>Initiatives.UnknownMilestone</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// camps.RecordMilestone(new MilestoneKey("baseline"), new LocalDate(2026, 4, 15), "Survey of 1,200 pupils.", coalition, lead, now);
    /// </code>
    /// </example>
    public void RecordMilestone(MilestoneKey milestone, LocalDate on, string? note, CoalitionAggregate coalition, Actor by, Instant at)
    {
        RecordMilestoneCommand.Authorize(this, by, at, new Acting(coalition), Title);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        EnsureStep(Step.RecordMilestone);
        FreeText.Check(note, nameof(note), required: false);
        if (milestone.Value is null || Plan.Milestones.All(m => m.Key != milestone))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Initiatives.UnknownMilestone, "'{title}' has no milestone '{key}'.", ("title", Title), ("key", milestone.Value ?? "(none)"));
        }

        if (_reached.TryGetValue(milestone, out var reached))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Initiatives.UnknownMilestone, "Milestone '{key}' of '{title}' was already reached on {on}.", ("key", milestone.Value), ("title", Title), ("on", reached.On));
        }

        Ensure.Date(on, nameof(on));
        var today = DateOf(at);
        if (on > today || on < StartedOn)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Initiatives.UnknownMilestone, "A milestone of '{title}' is reached on a day from its start, {start}, to today, {today}; not {on}.", ("title", Title), ("start", StartedOn), ("today", today), ("on", on));
        }

        Raise(new MilestoneReached(Id, new ReachedMilestone(milestone, on, FreeText.Kept(note)), at, by));
    }

    /// <summary>Suspends an initiative under way.</summary>
    /// <param name="reason">Why: at most 2,000 characters.</param>
    /// <param name="coalition">The initiative's coalition.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When the initiative is suspended, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator (<c>Coalitions.NotACoordinator</c>); not active (<c>Initiatives.InvalidTransition</c>); no reason (<c>Kernel.InvalidText</c>).</exception>
    public void Suspend(string reason, CoalitionAggregate coalition, Actor by, Instant at)
    {
        SuspendCommand.Authorize(this, by, at, new Acting(coalition), Title);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        EnsureStep(Step.Suspend);
        FreeText.Check(reason, nameof(reason), required: true);
        Raise(new InitiativeSuspended(Id, DateOf(at), reason.Trim(), at, by));
    }

    /// <summary>Resumes a suspended initiative.</summary>
    /// <param name="coalition">The initiative's coalition.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When the initiative resumes, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator (<c>Coalitions.NotACoordinator</c>); not suspended (<c>Initiatives.InvalidTransition</c>).</exception>
    public void Resume(CoalitionAggregate coalition, Actor by, Instant at)
    {
        ResumeCommand.Authorize(this, by, at, new Acting(coalition), Title);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        EnsureStep(Step.Resume);
        Raise(new InitiativeResumed(Id, DateOf(at), at, by));
    }

    /// <summary>Completes an active initiative.</summary>
    /// <param name="on">The day it ended: from its start to today.</param>
    /// <param name="coalition">The initiative's coalition.</param>
    /// <param name="by">A delegate of the lead partner, acting for it.</param>
    /// <param name="at">When it is recorded, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">Not the lead's delegate (<c>Initiatives.NotTheLead</c>); not active (<c>Initiatives.InvalidTransition</c>); a day outside its start to today (<c>Kernel.OutOfRange</c>).</exception>
    public void Complete(LocalDate on, CoalitionAggregate coalition, Actor by, Instant at)
    {
        CompleteCommand.Authorize(this, by, at, new Acting(coalition), Title);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        EnsureStep(Step.Complete);
        EnsureNotAfterToday(on, at, nameof(on));
        if (on < StartedOn)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "'{title}' started on {start}; it cannot end before, on {on}.", ("title", Title), ("start", StartedOn), ("on", on));
        }

        Raise(new InitiativeCompleted(Id, on, at, by));
    }

    /// <summary>Cancels an initiative before it is completed. Once approved, cancelling cites an adopted decision to approve (or stop) a joint project, and only a coordinator does it.</summary>
    /// <param name="reason">Why: at most 2,000 characters.</param>
    /// <param name="decision">The adopted decision on <see cref="MatterType.ApproveJointProject"/>, required once the initiative is approved.</param>
    /// <param name="coalition">The initiative's coalition.</param>
    /// <param name="by">A delegate of the lead partner while it is proposed, or a coordinator of the coalition.</param>
    /// <param name="at">When the initiative is cancelled: no earlier than the decision cited; in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">
    /// Neither the lead's delegate nor a coordinator (<c>Initiatives.NotTheLead</c>); completed or cancelled (<c>Initiatives.InvalidTransition</c>);
    /// no reason (<c>Kernel.InvalidText</c>); once approved, a missing decision or a lead acting alone (<c>Coalitions.DecisionRequired</c>, <c>Coalitions.NotACoordinator</c>).
    /// </exception>
    public void Cancel(string reason, DecisionReference? decision, CoalitionAggregate coalition, Actor by, Instant at)
    {
        CancelCommand.Authorize(this, by, at, new Acting(coalition), Title);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        EnsureStep(Step.Cancel);
        FreeText.Check(reason, nameof(reason), required: true);
        var approved = _status != InitiativeStatus.Proposed;
        if (approved && !ResourceRules.IsCoordinator(coalition, by))
        {
            throw CoalitionRuleException.NotPermitted(ErrorCodes.Coalitions.NotACoordinator, "'{title}' is approved: only a coordinator cancels it, citing the coalition's decision.", ("title", Title));
        }

        DecisionReference.Check(decision, required: approved, Coalition, coalition.Name, at, MatterType.ApproveJointProject);
        Raise(new InitiativeCancelled(Id, DateOf(at), reason.Trim(), decision is null ? null : decision with { }, at, by));
    }

    /// <summary>
    /// Links a partner's contribution to the pledges that carry it and to the agreement that binds it: each pledge is the
    /// partner's own, made for this initiative; the agreement is one the partner is a party to, with its commitment.
    /// </summary>
    /// <param name="partner">The partner: one of the initiative's partners.</param>
    /// <param name="description">What it contributes: at most 2,000 characters.</param>
    /// <param name="pledges">Its pledges, as loaded (at most 100; may be empty).</param>
    /// <param name="agreement">The agreement, as loaded, if the contribution is committed under one.</param>
    /// <param name="commitment">The key of the partner's commitment under that agreement, if any.</param>
    /// <param name="coalition">The initiative's coalition.</param>
    /// <param name="by">A delegate of the contributing partner, or of the lead, acting for it.</param>
    /// <param name="at">When it is linked, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">
    /// Neither the partner's nor the lead's delegate (<c>Initiatives.NotAPartner</c>); completed or cancelled (<c>Initiatives.InvalidTransition</c>);
    /// not a partner, another partner's or initiative's pledge, an agreement the partner is not a party to, or a commitment not the partner's (<c>Initiatives.InvalidContribution</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// camps.LinkContribution(parentsNetwork, "Half the books", [booksPledge], mou, "reading-fund", coalition, Actor.Representing(delegatePerson, parentsNetwork), now);
    /// </code>
    /// </example>
    public void LinkContribution(PartnerId partner, string description, IReadOnlyList<Pledge> pledges, AgreementAggregate? agreement, string? commitment, CoalitionAggregate coalition, Actor by, Instant at)
    {
        LinkContributionCommand.Authorize(this, by, at, new Acting(coalition, Partner: partner), Title);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        EnsureStep(Step.LinkContribution);
        Ensure.Id(partner, nameof(partner));
        FreeText.Check(description, nameof(description), required: true);
        var linked = Ensure.Items(pledges, nameof(pledges), 100);
        if (Plan.Partners.All(p => p.Partner != partner))
        {
            throw Invalid("{partner} is not a partner of '{title}'.", partner);
        }

        foreach (var pledge in linked)
        {
            if (pledge.Member != partner || pledge.Coalition != Coalition || pledge.Offer.Initiative != Id)
            {
                throw Invalid("A pledge linked to the contribution of {partner} is not its own pledge for '{title}'.", partner);
            }
        }

        if (linked.Select(p => p.Id).Distinct().Count() != linked.Count)
        {
            throw Invalid("The contribution of {partner} to '{title}' names a pledge twice.", partner);
        }

        string? key = null;
        if (commitment is not null && agreement is null)
        {
            throw Invalid("A commitment is linked only with the agreement it belongs to.", partner);
        }

        if (agreement is not null)
        {
            if (agreement.Coalition != Coalition || agreement.Parties.All(p => p.Partner != partner))
            {
                throw Invalid("{partner} is not a party to the agreement linked to its contribution to '{title}'.", partner);
            }

            if (commitment is not null)
            {
                key = commitment.Trim();
                if (agreement.InForce?.Commitments.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.Ordinal)) is not { } found || found.Party != partner)
                {
                    throw Invalid("The agreement linked to the contribution of {partner} binds it to no commitment by that key.", partner);
                }
            }
        }

        if (_contributions.Count >= MaxContributions)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "'{title}' links {max} contributions, the most one initiative links.", ("title", Title), ("max", MaxContributions));
        }

        Raise(new ContributionLinked(Id, new PartnerContribution(partner, description.Trim(), linked.Select(p => p.Id).ToArray(), agreement?.Id, key), at, by));
    }

    /// <summary>Whether a partner plays a role in the initiative.</summary>
    /// <param name="partner">The partner.</param>
    /// <param name="role">The role.</param>
    /// <returns><see langword="true"/> when the plan gives the partner that role.</returns>
    public bool Plays(PartnerId partner, PartnerRole role) => Plan?.Partners.Any(p => p.Partner == partner && p.Roles.Contains(role)) == true;

    /// <summary>The budget in a currency: the sum of the lines in it (zero when none).</summary>
    /// <param name="currency">An ISO 4217 code.</param>
    /// <returns>The total.</returns>
    /// <exception cref="CoalitionRuleException">Not an ISO 4217 code (<c>Kernel.UnknownCurrency</c>).</exception>
    public Money BudgetIn(string currency) =>
        Plan.Budget.Where(b => b.Amount.Currency == currency).Aggregate(Money.Zero(currency), (sum, line) => sum + line.Amount);

    /// <summary>Whether the initiative could take a step now: for a UI before it offers the button.</summary>
    /// <param name="status">The status the step would lead to: <see cref="InitiativeStatus.Approved"/>, <see cref="InitiativeStatus.Active"/> (start or resume), <see cref="InitiativeStatus.Completed"/>, <see cref="InitiativeStatus.Suspended"/> or <see cref="InitiativeStatus.Cancelled"/>.</param>
    /// <returns>The check.</returns>
    public RuleCheck CanMoveTo(InitiativeStatus status)
    {
        var step = status switch
        {
            InitiativeStatus.Approved => Step.Approve,
            InitiativeStatus.Active => _status == InitiativeStatus.Suspended ? Step.Resume : Step.Start,
            InitiativeStatus.Completed => Step.Complete,
            InitiativeStatus.Suspended => Step.Suspend,
            InitiativeStatus.Cancelled => Step.Cancel,
            _ => Step.Revise,
        };
        return Machine.CanFire(step) && (status != InitiativeStatus.Proposed || _status == InitiativeStatus.Proposed)
            ? RuleCheck.Allowed
            : RuleCheck.Refused(ErrorCodes.Initiatives.InvalidTransition, "'{title}' is {status}; it cannot become {to}.", ("title", Title), ("status", _status), ("to", status));
    }

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is InitiativeProposed;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => domainEvent switch
    {
        InitiativeProposed e => InitiativePlanValidator.Instance.Validate(e.Plan).IsValid && DateTimeZoneProviders.Tzdb.GetZoneOrNull(e.TimeZone) is not null
            ? null : "the plan is ill-formed or its time zone unknown.",
        InitiativeRevised e => _status != InitiativeStatus.Proposed ? "only a proposed initiative is revised."
            : !InitiativePlanValidator.Instance.Validate(e.Plan).IsValid || e.Plan.Lead != Plan.Lead || e.Plan.Coalition != Plan.Coalition ? "the revised plan is ill-formed or changes the lead or coalition." : null,
        InitiativeApproved => _status == InitiativeStatus.Proposed ? null : "only a proposed initiative is approved.",
        InitiativeStarted => _status == InitiativeStatus.Approved ? null : "only an approved initiative starts.",
        MilestoneReached e => _status != InitiativeStatus.Active ? "milestones are reached while the initiative is active."
            : e.Milestone.Key.Value is null || Plan.Milestones.All(m => m.Key != e.Milestone.Key) || _reached.ContainsKey(e.Milestone.Key) ? "the milestone is not in the plan, or already reached." : null,
        InitiativeSuspended => _status == InitiativeStatus.Active ? null : "only an active initiative is suspended.",
        InitiativeResumed => _status == InitiativeStatus.Suspended ? null : "only a suspended initiative resumes.",
        InitiativeCompleted => _status == InitiativeStatus.Active ? null : "only an active initiative is completed.",
        InitiativeCancelled => _status is InitiativeStatus.Completed or InitiativeStatus.Cancelled ? "the initiative has ended." : null,
        ContributionLinked e => _status is InitiativeStatus.Completed or InitiativeStatus.Cancelled ? "the initiative has ended."
            : Plan.Partners.All(p => p.Partner != e.Contribution.Partner) ? "the contribution is not by a partner." : null,
        _ => null,
    };

    /// <inheritdoc />
    protected override void Apply(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case InitiativeProposed e:
                Id = e.Initiative;
                Plan = e.Plan;
                TimeZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(e.TimeZone) ?? DateTimeZone.Utc;
                break;
            case InitiativeRevised e:
                Plan = e.Plan;
                break;
            case InitiativeApproved e:
                Approval = e.Decision;
                _status = InitiativeStatus.Approved;
                break;
            case InitiativeStarted e:
                StartedOn = e.On;
                _status = InitiativeStatus.Active;
                break;
            case MilestoneReached e:
                _reached[e.Milestone.Key] = e.Milestone;
                break;
            case InitiativeSuspended:
                _status = InitiativeStatus.Suspended;
                break;
            case InitiativeResumed:
                _status = InitiativeStatus.Active;
                break;
            case InitiativeCompleted e:
                EndedOn = e.On;
                _status = InitiativeStatus.Completed;
                break;
            case InitiativeCancelled e:
                EndedOn = e.On;
                _status = InitiativeStatus.Cancelled;
                break;
            case ContributionLinked e:
                _contributions.Add(e.Contribution);
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }

    // Validates a plan against the coalition and copies it with trimmed texts.
    private static InitiativePlan CheckPlan(InitiativePlan? plan, CoalitionAggregate coalition, Instant at)
    {
        InitiativePlanValidator.Instance.EnsureValid(plan);
        ResourceRules.EnsureCoalition(coalition, plan.Coalition);
        var today = coalition.DateOf(at);
        foreach (var partner in plan.Partners)
        {
            var member = coalition.TryGetMembership(partner.Partner, out var membership) && membership.StatusOn(today) == MembershipStatus.Active;
            if (member == partner.Outside)
            {
                throw CoalitionRuleException.Because(
                    ErrorCodes.Initiatives.OutsidePartner,
                    member ? "{partner} is an active member of {coalition}; it takes part in '{title}' as a member, not as an outside partner."
                           : "{partner} is not an active member of {coalition} on {date}; to take part in '{title}' it is marked as an outside partner.",
                    ("partner", partner.Name.Trim()), ("coalition", coalition.Name), ("date", today), ("title", plan.Title.Trim()));
            }

            if (partner.Partner == plan.Lead && partner.Outside)
            {
                throw CoalitionRuleException.Because(ErrorCodes.Initiatives.OutsidePartner, "The lead partner of '{title}' is a member of {coalition}.", ("title", plan.Title.Trim()), ("coalition", coalition.Name));
            }
        }

        return plan with
        {
            Title = plan.Title.Trim(),
            Description = plan.Description.Trim(),
            Partners = plan.Partners.Select(p => p with { Name = p.Name.Trim(), Roles = [.. p.Roles], OrganisationIdentifier = p.OrganisationIdentifier?.Trim() }).ToArray(),
            Milestones = plan.Milestones.Select(m => m with { Title = m.Title.Trim() }).ToArray(),
            Budget = plan.Budget.Select(b => b with { Title = b.Title.Trim() }).ToArray(),
        };
    }

    private LocalDate DateOf(Instant at) => Ensure.Date(Ensure.At(at).InZone(TimeZone).Date, "today");

    private void EnsureNotAfterToday(LocalDate on, Instant at, string name)
    {
        Ensure.Date(on, name);
        var today = DateOf(at);
        if (on > today)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "The {name} ({on}) is after today, {today}.", ("name", name), ("on", on), ("today", today));
        }
    }

    private string NameOf(PartnerId partner) => Plan.Partners.FirstOrDefault(p => p.Partner == partner)?.Name ?? $"partner {partner}";

    private CoalitionRuleException Invalid(string template, PartnerId partner) =>
        CoalitionRuleException.Because(ErrorCodes.Initiatives.InvalidContribution, template, ("partner", NameOf(partner)), ("title", Title));

    private void EnsureStep(Step step)
    {
        if (!Machine.CanFire(step))
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Initiatives.InvalidTransition,
                "'{title}' is {status}; it cannot {step} now.",
                ("title", Title),
                ("status", _status),
                ("step", step switch
                {
                    Step.Revise => "be revised",
                    Step.Approve => "be approved",
                    Step.Start => "start",
                    Step.RecordMilestone => "record a milestone",
                    Step.Suspend => "be suspended",
                    Step.Resume => "resume",
                    Step.Complete => "be completed",
                    Step.Cancel => "be cancelled",
                    _ => "link a contribution",
                }));
        }
    }

    // Commands consult the machine and raise events; Apply moves the status. The machine is never fired.
    private StateMachine<InitiativeStatus, Step> BuildMachine()
    {
        var machine = new StateMachine<InitiativeStatus, Step>(() => _status, s => _status = s);
        machine.Configure(InitiativeStatus.Proposed)
            .PermitReentry(Step.Revise)
            .PermitReentry(Step.LinkContribution)
            .Permit(Step.Approve, InitiativeStatus.Approved)
            .Permit(Step.Cancel, InitiativeStatus.Cancelled);
        machine.Configure(InitiativeStatus.Approved)
            .PermitReentry(Step.LinkContribution)
            .Permit(Step.Start, InitiativeStatus.Active)
            .Permit(Step.Cancel, InitiativeStatus.Cancelled);
        machine.Configure(InitiativeStatus.Active)
            .PermitReentry(Step.RecordMilestone)
            .PermitReentry(Step.LinkContribution)
            .Permit(Step.Suspend, InitiativeStatus.Suspended)
            .Permit(Step.Complete, InitiativeStatus.Completed)
            .Permit(Step.Cancel, InitiativeStatus.Cancelled);
        machine.Configure(InitiativeStatus.Suspended)
            .PermitReentry(Step.LinkContribution)
            .Permit(Step.Resume, InitiativeStatus.Active)
            .Permit(Step.Cancel, InitiativeStatus.Cancelled);
        machine.Configure(InitiativeStatus.Completed);
        machine.Configure(InitiativeStatus.Cancelled);
        return machine;
    }

    // What a command tells its authorization check: the coalition, the plan being proposed, the partner concerned.
    private readonly record struct Acting(CoalitionAggregate? Coalition, InitiativePlan? Plan = null, PartnerId? Partner = null);
}
