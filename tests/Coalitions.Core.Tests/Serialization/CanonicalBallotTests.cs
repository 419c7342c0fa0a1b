using System.Text;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;
using CsCheck;
using NodaTime;

namespace Coalitions.Core.Tests.Serialization;

/// <summary>
/// Ballots in the writer's most common layout are read by a fast path straight from the stored string. It accepts only
/// that exact layout and never a ballot the strict reader would read differently or refuse; everything else goes to the
/// strict reader.
/// </summary>
public class CanonicalBallotTests
{
    private static readonly Gen<BallotCast> CommonBallots = Gen.Select(
        Gen.Guid, Gen.Int[0, int.MaxValue], Gen.Guid, Gen.Int[1, 6], Gen.Int[1000, 9999], Gen.Int[0, 365 * 86_400 - 1], Gen.Guid,
        (proposal, round, voter, stance, year, second, person) =>
        {
            var voterId = PartnerId.FromGuid(voter);
            var at = Instant.FromUtc(year, 1, 1, 0, 0) + Duration.FromSeconds(second);
            return new BallotCast(ProposalId.FromGuid(proposal), round, voterId, (Stance)stance, null, at, Actor.Representing(PersonId.FromGuid(person), voterId));
        });

    [Fact]
    public void A_common_ballot_as_written_is_read_by_the_fast_path_as_itself()
    {
        CommonBallots.Sample(ballot =>
        {
            var json = CoalitionsJson.SerializeEvent(ballot);

            Assert.True(BallotCastJson.TryReadCanonical(json, out var read), json);
            Assert.Equal(ballot, read);
            Assert.Equal(ballot, CoalitionsJson.DeserializeEvent(json));
        });
    }

    [Fact]
    public void Whatever_the_fast_path_accepts_the_strict_reader_reads_as_the_same_ballot()
    {
        const string Alphabet = "0123456789abcdefABCDEF-:TZ\"\\ ,{}x\u00e9\u0000";
        // Mostly replacements, and many samples: a replacement of a digit by a digit keeps the layout, so some edited
        // texts are accepted and the property is exercised (the last assertion checks it).
        var edits = Gen.Select(Gen.Frequency((1, Gen.Const(0)), (1, Gen.Const(1)), (4, Gen.Const(2))), Gen.Int[0, 400], Gen.Char[Alphabet]);
        var accepted = 0;
        Gen.Select(CommonBallots, edits.Array[1, 3]).Sample((ballot, changes) =>
        {
            var text = new StringBuilder(CoalitionsJson.SerializeEvent(ballot));
            foreach (var (kind, position, c) in changes)
            {
                var at = position % (text.Length + 1);
                _ = kind switch
                {
                    0 when at < text.Length => text.Remove(at, 1),
                    1 => text.Insert(at, c),
                    _ when at < text.Length => text.Remove(at, 1).Insert(at, c),
                    _ => text,
                };
            }

            var json = text.ToString();
            if (BallotCastJson.TryReadCanonical(json, out var fast))
            {
                Assert.Equal(BallotCastJson.Read(Encoding.UTF8.GetBytes(json)), fast);
                Interlocked.Increment(ref accepted);
            }
        }, iter: 2_000);

        Assert.True(accepted > 0, "no edited ballot was accepted by the fast path");
    }

    [Theory]
    [InlineData("\"round\":2,", "\"round\":02,")]
    [InlineData("\"round\":2,", "\"round\":-2,")]
    [InlineData("\"round\":2,", "\"round\":2.0,")]
    [InlineData("\"round\":2,", "\"round\": 2,")]
    [InlineData("\"round\":2,", "\"round\":2147483648,")]
    [InlineData("2026-03-02T15:00:00Z", "2026-13-02T15:00:00Z")]
    [InlineData("2026-03-02T15:00:00Z", "2026-02-30T15:00:00Z")]
    [InlineData("2026-03-02T15:00:00Z", "2026-03-02T24:00:00Z")]
    [InlineData("2026-03-02T15:00:00Z", "2026-03-02T15:00:00.5Z")]
    [InlineData("2026-03-02T15:00:00Z", "2026-0%-02T15:00:00Z")]
    [InlineData("\"Support\"", "\"support\"")]
    [InlineData("\"Support\"", "\"Supp\\u006frt\"")]
    [InlineData("\"Support\"", "\"Su\"")]
    [InlineData("\"Support\"", "\"S\"")]
    [InlineData("\"Support\"", "\"\"")]
    [InlineData("\"Support\"", "\"Objects\"")]
    [InlineData("\"Support\"", "\"Opposed\"")]
    [InlineData("\"Support\"", "\"Blocked\"")]
    [InlineData("\"Support\"", "\"StandAsid\"")]
    [InlineData("a0000000-0000-0000-0000-000000000001", "A0000000-0000-0000-0000-00000000000G")]
    [InlineData("a0000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000000")]
    [InlineData("a0000000-0000-0000-0000-000000000001", "{a0000000-0000-0000-0000-000000000001}")]
    [InlineData("\"}", "\"} ")]
    [InlineData("\"}", "\",\"reason\":\"x\"}")]
    public void A_ballot_in_any_other_layout_is_left_to_the_strict_reader(string part, string replacement)
    {
        var json = CoalitionsJson.SerializeEvent(Ballot).Replace(part, replacement, StringComparison.Ordinal);

        Assert.NotEqual(CoalitionsJson.SerializeEvent(Ballot), json);
        Assert.False(BallotCastJson.TryReadCanonical(json, out _), json);
    }

