using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using FluentValidation;
using NodaTime;

namespace Coalitions.Core.Advocacy;

/// <summary>Where a sign-on statement is in its life; <see cref="SignOnStatement.StatusAt"/> computes it from the dates.</summary>
public enum StatementStatus
{
    /// <summary>Being written; not public.</summary>
    Draft = 1,

    /// <summary>Published by a decision and open for endorsements until its closing date.</summary>
    Open = 2,

    /// <summary>Past its closing date, or closed early: it takes no more endorsements.</summary>
    Closed = 3,

    /// <summary>Dropped before publication.</summary>
    Cancelled = 4,
}

/// <summary>Whether an endorsing organization is a member of the coalition.</summary>
public enum EndorserStanding
{
    /// <summary>An active member of the coalition on the day it endorsed.</summary>
    Member = 1,

    /// <summary>An organization outside the coalition.</summary>
    Outside = 2,
}

/// <summary>Whether an endorsement is known to come from the organization it names.</summary>
public enum VerificationStatus
{
    /// <summary>Recorded by the secretariat from a letter, a form or an email; not yet confirmed with the organization.</summary>
    Pending = 1,

    /// <summary>Given by a representative the organization has named, or confirmed by the secretariat.</summary>
    Verified = 2,

    /// <summary>Found not to come from the organization; it never counted.</summary>
    Rejected = 3,
}

/// <summary>What a sign-on statement says: the input of <see cref="SignOnStatement.Draft"/>.</summary>
/// <param name="Coalition">The coalition issuing it.</param>
/// <param name="Title">Its title: one line of at most 200 characters.</param>
/// <param name="Text">Its text: at most 20,000 characters.</param>
/// <param name="ClosesOn">The last day it takes endorsements, in the coalition's time zone; in the years 1900 to 2999.</param>
public sealed record StatementDraft(CoalitionId Coalition, string Title, string Text, LocalDate ClosesOn);

/// <summary>An organization endorsing a statement, and the person who endorsed for it.</summary>
/// <param name="Organization">The organization's name: one line of at most 200 characters.</param>
/// <param name="Country">Its country, as an ISO 3166-1 alpha-2 code such as <c>KE</c>.</param>
/// <param name="Representative">The name of the person who endorsed for it: one line of at most 200 characters.</param>
/// <param name="RepresentativeTitle">Their title in the organization, if given: one line of at most 200 characters.</param>
/// <param name="Partner">The organization's partner record, when it has one.</param>
public sealed record Endorser(string Organization, string Country, string Representative, string? RepresentativeTitle = null, PartnerId? Partner = null);

/// <summary>One endorsement as recorded, with its whole history.</summary>
/// <param name="Id">The endorsement.</param>
/// <param name="Endorser">Who endorsed.</param>
/// <param name="Standing">Member or outside organization, on the day it endorsed.</param>
/// <param name="EndorsedAt">When it endorsed.</param>
/// <param name="VerifiedAt">When it was verified (at once when given by a named representative), if it was.</param>
/// <param name="RejectedAt">When it was rejected, if it was.</param>
/// <param name="WithdrawnAt">When it was withdrawn, if it was.</param>
/// <param name="Reason">Why it was rejected or withdrawn, if said.</param>
public sealed record Endorsement(EndorsementId Id, Endorser Endorser, EndorserStanding Standing, Instant EndorsedAt, Instant? VerifiedAt = null, Instant? RejectedAt = null, Instant? WithdrawnAt = null, string? Reason = null)
{
    /// <summary>The endorsement's verification status at an instant.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>Rejected, verified or pending, as it stood then.</returns>
    public VerificationStatus StatusAt(Instant at) =>
        RejectedAt is { } rejected && rejected <= at ? VerificationStatus.Rejected :
        VerifiedAt is { } verified && verified <= at ? VerificationStatus.Verified :
        VerificationStatus.Pending;

    /// <summary>Whether the endorsement stood at an instant: given by then, and neither withdrawn nor rejected by then.</summary>
    /// <param name="at">The instant.</param>
    /// <returns><see langword="true"/> when the organization was an endorser then.</returns>
    public bool StoodAt(Instant at) =>
        EndorsedAt <= at && !(WithdrawnAt is { } withdrawn && withdrawn <= at) && !(RejectedAt is { } rejected && rejected <= at);
}

