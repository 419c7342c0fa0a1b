using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;
using Coalitions.Core.Storage;
using NodaTime;

namespace Coalitions.Core.Benchmarks;

/// <summary>A proposal whose 1,000 members have cast 100,000 ballots (each changed a hundred times), built by its commands.</summary>
internal static class HundredThousandBallots
{
    public const int Voters = 1_000;
    public const int Ballots = 100_000;

    private static readonly Lazy<IDomainEvent[]> History = new(Build);

    public static IDomainEvent[] Events => History.Value;

    private static IDomainEvent[] Build()
    {
        var start = Instant.FromUtc(2026, 3, 2, 9, 0);
        var chair = PersonId.New();
        var members = Enumerable.Range(0, Voters).Select(_ => PartnerId.New()).ToArray();
        var delegates = Enumerable.Range(0, Voters).Select(_ => PersonId.New()).ToArray();
        var electorate = new Electorate(members.Select((m, i) => new Voter(m, [delegates[i]], name: $"Member {i}")).ToArray());
        var proposal = Proposal.Draft(
            ProposalId.New(),
            new ProposalDraft(CoalitionId.New(), MatterType.AdoptPolicyPosition, "A long vote", "The text.", members[0], DecisionRule.SimpleMajority().WithVotingPeriod(Duration.FromDays(30)), [chair]),
            Actor.Representing(delegates[0], members[0]),
            start);
        proposal.Submit(Actor.Representing(delegates[0], members[0]), start);
        proposal.OpenVoting(electorate, Actor.ForPerson(chair), start);
        var stances = new[] { Stance.Support, Stance.Oppose, Stance.Abstain };
        for (var i = 0; i < Ballots; i++)
        {
            var m = i % Voters;
            proposal.CastBallot(members[m], stances[(i / Voters + m) % 3], null, Actor.Representing(delegates[m], members[m]), start + Duration.FromSeconds(i + 1));
        }

        return proposal.DequeueUncommittedEvents().ToArray();
    }
}

/// <summary>
/// BallotCast events to and from JSON, one event per operation (events/s = 1 / mean): the compact shape written and read
/// by hand, against the general source-generated polymorphic serializer on the shape it writes (version 1, today's
/// shape before this change), in the same run.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 2, iterationCount: 6)]
public class EventJsonBenchmarks
{
    private BallotCast[] _ballots = [];
    private string[] _compact = [];
    private string[] _general = [];

    [GlobalSetup]
    public void Setup()
    {
        _ballots = HundredThousandBallots.Events.OfType<BallotCast>().Take(10_000).ToArray();
        _compact = _ballots.Select(b => CoalitionsJson.SerializeEvent(b)).ToArray();
        _general = _ballots.Select(b => JsonSerializer.Serialize<IDomainEvent>(b, CoalitionsJson.Options)).ToArray();
        Console.WriteLine($"// BallotCast JSON: general shape {_general.Average(s => s.Length):F0} bytes, compact {_compact.Average(s => s.Length):F0} bytes");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 10_000, Description = "read: general reader, version 1 shape")]
    public int ReadGeneral()
    {
        var n = 0;
        foreach (var json in _general)
        {
            n += ((BallotCast)JsonSerializer.Deserialize(json, CoalitionsJson.Options.GetTypeInfo(typeof(IDomainEvent)))!).Round;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = 10_000, Description = "read: DeserializeEvent, compact (shape checked)")]
    public int ReadCompact()
    {
        var n = 0;
        foreach (var json in _compact)
        {
            n += ((BallotCast)CoalitionsJson.DeserializeEvent(json)).Round;
        }

        return n;
    }

    /// <summary>For a profiler: reads, then writes, compact ballots, each for about half the given time.</summary>
    internal static void Profile(TimeSpan duration)
    {
        var bench = new EventJsonBenchmarks();
        bench.Setup();
        GcWatch.Run("ballots read", duration / 2, () => { bench.ReadCompact(); return bench._ballots.Length; });
        GcWatch.Run("ballots written", duration / 2, () => { bench.WriteCompact(); return bench._ballots.Length; });
    }

    [Benchmark(OperationsPerInvoke = 10_000, Description = "write: general writer, version 1 shape")]
    public int WriteGeneral()
    {
        var n = 0;
        foreach (var ballot in _ballots)
        {
            n += JsonSerializer.Serialize<IDomainEvent>(ballot, CoalitionsJson.Options).Length;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = 10_000, Description = "write: SerializeEvent, compact")]
    public int WriteCompact()
    {
        var n = 0;
        foreach (var ballot in _ballots)
        {
            n += CoalitionsJson.SerializeEvent(ballot).Length;
        }

        return n;
    }
}

