using System.Buffers;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using NodaTime;
using NodaTime.Text;

namespace Coalitions.Core.Serialization;

/// <summary>
/// The stored shape of <see cref="BallotCast"/>, the most numerous event by far, written and read by hand: about a million
/// events a second each way on one core, where the general polymorphic reader manages a few hundred thousand.
/// </summary>
/// <remarks>
/// <para>Schema version 2. The ballot is cast in the voter's name, so the actor is almost always "a person acting for the
/// voter": version 2 stores only that person, <c>"person": "…"</c>, and writes the whole actor object <c>"by"</c> only
/// otherwise. Version 1 always wrote <c>"by"</c>; its upcaster (<c>EventUpcasters.BallotCastWithCompactActor</c>)
/// reshapes it, and this reader reads both shapes.</para>
/// <para>Read as strictly as the general reader: every required property present once, ids as GUIDs, the stance by its
/// name, instants in ISO form, no null where a value is required; unknown properties are skipped as the general reader
/// skips them. <see cref="CoalitionsJson.DeserializeEvent"/> then checks the ballot's shape with <see cref="ShapeProblem"/>, which
/// says what <c>EventShape</c>'s general check says, in its words (a test compares both on damaged ballots), and turns any
/// failure into a <see cref="StoredEventException"/>.</para>
/// </remarks>
internal static partial class BallotCastJson
{
    public const string Discriminator = "Decisions.BallotCast";

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? writer;

    private enum Seen
    {
        Proposal = 1,
        Round = 2,
        Voter = 4,
        Stance = 8,
        Reason = 16,
        At = 32,
        By = 64,
        Person = 128,
        HolderMember = 256,
        Type = 512,
    }

