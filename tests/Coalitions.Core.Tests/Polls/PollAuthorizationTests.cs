using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.PollScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Polls;

/// <summary>Who may take each command of a poll (docs/authorization.md), one rule per test.</summary>
public class PollAuthorizationTests
{
    private static readonly PollRule Approval = new(PollMethod.Approval);

    [Fact]
    public void Only_a_facilitator_the_draft_names_drafts_a_poll()
    {
        var byMember = Assert.Throws<CoalitionRuleException>(() => Poll.Draft(PollNumber(1), DraftOf(Approval), For(1), Start));
        var bySystem = Assert.Throws<CoalitionRuleException>(() => Poll.Draft(PollNumber(1), DraftOf(Approval), Actor.System("importer"), Start));

        Assert.Equal(ErrorCodes.Polls.NotAFacilitator, byMember.Code);
        Assert.Equal(ErrorCodes.Polls.NotAFacilitator, bySystem.Code);
        Assert.Equal(PollStatus.Draft, Poll.Draft(PollNumber(1), DraftOf(Approval) with { Facilitators = [Person(1), Chair] }, Actor.ForPerson(Person(1)), Start).Status);
    }

    [Fact]
    public void Only_a_facilitator_opens_a_poll()
    {
        var poll = Drafted(Approval);

        Refusal.Expect(poll, ErrorCodes.Polls.NotAFacilitator, () => poll.Open(Members(3), Hours(48), For(1), Start));
        Refusal.Expect(poll, ErrorCodes.Polls.NotAFacilitator, () => poll.Open(Members(3), Hours(48), Actor.System("scheduler"), Start));
    }

    [Fact]
    public void Only_a_facilitator_changes_the_results_visibility()
    {
        var poll = Opened(Approval);

        Refusal.Expect(poll, ErrorCodes.Polls.NotAFacilitator, () => poll.ChangeVisibility(ResultsVisibility.Always, For(1), Hours(1)));
    }

    [Fact]
    public void Only_a_facilitator_cancels_a_poll()
    {
        var poll = Opened(Approval);

        Refusal.Expect(poll, ErrorCodes.Polls.NotAFacilitator, () => poll.Cancel("Not needed.", For(1), Hours(1)));
        Refusal.Expect(poll, ErrorCodes.Polls.NotAFacilitator, () => poll.Cancel("Not needed.", Actor.System("scheduler"), Hours(1)));
    }

    [Fact]
    public void Only_a_facilitator_decides_a_tie_the_rule_leaves_to_one()
    {
        var poll = AwaitingTieDecision();
        var tie = new PollTie(1, TieKind.LastPlace, ["c", "d"], "c", TieResolution.Host);

        Refusal.Expect(poll, ErrorCodes.Polls.NotAFacilitator, () => poll.DecideTie(tie, For(1), Hours(2)));
        Refusal.Expect(poll, ErrorCodes.Polls.NotAFacilitator, () => poll.DecideTie(tie, Actor.System("scheduler"), Hours(2)));
    }

    [Fact]
    public void A_facilitator_or_the_host_system_closes_a_poll_and_nobody_else()
    {
        var poll = Opened(Approval, voters: 3);
        poll.CastBy(1, PollBallot.Ranked(Partner(1), "a"));

        Refusal.Expect(poll, ErrorCodes.Polls.NotAFacilitator, () => poll.Close(For(1), Hours(48)));
        var result = poll.Close(Actor.System("scheduler"), Hours(48));

        Assert.Equal(["a"], result.Winners);
        Assert.Equal(Actor.System("scheduler"), ((PollClosed)poll.DequeueUncommittedEvents()[^1]).By);
    }

    [Fact]
    public void The_host_system_closes_a_poll_no_earlier_than_a_facilitator_could()
    {
        var poll = Opened(Approval, voters: 3);

        Refusal.Expect(poll, ErrorCodes.Polls.VotingStillOpen, () => poll.Close(Actor.System("scheduler"), Hours(47)));
    }

    [Fact]
    public void Only_a_representative_the_frozen_electorate_lists_casts_a_voters_ballot()
    {
        var poll = Opened(Approval, voters: 3);

        Refusal.Expect(poll, ErrorCodes.Polls.NotARepresentative, () => poll.CastBallot(PollBallot.Ranked(Partner(2), "a"), Actor.Representing(Person(9), Partner(2)), Hours(1)));
    }

    [Fact]
    public void A_representative_casts_a_ballot_only_when_acting_for_that_voter()
    {
        // Person 2 represents member 2; acting for member 3, or in their own name, they do not cast member 2's ballot.
        var poll = Opened(Approval, voters: 3);

        Refusal.Expect(poll, ErrorCodes.Polls.NotARepresentative, () => poll.CastBallot(PollBallot.Ranked(Partner(2), "a"), Actor.Representing(Person(2), Partner(3)), Hours(1)));
        Refusal.Expect(poll, ErrorCodes.Polls.NotARepresentative, () => poll.CastBallot(PollBallot.Ranked(Partner(2), "a"), Actor.ForPerson(Person(2)), Hours(1)));
        Assert.False(poll.CanCastBallot(PollBallot.Ranked(Partner(2), "a"), Actor.ForPerson(Person(2)), Hours(1)).IsAllowed);
    }

    [Fact]
    public void A_facilitator_cannot_cast_a_members_ballot()
    {
        var poll = Opened(Approval, voters: 3);

        Refusal.Expect(poll, ErrorCodes.Polls.NotARepresentative, () => poll.CastBallot(PollBallot.Ranked(Partner(1), "a"), ChairActor, Hours(1)));
        Refusal.Expect(poll, ErrorCodes.Polls.NotARepresentative, () => poll.CastBallot(PollBallot.Ranked(Partner(1), "a"), Actor.System("scheduler"), Hours(1)));
    }

    [Fact]
    public void Every_poll_command_refuses_a_missing_actor_and_an_instant_out_of_range()
    {
        var poll = Opened(Approval, voters: 3);

        Refusal.Expect(poll, ErrorCodes.Kernel.ActorRequired, () => poll.Close(null!, Hours(48)));
        Refusal.Expect(poll, ErrorCodes.Kernel.ActorRequired, () => poll.CastBallot(PollBallot.Ranked(Partner(1), "a"), null!, Hours(1)));
        Refusal.Expect(poll, ErrorCodes.Kernel.OutOfRange, () => poll.Cancel("Postponed.", ChairActor, Instant.MaxValue));
        Assert.Equal(ErrorCodes.Kernel.ActorRequired, Assert.Throws<CoalitionRuleException>(() => Poll.Draft(PollNumber(1), DraftOf(Approval), null!, Start)).Code);
    }

    [Fact]
    public void The_authorization_matrix_names_who_may_take_every_poll_command_with_poll_codes()
    {
        var poll = Authorization.Matrix.Where(c => c.Aggregate == "Poll").ToDictionary(c => c.Command);

        Assert.Equal(["Cancel", "CastBallot", "ChangeVisibility", "Close", "DecideTie", "Draft", "Open"], poll.Keys.Order(StringComparer.Ordinal));
        Assert.All(poll.Values, c => Assert.Equal("Polls", c.RefusedWith.Area));
        Assert.Equal(["a facilitator named for the poll", "the host system (scheduled work)"], poll["Close"].WhoMayAct);
        Assert.Equal(ErrorCodes.Polls.NotARepresentative, poll["CastBallot"].RefusedWith);
    }
}
