using Coalitions.Core.Kernel;

namespace Coalitions.Core.Tests.Kit;

/// <summary>Asserts that a stored history is refused at its last event, by the aggregate's own check and with its reason.</summary>
public static class StoredHistory
{
    /// <summary>Rehydrates <paramref name="history"/> followed by <paramref name="next"/> and expects the last event refused.</summary>
    /// <param name="rehydrate">The aggregate's <c>Rehydrate</c>.</param>
    /// <param name="history">The events that replay.</param>
    /// <param name="why">How the refusal's message ends: the reason the aggregate gives.</param>
    /// <param name="next">The events after it; the last is the one refused.</param>
    /// <returns>The refusal.</returns>
    public static StoredEventException Refused<T>(Func<IEnumerable<IDomainEvent>, T> rehydrate, IReadOnlyCollection<IDomainEvent> history, string why, params IDomainEvent[] next)
    {
        ArgumentNullException.ThrowIfNull(rehydrate);
        ArgumentNullException.ThrowIfNull(history);
        var error = Assert.Throws<StoredEventException>(() => rehydrate([.. history, .. next]));
        Assert.Equal(ErrorCodes.Kernel.CorruptHistory, error.Code);
        Assert.Equal(history.Count + next.Length, error.Position);

        // Refused by the aggregate's check of the event, not by a crash while applying it.
        Assert.Null(error.InnerException);
        Assert.EndsWith(why, error.Message, StringComparison.Ordinal);
        return error;
    }
}
