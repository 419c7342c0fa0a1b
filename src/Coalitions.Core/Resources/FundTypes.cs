using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Initiatives;
using Coalitions.Core.Kernel;
using FluentValidation;
using NodaTime;

namespace Coalitions.Core.Resources;

/// <summary>Whether a fund takes income and pays expenses.</summary>
public enum FundStatus
{
    /// <summary>Open: it takes income and pays approved expenses.</summary>
    Open = 1,

    /// <summary>Closed, every balance at zero; its ledger stays readable.</summary>
    Closed = 2,
}

/// <summary>Where an expense claim stands.</summary>
public enum ExpenseStatus
{
    /// <summary>Submitted by a member; awaits approval.</summary>
    Submitted = 1,

    /// <summary>Approved; awaits payment.</summary>
    Approved = 2,

    /// <summary>Paid from the fund; its ledger entry records the payment.</summary>
    Paid = 3,

    /// <summary>Rejected by the approver, with a reason.</summary>
    Rejected = 4,

    /// <summary>Withdrawn by the claiming member before it was paid.</summary>
    Withdrawn = 5,
}

/// <summary>What a ledger entry records.</summary>
public enum LedgerEntryKind
{
    /// <summary>Money a member contributed, booked from a receipt of its pledge (income).</summary>
    Contribution = 1,

    /// <summary>A grant from a funder (income).</summary>
    Grant = 2,

    /// <summary>An approved expense paid out (an outgoing).</summary>
    Expense = 3,
}

/// <summary>How a pooled fund is run: its name and purpose, who approves its expenses, when an approval must cite a decision, and how far a balance may go below zero.</summary>
/// <param name="Coalition">The coalition whose fund it is.</param>
/// <param name="Name">Its name, such as "Reading fund": one line of at most 200 characters.</param>
/// <param name="Purpose">What it is for: at most 2,000 characters.</param>
/// <param name="ApprovingBody">
/// The key of the governance body one of whose offices approves and pays expenses (for example the steering committee);
/// <see langword="null"/> when the coalition's coordinators do.
/// </param>
/// <param name="ApprovingOffice">The office of that body whose holder approves (by default the treasurer).</param>
/// <param name="DecisionAbove">
/// Per currency, the amount above which an approval cites an adopted decision of the coalition on
/// <see cref="MatterType.ApproveExpense"/>; a currency not listed has a threshold of zero, so every expense in it needs a
/// decision. At most one per currency.
/// </param>
/// <param name="Overdrafts">Per currency, how far below zero its balance may go (zero or more); a currency not listed never goes below zero. At most one per currency.</param>
public sealed record FundRules(
    CoalitionId Coalition,
    string Name,
    string Purpose,
    BodyKey? ApprovingBody,
    Office ApprovingOffice,
    IReadOnlyList<Money> DecisionAbove,
    IReadOnlyList<Money> Overdrafts)
{
    /// <summary>The threshold above which an expense in a currency needs a decision: zero for a currency without one.</summary>
    /// <param name="currency">The ISO 4217 code.</param>
    /// <returns>The threshold.</returns>
    public Money ThresholdIn(string currency) => DecisionAbove.FirstOrDefault(m => m.Currency == currency) is { Currency: not "XXX" } found ? found : Money.Zero(currency);

    /// <summary>How far below zero the balance in a currency may go: zero for a currency without an overdraft.</summary>
    /// <param name="currency">The ISO 4217 code.</param>
    /// <returns>The limit, zero or more.</returns>
    public Money OverdraftIn(string currency) => Overdrafts.FirstOrDefault(m => m.Currency == currency) is { Currency: not "XXX" } found ? found : Money.Zero(currency);
}

/// <summary>A member's claim on the fund for money it spent or will spend.</summary>
/// <param name="Member">The claiming member.</param>
/// <param name="Amount">The amount, more than zero.</param>
/// <param name="Purpose">What it paid for: at most 2,000 characters.</param>
/// <param name="IncurredOn">The day the cost was incurred (or invoiced), no later than the day it is submitted.</param>
/// <param name="Initiative">The joint initiative it belongs to, if any.</param>
/// <param name="BudgetLine">The line of that initiative's budget it is charged to, if any (with <paramref name="Initiative"/>).</param>
public sealed record ExpenseClaim(PartnerId Member, Money Amount, string Purpose, LocalDate IncurredOn, InitiativeId? Initiative = null, BudgetLineKey? BudgetLine = null);

/// <summary>Money a funder granted to the fund.</summary>
/// <param name="Funder">The funder's name: one line of at most 200 characters.</param>
/// <param name="Amount">The amount received, more than zero.</param>
/// <param name="ReceivedOn">The day it was received, no later than the day it is booked.</param>
/// <param name="Reference">The grant's reference (an agreement number), if any: one line of at most 200 characters.</param>
/// <param name="Initiative">The joint initiative it is for, if any.</param>
/// <param name="FunderPartner">The funder's partner record, where it has one.</param>
public sealed record GrantIncome(string Funder, Money Amount, LocalDate ReceivedOn, string? Reference = null, InitiativeId? Initiative = null, PartnerId? FunderPartner = null);

/// <summary>An expense claim and what became of it.</summary>
/// <param name="Number">Its number in the fund, from 1.</param>
/// <param name="Claim">The claim.</param>
/// <param name="SubmittedOn">The day it was submitted.</param>
/// <param name="SubmittedBy">The person who submitted it for the member.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Decision">The decision its approval cited, if any.</param>
/// <param name="Entry">The number of the ledger entry that paid it, once paid.</param>
/// <param name="Reason">Why it was rejected or withdrawn, if it was.</param>
public sealed record Expense(int Number, ExpenseClaim Claim, LocalDate SubmittedOn, PersonId SubmittedBy, ExpenseStatus Status, DecisionReference? Decision = null, int? Entry = null, string? Reason = null);

