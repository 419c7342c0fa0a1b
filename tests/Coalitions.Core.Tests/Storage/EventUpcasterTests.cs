using System.Text.Json.Nodes;
using Coalitions.Core.Storage;

namespace Coalitions.Core.Tests.Storage;

/// <summary>An upcaster names what it reads and what it makes, from schema version 1, and a reshape raises the version: each refusal in its words.</summary>
public class EventUpcasterTests
{
    private static readonly Func<JsonObject, JsonObject> Same = json => json;

    [Theory]
    [InlineData(" ", 1, "Decisions.B", 1, "fromType", "An upcaster names the type it reads.")]
    [InlineData("Decisions.A", 1, "", 1, "toType", "An upcaster names the type it produces.")]
    [InlineData("Decisions.A", 0, "Decisions.B", 1, "fromVersion", "Schema versions start at 1.")]
    [InlineData("Decisions.A", 1, "Decisions.B", 0, "toVersion", "Schema versions start at 1.")]
    [InlineData("Decisions.A", 2, "Decisions.A", 2, "toVersion", "Reshaping Decisions.A must raise its schema version above 2.")]
    public void An_upcaster_that_names_no_type_or_no_version_from_one_or_reshapes_without_raising_it_is_refused(string fromType, int fromVersion, string toType, int toVersion, string parameter, string words)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new EventUpcaster(fromType, fromVersion, toType, toVersion, Same));

        Assert.Equal(parameter, error.ParamName);
        Assert.StartsWith(words, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rename_may_keep_the_version_and_a_reshape_reads_the_version_it_raises()
    {
        var rename = EventUpcaster.Rename("Decisions.A", 1, "Decisions.B", 1);
        var reshape = EventUpcaster.Reshape("Decisions.A", 1, Same);

        Assert.Equal("Decisions.A v1 -> Decisions.B v1", rename.ToString());
        Assert.Equal("Decisions.A v1 -> Decisions.A v2", reshape.ToString());
        Assert.Equal("""{"a":1}""", rename.Transform(new JsonObject { ["a"] = 1 }).ToJsonString());
    }

    [Fact]
    public void A_reshape_of_the_last_version_there_is_is_refused_in_words()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => EventUpcaster.Reshape("Decisions.A", int.MaxValue, Same));

        Assert.StartsWith("A reshape reads a schema version that has a next.", error.Message, StringComparison.Ordinal);
    }
}
