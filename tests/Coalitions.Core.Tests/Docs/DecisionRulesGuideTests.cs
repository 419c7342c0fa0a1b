using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using static Coalitions.Core.Decisions.Stance;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Docs;

/// <summary>docs/decision-rules.md shows the code of <see cref="DecisionRulesGuide"/>, which compiles with these tests and runs here.</summary>
public sealed partial class DecisionRulesGuideTests
{
    [Fact]
    public void The_code_in_the_decision_rules_guide_is_the_code_these_tests_compile()
    {
        GuidePage.AssertShows("docs/decision-rules.md", "tests/Coalitions.Core.Tests/Docs/DecisionRulesGuide.cs");
    }

    [Fact]
    public void The_rule_built_in_the_guide_is_a_consensus_falling_back_to_three_quarters_after_one_blocked_round()
    {
        var rule = DecisionRulesGuide.BuildingARule();

        Assert.Equal((DecisionMethod.Consensus, FallbackWhen.Blocked, 1), (rule.Method, rule.Fallback!.When, rule.Fallback.AfterRounds));
    }

    [Fact]
    public void The_guides_council_rule_lets_three_members_not_block_and_its_reinforced_rule_needs_72_percent_of_members()
    {
        var (council, reinforced) = DecisionRulesGuide.QualifiedMajorities();

        // Ten members; the three largest hold 70 % of the weight and oppose: three cannot block under the clause.
        var electorate = new Electorate([.. Enumerable.Range(1, 10).Select(n => Voter(n, weight: n <= 3 ? 70 : 10))]);
        Ballot[] ballots = [.. Enumerable.Range(1, 10).Select(n => new Ballot(Partner(n), n <= 3 ? Oppose : Support))];

        Assert.Equal(DecisionResult.Adopted, DecisionTally.Evaluate(council, electorate, ballots).Result);
        Assert.Equal(DecisionResult.Rejected, DecisionTally.Evaluate(reinforced, electorate, ballots).Result);
    }

    [Fact]
    public void The_guides_quorum_factories_need_eleven_ten_and_at_least_five_of_twenty_members_as_their_comments_say()
    {
        var quorums = DecisionRulesGuide.QuorumFactories();

        Assert.Equal([11, 10, 14, 11, 13, 7, 7], quorums.Select(q => q.RequiredOf(20)));
        Assert.Equal(5, quorums[5].RequiredOf(9));
        Assert.Equal([QuorumSource.Ballots, QuorumSource.Ballots, QuorumSource.Ballots, QuorumSource.Attendance, QuorumSource.Ballots, QuorumSource.Ballots, QuorumSource.Ballots], quorums.Select(q => q.Source));
    }

    [Fact]
    public void The_guides_threshold_factories_read_as_the_conditions_they_build()
    {
        Assert.Equal(
            ["more than one half of votes cast", "at least two thirds of votes cast", "at least three quarters of ballots", "more than one half of the electorate's weight"],
            DecisionRulesGuide.ThresholdFactories().Select(c => c.Describe()));
    }

    [Fact]
    public void The_guides_majority_of_members_is_eleven_of_twenty_and_at_least_half_is_ten()
    {
        var (moreThanHalf, sameQuorum, atLeastHalf) = DecisionRulesGuide.Quorums();
        var twenty = Members(20);
        var tenBallots = Ballots([.. Enumerable.Repeat(Support, 10)]);

        Assert.Equal(moreThanHalf, sameQuorum);
        Assert.Equal(DecisionResult.NoQuorum, DecisionTally.Evaluate(DecisionRule.SimpleMajority().WithQuorum(moreThanHalf), twenty, tenBallots).Result);
        Assert.Equal(DecisionResult.Adopted, DecisionTally.Evaluate(DecisionRule.SimpleMajority().WithQuorum(atLeastHalf), twenty, tenBallots).Result);
    }

    [Fact]
    public void The_guides_exact_shares_show_a_two_thirds_boundary_that_a_rounded_percent_could_not()
    {
        var rule = DecisionRule.MajorityVote(PassCondition.AtLeast(Fraction.TwoThirds, VoteBase.VotesCast));

        var lines = DecisionRulesGuide.ExactShares(rule, Members(9), Ballots(Support, Support, Support, Support, Support, Support, Oppose, Oppose, Oppose));

        Assert.Equal(["overall: 2/3 (67 %), met"], lines);
    }

    [Fact]
    public void The_guides_proxy_is_cast_by_its_holder_and_replaced_by_the_members_own_ballot()
    {
        var proposal = Discussed(DecisionRulesGuide.ProxyRule());
        proposal.OpenVoting(Members(5), ChairActor, Start);

        DecisionRulesGuide.GiveAndCastByProxy(proposal, Partner(2), For(2), Person(3), Partner(3), Hours(1));

        var cast = proposal.DequeueUncommittedEvents().OfType<BallotCast>().ToArray();
        Assert.Equal([(Person(3), (PartnerId?)Partner(3)), (Person(2), null)], cast.Select(b => (b.By.Person!.Value, b.HolderMember)));
        Assert.Equal((Oppose, false), proposal.Ballots.Single() is var ballot ? (ballot.Stance, ballot.ByProxy) : default);
        Assert.Empty(proposal.Proxies);
    }

    [Fact]
    public void The_guides_standing_proxy_is_frozen_when_voting_opens()
    {
        var proposal = Discussed(DecisionRulesGuide.ProxyRule());

        DecisionRulesGuide.OpenWithStandingProxy(proposal, Members(5), Partner(4), Person(4), Person(3), Partner(3), ChairActor, Start);

        Assert.Equal(new Proxy(Partner(4), Person(3), Partner(3), Person(4), ProxyScope.Standing), Assert.Single(proposal.Proxies));
    }
}
