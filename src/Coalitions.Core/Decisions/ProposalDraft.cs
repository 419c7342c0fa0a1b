using Coalitions.Core.Kernel;
using FluentValidation;

namespace Coalitions.Core.Decisions;

/// <summary>What a member puts forward: the input of <see cref="Proposal.Draft"/>.</summary>
/// <param name="Coalition">The coalition the proposal is for.</param>
/// <param name="Matter">What it is about.</param>
/// <param name="Title">A title of at most 200 characters.</param>
/// <param name="Text">The text, at most 20,000 characters.</param>
/// <param name="Proposer">The proposing member.</param>
/// <param name="Rule">The decision rule, as the rule book sets it for this matter.</param>
/// <param name="Facilitators">The people (chair, secretariat) who may open and close voting; at least one.</param>
/// <param name="SecondersRequired">How many other members must second it before voting (0 to 20).</param>
/// <param name="CustomMatter">The matter's name, required for <see cref="MatterType.Custom"/>.</param>
public sealed record ProposalDraft(
    CoalitionId Coalition,
    MatterType Matter,
    string Title,
    string Text,
    PartnerId Proposer,
    DecisionRule Rule,
    IReadOnlyList<PersonId> Facilitators,
    int SecondersRequired = 0,
    string? CustomMatter = null);

/// <summary>Checks a <see cref="ProposalDraft"/> at the boundary.</summary>
internal sealed class ProposalDraftValidator : AbstractValidator<ProposalDraft>
{
    public static readonly ProposalDraftValidator Instance = new();

    private ProposalDraftValidator()
    {
        var code = ErrorCodes.Decisions.InvalidProposal.Code;
        RuleFor(d => d.Coalition).NotEqual(default(CoalitionId)).WithErrorCode(code).WithMessage("A proposal belongs to a coalition.");
        RuleFor(d => d.Proposer).NotEqual(default(PartnerId)).WithErrorCode(code).WithMessage("A proposal has a proposing member.");
        RuleFor(d => d.Matter).IsInEnum().WithErrorCode(code);
        RuleFor(d => d.Title).NotEmpty().WithErrorCode(code).MaximumLength(200).WithErrorCode(code);
        RuleFor(d => d.Text).NotEmpty().WithErrorCode(code).MaximumLength(20_000).WithErrorCode(code);
        RuleFor(d => d.Rule).NotNull().WithErrorCode(code);
        RuleFor(d => d.SecondersRequired).InclusiveBetween(0, 20).WithErrorCode(code);
        RuleFor(d => d.Facilitators).NotEmpty().WithErrorCode(code).WithMessage("Name at least one facilitator who may open and close voting.");
        RuleForEach(d => d.Facilitators).NotEqual(default(PersonId)).WithErrorCode(code);
        RuleFor(d => d.CustomMatter).NotEmpty().WithErrorCode(code).MaximumLength(100).When(d => d.Matter == MatterType.Custom).WithErrorCode(code)
            .WithMessage("A custom matter needs a name of at most 100 characters.");
        RuleFor(d => d.CustomMatter).Null().When(d => d.Matter != MatterType.Custom).WithErrorCode(code)
            .WithMessage("Only a custom matter has a name of its own.");
    }
}
