using System.Net;
using System.Net.Http.Json;
using Coalitions.Core.Decisions;
using Coalitions.Core.PostgreSql;
using Coalitions.Core.Storage;
using Coalitions.Core.Storage.Tests.PostgreSql;
using Coalitions.Portal.Api;
using Coalitions.Portal.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Coalitions.Portal.Tests;

/// <summary>
/// The storage switch against a real server: the portal configured with a PostgreSQL connection string (a throwaway
/// cluster, the storage tests' own) seeds the story into its schema, takes a ballot through the API, and after a
/// restart reads it back from the database, seeds nothing twice and goes on writing at the stored version.
/// Without the server binaries it skips with a reason, except under CI=true, where it fails.
/// </summary>
[Collection(PostgreSqlTests.Name)]
public sealed class PostgreSqlPortalTests(PostgreSqlFixture postgres)
{
    private const string Schema = "portal";

    [SkippableFact]
    public async Task The_portal_on_postgresql_seeds_takes_a_ballot_and_reads_it_back_after_a_restart()
    {
        Skip.If(postgres.SkipReason is not null, postgres.SkipReason);
        Guid proposal;
        long castAt;
        PersonView teachers;
        long lastPosition;
        using (var first = new PortalFactory { ConnectionString = postgres.ConnectionString, Schema = Schema })
        {
            var opened = first.Services.GetRequiredService<OpenedStore>();
            Assert.IsType<PostgreSqlEventStore>(opened.Store);
            Assert.Equal($"PostgreSQL, schema '{Schema}'", opened.Description);

            var api = new Api(first.CreateClient());
            teachers = await api.SignInAsDelegateOfAsync("Teachers Union");
            var open = await api.OpenProposalAsync();
            var cast = await api.CastAsync(open.Id, new BallotRequest(Stance.Support, "Six percent, and published."));
            Assert.Equal(HttpStatusCode.OK, cast.StatusCode);
            (proposal, castAt) = (open.Id, (await cast.Content.ReadFromJsonAsync<ProposalView>(Api.Json))!.Version);
            Assert.Equal(open.Version + 1, castAt);
            Assert.Equal("Support", (await api.ProposalAsync(proposal)).Ballots.Single(b => b.Member == teachers.Member).Stance);
        }

        // What the database holds, read with a store of our own: the ballot event, with the person who cast it.
        var stream = AggregateType.Of<Proposal>().StreamNameFor(ProposalId.FromGuid(proposal));
        await using (var database = await PostgreSqlEventStore.OpenAsync(postgres.ConnectionString, Schema))
        {
            var stored = Assert.Single(await database.ReadStreamAsync(stream, castAt));
            var ballot = Assert.IsType<BallotCast>(EventSerializer.Default.Deserialize(stored));
            Assert.Equal((teachers.Member, Stance.Support, "Six percent, and published."), (ballot.Voter.Value, ballot.Stance, ballot.Reason));
            Assert.Equal(teachers.Person, EventSerializer.Default.ToEnvelope(stored).Metadata.ActingPerson?.Value);
            lastPosition = await LastPositionAsync(database);
        }

        // Started again on the same schema: nothing is seeded twice, the ballot is read back, and writing goes on.
        using var second = new PortalFactory { ConnectionString = postgres.ConnectionString, Schema = Schema };
        var again = new Api(second.CreateClient());
        var reread = await again.ProposalAsync(proposal);
        Assert.Equal(castAt, reread.Version);
        Assert.Equal(("Support", "Six percent, and published."), reread.Ballots.Where(b => b.Member == teachers.Member).Select(b => (b.Stance, b.Reason)).Single());
        await using (var database = await PostgreSqlEventStore.OpenAsync(postgres.ConnectionString, Schema))
        {
            Assert.Equal(lastPosition, await LastPositionAsync(database));
        }

        await again.SignInAsync(teachers);
        var change = await again.CastAsync(proposal, new BallotRequest(Stance.Oppose, "We read the budget again."));
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal(castAt + 1, (await change.Content.ReadFromJsonAsync<ProposalView>(Api.Json))!.Version);
    }

    private static async Task<long> LastPositionAsync(PostgreSqlEventStore events)
    {
        long position = 0;
        for (var batch = await events.ReadAllAsync(0, 1000); batch.Count > 0; batch = await events.ReadAllAsync(position, 1000))
        {
            position = batch[^1].Position;
        }

        return position;
    }
}
