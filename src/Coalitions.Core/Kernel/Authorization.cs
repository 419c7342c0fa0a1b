using System.Reflection;
using NodaTime;

namespace Coalitions.Core.Kernel;

/// <summary>Who may take one command of one aggregate, as the aggregate enforces it.</summary>
/// <param name="Aggregate">The aggregate, such as <c>Proposal</c>.</param>
/// <param name="Command">The command method, such as <c>CastBallot</c>.</param>
/// <param name="WhoMayAct">The roles that may take it, in words; any one suffices.</param>
/// <param name="RefusedWith">The code of the refusal for anyone else.</param>
public sealed record CommandAuthority(string Aggregate, string Command, IReadOnlyList<string> WhoMayAct, ErrorCode RefusedWith);

/// <summary>
/// The authorization matrix: for every command of every aggregate, who may take it. It is read from the same tables
/// the aggregates enforce, so it cannot drift from the code; <c>docs/authorization.md</c> is generated from it.
/// </summary>
/// <remarks>
/// Every command checks its actor before anything else: a null or ill-formed actor is refused with
/// <c>Kernel.ActorRequired</c>, an instant outside <see cref="Limits"/> with <c>Kernel.OutOfRange</c>, and an actor who
/// holds none of the command's roles with the code in <see cref="CommandAuthority.RefusedWith"/>. The system actor
/// (<see cref="Actor.System"/>) may take only the commands that name it, such as closing a vote at its deadline.
/// </remarks>
public static class Authorization
{
    private static readonly Lazy<IReadOnlyList<CommandAuthority>> All = new(Collect);

    /// <summary>Gets every command of every aggregate with who may take it, by aggregate and then in the order the aggregate declares them.</summary>
    public static IReadOnlyList<CommandAuthority> Matrix => All.Value;

    private static CommandAuthority[] Collect() =>
        typeof(Authorization).Assembly.GetTypes()
            // Every class that can hold a table in a static field, static classes included (they are abstract); a
            // generic type definition holds none (its static fields have no value until the type is closed).
            .Where(t => t.IsClass && !t.ContainsGenericParameters)
            .SelectMany(t => t.GetFields(BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static))
            .Where(f => typeof(IPermissionTable).IsAssignableFrom(f.FieldType))
            .Select(f => (IPermissionTable)f.GetValue(null)!)
            .OrderBy(table => table.Aggregate, StringComparer.Ordinal)
            .SelectMany(table => table.Entries)
            .ToArray();
}

/// <summary>A table of commands and the roles that may take them; implemented by <see cref="Permissions{TAggregate, TContext}"/>.</summary>
internal interface IPermissionTable
{
    string Aggregate { get; }

    IEnumerable<CommandAuthority> Entries { get; }
}

/// <summary>A role an actor may hold for an aggregate: its description, and how the aggregate tells whether an actor holds it.</summary>
/// <typeparam name="TAggregate">The aggregate.</typeparam>
/// <typeparam name="TContext">What a command tells the check besides the actor (for example the partner concerned).</typeparam>
internal sealed class Role<TAggregate, TContext>(string description, Func<TAggregate, Actor, TContext, bool> holds)
{
    public string Description { get; } = description;

    public bool IsHeldBy(TAggregate aggregate, Actor by, TContext context) => holds(aggregate, by, context);
}

