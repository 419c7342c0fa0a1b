using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Storage;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Decisions.Stance;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>Each reason a stored proposal event is refused for, at its edge: the event just inside replays, the one just outside is refused with that reason.</summary>
public class ProposalStoredHistoryTests
{
    private static readonly ProposalId Id = ProposalNumber(1);
    private static readonly string Stream = AggregateType.Of<Proposal>().StreamNameFor(Id);
    private static readonly Duration Tick = Duration.Epsilon;
    private static readonly Instant Deadline = Start + Duration.FromDays(7);

    private static List<IDomainEvent> Events(Proposal proposal) => [.. proposal.DequeueUncommittedEvents()];

    private static List<IDomainEvent> Drafted(DecisionRule? rule = null, int secondersRequired = 0) =>
        Events(Proposal.Draft(Id, ProposalScenario.DraftOf(rule ?? DecisionRule.SimpleMajority(), secondersRequired), For(1), Start));

    private static List<IDomainEvent> InDiscussion(DecisionRule? rule = null) => Events(Discussed(rule ?? DecisionRule.SimpleMajority()));

    /// <summary>In voting from <see cref="Scenario.Start"/> to <see cref="Deadline"/> before members 1 to <paramref name="members"/>.</summary>
    private static List<IDomainEvent> InVoting(DecisionRule? rule = null, int members = 3) => Events(Voting(rule ?? DecisionRule.SimpleMajority(), Members(members)));

