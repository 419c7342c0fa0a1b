using Coalitions.Core.Kernel;
using FluentValidation;
using Coalitions.Core.Tests.Kit;

namespace Coalitions.Core.Tests.Kernel;

/// <summary>Amounts of money and hours at the door: currency, sign, the largest amount, four decimal places, and how an amount is written in a message.</summary>
public class AmountsTests
{
    private sealed record Entry(Money Money, decimal Hours);

    private static string Refused(Action check) => Refusal.Of(check, ErrorCodes.Kernel.OutOfRange).Message;

    [Fact]
    public void An_amount_up_to_ten_to_the_fifteenth_is_accepted_and_one_past_it_refused()
    {
        Assert.Equal(new Money(Amounts.MaxAmount, "EUR"), Amounts.Check(new Money(1_000_000_000_000_000m, "EUR"), "amount"));
        Assert.Equal("The amount is larger than the library accepts.", Refused(() => Amounts.Check(new Money(Amounts.MaxAmount + 0.0001m, "EUR"), "amount")));
    }

    [Fact]
    public void A_positive_amount_must_be_more_than_zero()
    {
        Assert.Equal(new Money(0.0001m, "KES"), Amounts.Check(new Money(0.0001m, "KES"), "amount"));
        Assert.Equal("The grant amount must be more than zero.", Refused(() => Amounts.Check(Money.Zero("KES"), "GrantAmount")));
        Assert.Equal("The grant amount must be more than zero.", Refused(() => Amounts.Check(new Money(-1m, "KES"), "GrantAmount")));
    }

    [Fact]
    public void An_amount_that_may_be_zero_cannot_be_negative()
    {
        Assert.Equal(Money.Zero("KES"), Amounts.Check(Money.Zero("KES"), "balance", positive: false));
        Assert.Equal("The balance cannot be negative.", Refused(() => Amounts.Check(new Money(-0.0001m, "KES"), "balance", positive: false)));
    }

    [Fact]
    public void An_amount_has_at_most_four_decimal_places()
    {
        Assert.Equal(new Money(1.2345m, "EUR"), Amounts.Check(new Money(1.2345m, "EUR"), "amount"));
        Assert.Equal(new Money(1.23450000m, "EUR"), Amounts.Check(new Money(1.23450000m, "EUR"), "amount"));
        Assert.Equal("The amount has more than four decimal places.", Refused(() => Amounts.Check(new Money(1.23456m, "EUR"), "amount")));
    }

    [Fact]
    public void An_amount_is_required_and_in_a_currency()
    {
        Assert.Equal("The amount is required.", Refused(() => Amounts.Check(null, "amount")));
        Assert.Equal("The amount has no ISO 4217 currency.", Refused(() => Amounts.Check(default(Money), "amount")));
    }

    [Fact]
    public void Hours_are_more_than_zero_and_at_most_two_million()
    {
        Assert.Equal(2_000_000m, Amounts.CheckHours(2_000_000m, "hours"));
        Assert.Equal(0.0001m, Amounts.CheckHours(0.0001m, "hours"));
        Assert.Equal("The pledged hours is larger than the library accepts.", Refused(() => Amounts.CheckHours(2_000_000.0001m, "PledgedHours")));
        Assert.Equal("The pledged hours must be more than zero.", Refused(() => Amounts.CheckHours(0m, "PledgedHours")));
        Assert.Equal("The pledged hours has more than four decimal places.", Refused(() => Amounts.CheckHours(1.00001m, "PledgedHours")));
    }

    [Fact]
    public void An_amount_is_written_with_separators_and_its_own_decimals_up_to_four()
    {
        Assert.Equal("250,000.00 KES", Amounts.Format(new Money(250_000.00m, "KES")));
        Assert.Equal("250,000 KES", Amounts.Format(new Money(250_000m, "KES")));
        Assert.Equal("0.5 EUR", Amounts.Format(new Money(0.5m, "EUR")));
        Assert.Equal("1.2346 EUR", Amounts.Format(new Money(1.23456m, "EUR")));
        Assert.Equal("-1,000.25 EUR", Amounts.Format(new Money(-1_000.25m, "EUR")));
    }

    [Fact]
    public void A_validator_refuses_a_bad_amount_or_hours_in_the_same_words_and_code()
    {
        var positive = new InlineValidator<Entry>();
        positive.RuleFor(e => e.Money).IsAmount();
        positive.RuleFor(e => e.Hours).IsHours();
        var zeroOrMore = new InlineValidator<Entry>();
        zeroOrMore.RuleFor(e => e.Money).IsAmount(positive: false);

        positive.EnsureValid(new Entry(new Money(1m, "EUR"), 2_000_000m));
        zeroOrMore.EnsureValid(new Entry(Money.Zero("EUR"), 0m));
        var error = Refusal.Of(() => positive.EnsureValid(new Entry(Money.Zero("EUR"), 2_000_000.0001m)), ErrorCodes.Kernel.OutOfRange);
        var negative = Refusal.Of(() => zeroOrMore.EnsureValid(new Entry(new Money(-1m, "EUR"), 1m)), ErrorCodes.Kernel.OutOfRange);

        Assert.Equal(
            ["The Money must be an amount in an ISO 4217 currency, more than zero, at most 10^15 and with at most four decimal places.",
             "The Hours must be more than zero and at most 2,000,000 hours, with at most four decimal places."],
            error.Failures.Select(f => f.Message));
        Assert.Equal("The Money must be an amount in an ISO 4217 currency, zero or more, at most 10^15 and with at most four decimal places.", negative.Message);
        Assert.Equal("The entry is required.", Refusal.Of(() => positive.EnsureValid(null), ErrorCodes.Kernel.InvalidInput).Message);
    }
}
