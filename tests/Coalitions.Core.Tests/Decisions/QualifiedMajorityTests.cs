using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;
using static Coalitions.Core.Decisions.Stance;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>
/// The EU Council's qualified majority as published: TEU art. 16(4) (55 % of the members representing 65 % of the
/// population; "a blocking minority must include at least four Council members, failing which the qualified majority shall
/// be deemed attained"), TFEU art. 238(2) (the reinforced qualified majority: 72 % of the members, 65 % of the population),
/// and the Council's explanation (consilium.europa.eu, "Qualified majority": a blocking minority is at least four members
/// representing more than 35 % of the population; 15 of 27 members, or 20 of 27 for the reinforced majority).
/// </summary>
public class QualifiedMajorityTests
{
    // The 27 member states, largest first, weighted by their share of the EU population for 2025 in hundredths of a percent
    // (the Council's figures of 11 December 2024, as Agence Europe reported them; the rounded shares add up to 100.01 %).
    private static readonly (string Name, long Share)[] MemberStates =
    [
        ("Germany", 1849), ("France", 1517), ("Italy", 1323), ("Spain", 1078), ("Poland", 833), ("Romania", 423), ("Netherlands", 401),
        ("Belgium", 262), ("Czechia", 242), ("Portugal", 236), ("Sweden", 234), ("Greece", 231), ("Hungary", 213), ("Austria", 202),
        ("Bulgaria", 143), ("Denmark", 132), ("Finland", 125), ("Slovakia", 121), ("Ireland", 119), ("Croatia", 86), ("Lithuania", 64),
        ("Slovenia", 47), ("Latvia", 42), ("Estonia", 30), ("Cyprus", 21), ("Luxembourg", 15), ("Malta", 12),
    ];

    private static readonly DecisionRule CouncilRule = DecisionRule.QualifiedMajority().WithBlockingMinority(4);

    private static Electorate Council() =>
        new(MemberStates.Select((state, i) => new Voter(Partner(i + 1), [Person(i + 1)], state.Share, name: state.Name)).ToArray());

    /// <summary>Ballots of the 27 in the order above: those named oppose, everyone else supports.</summary>
    private static Ballot[] Opposing(params string[] names) =>
        MemberStates.Select((state, i) => new Ballot(Partner(i + 1), names.Contains(state.Name) ? Oppose : Support)).ToArray();

    [Fact]
    public void Three_member_states_cannot_block_even_with_47_percent_of_the_population_so_the_qualified_majority_is_deemed_attained()
    {
        var council = Council();

        var outcome = DecisionTally.Evaluate(CouncilRule, council, Opposing("Germany", "France", "Italy"));

        Assert.Equal(DecisionResult.Adopted, outcome.Result);
        var population = outcome.Conditions[1];
        Assert.Equal((5312L, 10001L, true, true), (population.Part!.Value, population.Whole!.Value, population.Met, population.DeemedMet));
        Assert.Equal(
            "Adopted. 27 of 27 members took part; no quorum was required.\n" +
            "Support 24, oppose 3, abstain 0. By weight: support 5,312, oppose 4,689, abstain 0.\n" +
            "At least 55 % of the electorate needed: 24 of 27 (89 %).\n" +
            "At least 65 % of the electorate's weight needed: 5,312 of 10,001 (53 %), not reached. But only 3 members did not support it, fewer than the 4 a blocking minority needs, so it is deemed met.",
            outcome.Explain(CouncilRule, council));
    }

    [Fact]
    public void A_condition_deemed_met_is_stored_as_such()
    {
        var outcome = DecisionTally.Evaluate(CouncilRule, Council(), Opposing("Germany", "France", "Italy"));

        var json = CoalitionsJson.Serialize(outcome);
        var back = CoalitionsJson.Deserialize<DecisionOutcome>(json)!;

        Assert.Contains("\"deemedMet\":true", json, StringComparison.Ordinal);
        Assert.True(back.Conditions[1].DeemedMet);
        Assert.Equal(json, CoalitionsJson.Serialize(back));
    }

    [Fact]
    public void Four_member_states_with_more_than_35_percent_of_the_population_form_a_blocking_minority()
    {
        var outcome = DecisionTally.Evaluate(CouncilRule, Council(), Opposing("Germany", "France", "Italy", "Spain"));

        Assert.Equal(DecisionResult.Rejected, outcome.Result);
        Assert.False(outcome.Conditions[1].DeemedMet);
        Assert.EndsWith("not reached. The 4 members who did not support it form a blocking minority (at least 4 needed).", outcome.Explain(CouncilRule), StringComparison.Ordinal);
    }

