using Coalitions.Core.Kernel;
using NodaTime;

namespace Coalitions.Core.Decisions;

/// <summary>A member put a proposal in writing.</summary>
/// <param name="Proposal">The proposal.</param>
/// <param name="Coalition">The coalition it is for.</param>
/// <param name="Matter">What it is about.</param>
/// <param name="CustomMatter">The matter's name, for a custom matter.</param>
/// <param name="Title">The title.</param>
/// <param name="Text">The text (revision 1).</param>
/// <param name="Proposer">The proposing member.</param>
/// <param name="Rule">The decision rule from the rule book.</param>
/// <param name="SecondersRequired">How many members must second it before voting.</param>
/// <param name="Facilitators">The people who may open and close voting.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ProposalDrafted(
    ProposalId Proposal,
    CoalitionId Coalition,
    MatterType Matter,
    string? CustomMatter,
    string Title,
    string Text,
    PartnerId Proposer,
    DecisionRule Rule,
    int SecondersRequired,
    IReadOnlyList<PersonId> Facilitators,
    Instant At,
    Actor By) : IDomainEvent;

/// <summary>The proposer put a new revision of the text.</summary>
/// <param name="Proposal">The proposal.</param>
/// <param name="Revision">The new revision number.</param>
/// <param name="Text">The new text.</param>
/// <param name="Note">Why it changed, if said.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ProposalRevised(ProposalId Proposal, int Revision, string Text, string? Note, Instant At, Actor By) : IDomainEvent;

/// <summary>The proposer put the proposal up for discussion.</summary>
/// <param name="Proposal">The proposal.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ProposalSubmitted(ProposalId Proposal, Instant At, Actor By) : IDomainEvent;

/// <summary>A member seconded the motion.</summary>
/// <param name="Proposal">The proposal.</param>
/// <param name="Seconder">The seconding member.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MotionSeconded(ProposalId Proposal, PartnerId Seconder, Instant At, Actor By) : IDomainEvent;

/// <summary>A member declared a conflict of interest and is recused; a ballot it had cast is void.</summary>
/// <param name="Proposal">The proposal.</param>
/// <param name="Voter">The recused member.</param>
/// <param name="Reason">The interest declared.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ConflictOfInterestDeclared(ProposalId Proposal, PartnerId Voter, string Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>A round of voting opened; the first round freezes the electorate.</summary>
/// <param name="Proposal">The proposal.</param>
/// <param name="Round">The round number, from 1.</param>
/// <param name="Stage">0 under the proposal's rule, 1 under its fallback, 2 under the fallback's fallback.</param>
/// <param name="Revision">The text revision put to the vote.</param>
/// <param name="Rule">The rule of this round.</param>
/// <param name="Electorate">The frozen electorate, on the first round only.</param>
/// <param name="Deadline">When the round closes.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Proxies">The standing proxies frozen with the electorate (first round only, where the rule takes proxies); <see langword="null"/> when none.</param>
public sealed record VotingOpened(
    ProposalId Proposal,
    int Round,
    int Stage,
    int Revision,
    DecisionRule Rule,
    Electorate? Electorate,
    Instant Deadline,
    Instant At,
    Actor By,
    IReadOnlyList<StandingProxy>? Proxies = null) : IDomainEvent;

/// <summary>The facilitator recorded who is present at the meeting deciding the proposal.</summary>
/// <param name="Proposal">The proposal.</param>
/// <param name="Round">The round.</param>
/// <param name="Present">The members present.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record AttendanceRecorded(ProposalId Proposal, int Round, IReadOnlyList<PartnerId> Present, Instant At, Actor By) : IDomainEvent;

