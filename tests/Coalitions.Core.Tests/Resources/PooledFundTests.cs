using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Partners;
using Coalitions.Core.Resources;
using Coalitions.Core.Serialization;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using Snapshooter.Xunit;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.JointWorkScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Resources;

public class PooledFundTests
{
    private readonly global::Coalitions.Core.Coalitions.Coalition _coalition = Coalition();
    private readonly global::Coalitions.Core.Governance.CoalitionGovernance _governance;
    private readonly PooledFund _fund;

    public PooledFundTests()
    {
        _governance = JointWorkScenario.Governance(_coalition);
        _fund = Fund(_coalition, _governance);
    }

    [Fact]
    public void A_contribution_is_booked_from_a_receipt_of_a_pledge_to_the_fund()
    {
        var pledge = ReceivedPledge(_coalition, 2, 250_000m);

        var entry = _fund.RecordContribution(pledge, 1, _coalition, Secretariat, OnDate(2026, 5, 5));

        Assert.Equal(new LedgerEntry(1, LedgerEntryKind.Contribution, new LocalDate(2026, 5, 4), Kes(250_000m), "Our share of the reading fund", Partner(2), null, PledgeNumber(1), 1), entry);
        Assert.Equal(Kes(250_000m), _fund.BalanceIn("KES"));
    }

    [Fact]
    public void A_receipt_is_booked_once()
    {
        var pledge = ReceivedPledge(_coalition, 2);
        _fund.RecordContribution(pledge, 1, _coalition, Secretariat, OnDate(2026, 5, 5));

        Refusal.Expect(_fund, ErrorCodes.Resources.InvalidIncome, () => _fund.RecordContribution(pledge, 1, _coalition, Secretariat, OnDate(2026, 5, 6)));
    }

