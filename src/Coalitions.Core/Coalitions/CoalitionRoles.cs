using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using NodaTime;

namespace Coalitions.Core.Coalitions;

/// <summary>
/// The role checks the rooms built on a coalition share, read from the <see cref="Coalition"/> a command is given:
/// its coordinators, and the delegates of its members. Null-safe, so an authorization check can run before the door
/// checks of the command's other inputs.
/// </summary>
internal static class CoalitionRoles
{
    /// <summary>Whether the actor is a person who coordinates the coalition.</summary>
    public static bool IsCoordinator(Coalition? coalition, Actor by) =>
        coalition is not null && by.Kind == ActorKind.Person && by.Person is { } person && coalition.IsCoordinator(person);

    /// <summary>Whether the actor is a delegate of the member, acting for it.</summary>
    public static bool IsDelegateOf(Coalition? coalition, PartnerId? member, Actor by) =>
        coalition is not null && member is { } partner && coalition.IsDelegate(partner, by);

    /// <summary>Whether the actor is a delegate of the member, acting for it, and the member is active on the day of <paramref name="at"/> in the coalition's time zone.</summary>
    public static bool IsDelegateOfActiveMember(Coalition? coalition, PartnerId? member, Actor by, Instant at) =>
        IsDelegateOf(coalition, member, by) && IsActiveMember(coalition!, member!.Value, at);

    /// <summary>Whether the actor acts for some active member, as one of its delegates.</summary>
    public static bool IsDelegateOfAnActiveMember(Coalition? coalition, Actor by, Instant at) =>
        IsDelegateOfActiveMember(coalition, by.OnBehalfOf, by, at);

    /// <summary>Whether a partner is an active member (in its term or grace period) on the day of an instant, in the coalition's time zone.</summary>
    public static bool IsActiveMember(Coalition coalition, PartnerId member, Instant at) =>
        coalition.TryGetMembership(member, out var membership) && membership.StatusOn(DayOf(coalition, at)) == MembershipStatus.Active;

    /// <summary>The day of an instant in the coalition's time zone, without range checks (instants are checked at the door).</summary>
    public static LocalDate DayOf(Coalition coalition, Instant at) => at.InZone(coalition.TimeZone).Date;
}
