using System.Text.Json.Serialization;
using Coalitions.Core.Agreements;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using Coalitions.Core.Polls;

namespace Coalitions.Core.Serialization;

/// <summary>
/// The source-generated JSON metadata for every event and public value type of the package.
/// Use it through <see cref="CoalitionsJson"/>, which adds the NodaTime converters and the event
/// type discriminators; it is public so hosts can combine it with their own resolvers.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(IDomainEvent))]
[JsonSerializable(typeof(Actor))]
[JsonSerializable(typeof(Fraction))]
[JsonSerializable(typeof(Money))]
[JsonSerializable(typeof(PartnerId))]
[JsonSerializable(typeof(PersonId))]
[JsonSerializable(typeof(CoalitionId))]
[JsonSerializable(typeof(ProposalId))]
[JsonSerializable(typeof(ProposalDrafted))]
[JsonSerializable(typeof(ProposalRevised))]
[JsonSerializable(typeof(ProposalSubmitted))]
[JsonSerializable(typeof(MotionSeconded))]
[JsonSerializable(typeof(ConflictOfInterestDeclared))]
[JsonSerializable(typeof(VotingOpened))]
[JsonSerializable(typeof(AttendanceRecorded))]
[JsonSerializable(typeof(BallotCast))]
[JsonSerializable(typeof(DeadlineExtended))]
[JsonSerializable(typeof(RoundClosed))]
[JsonSerializable(typeof(ProposalWithdrawn))]
[JsonSerializable(typeof(ProposalImplemented))]
[JsonSerializable(typeof(ReviewScheduled))]
[JsonSerializable(typeof(ProxyGranted))]
[JsonSerializable(typeof(ProxyRevoked))]
[JsonSerializable(typeof(DecisionRule))]
[JsonSerializable(typeof(DecisionOutcome))]
[JsonSerializable(typeof(Electorate))]
[JsonSerializable(typeof(DecisionReference))]
[JsonSerializable(typeof(PartnerRegistered))]
[JsonSerializable(typeof(PartnerProfileUpdated))]
[JsonSerializable(typeof(RepresentativeAdded))]
[JsonSerializable(typeof(RepresentativeRemoved))]
[JsonSerializable(typeof(ProspectIdentified))]
[JsonSerializable(typeof(OutreachStepRecorded))]
[JsonSerializable(typeof(CoalitionFounded))]
[JsonSerializable(typeof(CoalitionStageChanged))]
[JsonSerializable(typeof(CharterAdopted))]
[JsonSerializable(typeof(MemberInvited))]
[JsonSerializable(typeof(MembershipAccepted))]
[JsonSerializable(typeof(MembershipRenewed))]
[JsonSerializable(typeof(MemberSuspended))]
[JsonSerializable(typeof(MemberReinstated))]
[JsonSerializable(typeof(MemberWithdrew))]
[JsonSerializable(typeof(MemberExpelled))]
[JsonSerializable(typeof(CoordinatorAppointed))]
[JsonSerializable(typeof(CoordinatorRemoved))]
[JsonSerializable(typeof(DelegatesChanged))]
[JsonSerializable(typeof(GovernanceEstablished))]
[JsonSerializable(typeof(BodyEstablished))]
[JsonSerializable(typeof(RuleBookEntrySet))]
[JsonSerializable(typeof(ChamberAssigned))]
[JsonSerializable(typeof(SeatFilled))]
[JsonSerializable(typeof(SeatVacated))]
[JsonSerializable(typeof(OfficeAssigned))]
[JsonSerializable(typeof(RotationSet))]
[JsonSerializable(typeof(GovernanceTemplate))]
[JsonSerializable(typeof(AgreementDrafted))]
[JsonSerializable(typeof(AgreementRevised))]
[JsonSerializable(typeof(AgreementCirculated))]
[JsonSerializable(typeof(AgreementSigned))]
[JsonSerializable(typeof(AgreementEnteredIntoForce))]
[JsonSerializable(typeof(AmendmentProposed))]
[JsonSerializable(typeof(CommitmentFulfilled))]
[JsonSerializable(typeof(CommitmentWaived))]
[JsonSerializable(typeof(NoticeGiven))]
[JsonSerializable(typeof(AgreementTerminated))]
[JsonSerializable(typeof(PollDrafted))]
[JsonSerializable(typeof(PollOpened))]
[JsonSerializable(typeof(PollBallotCast))]
[JsonSerializable(typeof(PollVisibilityChanged))]
[JsonSerializable(typeof(PollClosed))]
[JsonSerializable(typeof(PollCancelled))]
[JsonSerializable(typeof(PollTieDecided))]
[JsonSerializable(typeof(PollResult))]
[JsonSerializable(typeof(PartnerProfile))]
[JsonSerializable(typeof(Charter))]
[JsonSerializable(typeof(DiversityReport))]
[JsonSerializable(typeof(FitAssessment))]
public sealed partial class CoalitionsJsonContext : JsonSerializerContext;
