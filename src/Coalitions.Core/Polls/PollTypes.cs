using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Contracts;
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
/// (score: the score; dot vote: the dots; meeting time: <see cref="SlotAnswer"/> as 0, 1 or 2). A ranked ballot may
/// instead give <see cref="Ranks"/>, the options marked at each rank as a paper ballot or a cast vote record has them:
/// a rank with no mark is a skipped rank, a rank with several marks an overvote (or an equal ranking), and an option
/// may be marked at more than one rank; the rule's <see cref="RankedBallotRules"/> say how such a ballot counts. A
/// ranked ballot with no mark at all is an empty ballot: recorded and counted as cast, for no option.
/// </summary>
/// <param name="Voter">The voter.</param>
/// <param name="Ranking">The options chosen, in order.</param>
/// <param name="Points">Points per option key.</param>
/// <param name="Ranks">Ranked methods only, instead of <paramref name="Ranking"/>: the options marked at each rank, first rank first.</param>
public sealed record PollBallot(PartnerId Voter, IReadOnlyList<string> Ranking, IReadOnlyDictionary<string, int> Points, IReadOnlyList<IReadOnlyList<string>>? Ranks = null)
{
    /// <summary>A ballot choosing or ranking options.</summary>
    /// <param name="voter">The voter.</param>
    /// <param name="options">The options, most preferred first.</param>
    /// <returns>The ballot.</returns>
    public static PollBallot Ranked(PartnerId voter, params string[] options) => new(voter, options, new Dictionary<string, int>());

    /// <summary>A ranked ballot as marked, rank by rank: an empty rank is skipped, several options at one rank are an overvote or an equal ranking.</summary>
    /// <param name="voter">The voter.</param>
    /// <param name="ranks">The options marked at each rank, first rank first.</param>
    /// <returns>The ballot.</returns>
    public static PollBallot Marked(PartnerId voter, params IReadOnlyList<string>[] ranks) => new(voter, [], new Dictionary<string, int>(), ranks);

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

/// <summary>
/// Identical ranked ballots counted together, as ballot files (BLT) and cast vote record exports hold them: no voter,
/// just how many ballots were marked this way.
/// </summary>
/// <param name="Count">How many ballots, at least one.</param>
/// <param name="Ranks">The options marked at each rank, first rank first (as <see cref="PollBallot.Ranks"/>); none at all for empty ballots.</param>
public sealed record BallotLine(int Count, IReadOnlyList<IReadOnlyList<string>> Ranks);

/// <summary>What a ranked count does with a rank marked for several options.</summary>
public enum OvervoteRule
{
    /// <summary>The ballot is refused: a poll's own form never lets a voter mark two options at one rank.</summary>
    Refuse = 1,

    /// <summary>The ballot stops counting when the count reaches that rank (RCTab "exhaust immediately"; Minneapolis).</summary>
    Exhaust = 2,

    /// <summary>The rank is passed over and the ballot goes on to the next rank (RCTab "always skip to next rank").</summary>
    SkipToNext = 3,

    /// <summary>
    /// Instant runoff and Gregory STV: at that rank the ballot counts for the one marked option still continuing; with
    /// none it goes on to the next rank, with two or more it stops counting (RCTab "exhaust if multiple continuing").
    /// </summary>
    ExhaustIfSeveralContinuing = 4,

    /// <summary>
    /// Copeland and Meek STV only: the options marked at one rank are ranked equal. Copeland counts neither as preferred
    /// to the other; Meek's method splits the value reaching the rank equally among them (Droop's rule for equal rankings).
    /// </summary>
    RankedEqually = 5,
}

/// <summary>What a ranked count does with an option marked at more than one rank.</summary>
public enum DuplicateRule
{
    /// <summary>The ballot is refused.</summary>
    Refuse = 1,

    /// <summary>The ballot stops counting when the count reaches the repeated mark (RCTab "exhaust on duplicate candidate").</summary>
    Exhaust = 2,

