using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using NodaTime;
using Stateless;
using Stateless.Graph;
using CoalitionAggregate = Coalitions.Core.Coalitions.Coalition;

namespace Coalitions.Core.Agreements;

/// <summary>Where an agreement is in its life.</summary>
public enum AgreementStatus
{
    /// <summary>Being written; the drafting party may revise it.</summary>
    Draft = 1,

    /// <summary>Circulating for signature.</summary>
    Circulating = 2,

    /// <summary>Signed by every party, but its first day is still to come (computed from dates).</summary>
    Signed = 7,

    /// <summary>Signed by every party and in force: on or after its first day, before its notice period runs to its end.</summary>
    InForce = 3,

    /// <summary>In force, within the notice period before its last day (computed from dates).</summary>
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
/// <para>Lifecycle: Draft → Circulating → Signed → InForce → Expiring → Expired, or Terminated. When every party has
/// signed, the version binds them; the agreement is in force from the first day of its terms (before that day it is
/// signed but not yet in force). Changing the text after the first signature starts a new version and voids the
/// earlier signatures. An amendment is a new version that every party signs again (citing an adopted decision where
/// the rule book requires one) and keeps the agreement's first day; the current version binds until then. Signed,
/// InForce, Expiring and Expired are told apart by the dates, never recorded.</para>
/// <para>Who may act: a representative of a party drafts; the drafting party revises and circulates; each party signs,
/// gives notice and proposes amendments through its own signatories, acting for it; a commitment is recorded as met by
/// a signatory of the committed party or of a party it is owed to, and waived only by a party it is owed to (with an
/// adopted decision where it is owed to several); an agreement that binds its parties is terminated only citing an
/// adopted decision. <c>docs/authorization.md</c> lists every command.</para>
/// <para>Parties are members of the coalition, unless marked as outside partners when drafted.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class Agreement : AggregateRoot<AgreementId>
{
    private static readonly Permissions<Agreement, Acting> Who = new(
        nameof(Agreement),
        static (agreement, acting, partner) => agreement._parties.TryGetValue(partner, out var party) ? party.Name
            : acting.Coalition is { } coalition && coalition.TryGetMembership(partner, out var member) ? member.Name : null,
        static (_, acting, person) => acting.Coalition?.Coordinators.FirstOrDefault(c => c.Person == person)?.Name);
    private static readonly Role<Agreement, Acting> PartyRepresentative = Who.Role(
        "a representative of one of its parties, acting for it (a signatory the draft names for that party, or the party's delegate in the coalition)",
        static (_, by, acting) => RepresentsAPartyOf(acting.Draft, acting.Coalition, by));
    private static readonly Role<Agreement, Acting> OfTheDraftingParty = Who.Role(
        "the drafting party, through the person who drafted the agreement or one of the party's signatories, acting for it",
        static (agreement, by, _) => agreement.DraftingParty is { } party && by.Kind == ActorKind.Person && by.OnBehalfOf == party &&
                                     (by.Person == agreement._drafter || agreement.IsSignatory(by, party)));
    private static readonly Role<Agreement, Acting> SignatoryOfAnUnclaimedDraft = Who.Role(
        "a signatory of any party, acting for it, where the agreement was drafted in no party's name",
        static (agreement, by, _) => agreement.DraftingParty is null && agreement.IsSignatoryOfAParty(by));
    private static readonly Role<Agreement, Acting> SignatoryOfTheParty = Who.Role(
        "a signatory of the party concerned, acting for it",
        static (agreement, by, acting) => acting.Party is { } party && agreement.IsSignatory(by, party));
    private static readonly Role<Agreement, Acting> SignatoryOfAParty = Who.Role(
        "a signatory of a party, acting for it",
        static (agreement, by, _) => agreement.IsSignatoryOfAParty(by));
    private static readonly Role<Agreement, Acting> SignatoryOfTheCommittedParty = Who.Role(
        "a signatory of the committed party, acting for it",
        static (agreement, by, acting) => acting.Commitment is { } commitment && agreement.IsSignatory(by, commitment.Party));
    private static readonly Role<Agreement, Acting> SignatoryOfABeneficiary = Who.Role(
        "a signatory of a party the commitment is owed to (any party but the committed one), acting for it",
        static (agreement, by, acting) => agreement.IsSignatoryOfAParty(by) && by.OnBehalfOf != acting.Commitment?.Party);

    private static readonly Command<Agreement, Acting> DraftCommand = Who.Command(nameof(Draft), ErrorCodes.Agreements.NotAParty, PartyRepresentative);
    private static readonly Command<Agreement, Acting> ReviseCommand = Who.Command(nameof(Revise), ErrorCodes.Agreements.NotTheDrafter, OfTheDraftingParty, SignatoryOfAnUnclaimedDraft);
    private static readonly Command<Agreement, Acting> CirculateCommand = Who.Command(nameof(Circulate), ErrorCodes.Agreements.NotTheDrafter, OfTheDraftingParty, SignatoryOfAnUnclaimedDraft);
    private static readonly Command<Agreement, Acting> SignCommand = Who.Command(nameof(Sign), ErrorCodes.Agreements.NotASignatory, SignatoryOfTheParty);
    private static readonly Command<Agreement, Acting> ProposeAmendmentCommand = Who.Command(nameof(ProposeAmendment), ErrorCodes.Agreements.NotASignatory, SignatoryOfAParty);
    private static readonly Command<Agreement, Acting> RecordFulfilmentCommand = Who.Command(nameof(RecordFulfilment), ErrorCodes.Agreements.NotASignatory, SignatoryOfTheCommittedParty, SignatoryOfABeneficiary);
    private static readonly Command<Agreement, Acting> WaiveCommand = Who.Command(nameof(Waive), ErrorCodes.Agreements.NotABeneficiary, SignatoryOfABeneficiary);
    private static readonly Command<Agreement, Acting> GiveNoticeCommand = Who.Command(nameof(GiveNotice), ErrorCodes.Agreements.NotASignatory, SignatoryOfTheParty);
    private static readonly Command<Agreement, Acting> TerminateCommand = Who.Command(nameof(Terminate), ErrorCodes.Agreements.NotASignatory, SignatoryOfAParty);

    private readonly List<AgreementVersion> _versions = [];
    private readonly List<Signature> _signatures = [];
    private readonly Dictionary<PartnerId, AgreementParty> _parties = [];
    private readonly HashSet<PartnerId> _signedLatest = [];
    private readonly Dictionary<string, (CommitmentStatus Status, LocalDate On, string? Note)> _settled = new(StringComparer.Ordinal);
    private readonly Dictionary<PartnerId, LocalDate> _notices = [];
    private StateMachine<AgreementStatus, Step>? _machine;
    private AgreementStatus _recorded = AgreementStatus.Draft;
    private PersonId? _drafter;
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
        Begin,
        Lapse,
        AllSigned,
    }

