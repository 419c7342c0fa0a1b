using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using CsCheck;
using NodaTime;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>
/// The running tally a proposal keeps as ballots are cast, changed, cast by proxy and voided by a recusal equals a fresh
/// tally of its current ballots: with weights above one, chambers and sub-chambers, vetoes, abstentions, stand-asides,
/// blocks and objections; live, rebuilt from its events, and restored from a snapshot taken part-way.
/// </summary>
public class ProposalRunningTallyTests
{
    private static readonly Stance[] AllStances = [Stance.Support, Stance.Oppose, Stance.Abstain, Stance.StandAside, Stance.Block, Stance.Object];

    /// <summary>Six members of weights 5, 3, 7, 2, 11 and 1 in two chambers, the first split in two sub-chambers; members 1 and 5 hold vetoes.</summary>
    private static Electorate Weighted() => new(
        [
            Voter(1, weight: 5, chamber: "civil", subChamber: "national", veto: true),
            Voter(2, weight: 3, chamber: "civil", subChamber: "local"),
            Voter(3, weight: 7, chamber: "civil", subChamber: "local"),
            Voter(4, weight: 2, chamber: "donors"),
            Voter(5, weight: 11, chamber: "donors", veto: true),
            Voter(6, weight: 1, chamber: "donors"),
        ],
        [new Chamber("civil", 2, [new SubChamber("national", 1), new SubChamber("local", 2)]), new Chamber("donors", 1)]);

    private static readonly string[] RuleNames = ["chambers", "weighted majority", "consensus", "consent", "casting vote"];

    public static TheoryData<string> Rules => new(RuleNames);

