using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Decisions.Stance;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

public class ProposalLifecycleTests
{
    [Fact]
    public void A_drafted_proposal_starts_as_a_draft_at_revision_one()
    {
        var proposal = Proposal.Draft(ProposalNumber(1), new ProposalDraft(TheCoalition, MatterType.IssuePublicStatement, "Statement", "Text", Partner(1), DecisionRule.SimpleMajority(), [Chair]), For(1), Start);

        Assert.Equal(ProposalStatus.Draft, proposal.Status);
        Assert.Equal(1, proposal.Revision);
        Assert.Equal(1, proposal.Version);
        Assert.IsType<ProposalDrafted>(Assert.Single(proposal.DequeueUncommittedEvents()));
    }

    [Fact]
    public void Only_a_representative_of_the_proposer_may_draft_in_its_name()
    {
        var error = Assert.Throws<CoalitionRuleException>(() =>
            Proposal.Draft(ProposalNumber(1), new ProposalDraft(TheCoalition, MatterType.IssuePublicStatement, "Statement", "Text", Partner(1), DecisionRule.SimpleMajority(), [Chair]), For(2), Start));

        Assert.Equal(ErrorCodes.Decisions.NotTheProposer, error.Code);
    }

    [Fact]
    public void A_draft_needs_a_title_a_text_and_a_facilitator()
    {
        var error = Assert.Throws<CoalitionRuleException>(() =>
            Proposal.Draft(ProposalNumber(1), new ProposalDraft(TheCoalition, MatterType.IssuePublicStatement, " ", "", Partner(1), DecisionRule.SimpleMajority(), []), For(1), Start));

        Assert.Equal([ErrorCodes.Kernel.InvalidText, ErrorCodes.Decisions.InvalidProposal], error.Codes);
        Assert.Equal(3, error.Errors.Count());
    }

    [Fact]
    public void A_custom_matter_needs_a_name()
    {
        var error = Assert.Throws<CoalitionRuleException>(() =>
            Proposal.Draft(ProposalNumber(1), new ProposalDraft(TheCoalition, MatterType.Custom, "T", "X", Partner(1), DecisionRule.SimpleMajority(), [Chair]), For(1), Start));

        Assert.Equal(ErrorCodes.Kernel.InvalidText, error.Code);
    }

