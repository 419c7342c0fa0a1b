using FluentValidation;
using FluentValidation.Results;

namespace Coalitions.Core.Kernel;

/// <summary>
/// Thrown when a command breaks a rule of the domain or its input is invalid. The aggregate is left
/// exactly as it was. Each failure carries a stable <see cref="ValidationFailure.ErrorCode"/> from
/// <see cref="ErrorCodes"/> and a plain message naming the value involved.
/// </summary>
/// <remarks>
/// It derives from <see cref="ValidationException"/>, so hosts that already turn FluentValidation
/// failures into responses (for example an HTTP 400 or 422 with problem details) handle both alike.
/// </remarks>
#pragma warning disable CA1032 // The standard constructors would allow an exception without a code.
public sealed class CoalitionRuleException : ValidationException
#pragma warning restore CA1032
{
    /// <summary>Initializes an exception for one broken rule.</summary>
    /// <param name="code">The rule's code.</param>
    /// <param name="message">What was refused and why, naming the values involved.</param>
    /// <param name="propertyName">The input property at fault, when there is one.</param>
    public CoalitionRuleException(ErrorCode code, string message, string? propertyName = null)
        : base(message, [Failure(code, message, propertyName)])
    {
        ArgumentNullException.ThrowIfNull(code);
        Code = code.Code;
    }

    /// <summary>Initializes an exception for failures found by a validator.</summary>
    /// <param name="failures">The failures; each should carry an error code.</param>
    /// <exception cref="ArgumentException"><paramref name="failures"/> is empty.</exception>
    public CoalitionRuleException(IEnumerable<ValidationFailure> failures)
        : this(Materialize(failures))
    {
    }

    private CoalitionRuleException(ValidationFailure[] failures)
        : base(string.Join(" ", failures.Select(f => f.ErrorMessage)), failures)
    {
        Code = failures[0].ErrorCode;
    }

    /// <summary>Gets the code of the first (usually the only) failure.</summary>
    public string Code { get; }

    /// <summary>Gets the codes of all failures, in order.</summary>
    public IReadOnlyList<string> Codes => Errors.Select(e => e.ErrorCode).ToArray();

    private static ValidationFailure Failure(ErrorCode code, string message, string? propertyName) =>
        new(propertyName ?? string.Empty, message) { ErrorCode = code?.Code };

    private static ValidationFailure[] Materialize(IEnumerable<ValidationFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        var array = failures.ToArray();
        Preconditions.CheckArgument(array.Length > 0, nameof(failures), "At least one failure is needed.");
        return array;
    }
}

/// <summary>Runs cached validators and turns their failures into <see cref="CoalitionRuleException"/>.</summary>
internal static class Validation
{
    public static void EnsureValid<T>(this IValidator<T> validator, T input)
    {
        var result = validator.Validate(input);
        if (!result.IsValid)
        {
            throw new CoalitionRuleException(result.Errors);
        }
    }
}
