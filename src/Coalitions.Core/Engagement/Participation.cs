using System.Globalization;
using System.Text;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using FluentValidation;
using NodaTime;

namespace Coalitions.Core.Engagement;

/// <summary>How often a member took one kind of opportunity in a period.</summary>
/// <param name="Met">Taken (on time).</param>
/// <param name="Late">Done, but late (items only).</param>
/// <param name="Missed">Not taken.</param>
/// <param name="Excused">Excused; not counted.</param>
/// <param name="Pending">Still open; not counted.</param>
public sealed record ParticipationTally(int Met, int Late, int Missed, int Excused, int Pending)
{
    /// <summary>Gets an empty tally.</summary>
    public static ParticipationTally None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Gets the opportunities that count: met, late and missed.</summary>
    public int Opportunities => Met + Late + Missed;

    /// <summary>Gets the share taken on time (met of those that count), exactly; <see langword="null"/> without opportunities.</summary>
    public Fraction? Rate => Opportunities == 0 ? null : new Fraction(Met, Opportunities);

    internal ParticipationTally Plus(ParticipationResult result) => result switch
    {
        ParticipationResult.Met => this with { Met = Met + 1 },
        ParticipationResult.Late => this with { Late = Late + 1 },
        ParticipationResult.Missed => this with { Missed = Missed + 1 },
        ParticipationResult.Excused => this with { Excused = Excused + 1 },
        _ => this with { Pending = Pending + 1 },
    };
}

/// <summary>A member's participation in a period, computed from the facts the rooms record.</summary>
/// <param name="Member">The member.</param>
/// <param name="Name">Its name, as the coalition knows it.</param>
/// <param name="Status">Its membership status on the period's last day.</param>
/// <param name="Standing">Where it stood in its term on the period's last day (in its grace period when the term ended unrenewed).</param>
/// <param name="Ballots">Ballots it could cast, and cast.</param>
/// <param name="Meetings">Meetings it was expected at, and attended.</param>
/// <param name="Tasks">Items it owed (action items, commitments, pledges, campaign actions), and did on time.</param>
/// <param name="Contributions">Contributions it made.</param>
public sealed record MemberParticipation(PartnerId Member, string Name, MembershipStatus Status, MembershipStanding? Standing, ParticipationTally Ballots, ParticipationTally Meetings, ParticipationTally Tasks, int Contributions)
{
    /// <summary>Gets the opportunities that count across ballots, meetings and items.</summary>
    public int Opportunities => Ballots.Opportunities + Meetings.Opportunities + Tasks.Opportunities;

    /// <summary>Gets the share of those opportunities taken on time, exactly; <see langword="null"/> without opportunities.</summary>
    public Fraction? Share => Opportunities == 0 ? null : new Fraction(Ballots.Met + Meetings.Met + Tasks.Met, Opportunities);
}

/// <summary>What a risk of disengagement rests on.</summary>
public enum RiskKind
{
    /// <summary>Its membership is suspended.</summary>
    Suspended = 1,

    /// <summary>Its term ended and it has not renewed: it is in its grace period.</summary>
    TermNotRenewed = 2,

    /// <summary>It took part in none of its opportunities.</summary>
    Silent = 3,

    /// <summary>It cast too few of the ballots it could cast.</summary>
    FewBallots = 4,

    /// <summary>It attended too few of the meetings it was expected at.</summary>
    FewMeetings = 5,

    /// <summary>Items it owed are overdue.</summary>
    OverdueItems = 6,

    /// <summary>It made no contribution in the period.</summary>
    NoContributions = 7,

    /// <summary>Its participation fell markedly since the previous period.</summary>
    Falling = 8,
}

/// <summary>One reason a member may be drifting away, in plain words.</summary>
/// <param name="Kind">What it rests on.</param>
/// <param name="Explanation">The reason with its figures, for the coordinator who checks in.</param>
public sealed record RiskReason(RiskKind Kind, string Explanation);

