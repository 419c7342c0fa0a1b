using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using NodaTime;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>Rules are bounded and hold only defined values, whether built in code or read from a store.</summary>
public class DecisionRuleBoundsTests
{
    [Fact]
    public void A_voting_period_is_at_most_three_years()
    {
        Assert.Equal(ErrorCodes.Decisions.InvalidTiming, Assert.Throws<CoalitionRuleException>(() => DecisionRule.SimpleMajority().WithVotingPeriod(Duration.FromDays(1_000_000))).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidTiming, Assert.Throws<CoalitionRuleException>(() => DecisionRule.SilenceProcedure(Duration.MaxValue)).Code);
        Assert.Equal(Limits.MaxVotingPeriod, DecisionRule.SimpleMajority().WithVotingPeriod(Limits.MaxVotingPeriod).Timing.VotingPeriod);
    }

    [Fact]
    public void A_late_quorum_extension_is_at_most_three_years()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => DecisionRule.SimpleMajority().WithLateQuorumExtension(Limits.MaxVotingPeriod + Duration.Epsilon));

        Assert.Equal(ErrorCodes.Decisions.InvalidTiming, error.Code);
        Assert.Contains("at most 1,098 days", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_holds_only_defined_values()
    {
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, Assert.Throws<CoalitionRuleException>(() => new PassCondition(Fraction.Half, (ThresholdComparison)9, VoteBase.VotesCast)).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, Assert.Throws<CoalitionRuleException>(() => new PassCondition(Fraction.Half, ThresholdComparison.MoreThan, (VoteBase)0)).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, Assert.Throws<CoalitionRuleException>(() => new QuorumRule((QuorumSource)0, Measure.Headcount, Fraction.Half, null)).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, Assert.Throws<CoalitionRuleException>(() => new QuorumRule(QuorumSource.Ballots, Measure.Headcount, Fraction.Half, null, (StanceSet)255)).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, Assert.Throws<CoalitionRuleException>(() => DecisionRule.SimpleMajority().RequiringReasonsFor((StanceSet)128)).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, Assert.Throws<CoalitionRuleException>(() => DecisionRule.Consensus().WithFallback(DecisionRule.SimpleMajority(), (FallbackWhen)7)).Code);
    }

    [Fact]
    public void A_missing_part_of_a_rule_is_refused_with_a_code()
    {
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, Assert.Throws<CoalitionRuleException>(() => DecisionRule.Consensus().WithFallback(null!)).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, Assert.Throws<CoalitionRuleException>(() => DecisionRule.SimpleMajority().WithQuorum(null!)).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidRule, Assert.Throws<CoalitionRuleException>(() => DecisionRule.MajorityVote(null!)).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidRule, Assert.Throws<CoalitionRuleException>(() => DecisionRule.MajorityVote(PassCondition.MoreThan(Fraction.Half, VoteBase.VotesCast), null!)).Code);
    }

    [Fact]
    public void A_quorum_minimum_and_a_stand_aside_count_are_bounded()
    {
        Assert.Equal(ErrorCodes.Decisions.InvalidQuorum, Assert.Throws<CoalitionRuleException>(() => QuorumRule.AtLeastMembers(Limits.MaxTotalWeight + 1)).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidRule, Assert.Throws<CoalitionRuleException>(() => new StandAsideLimit(long.MaxValue, null)).Code);
    }

    [Fact]
    public void A_refused_rule_names_its_method_in_words()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => DecisionRule.Consent().WithCastingVote());

        Assert.Equal("A casting vote breaks ties between support and opposition; a consent decision has no ties.", error.Message);
    }
}
