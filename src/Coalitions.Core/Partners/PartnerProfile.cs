using Coalitions.Core.Kernel;
using FluentValidation;
using NodaTime;

namespace Coalitions.Core.Partners;

/// <summary>The kind of organization a partner is.</summary>
public enum Sector
{
    /// <summary>A non-governmental organization.</summary>
    Ngo = 1,

    /// <summary>A community group or grassroots organization.</summary>
    CommunityGroup = 2,

    /// <summary>A school, college or other educational institution.</summary>
    EducationalInstitution = 3,

    /// <summary>A government agency or public authority.</summary>
    GovernmentAgency = 4,

    /// <summary>A business or business association.</summary>
    PrivateSector = 5,

    /// <summary>A university department, think tank or research institute.</summary>
    AcademicOrResearch = 6,

    /// <summary>A funder or foundation.</summary>
    FunderOrFoundation = 7,

    /// <summary>A media organization.</summary>
    Media = 8,

    /// <summary>A faith-based organization.</summary>
    FaithBased = 9,

    /// <summary>An international organization.</summary>
    InternationalOrganization = 10,

    /// <summary>A network or umbrella body of organizations.</summary>
    NetworkOrUmbrella = 11,

    /// <summary>Any other kind of organization.</summary>
    Other = 12,
}

/// <summary>The part a person plays for a partner.</summary>
public enum RepresentativeRole
{
    /// <summary>Speaks and votes for the partner.</summary>
    Delegate = 1,

    /// <summary>Stands in for the delegate.</summary>
    Alternate = 2,

    /// <summary>Receives communication; does not vote.</summary>
    Contact = 3,
}

/// <summary>A person who represents a partner.</summary>
/// <param name="Person">The person.</param>
/// <param name="Name">Their name.</param>
/// <param name="Role">Their role.</param>
public sealed record Representative(PersonId Person, string Name, RepresentativeRole Role);

/// <summary>
/// What a partner organization is and brings: its sector, focus areas, stated values, the capabilities and
/// resources it can offer, where it works and in which time zone and languages. Tags (focus areas, values,
/// capabilities) are compared without regard to case.
/// </summary>
/// <param name="Name">The organization's name.</param>
/// <param name="Sector">Its sector.</param>
/// <param name="Country">Its country, as an ISO 3166-1 alpha-2 code (for example <c>KE</c>).</param>
/// <param name="TimeZone">Its time zone, as a tz database id (for example <c>Africa/Nairobi</c>).</param>
/// <param name="FocusAreas">The issues it works on.</param>
/// <param name="Values">The values it states.</param>
/// <param name="Capabilities">The capabilities and resources it can offer.</param>
/// <param name="Languages">Its working languages, as ISO 639 codes (for example <c>en</c>, <c>sw</c>).</param>
/// <param name="Region">Its region within or across countries, if stated.</param>
/// <param name="LegalForm">Its legal form, if stated.</param>
public sealed record PartnerProfile(
    string Name,
    Sector Sector,
    string Country,
    string TimeZone,
    IReadOnlyList<string> FocusAreas,
    IReadOnlyList<string> Values,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<string> Languages,
    string? Region = null,
    string? LegalForm = null)
{
    /// <summary>Gets the resolved time zone.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone) ?? DateTimeZone.Utc;

    /// <summary>Gets the region if stated, else the country: the geography diversity counts.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Geography => Region ?? Country;
}

/// <summary>Checks a <see cref="PartnerProfile"/> at the boundary.</summary>
internal sealed class PartnerProfileValidator : AbstractValidator<PartnerProfile>
{
    public static readonly PartnerProfileValidator Instance = new();

    private PartnerProfileValidator()
    {
        var code = ErrorCodes.Partners.InvalidProfile;
        RuleFor(p => p.Name).IsName();
        RuleFor(p => p.LegalForm).IsName(100, required: false);
        RuleFor(p => p.Region).IsName(100, required: false);
        RuleFor(p => p.Sector).IsDefined();
        RuleFor(p => p.Country).IsCountry(code);
        RuleFor(p => p.TimeZone).Must(zone => zone is not null && zone.Length <= 64 && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is not null)
            .WithErrorCode(ErrorCodes.Partners.UnknownTimeZone.Code)
            .WithMessage("The time zone must be an id of the tz database, such as Africa/Nairobi.");
        Tags(p => p.FocusAreas, "focus areas", code.Code);
        Tags(p => p.Values, "values", code.Code);
        Tags(p => p.Capabilities, "capabilities", code.Code);
        RuleFor(p => p.Languages).Must(list => list is not null && list.Count <= 20).WithErrorCode(code.Code).WithMessage("The languages must be given, at most 20.");
        RuleForEach(p => p.Languages).IsLanguage(code);
    }

    private void Tags(System.Linq.Expressions.Expression<Func<PartnerProfile, IReadOnlyList<string>>> tags, string what, string code)
    {
        var each = System.Linq.Expressions.Expression.Lambda<Func<PartnerProfile, IEnumerable<string>>>(tags.Body, tags.Parameters);
        RuleFor(tags).Must(list => list is not null).WithErrorCode(code).WithMessage($"The {what} must be given (an empty list is fine).")
            .Must(list => list is null || list.Count <= 50).WithErrorCode(code).WithMessage($"At most 50 {what}.")
            .Must(list => list is null || list.Select(t => t?.Trim().ToUpperInvariant()).Distinct().Count() == list.Count)
            .WithErrorCode(code).WithMessage($"The {what} list each entry once.");
        RuleForEach(each).Must(tag => FreeText.Problem(tag, true, 100) is null && FreeText.IsSingleLine(tag)).WithErrorCode(code)
            .WithMessage($"Each of the {what} is one line of at most 100 characters.").OverridePropertyName(what);
    }
}

/// <summary>Checks a <see cref="Representative"/> at the boundary.</summary>
internal sealed class RepresentativeValidator : AbstractValidator<Representative>
{
    public static readonly RepresentativeValidator Instance = new();

    private RepresentativeValidator()
    {
        var code = ErrorCodes.Partners.InvalidRepresentative.Code;
        RuleFor(r => r.Person).IsId();
        RuleFor(r => r.Name).Must(name => FreeText.Problem(name, true, Limits.NameLength) is null && FreeText.IsSingleLine(name))
            .WithErrorCode(code).WithMessage("A representative needs a name: one line of at most 200 characters.");
        RuleFor(r => r.Role).Must(Ensure.IsDefined).WithErrorCode(code).WithMessage("A representative needs a defined role.");
    }
}
