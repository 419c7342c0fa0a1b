using System.Globalization;
using System.Text;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Resources;
using NodaTime;
using CoalitionAggregate = Coalitions.Core.Coalitions.Coalition;
using InitiativeAggregate = Coalitions.Core.Initiatives.Initiative;

namespace Coalitions.Core.Measurement;

/// <summary>
/// What the coalition achieved together, on a day, in plain words a coalition can send to its members and funders: each
/// goal of the charter with the progress of its indicators, each joint initiative with its milestones, what members
/// pledged and gave, and what each pooled fund holds.
/// </summary>
/// <param name="Coalition">The coalition's name.</param>
/// <param name="On">The day.</param>
/// <param name="Goals">Each keyed goal's progress, in the charter's order.</param>
/// <param name="Initiatives">Each initiative's progress, by title.</param>
/// <param name="Text">The summary in plain words, lines separated by <c>\n</c>.</param>
public sealed record ImpactSummary(string Coalition, LocalDate On, IReadOnlyList<GoalProgress> Goals, IReadOnlyList<InitiativeProgress> Initiatives, string Text)
{
    /// <summary>Writes the summary from what the host loaded of the coalition's joint work; records of other coalitions are ignored.</summary>
    /// <param name="coalition">The coalition.</param>
    /// <param name="indicators">Its indicators.</param>
    /// <param name="initiatives">Its initiatives (cancelled ones are left out).</param>
    /// <param name="pledges">Its members' pledges.</param>
    /// <param name="funds">Its pooled funds.</param>
    /// <param name="on">The day.</param>
    /// <returns>The summary.</returns>
    public static ImpactSummary Write(
        CoalitionAggregate coalition,
        IEnumerable<Indicator> indicators,
        IEnumerable<InitiativeAggregate> initiatives,
        IEnumerable<Pledge> pledges,
        IEnumerable<PooledFund> funds,
        LocalDate on)
    {
        Preconditions.CheckNotNull(coalition, nameof(coalition));
        var ours = Preconditions.CheckNotNull(indicators, nameof(indicators)).Where(i => i.Coalition == coalition.Id).ToArray();
        var work = Preconditions.CheckNotNull(initiatives, nameof(initiatives)).Where(i => i.Coalition == coalition.Id && i.Status != Core.Initiatives.InitiativeStatus.Cancelled).OrderBy(i => i.Title, StringComparer.Ordinal).ToArray();
        var given = Preconditions.CheckNotNull(pledges, nameof(pledges)).Where(p => p.Coalition == coalition.Id).ToArray();
        var money = Preconditions.CheckNotNull(funds, nameof(funds)).Where(f => f.Coalition == coalition.Id).OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();

        var goals = (coalition.Charter?.Goals ?? []).Where(g => g.Key is not null).Select(g => Progress.OfGoal(coalition, g.Key!.Value, ours, on)).ToArray();
        var progress = work.Select(i => Progress.OfInitiative(i, ours, on)).ToArray();

        var text = new StringBuilder();
        text.Append(Fill("{coalition} on {on}: what we achieve together.", ("coalition", coalition.Name), ("on", on)));
        foreach (var goal in goals)
        {
            text.Append('\n').Append(Fill("Goal '{goal}': {percent} % of the way, {status}.", ("goal", goal.Title), ("percent", goal.Percent), ("status", goal.Status)));
            foreach (var indicator in goal.Indicators)
            {
                text.Append("\n  ").Append(DescribeIndicator(indicator));
            }
        }

        foreach (var (initiative, done) in work.Zip(progress))
        {
            var partners = initiative.Plan.Partners.Count;
            text.Append('\n').Append(Fill(
                "{kind} '{title}' ({status}), led by {lead} with {others}: {percent} % done, {progress}.",
                ("kind", Capitalized(Words.Format(initiative.Plan.Kind))),
                ("title", initiative.Title),
                ("status", initiative.Status),
                ("lead", initiative.Plan.Partners.First(p => p.Partner == initiative.Plan.Lead).Name),
                ("others", partners == 2 ? "1 partner" : $"{partners - 1} partners"),
                ("percent", done.Percent),
                ("progress", done.Status)));
            foreach (var milestone in initiative.Plan.Milestones.OrderBy(m => m.Due))
            {
                text.Append("\n  ").Append(initiative.Reached.TryGetValue(milestone.Key, out var reached) && reached.On <= on
                    ? Fill("Reached {on}: {milestone}.", ("on", reached.On), ("milestone", milestone.Title))
                    : Fill("Due {due}: {milestone}.", ("due", milestone.Due), ("milestone", milestone.Title)));
            }
        }

        if (given.Length > 0)
        {
            text.Append('\n').Append(DescribePledges(coalition, given, on));
        }

        foreach (var fund in money)
        {
            var balances = fund.Balances.Where(b => b.Amount != 0m).Select(Amounts.Format).ToArray();
            var paid = fund.Ledger.Where(e => !e.IsIncome).GroupBy(e => e.Amount.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Amounts.Format(new Money(g.Sum(e => e.Amount.Amount), g.Key))).ToArray();
            text.Append('\n').Append(Fill(
                "{fund} holds {balance}{paid}.",
                ("fund", fund.Name),
                ("balance", balances.Length == 0 ? "nothing" : Words.List(balances)),
                ("paid", paid.Length == 0 ? string.Empty : " after paying " + Words.List(paid) + " for the coalition's work")));
        }

        return new ImpactSummary(coalition.Name, on, goals, progress, text.ToString());
    }

