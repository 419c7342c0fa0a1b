using Coalitions.Core.Decisions;
using Coalitions.Core.PostgreSql;
using Coalitions.Core.Sqlite;
using Coalitions.Core.Storage.Tests.PostgreSql;
using Coalitions.Core.Tests.Kit;
using Npgsql;
using NodaTime.Testing;

namespace Coalitions.Core.Storage.Tests.Docs;

/// <summary>The storage packages' READMEs show code that runs: a ballot cast through each store and read back.</summary>
[Collection(PostgreSqlTests.Name)]
public sealed class PackageReadmeTests(PostgreSqlFixture postgreSql) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("coalitions-readme-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_sqlite_readme_casts_a_ballot_that_a_second_store_reads_back()
    {
        var path = Path.Combine(_folder, "coalition.db");
        var clock = new FakeClock(Scenario.Hours(2));
        using (var events = SqliteEventStore.Open(path))
        {
            await new AggregateStore(events, clock).SaveAsync(HostingScenario.OpenVote(1));
        }

        await PackageReadmes.SqliteAsync(path, clock, Scenario.ProposalNumber(1), Scenario.Partner(2), Scenario.For(2));

        using var reopened = SqliteEventStore.Open(path);
        var proposal = await new AggregateStore(reopened, clock).LoadAsync<Proposal>(Scenario.ProposalNumber(1));
        Assert.Equal(Stance.Support, proposal.Ballots.Single(b => b.Voter == Scenario.Partner(2)).Stance);
    }

    [SkippableFact]
    public async Task The_postgresql_readme_casts_a_ballot_that_a_second_store_reads_back()
    {
        Skip.If(postgreSql.SkipReason is not null, postgreSql.SkipReason);
        var connectionString = await DatabaseOfItsOwnAsync();
        var clock = new FakeClock(Scenario.Hours(2));
        await using (var events = await PostgreSqlEventStore.OpenAsync(connectionString))
        {
            await new AggregateStore(events, clock).SaveAsync(HostingScenario.OpenVote(7001));
        }

        await PackageReadmes.PostgreSqlAsync(connectionString, clock, Scenario.ProposalNumber(7001), Scenario.Partner(2), Scenario.For(2));

        await using var reopened = await PostgreSqlEventStore.OpenAsync(connectionString);
        var proposal = await new AggregateStore(reopened, clock).LoadAsync<Proposal>(Scenario.ProposalNumber(7001));
        Assert.Equal(Stance.Support, proposal.Ballots.Single(b => b.Voter == Scenario.Partner(2)).Stance);
    }

    /// <summary>The README's store uses the default schema; a database of its own keeps it out of the other tests' way.</summary>
    private async Task<string> DatabaseOfItsOwnAsync()
    {
        var name = $"readme_{Environment.ProcessId}_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(postgreSql.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(postgreSql.ConnectionString) { Database = name }.ConnectionString;
    }
}
