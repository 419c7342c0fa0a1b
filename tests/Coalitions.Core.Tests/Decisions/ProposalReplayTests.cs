using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Decisions.Stance;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>
/// What a proposal's stored events rebuild: the facts each event records, the state commands then rely on (quorum
/// reached, rounds in a stage, proxies held, seconders), and the same proposal from a snapshot plus the later events.
/// </summary>
public class ProposalReplayTests
{
    /// <summary>Rebuilt from the events as a store keeps them: written to JSON and read back.</summary>
    private static Proposal Rebuilt(IEnumerable<IDomainEvent> history) =>
        Proposal.Rehydrate(history.Select(CoalitionsJson.SerializeEvent).ToArray().Select(CoalitionsJson.DeserializeEvent));

    /// <summary>Restored from a snapshot of the first <paramref name="cut"/> events, with the rest replayed after it.</summary>
    private static Proposal Restored(IReadOnlyList<IDomainEvent> history, int cut)
    {
        var prefix = Proposal.Rehydrate(history.Take(cut));
        var restored = (Proposal)Proposal.Snapshots.Restore(Proposal.Snapshots.Take(prefix), prefix.Version);
        ((IReplayable)restored).ReplayTail(history.Skip(cut));
        return restored;
    }

    /// <summary>The rebuilt proposal, and one restored from a snapshot at every event, look the same as the live one.</summary>
    private static Proposal AssertRebuildsAsLive(Proposal live, IReadOnlyList<IDomainEvent> history)
    {
        var expected = ObservableState.Of(live);
        var rebuilt = Rebuilt(history);
        Assert.Equal(live.Version, rebuilt.Version);
        Assert.Equal(expected, ObservableState.Of(rebuilt));
        for (var cut = 1; cut <= history.Count; cut++)
        {
            Assert.Equal(expected, ObservableState.Of(Restored(history, cut)));
        }

        return rebuilt;
    }

