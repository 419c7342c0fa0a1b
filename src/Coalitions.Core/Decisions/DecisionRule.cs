using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Coalitions.Core.Kernel;
using NodaTime;

namespace Coalitions.Core.Decisions;

/// <summary>How a decision is taken.</summary>
public enum DecisionMethod
{
    /// <summary>Support, oppose or abstain, with pass conditions (a simple majority, two thirds, a double majority).</summary>
    MajorityVote = 1,

    /// <summary>Support, stand aside or block: adopted when no block stands, someone supports and stand-asides stay within the limit.</summary>
    Consensus = 2,

    /// <summary>Consent or object: adopted when no reasoned objection stands at close (sociocracy).</summary>
    Consent = 3,

    /// <summary>No ballots: adopted at the deadline unless a member of the electorate objects first.</summary>
    SilenceProcedure = 4,

    /// <summary>Ballots counted per chamber, with a condition in each chamber and on the chamber-weighted share.</summary>
    ChamberVote = 5,
}

/// <summary>
/// A complete decision rule: the method, quorum, pass conditions, per-chamber condition, veto, fallback,
/// tie-break, timing, whether ballots are final and which stances need a reason. Rules are immutable
/// values composed fluently and checked when built, so an invalid rule never reaches a vote.
/// </summary>
/// <example>
/// <code>
/// var rule = DecisionRule.MajorityVote(PassCondition.AtLeast(Fraction.TwoThirds, VoteBase.VotesCast))
///     .WithQuorum(QuorumRule.OfMembers(Fraction.Half))
///     .WithVotingPeriod(Duration.FromDays(5));
/// </code>
/// </example>
/// <remarks>
/// <para>See <c>docs/decision-rules.md</c> for the exact meaning of every part.</para>
/// <para>
/// The modifiers (<see cref="WithQuorum"/>, <see cref="WithVeto"/>, <see cref="WithCastingVote"/>, <see cref="WithFallback"/>,
/// <see cref="WithVotingPeriod"/>, <see cref="ClosingEarly"/>, <see cref="WithLateQuorumExtension"/>, <see cref="WithFinalBallots"/>,
/// <see cref="RequiringReasonsFor"/>, <see cref="AllowingAbstention"/>, <see cref="WithProxies"/>, <see cref="WithBlockingMinority"/>)
/// commute: each sets its own part of the rule and keeps the others, so calling them in any order gives an equal rule
/// (or the same refusal, when two parts cannot go together). Calling one modifier twice keeps the later value, except
/// <see cref="RequiringReasonsFor"/>, which adds stances. Two rules are equal when every part is equal.
/// </para>
/// </remarks>
public sealed class DecisionRule : IEquatable<DecisionRule>
{
    private const int MaxFallbackDepth = 3;
    private const int MaxConditions = 10;

