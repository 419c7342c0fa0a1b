using Coalitions.Core.Kernel;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Kernel;

/// <summary>Who acts: a person, for a partner or alone, or the host's own process.</summary>
public class ActorTests
{
    [Fact]
    public void An_actor_is_a_given_person_for_a_given_partner_only_when_both_match()
    {
        var actor = For(1);

        Assert.True(actor.Is(Person(1), Partner(1)));
        Assert.False(actor.Is(Person(2), Partner(1)));
        Assert.False(actor.Is(Person(1), Partner(2)));
        Assert.False(Actor.ForPerson(Person(1)).Is(Person(1), Partner(1)));
        Assert.False(Actor.System("scheduler").Is(Person(1), Partner(1)));
    }

    [Fact]
    public void An_actor_describes_itself_for_logs()
    {
        Assert.Equal($"person {Person(1)}", Actor.ForPerson(Person(1)).ToString());
        Assert.Equal($"person {Person(1)} for partner {Partner(1)}", For(1).ToString());
        Assert.Equal("system (scheduler)", Actor.System("scheduler").ToString());
    }

    [Theory]
    [InlineData(" ", "it is blank.")]
    [InlineData("two\nlines", "it holds a line break or control character.")]
    public void A_system_actor_without_a_one_line_process_name_is_refused_saying_why(string process, string why)
    {
        var error = Assert.Throws<CoalitionRuleException>(() => Actor.System(process));

        Assert.Equal(ErrorCodes.Kernel.ActorRequired, error.Code);
        Assert.Equal("A system actor needs a process name: " + why, error.Message);
    }
}
