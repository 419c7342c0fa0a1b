using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Coalitions.Core.Kernel;

/// <summary>
/// An amount of money in one currency, identified by its ISO 4217 code. Amounts in different
/// currencies are never added or compared: the library does not convert currencies.
/// </summary>
/// <remarks>Money is immutable and compared by amount and currency; <c>10.0 EUR</c> equals <c>10 EUR</c>.</remarks>
public readonly struct Money : IEquatable<Money>
{
    // Active ISO 4217 codes (list of 2025), fund codes included; XXX ("no currency") is excluded.
    private static readonly FrozenSet<string> IsoCodes = (
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP " +
        "BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR " +
        "FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES " +
        "KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR " +
        "MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF " +
        "SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS " +
        "UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF " +
        "XPD XPF XPT XSU XUA YER ZAR ZMW ZWG")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .ToFrozenSet(StringComparer.Ordinal);

    private readonly string? _currency;

    /// <summary>Initializes an amount in a currency.</summary>
    /// <param name="amount">The amount; negative amounts are allowed (a refund, a shortfall).</param>
    /// <param name="currency">An active ISO 4217 code in capitals, such as <c>EUR</c> or <c>KES</c>.</param>
    /// <exception cref="CoalitionRuleException"><paramref name="currency"/> is not an ISO 4217 code (<c>Kernel.UnknownCurrency</c>).</exception>
    [JsonConstructor]
    public Money(decimal amount, string currency)
    {
        if (currency is null || !IsoCodes.Contains(currency))
        {
            throw new CoalitionRuleException(
                ErrorCodes.Kernel.UnknownCurrency,
                $"'{currency}' is not an active ISO 4217 currency code (for example EUR, USD, KES).",
                nameof(currency));
        }

        Amount = amount;
        _currency = currency;
    }

    /// <summary>Gets the amount.</summary>
    public decimal Amount { get; }

    /// <summary>Gets the ISO 4217 currency code; <c>XXX</c> for the default value.</summary>
    public string Currency => _currency ?? "XXX";

    /// <summary>Whether a text is an active ISO 4217 currency code.</summary>
    /// <param name="currency">The code to check.</param>
    /// <returns><see langword="true"/> for codes such as <c>EUR</c>.</returns>
    public static bool IsCurrencyCode(string? currency) => currency is not null && IsoCodes.Contains(currency);

    /// <summary>Zero in a currency.</summary>
    /// <param name="currency">The ISO 4217 code.</param>
    /// <returns>The zero amount.</returns>
    public static Money Zero(string currency) => new(0m, currency);

    /// <summary>Adds an amount in the same currency.</summary>
    /// <param name="other">The amount to add.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="CoalitionRuleException">The currencies differ (<c>Kernel.CurrencyMismatch</c>).</exception>
    public Money Add(Money other)
    {
        EnsureSameCurrency(other);
        return new(Amount + other.Amount, Currency);
    }

    /// <summary>Subtracts an amount in the same currency.</summary>
    /// <param name="other">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="CoalitionRuleException">The currencies differ (<c>Kernel.CurrencyMismatch</c>).</exception>
    public Money Subtract(Money other)
    {
        EnsureSameCurrency(other);
        return new(Amount - other.Amount, Currency);
    }

    /// <summary>Compares with an amount in the same currency.</summary>
    /// <param name="other">The other amount.</param>
    /// <returns>Negative, zero or positive.</returns>
    /// <exception cref="CoalitionRuleException">The currencies differ (<c>Kernel.CurrencyMismatch</c>).</exception>
    public int CompareAmount(Money other)
    {
        EnsureSameCurrency(other);
        return Amount.CompareTo(other.Amount);
    }

    /// <summary>Sum of two amounts in the same currency.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="CoalitionRuleException">The currencies differ.</exception>
    public static Money operator +(Money left, Money right) => left.Add(right);

    /// <summary>Difference of two amounts in the same currency.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="CoalitionRuleException">The currencies differ.</exception>
    public static Money operator -(Money left, Money right) => left.Subtract(right);

    /// <summary>Equality.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether amount and currency are equal.</returns>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether amount or currency differ.</returns>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(Money other) => Amount == other.Amount && string.Equals(Currency, other.Currency, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Amount, Currency);

    /// <summary>Formats as amount and code with the invariant culture, for example <c>1250.00 EUR</c>.</summary>
    /// <returns>The amount as text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount} {Currency}");

    private void EnsureSameCurrency(Money other)
    {
        if (!string.Equals(Currency, other.Currency, StringComparison.Ordinal))
        {
            throw new CoalitionRuleException(
                ErrorCodes.Kernel.CurrencyMismatch,
                $"Cannot combine {this} with {other}: amounts in different currencies are not converted.");
        }
    }
}
