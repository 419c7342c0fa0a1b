using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using static Coalitions.Core.Decisions.Stance;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>
/// The words of an explained outcome that earlier tests did not read (found by the mutation run of OutcomeExplanation.cs):
/// a consensus nobody supported, the chair's casting vote against, proxies counted by weight, three members blocking, and
/// a quorum by headcount that needs no "counted toward it".
/// </summary>
public class OutcomeExplanationWordsTests
{
    [Fact]
    public void A_consensus_nobody_supported_is_explained_as_no_consensus()
    {
        var rule = DecisionRule.Consensus().AllowingAbstention();

        var outcome = DecisionTally.Evaluate(rule, Members(3), [new Ballot(Partner(1), Abstain), new Ballot(Partner(2), Abstain)]);

        Assert.Equal(DecisionResult.Rejected, outcome.Result);
        Assert.Contains("No block stands. No member supported it, so there is no consensus.", outcome.Explain(rule, Members(3)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_tie_the_chair_breaks_against_is_explained_as_decided_by_the_casting_vote_against()
    {
        var rule = DecisionRule.SimpleMajority().WithCastingVote();

        var outcome = DecisionTally.Evaluate(rule, Members(2), [new Ballot(Partner(1), Support), new Ballot(Partner(2), Oppose)], castingVote: Oppose);

        Assert.Equal(DecisionResult.Rejected, outcome.Result);
        Assert.Contains("1 of 2 (50 %), a tie; the chair's casting vote against decided it.", outcome.Explain(rule, Members(2)), StringComparison.Ordinal);
    }

    [Fact]
    public void Proxy_ballots_are_counted_in_the_explanation_with_their_weight_and_without_a_quorum_clause_when_no_quorum_applies()
    {
        var rule = DecisionRule.MajorityVote(PassCondition.MoreThan(Fraction.Half, VoteBase.VotesCast, Measure.Weight)).WithProxies();
        var electorate = new Electorate([Voter(1, weight: 3), Voter(2, weight: 4), Voter(3, weight: 5), Voter(4, weight: 1)]);

        var outcome = DecisionTally.Evaluate(rule, electorate, [new Ballot(Partner(1), Support, ByProxy: true), new Ballot(Partner(2), Support, ByProxy: true), new Ballot(Partner(3), Oppose)]);

        Assert.Equal(new ProxyFigures(2, 7), outcome.Proxies);
        Assert.Contains("\n2 ballots were cast by proxy (weight 7).", outcome.Explain(rule, electorate), StringComparison.Ordinal);
    }

    [Fact]
    public void Three_members_blocking_are_named_in_a_list()
    {
        var rule = DecisionRule.Consensus();
        var electorate = Members(4);

        var outcome = DecisionTally.Evaluate(rule, electorate, [new Ballot(Partner(1), Block), new Ballot(Partner(2), Block), new Ballot(Partner(3), Block), new Ballot(Partner(4), Support)]);

        Assert.Equal(DecisionResult.Blocked, outcome.Result);
        Assert.Contains("\nBlocked by Member 1, Member 2 and Member 3.", outcome.Explain(rule, electorate), StringComparison.Ordinal);
    }

    [Fact]
    public void A_quorum_of_members_counting_every_ballot_says_only_whether_it_was_met()
    {
        var rule = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half));

        var explanation = DecisionTally.Evaluate(rule, Members(4), [new Ballot(Partner(1), Support), new Ballot(Partner(2), Abstain)]).Explain(rule, Members(4));

        Assert.Contains("(2) met.", explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("counted toward it", explanation, StringComparison.Ordinal);
    }
}
