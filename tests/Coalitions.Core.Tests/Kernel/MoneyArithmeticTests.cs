using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;

namespace Coalitions.Core.Tests.Kernel;

/// <summary>Money's arithmetic, comparison, equality and words, and its refusals of unknown currencies and mixed ones.</summary>
public class MoneyArithmeticTests
{
    private static Money Eur(decimal amount) => new(amount, "EUR");

    [Fact]
    public void An_unknown_currency_is_refused_in_words_naming_the_code_and_the_parameter()
    {
        var error = Refusal.Of(() => _ = new Money(1m, "eur"), ErrorCodes.Kernel.UnknownCurrency);

        Assert.Equal("'eur' is not an active ISO 4217 currency code (for example EUR, USD, KES).", error.Message);
        Assert.Equal("currency", Assert.Single(error.Errors).PropertyName);
        Assert.Equal("'' is not an active ISO 4217 currency code (for example EUR, USD, KES).", Refusal.Of(() => _ = new Money(1m, null!), ErrorCodes.Kernel.UnknownCurrency).Message);
    }

    [Fact]
    public void Only_active_ISO_4217_codes_are_currencies()
    {
        Assert.True(Money.IsCurrencyCode("KES"));
        Assert.True(Money.IsCurrencyCode("ZWG"));
        Assert.False(Money.IsCurrencyCode("XXX"));
        Assert.False(Money.IsCurrencyCode(null));
        Assert.False(Money.IsCurrencyCode("kes"));
    }

    [Fact]
    public void Subtracting_in_one_currency_gives_the_difference()
    {
        Assert.Equal(Eur(-0.5m), Eur(1m) - Eur(1.5m));
        Assert.Equal(Eur(2.5m), Eur(1m).Add(Eur(1.5m)));
        Assert.Equal(Eur(1m), Eur(2.5m).Subtract(Eur(1.5m)));
        Assert.Equal("EUR", (Eur(1m) - Eur(1m)).Currency);
    }

    [Fact]
    public void Mixing_currencies_is_refused_naming_both_amounts()
    {
        const string Words = "Cannot combine 10 EUR with 2.50 KES: amounts in different currencies are not converted.";

        Assert.Equal(Words, Refusal.Of(() => _ = Eur(10m) - new Money(2.50m, "KES"), ErrorCodes.Kernel.CurrencyMismatch).Message);
        Assert.Equal(Words, Refusal.Of(() => Eur(10m).CompareAmount(new Money(2.50m, "KES")), ErrorCodes.Kernel.CurrencyMismatch).Message);
        Assert.Equal(Words, Refusal.Of(() => Eur(10m).Add(new Money(2.50m, "KES")), ErrorCodes.Kernel.CurrencyMismatch).Message);
        Assert.Equal("Cannot combine 0 XXX with 1 EUR: amounts in different currencies are not converted.", Refusal.Of(() => default(Money).Add(Eur(1m)), ErrorCodes.Kernel.CurrencyMismatch).Message);
    }

    [Fact]
    public void Amounts_in_one_currency_compare_by_value()
    {
        Assert.Equal(0, Eur(10m).CompareAmount(Eur(10.00m)));
        Assert.True(Eur(9.99m).CompareAmount(Eur(10m)) < 0);
        Assert.True(Eur(10.01m).CompareAmount(Eur(10m)) > 0);
    }

    [Fact]
    public void Money_is_equal_by_amount_and_currency_whatever_its_trailing_zeros()
    {
        Assert.True(Eur(10m) == Eur(10.00m));
        Assert.False(Eur(10m) != Eur(10.00m));
        Assert.Equal(Eur(10m).GetHashCode(), Eur(10.00m).GetHashCode());
        Assert.True(Eur(10m) != new Money(10m, "KES"));
        Assert.False(Eur(10m) == Eur(10.01m));
        Assert.True(Eur(10m).Equals((object)Eur(10m)));
        Assert.False(Eur(10m).Equals("10 EUR"));
    }

    [Fact]
    public void The_default_money_is_zero_in_no_currency()
    {
        Assert.Equal("XXX", default(Money).Currency);
        Assert.Equal(0m, default(Money).Amount);
        Assert.Equal("0 XXX", default(Money).ToString());
        Assert.Equal(new Money(0m, "KES"), Money.Zero("KES"));
        Assert.Equal("-3.5 KES", new Money(-3.5m, "KES").ToString());
    }
}
