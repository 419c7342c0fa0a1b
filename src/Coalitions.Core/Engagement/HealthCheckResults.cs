using System.Globalization;
using System.Text;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Engagement;

/// <summary>How far, and which way, a score moved since the previous round, exactly.</summary>
/// <param name="Direction">Up, down or unchanged.</param>
/// <param name="Size">By how much, on the 1-to-5 scale.</param>
public sealed record ScoreChange(ChangeDirection Direction, Fraction Size)
{
    /// <summary>The change from one mean to another.</summary>
    /// <param name="from">The earlier mean.</param>
    /// <param name="to">The later mean.</param>
    /// <returns>The change.</returns>
    public static ScoreChange Between(Fraction from, Fraction to)
    {
        // Means of scores 1 to 5 over at most millions of ratings: the cross products stay far inside 128 bits.
        var difference = ((Int128)to.Numerator * from.Denominator) - ((Int128)from.Numerator * to.Denominator);
        var denominator = (Int128)from.Denominator * to.Denominator;
        var size = Reduce(Int128.Abs(difference), denominator);
        return new ScoreChange(difference > 0 ? ChangeDirection.Up : difference < 0 ? ChangeDirection.Down : ChangeDirection.Unchanged, size);
    }

    private static Fraction Reduce(Int128 numerator, Int128 denominator)
    {
        var (a, b) = (numerator, denominator);
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        var gcd = a == 0 ? 1 : a;
        return new Fraction((long)(numerator / gcd), (long)(denominator / gcd));
    }
}

/// <summary>A factor's score in a round.</summary>
/// <param name="Factor">The factor.</param>
/// <param name="Name">Its name.</param>
/// <param name="Category">Its group.</param>
/// <param name="Mean">The exact mean of its ratings; <see langword="null"/> when no one rated it.</param>
/// <param name="Ratings">How many ratings it had.</param>
/// <param name="Band">Strength, borderline or concern; <see langword="null"/> without ratings.</param>
/// <param name="Previous">Its mean in the previous round, if compared and rated then.</param>
/// <param name="Change">Its change since then, if both rounds rated it.</param>
public sealed record FactorScore(FactorKey Factor, string Name, HealthCategory Category, Fraction? Mean, int Ratings, ScoreBand? Band, Fraction? Previous, ScoreChange? Change)
{
    private static readonly Fraction Four = new(4, 1);
    private static readonly Fraction Three = new(3, 1);

    /// <summary>The band of a mean: 4 and above a strength, 3 to below 4 borderline, below 3 a concern.</summary>
    /// <param name="mean">The mean.</param>
    /// <returns>The band.</returns>
    public static ScoreBand BandOf(Fraction mean) => mean >= Four ? ScoreBand.Strength : mean >= Three ? ScoreBand.Borderline : ScoreBand.Concern;
}

/// <summary>A category's score in a round: the exact mean of every rating of its statements.</summary>
/// <param name="Category">The category.</param>
/// <param name="Mean">The mean; <see langword="null"/> without ratings.</param>
/// <param name="Ratings">How many ratings.</param>
public sealed record CategoryScore(HealthCategory Category, Fraction? Mean, int Ratings);

/// <summary>The results of a health check round.</summary>
/// <param name="Check">The round.</param>
/// <param name="Title">Its title.</param>
/// <param name="Roster">How many members were asked.</param>
/// <param name="Respondents">How many responded.</param>
/// <param name="ResponseRate">The share of the roster that responded, exactly.</param>
/// <param name="Factors">Every factor's score, in the order of the statements.</param>
/// <param name="Categories">Every category's score.</param>
/// <param name="ComparedWith">The title of the previous round compared with, if any.</param>
public sealed record HealthCheckResults(HealthCheckId Check, string Title, int Roster, int Respondents, Fraction ResponseRate, IReadOnlyList<FactorScore> Factors, IReadOnlyList<CategoryScore> Categories, string? ComparedWith)
{
    /// <summary>Gets the strengths (4 and above), best first.</summary>
    public IReadOnlyList<FactorScore> Strengths => InBand(ScoreBand.Strength);

