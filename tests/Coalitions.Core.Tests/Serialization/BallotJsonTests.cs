using System.Text.Json;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;
using Coalitions.Core.Storage;
using CsCheck;
using NodaTime;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Serialization;

/// <summary>
/// Ballots are stored in a compact shape (schema version 2): the person who cast a ballot in its voter's name stands for
/// the whole actor object. Ballots stored in version 1 load through their upcaster as the same ballot, and the compact
/// reader is as strict as the general one.
/// </summary>
public class BallotJsonTests
{
    internal const string StoredBallotV1 =
        """{"$type":"Decisions.BallotCast","proposal":"d0000000-0000-0000-0000-000000000001","round":2,"voter":"a0000000-0000-0000-0000-000000000001","stance":"Support","at":"2026-03-02T15:00:00Z","by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000001","onBehalfOf":"a0000000-0000-0000-0000-000000000001"}}""";

    private static readonly BallotCast Ballot = new(ProposalNumber(1), 2, Partner(1), Stance.Support, null, Instant.FromUtc(2026, 3, 2, 15, 0), For(1));

    [Fact]
    public void A_ballot_stored_in_version_one_loads_through_its_upcaster_as_the_same_ballot()
    {
        var stored = new StoredEvent(Guid.NewGuid(), "proposal-d0000000000000000000000000000001", 7, 7, "Decisions.BallotCast", 1, Start, StoredBallotV1, "{}");

        var read = EventSerializer.Default.Deserialize(stored);

        Assert.Equal(Ballot, read);
        Assert.Equal(2, EventSerializer.Default.SchemaVersionOf("Decisions.BallotCast"));
    }

    [Fact]
    public void A_ballot_cast_in_its_voters_name_stores_the_person_only_and_is_a_fifth_smaller()
    {
        var json = CoalitionsJson.SerializeEvent(Ballot);

        Assert.Equal(
            """{"$type":"Decisions.BallotCast","proposal":"d0000000-0000-0000-0000-000000000001","round":2,"voter":"a0000000-0000-0000-0000-000000000001","stance":"Support","at":"2026-03-02T15:00:00Z","person":"b0000000-0000-0000-0000-000000000001"}""",
            json);
        Assert.True(json.Length * 5 <= StoredBallotV1.Length * 4, $"{json.Length} bytes against {StoredBallotV1.Length}.");
        Assert.Equal(Ballot, CoalitionsJson.DeserializeEvent(json));
    }

    [Fact]
    public void A_ballot_whose_actor_is_not_a_person_acting_for_the_voter_keeps_the_whole_actor()
    {
        var odd = Ballot with { By = Actor.Representing(Person(3), Partner(3)), Reason = "Ünïcødé \"quoted\" <b>&amp; ✓." };

        var json = CoalitionsJson.SerializeEvent(odd);

        Assert.Contains("\"by\":{\"kind\":\"Person\"", json, StringComparison.Ordinal);
        Assert.Equal(odd, CoalitionsJson.DeserializeEvent(json));
    }

    [Fact]
    public void Ballots_round_trip_and_read_the_same_as_the_general_shape()
    {
        // Whole seconds (the compact form) and fractions of a second (the ISO pattern), from 1900 to 2899.
        var genInstant = Gen.Select(Gen.Long[0, 1_000L * 365 * 86_400], Gen.Int[0, 2], Gen.Int[0, 9_999_999])
            .Select((seconds, kind, ticks) => Instant.FromUtc(1900, 1, 1, 0, 0) + Duration.FromSeconds(seconds) + Duration.FromTicks(kind == 0 ? ticks : 0));
        var genReason = Gen.OneOf(Gen.Const((string?)null), Gen.String["abc XYZ 019 \"\\/<>&'éü✓€"].Select(s => (string?)s));
        Gen.Select(Gen.Int[1, 50], Gen.Int[1, 6], genReason, genInstant, Gen.Int[0, 3], Gen.Int[1, 1_000_000]).Sample((voter, stance, reason, at, actor, round) =>
        {
            var by = actor switch
            {
                0 => For(voter),
                1 => Actor.Representing(Person(voter + 1), Partner(voter)),
                2 => Actor.Representing(Person(voter), Partner(voter + 1)),
                _ => Actor.ForPerson(Person(voter)),
            };
            var ballot = new BallotCast(ProposalNumber(voter), round, Partner(voter), (Stance)stance, reason, at, by, actor == 1 ? Partner(voter + 1) : null);
            var general = JsonSerializer.Serialize<IDomainEvent>(ballot, CoalitionsJson.Options);
            return Equals(ballot, CoalitionsJson.DeserializeEvent(CoalitionsJson.SerializeEvent(ballot))) &&
                Equals(ballot, CoalitionsJson.DeserializeEvent(general));
        });
    }

