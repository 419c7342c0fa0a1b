using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Meetings;
using Coalitions.Core.Partners;
using Coalitions.Core.Polls;
using Coalitions.Core.Resources;
using Coalitions.Core.Storage;
using NodaTime;

namespace Coalitions.Portal.Hosting;

/// <summary>A person who may sign in: a coordinator, or a delegate acting for a member.</summary>
/// <param name="Person">The person's id.</param>
/// <param name="Name">The person's name.</param>
/// <param name="Member">The member they act for, if a delegate.</param>
/// <param name="MemberName">That member's name.</param>
/// <param name="Role">What they are, in words.</param>
public sealed record PortalPerson(PersonId Person, string Name, PartnerId? Member, string? MemberName, string Role);

/// <summary>
/// What the pages and the API share: loading aggregates by id, the coalition on show, the people who may sign in, and
/// running one command as an actor and saving it.
/// </summary>
/// <param name="store">The aggregate store.</param>
/// <param name="catalog">The catalog of streams.</param>
/// <param name="clock">The clock: every command's instant.</param>
public sealed class PortalContext(AggregateStore store, Catalog catalog, IClock clock)
{
    /// <summary>Gets the clock.</summary>
    public IClock Clock { get; } = clock;

    /// <summary>Gets the store.</summary>
    public AggregateStore Store { get; } = store;

    /// <summary>Gets the present instant.</summary>
    public Instant Now => Clock.GetCurrentInstant();

    /// <summary>The coalition on show (the first founded in the store) and its governance.</summary>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The coalition and its governance, or null when the store holds none.</returns>
    public async Task<(Coalition Coalition, CoalitionGovernance? Governance)?> CoalitionAsync(CancellationToken cancellationToken = default)
    {
        var ids = await catalog.IdsOfAsync<Coalition>(cancellationToken);
        if (ids.Count == 0)
        {
            return null;
        }

        var id = CoalitionId.FromGuid(ids[0]);
        var coalition = await Store.LoadAsync<Coalition>(id, cancellationToken);
        var governance = await Store.TryLoadAsync<CoalitionGovernance>(id, cancellationToken);
        return (coalition, governance);
    }

    /// <summary>Every aggregate of a type, oldest first.</summary>
    /// <typeparam name="T">The aggregate type.</typeparam>
    /// <param name="fromGuid">How the type's id is made from a GUID.</param>
    /// <param name="cancellationToken">Cancels the loads.</param>
    /// <returns>The aggregates.</returns>
    public async Task<IReadOnlyList<T>> AllAsync<T>(Func<Guid, ITypedId> fromGuid, CancellationToken cancellationToken = default)
        where T : class, IAggregate
    {
        var list = new List<T>();
        foreach (var id in await catalog.IdsOfAsync<T>(cancellationToken))
        {
            list.Add(await Store.LoadAsync<T>(fromGuid(id), cancellationToken));
        }

        return list;
    }

    /// <summary>Loads an aggregate, or null when no stream has its id.</summary>
    /// <typeparam name="T">The aggregate type.</typeparam>
    /// <param name="id">Its id.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The aggregate or null.</returns>
    public Task<T?> FindAsync<T>(ITypedId id, CancellationToken cancellationToken = default)
        where T : class, IAggregate => Store.TryLoadAsync<T>(id, cancellationToken);

    /// <summary>Saves what a command recorded, with the person who acted in the metadata.</summary>
    /// <param name="aggregate">The aggregate the command ran on.</param>
    /// <param name="by">Who acted.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>The stream's version after the save.</returns>
    /// <exception cref="CoalitionRuleException"><c>Kernel.ConcurrencyConflict</c> when someone saved it in between.</exception>
    public async Task<long> SaveAsync(IAggregate aggregate, Actor by, CancellationToken cancellationToken = default)
    {
        var result = await Store.SaveAsync(aggregate, new EventMetadata(CorrelationId: Guid.NewGuid(), ActingPerson: by.Person), cancellationToken);
        return result.Version;
    }

    /// <summary>The partners' names, for electorates and messages.</summary>
    /// <param name="cancellationToken">Cancels the loads.</param>
    /// <returns>Each partner's name.</returns>
    public async Task<IReadOnlyDictionary<PartnerId, string>> PartnerNamesAsync(CancellationToken cancellationToken = default) =>
        (await AllAsync<Partner>(g => PartnerId.FromGuid(g), cancellationToken)).ToDictionary(p => p.Id, p => p.Profile.Name);

    /// <summary>The people who may sign in with the development sign-in: the coordinators and every member's delegates.</summary>
    /// <param name="cancellationToken">Cancels the loads.</param>
    /// <returns>The people, coordinators first.</returns>
    public async Task<IReadOnlyList<PortalPerson>> PeopleAsync(CancellationToken cancellationToken = default)
    {
        if (await CoalitionAsync(cancellationToken) is not { } shown)
        {
            return [];
        }

        var partners = (await AllAsync<Partner>(g => PartnerId.FromGuid(g), cancellationToken)).ToDictionary(p => p.Id);
        var people = shown.Coalition.Coordinators.Select(c => new PortalPerson(c.Person, c.Name, null, null, "Coordinator")).ToList();
        var today = Now.InZone(shown.Coalition.TimeZone).Date;
        foreach (var membership in shown.Coalition.Members.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            foreach (var person in membership.Delegates)
            {
                var name = partners.TryGetValue(membership.Partner, out var partner)
                    ? partner.Representatives.FirstOrDefault(r => r.Person == person)?.Name ?? "Delegate"
                    : "Delegate";
                people.Add(new PortalPerson(person, name, membership.Partner, membership.Name, $"Delegate of {membership.Name} ({Words(membership.StatusOn(today))})"));
            }
        }

        return people;
    }

    /// <summary>Whether an id names a proposal, poll, meeting or fund (for 404s).</summary>
    /// <param name="type">The aggregate type.</param>
    /// <returns>The name of the type in words.</returns>
    public static string Noun(Type type) => type == typeof(Proposal) ? "proposal" : type == typeof(Poll) ? "poll" : type == typeof(Meeting) ? "meeting" : type == typeof(PooledFund) ? "fund" : type.Name.ToLowerInvariant();

    private static string Words<TEnum>(TEnum value)
        where TEnum : struct, Enum => Coalitions.Portal.Pages.Show.Words(value);
}
