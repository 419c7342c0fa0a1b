using System.Text.Json;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;
using NodaTime;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Serialization;

/// <summary>The ballot's hand-written writer and reader agree with the general serializer: the same bytes, and a damaged ballot refused in the same words as any other event.</summary>
public class BallotPathAgreementTests
{
    private const string StoredV1 =
        """{"$type":"Decisions.BallotCast","proposal":"d0000000-0000-0000-0000-000000000001","round":2,"voter":"a0000000-0000-0000-0000-000000000001","stance":"Support","at":"2026-03-02T15:00:00Z","by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000001","onBehalfOf":"a0000000-0000-0000-0000-000000000001"}}""";

    private static readonly BallotCast Ballot = new(ProposalNumber(1), 2, Partner(1), Stance.Support, null, Instant.FromUtc(2026, 3, 2, 15, 0), For(1));

    public static TheoryData<BallotCast> Ballots => new()
    {
        Ballot with { By = Actor.ForPerson(Person(1)) },
        Ballot with { By = Actor.Representing(Person(3), Partner(3)), Reason = "Ünïcødé \"quoted\" <b>&amp; ✓\n\t." },
        Ballot with { By = Actor.System("scheduler"), HolderMember = Partner(2) },
        Ballot with { By = Actor.Representing(Person(1), Partner(2)), At = Instant.FromUtc(1900, 1, 1, 0, 0) + Duration.FromTicks(1), Round = int.MaxValue, Stance = Stance.Object },
        Ballot with { At = Instant.FromUtc(2999, 12, 31, 23, 59, 59), Stance = Stance.StandAside, Round = 0 },
        Ballot with { Reason = "Because.", HolderMember = Partner(2), Stance = Stance.Block },
    };

    [Theory]
    [MemberData(nameof(Ballots))]
    public void A_ballot_is_written_as_the_general_serializer_writes_it_but_for_the_compact_actor(BallotCast ballot)
    {
        var general = JsonSerializer.Serialize<IDomainEvent>(ballot, CoalitionsJson.Options);
        var compact = ballot.By is { Kind: ActorKind.Person, Person: { } person, Process: null } by && by.OnBehalfOf == ballot.Voter
            ? general.Replace(
                "\"by\":{\"kind\":\"Person\",\"person\":\"" + person + "\",\"onBehalfOf\":\"" + ballot.Voter + "\"}",
                "\"person\":\"" + person + "\"",
                StringComparison.Ordinal)
            : general;

        Assert.Equal(compact, CoalitionsJson.SerializeEvent(ballot));
        Assert.Equal(ballot, CoalitionsJson.DeserializeEvent(general));
        Assert.Equal(ballot, CoalitionsJson.DeserializeEvent(CoalitionsJson.SerializeEvent(ballot)));
    }