    /// <summary>Gets the borderline factors (3 to below 4), best first.</summary>
    public IReadOnlyList<FactorScore> Borderline => InBand(ScoreBand.Borderline);

    /// <summary>Gets the concerns (below 3), best first.</summary>
    public IReadOnlyList<FactorScore> Concerns => InBand(ScoreBand.Concern);

    /// <summary>
    /// A mean as a decimal with two places, for reading (the exact value is the fraction): rounded half up, except that a
    /// mean just below a band's limit (3 or 4) is rounded down, so the figure shown is always in the mean's own band.
    /// </summary>
    /// <param name="mean">The mean.</param>
    /// <returns>For example <c>4.43</c>; <c>2.99</c> for 599/200, a concern, which rounded half up would read 3.00, a borderline figure.</returns>
    public static string Decimal(Fraction mean)
    {
        var hundredths = Fraction.RoundedPercent(mean.Numerator, mean.Denominator);
        if (FactorScore.BandOf(new Fraction(hundredths, 100)) != FactorScore.BandOf(mean))
        {
            // Rounding half up only ever carries a mean up onto a limit (the limits are whole hundredths): one down is below it.
            hundredths--;
        }

        return Hundredths(hundredths);
    }

    /// <summary>Describes the results in plain words: the response rate, then the strengths, borderline factors and concerns, with each change since the previous round.</summary>
    /// <returns>The report.</returns>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append("Health check '").Append(Title).Append("': ").Append(Words.Format(Respondents)).Append(" of ").Append(Words.Format(Roster))
            .Append(" members responded (").Append(Fraction.RoundedPercent(ResponseRate.Numerator, ResponseRate.Denominator).ToString(CultureInfo.InvariantCulture)).Append(" %).");
        if (ComparedWith is { } previous)
        {
            text.Append(" Compared with '").Append(previous).Append("'.");
        }

        Section(text, "Strengths (4 and above)", Strengths);
        Section(text, "Borderline (3 to 4)", Borderline);
        Section(text, "Concerns (below 3)", Concerns);
        text.Append("\nBy category: ").Append(string.Join("; ", Categories.Select(c => Words.Of(c.Category) + " " + (c.Mean is { } mean ? Decimal(mean) : "not rated")))).Append('.');
        return text.ToString();
    }

    private static void Section(StringBuilder text, string heading, IReadOnlyList<FactorScore> factors)
    {
        text.Append('\n').Append(heading).Append(':');
        if (factors.Count == 0)
        {
            text.Append(" none.");
            return;
        }

        foreach (var factor in factors)
        {
            text.Append("\n  ").Append(factor.Name).Append(" (").Append(Words.Of(factor.Category)).Append("): ").Append(Decimal(factor.Mean!.Value))
                .Append(" (").Append(Exact(factor.Mean.Value)).Append(" from ").Append(Words.Count(factor.Ratings, "rating")).Append(')');
            if (factor.Change is { } change)
            {
                text.Append(change.Direction switch
                {
                    ChangeDirection.Unchanged => ", unchanged",
                    ChangeDirection.Up => ", up " + Rounded(change.Size),
                    _ => ", down " + Rounded(change.Size),
                }).Append(" from ").Append(Decimal(factor.Previous!.Value));
            }
        }
    }

    // A change's size has no band: rounded half up, two places.
    private static string Rounded(Fraction size) => Hundredths(Fraction.RoundedPercent(size.Numerator, size.Denominator));

    private static string Hundredths(long hundredths) => string.Create(CultureInfo.InvariantCulture, $"{hundredths / 100}.{hundredths % 100:D2}");

    private static string Exact(Fraction mean) => mean.Denominator == 1 ? mean.Numerator.ToString(CultureInfo.InvariantCulture) : mean.ToString();

    private FactorScore[] InBand(ScoreBand band) =>
        Factors.Where(f => f.Band == band).OrderByDescending(f => f.Mean).ThenBy(f => f.Name, StringComparer.Ordinal).ToArray();
}
