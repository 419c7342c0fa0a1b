using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using NodaTime;
using Stateless;
using Stateless.Graph;

namespace Coalitions.Core.Agreements;

/// <summary>Where an agreement is in its life.</summary>
public enum AgreementStatus
{
    /// <summary>Being written; parties may revise it.</summary>
    Draft = 1,

    /// <summary>Circulating for signature.</summary>
    Circulating = 2,

    /// <summary>Signed by every party and in force.</summary>
    InForce = 3,

    /// <summary>In force, within the notice period before its end (computed from dates).</summary>
    Expiring = 4,

    /// <summary>Past its last day (computed from dates).</summary>
    Expired = 5,

    /// <summary>Ended early.</summary>
    Terminated = 6,
}

/// <summary>How a clause changed between two versions.</summary>
public enum ClauseChangeKind
{
    /// <summary>Only in the later version.</summary>
    Added = 1,

    /// <summary>Only in the earlier version.</summary>
    Removed = 2,

    /// <summary>In both, with a different title, kind or text.</summary>
    Changed = 3,

    /// <summary>In both, the same.</summary>
    Unchanged = 4,
}

/// <summary>One clause compared between two versions.</summary>
/// <param name="Key">The clause's key.</param>
/// <param name="Change">How it changed.</param>
/// <param name="Before">The clause in the earlier version, if there.</param>
/// <param name="After">The clause in the later version, if there.</param>
public sealed record ClauseChange(string Key, ClauseChangeKind Change, Clause? Before, Clause? After);

