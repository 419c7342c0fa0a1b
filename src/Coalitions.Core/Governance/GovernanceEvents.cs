using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using NodaTime;

namespace Coalitions.Core.Governance;

/// <summary>A coalition's governance was established from a template.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Template">The template's name.</param>
/// <param name="SeatPolicy">What happens to the seats of suspended or lapsed members.</param>
/// <param name="Chambers">The chambers.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record GovernanceEstablished(CoalitionId Coalition, string Template, SeatPolicy SeatPolicy, IReadOnlyList<Chamber> Chambers, Instant At, Actor By) : IDomainEvent;

/// <summary>A body was established.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Body">The body.</param>
/// <param name="Decision">The decision, after the founding.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record BodyEstablished(CoalitionId Coalition, BodyDefinition Body, DecisionReference? Decision, Instant At, Actor By) : IDomainEvent;

/// <summary>The rule book set how a matter is decided.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Matter">The matter.</param>
/// <param name="Entry">How it is decided.</param>
/// <param name="Decision">The decision, after the founding.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record RuleBookEntrySet(CoalitionId Coalition, MatterType Matter, RuleBookEntry Entry, DecisionReference? Decision, Instant At, Actor By) : IDomainEvent;

/// <summary>A member was assigned to a chamber.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Partner">The member.</param>
/// <param name="Chamber">The chamber.</param>
/// <param name="SubChamber">The sub-chamber, if any.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ChamberAssigned(CoalitionId Coalition, PartnerId Partner, string Chamber, string? SubChamber, Instant At, Actor By) : IDomainEvent;

/// <summary>A seat was filled for a term.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Body">The body's key.</param>
/// <param name="Seat">The seat number, from 1.</param>
/// <param name="Holding">The holder and term.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record SeatFilled(CoalitionId Coalition, string Body, int Seat, SeatHolding Holding, Instant At, Actor By) : IDomainEvent;

/// <summary>A seat fell vacant before its term ended.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Body">The body's key.</param>
/// <param name="Seat">The seat number, from 1.</param>
/// <param name="On">The first day it is vacant.</param>
/// <param name="Reason">Why, if said.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record SeatVacated(CoalitionId Coalition, string Body, int Seat, LocalDate On, string? Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>An office was assigned.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Body">The body's key.</param>
/// <param name="Office">The office.</param>
/// <param name="Partner">The member holding it.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record OfficeAssigned(CoalitionId Coalition, string Body, Office Office, PartnerId Partner, Instant At, Actor By) : IDomainEvent;

/// <summary>The rotation order of an office was set.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Body">The body's key.</param>
/// <param name="Office">The office.</param>
/// <param name="Order">The members, in order.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record RotationSet(CoalitionId Coalition, string Body, Office Office, IReadOnlyList<PartnerId> Order, Instant At, Actor By) : IDomainEvent;
