using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Resources;
using Coalitions.Core.Tests.Kit;
using CsCheck;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.JointWorkScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Resources;

/// <summary>
/// Random sequences of ledger commands against a reference model: the fund accepts exactly what the model accepts, every
/// balance equals the sum of its currency's entries and never falls below its floor, nothing is booked twice or lost,
/// and the events rebuild the same fund.
/// </summary>
public class LedgerModelTests
{
    private static readonly global::Coalitions.Core.Coalitions.Coalition Members = JointWorkScenario.Coalition();
    private static readonly global::Coalitions.Core.Governance.CoalitionGovernance Board = JointWorkScenario.Governance(Members);

    private enum Kind
    {
        Contribute,
        BookAgain,
        Grant,
        Submit,
        Approve,
        Reject,
        Withdraw,
        Pay,
    }

    [Fact]
    public void No_sequence_of_commands_makes_a_balance_differ_from_the_sum_of_its_entries_or_loses_money()
    {
        Gen.Select(Gen.Enum<Kind>(), Gen.Int[1, 6], Gen.Int[1, 250], Gen.Bool, Gen.Int[0, 8]).List[1, 40].Sample(
            commands =>
            {
                var fund = Fund(Members, Board, Rules(threshold: 100m, overdraft: 50m));
                var history = fund.DequeueUncommittedEvents().ToList();
                var model = new Model();
                var pledges = new List<Pledge>();
                foreach (var (kind, who, size, flag, pick) in commands)
                {
                    var currency = flag ? "KES" : "USD";
                    var version = fund.Version;
                    var expected = model.Accepts(kind, who, size, currency, flag, pick);
                    var accepted = Run(fund, pledges, kind, who, size, currency, flag, pick);
                    if (accepted != expected || (accepted ? fund.Version <= version : fund.Version != version))
                    {
                        return false;
                    }

                    if (accepted)
                    {
                        model.Apply(kind, who, size, currency, pick);
                    }

                    history.AddRange(fund.DequeueUncommittedEvents());
                    if (!Consistent(fund, model))
                    {
                        return false;
                    }
                }

                var rebuilt = PooledFund.Rehydrate(history);
                return Consistent(rebuilt, model) && rebuilt.Version == fund.Version;
            },
            iter: 200);
    }

    private static bool Consistent(PooledFund fund, Model model)
    {
        var sums = fund.Ledger.GroupBy(e => e.Amount.Currency).ToDictionary(g => g.Key, g => g.Sum(e => e.Signed.Amount));
        return fund.Ledger.Select(e => e.Number).SequenceEqual(Enumerable.Range(1, fund.Ledger.Count))
            && fund.Balances.All(b => sums.GetValueOrDefault(b.Currency) == b.Amount && b.Amount >= -fund.Rules.OverdraftIn(b.Currency).Amount)
            && sums.All(s => fund.BalanceIn(s.Key).Amount == s.Value)
            && model.Balances.All(b => fund.BalanceIn(b.Key).Amount == b.Value)
            && fund.Expenses.Select(e => e.Status).SequenceEqual(model.Expenses.Select(e => e.Status))
            && fund.Expenses.Where(e => e.Status == ExpenseStatus.Paid).All(e => fund.Ledger.Count(l => l.Expense == e.Number) == 1 && fund.Ledger.Single(l => l.Expense == e.Number).Amount == e.Claim.Amount)
            && fund.Ledger.Where(l => l.Pledge is not null).GroupBy(l => (l.Pledge, l.Receipt)).All(g => g.Count() == 1)
            && fund.Ledger.Count(l => l.Kind == LedgerEntryKind.Contribution) == model.Contributions;
    }

