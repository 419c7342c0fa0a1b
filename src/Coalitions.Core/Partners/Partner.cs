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

/// <summary>A partner, what it brings, and the people it has named to represent it.</summary>
/// <param name="Id">The partner.</param>
/// <param name="Profile">Its profile.</param>
/// <param name="Representatives">The people it has named as its representatives.</param>
public sealed record PartnerSnapshot(PartnerId Id, PartnerProfile Profile, IReadOnlyList<PersonId> Representatives);

/// <summary>
/// A partner organization: an NGO, community group, school, agency, business, funder or any other
/// organization that joins or may join coalitions, with its profile and the people who represent it.
/// </summary>
/// <remarks>
/// <para>Only the partner's own people change its record: the person who registers it becomes its first
/// representative, and from then on only a representative acting for the partner updates its profile or names and
/// removes representatives. A partner always keeps at least one representative, so someone can always act for it.
/// Coalitions take a membership's delegates from these representatives.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class Partner : AggregateRoot<PartnerId>
{
    private const int MaxRepresentatives = 50;

    private static readonly Permissions<Partner, PersonId?> Who = new(nameof(Partner));
    private static readonly Role<Partner, PersonId?> Registrant = Who.Role(
        "the person who registers the partner, named as its first representative",
        static (_, by, registrant) => by.Kind == ActorKind.Person && by.Person == registrant);
    private static readonly Role<Partner, PersonId?> OwnRepresentative = Who.Role(
        "a representative the partner has named, acting for it",
        static (partner, by, _) => by.OnBehalfOf == partner.Id && by.Person is { } person && partner._representatives.ContainsKey(person));
    private static readonly Command<Partner, PersonId?> RegisterCommand = Who.Command(nameof(Register), ErrorCodes.Partners.NotARepresentative, Registrant);
    private static readonly Command<Partner, PersonId?> UpdateProfileCommand = Who.Command(nameof(UpdateProfile), ErrorCodes.Partners.NotARepresentative, OwnRepresentative);
    private static readonly Command<Partner, PersonId?> AddRepresentativeCommand = Who.Command(nameof(AddRepresentative), ErrorCodes.Partners.NotARepresentative, OwnRepresentative);
    private static readonly Command<Partner, PersonId?> RemoveRepresentativeCommand = Who.Command(nameof(RemoveRepresentative), ErrorCodes.Partners.NotARepresentative, OwnRepresentative);

    private readonly Dictionary<PersonId, Representative> _representatives = [];

    private Partner()
    {
    }

    /// <summary>Gets the profile.</summary>
    public PartnerProfile Profile { get; private set; } = null!;

    /// <summary>Gets the representatives, in the order they were named.</summary>
    public IReadOnlyCollection<Representative> Representatives => _representatives.Values;

    /// <summary>Gets the partner with its profile and representatives, for membership offers, fit and diversity analysis.</summary>
    public PartnerSnapshot Snapshot => new(Id, Profile, _representatives.Keys.ToArray());

    /// <summary>Registers a partner; the person registering it becomes its first representative.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="profile">Its profile.</param>
    /// <param name="registrant">The person registering it, with their name and role: its first representative.</param>
    /// <param name="by">The registrant themselves (<c>Actor.Representing(registrant.Person, id)</c> or <c>Actor.ForPerson(registrant.Person)</c>).</param>
    /// <param name="at">When it is registered.</param>
    /// <returns>The partner.</returns>
    /// <exception cref="CoalitionRuleException">
    /// An empty id, an invalid profile (<c>Partners.InvalidProfile</c>, <c>Partners.UnknownTimeZone</c>) or representative
    /// (<c>Partners.InvalidRepresentative</c>), or <paramref name="by"/> is not the registrant (<c>Partners.NotARepresentative</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// var amina = PersonId.New();
    /// var partner = Partner.Register(PartnerId.New(), profile,
    ///     new Representative(amina, "Amina Otieno", RepresentativeRole.Delegate),
    ///     Actor.ForPerson(amina), now);   // now: the instant the host passes in (never read from a clock here)
    /// </code>
    /// </example>
    public static Partner Register(PartnerId id, PartnerProfile profile, Representative registrant, Actor by, Instant at)
    {
        var partner = new Partner();
        Ensure.Id(id, nameof(id));
        RegisterCommand.Authorize(partner, by, at, registrant?.Person, "a new partner");
        PartnerProfileValidator.Instance.EnsureValid(profile);
        RepresentativeValidator.Instance.EnsureValid(registrant);
        var normalized = Normalize(profile);
        partner.Raise(new PartnerRegistered(id, normalized, at, by), new RepresentativeAdded(id, Normalize(registrant), at, by));
        return partner;
    }

    /// <summary>Rebuilds a partner from its events, checking that they form its history.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The partner.</returns>
    /// <exception cref="StoredEventException">The events are not the history of one partner (<c>Kernel.CorruptHistory</c>).</exception>
    public static Partner Rehydrate(IEnumerable<IDomainEvent> history)
    {
        return Rebuild(new Partner(), history);
    }

    /// <summary>Replaces the profile.</summary>
    /// <param name="profile">The new profile.</param>
    /// <param name="by">A representative of the partner, acting for it.</param>
    /// <param name="at">When the profile changes.</param>
    /// <exception cref="CoalitionRuleException">The profile is invalid, or <paramref name="by"/> is not a representative (<c>Partners.NotARepresentative</c>).</exception>
    public void UpdateProfile(PartnerProfile profile, Actor by, Instant at)
    {
        UpdateProfileCommand.Authorize(this, by, at, null, Profile.Name);
        PartnerProfileValidator.Instance.EnsureValid(profile);
        Raise(new PartnerProfileUpdated(Id, Normalize(profile), at, by));
    }

    /// <summary>Names a person to represent the partner.</summary>
    /// <param name="representative">The person, their name and role.</param>
    /// <param name="by">A representative of the partner, acting for it.</param>
    /// <param name="at">When the person is named.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a representative (<c>Partners.NotARepresentative</c>), an invalid representative (<c>Partners.InvalidRepresentative</c>),
    /// the person already represents the partner (<c>Partners.DuplicateRepresentative</c>), or the partner has 50 already.
    /// </exception>
    public void AddRepresentative(Representative representative, Actor by, Instant at)
    {
        AddRepresentativeCommand.Authorize(this, by, at, null, Profile.Name);
        RepresentativeValidator.Instance.EnsureValid(representative);
        if (_representatives.ContainsKey(representative.Person))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Partners.DuplicateRepresentative, "{person} already represents {partner}.", ("person", representative.Name), ("partner", Profile.Name));
        }

        if (_representatives.Count >= MaxRepresentatives)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "{partner} has {max} representatives, the most a partner may name.", ("partner", Profile.Name), ("max", MaxRepresentatives));
        }

        Raise(new RepresentativeAdded(Id, Normalize(representative), at, by));
    }

    /// <summary>Removes a representative; the last one stays, so someone can always act for the partner.</summary>
    /// <param name="person">The person.</param>
    /// <param name="by">A representative of the partner, acting for it (possibly the person leaving).</param>
    /// <param name="at">When the person stops representing the partner.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a representative (<c>Partners.NotARepresentative</c>), the person does not represent the partner
    /// (<c>Partners.UnknownRepresentative</c>), or they are its last representative (<c>Partners.LastRepresentative</c>).
    /// </exception>
    public void RemoveRepresentative(PersonId person, Actor by, Instant at)
    {
        RemoveRepresentativeCommand.Authorize(this, by, at, null, Profile.Name);
        Ensure.Id(person, nameof(person));
        if (!_representatives.TryGetValue(person, out var leaving))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Partners.UnknownRepresentative, "Person {person} does not represent {partner}.", ("person", person), ("partner", Profile.Name));
        }

        if (_representatives.Count == 1)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Partners.LastRepresentative, "{person} is the last representative of {partner}; name another before removing them.", ("person", leaving.Name), ("partner", Profile.Name));
        }

        Raise(new RepresentativeRemoved(Id, person, at, by));
    }

    /// <summary>Whether a person represents the partner. O(1).</summary>
    /// <param name="person">The person.</param>
    /// <returns><see langword="true"/> for a current representative.</returns>
    public bool IsRepresentedBy(PersonId person) => _representatives.ContainsKey(person);

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is PartnerRegistered;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => domainEvent switch
    {
        RepresentativeAdded e when _representatives.ContainsKey(e.Representative.Person) => "the person already represents the partner.",
        RepresentativeRemoved e when !_representatives.ContainsKey(e.Person) => "the person does not represent the partner.",
        _ => null,
    };

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

    private static Representative Normalize(Representative representative) => representative with { Name = representative.Name.Trim() };

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
