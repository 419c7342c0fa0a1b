using Coalitions.Core.Meetings;
using Coalitions.Portal.Hosting;
using Coalitions.Portal.Identity;

namespace Coalitions.Portal.Pages;

/// <summary>The meetings, each with its calendar file.</summary>
public sealed class MeetingsModel(PortalContext portal, IActorResolver actors) : PortalPage(portal, actors)
{
    /// <summary>Gets the meetings.</summary>
    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

    /// <summary>Loads them.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync() => Meetings = await Portal.AllAsync<Meeting>(g => MeetingId.FromGuid(g), HttpContext.RequestAborted);
}
