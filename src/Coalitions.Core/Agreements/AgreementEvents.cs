using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using NodaTime;

namespace Coalitions.Core.Agreements;

/// <summary>An agreement was drafted.</summary>
/// <param name="Agreement">The agreement.</param>
/// <param name="Coalition">The coalition.</param>
/// <param name="Type">Its type.</param>
/// <param name="Title">Its title.</param>
/// <param name="Parties">Its parties.</param>
/// <param name="Version">Version 1.</param>
/// <param name="AmendmentsNeedDecision">Whether amendments need a decision.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record AgreementDrafted(AgreementId Agreement, CoalitionId Coalition, AgreementType Type, string Title, IReadOnlyList<AgreementParty> Parties, AgreementVersion Version, bool AmendmentsNeedDecision, Instant At, Actor By) : IDomainEvent;

/// <summary>The text was revised: the same version before any signature, a new one after.</summary>
/// <param name="Agreement">The agreement.</param>
/// <param name="Version">The revised version.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record AgreementRevised(AgreementId Agreement, AgreementVersion Version, Instant At, Actor By) : IDomainEvent;

/// <summary>The agreement was circulated for signature.</summary>
/// <param name="Agreement">The agreement.</param>
/// <param name="Version">The version circulated.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record AgreementCirculated(AgreementId Agreement, int Version, Instant At, Actor By) : IDomainEvent;

/// <summary>A party signed a version.</summary>
/// <param name="Agreement">The agreement.</param>
/// <param name="Version">The version.</param>
/// <param name="Party">The party.</param>
/// <param name="Person">The signatory.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record AgreementSigned(AgreementId Agreement, int Version, PartnerId Party, PersonId Person, Instant At, Actor By) : IDomainEvent;

/// <summary>
/// Every party signed a version: it binds them and replaces any earlier version. The agreement is in force from the
/// first day of its terms; signed before that day, it is signed but not yet in force.
/// </summary>
/// <param name="Agreement">The agreement.</param>
/// <param name="Version">The version that now binds the parties.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record AgreementEnteredIntoForce(AgreementId Agreement, int Version, Instant At, Actor By) : IDomainEvent;

/// <summary>An amendment was proposed as a new version.</summary>
/// <param name="Agreement">The agreement.</param>
/// <param name="Version">The proposed version.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record AmendmentProposed(AgreementId Agreement, AgreementVersion Version, Instant At, Actor By) : IDomainEvent;

/// <summary>A commitment was met.</summary>
/// <param name="Agreement">The agreement.</param>
/// <param name="Commitment">The commitment's key.</param>
/// <param name="On">The date it was met.</param>
/// <param name="Note">A note.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record CommitmentFulfilled(AgreementId Agreement, string Commitment, LocalDate On, string? Note, Instant At, Actor By) : IDomainEvent;

/// <summary>A commitment was waived by a party it is owed to.</summary>
/// <param name="Agreement">The agreement.</param>
/// <param name="Commitment">The commitment's key.</param>
/// <param name="On">The date.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Decision">The adopted decision that released the commitment for every party it is owed to, where there are several.</param>
public sealed record CommitmentWaived(AgreementId Agreement, string Commitment, LocalDate On, string Reason, Instant At, Actor By, DecisionReference? Decision = null) : IDomainEvent;

/// <summary>A party gave notice of withdrawal.</summary>
/// <param name="Agreement">The agreement.</param>
/// <param name="Party">The party.</param>
/// <param name="BoundUntil">The last day it is bound.</param>
/// <param name="Reason">Why, if said.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record NoticeGiven(AgreementId Agreement, PartnerId Party, LocalDate BoundUntil, string? Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>The agreement was terminated early.</summary>
/// <param name="Agreement">The agreement.</param>
/// <param name="Reason">Why.</param>
/// <param name="Decision">The decision behind it, if any.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record AgreementTerminated(AgreementId Agreement, string Reason, DecisionReference? Decision, Instant At, Actor By) : IDomainEvent;
