using System.Net;
using Coalitions.Core.Storage;

namespace Coalitions.Portal.Tests;

/// <summary>
/// An event store that can hold one append at the door: the request that makes it has loaded and decided, and waits
/// until the test lets it write. Another request meanwhile saves first, so the held one meets a real conflict.
/// </summary>
public sealed class HeldStore(IEventStore inner) : IEventStore
{
    private TaskCompletionSource? _reached;
    private TaskCompletionSource? _release;

    /// <summary>Holds the next append; returns when it is reached, and a way to let it go.</summary>
    public (Task Reached, Action Release) HoldNextAppend()
    {
        _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = _release;
        return (_reached.Task, () => release.TrySetResult());
    }

    /// <summary>
    /// Makes <paramref name="slow"/> lose a race: its request loads and decides, then waits at the store while
    /// <paramref name="first"/> saves; let go, it meets the conflict. Checks the answer is 409, retryable, with
    /// <c>Retry-After: 0</c> and only the concurrency code.
    /// </summary>
    /// <param name="slow">The request held at the store.</param>
    /// <param name="first">The request that saves in between; it must succeed.</param>
    /// <returns>The problem the held request got.</returns>
    public async Task<Problem> LoseRaceAsync(Func<Task<HttpResponseMessage>> slow, Func<Task<HttpResponseMessage>> first)
    {
        var (reached, release) = HoldNextAppend();
        var held = slow();
        await reached.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, (await first()).StatusCode);
        release();
        using var conflict = await held;

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("0", conflict.Headers.RetryAfter?.ToString());
        var problem = await Api.ProblemAsync(conflict);
        Assert.Equal(["Kernel.ConcurrencyConflict"], problem.Codes);
        Assert.True(problem.Retryable);
        return problem;
    }

    public async Task<AppendResult> AppendAsync(string streamName, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _reached, null) is { } reached)
        {
            reached.TrySetResult();
            await _release!.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        return await inner.AppendAsync(streamName, expectedVersion, events, cancellationToken);
    }

    public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamName, long fromVersion, CancellationToken cancellationToken = default) =>
        inner.ReadStreamAsync(streamName, fromVersion, cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default) =>
        inner.ReadAllAsync(afterPosition, maxCount, cancellationToken);
}