    [Fact]
    public void Abstaining_counts_against_so_an_abstention_joins_a_blocking_minority()
    {
        var ballots = Opposing("Germany", "France", "Italy");
        ballots[3] = ballots[3] with { Stance = Abstain };

        Assert.Equal(DecisionResult.Rejected, DecisionTally.Evaluate(CouncilRule, Council(), ballots).Result);
    }

    [Fact]
    public void Without_the_clause_three_populous_member_states_block_on_population_alone()
    {
        Assert.Equal(DecisionResult.Rejected, DecisionTally.Evaluate(DecisionRule.QualifiedMajority(), Council(), Opposing("Germany", "France", "Italy")).Result);
    }

    [Fact]
    public void The_clause_never_lets_a_proposal_pass_without_its_share_of_members()
    {
        // Three members of five do not support: fewer than four, but 2 of 5 is short of 55 % of the members.
        var electorate = new Electorate([Voter(1, 10), Voter(2, 10), Voter(3, 10), Voter(4, 10), Voter(5, 60)]);

        var outcome = DecisionTally.Evaluate(CouncilRule, electorate, Ballots(Support, Support, Oppose, Oppose, Oppose));

        Assert.Equal(DecisionResult.Rejected, outcome.Result);
        Assert.Equal([false, true], outcome.Conditions.Select(c => c.Met));
        Assert.True(outcome.Conditions[1].DeemedMet);
    }

    [Fact]
    public void A_reinforced_qualified_majority_needs_72_percent_of_the_members_which_is_20_of_27()
    {
        var ballots = Opposing("Croatia", "Lithuania", "Slovenia", "Latvia", "Estonia", "Cyprus", "Luxembourg", "Malta");
        var rule = DecisionRule.ReinforcedQualifiedMajority();

        var nineteen = DecisionTally.Evaluate(rule, Council(), ballots);
        var standard = DecisionTally.Evaluate(DecisionRule.QualifiedMajority(), Council(), ballots);
        ballots[^1] = ballots[^1] with { Stance = Support };
        var twenty = DecisionTally.Evaluate(rule, Council(), ballots);

        Assert.Equal((DecisionResult.Rejected, DecisionResult.Adopted, DecisionResult.Adopted), (nineteen.Result, standard.Result, twenty.Result));
        Assert.Equal("majority vote: at least 72 % of the electorate; at least 65 % of the electorate's weight", rule.Describe());
    }

    [Fact]
    public void The_rule_names_its_blocking_minority()
    {
        Assert.Equal("majority vote: at least 55 % of the electorate; at least 65 % of the electorate's weight; a blocking minority needs at least 4 members", CouncilRule.Describe());
        Assert.Equal(4, CouncilRule.BlockingMinority);
    }

    [Fact]
    public void A_blocking_minority_clause_belongs_to_a_double_majority_of_the_electorate()
    {
        Assert.Equal(ErrorCodes.Decisions.InvalidRule, Assert.Throws<CoalitionRuleException>(() => DecisionRule.SimpleMajority().WithBlockingMinority(4)).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidRule, Assert.Throws<CoalitionRuleException>(() => DecisionRule.MajorityVote(PassCondition.AtLeast(Fraction.Percent(65), VoteBase.Electorate, Measure.Weight)).WithBlockingMinority(4)).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidRule, Assert.Throws<CoalitionRuleException>(() => DecisionRule.MajorityVote(PassCondition.AtLeast(Fraction.Percent(55), VoteBase.VotesCast), PassCondition.AtLeast(Fraction.Percent(65), VoteBase.VotesCast, Measure.Weight)).WithBlockingMinority(4)).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidRule, Assert.Throws<CoalitionRuleException>(() => DecisionRule.Consensus().WithBlockingMinority(4)).Code);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-4)]
    [InlineData(5_000_001)]
    public void A_blocking_minority_includes_from_two_members_to_the_largest_electorate(int members)
    {
        Assert.Equal(ErrorCodes.Decisions.InvalidRule, Assert.Throws<CoalitionRuleException>(() => DecisionRule.QualifiedMajority().WithBlockingMinority(members)).Code);
    }
}
