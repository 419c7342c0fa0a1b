using Coalitions.Core.Kernel;
using FluentValidation;
using NodaTime;

namespace Coalitions.Core.Resources;

/// <summary>What kind of thing a member shares through the library.</summary>
public enum ResourceKind
{
    /// <summary>A document: a toolkit, a training manual, a policy brief.</summary>
    Document = 1,

    /// <summary>Equipment: a projector, a vehicle, a sound system.</summary>
    Equipment = 2,

    /// <summary>A trainer or facilitator the member makes available.</summary>
    Trainer = 3,

    /// <summary>Data: a survey's results, a register, a map.</summary>
    Data = 4,

    /// <summary>Expertise: advice, a review, a study by the member's staff.</summary>
    Expertise = 5,

    /// <summary>Anything else: a venue, materials.</summary>
    Other = 6,
}

/// <summary>Whether the library is open.</summary>
public enum LibraryStatus
{
    /// <summary>Members offer, ask, lend and return.</summary>
    Open = 1,

    /// <summary>Closed once everything lent was returned; it takes nothing more.</summary>
    Closed = 2,
}

/// <summary>What is needed to open a library.</summary>
/// <param name="Coalition">The coalition whose members share through it.</param>
/// <param name="Name">Its name: one line of at most 200 characters.</param>
public sealed record LibraryDraft(CoalitionId Coalition, string Name);

/// <summary>What a member offers to share.</summary>
/// <param name="Member">The offering member, which keeps it.</param>
/// <param name="Kind">What kind of thing it is.</param>
/// <param name="Title">What it is: one line of at most 200 characters.</param>
/// <param name="Description">More about it, how to use or reach it: at most 2,000 characters.</param>
/// <param name="Lendable">
/// Whether it is lent for a time and returned (equipment, a trainer's days); when <see langword="false"/> it is shared
/// freely and never lent (a document, a data set anyone may copy).
/// </param>
public sealed record ResourceOffer(PartnerId Member, ResourceKind Kind, string Title, string? Description = null, bool Lendable = true);

/// <summary>What a member asks the others for.</summary>
/// <param name="Member">The asking member.</param>
/// <param name="Kind">What kind of thing it needs.</param>
/// <param name="Need">What it needs, and for what: at most 2,000 characters.</param>
/// <param name="NeededBy">The day by which it is needed, if there is one.</param>
public sealed record ResourceRequest(PartnerId Member, ResourceKind Kind, string Need, LocalDate? NeededBy = null);

/// <summary>The terms on which an offered resource is lent.</summary>
/// <param name="Offer">The number of the offer lent.</param>
/// <param name="Borrower">The borrowing member: an active member other than the one that offered it.</param>
/// <param name="Due">The day it is due back: on or after the day it is lent, at most five years later.</param>
/// <param name="Request">The number of the borrower's open request it meets, if any; that request is then met.</param>
public sealed record LoanTerms(int Offer, PartnerId Borrower, LocalDate Due, int? Request = null);

/// <summary>A resource a member offered, as the library keeps it.</summary>
/// <param name="Number">Its number in the library, from 1.</param>
/// <param name="Offer">What was offered.</param>
/// <param name="OfferedOn">The day it was offered, in the coalition's time zone.</param>
/// <param name="WithdrawnOn">The day the member withdrew it, if it did.</param>
/// <param name="OnLoan">The number of the loan it is out on, if it is out.</param>
public sealed record SharedResource(int Number, ResourceOffer Offer, LocalDate OfferedOn, LocalDate? WithdrawnOn, int? OnLoan)
{
    /// <summary>Gets whether a member may borrow or use it now: not withdrawn, and not out on loan.</summary>
    public bool IsAvailable => WithdrawnOn is null && OnLoan is null;
}

