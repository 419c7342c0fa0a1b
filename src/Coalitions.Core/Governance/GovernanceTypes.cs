using System.Text.RegularExpressions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Membership;
using Coalitions.Core.Partners;
using FluentValidation;
using NodaTime;

namespace Coalitions.Core.Governance;

/// <summary>The kind of a governance body.</summary>
public enum BodyKind
{
    /// <summary>The general assembly of all members.</summary>
    GeneralAssembly = 1,

    /// <summary>A steering committee or board.</summary>
    SteeringCommittee = 2,

    /// <summary>A working group on a goal or topic.</summary>
    WorkingGroup = 3,

    /// <summary>A secretariat or backbone organization.</summary>
    Secretariat = 4,

    /// <summary>An advisory board.</summary>
    AdvisoryBoard = 5,

    /// <summary>Any other body.</summary>
    Custom = 6,
}

/// <summary>An office within a body.</summary>
public enum Office
{
    /// <summary>Chairs the body.</summary>
    Chair = 1,

    /// <summary>Stands in for the chair.</summary>
    ViceChair = 2,

    /// <summary>Keeps the accounts.</summary>
    Treasurer = 3,

    /// <summary>Keeps the records.</summary>
    Secretary = 4,

    /// <summary>Speaks for the body in public.</summary>
    Spokesperson = 5,

    /// <summary>Facilitates meetings and decisions.</summary>
    Facilitator = 6,
}

/// <summary>What happens to the seats of a member that is suspended or whose membership has lapsed (a rule-book choice).</summary>
public enum SeatPolicy
{
    /// <summary>The seat falls vacant and may be filled; the member loses it.</summary>
    Vacate = 1,

    /// <summary>The seat stays the member's but is frozen: it neither votes nor may be filled until the member is back.</summary>
    Freeze = 2,
}

/// <summary>A seat kept for members of a sector, a chamber or a region; every stated condition must hold.</summary>
/// <param name="Sector">The sector, if reserved by sector.</param>
/// <param name="Chamber">The chamber, if reserved by chamber.</param>
/// <param name="Region">The region (or country), if reserved by region.</param>
public sealed record SeatReservation(Sector? Sector = null, string? Chamber = null, string? Region = null)
{
    /// <summary>Whether a candidate may take the seat.</summary>
    /// <param name="profile">The candidate's profile.</param>
    /// <param name="chamber">The candidate's chamber, if any.</param>
    /// <returns><see langword="true"/> when every stated condition holds.</returns>
    public bool Admits(PartnerProfile profile, string? chamber) =>
        (Sector is null || Preconditions.CheckNotNull(profile, nameof(profile)).Sector == Sector) &&
        (Chamber is null || string.Equals(chamber, Chamber, StringComparison.Ordinal)) &&
        (Region is null || string.Equals(profile.Geography, Region, StringComparison.OrdinalIgnoreCase));

    /// <summary>Describes the reservation, for example "the Media sector".</summary>
    /// <returns>The description.</returns>
    public string Describe() => string.Join(
        ", ",
        new[] { Sector is null ? null : $"the {Sector} sector", Chamber is null ? null : $"the {Chamber} chamber", Region is null ? null : Region }.OfType<string>());
}

/// <summary>
/// A governance body as the coalition defines it: its mandate (the matters it decides), its seats (none for an
/// assembly of all voting members), reserved seats, offices, terms and term limits, and meeting cadence.
/// </summary>
/// <param name="Key">A short key, unique within the coalition, such as <c>steering-committee</c>.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Mandate">The matters it decides.</param>
/// <param name="Seats">Its number of seats; 0 for an assembly in which every voting member sits.</param>
/// <param name="Reservations">Reservations for its first seats, in seat order.</param>
/// <param name="Offices">Its offices.</param>
/// <param name="TermLength">How long a seat's term lasts.</param>
/// <param name="MaxConsecutiveTerms">The most consecutive full terms a member may hold on this body, if limited.</param>
/// <param name="MeetingCadence">How often it meets, if regularly.</param>
/// <param name="Convenor">The office that convenes its meetings.</param>
/// <param name="Topic">The goal or topic of a working group.</param>
public sealed record BodyDefinition(
    string Key,
    string Name,
    BodyKind Kind,
    IReadOnlyList<MatterType> Mandate,
    int Seats,
    IReadOnlyList<SeatReservation> Reservations,
    IReadOnlyList<Office> Offices,
    Period TermLength,
    int? MaxConsecutiveTerms = null,
    Period? MeetingCadence = null,
    Office? Convenor = null,
    string? Topic = null)
{
    /// <summary>Gets whether every voting member sits in the body (an assembly) rather than seat holders.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsOpenToAllMembers => Seats == 0;
}

