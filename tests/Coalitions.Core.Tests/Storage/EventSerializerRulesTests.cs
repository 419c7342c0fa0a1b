using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Storage;
using Coalitions.Core.Tests.Kit;

namespace Coalitions.Core.Tests.Storage;

/// <summary>
/// What the event serializer says, in words, when a host's upcasters do not fit together and when a stored event is not
/// one it can read: a host reads these messages in its logs, so each names the type, the versions and the place.
/// </summary>
public class EventSerializerRulesTests
{
    private static readonly StoredEvent Drafted = StoredAs(Scenario.Discussed(DecisionRule.SimpleMajority()).UncommittedEvents[0]);

    [Fact]
    public void Upcasters_that_do_not_fit_together_are_refused_naming_the_upcaster()
    {
        var twice = Assert.Throws<ArgumentException>(() => new EventSerializer([EventUpcaster.Rename("Old.A", 1, "Decisions.ProposalDrafted", 1), EventUpcaster.Rename("Old.A", 1, "Decisions.ProposalSubmitted", 1)]));
        var loop = Assert.Throws<ArgumentException>(() => new EventSerializer([EventUpcaster.Rename("Old.A", 1, "Old.B", 1), EventUpcaster.Rename("Old.B", 1, "Old.A", 1)]));
        var nowhere = Assert.Throws<ArgumentException>(() => new EventSerializer([EventUpcaster.Rename("Old.A", 1, "Old.B", 1)]));

        Assert.StartsWith("Two upcasters read Old.A v1.", twice.Message, StringComparison.Ordinal);
        Assert.StartsWith("The upcasters from Old.A v1 -> Old.B v1 loop.", loop.Message, StringComparison.Ordinal);
        Assert.StartsWith("The upcasters from Old.A v1 -> Old.B v1 end at Old.B, which is not an event type of this library.", nowhere.Message, StringComparison.Ordinal);
        Assert.All([twice, loop, nowhere], e => Assert.Equal("upcasters", e.ParamName));
    }

    [Fact]
    public void A_chain_of_upcasters_as_long_as_there_are_upcasters_is_no_loop()
    {
        // Three renames in a row end at a type of the library: each chain walks at most as many steps as there are upcasters.
        var serializer = new EventSerializer(
        [
            EventUpcaster.Rename("Old.A", 1, "Old.B", 1),
            EventUpcaster.Rename("Old.B", 1, "Old.C", 1),
            EventUpcaster.Rename("Old.C", 1, "Decisions.ProposalDrafted", 1),
        ]);

        Assert.IsType<ProposalDrafted>(serializer.Deserialize(Drafted with { EventType = "Old.A" }));
    }

    [Fact]
    public void A_type_that_is_not_an_event_of_the_library_is_refused_by_name()
    {
        var byType = Assert.Throws<ArgumentException>(() => EventSerializer.Default.TypeNameOf(typeof(string)));
        var byName = Assert.Throws<ArgumentException>(() => EventSerializer.Default.SchemaVersionOf("Decisions.Nothing"));

        Assert.StartsWith("String is not an event type of Coalitions.Core.", byType.Message, StringComparison.Ordinal);
        Assert.StartsWith("Decisions.Nothing is not an event type of Coalitions.Core.", byName.Message, StringComparison.Ordinal);
        Assert.Equal(("eventType", "typeName"), (byType.ParamName, byName.ParamName));
    }

