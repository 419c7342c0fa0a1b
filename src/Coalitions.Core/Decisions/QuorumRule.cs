using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Decisions;

/// <summary>What a quorum counts.</summary>
public enum QuorumSource
{
    /// <summary>Members who cast a ballot with a counted stance.</summary>
    Ballots = 1,

    /// <summary>Members recorded present at the meeting where the decision is taken.</summary>
    Attendance = 2,
}

/// <summary>
/// How much of the electorate must take part before a decision counts: a minimum count, a share of the
/// electorate (by headcount or weight), or both. Without a quorum the outcome is
/// <see cref="DecisionResult.NoQuorum"/>, whatever the ballots say.
/// </summary>
/// <remarks>
/// By default every ballot counts toward quorum, abstentions included (Robert's Rules). A rule may leave
/// abstentions out, as some on-chain governors do, or leave opposition out. A quorum is never less than
/// one member: an empty meeting decides nothing.
/// </remarks>
public sealed record QuorumRule
{
    /// <summary>Initializes a quorum rule.</summary>
    /// <param name="source">Ballots or attendance.</param>
    /// <param name="measure">Headcount or weight.</param>
    /// <param name="share">The share of the electorate needed, if any: more than zero and at most one.</param>
    /// <param name="minimum">The minimum count (or weight) needed, if any: from 1 to <see cref="Limits.MaxTotalWeight"/>.</param>
    /// <param name="countedStances">Which stances count toward a ballot quorum; must include <see cref="StanceSet.Support"/>.</param>
    /// <param name="comparison">
    /// Whether the count must reach the share (<see cref="ThresholdComparison.AtLeast"/>, the default: at least half of 20 is
    /// 10) or exceed it (<see cref="ThresholdComparison.MoreThan"/>: a quorum of a majority of 20 members is 11, as Robert's
    /// Rules reads "majority"). It qualifies the share; a minimum is always "at least".
    /// </param>
    /// <exception cref="CoalitionRuleException">An undefined value (<c>Kernel.InvalidInput</c>), or the quorum is empty or ill-formed (<c>Decisions.InvalidQuorum</c>).</exception>
    [JsonConstructor]
    public QuorumRule(QuorumSource source, Measure measure, Fraction? share, long? minimum, StanceSet countedStances = StanceSet.All, ThresholdComparison comparison = ThresholdComparison.AtLeast)
    {
        Ensure.Defined(source, nameof(source));
        Ensure.Defined(measure, nameof(measure));
        Ensure.Defined(countedStances, nameof(countedStances));
        Ensure.Defined(comparison, nameof(comparison));
        string? problem = null;
        if (share is null && minimum is null)
        {
            problem = "A quorum needs a share of the electorate, a minimum, or both.";
        }
        else if (share is { } s && (s == Fraction.Zero || !s.IsAtMostOne))
        {
            problem = "A quorum share must be more than zero and at most one; got {share}.";
        }
        else if (comparison == ThresholdComparison.MoreThan && (share is null || share == Fraction.One))
        {
            problem = "'More than' qualifies a quorum's share, and more than all the members can never be present; got more than {share}.";
        }
        else if (minimum is < 1 || minimum > Limits.MaxTotalWeight)
        {
            problem = "A quorum minimum must be from 1 to {max}; got {minimum}.";
        }
        else if (!countedStances.HasFlag(StanceSet.Support))
        {
            problem = "Support always counts toward a quorum.";
        }

        if (problem is not null)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.InvalidQuorum, problem, ("share", share?.ToWords()), ("minimum", minimum), ("max", Limits.MaxTotalWeight));
        }

        Source = source;
        Measure = measure;
        Share = share;
        Minimum = minimum;
        CountedStances = countedStances;
        Comparison = comparison;
    }

    /// <summary>Gets what the quorum counts.</summary>
    public QuorumSource Source { get; }

    /// <summary>Gets whether members count one each or by weight.</summary>
    public Measure Measure { get; }

    /// <summary>Gets the share of the electorate needed, if any.</summary>
    public Fraction? Share { get; }

    /// <summary>Gets the minimum count or weight needed, if any.</summary>
    public long? Minimum { get; }

    /// <summary>Gets the stances that count toward a ballot quorum.</summary>
    public StanceSet CountedStances { get; }

    /// <summary>Gets whether the count must reach the share or exceed it.</summary>
    public ThresholdComparison Comparison { get; }

    /// <summary>A share of the members must cast a ballot: <c>QuorumRule.OfMembers(Fraction.Half)</c> is at least one half.</summary>
    /// <param name="share">The share.</param>
    /// <param name="comparison">At least the share (the default), or more than it.</param>
    /// <returns>The rule.</returns>
    public static QuorumRule OfMembers(Fraction share, ThresholdComparison comparison = ThresholdComparison.AtLeast) =>
        new(QuorumSource.Ballots, Measure.Headcount, share, null, comparison: comparison);

    /// <summary>
    /// More than one half of the members must cast a ballot: Robert's Rules' quorum of "a majority of the members", where a
    /// majority is more than half (of 20 members, 11; at least half would be 10).
    /// </summary>
    /// <returns>The rule.</returns>
    public static QuorumRule MajorityOfMembers() => OfMembers(Fraction.Half, ThresholdComparison.MoreThan);

    /// <summary>Members holding a share of the total weight must cast a ballot.</summary>
    /// <param name="share">The share.</param>
    /// <param name="comparison">At least the share (the default), or more than it.</param>
    /// <returns>The rule.</returns>
    public static QuorumRule OfWeight(Fraction share, ThresholdComparison comparison = ThresholdComparison.AtLeast) =>
        new(QuorumSource.Ballots, Measure.Weight, share, null, comparison: comparison);

    /// <summary>At least this many members must cast a ballot.</summary>
    /// <param name="minimum">The count.</param>
    /// <returns>The rule.</returns>
    public static QuorumRule AtLeastMembers(long minimum) => new(QuorumSource.Ballots, Measure.Headcount, null, minimum);

    /// <summary>A share of the members must be recorded present at the meeting.</summary>
    /// <param name="share">The share.</param>
    /// <param name="comparison">At least the share (the default), or more than it.</param>
    /// <returns>The rule.</returns>
    public static QuorumRule OfMembersPresent(Fraction share, ThresholdComparison comparison = ThresholdComparison.AtLeast) =>
        new(QuorumSource.Attendance, Measure.Headcount, share, null, comparison: comparison);

    /// <summary>
    /// At least a share of the electorate must take part: <c>QuorumRule.AtLeast(Fraction.Half)</c> is at least one half of
    /// the members casting a ballot (of 20, 10).
    /// </summary>
    /// <param name="share">The share: more than zero and at most one.</param>
    /// <param name="measure">Members count one each (the default) or by weight.</param>
    /// <param name="source">Ballots cast (the default) or members recorded present at the meeting.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="CoalitionRuleException">An undefined value (<c>Kernel.InvalidInput</c>), or the share is zero or above one (<c>Decisions.InvalidQuorum</c>).</exception>
    /// <example>
    /// <code>var quorum = QuorumRule.AtLeast(Fraction.TwoThirds, Measure.Weight);   // two thirds of the weight cast a ballot</code>
    /// </example>
    public static QuorumRule AtLeast(Fraction share, Measure measure = Measure.Headcount, QuorumSource source = QuorumSource.Ballots) =>
        new(source, measure, share, null);

    /// <summary>
    /// More than a share of the electorate must take part: <c>QuorumRule.MoreThan(Fraction.Half)</c> is a majority of the
    /// members in Robert's Rules' sense (of 20, 11).
    /// </summary>
    /// <param name="share">The share: more than zero and less than one (more than all can never take part).</param>
    /// <param name="measure">Members count one each (the default) or by weight.</param>
    /// <param name="source">Ballots cast (the default) or members recorded present at the meeting.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="CoalitionRuleException">An undefined value (<c>Kernel.InvalidInput</c>), or the share is zero or at least one (<c>Decisions.InvalidQuorum</c>).</exception>
    public static QuorumRule MoreThan(Fraction share, Measure measure = Measure.Headcount, QuorumSource source = QuorumSource.Ballots) =>
        new(source, measure, share, null, comparison: ThresholdComparison.MoreThan);

    /// <summary>More than one half of the members must be recorded present at the meeting (Robert's Rules' quorum of a majority, in a meeting).</summary>
    /// <returns>The rule.</returns>
    public static QuorumRule MajorityOfMembersPresent() => OfMembersPresent(Fraction.Half, ThresholdComparison.MoreThan);

    /// <summary>Members holding at least this much weight in total must cast a ballot.</summary>
    /// <param name="minimum">The weight: from 1 to <see cref="Limits.MaxTotalWeight"/>.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="CoalitionRuleException">The weight is out of bounds (<c>Decisions.InvalidQuorum</c>).</exception>
    public static QuorumRule AtLeastWeight(long minimum) => new(QuorumSource.Ballots, Measure.Weight, null, minimum);

    /// <summary>
    /// The same quorum, also needing at least this many members (or this much weight, for a quorum by weight): both the
    /// share and the minimum must be met. <c>QuorumRule.OfMembers(new Fraction(1, 3)).AndAtLeast(5)</c> is one third of the
    /// members, and never fewer than five.
    /// </summary>
    /// <param name="minimum">The minimum count or weight: from 1 to <see cref="Limits.MaxTotalWeight"/>.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="CoalitionRuleException">The minimum is out of bounds (<c>Decisions.InvalidQuorum</c>).</exception>
    public QuorumRule AndAtLeast(long minimum) => new(Source, Measure, Share, minimum, CountedStances, Comparison);

    /// <summary>The same quorum, with abstentions not counted toward it.</summary>
    /// <returns>The rule.</returns>
    public QuorumRule WithoutAbstentions() => new(Source, Measure, Share, Minimum, CountedStances & ~StanceSet.Abstain, Comparison);

    /// <summary>The same quorum, with opposing ballots not counted toward it.</summary>
    /// <returns>The rule.</returns>
    public QuorumRule WithoutOpposition() => new(Source, Measure, Share, Minimum, CountedStances & ~StanceSet.Oppose, Comparison);

    /// <summary>The least count (or weight) that meets the quorum, given the electorate's total.</summary>
    /// <param name="basis">The electorate's headcount or total weight.</param>
    /// <returns>The required amount, at least one: for one half of 20, 10; for more than one half of 20, 11.</returns>
    public long RequiredOf(long basis)
    {
        var required = Math.Max(1, Minimum ?? 0);
        if (Share is { } share)
        {
            required = Math.Max(required, share.SmallestPartReaching(basis, strictlyMore: Comparison == ThresholdComparison.MoreThan));
        }

        return required;
    }

    /// <summary>Describes the quorum in words, for example "one half of the members".</summary>
    /// <returns>The description.</returns>
    public string Describe()
    {
        var text = new StringBuilder();
        var what = (Source, Measure) switch
        {
            (QuorumSource.Attendance, Measure.Headcount) => "members present",
            (QuorumSource.Attendance, _) => "weight present",
            (_, Measure.Headcount) => "the members",
            _ => "the weight",
        };
        if (Share is { } share)
        {
            text.Append(Comparison == ThresholdComparison.MoreThan ? "more than " : string.Empty).Append(share.ToWords()).Append(" of ").Append(what);
        }

        if (Minimum is { } minimum)
        {
            text.Append(text.Length > 0 ? " and " : string.Empty)
                .Append(CultureInfo.InvariantCulture, $"at least {minimum}");
        }

        if (Source == QuorumSource.Ballots && CountedStances != StanceSet.All)
        {
            var excluded = new[] { (StanceSet.Oppose, "opposing ballots"), (StanceSet.Abstain, "abstentions"), (StanceSet.StandAside, "stand-asides"), (StanceSet.Block, "blocks"), (StanceSet.Object, "objections") }
                .Where(pair => !CountedStances.HasFlag(pair.Item1))
                .Select(pair => pair.Item2);
            text.Append(", not counting ").AppendJoin(" or ", excluded);
        }

        return text.ToString();
    }
}

