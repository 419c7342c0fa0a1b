namespace Coalitions.Core.Decisions;

/// <summary>A voter's position on a proposal. Each decision method accepts some stances and refuses the others.</summary>
public enum Stance
{
    /// <summary>In favour. Under the consent method this is the voter's consent.</summary>
    Support = 1,

    /// <summary>Against (majority and chamber votes).</summary>
    Oppose = 2,

    /// <summary>Takes no side but takes part: counts toward quorum unless the rule says otherwise.</summary>
    Abstain = 3,

    /// <summary>Disagrees but lets the group proceed (consensus).</summary>
    StandAside = 4,

    /// <summary>A principled objection that stops a consensus; needs a reason.</summary>
    Block = 5,

    /// <summary>A reasoned objection (consent, silence procedure); needs a reason.</summary>
    Object = 6,
}

/// <summary>A set of stances, for the stances a method accepts, those counted toward quorum, and those that need a reason.</summary>
[Flags]
#pragma warning disable CA1711 // "Set" is the domain word here, not a collection suffix.
public enum StanceSet
#pragma warning restore CA1711
{
    /// <summary>No stance.</summary>
    None = 0,

    /// <summary><see cref="Stance.Support"/>.</summary>
    Support = 1 << 0,

    /// <summary><see cref="Stance.Oppose"/>.</summary>
    Oppose = 1 << 1,

    /// <summary><see cref="Stance.Abstain"/>.</summary>
    Abstain = 1 << 2,

    /// <summary><see cref="Stance.StandAside"/>.</summary>
    StandAside = 1 << 3,

    /// <summary><see cref="Stance.Block"/>.</summary>
    Block = 1 << 4,

    /// <summary><see cref="Stance.Object"/>.</summary>
    Object = 1 << 5,

    /// <summary>Every stance.</summary>
    All = Support | Oppose | Abstain | StandAside | Block | Object,
}

/// <summary>Helpers for <see cref="Stance"/> and <see cref="StanceSet"/>.</summary>
public static class Stances
{
    /// <summary>The number of stances.</summary>
    public const int Count = 6;

    /// <summary>Whether a set holds a stance.</summary>
    /// <param name="set">The set.</param>
    /// <param name="stance">The stance.</param>
    /// <returns><see langword="true"/> when <paramref name="stance"/> is in <paramref name="set"/>.</returns>
    public static bool Includes(this StanceSet set, Stance stance) => (set & stance.AsSet()) != 0;

    /// <summary>The set holding only this stance.</summary>
    /// <param name="stance">The stance.</param>
    /// <returns>The set.</returns>
    public static StanceSet AsSet(this Stance stance) => (StanceSet)(1 << ((int)stance - 1));

    /// <summary>The stance in lower case words, as explanations print it ("stand aside").</summary>
    /// <param name="stance">The stance.</param>
    /// <returns>The words.</returns>
    public static string ToWords(this Stance stance) => stance switch
    {
        Stance.Support => "support",
        Stance.Oppose => "oppose",
        Stance.Abstain => "abstain",
        Stance.StandAside => "stand aside",
        Stance.Block => "block",
        Stance.Object => "object",
        _ => stance.ToString(),
    };

    internal static int Index(this Stance stance) => (int)stance - 1;

    internal static bool IsDefinedStance(this Stance stance) => stance is >= Stance.Support and <= Stance.Object;
}
