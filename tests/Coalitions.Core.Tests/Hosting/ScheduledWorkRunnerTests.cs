using Coalitions.Core.Decisions;
using Coalitions.Core.Hosting;
using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using Coalitions.Core.Storage;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using NodaTime.Testing;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Hosting;

public class ScheduledWorkRunnerTests
{
    private readonly InMemoryEventStore _events = new();
    private readonly FakeClock _clock = new(HostingScenario.AfterTheDeadlines);

    [Fact]
    public async Task The_runner_closes_a_vote_at_its_deadline_as_the_scheduler()
    {
        var store = new AggregateStore(_events, _clock);
        await HostingScenario.SaveDueWorkAsync(store, votes: 1, polls: 1);

        var results = await new ScheduledWorkRunner(store, _clock).RunDueAsync();

        Assert.All(results, r => Assert.Equal(WorkOutcome.Done, r.Outcome));
        var proposal = await store.LoadAsync<Proposal>(ProposalNumber(1));
        var poll = await store.LoadAsync<Poll>(HostingScenario.PollNumber(1));
        Assert.Equal((ProposalStatus.Closed, PollStatus.Closed), (proposal.Status, poll.Status));
        var closed = EventSerializer.Default.Deserialize((await _events.ReadStreamAsync(proposal.StreamName, proposal.Version))[0]);
        Assert.Equal(Actor.System("scheduler"), Assert.IsType<RoundClosed>(closed).By);
    }

    [Fact]
    public async Task Nothing_is_done_before_it_is_due()
    {
        var store = new AggregateStore(_events, _clock);
        await HostingScenario.SaveDueWorkAsync(store, votes: 1, polls: 1);
        _clock.Reset(Start + Duration.FromDays(6));

        Assert.Empty(await new ScheduledWorkRunner(store, _clock).RunDueAsync());
    }

    [Fact]
    public async Task Two_runners_that_load_the_same_vote_close_it_once_and_the_second_drops_it_on_the_conflict()
    {
        var shared = new LoadBothThenAppend(_events);
        await HostingScenario.SaveDueWorkAsync(new AggregateStore(_events, _clock), votes: 1, polls: 0);
        var first = new ScheduledWorkRunner(new AggregateStore(shared, _clock), _clock);
        var second = new ScheduledWorkRunner(new AggregateStore(shared, _clock), _clock);
        shared.Armed = true;

        var results = await Task.WhenAll(Task.Run(() => first.RunDueAsync()), Task.Run(() => second.RunDueAsync()));

        var outcomes = results.SelectMany(r => r).OrderBy(r => r.Outcome).ToArray();
        Assert.Equal([WorkOutcome.Done, WorkOutcome.Dropped], outcomes.Select(r => r.Outcome));
        Assert.Equal(ErrorCodes.Kernel.ConcurrencyConflict.Code, outcomes[1].Code);
        var stream = await _events.ReadStreamAsync(OpenVoteStream(1), 1);
        Assert.Single(stream, e => e.EventType == "Decisions.RoundClosed");
    }

    [Fact]
    public async Task A_runner_that_loads_a_vote_already_closed_drops_it()
    {
        var store = new AggregateStore(_events, _clock);
        await HostingScenario.SaveDueWorkAsync(store, votes: 1, polls: 0);
        var late = new ScheduledWorkRunner(store, _clock);
        await late.Schedule.CatchUpAsync(_events);
        await new ScheduledWorkRunner(store, _clock).RunDueAsync();

        // The late runner's projection still holds the round: its run catches up first and finds nothing due.
        Assert.Empty(await late.RunDueAsync());
        Assert.Equal(0, late.Schedule.Count);
    }

