using System.Text.Json.Nodes;
using Coalitions.Core.Serialization;
using Coalitions.Core.Storage;
using Coalitions.Core.Tests.Decisions;
using Coalitions.Core.Tests.Polls;
using Coalitions.Core.Tests.Serialization;

namespace Coalitions.Core.Tests.Storage;

/// <summary>
/// The library's own upcasters turn an event stored by an earlier version into the current shape: every property of the
/// upcast text is written back, with the same value, when the event it reads as is written again (the written event may
/// add properties that later versions added with a default, such as a poll round's <c>electedWithoutQuota</c>). The
/// reader skips properties it does not know, so an upcaster that left an old property behind (the prose of an outcome or
/// a result, the whole actor of a ballot, an electorate as one object per voter) would still load; this is where leaving
/// it would show.
/// </summary>
public class LibraryUpcasterTests
{
    public static TheoryData<string, string> StoredByEarlierVersions()
    {
        var data = new TheoryData<string, string>
        {
            { "a round closed with its outcome in words", StoredOutcomeTests.StoredRoundOneClosedV1 },
            { "a chamber vote closed with its conditions in words", StoredOutcomeTests.StoredRoundTwoClosedV1 },
            { "an STV count closed with its rounds' notes", PollResultWordsTests.StoredGregoryClosedV1 },
            { "a ballot with the whole actor object", BallotJsonTests.StoredBallotV1 },
            { "a ballot cast by the system", BallotJsonTests.StoredBallotV1.Replace("\"by\":{\"kind\":\"Person\",\"person\":\"b0000000-0000-0000-0000-000000000001\",\"onBehalfOf\":\"a0000000-0000-0000-0000-000000000001\"}", "\"by\":{\"kind\":\"System\",\"process\":\"importer\"}", StringComparison.Ordinal) },
            { "a ballot cast for another member", BallotJsonTests.StoredBallotV1.Replace("\"onBehalfOf\":\"a0000000-0000-0000-0000-000000000001\"", "\"onBehalfOf\":\"a0000000-0000-0000-0000-000000000002\"", StringComparison.Ordinal) },
        };
        foreach (var json in PollResultWordsTests.StoredInstantRunoffV1.Where(json => JsonNode.Parse(json)!["$type"]!.GetValue<string>() is "Polls.PollOpened" or "Polls.PollClosed"))
        {
            data.Add("an instant-runoff poll's " + JsonNode.Parse(json)!["$type"]!.GetValue<string>(), json);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StoredByEarlierVersions))]
    public void An_event_upcast_by_the_library_is_in_the_current_shape_exactly(string stored, string json)
    {
        var type = JsonNode.Parse(json)!["$type"]!.GetValue<string>();
        var upcaster = Assert.Single(EventUpcasters.All, u => u.FromType == type && u.FromVersion == 1);

        var upcast = upcaster.Transform(JsonNode.Parse(json)!.AsObject());
        var written = JsonNode.Parse(CoalitionsJson.SerializeEvent(CoalitionsJson.DeserializeEvent(upcast.ToJsonString())))!;

        Assert.True(Within(upcast, written), $"{stored}:\nupcast  {upcast.ToJsonString()}\nwritten {written.ToJsonString()}");
        Assert.Equal(upcaster.ToVersion, EventSerializer.Default.SchemaVersionOf(type));
    }

    [Fact]
    public void The_shape_check_finds_a_property_left_behind_a_changed_value_and_a_list_of_another_length()
    {
        var written = JsonNode.Parse("""{"a":1,"b":[{"c":"x"}],"d":[]}""")!;

        Assert.True(Within(JsonNode.Parse("""{"a":1,"b":[{"c":"x"}]}""")!, written));
        Assert.False(Within(JsonNode.Parse("""{"a":1,"explanation":"words"}""")!, written));
        Assert.False(Within(JsonNode.Parse("""{"a":2}""")!, written));
        Assert.False(Within(JsonNode.Parse("""{"b":[{"c":"x","note":"words"}]}""")!, written));
        Assert.False(Within(JsonNode.Parse("""{"b":[]}""")!, written));
    }

    [Fact]
    public void A_stored_electorate_of_one_object_per_voter_is_upcast_to_columns_and_a_missing_one_stays_missing()
    {
        var opened = JsonNode.Parse(PollResultWordsTests.StoredInstantRunoffV1.Single(json => json.Contains("\"Polls.PollOpened\"", StringComparison.Ordinal)))!.AsObject();
        var withoutElectorate = opened.DeepClone().AsObject();
        withoutElectorate.Remove("electorate");

        var upcast = EventUpcasters.PollOpenedWithColumnarElectorate.Transform(opened);
        var untouched = EventUpcasters.VotingOpenedWithColumnarElectorate.Transform(withoutElectorate.DeepClone().AsObject());

        Assert.NotNull(upcast["electorate"]!["partners"]);
        Assert.Null(upcast["electorate"]!["voters"]);
        Assert.True(JsonNode.DeepEquals(withoutElectorate, untouched));
    }

    // Whether every property of the upcast JSON is in the written JSON with the same value, lists item by item.
    private static bool Within(JsonNode? upcast, JsonNode? written) => (upcast, written) switch
    {
        (JsonObject from, JsonObject to) => from.All(p => to.ContainsKey(p.Key) && Within(p.Value, to[p.Key])),
        (JsonArray from, JsonArray to) => from.Count == to.Count && from.Zip(to).All(pair => Within(pair.First, pair.Second)),
        _ => JsonNode.DeepEquals(upcast, written),
    };
}