/// <summary>A member at risk of disengaging, with the reasons, so a coordinator can check in.</summary>
/// <param name="Member">The member.</param>
/// <param name="Name">Its name.</param>
/// <param name="Reasons">Why, most serious first.</param>
public sealed record DisengagementRisk(PartnerId Member, string Name, IReadOnlyList<RiskReason> Reasons);

/// <summary>
/// When a member counts as at risk of disengaging. The thresholds are the coalition's to set; the defaults suit a
/// coalition that votes and meets monthly.
/// </summary>
/// <param name="MinimumRate">The share of ballots, of meetings, below which a member is at risk (default one half).</param>
/// <param name="MinimumOpportunities">How many opportunities of a kind a member must have had before its rate of that kind is judged (default 2; at least 1).</param>
/// <param name="SignificantDrop">How far its overall share may fall since the previous period before it counts (default one quarter, in points of share).</param>
/// <param name="OverdueItems">How many overdue items make a risk (default 1; at least 1).</param>
/// <param name="ExpectContributions">Whether a period without any contribution counts (default yes).</param>
public sealed record AtRiskPolicy(Fraction MinimumRate, int MinimumOpportunities, Fraction SignificantDrop, int OverdueItems, bool ExpectContributions)
{
    /// <summary>Gets the default policy: below one half, from two opportunities, a drop of a quarter, one overdue item, contributions expected.</summary>
    public static AtRiskPolicy Default { get; } = new(Fraction.Half, 2, new Fraction(1, 4), 1, true);
}

