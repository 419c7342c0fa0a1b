using System.Text.Json.Nodes;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>
/// A snapshot is a cache the host stores, read as untrusted as its events: one forged in a single field, into a state no
/// history of commands reaches, is refused with the reason (the store then ignores it and replays the events).
/// </summary>
public class ProposalSnapshotForgeryTests
{
    private const string Counters = "an id is empty or a counter is out of range.";
    private const string RoundOrder = "its round 1 is out of order or its ending does not fit the status.";
    private const string Fit = "its status, rounds and electorate do not fit together.";

    [Theory]
    [InlineData("revision", Counters)]
    [InlineData("secondersRequired", Counters)]
    [InlineData("stage", Counters)]
    [InlineData("roundsInStage below zero", Counters)]
    [InlineData("roundsInStage above the rounds", Counters)]
    [InlineData("deadline at the opening", RoundOrder)]
    [InlineData("round revision zero", RoundOrder)]
    [InlineData("round revision after the proposal's", RoundOrder)]
    [InlineData("no electorate", Fit)]
    [InlineData("draft with a round", Fit)]
    [InlineData("quorum reached at the deadline", "its quorum was reached at an instant outside the last round.")]
    [InlineData("proxy from an outsider", "a proxy's principal or holder's member is not in the electorate.")]
    [InlineData("proxy to an outsider's holder", "a proxy's principal or holder's member is not in the electorate.")]
    public void A_snapshot_of_a_vote_forged_in_one_field_is_refused_with_its_reason(string forged, string why)
    {
        var proposal = Vote();
        var state = JsonNode.Parse(Proposal.Snapshots.Take(proposal))!;
        var round = state["rounds"]![0]!;
        switch (forged)
        {
            case "revision":
                state["revision"] = 0;
                break;
            case "secondersRequired":
            case "stage":
                state[forged] = -1;
                break;
            case "roundsInStage below zero":
                state["roundsInStage"] = -1;
                break;
            case "roundsInStage above the rounds":
                state["roundsInStage"] = 2;
                break;
            case "deadline at the opening":
                round["deadline"] = round["openedAt"]!.GetValue<string>();
                break;
            case "round revision zero":
                round["revision"] = 0;
                break;
            case "round revision after the proposal's":
                round["revision"] = 2;
                break;
            case "no electorate":
                state["electorate"] = null;
                break;
            case "draft with a round":
                state["status"] = "Draft";
                break;
            case "quorum reached at the deadline":
                state["quorumReachedAt"] = round["deadline"]!.GetValue<string>();
                break;
            case "proxy from an outsider":
                state["proxies"]![0]!["principal"] = Partner(9).ToString();
                break;
            case "proxy to an outsider's holder":
                state["proxies"]![0]!["holderMember"] = Partner(9).ToString();
                break;
        }

        var refusal = Assert.Throws<InvalidDataException>(() => Proposal.Snapshots.Restore(state.ToJsonString(), proposal.Version));

        Assert.EndsWith(why, refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("coalition")]
    [InlineData("proposer")]
    public void A_snapshot_with_an_empty_id_is_refused(string field)
    {
        var proposal = Vote();
        var state = JsonNode.Parse(Proposal.Snapshots.Take(proposal))!;

        state[field] = Guid.Empty.ToString();

        Assert.ThrowsAny<Exception>(() => Proposal.Snapshots.Restore(state.ToJsonString(), proposal.Version));
    }

    [Fact]
    public void A_snapshot_of_a_draft_holding_a_ballot_or_a_proxy_is_refused()
    {
        var vote = JsonNode.Parse(Proposal.Snapshots.Take(Vote()))!;
        var draft = Discussed(DecisionRule.SimpleMajority().WithProxies());
        draft.DequeueUncommittedEvents();

        foreach (var field in new[] { "ballotHistory", "proxies" })
        {
            var state = JsonNode.Parse(Proposal.Snapshots.Take(draft))!;
            state[field] = vote[field]!.DeepClone();

            var refusal = Assert.Throws<InvalidDataException>(() => Proposal.Snapshots.Restore(state.ToJsonString(), draft.Version));

            Assert.EndsWith("it holds ballots or proxies before any round opened.", refusal.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_snapshot_whose_quorum_was_reached_at_the_rounds_opening_instant_restores()
    {
        var proposal = Vote();
        var state = JsonNode.Parse(Proposal.Snapshots.Take(proposal))!;

        state["quorumReachedAt"] = state["rounds"]![0]!["openedAt"]!.GetValue<string>();

        var restored = (Proposal)Proposal.Snapshots.Restore(state.ToJsonString(), proposal.Version);
        Assert.Equal(proposal.Ballots.Count, restored.Ballots.Count);
    }

    [Theory]
    [InlineData("Fallback")]
    [InlineData("Revision")]
    public void A_snapshot_of_a_decided_proposal_whose_last_round_did_not_end_it_is_refused(string ending)
    {
        var proposal = Vote();
        proposal.Close(ChairActor, Hours(24 * 7));
        proposal.DequeueUncommittedEvents();
        var state = JsonNode.Parse(Proposal.Snapshots.Take(proposal))!;

        state["rounds"]![0]!["ending"] = ending;

        var refusal = Assert.Throws<InvalidDataException>(() => Proposal.Snapshots.Restore(state.ToJsonString(), proposal.Version));
        Assert.EndsWith("its outcome is not its last round's, or a decided proposal has none.", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_whose_earlier_round_has_no_ending_is_refused()
    {
        // Only the last round may still be open: an objection under silence closed the first and opened the fallback.
        var proposal = Voting(ProposalScenario.Silence, Members(3));
        proposal.Vote(2, Stance.Object);
        proposal.DequeueUncommittedEvents();
        var state = JsonNode.Parse(Proposal.Snapshots.Take(proposal))!;
        Assert.Equal(2, state["rounds"]!.AsArray().Count);

        state["rounds"]![0]!["ending"] = null;

        var refusal = Assert.Throws<InvalidDataException>(() => Proposal.Snapshots.Restore(state.ToJsonString(), proposal.Version));
        Assert.EndsWith(RoundOrder, refusal.Message, StringComparison.Ordinal);
    }

    // Three members, a proxy from the first to the third's representative, two ballots: a quorum of one half reached.
    private static Proposal Vote()
    {
        var proposal = Voting(DecisionRule.SimpleMajority().WithProxies().WithQuorum(QuorumRule.OfMembers(Fraction.Half)), Members(3));
        proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(1));
        proposal.Vote(2, Stance.Support, 2);
        proposal.Vote(3, Stance.Oppose, 3);
        proposal.DequeueUncommittedEvents();
        return proposal;
    }
}
