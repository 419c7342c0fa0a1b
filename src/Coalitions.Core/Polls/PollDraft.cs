using Coalitions.Core.Kernel;
using FluentValidation;
using FluentValidation.Results;

namespace Coalitions.Core.Polls;

/// <summary>What a poll asks: the input of <see cref="Poll.Draft"/>.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Question">The question: one line of at most 500 characters.</param>
/// <param name="Options">
/// The options, in the order shown: 2 to 200, keys unique, each key one line of at most 64 characters and each label one
/// line of at most 200.
/// </param>
/// <param name="Rule">How it counts and who sees what: defined settings that fit the method (see <see cref="PollRule"/>).</param>
/// <param name="Facilitators">The people who open, close and cancel it, change its visibility and decide its ties: 1 to 100, none the empty id.</param>
public sealed record PollDraft(CoalitionId Coalition, string Question, IReadOnlyList<PollOption> Options, PollRule Rule, IReadOnlyList<PersonId> Facilitators);

/// <summary>The bounds of a poll's input; documented on the input records.</summary>
internal static class PollBounds
{
    public const int QuestionLength = 500;
    public const int MinOptions = 2;
    public const int MaxOptions = 200;
    public const int MaxFacilitators = 100;
    public const int MaxScore = 1_000;
    public const int MaxDots = 1_000;

    /// <summary>The most ranks a ranked ballot marks: twice the options, so an option may be marked again.</summary>
    public const int MaxRanks = 2 * MaxOptions;

    /// <summary>The first failure of a validator, as the end of a sentence, or null: for checking stored values.</summary>
    public static string? Problem<T>(IValidator<T> validator, T? input)
    {
        if (input is null)
        {
            return "it is missing.";
        }

        ValidationResult result = validator.Validate(input);
        return result.IsValid ? null : result.Errors[0].ErrorMessage;
    }
}

/// <summary>Checks a <see cref="PollOption"/> at the boundary.</summary>
internal sealed class PollOptionValidator : AbstractValidator<PollOption>
{
    public static readonly PollOptionValidator Instance = new();

    private PollOptionValidator()
    {
        RuleFor(o => o.Key).IsName(Limits.KeyLength);
        RuleFor(o => o.Label).IsName(Limits.NameLength);
    }
}

/// <summary>
/// Checks a <see cref="PollRule"/> on its own at the boundary: defined settings within bounds. Whether it fits its
/// options and method is <see cref="PollTally.DefinitionProblem"/>'s to say.
/// </summary>
internal sealed class PollRuleValidator : AbstractValidator<PollRule>
{
    public static readonly PollRuleValidator Instance = new();

