using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.PostgreSql;
using Coalitions.Core.Sqlite;
using Coalitions.Core.Storage;
using NodaTime;

namespace Coalitions.Core.Storage.Tests.Docs;

/// <summary>
/// The code of the storage packages' READMEs (src/Coalitions.Core.Sqlite/README.md and
/// src/Coalitions.Core.PostgreSql/README.md), compiled here and run by <see cref="PackageReadmeTests"/>; the house
/// snippet test keeps the READMEs' blocks equal to it.
/// </summary>
public static class PackageReadmes
{
    public static async Task<Proposal> SqliteAsync(string path, IClock clock, ProposalId proposalId, PartnerId member, Actor actor)
    {
        using var events = SqliteEventStore.Open(path);                  // or SqliteEventStore.InMemory()
        var store = new AggregateStore(events, clock);                  // clock: SystemClock.Instance in production

        var proposal = await store.LoadAsync<Proposal>(proposalId);
        proposal.CastBallot(member, Stance.Support, null, actor, clock.GetCurrentInstant());
        await store.SaveAsync(proposal);                                 // Kernel.ConcurrencyConflict if someone got there first
        return proposal;
    }

    public static async Task<Proposal> PostgreSqlAsync(string connectionString, IClock clock, ProposalId proposalId, PartnerId member, Actor actor)
    {
        await using var events = await PostgreSqlEventStore.OpenAsync(connectionString);   // "Host=db;Username=app;Database=coalitions"
        var store = new AggregateStore(events, clock);                                    // clock: SystemClock.Instance in production

        var proposal = await store.LoadAsync<Proposal>(proposalId);
        proposal.CastBallot(member, Stance.Support, null, actor, clock.GetCurrentInstant());
        await store.SaveAsync(proposal);                 // Kernel.ConcurrencyConflict if another host got there first
        return proposal;
    }
}