/// <summary>One line of the fund's public ledger: money in or out, in one currency, never edited after it is booked.</summary>
/// <param name="Number">Its number, from 1, in the order booked.</param>
/// <param name="Kind">What it records.</param>
/// <param name="On">The day the money moved.</param>
/// <param name="Amount">The amount, more than zero; <see cref="LedgerEntryKind.Expense"/> entries take it out of the balance.</param>
/// <param name="Description">What it was for: a contribution's pledge description, an expense's purpose, or a grant's reference (else its funder's name).</param>
/// <param name="Member">The member that contributed or claimed, if any.</param>
/// <param name="Counterparty">The funder or payee outside the coalition, if any.</param>
/// <param name="Pledge">The pledge a contribution fulfils, with <paramref name="Receipt"/>.</param>
/// <param name="Receipt">The number of the pledge's receipt.</param>
/// <param name="Expense">The number of the expense paid.</param>
/// <param name="Initiative">The joint initiative it belongs to, if any.</param>
/// <param name="BudgetLine">The line of that initiative's budget, if any.</param>
public sealed record LedgerEntry(
    int Number,
    LedgerEntryKind Kind,
    LocalDate On,
    Money Amount,
    string Description,
    PartnerId? Member = null,
    string? Counterparty = null,
    PledgeId? Pledge = null,
    int? Receipt = null,
    int? Expense = null,
    InitiativeId? Initiative = null,
    BudgetLineKey? BudgetLine = null)
{
    /// <summary>Gets whether the entry brings money in.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsIncome => Kind != LedgerEntryKind.Expense;

    /// <summary>Gets the amount as it moves the balance: positive for income, negative for an expense.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Money Signed => IsIncome ? Amount : new Money(-Amount.Amount, Amount.Currency);
}

/// <summary>Checks <see cref="FundRules"/> at the door and when the opening is replayed.</summary>
internal sealed class FundRulesValidator : AbstractValidator<FundRules>
{
    public const int MaxCurrencies = 50;

    public static readonly FundRulesValidator Instance = new();

    private FundRulesValidator()
    {
        var code = ErrorCodes.Resources.InvalidFund.Code;
        RuleFor(r => r.Coalition).IsId();
        RuleFor(r => r.Name).IsName();
        RuleFor(r => r.Purpose).IsText(Limits.ReasonLength);
        RuleFor(r => r.ApprovingBody).IsKeyOrNull();
        RuleFor(r => r.ApprovingOffice).IsDefined();
        RuleFor(r => r.DecisionAbove).IsList(MaxCurrencies);
        RuleFor(r => r.Overdrafts).IsList(MaxCurrencies);
        RuleForEach(r => r.DecisionAbove).IsAmount(positive: false).When(r => r.DecisionAbove is not null);
        RuleForEach(r => r.Overdrafts).IsAmount(positive: false).When(r => r.Overdrafts is not null);
        RuleFor(r => r.DecisionAbove).Must(OnePerCurrency).When(r => r.DecisionAbove is not null).WithErrorCode(code).WithMessage("A fund names at most one decision threshold per currency.");
        RuleFor(r => r.Overdrafts).Must(OnePerCurrency).When(r => r.Overdrafts is not null).WithErrorCode(code).WithMessage("A fund names at most one overdraft limit per currency.");
    }

    private static bool OnePerCurrency(IReadOnlyList<Money> amounts) => amounts.Select(m => m.Currency).Distinct(StringComparer.Ordinal).Count() == amounts.Count;
}

/// <summary>Checks an <see cref="ExpenseClaim"/> at the door and when its submission is replayed.</summary>
internal sealed class ExpenseClaimValidator : AbstractValidator<ExpenseClaim>
{
    public static readonly ExpenseClaimValidator Instance = new();

    private ExpenseClaimValidator()
    {
        var code = ErrorCodes.Resources.InvalidExpense.Code;
        RuleFor(c => c.Member).IsId();
        RuleFor(c => c.Amount).IsAmount();
        RuleFor(c => c.Purpose).IsText(Limits.ReasonLength);
        RuleFor(c => c.IncurredOn).IsDate();
        RuleFor(c => c.Initiative).IsIdOrNull();
        RuleFor(c => c.BudgetLine).Must(key => key is null || key.Value.Value is not null).WithErrorCode(ErrorCodes.Kernel.InvalidText.Code).WithMessage("The budget line, when given, is not the empty key.");
        RuleFor(c => c.BudgetLine).Null().When(c => c.Initiative is null).WithErrorCode(code).WithMessage("A budget line is named only with the initiative whose budget it is.");
    }
}

/// <summary>Checks a <see cref="GrantIncome"/> at the door.</summary>
internal sealed class GrantIncomeValidator : AbstractValidator<GrantIncome>
{
    public static readonly GrantIncomeValidator Instance = new();

    private GrantIncomeValidator()
    {
        RuleFor(g => g.Funder).IsName();
        RuleFor(g => g.Amount).IsAmount();
        RuleFor(g => g.ReceivedOn).IsDate();
        RuleFor(g => g.Reference).IsName(required: false);
        RuleFor(g => g.Initiative).IsIdOrNull();
        RuleFor(g => g.FunderPartner).IsIdOrNull();
    }
}
