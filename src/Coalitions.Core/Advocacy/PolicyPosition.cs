using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using NodaTime;
using Stateless;
using Stateless.Graph;

namespace Coalitions.Core.Advocacy;

/// <summary>
/// A shared policy position of a coalition on one issue: drafted by a member or a coordinator, adopted by a decision of
/// the body the rule book names, published, revised (each revision a new version, adopted by its own decision) and
/// retired by a decision. Every version keeps its words and the decision it cites, so the coalition's position on an
/// issue can be read at any date.
/// </summary>
/// <remarks>
/// <para>Lifecycle: Draft → Adopted → Published, Adopted or Published → Retired, Draft → Withdrawn. A revision of an
/// adopted position is drafted while the version in effect stays in effect; adopting it makes it the version in effect
/// (not yet published), withdrawing it keeps the old one. See <c>docs/diagrams/policy-position-lifecycle.md</c>.</para>
/// <para>Decisions: adopting a version and retiring the position each cite an adopted decision of the coalition on
/// <see cref="MatterType.AdoptPolicyPosition"/> (the body that adopts positions also retires them), taken no later than
/// the act and no earlier than the last change to the words adopted; one decision authorizes one act.</para>
/// <para>Members who do not stand behind a version in effect may record a reservation on it: the coalition still
/// speaks, but not in their name. This is how a network keeps one voice without forcing the lowest common denominator.</para>
/// <para>Who may act (see <c>docs/authorization.md</c>): a coordinator of the coalition drafts, adopts, publishes,
/// retires and withdraws; a delegate of an active member drafts in its name and revises the draft it is drafting (or
/// starts a revision of an adopted position); a member's delegate records and withdraws its reservation. Dates are
/// read in the coalition's time zone.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class PolicyPosition : AggregateRoot<PolicyPositionId>
{
    private const string GuardDraftUnderDiscussion = "a draft is under discussion";
    private const int MaxVersions = 1_000;
    private const int MaxReservations = Limits.MaxItems;

    private static readonly Permissions<PolicyPosition, Acting> Who = new(nameof(PolicyPosition));
    private static readonly Role<PolicyPosition, Acting> ACoordinator = Who.Role(
        "a coordinator of the coalition",
        static (_, by, acting) => CoalitionRoles.IsCoordinator(acting.Coalition, by));
    private static readonly Role<PolicyPosition, Acting> ActiveMemberDelegate = Who.Role(
        "a delegate of an active member of the coalition, acting for it",
        static (_, by, acting) => CoalitionRoles.IsDelegateOfAnActiveMember(acting.Coalition, by, acting.At));
    private static readonly Role<PolicyPosition, Acting> DrafterOrReviser = Who.Role(
        "a delegate of the member drafting the draft under discussion, acting for it; or, when no draft is under discussion, a delegate of an active member starting a revision",
        static (position, by, acting) => position.Pending is { } pending
            ? pending.DraftedBy is { } drafter && CoalitionRoles.IsDelegateOfActiveMember(acting.Coalition, drafter, by, acting.At)
            : position._status is PositionStatus.Adopted or PositionStatus.Published && CoalitionRoles.IsDelegateOfAnActiveMember(acting.Coalition, by, acting.At));
    private static readonly Role<PolicyPosition, Acting> Drafter = Who.Role(
        "a delegate of the member drafting the draft under discussion, acting for it",
        static (position, by, acting) => position.Pending?.DraftedBy is { } drafter && CoalitionRoles.IsDelegateOf(acting.Coalition, drafter, by));
    private static readonly Role<PolicyPosition, Acting> MemberDelegate = Who.Role(
        "a delegate of the member concerned, acting for it",
        static (_, by, acting) => CoalitionRoles.IsDelegateOf(acting.Coalition, acting.Member, by));

    private static readonly Command<PolicyPosition, Acting> DraftCommand = Who.Command(nameof(Draft), ErrorCodes.Advocacy.NotAuthorized, ACoordinator, ActiveMemberDelegate);
    private static readonly Command<PolicyPosition, Acting> ReviseCommand = Who.Command(nameof(Revise), ErrorCodes.Advocacy.NotAuthorized, ACoordinator, DrafterOrReviser);
    private static readonly Command<PolicyPosition, Acting> AdoptCommand = Who.Command(nameof(Adopt), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<PolicyPosition, Acting> PublishCommand = Who.Command(nameof(Publish), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<PolicyPosition, Acting> WithdrawCommand = Who.Command(nameof(Withdraw), ErrorCodes.Advocacy.NotAuthorized, ACoordinator, Drafter);
    private static readonly Command<PolicyPosition, Acting> RetireCommand = Who.Command(nameof(Retire), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<PolicyPosition, Acting> RecordReservationCommand = Who.Command(nameof(RecordReservation), ErrorCodes.Advocacy.NotAuthorized, MemberDelegate);
    private static readonly Command<PolicyPosition, Acting> WithdrawReservationCommand = Who.Command(nameof(WithdrawReservation), ErrorCodes.Advocacy.NotAuthorized, MemberDelegate);

    private readonly List<PositionVersion> _versions = [];
    private readonly Dictionary<(int Version, PartnerId Member), PositionReservation> _reservations = [];
    private readonly List<PositionReservation> _reservationHistory = [];
    private readonly List<(int Version, PartnerId Member, Instant At)> _reservationEnds = [];
    private readonly HashSet<ProposalId> _decisionsCited = [];
    private StateMachine<PositionStatus, Step>? _machine;
    private PositionStatus _status = PositionStatus.Draft;
    private int? _current;
    private int? _pending;
    private DateTimeZone _zone = DateTimeZone.Utc;

    private PolicyPosition()
    {
    }

    private enum Step
    {
        Revise,
        Adopt,
        Publish,
        Withdraw,
        Retire,
        Reserve,
    }

    /// <summary>Gets the coalition whose position it is.</summary>
    public CoalitionId Coalition { get; private set; }

    /// <summary>Gets the issue.</summary>
    public IssueKey Issue { get; private set; }

    /// <summary>Gets the status.</summary>
    public PositionStatus Status => _status;

    /// <summary>Gets the time zone in which the position's dates are read (the coalition's).</summary>
    public DateTimeZone TimeZone => _zone;

    /// <summary>Gets the title: of the version in effect, else of the draft.</summary>
    public string Title => (Current ?? _versions[^1]).Title;

    /// <summary>Gets every version, oldest first, including a withdrawn draft.</summary>
    public IReadOnlyList<PositionVersion> Versions => _versions.AsReadOnly();

    /// <summary>Gets the version in effect now (the last adopted), unless the position is retired; <see langword="null"/> before adoption.</summary>
    public PositionVersion? Current => _current is { } index && _status != PositionStatus.Retired ? _versions[index] : null;

    /// <summary>Gets the draft under discussion (the first draft, or a revision of the version in effect), if any.</summary>
    public PositionVersion? Pending => _pending is { } index ? _versions[index] : null;

    /// <summary>Gets when the position was retired, if it was.</summary>
    public Instant? RetiredAt { get; private set; }

    /// <summary>Gets the decision that retired it, if retired.</summary>
    public DecisionReference? RetiredBy { get; private set; }

    /// <summary>Gets the reservations members hold now on the version in effect.</summary>
    public IReadOnlyList<PositionReservation> Reservations =>
        Current is { } current ? _reservations.Values.Where(r => r.Version == current.Number).OrderBy(r => r.At).ToArray() : [];

    private StateMachine<PositionStatus, Step> Machine => _machine ??= BuildMachine();

    /// <summary>Drafts a policy position of the coalition on an issue.</summary>
    /// <param name="id">The new position's id.</param>
    /// <param name="draft">The coalition, the issue, the title and the text.</param>
    /// <param name="coalition">The coalition, read for its coordinators, its members and its time zone.</param>
    /// <param name="by">A coordinator of the coalition (drafting for the coalition), or a delegate of an active member acting for it (drafting in the member's name).</param>
    /// <param name="at">When it is drafted, in the years 1900 to 2999.</param>
    /// <returns>The position, in draft.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not authorized (<c>Advocacy.NotAuthorized</c>), an empty id, an invalid draft (<c>Kernel.InvalidText</c>,
    /// <c>Kernel.EmptyId</c>), or a draft for another coalition than the one given (<c>Coalitions.OtherCoalition</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// var position = PolicyPosition.Draft(PolicyPositionId.New(),
    ///     new PositionDraft(coalition.Id, new IssueKey("education-budget"), "Six per cent for education", "The coalition calls for ..."),
    ///     coalition, Actor.Representing(delegatePerson, member), now);
    /// </code>
    /// </example>
    public static PolicyPosition Draft(PolicyPositionId id, PositionDraft draft, Coalition coalition, Actor by, Instant at)
    {
        var position = new PolicyPosition();
        DraftCommand.Authorize(position, by, at, new Acting(coalition, at), "a new policy position");
        Ensure.Id(id, nameof(id));
        Ensure.NotNull(coalition, nameof(coalition));
        PositionDraftValidator.Instance.EnsureValid(draft);
        if (draft.Coalition != coalition.Id)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "The position is drafted for another coalition than {coalition}.", ("coalition", coalition.Name));
        }

        var drafter = DrafterOf(coalition, by, at);
        position.Raise(new PositionDrafted(id, coalition.Id, coalition.TimeZone.Id, draft.Issue, draft.Title.Trim(), draft.Text, drafter, at, by));
        return position;
    }

    /// <summary>Rebuilds a position from its events, checking that they form its history, without building its state machine.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The position.</returns>
    /// <exception cref="StoredEventException">The events are not the history of one position (<c>Kernel.CorruptHistory</c>).</exception>
    public static PolicyPosition Rehydrate(IEnumerable<IDomainEvent> history) => Rebuild(new PolicyPosition(), history);

    /// <summary>The position lifecycle as a Mermaid state diagram, generated from the state machine.</summary>
    /// <returns>The diagram text.</returns>
    public static string LifecycleDiagram() => MermaidGraph.Format(new PolicyPosition().Machine.GetInfo());

    /// <summary>
    /// The coalition's positions on an issue as they stood at the end of a date: for each position of the coalition on the
    /// issue, the version in effect then, whether it was published and who held reservations.
    /// </summary>
    /// <param name="positions">The coalition's positions (others are skipped).</param>
    /// <param name="coalition">The coalition.</param>
    /// <param name="issue">The issue.</param>
    /// <param name="on">The date, read in each position's time zone (the coalition's).</param>
    /// <returns>The positions in effect, by title.</returns>
    /// <exception cref="CoalitionRuleException">A null position or list, an empty id, a missing issue, or a date out of range.</exception>
    public static IReadOnlyList<PositionInEffect> InEffect(IEnumerable<PolicyPosition> positions, CoalitionId coalition, IssueKey issue, LocalDate on)
    {
        var all = Ensure.Items(positions, nameof(positions), Limits.MaxItems);
        Ensure.Id(coalition, nameof(coalition));
        TypedKey.Ensure(issue, nameof(issue));
        Ensure.Date(on, nameof(on));
        return all.Where(p => p.Coalition == coalition && p.Issue == issue)
            .Select(p => p.InEffectOn(on))
            .OfType<PositionInEffect>()
            .OrderBy(p => p.Version.Title, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The version in effect at an instant: the last adopted by then, unless the position was retired by then.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The version, or <see langword="null"/> when none was in effect.</returns>
    public PositionVersion? VersionAt(Instant at)
    {
        if (RetiredAt is { } retired && retired <= at)
        {
            return null;
        }

        // Versions are adopted in number order, so the last adopted by then is the one in effect.
        PositionVersion? found = null;
        foreach (var version in _versions)
        {
            if (version.AdoptedAt is { } adopted && adopted <= at)
            {
                found = version;
            }
        }

        return found;
    }

    /// <summary>The position as it stood at the end of a date in the coalition's time zone, or <see langword="null"/> when no version was in effect.</summary>
    /// <param name="on">The date.</param>
    /// <returns>The version in effect, whether it was published, and the reservations then.</returns>
    /// <exception cref="CoalitionRuleException">The date is out of range (<c>Kernel.OutOfRange</c>).</exception>
    public PositionInEffect? InEffectOn(LocalDate on)
    {
        Ensure.Date(on, nameof(on));
        var endOfDay = EndOf(on);
        if (VersionAt(endOfDay) is not { } version)
        {
            return null;
        }

        var published = version.PublishedAt is { } publishedAt && publishedAt <= endOfDay;
        var reservations = _reservationHistory
            .Where(r => r.Version == version.Number && r.At <= endOfDay && !_reservationEnds.Any(end => end.Version == r.Version && end.Member == r.Member && end.At >= r.At && end.At <= endOfDay))
            .Select(r => r.Member)
            .Distinct()
            .ToArray();
        return new PositionInEffect(Id, Issue, version, published, reservations);
    }

    /// <summary>
    /// Gives the draft under discussion new words. On a draft, it changes the draft; on an adopted position with no draft
    /// under discussion, it starts a revision (the next version) while the version in effect stays in effect.
    /// </summary>
    /// <param name="title">The title: one line of at most 200 characters.</param>
    /// <param name="text">The text: at most 20,000 characters.</param>
    /// <param name="coalition">The coalition, read for its coordinators and members.</param>
    /// <param name="by">A coordinator; or a delegate of the member drafting the draft under discussion, acting for it; or, to start a revision, a delegate of an active member, acting for it.</param>
    /// <param name="at">When the words change.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not authorized (<c>Advocacy.NotAuthorized</c>), another coalition (<c>Coalitions.OtherCoalition</c>), an invalid
    /// title or text (<c>Kernel.InvalidText</c>), retired or withdrawn (<c>Advocacy.InvalidTransition</c>).
    /// </exception>
    public void Revise(string title, string text, Coalition coalition, Actor by, Instant at)
    {
        ReviseCommand.Authorize(this, by, at, new Acting(coalition, at), Subject);
        Own(coalition);
        FreeText.Check(title, nameof(title), required: true, Limits.NameLength);
        if (!FreeText.IsSingleLine(title))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.InvalidText, "The title of a position is one line.");
        }

        FreeText.Check(text, nameof(text), required: true, Limits.DocumentLength);
        EnsureStep(Step.Revise);
        var starting = Pending is null;
        if (starting && _versions.Count >= MaxVersions)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "{title} has {max} versions, the most a position may have.", ("title", Subject), ("max", MaxVersions));
        }

        var number = Pending?.Number ?? _versions.Count + 1;
        var drafter = starting ? DrafterOf(coalition, by, at) : Pending!.DraftedBy;
        Raise(new PositionRevised(Id, number, title.Trim(), text, drafter, at, by));
    }

    /// <summary>Adopts the draft under discussion, citing the decision that adopted it; it becomes the version in effect (not yet published).</summary>
    /// <param name="decision">An adopted decision of the coalition on <see cref="MatterType.AdoptPolicyPosition"/>, taken no later than <paramref name="at"/> and no earlier than the draft's last change, and not cited before.</param>
    /// <param name="coalition">The coalition, read for its coordinators.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When the position is adopted.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a coordinator (<c>Coalitions.NotACoordinator</c>), another coalition (<c>Coalitions.OtherCoalition</c>), no draft
    /// under discussion (<c>Advocacy.InvalidTransition</c>), a decision that does not authorize it (<c>Coalitions.DecisionRequired</c>),
    /// taken before the draft's last change (<c>Advocacy.DecisionPredatesText</c>) or cited before (<c>Advocacy.DecisionAlreadyCited</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// // The steering committee adopted the draft: cite its decision.
    /// position.Adopt(proposal.Reference!, coalition, secretariat, now);
    /// position.Publish(coalition, secretariat, now);
    /// </code>
    /// </example>
    public void Adopt(DecisionReference decision, Coalition coalition, Actor by, Instant at)
    {
        AdoptCommand.Authorize(this, by, at, new Acting(coalition, at), Subject);
        Own(coalition);
        EnsureStep(Step.Adopt);
        EnsureAfterAdoption(at);
        CheckDecision(decision, coalition, at, Pending!.RevisedAt);
        Raise(new PositionAdopted(Id, Pending.Number, decision with { }, at, by));
    }

    /// <summary>Publishes the version in effect: from now on the coalition says it in public.</summary>
    /// <param name="coalition">The coalition, read for its coordinators.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is published.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, another coalition, or no unpublished version in effect (<c>Advocacy.InvalidTransition</c>).</exception>
    public void Publish(Coalition coalition, Actor by, Instant at)
    {
        PublishCommand.Authorize(this, by, at, new Acting(coalition, at), Subject);
        Own(coalition);
        EnsureStep(Step.Publish);
        EnsureAfterAdoption(at);
        Raise(new PositionPublished(Id, Current!.Number, at, by));
    }

    /// <summary>Withdraws the draft under discussion; a position never adopted is withdrawn with it, an adopted one keeps its version in effect.</summary>
    /// <param name="reason">Why, if said: at most 2,000 characters.</param>
    /// <param name="coalition">The coalition, read for its coordinators and members.</param>
    /// <param name="by">A coordinator, or a delegate of the member drafting the draft under discussion, acting for it.</param>
    /// <param name="at">When it is withdrawn.</param>
    /// <exception cref="CoalitionRuleException">Not authorized, another coalition, no draft under discussion (<c>Advocacy.InvalidTransition</c>), or an invalid reason.</exception>
    public void Withdraw(string? reason, Coalition coalition, Actor by, Instant at)
    {
        WithdrawCommand.Authorize(this, by, at, new Acting(coalition, at), Subject);
        Own(coalition);
        FreeText.Check(reason, nameof(reason), required: false);
        EnsureStep(Step.Withdraw);
        Raise(new PositionDraftWithdrawn(Id, Pending!.Number, FreeText.Kept(reason), at, by));
    }

    /// <summary>Retires the position, citing the decision that retired it: no version is in effect from then on, and a draft under discussion lapses.</summary>
    /// <param name="decision">An adopted decision of the coalition on <see cref="MatterType.AdoptPolicyPosition"/>, taken no later than <paramref name="at"/>, not cited before.</param>
    /// <param name="reason">Why: at most 2,000 characters.</param>
    /// <param name="coalition">The coalition, read for its coordinators.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is retired.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, another coalition, not in effect (<c>Advocacy.InvalidTransition</c>), no reason, or a decision that does not authorize it.</exception>
    public void Retire(DecisionReference decision, string reason, Coalition coalition, Actor by, Instant at)
    {
        RetireCommand.Authorize(this, by, at, new Acting(coalition, at), Subject);
        Own(coalition);
        FreeText.Check(reason, nameof(reason), required: true);
        EnsureStep(Step.Retire);
        EnsureAfterAdoption(at);
        CheckDecision(decision, coalition, at, Current!.AdoptedAt!.Value, retiring: true);
        Raise(new PositionRetired(Id, decision with { }, reason.Trim(), at, by));
    }

    /// <summary>Records a member's reservation on the version in effect: the coalition speaks, but not in that member's name.</summary>
    /// <param name="member">The member.</param>
    /// <param name="reason">Why: at most 2,000 characters.</param>
    /// <param name="coalition">The coalition, read for its members.</param>
    /// <param name="by">A delegate of the member, acting for it.</param>
    /// <param name="at">When it is recorded.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not the member's delegate (<c>Advocacy.NotAuthorized</c>), another coalition, not an active member
    /// (<c>Advocacy.NotAnActiveMember</c>), no version in effect (<c>Advocacy.InvalidTransition</c>), already recorded
    /// (<c>Advocacy.Duplicate</c>), or no reason.
    /// </exception>
    public void RecordReservation(PartnerId member, string reason, Coalition coalition, Actor by, Instant at)
    {
        RecordReservationCommand.Authorize(this, by, at, new Acting(coalition, at, member), Subject);
        Own(coalition);
        Ensure.Id(member, nameof(member));
        FreeText.Check(reason, nameof(reason), required: true);
        EnsureStep(Step.Reserve);
        EnsureAfterAdoption(at);
        if (!CoalitionRoles.IsActiveMember(coalition, member, at))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Advocacy.NotAnActiveMember, "{member} is not an active member of {coalition}.", ("member", coalition.NameOf(member)), ("coalition", coalition.Name));
        }

        var version = Current!.Number;
        if (_reservations.ContainsKey((version, member)))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Advocacy.Duplicate, "{member} already holds a reservation on version {version} of {title}.", ("member", coalition.NameOf(member)), ("version", version), ("title", Subject));
        }

        if (_reservationHistory.Count >= MaxReservations)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "{title} has recorded {max} reservations, the most a position may record.", ("title", Subject), ("max", MaxReservations));
        }

        Raise(new ReservationRecorded(Id, version, member, reason.Trim(), at, by));
    }

    /// <summary>Withdraws a member's reservation on the version in effect.</summary>
    /// <param name="member">The member.</param>
    /// <param name="coalition">The coalition, read for its members.</param>
    /// <param name="by">A delegate of the member, acting for it.</param>
    /// <param name="at">When it is withdrawn.</param>
    /// <exception cref="CoalitionRuleException">Not the member's delegate, another coalition, no such reservation (<c>Advocacy.UnknownKey</c>), or one recorded after <paramref name="at"/> (<c>Advocacy.InvalidTransition</c>).</exception>
    public void WithdrawReservation(PartnerId member, Coalition coalition, Actor by, Instant at)
    {
        WithdrawReservationCommand.Authorize(this, by, at, new Acting(coalition, at, member), Subject);
        Own(coalition);
        Ensure.Id(member, nameof(member));
        var current = Current;
        PositionReservation? reservation = null;
        if (current is not null)
        {
            _reservations.TryGetValue((current.Number, member), out reservation);
        }

        if (reservation is null)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Advocacy.UnknownKey, "{member} holds no reservation on the version of {title} in effect.", ("member", coalition.NameOf(member)), ("title", Subject));
        }

        if (at < reservation.At)
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Advocacy.InvalidTransition,
                "The reservation of {member} on version {version} of {title} was recorded on {recorded}; it is not withdrawn before then.",
                ("member", coalition.NameOf(member)), ("version", reservation.Version), ("title", Subject), ("recorded", reservation.At));
        }

        Raise(new ReservationWithdrawn(Id, reservation.Version, member, at, by));
    }

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is PositionDrafted;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => domainEvent switch
    {
        PositionDrafted e => DraftedProblem(e.TimeZone, e.Title, e.Text),
        PositionRevised e =>
            _status is PositionStatus.Retired or PositionStatus.Withdrawn ? "a retired or withdrawn position is not revised." :
            e.Version != (Pending?.Number ?? _versions.Count + 1) ? "it revises a version other than the draft under discussion or the next one." :
            _versions.Count >= MaxVersions && Pending is null ? "the position has as many versions as it may." :
            DraftedProblem(_zone.Id, e.Title, e.Text),
        PositionAdopted e =>
            Pending is not { } pending || e.Version != pending.Number ? "no draft of that version is under discussion." :
            DecisionProblem(e.Decision, e.At, pending.RevisedAt, "the decision was taken before the words it adopts."),
        PositionPublished e =>
            _status != PositionStatus.Adopted || Current?.Number != e.Version ? "only the version in effect, not yet published, is published." :
            e.At < Current.AdoptedAt ? "it is published before it was adopted." : null,
        PositionDraftWithdrawn e => Pending is not { } withdrawn || e.Version != withdrawn.Number ? "no draft of that version is under discussion." : null,
        PositionRetired e =>
            _status is not (PositionStatus.Adopted or PositionStatus.Published) ? "only a position in effect is retired." :
            DecisionProblem(e.Decision, e.At, Current!.AdoptedAt!.Value, "the decision was taken before the version in effect was adopted."),
        ReservationRecorded e =>
            _status is not (PositionStatus.Adopted or PositionStatus.Published) || Current?.Number != e.Version ? "a reservation concerns the version in effect." :
            _reservations.ContainsKey((e.Version, e.Member)) ? "the member already holds a reservation on the version." :
            _reservationHistory.Count >= MaxReservations ? "the position has recorded as many reservations as it may." : null,
        ReservationWithdrawn e => !_reservations.ContainsKey((e.Version, e.Member)) ? "the member holds no reservation on the version." : null,
        _ => null,
    };

    /// <inheritdoc />
    protected override void Apply(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case PositionDrafted e:
                Id = e.Position;
                Coalition = e.Coalition;
                Issue = e.Issue;
                _zone = DateTimeZoneProviders.Tzdb[e.TimeZone];
                _versions.Add(new PositionVersion(1, e.Title, e.Text, e.DraftedBy, e.At));
                _pending = 0;
                break;
            case PositionRevised e when _pending is { } index:
                _versions[index] = _versions[index] with { Title = e.Title, Text = e.Text, RevisedAt = e.At };
                break;
            case PositionRevised e:
                _versions.Add(new PositionVersion(e.Version, e.Title, e.Text, e.DraftedBy, e.At));
                _pending = _versions.Count - 1;
                break;
            case PositionAdopted e:
                _versions[_pending!.Value] = _versions[_pending.Value] with { AdoptedAt = e.At, Decision = e.Decision };
                _current = _pending;
                _pending = null;
                _decisionsCited.Add(e.Decision.Proposal);
                _status = PositionStatus.Adopted;
                break;
            case PositionPublished:
                _versions[_current!.Value] = _versions[_current.Value] with { PublishedAt = domainEvent.At };
                _status = PositionStatus.Published;
                break;
            case PositionDraftWithdrawn:
                _pending = null;
                _status = _current is null ? PositionStatus.Withdrawn : _status;
                break;
            case PositionRetired e:
                _pending = null;
                RetiredAt = e.At;
                RetiredBy = e.Decision;
                _decisionsCited.Add(e.Decision.Proposal);
                _status = PositionStatus.Retired;
                break;
            case ReservationRecorded e:
                var reservation = new PositionReservation(e.Version, e.Member, e.Reason, e.At);
                _reservations[(e.Version, e.Member)] = reservation;
                _reservationHistory.Add(reservation);
                break;
            case ReservationWithdrawn e:
                _reservations.Remove((e.Version, e.Member));
                _reservationEnds.Add((e.Version, e.Member, e.At));
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }

    // The member a draft is written for: the member the actor acts for as its delegate, or none when a coordinator drafts.
    private static PartnerId? DrafterOf(Coalition coalition, Actor by, Instant at) =>
        CoalitionRoles.IsDelegateOfAnActiveMember(coalition, by, at) ? by.OnBehalfOf : null;

    private static string? DraftedProblem(string timeZone, string title, string text) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) is null ? "the time zone is not a tz database id." :
        FreeText.Problem(title, true, Limits.NameLength) is not null || !FreeText.IsSingleLine(title) ? "the title is not one line of at most 200 characters." :
        FreeText.Problem(text, true, Limits.DocumentLength) is not null ? "the text is missing or longer than 20,000 characters." : null;

    private string? DecisionProblem(DecisionReference decision, Instant at, Instant wordsFrom, string tooEarly) =>
        !decision.Authorizes(Coalition, MatterType.AdoptPolicyPosition) ? "the decision is not an adoption by the coalition on a policy position." :
        decision.DecidedAt > at ? "the decision was taken after the act it authorizes." :
        decision.DecidedAt < wordsFrom ? tooEarly :
        _decisionsCited.Contains(decision.Proposal) ? "the decision was cited before." : null;

    private string Subject => $"'{Title}'";

    private Instant EndOf(LocalDate on) => on.PlusDays(1).AtStartOfDayInZone(_zone).ToInstant() - Duration.Epsilon;

    private void Own(Coalition coalition)
    {
        Ensure.NotNull(coalition, nameof(coalition));
        if (coalition.Id != Coalition)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "{title} is a position of another coalition than {coalition}.", ("title", Subject), ("coalition", coalition.Name));
        }
    }

    // Adopting, the decision is no older than the words it adopts; retiring, no older than the adoption of the version in effect.
    private void CheckDecision(DecisionReference decision, Coalition coalition, Instant at, Instant wordsFrom, bool retiring = false)
    {
        DecisionReference.Check(Ensure.NotNull(decision, nameof(decision)), true, Coalition, coalition.Name, at, MatterType.AdoptPolicyPosition);
        if (decision.DecidedAt < wordsFrom)
        {
            // Retiring, the decision is measured against the adoption of the version in effect; adopting, against the words.
            throw CoalitionRuleException.Because(
                ErrorCodes.Advocacy.DecisionPredatesText,
                retiring
                    ? "The decision cited was taken on {decided}, before the version in effect of {title} was adopted on {since}; retire it by a decision taken since."
                    : "The decision cited was taken on {decided}, before the words of {title} last changed on {since}; put the words to a new decision.",
                ("decided", decision.DecidedAt), ("title", Subject), ("since", wordsFrom));
        }

        if (_decisionsCited.Contains(decision.Proposal))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Advocacy.DecisionAlreadyCited, "The decision cited (proposal {proposal}) was already cited by {title}; one decision authorizes one act.", ("proposal", decision.Proposal), ("title", Subject));
        }
    }

    // A step dated before the version in effect was adopted would rewrite the record.
    private void EnsureAfterAdoption(Instant at)
    {
        if (Current?.AdoptedAt is { } adopted && at < adopted)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Advocacy.InvalidTransition, "{title} was adopted on {adopted}; nothing is recorded on it before then.", ("title", Subject), ("adopted", adopted));
        }
    }

    private void EnsureStep(Step step)
    {
        if (!Machine.CanFire(step, out var unmet))
        {
            var because = unmet?.Count > 0 ? " (it needs that " + Words.List(unmet) + ")" : string.Empty;
            throw CoalitionRuleException.Because(
                ErrorCodes.Advocacy.InvalidTransition,
                "{title} is {article}{status}; it cannot {action} now{because}.",
                ("title", Subject), ("article", _status == PositionStatus.Draft ? "a " : string.Empty), ("status", _status), ("action", Words.Identifier(step.ToString())), ("because", because));
        }
    }

    // Commands consult the machine and raise events; Apply moves the state. The machine is never fired.
    private StateMachine<PositionStatus, Step> BuildMachine()
    {
        var machine = new StateMachine<PositionStatus, Step>(() => _status, s => _status = s);
        machine.Configure(PositionStatus.Draft)
            .PermitReentry(Step.Revise)
            .Permit(Step.Adopt, PositionStatus.Adopted)
            .Permit(Step.Withdraw, PositionStatus.Withdrawn);
        machine.Configure(PositionStatus.Adopted)
            .PermitReentry(Step.Revise)
            .PermitReentryIf(Step.Adopt, () => _pending is not null, GuardDraftUnderDiscussion)
            .PermitReentryIf(Step.Withdraw, () => _pending is not null, GuardDraftUnderDiscussion)
            .Permit(Step.Publish, PositionStatus.Published)
            .PermitReentry(Step.Reserve)
            .Permit(Step.Retire, PositionStatus.Retired);
        machine.Configure(PositionStatus.Published)
            .PermitReentry(Step.Revise)
            .PermitIf(Step.Adopt, PositionStatus.Adopted, () => _pending is not null, GuardDraftUnderDiscussion)
            .PermitReentryIf(Step.Withdraw, () => _pending is not null, GuardDraftUnderDiscussion)
            .PermitReentry(Step.Reserve)
            .Permit(Step.Retire, PositionStatus.Retired);
        machine.Configure(PositionStatus.Retired);
        machine.Configure(PositionStatus.Withdrawn);
        return machine;
    }

    /// <summary>What a command tells its authorization check: the coalition, when it happens, and the member concerned.</summary>
    private readonly record struct Acting(Coalition? Coalition, Instant At, PartnerId? Member = null);
}
