using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using CsCheck;
using NodaTime;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>
/// A proposal keeps running totals per chamber, sub-chamber and stance as ballots are cast, changed, replaced and voided,
/// and closes a round from them without looking at the ballots. Random histories (own ballots, proxies given, revoked and
/// used, a member's own ballot replacing its proxy's, recusals, attendance, amendments and fallback rounds) check that
/// the running outcome is always the outcome a fresh tally of the current ballots gives.
/// </summary>
public class IncrementalTallyPropertyTests
{
    private const int Voters = 6;

    private static readonly Stance[] AllStances = [Stance.Support, Stance.Oppose, Stance.Abstain, Stance.StandAside, Stance.Block, Stance.Object];

    private enum Kind
    {
        Own,
        Grant,
        ByProxy,
        Revoke,
        Recuse,
        Attend,
        Amend,
        Close,
    }

    private sealed record Step(Kind Kind, int Member, int Person, Stance Stance, int Mask);

    private static readonly Gen<Step> GenStep = Gen.Select(
        Gen.Frequency(
            (8, Gen.Const(Kind.Own)),
            (3, Gen.Const(Kind.Grant)),
            (5, Gen.Const(Kind.ByProxy)),
            (1, Gen.Const(Kind.Revoke)),
            (1, Gen.Const(Kind.Recuse)),
            (1, Gen.Const(Kind.Attend)),
            (1, Gen.Const(Kind.Amend)),
            (1, Gen.Const(Kind.Close))),
        Gen.Int[1, Voters],
        Gen.Int[1, Voters],
        Gen.Int[0, AllStances.Length - 1],
        Gen.Int[0, (1 << Voters) - 1])
        .Select((kind, member, person, stance, mask) => new Step(kind, member, person, AllStances[stance], mask));

    private static readonly Gen<DecisionRule> GenRule = Gen.Select(Gen.Int[0, 6], Gen.Bool, Gen.Bool, Gen.Bool).Select((method, veto, quorum, fallback) =>
    {
        var rule = method switch
        {
            0 => DecisionRule.SimpleMajority().WithCastingVote(),
            1 => DecisionRule.MajorityVote(PassCondition.AtLeast(Fraction.Half, VoteBase.Electorate), PassCondition.AtLeast(Fraction.TwoThirds, VoteBase.Electorate, Measure.Weight)).WithBlockingMinority(2),
            2 => DecisionRule.ChamberVote(PassCondition.MoreThan(Fraction.Half, VoteBase.VotesCast), PassCondition.AtLeast(Fraction.TwoThirds, VoteBase.Electorate, Measure.Weight)),
            3 => DecisionRule.ChamberVote(null, PassCondition.MoreThan(Fraction.Half, VoteBase.Present)).WithQuorum(QuorumRule.OfMembersPresent(Fraction.Half)),
            4 => DecisionRule.Consensus(new StandAsideLimit(1, null)),
            5 => DecisionRule.Consent(),
            _ => DecisionRule.MajorityVote(PassCondition.MoreThan(Fraction.Half, VoteBase.VotesCast, Measure.Weight)),
        };
        rule = quorum && method != 3 ? rule.WithQuorum(QuorumRule.OfWeight(Fraction.Half)) : rule;
        rule = veto ? rule.WithVeto() : rule;
        rule = rule.WithProxies(2, countTowardQuorum: !quorum);
        return fallback ? rule.WithFallback(DecisionRule.SimpleMajority().WithProxies(2).WithVeto()) : rule;
    });

    private static readonly Gen<Electorate> GenElectorate = Gen.Select(Gen.Int[0, 5], Gen.Bool, Gen.Int[0, 2]).Array[Voters].Select(specs =>
        new Electorate(
            specs.Select((spec, i) => Voter(
                i + 1,
                weight: spec.Item1,
                chamber: spec.Item3 == 2 ? "B" : "A",
                subChamber: spec.Item3 < 2 ? (spec.Item3 == 0 ? "north" : "south") : null,
                veto: spec.Item2)).ToArray(),
            [new Chamber("A", 2, [new SubChamber("north", 1), new SubChamber("south", 3)]), new Chamber("B", 1)]));

