using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;
using Coalitions.Core.Tests.Kit;

namespace Coalitions.Core.Tests.Serialization;

/// <summary>Stored text is read strictly: every kind of bad text is refused as <c>Kernel.UnreadableEvent</c>, in words that say what is wrong.</summary>
public class StrictReadingTests
{
    private const string Submitted =
        """{"$type":"Decisions.ProposalSubmitted","proposal":"d0000000-0000-0000-0000-000000000001","at":"2026-03-02T09:00:00Z","by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000900"}}""";

    private const string Invited =
        """{"$type":"Coalitions.MemberInvited","coalition":"c0000000-0000-0000-0000-000000000001","partner":"a0000000-0000-0000-0000-000000000001","name":"Member 1","tier":"Founding","delegates":["b0000000-0000-0000-0000-000000000001"],"weight":1,"on":"2026-03-02","at":"2026-03-02T09:00:00Z","by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000800"}}""";

    public static TheoryData<string, string, string> BadInvitations => new()
    {
        { "\"tier\":\"Founding\"", "\"tier\":1", "A stored event (Coalitions.MemberInvited) is unreadable: it cannot be read (at $.tier: A MembershipTier is stored as its name, not as Number.)." },
        { "\"tier\":\"Founding\"", "\"tier\":\"1\"", "A stored event (Coalitions.MemberInvited) is unreadable: it cannot be read (at $.tier: '1' is not a MembershipTier.)." },
        { "\"tier\":\"Founding\"", "\"tier\":\"founding\"", "A stored event (Coalitions.MemberInvited) is unreadable: it cannot be read (at $.tier: 'founding' is not a MembershipTier.)." },
        { "\"tier\":\"Founding\"", "\"tier\":\"Founding, Full\"", "A stored event (Coalitions.MemberInvited) is unreadable: it cannot be read (at $.tier: 'Founding, Full' is not a MembershipTier.)." },
        { "\"tier\":\"Founding\"", "\"tier\":\"Patron\"", "A stored event (Coalitions.MemberInvited) is unreadable: it cannot be read (at $.tier: 'Patron' is not a MembershipTier.)." },
        { "\"tier\":\"Founding\"", "\"tier\":null", "A stored event (Coalitions.MemberInvited) is unreadable: it cannot be read (at $.tier: A MembershipTier is stored as its name, not as Null.)." },
        { "\"tier\":\"Founding\",", "", "A stored event (Coalitions.MemberInvited) is unreadable: it cannot be read (at $: JSON deserialization for type 'Coalitions.Core.Coalitions.MemberInvited' was missing required properties including: 'tier'.)." },
        { "\"name\":\"Member 1\",", "", "A stored event (Coalitions.MemberInvited) is unreadable: it cannot be read (at $: JSON deserialization for type 'Coalitions.Core.Coalitions.MemberInvited' was missing required properties including: 'name'.)." },
        { "\"name\":\"Member 1\"", "\"name\":null", "A stored event (Coalitions.MemberInvited) is unreadable: MemberInvited.Name is missing (null)." },
        { "\"name\":\"Member 1\"", "\"name\":1", "A stored event (Coalitions.MemberInvited) is unreadable: it cannot be read (at $.name: The JSON value could not be converted to Coalitions.Core.Coalitions.MemberInvited. Path: $.name | LineNumber: 0 | BytePositionInLine: 144.)." },
        { "\"weight\":1", "\"weight\":\"1\"", "A stored event (Coalitions.MemberInvited) is unreadable: it cannot be read (at $.weight: The JSON value could not be converted to Coalitions.Core.Coalitions.MemberInvited. Path: $.weight | LineNumber: 0 | BytePositionInLine: 237.)." },
        { "\"weight\":1", "\"weight\":1.5", "A stored event (Coalitions.MemberInvited) is unreadable: it cannot be read (at $.weight: The JSON value could not be converted to Coalitions.Core.Coalitions.MemberInvited. Path: $.weight | LineNumber: 0 | BytePositionInLine: 237.)." },
        { "\"weight\":1", "\"weight\":9223372036854775808", "A stored event (Coalitions.MemberInvited) is unreadable: it cannot be read (at $.weight: The JSON value could not be converted to Coalitions.Core.Coalitions.MemberInvited. Path: $.weight | LineNumber: 0 | BytePositionInLine: 253.)." },
        { "\"weight\":1", "\"weight\":null", "A stored event (Coalitions.MemberInvited) is unreadable: it cannot be read (at $.weight: The JSON value could not be converted to Coalitions.Core.Coalitions.MemberInvited. Path: $.weight | LineNumber: 0 | BytePositionInLine: 238.)." },
        { "\"delegates\":[\"b0000000-0000-0000-0000-000000000001\"]", "\"delegates\":null", "A stored event (Coalitions.MemberInvited) is unreadable: MemberInvited.Delegates is missing (null)." },
        { "\"delegates\":[\"b0000000-0000-0000-0000-000000000001\"]", "\"delegates\":\"b0000000-0000-0000-0000-000000000001\"", "A stored event (Coalitions.MemberInvited) is unreadable: it cannot be read (at $.delegates: The JSON value could not be converted to System.Collections.Generic.IReadOnlyList`1[Coalitions.Core.Kernel.PersonId]. Path: $.delegates | LineNumber: 0 | BytePositionInLine: 222.)." },
        { "\"delegates\":[\"b0000000-0000-0000-0000-000000000001\"]", "\"delegates\":[null]", "A stored event (Coalitions.MemberInvited) is unreadable: it cannot be read (at $.delegates[0]: '' is not a valid PersonId.)." },
        { "\"on\":\"2026-03-02\"", "\"on\":\"2026-02-30\"", "A stored event (Coalitions.MemberInvited) is unreadable: it cannot be read (at $.on: The JSON value could not be converted to Coalitions.Core.Coalitions.MemberInvited. Path: $.on | LineNumber: 0 | BytePositionInLine: 253.)." },
        { "\"on\":\"2026-03-02\"", "\"on\":\"02/03/2026\"", "A stored event (Coalitions.MemberInvited) is unreadable: it cannot be read (at $.on: The JSON value could not be converted to Coalitions.Core.Coalitions.MemberInvited. Path: $.on | LineNumber: 0 | BytePositionInLine: 253.)." },
        { "\"on\":\"2026-03-02\"", "\"on\":\"2026-03-02T00:00:00\"", "A stored event (Coalitions.MemberInvited) is unreadable: it cannot be read (at $.on: The JSON value could not be converted to Coalitions.Core.Coalitions.MemberInvited. Path: $.on | LineNumber: 0 | BytePositionInLine: 262.)." },
        { "\"on\":\"2026-03-02\"", "\"on\":20260302", "A stored event (Coalitions.MemberInvited) is unreadable: it cannot be read (at $.on: The JSON value could not be converted to Coalitions.Core.Coalitions.MemberInvited. Path: $.on | LineNumber: 0 | BytePositionInLine: 249.)." },
        { "\"at\":\"2026-03-02T09:00:00Z\"", "\"at\":\"2026-03-02T09:00:00\"", "A stored event (Coalitions.MemberInvited) is unreadable: it cannot be read (at $.at: The JSON value could not be converted to Coalitions.Core.Coalitions.MemberInvited. Path: $.at | LineNumber: 0 | BytePositionInLine: 280.)." },
        { "\"at\":\"2026-03-02T09:00:00Z\"", "\"at\":\"2026-03-02 09:00:00Z\"", "A stored event (Coalitions.MemberInvited) is unreadable: it cannot be read (at $.at: The JSON value could not be converted to Coalitions.Core.Coalitions.MemberInvited. Path: $.at | LineNumber: 0 | BytePositionInLine: 281.)." },
        { "\"at\":\"2026-03-02T09:00:00Z\"", "\"at\":1772442000", "A stored event (Coalitions.MemberInvited) is unreadable: it cannot be read (at $.at: The JSON value could not be converted to Coalitions.Core.Coalitions.MemberInvited. Path: $.at | LineNumber: 0 | BytePositionInLine: 269.)." },
        { "\"by\":{\"kind\":\"Person\",\"person\":\"b0000000-0000-0000-0000-000000000800\"}", "\"by\":\"b0000000-0000-0000-0000-000000000800\"", "A stored event (Coalitions.MemberInvited) is unreadable: it cannot be read (at $.by: The JSON value could not be converted to Coalitions.Core.Kernel.Actor. Path: $.by | LineNumber: 0 | BytePositionInLine: 325.)." },
        { "\"kind\":\"Person\"", "\"kind\":0", "A stored event (Coalitions.MemberInvited) is unreadable: it cannot be read (at $.by.kind: An ActorKind is stored as its name, not as Number.)." },
    };

