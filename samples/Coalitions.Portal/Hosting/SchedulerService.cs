using Coalitions.Core.Hosting;
using Coalitions.Core.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Coalitions.Portal.Hosting;

/// <summary>How often the scheduler looks for due work.</summary>
public sealed class SchedulerOptions
{
    /// <summary>Gets or sets whether the scheduler runs at all (a host with several instances may run it on each).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets the longest wait between two runs; one minute unless configured.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// The scheduler seam: runs the library's scheduled-work query every minute (or sooner, when the next item falls due
/// before then) and carries out what is due as <c>Actor.System("scheduler")</c>: votes close at their deadline, silence
/// procedures end, polls close. Time comes from the injected <see cref="IClock"/>, so tests move it.
/// </summary>
/// <param name="store">The aggregate store.</param>
/// <param name="clock">The clock that says what is due.</param>
/// <param name="options">The interval.</param>
/// <param name="log">Where refusals and failures are reported (they need people).</param>
public sealed partial class SchedulerService(AggregateStore store, IClock clock, IOptions<SchedulerOptions> options, ILogger<SchedulerService> log) : BackgroundService
{
    private readonly ScheduledWorkRunner _runner = new(store, clock, new ScheduledWorkRunnerOptions
    {
        // Notices (reviews due, agreements expiring...) would go to an outbox; the portal only logs them.
        OnNotice = (item, _) =>
        {
            NoticeDue(log, item.Kind, item.Subject);
            return Task.CompletedTask;
        },
    });

    private int _runs;

    /// <summary>Gets how many runs have completed (tests wait on it).</summary>
    public int Runs => Volatile.Read(ref _runs);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var interval = Duration.FromTimeSpan(options.Value.Interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var result in await _runner.RunDueAsync(stoppingToken))
                {
                    if (result.Outcome is WorkOutcome.Refused or WorkOutcome.Failed)
                    {
                        WorkNeedsPeople(log, result.Item.Key, result.Outcome, result.Code, result.Message);
                    }
                    else
                    {
                        WorkDone(log, result.Item.Key, result.Outcome);
                    }
                }

                Interlocked.Increment(ref _runs);
                var untilNext = (_runner.Schedule.NextDue ?? Instant.MaxValue) - clock.GetCurrentInstant();
                await Task.Delay(Duration.Max(Duration.Min(interval, Duration.FromSeconds(1)), Duration.Min(untilNext, interval)).ToTimeSpan(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception unexpected) when (unexpected is not OutOfMemoryException)
            {
                // A stored event that cannot be read, a store that is down: log it and try again next time.
                RunFailed(log, unexpected);
                await Task.Delay(options.Value.Interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice due {Kind}: {Subject}")]
    private static partial void NoticeDue(ILogger logger, DueKind kind, string? subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled work {Key} {Outcome}: {Code} {Message}")]
    private static partial void WorkNeedsPeople(ILogger logger, string key, WorkOutcome outcome, string? code, string? message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled work {Key}: {Outcome}")]
    private static partial void WorkDone(ILogger logger, string key, WorkOutcome outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "The scheduler's run failed")]
    private static partial void RunFailed(ILogger logger, Exception exception);
}
