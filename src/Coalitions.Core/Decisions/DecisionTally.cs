using System.Numerics;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Decisions;

/// <summary>
/// The tally: a pure function from (rule, electorate, ballots[, attendance][, casting vote]) to an outcome of figures,
/// which <see cref="DecisionOutcome.Explain"/> renders in words. Proposals use it when they close; hosts call it directly
/// for previews and results pages.
/// </summary>
/// <remarks>
/// <para>Exact: shares are compared as integer ratios (chamber-weighted shares as big rationals), never as
/// floating point. Deterministic and independent of ballot order. It allocates per tally, never per ballot.</para>
/// <para>Order of precedence: the silence procedure ends on any objection; otherwise without quorum the result
/// is <see cref="DecisionResult.NoQuorum"/>; then a veto; then the method's own test.</para>
/// </remarks>
/// <threadsafety>All members are pure and safe to call from several threads.</threadsafety>
public static class DecisionTally
{
    /// <summary>Evaluates ballots under a rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="electorate">Who may vote (recused voters already left out).</param>
    /// <param name="ballots">The ballots that count: one per voter at most.</param>
    /// <param name="present">The members recorded present, for rules that use attendance.</param>
    /// <param name="castingVote">The chair's casting vote, used only when the rule allows one and a tie occurs.</param>
    /// <returns>The outcome, as figures; <see cref="DecisionOutcome.Explain"/> puts it in words.</returns>
    /// <exception cref="CoalitionRuleException">
    /// A ballot is from outside the electorate, a voter has two ballots, a stance is not accepted, the rule needs
    /// chambers or attendance that are missing, or the casting vote is neither support nor oppose.
    /// </exception>
    public static DecisionOutcome Evaluate(
        DecisionRule rule,
        Electorate electorate,
        ReadOnlySpan<Ballot> ballots,
        IReadOnlyCollection<PartnerId>? present = null,
        Stance? castingVote = null)
    {
        using var counts = Prepare(rule, electorate, ballots, present, castingVote, out var presentCounts);
        return Decide(rule, electorate, electorate.Basis, counts, presentCounts, castingVote);
    }

    /// <summary>Evaluates ballots under a rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="electorate">Who may vote.</param>
    /// <param name="ballots">The ballots that count: one per voter at most.</param>
    /// <param name="present">The members recorded present, for rules that use attendance.</param>
    /// <param name="castingVote">The chair's casting vote, for a tie.</param>
    /// <returns>The outcome, as figures; <see cref="DecisionOutcome.Explain"/> puts it in words.</returns>
    /// <exception cref="CoalitionRuleException">See <see cref="Evaluate(DecisionRule, Electorate, ReadOnlySpan{Ballot}, IReadOnlyCollection{PartnerId}?, Stance?)"/>.</exception>
    public static DecisionOutcome Evaluate(
        DecisionRule rule,
        Electorate electorate,
        IEnumerable<Ballot> ballots,
        IReadOnlyCollection<PartnerId>? present = null,
        Stance? castingVote = null) =>
        Evaluate(rule, electorate, Ensure.NotNull(ballots, nameof(ballots)).ToArray().AsSpan(), present, castingVote);

    /// <summary>
    /// Whether the outcome is settled: no completion of the missing ballots (any accepted stance, or none), and no
    /// casting vote, can change the result. Used to close early where the rule allows it.
    /// </summary>
    /// <param name="rule">The rule.</param>
    /// <param name="electorate">Who may vote.</param>
    /// <param name="ballots">The ballots cast so far.</param>
    /// <param name="present">The members recorded present, for rules that use attendance.</param>
    /// <returns><see langword="true"/> when every completion gives the same result.</returns>
    /// <remarks>
    /// Every condition's share grows when a missing voter supports and shrinks when it opposes, blocks or
    /// objects, and a quorum count only grows as ballots arrive. So three completions bound all others: none of
    /// the missing ballots (the smallest quorum count), all missing voters supporting, and all opposing (blocking,
    /// objecting). The outcome is settled exactly when those three agree. A test checks this against every
    /// completion of electorates of up to six.
    /// </remarks>
    public static bool IsSettled(DecisionRule rule, Electorate electorate, ReadOnlySpan<Ballot> ballots, IReadOnlyCollection<PartnerId>? present = null)
    {
        using var counts = Prepare(rule, electorate, ballots, present, null, out var presentCounts);
        return IsSettled(rule, electorate, electorate.Basis, counts, presentCounts);
    }

