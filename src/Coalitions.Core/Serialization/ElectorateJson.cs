using System.Text.Json;
using System.Text.Json.Serialization;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Serialization;

/// <summary>
/// The stored shape of a frozen <see cref="Electorate"/>, in columns: the voters' ids and their representatives' ids as
/// base64 runs of 16-byte GUIDs (in RFC 4122 byte order, so "a0000000-…" starts with the byte 0xa0), and the weights, names, vetoes and chambers only where they differ from the defaults.
/// A hundred thousand voters take about a third of the room of one object per voter, and load without parsing a GUID text.
/// </summary>
/// <remarks>
/// <para>Written as <c>{"partners": "…", "representatives": "…", "representativeCounts": [...], "weights": [...],
/// "names": [...], "vetoes": [indices], "chambers": [...], "groups": [{"chamber", "subChamber"}], "groupOf": [...]}</c>,
/// each column but the first two left out when every voter has the default (one representative, weight 1, no name,
/// no veto, no chamber). The shape of earlier versions (<c>{"voters": [{…}], "chambers": [...]}</c>) is still read.</para>
/// <para>Every voter and the electorate are built through their constructors, so a stored electorate is checked exactly
/// as one built in code (the freeze guarantee); sizes are checked before anything is allocated for them.</para>
/// </remarks>
internal sealed class ElectorateJsonConverter : JsonConverter<Electorate>
{
    public override Electorate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject, "an electorate is a JSON object");
        byte[]? partners = null, representatives = null;
        int[]? counts = null, groupOf = null, vetoes = null;
        long[]? weights = null;
        string?[]? names = null;
        List<Voter>? voters = null;
        List<Chamber>? chambers = null;
        List<(string? Chamber, string? SubChamber)>? groups = null;
        while (NextProperty(ref reader, out var name))
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            switch (name)
            {
                case "partners":
                    partners = Guids(ref reader);
                    break;
                case "representatives":
                    representatives = Guids(ref reader);
                    break;
                case "representativeCounts":
                    counts = Ints(ref reader);
                    break;
                case "groupOf":
                    groupOf = Ints(ref reader);
                    break;
                case "vetoes":
                    vetoes = Ints(ref reader);
                    break;
                case "weights":
                    weights = Array(ref reader, static (ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Number && r.TryGetInt64(out var w) ? w : throw Bad("a weight is a whole number")).ToArray();
                    break;
                case "names":
                    names = Array(ref reader, static (ref Utf8JsonReader r) => r.TokenType is JsonTokenType.String or JsonTokenType.Null ? r.GetString() : throw Bad("a name is a text")).ToArray();
                    break;
                case "groups":
                    groups = Array(ref reader, static (ref Utf8JsonReader r) => ReadGroup(ref r));
                    break;
                case "chambers":
                    chambers = Array(ref reader, static (ref Utf8JsonReader r) => ReadChamber(ref r));
                    break;
                case "voters":
                    voters = Array(ref reader, static (ref Utf8JsonReader r) => ReadVoter(ref r));
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (voters is not null)
        {
            Expect(partners is null, "an electorate lists its voters once");
            return new Electorate(voters, chambers);
        }

        Expect(partners is not null && representatives is not null, "an electorate has its partners and representatives");
        var n = partners!.Length / 16;
        Expect(counts is null || counts.Length == n, "one representative count per voter");
        Expect(weights is null || weights.Length == n, "one weight per voter");
        Expect(names is null || names.Length == n, "one name per voter");
        Expect(groupOf is null || (groupOf.Length == n && groups is not null), "one group per voter, among the groups listed");
        var veto = new bool[n];
        foreach (var index in vetoes ?? [])
        {
            Expect(index >= 0 && index < n && !veto[index], "a veto names a voter once");
            veto[index] = true;
        }

        var list = new Voter[n];
        var next = 0;
        for (var i = 0; i < n; i++)
        {
            var count = counts?[i] ?? 1;
            Expect(count >= 0 && count <= Voter.MaxRepresentatives && next + count <= representatives!.Length / 16, "the representatives add up");
            var people = new PersonId[count];
            for (var k = 0; k < count; k++, next++)
            {
                people[k] = PersonId.FromGuid(new Guid(representatives.AsSpan(next * 16, 16), bigEndian: true));
            }

            var group = groupOf is null ? default : groupOf[i] >= 0 && groupOf[i] < groups!.Count ? groups[groupOf[i]] : throw Bad("a voter's group is listed");
            list[i] = new Voter(PartnerId.FromGuid(new Guid(partners.AsSpan(i * 16, 16), bigEndian: true)), people, weights?[i] ?? 1, group.Chamber, group.SubChamber, veto[i], names?[i]);
        }

        Expect(next * 16 == representatives!.Length, "the representatives add up");
        return new Electorate(list, chambers);
    }

    public override void Write(Utf8JsonWriter writer, Electorate value, JsonSerializerOptions options)
    {
        var voters = value.Voters;
        var partners = new byte[voters.Count * 16];
        var representatives = new byte[voters.Sum(v => v.Representatives.Count) * 16];
        var next = 0;
        for (var i = 0; i < voters.Count; i++)
        {
            voters[i].Partner.Value.TryWriteBytes(partners.AsSpan(i * 16, 16), bigEndian: true, out _);
            foreach (var person in voters[i].Representatives)
            {
                person.Value.TryWriteBytes(representatives.AsSpan(next++ * 16, 16), bigEndian: true, out _);
            }
        }

        writer.WriteStartObject();
        writer.WriteBase64String("partners"u8, partners);
        writer.WriteBase64String("representatives"u8, representatives);
        if (voters.Any(v => v.Representatives.Count != 1))
        {
            WriteNumbers(writer, "representativeCounts"u8, voters.Select(v => (long)v.Representatives.Count));
        }

        if (voters.Any(v => v.Weight != 1))
        {
            WriteNumbers(writer, "weights"u8, voters.Select(v => v.Weight));
        }

        if (voters.Any(v => v.Name is not null))
        {
            writer.WriteStartArray("names"u8);
            foreach (var voter in voters)
            {
                if (voter.Name is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    writer.WriteStringValue(voter.Name);
                }
            }

            writer.WriteEndArray();
        }

        if (voters.Any(v => v.HasVeto))
        {
            WriteNumbers(writer, "vetoes"u8, Enumerable.Range(0, voters.Count).Where(i => voters[i].HasVeto).Select(i => (long)i));
        }

        if (value.Chambers.Count > 0)
        {
            writer.WriteStartArray("chambers"u8);
            foreach (var chamber in value.Chambers)
            {
                writer.WriteStartObject();
                writer.WriteString("name"u8, chamber.Name);
                writer.WriteNumber("weight"u8, chamber.Weight);
                writer.WriteStartArray("subChambers"u8);
                foreach (var sub in chamber.SubChambers)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name"u8, sub.Name);
                    writer.WriteNumber("weight"u8, sub.Weight);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (voters.Any(v => v.Chamber is not null))
        {
            var groups = voters.Select(v => (v.Chamber, v.SubChamber)).Distinct().ToList();
            var index = groups.Select((g, i) => (g, i)).ToDictionary(p => p.g, p => p.i);
            writer.WriteStartArray("groups"u8);
            foreach (var (chamber, sub) in groups)
            {
                writer.WriteStartObject();
                writer.WriteString("chamber"u8, chamber);
                if (sub is not null)
                {
                    writer.WriteString("subChamber"u8, sub);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            WriteNumbers(writer, "groupOf"u8, voters.Select(v => (long)index[(v.Chamber, v.SubChamber)]));
        }

        writer.WriteEndObject();
    }

    private delegate T ItemReader<T>(ref Utf8JsonReader reader);

    private static void WriteNumbers(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IEnumerable<long> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }

    private static byte[] Guids(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.String, "ids are a base64 text");

        // Checked before decoding: at most as many ids as the largest electorate's representatives.
        Expect(reader.ValueSpan.Length / 4 * 3 / 16 <= (long)Limits.MaxVoters * 4, "an electorate holds at most its bounded number of voters");
        var bytes = reader.GetBytesFromBase64();
        Expect(bytes.Length % 16 == 0, "ids are 16 bytes each");
        return bytes;
    }

    private static int[] Ints(ref Utf8JsonReader reader) =>
        Array(ref reader, static (ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Number && r.TryGetInt32(out var v) ? v : throw Bad("a count or index is a whole number")).ToArray();

    private static List<T> Array<T>(ref Utf8JsonReader reader, ItemReader<T> item)
    {
        Expect(reader.TokenType == JsonTokenType.StartArray, "a column is a JSON array");
        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(list.Count < Limits.MaxVoters, "an electorate holds at most its bounded number of voters");
            list.Add(item(ref reader));
        }

        return list;
    }

    private static (string?, string?) ReadGroup(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject, "a group is an object");
        string? chamber = null, sub = null;
        while (NextProperty(ref reader, out var name))
        {
            switch (name)
            {
                case "chamber":
                    chamber = Text(ref reader);
                    break;
                case "subChamber":
                    sub = Text(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return (chamber, sub);
    }

    private static Chamber ReadChamber(ref Utf8JsonReader reader)
    {
        var (name, weight, subs) = ReadWeightedGroup(ref reader, "a chamber", withSubChambers: true);
        return new Chamber(name, weight, subs);
    }

    private static SubChamber ReadSubChamber(ref Utf8JsonReader reader)
    {
        var (name, weight, _) = ReadWeightedGroup(ref reader, "a sub-chamber", withSubChambers: false);
        return new SubChamber(name, weight);
    }

    // A chamber or a sub-chamber: a name and a weight, and for a chamber its sub-chambers (other properties are skipped).
    private static (string Name, long Weight, List<SubChamber>? SubChambers) ReadWeightedGroup(ref Utf8JsonReader reader, string what, bool withSubChambers)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject, what + " is an object");
        string? name = null;
        long? weight = null;
        List<SubChamber>? subs = null;
        while (NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "name":
                    name = Text(ref reader);
                    break;
                case "weight":
                    weight = Number(ref reader);
                    break;
                case "subChambers" when withSubChambers:
                    subs = reader.TokenType == JsonTokenType.Null ? null : Array(ref reader, static (ref Utf8JsonReader r) => ReadSubChamber(ref r));
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        Expect(name is not null && weight is not null, what + " has a name and a weight");
        return (name!, weight!.Value, subs);
    }

    // Moves to the next property of an object and onto its value; false at the end of the object.
    private static bool NextProperty(ref Utf8JsonReader reader, out string? name)
    {
        if (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            name = reader.GetString();
            reader.Read();
            return true;
        }

        name = null;
        return false;
    }

    private static Voter ReadVoter(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject, "a voter is an object");
        Guid? partner = null;
        List<PersonId>? people = null;
        long weight = 1;
        string? chamber = null, sub = null, name = null;
        var veto = false;
        while (NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "partner":
                    partner = Guid(ref reader);
                    break;
                case "representatives":
                    Expect(reader.TokenType == JsonTokenType.StartArray, "representatives are a list");
                    people = [];
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        Expect(people.Count < Voter.MaxRepresentatives, "a voter lists at most its bounded number of representatives");
                        people.Add(PersonId.FromGuid(Guid(ref reader)));
                    }

                    break;
                case "weight":
                    weight = Number(ref reader);
                    break;
                case "chamber":
                    chamber = Text(ref reader);
                    break;
                case "subChamber":
                    sub = Text(ref reader);
                    break;
                case "hasVeto":
                    Expect(reader.TokenType is JsonTokenType.True or JsonTokenType.False, "a veto is true or false");
                    veto = reader.GetBoolean();
                    break;
                case "name":
                    name = Text(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        Expect(partner is not null && people is not null, "a voter has its partner and representatives");
        return new Voter(PartnerId.FromGuid(partner!.Value), people!, weight, chamber, sub, veto, name);
    }

    private static Guid Guid(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.String, "an id is a GUID text");
        // TryGetGuid reads only the "D" form the writer writes (escaped or not).
        return reader.TryGetGuid(out var guid) ? guid : throw Bad("an id is a GUID text");
    }

    private static string? Text(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType is JsonTokenType.String or JsonTokenType.Null, "a name is a text");
        return reader.GetString();
    }

    private static long Number(ref Utf8JsonReader reader)
    {
        long value = 0;
        Expect(reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out value), "a weight is a whole number");
        return value;
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw Bad(what);
        }
    }

    private static JsonException Bad(string what) => new($"The electorate is malformed: {what}.");
}
