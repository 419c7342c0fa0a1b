using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;
using NodaTime;
using Stateless;
using Stateless.Graph;

namespace Coalitions.Core.Decisions;

/// <summary>
/// A proposal put to a decision: drafted by a member, discussed and seconded, voted on in one or more rounds
/// under the rule book's rule (and its fallback), then closed with an explained outcome, and, when adopted,
/// implemented and reviewed. Every step is an event; every ballot stays on record.
/// </summary>
/// <remarks>
/// <para>Lifecycle: Draft → Discussion → Voting → Closed (→ Implemented), or Withdrawn. A round that fails
/// in the way the rule's fallback names opens a fallback round; before the fallback is due it returns the
/// proposal to discussion for revision. Under consent and consensus an amendment during voting starts a
/// new round. See <c>docs/diagrams/proposal-lifecycle.md</c>.</para>
/// <para>Opening voting freezes the electorate and the rule: later changes to membership or the rule book
/// never change an open proposal. Commands cost O(1) in the size of the electorate, except opening and
/// closing a round, which tally it.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed partial class Proposal : AggregateRoot<ProposalId>
{
    private const string GuardFirstVote = "it has not been put to a vote before";
    private const string GuardSeconded = "seconded by as many members as the rule book requires";
    private const string GuardRevised = "revised since its last round";
    private const string GuardMayClose = "the deadline has passed, or the rule allows closing early and everyone has voted or the outcome is settled";
    private const string GuardAmendable = "the rule decides by consent or consensus, where an amendment starts a new round";
    private const string GuardSilence = "the rule is a silence procedure, which an objection breaks";
    private const string GuardAdopted = "the proposal was adopted";

    // A refusal names the partner an actor acts for by its name in the frozen electorate, else in the electorate a
    // command passes in (seconding, before voting opens); an id only when neither knows it.
    private static readonly Permissions<Proposal, Acting> Who = new(nameof(Proposal), static (proposal, acting, partner) =>
        proposal.Electorate?.TryGetVoter(partner, out var voter) == true || acting.Members?.TryGetVoter(partner, out voter) == true ? voter!.Name : null);
    private static readonly Role<Proposal, Acting> ProposingMember = Who.Role(
        "a representative of the member who proposes it, acting for that member",
        static (_, by, acting) => by.Kind == ActorKind.Person && by.OnBehalfOf == acting.Partner);
    private static readonly Role<Proposal, Acting> ProposerRepresentative = Who.Role(
        "a representative of the proposing member, acting for it",
        static (proposal, by, _) => by.Kind == ActorKind.Person && by.OnBehalfOf == proposal.Proposer);
    private static readonly Role<Proposal, Acting> SecondingMember = Who.Role(
        "a representative of the seconding member, acting for it (one the electorate given lists)",
        static (_, by, acting) => Represents(by, acting.Partner, acting.Members));
    private static readonly Role<Proposal, Acting> VoterRepresentative = Who.Role(
        "a representative of the voter, acting for it (once voting has opened, one the frozen electorate lists)",
        static (proposal, by, acting) => Represents(by, acting.Partner, proposal._electorate));
    private static readonly Role<Proposal, Acting> ProxyHolder = Who.Role(
        "the holder of the voter's proxy (a representative of another member), acting in the voter's name",
        static (proposal, by, acting) => by.Kind == ActorKind.Person && by.OnBehalfOf == acting.Partner && by.Person is { } person &&
            proposal._proxies.TryGetValue(acting.Partner, out var proxy) && proxy.Holder == person);
    private static readonly Role<Proposal, Acting> Facilitator = Who.Role(
        "a facilitator named for the proposal",
        static (proposal, by, _) => by.Kind == ActorKind.Person && by.Person is { } person && proposal._facilitators.Contains(person));

    private static readonly Command<Proposal, Acting> DraftCommand = Who.Command(nameof(Draft), ErrorCodes.Decisions.NotTheProposer, ProposingMember);
    private static readonly Command<Proposal, Acting> ReviseCommand = Who.Command(nameof(Revise), ErrorCodes.Decisions.NotTheProposer, ProposerRepresentative);
    private static readonly Command<Proposal, Acting> SubmitCommand = Who.Command(nameof(Submit), ErrorCodes.Decisions.NotTheProposer, ProposerRepresentative);
    private static readonly Command<Proposal, Acting> SecondCommand = Who.Command(nameof(Second), ErrorCodes.Decisions.NotARepresentative, SecondingMember);
    private static readonly Command<Proposal, Acting> DeclareCommand = Who.Command(nameof(DeclareConflictOfInterest), ErrorCodes.Decisions.NotARepresentative, VoterRepresentative);
    private static readonly Command<Proposal, Acting> OpenVotingCommand = Who.Command(nameof(OpenVoting), ErrorCodes.Decisions.NotAFacilitator, Facilitator);
    private static readonly Command<Proposal, Acting> ReopenVotingCommand = Who.Command(nameof(ReopenVoting), ErrorCodes.Decisions.NotAFacilitator, Facilitator);
    private static readonly Command<Proposal, Acting> RecordAttendanceCommand = Who.Command(nameof(RecordAttendance), ErrorCodes.Decisions.NotAFacilitator, Facilitator);
    private static readonly Command<Proposal, Acting> CastBallotCommand = Who.Command(nameof(CastBallot), ErrorCodes.Decisions.NotARepresentative, VoterRepresentative, ProxyHolder);
    private static readonly Command<Proposal, Acting> GrantProxyCommand = Who.Command(nameof(GrantProxy), ErrorCodes.Decisions.NotARepresentative, VoterRepresentative);
    private static readonly Command<Proposal, Acting> RevokeProxyCommand = Who.Command(nameof(RevokeProxy), ErrorCodes.Decisions.NotARepresentative, VoterRepresentative);
    private static readonly Command<Proposal, Acting> CloseCommand = Who.Command(nameof(Close), ErrorCodes.Decisions.NotAFacilitator, Facilitator, Permissions<Proposal, Acting>.System);
    private static readonly Command<Proposal, Acting> WithdrawCommand = Who.Command(nameof(Withdraw), ErrorCodes.Decisions.NotTheProposer, ProposerRepresentative);
    private static readonly Command<Proposal, Acting> MarkImplementedCommand = Who.Command(nameof(MarkImplemented), ErrorCodes.Decisions.NotTheProposer, ProposerRepresentative, Facilitator);
    private static readonly Command<Proposal, Acting> ScheduleReviewCommand = Who.Command(nameof(ScheduleReview), ErrorCodes.Decisions.NotTheProposer, ProposerRepresentative, Facilitator);

    private readonly HashSet<PersonId> _facilitators = [];
    private readonly List<PartnerId> _seconders = [];
    private readonly HashSet<PartnerId> _secondedBy = [];
    private readonly HashSet<PartnerId> _recused = [];
    private readonly BallotStore _ballots = new();
    private readonly List<ProposalRound> _rounds = [];
    private readonly long[] _stanceCount = new long[Stances.Count];
    private readonly long[] _stanceWeight = new long[Stances.Count];
    private readonly long[] _proxyCount = new long[Stances.Count];
    private readonly long[] _proxyWeight = new long[Stances.Count];
    private readonly Dictionary<PartnerId, Proxy> _proxies = [];
    private readonly Dictionary<PersonId, int> _proxiesHeld = [];

    private StateMachine<ProposalStatus, Trigger>? _machine;
    private string? _subject;
    private StateMachine<ProposalStatus, Trigger>.TriggerWithParameters<Instant>? _closeTrigger;
    private ProposalStatus _status = ProposalStatus.Draft;
    private DecisionRule _rule = null!;
    private Electorate? _electorate;
    private TallyBasis? _basis;
    private TallyCounts? _tally;
    private PresentCounts? _presentCounts;
    private long _recusedCount;
    private long _recusedWeight;
    private IReadOnlyList<PartnerId>? _present;
    private int _stage;
    private int _roundsInStage;
    // When the open round's quorum was first reached: the instant of the ballot that brought it (null until then).
    private Instant? _quorumReachedAt;
    private bool _revisedSinceRound;

    private Proposal()
    {
    }

    private enum Trigger
    {
        Submit,
        Revise,
        Second,
        DeclareConflict,
        OpenVoting,
        Reopen,
        RecordAttendance,
        CastBallot,
        GrantProxy,
        RevokeProxy,
        Close,
        BreakSilence,
        StartFallbackRound,
        ReturnForRevision,
        Withdraw,
        MarkImplemented,
        ScheduleReview,
    }

    /// <summary>What an authorization check needs besides the actor: the member concerned and, for seconding, the electorate given.</summary>
    private readonly record struct Acting(PartnerId Partner, Electorate? Members);

    /// <summary>Gets the coalition the proposal is for.</summary>
    public CoalitionId Coalition { get; private set; }

    /// <summary>Gets what the proposal is about.</summary>
    public MatterType Matter { get; private set; }

    /// <summary>Gets the name of a custom matter.</summary>
    public string? CustomMatter { get; private set; }

    /// <summary>Gets the title.</summary>
    public string Title { get; private set; } = string.Empty;

    /// <summary>Gets the current text.</summary>
    public string Text { get; private set; } = string.Empty;

    /// <summary>Gets the current revision number, from 1.</summary>
    public int Revision { get; private set; }

    /// <summary>Gets the proposing member.</summary>
    public PartnerId Proposer { get; private set; }

    /// <summary>Gets the rule the proposal was drafted under (with its fallback, if any).</summary>
    public DecisionRule Rule => _rule;

    /// <summary>Gets the rule of the current (or last) round.</summary>
    public DecisionRule CurrentRule => _rounds.Count == 0 ? _rule : _rounds[^1].Rule;

    /// <summary>Gets how many members must second the motion before voting.</summary>
    public int SecondersRequired { get; private set; }

    /// <summary>Gets the members who seconded, in order.</summary>
    public IReadOnlyList<PartnerId> Seconders => _seconders;

    /// <summary>Gets the people who may open and close voting.</summary>
    public IReadOnlyCollection<PersonId> Facilitators => _facilitators;

    /// <summary>Gets the lifecycle status.</summary>
    public ProposalStatus Status => _status;

    /// <summary>Gets the electorate frozen when voting first opened (recused voters included; see <see cref="Recused"/>).</summary>
    public Electorate? Electorate => _electorate;

    /// <summary>Gets the members recused for a conflict of interest.</summary>
    public IReadOnlyCollection<PartnerId> Recused => _recused;

    /// <summary>Gets the current (or last) round number; 0 before voting.</summary>
    public int Round => _rounds.Count;

    /// <summary>Gets the current round's deadline.</summary>
    public Instant? Deadline => _rounds.Count == 0 ? null : _rounds[^1].Deadline;

    /// <summary>Gets the ballots that count in the current round, one per voter.</summary>
    public IReadOnlyCollection<RecordedBallot> Ballots => _ballots.Current;

    /// <summary>Gets every ballot ever cast on the proposal, in order, including changed and voided ones.</summary>
    public IReadOnlyList<RecordedBallot> BallotHistory => _ballots.History;

    /// <summary>
    /// Gets the proxies in force on the proposal, one per member at most: standing proxies frozen when voting opened and
    /// proxies given on the proposal. A proxy ends when it is revoked, replaced, or when its member votes itself.
    /// </summary>
    public IReadOnlyCollection<Proxy> Proxies => _proxies.Values;

    /// <summary>Gets every round with its rule and outcome.</summary>
    public IReadOnlyList<ProposalRound> Rounds => _rounds;

    /// <summary>Gets the members recorded present in the current round, if attendance was recorded.</summary>
    public IReadOnlyList<PartnerId>? Present => _present;

    /// <summary>Gets the final outcome, once closed.</summary>
    public DecisionOutcome? Outcome { get; private set; }

    /// <summary>
    /// Gets the plain-language explanation of the last round that closed (the final outcome, once the proposal is
    /// closed), rendered now from the round's figures under the round's rule and naming voters as the frozen electorate
    /// does; <see langword="null"/> before any round has closed.
    /// </summary>
    /// <example>
    /// <code>
    /// Console.WriteLine(proposal.Outcome!.Result);   // Adopted, Rejected, ...
    /// Console.WriteLine(proposal.Explanation);       // who took part, the quorum, and a line per condition of the rule
    /// </code>
    /// </example>
    public string? Explanation
    {
        get
        {
            for (var i = _rounds.Count - 1; i >= 0; i--)
            {
                if (_rounds[i].Outcome is { } outcome)
                {
                    return outcome.Explain(_rounds[i].Rule, _electorate);
                }
            }

            return null;
        }
    }

    /// <summary>Gets when the proposal was decided.</summary>
    public Instant? DecidedAt { get; private set; }

    /// <summary>Gets when an adopted proposal was marked implemented.</summary>
    public Instant? ImplementedAt { get; private set; }

    /// <summary>Gets the date set to review the decision.</summary>
    public LocalDate? ReviewOn { get; private set; }

    /// <summary>Gets a citation of the decision, once closed.</summary>
    public DecisionReference? Reference =>
        Outcome is null || DecidedAt is null ? null : new DecisionReference(Id, Coalition, Matter, Outcome.Result, DecidedAt.Value);

    private bool EveryoneVoted => _electorate is not null && _ballots.Count == _electorate.Count - _recusedCount;

    // A round is open: the last round opened and has not ended. Between the end of a round and the opening of the
    // next (inside one command) nothing else may happen.
    private bool RoundOpen => _status == ProposalStatus.Voting && _rounds.Count > 0 && _rounds[^1].Ending is null;

    // The title in quotes, as commands name the proposal in refusals: made once, not on every command.
    private string Subject => _subject ??= $"'{Title}'";

    private StateMachine<ProposalStatus, Trigger> Machine => _machine ??= BuildMachine();

    /// <summary>Drafts a proposal.</summary>
    /// <param name="id">The new proposal's id; never the empty id.</param>
    /// <param name="draft">What is proposed, under which rule (see <see cref="ProposalDraft"/> for the bounds).</param>
    /// <param name="by">A representative of the proposing member, acting for it (<c>Actor.Representing(person, draft.Proposer)</c>).</param>
    /// <param name="at">When the proposal is drafted; in the years 1900 to 2999.</param>
    /// <returns>The proposal, in <see cref="ProposalStatus.Draft"/>.</returns>
    /// <exception cref="CoalitionRuleException">
    /// <paramref name="by"/> does not act for the proposer (<c>Decisions.NotTheProposer</c>), an empty id (<c>Kernel.EmptyId</c>),
    /// an invalid title or text (<c>Kernel.InvalidText</c>), or an invalid draft (<c>Decisions.InvalidProposal</c>, <c>Kernel.InvalidInput</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// // literacyNow proposes through its delegate, delegatePerson; chair facilitates; now is the instant the host passes in.
    /// var proposal = Proposal.Draft(ProposalId.New(),
    ///     new ProposalDraft(coalition.Id, MatterType.AdoptPolicyPosition, "Six per cent for education", "The coalition calls for ...",
    ///         literacyNow, DecisionRule.SimpleMajority(), [chair], SecondersRequired: 1),
    ///     Actor.Representing(delegatePerson, literacyNow), now);
    /// </code>
    /// </example>
    public static Proposal Draft(ProposalId id, ProposalDraft draft, Actor by, Instant at)
    {
        var proposal = new Proposal();
        DraftCommand.Authorize(proposal, by, at, new Acting(draft?.Proposer ?? default, null), "a new proposal");
        Ensure.Id(id, nameof(id));
        ProposalDraftValidator.Instance.EnsureValid(draft);
        proposal.Raise(new ProposalDrafted(
            id, draft.Coalition, draft.Matter, draft.CustomMatter?.Trim(), draft.Title.Trim(), draft.Text, draft.Proposer, draft.Rule,
            draft.SecondersRequired, draft.Facilitators.Distinct().ToArray(), at, by));
        return proposal;
    }

    /// <summary>Rebuilds a proposal from its stored events, checking that they form its history, without building its state machine.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The proposal.</returns>
    /// <exception cref="StoredEventException">The events are not the history of one proposal (<c>Kernel.CorruptHistory</c>).</exception>
    public static Proposal Rehydrate(IEnumerable<IDomainEvent> history)
    {
        return Rebuild(new Proposal(), history);
    }

    /// <summary>The proposal lifecycle as a Mermaid state diagram, generated from the state machine.</summary>
    /// <returns>The diagram text.</returns>
    public static string LifecycleDiagram() => MermaidGraph.Format(new Proposal().Machine.GetInfo());

    /// <summary>Puts a new revision of the text. Under consent or consensus, an amendment during voting starts a new round.</summary>
    /// <param name="text">The new text: at most 20,000 characters.</param>
    /// <param name="note">Why it changed, if said: at most 2,000 characters.</param>
    /// <param name="by">A representative of the proposing member, acting for it.</param>
    /// <param name="at">When the text changes; an amendment during voting opens the new round then.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not the proposer (<c>Decisions.NotTheProposer</c>), an invalid text (<c>Kernel.InvalidText</c>), not allowed in
    /// this state (<c>Decisions.AmendmentNotAllowed</c> during a vote, else <c>Decisions.InvalidTransition</c>), an amendment
    /// dated before the round opened (<c>Decisions.VotingNotOpen</c>), or the new round's deadline would fall after the year
    /// 2999 (<c>Kernel.OutOfRange</c>).
    /// </exception>
    public void Revise(string text, string? note, Actor by, Instant at)
    {
        ReviseCommand.Authorize(this, by, at, default, Subject);
        FreeText.Check(text, nameof(text), required: true, Limits.DocumentLength);
        FreeText.Check(note, nameof(note), required: false, Limits.ReasonLength);
        EnsureCan(Trigger.Revise, _status == ProposalStatus.Voting ? ErrorCodes.Decisions.AmendmentNotAllowed : ErrorCodes.Decisions.InvalidTransition);
        var revised = new ProposalRevised(Id, Revision + 1, text, note, at, by);
        if (_status != ProposalStatus.Voting)
        {
            Raise(revised);
            return;
        }

        if (at < _rounds[^1].OpenedAt)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.VotingNotOpen, "Round {round} of {title} opened at {opened}; it cannot be amended before that.", ("round", Round), ("title", Subject), ("opened", _rounds[^1].OpenedAt));
        }

        // The amendment ends the round and opens the next: all three facts are decided before any is recorded.
        var outcome = Tally(null);
        var deadline = Ensure.Plus(at, CurrentRule.Timing.VotingPeriod, "deadline of the new round");
        Raise(
            revised,
            new RoundClosed(Id, Round, outcome, RoundEnding.Amended, at, by),
            new VotingOpened(Id, Round + 1, _stage, Revision + 1, CurrentRule, null, deadline, at, by));
    }

    /// <summary>Puts the draft up for discussion and seconding.</summary>
    /// <param name="by">A representative of the proposing member, acting for it.</param>
    /// <param name="at">When the draft is submitted.</param>
    /// <exception cref="CoalitionRuleException">Not the proposer (<c>Decisions.NotTheProposer</c>), or not a draft (<c>Decisions.InvalidTransition</c>).</exception>
    /// <example>
    /// <code>
    /// proposal.Submit(Actor.Representing(delegatePerson, literacyNow), now);   // open for discussion and seconding
    /// </code>
    /// </example>
    public void Submit(Actor by, Instant at)
    {
        SubmitCommand.Authorize(this, by, at, default, Subject);
        EnsureCan(Trigger.Submit, ErrorCodes.Decisions.InvalidTransition);
        Raise(new ProposalSubmitted(Id, at, by));
    }

    /// <summary>Seconds the motion for a member of the electorate.</summary>
    /// <param name="seconder">The seconding member: a voter of <paramref name="electorate"/>, not the proposer.</param>
    /// <param name="electorate">
    /// The members who may second, as the coalition or the deciding body produces them now
    /// (<c>coalition.ElectorateFor(matter, at)</c> or <c>governance.ElectorateFor(matter, coalition, at)</c>).
    /// </param>
    /// <param name="by">A representative of the seconding member, as <paramref name="electorate"/> lists it, acting for that member.</param>
    /// <param name="at">When the member seconds.</param>
    /// <exception cref="CoalitionRuleException">
    /// <paramref name="by"/> does not represent the seconder (<c>Decisions.NotARepresentative</c>), an empty id
    /// (<c>Kernel.EmptyId</c>), no electorate (<c>Kernel.InvalidInput</c>), not in discussion
    /// (<c>Decisions.InvalidTransition</c>), the seconder is not in the electorate (<c>Decisions.NotInElectorate</c>), or
    /// it proposed the motion or seconded it already (<c>Decisions.InvalidSeconder</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// // girlsLearn, a member, seconds through its delegate amina.
    /// proposal.Second(girlsLearn, coalition.ElectorateFor(proposal.Matter, now), Actor.Representing(amina, girlsLearn), now);
    /// </code>
    /// </example>
    public void Second(PartnerId seconder, Electorate electorate, Actor by, Instant at)
    {
        SecondCommand.Authorize(this, by, at, new Acting(seconder, electorate), Subject);
        Ensure.Id(seconder, nameof(seconder));
        Ensure.NotNull(electorate, nameof(electorate));
        EnsureCan(Trigger.Second, ErrorCodes.Decisions.InvalidTransition);
        if (!electorate.TryGetVoter(seconder, out var member))
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Decisions.NotInElectorate,
                "Partner {partner} is not a member who may second {title}: the electorate given does not list it.",
                ("partner", seconder),
                ("title", Subject));
        }

        if (seconder == Proposer)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.InvalidSeconder, "{member} proposed {title} and cannot second it.", ("member", member.DisplayName), ("partner", seconder), ("title", Subject));
        }

        if (_secondedBy.Contains(seconder))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.InvalidSeconder, "{member} has seconded {title} already.", ("member", member.DisplayName), ("partner", seconder), ("title", Subject));
        }

        Raise(new MotionSeconded(Id, seconder, at, by));
    }

    /// <summary>
    /// Declares a member's conflict of interest: it is recused, taken out of the electorate for this proposal
    /// (out of the quorum base and the tally), and a ballot it already cast is void.
    /// </summary>
    /// <param name="voter">The member.</param>
    /// <param name="reason">The interest declared: at most 2,000 characters.</param>
    /// <param name="by">A representative of the member, acting for it (once voting has opened, one the frozen electorate lists).</param>
    /// <param name="at">When the interest is declared.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a representative (<c>Decisions.NotARepresentative</c>), an empty id, no reason, not in discussion or voting
    /// (<c>Decisions.InvalidTransition</c>), not a voter (<c>Decisions.NotInElectorate</c>), or already recused (<c>Decisions.Recused</c>).
    /// </exception>
    public void DeclareConflictOfInterest(PartnerId voter, string reason, Actor by, Instant at)
    {
        DeclareCommand.Authorize(this, by, at, new Acting(voter, null), Subject);
        Ensure.Id(voter, nameof(voter));
        FreeText.Check(reason, nameof(reason), required: true, Limits.ReasonLength);
        EnsureCan(Trigger.DeclareConflict, ErrorCodes.Decisions.InvalidTransition);
        if (_electorate is not null && !_electorate.Contains(voter))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.NotInElectorate, "Partner {partner} is not in the electorate of {title}.", ("partner", voter), ("title", Subject));
        }

        if (_recused.Contains(voter))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.Recused, "{voter} is already recused from {title}.", ("voter", NameOf(voter)), ("partner", voter), ("title", Subject));
        }

        Raise(new ConflictOfInterestDeclared(Id, voter, reason, at, by));
    }

    /// <summary>
    /// Opens the first round of voting: freezes the electorate, the rule and, where the rule takes proxies, the standing
    /// proxies in force, and sets the deadline.
    /// </summary>
    /// <param name="electorate">The electorate the coalition and the deciding body produce for this matter now.</param>
    /// <param name="by">A facilitator named for the proposal.</param>
    /// <param name="at">When voting opens; the deadline is this plus the rule's voting period, before the year 3000.</param>
    /// <param name="standingProxies">
    /// The coalition's standing proxies, as the host keeps them (at most 5,000,000). Those that apply are frozen with the
    /// electorate: in force at <paramref name="at"/>, from a voter who is not recused, held by a representative of another
    /// voter; the others are left out, and all are left out where the rule takes no proxies. Those that apply must be well
    /// formed: given by a representative of the principal, to a person who does not represent it, one per principal, and
    /// within the rule's cap per holder.
    /// </param>
    /// <exception cref="CoalitionRuleException">
    /// Not a facilitator (<c>Decisions.NotAFacilitator</c>), no electorate or a missing proxy (<c>Kernel.InvalidInput</c>), not in discussion
    /// or not seconded enough (<c>Decisions.InvalidTransition</c>, <c>Decisions.NotEnoughSeconders</c>), no voter who is not
    /// recused (<c>Decisions.EmptyElectorate</c>), no chambers for a chamber vote in the rule or its fallbacks
    /// (<c>Decisions.ChambersRequired</c>), an ill-formed standing proxy (<c>Kernel.EmptyId</c>, <c>Kernel.OutOfRange</c>,
    /// <c>Decisions.InvalidProxy</c>), a holder over the cap (<c>Decisions.ProxyCapExceeded</c>), or a deadline after the
    /// year 2999 (<c>Kernel.OutOfRange</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// proposal.OpenVoting(coalition.ElectorateFor(proposal.Matter, now), Actor.ForPerson(chair), now);
    /// // proposal.Deadline is now plus the rule's voting period
    /// </code>
    /// </example>
    public void OpenVoting(Electorate electorate, Actor by, Instant at, IReadOnlyList<StandingProxy>? standingProxies = null)
    {
        OpenVotingCommand.Authorize(this, by, at, default, Subject);
        Ensure.NotNull(electorate, nameof(electorate));
        EnsureCan(Trigger.OpenVoting, ErrorCodes.Decisions.InvalidTransition);
        if (electorate.Voters.All(v => _recused.Contains(v.Partner)))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.EmptyElectorate, "Voting on {title} needs at least one voter who is not recused; this electorate has none.", ("title", Subject));
        }

        if (NeedsChambers(_rule) && !electorate.HasChambers)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.ChambersRequired, "{title} is decided by a chamber vote (or falls back to one), but the electorate has no chambers.", ("title", Subject));
        }

        var proxies = FreezeProxies(electorate, standingProxies, at);
        var deadline = Ensure.Plus(at, _rule.Timing.VotingPeriod, "deadline");
        Raise(new VotingOpened(Id, 1, 0, Revision, _rule, electorate, deadline, at, by, proxies.Count == 0 ? null : proxies));
    }

    /// <summary>Opens the next round after the proposal was returned for revision and has been revised.</summary>
    /// <param name="by">A facilitator named for the proposal.</param>
    /// <param name="at">When the round opens; the deadline is this plus the rule's voting period, before the year 3000.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a facilitator (<c>Decisions.NotAFacilitator</c>), not revised since the last round or not awaiting a new round
    /// (<c>Decisions.RevisionRequired</c>), or a deadline after the year 2999 (<c>Kernel.OutOfRange</c>).
    /// </exception>
    public void ReopenVoting(Actor by, Instant at)
    {
        ReopenVotingCommand.Authorize(this, by, at, default, Subject);
        EnsureCan(Trigger.Reopen, ErrorCodes.Decisions.RevisionRequired);
        var deadline = Ensure.Plus(at, CurrentRule.Timing.VotingPeriod, "deadline");
        Raise(new VotingOpened(Id, Round + 1, _stage, Revision, CurrentRule, null, deadline, at, by));
    }

    /// <summary>Records the members present at the meeting deciding the proposal (for quorums of members present and "present" bases).</summary>
    /// <param name="present">The members present: voters of the frozen electorate who are not recused, none the empty id; a member listed twice counts once.</param>
    /// <param name="by">A facilitator named for the proposal.</param>
    /// <param name="at">When attendance is recorded.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a facilitator (<c>Decisions.NotAFacilitator</c>), no list or a null or empty id in it (<c>Kernel.InvalidInput</c>,
    /// <c>Kernel.EmptyId</c>), not voting (<c>Decisions.VotingNotOpen</c>), or someone listed is not a voter (<c>Decisions.NotInElectorate</c>).
    /// </exception>
    public void RecordAttendance(IEnumerable<PartnerId> present, Actor by, Instant at)
    {
        RecordAttendanceCommand.Authorize(this, by, at, default, Subject);
        var list = Ensure.Ids(present, nameof(present), Limits.MaxVoters, distinct: false).Distinct().ToArray();
        EnsureCan(Trigger.RecordAttendance, ErrorCodes.Decisions.VotingNotOpen);
        foreach (var partner in list)
        {
            if (!_electorate!.Contains(partner) || _recused.Contains(partner))
            {
                throw CoalitionRuleException.Because(
                    ErrorCodes.Decisions.NotInElectorate,
                    "{voter} is not a voter on {title}, so cannot be recorded present.",
                    ("voter", NameOf(partner)),
                    ("partner", partner),
                    ("title", Subject));
            }
        }

        Raise(new AttendanceRecorded(Id, Round, list, at, by));
    }

    /// <summary>Whether a ballot would be accepted, with the unmet rule if not. Costs O(1).</summary>
    /// <param name="voter">The member voting.</param>
    /// <param name="stance">The stance.</param>
    /// <param name="reason">The reason, if any.</param>
    /// <param name="by">The person casting it: the voter's representative or the holder of its proxy, acting in the voter's name.</param>
    /// <param name="at">When.</param>
    /// <returns>The check: the refusal <see cref="CastBallot"/> would throw, or allowed.</returns>
    public RuleCheck CanCastBallot(PartnerId voter, Stance stance, string? reason, Actor by, Instant at)
    {
        // The same checks, in the same order, as CastBallot makes at its door.
        try
        {
            CastBallotCommand.Authorize(this, by, at, new Acting(voter, null), Subject);
            Ensure.Id(voter, nameof(voter));
        }
        catch (CoalitionRuleException refused)
        {
            return RuleCheck.Refused(refused.Failures[0]);
        }

        return BallotCheck(voter, stance, reason, at, ByProxy(by, voter));
    }

    /// <summary>
    /// Casts (or changes) a member's ballot. Under the silence procedure the only ballot is an objection, which
    /// breaks the silence and ends the round at once. A ballot that first brings the quorum within the rule's
    /// late-quorum span of the deadline extends the deadline.
    /// </summary>
    /// <param name="voter">The member voting.</param>
    /// <param name="stance">The stance.</param>
    /// <param name="reason">The reason, at most 2,000 characters; required for block and object and where the rule says so.</param>
    /// <param name="by">
    /// A representative of the voter, as the electorate frozen when voting opened lists it, acting for the voter; or the
    /// holder of the voter's proxy, acting in the voter's name (<c>Actor.Representing(holder, voter)</c>). The ballot
    /// records who cast it for whom. The voter's own ballot replaces one its proxy cast, even under final ballots, and
    /// ends the proxy; a proxy never replaces the voter's own ballot.
    /// </param>
    /// <param name="at">When the ballot is cast; strictly before the deadline.</param>
    /// <exception cref="CoalitionRuleException">
    /// Any rule <see cref="CanCastBallot"/> reports; or, when the ballot ends a silence into a fallback round or extends
    /// the deadline, a new deadline after the year 2999 (<c>Kernel.OutOfRange</c>). Nothing is recorded then.
    /// </exception>
    /// <example>
    /// <code>
    /// proposal.CastBallot(girlsLearn, Stance.Support, null, Actor.Representing(amina, girlsLearn), now);
    /// proposal.CastBallot(literacyNow, Stance.Oppose, "Not before the budget review.", Actor.Representing(delegatePerson, literacyNow), now);
    /// </code>
    /// </example>
    public void CastBallot(PartnerId voter, Stance stance, string? reason, Actor by, Instant at)
    {
        CastBallotCommand.Authorize(this, by, at, new Acting(voter, null), Subject);
        Ensure.Id(voter, nameof(voter));
        var byProxy = ByProxy(by, voter);
        BallotCheck(voter, stance, reason, at, byProxy).ThrowIfRefused();
        var ballot = new BallotCast(Id, Round, voter, stance, reason, at, by, byProxy ? _proxies[voter].HolderMember : null);
        var rule = CurrentRule;
        if (rule.Method == DecisionMethod.SilenceProcedure)
        {
            // An objection breaks the silence: the ballot, the round's end and any fallback round are one change.
            EnsureCan(Trigger.BreakSilence, ErrorCodes.Decisions.InvalidTransition);
            Raise([ballot, .. EndRound(Tally(null, new Ballot(voter, stance, byProxy)), by, at)]);
            return;
        }

        if (_quorumReachedAt is null && rule.Timing.LateQuorumExtension is { } extension && _rounds[^1].Deadline - at < extension && QuorumMet(new Ballot(voter, stance, byProxy)))
        {
            var deadline = Ensure.Plus(at, extension, "extended deadline");
            Raise(ballot, new DeadlineExtended(Id, Round, deadline, at, Actor.System("late-quorum rule")));
            return;
        }

        Raise(ballot);
    }

    /// <summary>
    /// A member gives its vote on this proposal to another member's representative, who then casts the member's ballot for
    /// it in every round, until the proxy is revoked or replaced or the member votes itself. It replaces any proxy the
    /// member had in force (a standing one included).
    /// </summary>
    /// <param name="principal">The member giving its vote: a voter of the frozen electorate who is not recused.</param>
    /// <param name="holder">The person who will cast it: a representative of <paramref name="holderMember"/>, and not of the principal.</param>
    /// <param name="holderMember">The other member of the electorate whose representative the holder is.</param>
    /// <param name="by">A representative of the principal, as the frozen electorate lists it, acting for the principal.</param>
    /// <param name="at">When the proxy is given; while a round of voting is open, before its deadline.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not the principal's representative (<c>Decisions.NotARepresentative</c>), an empty id (<c>Kernel.EmptyId</c>), no round
    /// open (<c>Decisions.VotingNotOpen</c>), a rule without proxies (<c>Decisions.ProxiesNotAllowed</c>), the principal
    /// recused or not a voter (<c>Decisions.Recused</c>, <c>Decisions.NotInElectorate</c>), a holder who does not represent
    /// another member of the electorate, or who holds this proxy already (<c>Decisions.InvalidProxy</c>), the principal has
    /// voted itself in this round (<c>Decisions.PrincipalHasVoted</c>), or the holder would carry more proxies than the rule
    /// allows (<c>Decisions.ProxyCapExceeded</c>).
    /// </exception>
    public void GrantProxy(PartnerId principal, PersonId holder, PartnerId holderMember, Actor by, Instant at)
    {
        GrantProxyCommand.Authorize(this, by, at, new Acting(principal, null), Subject);
        Ensure.Id(principal, nameof(principal));
        Ensure.Id(holder, nameof(holder));
        Ensure.Id(holderMember, nameof(holderMember));
        VotingOpenCheck(Trigger.GrantProxy, at).ThrowIfRefused();
        if (CurrentRule.Proxies is not { } rule)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.ProxiesNotAllowed, "The rule of round {round} of {title} takes no proxies.", ("round", Round), ("title", Subject));
        }

        if (_recused.Contains(principal))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.Recused, "{voter} declared a conflict of interest on {title} and takes no part, by proxy or otherwise.", ("voter", NameOf(principal)), ("partner", principal), ("title", Subject));
        }

        if (!_electorate!.TryGetVoter(principal, out var member))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.NotInElectorate, "Partner {partner} is not in the electorate of {title}, so has no vote to give.", ("partner", principal), ("title", Subject));
        }

        if (HolderProblem(member, holder, holderMember, _electorate) is { } problem)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.InvalidProxy, "{voter} cannot give its proxy on {title} to person {person}: " + problem, ("voter", member.DisplayName), ("partner", principal), ("title", Subject), ("person", holder), ("member", NameOf(holderMember)));
        }

        if (_ballots.TryGetValue(principal, out var ballot) && !ballot.ByProxy)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.PrincipalHasVoted, "{voter} has voted itself in this round of {title}; its own ballot stands.", ("voter", member.DisplayName), ("partner", principal), ("title", Subject));
        }

        var current = _proxies.GetValueOrDefault(principal);
        if (current is not null && current.Holder == holder && current.HolderMember == holderMember)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.InvalidProxy, "Person {person} holds the proxy of {voter} on {title} already.", ("person", holder), ("voter", member.DisplayName), ("partner", principal), ("title", Subject));
        }

        if (_proxiesHeld.GetValueOrDefault(holder) - (current?.Holder == holder ? 1 : 0) >= rule.MaxPerHolder)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.ProxyCapExceeded, "Person {person} carries {cap} proxies on {title} already, as many as its rule allows.", ("person", holder), ("cap", rule.MaxPerHolder), ("title", Subject));
        }

        Raise(new ProxyGranted(Id, principal, holder, holderMember, at, by));
    }

    /// <summary>A member takes back the proxy it has in force on this proposal; a ballot its holder already cast stays until the member votes itself.</summary>
    /// <param name="principal">The member.</param>
    /// <param name="by">A representative of the member, as the frozen electorate lists it, acting for it.</param>
    /// <param name="at">When the proxy is revoked; while a round of voting is open, before its deadline.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not the member's representative (<c>Decisions.NotARepresentative</c>), an empty id (<c>Kernel.EmptyId</c>), no round
    /// open (<c>Decisions.VotingNotOpen</c>), or no proxy in force for the member (<c>Decisions.NoProxy</c>).
    /// </exception>
    public void RevokeProxy(PartnerId principal, Actor by, Instant at)
    {
        RevokeProxyCommand.Authorize(this, by, at, new Acting(principal, null), Subject);
        Ensure.Id(principal, nameof(principal));
        VotingOpenCheck(Trigger.RevokeProxy, at).ThrowIfRefused();
        if (!_proxies.ContainsKey(principal))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.NoProxy, "{voter} has no proxy in force on {title}.", ("voter", NameOf(principal)), ("partner", principal), ("title", Subject));
        }

        Raise(new ProxyRevoked(Id, principal, at, by));
    }

    /// <summary>Whether voting may close now, with the unmet rule if not.</summary>
    /// <param name="at">When.</param>
    /// <returns>The check.</returns>
    public RuleCheck CanClose(Instant at)
    {
        if (!RoundOpen)
        {
            return RuleCheck.Refused(ErrorCodes.Decisions.VotingNotOpen, "Voting on {title} is not open: it is {status}.", ("title", Subject), ("status", _status));
        }

        if (at < _rounds[^1].OpenedAt)
        {
            return RuleCheck.Refused(ErrorCodes.Decisions.VotingNotOpen, "Round {round} of {title} opened at {opened}; it cannot close before that.", ("round", Round), ("title", Subject), ("opened", _rounds[^1].OpenedAt));
        }

        return Machine.CanFire(CloseTrigger, at, out var unmet)
            ? RuleCheck.Allowed
            : RuleCheck.Refused(
                ErrorCodes.Decisions.VotingStillOpen,
                "Voting on {title} stays open until {deadline}: it closes when {conditions}.",
                ("title", Subject),
                ("deadline", _rounds[^1].Deadline),
                ("conditions", unmet is null ? "its rule allows" : string.Join("; ", unmet)));
    }

    /// <summary>
    /// Closes the current round: tallies it under the round's rule, records the outcome, and either closes the
    /// proposal, opens the fallback round, or returns it for revision, as the rule says.
    /// </summary>
    /// <param name="by">A facilitator named for the proposal, or the host system (a scheduler at the deadline).</param>
    /// <param name="at">When the round closes: at or after the deadline, or earlier where the rule allows.</param>
    /// <param name="castingVote">The chair's casting vote, needed when the rule gives one and the vote is tied; only a facilitator gives it.</param>
    /// <returns>The round's outcome.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not a facilitator or the system (<c>Decisions.NotAFacilitator</c>), not voting or too early
    /// (<c>Decisions.VotingNotOpen</c>, <c>Decisions.VotingStillOpen</c>), attendance missing, a casting vote where none
    /// is due or a tie awaiting one, or a fallback round whose deadline would fall after the year 2999 (<c>Kernel.OutOfRange</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// // The host's scheduler closes the vote at its deadline.
    /// var outcome = proposal.Close(Actor.System("scheduler"), proposal.Deadline!.Value);
    /// if (outcome.IsAdopted)
    /// {
    ///     position.Adopt(proposal.Reference!, coalition, secretariat, now);   // cite the decision where it authorizes an act
    /// }
    /// </code>
    /// </example>
    public DecisionOutcome Close(Actor by, Instant at, Stance? castingVote = null)
    {
        CloseCommand.Authorize(this, by, at, default, Subject);
        CanClose(at).ThrowIfRefused();
        if (castingVote is not null && (!CurrentRule.CastingVote || by.Kind != ActorKind.Person))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.InvalidCastingVote, "The rule of {title} gives no casting vote, or the system tried to give the chair's.", ("title", Subject));
        }

        var outcome = Tally(castingVote);
        if (outcome.AwaitsCastingVote)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.CastingVoteRequired, "The vote on {title} is tied and the rule gives the chair a casting vote: close with the chair's casting vote.", ("title", Subject));
        }

        Raise(EndRound(outcome, by, at));
        return outcome;
    }

    /// <summary>The outcome if the current round closed now: a preview for results pages.</summary>
    /// <param name="castingVote">A casting vote to assume for a tie.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="CoalitionRuleException">Voting has not opened, or the rule needs attendance that is not recorded.</exception>
    public DecisionOutcome PreviewOutcome(Stance? castingVote = null)
    {
        if (_rounds.Count == 0)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.VotingNotOpen, "Voting on {title} has not opened, so there is nothing to tally.", ("title", Subject));
        }

        return Tally(castingVote);
    }

    /// <summary>Withdraws the proposal; only its proposer may, and only until voting closes.</summary>
    /// <param name="reason">Why, if said: at most 2,000 characters.</param>
    /// <param name="by">A representative of the proposing member, acting for it.</param>
    /// <param name="at">When the proposal is withdrawn.</param>
    /// <exception cref="CoalitionRuleException">Not the proposer (<c>Decisions.NotTheProposer</c>), an invalid reason, or already closed or withdrawn (<c>Decisions.InvalidTransition</c>).</exception>
    public void Withdraw(string? reason, Actor by, Instant at)
    {
        WithdrawCommand.Authorize(this, by, at, default, Subject);
        FreeText.Check(reason, nameof(reason), required: false, Limits.ReasonLength);
        EnsureCan(Trigger.Withdraw, ErrorCodes.Decisions.InvalidTransition);
        Raise(new ProposalWithdrawn(Id, reason, at, by));
    }

    /// <summary>Marks an adopted proposal as carried out.</summary>
    /// <param name="note">How, if said: at most 2,000 characters.</param>
    /// <param name="by">A representative of the proposing member acting for it, or a facilitator named for the proposal.</param>
    /// <param name="at">When it is marked implemented.</param>
    /// <exception cref="CoalitionRuleException">Not the proposer or a facilitator (<c>Decisions.NotTheProposer</c>), an invalid note, or not adopted or already implemented (<c>Decisions.NotAdopted</c>).</exception>
    public void MarkImplemented(string? note, Actor by, Instant at)
    {
        MarkImplementedCommand.Authorize(this, by, at, default, Subject);
        FreeText.Check(note, nameof(note), required: false, Limits.ReasonLength);
        EnsureCan(Trigger.MarkImplemented, ErrorCodes.Decisions.NotAdopted);
        Raise(new ProposalImplemented(Id, note, at, by));
    }

    /// <summary>Sets a date to review an adopted decision.</summary>
    /// <param name="reviewOn">The review date: an ISO calendar date in the years 1900 to 2999.</param>
    /// <param name="by">A representative of the proposing member acting for it, or a facilitator named for the proposal.</param>
    /// <param name="at">When the review is scheduled.</param>
    /// <exception cref="CoalitionRuleException">Not the proposer or a facilitator (<c>Decisions.NotTheProposer</c>), a date out of range (<c>Kernel.OutOfRange</c>), or not adopted (<c>Decisions.NotAdopted</c>).</exception>
    public void ScheduleReview(LocalDate reviewOn, Actor by, Instant at)
    {
        ScheduleReviewCommand.Authorize(this, by, at, default, Subject);
        Ensure.Date(reviewOn, nameof(reviewOn));
        EnsureCan(Trigger.ScheduleReview, ErrorCodes.Decisions.NotAdopted);
        Raise(new ReviewScheduled(Id, reviewOn, at, by));
    }

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is ProposalDrafted;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => domainEvent switch
    {
        // An amendment during a round ends that round at once: its close is the only fact that may follow.
        not RoundClosed { Ending: RoundEnding.Amended } when RoundOpen && _revisedSinceRound => "the round was amended, so its close must follow the amendment.",
        ProposalRevised when _status is not (ProposalStatus.Draft or ProposalStatus.Discussion) && !RoundOpen => "the proposal is no longer open to revision.",
        ProposalRevised when RoundOpen && !CurrentRule.AmendmentStartsNewRound => "the round's rule takes no amendment during voting.",
        ProposalRevised e when e.Revision != Revision + 1 => $"it is revision {e.Revision}, but the next revision is {Revision + 1}.",
        ProposalSubmitted when _status != ProposalStatus.Draft => "the proposal is not a draft.",
        MotionSeconded when _status != ProposalStatus.Discussion => "the proposal is not in discussion.",
        MotionSeconded e when e.Seconder == Proposer || _secondedBy.Contains(e.Seconder) => "the member proposed the motion or has seconded it already.",
        ConflictOfInterestDeclared when _status != ProposalStatus.Discussion && !RoundOpen => "the proposal is neither in discussion nor in an open round of voting.",
        ConflictOfInterestDeclared e when _recused.Contains(e.Voter) => "the member is recused already.",
        ConflictOfInterestDeclared e when _electorate is not null && !_electorate.Contains(e.Voter) => "the member is not in the electorate frozen when voting opened.",
        VotingOpened e => OpeningProblem(e),
        AttendanceRecorded e => RoundProblem(e.Round) ??
            (e.Present.All(p => _electorate!.Contains(p) && !_recused.Contains(p)) ? null : "someone recorded present is not a voter on the proposal."),
        BallotCast e => RoundProblem(e.Round) ?? WindowProblem(e.At) ?? BallotProblem(e.Voter, e.Stance, e.HolderMember, e.By.Person),
        ProxyGranted e => RoundOpen ? WindowProblem(e.At) ?? ProxyGrantProblem(e) : "no round of voting is open.",
        ProxyRevoked e => !RoundOpen ? "no round of voting is open." : WindowProblem(e.At) ?? (_proxies.ContainsKey(e.Principal) ? null : "the member has no proxy in force."),
        DeadlineExtended e => RoundProblem(e.Round) ?? WindowProblem(e.At) ?? ExtensionProblem(e),
        RoundClosed e => RoundProblem(e.Round) ?? (e.At < _rounds[^1].OpenedAt ? "it is dated before the round opened." : null) ?? OutcomeExplanation.Misfit(CurrentRule, e.Outcome) ?? EndingProblem(e),
        ProposalWithdrawn when _status is not (ProposalStatus.Draft or ProposalStatus.Discussion) && !RoundOpen => "the proposal is closed or withdrawn.",
        ProposalImplemented when _status != ProposalStatus.Closed || Outcome?.IsAdopted != true => "the proposal is not closed as adopted.",
        ReviewScheduled when _status is not (ProposalStatus.Closed or ProposalStatus.Implemented) || Outcome?.IsAdopted != true => "the proposal was not adopted.",
        _ => null,
    };

    /// <inheritdoc />
    protected override void Apply(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case ProposalDrafted e:
                Id = e.Proposal;
                Coalition = e.Coalition;
                Matter = e.Matter;
                CustomMatter = e.CustomMatter;
                Title = e.Title;
                _subject = null;
                Text = e.Text;
                Revision = 1;
                Proposer = e.Proposer;
                _rule = e.Rule;
                SecondersRequired = e.SecondersRequired;
                _facilitators.UnionWith(e.Facilitators);
                _status = ProposalStatus.Draft;
                break;
            case ProposalRevised e:
                Text = e.Text;
                Revision = e.Revision;
                _revisedSinceRound = true;
                break;
            case ProposalSubmitted:
                _status = ProposalStatus.Discussion;
                break;
            case MotionSeconded e:
                _seconders.Add(e.Seconder);
                _secondedBy.Add(e.Seconder);
                break;
            case ConflictOfInterestDeclared e:
                Recuse(e.Voter);
                break;
            case VotingOpened e:
                OpenRound(e);
                break;
            case AttendanceRecorded e:
                _present = e.Present;
                _presentCounts = null;
                break;
            case BallotCast e:
                RecordBallot(new BallotEntry(e.Round, e.Voter, e.Stance, e.Reason, e.By.Person, e.At, e.HolderMember));
                break;
            case ProxyGranted e:
                EndProxy(e.Principal);
                StartProxy(new Proxy(e.Principal, e.Holder, e.HolderMember, e.By.Person ?? default, ProxyScope.ThisProposal));
                break;
            case ProxyRevoked e:
                EndProxy(e.Principal);
                break;
            case DeadlineExtended e:
                _rounds[^1] = _rounds[^1] with { Deadline = e.Deadline };
                break;
            case RoundClosed e:
                CloseRound(e);
                break;
            case ProposalWithdrawn:
                _status = ProposalStatus.Withdrawn;
                break;
            case ProposalImplemented e:
                _status = ProposalStatus.Implemented;
                ImplementedAt = e.At;
                break;
            case ReviewScheduled e:
                ReviewOn = e.ReviewOn;
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }

    private void OpenRound(VotingOpened e)
    {
        _electorate ??= e.Electorate;
        if (e.Electorate is not null)
        {
            _basis = e.Electorate.Basis.Clone();
            foreach (var partner in _recused)
            {
                CountRecusal(partner);
            }
        }

        _roundsInStage = e.Stage == _stage && _rounds.Count > 0 ? _roundsInStage + 1 : 1;
        _stage = e.Stage;
        _rounds.Add(new ProposalRound(e.Round, e.Stage, e.Revision, e.Rule, e.At, e.Deadline, null, null));
        foreach (var standing in e.Proxies ?? [])
        {
            StartProxy(new Proxy(standing.Principal, standing.Holder, standing.HolderMember, standing.GrantedBy, ProxyScope.Standing));
        }

        _ballots.ClearCurrent();
        ClearTally();
        Array.Clear(_stanceCount);
        Array.Clear(_stanceWeight);
        Array.Clear(_proxyCount);
        Array.Clear(_proxyWeight);
        _present = null;
        _presentCounts = null;
        _quorumReachedAt = null;
        _revisedSinceRound = false;
        _status = ProposalStatus.Voting;
    }

    private void RecordBallot(BallotEntry ballot)
    {
        // One lookup of the voter for both changes to the counts.
        _electorate!.TryFind(ballot.Voter, out var index, out var group, out var weight, out var veto);
        if (_ballots.Record(ballot, out var previous))
        {
            Count(previous, index, group, weight, veto, -1);
        }

        Count(ballot, index, group, weight, veto, +1);
        if (_quorumReachedAt is null && QuorumMet())
        {
            _quorumReachedAt = ballot.At;
        }

        if (!ballot.ByProxy)
        {
            // A proxy ends when its member votes itself.
            EndProxy(ballot.Voter);
        }
    }

    /// <summary>
    /// Replays a stored ballot in the writer's most common layout straight from its text (a person casting in its
    /// voter's name, no reason, no proxy holder): a hundred thousand ballots load without an event object each. It makes
    /// exactly the checks replay makes of a <see cref="BallotCast"/> (the text's layout leaves no shape to check), and
    /// declines, having changed nothing, when one fails.
    /// </summary>
    private protected override bool TryApplyStoredText(string eventType, string json)
    {
        if (!string.Equals(eventType, BallotCastJson.Discriminator, StringComparison.Ordinal) ||
            !BallotCastJson.TryReadParts(json, out var read) || read.Proposal != Id.Value)
        {
            return false;
        }

        var voter = PartnerId.FromGuid(read.Voter);
        var person = PersonId.FromGuid(read.Person);
        // Admits, for this ballot: the first rule (an amended round's close must follow), then the ballot's own.
        if ((RoundOpen && _revisedSinceRound) || (RoundProblem(read.Round) ?? WindowProblem(read.At) ?? BallotProblem(voter, read.Stance, null, person)) is not null)
        {
            return false;
        }

        RecordBallot(new BallotEntry(read.Round, voter, read.Stance, null, person, read.At, null));
        return true;
    }

    private void StartProxy(Proxy proxy)
    {
        _proxies[proxy.Principal] = proxy;
        _proxiesHeld[proxy.Holder] = _proxiesHeld.GetValueOrDefault(proxy.Holder) + 1;
    }

    private void EndProxy(PartnerId principal)
    {
        if (_proxies.Remove(principal, out var ended) && --_proxiesHeld[ended.Holder] == 0)
        {
            _proxiesHeld.Remove(ended.Holder);
        }
    }

    private void CloseRound(RoundClosed e)
    {
        _rounds[^1] = _rounds[^1] with { Outcome = e.Outcome, Ending = e.Ending };
        switch (e.Ending)
        {
            case RoundEnding.Final:
                Outcome = e.Outcome;
                DecidedAt = e.At;
                _status = ProposalStatus.Closed;
                break;
            case RoundEnding.Revision:
                _status = ProposalStatus.Discussion;
                break;
        }
    }

    private void Recuse(PartnerId voter)
    {
        _recused.Add(voter);
        _presentCounts = null;
        if (_electorate is null)
        {
            return;
        }

        CountRecusal(voter);
        if (_status == ProposalStatus.Voting && _ballots.Remove(voter, out var voided))
        {
            _electorate.TryFind(voter, out var index, out var group, out var weight, out var veto);
            Count(voided, index, group, weight, veto, -1);
        }
    }

    private void CountRecusal(PartnerId voter)
    {
        if (_electorate!.TryFind(voter, out _, out var group, out var weight, out var veto))
        {
            _recusedCount++;
            _recusedWeight += weight;
            _basis!.Add(group, weight, veto, -1);
        }
    }

    // A ballot counted (+1) or taken back (-1): in the running counts per stance, for the quorum, and in the running
    // tally per group and stance, from which closing the round builds its outcome without looking at the ballots.
    private void Count(in BallotEntry ballot, int index, int group, long weight, bool veto, int sign)
    {
        var s = ballot.Stance.Index();
        _stanceCount[s] += sign;
        _stanceWeight[s] += sign * weight;
        if (ballot.ByProxy)
        {
            _proxyCount[s] += sign;
            _proxyWeight[s] += sign * weight;
        }

        if (sign > 0)
        {
            _tally!.Add(index, group, weight, veto, ballot.Stance, ballot.ByProxy);
        }
        else
        {
            _tally!.Remove(index, group, weight, veto, ballot.Stance, ballot.ByProxy);
        }
    }

    // After a snapshot is restored: the basis less the recused members, and the counts per stance and running tally of
    // the current ballots, counted as casting them counts them.
    private void RestoreTally()
    {
        if (_electorate is null)
        {
            return;
        }

        _basis = _electorate.Basis.Clone();
        foreach (var partner in _recused)
        {
            if (_electorate.TryFind(partner, out _, out var group, out var weight, out var veto))
            {
                _basis.Add(group, weight, veto, -1);
            }
        }

        _tally = TallyCounts.Running(_electorate.GroupCount);
        foreach (var ballot in _ballots.CurrentEntries)
        {
            _electorate.TryFind(ballot.Voter, out var index, out var group, out var weight, out var veto);
            Count(ballot, index, group, weight, veto, +1);
        }
    }

    private void ClearTally()
    {
        if (_tally is null)
        {
            _tally = TallyCounts.Running(_electorate!.GroupCount);
        }
        else
        {
            _tally.Clear();
        }
    }

    // The members present who count: voters of the frozen electorate who are not recused; derived once per attendance.
    private PresentCounts? PresentCounts => _present is null ? null : _presentCounts ??= new PresentCounts(_electorate!, _present, _recused);

    // O(1): the running counts of the current round against the electorate less recused members; with a ballot not
    // yet recorded, as they would be once it is (it replaces the voter's earlier ballot).
    private bool QuorumMet(Ballot? cast = null)
    {
        if (CurrentRule.Quorum is not { Source: QuorumSource.Ballots } quorum)
        {
            return false;
        }

        // Ballots cast by proxy count toward the quorum only where the rule says so.
        var proxiesCount = CurrentRule.Proxies?.CountTowardQuorum != false;
        var headcount = quorum.Measure == Measure.Headcount;
        var values = headcount ? _stanceCount : _stanceWeight;
        var byProxy = headcount ? _proxyCount : _proxyWeight;
        long counted = 0;
        for (var s = Stance.Support; s <= Stance.Object; s++)
        {
            counted += quorum.CountedStances.Includes(s) ? values[s.Index()] - (proxiesCount ? 0 : byProxy[s.Index()]) : 0;
        }

        if (cast is { } ballot && _electorate!.TryGetVoter(ballot.Voter, out var voter))
        {
            var amount = headcount ? 1 : voter.Weight;
            if (_ballots.TryGetValue(ballot.Voter, out var previous) && quorum.CountedStances.Includes(previous.Stance) && (proxiesCount || !previous.ByProxy))
            {
                counted -= amount;
            }

            counted += quorum.CountedStances.Includes(ballot.Stance) && (proxiesCount || !ballot.ByProxy) ? amount : 0;
        }

        var basis = headcount ? _electorate!.Count - _recusedCount : _electorate!.TotalWeight - _recusedWeight;
        return counted >= quorum.RequiredOf(basis);
    }

    // The outcome of the current round from the running tally, in O(groups + objectors); with a ballot not yet recorded,
    // as it would be once it is (it replaces the voter's earlier ballot). Equal to DecisionTally.Evaluate over the
    // current ballots and the frozen electorate less the recused members: a property test checks it.
    private DecisionOutcome Tally(Stance? castingVote, Ballot? cast = null)
    {
        var rule = CurrentRule;
        DecisionTally.CheckInputs(rule, _electorate!, _present, castingVote);
        var tally = _tally!;
        if (cast is { } ballot)
        {
            tally = tally.Clone();
            _electorate!.TryFind(ballot.Voter, out var index, out var group, out var weight, out var veto);
            if (_ballots.TryGetValue(ballot.Voter, out var previous))
            {
                tally.Remove(index, group, weight, veto, previous.Stance, previous.ByProxy);
            }

            tally.Add(index, group, weight, veto, ballot.Stance, ballot.ByProxy);
        }

        return DecisionTally.Decide(rule, _electorate!, _basis!, tally, PresentCounts, castingVote);
    }

    // The close guard of the Voting state, where a round is always open (CanClose asks only then). Opening checked the
    // chambers, and the attendance is checked here, so the tally's inputs are sound.
    private bool MayCloseAt(Instant at)
    {
        var timing = CurrentRule.Timing;
        if (at >= _rounds[^1].Deadline || (timing.CloseWhenAllVoted && EveryoneVoted))
        {
            return true;
        }

        if (!timing.CloseWhenCertain)
        {
            return false;
        }

        if (CurrentRule.NeedsAttendance && _present is null)
        {
            return false;
        }

        return IsSettled();
    }

    // Whether no completion of the missing ballots can change the current round's result, from the running tally.
    internal bool IsSettled() => DecisionTally.IsSettled(CurrentRule, _electorate!, _basis!, _tally!, PresentCounts);

    // The facts that end the current round: its close, and the fallback round it opens, if any. Decided in full
    // (the fallback round's deadline included) before anything is recorded.
    private IDomainEvent[] EndRound(DecisionOutcome outcome, Actor by, Instant at)
    {
        var fallback = CurrentRule.Fallback;
        var ending = Ending(outcome.Result);
        if (ending != RoundEnding.Final)
        {
            EnsureCan(ending == RoundEnding.Fallback ? Trigger.StartFallbackRound : Trigger.ReturnForRevision, ErrorCodes.Decisions.InvalidTransition);
        }

        var closed = new RoundClosed(Id, Round, outcome, ending, at, by);
        if (ending != RoundEnding.Fallback)
        {
            return [closed];
        }

        var deadline = Ensure.Plus(at, fallback!.Rule.Timing.VotingPeriod, "deadline of the fallback round");
        return [closed, new VotingOpened(Id, Round + 1, _stage + 1, Revision, fallback.Rule, null, deadline, at, by)];
    }

    // What follows a round with this result under the round's rule: the fallback answers it, after as many rounds of the
    // stage as the fallback waits for (before that, the proposal goes back for revision), or the result is final.
    private RoundEnding Ending(DecisionResult result) =>
        CurrentRule.Fallback is not { } fallback || !fallback.Answers(result) ? RoundEnding.Final
        : _roundsInStage >= fallback.AfterRounds ? RoundEnding.Fallback
        : RoundEnding.Revision;

    // A round is open at this instant: after it opened and before its deadline. The machine takes ballots and proxies in
    // Voting without a guard (the lifecycle diagram shows it), and a round is open only in Voting, so this check alone
    // decides and no machine is built for a ballot.
    private RuleCheck VotingOpenCheck(Trigger trigger, Instant at)
    {
        if (!RoundOpen || at < _rounds[^1].OpenedAt)
        {
            return RuleCheck.Refused(ErrorCodes.Decisions.VotingNotOpen, "Voting on {title} is not open: it is {status}.", ("title", Subject), ("status", _status));
        }

        return at >= _rounds[^1].Deadline
            ? RuleCheck.Refused(
                ErrorCodes.Decisions.VotingNotOpen,
                trigger == Trigger.CastBallot
                    ? "The deadline of {title}, {deadline}, has passed; ballots and objections are no longer taken."
                    : "The deadline of {title}, {deadline}, has passed; proxies are no longer given or revoked.",
                ("title", Subject),
                ("deadline", _rounds[^1].Deadline))
            : RuleCheck.Allowed;
    }

    private RuleCheck BallotCheck(PartnerId voter, Stance stance, string? reason, Instant at, bool byProxy)
    {
        if (VotingOpenCheck(Trigger.CastBallot, at) is { IsAllowed: false } closed)
        {
            return closed;
        }

        if (_recused.Contains(voter))
        {
            return RuleCheck.Refused(ErrorCodes.Decisions.Recused, "{voter} declared a conflict of interest on {title} and takes no part.", ("voter", NameOf(voter)), ("partner", voter), ("title", Subject));
        }

        if (!_electorate!.TryGetVoter(voter, out var entry))
        {
            return RuleCheck.Refused(ErrorCodes.Decisions.NotInElectorate, "Partner {partner} is not in the electorate of {title}, frozen when voting opened.", ("partner", voter), ("title", Subject));
        }

        var rule = CurrentRule;
        if (byProxy && rule.Proxies is null)
        {
            return RuleCheck.Refused(ErrorCodes.Decisions.ProxiesNotAllowed, "The rule of round {round} of {title} takes no proxies; {voter} votes through its own representatives.", ("round", Round), ("title", Subject), ("voter", entry.DisplayName));
        }

        if (!stance.IsDefinedStance() || !rule.AcceptedStances.Includes(stance))
        {
            return RuleCheck.Refused(
                ErrorCodes.Decisions.StanceNotAccepted,
                "A {method} decision does not take the stance {stance}; it takes {accepted}.",
                ("method", rule.Method),
                ("stance", stance),
                ("accepted", rule.AcceptedStances));
        }

        var reasonRequired = rule.ReasonsRequired.Includes(stance);
        if (reasonRequired && string.IsNullOrWhiteSpace(reason))
        {
            return RuleCheck.Refused(ErrorCodes.Decisions.ReasonRequired, "{voter} must give a reason to {stance}.", ("voter", entry.DisplayName), ("partner", voter), ("stance", stance));
        }

        if (FreeText.Problem(reason, reasonRequired, Limits.ReasonLength) is { } problem)
        {
            return RuleCheck.Refused(ErrorCodes.Kernel.InvalidText, "The reason " + problem, ("limit", Limits.ReasonLength));
        }

        // A proxy is in force only while its member has not voted itself in the round (its own ballot ends the proxy, and
        // no proxy is given after it), so a ballot by proxy never meets the member's own ballot.
        var voted = _ballots.TryGetValue(voter, out var current);

        // Final ballots stay final, except that the voter's own ballot replaces the one its proxy cast.
        if (rule.BallotsFinal && voted && (byProxy || !current.ByProxy))
        {
            return RuleCheck.Refused(ErrorCodes.Decisions.BallotIsFinal, "{voter} has voted on {title}, and under its rule a ballot cannot be changed.", ("voter", entry.DisplayName), ("partner", voter), ("title", Subject));
        }

        return RuleCheck.Allowed;
    }

    // Authorized to cast the voter's ballot, a person who is not one of its representatives is the holder of its proxy.
    private bool ByProxy(Actor by, PartnerId voter) => !Represents(by, voter, _electorate) && _proxies.ContainsKey(voter);

    // What is wrong with a proxy from a voter to a person, as the end of a sentence; null when the person represents
    // another voter of the electorate and not the principal.
    private static string? HolderProblem(Voter principal, PersonId holder, PartnerId holderMember, Electorate electorate) =>
        holderMember == principal.Partner ? "a proxy goes to a representative of another member, not of the principal itself."
        : !electorate.TryGetVoter(holderMember, out var member) ? "the holder's member is not in the electorate."
        : !member.IsRepresentedBy(holder) ? "the holder is not one of the representatives the electorate lists for the holder's member."
        : principal.IsRepresentedBy(holder) ? "the holder represents the principal itself, so needs no proxy."
        : null;

    // The standing proxies that apply to this proposal, checked: in force when voting opens, from a voter who is not
    // recused, to a representative of another voter; well formed and within the cap. The rest are left out.
    private List<StandingProxy> FreezeProxies(Electorate electorate, IReadOnlyList<StandingProxy>? standing, Instant at)
    {
        var frozen = new List<StandingProxy>();
        if (standing is null)
        {
            return frozen;
        }

        var all = Ensure.Items(standing, "standingProxies", Limits.MaxVoters);
        foreach (var proxy in all)
        {
            StandingProxyValidator.Instance.EnsureValid(proxy);
        }

        if (_rule.Proxies is not { } rule)
        {
            return frozen;
        }

        var principals = new HashSet<PartnerId>();
        var held = new Dictionary<PersonId, int>();
        foreach (var proxy in all)
        {
            // Two tests, not one: with TryGetVoter inside a chain of ||, Stryker's mutation of the chain leaves the voter
            // unassigned, which rolls back every mutant in the method.
            if (!proxy.IsInForceAt(at) || _recused.Contains(proxy.Principal) || !electorate.Contains(proxy.HolderMember))
            {
                continue;
            }

            if (!electorate.TryGetVoter(proxy.Principal, out var principal))
            {
                continue;
            }

            var problem = HolderProblem(principal, proxy.Holder, proxy.HolderMember, electorate) ??
                (!principal.IsRepresentedBy(proxy.GrantedBy) ? "it was given by a person the electorate does not list as the principal's representative." : null) ??
                (!principals.Add(proxy.Principal) ? "the principal has another standing proxy in force." : null);
            if (problem is not null)
            {
                throw CoalitionRuleException.Because(ErrorCodes.Decisions.InvalidProxy, "The standing proxy of {voter} to person {person} cannot be frozen into {title}: " + problem, ("voter", principal.DisplayName), ("partner", proxy.Principal), ("person", proxy.Holder), ("title", Subject));
            }

            held[proxy.Holder] = held.GetValueOrDefault(proxy.Holder) + 1;
            if (held[proxy.Holder] > rule.MaxPerHolder)
            {
                throw CoalitionRuleException.Because(ErrorCodes.Decisions.ProxyCapExceeded, "Person {person} would carry more than {cap} standing proxies on {title}, more than its rule allows.", ("person", proxy.Holder), ("cap", rule.MaxPerHolder), ("title", Subject));
            }

            frozen.Add(proxy);
        }

        return frozen;
    }

    // Whether a person acts for a member: acting in its name and, where the electorate lists the member, one of the
    // people it lists as the member's representatives.
    private static bool Represents(Actor by, PartnerId partner, Electorate? electorate) =>
        by.Kind == ActorKind.Person && by.Person is { } person && by.OnBehalfOf == partner &&
        (electorate is null || !electorate.TryGetVoter(partner, out var voter) || voter.IsRepresentedBy(person));

    // A chamber vote needs chambers, in the rule's own round and in any fallback round it may lead to.
    private static bool NeedsChambers(DecisionRule rule) =>
        rule.Method == DecisionMethod.ChamberVote || (rule.Fallback is { } fallback && NeedsChambers(fallback.Rule));

    // A member's name where the frozen electorate knows it, else its id.
    private string NameOf(PartnerId partner) =>
        _electorate is not null && _electorate.TryGetVoter(partner, out var voter) ? voter.DisplayName : partner.ToString();

    private string? RoundProblem(int round) =>
        !RoundOpen ? "no round of voting is open."
        : round != Round ? $"it names round {round}, but the open round is {Round}."
        : null;

    // Ballots, proxies and deadline extensions are taken from the opening of the round until its deadline, as the commands take them.
    private string? WindowProblem(Instant at) =>
        at < _rounds[^1].OpenedAt || at >= _rounds[^1].Deadline ? "it is dated outside the round's voting window, from its opening to its deadline." : null;

    private string? BallotProblem(PartnerId voter, Stance stance, PartnerId? holder, PersonId? person) =>
        !_electorate!.Contains(voter) ? "the voter is not in the electorate frozen when voting opened."
        : _recused.Contains(voter) ? "the voter is recused."
        : !CurrentRule.AcceptedStances.Includes(stance) ? "the round's rule does not take the stance."
        : CurrentRule.BallotsFinal && _ballots.TryGetValue(voter, out var prior) && (holder is not null || !prior.ByProxy) ? "the round's rule makes ballots final, and the voter's ballot was cast already."
        : holder is not { } holderMember ? null
        : CurrentRule.Proxies is null ? "it was cast by proxy, and the round's rule takes no proxies."
        : !_proxies.TryGetValue(voter, out var proxy) || proxy.HolderMember != holderMember || proxy.Holder != person ? "it was cast by proxy, and no such proxy of the voter is in force."
        : null;

    private string? ProxyGrantProblem(ProxyGranted e) =>
        CurrentRule.Proxies is not { } rule ? "the round's rule takes no proxies."
        : e.By.Person is null ? "it was not given by a person."
        : _recused.Contains(e.Principal) || !_electorate!.TryGetVoter(e.Principal, out var principal) ? "the principal is not a voter on the proposal."
        : HolderProblem(principal, e.Holder, e.HolderMember, _electorate) is { } problem ? problem
        : _ballots.TryGetValue(e.Principal, out var own) && !own.ByProxy ? "the principal has voted itself in the round."
        : _proxiesHeld.GetValueOrDefault(e.Holder) - (_proxies.GetValueOrDefault(e.Principal)?.Holder == e.Holder ? 1 : 0) >= rule.MaxPerHolder ? "the holder would carry more proxies than the rule allows."
        : null;

    // The standing proxies a first round freezes: each in force, from a voter to a representative of another voter, given
    // by the principal's representative, one per principal, within the cap.
    private static string? FrozenProxiesProblem(VotingOpened e, Electorate electorate)
    {
        if (e.Rule.Proxies is not { } rule)
        {
            return "it freezes standing proxies under a rule that takes none.";
        }

        var principals = new HashSet<PartnerId>();
        var held = new Dictionary<PersonId, int>();
        foreach (var proxy in e.Proxies!)
        {
            held[proxy.Holder] = held.GetValueOrDefault(proxy.Holder) + 1;
            var problem =
                !proxy.IsInForceAt(e.At) ? "a standing proxy it freezes is not in force when voting opens."
                : !electorate.TryGetVoter(proxy.Principal, out var principal) ? "a standing proxy it freezes is from a member outside the electorate."
                : HolderProblem(principal, proxy.Holder, proxy.HolderMember, electorate) is { } holder ? holder
                : !principal.IsRepresentedBy(proxy.GrantedBy) ? "a standing proxy it freezes was not given by the principal's representative."
                : !principals.Add(proxy.Principal) ? "it freezes two standing proxies of one member."
                : held[proxy.Holder] > rule.MaxPerHolder ? "a holder would carry more standing proxies than the rule allows."
                : null;
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    // A round ends as its rule says for its outcome (EndRound), unless an amendment ended it.
    private string? EndingProblem(RoundClosed e)
    {
        if (e.Ending == RoundEnding.Amended)
        {
            return _revisedSinceRound ? null : "the proposal was not amended during the round.";
        }

        var ending = Ending(e.Outcome.Result);
        return e.Ending == ending ? null
            : e.Ending is RoundEnding.Fallback or RoundEnding.Revision && CurrentRule.Fallback is null ? "the round's rule has no fallback."
            : $"it ends the round as {e.Ending}, but under the round's rule an outcome of {e.Outcome.Result} ends it as {ending}.";
    }

    // A deadline moves only under a rule with a late-quorum extension, to that span after the ballot that first brought the
    // quorum, and so at most once a round: a second extension dated at that ballot names the deadline already set.
    private string? ExtensionProblem(DeadlineExtended e) =>
        CurrentRule.Timing.LateQuorumExtension is not { } extension ? "the round's rule has no late-quorum extension."
        : e.Deadline <= _rounds[^1].Deadline ? "the new deadline is not later than the round's deadline."
        : e.Deadline != e.At + extension ? "the new deadline is not the rule's late-quorum span after the ballot that brought the quorum."
        : _quorumReachedAt is not { } reached ? "the quorum has not been reached."
        : e.At != reached ? "it is not dated at the ballot that first brought the quorum."
        : null;

    private string? OpeningProblem(VotingOpened e)
    {
        if (e.Round != _rounds.Count + 1)
        {
            return $"it opens round {e.Round}, but the next round is {_rounds.Count + 1}.";
        }

        if (e.Revision != Revision)
        {
            return $"it puts revision {e.Revision} to the vote, but the text is at revision {Revision}.";
        }

        if (e.Deadline <= e.At)
        {
            return "its deadline is not after its opening.";
        }

        if (_rounds.Count == 0)
        {
            // As OpenVoting: a rule that is, or falls back to, a chamber vote needs chambers from the first round, so a
            // later round never finds them missing.
            return _status != ProposalStatus.Discussion ? "the proposal is not in discussion."
                : _seconders.Count < SecondersRequired ? "the motion has not been seconded as the rule book requires."
                : e.Electorate is null ? "the first round does not freeze an electorate."
                : NeedsChambers(e.Rule) && !e.Electorate.HasChambers ? "a chamber vote (or a fallback to one) opens before an electorate without chambers."
                : e.Electorate.Count == _recused.Count(e.Electorate.Contains) ? "the electorate it freezes has no voter who is not recused."
                : e.Stage != 0 || !e.Rule.Equals(_rule) ? "the first round is not under the proposal's own rule."
                : e.Proxies is not null && e.Proxies.Any(p => _recused.Contains(p.Principal)) ? "it freezes a standing proxy of a recused member."
                : e.Proxies is not null ? FrozenProxiesProblem(e, e.Electorate)
                : null;
        }

        if (e.Electorate is not null)
        {
            return "only the first round freezes an electorate.";
        }

        if (e.Proxies is not null)
        {
            return "only the first round freezes standing proxies.";
        }

        var opens = (_status, _rounds[^1].Ending) switch
        {
            (ProposalStatus.Discussion, RoundEnding.Revision) when _revisedSinceRound && e.Stage == _stage => true,
            (ProposalStatus.Voting, RoundEnding.Amended) when e.Stage == _stage => true,
            (ProposalStatus.Voting, RoundEnding.Fallback) when e.Stage == _stage + 1 => true,
            _ => false,
        };

        // A round of the same stage runs under the last round's rule; a fallback round under that rule's fallback.
        return !opens ? "no round has ended in a way that opens this one."
            : !e.Rule.Equals(e.Stage == _stage ? CurrentRule : CurrentRule.Fallback?.Rule) ? "it opens the round under another rule than its stage's."
            : null;
    }

    private void EnsureCan(Trigger trigger, ErrorCode code)
    {
        if (Machine.CanFire(trigger, out var unmet))
        {
            return;
        }

        // Stateless reports no guards (null) when the state does not permit the trigger at all.
        unmet ??= [];
        if (unmet.Contains(GuardSeconded))
        {
            code = ErrorCodes.Decisions.NotEnoughSeconders;
        }

        throw unmet.Count > 0
            ? CoalitionRuleException.Because(code, "{title} cannot {action} while it is {status}: it requires that {requirements}.", ("title", Subject), ("action", Describe(trigger)), ("status", _status), ("requirements", unmet.ToArray()))
            : CoalitionRuleException.Because(code, "{title} cannot {action} while it is {status}.", ("title", Subject), ("action", Describe(trigger)), ("status", _status));
    }

    // The commands that refuse through EnsureCan; ballots and proxies are refused by the voting window's own check, and
    // the round's close, its fallback and its return for revision are checked before they are asked for.
    private static string Describe(Trigger trigger) => trigger switch
    {
        Trigger.Submit => "be submitted",
        Trigger.Revise => "be revised",
        Trigger.Second => "be seconded",
        Trigger.DeclareConflict => "take a declaration of interest",
        Trigger.OpenVoting => "open for voting",
        Trigger.Reopen => "reopen for voting",
        Trigger.RecordAttendance => "record attendance",
        Trigger.Withdraw => "be withdrawn",
        Trigger.MarkImplemented => "be marked implemented",
        Trigger.ScheduleReview => "be given a review date",
        _ => "change",
    };

    private StateMachine<ProposalStatus, Trigger>.TriggerWithParameters<Instant> CloseTrigger
    {
        get
        {
            _ = Machine;
            return _closeTrigger!;
        }
    }

    // Commands consult the machine (CanFire) and then raise events; Apply moves the state. The machine is never
    // fired, so a self-transition (reentry) and an internal transition mean the same; reentries draw cleanly.
    private static void Stays()
    {
    }

    private StateMachine<ProposalStatus, Trigger> BuildMachine()
    {
        var machine = new StateMachine<ProposalStatus, Trigger>(() => _status, s => _status = s);
        _closeTrigger = machine.SetTriggerParameters<Instant>(Trigger.Close);
        machine.Configure(ProposalStatus.Draft)
            .Permit(Trigger.Submit, ProposalStatus.Discussion)
            .PermitReentry(Trigger.Revise)
            .Permit(Trigger.Withdraw, ProposalStatus.Withdrawn);

        machine.Configure(ProposalStatus.Discussion)
            .PermitReentry(Trigger.Revise)
            .PermitReentry(Trigger.Second)
            .PermitReentry(Trigger.DeclareConflict)
            .PermitIf(
                Trigger.OpenVoting,
                ProposalStatus.Voting,
                new Tuple<Func<bool>, string>(() => _rounds.Count == 0, GuardFirstVote),
                new Tuple<Func<bool>, string>(() => _seconders.Count >= SecondersRequired, GuardSeconded))
            .PermitIf(Trigger.Reopen, ProposalStatus.Voting, () => _rounds.Count > 0 && _revisedSinceRound, GuardRevised)
            .Permit(Trigger.Withdraw, ProposalStatus.Withdrawn);

        machine.Configure(ProposalStatus.Voting)
            .PermitReentry(Trigger.CastBallot)
            .PermitReentry(Trigger.GrantProxy)
            .PermitReentry(Trigger.RevokeProxy)
            .PermitReentry(Trigger.DeclareConflict)
            .PermitReentry(Trigger.RecordAttendance)
            .InternalTransitionIf(Trigger.Revise, _ => CurrentRule.AmendmentStartsNewRound, Stays, GuardAmendable)
            .PermitIf(_closeTrigger, ProposalStatus.Closed, MayCloseAt, GuardMayClose)
            .PermitIf(Trigger.BreakSilence, ProposalStatus.Closed, () => CurrentRule.Method == DecisionMethod.SilenceProcedure, GuardSilence)
            .PermitReentry(Trigger.StartFallbackRound)
            .Permit(Trigger.ReturnForRevision, ProposalStatus.Discussion)
            .Permit(Trigger.Withdraw, ProposalStatus.Withdrawn);

        machine.Configure(ProposalStatus.Closed)
            .PermitIf(Trigger.MarkImplemented, ProposalStatus.Implemented, () => Outcome?.IsAdopted == true, GuardAdopted)
            .InternalTransitionIf(Trigger.ScheduleReview, _ => Outcome?.IsAdopted == true, Stays, GuardAdopted);

        machine.Configure(ProposalStatus.Implemented)
            .PermitReentry(Trigger.ScheduleReview);

        machine.Configure(ProposalStatus.Withdrawn);
        return machine;
    }
}
