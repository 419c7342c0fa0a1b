using Coalitions.Core.Kernel;
using Coalitions.Core.Storage;
using Coalitions.Core.Tests.Kit;

namespace Coalitions.Core.Tests.Storage;

/// <summary>
/// The argument checks every event store shares, each at its edge and in its words: a store in another package refuses
/// the same things the same way because it calls these.
/// </summary>
public class EventStoreRulesTests
{
    private static readonly EventData Event = new(Guid.NewGuid(), "Decisions.ProposalSubmitted", 1, Scenario.Start, "{}", "{}");

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("proposal-\u0001")]
    [InlineData(null)]
    public void A_stream_name_that_is_blank_or_holds_a_control_character_is_refused_in_words(string? name)
    {
        var error = Assert.Throws<ArgumentException>(() => EventStoreRules.CheckStreamName(name!));

        Assert.Equal("streamName", error.ParamName);
        Assert.StartsWith("A stream name is not blank, has at most 200 characters and no control characters.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_name_holding_half_of_a_character_is_refused()
    {
        // A fact, not a theory: the runner's theory data would replace the halves.
        Assert.All(["proposal-\ud800", "\udc00proposal", "proposal-\ude00\ud83d"], name =>
            Assert.Equal("streamName", Assert.Throws<ArgumentException>(() => EventStoreRules.CheckStreamName(name)).ParamName));
        EventStoreRules.CheckStreamName("proposal-\ud83c\udf0d");
    }

    [Fact]
    public void A_stream_name_has_at_most_two_hundred_characters()
    {
        EventStoreRules.CheckStreamName(new string('s', 200));

        Assert.Throws<ArgumentException>(() => EventStoreRules.CheckStreamName(new string('s', 201)));
    }

    [Fact]
    public void An_append_is_checked_for_its_stream_version_and_events_in_that_order()
    {
        Assert.Equal("streamName", Assert.Throws<ArgumentException>(() => EventStoreRules.CheckAppend(" ", -1, [])).ParamName);
        Assert.Equal("expectedVersion", Assert.Throws<ArgumentOutOfRangeException>(() => EventStoreRules.CheckAppend("proposal-a", -1, [])).ParamName);
        Assert.Equal("events", Assert.Throws<ArgumentNullException>(() => EventStoreRules.CheckAppend("proposal-a", 0, null!)).ParamName);
    }

    [Theory]
    [InlineData("a version below zero", "expectedVersion", "An expected version is 0 (a new stream) or more.")]
    [InlineData("no events", "events", "An append holds at least one event.")]
    [InlineData("a version with no room for the events", "expectedVersion", "An expected version leaves room for the events appended after it.")]
    [InlineData("the empty id", "events", "Every event has its own non-empty id.")]
    [InlineData("one id twice", "events", "Every event has its own non-empty id.")]
    [InlineData("a blank type", "events", "Every event has a type of at most 200 characters, without control characters.")]
    [InlineData("a type of 201 characters", "events", "Every event has a type of at most 200 characters, without control characters.")]
    [InlineData("a type with a control character", "events", "Every event has a type of at most 200 characters, without control characters.")]
    [InlineData("data that is not JSON", "events", "Every event's data and metadata are each one JSON text.")]
    [InlineData("metadata that is not JSON", "events", "Every event's data and metadata are each one JSON text.")]
    [InlineData("schema version zero", "events", "Schema versions start at 1.")]
    public void An_append_past_a_rule_is_refused_in_its_words(string past, string parameter, string words)
    {
        var (version, events) = past switch
        {
            "a version below zero" => (-1L, new[] { Event }),
            "no events" => (0L, []),
            "a version with no room for the events" => (long.MaxValue - 1, new[] { Event, Event with { EventId = Guid.NewGuid() } }),
            "the empty id" => (0L, [Event with { EventId = Guid.Empty }]),
            "one id twice" => (0L, [Event, Event]),
            "a blank type" => (0L, [Event with { EventType = " " }]),
            "a type of 201 characters" => (0L, [Event with { EventType = new string('t', 201) }]),
            "a type with a control character" => (0L, [Event with { EventType = "Decisions.\u0000BallotCast" }]),
            "data that is not JSON" => (0L, [Event with { Data = "{\"a\":1} {}" }]),
            "metadata that is not JSON" => (0L, [Event with { Metadata = "{\"a\":" }]),
            _ => (0L, [Event with { SchemaVersion = 0 }]),
        };

        var error = Assert.ThrowsAny<ArgumentException>(() => EventStoreRules.CheckAppend("proposal-a", version, events));

        Assert.Equal(parameter, error.ParamName);
        Assert.StartsWith(words, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_append_at_every_edge_that_is_allowed_passes()
    {
        EventStoreRules.CheckAppend("proposal-a", 0, [Event]);
        EventStoreRules.CheckAppend("proposal-a", long.MaxValue - 1, [Event]);
        EventStoreRules.CheckAppend("proposal-a", 7, [Event with { EventType = new string('t', 200) }, Event with { EventId = Guid.NewGuid(), SchemaVersion = 1 }]);
    }

    [Fact]
    public void An_events_text_is_one_strict_JSON_value_of_any_length_and_depth_the_serializer_writes()
    {
        Assert.True(EventStoreRules.IsOneJsonText("{}"));
        Assert.True(EventStoreRules.IsOneJsonText(" \n[1,\"two\",{\"three\":null}]\t"));
        Assert.True(EventStoreRules.IsOneJsonText("\"" + new string('x', 100_000) + "\""));
        Assert.True(EventStoreRules.IsOneJsonText(new string('[', 200) + new string(']', 200)));
        Assert.True(EventStoreRules.IsOneJsonText("\"Clean water \ud83c\udf0d\""));

        Assert.False(EventStoreRules.IsOneJsonText(string.Empty));
        Assert.False(EventStoreRules.IsOneJsonText("{} {}"));
        Assert.False(EventStoreRules.IsOneJsonText("[1,]"));
        Assert.False(EventStoreRules.IsOneJsonText("/* note */ {}"));
        Assert.False(EventStoreRules.IsOneJsonText("\"" + new string('x', 100_000)));
        Assert.False(EventStoreRules.IsOneJsonText("\"half \ud83d of a character\""));
        Assert.False(EventStoreRules.IsOneJsonText("\"" + new string('x', 2_000) + "\ud83d\""));
        Assert.False(EventStoreRules.IsOneJsonText("\"" + new string('x', 100_000) + "\ud83d\""));
        Assert.True(EventStoreRules.IsOneJsonText("\"" + new string('\u00e9', 30_000) + "\""));
        Assert.False(EventStoreRules.IsOneJsonText(new string('[', 1_100) + new string(']', 1_100)));
    }

    [Theory]
    [InlineData("Data")]
    [InlineData("Metadata")]
    public void An_event_without_its_text_is_refused(string missing)
    {
        var bare = missing == "Data" ? Event with { Data = null! } : Event with { Metadata = null! };

        Assert.Equal("events", Assert.Throws<ArgumentNullException>(() => EventStoreRules.CheckAppend("proposal-a", 0, [bare])).ParamName);
        Assert.Equal("events", Assert.Throws<ArgumentNullException>(() => EventStoreRules.CheckAppend("proposal-a", 0, [null!])).ParamName);
    }

    [Fact]
    public void Reads_start_at_version_one_and_after_position_zero_and_read_at_least_one_event()
    {
        EventStoreRules.CheckReadStream("proposal-a", 1);
        EventStoreRules.CheckReadAll(0, 1);

        var version = Assert.Throws<ArgumentOutOfRangeException>(() => EventStoreRules.CheckReadStream("proposal-a", 0));
        var position = Assert.Throws<ArgumentOutOfRangeException>(() => EventStoreRules.CheckReadAll(-1, 1));
        var count = Assert.Throws<ArgumentOutOfRangeException>(() => EventStoreRules.CheckReadAll(0, 0));

        Assert.StartsWith("Versions start at 1.", version.Message, StringComparison.Ordinal);
        Assert.StartsWith("Positions start at 1; 0 reads from the beginning.", position.Message, StringComparison.Ordinal);
        Assert.StartsWith("Read at least one event.", count.Message, StringComparison.Ordinal);
        Assert.Equal(("fromVersion", "afterPosition", "maxCount"), (version.ParamName, position.ParamName, count.ParamName));
        Assert.Throws<ArgumentException>(() => EventStoreRules.CheckReadStream("", 1));
    }

    [Fact]
    public void A_conflict_says_where_the_stream_is_and_only_it_is_worth_retrying()
    {
        var conflict = EventStoreRules.Conflict("proposal-a", 3, 5);

        Assert.Equal(ErrorCodes.Kernel.ConcurrencyConflict, conflict.Code);
        Assert.Equal("proposal-a is at version 5, not 3 as expected: someone else changed it since it was loaded. Load it again and retry.", conflict.Message);
        Assert.True(EventStoreRules.IsConflict(conflict));
        Assert.False(EventStoreRules.IsConflict(null));
        Assert.False(EventStoreRules.IsConflict(new CoalitionRuleException(ErrorCodes.Storage.StreamNotFound, "No events.")));
    }
}
