using System.Security.Cryptography;
using System.Text;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using Coalitions.Core.Storage;
using NodaTime;

namespace Coalitions.Core.Hosting;

/// <summary>
/// Carries out the work that is due: a host calls <see cref="RunDueAsync"/> from a timer. It catches its
/// <see cref="ScheduledWork"/> projection up with the log, then for each due item loads the aggregate, calls the named
/// command as <c>Actor.System("scheduler")</c> and saves; each notice it claims in the store before handing it to the host.
/// </summary>
/// <remarks>
/// <para><b>Several hosts, one database.</b> Every host may run the loop. Each piece of work takes effect once: two
/// runners that close the same vote both append at the version they loaded, the store accepts the first and refuses the
/// second with <c>Kernel.ConcurrencyConflict</c>, and the second drops the item. A runner that loads the vote after it
/// was closed sees it is no longer due and drops it too. Notices are claimed by appending a
/// <see cref="ScheduledWork.NoticeSentType"/> record to a stream named after the notice at version 0: only one runner can.</para>
/// <para><b>Notices go out at most once.</b> The claim is stored before the host's notice handler runs, so a handler that
/// fails does not send the notice twice; hand notices to something durable (an outbox table, a queue).</para>
/// </remarks>
/// <threadsafety>Not thread-safe: one runner per loop. Several runners (in one process or many) may share a store.</threadsafety>
public sealed class ScheduledWorkRunner
{
    /// <summary>The process name of the system actor the runner acts as.</summary>
    public const string ProcessName = "scheduler";

    private readonly AggregateStore _store;
    private readonly IClock _clock;
    private readonly ScheduledWorkRunnerOptions _options;
    private readonly Actor _scheduler = Actor.System(ProcessName);

    /// <summary>Initializes a runner with a projection of its own.</summary>
    /// <param name="store">The aggregate store over the shared event store.</param>
    /// <param name="clock">The clock that says what is due.</param>
    /// <param name="options">The notice handler, poll seeds and metadata; none when omitted.</param>
    public ScheduledWorkRunner(AggregateStore store, IClock clock, ScheduledWorkRunnerOptions? options = null)
    {
        _store = Preconditions.CheckNotNull(store, nameof(store));
        _clock = Preconditions.CheckNotNull(clock, nameof(clock));
        _options = options ?? new ScheduledWorkRunnerOptions();
        Schedule = new ScheduledWork(store.Options.Serializer);
    }

    /// <summary>Gets the runner's projection: what is pending, and when the next work falls due.</summary>
    public ScheduledWork Schedule { get; }

    /// <summary>
    /// Catches the projection up with the log and carries out everything due now: commands as the system actor, notices
    /// through <see cref="ScheduledWorkRunnerOptions.OnNotice"/> (left pending when there is no handler).
    /// </summary>
    /// <param name="cancellationToken">Cancels the run between items.</param>
    /// <returns>What happened to each item, in the order they fell due.</returns>
    /// <exception cref="StoredEventException">A stored event in the log cannot be read.</exception>
    public async Task<IReadOnlyList<WorkResult>> RunDueAsync(CancellationToken cancellationToken = default)
    {
        await Schedule.CatchUpAsync(_store.Events, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        var results = new List<WorkResult>();
        foreach (var item in Schedule.DueAt(now))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item.IsNotice && _options.OnNotice is null)
            {
                continue;
            }

            var result = await RunAsync(item, now, cancellationToken).ConfigureAwait(false);
            if (result.Outcome is WorkOutcome.Done or WorkOutcome.Dropped)
            {
                Schedule.Done(item.Key);
            }

            results.Add(result);
        }

