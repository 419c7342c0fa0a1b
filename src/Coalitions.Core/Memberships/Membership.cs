using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using NodaTime;
using Stateless;
using Stateless.Graph;

namespace Coalitions.Core.Memberships;

/// <summary>
/// A partner's membership of a coalition: its tier, delegates, weight, term and status. Owned by the
/// <c>Coalition</c> aggregate, which changes it only through events.
/// </summary>
/// <remarks>
/// <para>Lifecycle: Invited → Active ↔ Suspended; Active → Lapsed when the term has ended and the grace period
/// has passed; a lapsed membership is renewed back to Active; Active or Suspended → Withdrawn or Expelled;
/// an invitation may be declined (Withdrawn). Suspension and expulsion cite an adopted decision.</para>
/// <para>Lapsing is computed from dates, never recorded: <see cref="StatusOn"/> gives the status on a date.
/// The state machine is built only when a command needs it, and reads that computed status.</para>
/// </remarks>
public sealed class Membership
{
    private static readonly Lazy<bool[,]> Permitted = new(DrawPermissions);

    private StateMachine<MembershipStatus, MembershipTrigger>? _machine;
    private LocalDate _checkedOn;

    internal Membership(PartnerId partner, string name, MembershipTier tier, IReadOnlyList<PersonId> delegates, long weight, LocalDate invitedOn)
    {
        Partner = partner;
        Name = name;
        Tier = tier;
        Delegates = delegates;
        Weight = weight;
        InvitedOn = invitedOn;
        RecordedStatus = MembershipStatus.Invited;
    }

    internal enum MembershipTrigger
    {
        Accept,
        Decline,
        Suspend,
        Reinstate,
        Renew,
        Withdraw,
        Expel,
        TermExpires,
    }

    /// <summary>Gets the member organization.</summary>
    public PartnerId Partner { get; }

    /// <summary>Gets the member's name, as its profile stated it when it was invited.</summary>
    public string Name { get; }

    /// <summary>Gets the tier.</summary>
    public MembershipTier Tier { get; internal set; }

    /// <summary>Gets the people who represent the member in the coalition: representatives the partner has named.</summary>
    public IReadOnlyList<PersonId> Delegates { get; internal set; }

    /// <summary>Gets the voting weight.</summary>
    public long Weight { get; internal set; }

    /// <summary>Gets the date of the invitation.</summary>
    public LocalDate InvitedOn { get; }

    /// <summary>Gets the date the first term began, once accepted.</summary>
    public LocalDate? JoinedOn { get; internal set; }

    /// <summary>Gets the last day of the current term, once accepted.</summary>
    public LocalDate? TermEndsOn { get; internal set; }

    /// <summary>Gets the grace period after a term.</summary>
    public Period GracePeriod { get; internal set; } = Period.Zero;

    /// <summary>Gets the status as recorded by events; <see cref="StatusOn"/> adds lapsing.</summary>
    public MembershipStatus RecordedStatus { get; internal set; }

    /// <summary>Gets the decision that suspended or expelled the member, if any.</summary>
    public DecisionReference? Decision { get; internal set; }

    /// <summary>The status on a date: an active membership whose term and grace period have passed has lapsed.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The status.</returns>
    public MembershipStatus StatusOn(LocalDate date) =>
        RecordedStatus == MembershipStatus.Active && StandingOn(date) == MembershipStanding.Expired ? MembershipStatus.Lapsed : RecordedStatus;

    /// <summary>Where an accepted membership stands in its term on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The standing; <see langword="null"/> before the membership was accepted.</returns>
    public MembershipStanding? StandingOn(LocalDate date)
    {
        if (JoinedOn is not { } joined || TermEndsOn is not { } end)
        {
            return null;
        }

        if (date > end)
        {
            return date <= end.Plus(GracePeriod) ? MembershipStanding.InGrace : MembershipStanding.Expired;
        }

        return date < joined.PlusMonths(3) ? MembershipStanding.New : MembershipStanding.Current;
    }

