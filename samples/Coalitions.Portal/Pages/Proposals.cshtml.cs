using Coalitions.Core.Decisions;
using Coalitions.Portal.Hosting;
using Coalitions.Portal.Identity;
using NodaTime;

namespace Coalitions.Portal.Pages;

/// <summary>The list of proposals.</summary>
public sealed class ProposalsModel(PortalContext portal, IActorResolver actors) : PortalPage(portal, actors)
{
    /// <summary>Gets the proposals, newest first.</summary>
    public IReadOnlyList<Proposal> Proposals { get; private set; } = [];

    /// <summary>Gets the coalition's time zone.</summary>
    public DateTimeZone Zone { get; private set; } = DateTimeZone.Utc;

    /// <summary>Loads them.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync()
    {
        Proposals = [.. (await Portal.AllAsync<Proposal>(g => ProposalId.FromGuid(g), HttpContext.RequestAborted)).Reverse()];
        Zone = (await Portal.CoalitionAsync(HttpContext.RequestAborted))?.Coalition.TimeZone ?? DateTimeZone.Utc;
    }
}
