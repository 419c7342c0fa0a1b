using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using CsCheck;
using NodaTime;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>
/// Random command sequences against a small reference model of a proposal in voting: the aggregate accepts
/// exactly what the model accepts, a refused command changes nothing (version, uncommitted events, observable state),
/// and the event stream rebuilds the same state.
/// </summary>
public class ProposalModelTests
{
    private const int Voters = 4;
    private const int DeadlineHours = 48;

    private enum Kind
    {
        Cast,
        Declare,
        Close,
        Withdraw,
    }

    private sealed record Command(Kind Kind, int Member, int ActingFor, Stance Stance, int Hour);

    private sealed class Model(bool finalBallots)
    {
        public ProposalStatus Status { get; set; } = ProposalStatus.Voting;

        public Dictionary<int, Stance> Ballots { get; } = [];

        public HashSet<int> Recused { get; } = [];

        public bool Accepts(Command c) => c.Kind switch
        {
            Kind.Cast => Status == ProposalStatus.Voting && c.Hour < DeadlineHours && c.Member <= Voters && !Recused.Contains(c.Member)
                && c.ActingFor == c.Member && c.Stance is Stance.Support or Stance.Oppose or Stance.Abstain
                && !(finalBallots && Ballots.ContainsKey(c.Member)),
            Kind.Declare => Status == ProposalStatus.Voting && c.Member <= Voters && c.ActingFor == c.Member && !Recused.Contains(c.Member),
            Kind.Close => Status == ProposalStatus.Voting && c.ActingFor == 0
                && (c.Hour >= DeadlineHours || Ballots.Count == Voters - Recused.Count),
            _ => Status == ProposalStatus.Voting && c.ActingFor == 1,
        };

        public void Apply(Command c)
        {
            switch (c.Kind)
            {
                case Kind.Cast:
                    Ballots[c.Member] = c.Stance;
                    break;
                case Kind.Declare:
                    Recused.Add(c.Member);
                    Ballots.Remove(c.Member);
                    break;
                case Kind.Close:
                    Status = ProposalStatus.Closed;
                    break;
                default:
                    Status = ProposalStatus.Withdrawn;
                    break;
            }
        }
    }

    private static readonly Gen<Command> GenCommand = Gen.Select(
        Gen.Frequency((8, Gen.Const(Kind.Cast)), (1, Gen.Const(Kind.Declare)), (2, Gen.Const(Kind.Close)), (1, Gen.Const(Kind.Withdraw))),
        Gen.Int[1, Voters + 1],
        Gen.Int[0, 3],
        Gen.Enum<Stance>(),
        Gen.Int[0, DeadlineHours + 4])
        .Select((kind, member, who, stance, hour) =>
            new Command(kind, member, who switch { 0 => 0, 1 => 1, 2 => member, _ => (member % Voters) + 1 }, stance, hour));

    [Fact]
    public void A_proposal_accepts_exactly_what_the_rules_allow_and_refusals_change_nothing()
    {
        Gen.Select(GenCommand.List[1, 30], Gen.Bool).Sample(
            (commands, finalBallots) =>
            {
                var rule = DecisionRule.SimpleMajority().WithVotingPeriod(Duration.FromHours(DeadlineHours));
                rule = finalBallots ? rule.WithFinalBallots() : rule;
                var proposal = Voting(rule, Members(Voters));
                var history = proposal.DequeueUncommittedEvents().ToList();
                var model = new Model(finalBallots);
                foreach (var command in commands)
                {
                    var version = proposal.Version;
                    var expected = model.Accepts(command);
                    // What a host can observe is described only before a step the model refuses: a step it accepts
                    // fails the property already if the proposal refuses it.
                    var state = expected ? null : ObservableState.Of(proposal);
                    var accepted = Run(proposal, command);
                    if (accepted != expected || (accepted ? proposal.Version <= version : proposal.Version != version))
                    {
                        return false;
                    }

                    // A refusal leaves nothing behind: no event waiting to be stored and nothing a host could observe.
                    if (!accepted && (proposal.HasUncommittedEvents || ObservableState.Of(proposal) != state))
                    {
                        return false;
                    }

                    if (accepted)
                    {
                        model.Apply(command);
                    }

                    history.AddRange(proposal.DequeueUncommittedEvents());
                    if (proposal.Status != model.Status ||
                        !proposal.Ballots.Select(b => (b.Voter, b.Stance)).ToHashSet().SetEquals(model.Ballots.Select(b => (Partner(b.Key), b.Value))))
                    {
                        return false;
                    }
                }

                var rebuilt = Proposal.Rehydrate(history);
                return rebuilt.Version == proposal.Version && rebuilt.Status == proposal.Status &&
                       rebuilt.Ballots.ToHashSet().SetEquals(proposal.Ballots) && rebuilt.Outcome == proposal.Outcome;
            },
            iter: 400);
    }

    private static bool Run(Proposal proposal, Command c)
    {
        var actor = c.ActingFor == 0 ? ChairActor : For(c.ActingFor);
        try
        {
            switch (c.Kind)
            {
                case Kind.Cast:
                    proposal.CastBallot(Partner(c.Member), c.Stance, "reason", actor, Hours(c.Hour));
                    break;
                case Kind.Declare:
                    proposal.DeclareConflictOfInterest(Partner(c.Member), "interest", actor, Hours(c.Hour));
                    break;
                case Kind.Close:
                    proposal.Close(actor, Hours(c.Hour));
                    break;
                default:
                    proposal.Withdraw(null, actor, Hours(c.Hour));
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
