using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using NodaTime;
using Stateless;
using Stateless.Graph;
using CoalitionAggregate = Coalitions.Core.Coalitions.Coalition;
using GovernanceAggregate = Coalitions.Core.Governance.CoalitionGovernance;

namespace Coalitions.Core.Resources;

/// <summary>A coalition opened a pooled fund.</summary>
/// <param name="Fund">The fund.</param>
/// <param name="Rules">Its rules.</param>
/// <param name="TimeZone">The coalition's time zone (a tz id), in which the fund's days are counted.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record FundOpened(PooledFundId Fund, FundRules Rules, string TimeZone, Instant At, Actor By) : IDomainEvent;

/// <summary>Income was booked to the ledger: a member's contribution or a grant.</summary>
/// <param name="Fund">The fund.</param>
/// <param name="Entry">The ledger entry.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record IncomeBooked(PooledFundId Fund, LedgerEntry Entry, Instant At, Actor By) : IDomainEvent;

/// <summary>A member submitted an expense claim.</summary>
/// <param name="Fund">The fund.</param>
/// <param name="Number">The expense's number.</param>
/// <param name="Claim">The claim.</param>
/// <param name="On">The day it was submitted.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ExpenseSubmitted(PooledFundId Fund, int Number, ExpenseClaim Claim, LocalDate On, Instant At, Actor By) : IDomainEvent;

/// <summary>An expense was approved.</summary>
/// <param name="Fund">The fund.</param>
/// <param name="Number">The expense.</param>
/// <param name="Decision">The adopted decision the approval cited, if it needed one.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ExpenseApproved(PooledFundId Fund, int Number, DecisionReference? Decision, Instant At, Actor By) : IDomainEvent;

/// <summary>An expense was rejected.</summary>
/// <param name="Fund">The fund.</param>
/// <param name="Number">The expense.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ExpenseRejected(PooledFundId Fund, int Number, string Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>The claiming member withdrew an expense before it was paid.</summary>
/// <param name="Fund">The fund.</param>
/// <param name="Number">The expense.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ExpenseWithdrawn(PooledFundId Fund, int Number, string Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>An approved expense was paid; the ledger entry takes it out of the balance.</summary>
/// <param name="Fund">The fund.</param>
/// <param name="Number">The expense.</param>
/// <param name="Entry">The ledger entry.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ExpensePaid(PooledFundId Fund, int Number, LedgerEntry Entry, Instant At, Actor By) : IDomainEvent;

/// <summary>The fund was closed with every balance at zero.</summary>
/// <param name="Fund">The fund.</param>
/// <param name="On">The day, in the coalition's time zone.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record FundClosed(PooledFundId Fund, LocalDate On, Instant At, Actor By) : IDomainEvent;

