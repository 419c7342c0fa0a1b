using System.Text.Json;

namespace Coalitions.Core.Serialization;

/// <summary>
/// Refuses a JSON text in which an object names a property twice. The writer never writes one; a reader that took the
/// last (as System.Text.Json does) would see another event than a store or tool that takes the first, so such a text
/// is refused as unreadable rather than read one way here and another way elsewhere.
/// </summary>
internal static class UniqueProperties
{
    /// <summary>Walks the text once and throws <see cref="JsonException"/> at the first property an object names twice.</summary>
    /// <param name="utf8">The JSON text, in UTF-8.</param>
    /// <param name="maxDepth">The deepest nesting the reader that follows allows.</param>
    /// <exception cref="JsonException">A property appears twice in one object, or the text is not JSON.</exception>
    public static void Check(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth });
        // The names seen in each open object, made only when the object has a second property.
        var open = new List<HashSet<string>?>();
        var first = new List<string?>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    open.Add(null);
                    first.Add(null);
                    break;
                case JsonTokenType.EndObject:
                    open.RemoveAt(open.Count - 1);
                    first.RemoveAt(first.Count - 1);
                    break;
                case JsonTokenType.PropertyName:
                    var name = reader.GetString()!;
                    if (first[^1] is not { } only)
                    {
                        first[^1] = name;
                    }
                    else if (!(open[^1] ??= new HashSet<string>(StringComparer.Ordinal) { only }).Add(name))
                    {
                        throw new JsonException($"The property '{name}' appears twice in one object.");
                    }

                    break;
            }
        }
    }
}
