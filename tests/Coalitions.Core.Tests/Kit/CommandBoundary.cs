using Coalitions.Core.Kernel;
using CoalitionAggregate = global::Coalitions.Core.Coalitions.Coalition;

namespace Coalitions.Core.Tests.Kit;

/// <summary>The boundary every command of a coalition's aggregate shares: who may not act, no coalition, another coalition.</summary>
public static class CommandBoundary
{
    /// <summary>
    /// Asserts that <paramref name="run"/> is refused to each of <paramref name="outsiders"/> in <paramref name="home"/> and
    /// to <paramref name="allowed"/> without a coalition, each as an authorization refusal with <paramref name="code"/>,
    /// and to <paramref name="allowed"/> in <paramref name="another"/> as another coalition's, in the words
    /// <paramref name="otherCoalition"/>; the aggregate is unchanged by each refusal.
    /// </summary>
    public static void Holds<T>(
        AggregateRoot<T> aggregate,
        string name,
        ErrorCode code,
        Action<CoalitionAggregate, Actor> run,
        CoalitionAggregate home,
        IEnumerable<Actor> outsiders,
        Actor allowed,
        CoalitionAggregate another,
        string otherCoalition)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(outsiders);
        foreach (var outsider in outsiders)
        {
            Assert.True(Refusal.Expect(aggregate, code, () => run(home, outsider)).IsAuthorizationRefusal, $"{name}, by {outsider}");
        }

        Assert.True(Refusal.Expect(aggregate, code, () => run(null!, allowed)).IsAuthorizationRefusal, $"{name}, without a coalition");
        Assert.Equal(otherCoalition, Refusal.Expect(aggregate, ErrorCodes.Coalitions.OtherCoalition, () => run(another, allowed)).Message);
    }
}