    [JsonConstructor]
    internal DecisionRule(
        DecisionMethod method,
        QuorumRule? quorum,
        IReadOnlyList<PassCondition> conditions,
        PassCondition? chamberCondition,
        StandAsideLimit? standAsides,
        bool abstentionAllowed,
        bool veto,
        bool castingVote,
        Fallback? fallback,
        VotingTiming timing,
        bool ballotsFinal,
        StanceSet reasonsRequired,
        int? blockingMinority = null,
        ProxyRule? proxies = null)
    {
        Ensure.Defined(method, nameof(method));
        Ensure.Defined(reasonsRequired, nameof(reasonsRequired));
        if (conditions is null || conditions.Count > MaxConditions || conditions.Any(c => c is null))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.InvalidRule, "A rule lists its pass conditions (at most {max}), none of them missing.", ("max", MaxConditions));
        }

        if (timing is null)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.InvalidRule, "A rule needs its timing: the voting period and when voting may close.");
        }

        Method = method;
        Quorum = quorum;
        Conditions = conditions.ToArray();
        ChamberCondition = chamberCondition;
        StandAsides = standAsides;
        AbstentionAllowed = abstentionAllowed;
        Veto = veto;
        CastingVote = castingVote;
        Fallback = fallback;
        Timing = timing;
        BallotsFinal = ballotsFinal;
        ReasonsRequired = reasonsRequired | StanceSet.Block | StanceSet.Object;
        BlockingMinority = blockingMinority;
        Proxies = proxies;
        Check();
    }

    /// <summary>Gets the method.</summary>
    public DecisionMethod Method { get; }

    /// <summary>Gets the quorum, if the rule has one.</summary>
    public QuorumRule? Quorum { get; }

    /// <summary>Gets the conditions that must all be met (majority vote; chamber vote: on the chamber-weighted share).</summary>
    public IReadOnlyList<PassCondition> Conditions { get; }

    /// <summary>Gets the condition each chamber must meet on its own (chamber vote).</summary>
    public PassCondition? ChamberCondition { get; }

    /// <summary>Gets the stand-aside limit (consensus).</summary>
    public StandAsideLimit? StandAsides { get; }

    /// <summary>Gets whether a consensus accepts abstentions besides support, stand aside and block.</summary>
    public bool AbstentionAllowed { get; }

    /// <summary>Gets whether designated veto holders can veto: their oppose or block ends in <see cref="DecisionResult.Vetoed"/>.</summary>
    public bool Veto { get; }

    /// <summary>Gets whether the chair's casting vote decides a tie under a "more than" condition.</summary>
    public bool CastingVote { get; }

    /// <summary>Gets the fallback, if any.</summary>
    public Fallback? Fallback { get; }

    /// <summary>Gets when voting closes.</summary>
    public VotingTiming Timing { get; }

    /// <summary>Gets whether a ballot, once cast, cannot be changed.</summary>
    public bool BallotsFinal { get; }

    /// <summary>Gets the stances that need a reason; block and object always do.</summary>
    public StanceSet ReasonsRequired { get; }

    /// <summary>
    /// Gets how many members a blocking minority must include, under a double majority of the electorate (TEU art. 16(4):
    /// four); with fewer members not supporting, the weight conditions are deemed met. <see langword="null"/> without the clause.
    /// </summary>
    public int? BlockingMinority { get; }

    /// <summary>Gets whether members may vote by proxy, how many proxies one holder may carry and whether proxies count toward quorum; <see langword="null"/> without proxies.</summary>
    public ProxyRule? Proxies { get; }

    /// <summary>Gets the stances this rule's method accepts.</summary>
    [JsonIgnore]
    public StanceSet AcceptedStances => Method switch
    {
        DecisionMethod.MajorityVote or DecisionMethod.ChamberVote => StanceSet.Support | StanceSet.Oppose | StanceSet.Abstain,
        DecisionMethod.Consensus => StanceSet.Support | StanceSet.StandAside | StanceSet.Block | (AbstentionAllowed ? StanceSet.Abstain : StanceSet.None),
        DecisionMethod.Consent => StanceSet.Support | StanceSet.Object,
        _ => StanceSet.Object,
    };

    /// <summary>Gets whether an amendment during voting starts a new round (consent and consensus).</summary>
    [JsonIgnore]
    public bool AmendmentStartsNewRound => Method is DecisionMethod.Consensus or DecisionMethod.Consent;

    /// <summary>Gets whether the rule depends on attendance (a quorum of members present or a "present" base).</summary>
    [JsonIgnore]
    public bool NeedsAttendance =>
        Quorum?.Source == QuorumSource.Attendance ||
        Conditions.Any(c => c.Base == VoteBase.Present) ||
        ChamberCondition?.Base == VoteBase.Present;

    /// <summary>A majority vote that passes when every condition is met.</summary>
    /// <param name="conditions">One to ten conditions; several make a double (or triple) majority.</param>
    /// <returns>The rule, with the default timing and no quorum.</returns>
    /// <exception cref="CoalitionRuleException">No condition is given, or more than ten (<c>Decisions.InvalidRule</c>).</exception>
    public static DecisionRule MajorityVote(params PassCondition[] conditions) =>
        new(DecisionMethod.MajorityVote, null, conditions, null, null, false, false, false, null, VotingTiming.Default, false, StanceSet.None);

    /// <summary>More than one half of votes cast (Robert's Rules' majority vote).</summary>
    /// <returns>The rule.</returns>
    public static DecisionRule SimpleMajority() => MajorityVote(PassCondition.MoreThan(Fraction.Half, VoteBase.VotesCast));

    /// <summary>At least two thirds of votes cast.</summary>
    /// <returns>The rule.</returns>
    public static DecisionRule TwoThirdsMajority() => MajorityVote(PassCondition.AtLeast(Fraction.TwoThirds, VoteBase.VotesCast));

    /// <summary>
    /// A qualified majority in the manner of the EU Council (TEU art. 16(4)): at least 55 % of the members and at least
    /// 65 % of the weight; anyone who does not support, abstentions included, counts against. The Council's own rule adds
    /// its blocking-minority clause: <c>QualifiedMajority().WithBlockingMinority(4)</c>.
    /// </summary>
    /// <returns>The rule.</returns>
    public static DecisionRule QualifiedMajority() => MajorityVote(
        PassCondition.AtLeast(Fraction.Percent(55), VoteBase.Electorate),
        PassCondition.AtLeast(Fraction.Percent(65), VoteBase.Electorate, Measure.Weight));

    /// <summary>
    /// The reinforced qualified majority of the EU Council (TFEU art. 238(2), when the Council does not act on a proposal of
    /// the Commission): at least 72 % of the members and at least 65 % of the weight. The treaty gives it no blocking-minority
    /// clause; a coalition may still add one with <see cref="WithBlockingMinority"/>.
    /// </summary>
    /// <returns>The rule.</returns>
    public static DecisionRule ReinforcedQualifiedMajority() => MajorityVote(
        PassCondition.AtLeast(Fraction.Percent(72), VoteBase.Electorate),
        PassCondition.AtLeast(Fraction.Percent(65), VoteBase.Electorate, Measure.Weight));

    /// <summary>A consensus: adopted when no block stands, at least one member supports and stand-asides stay within the limit.</summary>
    /// <param name="standAsides">The stand-aside limit, if any.</param>
    /// <returns>The rule.</returns>
    public static DecisionRule Consensus(StandAsideLimit? standAsides = null) =>
        new(DecisionMethod.Consensus, null, [], null, standAsides, false, false, false, null, VotingTiming.Default, false, StanceSet.None);

    /// <summary>Consent: adopted when no reasoned objection stands at close.</summary>
    /// <returns>The rule.</returns>
    public static DecisionRule Consent() =>
        new(DecisionMethod.Consent, null, [], null, null, false, false, false, null, VotingTiming.Default, false, StanceSet.None);

    /// <summary>The silence procedure: adopted at the deadline unless a member of the electorate objects before it.</summary>
    /// <param name="period">How long the silence lasts: longer than zero and at most <see cref="Limits.MaxVotingPeriod"/> (three years).</param>
    /// <returns>The rule.</returns>
    public static DecisionRule SilenceProcedure(Duration period) =>
        new(DecisionMethod.SilenceProcedure, null, [], null, null, false, false, false, null, new VotingTiming(period, closeWhenAllVoted: false), false, StanceSet.None);

    /// <summary>A chamber vote: a condition in each chamber and, optionally, conditions on the chamber-weighted share.</summary>
    /// <param name="inEachChamber">The condition every chamber must meet, if any.</param>
    /// <param name="overall">Conditions on the chamber-weighted share of support.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="CoalitionRuleException">Neither a chamber condition nor an overall condition is given (<c>Decisions.InvalidRule</c>).</exception>
    public static DecisionRule ChamberVote(PassCondition? inEachChamber, params PassCondition[] overall) =>
        new(DecisionMethod.ChamberVote, null, overall, inEachChamber, null, false, false, false, null, VotingTiming.Default, false, StanceSet.None);

    /// <summary>The same rule with a quorum.</summary>
    /// <param name="quorum">The quorum.</param>
    /// <returns>A new rule.</returns>
    /// <exception cref="CoalitionRuleException"><paramref name="quorum"/> is null (<c>Kernel.InvalidInput</c>) or does not fit the method (<c>Decisions.InvalidRule</c>).</exception>
    public DecisionRule WithQuorum(QuorumRule quorum) => Copy(quorum: Ensure.NotNull(quorum, nameof(quorum)));

    /// <summary>
    /// The same double majority with a blocking-minority clause (TEU art. 16(4): "a blocking minority must include at least
    /// four Council members, failing which the qualified majority shall be deemed attained"): when fewer than
    /// <paramref name="members"/> members of the electorate do not support, every weight condition is deemed met. The
    /// member conditions must still hold on their own: the clause stops a few heavy members from blocking, and never lets
    /// a proposal pass without its share of members.
    /// </summary>
    /// <param name="members">How many members a blocking minority must include: from 2 to <see cref="Limits.MaxVoters"/>.</param>
    /// <returns>A new rule.</returns>
    /// <exception cref="CoalitionRuleException">
    /// The rule is not a double majority of the electorate (a majority vote whose conditions are all on the electorate,
    /// one by headcount and one by weight at least), or <paramref name="members"/> is out of bounds (<c>Decisions.InvalidRule</c>).
    /// </exception>
    public DecisionRule WithBlockingMinority(int members) => Copy(blockingMinority: members);

    /// <summary>
    /// The same rule, letting a member give its vote to another member's representative, who casts it for the member (FSC:
    /// one holder carries at most five proxies). A member's own ballot always replaces its proxy's, and ends the proxy.
    /// </summary>
    /// <param name="maxPerHolder">The most proxies one person may carry on a proposal: from 1 to <see cref="Limits.MaxVoters"/>; by default <see cref="ProxyRule.DefaultMaxPerHolder"/> (five, as at the FSC general assembly).</param>
    /// <param name="countTowardQuorum">Whether ballots cast by proxy count toward a ballot quorum (the default, as at the FSC general assembly, where members are present "physically or by proxy").</param>
    /// <returns>A new rule.</returns>
    /// <example>
    /// <code>
    /// var rule = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.MajorityOfMembers()).WithProxies();   // five per holder
    /// </code>
    /// </example>
    /// <exception cref="CoalitionRuleException">
    /// The cap is out of bounds, the rule is a silence procedure (no ballots), or it closes once the outcome is certain,
    /// which needs every ballot final while a member's own ballot may still replace its proxy's (<c>Decisions.InvalidRule</c>).
    /// </exception>
    public DecisionRule WithProxies(int maxPerHolder = ProxyRule.DefaultMaxPerHolder, bool countTowardQuorum = true) => Copy(proxies: new ProxyRule(maxPerHolder, countTowardQuorum));

    /// <summary>The same rule with vetoes: a veto holder's oppose or block ends in <see cref="DecisionResult.Vetoed"/>.</summary>
    /// <returns>A new rule.</returns>
    public DecisionRule WithVeto() => Copy(veto: true);

    /// <summary>The same rule where the chair's casting vote decides a tie.</summary>
    /// <returns>A new rule.</returns>
    public DecisionRule WithCastingVote() => Copy(castingVote: true);

    /// <summary>The same consensus, also accepting abstentions.</summary>
    /// <returns>A new rule.</returns>
    public DecisionRule AllowingAbstention() => Copy(abstentionAllowed: true);

    /// <summary>The same rule with a fallback.</summary>
    /// <param name="rule">The fallback round's rule.</param>
    /// <param name="when">Which failure brings it in.</param>
    /// <param name="afterRounds">How many failed rounds come first.</param>
    /// <returns>A new rule.</returns>
    public DecisionRule WithFallback(DecisionRule rule, FallbackWhen when = FallbackWhen.NotAdopted, int afterRounds = 1) =>
        Copy(fallback: new Fallback(rule, when, afterRounds));

    /// <summary>The same rule with another voting period.</summary>
    /// <param name="period">The period: longer than zero and at most <see cref="Limits.MaxVotingPeriod"/> (three years).</param>
    /// <returns>A new rule.</returns>
    /// <exception cref="CoalitionRuleException">The period is out of bounds (<c>Decisions.InvalidTiming</c>).</exception>
    public DecisionRule WithVotingPeriod(Duration period) =>
        Copy(timing: new VotingTiming(period, Timing.CloseWhenAllVoted, Timing.CloseWhenCertain, Timing.LateQuorumExtension));

    /// <summary>The same rule with other closing options.</summary>
    /// <param name="whenAllVoted">Whether voting may close once everyone has voted.</param>
    /// <param name="whenCertain">
    /// Whether voting may close once the outcome can no longer change. That needs final ballots (otherwise a voter could
    /// still change the outcome), so <see langword="true"/> also makes ballots final, as <see cref="WithFinalBallots"/>
    /// does, whether that is called before or after.
    /// </param>
    /// <returns>A new rule.</returns>
    /// <exception cref="CoalitionRuleException">
    /// <paramref name="whenCertain"/> on a rule with proxies (a member's own ballot may still replace its proxy's), or either
    /// option on a silence procedure (<c>Decisions.InvalidRule</c>).
    /// </exception>
    public DecisionRule ClosingEarly(bool whenAllVoted, bool whenCertain) =>
        Copy(timing: new VotingTiming(Timing.VotingPeriod, whenAllVoted, whenCertain, Timing.LateQuorumExtension), ballotsFinal: whenCertain ? true : null);

    /// <summary>The same rule where a quorum first reached within <paramref name="extension"/> of the deadline extends it.</summary>
    /// <param name="extension">The extension: longer than zero and at most <see cref="Limits.MaxVotingPeriod"/> (three years).</param>
    /// <returns>A new rule.</returns>
    /// <exception cref="CoalitionRuleException">The extension is out of bounds (<c>Decisions.InvalidTiming</c>).</exception>
    public DecisionRule WithLateQuorumExtension(Duration extension) =>
        Copy(timing: new VotingTiming(Timing.VotingPeriod, Timing.CloseWhenAllVoted, Timing.CloseWhenCertain, extension));

    /// <summary>The same rule where ballots, once cast, cannot be changed.</summary>
    /// <returns>A new rule.</returns>
    public DecisionRule WithFinalBallots() => Copy(ballotsFinal: true);

    /// <summary>The same rule, also requiring a reason with these stances.</summary>
    /// <param name="stances">The stances: a combination of defined stances.</param>
    /// <returns>A new rule.</returns>
    /// <exception cref="CoalitionRuleException"><paramref name="stances"/> holds an undefined value (<c>Kernel.InvalidInput</c>).</exception>
    public DecisionRule RequiringReasonsFor(StanceSet stances) => Copy(reasonsRequired: ReasonsRequired | stances);

    /// <summary>Describes the rule in one line, for explanations and rule books.</summary>
    /// <returns>For example "majority vote: at least two thirds of votes cast; quorum one half of the members".</returns>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(Method switch
        {
            DecisionMethod.MajorityVote => "majority vote",
            DecisionMethod.Consensus => "consensus",
            DecisionMethod.Consent => "consent",
            DecisionMethod.SilenceProcedure => "silence procedure",
            _ => "chamber vote",
        });
        var parts = new List<string>();
        if (ChamberCondition is not null)
        {
            parts.Add($"{ChamberCondition.Describe()} in every chamber");
        }

        parts.AddRange(Conditions.Select(c => Method == DecisionMethod.ChamberVote ? $"{c.Describe()} across chambers" : c.Describe()));
        if (BlockingMinority is { } blocking)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"a blocking minority needs at least {blocking} members"));
        }

        if (StandAsides is not null)
        {
            parts.Add($"stand-asides {StandAsides.Describe()}");
        }

        if (Method == DecisionMethod.SilenceProcedure)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{Timing.VotingPeriod.TotalHours:0.##} hours of silence"));
        }

        if (Quorum is not null)
        {
            parts.Add($"quorum {Quorum.Describe()}");
        }

        if (Proxies is { } proxies)
        {
            parts.Add(proxies.Describe());
        }

        if (Veto)
        {
            parts.Add("veto holders may veto");
        }

        if (CastingVote)
        {
            parts.Add("the chair breaks a tie");
        }

        if (Fallback is not null)
        {
            var after = Fallback.AfterRounds == 1 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" after {Fallback.AfterRounds} rounds");
            var when = Fallback.When == FallbackWhen.Blocked ? "if blocked" : "if not adopted";
            parts.Add($"{when}{after}, falls back to {Fallback.Rule.Describe()}");
        }

        if (parts.Count > 0)
        {
            text.Append(": ").AppendJoin("; ", parts);
        }

        return text.ToString();
    }

    /// <summary>Returns <see cref="Describe"/>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Describe();

    /// <summary>Whether another rule is the same in every part: method, quorum, conditions (in order), chamber condition, stand-aside limit, abstention, veto, casting vote, fallback, timing, final ballots, reasons, blocking minority and proxies.</summary>
    /// <param name="other">The other rule.</param>
    /// <returns><see langword="true"/> when every part is equal.</returns>
    public bool Equals(DecisionRule? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (Method == other.Method &&
             Equals(Quorum, other.Quorum) &&
             Conditions.SequenceEqual(other.Conditions) &&
             Equals(ChamberCondition, other.ChamberCondition) &&
             Equals(StandAsides, other.StandAsides) &&
             AbstentionAllowed == other.AbstentionAllowed &&
             Veto == other.Veto &&
             CastingVote == other.CastingVote &&
             Equals(Fallback, other.Fallback) &&
             Timing == other.Timing &&
             BallotsFinal == other.BallotsFinal &&
             ReasonsRequired == other.ReasonsRequired &&
             BlockingMinority == other.BlockingMinority &&
             Equals(Proxies, other.Proxies)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DecisionRule);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Method);
        hash.Add(Quorum);
        foreach (var condition in Conditions)
        {
            hash.Add(condition);
        }

        hash.Add(ChamberCondition);
        hash.Add(StandAsides);
        hash.Add(AbstentionAllowed);
        hash.Add(Veto);
        hash.Add(CastingVote);
        hash.Add(Fallback);
        hash.Add(Timing);
        hash.Add(BallotsFinal);
        hash.Add(ReasonsRequired);
        hash.Add(BlockingMinority);
        hash.Add(Proxies);
        return hash.ToHashCode();
    }

    private DecisionRule Copy(
        QuorumRule? quorum = null,
        bool? abstentionAllowed = null,
        bool? veto = null,
        bool? castingVote = null,
        Fallback? fallback = null,
        VotingTiming? timing = null,
        bool? ballotsFinal = null,
        StanceSet? reasonsRequired = null,
        int? blockingMinority = null,
        ProxyRule? proxies = null) =>
        new(
            Method,
            quorum ?? Quorum,
            Conditions,
            ChamberCondition,
            StandAsides,
            abstentionAllowed ?? AbstentionAllowed,
            veto ?? Veto,
            castingVote ?? CastingVote,
            fallback ?? Fallback,
            timing ?? Timing,
            ballotsFinal ?? BallotsFinal,
            reasonsRequired ?? ReasonsRequired,
            blockingMinority ?? BlockingMinority,
            proxies ?? Proxies);

    private bool IsDoubleMajorityOfTheElectorate =>
        Method == DecisionMethod.MajorityVote &&
        Conditions.All(c => c.Base == VoteBase.Electorate) &&
        Conditions.Any(c => c.Measure == Measure.Headcount) &&
        Conditions.Any(c => c.Measure == Measure.Weight);

    private int FallbackDepth() => Fallback is null ? 0 : 1 + Fallback.Rule.FallbackDepth();

    private void Check()
    {
        var problem = Method switch
        {
            DecisionMethod.MajorityVote when Conditions.Count == 0 => "A majority vote needs at least one pass condition.",
            DecisionMethod.MajorityVote when ChamberCondition is not null => "A condition in each chamber belongs to a chamber vote, not a majority vote.",
            DecisionMethod.ChamberVote when ChamberCondition is null && Conditions.Count == 0 => "A chamber vote needs a condition in each chamber, an overall condition, or both.",
            DecisionMethod.Consensus or DecisionMethod.Consent or DecisionMethod.SilenceProcedure when Conditions.Count > 0 || ChamberCondition is not null =>
                "A {method} decision has no pass conditions; use a majority vote or a fallback for thresholds.",
            not DecisionMethod.Consensus when StandAsides is not null || AbstentionAllowed => "Stand-aside limits and abstentions are options of a consensus only.",
            DecisionMethod.Consensus or DecisionMethod.Consent or DecisionMethod.SilenceProcedure when CastingVote => "A casting vote breaks ties between support and opposition; a {method} decision has no ties.",
            DecisionMethod.SilenceProcedure when Quorum is not null || Veto || BallotsFinal || Proxies is not null => "The silence procedure has no ballots, so no quorum, veto, final ballots or proxies.",
            DecisionMethod.SilenceProcedure when Timing.CloseWhenAllVoted || Timing.CloseWhenCertain || Timing.LateQuorumExtension is not null =>
                "The silence procedure ends only at its deadline (or when an objection breaks it).",
            _ when Timing.CloseWhenCertain && Proxies is not null =>
                "Closing once the outcome is certain needs every ballot final, but a member's own ballot may still replace its proxy's.",
            _ when Timing.CloseWhenCertain && !BallotsFinal =>
                "Closing once the outcome is certain needs final ballots: otherwise a voter could still change the outcome.",
            _ when FallbackDepth() > MaxFallbackDepth => "Fallbacks may be nested at most {max} deep.",
            _ when BlockingMinority is not null && !IsDoubleMajorityOfTheElectorate =>
                "A blocking-minority clause belongs to a double majority of the electorate: a majority vote whose conditions are all on the electorate, one by headcount and one by weight at least.",
            _ when BlockingMinority is < 2 or > Limits.MaxVoters => "A blocking minority includes from 2 to {voters} members; got {blocking}.",
            _ => null,
        };
        if (problem is not null)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.InvalidRule, problem, ("method", Method), ("max", MaxFallbackDepth), ("voters", Limits.MaxVoters), ("blocking", BlockingMinority));
        }
    }
}