    /// <summary>Gets the coalition it belongs to.</summary>
    public CoalitionId Coalition { get; private set; }

    /// <summary>Gets its type.</summary>
    public AgreementType Type { get; private set; }

    /// <summary>Gets its title.</summary>
    public string Title { get; private set; } = string.Empty;

    /// <summary>Gets the parties, in the order the draft named them.</summary>
    public IReadOnlyCollection<AgreementParty> Parties => _parties.Values;

    /// <summary>Gets the party that drafted it and holds the pen until it is signed; <see langword="null"/> when it was drafted in no party's name.</summary>
    public PartnerId? DraftingParty { get; private set; }

    /// <summary>Gets whether amendments need an adopted decision of the coalition to amend an agreement.</summary>
    public bool AmendmentsNeedDecision { get; private set; }

    /// <summary>Gets every version, oldest first.</summary>
    public IReadOnlyList<AgreementVersion> Versions => _versions;

    /// <summary>Gets the latest version (binding, or being signed).</summary>
    public AgreementVersion Latest => _versions[^1];

    /// <summary>Gets the version that binds the parties (the one every party signed last), if any; <see cref="StatusOn"/> tells whether it is in force yet.</summary>
    public AgreementVersion? InForce { get; private set; }

    /// <summary>Gets every signature, including voided ones.</summary>
    public IReadOnlyList<Signature> Signatures => _signatures;

    /// <summary>
    /// Gets the status as recorded: <see cref="AgreementStatus.Draft"/>, <see cref="AgreementStatus.Circulating"/>,
    /// <see cref="AgreementStatus.Signed"/> (every party has signed) or <see cref="AgreementStatus.Terminated"/>.
    /// <see cref="StatusOn"/> adds what the dates decide: in force from its first day, expiring, expired.
    /// </summary>
    public AgreementStatus RecordedStatus => _recorded;

    private StateMachine<AgreementStatus, Step> Machine => _machine ??= BuildMachine();

    private bool AwaitsSignatures => _recorded == AgreementStatus.Circulating || (_recorded == AgreementStatus.Signed && Latest.Number > InForce!.Number);

    /// <summary>Drafts an agreement among partners of a coalition.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="draft">Its parties, text and terms.</param>
    /// <param name="coalition">The coalition it belongs to: every party not marked as an outside partner is an active member of it on the day of drafting, and no active member is marked as one.</param>
    /// <param name="by">A representative of one of its parties, acting for it: a signatory the draft names for that party, or the party's delegate in the coalition. That party becomes the drafting party.</param>
    /// <param name="at">When it is drafted, in the years 1900 to 2999.</param>
    /// <returns>The agreement, in draft.</returns>
    /// <exception cref="CoalitionRuleException">
    /// <paramref name="by"/> represents no party (<c>Agreements.NotAParty</c>) or is missing (<c>Kernel.ActorRequired</c>);
    /// an empty id (<c>Kernel.EmptyId</c>); an invalid draft (<c>Agreements.InvalidAgreement</c>, <c>Kernel.InvalidText</c>,
    /// <c>Kernel.InvalidInput</c>, <c>Kernel.OutOfRange</c>, <c>Kernel.InvalidPeriod</c>); a commitment by a partner that
    /// is not a party (<c>Agreements.NotAParty</c>); a party whose membership does not match its marking (<c>Agreements.OutsideParty</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// var mou = Agreement.Draft(AgreementId.New(), new AgreementDraft(
    ///     AgreementType.MemorandumOfUnderstanding, "Reading campaign MoU",
    ///     [new AgreementParty(libraries, "Community Libraries", [amina]), new AgreementParty(schools, "Schools Network", [baraka])],
    ///     text), coalition, Actor.Representing(amina, libraries), now);
    /// </code>
    /// </example>
    public static Agreement Draft(AgreementId id, AgreementDraft draft, CoalitionAggregate coalition, Actor by, Instant at)
    {
        var agreement = new Agreement();
        DraftCommand.Authorize(agreement, by, at, new Acting(Draft: draft, Coalition: coalition), "a new agreement");
        Ensure.Id(id, nameof(id));
        Ensure.NotNull(coalition, nameof(coalition));
        AgreementDraftValidator.Instance.EnsureValid(draft);
        var title = draft.Title.Trim();
        var parties = draft.Parties.Select(p => p with { Name = p.Name.Trim(), Signatories = p.Signatories.ToArray() }).ToArray();
        var version = NewVersion(draft.Text, 1, null, parties.ToDictionary(p => p.Partner), title);
        CheckMembership(parties, coalition, at, title);
        agreement.Raise(new AgreementDrafted(id, coalition.Id, draft.Type, title, parties, version, draft.AmendmentsNeedDecision, at, by));
        return agreement;
    }

