using Coalitions.Core.Kernel;
using NodaTime;

namespace Coalitions.Core.Decisions;

/// <summary>
/// A citation of a decision taken by a proposal: other aggregates cite one where the rule book requires a
/// decision (suspending a member, amending the charter or an agreement).
/// </summary>
/// <param name="Proposal">The proposal that decided.</param>
/// <param name="Coalition">The coalition that decided.</param>
/// <param name="Matter">What was decided.</param>
/// <param name="Result">The result.</param>
/// <param name="DecidedAt">When the decision was taken.</param>
public sealed record DecisionReference(ProposalId Proposal, CoalitionId Coalition, MatterType Matter, DecisionResult Result, Instant DecidedAt)
{
    /// <summary>Gets whether the cited decision adopted the proposal.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsAdoption => Result == DecisionResult.Adopted;

    /// <summary>
    /// Whether this decision authorizes an action: it must be an adoption, by the coalition taking the action, on the
    /// matter the action needs. The one check behind every "cites an adopted decision" rule.
    /// </summary>
    /// <param name="coalition">The coalition acting.</param>
    /// <param name="matter">The matter the action needs a decision on.</param>
    /// <returns><see langword="true"/> when the decision authorizes it.</returns>
    public bool Authorizes(CoalitionId coalition, MatterType matter) => IsAdoption && Coalition == coalition && Matter == matter;
}

/// <summary>A ballot as recorded: every ballot stays on record, the latest per voter and round counts.</summary>
/// <param name="Round">The round.</param>
/// <param name="Voter">The member.</param>
/// <param name="Stance">The stance.</param>
/// <param name="Reason">The reason, if given.</param>
/// <param name="CastBy">The representative who cast it.</param>
/// <param name="At">When.</param>
public sealed record RecordedBallot(int Round, PartnerId Voter, Stance Stance, string? Reason, PersonId? CastBy, Instant At);

/// <summary>One round of voting on a proposal.</summary>
/// <param name="Number">The round number, from 1.</param>
/// <param name="Stage">0 under the proposal's rule, 1 under its fallback, and so on.</param>
/// <param name="Revision">The text revision voted on.</param>
/// <param name="Rule">The rule applied.</param>
/// <param name="OpenedAt">When it opened.</param>
/// <param name="Deadline">Its deadline (after any extension).</param>
/// <param name="Outcome">Its outcome, once closed.</param>
/// <param name="Ending">How it ended, once closed.</param>
public sealed record ProposalRound(int Number, int Stage, int Revision, DecisionRule Rule, Instant OpenedAt, Instant Deadline, DecisionOutcome? Outcome, RoundEnding? Ending);

/// <summary>Where a proposal is in its lifecycle.</summary>
public enum ProposalStatus
{
    /// <summary>Being written by its proposer.</summary>
    Draft = 1,

    /// <summary>Open for discussion and seconding (or returned for revision between rounds).</summary>
    Discussion = 2,

    /// <summary>A round of voting is open.</summary>
    Voting = 3,

    /// <summary>Decided; <see cref="Proposal.Outcome"/> holds the result.</summary>
    Closed = 4,

    /// <summary>Adopted and carried out.</summary>
    Implemented = 5,

    /// <summary>Withdrawn by its proposer before voting closed.</summary>
    Withdrawn = 6,
}
