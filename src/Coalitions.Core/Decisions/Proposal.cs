using Coalitions.Core.Kernel;
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
    private const int MaxReasonLength = FreeText.ReasonLength;

    private readonly HashSet<PersonId> _facilitators = [];
    private readonly List<PartnerId> _seconders = [];
    private readonly HashSet<PartnerId> _recused = [];
    private readonly Dictionary<PartnerId, RecordedBallot> _ballots = [];
    private readonly List<RecordedBallot> _ballotHistory = [];
    private readonly List<ProposalRound> _rounds = [];
    private readonly long[] _stanceCount = new long[Stances.Count];
    private readonly long[] _stanceWeight = new long[Stances.Count];

    private StateMachine<ProposalStatus, Trigger>? _machine;
    private StateMachine<ProposalStatus, Trigger>.TriggerWithParameters<Instant>? _closeTrigger;
    private ProposalStatus _status = ProposalStatus.Draft;
    private DecisionRule _rule = null!;
    private Electorate? _electorate;
    private Electorate? _voting;
    private long _recusedCount;
    private long _recusedWeight;
    private IReadOnlyList<PartnerId>? _present;
    private int _stage;
    private int _roundsInStage;
    private bool _quorumReached;
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
        Close,
        BreakSilence,
        StartFallbackRound,
        ReturnForRevision,
        Withdraw,
        MarkImplemented,
        ScheduleReview,
    }

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
    public IReadOnlyCollection<RecordedBallot> Ballots => _ballots.Values;

    /// <summary>Gets every ballot ever cast on the proposal, in order, including changed and voided ones.</summary>
    public IReadOnlyList<RecordedBallot> BallotHistory => _ballotHistory;

    /// <summary>Gets every round with its rule and outcome.</summary>
    public IReadOnlyList<ProposalRound> Rounds => _rounds;

    /// <summary>Gets the members recorded present in the current round, if attendance was recorded.</summary>
    public IReadOnlyList<PartnerId>? Present => _present;

    /// <summary>Gets the final outcome, once closed.</summary>
    public DecisionOutcome? Outcome { get; private set; }

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

    private StateMachine<ProposalStatus, Trigger> Machine => _machine ??= BuildMachine();

    /// <summary>Drafts a proposal.</summary>
    /// <param name="id">The new proposal's id.</param>
    /// <param name="draft">What is proposed, under which rule.</param>
    /// <param name="by">A representative of the proposing member.</param>
    /// <param name="at">When.</param>
    /// <returns>The proposal, in <see cref="ProposalStatus.Draft"/>.</returns>
    /// <exception cref="CoalitionRuleException">The draft is invalid (<c>Decisions.InvalidProposal</c>) or <paramref name="by"/> does not act for the proposer (<c>Decisions.NotTheProposer</c>).</exception>
    public static Proposal Draft(ProposalId id, ProposalDraft draft, Actor by, Instant at)
    {
        Preconditions.CheckNotNull(draft, nameof(draft));
        Preconditions.CheckNotNull(by, nameof(by));
        ProposalDraftValidator.Instance.EnsureValid(draft);
        if (by.Kind != ActorKind.Person || by.OnBehalfOf != draft.Proposer)
        {
            throw new CoalitionRuleException(ErrorCodes.Decisions.NotTheProposer, $"{by} does not act for the proposing member {draft.Proposer}.");
        }

        var proposal = new Proposal();
        proposal.Raise(new ProposalDrafted(
            id, draft.Coalition, draft.Matter, draft.CustomMatter, draft.Title.Trim(), draft.Text, draft.Proposer, draft.Rule,
            draft.SecondersRequired, draft.Facilitators.Distinct().ToArray(), at, by));
        return proposal;
    }

    /// <summary>Rebuilds a proposal from its stored events, without checks and without building its state machine.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The proposal.</returns>
    public static Proposal Rehydrate(IEnumerable<IDomainEvent> history)
    {
        return Rebuild(new Proposal(), history);
    }

    /// <summary>The proposal lifecycle as a Mermaid state diagram, generated from the state machine.</summary>
    /// <returns>The diagram text.</returns>
    public static string LifecycleDiagram() => MermaidGraph.Format(new Proposal().Machine.GetInfo());

    /// <summary>Puts a new revision of the text. Under consent or consensus, an amendment during voting starts a new round.</summary>
    /// <param name="text">The new text.</param>
    /// <param name="note">Why it changed, if said.</param>
    /// <param name="by">A representative of the proposer.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not the proposer, an empty text, or not allowed in this state (<c>Decisions.AmendmentNotAllowed</c> during a vote).</exception>
    public void Revise(string text, string? note, Actor by, Instant at)
    {
        EnsureProposer(by);
        CheckText(text, 20_000, nameof(text), required: true);
        CheckText(note, MaxReasonLength, nameof(note), required: false);
        Ensure(Trigger.Revise, _status == ProposalStatus.Voting ? ErrorCodes.Decisions.AmendmentNotAllowed : ErrorCodes.Decisions.InvalidTransition);
        if (_status != ProposalStatus.Voting)
        {
            Raise(new ProposalRevised(Id, Revision + 1, text, note, at, by));
            return;
        }

        var outcome = Tally(null);
        Raise(new ProposalRevised(Id, Revision + 1, text, note, at, by));
        Raise(new RoundClosed(Id, Round, outcome, RoundEnding.Amended, at, by));
        Raise(new VotingOpened(Id, Round + 1, _stage, Revision, CurrentRule, null, at + CurrentRule.Timing.VotingPeriod, at, by));
    }

    /// <summary>Puts the draft up for discussion and seconding.</summary>
    /// <param name="by">A representative of the proposer.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not the proposer, or not a draft.</exception>
    public void Submit(Actor by, Instant at)
    {
        EnsureProposer(by);
        Ensure(Trigger.Submit, ErrorCodes.Decisions.InvalidTransition);
        Raise(new ProposalSubmitted(Id, at, by));
    }

    /// <summary>Seconds the motion for a member.</summary>
    /// <param name="seconder">The seconding member.</param>
    /// <param name="by">A representative of the seconder.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not in discussion, the proposer's own, seconded twice, or <paramref name="by"/> does not act for the seconder.</exception>
    public void Second(PartnerId seconder, Actor by, Instant at)
    {
        Preconditions.CheckNotNull(by, nameof(by));
        Ensure(Trigger.Second, ErrorCodes.Decisions.InvalidTransition);
        if (by.Kind != ActorKind.Person || by.OnBehalfOf != seconder)
        {
            throw new CoalitionRuleException(ErrorCodes.Decisions.NotARepresentative, $"{by} does not act for {seconder}, so cannot second for it.");
        }

        if (seconder == Proposer || _seconders.Contains(seconder))
        {
            throw new CoalitionRuleException(ErrorCodes.Decisions.InvalidSeconder, $"{seconder} cannot second: a member seconds once, and never its own proposal.");
        }

        Raise(new MotionSeconded(Id, seconder, at, by));
    }

    /// <summary>
    /// Declares a member's conflict of interest: it is recused, taken out of the electorate for this proposal
    /// (out of the quorum base and the tally), and a ballot it already cast is void.
    /// </summary>
    /// <param name="voter">The member.</param>
    /// <param name="reason">The interest declared.</param>
    /// <param name="by">A representative of the member.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Already recused, not a voter, no reason, or the proposal is not in discussion or voting.</exception>
    public void DeclareConflictOfInterest(PartnerId voter, string reason, Actor by, Instant at)
    {
        Preconditions.CheckNotNull(by, nameof(by));
        Ensure(Trigger.DeclareConflict, ErrorCodes.Decisions.InvalidTransition);
        CheckText(reason, MaxReasonLength, nameof(reason), required: true);
        if (_electorate is not null && !_electorate.Contains(voter))
        {
            throw new CoalitionRuleException(ErrorCodes.Decisions.NotInElectorate, $"{voter} is not in this proposal's electorate.");
        }

        if (!ActsFor(voter, by))
        {
            throw new CoalitionRuleException(ErrorCodes.Decisions.NotARepresentative, $"{by} does not represent {voter}.");
        }

        if (_recused.Contains(voter))
        {
            throw new CoalitionRuleException(ErrorCodes.Decisions.Recused, $"{voter} is already recused from this proposal.");
        }

        Raise(new ConflictOfInterestDeclared(Id, voter, reason, at, by));
    }

    /// <summary>Opens the first round of voting: freezes the electorate and the rule and sets the deadline.</summary>
    /// <param name="electorate">The electorate the coalition and the deciding body produce for this matter now.</param>
    /// <param name="by">A facilitator.</param>
    /// <param name="at">When; the deadline is this plus the rule's voting period.</param>
    /// <exception cref="CoalitionRuleException">Not a facilitator, not enough seconders, no voter, no chambers for a chamber vote, or not in discussion.</exception>
    public void OpenVoting(Electorate electorate, Actor by, Instant at)
    {
        Preconditions.CheckNotNull(electorate, nameof(electorate));
        EnsureFacilitator(by, allowSystem: false);
        Ensure(Trigger.OpenVoting, ErrorCodes.Decisions.InvalidTransition);
        if (electorate.Voters.All(v => _recused.Contains(v.Partner)))
        {
            throw new CoalitionRuleException(ErrorCodes.Decisions.EmptyElectorate, "Voting needs at least one voter who is not recused; this electorate has none.");
        }

        if (_rule.Method == DecisionMethod.ChamberVote && !electorate.HasChambers)
        {
            throw new CoalitionRuleException(ErrorCodes.Decisions.ChambersRequired, "This proposal is decided by a chamber vote, but the electorate has no chambers.");
        }

        Raise(new VotingOpened(Id, 1, 0, Revision, _rule, electorate, at + _rule.Timing.VotingPeriod, at, by));
    }

    /// <summary>Opens the next round after the proposal was returned for revision and has been revised.</summary>
    /// <param name="by">A facilitator.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not a facilitator, not revised since the last round, or not awaiting a new round.</exception>
    public void ReopenVoting(Actor by, Instant at)
    {
        EnsureFacilitator(by, allowSystem: false);
        Ensure(Trigger.Reopen, ErrorCodes.Decisions.RevisionRequired);
        Raise(new VotingOpened(Id, Round + 1, _stage, Revision, CurrentRule, null, at + CurrentRule.Timing.VotingPeriod, at, by));
    }

    /// <summary>Records the members present at the meeting deciding the proposal (for quorums of members present and "present" bases).</summary>
    /// <param name="present">The members present.</param>
    /// <param name="by">A facilitator.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not a facilitator, not voting, or someone listed is not in the electorate.</exception>
    public void RecordAttendance(IEnumerable<PartnerId> present, Actor by, Instant at)
    {
        Preconditions.CheckNotNull(present, nameof(present));
        EnsureFacilitator(by, allowSystem: false);
        Ensure(Trigger.RecordAttendance, ErrorCodes.Decisions.VotingNotOpen);
        var list = present.Distinct().ToArray();
        foreach (var partner in list)
        {
            if (!_electorate!.Contains(partner) || _recused.Contains(partner))
            {
                throw new CoalitionRuleException(ErrorCodes.Decisions.NotInElectorate, $"{partner} is not a voter on this proposal, so cannot be recorded present.");
            }
        }

        Raise(new AttendanceRecorded(Id, Round, list, at, by));
    }

    /// <summary>Whether a ballot would be accepted, with the unmet rule if not. Costs O(1).</summary>
    /// <param name="voter">The member voting.</param>
    /// <param name="stance">The stance.</param>
    /// <param name="reason">The reason, if any.</param>
    /// <param name="by">The person casting it.</param>
    /// <param name="at">When.</param>
    /// <returns>The check.</returns>
    public RuleCheck CanCastBallot(PartnerId voter, Stance stance, string? reason, Actor by, Instant at)
    {
        Preconditions.CheckNotNull(by, nameof(by));
        if (!Machine.CanFire(Trigger.CastBallot) || _rounds.Count == 0 || at < _rounds[^1].OpenedAt)
        {
            return RuleCheck.Refused(ErrorCodes.Decisions.VotingNotOpen, $"Voting on '{Title}' is not open (status {_status}).");
        }

        if (at >= _rounds[^1].Deadline)
        {
            return RuleCheck.Refused(ErrorCodes.Decisions.VotingNotOpen, $"The deadline {_rounds[^1].Deadline} has passed; ballots and objections are no longer taken.");
        }

        if (_recused.Contains(voter))
        {
            return RuleCheck.Refused(ErrorCodes.Decisions.Recused, $"{voter} declared a conflict of interest and takes no part.");
        }

        if (!_electorate!.TryGetVoter(voter, out var entry))
        {
            return RuleCheck.Refused(ErrorCodes.Decisions.NotInElectorate, $"{voter} is not in the electorate frozen when voting opened.");
        }

        if (by.Person is not { } person || !entry.IsRepresentedBy(person))
        {
            return RuleCheck.Refused(ErrorCodes.Decisions.NotARepresentative, $"{by} is not a representative of {entry.DisplayName}.");
        }

        var rule = CurrentRule;
        if (!stance.IsDefinedStance() || !rule.AcceptedStances.Includes(stance))
        {
            return RuleCheck.Refused(ErrorCodes.Decisions.StanceNotAccepted, $"A {rule.Method} decision does not accept the stance {stance}; it accepts {rule.AcceptedStances}.");
        }

        if (rule.ReasonsRequired.Includes(stance) && string.IsNullOrWhiteSpace(reason))
        {
            return RuleCheck.Refused(ErrorCodes.Decisions.ReasonRequired, $"The stance {stance.ToWords()} needs a reason.");
        }

        if (reason is { Length: > MaxReasonLength })
        {
            return RuleCheck.Refused(ErrorCodes.Kernel.InvalidText, $"A reason has at most {MaxReasonLength} characters.");
        }

        if (rule.BallotsFinal && _ballots.ContainsKey(voter))
        {
            return RuleCheck.Refused(ErrorCodes.Decisions.BallotIsFinal, $"{entry.DisplayName} has voted, and under this rule a ballot cannot be changed.");
        }

        return RuleCheck.Allowed;
    }

    /// <summary>
    /// Casts (or changes) a member's ballot. Under the silence procedure the only ballot is an objection, which
    /// breaks the silence and ends the round at once. A ballot that first brings the quorum within the rule's
    /// late-quorum span of the deadline extends the deadline.
    /// </summary>
    /// <param name="voter">The member voting.</param>
    /// <param name="stance">The stance.</param>
    /// <param name="reason">The reason; required for block and object and where the rule says so.</param>
    /// <param name="by">A representative of the member.</param>
    /// <param name="at">When; strictly before the deadline.</param>
    /// <exception cref="CoalitionRuleException">Any rule <see cref="CanCastBallot"/> reports.</exception>
    public void CastBallot(PartnerId voter, Stance stance, string? reason, Actor by, Instant at)
    {
        CanCastBallot(voter, stance, reason, by, at).ThrowIfRefused();
        var rule = CurrentRule;
        if (rule.Method == DecisionMethod.SilenceProcedure)
        {
            Ensure(Trigger.BreakSilence, ErrorCodes.Decisions.InvalidTransition);
            Raise(new BallotCast(Id, Round, voter, stance, reason, at, by));
            EndRound(Tally(null), by, at);
            return;
        }

        var quorumBefore = _quorumReached;
        Raise(new BallotCast(Id, Round, voter, stance, reason, at, by));
        if (!quorumBefore && _quorumReached && rule.Timing.LateQuorumExtension is { } extension && _rounds[^1].Deadline - at < extension)
        {
            Raise(new DeadlineExtended(Id, Round, at + extension, at, Actor.System("late-quorum rule")));
        }
    }

    /// <summary>Whether voting may close now, with the unmet rule if not.</summary>
    /// <param name="at">When.</param>
    /// <returns>The check.</returns>
    public RuleCheck CanClose(Instant at)
    {
        if (_status != ProposalStatus.Voting)
        {
            return RuleCheck.Refused(ErrorCodes.Decisions.VotingNotOpen, $"Voting on '{Title}' is not open (status {_status}).");
        }

        return Machine.CanFire(CloseTrigger, at, out var unmet)
            ? RuleCheck.Allowed
            : RuleCheck.Refused(ErrorCodes.Decisions.VotingStillOpen, $"Voting stays open until {_rounds[^1].Deadline}: it closes when {string.Join("; ", unmet ?? [])}.");
    }

    /// <summary>
    /// Closes the current round: tallies it under the round's rule, records the outcome, and either closes the
    /// proposal, opens the fallback round, or returns it for revision, as the rule says.
    /// </summary>
    /// <param name="by">A facilitator, or the system (a scheduler at the deadline).</param>
    /// <param name="at">When.</param>
    /// <param name="castingVote">The chair's casting vote, needed when the rule gives one and the vote is tied.</param>
    /// <returns>The round's outcome.</returns>
    /// <exception cref="CoalitionRuleException">Too early, not voting, not a facilitator, attendance missing, or a tie awaiting the casting vote.</exception>
    public DecisionOutcome Close(Actor by, Instant at, Stance? castingVote = null)
    {
        EnsureFacilitator(by, allowSystem: true);
        CanClose(at).ThrowIfRefused();
        if (castingVote is not null && !CurrentRule.CastingVote)
        {
            throw new CoalitionRuleException(ErrorCodes.Decisions.InvalidCastingVote, "This rule gives the chair no casting vote.");
        }

        var outcome = Tally(castingVote);
        if (outcome.AwaitsCastingVote)
        {
            throw new CoalitionRuleException(ErrorCodes.Decisions.CastingVoteRequired, "The vote is tied and the rule gives the chair a casting vote: close with the chair's casting vote.");
        }

        EndRound(outcome, by, at);
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
            throw new CoalitionRuleException(ErrorCodes.Decisions.VotingNotOpen, "Voting has not opened, so there is nothing to tally.");
        }

        return Tally(castingVote);
    }

    /// <summary>Withdraws the proposal; only its proposer may, and only until voting closes.</summary>
    /// <param name="reason">Why, if said.</param>
    /// <param name="by">A representative of the proposer.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not the proposer, or already closed or withdrawn.</exception>
    public void Withdraw(string? reason, Actor by, Instant at)
    {
        EnsureProposer(by);
        CheckText(reason, MaxReasonLength, nameof(reason), required: false);
        Ensure(Trigger.Withdraw, ErrorCodes.Decisions.InvalidTransition);
        Raise(new ProposalWithdrawn(Id, reason, at, by));
    }

    /// <summary>Marks an adopted proposal as carried out.</summary>
    /// <param name="note">How, if said.</param>
    /// <param name="by">The proposer's representative or a facilitator.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not adopted, already implemented, or not the proposer or a facilitator.</exception>
    public void MarkImplemented(string? note, Actor by, Instant at)
    {
        EnsureProposerOrFacilitator(by);
        CheckText(note, MaxReasonLength, nameof(note), required: false);
        Ensure(Trigger.MarkImplemented, ErrorCodes.Decisions.NotAdopted);
        Raise(new ProposalImplemented(Id, note, at, by));
    }

    /// <summary>Sets a date to review an adopted decision.</summary>
    /// <param name="reviewOn">The review date.</param>
    /// <param name="by">The proposer's representative or a facilitator.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not adopted, or not the proposer or a facilitator.</exception>
    public void ScheduleReview(LocalDate reviewOn, Actor by, Instant at)
    {
        EnsureProposerOrFacilitator(by);
        Ensure(Trigger.ScheduleReview, ErrorCodes.Decisions.NotAdopted);
        Raise(new ReviewScheduled(Id, reviewOn, at, by));
    }

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is ProposalDrafted;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => null;

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
                break;
            case ConflictOfInterestDeclared e:
                Recuse(e.Voter);
                break;
            case VotingOpened e:
                OpenRound(e);
                break;
            case AttendanceRecorded e:
                _present = e.Present;
                break;
            case BallotCast e:
                RecordBallot(e);
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
        _voting = null;
        if (e.Electorate is not null)
        {
            foreach (var partner in _recused)
            {
                CountRecusal(partner);
            }
        }

        _roundsInStage = e.Stage == _stage && _rounds.Count > 0 ? _roundsInStage + 1 : 1;
        _stage = e.Stage;
        _rounds.Add(new ProposalRound(e.Round, e.Stage, e.Revision, e.Rule, e.At, e.Deadline, null, null));
        _ballots.Clear();
        Array.Clear(_stanceCount);
        Array.Clear(_stanceWeight);
        _present = null;
        _quorumReached = false;
        _revisedSinceRound = false;
        _status = ProposalStatus.Voting;
    }

    private void RecordBallot(BallotCast e)
    {
        var ballot = new RecordedBallot(e.Round, e.Voter, e.Stance, e.Reason, e.By.Person, e.At);
        _ballotHistory.Add(ballot);
        if (_ballots.TryGetValue(e.Voter, out var previous))
        {
            Count(previous, -1);
        }

        _ballots[e.Voter] = ballot;
        Count(ballot, +1);
        _quorumReached |= QuorumMet();
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
        _voting = null;
        if (_electorate is null)
        {
            return;
        }

        CountRecusal(voter);
        if (_status == ProposalStatus.Voting && _ballots.Remove(voter, out var voided))
        {
            Count(voided, -1);
        }
    }

    private void CountRecusal(PartnerId voter)
    {
        if (_electorate!.TryGetVoter(voter, out var entry))
        {
            _recusedCount++;
            _recusedWeight += entry.Weight;
        }
    }

    private void Count(RecordedBallot ballot, int sign)
    {
        _electorate!.TryGetVoter(ballot.Voter, out var voter);
        _stanceCount[ballot.Stance.Index()] += sign;
        _stanceWeight[ballot.Stance.Index()] += sign * voter!.Weight;
    }

    // O(1): the running counts of the current round against the electorate less recused members.
    private bool QuorumMet()
    {
        if (CurrentRule.Quorum is not { Source: QuorumSource.Ballots } quorum)
        {
            return false;
        }

        var values = quorum.Measure == Measure.Headcount ? _stanceCount : _stanceWeight;
        long counted = 0;
        for (var s = Stance.Support; s <= Stance.Object; s++)
        {
            counted += quorum.CountedStances.Includes(s) ? values[s.Index()] : 0;
        }

        var basis = quorum.Measure == Measure.Headcount ? _electorate!.Count - _recusedCount : _electorate!.TotalWeight - _recusedWeight;
        return counted >= quorum.RequiredOf(basis);
    }

    // The frozen electorate less recused voters: derived once, forgotten when a recusal or a new round changes it.
    private Electorate Voting => _voting ??= _electorate!.Without(_recused);

    private Ballot[] CurrentBallots() => _ballots.Values.Select(b => new Ballot(b.Voter, b.Stance)).ToArray();

    private DecisionOutcome Tally(Stance? castingVote) =>
        DecisionTally.Evaluate(CurrentRule, Voting, CurrentBallots(), _present, castingVote);

    private bool MayCloseAt(Instant at)
    {
        if (_rounds.Count == 0)
        {
            return false;
        }

        var timing = CurrentRule.Timing;
        if (at >= _rounds[^1].Deadline || (timing.CloseWhenAllVoted && EveryoneVoted))
        {
            return true;
        }

        if (!timing.CloseWhenCertain)
        {
            return false;
        }

        return (!CurrentRule.NeedsAttendance || _present is not null) && DecisionTally.IsSettled(CurrentRule, Voting, CurrentBallots(), _present);
    }

    private void EndRound(DecisionOutcome outcome, Actor by, Instant at)
    {
        var ending = RoundEnding.Final;
        var fallback = CurrentRule.Fallback;
        if (fallback is not null && fallback.Answers(outcome.Result))
        {
            ending = _roundsInStage >= fallback.AfterRounds ? RoundEnding.Fallback : RoundEnding.Revision;
            Ensure(ending == RoundEnding.Fallback ? Trigger.StartFallbackRound : Trigger.ReturnForRevision, ErrorCodes.Decisions.InvalidTransition);
        }

        Raise(new RoundClosed(Id, Round, outcome, ending, at, by));
        if (ending == RoundEnding.Fallback)
        {
            Raise(new VotingOpened(Id, Round + 1, _stage + 1, Revision, fallback!.Rule, null, at + fallback.Rule.Timing.VotingPeriod, at, by));
        }
    }

    private bool ActsFor(PartnerId partner, Actor by)
    {
        if (by.Kind != ActorKind.Person)
        {
            return false;
        }

        return _electorate is not null && _electorate.TryGetVoter(partner, out var voter)
            ? voter.IsRepresentedBy(by.Person!.Value)
            : by.OnBehalfOf == partner;
    }

    private void EnsureProposer(Actor by)
    {
        Preconditions.CheckNotNull(by, nameof(by));
        if (by.Kind != ActorKind.Person || by.OnBehalfOf != Proposer)
        {
            throw new CoalitionRuleException(ErrorCodes.Decisions.NotTheProposer, $"{by} does not act for the proposer {Proposer}.");
        }
    }

    private void EnsureFacilitator(Actor by, bool allowSystem)
    {
        Preconditions.CheckNotNull(by, nameof(by));
        var allowed = by.Kind == ActorKind.System ? allowSystem : by.Person is { } person && _facilitators.Contains(person);
        if (!allowed)
        {
            throw new CoalitionRuleException(ErrorCodes.Decisions.NotAFacilitator, $"{by} is not a facilitator of '{Title}'.");
        }
    }

    private void EnsureProposerOrFacilitator(Actor by)
    {
        Preconditions.CheckNotNull(by, nameof(by));
        var isProposer = by.Kind == ActorKind.Person && by.OnBehalfOf == Proposer;
        var isFacilitator = by.Person is { } person && _facilitators.Contains(person);
        if (!isProposer && !isFacilitator)
        {
            throw new CoalitionRuleException(ErrorCodes.Decisions.NotTheProposer, $"{by} is neither the proposer's representative nor a facilitator.");
        }
    }

    private void Ensure(Trigger trigger, ErrorCode code)
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

        var because = unmet.Count > 0 ? $": it requires that {string.Join(" and ", unmet)}" : string.Empty;
        throw new CoalitionRuleException(code, $"'{Title}' cannot {Describe(trigger)} while it is {_status}{because}.");
    }

    private static string Describe(Trigger trigger) => trigger switch
    {
        Trigger.Submit => "be submitted",
        Trigger.Revise => "be revised",
        Trigger.Second => "be seconded",
        Trigger.DeclareConflict => "take a declaration of interest",
        Trigger.OpenVoting => "open for voting",
        Trigger.Reopen => "reopen for voting",
        Trigger.RecordAttendance => "record attendance",
        Trigger.CastBallot => "take ballots",
        Trigger.Withdraw => "be withdrawn",
        Trigger.MarkImplemented => "be marked implemented",
        Trigger.ScheduleReview => "be given a review date",
        _ => "change",
    };

    private static void CheckText(string? value, int maxLength, string name, bool required) => FreeText.Check(value, name, required, maxLength);

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
