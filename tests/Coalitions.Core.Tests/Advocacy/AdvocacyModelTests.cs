using Coalitions.Core.Advocacy;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;
using Coalitions.Core.Tests.Kit;
using CsCheck;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Advocacy;

/// <summary>
/// Random command sequences against reference models: a position accepts exactly what its lifecycle allows and its
/// version in effect at every instant is the last adopted before it; a statement's endorsers at any instant are those
/// given and not yet withdrawn; refused commands change nothing; the events rebuild the same aggregate.
/// </summary>
public class AdvocacyModelTests
{
    private enum PositionStep
    {
        Revise,
        Adopt,
        Publish,
        Withdraw,
        Retire,
        Reserve,
        Unreserve,
    }

    [Fact]
    public void A_position_follows_its_lifecycle_and_its_version_in_effect_is_the_last_adopted()
    {
        Gen.Select(Gen.Enum<PositionStep>(), Gen.Int[4, 6], Gen.Bool).List[1, 20].Sample(
            steps =>
            {
                var position = DraftedPosition();
                var history = position.DequeueUncommittedEvents().ToList();
                var model = new PositionModel();
                var hour = 0;
                var proposal = 100;
                foreach (var (step, member, coordinator) in steps)
                {
                    hour++;
                    var at = Hours(hour);
                    var version = position.Version;
                    var expected = model.Accepts(step, member, coordinator);
                    var accepted = Run(position, step, member, coordinator, at, ++proposal);
                    if (accepted != expected || (accepted ? position.Version <= version : position.Version != version))
                    {
                        return false;
                    }

                    if (accepted)
                    {
                        model.Apply(step, member, coordinator, at);
                    }

                    history.AddRange(position.DequeueUncommittedEvents());
                    if (position.Status != model.Status || position.Current?.Number != model.Current || position.Pending is not null != model.Pending ||
                        position.Reservations.Count != model.Reservations.Count)
                    {
                        return false;
                    }
                }

                for (var h = 0; h <= hour; h++)
                {
                    if (position.VersionAt(Hours(h) + Duration.FromMinutes(30))?.Number != model.InEffectAt(Hours(h) + Duration.FromMinutes(30)))
                    {
                        return false;
                    }
                }

                var rebuilt = PolicyPosition.Rehydrate(history.Select(CoalitionsJson.SerializeEvent).Select(CoalitionsJson.DeserializeEvent));
                return ObservableState.Of(rebuilt) == ObservableState.Of(position);
            },
            iter: 120);
    }