    private static DecisionRule RuleNamed(string name) => name switch
    {
        "chambers" => DecisionRule.ChamberVote(PassCondition.MoreThan(Fraction.Half, VoteBase.VotesCast), PassCondition.AtLeast(Fraction.TwoThirds, VoteBase.Electorate, Measure.Weight)).WithVeto().WithProxies(2),
        "weighted majority" => DecisionRule.MajorityVote(PassCondition.MoreThan(Fraction.Half, VoteBase.VotesCast, Measure.Weight)).WithQuorum(QuorumRule.OfWeight(Fraction.Half)).WithVeto().WithProxies(2, countTowardQuorum: false),
        "consensus" => DecisionRule.Consensus(new StandAsideLimit(1, null)).AllowingAbstention().WithVeto().WithProxies(2),
        "consent" => DecisionRule.Consent().WithProxies(2),
        _ => DecisionRule.MajorityVote(PassCondition.MoreThan(Fraction.Half, VoteBase.VotesCast, Measure.Weight)).WithCastingVote(),
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Casting_changing_proxying_and_voiding_ballots_keeps_the_running_tally_equal_to_a_fresh_one(string name)
    {
        var proposal = Discussed(RuleNamed(name));
        proposal.OpenVoting(Weighted(), ChairActor, Start);
        var history = proposal.DequeueUncommittedEvents().ToList();
        var now = Start;
        void Step(Action command)
        {
            now += Duration.FromMinutes(1);
            try
            {
                command();
            }
            catch (CoalitionRuleException)
            {
                // A stance the rule does not take, or a proxy it does not: the tally must still match.
            }

            history.AddRange(proposal.DequeueUncommittedEvents());
            AssertRunningEqualsFresh(proposal);
        }

        foreach (var (member, stance) in new[] { (1, Stance.Support), (2, Stance.Oppose), (3, Stance.Abstain), (5, Stance.StandAside), (2, Stance.Block), (6, Stance.Object), (5, Stance.Oppose) })
        {
            Step(() => proposal.CastBallot(Partner(member), stance, "A reason.", For(member), now));
        }

        // Member 4 gives its proxy to member 6's representative, who votes with it; member 2 changes again; member 3 is recused.
        Step(() => proposal.GrantProxy(Partner(4), Person(6), Partner(6), For(4), now));
        Step(() => proposal.CastBallot(Partner(4), Stance.Support, "A reason.", Actor.Representing(Person(6), Partner(4)), now));
        Step(() => proposal.CastBallot(Partner(2), Stance.Support, "A reason.", For(2), now));
        Step(() => proposal.DeclareConflictOfInterest(Partner(3), "Its director sits on the grantee's board.", For(3), now));
        Step(() => proposal.CastBallot(Partner(4), Stance.Block, "A reason.", For(4), now));
        Step(() => proposal.DeclareConflictOfInterest(Partner(5), "A contractor.", For(5), now));

        AssertRunningEqualsFresh(Proposal.Rehydrate(history));
        for (var cut = 3; cut < history.Count; cut++)
        {
            var restored = RestoredAt(history, cut);
            AssertRunningEqualsFresh(restored);
            AssertSame(proposal.PreviewOutcome(), restored.PreviewOutcome());
        }
    }

    [Fact]
    public void A_changed_ballot_moves_its_voters_weight_from_the_old_stance_to_the_new()
    {
        var proposal = Discussed(RuleNamed("weighted majority"));
        proposal.OpenVoting(Weighted(), ChairActor, Start);
        proposal.Vote(5, Stance.Support);
        proposal.Vote(3, Stance.Oppose);
        proposal.Vote(5, Stance.Abstain, atHours: 2);

        var tally = Proposal.Rehydrate(proposal.DequeueUncommittedEvents()).PreviewOutcome().Tally;

        Assert.Equal(new StanceCounts(0, 1, 1, 0, 0, 0), tally.Headcount);
        Assert.Equal(new StanceCounts(0, 7, 11, 0, 0, 0), tally.Weight);
    }

    [Fact]
    public void A_ballot_voided_by_a_recusal_leaves_the_tally_and_the_electorate_the_tally_counts()
    {
        var proposal = Discussed(RuleNamed("weighted majority"));
        proposal.OpenVoting(Weighted(), ChairActor, Start);
        proposal.Vote(5, Stance.Oppose);
        proposal.Vote(3, Stance.Support);
        proposal.DeclareConflictOfInterest(Partner(5), "A contractor.", For(5), Hours(2));

        var rebuilt = Proposal.Rehydrate(proposal.DequeueUncommittedEvents());
        var outcome = rebuilt.PreviewOutcome();

        Assert.Equal(new StanceCounts(7, 0, 0, 0, 0, 0), outcome.Tally.Weight);
        Assert.Equal(5, outcome.ElectorateSize);
        Assert.Equal(29 - 11, outcome.ElectorateWeight);
        Assert.Empty(outcome.Vetoes);
        Assert.Equal(2, rebuilt.BallotHistory.Count);
    }

    [Fact]
    public void A_ballot_cast_by_proxy_counts_its_principals_weight_and_the_principals_own_ballot_replaces_it()
    {
        var proposal = Discussed(RuleNamed("chambers"));
        proposal.OpenVoting(Weighted(), ChairActor, Start);
        proposal.GrantProxy(Partner(5), Person(6), Partner(6), For(5), Hours(1));
        proposal.CastBallot(Partner(5), Stance.Support, null, Actor.Representing(Person(6), Partner(5)), Hours(2));
        var byProxy = Proposal.Rehydrate(proposal.UncommittedEvents).PreviewOutcome();
        proposal.Vote(5, Stance.Oppose, atHours: 3);

        var own = Proposal.Rehydrate(proposal.DequeueUncommittedEvents()).PreviewOutcome();

        Assert.Equal(new ProxyFigures(1, 11), byProxy.Proxies);
        Assert.Equal(11, byProxy.Tally.Weight.Support);
        Assert.Equal(new ProxyFigures(0, 0), own.Proxies);
        Assert.Equal(new StanceCounts(0, 11, 0, 0, 0, 0), own.Tally.Weight);
        Assert.Equal([Partner(5)], own.Vetoes);
    }

    private enum Kind
    {
        Cast,
        Grant,
        ByProxy,
        Recuse,
    }

    private static readonly Gen<(Kind Kind, int Member, int Holder, Stance Stance)> GenStep = Gen.Select(
        Gen.Frequency((10, Gen.Const(Kind.Cast)), (2, Gen.Const(Kind.Grant)), (3, Gen.Const(Kind.ByProxy)), (1, Gen.Const(Kind.Recuse))),
        Gen.Int[1, 6],
        Gen.Int[1, 6],
        Gen.Int[0, AllStances.Length - 1])
        .Select((kind, member, holder, stance) => (kind, member, holder, AllStances[stance]));

    [Fact]
    public void Under_heavy_weights_the_running_tally_after_any_casts_changes_and_voids_equals_a_fresh_one_and_survives_a_snapshot()
    {
        Gen.Select(Gen.Long[2, 1_000_000].Array[6], Gen.Int[0, 4], GenStep.List[1, 30], Gen.Int[0, 1000]).Sample(
            (weights, rule, steps, cutSeed) =>
            {
                var electorate = new Electorate(
                    [.. weights.Select((w, i) => Voter(i + 1, weight: w, chamber: i < 3 ? "civil" : "donors", subChamber: i < 3 ? (i == 0 ? "national" : "local") : null, veto: i % 2 == 0))],
                    [new Chamber("civil", 3, [new SubChamber("national", 1), new SubChamber("local", 1)]), new Chamber("donors", 2)]);
                var proposal = Discussed(RuleNamed(RuleNames[rule]));
                proposal.OpenVoting(electorate, ChairActor, Start);
                var history = proposal.DequeueUncommittedEvents().ToList();
                var now = Start;
                foreach (var (kind, member, holder, stance) in steps)
                {
                    now += Duration.FromMinutes(1);
                    try
                    {
                        switch (kind)
                        {
                            case Kind.Cast:
                                proposal.CastBallot(Partner(member), stance, "A reason.", For(member), now);
                                break;
                            case Kind.Grant:
                                proposal.GrantProxy(Partner(member), Person(holder), Partner(holder), For(member), now);
                                break;
                            case Kind.ByProxy:
                                proposal.CastBallot(Partner(member), stance, "A reason.", Actor.Representing(Person(holder), Partner(member)), now);
                                break;
                            default:
                                proposal.DeclareConflictOfInterest(Partner(member), "An interest.", For(member), now);
                                break;
                        }
                    }
                    catch (CoalitionRuleException)
                    {
                    }

                    history.AddRange(proposal.DequeueUncommittedEvents());
                    AssertRunningEqualsFresh(proposal);
                }

                var restored = RestoredAt(history, 3 + (cutSeed % (history.Count - 2)));
                AssertRunningEqualsFresh(restored);
                Assert.Equal(ObservableState(Proposal.Rehydrate(history)), ObservableState(restored));
            },
            iter: 30);
    }

    private static string ObservableState(Proposal proposal) => Kit.ObservableState.Of(proposal);

    /// <summary>The proposal restored from a snapshot of its first <paramref name="cut"/> events, with the rest replayed after it.</summary>
    private static Proposal RestoredAt(List<IDomainEvent> history, int cut)
    {
        var prefix = Proposal.Rehydrate(history.Take(cut));
        var restored = (Proposal)Proposal.Snapshots.Restore(Proposal.Snapshots.Take(prefix), prefix.Version);
        ((IReplayable)restored).ReplayTail(history.Skip(cut));
        Assert.Equal(history.Count, restored.Version);
        return restored;
    }

    private static void AssertRunningEqualsFresh(Proposal proposal)
    {
        var rule = proposal.CurrentRule;
        var voting = proposal.Electorate!.Without(proposal.Recused.ToHashSet());
        var ballots = proposal.Ballots.Select(b => new Ballot(b.Voter, b.Stance, b.ByProxy)).ToArray();
        foreach (Stance? casting in rule.CastingVote ? [null, Stance.Support, Stance.Oppose] : new Stance?[] { null })
        {
            var fresh = DecisionTally.Evaluate(rule, voting, ballots, proposal.Present, casting);
            AssertSame(fresh, proposal.PreviewOutcome(casting));
        }

        Assert.Equal(DecisionTally.IsSettled(rule, voting, ballots, proposal.Present), proposal.IsSettled());
    }

    private static void AssertSame(DecisionOutcome expected, DecisionOutcome actual)
    {
        Assert.Equal(expected with { Chambers = [], Conditions = [], Vetoes = [], Objections = [] }, actual with { Chambers = [], Conditions = [], Vetoes = [], Objections = [] });
        Assert.Equal(expected.Chambers, actual.Chambers);
        Assert.Equal(expected.Conditions, actual.Conditions);
        Assert.Equal(expected.Vetoes, actual.Vetoes);
        Assert.Equal(expected.Objections, actual.Objections);
    }
}