/// <summary>
/// The most stand-asides a consensus tolerates: a count, a share of ballots, or both. Many stand-asides
/// signal that agreement is thin; past the limit consensus is not reached.
/// </summary>
public sealed record StandAsideLimit
{
    /// <summary>Initializes a limit.</summary>
    /// <param name="maximumCount">The most stand-asides allowed, if limited by count: from 0 to <see cref="Limits.MaxVoters"/>.</param>
    /// <param name="maximumShare">The largest share of ballots that may stand aside, if limited by share.</param>
    /// <exception cref="CoalitionRuleException">Neither limit is given, or one is out of bounds (<c>Decisions.InvalidRule</c>).</exception>
    [JsonConstructor]
    public StandAsideLimit(long? maximumCount, Fraction? maximumShare)
    {
        if ((maximumCount is null && maximumShare is null) || maximumCount < 0 || maximumCount > Limits.MaxVoters || maximumShare is { IsAtMostOne: false })
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Decisions.InvalidRule,
                "A stand-aside limit needs a count from 0 to {max}, a share of at most one, or both.",
                ("max", Limits.MaxVoters),
                ("count", maximumCount),
                ("share", maximumShare?.ToString()));
        }

        MaximumCount = maximumCount;
        MaximumShare = maximumShare;
    }

    /// <summary>Gets the most stand-asides allowed by count.</summary>
    public long? MaximumCount { get; }

    /// <summary>Gets the largest share of ballots that may stand aside.</summary>
    public Fraction? MaximumShare { get; }

    /// <summary>Whether this many stand-asides among this many ballots stay within the limit.</summary>
    /// <param name="standAsides">Stand-asides.</param>
    /// <param name="ballots">All ballots.</param>
    /// <returns><see langword="true"/> when within the limit.</returns>
    public bool Allows(long standAsides, long ballots) =>
        (MaximumCount is not { } count || standAsides <= count) &&
        (MaximumShare is not { } share || ballots == 0 || share.CompareShare(standAsides, ballots) <= 0);

    /// <summary>Describes the limit, for example "at most 2" or "at most one quarter of ballots".</summary>
    /// <returns>The description.</returns>
    public string Describe() => (MaximumCount, MaximumShare) switch
    {
        ({ } count, null) => string.Create(CultureInfo.InvariantCulture, $"at most {count}"),
        (null, { } share) => $"at most {share.ToWords()} of ballots",
        _ => string.Create(CultureInfo.InvariantCulture, $"at most {MaximumCount} and at most {MaximumShare!.Value.ToWords()} of ballots"),
    };
}

