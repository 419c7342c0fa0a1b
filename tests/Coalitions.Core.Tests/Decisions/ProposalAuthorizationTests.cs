using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Decisions.Stance;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>Who may take each command of a proposal (docs/authorization.md), one rule per test.</summary>
public class ProposalAuthorizationTests
{
    [Fact]
    public void Only_the_proposers_representative_revises_submits_and_withdraws()
    {
        var draft = Proposal.Draft(ProposalNumber(1), ProposalScenario.DraftOf(DecisionRule.SimpleMajority()), For(1), Start);

        Refusal.Expect(draft, ErrorCodes.Decisions.NotTheProposer, () => draft.Revise("Taken over.", null, For(2), Hours(1)));
        Refusal.Expect(draft, ErrorCodes.Decisions.NotTheProposer, () => draft.Submit(For(2), Hours(1)));
        Refusal.Expect(draft, ErrorCodes.Decisions.NotTheProposer, () => draft.Withdraw(null, ChairActor, Hours(1)));
    }

    [Fact]
    public void A_representative_acts_for_the_proposer_only_when_acting_in_its_name()
    {
        var draft = Proposal.Draft(ProposalNumber(1), ProposalScenario.DraftOf(DecisionRule.SimpleMajority()), For(1), Start);

        Refusal.Expect(draft, ErrorCodes.Decisions.NotTheProposer, () => draft.Submit(Actor.Representing(Person(1), Partner(2)), Hours(1)));
        Refusal.Expect(draft, ErrorCodes.Decisions.NotTheProposer, () => draft.Submit(Actor.ForPerson(Person(1)), Hours(1)));
    }

