using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using NodaTime;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>
/// A rule book is read by organizers: an invalid rule is refused in words that name what is wrong and the bound it
/// breaks, a rule describes every part it has, and two rules are equal only when every part is.
/// </summary>
public class RuleWordingTests
{
    private static readonly PassCondition HalfOfTheElectorate = PassCondition.AtLeast(Fraction.Half, VoteBase.Electorate);
    private static readonly PassCondition HalfOfTheWeight = PassCondition.AtLeast(Fraction.Half, VoteBase.Electorate, Measure.Weight);

    public static TheoryData<string, Func<object>, string> InvalidRules => new()
    {
        { "too many conditions", () => DecisionRule.MajorityVote(Enumerable.Repeat(HalfOfTheElectorate, 11).ToArray()), "A rule lists its pass conditions (at most 10), none of them missing." },
        { "a majority vote without conditions", () => DecisionRule.MajorityVote(), "A majority vote needs at least one pass condition." },
        { "a chamber condition in a majority vote", () => new DecisionRule(DecisionMethod.MajorityVote, null, [HalfOfTheElectorate], HalfOfTheElectorate, null, false, false, false, null, new VotingTiming(Duration.FromDays(7)), false, StanceSet.None), "A condition in each chamber belongs to a chamber vote, not a majority vote." },
        { "a chamber vote without conditions", () => DecisionRule.ChamberVote(null), "A chamber vote needs a condition in each chamber, an overall condition, or both." },
        { "a consensus with a threshold", () => new DecisionRule(DecisionMethod.Consensus, null, [HalfOfTheElectorate], null, null, false, false, false, null, new VotingTiming(Duration.FromDays(7)), false, StanceSet.None), "A consensus decision has no pass conditions; use a majority vote or a fallback for thresholds." },
        { "stand-asides outside a consensus", () => new DecisionRule(DecisionMethod.Consent, null, [], null, new StandAsideLimit(1, null), false, false, false, null, new VotingTiming(Duration.FromDays(7)), false, StanceSet.None), "Stand-aside limits and abstentions are options of a consensus only." },
        { "a quorum on a silence procedure", () => DecisionRule.SilenceProcedure(Duration.FromDays(3)).WithQuorum(QuorumRule.AtLeastMembers(2)), "The silence procedure has no ballots, so no quorum, veto, final ballots or proxies." },
        { "early closing of a silence procedure", () => DecisionRule.SilenceProcedure(Duration.FromDays(3)).ClosingEarly(true, false), "The silence procedure ends only at its deadline (or when an objection breaks it)." },
        { "closing when certain with proxies", () => DecisionRule.SimpleMajority().WithProxies().ClosingEarly(false, true), "Closing once the outcome is certain needs every ballot final, but a member's own ballot may still replace its proxy's." },
        { "closing when certain without final ballots", () => new DecisionRule(DecisionMethod.MajorityVote, null, [HalfOfTheElectorate], null, null, false, false, false, null, new VotingTiming(Duration.FromDays(7), true, true), false, StanceSet.None), "Closing once the outcome is certain needs final ballots: otherwise a voter could still change the outcome." },
        { "fallbacks nested too deep", () => Enumerable.Range(0, 5).Aggregate(DecisionRule.SimpleMajority(), (rule, _) => DecisionRule.Consensus().WithFallback(rule)), "Fallbacks may be nested at most 3 deep." },
        { "a blocking minority outside a double majority", () => DecisionRule.SimpleMajority().WithBlockingMinority(4), "A blocking-minority clause belongs to a double majority of the electorate" },
        { "a blocking minority of one", () => DecisionRule.MajorityVote(HalfOfTheElectorate, HalfOfTheWeight).WithBlockingMinority(1), "A blocking minority includes from 2 to 5,000,000 members; got 1." },
        { "a proxy cap of zero", () => new ProxyRule(0), "A proxy holder carries from 1 to 5,000,000 proxies; got 0." },
        { "an empty quorum", () => new QuorumRule(QuorumSource.Ballots, Measure.Headcount, null, null), "A quorum needs a share of the electorate, a minimum, or both." },
        { "more than all members", () => QuorumRule.OfMembers(Fraction.One, ThresholdComparison.MoreThan), "'More than' qualifies a quorum's share, and more than all the members can never be present; got more than all." },
        { "a quorum minimum of zero", () => QuorumRule.AtLeastMembers(0), "A quorum minimum must be from 1 to" },
        { "a quorum minimum of zero, named", () => QuorumRule.AtLeastMembers(0), "; got 0." },
        { "a quorum without support", () => new QuorumRule(QuorumSource.Ballots, Measure.Headcount, Fraction.Half, null, StanceSet.Oppose), "Support always counts toward a quorum." },
        { "a negative stand-aside count", () => new StandAsideLimit(-1, null), "A stand-aside limit needs a count from 0 to 5,000,000, a share of at most one, or both." },
        { "a late quorum of no time", () => DecisionRule.SimpleMajority().WithLateQuorumExtension(Duration.Zero), "; got 7 days and no time." },
    };