/// <summary>
/// A coalition's pooled fund with a public ledger, in the manner of an open collective: income from members'
/// contributions (booked from the receipts of their pledges) and from grants; expenses a member claims, the approver the
/// rules name approves (citing an adopted decision above the threshold) and then pays. Every movement of money is a
/// numbered ledger entry that is never edited; balances are kept per currency, exactly, and never converted.
/// </summary>
/// <remarks>
/// <para>Invariants: each currency's balance is the sum of its entries; a payment never takes a balance below zero, or
/// below the overdraft limit the rules allow in that currency, on any day: a payment is never dated before the latest entry
/// already in the ledger (income may be dated earlier, as it only raises balances); a receipt of a pledge is booked once; an expense is paid once
/// and by one entry of its own amount; and the claimant's own people (its delegates, whichever member they act for, and the
/// person who submitted the claim) never approve, reject or pay their claim.</para>
/// <para>Lifecycles: the fund is Open, then Closed once every balance is zero and nothing awaits approval or payment.
/// An expense is Submitted, then Approved and Paid, or Rejected, or Withdrawn by its claimant before payment.</para>
/// <para>Who may act: a coordinator opens and closes the fund and books income; a delegate of a member submits and
/// withdraws that member's claims; the approver the rules name (the holder of an office of a governance body, acting
/// through one of its member's delegates, or else a coordinator) approves, rejects and pays. Anyone in the coalition may
/// read the ledger and its statements (<see cref="StatementFor"/>); the host shows them to every member.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class PooledFund : AggregateRoot<PooledFundId>
{
    /// <summary>The most entries a ledger holds.</summary>
    public const int MaxEntries = 1_000_000;

    /// <summary>The most expense claims a fund holds.</summary>
    public const int MaxExpenses = 100_000;

    private static readonly Permissions<PooledFund, Acting> Who = new(nameof(PooledFund));
    private static readonly Role<PooledFund, Acting> ACoordinator = Who.Role(
        "a coordinator of the coalition",
        static (_, by, acting) => ResourceRules.IsCoordinator(acting.Coalition, by));
    private static readonly Role<PooledFund, Acting> ClaimantDelegate = Who.Role(
        "a delegate of the claiming member, acting for it",
        static (_, by, acting) => acting.Member is { } member && acting.Coalition is { } coalition && coalition.IsDelegate(member, by));
    private static readonly Role<PooledFund, Acting> Approver = Who.Role(
        "the approver the fund's rules name: the holder of the named office of the named body, acting through one of its member's delegates (or, where the rules name no body, a coordinator), never a delegate of the claiming member (whichever member they act for) nor the person who submitted the claim",
        static (fund, by, acting) => fund.IsApprover(by, acting));

    private static readonly Command<PooledFund, Acting> OpenCommand = Who.Command(nameof(Open), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<PooledFund, Acting> RecordContributionCommand = Who.Command(nameof(RecordContribution), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<PooledFund, Acting> RecordGrantCommand = Who.Command(nameof(RecordGrant), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<PooledFund, Acting> SubmitExpenseCommand = Who.Command(nameof(SubmitExpense), ErrorCodes.Resources.NotADelegate, ClaimantDelegate);
    private static readonly Command<PooledFund, Acting> ApproveExpenseCommand = Who.Command(nameof(ApproveExpense), ErrorCodes.Resources.NotTheApprover, Approver);
    private static readonly Command<PooledFund, Acting> RejectExpenseCommand = Who.Command(nameof(RejectExpense), ErrorCodes.Resources.NotTheApprover, Approver);
    private static readonly Command<PooledFund, Acting> PayExpenseCommand = Who.Command(nameof(PayExpense), ErrorCodes.Resources.NotTheApprover, Approver);
    private static readonly Command<PooledFund, Acting> WithdrawExpenseCommand = Who.Command(nameof(WithdrawExpense), ErrorCodes.Resources.NotADelegate, ClaimantDelegate);
    private static readonly Command<PooledFund, Acting> CloseCommand = Who.Command(nameof(Close), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);

    private readonly List<LedgerEntry> _ledger = [];
    private readonly List<Expense> _expenses = [];

    // Per expense, by number less one: the day it was approved, and the day it was rejected, withdrawn or paid (the day of
    // its payment's entry), in the coalition's time zone; derived from the events, for statements as of a past day.
    private readonly List<ExpenseDays> _expenseDays = [];
    private readonly SortedDictionary<string, decimal> _balances = new(StringComparer.Ordinal);
    private readonly HashSet<(PledgeId Pledge, int Receipt)> _booked = [];
    private StateMachine<FundStatus, FundStep>? _machine;
    private StateMachine<ExpenseStatus, ExpenseStep>? _expenseMachine;
    private ExpenseStatus _checkedExpense = ExpenseStatus.Submitted;
    private FundStatus _status = FundStatus.Open;
    private int _pending;

    // The day of the latest-dated entry of the ledger, in any currency: no payment is dated before it.
    private LocalDate? _latestEntryOn;

    private PooledFund()
    {
    }

    private enum FundStep
    {
        TakeIncome,
        TakeClaim,
        Close,
    }

    private enum ExpenseStep
    {
        Approve,
        Reject,
        Pay,
        Withdraw,
    }

    /// <summary>Gets the fund's rules.</summary>
    public FundRules Rules { get; private set; } = null!;

    /// <summary>Gets the coalition.</summary>
    public CoalitionId Coalition => Rules.Coalition;

    /// <summary>Gets the fund's name.</summary>
    public string Name => Rules.Name;

    /// <summary>Gets whether the fund is open or closed.</summary>
    public FundStatus Status => _status;

    /// <summary>Gets the coalition's time zone, in which the fund's days are counted.</summary>
    public DateTimeZone TimeZone { get; private set; } = DateTimeZone.Utc;

    /// <summary>Gets the day it was opened, in the coalition's time zone.</summary>
    public LocalDate OpenedOn { get; private set; }

    /// <summary>Gets the public ledger, oldest entry first.</summary>
    public IReadOnlyList<LedgerEntry> Ledger => _ledger.AsReadOnly();

    /// <summary>Gets every expense claim, in the order submitted.</summary>
    public IReadOnlyList<Expense> Expenses => _expenses.AsReadOnly();

    /// <summary>Gets the balance in every currency the fund has held, by currency code; each is the sum of its ledger entries.</summary>
    public IReadOnlyList<Money> Balances => _balances.Select(b => new Money(b.Value, b.Key)).ToArray();

    private StateMachine<FundStatus, FundStep> Machine => _machine ??= BuildMachine();

    private StateMachine<ExpenseStatus, ExpenseStep> ExpenseMachine => _expenseMachine ??= BuildExpenseMachine();

    /// <summary>Opens a pooled fund: the former argument order of <see cref="Open(PooledFundId, FundRules, CoalitionAggregate, Actor, Instant, GovernanceAggregate?)"/>, kept for one version.</summary>
    /// <param name="id">The new fund's id.</param>
    /// <param name="rules">How it is run.</param>
    /// <param name="coalition">The coalition.</param>
    /// <param name="governance">The coalition's governance, needed where the rules name an approving body.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it opens.</param>
    /// <returns>The fund, open and empty.</returns>
    [Obsolete("Use Open(id, rules, coalition, by, at, governance): optional inputs come after the instant, as in ConflictCase.RecordDecision.")]
    public static PooledFund Open(PooledFundId id, FundRules rules, CoalitionAggregate coalition, GovernanceAggregate? governance, Actor by, Instant at) =>
        Open(id, rules, coalition, by, at, governance);

    /// <summary>Opens a pooled fund of the coalition.</summary>
    /// <param name="id">The fund's id.</param>
    /// <param name="rules">Its name, purpose, approver, decision thresholds and overdrafts.</param>
    /// <param name="coalition">The coalition.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it opens, in the years 1900 to 2999.</param>
    /// <param name="governance">The coalition's governance, needed where the rules name an approving body: that body exists and has the office.</param>
    /// <returns>The fund, open and empty.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not a coordinator (<c>Coalitions.NotACoordinator</c>); another coalition or another coalition's governance
    /// (<c>Coalitions.OtherCoalition</c>); invalid rules, or an approving body that does not exist or lacks the office
    /// (<c>Resources.InvalidFund</c>, <c>Kernel.InvalidText</c>, <c>Kernel.OutOfRange</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// var fund = PooledFund.Open(PooledFundId.New(),
    ///     new FundRules(coalition.Id, "Reading fund", "Books and reading camps.", "steering-committee", Office.Treasurer,
    ///         DecisionAbove: [new Money(100_000m, "KES")], Overdrafts: []),
    ///     coalition, secretariat, now, governance);
    /// </code>
    /// </example>
    public static PooledFund Open(PooledFundId id, FundRules rules, CoalitionAggregate coalition, Actor by, Instant at, GovernanceAggregate? governance = null)
    {
        var fund = new PooledFund();
        OpenCommand.Authorize(fund, by, at, new Acting(coalition), "a new pooled fund");
        Ensure.Id(id, nameof(id));
        FundRulesValidator.Instance.EnsureValid(rules);
        ResourceRules.EnsureCoalition(coalition, rules.Coalition);
        var body = rules.ApprovingBody;
        if (body is not null)
        {
            if (governance is null || ((IRuleBook)governance).Coalition != coalition.Id)
            {
                throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "The fund's approver is an office of a body of {coalition}; pass that coalition's governance.", ("coalition", coalition.Name));
            }

            if (governance.Bodies.FirstOrDefault(b => b.Key == body) is not { } found || !found.Offices.Contains(rules.ApprovingOffice))
            {
                throw CoalitionRuleException.Because(ErrorCodes.Resources.InvalidFund, "The governance of {coalition} has no body '{body}' with the office of {office}.", ("coalition", coalition.Name), ("body", body), ("office", rules.ApprovingOffice));
            }
        }

        var kept = rules with { Name = rules.Name.Trim(), Purpose = rules.Purpose.Trim(), ApprovingBody = body, DecisionAbove = [.. rules.DecisionAbove], Overdrafts = [.. rules.Overdrafts] };
        fund.Raise(new FundOpened(id, kept, coalition.TimeZone.Id, at, by));
        return fund;
    }

    /// <summary>Rebuilds a fund from its events, checking that they form its history.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The fund.</returns>
    /// <exception cref="StoredEventException">The events are not the history of one fund (<c>Kernel.CorruptHistory</c>).</exception>
    public static PooledFund Rehydrate(IEnumerable<IDomainEvent> history) => Rebuild(new PooledFund(), history);

    /// <summary>The fund's lifecycle as a Mermaid state diagram, drawn from its state machine.</summary>
    /// <returns>The diagram's Mermaid text.</returns>
    public static string LifecycleDiagram() => MermaidGraph.Format(new PooledFund().Machine.GetInfo());

    /// <summary>An expense claim's lifecycle as a Mermaid state diagram, drawn from its state machine.</summary>
    /// <returns>The diagram's Mermaid text.</returns>
    public static string ExpenseLifecycleDiagram() => MermaidGraph.Format(new PooledFund().ExpenseMachine.GetInfo());

    /// <summary>The balance in a currency: the sum of the currency's ledger entries (zero for a currency never held).</summary>
    /// <param name="currency">An ISO 4217 code.</param>
    /// <returns>The balance.</returns>
    /// <exception cref="CoalitionRuleException">Not an ISO 4217 code (<c>Kernel.UnknownCurrency</c>).</exception>
    public Money BalanceIn(string currency) => new(_balances.GetValueOrDefault(currency ?? string.Empty), currency!);

    /// <summary>Books a member's contribution: a recorded receipt of its money pledge to this fund, once.</summary>
    /// <param name="pledge">The pledge, as loaded: a pledge of money to this fund, made in the fund's coalition.</param>
    /// <param name="receipt">The number of its receipt to book.</param>
    /// <param name="coalition">The fund's coalition.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is booked, in the years 1900 to 2999.</param>
    /// <returns>The ledger entry.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not a coordinator (<c>Coalitions.NotACoordinator</c>); another coalition, or a pledge made in another coalition
    /// (<c>Coalitions.OtherCoalition</c>); the fund is closed (<c>Resources.FundClosed</c>); not a money pledge to this fund, no such receipt, or already booked (<c>Resources.InvalidIncome</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// var receipt = pledge.RecordReceipt(new PledgeReceipt(today, new Money(250_000m, "KES")), coalition, secretariat, now);
    /// fund.RecordContribution(pledge, receipt.Number, coalition, secretariat, now);
    /// </code>
    /// </example>
    public LedgerEntry RecordContribution(Pledge pledge, int receipt, CoalitionAggregate coalition, Actor by, Instant at)
    {
        RecordContributionCommand.Authorize(this, by, at, new Acting(coalition), Name);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        Ensure.NotNull(pledge, nameof(pledge));
        if (pledge.Coalition != Coalition)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "The pledge was made in another coalition; {fund} books only the pledges of {coalition}.", ("fund", Name), ("coalition", coalition.Name));
        }

        EnsureFund(FundStep.TakeIncome);
        if (pledge.Offer.Fund != Id || pledge.Offer.Kind != ContributionKind.Money)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Resources.InvalidIncome, "The {kind} pledge of {member} is not a pledge of money to {fund}.", ("kind", PledgeWords.Kind(pledge.Offer.Kind)), ("member", coalition.NameOf(pledge.Member)), ("fund", Name));
        }

        var found = pledge.Receipts.FirstOrDefault(r => r.Number == receipt)
            ?? throw CoalitionRuleException.Because(ErrorCodes.Resources.InvalidIncome, "The pledge of {member} has no receipt {number}.", ("member", coalition.NameOf(pledge.Member)), ("number", receipt));
        if (_booked.Contains((pledge.Id, receipt)))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Resources.InvalidIncome, "Receipt {number} of the pledge of {member} is already in the ledger of {fund}.", ("number", receipt), ("member", coalition.NameOf(pledge.Member)), ("fund", Name));
        }

        EnsureRoom();
        var entry = new LedgerEntry(_ledger.Count + 1, LedgerEntryKind.Contribution, found.ReceivedOn, found.Amount!.Value, pledge.Offer.Description, pledge.Member, null, pledge.Id, receipt, null, pledge.Offer.Initiative);
        Raise(new IncomeBooked(Id, entry, at, by));
        return entry;
    }

    /// <summary>Books a grant a funder paid into the fund.</summary>
    /// <param name="grant">The funder, the amount, the day received (no later than today), a reference and the initiative it is for.</param>
    /// <param name="coalition">The fund's coalition.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is booked, in the years 1900 to 2999.</param>
    /// <returns>The ledger entry.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not a coordinator (<c>Coalitions.NotACoordinator</c>); another coalition (<c>Coalitions.OtherCoalition</c>); the fund is
    /// closed (<c>Resources.FundClosed</c>); an invalid grant or one dated after today (<c>Resources.InvalidIncome</c>, <c>Kernel.OutOfRange</c>, <c>Kernel.InvalidText</c>).
    /// </exception>
    public LedgerEntry RecordGrant(GrantIncome grant, CoalitionAggregate coalition, Actor by, Instant at)
    {
        RecordGrantCommand.Authorize(this, by, at, new Acting(coalition), Name);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        GrantIncomeValidator.Instance.EnsureValid(grant);
        EnsureFund(FundStep.TakeIncome);
        var today = DateOf(at);
        if (grant.ReceivedOn > today)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Resources.InvalidIncome, "A grant is booked once received: {on} is after today, {today}.", ("on", grant.ReceivedOn), ("today", today));
        }

        EnsureRoom();
        var funder = grant.Funder.Trim();
        // The entry keeps facts, not sentences: the grant's reference, or else the funder's name; statements put them in words.
        var description = string.IsNullOrWhiteSpace(grant.Reference) ? funder : grant.Reference.Trim();
        var entry = new LedgerEntry(_ledger.Count + 1, LedgerEntryKind.Grant, grant.ReceivedOn, grant.Amount, description, grant.FunderPartner, funder, Initiative: grant.Initiative);
        Raise(new IncomeBooked(Id, entry, at, by));
        return entry;
    }

    /// <summary>Submits a member's expense claim.</summary>
    /// <param name="claim">The member, amount, purpose, day incurred (no later than today) and the initiative and budget line, if any.</param>
    /// <param name="coalition">The fund's coalition: the member is active in it today.</param>
    /// <param name="by">A delegate of the claiming member, acting for it.</param>
    /// <param name="at">When it is submitted, in the years 1900 to 2999.</param>
    /// <returns>The expense, submitted, with its number.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not a delegate of the member (<c>Resources.NotADelegate</c>); another coalition (<c>Coalitions.OtherCoalition</c>); the
    /// fund is closed (<c>Resources.FundClosed</c>); an invalid claim or one incurred after today (<c>Resources.InvalidExpense</c>,
    /// <c>Kernel.OutOfRange</c>, <c>Kernel.InvalidText</c>); the member is not active (<c>Resources.NotAnActiveMember</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// var expense = fund.SubmitExpense(
    ///     new ExpenseClaim(literacyNow, new Money(180_000m, "KES"), "Storybooks for 12 schools", today),
    ///     coalition, Actor.Representing(delegatePerson, literacyNow), now);
    /// </code>
    /// </example>
    public Expense SubmitExpense(ExpenseClaim claim, CoalitionAggregate coalition, Actor by, Instant at)
    {
        SubmitExpenseCommand.Authorize(this, by, at, new Acting(coalition, claim?.Member), Name);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        ExpenseClaimValidator.Instance.EnsureValid(claim);
        EnsureFund(FundStep.TakeClaim);
        var today = DateOf(at);
        ResourceRules.EnsureActiveMember(coalition, claim.Member, today);
        if (claim.IncurredOn > today)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Resources.InvalidExpense, "An expense is claimed once incurred: {on} is after today, {today}.", ("on", claim.IncurredOn), ("today", today));
        }

        if (_expenses.Count >= MaxExpenses)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "{fund} holds {max} expense claims, the most one fund holds; open a new fund.", ("fund", Name), ("max", MaxExpenses));
        }

        var kept = claim with { Purpose = claim.Purpose.Trim() };
        var number = _expenses.Count + 1;
        Raise(new ExpenseSubmitted(Id, number, kept, today, at, by));
        return _expenses[^1];
    }

    /// <summary>
    /// Approves a submitted expense. Above the threshold the rules set in its currency (zero for a currency without one),
    /// the approval cites an adopted decision of the coalition on <see cref="MatterType.ApproveExpense"/>, taken before it.
    /// </summary>
    /// <param name="expense">The expense's number.</param>
    /// <param name="decision">The adopted decision, where the amount is above the threshold.</param>
    /// <param name="coalition">The fund's coalition.</param>
    /// <param name="governance">The coalition's governance, where the rules name an approving body.</param>
    /// <param name="by">
    /// The approver the rules name (the office holder's delegate, or a coordinator), never a delegate of the claiming member
    /// (whichever member they act for) and never the person who submitted it.
    /// </param>
    /// <param name="at">When it is approved, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not the approver (<c>Resources.NotTheApprover</c>); another coalition (<c>Coalitions.OtherCoalition</c>); no such expense
    /// (<c>Resources.UnknownExpense</c>); not submitted (<c>Resources.ExpenseNotPending</c>); a decision required or cited that does
    /// not authorize it (<c>Coalitions.DecisionRequired</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// // 180,000 KES is above the fund's threshold of 100,000 KES: the approval cites the adopted decision.
    /// fund.ApproveExpense(expense.Number, approval.Reference, coalition, governance, Actor.Representing(treasurer, treasurerMember), now);
    /// </code>
    /// </example>
    public void ApproveExpense(int expense, DecisionReference? decision, CoalitionAggregate coalition, GovernanceAggregate? governance, Actor by, Instant at)
    {
        var found = Find(expense);
        ApproveExpenseCommand.Authorize(this, by, at, new Acting(coalition, found?.Claim.Member, governance, found), Name);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        var claim = EnsureExpense(expense, ExpenseStep.Approve);
        var threshold = Rules.ThresholdIn(claim.Claim.Amount.Currency);
        var needsDecision = claim.Claim.Amount.Amount > threshold.Amount;
        DecisionReference.Check(decision, needsDecision, Coalition, coalition.Name, at, MatterType.ApproveExpense);
        Raise(new ExpenseApproved(Id, expense, decision is null ? null : decision with { }, at, by));
    }

    /// <summary>Rejects a submitted expense, with a reason.</summary>
    /// <param name="expense">The expense's number.</param>
    /// <param name="reason">Why: at most 2,000 characters.</param>
    /// <param name="coalition">The fund's coalition.</param>
    /// <param name="governance">The coalition's governance, where the rules name an approving body.</param>
    /// <param name="by">The approver the rules name, never a delegate of the claiming member (whichever member they act for) nor the person who submitted it.</param>
    /// <param name="at">When it is rejected, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not the approver (<c>Resources.NotTheApprover</c>); another coalition (<c>Coalitions.OtherCoalition</c>); no such expense
    /// (<c>Resources.UnknownExpense</c>); not submitted (<c>Resources.ExpenseNotPending</c>); no reason (<c>Kernel.InvalidText</c>).
    /// </exception>
    public void RejectExpense(int expense, string reason, CoalitionAggregate coalition, GovernanceAggregate? governance, Actor by, Instant at)
    {
        var found = Find(expense);
        RejectExpenseCommand.Authorize(this, by, at, new Acting(coalition, found?.Claim.Member, governance, found), Name);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        EnsureExpense(expense, ExpenseStep.Reject);
        FreeText.Check(reason, nameof(reason), required: true);
        Raise(new ExpenseRejected(Id, expense, reason.Trim(), at, by));
    }

    /// <summary>
    /// Pays an approved expense: a ledger entry takes its amount out of the balance in its currency. A payment is never dated
    /// before the latest-dated entry already in the ledger (in any currency), so the balance it is checked against is the
    /// balance on every day from its date on, and no statement of an earlier period closes below zero or the overdraft limit.
    /// </summary>
    /// <param name="expense">The expense's number.</param>
    /// <param name="paidOn">
    /// The day it was paid: no later than today, not before it was submitted, and not before the day of the latest entry
    /// already in the ledger.
    /// </param>
    /// <param name="coalition">The fund's coalition.</param>
    /// <param name="governance">The coalition's governance, where the rules name an approving body.</param>
    /// <param name="by">The approver the rules name, never a delegate of the claiming member (whichever member they act for) nor the person who submitted it.</param>
    /// <param name="at">When it is recorded, in the years 1900 to 2999.</param>
    /// <returns>The ledger entry.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not the approver (<c>Resources.NotTheApprover</c>); another coalition (<c>Coalitions.OtherCoalition</c>); no such expense
    /// (<c>Resources.UnknownExpense</c>); not approved (<c>Resources.ExpenseNotPending</c>); a day after today, before the
    /// submission or before the latest entry in the ledger (<c>Resources.InvalidExpense</c>); the balance would fall below zero or the overdraft limit (<c>Resources.InsufficientFunds</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// var entry = fund.PayExpense(expense.Number, today, coalition, governance, Actor.Representing(treasurer, treasurerMember), now);
    /// </code>
    /// </example>
    public LedgerEntry PayExpense(int expense, LocalDate paidOn, CoalitionAggregate coalition, GovernanceAggregate? governance, Actor by, Instant at)
    {
        var found = Find(expense);
        PayExpenseCommand.Authorize(this, by, at, new Acting(coalition, found?.Claim.Member, governance, found), Name);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        var claim = EnsureExpense(expense, ExpenseStep.Pay);
        Ensure.Date(paidOn, nameof(paidOn));
        var today = DateOf(at);
        if (paidOn > today || paidOn < claim.SubmittedOn)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Resources.InvalidExpense, "Expense {number} is paid on a day from its submission, {submitted}, to today, {today}; not {on}.", ("number", expense), ("submitted", claim.SubmittedOn), ("today", today), ("on", paidOn));
        }

        if (_latestEntryOn is { } latest && paidOn < latest)
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Resources.InvalidExpense,
                "Expense {number} cannot be paid on {on}: the ledger of {fund} already holds an entry of {latest}, and a payment is never dated before the money already booked; pay it on {latest} or later.",
                ("number", expense),
                ("on", paidOn),
                ("fund", Name),
                ("latest", latest));
        }

        EnsureRoom();
        var amount = claim.Claim.Amount;
        if (Shortfall(amount) is { } shortfall)
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Resources.InsufficientFunds,
                "Paying expense {number} ({amount}) would take the balance of {fund} to {after}, below {floor}.",
                ("number", expense),
                ("amount", Amounts.Format(amount)),
                ("fund", Name),
                ("after", Amounts.Format(shortfall.After)),
                ("floor", Amounts.Format(shortfall.Floor)));
        }

        var entry = PaymentOf(expense, paidOn);
        Raise(new ExpensePaid(Id, expense, entry, at, by));
        return entry;
    }

    /// <summary>Withdraws an expense claim before it is paid.</summary>
    /// <param name="expense">The expense's number.</param>
    /// <param name="reason">Why: at most 2,000 characters.</param>
    /// <param name="coalition">The fund's coalition.</param>
    /// <param name="by">A delegate of the claiming member, acting for it.</param>
    /// <param name="at">When it is withdrawn, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a delegate of the claimant (<c>Resources.NotADelegate</c>); no such expense (<c>Resources.UnknownExpense</c>); paid,
    /// rejected or withdrawn (<c>Resources.ExpenseNotPending</c>); no reason (<c>Kernel.InvalidText</c>).
    /// </exception>
    public void WithdrawExpense(int expense, string reason, CoalitionAggregate coalition, Actor by, Instant at)
    {
        var found = Find(expense);
        WithdrawExpenseCommand.Authorize(this, by, at, new Acting(coalition, found?.Claim.Member), Name);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        EnsureExpense(expense, ExpenseStep.Withdraw);
        FreeText.Check(reason, nameof(reason), required: true);
        Raise(new ExpenseWithdrawn(Id, expense, reason.Trim(), at, by));
    }

    /// <summary>Closes the fund: only when every balance is zero and no expense awaits approval or payment.</summary>
    /// <param name="coalition">The fund's coalition.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it closes, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a coordinator (<c>Coalitions.NotACoordinator</c>); another coalition (<c>Coalitions.OtherCoalition</c>); already
    /// closed, money left or expenses pending (<c>Resources.FundClosed</c>).
    /// </exception>
    public void Close(CoalitionAggregate coalition, Actor by, Instant at)
    {
        CloseCommand.Authorize(this, by, at, new Acting(coalition), Name);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        EnsureFund(FundStep.Close);
        Raise(new FundClosed(Id, DateOf(at), at, by));
    }

    /// <summary>
    /// The statement for a period, for anyone in the coalition to read: per currency the balance at the start, the income
    /// and expenses of the period and the balance at the end; the entries of the period; and the expenses that awaited a
    /// decision or payment at the end of its last day, as they stood then (a claim paid, rejected or withdrawn later is still
    /// pending in the statement, so a statement of a past period does not change).
    /// </summary>
    /// <param name="from">The first day of the period.</param>
    /// <param name="to">The last day, on or after <paramref name="from"/>, at most ten years later.</param>
    /// <returns>The statement.</returns>
    /// <exception cref="CoalitionRuleException">The period is out of order or longer than ten years (<c>Resources.InvalidPeriod</c>), or a date out of range (<c>Kernel.OutOfRange</c>).</exception>
    public FundStatement StatementFor(LocalDate from, LocalDate to)
    {
        Ensure.Date(from, nameof(from));
        Ensure.Date(to, nameof(to));
        if (to < from || Period.Between(from, to, PeriodUnits.Years).Years >= 10)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Resources.InvalidPeriod, "A statement runs from its first day to its last, at most ten years: not from {from} to {to}.", ("from", from), ("to", to));
        }

        var currencies = new SortedDictionary<string, (decimal Opening, decimal Income, decimal Expenses)>(StringComparer.Ordinal);
        var entries = new List<LedgerEntry>();
        foreach (var entry in _ledger)
        {
            var currency = entry.Amount.Currency;
            var totals = currencies.GetValueOrDefault(currency);
            if (entry.On < from)
            {
                totals.Opening += entry.Signed.Amount;
            }
            else if (entry.On <= to)
            {
                entries.Add(entry);
                if (entry.IsIncome)
                {
                    totals.Income += entry.Amount.Amount;
                }
                else
                {
                    totals.Expenses += entry.Amount.Amount;
                }
            }

            currencies[currency] = totals;
        }

        var lines = currencies.Select(c => new CurrencyStatement(
            new Money(c.Value.Opening, c.Key),
            new Money(c.Value.Income, c.Key),
            new Money(c.Value.Expenses, c.Key),
            new Money(c.Value.Opening + c.Value.Income - c.Value.Expenses, c.Key))).ToArray();
        var pending = _expenses.Where(e => e.SubmittedOn <= to && !(_expenseDays[e.Number - 1].ClosedOn <= to)).Select(e => AsOf(e, to)).ToArray();
        return new FundStatement(Id, Name, from, to, lines, entries.OrderBy(e => e.On).ThenBy(e => e.Number).ToArray(), pending);
    }

    /// <summary>Whether the fund could pay an expense now, and why not.</summary>
    /// <param name="expense">The expense's number.</param>
    /// <returns>The check: the expense exists, is approved, and the balance would stay above its floor.</returns>
    public RuleCheck CanPayExpense(int expense)
    {
        try
        {
            var claim = EnsureExpense(expense, ExpenseStep.Pay);
            return Shortfall(claim.Claim.Amount) is { } shortfall
                ? RuleCheck.Refused(ErrorCodes.Resources.InsufficientFunds, "Paying expense {number} would take the balance to {after}, below {floor}.", ("number", expense), ("after", Amounts.Format(shortfall.After)), ("floor", Amounts.Format(shortfall.Floor)))
                : RuleCheck.Allowed;
        }
        catch (CoalitionRuleException refused)
        {
            return RuleCheck.Refused(refused.Failures[0]);
        }
    }

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is FundOpened;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => domainEvent switch
    {
        FundOpened e => FundRulesValidator.Instance.Validate(e.Rules).IsValid && DateTimeZoneProviders.Tzdb.GetZoneOrNull(e.TimeZone) is not null
            ? null : "the fund's rules are ill-formed or its time zone unknown.",
        _ when _status == FundStatus.Closed => "the fund is closed.",
        IncomeBooked e => EntryProblem(e.Entry, income: true)
            ?? (e.Entry.Pledge is { } pledge && (e.Entry.Receipt is not { } receipt || _booked.Contains((pledge, receipt))) ? "the pledge's receipt is missing or already booked." : null),
        ExpenseSubmitted e => e.Number != _expenses.Count + 1 ? "the expense is not numbered next."
            : ExpenseClaimValidator.Instance.Validate(e.Claim).IsValid ? null : "the claim is ill-formed.",
        ExpenseApproved e => StatusOf(e.Number) == ExpenseStatus.Submitted ? null : "the expense is not awaiting approval.",
        ExpenseRejected e => StatusOf(e.Number) == ExpenseStatus.Submitted ? null : "the expense is not awaiting approval.",
        ExpenseWithdrawn e => StatusOf(e.Number) is ExpenseStatus.Submitted or ExpenseStatus.Approved ? null : "the expense is not pending.",
        ExpensePaid e => StatusOf(e.Number) != ExpenseStatus.Approved ? "the expense is not approved."
            : EntryProblem(e.Entry, income: false)
            ?? (e.Entry.Expense != e.Number || e.Entry.Amount != _expenses[e.Number - 1].Claim.Amount ? "the entry is not the payment of the expense's amount."
            : e.Entry != PaymentOf(e.Number, e.Entry.On) ? "the entry is not the payment of the expense as claimed (its member, purpose, initiative and budget line)."
            : e.Entry.On < _expenses[e.Number - 1].SubmittedOn ? "the payment is dated before the expense was submitted."
            : Shortfall(e.Entry.Amount) is not null ? "the payment would take the balance below its floor." : null),
        FundClosed => _pending > 0 || _balances.Values.Any(v => v != 0m) ? "the fund holds money or pending expenses." : null,
        _ => null,
    };

    /// <inheritdoc />
    protected override void Apply(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case FundOpened e:
                Id = e.Fund;
                Rules = e.Rules;
                TimeZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(e.TimeZone) ?? DateTimeZone.Utc;
                OpenedOn = e.At.InZone(TimeZone).Date;
                break;
            case IncomeBooked e:
                Book(e.Entry);
                if (e.Entry.Pledge is { } pledge && e.Entry.Receipt is { } receipt)
                {
                    _booked.Add((pledge, receipt));
                }

                break;
            case ExpenseSubmitted e:
                _expenses.Add(new Expense(e.Number, e.Claim, e.On, e.By.Person ?? default, ExpenseStatus.Submitted));
                _expenseDays.Add(default);
                _pending++;
                break;
            case ExpenseApproved e:
                Update(e.Number, x => x with { Status = ExpenseStatus.Approved, Decision = e.Decision });
                _expenseDays[e.Number - 1] = _expenseDays[e.Number - 1] with { ApprovedOn = DayOfEvent(e.At) };
                break;
            case ExpenseRejected e:
                Update(e.Number, x => x with { Status = ExpenseStatus.Rejected, Reason = e.Reason });
                _expenseDays[e.Number - 1] = _expenseDays[e.Number - 1] with { ClosedOn = DayOfEvent(e.At) };
                _pending--;
                break;
            case ExpenseWithdrawn e:
                Update(e.Number, x => x with { Status = ExpenseStatus.Withdrawn, Reason = e.Reason });
                _expenseDays[e.Number - 1] = _expenseDays[e.Number - 1] with { ClosedOn = DayOfEvent(e.At) };
                _pending--;
                break;
            case ExpensePaid e:
                Book(e.Entry);
                Update(e.Number, x => x with { Status = ExpenseStatus.Paid, Entry = e.Entry.Number });
                _expenseDays[e.Number - 1] = _expenseDays[e.Number - 1] with { ClosedOn = e.Entry.On };
                _pending--;
                break;
            case FundClosed:
                _status = FundStatus.Closed;
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }

    private LocalDate DateOf(Instant at) => Ensure.Date(Ensure.At(at).InZone(TimeZone).Date, "today");

    // The day of an event's instant in the fund's time zone; for applying events, so it does not check the range.
    private LocalDate DayOfEvent(Instant at) => at.InZone(TimeZone).Date;

    // An expense still pending at the end of a day, as it stood then: approved if it was approved by then, else submitted.
    private Expense AsOf(Expense expense, LocalDate day) =>
        _expenseDays[expense.Number - 1].ApprovedOn <= day
            ? expense with { Status = ExpenseStatus.Approved, Entry = null, Reason = null }
            : expense with { Status = ExpenseStatus.Submitted, Decision = null, Entry = null, Reason = null };

    private Expense? Find(int number) => number >= 1 && number <= _expenses.Count ? _expenses[number - 1] : null;

    private ExpenseStatus? StatusOf(int number) => Find(number)?.Status;

    private void Update(int number, Func<Expense, Expense> change) => _expenses[number - 1] = change(_expenses[number - 1]);

    private void Book(LedgerEntry entry)
    {
        _ledger.Add(entry);
        if (_latestEntryOn is not { } latest || entry.On > latest)
        {
            _latestEntryOn = entry.On;
        }

        _balances[entry.Amount.Currency] = _balances.GetValueOrDefault(entry.Amount.Currency) + entry.Signed.Amount;
    }

    // The ledger entry that pays an expense on a day: the next number, the claim's amount, purpose, member, initiative and
    // budget line. A stored payment must be exactly this entry, bar its day.
    private LedgerEntry PaymentOf(int expense, LocalDate paidOn)
    {
        var claim = _expenses[expense - 1].Claim;
        return new LedgerEntry(_ledger.Count + 1, LedgerEntryKind.Expense, paidOn, claim.Amount, claim.Purpose, claim.Member, null, null, null, expense, claim.Initiative, claim.BudgetLine);
    }

    // What is wrong with an entry read from history, or null: numbered next, of the right direction, a bounded amount, a date
    // in range, and for a payment a date no earlier than the latest entry already booked.
    private string? EntryProblem(LedgerEntry entry, bool income) =>
        entry.Number != _ledger.Count + 1 ? "the ledger entry is not numbered next."
        : entry.IsIncome != income ? "the ledger entry moves money the wrong way."
        : Amounts.Problem(entry.Amount) is { } problem ? "the ledger entry's amount " + problem
        : !Limits.IsDate(entry.On) ? "the ledger entry's date lies outside the years 1900 to 2999."
        : !income && entry.On < _latestEntryOn ? "the payment is dated before the latest entry of the ledger."
        : _ledger.Count >= MaxEntries ? "the ledger is full." : null;

    // The balance after paying an amount and the floor it would fall below, or null when it stays at or above the floor.
    private (Money After, Money Floor)? Shortfall(Money amount)
    {
        var after = _balances.GetValueOrDefault(amount.Currency) - amount.Amount;
        var floor = -Rules.OverdraftIn(amount.Currency).Amount;
        return after < floor ? (new Money(after, amount.Currency), new Money(floor, amount.Currency)) : null;
    }

    private void EnsureRoom()
    {
        if (_ledger.Count >= MaxEntries)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "The ledger of {fund} holds {max} entries, the most one ledger holds; open a new fund.", ("fund", Name), ("max", MaxEntries));
        }
    }

    private void EnsureFund(FundStep step)
    {
        if (!Machine.CanFire(step, out var unmet))
        {
            var because = unmet?.Count > 0 ? " It closes only when " + Words.List(unmet) + "." : string.Empty;
            throw CoalitionRuleException.Because(
                ErrorCodes.Resources.FundClosed,
                "{fund} is {status}; it cannot {step}.{because}",
                ("fund", Name),
                ("status", _status),
                ("step", step switch { FundStep.TakeIncome => "take income", FundStep.TakeClaim => "take an expense claim", _ => "close" }),
                ("because", because));
        }
    }

    private Expense EnsureExpense(int number, ExpenseStep step)
    {
        var count = _expenses.Count;
        var expense = Find(number) ?? throw CoalitionRuleException.Because(ErrorCodes.Resources.UnknownExpense, "{fund} has no expense {number}; its expenses are numbered 1 to {count}.", ("fund", Name), ("number", number), ("count", count));
        _checkedExpense = expense.Status;
        if (!ExpenseMachine.CanFire(step))
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Resources.ExpenseNotPending,
                "Expense {number} of {fund} is {status}; it cannot be {step}.",
                ("number", number),
                ("fund", Name),
                ("status", expense.Status),
                ("step", step switch { ExpenseStep.Approve => "approved", ExpenseStep.Reject => "rejected", ExpenseStep.Pay => "paid", _ => "withdrawn" }));
        }

        return expense;
    }

    private bool IsApprover(Actor by, Acting acting)
    {
        if (by.Kind != ActorKind.Person || acting.Coalition is not { } coalition)
        {
            return false;
        }

        // The claimant's own people never approve or pay its claim: whoever acts for it, whoever submitted it, and any of its
        // delegates, whichever member (or none) they act for now; the coalition's membership names the delegates.
        if (acting.Expense is { } expense &&
            (by.OnBehalfOf == expense.Claim.Member || by.Person == expense.SubmittedBy || IsDelegateOfClaimant(coalition, expense.Claim.Member, by)))
        {
            return false;
        }

        if (Rules.ApprovingBody is not { } body)
        {
            return ResourceRules.IsCoordinator(coalition, by);
        }

        return acting.Governance is { } governance && ((IRuleBook)governance).Coalition == Coalition &&
               governance.Bodies.Any(b => b.Key == body) &&
               governance.OfficeHolder(body, Rules.ApprovingOffice) is { } holder && coalition.IsDelegate(holder, by);
    }

    private static bool IsDelegateOfClaimant(CoalitionAggregate coalition, PartnerId claimant, Actor by) =>
        by.Person is { } person && coalition.TryGetMembership(claimant, out var membership) && membership.Delegates.Contains(person);

    private StateMachine<FundStatus, FundStep> BuildMachine()
    {
        var machine = new StateMachine<FundStatus, FundStep>(() => _status, s => _status = s);
        machine.Configure(FundStatus.Open)
            .PermitReentry(FundStep.TakeIncome)
            .PermitReentry(FundStep.TakeClaim)
            .PermitIf(
                FundStep.Close,
                FundStatus.Closed,
                new Tuple<Func<bool>, string>(() => _balances.Values.All(v => v == 0m), "every balance is zero"),
                new Tuple<Func<bool>, string>(() => _pending == 0, "no expense awaits approval or payment"));
        machine.Configure(FundStatus.Closed);
        return machine;
    }

    private StateMachine<ExpenseStatus, ExpenseStep> BuildExpenseMachine()
    {
        var machine = new StateMachine<ExpenseStatus, ExpenseStep>(() => _checkedExpense, _ => { });
        machine.Configure(ExpenseStatus.Submitted)
            .Permit(ExpenseStep.Approve, ExpenseStatus.Approved)
            .Permit(ExpenseStep.Reject, ExpenseStatus.Rejected)
            .Permit(ExpenseStep.Withdraw, ExpenseStatus.Withdrawn);
        machine.Configure(ExpenseStatus.Approved)
            .Permit(ExpenseStep.Pay, ExpenseStatus.Paid)
            .Permit(ExpenseStep.Withdraw, ExpenseStatus.Withdrawn);
        machine.Configure(ExpenseStatus.Paid);
        machine.Configure(ExpenseStatus.Rejected);
        machine.Configure(ExpenseStatus.Withdrawn);
        return machine;
    }

    // The days an expense was approved and closed (rejected, withdrawn or paid), once they happened.
    private readonly record struct ExpenseDays(LocalDate? ApprovedOn, LocalDate? ClosedOn);

    // What a command tells its authorization check: the coalition, the member concerned, the governance, the expense.
    private readonly record struct Acting(CoalitionAggregate? Coalition, PartnerId? Member = null, GovernanceAggregate? Governance = null, Expense? Expense = null);
}
