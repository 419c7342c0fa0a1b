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

/// <summary>How the quorum was measured.</summary>
/// <param name="Rule">The quorum rule in words.</param>
/// <param name="Measure">Headcount or weight.</param>
/// <param name="Counted">What counted toward it.</param>
/// <param name="Required">What it needed.</param>
/// <param name="Basis">The electorate's headcount or weight.</param>
/// <param name="Met">Whether it was met.</param>
public sealed record QuorumFigures(string Rule, Measure Measure, long Counted, long Required, long Basis, bool Met);

/// <summary>How one condition fared.</summary>
/// <param name="Condition">The condition in words.</param>
/// <param name="Chamber">The chamber it applied in; <see langword="null"/> for an overall condition.</param>
/// <param name="Part">The support counted, for a plain share; <see langword="null"/> for a chamber-weighted share.</param>
/// <param name="Whole">The base, for a plain share.</param>
/// <param name="Percent">The share of support, rounded to a whole percent (halves up).</param>
/// <param name="Met">Whether it was met, after any casting vote.</param>
/// <param name="Tie">Whether the share equalled a "more than" threshold exactly.</param>
public sealed record ConditionFigures(string Condition, string? Chamber, long? Part, long? Whole, long Percent, bool Met, bool Tie);

/// <summary>
/// The outcome of a decision: the result, the full tally (per stance, per chamber, by weight), the quorum
/// and condition figures, who vetoed, blocked or objected, the rule applied and a plain-language explanation.
/// </summary>
/// <remarks>Deterministic: the same rule, electorate and ballots give the same outcome and text, in any ballot order.</remarks>
/// <param name="Result">The result.</param>
/// <param name="Method">The method applied.</param>
/// <param name="Rule">The rule applied, in words.</param>
/// <param name="ElectorateSize">The number of voters.</param>
/// <param name="ElectorateWeight">The voters' total weight.</param>
/// <param name="Tally">The tally.</param>
/// <param name="Chambers">The tally per chamber or sub-chamber (empty without chambers).</param>
/// <param name="Quorum">The quorum figures, if the rule has a quorum.</param>
/// <param name="Conditions">The condition figures.</param>
/// <param name="Vetoes">Veto holders whose oppose or block vetoed the proposal, in electorate order.</param>
/// <param name="Objections">Voters who blocked or objected, in electorate order.</param>
/// <param name="CastingVote">The chair's casting vote, if one decided a tie.</param>
/// <param name="AwaitsCastingVote">Whether a tie awaits the chair's casting vote: the rule allows one and none was given.</param>
/// <param name="Explanation">The plain-language explanation.</param>
public sealed record DecisionOutcome(
    DecisionResult Result,
    DecisionMethod Method,
    string Rule,
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
    string Explanation)
{
    /// <summary>Gets whether the proposal was adopted.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsAdopted => Result == DecisionResult.Adopted;
}