    [Fact]
    public void Only_a_money_pledge_to_this_fund_is_booked_as_its_income()
    {
        var elsewhere = Pledge.Make(PledgeNumber(2), MoneyPledge(2) with { Fund = null }, _coalition, For(2), Start);
        elsewhere.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 3, 2), Kes(10m)), _coalition, Secretariat, Start);

        Refusal.Expect(_fund, ErrorCodes.Resources.InvalidIncome, () => _fund.RecordContribution(elsewhere, 1, _coalition, Secretariat, Start));
        Refusal.Expect(_fund, ErrorCodes.Resources.InvalidIncome, () => _fund.RecordContribution(ReceivedPledge(_coalition, 2), 2, _coalition, Secretariat, OnDate(2026, 5, 5)));
    }

    [Fact]
    public void A_fund_books_only_pledges_made_in_its_own_coalition()
    {
        var other = AnotherWith(2);
        var pledge = Pledge.Make(PledgeNumber(9), MoneyPledge(2, 500m) with { Coalition = other.Id }, other, For(2), Start);
        pledge.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 3, 2), Kes(500m)), other, Secretariat, Start);

        var error = Refusal.Expect(_fund, ErrorCodes.Coalitions.OtherCoalition, () => _fund.RecordContribution(pledge, 1, _coalition, Secretariat, Start));

        Assert.Contains("made in another coalition", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fund.Ledger);
    }

    [Fact]
    public void Only_a_coordinator_books_income()
    {
        Refusal.Expect(_fund, ErrorCodes.Coalitions.NotACoordinator, () => _fund.RecordGrant(new GrantIncome("County Education Fund", Kes(10m), new LocalDate(2026, 3, 2)), _coalition, Treasurer, Start));
    }

    [Fact]
    public void An_expense_is_submitted_by_the_claimant_approved_by_the_treasurer_and_paid_from_the_balance()
    {
        _fund.RecordGrant(new GrantIncome("County Education Fund", Kes(200_000m), new LocalDate(2026, 3, 2), "CEF-2026-14"), _coalition, Secretariat, Start);
        var expense = _fund.SubmitExpense(new ExpenseClaim(Partner(1), Kes(80_000m), "Storybooks for four schools", new LocalDate(2026, 3, 2)), _coalition, For(1), Start);

        _fund.ApproveExpense(expense.Number, null, _coalition, _governance, Treasurer, Hours(1));
        var paid = _fund.PayExpense(expense.Number, new LocalDate(2026, 3, 2), _coalition, _governance, Treasurer, Hours(2));

        Assert.Equal(ExpenseStatus.Paid, _fund.Expenses[0].Status);
        Assert.Equal(2, paid.Number);
        Assert.Equal(Kes(120_000m), _fund.BalanceIn("KES"));
    }

    [Fact]
    public void Only_the_holder_of_the_office_the_rules_name_approves_an_expense()
    {
        var expense = Submitted(1, 10m);

        Refusal.Expect(_fund, ErrorCodes.Resources.NotTheApprover, () => _fund.ApproveExpense(expense.Number, null, _coalition, _governance, For(4), Start));
        Refusal.Expect(_fund, ErrorCodes.Resources.NotTheApprover, () => _fund.ApproveExpense(expense.Number, null, _coalition, _governance, Secretariat, Start));
    }

    [Fact]
    public void The_approver_never_approves_an_expense_its_own_member_claimed()
    {
        var own = Submitted(5, 10m);

        Refusal.Expect(_fund, ErrorCodes.Resources.NotTheApprover, () => _fund.ApproveExpense(own.Number, null, _coalition, _governance, Treasurer, Start));
    }

    [Fact]
    public void A_delegate_of_the_claiming_member_never_approves_or_pays_its_claim_whichever_member_it_acts_for()
    {
        // Member 7 names two delegates: its own person 7, and person 5, who also represents member 5, the treasurer.
        JoinWithDelegates(7, Person(7), Person(5));
        _fund.RecordGrant(new GrantIncome("County Education Fund", Kes(100m), new LocalDate(2026, 3, 2)), _coalition, Secretariat, Start);
        var claim = _fund.SubmitExpense(new ExpenseClaim(Partner(7), Kes(10m), "Printing", new LocalDate(2026, 3, 2)), _coalition, For(7), Start);

        Refusal.Expect(_fund, ErrorCodes.Resources.NotTheApprover, () => _fund.ApproveExpense(claim.Number, null, _coalition, _governance, Treasurer, Hours(1)));
        Refusal.Expect(_fund, ErrorCodes.Resources.NotTheApprover, () => _fund.RejectExpense(claim.Number, "Over budget.", _coalition, _governance, Treasurer, Hours(1)));
        Refusal.Expect(_fund, ErrorCodes.Resources.NotTheApprover, () => _fund.PayExpense(claim.Number, new LocalDate(2026, 3, 2), _coalition, _governance, Treasurer, Hours(1)));
    }

    [Fact]
    public void A_coordinator_who_is_a_delegate_of_the_claiming_member_never_approves_or_pays_its_claim()
    {
        // The secretariat's person coordinates the coalition and is also a delegate of member 7.
        JoinWithDelegates(7, Person(7), Secretariat.Person!.Value);
        var fund = PooledFund.Open(PooledFundId.New(), Rules(body: null), _coalition, Secretariat, Start);
        fund.RecordGrant(new GrantIncome("County Education Fund", Kes(100m), new LocalDate(2026, 3, 2)), _coalition, Secretariat, Start);
        var claim = fund.SubmitExpense(new ExpenseClaim(Partner(7), Kes(10m), "Printing", new LocalDate(2026, 3, 2)), _coalition, For(7), Start);

        Refusal.Expect(fund, ErrorCodes.Resources.NotTheApprover, () => fund.ApproveExpense(claim.Number, null, _coalition, null, Secretariat, Hours(1)));
    }

    [Fact]
    public void Where_the_rules_name_no_body_a_coordinator_approves_but_never_one_who_submitted_the_claim()
    {
        var fund = PooledFund.Open(PooledFundId.New(), Rules(body: null), _coalition, Secretariat, Start);
        var expense = fund.SubmitExpense(new ExpenseClaim(Partner(1), Kes(10m), "Printing", new LocalDate(2026, 3, 2)), _coalition, For(1), Start);

        fund.ApproveExpense(expense.Number, null, _coalition, null, Secretariat, Start);

        Assert.Equal(ExpenseStatus.Approved, fund.Expenses[0].Status);
    }

    [Fact]
    public void An_expense_above_the_threshold_cites_an_adopted_decision_to_approve_it()
    {
        var large = Submitted(1, 100_001m);

        Refusal.Expect(_fund, ErrorCodes.Coalitions.DecisionRequired, () => _fund.ApproveExpense(large.Number, null, _coalition, _governance, Treasurer, Start));
        Refusal.Expect(_fund, ErrorCodes.Coalitions.DecisionRequired, () => _fund.ApproveExpense(large.Number, Adopted(MatterType.ApproveBudget), _coalition, _governance, Treasurer, Start));
        _fund.ApproveExpense(large.Number, Adopted(MatterType.ApproveExpense), _coalition, _governance, Treasurer, Start);

        Assert.Equal(Adopted(MatterType.ApproveExpense), _fund.Expenses[0].Decision);
    }

    [Fact]
    public void An_expense_at_the_threshold_needs_no_decision_and_a_currency_without_one_always_does()
    {
        var atThreshold = Submitted(1, 100_000m);
        var dollars = _fund.SubmitExpense(new ExpenseClaim(Partner(1), new Money(1m, "USD"), "Postage", new LocalDate(2026, 3, 2)), _coalition, For(1), Start);

        _fund.ApproveExpense(atThreshold.Number, null, _coalition, _governance, Treasurer, Start);

        Refusal.Expect(_fund, ErrorCodes.Coalitions.DecisionRequired, () => _fund.ApproveExpense(dollars.Number, null, _coalition, _governance, Treasurer, Start));
    }

    [Fact]
    public void A_payment_never_takes_a_balance_below_zero_without_an_overdraft_rule()
    {
        _fund.RecordGrant(new GrantIncome("County Education Fund", Kes(50m), new LocalDate(2026, 3, 2)), _coalition, Secretariat, Start);
        var expense = Submitted(1, 60m);
        _fund.ApproveExpense(expense.Number, null, _coalition, _governance, Treasurer, Start);

        var error = Refusal.Expect(_fund, ErrorCodes.Resources.InsufficientFunds, () => _fund.PayExpense(expense.Number, new LocalDate(2026, 3, 2), _coalition, _governance, Treasurer, Start));

        Assert.Contains("to -10 KES, below 0 KES", error.Message, StringComparison.Ordinal);
        Assert.False(_fund.CanPayExpense(expense.Number).IsAllowed);
    }

    [Fact]
    public void An_overdraft_rule_lets_a_balance_go_below_zero_down_to_its_limit_only()
    {
        var fund = PooledFund.Open(PooledFundId.New(), Rules(overdraft: 20m), _coalition, Secretariat, Start, _governance);
        var first = fund.SubmitExpense(new ExpenseClaim(Partner(1), Kes(20m), "Tea", new LocalDate(2026, 3, 2)), _coalition, For(1), Start);
        var second = fund.SubmitExpense(new ExpenseClaim(Partner(1), Kes(0.01m), "A stamp", new LocalDate(2026, 3, 2)), _coalition, For(1), Start);
        fund.ApproveExpense(first.Number, null, _coalition, _governance, Treasurer, Start);
        fund.ApproveExpense(second.Number, null, _coalition, _governance, Treasurer, Start);

        fund.PayExpense(first.Number, new LocalDate(2026, 3, 2), _coalition, _governance, Treasurer, Start);

        Assert.Equal(Kes(-20m), fund.BalanceIn("KES"));
        Refusal.Expect(fund, ErrorCodes.Resources.InsufficientFunds, () => fund.PayExpense(second.Number, new LocalDate(2026, 3, 2), _coalition, _governance, Treasurer, Start));
    }

    [Fact]
    public void A_payment_is_not_dated_before_the_latest_ledger_entry()
    {
        var expense = Submitted(1, 60m);
        _fund.ApproveExpense(expense.Number, null, _coalition, _governance, Treasurer, Start);
        _fund.RecordGrant(new GrantIncome("County Education Fund", Kes(100m), new LocalDate(2026, 3, 20)), _coalition, Secretariat, OnDate(2026, 3, 20));

        // Paid "on 5 March" with money that only arrived on 20 March: the statement of 1-10 March would close at -60 KES.
        var error = Refusal.Expect(_fund, ErrorCodes.Resources.InvalidExpense, () => _fund.PayExpense(expense.Number, new LocalDate(2026, 3, 5), _coalition, _governance, Treasurer, OnDate(2026, 3, 20)));
        _fund.PayExpense(expense.Number, new LocalDate(2026, 3, 20), _coalition, _governance, Treasurer, OnDate(2026, 3, 20));

        Assert.Contains("already holds an entry of 20 March 2026", error.Message, StringComparison.Ordinal);
        Assert.All(_fund.StatementFor(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 10)).Currencies, line => Assert.True(line.Closing.Amount >= 0m));
    }

    [Fact]
    public void Income_may_be_dated_before_the_latest_ledger_entry()
    {
        var expense = Submitted(1, 60m);
        _fund.ApproveExpense(expense.Number, null, _coalition, _governance, Treasurer, Start);
        _fund.RecordGrant(new GrantIncome("County Education Fund", Kes(100m), new LocalDate(2026, 3, 20)), _coalition, Secretariat, OnDate(2026, 3, 20));
        _fund.PayExpense(expense.Number, new LocalDate(2026, 3, 20), _coalition, _governance, Treasurer, OnDate(2026, 3, 20));

        _fund.RecordGrant(new GrantIncome("Parents' appeal", Kes(5m), new LocalDate(2026, 3, 3)), _coalition, Secretariat, OnDate(2026, 3, 21));

        Assert.Equal(Kes(45m), _fund.BalanceIn("KES"));
        Assert.Equal(Kes(5m), _fund.StatementFor(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 10)).Currencies.Single().Closing);
    }

    [Fact]
    public void An_expense_is_paid_once_and_only_once_approved()
    {
        _fund.RecordGrant(new GrantIncome("County Education Fund", Kes(100m), new LocalDate(2026, 3, 2)), _coalition, Secretariat, Start);
        var expense = Submitted(1, 10m);

        Refusal.Expect(_fund, ErrorCodes.Resources.ExpenseNotPending, () => _fund.PayExpense(expense.Number, new LocalDate(2026, 3, 2), _coalition, _governance, Treasurer, Start));
        _fund.ApproveExpense(expense.Number, null, _coalition, _governance, Treasurer, Start);
        _fund.PayExpense(expense.Number, new LocalDate(2026, 3, 2), _coalition, _governance, Treasurer, Start);
        Refusal.Expect(_fund, ErrorCodes.Resources.ExpenseNotPending, () => _fund.PayExpense(expense.Number, new LocalDate(2026, 3, 2), _coalition, _governance, Treasurer, Start));
        Refusal.Expect(_fund, ErrorCodes.Resources.UnknownExpense, () => _fund.PayExpense(2, new LocalDate(2026, 3, 2), _coalition, _governance, Treasurer, Start));
    }

    [Fact]
    public void A_claimant_withdraws_its_claim_before_payment_and_a_rejection_gives_a_reason()
    {
        var withdrawn = Submitted(1, 10m);
        var rejected = Submitted(2, 10m);

        Refusal.Expect(_fund, ErrorCodes.Resources.NotADelegate, () => _fund.WithdrawExpense(withdrawn.Number, "Paid by ourselves.", _coalition, For(2), Start));
        _fund.WithdrawExpense(withdrawn.Number, "Paid by ourselves.", _coalition, For(1), Start);
        Refusal.Expect(_fund, ErrorCodes.Kernel.InvalidText, () => _fund.RejectExpense(rejected.Number, " ", _coalition, _governance, Treasurer, Start));
        _fund.RejectExpense(rejected.Number, "Outside the fund's purpose.", _coalition, _governance, Treasurer, Start);

        Assert.Equal([ExpenseStatus.Withdrawn, ExpenseStatus.Rejected], _fund.Expenses.Select(e => e.Status));
    }

    [Fact]
    public void A_fund_closes_only_when_every_balance_is_zero_and_no_expense_is_pending()
    {
        _fund.RecordGrant(new GrantIncome("County Education Fund", Kes(10m), new LocalDate(2026, 3, 2)), _coalition, Secretariat, Start);
        var error = Refusal.Expect(_fund, ErrorCodes.Resources.FundClosed, () => _fund.Close(_coalition, Secretariat, Start));
        Assert.Contains("every balance is zero", error.Message, StringComparison.Ordinal);

        var expense = Submitted(1, 10m);
        _fund.ApproveExpense(expense.Number, null, _coalition, _governance, Treasurer, Start);
        _fund.PayExpense(expense.Number, new LocalDate(2026, 3, 2), _coalition, _governance, Treasurer, Start);
        _fund.Close(_coalition, Secretariat, Start);

        Assert.Equal(FundStatus.Closed, _fund.Status);
        Refusal.Expect(_fund, ErrorCodes.Resources.FundClosed, () => _fund.RecordGrant(new GrantIncome("Late donor", Kes(1m), new LocalDate(2026, 3, 2)), _coalition, Secretariat, Start));
    }

    [Fact]
    public void A_fund_whose_approver_is_an_office_needs_a_body_that_has_it()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => PooledFund.Open(PooledFundId.New(), Rules() with { ApprovingOffice = Office.Facilitator }, _coalition, Secretariat, Start, _governance));

        Assert.True(error.Has(ErrorCodes.Resources.InvalidFund));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => PooledFund.Open(PooledFundId.New(), Rules(), _coalition, Secretariat, Start)).Has(ErrorCodes.Coalitions.OtherCoalition));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => PooledFund.Open(PooledFundId.New(), Rules() with { Overdrafts = [Kes(1m), Kes(2m)] }, _coalition, Secretariat, Start, _governance)).Has(ErrorCodes.Resources.InvalidFund));
    }

    [Fact]
    public void The_statement_for_a_period_gives_opening_income_expenses_and_closing_per_currency()
    {
        var pledge = ReceivedPledge(_coalition, 2, 250_000m);
        _fund.RecordContribution(pledge, 1, _coalition, Secretariat, OnDate(2026, 5, 5));
        _fund.RecordGrant(new GrantIncome("County Education Fund", new Money(2_000m, "USD"), new LocalDate(2026, 5, 10), "CEF-2026-14"), _coalition, Secretariat, OnDate(2026, 5, 10));
        var books = _fund.SubmitExpense(new ExpenseClaim(Partner(1), Kes(180_000m), "Storybooks for twelve schools", new LocalDate(2026, 6, 2)), _coalition, For(1), OnDate(2026, 6, 2));
        _fund.ApproveExpense(books.Number, Adopted(MatterType.ApproveExpense), _coalition, _governance, Treasurer, OnDate(2026, 6, 3));
        _fund.PayExpense(books.Number, new LocalDate(2026, 6, 4), _coalition, _governance, Treasurer, OnDate(2026, 6, 4));
        _fund.SubmitExpense(new ExpenseClaim(Partner(2), Kes(5_000m), "Camp snacks", new LocalDate(2026, 6, 20)), _coalition, For(2), OnDate(2026, 6, 20));

        var june = _fund.StatementFor(new LocalDate(2026, 6, 1), new LocalDate(2026, 6, 30));

        Assert.Equal(new CurrencyStatement(Kes(250_000m), Kes(0m), Kes(180_000m), Kes(70_000m)), june.Currencies.Single(c => c.Currency == "KES"));
        Snapshot.Match(june.Describe(p => $"Member {p.Value.ToString()[^1]}"));
    }

    [Fact]
    public void A_statement_lists_as_pending_the_expenses_that_awaited_payment_on_its_last_day()
    {
        var march2 = new LocalDate(2026, 3, 2);
        _fund.RecordGrant(new GrantIncome("County Education Fund", Kes(100m), march2), _coalition, Secretariat, Start);
        var expense = _fund.SubmitExpense(new ExpenseClaim(Partner(1), Kes(60m), "Printing", march2), _coalition, For(1), Start);
        _fund.ApproveExpense(expense.Number, null, _coalition, _governance, Treasurer, Start);
        var before = _fund.StatementFor(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 10));

        _fund.PayExpense(expense.Number, new LocalDate(2026, 3, 20), _coalition, _governance, Treasurer, OnDate(2026, 3, 20));
        var after = _fund.StatementFor(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 10));

        // On 10 March the claim awaited payment; paying it on 20 March does not change the statement of 1-10 March.
        Assert.Equal(before.Pending, after.Pending);
        Assert.Equal([(1, ExpenseStatus.Approved)], after.Pending.Select(e => (e.Number, e.Status)));
        Assert.Empty(_fund.StatementFor(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 20)).Pending);
    }

    [Fact]
    public void A_statement_shows_a_pending_claim_as_it_stood_on_its_last_day_and_replay_agrees()
    {
        var approved = _fund.SubmitExpense(new ExpenseClaim(Partner(1), Kes(10m), "Printing", new LocalDate(2026, 3, 2)), _coalition, For(1), Start);
        var rejected = _fund.SubmitExpense(new ExpenseClaim(Partner(2), Kes(10m), "Tea", new LocalDate(2026, 3, 2)), _coalition, For(2), Start);
        var withdrawn = _fund.SubmitExpense(new ExpenseClaim(Partner(3), Kes(10m), "Stamps", new LocalDate(2026, 3, 2)), _coalition, For(3), Start);
        _fund.ApproveExpense(approved.Number, null, _coalition, _governance, Treasurer, OnDate(2026, 3, 5));
        _fund.RejectExpense(rejected.Number, "Outside the fund's purpose.", _coalition, _governance, Treasurer, OnDate(2026, 3, 6));
        _fund.WithdrawExpense(withdrawn.Number, "Paid by ourselves.", _coalition, For(3), OnDate(2026, 3, 7));

        var onThe4th = _fund.StatementFor(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 4)).Pending;
        var onThe6th = _fund.StatementFor(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 6)).Pending;

        Assert.Equal([(1, ExpenseStatus.Submitted, (string?)null), (2, ExpenseStatus.Submitted, null), (3, ExpenseStatus.Submitted, null)], onThe4th.Select(e => (e.Number, e.Status, e.Reason)));
        Assert.Equal([(1, ExpenseStatus.Approved), (3, ExpenseStatus.Submitted)], onThe6th.Select(e => (e.Number, e.Status)));
        Assert.Equal([1], _fund.StatementFor(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 7)).Pending.Select(e => e.Number));
        var back = PooledFund.Rehydrate(_fund.DequeueUncommittedEvents());
        Assert.Equal(onThe6th, back.StatementFor(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 6)).Pending);
    }

    [Fact]
    public void A_statement_covers_at_most_ten_years_in_order()
    {
        Assert.True(Assert.Throws<CoalitionRuleException>(() => _fund.StatementFor(new LocalDate(2026, 6, 30), new LocalDate(2026, 6, 1))).Has(ErrorCodes.Resources.InvalidPeriod));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => _fund.StatementFor(new LocalDate(2026, 1, 1), new LocalDate(2036, 1, 1))).Has(ErrorCodes.Resources.InvalidPeriod));
    }

    [Fact]
    public void A_stored_history_that_overdraws_the_fund_is_refused()
    {
        var expense = Submitted(1, 10m);
        _fund.ApproveExpense(expense.Number, null, _coalition, _governance, Treasurer, Start);
        var history = _fund.DequeueUncommittedEvents().ToList();
        history.Add(new ExpensePaid(TheFund, 1, new LedgerEntry(1, LedgerEntryKind.Expense, new LocalDate(2026, 3, 2), Kes(10m), "Printing", Partner(1), Expense: 1), Start, Treasurer));

        var error = Assert.Throws<StoredEventException>(() => PooledFund.Rehydrate(history));

        Assert.Contains("below its floor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_history_that_pays_another_amount_than_the_claim_is_refused()
    {
        _fund.RecordGrant(new GrantIncome("County Education Fund", Kes(100m), new LocalDate(2026, 3, 2)), _coalition, Secretariat, Start);
        var expense = Submitted(1, 10m);
        _fund.ApproveExpense(expense.Number, null, _coalition, _governance, Treasurer, Start);
        var history = _fund.DequeueUncommittedEvents().ToList();
        history.Add(new ExpensePaid(TheFund, 1, new LedgerEntry(2, LedgerEntryKind.Expense, new LocalDate(2026, 3, 2), Kes(90m), "Printing", Partner(1), Expense: 1), Start, Treasurer));

        Assert.Throws<StoredEventException>(() => PooledFund.Rehydrate(history));
    }

    [Fact]
    public void A_fund_round_trips_through_json()
    {
        _fund.RecordContribution(ReceivedPledge(_coalition, 2), 1, _coalition, Secretariat, OnDate(2026, 5, 5));
        var expense = _fund.SubmitExpense(new ExpenseClaim(Partner(1), Kes(10m), "Printing", new LocalDate(2026, 5, 5)), _coalition, For(1), OnDate(2026, 5, 5));
        _fund.ApproveExpense(expense.Number, null, _coalition, _governance, Treasurer, OnDate(2026, 5, 5));
        _fund.PayExpense(expense.Number, new LocalDate(2026, 5, 5), _coalition, _governance, Treasurer, OnDate(2026, 5, 5));
        var stored = _fund.DequeueUncommittedEvents().Select(CoalitionsJson.SerializeEvent).ToArray();

        var back = PooledFund.Rehydrate(stored.Select(CoalitionsJson.DeserializeEvent));

        Assert.Equal(ObservableState.Of(_fund), ObservableState.Of(back));
    }

    private void JoinWithDelegates(int member, params PersonId[] delegates)
    {
        _coalition.Invite(
            new MembershipOffer(Partner(member), MembershipTier.Full, delegates),
            new PartnerSnapshot(Partner(member), PartnerScenario.Profile($"Member {member}"), delegates),
            OpenDoor,
            null,
            Secretariat,
            Start);
        _coalition.AcceptMembership(Partner(member), For(member), Start);
    }

    private Expense Submitted(int member, decimal amount) =>
        _fund.SubmitExpense(new ExpenseClaim(Partner(member), Kes(amount), "Printing", new LocalDate(2026, 3, 2)), _coalition, For(member), Start);

    [Fact]
    public void A_statement_says_in_words_what_came_in_from_whom_what_went_out_to_whom_and_what_awaits()
    {
        var march2 = new LocalDate(2026, 3, 2);
        var empty = _fund.StatementFor(march2, march2).Describe();
        _fund.RecordGrant(new GrantIncome("County Education Fund", Kes(100m), march2), _coalition, Secretariat, Start);
        var paid = _fund.SubmitExpense(new ExpenseClaim(Partner(1), Kes(60m), "Printing", march2), _coalition, For(1), Start);
        _fund.ApproveExpense(paid.Number, null, _coalition, _governance, Treasurer, Start);
        _fund.PayExpense(paid.Number, march2, _coalition, _governance, Treasurer, Start);
        var waiting = _fund.SubmitExpense(new ExpenseClaim(Partner(2), Kes(30m), "Storybooks", march2), _coalition, For(2), Start);

        var statement = _fund.StatementFor(march2, march2);

        Assert.EndsWith(": statement from 2 March 2026 to 2 March 2026.\nNo money has been booked.", empty, StringComparison.Ordinal);
        Assert.EndsWith(
            "\nKES: opening balance 0 KES, income 100 KES, expenses 60 KES, closing balance 40 KES."
            + "\n2 March 2026, entry 1: in 100 KES, grant from County Education Fund (County Education Fund)."
            + "\n2 March 2026, entry 2: out 60 KES, expense to Teachers (Printing)."
            + $"\nPending: expense 2, 30 KES claimed by member {Partner(2)}, submitted.",
            statement.Describe(m => m == Partner(1) ? "Teachers" : null),
            StringComparison.Ordinal);
        Assert.Contains($"expense to member {Partner(1)} (Printing).", statement.Describe(), StringComparison.Ordinal);
        Assert.Equal(2, waiting.Number);
    }
}
