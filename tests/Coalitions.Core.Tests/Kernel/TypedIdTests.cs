using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;

namespace Coalitions.Core.Tests.Kernel;

public class TypedIdTests
{
    [Fact]
    public void An_id_round_trips_through_its_text()
    {
        var id = PartnerId.New();

        Assert.Equal(id, PartnerId.Parse(id.ToString()));
        Assert.True(PartnerId.TryParse(id.ToString(), out var parsed));
        Assert.Equal(id, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public void Blank_or_empty_ids_do_not_parse(string text)
    {
        Assert.False(PersonId.TryParse(text, out _));
        Assert.Throws<FormatException>(() => PersonId.Parse(text));
    }

    [Fact]
    public void The_empty_guid_is_not_an_id()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => CoalitionId.FromGuid(Guid.Empty));

        Assert.True(error.Has(ErrorCodes.Kernel.EmptyId));
        Assert.Equal("The empty GUID is not a valid CoalitionId.", error.Message);
    }

    [Fact]
    public void Text_that_is_no_id_is_refused_naming_the_text_and_the_id_type()
    {
        var error = Assert.Throws<FormatException>(() => PersonId.Parse("not-a-guid"));

        Assert.Equal("'not-a-guid' is not a valid PersonId: expected a non-empty GUID.", error.Message);
    }

    [Fact]
    public void An_id_is_written_to_json_as_a_plain_string()
    {
        var id = PartnerId.FromGuid(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"));

        var json = CoalitionsJson.Serialize(id);

        Assert.Equal("\"0f8fad5b-d9cb-469f-a165-70867728950e\"", json);
        Assert.Equal(id, CoalitionsJson.Deserialize<PartnerId>(json));
    }

    [Fact]
    public void Actors_say_who_acted_for_whom()
    {
        var person = PersonId.FromGuid(Guid.Parse("11111111-1111-1111-1111-111111111111"));
        var partner = PartnerId.FromGuid(Guid.Parse("22222222-2222-2222-2222-222222222222"));

        Assert.Equal("person 11111111-1111-1111-1111-111111111111 for partner 22222222-2222-2222-2222-222222222222", Actor.Representing(person, partner).ToString());
        Assert.Equal("system (scheduler)", Actor.System("scheduler").ToString());
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Actor.System(" ")).Has(ErrorCodes.Kernel.ActorRequired));
    }

    [Fact]
    public void An_actor_round_trips_through_json()
    {
        var actor = Actor.Representing(PersonId.New(), PartnerId.New());

        Assert.Equal(actor, CoalitionsJson.Deserialize<Actor>(CoalitionsJson.Serialize(actor)));
    }
}