    /// <summary>The repeated mark is passed over: only an option's first mark counts.</summary>
    Skip = 3,
}

/// <summary>
/// How a ranked count reads ballots marked by hand or exported by a scanner: overvotes, skipped ranks and repeated
/// options, in the manner of RCTab's rules. The default refuses overvotes and repeats and allows any skips.
/// </summary>
/// <param name="Overvote">What several options marked at one rank mean.</param>
/// <param name="Duplicate">What an option marked at more than one rank means.</param>
/// <param name="MaxConsecutiveSkips">
/// How many ranks in a row a ballot may leave blank before a later mark; a longer gap stops the ballot there, as if it
/// ended (RCTab "maximum skipped ranks allowed"). Null: any gap is passed over.
/// </param>
public sealed record RankedBallotRules(OvervoteRule Overvote = OvervoteRule.Refuse, DuplicateRule Duplicate = DuplicateRule.Refuse, int? MaxConsecutiveSkips = null)
{
    /// <summary>Gets the default rules: overvotes and repeated options refused, skipped ranks passed over.</summary>
    public static RankedBallotRules Strict { get; } = new();
}

/// <summary>The quota a ranked count elects at.</summary>
public enum QuotaKind
{
    /// <summary>Droop: more than 1 ÷ (seats + 1) of the votes (with one seat, a majority).</summary>
    Droop = 1,

    /// <summary>Hare: 1 ÷ seats of the votes. Gregory STV only.</summary>
    Hare = 2,
}

/// <summary>How ties are broken when the count must choose among options with equal votes.</summary>
public enum TieBreak
{
    /// <summary>
    /// The latest earlier round in which the tied options' totals differed decides (the fewest is eliminated, the most is
    /// elected or transferred first; rules 49 and 51 of the Scottish order); if they never differed, a lot drawn from the
    /// host's seed. Single-round methods go straight to the lot.
    /// </summary>
    EarlierRoundsThenLot = 1,

    /// <summary>
    /// A permutation of the options published before the count (<see cref="PollRule.TieOrder"/>): the tied option listed
    /// first wins or goes first, the one listed last is eliminated (RCTab "use candidate order").
    /// </summary>
    Permutation = 2,

    /// <summary>
    /// A facilitator decides each tie, and the decision is recorded on the poll (RCTab "stop counting and ask"); until it
    /// is, the count stops at the tie (<see cref="PollResult.PendingTie"/>).
    /// </summary>
    HostDecision = 3,

    /// <summary>Earlier rounds as <see cref="EarlierRoundsThenLot"/>, then the published permutation.</summary>
    EarlierRoundsThenPermutation = 4,

    /// <summary>Earlier rounds as <see cref="EarlierRoundsThenLot"/>, then a facilitator's recorded decision.</summary>
    EarlierRoundsThenHostDecision = 5,
}

/// <summary>What a tie decides.</summary>
public enum TieKind
{
    /// <summary>A tie for last place: the chosen option is eliminated.</summary>
    LastPlace = 1,

    /// <summary>A tie for first place: the chosen option wins (is elected first, or goes to the runoff).</summary>
    FirstPlace = 2,

    /// <summary>Equal surpluses (Gregory STV): the chosen candidate's surplus is transferred first.</summary>
    SurplusFirst = 3,
}

/// <summary>How a tie was broken.</summary>
public enum TieResolution
{
    /// <summary>By the totals of an earlier round.</summary>
    EarlierRound = 1,

    /// <summary>By lot, from the host's seed.</summary>
    Lot = 2,

    /// <summary>By the published permutation.</summary>
    Permutation = 3,

