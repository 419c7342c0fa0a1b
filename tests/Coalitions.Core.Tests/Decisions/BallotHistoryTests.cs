using Coalitions.Core.Decisions;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>The record a proposal keeps of every ballot cast on it, changed and replaced ones included.</summary>
public class BallotHistoryTests
{
    [Fact]
    public void The_ballot_history_lists_every_ballot_in_the_order_cast_with_its_reason()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));
        proposal.Vote(1, Stance.Support, 1);
        proposal.Vote(2, Stance.Oppose, 2, reason: "Not before the budget review.");
        proposal.Vote(1, Stance.Abstain, 3, reason: "Conflicted after all.");
        proposal.Vote(3, Stance.Support, 4);

        var history = proposal.BallotHistory;

        Assert.Equal(4, history.Count);
        Assert.Equal(
            [(Partner(1), Stance.Support, (string?)null), (Partner(2), Stance.Oppose, "Not before the budget review."), (Partner(1), Stance.Abstain, "Conflicted after all."), (Partner(3), Stance.Support, null)],
            Enumerable.Range(0, history.Count).Select(i => (history[i].Voter, history[i].Stance, history[i].Reason)));
        Assert.Equal(history, Enumerable.Range(0, history.Count).Select(i => history[i]));
        Assert.Equal("Conflicted after all.", Assert.Single(proposal.Ballots, b => b.Voter == Partner(1)).Reason);
    }

    [Fact]
    public void The_ballot_history_has_no_ballot_before_the_first_or_after_the_last()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));
        proposal.Vote(1, Stance.Support, 1);
        proposal.Vote(2, Stance.Oppose, 2);

        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => proposal.BallotHistory[2]).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => proposal.BallotHistory[-1]).ParamName);
        Assert.Equal(Partner(2), proposal.BallotHistory[1].Voter);
    }
}