/// <summary>
/// Every member's participation in a period, computed from room-neutral facts: the members on the coalition's roll on
/// the period's last day (active or suspended), each with its ballots, meetings, items and contributions.
/// </summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Period">The period, both days included.</param>
/// <param name="Members">Each member's participation, in the order they joined.</param>
public sealed record ParticipationReport(CoalitionId Coalition, DateInterval Period, IReadOnlyList<MemberParticipation> Members)
{
    /// <summary>
    /// The members at risk of disengaging in this period, with the reasons: suspension, an unrenewed term, silence, too
    /// few ballots or meetings, overdue items, no contribution, or a marked fall since the previous period.
    /// </summary>
    /// <param name="previous">The report of the previous period, to see falls: a period that ends before this one starts. None to skip that reason.</param>
    /// <param name="policy">The thresholds; <see cref="AtRiskPolicy.Default"/> when omitted.</param>
    /// <returns>The members at risk, most reasons first, then by name.</returns>
    /// <exception cref="CoalitionRuleException">
    /// An invalid policy (<c>Engagement.InvalidInput</c>), a previous report of another coalition
    /// (<c>Coalitions.OtherCoalition</c>), one whose period does not end before this one starts, or a malformed one: no list
    /// of members, a null row, or a member in two rows (<c>Engagement.InvalidInput</c>).
    /// </exception>
    public IReadOnlyList<DisengagementRisk> AtRisk(ParticipationReport? previous = null, AtRiskPolicy? policy = null)
    {
        policy ??= AtRiskPolicy.Default;
        AtRiskPolicyValidator.Instance.EnsureValid(policy);
        if (previous is not null && previous.Coalition != Coalition)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "The previous report is of another coalition.");
        }

        if (previous is not null)
        {
            CheckEarlier(previous.Period);
        }

        var before = previous is null ? null : RowsOf(previous);
        var risks = new List<DisengagementRisk>();
        foreach (var member in Members)
        {
            var reasons = Reasons(member, before?.GetValueOrDefault(member.Member), policy);
            if (reasons.Count > 0)
            {
                risks.Add(new DisengagementRisk(member.Member, member.Name, reasons));
            }
        }

        return risks.OrderByDescending<DisengagementRisk, int>(r => r.Reasons.Count).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Member.Value).ToArray();
    }

    /// <summary>Describes every member's participation in plain words, one line each.</summary>
    /// <returns>The report.</returns>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append("Participation from ").Append(Words.Format(Period.Start)).Append(" to ").Append(Words.Format(Period.End)).Append(':');
        foreach (var m in Members)
        {
            text.Append('\n').Append(m.Name).Append(": ")
                .Append(Part("ballots cast", m.Ballots)).Append("; ")
                .Append(Part("meetings attended", m.Meetings)).Append("; ")
                .Append(Part("items on time", m.Tasks)).Append("; ")
                .Append(Words.Count(m.Contributions, "contribution"))
                .Append(m.Share is { } share ? string.Create(CultureInfo.InvariantCulture, $"; overall {Percent(share)}") : "; overall: no opportunities")
                .Append('.');
        }

        return text.ToString();
    }

    // A previous report is of an earlier period: it ends before this one starts, so a fall is a fall over time.
    private void CheckEarlier(DateInterval? period)
    {
        if (period is null)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Engagement.InvalidInput, "The previous report has no period.");
        }

        if (period.End >= Period.Start)
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Engagement.InvalidInput,
                "The previous report, from {from} to {to}, is not of a period before this one, which starts on {start}.",
                ("from", period.Start), ("to", period.End), ("start", Period.Start));
        }
    }

    // A previous report's rows by member, checked: a report built by hand (with) may hold no list, a null row or a member twice.
    private static Dictionary<PartnerId, MemberParticipation> RowsOf(ParticipationReport previous)
    {
        if (previous.Members is null)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Engagement.InvalidInput, "The previous report has no list of members.");
        }

        var rows = new Dictionary<PartnerId, MemberParticipation>(previous.Members.Count);
        foreach (var row in previous.Members)
        {
            if (row is null)
            {
                throw CoalitionRuleException.Because(ErrorCodes.Engagement.InvalidInput, "The previous report holds a null row.");
            }

            if (!rows.TryAdd(row.Member, row))
            {
                throw CoalitionRuleException.Because(ErrorCodes.Engagement.InvalidInput, "The previous report names member {member} twice.", ("member", row.Member));
            }
        }

        return rows;
    }

    internal static string Percent(Fraction share) => string.Create(CultureInfo.InvariantCulture, $"{Fraction.RoundedPercent(share.Numerator, share.Denominator)} %");

    private static string Part(string what, ParticipationTally tally)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{what} {Words.Format(tally.Met)} of {Words.Format(tally.Opportunities)}");
        if (tally.Late > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" ({Words.Format(tally.Late)} late)");
        }

        return text;
    }

    private List<RiskReason> Reasons(MemberParticipation member, MemberParticipation? before, AtRiskPolicy policy)
    {
        var reasons = new List<RiskReason>();
        if (member.Status == MembershipStatus.Suspended)
        {
            reasons.Add(new(RiskKind.Suspended, "Its membership is suspended."));
        }

        if (member.Standing == MembershipStanding.InGrace)
        {
            reasons.Add(new(RiskKind.TermNotRenewed, "Its term has ended and it has not renewed; it is in its grace period."));
        }

        if (member.Opportunities >= policy.MinimumOpportunities && member.Ballots.Met + member.Meetings.Met + member.Tasks.Met + member.Tasks.Late == 0)
        {
            reasons.Add(new(RiskKind.Silent, member.Opportunities == 1
                ? "It did not take its one opportunity (a ballot, a meeting or an item)."
                : Words.Fill("It took part in none of its {count} opportunities (ballots, meetings and items).", Values(("count", member.Opportunities)))));
        }
        else
        {
            Low(reasons, RiskKind.FewBallots, member.Ballots, policy, member.Ballots.Opportunities == 1
                ? "It cast {met} of the 1 ballot it could cast ({share}), below {minimum}."
                : "It cast {met} of the {count} ballots it could cast ({share}), below {minimum}.");
            Low(reasons, RiskKind.FewMeetings, member.Meetings, policy, member.Meetings.Opportunities == 1
                ? "It attended {met} of the 1 meeting it was expected at ({share}), below {minimum}."
                : "It attended {met} of the {count} meetings it was expected at ({share}), below {minimum}.");
        }

        if (member.Tasks.Missed >= policy.OverdueItems)
        {
            reasons.Add(new(RiskKind.OverdueItems, Words.Fill(member.Tasks.Missed == 1 ? "1 item it owed is overdue." : "{count} items it owed are overdue.", Values(("count", member.Tasks.Missed)))));
        }

        if (policy.ExpectContributions && member.Contributions == 0)
        {
            reasons.Add(new(RiskKind.NoContributions, Words.Fill("It made no contribution from {from} to {to}.", Values(("from", Period.Start), ("to", Period.End)))));
        }

        if (before?.Share is { } was && member.Share is { } now && now < was && Difference(was, now) >= policy.SignificantDrop)
        {
            reasons.Add(new(RiskKind.Falling, Words.Fill("Its participation fell from {was} to {now} since the previous period.", Values(("was", Percent(was)), ("now", Percent(now))))));
        }

        return reasons;
    }

    private static void Low(List<RiskReason> reasons, RiskKind kind, ParticipationTally tally, AtRiskPolicy policy, string template)
    {
        if (tally.Opportunities >= policy.MinimumOpportunities && tally.Rate is { } rate && rate < policy.MinimumRate)
        {
            reasons.Add(new(kind, Words.Fill(template, Values(("met", tally.Met), ("count", tally.Opportunities), ("share", Percent(rate)), ("minimum", policy.MinimumRate)))));
        }
    }

    // The difference of two fractions, the larger first, exactly (both terms are small counts).
    private static Fraction Difference(Fraction larger, Fraction smaller) =>
        new(checked((larger.Numerator * smaller.Denominator) - (smaller.Numerator * larger.Denominator)), checked(larger.Denominator * smaller.Denominator));

    private static Dictionary<string, object?> Values(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
}