    /// <summary>By a facilitator's decision recorded on the poll.</summary>
    Host = 4,
}

/// <summary>
/// A tie the count met, and how it was broken; also the form in which a facilitator records a decision
/// (<see cref="Poll.DecideTie"/>) and in which a count waits for one (<see cref="PollResult.PendingTie"/>).
/// </summary>
/// <param name="Round">The round whose totals show the tie, from 1.</param>
/// <param name="Kind">What the tie decides.</param>
/// <param name="Tied">The tied options' keys, in the order listed.</param>
/// <param name="Chosen">The option the tie was decided for (eliminated, elected or transferred first); null while it awaits a decision.</param>
/// <param name="By">How it was or is to be broken.</param>
public sealed record PollTie(int Round, TieKind Kind, IReadOnlyList<string> Tied, string? Chosen, TieResolution By);

/// <summary>What a poll decides, for the words its result uses.</summary>
public enum PollPurpose
{
    /// <summary>A choice among options (a theme, a date): the result says "Chosen".</summary>
    Choice = 1,

    /// <summary>An election of people: the result says "Elected". Single transferable vote always fills seats and always says "Elected".</summary>
    Election = 2,
}

/// <summary>How single transferable vote passes on surpluses.</summary>
public enum StvTransfer
{
    /// <summary>
    /// Meek's method, as the Proportional Representation Foundation's Meek reference rule counts it: every elected
    /// candidate keeps just a quota of each ballot's value through a keep factor, surpluses are recomputed from scratch
    /// until they settle, the quota falls as ballots exhaust. Nine decimal places, each share and keep factor rounded
    /// up; iteration stops when a candidate is elected or the total surplus is below 0.000001 or stops falling.
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
/// <param name="CompleteRankings">Ranked methods: whether a ballot must rank every option (an empty ballot is still recorded).</param>
/// <param name="Visibility">When results may be seen; can never be loosened once a ballot exists.</param>
/// <param name="Anonymous">Whether results and read models never reveal who chose what.</param>
/// <param name="Transfer">STV only: how surpluses pass on (Meek by default).</param>
/// <param name="BallotRules">Ranked methods: how overvotes, skipped ranks and repeated options are read; null for <see cref="RankedBallotRules.Strict"/>.</param>
/// <param name="TieBreak">How ties are broken.</param>
/// <param name="TieOrder">For a permutation tie-break: every option's key once, in the published order.</param>
/// <param name="BatchElimination">
/// Instant runoff and STV: eliminate at once every candidate who cannot win: the largest group of lowest candidates whose
/// votes together, plus any surplus not yet passed on, are fewer than the votes of the next candidate, keeping at least as
/// many candidates as seats remain (RCTab batch elimination; Droop's "sure losers").
/// </param>
/// <param name="ContinueUntilTwoRemain">Instant runoff only: once the winner is known, go on eliminating until two options remain, for reporting.</param>
/// <param name="Quota">Gregory STV: the Droop or the Hare quota. Instant runoff and Meek use Droop's.</param>
/// <param name="FractionalQuota">
/// Gregory STV: the quota in fractions (votes ÷ (seats + 1), to five decimals, plus 0.00001; Hare: votes ÷ seats, rounded up
/// to five decimals) rather than whole votes (the Droop quota rounded down plus one; Hare rounded up).
/// </param>
/// <param name="ThresholdFromFirstRound">
/// Instant runoff only: the winning threshold (more than half) is fixed from the first round's continuing ballots rather
/// than recomputed every round; when two remain and neither reaches it, the one with more votes wins.
/// </param>
/// <param name="Purpose">What the poll decides, for the words of its result ("Chosen" or "Elected").</param>
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
    StvTransfer Transfer = StvTransfer.Meek,
    RankedBallotRules? BallotRules = null,
    TieBreak TieBreak = TieBreak.EarlierRoundsThenLot,
    IReadOnlyList<string>? TieOrder = null,
    bool BatchElimination = false,
    bool ContinueUntilTwoRemain = false,
    QuotaKind Quota = QuotaKind.Droop,
    bool FractionalQuota = false,
    bool ThresholdFromFirstRound = false,
    PollPurpose Purpose = PollPurpose.Choice)
{
    /// <summary>Gets whether the method reads <see cref="PollBallot.Ranking"/> as an order of preference.</summary>
    [JsonIgnore]
    public bool IsRanked => Method is PollMethod.RankedChoice or PollMethod.Copeland or PollMethod.SingleTransferableVote;

    /// <summary>Gets the ballot rules in force: <see cref="BallotRules"/>, or <see cref="RankedBallotRules.Strict"/>.</summary>
    internal RankedBallotRules EffectiveBallotRules => BallotRules ?? RankedBallotRules.Strict;
}

/// <summary>An option's total in a round.</summary>
/// <param name="Option">The option's key.</param>
/// <param name="Votes">Its votes (Gregory STV: to five decimals; Meek: to nine), or points, approvals, dots: from 0 to 10<sup>15</sup>.</param>
/// <remarks>A total out of range is refused when created (<c>Kernel.OutOfRange</c>), so none can be stored or read.</remarks>
public sealed record OptionTotal(string Option, decimal Votes)
{
    /// <summary>Gets its votes, points, approvals or dots.</summary>
    public decimal Votes { get; init; } = PollFigures.Check(Votes, nameof(Votes));
}

/// <summary>
/// One round of a count, for the round-by-round table: figures only. <see cref="Note"/> puts them in words, naming
/// options by their labels; it is rendered when a result is read and never stored, so the wording can improve or be
/// translated without rewriting a stored result.
/// </summary>
/// <param name="Number">The round, from 1.</param>
/// <param name="Totals">Each continuing option's total (STV: each option not excluded before the round).</param>
/// <param name="Elected">Options elected in this round.</param>
/// <param name="Eliminated">Options eliminated in this round.</param>
/// <param name="Exhausted">Ballot value no longer counting for any option: from 0 to 10<sup>15</sup>.</param>
public sealed record PollRound(int Number, IReadOnlyList<OptionTotal> Totals, IReadOnlyList<string> Elected, IReadOnlyList<string> Eliminated, decimal Exhausted)
{
    private readonly decimal? _threshold;
    private readonly IReadOnlyList<string> _electedWithoutQuota = [];

