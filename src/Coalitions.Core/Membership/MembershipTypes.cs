using Coalitions.Core.Kernel;
using NodaTime;

namespace Coalitions.Core.Membership;

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
public sealed record RightsTable(MemberRights Founding, MemberRights Full, MemberRights Associate, MemberRights Observer)
{
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

/// <summary>The terms of a membership: the length of a term and the grace period after it.</summary>
/// <param name="TermLength">How long a term lasts, for example one year.</param>
/// <param name="GracePeriod">How long rights continue after a term ends while renewal is pending.</param>
public sealed record MembershipTerms(Period TermLength, Period GracePeriod)
{
    /// <summary>Gets the default terms: one-year terms with a three-month grace period.</summary>
    public static MembershipTerms Default { get; } = new(Period.FromYears(1), Period.FromMonths(3));
}

/// <summary>The invitation the coalition extends: the input of <c>Coalition.Invite</c>.</summary>
/// <param name="Partner">The partner invited.</param>
/// <param name="Tier">The tier offered.</param>
/// <param name="Delegates">The people who will represent it in the coalition (cast its ballots); at least one.</param>
/// <param name="Weight">Its voting weight (default 1).</param>
public sealed record MembershipOffer(PartnerId Partner, MembershipTier Tier, IReadOnlyList<PersonId> Delegates, long Weight = 1);
