using Coalitions.Core.Polls;
using Coalitions.Portal.Api;
using Coalitions.Portal.Hosting;
using Coalitions.Portal.Identity;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Coalitions.Portal.Pages;

/// <summary>A poll with its round-by-round count, as far as its visibility lets the viewer see it.</summary>
public sealed class PollModel(PortalContext portal, IActorResolver actors) : PortalPage(portal, actors)
{
    /// <summary>Gets the poll.</summary>
    public Poll? Poll { get; private set; }

    /// <summary>Gets the result the viewer may see.</summary>
    public PollResult? Result { get; private set; }

    /// <summary>Gets the coalition's zone.</summary>
    public DateTimeZone Zone { get; private set; } = DateTimeZone.Utc;

    /// <summary>Shows the poll.</summary>
    /// <param name="id">Its id.</param>
    /// <returns>The page or 404.</returns>
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Poll = await Portal.FindAsync<Poll>(PollId.FromGuid(id), HttpContext.RequestAborted);
        if (Poll is null)
        {
            return NotFound();
        }

        Result = ViewsOf.PollResults(Poll, Actor?.OnBehalfOf);
        Zone = (await Portal.CoalitionAsync(HttpContext.RequestAborted))?.Coalition.TimeZone ?? DateTimeZone.Utc;
        return Page();
    }
}