    /// <summary>Whether the JSON text is an object whose first property is the discriminator of a ballot.</summary>
    public static bool IsBallot(ReadOnlySpan<byte> utf8)
    {
        // The shape this writer writes, recognized without a reader; any other layout is read token by token.
        if (utf8.StartsWith("{\"$type\":\"Decisions.BallotCast\","u8))
        {
            return true;
        }

        var reader = new Utf8JsonReader(utf8);
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject &&
                reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("$type"u8) &&
                reader.Read() && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("Decisions.BallotCast"u8);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static string Write(BallotCast ballot)
    {
        var output = buffer ??= new ArrayBufferWriter<byte>(512);
        output.ResetWrittenCount();
        var json = writer ??= new Utf8JsonWriter(output);
        json.Reset(output);
        json.WriteStartObject();
        json.WriteString("$type"u8, "Decisions.BallotCast"u8);
        json.WriteString("proposal"u8, ballot.Proposal.Value);
        json.WriteNumber("round"u8, ballot.Round);
        json.WriteString("voter"u8, ballot.Voter.Value);
        json.WriteString("stance"u8, StanceName(ballot.Stance));
        if (ballot.Reason is not null)
        {
            json.WriteString("reason"u8, ballot.Reason);
        }

        WriteInstant(json, "at"u8, ballot.At);
        if (ballot.By is { Kind: ActorKind.Person, Person: { } person, Process: null } by && by.OnBehalfOf == ballot.Voter)
        {
            json.WriteString("person"u8, person.Value);
        }
        else if (ballot.By is { } actor)
        {
            json.WritePropertyName("by"u8);
            WriteActor(json, actor);
        }

        if (ballot.HolderMember is { } holder)
        {
            json.WriteString("holderMember"u8, holder.Value);
        }

        json.WriteEndObject();
        json.Flush();
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>Reads a ballot (either schema version), leaving its shape to <see cref="ShapeProblem"/>; throws <see cref="JsonException"/> or a rule exception on bad text.</summary>
    public static BallotCast Read(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 8 });
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "a ballot is a JSON object");
        Seen seen = 0;
        Guid proposal = default, voter = default, person = default, holder = default;
        int round = 0;
        Stance stance = 0;
        string? reason = null;
        Instant at = default;
        Actor? by = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.ValueTextEquals("proposal"u8) ? Seen.Proposal
                : reader.ValueTextEquals("round"u8) ? Seen.Round
                : reader.ValueTextEquals("voter"u8) ? Seen.Voter
                : reader.ValueTextEquals("stance"u8) ? Seen.Stance
                : reader.ValueTextEquals("reason"u8) ? Seen.Reason
                : reader.ValueTextEquals("at"u8) ? Seen.At
                : reader.ValueTextEquals("by"u8) ? Seen.By
                : reader.ValueTextEquals("person"u8) ? Seen.Person
                : reader.ValueTextEquals("holderMember"u8) ? Seen.HolderMember
                : reader.ValueTextEquals("$type"u8) ? Seen.Type
                : (Seen)0;
            Expect((seen & property) == 0, "no property appears twice");
            seen |= property;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null && property is Seen.Reason or Seen.HolderMember)
            {
                seen &= ~property;
                continue;
            }

            switch (property)
            {
                case Seen.Type:
                    Expect(reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("Decisions.BallotCast"u8), "the discriminator names a ballot");
                    break;
                case Seen.Proposal:
                    proposal = ReadGuid(ref reader);
                    break;
                case Seen.Round:
                    Expect(reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out round), "the round is a whole number");
                    break;
                case Seen.Voter:
                    voter = ReadGuid(ref reader);
                    break;
                case Seen.Stance:
                    stance = ReadStance(ref reader);
                    break;
                case Seen.Reason:
                    Expect(reader.TokenType == JsonTokenType.String, "the reason is a text");
                    reason = reader.GetString();
                    break;
                case Seen.At:
                    at = ReadInstant(ref reader);
                    break;
                case Seen.By:
                    by = ReadActor(ref reader);
                    break;
                case Seen.Person:
                    person = ReadGuid(ref reader);
                    break;
                case Seen.HolderMember:
                    holder = ReadGuid(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        Expect(reader.TokenType == JsonTokenType.EndObject && !reader.Read(), "the ballot is one JSON object");
        const Seen required = Seen.Proposal | Seen.Round | Seen.Voter | Seen.Stance | Seen.At;
        Expect((seen & required) == required, "a ballot has its proposal, round, voter, stance and time");
        Expect(((seen & Seen.By) != 0) != ((seen & Seen.Person) != 0), "a ballot names who cast it once: the person, or the actor");
        var voterId = PartnerId.FromGuid(voter);
        by ??= Actor.Representing(PersonId.FromGuid(person), voterId);
        var ballot = new BallotCast(
            ProposalId.FromGuid(proposal),
            round,
            voterId,
            stance,
            reason,
            at,
            by,
            (seen & Seen.HolderMember) != 0 ? PartnerId.FromGuid(holder) : null);

        // The shape check is CoalitionsJson.DeserializeEvent's (through ShapeProblem, without a walk over the properties),
        // so a ballot's shape is refused in the words every other event's is.
        return ballot;
    }

    /// <summary>
    /// What <c>EventShape</c> finds wrong with a ballot, checked directly (no reflection, no boxing: ballots are the most
    /// numerous events, raised and read by the hundred thousand): ids not empty, a defined stance, a round not negative,
    /// a reason of at most 100,000 characters without control characters, and a well-formed actor, in the general
    /// check's words. A test compares it with the general check.
    /// </summary>
    public static string? ShapeProblem(BallotCast ballot) =>
        ballot.Proposal.Value == Guid.Empty ? "BallotCast.Proposal is the empty id."
        : ballot.Round < 0 ? "BallotCast.Round is negative."
        : ballot.Voter.Value == Guid.Empty ? "BallotCast.Voter is the empty id."
        : !ballot.Stance.IsDefinedStance() ? $"BallotCast.Stance has an undefined value ({(int)ballot.Stance})."
        : ballot.Reason is { } reason && EventShape.Text(reason) is { } text ? "BallotCast.Reason " + text
        : ballot.By is null ? "BallotCast.By is missing (null)."
        : ballot.By.Problem() is { } actor ? "BallotCast.By the actor: " + actor
        : ballot.HolderMember is { Value: var holder } && holder == Guid.Empty ? "BallotCast.HolderMember is the empty id."
        : null;

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new JsonException($"The ballot is malformed: {what}.");
        }
    }

    private static Guid ReadGuid(ref Utf8JsonReader reader)
    {
        // TryGetGuid reads only the "D" form the writer writes (escaped or not).
        var guid = Guid.Empty;
        Expect(reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out guid), "an id is a GUID text");
        return guid;
    }

    private static Stance ReadStance(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.String, "the stance is stored as its name");
        return reader.ValueTextEquals("Support"u8) ? Stance.Support
            : reader.ValueTextEquals("Oppose"u8) ? Stance.Oppose
            : reader.ValueTextEquals("Abstain"u8) ? Stance.Abstain
            : reader.ValueTextEquals("StandAside"u8) ? Stance.StandAside
            : reader.ValueTextEquals("Block"u8) ? Stance.Block
            : reader.ValueTextEquals("Object"u8) ? Stance.Object
            : throw new JsonException($"'{reader.GetString()}' is not a Stance.");
    }

    private static ReadOnlySpan<byte> StanceName(Stance stance) => stance switch
    {
        Stance.Support => "Support"u8,
        Stance.Oppose => "Oppose"u8,
        Stance.Abstain => "Abstain"u8,
        Stance.StandAside => "StandAside"u8,
        Stance.Block => "Block"u8,
        Stance.Object => "Object"u8,
        _ => throw new JsonException($"{(int)stance} is not a Stance."),
    };

    private static Actor ReadActor(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject, "the actor is an object");
        ActorKind? kind = null;
        Guid? person = null, partner = null;
        string? process = null;
        // Each property once, even when the first was null.
        bool hasPerson = false, hasPartner = false, hasProcess = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("kind"u8))
            {
                Expect(kind is null && reader.Read() && reader.TokenType == JsonTokenType.String, "the actor's kind is a name, once");
                kind = reader.ValueTextEquals("Person"u8) ? ActorKind.Person
                    : reader.ValueTextEquals("System"u8) ? ActorKind.System
                    : throw new JsonException($"'{reader.GetString()}' is not an ActorKind.");
            }
            else if (reader.ValueTextEquals("person"u8))
            {
                Expect(!hasPerson && reader.Read(), "the actor's person appears once");
                hasPerson = true;
                person = reader.TokenType == JsonTokenType.Null ? null : ReadGuid(ref reader);
            }
            else if (reader.ValueTextEquals("onBehalfOf"u8))
            {
                Expect(!hasPartner && reader.Read(), "the actor's partner appears once");
                hasPartner = true;
                partner = reader.TokenType == JsonTokenType.Null ? null : ReadGuid(ref reader);
            }
            else if (reader.ValueTextEquals("process"u8))
            {
                Expect(!hasProcess && reader.Read() && reader.TokenType is JsonTokenType.String or JsonTokenType.Null, "the actor's process is a text, once");
                hasProcess = true;
                process = reader.GetString();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        Expect(reader.TokenType == JsonTokenType.EndObject && kind is not null, "the actor has a kind");
        return new Actor(kind!.Value, person is { } p ? PersonId.FromGuid(p) : null, partner is { } o ? PartnerId.FromGuid(o) : null, process);
    }

    private static void WriteActor(Utf8JsonWriter json, Actor actor)
    {
        json.WriteStartObject();
        json.WriteString("kind"u8, actor.Kind == ActorKind.Person ? "Person"u8 : "System"u8);
        if (actor.Person is { } person)
        {
            json.WriteString("person"u8, person.Value);
        }

        if (actor.OnBehalfOf is { } partner)
        {
            json.WriteString("onBehalfOf"u8, partner.Value);
        }

        if (actor.Process is { } process)
        {
            json.WriteString("process"u8, process);
        }

        json.WriteEndObject();
    }

    // "2026-03-02T13:00:00Z", the form NodaTime's extended ISO pattern gives a whole second, is read and written directly;
    // anything else goes through the pattern.
    private static Instant ReadInstant(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.String, "an instant is an ISO text");
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && TryWholeSecond(reader.ValueSpan, out var at))
        {
            return at;
        }

        return InstantPattern.ExtendedIso.Parse(reader.GetString()!).GetValueOrThrow();
    }

    /// <summary>
    /// Reads a whole-second UTC instant in the 20-character form this writer writes ("2026-03-02T13:00:00Z"), from UTF-8
    /// or UTF-16; false for any other text or a date or time that does not exist (those go through NodaTime's pattern).
    /// </summary>
    private static bool TryWholeSecond<TChar>(ReadOnlySpan<TChar> s, out Instant at)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        at = default;
        if (s.Length != 20 || !Is(s[4], '-') || !Is(s[7], '-') || !Is(s[10], 'T') || !Is(s[13], ':') || !Is(s[16], ':') || !Is(s[19], 'Z') ||
            Digits(s, 0, 4) is not (>= 1000 and var year) || Digits(s, 5, 2) is not (>= 1 and <= 12 and var month) ||
            Digits(s, 8, 2) is not (>= 1 and var day) || day > CalendarSystem.Iso.GetDaysInMonth(year, month) ||
            Digits(s, 11, 2) is not (>= 0 and < 24 and var hour) || Digits(s, 14, 2) is not (>= 0 and < 60 and var minute) ||
            Digits(s, 17, 2) is not (>= 0 and < 60 and var second))
        {
            return false;
        }

        // Counted here rather than through NodaTime's validating constructors, which the checks above make redundant:
        // replay reads a hundred thousand of these. A test compares every day of several years with NodaTime's parse.
        at = Instant.FromUnixTimeSeconds((DaysSinceEpoch(year, month, day) * 86_400L) + (hour * 3_600) + (minute * 60) + second);
        return true;
    }

    // Days from 1970-01-01 to a date of the proleptic Gregorian calendar (years 1000 to 9999 here): the year is counted
    // from March, so a leap day ends it, in 400-year cycles of 146,097 days.
    private static long DaysSinceEpoch(int year, int month, int day)
    {
        var y = month <= 2 ? year - 1 : year;
        var era = y / 400;
        var yearOfEra = y - (era * 400);
        var dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097L) + dayOfEra - 719_468;
    }

    private static bool Is<TChar>(TChar c, char expected)
        where TChar : unmanaged, IBinaryInteger<TChar> => int.CreateTruncating(c) == expected;

    // The number written in decimal digits at s[start..start+count], or -1 when one is not a digit.
    private static int Digits<TChar>(ReadOnlySpan<TChar> s, int start, int count)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = int.CreateTruncating(s[i]) - '0';
            if (digit is < 0 or > 9)
            {
                return -1;
            }

            value = (value * 10) + digit;
        }

        return value;
    }

    private static void WriteInstant(Utf8JsonWriter json, ReadOnlySpan<byte> name, Instant instant)
    {
        var utc = instant.InUtc();
        if (utc.TickOfSecond != 0 || utc.Year is < 1000 or > 9999)
        {
            json.WriteString(name, InstantPattern.ExtendedIso.Format(instant));
            return;
        }

        Span<byte> s = stackalloc byte[20];
        Put(s, 0, 4, utc.Year);
        s[4] = (byte)'-';
        Put(s, 5, 2, utc.Month);
        s[7] = (byte)'-';
        Put(s, 8, 2, utc.Day);
        s[10] = (byte)'T';
        Put(s, 11, 2, utc.Hour);
        s[13] = (byte)':';
        Put(s, 14, 2, utc.Minute);
        s[16] = (byte)':';
        Put(s, 17, 2, utc.Second);
        s[19] = (byte)'Z';
        json.WriteString(name, s);
    }

    private static void Put(Span<byte> s, int start, int count, int value)
    {
        for (var i = start + count - 1; i >= start; i--)
        {
            s[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
