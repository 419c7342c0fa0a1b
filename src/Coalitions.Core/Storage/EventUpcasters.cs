using System.Text.Json.Nodes;

namespace Coalitions.Core.Storage;

/// <summary>
/// The library's own upcasters: every change to the JSON shape of a released event adds one here (and raises the type's
/// schema version through it), so events stored by earlier versions keep loading. <see cref="EventSerializer.Default"/> uses them.
/// </summary>
internal static class EventUpcasters
{
    public static IReadOnlyList<EventUpcaster> All { get; } =
    [
        EventUpcaster.Reshape("Polls.PollClosed", 1, PollClosedWithoutProse),
    ];

    /// <summary>
    /// <c>Polls.PollClosed</c> version 1 stored its result with an <c>explanation</c> and a <c>note</c> per round, in
    /// English prose; version 2 stores figures only (winners, rounds, thresholds, ties, counts) and renders the words when
    /// the result is read. The prose is dropped: the words of an old result are rendered from its figures, like a new one's.
    /// Figures version 1 did not record (thresholds, the surplus passed on, the answers per slot of a meeting-time poll)
    /// are left out of its words.
    /// </summary>
    private static JsonObject PollClosedWithoutProse(JsonObject json)
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
    }
}