/// <summary>When a rule's fallback takes over.</summary>
public enum FallbackWhen
{
    /// <summary>When a block (consensus) or a standing objection (consent) stops the proposal.</summary>
    Blocked = 1,

    /// <summary>
    /// Whenever the proposal is not adopted: blocked, rejected or the silence broken. A veto and a missing
    /// quorum never lead to a fallback: a veto is final and without quorum no decision was taken.
    /// </summary>
    NotAdopted = 2,
}

/// <summary>
/// A second rule used when the first fails in a stated way, such as consensus falling back to a
/// three-quarters vote after two blocked rounds. Every round and its outcome stay on record.
/// </summary>
public sealed record Fallback
{
    private const int MaxRounds = 10;

    /// <summary>Initializes a fallback.</summary>
    /// <param name="rule">The rule of the fallback round.</param>
    /// <param name="when">Which failure brings it in.</param>
    /// <param name="afterRounds">How many failed rounds under the first rule come before it, from one to ten.</param>
    /// <exception cref="CoalitionRuleException">
    /// <paramref name="rule"/> is missing or <paramref name="when"/> undefined (<c>Kernel.InvalidInput</c>), or
    /// <paramref name="afterRounds"/> is out of bounds (<c>Decisions.InvalidRule</c>).
    /// </exception>
    [JsonConstructor]
    public Fallback(DecisionRule rule, FallbackWhen when, int afterRounds = 1)
    {
        Ensure.NotNull(rule, nameof(rule));
        Ensure.Defined(when, nameof(when));
        if (afterRounds < 1 || afterRounds > MaxRounds)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.InvalidRule, "A fallback comes after 1 to {max} failed rounds; got {rounds}.", ("max", MaxRounds), ("rounds", afterRounds));
        }

        Rule = rule;
        When = when;
        AfterRounds = afterRounds;
    }

    /// <summary>Gets the rule of the fallback round.</summary>
    public DecisionRule Rule { get; }

    /// <summary>Gets which failure brings the fallback in.</summary>
    public FallbackWhen When { get; }

    /// <summary>Gets how many failed rounds under the first rule come before the fallback.</summary>
    public int AfterRounds { get; }

    /// <summary>Whether a round result is a failure this fallback answers.</summary>
    /// <param name="result">The round's result.</param>
    /// <returns><see langword="true"/> when the fallback applies to it.</returns>
    public bool Answers(DecisionResult result) => When switch
    {
        FallbackWhen.Blocked => result == DecisionResult.Blocked,
        _ => result is DecisionResult.Blocked or DecisionResult.Rejected or DecisionResult.SilenceBroken,
    };
}

