using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Meetings;
using Coalitions.Core.Polls;
using Coalitions.Core.Resources;
using Coalitions.Portal.Hosting;
using Coalitions.Portal.Identity;

namespace Coalitions.Portal.Api;

/// <summary>
/// The HTTP API: the same queries and commands as the pages, as JSON, described by the OpenAPI document at
/// <c>/openapi/v1.json</c>. Commands run as the signed-in actor; a refusal comes back as problem details.
/// A command loads the aggregate, runs once and saves at the version it loaded: when someone else saved in between, the
/// answer is 409 with <c>retryable: true</c>, and the client sends it again (the server does not rerun a command
/// against a state the client has not seen).
/// </summary>
internal static class Endpoints
{
    public static void MapPortalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Coalitions");

        api.MapGet("/coalition", async (PortalContext portal, CancellationToken ct) =>
        {
            if (await portal.CoalitionAsync(ct) is not { } shown)
            {
                return Problems.Result(Problems.Make(404, Problems.UnknownId, "An id names something the store holds.", "The store holds no coalition.", "/api/coalition"));
            }

            return Results.Ok(ViewsOf.Coalition(shown.Coalition, shown.Governance, portal.Now, await portal.PartnerNamesAsync(ct)));
        }).WithName("GetCoalition").Produces<CoalitionView>();

        api.MapGet("/proposals", async (PortalContext portal, CancellationToken ct) =>
            (await portal.AllAsync<Proposal>(g => ProposalId.FromGuid(g), ct)).Select(ViewsOf.Proposal).ToList())
            .WithName("ListProposals");

        api.MapGet("/proposals/{id:guid}", async (Guid id, PortalContext portal, HttpContext http, CancellationToken ct) =>
            await portal.FindAsync<Proposal>(ProposalId.FromGuid(id), ct) is { } proposal
                ? Results.Ok(ViewsOf.Proposal(proposal))
                : Problems.NotFound("proposal", id, http.Request.Path))
            .WithName("GetProposal").Produces<ProposalView>().ProducesProblem(404);

        api.MapPut("/proposals/{id:guid}/ballot", (Guid id, BallotRequest ballot, PortalContext portal, IActorResolver actors, HttpContext http, CancellationToken ct) =>
            Command<Proposal>(portal, actors, http, ProposalId.FromGuid(id), "proposal", (proposal, by, at) =>
            {
                var member = ballot.Member is { } m ? PartnerId.FromGuid(m) : by.OnBehalfOf ?? throw new CoalitionRuleException(ErrorCodes.Kernel.InvalidInput, "Name the member the ballot is for: the signed-in person acts for none.");
                proposal.CastBallot(member, ballot.Stance, ballot.Reason, by, at);
            }, ViewsOf.Proposal, ct))
            .WithName("CastBallot").WithSummary("Casts or changes the ballot of the signed-in delegate's member.")
            .Produces<ProposalView>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        api.MapPost("/proposals/{id:guid}/close", (Guid id, PortalContext portal, IActorResolver actors, HttpContext http, CancellationToken ct) =>
            Command<Proposal>(portal, actors, http, ProposalId.FromGuid(id), "proposal", (proposal, by, at) => proposal.Close(by, at), ViewsOf.Proposal, ct))
            .WithName("CloseVoting").WithSummary("Closes the current round: a facilitator, when the rule allows (every ballot in, or the deadline passed).")
            .Produces<ProposalView>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        api.MapGet("/polls", async (PortalContext portal, IActorResolver actors, HttpContext http, CancellationToken ct) =>
            (await portal.AllAsync<Poll>(g => PollId.FromGuid(g), ct)).Select(p => ViewsOf.Poll(p, actors.Resolve(http.User)?.OnBehalfOf)).ToList())
            .WithName("ListPolls");

        api.MapGet("/polls/{id:guid}", async (Guid id, PortalContext portal, IActorResolver actors, HttpContext http, CancellationToken ct) =>
            await portal.FindAsync<Poll>(PollId.FromGuid(id), ct) is { } poll
                ? Results.Ok(ViewsOf.Poll(poll, actors.Resolve(http.User)?.OnBehalfOf))
                : Problems.NotFound("poll", id, http.Request.Path))
            .WithName("GetPoll").Produces<PollView>().ProducesProblem(404);

