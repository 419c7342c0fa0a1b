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
}
