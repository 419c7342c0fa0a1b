using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using static Coalitions.Core.Decisions.Stance;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>An electorate is checked when built, and a lookup finds only the voters it holds.</summary>
public class ElectorateTests
{
    [Fact]
    public void A_default_partner_id_never_matches_a_voter()
    {
        // The voter table once marked a free slot with the empty GUID, so the empty id "found" the slot's default: voter 0.
        foreach (var electorate in new[] { Members(1), Members(3), Members(1_000) })
        {
            Assert.False(electorate.Contains(default));
            Assert.False(electorate.TryGetVoter(default, out _));
        }
    }

    [Fact]
    public void A_ballot_for_the_empty_id_is_never_counted()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => DecisionTally.Evaluate(DecisionRule.SimpleMajority(), Members(3), [new Ballot(default, Support)]));

        Assert.Equal(ErrorCodes.Decisions.NotInElectorate, error.Code);
    }

    [Fact]
    public void The_empty_id_recorded_present_counts_toward_no_quorum()
    {
        var rule = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembersPresent(Fraction.Half));

        var outcome = DecisionTally.Evaluate(rule, Members(2), Ballots(Support), present: [Partner(1), default]);

        Assert.Equal(1, outcome.Quorum!.Counted);
    }

    [Fact]
    public void A_voter_has_a_real_id_and_real_representatives()
    {
        Assert.Equal(ErrorCodes.Kernel.EmptyId, Assert.Throws<CoalitionRuleException>(() => new Voter(default, [Person(1)])).Code);
        Assert.Equal(ErrorCodes.Kernel.EmptyId, Assert.Throws<CoalitionRuleException>(() => new Voter(Partner(1), [Person(1), default])).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidElectorate, Assert.Throws<CoalitionRuleException>(() => new Voter(Partner(1), null!)).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidElectorate, Assert.Throws<CoalitionRuleException>(() => new Voter(Partner(1), [])).Code);
    }

    [Fact]
    public void A_voter_lists_each_representative_once_and_at_most_a_hundred()
    {
        Assert.Equal(ErrorCodes.Decisions.InvalidElectorate, Assert.Throws<CoalitionRuleException>(() => new Voter(Partner(1), [Person(1), Person(1)])).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidElectorate, Assert.Throws<CoalitionRuleException>(() => new Voter(Partner(1), Enumerable.Range(1, Core.Decisions.Voter.MaxRepresentatives + 1).Select(Person).ToArray())).Code);
    }

    [Fact]
    public void A_partner_appears_once_in_an_electorate_and_the_refusal_names_it()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => new Electorate([Voter(1), Voter(2), Voter(1)]));

        Assert.Equal(ErrorCodes.Decisions.InvalidElectorate, error.Code);
        Assert.Equal("Member 1 appears twice in the electorate.", error.Message);
        Assert.Equal(Partner(1), error.Failures[0].Values["partner"]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(Limits.MaxWeight + 1)]
    public void A_weight_is_from_zero_to_ten_to_the_twelfth(long weight)
    {
        Assert.Equal(ErrorCodes.Decisions.InvalidElectorate, Assert.Throws<CoalitionRuleException>(() => Voter(1, weight)).Code);
    }

    [Fact]
    public void The_total_weight_is_at_most_ten_to_the_fifteenth_and_never_overflows()
    {
        var heavy = Enumerable.Range(1, 1_001).Select(n => Voter(n, Limits.MaxWeight)).ToArray();

        var error = Assert.Throws<CoalitionRuleException>(() => new Electorate(heavy));

        Assert.Equal(ErrorCodes.Decisions.InvalidElectorate, error.Code);
        Assert.Equal(1_000 * Limits.MaxWeight, new Electorate(heavy[..1_000]).TotalWeight);
    }

    [Fact]
    public void A_missing_list_or_voter_is_refused_with_a_code()
    {
        Assert.Equal(ErrorCodes.Decisions.InvalidElectorate, Assert.Throws<CoalitionRuleException>(() => new Electorate(null!)).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidElectorate, Assert.Throws<CoalitionRuleException>(() => new Electorate([Voter(1), null!])).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidElectorate, Assert.Throws<CoalitionRuleException>(() => new Electorate([Voter(1)], [null!])).Code);
    }

    [Theory]
    [InlineData("Two\nlines")]
    [InlineData("   ")]
    [InlineData("Bell\u0007")]
    public void Names_and_chambers_are_one_line(string name)
    {
        Assert.Equal(ErrorCodes.Decisions.InvalidElectorate, Assert.Throws<CoalitionRuleException>(() => new Voter(Partner(1), [Person(1)], name: name)).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidElectorate, Assert.Throws<CoalitionRuleException>(() => new Voter(Partner(1), [Person(1)], chamber: name)).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidElectorate, Assert.Throws<CoalitionRuleException>(() => new Chamber(name, 1)).Code);
    }

    [Fact]
    public void A_chamber_weighs_at_least_one_and_names_its_sub_chambers_once()
    {
        Assert.Equal(ErrorCodes.Decisions.InvalidElectorate, Assert.Throws<CoalitionRuleException>(() => new Chamber("north", 0)).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidElectorate, Assert.Throws<CoalitionRuleException>(() => new Chamber("north", 1, [new SubChamber("a", 1), new SubChamber("a", 2)])).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidElectorate, Assert.Throws<CoalitionRuleException>(() => new Chamber("north", 1, [new SubChamber("a", Limits.MaxWeight + 1)])).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidElectorate, Assert.Throws<CoalitionRuleException>(() => new Electorate([], [new Chamber("north", 1), new Chamber("north", 2)])).Code);
    }
}