    [Fact]
    public void Voting_opens_only_once_the_motion_is_seconded_as_the_rule_book_requires()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority(), secondersRequired: 2);
        proposal.SecondBy(2);

        Refusal.Expect(proposal, ErrorCodes.Decisions.NotEnoughSeconders, () => proposal.OpenVoting(Members(5), ChairActor, Start));

        proposal.SecondBy(3);
        proposal.OpenVoting(Members(5), ChairActor, Start);
        Assert.Equal(ProposalStatus.Voting, proposal.Status);
    }

    [Fact]
    public void A_member_cannot_second_its_own_proposal_or_second_twice()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority(), secondersRequired: 1);
        proposal.SecondBy(2);

        Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidSeconder, () => proposal.SecondBy(1));
        Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidSeconder, () => proposal.SecondBy(2));
        Refusal.Expect(proposal, ErrorCodes.Decisions.NotARepresentative, () => proposal.Second(Partner(3), Members(5), For(4), Start));
    }

    [Fact]
    public void A_motion_is_seconded_only_in_discussion_never_once_voting_has_opened()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(5));

        Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidTransition, () => proposal.SecondBy(2, Members(5)));
        Assert.Empty(proposal.Seconders);
    }

    [Fact]
    public void No_ballot_is_taken_before_the_round_opens()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority());
        proposal.OpenVoting(Members(3), ChairActor, Hours(10));

        Refusal.Expect(proposal, ErrorCodes.Decisions.VotingNotOpen, () => proposal.Vote(2, Support, 9));
    }

    [Fact]
    public void Nothing_is_tallied_before_voting_opens()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority());

        var error = Assert.Throws<CoalitionRuleException>(() => proposal.PreviewOutcome());

        Assert.Equal(ErrorCodes.Decisions.VotingNotOpen, error.Code);
    }

    [Fact]
    public void A_recused_member_cannot_be_recorded_present()
    {
        var proposal = Voting(ProposalScenario.InMeeting, Members(3));
        proposal.DeclareConflictOfInterest(Partner(2), "Our director sits on the grantee's board.", For(2), Hours(1));

        Refusal.Expect(proposal, ErrorCodes.Decisions.NotInElectorate, () => proposal.RecordAttendance([Partner(1), Partner(2)], ChairActor, Hours(2)));
    }

    [Fact]
    public void Only_a_member_of_the_frozen_electorate_declares_a_conflict_of_interest_on_it()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));

        Refusal.Expect(proposal, ErrorCodes.Decisions.NotInElectorate, () => proposal.DeclareConflictOfInterest(Partner(7), "Interest.", For(7), Hours(1)));
    }

    [Fact]
    public void Only_a_facilitator_opens_voting()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority());

        Refusal.Expect(proposal, ErrorCodes.Decisions.NotAFacilitator, () => proposal.OpenVoting(Members(3), For(2), Start));
    }

    [Fact]
    public void Voting_needs_at_least_one_voter()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority());

        Refusal.Expect(proposal, ErrorCodes.Decisions.EmptyElectorate, () => proposal.OpenVoting(Electorate.Empty, ChairActor, Start));
    }

    [Fact]
    public void A_draft_cannot_be_put_to_a_vote_before_it_is_submitted()
    {
        var proposal = Proposal.Draft(ProposalNumber(1), new ProposalDraft(TheCoalition, MatterType.IssuePublicStatement, "T", "X", Partner(1), DecisionRule.SimpleMajority(), [Chair]), For(1), Start);

        Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidTransition, () => proposal.OpenVoting(Members(3), ChairActor, Start));
    }

    [Fact]
    public void Before_voting_a_proposal_has_no_deadline_and_its_current_rule_is_its_own()
    {
        var rule = DecisionRule.SimpleMajority().WithVotingPeriod(Duration.FromDays(5));

        var proposal = Discussed(rule);

        Assert.Equal(0, proposal.Round);
        Assert.Null(proposal.Deadline);
        Assert.Same(rule, proposal.CurrentRule);
    }

    [Fact]
    public void Opening_voting_freezes_the_electorate_and_sets_the_deadline()
    {
        var rule = DecisionRule.SimpleMajority().WithVotingPeriod(Duration.FromDays(5));

        var proposal = Voting(rule, Members(3));

        Assert.Equal(3, proposal.Electorate!.Count);
        Assert.Equal(Start + Duration.FromDays(5), proposal.Deadline);
        Assert.Same(rule, proposal.CurrentRule);
    }

    [Fact]
    public void Only_a_voters_representative_casts_its_ballot()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));

        Refusal.Expect(proposal, ErrorCodes.Decisions.NotARepresentative, () => proposal.CastBallot(Partner(2), Support, null, For(3), Hours(1)));
    }

    [Fact]
    public void A_member_outside_the_frozen_electorate_cannot_vote()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));

        Refusal.Expect(proposal, ErrorCodes.Decisions.NotInElectorate, () => proposal.CastBallot(Partner(4), Support, null, For(4), Hours(1)));
    }

    [Fact]
    public void A_ballot_with_a_stance_the_method_does_not_accept_is_refused()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));

        Refusal.Expect(proposal, ErrorCodes.Decisions.StanceNotAccepted, () => proposal.CastBallot(Partner(2), StandAside, null, For(2), Hours(1)));
    }

    [Fact]
    public void A_block_needs_a_reason()
    {
        var proposal = Voting(DecisionRule.Consensus(), Members(3));

        Refusal.Expect(proposal, ErrorCodes.Decisions.ReasonRequired, () => proposal.CastBallot(Partner(2), Block, "  ", For(2), Hours(1)));
    }

    [Fact]
    public void A_rule_may_require_reasons_for_other_stances()
    {
        var proposal = Voting(DecisionRule.SimpleMajority().RequiringReasonsFor(StanceSet.Oppose), Members(3));

        Refusal.Expect(proposal, ErrorCodes.Decisions.ReasonRequired, () => proposal.CastBallot(Partner(2), Oppose, null, For(2), Hours(1)));
        proposal.CastBallot(Partner(2), Oppose, "Too costly.", For(2), Hours(1));
    }

    [Fact]
    public void A_voter_may_change_its_ballot_until_voting_closes_and_the_latest_counts()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));
        proposal.Vote(2, Oppose, 1);
        proposal.Vote(2, Support, 2);

        var ballot = Assert.Single(proposal.Ballots);
        Assert.Equal(Support, ballot.Stance);
        Assert.Equal(2, proposal.BallotHistory.Count);
        Assert.Equal(1, proposal.PreviewOutcome().Tally.Headcount.Support);
    }

    [Fact]
    public void Under_final_ballots_a_cast_ballot_cannot_be_changed()
    {
        var proposal = Voting(DecisionRule.SimpleMajority().WithFinalBallots(), Members(3));
        proposal.Vote(2, Oppose);

        Refusal.Expect(proposal, ErrorCodes.Decisions.BallotIsFinal, () => proposal.Vote(2, Support, 2));
    }

    [Fact]
    public void No_ballot_is_taken_at_or_after_the_deadline()
    {
        var proposal = Voting(DecisionRule.SimpleMajority().WithVotingPeriod(Duration.FromHours(24)), Members(3));

        Refusal.Expect(proposal, ErrorCodes.Decisions.VotingNotOpen, () => proposal.Vote(2, Support, 24));
        proposal.CastBallot(Partner(2), Support, null, For(2), Hours(24) - Duration.Epsilon);
    }

    [Fact]
    public void Voting_does_not_close_before_the_deadline_while_someone_has_not_voted()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));
        proposal.Vote(1, Support);

        var check = proposal.CanClose(Hours(2));

        Assert.False(check.IsAllowed);
        Assert.Equal(ErrorCodes.Decisions.VotingStillOpen, check.Failures[0].Code);
        Refusal.Expect(proposal, ErrorCodes.Decisions.VotingStillOpen, () => proposal.Close(ChairActor, Hours(2)));
    }

    [Fact]
    public void Voting_may_close_early_once_everyone_has_voted()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(2));
        proposal.Vote(1, Support);
        proposal.Vote(2, Support);

        var outcome = proposal.Close(ChairActor, Hours(2));

        Assert.Equal(DecisionResult.Adopted, outcome.Result);
        Assert.Equal(ProposalStatus.Closed, proposal.Status);
        Assert.Equal(new DecisionReference(ProposalNumber(1), TheCoalition, MatterType.AdoptPolicyPosition, DecisionResult.Adopted, Hours(2)), proposal.Reference);
    }

    [Fact]
    public void A_round_may_close_at_the_very_instant_it_opened_once_everyone_has_voted()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(2));
        proposal.Vote(1, Support, 0);
        proposal.Vote(2, Support, 0);

        Assert.True(proposal.CanClose(Start).IsAllowed);
        Assert.Equal(DecisionResult.Adopted, proposal.Close(ChairActor, Start).Result);
        Assert.Equal(DecisionResult.Adopted, Proposal.Rehydrate(proposal.DequeueUncommittedEvents()).Outcome!.Result);
    }

    [Fact]
    public void A_rule_that_counts_the_members_present_closes_early_only_once_the_attendance_is_recorded()
    {
        var rule = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembersPresent(Fraction.Half)).WithFinalBallots().ClosingEarly(whenAllVoted: false, whenCertain: true);
        var proposal = Voting(rule, Members(3));
        proposal.Vote(1, Support);
        proposal.Vote(2, Support);

        var waiting = proposal.CanClose(Hours(2));
        Assert.Equal(ErrorCodes.Decisions.VotingStillOpen, Assert.Single(waiting.Failures).Code);

        proposal.RecordAttendance([Partner(1), Partner(2), Partner(3)], ChairActor, Hours(2));
        Assert.True(proposal.CanClose(Hours(2)).IsAllowed);
        Assert.Equal(DecisionResult.Adopted, proposal.Close(ChairActor, Hours(2)).Result);
    }

    [Fact]
    public void Voting_stays_open_when_everyone_voted_if_the_rule_does_not_close_early()
    {
        var proposal = Voting(DecisionRule.SimpleMajority().ClosingEarly(whenAllVoted: false, whenCertain: false), Members(1));
        proposal.Vote(1, Support);

        Assert.False(proposal.CanClose(Hours(2)).IsAllowed);
    }

    [Fact]
    public void Voting_may_close_once_the_outcome_is_settled_where_the_rule_allows()
    {
        var rule = DecisionRule.SimpleMajority().WithFinalBallots().ClosingEarly(whenAllVoted: true, whenCertain: true);
        var proposal = Voting(rule, Members(5));
        proposal.Vote(1, Support);
        proposal.Vote(2, Support);
        Assert.False(proposal.CanClose(Hours(2)).IsAllowed);

        proposal.Vote(3, Support);

        Assert.True(proposal.CanClose(Hours(2)).IsAllowed);
        Assert.Equal(DecisionResult.Adopted, proposal.Close(ChairActor, Hours(2)).Result);
    }

    [Fact]
    public void The_system_closes_voting_at_the_deadline()
    {
        var proposal = Voting(DecisionRule.SimpleMajority().WithVotingPeriod(Duration.FromDays(1)), Members(3));
        proposal.Vote(1, Support);

        var outcome = proposal.Close(Actor.System("scheduler"), Hours(24));

        Assert.Equal(DecisionResult.Adopted, outcome.Result);
    }

    [Fact]
    public void Only_a_facilitator_or_the_system_closes_voting()
    {
        var proposal = Voting(DecisionRule.SimpleMajority().WithVotingPeriod(Duration.FromDays(1)), Members(3));

        Refusal.Expect(proposal, ErrorCodes.Decisions.NotAFacilitator, () => proposal.Close(For(1), Hours(30)));
    }

    [Fact]
    public void A_tie_under_a_casting_vote_rule_needs_the_chairs_casting_vote_to_close()
    {
        var proposal = Voting(DecisionRule.SimpleMajority().WithCastingVote(), Members(2));
        proposal.Vote(1, Support);
        proposal.Vote(2, Oppose);

        Refusal.Expect(proposal, ErrorCodes.Decisions.CastingVoteRequired, () => proposal.Close(ChairActor, Hours(2)));
        Assert.Equal(DecisionResult.Adopted, proposal.Close(ChairActor, Hours(2), castingVote: Support).Result);
    }

    [Fact]
    public void A_casting_vote_is_refused_where_the_rule_gives_none()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(2));
        proposal.Vote(1, Support);
        proposal.Vote(2, Oppose);

        Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidCastingVote, () => proposal.Close(ChairActor, Hours(2), castingVote: Support));
    }

    [Fact]
    public void A_recused_voter_leaves_the_electorate_and_its_ballot_is_void()
    {
        var rule = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half));
        var proposal = Voting(rule, Members(4));
        proposal.Vote(1, Support);
        proposal.Vote(2, Oppose);
        proposal.Vote(3, Oppose);

        proposal.DeclareConflictOfInterest(Partner(3), "Our director chairs the applicant.", For(3), Hours(2));
        proposal.Vote(4, Support, 3);
        var outcome = proposal.Close(ChairActor, Hours(4), castingVote: null);

        Assert.Equal(3, outcome.ElectorateSize);
        Assert.Equal(2, outcome.Quorum!.Required);
        Assert.Equal(DecisionResult.Adopted, outcome.Result);
        Assert.Contains(Partner(3), proposal.Recused);
        Assert.Equal(4, proposal.BallotHistory.Count);
    }

    [Fact]
    public void A_recused_voter_cannot_vote()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));
        proposal.DeclareConflictOfInterest(Partner(2), "Interest.", For(2), Hours(1));

        Refusal.Expect(proposal, ErrorCodes.Decisions.Recused, () => proposal.Vote(2, Support, 2));
        Refusal.Expect(proposal, ErrorCodes.Decisions.Recused, () => proposal.DeclareConflictOfInterest(Partner(2), "Again.", For(2), Hours(2)));
    }

    [Fact]
    public void A_conflict_declared_before_voting_leaves_the_member_out_from_the_start()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority());
        proposal.DeclareConflictOfInterest(Partner(3), "Interest.", For(3), Start);
        proposal.OpenVoting(Members(3), ChairActor, Start);
        proposal.Vote(1, Support);
        proposal.Vote(2, Support);

        Assert.True(proposal.CanClose(Hours(2)).IsAllowed);
        Assert.Equal(2, proposal.Close(ChairActor, Hours(2)).ElectorateSize);
    }

    [Fact]
    public void A_quorum_first_reached_near_the_deadline_extends_it()
    {
        var rule = DecisionRule.SimpleMajority()
            .WithQuorum(QuorumRule.OfMembers(Fraction.Half))
            .WithVotingPeriod(Duration.FromHours(48))
            .WithLateQuorumExtension(Duration.FromHours(24));
        var proposal = Voting(rule, Members(4));
        proposal.Vote(1, Support, 10);

        proposal.Vote(2, Support, 40);

        Assert.Equal(Hours(64), proposal.Deadline);
        Assert.IsType<DeadlineExtended>(proposal.DequeueUncommittedEvents()[^1]);
    }

    [Fact]
    public void A_quorum_reached_early_does_not_extend_the_deadline()
    {
        var rule = DecisionRule.SimpleMajority()
            .WithQuorum(QuorumRule.OfMembers(Fraction.Half))
            .WithVotingPeriod(Duration.FromHours(48))
            .WithLateQuorumExtension(Duration.FromHours(24));
        var proposal = Voting(rule, Members(4));
        proposal.Vote(1, Support, 10);
        proposal.Vote(2, Support, 20);

        proposal.Vote(3, Support, 47);

        Assert.Equal(Hours(48), proposal.Deadline);
    }

    [Fact]
    public void A_quorum_first_reached_exactly_the_extension_before_the_deadline_extends_nothing()
    {
        var proposal = Voting(LateQuorum(QuorumRule.OfMembers(Fraction.Half)), Members(4));
        proposal.Vote(1, Support, 10);

        proposal.Vote(2, Support, 24);

        Assert.Equal(Hours(48), proposal.Deadline);
        Assert.DoesNotContain(proposal.DequeueUncommittedEvents(), e => e is DeadlineExtended);
    }

    [Fact]
    public void A_voter_changing_its_ballot_near_the_deadline_brings_no_late_quorum_by_itself()
    {
        var proposal = Voting(LateQuorum(QuorumRule.OfMembers(Fraction.Half)), Members(4));
        proposal.Vote(1, Support, 10);

        proposal.Vote(1, Oppose, 40);

        Assert.Equal(Hours(48), proposal.Deadline);
    }

    [Fact]
    public void An_abstention_changed_to_support_near_the_deadline_brings_a_late_quorum_that_leaves_abstentions_out()
    {
        var proposal = Voting(LateQuorum(QuorumRule.OfMembers(Fraction.Half).WithoutAbstentions()), Members(4));
        proposal.Vote(1, Support, 10);
        proposal.Vote(2, Abstain, 20);

        proposal.Vote(2, Support, 40);

        Assert.Equal(Hours(64), proposal.Deadline);
    }

    [Fact]
    public void A_late_quorum_by_weight_counts_the_weight_of_the_ballot_that_brings_it()
    {
        var electorate = new Electorate([Voter(1, weight: 3), Voter(2), Voter(3), Voter(4)]);
        var proposal = Voting(LateQuorum(QuorumRule.OfWeight(Fraction.Half)), electorate);
        proposal.Vote(2, Support, 10);

        proposal.Vote(1, Support, 40);

        Assert.Equal(Hours(64), proposal.Deadline);
    }

    [Fact]
    public void Without_a_quorum_of_ballots_a_late_quorum_extension_never_moves_the_deadline()
    {
        var noQuorum = DecisionRule.SimpleMajority().WithVotingPeriod(Duration.FromHours(48)).WithLateQuorumExtension(Duration.FromHours(24));
        var ofThosePresent = noQuorum.WithQuorum(QuorumRule.OfMembersPresent(Fraction.Half));
        foreach (var rule in new[] { noQuorum, ofThosePresent })
        {
            var proposal = Voting(rule, Members(4));
            proposal.Vote(1, Support, 30);
            proposal.Vote(2, Support, 40);
            proposal.Vote(3, Support, 47);

            Assert.Equal(Hours(48), proposal.Deadline);
            Assert.DoesNotContain(proposal.DequeueUncommittedEvents(), e => e is DeadlineExtended);
        }
    }

    [Fact]
    public void Proxy_ballots_of_an_earlier_round_do_not_count_against_the_quorum_of_the_next()
    {
        // The fallback round's quorum leaves proxy ballots out: two of four members voting themselves reach it.
        var fallback = LateQuorum(QuorumRule.OfMembers(Fraction.Half)).WithProxies(countTowardQuorum: false);
        var proposal = Voting(DecisionRule.SimpleMajority().WithProxies().WithFallback(fallback), Members(4));
        proposal.GrantProxy(Partner(2), Person(3), Partner(3), For(2), Hours(1));
        proposal.CastBallot(Partner(2), Oppose, null, ProposalScenario.HolderFor(3, 2), Hours(2));
        proposal.Vote(3, Oppose, 2);
        proposal.Vote(1, Support, 2);
        Assert.Equal(DecisionResult.Rejected, proposal.Close(ChairActor, Start + DecisionRule.SimpleMajority().Timing.VotingPeriod).Result);
        var opened = proposal.Rounds[^1].OpenedAt;

        proposal.CastBallot(Partner(1), Oppose, null, For(1), opened + Duration.FromHours(30));
        proposal.CastBallot(Partner(4), Oppose, null, For(4), opened + Duration.FromHours(40));

        Assert.Equal(opened + Duration.FromHours(64), proposal.Deadline);
    }

    [Fact]
    public void A_proposal_revised_before_its_first_vote_is_opened_for_voting_not_reopened()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority());
        proposal.Revise("A clearer text.", null, For(1), Hours(1));

        Refusal.Expect(proposal, ErrorCodes.Decisions.RevisionRequired, () => proposal.ReopenVoting(ChairActor, Hours(2)));
    }

    [Fact]
    public void A_fallback_round_whose_deadline_would_fall_after_2999_is_refused_and_the_round_stays_open()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority().WithFallback(DecisionRule.SimpleMajority().WithVotingPeriod(Duration.FromDays(60))));
        var opened = Instant.FromUtc(2999, 11, 1, 0, 0);
        proposal.OpenVoting(Members(2), ChairActor, opened);
        proposal.CastBallot(Partner(1), Oppose, null, For(1), opened + Duration.FromHours(1));
        proposal.CastBallot(Partner(2), Oppose, null, For(2), opened + Duration.FromHours(1));

        var refusal = Refusal.Expect(proposal, ErrorCodes.Kernel.OutOfRange, () => proposal.Close(ChairActor, opened + Duration.FromDays(7)));

        Assert.Equal("The deadline of the fallback round would fall after the year 2999 (or before 1900).", refusal.Failures[0].Message);
        Assert.Equal(ProposalStatus.Voting, proposal.Status);
    }

    [Fact]
    public void A_fallback_rounds_outcome_counts_only_its_own_ballots_and_those_its_proxies_cast()
    {
        var fallback = DecisionRule.SimpleMajority().WithProxies();
        var proposal = Voting(DecisionRule.SimpleMajority().WithProxies().WithFallback(fallback), Members(4));
        proposal.GrantProxy(Partner(2), Person(3), Partner(3), For(2), Hours(1));
        proposal.CastBallot(Partner(2), Oppose, null, ProposalScenario.HolderFor(3, 2), Hours(2));
        proposal.Vote(3, Oppose, 2);
        proposal.Vote(1, Support, 2);
        proposal.Close(ChairActor, Start + DecisionRule.SimpleMajority().Timing.VotingPeriod);
        var opened = proposal.Rounds[^1].OpenedAt;

        proposal.CastBallot(Partner(1), Support, null, For(1), opened + Duration.FromHours(1));
        proposal.CastBallot(Partner(4), Support, null, For(4), opened + Duration.FromHours(1));
        var outcome = proposal.Close(ChairActor, proposal.Deadline!.Value);

        var fresh = DecisionTally.Evaluate(fallback, Members(4), [new Ballot(Partner(1), Support), new Ballot(Partner(4), Support)]);
        Assert.Equal(fresh with { Chambers = [], Conditions = [] }, outcome with { Chambers = [], Conditions = [] });
        Assert.Equal(fresh.Conditions, outcome.Conditions);
        Assert.Equal(new ProxyFigures(0, 0), outcome.Proxies);
    }

    [Fact]
    public void Under_consent_closing_once_certain_waits_while_a_member_could_still_object()
    {
        var rule = DecisionRule.Consent().WithFinalBallots().ClosingEarly(whenAllVoted: false, whenCertain: true);
        var proposal = Voting(rule, Members(3));
        proposal.Vote(1, Support);
        proposal.Vote(2, Support);

        Assert.Equal(ErrorCodes.Decisions.VotingStillOpen, proposal.CanClose(Hours(2)).Failures[0].Code);

        proposal.Vote(3, Support, 2);

        Assert.True(proposal.CanClose(Hours(2)).IsAllowed);
        Assert.Equal(DecisionResult.Adopted, proposal.Close(ChairActor, Hours(2)).Result);
    }

    [Fact]
    public void A_fallback_stage_counts_its_own_rounds_before_it_falls_back_again()
    {
        // Consensus, then after two blocked rounds consent, which itself falls back to three quarters after two rounds.
        var consent = DecisionRule.Consent().WithFallback(ProposalScenario.ThreeQuarters, FallbackWhen.Blocked, afterRounds: 2);
        var proposal = Voting(DecisionRule.Consensus().WithFallback(consent, FallbackWhen.Blocked, afterRounds: 2), Members(2));
        proposal.Vote(1, Support);
        proposal.Vote(2, Block);
        proposal.Close(ChairActor, Hours(2));
        proposal.Revise("A revised text that meets the objection.", "Meets member 2's concern.", For(1), Hours(3));
        proposal.ReopenVoting(ChairActor, Hours(4));
        proposal.Vote(1, Support, 5);
        proposal.Vote(2, Block, 5);
        proposal.Close(ChairActor, Hours(6));
        Assert.Equal((3, consent), (proposal.Round, proposal.CurrentRule));

        proposal.Vote(1, Support, 7);
        proposal.Vote(2, Stance.Object, 7);
        proposal.Close(ChairActor, Hours(8));

        // The first consent round is the first of its stage: the proposal goes back for revision, not on to three quarters.
        Assert.Equal(ProposalStatus.Discussion, proposal.Status);
        Assert.Equal(RoundEnding.Revision, proposal.Rounds[^1].Ending);
    }

    private static DecisionRule LateQuorum(QuorumRule quorum) => DecisionRule.SimpleMajority()
        .WithQuorum(quorum)
        .WithVotingPeriod(Duration.FromHours(48))
        .WithLateQuorumExtension(Duration.FromHours(24));

    [Fact]
    public void Only_a_decided_proposal_has_a_reference_to_cite()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(2));
        proposal.Vote(1, Support);

        Assert.Null(proposal.Reference);
        Assert.Null(proposal.DecidedAt);

        proposal.Vote(2, Support);
        proposal.Close(ChairActor, Hours(2));

        Assert.Equal(new DecisionReference(ProposalNumber(1), TheCoalition, MatterType.AdoptPolicyPosition, DecisionResult.Adopted, Hours(2)), proposal.Reference);
    }

    [Fact]
    public void Only_the_proposer_withdraws_and_only_until_voting_closes()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(2));
        Refusal.Expect(proposal, ErrorCodes.Decisions.NotTheProposer, () => proposal.Withdraw(null, For(2), Hours(1)));

        proposal.Withdraw("Overtaken by events.", For(1), Hours(1));

        Assert.Equal(ProposalStatus.Withdrawn, proposal.Status);
        Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidTransition, () => proposal.Withdraw(null, For(1), Hours(2)));
    }

    [Fact]
    public void A_closed_proposal_cannot_be_withdrawn()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(1));
        proposal.Vote(1, Support);
        proposal.Close(ChairActor, Hours(2));

        Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidTransition, () => proposal.Withdraw(null, For(1), Hours(3)));
    }

    [Fact]
    public void An_adopted_proposal_can_be_marked_implemented_and_given_a_review_date()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(1));
        proposal.Vote(1, Support);
        proposal.Close(ChairActor, Hours(2));

        proposal.MarkImplemented("Published on the website.", ChairActor, Hours(30));
        proposal.ScheduleReview(new LocalDate(2027, 3, 1), For(1), Hours(31));

        Assert.Equal(ProposalStatus.Implemented, proposal.Status);
        Assert.Equal(new LocalDate(2027, 3, 1), proposal.ReviewOn);
    }

    [Fact]
    public void A_rejected_proposal_cannot_be_marked_implemented()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(1));
        proposal.Vote(1, Oppose);
        proposal.Close(ChairActor, Hours(2));

        var error = Refusal.Expect(proposal, ErrorCodes.Decisions.NotAdopted, () => proposal.MarkImplemented(null, ChairActor, Hours(3)));
        Assert.Contains("the proposal was adopted", error.Message, StringComparison.Ordinal);
        Refusal.Expect(proposal, ErrorCodes.Decisions.NotAdopted, () => proposal.ScheduleReview(new LocalDate(2027, 1, 1), ChairActor, Hours(3)));
    }

    [Fact]
    public void Under_a_majority_vote_the_text_cannot_change_during_voting()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(2));

        Refusal.Expect(proposal, ErrorCodes.Decisions.AmendmentNotAllowed, () => proposal.Revise("New text", null, For(1), Hours(1)));
    }

    [Fact]
    public void A_closed_proposal_is_no_longer_revised()
    {
        var proposal = Voting(DecisionRule.Consent(), Members(1));
        proposal.Vote(1, Support);
        proposal.Close(ChairActor, Hours(2));

        var error = Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidTransition, () => proposal.Revise("A text after the vote.", null, For(1), Hours(3)));

        Assert.Equal("'Adopt the open data position' cannot be revised while it is closed.", error.Message);
    }

    [Fact]
    public void A_rehydrated_proposal_equals_the_one_that_raised_the_events()
    {
        var proposal = Voting(DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half)), Members(3));
        proposal.Vote(1, Support);
        proposal.DeclareConflictOfInterest(Partner(3), "Interest.", For(3), Hours(1));
        proposal.Vote(2, Oppose);
        proposal.Close(ChairActor, Hours(2), castingVote: null);
        var events = proposal.DequeueUncommittedEvents();

        var copy = Proposal.Rehydrate(events);

        Assert.Equal(proposal.Version, copy.Version);
        Assert.Equal(proposal.Status, copy.Status);
        Assert.Equal(proposal.Outcome, copy.Outcome);
        Assert.Equal(proposal.Ballots, copy.Ballots);
        Assert.False(copy.HasUncommittedEvents);
    }
}

