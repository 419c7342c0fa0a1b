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

/// <summary>What a poll asks: the input of <see cref="Poll.Draft"/>.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Question">The question.</param>
/// <param name="Options">The options, in the order shown.</param>
/// <param name="Rule">How it counts and who sees what.</param>
/// <param name="Facilitators">The people who open, close and cancel it.</param>
public sealed record PollDraft(CoalitionId Coalition, string Question, IReadOnlyList<PollOption> Options, PollRule Rule, IReadOnlyList<PersonId> Facilitators);

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
/// <param name="Result">The result.</param>
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
/// <para>Only a voter's representatives cast its ballot; a ballot may be changed until close and the latest counts.
/// Results are shown only as the visibility allows, and visibility can be tightened but never loosened once a ballot
/// exists. In an anonymous poll the results and <see cref="BallotsCast"/> never say who chose what; the event stream,
/// which must link a ballot to its voter so it can be changed, is the host's to protect.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class Poll : AggregateRoot<PollId>
{
    private readonly Dictionary<PartnerId, PollBallot> _ballots = [];
    private readonly List<PollTie> _tieDecisions = [];
    private StateMachine<PollStatus, Step>? _machine;
    private PollStatus _status = PollStatus.Draft;

    private Poll()
    {
    }

    private enum Step
    {
        Open,
        Cast,
        Tighten,
        Close,
        Cancel,
        DecideTie,
    }

    /// <summary>Gets what the poll asks.</summary>
    public PollDraft Question { get; private set; } = null!;

    /// <summary>Gets the status.</summary>
    public PollStatus Status => _status;

    /// <summary>Gets the current results visibility.</summary>
    public ResultsVisibility Visibility { get; private set; }

    /// <summary>Gets the frozen electorate, once open.</summary>
    public Electorate? Electorate { get; private set; }

    /// <summary>Gets the deadline, once open.</summary>
    public Instant? Deadline { get; private set; }

    /// <summary>Gets the number of ballots cast (one per voter).</summary>
    public int BallotsCast => _ballots.Count;

    /// <summary>Gets the final result, once closed.</summary>
    public PollResult? Result { get; private set; }

    /// <summary>Gets the ties a facilitator has decided, in the order recorded.</summary>
    public IReadOnlyList<PollTie> TieDecisions => _tieDecisions;

    private StateMachine<PollStatus, Step> Machine => _machine ??= BuildMachine();

    /// <summary>Drafts a poll.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="draft">The question, options and rule.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <returns>The poll.</returns>
    /// <exception cref="CoalitionRuleException">An invalid question, options or rule (<c>Polls.InvalidPoll</c>).</exception>
    public static Poll Draft(PollId id, PollDraft draft, Actor by, Instant at)
    {
        Preconditions.CheckNotNull(draft, nameof(draft));
        PollTally.CheckPoll(draft.Rule, draft.Options);
        if (string.IsNullOrWhiteSpace(draft.Question) || draft.Question.Length > 500 || draft.Facilitators is not { Count: > 0 })
        {
            throw new CoalitionRuleException(ErrorCodes.Polls.InvalidPoll, "A poll needs a question of at most 500 characters and at least one facilitator.");
        }

        var poll = new Poll();
        var rule = draft.Rule with { TieOrder = draft.Rule.TieOrder?.ToArray() };
        poll.Raise(new PollDrafted(id, draft with { Options = draft.Options.ToArray(), Rule = rule, Facilitators = draft.Facilitators.ToArray() }, at, Preconditions.CheckNotNull(by, nameof(by))));
        return poll;
    }

    /// <summary>Rebuilds a poll from its events, without checks.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The poll.</returns>
    public static Poll Rehydrate(IEnumerable<IDomainEvent> history) => Rebuild(new Poll(), history);

    /// <summary>The poll lifecycle as a Mermaid state diagram, generated from the state machine.</summary>
    /// <returns>The diagram text.</returns>
    public static string LifecycleDiagram() => MermaidGraph.Format(new Poll().Machine.GetInfo());

    /// <summary>Opens the poll before an electorate until a deadline.</summary>
    /// <param name="electorate">Who may vote.</param>
    /// <param name="deadline">When it closes; after <paramref name="at"/>.</param>
    /// <param name="by">A facilitator.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not a draft, not a facilitator, no voter, or a deadline in the past.</exception>
    public void Open(Electorate electorate, Instant deadline, Actor by, Instant at)
    {
        Preconditions.CheckNotNull(electorate, nameof(electorate));
        EnsureFacilitator(by);
        Ensure(Step.Open);
        if (electorate.Count == 0 || deadline <= at)
        {
            throw new CoalitionRuleException(ErrorCodes.Polls.InvalidPoll, "A poll opens before at least one voter, with a deadline after it opens.");
        }

        Raise(new PollOpened(Id, electorate, deadline, at, by));
    }

    /// <summary>Casts or changes a voter's ballot.</summary>
    /// <param name="ballot">The ballot.</param>
    /// <param name="by">A representative of the voter.</param>
    /// <param name="at">When; before the deadline.</param>
    /// <exception cref="CoalitionRuleException">Not open, past the deadline, not a voter or its representative, or a ballot that does not fit the method.</exception>
    public void Cast(PollBallot ballot, Actor by, Instant at)
    {
        Preconditions.CheckNotNull(ballot, nameof(ballot));
        Preconditions.CheckNotNull(by, nameof(by));
        Ensure(Step.Cast);
        if (at >= Deadline)
        {
            throw new CoalitionRuleException(ErrorCodes.Decisions.VotingNotOpen, $"The poll closed at {Deadline}.");
        }

        if (!Electorate!.TryGetVoter(ballot.Voter, out var voter))
        {
            throw new CoalitionRuleException(ErrorCodes.Decisions.NotInElectorate, $"{ballot.Voter} is not a voter in this poll.");
        }

        if (by.Person is not { } person || !voter.IsRepresentedBy(person))
        {
            throw new CoalitionRuleException(ErrorCodes.Decisions.NotARepresentative, $"{by} does not represent {voter.DisplayName}.");
        }

        PollTally.CheckBallot(Question.Rule, Question.Options, ballot).ThrowIfRefused();
        Raise(new PollBallotCast(Id, ballot, at, by));
    }

    /// <summary>Changes the results visibility: it can always be tightened, but loosened only before any ballot.</summary>
    /// <param name="visibility">The new visibility.</param>
    /// <param name="by">A facilitator.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Loosening after a ballot (<c>Polls.VisibilityLocked</c>), or a closed poll.</exception>
    public void ChangeVisibility(ResultsVisibility visibility, Actor by, Instant at)
    {
        EnsureFacilitator(by);
        Ensure(Step.Tighten);
        if (visibility < Visibility && _ballots.Count > 0)
        {
            throw new CoalitionRuleException(ErrorCodes.Polls.VisibilityLocked, $"Ballots have been cast: visibility can go from {Visibility} only to something stricter.");
        }

        Raise(new PollVisibilityChanged(Id, visibility, at, by));
    }

    /// <summary>The results, as far as a viewer may see them now.</summary>
    /// <param name="viewer">The member asking, if a member; its ballot unlocks results under <see cref="ResultsVisibility.AfterVoting"/>.</param>
    /// <param name="seed">The seed for ties broken by lot (a preview; the final result uses the seed given at close).</param>
    /// <returns>The results.</returns>
    /// <exception cref="CoalitionRuleException">The results are not visible yet (<c>Polls.ResultsHidden</c>) or the poll has not opened.</exception>
    public PollResult Results(PartnerId? viewer, ulong seed = 0)
    {
        if (Result is not null)
        {
            return Result;
        }

        var visible = _status == PollStatus.Open && (Visibility == ResultsVisibility.Always ||
                      (Visibility == ResultsVisibility.AfterVoting && viewer is { } v && _ballots.ContainsKey(v)));
        if (!visible)
        {
            throw new CoalitionRuleException(ErrorCodes.Polls.ResultsHidden, $"Results of '{Question.Question}' are shown {Visibility}; not now.");
        }

        return PollTally.Count(Question.Rule, Question.Options, Ordered(), seed, _tieDecisions);
    }

    /// <summary>
    /// Records a facilitator's decision of a tie the rule leaves to the host: the count met it at <see cref="PollTie.Round"/>
    /// among <see cref="PollTie.Tied"/> (as <see cref="PollResult.PendingTie"/> or the refusal of <see cref="Close"/> names
    /// it), and it is decided for <see cref="PollTie.Chosen"/>. A later decision of the same tie replaces an earlier one.
    /// </summary>
    /// <param name="decision">The tie and the option it is decided for.</param>
    /// <param name="by">A facilitator.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Not open, not a facilitator, a rule that does not leave ties to the host, or a decision that names no tie of this poll (<c>Polls.InvalidTieDecision</c>).</exception>
    public void DecideTie(PollTie decision, Actor by, Instant at)
    {
        Preconditions.CheckNotNull(decision, nameof(decision));
        EnsureFacilitator(by);
        Ensure(Step.DecideTie);
        var keys = Question.Options.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var valid = Question.Rule.TieBreak is TieBreak.HostDecision or TieBreak.EarlierRoundsThenHostDecision &&
                    decision.Round >= 1 && Enum.IsDefined(decision.Kind) && decision.Tied is { Count: >= 2 } tied &&
                    tied.All(k => k is not null && keys.Contains(k)) && tied.Distinct(StringComparer.Ordinal).Count() == tied.Count &&
                    decision.Chosen is { } chosen && tied.Contains(chosen);
        if (!valid)
        {
            throw new CoalitionRuleException(ErrorCodes.Polls.InvalidTieDecision, $"A tie decision needs a rule that leaves ties to a facilitator (this one breaks them by {Question.Rule.TieBreak}), a round from 1, two or more of the poll's options and one of them chosen.");
        }

        Raise(new PollTieDecided(Id, decision with { Tied = decision.Tied.ToArray(), By = TieResolution.Host }, at, by));
    }

    /// <summary>Closes the poll at or after the deadline, or once every voter has voted, and counts it.</summary>
    /// <param name="seed">The seed for any tie broken by lot (for example a number drawn in public).</param>
    /// <param name="by">A facilitator, or the system at the deadline.</param>
    /// <param name="at">When.</param>
    /// <returns>The result.</returns>
    /// <exception cref="CoalitionRuleException">Not open, too early, not a facilitator, or a tie left to a facilitator not yet decided (<c>Polls.TieUndecided</c>).</exception>
    public PollResult Close(ulong seed, Actor by, Instant at)
    {
        Preconditions.CheckNotNull(by, nameof(by));
        if (by.Kind != ActorKind.System)
        {
            EnsureFacilitator(by);
        }

        Ensure(Step.Close);
        if (at < Deadline && _ballots.Count < Electorate!.Count)
        {
            throw new CoalitionRuleException(ErrorCodes.Decisions.VotingStillOpen, $"The poll stays open until {Deadline} or until every voter has voted.");
        }

        // The event stores the figures; the words are rendered when the result is read (Apply), so they can improve later.
        var result = PollTally.Figures(Question.Rule, Question.Options, Ordered(), seed, _tieDecisions);
        if (result.PendingTie is { } tie)
        {
            var labels = tie.Tied.Select(k => Question.Options.First(o => o.Key == k).Label);
            throw new CoalitionRuleException(ErrorCodes.Polls.TieUndecided, $"Round {tie.Round}: {string.Join(", ", labels)} are tied ({tie.Kind}); a facilitator decides the tie (DecideTie) before the poll can close.");
        }

        Raise(new PollClosed(Id, result, seed, at, by));
        return Result!;
    }

    /// <summary>Cancels the poll before it closes.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="by">A facilitator.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">Closed or cancelled already, no reason, or not a facilitator.</exception>
    public void Cancel(string reason, Actor by, Instant at)
    {
        EnsureFacilitator(by);
        Ensure(Step.Cancel);
        FreeText.Check(reason, nameof(reason), required: true);
        Raise(new PollCancelled(Id, reason, at, by));
    }

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is PollDrafted;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => null;

    /// <inheritdoc />
    protected override void Apply(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case PollDrafted e:
                Id = e.Poll;
                Question = e.Draft;
                Visibility = e.Draft.Rule.Visibility;
                _status = PollStatus.Draft;
                break;
            case PollOpened e:
                Electorate = e.Electorate;
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
                _tieDecisions.RemoveAll(d => d.Round == e.Decision.Round && d.Kind == e.Decision.Kind && d.Tied.Order(StringComparer.Ordinal).SequenceEqual(e.Decision.Tied.Order(StringComparer.Ordinal)));
                _tieDecisions.Add(e.Decision);
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }

    // The count never depends on the order ballots arrived: ballots are counted in electorate order.
    private PollBallot[] Ordered() =>
        Electorate!.Voters.Where(v => _ballots.ContainsKey(v.Partner)).Select(v => _ballots[v.Partner]).ToArray();

    private void EnsureFacilitator(Actor by)
    {
        Preconditions.CheckNotNull(by, nameof(by));
        if (by.Person is not { } person || !Question.Facilitators.Contains(person))
        {
            throw new CoalitionRuleException(ErrorCodes.Decisions.NotAFacilitator, $"{by} is not a facilitator of this poll.");
        }
    }

    private void Ensure(Step step)
    {
        if (!Machine.CanFire(step))
        {
            throw new CoalitionRuleException(ErrorCodes.Polls.InvalidTransition, $"The poll is {_status}; it cannot {step.ToString().ToLowerInvariant()} now.");
        }
    }

    private StateMachine<PollStatus, Step> BuildMachine()
    {
        var machine = new StateMachine<PollStatus, Step>(() => _status, s => _status = s);
        machine.Configure(PollStatus.Draft)
            .Permit(Step.Open, PollStatus.Open)
            .PermitReentry(Step.Tighten)
            .Permit(Step.Cancel, PollStatus.Cancelled);
        machine.Configure(PollStatus.Open)
            .PermitReentry(Step.Cast)
            .PermitReentry(Step.Tighten)
            .PermitReentry(Step.DecideTie)
            .Permit(Step.Close, PollStatus.Closed)
            .Permit(Step.Cancel, PollStatus.Cancelled);
        machine.Configure(PollStatus.Closed);
        machine.Configure(PollStatus.Cancelled);
        return machine;
    }
}