    [Theory]
    [InlineData("Decisions.Nothing", 1, "Decisions.Nothing is not an event type of this version of Coalitions.Core.")]
    [InlineData("Decisions.ProposalDrafted", 2, "it has schema version 2, written by a newer version of Coalitions.Core than this one, which reads up to 1.")]
    [InlineData("Decisions.ProposalSubmitted", 1, "its data holds a Decisions.ProposalDrafted, but it is stored as Decisions.ProposalSubmitted.")]
    public void A_stored_event_that_cannot_be_read_says_where_it_is_and_why(string type, int version, string why)
    {
        var stored = Drafted with { EventType = type, SchemaVersion = version };

        var error = Assert.Throws<StoredEventException>(() => EventSerializer.Default.Deserialize(stored));

        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, error.Code);
        Assert.Equal((7L, type), (error.Position, error.EventType));
        Assert.Equal($"Event 7 of {Drafted.StreamName} ({type} v{version}, global position 12) cannot be read: {why}", error.Message);
    }

    [Fact]
    public void An_old_version_that_no_upcaster_reads_is_unreadable_naming_the_current_version()
    {
        // A host's upcaster reads version 2 of drafts (so 3 is current), and none reads version 1.
        var serializer = new EventSerializer([EventUpcaster.Reshape("Decisions.ProposalDrafted", 2, json => json)]);

        var error = Assert.Throws<StoredEventException>(() => serializer.Deserialize(Drafted));

        Assert.EndsWith("cannot be read: no upcaster reads schema version 1 of Decisions.ProposalDrafted (the current version is 3).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_event_whose_text_is_broken_is_named_by_its_place_and_its_type_as_stored()
    {
        var broken = Drafted with { Data = Drafted.Data.Replace("\"proposal\":\"d", "\"proposal\":\"x", StringComparison.Ordinal) };
        var renamed = new EventSerializer([EventUpcaster.Rename("Old.Drafted", 1, "Decisions.ProposalDrafted", 1)]);

        var error = Assert.Throws<StoredEventException>(() => EventSerializer.Default.Deserialize(broken));
        var underOldName = Assert.Throws<StoredEventException>(() => renamed.Deserialize(broken with { EventType = "Old.Drafted" }));

        Assert.Equal((7L, "Decisions.ProposalDrafted"), (error.Position, error.EventType));
        Assert.StartsWith($"Event 7 of {Drafted.StreamName} (Decisions.ProposalDrafted v1, global position 12): A stored event", error.Message, StringComparison.Ordinal);
        Assert.Equal((7L, "Old.Drafted"), (underOldName.Position, underOldName.EventType));
    }

    [Theory]
    [InlineData("not an object", "[1,2]", "The data is not a JSON object.")]
    [InlineData("not JSON", "{", null)]
    [InlineData("an upcaster returning null", "{}", "upcasting Old.A v1 -> Decisions.ProposalDrafted v1 failed: The upcaster returned null.")]
    [InlineData("an upcaster that throws", "{}", "upcasting Old.A v1 -> Decisions.ProposalDrafted v1 failed: The old shape had no title.")]
    public void An_event_that_cannot_be_upcast_is_unreadable_in_words(string what, string data, string? why)
    {
        Func<System.Text.Json.Nodes.JsonObject, System.Text.Json.Nodes.JsonObject> transform = what switch
        {
            "an upcaster returning null" => _ => null!,
            "an upcaster that throws" => _ => throw new InvalidOperationException("The old shape had no title."),
            _ => json => json,
        };
        var serializer = new EventSerializer([EventUpcaster.Rename("Old.A", 1, "Decisions.ProposalDrafted", 1, transform)]);

        var error = Assert.Throws<StoredEventException>(() => serializer.Deserialize(Drafted with { EventType = "Old.A", Data = data }));

        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, error.Code);
        Assert.Equal((7L, "Old.A"), (error.Position, error.EventType));
        Assert.StartsWith($"Event 7 of {Drafted.StreamName} (Old.A v1, global position 12) cannot be read: ", error.Message, StringComparison.Ordinal);
        if (why is not null)
        {
            Assert.EndsWith(why, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_event_stored_without_metadata_has_none(string metadata)
    {
        var envelope = EventSerializer.Default.ToEnvelope(Drafted with { Metadata = metadata });

        Assert.Equal(EventMetadata.None, envelope.Metadata);
    }

    [Fact]
    public void Metadata_that_is_not_json_makes_the_event_unreadable_in_words()
    {
        var error = Assert.Throws<StoredEventException>(() => EventSerializer.Default.ToEnvelope(Drafted with { Metadata = "not json" }));

        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, error.Code);
        Assert.StartsWith($"Event 7 of {Drafted.StreamName} (Decisions.ProposalDrafted v1, global position 12) cannot be read: its metadata cannot be read: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_event_a_broken_store_hands_back_without_its_text_is_unreadable_not_an_argument_error()
    {
        var error = Assert.Throws<StoredEventException>(() => EventSerializer.Default.Deserialize(Drafted with { Data = null! }));

        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, error.Code);
        Assert.Equal((7L, "Decisions.ProposalDrafted"), (error.Position, error.EventType));
        Assert.IsType<ArgumentNullException>(error.InnerException);
    }

    private static StoredEvent StoredAs(IDomainEvent domainEvent)
    {
        var data = EventSerializer.Default.Serialize(domainEvent, Guid.NewGuid(), Scenario.Start);
        return new StoredEvent(data.EventId, "proposal-d0000000-0000-0000-0000-000000000001", 7, 12, data.EventType, data.SchemaVersion, data.RecordedAt, data.Data, data.Metadata);
    }
}
