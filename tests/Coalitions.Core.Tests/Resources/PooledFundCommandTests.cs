using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Resources;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.JointWorkScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using CoalitionAggregate = global::Coalitions.Core.Coalitions.Coalition;
using GovernanceAggregate = global::Coalitions.Core.Governance.CoalitionGovernance;

namespace Coalitions.Core.Tests.Resources;

/// <summary>
/// Each command of a pooled fund at its boundary: who may act, the coalition it belongs to, the step a claim or the
/// fund is in, the days a grant, a claim and a payment may carry, a statement's period and the entries it lists, and
/// the words of each refusal.
/// </summary>
public class PooledFundCommandTests
{
    private static readonly LocalDate Today = new(2026, 3, 2);
    private readonly CoalitionAggregate _coalition = Coalition();
    private readonly GovernanceAggregate _governance;
    private readonly PooledFund _fund;

    public PooledFundCommandTests()
    {
        _governance = JointWorkScenario.Governance(_coalition);
        _fund = Fund(_coalition, _governance);
    }

    private static GrantIncome Grant(decimal amount = 100m, LocalDate? on = null, string? reference = null) =>
        new("County Education Fund", Kes(amount), on ?? Today, reference);

    private static ExpenseClaim Claim(int member = 1, decimal amount = 10m, LocalDate? on = null) =>
        new(Partner(member), Kes(amount), "Printing", on ?? Today);

    // A fund holding 100 KES with claim 1 submitted, claim 2 approved (both of member 1) and member 2's pledge received.
    private (PooledFund Fund, Pledge Pledge) Busy()
    {
        var fund = Fund(_coalition, _governance);
        fund.RecordGrant(Grant(), _coalition, Secretariat, Start);
        fund.SubmitExpense(Claim(), _coalition, For(1), Start);
        fund.SubmitExpense(Claim(), _coalition, For(1), Start);
        fund.ApproveExpense(2, null, _coalition, _governance, Treasurer, Start);
        return (fund, ReceivedPledge(_coalition, 2));
    }

    // Each command as the given actor for the given coalition, with the code its authorization refuses with.
    private static IEnumerable<(string Name, ErrorCode Refused, Action<PooledFund, Pledge, CoalitionAggregate, GovernanceAggregate?, Actor> Run)> Commands() =>
    [
        ("book a contribution", ErrorCodes.Coalitions.NotACoordinator, (f, p, c, _, by) => f.RecordContribution(p, 1, c, by, OnDate(2026, 5, 5))),
        ("book a grant", ErrorCodes.Coalitions.NotACoordinator, (f, _, c, _, by) => f.RecordGrant(Grant(), c, by, Hours(1))),
        ("submit a claim", ErrorCodes.Resources.NotADelegate, (f, _, c, _, by) => f.SubmitExpense(Claim(), c, by, Hours(1))),
        ("approve a claim", ErrorCodes.Resources.NotTheApprover, (f, _, c, g, by) => f.ApproveExpense(1, null, c, g, by, Hours(1))),
        ("reject a claim", ErrorCodes.Resources.NotTheApprover, (f, _, c, g, by) => f.RejectExpense(1, "Outside the purpose.", c, g, by, Hours(1))),
        ("pay a claim", ErrorCodes.Resources.NotTheApprover, (f, _, c, g, by) => f.PayExpense(2, Today, c, g, by, Hours(1))),
        ("withdraw a claim", ErrorCodes.Resources.NotADelegate, (f, _, c, _, by) => f.WithdrawExpense(1, "Paid by ourselves.", c, by, Hours(1))),
        ("close", ErrorCodes.Coalitions.NotACoordinator, (f, _, c, _, by) => f.Close(c, by, Hours(1))),
    ];

    // Who may act in each command: a coordinator, a delegate of the claiming member 1, or the treasurer's delegate.
    private static (Actor By, int Member) Allowed(ErrorCode refused) =>
        refused == ErrorCodes.Resources.NotADelegate ? (For(1), 1) : refused == ErrorCodes.Resources.NotTheApprover ? (Treasurer, 5) : (Secretariat, 1);