/// <summary>A member's request, as the library keeps it.</summary>
/// <param name="Number">Its number in the library, from 1.</param>
/// <param name="Request">What was asked for.</param>
/// <param name="RequestedOn">The day it was asked, in the coalition's time zone.</param>
/// <param name="ClosedOn">The day it was met by a loan or closed, if it was.</param>
/// <param name="MetBy">The number of the loan that met it, if one did.</param>
public sealed record ResourceNeed(int Number, ResourceRequest Request, LocalDate RequestedOn, LocalDate? ClosedOn, int? MetBy)
{
    /// <summary>Gets whether it is still open.</summary>
    public bool IsOpen => ClosedOn is null;
}

/// <summary>A loan of an offered resource.</summary>
/// <param name="Number">Its number in the library, from 1.</param>
/// <param name="Terms">The offer lent, the borrower, the due day and the request it meets.</param>
/// <param name="Lender">The member that offered and lent it.</param>
/// <param name="LentOn">The day it was lent, in the coalition's time zone.</param>
/// <param name="ReturnedOn">The day it came back, if it did.</param>
public sealed record Loan(int Number, LoanTerms Terms, PartnerId Lender, LocalDate LentOn, LocalDate? ReturnedOn)
{
    /// <summary>Whether the loan is overdue on a day: not returned and past its due day.</summary>
    /// <param name="date">The day, in the coalition's time zone.</param>
    /// <returns><see langword="true"/> when overdue.</returns>
    public bool IsOverdueOn(LocalDate date) => ReturnedOn is null && date > Terms.Due;
}

/// <summary>Checks a <see cref="LibraryDraft"/> at the door and when its opening is replayed.</summary>
internal sealed class LibraryDraftValidator : AbstractValidator<LibraryDraft>
{
    public static readonly LibraryDraftValidator Instance = new();

    private LibraryDraftValidator()
    {
        RuleFor(d => d.Coalition).IsId();
        RuleFor(d => d.Name).IsName();
    }
}

/// <summary>Checks a <see cref="ResourceOffer"/> at the door and when it is replayed.</summary>
internal sealed class ResourceOfferValidator : AbstractValidator<ResourceOffer>
{
    public static readonly ResourceOfferValidator Instance = new();

    private ResourceOfferValidator()
    {
        RuleFor(o => o.Member).IsId();
        RuleFor(o => o.Kind).IsDefined();
        RuleFor(o => o.Title).IsName();
        RuleFor(o => o.Description).IsText(Limits.ReasonLength, required: false);
    }
}

/// <summary>Checks a <see cref="ResourceRequest"/> at the door and when it is replayed.</summary>
internal sealed class ResourceRequestValidator : AbstractValidator<ResourceRequest>
{
    public static readonly ResourceRequestValidator Instance = new();

    private ResourceRequestValidator()
    {
        RuleFor(r => r.Member).IsId();
        RuleFor(r => r.Kind).IsDefined();
        RuleFor(r => r.Need).IsText(Limits.ReasonLength);
        RuleFor(r => r.NeededBy!.Value).IsDate().When(r => r.NeededBy is not null).OverridePropertyName(nameof(ResourceRequest.NeededBy));
    }
}

/// <summary>Checks <see cref="LoanTerms"/> at the door and when a loan is replayed.</summary>
internal sealed class LoanTermsValidator : AbstractValidator<LoanTerms>
{
    public static readonly LoanTermsValidator Instance = new();

    private LoanTermsValidator()
    {
        var code = ErrorCodes.Resources.InvalidResource.Code;
        RuleFor(l => l.Offer).GreaterThan(0).WithErrorCode(ErrorCodes.Resources.UnknownResource.Code).WithMessage("A loan names the offer lent by its number, from 1.");
        RuleFor(l => l.Borrower).IsId();
        RuleFor(l => l.Due).IsDate();
        RuleFor(l => l.Request).GreaterThan(0).When(l => l.Request is not null).WithErrorCode(code).WithMessage("A loan names the request it meets by its number, from 1.");
    }
}
