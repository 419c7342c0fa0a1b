using Coalitions.Core.Kernel;
using FluentValidation;
using NodaTime;

namespace Coalitions.Core.Tests.Kernel;

/// <summary>The door checks as FluentValidation rules (texts, names, periods, lists), each with its code and words.</summary>
public class ValidationRulesTests
{
    private sealed record Input(string? Text = "ok", string? Name = "ok", Period? Span = null, IReadOnlyList<string>? Items = null);

    private static readonly Period Month = Period.FromMonths(1);

    /// <summary>The words of each failure, or none when the input passes.</summary>
    private static string[] Failures(Input input, Action<InlineValidator<Input>> rules)
    {
        var validator = new InlineValidator<Input>();
        rules(validator);
        return [.. validator.Validate(input).Errors.Select(e => $"{e.ErrorCode}: {e.ErrorMessage}")];
    }

    [Fact]
    public void A_text_is_given_where_required_and_bounded_and_its_words_say_so()
    {
        void Required(InlineValidator<Input> v) => v.RuleFor(x => x.Text).IsText(10);
        void Optional(InlineValidator<Input> v) => v.RuleFor(x => x.Text).IsText(10, required: false);

        Assert.Empty(Failures(new Input(Text: "ten chars!"), Required));
        Assert.Equal(["Kernel.InvalidText: The Text must be given, at most 10 characters, without control characters."], Failures(new Input(Text: null), Required));
        Assert.Empty(Failures(new Input(Text: null), Optional));
        Assert.Equal(["Kernel.InvalidText: The Text must be at most 10 characters, without control characters."], Failures(new Input(Text: "eleven chars"), Optional));
    }

    [Fact]
    public void A_name_is_one_bounded_line_and_an_optional_name_may_be_absent_but_not_ill_formed()
    {
        void Required(InlineValidator<Input> v) => v.RuleFor(x => x.Name).IsName(10);
        void Optional(InlineValidator<Input> v) => v.RuleFor(x => x.Name).IsName(10, required: false);
        const string Refused = "Kernel.InvalidText: The Name must be one line of at most 10 characters.";

        Assert.Empty(Failures(new Input(Name: "one line"), Required));
        Assert.Equal([Refused], Failures(new Input(Name: null), Required));
        Assert.Empty(Failures(new Input(Name: null), Optional));
        Assert.Equal([Refused], Failures(new Input(Name: "two\nlines"), Optional));
        Assert.Equal([Refused], Failures(new Input(Name: "eleven chars"), Optional));
    }

    [Fact]
    public void A_date_period_is_longer_than_zero_unless_zero_is_allowed_and_its_words_say_which()
    {
        void Positive(InlineValidator<Input> v) => v.RuleFor(x => x.Span).IsDatePeriod();
        void ZeroAllowed(InlineValidator<Input> v) => v.RuleFor(x => x.Span).IsDatePeriod(allowZero: true);

        Assert.Empty(Failures(new Input(Span: Month), Positive));
        Assert.Equal([$"Kernel.InvalidPeriod: The Span must be a calendar period of years, months, weeks and days, longer than zero and at most {Limits.MaxPeriodYears} years."], Failures(new Input(Span: Period.Zero), Positive));
        Assert.Empty(Failures(new Input(Span: Period.Zero), ZeroAllowed));
        Assert.Equal([$"Kernel.InvalidPeriod: The Span must be a calendar period of years, months, weeks and days, zero or more and at most {Limits.MaxPeriodYears} years."], Failures(new Input(Span: Period.FromHours(1)), ZeroAllowed));
    }

    [Fact]
    public void A_list_is_given_holds_no_null_and_at_most_its_limit_of_items()
    {
        void List(InlineValidator<Input> v) => v.RuleFor(x => x.Items).IsList(3);
        const string Refused = "Kernel.InvalidInput: The Items must be given, hold no null and at most 3 items.";

        Assert.Empty(Failures(new Input(Items: ["a", "b", "c"]), List));
        Assert.Equal([Refused], Failures(new Input(Items: null), List));
        Assert.Equal([Refused], Failures(new Input(Items: ["a", "b", "c", "d"]), List));
        Assert.Equal([Refused], Failures(new Input(Items: ["a", null!]), List));
    }
}
