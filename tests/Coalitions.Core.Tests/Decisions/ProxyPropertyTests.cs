using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using CsCheck;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>
/// Random sequences of proxies given and revoked and ballots cast by members and by proxy holders, against a small
/// reference model: the proposal accepts exactly what the model accepts, a refusal changes nothing, and the proxy rules hold
/// after every step.
/// </summary>
public class ProxyPropertyTests
{
    private const int Voters = 5;
    private const int Cap = 2;

    private static readonly Stance[] Stances = [Stance.Support, Stance.Oppose, Stance.Abstain, Stance.Block];

    private enum Kind
    {
        Grant,
        Revoke,
        Own,
        ByProxy,
    }

    /// <summary>A step: <see cref="Member"/> is the principal or voter; <see cref="Person"/> the holder (person n represents member n).</summary>
    private sealed record Step(Kind Kind, int Member, int Person, Stance Stance);

    private sealed class Model(bool finalBallots)
    {
        public Dictionary<int, int> Proxies { get; } = [];

        public Dictionary<int, (Stance Stance, bool ByProxy)> Ballots { get; } = [];

        public HashSet<int> VotedItself { get; } = [];

        public bool Accepts(Step s) => s.Kind switch
        {
            Kind.Grant => s.Member != s.Person && !VotedItself.Contains(s.Member) && Proxies.GetValueOrDefault(s.Member) != s.Person &&
                Proxies.Values.Count(h => h == s.Person) < Cap,
            Kind.Revoke => Proxies.ContainsKey(s.Member),
            Kind.Own => s.Stance != Stance.Block && !(finalBallots && VotedItself.Contains(s.Member)),
            _ => s.Stance != Stance.Block && Proxies.GetValueOrDefault(s.Member) == s.Person && !(finalBallots && Ballots.ContainsKey(s.Member)),
        };

        public void Apply(Step s)
        {
            switch (s.Kind)
            {
                case Kind.Grant:
                    Proxies[s.Member] = s.Person;
                    break;
                case Kind.Revoke:
                    Proxies.Remove(s.Member);
                    break;
                case Kind.Own:
                    Ballots[s.Member] = (s.Stance, false);
                    Proxies.Remove(s.Member);
                    VotedItself.Add(s.Member);
                    break;
                default:
                    Ballots[s.Member] = (s.Stance, true);
                    break;
            }
        }
    }

    private static readonly Gen<Step> GenStep = Gen.Select(
        Gen.Frequency((3, Gen.Const(Kind.Grant)), (1, Gen.Const(Kind.Revoke)), (3, Gen.Const(Kind.Own)), (4, Gen.Const(Kind.ByProxy))),
        Gen.Int[1, Voters],
        Gen.Int[1, Voters],
        Gen.Int[0, Stances.Length - 1])
        // A "proxy" ballot cast by the member's own representative is simply its own ballot.
        .Select((kind, member, person, stance) => new Step(kind == Kind.ByProxy && person == member ? Kind.Own : kind, member, person, Stances[stance]));

    /// <summary>Each ballot counts once, for its member, whoever cast it (and the proxy figures count those its holders cast): the tally is the tally of the same stances cast by the members themselves.</summary>
    [Fact]
    public void A_proxy_vote_counts_once()
    {
        Play((proposal, model) =>
        {
            var rule = proposal.CurrentRule;
            var outcome = proposal.PreviewOutcome();
            var direct = DecisionTally.Evaluate(rule, proposal.Electorate!, model.Ballots.Select(b => new Ballot(Partner(b.Key), b.Value.Stance)).ToArray());
            return outcome.Tally.Headcount.Total == model.Ballots.Count &&
                   outcome.Tally == direct.Tally && outcome.Result == direct.Result &&
                   outcome.Proxies!.Ballots == model.Ballots.Count(b => b.Value.ByProxy);
        });
    }

    /// <summary>Once a member has voted itself, its ballot is its own until the round ends, and its proxy is gone.</summary>
    [Fact]
    public void A_members_own_ballot_always_replaces_its_proxys()
    {
        Play((proposal, model) => model.VotedItself.All(member =>
            proposal.Ballots.Single(b => b.Voter == Partner(member)) is { ByProxy: false } &&
            proposal.Proxies.All(p => p.Principal != Partner(member)) &&
            !proposal.CanCastBallot(Partner(member), Stance.Support, null, Actor.Representing(Person(member % Voters + 1), Partner(member)), Hours(2)).IsAllowed));
    }

    private static void Play(Func<Proposal, Model, bool> invariant)
    {
        Gen.Select(GenStep.List[1, 40], Gen.Bool).Sample(
            (steps, finalBallots) =>
            {
                var rule = DecisionRule.SimpleMajority().WithProxies(Cap);
                var proposal = Voting(finalBallots ? rule.WithFinalBallots() : rule, Members(Voters));
                var model = new Model(finalBallots);
                foreach (var step in steps)
                {
                    var version = proposal.Version;
                    var expected = model.Accepts(step);
                    // What a host can observe is described only before a step the model refuses: a step it accepts
                    // fails the property already if the proposal refuses it.
                    var state = expected ? null : ObservableState.Of(proposal);
                    var accepted = Run(proposal, step);
                    if (accepted != expected || (!accepted && (proposal.Version != version || ObservableState.Of(proposal) != state)))
                    {
                        return false;
                    }

                    if (accepted)
                    {
                        model.Apply(step);
                    }

                    var ballots = proposal.Ballots.Select(b => (b.Voter, b.Stance, b.ByProxy)).ToHashSet();
                    var proxies = proposal.Proxies.Select(p => (p.Principal, p.Holder, p.HolderMember)).ToHashSet();
                    // At most one counted ballot per member, and no holder carries more proxies than the rule allows.
                    if (proposal.Ballots.Count != ballots.Count || proposal.Ballots.DistinctBy(b => b.Voter).Count() != ballots.Count ||
                        proposal.Proxies.CountBy(p => p.Holder).Any(held => held.Value > Cap) ||
                        !ballots.SetEquals(model.Ballots.Select(b => (Partner(b.Key), b.Value.Stance, b.Value.ByProxy))) ||
                        !proxies.SetEquals(model.Proxies.Select(p => (Partner(p.Key), Person(p.Value), Partner(p.Value)))) ||
                        !invariant(proposal, model))
                    {
                        return false;
                    }
                }

                return true;
            },
            iter: 300);
    }

    private static bool Run(Proposal proposal, Step s)
    {
        try
        {
            switch (s.Kind)
            {
                case Kind.Grant:
                    proposal.GrantProxy(Partner(s.Member), Person(s.Person), Partner(s.Person), For(s.Member), Hours(1));
                    break;
                case Kind.Revoke:
                    proposal.RevokeProxy(Partner(s.Member), For(s.Member), Hours(1));
                    break;
                case Kind.Own:
                    proposal.CastBallot(Partner(s.Member), s.Stance, null, For(s.Member), Hours(1));
                    break;
                default:
                    proposal.CastBallot(Partner(s.Member), s.Stance, null, Actor.Representing(Person(s.Person), Partner(s.Member)), Hours(1));
                    break;
            }

            return true;
        }
        catch (CoalitionRuleException)
        {
            return false;
        }
    }
}
