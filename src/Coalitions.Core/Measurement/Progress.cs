using Coalitions.Core.Coalitions;
using Coalitions.Core.Initiatives;
using Coalitions.Core.Kernel;
using NodaTime;
using CoalitionAggregate = Coalitions.Core.Coalitions.Coalition;
using InitiativeAggregate = Coalitions.Core.Initiatives.Initiative;

namespace Coalitions.Core.Measurement;

/// <summary>An indicator's progress on a day.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Title">What it measures.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Baseline">Its baseline.</param>
/// <param name="Target">Its target.</param>
/// <param name="Deadline">Its deadline.</param>
/// <param name="Actual">Its actual value from the measurements of periods ended by the day (rounded to four decimals for a mean); <see langword="null"/> when nothing is measured.</param>
/// <param name="LatestPeriodEnd">The last day of the latest period measured, if any.</param>
/// <param name="Share">The share of the way from baseline to target, from 0 to 1 (rounded to four decimals; display only: the status is decided exactly).</param>
/// <param name="Status">The status, decided exactly from the measurements and the dates.</param>
/// <param name="Weight">Its weight in roll-ups.</param>
/// <param name="Sources">The sources of the measurements that make the actual value, each once.</param>
public sealed record IndicatorProgress(
    IndicatorId Indicator,
    string Title,
    string Unit,
    decimal Baseline,
    decimal Target,
    LocalDate Deadline,
    decimal? Actual,
    LocalDate? LatestPeriodEnd,
    decimal Share,
    ProgressStatus Status,
    int Weight,
    IReadOnlyList<string> Sources)
{
    /// <summary>Gets the share as a whole percentage, rounded half away from zero.</summary>
    public int Percent => (int)decimal.Round(Share * 100m, MidpointRounding.AwayFromZero);
}

/// <summary>One item of a roll-up: an indicator or a milestone, its share, status and weight.</summary>
/// <param name="Name">The indicator's title or the milestone's title.</param>
/// <param name="Share">Its share of the way, from 0 to 1.</param>
/// <param name="Status">Its status.</param>
/// <param name="Weight">Its weight.</param>
public sealed record ProgressItem(string Name, decimal Share, ProgressStatus Status, int Weight);

/// <summary>A goal's progress on a day, rolled up from the indicators that serve it.</summary>
/// <param name="Goal">The goal's key.</param>
/// <param name="Title">The goal's title.</param>
/// <param name="Share">The weighted average of its indicators' shares (an unmeasured indicator counts as no progress), from 0 to 1.</param>
/// <param name="Status">The worst status among its measured indicators (off track, then at risk, then on track); achieved when all are; not measured when none is.</param>
/// <param name="Indicators">Its indicators' progress.</param>
public sealed record GoalProgress(GoalKey Goal, string Title, decimal Share, ProgressStatus Status, IReadOnlyList<IndicatorProgress> Indicators)
{
    /// <summary>Gets the share as a whole percentage.</summary>
    public int Percent => (int)decimal.Round(Share * 100m, MidpointRounding.AwayFromZero);
}

/// <summary>An initiative's progress on a day, rolled up from its milestones and indicators.</summary>
/// <param name="Initiative">The initiative.</param>
/// <param name="Title">Its title.</param>
/// <param name="Lifecycle">Where it is in its lifecycle.</param>
/// <param name="Share">The weighted average of its items' shares (a milestone counts fully once reached), from 0 to 1.</param>
/// <param name="Status">The worst status among its items; achieved when all are; not measured when it has none.</param>
/// <param name="Items">Its milestones and indicators.</param>
public sealed record InitiativeProgress(InitiativeId Initiative, string Title, InitiativeStatus Lifecycle, decimal Share, ProgressStatus Status, IReadOnlyList<ProgressItem> Items)
{
    /// <summary>Gets the share as a whole percentage.</summary>
    public int Percent => (int)decimal.Round(Share * 100m, MidpointRounding.AwayFromZero);
}

