using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using Coalitions.Core.Tests.Kit;
using static Coalitions.Core.Tests.Kit.PollScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Polls;

// The former names of poll commands are kept for one version; they must behave exactly as the new ones.
#pragma warning disable CS0618 // the point of these tests is to call the obsolete members
public class PollFormerNamesTests
{
    [Fact]
    public void Cast_is_the_former_name_of_CastBallot_and_records_the_same_ballot()
    {
        var former = Opened(new PollRule(PollMethod.Plurality), voters: 3);
        var current = Opened(new PollRule(PollMethod.Plurality), voters: 3);

        Assert.True(former.CanCast(PollBallot.Ranked(Partner(1), "a"), For(1), Hours(1)).IsAllowed);
        former.Cast(PollBallot.Ranked(Partner(1), "a"), For(1), Hours(1));
        current.CastBallot(PollBallot.Ranked(Partner(1), "a"), For(1), Hours(1));

        Assert.Equal(ObservableState.Of(current), ObservableState.Of(former));
        Refusal.Expect(former, ErrorCodes.Polls.NotARepresentative, () => former.Cast(PollBallot.Ranked(Partner(2), "a"), For(1), Hours(1)));
    }

    [Fact]
    public void Close_with_the_seed_first_is_the_former_order_of_Close_by_at_seed()
    {
        var former = Opened(new PollRule(PollMethod.Plurality), voters: 3);
        var current = Opened(new PollRule(PollMethod.Plurality), voters: 3);
        foreach (var poll in new[] { former, current })
        {
            poll.CastBy(1, PollBallot.Ranked(Partner(1), "a"));
            poll.CastBy(2, PollBallot.Ranked(Partner(2), "b"));
        }

        var before = former.Close(7, Actor.System("scheduler"), Hours(48));
        var after = current.Close(Actor.System("scheduler"), Hours(48), seed: 7);

        Assert.Equal(after.Winners, before.Winners);
        Assert.Equal(ObservableState.Of(current), ObservableState.Of(former));
    }
}
