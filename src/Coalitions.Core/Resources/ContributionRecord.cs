using System.Globalization;
using System.Text;
using Coalitions.Core.Kernel;
using NodaTime;

namespace Coalitions.Core.Resources;

/// <summary>What a member pledged and gave in one currency.</summary>
/// <param name="Pledged">The money pledged (withdrawn pledges left out).</param>
/// <param name="Received">The money received by the day.</param>
public sealed record MoneyContribution(Money Pledged, Money Received);

/// <summary>
/// A member's contribution record on a day: what it pledged and what it gave, money per currency (never converted), hours
/// of staff time and expertise, gifts in kind, and how its pledges stand. It recognizes what members bring, and shows where
/// a promise lapsed.
/// </summary>
/// <param name="Member">The member.</param>
/// <param name="On">The day.</param>
/// <param name="Money">Per currency, by code: pledged and received.</param>
/// <param name="HoursPledged">Hours of staff time and expertise pledged.</param>
/// <param name="HoursGiven">Hours given by the day.</param>
/// <param name="InKindPledged">Gifts in kind pledged.</param>
/// <param name="InKindReceived">Gifts in kind received by the day.</param>
/// <param name="Statuses">How many of its pledges stand in each status on the day.</param>
public sealed record ContributionRecord(
    PartnerId Member,
    LocalDate On,
    IReadOnlyList<MoneyContribution> Money,
    decimal HoursPledged,
    decimal HoursGiven,
    int InKindPledged,
    int InKindReceived,
    IReadOnlyDictionary<PledgeStatus, int> Statuses)
{
    /// <summary>
    /// The record of one member from the pledges the host loaded; pledges of other members are ignored, and so are pledges
    /// that did not exist yet on the day (made after it, with nothing of them received by then; see <see cref="Pledge.ExistsOn"/>).
    /// </summary>
    /// <param name="member">The member.</param>
    /// <param name="pledges">Pledges, as loaded: no null, and each pledge (by id) once.</param>
    /// <param name="on">The day, in the coalition's time zone.</param>
    /// <returns>The record.</returns>
    /// <exception cref="CoalitionRuleException">
    /// No list, a null in it, or the same pledge (the same id) twice, which would count it twice (<c>Kernel.InvalidInput</c>).
    /// </exception>
    public static ContributionRecord Of(PartnerId member, IEnumerable<Pledge> pledges, LocalDate on)
    {
        var loaded = Ensure.Items(pledges, nameof(pledges), int.MaxValue);
        var seen = new HashSet<PledgeId>();
        foreach (var pledge in loaded)
        {
            if (!seen.Add(pledge.Id))
            {
                throw CoalitionRuleException.Because(ErrorCodes.Kernel.InvalidInput, "The pledges hold pledge {pledge} twice; load each pledge once, so that it counts once.", ("pledge", pledge.Id));
            }
        }

        var own = loaded.Where(p => p.Member == member && p.ExistsOn(on)).ToArray();
        var statuses = own.GroupBy(p => p.StatusOn(on)).ToDictionary(g => g.Key, g => g.Count());
        var live = own.Where(p => p.StatusOn(on) != PledgeStatus.Withdrawn).ToArray();
        var money = live.Where(p => p.Offer.Kind == ContributionKind.Money)
            .GroupBy(p => p.Offer.Amount!.Value.Currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MoneyContribution(
                new Money(g.Sum(p => p.Offer.Amount!.Value.Amount), g.Key),
                new Money(g.Sum(p => p.Receipts.Where(r => r.ReceivedOn <= on).Sum(r => r.Amount?.Amount ?? 0m)), g.Key)))
            .ToArray();
        var time = live.Where(p => p.Offer.Kind is ContributionKind.StaffTime or ContributionKind.Expertise).ToArray();
        var inKind = live.Where(p => p.Offer.Kind == ContributionKind.InKind).ToArray();
        return new ContributionRecord(
            member,
            on,
            money,
            time.Sum(p => p.Offer.Hours ?? 0m),
            time.Sum(p => p.Receipts.Where(r => r.ReceivedOn <= on).Sum(r => r.Hours ?? 0m)),
            inKind.Length,
            inKind.Count(p => p.Receipts.Any(r => r.ReceivedOn <= on)),
            statuses);
    }

    /// <summary>The record in plain words.</summary>
    /// <param name="memberName">The member's name.</param>
    /// <returns>One sentence per kind of contribution, lines separated by <c>\n</c>.</returns>
    public string Describe(string memberName)
    {
        var text = new StringBuilder();
        text.Append(Words.Fill("{member} on {on}:", new Dictionary<string, object?> { ["member"] = memberName, ["on"] = On }));
        foreach (var line in Money)
        {
            text.Append("\nMoney: ").Append(Amounts.Format(line.Pledged)).Append(" pledged, ").Append(Amounts.Format(line.Received)).Append(" received.");
        }

        if (HoursPledged > 0m)
        {
            text.Append("\nStaff time and expertise: ").Append(Hours(HoursPledged)).Append(" hours pledged, ").Append(Hours(HoursGiven)).Append(" given.");
        }

        if (InKindPledged > 0)
        {
            text.Append("\nIn kind: ").Append(Words.Format(InKindPledged)).Append(" pledged, ").Append(Words.Format(InKindReceived)).Append(" received.");
        }

        var statuses = Enum.GetValues<PledgeStatus>().Where(Statuses.ContainsKey).Select(s => Words.Format(Statuses[s]) + " " + Words.Format(s)).ToArray();
        text.Append("\nPledges: ").Append(statuses.Length == 0 ? "none" : Words.List(statuses)).Append('.');
        return text.ToString();
    }

    private static string Hours(decimal hours) => hours.ToString("#,##0.####", CultureInfo.InvariantCulture);
}