    [Fact]
    public void Every_command_is_refused_to_one_who_may_not_act_for_another_coalition_and_without_a_coalition()
    {
        foreach (var (name, refused, run) in Commands())
        {
            var (fund, pledge) = Busy();
            var (by, member) = Allowed(refused);
            CommandBoundary.Holds(fund, name, refused, (c, actor) => run(fund, pledge, c, _governance, actor), _coalition, [For(7), For(2)], by, AnotherWith(member), PledgeCommandTests.OtherCoalition);
        }
    }

    [Fact]
    public void A_fund_is_opened_by_a_coordinator_for_its_own_coalition_with_an_id_and_the_governance_whose_office_approves()
    {
        Assert.True(Refusal.Of(() => PooledFund.Open(TheFund, Rules(), _coalition, For(1), Start, _governance), ErrorCodes.Coalitions.NotACoordinator).IsAuthorizationRefusal);
        Refusal.Of(() => PooledFund.Open(default, Rules(), _coalition, Secretariat, Start, _governance), ErrorCodes.Kernel.EmptyId);
        Assert.Equal(
            "The coalition given, Learning for All, is not the one this belongs to.",
            Refusal.Of(() => PooledFund.Open(TheFund, Rules() with { Coalition = AnotherWith(1).Id }, _coalition, Secretariat, Start, _governance), ErrorCodes.Coalitions.OtherCoalition).Message);
        Assert.Equal(
            "The fund's approver is an office of a body of Learning for All; pass that coalition's governance.",
            Refusal.Of(() => PooledFund.Open(TheFund, Rules(), _coalition, Secretariat, Start), ErrorCodes.Coalitions.OtherCoalition).Message);
        Assert.Equal(
            "The governance of Learning for All has no body 'audit-committee' with the office of treasurer.",
            Refusal.Of(() => PooledFund.Open(TheFund, Rules(body: "audit-committee"), _coalition, Secretariat, Start, _governance), ErrorCodes.Resources.InvalidFund).Message);
    }

    [Fact]
    public void A_grant_and_a_claim_are_checked_whole_and_a_claim_is_made_for_a_member_active_today()
    {
        _coalition.Suspend(Partner(2), Adopted(MatterType.SuspendMember), Secretariat, Hours(1));

        Refusal.Expect(_fund, ErrorCodes.Kernel.InvalidText, () => _fund.RecordGrant(Grant() with { Funder = " " }, _coalition, Secretariat, Start));
        Refusal.Expect(_fund, ErrorCodes.Kernel.InvalidText, () => _fund.SubmitExpense(Claim() with { Purpose = "" }, _coalition, For(1), Start));
        Assert.Equal(
            "Member 2 is not an active member of Learning for All on 2 March 2026.",
            Refusal.Expect(_fund, ErrorCodes.Resources.NotAnActiveMember, () => _fund.SubmitExpense(Claim(2), _coalition, For(2), Hours(2))).Message);
    }

    [Fact]
    public void A_fund_with_money_left_in_any_currency_does_not_close()
    {
        _fund.RecordGrant(Grant(10m), _coalition, Secretariat, Start);
        _fund.RecordGrant(Grant() with { Amount = new Money(5m, "USD") }, _coalition, Secretariat, Start);
        var expense = _fund.SubmitExpense(Claim(amount: 10m), _coalition, For(1), Start);
        _fund.ApproveExpense(expense.Number, null, _coalition, _governance, Treasurer, Start);
        _fund.PayExpense(expense.Number, Today, _coalition, _governance, Treasurer, Start);

        Assert.Equal([new Money(0m, "KES"), new Money(5m, "USD")], _fund.Balances);
        Refusal.Expect(_fund, ErrorCodes.Resources.FundClosed, () => _fund.Close(_coalition, Secretariat, Hours(1)));
    }

    [Fact]
    public void A_refusal_of_who_acts_names_who_may()
    {
        var (fund, _) = Busy();

        Assert.Equal(
            $"Person {Person(7)} acting for partner {Partner(7)} may not record grant Reading fund: only a coordinator of the coalition may.",
            Refusal.Expect(fund, ErrorCodes.Coalitions.NotACoordinator, () => fund.RecordGrant(Grant(), _coalition, For(7), Start)).Message);
        Assert.Equal(
            $"Person {Person(2)} acting for partner {Partner(2)} may not withdraw expense Reading fund: only a delegate of the claiming member, acting for it may.",
            Refusal.Expect(fund, ErrorCodes.Resources.NotADelegate, () => fund.WithdrawExpense(1, "Paid by ourselves.", _coalition, For(2), Start)).Message);
    }

