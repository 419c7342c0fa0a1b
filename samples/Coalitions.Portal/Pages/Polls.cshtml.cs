using Coalitions.Core.Polls;
using Coalitions.Portal.Hosting;
using Coalitions.Portal.Identity;

namespace Coalitions.Portal.Pages;

/// <summary>The list of polls.</summary>
public sealed class PollsModel(PortalContext portal, IActorResolver actors) : PortalPage(portal, actors)
{
    /// <summary>Gets the polls, newest first.</summary>
    public IReadOnlyList<Poll> Polls { get; private set; } = [];

    /// <summary>Loads them.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync() => Polls = [.. (await Portal.AllAsync<Poll>(g => PollId.FromGuid(g), HttpContext.RequestAborted)).Reverse()];
}
