using System.Text.Json.Nodes;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;
using Coalitions.Core.Tests.Kit;

namespace Coalitions.Core.Tests.House;

/// <summary>
/// The event store is written by someone else: real stored histories, mutated at random (events dropped,
/// duplicated, reordered, moved to another aggregate, fields corrupted), are read and replayed. Reading a stored
/// event either gives an event or throws <see cref="StoredEventException"/>; replaying a history either gives an
/// aggregate or throws <see cref="StoredEventException"/>; nothing else escapes.
/// </summary>
public class StoredEventFuzzTests
{
    public static TheoryData<HostileCase> Cases() => new(HostileCases.All);

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_mutated_history_loads_or_fails_with_the_documented_error(HostileCase attack)
    {
        var random = new Random(1201);
        var failures = new List<string>();
        foreach (var history in attack.Seeds())
        {
            var stored = history.Select(CoalitionsJson.SerializeEvent).ToList();
            for (var trial = 0; trial < 300 && failures.Count < 10; trial++)
            {
                var mutated = Mutate(stored, random, out var what);
                var events = new List<IDomainEvent>();
                foreach (var json in mutated)
                {
                    try
                    {
                        events.Add(CoalitionsJson.DeserializeEvent(json));
                    }
                    catch (StoredEventException e)
                    {
                        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, e.Code);
                    }
                    catch (Exception e)
                    {
                        failures.Add($"{attack.Name}, {what}: reading threw {e.GetType().Name}: {e.Message}");
                    }
                }

                try
                {
                    attack.Rehydrate(events);
                }
                catch (StoredEventException e)
                {
                    Assert.Equal(ErrorCodes.Kernel.CorruptHistory, e.Code);
                }
                catch (Exception e)
                {
                    failures.Add($"{attack.Name}, {what}: replaying threw {e.GetType().Name}: {e.Message}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct()));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_history_that_names_another_aggregate_or_creates_twice_is_refused(HostileCase attack)
    {
        foreach (var history in attack.Seeds().Where(h => h.Count > 1))
        {
            var stored = history.Select(CoalitionsJson.SerializeEvent).ToList();

            var retargeted = stored.ToList();
            retargeted[^1] = Retarget(retargeted[^1]);
            AssertCorrupt(attack, retargeted);

            var recreated = stored.Append(stored[0]).ToList();
            AssertCorrupt(attack, recreated);

            var headless = stored.Skip(1).ToList();
            AssertCorrupt(attack, headless);
        }

        AssertCorrupt(attack, []);
    }

    private static void AssertCorrupt(HostileCase attack, IReadOnlyList<string> stored)
    {
        var error = Assert.Throws<StoredEventException>(() => attack.Rehydrate(stored.Select(CoalitionsJson.DeserializeEvent)));
        Assert.Equal(ErrorCodes.Kernel.CorruptHistory, error.Code);
    }

    // The event's first property names its aggregate; point it at another one.
    private static string Retarget(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        var first = node.First(p => p.Key != "$type").Key;
        node[first] = Guid.NewGuid().ToString("D");
        return node.ToJsonString();
    }

    private static List<string> Mutate(List<string> stored, Random random, out string what)
    {
        var events = stored.ToList();
        var i = random.Next(events.Count);
        switch (random.Next(7))
        {
            case 0:
                events.RemoveAt(i);
                what = $"event {i + 1} dropped";
                break;
            case 1:
                events.Insert(i, events[i]);
                what = $"event {i + 1} duplicated";
                break;
            case 2:
                var j = random.Next(events.Count);
                (events[i], events[j]) = (events[j], events[i]);
                what = $"events {i + 1} and {j + 1} swapped";
                break;
            case 3:
                events[i] = Retarget(events[i]);
                what = $"event {i + 1} retargeted";
                break;
            case 4:
                events[i] = events[i][..random.Next(events[i].Length)];
                what = $"event {i + 1} truncated";
                break;
            default:
                events[i] = CorruptField(events[i], random, out var field);
                what = $"event {i + 1} field {field} corrupted";
                break;
        }

        return events;
    }

    private static string CorruptField(string json, Random random, out string field)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        var leaves = new List<(JsonNode Parent, object Key)>();
        Collect(node, leaves);
        if (leaves.Count == 0)
        {
            field = "none";
            return json;
        }

        var (parent, key) = leaves[random.Next(leaves.Count)];
        JsonNode? replacement = random.Next(10) switch
        {
            0 => null,
            1 => JsonValue.Create(-1),
            2 => JsonValue.Create(long.MaxValue),
            3 => JsonValue.Create("Support, Oppose"),
            4 => JsonValue.Create("00000000-0000-0000-0000-000000000000"),
            5 => JsonValue.Create(new string('x', 200_000)),
            6 => JsonValue.Create("bell\u0007"),
            7 => new JsonArray(),
            8 => JsonValue.Create(99),
            _ => JsonValue.Create("9999-99-99T99:99:99Z"),
        };
        field = key.ToString()!;
        if (parent is JsonObject obj)
        {
            if (random.Next(5) == 0)
            {
                obj.Remove((string)key);
            }
            else
            {
                obj[(string)key] = replacement;
            }
        }
        else
        {
            ((JsonArray)parent)[(int)key] = replacement;
        }

        return node.ToJsonString();
    }

    private static void Collect(JsonNode node, List<(JsonNode Parent, object Key)> leaves)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj.ToList())
            {
                if (key == "$type")
                {
                    continue;
                }

                leaves.Add((obj, key));
                if (value is not null)
                {
                    Collect(value, leaves);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                leaves.Add((array, i));
                if (array[i] is { } item)
                {
                    Collect(item, leaves);
                }
            }
        }
    }
}
