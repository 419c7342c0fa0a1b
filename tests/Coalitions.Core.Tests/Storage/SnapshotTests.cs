using System.Text.Json.Nodes;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;
using Coalitions.Core.Storage;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using NodaTime.Testing;

namespace Coalitions.Core.Tests.Storage;

/// <summary>
/// A proposal loaded from a snapshot plus the events after it is the proposal its events build: the same observable state,
/// property by property and deeply, and the same answer to the next commands. (Ten thousand ballots keep the test fast in a
/// debug build; the snapshot's cost grows linearly, and the benchmarks measure the same path.)
/// </summary>
public class SnapshotTests
{
    private const int Voters = 1_000;
    private const int Ballots = 10_000;

    private readonly InMemoryEventStore _events = new();
    private readonly FakeClock _clock = new(Scenario.Start);

    [Fact]
    public async Task A_proposal_with_ten_thousand_ballots_loads_from_snapshot_and_tail_as_it_does_from_its_events()
    {
        var proposal = LongVote();
        var snapshotted = new AggregateStore(_events, _clock, new AggregateStoreOptions { SnapshotEvery = 0 });
        await snapshotted.SaveAsync(proposal);
        await snapshotted.SaveSnapshotAsync(proposal);
        proposal.Vote(7, Stance.Abstain, atHours: 30);
        proposal.DeclareConflictOfInterest(Scenario.Partner(8), "A board member is the vendor's director.", Scenario.For(8), Scenario.Hours(31));
        await snapshotted.SaveAsync(proposal);

        var fromSnapshot = await snapshotted.LoadAsync<Proposal>(proposal.Id);
        var replayed = await new AggregateStore(_events, _clock, new AggregateStoreOptions { Snapshots = new InMemoryEventStore() }).LoadAsync<Proposal>(proposal.Id);

        Assert.Equal(Ballots + 5L, fromSnapshot.Version);
        Assert.Equal(Ballots + 1, fromSnapshot.BallotHistory.Count);
        AssertSameProposal(replayed, fromSnapshot);
    }

    [Fact]
    public async Task A_proposal_restored_from_a_snapshot_accepts_and_decides_the_next_commands_as_the_replayed_one()
    {
        var proposal = LongVote(ballots: 2_000);
        var store = new AggregateStore(_events, _clock, new AggregateStoreOptions { SnapshotEvery = 0 });
        await store.SaveAsync(proposal);
        await store.SaveSnapshotAsync(proposal);

        var fromSnapshot = await store.LoadAsync<Proposal>(proposal.Id);
        var replayed = Proposal.Rehydrate((await _events.ReadStreamAsync(proposal.StreamName, 1)).Select(EventSerializer.Default.Deserialize));
        foreach (var p in new[] { fromSnapshot, replayed })
        {
            p.Vote(9, Stance.Oppose, atHours: 40);
            p.Close(Actor.System("scheduler"), Scenario.Start + Duration.FromDays(8));
        }

        Assert.Equal(
            fromSnapshot.DequeueUncommittedEvents().Select(CoalitionsJson.SerializeEvent),
            replayed.DequeueUncommittedEvents().Select(CoalitionsJson.SerializeEvent));
        AssertSameProposal(replayed, fromSnapshot);
    }

    [Fact]
    public async Task Saving_takes_a_snapshot_each_time_the_stream_crosses_a_multiple_of_the_interval()
    {
        var store = new AggregateStore(_events, _clock, new AggregateStoreOptions { SnapshotEvery = 100 });
        var proposal = Scenario.Voting(DecisionRule.SimpleMajority(), Scenario.Members(300));
        await store.SaveAsync(proposal);
        Assert.Null(await _events.LoadSnapshotAsync(proposal.StreamName));

        for (var member = 1; member <= 150; member++)
        {
            proposal.Vote(member, Stance.Support);
        }

        await store.SaveAsync(proposal);

        Assert.Equal(153L, (await _events.LoadSnapshotAsync(proposal.StreamName))!.Version);
    }

