using System.Text.Json;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Serialization;

/// <summary>A frozen electorate is stored in columns, leaving out every column that holds only defaults, and read back as the same voters; a column that does not add up is refused.</summary>
public class ElectorateJsonTests
{
    [Fact]
    public void An_electorate_of_defaults_but_names_stores_its_ids_and_names_only()
    {
        var json = CoalitionsJson.Serialize(Members(2));

        Assert.Equal("{\"partners\":\"oAAAAAAAAAAAAAAAAAAAAaAAAAAAAAAAAAAAAAAAAAI=\",\"representatives\":\"sAAAAAAAAAAAAAAAAAAAAbAAAAAAAAAAAAAAAAAAAAI=\",\"names\":[\"Member 1\",\"Member 2\"]}", json);
    }

    [Fact]
    public void Every_column_reads_back_as_the_same_voters()
    {
        var electorate = new Electorate(
            [
                new Voter(Partner(1), [Person(1), Person(11)], 3, "north", "a", true, "Member 1"),
                new Voter(Partner(2), [Person(2)], 1, "north", "a"),
                new Voter(Partner(3), [Person(3)], 2, "south", "b", true),
            ],
            [new Chamber("north", 2, [new SubChamber("a", 1)]), new Chamber("south", 1, [new SubChamber("b", 1)])]);

        var json = CoalitionsJson.Serialize(electorate);
        var back = CoalitionsJson.Deserialize<Electorate>(json)!;

        Assert.Equal(json, CoalitionsJson.Serialize(back));
        Assert.Equal(electorate.Voters.Select(Describe), back.Voters.Select(Describe));
    }