    [Fact]
    public void A_statements_endorsers_at_any_instant_are_those_given_and_not_yet_withdrawn()
    {
        Gen.Select(Gen.Int[1, 9], Gen.Bool).List[1, 25].Sample(
            steps =>
            {
                var statement = OpenStatement();
                var given = new Dictionary<int, (EndorsementId Id, Instant From, Instant? Until)>();
                var timeline = new List<(Instant At, HashSet<int> Endorsers)>();
                var hour = 2;
                foreach (var (member, endorse) in steps)
                {
                    hour++;
                    var at = Hours(hour);
                    var standing = given.TryGetValue(member, out var g) && g.Until is null;
                    try
                    {
                        if (endorse)
                        {
                            var id = EndorsementId.New();
                            statement.Endorse(id, Organization(member), $"Representative {member}", null, Nine, For(member), at);
                            if (standing)
                            {
                                return false;
                            }

                            given[member] = (id, at, null);
                        }
                        else
                        {
                            if (!given.TryGetValue(member, out var e))
                            {
                                continue;
                            }

                            statement.WithdrawEndorsement(e.Id, null, Nine, For(member), at, Organization(member));
                            if (!standing)
                            {
                                return false;
                            }

                            given[member] = e with { Until = at };
                        }
                    }
                    catch (CoalitionRuleException refused) when (refused.Has(ErrorCodes.Advocacy.Duplicate) || refused.Has(ErrorCodes.Advocacy.EndorsementSettled))
                    {
                        if (endorse != standing)
                        {
                            return false;
                        }
                    }

                    timeline.Add((at, given.Where(x => x.Value.Until is null).Select(x => x.Key).ToHashSet()));
                }

                return timeline.All(point => statement.EndorsersAt(point.At).Select(e => int.Parse(e.Endorser.Organization[7..], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet().SetEquals(point.Endorsers));
            },
            iter: 120);
    }

    private static bool Run(PolicyPosition position, PositionStep step, int member, bool coordinator, Instant at, int proposal)
    {
        var by = coordinator ? Secretariat : For(member);
        try
        {
            switch (step)
            {
                case PositionStep.Revise: position.Revise("Title at " + at, "Text at " + at, Nine, by, at); break;
                case PositionStep.Adopt: position.Adopt(Decided(MatterType.AdoptPolicyPosition, proposal, at), Nine, by, at); break;
                case PositionStep.Publish: position.Publish(Nine, by, at); break;
                case PositionStep.Withdraw: position.Withdraw(null, Nine, by, at); break;
                case PositionStep.Retire: position.Retire(Decided(MatterType.AdoptPolicyPosition, proposal, at), "Done.", Nine, by, at); break;
                case PositionStep.Reserve: position.RecordReservation(Partner(member), "No.", Nine, For(member), at); break;
                default: position.WithdrawReservation(Partner(member), Nine, For(member), at); break;
            }

            return true;
        }
        catch (CoalitionRuleException)
        {
            return false;
        }
    }

    private sealed class PositionModel
    {
        private readonly List<(int Version, Instant At)> _adoptions = [];
        private int? _drafter = 4;
        private int _versions = 1;
        private Instant? _retired;

        public PositionStatus Status { get; private set; } = PositionStatus.Draft;

        public int? Current { get; private set; }

        public bool Pending { get; private set; } = true;

        public HashSet<int> Reservations { get; } = [];

        private bool InEffect => Status is PositionStatus.Adopted or PositionStatus.Published;

        public bool Accepts(PositionStep step, int member, bool coordinator) => step switch
        {
            PositionStep.Revise => Status is not (PositionStatus.Retired or PositionStatus.Withdrawn) && (coordinator || (Pending ? _drafter == member : InEffect)),
            PositionStep.Adopt => coordinator && Pending,
            PositionStep.Publish => coordinator && Status == PositionStatus.Adopted,
            PositionStep.Withdraw => Pending && (coordinator || _drafter == member),
            PositionStep.Retire => coordinator && InEffect,
            PositionStep.Reserve => InEffect && !Reservations.Contains(member),
            _ => InEffect && Reservations.Contains(member),
        };

        public void Apply(PositionStep step, int member, bool coordinator, Instant at)
        {
            switch (step)
            {
                case PositionStep.Revise when !Pending:
                    Pending = true;
                    _versions++;
                    _drafter = coordinator ? null : member;
                    break;
                case PositionStep.Revise:
                    break;
                case PositionStep.Adopt:
                    Current = _versions;
                    _adoptions.Add((_versions, at));
                    Pending = false;
                    Status = PositionStatus.Adopted;
                    Reservations.Clear();
                    break;
                case PositionStep.Publish:
                    Status = PositionStatus.Published;
                    break;
                case PositionStep.Withdraw:
                    Pending = false;
                    Status = Current is null ? PositionStatus.Withdrawn : Status;
                    break;
                case PositionStep.Retire:
                    Pending = false;
                    Status = PositionStatus.Retired;
                    Current = null;
                    _retired = at;
                    Reservations.Clear();
                    break;
                case PositionStep.Reserve:
                    Reservations.Add(member);
                    break;
                default:
                    Reservations.Remove(member);
                    break;
            }
        }

        public int? InEffectAt(Instant at) =>
            _retired is { } retired && retired <= at ? null : _adoptions.LastOrDefault(a => a.At <= at) is { Version: > 0 } last ? last.Version : null;
    }
}