    public static TheoryData<string, string> BadIds => new()
    {
        { "00000000-0000-0000-0000-000000000000", "A stored event (Decisions.ProposalSubmitted) is unreadable: it cannot be read (at $.proposal: '00000000-0000-0000-0000-000000000000' is not a valid ProposalId.)." },
        { "d0000000-0000-0000-0000-00000000001", "A stored event (Decisions.ProposalSubmitted) is unreadable: it cannot be read (at $.proposal: 'd0000000-0000-0000-0000-00000000001' is not a valid ProposalId.)." },
        { "d0000000-0000-0000-0000-0000000000001", "A stored event (Decisions.ProposalSubmitted) is unreadable: it cannot be read (at $.proposal: 'd0000000-0000-0000-0000-0000000000001' is not a valid ProposalId.)." },
        { "d0000000-0000-0000-0000-00000000000g", "A stored event (Decisions.ProposalSubmitted) is unreadable: it cannot be read (at $.proposal: 'd0000000-0000-0000-0000-00000000000g' is not a valid ProposalId.)." },
        { "", "A stored event (Decisions.ProposalSubmitted) is unreadable: it cannot be read (at $.proposal: '' is not a valid ProposalId.)." },
        { "{d0000000-0000-0000-0000-000000000001}", "A stored event (Decisions.ProposalSubmitted) is unreadable: it cannot be read (at $.proposal: '{d0000000-0000-0000-0000-000000000001}' is not a valid ProposalId.)." },
        { "(d0000000-0000-0000-0000-000000000001)", "A stored event (Decisions.ProposalSubmitted) is unreadable: it cannot be read (at $.proposal: '(d0000000-0000-0000-0000-000000000001)' is not a valid ProposalId.)." },
        { "d0000000000000000000000000000001", "A stored event (Decisions.ProposalSubmitted) is unreadable: it cannot be read (at $.proposal: 'd0000000000000000000000000000001' is not a valid ProposalId.)." },
        { " d0000000-0000-0000-0000-000000000001", "A stored event (Decisions.ProposalSubmitted) is unreadable: it cannot be read (at $.proposal: ' d0000000-0000-0000-0000-000000000001' is not a valid ProposalId.)." },
    };