    [Theory]
    [InlineData("{}", "JsonException: The electorate is malformed: an electorate has its partners and representatives.")]
    [InlineData("[]", "JsonException: The electorate is malformed: an electorate is a JSON object.")]
    [InlineData("{\"partners\":1,\"representatives\":\"\"}", "JsonException: The electorate is malformed: ids are a base64 text.")]
    [InlineData("{\"partners\":\"AAAA\",\"representatives\":\"\"}", "JsonException: The electorate is malformed: ids are 16 bytes each.")]
    [InlineData("{\"partners\":\"\",\"representatives\":\"\",\"weights\":[1]}", "JsonException: The electorate is malformed: one weight per voter.")]
    [InlineData("{\"partners\":\"\",\"representatives\":\"\",\"weights\":\"1\"}", "JsonException: The electorate is malformed: a column is a JSON array.")]
    [InlineData("{\"partners\":\"\",\"representatives\":\"\",\"names\":[1]}", "JsonException: The electorate is malformed: a name is a text.")]
    [InlineData("{\"partners\":\"\",\"representatives\":\"\",\"vetoes\":[0]}", "JsonException: The electorate is malformed: a veto names a voter once.")]
    [InlineData("{\"partners\":\"\",\"representatives\":\"\",\"vetoes\":[-1]}", "JsonException: The electorate is malformed: a veto names a voter once.")]
    [InlineData("{\"partners\":\"AQAAAAAAAAAAAAAAAAAAAA==\",\"representatives\":\"AgAAAAAAAAAAAAAAAAAAAA==\",\"groupOf\":[-1],\"groups\":[{\"chamber\":null,\"subChamber\":null}]}", "JsonException: The electorate is malformed: a voter's group is listed.")]
    [InlineData("{\"partners\":\"\",\"representatives\":\"\",\"groupOf\":[]}", "JsonException: The electorate is malformed: one group per voter, among the groups listed.")]
    [InlineData("{\"voters\":[],\"partners\":\"\"}", "JsonException: The electorate is malformed: an electorate lists its voters once.")]
    [InlineData("{\"voters\":[{\"partner\":\"a0000000-0000-0000-0000-000000000001\"}]}", "JsonException: The electorate is malformed: a voter has its partner and representatives.")]
    [InlineData("{\"voters\":[{\"partner\":\"a0000000-0000-0000-0000-000000000001\",\"representatives\":[\"b0000000-0000-0000-0000-000000000001\"],\"hasVeto\":\"yes\"}]}", "JsonException: The electorate is malformed: a veto is true or false.")]
    [InlineData("{\"voters\":[{\"partner\":\"nope\",\"representatives\":[]}]}", "JsonException: The electorate is malformed: an id is a GUID text.")]
    [InlineData("{\"partners\":\"\",\"representatives\":\"\",\"chambers\":[{\"name\":\"north\"}]}", "JsonException: The electorate is malformed: a chamber has a name and a weight.")]
    [InlineData("{\"partners\":\"\"}", "JsonException: The electorate is malformed: an electorate has its partners and representatives.")]
    [InlineData("{\"partners\":\"\",\"representatives\":\"\",\"representativeCounts\":[1]}", "JsonException: The electorate is malformed: one representative count per voter.")]
    [InlineData("{\"partners\":\"\",\"representatives\":\"\",\"names\":[\"a\"]}", "JsonException: The electorate is malformed: one name per voter.")]
    [InlineData("{\"partners\":\"AQAAAAAAAAAAAAAAAAAAAA==\",\"representatives\":\"AgAAAAAAAAAAAAAAAAAAAA==\",\"representativeCounts\":[2]}", "JsonException: The electorate is malformed: the representatives add up.")]
    [InlineData("{\"partners\":\"AQAAAAAAAAAAAAAAAAAAAA==\",\"representatives\":\"AgAAAAAAAAAAAAAAAAAAAA==\",\"representativeCounts\":[-1]}", "JsonException: The electorate is malformed: the representatives add up.")]
    [InlineData("{\"partners\":\"AQAAAAAAAAAAAAAAAAAAAA==\",\"representatives\":\"AgAAAAAAAAAAAAAAAAAAAAMAAAAAAAAAAAAAAAAAAAA=\"}", "JsonException: The electorate is malformed: the representatives add up.")]
    [InlineData("{\"partners\":\"AQAAAAAAAAAAAAAAAAAAAA==\",\"representatives\":\"CgAAAAAAAAAAAAAAAAAAAAsAAAAAAAAAAAAAAAAAAAAMAAAAAAAAAAAAAAAAAAAADQAAAAAAAAAAAAAAAAAAAA4AAAAAAAAAAAAAAAAAAAAPAAAAAAAAAAAAAAAAAAAAEAAAAAAAAAAAAAAAAAAAABEAAAAAAAAAAAAAAAAAAAASAAAAAAAAAAAAAAAAAAAAEwAAAAAAAAAAAAAAAAAAABQAAAAAAAAAAAAAAAAAAAAVAAAAAAAAAAAAAAAAAAAAFgAAAAAAAAAAAAAAAAAAABcAAAAAAAAAAAAAAAAAAAAYAAAAAAAAAAAAAAAAAAAAGQAAAAAAAAAAAAAAAAAAABoAAAAAAAAAAAAAAAAAAAAbAAAAAAAAAAAAAAAAAAAAHAAAAAAAAAAAAAAAAAAAAB0AAAAAAAAAAAAAAAAAAAAeAAAAAAAAAAAAAAAAAAAAHwAAAAAAAAAAAAAAAAAAACAAAAAAAAAAAAAAAAAAAAAhAAAAAAAAAAAAAAAAAAAAIgAAAAAAAAAAAAAAAAAAACMAAAAAAAAAAAAAAAAAAAAkAAAAAAAAAAAAAAAAAAAAJQAAAAAAAAAAAAAAAAAAACYAAAAAAAAAAAAAAAAAAAAnAAAAAAAAAAAAAAAAAAAAKAAAAAAAAAAAAAAAAAAAACkAAAAAAAAAAAAAAAAAAAAqAAAAAAAAAAAAAAAAAAAAKwAAAAAAAAAAAAAAAAAAACwAAAAAAAAAAAAAAAAAAAAtAAAAAAAAAAAAAAAAAAAALgAAAAAAAAAAAAAAAAAAAC8AAAAAAAAAAAAAAAAAAAAwAAAAAAAAAAAAAAAAAAAAMQAAAAAAAAAAAAAAAAAAADIAAAAAAAAAAAAAAAAAAAAzAAAAAAAAAAAAAAAAAAAANAAAAAAAAAAAAAAAAAAAADUAAAAAAAAAAAAAAAAAAAA2AAAAAAAAAAAAAAAAAAAANwAAAAAAAAAAAAAAAAAAADgAAAAAAAAAAAAAAAAAAAA5AAAAAAAAAAAAAAAAAAAAOgAAAAAAAAAAAAAAAAAAADsAAAAAAAAAAAAAAAAAAAA8AAAAAAAAAAAAAAAAAAAAPQAAAAAAAAAAAAAAAAAAAD4AAAAAAAAAAAAAAAAAAAA/AAAAAAAAAAAAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAEEAAAAAAAAAAAAAAAAAAABCAAAAAAAAAAAAAAAAAAAAQwAAAAAAAAAAAAAAAAAAAEQAAAAAAAAAAAAAAAAAAABFAAAAAAAAAAAAAAAAAAAARgAAAAAAAAAAAAAAAAAAAEcAAAAAAAAAAAAAAAAAAABIAAAAAAAAAAAAAAAAAAAASQAAAAAAAAAAAAAAAAAAAEoAAAAAAAAAAAAAAAAAAABLAAAAAAAAAAAAAAAAAAAATAAAAAAAAAAAAAAAAAAAAE0AAAAAAAAAAAAAAAAAAABOAAAAAAAAAAAAAAAAAAAATwAAAAAAAAAAAAAAAAAAAFAAAAAAAAAAAAAAAAAAAABRAAAAAAAAAAAAAAAAAAAAUgAAAAAAAAAAAAAAAAAAAFMAAAAAAAAAAAAAAAAAAABUAAAAAAAAAAAAAAAAAAAAVQAAAAAAAAAAAAAAAAAAAFYAAAAAAAAAAAAAAAAAAABXAAAAAAAAAAAAAAAAAAAAWAAAAAAAAAAAAAAAAAAAAFkAAAAAAAAAAAAAAAAAAABaAAAAAAAAAAAAAAAAAAAAWwAAAAAAAAAAAAAAAAAAAFwAAAAAAAAAAAAAAAAAAABdAAAAAAAAAAAAAAAAAAAAXgAAAAAAAAAAAAAAAAAAAF8AAAAAAAAAAAAAAAAAAABgAAAAAAAAAAAAAAAAAAAAYQAAAAAAAAAAAAAAAAAAAGIAAAAAAAAAAAAAAAAAAABjAAAAAAAAAAAAAAAAAAAAZAAAAAAAAAAAAAAAAAAAAGUAAAAAAAAAAAAAAAAAAABmAAAAAAAAAAAAAAAAAAAAZwAAAAAAAAAAAAAAAAAAAGgAAAAAAAAAAAAAAAAAAABpAAAAAAAAAAAAAAAAAAAAagAAAAAAAAAAAAAAAAAAAGsAAAAAAAAAAAAAAAAAAABsAAAAAAAAAAAAAAAAAAAAbQAAAAAAAAAAAAAAAAAAAG4AAAAAAAAAAAAAAAAAAAA=\",\"representativeCounts\":[101]}", "JsonException: The electorate is malformed: the representatives add up.")]
    [InlineData("{\"partners\":\"AQAAAAAAAAAAAAAAAAAAAA==\",\"representatives\":\"AgAAAAAAAAAAAAAAAAAAAA==\",\"groupOf\":[1],\"groups\":[{\"chamber\":null,\"subChamber\":null}]}", "JsonException: The electorate is malformed: a voter's group is listed.")]
    [InlineData("{\"partners\":\"\",\"representatives\":\"\",\"groups\":[1]}", "JsonException: The electorate is malformed: a group is an object.")]
    [InlineData("{\"partners\":\"\",\"representatives\":\"\",\"chambers\":[1]}", "JsonException: The electorate is malformed: a chamber is an object.")]
    [InlineData("{\"partners\":\"\",\"representatives\":\"\",\"chambers\":[{\"name\":\"north\",\"weight\":1,\"subChambers\":[1]}]}", "JsonException: The electorate is malformed: a sub-chamber is an object.")]
    [InlineData("{\"partners\":\"\",\"representatives\":\"\",\"chambers\":[{\"name\":\"north\",\"weight\":\"x\"}]}", "JsonException: The electorate is malformed: a weight is a whole number.")]
    [InlineData("{\"partners\":\"\",\"representatives\":\"\",\"weights\":[\"1\"]}", "JsonException: The electorate is malformed: a weight is a whole number.")]
    [InlineData("{\"partners\":\"\",\"representatives\":\"\",\"vetoes\":[\"0\"]}", "JsonException: The electorate is malformed: a count or index is a whole number.")]
    [InlineData("{\"partners\":\"AQAAAAAAAAAAAAAAAAAAAA==\",\"representatives\":\"\",\"representativeCounts\":[0]}", "JsonException: The text is not a valid Electorate: Decisions.InvalidElectorate: 01000000-0000-0000-0000-000000000000 needs one to 100 representatives who may cast its ballot.")]
    [InlineData("{\"voters\":[1]}", "JsonException: The electorate is malformed: a voter is an object.")]
    [InlineData("{\"voters\":[{\"partner\":\"a0000000-0000-0000-0000-000000000001\",\"representatives\":\"b0000000-0000-0000-0000-000000000001\"}]}", "JsonException: The electorate is malformed: representatives are a list.")]
    [InlineData("{\"voters\":[{\"partner\":1,\"representatives\":[]}]}", "JsonException: The electorate is malformed: an id is a GUID text.")]
    [InlineData("{\"voters\":[{\"partner\":\"a0000000-0000-0000-0000-000000000001\",\"representatives\":[\"b0000000-0000-0000-0000-000000000001\"],\"name\":1}]}", "JsonException: The electorate is malformed: a name is a text.")]
    public void An_electorate_that_does_not_add_up_is_refused_in_words(string json, string expected)
    {
        var error = Assert.ThrowsAny<Exception>(() => CoalitionsJson.Deserialize<Electorate>(json));

        Assert.Equal(expected, error.GetType().Name + ": " + error.Message);
    }

