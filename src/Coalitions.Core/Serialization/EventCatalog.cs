using System.Collections.Frozen;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Coalitions.Core.Advocacy;
using Coalitions.Core.Agreements;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Conflicts;
using Coalitions.Core.Decisions;
using Coalitions.Core.Engagement;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using Coalitions.Core.Polls;

namespace Coalitions.Core.Serialization;

/// <summary>
/// The stable discriminator of every event type. A discriminator is part of the stored format:
/// add new events here, never rename or reuse an entry.
/// </summary>
internal static class EventCatalog
{
    private static readonly (Type Type, string Discriminator)[] Entries =
    [
        (typeof(ProposalDrafted), "Decisions.ProposalDrafted"),
        (typeof(ProposalRevised), "Decisions.ProposalRevised"),
        (typeof(ProposalSubmitted), "Decisions.ProposalSubmitted"),
        (typeof(MotionSeconded), "Decisions.MotionSeconded"),
        (typeof(ConflictOfInterestDeclared), "Decisions.ConflictOfInterestDeclared"),
        (typeof(VotingOpened), "Decisions.VotingOpened"),
        (typeof(AttendanceRecorded), "Decisions.AttendanceRecorded"),
        (typeof(BallotCast), "Decisions.BallotCast"),
        (typeof(DeadlineExtended), "Decisions.DeadlineExtended"),
        (typeof(RoundClosed), "Decisions.RoundClosed"),
        (typeof(ProposalWithdrawn), "Decisions.ProposalWithdrawn"),
        (typeof(ProposalImplemented), "Decisions.ProposalImplemented"),
        (typeof(ReviewScheduled), "Decisions.ReviewScheduled"),
        (typeof(PartnerRegistered), "Partners.PartnerRegistered"),
        (typeof(PartnerProfileUpdated), "Partners.PartnerProfileUpdated"),
        (typeof(RepresentativeAdded), "Partners.RepresentativeAdded"),
        (typeof(RepresentativeRemoved), "Partners.RepresentativeRemoved"),
        (typeof(ProspectIdentified), "Partners.ProspectIdentified"),
        (typeof(OutreachStepRecorded), "Partners.OutreachStepRecorded"),
        (typeof(CoalitionFounded), "Coalitions.CoalitionFounded"),
        (typeof(CoalitionStageChanged), "Coalitions.CoalitionStageChanged"),
        (typeof(CharterAdopted), "Coalitions.CharterAdopted"),
        (typeof(MemberInvited), "Coalitions.MemberInvited"),
        (typeof(MembershipAccepted), "Coalitions.MembershipAccepted"),
        (typeof(MembershipRenewed), "Coalitions.MembershipRenewed"),
        (typeof(MemberSuspended), "Coalitions.MemberSuspended"),
        (typeof(MemberReinstated), "Coalitions.MemberReinstated"),
        (typeof(MemberWithdrew), "Coalitions.MemberWithdrew"),
        (typeof(MemberExpelled), "Coalitions.MemberExpelled"),
        (typeof(CoordinatorAppointed), "Coalitions.CoordinatorAppointed"),
        (typeof(CoordinatorRemoved), "Coalitions.CoordinatorRemoved"),
        (typeof(DelegatesChanged), "Coalitions.DelegatesChanged"),
        (typeof(GovernanceEstablished), "Governance.GovernanceEstablished"),
        (typeof(BodyEstablished), "Governance.BodyEstablished"),
        (typeof(RuleBookEntrySet), "Governance.RuleBookEntrySet"),
        (typeof(ChamberAssigned), "Governance.ChamberAssigned"),
        (typeof(SeatFilled), "Governance.SeatFilled"),
        (typeof(SeatVacated), "Governance.SeatVacated"),
        (typeof(OfficeAssigned), "Governance.OfficeAssigned"),
        (typeof(RotationSet), "Governance.RotationSet"),
        (typeof(AgreementDrafted), "Agreements.AgreementDrafted"),
        (typeof(AgreementRevised), "Agreements.AgreementRevised"),
        (typeof(AgreementCirculated), "Agreements.AgreementCirculated"),
        (typeof(AgreementSigned), "Agreements.AgreementSigned"),
        (typeof(AgreementEnteredIntoForce), "Agreements.AgreementEnteredIntoForce"),
        (typeof(AmendmentProposed), "Agreements.AmendmentProposed"),
        (typeof(CommitmentFulfilled), "Agreements.CommitmentFulfilled"),
        (typeof(CommitmentWaived), "Agreements.CommitmentWaived"),
        (typeof(NoticeGiven), "Agreements.NoticeGiven"),
        (typeof(AgreementTerminated), "Agreements.AgreementTerminated"),
        (typeof(PollDrafted), "Polls.PollDrafted"),
        (typeof(PollOpened), "Polls.PollOpened"),
        (typeof(PollBallotCast), "Polls.PollBallotCast"),
        (typeof(PollVisibilityChanged), "Polls.PollVisibilityChanged"),
        (typeof(PollClosed), "Polls.PollClosed"),
        (typeof(PollCancelled), "Polls.PollCancelled"),
        (typeof(PollTieDecided), "Polls.PollTieDecided"),
        (typeof(PositionDrafted), "Advocacy.PositionDrafted"),
        (typeof(PositionRevised), "Advocacy.PositionRevised"),
        (typeof(PositionAdopted), "Advocacy.PositionAdopted"),
        (typeof(PositionPublished), "Advocacy.PositionPublished"),
        (typeof(PositionDraftWithdrawn), "Advocacy.PositionDraftWithdrawn"),
        (typeof(PositionRetired), "Advocacy.PositionRetired"),
        (typeof(ReservationRecorded), "Advocacy.ReservationRecorded"),
        (typeof(ReservationWithdrawn), "Advocacy.ReservationWithdrawn"),
        (typeof(StatementDrafted), "Advocacy.StatementDrafted"),
        (typeof(StatementRevised), "Advocacy.StatementRevised"),
        (typeof(StatementPublished), "Advocacy.StatementPublished"),
        (typeof(StatementEndorsed), "Advocacy.StatementEndorsed"),
        (typeof(EndorsementVerified), "Advocacy.EndorsementVerified"),
        (typeof(EndorsementRejected), "Advocacy.EndorsementRejected"),
        (typeof(EndorsementWithdrawn), "Advocacy.EndorsementWithdrawn"),
        (typeof(StatementClosed), "Advocacy.StatementClosed"),
        (typeof(StatementCancelled), "Advocacy.StatementCancelled"),
        (typeof(CampaignLaunched), "Advocacy.CampaignLaunched"),
        (typeof(CampaignObjectiveAdded), "Advocacy.CampaignObjectiveAdded"),
        (typeof(CampaignTargetAdded), "Advocacy.CampaignTargetAdded"),
        (typeof(CampaignPositionCarried), "Advocacy.CampaignPositionCarried"),
        (typeof(CampaignPositionDropped), "Advocacy.CampaignPositionDropped"),
        (typeof(ExternalEventLinked), "Advocacy.ExternalEventLinked"),
        (typeof(CampaignActionPlanned), "Advocacy.CampaignActionPlanned"),
        (typeof(CampaignActionCompleted), "Advocacy.CampaignActionCompleted"),
        (typeof(CampaignActionCancelled), "Advocacy.CampaignActionCancelled"),
        (typeof(CampaignOutcomeRecorded), "Advocacy.CampaignOutcomeRecorded"),
        (typeof(CampaignConcluded), "Advocacy.CampaignConcluded"),
        (typeof(RecognitionRollOpened), "Engagement.RecognitionRollOpened"),
        (typeof(AcknowledgementRecorded), "Engagement.AcknowledgementRecorded"),
        (typeof(AcknowledgementPublished), "Engagement.AcknowledgementPublished"),
        (typeof(AcknowledgementWithheld), "Engagement.AcknowledgementWithheld"),
        (typeof(AcknowledgementRetracted), "Engagement.AcknowledgementRetracted"),
        (typeof(HealthCheckOpened), "Engagement.HealthCheckOpened"),
        (typeof(HealthCheckResponseRecorded), "Engagement.HealthCheckResponseRecorded"),
        (typeof(HealthCheckClosed), "Engagement.HealthCheckClosed"),
        (typeof(HealthCheckCancelled), "Engagement.HealthCheckCancelled"),
        (typeof(CaseOpened), "Conflicts.CaseOpened"),
        (typeof(GroundRulesAcknowledged), "Conflicts.GroundRulesAcknowledged"),
        (typeof(DialogueStarted), "Conflicts.DialogueStarted"),
        (typeof(CaseSessionRecorded), "Conflicts.CaseSessionRecorded"),
        (typeof(MediatorProposed), "Conflicts.MediatorProposed"),
        (typeof(MediatorAccepted), "Conflicts.MediatorAccepted"),
        (typeof(MediatorDeclined), "Conflicts.MediatorDeclined"),
        (typeof(MediationStarted), "Conflicts.MediationStarted"),
        (typeof(ResolutionProposed), "Conflicts.ResolutionProposed"),
        (typeof(ResolutionConfirmed), "Conflicts.ResolutionConfirmed"),
        (typeof(ResolutionRejected), "Conflicts.ResolutionRejected"),
        (typeof(CaseResolved), "Conflicts.CaseResolved"),
        (typeof(CaseEscalated), "Conflicts.CaseEscalated"),
        (typeof(CaseDecided), "Conflicts.CaseDecided"),
        (typeof(FollowUpCompleted), "Conflicts.FollowUpCompleted"),
        (typeof(CaseWithdrawn), "Conflicts.CaseWithdrawn"),
    ];

    public static readonly FrozenDictionary<Type, string> Discriminators =
        Entries.ToFrozenDictionary(e => e.Type, e => e.Discriminator);

    public static void AddEventPolymorphism(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type != typeof(IDomainEvent))
        {
            return;
        }

        var polymorphism = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "$type",
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
            IgnoreUnrecognizedTypeDiscriminators = false,
        };
        foreach (var (type, discriminator) in Entries)
        {
            polymorphism.DerivedTypes.Add(new JsonDerivedType(type, discriminator));
        }

        typeInfo.PolymorphismOptions = polymorphism;
    }
}