    [Fact]
    public async Task A_tie_that_needs_the_chairs_casting_vote_is_refused_and_stays_due()
    {
        var store = new AggregateStore(_events, _clock);
        var proposal = HostingScenario.OpenVote(1, DecisionRule.SimpleMajority().WithCastingVote());
        proposal.Vote(2, Stance.Oppose, 2);
        await store.SaveAsync(proposal);
        var runner = new ScheduledWorkRunner(store, _clock);

        var result = Assert.Single(await runner.RunDueAsync());

        Assert.Equal((WorkOutcome.Refused, ErrorCodes.Decisions.CastingVoteRequired.Code), (result.Outcome, result.Code));
        Assert.Single(runner.Schedule.DueAt(_clock.GetCurrentInstant()));
    }

    [Fact]
    public async Task A_notice_goes_out_once_across_runners_and_after_a_rebuild()
    {
        var store = new AggregateStore(_events, _clock);
        var proposal = HostingScenario.OpenVote(1);
        proposal.Vote(2, Stance.Support, 2);
        proposal.Vote(3, Stance.Support, 2);
        proposal.Close(ChairActor, Hours(3));
        proposal.ScheduleReview(new LocalDate(2026, 3, 5), ChairActor, Hours(4));
        await store.SaveAsync(proposal);
        var sent = new List<DueItem>();
        var options = new ScheduledWorkRunnerOptions { OnNotice = (item, _) => { lock (sent) { sent.Add(item); } return Task.CompletedTask; } };

        var runs = await Task.WhenAll(Task.Run(() => new ScheduledWorkRunner(store, _clock, options).RunDueAsync()), Task.Run(() => new ScheduledWorkRunner(store, _clock, options).RunDueAsync()));
        var rebuilt = await new ScheduledWorkRunner(store, _clock, options).RunDueAsync();

        Assert.Equal(DueKind.ReviewDue, Assert.Single(sent).Kind);
        Assert.Single(runs.SelectMany(r => r), r => r.Outcome == WorkOutcome.Done);
        Assert.Empty(rebuilt);
    }

    [Fact]
    public async Task Without_a_notice_handler_notices_stay_pending_for_the_host_to_query()
    {
        var store = new AggregateStore(_events, _clock);
        await store.SaveAsync(AgreementScenario.SignedByAll());
        var runner = new ScheduledWorkRunner(store, _clock);

        Assert.Empty(await runner.RunDueAsync());
        Assert.Equal(5, runner.Schedule.Count);
    }

    [Fact]
    public async Task A_vote_and_a_poll_are_closed_at_the_very_instant_of_their_deadline()
    {
        var store = new AggregateStore(_events, _clock);
        await HostingScenario.SaveDueWorkAsync(store, votes: 1, polls: 1);
        var deadline = Start + Duration.FromDays(7);
        _clock.Reset(deadline);

        var results = await new ScheduledWorkRunner(store, _clock).RunDueAsync();

        Assert.Equal([(DueKind.RoundDeadline, WorkOutcome.Done), (DueKind.PollDeadline, WorkOutcome.Done)], results.Select(r => (r.Item.Kind, r.Outcome)).Order());
        Assert.Equal(deadline, (await store.LoadAsync<Proposal>(ProposalNumber(1))).Deadline);
        Assert.Equal(PollStatus.Closed, (await store.LoadAsync<Poll>(HostingScenario.PollNumber(1))).Status);
    }

    [Fact]
    public async Task A_runner_whose_log_lags_drops_a_vote_closed_meanwhile_and_says_why()
    {
        var proposal = HostingScenario.OpenVote(1);
        var store = await SavedBehindALaggingLogAsync(proposal, () =>
        {
            proposal.Vote(2, Stance.Support, 2);
            proposal.Vote(3, Stance.Support, 2);
            proposal.Close(ChairActor, Start + Duration.FromDays(7));
        });

        var result = Assert.Single(await new ScheduledWorkRunner(store, _clock).RunDueAsync());

        Assert.Equal((WorkOutcome.Dropped, null), (result.Outcome, result.Code));
        Assert.Equal($"Round 1 of {proposal.StreamName} is no longer due (the proposal is Closed, round 1, deadline 2026-03-09T09:00:00Z).", result.Message);
    }