    [Fact]
    public async Task A_snapshot_of_another_shape_or_unreadable_is_ignored_and_the_events_are_replayed()
    {
        var proposal = LongVote(ballots: 50);
        var store = new AggregateStore(_events, _clock, new AggregateStoreOptions { SnapshotEvery = 0 });
        await store.SaveAsync(proposal);
        await _events.SaveSnapshotAsync(new StoredSnapshot(proposal.StreamName, 20, 99, Scenario.Start, "{}"));
        var otherShape = await store.LoadAsync<Proposal>(proposal.Id);
        await _events.SaveSnapshotAsync(new StoredSnapshot(proposal.StreamName, 30, 1, Scenario.Start, "[\"not\", \"a\", \"proposal\"]"));
        var unreadable = await store.LoadAsync<Proposal>(proposal.Id);

        AssertSameProposal(proposal, otherShape);
        AssertSameProposal(proposal, unreadable);
    }

    [Fact]
    public async Task A_snapshot_claiming_a_version_its_stream_does_not_hold_is_ignored_and_the_events_are_replayed()
    {
        var proposal = LongVote(ballots: 50);
        var store = new AggregateStore(_events, _clock, new AggregateStoreOptions { SnapshotEvery = 0 });
        await store.SaveAsync(proposal);
        var state = Proposal.Snapshots.Take(proposal);
        await _events.SaveSnapshotAsync(new StoredSnapshot(proposal.StreamName, proposal.Version + 5, Proposal.Snapshots.SchemaVersion, Scenario.Start, state));

        var loaded = await store.LoadAsync<Proposal>(proposal.Id);

        AssertSameProposal(proposal, loaded);
        loaded.Vote(7, Stance.Abstain, atHours: 30);
        await store.SaveAsync(loaded);
    }

    [Fact]
    public async Task A_snapshot_of_another_proposal_stored_under_this_ones_name_is_ignored_and_the_events_are_replayed()
    {
        var proposal = LongVote(ballots: 50);
        var store = new AggregateStore(_events, _clock, new AggregateStoreOptions { SnapshotEvery = 0 });
        await store.SaveAsync(proposal);
        var state = Proposal.Snapshots.Take(proposal);
        var ofAnother = state.Replace(proposal.Id.ToString(), Scenario.ProposalNumber(2).ToString(), StringComparison.Ordinal);
        Assert.NotEqual(state, ofAnother);
        await _events.SaveSnapshotAsync(new StoredSnapshot(proposal.StreamName, proposal.Version, Proposal.Snapshots.SchemaVersion, Scenario.Start, ofAnother));

        var loaded = await store.LoadAsync<Proposal>(proposal.Id);

        AssertSameProposal(proposal, loaded);
    }

    [Fact]
    public async Task A_snapshot_of_a_stream_without_events_loads_nothing()
    {
        var proposal = LongVote(ballots: 50);
        await _events.SaveSnapshotAsync(new StoredSnapshot(proposal.StreamName, proposal.Version, Proposal.Snapshots.SchemaVersion, Scenario.Start, Proposal.Snapshots.Take(proposal)));
        var store = new AggregateStore(_events, _clock, new AggregateStoreOptions { SnapshotEvery = 0 });

        Assert.Null(await store.TryLoadAsync<Proposal>(proposal.Id));
    }

