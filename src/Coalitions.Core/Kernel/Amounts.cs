using FluentValidation;

namespace Coalitions.Core.Kernel;

/// <summary>
/// The door checks for amounts of money and of time that commands take: an amount is a known currency, positive where
/// required, at most <see cref="MaxAmount"/> and with at most <see cref="MaxDecimals"/> decimal places, so that every
/// sum the library keeps (a ledger of at most a million entries) stays exact within <see cref="decimal"/>.
/// </summary>
internal static class Amounts
{
    /// <summary>The largest amount of one entry: a thousand million million (10^15) units of any currency.</summary>
    public const decimal MaxAmount = 1_000_000_000_000_000m;

    /// <summary>The most decimal places an amount may have.</summary>
    public const int MaxDecimals = 4;

    /// <summary>The most hours one pledge or receipt may count (a hundred full-time posts for ten years).</summary>
    public const decimal MaxHours = 2_000_000m;

    public static string? Problem(Money? money, bool positive = true)
    {
        if (money is not { } value)
        {
            return "is required.";
        }

        if (!Money.IsCurrencyCode(value.Currency))
        {
            return "has no ISO 4217 currency.";
        }

        return Problem(value.Amount, MaxAmount, positive);
    }

    public static string? Problem(decimal amount, decimal max, bool positive = true)
    {
        if (positive ? amount <= 0 : amount < 0)
        {
            return positive ? "must be more than zero." : "cannot be negative.";
        }

        if (amount > max)
        {
            return "is larger than the library accepts.";
        }

        return amount.Scale > MaxDecimals && decimal.Round(amount, MaxDecimals) != amount ? "has more than four decimal places." : null;
    }

    public static Money Check(Money? money, string name, bool positive = true)
    {
        if (Problem(money, positive) is { } problem)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "The {name} " + problem, ("name", Words.Identifier(name)));
        }

        return money!.Value;
    }

    public static decimal CheckHours(decimal hours, string name)
    {
        if (Problem(hours, MaxHours) is { } problem)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "The {name} " + problem, ("name", Words.Identifier(name)));
        }

        return hours;
    }

    /// <summary>A FluentValidation rule for an amount of money: a known currency, positive (or zero or more), bounded, at most four decimals.</summary>
    public static IRuleBuilderOptions<T, Money> IsAmount<T>(this IRuleBuilder<T, Money> rule, bool positive = true) =>
        rule.Must(money => Problem(money, positive) is null)
            .WithErrorCode(ErrorCodes.Kernel.OutOfRange.Code)
            .WithMessage($"The {{PropertyName}} must be an amount in an ISO 4217 currency, {(positive ? "more than zero" : "zero or more")}, at most 10^15 and with at most four decimal places.");

    /// <summary>A FluentValidation rule for hours: more than zero, at most two million, at most four decimals.</summary>
    public static IRuleBuilderOptions<T, decimal> IsHours<T>(this IRuleBuilder<T, decimal> rule) =>
        rule.Must(hours => Problem(hours, MaxHours) is null)
            .WithErrorCode(ErrorCodes.Kernel.OutOfRange.Code)
            .WithMessage("The {PropertyName} must be more than zero and at most 2,000,000 hours, with at most four decimal places.");

    /// <summary>Formats an amount for a message: "250,000.00 KES".</summary>
    public static string Format(Money money) =>
        money.Amount.ToString(money.Amount.Scale == 0 ? "N0" : "N" + Math.Min((int)money.Amount.Scale, MaxDecimals).ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture) + " " + money.Currency;
}
