using Coalitions.Core.Initiatives;
using Coalitions.Core.Kernel;
using Coalitions.Core.Resources;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.JointWorkScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Resources;

/// <summary>A stored pooled fund is untrusted: each booking or step of an expense that could not have happened is refused with its reason.</summary>
public class PooledFundHistoryTests
{
    private static readonly LocalDate March = new(2026, 3, 2);

    private static List<IDomainEvent> Opened()
    {
        var coalition = Coalition();
        return [.. Fund(coalition, JointWorkScenario.Governance(coalition)).DequeueUncommittedEvents()];
    }

    private static IncomeBooked Grant(int number = 1, decimal amount = 200_000m) =>
        new(TheFund, new LedgerEntry(number, LedgerEntryKind.Grant, March, Kes(amount), "County grant", Counterparty: "County Education Fund"), Start, Secretariat);

    private static ExpenseSubmitted Submitted(int number = 1, decimal amount = 80_000m) =>
        new(TheFund, number, new ExpenseClaim(Partner(1), Kes(amount), "Storybooks", March), March, Start, For(1));

    private static ExpenseApproved Approved(int number = 1) => new(TheFund, number, null, Hours(1), Treasurer);

    private static ExpensePaid Paid(int entry = 2, int expense = 1, decimal amount = 80_000m) =>
        new(TheFund, expense, new LedgerEntry(entry, LedgerEntryKind.Expense, March, Kes(amount), "Storybooks", Partner(1), Expense: expense), Hours(2), Treasurer);

    private static FundClosed Closed() => new(TheFund, March, Hours(3), Secretariat);

    private static void Corrupt(List<IDomainEvent> history, string why, params IDomainEvent[] next) => StoredHistory.Refused(PooledFund.Rehydrate, history, why, next);

    [Fact]
    public void A_stored_fund_opens_with_whole_rules_in_a_known_time_zone_and_a_closed_fund_stores_nothing_more()
    {
        var opened = (FundOpened)Opened()[0];

        Corrupt([], "the fund's rules are ill-formed or its time zone unknown.", opened with { TimeZone = "Nairobi" });
        Corrupt([], "the fund's rules are ill-formed or its time zone unknown.", opened with { Rules = opened.Rules with { Name = " " } });
        Corrupt([.. Opened(), Closed()], "the fund is closed.", Grant());
    }

    [Fact]
    public void A_stored_income_entry_is_numbered_next_moves_money_in_with_a_bounded_amount_and_a_date_in_range()
    {
        Corrupt(Opened(), "the ledger entry is not numbered next.", Grant(2));
        Corrupt(Opened(), "the ledger entry moves money the wrong way.", Grant() with { Entry = Grant().Entry with { Kind = LedgerEntryKind.Expense } });
        Corrupt(Opened(), "the ledger entry's amount must be more than zero.", Grant(amount: 0m));
        Corrupt(Opened(), "the ledger entry's amount has more than four decimal places.", Grant(amount: 1.00001m));
        Corrupt(Opened(), "the ledger entry's date lies outside the years 1900 to 2999.", Grant() with { Entry = Grant().Entry with { On = new LocalDate(3000, 1, 1) } });

        Assert.Equal(Kes(200_000m), PooledFund.Rehydrate([.. Opened(), Grant()]).BalanceIn("KES"));
    }

    [Fact]
    public void A_stored_contribution_names_its_pledge_s_receipt_booked_once()
    {
        var contribution = new IncomeBooked(TheFund, new LedgerEntry(1, LedgerEntryKind.Contribution, March, Kes(1_000m), "Our share", Partner(2), Pledge: PledgeNumber(1), Receipt: 1), Start, Secretariat);

        Corrupt(Opened(), "the pledge's receipt is missing or already booked.", contribution with { Entry = contribution.Entry with { Receipt = null } });
        Corrupt([.. Opened(), contribution], "the pledge's receipt is missing or already booked.", contribution with { Entry = contribution.Entry with { Number = 2 } });

        Assert.Equal(2, PooledFund.Rehydrate([.. Opened(), contribution, contribution with { Entry = contribution.Entry with { Number = 2, Receipt = 2 } }]).Ledger.Count);
    }

    [Fact]
    public void A_stored_expense_is_numbered_next_and_well_formed_and_decided_only_while_it_awaits_approval()
    {
        Corrupt(Opened(), "the expense is not numbered next.", Submitted(2));
        Corrupt(Opened(), "the claim is ill-formed.", Submitted() with { Claim = Submitted().Claim with { Purpose = " " } });
        Corrupt(Opened(), "the expense is not awaiting approval.", Approved());
        Corrupt([.. Opened(), Submitted(), Approved()], "the expense is not awaiting approval.", Approved());
        Corrupt([.. Opened(), Submitted(), Approved()], "the expense is not awaiting approval.", new ExpenseRejected(TheFund, 1, "Over budget.", Hours(2), Treasurer));
    }

