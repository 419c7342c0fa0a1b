using Coalitions.Core.Kernel;

namespace Coalitions.Core.Tests.Kernel;

public class MoneyTests
{
    [Fact]
    public void Amounts_in_the_same_currency_add_up()
    {
        var total = new Money(1200.50m, "EUR") + new Money(49.50m, "EUR");

        Assert.Equal(new Money(1250m, "EUR"), total);
        Assert.Equal("1250.00 EUR", total.ToString());
    }

    [Fact]
    public void Amounts_in_different_currencies_are_never_added()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => new Money(10m, "EUR") + new Money(10m, "KES"));

        Assert.Equal(ErrorCodes.Kernel.CurrencyMismatch, error.Code);
        Assert.Contains("KES", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AED")]
    [InlineData("BWP")]
    [InlineData("CAD")]
    [InlineData("FJD")]
    [InlineData("KGS")]
    [InlineData("MWK")]
    [InlineData("SAR")]
    [InlineData("UAH")]
    [InlineData("ZWG")]
    public void Every_active_ISO_4217_code_is_a_currency_from_the_first_to_the_last(string code) =>
        Assert.Equal(code, new Money(1m, code).Currency);

    [Theory]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("XXX")]
    [InlineData("")]
    public void A_currency_must_be_an_active_ISO_4217_code(string code)
    {
        var error = Assert.Throws<CoalitionRuleException>(() => new Money(1m, code));

        Assert.Equal(ErrorCodes.Kernel.UnknownCurrency, error.Code);
    }

    [Fact]
    public void A_rule_exception_is_a_validation_exception_with_coded_failures()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => new Money(1m, "ABC"));

        FluentValidation.ValidationException asValidation = error;
        var failure = Assert.Single(asValidation.Errors);
        Assert.Equal("Kernel.UnknownCurrency", failure.ErrorCode);
        Assert.Equal("currency", failure.PropertyName);
    }
}