        return results;
    }

    private static Guid NoticeStreamId(string key) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));

    private async Task<WorkResult> RunAsync(DueItem item, Instant now, CancellationToken cancellationToken)
    {
        try
        {
            return item.Command switch
            {
                ScheduledCommand.CloseProposal => await CloseProposalAsync(item, now, cancellationToken).ConfigureAwait(false),
                ScheduledCommand.ClosePoll => await ClosePollAsync(item, now, cancellationToken).ConfigureAwait(false),
                null => await SendNoticeAsync(item, now, cancellationToken).ConfigureAwait(false),
                _ => new WorkResult(item, WorkOutcome.Failed, null, $"The scheduler knows no command {item.Command}."),
            };
        }
        catch (CoalitionRuleException conflict) when (EventStoreRules.IsConflict(conflict))
        {
            // Another runner did it first.
            return new WorkResult(item, WorkOutcome.Dropped, conflict.Code.Code, conflict.Message);
        }
        catch (CoalitionRuleException refused)
        {
            return new WorkResult(item, WorkOutcome.Refused, refused.Code.Code, refused.Message);
        }
        catch (StoredEventException unreadable)
        {
            return new WorkResult(item, WorkOutcome.Failed, unreadable.Code.Code, unreadable.Message);
        }
    }

    private async Task<WorkResult> CloseProposalAsync(DueItem item, Instant now, CancellationToken cancellationToken)
    {
        var proposal = (Proposal)await _store.LoadAsync(item.StreamName, cancellationToken).ConfigureAwait(false);
        if (proposal.Status != ProposalStatus.Voting || proposal.Round != item.Round || proposal.Deadline > now)
        {
            return new WorkResult(item, WorkOutcome.Dropped, null, $"Round {item.Round} of {item.StreamName} is no longer due (the proposal is {proposal.Status}, round {proposal.Round}, deadline {proposal.Deadline}).");
        }

        proposal.Close(_scheduler, now);
        await _store.SaveAsync(proposal, _options.Metadata, cancellationToken).ConfigureAwait(false);
        return new WorkResult(item, WorkOutcome.Done);
    }

    private async Task<WorkResult> ClosePollAsync(DueItem item, Instant now, CancellationToken cancellationToken)
    {
        var poll = (Poll)await _store.LoadAsync(item.StreamName, cancellationToken).ConfigureAwait(false);
        if (poll.Status != PollStatus.Open || poll.Deadline > now)
        {
            return new WorkResult(item, WorkOutcome.Dropped, null, $"{item.StreamName} is no longer due (the poll is {poll.Status}, deadline {poll.Deadline}).");
        }

        var seed = _options.PollSeed?.Invoke(poll.Id) ?? BitConverter.ToUInt64(poll.Id.Value.ToByteArray(), 0);
        poll.Close(_scheduler, now, seed);
        await _store.SaveAsync(poll, _options.Metadata, cancellationToken).ConfigureAwait(false);
        return new WorkResult(item, WorkOutcome.Done);
    }

    private async Task<WorkResult> SendNoticeAsync(DueItem item, Instant now, CancellationToken cancellationToken)
    {
        var claim = new EventData(Guid.NewGuid(), ScheduledWork.NoticeSentType, 1, now, new NoticeRecord(item.Key, item.Kind, item.StreamName, item.DueAt).Write(), "{}");
        await _store.Events.AppendAsync($"notice-{NoticeStreamId(item.Key):D}", 0, [claim], cancellationToken).ConfigureAwait(false);
        await _options.OnNotice!(item, cancellationToken).ConfigureAwait(false);
        return new WorkResult(item, WorkOutcome.Done);
    }
}

/// <summary>How a <see cref="ScheduledWorkRunner"/> hands out notices, seeds polls and labels what it stores.</summary>
public sealed record ScheduledWorkRunnerOptions
{
    /// <summary>Gets the handler that sends a notice (a review due, a membership lapsing, …) once the runner has claimed it; without one, notices stay pending.</summary>
    public Func<DueItem, CancellationToken, Task>? OnNotice { get; init; }

    /// <summary>Gets the seed for ties a poll breaks by lot; by default a number drawn from the poll's id, so every runner draws the same.</summary>
    public Func<PollId, ulong>? PollSeed { get; init; }

    /// <summary>Gets the metadata stored with the events the runner's commands raise.</summary>
    public EventMetadata? Metadata { get; init; }
}

/// <summary>What happened to one due item.</summary>
public enum WorkOutcome
{
    /// <summary>This runner carried it out.</summary>
    Done = 1,

    /// <summary>Another runner carried it out first, or it is no longer due (the vote was closed, the deadline moved).</summary>
    Dropped = 2,

    /// <summary>The command was refused for a reason people must resolve (a tie awaiting the chair's casting vote, attendance not recorded); it stays due.</summary>
    Refused = 3,

    /// <summary>The aggregate's stored events cannot be read; it stays due, and whoever looks after the store must look.</summary>
    Failed = 4,
}

/// <summary>What happened to one due item, and why.</summary>
/// <param name="Item">The item.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Code">The error code, for a refusal, a failure or a conflict.</param>
/// <param name="Message">Why, in words.</param>
public sealed record WorkResult(DueItem Item, WorkOutcome Outcome, string? Code = null, string? Message = null);
