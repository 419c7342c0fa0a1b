using Coalitions.Core.Coalitions;
using Coalitions.Core.Initiatives;
using Coalitions.Core.Kernel;
using FluentValidation;
using NodaTime;

namespace Coalitions.Core.Measurement;

/// <summary>The level of result an indicator measures (the numbers are the IATI <c>ResultType</c> codes).</summary>
public enum ResultLevel
{
    /// <summary>What the work produced directly (camps held, books delivered).</summary>
    Output = 1,

    /// <summary>The change it brought for people (children reading better).</summary>
    Outcome = 2,

    /// <summary>The lasting, wider change (literacy in the county).</summary>
    Impact = 3,
}

/// <summary>How members' measurements make an indicator's actual value.</summary>
public enum MeasurementAggregation
{
    /// <summary>Counts add up: the actual value is the baseline plus every measurement so far (children trained, books given).</summary>
    Cumulative = 1,

    /// <summary>A level is read: the actual value is that of the latest period measured, the mean where several members measured it (a reading rate).</summary>
    Latest = 2,
}

/// <summary>How an indicator, a goal or an initiative is doing on a date.</summary>
public enum ProgressStatus
{
    /// <summary>Nothing measured yet.</summary>
    NotMeasured = 1,

    /// <summary>At least as far along as the straight line from the baseline to the target by the deadline.</summary>
    OnTrack = 2,

    /// <summary>Behind that line, but by less than a quarter of the progress expected by now.</summary>
    AtRisk = 3,

    /// <summary>Behind by a quarter or more of the progress expected, or past the deadline without reaching the target.</summary>
    OffTrack = 4,

    /// <summary>The target is reached.</summary>
    Achieved = 5,
}

/// <summary>What an indicator measures, against what, by when, and what it serves.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Title">What is measured: one line of at most 200 characters.</param>
/// <param name="Unit">Its unit, such as <c>%</c> or <c>children</c>: one line of at most 50 characters. A unit of <c>%</c> is a percentage.</param>
/// <param name="Direction">Which way it should move.</param>
/// <param name="Baseline">Its value when the baseline was taken.</param>
/// <param name="BaselineDate">The day the baseline was taken.</param>
/// <param name="Target">The value to reach: above the baseline to increase, below it to decrease, equal to it to maintain.</param>
/// <param name="Deadline">The day by which to reach it, after the baseline's day.</param>
/// <param name="Aggregation">How measurements make its actual value.</param>
/// <param name="Goal">The goal of the charter it serves, by key, if any.</param>
/// <param name="Initiative">The joint initiative it measures, if any. It serves a goal, an initiative or both.</param>
/// <param name="Weight">Its weight when a goal's or an initiative's progress is rolled up (1 to 1,000); when left out it weighs 1.</param>
/// <param name="Level">The level of result it measures.</param>
public sealed record IndicatorDefinition(
    CoalitionId Coalition,
    string Title,
    string Unit,
    GoalDirection Direction,
    decimal Baseline,
    LocalDate BaselineDate,
    decimal Target,
    LocalDate Deadline,
    MeasurementAggregation Aggregation,
    GoalKey? Goal = null,
    InitiativeId? Initiative = null,
    int? Weight = null,
    ResultLevel Level = ResultLevel.Outcome)
{
    /// <summary>Gets whether the indicator is a percentage (its unit is <c>%</c>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsPercentage => Unit == "%";
}

/// <summary>A member's measurement of an indicator for a period.</summary>
/// <param name="Member">The member that measured.</param>
/// <param name="PeriodStart">The period's first day.</param>
/// <param name="PeriodEnd">The period's last day, no later than today.</param>
/// <param name="Value">The value measured.</param>
/// <param name="Source">Where it comes from (a survey, a register, an assessment): one line of at most 200 characters.</param>
/// <param name="Note">A note, if any: at most 2,000 characters.</param>
public sealed record MeasurementReport(PartnerId Member, LocalDate PeriodStart, LocalDate PeriodEnd, decimal Value, string Source, string? Note = null);

/// <summary>A correction of a measurement: the value and source it now has, and why.</summary>
/// <param name="Value">The corrected value.</param>
/// <param name="Source">The source of the corrected value.</param>
/// <param name="Reason">Why it was corrected.</param>
/// <param name="On">The day it was corrected.</param>
public sealed record MeasurementCorrection(decimal Value, string Source, string Reason, LocalDate On);

/// <summary>A measurement as recorded, with every correction kept in order.</summary>
/// <param name="Number">Its number in the indicator, from 1.</param>
/// <param name="Report">What was first reported.</param>
/// <param name="ReportedOn">The day it was reported.</param>
/// <param name="Corrections">Its corrections, oldest first.</param>
public sealed record Measurement(int Number, MeasurementReport Report, LocalDate ReportedOn, IReadOnlyList<MeasurementCorrection> Corrections)
{
    /// <summary>Gets the value it holds now: the latest correction's, else the reported one.</summary>
    public decimal Value => Corrections.Count == 0 ? Report.Value : Corrections[^1].Value;