    [Fact]
    public void A_rebuilt_proposal_holds_what_its_events_record_from_draft_to_review()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority(), secondersRequired: 2);
        proposal.Revise("The coalition publishes its data openly, within a month.", "Sharper.", For(1), Start);
        proposal.SecondBy(3);
        proposal.SecondBy(2);
        proposal.DeclareConflictOfInterest(Partner(4), "Sells data.", For(4), Hours(0.5));
        proposal.OpenVoting(Members(4), ChairActor, Hours(1));
        proposal.Vote(1, Support, 2);
        proposal.Vote(2, Oppose, 3);
        proposal.Vote(2, Support, 4);
        proposal.Vote(3, Abstain, 5);
        proposal.Close(ChairActor, Hours(1 + (24 * 7)));
        proposal.MarkImplemented("Published.", ChairActor, Hours(200));
        proposal.ScheduleReview(new LocalDate(2027, 3, 1), For(1), Hours(201));
        var history = proposal.DequeueUncommittedEvents();

        var rebuilt = AssertRebuildsAsLive(proposal, history);

        Assert.Equal((ProposalNumber(1), TheCoalition, MatterType.AdoptPolicyPosition, "Adopt the open data position", Partner(1)), (rebuilt.Id, rebuilt.Coalition, rebuilt.Matter, rebuilt.Title, rebuilt.Proposer));
        Assert.Equal(("The coalition publishes its data openly, within a month.", 2, 2), (rebuilt.Text, rebuilt.Revision, rebuilt.SecondersRequired));
        Assert.Equal(new[] { Partner(3), Partner(2) }, rebuilt.Seconders);
        Assert.Equal([Chair], rebuilt.Facilitators);
        Assert.Equal([Partner(4)], rebuilt.Recused);
        var round = Assert.Single(rebuilt.Rounds);
        Assert.Equal((1, 0, 2, Hours(1), Hours(1 + (24 * 7)), RoundEnding.Final), (round.Number, round.Stage, round.Revision, round.OpenedAt, round.Deadline, round.Ending!.Value));
        Assert.Equal(new StanceCounts(2, 0, 1, 0, 0, 0), rebuilt.Outcome!.Tally.Headcount);
        Assert.Equal(3, rebuilt.Outcome.ElectorateSize);
        Assert.Equal(round.Outcome, rebuilt.Outcome);
        Assert.Equal((ProposalStatus.Implemented, Hours(1 + (24 * 7)), Hours(200), new LocalDate(2027, 3, 1)), (rebuilt.Status, rebuilt.DecidedAt!.Value, rebuilt.ImplementedAt!.Value, rebuilt.ReviewOn!.Value));
        Assert.Equal(4, rebuilt.BallotHistory.Count);
        Assert.Equal(DecisionResult.Adopted, rebuilt.Reference!.Result);
    }

    [Fact]
    public void A_changed_ballot_replaces_the_voters_current_ballot_and_a_recusal_voids_it_while_the_history_keeps_both()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));
        proposal.Vote(1, Oppose, 1);
        proposal.Vote(1, Support, 2);
        proposal.Vote(2, Oppose, 3);
        proposal.DeclareConflictOfInterest(Partner(2), "A grantee.", For(2), Hours(4));
        var history = proposal.DequeueUncommittedEvents();

        var rebuilt = AssertRebuildsAsLive(proposal, history);

        var ballot = Assert.Single(rebuilt.Ballots);
        Assert.Equal((Partner(1), Support, Hours(2)), (ballot.Voter, ballot.Stance, ballot.At));
        Assert.Equal(new[] { Oppose, Support, Oppose }, rebuilt.BallotHistory.Select(b => b.Stance));
        Assert.Equal(new StanceCounts(1, 0, 0, 0, 0, 0), rebuilt.PreviewOutcome().Tally.Headcount);
        Assert.Equal(2, rebuilt.PreviewOutcome().ElectorateSize);

        // With member 2 recused and member 3 not yet voting, the rebuilt proposal still waits for member 3.
        Assert.False(rebuilt.CanClose(Hours(5)).IsAllowed);
    }

    [Fact]
    public void A_round_returned_for_revision_reopens_only_once_revised_and_a_second_failure_falls_back()
    {
        var rule = DecisionRule.Consensus().WithFallback(ProposalScenario.ThreeQuarters, FallbackWhen.Blocked, afterRounds: 2);
        var proposal = Voting(rule, Members(3));
        proposal.Vote(2, Block, 1);
        proposal.Close(ChairActor, Hours(200));
        var returned = proposal.DequeueUncommittedEvents();

        var rebuilt = AssertRebuildsAsLive(proposal, returned);
        Assert.Equal(ProposalStatus.Discussion, rebuilt.Status);
        Assert.Null(rebuilt.Outcome);
        Assert.Equal(RoundEnding.Revision, rebuilt.Rounds[0].Ending);
        Assert.Equal(DecisionResult.Blocked, rebuilt.Rounds[0].Outcome!.Result);
        Refusal.Expect(rebuilt, ErrorCodes.Decisions.RevisionRequired, () => rebuilt.ReopenVoting(ChairActor, Hours(201)));

        proposal.Revise("A revised text.", null, For(1), Hours(201));
        proposal.ReopenVoting(ChairActor, Hours(202));
        proposal.Vote(2, Block, 203);
        var reopened = returned.Concat(proposal.DequeueUncommittedEvents()).ToList();
        rebuilt = AssertRebuildsAsLive(proposal, reopened);
        Assert.Equal((2, 0, 2), (rebuilt.Rounds[1].Number, rebuilt.Rounds[1].Stage, rebuilt.Rounds[1].Revision));
        Assert.Equal(new[] { Partner(2) }, rebuilt.Ballots.Select(b => b.Voter));

        // The second blocked round of the stage is the one that falls back.
        rebuilt.Close(ChairActor, Hours(202 + (24 * 7)));
        Assert.Equal(RoundEnding.Fallback, rebuilt.Rounds[1].Ending);
        Assert.Equal((3, 1, ProposalScenario.ThreeQuarters), (rebuilt.Round, rebuilt.Rounds[2].Stage, rebuilt.CurrentRule));
        Assert.Empty(rebuilt.Ballots);
    }

    [Fact]
    public void An_amended_round_closes_and_the_next_opens_under_the_same_rule_with_no_ballots_or_attendance()
    {
        var proposal = Voting(DecisionRule.Consent(), Members(3));
        proposal.RecordAttendance([Partner(1), Partner(2)], ChairActor, Hours(0.5));
        proposal.Vote(2, Stance.Object, 1);
        proposal.Revise("A text that meets the objection.", null, For(1), Hours(2));
        var history = proposal.DequeueUncommittedEvents();

        var rebuilt = AssertRebuildsAsLive(proposal, history);

        Assert.Equal(RoundEnding.Amended, rebuilt.Rounds[0].Ending);
        Assert.Equal((2, 0, 2, Hours(2)), (rebuilt.Round, rebuilt.Rounds[1].Stage, rebuilt.Rounds[1].Revision, rebuilt.Rounds[1].OpenedAt));
        Assert.Equal(ProposalStatus.Voting, rebuilt.Status);
        Assert.Empty(rebuilt.Ballots);
        Assert.Null(rebuilt.Present);
        Assert.Single(rebuilt.BallotHistory);
    }

    [Fact]
    public void A_round_closed_early_once_everyone_voted_records_when_it_closed()
    {
        var proposal = Voting(DecisionRule.SimpleMajority().ClosingEarly(whenAllVoted: true, whenCertain: false), Members(2));
        proposal.Vote(1, Support, 1);
        proposal.Vote(2, Support, 2);
        proposal.Close(ChairActor, Hours(3));

        var rebuilt = AssertRebuildsAsLive(proposal, proposal.DequeueUncommittedEvents());

        Assert.Equal((ProposalStatus.Closed, Hours(3), DecisionResult.Adopted), (rebuilt.Status, rebuilt.DecidedAt!.Value, rebuilt.Outcome!.Result));
    }

    [Fact]
    public void A_late_quorum_extends_the_deadline_once_and_a_quorum_reached_early_extends_nothing()
    {
        var late = Voting(ProposalScenario.LateQuorum, Members(4));
        late.Vote(1, Support, 30);
        late.Vote(2, Oppose, 40);
        var rebuilt = AssertRebuildsAsLive(late, late.DequeueUncommittedEvents());
        Assert.Equal(Hours(64), rebuilt.Deadline);

        // Quorum is reached: a later ballot close to the new deadline extends it no further.
        rebuilt.Vote(3, Support, 50);
        Assert.IsType<BallotCast>(Assert.Single(rebuilt.DequeueUncommittedEvents()));

        var early = Voting(ProposalScenario.LateQuorum, Members(4));
        early.Vote(1, Support, 1);
        early.Vote(2, Support, 2);
        var quorate = AssertRebuildsAsLive(early, early.DequeueUncommittedEvents());
        quorate.Vote(3, Oppose, 40);
        Assert.IsType<BallotCast>(Assert.Single(quorate.DequeueUncommittedEvents()));
        Assert.Equal(Hours(48), quorate.Deadline);
    }

    [Fact]
    public void Rebuilt_proxies_are_the_ones_in_force_and_count_against_their_holders_cap()
    {
        var proposal = Discussed(ProposalScenario.Proxies);
        proposal.OpenVoting(Members(6), ChairActor, Start, [ProposalScenario.Standing(4, holder: 3)]);
        proposal.GrantProxy(Partner(2), Person(3), Partner(3), For(2), Hours(1));
        proposal.GrantProxy(Partner(5), Person(6), Partner(6), For(5), Hours(1));
        proposal.Vote(5, Oppose, 2);
        var history = proposal.DequeueUncommittedEvents();

        var rebuilt = AssertRebuildsAsLive(proposal, history);

        Assert.Equal(
            new[] { (Partner(2), Person(3), ProxyScope.ThisProposal, Person(2)), (Partner(4), Person(3), ProxyScope.Standing, Person(4)) },
            rebuilt.Proxies.Select(p => (p.Principal, p.Holder, p.Scope, p.GrantedBy)).OrderBy(p => p.Item1.ToString(), StringComparer.Ordinal));
        Refusal.Expect(rebuilt, ErrorCodes.Decisions.ProxyCapExceeded, () => rebuilt.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(3)));

        // Revoked, a proxy frees its holder's place.
        proposal.RevokeProxy(Partner(2), For(2), Hours(3));
        var revoked = AssertRebuildsAsLive(proposal, history.Concat(proposal.DequeueUncommittedEvents()).ToList());
        revoked.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(4));
        Assert.Equal(2, revoked.Proxies.Count(p => p.Holder == Person(3)));
    }

    [Fact]
    public void A_proposal_restored_from_a_snapshot_in_discussion_knows_who_seconded_it()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority(), secondersRequired: 1);
        proposal.SecondBy(2);
        var history = proposal.DequeueUncommittedEvents();
        var restored = Restored(history, history.Count);

        Refusal.Expect(restored, ErrorCodes.Decisions.InvalidSeconder, () => restored.SecondBy(2));
        var again = Assert.Throws<StoredEventException>(() => Restored([.. history, new MotionSeconded(ProposalNumber(1), Partner(2), Hours(1), For(2))], history.Count));
        Assert.Equal(ErrorCodes.Kernel.CorruptHistory, again.Code);
        Assert.EndsWith("the member proposed the motion or has seconded it already.", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_state_of_the_lifecycle_restores_from_a_snapshot_at_any_event_as_it_replays()
    {
        foreach (var history in ProposalScenario.Histories())
        {
            var replayed = ObservableState.Of(Proposal.Rehydrate(history));
            for (var cut = 1; cut <= history.Count; cut++)
            {
                Assert.Equal(replayed, ObservableState.Of(Restored(history, cut)));
            }
        }
    }
}
