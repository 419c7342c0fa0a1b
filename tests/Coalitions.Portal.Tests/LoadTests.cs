using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Coalitions.Core.Decisions;
using Coalitions.Core.Storage;
using Coalitions.Portal.Api;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Coalitions.Portal.Tests;

/// <summary>
/// A bounded load test on loopback: 50 concurrent voters (HTTP clients, each signed in as a member's delegate) cast
/// ballots through the API on ten open votes, retrying on 409; afterwards every stored ballot event matches exactly one
/// accepted request, and each member's ballot is the one its last accepted request cast. Nothing lost, nothing twice.
/// </summary>
public sealed class LoadTests(ITestOutputHelper output)
{
    private const int Voters = 50;
    private const int Votes = 10;

    [Fact]
    public async Task Fifty_concurrent_voters_lose_no_ballot_and_count_none_twice()
    {
        var ballots = int.TryParse(Environment.GetEnvironmentVariable("COALITIONS_PORTAL_LOAD_BALLOTS"), out var n) ? n : 600;
        using var factory = new PortalFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        var proposals = new List<ProposalId>();
        for (var i = 0; i < Votes; i++)
        {
            proposals.Add(await factory.OpenVoteAsync($"Statement {i + 1}", DecisionRule.SimpleMajority()));
        }

        var store = factory.Services.GetRequiredService<AggregateStore>();
        var baseline = new Dictionary<ProposalId, long>();
        foreach (var id in proposals)
        {
            baseline[id] = (await store.LoadAsync<Proposal>(id)).Version;
        }

        var people = await new Api(factory.CreateClient()).PeopleAsync();
        var delegates = people.Where(p => p.Member is not null).ToArray();
        var clients = new Api[Voters];
        for (var i = 0; i < Voters; i++)
        {
            clients[i] = new Api(factory.CreateClient());
            await clients[i].SignInAsync(delegates[i % delegates.Length]);
        }

        var accepted = new ConcurrentDictionary<(ProposalId, long), (Guid Member, Stance Stance)>();
        var tickets = 0;
        var conflicts = 0;
        Stance[] stances = [Stance.Support, Stance.Oppose, Stance.Abstain];
        // Bounded in count and in time: the test stops by itself even if the store livelocks (a safety stop, not a speed check).
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select((api, i) => Task.Run(async () =>
        {
            var member = delegates[i % delegates.Length].Member!.Value;
            var proposal = proposals[i % proposals.Count];
            while (Interlocked.Increment(ref tickets) <= ballots)
            {
                var stance = stances[(tickets + i) % stances.Length];
                for (var attempt = 1; ; attempt++)
                {
                    stop.Token.ThrowIfCancellationRequested();
                    Assert.True(attempt <= 1_000, "A ballot met 1,000 conflicts in a row: the store is not making progress.");
                    using var response = await api.CastAsync(proposal.Value, new BallotRequest(stance));
                    if (response.StatusCode == HttpStatusCode.Conflict)
                    {
                        Assert.True((await Api.ProblemAsync(response)).Retryable);
                        Interlocked.Increment(ref conflicts);
                        continue;
                    }

                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    var view = (await response.Content.ReadFromJsonAsync<ProposalView>(Api.Json))!;
                    Assert.True(accepted.TryAdd((proposal, view.Version), (member, stance)), $"Two accepted requests answered version {view.Version}.");
                    break;
                }
            }
        })));
        clock.Stop();

        Assert.Equal(ballots, accepted.Count);
        var serializer = EventSerializer.Default;
        foreach (var id in proposals)
        {
            var stored = await store.Events.ReadStreamAsync(AggregateType.Of<Proposal>().StreamNameFor(id), baseline[id] + 1);
            var mine = accepted.Where(a => a.Key.Item1 == id).ToDictionary(a => a.Key.Item2, a => a.Value);
            Assert.Equal(mine.Count, stored.Count);
            foreach (var e in stored)
            {
                var cast = Assert.IsType<BallotCast>(serializer.Deserialize(e));
                Assert.Equal(mine[e.Version], (cast.Voter.Value, cast.Stance));
            }

            var proposal = await store.LoadAsync<Proposal>(id);
            foreach (var last in mine.GroupBy(a => a.Value.Member).Select(g => g.MaxBy(a => a.Key)))
            {
                Assert.Equal(last.Value.Stance, proposal.Ballots.Single(b => b.Voter.Value == last.Value.Member && b.Round == proposal.Round).Stance);
            }
        }

        output.WriteLine($"{ballots:N0} ballots by {Voters} voters on {Votes} votes in {clock.Elapsed.TotalSeconds:0.0} s: {ballots / clock.Elapsed.TotalSeconds:N0} ballots/s accepted, {conflicts:N0} conflicts retried.");
    }
}
