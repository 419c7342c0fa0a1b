using System.Security.Claims;
using Coalitions.Core.Kernel;
using Coalitions.Portal.Api;
using Coalitions.Portal.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Coalitions.Portal.Identity;

/// <summary>
/// The development sign-in: pick one of the seeded people (a coordinator, or a member's delegate) and get a cookie
/// naming them. There is no password: it exists so that every command runs as a real actor and the library's
/// authorization rules show. A real host turns it off (<c>Portal:DevelopmentSignIn=false</c>) and signs people in with
/// its identity provider; see <see cref="IActorResolver"/>.
/// </summary>
internal static class DevelopmentSignIn
{
    /// <summary>Signs a seeded person in, acting for the member they are a delegate of (if they name one).</summary>
    /// <param name="http">The request.</param>
    /// <param name="portal">The portal.</param>
    /// <param name="person">The person.</param>
    /// <param name="member">The member they act for, if any.</param>
    /// <returns>The person signed in, or null when the id names nobody who may sign in.</returns>
    public static async Task<PortalPerson?> SignInAsync(HttpContext http, PortalContext portal, Guid person, Guid? member)
    {
        var people = await portal.PeopleAsync(http.RequestAborted);
        var chosen = people.FirstOrDefault(p => p.Person.Value == person && (member is null || p.Member?.Value == member));
        if (chosen is null)
        {
            return null;
        }

        List<Claim> claims = [new(ClaimTypes.Name, chosen.Name), new(ClaimsActorResolver.PersonClaim, chosen.Person.ToString())];
        if (chosen.Member is { } acting)
        {
            claims.Add(new Claim(ClaimsActorResolver.MemberClaim, acting.ToString()));
        }

        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(new ClaimsIdentity(claims, "development")));
        return chosen;
    }

    public static void MapDevelopmentSignIn(this IEndpointRouteBuilder app)
    {
        var session = app.MapGroup("/api/session").WithTags("Development sign-in");
        session.MapGet("/people", async (PortalContext portal, CancellationToken ct) =>
            (await portal.PeopleAsync(ct)).Select(p => new PersonView(p.Person.Value, p.Name, p.Member?.Value, p.MemberName, p.Role)).ToList())
            .WithName("People").WithSummary("The seeded people one may sign in as.");
        session.MapPost(string.Empty, async (SignInRequest request, PortalContext portal, HttpContext http) =>
            await SignInAsync(http, portal, request.Person, request.Member) is { } person
                ? Results.Ok(new PersonView(person.Person.Value, person.Name, person.Member?.Value, person.MemberName, person.Role))
                : Problems.Result(Problems.Make(403, ErrorCodes.Kernel.NotAuthorized.Code, "Only the coalition's coordinators and its members' delegates sign in.", $"Nobody who may sign in has the id {request.Person}.", http.Request.Path)))
            .WithName("SignIn").WithSummary("Development only: signs in as a seeded person (a cookie).");
        session.MapDelete(string.Empty, async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        }).WithName("SignOut");
    }
}