/// <summary>
/// One aggregate's authorization table: the roles and, for each command, the roles that may take it. Commands call
/// <see cref="Command{TAggregate, TContext}.Authorize"/> first; <see cref="Authorization.Matrix"/> reads the table.
/// </summary>
/// <typeparam name="TAggregate">The aggregate.</typeparam>
/// <typeparam name="TContext">What a command tells the check besides the actor.</typeparam>
/// <param name="aggregate">The aggregate's name, as the matrix lists it.</param>
/// <param name="partnerName">
/// How a refusal names the partner an actor acts for, from the aggregate and the command's context (a member's name, a
/// party's name, a voter's name), or null when they do not know it; the message then shows the partner's id. It must
/// not throw: it also runs on the view of an aggregate being created.
/// </param>
/// <param name="personName">How a refusal names the person acting (a coordinator's name), or null when unknown.</param>
internal sealed class Permissions<TAggregate, TContext>(
    string aggregate,
    Func<TAggregate, TContext, PartnerId, string?>? partnerName = null,
    Func<TAggregate, TContext, PersonId, string?>? personName = null) : IPermissionTable
{
    private readonly List<Command<TAggregate, TContext>> _commands = [];

    public string Aggregate { get; } = aggregate;

    public IEnumerable<CommandAuthority> Entries =>
        _commands.Select(c => new CommandAuthority(Aggregate, c.Name, c.Roles.Select(r => r.Description).ToArray(), c.RefusedWith));

    /// <summary>The host system acting on its own (a scheduler), for commands that name it.</summary>
    public static Role<TAggregate, TContext> System { get; } = new("the host system (scheduled work)", static (_, by, _) => by.Kind == ActorKind.System);

    /// <summary>Any person, for commands open to everyone (registering oneself, founding a coalition).</summary>
    public static Role<TAggregate, TContext> AnyPerson { get; } = new("any person", static (_, by, _) => by.Kind == ActorKind.Person);

#pragma warning disable CA1822 // An instance member, so a table reads as one declaration: Table.Role(...), Table.Command(...).
    public Role<TAggregate, TContext> Role(string description, Func<TAggregate, Actor, TContext, bool> holds) => new(description, holds);
#pragma warning restore CA1822

    public Command<TAggregate, TContext> Command(string name, ErrorCode refusedWith, params Role<TAggregate, TContext>[] roles)
    {
        var command = new Command<TAggregate, TContext>(this, name, refusedWith, roles);
        _commands.Add(command);
        return command;
    }

    /// <summary>
    /// The actor as a refusal names it: "The system process 'scheduler'", "Amina Otieno", "Person {id} acting for Reading
    /// Alliance"; a name where the aggregate or the context knows one, an id otherwise.
    /// </summary>
    public string DescribeActor(TAggregate aggregate, TContext context, Actor by)
    {
        if (by.Kind == ActorKind.System)
        {
            return $"The system process '{by.Process}'";
        }

        var person = by.Person is { } id && personName?.Invoke(aggregate, context, id) is { Length: > 0 } named ? named : $"Person {by.Person}";
        if (by.OnBehalfOf is not { } partner)
        {
            return person;
        }

        return partnerName?.Invoke(aggregate, context, partner) is { Length: > 0 } partnerNamed
            ? $"{person} acting for {partnerNamed}"
            : $"{person} acting for partner {partner}";
    }
}

/// <summary>One command's entry in an authorization table.</summary>
/// <typeparam name="TAggregate">The aggregate.</typeparam>
/// <typeparam name="TContext">What the command tells the check besides the actor.</typeparam>
internal sealed class Command<TAggregate, TContext>
{
    private readonly Permissions<TAggregate, TContext> _table;

    // An array, not the list interface: every command checks its roles, and an interface's enumerator is an allocation.
    private readonly Role<TAggregate, TContext>[] _roles;

    internal Command(Permissions<TAggregate, TContext> table, string name, ErrorCode refusedWith, Role<TAggregate, TContext>[] roles)
    {
        _table = table;
        Name = name;
        RefusedWith = refusedWith;
        _roles = roles;
        Roles = Array.AsReadOnly(roles);
    }

    public string Name { get; }

    public ErrorCode RefusedWith { get; }

    public IReadOnlyList<Role<TAggregate, TContext>> Roles { get; }

    /// <summary>
    /// Checks the actor and the instant at the door, then that the actor holds one of the command's roles.
    /// </summary>
    /// <param name="aggregate">The aggregate (for a creation command, a view of what is being created).</param>
    /// <param name="by">The actor.</param>
    /// <param name="at">When the command happens.</param>
    /// <param name="context">What the roles need to know (for example the partner concerned).</param>
    /// <param name="subject">How the message names the aggregate (a title, a name).</param>
    /// <returns>The actor, checked.</returns>
    /// <exception cref="CoalitionRuleException">The actor is missing or ill-formed, the instant is out of range, or the actor holds no role.</exception>
    public Actor Authorize(TAggregate aggregate, Actor? by, Instant at, TContext context, string subject)
    {
        Ensure.Actor(by);
        Ensure.At(at);
        if (Check(aggregate, by, context, subject) is { } failure)
        {
            throw new CoalitionRuleException([failure]);
        }

        return by;
    }

    /// <summary>The refusal an actor would meet, or null when it holds one of the roles.</summary>
    public RuleFailure? Check(TAggregate aggregate, Actor by, TContext context, string subject)
    {
        foreach (var role in _roles)
        {
            if (role.IsHeldBy(aggregate, by, context))
            {
                return null;
            }
        }

        return RuleFailure.Unauthorized(
            RefusedWith,
            "{actor} may not {command} {subject}: only {roles} may.",
            [("actor", _table.DescribeActor(aggregate, context, by)), ("command", Words.Identifier(Name)), ("subject", subject), ("roles", Words.Alternatives(Roles.Select(r => r.Description)))]);
    }
}
