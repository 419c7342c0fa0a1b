using Coalitions.Core.Sqlite;
using Coalitions.Core.Storage.Tests.PostgreSql;

namespace Coalitions.Core.Storage.Tests.Conformance;

public sealed class InMemoryEventStoreConformance : EventStoreConformance
{
    protected override Task<IEventStore> CreateStoreAsync() => Task.FromResult<IEventStore>(new InMemoryEventStore());
}

public sealed class SqliteFileEventStoreConformance : EventStoreConformance, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("coalitions-sqlite-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    protected override Task<IEventStore> CreateStoreAsync() => Task.FromResult<IEventStore>(SqliteEventStore.Open(Path.Combine(_folder, "events.db")));
}

public sealed class SqliteInMemoryEventStoreConformance : EventStoreConformance
{
    protected override Task<IEventStore> CreateStoreAsync() => Task.FromResult<IEventStore>(SqliteEventStore.InMemory());
}

[Collection(PostgreSqlTests.Name)]
public sealed class PostgreSqlEventStoreConformance : EventStoreConformance
{
    private readonly PostgreSqlFixture _cluster;

    public PostgreSqlEventStoreConformance(PostgreSqlFixture cluster)
    {
        _cluster = cluster;
        Skip.If(cluster.SkipReason is not null, cluster.SkipReason);
    }

    protected override async Task<IEventStore> CreateStoreAsync() => await _cluster.NewStoreAsync();
}
