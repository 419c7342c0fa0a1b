using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;
using NodaTime;

namespace Coalitions.Core.Tests.Kit;

/// <summary>
/// Values a hostile or careless host might pass: the scenario's real values mixed with empty ids, nulls, ill-formed
/// actors, texts with control characters or of absurd length, undefined enum values, instants and dates at the
/// calendar's edges, periods with hours, and input records with one property broken.
/// </summary>
public sealed class ValuePool
{
    private readonly Dictionary<Type, List<Func<Random, object?>>> _values = [];

    /// <summary>Adds fixed values of a type (real scenario values: ids, actors, instants, inputs).</summary>
    public ValuePool Add<T>(params T[] values)
    {
        foreach (var value in values)
        {
            Add<T>(_ => value);
        }

        return this;
    }

    /// <summary>Adds a generator of values of a type (for inputs that must be fresh each time).</summary>
    public ValuePool Add<T>(Func<Random, T> make)
    {
        if (!_values.TryGetValue(typeof(T), out var list))
        {
            _values[typeof(T)] = list = [];
        }

        list.Add(random => make(random));
        return this;
    }

    // What Hostile returns for a type it has no hostile values of; null is a hostile value in its own right.
    private static readonly object NoValue = new();

    public object? Next(Type type, Random random, int depth = 0)
    {
        var registered = _values.TryGetValue(type, out var list) ? list : null;
        // Mostly real values, so commands get past their first checks; sometimes hostile ones (null among them).
        if (registered is { Count: > 0 } && random.Next(4) != 0)
        {
            var value = registered[random.Next(registered.Count)](random);
            return value is not null && random.Next(6) == 0 && depth < 2 ? Break(value, random) : value;
        }

        var hostile = Hostile(type, random, depth);
        return !ReferenceEquals(hostile, NoValue) ? hostile
            : registered is { Count: > 0 } ? registered[random.Next(registered.Count)](random)
            : type.IsValueType ? Activator.CreateInstance(type)
            : null;
    }

