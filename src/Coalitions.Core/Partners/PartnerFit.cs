using System.Globalization;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Partners;

/// <summary>What a coalition looks for in a partner: its focus, its values, the capabilities it needs and the stakeholder groups it wants.</summary>
/// <param name="FocusAreas">The issues the coalition's purpose and goals address.</param>
/// <param name="Values">The values its charter states.</param>
/// <param name="CapabilityNeeds">The capabilities and resources its work needs.</param>
/// <param name="WantedSectors">The stakeholder groups it wants at the table.</param>
public sealed record CoalitionNeeds(
    IReadOnlyList<string> FocusAreas,
    IReadOnlyList<string> Values,
    IReadOnlyList<string> CapabilityNeeds,
    IReadOnlyList<Sector> WantedSectors);

/// <summary>One criterion of partner fit.</summary>
public enum FitCriterion
{
    /// <summary>Focus areas shared with the coalition: 3 points each.</summary>
    SharedFocus = 1,

    /// <summary>Values shared with the coalition: 2 points each.</summary>
    SharedValues = 2,

    /// <summary>Needed capabilities that no current member offers: 5 points each.</summary>
    FillsCapabilityGap = 3,

    /// <summary>A sector not yet in the coalition: 4 points, 6 when it is a wanted stakeholder group.</summary>
    AddsSector = 4,

    /// <summary>A region (or country) not yet in the coalition: 3 points.</summary>
    AddsRegion = 5,
}

/// <summary>How a candidate scored on one criterion, and why.</summary>
/// <param name="Criterion">The criterion.</param>
/// <param name="Points">The points earned.</param>
/// <param name="Matches">What matched (shared tags, the new sector or region), in the candidate's order.</param>
/// <param name="Explanation">The reason in words.</param>
public sealed record FitCriterionScore(FitCriterion Criterion, int Points, IReadOnlyList<string> Matches, string Explanation);

/// <summary>A candidate's fit with a coalition.</summary>
/// <param name="Partner">The candidate.</param>
/// <param name="Name">Its name.</param>
/// <param name="Score">The total points.</param>
/// <param name="Criteria">The score per criterion, in criterion order.</param>
public sealed record FitAssessment(PartnerId Partner, string Name, int Score, IReadOnlyList<FitCriterionScore> Criteria);

/// <summary>
/// Scores candidates against a coalition's needs and current roster: alignment (shared focus areas and values),
/// complementary strengths (capabilities nobody in the coalition offers yet) and diversity (a sector or region
/// not yet represented). Deterministic: equal scores are ordered by name, then id.
/// </summary>
/// <remarks>Ranking costs O(roster + candidates × tags): the roster is read once.</remarks>
public static class PartnerFit
{
    /// <summary>Assesses one candidate.</summary>
    /// <param name="needs">The coalition's needs.</param>
    /// <param name="roster">Its current members.</param>
    /// <param name="candidate">The candidate.</param>
    /// <returns>The assessment with its reasons.</returns>
    public static FitAssessment Assess(CoalitionNeeds needs, IEnumerable<PartnerSnapshot> roster, PartnerSnapshot candidate) =>
        new Context(needs, roster).Assess(Preconditions.CheckNotNull(candidate, nameof(candidate)));

    /// <summary>Ranks candidates, best fit first.</summary>
    /// <param name="needs">The coalition's needs.</param>
    /// <param name="roster">Its current members.</param>
    /// <param name="candidates">The candidates.</param>
    /// <returns>The assessments, by score (highest first), then name, then id.</returns>
    public static IReadOnlyList<FitAssessment> Rank(CoalitionNeeds needs, IEnumerable<PartnerSnapshot> roster, IEnumerable<PartnerSnapshot> candidates)
    {
        var context = new Context(needs, roster);
        return Preconditions.CheckNotNull(candidates, nameof(candidates))
            .Select(context.Assess)
            .OrderByDescending(a => a.Score)
            .ThenBy(a => a.Name, StringComparer.Ordinal)
            .ThenBy(a => a.Partner.Value)
            .ToArray();
    }

    private static HashSet<string> Tags(IEnumerable<string> tags) => new(tags.Select(t => t.Trim()), StringComparer.OrdinalIgnoreCase);

    private sealed class Context
    {
        private readonly HashSet<string> _focus;
        private readonly HashSet<string> _values;
        private readonly HashSet<string> _gaps;
        private readonly HashSet<Sector> _sectors = [];
        private readonly HashSet<Sector> _wanted;
        private readonly HashSet<string> _regions = new(StringComparer.OrdinalIgnoreCase);

        public Context(CoalitionNeeds needs, IEnumerable<PartnerSnapshot> roster)
        {
            Preconditions.CheckNotNull(needs, nameof(needs));
            Preconditions.CheckNotNull(roster, nameof(roster));
            _focus = Tags(needs.FocusAreas);
            _values = Tags(needs.Values);
            _gaps = Tags(needs.CapabilityNeeds);
            _wanted = [.. needs.WantedSectors];
            foreach (var member in roster)
            {
                _gaps.ExceptWith(member.Profile.Capabilities);
                _sectors.Add(member.Profile.Sector);
                _regions.Add(member.Profile.Geography);
            }
        }

