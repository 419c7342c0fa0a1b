using Coalitions.Core.Polls;

namespace Coalitions.Core.Tests.Polls;

/// <summary>Compares ties by value: records compare their lists by reference.</summary>
internal sealed class TieComparer : IEqualityComparer<PollTie?>
{
    public static readonly TieComparer Instance = new();

    public bool Equals(PollTie? x, PollTie? y) =>
        x is not null && y is not null && x.Round == y.Round && x.Kind == y.Kind && x.Tied.SequenceEqual(y.Tied) && x.Chosen == y.Chosen && x.By == y.By;

    public int GetHashCode(PollTie? obj) => obj?.Round ?? 0;
}