    /// <summary>Rebuilds an agreement from its events, checking that they form its history.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The agreement.</returns>
    /// <exception cref="StoredEventException">The events are not the history of one agreement (<c>Kernel.CorruptHistory</c>).</exception>
    public static Agreement Rehydrate(IEnumerable<IDomainEvent> history)
    {
        return Rebuild(new Agreement(), history);
    }

    /// <summary>The agreement lifecycle as a Mermaid state diagram, generated from the state machine.</summary>
    /// <returns>The diagram text.</returns>
    public static string LifecycleDiagram() => MermaidGraph.Format(new Agreement().Machine.GetInfo());

    /// <summary>
    /// The status on a date: an agreement every party has signed is signed (not yet in force) before its first day,
    /// in force from then, expiring within its notice period before its last day, and expired after it.
    /// </summary>
    /// <param name="date">The date.</param>
    /// <returns>The status.</returns>
    public AgreementStatus StatusOn(LocalDate date)
    {
        if (_recorded != AgreementStatus.Signed || InForce is not { Terms: var terms })
        {
            return _recorded;
        }

        date = Iso(date);
        if (date < terms.EffectiveFrom)
        {
            return AgreementStatus.Signed;
        }

        if (terms.EffectiveUntil is not { } until)
        {
            return AgreementStatus.InForce;
        }

        // Terms hold dates from 1900 and notice periods of at most 100 years, so the subtraction stays in NodaTime's range.
        return date > until ? AgreementStatus.Expired
            : date > until.Minus(terms.NoticePeriod) ? AgreementStatus.Expiring
            : AgreementStatus.InForce;
    }

    /// <summary>
    /// Revises the text before every party has signed. Before anyone has signed, the current version changes; after the
    /// first signature, the revision is a new version and the earlier signatures are void.
    /// </summary>
    /// <param name="text">The new text and terms; each commitment by a party.</param>
    /// <param name="by">The drafting party, through the person who drafted the agreement or one of its signatories, acting for it.</param>
    /// <param name="at">When it is revised, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not the drafting party (<c>Agreements.NotTheDrafter</c>), an invalid text (<c>Agreements.InvalidAgreement</c> and the
    /// kernel's input codes), a commitment by a partner that is not a party (<c>Agreements.NotAParty</c>), or already signed
    /// by every party (<c>Agreements.InvalidTransition</c>).
    /// </exception>
    public void Revise(AgreementText text, Actor by, Instant at)
    {
        ReviseCommand.Authorize(this, by, at, default, Title);
        EnsureStep(Step.Revise, at);
        var version = NewVersion(text, _signedLatest.Count > 0 ? Latest.Number + 1 : Latest.Number, null, _parties, Title);
        Raise(new AgreementRevised(Id, version, at, by));
    }

    /// <summary>Circulates the draft for signature.</summary>
    /// <param name="by">The drafting party, through the person who drafted the agreement or one of its signatories, acting for it.</param>
    /// <param name="at">When it is circulated, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">Not the drafting party (<c>Agreements.NotTheDrafter</c>), or not a draft (<c>Agreements.InvalidTransition</c>).</exception>
    /// <example>
    /// <code>
    /// mou.Circulate(Actor.Representing(amina, libraries), now);
    /// </code>
    /// </example>
    public void Circulate(Actor by, Instant at)
    {
        CirculateCommand.Authorize(this, by, at, default, Title);
        EnsureStep(Step.Circulate, at);
        Raise(new AgreementCirculated(Id, Latest.Number, at, by));
    }

