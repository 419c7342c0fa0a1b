using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using NodaTime;
using Stateless;
using Stateless.Graph;
using CoalitionAggregate = Coalitions.Core.Coalitions.Coalition;

namespace Coalitions.Core.Resources;

/// <summary>A member pledged a contribution.</summary>
/// <param name="Pledge">The pledge.</param>
/// <param name="Offer">What was pledged.</param>
/// <param name="TimeZone">The coalition's time zone (a tz id), in which its due date and receipts are dated.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record PledgeMade(PledgeId Pledge, PledgeOffer Offer, string TimeZone, Instant At, Actor By) : IDomainEvent;

/// <summary>Something of a pledge was received.</summary>
/// <param name="Pledge">The pledge.</param>
/// <param name="Receipt">The receipt, numbered.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="By">Who recorded it.</param>
public sealed record PledgeReceiptRecorded(PledgeId Pledge, RecordedReceipt Receipt, Instant At, Actor By) : IDomainEvent;

/// <summary>The member withdrew its pledge before anything of it was received.</summary>
/// <param name="Pledge">The pledge.</param>
/// <param name="On">The day, in the coalition's time zone.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record PledgeWithdrawn(PledgeId Pledge, LocalDate On, string Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>
/// A member's promise to contribute to the coalition: money (to a pooled fund or not), staff time, expertise or goods in
/// kind, by a due date, perhaps for a joint initiative and under a commitment of an agreement; and what of it was received.
/// </summary>
/// <remarks>
/// <para>Lifecycle: Pledged → PartlyReceived → Received, or Withdrawn before anything was received. A pledge not received in
/// full by its due date is Lapsed on the days after it; that status is computed from the dates (<see cref="StatusOn"/>),
/// never recorded, and a late receipt still counts.</para>
/// <para>Who may act: a delegate of the member, acting for it, makes and withdraws the pledge; a coordinator of the
/// coalition records what was received. Money is never converted: receipts are in the pledge's currency, and never more
/// than what remains of the pledge.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class Pledge : AggregateRoot<PledgeId>
{
    private const int MaxReceipts = 1_000;

    private static readonly Permissions<Pledge, Acting> Who = new(nameof(Pledge));
    private static readonly Role<Pledge, Acting> MemberDelegate = Who.Role(
        "a delegate of the pledging member, acting for it",
        static (pledge, by, acting) => acting.Member is { } member && acting.Coalition is { } coalition && coalition.IsDelegate(member, by));
    private static readonly Role<Pledge, Acting> ACoordinator = Who.Role(
        "a coordinator of the coalition",
        static (_, by, acting) => by.Kind == ActorKind.Person && by.Person is { } person && acting.Coalition?.IsCoordinator(person) == true);

    private static readonly Command<Pledge, Acting> MakeCommand = Who.Command(nameof(Make), ErrorCodes.Resources.NotADelegate, MemberDelegate);
    private static readonly Command<Pledge, Acting> RecordReceiptCommand = Who.Command(nameof(RecordReceipt), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<Pledge, Acting> WithdrawCommand = Who.Command(nameof(Withdraw), ErrorCodes.Resources.NotADelegate, MemberDelegate);

    private readonly List<RecordedReceipt> _receipts = [];
    private StateMachine<PledgeStatus, Step>? _machine;
    private LocalDate _checkedOn;
    private LocalDate? _firstReceivedOn;

    private Pledge()
    {
    }

    private enum Step
    {
        Receive,
        ReceiveInFull,
        Withdraw,
        PassDueDate,
    }

    /// <summary>Gets what was pledged.</summary>
    public PledgeOffer Offer { get; private set; } = null!;

    /// <summary>Gets the coalition.</summary>
    public CoalitionId Coalition => Offer.Coalition;

    /// <summary>Gets the member that pledged.</summary>
    public PartnerId Member => Offer.Member;

    /// <summary>Gets the coalition's time zone, in which the pledge's days are counted.</summary>
    public DateTimeZone TimeZone { get; private set; } = DateTimeZone.Utc;

    /// <summary>Gets the day the pledge was made, in the coalition's time zone.</summary>
    public LocalDate MadeOn { get; private set; }

    /// <summary>Gets the receipts, in the order recorded.</summary>
    public IReadOnlyList<RecordedReceipt> Receipts => _receipts.AsReadOnly();

    /// <summary>Gets the money received so far, for a money pledge (in its currency); <see langword="null"/> for other kinds.</summary>
    public Money? AmountReceived { get; private set; }

    /// <summary>Gets the hours given so far, for staff time and expertise; zero for other kinds.</summary>
    public decimal HoursReceived { get; private set; }

    /// <summary>Gets the day the pledge was withdrawn, if it was.</summary>
    public LocalDate? WithdrawnOn { get; private set; }

    /// <summary>Gets whether it has been received in full.</summary>
    public bool IsReceivedInFull => ReceivedInFullOn is not null;

    /// <summary>
    /// Gets the day it was received in full, if it was: the first day by which the receipts dated on or before it add up to
    /// the pledge. Receipts may be recorded out of date order, so this is the day of the latest-dated receipt needed to
    /// complete it, not of the receipt recorded last.
    /// </summary>
    public LocalDate? ReceivedInFullOn { get; private set; }

    private StateMachine<PledgeStatus, Step> Machine => _machine ??= BuildMachine();

    /// <summary>Records a member's pledge to the coalition.</summary>
    /// <param name="id">The pledge's id.</param>
    /// <param name="offer">What is pledged: a member, a kind, a description, a due date and the amount or hours.</param>
    /// <param name="coalition">The coalition: the member is one of its active members on the day the pledge is made.</param>
    /// <param name="by">A delegate of the pledging member, acting for it.</param>
    /// <param name="at">When the pledge is made, in the years 1900 to 2999.</param>
    /// <returns>The pledge.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not a delegate of the member (<c>Resources.NotADelegate</c>); another coalition (<c>Coalitions.OtherCoalition</c>);
    /// an invalid offer (<c>Resources.InvalidPledge</c>, <c>Kernel.InvalidText</c>, <c>Kernel.OutOfRange</c>, <c>Kernel.EmptyId</c>);
    /// the member is not active (<c>Resources.NotAnActiveMember</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// var pledge = Pledge.Make(PledgeId.New(),
    ///     new PledgeOffer(coalition.Id, parentsNetwork, ContributionKind.Money, "Our share of the reading fund",
    ///         new LocalDate(2026, 6, 30), new Money(250_000m, "KES"), Fund: readingFund.Id),
    ///     coalition, Actor.Representing(delegatePerson, parentsNetwork), now);
    /// </code>
    /// </example>
    public static Pledge Make(PledgeId id, PledgeOffer offer, CoalitionAggregate coalition, Actor by, Instant at)
    {
        var pledge = new Pledge();
        MakeCommand.Authorize(pledge, by, at, new Acting(coalition, offer?.Member), "a new pledge");
        Ensure.Id(id, nameof(id));
        PledgeOfferValidator.Instance.EnsureValid(offer);
        ResourceRules.EnsureCoalition(coalition, offer.Coalition);
        var today = coalition.DateOf(at);
        ResourceRules.EnsureActiveMember(coalition, offer.Member, today);
        var kept = offer with
        {
            Description = offer.Description.Trim(),
            Commitment = offer.Commitment?.Trim(),
        };
        pledge.Raise(new PledgeMade(id, kept, coalition.TimeZone.Id, at, by));
        return pledge;
    }

    /// <summary>Rebuilds a pledge from its events, checking that they form its history.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The pledge.</returns>
    /// <exception cref="StoredEventException">The events are not the history of one pledge (<c>Kernel.CorruptHistory</c>).</exception>
    public static Pledge Rehydrate(IEnumerable<IDomainEvent> history) => Rebuild(new Pledge(), history);

    /// <summary>The pledge's lifecycle as a Mermaid state diagram, drawn from its state machine.</summary>
    /// <returns>The diagram's Mermaid text.</returns>
    public static string LifecycleDiagram() => MermaidGraph.Format(new Pledge { Offer = Blank }.Machine.GetInfo());

    /// <summary>
    /// Whether the pledge existed on a day: from the day it was made, or from an earlier day on which something of it was
    /// received (a receipt keeps its true date, which may precede the day the pledge was recorded).
    /// </summary>
    /// <param name="date">The day, in the coalition's time zone.</param>
    /// <returns><see langword="true"/> from that day on; before it, the pledge has no status (see <see cref="StatusOn"/>).</returns>
    public bool ExistsOn(LocalDate date) => date >= MadeOn || _firstReceivedOn <= date;

    /// <summary>
    /// The status on a day, from what is dated on or before it: withdrawn, received in full (the receipts dated by then add
    /// up to the pledge), lapsed after the due date, partly received, or pledged. A pledge has no status on a day before it
    /// existed: ask <see cref="ExistsOn"/> first, as <see cref="ContributionRecord.Of"/> does.
    /// </summary>
    /// <param name="date">The day, in the coalition's time zone, on which the pledge existed.</param>
    /// <returns>The status.</returns>
    /// <exception cref="CoalitionRuleException">A day before the pledge existed (<c>Kernel.OutOfRange</c>).</exception>
    public PledgeStatus StatusOn(LocalDate date)
    {
        if (!ExistsOn(date))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "The {subject} was made on {made}; it has no status on {date}, before it existed.", ("subject", Subject), ("made", MadeOn), ("date", date));
        }

        return StatusAt(date);
    }

    // The status on a day, without asking whether the pledge existed then; the lifecycle checks use it for today.
    private PledgeStatus StatusAt(LocalDate date)
    {
        if (WithdrawnOn is { } withdrawn && withdrawn <= date)
        {
            return PledgeStatus.Withdrawn;
        }

        if (ReceivedInFullOn is { } full && full <= date)
        {
            return PledgeStatus.Received;
        }

        if (date > Offer.Due)
        {
            return PledgeStatus.Lapsed;
        }

        return _receipts.Any(r => r.ReceivedOn <= date) ? PledgeStatus.PartlyReceived : PledgeStatus.Pledged;
    }

    /// <summary>Records what was received of the pledge: money in its currency, or hours of time; goods in kind are received whole.</summary>
    /// <param name="receipt">The receipt: the day (no later than today in the coalition's time zone), the amount or hours, a note.</param>
    /// <param name="coalition">The pledge's coalition.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is recorded, in the years 1900 to 2999.</param>
    /// <returns>The receipt as recorded, with its number.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not a coordinator (<c>Coalitions.NotACoordinator</c>); another coalition (<c>Coalitions.OtherCoalition</c>); received in
    /// full or withdrawn (<c>Resources.PledgeClosed</c>); a receipt in another currency, of the wrong kind, dated after today, or
    /// more than remains (<c>Resources.InvalidReceipt</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// pledge.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 5, 4), new Money(250_000m, "KES"), Note: "M-Pesa 7QX2"),
    ///     coalition, secretariat, now);
    /// </code>
    /// </example>
    public RecordedReceipt RecordReceipt(PledgeReceipt receipt, CoalitionAggregate coalition, Actor by, Instant at)
    {
        RecordReceiptCommand.Authorize(this, by, at, new Acting(coalition, Member), Subject);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        Ensure.NotNull(receipt, nameof(receipt));
        var today = DateOf(at);
        EnsureStep(Step.Receive, today);
        var recorded = CheckReceipt(receipt, today);
        Raise(new PledgeReceiptRecorded(Id, recorded, at, by));
        return recorded;
    }

    /// <summary>Withdraws the pledge; only before anything of it was received.</summary>
    /// <param name="reason">Why: at most 2,000 characters.</param>
    /// <param name="coalition">The pledge's coalition.</param>
    /// <param name="by">A delegate of the pledging member, acting for it.</param>
    /// <param name="at">When it is withdrawn, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a delegate (<c>Resources.NotADelegate</c>); another coalition (<c>Coalitions.OtherCoalition</c>); something was
    /// received, or it is already withdrawn (<c>Resources.PledgeClosed</c>); no reason (<c>Kernel.InvalidText</c>).
    /// </exception>
    public void Withdraw(string reason, CoalitionAggregate coalition, Actor by, Instant at)
    {
        WithdrawCommand.Authorize(this, by, at, new Acting(coalition, Member), Subject);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        FreeText.Check(reason, nameof(reason), required: true);
        var today = DateOf(at);
        EnsureStep(Step.Withdraw, today);
        Raise(new PledgeWithdrawn(Id, today, reason.Trim(), at, by));
    }

    /// <summary>Whether a receipt could be recorded now, and why not.</summary>
    /// <param name="receipt">The receipt.</param>
    /// <param name="at">When it would be recorded.</param>
    /// <returns>The check.</returns>
    public RuleCheck CanRecordReceipt(PledgeReceipt receipt, Instant at)
    {
        try
        {
            Ensure.NotNull(receipt, nameof(receipt));
            var today = DateOf(Ensure.At(at));
            EnsureStep(Step.Receive, today);
            CheckReceipt(receipt, today);
            return RuleCheck.Allowed;
        }
        catch (CoalitionRuleException refused)
        {
            return RuleCheck.Refused(refused.Failures[0]);
        }
    }

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is PledgeMade;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => domainEvent switch
    {
        PledgeMade e => PledgeOfferValidator.Instance.Validate(e.Offer).IsValid && DateTimeZoneProviders.Tzdb.GetZoneOrNull(e.TimeZone) is not null
            ? null : "the pledge is ill-formed or names an unknown time zone.",
        PledgeReceiptRecorded e => WithdrawnOn is not null || IsReceivedInFull ? "the pledge is withdrawn or received in full."
            : e.Receipt.Number != _receipts.Count + 1 ? "the receipt is not numbered next."
            : ReceiptProblem(e.Receipt.Amount, e.Receipt.Hours, e.Receipt.ReceivedOn),
        PledgeWithdrawn => WithdrawnOn is not null || _receipts.Count > 0 ? "the pledge is already withdrawn, or something of it was received." : null,
        _ => null,
    };

    /// <inheritdoc />
    protected override void Apply(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case PledgeMade e:
                Id = e.Pledge;
                Offer = e.Offer;
                TimeZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(e.TimeZone) ?? DateTimeZone.Utc;
                MadeOn = e.At.InZone(TimeZone).Date;
                AmountReceived = e.Offer.Kind == ContributionKind.Money && e.Offer.Amount is { } amount ? Money.Zero(amount.Currency) : null;
                break;
            case PledgeReceiptRecorded e:
                _receipts.Add(e.Receipt);
                if (_firstReceivedOn is not { } first || e.Receipt.ReceivedOn < first)
                {
                    _firstReceivedOn = e.Receipt.ReceivedOn;
                }

                if (e.Receipt.Amount is { } money && AmountReceived is { } received)
                {
                    AmountReceived = received + money;
                }

                HoursReceived += e.Receipt.Hours ?? 0m;
                if (IsFull())
                {
                    ReceivedInFullOn = DayReceivedInFull();
                }

                break;
            case PledgeWithdrawn e:
                WithdrawnOn = e.On;
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }

    // A blank offer, only for drawing the diagram of a fresh machine.
    private static PledgeOffer Blank => new(default, default, ContributionKind.Money, string.Empty, default);

    private string Subject => PledgeWords.Kind(Offer.Kind) + " pledge '" + Short(Offer.Description) + "'";

    private static string Short(string text) => text.Length <= 60 ? text.ReplaceLineEndings(" ") : text[..57].ReplaceLineEndings(" ") + "...";

    private LocalDate DateOf(Instant at) => Ensure.Date(Ensure.At(at).InZone(TimeZone).Date, "today");

    private bool IsFull() => Offer.Kind switch
    {
        ContributionKind.Money => AmountReceived is { } received && Offer.Amount is { } pledged && received.Amount >= pledged.Amount,
        ContributionKind.StaffTime or ContributionKind.Expertise => HoursReceived >= (Offer.Hours ?? 0m),
        _ => _receipts.Count > 0,
    };

    // The first day by which the receipts dated on or before it add up to the pledge; called once, when it is full.
    private LocalDate DayReceivedInFull()
    {
        var ordered = _receipts.OrderBy(r => r.ReceivedOn).ToArray();
        if (Offer.Kind is not (ContributionKind.Money or ContributionKind.StaffTime or ContributionKind.Expertise))
        {
            return ordered[0].ReceivedOn;
        }

        var pledged = Offer.Kind == ContributionKind.Money ? Offer.Amount?.Amount ?? 0m : Offer.Hours ?? 0m;
        var sum = 0m;
        foreach (var receipt in ordered)
        {
            sum += Offer.Kind == ContributionKind.Money ? receipt.Amount?.Amount ?? 0m : receipt.Hours ?? 0m;
            if (sum >= pledged)
            {
                return receipt.ReceivedOn;
            }
        }

        return ordered[^1].ReceivedOn;
    }

    private RecordedReceipt CheckReceipt(PledgeReceipt receipt, LocalDate today)
    {
        Ensure.Date(receipt.ReceivedOn, "received on");
        FreeText.Check(receipt.Note, "note", required: false);
        if (receipt.ReceivedOn > today)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Resources.InvalidReceipt, "A receipt is recorded once it happened: {on} is after today, {today}.", ("on", receipt.ReceivedOn), ("today", today));
        }

        if (_receipts.Count >= MaxReceipts)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "The {subject} has {max} receipts, the most one pledge records.", ("subject", Subject), ("max", MaxReceipts));
        }

        if (ReceiptProblem(receipt.Amount, receipt.Hours, receipt.ReceivedOn) is { } problem)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Resources.InvalidReceipt, "This receipt does not fit the {subject}: {problem}", ("subject", Subject), ("problem", problem));
        }

        var note = FreeText.Kept(receipt.Note);
        return new RecordedReceipt(_receipts.Count + 1, receipt.ReceivedOn, receipt.Amount, receipt.Hours, note);
    }

    // What is wrong with a receipt's amount or hours for this pledge, or null; shared by the command and by replay.
    private string? ReceiptProblem(Money? amount, decimal? hours, LocalDate on)
    {
        if (!Limits.IsDate(on))
        {
            return "its date lies outside the years 1900 to 2999.";
        }

        switch (Offer.Kind)
        {
            case ContributionKind.Money:
                if (hours is not null || amount is not { } money)
                {
                    return "a receipt of money states an amount and no hours.";
                }

                if (Amounts.Problem(money) is { } problem)
                {
                    return "the amount " + problem;
                }

                if (!string.Equals(money.Currency, Offer.Amount!.Value.Currency, StringComparison.Ordinal))
                {
                    return $"the pledge is in {Offer.Amount.Value.Currency}; money is never converted, so a receipt in {money.Currency} is a new pledge.";
                }

                var remaining = Offer.Amount.Value.Amount - (AmountReceived?.Amount ?? 0m);
                return money.Amount > remaining ? $"only {Amounts.Format(new Money(remaining, money.Currency))} remains of the pledge; a gift beyond it is a new pledge." : null;
            case ContributionKind.StaffTime or ContributionKind.Expertise:
                if (amount is not null || hours is not { } given)
                {
                    return "a receipt of time states hours and no amount.";
                }

                if (Amounts.Problem(given, Amounts.MaxHours) is { } invalid)
                {
                    return "the hours " + invalid;
                }

                var left = (Offer.Hours ?? 0m) - HoursReceived;
                return given > left ? $"only {left.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)} hours remain of the pledge." : null;
            default:
                return amount is not null || hours is not null ? "goods in kind are received whole, without an amount or hours." : null;
        }
    }

    private void EnsureStep(Step step, LocalDate today)
    {
        _checkedOn = today;

        // What is recorded closes the pledge whatever day a command names: a receipt or a withdrawal dated later still happened.
        var closed = step == Step.Withdraw ? WithdrawnOn is not null || _receipts.Count > 0 : WithdrawnOn is not null || IsReceivedInFull;
        ICollection<string>? unmet = null;
        if (closed || !Machine.CanFire(step, out unmet))
        {
            var because = closed ? string.Empty : unmet?.Count > 0 ? " (only when " + Words.List(unmet) + ")" : string.Empty;
            throw CoalitionRuleException.Because(
                ErrorCodes.Resources.PledgeClosed,
                "The {subject} is {status} on {date}; it cannot {step} now{because}.",
                ("subject", Subject),
                ("status", closed && WithdrawnOn is not null ? PledgeStatus.Withdrawn : closed && IsReceivedInFull ? PledgeStatus.Received : closed ? PledgeStatus.PartlyReceived : StatusAt(today)),
                ("date", today),
                ("step", step == Step.Withdraw ? "be withdrawn" : "take a receipt"),
                ("because", because));
        }
    }

    // The machine's state is the status on the day being checked; it is consulted, never fired.
    private StateMachine<PledgeStatus, Step> BuildMachine()
    {
        var machine = new StateMachine<PledgeStatus, Step>(() => StatusAt(_checkedOn), _ => { });
        var nothingReceived = new Func<bool>(() => _receipts.Count == 0);
        machine.Configure(PledgeStatus.Pledged)
            .Permit(Step.Receive, PledgeStatus.PartlyReceived)
            .Permit(Step.ReceiveInFull, PledgeStatus.Received)
            .PermitIf(Step.Withdraw, PledgeStatus.Withdrawn, nothingReceived, "nothing of it was received")
            .Permit(Step.PassDueDate, PledgeStatus.Lapsed);
        machine.Configure(PledgeStatus.PartlyReceived)
            .PermitReentry(Step.Receive)
            .Permit(Step.ReceiveInFull, PledgeStatus.Received)
            .Permit(Step.PassDueDate, PledgeStatus.Lapsed);
        machine.Configure(PledgeStatus.Lapsed)
            .PermitReentry(Step.Receive)
            .Permit(Step.ReceiveInFull, PledgeStatus.Received)
            .PermitIf(Step.Withdraw, PledgeStatus.Withdrawn, nothingReceived, "nothing of it was received");
        machine.Configure(PledgeStatus.Received);
        machine.Configure(PledgeStatus.Withdrawn);
        return machine;
    }

    // What a command tells its authorization check: the coalition passed in and the member concerned.
    private readonly record struct Acting(CoalitionAggregate? Coalition, PartnerId? Member);
}
