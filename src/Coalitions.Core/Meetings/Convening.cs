using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using CoalitionAggregate = Coalitions.Core.Coalitions.Coalition;
using GovernanceAggregate = Coalitions.Core.Governance.CoalitionGovernance;

namespace Coalitions.Core.Meetings;

/// <summary>Who may call a body together: the one rule behind convening a meeting and beginning a series.</summary>
internal static class Convening
{
    /// <summary>The role's words in docs/authorization.md, ending "acting through one of its member's delegates".</summary>
    public const string ConvenorRole = "(the holder of the office that convenes it, else its chair), acting through one of its member's delegates";

    /// <summary>
    /// Whether the actor is a delegate of the member that holds the body's convening office (its chair when the body
    /// names none), in the governance of this very coalition.
    /// </summary>
    public static bool IsConvenor(CoalitionAggregate? coalition, GovernanceAggregate? governance, BodyKey? body, Actor by) =>
        coalition is not null && governance is not null && body is { } key &&
        governance.Id == coalition.Id && governance.Bodies.FirstOrDefault(b => b.Key == key) is { } definition &&
        governance.OfficeHolder(definition.Key, definition.Convenor ?? Office.Chair) is { } holder && coalition.IsDelegate(holder, by);

    /// <summary>Whether the actor is a person who coordinates the coalition.</summary>
    public static bool IsCoordinator(CoalitionAggregate? coalition, Actor by) =>
        by.Kind == ActorKind.Person && by.Person is { } person && coalition?.IsCoordinator(person) == true;
}
