using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;
using CsCheck;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>Invariants of the tally over random rules, electorates and ballots.</summary>
public class DecisionPropertyTests
{
    private static readonly Fraction[] Thresholds = [Fraction.Half, Fraction.TwoThirds, Fraction.ThreeQuarters, Fraction.Percent(55)];
    private static readonly Stance[] AllStances = [Stance.Support, Stance.Oppose, Stance.Abstain, Stance.StandAside, Stance.Block, Stance.Object];

    private static readonly Gen<PassCondition> GenCondition =
        Gen.Select(Gen.Int[0, Thresholds.Length - 1], Gen.Bool, Gen.Int[0, 2], Gen.Bool)
            .Select((t, atLeast, b, weighted) => new PassCondition(
                Thresholds[t],
                atLeast || Thresholds[t] == Fraction.One ? ThresholdComparison.AtLeast : ThresholdComparison.MoreThan,
                b switch { 0 => VoteBase.VotesCast, 1 => VoteBase.Ballots, _ => VoteBase.Electorate },
                weighted ? Measure.Weight : Measure.Headcount));

    private static readonly Gen<QuorumRule?> GenQuorum =
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, Thresholds.Length - 1], Gen.Bool).Select((kind, t, weighted) => kind switch
        {
            0 => null,
            1 => (weighted ? QuorumRule.OfWeight(Thresholds[t]) : QuorumRule.OfMembers(Thresholds[t])),
            2 => QuorumRule.OfMembers(Thresholds[t]).WithoutAbstentions(),
            3 => (weighted ? QuorumRule.OfWeight(Thresholds[t], ThresholdComparison.MoreThan) : QuorumRule.MajorityOfMembers()),
            _ => QuorumRule.AtLeastMembers(2),
        });

    private static readonly Gen<DecisionRule> GenRule =
        Gen.Select(Gen.Int[0, 4], GenCondition.Array[1, 2], GenQuorum, Gen.Bool, Gen.Bool)
            .Select((method, conditions, quorum, veto, casting) =>
            {
                var rule = method switch
                {
                    0 => DecisionRule.MajorityVote(conditions),
                    1 => DecisionRule.ChamberVote(conditions[0], conditions[1..]),
                    2 => DecisionRule.Consensus(casting ? new StandAsideLimit(1, null) : null),
                    3 => DecisionRule.Consensus(new StandAsideLimit(null, Fraction.Half)).AllowingAbstention(),
                    _ => DecisionRule.Consent(),
                };
                if (quorum is not null)
                {
                    rule = rule.WithQuorum(quorum);
                }

                if (veto)
                {
                    rule = rule.WithVeto();
                }

                return casting && method <= 1 ? rule.WithCastingVote() : rule;
            });

    /// <summary>An electorate of up to <paramref name="max"/> voters, in two chambers (A with north/south, B) when asked.</summary>
    private static Gen<Electorate> GenElectorate(int max, bool chambers) =>
        Gen.Select(Gen.Int[0, 5], Gen.Bool, Gen.Int[0, 2]).Array[chambers ? 1 : 0, max].Select(specs =>
        {
            var voters = specs.Select((spec, i) => Voter(
                i + 1,
                weight: spec.Item1,
                chamber: chambers ? (spec.Item3 == 2 ? "B" : "A") : null,
                subChamber: chambers && spec.Item3 < 2 ? (spec.Item3 == 0 ? "north" : "south") : null,
                veto: spec.Item2)).ToArray();
            return new Electorate(voters, chambers ? [new Chamber("A", 2, [new SubChamber("north", 1), new SubChamber("south", 1)]), new Chamber("B", 1)] : null);
        });

    private static Gen<(DecisionRule Rule, Electorate Electorate, Ballot[] Ballots)> GenCase(int maxVoters) =>
        GenRule.SelectMany(rule =>
            GenElectorate(maxVoters, rule.Method == DecisionMethod.ChamberVote).SelectMany(electorate =>
                Gen.Int[0, Stances.Count].Array[electorate.Count].Select(choices =>
                {
                    var accepted = AllStances.Where(s => rule.AcceptedStances.Includes(s)).ToArray();
                    var ballots = electorate.Voters
                        .Select((v, i) => choices[i] >= accepted.Length ? (Ballot?)null : new Ballot(v.Partner, accepted[choices[i]]))
                        .OfType<Ballot>()
                        .ToArray();
                    return (rule, electorate, ballots);
                })));

    [Fact]
    public void The_outcome_does_not_depend_on_the_order_of_the_ballots()
    {
        GenCase(8).SelectMany(c => Gen.Shuffle(c.Ballots.ToArray()).Select(shuffled => (c, shuffled))).Sample(
            pair =>
            {
                var (c, shuffled) = pair;
                var inOrder = DecisionTally.Evaluate(c.Rule, c.Electorate, c.Ballots, castingVote: Stance.Support);
                var reordered = DecisionTally.Evaluate(c.Rule, c.Electorate, shuffled, castingVote: Stance.Support);
                return CoalitionsJson.Serialize(inOrder) == CoalitionsJson.Serialize(reordered);
            },
            iter: 300);
    }

    [Fact]
    public void Closing_when_settled_agrees_with_every_completion_of_the_missing_ballots()
    {
        GenCase(6).Sample(
            c =>
            {
                var results = AllCompletions(c.Rule, c.Electorate, c.Ballots);
                return DecisionTally.IsSettled(c.Rule, c.Electorate, c.Ballots) == (results.Count == 1);
            },
            iter: 400);
    }

    [Fact]
    public void A_vote_without_quorum_is_never_adopted()
    {
        GenCase(8).Sample(
            c =>
            {
                var outcome = DecisionTally.Evaluate(c.Rule, c.Electorate, c.Ballots, castingVote: Stance.Support);
                return outcome.Quorum is not { Met: false } || outcome.Result == DecisionResult.NoQuorum;
            },
            iter: 300);
    }

    [Fact]
    public void More_support_never_turns_an_adoption_into_a_rejection()
    {
        GenCase(8).Where(c => c.Rule.Method is DecisionMethod.MajorityVote or DecisionMethod.ChamberVote).Sample(
            c =>
            {
                var before = DecisionTally.ResultOf(c.Rule, c.Electorate, c.Ballots, null, Stance.Support);
                var voted = c.Ballots.Select(b => b.Voter).ToHashSet();
                var missing = c.Electorate.Voters.Where(v => !voted.Contains(v.Partner)).Take(1).Select(v => new Ballot(v.Partner, Stance.Support));
                var after = DecisionTally.ResultOf(c.Rule, c.Electorate, c.Ballots.Concat(missing).ToArray(), null, Stance.Support);
                return before != DecisionResult.Adopted || after is DecisionResult.Adopted or DecisionResult.Vetoed;
            },
            iter: 300);
    }

    /// <summary>
    /// TEU art. 16(4) as the clause models it: under a double majority with a blocking minority of four, three members or
    /// fewer never block; a proposal that has its share of members is adopted. With four or more members against, the
    /// clause changes nothing.
    /// </summary>
    [Fact]
    public void A_blocking_minority_of_three_never_blocks()
    {
        Gen.Select(Gen.Bool, GenElectorate(12, chambers: false), Gen.Int[0, 3].Array[12]).Sample(
            (reinforced, electorate, choices) =>
            {
                var plain = reinforced ? DecisionRule.ReinforcedQualifiedMajority() : DecisionRule.QualifiedMajority();
                var rule = plain.WithBlockingMinority(4);
                Stance?[] options = [Stance.Support, Stance.Oppose, Stance.Abstain, null];
                var ballots = electorate.Voters.Select((v, i) => options[choices[i]] is { } s ? new Ballot(v.Partner, s) : (Ballot?)null).OfType<Ballot>().ToArray();
                var outcome = DecisionTally.Evaluate(rule, electorate, ballots);
                var supporting = ballots.Count(b => b.Stance == Stance.Support);
                var notSupporting = electorate.Count - supporting;
                var membersMet = rule.Conditions[0].IsMetBy(supporting, electorate.Count);
                return notSupporting >= 4
                    ? outcome.Result == DecisionTally.Evaluate(plain, electorate, ballots).Result
                    : outcome.Result == (membersMet ? DecisionResult.Adopted : DecisionResult.Rejected);
            },
            iter: 400);
    }

    /// <summary>The distinct results over every completion (each missing voter: any accepted stance, or none) and every casting vote.</summary>
    private static HashSet<DecisionResult> AllCompletions(DecisionRule rule, Electorate electorate, Ballot[] ballots)
    {
        var voted = ballots.Select(b => b.Voter).ToHashSet();
        var missing = electorate.Voters.Where(v => !voted.Contains(v.Partner)).Select(v => v.Partner).ToArray();
        var options = AllStances.Where(s => rule.AcceptedStances.Includes(s)).Select(s => (Stance?)s).Append(null).ToArray();
        Stance?[] castingVotes = rule.CastingVote ? [Stance.Support, Stance.Oppose] : [null];
        var results = new HashSet<DecisionResult>();
        var choice = new int[missing.Length];
        var buffer = new List<Ballot>(electorate.Count);
        while (true)
        {
            buffer.Clear();
            buffer.AddRange(ballots);
            for (var i = 0; i < missing.Length; i++)
            {
                if (options[choice[i]] is { } stance)
                {
                    buffer.Add(new Ballot(missing[i], stance));
                }
            }

            foreach (var casting in castingVotes)
            {
                results.Add(DecisionTally.ResultOf(rule, electorate, buffer.ToArray(), null, casting));
            }

            var position = 0;
            while (position < missing.Length && ++choice[position] == options.Length)
            {
                choice[position++] = 0;
            }

            if (position == missing.Length)
            {
                return results;
            }
        }
    }
}
