using System.Text.Json;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Serialization;
using NodaTime;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Serialization;

/// <summary>Events at the edges of what they may hold (optional values absent or present, empty lists, the first and last dates, the largest amounts) read back as themselves.</summary>
public class RoundTripEdgeTests
{
    [Fact]
    public void An_optional_text_absent_null_or_present_reads_back_as_written()
    {
        var withNote = new ProposalRevised(ProposalNumber(1), 2, "Text.", "A note.", Start, ChairActor);
        var without = withNote with { Note = null };

        Assert.Equal(withNote, CoalitionsJson.DeserializeEvent(CoalitionsJson.SerializeEvent(withNote)));
        Assert.DoesNotContain("\"note\"", CoalitionsJson.SerializeEvent(without), StringComparison.Ordinal);
        Assert.Equal(without, CoalitionsJson.DeserializeEvent(CoalitionsJson.SerializeEvent(without)));
        Assert.Equal(without, CoalitionsJson.DeserializeEvent(CoalitionsJson.SerializeEvent(withNote).Replace("\"A note.\"", "null", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_empty_list_reads_back_as_an_empty_list()
    {
        var invited = new MemberInvited(TheCoalition, Partner(1), "Member 1", MembershipTier.Founding, [], 1, new LocalDate(2026, 3, 2), Start, ChairActor);

        var json = CoalitionsJson.SerializeEvent(invited);
        var back = Assert.IsType<MemberInvited>(CoalitionsJson.DeserializeEvent(json));

        Assert.Contains("\"delegates\":[]", json, StringComparison.Ordinal);
        Assert.Empty(back.Delegates);
        Assert.Equal(json, CoalitionsJson.SerializeEvent(back));
    }

    [Theory]
    [InlineData(1900, 1, 1)]
    [InlineData(2999, 12, 31)]
    [InlineData(2028, 2, 29)]
    public void The_first_and_last_dates_read_back_as_themselves(int year, int month, int day)
    {
        var review = new ReviewScheduled(ProposalNumber(1), new LocalDate(year, month, day), Instant.FromUtc(year, month, day, 23, 59, 59) + Duration.FromTicks(9_999_999), ChairActor);

        var json = CoalitionsJson.SerializeEvent(review);

        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"\"reviewOn\":\"{year:D4}-{month:D2}-{day:D2}\""), json, StringComparison.Ordinal);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"\"at\":\"{year:D4}-{month:D2}-{day:D2}T23:59:59.9999999Z\""), json, StringComparison.Ordinal);
        Assert.Equal(review, CoalitionsJson.DeserializeEvent(json));
    }

    [Fact]
    public void The_largest_counts_and_amounts_read_back_as_themselves()
    {
        var invited = new MemberInvited(TheCoalition, Partner(1), "Member 1", MembershipTier.Associate, [Person(1), Person(2)], long.MaxValue, new LocalDate(2026, 3, 2), Start, ChairActor);
        var revised = new ProposalRevised(ProposalNumber(1), int.MaxValue, new string('x', 100_000), "\n\t\"\\\u00e9\u2713", Start, ChairActor);

        Assert.Equal(invited.Weight, Assert.IsType<MemberInvited>(CoalitionsJson.DeserializeEvent(CoalitionsJson.SerializeEvent(invited))).Weight);
        Assert.Equal(revised, CoalitionsJson.DeserializeEvent(CoalitionsJson.SerializeEvent(revised)));
        foreach (var amount in new[] { decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m, 0m })
        {
            var money = new Money(amount, "KES");
            Assert.Equal(money, CoalitionsJson.Deserialize<Money>(CoalitionsJson.Serialize(money)));
        }
    }

    [Theory]
    [InlineData("Block, Object", true)]
    [InlineData("Object, Block", true)]
    [InlineData("Support, Oppose, Abstain, StandAside, Block, Object", true)]
    [InlineData("Block,Object", false)]
    [InlineData("Block, object", false)]
    [InlineData("Block, Nothing", false)]
    [InlineData("", false)]
    [InlineData("48", false)]
    [InlineData("Block, Block", false)]
    [InlineData("Block, Object, Block", false)]
    public void A_set_of_stances_is_read_only_as_defined_names_joined_by_a_comma_and_a_space_each_once(string stored, bool read)
    {
        var drafted = Discussed(DecisionRule.SimpleMajority()).DequeueUncommittedEvents()[0];
        var json = CoalitionsJson.SerializeEvent(drafted);
        Assert.Contains("\"reasonsRequired\":\"Block, Object\"", json, StringComparison.Ordinal);
        json = json.Replace("\"reasonsRequired\":\"Block, Object\"", "\"reasonsRequired\":\"" + stored + "\"", StringComparison.Ordinal);

        if (read)
        {
            Assert.IsType<ProposalDrafted>(CoalitionsJson.DeserializeEvent(json));
        }
        else
        {
            var error = Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(json));
            Assert.Equal($"A stored event (Decisions.ProposalDrafted) is unreadable: it cannot be read (at $.rule.reasonsRequired: '{stored}' is not a combination of StanceSet values.).", error.Message);
        }
    }

    [Fact]
    public void A_comma_list_is_no_value_of_an_enum_that_is_not_a_set()
    {
        var json = Invited.Replace("\"tier\":\"Founding\"", "\"tier\":\"Founding, Full\"", StringComparison.Ordinal);

        var error = Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(json));
        Assert.Equal("A stored event (Coalitions.MemberInvited) is unreadable: it cannot be read (at $.tier: 'Founding, Full' is not a MembershipTier.).", error.Message);
    }

    [Fact]
    public void A_set_of_stances_stored_as_a_number_is_refused()
    {
        var json = CoalitionsJson.SerializeEvent(Discussed(DecisionRule.SimpleMajority()).DequeueUncommittedEvents()[0])
            .Replace("\"reasonsRequired\":\"Block, Object\"", "\"reasonsRequired\":48", StringComparison.Ordinal);

        var error = Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(json));
        Assert.Equal("A stored event (Decisions.ProposalDrafted) is unreadable: it cannot be read (at $.rule.reasonsRequired: A StanceSet is stored as its name, not as Number.).", error.Message);
    }

    [Fact]
    public void An_undefined_enum_value_is_never_written()
    {
        var error = Assert.Throws<JsonException>(() => CoalitionsJson.Serialize(new MemberInvited(TheCoalition, Partner(1), "Member 1", (MembershipTier)99, [], 1, new LocalDate(2026, 3, 2), Start, ChairActor)));
        Assert.Equal("99 is not a defined MembershipTier.", error.Message);
    }

    private const string Invited =
        """{"$type":"Coalitions.MemberInvited","coalition":"c0000000-0000-0000-0000-000000000001","partner":"a0000000-0000-0000-0000-000000000001","name":"Member 1","tier":"Founding","delegates":["b0000000-0000-0000-0000-000000000001"],"weight":1,"on":"2026-03-02","at":"2026-03-02T09:00:00Z","by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000800"}}""";
}
