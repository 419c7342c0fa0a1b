using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.PostgreSql;
using Coalitions.Core.Serialization;
using Coalitions.Core.Sqlite;
using Coalitions.Core.Storage;
using Coalitions.Core.Storage.Tests.PostgreSql;
using NodaTime;

namespace Coalitions.Core.Benchmarks;

/// <summary>Shared by the storage benchmarks: a proposal whose 1,000 members have cast 10,000 ballots.</summary>
internal static class LongProposal
{
    public const int Voters = 1_000;
    public const int Ballots = 10_000;
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    public static readonly PersonId Chair = PersonId.New();

    public static (Proposal Proposal, PartnerId[] Members, PersonId[] Delegates) Build()
    {
        var members = Enumerable.Range(0, Voters).Select(_ => PartnerId.New()).ToArray();
        var delegates = Enumerable.Range(0, Voters).Select(_ => PersonId.New()).ToArray();
        var electorate = new Electorate(members.Select((m, i) => new Voter(m, [delegates[i]])).ToArray());
        var proposal = Proposal.Draft(
            ProposalId.New(),
            new ProposalDraft(CoalitionId.New(), MatterType.AdoptPolicyPosition, "A long vote", "The text.", members[0], DecisionRule.SimpleMajority(), [Chair]),
            Actor.Representing(delegates[0], members[0]),
            Start);
        proposal.Submit(Actor.Representing(delegates[0], members[0]), Start);
        proposal.OpenVoting(electorate, Actor.ForPerson(Chair), Start);
        var stances = new[] { Stance.Support, Stance.Oppose, Stance.Abstain };
        for (var i = 0; i < Ballots; i++)
        {
            var m = i % Voters;
            proposal.CastBallot(members[m], stances[(i / Voters + m) % 3], null, Actor.Representing(delegates[m], members[m]), Start + Duration.FromSeconds(i + 1));
        }

        return (proposal, members, delegates);
    }
}

/// <summary>
/// Append throughput per store, one event per append and 100 per append, against the in-memory store in the same run.
/// Each operation is one event, so events/s = 1 / mean. SQLite is a WAL file with synchronous=NORMAL; PostgreSQL is a
/// local throwaway cluster with fsync off (a durable server adds its commit flush to every append, under the append lock).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StorageAppendBenchmarks
{
    private const int Events = 1_000;
    private static readonly Instant At = Instant.FromUtc(2026, 3, 2, 9, 0);
    private readonly EventData[] _events = Enumerable.Range(0, Events).Select(_ => EventSerializer.Default.Serialize(new ProposalSubmitted(ProposalId.New(), At, Actor.System("benchmark")), Guid.NewGuid(), At)).ToArray();
    private string _folder = null!;
    private IEventStore _memory = null!;
    private SqliteEventStore _sqlite = null!;
    private PostgreSqlCluster? _cluster;
    private PostgreSqlEventStore? _postgres;
    private int _run;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("coalitions-bench-").FullName;
        _memory = new InMemoryEventStore();
        _sqlite = SqliteEventStore.Open(Path.Combine(_folder, "events.db"));
    }

    [GlobalSetup(Targets = [nameof(PostgreSqlSingle), nameof(PostgreSqlBatched)])]
    public void SetupPostgreSql()
    {
        Setup();
        _cluster = PostgreSqlCluster.StartAsync(PostgreSqlCluster.FindBinaries() ?? throw new InvalidOperationException(PostgreSqlCluster.InstallHint)).GetAwaiter().GetResult();
        _postgres = PostgreSqlEventStore.OpenAsync(_cluster.ConnectionString).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sqlite.Dispose();
        _postgres?.Dispose();
        _cluster?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events), BenchmarkCategory("one event per append")]
    public Task InMemorySingle() => AppendSingleAsync(_memory);

    [Benchmark(OperationsPerInvoke = Events), BenchmarkCategory("one event per append")]
    public Task SqliteSingle() => AppendSingleAsync(_sqlite);

    [Benchmark(OperationsPerInvoke = Events), BenchmarkCategory("one event per append")]
    public Task PostgreSqlSingle() => AppendSingleAsync(_postgres!);

    [Benchmark(Baseline = true, OperationsPerInvoke = Events), BenchmarkCategory("100 events per append")]
    public Task InMemoryBatched() => AppendBatchedAsync(_memory);

    [Benchmark(OperationsPerInvoke = Events), BenchmarkCategory("100 events per append")]
    public Task SqliteBatched() => AppendBatchedAsync(_sqlite);

    [Benchmark(OperationsPerInvoke = Events), BenchmarkCategory("100 events per append")]
    public Task PostgreSqlBatched() => AppendBatchedAsync(_postgres!);

    private async Task AppendSingleAsync(IEventStore store)
    {
        var stream = $"proposal-single-{_run++}";
        for (var i = 0; i < Events; i++)
        {
            await store.AppendAsync(stream, i, [_events[i]]);
        }
    }

    private async Task AppendBatchedAsync(IEventStore store)
    {
        var stream = $"proposal-batched-{_run++}";
        for (var i = 0; i < Events; i += 100)
        {
            await store.AppendAsync(stream, i, _events[i..(i + 100)]);
        }
    }
}