    [Fact]
    public void A_stored_expense_is_withdrawn_only_while_pending()
    {
        var withdrawn = new ExpenseWithdrawn(TheFund, 1, "Paid from our own budget.", Hours(2), For(1));

        Corrupt([.. Opened(), Submitted(), new ExpenseRejected(TheFund, 1, "Over budget.", Hours(1), Treasurer)], "the expense is not pending.", withdrawn);
        Corrupt([.. Opened(), Grant(), Submitted(), Approved(), Paid()], "the expense is not pending.", withdrawn);

        Assert.Equal(ExpenseStatus.Withdrawn, PooledFund.Rehydrate([.. Opened(), Submitted(), Approved(), withdrawn]).Expenses[0].Status);
    }

    [Fact]
    public void A_stored_payment_is_of_an_approved_expense_its_amount_exactly_and_within_the_balance()
    {
        Corrupt([.. Opened(), Grant(), Submitted()], "the expense is not approved.", Paid());
        Corrupt([.. Opened(), Grant(), Submitted(), Approved()], "the ledger entry moves money the wrong way.", Paid() with { Entry = Paid().Entry with { Kind = LedgerEntryKind.Grant } });
        Corrupt([.. Opened(), Grant(), Submitted(), Approved()], "the entry is not the payment of the expense's amount.", Paid(amount: 79_999m));
        Corrupt([.. Opened(), Grant(), Submitted(), Approved()], "the entry is not the payment of the expense's amount.", Paid() with { Entry = Paid().Entry with { Expense = 2 } });
        Corrupt([.. Opened(), Grant(amount: 79_999m), Submitted(), Approved()], "the payment would take the balance below its floor.", Paid());

        Assert.Equal(Kes(0m), PooledFund.Rehydrate([.. Opened(), Grant(amount: 80_000m), Submitted(), Approved(), Paid()]).BalanceIn("KES"));
    }

    [Fact]
    public void A_stored_payment_is_the_entry_of_the_expense_as_claimed_and_not_dated_before_its_submission()
    {
        const string NotAsClaimed = "the entry is not the payment of the expense as claimed (its member, purpose, initiative and budget line).";
        List<IDomainEvent> approved = [.. Opened(), Grant(), Submitted(), Approved()];

        Corrupt(approved, NotAsClaimed, Paid() with { Entry = Paid().Entry with { Member = Partner(2) } });
        Corrupt(approved, NotAsClaimed, Paid() with { Entry = Paid().Entry with { Description = "Something else" } });
        Corrupt(approved, NotAsClaimed, Paid() with { Entry = Paid().Entry with { Initiative = InitiativeId.New() } });
        Corrupt(
            [.. Opened(), Grant(), Submitted() with { On = March.PlusDays(5) }, Approved()],
            "the payment is dated before the expense was submitted.",
            Paid() with { Entry = Paid().Entry with { On = March.PlusDays(4) } });
    }

    [Fact]
    public void A_stored_payment_is_not_dated_before_the_latest_ledger_entry()
    {
        var later = Grant() with { Entry = Grant().Entry with { On = March.PlusDays(1) } };

        Corrupt([.. Opened(), later, Submitted(), Approved()], "the payment is dated before the latest entry of the ledger.", Paid());

        // Income dated earlier than a payment only raises balances, and a payment on the latest day is in order.
        var earlier = Grant(3, 5m) with { Entry = Grant(3, 5m).Entry with { On = March.PlusDays(-1) } };
        var paidLater = Paid() with { Entry = Paid().Entry with { On = March.PlusDays(1) } };
        Assert.Equal(Kes(120_005m), PooledFund.Rehydrate([.. Opened(), later, Submitted(), Approved(), paidLater, earlier]).BalanceIn("KES"));
    }

    [Fact]
    public void A_stored_fund_closes_empty_with_nothing_pending()
    {
        Corrupt([.. Opened(), Grant()], "the fund holds money or pending expenses.", Closed());
        Corrupt([.. Opened(), Submitted()], "the fund holds money or pending expenses.", Closed());

        Assert.Equal(FundStatus.Closed, PooledFund.Rehydrate([.. Opened(), Grant(amount: 80_000m), Submitted(), Approved(), Paid(), Closed()]).Status);
    }
}