    [Fact]
    public async Task A_runner_whose_log_lags_drops_the_deadline_of_a_round_that_ended_and_leaves_the_fallback_round_to_its_own_item()
    {
        var proposal = HostingScenario.OpenVote(1, ProposalScenario.ConsensusWithFallback);
        var store = await SavedBehindALaggingLogAsync(proposal, () =>
        {
            proposal.Vote(2, Stance.Block, 2);
            proposal.Vote(3, Stance.Support, 2);
            proposal.Close(ChairActor, Start + Duration.FromDays(7));
        });
        _clock.Reset(Start + Duration.FromDays(15));

        var result = Assert.Single(await new ScheduledWorkRunner(store, _clock).RunDueAsync());

        Assert.Equal((WorkOutcome.Dropped, 1), (result.Outcome, result.Item.Round));
        Assert.StartsWith($"Round 1 of {proposal.StreamName} is no longer due (the proposal is Voting, round 2, ", result.Message, StringComparison.Ordinal);
        var loaded = await store.LoadAsync<Proposal>(ProposalNumber(1));
        Assert.Equal((ProposalStatus.Voting, 2), (loaded.Status, loaded.Round));
    }

    [Fact]
    public async Task A_runner_whose_log_lags_drops_a_deadline_that_a_late_quorum_moved_and_does_not_close_the_vote_early()
    {
        var proposal = HostingScenario.OpenVote(1, ProposalScenario.LateQuorum);
        var store = await SavedBehindALaggingLogAsync(proposal, () => proposal.Vote(2, Stance.Support, 36));
        _clock.Reset(Hours(50));

        var result = Assert.Single(await new ScheduledWorkRunner(store, _clock).RunDueAsync());

        Assert.Equal((WorkOutcome.Dropped, Hours(48)), (result.Outcome, result.Item.DueAt));
        Assert.Equal($"Round 1 of {proposal.StreamName} is no longer due (the proposal is Voting, round 1, deadline 2026-03-04T21:00:00Z).", result.Message);
        Assert.Equal(ProposalStatus.Voting, (await store.LoadAsync<Proposal>(ProposalNumber(1))).Status);
    }

    [Fact]
    public async Task A_runner_whose_log_lags_drops_a_poll_closed_meanwhile_and_says_why()
    {
        var poll = HostingScenario.OpenPoll(1);
        var store = await SavedBehindALaggingLogAsync(poll, () => poll.Close(ChairActor, Start + Duration.FromDays(7)));

        var result = Assert.Single(await new ScheduledWorkRunner(store, _clock).RunDueAsync());

        Assert.Equal((WorkOutcome.Dropped, null), (result.Outcome, result.Code));
        Assert.Equal($"{poll.StreamName} is no longer due (the poll is Closed, deadline 2026-03-09T09:00:00Z).", result.Message);
    }

    [Fact]
    public async Task A_poll_closed_by_the_runner_breaks_ties_with_a_seed_drawn_from_its_id_unless_the_host_gives_one()
    {
        var store = new AggregateStore(_events, _clock);
        await store.SaveAsync(HostingScenario.OpenPoll(1));
        await new ScheduledWorkRunner(store, _clock).RunDueAsync();
        await store.SaveAsync(HostingScenario.OpenPoll(2));
        await new ScheduledWorkRunner(store, _clock, new ScheduledWorkRunnerOptions { PollSeed = _ => 42UL }).RunDueAsync();

        Assert.Equal(0xE000_0000UL, (await ClosedPollAsync(1)).Seed);
        Assert.Equal(42UL, (await ClosedPollAsync(2)).Seed);
    }

    [Fact]
    public async Task Without_a_notice_handler_a_due_notice_is_neither_claimed_nor_run_and_stays_due()
    {
        var store = new AggregateStore(_events, _clock);
        await store.SaveAsync(ReviewedVote(1));
        var stored = _events.Count;
        var runner = new ScheduledWorkRunner(store, _clock);

        Assert.Empty(await runner.RunDueAsync());

        Assert.Equal(DueKind.ReviewDue, Assert.Single(runner.Schedule.DueAt(_clock.GetCurrentInstant())).Kind);
        Assert.Equal(stored, _events.Count);
    }

