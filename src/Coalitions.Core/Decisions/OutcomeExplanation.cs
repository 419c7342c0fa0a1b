using System.Globalization;
using System.Text;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Decisions;

/// <summary>
/// Renders the plain-language explanation of an outcome from its figures, under the rule it was decided by. Deterministic:
/// it reads only the rule, the figures and (for names) the electorate, never the order in which ballots arrived. The
/// wording lives here, never in stored events, so it can improve (or be translated) without rewriting history.
/// </summary>
internal static class OutcomeExplanation
{
    /// <summary>Why the figures cannot be an outcome of this rule (as the end of a sentence), or null when they fit.</summary>
    public static string? Misfit(DecisionRule rule, DecisionOutcome outcome)
    {
        if (rule.Method != outcome.Method)
        {
            return $"it was decided by {Words.Of(outcome.Method)}, and the rule is {Words.Of(rule.Method)}.";
        }

        if (outcome.Proxies is not null && rule.Proxies is null)
        {
            return "it has proxy figures, and the rule takes no proxies.";
        }

        var hasQuorum = rule.Quorum is not null && rule.Method != DecisionMethod.SilenceProcedure;
        if (hasQuorum != outcome.Quorum is not null || (outcome.Quorum is { } figures && figures.Measure != rule.Quorum!.Measure))
        {
            return "its quorum figures do not match the rule's quorum.";
        }

        var overall = 0;
        var inChambers = 0;
        foreach (var condition in outcome.Conditions)
        {
            if (condition is null)
            {
                return "a condition's figures are missing.";
            }

            _ = condition.Chamber is null ? overall++ : inChambers++;
        }

        var conditionsFit = rule.Method switch
        {
            DecisionMethod.MajorityVote => inChambers == 0 && (overall == 0 || overall == rule.Conditions.Count),
            DecisionMethod.ChamberVote => (overall == 0 || overall == rule.Conditions.Count) && (inChambers == 0 || rule.ChamberCondition is not null),
            _ => overall + inChambers == 0,
        };
        return conditionsFit ? null : "it has figures for other conditions than the rule's.";
    }

    public static string Write(DecisionRule rule, Electorate? electorate, DecisionOutcome outcome)
    {
        var text = new StringBuilder();
        var ballots = outcome.Tally.Headcount.Total;
        if (rule.Method == DecisionMethod.SilenceProcedure)
        {
            return outcome.Result == DecisionResult.Adopted
                ? Invariant($"Adopted. The silence held: none of the {Members(outcome.ElectorateSize)} of the electorate objected before the deadline.")
                : Invariant($"Silence broken. {Names(electorate, outcome.Objections)} objected before the deadline, so the proposal was not adopted by silence.");
        }

        text.Append(Headline(outcome.Result)).Append(". ")
            .Append(CultureInfo.InvariantCulture, $"{ballots:N0} of {Members(outcome.ElectorateSize)} took part; ")
            .Append(QuorumClause(outcome.Quorum, rule)).Append('.');
        text.Append('\n').Append(TallyLine(rule, outcome.Tally.Headcount, weighted: false));
        if (UsesWeight(rule))
        {
            text.Append(' ').Append(TallyLine(rule, outcome.Tally.Weight, weighted: true));
        }

        if (outcome.Proxies is { Ballots: > 0 } proxies && rule.Proxies is { } proxyRule)
        {
            text.Append('\n').Append(ProxyLine(proxies, proxyRule, outcome.Quorum is not null, UsesWeight(rule)));
        }

        switch (outcome.Result)
        {
            case DecisionResult.NoQuorum:
                text.Append("\nWithout a quorum no decision was taken.");
                return text.ToString();
            case DecisionResult.Vetoed:
                text.Append("\nVetoed by ").Append(Names(electorate, outcome.Vetoes)).Append(", holding a veto.");
                return text.ToString();
            case DecisionResult.Blocked when rule.Method == DecisionMethod.Consent:
                text.Append("\nAn objection stands, from ").Append(Names(electorate, outcome.Objections)).Append('.');
                return text.ToString();
            case DecisionResult.Blocked:
                text.Append("\nBlocked by ").Append(Names(electorate, outcome.Objections)).Append('.');
                return text.ToString();
        }

        if (rule.Method == DecisionMethod.Consent)
        {
            text.Append("\nNo objection stands.");
        }
        else if (rule.Method == DecisionMethod.Consensus)
        {
            text.Append("\nNo block stands.");
            if (outcome.Tally.Headcount.Support == 0)
            {
                text.Append(" No member supported it, so there is no consensus.");
            }
            else if (rule.StandAsides is { } limit)
            {
                var within = limit.Allows(outcome.Tally.Headcount.StandAside, ballots);
                text.Append(CultureInfo.InvariantCulture, $" Stand-asides: {outcome.Tally.Headcount.StandAside:N0}, {limit.Describe()} allowed")
                    .Append(within ? "." : ", so there is no consensus.");
            }
        }

        var next = 0;
        foreach (var condition in outcome.Conditions)
        {
            var measured = condition.Chamber is not null ? rule.ChamberCondition! : rule.Conditions[next++];
            var words = rule.Method == DecisionMethod.ChamberVote && condition.Chamber is null ? measured.Describe() + " across chambers" : measured.Describe();
            text.Append('\n').Append(ConditionLine(words, condition, outcome.CastingVote, outcome.AwaitsCastingVote));
            if (rule.BlockingMinority is { } blocking && measured.Measure == Measure.Weight && (condition.DeemedMet || !condition.Met))
            {
                text.Append(' ').Append(BlockingMinorityClause(blocking, outcome.ElectorateSize - outcome.Tally.Headcount.Support, condition.DeemedMet));
            }
        }

        return text.ToString();
    }

