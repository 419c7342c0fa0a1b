using System.Security.Claims;
using Coalitions.Core.Kernel;

namespace Coalitions.Portal.Identity;

/// <summary>
/// THE identity seam: turns whoever the host's authentication signed in into the <see cref="Actor"/> every command
/// runs as. The library decides what that actor may do (its authorization tables); the host only says who it is.
/// </summary>
/// <remarks>
/// The portal signs people in with a development cookie (<see cref="DevelopmentSignIn"/>) that carries two claims,
/// <see cref="PersonClaim"/> and <see cref="MemberClaim"/>. A real host keeps this class and replaces the cookie:
/// configure its identity provider (OpenID Connect, say) and map the provider's subject to the person's id in one
/// <c>IClaimsTransformation</c> that adds these two claims, or register its own <see cref="IActorResolver"/>.
/// </remarks>
public interface IActorResolver
{
    /// <summary>The actor a signed-in user acts as, or null when nobody is signed in.</summary>
    /// <param name="user">The request's user.</param>
    /// <returns>The actor.</returns>
    Actor? Resolve(ClaimsPrincipal user);
}

/// <summary>Reads the person and, when they act for a member, the member from the user's claims.</summary>
public sealed class ClaimsActorResolver : IActorResolver
{
    /// <summary>The claim holding the person's id (a GUID).</summary>
    public const string PersonClaim = "coalitions:person";

    /// <summary>The claim holding the member (partner) the person acts for, when they are its delegate.</summary>
    public const string MemberClaim = "coalitions:member";

    /// <inheritdoc />
    public Actor? Resolve(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || !PersonId.TryParse(user.FindFirstValue(PersonClaim), out var person))
        {
            return null;
        }

        return PartnerId.TryParse(user.FindFirstValue(MemberClaim), out var member)
            ? Actor.Representing(person, member)
            : Actor.ForPerson(person);
    }
}
