using Coalitions.Core.Coalitions;
using Coalitions.Portal.Api;
using Coalitions.Portal.Hosting;
using Coalitions.Portal.Identity;

namespace Coalitions.Portal.Pages;

/// <summary>The coalition: its purpose, goals, members with their delegates, bodies and seats.</summary>
public sealed class IndexModel(PortalContext portal, IActorResolver actors) : PortalPage(portal, actors)
{
    /// <summary>Gets the coalition.</summary>
    public CoalitionView? View { get; private set; }

    /// <summary>Gets the charter.</summary>
    public Charter? Charter { get; private set; }

    /// <summary>Gets the names of the people who may sign in.</summary>
    public IReadOnlyDictionary<Guid, string> PersonNames { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>Loads the coalition.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync()
    {
        if (await Portal.CoalitionAsync(HttpContext.RequestAborted) is { } shown)
        {
            View = ViewsOf.Coalition(shown.Coalition, shown.Governance, Portal.Now, await Portal.PartnerNamesAsync(HttpContext.RequestAborted));
            Charter = shown.Coalition.Charter;
            PersonNames = (await Portal.PeopleAsync(HttpContext.RequestAborted)).GroupBy(p => p.Person.Value).ToDictionary(g => g.Key, g => g.First().Name);
        }
    }
}
