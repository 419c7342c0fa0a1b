using System.Collections.Frozen;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Coalitions.Core.Advocacy;
using Coalitions.Core.Agreements;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Communication;
using Coalitions.Core.Conflicts;
using Coalitions.Core.Decisions;
using Coalitions.Core.Engagement;
using Coalitions.Core.Governance;
using Coalitions.Core.Initiatives;
using Coalitions.Core.Kernel;
using Coalitions.Core.Measurement;
using Coalitions.Core.Meetings;
using Coalitions.Core.Partners;
using Coalitions.Core.Polls;
using Coalitions.Core.Resources;

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
        (typeof(ProxyGranted), "Decisions.ProxyGranted"),
        (typeof(ProxyRevoked), "Decisions.ProxyRevoked"),
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
        (typeof(MeetingConvened), "Meetings.MeetingConvened"),
        (typeof(MeetingScheduled), "Meetings.MeetingScheduled"),
        (typeof(MeetingPostponed), "Meetings.MeetingPostponed"),
        (typeof(MeetingCancelled), "Meetings.MeetingCancelled"),
        (typeof(AgendaItemAdded), "Meetings.AgendaItemAdded"),
        (typeof(AgendaItemRemoved), "Meetings.AgendaItemRemoved"),
        (typeof(MeetingAttendanceRecorded), "Meetings.MeetingAttendanceRecorded"),
        (typeof(MeetingAdjourned), "Meetings.MeetingAdjourned"),
        (typeof(MinutesRecorded), "Meetings.MinutesRecorded"),
        (typeof(ActionItemCompleted), "Meetings.ActionItemCompleted"),
        (typeof(MeetingSeriesBegun), "Meetings.MeetingSeriesBegun"),
        (typeof(SeriesParticipantsChanged), "Meetings.SeriesParticipantsChanged"),
        (typeof(SeriesMeetingScheduled), "Meetings.SeriesMeetingScheduled"),
        (typeof(MeetingSeriesPaused), "Meetings.MeetingSeriesPaused"),
        (typeof(MeetingSeriesResumed), "Meetings.MeetingSeriesResumed"),
        (typeof(MeetingSeriesEnded), "Meetings.MeetingSeriesEnded"),
        (typeof(PreparationBegun), "Meetings.PreparationBegun"),
        (typeof(PreparationTaskAdded), "Meetings.PreparationTaskAdded"),
        (typeof(PreparationTaskCompleted), "Meetings.PreparationTaskCompleted"),
        (typeof(AttendeeNamed), "Meetings.AttendeeNamed"),
        (typeof(PositionTaken), "Meetings.PositionTaken"),
        (typeof(PreMeetingPlanned), "Meetings.PreMeetingPlanned"),
        (typeof(PreMeetingRecorded), "Meetings.PreMeetingRecorded"),
        (typeof(PreparationConcluded), "Meetings.PreparationConcluded"),
        (typeof(PreparationCancelled), "Meetings.PreparationCancelled"),
        (typeof(CommunicationPlanDrafted), "Communication.CommunicationPlanDrafted"),
        (typeof(CommunicationPlanRevised), "Communication.CommunicationPlanRevised"),
        (typeof(CommunicationPlanAdopted), "Communication.CommunicationPlanAdopted"),
        (typeof(CommunicationPlanAmended), "Communication.CommunicationPlanAmended"),
        (typeof(ContentScheduled), "Communication.ContentScheduled"),
        (typeof(CommunicationLogged), "Communication.CommunicationLogged"),
        (typeof(MeasureRecorded), "Communication.MeasureRecorded"),
        (typeof(CommunicationPlanRetired), "Communication.CommunicationPlanRetired"),
        (typeof(PledgeMade), "Resources.PledgeMade"),
        (typeof(PledgeReceiptRecorded), "Resources.PledgeReceiptRecorded"),
        (typeof(PledgeWithdrawn), "Resources.PledgeWithdrawn"),
        (typeof(FundOpened), "Resources.FundOpened"),
        (typeof(IncomeBooked), "Resources.IncomeBooked"),
        (typeof(ExpenseSubmitted), "Resources.ExpenseSubmitted"),
        (typeof(ExpenseApproved), "Resources.ExpenseApproved"),
        (typeof(ExpenseRejected), "Resources.ExpenseRejected"),
        (typeof(ExpenseWithdrawn), "Resources.ExpenseWithdrawn"),
        (typeof(ExpensePaid), "Resources.ExpensePaid"),
        (typeof(FundClosed), "Resources.FundClosed"),
        (typeof(LibraryOpened), "Resources.LibraryOpened"),
        (typeof(ResourceOffered), "Resources.ResourceOffered"),
        (typeof(OfferWithdrawn), "Resources.OfferWithdrawn"),
        (typeof(ResourceRequested), "Resources.ResourceRequested"),
        (typeof(RequestClosed), "Resources.RequestClosed"),
        (typeof(ResourceLent), "Resources.ResourceLent"),
        (typeof(ResourceReturned), "Resources.ResourceReturned"),
        (typeof(LibraryClosed), "Resources.LibraryClosed"),
        (typeof(InitiativeProposed), "Initiatives.InitiativeProposed"),
        (typeof(InitiativeRevised), "Initiatives.InitiativeRevised"),
        (typeof(InitiativeApproved), "Initiatives.InitiativeApproved"),
        (typeof(InitiativeStarted), "Initiatives.InitiativeStarted"),
        (typeof(MilestoneReached), "Initiatives.MilestoneReached"),
        (typeof(InitiativeSuspended), "Initiatives.InitiativeSuspended"),
        (typeof(InitiativeResumed), "Initiatives.InitiativeResumed"),
        (typeof(InitiativeCompleted), "Initiatives.InitiativeCompleted"),
        (typeof(InitiativeCancelled), "Initiatives.InitiativeCancelled"),
        (typeof(ContributionLinked), "Initiatives.ContributionLinked"),
        (typeof(IndicatorDefined), "Measurement.IndicatorDefined"),
        (typeof(MeasurementReported), "Measurement.MeasurementReported"),
        (typeof(MeasurementCorrected), "Measurement.MeasurementCorrected"),
        (typeof(IndicatorRetired), "Measurement.IndicatorRetired"),
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