    [Theory]
    [MemberData(nameof(BadInvitations))]
    public void A_stored_value_of_the_wrong_form_or_type_is_refused_in_words(string from, string to, string expected)
    {
        var json = Invited.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Invited, json);

        Assert.Equal(expected, Refused(json, from + " => " + to));
    }

    [Theory]
    [MemberData(nameof(BadIds))]
    public void An_id_that_is_not_a_guid_of_the_right_length_or_is_empty_is_refused(string id, string expected) =>
        Assert.Equal(expected, Refused(Submitted.Replace("d0000000-0000-0000-0000-000000000001", id, StringComparison.Ordinal), "id " + id));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(100)]
    public void A_truncated_document_is_refused(int cut) =>
        Assert.StartsWith("A stored event", Refused(Submitted[..(Submitted.Length - 1 - cut)], "cut " + cut.ToString(System.Globalization.CultureInfo.InvariantCulture)), StringComparison.Ordinal);

    [Theory]
    [InlineData("{\"$type\":\"Decisions.NoSuchEvent\",\"at\":\"2026-03-02T09:00:00Z\"}", "A stored event (Decisions.NoSuchEvent) is unreadable: it cannot be read (at $: Read unrecognized type discriminator id 'Decisions.NoSuchEvent'. Path: $ | LineNumber: 0 | BytePositionInLine: 38.).")]
    [InlineData("{\"$type\":\"decisions.proposalSubmitted\",\"proposal\":\"d0000000-0000-0000-0000-000000000001\"}", "A stored event (decisions.proposalSubmitted) is unreadable: it cannot be read (at $: Read unrecognized type discriminator id 'decisions.proposalSubmitted'. Path: $ | LineNumber: 0 | BytePositionInLine: 50.).")]
    [InlineData("{\"proposal\":\"d0000000-0000-0000-0000-000000000001\",\"$type\":\"Decisions.ProposalSubmitted\"}", "A stored event is unreadable: it cannot be read (NotSupportedException: The JSON payload for polymorphic interface or abstract type 'Coalitions.Core.Kernel.IDomainEvent' must specify a type discriminator. Path: $ | LineNumber: 0 | BytePositionInLine: 12.).")]
    [InlineData("{\"proposal\":\"d0000000-0000-0000-0000-000000000001\"}", "A stored event is unreadable: it cannot be read (NotSupportedException: The JSON payload for polymorphic interface or abstract type 'Coalitions.Core.Kernel.IDomainEvent' must specify a type discriminator. Path: $ | LineNumber: 0 | BytePositionInLine: 12.).")]
    [InlineData("null", "A stored event is unreadable: the JSON text holds null, not an event.")]
    [InlineData("[]", "A stored event is unreadable: it cannot be read (at $: The JSON value could not be converted to Coalitions.Core.Kernel.IDomainEvent. Path: $ | LineNumber: 0 | BytePositionInLine: 1.).")]
    [InlineData("\"Decisions.ProposalSubmitted\"", "A stored event is unreadable: it cannot be read (at $: The JSON value could not be converted to Coalitions.Core.Kernel.IDomainEvent. Path: $ | LineNumber: 0 | BytePositionInLine: 29.).")]
    public void Text_that_does_not_name_a_known_event_first_is_refused(string json, string expected) =>
        Assert.Equal(expected, Refused(json, json));

    [Fact]
    public void The_text_as_written_is_read()
    {
        Assert.IsType<global::Coalitions.Core.Decisions.ProposalSubmitted>(CoalitionsJson.DeserializeEvent(Submitted));
        Assert.IsType<global::Coalitions.Core.Coalitions.MemberInvited>(CoalitionsJson.DeserializeEvent(Invited));
    }

    [Fact]
    public void An_id_is_read_in_the_hyphenated_form_in_either_case()
    {
        var upper = Submitted.Replace("d0000000-0000-0000-0000-000000000001", "D0000000-0000-0000-0000-0000000000AB", StringComparison.Ordinal);
        var read = Assert.IsType<global::Coalitions.Core.Decisions.ProposalSubmitted>(CoalitionsJson.DeserializeEvent(upper));
        Assert.Equal(Guid.Parse("d0000000-0000-0000-0000-0000000000ab"), read.Proposal.Value);
    }

    [Theory]
    [InlineData("\"at\":\"2026-03-02T09:00:00Z\"", "\"at\":\"2026-03-02T09:00:00Z\",\"at\":\"2026-03-03T09:00:00Z\"", "at")]
    [InlineData("\"proposal\":\"d0000000-0000-0000-0000-000000000001\"", "\"proposal\":\"d0000000-0000-0000-0000-000000000001\",\"proposal\":\"d0000000-0000-0000-0000-000000000002\"", "proposal")]
    [InlineData("\"kind\":\"Person\"", "\"kind\":\"Person\",\"kind\":\"Person\"", "kind")]
    [InlineData("\"at\"", "\"\\u0061t\":\"2026-03-02T09:00:00Z\",\"at\"", "at")]
    public void A_property_named_twice_in_one_object_is_refused_even_with_the_same_value(string from, string to, string name)
    {
        var json = Submitted.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Submitted, json);

        Assert.Equal($"A stored event (Decisions.ProposalSubmitted) is unreadable: it cannot be read (JsonException: The property '{name}' appears twice in one object.).", Refused(json, to));
    }

    [Fact]
    public void A_value_naming_a_property_twice_or_holding_a_lone_surrogate_is_refused_as_an_event_is()
    {
        var rule = CoalitionsJson.Serialize(global::Coalitions.Core.Decisions.DecisionRule.SimpleMajority());
        Assert.Equal(global::Coalitions.Core.Decisions.DecisionRule.SimpleMajority(), CoalitionsJson.Deserialize<global::Coalitions.Core.Decisions.DecisionRule>(rule));
        var name = rule[2..rule.IndexOf('"', 2)];
        var twice = "{" + rule[1..rule.IndexOf(',')] + "," + rule[1..];

        var refusal = Assert.Throws<System.Text.Json.JsonException>(() => CoalitionsJson.Deserialize<global::Coalitions.Core.Decisions.DecisionRule>(twice));
        Assert.Equal($"The property '{name}' appears twice in one object.", refusal.Message);
        Assert.Throws<System.Text.Json.JsonException>(() => CoalitionsJson.Deserialize<global::Coalitions.Core.Decisions.DecisionRule>(rule.Insert(2, "\ud800")));
    }

    [Fact]
    public void The_same_property_name_in_two_objects_is_read()
    {
        UniqueProperties.Check("""{"a":{"a":1,"b":2},"b":[{"a":1},{"a":2}],"c":{}}"""u8, 64);
        Assert.Throws<System.Text.Json.JsonException>(() => UniqueProperties.Check("""{"a":{"a":1},"b":[{"a":1,"c":0,"a":2}]}"""u8, 64));
        Assert.Throws<System.Text.Json.JsonException>(() => UniqueProperties.Check("""{"a":1,"b":{},"a":1}"""u8, 64));
    }

    [Fact]
    public void A_missing_required_property_is_refused_by_name()
    {
        Assert.Equal("A stored event (Decisions.ProposalSubmitted) is unreadable: it cannot be read (at $: JSON deserialization for type 'Coalitions.Core.Decisions.ProposalSubmitted' was missing required properties including: 'proposal'.).", Refused(Submitted.Replace("\"proposal\":\"d0000000-0000-0000-0000-000000000001\",", string.Empty, StringComparison.Ordinal), "no proposal"));
    }

    private static string Refused(string json, string key)
    {
        var error = Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(json));
        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, error.Code);
        return error.Message;
    }

    [Fact]
    public void A_stored_value_that_breaks_a_rule_of_its_type_is_unreadable_naming_the_rules_code()
    {
        var founded = CoalitionsJson.SerializeEvent(CoalitionScenario.Founded().DequeueUncommittedEvents()[0]);

        var error = Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(founded.Replace("\"termLength\":\"P1Y\"", "\"termLength\":\"PT5H\"", StringComparison.Ordinal)));

        Assert.Equal("A stored event (Coalitions.CoalitionFounded) is unreadable: it cannot be read (Kernel.InvalidPeriod: The term length (5 hours) is a calendar period: years, months, weeks and days only, without hours or smaller units.).", error.Message);
    }

    [Fact]
    public void A_stored_text_holding_half_of_a_character_is_unreadable_however_long()
    {
        foreach (var padding in new[] { 10, 5_000 })
        {
            var json = Submitted.Replace("\"at\"", $"\"note\":\"{new string('x', padding)}\ud800\",\"at\"", StringComparison.Ordinal);

            var error = Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(json));

            Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, error.Code);
            Assert.StartsWith("A stored event (Decisions.ProposalSubmitted) is unreadable: it cannot be read (EncoderFallbackException: ", error.Message, StringComparison.Ordinal);
        }

        var value = Assert.Throws<System.Text.Json.JsonException>(() => CoalitionsJson.Deserialize<global::Coalitions.Core.Decisions.DecisionRule>("{\"method\":\"\ud800\"}"));
        Assert.Equal("The text holds a lone surrogate: it is not UTF-16.", value.Message);
    }

    [Fact]
    public void An_unreadable_event_is_named_by_the_type_its_text_opens_with_when_it_has_one()
    {
        var longest = "Host." + new string('t', 95);
        (string Json, string? Type)[] cases =
        [
            ("""{"$type":"Host.Unknown","x":1}""", "Host.Unknown"),
            ("""{"xx":1,"$type":"Host.Unknown"}""", "Host.Unknown"),
            ("""{"xxx":1,"$type":"Host.Unknown"}""", null),
            ("""{"$type":"","x":1}""", null),
            ($$"""{"$type":"{{longest}}"}""", longest),
            ($$"""{"$type":"{{longest}}t"}""", null),
        ];

        Assert.All(cases, c =>
        {
            var error = Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(c.Json));
            Assert.Equal(c.Type, error.EventType);
            Assert.StartsWith(c.Type is null ? "A stored event is unreadable: " : $"A stored event ({c.Type}) is unreadable: ", error.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void No_event_and_no_text_are_refused_by_name_rather_than_written_or_read_as_null()
    {
        Assert.Equal("domainEvent", Assert.Throws<ArgumentNullException>(() => CoalitionsJson.SerializeEvent(null!)).ParamName);
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => CoalitionsJson.DeserializeEvent(null!)).ParamName);
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => CoalitionsJson.Deserialize<global::Coalitions.Core.Decisions.DecisionRule>(null!)).ParamName);
    }
}