    /// <summary>Members 1 and 2 vote (member 1 supports) and the round closes at hour 200: rejected on a tie, adopted when both support.</summary>
    private static List<IDomainEvent> Closed(Stance second = Oppose)
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(2));
        proposal.Vote(1, Support);
        proposal.Vote(2, second);
        proposal.Close(ChairActor, Hours(200));
        return Events(proposal);
    }

    private static VotingOpened Opening(DecisionRule? rule = null, Electorate? electorate = null, int round = 1, int stage = 0, int revision = 1) =>
        new(Id, round, stage, revision, rule ?? DecisionRule.SimpleMajority(), electorate ?? Members(3), Deadline, Start, ChairActor);

    // Without a reason, in whole seconds and cast by the voter's own representative: the layout a store loads straight from
    // its text (BallotCastJson's fast path), so each refusal below is also checked through the aggregate store.
    private static BallotCast Ballot(int member, Stance stance = Support, Instant? at = null, int round = 1) =>
        new(Id, round, Partner(member), stance, null, at ?? Hours(1), For(member));

    private static BallotCast ByProxy(int voter, int holder, int? holderMember = null, Instant? at = null) =>
        new(Id, 1, Partner(voter), Support, null, at ?? Hours(2), ProposalScenario.HolderFor(holder, voter), Partner(holderMember ?? holder));

    private static ProxyGranted Grant(int principal, int holder, int? holderMember = null, Instant? at = null, Actor? by = null) =>
        new(Id, Partner(principal), Person(holder), Partner(holderMember ?? holder), at ?? Hours(1), by ?? For(principal));

    private static ConflictOfInterestDeclared Recusal(int member, Instant? at = null) => new(Id, Partner(member), "An interest.", at ?? Hours(1), For(member));

    /// <summary>Consensus falling back to three quarters when blocked: member 1 supports, member 2 takes the given stance, and the round closes at the given instant.</summary>
    private static List<IDomainEvent> UnderConsensusWithFallback(Stance second, Instant closedAt)
    {
        var proposal = Voting(ProposalScenario.ConsensusWithFallback, Members(2));
        proposal.Vote(1, Support);
        proposal.Vote(2, second);
        proposal.Close(ChairActor, closedAt);
        return Events(proposal);
    }

    /// <summary>Refused by replay, and alike when the aggregate store loads the same events from their stored text.</summary>
    private static void Refused(List<IDomainEvent> history, string why, params IDomainEvent[] next)
    {
        StoredHistory.Refused(Proposal.Rehydrate, history, why, next);
        Assert.True(StoreRoundTrip.LoadsAsReplayed(Stream, Proposal.Rehydrate, [.. history, .. next]));
    }

    /// <summary>Replayed, and loaded alike by the aggregate store from the stored text.</summary>
    private static Proposal Replays(List<IDomainEvent> history, params IDomainEvent[] next)
    {
        var proposal = Proposal.Rehydrate([.. history, .. next]);
        Assert.Equal(history.Count + next.Length, proposal.Version);
        Assert.True(StoreRoundTrip.LoadsAsReplayed(Stream, Proposal.Rehydrate, [.. history, .. next]));
        return proposal;
    }

    [Fact]
    public void A_stored_revision_follows_the_last_one_exactly()
    {
        Refused(Drafted(), "it is revision 1, but the next revision is 2.", new ProposalRevised(Id, 1, "Text.", null, Start, For(1)));
        Refused(Drafted(), "it is revision 3, but the next revision is 2.", new ProposalRevised(Id, 3, "Text.", null, Start, For(1)));

        Assert.Equal(2, Replays(Drafted(), new ProposalRevised(Id, 2, "Text.", null, Start, For(1))).Revision);
    }

    [Fact]
    public void A_stored_revision_of_a_decided_or_withdrawn_proposal_is_refused()
    {
        Refused(Closed(), "the proposal is no longer open to revision.", new ProposalRevised(Id, 2, "Text.", null, Hours(201), For(1)));
        Refused([.. Drafted(), new ProposalWithdrawn(Id, null, Start, For(1))], "the proposal is no longer open to revision.", new ProposalRevised(Id, 2, "Text.", null, Start, For(1)));

        // In discussion and in an open round (an amendment under consensus) it replays.
        Replays(InDiscussion(), new ProposalRevised(Id, 2, "Text.", null, Start, For(1)));
        Replays(InVoting(DecisionRule.Consensus()), new ProposalRevised(Id, 2, "Text.", null, Hours(1), For(1)));
    }

    [Fact]
    public void A_proposal_is_submitted_once_from_its_draft()
    {
        Refused(InDiscussion(), "the proposal is not a draft.", new ProposalSubmitted(Id, Start, For(1)));
        Refused(InVoting(), "the proposal is not a draft.", new ProposalSubmitted(Id, Hours(1), For(1)));
    }

    [Fact]
    public void A_stored_seconding_comes_in_discussion_from_a_member_other_than_the_proposer_once()
    {
        var seconded = new MotionSeconded(Id, Partner(2), Start, For(2));

        Refused(Drafted(), "the proposal is not in discussion.", seconded);
        Refused(InVoting(), "the proposal is not in discussion.", seconded);
        Refused(InDiscussion(), "the member proposed the motion or has seconded it already.", new MotionSeconded(Id, Partner(1), Start, For(1)));
        Refused([.. InDiscussion(), seconded], "the member proposed the motion or has seconded it already.", seconded);

        Assert.Equal(new[] { Partner(2), Partner(3) }, Replays(InDiscussion(), seconded, new MotionSeconded(Id, Partner(3), Start, For(3))).Seconders);
    }

    [Fact]
    public void A_stored_declaration_of_interest_comes_in_discussion_or_an_open_round_from_a_voter_not_yet_recused()
    {
        Refused(Drafted(), "the proposal is neither in discussion nor in an open round of voting.", Recusal(2, Start));
        Refused(Closed(), "the proposal is neither in discussion nor in an open round of voting.", Recusal(2, Hours(201)));
        Refused([.. InDiscussion(), Recusal(2)], "the member is recused already.", Recusal(2));
        Refused([.. InVoting(), Recusal(2)], "the member is recused already.", Recusal(2));
        Refused(InVoting(), "the member is not in the electorate frozen when voting opened.", Recusal(4));

        // Before voting opens there is no electorate to be outside of.
        Assert.Contains(Partner(9), Replays(InDiscussion(), Recusal(9)).Recused);
    }

    [Fact]
    public void A_stored_round_is_numbered_next_and_puts_the_current_revision_to_the_vote()
    {
        Refused(InDiscussion(), "it opens round 2, but the next round is 1.", Opening(round: 2));
        Refused(InDiscussion(), "it opens round 0, but the next round is 1.", Opening(round: 0));
        Refused(InDiscussion(), "it puts revision 2 to the vote, but the text is at revision 1.", Opening(revision: 2));
        Refused(InDiscussion(), "it puts revision 0 to the vote, but the text is at revision 1.", Opening(revision: 0));
    }

    [Fact]
    public void A_stored_round_closes_after_it_opens()
    {
        Refused(InDiscussion(), "its deadline is not after its opening.", Opening() with { Deadline = Start });
        Refused(InDiscussion(), "its deadline is not after its opening.", Opening() with { Deadline = Start - Tick });

        Assert.Equal(Start + Tick, Replays(InDiscussion(), Opening() with { Deadline = Start + Tick }).Deadline);
    }

    [Fact]
    public void A_stored_chamber_vote_or_a_fallback_to_one_opens_only_before_an_electorate_with_chambers()
    {
        var chamberVote = DecisionRule.ChamberVote(PassCondition.MoreThan(Fraction.Half, VoteBase.VotesCast));
        var fallingBack = DecisionRule.SimpleMajority().WithFallback(chamberVote);
        var chambers = new Electorate([Voter(1, chamber: "north"), Voter(2, chamber: "south")], [new Chamber("north", 1), new Chamber("south", 1)]);
        const string Why = "a chamber vote (or a fallback to one) opens before an electorate without chambers.";

        Refused(InDiscussion(chamberVote), Why, Opening(chamberVote));
        Refused(InDiscussion(fallingBack), Why, Opening(fallingBack));

        Replays(InDiscussion(chamberVote), Opening(chamberVote, chambers));
        Replays(InDiscussion(fallingBack), Opening(fallingBack, chambers));
    }

    [Fact]
    public void A_stored_first_round_opens_a_proposal_in_discussion_seconded_as_its_rule_book_requires()
    {
        Refused(Drafted(), "the proposal is not in discussion.", Opening());

        var discussed = Drafted(secondersRequired: 2);
        discussed.Add(new ProposalSubmitted(Id, Start, For(1)));
        discussed.Add(new MotionSeconded(Id, Partner(2), Start, For(2)));
        Refused(discussed, "the motion has not been seconded as the rule book requires.", Opening());

        Replays(discussed, new MotionSeconded(Id, Partner(3), Start, For(3)), Opening());
    }

    [Fact]
    public void A_stored_first_round_freezes_an_electorate_with_a_voter_who_is_not_recused()
    {
        Refused(InDiscussion(), "the first round does not freeze an electorate.", Opening() with { Electorate = null });
        Refused(InDiscussion(), "the electorate it freezes has no voter who is not recused.", Opening(electorate: Electorate.Empty));
        Refused([.. InDiscussion(), Recusal(1), Recusal(2)], "the electorate it freezes has no voter who is not recused.", Opening(electorate: Members(2)));

        Replays([.. InDiscussion(), Recusal(1)], Opening(electorate: Members(2)));
    }

    [Fact]
    public void A_stored_first_round_is_under_the_proposals_own_rule()
    {
        Refused(InDiscussion(), "the first round is not under the proposal's own rule.", Opening(stage: 1));
        Refused(InDiscussion(), "the first round is not under the proposal's own rule.", Opening(DecisionRule.TwoThirdsMajority()));
        Refused(InDiscussion(), "the first round is not under the proposal's own rule.", Opening(DecisionRule.SimpleMajority().WithVeto()));
    }

    [Fact]
    public void A_stored_first_round_freezes_only_standing_proxies_that_apply()
    {
        var rule = ProposalScenario.Proxies;
        var discussed = InDiscussion(rule);
        var opening = Opening(rule, Members(5));
        var standing = ProposalScenario.Standing(4, holder: 3);

        Refused(InDiscussion(), "it freezes standing proxies under a rule that takes none.", Opening(electorate: Members(5)) with { Proxies = [standing] });
        Refused([.. discussed, Recusal(4)], "it freezes a standing proxy of a recused member.", opening with { Proxies = [standing] });
        Refused([.. discussed, Recusal(4)], "it freezes a standing proxy of a recused member.", opening with { Proxies = [ProposalScenario.Standing(2, holder: 3), standing] });
        Refused(discussed, "a standing proxy it freezes is not in force when voting opens.", opening with { Proxies = [ProposalScenario.Standing(4, holder: 3, until: Start)] });
        Refused(discussed, "a standing proxy it freezes is not in force when voting opens.", opening with { Proxies = [new StandingProxy(Partner(4), Person(3), Partner(3), Person(4), Start + Tick)] });
        Refused(discussed, "a standing proxy it freezes is from a member outside the electorate.", opening with { Proxies = [ProposalScenario.Standing(9, holder: 3)] });
        Refused(discussed, "a proxy goes to a representative of another member, not of the principal itself.", opening with { Proxies = [ProposalScenario.Standing(4, holder: 4)] });
        Refused(discussed, "the holder's member is not in the electorate.", opening with { Proxies = [ProposalScenario.Standing(4, holder: 9)] });
        Refused(discussed, "the holder is not one of the representatives the electorate lists for the holder's member.", opening with { Proxies = [new StandingProxy(Partner(4), Person(2), Partner(3), Person(4), Start - Duration.FromDays(30))] });
        Refused(discussed, "a standing proxy it freezes was not given by the principal's representative.", opening with { Proxies = [ProposalScenario.Standing(4, holder: 3, grantedBy: 3)] });
        Refused(discussed, "it freezes two standing proxies of one member.", opening with { Proxies = [standing, ProposalScenario.Standing(4, holder: 2)] });
        Refused(discussed, "a holder would carry more standing proxies than the rule allows.", opening with { Proxies = [ProposalScenario.Standing(1, holder: 3), ProposalScenario.Standing(2, holder: 3), standing] });

        // In force from the instant voting opens until an instant after; two to one holder, as the rule allows.
        var frozen = Replays(discussed, opening with { Proxies = [new StandingProxy(Partner(4), Person(3), Partner(3), Person(4), Start, Start + Tick), ProposalScenario.Standing(2, holder: 3)] });
        Assert.Equal(2, frozen.Proxies.Count);
    }

    [Fact]
    public void A_stored_standing_proxy_to_a_person_who_also_represents_the_principal_is_refused()
    {
        var rule = ProposalScenario.Proxies;
        var electorate = new Electorate([Voter(1), Voter(2), Voter(3), new Voter(Partner(4), [Person(4), Person(3)], name: "Member 4")]);

        Refused(InDiscussion(rule), "the holder represents the principal itself, so needs no proxy.", Opening(rule, electorate) with { Proxies = [ProposalScenario.Standing(4, holder: 3)] });
    }

    [Fact]
    public void Only_a_stored_first_round_freezes_an_electorate_or_standing_proxies()
    {
        var history = UnderConsensusWithFallback(Block, Hours(2));
        var opened = (VotingOpened)history[^1];
        history.RemoveAt(history.Count - 1);

        Refused(history, "only the first round freezes an electorate.", opened with { Electorate = Members(2) });
        Refused(history, "only the first round freezes standing proxies.", opened with { Proxies = [] });
        Replays(history, opened);
    }

    [Fact]
    public void A_stored_later_round_opens_only_after_a_round_ended_in_a_way_that_opens_it()
    {
        const string Why = "no round has ended in a way that opens this one.";
        var returned = Voting(DecisionRule.Consensus().WithFallback(ProposalScenario.ThreeQuarters, FallbackWhen.Blocked, afterRounds: 2), Members(2));
        returned.Vote(1, Block);
        returned.Close(ChairActor, Hours(200));
        var forRevision = Events(returned);
        var rule = ((VotingOpened)forRevision[2]).Rule;
        var reopened = new VotingOpened(Id, 2, 0, 2, rule, null, Hours(400), Hours(201), ChairActor);
        var revised = new ProposalRevised(Id, 2, "A revised text.", null, Hours(201), For(1));

        // While the first round is open; returned for revision but not revised; revised, but at another stage.
        Refused(InVoting(), Why, new VotingOpened(Id, 2, 0, 1, DecisionRule.SimpleMajority(), null, Hours(400), Hours(1), ChairActor));
        Refused(forRevision, Why, reopened with { Revision = 1 });
        Refused([.. forRevision, revised], Why, reopened with { Stage = 1 });

        Assert.Equal(2, Replays([.. forRevision, revised], reopened).Round);
    }

    [Fact]
    public void A_stored_later_round_runs_under_its_stages_rule()
    {
        const string Why = "it opens the round under another rule than its stage's.";
        var history = UnderConsensusWithFallback(Block, Hours(2));
        var opened = (VotingOpened)history[^1];
        history.RemoveAt(history.Count - 1);

        Refused(history, Why, opened with { Rule = DecisionRule.SimpleMajority() });
        Refused(history, Why, opened with { Rule = ProposalScenario.ConsensusWithFallback });
        Assert.Equal(ProposalScenario.ThreeQuarters, Replays(history, opened).CurrentRule);

        var amended = Voting(DecisionRule.Consent(), Members(2));
        amended.Revise("An amended text.", null, For(1), Hours(1));
        var reopening = Events(amended);
        var next = (VotingOpened)reopening[^1];
        reopening.RemoveAt(reopening.Count - 1);

        Refused(reopening, Why, next with { Rule = DecisionRule.Consensus() });
        Assert.Equal(DecisionRule.Consent(), Replays(reopening, next).CurrentRule);
    }

    [Fact]
    public void Stored_attendance_is_recorded_for_the_open_round_and_only_of_its_voters()
    {
        AttendanceRecorded Attendance(int round, params int[] present) => new(Id, round, [.. present.Select(Partner)], Hours(1), ChairActor);

        Refused(InDiscussion(), "no round of voting is open.", Attendance(1, 1));
        Refused(InVoting(), "it names round 2, but the open round is 1.", Attendance(2, 1));
        Refused(InVoting(), "it names round 0, but the open round is 1.", Attendance(0, 1));
        Refused(InVoting(), "someone recorded present is not a voter on the proposal.", Attendance(1, 1, 4));
        Refused([.. InVoting(), Recusal(2)], "someone recorded present is not a voter on the proposal.", Attendance(1, 1, 2));

        Assert.Equal(new[] { Partner(1), Partner(3) }, Replays([.. InVoting(), Recusal(2)], Attendance(1, 1, 3)).Present);
    }

    [Fact]
    public void A_stored_ballot_names_the_open_round()
    {
        Refused(InDiscussion(), "no round of voting is open.", Ballot(1));
        Refused(Closed(), "no round of voting is open.", Ballot(1, at: Hours(201)));
        Refused(InVoting(), "it names round 2, but the open round is 1.", Ballot(1, round: 2));
        Refused(InVoting(), "it names round 0, but the open round is 1.", Ballot(1, round: 0));
    }

    [Fact]
    public void A_stored_ballot_is_dated_from_the_opening_of_its_round_until_before_its_deadline()
    {
        const string Why = "it is dated outside the round's voting window, from its opening to its deadline.";

        Refused(InVoting(), Why, Ballot(1, at: Start - Tick));
        Refused(InVoting(), Why, Ballot(1, at: Deadline));
        Refused(InVoting(), Why, Ballot(1, at: Deadline + Tick));

        Assert.Equal(2, Replays(InVoting(), Ballot(1, at: Start), Ballot(2, at: Deadline - Tick)).Ballots.Count);
    }

    [Fact]
    public void A_stored_ballot_after_a_late_quorum_extension_counts_until_the_extended_deadline()
    {
        var proposal = Voting(ProposalScenario.LateQuorum, Members(4));
        proposal.Vote(1, Support, 40);
        proposal.Vote(2, Support, 40);
        var extended = Events(proposal);
        var deadline = Hours(64);
        Assert.Equal(deadline, ((DeadlineExtended)extended[^1]).Deadline);

        Refused(extended, "it is dated outside the round's voting window, from its opening to its deadline.", Ballot(3, at: deadline));
        Replays(extended, Ballot(3, at: Hours(48)), Ballot(4, at: deadline - Tick));
    }

    [Fact]
    public void A_stored_ballot_from_a_voter_outside_the_frozen_electorate_or_recused_is_refused()
    {
        Refused(InVoting(), "the voter is not in the electorate frozen when voting opened.", Ballot(4));
        Refused([.. InVoting(), Recusal(2)], "the voter is recused.", Ballot(2, at: Hours(2)));
    }

    [Fact]
    public void A_stored_ballot_takes_a_stance_the_rounds_rule_takes()
    {
        Refused(InVoting(), "the round's rule does not take the stance.", Ballot(1, Block));
        Refused(InVoting(), "the round's rule does not take the stance.", Ballot(1, Stance.Object));
        Refused(InVoting(DecisionRule.Consent()), "the round's rule does not take the stance.", Ballot(1, Oppose));

        Replays(InVoting(DecisionRule.Consensus()), Ballot(1, Block), Ballot(2, StandAside));
    }

    [Fact]
    public void A_stored_ballot_by_proxy_needs_a_rule_with_proxies_and_that_very_proxy_in_force()
    {
        const string NoSuchProxy = "it was cast by proxy, and no such proxy of the voter is in force.";
        var withProxy = InVoting(ProposalScenario.Proxies, members: 5);
        withProxy.Add(Grant(2, holder: 3));

        Refused(InVoting(), "it was cast by proxy, and the round's rule takes no proxies.", ByProxy(2, holder: 3));
        Refused(withProxy, NoSuchProxy, ByProxy(1, holder: 3));
        Refused(withProxy, NoSuchProxy, ByProxy(2, holder: 4));
        Refused(withProxy, NoSuchProxy, ByProxy(2, holder: 3, holderMember: 4));
        Refused(withProxy, NoSuchProxy, ByProxy(2, holder: 3) with { By = ProposalScenario.HolderFor(4, 2) });
        Refused([.. withProxy, new ProxyRevoked(Id, Partner(2), Hours(2), For(2))], NoSuchProxy, ByProxy(2, holder: 3));
        Refused([.. withProxy, Ballot(2, Oppose, Hours(2))], NoSuchProxy, ByProxy(2, holder: 3));

        var used = Replays(withProxy, ByProxy(2, holder: 3));
        Assert.True(Assert.Single(used.Ballots).ByProxy);
    }

    [Fact]
    public void A_stored_proxy_ballot_may_replace_another_holders_but_no_proxy_is_given_once_the_member_voted_itself()
    {
        var history = InVoting(ProposalScenario.Proxies, members: 5);
        history.Add(Grant(2, holder: 3));
        history.Add(ByProxy(2, holder: 3));
        history.Add(Grant(2, holder: 4, at: Hours(2)));

        // A proxy's ballot may be replaced by another holder's; not a ballot the member cast itself.
        Replays(history, ByProxy(2, holder: 4, at: Hours(3)));

        var own = new List<IDomainEvent>(InVoting(ProposalScenario.Proxies, members: 5)) { Ballot(2, Oppose) };
        Refused(own, "the principal has voted itself in the round.", Grant(2, holder: 3, at: Hours(2)));
    }

    [Fact]
    public void A_stored_proxy_is_given_in_an_open_round_dated_within_it()
    {
        const string Window = "it is dated outside the round's voting window, from its opening to its deadline.";
        var voting = InVoting(ProposalScenario.Proxies, members: 5);

        Refused(InDiscussion(ProposalScenario.Proxies), "no round of voting is open.", Grant(2, holder: 3));
        Refused(voting, Window, Grant(2, holder: 3, at: Start - Tick));
        Refused(voting, Window, Grant(2, holder: 3, at: Deadline));
        Replays(voting, Grant(2, holder: 3, at: Start), Grant(4, holder: 3, at: Deadline - Tick));
    }

    [Fact]
    public void A_stored_proxy_is_given_by_a_person_for_a_voter_to_another_voters_representative()
    {
        var voting = InVoting(ProposalScenario.Proxies, members: 5);

        Refused(InVoting(), "the round's rule takes no proxies.", Grant(2, holder: 3));
        Refused(voting, "it was not given by a person.", Grant(2, holder: 3, by: Actor.System("importer")));
        Refused(voting, "the principal is not a voter on the proposal.", Grant(9, holder: 3));
        Refused([.. voting, Recusal(2)], "the principal is not a voter on the proposal.", Grant(2, holder: 3, at: Hours(2)));
        Refused(voting, "a proxy goes to a representative of another member, not of the principal itself.", Grant(2, holder: 2));
        Refused(voting, "the holder's member is not in the electorate.", Grant(2, holder: 9));
        Refused(voting, "the holder is not one of the representatives the electorate lists for the holder's member.", Grant(2, holder: 4, holderMember: 3));
    }

    [Fact]
    public void A_stored_proxy_to_a_person_who_also_represents_the_principal_is_refused()
    {
        var rule = ProposalScenario.Proxies;
        var electorate = new Electorate([Voter(1), Voter(2), Voter(3), new Voter(Partner(4), [Person(4), Person(3)], name: "Member 4")]);
        var proposal = Discussed(rule);
        proposal.OpenVoting(electorate, ChairActor, Start);

        Refused(Events(proposal), "the holder represents the principal itself, so needs no proxy.", Grant(4, holder: 3));
    }

    [Fact]
    public void A_stored_proxy_keeps_its_holder_within_the_rules_cap()
    {
        // Person 3 holds the proxies of members 1 and 2, as many as the rule allows.
        var atCap = InVoting(ProposalScenario.Proxies, members: 5);
        atCap.Add(Grant(1, holder: 3));
        atCap.Add(Grant(2, holder: 3));

        Refused(atCap, "the holder would carry more proxies than the rule allows.", Grant(4, holder: 3, at: Hours(2)));

        // Given again to the same holder, a proxy replaces itself; the holder's count does not grow.
        var regiven = Replays(atCap, Grant(2, holder: 3, at: Hours(2)));
        Assert.Equal(2, regiven.Proxies.Count(p => p.Holder == Person(3)));

        // Member 2 moves its proxy away: person 3 may take member 4's.
        Replays(atCap, Grant(2, holder: 5, at: Hours(2)), Grant(4, holder: 3, at: Hours(3)));
    }

    [Fact]
    public void A_stored_proxy_is_revoked_in_an_open_round_while_in_force()
    {
        const string Window = "it is dated outside the round's voting window, from its opening to its deadline.";
        var withProxy = InVoting(ProposalScenario.Proxies, members: 5);
        withProxy.Add(Grant(2, holder: 3));

        Refused(InDiscussion(), "no round of voting is open.", new ProxyRevoked(Id, Partner(2), Start, For(2)));
        Refused(withProxy, "the member has no proxy in force.", new ProxyRevoked(Id, Partner(1), Hours(2), For(1)));
        Refused(withProxy, Window, new ProxyRevoked(Id, Partner(2), Deadline, For(2)));
        Refused(withProxy, Window, new ProxyRevoked(Id, Partner(2), Start - Tick, For(2)));
        Refused([.. withProxy, Ballot(2, Oppose, Hours(2))], "the member has no proxy in force.", new ProxyRevoked(Id, Partner(2), Hours(3), For(2)));

        Assert.Empty(Replays(withProxy, new ProxyRevoked(Id, Partner(2), Deadline - Tick, For(2))).Proxies);
    }

    [Fact]
    public void A_stored_deadline_extension_moves_the_open_rounds_deadline_by_the_rules_late_quorum_span_once_the_quorum_is_reached()
    {
        // The late-quorum rule: 48 hours of voting, a quorum of half of the 4 members, 24 hours more when a ballot within
        // the last 24 hours brings the quorum. Member 2's ballot at hour 40 brings it: the deadline moves to hour 64.
        var proposal = Voting(ProposalScenario.LateQuorum, Members(4));
        proposal.Vote(1, Support, 40);
        var oneBallot = Events(proposal);
        proposal.Vote(2, Support, 40);
        var last = Events(proposal);
        var quorate = (List<IDomainEvent>)[.. oneBallot, last[0]];
        var extension = (DeadlineExtended)last[1];
        Assert.Equal((Hours(40), Hours(64)), (extension.At, extension.Deadline));

        Refused(InDiscussion(), "no round of voting is open.", extension);
        Refused(quorate, "it names round 2, but the open round is 1.", extension with { Round = 2 });
        Refused(quorate, "it is dated outside the round's voting window, from its opening to its deadline.", extension with { At = Hours(48), Deadline = Hours(72) });
        Refused(InVoting(), "the round's rule has no late-quorum extension.", extension with { Deadline = Deadline + Tick });
        Refused(quorate, "the new deadline is not later than the round's deadline.", extension with { At = Hours(24), Deadline = Hours(48) });
        Refused(quorate, "the new deadline is not the rule's late-quorum span after the ballot that brought the quorum.", extension with { Deadline = Hours(64) + Tick });
        Refused(quorate, "the new deadline is not the rule's late-quorum span after the ballot that brought the quorum.", extension with { Deadline = Hours(64) - Tick });
        Refused(oneBallot, "the quorum has not been reached.", extension);

        var extended = Replays(quorate, extension);
        Assert.Equal(Hours(64), extended.Deadline);
        Assert.Equal(Hours(64), extended.Rounds[0].Deadline);
    }

    [Fact]
    public void A_stored_late_quorum_extension_follows_only_the_ballot_that_first_brought_the_quorum_so_a_round_has_at_most_one()
    {
        const string NotThatBallot = "it is not dated at the ballot that first brought the quorum.";
        // Members 1 and 2 vote at the first hour given (member 2's ballot brings the quorum), member 3 at the second.
        static List<IDomainEvent> Votes(double quorumAt, double laterAt)
        {
            var proposal = Voting(ProposalScenario.LateQuorum, Members(4));
            proposal.Vote(1, Support, quorumAt);
            proposal.Vote(2, Support, quorumAt);
            proposal.Vote(3, Oppose, laterAt);
            return Events(proposal);
        }

        // The quorum came at hour 40, within the last 24 hours: the deadline moved to hour 64, and not again at hour 60.
        var extendedOnce = Votes(quorumAt: 40, laterAt: 60);
        Assert.Single(extendedOnce.OfType<DeadlineExtended>());
        Refused(extendedOnce, NotThatBallot, new DeadlineExtended(Id, 1, Hours(84), Hours(60), Actor.System("late-quorum rule")));

        // The quorum came at hour 10, before the last 24 hours: no later ballot moves the deadline.
        var quorateEarly = Votes(quorumAt: 10, laterAt: 40);
        Assert.Empty(quorateEarly.OfType<DeadlineExtended>());
        Refused(quorateEarly, NotThatBallot, new DeadlineExtended(Id, 1, Hours(64), Hours(40), Actor.System("late-quorum rule")));
    }

    [Fact]
    public void A_stored_amendment_during_a_round_needs_a_rule_that_takes_one_and_is_followed_by_the_rounds_close()
    {
        const string CloseFirst = "the round was amended, so its close must follow the amendment.";
        Refused(InVoting(), "the round's rule takes no amendment during voting.", new ProposalRevised(Id, 2, "Text.", null, Hours(1), For(1)));

        var amended = Voting(DecisionRule.Consent(), Members(2));
        amended.Revise("An amended text.", null, For(1), Hours(1));
        var history = Events(amended);
        var revised = history.FindIndex(e => e is ProposalRevised);
        var closed = (RoundClosed)history[revised + 1];
        List<IDomainEvent> upToTheAmendment = history[..(revised + 1)];

        Refused(upToTheAmendment, CloseFirst, Ballot(1, Stance.Object, Hours(2)));
        Refused(upToTheAmendment, CloseFirst, closed with { Ending = RoundEnding.Final });
        Refused(upToTheAmendment, CloseFirst, new ProposalRevised(Id, 3, "Text.", null, Hours(1), For(1)));
        Assert.Equal(2, Replays(upToTheAmendment, [.. history[(revised + 1)..]]).Round);
    }

    [Fact]
    public void A_stored_ballot_under_final_ballots_changes_nothing_but_a_proxys_ballot_for_the_voters_own()
    {
        const string Why = "the round's rule makes ballots final, and the voter's ballot was cast already.";
        var final = InVoting(ProposalScenario.Proxies.WithFinalBallots());
        var proxyVoted = (List<IDomainEvent>)[.. final, Grant(1, 2), ByProxy(1, 2)];

        Refused([.. final, Ballot(1)], Why, Ballot(1, Oppose, Hours(2)));
        Refused(proxyVoted, Why, ByProxy(1, 2, at: Hours(3)));
        Assert.Equal(Oppose, Replays(proxyVoted, Ballot(1, Oppose, Hours(3))).Ballots.Single().Stance);

        // Without final ballots, a voter changes its ballot.
        Assert.Equal(Oppose, Replays([.. InVoting(ProposalScenario.Proxies), Ballot(1)], Ballot(1, Oppose, Hours(2))).Ballots.Single().Stance);
    }

    [Fact]
    public void A_stored_round_closes_once_and_only_in_a_way_its_rule_allows()
    {
        var voting = Voting(DecisionRule.SimpleMajority(), Members(2));
        voting.Vote(1, Support);
        var outcome = voting.PreviewOutcome();
        var history = Events(voting);
        RoundClosed Closing(RoundEnding ending, int round = 1) => new(Id, round, outcome, ending, Hours(200), ChairActor);

        Refused(InDiscussion(), "no round of voting is open.", Closing(RoundEnding.Final));
        Refused(history, "it names round 2, but the open round is 1.", Closing(RoundEnding.Final, round: 2));
        Refused(history, "the round's rule has no fallback.", Closing(RoundEnding.Fallback));
        Refused(history, "the round's rule has no fallback.", Closing(RoundEnding.Revision));
        Refused(history, "the proposal was not amended during the round.", Closing(RoundEnding.Amended));
        Refused([.. history, Closing(RoundEnding.Final)], "no round of voting is open.", Closing(RoundEnding.Final));
        Refused(history, "it is dated before the round opened.", Closing(RoundEnding.Final) with { At = Start - Tick });

        var quorate = DecisionTally.Evaluate(DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half)), Members(2), Ballots(Support));
        Refused(history, "its quorum figures do not match the rule's quorum.", Closing(RoundEnding.Final) with { Outcome = quorate });

        Assert.Equal(outcome, Replays(history, Closing(RoundEnding.Final)).Outcome);
    }

    [Fact]
    public void A_stored_round_ends_as_its_rule_ends_its_outcome()
    {
        // A blocked round opens the fallback round.
        var history = UnderConsensusWithFallback(Block, Hours(200));
        var closed = (RoundClosed)history[^2];
        List<IDomainEvent> open = history[..^2];
        Assert.Equal(RoundEnding.Fallback, closed.Ending);

        Refused(open, "it ends the round as Final, but under the round's rule an outcome of Blocked ends it as Fallback.", closed with { Ending = RoundEnding.Final });
        Refused(open, "it ends the round as Revision, but under the round's rule an outcome of Blocked ends it as Fallback.", closed with { Ending = RoundEnding.Revision });

        // The same fallback after two rounds: the first blocked round goes back for revision.
        var twice = Voting(DecisionRule.Consensus().WithFallback(ProposalScenario.ThreeQuarters, FallbackWhen.Blocked, afterRounds: 2), Members(2));
        twice.Vote(1, Block);
        twice.Close(ChairActor, Hours(200));
        var returned = Events(twice);
        var firstClose = (RoundClosed)returned[^1];
        Assert.Equal(RoundEnding.Revision, firstClose.Ending);
        Refused(returned[..^1], "it ends the round as Fallback, but under the round's rule an outcome of Blocked ends it as Revision.", firstClose with { Ending = RoundEnding.Fallback });

        // A consensus the fallback does not answer is final.
        var adopted = UnderConsensusWithFallback(Support, Hours(200));
        var finalClose = (RoundClosed)adopted[^1];
        Assert.Equal(RoundEnding.Final, finalClose.Ending);
        Refused(adopted[..^1], $"it ends the round as Fallback, but under the round's rule an outcome of {finalClose.Outcome.Result} ends it as Final.", finalClose with { Ending = RoundEnding.Fallback });
        Replays(adopted[..^1], finalClose);
    }

    [Fact]
    public void A_stored_withdrawal_comes_before_the_proposal_is_decided_or_withdrawn()
    {
        var withdrawn = new ProposalWithdrawn(Id, null, Hours(300), For(1));

        Refused(Closed(), "the proposal is closed or withdrawn.", withdrawn);
        Refused([.. InDiscussion(), withdrawn], "the proposal is closed or withdrawn.", withdrawn);

        Assert.Equal(ProposalStatus.Withdrawn, Replays(Drafted(), withdrawn).Status);
        Assert.Equal(ProposalStatus.Withdrawn, Replays(InVoting(), withdrawn).Status);
    }

    [Fact]
    public void Only_a_stored_proposal_closed_as_adopted_is_implemented_once()
    {
        var implemented = new ProposalImplemented(Id, null, Hours(300), ChairActor);
        const string Why = "the proposal is not closed as adopted.";

        Refused(InVoting(), Why, implemented);
        Refused(Closed(), Why, implemented);
        Refused([.. Closed(Support), implemented], Why, implemented);

        Assert.Equal(Hours(300), Replays(Closed(Support), implemented).ImplementedAt);
    }

    [Fact]
    public void Only_a_stored_adopted_proposal_is_given_a_review_date()
    {
        var review = new ReviewScheduled(Id, new LocalDate(2027, 3, 1), Hours(300), For(1));
        const string Why = "the proposal was not adopted.";

        Refused(InVoting(), Why, review);
        Refused(Closed(), Why, review);
        Refused([.. Drafted(), new ProposalWithdrawn(Id, null, Start, For(1))], Why, review);

        Assert.Equal(new LocalDate(2027, 3, 1), Replays(Closed(Support), review).ReviewOn);
        Assert.Equal(new LocalDate(2027, 3, 1), Replays([.. Closed(Support), new ProposalImplemented(Id, null, Hours(250), ChairActor)], review).ReviewOn);
    }
}
