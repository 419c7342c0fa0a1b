using System.Net;
using System.Net.Http.Json;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Storage;
using Coalitions.Portal.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Coalitions.Portal.Tests;

/// <summary>
/// API commands reuse the last committed state of an aggregate instead of replaying its stream, but never a state the
/// store has moved past: what another writer (another instance, the scheduler) saved is read before the next command.
/// </summary>
public sealed class AggregateCacheTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_command_after_another_writer_saved_runs_on_what_that_writer_saved()
    {
        var api = new Api(_factory.CreateClient());
        var teachers = await api.SignInAsDelegateOfAsync("Teachers Union");
        var open = await api.OpenProposalAsync();
        Assert.Equal(HttpStatusCode.OK, (await api.CastAsync(open.Id, new BallotRequest(Stance.Support))).StatusCode);

        // Another writer, outside the API: Parents Network's delegate changes its ballot straight through the store.
        var store = _factory.Services.GetRequiredService<AggregateStore>();
        var proposal = await store.LoadAsync<Proposal>(ProposalId.FromGuid(open.Id));
        var parents = (await api.PeopleAsync()).First(p => p.MemberName == "Parents Network");
        proposal.CastBallot(PartnerId.FromGuid(parents.Member!.Value), Stance.Oppose, "Name the ward budgets too.", Actor.Representing(PersonId.FromGuid(parents.Person), PartnerId.FromGuid(parents.Member.Value)), _factory.Clock.GetCurrentInstant());
        await store.SaveAsync(proposal);

        var change = await api.CastAsync(open.Id, new BallotRequest(Stance.Abstain));

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        var view = (await change.Content.ReadFromJsonAsync<ProposalView>(Api.Json))!;
        Assert.Equal(open.Version + 3, view.Version);
        Assert.Equal("Oppose", view.Ballots.Single(b => b.Member == parents.Member).Stance);
        Assert.Equal("Abstain", view.Ballots.Single(b => b.Member == teachers.Member).Stance);
    }

    [Fact]
    public async Task A_refused_command_leaves_the_state_the_next_command_runs_on_unchanged()
    {
        var api = new Api(_factory.CreateClient());
        var teachers = await api.SignInAsDelegateOfAsync("Teachers Union");
        var open = await api.OpenProposalAsync();
        Assert.Equal(HttpStatusCode.OK, (await api.CastAsync(open.Id, new BallotRequest(Stance.Support))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await api.CastAsync(open.Id, new BallotRequest(Stance.Block, "No."))).StatusCode);

        var change = await api.CastAsync(open.Id, new BallotRequest(Stance.Oppose));

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        var view = (await change.Content.ReadFromJsonAsync<ProposalView>(Api.Json))!;
        Assert.Equal(open.Version + 2, view.Version);
        Assert.Equal(open.Tally!.Oppose + 1, view.Tally!.Oppose);
        Assert.Equal("Oppose", view.Ballots.Single(b => b.Member == teachers.Member).Stance);
        var replayed = await api.ProposalAsync(open.Id);   // loaded from the store's events, not lent
        Assert.Equal((view.Version, view.Tally), (replayed.Version, replayed.Tally));
        Assert.Equal(view.Ballots, replayed.Ballots);
    }
}