/// <summary>
/// Progress computed from measurements and dates, and rolled up to the charter's goals and to initiatives in the manner
/// of results that roll up to their parents: weighted where weights are given, averaged where not.
/// </summary>
/// <remarks>
/// <para>The status of an indicator compares the share of the way covered, <c>(actual − baseline) / (target − baseline)</c>,
/// with the share of the time elapsed from the baseline's day to the deadline. At or above it: on track. Below it by less
/// than a quarter of it: at risk. Further behind, or past the deadline without the target: off track. Reaching the target:
/// achieved (for an indicator to maintain, staying at or above the target is on track until the deadline, and achieved on
/// it). The comparison is made by cross-multiplying exact decimals, never by rounding a share.</para>
/// <para>A goal or initiative's status is the worst of its items' statuses, so one indicator off track is never averaged
/// away; its share is the weighted average for display.</para>
/// </remarks>
public static class Progress
{
    /// <summary>The share of the expected progress below which an indicator is off track rather than at risk: three quarters.</summary>
    public static readonly Fraction AtRiskFloor = Fraction.ThreeQuarters;

    /// <summary>An indicator's progress on a day.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="on">The day: measurements of periods ended by then count.</param>
    /// <returns>The progress.</returns>
    public static IndicatorProgress Of(Indicator indicator, LocalDate on)
    {
        Preconditions.CheckNotNull(indicator, nameof(indicator));
        var d = indicator.Definition;
        var counted = indicator.Measurements.Where(m => m.Report.PeriodEnd <= on).ToArray();
        if (counted.Length == 0)
        {
            return new IndicatorProgress(indicator.Id, d.Title, d.Unit, d.Baseline, d.Target, d.Deadline, null, null, 0m, ProgressStatus.NotMeasured, d.Weight ?? 1, []);
        }

        var latest = counted.Max(m => m.Report.PeriodEnd);
        var used = d.Aggregation == MeasurementAggregation.Cumulative ? counted : counted.Where(m => m.Report.PeriodEnd == latest).ToArray();

        // The actual value is sum / count exactly: the baseline plus every value, or the mean of the latest period's values.
        var sum = used.Sum(m => m.Value);
        var count = 1;
        if (d.Aggregation == MeasurementAggregation.Cumulative)
        {
            sum += d.Baseline;
        }
        else
        {
            count = used.Length;
        }

        var status = StatusOf(d, sum, count, on);
        var actual = decimal.Round(sum / count, 4, MidpointRounding.AwayFromZero);
        var share = ShareOf(d, actual);
        var sources = used.Select(m => m.Source).Distinct(StringComparer.Ordinal).ToArray();
        return new IndicatorProgress(indicator.Id, d.Title, d.Unit, d.Baseline, d.Target, d.Deadline, actual, latest, share, status, d.Weight ?? 1, sources);
    }

    /// <summary>A goal's progress on a day, from the coalition's indicators that serve it (retired ones left out).</summary>
    /// <param name="coalition">The coalition; its charter names the goal.</param>
    /// <param name="goal">The goal's key.</param>
    /// <param name="indicators">The coalition's indicators (others are ignored).</param>
    /// <param name="on">The day.</param>
    /// <returns>The goal's progress.</returns>
    /// <exception cref="CoalitionRuleException">The charter names no goal by that key (<c>Measurement.UnknownGoal</c>).</exception>
    public static GoalProgress OfGoal(CoalitionAggregate coalition, GoalKey goal, IEnumerable<Indicator> indicators, LocalDate on)
    {
        Preconditions.CheckNotNull(coalition, nameof(coalition));
        Preconditions.CheckNotNull(indicators, nameof(indicators));
        var stated = coalition.Charter?.Goals.FirstOrDefault(g => g.Key == goal)
            ?? throw CoalitionRuleException.Because(ErrorCodes.Measurement.UnknownGoal, "The charter of {coalition} names no goal '{goal}'.", ("coalition", coalition.Name), ("goal", goal.Value ?? "(none)"));
        var serving = indicators.Where(i => i.Coalition == coalition.Id && i.Definition.Goal == goal && i.Status == IndicatorStatus.Active)
            .Select(i => Of(i, on)).ToArray();
        var items = serving.Select(p => new ProgressItem(p.Title, p.Share, p.Status, p.Weight)).ToArray();
        return new GoalProgress(goal, stated.Title, Weighted(items), Worst(items), serving);
    }

