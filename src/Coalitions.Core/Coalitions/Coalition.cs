using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Partners;
using NodaTime;
using Stateless;
using Stateless.Graph;
using Trigger = Coalitions.Core.Memberships.Membership.MembershipTrigger;

namespace Coalitions.Core.Coalitions;

/// <summary>The stage of a coalition's life.</summary>
public enum CoalitionStatus
{
    /// <summary>Partners explore whether to work together.</summary>
    Exploring = 1,

    /// <summary>Founding members agree the charter and structure.</summary>
    Forming = 2,

    /// <summary>Working together under an adopted charter.</summary>
    Active = 3,

    /// <summary>Paused: the coalition exists but does little.</summary>
    Dormant = 4,

    /// <summary>Established with lasting institutions (a secretariat, a legal entity, a budget).</summary>
    Institutionalized = 5,

    /// <summary>Winding down by decision.</summary>
    Dissolving = 6,

    /// <summary>Ended.</summary>
    Dissolved = 7,
}

/// <summary>
/// A network or coalition of partner organizations: its name and form, its coordinators, its charter, its stage of
/// life, the rights each membership tier carries, and its roster of memberships.
/// </summary>
/// <remarks>
/// <para>Lifecycle: Exploring → Forming → Active ↔ Dormant; Active → Institutionalized; Active, Dormant or
/// Institutionalized → Dissolving → Dissolved; renewing the charter takes the coalition back to Forming.
/// It becomes active only with an adopted charter and its founding minimum of founding members.</para>
/// <para>Who may act (see <c>docs/authorization.md</c>): the coalition's coordinators (its secretariat or convenors;
/// the founder is the first) take its lifecycle steps, invite members and record renewals, suspensions and
/// expulsions; a member's own delegates accept, decline and withdraw for it; a partner's own representatives change
/// its delegates. While the coalition is being founded (exploring or forming, never yet active) coordinators invite
/// members and appoint one another directly; afterwards an invitation follows the rule book (an adopted decision to
/// admit, where the rule book names a rule for it) and a coordinator is appointed or removed by an adopted decision
/// to elect officers, though a coordinator may always step down.</para>
/// <para>Member lookups are O(1); rebuilding from events builds no state machine. Dates of membership terms are
/// calendar dates in the coalition's time zone.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class Coalition : AggregateRoot<CoalitionId>
{
    private const string GuardCharter = "its charter is adopted";
    private const string GuardFounders = "the founding minimum of founding members have joined";
    private const int MaxCoordinators = 50;

    private static readonly Permissions<Coalition, Acting> Who = new(
        nameof(Coalition),
        static (coalition, _, partner) => coalition._members.TryGetValue(partner, out var member) ? member.Name : null,
        static (coalition, acting, person) => acting.Founder is { } founder && founder.Person == person ? founder.Name : coalition._coordinators.Find(c => c.Person == person)?.Name);
    private static readonly Role<Coalition, Acting> Founder = Who.Role(
        "the person founding the coalition, its first coordinator",
        static (_, by, acting) => by.Kind == ActorKind.Person && acting.Founder is { } founder && by.Person == founder.Person);
    private static readonly Role<Coalition, Acting> ACoordinator = Who.Role(
        "a coordinator of the coalition",
        static (coalition, by, _) => by.Kind == ActorKind.Person && by.Person is { } person && coalition.IsCoordinator(person));
    private static readonly Role<Coalition, Acting> MemberDelegate = Who.Role(
        "a delegate of the member, acting for it",
        static (coalition, by, acting) => acting.Partner is { } partner && coalition.IsDelegate(partner, by));
    private static readonly Role<Coalition, Acting> MemberRepresentative = Who.Role(
        "a representative the member has named, acting for it",
        static (_, by, acting) => acting.Snapshot is { Representatives: { } representatives } snapshot && by.Kind == ActorKind.Person &&
            by.OnBehalfOf == snapshot.Id && by.Person is { } person && representatives.Contains(person));

    private static readonly Command<Coalition, Acting> FoundCommand = Who.Command(nameof(Found), ErrorCodes.Coalitions.NotACoordinator, Founder);
    private static readonly Command<Coalition, Acting> AppointCoordinatorCommand = Who.Command(nameof(AppointCoordinator), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<Coalition, Acting> RemoveCoordinatorCommand = Who.Command(nameof(RemoveCoordinator), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<Coalition, Acting> BeginFormingCommand = Who.Command(nameof(BeginForming), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<Coalition, Acting> AdoptFoundingCharterCommand = Who.Command(nameof(AdoptFoundingCharter), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<Coalition, Acting> AdoptCharterCommand = Who.Command(nameof(AdoptCharter), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<Coalition, Acting> ActivateCommand = Who.Command(nameof(Activate), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<Coalition, Acting> GoDormantCommand = Who.Command(nameof(GoDormant), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<Coalition, Acting> ReviveCommand = Who.Command(nameof(Revive), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<Coalition, Acting> InstitutionalizeCommand = Who.Command(nameof(Institutionalize), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<Coalition, Acting> BeginCharterRenewalCommand = Who.Command(nameof(BeginCharterRenewal), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<Coalition, Acting> BeginDissolutionCommand = Who.Command(nameof(BeginDissolution), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<Coalition, Acting> CompleteDissolutionCommand = Who.Command(nameof(CompleteDissolution), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<Coalition, Acting> InviteCommand = Who.Command(nameof(Invite), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<Coalition, Acting> AcceptMembershipCommand = Who.Command(nameof(AcceptMembership), ErrorCodes.Membership.NotADelegate, MemberDelegate);
    private static readonly Command<Coalition, Acting> DeclineInvitationCommand = Who.Command(nameof(DeclineInvitation), ErrorCodes.Membership.NotADelegate, MemberDelegate);
    private static readonly Command<Coalition, Acting> UpdateDelegatesCommand = Who.Command(nameof(UpdateDelegates), ErrorCodes.Membership.NotARepresentative, MemberRepresentative);
    private static readonly Command<Coalition, Acting> RenewCommand = Who.Command(nameof(Renew), ErrorCodes.Coalitions.NotACoordinator, ACoordinator, Permissions<Coalition, Acting>.System);
    private static readonly Command<Coalition, Acting> SuspendCommand = Who.Command(nameof(Suspend), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<Coalition, Acting> ReinstateCommand = Who.Command(nameof(Reinstate), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<Coalition, Acting> WithdrawCommand = Who.Command(nameof(Withdraw), ErrorCodes.Membership.NotADelegate, MemberDelegate);
    private static readonly Command<Coalition, Acting> ExpelCommand = Who.Command(nameof(Expel), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);

    private readonly Dictionary<PartnerId, Membership> _members = [];
    private readonly List<Coordinator> _coordinators = [];
    private StateMachine<CoalitionStatus, Stage>? _machine;
    private StateMachine<CoalitionStatus, Stage>.TriggerWithParameters<LocalDate>? _activate;
    private CoalitionStatus _status = CoalitionStatus.Exploring;
    private bool _hasBeenActive;
    private long _totalWeight;

    private Coalition()
    {
    }

    private enum Stage
    {
        BeginForming,
        Activate,
        GoDormant,
        Revive,
        Institutionalize,
        BeginDissolution,
        CompleteDissolution,
        RenewCharter,
    }

    /// <summary>Gets the name.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>Gets the form.</summary>
    public CoalitionForm Form { get; private set; }

    /// <summary>Gets the time zone in which its calendar dates (terms, deadlines) are kept.</summary>
    public DateTimeZone TimeZone { get; private set; } = DateTimeZone.Utc;

    /// <summary>Gets how many founding members must have joined before it can become active.</summary>
    public int FoundingMinimum { get; private set; }

    /// <summary>Gets the stage of life.</summary>
    public CoalitionStatus Status => _status;

    /// <summary>Gets whether the coalition is still being founded: exploring or forming, and never yet active.</summary>
    public bool IsFounding => _status is CoalitionStatus.Exploring or CoalitionStatus.Forming && !_hasBeenActive;

    /// <summary>Gets the coordinators (its secretariat or convenors), in the order they were appointed; the founder is the first.</summary>
    public IReadOnlyList<Coordinator> Coordinators => _coordinators.AsReadOnly();

    /// <summary>Gets the adopted charter, if any.</summary>
    public Charter? Charter { get; private set; }

    /// <summary>Gets the number of charters adopted so far (the current charter's version).</summary>
    public int CharterVersion { get; private set; }

    /// <summary>Gets the rights each tier carries.</summary>
    public RightsTable Rights { get; private set; } = RightsTable.Default;

    /// <summary>Gets the membership terms.</summary>
    public MembershipTerms Terms { get; private set; } = MembershipTerms.Default;

    /// <summary>Gets every membership, current or past.</summary>
    public IReadOnlyCollection<Membership> Members => _members.Values;

    private StateMachine<CoalitionStatus, Stage> Machine => _machine ??= BuildMachine();

    /// <summary>Founds a coalition, at the exploring stage; its founder becomes its first coordinator.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="name">Its name: one line of at most 200 characters.</param>
    /// <param name="form">Its form.</param>
    /// <param name="timeZone">The tz database id of the time zone its dates are kept in.</param>
    /// <param name="founder">The person founding it, with their name: its first coordinator.</param>
    /// <param name="by">The founder themselves (<c>Actor.ForPerson(founder.Person)</c>, or acting for their organization).</param>
    /// <param name="at">When it is founded: an instant in the years 1900 to 2999.</param>
    /// <param name="foundingMinimum">How many founding members it needs to become active (2 to 100; default 3).</param>
    /// <param name="rights">The rights table (default <see cref="RightsTable.Default"/>).</param>
    /// <param name="terms">The membership terms (default <see cref="MembershipTerms.Default"/>): calendar periods.</param>
    /// <returns>The coalition.</returns>
    /// <exception cref="CoalitionRuleException">
    /// <paramref name="by"/> is not the founder (<c>Coalitions.NotACoordinator</c>); an empty id; an invalid founder
    /// (<c>Coalitions.InvalidCoordinator</c>); a blank name, an unknown time zone, an undefined form or a founding minimum
    /// out of range (<c>Coalitions.InvalidCoalition</c>); or invalid rights or terms (<c>Kernel.InvalidInput</c>, <c>Kernel.InvalidPeriod</c>).
    /// </exception>
    public static Coalition Found(CoalitionId id, string name, CoalitionForm form, string timeZone, Coordinator founder, Actor by, Instant at, int foundingMinimum = 3, RightsTable? rights = null, MembershipTerms? terms = null)
    {
        var coalition = new Coalition();
        Ensure.Id(id, nameof(id));
        FoundCommand.Authorize(coalition, by, at, new Acting(Founder: founder), "a new coalition");
        CoordinatorValidator.Instance.EnsureValid(founder);
        if (FoundingProblem(name, form, timeZone, foundingMinimum) is { } problem)
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Coalitions.InvalidCoalition,
                "Cannot found the coalition: " + problem,
                ("name", name), ("timeZone", timeZone), ("minimum", foundingMinimum));
        }

        if (rights is not null)
        {
            RightsTableValidator.Instance.EnsureValid(rights);
        }

        if (terms is not null)
        {
            MembershipTermsValidator.Instance.EnsureValid(terms);
        }

        coalition.Raise(
            new CoalitionFounded(id, name.Trim(), form, timeZone, foundingMinimum, rights ?? RightsTable.Default, terms ?? MembershipTerms.Default, at, by),
            new CoordinatorAppointed(id, founder with { Name = founder.Name.Trim() }, null, at, by));
        return coalition;
    }

    /// <summary>Rebuilds a coalition from its events, checking that they form its history; builds no state machine.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The coalition.</returns>
    /// <exception cref="StoredEventException">The events are not the history of one coalition (<c>Kernel.CorruptHistory</c>).</exception>
    public static Coalition Rehydrate(IEnumerable<IDomainEvent> history)
    {
        return Rebuild(new Coalition(), history);
    }

    /// <summary>The coalition lifecycle as a Mermaid state diagram, generated from the state machine.</summary>
    /// <returns>The diagram text.</returns>
    public static string LifecycleDiagram() => MermaidGraph.Format(new Coalition().Machine.GetInfo());

    /// <summary>Whether a person is a coordinator of the coalition.</summary>
    /// <param name="person">The person.</param>
    /// <returns><see langword="true"/> for a current coordinator.</returns>
    public bool IsCoordinator(PersonId person)
    {
        foreach (var coordinator in _coordinators)
        {
            if (coordinator.Person == person)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Appoints a coordinator. While the coalition is being founded, coordinators appoint one another; once it has
    /// been active, an appointment cites an adopted decision of this coalition to elect officers.
    /// </summary>
    /// <param name="coordinator">The person and their name.</param>
    /// <param name="decision">The decision that elected them (required once the coalition has been active).</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When they are appointed; after the decision.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a coordinator (<c>Coalitions.NotACoordinator</c>), an invalid coordinator (<c>Coalitions.InvalidCoordinator</c>),
    /// already one (<c>Coalitions.AlreadyACoordinator</c>), 50 already (<c>Kernel.OutOfRange</c>), or no such decision (<c>Coalitions.DecisionRequired</c>).
    /// </exception>
    public void AppointCoordinator(Coordinator coordinator, DecisionReference? decision, Actor by, Instant at)
    {
        AppointCoordinatorCommand.Authorize(this, by, at, default, Name);
        CoordinatorValidator.Instance.EnsureValid(coordinator);
        if (IsCoordinator(coordinator.Person))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.AlreadyACoordinator, "{person} is already a coordinator of {coalition}.", ("person", coordinator.Name), ("coalition", Name));
        }

        if (_coordinators.Count >= MaxCoordinators)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "{coalition} has {max} coordinators, the most a coalition may have.", ("coalition", Name), ("max", MaxCoordinators));
        }

        EnsureDecision(decision, MatterType.ElectOfficers, at, required: !IsFounding);
        Raise(new CoordinatorAppointed(Id, coordinator with { Name = coordinator.Name.Trim() }, decision, at, by));
    }

    /// <summary>
    /// Removes a coordinator; the last one stays. A coordinator may step down at any time; removing another, once the
    /// coalition has been active, cites an adopted decision of this coalition to elect officers.
    /// </summary>
    /// <param name="person">The coordinator to remove.</param>
    /// <param name="decision">The decision (required to remove another coordinator once the coalition has been active).</param>
    /// <param name="by">A coordinator of the coalition (possibly the one stepping down).</param>
    /// <param name="at">When they stop being a coordinator; after the decision.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a coordinator (<c>Coalitions.NotACoordinator</c>), the person is not one (<c>Coalitions.UnknownCoordinator</c>),
    /// they are the last (<c>Coalitions.LastCoordinator</c>), or no such decision (<c>Coalitions.DecisionRequired</c>).
    /// </exception>
    public void RemoveCoordinator(PersonId person, DecisionReference? decision, Actor by, Instant at)
    {
        RemoveCoordinatorCommand.Authorize(this, by, at, default, Name);
        Ensure.Id(person, nameof(person));
        var leaving = _coordinators.Find(c => c.Person == person)
            ?? throw CoalitionRuleException.Because(ErrorCodes.Coalitions.UnknownCoordinator, "Person {person} is not a coordinator of {coalition}.", ("person", person), ("coalition", Name));
        if (_coordinators.Count == 1)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.LastCoordinator, "{person} is the last coordinator of {coalition}; appoint another before removing them.", ("person", leaving.Name), ("coalition", Name));
        }

        EnsureDecision(decision, MatterType.ElectOfficers, at, required: !IsFounding && by.Person != person);
        Raise(new CoordinatorRemoved(Id, person, decision, at, by));
    }

    /// <summary>Moves from exploring to forming: the partners have agreed to build the coalition.</summary>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When forming begins.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator (<c>Coalitions.NotACoordinator</c>), or not exploring (<c>Coalitions.InvalidTransition</c>).</exception>
    public void BeginForming(Actor by, Instant at)
    {
        BeginFormingCommand.Authorize(this, by, at, default, Name);
        ChangeStage(Stage.BeginForming, CoalitionStatus.Forming, null, null, by, at);
    }

    /// <summary>
    /// The founders adopt the coalition's first charter, without a decision: before the coalition has ever been active
    /// (while it explores or forms) there are no members to decide, so its coordinators adopt the charter themselves. They
    /// may adopt it again, reworded, until the coalition becomes active; after that the charter changes only by a decision
    /// (<see cref="AdoptCharter"/>).
    /// </summary>
    /// <param name="charter">The charter: its problem, vision, mission, principles, ground rules and SMART goals.</param>
    /// <param name="by">A coordinator of the coalition (at first, its founder).</param>
    /// <param name="at">When the charter is adopted, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a coordinator (<c>Coalitions.NotACoordinator</c>), a coalition that has been active (<c>Coalitions.InvalidTransition</c>:
    /// adopt an amendment with <see cref="AdoptCharter"/> and the decision), or an invalid charter or goal
    /// (<c>Coalitions.InvalidCharter</c>, <c>Coalitions.GoalNotMeasurable</c>, <c>Coalitions.GoalWithoutDeadline</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// coalition.AdoptFoundingCharter(
    ///     new Charter(problem, vision, mission, principles, groundRules,
    ///         [new Goal("Every child reads by age ten", "Ten-year-olds reading at grade level", "%", 58m, 80m, GoalDirection.Increase, new LocalDate(2030, 12, 31))]),
    ///     Actor.ForPerson(founder), now);
    /// </code>
    /// </example>
    public void AdoptFoundingCharter(Charter charter, Actor by, Instant at)
    {
        AdoptFoundingCharterCommand.Authorize(this, by, at, default, Name);
        if (!IsFounding)
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Coalitions.InvalidTransition,
                "{coalition} has been active: its founders no longer adopt its charter; the charter changes by a decision to amend it (AdoptCharter with the decision).",
                ("coalition", Name));
        }

        AdoptCharter(charter, null, by, at);
    }

    /// <summary>
    /// Adopts a charter or an amendment of it. While exploring or forming the coordinators adopt it directly (the
    /// founders' first charter: see <see cref="AdoptFoundingCharter"/>; a charter renewal the coalition has decided to
    /// begin); otherwise the charter changes only by an adopted decision of this coalition to amend it.
    /// </summary>
    /// <param name="charter">The charter: its problem, vision, mission, principles, ground rules and SMART goals.</param>
    /// <param name="decision">The adopted decision of this coalition to amend the charter, taken no later than <paramref name="at"/>; required unless exploring or forming, where it may be null.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When the charter is adopted: no earlier than the decision.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, an invalid charter or goal, a missing decision, or a dissolving coalition.</exception>
    /// <example>
    /// <code>coalition.AdoptCharter(amended, amendment.Reference, Actor.ForPerson(coordinator), now);</code>
    /// </example>
    public void AdoptCharter(Charter charter, DecisionReference? decision, Actor by, Instant at)
    {
        AdoptCharterCommand.Authorize(this, by, at, default, Name);
        if (_status is CoalitionStatus.Dissolving or CoalitionStatus.Dissolved)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.InvalidTransition, "{coalition} is {status}; its charter no longer changes.", ("coalition", Name), ("status", _status));
        }

        CharterValidator.Instance.EnsureValid(charter);
        EnsureDecision(decision, MatterType.AmendCharter, at, required: _status is not (CoalitionStatus.Exploring or CoalitionStatus.Forming));

        // Copies of the host's lists: a list the host changes later must not change the charter adopted.
        var adopted = charter with { Principles = [.. charter.Principles], GroundRules = [.. charter.GroundRules], Goals = [.. charter.Goals] };
        Raise(new CharterAdopted(Id, adopted, CharterVersion + 1, decision, at, by));
    }

    /// <summary>Becomes active: needs an adopted charter and the founding minimum of founding members.</summary>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it becomes active.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, not forming (<c>Coalitions.InvalidTransition</c>), or not ready (<c>Coalitions.NotReadyToActivate</c>).</exception>
    public void Activate(Actor by, Instant at)
    {
        ActivateCommand.Authorize(this, by, at, default, Name);
        _ = Machine;
        if (!Machine.CanFire(_activate!, DateOf(at), out var unmet))
        {
            var code = _status == CoalitionStatus.Forming ? ErrorCodes.Coalitions.NotReadyToActivate : ErrorCodes.Coalitions.InvalidTransition;
            var needs = unmet?.Count > 0 ? ": it needs that {unmet}" : string.Empty;
            throw CoalitionRuleException.Because(code, "{coalition} cannot become active while {status}" + needs + ".", ("coalition", Name), ("status", _status), ("unmet", Words.List(unmet ?? [])));
        }

        Raise(new CoalitionStageChanged(Id, CoalitionStatus.Active, null, null, at, by));
    }

    /// <summary>Pauses an active coalition.</summary>
    /// <param name="reason">Why, if said: at most 2,000 characters.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it pauses.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, an invalid reason, or not active.</exception>
    public void GoDormant(string? reason, Actor by, Instant at)
    {
        GoDormantCommand.Authorize(this, by, at, default, Name);
        ChangeStage(Stage.GoDormant, CoalitionStatus.Dormant, reason, null, by, at);
    }

    /// <summary>Revives a dormant coalition.</summary>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it revives.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, or not dormant.</exception>
    public void Revive(Actor by, Instant at)
    {
        ReviveCommand.Authorize(this, by, at, default, Name);
        ChangeStage(Stage.Revive, CoalitionStatus.Active, null, null, by, at);
    }

    /// <summary>Records that the coalition has established lasting institutions.</summary>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When the coalition records its lasting institutions.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, or not active.</exception>
    public void Institutionalize(Actor by, Instant at)
    {
        InstitutionalizeCommand.Authorize(this, by, at, default, Name);
        ChangeStage(Stage.Institutionalize, CoalitionStatus.Institutionalized, null, null, by, at);
    }

    /// <summary>Starts renewing the charter, which takes the coalition back to forming; needs an adopted decision to amend the charter.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When renewal begins; after the decision.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, no such decision, or not active, dormant or institutionalized.</exception>
    public void BeginCharterRenewal(DecisionReference decision, Actor by, Instant at)
    {
        BeginCharterRenewalCommand.Authorize(this, by, at, default, Name);
        EnsureDecision(decision, MatterType.AmendCharter, at);
        ChangeStage(Stage.RenewCharter, CoalitionStatus.Forming, "charter renewal", decision, by, at);
    }

    /// <summary>Starts dissolving the coalition; needs an adopted decision to dissolve.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When dissolution begins; after the decision.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, no such decision, or not active, dormant or institutionalized.</exception>
    public void BeginDissolution(DecisionReference decision, Actor by, Instant at)
    {
        BeginDissolutionCommand.Authorize(this, by, at, default, Name);
        EnsureDecision(decision, MatterType.Dissolve, at);
        ChangeStage(Stage.BeginDissolution, CoalitionStatus.Dissolving, null, decision, by, at);
    }

    /// <summary>Completes the dissolution.</summary>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it ends.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, or not dissolving.</exception>
    public void CompleteDissolution(Actor by, Instant at)
    {
        CompleteDissolutionCommand.Authorize(this, by, at, default, Name);
        ChangeStage(Stage.CompleteDissolution, CoalitionStatus.Dissolved, null, null, by, at);
    }

    /// <summary>
    /// Invites a partner to join at a tier, naming its delegates from the representatives the partner has named. While the
    /// coalition is being founded, coordinators invite directly; afterwards the invitation follows the coalition's rule
    /// book: where it names a rule for admitting members, the invitation cites an adopted decision to admit. O(1).
    /// </summary>
    /// <param name="offer">The offer: the partner, the tier, one to ten delegates and a weight of 0 to one trillion.</param>
    /// <param name="partner">The partner invited, as its record stands (<c>partner.Snapshot</c>): its name and representatives.</param>
    /// <param name="ruleBook">The coalition's rule book (its <c>CoalitionGovernance</c>); required once the coalition is past founding.</param>
    /// <param name="decision">The adopted decision to admit the partner, where the rule book requires one.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When the invitation is made; after the decision.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a coordinator (<c>Coalitions.NotACoordinator</c>); an invalid offer (<c>Membership.InvalidOffer</c>) or partner;
    /// a delegate the partner never named (<c>Membership.DelegateNotARepresentative</c>); a partner who already holds a
    /// membership or was expelled (<c>Membership.AlreadyAMember</c>); a dissolving or full coalition (<c>Membership.NotAdmitting</c>);
    /// no rule book past founding (<c>Coalitions.RuleBookRequired</c>), another coalition's (<c>Coalitions.OtherCoalition</c>);
    /// or no adopted decision to admit where the rule book names one (<c>Coalitions.DecisionRequired</c>).
    /// </exception>
    public void Invite(MembershipOffer offer, PartnerSnapshot partner, IRuleBook? ruleBook, DecisionReference? decision, Actor by, Instant at)
    {
        InviteCommand.Authorize(this, by, at, default, Name);
        MembershipOfferValidator.Instance.EnsureValid(offer);
        PartnerSnapshotValidator.Instance.EnsureValid(partner);
        var name = partner.Profile.Name.Trim();
        if (partner.Id != offer.Partner)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Membership.InvalidOffer, "The offer is made to partner {offered}, but the partner given is {partner}.", ("offered", offer.Partner), ("partner", name));
        }

        if (_status is CoalitionStatus.Dissolving or CoalitionStatus.Dissolved)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Membership.NotAdmitting, "{coalition} is {status} and takes no new members.", ("coalition", Name), ("status", _status));
        }

        EnsureRepresentatives(partner, offer.Delegates, name);
        var existing = _members.GetValueOrDefault(offer.Partner);
        if (existing is not null && existing.RecordedStatus != MembershipStatus.Withdrawn)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Membership.AlreadyAMember, "{partner} already has a membership of {coalition} ({status}).", ("partner", name), ("coalition", Name), ("status", existing.StatusOn(DateOf(at))));
        }

        if ((existing is null && _members.Count >= Limits.MaxVoters) || _totalWeight - (existing?.Weight ?? 0) + offer.Weight > Limits.MaxTotalWeight)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Membership.NotAdmitting, "{coalition} holds as many memberships, or as much voting weight, as a coalition may.", ("coalition", Name));
        }

        EnsureAdmission(ruleBook, decision, at);
        Raise(new MemberInvited(Id, offer.Partner, name, offer.Tier, offer.Delegates.ToArray(), offer.Weight, DateOf(at), at, by));
    }

    /// <summary>Accepts an invitation for the member: its first term starts on that date.</summary>
    /// <param name="partner">The member.</param>
    /// <param name="by">One of its delegates, acting for it.</param>
    /// <param name="at">When it accepts; its first term starts that day in the coalition's time zone.</param>
    /// <exception cref="CoalitionRuleException">Not a delegate (<c>Membership.NotADelegate</c>), not invited (<c>Membership.InvalidTransition</c>), or a dissolving coalition (<c>Membership.NotAdmitting</c>).</exception>
    public void AcceptMembership(PartnerId partner, Actor by, Instant at)
    {
        AcceptMembershipCommand.Authorize(this, by, at, new Acting(Partner: partner), MemberSubject(partner));
        var membership = Member(partner);
        if (_status is CoalitionStatus.Dissolving or CoalitionStatus.Dissolved)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Membership.NotAdmitting, "{coalition} is {status} and takes no new members.", ("coalition", Name), ("status", _status));
        }

        var on = DateOf(at);
        EnsureMembership(membership, Trigger.Accept, on);
        Raise(new MembershipAccepted(Id, partner, on, TermEnd(on), Terms.GracePeriod, at, by));
    }

    /// <summary>Declines an invitation for the member.</summary>
    /// <param name="partner">The member.</param>
    /// <param name="reason">Why, if said: at most 2,000 characters.</param>
    /// <param name="by">One of its delegates, acting for it.</param>
    /// <param name="at">When it declines.</param>
    /// <exception cref="CoalitionRuleException">Not a delegate, an invalid reason, or not invited.</exception>
    public void DeclineInvitation(PartnerId partner, string? reason, Actor by, Instant at)
    {
        DeclineInvitationCommand.Authorize(this, by, at, new Acting(Partner: partner), MemberSubject(partner));
        FreeText.Check(reason, nameof(reason), required: false);
        var membership = Member(partner);
        EnsureMembership(membership, Trigger.Decline, DateOf(at));
        Raise(new MemberWithdrew(Id, partner, FreeText.Kept(reason), at, by));
    }

    /// <summary>Names the people who represent a member in the coalition from now on, from the representatives the partner has named.</summary>
    /// <param name="partner">The member, as its record stands (<c>partner.Snapshot</c>).</param>
    /// <param name="delegates">One to ten distinct people, each a representative the partner has named.</param>
    /// <param name="by">A representative the partner has named, acting for it.</param>
    /// <param name="at">When the change takes effect.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not the partner's representative (<c>Membership.NotARepresentative</c>), invalid delegates (<c>Membership.InvalidOffer</c>),
    /// a delegate the partner never named (<c>Membership.DelegateNotARepresentative</c>), not a member (<c>Membership.NotAMember</c>),
    /// or a membership that has ended (<c>Membership.InvalidTransition</c>).
    /// </exception>
    public void UpdateDelegates(PartnerSnapshot partner, IReadOnlyList<PersonId> delegates, Actor by, Instant at)
    {
        UpdateDelegatesCommand.Authorize(this, by, at, new Acting(Snapshot: partner), MemberSubject(partner?.Id));
        PartnerSnapshotValidator.Instance.EnsureValid(partner);
        if (!MembershipRules.AreDelegates(delegates))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Membership.InvalidOffer, "A member names one to ten distinct delegates, none of them the empty id.");
        }

        var membership = Member(partner.Id);
        if (membership.RecordedStatus is MembershipStatus.Withdrawn or MembershipStatus.Expelled)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Membership.InvalidTransition, "The membership of {member} in {coalition} has ended ({status}); it names no delegates.", ("member", membership.Name), ("coalition", Name), ("status", membership.RecordedStatus));
        }

        EnsureRepresentatives(partner, delegates, membership.Name);
        Raise(new DelegatesChanged(Id, partner.Id, delegates.ToArray(), at, by));
    }

    /// <summary>Renews a membership for a new term: in its term or grace period, the new term follows the old; once lapsed, it starts that day.</summary>
    /// <param name="partner">The member.</param>
    /// <param name="by">A coordinator of the coalition, or the host system renewing on schedule.</param>
    /// <param name="at">When it is renewed.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, not a member, neither active nor lapsed, or a term ending after 2999 (<c>Kernel.OutOfRange</c>).</exception>
    public void Renew(PartnerId partner, Actor by, Instant at)
    {
        RenewCommand.Authorize(this, by, at, default, MemberSubject(partner));
        var membership = Member(partner);
        var on = DateOf(at);
        EnsureMembership(membership, Trigger.Renew, on);
        var lapsed = membership.StatusOn(on) == MembershipStatus.Lapsed;
        var start = lapsed ? on : Ensure.Plus(membership.TermEndsOn!.Value, Period.FromDays(1), "the new term's start");
        Raise(new MembershipRenewed(Id, partner, start, TermEnd(start), at, by));
    }

    /// <summary>Suspends a member by an adopted decision of this coalition to suspend it.</summary>
    /// <param name="partner">The member.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is suspended; after the decision.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, no such decision, not a member, or not active.</exception>
    public void Suspend(PartnerId partner, DecisionReference decision, Actor by, Instant at)
    {
        SuspendCommand.Authorize(this, by, at, default, MemberSubject(partner));
        var membership = Member(partner);
        EnsureDecision(decision, MatterType.SuspendMember, at);
        EnsureMembership(membership, Trigger.Suspend, DateOf(at));
        Raise(new MemberSuspended(Id, partner, decision, at, by));
    }

    /// <summary>Reinstates a suspended member.</summary>
    /// <param name="partner">The member.</param>
    /// <param name="decision">The decision to reinstate, if one was taken: an adopted decision of this coalition on suspending members.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is reinstated; after the decision.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, not a member, not suspended, or a decision that does not authorize it.</exception>
    public void Reinstate(PartnerId partner, DecisionReference? decision, Actor by, Instant at)
    {
        ReinstateCommand.Authorize(this, by, at, default, MemberSubject(partner));
        var membership = Member(partner);
        EnsureMembership(membership, Trigger.Reinstate, DateOf(at));
        EnsureDecision(decision, MatterType.SuspendMember, at, required: false);
        Raise(new MemberReinstated(Id, partner, decision, at, by));
    }

    /// <summary>Withdraws the member from the coalition.</summary>
    /// <param name="partner">The member.</param>
    /// <param name="reason">Why, if said: at most 2,000 characters.</param>
    /// <param name="by">One of its delegates, acting for it.</param>
    /// <param name="at">When it withdraws.</param>
    /// <exception cref="CoalitionRuleException">Not a delegate, an invalid reason, or already withdrawn or expelled.</exception>
    public void Withdraw(PartnerId partner, string? reason, Actor by, Instant at)
    {
        WithdrawCommand.Authorize(this, by, at, new Acting(Partner: partner), MemberSubject(partner));
        FreeText.Check(reason, nameof(reason), required: false);
        var membership = Member(partner);
        EnsureMembership(membership, Trigger.Withdraw, DateOf(at));
        Raise(new MemberWithdrew(Id, partner, FreeText.Kept(reason), at, by));
    }

    /// <summary>Expels a member by an adopted decision of this coalition to expel it.</summary>
    /// <param name="partner">The member.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is expelled; after the decision.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, no such decision, not a member, or not active or suspended.</exception>
    public void Expel(PartnerId partner, DecisionReference decision, Actor by, Instant at)
    {
        ExpelCommand.Authorize(this, by, at, default, MemberSubject(partner));
        var membership = Member(partner);
        EnsureDecision(decision, MatterType.ExpelMember, at);
        EnsureMembership(membership, Trigger.Expel, DateOf(at));
        Raise(new MemberExpelled(Id, partner, decision, at, by));
    }

    /// <summary>Finds a membership. O(1).</summary>
    /// <param name="partner">The partner.</param>
    /// <param name="membership">The membership, when found.</param>
    /// <returns><see langword="true"/> when the partner has (or had) a membership.</returns>
    public bool TryGetMembership(PartnerId partner, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Membership? membership) =>
        _members.TryGetValue(partner, out membership);

    /// <summary>
    /// Whether a member may exercise a right at an instant, with the reason if not: a suspended, lapsed, invited or
    /// departed member holds no rights, and a tier holds only the rights the rights table gives it. O(1).
    /// </summary>
    /// <param name="partner">The partner.</param>
    /// <param name="right">The right.</param>
    /// <param name="at">The instant asked about: its date in the coalition's time zone decides the member's standing; in the years 1900 to 2999.</param>
    /// <returns>The check.</returns>
    /// <exception cref="CoalitionRuleException">The instant is out of range (<c>Kernel.OutOfRange</c>).</exception>
    public RuleCheck CheckRight(PartnerId partner, MemberRights right, Instant at)
    {
        var on = DateOf(at);
        if (!_members.TryGetValue(partner, out var membership))
        {
            return RuleCheck.Refused(ErrorCodes.Membership.NotAMember, "Partner {partner} is not a member of {coalition}.", ("partner", partner), ("coalition", Name));
        }

        var status = membership.StatusOn(on);
        if (status != MembershipStatus.Active)
        {
            return RuleCheck.Refused(ErrorCodes.Membership.RightNotHeld, "{member} is {status}, so it cannot {right} in {coalition}.", ("member", membership.Name), ("status", status), ("right", right), ("coalition", Name));
        }

        return Rights.For(membership.Tier).HasFlag(right)
            ? RuleCheck.Allowed
            : RuleCheck.Refused(ErrorCodes.Membership.RightNotHeld, "{member} is a member of the {tier} tier of {coalition}, which does not hold the right to {right}.", ("member", membership.Name), ("tier", membership.Tier), ("coalition", Name), ("right", right));
    }

    /// <summary>
    /// The electorate for a matter at an instant: every member active then (in its term or grace period) whose tier
    /// may vote, with its weight and delegates; for charter amendments, the tiers with a charter veto hold a veto.
    /// </summary>
    /// <param name="matter">The matter to be decided.</param>
    /// <param name="at">When voting opens.</param>
    /// <param name="names">Display names for explanations, if the host has them; otherwise each member's name.</param>
    /// <returns>The electorate, in the order members were invited.</returns>
    /// <exception cref="CoalitionRuleException">The instant is out of range (<c>Kernel.OutOfRange</c>).</exception>
    public Electorate ElectorateFor(MatterType matter, Instant at, Func<PartnerId, string?>? names = null) =>
        new(VotersFor(matter, at, names).ToArray());

    /// <summary>
    /// The electorate of a poll: every member active at the instant (in its term or grace period) whose tier may vote, with
    /// its weight and delegates, who cast its ballot. A poll holds no vetoes.
    /// </summary>
    /// <param name="at">When the poll opens: the members active then vote.</param>
    /// <param name="names">Display names for results, if the host has them; otherwise each member's name.</param>
    /// <returns>The electorate, in the order members were invited.</returns>
    /// <exception cref="CoalitionRuleException">The instant is out of range (<c>Kernel.OutOfRange</c>).</exception>
    /// <example>
    /// <code>poll.Open(coalition.PollElectorate(now), now + Duration.FromDays(7), Actor.ForPerson(chair), now);</code>
    /// </example>
    public Electorate PollElectorate(Instant at, Func<PartnerId, string?>? names = null) =>
        new(VotersFor(null, at, names).ToArray());

    // The voters themselves, for callers (governance) that narrow them before building an electorate; no matter, no veto.
    internal IEnumerable<Voter> VotersFor(MatterType? matter, Instant at, Func<PartnerId, string?>? names)
    {
        var on = DateOf(at);
        return Voters();

        IEnumerable<Voter> Voters()
        {
            foreach (var member in _members.Values)
            {
                if (member.Holds(MemberRights.Vote, Rights, on))
                {
                    var veto = matter == MatterType.AmendCharter && member.Holds(MemberRights.VetoCharterAmendments, Rights, on);
                    yield return new Voter(member.Partner, member.Delegates, member.Weight, hasVeto: veto, name: names?.Invoke(member.Partner) ?? member.Name);
                }
            }
        }
    }

    // Whether a person acts for a member as one of its delegates.
    internal bool IsDelegate(PartnerId partner, Actor by) =>
        by.Kind == ActorKind.Person && by.OnBehalfOf == partner && by.Person is { } person &&
        _members.TryGetValue(partner, out var membership) && membership.Delegates.Contains(person);

    // A member's name for messages, or its id when the coalition does not know it.
    internal string NameOf(PartnerId partner) => _members.TryGetValue(partner, out var membership) ? membership.Name : $"partner {partner}";

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is CoalitionFounded;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => domainEvent switch
    {
        CoalitionFounded e => FoundingProblem(e.Name, e.Form, e.TimeZone, e.FoundingMinimum),
        CoordinatorAppointed e when !CoordinatorValidator.Instance.Validate(e.Coordinator).IsValid => "the coordinator is ill-formed.",
        CoordinatorAppointed e when IsCoordinator(e.Coordinator.Person) => "the person is already a coordinator.",
        CoordinatorAppointed when _coordinators.Count >= MaxCoordinators => "the coalition has as many coordinators as it may.",
        CoordinatorRemoved e when !IsCoordinator(e.Person) => "the person is not a coordinator.",
        CoordinatorRemoved when _coordinators.Count == 1 => "the last coordinator cannot be removed.",
        not CoordinatorAppointed when _coordinators.Count == 0 => "the founder must be appointed the first coordinator before anything else happens.",
        CoalitionStageChanged e when !MayMove(_status, e.Stage) => $"a coalition that is {Words.Of(_status)} cannot become {Words.Of(e.Stage)}.",
        CoalitionStageChanged e when e.Stage == CoalitionStatus.Active && _status == CoalitionStatus.Forming && Charter is null => "a coalition becomes active only with an adopted charter.",
        CharterAdopted when _status is CoalitionStatus.Dissolving or CoalitionStatus.Dissolved => "a dissolving coalition adopts no charter.",
        CharterAdopted e when !CharterValidator.Instance.Validate(e.Charter).IsValid => "the charter is ill-formed.",
        CharterAdopted e when e.Version != CharterVersion + 1 => $"the charter's version is {Words.Format(e.Version)}, not {Words.Format(CharterVersion + 1)}.",
        MemberInvited e => InvitationProblem(e),
        DelegatesChanged e when !MembershipRules.AreDelegates(e.Delegates) => "the member names no delegates, too many, or one twice.",
        MembershipAccepted e => MembershipProblem(e.Partner, MembershipStatus.Invited) ?? TermProblem(e.On, e.TermEndsOn) ??
            (Ensure.DatePeriodProblem(e.GracePeriod, allowZero: true) is null ? null : "the grace period is not a calendar period of at most 100 years."),
        MembershipRenewed e => MembershipProblem(e.Partner, MembershipStatus.Active) ?? TermProblem(e.From, e.TermEndsOn),
        MemberSuspended e => MembershipProblem(e.Partner, MembershipStatus.Active),
        MemberReinstated e => MembershipProblem(e.Partner, MembershipStatus.Suspended),
        MemberWithdrew e => MembershipProblem(e.Partner, MembershipStatus.Invited, MembershipStatus.Active, MembershipStatus.Suspended),
        MemberExpelled e => MembershipProblem(e.Partner, MembershipStatus.Active, MembershipStatus.Suspended),
        DelegatesChanged e => MembershipProblem(e.Partner, MembershipStatus.Invited, MembershipStatus.Active, MembershipStatus.Suspended),
        _ => null,
    };

    /// <inheritdoc />
    protected override void Apply(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case CoalitionFounded e:
                Id = e.Coalition;
                Name = e.Name;
                Form = e.Form;
                TimeZone = DateTimeZoneProviders.Tzdb[e.TimeZone];
                FoundingMinimum = e.FoundingMinimum;
                Rights = e.Rights;
                Terms = e.Terms;
                _status = CoalitionStatus.Exploring;
                break;
            case CoordinatorAppointed e:
                _coordinators.Add(e.Coordinator);
                break;
            case CoordinatorRemoved e:
                _coordinators.RemoveAll(c => c.Person == e.Person);
                break;
            case CoalitionStageChanged e:
                _status = e.Stage;
                _hasBeenActive |= e.Stage == CoalitionStatus.Active;
                break;
            case CharterAdopted e:
                Charter = e.Charter;
                CharterVersion = e.Version;
                break;
            case MemberInvited e:
                _totalWeight += e.Weight - (_members.TryGetValue(e.Partner, out var previous) ? previous.Weight : 0);
                _members[e.Partner] = new Membership(e.Partner, e.Name, e.Tier, e.Delegates, e.Weight, e.On);
                break;
            case DelegatesChanged e:
                _members[e.Partner].Delegates = e.Delegates;
                break;
            case MembershipAccepted e:
                var accepted = _members[e.Partner];
                accepted.RecordedStatus = MembershipStatus.Active;
                accepted.JoinedOn = e.On;
                accepted.TermEndsOn = e.TermEndsOn;
                accepted.GracePeriod = e.GracePeriod;
                break;
            case MembershipRenewed e:
                _members[e.Partner].TermEndsOn = e.TermEndsOn;
                break;
            case MemberSuspended e:
                _members[e.Partner].RecordedStatus = MembershipStatus.Suspended;
                _members[e.Partner].Decision = e.Decision;
                break;
            case MemberReinstated e:
                _members[e.Partner].RecordedStatus = MembershipStatus.Active;
                _members[e.Partner].Decision = e.Decision;
                break;
            case MemberWithdrew e:
                _members[e.Partner].RecordedStatus = MembershipStatus.Withdrawn;
                break;
            case MemberExpelled e:
                _members[e.Partner].RecordedStatus = MembershipStatus.Expelled;
                _members[e.Partner].Decision = e.Decision;
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }

    // What is wrong with the founding facts, as the end of a sentence; null when they are sound.
    private static string? FoundingProblem(string? name, CoalitionForm form, string? timeZone, int foundingMinimum)
    {
        if (FreeText.Problem(name, required: true, Limits.NameLength) is not null || !FreeText.IsSingleLine(name!))
        {
            return "it needs a name of one line and at most 200 characters.";
        }

        if (!Ensure.IsDefined(form))
        {
            return "its form has an undefined value.";
        }

        if (timeZone is null || timeZone.Length > Limits.KeyLength || DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) is null)
        {
            return "its time zone must be an id of the tz database, such as Africa/Nairobi.";
        }

        return foundingMinimum is < 2 or > 100 ? "its founding minimum must be from 2 to 100." : null;
    }

    // The lifecycle's moves, for checking a stored history without building the machine.
    private static bool MayMove(CoalitionStatus from, CoalitionStatus to) => (from, to) switch
    {
        (CoalitionStatus.Exploring, CoalitionStatus.Forming) => true,
        (CoalitionStatus.Forming, CoalitionStatus.Active) => true,
        (CoalitionStatus.Active, CoalitionStatus.Dormant or CoalitionStatus.Institutionalized or CoalitionStatus.Forming or CoalitionStatus.Dissolving) => true,
        (CoalitionStatus.Dormant, CoalitionStatus.Active or CoalitionStatus.Forming or CoalitionStatus.Dissolving) => true,
        (CoalitionStatus.Institutionalized, CoalitionStatus.Forming or CoalitionStatus.Dissolving) => true,
        (CoalitionStatus.Dissolving, CoalitionStatus.Dissolved) => true,
        _ => false,
    };

    private static string? TermProblem(LocalDate from, LocalDate to) =>
        !Limits.IsDate(from) || !Limits.IsDate(to) || to < from
            ? "the term must run forward, within the years 1900 to 2999."
            : null;

    private string? InvitationProblem(MemberInvited e)
    {
        if (_status is CoalitionStatus.Dissolving or CoalitionStatus.Dissolved)
        {
            return "a dissolving coalition takes no new members.";
        }

        if (_members.TryGetValue(e.Partner, out var existing) && existing.RecordedStatus != MembershipStatus.Withdrawn)
        {
            return "the partner already holds a membership.";
        }

        if (!MembershipRules.AreDelegates(e.Delegates) || e.Weight > Limits.MaxWeight || !Ensure.IsDefined(e.Tier))
        {
            return "the invitation names no delegates, too many, one twice, an undefined tier or too great a weight.";
        }

        if (FreeText.Problem(e.Name, required: true, Limits.NameLength) is not null || !FreeText.IsSingleLine(e.Name))
        {
            return "the member's name must be one line of at most 200 characters.";
        }

        return _totalWeight - (existing?.Weight ?? 0) + e.Weight > Limits.MaxTotalWeight || (existing is null && _members.Count >= Limits.MaxVoters)
            ? "the coalition would hold more memberships or weight than a coalition may."
            : Limits.IsDate(e.On) ? null : "the invitation's date lies outside the years 1900 to 2999.";
    }

    private string? MembershipProblem(PartnerId partner, params ReadOnlySpan<MembershipStatus> allowed)
    {
        if (!_members.TryGetValue(partner, out var membership))
        {
            return "the partner has no membership.";
        }

        foreach (var status in allowed)
        {
            if (membership.RecordedStatus == status)
            {
                return null;
            }
        }

        return $"the membership is {Words.Of(membership.RecordedStatus)}.";
    }

    // The calendar date of an instant in the coalition's time zone; an instant at the edge of the accepted years can
    // fall on a date outside them there (31 December 2999, 23:00 UTC is 1 January 3000 in Nairobi), which is refused.
    internal LocalDate DateOf(Instant at) => Ensure.Date(Ensure.At(at).InZone(TimeZone).Date, "date in the coalition's time zone");

    private LocalDate TermEnd(LocalDate start) => Ensure.Plus(Ensure.Plus(start, Terms.TermLength, "the term's end"), Period.FromDays(-1), "the term's end");

    private int FoundingMembersOn(LocalDate on) =>
        _members.Values.Count(m => m.Tier == MembershipTier.Founding && m.StatusOn(on) == MembershipStatus.Active);

    private string MemberSubject(PartnerId? partner) => partner is { } id ? $"{NameOf(id)} in {Name}" : Name;

    private Membership Member(PartnerId partner)
    {
        Ensure.Id(partner, nameof(partner));
        return _members.TryGetValue(partner, out var membership)
            ? membership
            : throw CoalitionRuleException.Because(ErrorCodes.Membership.NotAMember, "Partner {partner} has no membership of {coalition}.", ("partner", partner), ("coalition", Name));
    }

    private static void EnsureRepresentatives(PartnerSnapshot partner, IReadOnlyList<PersonId> delegates, string name)
    {
        foreach (var person in delegates)
        {
            if (!partner.Representatives.Contains(person))
            {
                throw CoalitionRuleException.Because(ErrorCodes.Membership.DelegateNotARepresentative, "Person {person} is not a representative {partner} has named, so cannot be its delegate.", ("person", person), ("partner", name));
            }
        }
    }

    private void EnsureMembership(Membership membership, Trigger trigger, LocalDate on)
    {
        if (!membership.CanFire(trigger, on, out _))
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Membership.InvalidTransition,
                "The membership of {member} in {coalition} is {status} on {date}; it cannot {step}.",
                ("member", membership.Name), ("coalition", Name), ("status", membership.StatusOn(on)), ("date", on), ("step", Words.Identifier(trigger.ToString())));
        }
    }

    // Past founding, an invitation consults the rule book: a rule for admitting members means a decision to admit.
    private void EnsureAdmission(IRuleBook? ruleBook, DecisionReference? decision, Instant at)
    {
        if (ruleBook is not null && ruleBook.Coalition != Id)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "The rule book given is that of another coalition, not of {coalition}.", ("coalition", Name));
        }

        if (!IsFounding && ruleBook is null)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.RuleBookRequired, "{coalition} is past founding: inviting a member consults its rule book, and none was given.", ("coalition", Name));
        }

        EnsureDecision(decision, MatterType.AdmitMember, at, required: !IsFounding && ruleBook!.NamesRuleFor(MatterType.AdmitMember));
    }

    // A cited decision must be an adoption by this coalition, on the matter, taken before the change; when not
    // required, a decision may be left out, but one that is cited is checked all the same.
    internal void EnsureDecision(DecisionReference? decision, MatterType matter, Instant at, bool required = true) =>
        DecisionReference.Check(decision, required, Id, Name, at, matter);

    private void ChangeStage(Stage stage, CoalitionStatus to, string? reason, DecisionReference? decision, Actor by, Instant at)
    {
        FreeText.Check(reason, nameof(reason), required: false);
        if (!Machine.CanFire(stage))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.InvalidTransition, "{coalition} is {status}; it cannot become {to} from there.", ("coalition", Name), ("status", _status), ("to", to));
        }

        Raise(new CoalitionStageChanged(Id, to, FreeText.Kept(reason), decision, at, by));
    }

    // Commands consult the machine and raise events; Apply moves the stage. The machine is never fired.
    private StateMachine<CoalitionStatus, Stage> BuildMachine()
    {
        var machine = new StateMachine<CoalitionStatus, Stage>(() => _status, s => _status = s);
        _activate = machine.SetTriggerParameters<LocalDate>(Stage.Activate);
        machine.Configure(CoalitionStatus.Exploring)
            .Permit(Stage.BeginForming, CoalitionStatus.Forming);
        machine.Configure(CoalitionStatus.Forming)
            .PermitIf(
                _activate,
                CoalitionStatus.Active,
                new Tuple<Func<LocalDate, bool>, string>(_ => Charter is not null, GuardCharter),
                new Tuple<Func<LocalDate, bool>, string>(on => FoundingMembersOn(on) >= FoundingMinimum, GuardFounders));
        machine.Configure(CoalitionStatus.Active)
            .Permit(Stage.GoDormant, CoalitionStatus.Dormant)
            .Permit(Stage.Institutionalize, CoalitionStatus.Institutionalized)
            .Permit(Stage.RenewCharter, CoalitionStatus.Forming)
            .Permit(Stage.BeginDissolution, CoalitionStatus.Dissolving);
        machine.Configure(CoalitionStatus.Dormant)
            .Permit(Stage.Revive, CoalitionStatus.Active)
            .Permit(Stage.RenewCharter, CoalitionStatus.Forming)
            .Permit(Stage.BeginDissolution, CoalitionStatus.Dissolving);
        machine.Configure(CoalitionStatus.Institutionalized)
            .Permit(Stage.RenewCharter, CoalitionStatus.Forming)
            .Permit(Stage.BeginDissolution, CoalitionStatus.Dissolving);
        machine.Configure(CoalitionStatus.Dissolving)
            .Permit(Stage.CompleteDissolution, CoalitionStatus.Dissolved);
        machine.Configure(CoalitionStatus.Dissolved);
        return machine;
    }

    // What a command tells the authorization check besides the actor: the member concerned, the partner's record
    // as the host passed it, or the founder of a coalition being founded.
    private readonly record struct Acting(PartnerId? Partner = null, PartnerSnapshot? Snapshot = null, Coordinator? Founder = null);
}
