using Coalitions.Core.Kernel;
using FluentValidation;
using NodaTime;

namespace Coalitions.Core.Coalitions;

/// <summary>The form a collaboration takes, from loose to formal.</summary>
public enum CoalitionForm
{
    /// <summary>A loosely knit network that comes together as needed.</summary>
    InformalNetwork = 1,

    /// <summary>An alliance around shared issues, with light agreements.</summary>
    Alliance = 2,

    /// <summary>A coalition with a charter, agreements and a governance structure.</summary>
    Coalition = 3,

    /// <summary>A federation whose members delegate authority to common bodies.</summary>
    Federation = 4,

    /// <summary>A collective-impact partnership: a backbone organization, a common agenda and shared measurement.</summary>
    CollectiveImpactPartnership = 5,
}

/// <summary>How formal a collaboration is.</summary>
public enum Formality
{
    /// <summary>Flexible and cheap to run; accountability rests on a few leaders.</summary>
    Low = 1,

    /// <summary>Some written commitments and a light structure.</summary>
    Moderate = 2,

    /// <summary>Written agreements, defined bodies and decision rules.</summary>
    High = 3,

    /// <summary>Delegated authority, a constitution and common institutions.</summary>
    VeryHigh = 4,
}

/// <summary>Helpers for <see cref="CoalitionForm"/>.</summary>
public static class CoalitionForms
{
    /// <summary>The level of formality a form implies.</summary>
    /// <param name="form">The form.</param>
    /// <returns>The formality.</returns>
    public static Formality Formality(this CoalitionForm form) => form switch
    {
        CoalitionForm.InformalNetwork => Coalitions.Formality.Low,
        CoalitionForm.Alliance => Coalitions.Formality.Moderate,
        CoalitionForm.Federation => Coalitions.Formality.VeryHigh,
        _ => Coalitions.Formality.High,
    };
}

/// <summary>Which way a goal's indicator should move.</summary>
public enum GoalDirection
{
    /// <summary>The indicator should rise to the target.</summary>
    Increase = 1,

    /// <summary>The indicator should fall to the target.</summary>
    Decrease = 2,

    /// <summary>The indicator should stay at or above the target, which equals the baseline.</summary>
    Maintain = 3,
}

/// <summary>
/// A goal as the charter states it; it must be SMART: specific (a title), measurable (an indicator, a unit, a
/// baseline and a target that moves in its direction) and time-bound (a deadline).
/// </summary>
/// <param name="Title">What the coalition will achieve.</param>
/// <param name="Indicator">What is measured.</param>
/// <param name="Unit">The unit of the indicator.</param>
/// <param name="Baseline">The indicator's value now.</param>
/// <param name="Target">The value to reach: above the baseline for an increase, below it for a decrease, equal to it to maintain.</param>
/// <param name="Direction">Which way the indicator should move.</param>
/// <param name="Deadline">When the target is to be reached: a date in the years 1900 to 2999.</param>
/// <param name="Key">
/// The goal's stable name, which indicators cite (see <c>Measurement.Indicator</c>); unique within the charter. A goal
/// without a key is stated, but nothing can be measured against it until an amendment gives it one.
/// </param>
public sealed record Goal(string Title, string Indicator, string Unit, decimal Baseline, decimal Target, GoalDirection Direction, LocalDate Deadline, GoalKey? Key = null)
{
    /// <summary>The goal with a key, for the charter an amendment adopts.</summary>
    /// <param name="key">The key.</param>
    /// <returns>A copy of the goal keyed <paramref name="key"/>.</returns>
    public Goal Keyed(string key) => this with { Key = new GoalKey(key) };
}

/// <summary>
/// The coalition's charter, in its own words: the community-level problem it addresses, its vision, its mission,
/// its principles of partnership, its ground rules for dialogue, and its SMART goals.
/// </summary>
/// <param name="Problem">The community-level problem the coalition seeks to change.</param>
/// <param name="Vision">The future it strives for.</param>
/// <param name="Mission">How it will get there.</param>
/// <param name="Principles">Its principles of partnership (mutuality; clear expectations, rights and responsibilities; accountability and transparency), in its own words.</param>
/// <param name="GroundRules">Its ground rules for respectful dialogue.</param>
/// <param name="Goals">Its SMART goals; at least one.</param>
public sealed record Charter(
    string Problem,
    string Vision,
    string Mission,
    IReadOnlyList<string> Principles,
    IReadOnlyList<string> GroundRules,
    IReadOnlyList<Goal> Goals);