    [Fact]
    public void A_voter_listed_whole_has_no_veto_unless_it_says_so_and_a_null_list_of_sub_chambers_is_none()
    {
        var listed = CoalitionsJson.Deserialize<Electorate>("{\"voters\":[{\"partner\":\"a0000000-0000-0000-0000-000000000001\",\"representatives\":[\"b0000000-0000-0000-0000-000000000001\"]}]}")!;
        var chambers = CoalitionsJson.Deserialize<Electorate>("{\"partners\":\"\",\"representatives\":\"\",\"chambers\":[{\"name\":\"north\",\"weight\":2,\"subChambers\":null}]}")!;

        Assert.False(Assert.Single(listed.Voters).HasVeto);
        Assert.Empty(Assert.Single(chambers.Chambers).SubChambers);
    }

    [Fact]
    public void A_column_given_as_null_is_read_as_left_out()
    {
        var json = "{\"partners\":\"AQAAAAAAAAAAAAAAAAAAAA==\",\"representatives\":\"AgAAAAAAAAAAAAAAAAAAAA==\",\"names\":null,\"weights\":null,\"representativeCounts\":null,\"vetoes\":null,\"groupOf\":null,\"groups\":null,\"chambers\":null,\"voters\":null}";

        var voter = Assert.Single(CoalitionsJson.Deserialize<Electorate>(json)!.Voters);

        Assert.Equal("01000000-0000-0000-0000-000000000000 [02000000-0000-0000-0000-000000000000] 1 / False ", Describe(voter));
    }