    // O(groups + objectors): the completions add each group's missing headcount and weight at once.
    internal static bool IsSettled(DecisionRule rule, Electorate electorate, TallyBasis basis, TallyCounts counts, PresentCounts? present)
    {
        if (rule.Method == DecisionMethod.SilenceProcedure)
        {
            return counts.BallotCount > 0;
        }

        if (counts.BallotCount == basis.Count && !rule.CastingVote)
        {
            return true;
        }

        var unfavourable = rule.Method switch
        {
            DecisionMethod.Consensus => Stance.Block,
            DecisionMethod.Consent => Stance.Object,
            _ => Stance.Oppose,
        };
        var best = counts.Completed(basis, Stance.Support);
        var worst = counts.Completed(basis, unfavourable);

        // Three bounds: the ballots as they are (the least any quorum can count), the most favourable and the
        // least favourable completion. Without quorum now, a completion adding nothing stays without quorum.
        var now = Decide(rule, electorate, basis, counts, present, null).Result;
        return now == Decide(rule, electorate, basis, best, present, Stance.Support).Result &&
               now == Decide(rule, electorate, basis, worst, present, Stance.Oppose).Result;
    }

    internal static TallyCounts Prepare(
        DecisionRule rule,
        Electorate electorate,
        ReadOnlySpan<Ballot> ballots,
        IReadOnlyCollection<PartnerId>? present,
        Stance? castingVote,
        out PresentCounts? presentCounts)
    {
        Ensure.NotNull(rule, nameof(rule));
        Ensure.NotNull(electorate, nameof(electorate));
        CheckInputs(rule, electorate, present, castingVote);
        presentCounts = present is null ? null : new PresentCounts(electorate, present);
        return TallyCounts.From(electorate, ballots, rule.AcceptedStances);
    }

