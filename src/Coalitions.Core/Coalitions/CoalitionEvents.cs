using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using NodaTime;

namespace Coalitions.Core.Coalitions;

/// <summary>A coalition was founded.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Name">Its name.</param>
/// <param name="Form">Its form.</param>
/// <param name="TimeZone">The tz database id of its time zone.</param>
/// <param name="FoundingMinimum">The founding members it needs to become active.</param>
/// <param name="Rights">The rights table.</param>
/// <param name="Terms">The membership terms.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record CoalitionFounded(CoalitionId Coalition, string Name, CoalitionForm Form, string TimeZone, int FoundingMinimum, RightsTable Rights, MembershipTerms Terms, Instant At, Actor By) : IDomainEvent;

/// <summary>The coalition moved to another stage of its life.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Stage">The new stage.</param>
/// <param name="Reason">Why, if said.</param>
/// <param name="Decision">The decision behind it, where one is required.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record CoalitionStageChanged(CoalitionId Coalition, CoalitionStatus Stage, string? Reason, DecisionReference? Decision, Instant At, Actor By) : IDomainEvent;

/// <summary>A charter was adopted.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Charter">The charter.</param>
/// <param name="Version">Its version, from 1.</param>
/// <param name="Decision">The decision that adopted it, if any.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record CharterAdopted(CoalitionId Coalition, Charter Charter, int Version, DecisionReference? Decision, Instant At, Actor By) : IDomainEvent;

/// <summary>A person was appointed a coordinator of the coalition (the founder, when it was founded).</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Coordinator">The person and their name.</param>
/// <param name="Decision">The decision that elected them, where one was cited.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record CoordinatorAppointed(CoalitionId Coalition, Coordinator Coordinator, DecisionReference? Decision, Instant At, Actor By) : IDomainEvent;

/// <summary>A person stopped being a coordinator of the coalition.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Person">The person.</param>
/// <param name="Decision">The decision that removed them, where one was cited.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record CoordinatorRemoved(CoalitionId Coalition, PersonId Person, DecisionReference? Decision, Instant At, Actor By) : IDomainEvent;

/// <summary>A partner was invited to join.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Partner">The partner.</param>
/// <param name="Name">The partner's name, as its profile stated it.</param>
/// <param name="Tier">The tier offered.</param>
/// <param name="Delegates">Its delegates: representatives the partner has named.</param>
/// <param name="Weight">Its voting weight.</param>
/// <param name="On">The date of the invitation.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MemberInvited(CoalitionId Coalition, PartnerId Partner, string Name, MembershipTier Tier, IReadOnlyList<PersonId> Delegates, long Weight, LocalDate On, Instant At, Actor By) : IDomainEvent;

/// <summary>The partner accepted; its first term began.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Partner">The member.</param>
/// <param name="On">The first day of its term.</param>
/// <param name="TermEndsOn">The last day of its term.</param>
/// <param name="GracePeriod">The grace period after the term.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MembershipAccepted(CoalitionId Coalition, PartnerId Partner, LocalDate On, LocalDate TermEndsOn, Period GracePeriod, Instant At, Actor By) : IDomainEvent;

/// <summary>A member named other delegates: the people who represent it in the coalition.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Partner">The member.</param>
/// <param name="Delegates">Its delegates from now on: representatives the partner has named.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record DelegatesChanged(CoalitionId Coalition, PartnerId Partner, IReadOnlyList<PersonId> Delegates, Instant At, Actor By) : IDomainEvent;

/// <summary>A membership was renewed for a new term.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Partner">The member.</param>
/// <param name="From">The first day of the new term.</param>
/// <param name="TermEndsOn">Its last day.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MembershipRenewed(CoalitionId Coalition, PartnerId Partner, LocalDate From, LocalDate TermEndsOn, Instant At, Actor By) : IDomainEvent;

/// <summary>A member was suspended by decision.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Partner">The member.</param>
/// <param name="Decision">The decision.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MemberSuspended(CoalitionId Coalition, PartnerId Partner, DecisionReference Decision, Instant At, Actor By) : IDomainEvent;

/// <summary>A suspended member was reinstated.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Partner">The member.</param>
/// <param name="Decision">The decision, if one was taken.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MemberReinstated(CoalitionId Coalition, PartnerId Partner, DecisionReference? Decision, Instant At, Actor By) : IDomainEvent;

/// <summary>A member withdrew, or an invitation was declined.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Partner">The partner.</param>
/// <param name="Reason">Why, if said.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MemberWithdrew(CoalitionId Coalition, PartnerId Partner, string? Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>A member was expelled by decision.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Partner">The member.</param>
/// <param name="Decision">The decision.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MemberExpelled(CoalitionId Coalition, PartnerId Partner, DecisionReference Decision, Instant At, Actor By) : IDomainEvent;