    [Fact]
    public void A_non_member_cannot_second_a_motion()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority(), secondersRequired: 1);

        var error = Refusal.Expect(proposal, ErrorCodes.Decisions.NotInElectorate, () => proposal.Second(Partner(7), Members(5), For(7), Hours(1)));

        Assert.Contains("'Adopt the open data position'", error.Message, StringComparison.Ordinal);
        Assert.Equal(Partner(7), error.Failures[0].Values["partner"]);
    }

    [Fact]
    public void Only_a_representative_the_electorate_lists_seconds_for_a_member()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority(), secondersRequired: 1);

        Refusal.Expect(proposal, ErrorCodes.Decisions.NotARepresentative, () => proposal.Second(Partner(2), Members(5), Actor.Representing(Person(9), Partner(2)), Hours(1)));
        Refusal.Expect(proposal, ErrorCodes.Decisions.NotARepresentative, () => proposal.Second(Partner(2), Members(5), ChairActor, Hours(1)));
        proposal.Second(Partner(2), Members(5), For(2), Hours(1));

        Assert.Equal([Partner(2)], proposal.Seconders);
    }

    [Fact]
    public void Only_a_representative_frozen_in_the_electorate_casts_a_voters_ballot()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));

        Refusal.Expect(proposal, ErrorCodes.Decisions.NotARepresentative, () => proposal.CastBallot(Partner(2), Support, null, Actor.Representing(Person(9), Partner(2)), Hours(1)));
    }

    [Fact]
    public void A_representative_casts_a_ballot_only_when_acting_for_that_voter()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));

        Refusal.Expect(proposal, ErrorCodes.Decisions.NotARepresentative, () => proposal.CastBallot(Partner(2), Support, null, Actor.Representing(Person(2), Partner(3)), Hours(1)));
        Refusal.Expect(proposal, ErrorCodes.Decisions.NotARepresentative, () => proposal.CastBallot(Partner(2), Support, null, Actor.ForPerson(Person(2)), Hours(1)));
        Assert.False(proposal.CanCastBallot(Partner(2), Support, null, Actor.ForPerson(Person(2)), Hours(1)).IsAllowed);
    }

    [Fact]
    public void Only_a_voters_representative_declares_its_conflict_of_interest()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));

        Refusal.Expect(proposal, ErrorCodes.Decisions.NotARepresentative, () => proposal.DeclareConflictOfInterest(Partner(2), "Interest.", For(3), Hours(1)));
        Refusal.Expect(proposal, ErrorCodes.Decisions.NotARepresentative, () => proposal.DeclareConflictOfInterest(Partner(2), "Interest.", ChairActor, Hours(1)));
    }

    [Fact]
    public void Only_a_facilitator_reopens_voting_and_records_attendance()
    {
        var proposal = Voting(ProposalScenario.InMeeting, Members(3));

        Refusal.Expect(proposal, ErrorCodes.Decisions.NotAFacilitator, () => proposal.RecordAttendance([Partner(1)], For(1), Hours(1)));
        Refusal.Expect(proposal, ErrorCodes.Decisions.NotAFacilitator, () => proposal.ReopenVoting(For(1), Hours(1)));
    }

    [Fact]
    public void The_system_closes_at_the_deadline_and_takes_no_other_command()
    {
        var scheduler = Actor.System("scheduler");
        var proposal = Voting(DecisionRule.SimpleMajority().WithVotingPeriod(Duration.FromDays(1)), Members(3));

        Refusal.Expect(proposal, ErrorCodes.Decisions.NotTheProposer, () => proposal.Withdraw(null, scheduler, Hours(1)));
        Refusal.Expect(proposal, ErrorCodes.Decisions.NotARepresentative, () => proposal.CastBallot(Partner(1), Support, null, scheduler, Hours(1)));
        Refusal.Expect(proposal, ErrorCodes.Decisions.NotAFacilitator, () => proposal.RecordAttendance([Partner(1)], scheduler, Hours(1)));
        proposal.Close(scheduler, Hours(24));

        Refusal.Expect(proposal, ErrorCodes.Decisions.NotTheProposer, () => proposal.ScheduleReview(new LocalDate(2027, 1, 1), scheduler, Hours(25)));
    }

    [Fact]
    public void The_system_never_gives_the_chairs_casting_vote()
    {
        var proposal = Voting(DecisionRule.SimpleMajority().WithCastingVote().WithVotingPeriod(Duration.FromDays(1)), Members(2));
        proposal.Vote(1, Support);
        proposal.Vote(2, Oppose);

        Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidCastingVote, () => proposal.Close(Actor.System("scheduler"), Hours(24), castingVote: Support));
    }

    [Fact]
    public void Only_the_proposer_or_a_facilitator_marks_implemented_or_schedules_a_review()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(2));
        proposal.Vote(1, Support);
        proposal.Vote(2, Support);
        proposal.Close(ChairActor, Hours(2));

        Refusal.Expect(proposal, ErrorCodes.Decisions.NotTheProposer, () => proposal.MarkImplemented(null, For(2), Hours(3)));
        Refusal.Expect(proposal, ErrorCodes.Decisions.NotTheProposer, () => proposal.ScheduleReview(new LocalDate(2027, 1, 1), For(2), Hours(3)));
        proposal.MarkImplemented(null, For(1), Hours(3));
        proposal.ScheduleReview(new LocalDate(2027, 1, 1), ChairActor, Hours(3));
    }

    [Fact]
    public void A_command_without_an_actor_is_refused_with_a_code()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));

        Assert.True(Assert.Throws<CoalitionRuleException>(() => Proposal.Draft(ProposalNumber(2), ProposalScenario.DraftOf(DecisionRule.SimpleMajority()), null!, Start)).Has(ErrorCodes.Kernel.ActorRequired));
        Refusal.Expect(proposal, ErrorCodes.Kernel.ActorRequired, () => proposal.CastBallot(Partner(1), Support, null, null!, Hours(1)));
        Refusal.Expect(proposal, ErrorCodes.Kernel.ActorRequired, () => proposal.Close(null!, Hours(100)));
        Refusal.Expect(proposal, ErrorCodes.Kernel.ActorRequired, () => proposal.Withdraw(null, null!, Hours(1)));
        Assert.True(proposal.CanCastBallot(Partner(1), Support, null, null!, Hours(1)).Has(ErrorCodes.Kernel.ActorRequired));
    }

    [Fact]
    public void An_ill_formed_actor_is_refused_with_a_code()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));
        var nobody = new Actor(ActorKind.Person, null, Partner(1), null);

        Refusal.Expect(proposal, ErrorCodes.Kernel.ActorRequired, () => proposal.DeclareConflictOfInterest(Partner(1), "Interest.", nobody, Hours(1)));
        Assert.True(proposal.CanCastBallot(Partner(1), Support, null, nobody, Hours(1)).Has(ErrorCodes.Kernel.ActorRequired));
    }

    [Fact]
    public void A_command_at_an_instant_outside_the_years_1900_to_2999_is_refused()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));

        Refusal.Expect(proposal, ErrorCodes.Kernel.OutOfRange, () => proposal.CastBallot(Partner(1), Support, null, For(1), Instant.MaxValue));
        Refusal.Expect(proposal, ErrorCodes.Kernel.OutOfRange, () => proposal.Close(ChairActor, Limits.LatestInstant));
    }

    [Fact]
    public void A_refusal_names_the_proposal_by_its_title_and_who_may_act()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));

        var error = Refusal.Expect(proposal, ErrorCodes.Decisions.NotAFacilitator, () => proposal.Close(For(2), Hours(100)));

        Assert.Contains("may not close 'Adopt the open data position': only a facilitator named for the proposal or the host system (scheduled work) may.", error.Message, StringComparison.Ordinal);
    }
}
