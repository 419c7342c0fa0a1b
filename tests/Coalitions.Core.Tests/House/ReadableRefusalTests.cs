using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using Coalitions.Core.Tests.Kit;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.GovernanceScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.House;

/// <summary>A refusal names the actor as the aggregate knows it: the partner it acts for by name, a coordinator by name.</summary>
public class ReadableRefusalTests
{
    [Fact]
    public void A_coalition_refusal_names_the_member_an_actor_acts_for()
    {
        var coalition = ActiveWith(3);

        var error = Refusal.Expect(coalition, ErrorCodes.Coalitions.NotACoordinator, () => coalition.BeginDissolution(Adopted(MatterType.Dissolve), For(1), Hours(1)));

        Assert.StartsWith($"Person {Person(1)} acting for Member 1 may not ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Partner(1).ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_coalition_refusal_names_a_coordinator_by_name()
    {
        var coalition = ActiveWith(3);
        coalition.Invite(4);

        var error = Refusal.Expect(coalition, ErrorCodes.Membership.NotADelegate, () => coalition.AcceptMembership(Partner(4), Secretariat, Hours(1)));

        Assert.StartsWith($"{Convenor.Name} may not ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_names_a_partner_the_aggregate_does_not_know_by_its_id()
    {
        var coalition = ActiveWith(3);

        var error = Refusal.Expect(coalition, ErrorCodes.Coalitions.NotACoordinator, () => coalition.BeginDissolution(Adopted(MatterType.Dissolve), For(7), Hours(1)));

        Assert.StartsWith($"Person {Person(7)} acting for partner {Partner(7)} may not ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_governance_refusal_names_the_member_from_the_coalition_passed_in()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition());
        Assert.True(coalition.TryGetMembership(Partner(2), out var member));

        var error = Refusal.Expect(governance, ErrorCodes.Coalitions.NotACoordinator, () => governance.AssignChamber(Partner(2), "Civil society", null, coalition, For(2), Hours(1)));

        Assert.StartsWith($"Person {Person(2)} acting for {member.Name} may not ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_poll_refusal_names_the_voter_from_the_frozen_electorate()
    {
        var poll = PollScenario.Opened(new PollRule(PollMethod.Plurality), voters: 3);

        var error = Refusal.Expect(poll, ErrorCodes.Polls.NotARepresentative, () => poll.CastBallot(PollBallot.Ranked(Partner(2), "a"), Actor.Representing(Person(9), Partner(2)), Hours(1)));

        Assert.StartsWith($"Person {Person(9)} acting for Member 2 may not ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_agreement_refusal_names_the_party_an_actor_acts_for()
    {
        var agreement = AgreementScenario.Circulating();

        var error = Refusal.Expect(agreement, ErrorCodes.Agreements.NotASignatory, () => agreement.Sign(Partner(2), Actor.Representing(Person(9), Partner(2)), Hours(1)));

        Assert.StartsWith($"Person {Person(9)} acting for Member 2 may not ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proposal_refusal_names_the_voter_from_the_frozen_electorate()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));

        var error = Refusal.Expect(proposal, ErrorCodes.Decisions.NotARepresentative, () => proposal.CastBallot(Partner(2), Stance.Support, null, Actor.Representing(Person(9), Partner(2)), Hours(1)));

        Assert.StartsWith($"Person {Person(9)} acting for Member 2 may not ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Partner(2).ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proposal_refusal_before_voting_names_the_member_from_the_electorate_passed_in()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority(), secondersRequired: 1);

        var error = Refusal.Expect(proposal, ErrorCodes.Decisions.NotARepresentative, () => proposal.Second(Partner(2), Members(3), Actor.Representing(Person(9), Partner(2)), Hours(1)));

        Assert.StartsWith($"Person {Person(9)} acting for Member 2 may not ", error.Message, StringComparison.Ordinal);
    }
}