    /// <summary>Gets the ballot value no longer counting for any option.</summary>
    public decimal Exhausted { get; init; } = PollFigures.Check(Exhausted, nameof(Exhausted));

    /// <summary>
    /// Gets the votes an option needed in this round: instant runoff's threshold (more than half the continuing
    /// ballots, or the one fixed from the first round), STV's quota; null for single-round methods and in rounds stored
    /// before thresholds were recorded. From 0 to 10<sup>15</sup>.
    /// </summary>
    public decimal? Threshold
    {
        get => _threshold;
        init => _threshold = value is { } threshold ? PollFigures.Check(threshold, nameof(Threshold)) : null;
    }

    /// <summary>Gets, for Gregory STV, the elected option whose surplus passes on after this round; otherwise null.</summary>
    public string? SurplusTransferred { get; init; }

    /// <summary>
    /// Gets, for STV, the options of <see cref="Elected"/> elected without reaching the quota because no more
    /// continued than seats were left; empty otherwise.
    /// </summary>
    public IReadOnlyList<string> ElectedWithoutQuota
    {
        get => _electedWithoutQuota;
        init => _electedWithoutQuota = value ?? [];
    }

    /// <summary>
    /// Gets what happened in this round, in words, naming options by their labels: rendered from the figures when the
    /// result is read (<see cref="PollResult.WithExplanation"/>), never stored; empty on a round read on its own.
    /// </summary>
    [JsonIgnore]
    public string Note { get; init; } = string.Empty;
}

/// <summary>How many voters answered yes, if need be and no for one slot of a meeting-time poll.</summary>
/// <param name="Option">The slot's key.</param>
/// <param name="Yes">Voters who can attend.</param>
/// <param name="IfNeedBe">Voters who can attend if need be.</param>
/// <param name="No">Voters who cannot attend.</param>
public sealed record SlotAvailability(string Option, int Yes, int IfNeedBe, int No);

/// <summary>
/// The result of a poll: figures only (winners, rounds, ties, counts). <see cref="Explanation"/> and each round's
/// <see cref="PollRound.Note"/> put them in words; they are rendered when the result is read, from the figures and the
/// poll's rule and option labels, and never stored.
/// </summary>
/// <remarks>
/// <para><see cref="PollTally.Count(PollRule, IReadOnlyList{PollOption}, IReadOnlyList{PollBallot}, ulong)"/> and
/// <see cref="Poll.Result"/> give results with their words. A result read on its own from JSON (a read model) carries
/// figures only: <see cref="WithExplanation"/> renders its words.</para>
/// </remarks>
/// <param name="Method">The method.</param>
/// <param name="Winners">The winning options, in the order they won; empty while the count awaits a tie decision.</param>
/// <param name="Rounds">The count, round by round (one round for single-round methods).</param>
/// <param name="Ballots">The number of ballots counted, empty ballots included.</param>
/// <param name="Runoff">Plurality with a majority required: the two options that go to a runoff, when nobody had a majority.</param>
/// <param name="TiesBrokenByLot">Whether a tie was broken by lot (with the host's seed).</param>
public sealed record PollResult(PollMethod Method, IReadOnlyList<string> Winners, IReadOnlyList<PollRound> Rounds, int Ballots, IReadOnlyList<string> Runoff, bool TiesBrokenByLot)
{
    private readonly IReadOnlyList<PollTie> _ties = [];
    private readonly IReadOnlyList<SlotAvailability> _availability = [];

