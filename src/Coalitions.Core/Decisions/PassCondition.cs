using System.Globalization;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Decisions;

/// <summary>Whether a share must exceed a threshold or reach it.</summary>
public enum ThresholdComparison
{
    /// <summary>Strictly more than the threshold: a majority is more than one half, so a tie fails.</summary>
    MoreThan = 1,

    /// <summary>At least the threshold: a two-thirds vote is met by exactly two thirds.</summary>
    AtLeast = 2,
}

/// <summary>What a support share is taken of.</summary>
public enum VoteBase
{
    /// <summary>Support and oppose; abstentions are ignored (Robert's Rules: a majority of votes cast).</summary>
    VotesCast = 1,

    /// <summary>All ballots; an abstention acts as a no.</summary>
    Ballots = 2,

    /// <summary>Members recorded present at the meeting; anyone present who does not support acts as a no.</summary>
    Present = 3,

    /// <summary>Everyone entitled to vote; not voting acts as a no.</summary>
    Electorate = 4,
}

/// <summary>Whether members are counted one each or by their voting weight.</summary>
public enum Measure
{
    /// <summary>One member, one vote.</summary>
    Headcount = 1,

    /// <summary>Each member counts with its weight (contributions, constituency size, chamber share).</summary>
    Weight = 2,
}

/// <summary>
/// One condition a proposal must meet to pass: a share of support, compared with a threshold, on a base,
/// by headcount or weight. "More than one half of votes cast" and "at least 65 % of the electorate's
/// weight" are pass conditions; a rule may require several at once (a double majority).
/// </summary>
/// <remarks>Immutable; checked when built, so an impossible threshold never reaches a vote.</remarks>
public sealed record PassCondition
{
    /// <summary>Initializes a condition.</summary>
    /// <param name="threshold">The threshold, more than zero and at most one.</param>
    /// <param name="comparison">Whether the share must exceed or reach the threshold.</param>
    /// <param name="base">What the share is taken of.</param>
    /// <param name="measure">Headcount or weight.</param>
    /// <exception cref="CoalitionRuleException">
    /// An undefined comparison, base or measure (<c>Kernel.InvalidInput</c>), or the threshold is zero, above one, or
    /// "more than all" (<c>Decisions.InvalidThreshold</c>).
    /// </exception>
    public PassCondition(Fraction threshold, ThresholdComparison comparison, VoteBase @base, Measure measure = Measure.Headcount)
    {
        Ensure.Defined(comparison, nameof(comparison));
        Ensure.Defined(@base, "base");
        Ensure.Defined(measure, nameof(measure));
        if (threshold == Fraction.Zero || !threshold.IsAtMostOne || (comparison == ThresholdComparison.MoreThan && threshold == Fraction.One))
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Decisions.InvalidThreshold,
                "A pass threshold must be more than zero and at most one, and 'more than all' can never be met; got {comparison} {threshold}.",
                ("comparison", comparison),
                ("threshold", threshold));
        }

        Threshold = threshold;
        Comparison = comparison;
        Base = @base;
        Measure = measure;
    }

    /// <summary>Gets the threshold.</summary>
    public Fraction Threshold { get; }

    /// <summary>Gets whether the share must exceed or reach the threshold.</summary>
    public ThresholdComparison Comparison { get; }

    /// <summary>Gets what the share is taken of.</summary>
    public VoteBase Base { get; }

    /// <summary>Gets whether members count one each or by weight.</summary>
    public Measure Measure { get; }

    /// <summary>A condition that the share of support must exceed the threshold.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <param name="base">What the share is taken of.</param>
    /// <param name="measure">Headcount or weight.</param>
    /// <returns>The condition.</returns>
    public static PassCondition MoreThan(Fraction threshold, VoteBase @base, Measure measure = Measure.Headcount) =>
        new(threshold, ThresholdComparison.MoreThan, @base, measure);

    /// <summary>A condition that the share of support must reach the threshold.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <param name="base">What the share is taken of.</param>
    /// <param name="measure">Headcount or weight.</param>
    /// <returns>The condition.</returns>
    public static PassCondition AtLeast(Fraction threshold, VoteBase @base, Measure measure = Measure.Headcount) =>
        new(threshold, ThresholdComparison.AtLeast, @base, measure);

    /// <summary>More than one half of the base supports: a majority as Robert's Rules reads it (a tie fails).</summary>
    /// <param name="base">What the share is taken of: votes cast by default (abstentions ignored).</param>
    /// <param name="measure">Headcount (the default) or weight.</param>
    /// <returns>The condition.</returns>
    /// <example>
    /// <code>var rule = DecisionRule.MajorityVote(PassCondition.MoreThanHalf(), PassCondition.MoreThanHalf(VoteBase.Electorate, Measure.Weight));</code>
    /// </example>
    public static PassCondition MoreThanHalf(VoteBase @base = VoteBase.VotesCast, Measure measure = Measure.Headcount) =>
        MoreThan(Fraction.Half, @base, measure);

    /// <summary>At least two thirds of the base support: 6 of 9 passes.</summary>
    /// <param name="base">What the share is taken of: votes cast by default (abstentions ignored).</param>
    /// <param name="measure">Headcount (the default) or weight.</param>
    /// <returns>The condition.</returns>
    public static PassCondition TwoThirds(VoteBase @base = VoteBase.VotesCast, Measure measure = Measure.Headcount) =>
        AtLeast(Fraction.TwoThirds, @base, measure);

    /// <summary>At least three quarters of the base support.</summary>
    /// <param name="base">What the share is taken of: votes cast by default (abstentions ignored).</param>
    /// <param name="measure">Headcount (the default) or weight.</param>
    /// <returns>The condition.</returns>
    public static PassCondition ThreeQuarters(VoteBase @base = VoteBase.VotesCast, Measure measure = Measure.Headcount) =>
        AtLeast(Fraction.ThreeQuarters, @base, measure);

    /// <summary>Whether a share meets the condition, exactly.</summary>
    /// <param name="part">The support.</param>
    /// <param name="whole">The base; zero never meets a condition.</param>
    /// <returns><see langword="true"/> when met.</returns>
    public bool IsMetBy(long part, long whole)
    {
        if (whole <= 0)
        {
            return false;
        }

        var comparison = Threshold.CompareShare(part, whole);
        return Comparison == ThresholdComparison.AtLeast ? comparison >= 0 : comparison > 0;
    }

    /// <summary>Describes the condition in words, for example "more than one half of votes cast".</summary>
    /// <returns>The description.</returns>
    public string Describe()
    {
        var comparison = Comparison == ThresholdComparison.AtLeast ? "at least" : "more than";
        var basis = (Base, Measure) switch
        {
            (VoteBase.VotesCast, Measure.Headcount) => "votes cast",
            (VoteBase.VotesCast, _) => "weighted votes cast",
            (VoteBase.Ballots, Measure.Headcount) => "ballots",
            (VoteBase.Ballots, _) => "ballot weight",
            (VoteBase.Present, Measure.Headcount) => "members present",
            (VoteBase.Present, _) => "the weight of members present",
            (VoteBase.Electorate, Measure.Headcount) => "the electorate",
            _ => "the electorate's weight",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{comparison} {Threshold.ToWords()} of {basis}");
    }

    /// <summary>Returns <see cref="Describe"/>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Describe();
}