    [Fact]
    public void The_running_tally_always_equals_a_fresh_tally_of_the_current_ballots()
    {
        Gen.Select(GenRule, GenElectorate, GenStep.List[1, 40]).Sample(
            (rule, electorate, steps) =>
            {
                var proposal = Discussed(rule);
                proposal.OpenVoting(electorate, ChairActor, Start);
                var history = proposal.DequeueUncommittedEvents().ToList();
                var now = Start;
                foreach (var step in steps)
                {
                    now += Duration.FromMinutes(1);
                    now = Run(proposal, step, now);
                    history.AddRange(proposal.DequeueUncommittedEvents());
                    Check(proposal);
                }

                // A proposal restored from its snapshot, and one replayed from its events, keep the same running tally.
                var restored = (Proposal)Proposal.Snapshots.Restore(Proposal.Snapshots.Take(proposal), proposal.Version);
                Check(restored);
                Check(Proposal.Rehydrate(history));
            },
            iter: 400);
    }

    private static void Check(Proposal proposal)
    {
        var rule = proposal.CurrentRule;
        if (rule.NeedsAttendance && proposal.Present is null)
        {
            return;
        }

        var voting = proposal.Electorate!.Without(proposal.Recused.ToHashSet());
        var ballots = proposal.Ballots.Select(b => new Ballot(b.Voter, b.Stance, b.ByProxy)).ToArray();
        foreach (Stance? casting in rule.CastingVote ? [null, Stance.Support, Stance.Oppose] : new Stance?[] { null })
        {
            AssertSame(DecisionTally.Evaluate(rule, voting, ballots, proposal.Present, casting), proposal.PreviewOutcome(casting));
        }

        Assert.Equal(DecisionTally.IsSettled(rule, voting, ballots, proposal.Present), proposal.IsSettled());
    }

    private static void AssertSame(DecisionOutcome fresh, DecisionOutcome running)
    {
        Assert.Equal(fresh with { Chambers = [], Conditions = [], Vetoes = [], Objections = [] }, running with { Chambers = [], Conditions = [], Vetoes = [], Objections = [] });
        Assert.Equal(fresh.Chambers, running.Chambers);
        Assert.Equal(fresh.Conditions, running.Conditions);
        Assert.Equal(fresh.Vetoes, running.Vetoes);
        Assert.Equal(fresh.Objections, running.Objections);
    }

    private static Instant Run(Proposal proposal, Step s, Instant at)
    {
        try
        {
            switch (s.Kind)
            {
                case Kind.Own:
                    proposal.CastBallot(Partner(s.Member), s.Stance, "A reason.", For(s.Member), at);
                    break;
                case Kind.Grant:
                    proposal.GrantProxy(Partner(s.Member), Person(s.Person), Partner(s.Person), For(s.Member), at);
                    break;
                case Kind.ByProxy:
                    proposal.CastBallot(Partner(s.Member), s.Stance, "A reason.", Actor.Representing(Person(s.Person), Partner(s.Member)), at);
                    break;
                case Kind.Revoke:
                    proposal.RevokeProxy(Partner(s.Member), For(s.Member), at);
                    break;
                case Kind.Recuse:
                    proposal.DeclareConflictOfInterest(Partner(s.Member), "It is a grantee.", For(s.Member), at);
                    break;
                case Kind.Attend:
                    proposal.RecordAttendance(Enumerable.Range(1, Voters).Where(n => (s.Mask & (1 << (n - 1))) != 0).Select(Partner), ChairActor, at);
                    break;
                case Kind.Amend:
                    proposal.Revise("An amended text.", null, For(1), at);
                    break;
                default:
                    if (proposal.Deadline is { } deadline && proposal.Status == ProposalStatus.Voting)
                    {
                        proposal.Close(ChairActor, deadline, proposal.CurrentRule.CastingVote ? s.Stance is Stance.Support ? Stance.Support : Stance.Oppose : null);
                        return deadline;
                    }

                    break;
            }
        }
        catch (CoalitionRuleException)
        {
        }

        return at;
    }
}
