using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using NodaTime;
using Snapshooter.Xunit;
using static Coalitions.Core.Decisions.Stance;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>The explanations hosts show on results pages, pinned for every method.</summary>
public class ExplanationSnapshotTests
{
    [Fact]
    public void Majority_vote_explanations()
    {
        var quorum = QuorumRule.OfMembers(Fraction.Half);
        var weighted = new Electorate([Voter(1, 50), Voter(2, 20), Voter(3, 8), Voter(4, 8), Voter(5, 7), Voter(6, 7)]);
        Snapshot.Match(Render(
            Case("two thirds with quorum", DecisionRule.TwoThirdsMajority().WithQuorum(quorum), Members(9), Ballots(Support, Support, Support, Support, Support, Oppose, Abstain)),
            Case("no quorum", DecisionRule.SimpleMajority().WithQuorum(quorum), Members(9), Ballots(Support, Support, Oppose)),
            Case("tie without casting vote", DecisionRule.SimpleMajority(), Members(4), Ballots(Support, Support, Oppose, Oppose)),
            Case("tie decided by the chair", DecisionRule.SimpleMajority().WithCastingVote(), Members(4), Ballots(Support, Support, Oppose, Oppose), castingVote: Support),
            Case("double majority fails on weight", DecisionRule.QualifiedMajority(), weighted, Ballots(Oppose, Support, Support, Support, Support, Support)),
            Case("abstentions left out of quorum", DecisionRule.SimpleMajority().WithQuorum(quorum.WithoutAbstentions()), Members(6), Ballots(Support, Abstain, Abstain)),
            Case("veto", DecisionRule.SimpleMajority().WithVeto(), new Electorate([Voter(1), Voter(2), Voter(3, veto: true)]), Ballots(Support, Support, Oppose))));
    }

    [Fact]
    public void Consensus_and_consent_explanations()
    {
        var limit = new StandAsideLimit(1, null);
        Snapshot.Match(Render(
            Case("consensus reached", DecisionRule.Consensus(limit), Members(4), Ballots(Support, Support, StandAside, Support)),
            Case("consensus blocked", DecisionRule.Consensus(limit), Members(4), Ballots(Support, Block, Support, Block)),
            Case("too many stand asides", DecisionRule.Consensus(limit), Members(4), Ballots(Support, StandAside, StandAside)),
            Case("consent given", DecisionRule.Consent(), Members(3), Ballots(Support, Support)),
            Case("objection stands", DecisionRule.Consent(), Members(3), Ballots(Support, Stance.Object, Support))));
    }

    [Fact]
    public void Chamber_vote_explanations()
    {
        var electorate = new Electorate(
            [
                Voter(1, chamber: "environmental"), Voter(2, chamber: "environmental"), Voter(3, chamber: "environmental"),
                Voter(4, chamber: "social", subChamber: "north"), Voter(5, chamber: "social", subChamber: "south"), Voter(6, chamber: "social", subChamber: "south"),
                Voter(7, chamber: "economic"), Voter(8, chamber: "economic"), Voter(9, chamber: "economic"),
            ],
            [new Chamber("environmental", 1), new Chamber("social", 1, [new SubChamber("north", 1), new SubChamber("south", 1)]), new Chamber("economic", 1)]);
        var rule = DecisionRule.ChamberVote(PassCondition.MoreThan(Fraction.Half, VoteBase.VotesCast), PassCondition.AtLeast(Fraction.TwoThirds, VoteBase.VotesCast));
        Snapshot.Match(Render(
            Case("every chamber agrees", rule, electorate, Ballots(Support, Support, Oppose, Support, Support, Oppose, Support, Support, Support)),
            Case("one chamber fails its own majority", rule, electorate, Ballots(Support, Support, Support, Support, Support, Support, Support, Oppose, Oppose))));
    }

    [Fact]
    public void Silence_procedure_explanations()
    {
        var rule = DecisionRule.SilenceProcedure(Duration.FromDays(3));
        Snapshot.Match(Render(
            Case("silence held", rule, Members(9), Ballots()),
            Case("silence broken", rule, Members(3), [new Ballot(Partner(2), Stance.Object), new Ballot(Partner(3), Stance.Object)])));
    }

    /// <summary>One case: the rule in words and the explanation rendered from the outcome's figures.</summary>
    private static string Case(string name, DecisionRule rule, Electorate electorate, Ballot[] ballots, IReadOnlyCollection<PartnerId>? present = null, Stance? castingVote = null) =>
        $"## {name}\n{rule.Describe()}\n{DecisionTally.Evaluate(rule, electorate, ballots, present, castingVote).Explain(rule, electorate)}\n\n";

    private static string Render(params string[] cases) => string.Concat(cases);
}