public class RoundsAndFallbackTests
{
    private static readonly DecisionRule ThreeQuarters = DecisionRule.MajorityVote(PassCondition.AtLeast(Fraction.ThreeQuarters, VoteBase.VotesCast));

    [Fact]
    public void A_blocked_consensus_falls_back_to_a_three_quarters_vote()
    {
        var rule = DecisionRule.Consensus().WithFallback(ThreeQuarters, FallbackWhen.Blocked);
        var proposal = Voting(rule, Members(4));
        proposal.Vote(1, Support);
        proposal.Vote(2, Support);
        proposal.Vote(3, Support);
        proposal.Vote(4, Block);

        var first = proposal.Close(ChairActor, Hours(2));
        Assert.Equal(DecisionResult.Blocked, first.Result);
        Assert.Equal(ProposalStatus.Voting, proposal.Status);
        Assert.Equal(2, proposal.Round);
        Assert.Same(ThreeQuarters, proposal.CurrentRule);

        proposal.Vote(1, Support, 3);
        proposal.Vote(2, Support, 3);
        proposal.Vote(3, Support, 3);
        proposal.Vote(4, Oppose, 3);
        var second = proposal.Close(ChairActor, Hours(4));

        Assert.Equal(DecisionResult.Adopted, second.Result);
        Assert.Equal([RoundEnding.Fallback, RoundEnding.Final], proposal.Rounds.Select(r => r.Ending!.Value));
        Assert.Same(second, proposal.Outcome);
    }

