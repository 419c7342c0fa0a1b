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
    /// <exception cref="CoalitionRuleException"><paramref name="person"/> is the empty id (<c>Kernel.EmptyId</c>).</exception>
    public static Actor ForPerson(PersonId person) => new(ActorKind.Person, Ensure.Id(person, nameof(person)), null, null);

    /// <summary>A person acting as the representative of a partner organization.</summary>
    /// <param name="person">The person.</param>
    /// <param name="partner">The partner they represent.</param>
    /// <returns>The actor.</returns>
    /// <exception cref="CoalitionRuleException">An id is empty (<c>Kernel.EmptyId</c>).</exception>
    public static Actor Representing(PersonId person, PartnerId partner) =>
        new(ActorKind.Person, Ensure.Id(person, nameof(person)), Ensure.Id(partner, nameof(partner)), null);

    /// <summary>The host system acting on its own, for example a scheduler closing a vote at its deadline.</summary>
    /// <param name="process">A short name for the process, such as <c>"scheduler"</c>: one line of at most 100 characters.</param>
    /// <returns>The actor.</returns>
    /// <exception cref="CoalitionRuleException"><paramref name="process"/> is blank, too long or not one line (<c>Kernel.ActorRequired</c>).</exception>
    public static Actor System(string process)
    {
        var name = process?.Trim();
        if (ProcessProblem(name) is { } problem)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.ActorRequired, "A system actor needs a process name: {problem}", ("problem", problem));
        }

        return new(ActorKind.System, null, null, name);
    }

    /// <summary>Whether this actor is the given person, acting for the given partner.</summary>
    /// <param name="person">The person.</param>
    /// <param name="partner">The partner.</param>
    /// <returns><see langword="true"/> when a person acted, and it was that person for that partner.</returns>
    public bool Is(PersonId person, PartnerId partner) => Kind == ActorKind.Person && Person == person && OnBehalfOf == partner;

    /// <summary>Describes the actor, for logs and explanations.</summary>
    /// <returns>For example <c>person 3f2… for partner 9ab…</c> or <c>system (scheduler)</c>.</returns>
    public override string ToString() => Kind switch
    {
        ActorKind.System => $"system ({Process})",
        _ when OnBehalfOf is { } partner => $"person {Person} for partner {partner}",
        _ => $"person {Person}",
    };

    /// <summary>What is wrong with an actor read from storage or built by hand, or null when it is well-formed.</summary>
    internal string? Problem() => Kind switch
    {
        ActorKind.Person when Person is not { } person || person.Value == Guid.Empty => "a person acted, but the person's id is missing or empty.",
        ActorKind.Person when OnBehalfOf is { } partner && partner.Value == Guid.Empty => "the partner the person acted for is the empty id.",
        ActorKind.Person when Process is not null => "a person has no process name.",
        ActorKind.Person => null,
        ActorKind.System when Person is not null || OnBehalfOf is not null => "the system acts for no person or partner.",
        ActorKind.System => ProcessProblem(Process),
        _ => "the kind of actor is undefined.",
    };

    private static string? ProcessProblem(string? process) =>
        string.IsNullOrWhiteSpace(process) ? "it is blank." :
        process.Length > 100 ? "it is longer than 100 characters." :
        !FreeText.IsSingleLine(process) ? "it holds a line break or control character." : null;
}
