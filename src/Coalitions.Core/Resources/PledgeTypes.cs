using Coalitions.Core.Agreements;
using Coalitions.Core.Initiatives;
using Coalitions.Core.Kernel;
using FluentValidation;
using NodaTime;

namespace Coalitions.Core.Resources;

/// <summary>What a member contributes.</summary>
public enum ContributionKind
{
    /// <summary>Money, in one currency.</summary>
    Money = 1,

    /// <summary>Time of the member's staff, in hours (a coordinator's half post, volunteers at an event).</summary>
    StaffTime = 2,

    /// <summary>Expertise, in hours (a trainer, an evaluator, legal advice).</summary>
    Expertise = 3,

    /// <summary>Goods or services in kind (books, a venue, printing), with an estimated value where known.</summary>
    InKind = 4,
}

/// <summary>Where a pledge stands on a date.</summary>
public enum PledgeStatus
{
    /// <summary>Promised; nothing received yet, and the due date has not passed.</summary>
    Pledged = 1,

    /// <summary>Part received; the due date has not passed.</summary>
    PartlyReceived = 2,

    /// <summary>Received in full.</summary>
    Received = 3,

    /// <summary>The due date passed before it was received in full (computed from the dates; a late receipt still counts).</summary>
    Lapsed = 4,

    /// <summary>Withdrawn by the member before anything of it was received.</summary>
    Withdrawn = 5,
}

/// <summary>What a member promises to contribute to the coalition, by when, and where it goes.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Member">The member that pledges.</param>
/// <param name="Kind">What kind of contribution.</param>
/// <param name="Description">What is promised, in the member's words: at most 2,000 characters.</param>
/// <param name="Due">The day by which it is to be given.</param>
/// <param name="Amount">For money, the amount (required); for goods in kind, their estimated value (optional); none for time.</param>
/// <param name="Hours">For staff time and expertise, the hours (required); none otherwise.</param>
/// <param name="Fund">The pooled fund the money goes to, if any (money only).</param>
/// <param name="Initiative">The joint initiative it supports, if any.</param>
/// <param name="Agreement">The agreement (an MOU) under which the member committed it, if any.</param>
/// <param name="Commitment">The key of that agreement's commitment, if any (with <paramref name="Agreement"/>).</param>
public sealed record PledgeOffer(
    CoalitionId Coalition,
    PartnerId Member,
    ContributionKind Kind,
    string Description,
    LocalDate Due,
    Money? Amount = null,
    decimal? Hours = null,
    PooledFundId? Fund = null,
    InitiativeId? Initiative = null,
    AgreementId? Agreement = null,
    string? Commitment = null);

/// <summary>What was received of a pledge, and when.</summary>
/// <param name="ReceivedOn">The day it was received, no later than the day it is recorded.</param>
/// <param name="Amount">For money, the amount received, in the pledge's currency.</param>
/// <param name="Hours">For staff time and expertise, the hours given.</param>
/// <param name="Note">A note, such as a bank reference: at most 2,000 characters.</param>
public sealed record PledgeReceipt(LocalDate ReceivedOn, Money? Amount = null, decimal? Hours = null, string? Note = null);

/// <summary>A receipt as recorded, numbered from 1 in the order recorded.</summary>
/// <param name="Number">Its number within the pledge.</param>
/// <param name="ReceivedOn">The day it was received.</param>
/// <param name="Amount">The money received, for a money pledge.</param>
/// <param name="Hours">The hours given, for time.</param>
/// <param name="Note">The note, if any.</param>
public sealed record RecordedReceipt(int Number, LocalDate ReceivedOn, Money? Amount, decimal? Hours, string? Note);

/// <summary>Checks a <see cref="PledgeOffer"/> at the door and when its making is replayed.</summary>
internal sealed class PledgeOfferValidator : AbstractValidator<PledgeOffer>
{
    public static readonly PledgeOfferValidator Instance = new();

    private PledgeOfferValidator()
    {
        var code = ErrorCodes.Resources.InvalidPledge.Code;
        RuleFor(p => p.Coalition).IsId();
        RuleFor(p => p.Member).IsId();
        RuleFor(p => p.Kind).IsDefined();
        RuleFor(p => p.Description).IsText(Limits.ReasonLength);
        RuleFor(p => p.Due).IsDate();
        RuleFor(p => p.Fund).IsIdOrNull();
        RuleFor(p => p.Initiative).IsIdOrNull();
        RuleFor(p => p.Agreement).IsIdOrNull();
        RuleFor(p => p.Amount).NotNull().When(p => p.Kind == ContributionKind.Money).WithErrorCode(code).WithMessage("A pledge of money states its amount.");
        RuleFor(p => p.Amount!.Value).IsAmount().When(p => p.Amount is not null).OverridePropertyName(nameof(PledgeOffer.Amount));
        RuleFor(p => p.Amount).Null().When(p => p.Kind is ContributionKind.StaffTime or ContributionKind.Expertise).WithErrorCode(code).WithMessage("A pledge of time states hours, not an amount of money.");
        RuleFor(p => p.Hours).NotNull().When(p => p.Kind is ContributionKind.StaffTime or ContributionKind.Expertise).WithErrorCode(code).WithMessage("A pledge of staff time or expertise states its hours.");
        RuleFor(p => p.Hours!.Value).IsHours().When(p => p.Hours is not null).OverridePropertyName(nameof(PledgeOffer.Hours));
        RuleFor(p => p.Hours).Null().When(p => p.Kind is ContributionKind.Money or ContributionKind.InKind).WithErrorCode(code).WithMessage("Only a pledge of staff time or expertise states hours.");
        RuleFor(p => p.Fund).Null().When(p => p.Kind != ContributionKind.Money).WithErrorCode(code).WithMessage("Only money goes to a pooled fund.");
        RuleFor(p => p.Commitment).IsName(Limits.KeyLength, required: false);
        RuleFor(p => p.Commitment).Null().When(p => p.Agreement is null).WithErrorCode(code).WithMessage("A commitment is named only with the agreement it belongs to.");
    }
}

/// <summary>A contribution's kind before the word "pledge": "money", "staff time", "expertise", "in-kind" (hyphenated, as a modifier).</summary>
internal static class PledgeWords
{
    public static string Kind(ContributionKind kind) => kind == ContributionKind.InKind ? "in-kind" : Words.Of(kind);
}
