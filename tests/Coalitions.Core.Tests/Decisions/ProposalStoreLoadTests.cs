using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Storage;
using Coalitions.Core.Tests.Kit;
using CsCheck;
using NodaTime;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>
/// The aggregate store applies a proposal's stored ballots in the writer's most common layout straight from their text,
/// without an event object each. What it loads is what replay rebuilds from the events themselves: the same state, or
/// the same refusal at the same event in the same words, whatever a host stored.
/// </summary>
public class ProposalStoreLoadTests
{
    private const int Voters = 4;
    private const int DeadlineHours = 48;
    private static readonly ProposalId Id = ProposalNumber(1);
    private static readonly string Stream = AggregateType.Of<Proposal>().StreamNameFor(Id);

    private enum Kind
    {
        Cast,
        Declare,
        Close,
    }

    private sealed record Step(Kind Kind, int Member, Stance Stance, bool Reason, int Hour);

    /// <summary>
    /// A ballot a host might store: any round, voter, stance, time or proposal; cast by the voter's representative (0), by
    /// another person in the voter's name (1), or by another member's representative (2, a layout read the general way).
    /// </summary>
    private sealed record Forged(int Place, bool OtherProposal, int Round, int Voter, Stance Stance, int Hour, bool HalfSecond, int Caster);

    private static readonly Gen<Step> GenStep = Gen.Select(
        Gen.Frequency((8, Gen.Const(Kind.Cast)), (1, Gen.Const(Kind.Declare)), (1, Gen.Const(Kind.Close))),
        Gen.Int[1, Voters],
        Gen.OneOfConst(Stance.Support, Stance.Oppose, Stance.Abstain),
        Gen.Int[0, 3].Select(n => n == 0),
        Gen.Int[0, DeadlineHours + 2])
        .Select((kind, member, stance, reason, hour) => new Step(kind, member, stance, reason, hour));

    // Mostly ballots that could follow (the open round, a voter, a stance the rule takes, a time within the window), so
    // that each of replay's checks is met often enough to be tested: the window's edges, other rounds, other stances.
    private static readonly Gen<Forged> GenForged = Gen.Select(
        Gen.Int[0, 40],
        Gen.Int[0, 9].Select(n => n == 0),
        Gen.Frequency((6, Gen.Const(1)), (1, Gen.Const(0)), (1, Gen.Const(2))),
        Gen.Int[1, Voters + 1],
        Gen.Frequency((4, Gen.OneOfConst(Stance.Support, Stance.Oppose, Stance.Abstain)), (1, Gen.Enum<Stance>())),
        Gen.Frequency((6, Gen.Int[0, DeadlineHours - 1]), (1, Gen.Const(-1)), (1, Gen.Const(DeadlineHours)), (1, Gen.Const(DeadlineHours + 1))),
        Gen.Int[0, 9].Select(n => n == 0),
        Gen.Frequency((8, Gen.Const(0)), (1, Gen.Const(1)), (1, Gen.Const(2))))
        .Select((place, other, round, voter, stance, hour, half, caster) => new Forged(place, other, round, voter, stance, hour, half, caster));

    [Fact]
    public void A_proposal_the_store_loads_from_stored_text_is_the_one_replay_rebuilds_from_its_events_whatever_ballots_a_host_stored()
    {
        Gen.Select(GenStep.List[0, 25], GenForged.List[0, 2], Gen.Bool).Sample(
            (steps, forged, finalBallots) =>
            {
                var rule = DecisionRule.SimpleMajority().WithVotingPeriod(Duration.FromHours(DeadlineHours));
                var proposal = Voting(finalBallots ? rule.WithFinalBallots() : rule, Members(Voters));
                foreach (var step in steps)
                {
                    Run(proposal, step);
                }

                var history = proposal.DequeueUncommittedEvents().ToList();
                foreach (var ballot in forged)
                {
                    history.Insert(Math.Min(ballot.Place, history.Count), Forge(ballot));
                }

                return StoreRoundTrip.LoadsAsReplayed(Stream, Proposal.Rehydrate, history);
            },
            iter: 300);
    }

    [Fact]
    public void A_stored_ballot_naming_another_proposal_is_refused_as_replay_refuses_it()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(2));
        var history = proposal.DequeueUncommittedEvents().ToList();
        history.Add(new BallotCast(ProposalNumber(2), 1, Partner(1), Stance.Support, null, Hours(1), For(1)));

        var refusal = StoredHistory.Refused(Proposal.Rehydrate, history.SkipLast(1).ToList(), $"it names {ProposalNumber(2)}, another Proposal than {Id}.", history[^1]);
        Assert.True(StoreRoundTrip.LoadsAsReplayed(Stream, Proposal.Rehydrate, history));
        Assert.Equal(ErrorCodes.Kernel.CorruptHistory, refusal.Code);
    }

    [Fact]
    public void A_stored_history_that_starts_with_a_ballot_is_refused_as_replay_refuses_it()
    {
        IDomainEvent[] history = [new BallotCast(Id, 1, Partner(1), Stance.Support, null, Hours(1), For(1))];

        StoredHistory.Refused(Proposal.Rehydrate, [], "the history must start with the event that creates the aggregate.", history);
        Assert.True(StoreRoundTrip.LoadsAsReplayed(Stream, Proposal.Rehydrate, history));
    }

    private static BallotCast Forge(Forged f) => new(
        f.OtherProposal ? ProposalNumber(2) : Id,
        f.Round,
        Partner(f.Voter),
        f.Stance,
        null,
        Hours(f.Hour) + (f.HalfSecond ? Duration.FromMilliseconds(500) : Duration.Zero),
        f.Caster switch
        {
            0 => For(f.Voter),
            1 => Actor.Representing(Person(f.Voter + 10), Partner(f.Voter)),
            _ => For((f.Voter % Voters) + 1),
        });

    private static void Run(Proposal proposal, Step step)
    {
        try
        {
            switch (step.Kind)
            {
                case Kind.Cast:
                    proposal.CastBallot(Partner(step.Member), step.Stance, step.Reason ? "A reason." : null, For(step.Member), Hours(step.Hour));
                    break;
                case Kind.Declare:
                    proposal.DeclareConflictOfInterest(Partner(step.Member), "An interest.", For(step.Member), Hours(step.Hour));
                    break;
                default:
                    proposal.Close(ChairActor, Hours(step.Hour));
                    break;
            }
        }
        catch (CoalitionRuleException)
        {
            // The steps only shape a history; a refused one leaves none.
        }
    }
}