    [Fact]
    public void The_approver_acts_as_a_person_through_the_office_holder_and_never_submitted_the_claim_it_decides()
    {
        var (fund, _) = Busy();
        var coordinated = PooledFund.Open(PooledFundId.New(), Rules(body: null), _coalition, Secretariat, Start);
        coordinated.SubmitExpense(Claim(), _coalition, For(1), Start);
        var aProcess = Actor.System("payments");

        Refusal.Expect(fund, ErrorCodes.Resources.NotTheApprover, () => fund.ApproveExpense(1, null, _coalition, _governance, aProcess, Start));
        Refusal.Expect(fund, ErrorCodes.Resources.NotTheApprover, () => fund.ApproveExpense(1, null, _coalition, null, Treasurer, Start));
        Refusal.Expect(fund, ErrorCodes.Resources.NotTheApprover, () => fund.ApproveExpense(1, null, _coalition, GovernanceScenario.With(GovernanceTemplates.AdvocacyCoalition(), AnotherWith(5)), Treasurer, Start));
        Refusal.Expect(coordinated, ErrorCodes.Resources.NotTheApprover, () => coordinated.ApproveExpense(1, null, _coalition, null, For(1), Start));
        Refusal.Expect(coordinated, ErrorCodes.Resources.NotTheApprover, () => coordinated.ApproveExpense(1, null, _coalition, null, Actor.System("payments"), Start));

        fund.ApproveExpense(1, null, _coalition, _governance, Treasurer, Start);
        coordinated.ApproveExpense(1, null, _coalition, null, Secretariat, Start);

        Assert.Equal(ExpenseStatus.Approved, fund.Expenses[0].Status);
        Assert.Equal(ExpenseStatus.Approved, coordinated.Expenses[0].Status);
    }

    [Fact]
    public void A_contribution_is_refused_with_the_pledge_it_names_when_it_is_no_money_pledge_to_the_fund_has_no_such_receipt_or_is_booked()
    {
        var time = Pledge.Make(PledgeNumber(3), TimePledge(3), _coalition, For(3), Start);
        var pledge = ReceivedPledge(_coalition, 2);

        Assert.Equal(
            "The expertise pledge of Member 3 is not a pledge of money to Reading fund.",
            Refusal.Expect(_fund, ErrorCodes.Resources.InvalidIncome, () => _fund.RecordContribution(time, 1, _coalition, Secretariat, Start)).Message);
        var books = Pledge.Make(PledgeNumber(4), new PledgeOffer(TheCoalition, Partner(3), ContributionKind.InKind, "Two hundred storybooks", new LocalDate(2026, 8, 31)), _coalition, For(3), Start);
        Assert.Equal(
            "The in-kind pledge of Member 3 is not a pledge of money to Reading fund.",
            Refusal.Expect(_fund, ErrorCodes.Resources.InvalidIncome, () => _fund.RecordContribution(books, 1, _coalition, Secretariat, Start)).Message);
        Refusal.Expect(_fund, ErrorCodes.Kernel.InvalidInput, () => _fund.RecordContribution(null!, 1, _coalition, Secretariat, Start));
        Assert.Equal(
            "The pledge of Member 2 has no receipt 2.",
            Refusal.Expect(_fund, ErrorCodes.Resources.InvalidIncome, () => _fund.RecordContribution(pledge, 2, _coalition, Secretariat, OnDate(2026, 5, 5))).Message);

        _fund.RecordContribution(pledge, 1, _coalition, Secretariat, OnDate(2026, 5, 5));

        Assert.Equal(
            "Receipt 1 of the pledge of Member 2 is already in the ledger of Reading fund.",
            Refusal.Expect(_fund, ErrorCodes.Resources.InvalidIncome, () => _fund.RecordContribution(pledge, 1, _coalition, Secretariat, OnDate(2026, 5, 6))).Message);
    }

