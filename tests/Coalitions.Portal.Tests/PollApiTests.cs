using System.Net;
using System.Net.Http.Json;
using Coalitions.Core.Polls;
using Coalitions.Core.Storage;
using Coalitions.Portal.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Coalitions.Portal.Tests;

/// <summary>
/// <c>PUT /api/polls/{id}/ballot</c> on the seeded ranked poll (results shown always; every member but the Teachers
/// Union has voted): a ballot accepted and changed, and each refusal as problem details with the library's code.
/// </summary>
public sealed class PollApiTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private Api Client() => new(_factory.CreateClient());

    [Fact]
    public async Task A_delegate_casts_its_members_ranked_ballot_then_changes_it_and_the_count_follows()
    {
        var api = Client();
        var teachers = await api.SignInAsDelegateOfAsync("Teachers Union");
        var open = await api.OpenPollAsync();

        var cast = await api.CastInPollAsync(open.Id, new RankedBallotRequest(["maps", "science"]));
        Assert.Equal(HttpStatusCode.OK, cast.StatusCode);
        var afterCast = (await cast.Content.ReadFromJsonAsync<PollView>(Api.Json))!;
        Assert.Equal((open.BallotsCast + 1, open.Version + 1), (afterCast.BallotsCast, afterCast.Version));
        Assert.Equal(FirstPreferences(open, "maps") + 1, FirstPreferences(afterCast, "maps"));

        var change = await api.CastInPollAsync(open.Id, new RankedBallotRequest(["poems", "stories"]));
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        var afterChange = await api.PollAsync(open.Id);
        Assert.Equal((open.BallotsCast + 1, open.Version + 2), (afterChange.BallotsCast, afterChange.Version));
        Assert.Equal(FirstPreferences(open, "maps"), FirstPreferences(afterChange, "maps"));
        Assert.Equal(FirstPreferences(open, "poems") + 1, FirstPreferences(afterChange, "poems"));

        // Stored as the member's ballots, cast by its delegate acting for it.
        var stored = await NewBallotsAsync(open);
        Assert.Equal(2, stored.Count);
        Assert.All(stored, e => Assert.Equal((teachers.Member, (Guid?)teachers.Person), (e.Ballot.Voter.Value, e.By.Person?.Value)));
        Assert.Equal(["poems", "stories"], stored[^1].Ballot.Ranking);
    }

    [Fact]
    public async Task A_delegate_cannot_cast_another_members_poll_ballot_and_gets_403_with_the_librarys_code()
    {
        var api = Client();
        await api.SignInAsDelegateOfAsync("Teachers Union");
        var parents = (await api.PeopleAsync()).First(p => p.MemberName == "Parents Network");
        var open = await api.OpenPollAsync();

        var refused = await api.CastInPollAsync(open.Id, new RankedBallotRequest(["maps"], parents.Member));

        var problem = await Api.RefusedAsync(refused, HttpStatusCode.Forbidden, "Polls.NotARepresentative");
        Assert.Contains("acting for Teachers Union", problem.Detail, StringComparison.Ordinal);
        await NothingChangedAsync(api, open);
    }

    [Fact]
    public async Task A_ranking_that_names_an_option_the_poll_does_not_have_is_422_and_nothing_is_recorded()
    {
        var api = Client();
        await api.SignInAsDelegateOfAsync("Teachers Union");
        var open = await api.OpenPollAsync();

        var refused = await api.CastInPollAsync(open.Id, new RankedBallotRequest(["maps", "dance"]));

        var problem = await Api.RefusedAsync(refused, HttpStatusCode.UnprocessableEntity, "Polls.InvalidBallot");
        Assert.Contains("names an option the poll does not have", problem.Detail, StringComparison.Ordinal);
        await NothingChangedAsync(api, open);
    }

    [Fact]
    public async Task A_ballot_for_a_poll_nobody_knows_is_404()
    {
        var api = Client();
        await api.SignInAsDelegateOfAsync("Teachers Union");
        var unknown = Guid.NewGuid();

        var refused = await api.CastInPollAsync(unknown, new RankedBallotRequest(["maps"]));

        var problem = await Api.RefusedAsync(refused, HttpStatusCode.NotFound, "Portal.UnknownId");
        Assert.Contains(unknown.ToString(), problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_poll_ballot_that_lost_a_race_is_409_retryable_and_succeeds_when_sent_again()
    {
        HeldStore? held = null;
        using var factory = new PortalFactory { WrapStore = inner => held = new HeldStore(inner) };
        var teachers = new Api(factory.CreateClient());
        var parents = new Api(factory.CreateClient());
        await teachers.SignInAsDelegateOfAsync("Teachers Union");
        await parents.SignInAsDelegateOfAsync("Parents Network");
        var open = await teachers.OpenPollAsync();

        // The Teachers Union's ballot is decided on version n and held; Parents Network changes its ballot first (n + 1).
        await held!.LoseRaceAsync(
            () => teachers.CastInPollAsync(open.Id, new RankedBallotRequest(["maps"])),
            () => parents.CastInPollAsync(open.Id, new RankedBallotRequest(["science"])));
        var raced = await teachers.PollAsync(open.Id);
        Assert.Equal((open.BallotsCast, open.Version + 1), (raced.BallotsCast, raced.Version));

        var retry = await teachers.CastInPollAsync(open.Id, new RankedBallotRequest(["maps"]));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var after = await teachers.PollAsync(open.Id);
        Assert.Equal((open.BallotsCast + 1, open.Version + 2), (after.BallotsCast, after.Version));
        Assert.Equal(FirstPreferences(open, "maps") + 1, FirstPreferences(after, "maps"));
    }

    private static decimal FirstPreferences(PollView poll, string option) => poll.Rounds[0].Totals.GetValueOrDefault(option);

    private async Task NothingChangedAsync(Api api, PollView before)
    {
        var after = await api.PollAsync(before.Id);
        Assert.Equal((before.Version, before.BallotsCast), (after.Version, after.BallotsCast));
        Assert.Empty(await NewBallotsAsync(before));
    }

    private async Task<IReadOnlyList<PollBallotCast>> NewBallotsAsync(PollView since)
    {
        var store = _factory.Services.GetRequiredService<AggregateStore>();
        var stream = AggregateType.Of<Poll>().StreamNameFor(PollId.FromGuid(since.Id));
        return [.. (await store.Events.ReadStreamAsync(stream, since.Version + 1)).Select(e => Assert.IsType<PollBallotCast>(EventSerializer.Default.Deserialize(e)))];
    }
}
