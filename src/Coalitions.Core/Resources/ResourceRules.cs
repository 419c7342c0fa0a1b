using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using NodaTime;
using CoalitionAggregate = Coalitions.Core.Coalitions.Coalition;

namespace Coalitions.Core.Resources;

/// <summary>The checks the rooms of joint work share: the coalition passed in is the aggregate's own, and a member is active.</summary>
internal static class ResourceRules
{
    public static void EnsureCoalition(CoalitionAggregate? coalition, CoalitionId expected)
    {
        Ensure.NotNull(coalition, nameof(coalition));
        if (coalition.Id != expected)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "The coalition given, {coalition}, is not the one this belongs to.", ("coalition", coalition.Name));
        }
    }

    public static void EnsureActiveMember(CoalitionAggregate coalition, PartnerId member, LocalDate on)
    {
        if (!coalition.TryGetMembership(member, out var membership) || membership.StatusOn(on) != MembershipStatus.Active)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Resources.NotAnActiveMember, "{member} is not an active member of {coalition} on {date}.", ("member", coalition.NameOf(member)), ("coalition", coalition.Name), ("date", on));
        }
    }

    public static bool IsCoordinator(CoalitionAggregate? coalition, Actor by) =>
        by.Kind == ActorKind.Person && by.Person is { } person && coalition?.IsCoordinator(person) == true;
}
