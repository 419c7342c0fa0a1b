using System.Text.RegularExpressions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
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

/// <summary>A seat kept for members of a sector, a chamber or a region; every stated condition must hold, and at least one is stated.</summary>
/// <param name="Sector">The sector, if reserved by sector.</param>
/// <param name="Chamber">The chamber, if reserved by chamber: one line of at most 100 characters.</param>
/// <param name="Region">The region (or country), if reserved by region: one line of at most 100 characters.</param>
/// <exception cref="CoalitionRuleException">An undefined sector (<c>Kernel.InvalidInput</c>) or an ill-formed chamber or region (<c>Kernel.InvalidText</c>).</exception>
public sealed record SeatReservation(Sector? Sector = null, string? Chamber = null, string? Region = null)
{
    /// <summary>Gets the sector, if reserved by sector.</summary>
    public Sector? Sector { get; init; } = Sector is { } sector ? Ensure.Defined(sector, nameof(Sector)) : null;

    /// <summary>Gets the chamber, if reserved by chamber.</summary>
    public string? Chamber { get; init; } = GovernanceRules.OptionalName(Chamber, nameof(Chamber));

    /// <summary>Gets the region (or country), if reserved by region.</summary>
    public string? Region { get; init; } = GovernanceRules.OptionalName(Region, nameof(Region));

    /// <summary>Whether a candidate may take the seat.</summary>
    /// <param name="profile">The candidate's profile.</param>
    /// <param name="chamber">The candidate's chamber, if any.</param>
    /// <returns><see langword="true"/> when every stated condition holds.</returns>
    public bool Admits(PartnerProfile profile, string? chamber) =>
        (Sector is null || Preconditions.CheckNotNull(profile, nameof(profile)).Sector == Sector) &&
        (Chamber is null || string.Equals(chamber, Chamber, StringComparison.Ordinal)) &&
        (Region is null || string.Equals(profile.Geography, Region, StringComparison.OrdinalIgnoreCase));

    /// <summary>Describes the reservation in words, for example "the media sector".</summary>
    /// <returns>The description.</returns>
    public string Describe() => Words.List(
        new[] { Sector is { } sector ? $"the {Words.Of(sector)} sector" : null, Chamber is null ? null : $"the {Chamber} chamber", Region }.OfType<string>());
}

/// <summary>
/// A governance body as the coalition defines it: its mandate (the matters it decides), its seats (none for an
/// assembly of all voting members), reserved seats, offices, terms and term limits, and meeting cadence.
/// </summary>
/// <param name="Key">A short key, unique within the coalition, such as <see cref="GovernanceTemplates.Bodies.SteeringCommittee"/> (<c>steering-committee</c>): 1 to 50 lower-case letters, digits or hyphens; a string converts to it.</param>
/// <param name="Name">Its name: one line of at most 200 characters.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Mandate">The matters it decides, each once.</param>
/// <param name="Seats">Its number of seats, 0 to 500; 0 for an assembly in which every voting member sits.</param>
/// <param name="Reservations">Reservations for its first seats, in seat order; no more than it has seats.</param>
/// <param name="Offices">Its offices, each once.</param>
/// <param name="TermLength">How long a seat's term lasts: a calendar period (years, months, weeks, days) of at most 100 years.</param>
/// <param name="MaxConsecutiveTerms">The most consecutive full terms a member may hold on this body (1 to 20), if limited.</param>
/// <param name="MeetingCadence">How often it meets, if regularly: a calendar period of at most 100 years.</param>
/// <param name="Convenor">The office that convenes its meetings: one of its offices.</param>
/// <param name="Topic">The goal or topic of a working group: at most 200 characters.</param>
/// <exception cref="CoalitionRuleException">A key, seat count, term, cadence or term limit out of bounds (<c>Governance.InvalidBody</c>, <c>Kernel.InvalidPeriod</c>); the whole body is checked again when a command takes it.</exception>
public sealed record BodyDefinition(
    BodyKey Key,
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
    /// <summary>The most seats a body may have.</summary>
    public const int MaxSeats = 500;

    // Checked when built, and so when read from JSON: the values that would crash or overflow later. A with-copy skips
    // this; every command checks the whole body with BodyDefinitionValidator. A private field keeps the JSON shape.
    private readonly bool _checked = Check(Key, Seats, TermLength, MaxConsecutiveTerms, MeetingCadence);

    /// <summary>Gets whether every voting member sits in the body (an assembly) rather than seat holders.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsOpenToAllMembers => Seats == 0;

    private static bool Check(BodyKey key, int seats, Period termLength, int? maxConsecutiveTerms, Period? meetingCadence)
    {
        if (!GovernanceRules.IsKey(key.Value))
        {
            throw GovernanceRules.InvalidBody("A body needs its key, 1 to 50 lower-case letters, digits or hyphens; got '{value}'.", key.Value);
        }

        if (seats is < 0 or > MaxSeats)
        {
            throw GovernanceRules.InvalidBody("A body has 0 to 500 seats, not {value}.", seats);
        }

        if (maxConsecutiveTerms is < 1 or > 20)
        {
            throw GovernanceRules.InvalidBody("A term limit is 1 to 20 consecutive terms, not {value}.", maxConsecutiveTerms);
        }

        Ensure.DatePeriod(termLength, nameof(TermLength));
        if (meetingCadence is not null)
        {
            Ensure.DatePeriod(meetingCadence, nameof(MeetingCadence));
        }

        return true;
    }
}

