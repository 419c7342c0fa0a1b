using System.Globalization;
using FluentValidation;
using FluentValidation.Results;

namespace Coalitions.Core.Kernel;

/// <summary>
/// Thrown when a command breaks a rule of the domain or its input is invalid. The aggregate is left
/// exactly as it was. Each failure carries a stable <see cref="ErrorCode"/> from <see cref="ErrorCodes"/>,
/// a plain message naming the things involved, and those values in structured form (<see cref="RuleFailure.Values"/>).
/// </summary>
/// <remarks>
/// <para>It derives from <see cref="ValidationException"/>, so hosts that already turn FluentValidation
/// failures into responses (for example an HTTP 400 or 422 with problem details) handle both alike; each
/// <see cref="ValidationFailure"/> carries the code in <see cref="ValidationFailure.ErrorCode"/> and the values in
/// <see cref="ValidationFailure.FormattedMessagePlaceholderValues"/>.</para>
/// <para>Test for a rule with <see cref="Has"/>: <c>catch (CoalitionRuleException ex) when (ex.Has(ErrorCodes.Decisions.VotingNotOpen))</c>.</para>
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
        : this([new RuleFailure(code, message)], propertyName)
    {
    }

    /// <summary>Initializes an exception for one or more failures.</summary>
    /// <param name="failures">The failures, at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="failures"/> is empty.</exception>
    public CoalitionRuleException(IEnumerable<RuleFailure> failures)
        : this(Materialize(failures), null)
    {
    }

    /// <summary>Initializes an exception for failures found by a validator.</summary>
    /// <param name="failures">The failures; a failure whose code is not in <see cref="ErrorCodes"/> is reported as <c>Kernel.InvalidInput</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="failures"/> is empty.</exception>
    public CoalitionRuleException(IEnumerable<ValidationFailure> failures)
        : this(Materialize(Preconditions.CheckNotNull(failures, nameof(failures)).Select(FromValidation)), null)
    {
    }

    private CoalitionRuleException(RuleFailure[] failures, string? propertyName)
        : base(string.Join(" ", failures.Select(f => f.Message)), failures.Select(f => ToValidation(f, propertyName)))
    {
        Failures = failures;
        Codes = failures.Select(f => f.Code).Distinct().ToArray();
    }

    /// <summary>Gets the code of the first (usually the only) failure.</summary>
    public ErrorCode Code => Failures[0].Code;

    /// <summary>Gets the distinct codes of all failures, in order.</summary>
    public IReadOnlyList<ErrorCode> Codes { get; }

    /// <summary>Gets every failure with its code, message and values.</summary>
    public IReadOnlyList<RuleFailure> Failures { get; }

    /// <summary>
    /// Gets whether the refusal is about who acts and nothing else: every failure is an authorization failure (no actor,
    /// an ill-formed one, or one without a role the command's table names; see <see cref="RuleFailure.IsAuthorization"/>).
    /// A host answers it as forbidden (HTTP 403); any other refusal is a broken rule or bad input (HTTP 422).
    /// </summary>
    public bool IsAuthorizationRefusal => Failures.All(f => f.IsAuthorization); // every constructor gives at least one failure

    /// <summary>Whether one of the failures carries a code.</summary>
    /// <param name="code">The code, such as <c>ErrorCodes.Decisions.VotingNotOpen</c>.</param>
    /// <returns><see langword="true"/> when the refusal names that rule.</returns>
    public bool Has(ErrorCode code) => Codes.Contains(code);

    /// <summary>A refusal for one rule, its message filled from named values.</summary>
    internal static CoalitionRuleException Because(ErrorCode code, string template, params ReadOnlySpan<(string, object?)> values) =>
        new([RuleFailure.Of(code, template, values)], null);

    /// <summary>A refusal of who acts (<see cref="RuleFailure.IsAuthorization"/>), its message filled from named values.</summary>
    internal static CoalitionRuleException NotPermitted(ErrorCode code, string template, params ReadOnlySpan<(string, object?)> values) =>
        new([RuleFailure.Unauthorized(code, template, values)], null);

    private static RuleFailure FromValidation(ValidationFailure failure)
    {
        var code = (failure.ErrorCode is { } text ? ErrorCodes.Find(text) : null) ?? ErrorCodes.Kernel.InvalidInput;
        var values = failure.FormattedMessagePlaceholderValues?
            .Where(p => p.Key is not ("PropertyName" or "PropertyPath" or "PropertyValue"))
            .ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(failure.PropertyName))
        {
            values ??= new Dictionary<string, object?>(StringComparer.Ordinal);
            values["property"] = failure.PropertyName;
        }

        return RuleFailure.Formatted(code, failure.ErrorMessage, values);
    }

    private static ValidationFailure ToValidation(RuleFailure failure, string? propertyName)
    {
        var property = propertyName ?? (failure.Values.TryGetValue("property", out var named) ? Convert.ToString(named, CultureInfo.InvariantCulture) : null) ?? string.Empty;
        return new ValidationFailure(property, failure.Message)
        {
            ErrorCode = failure.Code.Code,
            FormattedMessagePlaceholderValues = failure.Values.ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal),
        };
    }

    private static RuleFailure[] Materialize(IEnumerable<RuleFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        var array = failures.ToArray();
        Preconditions.CheckArgument(array.Length > 0, nameof(failures), "At least one failure is needed.");
        Preconditions.CheckArgument(Array.TrueForAll(array, f => f is not null), nameof(failures), "A failure is null.");
        return array;
    }
}

/// <summary>Runs cached validators and turns their failures into <see cref="CoalitionRuleException"/>.</summary>
internal static class Validation
{
    /// <summary>
    /// Validates in the invariant culture, so FluentValidation's own messages and number formats never follow the
    /// caller's culture, then throws the failures as one refusal.
    /// </summary>
    public static void EnsureValid<T>(this IValidator<T> validator, [System.Diagnostics.CodeAnalysis.NotNull] T? input)
    {
        if (input is null)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.InvalidInput, "The {input} is required.", ("input", Words.Identifier(typeof(T).Name)));
        }

        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        ValidationResult result;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            result = validator.Validate(input);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }

        if (!result.IsValid)
        {
            throw new CoalitionRuleException(result.Errors);
        }
    }
}
