using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using FluentValidation;
using NodaTime;

namespace Coalitions.Core.Memberships;

/// <summary>A membership tier; the coalition's <see cref="RightsTable"/> says what each tier may do.</summary>
public enum MembershipTier
{
    /// <summary>A founding member.</summary>
    Founding = 1,

    /// <summary>A full member.</summary>
    Full = 2,

    /// <summary>An associate member.</summary>
    Associate = 3,

    /// <summary>An observer.</summary>
    Observer = 4,
}

/// <summary>What a member may do.</summary>
[Flags]
public enum MemberRights
{
    /// <summary>Nothing beyond taking part in discussion.</summary>
    None = 0,

    /// <summary>Vote on proposals.</summary>
    Vote = 1,

    /// <summary>Put proposals forward.</summary>
    Propose = 2,

    /// <summary>Hold office or a seat on a governance body.</summary>
    HoldOffice = 4,

    /// <summary>Veto amendments to the charter.</summary>
    VetoCharterAmendments = 8,
}

/// <summary>The lifecycle status of a membership, as recorded.</summary>
public enum MembershipStatus
{
    /// <summary>Invited; not yet a member.</summary>
    Invited = 1,

    /// <summary>A member in good standing (see <see cref="MembershipStanding"/> for its term).</summary>
    Active = 2,

    /// <summary>Suspended by a decision; keeps membership but none of its rights.</summary>
    Suspended = 3,

    /// <summary>The term ended and the grace period passed without renewal (computed from dates).</summary>
    Lapsed = 4,

    /// <summary>Left the coalition, or declined the invitation.</summary>
    Withdrawn = 5,

    /// <summary>Expelled by a decision.</summary>
    Expelled = 6,
}

/// <summary>Where an active membership stands in its term on a date, in the manner of CiviCRM's membership status rules.</summary>
public enum MembershipStanding
{
    /// <summary>Within the first three months of its first term.</summary>
    New = 1,

    /// <summary>Within its term.</summary>
    Current = 2,

    /// <summary>After the term's end, within the grace period: rights continue while renewal is pending.</summary>
    InGrace = 3,

    /// <summary>After the grace period: the membership has lapsed.</summary>
    Expired = 4,
}

/// <summary>
/// The rights each tier carries. A coalition sets its own; <see cref="Default"/> gives founding members every
/// right, full members vote, propose and hold office, associates propose, and observers take part only.
/// </summary>
/// <param name="Founding">Rights of founding members.</param>
/// <param name="Full">Rights of full members.</param>
/// <param name="Associate">Rights of associate members.</param>
/// <param name="Observer">Rights of observers.</param>
/// <exception cref="CoalitionRuleException">A value is not a combination of defined rights (<c>Kernel.InvalidInput</c>).</exception>
public sealed record RightsTable(MemberRights Founding, MemberRights Full, MemberRights Associate, MemberRights Observer)
{
    /// <summary>Gets the rights of founding members.</summary>
    public MemberRights Founding { get; init; } = Ensure.Defined(Founding, nameof(Founding));

    /// <summary>Gets the rights of full members.</summary>
    public MemberRights Full { get; init; } = Ensure.Defined(Full, nameof(Full));

    /// <summary>Gets the rights of associate members.</summary>
    public MemberRights Associate { get; init; } = Ensure.Defined(Associate, nameof(Associate));

    /// <summary>Gets the rights of observers.</summary>
    public MemberRights Observer { get; init; } = Ensure.Defined(Observer, nameof(Observer));

    /// <summary>Gets the default table.</summary>
    public static RightsTable Default { get; } = new(
        MemberRights.Vote | MemberRights.Propose | MemberRights.HoldOffice | MemberRights.VetoCharterAmendments,
        MemberRights.Vote | MemberRights.Propose | MemberRights.HoldOffice,
        MemberRights.Propose,
        MemberRights.None);

    /// <summary>The rights of a tier.</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>Its rights.</returns>
    public MemberRights For(MembershipTier tier) => tier switch
    {
        MembershipTier.Founding => Founding,
        MembershipTier.Full => Full,
        MembershipTier.Associate => Associate,
        _ => Observer,
    };
}

/// <summary>The terms of a membership: the length of a term and the grace period after it, both calendar periods.</summary>
/// <param name="TermLength">How long a term lasts, for example one year: years, months, weeks and days only, longer than zero, at most 100 years.</param>
/// <param name="GracePeriod">How long rights continue after a term ends while renewal is pending: a calendar period of zero to 100 years.</param>
/// <exception cref="CoalitionRuleException">A period has hours or smaller units, is negative, zero (for the term) or longer than 100 years (<c>Kernel.InvalidPeriod</c>).</exception>
public sealed record MembershipTerms(Period TermLength, Period GracePeriod)
{
    /// <summary>Gets how long a term lasts.</summary>
    public Period TermLength { get; init; } = Ensure.DatePeriod(TermLength, nameof(TermLength));