    [Fact]
    public void The_explanation_is_of_the_last_round_that_closed_not_of_an_open_fallback_round()
    {
        var proposal = Voting(DecisionRule.Consensus().WithFallback(ThreeQuarters, FallbackWhen.Blocked), Members(4));
        Assert.Null(proposal.Explanation);
        proposal.Vote(1, Support);
        proposal.Vote(2, Support);
        proposal.Vote(3, Support);
        proposal.Vote(4, Block);
        proposal.Close(ChairActor, Hours(2));

        Assert.Equal(proposal.Rounds[0].Outcome!.Explain(proposal.Rounds[0].Rule, proposal.Electorate), proposal.Explanation);

        proposal.Vote(1, Support, 3);
        proposal.Vote(2, Support, 3);
        proposal.Vote(3, Support, 3);
        proposal.Vote(4, Oppose, 3);
        proposal.Close(ChairActor, Hours(4));

        Assert.Equal(proposal.Outcome!.Explain(ThreeQuarters, proposal.Electorate), proposal.Explanation);
        Assert.NotEqual(proposal.Rounds[0].Outcome!.Explain(proposal.Rounds[0].Rule, proposal.Electorate), proposal.Explanation);
    }

    [Fact]
    public void Before_its_fallback_is_due_a_blocked_proposal_returns_for_revision()
    {
        var rule = DecisionRule.Consensus().WithFallback(ThreeQuarters, FallbackWhen.Blocked, afterRounds: 2);
        var proposal = Voting(rule, Members(2));
        proposal.Vote(1, Support);
        proposal.Vote(2, Block);
        proposal.Close(ChairActor, Hours(2));
        Assert.Equal(ProposalStatus.Discussion, proposal.Status);

        Refusal.Expect(proposal, ErrorCodes.Decisions.RevisionRequired, () => proposal.ReopenVoting(ChairActor, Hours(3)));
        proposal.Revise("A revised text that meets the objection.", "Meets member 2's concern.", For(1), Hours(3));
        proposal.ReopenVoting(ChairActor, Hours(4));
        proposal.Vote(1, Support, 5);
        proposal.Vote(2, Block, 5);
        proposal.Close(ChairActor, Hours(6));

        Assert.Equal(3, proposal.Round);
        Assert.Same(ThreeQuarters, proposal.CurrentRule);
        Assert.Equal(2, proposal.Rounds[1].Revision);
    }

