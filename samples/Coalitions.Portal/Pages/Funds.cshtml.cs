using Coalitions.Core.Kernel;
using Coalitions.Core.Resources;
using Coalitions.Portal.Hosting;
using Coalitions.Portal.Identity;

namespace Coalitions.Portal.Pages;

/// <summary>The pooled funds and their ledgers.</summary>
public sealed class FundsModel(PortalContext portal, IActorResolver actors) : PortalPage(portal, actors)
{
    /// <summary>Gets the funds.</summary>
    public IReadOnlyList<PooledFund> Funds { get; private set; } = [];

    /// <summary>Gets the partners' names.</summary>
    public IReadOnlyDictionary<PartnerId, string> Names { get; private set; } = new Dictionary<PartnerId, string>();

    /// <summary>Loads them.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync()
    {
        Funds = await Portal.AllAsync<PooledFund>(g => PooledFundId.FromGuid(g), HttpContext.RequestAborted);
        Names = await Portal.PartnerNamesAsync(HttpContext.RequestAborted);
    }
}