/// <summary>Reading a 10,000-event stream back per store (raw rows), against the in-memory store. Each operation is one event.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class StorageLoadBenchmarks
{
    private string _folder = null!;
    private string _stream = null!;
    private InMemoryEventStore _memory = null!;
    private SqliteEventStore _sqlite = null!;
    private PostgreSqlCluster? _cluster;
    private PostgreSqlEventStore? _postgres;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("coalitions-bench-").FullName;
        var (proposal, _, _) = LongProposal.Build();
        _stream = proposal.StreamName;
        var data = proposal.DequeueUncommittedEvents().Select(e => EventSerializer.Default.Serialize(e, Guid.NewGuid(), LongProposal.Start)).ToArray();
        _memory = new InMemoryEventStore();
        _sqlite = SqliteEventStore.Open(Path.Combine(_folder, "events.db"));
        foreach (IEventStore store in new IEventStore[] { _memory, _sqlite })
        {
            store.AppendAsync(_stream, 0, data).GetAwaiter().GetResult();
        }

        if (PostgreSqlCluster.FindBinaries() is { } binaries)
        {
            _cluster = PostgreSqlCluster.StartAsync(binaries).GetAwaiter().GetResult();
            _postgres = PostgreSqlEventStore.OpenAsync(_cluster.ConnectionString).GetAwaiter().GetResult();
            _postgres.AppendAsync(_stream, 0, data).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sqlite.Dispose();
        _postgres?.Dispose();
        _cluster?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = LongProposal.Ballots + 3)]
    public Task<IReadOnlyList<StoredEvent>> InMemory() => _memory.ReadStreamAsync(_stream, 1);

    [Benchmark(OperationsPerInvoke = LongProposal.Ballots + 3)]
    public Task<IReadOnlyList<StoredEvent>> Sqlite() => _sqlite.ReadStreamAsync(_stream, 1);

    [Benchmark(OperationsPerInvoke = LongProposal.Ballots + 3)]
    public Task<IReadOnlyList<StoredEvent>> PostgreSql() => _postgres!.ReadStreamAsync(_stream, 1);
}

/// <summary>
/// A full command round trip on SQLite: load a proposal with 10,000 ballots, cast one more, save. Replaying every event,
/// against loading the latest snapshot (taken every 1,000 events) plus the events after it.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class StorageRoundTripBenchmarks
{
    private string _folder = null!;
    private SqliteEventStore _sqlite = null!;
    private AggregateStore _replaying = null!;
    private AggregateStore _snapshotting = null!;
    private ProposalId _proposal;
    private PartnerId[] _members = [];
    private PersonId[] _delegates = [];
    private int _ballot;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("coalitions-bench-").FullName;
        _sqlite = SqliteEventStore.Open(Path.Combine(_folder, "events.db"));
        var clock = NodaTime.SystemClock.Instance;
        _replaying = new AggregateStore(_sqlite, clock, new AggregateStoreOptions { Snapshots = new InMemoryEventStore(), SnapshotEvery = 0 });
        _snapshotting = new AggregateStore(_sqlite, clock, new AggregateStoreOptions { SnapshotEvery = 1_000 });
        var (proposal, members, delegates) = LongProposal.Build();
        (_members, _delegates, _proposal) = (members, delegates, proposal.Id);
        _replaying.SaveAsync(proposal).GetAwaiter().GetResult();

        // Both stores read the same stream; only one of them reads (and keeps taking) snapshots.
        _snapshotting.SaveSnapshotAsync(proposal).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sqlite.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task<AppendResult> ReplayEveryEvent() => CastOneMoreAsync(_replaying, _proposal);

    [Benchmark]
    public Task<AppendResult> FromSnapshotAndTail() => CastOneMoreAsync(_snapshotting, _proposal);

    private async Task<AppendResult> CastOneMoreAsync(AggregateStore store, ProposalId id)
    {
        var proposal = await store.LoadAsync<Proposal>(id);
        var m = _ballot++ % LongProposal.Voters;
        proposal.CastBallot(_members[m], Stance.Support, null, Actor.Representing(_delegates[m], _members[m]), LongProposal.Start + Duration.FromSeconds(LongProposal.Ballots + 1) + Duration.FromMilliseconds(_ballot));
        return await store.SaveAsync(proposal);
    }
}

/// <summary>Rehydrating a proposal from 10,003 stored JSON texts (deserialize plus apply), against applying events already deserialized. Each operation is one event.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class StorageRehydrationBenchmarks
{
    private string[] _json = [];
    private IDomainEvent[] _events = [];

    [GlobalSetup]
    public void Setup()
    {
        _events = LongProposal.Build().Proposal.DequeueUncommittedEvents().ToArray();
        _json = _events.Select(CoalitionsJson.SerializeEvent).ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = LongProposal.Ballots + 3)]
    public Proposal ApplyOnly() => Proposal.Rehydrate(_events);

    [Benchmark(OperationsPerInvoke = LongProposal.Ballots + 3)]
    public Proposal DeserializeAndApply() => Proposal.Rehydrate(_json.Select(CoalitionsJson.DeserializeEvent));
}
