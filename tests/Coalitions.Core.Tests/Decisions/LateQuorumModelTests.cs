using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using CsCheck;
using NodaTime;
using static Coalitions.Core.Tests.Kit.ProposalScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>
/// The late-quorum rule against a model: a round's deadline moves at the first ballot, cast within the extension of the
/// deadline, after which a fresh tally of the ballots finds the quorum met, and at no other ballot. The proposal keeps
/// the quorum's count as ballots come; the model counts them again each time.
/// </summary>
public class LateQuorumModelTests
{
    private static readonly Stance[] AllStances = Enum.GetValues<Stance>();

    private static readonly Fraction[] Shares = [Fraction.Half, Fraction.TwoThirds, Fraction.Percent(30)];

    // A majority vote, consent or consensus (so every stance a ballot can take is counted or left out by some rule); a
    // quorum by headcount or by weight, with or without abstentions; proxies that count toward it, that do not, or none.
    private static readonly Gen<DecisionRule> GenRule =
        Gen.Select(Gen.Int[0, Shares.Length - 1], Gen.Bool, Gen.Bool, Gen.Int[0, 2], Gen.Int[0, 2]).Select((share, weighted, abstentionsCount, proxies, method) =>
        {
            var quorum = weighted ? QuorumRule.OfWeight(Shares[share]) : QuorumRule.OfMembers(Shares[share]);
            var decided = method switch
            {
                0 => DecisionRule.SimpleMajority(),
                1 => DecisionRule.Consent(),
                _ => DecisionRule.Consensus().AllowingAbstention(),
            };
            var rule = decided
                .WithQuorum(abstentionsCount ? quorum : quorum.WithoutAbstentions())
                .WithVotingPeriod(Duration.FromHours(48))
                .WithLateQuorumExtension(Duration.FromHours(24));
            return proxies switch
            {
                0 => rule,
                1 => rule.WithProxies(countTowardQuorum: true),
                _ => rule.WithProxies(countTowardQuorum: false),
            };
        });

    // Voters 1 to n with weights from 0 to 4; some recused; each other one may give a proxy to the next voter who is not
    // recused; then ballots (voter, stance, whether the proxy holder casts it), each later than the one before.
    private static readonly Gen<(DecisionRule Rule, long[] Weights, bool[] Recused, bool[] Proxied, (int Voter, int Stance, bool ByProxy)[] Ballots)> GenCase =
        GenRule.SelectMany(rule => Gen.Int[3, 8].SelectMany(n => Gen.Select(
            Gen.Long[0, 4].Array[n],
            Gen.Int[0, 4].Array[n].Select(r => r.Select(x => x == 0).ToArray()),
            Gen.Bool.Array[n],
            Gen.Select(Gen.Int[1, n], Gen.Int[0, 3], Gen.Bool).Array[1, 12])
            .Select((weights, recused, proxied, ballots) => (rule, weights, recused, proxied, ballots))));

    [Fact]
    public void A_late_quorum_extends_the_deadline_at_the_first_ballot_after_which_a_fresh_tally_finds_it_and_at_no_other()
    {
        GenCase.Sample(c =>
        {
            var n = c.Weights.Length;
            var electorate = new Electorate(Enumerable.Range(1, n).Select(i => Voter(i, weight: c.Weights[i - 1])).ToArray());
            var proposal = Voting(c.Rule, electorate);
            var recused = new List<PartnerId>();
            for (var i = 1; i <= n; i++)
            {
                if (c.Recused[i - 1] && recused.Count < n - 1)
                {
                    proposal.DeclareConflictOfInterest(Partner(i), "A reason.", For(i), Hours(1));
                    recused.Add(Partner(i));
                }
            }

            // Each voter not recused may give a proxy to the next voter who is not recused (at most two principals a
            // holder, within the rule's default of five).
            var holderOf = new Dictionary<int, int>();
            if (c.Rule.Proxies is not null)
            {
                var voting = Enumerable.Range(1, n).Where(i => !recused.Contains(Partner(i))).ToArray();
                for (var k = 0; k < voting.Length && voting.Length > 1; k++)
                {
                    if (c.Proxied[voting[k] - 1])
                    {
                        var holder = voting[(k + 1) % voting.Length];
                        proposal.GrantProxy(Partner(voting[k]), Person(holder), Partner(holder), For(voting[k]), Hours(2));
                        holderOf[voting[k]] = holder;
                    }
                }
            }

            var stances = AllStances.Where(s => c.Rule.AcceptedStances.Includes(s)).ToArray();
            var counted = electorate.Without(recused);
            var ballots = new Dictionary<PartnerId, Ballot>();
            Instant? extendedTo = null;
            var at = 30.0;
            foreach (var (voter, stance, byProxy) in c.Ballots)
            {
                if (recused.Contains(Partner(voter)))
                {
                    continue;
                }

                // A proxy ballot while the proxy is in force; the member's own ballot ends its proxy.
                var throughProxy = byProxy && holderOf.ContainsKey(voter);
                var by = throughProxy ? HolderFor(holderOf[voter], voter) : For(voter);
                if (!throughProxy)
                {
                    holderOf.Remove(voter);
                }

                at += 0.5;
                var taken = stances[stance % stances.Length];
                proposal.CastBallot(Partner(voter), taken, c.Rule.ReasonsRequired.Includes(taken) ? "A reason." : null, by, Hours(at));
                ballots[Partner(voter)] = new Ballot(Partner(voter), taken, throughProxy);

                var met = DecisionTally.Evaluate(c.Rule, counted, ballots.Values.ToArray()).Quorum!.Met;
                if (extendedTo is null && met)
                {
                    extendedTo = Hours(at) + Duration.FromHours(24);
                }

                Assert.Equal(extendedTo ?? Hours(48), proposal.Deadline);
            }
        }, iter: 300);
    }
}
