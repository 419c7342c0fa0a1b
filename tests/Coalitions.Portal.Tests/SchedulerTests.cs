using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using Coalitions.Core.Storage;
using Coalitions.Portal.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Coalitions.Portal.Tests;

/// <summary>
/// The background scheduler closes what falls due, and only that, as the system actor, on the injected clock: a vote's
/// round, a ranked poll, a silence procedure. The seeded story has the silence procedure's deadline first (48 hours,
/// opened by the test), then the poll's (three days), then the statement vote's (six days).
/// </summary>
public sealed class SchedulerTests : IDisposable
{
    private readonly PortalFactory _factory = new() { SchedulerInterval = TimeSpan.FromMilliseconds(100) };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_scheduler_closes_a_round_at_its_deadline_as_the_system()
    {
        var api = new Api(_factory.CreateClient());
        var open = await api.OpenProposalAsync();
        await RunsAsync(2);
        Assert.Equal("voting", (await api.ProposalAsync(open.Id)).Status);

        await MoveClockAsync(Instant.FromDateTimeOffset(open.Deadline!.Value) + Duration.FromMinutes(1));

        var view = await api.ProposalAsync(open.Id);
        Assert.Equal(("closed", "Adopted"), (view.Status, view.Result));
        var closed = Assert.IsType<RoundClosed>(await LastEventAsync(AggregateType.Of<Proposal>().StreamNameFor(ProposalId.FromGuid(open.Id))));
        AssertTheScheduler(closed.By);
    }

    [Fact]
    public async Task The_scheduler_closes_a_poll_at_its_deadline_as_the_system_and_leaves_the_vote_due_later_open()
    {
        var api = new Api(_factory.CreateClient());
        var poll = await api.OpenPollAsync();
        var statement = await api.OpenProposalAsync();
        await RunsAsync(2);
        Assert.Equal("open", (await api.PollAsync(poll.Id)).Status);

        await MoveClockAsync(Instant.FromDateTimeOffset(poll.Deadline!.Value) + Duration.FromMinutes(1));

        var view = await api.PollAsync(poll.Id);
        Assert.Equal("closed", view.Status);
        Assert.NotEmpty(view.Winners);
        var closed = Assert.IsType<PollClosed>(await LastEventAsync(AggregateType.Of<Poll>().StreamNameFor(PollId.FromGuid(poll.Id))));
        AssertTheScheduler(closed.By);
        Assert.Equal(view.Winners, closed.Result.Winners);
        Assert.Equal("voting", (await api.ProposalAsync(statement.Id)).Status);
    }

    [Fact]
    public async Task The_scheduler_ends_a_silence_procedure_at_its_deadline_as_the_system_and_nothing_else_is_due_yet()
    {
        var api = new Api(_factory.CreateClient());
        var silence = await _factory.OpenVoteAsync("Statement on school meals", DecisionRule.SilenceProcedure(Duration.FromHours(48)));
        var poll = await api.OpenPollAsync();
        await RunsAsync(2);
        Assert.Equal("voting", (await api.ProposalAsync(silence.Value)).Status);

        await MoveClockAsync(PortalFactory.Start + Duration.FromHours(48) + Duration.FromMinutes(1));

        var view = await api.ProposalAsync(silence.Value);
        Assert.Equal(("closed", "Adopted"), (view.Status, view.Result));
        Assert.Empty(view.Ballots);   // nobody objected: the silence held
        var closed = Assert.IsType<RoundClosed>(await LastEventAsync(AggregateType.Of<Proposal>().StreamNameFor(silence)));
        AssertTheScheduler(closed.By);
        Assert.Equal("open", (await api.PollAsync(poll.Id)).Status);
    }

    private static void AssertTheScheduler(Actor by) => Assert.Equal((ActorKind.System, "scheduler"), (by.Kind, by.Process));

    private async Task<IDomainEvent> LastEventAsync(string stream)
    {
        var events = await _factory.Services.GetRequiredService<AggregateStore>().Events.ReadStreamAsync(stream, 1);
        return EventSerializer.Default.Deserialize(events[^1]);
    }

    // Moves the clock, then waits for two more completed runs of the scheduler: the second began after the move, so it
    // saw the new instant and did all it would do. No assertion on time: the wait is a safety stop only.
    private Task MoveClockAsync(Instant to)
    {
        _factory.Clock.Reset(to);
        return RunsAsync(2);
    }

    private async Task RunsAsync(int more)
    {
        var scheduler = _factory.Services.GetRequiredService<SchedulerService>();
        var target = scheduler.Runs + more;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (scheduler.Runs < target)
        {
            await Task.Delay(20, stop.Token);
        }
    }
}