    private static string Headline(DecisionResult result) => result switch
    {
        DecisionResult.Adopted => "Adopted",
        DecisionResult.Rejected => "Rejected",
        DecisionResult.NoQuorum => "No quorum",
        DecisionResult.Blocked => "Blocked",
        DecisionResult.Vetoed => "Vetoed",
        _ => "Silence broken",
    };

    private static string QuorumClause(QuorumFigures? figures, DecisionRule decisionRule)
    {
        if (figures is null || decisionRule.Quorum is not { } rule)
        {
            return "no quorum was required";
        }

        var clause = Invariant($"quorum of {rule.Describe()} ({figures.Required:N0}) {(figures.Met ? "met" : "not met")}");
        if (rule.Source == QuorumSource.Attendance)
        {
            clause += Invariant($", {figures.Counted:N0} present");
        }
        else if (figures.Measure == Measure.Weight || rule.CountedStances != StanceSet.All || decisionRule.Proxies is { CountTowardQuorum: false })
        {
            clause += Invariant($", {figures.Counted:N0} counted toward it");
        }

        return clause;
    }

    private static string TallyLine(DecisionRule rule, StanceCounts counts, bool weighted)
    {
        var parts = new List<string>();
        foreach (var stance in new[] { Stance.Support, Stance.Oppose, Stance.Abstain, Stance.StandAside, Stance.Block, Stance.Object })
        {
            if (rule.AcceptedStances.Includes(stance))
            {
                var name = rule.Method == DecisionMethod.Consent && stance == Stance.Support ? "consent" : stance.ToWords();
                parts.Add(Invariant($"{name} {counts[stance]:N0}"));
            }
        }

        var line = string.Join(", ", parts);
        return weighted ? $"By weight: {line}." : char.ToUpperInvariant(line[0]) + line[1..] + ".";
    }

    private static string ConditionLine(string words, ConditionFigures condition, Stance? castingVote, bool awaitsCastingVote)
    {
        var subject = char.ToUpperInvariant(words[0]) + words[1..];
        var where = condition.Chamber is null ? string.Empty : $" in chamber {condition.Chamber}";
        var weighted = condition.Chamber is null ? "chamber-weighted support" : "weighted support";
        var figures = condition.Part is { } part && condition.Whole is { } whole
            ? Invariant($"{part:N0} of {whole:N0} ({condition.Percent} %)")
            : condition.WeightedShare is { } share
                ? Invariant($"{weighted} {share} ({condition.Percent} %)")
                // A weighted share stored before exact shares were kept: only its rounded percent is known.
                : Invariant($"{condition.Percent} % {(condition.Chamber is null ? weighted : "support")}");
        string verdict;
        if (condition.Tie)
        {
            verdict = (castingVote, awaitsCastingVote) switch
            {
                (Stance.Support, _) => ", a tie; the chair's casting vote in support decided it",
                (Stance.Oppose, _) => ", a tie; the chair's casting vote against decided it",
                (_, true) => ", a tie awaiting the chair's casting vote",
                _ => ", a tie, which is not more",
            };
        }
        else
        {
            verdict = condition.Met && !condition.DeemedMet ? string.Empty : ", not reached";
        }

        return $"{subject} needed{where}: {figures}{verdict}.";
    }

    private static string ProxyLine(ProxyFigures proxies, ProxyRule rule, bool hasQuorum, bool weighted)
    {
        var line = Words.Count(proxies.Ballots, "ballot was", "ballots were") + " cast by proxy";
        line += weighted ? Invariant($" (weight {proxies.Weight:N0})") : string.Empty;
        return !hasQuorum ? line + "." : line + (rule.CountTowardQuorum ? "; proxies count toward the quorum." : "; proxies do not count toward the quorum.");
    }

    // TEU art. 16(4): with fewer members against than a blocking minority needs, the qualified majority is deemed attained.
    private static string BlockingMinorityClause(int needed, long notSupporting, bool deemed) => (deemed, notSupporting) switch
    {
        (true, 0) => Invariant($"But every member supported it, and a blocking minority needs {needed:N0}, so it is deemed met."),
        (true, _) => Invariant($"But only {Members(notSupporting)} did not support it, fewer than the {needed:N0} a blocking minority needs, so it is deemed met."),
        _ => Invariant($"The {Members(notSupporting)} who did not support it form a blocking minority (at least {needed:N0} needed)."),
    };

    private static bool UsesWeight(DecisionRule rule) =>
        rule.Quorum?.Measure == Measure.Weight ||
        rule.Conditions.Any(c => c.Measure == Measure.Weight) ||
        rule.ChamberCondition?.Measure == Measure.Weight;

    private static string Members(long count) => Words.Count(count, "member");

    private static string Names(Electorate? electorate, IReadOnlyList<PartnerId> partners)
    {
        var names = partners.Select(p => electorate is not null && electorate.TryGetVoter(p, out var voter) ? voter.DisplayName : p.ToString()).ToArray();
        return names.Length switch
        {
            0 => "nobody",
            1 => names[0],
            _ => string.Join(", ", names[..^1]) + " and " + names[^1],
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
