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

    /// <summary>
    /// The one door check for a cited decision, shared by every aggregate that acts on one: well-formed, an adoption by
    /// this coalition on one of the matters the act needs, and taken no later than the act. A missing decision is
    /// refused only where one is required.
    /// </summary>
    /// <param name="decision">The cited decision, if any.</param>
    /// <param name="required">Whether the act needs a decision.</param>
    /// <param name="coalition">The coalition acting.</param>
    /// <param name="coalitionName">Its name, for the message.</param>
    /// <param name="at">When the act happens.</param>
    /// <param name="matters">The matters any of which authorizes the act.</param>
    /// <exception cref="CoalitionRuleException">The decision is missing where required, ill-formed, not an adoption of this coalition on those matters, or later than the act (<c>Coalitions.DecisionRequired</c>).</exception>
    internal static void Check(DecisionReference? decision, bool required, CoalitionId coalition, string coalitionName, Instant at, params MatterType[] matters)
    {
        if (decision is null)
        {
            if (required)
            {
                throw CoalitionRuleException.Because(ErrorCodes.Coalitions.DecisionRequired, "This needs an adopted decision of {coalition} on {matters}.", ("coalition", coalitionName), ("matters", Words.Alternatives(matters.Select(m => Words.Of(m)))));
            }

            return;
        }

        CheckTakenBefore(decision, at);
        if (!matters.Any(matter => decision.Authorizes(coalition, matter)))
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Coalitions.DecisionRequired,
                "The decision cited ({result}, on {cited}) is not an adopted decision of {coalition} on {matters}.",
                ("result", decision.Result), ("cited", decision.Matter), ("coalition", decision.Coalition == coalition ? coalitionName : "this coalition"), ("matters", Words.Alternatives(matters.Select(m => Words.Of(m)))));
        }

    }

    /// <summary>A cited decision is well-formed (ids, defined values, an instant within bounds) and was taken no later than the act.</summary>
    /// <param name="decision">The cited decision, if any.</param>
    /// <param name="at">When the act happens.</param>
    /// <exception cref="CoalitionRuleException">It is ill-formed, or taken after the act (<c>Coalitions.DecisionRequired</c>).</exception>
    internal static void CheckTakenBefore(DecisionReference? decision, Instant at)
    {
        if (decision is null)
        {
            return;
        }

        Ensure.Id(decision.Proposal, "decision's proposal");
        Ensure.Id(decision.Coalition, "decision's coalition");
        Ensure.Defined(decision.Matter, "decision's matter");
        Ensure.Defined(decision.Result, "decision's result");
        Ensure.At(decision.DecidedAt, "decided at");
        if (decision.DecidedAt > at)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.DecisionRequired, "The decision cited was taken on {decided}, after the act it would authorize on {at}; only a decision already taken authorizes an act.", ("decided", decision.DecidedAt), ("at", at));
        }
    }
}

/// <summary>A ballot as recorded: every ballot stays on record, the latest per voter and round counts.</summary>
/// <param name="Round">The round.</param>
/// <param name="Voter">The member.</param>
/// <param name="Stance">The stance.</param>
/// <param name="Reason">The reason, if given.</param>
/// <param name="CastBy">The person who cast it: the voter's representative, or the holder of its proxy.</param>
/// <param name="At">When.</param>
/// <param name="HolderMember">When the holder of the voter's proxy cast it: the member whose representative the holder is; <see langword="null"/> when the voter's own representative cast it.</param>
public sealed record RecordedBallot(int Round, PartnerId Voter, Stance Stance, string? Reason, PersonId? CastBy, Instant At, PartnerId? HolderMember = null)
{
    /// <summary>Gets whether the holder of the voter's proxy cast it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool ByProxy => HolderMember is not null;
}

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