    /// <summary>An initiative's progress on a day, from its milestones and the indicators that measure it (retired ones left out).</summary>
    /// <param name="initiative">The initiative.</param>
    /// <param name="indicators">The coalition's indicators (others are ignored).</param>
    /// <param name="on">The day.</param>
    /// <returns>The initiative's progress.</returns>
    public static InitiativeProgress OfInitiative(InitiativeAggregate initiative, IEnumerable<Indicator> indicators, LocalDate on)
    {
        Preconditions.CheckNotNull(initiative, nameof(initiative));
        Preconditions.CheckNotNull(indicators, nameof(indicators));
        var items = new List<ProgressItem>();
        foreach (var milestone in initiative.Plan.Milestones)
        {
            var reached = initiative.Reached.TryGetValue(milestone.Key, out var r) && r.On <= on;
            var status = reached ? ProgressStatus.Achieved : on > milestone.Due ? ProgressStatus.OffTrack : ProgressStatus.OnTrack;
            items.Add(new ProgressItem(milestone.Title, reached ? 1m : 0m, status, milestone.Weight ?? 1));
        }

        foreach (var indicator in indicators.Where(i => i.Definition.Initiative == initiative.Id && i.Status == IndicatorStatus.Active))
        {
            var progress = Of(indicator, on);
            items.Add(new ProgressItem(progress.Title, progress.Share, progress.Status, progress.Weight));
        }

        return new InitiativeProgress(initiative.Id, initiative.Title, initiative.Status, Weighted(items), Worst(items), items);
    }

    // The status, decided by cross-multiplication: actual = sum / count, so every comparison multiplies through by count.
    private static ProgressStatus StatusOf(IndicatorDefinition d, decimal sum, int count, LocalDate on)
    {
        var reached = d.Direction switch
        {
            GoalDirection.Increase => sum >= d.Target * count,
            GoalDirection.Decrease => sum <= d.Target * count,
            _ => sum >= d.Target * count,
        };
        if (d.Direction == GoalDirection.Maintain)
        {
            return !reached ? ProgressStatus.OffTrack : on >= d.Deadline ? ProgressStatus.Achieved : ProgressStatus.OnTrack;
        }

        if (reached)
        {
            return ProgressStatus.Achieved;
        }

        if (on >= d.Deadline)
        {
            return ProgressStatus.OffTrack;
        }

        long total = Period.Between(d.BaselineDate, d.Deadline, PeriodUnits.Days).Days;
        long elapsed = on <= d.BaselineDate ? 0 : Period.Between(d.BaselineDate, on, PeriodUnits.Days).Days;

        // covered / span >= elapsed / total, with covered = sum - baseline * count and span = (target - baseline) * count;
        // for a decrease both covered and span are negative, so the inequality turns.
        var covered = (sum - (d.Baseline * count)) * total;
        var expected = (d.Target - d.Baseline) * count * elapsed;
        var increase = d.Direction == GoalDirection.Increase;
        bool AtLeast(decimal left, decimal right) => increase ? left >= right : left <= right;
        if (AtLeast(covered, expected))
        {
            return ProgressStatus.OnTrack;
        }

        return AtLeast(covered * AtRiskFloor.Denominator, expected * AtRiskFloor.Numerator) ? ProgressStatus.AtRisk : ProgressStatus.OffTrack;
    }

    private static decimal ShareOf(IndicatorDefinition d, decimal actual)
    {
        if (d.Direction == GoalDirection.Maintain)
        {
            return actual >= d.Target ? 1m : 0m;
        }

        var share = (actual - d.Baseline) / (d.Target - d.Baseline);
        return decimal.Round(Math.Clamp(share, 0m, 1m), 4, MidpointRounding.AwayFromZero);
    }

    private static decimal Weighted(IReadOnlyList<ProgressItem> items)
    {
        if (items.Count == 0)
        {
            return 0m;
        }

        var weights = items.Sum(i => (decimal)i.Weight);
        return decimal.Round(items.Sum(i => i.Share * i.Weight) / weights, 4, MidpointRounding.AwayFromZero);
    }

    private static ProgressStatus Worst(IReadOnlyList<ProgressItem> items)
    {
        var measured = items.Where(i => i.Status != ProgressStatus.NotMeasured).ToArray();
        if (measured.Length == 0)
        {
            return ProgressStatus.NotMeasured;
        }

        if (measured.Any(i => i.Status == ProgressStatus.OffTrack))
        {
            return ProgressStatus.OffTrack;
        }

        if (measured.Any(i => i.Status == ProgressStatus.AtRisk))
        {
            return ProgressStatus.AtRisk;
        }

        return measured.Length == items.Count && measured.All(i => i.Status == ProgressStatus.Achieved) ? ProgressStatus.Achieved : ProgressStatus.OnTrack;
    }
}
