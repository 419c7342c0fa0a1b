using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Polls;

/// <summary>Identifies a poll or election.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<PollId>))]
public readonly record struct PollId : ITypedId<PollId>
{
    private PollId(Guid value) => Value = value;

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>Creates a new, random id.</summary>
    /// <returns>A fresh id.</returns>
    public static PollId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public static PollId FromGuid(Guid value) => new(TypedId.Check(value, nameof(PollId)));

    /// <summary>Parses the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static PollId Parse(string text) => TypedId.Parse<PollId>(text);

    /// <summary>Tries to parse the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="id">The id, when parsing succeeded.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a non-empty GUID.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out PollId id) => TypedId.TryParse(text, out id);

    /// <summary>Returns the GUID in its "D" form.</summary>
    /// <returns>The id as text.</returns>
    public override string ToString() => Value.ToString("D");
}

/// <summary>How a poll counts.</summary>
public enum PollMethod
{
    /// <summary>One choice each; most votes wins (optionally a majority, else a runoff of the top two).</summary>
    Plurality = 1,

    /// <summary>Approve any number of options; most approvals wins.</summary>
    Approval = 2,

    /// <summary>Rank the options; instant runoff eliminates the last until one has a majority of continuing ballots (one seat).</summary>
    RankedChoice = 3,

    /// <summary>Rank the options; the option winning the most head-to-head contests wins (Copeland).</summary>
    Copeland = 4,

    /// <summary>Rank the candidates; single transferable vote fills several seats (Meek's method by default, or weighted inclusive Gregory).</summary>
    SingleTransferableVote = 5,

    /// <summary>Score each option from 0 to the maximum; the highest total wins (range voting).</summary>
    Score = 6,

    /// <summary>Spread a budget of dots over the options, with a cap per option; most dots wins.</summary>
    DotVote = 7,

    /// <summary>Answer yes, if need be or no for each time slot; the slot the most can attend wins, then the one with the most yes.</summary>
    MeetingTime = 8,
}

/// <summary>An answer for a meeting-time slot, as a poll counts it.</summary>
public enum SlotAnswer
{
    /// <summary>Cannot attend.</summary>
    No = 0,

    /// <summary>Can attend if need be.</summary>
    IfNeedBe = 1,

    /// <summary>Can attend.</summary>
    Yes = 2,
}

/// <summary>When results may be seen.</summary>
public enum ResultsVisibility
{
    /// <summary>Always, while voting is open too.</summary>
    Always = 1,

    /// <summary>By a voter once it has voted, and by everyone after close.</summary>
    AfterVoting = 2,

    /// <summary>Only after close.</summary>
    AfterClose = 3,
}

/// <summary>An option: a candidate, a theme, a time slot.</summary>
/// <param name="Key">A short key, unique within the poll.</param>
/// <param name="Label">How it is shown.</param>
public sealed record PollOption(string Key, string Label);

/// <summary>
/// A ballot as the count reads it. <see cref="Ranking"/> holds the chosen options in order (plurality: one; approval:
/// the approved ones; ranked methods: the ranking, most preferred first). <see cref="Points"/> holds points per option
/// (score: the score; dot vote: the dots; meeting time: <see cref="SlotAnswer"/> as 0, 1 or 2).
/// </summary>
/// <param name="Voter">The voter.</param>
/// <param name="Ranking">The options chosen, in order.</param>
/// <param name="Points">Points per option key.</param>
public sealed record PollBallot(PartnerId Voter, IReadOnlyList<string> Ranking, IReadOnlyDictionary<string, int> Points)
{
    /// <summary>A ballot choosing or ranking options.</summary>
    /// <param name="voter">The voter.</param>
    /// <param name="options">The options, most preferred first.</param>
    /// <returns>The ballot.</returns>
    public static PollBallot Ranked(PartnerId voter, params string[] options) => new(voter, options, new Dictionary<string, int>());

    /// <summary>A ballot giving points to options.</summary>
    /// <param name="voter">The voter.</param>
    /// <param name="points">Points per option key.</param>
    /// <returns>The ballot.</returns>
    public static PollBallot Scored(PartnerId voter, IReadOnlyDictionary<string, int> points) => new(voter, [], points);

    /// <summary>A meeting-time ballot.</summary>
    /// <param name="voter">The voter.</param>
    /// <param name="answers">The answer per slot key.</param>
    /// <returns>The ballot.</returns>
    public static PollBallot Availability(PartnerId voter, IReadOnlyDictionary<string, SlotAnswer> answers) =>
        new(voter, [], answers.ToDictionary(a => a.Key, a => (int)a.Value, StringComparer.Ordinal));
}