/// <summary>
/// A member's ballot was cast (or changed) by its own representative or by the holder of its proxy; the latest ballot
/// counts. <c>By</c> names the person who cast it, <c>Voter</c> the member it was cast for.
/// </summary>
/// <param name="Proposal">The proposal.</param>
/// <param name="Round">The round.</param>
/// <param name="Voter">The member.</param>
/// <param name="Stance">Its stance.</param>
/// <param name="Reason">Its reason, if given.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="HolderMember">When the holder of the voter's proxy cast it: the other member whose representative the holder is; <see langword="null"/> when the voter's own representative cast it.</param>
public sealed record BallotCast(ProposalId Proposal, int Round, PartnerId Voter, Stance Stance, string? Reason, Instant At, Actor By, PartnerId? HolderMember = null) : IDomainEvent;

/// <summary>A member gave its vote on the proposal to another member's representative, replacing any proxy it had given before.</summary>
/// <param name="Proposal">The proposal.</param>
/// <param name="Principal">The member giving its vote.</param>
/// <param name="Holder">The person who will cast it.</param>
/// <param name="HolderMember">The other member whose representative the holder is.</param>
/// <param name="At">When.</param>
/// <param name="By">The principal's representative who gave it.</param>
public sealed record ProxyGranted(ProposalId Proposal, PartnerId Principal, PersonId Holder, PartnerId HolderMember, Instant At, Actor By) : IDomainEvent;

/// <summary>A member took back its proxy on the proposal; a ballot its holder already cast stays until the member votes itself.</summary>
/// <param name="Proposal">The proposal.</param>
/// <param name="Principal">The member.</param>
/// <param name="At">When.</param>
/// <param name="By">The principal's representative who revoked it.</param>
public sealed record ProxyRevoked(ProposalId Proposal, PartnerId Principal, Instant At, Actor By) : IDomainEvent;

/// <summary>A quorum reached late moved the deadline.</summary>
/// <param name="Proposal">The proposal.</param>
/// <param name="Round">The round.</param>
/// <param name="Deadline">The new deadline.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record DeadlineExtended(ProposalId Proposal, int Round, Instant Deadline, Instant At, Actor By) : IDomainEvent;

/// <summary>How a round ended, and what follows it.</summary>
public enum RoundEnding
{
    /// <summary>The outcome is the proposal's final result.</summary>
    Final = 1,

    /// <summary>The rule's fallback opens the next round.</summary>
    Fallback = 2,

    /// <summary>The proposal goes back to discussion, to be revised for another round under the same rule.</summary>
    Revision = 3,

    /// <summary>The proposer amended the text during a consent or consensus round, which starts a new round.</summary>
    Amended = 4,
}

/// <summary>A round closed with its outcome, stored as figures; its explanation is rendered when read (<see cref="Decisions.Proposal.Explanation"/>).</summary>
/// <remarks>Schema version 2. Version 1 also stored the explanation and the rule, quorum and conditions in words; its upcaster drops that prose.</remarks>
/// <param name="Proposal">The proposal.</param>
/// <param name="Round">The round.</param>
/// <param name="Outcome">The figures of the round's outcome, decided by the round's rule (<see cref="ProposalRound.Rule"/>).</param>
/// <param name="Ending">What follows.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record RoundClosed(ProposalId Proposal, int Round, DecisionOutcome Outcome, RoundEnding Ending, Instant At, Actor By) : IDomainEvent;

/// <summary>The proposer withdrew the proposal.</summary>
/// <param name="Proposal">The proposal.</param>
/// <param name="Reason">Why, if said.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ProposalWithdrawn(ProposalId Proposal, string? Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>An adopted proposal was carried out.</summary>
/// <param name="Proposal">The proposal.</param>
/// <param name="Note">How, if said.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ProposalImplemented(ProposalId Proposal, string? Note, Instant At, Actor By) : IDomainEvent;

/// <summary>A date was set to review an adopted decision.</summary>
/// <param name="Proposal">The proposal.</param>
/// <param name="ReviewOn">The review date.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ReviewScheduled(ProposalId Proposal, LocalDate ReviewOn, Instant At, Actor By) : IDomainEvent;