/// <summary>How the rule book settles one matter: the body that decides, the rule, who may propose and how many seconders a motion needs.</summary>
/// <param name="DecidingBody">The key of the deciding body.</param>
/// <param name="Rule">The decision rule.</param>
/// <param name="RightToPropose">The right a member needs to propose (default: propose).</param>
/// <param name="SecondersRequired">How many other members must second a motion before voting (0 to 20).</param>
public sealed record RuleBookEntry(string DecidingBody, DecisionRule Rule, MemberRights RightToPropose = MemberRights.Propose, int SecondersRequired = 0);

/// <summary>A matter with its rule-book entry.</summary>
/// <param name="Matter">The matter.</param>
/// <param name="Entry">How it is decided.</param>
public sealed record RuleBookLine(MatterType Matter, RuleBookEntry Entry);

/// <summary>One seat's current holding.</summary>
/// <param name="Holder">The member holding it.</param>
/// <param name="From">The first day of the term.</param>
/// <param name="To">The last day of the term.</param>
/// <param name="Interim">Whether it is an interim appointment to the rest of a vacated term (interim terms do not count toward term limits).</param>
public sealed record SeatHolding(PartnerId Holder, LocalDate From, LocalDate To, bool Interim);

/// <summary>A complete, valid set of bodies and rule book to start from.</summary>
/// <param name="Name">The template's name.</param>
/// <param name="Bodies">The bodies.</param>
/// <param name="Rules">The rule book, one line per matter.</param>
/// <param name="SeatPolicy">What happens to the seats of suspended or lapsed members.</param>
/// <param name="Chambers">The chambers, for multi-stakeholder coalitions.</param>
public sealed record GovernanceTemplate(string Name, IReadOnlyList<BodyDefinition> Bodies, IReadOnlyList<RuleBookLine> Rules, SeatPolicy SeatPolicy, IReadOnlyList<Chamber> Chambers);

/// <summary>Checks a <see cref="BodyDefinition"/> at the boundary.</summary>
internal sealed partial class BodyDefinitionValidator : AbstractValidator<BodyDefinition>
{
    public static readonly BodyDefinitionValidator Instance = new();

    private BodyDefinitionValidator()
    {
        var code = ErrorCodes.Governance.InvalidBody.Code;
        RuleFor(b => b.Key).NotNull().WithErrorCode(code).Matches(KeyPattern()).WithErrorCode(code)
            .WithMessage("A body key is 1 to 50 lower-case letters, digits or hyphens, such as steering-committee.");
        RuleFor(b => b.Name).NotEmpty().WithErrorCode(code).MaximumLength(200).WithErrorCode(code);
        RuleFor(b => b.Kind).IsInEnum().WithErrorCode(code);
        RuleFor(b => b.Mandate).NotNull().WithErrorCode(code)
            .Must(m => m is null || m.Distinct().Count() == m.Count).WithErrorCode(code).WithMessage("A mandate lists each matter once.");
        RuleFor(b => b.Seats).InclusiveBetween(0, 500).WithErrorCode(code);
        RuleFor(b => b.Reservations).NotNull().WithErrorCode(code)
            .Must((b, r) => r is null || r.Count <= b.Seats).WithErrorCode(code).WithMessage("A body cannot reserve more seats than it has.");
        RuleFor(b => b.Offices).NotNull().WithErrorCode(code)
            .Must(o => o is null || o.Distinct().Count() == o.Count).WithErrorCode(code).WithMessage("A body lists each office once.");
        RuleFor(b => b.TermLength).Must(p => p is not null && p.Normalize() != Period.Zero && !HasNegative(p)).WithErrorCode(code).WithMessage("A term must be longer than zero.");
        RuleFor(b => b.MaxConsecutiveTerms).InclusiveBetween(1, 20).When(b => b.MaxConsecutiveTerms is not null).WithErrorCode(code);
        RuleFor(b => b.MeetingCadence).Must(p => p is null || (p.Normalize() != Period.Zero && !HasNegative(p))).WithErrorCode(code).WithMessage("A meeting cadence must be longer than zero.");
        RuleFor(b => b.Convenor).Must((b, c) => c is null || b.Offices.Contains(c.Value)).WithErrorCode(code).WithMessage("The convenor must be one of the body's offices.");
        RuleFor(b => b.Topic).MaximumLength(200).WithErrorCode(code);
    }

    private static bool HasNegative(Period p) => p.Years < 0 || p.Months < 0 || p.Weeks < 0 || p.Days < 0;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,49}$")]
    private static partial Regex KeyPattern();
}
