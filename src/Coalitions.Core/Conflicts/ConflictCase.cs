using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using NodaTime;
using Stateless;
using Stateless.Graph;
using GovernanceAggregate = Coalitions.Core.Governance.CoalitionGovernance;

namespace Coalitions.Core.Conflicts;

/// <summary>
/// A conflict between members, or between a member and the coalition, handled well: the parties acknowledge ground
/// rules for respectful dialogue, talk directly, may turn to a mediator every party accepts, and, when that fails,
/// escalate to the body the rule book names for disputes, whose decision closes the case. An agreement the parties reach
/// (or the body's ruling) lists follow-ups, and the case tracks them.
/// </summary>
/// <remarks>
/// <para>Lifecycle: Raised → Dialogue (once every party acknowledged the ground rules) → Mediation (once every party
/// accepted the mediator) → Resolved (once every party confirmed a resolution); Dialogue (after at least one session) or
/// Mediation → Escalated → Decided (by an adopted decision on <see cref="MatterType.ResolveDispute"/>, taken after the
/// escalation); Withdrawn at any open stage by whoever raised it. See <c>docs/diagrams/conflict-case-lifecycle.md</c>.</para>
/// <para><b>Confidentiality.</b> Who may see a case is enforced: the case's details are shown only through
/// <see cref="View"/>, which takes the asking actor and refuses anyone the case's <see cref="CaseConfidentiality"/> does
/// not admit (<c>Conflicts.NotPermittedToSee</c>); the aggregate exposes nothing else but its id and coalition. The
/// event store still holds the case in full (its parties, issue, summary, session notes, mediator, terms and follow-ups),
/// as it holds every fact: whoever can read the store can read the case. Keep summaries and notes short, keep documents
/// in an access-controlled store of the host's, and restrict who reads the store.</para>
/// <para>Who may act (see <c>docs/authorization.md</c>): each party through its delegates (the coalition through its
/// coordinators); the mediator once accepted; the coordinators, who administer the process unless the case is
/// confidential to its parties; and the members sitting on the body it was escalated to.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class ConflictCase : AggregateRoot<ConflictCaseId>
{
    private const string GuardAllAcknowledged = "every party has acknowledged the ground rules";
    private const string GuardNoMediator = "no mediator is awaiting the parties' answer";
    private const string GuardMediatorProposed = "a mediator awaits the parties' answer";
    private const string GuardAllAccepted = "every party has accepted the mediator";
    private const string GuardNoResolution = "no resolution awaits the parties' answer";
    private const string GuardResolutionProposed = "a resolution awaits the parties' answer";
    private const string GuardAllConfirmed = "every party has confirmed the resolution";
    private const string GuardDialogueTried = "dialogue has been tried (a session recorded)";

    private static readonly Permissions<ConflictCase, Acting> Who = new(nameof(ConflictCase));
    private static readonly Role<ConflictCase, Acting> OpeningCoordinator = Who.Role(
        "a coordinator of the coalition",
        static (_, by, acting) => CoalitionRoles.IsCoordinator(acting.Coalition, by));
    private static readonly Role<ConflictCase, Acting> OpeningParty = Who.Role(
        "a delegate of a member the draft names as a party, acting for it",
        static (_, by, acting) => acting.Draft?.Members is { } members && by.OnBehalfOf is { } member && members.Contains(member) && CoalitionRoles.IsDelegateOf(acting.Coalition, member, by));
    private static readonly Role<ConflictCase, Acting> NamedParty = Who.Role(
        "the member named, through a delegate acting for it (the coalition through a coordinator, where it is a party)",
        static (@case, by, acting) => acting.HasParty && (acting.Party is { } member ? CoalitionRoles.IsDelegateOf(acting.Coalition, member, by) : @case.Represents(acting.Coalition, null, by)));
    private static readonly Role<ConflictCase, Acting> AnyParty = Who.Role(
        "a party, through a delegate acting for it (the coalition through a coordinator)",
        static (@case, by, acting) => @case._parties.Any(p => @case.Represents(acting.Coalition, p, by)));
    private static readonly Role<ConflictCase, Acting> OwingParty = Who.Role(
        "the party owing the follow-up, through a delegate acting for it (the coalition through a coordinator)",
        static (@case, by, acting) => acting.FollowUp is { } key && key.Value is not null && @case.Owner(key) is { } owner && @case.Represents(acting.Coalition, owner.Party, by));
    private static readonly Role<ConflictCase, Acting> Administrator = Who.Role(
        "a coordinator of the coalition, unless the case is confidential to its parties",
        static (@case, by, acting) => @case.Confidentiality != CaseConfidentiality.PartiesOnly && CoalitionRoles.IsCoordinator(acting.Coalition, by));
    private static readonly Role<ConflictCase, Acting> ACoordinator = Who.Role(
        "a coordinator of the coalition (recording the body's decision)",
        static (_, by, acting) => CoalitionRoles.IsCoordinator(acting.Coalition, by));
    private static readonly Role<ConflictCase, Acting> TheMediator = Who.Role(
        "the mediator, once every party accepted them",
        static (@case, by, _) => @case._mediationBegan && @case._mediator is { } mediator && by.Kind == ActorKind.Person && by.Person == mediator.Person);
    private static readonly Role<ConflictCase, Acting> MediatorProposedOrInOffice = Who.Role(
        "the mediator proposed or in office",
        static (@case, by, _) => @case._mediator is { } mediator && by.Kind == ActorKind.Person && by.Person == mediator.Person);
    private static readonly Role<ConflictCase, Acting> BodyMember = Who.Role(
        "a delegate of a member sitting on the body the case was escalated to, acting for it",
        static (@case, by, acting) => @case.SitsOnDecidingBody(acting, by));
    private static readonly Role<ConflictCase, Acting> Raiser = Who.Role(
        "whoever raised the case: a delegate of the member that raised it, acting for it, or a coordinator where a coordinator raised it",
        static (@case, by, acting) => @case.RaisedBy is { } raiser ? CoalitionRoles.IsDelegateOf(acting.Coalition, raiser, by) : CoalitionRoles.IsCoordinator(acting.Coalition, by));
    private static readonly Role<ConflictCase, Acting> MemberOfOpenCase = Who.Role(
        "a delegate of an active member, acting for it, where the case is open to members",
        static (@case, by, acting) => @case.Confidentiality == CaseConfidentiality.Members && CoalitionRoles.IsDelegateOfAnActiveMember(acting.Coalition, by, acting.At));

    private static readonly Command<ConflictCase, Acting> OpenCommand = Who.Command(nameof(Open), ErrorCodes.Conflicts.NotAuthorized, OpeningCoordinator, OpeningParty);
    private static readonly Command<ConflictCase, Acting> AcknowledgeGroundRulesCommand = Who.Command(nameof(AcknowledgeGroundRules), ErrorCodes.Conflicts.NotAuthorized, NamedParty);
    private static readonly Command<ConflictCase, Acting> RecordSessionCommand = Who.Command(nameof(RecordSession), ErrorCodes.Conflicts.NotAuthorized, AnyParty, TheMediator, Administrator);
    private static readonly Command<ConflictCase, Acting> ProposeMediatorCommand = Who.Command(nameof(ProposeMediator), ErrorCodes.Conflicts.NotAuthorized, AnyParty, Administrator);
    private static readonly Command<ConflictCase, Acting> AcceptMediatorCommand = Who.Command(nameof(AcceptMediator), ErrorCodes.Conflicts.NotAuthorized, NamedParty);
    private static readonly Command<ConflictCase, Acting> DeclineMediatorCommand = Who.Command(nameof(DeclineMediator), ErrorCodes.Conflicts.NotAuthorized, NamedParty);
    private static readonly Command<ConflictCase, Acting> ProposeResolutionCommand = Who.Command(nameof(ProposeResolution), ErrorCodes.Conflicts.NotAuthorized, AnyParty, TheMediator);
    private static readonly Command<ConflictCase, Acting> ConfirmResolutionCommand = Who.Command(nameof(ConfirmResolution), ErrorCodes.Conflicts.NotAuthorized, NamedParty);
    private static readonly Command<ConflictCase, Acting> RejectResolutionCommand = Who.Command(nameof(RejectResolution), ErrorCodes.Conflicts.NotAuthorized, NamedParty);
    private static readonly Command<ConflictCase, Acting> EscalateCommand = Who.Command(nameof(Escalate), ErrorCodes.Conflicts.NotAuthorized, AnyParty, TheMediator);
    private static readonly Command<ConflictCase, Acting> RecordDecisionCommand = Who.Command(nameof(RecordDecision), ErrorCodes.Conflicts.NotAuthorized, ACoordinator, BodyMember);
    private static readonly Command<ConflictCase, Acting> CompleteFollowUpCommand = Who.Command(nameof(CompleteFollowUp), ErrorCodes.Conflicts.NotAuthorized, OwingParty, TheMediator, Administrator);
    private static readonly Command<ConflictCase, Acting> WithdrawCommand = Who.Command(nameof(Withdraw), ErrorCodes.Conflicts.NotAuthorized, Raiser);
    private static readonly Command<ConflictCase, Acting> ViewCommand = Who.Command(nameof(View), ErrorCodes.Conflicts.NotPermittedToSee, AnyParty, MediatorProposedOrInOffice, Administrator, BodyMember, MemberOfOpenCase);

    private readonly List<PartnerId?> _parties = [];
    private readonly List<string> _groundRules = [];
    private readonly HashSet<PartnerId?> _acknowledged = [];
    private readonly List<CaseSession> _sessions = [];
    private readonly HashSet<PartnerId?> _acceptedMediator = [];
    private readonly HashSet<PartnerId?> _confirmed = [];
    private readonly Dictionary<FollowUpKey, (LocalDate On, string? Note)> _done = [];
    private StateMachine<CaseStatus, Step>? _machine;
    private CaseStatus _status = CaseStatus.Raised;
    private DateTimeZone _zone = DateTimeZone.Utc;
    private string _issue = string.Empty;
    private string? _summary;
    private Mediator? _mediator;
    private bool _mediationBegan;
    private Resolution? _proposed;
    private Resolution? _settlement;
    private DecisionReference? _decision;
    private BodyKey? _body;
    private string? _bodyName;
    private Instant? _escalatedAt;

    private ConflictCase()
    {
    }

    private enum Step
    {
        Acknowledge,
        BeginDialogue,
        RecordSession,
        ProposeMediator,
        AnswerMediator,
        BeginMediation,
        ProposeResolution,
        AnswerResolution,
        Resolve,
        Escalate,
        Decide,
        FollowUp,
        Withdraw,
    }

    /// <summary>Gets the coalition the case belongs to. Everything else about it is shown only through <see cref="View"/>.</summary>
    public CoalitionId Coalition { get; private set; }

    private CaseConfidentiality Confidentiality { get; set; }

    private PartnerId? RaisedBy { get; set; }

    private bool CoalitionIsParty { get; set; }

    private StateMachine<CaseStatus, Step> Machine => _machine ??= BuildMachine();

    private const string Subject = "the case";

    /// <summary>Opens a case between members, or between a member and the coalition.</summary>
    /// <param name="id">The new case's id.</param>
    /// <param name="draft">The issue, the parties (each a member of the coalition, not merely invited), the confidentiality and any ground rules of the case's own; the charter's ground rules are added first.</param>
    /// <param name="coalition">The coalition, read for its coordinators, members, charter and time zone.</param>
    /// <param name="by">A coordinator of the coalition, or a delegate of a member the draft names as a party, acting for it (that member raises the case).</param>
    /// <param name="at">When it is opened.</param>
    /// <returns>The case, raised.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not authorized (<c>Conflicts.NotAuthorized</c>), an empty id, an invalid draft (<c>Conflicts.InvalidCase</c>,
    /// <c>Kernel.InvalidText</c>), another coalition, a party that is not a member (<c>Membership.NotAMember</c>), or no
    /// ground rule at all (<c>Conflicts.InvalidCase</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// var dispute = ConflictCase.Open(ConflictCaseId.New(),
    ///     new CaseDraft(coalition.Id, "Credit for the reading survey", null, [universityOfTheCoast, literacyNow], false, CaseConfidentiality.Coordinators, []),
    ///     coalition, Actor.Representing(delegatePerson, literacyNow), now);
    /// </code>
    /// </example>
    public static ConflictCase Open(ConflictCaseId id, CaseDraft draft, Coalition coalition, Actor by, Instant at)
    {
        var @case = new ConflictCase();
        OpenCommand.Authorize(@case, by, at, new Acting(coalition, at, Draft: draft), "a new case");
        Ensure.Id(id, nameof(id));
        Ensure.NotNull(coalition, nameof(coalition));
        CaseDraftValidator.Instance.EnsureValid(draft);
        if (draft.Coalition != coalition.Id)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "The case is drafted for another coalition than {coalition}.", ("coalition", coalition.Name));
        }

        foreach (var member in draft.Members)
        {
            if (!coalition.TryGetMembership(member, out var membership) || membership.RecordedStatus == MembershipStatus.Invited)
            {
                throw CoalitionRuleException.Because(ErrorCodes.Membership.NotAMember, "Partner {partner} is not a member of {coalition}, so it cannot be a party to a case there.", ("partner", member), ("coalition", coalition.Name));
            }
        }

        var rules = (coalition.Charter?.GroundRules ?? []).Concat(draft.AdditionalGroundRules).Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        if (rules.Length == 0)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Conflicts.InvalidCase, "{coalition} has no ground rules in its charter and the case adds none; a case needs ground rules the parties can acknowledge.", ("coalition", coalition.Name));
        }

        var raisedBy = by.OnBehalfOf is { } actingFor && draft.Members.Contains(actingFor) && coalition.IsDelegate(actingFor, by) ? actingFor : (PartnerId?)null;
        @case.Raise(new CaseOpened(
            id, coalition.Id, coalition.TimeZone.Id, draft.Issue.Trim(), FreeText.Kept(draft.Summary),
            draft.Members.ToArray(), draft.CoalitionIsParty, raisedBy, draft.Confidentiality, rules, at, by));
        return @case;
    }

    /// <summary>Rebuilds a case from its events, checking that they form its history, without building its state machine.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The case.</returns>
    /// <exception cref="StoredEventException">The events are not the history of one case (<c>Kernel.CorruptHistory</c>).</exception>
    public static ConflictCase Rehydrate(IEnumerable<IDomainEvent> history) => Rebuild(new ConflictCase(), history);

    /// <summary>The case lifecycle as a Mermaid state diagram, generated from the state machine.</summary>
    /// <returns>The diagram text.</returns>
    public static string LifecycleDiagram() => MermaidGraph.Format(new ConflictCase().Machine.GetInfo());

    /// <summary>Whether someone may see the case, with the reason if not.</summary>
    /// <param name="coalition">The coalition, read for its coordinators and members.</param>
    /// <param name="by">Anyone asking; the case is shown to its parties' delegates, its mediator, the coordinators (unless the case is confidential to its parties), the body it was escalated to and, where it is open to members, the delegates of active members.</param>
    /// <param name="at">When they ask: membership and seats are read at this instant.</param>
    /// <param name="governance">The coalition's governance, needed to admit the members of the body a case was escalated to.</param>
    /// <returns>Allowed, or refused with <c>Conflicts.NotPermittedToSee</c>.</returns>
    public RuleCheck CanView(Coalition coalition, Actor by, Instant at, GovernanceAggregate? governance = null)
    {
        if (by is null || by.Problem() is not null)
        {
            return RuleCheck.Refused(ErrorCodes.Kernel.ActorRequired, "Every query of a case names who asks.");
        }

        return ViewCommand.Check(this, by, new Acting(coalition, at, Governance: governance), Subject) is { } failure ? RuleCheck.Refused(failure) : RuleCheck.Allowed;
    }

    /// <summary>
    /// Shows the case to someone its confidentiality admits: a party's delegate (the coalition's coordinators where it is a
    /// party), the mediator proposed or in office, the coordinators unless the case is confidential to its parties, the
    /// delegates of the members sitting on the body it was escalated to, and, where the case is open to members, any active
    /// member's delegate.
    /// </summary>
    /// <param name="coalition">The coalition, read for its coordinators, members and names.</param>
    /// <param name="by">The person asking, acting for a member where they ask as its delegate.</param>
    /// <param name="at">When they ask; follow-ups are shown as they stand on that day.</param>
    /// <param name="governance">The coalition's governance, needed to admit the members of the body a case was escalated to.</param>
    /// <returns>The case as it stands.</returns>
    /// <exception cref="CoalitionRuleException">Anyone else (<c>Conflicts.NotPermittedToSee</c>), another coalition, or a missing actor.</exception>
    /// <example>
    /// <code>
    /// var view = dispute.View(coalition, Actor.Representing(delegatePerson, literacyNow), now);
    /// Console.WriteLine(view.Describe());
    /// </code>
    /// </example>
    public CaseView View(Coalition coalition, Actor by, Instant at, GovernanceAggregate? governance = null)
    {
        ViewCommand.Authorize(this, by, at, new Acting(coalition, at, Governance: governance), Subject);
        Own(coalition);
        var on = at.InZone(_zone).Date;
        var parties = _parties.Select(p => new CasePartyView(p, NameOf(coalition, p), _acknowledged.Contains(p), _acceptedMediator.Contains(p), _confirmed.Contains(p))).ToArray();
        var followUps = (_settlement?.FollowUps ?? []).Select(f =>
        {
            var done = _done.TryGetValue(f.Key, out var d) && d.On <= on ? d.On : (LocalDate?)null;
            return new FollowUpView(f, done, done is not null ? FollowUpStatus.Done : on > f.Due ? FollowUpStatus.Overdue : FollowUpStatus.Pending);
        }).ToArray();
        return new CaseView(
            Id, _issue, _summary, _status, Confidentiality, parties, RaisedBy is { } raiser ? NameOf(coalition, raiser) : "the secretariat",
            _groundRules.ToArray(), _sessions.ToArray(), _mediator, _mediationBegan, _proposed, _settlement, _bodyName, _decision, followUps, on);
    }

    /// <summary>A party acknowledges the case's ground rules; when the last party does, dialogue begins.</summary>
    /// <param name="party">The member party, or <see langword="null"/> for the coalition.</param>
    /// <param name="coalition">The coalition, read for delegates and coordinators.</param>
    /// <param name="by">The party, through a delegate acting for it (the coalition through a coordinator).</param>
    /// <param name="at">When the party acknowledges the ground rules.</param>
    /// <exception cref="CoalitionRuleException">Not the party (<c>Conflicts.NotAuthorized</c>), another coalition, not raised (<c>Conflicts.InvalidTransition</c>), or acknowledged already (<c>Conflicts.AlreadyAnswered</c>).</exception>
    public void AcknowledgeGroundRules(PartnerId? party, Coalition coalition, Actor by, Instant at)
    {
        Answer(AcknowledgeGroundRulesCommand, Step.Acknowledge, party, coalition, by, at, _acknowledged, "acknowledged the ground rules", new GroundRulesAcknowledged(Id, party, at, by), new DialogueStarted(Id, at, by));
    }

    /// <summary>Records a session of dialogue or mediation.</summary>
    /// <param name="on">The day it took place; not after the day of <paramref name="at"/>.</param>
    /// <param name="note">A short note, if any: at most 2,000 characters.</param>
    /// <param name="coalition">The coalition, read for delegates and coordinators.</param>
    /// <param name="by">A party, through a delegate acting for it (the coalition through a coordinator); the mediator; or a coordinator, unless the case is confidential to its parties.</param>
    /// <param name="at">When it is recorded.</param>
    /// <exception cref="CoalitionRuleException">Not authorized, another coalition, not in dialogue or mediation, a day out of range or still to come, or too many sessions.</exception>
    public void RecordSession(LocalDate on, string? note, Coalition coalition, Actor by, Instant at)
    {
        RecordSessionCommand.Authorize(this, by, at, new Acting(coalition, at), Subject);
        Own(coalition);
        Ensure.Date(on, nameof(on));
        FreeText.Check(note, nameof(note), required: false);
        EnsureStep(Step.RecordSession);
        NotLater(on, at);
        if (_sessions.Count >= CaseRules.MaxSessions)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "The case has {max} sessions, the most it may record.", ("max", CaseRules.MaxSessions));
        }

        Raise(new CaseSessionRecorded(Id, _status, on, FreeText.Kept(note), at, by));
    }

    /// <summary>Proposes a mediator to the parties; mediation begins once every party accepts them.</summary>
    /// <param name="mediator">The mediator: no delegate of a member party, nor a coordinator where the coalition is a party.</param>
    /// <param name="coalition">The coalition, read for delegates and coordinators.</param>
    /// <param name="by">A party, through a delegate acting for it (the coalition through a coordinator), or a coordinator unless the case is confidential to its parties.</param>
    /// <param name="at">When the mediator is proposed.</param>
    /// <exception cref="CoalitionRuleException">Not authorized, another coalition, an invalid mediator, not in dialogue or a mediator already awaiting an answer (<c>Conflicts.InvalidTransition</c>), or a mediator who is not impartial (<c>Conflicts.MediatorNotImpartial</c>).</exception>
    public void ProposeMediator(Mediator mediator, Coalition coalition, Actor by, Instant at)
    {
        ProposeMediatorCommand.Authorize(this, by, at, new Acting(coalition, at), Subject);
        Own(coalition);
        MediatorValidator.Instance.EnsureValid(mediator);
        EnsureStep(Step.ProposeMediator);
        foreach (var member in _parties.OfType<PartnerId>())
        {
            if (coalition.TryGetMembership(member, out var membership) && membership.Delegates.Contains(mediator.Person))
            {
                throw CoalitionRuleException.Because(ErrorCodes.Conflicts.MediatorNotImpartial, "{mediator} is a delegate of {party}, a party to the case, so cannot mediate it.", ("mediator", mediator.Name), ("party", coalition.NameOf(member)));
            }
        }

        if (CoalitionIsParty && coalition.IsCoordinator(mediator.Person))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Conflicts.MediatorNotImpartial, "{mediator} coordinates {coalition}, a party to the case, so cannot mediate it.", ("mediator", mediator.Name), ("coalition", coalition.Name));
        }

        Raise(new MediatorProposed(Id, mediator with { Name = mediator.Name.Trim() }, at, by));
    }

    /// <summary>A party accepts the mediator proposed; when the last party does, mediation begins.</summary>
    /// <param name="party">The member party, or <see langword="null"/> for the coalition.</param>
    /// <param name="coalition">The coalition, read for delegates and coordinators.</param>
    /// <param name="by">The party, through a delegate acting for it (the coalition through a coordinator).</param>
    /// <param name="at">When the party accepts the mediator.</param>
    /// <exception cref="CoalitionRuleException">Not the party, another coalition, no mediator proposed (<c>Conflicts.InvalidTransition</c>), or answered already (<c>Conflicts.AlreadyAnswered</c>).</exception>
    public void AcceptMediator(PartnerId? party, Coalition coalition, Actor by, Instant at)
    {
        Answer(AcceptMediatorCommand, Step.AnswerMediator, party, coalition, by, at, _acceptedMediator, "accepted the mediator", new MediatorAccepted(Id, party, at, by), new MediationStarted(Id, at, by));
    }

    /// <summary>A party declines the mediator proposed; the proposal lapses and another may be proposed.</summary>
    /// <param name="party">The member party, or <see langword="null"/> for the coalition.</param>
    /// <param name="reason">Why, if said: at most 2,000 characters.</param>
    /// <param name="coalition">The coalition, read for delegates and coordinators.</param>
    /// <param name="by">The party, through a delegate acting for it (the coalition through a coordinator).</param>
    /// <param name="at">When the party declines the mediator.</param>
    /// <exception cref="CoalitionRuleException">Not the party, another coalition, no mediator proposed, or accepted already (<c>Conflicts.AlreadyAnswered</c>).</exception>
    public void DeclineMediator(PartnerId? party, string? reason, Coalition coalition, Actor by, Instant at)
    {
        DeclineMediatorCommand.Authorize(this, by, at, new Acting(coalition, at, party, HasParty: true), Subject);
        Own(coalition);
        FreeText.Check(reason, nameof(reason), required: false);
        EnsureStep(Step.AnswerMediator);
        EnsureParty(party);
        Once(_acceptedMediator.Contains(party), party, coalition, "accepted the mediator");
        Raise(new MediatorDeclined(Id, party, FreeText.Kept(reason), at, by));
    }

    /// <summary>Puts a resolution to the parties; it settles the case once every party confirms it. A party proposing it confirms it by proposing.</summary>
    /// <param name="resolution">The terms and the follow-ups, each owed by a party (or the coalition's secretariat).</param>
    /// <param name="coalition">The coalition, read for delegates and coordinators.</param>
    /// <param name="by">A party, through a delegate acting for it (the coalition through a coordinator), or the mediator.</param>
    /// <param name="at">When the resolution is put to the parties.</param>
    /// <exception cref="CoalitionRuleException">Not authorized, another coalition, an invalid resolution or a follow-up owed by a non-party (<c>Conflicts.InvalidCase</c>), or not in dialogue or mediation, or another resolution awaiting an answer (<c>Conflicts.InvalidTransition</c>).</exception>
    public void ProposeResolution(Resolution resolution, Coalition coalition, Actor by, Instant at)
    {
        ProposeResolutionCommand.Authorize(this, by, at, new Acting(coalition, at), Subject);
        Own(coalition);
        var checkedResolution = CheckResolution(resolution);
        EnsureStep(Step.ProposeResolution);
        var proposer = _parties.FirstOrDefault(p => p is not null && Represents(coalition, p, by));
        Raise(new ResolutionProposed(Id, checkedResolution, proposer, at, by));
    }

    /// <summary>A party confirms the resolution proposed; when the last party does, the case is resolved.</summary>
    /// <param name="party">The member party, or <see langword="null"/> for the coalition.</param>
    /// <param name="coalition">The coalition, read for delegates and coordinators.</param>
    /// <param name="by">The party, through a delegate acting for it (the coalition through a coordinator).</param>
    /// <param name="at">When the party confirms the resolution.</param>
    /// <exception cref="CoalitionRuleException">Not the party, another coalition, no resolution proposed, or answered already.</exception>
    public void ConfirmResolution(PartnerId? party, Coalition coalition, Actor by, Instant at)
    {
        Answer(ConfirmResolutionCommand, Step.AnswerResolution, party, coalition, by, at, _confirmed, "confirmed the resolution", new ResolutionConfirmed(Id, party, at, by), new CaseResolved(Id, at, by));
    }

    /// <summary>A party rejects the resolution proposed; the proposal lapses.</summary>
    /// <param name="party">The member party, or <see langword="null"/> for the coalition.</param>
    /// <param name="reason">Why, if said: at most 2,000 characters.</param>
    /// <param name="coalition">The coalition, read for delegates and coordinators.</param>
    /// <param name="by">The party, through a delegate acting for it (the coalition through a coordinator).</param>
    /// <param name="at">When the party rejects the resolution.</param>
    /// <exception cref="CoalitionRuleException">Not the party, another coalition, no resolution proposed, or confirmed already.</exception>
    public void RejectResolution(PartnerId? party, string? reason, Coalition coalition, Actor by, Instant at)
    {
        RejectResolutionCommand.Authorize(this, by, at, new Acting(coalition, at, party, HasParty: true), Subject);
        Own(coalition);
        FreeText.Check(reason, nameof(reason), required: false);
        EnsureStep(Step.AnswerResolution);
        EnsureParty(party);
        Once(_confirmed.Contains(party), party, coalition, "confirmed the resolution");
        Raise(new ResolutionRejected(Id, party, FreeText.Kept(reason), at, by));
    }

    /// <summary>Escalates the case to the body the coalition's rule book names for resolving disputes, once dialogue has been tried.</summary>
    /// <param name="governance">The coalition's governance: its rule book names the body for <see cref="MatterType.ResolveDispute"/>.</param>
    /// <param name="coalition">The coalition, read for delegates and coordinators.</param>
    /// <param name="by">A party, through a delegate acting for it (the coalition through a coordinator), or the mediator.</param>
    /// <param name="at">When the case is escalated; the body's members are read at this instant.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not authorized, another coalition or governance (<c>Coalitions.OtherCoalition</c>), dialogue not tried or not in
    /// dialogue or mediation (<c>Conflicts.InvalidTransition</c>), or no body named for disputes (<c>Conflicts.NoDisputeBody</c>).
    /// </exception>
    public void Escalate(GovernanceAggregate governance, Coalition coalition, Actor by, Instant at)
    {
        EscalateCommand.Authorize(this, by, at, new Acting(coalition, at), Subject);
        Own(coalition);
        Ensure.NotNull(governance, nameof(governance));
        if (governance.Id != Coalition)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "The governance given is that of another coalition than {coalition}.", ("coalition", coalition.Name));
        }

        EnsureStep(Step.Escalate);
        if (!governance.Rules.TryGetValue(MatterType.ResolveDispute, out var line))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Conflicts.NoDisputeBody, "The rule book of {coalition} names no body to resolve disputes; add one (a charter amendment) before escalating.", ("coalition", coalition.Name));
        }

        var body = governance.Bodies.First(b => b.Key == line.DecidingBody);
        Raise(new CaseEscalated(Id, body.Key, body.Name, at, by));
    }

    /// <summary>Records the decision of the body the case was escalated to: it settles the case.</summary>
    /// <param name="decision">An adopted decision of the coalition on <see cref="MatterType.ResolveDispute"/>, taken after the escalation and no later than <paramref name="at"/>.</param>
    /// <param name="ruling">What the body decided, with the follow-ups each party owes.</param>
    /// <param name="coalition">The coalition, read for delegates and coordinators.</param>
    /// <param name="by">A coordinator, or a delegate of a member sitting on the body, acting for it.</param>
    /// <param name="at">When it is recorded.</param>
    /// <param name="governance">The coalition's governance, read for the body's seats; needed when a member of the body records it.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not authorized, another coalition, not escalated (<c>Conflicts.InvalidTransition</c>), a decision that does not
    /// authorize it (<c>Coalitions.DecisionRequired</c>) or taken before the escalation (<c>Conflicts.InvalidTransition</c>),
    /// or an invalid ruling (<c>Conflicts.InvalidCase</c>).
    /// </exception>
    public void RecordDecision(DecisionReference decision, Resolution ruling, Coalition coalition, Actor by, Instant at, GovernanceAggregate? governance = null)
    {
        RecordDecisionCommand.Authorize(this, by, at, new Acting(coalition, at, Governance: governance), Subject);
        Own(coalition);
        EnsureStep(Step.Decide);
        DecisionReference.Check(Ensure.NotNull(decision, nameof(decision)), true, Coalition, coalition.Name, at, MatterType.ResolveDispute);
        if (decision.DecidedAt < _escalatedAt)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Conflicts.InvalidTransition, "The decision cited was taken on {decided}, before the case reached the {body} on {escalated}.", ("decided", decision.DecidedAt), ("body", _bodyName), ("escalated", _escalatedAt));
        }

        var checkedRuling = CheckResolution(ruling);
        Raise(new CaseDecided(Id, decision with { }, checkedRuling, at, by));
    }

    /// <summary>Records that a follow-up of the settlement was done.</summary>
    /// <param name="followUp">The follow-up's key.</param>
    /// <param name="on">The day it was done; not after the day of <paramref name="at"/>.</param>
    /// <param name="note">A note, if any: at most 2,000 characters.</param>
    /// <param name="coalition">The coalition, read for delegates and coordinators.</param>
    /// <param name="by">The party owing it, through a delegate acting for it (the coalition through a coordinator); the mediator; or a coordinator unless the case is confidential to its parties.</param>
    /// <param name="at">When it is recorded.</param>
    /// <exception cref="CoalitionRuleException">Not authorized, another coalition, not settled (<c>Conflicts.InvalidTransition</c>), no such follow-up or done already (<c>Conflicts.UnknownFollowUp</c>), or a day out of range or still to come.</exception>
    public void CompleteFollowUp(FollowUpKey followUp, LocalDate on, string? note, Coalition coalition, Actor by, Instant at)
    {
        CompleteFollowUpCommand.Authorize(this, by, at, new Acting(coalition, at, FollowUp: followUp), Subject);
        Own(coalition);
        TypedKey.Ensure(followUp, nameof(followUp));
        Ensure.Date(on, nameof(on));
        FreeText.Check(note, nameof(note), required: false);
        EnsureStep(Step.FollowUp);
        if (Owner(followUp) is null || _done.ContainsKey(followUp))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Conflicts.UnknownFollowUp, "The settlement lists no follow-up '{key}' still to do.", ("key", followUp.Value));
        }

        NotLater(on, at);
        Raise(new FollowUpCompleted(Id, followUp, on, FreeText.Kept(note), at, by));
    }

    /// <summary>Withdraws the case at any open stage.</summary>
    /// <param name="reason">Why, if said: at most 2,000 characters.</param>
    /// <param name="coalition">The coalition, read for delegates and coordinators.</param>
    /// <param name="by">Whoever raised it: a delegate of the member that raised it, acting for it, or a coordinator where a coordinator raised it.</param>
    /// <param name="at">When the case is withdrawn.</param>
    /// <exception cref="CoalitionRuleException">Not the one who raised it, another coalition, or settled or withdrawn already (<c>Conflicts.InvalidTransition</c>).</exception>
    public void Withdraw(string? reason, Coalition coalition, Actor by, Instant at)
    {
        WithdrawCommand.Authorize(this, by, at, new Acting(coalition, at), Subject);
        Own(coalition);
        FreeText.Check(reason, nameof(reason), required: false);
        EnsureStep(Step.Withdraw);
        Raise(new CaseWithdrawn(Id, FreeText.Kept(reason), at, by));
    }

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is CaseOpened;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => domainEvent switch
    {
        CaseOpened e => OpenedProblem(e),
        GroundRulesAcknowledged e => Expect(CaseStatus.Raised) ?? PartyProblem(e.Party) ?? (_acknowledged.Contains(e.Party) ? "the party acknowledged the ground rules already." : null),
        DialogueStarted => Expect(CaseStatus.Raised) ?? (_acknowledged.Count != _parties.Count ? "not every party acknowledged the ground rules." : null),
        CaseSessionRecorded e =>
            _status is not (CaseStatus.Dialogue or CaseStatus.Mediation) ? "sessions are held in dialogue or mediation." :
            e.Stage != _status ? "the session's stage is not the case's." :
            _sessions.Count >= CaseRules.MaxSessions ? "the case has as many sessions as it may." : null,
        MediatorProposed e => Expect(CaseStatus.Dialogue) ?? (_mediator is not null ? "a mediator awaits an answer already." : !MediatorValidator.Instance.Validate(e.Mediator).IsValid ? "the mediator is ill-formed." : null),
        MediatorAccepted e => Expect(CaseStatus.Dialogue) ?? (_mediator is null ? "no mediator was proposed." : PartyProblem(e.Party) ?? (_acceptedMediator.Contains(e.Party) ? "the party answered already." : null)),
        MediatorDeclined e => Expect(CaseStatus.Dialogue) ?? (_mediator is null ? "no mediator was proposed." : PartyProblem(e.Party) ?? (_acceptedMediator.Contains(e.Party) ? "the party answered already." : null)),
        MediationStarted => Expect(CaseStatus.Dialogue) ?? (_mediator is null || _acceptedMediator.Count != _parties.Count ? "not every party accepted the mediator." : null),
        ResolutionProposed e =>
            _status is not (CaseStatus.Dialogue or CaseStatus.Mediation) ? "a resolution is proposed in dialogue or mediation." :
            _proposed is not null ? "a resolution awaits an answer already." :
            (e.ProposedBy is { } proposer && !_parties.Contains(proposer)) ? "the proposer is not a party." :
            ResolutionProblem(e.Resolution),
        ResolutionConfirmed e => ProposedProblem() ?? PartyProblem(e.Party) ?? (_confirmed.Contains(e.Party) ? "the party answered already." : null),
        ResolutionRejected e => ProposedProblem() ?? PartyProblem(e.Party) ?? (_confirmed.Contains(e.Party) ? "the party answered already." : null),
        CaseResolved => ProposedProblem() ?? (_confirmed.Count != _parties.Count ? "not every party confirmed the resolution." : null),
        CaseEscalated e =>
            !(_status == CaseStatus.Mediation || (_status == CaseStatus.Dialogue && _sessions.Count > 0)) ? "a case is escalated from mediation, or from dialogue once tried." :
            !GovernanceNames(e.Body, e.BodyName) ? "the body is not named as a body is." : null,
        CaseDecided e =>
            Expect(CaseStatus.Escalated) ??
            (!e.Decision.Authorizes(Coalition, MatterType.ResolveDispute) ? "the decision is not an adoption by the coalition on a dispute." :
            e.Decision.DecidedAt < _escalatedAt || e.Decision.DecidedAt > e.At ? "the decision was not taken between the escalation and its recording." :
            ResolutionProblem(e.Ruling)),
        FollowUpCompleted e =>
            _status is not (CaseStatus.Resolved or CaseStatus.Decided) ? "follow-ups are done once the case is settled." :
            Owner(e.FollowUp) is null ? "the settlement lists no such follow-up." :
            _done.ContainsKey(e.FollowUp) ? "the follow-up is done already." : null,
        CaseWithdrawn => _status is CaseStatus.Resolved or CaseStatus.Decided or CaseStatus.Withdrawn ? "a settled or withdrawn case is not withdrawn." : null,
        _ => null,
    };

    /// <inheritdoc />
    protected override void Apply(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case CaseOpened e:
                Id = e.Case;
                Coalition = e.Coalition;
                _zone = DateTimeZoneProviders.Tzdb[e.TimeZone];
                _issue = e.Issue;
                _summary = e.Summary;
                Confidentiality = e.Confidentiality;
                RaisedBy = e.RaisedBy;
                CoalitionIsParty = e.CoalitionIsParty;
                _parties.AddRange(e.Members.Select(m => (PartnerId?)m));
                if (e.CoalitionIsParty)
                {
                    _parties.Add(null);
                }

                _groundRules.AddRange(e.GroundRules);
                break;
            case GroundRulesAcknowledged e:
                _acknowledged.Add(e.Party);
                break;
            case DialogueStarted:
                _status = CaseStatus.Dialogue;
                break;
            case CaseSessionRecorded e:
                _sessions.Add(new CaseSession(e.Stage, e.On, e.Note));
                break;
            case MediatorProposed e:
                _mediator = e.Mediator;
                _acceptedMediator.Clear();
                break;
            case MediatorAccepted e:
                _acceptedMediator.Add(e.Party);
                break;
            case MediatorDeclined:
                _mediator = null;
                _acceptedMediator.Clear();
                break;
            case MediationStarted:
                _mediationBegan = true;
                _status = CaseStatus.Mediation;
                break;
            case ResolutionProposed e:
                _proposed = e.Resolution;
                _confirmed.Clear();
                if (e.ProposedBy is { } proposer)
                {
                    _confirmed.Add(proposer);
                }

                break;
            case ResolutionConfirmed e:
                _confirmed.Add(e.Party);
                break;
            case ResolutionRejected:
                _proposed = null;
                _confirmed.Clear();
                break;
            case CaseResolved:
                _settlement = _proposed;
                _proposed = null;
                _status = CaseStatus.Resolved;
                break;
            case CaseEscalated e:
                _body = e.Body;
                _bodyName = e.BodyName;
                _escalatedAt = e.At;
                _proposed = null;
                _confirmed.Clear();
                _status = CaseStatus.Escalated;
                break;
            case CaseDecided e:
                _decision = e.Decision;
                _settlement = e.Ruling;
                _status = CaseStatus.Decided;
                break;
            case FollowUpCompleted e:
                _done[e.FollowUp] = (e.On, e.Note);
                break;
            case CaseWithdrawn:
                _status = CaseStatus.Withdrawn;
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }

    private static bool GovernanceNames(BodyKey body, string name) =>
        TypedKey.IsSet(body) && FreeText.Problem(name, true, Limits.NameLength) is null && FreeText.IsSingleLine(name);

    private static string? OpenedProblem(CaseOpened e) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(e.TimeZone) is null ? "the time zone is not a tz database id." :
        !CaseDraftValidator.Instance.Validate(new CaseDraft(e.Coalition, e.Issue, e.Summary, e.Members, e.CoalitionIsParty, e.Confidentiality, [])).IsValid ? "the case is ill-formed." :
        e.RaisedBy is { } raiser && !e.Members.Contains(raiser) ? "the case was raised by a member that is not a party." :
        e.GroundRules.Count is 0 or > CaseRules.MaxGroundRules || e.GroundRules.Any(r => FreeText.Problem(r, true, CaseRules.GroundRuleLength) is not null) ? "the ground rules are missing or ill-formed." : null;

    // The party a follow-up of the settlement is owed by (a member, or none for the coalition); null when there is no such follow-up.
    private (PartnerId? Party, FollowUp FollowUp)? Owner(FollowUpKey key) =>
        _settlement?.FollowUps.FirstOrDefault(f => f.Key == key) is { } found ? (found.Party, found) : null;

    private static string NameOf(Coalition coalition, PartnerId? party) => party is { } member ? coalition.NameOf(member) : coalition.Name;

    private void NotLater(LocalDate on, Instant at)
    {
        if (on > at.InZone(_zone).Date)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "Nothing is recorded as done on {on}, a day still to come.", ("on", on));
        }
    }

    // Whether the actor represents a party: a member party through one of its delegates, the coalition through a coordinator.
    private bool Represents(Coalition? coalition, PartnerId? party, Actor by) =>
        _parties.Contains(party) && (party is { } member ? CoalitionRoles.IsDelegateOf(coalition, member, by) : CoalitionRoles.IsCoordinator(coalition, by));

    private bool SitsOnDecidingBody(Acting acting, Actor by)
    {
        if (_body is not { } body || acting.Governance is not { } governance || acting.Coalition is not { } coalition || governance.Id != Coalition || coalition.Id != Coalition ||
            by.OnBehalfOf is not { } member || !coalition.IsDelegate(member, by))
        {
            return false;
        }

        try
        {
            return governance.SittingMembers(body, coalition, acting.At).Contains(member);
        }
        catch (CoalitionRuleException)
        {
            // The body may have been dissolved since; then nobody sits on it.
            return false;
        }
    }

    private string? Expect(CaseStatus status) => _status != status ? $"the case's stage is {Words.Of(_status)}, not {Words.Of(status)}." : null;

    private string? PartyProblem(PartnerId? party) => _parties.Contains(party) ? null : "the party named is not a party to the case.";

    private string? ProposedProblem() =>
        _status is not (CaseStatus.Dialogue or CaseStatus.Mediation) || _proposed is null ? "no resolution awaits the parties' answer." : null;

    private string? ResolutionProblem(Resolution resolution) =>
        !ResolutionValidator.Instance.Validate(resolution).IsValid ? "the resolution is ill-formed." :
        resolution.FollowUps.Any(f => f.Party is { } member && !_parties.Contains(member)) ? "a follow-up is owed by a member that is not a party." : null;

    private Resolution CheckResolution(Resolution resolution)
    {
        ResolutionValidator.Instance.EnsureValid(resolution);
        foreach (var followUp in resolution.FollowUps)
        {
            if (followUp.Party is { } member && !_parties.Contains(member))
            {
                throw CoalitionRuleException.Because(ErrorCodes.Conflicts.InvalidCase, "Follow-up '{key}' is owed by partner {partner}, which is not a party to the case.", ("key", followUp.Key.Value), ("partner", member));
            }
        }

        return new Resolution(resolution.Terms.Trim(), resolution.FollowUps.Select(f => f with { Description = f.Description.Trim() }).ToArray());
    }

    // A party's answer in a round every party answers (the ground rules, the mediator, the resolution): the last answer
    // also moves the case on. Every check comes before either event is raised.
    private void Answer(Command<ConflictCase, Acting> command, Step step, PartnerId? party, Coalition coalition, Actor by, Instant at,
        HashSet<PartnerId?> answered, string act, IDomainEvent answer, IDomainEvent whenAllHaveAnswered)
    {
        command.Authorize(this, by, at, new Acting(coalition, at, party, HasParty: true), Subject);
        Own(coalition);
        EnsureStep(step);
        EnsureParty(party);
        Once(answered.Contains(party), party, coalition, act);
        if (answered.Count + 1 == _parties.Count)
        {
            Raise(answer, whenAllHaveAnswered);
        }
        else
        {
            Raise(answer);
        }
    }

    private void EnsureParty(PartnerId? party)
    {
        // Only a member can be named here and be no party: the coalition, named where it is no party, has no one to answer
        // for it, so the command's authorization refuses first.
        if (!_parties.Contains(party))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Conflicts.NotAParty, "Partner {partner} is not a party to the case.", ("partner", party));
        }
    }

    private static void Once(bool done, PartnerId? party, Coalition coalition, string what)
    {
        if (done)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Conflicts.AlreadyAnswered, "{party} has {what} already.", ("party", NameOf(coalition, party)), ("what", what));
        }
    }

    private void Own(Coalition coalition)
    {
        Ensure.NotNull(coalition, nameof(coalition));
        if (coalition.Id != Coalition)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "The case belongs to another coalition than {coalition}.", ("coalition", coalition.Name));
        }
    }

    private void EnsureStep(Step step)
    {
        if (!Machine.CanFire(step, out var unmet))
        {
            var because = unmet?.Count > 0 ? " (it needs that " + Words.List(unmet) + ")" : string.Empty;
            throw CoalitionRuleException.Because(
                ErrorCodes.Conflicts.InvalidTransition,
                "The case's stage is {status}; it cannot {action} now{because}.",
                ("status", _status), ("action", Describe(step)), ("because", because));
        }
    }

    private static string Describe(Step step) => step switch
    {
        Step.Acknowledge => "take acknowledgements of its ground rules",
        Step.RecordSession => "record a session",
        Step.ProposeMediator => "take a mediator's name",
        Step.AnswerMediator => "take an answer to a mediator",
        Step.ProposeResolution => "take a proposed resolution",
        Step.AnswerResolution => "take an answer to a resolution",
        Step.Escalate => "be escalated",
        Step.Decide => "record a decision",
        Step.FollowUp => "record a follow-up",
        Step.Withdraw => "be withdrawn",
        _ => "change",
    };

    // Commands consult the machine and raise events; Apply moves the state. The machine is never fired.
    private StateMachine<CaseStatus, Step> BuildMachine()
    {
        var machine = new StateMachine<CaseStatus, Step>(() => _status, s => _status = s);
        machine.Configure(CaseStatus.Raised)
            .PermitReentry(Step.Acknowledge)
            .PermitIf(Step.BeginDialogue, CaseStatus.Dialogue, () => _acknowledged.Count == _parties.Count, GuardAllAcknowledged)
            .Permit(Step.Withdraw, CaseStatus.Withdrawn);
        machine.Configure(CaseStatus.Dialogue)
            .PermitReentry(Step.RecordSession)
            .PermitReentryIf(Step.ProposeMediator, () => _mediator is null, GuardNoMediator)
            .PermitReentryIf(Step.AnswerMediator, () => _mediator is not null, GuardMediatorProposed)
            .PermitIf(Step.BeginMediation, CaseStatus.Mediation, () => _mediator is not null && _acceptedMediator.Count == _parties.Count, GuardAllAccepted)
            .PermitReentryIf(Step.ProposeResolution, () => _proposed is null, GuardNoResolution)
            .PermitReentryIf(Step.AnswerResolution, () => _proposed is not null, GuardResolutionProposed)
            .PermitIf(Step.Resolve, CaseStatus.Resolved, () => _proposed is not null && _confirmed.Count == _parties.Count, GuardAllConfirmed)
            .PermitIf(Step.Escalate, CaseStatus.Escalated, () => _sessions.Count > 0, GuardDialogueTried)
            .Permit(Step.Withdraw, CaseStatus.Withdrawn);
        machine.Configure(CaseStatus.Mediation)
            .PermitReentry(Step.RecordSession)
            .PermitReentryIf(Step.ProposeResolution, () => _proposed is null, GuardNoResolution)
            .PermitReentryIf(Step.AnswerResolution, () => _proposed is not null, GuardResolutionProposed)
            .PermitIf(Step.Resolve, CaseStatus.Resolved, () => _proposed is not null && _confirmed.Count == _parties.Count, GuardAllConfirmed)
            .Permit(Step.Escalate, CaseStatus.Escalated)
            .Permit(Step.Withdraw, CaseStatus.Withdrawn);
        machine.Configure(CaseStatus.Escalated)
            .Permit(Step.Decide, CaseStatus.Decided)
            .Permit(Step.Withdraw, CaseStatus.Withdrawn);
        machine.Configure(CaseStatus.Resolved)
            .PermitReentry(Step.FollowUp);
        machine.Configure(CaseStatus.Decided)
            .PermitReentry(Step.FollowUp);
        machine.Configure(CaseStatus.Withdrawn);
        return machine;
    }

    /// <summary>What a command tells its authorization check: the coalition, when, the party named, the follow-up, the governance, the draft.</summary>
    private readonly record struct Acting(Coalition? Coalition, Instant At, PartnerId? Party = null, bool HasParty = false, GovernanceAggregate? Governance = null, CaseDraft? Draft = null, FollowUpKey? FollowUp = null);
}
