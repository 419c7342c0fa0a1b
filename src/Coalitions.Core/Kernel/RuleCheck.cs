namespace Coalitions.Core.Kernel;

/// <summary>
/// The answer to "may I do this?": queries a UI asks before acting (<c>proposal.CanCastBallot(...)</c>).
/// It returns the unmet rules instead of throwing; the command itself throws the same failure.
/// </summary>
public sealed record RuleCheck
{
    private RuleCheck(IReadOnlyList<RuleFailure> failures) => Failures = failures;

    /// <summary>Gets a check with no failures.</summary>
    public static RuleCheck Allowed { get; } = new([]);

    /// <summary>Gets the unmet rules; empty when allowed.</summary>
    public IReadOnlyList<RuleFailure> Failures { get; }

    /// <summary>Gets whether the command would be accepted.</summary>
    public bool IsAllowed => Failures.Count == 0;

    /// <summary>A check refused for one reason.</summary>
    /// <param name="code">The rule's code.</param>
    /// <param name="message">What is wrong.</param>
    /// <returns>The check.</returns>
    public static RuleCheck Refused(ErrorCode code, string message) => new([new RuleFailure(code, message)]);

    /// <summary>A check refused for one reason.</summary>
    /// <param name="failure">The reason.</param>
    /// <returns>The check.</returns>
    public static RuleCheck Refused(RuleFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new([failure]);
    }

    /// <summary>Whether the check failed with a code.</summary>
    /// <param name="code">The code.</param>
    /// <returns><see langword="true"/> when one of the failures carries <paramref name="code"/>.</returns>
    public bool Has(ErrorCode code) => Failures.Any(f => f.Code.Equals(code));

    /// <summary>Throws <see cref="CoalitionRuleException"/> when refused.</summary>
    /// <exception cref="CoalitionRuleException">The check has failures.</exception>
    public void ThrowIfRefused()
    {
        if (!IsAllowed)
        {
            throw new CoalitionRuleException(Failures);
        }
    }

    internal static RuleCheck Refused(ErrorCode code, string template, params ReadOnlySpan<(string, object?)> values) =>
        new([RuleFailure.Of(code, template, values)]);
}
