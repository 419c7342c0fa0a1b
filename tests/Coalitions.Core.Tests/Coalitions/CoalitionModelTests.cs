using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using CsCheck;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Coalitions;

/// <summary>
/// Random command sequences against small reference models of the membership and coalition lifecycles: the
/// aggregate accepts exactly what the model accepts, refusals change nothing, and the events rebuild the state.
/// </summary>
public class CoalitionModelTests
{
    private static readonly LocalDate FirstDay = new(2026, 3, 2);

    private enum MemberCommand
    {
        Invite,
        Accept,
        Decline,
        Suspend,
        Reinstate,
        Renew,
        Withdraw,
        Expel,
    }

    private enum StageCommand
    {
        BeginForming,
        AdoptCharter,
        Activate,
        GoDormant,
        Revive,
        Institutionalize,
        RenewCharter,
        BeginDissolution,
        CompleteDissolution,
    }

    [Fact]
    public void A_membership_follows_its_lifecycle_on_any_sequence_of_dated_commands()
    {
        var steps = Gen.Select(Gen.Enum<MemberCommand>(), Gen.Int[0, 120], Gen.Bool).List[1, 25];
        steps.Sample(
            list =>
            {
                var coalition = ActiveWith(founders: 3);
                var history = coalition.DequeueUncommittedEvents().ToList();
                var model = new MemberModel();
                var day = FirstDay;
                foreach (var (command, gap, proper) in list)
                {
                    day = day.PlusDays(gap);
                    var at = OnDate(day.Year, day.Month, day.Day);
                    var version = coalition.Version;
                    var expected = model.Accepts(command, day, proper);
                    var accepted = Run(coalition, command, proper, at);
                    if (accepted != expected || (accepted ? coalition.Version <= version : coalition.Version != version))
                    {
                        return false;
                    }

                    if (accepted)
                    {
                        model.Apply(command, day);
                    }

                    history.AddRange(coalition.DequeueUncommittedEvents());
                    var status = coalition.TryGetMembership(Partner(4), out var membership) ? membership.StatusOn(day) : (MembershipStatus?)null;
                    if (status != model.StatusOn(day) || (membership is not null && membership.TermEndsOn != model.TermEnd))
                    {
                        return false;
                    }
                }

                var rebuilt = Coalition.Rehydrate(history);
                rebuilt.TryGetMembership(Partner(4), out var copy);
                coalition.TryGetMembership(Partner(4), out var original);
                return rebuilt.Version == coalition.Version && copy?.StatusOn(day) == original?.StatusOn(day) && copy?.TermEndsOn == original?.TermEndsOn;
            },
            iter: 300);
    }

    [Fact]
    public void A_coalition_moves_through_its_stages_only_as_its_lifecycle_allows()
    {
        Gen.Select(Gen.Enum<StageCommand>(), Gen.Bool).List[1, 20].Sample(
            list =>
            {
                var coalition = Founded();
                for (var m = 1; m <= 3; m++)
                {
                    coalition.Join(m);
                }

                var model = new StageModel();
                var hour = 0;
                foreach (var (command, proper) in list)
                {
                    var version = coalition.Version;
                    var expected = model.Accepts(command, proper);
                    var accepted = Run(coalition, command, proper, Hours(++hour));
                    if (accepted != expected || (accepted ? coalition.Version <= version : coalition.Version != version))
                    {
                        return false;
                    }

                    if (accepted)
                    {
                        model.Apply(command);
                    }

                    if (coalition.Status != model.Status)
                    {
                        return false;
                    }
                }

                return Coalition.Rehydrate(coalition.DequeueUncommittedEvents()).Status == coalition.Status;
            },
            iter: 300);
    }

    private static bool Run(Coalition coalition, MemberCommand command, bool proper, Instant at)
    {
        var partner = Partner(4);
        var delegateOrNot = proper ? For(4) : For(2);
        var decision = (MatterType matter) => proper ? Adopted(matter) : Adopted(matter, result: DecisionResult.Rejected);
        return Attempt(() =>
        {
            switch (command)
            {
                case MemberCommand.Invite: coalition.Invite(4, MembershipTier.Full, at); break;
                case MemberCommand.Accept: coalition.AcceptMembership(partner, delegateOrNot, at); break;
                case MemberCommand.Decline: coalition.DeclineInvitation(partner, null, delegateOrNot, at); break;
                case MemberCommand.Suspend: coalition.Suspend(partner, decision(MatterType.SuspendMember), Secretariat, at); break;
                case MemberCommand.Reinstate: coalition.Reinstate(partner, null, Secretariat, at); break;
                case MemberCommand.Renew: coalition.Renew(partner, Secretariat, at); break;
                case MemberCommand.Withdraw: coalition.Withdraw(partner, null, delegateOrNot, at); break;
                default: coalition.Expel(partner, decision(MatterType.ExpelMember), Secretariat, at); break;
            }
        });
    }

