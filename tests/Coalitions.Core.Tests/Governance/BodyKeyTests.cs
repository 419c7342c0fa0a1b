using System.Text.Json;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;
using NodaTime;
using static Coalitions.Core.Tests.Kit.GovernanceScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Governance;

/// <summary>Bodies are named by a typed key; the templates' bodies have constants; stored keys stay plain strings.</summary>
public class BodyKeyTests
{
    [Fact]
    public void Every_body_of_every_template_has_a_constant_in_GovernanceTemplates_Bodies()
    {
        var constants = typeof(GovernanceTemplates.Bodies).GetFields().Select(f => (BodyKey)f.GetValue(null)!).ToHashSet();

        var keys = GovernanceTemplates.All.SelectMany(t => t.Bodies.Select(b => b.Key).Concat(t.Rules.Select(r => r.Entry.DecidingBody))).ToHashSet();

        Assert.Subset(constants, keys);
        Assert.Equal(8, constants.Count);
        Assert.Equal("steering-committee", GovernanceTemplates.Bodies.SteeringCommittee.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Steering Committee")]
    [InlineData("-board")]
    [InlineData("a-key-of-more-than-fifty-characters-is-not-a-body-key-at-all")]
    public void Text_that_is_not_a_body_key_is_refused_when_it_becomes_one(string text)
    {
        Assert.Equal(ErrorCodes.Governance.InvalidBody, Assert.Throws<CoalitionRuleException>(() => (BodyKey)text).Code);
        Assert.Equal(ErrorCodes.Governance.InvalidBody, Assert.Throws<CoalitionRuleException>(() => BodyKey.From(text)).Code);
    }

    [Fact]
    public void A_string_converts_to_a_body_key_so_calls_written_with_strings_still_compile()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition(), coalition);

        Assert.Equal(governance.SittingMembers(GovernanceTemplates.Bodies.GeneralAssembly, coalition, Start), governance.SittingMembers("general-assembly", coalition, Start));
        Assert.Equal(GovernanceTemplates.Bodies.Secretariat, BodyKey.FromString("secretariat"));
    }

    [Fact]
    public void A_body_key_is_stored_as_its_plain_text()
    {
        var entry = new RuleBookEntry(GovernanceTemplates.Bodies.SteeringCommittee, DecisionRule.SimpleMajority());

        var json = CoalitionsJson.Serialize(entry);

        Assert.Contains("\"decidingBody\":\"steering-committee\"", json, StringComparison.Ordinal);
        Assert.Equal(entry.DecidingBody, CoalitionsJson.Deserialize<RuleBookEntry>(json)!.DecidingBody);
        Assert.Throws<JsonException>(() => CoalitionsJson.Deserialize<RuleBookEntry>(json.Replace("steering-committee", "Steering Committee", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("board\n")]
    [InlineData("\nboard")]
    [InlineData("board ")]
    public void A_body_key_forged_past_its_check_with_a_line_break_or_space_is_refused_by_the_body(string text)
    {
        // Spaces at either end are trimmed by the key's constructor; a key made without it (a host's mapper) keeps them,
        // and the body's own check must not read "board" followed by a line break as a key.
        object boxed = default(BodyKey);
        typeof(BodyKey).GetField("<Value>k__BackingField", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.SetValue(boxed, text);
        var forged = (BodyKey)boxed;

        var refusal = Assert.Throws<CoalitionRuleException>(() => new BodyDefinition(forged, "Board", BodyKind.SteeringCommittee, [], 5, [], [], Period.FromYears(1)));

        Assert.Equal(ErrorCodes.Governance.InvalidBody, refusal.Code);
    }
}