/// <summary>How the rule book settles one matter: the body that decides, the rule, who may propose and how many seconders a motion needs.</summary>
/// <param name="DecidingBody">The key of the deciding body, such as <see cref="GovernanceTemplates.Bodies.SteeringCommittee"/>; a string converts to it.</param>
/// <param name="Rule">The decision rule.</param>
/// <param name="RightToPropose">The right a member needs to propose (default: propose).</param>
/// <param name="SecondersRequired">How many other members must second a motion before voting (0 to 20).</param>
/// <exception cref="CoalitionRuleException">An undefined right or a number of seconders out of range (<c>Governance.InvalidTemplate</c>).</exception>
public sealed record RuleBookEntry(BodyKey DecidingBody, DecisionRule Rule, MemberRights RightToPropose = MemberRights.Propose, int SecondersRequired = 0)
{
    /// <summary>The most seconders a rule book may require.</summary>
    public const int MaxSeconders = 20;

    /// <summary>Gets the right a member needs to propose.</summary>
    public MemberRights RightToPropose { get; init; } = Ensure.IsDefined(RightToPropose) ? RightToPropose : throw GovernanceRules.InvalidEntry("The right to propose has an undefined value.");

    /// <summary>Gets how many other members must second a motion before voting.</summary>
    public int SecondersRequired { get; init; } = SecondersRequired is >= 0 and <= MaxSeconders ? SecondersRequired : throw GovernanceRules.InvalidEntry("A rule-book line requires 0 to 20 seconders.");
}

/// <summary>A matter with its rule-book entry.</summary>
/// <param name="Matter">The matter.</param>
/// <param name="Entry">How it is decided.</param>
public sealed record RuleBookLine(MatterType Matter, RuleBookEntry Entry);

/// <summary>One seat's holding for a term.</summary>
/// <param name="Holder">The member holding it.</param>
/// <param name="From">The first day of the term.</param>
/// <param name="To">The last day of the term (the day before <paramref name="From"/> for a term vacated on its first day).</param>
/// <param name="Interim">Whether it is an interim appointment to the rest of a vacated term (interim terms do not count toward term limits).</param>
public sealed record SeatHolding(PartnerId Holder, LocalDate From, LocalDate To, bool Interim);

/// <summary>A complete, valid set of bodies and rule book to start from.</summary>
/// <param name="Name">The template's name: one line of at most 200 characters.</param>
/// <param name="Bodies">The bodies: one to 50, with unique keys.</param>
/// <param name="Rules">The rule book, at most one line per matter.</param>
/// <param name="SeatPolicy">What happens to the seats of suspended or lapsed members.</param>
/// <param name="Chambers">The chambers, for multi-stakeholder coalitions: at most 20.</param>
public sealed record GovernanceTemplate(string Name, IReadOnlyList<BodyDefinition> Bodies, IReadOnlyList<RuleBookLine> Rules, SeatPolicy SeatPolicy, IReadOnlyList<Chamber> Chambers);

/// <summary>Bounds and shared checks of governance inputs.</summary>
internal static partial class GovernanceRules
{
    public const int MaxBodies = 50;
    public const int MaxChambers = 20;
    public const int MaxRotation = 500;
    public const int ChamberNameLength = 100;

    public static bool IsKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    public static bool IsOptionalName(string? text, int max = ChamberNameLength) => text is null || (FreeText.Problem(text, true, max) is null && FreeText.IsSingleLine(text));

    public static string? OptionalName(string? text, string name) =>
        IsOptionalName(text) ? text : throw CoalitionRuleException.Because(ErrorCodes.Kernel.InvalidText, "The {name} must be one line of at most 100 characters.", ("name", Words.Identifier(name)));

    public static CoalitionRuleException InvalidBody(string template, object? value) =>
        CoalitionRuleException.Because(ErrorCodes.Governance.InvalidBody, template, ("value", value is string { Length: > Limits.KeyLength } ? "(a key that is too long)" : value));

