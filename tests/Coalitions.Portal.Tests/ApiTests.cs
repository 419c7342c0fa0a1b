using System.Net;
using System.Net.Http.Json;
using Coalitions.Core.Decisions;
using Coalitions.Portal.Api;

namespace Coalitions.Portal.Tests;

/// <summary>The HTTP API through WebApplicationFactory: ballots cast, changed and refused, conflicts, problems.</summary>
public sealed class ApiTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private Api Client() => new(_factory.CreateClient());

    [Fact]
    public async Task A_delegate_casts_its_members_ballot_and_changes_it_before_the_deadline()
    {
        var api = Client();
        var teachers = await api.SignInAsDelegateOfAsync("Teachers Union");
        var open = await api.OpenProposalAsync();
        Assert.DoesNotContain(open.Ballots, b => b.Member == teachers.Member);

        var cast = await api.CastAsync(open.Id, new BallotRequest(Stance.Support));
        Assert.Equal(HttpStatusCode.OK, cast.StatusCode);
        var afterCast = (await cast.Content.ReadFromJsonAsync<ProposalView>(Api.Json))!;
        Assert.Equal("Support", afterCast.Ballots.Single(b => b.Member == teachers.Member).Stance);
        Assert.Equal(open.Tally!.Support + 1, afterCast.Tally!.Support);

        var change = await api.CastAsync(open.Id, new BallotRequest(Stance.Oppose, "We read the budget again."));
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        var afterChange = await api.ProposalAsync(open.Id);
        var mine = afterChange.Ballots.Single(b => b.Member == teachers.Member);
        Assert.Equal(("Oppose", "We read the budget again."), (mine.Stance, mine.Reason));
        Assert.Equal(open.Ballots.Count + 1, afterChange.Ballots.Count);
        Assert.Equal(open.Tally.Support, afterChange.Tally!.Support);
        Assert.Equal(open.Tally.Oppose + 1, afterChange.Tally.Oppose);
    }

    [Fact]
    public async Task A_delegate_cannot_cast_another_members_ballot_and_gets_403_with_the_librarys_code()
    {
        var api = Client();
        await api.SignInAsDelegateOfAsync("Teachers Union");
        var parents = (await api.PeopleAsync()).First(p => p.MemberName == "Parents Network");
        var open = await api.OpenProposalAsync();

        var refused = await api.CastAsync(open.Id, new BallotRequest(Stance.Oppose, Member: parents.Member));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await Api.ProblemAsync(refused);
        Assert.Equal(403, problem.Status);
        Assert.StartsWith("Decisions.", Assert.Single(problem.Codes), StringComparison.Ordinal);
        Assert.Equal($"urn:coalitions-core:error:{problem.Codes[0]}", problem.Type);
        Assert.False(problem.Retryable);
        var after = await api.ProposalAsync(open.Id);
        Assert.Equal(open.Version, after.Version);
        Assert.Equal(open.Ballots, after.Ballots);
    }

    [Fact]
    public async Task A_stance_the_rule_does_not_take_is_refused_with_422_and_nothing_is_recorded()
    {
        var api = Client();
        await api.SignInAsDelegateOfAsync("Teachers Union");
        var open = await api.OpenProposalAsync();

        // A simple majority counts support, opposition and abstention; a block belongs to consensus.
        var refused = await api.CastAsync(open.Id, new BallotRequest(Stance.Block, "No."));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await Api.ProblemAsync(refused);
        Assert.NotEmpty(problem.Codes);
        Assert.Contains("block", problem.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(open.Version, (await api.ProposalAsync(open.Id)).Version);
    }

    [Fact]
    public async Task Only_a_facilitator_may_close_the_vote_403_for_a_delegate()
    {
        var api = Client();
        await api.SignInAsDelegateOfAsync("Teachers Union");
        var open = await api.OpenProposalAsync();

        var refused = await api.Http.PostAsync($"/api/proposals/{open.Id}/close", null);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Decisions.NotAFacilitator", (await Api.ProblemAsync(refused)).Codes);
    }

    [Fact]
    public async Task The_chair_closes_the_vote_once_every_ballot_is_in_and_the_outcome_explains_itself()
    {
        var api = Client();
        await api.SignInAsDelegateOfAsync("Teachers Union");
        var open = await api.OpenProposalAsync();
        Assert.Equal(HttpStatusCode.OK, (await api.CastAsync(open.Id, new BallotRequest(Stance.Support))).StatusCode);

        await api.SignInAsCoordinatorAsync();
        var closed = await api.Http.PostAsync($"/api/proposals/{open.Id}/close", null);

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var view = (await closed.Content.ReadFromJsonAsync<ProposalView>(Api.Json))!;
        Assert.Equal(("closed", "Adopted"), (view.Status, view.Result));
        Assert.Contains("Adopted", view.Explanation, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_command_without_anyone_signed_in_is_401_and_an_unknown_id_is_404()
    {
        var api = Client();
        var open = await api.OpenProposalAsync();

        var anonymous = await api.CastAsync(open.Id, new BallotRequest(Stance.Support));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("Portal.SignInRequired", (await Api.ProblemAsync(anonymous)).Codes);

        await api.SignInAsDelegateOfAsync("Teachers Union");
        var unknown = await api.CastAsync(Guid.NewGuid(), new BallotRequest(Stance.Support));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Portal.UnknownId", (await Api.ProblemAsync(unknown)).Codes);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Http.GetAsync($"/api/polls/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Signing_in_as_someone_who_is_not_in_the_coalition_is_refused()
    {
        var response = await _factory.CreateClient().PostAsJsonAsync("/api/session", new SignInRequest(Guid.NewGuid()), Api.Json);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_write_that_lost_a_race_is_409_retryable_and_succeeds_when_sent_again()
    {
        HeldStore? held = null;
        using var factory = new PortalFactory { WrapStore = inner => held = new HeldStore(inner) };
        var teachers = new Api(factory.CreateClient());
        var parents = new Api(factory.CreateClient());
        await teachers.SignInAsDelegateOfAsync("Teachers Union");
        await parents.SignInAsDelegateOfAsync("Parents Network");
        var open = await teachers.OpenProposalAsync();

        // The Teachers Union's request loads the proposal and decides, then waits at the store; Parents Network saves first.
        await held!.LoseRaceAsync(
            () => teachers.CastAsync(open.Id, new BallotRequest(Stance.Support)),
            () => parents.CastAsync(open.Id, new BallotRequest(Stance.Abstain)));
        Assert.DoesNotContain((await teachers.ProposalAsync(open.Id)).Ballots, b => b.MemberName == "Teachers Union");

        var retry = await teachers.CastAsync(open.Id, new BallotRequest(Stance.Support));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var after = await teachers.ProposalAsync(open.Id);
        Assert.Equal("Support", after.Ballots.Single(b => b.MemberName == "Teachers Union").Stance);
        Assert.Equal("Abstain", after.Ballots.Single(b => b.MemberName == "Parents Network").Stance);
        Assert.Equal(open.Version + 2, after.Version);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_commands_and_the_meeting_calendar_is_icalendar()
    {
        var api = Client();
        var openApi = await api.Http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/proposals/{id}/ballot", openApi, StringComparison.Ordinal);
        Assert.Contains("CastBallot", openApi, StringComparison.Ordinal);

        var meeting = (await api.Http.GetFromJsonAsync<List<MeetingView>>("/api/meetings", Api.Json))!.Single();
        var ics = await api.Http.GetAsync(meeting.Calendar);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        var text = await ics.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR", text, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Steering committee", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_renders_for_a_visitor()
    {
        var client = _factory.CreateClient();
        var open = await new Api(client).OpenProposalAsync();
        var poll = (await client.GetFromJsonAsync<List<PollView>>("/api/polls", Api.Json))!.First(p => p.Rounds.Count > 1);
        foreach (var (path, expected) in new[] { ("/", "Learning for All"), ("/proposals", "Statement on the education budget"), ($"/proposals/{open.Id}", "majority"), ("/polls", "Elect the steering committee"), ($"/polls/{poll.Id}", "Round 2"), ("/meetings", "calendar.ics"), ("/funds", "Storybooks for twelve schools"), ("/signin", "Achieng Otieno") })
        {
            var html = await client.GetStringAsync(path);
            Assert.Contains(expected, html, StringComparison.Ordinal);
        }
    }
}