    private static string DescribeIndicator(IndicatorProgress p)
    {
        if (p.Actual is not { } actual)
        {
            return Fill("{title}: not measured yet; from {baseline} towards {target} by {deadline}.", ("title", p.Title), ("baseline", Value(p.Baseline, p.Unit)), ("target", Value(p.Target, p.Unit)), ("deadline", p.Deadline));
        }

        return Fill(
            "{title}: {actual} on {period} (from {baseline} towards {target} by {deadline}), {status}; source: {sources}.",
            ("title", p.Title),
            ("actual", Value(actual, p.Unit)),
            ("period", p.LatestPeriodEnd),
            ("baseline", Value(p.Baseline, p.Unit)),
            ("target", Value(p.Target, p.Unit)),
            ("deadline", p.Deadline),
            ("status", p.Status),
            ("sources", Words.List(p.Sources)));
    }

    private static string DescribePledges(CoalitionAggregate coalition, IReadOnlyList<Pledge> pledges, LocalDate on)
    {
        var live = pledges.Where(p => p.ExistsOn(on) && p.StatusOn(on) != PledgeStatus.Withdrawn).ToArray();
        var pledged = live.Where(p => p.Offer.Kind == ContributionKind.Money).GroupBy(p => p.Offer.Amount!.Value.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Pledged: new Money(g.Sum(p => p.Offer.Amount!.Value.Amount), g.Key), Received: new Money(g.Sum(p => p.Receipts.Where(r => r.ReceivedOn <= on).Sum(r => r.Amount?.Amount ?? 0m)), g.Key))).ToArray();
        var hours = live.Where(p => p.Offer.Hours is not null).Sum(p => p.Offer.Hours!.Value);
        var hoursGiven = live.Sum(p => p.Receipts.Where(r => r.ReceivedOn <= on).Sum(r => r.Hours ?? 0m));
        var inKind = live.Count(p => p.Offer.Kind == ContributionKind.InKind);
        var contributors = live.Where(p => p.Receipts.Any(r => r.ReceivedOn <= on)).Select(p => p.Member).Distinct().Select(coalition.NameOf).Order(StringComparer.Ordinal).ToArray();
        var parts = pledged.Select(m => Fill("{pledged} pledged, {received} received", ("pledged", Amounts.Format(m.Pledged)), ("received", Amounts.Format(m.Received)))).ToList();
        if (hours > 0m)
        {
            parts.Add(Fill("{hours} hours of staff time and expertise pledged, {given} given", ("hours", Number(hours)), ("given", Number(hoursGiven))));
        }

        if (inKind > 0)
        {
            parts.Add(Words.Count(inKind, "gift in kind", "gifts in kind"));
        }

        var line = Fill("Members' pledges: {parts}.", ("parts", parts.Count == 0 ? "none" : string.Join("; ", parts)));
        return contributors.Length == 0 ? line : line + Fill(" Thank you to {members} for what they gave.", ("members", Words.List(contributors)));
    }

    private static string Value(decimal value, string unit) => unit == "%" ? Number(value) + " %" : Number(value) + " " + unit;

    private static string Number(decimal value) => value.ToString(value == decimal.Truncate(value) ? "N0" : "#,##0.####", CultureInfo.InvariantCulture);

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Fill(string template, params (string Name, object? Value)[] values) =>
        Words.Fill(template, values.ToDictionary(v => v.Name, v => v.Value));
}