    [Fact]
    public void A_fallback_by_default_follows_a_rejected_round()
    {
        var proposal = Voting(ThreeQuarters.WithFallback(DecisionRule.SimpleMajority()), Members(3));
        proposal.Vote(1, Support);
        proposal.Vote(2, Support);
        proposal.Vote(3, Oppose);

        var first = proposal.Close(ChairActor, Hours(2));

        Assert.Equal(DecisionResult.Rejected, first.Result);
        Assert.Equal((ProposalStatus.Voting, 2), (proposal.Status, proposal.Round));
        Assert.Equal(DecisionRule.SimpleMajority(), proposal.CurrentRule);
        Assert.Equal(RoundEnding.Fallback, proposal.Rounds[0].Ending);
    }

    [Fact]
    public void A_fallback_by_default_follows_a_blocked_consensus()
    {
        var proposal = Voting(DecisionRule.Consensus().WithFallback(ThreeQuarters), Members(2));
        proposal.Vote(1, Support);
        proposal.Vote(2, Block);

        var first = proposal.Close(ChairActor, Hours(2));

        Assert.Equal(DecisionResult.Blocked, first.Result);
        Assert.Equal((ProposalStatus.Voting, 2), (proposal.Status, proposal.Round));
        Assert.Same(ThreeQuarters, proposal.CurrentRule);
    }

