using Coalitions.Core.Decisions;
using Coalitions.Core.PostgreSql;
using Coalitions.Core.Sqlite;
using Coalitions.Core.Storage.Tests.PostgreSql;
using Coalitions.Core.Tests.Kit;
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
        var clock = new FakeClock(Scenario.Hours(2));
        await using (var events = await PostgreSqlEventStore.OpenAsync(postgreSql.ConnectionString))
        {
            await new AggregateStore(events, clock).SaveAsync(HostingScenario.OpenVote(7001));
        }

        await PackageReadmes.PostgreSqlAsync(postgreSql.ConnectionString, clock, Scenario.ProposalNumber(7001), Scenario.Partner(2), Scenario.For(2));

        await using var reopened = await PostgreSqlEventStore.OpenAsync(postgreSql.ConnectionString);
        var proposal = await new AggregateStore(reopened, clock).LoadAsync<Proposal>(Scenario.ProposalNumber(7001));
        Assert.Equal(Stance.Support, proposal.Ballots.Single(b => b.Voter == Scenario.Partner(2)).Stance);
    }
}
