using Coalitions.Core.Decisions;
using Coalitions.Core.Sqlite;
using Coalitions.Core.Tests.Kit;
using Microsoft.Data.Sqlite;
using NodaTime.Testing;

namespace Coalitions.Core.Storage.Tests.Sqlite;

public sealed class SqliteEventStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("coalitions-sqlite-").FullName;

    private string File => Path.Combine(_folder, "coalition.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_database_file_keeps_its_events_after_the_store_is_closed_and_opened_again()
    {
        var proposal = Scenario.Voting(DecisionRule.SimpleMajority(), Scenario.Members(3));
        using (var events = SqliteEventStore.Open(File))
        {
            await new AggregateStore(events, new FakeClock(Scenario.Start)).SaveAsync(proposal);
        }

        using var reopened = SqliteEventStore.Open(File);
        var loaded = await new AggregateStore(reopened, new FakeClock(Scenario.Start)).LoadAsync<Proposal>(proposal.Id);

        Assert.Equal(ObservableState.Describe(proposal), ObservableState.Describe(loaded));
    }

    [Fact]
    public void A_database_file_runs_in_wal_mode()
    {
        using var events = SqliteEventStore.Open(File);
        using var connection = new SqliteConnection($"Data Source={File}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", command.ExecuteScalar());
        Assert.Equal(Path.GetFullPath(File), events.DataSource);
    }

    [Fact]
    public void A_database_made_by_a_newer_version_of_the_package_is_refused()
    {
        using (var connection = new SqliteConnection($"Data Source={File};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }

        Assert.Throws<InvalidOperationException>(() => SqliteEventStore.Open(File));
    }

    [Fact]
    public async Task An_in_memory_database_is_private_to_its_store()
    {
        using var first = SqliteEventStore.InMemory();
        using var second = SqliteEventStore.InMemory();
        await first.AppendAsync("proposal-a", 0, [new EventData(Guid.NewGuid(), "T", 1, Scenario.Start, "{}", "{}")]);

        Assert.Single(await first.ReadAllAsync(0, 10));
        Assert.Empty(await second.ReadAllAsync(0, 10));
    }
}