/// <summary>
/// How a rule takes proxies: a member gives its vote to another member's representative, who casts it for the member.
/// </summary>
/// <remarks>
/// FSC general assembly (ga.fsc.org, "Proxies"): a member may be represented by another member, who carries at most five
/// organizational members' votes; members present "physically or by proxy" count toward the quorum.
/// </remarks>
public sealed record ProxyRule
{
    /// <summary>The most proxies one person carries unless the rule says otherwise: five, as at the FSC general assembly.</summary>
    public const int DefaultMaxPerHolder = 5;

    /// <summary>Initializes the proxy settings of a rule.</summary>
    /// <param name="maxPerHolder">The most proxies one person may carry on a proposal: from 1 to <see cref="Limits.MaxVoters"/>.</param>
    /// <param name="countTowardQuorum">Whether ballots cast by proxy count toward a ballot quorum.</param>
    /// <exception cref="CoalitionRuleException">The cap is out of bounds (<c>Decisions.InvalidRule</c>).</exception>
    [JsonConstructor]
    public ProxyRule(int maxPerHolder, bool countTowardQuorum = true)
    {
        if (maxPerHolder < 1 || maxPerHolder > Limits.MaxVoters)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.InvalidRule, "A proxy holder carries from 1 to {max} proxies; got {cap}.", ("max", Limits.MaxVoters), ("cap", maxPerHolder));
        }

        MaxPerHolder = maxPerHolder;
        CountTowardQuorum = countTowardQuorum;
    }

    /// <summary>Gets the most proxies one person may carry on a proposal.</summary>
    public int MaxPerHolder { get; }

    /// <summary>Gets whether ballots cast by proxy count toward a ballot quorum.</summary>
    public bool CountTowardQuorum { get; }

    /// <summary>Describes the settings, for example "proxies: at most 5 per holder, counted toward quorum".</summary>
    /// <returns>The description.</returns>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"proxies: at most {MaxPerHolder} per holder, {(CountTowardQuorum ? "counted" : "not counted")} toward quorum");
}
