using Coalitions.Core.Kernel;
using FluentValidation;

namespace Coalitions.Core.Decisions;

/// <summary>What a member puts forward: the input of <see cref="Proposal.Draft"/>.</summary>
/// <param name="Coalition">The coalition the proposal is for.</param>
/// <param name="Matter">What it is about.</param>
/// <param name="Title">A title: one line of at most 200 characters.</param>
/// <param name="Text">The text, at most 20,000 characters; line breaks and tabs are the only control characters allowed.</param>
/// <param name="Proposer">The proposing member.</param>
/// <param name="Rule">The decision rule, as the rule book sets it for this matter.</param>
/// <param name="Facilitators">The people (chair, secretariat) who may open and close voting: one to 100, none the empty id.</param>
/// <param name="SecondersRequired">How many other members must second it before voting (0 to 20).</param>
/// <param name="CustomMatter">The matter's name (one line of at most 100 characters), required for <see cref="MatterType.Custom"/> and only for it.</param>
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
    public const int MaxFacilitators = 100;
    public const int MaxSeconders = 20;
    public const int CustomMatterLength = 100;

    public static readonly ProposalDraftValidator Instance = new();

    private ProposalDraftValidator()
    {
        var code = ErrorCodes.Decisions.InvalidProposal.Code;
        RuleFor(d => d.Coalition).IsId();
        // Stryker disable once all : no actor represents the empty id, so Draft's authorization refuses an empty proposer first;
        // the rule stays for an actor forged past its constructor.
        RuleFor(d => d.Proposer).IsId();
        RuleFor(d => d.Matter).IsDefined();
        RuleFor(d => d.Title).IsName(Limits.NameLength);
        RuleFor(d => d.Text).IsText(Limits.DocumentLength);
        RuleFor(d => d.Rule).NotNull().WithErrorCode(code).WithMessage("A proposal is decided under a rule; give the rule book's rule for its matter.");
        RuleFor(d => d.SecondersRequired).InclusiveBetween(0, MaxSeconders).WithErrorCode(code)
            .WithMessage($"A proposal needs from 0 to {MaxSeconders} seconders.");
        RuleFor(d => d.Facilitators).Must(list => list is not null && list.Count is >= 1 and <= MaxFacilitators).WithErrorCode(code)
            .WithMessage($"Name one to {MaxFacilitators} facilitators who may open and close voting.");
        RuleForEach(d => d.Facilitators).IsId().When(d => d.Facilitators is not null);
        RuleFor(d => d.CustomMatter).IsName(CustomMatterLength).When(d => d.Matter == MatterType.Custom);
        RuleFor(d => d.CustomMatter).Null().When(d => d.Matter != MatterType.Custom).WithErrorCode(code)
            .WithMessage("Only a custom matter has a name of its own.");
    }
}
