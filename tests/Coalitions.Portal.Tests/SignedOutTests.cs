using System.Net;
using System.Text.RegularExpressions;
using Coalitions.Core.Decisions;
using Coalitions.Portal.Api;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Coalitions.Portal.Tests;

/// <summary>
/// Nobody signed in: the API refuses every command with 401 and problem details; a page's form sends the visitor to
/// the sign-in page; the proposal page offers a sign-in instead of a ballot form. Nothing is recorded.
/// </summary>
public sealed partial class SignedOutTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Every_api_command_without_a_sign_in_is_401_with_problem_details_and_records_nothing()
    {
        var api = new Api(_factory.CreateClient());
        var proposal = await api.OpenProposalAsync();
        var poll = await api.OpenPollAsync();

        foreach (var command in new Func<Task<HttpResponseMessage>>[]
        {
            () => api.CastAsync(proposal.Id, new BallotRequest(Stance.Support)),
            () => api.Http.PostAsync($"/api/proposals/{proposal.Id}/close", null),
            () => api.CastInPollAsync(poll.Id, new RankedBallotRequest(["maps"])),
        })
        {
            using var refused = await command();
            await Api.RefusedAsync(refused, HttpStatusCode.Unauthorized, "Portal.SignInRequired");
        }

        Assert.Equal(proposal.Version, (await api.ProposalAsync(proposal.Id)).Version);
        Assert.Equal(poll.Version, (await api.PollAsync(poll.Id)).Version);
    }

    [Fact]
    public async Task The_proposal_page_offers_a_sign_in_instead_of_a_ballot_form()
    {
        var client = _factory.CreateClient();
        var open = await new Api(client).OpenProposalAsync();

        var html = await client.GetStringAsync($"/proposals/{open.Id}");

        Assert.Contains($"<a href=\"/signin?returnUrl=%2Fproposals%2F{open.Id}\">Sign in</a> as a member's delegate to vote.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Cast ballot", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Close the vote", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"signed-in\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ballot_posted_from_the_page_without_a_sign_in_is_sent_to_the_sign_in_page_and_not_recorded()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var api = new Api(client);
        var open = await api.OpenProposalAsync();
        // A visitor's valid antiforgery token (any page's form carries one), so the only thing missing is the sign-in.
        var token = AntiforgeryToken().Match(await client.GetStringAsync("/signin")).Groups[1].Value;
        Assert.NotEmpty(token);

        using var response = await client.PostAsync($"/proposals/{open.Id}?handler=Ballot", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["stance"] = "Support",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/signin", location.AbsolutePath);
        Assert.Contains(Uri.EscapeDataString($"/proposals/{open.Id}"), location.Query, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(open.Version, (await api.ProposalAsync(open.Id)).Version);
        Assert.Contains("Achieng Otieno", await client.GetStringAsync(location), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