    /// <summary>
    /// Signs the latest version for a party. The signature that completes a version records, with it, that the version
    /// binds every party; the agreement is in force from the first day of its terms.
    /// </summary>
    /// <param name="party">The party signing.</param>
    /// <param name="by">A signatory of that party, acting for it.</param>
    /// <param name="at">When it signs, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a signatory of the party acting for it (<c>Agreements.NotASignatory</c>), nothing awaits signatures
    /// (<c>Agreements.InvalidTransition</c>), or the party has signed this version (<c>Agreements.AlreadySigned</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// mou.Sign(schools, Actor.Representing(baraka, schools), now);   // the last signature brings it into force
    /// </code>
    /// </example>
    public void Sign(PartnerId party, Actor by, Instant at)
    {
        SignCommand.Authorize(this, by, at, new Acting(Party: party), Title);
        Ensure.Id(party, nameof(party));
        EnsureStep(Step.Sign, at);
        if (_signedLatest.Contains(party))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Agreements.AlreadySigned, "{party} has already signed version {version} of '{title}'.", ("party", NameOf(party)), ("version", Latest.Number), ("title", Title));
        }

        var signed = new AgreementSigned(Id, Latest.Number, party, by.Person!.Value, at, by);
        if (_signedLatest.Count + 1 == _parties.Count)
        {
            Raise(signed, new AgreementEnteredIntoForce(Id, Latest.Number, at, by));
        }
        else
        {
            Raise(signed);
        }
    }

    /// <summary>
    /// Proposes an amendment to an agreement every party has signed: a new version that every party must sign before
    /// it replaces the current one. It keeps the agreement's first day. Where the rule book requires it, it cites an
    /// adopted decision of the coalition to amend an agreement.
    /// </summary>
    /// <param name="text">The amended text and terms; the same first day; each commitment by a party.</param>
    /// <param name="decision">The adopted decision, where required; taken no later than <paramref name="at"/>.</param>
    /// <param name="by">A signatory of a party, acting for it.</param>
    /// <param name="at">When it is proposed, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a signatory (<c>Agreements.NotASignatory</c>); not signed, expired, terminated or already being amended
    /// (<c>Agreements.InvalidTransition</c>); an invalid text or a different first day (<c>Agreements.InvalidAgreement</c>);
    /// a required or cited decision that does not authorize it (<c>Coalitions.DecisionRequired</c>).
    /// </exception>
    public void ProposeAmendment(AgreementText text, DecisionReference? decision, Actor by, Instant at)
    {
        ProposeAmendmentCommand.Authorize(this, by, at, default, Title);
        EnsureStep(Step.Amend, at);
        DecisionReference.CheckTakenBefore(decision, at);
        var version = NewVersion(text, Latest.Number + 1, decision, _parties, Title);
        var from = InForce!.Terms.EffectiveFrom;
        if (version.Terms.EffectiveFrom != from)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Agreements.InvalidAgreement, "An amendment of '{title}' keeps its first day, {from}; to start on {proposed}, terminate it and draft a new agreement.", ("title", Title), ("from", from), ("proposed", version.Terms.EffectiveFrom));
        }

        if (AmendmentsNeedDecision && decision?.Authorizes(Coalition, MatterType.AmendAgreement) != true)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.DecisionRequired, "Amending '{title}' needs an adopted decision of the coalition to amend an agreement.", ("title", Title));
        }

        Raise(new AmendmentProposed(Id, version, at, by));
    }

    /// <summary>Records that a commitment of the binding version was met.</summary>
    /// <param name="commitment">The commitment's key.</param>
    /// <param name="on">The date it was met, from 1900 to 2999.</param>
    /// <param name="note">A note, if any: at most 2,000 characters.</param>
    /// <param name="by">A signatory of the committed party, or of a party the commitment is owed to, acting for it.</param>
    /// <param name="at">When it is recorded, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a signatory of a party (<c>Agreements.NotASignatory</c>); not signed by every party, or terminated
    /// (<c>Agreements.InvalidTransition</c>); no such commitment (<c>Agreements.UnknownCommitment</c>); already met or
    /// waived (<c>Agreements.CommitmentSettled</c>); a date or note out of bounds.
    /// </exception>
    public void RecordFulfilment(string commitment, LocalDate on, string? note, Actor by, Instant at)
    {
        RecordFulfilmentCommand.Authorize(this, by, at, new Acting(Commitment: Find(commitment)), Title);
        EnsureStep(Step.Settle, at);
        var settled = Settleable(commitment);
        Ensure.Date(on, nameof(on));
        FreeText.Check(note, nameof(note), required: false);
        Raise(new CommitmentFulfilled(Id, settled.Key, on, FreeText.Kept(note), at, by));
    }

    /// <summary>
    /// Waives a commitment of the binding version: a party it is owed to releases the committed party. Where it is owed to
    /// more than one party (an agreement of three or more parties), one of them waives it only with an adopted decision
    /// of the coalition to amend an agreement; otherwise every party releases itself by amending the agreement.
    /// </summary>
    /// <param name="commitment">The commitment's key.</param>
    /// <param name="reason">Why: at most 2,000 characters.</param>
    /// <param name="decision">The adopted decision, where the commitment is owed to several parties; taken no later than <paramref name="at"/>.</param>
    /// <param name="by">A signatory of a party the commitment is owed to (any party but the committed one), acting for it.</param>
    /// <param name="at">When it is waived, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a signatory of a party it is owed to (<c>Agreements.NotABeneficiary</c>); not signed by every party, or terminated
    /// (<c>Agreements.InvalidTransition</c>); no such commitment (<c>Agreements.UnknownCommitment</c>); already settled
    /// (<c>Agreements.CommitmentSettled</c>); no reason (<c>Kernel.InvalidText</c>); a required decision missing (<c>Coalitions.DecisionRequired</c>).
    /// </exception>
    public void Waive(string commitment, string reason, DecisionReference? decision, Actor by, Instant at)
    {
        WaiveCommand.Authorize(this, by, at, new Acting(Commitment: Find(commitment)), Title);
        EnsureStep(Step.Settle, at);
        var settled = Settleable(commitment);
        FreeText.Check(reason, nameof(reason), required: true);
        DecisionReference.CheckTakenBefore(decision, at);
        if (_parties.Count > 2 && decision?.Authorizes(Coalition, MatterType.AmendAgreement) != true)
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Coalitions.DecisionRequired,
                "Commitment '{commitment}' of {party} is owed to {owed} parties of '{title}'; one of them waives it only with an adopted decision of the coalition to amend an agreement.",
                ("commitment", settled.Key),
                ("party", NameOf(settled.Party)),
                ("owed", _parties.Count - 1),
                ("title", Title));
        }

        Raise(new CommitmentWaived(Id, settled.Key, DateOf(at), reason.Trim(), at, by, decision));
    }

    /// <summary>The status of a commitment of the binding version on a date: met or waived when recorded, else late after its due date, else pending.</summary>
    /// <param name="commitment">The commitment's key.</param>
    /// <param name="date">The date.</param>
    /// <returns>The status.</returns>
    /// <exception cref="CoalitionRuleException">No such commitment (<c>Agreements.UnknownCommitment</c>).</exception>
    public CommitmentStatus CommitmentStatusOn(string commitment, LocalDate date)
    {
        var found = Find(commitment) ?? throw NoCommitment(commitment);
        date = Iso(date);
        return _settled.TryGetValue(found.Key, out var settled) && settled.On <= date ? settled.Status
            : date > found.Due ? CommitmentStatus.Late
            : CommitmentStatus.Pending;
    }

    /// <summary>A party's record of commitments under the binding version, with their status on a date.</summary>
    /// <param name="party">The party.</param>
    /// <param name="date">The date.</param>
    /// <returns>Each commitment with its status, by due date.</returns>
    public IReadOnlyList<CommitmentStanding> CommitmentsOf(PartnerId party, LocalDate date) =>
        (InForce?.Commitments ?? []).Where(c => c.Party == party).OrderBy(c => c.Due).Select(c => new CommitmentStanding(c, CommitmentStatusOn(c.Key, date))).ToArray();

    /// <summary>Gives notice that a party withdraws; it is bound until the notice period has run from that date.</summary>
    /// <param name="party">The party leaving.</param>
    /// <param name="reason">Why, if said: at most 2,000 characters.</param>
    /// <param name="by">A signatory of the party leaving, acting for it.</param>
    /// <param name="at">When notice is given, in the years 1900 to 2999.</param>
    /// <returns>The last day the party is bound.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not a signatory of the party (<c>Agreements.NotASignatory</c>); not signed by every party, expired or terminated,
    /// or notice already given (<c>Agreements.InvalidTransition</c>); the notice would run past 2999 (<c>Kernel.OutOfRange</c>).
    /// </exception>
    public LocalDate GiveNotice(PartnerId party, string? reason, Actor by, Instant at)
    {
        GiveNoticeCommand.Authorize(this, by, at, new Acting(Party: party), Title);
        Ensure.Id(party, nameof(party));
        EnsureStep(Step.GiveNotice, at);
        if (_notices.TryGetValue(party, out var bound))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Agreements.InvalidTransition, "{party} has already given notice to leave '{title}'; it is bound until {until}.", ("party", NameOf(party)), ("title", Title), ("until", bound));
        }

        FreeText.Check(reason, nameof(reason), required: false);
        var boundUntil = Ensure.Plus(DateOf(at), InForce!.Terms.NoticePeriod, "last day bound");
        Raise(new NoticeGiven(Id, party, boundUntil, FreeText.Kept(reason), at, by));
        return boundUntil;
    }

    /// <summary>The last day a party is bound after giving notice, if it gave notice.</summary>
    /// <param name="party">The party.</param>
    /// <returns>The date, or <see langword="null"/>.</returns>
    public LocalDate? NoticeRunsUntil(PartnerId party) => _notices.TryGetValue(party, out var until) ? until : null;

    /// <summary>
    /// Terminates the agreement early. A circulating agreement binds nobody yet, and any party may end it; once every
    /// party has signed, termination cites an adopted decision of the coalition to amend an agreement or to dissolve
    /// (the parties together end it instead by amending its last day).
    /// </summary>
    /// <param name="reason">Why: at most 2,000 characters.</param>
    /// <param name="decision">The adopted decision, required once every party has signed; taken no later than <paramref name="at"/>.</param>
    /// <param name="by">A signatory of a party, acting for it.</param>
    /// <param name="at">When it ends, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a signatory (<c>Agreements.NotASignatory</c>); a draft, expired or already terminated (<c>Agreements.InvalidTransition</c>);
    /// no reason (<c>Kernel.InvalidText</c>); a required decision missing (<c>Coalitions.DecisionRequired</c>).
    /// </exception>
    public void Terminate(string reason, DecisionReference? decision, Actor by, Instant at)
    {
        TerminateCommand.Authorize(this, by, at, default, Title);
        EnsureStep(Step.Terminate, at);
        FreeText.Check(reason, nameof(reason), required: true);
        DecisionReference.CheckTakenBefore(decision, at);
        if (_recorded == AgreementStatus.Signed && decision?.Authorizes(Coalition, MatterType.AmendAgreement) != true && decision?.Authorizes(Coalition, MatterType.Dissolve) != true)
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Coalitions.DecisionRequired,
                "'{title}' binds its parties; terminating it needs an adopted decision of the coalition to amend an agreement or to dissolve, or the parties amend its last day together.",
                ("title", Title));
        }

        Raise(new AgreementTerminated(Id, reason.Trim(), decision, at, by));
    }

    /// <summary>Compares two versions clause by clause, in the later version's clause order, then removed clauses.</summary>
    /// <param name="from">The earlier version's number.</param>
    /// <param name="to">The later version's number.</param>
    /// <returns>One entry per clause key in either version.</returns>
    /// <exception cref="CoalitionRuleException">No such version (<c>Agreements.UnknownVersion</c>).</exception>
    public IReadOnlyList<ClauseChange> Compare(int from, int to)
    {
        var earlier = VersionNumbered(from).Clauses;
        var after = VersionNumbered(to).Clauses;
        var before = earlier.ToDictionary(c => c.Key, StringComparer.Ordinal);
        var changes = after.Select(c => before.TryGetValue(c.Key, out var old)
                ? new ClauseChange(c.Key, old == c ? ClauseChangeKind.Unchanged : ClauseChangeKind.Changed, old, c)
                : new ClauseChange(c.Key, ClauseChangeKind.Added, null, c))
            .ToList();
        var kept = after.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        changes.AddRange(earlier.Where(c => !kept.Contains(c.Key)).Select(c => new ClauseChange(c.Key, ClauseChangeKind.Removed, c, null)));
        return changes;
    }

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is AgreementDrafted;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => domainEvent switch
    {
        AgreementDrafted e => DraftedProblem(e),
        AgreementRevised e =>
            _recorded is not (AgreementStatus.Draft or AgreementStatus.Circulating) ? "only a draft or a circulating agreement is revised." :
            !(_signedLatest.Count == 0 ? e.Version.Number == Latest.Number : e.Version.Number == Latest.Number + 1)
                ? "a revision keeps the version number before anyone signs it and takes the next one after." :
            VersionProblem(e.Version, _parties),
        AgreementCirculated e =>
            _recorded != AgreementStatus.Draft ? "only a draft is circulated." :
            e.Version != Latest.Number ? "it circulates a version other than the latest." : null,
        AgreementSigned e =>
            !AwaitsSignatures ? "no version awaits signatures." :
            e.Version != Latest.Number ? "the signature is for a version other than the one awaiting signatures." :
            !_parties.TryGetValue(e.Party, out var party) ? "the partner who signed is not a party." :
            !party.Signatories.Contains(e.Person) ? "the person who signed is not a signatory of the party." :
            _signedLatest.Contains(e.Party) ? "the party has already signed this version." : null,
        AgreementEnteredIntoForce e =>
            !AwaitsSignatures ? "no version awaits signatures." :
            e.Version != Latest.Number ? "it names a version other than the one awaiting signatures." :
            _signedLatest.Count != _parties.Count ? "not every party has signed the version." : null,
        AmendmentProposed e =>
            _recorded != AgreementStatus.Signed ? "only an agreement every party has signed is amended." :
            Latest.Number != InForce!.Number ? "an amendment already awaits signatures." :
            e.Version.Number != Latest.Number + 1 ? "the amendment does not take the next version number." :
            e.Version.Terms.EffectiveFrom != InForce.Terms.EffectiveFrom ? "the amendment moves the agreement's first day." :
            VersionProblem(e.Version, _parties),
        CommitmentFulfilled e => SettlementProblem(e.Commitment),
        CommitmentWaived e => SettlementProblem(e.Commitment),
        NoticeGiven e =>
            _recorded != AgreementStatus.Signed ? "notice is given only under an agreement every party has signed." :
            !_parties.ContainsKey(e.Party) ? "the partner giving notice is not a party." :
            _notices.ContainsKey(e.Party) ? "the party has already given notice." : null,
        AgreementTerminated =>
            _recorded is not (AgreementStatus.Circulating or AgreementStatus.Signed) ? "only a circulating or signed agreement is terminated." : null,
        _ => null,
    };

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

                // The person who drafted, acting for a party, holds the pen for that party.
                if (e.By.OnBehalfOf is { } drafting && _parties.ContainsKey(drafting))
                {
                    DraftingParty = drafting;
                    _drafter = e.By.Person;
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
                    _signedLatest.Clear();
                }

                break;
            case AgreementCirculated:
                _recorded = AgreementStatus.Circulating;
                break;
            case AgreementSigned e:
                _signatures.Add(new Signature(e.Version, e.Party, e.Person, e.At));
                _signedLatest.Add(e.Party);
                break;
            case AgreementEnteredIntoForce:
                InForce = _versions[^1];
                _recorded = AgreementStatus.Signed;
                break;
            case AmendmentProposed e:
                _versions.Add(e.Version);
                _signedLatest.Clear();
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

    // Whether the actor is a person acting for a party of the draft who may represent it there: a signatory the draft
    // names for it, or its delegate in the coalition. Runs before the draft is validated, so it reads defensively.
    private static bool RepresentsAPartyOf(AgreementDraft? draft, CoalitionAggregate? coalition, Actor by)
    {
        if (by.Kind != ActorKind.Person || by.Person is not { } person || by.OnBehalfOf is not { } partner || draft?.Parties is not { } parties)
        {
            return false;
        }

        foreach (var party in parties)
        {
            if (party is null || party.Partner != partner)
            {
                continue;
            }

            if (party.Signatories?.Contains(person) == true)
            {
                return true;
            }

            if (!party.Outside && coalition is not null && coalition.TryGetMembership(partner, out var membership) && membership.Delegates.Contains(person))
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckMembership(IReadOnlyList<AgreementParty> parties, CoalitionAggregate coalition, Instant at, string title)
    {
        // Membership terms are kept in the coalition's time zone.
        var on = at.InZone(coalition.TimeZone).Date;
        foreach (var party in parties)
        {
            var member = coalition.TryGetMembership(party.Partner, out var membership) && membership.StatusOn(on) == MembershipStatus.Active;
            if (!party.Outside && !member)
            {
                throw CoalitionRuleException.Because(
                    ErrorCodes.Agreements.OutsideParty,
                    "{party} is not an active member of {coalition} on {date}; to make it a party to '{title}', mark it as an outside partner.",
                    ("party", party.Name),
                    ("coalition", coalition.Name),
                    ("date", on),
                    ("title", title),
                    ("partner", party.Partner));
            }

            if (party.Outside && member)
            {
                throw CoalitionRuleException.Because(
                    ErrorCodes.Agreements.OutsideParty,
                    "{party} is an active member of {coalition}; it is a party to '{title}' as a member, not as an outside partner.",
                    ("party", party.Name),
                    ("coalition", coalition.Name),
                    ("title", title),
                    ("partner", party.Partner));
            }
        }
    }

    // Validates a text, checks that every commitment is by a party, and copies it as a version with trimmed keys and names.
    private static AgreementVersion NewVersion(AgreementText? text, int number, DecisionReference? decision, IReadOnlyDictionary<PartnerId, AgreementParty> parties, string title)
    {
        AgreementTextValidator.Instance.EnsureValid(text);
        foreach (var commitment in text.Commitments)
        {
            if (!parties.ContainsKey(commitment.Party))
            {
                throw CoalitionRuleException.Because(
                    ErrorCodes.Agreements.NotAParty,
                    "Commitment '{commitment}' is by a partner ({partner}) that is not a party to '{title}'; the parties are {parties}.",
                    ("commitment", commitment.Key.Trim()),
                    ("partner", commitment.Party),
                    ("title", title),
                    ("parties", Words.List(parties.Values.Select(p => p.Name))));
            }
        }

        // Copies of everything kept, so no version shares an object with the caller or with another version.
        return new AgreementVersion(
            number,
            text.Clauses.Select(c => c with { Key = c.Key.Trim(), Title = c.Title.Trim() }).ToArray(),
            text.Commitments.Select(c => c with { Key = c.Key.Trim(), Description = c.Description.Trim() }).ToArray(),
            text.Terms with { },
            decision is null ? null : decision with { });
    }

    private static string? VersionProblem(AgreementVersion version, Dictionary<PartnerId, AgreementParty> parties)
    {
        if (version.Clauses.Count == 0)
        {
            return "the version has no clause.";
        }

        if (!AgreementTextValidator.Unique(version.Clauses.Select(c => c.Key)))
        {
            return "two clauses of the version share a key.";
        }

        if (!AgreementTextValidator.Unique(version.Commitments.Select(c => c.Key)))
        {
            return "two commitments of the version share a key.";
        }

        return version.Commitments.Any(c => !parties.ContainsKey(c.Party)) ? "a commitment of the version is by a partner that is not a party." : null;
    }

    private static string? DraftedProblem(AgreementDrafted e)
    {
        var parties = new Dictionary<PartnerId, AgreementParty>();
        var signatories = new HashSet<PersonId>();
        foreach (var party in e.Parties)
        {
            if (!parties.TryAdd(party.Partner, party))
            {
                return "it names a party twice.";
            }

            if (party.Signatories.Count == 0)
            {
                return "a party has no signatory.";
            }

            if (party.Signatories.Any(person => !signatories.Add(person)))
            {
                return "a person signs for two parties, or twice for one.";
            }
        }

        return parties.Count < 2 ? "an agreement has at least two parties."
            : e.Version.Number != 1 ? "the first version is number 1."
            : VersionProblem(e.Version, parties);
    }

    // Agreements keep calendar dates in UTC: parties may sit in different time zones.
    private static LocalDate DateOf(Instant at) => at.InUtc().Date;

    private static LocalDate Iso(LocalDate date) => date.Calendar == CalendarSystem.Iso ? date : date.WithCalendar(CalendarSystem.Iso);

    private static string Action(Step step) => step switch
    {
        Step.Revise => "be revised",
        Step.Circulate => "be circulated",
        Step.Sign => "be signed",
        Step.Amend => "be amended",
        Step.Settle => "have a commitment recorded as met or waived",
        Step.GiveNotice => "take notice of withdrawal",
        Step.Terminate => "be terminated",
        _ => Words.Identifier(step.ToString()),
    };

    private bool IsSignatory(Actor by, PartnerId party) =>
        by.Kind == ActorKind.Person && by.OnBehalfOf == party && by.Person is { } person &&
        _parties.TryGetValue(party, out var found) && found.Signatories.Contains(person);

    private bool IsSignatoryOfAParty(Actor by) => by.OnBehalfOf is { } party && IsSignatory(by, party);

    private string NameOf(PartnerId party) => _parties.TryGetValue(party, out var found) ? found.Name : party.ToString();

    private AgreementVersion VersionNumbered(int number)
    {
        var count = _versions.Count;
        return number >= 1 && number <= count
            ? _versions[number - 1]
            : throw CoalitionRuleException.Because(ErrorCodes.Agreements.UnknownVersion, "'{title}' has versions 1 to {count}; there is no version {number}.", ("title", Title), ("count", count), ("number", number));
    }

    // The commitment of the binding version by that key, or null; never throws, so a command can name it before checking.
    private Commitment? Find(string? key) =>
        key is null || InForce is null ? null : InForce.Commitments.FirstOrDefault(c => string.Equals(c.Key, key.Trim(), StringComparison.Ordinal));

    private CoalitionRuleException NoCommitment(string? key) =>
        CoalitionRuleException.Because(
            ErrorCodes.Agreements.UnknownCommitment,
            "'{commitment}' is not a commitment of the version of '{title}' that binds its parties.",
            ("commitment", key is not null && key.Length <= Limits.KeyLength && FreeText.IsSingleLine(key) ? key : "the key given"),
            ("title", Title));

    private Commitment Settleable(string commitment)
    {
        if (FreeText.Problem(commitment, required: true, Limits.KeyLength) is not null || !FreeText.IsSingleLine(commitment))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.InvalidText, "The commitment is named by its key: one line of at most {limit} characters.", ("limit", Limits.KeyLength));
        }

        var found = Find(commitment) ?? throw NoCommitment(commitment);
        if (_settled.TryGetValue(found.Key, out var settled))
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Agreements.CommitmentSettled,
                "Commitment '{commitment}' of {party} was already {status} on {on}.",
                ("commitment", found.Key),
                ("party", NameOf(found.Party)),
                ("status", settled.Status),
                ("on", settled.On));
        }

        return found;
    }

    private string? SettlementProblem(string commitment) =>
        _recorded != AgreementStatus.Signed ? "commitments are settled only under an agreement every party has signed." :
        Find(commitment) is not { } found ? "the commitment is not one of the binding version." :
        _settled.ContainsKey(found.Key) ? "the commitment is already settled." : null;

    private void EnsureStep(Step step, Instant at)
    {
        _checkedOn = DateOf(at);
        if (!Machine.CanFire(step, out var unmet))
        {
            var because = unmet?.Count > 0 ? ": only when " + Words.List(unmet) : string.Empty;
            throw CoalitionRuleException.Because(
                ErrorCodes.Agreements.InvalidTransition,
                "'{title}' is {article}{status} on {date}; it cannot {action} now{because}.",
                ("title", Title),
                ("article", StatusOn(_checkedOn) == AgreementStatus.Draft ? "a " : string.Empty),
                ("status", StatusOn(_checkedOn)),
                ("date", _checkedOn),
                ("action", Action(step)),
                ("because", because));
        }
    }

    // The machine's state is the status on the date being checked; it is consulted, never fired.
    private StateMachine<AgreementStatus, Step> BuildMachine()
    {
        var machine = new StateMachine<AgreementStatus, Step>(() => StatusOn(_checkedOn), _ => { });
        var amendable = new Func<bool>(() => _versions.Count == 0 || Latest.Number == InForce?.Number);
        var amending = new Func<bool>(() => _versions.Count > 0 && InForce is not null && Latest.Number > InForce.Number);
        var allSigned = new Func<bool>(() => _parties.Count > 0 && _signedLatest.Count == _parties.Count);
        machine.Configure(AgreementStatus.Draft)
            .PermitReentry(Step.Revise)
            .Permit(Step.Circulate, AgreementStatus.Circulating);
        machine.Configure(AgreementStatus.Circulating)
            .PermitReentry(Step.Revise)
            .PermitReentry(Step.Sign)
            .PermitIf(Step.AllSigned, AgreementStatus.Signed, allSigned, "every party has signed")
            .Permit(Step.Terminate, AgreementStatus.Terminated);
        foreach (var binding in new[] { AgreementStatus.Signed, AgreementStatus.InForce, AgreementStatus.Expiring })
        {
            machine.Configure(binding)
                .PermitReentryIf(Step.Amend, amendable, "no amendment is already being signed")
                .PermitReentryIf(Step.Sign, amending, "an amendment awaits signatures")
                .PermitReentryIf(Step.AllSigned, () => amending() && allSigned(), "every party has signed the amendment")
                .PermitReentry(Step.Settle)
                .PermitReentry(Step.GiveNotice)
                .Permit(Step.Terminate, AgreementStatus.Terminated);
        }

        machine.Configure(AgreementStatus.Signed).Permit(Step.Begin, AgreementStatus.InForce);
        machine.Configure(AgreementStatus.InForce).Permit(Step.Lapse, AgreementStatus.Expiring);
        machine.Configure(AgreementStatus.Expiring).Permit(Step.Lapse, AgreementStatus.Expired);
        machine.Configure(AgreementStatus.Expired).PermitReentry(Step.Settle);
        machine.Configure(AgreementStatus.Terminated);
        return machine;
    }

    /// <summary>What a command tells its authorization check: the party or commitment concerned, or the draft and its coalition.</summary>
    private readonly record struct Acting(PartnerId? Party = null, Commitment? Commitment = null, AgreementDraft? Draft = null, CoalitionAggregate? Coalition = null);
}