    /// <summary>Gets the source of the value it holds now.</summary>
    public string Source => Corrections.Count == 0 ? Report.Source : Corrections[^1].Source;
}

/// <summary>Checks an <see cref="IndicatorDefinition"/> at the door and when it is replayed.</summary>
internal sealed class IndicatorDefinitionValidator : AbstractValidator<IndicatorDefinition>
{
    public static readonly IndicatorDefinitionValidator Instance = new();

    private IndicatorDefinitionValidator()
    {
        var code = ErrorCodes.Measurement.InvalidIndicator.Code;
        RuleFor(d => d.Coalition).IsId();
        RuleFor(d => d.Title).IsName();
        RuleFor(d => d.Unit).IsName(50);
        RuleFor(d => d.Direction).IsDefined();
        RuleFor(d => d.Aggregation).IsDefined();
        RuleFor(d => d.Level).IsDefined();
        RuleFor(d => d.Baseline).Must(v => IndicatorRules.ValueProblem(v) is null).WithErrorCode(ErrorCodes.Kernel.OutOfRange.Code).WithMessage("The baseline is at most 10^15 in size, with at most four decimal places.");
        RuleFor(d => d.Target).Must(v => IndicatorRules.ValueProblem(v) is null).WithErrorCode(ErrorCodes.Kernel.OutOfRange.Code).WithMessage("The target is at most 10^15 in size, with at most four decimal places.");
        RuleFor(d => d.BaselineDate).IsDate();
        RuleFor(d => d.Deadline).IsDate();
        RuleFor(d => d.Deadline).Must((d, deadline) => deadline > d.BaselineDate).When(d => d.BaselineDate.Calendar == CalendarSystem.Iso && d.Deadline.Calendar == CalendarSystem.Iso).WithErrorCode(code).WithMessage("The deadline comes after the day the baseline was taken.");
        RuleFor(d => d.Target)
            .Must((d, target) => d.Direction switch
            {
                GoalDirection.Increase => target > d.Baseline,
                GoalDirection.Decrease => target < d.Baseline,
                _ => target == d.Baseline,
            })
            .When(d => Ensure.IsDefined(d.Direction))
            .WithErrorCode(code)
            .WithMessage(d => Words.Fill("A target of {target} does not {direction} the baseline of {baseline}.", new Dictionary<string, object?> { ["target"] = d.Target, ["direction"] = d.Direction, ["baseline"] = d.Baseline }));
        RuleFor(d => d.Goal).Must(goal => goal is null || goal.Value.Value is not null).WithErrorCode(ErrorCodes.Kernel.InvalidText.Code).WithMessage("The goal, when given, is not the empty key.");
        RuleFor(d => d.Initiative).IsIdOrNull();
        RuleFor(d => d).Must(d => d.Goal is not null || d.Initiative is not null).WithErrorCode(code).WithMessage("An indicator serves a goal of the charter, a joint initiative, or both.");
        RuleFor(d => d.Weight).Must(w => w is null or (>= 1 and <= 1_000)).WithErrorCode(ErrorCodes.Kernel.OutOfRange.Code).WithMessage("An indicator's weight is from 1 to 1,000.");
    }
}

/// <summary>Checks a <see cref="MeasurementReport"/> at the door and when it is replayed.</summary>
internal sealed class MeasurementReportValidator : AbstractValidator<MeasurementReport>
{
    public static readonly MeasurementReportValidator Instance = new();

    private MeasurementReportValidator()
    {
        var code = ErrorCodes.Measurement.InvalidMeasurement.Code;
        RuleFor(r => r.Member).IsId();
        RuleFor(r => r.PeriodStart).IsDate();
        RuleFor(r => r.PeriodEnd).IsDate();
        RuleFor(r => r.PeriodEnd).Must((r, end) => end >= r.PeriodStart && Period.Between(r.PeriodStart, end, PeriodUnits.Years).Years < 10)
            .When(r => r.PeriodStart.Calendar == CalendarSystem.Iso && r.PeriodEnd.Calendar == CalendarSystem.Iso)
            .WithErrorCode(code).WithMessage("A period runs from its first day to its last, at most ten years.");
        RuleFor(r => r.Value).Must(v => IndicatorRules.ValueProblem(v) is null).WithErrorCode(code).WithMessage("A value is at most 10^15 in size, with at most four decimal places.");
        RuleFor(r => r.Source).IsName();
        RuleFor(r => r.Note).IsText(Limits.ReasonLength, required: false);
    }
}

/// <summary>The bounds of indicator values.</summary>
internal static class IndicatorRules
{
    public static string? ValueProblem(decimal value) => Amounts.Problem(Math.Abs(value), Amounts.MaxAmount, positive: false);
}