        api.MapPut("/polls/{id:guid}/ballot", (Guid id, RankedBallotRequest ballot, PortalContext portal, IActorResolver actors, HttpContext http, CancellationToken ct) =>
            Command<Poll>(portal, actors, http, PollId.FromGuid(id), "poll", (poll, by, at) =>
            {
                var member = ballot.Member is { } m ? PartnerId.FromGuid(m) : by.OnBehalfOf ?? throw new CoalitionRuleException(ErrorCodes.Kernel.InvalidInput, "Name the member the ballot is for: the signed-in person acts for none.");
                poll.CastBallot(PollBallot.Ranked(member, [.. ballot.Ranking ?? []]), by, at);
            }, p => ViewsOf.Poll(p, actors.Resolve(http.User)?.OnBehalfOf), ct))
            .WithName("CastPollBallot").WithSummary("Casts or changes a ranked ballot in a poll.")
            .Produces<PollView>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        api.MapGet("/meetings", async (PortalContext portal, CancellationToken ct) =>
            (await portal.AllAsync<Meeting>(g => MeetingId.FromGuid(g), ct)).Select(m => ViewsOf.Meeting(m, portal.Now)).ToList())
            .WithName("ListMeetings");

        api.MapGet("/meetings/{id:guid}/calendar.ics", async (Guid id, PortalContext portal, HttpContext http, CancellationToken ct) =>
            await portal.FindAsync<Meeting>(MeetingId.FromGuid(id), ct) is { } meeting
                ? Results.Text(MeetingCalendar.Write(meeting, portal.Now), "text/calendar; charset=utf-8")
                : Problems.NotFound("meeting", id, http.Request.Path))
            .WithName("MeetingCalendar").WithSummary("The meeting as an iCalendar file (RFC 5545), written by the library.").Produces<string>(200, "text/calendar").ProducesProblem(404);

        api.MapGet("/funds", async (PortalContext portal, CancellationToken ct) =>
            (await portal.AllAsync<PooledFund>(g => PooledFundId.FromGuid(g), ct)).Select(ViewsOf.Fund).ToList())
            .WithName("ListFunds");

        api.MapGet("/funds/{id:guid}", async (Guid id, PortalContext portal, HttpContext http, CancellationToken ct) =>
            await portal.FindAsync<PooledFund>(PooledFundId.FromGuid(id), ct) is { } fund
                ? Results.Ok(ViewsOf.Fund(fund))
                : Problems.NotFound("fund", id, http.Request.Path))
            .WithName("GetFund").Produces<FundView>().ProducesProblem(404);
    }

    /// <summary>Loads (or takes the current state from the <see cref="AggregateCache"/>), runs one command as the signed-in actor at the clock's instant, saves once.</summary>
    private static async Task<IResult> Command<T>(PortalContext portal, IActorResolver actors, HttpContext http, ITypedId id, string noun, Action<T, Actor, NodaTime.Instant> command, Func<T, object> view, CancellationToken ct)
        where T : class, IAggregate
    {
        if (actors.Resolve(http.User) is not { } by)
        {
            return Problems.Result(Problems.Make(401, Problems.SignInRequired, "Every command runs as a signed-in person.", "Sign in first.", http.Request.Path));
        }

        // The aggregate's last committed state when it is still current (one read of the stream's tail), else a load.
        var cache = http.RequestServices.GetRequiredService<AggregateCache>();
        if (await cache.TakeAsync<T>(id, ct) is not { } aggregate)
        {
            return Problems.NotFound(noun, ((ITypedId)id).Value, http.Request.Path);
        }

        try
        {
            command(aggregate, by, portal.Now);
            await portal.SaveAsync(aggregate, by, ct);
            var shown = view(aggregate);
            cache.GiveBack(aggregate);
            return Results.Ok(shown);
        }
        catch (CoalitionRuleException)
        {
            // A refusal changed nothing, so the state goes back; after a conflict it holds unsaved events and is dropped.
            cache.GiveBack(aggregate);
            throw;
        }
    }
}
