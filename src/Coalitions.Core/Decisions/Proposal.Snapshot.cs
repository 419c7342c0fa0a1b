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
    private const int SnapshotSchemaVersion = 4;

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
            _recusedCount, _recusedWeight, _present, _stage, _roundsInStage, _quorumReachedAt, _revisedSinceRound,
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
            _quorumReachedAt = state.QuorumReachedAt,
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

        foreach (var proxy in state.Proxies)
        {
            proposal.StartProxy(proxy);
        }

        // The counts per stance and the running tally are counted again from the ballots; the snapshot's counts must agree.
        var problem = proposal.RestoredProblem();
        if (problem is null)
        {
            proposal.RestoreTally();
            problem = state.StanceCount.AsSpan().SequenceEqual(proposal._stanceCount) && state.StanceWeight.AsSpan().SequenceEqual(proposal._stanceWeight) &&
                state.ProxyCount.AsSpan().SequenceEqual(proposal._proxyCount) && state.ProxyWeight.AsSpan().SequenceEqual(proposal._proxyWeight)
                ? null
                : "its counts per stance are not those of its ballots.";
        }

        if (problem is not null)
        {
            // The store ignores a snapshot it cannot restore and replays the events, which are checked as they apply.
            throw new InvalidDataException($"The snapshot of proposal {state.Id} holds a state no history reaches: {problem}");
        }

        proposal.RestoreVersion(version);
        return proposal;
    }

    // A snapshot is a cache the host stores, read as untrusted as its events: a state the commands could never have
    // left (a ballot of a member outside the electorate or recused, rounds out of order, a decided proposal without its
    // outcome; Restore adds counts per stance that are not the ballots') is refused, so a forged snapshot cannot stand in
    // for the history.
    private string? RestoredProblem()
    {
        // (An empty id does not get this far: the typed ids' reader refuses it, and the store ignores the snapshot.)
        if (Revision < 1 || SecondersRequired < 0 || _stage < 0 || _roundsInStage < 0 || _roundsInStage > _rounds.Count)
        {
            return "an id is empty or a counter is out of range.";
        }

        if (_seconders.Contains(Proposer) || _secondedBy.Count != _seconders.Count)
        {
            return "its seconders are not distinct members other than the proposer.";
        }

        for (var i = 0; i < _rounds.Count; i++)
        {
            var round = _rounds[i];
            // Only the last round may be open (a proposal withdrawn during a vote leaves it so).
            if (round.Number != i + 1 || round.Deadline <= round.OpenedAt || round.Revision < 1 || round.Revision > Revision ||
                (round.Ending is null && i < _rounds.Count - 1))
            {
                return $"its round {i + 1} is out of order or its ending does not fit the status.";
            }
        }

        if ((_electorate is null) != (_rounds.Count == 0) || (_status is ProposalStatus.Draft && _rounds.Count > 0) || (_status is ProposalStatus.Voting && _rounds.Count == 0))
        {
            return "its status, rounds and electorate do not fit together.";
        }

        if ((_status is ProposalStatus.Closed or ProposalStatus.Implemented) != (Outcome is not null) ||
            (Outcome is not null && (_rounds.Count == 0 || _rounds[^1].Ending != RoundEnding.Final || Outcome.Result != _rounds[^1].Outcome?.Result)))
        {
            return "its outcome is not its last round's, or a decided proposal has none.";
        }

        if ((Outcome is null) != (DecidedAt is null))
        {
            return "its outcome and the instant it was decided are not given together.";
        }

        // Only an adopted proposal is implemented (and then it is Implemented) or given a review date.
        if ((ImplementedAt is not null) != (_status is ProposalStatus.Implemented) || (ReviewOn is not null && Outcome?.IsAdopted != true))
        {
            return "its implementation or review date does not fit its status and outcome.";
        }

        if (_quorumReachedAt is { } reached && (_rounds.Count == 0 || reached < _rounds[^1].OpenedAt || reached >= _rounds[^1].Deadline))
        {
            return "its quorum was reached at an instant outside the last round.";
        }

        if (_electorate is null)
        {
            // (A ballot that counts is in the history too.)
            return _ballots.HistoryCount > 0 || _proxies.Count > 0 ? "it holds ballots or proxies before any round opened." : null;
        }

        if (_proxies.Values.Any(p => !_electorate.Contains(p.Principal) || !_electorate.Contains(p.HolderMember)))
        {
            return "a proxy's principal or holder's member is not in the electorate.";
        }

        foreach (var ballot in _ballots.CurrentEntries)
        {
            if (!_electorate.Contains(ballot.Voter) || _recused.Contains(ballot.Voter) || ballot.Round != Round ||
                !Enum.IsDefined(ballot.Stance) || !CurrentRule.AcceptedStances.Includes(ballot.Stance))
            {
                return "a ballot that counts is not of a voter of the open round, or takes a stance its rule does not.";
            }
        }

        return null;
    }
}

/// <summary>Everything a proposal holds, as a snapshot writes it.</summary>
/// <remarks>The running tally per group, the counts per stance and the basis less the recused are derived again from the ballots and recusals on restore; the stored counts per stance are checked against them.</remarks>
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
    Instant? QuorumReachedAt,
    bool RevisedSinceRound,
    DecisionOutcome? Outcome,
    Instant? DecidedAt,
    Instant? ImplementedAt,
    LocalDate? ReviewOn,
    Proxy[] Proxies,
    long[] ProxyCount,
    long[] ProxyWeight);