/// <summary>A member's share of participation, period after period.</summary>
/// <param name="Period">The period.</param>
/// <param name="Share">Its overall share then; <see langword="null"/> without opportunities.</param>
/// <param name="Opportunities">How many opportunities counted.</param>
public sealed record PeriodShare(DateInterval Period, Fraction? Share, int Opportunities);

/// <summary>Which way a member's participation is going.</summary>
public enum TrendDirection
{
    /// <summary>Not enough periods with opportunities to tell.</summary>
    Unknown = 1,

    /// <summary>Its share rose from the period before the last.</summary>
    Rising = 2,

    /// <summary>Its share is the same.</summary>
    Steady = 3,

    /// <summary>Its share fell.</summary>
    Falling = 4,
}

/// <summary>A member's participation over several periods.</summary>
/// <param name="Member">The member.</param>
/// <param name="Name">Its name.</param>
/// <param name="Shares">Its share in each period, in the order given.</param>
/// <param name="Direction">Which way it is going: the last two periods with opportunities compared.</param>
public sealed record ParticipationTrend(PartnerId Member, string Name, IReadOnlyList<PeriodShare> Shares, TrendDirection Direction);

/// <summary>
/// Participation computed from what the rooms record: every member's ballots, meetings, items and contributions in a
/// period, its trend over periods, and the members at risk of disengaging with the reasons. Pure functions of the
/// coalition's roll and the facts the host supplies (see <see cref="ParticipationFacts"/> for the adapters).
/// </summary>
/// <remarks>
/// Facts about partners not on the roll (active or suspended on the period's last day) are left out. The same fact given
/// twice counts once; two facts about one opportunity (member, kind and source) that disagree are refused.
/// </remarks>
public static class Participation
{
    /// <summary>The most facts one computation reads.</summary>
    public const int MaxFacts = 1_000_000;

