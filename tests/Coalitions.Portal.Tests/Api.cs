using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Coalitions.Portal.Api;

namespace Coalitions.Portal.Tests;

/// <summary>A client of the portal's API, as a person signed in with the development sign-in.</summary>
public sealed class Api(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public HttpClient Http { get; } = http;

    public async Task<IReadOnlyList<PersonView>> PeopleAsync() => (await Http.GetFromJsonAsync<List<PersonView>>("/api/session/people", Json))!;

    public async Task<PersonView> SignInAsDelegateOfAsync(string member)
    {
        var person = (await PeopleAsync()).First(p => p.MemberName == member);
        await SignInAsync(person);
        return person;
    }

    public async Task<PersonView> SignInAsCoordinatorAsync()
    {
        var person = (await PeopleAsync()).First(p => p.Member is null);
        await SignInAsync(person);
        return person;
    }

    public async Task SignInAsync(PersonView person)
    {
        var response = await Http.PostAsJsonAsync("/api/session", new SignInRequest(person.Person, person.Member), Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task<ProposalView> OpenProposalAsync() =>
        (await Http.GetFromJsonAsync<List<ProposalView>>("/api/proposals", Json))!.Single(p => p.Status == "voting");

    public async Task<ProposalView> ProposalAsync(Guid id) => (await Http.GetFromJsonAsync<ProposalView>($"/api/proposals/{id}", Json))!;

    public Task<HttpResponseMessage> CastAsync(Guid proposal, BallotRequest ballot) => Http.PutAsJsonAsync($"/api/proposals/{proposal}/ballot", ballot, Json);

    /// <summary>The seeded ranked poll on the reading week's theme: open, results shown always, every member but the Teachers Union has voted.</summary>
    public async Task<PollView> OpenPollAsync() =>
        (await Http.GetFromJsonAsync<List<PollView>>("/api/polls", Json))!.Single(p => p.Status == "open");

    public async Task<PollView> PollAsync(Guid id) => (await Http.GetFromJsonAsync<PollView>($"/api/polls/{id}", Json))!;

    public Task<HttpResponseMessage> CastInPollAsync(Guid poll, RankedBallotRequest ballot) => Http.PutAsJsonAsync($"/api/polls/{poll}/ballot", ballot, Json);

    /// <summary>Checks a refusal: the status, problem details whose type names the one code, that code alone, not retryable.</summary>
    public static async Task<Problem> RefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal(((int)status, $"urn:coalitions-core:error:{code}", false), (problem.Status, problem.Type, problem.Retryable));
        Assert.Equal([code], problem.Codes);
        return problem;
    }

    public static async Task<Problem> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<Problem>(Json))!;
    }
}

/// <summary>RFC 9457 problem details with the portal's extensions.</summary>
public sealed record Problem(string Type, string Title, int Status, string? Detail, string? Instance, IReadOnlyList<string> Codes, bool Retryable);