    [Theory]
    [MemberData(nameof(InvalidRules))]
    public void An_invalid_rule_is_refused_in_words_that_name_what_is_wrong(string rule, Func<object> build, string words)
    {
        var error = Assert.Throws<CoalitionRuleException>(build);

        Assert.True(error.Message.Contains(words, StringComparison.Ordinal), $"{rule}: {error.Message}");
    }

    [Fact]
    public void Closing_once_everyone_has_voted_does_not_make_ballots_final()
    {
        Assert.False(DecisionRule.SimpleMajority().ClosingEarly(whenAllVoted: true, whenCertain: false).BallotsFinal);
        Assert.True(DecisionRule.SimpleMajority().ClosingEarly(whenAllVoted: true, whenCertain: true).BallotsFinal);
    }

    [Fact]
    public void A_blocking_minority_needs_every_condition_on_the_electorate()
    {
        var mixed = DecisionRule.MajorityVote(HalfOfTheElectorate, PassCondition.AtLeast(Fraction.Half, VoteBase.VotesCast, Measure.Weight));

        Assert.Equal(ErrorCodes.Decisions.InvalidRule, Assert.Throws<CoalitionRuleException>(() => mixed.WithBlockingMinority(4)).Code);
    }

    [Fact]
    public void A_blocking_minority_needs_a_condition_by_weight()
    {
        var headcounts = DecisionRule.MajorityVote(HalfOfTheElectorate, PassCondition.AtLeast(Fraction.TwoThirds, VoteBase.Electorate));

        Assert.Equal(ErrorCodes.Decisions.InvalidRule, Assert.Throws<CoalitionRuleException>(() => headcounts.WithBlockingMinority(4)).Code);
        Assert.Equal(4, DecisionRule.MajorityVote(HalfOfTheElectorate, HalfOfTheWeight).WithBlockingMinority(4).BlockingMinority);
    }

    [Fact]
    public void A_fallback_is_described_with_when_it_takes_over_and_after_how_many_rounds()
    {
        Assert.EndsWith(
            "if blocked after 2 rounds, falls back to majority vote: more than one half of votes cast",
            DecisionRule.Consensus().WithFallback(DecisionRule.SimpleMajority(), FallbackWhen.Blocked, afterRounds: 2).Describe(),
            StringComparison.Ordinal);
        Assert.EndsWith(
            "if not adopted, falls back to majority vote: more than one half of votes cast",
            DecisionRule.Consensus().WithFallback(DecisionRule.SimpleMajority()).Describe(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Proxies_that_do_not_count_toward_quorum_are_described_so()
    {
        Assert.Equal("proxies: at most 3 per holder, not counted toward quorum", new ProxyRule(3, countTowardQuorum: false).Describe());
        Assert.Equal("proxies: at most 3 per holder, counted toward quorum", new ProxyRule(3).Describe());
    }

    [Fact]
    public void A_ballot_quorum_names_the_stances_it_does_not_count()
    {
        var quorum = new QuorumRule(QuorumSource.Ballots, Measure.Headcount, Fraction.Half, null, StanceSet.Support | StanceSet.StandAside);

        Assert.EndsWith(", not counting opposing ballots or abstentions or blocks or objections", quorum.Describe(), StringComparison.Ordinal);
        Assert.EndsWith(
            ", not counting stand-asides",
            new QuorumRule(QuorumSource.Ballots, Measure.Headcount, Fraction.Half, null, StanceSet.All & ~StanceSet.StandAside).Describe(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_stand_aside_limit_by_share_alone_is_described_as_a_share_of_ballots()
    {
        Assert.Equal("at most one quarter of ballots", new StandAsideLimit(null, new Fraction(1, 4)).Describe());
    }

    public static TheoryData<string, DecisionRule> RulesDifferingInOnePart => new()
    {
        { "quorum", Base().WithQuorum(QuorumRule.AtLeastMembers(3)) },
        { "conditions", DecisionRule.MajorityVote(PassCondition.AtLeast(Fraction.TwoThirds, VoteBase.VotesCast)).WithVotingPeriod(Base().Timing.VotingPeriod) },
        { "chamber condition", DecisionRule.ChamberVote(PassCondition.MoreThan(Fraction.Half, VoteBase.VotesCast), PassCondition.MoreThan(Fraction.Half, VoteBase.VotesCast)) },
        { "stand-asides", DecisionRule.Consensus(new StandAsideLimit(2, null)) },
        { "abstention", DecisionRule.Consensus().AllowingAbstention() },
    };

    [Theory]
    [MemberData(nameof(RulesDifferingInOnePart))]
    public void Rules_that_differ_in_one_part_are_not_equal(string part, DecisionRule other)
    {
        var counterpart = part switch
        {
            "chamber condition" => DecisionRule.ChamberVote(PassCondition.AtLeast(Fraction.TwoThirds, VoteBase.VotesCast), PassCondition.MoreThan(Fraction.Half, VoteBase.VotesCast)),
            "stand-asides" or "abstention" => DecisionRule.Consensus(),
            _ => Base(),
        };

        Assert.NotEqual(counterpart, other);
        Assert.False(counterpart.Equals(other), part);
    }

    private static DecisionRule Base() => DecisionRule.SimpleMajority();
}