    [Fact]
    public async Task A_run_cancelled_while_a_notice_goes_out_stops_before_the_next_item_even_over_a_store_that_ignores_cancellation()
    {
        var store = new AggregateStore(new DeafToCancellation(_events), _clock);
        await store.SaveAsync(ReviewedVote(1));
        await store.SaveAsync(ReviewedVote(2));
        using var cancellation = new CancellationTokenSource();
        var sent = new List<DueItem>();
        var options = new ScheduledWorkRunnerOptions { OnNotice = (item, _) => { sent.Add(item); cancellation.Cancel(); return Task.CompletedTask; } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ScheduledWorkRunner(store, _clock, options).RunDueAsync(cancellation.Token));

        Assert.Single(sent);
        Assert.Single(await _events.ReadAllAsync(0, 100), e => e.EventType == ScheduledWork.NoticeSentType);
    }

    [Fact]
    public async Task After_a_run_the_schedule_holds_only_work_still_pending_so_the_host_sets_its_timer_from_it()
    {
        var store = new AggregateStore(_events, _clock);
        await HostingScenario.SaveDueWorkAsync(store, votes: 1, polls: 1);
        await store.SaveAsync(ReviewedVote(2));
        var options = new ScheduledWorkRunnerOptions { OnNotice = (_, _) => Task.CompletedTask };
        var runner = new ScheduledWorkRunner(store, _clock, options);

        Assert.Equal(3, (await runner.RunDueAsync()).Count);

        Assert.Equal((0, null), (runner.Schedule.Count, runner.Schedule.NextDue));
    }

    [Fact]
    public async Task A_notice_is_claimed_in_a_stream_of_its_own_with_a_record_that_names_it_before_the_handler_gets_it()
    {
        var store = new AggregateStore(_events, _clock);
        var proposal = ReviewedVote(1);
        await store.SaveAsync(proposal);
        var claims = new List<StoredEvent>();
        var options = new ScheduledWorkRunnerOptions
        {
            OnNotice = async (item, token) => claims.AddRange((await _events.ReadAllAsync(0, 100, token)).Where(e => e.EventType == ScheduledWork.NoticeSentType)),
        };

        var result = Assert.Single(await new ScheduledWorkRunner(store, _clock, options).RunDueAsync());

        var claim = Assert.Single(claims);
        Assert.Equal((WorkOutcome.Done, 1L), (result.Outcome, claim.Version));
        Assert.StartsWith("notice-", claim.StreamName, StringComparison.Ordinal);
        Assert.Contains($"\"{result.Item.Key}\"", claim.Data, StringComparison.Ordinal);
        // Its metadata reads as that of any event stored without metadata: JSON a reader of the log can parse.
        var saved = (await _events.ReadStreamAsync(proposal.StreamName, 1))[0];
        Assert.Equal(saved.Metadata, claim.Metadata);
    }

    [Fact]
    public async Task A_vote_whose_stored_history_cannot_be_replayed_fails_with_the_stores_code_and_stays_due()
    {
        var store = new AggregateStore(_events, _clock);
        var proposal = HostingScenario.OpenVote(1);
        await store.SaveAsync(proposal);
        var stray = new BallotCast(ProposalNumber(2), 1, Partner(2), Stance.Support, null, Hours(2), For(2));
        await _events.AppendAsync(proposal.StreamName, proposal.Version, [EventSerializer.Default.Serialize(stray, Guid.NewGuid(), Hours(2))]);
        var runner = new ScheduledWorkRunner(store, _clock);

        var result = Assert.Single(await runner.RunDueAsync());

        Assert.Equal((WorkOutcome.Failed, ErrorCodes.Kernel.CorruptHistory.Code), (result.Outcome, result.Code));
        Assert.Single(runner.Schedule.DueAt(_clock.GetCurrentInstant()));
    }

