using Coalitions.Core.Kernel;

namespace Coalitions.Core.Decisions;

/// <summary>The result of a decision.</summary>
public enum DecisionResult
{
    /// <summary>The proposal was adopted.</summary>
    Adopted = 1,

    /// <summary>The proposal did not meet its rule (a failed condition, no support, too many stand-asides).</summary>
    Rejected = 2,

    /// <summary>Too few members took part (or were present); no decision was taken.</summary>
    NoQuorum = 3,

    /// <summary>A block (consensus) or a standing objection (consent) stopped the proposal.</summary>
    Blocked = 4,

    /// <summary>A veto holder opposed or blocked.</summary>
    Vetoed = 5,

    /// <summary>A member objected during a silence procedure.</summary>
    SilenceBroken = 6,
}

/// <summary>Counts (or weights) per stance.</summary>
/// <param name="Support">Support (or consent).</param>
/// <param name="Oppose">Oppose.</param>
/// <param name="Abstain">Abstain.</param>
/// <param name="StandAside">Stand aside.</param>
/// <param name="Block">Block.</param>
/// <param name="Object">Object.</param>
public sealed record StanceCounts(long Support, long Oppose, long Abstain, long StandAside, long Block, long Object)
{
    /// <summary>Gets the sum over all stances.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long Total => Support + Oppose + Abstain + StandAside + Block + Object;

    /// <summary>Gets the count for one stance.</summary>
    /// <param name="stance">The stance.</param>
    /// <returns>The count.</returns>
    public long this[Stance stance] => stance switch
    {
        Stance.Support => Support,
        Stance.Oppose => Oppose,
        Stance.Abstain => Abstain,
        Stance.StandAside => StandAside,
        Stance.Block => Block,
        _ => Object,
    };
}

/// <summary>A tally by headcount and by weight.</summary>
/// <param name="Headcount">Ballots per stance.</param>
/// <param name="Weight">Weight per stance.</param>
public sealed record TallyFigures(StanceCounts Headcount, StanceCounts Weight);

/// <summary>The tally of one chamber or sub-chamber.</summary>
/// <param name="Chamber">The chamber.</param>
/// <param name="SubChamber">The sub-chamber, if the chamber has them.</param>
/// <param name="Tally">Its tally.</param>
public sealed record ChamberFigures(string Chamber, string? SubChamber, TallyFigures Tally);

/// <summary>How the quorum was measured: figures only; the quorum rule itself is the rule's (<see cref="DecisionRule.Quorum"/>).</summary>
/// <param name="Measure">Headcount or weight.</param>
/// <param name="Counted">What counted toward it.</param>
/// <param name="Required">What it needed.</param>
/// <param name="Basis">The electorate's headcount or weight.</param>
/// <param name="Met">Whether it was met.</param>
public sealed record QuorumFigures(Measure Measure, long Counted, long Required, long Basis, bool Met);

/// <summary>The ballots proxy holders cast, already within the tally: each counts once, as its voter's ballot.</summary>
/// <param name="Ballots">How many ballots proxy holders cast.</param>
/// <param name="Weight">Their weight.</param>
public sealed record ProxyFigures(long Ballots, long Weight);

/// <summary>
/// How one condition fared: figures only. The condition itself is the rule's, by position: for a majority vote the
/// rule's <see cref="DecisionRule.Conditions"/> in order; for a chamber vote the rule's
/// <see cref="DecisionRule.ChamberCondition"/> once per chamber (those figures name the chamber), then its overall
/// conditions in order. Without quorum, or after a veto, no condition is evaluated and there are no figures.
/// </summary>
/// <param name="Chamber">The chamber it applied in; <see langword="null"/> for an overall condition.</param>
/// <param name="Part">The support counted, for a plain share; <see langword="null"/> for a weighted share.</param>
/// <param name="Whole">The base, for a plain share.</param>
/// <param name="Percent">The share of support, rounded to a whole percent (halves up); the decision never depends on it.</param>
/// <param name="Met">Whether it was met, after any casting vote.</param>
/// <param name="Tie">Whether the share equalled a "more than" threshold exactly.</param>
/// <param name="WeightedShare">
/// The exact share where it is a weighted mean with no single part and whole: a chamber's share over its sub-chambers, or
/// the chamber-weighted share across chambers. <see langword="null"/> for a plain share (see <see cref="Share"/>), when no
/// one in the base voted, and in rounds stored before exact shares were kept (which recorded only <paramref name="Percent"/>).
/// </param>
/// <param name="DeemedMet">
/// Whether a weight condition that its figures did not reach was deemed met under the rule's blocking-minority clause:
/// fewer members than a blocking minority needs did not support (<see cref="DecisionRule.BlockingMinority"/>). <paramref name="Met"/> is then true.
/// </param>
public sealed record ConditionFigures(
    string? Chamber,
    long? Part,
    long? Whole,
    long Percent,
    bool Met,
    bool Tie,
    ExactShare? WeightedShare = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] bool DeemedMet = false)
{
    /// <summary>Gets the exact share of support that was compared with the threshold: <see cref="Part"/> of <see cref="Whole"/>, or the <see cref="WeightedShare"/>; <see langword="null"/> when the base was empty (or not recorded).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ExactShare? Share => (Part, Whole) switch
    {
        ({ } part, { } whole) when whole > 0 && part >= 0 && part <= whole => new ExactShare(part, whole),
        (null, null) => WeightedShare,
        _ => null,
    };
}

