using Coalitions.Core.Kernel;
using Coalitions.Portal.Hosting;
using Coalitions.Portal.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coalitions.Portal.Pages;

/// <summary>What every page has: the portal, the signed-in actor, and the refusal to show after a command.</summary>
/// <param name="portal">The portal.</param>
/// <param name="actors">The identity seam.</param>
public abstract class PortalPage(PortalContext portal, IActorResolver actors) : PageModel
{
    /// <summary>Gets the portal.</summary>
    public PortalContext Portal { get; } = portal;

    /// <summary>Gets the signed-in actor, or null.</summary>
    public Actor? Actor => actors.Resolve(User);

    /// <summary>Gets or sets the refusal of the last command, to show above the form.</summary>
    public CoalitionRuleException? Refusal { get; set; }
}
