using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Membership;
using NodaTime;
using Stateless;
using Stateless.Graph;
using Trigger = Coalitions.Core.Membership.Membership.MembershipTrigger;

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
/// A network or coalition of partner organizations: its name and form, its charter, its stage of life, the
/// rights each membership tier carries, and its roster of memberships.
/// </summary>
/// <remarks>
/// <para>Lifecycle: Exploring → Forming → Active ↔ Dormant; Active → Institutionalized; Active, Dormant or
/// Institutionalized → Dissolving → Dissolved; renewing the charter takes the coalition back to Forming.
/// It becomes active only with an adopted charter and its founding minimum of founding members.</para>
/// <para>Member lookups are O(1); rebuilding from events builds no state machine. Dates of membership terms are
/// calendar dates in the coalition's time zone.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class Coalition : AggregateRoot<CoalitionId>
{
    private const string GuardCharter = "its charter is adopted";
    private const string GuardFounders = "the founding minimum of founding members have joined";

    private readonly Dictionary<PartnerId, Membership.Membership> _members = [];
    private StateMachine<CoalitionStatus, Stage>? _machine;
    private StateMachine<CoalitionStatus, Stage>.TriggerWithParameters<LocalDate>? _activate;
    private CoalitionStatus _status = CoalitionStatus.Exploring;

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

    /// <summary>Gets the adopted charter, if any.</summary>
    public Charter? Charter { get; private set; }

    /// <summary>Gets the number of charters adopted so far (the current charter's version).</summary>
    public int CharterVersion { get; private set; }

    /// <summary>Gets the rights each tier carries.</summary>
    public RightsTable Rights { get; private set; } = RightsTable.Default;

    /// <summary>Gets the membership terms.</summary>
    public MembershipTerms Terms { get; private set; } = MembershipTerms.Default;

    /// <summary>Gets every membership, current or past.</summary>
    public IReadOnlyCollection<Membership.Membership> Members => _members.Values;

    private StateMachine<CoalitionStatus, Stage> Machine => _machine ??= BuildMachine();

    /// <summary>Founds a coalition, at the exploring stage.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="name">Its name.</param>
    /// <param name="form">Its form.</param>
    /// <param name="timeZone">The tz database id of the time zone its dates are kept in.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <param name="foundingMinimum">How many founding members it needs to become active (2 to 100; default 3).</param>
    /// <param name="rights">The rights table (default <see cref="RightsTable.Default"/>).</param>
    /// <param name="terms">The membership terms (default <see cref="MembershipTerms.Default"/>).</param>
    /// <returns>The coalition.</returns>
    /// <exception cref="CoalitionRuleException">A blank name, an unknown time zone or a founding minimum out of range (<c>Coalitions.InvalidCoalition</c>).</exception>
    public static Coalition Found(CoalitionId id, string name, CoalitionForm form, string timeZone, Actor by, Instant at, int foundingMinimum = 3, RightsTable? rights = null, MembershipTerms? terms = null)
    {
        Preconditions.CheckNotNull(by, nameof(by));
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200 || !Enum.IsDefined(form) ||
            timeZone is null || DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) is null || foundingMinimum is < 2 or > 100)
        {
            throw new CoalitionRuleException(ErrorCodes.Coalitions.InvalidCoalition, $"Cannot found '{name}': it needs a name, a tz database time zone (got '{timeZone}') and a founding minimum of 2 to 100 (got {foundingMinimum}).");
        }

        var coalition = new Coalition();
        coalition.Raise(new CoalitionFounded(id, name.Trim(), form, timeZone, foundingMinimum, rights ?? RightsTable.Default, terms ?? MembershipTerms.Default, at, by));
        return coalition;
    }

    /// <summary>Rebuilds a coalition from its events, without checks and without building any state machine.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The coalition.</returns>
    public static Coalition Rehydrate(IEnumerable<IDomainEvent> history)
    {
        return Rebuild(new Coalition(), history);
    }

    /// <summary>The coalition lifecycle as a Mermaid state diagram, generated from the state machine.</summary>
    /// <returns>The diagram text.</returns>
    public static string LifecycleDiagram() => MermaidGraph.Format(new Coalition().Machine.GetInfo());

    /// <summary>Moves from exploring to forming: the partners have agreed to build the coalition.</summary>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not exploring.</exception>
    public void BeginForming(Actor by, Instant at) => ChangeStage(Stage.BeginForming, CoalitionStatus.Forming, null, null, by, at);

    /// <summary>
    /// Adopts a charter. While exploring or forming the founders adopt it directly; once active, the charter
    /// changes only by an adopted decision of this coalition to amend it.
    /// </summary>
    /// <param name="charter">The charter.</param>
    /// <param name="decision">The decision that adopted it (required once the coalition has been active).</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">An invalid charter or goal, a missing decision, or a dissolving coalition.</exception>
    public void AdoptCharter(Charter charter, DecisionReference? decision, Actor by, Instant at)
    {
        Preconditions.CheckNotNull(charter, nameof(charter));
        Preconditions.CheckNotNull(by, nameof(by));
        if (_status is CoalitionStatus.Dissolving or CoalitionStatus.Dissolved)
        {
            throw new CoalitionRuleException(ErrorCodes.Coalitions.InvalidTransition, $"{Name} is {_status}; its charter no longer changes.");
        }

        CharterValidator.Instance.EnsureValid(charter);
        if (_status is not (CoalitionStatus.Exploring or CoalitionStatus.Forming))
        {
            EnsureDecision(decision, MatterType.AmendCharter);
        }

        Raise(new CharterAdopted(Id, charter, CharterVersion + 1, decision, at, by));
    }

    /// <summary>Becomes active: needs an adopted charter and the founding minimum of founding members.</summary>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not forming (<c>Coalitions.InvalidTransition</c>), or not ready (<c>Coalitions.NotReadyToActivate</c>).</exception>
    public void Activate(Actor by, Instant at)
    {
        Preconditions.CheckNotNull(by, nameof(by));
        _ = Machine;
        if (!Machine.CanFire(_activate!, DateOf(at), out var unmet))
        {
            var code = _status == CoalitionStatus.Forming ? ErrorCodes.Coalitions.NotReadyToActivate : ErrorCodes.Coalitions.InvalidTransition;
            var because = unmet?.Count > 0 ? $": it needs that {string.Join(" and ", unmet)}" : string.Empty;
            throw new CoalitionRuleException(code, $"{Name} cannot become active while {_status}{because}.");
        }

        Raise(new CoalitionStageChanged(Id, CoalitionStatus.Active, null, null, at, by));
    }

    /// <summary>Pauses an active coalition.</summary>
    /// <param name="reason">Why, if said.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not active.</exception>
    public void GoDormant(string? reason, Actor by, Instant at) => ChangeStage(Stage.GoDormant, CoalitionStatus.Dormant, reason, null, by, at);

    /// <summary>Revives a dormant coalition.</summary>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not dormant.</exception>
    public void Revive(Actor by, Instant at) => ChangeStage(Stage.Revive, CoalitionStatus.Active, null, null, by, at);

    /// <summary>Records that the coalition has established lasting institutions.</summary>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not active.</exception>
    public void Institutionalize(Actor by, Instant at) => ChangeStage(Stage.Institutionalize, CoalitionStatus.Institutionalized, null, null, by, at);

    /// <summary>Starts renewing the charter, which takes the coalition back to forming; needs an adopted decision to amend the charter.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">No such decision, or not active, dormant or institutionalized.</exception>
    public void BeginCharterRenewal(DecisionReference decision, Actor by, Instant at)
    {
        EnsureDecision(decision, MatterType.AmendCharter);
        ChangeStage(Stage.RenewCharter, CoalitionStatus.Forming, "charter renewal", decision, by, at);
    }

    /// <summary>Starts dissolving the coalition; needs an adopted decision to dissolve.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">No such decision, or not active, dormant or institutionalized.</exception>
    public void BeginDissolution(DecisionReference decision, Actor by, Instant at)
    {
        EnsureDecision(decision, MatterType.Dissolve);
        ChangeStage(Stage.BeginDissolution, CoalitionStatus.Dissolving, null, decision, by, at);
    }

    /// <summary>Completes the dissolution.</summary>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not dissolving.</exception>
    public void CompleteDissolution(Actor by, Instant at) => ChangeStage(Stage.CompleteDissolution, CoalitionStatus.Dissolved, null, null, by, at);

    /// <summary>Invites a partner to join at a tier, naming its delegates. O(1).</summary>
    /// <param name="offer">The offer.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">An invalid offer, a partner who already holds a membership (or was expelled), or a dissolving coalition.</exception>
    public void Invite(MembershipOffer offer, Actor by, Instant at)
    {
        Preconditions.CheckNotNull(offer, nameof(offer));
        Preconditions.CheckNotNull(by, nameof(by));
        if (_status is CoalitionStatus.Dissolving or CoalitionStatus.Dissolved)
        {
            throw new CoalitionRuleException(ErrorCodes.Membership.NotAdmitting, $"{Name} is {_status} and takes no new members.");
        }

        if (!Enum.IsDefined(offer.Tier) || offer.Weight < 0 || offer.Delegates is null || offer.Delegates.Count is < 1 or > 10 ||
            offer.Delegates.Distinct().Count() != offer.Delegates.Count || offer.Delegates.Contains(default))
        {
            throw new CoalitionRuleException(ErrorCodes.Membership.InvalidOffer, $"The offer to {offer.Partner} needs a tier, one to ten distinct delegates and a weight of zero or more.");
        }

        if (_members.TryGetValue(offer.Partner, out var existing) && existing.RecordedStatus != MembershipStatus.Withdrawn)
        {
            throw new CoalitionRuleException(ErrorCodes.Membership.AlreadyAMember, $"{offer.Partner} already has a membership of {Name} ({existing.StatusOn(DateOf(at))}).");
        }

        Raise(new MemberInvited(Id, offer.Partner, offer.Tier, offer.Delegates.ToArray(), offer.Weight, DateOf(at), at, by));
    }

    /// <summary>Accepts an invitation for the member: its first term starts on that date.</summary>
    /// <param name="partner">The member.</param>
    /// <param name="by">One of its delegates.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not invited, or not a delegate.</exception>
    public void AcceptMembership(PartnerId partner, Actor by, Instant at)
    {
        var membership = Delegated(partner, by);
        var on = DateOf(at);
        EnsureMembership(membership, Trigger.Accept, on);
        Raise(new MembershipAccepted(Id, partner, on, TermEnd(on), Terms.GracePeriod, at, by));
    }

    /// <summary>Declines an invitation for the member.</summary>
    /// <param name="partner">The member.</param>
    /// <param name="reason">Why, if said.</param>
    /// <param name="by">One of its delegates.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not invited, or not a delegate.</exception>
    public void DeclineInvitation(PartnerId partner, string? reason, Actor by, Instant at)
    {
        var membership = Delegated(partner, by);
        EnsureMembership(membership, Trigger.Decline, DateOf(at));
        Raise(new MemberWithdrew(Id, partner, reason, at, by));
    }

    /// <summary>Renews a membership for a new term: in its term or grace period, the new term follows the old; once lapsed, it starts that day.</summary>
    /// <param name="partner">The member.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not a member, or neither active nor lapsed.</exception>
    public void Renew(PartnerId partner, Actor by, Instant at)
    {
        var membership = Member(partner);
        var on = DateOf(at);
        EnsureMembership(membership, Trigger.Renew, on);
        var lapsed = membership.StatusOn(on) == MembershipStatus.Lapsed;
        var start = lapsed ? on : membership.TermEndsOn!.Value.PlusDays(1);
        Raise(new MembershipRenewed(Id, partner, start, TermEnd(start), at, Preconditions.CheckNotNull(by, nameof(by))));
    }

    /// <summary>Suspends a member by an adopted decision of this coalition to suspend it.</summary>
    /// <param name="partner">The member.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">No such decision, not a member, or not active.</exception>
    public void Suspend(PartnerId partner, DecisionReference decision, Actor by, Instant at)
    {
        var membership = Member(partner);
        EnsureDecision(decision, MatterType.SuspendMember);
        EnsureMembership(membership, Trigger.Suspend, DateOf(at));
        Raise(new MemberSuspended(Id, partner, decision, at, Preconditions.CheckNotNull(by, nameof(by))));
    }

    /// <summary>Reinstates a suspended member.</summary>
    /// <param name="partner">The member.</param>
    /// <param name="decision">The decision to reinstate, if the rule book asks for one.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not a member, or not suspended.</exception>
    public void Reinstate(PartnerId partner, DecisionReference? decision, Actor by, Instant at)
    {
        var membership = Member(partner);
        EnsureMembership(membership, Trigger.Reinstate, DateOf(at));
        Raise(new MemberReinstated(Id, partner, decision, at, Preconditions.CheckNotNull(by, nameof(by))));
    }

    /// <summary>Withdraws the member from the coalition.</summary>
    /// <param name="partner">The member.</param>
    /// <param name="reason">Why, if said.</param>
    /// <param name="by">One of its delegates.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not a delegate, or already withdrawn or expelled.</exception>
    public void Withdraw(PartnerId partner, string? reason, Actor by, Instant at)
    {
        var membership = Delegated(partner, by);
        EnsureMembership(membership, Trigger.Withdraw, DateOf(at));
        Raise(new MemberWithdrew(Id, partner, reason, at, by));
    }

    /// <summary>Expels a member by an adopted decision of this coalition to expel it.</summary>
    /// <param name="partner">The member.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">No such decision, not a member, or not active or suspended.</exception>
    public void Expel(PartnerId partner, DecisionReference decision, Actor by, Instant at)
    {
        var membership = Member(partner);
        EnsureDecision(decision, MatterType.ExpelMember);
        EnsureMembership(membership, Trigger.Expel, DateOf(at));
        Raise(new MemberExpelled(Id, partner, decision, at, Preconditions.CheckNotNull(by, nameof(by))));
    }

    /// <summary>Finds a membership. O(1).</summary>
    /// <param name="partner">The partner.</param>
    /// <param name="membership">The membership, when found.</param>
    /// <returns><see langword="true"/> when the partner has (or had) a membership.</returns>
    public bool TryGetMembership(PartnerId partner, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Membership.Membership? membership) =>
        _members.TryGetValue(partner, out membership);

    /// <summary>
    /// Whether a member may exercise a right at an instant, with the reason if not: a suspended, lapsed, invited or
    /// departed member holds no rights, and a tier holds only the rights the rights table gives it. O(1).
    /// </summary>
    /// <param name="partner">The partner.</param>
    /// <param name="right">The right.</param>
    /// <param name="at">When.</param>
    /// <returns>The check.</returns>
    public RuleCheck CheckRight(PartnerId partner, MemberRights right, Instant at)
    {
        if (!_members.TryGetValue(partner, out var membership))
        {
            return RuleCheck.Refused(ErrorCodes.Membership.NotAMember, $"{partner} is not a member of {Name}.");
        }

        var status = membership.StatusOn(DateOf(at));
        if (status != MembershipStatus.Active)
        {
            return RuleCheck.Refused(ErrorCodes.Membership.RightNotHeld, $"{partner} is {status}, so it cannot {right.ToString().ToLowerInvariant()} in {Name}.");
        }

        return Rights.For(membership.Tier).HasFlag(right)
            ? RuleCheck.Allowed
            : RuleCheck.Refused(ErrorCodes.Membership.RightNotHeld, $"{membership.Tier} members of {Name} do not hold the right to {right.ToString().ToLowerInvariant()}.");
    }

    /// <summary>
    /// The electorate for a matter at an instant: every member active then (in its term or grace period) whose tier
    /// may vote, with its weight and delegates; for charter amendments, the tiers with a charter veto hold a veto.
    /// </summary>
    /// <param name="matter">The matter to be decided.</param>
    /// <param name="at">When voting opens.</param>
    /// <param name="names">Display names for explanations, if the host has them.</param>
    /// <returns>The electorate, in the order members were invited.</returns>
    public Electorate ElectorateFor(MatterType matter, Instant at, Func<PartnerId, string?>? names = null) =>
        new(VotersFor(matter, at, names).ToArray());

    // The voters themselves, for callers (governance) that narrow them before building an electorate.
    internal IEnumerable<Voter> VotersFor(MatterType matter, Instant at, Func<PartnerId, string?>? names)
    {
        var on = DateOf(at);
        foreach (var member in _members.Values)
        {
            if (member.Holds(MemberRights.Vote, Rights, on))
            {
                var veto = matter == MatterType.AmendCharter && member.Holds(MemberRights.VetoCharterAmendments, Rights, on);
                yield return new Voter(member.Partner, member.Delegates, member.Weight, hasVeto: veto, name: names?.Invoke(member.Partner));
            }
        }
    }

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is CoalitionFounded;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => null;

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
            case CoalitionStageChanged e:
                _status = e.Stage;
                break;
            case CharterAdopted e:
                Charter = e.Charter;
                CharterVersion = e.Version;
                break;
            case MemberInvited e:
                _members[e.Partner] = new Membership.Membership(e.Partner, e.Tier, e.Delegates, e.Weight, e.On);
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

    private LocalDate DateOf(Instant at) => at.InZone(TimeZone).Date;

    private LocalDate TermEnd(LocalDate start) => start.Plus(Terms.TermLength).PlusDays(-1);

    private int FoundingMembersOn(LocalDate on) =>
        _members.Values.Count(m => m.Tier == MembershipTier.Founding && m.StatusOn(on) == MembershipStatus.Active);

    private Membership.Membership Member(PartnerId partner) =>
        _members.TryGetValue(partner, out var membership)
            ? membership
            : throw new CoalitionRuleException(ErrorCodes.Membership.NotAMember, $"{partner} has no membership of {Name}.");

    private Membership.Membership Delegated(PartnerId partner, Actor by)
    {
        Preconditions.CheckNotNull(by, nameof(by));
        var membership = Member(partner);
        if (by.Person is not { } person || !membership.Delegates.Contains(person))
        {
            throw new CoalitionRuleException(ErrorCodes.Membership.NotADelegate, $"{by} is not a delegate of {partner} in {Name}.");
        }

        return membership;
    }

    private static void EnsureMembership(Membership.Membership membership, Trigger trigger, LocalDate on)
    {
        if (!membership.CanFire(trigger, on, out _))
        {
            throw new CoalitionRuleException(ErrorCodes.Membership.InvalidTransition, $"The membership of {membership.Partner} is {membership.StatusOn(on)} on {on}; it cannot {trigger.ToString().ToLowerInvariant()}.");
        }
    }

    private void EnsureDecision(DecisionReference? decision, MatterType matter)
    {
        if (decision?.Authorizes(Id, matter) != true)
        {
            throw new CoalitionRuleException(
                ErrorCodes.Coalitions.DecisionRequired,
                decision is null
                    ? $"This needs an adopted decision of {Name} on the matter {matter}."
                    : $"Decision {decision!.Proposal} ({decision.Matter}, {decision.Result}) is not an adopted decision of {Name} on the matter {matter}.");
        }
    }

    private void ChangeStage(Stage stage, CoalitionStatus to, string? reason, DecisionReference? decision, Actor by, Instant at)
    {
        Preconditions.CheckNotNull(by, nameof(by));
        FreeText.Check(reason, nameof(reason), required: false);

        if (!Machine.CanFire(stage))
        {
            throw new CoalitionRuleException(ErrorCodes.Coalitions.InvalidTransition, $"{Name} is {_status}; it cannot move to {to} from there.");
        }

        Raise(new CoalitionStageChanged(Id, to, reason, decision, at, by));
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
}
