using System.Text.Json.Nodes;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Storage;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using NodaTime.Testing;

namespace Coalitions.Core.Tests.Storage;

/// <summary>
/// Events written by an older version of the library still load: these stored "version 1" events use an old name
/// (<c>Decisions.MotionSupported</c> with a <c>supporter</c>) and an old shape (<c>Decisions.ReviewScheduled</c> with a
/// <c>reviewDate</c>), as JSON text exactly as an older library would have stored them.
/// </summary>
public class UpcastingTests
{
    private const string StoredMotionSupportedV1 =
        """{"$type":"Decisions.MotionSupported","proposal":"d0000000-0000-0000-0000-000000000001","supporter":"a0000000-0000-0000-0000-000000000002","at":"2026-03-02T10:00:00Z","by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000002","onBehalfOf":"a0000000-0000-0000-0000-000000000002"}}""";

    private const string StoredReviewScheduledV1 =
        """{"by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000900"},"$type":"Decisions.ReviewScheduled","proposal":"d0000000-0000-0000-0000-000000000001","reviewDate":"2027-03-01","at":"2026-03-05T09:00:00Z"}""";

    private static readonly EventUpcaster MotionSupportedBecameMotionSeconded = EventUpcaster.Rename(
        "Decisions.MotionSupported", 1, "Decisions.MotionSeconded", 1, json => Renamed(json, "supporter", "seconder"));

    private static readonly EventUpcaster ReviewDateBecameReviewOn = EventUpcaster.Reshape(
        "Decisions.ReviewScheduled", 1, json => Renamed(json, "reviewDate", "reviewOn"));

    private readonly InMemoryEventStore _events = new();

    [Fact]
    public async Task A_renamed_event_stored_by_an_older_version_loads_as_the_new_one()
    {
        var proposal = Scenario.Discussed(DecisionRule.SimpleMajority(), secondersRequired: 1);
        var store = Store(MotionSupportedBecameMotionSeconded);
        await store.SaveAsync(proposal);
        await _events.AppendAsync(proposal.StreamName, 2, [Stored("Decisions.MotionSupported", 1, StoredMotionSupportedV1)]);

        var loaded = await store.LoadAsync<Proposal>(proposal.Id);

        Assert.Equal([Scenario.Partner(2)], loaded.Seconders);
        Assert.Equal(3L, loaded.Version);
    }

    [Fact]
    public async Task A_reshaped_event_stored_at_schema_version_one_loads_through_the_upcaster_and_new_events_are_written_at_version_two()
    {
        var serializer = new EventSerializer([ReviewDateBecameReviewOn]);
        var proposal = Adopted();
        var store = Store(ReviewDateBecameReviewOn);
        await store.SaveAsync(proposal);
        await _events.AppendAsync(proposal.StreamName, proposal.Version, [Stored("Decisions.ReviewScheduled", 1, StoredReviewScheduledV1)]);

        var loaded = await store.LoadAsync<Proposal>(proposal.Id);
        var envelope = serializer.ToEnvelope((await _events.ReadStreamAsync(proposal.StreamName, loaded.Version))[0]);

        Assert.Equal(new LocalDate(2027, 3, 1), loaded.ReviewOn);
        Assert.Equal((1, "Decisions.ReviewScheduled"), (envelope.SchemaVersion, envelope.EventType));
        Assert.Equal(2, serializer.SchemaVersionOf("Decisions.ReviewScheduled"));
        Assert.Equal(1, EventSerializer.Default.SchemaVersionOf("Decisions.ReviewScheduled"));
    }

    [Fact]
    public async Task Without_its_upcaster_an_old_event_is_unreadable_with_the_documented_code()
    {
        var proposal = Scenario.Discussed(DecisionRule.SimpleMajority(), secondersRequired: 1);
        var store = new AggregateStore(_events, new FakeClock(Scenario.Start));
        await store.SaveAsync(proposal);
        await _events.AppendAsync(proposal.StreamName, 2, [Stored("Decisions.MotionSupported", 1, StoredMotionSupportedV1)]);

        var error = await Assert.ThrowsAsync<StoredEventException>(() => store.LoadAsync<Proposal>(proposal.Id));

        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, error.Code);
        Assert.Equal((3L, "Decisions.MotionSupported"), (error.Position, error.EventType));
    }

    [Fact]
    public void Upcasters_that_loop_or_lead_nowhere_are_refused_when_the_serializer_is_built()
    {
        Assert.Throws<ArgumentException>(() => new EventSerializer(
        [
            EventUpcaster.Rename("Old.A", 1, "Old.B", 1),
            EventUpcaster.Rename("Old.B", 1, "Old.A", 1),
        ]));
        Assert.Throws<ArgumentException>(() => new EventSerializer([EventUpcaster.Rename("Old.A", 1, "Old.B", 1)]));
        Assert.Throws<ArgumentException>(() => new EventSerializer([ReviewDateBecameReviewOn, ReviewDateBecameReviewOn]));
        Assert.Throws<ArgumentException>(() => new EventUpcaster("Decisions.ReviewScheduled", 2, "Decisions.ReviewScheduled", 2, json => json));
    }

    [Fact]
    public void The_type_map_runs_both_ways_for_every_event_type()
    {
        var serializer = EventSerializer.Default;

        Assert.NotEmpty(serializer.EventTypes);
        Assert.All(serializer.EventTypes, pair => Assert.Equal(pair.Key, serializer.TypeNameOf(pair.Value)));
        Assert.True(serializer.IsDomainEvent("Decisions.BallotCast"));
        Assert.False(serializer.IsDomainEvent("Decisions.MotionSupported"));
        Assert.True(new EventSerializer([MotionSupportedBecameMotionSeconded]).IsDomainEvent("Decisions.MotionSupported"));
    }

    private static JsonObject Renamed(JsonObject json, string from, string to)
    {
        var value = json[from];
        json.Remove(from);
        json[to] = value;
        return json;
    }

    private static EventData Stored(string type, int schemaVersion, string json) =>
        new(Guid.NewGuid(), type, schemaVersion, Scenario.Start, json, "{}");

    private static Proposal Adopted()
    {
        var proposal = Scenario.Voting(DecisionRule.SimpleMajority(), Scenario.Members(3));
        proposal.Vote(1, Stance.Support);
        proposal.Vote(2, Stance.Support);
        proposal.Vote(3, Stance.Support);
        proposal.Close(Scenario.ChairActor, Scenario.Hours(2));
        return proposal;
    }

    private AggregateStore Store(EventUpcaster upcaster) =>
        new(_events, new FakeClock(Scenario.Start), new AggregateStoreOptions { Serializer = new EventSerializer([upcaster]) });
}
