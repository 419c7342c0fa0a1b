using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using CsCheck;
using NodaTime;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>The fluent rule builder: its modifiers commute, and the factories name the common quorums and thresholds.</summary>
public class RuleBuilderTests
{
    private static readonly Gen<DecisionRule> GenBase = Gen.Int[0, 7].Select(kind => kind switch
    {
        0 => DecisionRule.SimpleMajority(),
        1 => DecisionRule.TwoThirdsMajority(),
        2 => DecisionRule.QualifiedMajority(),
        3 => DecisionRule.Consensus(new StandAsideLimit(2, null)),
        4 => DecisionRule.Consent(),
        5 => DecisionRule.SilenceProcedure(Duration.FromDays(10)),
        6 => DecisionRule.ChamberVote(PassCondition.MoreThanHalf(), PassCondition.TwoThirds()),
        _ => DecisionRule.MajorityVote(PassCondition.MoreThanHalf(VoteBase.Electorate), PassCondition.AtLeast(Fraction.Percent(60), VoteBase.Electorate, Measure.Weight)),
    });

    private static readonly QuorumRule[] Quorums =
        [QuorumRule.MajorityOfMembers(), QuorumRule.AtLeast(Fraction.TwoThirds, Measure.Weight), QuorumRule.OfMembersPresent(Fraction.Half), QuorumRule.AtLeastMembers(3).WithoutAbstentions()];

    private static readonly StanceSet[] ReasonSets = [StanceSet.Oppose, StanceSet.Abstain | StanceSet.StandAside, StanceSet.Support];

    /// <summary>Every modifier of the builder with random arguments, named for the failure message.</summary>
    private static readonly Gen<(string Name, Func<DecisionRule, DecisionRule> Apply)>[] Modifiers =
    [
        Gen.Int[0, Quorums.Length - 1].Select(q => ($"WithQuorum({Quorums[q].Describe()})", (Func<DecisionRule, DecisionRule>)(r => r.WithQuorum(Quorums[q])))),
        Gen.Const(("WithVeto()", (Func<DecisionRule, DecisionRule>)(r => r.WithVeto()))),
        Gen.Const(("WithCastingVote()", (Func<DecisionRule, DecisionRule>)(r => r.WithCastingVote()))),
        Gen.Select(Gen.Bool, Gen.Int[1, 3]).Select((blocked, after) => ($"WithFallback(simple majority, {blocked}, {after})",
            (Func<DecisionRule, DecisionRule>)(r => r.WithFallback(DecisionRule.SimpleMajority(), blocked ? FallbackWhen.Blocked : FallbackWhen.NotAdopted, after)))),
        Gen.Int[1, 30].Select(days => ($"WithVotingPeriod({days} days)", (Func<DecisionRule, DecisionRule>)(r => r.WithVotingPeriod(Duration.FromDays(days))))),
        Gen.Select(Gen.Bool, Gen.Bool).Select((all, certain) => ($"ClosingEarly({all}, {certain})", (Func<DecisionRule, DecisionRule>)(r => r.ClosingEarly(all, certain)))),
        Gen.Int[1, 72].Select(hours => ($"WithLateQuorumExtension({hours} hours)", (Func<DecisionRule, DecisionRule>)(r => r.WithLateQuorumExtension(Duration.FromHours(hours))))),
        Gen.Const(("WithFinalBallots()", (Func<DecisionRule, DecisionRule>)(r => r.WithFinalBallots()))),
        Gen.Int[0, ReasonSets.Length - 1].Select(s => ($"RequiringReasonsFor({ReasonSets[s]})", (Func<DecisionRule, DecisionRule>)(r => r.RequiringReasonsFor(ReasonSets[s])))),
        Gen.Const(("AllowingAbstention()", (Func<DecisionRule, DecisionRule>)(r => r.AllowingAbstention()))),
        Gen.Select(Gen.Int[1, 9], Gen.Bool).Select((cap, counted) => ($"WithProxies({cap}, {counted})", (Func<DecisionRule, DecisionRule>)(r => r.WithProxies(cap, counted)))),
        Gen.Int[2, 6].Select(members => ($"WithBlockingMinority({members})", (Func<DecisionRule, DecisionRule>)(r => r.WithBlockingMinority(members)))),
    ];

    /// <summary>Every modifier, each with its random arguments.</summary>
    private static readonly Gen<(string Name, Func<DecisionRule, DecisionRule> Apply)[]> GenAllModifiers =
        Modifiers.Aggregate(
            Gen.Const(Array.Empty<(string Name, Func<DecisionRule, DecisionRule> Apply)>()),
            (all, next) => all.SelectMany(list => next.Select(modifier => list.Append(modifier).ToArray())));

