using System.Collections.ObjectModel;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using NodaTime;
using Stateless;
using Stateless.Graph;

namespace Coalitions.Core.Polls;

/// <summary>Where a poll is in its life.</summary>
public enum PollStatus
{
    /// <summary>Being prepared.</summary>
    Draft = 1,

    /// <summary>Open for ballots.</summary>
    Open = 2,

    /// <summary>Closed with its result.</summary>
    Closed = 3,

    /// <summary>Cancelled without a result.</summary>
    Cancelled = 4,
}

/// <summary>A poll was drafted.</summary>
/// <param name="Poll">The poll.</param>
/// <param name="Draft">What it asks.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record PollDrafted(PollId Poll, PollDraft Draft, Instant At, Actor By) : IDomainEvent;

/// <summary>The poll opened; its electorate is frozen.</summary>
/// <param name="Poll">The poll.</param>
/// <param name="Electorate">Who may vote.</param>
/// <param name="Deadline">When it closes.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record PollOpened(PollId Poll, Electorate Electorate, Instant Deadline, Instant At, Actor By) : IDomainEvent;

/// <summary>A voter cast or changed its ballot; the latest counts.</summary>
/// <param name="Poll">The poll.</param>
/// <param name="Ballot">The ballot.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record PollBallotCast(PollId Poll, PollBallot Ballot, Instant At, Actor By) : IDomainEvent;

/// <summary>Results visibility was tightened (or set before any ballot).</summary>
/// <param name="Poll">The poll.</param>
/// <param name="Visibility">The new visibility.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record PollVisibilityChanged(PollId Poll, ResultsVisibility Visibility, Instant At, Actor By) : IDomainEvent;

/// <summary>The poll closed with its result.</summary>
/// <param name="Poll">The poll.</param>
/// <param name="Result">The result, as figures: its words are rendered when the poll is read (<see cref="Poll.Result"/>), never stored.</param>
/// <param name="Seed">The seed used for any tie broken by lot.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record PollClosed(PollId Poll, PollResult Result, ulong Seed, Instant At, Actor By) : IDomainEvent;

/// <summary>A facilitator decided a tie the poll's rule leaves to the host (<see cref="TieBreak.HostDecision"/>).</summary>
/// <param name="Poll">The poll.</param>
/// <param name="Decision">The tie and the option it was decided for.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record PollTieDecided(PollId Poll, PollTie Decision, Instant At, Actor By) : IDomainEvent;

/// <summary>The poll was cancelled.</summary>
/// <param name="Poll">The poll.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record PollCancelled(PollId Poll, string Reason, Instant At, Actor By) : IDomainEvent;


