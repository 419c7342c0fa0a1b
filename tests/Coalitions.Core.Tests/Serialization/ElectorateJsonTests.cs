using System.Text.Json;
using Coalitions.Core.Decisions;
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
    public void A_voter_with_the_most_representatives_a_voter_may_have_reads_back_from_columns()
    {
        var people = Enumerable.Range(1, global::Coalitions.Core.Decisions.Voter.MaxRepresentatives).Select(Person).ToArray();
        var electorate = new Electorate([new global::Coalitions.Core.Decisions.Voter(Partner(1), people), new global::Coalitions.Core.Decisions.Voter(Partner(2), [Person(500)])]);

        var back = CoalitionsJson.Deserialize<Electorate>(CoalitionsJson.Serialize(electorate))!;

        Assert.Equal(electorate.Voters.Select(Describe), back.Voters.Select(Describe));
    }

    private static string Describe(Voter v) =>
        $"{v.Partner} [{string.Join(" ", v.Representatives)}] {v.Weight} {v.Chamber}/{v.SubChamber} {v.HasVeto} {v.Name}";
}