/// <summary>
/// Checks a <see cref="Charter"/> at the boundary and when its adoption is replayed: the problem (at most 4,000
/// characters), vision and mission (2,000 each), one to 50 principles and up to 50 ground rules (1,000 characters each),
/// and one to 50 SMART goals; texts hold no control characters other than line breaks and tabs.
/// </summary>
internal sealed class CharterValidator : AbstractValidator<Charter>
{
    public const int MaxItems = 50;

    public static readonly CharterValidator Instance = new();

    private CharterValidator()
    {
        var code = ErrorCodes.Coalitions.InvalidCharter.Code;
        RuleFor(c => c.Problem).IsText(4_000);
        RuleFor(c => c.Vision).IsText(2_000);
        RuleFor(c => c.Mission).IsText(2_000);
        RuleFor(c => c.Principles).Must(list => list is { Count: >= 1 and <= MaxItems }).WithErrorCode(code)
            .WithMessage("A charter states one to 50 principles of partnership.");
        RuleForEach(c => c.Principles).IsText(1_000).When(c => c.Principles is not null);
        RuleFor(c => c.GroundRules).Must(list => list is { Count: <= MaxItems }).WithErrorCode(code)
            .WithMessage("A charter states at most 50 ground rules (an empty list is fine).");
        RuleForEach(c => c.GroundRules).IsText(1_000).When(c => c.GroundRules is not null);
        RuleFor(c => c.Goals).Must(list => list is { Count: >= 1 and <= MaxItems } && list.All(g => g is not null)).WithErrorCode(code)
            .WithMessage("A charter states one to 50 measurable goals.");
        RuleForEach(c => c.Goals).SetValidator(new GoalValidator()).When(c => c.Goals is not null);
        RuleFor(c => c.Goals)
            .Must(goals => goals.Where(g => g?.Key is { Value: not null }).GroupBy(g => g.Key!.Value.Value, StringComparer.Ordinal).All(same => same.Count() == 1))
            .When(c => c.Goals is not null)
            .WithErrorCode(code)
            .WithMessage("Each goal's key names one goal of the charter; two goals share a key.");
    }

    private sealed class GoalValidator : AbstractValidator<Goal>
    {
        public GoalValidator()
        {
            var measurable = ErrorCodes.Coalitions.GoalNotMeasurable.Code;
            RuleFor(g => g.Title).IsName();
            RuleFor(g => g.Indicator).Cascade(CascadeMode.Stop).NotEmpty().WithErrorCode(measurable).IsName();
            RuleFor(g => g.Unit).Cascade(CascadeMode.Stop).NotEmpty().WithErrorCode(measurable).IsName(50);
            RuleFor(g => g.Direction).Must(Ensure.IsDefined).WithErrorCode(measurable).WithMessage("A goal's direction has an undefined value.");
            RuleFor(g => g.Target)
                .Must((g, target) => g.Direction switch
                {
                    GoalDirection.Increase => target > g.Baseline,
                    GoalDirection.Decrease => target < g.Baseline,
                    _ => target == g.Baseline,
                })
                .When(g => Ensure.IsDefined(g.Direction))
                .WithErrorCode(measurable)
                .WithMessage(g => Words.Fill(
                    "Goal '{title}': a target of {target} does not {direction} the baseline of {baseline}.",
                    new Dictionary<string, object?> { ["title"] = g.Title, ["target"] = g.Target, ["direction"] = g.Direction, ["baseline"] = g.Baseline }));
            RuleFor(g => g.Deadline).Cascade(CascadeMode.Stop).NotEqual(default(LocalDate)).WithErrorCode(ErrorCodes.Coalitions.GoalWithoutDeadline.Code)
                .WithMessage(g => Words.Fill("Goal '{title}' has no deadline.", new Dictionary<string, object?> { ["title"] = g.Title }))
                .IsDate();
            RuleFor(g => g.Key).Must(key => key is null || key.Value.Value is not null).WithErrorCode(ErrorCodes.Kernel.InvalidText.Code)
                .WithMessage("A goal's key, when given, is not the empty key.");
        }
    }
}