    [Theory]
    [InlineData("stanceCount", "its counts per stance are not those of its ballots.")]
    [InlineData("voter", "a ballot that counts is not of a voter of the open round, or takes a stance its rule does not.")]
    [InlineData("round", "its round 1 is out of order or its ending does not fit the status.")]
    [InlineData("status", "its outcome is not its last round's, or a decided proposal has none.")]
    [InlineData("seconders", "its seconders are not distinct members other than the proposer.")]
    [InlineData("quorumReachedAt", "its quorum was reached at an instant outside the last round.")]
    [InlineData("decidedAt", "its outcome and the instant it was decided are not given together.")]
    [InlineData("implementedAt", "its implementation or review date does not fit its status and outcome.")]
    [InlineData("reviewOn", "its implementation or review date does not fit its status and outcome.")]
    public async Task A_snapshot_holding_a_state_no_history_reaches_is_refused_and_the_events_are_replayed(string forged, string why)
    {
        var proposal = LongVote(ballots: 50);
        var store = new AggregateStore(_events, _clock, new AggregateStoreOptions { SnapshotEvery = 0 });
        await store.SaveAsync(proposal);
        var state = JsonNode.Parse(Proposal.Snapshots.Take(proposal))!;
        switch (forged)
        {
            case "stanceCount":
                state["stanceCount"]![0] = (long)state["stanceCount"]![0]! + 1;
                break;
            case "voter":
                state["ballotHistory"]![49]!["voter"] = Scenario.Partner(Voters + 1).ToString();
                break;
            case "round":
                state["rounds"]![0]!["number"] = 2;
                break;
            case "status":
                state["status"] = "Closed";
                break;
            case "seconders":
                state["seconders"] = new JsonArray(Scenario.Partner(1).ToString());
                break;
            case "quorumReachedAt":
                state["quorumReachedAt"] = (Scenario.Start - Duration.FromDays(1)).ToString();
                break;
            case "decidedAt":
                state["decidedAt"] = Scenario.Hours(2).ToString();
                break;
            case "implementedAt":
                state["implementedAt"] = Scenario.Hours(2).ToString();
                break;
            case "reviewOn":
                state["reviewOn"] = "2026-06-01";
                break;
        }

        var refusal = Assert.Throws<InvalidDataException>(() => Proposal.Snapshots.Restore(state.ToJsonString(), proposal.Version));
        Assert.EndsWith(why, refusal.Message, StringComparison.Ordinal);

        await _events.SaveSnapshotAsync(new StoredSnapshot(proposal.StreamName, proposal.Version, Proposal.Snapshots.SchemaVersion, Scenario.Start, state.ToJsonString()));
        AssertSameProposal(proposal, await store.LoadAsync<Proposal>(proposal.Id));
    }

    [Fact]
    public void A_snapshot_of_a_decided_proposal_without_the_instant_it_was_decided_is_refused()
    {
        var proposal = Scenario.Voting(DecisionRule.SimpleMajority(), Scenario.Members(1));
        proposal.Vote(1, Stance.Support);
        proposal.Close(Scenario.ChairActor, Scenario.Hours(2));
        proposal.DequeueUncommittedEvents();
        var state = JsonNode.Parse(Proposal.Snapshots.Take(proposal))!;

        state["decidedAt"] = null;

        var refusal = Assert.Throws<InvalidDataException>(() => Proposal.Snapshots.Restore(state.ToJsonString(), proposal.Version));
        Assert.EndsWith("its outcome and the instant it was decided are not given together.", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_committed_state_is_snapshotted()
    {
        var store = new AggregateStore(_events, _clock);
        var proposal = Scenario.Discussed(DecisionRule.SimpleMajority());

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveSnapshotAsync(proposal));
    }

    private static void AssertSameProposal(Proposal expected, Proposal actual)
    {
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(ObservableState.Describe(expected), ObservableState.Describe(actual));
    }

    // Members 1..1000 vote and keep changing their minds: the ballot history grows to `ballots` entries.
    private static Proposal LongVote(int ballots = Ballots)
    {
        var proposal = Scenario.Voting(DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half)), Scenario.Members(Voters));
        var stances = new[] { Stance.Support, Stance.Oppose, Stance.Abstain };
        for (var i = 0; i < ballots; i++)
        {
            var member = (i % Voters) + 1;
            proposal.CastBallot(Scenario.Partner(member), stances[(i / Voters + member) % 3], null, Scenario.For(member), Scenario.Start + Duration.FromSeconds(i + 1));
        }

        return proposal;
    }
}