    [Fact]
    public void A_fallback_for_a_block_does_not_follow_a_consensus_rejected_for_want_of_support()
    {
        var proposal = Voting(DecisionRule.Consensus().WithFallback(ThreeQuarters, FallbackWhen.Blocked), Members(2));
        proposal.Vote(1, StandAside);
        proposal.Vote(2, StandAside);

        var outcome = proposal.Close(ChairActor, Hours(2));

        Assert.Equal(DecisionResult.Rejected, outcome.Result);
        Assert.Equal((ProposalStatus.Closed, 1), (proposal.Status, proposal.Round));
        Assert.Equal(RoundEnding.Final, proposal.Rounds[0].Ending);
    }

    [Fact]
    public void A_round_without_quorum_never_leads_to_a_fallback()
    {
        var rule = ThreeQuarters.WithQuorum(QuorumRule.OfMembers(Fraction.Half)).WithFallback(DecisionRule.SimpleMajority());
        var proposal = Voting(rule, Members(4));
        proposal.Vote(1, Oppose);

        var outcome = proposal.Close(Actor.System("scheduler"), Start + rule.Timing.VotingPeriod);

        Assert.Equal(DecisionResult.NoQuorum, outcome.Result);
        Assert.Equal((ProposalStatus.Closed, 1), (proposal.Status, proposal.Round));
    }