    /// <summary>What the rule needs besides the ballots: chambers for a chamber vote, attendance where it counts those present, a casting vote of support or oppose.</summary>
    internal static void CheckInputs(DecisionRule rule, Electorate electorate, IReadOnlyCollection<PartnerId>? present, Stance? castingVote)
    {
        if (rule.Method == DecisionMethod.ChamberVote && !electorate.HasChambers)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.ChambersRequired, "A chamber vote needs an electorate organized in chambers; this electorate has none.");
        }

        if (rule.NeedsAttendance && present is null)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.AttendanceRequired, "This rule counts the members present, so the attendance must be recorded first.");
        }

        if (castingVote is not null and not Stance.Support and not Stance.Oppose)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.InvalidCastingVote, "A casting vote is support or oppose; got {stance}.", ("stance", castingVote));
        }
    }

    /// <summary>Only the result: for checks that tally many hypothetical completions.</summary>
    internal static DecisionResult ResultOf(DecisionRule rule, Electorate electorate, ReadOnlySpan<Ballot> ballots, IReadOnlyCollection<PartnerId>? present, Stance? castingVote)
    {
        using var counts = Prepare(rule, electorate, ballots, present, castingVote, out var presentCounts);
        return Decide(rule, electorate, electorate.Basis, counts, presentCounts, castingVote).Result;
    }

    /// <summary>
    /// The outcome from the counts, in O(groups + objectors + vetoes): <paramref name="electorate"/> gives the chambers and
    /// names the voters, <paramref name="basis"/> the headcount and weight measured against (less any recused members).
    /// </summary>
    internal static DecisionOutcome Decide(DecisionRule rule, Electorate electorate, TallyBasis basis, TallyCounts counts, PresentCounts? present, Stance? castingVote)
    {
        var vetoes = rule.Veto ? counts.Vetoes(electorate) : [];
        var objections = counts.Objections(electorate);
        var objected = counts.ObjectionCount > 0;
        var vetoed = rule.Veto && counts.VetoCount > 0;
        var quorum = MeasureQuorum(rule, basis, counts, present);
        var conditions = new List<ConditionFigures>();
        Stance? castingUsed = null;
        var awaitsCastingVote = false;
        DecisionResult result;
        if (rule.Method == DecisionMethod.SilenceProcedure)
        {
            result = objected ? DecisionResult.SilenceBroken : DecisionResult.Adopted;
        }
        else if (quorum is { Met: false })
        {
            result = DecisionResult.NoQuorum;
        }
        else if (vetoed)
        {
            result = DecisionResult.Vetoed;
        }
        else
        {
            result = rule.Method switch
            {
                DecisionMethod.Consensus => objected ? DecisionResult.Blocked
                    : counts.Total(Stance.Support, Measure.Headcount) == 0 ? DecisionResult.Rejected
                    : rule.StandAsides is { } limit && !limit.Allows(counts.Total(Stance.StandAside, Measure.Headcount), counts.BallotCount) ? DecisionResult.Rejected
                    : DecisionResult.Adopted,
                DecisionMethod.Consent => objected ? DecisionResult.Blocked : DecisionResult.Adopted,
                _ => EvaluateConditions(rule, electorate, basis, counts, present, castingVote, conditions, ref castingUsed, ref awaitsCastingVote)
                    ? DecisionResult.Adopted
                    : DecisionResult.Rejected,
            };
        }

        var tally = new TallyFigures(counts.TotalFigures(Measure.Headcount), counts.TotalFigures(Measure.Weight));
        ProxyFigures? proxies = null;
        if (rule.Proxies is not null)
        {
            long proxyBallots = 0, proxyWeight = 0;
            for (var s = Stance.Support; s <= Stance.Object; s++)
            {
                proxyBallots += counts.ByProxy(s, Measure.Headcount);
                proxyWeight += counts.ByProxy(s, Measure.Weight);
            }

            proxies = new ProxyFigures(proxyBallots, proxyWeight);
        }

        var chambers = new List<ChamberFigures>();
        for (var g = 0; g < electorate.GroupCount && electorate.HasChambers; g++)
        {
            var chamber = electorate.Chambers[electorate.ChamberOfGroup(g)];
            var sub = chamber.SubChambers.Count == 0 ? null : chamber.SubChambers[g - FirstGroupOf(electorate, electorate.ChamberOfGroup(g))].Name;
            chambers.Add(new ChamberFigures(chamber.Name, sub, new TallyFigures(counts.GroupFigures(g, Measure.Headcount), counts.GroupFigures(g, Measure.Weight))));
        }

        return new DecisionOutcome(
            result,
            rule.Method,
            basis.Count,
            basis.Weight,
            tally,
            chambers,
            quorum,
            conditions,
            vetoes,
            objections,
            castingUsed,
            awaitsCastingVote,
            proxies);
    }

    private static QuorumFigures? MeasureQuorum(DecisionRule rule, TallyBasis electorate, TallyCounts counts, PresentCounts? present)
    {
        if (rule.Quorum is not { } quorum || rule.Method == DecisionMethod.SilenceProcedure)
        {
            return null;
        }

        long counted = 0;
        if (quorum.Source == QuorumSource.Attendance)
        {
            counted = present!.Total(quorum.Measure);
        }
        else
        {
            // Ballots cast by proxy count toward the quorum only where the rule says so.
            var proxiesCount = rule.Proxies?.CountTowardQuorum != false;
            for (var s = Stance.Support; s <= Stance.Object; s++)
            {
                if (quorum.CountedStances.Includes(s))
                {
                    counted += counts.Total(s, quorum.Measure) - (proxiesCount ? 0 : counts.ByProxy(s, quorum.Measure));
                }
            }
        }

        var basis = electorate.Total(quorum.Measure);
        var required = quorum.RequiredOf(basis);
        return new QuorumFigures(quorum.Measure, counted, required, basis, counted >= required);
    }

    private static bool EvaluateConditions(
        DecisionRule rule,
        Electorate electorate,
        TallyBasis basis,
        TallyCounts counts,
        PresentCounts? present,
        Stance? castingVote,
        List<ConditionFigures> figures,
        ref Stance? castingUsed,
        ref bool awaitsCastingVote)
    {
        var allMet = true;
        if (rule.Method == DecisionMethod.ChamberVote)
        {
            if (rule.ChamberCondition is { } inEach)
            {
                for (var c = 0; c < electorate.Chambers.Count; c++)
                {
                    var share = ChamberShare(electorate, basis, counts, present, inEach, c, out var part, out var whole);
                    var met = share is { } s && Meets(inEach, s);
                    var plain = electorate.Chambers[c].SubChambers.Count == 0;
                    figures.Add(new ConditionFigures(electorate.Chambers[c].Name, plain ? part : null, plain ? whole : null, share?.RoundedPercent() ?? 0, met, false, plain ? null : share?.ToShare()));
                    allMet &= met;
                }
            }

            foreach (var condition in rule.Conditions)
            {
                var share = OverallChamberShare(electorate, basis, counts, present, condition);
                var met = share is { } s && Meets(condition, s);
                figures.Add(new ConditionFigures(null, null, null, share?.RoundedPercent() ?? 0, met, false, share?.ToShare()));
                allMet &= met;
            }

            return allMet;
        }

        foreach (var condition in rule.Conditions)
        {
            var part = counts.Total(Stance.Support, condition.Measure);
            var whole = Base(condition, basis, counts, present, group: -1);
            var met = condition.IsMetBy(part, whole);
            var tie = whole > 0 && condition.Comparison == ThresholdComparison.MoreThan && condition.Threshold.CompareShare(part, whole) == 0;
            if (tie && rule.CastingVote)
            {
                if (castingVote is { } chair)
                {
                    met = chair == Stance.Support;
                    castingUsed = chair;
                }
                else
                {
                    awaitsCastingVote = true;
                }
            }

            // TEU art. 16(4): a blocking minority must include at least N members, failing which the weight condition
            // (the Council's population criterion) is deemed met. The member conditions still hold on their own.
            var deemed = !met && condition.Measure == Measure.Weight && rule.BlockingMinority is { } blocking &&
                basis.Count - counts.Total(Stance.Support, Measure.Headcount) < blocking;
            figures.Add(new ConditionFigures(null, part, whole, Fraction.RoundedPercent(part, whole), met || deemed, tie, DeemedMet: deemed));
            allMet &= met || deemed;
        }

        return allMet;
    }

    private static long Base(PassCondition condition, TallyBasis electorate, TallyCounts counts, PresentCounts? present, int group)
    {
        var m = condition.Measure;
        return (condition.Base, group < 0) switch
        {
            (VoteBase.VotesCast, true) => counts.Total(Stance.Support, m) + counts.Total(Stance.Oppose, m),
            (VoteBase.VotesCast, false) => counts.Group(group, Stance.Support, m) + counts.Group(group, Stance.Oppose, m),
            (VoteBase.Ballots, true) => counts.TotalBallots(m),
            (VoteBase.Ballots, false) => counts.GroupBallots(group, m),
            (VoteBase.Present, true) => present!.Total(m),
            (VoteBase.Present, false) => present!.Group(group, m),
            (VoteBase.Electorate, true) => electorate.Total(m),
            _ => electorate.Group(group, m),
        };
    }

    private static bool Meets(PassCondition condition, Rational share)
    {
        var comparison = share.CompareTo(condition.Threshold);
        return condition.Comparison == ThresholdComparison.AtLeast ? comparison >= 0 : comparison > 0;
    }

    private static int FirstGroupOf(Electorate electorate, int chamber)
    {
        var g = 0;
        while (electorate.ChamberOfGroup(g) != chamber)
        {
            g++;
        }

        return g;
    }

    // A chamber's share: the weighted mean of its sub-chambers' shares; a sub-chamber with an empty base is left
    // out and its weight shared among the others. Null when no sub-chamber has a base.
    private static Rational? ChamberShare(Electorate electorate, TallyBasis basis, TallyCounts counts, PresentCounts? present, PassCondition condition, int chamber, out long part, out long whole)
    {
        var sum = Rational.Zero;
        long weights = 0;
        part = 0;
        whole = 0;
        for (var g = 0; g < electorate.GroupCount; g++)
        {
            if (electorate.ChamberOfGroup(g) != chamber)
            {
                continue;
            }

            var groupPart = counts.Group(g, Stance.Support, condition.Measure);
            var groupWhole = Base(condition, basis, counts, present, g);
            part += groupPart;
            whole += groupWhole;
            if (groupWhole > 0)
            {
                sum += new Rational(new BigInteger(groupPart) * electorate.GroupWeight(g), groupWhole);
                weights += electorate.GroupWeight(g);
            }
        }

        return weights == 0 ? null : sum / weights;
    }

    // The chamber-weighted share: the weighted mean of the chambers' shares; a chamber with no share is left out.
    private static Rational? OverallChamberShare(Electorate electorate, TallyBasis basis, TallyCounts counts, PresentCounts? present, PassCondition condition)
    {
        var sum = Rational.Zero;
        long weights = 0;
        for (var c = 0; c < electorate.Chambers.Count; c++)
        {
            if (ChamberShare(electorate, basis, counts, present, condition, c, out _, out _) is { } share)
            {
                sum += share * electorate.Chambers[c].Weight;
                weights += electorate.Chambers[c].Weight;
            }
        }

        return weights == 0 ? null : sum / weights;
    }
}

/// <summary>An exact non-negative rational for chamber-weighted shares, whose denominators can outgrow 64 bits.</summary>
internal readonly struct Rational
{
    public Rational(BigInteger numerator, BigInteger denominator)
    {
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (gcd.IsZero)
        {
            gcd = BigInteger.One;
        }

        Numerator = numerator / gcd;
        Denominator = denominator / gcd;
    }

    public static Rational Zero => new(BigInteger.Zero, BigInteger.One);

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    public static Rational operator +(Rational a, Rational b) =>
        new((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Rational operator *(Rational a, long factor) => new(a.Numerator * factor, a.Denominator);

    public static Rational operator /(Rational a, long divisor) => new(a.Numerator, a.Denominator * divisor);

    public int CompareTo(Fraction threshold) =>
        (Numerator * threshold.Denominator).CompareTo(threshold.Numerator * Denominator);

    public long RoundedPercent() => (long)(((Numerator * 200) + Denominator) / (Denominator * 2));

    public ExactShare ToShare() => new(Numerator, Denominator);
}
