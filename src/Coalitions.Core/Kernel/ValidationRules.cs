using FluentValidation;
using NodaTime;

namespace Coalitions.Core.Kernel;

/// <summary>
/// The door checks of <see cref="Ensure"/> as FluentValidation rules, for the validators of input records, each with
/// the same code and wording: ids, texts, ISO codes, calendar periods, defined enum values, lists without nulls.
/// </summary>
internal static class ValidationRules
{
    public static IRuleBuilderOptions<T, TId> IsId<T, TId>(this IRuleBuilder<T, TId> rule)
        where TId : struct, ITypedId<TId> =>
        rule.Must(id => id.Value != Guid.Empty).WithErrorCode(ErrorCodes.Kernel.EmptyId.Code).WithMessage("The {PropertyName} is the empty id.");

    public static IRuleBuilderOptions<T, TId?> IsIdOrNull<T, TId>(this IRuleBuilder<T, TId?> rule)
        where TId : struct, ITypedId<TId> =>
        rule.Must(id => id is null || id.Value.Value != Guid.Empty).WithErrorCode(ErrorCodes.Kernel.EmptyId.Code).WithMessage("The {PropertyName} is the empty id.");

    /// <summary>A free text: present where required, at most <paramref name="maxLength"/> characters, no control characters but line breaks and tabs.</summary>
    public static IRuleBuilderOptions<T, string?> IsText<T>(this IRuleBuilder<T, string?> rule, int maxLength, bool required = true) =>
        rule.Must(text => FreeText.Problem(text, required, maxLength) is null)
            .WithErrorCode(ErrorCodes.Kernel.InvalidText.Code)
            .WithMessage(x => $"The {{PropertyName}} must be {(required ? "given, " : string.Empty)}at most {maxLength.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters, without control characters.");

    /// <summary>A one-line name or key: present, bounded, without line breaks, tabs or control characters.</summary>
    public static IRuleBuilderOptions<T, string?> IsName<T>(this IRuleBuilder<T, string?> rule, int maxLength = Limits.NameLength, bool required = true) =>
        rule.Must(text => (text is null && !required) || (FreeText.Problem(text, required, maxLength) is null && FreeText.IsSingleLine(text!)))
            .WithErrorCode(ErrorCodes.Kernel.InvalidText.Code)
            .WithMessage($"The {{PropertyName}} must be one line of at most {maxLength.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters.");

    public static IRuleBuilderOptions<T, string?> IsCountry<T>(this IRuleBuilder<T, string?> rule, ErrorCode code) =>
        rule.Must(IsoCodes.IsCountry).WithErrorCode(code.Code).WithMessage("The {PropertyName} must be an ISO 3166-1 alpha-2 country code in capitals, such as KE or BR.");

    public static IRuleBuilderOptions<T, string?> IsLanguage<T>(this IRuleBuilder<T, string?> rule, ErrorCode code) =>
        rule.Must(IsoCodes.IsLanguage).WithErrorCode(code.Code).WithMessage("The {PropertyName} must be an ISO 639-1 language code in lower case, such as en or sw.");

    public static IRuleBuilderOptions<T, Period?> IsDatePeriod<T>(this IRuleBuilder<T, Period?> rule, bool allowZero = false) =>
        rule.Must(period => Ensure.DatePeriodProblem(period, allowZero) is null)
            .WithErrorCode(ErrorCodes.Kernel.InvalidPeriod.Code)
            .WithMessage($"The {{PropertyName}} must be a calendar period of years, months, weeks and days, {(allowZero ? "zero or more" : "longer than zero")} and at most {Limits.MaxPeriodYears} years.");

    public static IRuleBuilderOptions<T, TEnum> IsDefined<T, TEnum>(this IRuleBuilder<T, TEnum> rule)
        where TEnum : struct, Enum =>
        rule.Must(Ensure.IsDefined).WithErrorCode(ErrorCodes.Kernel.InvalidInput.Code).WithMessage("The {PropertyName} has an undefined value.");

    public static IRuleBuilderOptions<T, LocalDate> IsDate<T>(this IRuleBuilder<T, LocalDate> rule) =>
        rule.Must(Limits.IsDate)
            .WithErrorCode(ErrorCodes.Kernel.OutOfRange.Code).WithMessage("The {PropertyName} must be an ISO calendar date in the years 1900 to 2999.");

    /// <summary>A list that is present, holds no null and at most <paramref name="max"/> items.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<TItem>?> IsList<T, TItem>(this IRuleBuilder<T, IReadOnlyList<TItem>?> rule, int max) =>
        rule.Must(list => list is not null && list.Count <= max && list.All(item => item is not null))
            .WithErrorCode(ErrorCodes.Kernel.InvalidInput.Code)
            .WithMessage($"The {{PropertyName}} must be given, hold no null and at most {max.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} items.");
}
