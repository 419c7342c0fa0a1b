using System.Text;
using Coalitions.Core.Kernel;
using NodaTime;

namespace Coalitions.Core.Resources;

/// <summary>One currency's lines of a fund statement: the balance at the start, the income and expenses of the period, and the balance at the end.</summary>
/// <param name="Opening">The balance on the morning of the first day.</param>
/// <param name="Income">Income booked in the period.</param>
/// <param name="Expenses">Expenses paid in the period.</param>
/// <param name="Closing">The balance at the end of the last day: opening plus income less expenses.</param>
public sealed record CurrencyStatement(Money Opening, Money Income, Money Expenses, Money Closing)
{
    /// <summary>Gets the currency.</summary>
    public string Currency => Opening.Currency;
}

/// <summary>A fund's statement for a period, as anyone in the coalition may read it.</summary>
/// <param name="Fund">The fund.</param>
/// <param name="FundName">Its name.</param>
/// <param name="From">The first day.</param>
/// <param name="To">The last day.</param>
/// <param name="Currencies">Per currency held, by code: opening, income, expenses, closing.</param>
/// <param name="Entries">The ledger entries of the period, by day and then number.</param>
/// <param name="Pending">
/// Expenses submitted by the last day that awaited approval or payment at its end, as they stood then (their status that
/// day, without a later payment, rejection or withdrawal).
/// </param>
public sealed record FundStatement(
    PooledFundId Fund,
    string FundName,
    LocalDate From,
    LocalDate To,
    IReadOnlyList<CurrencyStatement> Currencies,
    IReadOnlyList<LedgerEntry> Entries,
    IReadOnlyList<Expense> Pending)
{
    /// <summary>The statement in plain words, one line per currency, entry and pending expense, for members and funders.</summary>
    /// <param name="names">Members' names, where the host has them; otherwise a member is named by its id.</param>
    /// <returns>The text, lines separated by <c>\n</c>.</returns>
    public string Describe(Func<PartnerId, string?>? names = null)
    {
        var text = new StringBuilder();
        text.Append(Words.Fill("{fund}: statement from {from} to {to}.", new Dictionary<string, object?> { ["fund"] = FundName, ["from"] = From, ["to"] = To }));
        if (Currencies.Count == 0)
        {
            text.Append("\nNo money has been booked.");
        }

        foreach (var line in Currencies)
        {
            text.Append('\n').Append(line.Currency).Append(": opening balance ").Append(Amounts.Format(line.Opening))
                .Append(", income ").Append(Amounts.Format(line.Income))
                .Append(", expenses ").Append(Amounts.Format(line.Expenses))
                .Append(", closing balance ").Append(Amounts.Format(line.Closing)).Append('.');
        }

        foreach (var entry in Entries)
        {
            var who = entry.Member is { } member ? names?.Invoke(member) ?? $"member {member}" : entry.Counterparty;
            text.Append('\n').Append(Words.Format(entry.On)).Append(", entry ").Append(Words.Format(entry.Number)).Append(": ")
                .Append(entry.IsIncome ? "in " : "out ").Append(Amounts.Format(entry.Amount)).Append(", ")
                .Append(Words.Format(entry.Kind));
            if (who is not null)
            {
                text.Append(entry.IsIncome ? " from " : " to ").Append(who);
            }

            text.Append(" (").Append(entry.Description.ReplaceLineEndings(" ")).Append(").");
        }

        foreach (var expense in Pending)
        {
            text.Append("\nPending: expense ").Append(Words.Format(expense.Number)).Append(", ").Append(Amounts.Format(expense.Claim.Amount))
                .Append(" claimed by ").Append(names?.Invoke(expense.Claim.Member) ?? $"member {expense.Claim.Member}")
                .Append(", ").Append(Words.Format(expense.Status)).Append('.');
        }

        return text.ToString();
    }
}