    public static CoalitionRuleException InvalidEntry(string message) => CoalitionRuleException.Because(ErrorCodes.Governance.InvalidTemplate, message);

    // `\z`, not `$`: `$` also matches before a final line break.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,49}\z")]
    private static partial Regex KeyPattern();
}

/// <summary>Checks a <see cref="BodyDefinition"/> at the boundary and when its establishment is replayed.</summary>
internal sealed class BodyDefinitionValidator : AbstractValidator<BodyDefinition>
{
    public static readonly BodyDefinitionValidator Instance = new();

    private BodyDefinitionValidator()
    {
        var code = ErrorCodes.Governance.InvalidBody.Code;
        RuleFor(b => b.Key).Must(key => GovernanceRules.IsKey(key.Value)).WithErrorCode(code)
            .WithMessage("A body key is 1 to 50 lower-case letters, digits or hyphens, such as steering-committee.");
        RuleFor(b => b.Name).IsName();
        RuleFor(b => b.Kind).Must(Ensure.IsDefined).WithErrorCode(code).WithMessage("A body's kind has an undefined value.");
        RuleFor(b => b.Mandate).Must(m => m is not null && m.Count <= Enum.GetValues<MatterType>().Length && m.All(Ensure.IsDefined) && m.Distinct().Count() == m.Count)
            .WithErrorCode(code).WithMessage("A mandate lists defined matters, each once.");
        RuleFor(b => b.Seats).InclusiveBetween(0, BodyDefinition.MaxSeats).WithErrorCode(code).WithMessage("A body has 0 to 500 seats.");
        RuleFor(b => b.Reservations).Must((b, r) => r is not null && r.Count <= Math.Max(0, b.Seats) && r.All(x => x is not null)).WithErrorCode(code)
            .WithMessage("A body reserves no more seats than it has, and lists no null reservation.");
        RuleForEach(b => b.Reservations).Must(r => r is null || (r.Sector is not null || r.Chamber is not null || r.Region is not null) &&
                (r.Sector is null || Ensure.IsDefined(r.Sector.Value)) && GovernanceRules.IsOptionalName(r.Chamber) && GovernanceRules.IsOptionalName(r.Region))
            .When(b => b.Reservations is not null)
            .WithErrorCode(code).WithMessage("A reserved seat states a defined sector, a chamber or a region (one line of at most 100 characters).");
        RuleFor(b => b.Offices).Must(o => o is not null && o.All(Ensure.IsDefined) && o.Distinct().Count() == o.Count).WithErrorCode(code)
            .WithMessage("A body lists defined offices, each once.");
        RuleFor(b => b.TermLength).IsDatePeriod();
        RuleFor(b => b.MaxConsecutiveTerms).InclusiveBetween(1, 20).When(b => b.MaxConsecutiveTerms is not null).WithErrorCode(code)
            .WithMessage("A term limit is 1 to 20 consecutive terms.");
        RuleFor(b => b.MeetingCadence).IsDatePeriod().When(b => b.MeetingCadence is not null);
        RuleFor(b => b.Convenor).Must((b, c) => c is null || (b.Offices is not null && b.Offices.Contains(c.Value))).WithErrorCode(code)
            .WithMessage("The convenor must be one of the body's offices.");
        RuleFor(b => b.Topic).IsText(Limits.NameLength, required: false);
    }
}

/// <summary>Checks a <see cref="RuleBookEntry"/> at the boundary and when it is replayed.</summary>
internal sealed class RuleBookEntryValidator : AbstractValidator<RuleBookEntry>
{
    public static readonly RuleBookEntryValidator Instance = new();

    private RuleBookEntryValidator()
    {
        var code = ErrorCodes.Governance.InvalidTemplate.Code;
        RuleFor(e => e.DecidingBody).Must(key => GovernanceRules.IsKey(key.Value)).WithErrorCode(ErrorCodes.Governance.UnknownBody.Code)
            .WithMessage("A rule-book line names its deciding body by its key.");
        RuleFor(e => e.Rule).NotNull().WithErrorCode(code).WithMessage("A rule-book line needs a decision rule.");
        RuleFor(e => e.RightToPropose).Must(Ensure.IsDefined).WithErrorCode(code).WithMessage("The right to propose has an undefined value.");
        RuleFor(e => e.SecondersRequired).InclusiveBetween(0, RuleBookEntry.MaxSeconders).WithErrorCode(code).WithMessage("A rule-book line requires 0 to 20 seconders.");
    }
}

/// <summary>Checks chambers at the boundary and when they are replayed: unique names, weights of one or more, bounded counts.</summary>
internal sealed class ChamberValidator : AbstractValidator<IReadOnlyList<Chamber>>
{
    public static readonly ChamberValidator Instance = new();