    [Fact]
    public void A_veto_never_leads_to_a_fallback()
    {
        var electorate = new Electorate([Voter(1), Voter(2, veto: true)]);
        var proposal = Voting(DecisionRule.Consensus().WithVeto().WithFallback(ThreeQuarters), electorate);
        proposal.Vote(1, Support);
        proposal.Vote(2, Block);

        Assert.Equal(DecisionResult.Vetoed, proposal.Close(ChairActor, Hours(2)).Result);
        Assert.Equal(ProposalStatus.Closed, proposal.Status);
    }

    [Fact]
    public void Under_consent_an_amendment_during_voting_starts_a_new_round()
    {
        var proposal = Voting(DecisionRule.Consent(), Members(3));
        proposal.Vote(1, Support);
        proposal.Vote(2, Stance.Object, reason: "It ignores rural schools.");

        proposal.Revise("The text, now covering rural schools.", "Answers the objection.", For(1), Hours(2));

        Assert.Equal(2, proposal.Round);
        Assert.Empty(proposal.Ballots);
        Assert.Equal(RoundEnding.Amended, proposal.Rounds[0].Ending);
        Assert.Equal(DecisionResult.Blocked, proposal.Rounds[0].Outcome!.Result);
    }

    [Fact]
    public void An_objection_withdrawn_before_close_lets_consent_through()
    {
        var proposal = Voting(DecisionRule.Consent(), Members(2));
        proposal.Vote(1, Support);
        proposal.Vote(2, Stance.Object, 1);
        proposal.Vote(2, Support, 2);

        Assert.Equal(DecisionResult.Adopted, proposal.Close(ChairActor, Hours(3)).Result);
    }
}