    [Fact]
    public void A_voter_with_the_most_representatives_a_voter_may_have_reads_back_from_columns()
    {
        var people = Enumerable.Range(1, global::Coalitions.Core.Decisions.Voter.MaxRepresentatives).Select(Person).ToArray();
        var electorate = new Electorate([new global::Coalitions.Core.Decisions.Voter(Partner(1), people), new global::Coalitions.Core.Decisions.Voter(Partner(2), [Person(500)])]);

        var back = CoalitionsJson.Deserialize<Electorate>(CoalitionsJson.Serialize(electorate))!;

        Assert.Equal(electorate.Voters.Select(Describe), back.Voters.Select(Describe));
    }

    [Fact]
    public void A_voter_listing_more_representatives_than_a_voter_may_have_is_malformed()
    {
        var people = string.Join(",", Enumerable.Range(1, global::Coalitions.Core.Decisions.Voter.MaxRepresentatives + 1).Select(i => $"\"{Person(i)}\""));
        var json = $"{{\"voters\":[{{\"partner\":\"a0000000-0000-0000-0000-000000000001\",\"representatives\":[{people}]}}]}}";

        var error = Assert.Throws<JsonException>(() => CoalitionsJson.Deserialize<Electorate>(json));

        Assert.Equal("The electorate is malformed: a voter lists at most its bounded number of representatives.", error.Message);
    }

