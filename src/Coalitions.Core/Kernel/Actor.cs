using System.Text.Json.Serialization;

namespace Coalitions.Core.Kernel;

/// <summary>What kind of actor did something.</summary>
public enum ActorKind
{
    /// <summary>A person, usually acting as the representative of a partner organization.</summary>
    Person = 1,

    /// <summary>The host system acting on its own (a scheduler closing a vote at its deadline, an import).</summary>
    System = 2,
}

/// <summary>
/// Who did something: a person acting for a partner organization, or the host system.
/// Every domain event records its actor, so the record shows who is accountable for each change.
/// </summary>
/// <remarks>Actors are immutable and compared by value.</remarks>
public sealed record Actor
{
    [JsonConstructor]
    internal Actor(ActorKind kind, PersonId? person, PartnerId? onBehalfOf, string? process)
    {
        Kind = kind;
        Person = person;
        OnBehalfOf = onBehalfOf;
        Process = process;
    }

    /// <summary>Gets whether a person or the system acted.</summary>
    public ActorKind Kind { get; }

    /// <summary>Gets the person who acted; <see langword="null"/> for the system.</summary>
    public PersonId? Person { get; }

    /// <summary>Gets the partner organization the person acted for, when they acted for one.</summary>
    public PartnerId? OnBehalfOf { get; }

    /// <summary>Gets the name of the system process that acted; <see langword="null"/> for a person.</summary>
    public string? Process { get; }

    /// <summary>A person acting in their own name (for example a facilitator or an independent chair).</summary>
    /// <param name="person">The person.</param>
    /// <returns>The actor.</returns>
    public static Actor ForPerson(PersonId person) => new(ActorKind.Person, person, null, null);

    /// <summary>A person acting as the representative of a partner organization.</summary>
    /// <param name="person">The person.</param>
    /// <param name="partner">The partner they represent.</param>
    /// <returns>The actor.</returns>
    public static Actor Representing(PersonId person, PartnerId partner) => new(ActorKind.Person, person, partner, null);

    /// <summary>The host system acting on its own, for example a scheduler closing a vote at its deadline.</summary>
    /// <param name="process">A short name for the process, such as <c>"scheduler"</c>.</param>
    /// <returns>The actor.</returns>
    /// <exception cref="ArgumentException"><paramref name="process"/> is blank.</exception>
    public static Actor System(string process)
    {
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(process), nameof(process), "A system actor needs a process name.");
        return new(ActorKind.System, null, null, process.Trim());
    }

    /// <summary>Describes the actor, for logs and explanations.</summary>
    /// <returns>For example <c>person 3f2… for partner 9ab…</c> or <c>system (scheduler)</c>.</returns>
    public override string ToString() => Kind switch
    {
        ActorKind.System => $"system ({Process})",
        _ when OnBehalfOf is { } partner => $"person {Person} for partner {partner}",
        _ => $"person {Person}",
    };
}