    [Fact]
    public void A_grant_is_booked_on_the_day_received_up_to_today_described_by_its_reference_or_else_its_funder()
    {
        Assert.Equal(
            "A grant is booked once received: 3 March 2026 is after today, 2 March 2026.",
            Refusal.Expect(_fund, ErrorCodes.Resources.InvalidIncome, () => _fund.RecordGrant(Grant(on: Today.PlusDays(1)), _coalition, Secretariat, Start)).Message);

        var plain = _fund.RecordGrant(Grant() with { Funder = "  County Education Fund " }, _coalition, Secretariat, Start);
        var referenced = _fund.RecordGrant(Grant(reference: " CEF-2026-14 ", on: Today.PlusDays(-1)), _coalition, Secretariat, Start);

        Assert.Equal(("County Education Fund", "County Education Fund", Today), (plain.Description, plain.Counterparty, plain.On));
        Assert.Equal(("CEF-2026-14", Today.PlusDays(-1), 2), (referenced.Description, referenced.On, referenced.Number));
    }

    [Fact]
    public void A_claim_is_for_an_expense_incurred_up_to_today_by_a_member_active_today()
    {
        Assert.Equal(
            "An expense is claimed once incurred: 3 March 2026 is after today, 2 March 2026.",
            Refusal.Expect(_fund, ErrorCodes.Resources.InvalidExpense, () => _fund.SubmitExpense(Claim(on: Today.PlusDays(1)), _coalition, For(1), Start)).Message);
        Assert.True(Refusal.Expect(_fund, ErrorCodes.Resources.NotADelegate, () => _fund.SubmitExpense(null!, _coalition, For(1), Start)).IsAuthorizationRefusal);

        var expense = _fund.SubmitExpense(Claim() with { Purpose = " Printing " }, _coalition, For(1), Start);

        Assert.Equal(new Expense(1, Claim(), Today, Person(1), ExpenseStatus.Submitted), expense);
        Assert.Equal(expense, _fund.Expenses.Single());
    }

    [Fact]
    public void A_claim_is_decided_while_submitted_paid_while_approved_and_withdrawn_until_paid_each_refusal_naming_its_status()
    {
        var (fund, _) = Busy();
        fund.PayExpense(2, Today, _coalition, _governance, Treasurer, Start);

        Assert.Equal(
            "Reading fund has no expense 3; its expenses are numbered 1 to 2.",
            Refusal.Expect(fund, ErrorCodes.Resources.UnknownExpense, () => fund.ApproveExpense(3, null, _coalition, _governance, Treasurer, Start)).Message);
        Refusal.Expect(fund, ErrorCodes.Resources.UnknownExpense, () => fund.RejectExpense(0, "No.", _coalition, _governance, Treasurer, Start));
        Assert.Equal(
            "Expense 1 of Reading fund is submitted; it cannot be paid.",
            Refusal.Expect(fund, ErrorCodes.Resources.ExpenseNotPending, () => fund.PayExpense(1, Today, _coalition, _governance, Treasurer, Start)).Message);
        Assert.Equal(
            "Expense 2 of Reading fund is paid; it cannot be approved.",
            Refusal.Expect(fund, ErrorCodes.Resources.ExpenseNotPending, () => fund.ApproveExpense(2, null, _coalition, _governance, Treasurer, Start)).Message);
        Assert.Equal(
            "Expense 2 of Reading fund is paid; it cannot be rejected.",
            Refusal.Expect(fund, ErrorCodes.Resources.ExpenseNotPending, () => fund.RejectExpense(2, "No.", _coalition, _governance, Treasurer, Start)).Message);
        Assert.Equal(
            "Expense 2 of Reading fund is paid; it cannot be withdrawn.",
            Refusal.Expect(fund, ErrorCodes.Resources.ExpenseNotPending, () => fund.WithdrawExpense(2, "Paid by ourselves.", _coalition, For(1), Start)).Message);

        fund.WithdrawExpense(1, " Paid by ourselves. ", _coalition, For(1), Start);

        Assert.Equal((ExpenseStatus.Withdrawn, "Paid by ourselves."), (fund.Expenses[0].Status, fund.Expenses[0].Reason));
        Refusal.Expect(fund, ErrorCodes.Resources.ExpenseNotPending, () => fund.WithdrawExpense(1, "Again.", _coalition, For(1), Start));
    }