    /// <summary>The compact reader makes the shape checks itself: it refuses exactly the ballots the general shape check refuses.</summary>
    [Theory]
    [InlineData("\"round\":-1")]
    [InlineData("\"reason\":\"bell\\u0007\"")]
    [InlineData("\"reason\":\"fine\"")]
    [InlineData("\"by\":{\"kind\":\"Person\",\"person\":\"b0000000-0000-0000-0000-000000000001\",\"process\":\"cron\"}")]
    [InlineData("\"by\":{\"kind\":\"System\",\"person\":\"b0000000-0000-0000-0000-000000000001\"}")]
    [InlineData("\"by\":{\"kind\":\"Person\"}")]
    [InlineData("\"by\":{\"kind\":\"System\",\"process\":\"scheduler\"}")]
    public void The_compact_reader_refuses_what_the_shape_check_refuses(string property)
    {
        var json = StoredBallotV1.Replace(",\"by\":", "," + property + ",\"ignored\":", StringComparison.Ordinal);
        if (property.StartsWith("\"by\"", StringComparison.Ordinal))
        {
            json = StoredBallotV1[..StoredBallotV1.IndexOf(",\"by\":", StringComparison.Ordinal)] + "," + property + "}";
        }
        else
        {
            json = StoredBallotV1[..^1].Replace("\"round\":2,", property.StartsWith("\"round\"", StringComparison.Ordinal) ? property + "," : "\"round\":2,", StringComparison.Ordinal) +
                (property.StartsWith("\"round\"", StringComparison.Ordinal) ? "}" : "," + property + "}");
        }

        var general = (IDomainEvent)JsonSerializer.Deserialize(json, CoalitionsJson.Options.GetTypeInfo(typeof(IDomainEvent)))!;
        var refusedByShape = EventShape.GeneralProblem(general) is not null;
        Assert.Equal(refusedByShape, EventShape.Problem(general) is not null);
        var refusedByReader = false;
        try
        {
            CoalitionsJson.DeserializeEvent(json);
        }
        catch (StoredEventException)
        {
            refusedByReader = true;
        }

        Assert.Equal(refusedByShape, refusedByReader);
    }

    /// <summary>Ballots are shape-checked directly, without the general walk over their properties, and with the same verdicts.</summary>
    [Fact]
    public void A_ballots_direct_shape_check_agrees_with_the_general_one()
    {
        BallotCast[] ballots =
        [
            Ballot,
            Ballot with { Reason = "A reason.", HolderMember = Partner(2) },
            Ballot with { Proposal = default },
            Ballot with { Round = -1 },
            Ballot with { Voter = default },
            Ballot with { Stance = 0 },
            Ballot with { Stance = (Stance)7 },
            Ballot with { Reason = "bell\u0007" },
            Ballot with { Reason = new string('x', 100_001) },
            Ballot with { By = null! },
            Ballot with { By = new Actor(ActorKind.Person, null, null, null) },
            Ballot with { By = new Actor(ActorKind.System, Person(1), null, "cron") },
            Ballot with { By = Actor.System("scheduler") },
            Ballot with { HolderMember = default(PartnerId) },
        ];

        Assert.All(ballots, b => Assert.Equal(EventShape.GeneralProblem(b), BallotCastJson.ShapeProblem(b)));
        Assert.Equal(3, ballots.Count(b => BallotCastJson.ShapeProblem(b) is null));
    }

    [Theory]
    [InlineData("""{"$type":"Decisions.BallotCast","proposal":"d0000000-0000-0000-0000-000000000001","round":2,"voter":"a0000000-0000-0000-0000-000000000001","stance":"Support","at":"2026-03-02T15:00:00Z"}""")]
    [InlineData("""{"$type":"Decisions.BallotCast","proposal":"d0000000-0000-0000-0000-000000000001","round":2,"voter":"a0000000-0000-0000-0000-000000000001","stance":"Support","at":"2026-03-02T15:00:00Z","person":"b0000000-0000-0000-0000-000000000001","by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000001"}}""")]
    [InlineData("""{"$type":"Decisions.BallotCast","proposal":"d0000000-0000-0000-0000-000000000001","round":2,"round":3,"voter":"a0000000-0000-0000-0000-000000000001","stance":"Support","at":"2026-03-02T15:00:00Z","person":"b0000000-0000-0000-0000-000000000001"}""")]
    [InlineData("""{"$type":"Decisions.BallotCast","proposal":"d0000000-0000-0000-0000-000000000001","round":2,"voter":"a0000000-0000-0000-0000-000000000001","stance":"Support, Oppose","at":"2026-03-02T15:00:00Z","person":"b0000000-0000-0000-0000-000000000001"}""")]
    [InlineData("""{"$type":"Decisions.BallotCast","proposal":"d0000000-0000-0000-0000-000000000001","round":2,"voter":"a0000000-0000-0000-0000-000000000001","stance":1,"at":"2026-03-02T15:00:00Z","person":"b0000000-0000-0000-0000-000000000001"}""")]
    [InlineData("""{"$type":"Decisions.BallotCast","proposal":"d0000000-0000-0000-0000-000000000001","round":-2,"voter":"a0000000-0000-0000-0000-000000000001","stance":"Support","at":"2026-03-02T15:00:00Z","person":"b0000000-0000-0000-0000-000000000001"}""")]
    [InlineData("""{"$type":"Decisions.BallotCast","proposal":"d0000000-0000-0000-0000-000000000001","round":2,"voter":"00000000-0000-0000-0000-000000000000","stance":"Support","at":"2026-03-02T15:00:00Z","person":"b0000000-0000-0000-0000-000000000001"}""")]
    [InlineData("""{"$type":"Decisions.BallotCast","proposal":"d0000000-0000-0000-0000-000000000001","round":2,"voter":"a0000000-0000-0000-0000-000000000001","stance":"Support","at":"2026-13-02T15:00:00Z","person":"b0000000-0000-0000-0000-000000000001"}""")]
    [InlineData("""{"$type":"Decisions.BallotCast","proposal":"d0000000-0000-0000-0000-000000000001","round":2,"voter":"a0000000-0000-0000-0000-000000000001","stance":"Support","at":"2026-03-02T15:00:00Z","person":"b0000000-0000-0000-0000-000000000001"} {}""")]
    [InlineData("""{"$type":"Decisions.BallotCast","proposal":null,"round":2,"voter":"a0000000-0000-0000-0000-000000000001","stance":"Support","at":"2026-03-02T15:00:00Z","person":"b0000000-0000-0000-0000-000000000001"}""")]
    public void A_malformed_ballot_is_unreadable(string json)
    {
        var error = Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(json));

        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, error.Code);
    }
}