    private static Proposal ReviewedVote(int number)
    {
        var proposal = HostingScenario.OpenVote(number);
        proposal.Vote(2, Stance.Support, 2);
        proposal.Vote(3, Stance.Support, 2);
        proposal.Close(ChairActor, Hours(3));
        proposal.ScheduleReview(new LocalDate(2026, 3, 5), ChairActor, Hours(4));
        return proposal;
    }

    private async Task<PollClosed> ClosedPollAsync(int number)
    {
        var poll = await new AggregateStore(_events, _clock).LoadAsync<Poll>(HostingScenario.PollNumber(number));
        var stream = await _events.ReadStreamAsync(poll.StreamName, poll.Version);
        return Assert.IsType<PollClosed>(EventSerializer.Default.Deserialize(stream[^1]));
    }

    private static string OpenVoteStream(int n) => AggregateType.Of<Proposal>().StreamNameFor(ProposalNumber(n));

    /// <summary>Holds every append until two runners have reached it, so both have loaded the same version.</summary>
    private sealed class LoadBothThenAppend(IEventStore inner) : IEventStore
    {
        private readonly TaskCompletionSource _bothLoaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public bool Armed { get; set; }

        public async Task<AppendResult> AppendAsync(string streamName, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
        {
            if (Armed)
            {
                if (Interlocked.Increment(ref _arrived) == 2)
                {
                    _bothLoaded.SetResult();
                }

                await _bothLoaded.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            }

            return await inner.AppendAsync(streamName, expectedVersion, events, cancellationToken);
        }

        public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamName, long fromVersion, CancellationToken cancellationToken = default) =>
            inner.ReadStreamAsync(streamName, fromVersion, cancellationToken);

        public Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default) =>
            inner.ReadAllAsync(afterPosition, maxCount, cancellationToken);
    }

    /// <summary>
    /// Saves the aggregate through a log whose global read then stops there (the runner's view lags), runs what happens
    /// meanwhile and saves that too: the stream holds it, the runner's log does not.
    /// </summary>
    private async Task<AggregateStore> SavedBehindALaggingLogAsync(IAggregate aggregate, Action meanwhile)
    {
        var log = new LaggingLog(_events);
        var store = new AggregateStore(log, _clock);
        await store.SaveAsync(aggregate);
        log.Freeze();
        meanwhile();
        await store.SaveAsync(aggregate);
        return store;
    }

    /// <summary>A global log read from a replica that lags behind the streams: after <see cref="Freeze"/> it shows nothing newer.</summary>
    private sealed class LaggingLog(InMemoryEventStore inner) : IEventStore
    {
        private long? _frozenAt;

        public void Freeze() => _frozenAt = inner.Count;

        public Task<AppendResult> AppendAsync(string streamName, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default) =>
            inner.AppendAsync(streamName, expectedVersion, events, cancellationToken);

        public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamName, long fromVersion, CancellationToken cancellationToken = default) =>
            inner.ReadStreamAsync(streamName, fromVersion, cancellationToken);

        public async Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
        {
            var all = await inner.ReadAllAsync(afterPosition, maxCount, cancellationToken);
            return _frozenAt is { } frozen ? all.Where(e => e.Position <= frozen).ToArray() : all;
        }
    }

    /// <summary>A store of a host's own that does not look at cancellation tokens.</summary>
    private sealed class DeafToCancellation(IEventStore inner) : IEventStore
    {
        public Task<AppendResult> AppendAsync(string streamName, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default) =>
            inner.AppendAsync(streamName, expectedVersion, events, CancellationToken.None);

        public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamName, long fromVersion, CancellationToken cancellationToken = default) =>
            inner.ReadStreamAsync(streamName, fromVersion, CancellationToken.None);

        public Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default) =>
            inner.ReadAllAsync(afterPosition, maxCount, CancellationToken.None);
    }
}
