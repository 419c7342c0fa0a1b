using System.Collections.Frozen;
using Coalitions.Core.Advocacy;
using Coalitions.Core.Agreements;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Communication;
using Coalitions.Core.Conflicts;
using Coalitions.Core.Decisions;
using Coalitions.Core.Engagement;
using Coalitions.Core.Initiatives;
using Coalitions.Core.Kernel;
using Coalitions.Core.Measurement;
using Coalitions.Core.Meetings;
using Coalitions.Core.Partners;
using Coalitions.Core.Polls;
using Coalitions.Core.Resources;
using GovernanceAggregate = Coalitions.Core.Governance.CoalitionGovernance;

namespace Coalitions.Core.Storage;

/// <summary>
/// Every aggregate type with its stream category, its Rehydrate and, where it has one, its snapshot: the one place a new
/// aggregate type registers (a test checks that every aggregate of the assembly is here). A category is part of the stored
/// format: add entries, never rename or reuse one.
/// </summary>
internal static class AggregateCatalog
{
    public static readonly AggregateType[] Entries =
    [
        AggregateType.Create<Partner, PartnerId>("partner", Partner.Rehydrate),
        AggregateType.Create<Outreach, OutreachId>("outreach", Outreach.Rehydrate),
        AggregateType.Create<Coalition, CoalitionId>("coalition", Coalition.Rehydrate),
        AggregateType.Create<GovernanceAggregate, CoalitionId>("governance", GovernanceAggregate.Rehydrate),
        AggregateType.Create<Proposal, ProposalId>("proposal", Proposal.Rehydrate, Proposal.Snapshots),
        AggregateType.Create<Poll, PollId>("poll", Poll.Rehydrate),
        AggregateType.Create<Agreement, AgreementId>("agreement", Agreement.Rehydrate),
        AggregateType.Create<Meeting, MeetingId>("meeting", Meeting.Rehydrate),
        AggregateType.Create<MeetingSeries, MeetingSeriesId>("meetingseries", MeetingSeries.Rehydrate),
        AggregateType.Create<EventPreparation, PreparationId>("preparation", EventPreparation.Rehydrate),
        AggregateType.Create<CommunicationPlan, CommunicationPlanId>("communicationplan", CommunicationPlan.Rehydrate),
        AggregateType.Create<Pledge, PledgeId>("pledge", Pledge.Rehydrate),
        AggregateType.Create<PooledFund, PooledFundId>("pooledfund", PooledFund.Rehydrate),
        AggregateType.Create<Initiative, InitiativeId>("initiative", Initiative.Rehydrate),
        AggregateType.Create<Indicator, IndicatorId>("indicator", Indicator.Rehydrate),
        AggregateType.Create<ResourceLibrary, ResourceLibraryId>("resourcelibrary", ResourceLibrary.Rehydrate),
        AggregateType.Create<PolicyPosition, PolicyPositionId>("position", PolicyPosition.Rehydrate),
        AggregateType.Create<SignOnStatement, SignOnStatementId>("statement", SignOnStatement.Rehydrate),
        AggregateType.Create<Campaign, CampaignId>("campaign", Campaign.Rehydrate),
        AggregateType.Create<RecognitionRoll, CoalitionId>("recognition", RecognitionRoll.Rehydrate),
        AggregateType.Create<HealthCheck, HealthCheckId>("healthcheck", HealthCheck.Rehydrate),
        AggregateType.Create<ConflictCase, ConflictCaseId>("conflictcase", ConflictCase.Rehydrate),
    ];

    public static readonly FrozenDictionary<Type, AggregateType> ByType = Entries.ToFrozenDictionary(e => e.Type);

    public static readonly FrozenDictionary<string, AggregateType> ByCategory = Entries.ToFrozenDictionary(e => e.Category, StringComparer.Ordinal);
}