/// <summary>
/// A poll or election: a question with options, a counting method, a frozen electorate and its ballots. Draft → Open →
/// Closed, or Cancelled.
/// </summary>
/// <remarks>
/// <para>Who may act: a facilitator the draft names drafts the poll; its facilitators open it, change its results
/// visibility, decide the ties its rule leaves to them, cancel it and close it, and the host system may close it too (a
/// scheduler at the deadline). A voter's ballot is cast only by one of its representatives, as the electorate frozen
/// when the poll opened lists them, acting for it. <c>docs/authorization.md</c> lists every command.</para>
/// <para>A ballot may be changed until close and the latest counts. Results are shown only as the visibility allows,
/// and visibility can be tightened but never loosened once a ballot exists. In an anonymous poll the results and
/// <see cref="BallotsCast"/> never say who chose what; the event stream, which must link a ballot to its voter so it can
/// be changed, is the host's to protect.</para>
/// <para>Every command checks who acts, then its input, then the state, and records its one event only when all pass.
/// A stored history replays only in an order the lifecycle allows: the poll opens once, from its draft; ballots come
/// while it is open, from voters of the frozen electorate, dated within the voting window, and fit the method; a tie
/// decision comes while it is open, under a rule that leaves ties to a facilitator, and names options of the poll; the
/// result names the poll's options and counts the ballots it holds.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class Poll : AggregateRoot<PollId>
{
    private static readonly Permissions<Poll, Acting> Who = new(
        nameof(Poll),
        static (poll, _, partner) => poll.Electorate is { } electorate && electorate.TryGetVoter(partner, out var voter) ? voter.Name : null);
    private static readonly Role<Poll, Acting> DraftingFacilitator = Who.Role(
        "a facilitator the draft names",
        static (_, by, acting) => by.Kind == ActorKind.Person && by.Person is { } person && acting.Facilitators?.Contains(person) == true);
    private static readonly Role<Poll, Acting> Facilitator = Who.Role(
        "a facilitator named for the poll",
        static (poll, by, _) => by.Kind == ActorKind.Person && by.Person is { } person && poll._facilitators.Contains(person));
    private static readonly Role<Poll, Acting> VoterRepresentative = Who.Role(
        "a representative of the voter, acting for it (once the poll is open, one the frozen electorate lists for it)",
        static (poll, by, acting) => by.Kind == ActorKind.Person && by.Person is { } person && by.OnBehalfOf == acting.Voter &&
            (poll.Electorate is null || !poll.Electorate.TryGetVoter(acting.Voter, out var voter) || voter.IsRepresentedBy(person)));

    private static readonly Command<Poll, Acting> DraftCommand = Who.Command(nameof(Draft), ErrorCodes.Polls.NotAFacilitator, DraftingFacilitator);
    private static readonly Command<Poll, Acting> OpenCommand = Who.Command(nameof(Open), ErrorCodes.Polls.NotAFacilitator, Facilitator);
    private static readonly Command<Poll, Acting> CastCommand = Who.Command(nameof(CastBallot), ErrorCodes.Polls.NotARepresentative, VoterRepresentative);
    private static readonly Command<Poll, Acting> ChangeVisibilityCommand = Who.Command(nameof(ChangeVisibility), ErrorCodes.Polls.NotAFacilitator, Facilitator);
    private static readonly Command<Poll, Acting> DecideTieCommand = Who.Command(nameof(DecideTie), ErrorCodes.Polls.NotAFacilitator, Facilitator);
    private static readonly Command<Poll, Acting> CloseCommand = Who.Command(nameof(Close), ErrorCodes.Polls.NotAFacilitator, Facilitator, Permissions<Poll, Acting>.System);
    private static readonly Command<Poll, Acting> CancelCommand = Who.Command(nameof(Cancel), ErrorCodes.Polls.NotAFacilitator, Facilitator);

    private readonly HashSet<PersonId> _facilitators = [];
    private readonly Dictionary<PartnerId, PollBallot> _ballots = [];
    private readonly List<PollTie> _tieDecisions = [];
    private StateMachine<PollStatus, Step>? _machine;
    private PollTally.BallotDoor? _door;
    private string? _subject;
    private sbyte[]? _permits;
    private PollStatus _status = PollStatus.Draft;

    private Poll()
    {
        TieDecisions = _tieDecisions.AsReadOnly();
    }

    private enum Step
    {
        Open,
        CastBallot,
        Tighten,
        Close,
        Cancel,
        DecideTie,
    }

    /// <summary>What an authorization check needs besides the actor: the voter a ballot is for, or the facilitators a draft names.</summary>
    private readonly record struct Acting(PartnerId Voter, IReadOnlyList<PersonId>? Facilitators);

    /// <summary>Gets what the poll asks: its question, options, rule and facilitators (read-only lists).</summary>
    public PollDraft Question { get; private set; } = null!;

    /// <summary>Gets the status.</summary>
    public PollStatus Status => _status;

    /// <summary>Gets the current results visibility.</summary>
    public ResultsVisibility Visibility { get; private set; }

    /// <summary>Gets the frozen electorate, once open.</summary>
    public Electorate? Electorate { get; private set; }

    /// <summary>Gets when the poll opened: ballots are taken from then until the deadline.</summary>
    public Instant? OpenedAt { get; private set; }

    /// <summary>Gets the deadline, once open.</summary>
    public Instant? Deadline { get; private set; }

    /// <summary>Gets the number of ballots cast (one per voter).</summary>
    public int BallotsCast => _ballots.Count;

    /// <summary>Gets the final result, once closed, with its words rendered from its stored figures.</summary>
    public PollResult? Result { get; private set; }

    /// <summary>Gets the ties a facilitator has decided, in the order recorded.</summary>
    public IReadOnlyList<PollTie> TieDecisions { get; }

    private string Subject => _subject ??= $"'{Question.Question}'";

    private StateMachine<PollStatus, Step> Machine => _machine ??= BuildMachine();

    /// <summary>Drafts a poll.</summary>
    /// <param name="id">Its id; never the empty id.</param>
    /// <param name="draft">The question, options, rule and facilitators (see <see cref="PollDraft"/> for the bounds).</param>
    /// <param name="by">A facilitator the draft names.</param>
    /// <param name="at">When the poll is drafted; in the years 1900 to 2999.</param>
    /// <returns>The poll, in <see cref="PollStatus.Draft"/>.</returns>
    /// <exception cref="CoalitionRuleException">
    /// <paramref name="by"/> is not one of the draft's facilitators (<c>Polls.NotAFacilitator</c>), an empty id
    /// (<c>Kernel.EmptyId</c>), a question, key or label that is not one bounded line (<c>Kernel.InvalidText</c>), or a
    /// draft whose options, facilitators or rule do not fit (<c>Polls.InvalidPoll</c>, <c>Kernel.InvalidInput</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// var poll = Poll.Draft(PollId.New(), new PollDraft(coalition.Id, "Which campaign theme next year?",
    ///     [new PollOption("reading", "Reading"), new PollOption("girls", "Girls' education")],
    ///     new PollRule(PollMethod.RankedChoice), [chair]), Actor.ForPerson(chair), now);
    /// </code>
    /// </example>
    public static Poll Draft(PollId id, PollDraft draft, Actor by, Instant at)
    {
        var poll = new Poll();
        DraftCommand.Authorize(poll, by, at, new Acting(default, draft?.Facilitators), "a new poll");
        Ensure.Id(id, nameof(id));
        PollDraftValidator.Instance.EnsureValid(draft);
        poll.Raise(new PollDrafted(id, Normalize(draft), at, by));
        return poll;
    }

    /// <summary>Rebuilds a poll from its stored events, checking that they form its history, without building its state machine.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The poll.</returns>
    /// <exception cref="StoredEventException">The events are not the history of one poll (<c>Kernel.CorruptHistory</c>).</exception>
    public static Poll Rehydrate(IEnumerable<IDomainEvent> history) => Rebuild(new Poll(), history);

    /// <summary>The poll lifecycle as a Mermaid state diagram, generated from the state machine.</summary>
    /// <returns>The diagram text.</returns>
    public static string LifecycleDiagram() => MermaidGraph.Format(new Poll().Machine.GetInfo());

    /// <summary>Opens the poll before an electorate until a deadline; the electorate is frozen.</summary>
    /// <param name="electorate">Who may vote: at least one voter, with the representatives who may cast each one's ballot.</param>
    /// <param name="deadline">When it closes: after <paramref name="at"/> and at most three years later.</param>
    /// <param name="by">A facilitator named for the poll.</param>
    /// <param name="at">When the poll opens: ballots are taken from this instant.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a facilitator (<c>Polls.NotAFacilitator</c>), no electorate (<c>Kernel.InvalidInput</c>), a deadline outside the
    /// years 1900 to 2999 (<c>Kernel.OutOfRange</c>), not a draft (<c>Polls.InvalidTransition</c>), an empty electorate
    /// (<c>Polls.EmptyElectorate</c>), or a deadline not after the opening or more than three years later (<c>Polls.InvalidDeadline</c>).
    /// </exception>
    /// <example>
    /// <code>poll.Open(coalition.PollElectorate(now), now + Duration.FromDays(7), Actor.ForPerson(chair), now);</code>
    /// </example>
    public void Open(Electorate electorate, Instant deadline, Actor by, Instant at)
    {
        OpenCommand.Authorize(this, by, at, default, Subject);
        Ensure.NotNull(electorate, nameof(electorate));
        Ensure.At(deadline, nameof(deadline));
        EnsureStep(Step.Open);
        if (electorate.Count == 0)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Polls.EmptyElectorate, "{title} opens before at least one voter; the electorate given is empty.", ("title", Subject));
        }

        if (deadline <= at || deadline - at > Limits.MaxVotingPeriod)
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Polls.InvalidDeadline,
                "The deadline of {title}, {deadline}, must fall after it opens ({at}) and at most {max} later.",
                ("title", Subject),
                ("deadline", deadline),
                ("at", at),
                ("max", Limits.MaxVotingPeriod));
        }

        Raise(new PollOpened(Id, electorate, deadline, at, by));
    }

    /// <summary>Whether a ballot would be accepted, with the unmet rule if not: the checks <see cref="CastBallot"/> makes, in its order.</summary>
    /// <param name="ballot">The ballot.</param>
    /// <param name="by">A representative of the voter, as the electorate frozen when the poll opened lists it, acting for the voter.</param>
    /// <param name="at">When the ballot would be cast: at or after the poll opened, strictly before its deadline.</param>
    /// <returns>The check: the refusal <see cref="CastBallot"/> would throw, or allowed.</returns>
    public RuleCheck CanCastBallot(PollBallot ballot, Actor by, Instant at)
    {
        try
        {
            Accept(ballot, by, at);
            return RuleCheck.Allowed;
        }
        catch (CoalitionRuleException refused)
        {
            return RuleCheck.Refused(refused.Failures[0]);
        }
    }

    /// <summary>Casts or changes a voter's ballot; the latest counts. The poll keeps its own copy of the ballot's lists.</summary>
    /// <param name="ballot">
    /// The ballot: its voter, and what it marks as the method takes it (see <see cref="PollBallot"/>): options of the poll
    /// only, at most twice as many ranks as options, points for at most every option.
    /// </param>
    /// <param name="by">A representative of the voter, as the electorate frozen when the poll opened lists it, acting for the voter.</param>
    /// <param name="at">When the ballot is cast: at or after the poll opened, strictly before its deadline.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not the voter's representative acting for it, which is also the refusal of no ballot or an empty voter (no one
    /// represents them) (<c>Polls.NotARepresentative</c>), not open (<c>Polls.InvalidTransition</c>), before the opening
    /// or at or after the deadline (<c>Polls.VotingNotOpen</c>), a voter outside the electorate (<c>Polls.NotInElectorate</c>),
    /// or a ballot that does not fit the method or the ballot rules (<c>Polls.InvalidBallot</c>).
    /// </exception>
    /// <example>
    /// <code>poll.CastBallot(PollBallot.Ranked(member, "girls", "reading"), Actor.Representing(delegatePerson, member), now);</code>
    /// </example>
    public void CastBallot(PollBallot ballot, Actor by, Instant at)
    {
        var accepted = Accept(ballot, by, at);
        Raise(new PollBallotCast(Id, accepted, at, by));
    }

    /// <summary>Casts or changes a voter's ballot: the former name of <see cref="CastBallot"/>, kept for one version.</summary>
    /// <param name="ballot">The ballot, as <see cref="CastBallot"/> takes it.</param>
    /// <param name="by">A representative of the voter, as the electorate frozen when the poll opened lists it, acting for the voter.</param>
    /// <param name="at">When the ballot is cast: at or after the poll opened, strictly before its deadline.</param>
    [Obsolete("Use CastBallot(ballot, by, at), the verb proposals use for the same act.")]
    public void Cast(PollBallot ballot, Actor by, Instant at) => CastBallot(ballot, by, at);

    /// <summary>Whether a ballot would be accepted: the former name of <see cref="CanCastBallot"/>, kept for one version.</summary>
    /// <param name="ballot">The ballot.</param>
    /// <param name="by">A representative of the voter, acting for it.</param>
    /// <param name="at">When the ballot would be cast.</param>
    /// <returns>The check, as <see cref="CanCastBallot"/> returns it.</returns>
    [Obsolete("Use CanCastBallot(ballot, by, at).")]
    public RuleCheck CanCast(PollBallot ballot, Actor by, Instant at) => CanCastBallot(ballot, by, at);

    /// <summary>Changes the results visibility: it can always be tightened, but loosened only before any ballot.</summary>
    /// <param name="visibility">The new visibility: a defined value.</param>
    /// <param name="by">A facilitator named for the poll.</param>
    /// <param name="at">When the visibility changes.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a facilitator (<c>Polls.NotAFacilitator</c>), an undefined visibility (<c>Kernel.InvalidInput</c>), closed or
    /// cancelled (<c>Polls.InvalidTransition</c>), or loosening after a ballot (<c>Polls.VisibilityLocked</c>).
    /// </exception>
    public void ChangeVisibility(ResultsVisibility visibility, Actor by, Instant at)
    {
        ChangeVisibilityCommand.Authorize(this, by, at, default, Subject);
        Ensure.Defined(visibility, nameof(visibility));
        EnsureStep(Step.Tighten);
        if (visibility < Visibility && _ballots.Count > 0)
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Polls.VisibilityLocked,
                "Ballots have been cast in {title}: its results, shown {current}, can be shown later but not sooner ({requested}).",
                ("title", Subject),
                ("current", When(Visibility)),
                ("requested", When(visibility)));
        }

        Raise(new PollVisibilityChanged(Id, visibility, at, by));
    }

    /// <summary>The results, as far as a viewer may see them now.</summary>
    /// <param name="viewer">The member asking, if a member; its ballot unlocks results under <see cref="ResultsVisibility.AfterVoting"/>.</param>
    /// <param name="seed">The seed for ties broken by lot (a preview; the final result uses the seed given at close).</param>
    /// <returns>The results, with their words.</returns>
    /// <exception cref="CoalitionRuleException">The poll is not open or closed, or its results are not visible yet (<c>Polls.ResultsHidden</c>).</exception>
    public PollResult Results(PartnerId? viewer, ulong seed = 0)
    {
        if (Result is not null)
        {
            return Result;
        }

        if (_status != PollStatus.Open)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Polls.ResultsHidden, "{title} is {status}: it has no results to show.", ("title", Subject), ("status", _status));
        }

        var visible = Visibility == ResultsVisibility.Always || (Visibility == ResultsVisibility.AfterVoting && viewer is { } v && _ballots.ContainsKey(v));
        if (!visible)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Polls.ResultsHidden, "Results of {title} are shown {when}; not yet.", ("title", Subject), ("when", When(Visibility)));
        }

        return PollTally.Count(Question.Rule, Question.Options, Ordered(), seed, _tieDecisions);
    }

    /// <summary>
    /// Records a facilitator's decision of a tie the rule leaves to the host: the count of the ballots cast meets it at
    /// <see cref="PollTie.Round"/> among <see cref="PollTie.Tied"/> (as <see cref="PollResult.PendingTie"/> or the refusal
    /// of <see cref="Close(Actor, Instant, ulong)"/> names it), and it is decided for <see cref="PollTie.Chosen"/>. A tie decided before may be
    /// decided again; the later decision replaces the earlier.
    /// </summary>
    /// <param name="decision">The tie (its round, kind and exactly its tied options) and the option chosen among them.</param>
    /// <param name="by">A facilitator named for the poll.</param>
    /// <param name="at">When the tie is decided; while the poll is open, after its deadline too.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a facilitator (<c>Polls.NotAFacilitator</c>), no decision (<c>Kernel.InvalidInput</c>), not open
    /// (<c>Polls.InvalidTransition</c>), a rule that breaks ties itself, or a decision that is not of the tie the count
    /// meets nor of one decided before, or chooses an option outside the tie (<c>Polls.InvalidTieDecision</c>).
    /// </exception>
    public void DecideTie(PollTie decision, Actor by, Instant at)
    {
        DecideTieCommand.Authorize(this, by, at, default, Subject);
        Ensure.NotNull(decision, nameof(decision));
        EnsureStep(Step.DecideTie);
        if (!LeavesTiesToHost(Question.Rule))
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Polls.InvalidTieDecision,
                "The rule of {title} breaks ties itself ({tieBreak}); no facilitator decides them.",
                ("title", Subject),
                ("tieBreak", Question.Rule.TieBreak));
        }

        if (TieProblem(decision) is { } problem)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Polls.InvalidTieDecision, "A tie decision of {title} " + problem, ("title", Subject));
        }

        var pending = PollTally.Figures(Question.Rule, Question.Options, Ordered(), 0, _tieDecisions).PendingTie;
        if (!(pending is not null && SameTie(pending, decision)) && !_tieDecisions.Any(d => SameTie(d, decision)))
        {
            throw pending is null
                ? CoalitionRuleException.Because(ErrorCodes.Polls.InvalidTieDecision, "The count of {title}, as the ballots stand, waits for no tie decision, and this tie was not decided before.", ("title", Subject))
                : CoalitionRuleException.Because(
                    ErrorCodes.Polls.InvalidTieDecision,
                    "The count of {title} waits for the tie of round {round}: {tied} are tied for {kind}; the decision given is for another tie.",
                    ("title", Subject),
                    ("round", pending.Round),
                    ("tied", Labels(pending.Tied)),
                    ("kind", TieWords(pending.Kind)));
        }

        Raise(new PollTieDecided(Id, new PollTie(decision.Round, decision.Kind, Array.AsReadOnly(decision.Tied.ToArray()), decision.Chosen, TieResolution.Host), at, by));
    }

    /// <summary>Closes the poll at or after its deadline, or once every voter has voted, and counts it.</summary>
    /// <param name="by">A facilitator named for the poll, or the host system (a scheduler at the deadline).</param>
    /// <param name="at">When the poll closes: at or after its deadline, or earlier once every voter has voted; never before it opened.</param>
    /// <param name="seed">The seed for any tie broken by lot (for example a number drawn in public); 0 when the rule draws no lots or the host has none.</param>
    /// <returns>The result, with its words; it is stored as figures.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not a facilitator nor the system (<c>Polls.NotAFacilitator</c>), not open (<c>Polls.InvalidTransition</c>), before
    /// it opened (<c>Polls.VotingNotOpen</c>), too early (<c>Polls.VotingStillOpen</c>), or a tie left to a facilitator not
    /// yet decided (<c>Polls.TieUndecided</c>).
    /// </exception>
    /// <example>
    /// <code>var result = poll.Close(Actor.System("scheduler"), poll.Deadline!.Value, seed: 2026);</code>
    /// </example>
    public PollResult Close(Actor by, Instant at, ulong seed = 0)
    {
        CloseCommand.Authorize(this, by, at, default, Subject);
        EnsureStep(Step.Close);
        if (at < OpenedAt)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Polls.VotingNotOpen, "{title} opened at {opened}; it cannot close before.", ("title", Subject), ("opened", OpenedAt));
        }

        if (at < Deadline && _ballots.Count < Electorate!.Count)
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Polls.VotingStillOpen,
                "{title} stays open until {deadline}, or until every voter has voted ({cast} of {voters} have).",
                ("title", Subject),
                ("deadline", Deadline),
                ("cast", _ballots.Count),
                ("voters", Electorate.Count));
        }

        // The event stores the figures; the words are rendered when the result is read (Apply), so they can improve later.
        var result = PollTally.Figures(Question.Rule, Question.Options, Ordered(), seed, _tieDecisions);
        if (result.PendingTie is { } tie)
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Polls.TieUndecided,
                "Round {round}: {tied} are tied for {kind}, and the rule of {title} leaves the tie to a facilitator, who decides it (DecideTie) before the poll can close.",
                ("round", tie.Round),
                ("tied", Labels(tie.Tied)),
                ("kind", TieWords(tie.Kind)),
                ("title", Subject));
        }

        Raise(new PollClosed(Id, result, seed, at, by));
        return Result!;
    }

    /// <summary>Closes and counts the poll: the former argument order of <see cref="Close(Actor, Instant, ulong)"/>, kept for one version.</summary>
    /// <param name="seed">The seed for any tie broken by lot.</param>
    /// <param name="by">A facilitator named for the poll, or the host system (a scheduler at the deadline).</param>
    /// <param name="at">When the poll closes: at or after its deadline, or earlier once every voter has voted; never before it opened.</param>
    /// <returns>The result, as <see cref="Close(Actor, Instant, ulong)"/> returns it.</returns>
    [Obsolete("Use Close(by, at, seed): optional inputs come after the instant, as in Proposal.Close(by, at, castingVote).")]
    public PollResult Close(ulong seed, Actor by, Instant at) => Close(by, at, seed);

    /// <summary>Cancels the poll before it closes.</summary>
    /// <param name="reason">Why: at most 2,000 characters.</param>
    /// <param name="by">A facilitator named for the poll.</param>
    /// <param name="at">When the poll is cancelled.</param>
    /// <exception cref="CoalitionRuleException">Not a facilitator (<c>Polls.NotAFacilitator</c>), no reason or one too long (<c>Kernel.InvalidText</c>), or closed or cancelled already (<c>Polls.InvalidTransition</c>).</exception>
    public void Cancel(string reason, Actor by, Instant at)
    {
        CancelCommand.Authorize(this, by, at, default, Subject);
        FreeText.Check(reason, nameof(reason), required: true, Limits.ReasonLength);
        EnsureStep(Step.Cancel);
        Raise(new PollCancelled(Id, reason.Trim(), at, by));
    }

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is PollDrafted;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => domainEvent switch
    {
        PollDrafted e => PollBounds.Problem(PollDraftValidator.Instance, e.Draft) is { } problem ? "the draft is invalid: " + problem : null,
        PollOpened when _status != PollStatus.Draft => "a poll opens once, from its draft.",
        PollOpened e when e.Electorate.Count == 0 => "the electorate it freezes is empty.",
        PollOpened e when e.Deadline <= e.At => "its deadline is not after its opening.",
        PollBallotCast e => BallotProblem(e),
        PollVisibilityChanged when _status is not (PollStatus.Draft or PollStatus.Open) => "the poll is closed or cancelled.",
        PollVisibilityChanged e when e.Visibility < Visibility && _ballots.Count > 0 => "it loosens the results visibility after ballots were cast.",
        PollTieDecided when _status != PollStatus.Open => "the poll is not open.",
        PollTieDecided when !LeavesTiesToHost(Question.Rule) => "the poll's rule breaks ties itself.",
        PollTieDecided e => TieProblem(e.Decision) is { } problem ? "the decision " + problem : e.Decision.By != TieResolution.Host ? "the decision is not a facilitator's." : null,
        PollClosed e => ClosingProblem(e.Result),
        PollCancelled when _status is not (PollStatus.Draft or PollStatus.Open) => "the poll is closed or cancelled already.",
        _ => null,
    };

    /// <inheritdoc />
    protected override void Apply(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case PollDrafted e:
                Id = e.Poll;
                Question = ReadOnly(e.Draft);
                _door = null;
                _subject = null;
                _facilitators.UnionWith(e.Draft.Facilitators);
                Visibility = e.Draft.Rule.Visibility;
                _status = PollStatus.Draft;
                break;
            case PollOpened e:
                Electorate = e.Electorate;
                OpenedAt = e.At;
                Deadline = e.Deadline;
                _status = PollStatus.Open;
                break;
            case PollBallotCast e:
                _ballots[e.Ballot.Voter] = e.Ballot;
                break;
            case PollVisibilityChanged e:
                Visibility = e.Visibility;
                break;
            case PollClosed e:
                Result = e.Result.WithExplanation(Question.Rule, Question.Options);
                _status = PollStatus.Closed;
                break;
            case PollCancelled:
                _status = PollStatus.Cancelled;
                break;
            case PollTieDecided e:
                _tieDecisions.RemoveAll(d => SameTie(d, e.Decision));
                _tieDecisions.Add(e.Decision);
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }

    private static bool LeavesTiesToHost(PollRule rule) => rule.TieBreak is TieBreak.HostDecision or TieBreak.EarlierRoundsThenHostDecision;

    private static bool SameTie(PollTie a, PollTie b) =>
        a.Round == b.Round && a.Kind == b.Kind && a.Tied.Count == b.Tied.Count && a.Tied.All(k => b.Tied.Contains(k, StringComparer.Ordinal));

    // The poll keeps its own copies, handed out read-only: a caller's later change to its lists changes nothing here.
    private static PollDraft Normalize(PollDraft draft) => new(
        draft.Coalition,
        draft.Question.Trim(),
        draft.Options.Select(o => new PollOption(o.Key, o.Label.Trim())).ToArray(),
        draft.Rule with { TieOrder = draft.Rule.TieOrder?.ToArray() },
        draft.Facilitators.Distinct().ToArray());

    private static PollDraft ReadOnly(PollDraft draft) => draft with
    {
        Options = Array.AsReadOnly(draft.Options.ToArray()),
        Rule = draft.Rule with { TieOrder = draft.Rule.TieOrder is { } order ? Array.AsReadOnly(order.ToArray()) : null },
        Facilitators = Array.AsReadOnly(draft.Facilitators.ToArray()),
    };

    private static string When(ResultsVisibility visibility) => visibility switch
    {
        ResultsVisibility.Always => "always",
        ResultsVisibility.AfterVoting => "to a voter once it has voted, and to everyone after close",
        _ => "after close",
    };

    private static string TieWords(TieKind kind) => kind switch
    {
        TieKind.LastPlace => "last place",
        TieKind.FirstPlace => "first place",
        _ => "the surplus passed on first",
    };

    /// <summary>The checks of a ballot at the door, in order; the ballot the poll keeps, or the refusal.</summary>
    private PollBallot Accept(PollBallot ballot, Actor by, Instant at)
    {
        CastCommand.Authorize(this, by, at, new Acting(ballot?.Voter ?? default, null), Subject);
        Ensure.NotNull(ballot, nameof(ballot));
        Ensure.Id(ballot.Voter, "voter");
        EnsureStep(Step.CastBallot);
        if (at < OpenedAt)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Polls.VotingNotOpen, "{title} opened at {opened}; a ballot cannot be cast before.", ("title", Subject), ("opened", OpenedAt));
        }

        if (at >= Deadline)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Polls.VotingNotOpen, "The deadline of {title}, {deadline}, has passed; ballots are no longer taken.", ("title", Subject), ("deadline", Deadline));
        }

        if (!Electorate!.TryGetVoter(ballot.Voter, out var voter))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Polls.NotInElectorate, "Partner {partner} is not in the electorate of {title}, frozen when it opened.", ("partner", ballot.Voter), ("title", Subject));
        }

        var copy = Copy(ballot, Question.Options.Count, out var problem);
        problem ??= (_door ??= new PollTally.BallotDoor(Question.Rule, Question.Options)).Problem(copy!);
        if (problem is not null)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Polls.InvalidBallot, "The ballot of {voter} in {title} " + problem + ".", ("voter", voter.DisplayName), ("partner", voter.Partner), ("title", Subject));
        }

        return copy!;
    }

    /// <summary>
    /// A copy of a ballot's lists, read-only, refusing what no method takes: missing lists, keys that are null, more marks
    /// than the poll's options allow. The method's own checks follow.
    /// </summary>
    private static PollBallot? Copy(PollBallot ballot, int options, out string? problem)
    {
        const string Unknown = "names an option the poll does not have";
        var maxRanks = 2 * options;
        if (ballot.Ranking is not { } given || ballot.Points is not { } givenPoints)
        {
            problem = ballot.Ranking is null ? "gives no ranking (an empty one chooses nothing)" : "gives no points (an empty set gives none)";
            return null;
        }

        problem = given.Count > maxRanks || givenPoints.Count > options ? "marks more than the poll's options allow"
            : ballot.Ranks is { Count: var ranks } && ranks > maxRanks ? "marks more ranks than twice the poll's options"
            : null;
        if (problem is not null)
        {
            return null;
        }

        var ranking = new string[given.Count];
        for (var i = 0; i < ranking.Length; i++)
        {
            if (given[i] is not { } key)
            {
                problem = Unknown;
                return null;
            }

            ranking[i] = key;
        }

        var points = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in givenPoints)
        {
            if (key is null || !points.TryAdd(key, value))
            {
                problem = key is null ? Unknown : "names an option twice";
                return null;
            }
        }

        IReadOnlyList<IReadOnlyList<string>>? marked = null;
        if (ballot.Ranks is { } givenRanks)
        {
            var copies = new IReadOnlyList<string>[givenRanks.Count];
            for (var r = 0; r < copies.Length; r++)
            {
                if (givenRanks[r] is not { } rank)
                {
                    problem = "has a missing rank (null)";
                    return null;
                }

                if (rank.Count > options || rank.Any(k => k is null))
                {
                    problem = rank.Count > options ? "marks more options at one rank than the poll has" : Unknown;
                    return null;
                }

                copies[r] = Array.AsReadOnly(rank.ToArray());
            }

            marked = Array.AsReadOnly(copies);
        }

        return new PollBallot(ballot.Voter, Array.AsReadOnly(ranking), new ReadOnlyDictionary<string, int>(points), marked);
    }

    /// <summary>What is wrong with a tie decision's shape, completing "A tie decision … ", or null.</summary>
    private string? TieProblem(PollTie decision)
    {
        var keys = Question.Options.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        if (decision.Round < 1)
        {
            return "names a round from 1.";
        }

        if (!Ensure.IsDefined(decision.Kind))
        {
            return "names a defined kind of tie.";
        }

        if (decision.Tied is not { Count: >= 2 } tied || tied.Count > keys.Count)
        {
            return "names two or more of the poll's options as tied.";
        }

        if (tied.Any(k => k is null || !keys.Contains(k)) || tied.Distinct(StringComparer.Ordinal).Count() != tied.Count)
        {
            return "names each tied option once, and only options of the poll.";
        }

        return decision.Chosen is { } chosen && tied.Contains(chosen, StringComparer.Ordinal) ? null : "chooses one of the tied options.";
    }

    private string? BallotProblem(PollBallotCast e)
    {
        if (_status != PollStatus.Open)
        {
            return "the poll is not open.";
        }

        if (!Electorate!.Contains(e.Ballot.Voter))
        {
            return "the voter is not in the electorate frozen when the poll opened.";
        }

        if (e.At < OpenedAt || e.At >= Deadline)
        {
            return "it is dated outside the voting window, from the opening to the deadline.";
        }

        return PollTally.BallotProblem(Question.Rule, Question.Options, e.Ballot) is { } problem ? "the ballot " + problem + "." : null;
    }

    private string? ClosingProblem(PollResult result)
    {
        if (_status != PollStatus.Open)
        {
            return "the poll is not open.";
        }

        if (result.PendingTie is not null)
        {
            return "the result still waits for a tie decision.";
        }

        if (result.Method != Question.Rule.Method)
        {
            return "the result is of another method than the poll's.";
        }

        if (result.Ballots != _ballots.Count)
        {
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the result counts {result.Ballots:N0} ballots, but the poll holds {_ballots.Count:N0}.");
        }

        var keys = Question.Options.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var named = result.Winners.Concat(result.Runoff)
            .Concat(result.Rounds.SelectMany(r => r.Totals.Select(t => t.Option).Concat(r.Elected).Concat(r.Eliminated).Concat(r.ElectedWithoutQuota)))
            .Concat(result.Rounds.Select(r => r.SurplusTransferred).OfType<string>())
            .Concat(result.Ties.SelectMany(t => t.Tied.Append(t.Chosen)).OfType<string>())
            .Concat(result.Availability.Select(a => a.Option));
        return named.All(keys.Contains) ? null : "the result names an option the poll does not have.";
    }

    // The count never depends on the order ballots arrived: ballots are counted in electorate order.
    private PollBallot[] Ordered() =>
        Electorate!.Voters.Where(v => _ballots.ContainsKey(v.Partner)).Select(v => _ballots[v.Partner]).ToArray();

    private string[] Labels(IEnumerable<string> keys) =>
        keys.Select(k => Question.Options.FirstOrDefault(o => o.Key == k)?.Label ?? k).ToArray();

    private void EnsureStep(Step step)
    {
        if (!Permits(step))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Polls.InvalidTransition, "{title} cannot {action} while it is {status}.", ("title", Subject), ("action", Action(step)), ("status", _status));
        }
    }

    // No state of the machine guards a step, so whether it permits one depends on the status alone: the machine is
    // consulted once per status and step, not on every ballot (its CanFire allocates as it searches its handlers).
    private bool Permits(Step step)
    {
        const int Steps = (int)Step.DecideTie + 1;
        _permits ??= new sbyte[((int)PollStatus.Cancelled + 1) * Steps];
        var key = ((int)_status * Steps) + (int)step;
        if (_permits[key] == 0)
        {
            _permits[key] = Machine.CanFire(step) ? (sbyte)1 : (sbyte)-1;
        }

        return _permits[key] > 0;
    }

    private static string Action(Step step) => step switch
    {
        Step.Open => "open",
        Step.CastBallot => "take ballots",
        Step.Tighten => "change its results visibility",
        Step.Close => "close",
        Step.Cancel => "be cancelled",
        _ => "take a tie decision",
    };

    private StateMachine<PollStatus, Step> BuildMachine()
    {
        var machine = new StateMachine<PollStatus, Step>(() => _status, s => _status = s);
        machine.Configure(PollStatus.Draft)
            .Permit(Step.Open, PollStatus.Open)
            .PermitReentry(Step.Tighten)
            .Permit(Step.Cancel, PollStatus.Cancelled);
        machine.Configure(PollStatus.Open)
            .PermitReentry(Step.CastBallot)
            .PermitReentry(Step.Tighten)
            .PermitReentry(Step.DecideTie)
            .Permit(Step.Close, PollStatus.Closed)
            .Permit(Step.Cancel, PollStatus.Cancelled);
        machine.Configure(PollStatus.Closed);
        machine.Configure(PollStatus.Cancelled);
        return machine;
    }
}