    /// <summary>Every member's participation in a period.</summary>
    /// <param name="coalition">The coalition, read for its roll, its members' names and standing.</param>
    /// <param name="facts">The facts, from any rooms.</param>
    /// <param name="period">The period, both days included: at most 100 years, in the years 1900 to 2999.</param>
    /// <returns>The report.</returns>
    /// <exception cref="CoalitionRuleException">A null coalition, an invalid period or fact (<c>Engagement.InvalidInput</c>, <c>Kernel.*</c>), more than <see cref="MaxFacts"/> facts, or two facts that disagree.</exception>
    /// <example>
    /// <code>
    /// var facts = proposals.SelectMany(p => ParticipationFacts.FromProposal(p, coalition.TimeZone))
    ///     .Concat(ParticipationFacts.FromAgreement(mou, today));
    /// var quarter = Participation.Measure(coalition, facts, new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31)));
    /// foreach (var risk in quarter.AtRisk(previousQuarter))
    /// {
    ///     Console.WriteLine($"{risk.Name}: {string.Join(" ", risk.Reasons.Select(r => r.Explanation))}");
    /// }
    /// </code>
    /// </example>
    public static ParticipationReport Measure(Coalition coalition, IEnumerable<ParticipationFact> facts, DateInterval period)
    {
        Ensure.NotNull(coalition, nameof(coalition));
        CheckPeriod(period, nameof(period));
        var all = Distinct(facts);
        return MeasureChecked(coalition, all, period);
    }