/// <summary>
/// An agreement among partners (an MOU, a charter, a partnership, data- or resource-sharing agreement): its parties
/// and their authorized signatories, versions of clauses, commitments and terms, signatures, amendments and notices.
/// </summary>
/// <remarks>
/// <para>Lifecycle: Draft → Circulating → InForce → Expiring → Expired, or Terminated. The agreement enters into
/// force when every party has signed. Changing the text after the first signature starts a new version and voids
/// the earlier signatures. An amendment to an agreement in force is a new version that needs every party's
/// signature again (and an adopted decision where the rule book requires one); the current version stays in force
/// until then. Expiring and Expired are computed from the dates, never recorded.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class Agreement : AggregateRoot<AgreementId>
{
    private readonly List<AgreementVersion> _versions = [];
    private readonly List<Signature> _signatures = [];
    private readonly Dictionary<PartnerId, AgreementParty> _parties = [];
    private readonly Dictionary<string, (CommitmentStatus Status, LocalDate On, string? Note)> _settled = new(StringComparer.Ordinal);
    private readonly Dictionary<PartnerId, LocalDate> _notices = [];
    private StateMachine<AgreementStatus, Step>? _machine;
    private AgreementStatus _recorded = AgreementStatus.Draft;
    private LocalDate _checkedOn;

    private Agreement()
    {
    }

    private enum Step
    {
        Revise,
        Circulate,
        Sign,
        Amend,
        Settle,
        GiveNotice,
        Terminate,
        Lapse,
        AllSigned,
    }

    /// <summary>Gets the coalition it belongs to.</summary>
    public CoalitionId Coalition { get; private set; }

    /// <summary>Gets its type.</summary>
    public AgreementType Type { get; private set; }

    /// <summary>Gets its title.</summary>
    public string Title { get; private set; } = string.Empty;

    /// <summary>Gets the parties.</summary>
    public IReadOnlyCollection<AgreementParty> Parties => _parties.Values;

    /// <summary>Gets whether amendments need an adopted decision to amend an agreement.</summary>
    public bool AmendmentsNeedDecision { get; private set; }

    /// <summary>Gets every version, oldest first.</summary>
    public IReadOnlyList<AgreementVersion> Versions => _versions;

    /// <summary>Gets the latest version (in force, or being signed).</summary>
    public AgreementVersion Latest => _versions[^1];

    /// <summary>Gets the version in force, if any.</summary>
    public AgreementVersion? InForce { get; private set; }

    /// <summary>Gets every signature, including voided ones.</summary>
    public IReadOnlyList<Signature> Signatures => _signatures;

    /// <summary>Gets the recorded status; <see cref="StatusOn"/> adds expiry.</summary>
    public AgreementStatus RecordedStatus => _recorded;

    private StateMachine<AgreementStatus, Step> Machine => _machine ??= BuildMachine();

    /// <summary>Drafts an agreement.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="draft">Its parties, text and terms.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <returns>The agreement, in draft.</returns>
    /// <exception cref="CoalitionRuleException">Invalid input (<c>Agreements.InvalidAgreement</c>, <c>Agreements.NotAParty</c>).</exception>
    public static Agreement Draft(AgreementId id, AgreementDraft draft, Actor by, Instant at)
    {
        Preconditions.CheckNotNull(draft, nameof(draft));
        Preconditions.CheckNotNull(by, nameof(by));
        if (string.IsNullOrWhiteSpace(draft.Title) || draft.Title.Length > 200 || !Enum.IsDefined(draft.Type))
        {
            throw new CoalitionRuleException(ErrorCodes.Agreements.InvalidAgreement, "An agreement needs a type and a title of at most 200 characters.");
        }

        AgreementTextValidator.Instance.EnsureValid((draft.Text, draft.Parties));
        var agreement = new Agreement();
        agreement.Raise(new AgreementDrafted(id, draft.Coalition, draft.Type, draft.Title.Trim(), draft.Parties.ToArray(), Copy(draft.Text, 1, null), draft.AmendmentsNeedDecision, at, by));
        return agreement;
    }

    /// <summary>Rebuilds an agreement from its events, without checks.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The agreement.</returns>
    public static Agreement Rehydrate(IEnumerable<IDomainEvent> history)
    {
        return Rebuild(new Agreement(), history);
    }

    /// <summary>The agreement lifecycle as a Mermaid state diagram, generated from the state machine.</summary>
    /// <returns>The diagram text.</returns>
    public static string LifecycleDiagram() => MermaidGraph.Format(new Agreement().Machine.GetInfo());

    /// <summary>The status on a date: an agreement in force is expiring within its notice period before its last day, and expired after it.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The status.</returns>
    public AgreementStatus StatusOn(LocalDate date)
    {
        if (_recorded != AgreementStatus.InForce || InForce?.Terms.EffectiveUntil is not { } until)
        {
            return _recorded;
        }

        return date > until ? AgreementStatus.Expired
            : date > until.Minus(InForce.Terms.NoticePeriod) ? AgreementStatus.Expiring
            : AgreementStatus.InForce;
    }

    /// <summary>
    /// Revises the text before it enters into force. Before anyone has signed, the current version changes; after the
    /// first signature, the revision is a new version and the earlier signatures are void.
    /// </summary>
    /// <param name="text">The new text and terms.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Invalid text, or already in force.</exception>
    public void Revise(AgreementText text, Actor by, Instant at)
    {
        Ensure(Step.Revise, at);
        AgreementTextValidator.Instance.EnsureValid((Preconditions.CheckNotNull(text, nameof(text)), _parties.Values.ToArray()));
        var signed = _signatures.Any(s => s.Version == Latest.Number);
        Raise(new AgreementRevised(Id, Copy(text, signed ? Latest.Number + 1 : Latest.Number, null), at, Preconditions.CheckNotNull(by, nameof(by))));
    }

    /// <summary>Circulates the draft for signature.</summary>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not a draft.</exception>
    public void Circulate(Actor by, Instant at)
    {
        Ensure(Step.Circulate, at);
        Raise(new AgreementCirculated(Id, Latest.Number, at, Preconditions.CheckNotNull(by, nameof(by))));
    }

    /// <summary>Signs the latest version for a party. When every party has signed, that version enters into force.</summary>
    /// <param name="party">The party.</param>
    /// <param name="by">A person authorized to sign for it.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not circulating or amending, not a party, not its signatory, or already signed.</exception>
    public void Sign(PartnerId party, Actor by, Instant at)
    {
        Preconditions.CheckNotNull(by, nameof(by));
        Ensure(Step.Sign, at);
        var person = Signatory(party, by);
        if (_signatures.Any(s => s.Version == Latest.Number && s.Party == party))
        {
            throw new CoalitionRuleException(ErrorCodes.Agreements.AlreadySigned, $"{party} has already signed version {Latest.Number}.");
        }

        Raise(new AgreementSigned(Id, Latest.Number, party, person, at, by));
        if (Machine.CanFire(Step.AllSigned))
        {
            Raise(new AgreementEnteredIntoForce(Id, Latest.Number, at, by));
        }
    }

    /// <summary>
    /// Proposes an amendment to the agreement in force: a new version that every party must sign before it replaces
    /// the current one. Where the rule book requires it, the amendment cites an adopted decision to amend the agreement.
    /// </summary>
    /// <param name="text">The amended text and terms.</param>
    /// <param name="decision">The decision, where required.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not in force, invalid text, or a required decision missing.</exception>
    public void ProposeAmendment(AgreementText text, DecisionReference? decision, Actor by, Instant at)
    {
        Ensure(Step.Amend, at);
        AgreementTextValidator.Instance.EnsureValid((Preconditions.CheckNotNull(text, nameof(text)), _parties.Values.ToArray()));
        if (AmendmentsNeedDecision && decision?.Authorizes(Coalition, MatterType.AmendAgreement) != true)
        {
            throw new CoalitionRuleException(ErrorCodes.Coalitions.DecisionRequired, $"Amending '{Title}' needs an adopted decision of the coalition to amend an agreement.");
        }

        Raise(new AmendmentProposed(Id, Copy(text, Latest.Number + 1, decision), at, Preconditions.CheckNotNull(by, nameof(by))));
    }

    /// <summary>Records that a commitment of the version in force was met.</summary>
    /// <param name="commitment">The commitment's key.</param>
    /// <param name="on">The date it was met.</param>
    /// <param name="note">A note, if any.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not in force, no such commitment, or already settled.</exception>
    public void RecordFulfilment(string commitment, LocalDate on, string? note, Actor by, Instant at)
    {
        EnsureSettleable(commitment, at);
        Raise(new CommitmentFulfilled(Id, commitment, on, note, at, Preconditions.CheckNotNull(by, nameof(by))));
    }

    /// <summary>Waives a commitment of the version in force.</summary>
    /// <param name="commitment">The commitment's key.</param>
    /// <param name="reason">Why.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not in force, no such commitment, or already settled.</exception>
    public void Waive(string commitment, string reason, Actor by, Instant at)
    {
        EnsureSettleable(commitment, at);
        FreeText.Check(reason, nameof(reason), required: true);

        Raise(new CommitmentWaived(Id, commitment, DateOf(at), reason, at, Preconditions.CheckNotNull(by, nameof(by))));
    }

    /// <summary>The status of a commitment of the version in force on a date: met or waived when recorded, else late after its due date, else pending.</summary>
    /// <param name="commitment">The commitment's key.</param>
    /// <param name="date">The date.</param>
    /// <returns>The status.</returns>
    /// <exception cref="CoalitionRuleException">No such commitment.</exception>
    public CommitmentStatus CommitmentStatusOn(string commitment, LocalDate date)
    {
        var found = Commitment(commitment);
        return _settled.TryGetValue(commitment, out var settled) && settled.On <= date ? settled.Status
            : date > found.Due ? CommitmentStatus.Late
            : CommitmentStatus.Pending;
    }

    /// <summary>A party's record of commitments under the version in force, with their status on a date.</summary>
    /// <param name="party">The party.</param>
    /// <param name="date">The date.</param>
    /// <returns>Each commitment with its status, by due date.</returns>
    public IReadOnlyList<(Commitment Commitment, CommitmentStatus Status)> CommitmentsOf(PartnerId party, LocalDate date) =>
        (InForce?.Commitments ?? []).Where(c => c.Party == party).OrderBy(c => c.Due).Select(c => (c, CommitmentStatusOn(c.Key, date))).ToArray();

    /// <summary>Gives notice that a party withdraws; it is bound until the notice period has run from that date.</summary>
    /// <param name="party">The party.</param>
    /// <param name="reason">Why, if said.</param>
    /// <param name="by">A signatory of the party.</param>
    /// <param name="at">When.</param>
    /// <returns>The last day the party is bound.</returns>
    /// <exception cref="CoalitionRuleException">Not in force, not a party's signatory, or notice already given.</exception>
    public LocalDate GiveNotice(PartnerId party, string? reason, Actor by, Instant at)
    {
        Preconditions.CheckNotNull(by, nameof(by));
        Ensure(Step.GiveNotice, at);
        Signatory(party, by);
        if (_notices.ContainsKey(party))
        {
            throw new CoalitionRuleException(ErrorCodes.Agreements.InvalidTransition, $"{party} has already given notice.");
        }

        var boundUntil = DateOf(at).Plus(InForce!.Terms.NoticePeriod);
        Raise(new NoticeGiven(Id, party, boundUntil, reason, at, by));
        return boundUntil;
    }

    /// <summary>The last day a party is bound after giving notice, if it gave notice.</summary>
    /// <param name="party">The party.</param>
    /// <returns>The date, or <see langword="null"/>.</returns>
    public LocalDate? NoticeRunsUntil(PartnerId party) => _notices.TryGetValue(party, out var until) ? until : null;

    /// <summary>Terminates the agreement early.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="decision">The decision behind it, if any.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not in force or expiring, or no reason.</exception>
    public void Terminate(string reason, DecisionReference? decision, Actor by, Instant at)
    {
        Ensure(Step.Terminate, at);
        FreeText.Check(reason, nameof(reason), required: true);

        Raise(new AgreementTerminated(Id, reason, decision, at, Preconditions.CheckNotNull(by, nameof(by))));
    }

    /// <summary>Compares two versions clause by clause, in the later version's clause order, then removed clauses.</summary>
    /// <param name="from">The earlier version's number.</param>
    /// <param name="to">The later version's number.</param>
    /// <returns>One entry per clause key in either version.</returns>
    /// <exception cref="CoalitionRuleException">No such version.</exception>
    public IReadOnlyList<ClauseChange> Compare(int from, int to)
    {
        var before = VersionNumbered(from).Clauses.ToDictionary(c => c.Key, StringComparer.Ordinal);
        var after = VersionNumbered(to).Clauses;
        var changes = after.Select(c => before.TryGetValue(c.Key, out var old)
                ? new ClauseChange(c.Key, old == c ? ClauseChangeKind.Unchanged : ClauseChangeKind.Changed, old, c)
                : new ClauseChange(c.Key, ClauseChangeKind.Added, null, c))
            .ToList();
        var kept = after.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        changes.AddRange(VersionNumbered(from).Clauses.Where(c => !kept.Contains(c.Key)).Select(c => new ClauseChange(c.Key, ClauseChangeKind.Removed, c, null)));
        return changes;
    }

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is AgreementDrafted;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => null;

    /// <inheritdoc />
    protected override void Apply(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case AgreementDrafted e:
                Id = e.Agreement;
                Coalition = e.Coalition;
                Type = e.Type;
                Title = e.Title;
                AmendmentsNeedDecision = e.AmendmentsNeedDecision;
                foreach (var party in e.Parties)
                {
                    _parties[party.Partner] = party;
                }

                _versions.Add(e.Version);
                _recorded = AgreementStatus.Draft;
                break;
            case AgreementRevised e:
                if (e.Version.Number == _versions[^1].Number)
                {
                    _versions[^1] = e.Version;
                }
                else
                {
                    _versions.Add(e.Version);
                }

                break;
            case AgreementCirculated:
                _recorded = AgreementStatus.Circulating;
                break;
            case AgreementSigned e:
                _signatures.Add(new Signature(e.Version, e.Party, e.Person, e.At));
                break;
            case AgreementEnteredIntoForce e:
                InForce = _versions.Single(v => v.Number == e.Version);
                _recorded = AgreementStatus.InForce;
                break;
            case AmendmentProposed e:
                _versions.Add(e.Version);
                break;
            case CommitmentFulfilled e:
                _settled[e.Commitment] = (CommitmentStatus.Met, e.On, e.Note);
                break;
            case CommitmentWaived e:
                _settled[e.Commitment] = (CommitmentStatus.Waived, e.On, e.Reason);
                break;
            case NoticeGiven e:
                _notices[e.Party] = e.BoundUntil;
                break;
            case AgreementTerminated:
                _recorded = AgreementStatus.Terminated;
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }

    private static AgreementVersion Copy(AgreementText text, int number, DecisionReference? decision) =>
        new(number, text.Clauses.ToArray(), text.Commitments.ToArray(), text.Terms, decision);

    // Agreements keep calendar dates in UTC: parties may sit in different time zones.
    private static LocalDate DateOf(Instant at) => at.InUtc().Date;

    private AgreementVersion VersionNumbered(int number) =>
        number >= 1 && number <= _versions.Count
            ? _versions[number - 1]
            : throw new CoalitionRuleException(ErrorCodes.Agreements.UnknownVersion, $"'{Title}' has versions 1 to {_versions.Count}; there is no version {number}.");

    private Commitment Commitment(string key) =>
        InForce?.Commitments.FirstOrDefault(c => c.Key == key)
        ?? throw new CoalitionRuleException(ErrorCodes.Agreements.UnknownCommitment, $"'{key}' is not a commitment of the version of '{Title}' in force.");

    private PersonId Signatory(PartnerId party, Actor by)
    {
        if (!_parties.TryGetValue(party, out var found))
        {
            throw new CoalitionRuleException(ErrorCodes.Agreements.NotAParty, $"{party} is not a party to '{Title}'.");
        }

        return by.Person is { } person && found.Signatories.Contains(person)
            ? person
            : throw new CoalitionRuleException(ErrorCodes.Agreements.NotASignatory, $"{by} may not sign for {party}.");
    }

    private void EnsureSettleable(string commitment, Instant at)
    {
        Ensure(Step.Settle, at);
        Commitment(commitment);
        if (_settled.TryGetValue(commitment, out var settled))
        {
            throw new CoalitionRuleException(ErrorCodes.Agreements.CommitmentSettled, $"Commitment '{commitment}' is already {settled.Status}.");
        }
    }

    private void Ensure(Step step, Instant at)
    {
        _checkedOn = DateOf(at);
        if (!Machine.CanFire(step))
        {
            throw new CoalitionRuleException(ErrorCodes.Agreements.InvalidTransition, $"'{Title}' is {StatusOn(_checkedOn)} on {_checkedOn}; it cannot {step.ToString().ToLowerInvariant()} now.");
        }
    }

    // The machine's state is the status on the date being checked; it is consulted, never fired.
    private StateMachine<AgreementStatus, Step> BuildMachine()
    {
        var machine = new StateMachine<AgreementStatus, Step>(() => StatusOn(_checkedOn), _ => { });
        var amendable = new Func<bool>(() => _versions.Count == 0 || Latest.Number == InForce?.Number);
        var amending = new Func<bool>(() => _versions.Count > 0 && InForce is not null && Latest.Number > InForce.Number);
        machine.Configure(AgreementStatus.Draft)
            .PermitReentry(Step.Revise)
            .Permit(Step.Circulate, AgreementStatus.Circulating);
        var allSigned = new Func<bool>(() => _versions.Count > 0 && _parties.Keys.All(p => _signatures.Any(s => s.Version == Latest.Number && s.Party == p)));
        machine.Configure(AgreementStatus.Circulating)
            .PermitReentry(Step.Revise)
            .PermitReentry(Step.Sign)
            .PermitIf(Step.AllSigned, AgreementStatus.InForce, allSigned, "every party has signed")
            .Permit(Step.Terminate, AgreementStatus.Terminated);
        foreach (var live in new[] { AgreementStatus.InForce, AgreementStatus.Expiring })
        {
            machine.Configure(live)
                .PermitReentryIf(Step.Amend, amendable, "no amendment is already being signed")
                .PermitReentryIf(Step.Sign, amending, "an amendment awaits signatures")
                .PermitReentryIf(Step.AllSigned, () => amending() && allSigned(), "every party has signed the amendment")
                .PermitReentry(Step.Settle)
                .PermitReentry(Step.GiveNotice)
                .Permit(Step.Terminate, AgreementStatus.Terminated);
        }

        machine.Configure(AgreementStatus.InForce).Permit(Step.Lapse, AgreementStatus.Expiring);
        machine.Configure(AgreementStatus.Expiring).Permit(Step.Lapse, AgreementStatus.Expired);
        machine.Configure(AgreementStatus.Expired).PermitReentry(Step.Settle);
        machine.Configure(AgreementStatus.Terminated);
        return machine;
    }
}