    private static bool Run(PooledFund fund, List<Pledge> pledges, Kind kind, int who, int size, string currency, bool flag, int pick)
    {
        var at = OnDate(2026, 5, 5);
        var day = new LocalDate(2026, 5, 5);
        try
        {
            switch (kind)
            {
                case Kind.Contribute:
                    var pledge = Pledge.Make(PledgeId.New(), MoneyPledge(who, size, currency), Members, For(who), Start);
                    pledge.RecordReceipt(new PledgeReceipt(day, new Money(size, currency)), Members, Secretariat, at);
                    pledges.Add(pledge);
                    fund.RecordContribution(pledge, 1, Members, Secretariat, at);
                    break;
                case Kind.BookAgain:
                    if (pledges.Count == 0)
                    {
                        return false;
                    }

                    fund.RecordContribution(pledges[pick % pledges.Count], 1, Members, Secretariat, at);
                    break;
                case Kind.Grant:
                    fund.RecordGrant(new GrantIncome("County Education Fund", new Money(size, currency), day), Members, Secretariat, at);
                    break;
                case Kind.Submit:
                    fund.SubmitExpense(new ExpenseClaim(Partner(who), new Money(size, currency), "Camp costs", day), Members, For(who), at);
                    break;
                case Kind.Approve:
                    fund.ApproveExpense(pick + 1, flag ? Adopted(MatterType.ApproveExpense) : null, Members, Board, who == 4 ? For(4) : Treasurer, at);
                    break;
                case Kind.Reject:
                    fund.RejectExpense(pick + 1, "Outside the fund's purpose.", Members, Board, Treasurer, at);
                    break;
                case Kind.Withdraw:
                    fund.WithdrawExpense(pick + 1, "No longer needed.", Members, For(who), at);
                    break;
                default:
                    fund.PayExpense(pick + 1, day, Members, Board, Treasurer, at);
                    break;
            }

            return true;
        }
        catch (CoalitionRuleException)
        {
            return false;
        }
    }

    private sealed class Model
    {
        public Dictionary<string, decimal> Balances { get; } = [];

        public List<(PartnerId Member, Money Amount, ExpenseStatus Status)> Expenses { get; } = [];

        public int Contributions { get; private set; }

        public bool Accepts(Kind kind, int who, int size, string currency, bool flag, int pick)
        {
            var expense = pick < Expenses.Count ? Expenses[pick] : default;
            var exists = pick < Expenses.Count;
            return kind switch
            {
                Kind.Contribute or Kind.Grant or Kind.Submit => true,
                Kind.BookAgain => false,
                Kind.Approve => exists && expense.Status == ExpenseStatus.Submitted && who != 4 && expense.Member != Partner(5)
                    && (expense.Amount.Amount <= (expense.Amount.Currency == "KES" ? 100m : 0m) || flag),
                Kind.Reject => exists && expense.Status == ExpenseStatus.Submitted && expense.Member != Partner(5),
                Kind.Withdraw => exists && expense.Member == Partner(who) && expense.Status is ExpenseStatus.Submitted or ExpenseStatus.Approved,
                _ => exists && expense.Status == ExpenseStatus.Approved && expense.Member != Partner(5)
                    && Balances.GetValueOrDefault(expense.Amount.Currency) - expense.Amount.Amount >= -(expense.Amount.Currency == "KES" ? 50m : 0m),
            };
        }

        public void Apply(Kind kind, int who, int size, string currency, int pick)
        {
            switch (kind)
            {
                case Kind.Contribute:
                    Contributions++;
                    Balances[currency] = Balances.GetValueOrDefault(currency) + size;
                    break;
                case Kind.Grant:
                    Balances[currency] = Balances.GetValueOrDefault(currency) + size;
                    break;
                case Kind.Submit:
                    Expenses.Add((Partner(who), new Money(size, currency), ExpenseStatus.Submitted));
                    break;
                case Kind.Approve:
                    Expenses[pick] = Expenses[pick] with { Status = ExpenseStatus.Approved };
                    break;
                case Kind.Reject:
                    Expenses[pick] = Expenses[pick] with { Status = ExpenseStatus.Rejected };
                    break;
                case Kind.Withdraw:
                    Expenses[pick] = Expenses[pick] with { Status = ExpenseStatus.Withdrawn };
                    break;
                case Kind.Pay:
                    var amount = Expenses[pick].Amount;
                    Balances[amount.Currency] = Balances.GetValueOrDefault(amount.Currency) - amount.Amount;
                    Expenses[pick] = Expenses[pick] with { Status = ExpenseStatus.Paid };
                    break;
            }
        }
    }
}
