using System.Globalization;
using System.Text;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using CsCheck;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>
/// A tally of many ballots joins them with the voters (sorted into runs by their voter's hash, each run resolved
/// against its slice of the voters) instead of looking each one up in the ballots' order. Both ways must count the
/// same figures and refuse the same first ballot with the same words.
/// </summary>
public class TallyJoinTests
{
    private static readonly Stance[] AllStances = [Stance.Support, Stance.Oppose, Stance.Abstain, Stance.StandAside, Stance.Block, Stance.Object];
    private static readonly string[] Chambers = ["a", "b", "c"];

    // Up to 6,000 voters: above 1,024 the voters fill more than one run.
    private static readonly Gen<(Electorate Electorate, Ballot[] Ballots, StanceSet Accepted, bool Faulty)> GenCase =
        Gen.Int[0, 6_000].SelectMany(size =>
            Gen.Select(Gen.Guid, Gen.Int[0, 12], Gen.Bool, Gen.Int[0, 9]).Array[size].SelectMany(specs =>
            {
                var voters = specs
                    .DistinctBy(s => s.Item1)
                    .Where(s => s.Item1 != Guid.Empty)
                    .Select((s, i) => new Voter(PartnerId.FromGuid(s.Item1), [PersonId.FromGuid(Guid.Parse("b0000000-0000-0000-0000-000000000001"))], s.Item2, Chambers[i % 3], hasVeto: s.Item3))
                    .ToArray();
                var electorate = new Electorate(voters, Chambers.Select(c => new Chamber(c, 1)).ToArray());
                return Gen.Select(
                    Gen.Shuffle(voters.Select((v, i) => (v, i)).ToArray()),
                    Gen.Int[0, 100],
                    Gen.Int[0, 5].Array[voters.Length],
                    Gen.Bool.Array[voters.Length],
                    Gen.Int[0, 8],
                    Gen.Int[0, 1_000_000],
                    Gen.Int[1, 63])
                .Select((order, share, stances, proxies, fault, where, acceptedBits) =>
                {
                    // Ballots take accepted stances; a fault, when there is one, is a single ballot that cannot count.
                    var accepted = (StanceSet)acceptedBits;
                    var allowed = AllStances.Where(s => accepted.Includes(s)).ToArray();
                    var taken = order.Take(order.Length * share / 100)
                        .Select(p => new Ballot(p.v.Partner, allowed[stances[p.i] % allowed.Length], proxies[p.i]))
                        .ToList();
                    var at = taken.Count == 0 ? 0 : where % taken.Count;
                    var faulty = true;
                    switch (fault)
                    {
                        case 1 when taken.Count > 0:
                            taken.Insert(where % (taken.Count + 1), taken[at]); // a second ballot of a voter
                            break;
                        case 2:
                            taken.Insert(taken.Count == 0 ? 0 : where % (taken.Count + 1), new Ballot(PartnerId.New(), allowed[0])); // an outsider
                            break;
                        case 3 when taken.Count > 0:
                            taken[at] = taken[at] with { Stance = (Stance)99 }; // no stance at all
                            break;
                        case 4 when taken.Count > 0 && allowed.Length < AllStances.Length:
                            taken[at] = taken[at] with { Stance = AllStances.First(s => !accepted.Includes(s)) }; // a stance the rule does not take
                            break;
                        default:
                            faulty = false;
                            break;
                    }

                    return (electorate, taken.ToArray(), accepted, faulty);
                });
            }));

    [Fact]
    public void A_joined_tally_counts_and_refuses_exactly_as_a_tally_in_ballot_order()
    {
        GenCase.Sample(c => Assert.Equal(Counted(c, join: false), Counted(c, join: true)), iter: 150);
    }