    private ChamberValidator()
    {
        var code = ErrorCodes.Governance.InvalidChamber.Code;
        RuleFor(c => c).Must(c => c.Count <= GovernanceRules.MaxChambers && c.All(x => x is not null)).WithErrorCode(code)
            .WithMessage("A coalition has at most 20 chambers, none of them null.")
            .Must(c => c.Where(x => x is not null).Select(x => x.Name).Distinct(StringComparer.Ordinal).Count() == c.Count(x => x is not null)).WithErrorCode(code)
            .WithMessage("Each chamber has its own name.")
            .OverridePropertyName("chambers");
        RuleForEach(c => c).Must(IsChamber).WithErrorCode(code)
            .WithMessage("A chamber has a name (one line of at most 100 characters), a weight of 1 to one trillion, and at most 20 uniquely named sub-chambers of the same kind.")
            .OverridePropertyName("chamber");
    }

    private static bool IsChamber(Chamber? chamber) =>
        chamber is null ||
        (GovernanceRules.IsOptionalName(chamber.Name) && chamber.Name is not null && chamber.Weight is >= 1 and <= Limits.MaxWeight &&
         chamber.SubChambers is { Count: <= GovernanceRules.MaxChambers } subs &&
         subs.All(s => s is not null && s.Name is not null && GovernanceRules.IsOptionalName(s.Name) && s.Weight is >= 1 and <= Limits.MaxWeight) &&
         subs.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() == subs.Count);
}

/// <summary>Checks a <see cref="GovernanceTemplate"/> at the boundary.</summary>
internal sealed class GovernanceTemplateValidator : AbstractValidator<GovernanceTemplate>
{
    public static readonly GovernanceTemplateValidator Instance = new();

    private GovernanceTemplateValidator()
    {
        var code = ErrorCodes.Governance.InvalidTemplate.Code;
        RuleFor(t => t.Name).IsName();
        RuleFor(t => t.Bodies).Must(b => b is { Count: >= 1 and <= GovernanceRules.MaxBodies } && b.All(x => x is not null)).WithErrorCode(code)
            .WithMessage("A template has one to 50 bodies, none of them null.")
            .Must(b => b is null || b.Where(x => x is not null).Select(x => x.Key).Distinct().Count() == b.Count(x => x is not null)).WithErrorCode(code)
            .WithMessage("A template's bodies have unique keys.");
        RuleForEach(t => t.Bodies).SetValidator(BodyDefinitionValidator.Instance!).When(t => t.Bodies is not null);
        RuleFor(t => t.Rules).Must(r => r is not null && r.Count <= Enum.GetValues<MatterType>().Length && r.All(x => x is not null && x.Entry is not null && Ensure.IsDefined(x.Matter))).WithErrorCode(code)
            .WithMessage("A template's rule book has at most one line per matter, each with a defined matter and an entry.")
            .Must(r => r is null || r.Where(x => x is not null).Select(x => x.Matter).Distinct().Count() == r.Count(x => x is not null)).WithErrorCode(code)
            .WithMessage("A template's rule book has one line per matter.");
        RuleForEach(t => t.Rules).ChildRules(line => line.RuleFor(x => x.Entry).SetValidator(RuleBookEntryValidator.Instance!))
            .When(t => t.Rules is not null && t.Rules.All(x => x?.Entry is not null));
        RuleFor(t => t.SeatPolicy).IsDefined();
        RuleFor(t => t.Chambers).NotNull().WithErrorCode(ErrorCodes.Governance.InvalidChamber.Code).WithMessage("A template lists its chambers (an empty list is fine).")
            .SetValidator(ChamberValidator.Instance!);
    }
}

/// <summary>Where a member sits in a chamber vote: its chamber and, if the chamber is divided, its sub-chamber.</summary>
/// <param name="Chamber">The chamber's name.</param>
/// <param name="SubChamber">The sub-chamber's name, if any.</param>
public sealed record ChamberPlace(string Chamber, string? SubChamber);

/// <summary>A seat an election filled.</summary>
/// <param name="Seat">The seat number, from 1.</param>
/// <param name="Holding">Who holds it, from when and until when.</param>
public sealed record ElectedSeat(int Seat, SeatHolding Holding);

/// <summary>A seat's state on a date under the seat policy, with its holding.</summary>
/// <param name="State">Vacant, held or frozen.</param>
/// <param name="Holding">The holding on that date; <see langword="null"/> when the seat is vacant.</param>
public sealed record SeatStanding(SeatState State, SeatHolding? Holding);

/// <summary>When a body meets next, by its cadence, and which office convenes it.</summary>
/// <param name="Date">The date of the next meeting.</param>
/// <param name="Convenor">The office that convenes the body, if its definition names one.</param>
public sealed record NextMeetingDate(LocalDate Date, Office? Convenor);