/// <summary>An endorser of a statement as it stood at an instant.</summary>
/// <param name="Id">The endorsement.</param>
/// <param name="Endorser">Who endorsed.</param>
/// <param name="Standing">Member or outside organization.</param>
/// <param name="Status">Verified or pending, then.</param>
/// <param name="EndorsedAt">When it endorsed.</param>
public sealed record EndorserAt(EndorsementId Id, Endorser Endorser, EndorserStanding Standing, VerificationStatus Status, Instant EndorsedAt);

/// <summary>A sign-on statement was drafted.</summary>
/// <param name="Statement">The statement.</param>
/// <param name="Coalition">The coalition issuing it.</param>
/// <param name="TimeZone">The coalition's time zone, in which its closing date is read.</param>
/// <param name="Title">The title.</param>
/// <param name="Text">The text.</param>
/// <param name="ClosesOn">The last day it takes endorsements.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record StatementDrafted(SignOnStatementId Statement, CoalitionId Coalition, string TimeZone, string Title, string Text, LocalDate ClosesOn, Instant At, Actor By) : IDomainEvent;

/// <summary>The draft statement was revised.</summary>
/// <param name="Statement">The statement.</param>
/// <param name="Title">The new title.</param>
/// <param name="Text">The new text.</param>
/// <param name="ClosesOn">The new closing date.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record StatementRevised(SignOnStatementId Statement, string Title, string Text, LocalDate ClosesOn, Instant At, Actor By) : IDomainEvent;

/// <summary>The statement was published by a decision and opened for endorsement.</summary>
/// <param name="Statement">The statement.</param>
/// <param name="Decision">The decision it cites.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record StatementPublished(SignOnStatementId Statement, DecisionReference Decision, Instant At, Actor By) : IDomainEvent;

/// <summary>An organization endorsed the statement.</summary>
/// <param name="Statement">The statement.</param>
/// <param name="Endorsement">The endorsement.</param>
/// <param name="Endorser">Who endorsed.</param>
/// <param name="Standing">Member or outside organization.</param>
/// <param name="Status">Verified when given by a named representative; pending when recorded by the secretariat.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record StatementEndorsed(SignOnStatementId Statement, EndorsementId Endorsement, Endorser Endorser, EndorserStanding Standing, VerificationStatus Status, Instant At, Actor By) : IDomainEvent;

/// <summary>The secretariat confirmed an endorsement with the organization.</summary>
/// <param name="Statement">The statement.</param>
/// <param name="Endorsement">The endorsement.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record EndorsementVerified(SignOnStatementId Statement, EndorsementId Endorsement, Instant At, Actor By) : IDomainEvent;

/// <summary>The secretariat found an endorsement did not come from the organization it names.</summary>
/// <param name="Statement">The statement.</param>
/// <param name="Endorsement">The endorsement.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record EndorsementRejected(SignOnStatementId Statement, EndorsementId Endorsement, string Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>An organization withdrew its endorsement.</summary>
/// <param name="Statement">The statement.</param>
/// <param name="Endorsement">The endorsement.</param>
/// <param name="Reason">Why, if said.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record EndorsementWithdrawn(SignOnStatementId Statement, EndorsementId Endorsement, string? Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>The statement was closed before its closing date.</summary>
/// <param name="Statement">The statement.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record StatementClosed(SignOnStatementId Statement, Instant At, Actor By) : IDomainEvent;

/// <summary>The draft statement was dropped.</summary>
/// <param name="Statement">The statement.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record StatementCancelled(SignOnStatementId Statement, string Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>Checks a <see cref="StatementDraft"/> at the boundary.</summary>
internal sealed class StatementDraftValidator : AbstractValidator<StatementDraft>
{
    public static readonly StatementDraftValidator Instance = new();

    private StatementDraftValidator()
    {
        RuleFor(d => d.Coalition).IsId();
        RuleFor(d => d.Title).IsName();
        RuleFor(d => d.Text).IsText(Limits.DocumentLength);
        RuleFor(d => d.ClosesOn).IsDate();
    }
}

/// <summary>Checks an <see cref="Endorser"/> at the boundary and when an endorsement is replayed.</summary>
internal sealed class EndorserValidator : AbstractValidator<Endorser>
{
    public static readonly EndorserValidator Instance = new();

    private EndorserValidator()
    {
        RuleFor(e => e.Organization).IsName();
        RuleFor(e => e.Country).IsCountry(ErrorCodes.Advocacy.InvalidInput);
        RuleFor(e => e.Representative).IsName();
        RuleFor(e => e.RepresentativeTitle).IsName(required: false);
        RuleFor(e => e.Partner).IsIdOrNull();
    }
}