    /// <summary>Gets how long rights continue after a term ends.</summary>
    public Period GracePeriod { get; init; } = Ensure.DatePeriod(GracePeriod, nameof(GracePeriod), allowZero: true);

    /// <summary>Gets the default terms: one-year terms with a three-month grace period.</summary>
    public static MembershipTerms Default { get; } = new(Period.FromYears(1), Period.FromMonths(3));
}

/// <summary>The invitation the coalition extends: the input of <c>Coalition.Invite</c>.</summary>
/// <param name="Partner">The partner invited.</param>
/// <param name="Tier">The tier offered.</param>
/// <param name="Delegates">The people who will represent it in the coalition (cast its ballots): one to ten, each a representative the partner has named.</param>
/// <param name="Weight">Its voting weight, from 0 to <see cref="Limits.MaxWeight"/> (default 1).</param>
public sealed record MembershipOffer(PartnerId Partner, MembershipTier Tier, IReadOnlyList<PersonId> Delegates, long Weight = 1);

/// <summary>Checks the rights table, terms and offers a coalition is given.</summary>
internal static class MembershipRules
{
    /// <summary>The most delegates a member names in a coalition.</summary>
    public const int MaxDelegates = 10;

    /// <summary>The most representatives a partner snapshot may list (a partner names at most 50).</summary>
    public const int MaxRepresentatives = 50;

    /// <summary>Whether the delegates are one to ten distinct, non-empty ids.</summary>
    public static bool AreDelegates(IReadOnlyList<PersonId>? delegates) =>
        delegates is { Count: >= 1 and <= MaxDelegates } && delegates.All(d => d.Value != Guid.Empty) && delegates.Distinct().Count() == delegates.Count;
}

/// <summary>Checks a <see cref="MembershipOffer"/> at the boundary.</summary>
internal sealed class MembershipOfferValidator : AbstractValidator<MembershipOffer>
{
    public static readonly MembershipOfferValidator Instance = new();

    private MembershipOfferValidator()
    {
        var code = ErrorCodes.Membership.InvalidOffer.Code;
        RuleFor(o => o.Partner).IsId();
        RuleFor(o => o.Tier).Must(Ensure.IsDefined).WithErrorCode(code).WithMessage("The tier offered has an undefined value.");
        RuleFor(o => o.Delegates).Must(MembershipRules.AreDelegates).WithErrorCode(code)
            .WithMessage("An offer names one to ten distinct delegates, none of them the empty id.");
        RuleFor(o => o.Weight).InclusiveBetween(0, Limits.MaxWeight).WithErrorCode(code)
            .WithMessage("A member's weight is from 0 to 1,000,000,000,000.");
    }
}

/// <summary>Checks <see cref="MembershipTerms"/> built with <c>with</c>, which skips their constructor.</summary>
internal sealed class MembershipTermsValidator : AbstractValidator<MembershipTerms>
{
    public static readonly MembershipTermsValidator Instance = new();

    private MembershipTermsValidator()
    {
        RuleFor(t => t.TermLength).IsDatePeriod();
        RuleFor(t => t.GracePeriod).IsDatePeriod(allowZero: true);
    }
}

/// <summary>Checks a <see cref="RightsTable"/> built with <c>with</c>, which skips its constructor.</summary>
internal sealed class RightsTableValidator : AbstractValidator<RightsTable>
{
    public static readonly RightsTableValidator Instance = new();

    private RightsTableValidator()
    {
        RuleFor(t => t.Founding).IsDefined();
        RuleFor(t => t.Full).IsDefined();
        RuleFor(t => t.Associate).IsDefined();
        RuleFor(t => t.Observer).IsDefined();
    }
}

/// <summary>
/// Checks a <see cref="PartnerSnapshot"/> a host passes in (to invite a partner, name its delegates, seat it): an id,
/// a valid profile, and a bounded list of representatives without empty ids.
/// </summary>
internal sealed class PartnerSnapshotValidator : AbstractValidator<PartnerSnapshot>
{
    public static readonly PartnerSnapshotValidator Instance = new();

    private PartnerSnapshotValidator()
    {
        RuleFor(s => s.Id).IsId();
        RuleFor(s => s.Profile).NotNull().WithErrorCode(ErrorCodes.Kernel.InvalidInput.Code).WithMessage("The partner's profile is required.")
            .SetValidator(PartnerProfileValidator.Instance!);
        RuleFor(s => s.Representatives).IsList(MembershipRules.MaxRepresentatives);
        RuleForEach(s => s.Representatives).IsId().When(s => s.Representatives is not null);
    }
}