    private object? Hostile(Type type, Random random, int depth)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return random.Next(3) == 0 ? null : Next(inner, random, depth);
        }

        if (type == typeof(Actor))
        {
            return random.Next(5) switch
            {
                0 => null,
                1 => Actor.System("scheduler"),
                2 => Actor.ForPerson(PersonId.New()),
                3 => Actor.Representing(PersonId.New(), PartnerId.New()),
                _ => new Actor(ActorKind.Person, default(PersonId), null, null),
            };
        }

        if (type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ITypedId<>)))
        {
            return random.Next(2) == 0 ? Activator.CreateInstance(type) : type.GetMethod("New")!.Invoke(null, null);
        }

        if (type == typeof(string))
        {
            return random.Next(10) switch
            {
                7 => "  padded with spaces  ",
                8 => "\uFEFFzero\u200Bwidth and right-to-left \u202Etxet",
                0 => null,
                1 => string.Empty,
                2 => "   ",
                3 => new string('x', 100_001),
                4 => "bell\u0007text",
                5 => "line\nbreak",
                6 => "half \ud83d of a character",
                _ => "A plain text.",
            };
        }

        if (type == typeof(int))
        {
            return new[] { 0, 1, -1, 2, 3, 5, 50, int.MaxValue, int.MinValue }[random.Next(9)];
        }

        if (type == typeof(long))
        {
            return new[] { 0L, 1, -1, 10, 1_000_000_000_000_000, long.MaxValue, long.MinValue }[random.Next(7)];
        }

        if (type == typeof(decimal))
        {
            return new[] { 0m, 1m, -1m, 0.5m, 1_000_000m, decimal.MaxValue, decimal.MinValue }[random.Next(7)];
        }

        if (type == typeof(bool))
        {
            return random.Next(2) == 0;
        }

        if (type == typeof(ulong))
        {
            return new[] { 0UL, 42UL, ulong.MaxValue }[random.Next(3)];
        }

        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return random.Next(4) == 0 ? Enum.ToObject(type, random.Next(2) == 0 ? 0 : 99) : values.GetValue(random.Next(values.Length));
        }

        if (type == typeof(Instant))
        {
            return new[] { Instant.MinValue, Instant.MaxValue, Limits.LatestInstant - Duration.Epsilon, Limits.EarliestInstant, Instant.FromUtc(2999, 12, 31, 0, 0) }[random.Next(5)];
        }

        if (type == typeof(LocalDate))
        {
            // Dates of other calendars too: NodaTime refuses to compare them with ISO dates, by an ArgumentException.
            return new[] { LocalDate.MinIsoValue, LocalDate.MaxIsoValue, new LocalDate(2999, 12, 31), new LocalDate(1900, 1, 1), new LocalDate(2026, 4, 1, CalendarSystem.Julian), new LocalDate(2026, 4, 1, CalendarSystem.Gregorian) }[random.Next(6)];
        }

        if (type == typeof(Period))
        {
            return new[] { null, Period.Zero, Period.FromHours(5), Period.FromYears(-1), Period.FromYears(1000), Period.FromDays(1), Period.FromMonths(12) }[random.Next(7)];
        }

        if (type == typeof(Duration))
        {
            return new[] { Duration.Zero, Duration.FromHours(-1), Duration.FromDays(1_000_000), Duration.MaxValue, Duration.FromHours(1) }[random.Next(5)];
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition &&
            (definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IList<>)))
        {
            return List(type.GetGenericArguments()[0], random, depth);
        }

        if (type.IsArray)
        {
            var items = (IList)List(type.GetElementType()!, random, depth)!;
            if (items is null)
            {
                return null;
            }

            var array = Array.CreateInstance(type.GetElementType()!, items.Count);
            items.CopyTo(array, 0);
            return array;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            var arguments = type.GetGenericArguments();
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
            if (random.Next(4) == 0)
            {
                return null;
            }

            for (var i = random.Next(3); i > 0 && depth < 3; i--)
            {
                var key = Next(arguments[0], random, depth + 1);
                if (key is not null)
                {
                    dictionary[key] = Next(arguments[1], random, depth + 1);
                }
            }

            return dictionary;
        }

        // A reference type the pool knows nothing hostile about: null. A value type: nothing to offer.
        return type.IsValueType ? NoValue : null;
    }

    private object? List(Type element, Random random, int depth)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        switch (random.Next(6))
        {
            case 0:
                return null;
            case 1:
                return list;
            default:
                for (var i = 1 + random.Next(3); i > 0 && depth < 3; i--)
                {
                    var item = Next(element, random, depth + 1);
                    if (item is not null || !element.IsValueType)
                    {
                        list.Add(item);
                    }
                }

                return list;
        }
    }

    // A copy of an input record with one property set to a hostile value (through its backing field).
    private object Break(object value, Random random)
    {
        var type = value.GetType();
        var clone = type.GetMethod("<Clone>$");
        if (clone is null || type.Namespace?.StartsWith("Coalitions.Core", StringComparison.Ordinal) != true)
        {
            return value;
        }

        var copy = clone.Invoke(value, null)!;
        var fields = type.GetFields(BindingFlags.NonPublic | BindingFlags.Instance).Where(f => f.Name.EndsWith(">k__BackingField", StringComparison.Ordinal)).ToArray();
        if (fields.Length == 0)
        {
            return value;
        }

        var field = fields[random.Next(fields.Length)];
        var hostile = Hostile(field.FieldType, random, 2);
        if (ReferenceEquals(hostile, NoValue) || (hostile is null && field.FieldType.IsValueType && Nullable.GetUnderlyingType(field.FieldType) is null))
        {
            return value;
        }

        field.SetValue(copy, hostile);
        return copy;
    }
}

/// <summary>One aggregate type under attack: how to build its starting states and rebuild it from events.</summary>
/// <param name="Name">The aggregate's name.</param>
/// <param name="Seeds">Histories of real states to start from.</param>
/// <param name="Rehydrate">The aggregate's <c>Rehydrate</c>.</param>
/// <param name="Pool">The values to call its commands with.</param>
public sealed record HostileCase(string Name, Func<IReadOnlyList<IReadOnlyList<IDomainEvent>>> Seeds, Func<IEnumerable<IDomainEvent>, object> Rehydrate, ValuePool Pool)
{
    public override string ToString() => Name;
}