/// <summary>How single transferable vote passes on surpluses.</summary>
public enum StvTransfer
{
    /// <summary>
    /// Meek's method: every elected candidate keeps just a quota of each ballot's value through a keep factor, surpluses
    /// are recomputed from scratch until they settle, the quota falls as ballots exhaust, and votes never pass to an
    /// elected or excluded candidate. Values are kept to nine decimal places; keep factors round up.
    /// </summary>
    Meek = 1,

    /// <summary>
    /// Weighted inclusive Gregory, as in the Scottish Local Government Elections Order 2007: a surplus passes on every
    /// ballot of the elected candidate, each at its value × surplus ÷ the candidate's votes, truncated once to five
    /// decimal places (rule 48(3)); the Droop quota is fixed.
    /// </summary>
    WeightedInclusiveGregory = 2,
}

/// <summary>How a poll counts and who sees what.</summary>
/// <param name="Method">The method.</param>
/// <param name="Seats">How many options win (STV: the seats to fill; others: 1).</param>
/// <param name="RequireMajority">Plurality only: the winner needs more than half the ballots, else the top two go to a runoff.</param>
/// <param name="MaxScore">Score only: the highest score.</param>
/// <param name="DotsPerVoter">Dot vote only: each voter's budget of dots.</param>
/// <param name="MaxDotsPerOption">Dot vote only: the most dots a voter may put on one option.</param>
/// <param name="CompleteRankings">Ranked methods: whether a ballot must rank every option.</param>
/// <param name="Visibility">When results may be seen; can never be loosened once a ballot exists.</param>
/// <param name="Anonymous">Whether results and read models never reveal who chose what.</param>
/// <param name="Transfer">STV only: how surpluses pass on (Meek by default).</param>
public sealed record PollRule(
    PollMethod Method,
    int Seats = 1,
    bool RequireMajority = false,
    int MaxScore = 5,
    int DotsPerVoter = 5,
    int? MaxDotsPerOption = null,
    bool CompleteRankings = false,
    ResultsVisibility Visibility = ResultsVisibility.AfterClose,
    bool Anonymous = false,
    StvTransfer Transfer = StvTransfer.Meek)
{
    /// <summary>Gets whether the method reads <see cref="PollBallot.Ranking"/> as an order of preference.</summary>
    [JsonIgnore]
    public bool IsRanked => Method is PollMethod.RankedChoice or PollMethod.Copeland or PollMethod.SingleTransferableVote;
}

/// <summary>An option's total in a round.</summary>
/// <param name="Option">The option's key.</param>
/// <param name="Votes">Its votes (STV: to five decimals), or points, approvals, dots.</param>
public sealed record OptionTotal(string Option, decimal Votes);

/// <summary>One round of a count, for the round-by-round table.</summary>
/// <param name="Number">The round, from 1.</param>
/// <param name="Totals">Each continuing option's total.</param>
/// <param name="Elected">Options elected in this round.</param>
/// <param name="Eliminated">Options eliminated in this round.</param>
/// <param name="Exhausted">Ballot value no longer counting for any option.</param>
/// <param name="Note">What happened, in words.</param>
public sealed record PollRound(int Number, IReadOnlyList<OptionTotal> Totals, IReadOnlyList<string> Elected, IReadOnlyList<string> Eliminated, decimal Exhausted, string Note);

/// <summary>The result of a poll.</summary>
/// <param name="Method">The method.</param>
/// <param name="Winners">The winning options, in the order they won.</param>
/// <param name="Rounds">The count, round by round (one round for single-round methods).</param>
/// <param name="Ballots">The number of ballots counted.</param>
/// <param name="Runoff">Plurality with a majority required: the two options that go to a runoff, when nobody had a majority.</param>
/// <param name="TiesBrokenByLot">Whether a tie was broken by lot (with the host's seed).</param>
/// <param name="Explanation">The result in words.</param>
public sealed record PollResult(PollMethod Method, IReadOnlyList<string> Winners, IReadOnlyList<PollRound> Rounds, int Ballots, IReadOnlyList<string> Runoff, bool TiesBrokenByLot, string Explanation);

/// <summary>
/// Ties broken by lot: a deterministic shuffle driven by a seed the host supplies (for example drawn in public at the
/// meeting), so the same seed always gives the same result.
/// </summary>
internal sealed class Lot(ulong seed)
{
    private ulong _state = seed;

    public bool Used { get; private set; }

    /// <summary>Picks one of the tied options (already in a stable order).</summary>
    public T Pick<T>(IReadOnlyList<T> tied)
    {
        if (tied.Count == 1)
        {
            return tied[0];
        }

        Used = true;
        return tied[(int)(Next() % (ulong)tied.Count)];
    }

    // SplitMix64: small, well mixed, and the same on every platform.
    private ulong Next()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
