using System.Text.Json;
using Coalitions.Core.Advocacy;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;

namespace Coalitions.Core.Tests.Kernel;

/// <summary>Typed keys (an issue, a target, a channel…) as the door takes them and as stored JSON gives them.</summary>
public class TypedKeyTests
{
    [Fact]
    public void A_key_is_read_from_a_json_string_and_only_from_one()
    {
        Assert.Equal(new IssueKey("education-budget"), JsonSerializer.Deserialize<IssueKey>("\"education-budget\"", CoalitionsJson.Options));

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<IssueKey>("42", CoalitionsJson.Options));
        Assert.Equal("IssueKey is stored as a string.", error.Message);
    }

    [Fact]
    public void A_stored_key_that_is_not_a_valid_key_is_unreadable_text_quoted_when_short()
    {
        var padded = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<IssueKey>("\" padded \"", CoalitionsJson.Options));
        var blank = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<IssueKey>("\"\"", CoalitionsJson.Options));
        var eighty = new string('k', 80);
        var long80 = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<IssueKey>($"\"{eighty}\"", CoalitionsJson.Options));
        var long81 = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<IssueKey>($"\"{eighty}k\"", CoalitionsJson.Options));

        Assert.Equal("' padded ' is not a valid IssueKey.", padded.Message);
        Assert.Equal("'' is not a valid IssueKey.", blank.Message);
        Assert.Equal($"'{eighty}' is not a valid IssueKey.", long80.Message);
        Assert.Equal("'the text' is not a valid IssueKey.", long81.Message);
    }

    [Fact]
    public void The_default_key_which_holds_no_text_is_refused_as_missing()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => TypedKey.Ensure(default(IssueKey), "issue"));

        Assert.Equal(ErrorCodes.Kernel.InvalidText, error.Code);
        Assert.Equal("The issue is missing: give its issue key.", error.Message);
        Assert.Null(TypedKey.Ensure((IssueKey?)null, "issue"));
    }
}