    /// <summary>A base rule, a random selection of distinct modifiers, and the same selection in another order.</summary>
    private static readonly Gen<(DecisionRule Base, (string Name, Func<DecisionRule, DecisionRule> Apply)[] InOrder, (string Name, Func<DecisionRule, DecisionRule> Apply)[] Shuffled)> GenCase =
        GenBase.SelectMany(rule => GenAllModifiers.SelectMany(all => Gen.Bool.Array[all.Length].SelectMany(chosen =>
        {
            var picked = all.Where((_, i) => chosen[i]).ToArray();
            return picked.Length < 2
                ? Gen.Const((rule, picked, picked))
                : Gen.Shuffle(picked.ToArray()).Select(shuffled => (rule, picked, shuffled));
        })));

    [Fact]
    public void The_rule_builder_gives_the_same_rule_whatever_order_its_modifiers_are_called_in()
    {
        GenCase.Sample(
            c =>
            {
                var first = Build(c.Base, c.InOrder);
                var second = Build(c.Base, c.Shuffled);
                var same = first.Rule is { } a && second.Rule is { } b
                    ? a.Equals(b) && b.Equals(a) && a.GetHashCode() == b.GetHashCode() && a.Describe() == b.Describe()
                    : first.Rule is null && second.Rule is null && first.Refusal == second.Refusal;
                Assert.True(same, $"{c.Base.Describe()}\n  {string.Join(".", c.InOrder.Select(m => m.Name))}\n    gives {first}\n  {string.Join(".", c.Shuffled.Select(m => m.Name))}\n    gives {second}");
            },
            iter: 2000);
    }

    [Fact]
    public void The_property_sees_the_modifiers_it_permutes_build_rules_and_refuse_pairs_that_cannot_go_together()
    {
        // Guards the property above from passing vacuously: its modifiers do change the rule, and a pair that cannot go
        // together is refused in both orders with the same code.
        var plain = DecisionRule.SimpleMajority();
        Assert.NotEqual(plain, plain.WithVeto());
        Assert.NotEqual(plain.WithVeto(), plain.WithCastingVote());
        Assert.Equal(plain.WithVeto().WithCastingVote(), plain.WithCastingVote().WithVeto());
        Assert.Equal(ErrorCodes.Decisions.InvalidRule, Assert.Throws<CoalitionRuleException>(() => plain.WithProxies().ClosingEarly(true, true)).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidRule, Assert.Throws<CoalitionRuleException>(() => plain.ClosingEarly(true, true).WithProxies()).Code);
    }

    [Fact]
    public void Rules_with_equal_parts_are_equal_and_rules_differing_in_one_part_are_not()
    {
        var rule = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.MajorityOfMembers()).WithVotingPeriod(Duration.FromDays(5));
        var same = DecisionRule.MajorityVote(PassCondition.MoreThanHalf()).WithVotingPeriod(Duration.FromDays(5)).WithQuorum(QuorumRule.MoreThan(Fraction.Half));

        Assert.Equal(rule, same);
        Assert.Equal(rule.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(rule, same.WithVotingPeriod(Duration.FromDays(6)));
        Assert.NotEqual(rule, same.RequiringReasonsFor(StanceSet.Oppose));
        Assert.NotEqual(rule, rule.WithFallback(DecisionRule.TwoThirdsMajority()));
        Assert.False(rule.Equals(null));
    }

    [Fact]
    public void The_quorum_factories_read_as_the_quorum_they_build()
    {
        Assert.Equal(11, QuorumRule.MajorityOfMembers().RequiredOf(20));
        Assert.Equal(QuorumRule.MajorityOfMembers(), QuorumRule.MoreThan(Fraction.Half));
        Assert.Equal(10, QuorumRule.AtLeast(Fraction.Half).RequiredOf(20));
        Assert.Equal(QuorumRule.OfMembers(Fraction.Half), QuorumRule.AtLeast(Fraction.Half));
        Assert.Equal(QuorumRule.OfWeight(Fraction.TwoThirds), QuorumRule.AtLeast(Fraction.TwoThirds, Measure.Weight));
        Assert.Equal(QuorumRule.OfMembersPresent(Fraction.Half, ThresholdComparison.MoreThan), QuorumRule.MajorityOfMembersPresent());
        Assert.Equal(QuorumSource.Attendance, QuorumRule.MoreThan(Fraction.Half, Measure.Weight, QuorumSource.Attendance).Source);
        Assert.Equal("more than one half of weight present", QuorumRule.MoreThan(Fraction.Half, Measure.Weight, QuorumSource.Attendance).Describe());
        Assert.Equal(500, QuorumRule.AtLeastWeight(500).RequiredOf(10_000));
        Assert.Equal(Measure.Weight, QuorumRule.AtLeastWeight(500).Measure);

        var third = QuorumRule.OfMembers(new Fraction(1, 3)).AndAtLeast(5);
        Assert.Equal(5, third.RequiredOf(9));
        Assert.Equal(10, third.RequiredOf(30));
        Assert.Equal("one third of the members and at least 5", third.Describe());
        Assert.Equal(StanceSet.All & ~StanceSet.Abstain, QuorumRule.MajorityOfMembers().WithoutAbstentions().AndAtLeast(2).CountedStances);
    }

