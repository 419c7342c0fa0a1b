using System.Text.Json;
using Coalitions.Core.Kernel;
using Coalitions.Core.Storage;
using NodaTime;

namespace Coalitions.Core.Decisions;

// Snapshots of a proposal: its whole state at a version, so a proposal with a hundred thousand ballots loads from the
// snapshot plus the events after it. The snapshot copies every field, derived ones included, so a restored proposal is
// the replayed one exactly; a test compares both, property by property, and the commands they then accept.
public sealed partial class Proposal
{
    // Raise it whenever ProposalSnapshotState changes: snapshots of an older shape are then ignored and the proposal is replayed.
    private const int SnapshotSchemaVersion = 3;

    internal static SnapshotSupport Snapshots { get; } = new(
        SnapshotSchemaVersion,
        aggregate => JsonSerializer.Serialize(((Proposal)aggregate).TakeSnapshot(), StorageJsonContext.SnapshotOptions.GetTypeInfo(typeof(ProposalSnapshotState))),
        (json, version) => Restore((ProposalSnapshotState)JsonSerializer.Deserialize(json, StorageJsonContext.SnapshotOptions.GetTypeInfo(typeof(ProposalSnapshotState)))!, version));

    internal ProposalSnapshotState TakeSnapshot()
    {
        return new ProposalSnapshotState(
            Id, Coalition, Matter, CustomMatter, Title, Text, Revision, Proposer, _rule, SecondersRequired,
            _facilitators.ToArray(), _seconders.ToArray(), _recused.ToArray(), _status, _electorate, _rounds.ToArray(),
            _ballots.History.ToArray(), _ballots.CurrentPlaces.ToArray(), _stanceCount.ToArray(), _stanceWeight.ToArray(),
            _recusedCount, _recusedWeight, _present, _stage, _roundsInStage, _quorumReached, _revisedSinceRound,
            Outcome, DecidedAt, ImplementedAt, ReviewOn, _proxies.Values.ToArray(), _proxyCount.ToArray(), _proxyWeight.ToArray());
    }

    private static Proposal Restore(ProposalSnapshotState state, long version)
    {
        var proposal = new Proposal
        {
            Id = state.Id,
            Coalition = state.Coalition,
            Matter = state.Matter,
            CustomMatter = state.CustomMatter,
            Title = state.Title,
            Text = state.Text,
            Revision = state.Revision,
            Proposer = state.Proposer,
            SecondersRequired = state.SecondersRequired,
            Outcome = state.Outcome,
            DecidedAt = state.DecidedAt,
            ImplementedAt = state.ImplementedAt,
            ReviewOn = state.ReviewOn,
            _rule = state.Rule,
            _status = state.Status,
            _electorate = state.Electorate,
            _recusedCount = state.RecusedCount,
            _recusedWeight = state.RecusedWeight,
            _present = state.Present,
            _stage = state.Stage,
            _roundsInStage = state.RoundsInStage,
            _quorumReached = state.QuorumReached,
            _revisedSinceRound = state.RevisedSinceRound,
        };
        proposal._facilitators.UnionWith(state.Facilitators);
        proposal._seconders.AddRange(state.Seconders);
        proposal._secondedBy.UnionWith(state.Seconders);
        proposal._recused.UnionWith(state.Recused);
        proposal._rounds.AddRange(state.Rounds);
        foreach (var ballot in state.BallotHistory)
        {
            proposal._ballots.Append(BallotEntry.From(ballot));
        }

        foreach (var place in state.CurrentBallots)
        {
            proposal._ballots.MakeCurrent(place);
        }

        state.StanceCount.CopyTo(proposal._stanceCount);
        state.StanceWeight.CopyTo(proposal._stanceWeight);
        state.ProxyCount.CopyTo(proposal._proxyCount);
        state.ProxyWeight.CopyTo(proposal._proxyWeight);
        foreach (var proxy in state.Proxies)
        {
            proposal.StartProxy(proxy);
        }

        proposal.RestoreTally();
        proposal.RestoreVersion(version);
        return proposal;
    }
}

/// <summary>Everything a proposal holds, as a snapshot writes it.</summary>
/// <remarks>The running tally per group and the basis less the recused are derived again from the ballots and recusals on restore.</remarks>
internal sealed record ProposalSnapshotState(
    ProposalId Id,
    CoalitionId Coalition,
    MatterType Matter,
    string? CustomMatter,
    string Title,
    string Text,
    int Revision,
    PartnerId Proposer,
    DecisionRule Rule,
    int SecondersRequired,
    PersonId[] Facilitators,
    PartnerId[] Seconders,
    PartnerId[] Recused,
    ProposalStatus Status,
    Electorate? Electorate,
    ProposalRound[] Rounds,
    RecordedBallot[] BallotHistory,
    int[] CurrentBallots,
    long[] StanceCount,
    long[] StanceWeight,
    long RecusedCount,
    long RecusedWeight,
    IReadOnlyList<PartnerId>? Present,
    int Stage,
    int RoundsInStage,
    bool QuorumReached,
    bool RevisedSinceRound,
    DecisionOutcome? Outcome,
    Instant? DecidedAt,
    Instant? ImplementedAt,
    LocalDate? ReviewOn,
    Proxy[] Proxies,
    long[] ProxyCount,
    long[] ProxyWeight);