    /// <summary>Whether the member holds a right on a date: it must be active (in its term or grace period) and its tier must carry the right.</summary>
    /// <param name="right">The right.</param>
    /// <param name="rights">The coalition's rights table.</param>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when the member may exercise the right.</returns>
    public bool Holds(MemberRights right, RightsTable rights, LocalDate date) =>
        StatusOn(date) == MembershipStatus.Active && Preconditions.CheckNotNull(rights, nameof(rights)).For(Tier).HasFlag(right);

    /// <summary>The membership lifecycle as a Mermaid state diagram, generated from the state machine.</summary>
    /// <returns>The diagram text.</returns>
    public static string LifecycleDiagram() =>
        MermaidGraph.Format(new Membership(PartnerId.New(), "A member", MembershipTier.Full, [], 1, default).Machine(default).GetInfo());

    // No state of the machine guards a trigger, so whether it permits one depends on the status alone. The answers are
    // drawn once from the machine into a table: a membership no longer builds a machine of its own (about 8 KB, and most
    // of the cost of admitting a member) on its first command. Drawing the table refuses a machine with a guard.
    internal bool CanFire(MembershipTrigger trigger, LocalDate on, out ICollection<string> unmet)
    {
        unmet = [];
        return Permitted.Value[(int)StatusOn(on), (int)trigger];
    }

    private StateMachine<MembershipStatus, MembershipTrigger> Machine(LocalDate on)
    {
        _checkedOn = on;
        return _machine ??= Build(() => StatusOn(_checkedOn));
    }

    private static bool[,] DrawPermissions()
    {
        var statuses = Enum.GetValues<MembershipStatus>();
        var triggers = Enum.GetValues<MembershipTrigger>();
        var table = new bool[(int)statuses.Max() + 1, (int)triggers.Max() + 1];
        foreach (var status in statuses)
        {
            var machine = Build(() => status);
            if (machine.GetInfo().States.SelectMany(s => s.FixedTransitions).Any(t => t.GuardConditionsMethodDescriptions.Any()))
            {
                throw new InvalidOperationException("The membership machine has a guard now: CanFire must consult the machine, not a table drawn from the status alone.");
            }

            foreach (var trigger in triggers)
            {
                table[(int)status, (int)trigger] = machine.CanFire(trigger);
            }
        }

        return table;
    }

    // The machine's state is the status on the date being checked: lapsing needs no event.
    private static StateMachine<MembershipStatus, MembershipTrigger> Build(Func<MembershipStatus> status)
    {
        var machine = new StateMachine<MembershipStatus, MembershipTrigger>(status, _ => { });
        machine.Configure(MembershipStatus.Invited)
            .Permit(MembershipTrigger.Accept, MembershipStatus.Active)
            .Permit(MembershipTrigger.Decline, MembershipStatus.Withdrawn);
        machine.Configure(MembershipStatus.Active)
            .Permit(MembershipTrigger.Suspend, MembershipStatus.Suspended)
            .PermitReentry(MembershipTrigger.Renew)
            .Permit(MembershipTrigger.TermExpires, MembershipStatus.Lapsed)
            .Permit(MembershipTrigger.Withdraw, MembershipStatus.Withdrawn)
            .Permit(MembershipTrigger.Expel, MembershipStatus.Expelled);
        machine.Configure(MembershipStatus.Suspended)
            .Permit(MembershipTrigger.Reinstate, MembershipStatus.Active)
            .Permit(MembershipTrigger.Withdraw, MembershipStatus.Withdrawn)
            .Permit(MembershipTrigger.Expel, MembershipStatus.Expelled);
        machine.Configure(MembershipStatus.Lapsed)
            .Permit(MembershipTrigger.Renew, MembershipStatus.Active)
            .Permit(MembershipTrigger.Withdraw, MembershipStatus.Withdrawn);
        machine.Configure(MembershipStatus.Withdrawn);
        machine.Configure(MembershipStatus.Expelled);
        return machine;
    }
}
