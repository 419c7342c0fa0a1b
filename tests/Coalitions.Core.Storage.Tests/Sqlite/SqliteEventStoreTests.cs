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

        Assert.Equal(
            "The database has schema version 99, made by a newer version of Coalitions.Core.Sqlite than this one (1).",
            Assert.Throws<InvalidOperationException>(() => SqliteEventStore.Open(File)).Message);
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

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    public void A_database_file_needs_a_path(string? path)
    {
        var refusal = Assert.Throws<ArgumentException>(() => SqliteEventStore.Open(path!));

        Assert.Equal("path", refusal.ParamName);
        Assert.StartsWith("A database file needs a path.", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_store_refuses_to_append_or_read_and_closing_it_again_is_harmless()
    {
        var events = SqliteEventStore.Open(File);
        await events.AppendAsync("proposal-a", 0, [Data()]);

        events.Dispose();
        events.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => events.ReadAllAsync(0, 10));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => events.ReadStreamAsync("proposal-a", 1));
        await Assert.ThrowsAnyAsync<ObjectDisposedException>(() => events.AppendAsync("proposal-a", 1, [Data()]));
    }

    [Fact]
    public async Task A_closed_database_file_leaves_no_write_ahead_log_behind()
    {
        // Pooled connections would keep the file open, and its log beside it, until the process ends; closing the store
        // closes them, and the last connection folds the log into the file.
        using (var events = SqliteEventStore.Open(File))
        {
            await events.AppendAsync("proposal-a", 0, [Data(), Data()]);
            await events.ReadAllAsync(0, 10);
            Assert.True(System.IO.File.Exists(File + "-wal"));
        }

        Assert.False(System.IO.File.Exists(File + "-wal"));
        using var connection = new SqliteConnection($"Data Source={File};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM events";
        Assert.Equal(2L, command.ExecuteScalar());
    }

    [Fact]
    public void A_database_of_this_packages_schema_version_opens_again()
    {
        SqliteEventStore.Open(File).Dispose();
        using (var connection = new SqliteConnection($"Data Source={File};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version";
            Assert.Equal(1L, command.ExecuteScalar());
        }

        using var reopened = SqliteEventStore.Open(File);
        Assert.Equal(Path.GetFullPath(File), reopened.DataSource);
        Assert.Equal(":memory:", SqliteEventStore.InMemory().DataSource);
    }

    [Fact]
    public async Task Two_stores_on_one_file_as_two_processes_would_be_append_to_one_stream_in_turn()
    {
        // Each store queues only its own appends; between the two, the database's write lock decides. An append that
        // finds the stream moved on is refused as a conflict and retried at the version it now has.
        using var first = SqliteEventStore.Open(File);
        using var second = SqliteEventStore.Open(File);
        var ids = new System.Collections.Concurrent.ConcurrentBag<Guid>();

        async Task AppendFifty(SqliteEventStore events)
        {
            long version = 0;
            for (var appended = 0; appended < 50;)
            {
                var data = Data();
                try
                {
                    version = (await events.AppendAsync("proposal-a", version, [data])).Version;
                    ids.Add(data.EventId);
                    appended++;
                }
                catch (Exception refusal) when (EventStoreRules.IsConflict(refusal))
                {
                    version = (await events.ReadStreamAsync("proposal-a", 1)).Count;
                }
            }
        }

        await Task.WhenAll(Task.Run(() => AppendFifty(first)), Task.Run(() => AppendFifty(second)));

        var stored = await first.ReadStreamAsync("proposal-a", 1);
        Assert.Equal(Enumerable.Range(1, 100).Select(v => (long)v), stored.Select(e => e.Version));
        Assert.Equal(ids.OrderBy(id => id), stored.Select(e => e.EventId).OrderBy(id => id));
    }

    private static EventData Data() => new(Guid.NewGuid(), "Decisions.ProposalSubmitted", 1, Scenario.Start, "{}", "{}");
}