    private PollRuleValidator()
    {
        var code = ErrorCodes.Polls.InvalidPoll.Code;
        RuleFor(r => r.Method).Must(Ensure.IsDefined).WithErrorCode(code).WithMessage("A poll's rule names a defined method.");
        RuleFor(r => r.Visibility).Must(Ensure.IsDefined).WithErrorCode(code).WithMessage("A poll's rule names a defined results visibility.");
        RuleFor(r => r.Transfer).Must(Ensure.IsDefined).WithErrorCode(code).WithMessage("A poll's rule names a defined STV transfer.");
        RuleFor(r => r.TieBreak).Must(Ensure.IsDefined).WithErrorCode(code).WithMessage("A poll's rule names a defined tie-break.");
        RuleFor(r => r.Quota).Must(Ensure.IsDefined).WithErrorCode(code).WithMessage("A poll's rule names a defined quota.");
        RuleFor(r => r.Purpose).Must(Ensure.IsDefined).WithErrorCode(code).WithMessage("A poll's rule names a defined purpose.");
        RuleFor(r => r.Seats).InclusiveBetween(1, PollBounds.MaxOptions - 1).WithErrorCode(code)
            .WithMessage($"A poll fills from 1 to {PollBounds.MaxOptions - 1} seats.");
        RuleFor(r => r.MaxScore).InclusiveBetween(1, PollBounds.MaxScore).WithErrorCode(code)
            .WithMessage("A score poll's highest score is from 1 to 1,000.");
        RuleFor(r => r.DotsPerVoter).InclusiveBetween(1, PollBounds.MaxDots).WithErrorCode(code)
            .WithMessage("A dot vote gives each voter from 1 to 1,000 dots.");
        RuleFor(r => r.MaxDotsPerOption).Must(m => m is null or (>= 1 and <= PollBounds.MaxDots)).WithErrorCode(code)
            .WithMessage("A dot vote's cap per option, when given, is from 1 to 1,000 dots.");
        RuleFor(r => r.BallotRules).Must(b => b is null || (Ensure.IsDefined(b.Overvote) && Ensure.IsDefined(b.Duplicate)))
            .WithErrorCode(code).WithMessage("Ballot rules name a defined overvote rule and a defined duplicate rule.");
        RuleFor(r => r.BallotRules).Must(b => b?.MaxConsecutiveSkips is null or (>= 0 and <= PollBounds.MaxRanks))
            .WithErrorCode(code).WithMessage($"Ballot rules allow from 0 to {PollBounds.MaxRanks} skipped ranks in a row, or any number (none given).");
        RuleFor(r => r.TieOrder).Must(o => o is null || (o.Count <= PollBounds.MaxOptions && o.All(k => k is not null)))
            .WithErrorCode(code).WithMessage("A tie order lists option keys, none of them null.");
    }
}

/// <summary>Checks a <see cref="PollDraft"/> at the boundary: the fields, each option, the rule, and that the rule fits the options.</summary>
internal sealed class PollDraftValidator : AbstractValidator<PollDraft>
{
    public static readonly PollDraftValidator Instance = new();

    private PollDraftValidator()
    {
        var code = ErrorCodes.Polls.InvalidPoll.Code;
        RuleFor(d => d.Coalition).IsId();
        RuleFor(d => d.Question).IsName(PollBounds.QuestionLength);
        RuleFor(d => d.Options).IsList(PollBounds.MaxOptions)
            .Must(o => o is null || o.Count >= PollBounds.MinOptions).WithErrorCode(code).WithMessage("A poll offers at least two options.")
            .Must(o => o is null || UniqueKeys(o)).WithErrorCode(code).WithMessage("Each option of a poll has a key of its own.");
        RuleForEach(d => d.Options).SetValidator(PollOptionValidator.Instance).When(d => d.Options is not null);
        RuleFor(d => d.Rule).NotNull().WithErrorCode(code).WithMessage("A poll counts by a rule; give one.")
            .SetValidator(PollRuleValidator.Instance!);
        RuleFor(d => d.Facilitators).IsList(PollBounds.MaxFacilitators)
            .Must(f => f is null || f.Count >= 1).WithErrorCode(code).WithMessage($"Name one to {PollBounds.MaxFacilitators} facilitators who run the poll.");
        RuleForEach(d => d.Facilitators).IsId().When(d => d.Facilitators is not null);
        RuleFor(d => d.Rule).Custom((_, context) =>
        {
            // The rule against its options, once both are well-formed on their own.
            var draft = context.InstanceToValidate;
            if (draft.Rule is null || draft.Options is null || draft.Options.Any(o => o is null) ||
                !PollRuleValidator.Instance.Validate(draft.Rule).IsValid || !draft.Options.All(o => PollOptionValidator.Instance.Validate(o).IsValid))
            {
                return;
            }

            if (PollTally.DefinitionProblem(draft.Rule, draft.Options) is { } problem)
            {
                context.AddFailure(new ValidationFailure(nameof(PollDraft.Rule), problem) { ErrorCode = code });
            }
        });
    }

    private static bool UniqueKeys(IReadOnlyList<PollOption> options)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        return options.All(o => o?.Key is not { } key || keys.Add(key));
    }
}
