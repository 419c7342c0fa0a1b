using System.Text.Json.Nodes;

namespace Coalitions.Core.Storage;

/// <summary>
/// The library's own upcasters: every change to the JSON shape of a released event adds one here (and raises the type's
/// schema version through it), so events stored by earlier versions keep loading. <see cref="EventSerializer.Default"/> uses them.
/// </summary>
internal static class EventUpcasters
{
    /// <summary>
    /// <c>Decisions.RoundClosed</c> v1 → v2. Version 1 stored the outcome's explanation and the rule, the quorum and each
    /// condition in words; version 2 stores figures only and renders the words when read, from the round's rule (kept in
    /// <c>VotingOpened</c>). Every figure of version 1 is kept; the prose is dropped. Version 1 recorded a chamber-weighted
    /// share only as a rounded percent, so such a share stays without its exact value.
    /// </summary>
    internal static EventUpcaster RoundClosedWithoutProse { get; } = EventUpcaster.Reshape("Decisions.RoundClosed", 1, json =>
    {
        if (json["outcome"] is JsonObject outcome)
        {
            outcome.Remove("explanation");
            outcome.Remove("rule");
            if (outcome["quorum"] is JsonObject quorum)
            {
                quorum.Remove("rule");
            }

            if (outcome["conditions"] is JsonArray conditions)
            {
                foreach (var condition in conditions.OfType<JsonObject>())
                {
                    condition.Remove("condition");
                }
            }
        }

        return json;
    });

    /// <summary>
    /// <c>Polls.PollClosed</c> version 1 stored its result with an <c>explanation</c> and a <c>note</c> per round, in
    /// English prose; version 2 stores figures only (winners, rounds, thresholds, ties, counts) and renders the words when
    /// the result is read. The prose is dropped: the words of an old result are rendered from its figures, like a new one's.
    /// Figures version 1 did not record (thresholds, the surplus passed on, the answers per slot of a meeting-time poll)
    /// are left out of its words.
    /// </summary>
    internal static EventUpcaster PollClosedWithoutProse { get; } = EventUpcaster.Reshape("Polls.PollClosed", 1, json =>
    {
        if (json["result"] is JsonObject result)
        {
            result.Remove("explanation");
            if (result["rounds"] is JsonArray rounds)
            {
                foreach (var round in rounds)
                {
                    (round as JsonObject)?.Remove("note");
                }
            }
        }

        return json;
    });

    /// <summary>
    /// <c>Decisions.BallotCast</c> v1 → v2. A ballot is cast in its voter's name, so version 1's actor object
    /// (<c>"by": {"kind": "Person", "person": …, "onBehalfOf": the voter}</c>) repeated the voter's id; version 2 stores only
    /// the person who cast it (<c>"person": …</c>) and keeps the whole actor object for any other actor. Nothing is lost:
    /// the actor read back is the same.
    /// </summary>
    internal static EventUpcaster BallotCastWithCompactActor { get; } = EventUpcaster.Reshape("Decisions.BallotCast", 1, json =>
    {
        if (json["by"] is JsonObject by && by.Count == 3 &&
            by["kind"] is JsonValue kind && kind.TryGetValue<string>(out var kindName) && kindName == "Person" &&
            by["person"] is JsonValue person && person.TryGetValue<string>(out var personId) &&
            by["onBehalfOf"] is JsonValue partner && partner.TryGetValue<string>(out var partnerId) &&
            json["voter"] is JsonValue voter && voter.TryGetValue<string>(out var voterId) &&
            Guid.TryParse(partnerId, out var onBehalfOf) && Guid.TryParse(voterId, out var voterGuid) && onBehalfOf == voterGuid)
        {
            json.Remove("by");
            json["person"] = personId;
        }

        return json;
    });

    /// <summary>
    /// <c>Decisions.VotingOpened</c> v1 → v2. Version 1 stored the frozen electorate as one object per voter (about 137
    /// bytes a voter, 13.7 MB for 100,000); version 2 stores it in columns (the ids as base64 runs of 16-byte GUIDs, the
    /// other columns only where a voter differs from the defaults), about a third of the room. The electorate is read in
    /// the old shape, checked by its constructors as ever, and written in the new; the voters, their order and every
    /// figure stay the same.
    /// </summary>
    internal static EventUpcaster VotingOpenedWithColumnarElectorate { get; } = EventUpcaster.Reshape("Decisions.VotingOpened", 1, ColumnarElectorate);

    /// <summary><c>Polls.PollOpened</c> v1 → v2: its frozen electorate in columns, as <see cref="VotingOpenedWithColumnarElectorate"/> describes.</summary>
    internal static EventUpcaster PollOpenedWithColumnarElectorate { get; } = EventUpcaster.Reshape("Polls.PollOpened", 1, ColumnarElectorate);

    // After the upcasters it lists: static properties are initialized in the order they are written.
    public static IReadOnlyList<EventUpcaster> All { get; } =
    [
        RoundClosedWithoutProse,
        PollClosedWithoutProse,
        BallotCastWithCompactActor,
        VotingOpenedWithColumnarElectorate,
        PollOpenedWithColumnarElectorate,
    ];

    // The electorate read in the shape of version 1 (one object per voter), checked by its constructors, written in columns.
    private static JsonObject ColumnarElectorate(JsonObject json)
    {
        if (json["electorate"] is JsonObject electorate)
        {
            // An object reads as an electorate or throws: never null.
            var frozen = Serialization.CoalitionsJson.Deserialize<Decisions.Electorate>(electorate.ToJsonString())!;
            json["electorate"] = JsonNode.Parse(Serialization.CoalitionsJson.Serialize(frozen));
        }

        return json;
    }
}