        public FitAssessment Assess(PartnerSnapshot candidate)
        {
            var profile = candidate.Profile;
            var focus = profile.FocusAreas.Where(_focus.Contains).ToArray();
            var values = profile.Values.Where(_values.Contains).ToArray();
            var gaps = profile.Capabilities.Where(_gaps.Contains).ToArray();
            var newSector = !_sectors.Contains(profile.Sector);
            var wanted = _wanted.Contains(profile.Sector);
            var newRegion = !_regions.Contains(profile.Geography);
            FitCriterionScore[] criteria =
            [
                new(FitCriterion.SharedFocus, 3 * focus.Length, focus, focus.Length == 0 ? "shares none of the coalition's focus areas" : $"shares {Count(focus.Length, "focus area")}: {string.Join(", ", focus)}"),
                new(FitCriterion.SharedValues, 2 * values.Length, values, values.Length == 0 ? "states none of the coalition's values" : $"shares {Count(values.Length, "value")}: {string.Join(", ", values)}"),
                new(FitCriterion.FillsCapabilityGap, 5 * gaps.Length, gaps, gaps.Length == 0 ? "fills no capability gap" : $"brings {Count(gaps.Length, "capability", "capabilities")} no member offers yet: {string.Join(", ", gaps)}"),
                new(FitCriterion.AddsSector, newSector ? (wanted ? 6 : 4) : 0, newSector ? [profile.Sector.ToString()] : [], newSector ? $"adds the {profile.Sector} sector{(wanted ? ", a wanted stakeholder group" : string.Empty)}" : $"the {profile.Sector} sector is already represented"),
                new(FitCriterion.AddsRegion, newRegion ? 3 : 0, newRegion ? [profile.Geography] : [], newRegion ? $"adds {profile.Geography}" : $"{profile.Geography} is already represented"),
            ];
            return new FitAssessment(candidate.Id, profile.Name, criteria.Sum(c => c.Points), criteria);
        }

        private static string Count(int count, string singular, string? plural = null) =>
            string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural ?? singular + "s")}");
    }
}

/// <summary>How one group (a sector or region) is represented.</summary>
/// <param name="Group">The group.</param>
/// <param name="Count">Members in it.</param>
/// <param name="Share">Its exact share of members.</param>
/// <param name="Percent">The share as a whole percent, rounded halves up.</param>
public sealed record GroupShare(string Group, int Count, Fraction Share, long Percent);

/// <summary>Diversity along one dimension.</summary>
/// <param name="Dimension">"sector" or "region".</param>
/// <param name="Groups">Each group, largest first, then by name.</param>
/// <param name="BlauIndex">One minus the sum of squared shares: 0 when everyone is alike; it approaches 1 as groups multiply and even out.</param>
/// <param name="LargestShare">The share of the largest group.</param>
public sealed record DiversityDimension(string Dimension, IReadOnlyList<GroupShare> Groups, Fraction BlauIndex, Fraction LargestShare);

/// <summary>
/// A diversity and inclusion report for a roster: counts and shares per sector and per region, the Blau
/// index of each, the largest group's share and the stakeholder groups the coalition wants but lacks.
/// </summary>
/// <param name="Members">The number of members.</param>
/// <param name="Sectors">Diversity by sector.</param>
/// <param name="Regions">Diversity by region (the country where no region is stated).</param>
/// <param name="MissingSectors">Wanted sectors with no member.</param>
public sealed record DiversityReport(int Members, DiversityDimension Sectors, DiversityDimension Regions, IReadOnlyList<Sector> MissingSectors)
{
    /// <summary>Builds the report.</summary>
    /// <param name="roster">The members.</param>
    /// <param name="wantedSectors">The stakeholder groups the coalition wants.</param>
    /// <returns>The report.</returns>
    public static DiversityReport Of(IEnumerable<PartnerSnapshot> roster, IEnumerable<Sector> wantedSectors)
    {
        var members = Preconditions.CheckNotNull(roster, nameof(roster)).ToArray();
        var present = members.Select(m => m.Profile.Sector).ToHashSet();
        return new DiversityReport(
            members.Length,
            Dimension("sector", members.Select(m => m.Profile.Sector.ToString())),
            Dimension("region", members.Select(m => m.Profile.Geography)),
            Preconditions.CheckNotNull(wantedSectors, nameof(wantedSectors)).Distinct().Where(s => !present.Contains(s)).Order().ToArray());
    }

    /// <summary>Describes the report in a few lines.</summary>
    /// <returns>The description.</returns>
    public string Describe()
    {
        static string Line(DiversityDimension d) => string.Create(
            CultureInfo.InvariantCulture,
            $"By {d.Dimension}: {string.Join(", ", d.Groups.Select(g => $"{g.Group} {g.Count} ({g.Percent} %)"))}; Blau index {Fraction.RoundedPercent(d.BlauIndex.Numerator, d.BlauIndex.Denominator) / 100.0:0.00}, largest group {Fraction.RoundedPercent(d.LargestShare.Numerator, d.LargestShare.Denominator)} %.");
        var missing = MissingSectors.Count == 0 ? "Every wanted stakeholder group is represented." : $"Wanted but missing: {string.Join(", ", MissingSectors)}.";
        return string.Create(CultureInfo.InvariantCulture, $"{Members} members.\n{Line(Sectors)}\n{Line(Regions)}\n{missing}");
    }

    private static DiversityDimension Dimension(string name, IEnumerable<string> groupOfEach)
    {
        var counts = groupOfEach.GroupBy(g => g, StringComparer.OrdinalIgnoreCase).Select(g => (Group: g.Key, Count: g.Count())).ToArray();
        var total = counts.Sum(c => c.Count);
        if (total == 0)
        {
            return new DiversityDimension(name, [], Fraction.Zero, Fraction.Zero);
        }

        var groups = counts
            .OrderByDescending(c => c.Count).ThenBy(c => c.Group, StringComparer.Ordinal)
            .Select(c => new GroupShare(c.Group, c.Count, new Fraction(c.Count, total), Fraction.RoundedPercent(c.Count, total)))
            .ToArray();
        long squared = (long)total * total;
        var blau = new Fraction(squared - counts.Sum(c => (long)c.Count * c.Count), squared);
        return new DiversityDimension(name, groups, blau, groups[0].Share);
    }
}
