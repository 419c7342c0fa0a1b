using Coalitions.Core.Kernel;

namespace Coalitions.Core.Decisions;

/// <summary>
/// A coalition's rule book as other aggregates consult it: which matters it settles by a decision. The coalition's
/// <c>CoalitionGovernance</c> implements it; <c>Coalition.Invite</c> reads it to know whether admitting a member needs an
/// adopted decision.
/// </summary>
public interface IRuleBook
{
    /// <summary>Gets the coalition whose rule book this is.</summary>
    CoalitionId Coalition { get; }

    /// <summary>Whether the rule book names a deciding body and rule for a matter.</summary>
    /// <param name="matter">The matter.</param>
    /// <returns><see langword="true"/> when a decision on the matter is taken as the rule book says.</returns>
    bool NamesRuleFor(MatterType matter);
}