    [Fact]
    public void An_approved_claim_may_still_be_withdrawn_and_a_rejection_keeps_its_reason()
    {
        var (fund, _) = Busy();

        fund.WithdrawExpense(2, "Paid by ourselves.", _coalition, For(1), Start);
        fund.RejectExpense(1, " Outside the fund's purpose. ", _coalition, _governance, Treasurer, Start);

        Assert.Equal(
            [(ExpenseStatus.Rejected, "Outside the fund's purpose."), (ExpenseStatus.Withdrawn, "Paid by ourselves.")],
            fund.Expenses.Select(e => (e.Status, e.Reason)));
        var open = fund.SubmitExpense(Claim(), _coalition, For(1), Start);
        Refusal.Expect(fund, ErrorCodes.Kernel.InvalidText, () => fund.WithdrawExpense(open.Number, "", _coalition, For(1), Start));
    }

    [Fact]
    public void A_claim_is_paid_on_a_day_from_its_submission_to_today()
    {
        _fund.RecordGrant(Grant(), _coalition, Secretariat, Start);
        var expense = _fund.SubmitExpense(Claim(on: Today.PlusDays(-3)), _coalition, For(1), Start);
        _fund.ApproveExpense(expense.Number, null, _coalition, _governance, Treasurer, Start);
        var later = OnDate(2026, 3, 5);

        Assert.Equal(
            "Expense 1 is paid on a day from its submission, 2 March 2026, to today, 5 March 2026; not 1 March 2026.",
            Refusal.Expect(_fund, ErrorCodes.Resources.InvalidExpense, () => _fund.PayExpense(1, Today.PlusDays(-1), _coalition, _governance, Treasurer, later)).Message);
        Refusal.Expect(_fund, ErrorCodes.Resources.InvalidExpense, () => _fund.PayExpense(1, new LocalDate(2026, 3, 6), _coalition, _governance, Treasurer, later));
        Refusal.Expect(_fund, ErrorCodes.Kernel.OutOfRange, () => _fund.PayExpense(1, new LocalDate(3000, 1, 1), _coalition, _governance, Treasurer, later));

        var entry = _fund.PayExpense(1, Today, _coalition, _governance, Treasurer, later);

        Assert.Equal(new LedgerEntry(2, LedgerEntryKind.Expense, Today, Kes(10m), "Printing", Partner(1), null, null, null, 1), entry);
        Assert.Equal((ExpenseStatus.Paid, (int?)2), (_fund.Expenses[0].Status, _fund.Expenses[0].Entry));
    }

    [Fact]
    public void A_payment_that_would_overdraw_the_fund_names_the_balance_it_would_leave_and_the_floor()
    {
        var (fund, _) = Busy();
        var large = fund.SubmitExpense(Claim(amount: 100.01m), _coalition, For(1), Start);
        fund.ApproveExpense(large.Number, null, _coalition, _governance, Treasurer, Start);

        Assert.Equal(
            "Paying expense 3 (100.01 KES) would take the balance of Reading fund to -0.01 KES, below 0 KES.",
            Refusal.Expect(fund, ErrorCodes.Resources.InsufficientFunds, () => fund.PayExpense(3, Today, _coalition, _governance, Treasurer, Start)).Message);
        Assert.Equal("Paying expense 3 would take the balance to -0.01 KES, below 0 KES.", fund.CanPayExpense(3).Failures.Single().Message);
        Assert.True(fund.CanPayExpense(1).Has(ErrorCodes.Resources.ExpenseNotPending));
        Assert.True(fund.CanPayExpense(2).IsAllowed);
    }