/// <summary>
/// Plays a hostile host against an aggregate: random sequences of its commands with random arguments. A command
/// either succeeds or is refused with <see cref="CoalitionRuleException"/>; a refusal changes nothing a host can
/// observe; and whatever succeeded can be stored as JSON and read back into the same state.
/// </summary>
public static class HostileHost
{
    public static IReadOnlyList<string> Attack(HostileCase attack, int sequences, int length, int seed)
    {
        var random = new Random(seed);
        var seeds = attack.Seeds();
        var failures = new List<string>();
        var type = attack.Rehydrate(seeds[0]).GetType();
        var commands = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(Actor)))
            .Where(m => m.GetCustomAttribute<ObsoleteAttribute>() is null) // a former name kept for one version forwards to a command attacked under its new name
            .ToArray();
        Assert.NotEmpty(commands);
        var creations = type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m.ReturnType == type && m.GetParameters().Any(p => p.ParameterType == typeof(Actor)))
            .ToArray();
        for (var c = 0; c < sequences && creations.Length > 0; c++)
        {
            var creation = creations[random.Next(creations.Length)];
            var arguments = creation.GetParameters().Select(p => attack.Pool.Next(p.ParameterType, random)).ToArray();
            try
            {
                var created = creation.Invoke(null, arguments)!;
                if (RoundTripProblem(attack, created, [.. Dequeue(created)]) is { } problem)
                {
                    failures.Add($"{attack.Name}.{creation.Name}({Describe(arguments)}): {problem}");
                }
            }
            catch (TargetInvocationException e) when (e.InnerException is CoalitionRuleException)
            {
            }
            catch (TargetInvocationException e)
            {
                failures.Add($"{attack.Name}.{creation.Name}({Describe(arguments)}) threw {e.InnerException!.GetType().Name}: {e.InnerException.Message}");
            }
        }

        for (var s = 0; s < sequences && failures.Count < 20; s++)
        {
            var history = seeds[random.Next(seeds.Count)];
            var aggregate = attack.Rehydrate(history);
            var events = new List<IDomainEvent>(history);
            for (var step = 0; step < length; step++)
            {
                var command = commands[random.Next(commands.Length)];
                var arguments = command.GetParameters().Select(p => attack.Pool.Next(p.ParameterType, random)).ToArray();
                var before = ObservableState.Of(aggregate);
                var version = Version(aggregate);
                try
                {
                    command.Invoke(aggregate, arguments);
                    events.AddRange(Dequeue(aggregate));
                }
                catch (TargetInvocationException e) when (e.InnerException is CoalitionRuleException)
                {
                    if (Version(aggregate) != version || ObservableState.Of(aggregate) != before)
                    {
                        failures.Add($"{attack.Name}.{command.Name}({Describe(arguments)}) was refused ({((CoalitionRuleException)e.InnerException).Code}) but changed the aggregate.");
                        break;
                    }
                }
                catch (TargetInvocationException e)
                {
                    failures.Add($"{attack.Name}.{command.Name}({Describe(arguments)}) threw {e.InnerException!.GetType().Name}: {e.InnerException.Message}");
                    break;
                }
            }

            if (RoundTripProblem(attack, aggregate, events) is { } problem)
            {
                failures.Add(problem);
            }
        }

        return failures.Distinct().ToArray();
    }

    private static string? RoundTripProblem(HostileCase attack, object aggregate, List<IDomainEvent> events)
    {
        try
        {
            var stored = events.Select(CoalitionsJson.SerializeEvent).ToArray();
            var rebuilt = attack.Rehydrate(stored.Select(CoalitionsJson.DeserializeEvent));
            return ObservableState.Of(rebuilt) == ObservableState.Of(aggregate) ? null : $"{attack.Name}: the stored events rebuild a different state.";
        }
        catch (Exception e)
        {
            return $"{attack.Name}: the events of accepted commands cannot be stored and read back ({e.GetType().Name}: {e.Message})";
        }
    }

    private static long Version(object aggregate) => (long)aggregate.GetType().GetProperty("Version")!.GetValue(aggregate)!;

    private static IReadOnlyList<IDomainEvent> Dequeue(object aggregate) =>
        (IReadOnlyList<IDomainEvent>)aggregate.GetType().GetMethod("DequeueUncommittedEvents")!.Invoke(aggregate, null)!;

    private static string Describe(object?[] arguments) => string.Join(", ", arguments.Select(a => a switch
    {
        null => "null",
        string s when s.Length > 30 => $"\"{s[..10]}…\" ({s.Length} chars)",
        string s => $"\"{s.Replace("\n", "\\n", StringComparison.Ordinal)}\"",
        _ => a.ToString() is { Length: > 60 } text ? text[..60] + "…" : a.ToString(),
    }));
}