    /// <summary>Each member's share of participation over several periods, and which way it is going.</summary>
    /// <param name="coalition">The coalition, read for its roll (on the last period's last day) and names.</param>
    /// <param name="facts">The facts, from any rooms.</param>
    /// <param name="periods">The periods, oldest first, each starting after the one before ends: one to 120, each at most 100 years.</param>
    /// <returns>Each member's trend, in the order they joined.</returns>
    /// <exception cref="CoalitionRuleException">
    /// As <see cref="Measure"/>, no periods or too many, or a period that does not start after the one before it ends
    /// (<c>Engagement.InvalidInput</c>): the direction compares the last two, so their order must be the order in time.
    /// </exception>
    public static IReadOnlyList<ParticipationTrend> Trend(Coalition coalition, IEnumerable<ParticipationFact> facts, IReadOnlyList<DateInterval> periods)
    {
        Ensure.NotNull(coalition, nameof(coalition));
        var list = Ensure.Items(periods, nameof(periods), 120);
        if (list.Count == 0)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Engagement.InvalidInput, "A trend needs at least one period.");
        }

        for (var i = 0; i < list.Count; i++)
        {
            CheckPeriod(list[i], "period");
            if (i > 0 && list[i].Start <= list[i - 1].End)
            {
                throw CoalitionRuleException.Because(
                    ErrorCodes.Engagement.InvalidInput,
                    "The periods of a trend come oldest first, each after the one before: the period from {from} to {to} does not start after the one before it ends on {end}.",
                    ("from", list[i].Start), ("to", list[i].End), ("end", list[i - 1].End));
            }
        }

        var all = Distinct(facts);
        var reports = list.Select(p => MeasureChecked(coalition, all, p)).ToArray();
        return reports[^1].Members.Select(m =>
        {
            var shares = reports.Select(r => r.Members.FirstOrDefault(x => x.Member == m.Member) is { } row
                ? new PeriodShare(r.Period, row.Share, row.Opportunities)
                : new PeriodShare(r.Period, null, 0)).ToArray();
            var known = shares.Where(s => s.Share is not null).Select(s => s.Share!.Value).ToArray();
            var direction = known.Length < 2 ? TrendDirection.Unknown
                : known[^1] > known[^2] ? TrendDirection.Rising
                : known[^1] < known[^2] ? TrendDirection.Falling
                : TrendDirection.Steady;
            return new ParticipationTrend(m.Member, m.Name, shares, direction);
        }).ToArray();
    }

    private static ParticipationReport MeasureChecked(Coalition coalition, IReadOnlyList<ParticipationFact> facts, DateInterval period)
    {
        var roll = coalition.Members
            .Where(m => m.JoinedOn is { } joined && joined <= period.End)
            .Select(m => (Membership: m, Status: m.StatusOn(period.End)))
            .Where(m => m.Status is MembershipStatus.Active or MembershipStatus.Suspended)
            .ToArray();
        var rows = roll.ToDictionary(m => m.Membership.Partner, _ => (Ballots: ParticipationTally.None, Meetings: ParticipationTally.None, Tasks: ParticipationTally.None, Contributions: 0));
        foreach (var fact in facts)
        {
            if (!period.Contains(fact.On))
            {
                continue;
            }

            if (!rows.TryGetValue(fact.Member, out var row))
            {
                continue;
            }

            rows[fact.Member] = fact.Kind switch
            {
                ParticipationKind.Ballot => row with { Ballots = row.Ballots.Plus(fact.Result) },
                ParticipationKind.Meeting => row with { Meetings = row.Meetings.Plus(fact.Result) },
                ParticipationKind.Task => row with { Tasks = row.Tasks.Plus(fact.Result) },
                _ => row with { Contributions = row.Contributions + 1 },
            };
        }

        return new ParticipationReport(
            coalition.Id,
            period,
            roll.Select(m =>
            {
                var row = rows[m.Membership.Partner];
                return new MemberParticipation(m.Membership.Partner, m.Membership.Name, m.Status, m.Membership.StandingOn(period.End), row.Ballots, row.Meetings, row.Tasks, row.Contributions);
            }).ToArray());
    }

    private static List<ParticipationFact> Distinct(IEnumerable<ParticipationFact> facts)
    {
        var list = Ensure.Items(facts, nameof(facts), MaxFacts);
        var seen = new Dictionary<(PartnerId, ParticipationKind, FactSource), ParticipationFact>();
        var distinct = new List<ParticipationFact>(list.Count);
        foreach (var fact in list)
        {
            ParticipationFactValidator.Instance.EnsureValid(fact);
            if (seen.TryGetValue((fact.Member, fact.Kind, fact.Source), out var earlier))
            {
                if (earlier != fact)
                {
                    throw CoalitionRuleException.Because(
                        ErrorCodes.Engagement.InvalidInput,
                        "Two facts about one opportunity disagree: {room} record {record}{item} says both {first} on {firstDay} and {second} on {secondDay} for member {member}.",
                        ("room", fact.Source.Room), ("record", fact.Source.Record.ToString("D")), ("item", fact.Source.Item is null ? string.Empty : " (" + fact.Source.Item + ")"),
                        ("first", earlier.Result), ("firstDay", earlier.On), ("second", fact.Result), ("secondDay", fact.On), ("member", fact.Member));
                }

                continue;
            }

            seen[(fact.Member, fact.Kind, fact.Source)] = fact;
            distinct.Add(fact);
        }

        return distinct;
    }

    internal static void CheckPeriod(DateInterval? period, string name)
    {
        if (period is null)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Engagement.InvalidInput, "The {name} is required.", ("name", Words.Identifier(name)));
        }

        Ensure.Date(period.Start, name + " start");
        Ensure.Date(period.End, name + " end");
        if (Period.Between(period.Start, period.End, PeriodUnits.Days).Days > Limits.MaxPeriodYears * 366)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.InvalidPeriod, "The {name} is longer than {limit} years.", ("name", Words.Identifier(name)), ("limit", Limits.MaxPeriodYears));
        }
    }
}

/// <summary>Checks an <see cref="AtRiskPolicy"/>.</summary>
internal sealed class AtRiskPolicyValidator : AbstractValidator<AtRiskPolicy>
{
    public static readonly AtRiskPolicyValidator Instance = new();

    private AtRiskPolicyValidator()
    {
        var code = ErrorCodes.Engagement.InvalidInput.Code;
        RuleFor(p => p.MinimumRate).Must(f => f.IsAtMostOne).WithErrorCode(code).WithMessage("The minimum rate is a share of at most one.");
        RuleFor(p => p.SignificantDrop).Must(f => f.IsAtMostOne && f.Numerator > 0).WithErrorCode(code).WithMessage("The significant drop is a share above zero and at most one.");
        RuleFor(p => p.MinimumOpportunities).InclusiveBetween(1, 1_000).WithErrorCode(code);
        RuleFor(p => p.OverdueItems).InclusiveBetween(1, 1_000).WithErrorCode(code);
    }
}