    [Fact]
    public void A_quorum_names_what_it_counts_and_what_it_leaves_out()
    {
        Assert.Equal("one half of the members", QuorumRule.OfMembers(Fraction.Half).Describe());
        Assert.Equal("one half of the weight", QuorumRule.OfWeight(Fraction.Half).Describe());
        Assert.Equal("one half of members present", QuorumRule.OfMembersPresent(Fraction.Half).Describe());
        Assert.Equal("at least 3", QuorumRule.AtLeastMembers(3).Describe());
        Assert.Equal("more than one half of the members, not counting abstentions", QuorumRule.MajorityOfMembers().WithoutAbstentions().Describe());
        Assert.Equal("one half of the weight, not counting opposing ballots or abstentions", QuorumRule.OfWeight(Fraction.Half).WithoutOpposition().WithoutAbstentions().Describe());
    }

    [Fact]
    public void The_quorum_factories_refuse_what_no_meeting_can_reach()
    {
        Assert.Equal(ErrorCodes.Decisions.InvalidQuorum, Assert.Throws<CoalitionRuleException>(() => QuorumRule.MoreThan(Fraction.One)).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidQuorum, Assert.Throws<CoalitionRuleException>(() => QuorumRule.AtLeast(Fraction.Zero)).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidQuorum, Assert.Throws<CoalitionRuleException>(() => QuorumRule.AtLeastWeight(0)).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidQuorum, Assert.Throws<CoalitionRuleException>(() => QuorumRule.MajorityOfMembers().AndAtLeast(0)).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, Assert.Throws<CoalitionRuleException>(() => QuorumRule.AtLeast(Fraction.Half, (Measure)9)).Code);
    }

    [Fact]
    public void The_threshold_factories_name_the_common_majorities()
    {
        Assert.Equal(PassCondition.MoreThan(Fraction.Half, VoteBase.VotesCast), PassCondition.MoreThanHalf());
        Assert.Equal(PassCondition.AtLeast(Fraction.TwoThirds, VoteBase.VotesCast), PassCondition.TwoThirds());
        Assert.Equal(PassCondition.AtLeast(Fraction.ThreeQuarters, VoteBase.Electorate, Measure.Weight), PassCondition.ThreeQuarters(VoteBase.Electorate, Measure.Weight));
        Assert.Equal(DecisionRule.SimpleMajority(), DecisionRule.MajorityVote(PassCondition.MoreThanHalf()));
        Assert.Equal(DecisionRule.TwoThirdsMajority(), DecisionRule.MajorityVote(PassCondition.TwoThirds()));
        Assert.False(PassCondition.MoreThanHalf().IsMetBy(5, 10));
        Assert.True(PassCondition.TwoThirds().IsMetBy(6, 9));
        Assert.False(PassCondition.ThreeQuarters().IsMetBy(2, 3));
    }

    [Theory]
    [InlineData(VoteBase.VotesCast, Measure.Headcount, "more than one half of votes cast")]
    [InlineData(VoteBase.VotesCast, Measure.Weight, "more than one half of weighted votes cast")]
    [InlineData(VoteBase.Ballots, Measure.Headcount, "more than one half of ballots")]
    [InlineData(VoteBase.Ballots, Measure.Weight, "more than one half of ballot weight")]
    [InlineData(VoteBase.Present, Measure.Headcount, "more than one half of members present")]
    [InlineData(VoteBase.Present, Measure.Weight, "more than one half of the weight of members present")]
    [InlineData(VoteBase.Electorate, Measure.Headcount, "more than one half of the electorate")]
    [InlineData(VoteBase.Electorate, Measure.Weight, "more than one half of the electorate's weight")]
    public void A_pass_condition_names_its_base_and_measure_in_words(VoteBase @base, Measure measure, string expected)
    {
        Assert.Equal(expected, PassCondition.MoreThanHalf(@base, measure).Describe());
        Assert.Equal(expected.Replace("more than", "at least", StringComparison.Ordinal), PassCondition.AtLeast(Fraction.Half, @base, measure).ToString());
    }

    private static (DecisionRule? Rule, string? Refusal) Build(DecisionRule rule, IEnumerable<(string Name, Func<DecisionRule, DecisionRule> Apply)> modifiers)
    {
        try
        {
            return (modifiers.Aggregate(rule, (r, m) => m.Apply(r)), null);
        }
        catch (CoalitionRuleException refused)
        {
            return (null, refused.Code.Code);
        }
    }
}