    /// <summary>Gets the number of ranked ballots with no mark at all: counted as cast, for no option, in no quota or majority.</summary>
    public int EmptyBallots { get; init; }

    /// <summary>Gets every tie the count broke, in order, with how it was broken (empty in results stored before ties were recorded).</summary>
    public IReadOnlyList<PollTie> Ties
    {
        get => _ties;
        init => _ties = value ?? [];
    }

    /// <summary>Gets the tie the count stopped at, awaiting a facilitator's decision (<see cref="TieBreak.HostDecision"/>); null when the count is complete.</summary>
    public PollTie? PendingTie { get; init; }

    /// <summary>Gets, for a meeting-time poll, each slot's answers in the order listed; empty for other methods (and in results stored before they were recorded).</summary>
    public IReadOnlyList<SlotAvailability> Availability
    {
        get => _availability;
        init => _availability = value ?? [];
    }

    /// <summary>
    /// Gets the result in words, naming options by their labels: rendered from the figures when the result is read,
    /// never stored. Empty on a result read on its own from JSON; <see cref="WithExplanation"/> renders it.
    /// </summary>
    [JsonIgnore]
    public string Explanation { get; init; } = string.Empty;

    /// <summary>
    /// The result with its words: <see cref="Explanation"/> and every round's <see cref="PollRound.Note"/>, rendered
    /// from the figures, the rule the poll counted by and its options' labels, in the invariant culture.
    /// </summary>
    /// <param name="rule">The rule the poll was counted by.</param>
    /// <param name="options">The poll's options; an option the figures name that is not among them is named by its key.</param>
    /// <returns>A copy of the result with its words.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> or <paramref name="options"/> is null.</exception>
    [Pure]
    public PollResult WithExplanation(PollRule rule, IReadOnlyList<PollOption> options) => PollExplanation.Render(this, rule, options);
}

/// <summary>The bounds of the figures a result holds.</summary>
internal static class PollFigures
{
    /// <summary>The largest total, threshold or exhausted value a round holds: far above any count's (2<sup>31</sup> ballots of weight 1, or of 1,000 points).</summary>
    public const decimal Max = 1_000_000_000_000_000m;

    public static decimal Check(decimal value, string name) =>
        value >= 0 && value <= Max
            ? value
            : throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "The {name} of a poll's count is from 0 to {max} (got {value}).", ("name", Words.Identifier(name)), ("max", Max), ("value", value));
}
