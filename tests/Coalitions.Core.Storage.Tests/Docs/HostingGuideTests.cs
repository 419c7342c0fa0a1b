using Coalitions.Core.Decisions;
using Coalitions.Core.Hosting;
using Coalitions.Core.Sqlite;
using Coalitions.Core.Storage.Tests.PostgreSql;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using NodaTime.Testing;

namespace Coalitions.Core.Storage.Tests.Docs;

/// <summary>docs/hosting.md shows the code of <see cref="HostingGuide"/>, which compiles with these tests and runs here.</summary>
public sealed partial class HostingGuideTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("coalitions-guide-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_code_in_the_hosting_guide_is_the_code_these_tests_compile()
    {
        GuidePage.AssertShows("docs/hosting.md", "tests/Coalitions.Core.Storage.Tests/Docs/HostingGuide.cs");
    }

    [Fact]
    public async Task The_embedding_path_of_the_guide_runs()
    {
        var file = Path.Combine(_folder, "guide.db");
        var clock = new FakeClock(Scenario.Hours(2));
        using (var events = SqliteEventStore.Open(file))
        {
            await new AggregateStore(events, clock).SaveAsync(HostingScenario.OpenVote(1));
        }

        var proposal = await HostingGuide.EmbedAsync(file, clock, Scenario.ProposalNumber(1), Scenario.Partner(2), Scenario.For(2));

        Assert.Equal(Stance.Oppose, proposal.Ballots.Single(b => b.Voter == Scenario.Partner(2)).Stance);
    }

    [Fact]
    public async Task The_conflict_of_the_guide_is_reported_not_thrown()
    {
        var store = new AggregateStore(new InMemoryEventStore(), new FakeClock(Scenario.Start));
        await store.SaveAsync(HostingScenario.OpenVote(1));
        var first = await store.LoadAsync<Proposal>(Scenario.ProposalNumber(1));
        var second = await store.LoadAsync<Proposal>(Scenario.ProposalNumber(1));
        first.Vote(2, Stance.Support);
        second.Vote(3, Stance.Support);

        Assert.True(await HostingGuide.SaveOrReportConflictAsync(store, first));
        Assert.False(await HostingGuide.SaveOrReportConflictAsync(store, second));
    }

    [Fact]
    public async Task The_scheduler_loop_of_the_guide_closes_what_is_due_and_stops_with_the_host()
    {
        var events = new InMemoryEventStore();
        var clock = new FakeClock(HostingScenario.AfterTheDeadlines);
        await HostingScenario.SaveDueWorkAsync(new AggregateStore(events, clock), votes: 2, polls: 1);
        // The host stops after ten seconds: the loop's first pass closes what is due (well under a second on a quiet
        // machine; over two beside a mutation run), then it waits for the next item until the host stops it.
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var results = await HostingGuide.RunSchedulerOnceAsync(events, clock, [], stopping.Token);

        Assert.Equal(3, results.Count(r => r.Outcome == WorkOutcome.Done));
    }

    [Fact]
    public async Task The_projection_and_snapshots_of_the_guide_work_on_one_log()
    {
        var events = new InMemoryEventStore();
        var store = HostingGuide.WithSnapshots(events);
        await HostingScenario.SaveDueWorkAsync(store, votes: 3, polls: 0);

        var ballots = await HostingGuide.BallotsPerProposalAsync(events, checkpoint: 0);

        Assert.Equal(3, ballots.Count);
        Assert.All(ballots.Values, count => Assert.Equal(1, count));
        Assert.Equal(2, HostingGuide.WithUpcaster().SchemaVersionOf("Decisions.ReviewScheduled"));
    }



}

[Collection(PostgreSqlTests.Name)]
public sealed class HostingGuidePostgreSqlTests(PostgreSqlFixture cluster)
{
    [SkippableFact]
    public async Task The_postgresql_store_of_the_guide_opens()
    {
        Skip.If(cluster.SkipReason is not null, cluster.SkipReason);

        await using var events = await HostingGuide.PostgreSqlAsync(cluster.ConnectionString);

        Assert.Equal("coalitions", events.Schema);
        Assert.Empty(await events.ReadAllAsync(0, 1));
    }
}
