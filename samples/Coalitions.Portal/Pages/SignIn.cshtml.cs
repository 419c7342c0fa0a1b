using Coalitions.Portal.Hosting;
using Coalitions.Portal.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Coalitions.Portal.Pages;

/// <summary>The development sign-in page: a list of the seeded people.</summary>
public sealed class SignInModel(PortalContext portal, IActorResolver actors, IConfiguration configuration) : PortalPage(portal, actors)
{
    /// <summary>Gets the people one may sign in as.</summary>
    public IReadOnlyList<PortalPerson> People { get; private set; } = [];

    /// <summary>Gets whether the development sign-in is on.</summary>
    public bool Enabled => configuration.GetValue("Portal:DevelopmentSignIn", true);

    /// <summary>Gets or sets where to go after signing in.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Lists the people.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync() => People = await Portal.PeopleAsync(HttpContext.RequestAborted);

    /// <summary>Signs the chosen person in.</summary>
    /// <param name="choice">"person|member".</param>
    /// <returns>A redirect.</returns>
    public async Task<IActionResult> OnPostAsync(string? choice)
    {
        var parts = (choice ?? string.Empty).Split('|');
        if (!Enabled || parts.Length != 2 || !Guid.TryParse(parts[0], out var person))
        {
            return BadRequest();
        }

        Guid? member = Guid.TryParse(parts[1], out var m) ? m : null;
        if (await DevelopmentSignIn.SignInAsync(HttpContext, Portal, person, member) is null)
        {
            return Forbid();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    /// <summary>Signs out.</summary>
    /// <returns>A redirect to the coalition.</returns>
    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/");
    }
}