    // A join that gave up would still count right (the lookup per ballot takes over), so the figures alone cannot show
    // that the join works: ballots that can all be counted are joined, and a faulty one makes the join give up.
    [Fact]
    public void Ballots_that_can_all_be_counted_are_joined_and_a_faulty_ballot_makes_the_join_give_up()
    {
        GenCase.Sample(c =>
        {
            if (c.Faulty)
            {
                Assert.Throws<CoalitionRuleException>(() => TallyCounts.From(c.Electorate, c.Ballots, c.Accepted, join: true));
                return;
            }

            using var counts = TallyCounts.From(c.Electorate, c.Ballots, c.Accepted, join: true);
            Assert.True(counts.Joined);
        }, iter: 100);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1_000)]
    [InlineData(5_000)]
    public void A_tally_where_every_voter_voted_is_joined_and_counts_every_ballot_once(int size)
    {
        var voters = Enumerable.Range(1, size).Select(n => Kit.Scenario.Voter(n, weight: n % 7)).ToArray();
        var electorate = new Electorate(voters);
        var ballots = voters.Select((v, i) => new Ballot(v.Partner, i % 3 == 0 ? Stance.Oppose : Stance.Support)).Reverse().ToArray();

        using var counts = TallyCounts.From(electorate, ballots, DecisionRule.SimpleMajority().AcceptedStances, join: true);

        Assert.True(counts.Joined);
        Assert.Equal(size, counts.BallotCount);
        Assert.Equal(voters.Where((_, i) => i % 3 == 0).Sum(v => v.Weight), counts.Total(Stance.Oppose, Measure.Weight));
        Assert.Equal(voters.Where((_, i) => i % 3 != 0).Sum(v => v.Weight), counts.Total(Stance.Support, Measure.Weight));
    }

    // A run has exactly as many places as its voters. An outsider coming last to a run its voters have filled would
    // otherwise spill into the next run's first place and be overwritten there by that run's first ballot, unnoticed.
    [Fact]
    public void An_outsider_coming_last_to_a_full_run_is_refused()
    {
        var voters = Enumerable.Range(1, 40).Select(n => Kit.Scenario.Voter(n)).ToArray();
        var electorate = new Electorate(voters);
        var shift = electorate.Join.RunHashShift;
        int RunOf(PartnerId partner) => (int)(VoterKey.Of(partner).Hash >> shift);
        var accepted = DecisionRule.SimpleMajority().AcceptedStances;
        var refused = 0;
        for (var k = 1; k <= 60; k++)
        {
            // The ballots in run order, the outsider right after its own run's voters; one voter of a later run stays away.
            var outsider = Kit.Scenario.Partner(1_000 + k);
            var run = RunOf(outsider);
            var later = voters.Where(v => RunOf(v.Partner) > run).ToArray();
            if (later.Length < 2)
            {
                continue;
            }

            var away = later.Last().Partner;
            var byRun = voters.Where(v => v.Partner != away).OrderBy(v => RunOf(v.Partner)).Select(v => new Ballot(v.Partner, Stance.Support)).ToList();
            byRun.Insert(byRun.Count(b => RunOf(b.Voter) <= run), new Ballot(outsider, Stance.Support));
            var ballots = byRun.ToArray();

            var refusal = Assert.Throws<CoalitionRuleException>(() => TallyCounts.From(electorate, ballots, accepted, join: true));

            Assert.Equal(ErrorCodes.Decisions.NotInElectorate, refusal.Code);
            refused++;
        }

        Assert.True(refused >= 20, $"only {refused} outsiders fell in a run with a later one");
    }

    [Fact]
    public void A_second_ballot_of_a_voter_is_refused_in_words_that_name_the_voter()
    {
        var electorate = new Electorate([Kit.Scenario.Voter(1), Kit.Scenario.Voter(2)]);
        Ballot[] ballots = [new(Kit.Scenario.Partner(2), Stance.Support), new(Kit.Scenario.Partner(1), Stance.Oppose), new(Kit.Scenario.Partner(2), Stance.Oppose)];

        foreach (var join in new[] { false, true })
        {
            var refusal = Assert.Throws<CoalitionRuleException>(() => TallyCounts.From(electorate, ballots, DecisionRule.SimpleMajority().AcceptedStances, join));

            Assert.Equal(ErrorCodes.Decisions.DuplicateBallot, refusal.Code);
            Assert.Equal("Member 2 has more than one ballot; pass only the ballot that counts.", refusal.Message);
            Assert.Equal(Kit.Scenario.Partner(2), refusal.Failures[0].Values["partner"]);
        }
    }

    // A join meets the ballots in its runs' order, not the ballots': whichever fault comes first in the ballots is the one refused.
    [Theory]
    [InlineData(100, 2_900)]
    [InlineData(2_900, 100)]
    [InlineData(1_500, 1_501)]
    public void A_joined_tally_refuses_the_first_faulty_ballot_in_ballot_order(int blocked, int outsider)
    {
        var voters = Enumerable.Range(1, 3_000).Select(n => Kit.Scenario.Voter(n)).ToArray();
        var electorate = new Electorate(voters);
        var ballots = voters.Select(v => new Ballot(v.Partner, Stance.Support)).ToArray();
        ballots[blocked] = ballots[blocked] with { Stance = Stance.Block };
        ballots[outsider] = new Ballot(Kit.Scenario.Partner(9_999), Stance.Support);

        var refusal = Assert.Throws<CoalitionRuleException>(() => TallyCounts.From(electorate, ballots, DecisionRule.SimpleMajority().AcceptedStances, join: true));

        Assert.Equal(blocked < outsider ? ErrorCodes.Decisions.StanceNotAccepted : ErrorCodes.Decisions.NotInElectorate, refusal.Code);
        Assert.Contains(blocked < outsider ? $"Member {blocked + 1}" : "a0000000-0000-0000-0000-000000009999", refusal.Message, StringComparison.Ordinal);
    }

    private static string Counted((Electorate Electorate, Ballot[] Ballots, StanceSet Accepted, bool Faulty) c, bool join)
    {
        try
        {
            using var counts = TallyCounts.From(c.Electorate, c.Ballots, c.Accepted, join);
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"{counts.BallotCount} ballots, {counts.VetoHoldersVoted} veto holders; ");
            foreach (var measure in new[] { Measure.Headcount, Measure.Weight })
            {
                for (var g = 0; g < c.Electorate.GroupCount; g++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"group {g} {measure}: {counts.GroupFigures(g, measure)}; ");
                }

                foreach (var stance in AllStances)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{stance} by proxy {counts.ByProxy(stance, measure)}; ");
                }
            }

            text.Append("objections ").AppendJoin(", ", counts.Objections(c.Electorate)).Append("; vetoes ").AppendJoin(", ", counts.Vetoes(c.Electorate));
            return text.ToString();
        }
        catch (CoalitionRuleException refused)
        {
            return $"refused {refused.Code}: {refused.Message}";
        }
    }
}
