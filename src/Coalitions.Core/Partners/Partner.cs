using Coalitions.Core.Kernel;
using NodaTime;

namespace Coalitions.Core.Partners;

/// <summary>A partner organization was registered.</summary>
/// <param name="Partner">The partner.</param>
/// <param name="Profile">Its profile.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record PartnerRegistered(PartnerId Partner, PartnerProfile Profile, Instant At, Actor By) : IDomainEvent;

/// <summary>A partner's profile changed.</summary>
/// <param name="Partner">The partner.</param>
/// <param name="Profile">The new profile.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record PartnerProfileUpdated(PartnerId Partner, PartnerProfile Profile, Instant At, Actor By) : IDomainEvent;

/// <summary>A person was named to represent a partner.</summary>
/// <param name="Partner">The partner.</param>
/// <param name="Representative">The representative.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record RepresentativeAdded(PartnerId Partner, Representative Representative, Instant At, Actor By) : IDomainEvent;

/// <summary>A person no longer represents a partner.</summary>
/// <param name="Partner">The partner.</param>
/// <param name="Person">The person.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record RepresentativeRemoved(PartnerId Partner, PersonId Person, Instant At, Actor By) : IDomainEvent;

/// <summary>A partner and what it brings.</summary>
/// <param name="Id">The partner.</param>
/// <param name="Profile">Its profile.</param>
public sealed record PartnerSnapshot(PartnerId Id, PartnerProfile Profile);

/// <summary>
/// A partner organization: an NGO, community group, school, agency, business, funder or any other
/// organization that joins or may join coalitions, with its profile and the people who represent it.
/// </summary>
/// <remarks>The host decides who may edit a partner's record; the aggregate records who did.</remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class Partner : AggregateRoot<PartnerId>
{
    private readonly Dictionary<PersonId, Representative> _representatives = [];

    private Partner()
    {
    }

    /// <summary>Gets the profile.</summary>
    public PartnerProfile Profile { get; private set; } = null!;

    /// <summary>Gets the representatives, in the order they were named.</summary>
    public IReadOnlyCollection<Representative> Representatives => _representatives.Values;

    /// <summary>Gets the partner with its profile, for fit and diversity analysis.</summary>
    public PartnerSnapshot Snapshot => new(Id, Profile);

    /// <summary>Registers a partner.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="profile">Its profile.</param>
    /// <param name="by">Who registers it.</param>
    /// <param name="at">When.</param>
    /// <returns>The partner.</returns>
    /// <exception cref="CoalitionRuleException">The profile is invalid (<c>Partners.InvalidProfile</c>, <c>Partners.UnknownTimeZone</c>).</exception>
    public static Partner Register(PartnerId id, PartnerProfile profile, Actor by, Instant at)
    {
        Preconditions.CheckNotNull(profile, nameof(profile));
        Preconditions.CheckNotNull(by, nameof(by));
        PartnerProfileValidator.Instance.EnsureValid(profile);
        var partner = new Partner();
        partner.Raise(new PartnerRegistered(id, Normalize(profile), at, by));
        return partner;
    }

    /// <summary>Rebuilds a partner from its events, without checks.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The partner.</returns>
    public static Partner Rehydrate(IEnumerable<IDomainEvent> history)
    {
        return Rebuild(new Partner(), history);
    }

    /// <summary>Replaces the profile.</summary>
    /// <param name="profile">The new profile.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">The profile is invalid.</exception>
    public void UpdateProfile(PartnerProfile profile, Actor by, Instant at)
    {
        Preconditions.CheckNotNull(profile, nameof(profile));
        PartnerProfileValidator.Instance.EnsureValid(profile);
        Raise(new PartnerProfileUpdated(Id, Normalize(profile), at, by));
    }

    /// <summary>Names a person to represent the partner.</summary>
    /// <param name="representative">The person, their name and role.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">The person already represents the partner, or the name is missing.</exception>
    public void AddRepresentative(Representative representative, Actor by, Instant at)
    {
        Preconditions.CheckNotNull(representative, nameof(representative));
        if (representative.Person == default || string.IsNullOrWhiteSpace(representative.Name) || representative.Name.Length > 200 || !Enum.IsDefined(representative.Role))
        {
            throw new CoalitionRuleException(ErrorCodes.Partners.InvalidRepresentative, "A representative needs a person, a name of at most 200 characters and a role.");
        }

        if (_representatives.ContainsKey(representative.Person))
        {
            throw new CoalitionRuleException(ErrorCodes.Partners.DuplicateRepresentative, $"{representative.Name} already represents {Profile.Name}.");
        }

        Raise(new RepresentativeAdded(Id, representative with { Name = representative.Name.Trim() }, at, by));
    }

    /// <summary>Removes a representative.</summary>
    /// <param name="person">The person.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">The person does not represent the partner.</exception>
    public void RemoveRepresentative(PersonId person, Actor by, Instant at)
    {
        if (!_representatives.ContainsKey(person))
        {
            throw new CoalitionRuleException(ErrorCodes.Partners.UnknownRepresentative, $"{person} does not represent {Profile.Name}.");
        }

        Raise(new RepresentativeRemoved(Id, person, at, by));
    }

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is PartnerRegistered;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => null;

    /// <inheritdoc />
    protected override void Apply(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case PartnerRegistered e:
                Id = e.Partner;
                Profile = e.Profile;
                break;
            case PartnerProfileUpdated e:
                Profile = e.Profile;
                break;
            case RepresentativeAdded e:
                _representatives[e.Representative.Person] = e.Representative;
                break;
            case RepresentativeRemoved e:
                _representatives.Remove(e.Person);
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }

    private static PartnerProfile Normalize(PartnerProfile profile) => profile with
    {
        Name = profile.Name.Trim(),
        FocusAreas = profile.FocusAreas.Select(t => t.Trim()).ToArray(),
        Values = profile.Values.Select(t => t.Trim()).ToArray(),
        Capabilities = profile.Capabilities.Select(t => t.Trim()).ToArray(),
        Languages = profile.Languages.ToArray(),
        Region = profile.Region?.Trim(),
        LegalForm = profile.LegalForm?.Trim(),
    };
}
