namespace Coalitions.Core.Kernel;

/// <summary>One reason a command would be refused.</summary>
/// <param name="Code">The error code.</param>
/// <param name="Message">What is wrong, naming the values involved.</param>
public sealed record RuleFailure(string Code, string Message);

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
    public static RuleCheck Refused(ErrorCode code, string message)
    {
        ArgumentNullException.ThrowIfNull(code);
        return new([new RuleFailure(code.Code, message)]);
    }

    /// <summary>Throws <see cref="CoalitionRuleException"/> when refused.</summary>
    /// <exception cref="CoalitionRuleException">The check has failures.</exception>
    public void ThrowIfRefused()
    {
        if (!IsAllowed)
        {
            throw new CoalitionRuleException(Failures.Select(f => new FluentValidation.Results.ValidationFailure(string.Empty, f.Message) { ErrorCode = f.Code }));
        }
    }
}