    [Fact]
    public void A_column_longer_than_the_largest_electorate_is_refused_before_it_is_read_further()
    {
        var zeros = new System.Text.StringBuilder("{\"partners\":\"\",\"representatives\":\"\",\"vetoes\":[0", (Limits.MaxVoters * 2) + 64);
        for (var i = 1; i <= Limits.MaxVoters; i++)
        {
            zeros.Append(",0");
        }

        var error = Assert.Throws<JsonException>(() => CoalitionsJson.Deserialize<Electorate>(zeros.Append("]}").ToString()));

        Assert.Equal("The electorate is malformed: an electorate holds at most its bounded number of voters.", error.Message);
    }

    [Fact]
    public void A_hundred_thousand_voters_read_back_from_columns()
    {
        var voters = Enumerable.Range(1, 100_000).Select(i => new global::Coalitions.Core.Decisions.Voter(Partner(i), [Person(i)])).ToArray();

        var back = CoalitionsJson.Deserialize<Electorate>(CoalitionsJson.Serialize(new Electorate(voters)))!;

        Assert.Equal(100_000, back.Voters.Count);
        Assert.Equal(Person(100_000), back.Voters[^1].Representatives[0]);
    }

    [Fact]
    public void Properties_a_reader_does_not_know_are_skipped_whole_at_every_level()
    {
        const string unknown = "\"later\":[{\"name\":\"x\",\"weight\":9}],";
        var columns = "{" + unknown + "\"partners\":\"AQAAAAAAAAAAAAAAAAAAAA==\",\"representatives\":\"AgAAAAAAAAAAAAAAAAAAAA==\","
            + "\"chambers\":[{" + unknown + "\"name\":\"north\",\"weight\":2,\"subChambers\":[{" + unknown + "\"subChambers\":5,\"name\":\"a\",\"weight\":1}]}],"
            + "\"groups\":[{" + unknown + "\"chamber\":\"north\",\"subChamber\":\"a\"}],\"groupOf\":[0]}";
        var listed = "{\"voters\":[{" + unknown + "\"partner\":\"a0000000-0000-0000-0000-000000000001\",\"representatives\":[\"b0000000-0000-0000-0000-000000000001\"]}]}";

        var fromColumns = CoalitionsJson.Deserialize<Electorate>(columns)!;
        var fromList = CoalitionsJson.Deserialize<Electorate>(listed)!;

        var chamber = Assert.Single(fromColumns.Chambers);
        Assert.Equal("north 2 a 1", $"{chamber.Name} {chamber.Weight} {Assert.Single(chamber.SubChambers).Name} {chamber.SubChambers[0].Weight}");
        Assert.Equal("north/a", $"{Assert.Single(fromColumns.Voters).Chamber}/{fromColumns.Voters[0].SubChamber}");
        Assert.Single(Assert.Single(fromList.Voters).Representatives);
    }

    private static string Describe(Voter v) =>
        $"{v.Partner} [{string.Join(" ", v.Representatives)}] {v.Weight} {v.Chamber}/{v.SubChamber} {v.HasVeto} {v.Name}";
}