/// <summary>
/// The outcome of a decision, as figures: the result, the full tally (per stance, per chamber, by weight), the quorum
/// and condition figures, and who vetoed, blocked or objected. It holds facts only, so a stored outcome never goes stale:
/// its plain-language explanation is rendered when read, by <see cref="Explain"/>, under the rule it was decided by.
/// </summary>
/// <remarks>Deterministic: the same rule, electorate and ballots give the same outcome and text, in any ballot order.</remarks>
/// <param name="Result">The result.</param>
/// <param name="Method">The method applied.</param>
/// <param name="ElectorateSize">The number of voters.</param>
/// <param name="ElectorateWeight">The voters' total weight.</param>
/// <param name="Tally">The tally.</param>
/// <param name="Chambers">The tally per chamber or sub-chamber (empty without chambers).</param>
/// <param name="Quorum">The quorum figures, if the rule has a quorum.</param>
/// <param name="Conditions">The condition figures, in the order <see cref="ConditionFigures"/> describes.</param>
/// <param name="Vetoes">Veto holders whose oppose or block vetoed the proposal, in electorate order.</param>
/// <param name="Objections">Voters who blocked or objected, in electorate order.</param>
/// <param name="CastingVote">The chair's casting vote, if one decided a tie.</param>
/// <param name="AwaitsCastingVote">Whether a tie awaits the chair's casting vote: the rule allows one and none was given.</param>
/// <param name="Proxies">How many ballots (and how much weight) proxy holders cast, where the rule takes proxies.</param>
public sealed record DecisionOutcome(
    DecisionResult Result,
    DecisionMethod Method,
    int ElectorateSize,
    long ElectorateWeight,
    TallyFigures Tally,
    IReadOnlyList<ChamberFigures> Chambers,
    QuorumFigures? Quorum,
    IReadOnlyList<ConditionFigures> Conditions,
    IReadOnlyList<PartnerId> Vetoes,
    IReadOnlyList<PartnerId> Objections,
    Stance? CastingVote,
    bool AwaitsCastingVote,
    ProxyFigures? Proxies = null)
{
    /// <summary>Gets whether the proposal was adopted.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsAdopted => Result == DecisionResult.Adopted;

    /// <summary>
    /// Renders the plain-language explanation from the figures, under the rule the outcome was decided by, for
    /// example "Adopted. 7 of 9 members took part; quorum of one half of the members (5) met." and a line per
    /// condition. The wording belongs to this version of the library, not to the stored outcome.
    /// </summary>
    /// <param name="rule">The rule the outcome was decided by (a proposal's round keeps it: <see cref="ProposalRound.Rule"/>).</param>
    /// <param name="electorate">The electorate, to name voters who vetoed, blocked or objected; without it (or where it does not list them) they are named by id.</param>
    /// <returns>The explanation, one statement per line.</returns>
    /// <exception cref="CoalitionRuleException">
    /// <paramref name="rule"/> is null (<c>Kernel.InvalidInput</c>), or the outcome was not decided by it: another
    /// method, quorum or number of conditions (<c>Decisions.OutcomeOfAnotherRule</c>).
    /// </exception>
    public string Explain(DecisionRule rule, Electorate? electorate = null)
    {
        Ensure.NotNull(rule, nameof(rule));
        if (OutcomeExplanation.Misfit(rule, this) is { } problem)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.OutcomeOfAnotherRule, "This outcome was not decided by the rule given: {problem}", ("problem", problem));
        }

        return OutcomeExplanation.Write(rule, electorate, this);
    }
}