    [Theory]
    [InlineData("\"round\":2", "\"round\":-1")]
    [InlineData("\"stance\":\"Support\"", "\"stance\":\"Support\",\"reason\":\"bell\\u0007\"")]
    [InlineData("\"kind\":\"Person\"", "\"kind\":\"System\"")]
    [InlineData(",\"onBehalfOf\":\"a0000000-0000-0000-0000-000000000001\"", ",\"process\":\"cron\"")]
    public void A_ballot_of_a_bad_shape_is_refused_in_the_words_of_the_general_check(string from, string to)
    {
        var json = StoredV1.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(StoredV1, json);
        var general = (IDomainEvent)JsonSerializer.Deserialize(json, CoalitionsJson.Options.GetTypeInfo(typeof(IDomainEvent)))!;
        var problem = EventShape.GeneralProblem(general);
        Assert.NotNull(problem);

        var error = Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(json));

        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, error.Code);
        Assert.Equal("A stored event (Decisions.BallotCast) is unreadable: " + problem, error.Message);
        Assert.Equal(problem, EventShape.Problem(general));
    }

    [Fact]
    public void A_long_reason_is_named_in_the_words_of_the_general_check()
    {
        var ballot = Ballot with { Reason = new string('x', 100_001) };

        Assert.Equal("BallotCast.Reason is longer than 100,000 characters.", BallotCastJson.ShapeProblem(ballot));
        Assert.Equal(EventShape.GeneralProblem(ballot), BallotCastJson.ShapeProblem(ballot));
        Assert.Null(BallotCastJson.ShapeProblem(Ballot with { Reason = new string('x', 100_000) }));
    }

    [Theory]
    [InlineData("\"round\":2", "\"round\":2,\"round\":3", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: The ballot is malformed: no property appears twice.).")]
    [InlineData("\"round\":2", "\"round\":\"2\"", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: The ballot is malformed: the round is a whole number.).")]
    [InlineData("\"round\":2", "\"round\":2.5", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: The ballot is malformed: the round is a whole number.).")]
    [InlineData("\"stance\":\"Support\"", "\"stance\":\"Support, Oppose\"", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: 'Support, Oppose' is not a Stance.).")]
    [InlineData("\"stance\":\"Support\"", "\"stance\":1", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: The ballot is malformed: the stance is stored as its name.).")]
    [InlineData("\"stance\":\"Support\"", "\"stance\":\"support\"", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: 'support' is not a Stance.).")]
    [InlineData("\"voter\":\"a0000000-0000-0000-0000-000000000001\"", "\"voter\":1", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: The ballot is malformed: an id is a GUID text.).")]
    [InlineData("\"at\":\"2026-03-02T15:00:00Z\"", "\"at\":\"2026-03-02T15:00:00\"", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (UnparsableValueException: The value string does not match a quoted string in the pattern. Value being parsed: '2026-03-02T15:00:00^'. (^ indicates error position.)).")]
    [InlineData("\"at\":\"2026-03-02T15:00:00Z\"", "\"at\":null", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: The ballot is malformed: an instant is an ISO text.).")]
    [InlineData("\"kind\":\"Person\"", "\"kind\":\"Robot\"", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: 'Robot' is not an ActorKind.).")]
    [InlineData(",\"by\":{\"kind\":\"Person\",\"person\":\"b0000000-0000-0000-0000-000000000001\",\"onBehalfOf\":\"a0000000-0000-0000-0000-000000000001\"}", "", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: The ballot is malformed: a ballot names who cast it once: the person, or the actor.).")]
    [InlineData("\"round\":2", "\"round\":2,\"$type\":\"Decisions.ProposalDrafted\"", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: The ballot is malformed: no property appears twice.).")]
    [InlineData("\"round\":2", "\"round\":2,\"$type\":1", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: The ballot is malformed: no property appears twice.).")]
    [InlineData("\"round\":2", "\"round\":2,\"reason\":5", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: The ballot is malformed: the reason is a text.).")]
    [InlineData(",\"at\":\"2026-03-02T15:00:00Z\"", "", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: The ballot is malformed: a ballot has its proposal, round, voter, stance and time.).")]
    [InlineData("\"round\":2,", "", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: The ballot is malformed: a ballot has its proposal, round, voter, stance and time.).")]
    [InlineData("\"by\":{\"kind\":\"Person\",\"person\":\"b0000000-0000-0000-0000-000000000001\",\"onBehalfOf\":\"a0000000-0000-0000-0000-000000000001\"}", "\"by\":\"b0000000-0000-0000-0000-000000000001\"", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: The ballot is malformed: the actor is an object.).")]
    [InlineData("\"kind\":\"Person\"", "\"kind\":\"Person\",\"kind\":\"Person\"", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: The ballot is malformed: the actor's kind is a name, once.).")]
    [InlineData("\"kind\":\"Person\"", "\"kind\":1", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: The ballot is malformed: the actor's kind is a name, once.).")]
    [InlineData("\"onBehalfOf\":\"a0000000-0000-0000-0000-000000000001\"}", "\"onBehalfOf\":\"a0000000-0000-0000-0000-000000000001\",\"person\":\"b0000000-0000-0000-0000-000000000001\"}", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: The ballot is malformed: the actor's person appears once.).")]
    [InlineData("\"onBehalfOf\":\"a0000000-0000-0000-0000-000000000001\"}", "\"onBehalfOf\":\"a0000000-0000-0000-0000-000000000001\",\"onBehalfOf\":\"a0000000-0000-0000-0000-000000000001\"}", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: The ballot is malformed: the actor's partner appears once.).")]
    [InlineData("\"kind\":\"Person\"", "\"kind\":\"Person\",\"process\":5", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: The ballot is malformed: the actor's process is a text, once.).")]
    [InlineData("\"kind\":\"Person\"", "\"kind\":\"Person\",\"process\":\"cron\",\"process\":\"cron\"", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: The ballot is malformed: the actor's process is a text, once.).")]
    [InlineData("\"kind\":\"Person\",", "", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: The ballot is malformed: the actor has a kind.).")]
    [InlineData("\"round\":2", "\"round\":2,\"$type\":\"Decisions.BallotCast\"", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: The ballot is malformed: no property appears twice.).")]
    [InlineData("\"kind\":\"Person\"", "\"kind\":\"Person\",\"person\":null", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: The ballot is malformed: the actor's person appears once.).")]
    [InlineData("\"kind\":\"Person\"", "\"kind\":\"Person\",\"onBehalfOf\":null", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: The ballot is malformed: the actor's partner appears once.).")]
    [InlineData("\"kind\":\"Person\"", "\"kind\":\"Person\",\"process\":null,\"process\":\"cron\"", "A stored event (Decisions.BallotCast) is unreadable: it cannot be read (JsonException: The ballot is malformed: the actor's process is a text, once.).")]
    public void A_ballot_of_a_bad_form_is_refused_in_the_ballot_readers_words(string from, string to, string expected)
    {
        var json = StoredV1.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(StoredV1, json);

        var error = Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(json));

        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, error.Code);
        Assert.Equal(expected, error.Message);
    }
    [Fact]
    public void A_ballot_reads_a_null_reason_or_holder_as_none_and_skips_what_it_does_not_know()
    {
        var expected = CoalitionsJson.DeserializeEvent(StoredV1);
        string[] alike =
        [
            StoredV1.Replace("\"round\":2", "\"round\":2,\"reason\":null,\"holderMember\":null", StringComparison.Ordinal),
            StoredV1.Replace("\"round\":2", "\"round\":2,\"note\":{\"a\":[1,{\"b\":null}],\"round\":7},\"tags\":[\"x\"]", StringComparison.Ordinal),
            StoredV1.Replace("\"kind\":\"Person\"", "\"kind\":\"Person\",\"device\":{\"kind\":\"System\",\"person\":1}", StringComparison.Ordinal),
        ];

        Assert.All(alike, json => Assert.Equal(expected, CoalitionsJson.DeserializeEvent(json)));
    }

    [Fact]
    public void An_actor_whose_person_and_partner_are_null_is_read_as_one_without_them()
    {
        var json = StoredV1.Replace("\"kind\":\"Person\",\"person\":\"b0000000-0000-0000-0000-000000000001\",\"onBehalfOf\":\"a0000000-0000-0000-0000-000000000001\"", "\"kind\":\"System\",\"person\":null,\"onBehalfOf\":null,\"process\":\"cron\"", StringComparison.Ordinal);

        Assert.Equal(Actor.System("cron"), ((BallotCast)CoalitionsJson.DeserializeEvent(json)).By);
    }

    [Fact]
    public void A_stored_ballot_nested_more_than_eight_levels_deep_is_unreadable()
    {
        // The ballot itself is one level and its actor two; eight is ample, and the general reader's limit is 64.
        static string Nested(int arrays) => StoredV1.Replace("\"round\":2", "\"round\":2,\"extra\":" + new string('[', arrays) + new string(']', arrays), StringComparison.Ordinal);

        Assert.Equal(CoalitionsJson.DeserializeEvent(StoredV1), CoalitionsJson.DeserializeEvent(Nested(7)));
        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(Nested(8))).Code);
    }

    [Fact]
    public void A_ballot_at_any_instant_round_trips_even_before_year_one_thousand_or_before_the_common_era()
    {
        Instant[] instants = [Instant.FromUtc(999, 12, 31, 23, 59, 59), Instant.FromUtc(1000, 1, 1, 0, 0), Instant.FromUtc(9999, 12, 31, 23, 59, 59), Instant.FromUtc(-5, 6, 1, 12, 0), Instant.MinValue, Instant.FromUtc(5, 1, 1, 0, 0)];

        Assert.All(instants, at => Assert.Equal(Ballot with { At = at }, CoalitionsJson.DeserializeEvent(CoalitionsJson.SerializeEvent(Ballot with { At = at }))));
    }

    [Fact]
    public void A_ballot_is_recognized_by_its_discriminator_first_in_any_layout_and_nothing_else_is()
    {
        string[] ballots = ["{\"$type\":\"Decisions.BallotCast\",\"round\":1}", " { \"$type\" : \"Decisions.BallotCast\" , \"round\":1}", "{\"\\u0024type\":\"Decisions.\\u0042allotCast\"}"];
        string[] others =
        [
            "{\"$type\":\"Decisions.ProposalDrafted\",\"round\":1}",
            "{\"round\":1,\"$type\":\"Decisions.BallotCast\"}",
            "{\"type\":\"Decisions.BallotCast\"}",
            "{\"$type\":[\"Decisions.BallotCast\"]}",
            "[\"$type\",\"Decisions.BallotCast\"]",
            "\"$type\"",
            "{\"$type\"",
            "{\"$type\" \"Decisions.BallotCast\"}",
            "{}",
            "",
        ];

        Assert.All(ballots, text => Assert.True(BallotCastJson.IsBallot(System.Text.Encoding.UTF8.GetBytes(text)), text));
        Assert.All(others, text => Assert.False(BallotCastJson.IsBallot(System.Text.Encoding.UTF8.GetBytes(text)), text));
    }

    [Fact]
    public void The_ballot_reader_called_on_another_text_refuses_it_in_its_words()
    {
        // CoalitionsJson hands the reader only texts whose first property names a ballot; the reader checks it anyway.
        Assert.Equal("The ballot is malformed: a ballot is a JSON object.", Assert.Throws<JsonException>(() => BallotCastJson.Read("[1]"u8)).Message);
        Assert.Equal("The ballot is malformed: the discriminator names a ballot.", Assert.Throws<JsonException>(() => BallotCastJson.Read("{\"$type\":\"Decisions.ProposalDrafted\"}"u8)).Message);
        Assert.Equal("The ballot is malformed: the discriminator names a ballot.", Assert.Throws<JsonException>(() => BallotCastJson.Read("{\"$type\":1}"u8)).Message);
    }

    [Fact]
    public void A_ballot_of_an_undefined_stance_is_not_written()
    {
        Assert.Equal("99 is not a Stance.", Assert.Throws<JsonException>(() => CoalitionsJson.SerializeEvent(Ballot with { Stance = (Stance)99 })).Message);
    }
}