    private static bool Run(Coalition coalition, StageCommand command, bool proper, Instant at)
    {
        var decision = (MatterType matter) => proper ? Adopted(matter) : Adopted(matter, CoalitionId.New());
        return Attempt(() =>
        {
            switch (command)
            {
                case StageCommand.BeginForming: coalition.BeginForming(Secretariat, at); break;
                case StageCommand.AdoptCharter: coalition.AdoptCharter(Charter(), proper ? Adopted(MatterType.AmendCharter) : null, Secretariat, at); break;
                case StageCommand.Activate: coalition.Activate(Secretariat, at); break;
                case StageCommand.GoDormant: coalition.GoDormant(null, Secretariat, at); break;
                case StageCommand.Revive: coalition.Revive(Secretariat, at); break;
                case StageCommand.Institutionalize: coalition.Institutionalize(Secretariat, at); break;
                case StageCommand.RenewCharter: coalition.BeginCharterRenewal(decision(MatterType.AmendCharter), Secretariat, at); break;
                case StageCommand.BeginDissolution: coalition.BeginDissolution(decision(MatterType.Dissolve), Secretariat, at); break;
                default: coalition.CompleteDissolution(Secretariat, at); break;
            }
        });
    }

    private static bool Attempt(Action command)
    {
        try
        {
            command();
            return true;
        }
        catch (CoalitionRuleException)
        {
            return false;
        }
    }

    private sealed class MemberModel
    {
        private MembershipStatus? _recorded;

        public LocalDate? TermEnd { get; private set; }

        public MembershipStatus? StatusOn(LocalDate day) =>
            _recorded == MembershipStatus.Active && day > TermEnd!.Value.PlusMonths(3) ? MembershipStatus.Lapsed : _recorded;

        public bool Accepts(MemberCommand command, LocalDate day, bool proper)
        {
            var status = StatusOn(day);
            return command switch
            {
                MemberCommand.Invite => status is null or MembershipStatus.Withdrawn,
                MemberCommand.Accept or MemberCommand.Decline => proper && status == MembershipStatus.Invited,
                MemberCommand.Suspend => proper && status == MembershipStatus.Active,
                MemberCommand.Reinstate => status == MembershipStatus.Suspended,
                MemberCommand.Renew => status is MembershipStatus.Active or MembershipStatus.Lapsed,
                MemberCommand.Withdraw => proper && status is MembershipStatus.Active or MembershipStatus.Suspended or MembershipStatus.Lapsed,
                _ => proper && status is MembershipStatus.Active or MembershipStatus.Suspended,
            };
        }

        public void Apply(MemberCommand command, LocalDate day)
        {
            switch (command)
            {
                case MemberCommand.Invite: _recorded = MembershipStatus.Invited; TermEnd = null; break;
                case MemberCommand.Accept: _recorded = MembershipStatus.Active; TermEnd = day.PlusYears(1).PlusDays(-1); break;
                case MemberCommand.Suspend: _recorded = MembershipStatus.Suspended; break;
                case MemberCommand.Reinstate: _recorded = MembershipStatus.Active; break;
                case MemberCommand.Renew:
                    TermEnd = StatusOn(day) == MembershipStatus.Lapsed ? day.PlusYears(1).PlusDays(-1) : TermEnd!.Value.PlusDays(1).PlusYears(1).PlusDays(-1);
                    break;
                case MemberCommand.Expel: _recorded = MembershipStatus.Expelled; break;
                default: _recorded = MembershipStatus.Withdrawn; break;
            }
        }
    }

    private sealed class StageModel
    {
        private bool _charter;

        public CoalitionStatus Status { get; private set; } = CoalitionStatus.Exploring;

        private bool Established => Status is CoalitionStatus.Active or CoalitionStatus.Dormant or CoalitionStatus.Institutionalized;

        public bool Accepts(StageCommand command, bool proper) => command switch
        {
            StageCommand.BeginForming => Status == CoalitionStatus.Exploring,
            StageCommand.AdoptCharter => Status is CoalitionStatus.Exploring or CoalitionStatus.Forming || (Established && proper),
            StageCommand.Activate => Status == CoalitionStatus.Forming && _charter,
            StageCommand.GoDormant or StageCommand.Institutionalize => Status == CoalitionStatus.Active,
            StageCommand.Revive => Status == CoalitionStatus.Dormant,
            StageCommand.RenewCharter or StageCommand.BeginDissolution => Established && proper,
            _ => Status == CoalitionStatus.Dissolving,
        };

        public void Apply(StageCommand command)
        {
            Status = command switch
            {
                StageCommand.BeginForming or StageCommand.RenewCharter => CoalitionStatus.Forming,
                StageCommand.Activate or StageCommand.Revive => CoalitionStatus.Active,
                StageCommand.GoDormant => CoalitionStatus.Dormant,
                StageCommand.Institutionalize => CoalitionStatus.Institutionalized,
                StageCommand.BeginDissolution => CoalitionStatus.Dissolving,
                StageCommand.CompleteDissolution => CoalitionStatus.Dissolved,
                _ => Status,
            };
            _charter |= command == StageCommand.AdoptCharter;
        }
    }
}