/// <summary>
/// When voting closes: after the voting period, and earlier when everyone has voted or when the outcome
/// can no longer change, if the rule allows; and whether a late quorum extends the deadline.
/// </summary>
public sealed record VotingTiming
{
    /// <summary>Initializes the timing.</summary>
    /// <param name="votingPeriod">How long voting stays open: longer than zero and at most <see cref="Limits.MaxVotingPeriod"/> (three years).</param>
    /// <param name="closeWhenAllVoted">Whether voting may close as soon as every voter has voted.</param>
    /// <param name="closeWhenCertain">Whether voting may close once no missing ballot can change the outcome (needs final ballots).</param>
    /// <param name="lateQuorumExtension">If set, a quorum first reached within this span of the deadline moves the deadline to this span after that ballot; longer than zero and at most <see cref="Limits.MaxVotingPeriod"/>.</param>
    /// <exception cref="CoalitionRuleException">A duration is not positive or longer than three years (<c>Decisions.InvalidTiming</c>).</exception>
    [JsonConstructor]
    public VotingTiming(NodaTime.Duration votingPeriod, bool closeWhenAllVoted = true, bool closeWhenCertain = false, NodaTime.Duration? lateQuorumExtension = null)
    {
        if (votingPeriod <= NodaTime.Duration.Zero || votingPeriod > Limits.MaxVotingPeriod ||
            lateQuorumExtension <= NodaTime.Duration.Zero || lateQuorumExtension > Limits.MaxVotingPeriod)
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Decisions.InvalidTiming,
                "A voting period and a late-quorum extension must be longer than zero and at most {max}; got {period} and {extension}.",
                ("max", Limits.MaxVotingPeriod),
                ("period", votingPeriod),
                ("extension", lateQuorumExtension));
        }

        VotingPeriod = votingPeriod;
        CloseWhenAllVoted = closeWhenAllVoted;
        CloseWhenCertain = closeWhenCertain;
        LateQuorumExtension = lateQuorumExtension;
    }

    /// <summary>Gets how long voting stays open.</summary>
    public NodaTime.Duration VotingPeriod { get; }

    /// <summary>Gets whether voting may close as soon as every voter has voted.</summary>
    public bool CloseWhenAllVoted { get; }

    /// <summary>Gets whether voting may close once the outcome can no longer change.</summary>
    public bool CloseWhenCertain { get; }

    /// <summary>Gets the late-quorum extension, if any.</summary>
    public NodaTime.Duration? LateQuorumExtension { get; }

    /// <summary>Gets the default: seven days, closing early when everyone has voted.</summary>
    public static VotingTiming Default { get; } = new(NodaTime.Duration.FromDays(7));
}
