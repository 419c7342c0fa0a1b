namespace Coalitions.Core.Storage;

/// <summary>
/// The library's own upcasters: every change to the JSON shape of a released event adds one here (and raises the type's
/// schema version through it), so events stored by earlier versions keep loading. <see cref="EventSerializer.Default"/> uses them.
/// </summary>
internal static class EventUpcasters
{
    public static IReadOnlyList<EventUpcaster> All { get; } = [];
}
