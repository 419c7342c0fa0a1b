using Coalitions.Core.Kernel;
using FluentValidation.Results;

namespace Coalitions.Core.Tests.Kernel;

/// <summary>A refusal as a host sees it: its failures' codes, messages, templates and values, the checks a UI asks first, and the stored-event error.</summary>
public class RuleFailureTests
{
    [Fact]
    public void A_failure_fills_its_template_and_keeps_it_for_translation()
    {
        var failure = new RuleFailure(ErrorCodes.Kernel.OutOfRange, "{count} items is more than {max}.", new Dictionary<string, object?> { ["count"] = 1_200, ["max"] = 1_000 });

        Assert.Equal("1,200 items is more than 1,000.", failure.Message);
        Assert.Equal("{count} items is more than {max}.", failure.Template);
        Assert.Equal(1_200, failure.Values["count"]);
        Assert.Equal("Kernel.OutOfRange: 1,200 items is more than 1,000.", failure.ToString());
        Assert.False(failure.IsAuthorization);
    }

    [Fact]
    public void A_failure_without_values_keeps_its_words_as_written()
    {
        var failure = new RuleFailure(ErrorCodes.Kernel.OutOfRange, "Braces {stay} as written.");

        Assert.Equal("Braces {stay} as written.", failure.Message);
        Assert.Empty(failure.Values);
        Assert.Empty(new RuleFailure(ErrorCodes.Kernel.OutOfRange, "x", new Dictionary<string, object?>()).Values);
        Assert.Throws<ArgumentNullException>(() => new RuleFailure(null!, "x"));
        Assert.Throws<ArgumentNullException>(() => new RuleFailure(ErrorCodes.Kernel.OutOfRange, null!));
    }

    [Fact]
    public void A_refusal_of_several_failures_joins_their_words_and_lists_each_code_once()
    {
        var error = new CoalitionRuleException([
            new RuleFailure(ErrorCodes.Kernel.OutOfRange, "Too late."),
            new RuleFailure(ErrorCodes.Kernel.InvalidText, "Too long."),
            new RuleFailure(ErrorCodes.Kernel.OutOfRange, "Too early."),
        ]);

        Assert.Equal("Too late. Too long. Too early.", error.Message);
        Assert.Equal(ErrorCodes.Kernel.OutOfRange, error.Code);
        Assert.Equal([ErrorCodes.Kernel.OutOfRange, ErrorCodes.Kernel.InvalidText], error.Codes);
        Assert.Equal(3, error.Errors.Count());
        Assert.True(error.Has(ErrorCodes.Kernel.InvalidText));
        Assert.False(error.Has(ErrorCodes.Kernel.EmptyId));
    }

    [Fact]
    public void A_refusal_needs_at_least_one_failure_and_no_null()
    {
        var empty = Assert.Throws<ArgumentException>(() => new CoalitionRuleException(Array.Empty<RuleFailure>()));
        var withNull = Assert.Throws<ArgumentException>(() => new CoalitionRuleException(new RuleFailure[] { null! }));

        Assert.Equal("failures", empty.ParamName);
        Assert.StartsWith("At least one failure is needed.", empty.Message, StringComparison.Ordinal);
        Assert.StartsWith("A failure is null.", withNull.Message, StringComparison.Ordinal);
        Assert.Equal("failures", Assert.Throws<ArgumentNullException>(() => new CoalitionRuleException((IEnumerable<RuleFailure>)null!)).ParamName);
    }

    [Fact]
    public void A_refusal_for_one_rule_names_the_input_property()
    {
        var error = new CoalitionRuleException(ErrorCodes.Kernel.InvalidText, "The name is too long.", "Name");

        var failure = Assert.Single(error.Errors);
        Assert.Equal("Name", failure.PropertyName);
        Assert.Equal("Kernel.InvalidText", failure.ErrorCode);
        Assert.Equal("The name is too long.", failure.ErrorMessage);
    }