public class SilenceProcedureTests
{
    private static readonly DecisionRule Silence = DecisionRule.SilenceProcedure(Duration.FromHours(72));

    [Fact]
    public void A_statement_is_adopted_at_the_deadline_when_nobody_objects()
    {
        var proposal = Voting(Silence, Members(9));

        Refusal.Expect(proposal, ErrorCodes.Decisions.VotingStillOpen, () => proposal.Close(Actor.System("scheduler"), Hours(71)));
        var outcome = proposal.Close(Actor.System("scheduler"), Hours(72));

        Assert.Equal(DecisionResult.Adopted, outcome.Result);
        Assert.Equal("Adopted. The silence held: none of the 9 members of the electorate objected before the deadline.", proposal.Explanation);
    }

    [Fact]
    public void An_objection_at_the_last_instant_breaks_the_silence()
    {
        var proposal = Voting(Silence, Members(9));

        proposal.CastBallot(Partner(4), Stance.Object, "We were not consulted.", For(4), Hours(72) - Duration.Epsilon);

        Assert.Equal(ProposalStatus.Closed, proposal.Status);
        Assert.Equal(DecisionResult.SilenceBroken, proposal.Outcome!.Result);
        Assert.StartsWith("Silence broken. Member 4 objected", proposal.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_objection_after_the_deadline_is_too_late()
    {
        var proposal = Voting(Silence, Members(9));

        Refusal.Expect(proposal, ErrorCodes.Decisions.VotingNotOpen, () => proposal.CastBallot(Partner(4), Stance.Object, "Late.", For(4), Hours(72)));
    }

    [Fact]
    public void The_silence_procedure_takes_only_objections()
    {
        var proposal = Voting(Silence, Members(3));

        Refusal.Expect(proposal, ErrorCodes.Decisions.StanceNotAccepted, () => proposal.Vote(2, Support));
    }

    [Fact]
    public void A_broken_silence_can_fall_back_to_a_vote()
    {
        var proposal = Voting(Silence.WithFallback(DecisionRule.SimpleMajority()), Members(3));

        proposal.Vote(2, Stance.Object);

        Assert.Equal(ProposalStatus.Voting, proposal.Status);
        Assert.Equal(DecisionMethod.MajorityVote, proposal.CurrentRule.Method);
        Assert.Equal(DecisionResult.SilenceBroken, proposal.Rounds[0].Outcome!.Result);
    }
}