/// <summary>
/// Rehydrating the 100,000-ballot proposal from its stored JSON texts, against applying the events already deserialized
/// (the baseline). Two ways from text: loading it through the aggregate store (from an in-memory event store, whose read
/// hands over the stored rows), which applies the ballots straight from their text, and deserializing every event with
/// <see cref="CoalitionsJson.DeserializeEvent"/> and applying the events. Each operation is one event.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class RehydrationBenchmarks
{
    private const int Events = HundredThousandBallots.Ballots + 3;
    private string[] _json = [];
    private IDomainEvent[] _events = [];
    private AggregateStore _store = null!;
    private ProposalId _id;

    [GlobalSetup]
    public void Setup()
    {
        _events = HundredThousandBallots.Events;
        _json = _events.Select(CoalitionsJson.SerializeEvent).ToArray();
        _id = ((ProposalDrafted)_events[0]).Proposal;
        var events = new InMemoryEventStore();
        var stream = AggregateType.Of<Proposal>().StreamNameFor(_id);
        var recorded = Instant.FromUtc(2026, 3, 2, 9, 0);
        var version = 0L;
        foreach (var batch in _events.Chunk(1_000))
        {
            var data = batch.Select(e => EventSerializer.Default.Serialize(e, Guid.NewGuid(), recorded)).ToArray();
            events.AppendAsync(stream, version, data).GetAwaiter().GetResult();
            version += data.Length;
        }

        _store = new AggregateStore(events, SystemClock.Instance);
        if (LoadFromStore().Version != Events)
        {
            throw new InvalidOperationException("The stored proposal did not load whole.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events, Description = "apply events already deserialized")]
    public Proposal ApplyOnly() => Proposal.Rehydrate(_events);

    [Benchmark(OperationsPerInvoke = Events, Description = "load the stored JSON through the aggregate store")]
    public Proposal LoadFromStore() => _store.LoadAsync<Proposal>(_id).GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Events, Description = "deserialize every event, then apply")]
    public Proposal DeserializeAndApply() => Proposal.Rehydrate(_json.Select(CoalitionsJson.DeserializeEvent));

    /// <summary>For a profiler: loads from the store, rehydrates from deserialized JSON, then from events, each for about a third of the given time.</summary>
    internal static void Profile(TimeSpan duration)
    {
        var bench = new RehydrationBenchmarks();
        bench.Setup();
        GcWatch.Run("events loaded from the store", duration / 3, () => bench.LoadFromStore().Version);
        GcWatch.Run("events rehydrated from JSON", duration / 3, () => bench.DeserializeAndApply().Version);
        GcWatch.Run("events applied", duration / 3, () => bench.ApplyOnly().Version);
    }
}

/// <summary>
/// A frozen electorate of 100,000 voters (one representative each, a name, weights 1 to 10) read from JSON: the columnar
/// shape of VotingOpened version 2 against the one-object-per-voter shape of version 1 (still read), in the same run.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ElectorateJsonBenchmarks
{
    private string _columns = string.Empty;
    private string _objects = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2026);
        var voters = Enumerable.Range(0, 100_000).Select(i => new Voter(PartnerId.New(), [PersonId.New()], random.Next(1, 11), name: $"Member organization {i}")).ToArray();
        _columns = CoalitionsJson.Serialize(new Electorate(voters));
        _objects = "{\"voters\":" + JsonSerializer.Serialize(voters, CoalitionsJson.Options.GetTypeInfo(typeof(IReadOnlyList<Voter>))) + ",\"chambers\":[]}";
        Console.WriteLine($"// Electorate of 100,000: one object per voter {_objects.Length:N0} bytes, columns {_columns.Length:N0} bytes");
    }

    [Benchmark(Baseline = true, Description = "read 100,000 voters, one object each (v1)")]
    public int ReadObjects() => CoalitionsJson.Deserialize<Electorate>(_objects)!.Count;

    [Benchmark(Description = "read 100,000 voters, columns (v2)")]
    public int ReadColumns() => CoalitionsJson.Deserialize<Electorate>(_columns)!.Count;

    [Benchmark(Description = "write 100,000 voters, columns (v2)")]
    public int WriteColumns() => CoalitionsJson.Serialize(CoalitionsJson.Deserialize<Electorate>(_columns)!).Length;
}
