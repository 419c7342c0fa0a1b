using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Partners;
using Coalitions.Core.Resources;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.JointWorkScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using CoalitionAggregate = global::Coalitions.Core.Coalitions.Coalition;
using GovernanceAggregate = global::Coalitions.Core.Governance.CoalitionGovernance;

namespace Coalitions.Core.Tests.Resources;

/// <summary>Defects found reviewing the Resources room: each test fails on the code as reviewed and passes once fixed.</summary>
public class ReviewFindingsTests
{
    private static readonly LocalDate March2 = new(2026, 3, 2);
    private readonly CoalitionAggregate _coalition = Coalition();
    private readonly GovernanceAggregate _governance;
    private readonly PooledFund _fund;

    public ReviewFindingsTests()
    {
        _governance = JointWorkScenario.Governance(_coalition);
        _fund = Fund(_coalition, _governance);
    }

    [Fact]
    public void A_statement_lists_as_pending_the_expenses_that_awaited_payment_on_its_last_day()
    {
        _fund.RecordGrant(new GrantIncome("County Education Fund", Kes(100m), March2), _coalition, Secretariat, Start);
        var expense = _fund.SubmitExpense(new ExpenseClaim(Partner(1), Kes(60m), "Printing", March2), _coalition, For(1), Start);
        _fund.ApproveExpense(expense.Number, null, _coalition, _governance, Treasurer, Start);
        var before = _fund.StatementFor(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 10));

        _fund.PayExpense(expense.Number, new LocalDate(2026, 3, 20), _coalition, _governance, Treasurer, OnDate(2026, 3, 20));
        var after = _fund.StatementFor(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 10));

        // On 10 March the claim awaited payment; paying it on 20 March does not change the statement of 1-10 March.
        Assert.Single(before.Pending);
        Assert.Equal(before.Pending.Select(e => e.Number), after.Pending.Select(e => e.Number));
    }
}