    [Fact]
    public void A_validator_failure_keeps_its_code_property_and_values_and_an_unknown_code_is_invalid_input()
    {
        var known = new ValidationFailure("Title", "The Title is too long.")
        {
            ErrorCode = "Kernel.InvalidText",
            FormattedMessagePlaceholderValues = new Dictionary<string, object> { ["PropertyName"] = "Title", ["PropertyPath"] = "Draft.Title", ["PropertyValue"] = new string('x', 300), ["MaxLength"] = 200 },
        };
        var unknown = new ValidationFailure(string.Empty, "Something else.") { ErrorCode = "NotACode" };

        var error = new CoalitionRuleException([known, unknown]);

        Assert.Equal([ErrorCodes.Kernel.InvalidText, ErrorCodes.Kernel.InvalidInput], error.Codes);
        Assert.Equal("The Title is too long.", error.Failures[0].Message);
        Assert.Equal("Title", error.Failures[0].Values["property"]);
        Assert.Equal(200, error.Failures[0].Values["MaxLength"]);
        // FluentValidation's own placeholders (the property's name, path and value) are not the rule's values: the
        // value could be the very input refused (a 300-character title), and the name is given as "property".
        Assert.Equal(["MaxLength", "property"], error.Failures[0].Values.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(error.Failures[1].Values);
        Assert.Equal("Title", error.Errors.First().PropertyName);
        Assert.Equal(string.Empty, error.Errors.ElementAt(1).PropertyName);
    }

    [Fact]
    public void A_validator_failure_keeps_the_words_it_was_given_and_is_not_about_who_acts()
    {
        // Its message was formatted by the validator: braces in it are the input's own, not placeholders to fill again.
        var failure = new ValidationFailure("Title", "The Title '{property}' is too long.") { ErrorCode = "Kernel.InvalidText" };

        var error = new CoalitionRuleException([failure]);

        Assert.Equal("The Title '{property}' is too long.", error.Failures[0].Message);
        Assert.Equal("Title", error.Failures[0].Values["property"]);
        Assert.False(error.Failures[0].IsAuthorization);
        Assert.False(error.IsAuthorizationRefusal);
    }

    [Fact]
    public void A_missing_input_is_refused_before_its_validator_runs()
    {
        var validator = new FluentValidation.InlineValidator<RuleFailure>();

        var error = Assert.Throws<CoalitionRuleException>(() => validator.EnsureValid(null));

        Assert.Equal(ErrorCodes.Kernel.InvalidInput, error.Code);
        Assert.Equal("The rule failure is required.", error.Message);
    }

    [Fact]
    public void A_check_is_allowed_or_refused_and_throws_its_failures_when_refused()
    {
        var refused = RuleCheck.Refused(ErrorCodes.Kernel.OutOfRange, "Voting has closed.");

        Assert.True(RuleCheck.Allowed.IsAllowed);
        Assert.Empty(RuleCheck.Allowed.Failures);
        RuleCheck.Allowed.ThrowIfRefused();
        Assert.False(refused.IsAllowed);
        Assert.True(refused.Has(ErrorCodes.Kernel.OutOfRange));
        Assert.False(refused.Has(ErrorCodes.Kernel.InvalidText));
        Assert.False(RuleCheck.Allowed.Has(ErrorCodes.Kernel.OutOfRange));
        var error = Assert.Throws<CoalitionRuleException>(refused.ThrowIfRefused);
        Assert.Equal("Voting has closed.", error.Message);
        Assert.Equal(ErrorCodes.Kernel.OutOfRange, error.Code);
    }

    [Fact]
    public void A_check_refused_for_a_failure_keeps_it_and_a_template_is_filled()
    {
        var failure = new RuleFailure(ErrorCodes.Kernel.OutOfRange, "Closed.");

        Assert.Same(failure, Assert.Single(RuleCheck.Refused(failure).Failures));
        Assert.Throws<ArgumentNullException>(() => RuleCheck.Refused((RuleFailure)null!));
        Assert.Equal("Round 1,001 is closed.", Assert.Single(RuleCheck.Refused(ErrorCodes.Kernel.OutOfRange, "Round {round} is closed.", ("round", 1_001)).Failures).Message);
    }

    [Fact]
    public void A_stored_event_error_carries_its_code_position_and_type()
    {
        var inner = new FormatException("bad");
        var error = new StoredEventException(ErrorCodes.Kernel.UnreadableEvent, "Event 3 cannot be read.", 3, "Partners.PartnerRegistered", inner);

        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, error.Code);
        Assert.Equal(3, error.Position);
        Assert.Equal("Partners.PartnerRegistered", error.EventType);
        Assert.Same(inner, error.InnerException);
        Assert.Equal("Event 3 cannot be read.", error.Message);
        Assert.Null(new StoredEventException(ErrorCodes.Kernel.CorruptHistory, "x").Position);
        Assert.Throws<ArgumentNullException>(() => new StoredEventException(null!, "x"));
    }

    [Fact]
    public void An_error_code_has_its_area_and_equals_by_code()
    {
        Assert.Equal("Kernel", ErrorCodes.Kernel.OutOfRange.Area);
        Assert.Equal("Kernel.OutOfRange", ErrorCodes.Kernel.OutOfRange.ToString());
        Assert.True(ErrorCodes.Kernel.OutOfRange.Equals((object?)ErrorCodes.Find("Kernel.OutOfRange")));
        Assert.False(ErrorCodes.Kernel.OutOfRange.Equals(ErrorCodes.Kernel.InvalidText));
        Assert.False(ErrorCodes.Kernel.OutOfRange.Equals(null));
    }
}