    [Fact]
    public void A_fund_with_rejected_withdrawn_and_paid_claims_closes_once_empty_and_then_takes_nothing()
    {
        var (fund, pledge) = Busy();
        fund.RejectExpense(1, "Outside the purpose.", _coalition, _governance, Treasurer, Start);
        fund.PayExpense(2, Today, _coalition, _governance, Treasurer, Start);
        var third = fund.SubmitExpense(Claim(amount: 90m), _coalition, For(1), Start);

        Assert.Equal(
            "Reading fund is open; it cannot close. It closes only when every balance is zero and no expense awaits approval or payment.",
            Refusal.Expect(fund, ErrorCodes.Resources.FundClosed, () => fund.Close(_coalition, Secretariat, Start)).Message);

        fund.WithdrawExpense(third.Number, "Paid by ourselves.", _coalition, For(1), Start);
        var fourth = fund.SubmitExpense(Claim(amount: 90m), _coalition, For(1), Start);
        fund.ApproveExpense(fourth.Number, null, _coalition, _governance, Treasurer, Start);
        fund.PayExpense(fourth.Number, Today, _coalition, _governance, Treasurer, Start);
        fund.Close(_coalition, Secretariat, Hours(1));

        Assert.Equal(FundStatus.Closed, fund.Status);
        Assert.Equal(
            "Reading fund is closed; it cannot take income.",
            Refusal.Expect(fund, ErrorCodes.Resources.FundClosed, () => fund.RecordContribution(pledge, 1, _coalition, Secretariat, OnDate(2026, 5, 5))).Message);
        Assert.Equal(
            "Reading fund is closed; it cannot take an expense claim.",
            Refusal.Expect(fund, ErrorCodes.Resources.FundClosed, () => fund.SubmitExpense(Claim(), _coalition, For(1), Hours(2))).Message);
        Assert.Equal(
            "Reading fund is closed; it cannot close.",
            Refusal.Expect(fund, ErrorCodes.Resources.FundClosed, () => fund.Close(_coalition, Secretariat, Hours(2))).Message);
    }

    [Fact]
    public void A_statement_lists_the_entries_of_its_first_and_last_day_by_day_and_then_number()
    {
        _fund.RecordGrant(Grant(10m, new LocalDate(2026, 2, 27)), _coalition, Secretariat, Start);
        _fund.RecordGrant(Grant(20m, new LocalDate(2026, 3, 1)), _coalition, Secretariat, Start);
        _fund.RecordGrant(Grant(40m, new LocalDate(2026, 2, 28)), _coalition, Secretariat, Start);
        _fund.RecordGrant(Grant(80m, Today), _coalition, Secretariat, Start);
        _fund.RecordGrant(Grant(160m, new LocalDate(2026, 2, 28)), _coalition, Secretariat, Start);

        var statement = _fund.StatementFor(new LocalDate(2026, 2, 28), new LocalDate(2026, 3, 1));

        Assert.Equal([3, 5, 2], statement.Entries.Select(e => e.Number));
        Assert.Equal(new CurrencyStatement(Kes(10m), Kes(220m), Kes(0m), Kes(230m)), statement.Currencies.Single());
    }

    [Fact]
    public void A_statement_runs_up_to_ten_years_less_a_day_and_names_the_period_it_refuses()
    {
        Assert.Equal(new LocalDate(2035, 12, 31), _fund.StatementFor(new LocalDate(2026, 1, 1), new LocalDate(2035, 12, 31)).To);
        Assert.Equal(Today, _fund.StatementFor(Today, Today).From);
        Assert.Equal(
            "A statement runs from its first day to its last, at most ten years: not from 2 March 2026 to 1 March 2026.",
            Refusal.Of(() => _fund.StatementFor(Today, Today.PlusDays(-1)), ErrorCodes.Resources.InvalidPeriod).Message);
        Refusal.Of(() => _fund.StatementFor(new LocalDate(1899, 12, 31), Today), ErrorCodes.Kernel.OutOfRange, "'from'");
        Refusal.Of(() => _fund.StatementFor(Today, new LocalDate(3000, 1, 1)), ErrorCodes.Kernel.OutOfRange, "'to'");
    }

    [Fact]
    public void A_statement_lists_as_pending_the_claims_submitted_by_its_last_day_still_awaiting_approval_or_payment()
    {
        var (fund, _) = Busy();
        fund.SubmitExpense(Claim(), _coalition, For(1), OnDate(2026, 3, 3));
        fund.SubmitExpense(Claim(), _coalition, For(1), OnDate(2026, 3, 3));
        fund.RejectExpense(4, "Twice claimed.", _coalition, _governance, Treasurer, OnDate(2026, 3, 3));

        Assert.Equal([1, 2], fund.StatementFor(Today, Today).Pending.Select(e => e.Number));
        Assert.Equal([1, 2, 3], fund.StatementFor(Today, Today.PlusDays(1)).Pending.Select(e => e.Number));
    }
}