    [Fact]
    public void The_fast_path_reads_every_day_of_leap_and_common_years_as_NodaTime_does_and_no_day_that_does_not_exist()
    {
        var written = CoalitionsJson.SerializeEvent(Ballot);
        foreach (var year in new[] { 1000, 1600, 1700, 1900, 1969, 1970, 2000, 2024, 2026, 2100, 2400, 9999 })
        {
            for (var month = 1; month <= 12; month++)
            {
                for (var day = 0; day <= 32; day++)
                {
                    var date = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}T23:59:59Z");
                    var json = written.Replace("2026-03-02T15:00:00Z", date, StringComparison.Ordinal);
                    var parsed = NodaTime.Text.InstantPattern.ExtendedIso.Parse(date);

                    Assert.Equal(parsed.Success, BallotCastJson.TryReadCanonical(json, out var read));
                    Assert.Equal(parsed.Success ? parsed.Value : (Instant?)null, read?.At);
                }
            }
        }
    }

    [Fact]
    public void Ballots_with_a_reason_a_proxy_holder_or_another_actor_are_read_by_the_strict_reader_alike()
    {
        BallotCast[] others =
        [
            Ballot with { Reason = "Because." },
            Ballot with { HolderMember = Kit.Scenario.Partner(2) },
            Ballot with { By = Actor.System("scheduler") },
            Ballot with { At = Ballot.At + Duration.FromMilliseconds(5) },
        ];

        Assert.All(others, ballot =>
        {
            var json = CoalitionsJson.SerializeEvent(ballot);
            Assert.False(BallotCastJson.TryReadCanonical(json, out _), json);
            Assert.Equal(ballot, CoalitionsJson.DeserializeEvent(json));
        });
    }

    private static BallotCast Ballot =>
        new(Kit.Scenario.ProposalNumber(1), 2, Kit.Scenario.Partner(1), Stance.Support, null, Instant.FromUtc(2026, 3, 2, 15, 0), Kit.Scenario.For(1));
    private static readonly BallotCast Typical = new(ProposalId.FromGuid(Guid.Parse("d0000000-0000-0000-0000-000000000001")), 12, PartnerId.FromGuid(Guid.Parse("a0000000-0000-0000-0000-000000000001")), Stance.Support, null, Instant.FromUtc(2026, 3, 2, 15, 0), Actor.Representing(PersonId.FromGuid(Guid.Parse("b0000000-0000-0000-0000-000000000001")), PartnerId.FromGuid(Guid.Parse("a0000000-0000-0000-0000-000000000001"))));

    [Fact]
    public void No_part_of_a_ballots_text_is_read_by_the_fast_path_and_none_makes_it_throw()
    {
        var json = CoalitionsJson.SerializeEvent(Typical);

        Assert.True(BallotCastJson.TryReadParts(json, out _));
        for (var length = 0; length < json.Length; length++)
        {
            Assert.False(BallotCastJson.TryReadParts(json.AsSpan(0, length), out _), json[..length]);
        }
    }

    [Theory]
    [InlineData("\",\"round\":")]
    [InlineData(",\"voter\":\"")]
    [InlineData("\",\"stance\":\"")]
    [InlineData("\",\"at\":\"")]
    [InlineData("\",\"person\":\"")]
    public void A_ballot_missing_a_separator_is_not_read_by_the_fast_path(string separator)
    {
        var json = CoalitionsJson.SerializeEvent(Typical);
        var damaged = json.Replace(separator, "", StringComparison.Ordinal);
        Assert.NotEqual(json, damaged);

        Assert.False(BallotCastJson.TryReadParts(damaged, out _), damaged);
    }

    [Fact]
    public void The_fast_path_reads_round_zero_and_the_largest_round_and_leaves_a_larger_one_to_the_reader()
    {
        var ballot = Typical with { Round = 0, Stance = Stance.Block };

        Assert.True(BallotCastJson.TryReadCanonical(CoalitionsJson.SerializeEvent(ballot), out var zero));
        Assert.Equal(ballot, zero);
        Assert.True(BallotCastJson.TryReadCanonical(CoalitionsJson.SerializeEvent(ballot with { Round = int.MaxValue }), out var largest));
        Assert.Equal(ballot with { Round = int.MaxValue }, largest);
        var tooLarge = CoalitionsJson.SerializeEvent(ballot with { Round = int.MaxValue }).Replace("2147483647", "2147483648", StringComparison.Ordinal);
        Assert.False(BallotCastJson.TryReadCanonical(tooLarge, out _));
        Assert.False(BallotCastJson.TryReadCanonical(CoalitionsJson.SerializeEvent(ballot).Replace("\"round\":0", "\"round\":00", StringComparison.Ordinal), out _));
    }
}
