using Coalitions.Core.Advocacy;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;

namespace Coalitions.Core.Tests.Docs;

/// <summary>
/// The <c>&lt;example&gt;</c>s of the library's XML documentation, each copied line for line into a test that builds the
/// context it needs with the test kit and runs it (House/XmlExampleTests.cs checks that every example is here).
/// </summary>
public sealed partial class XmlExampleTests
{
    [Fact]
    public void The_examples_of_a_proposal_draft_it_second_it_vote_on_it_close_it_and_explain_the_outcome()
    {
        var coalition = AdvocacyScenario.Nine;
        var literacyNow = Scenario.Partner(4);
        var delegatePerson = Scenario.Person(4);
        var girlsLearn = Scenario.Partner(5);
        var amina = Scenario.Person(5);
        var chair = Scenario.Chair;
        var secretariat = CoalitionScenario.Secretariat;
        var position = AdvocacyScenario.DraftedPosition();
        var now = Scenario.Start;
        var Console = new StringWriter();

        // literacyNow proposes through its delegate, delegatePerson; chair facilitates; now is the instant the host passes in.
        var proposal = Proposal.Draft(ProposalId.New(),
            new ProposalDraft(coalition.Id, MatterType.AdoptPolicyPosition, "Six per cent for education", "The coalition calls for ...",
                literacyNow, DecisionRule.SimpleMajority(), [chair], SecondersRequired: 1),
            Actor.Representing(delegatePerson, literacyNow), now);
        Assert.Equal(ProposalStatus.Draft, proposal.Status);

        proposal.Submit(Actor.Representing(delegatePerson, literacyNow), now);   // open for discussion and seconding
        Assert.Equal(ProposalStatus.Discussion, proposal.Status);

        // girlsLearn, a member, seconds through its delegate amina.
        proposal.Second(girlsLearn, coalition.ElectorateFor(proposal.Matter, now), Actor.Representing(amina, girlsLearn), now);
        Assert.Equal([girlsLearn], proposal.Seconders);

        proposal.OpenVoting(coalition.ElectorateFor(proposal.Matter, now), Actor.ForPerson(chair), now);
        // proposal.Deadline is now plus the rule's voting period
        Assert.Equal(ProposalStatus.Voting, proposal.Status);
        Assert.Equal(now + proposal.Rule.Timing.VotingPeriod, proposal.Deadline);

        proposal.CastBallot(girlsLearn, Stance.Support, null, Actor.Representing(amina, girlsLearn), now);
        proposal.CastBallot(literacyNow, Stance.Oppose, "Not before the budget review.", Actor.Representing(delegatePerson, literacyNow), now);
        Assert.Equal(2, proposal.Ballots.Count);

        proposal.CastBallot(Scenario.Partner(6), Stance.Support, null, Scenario.For(6), now);
        now = proposal.Deadline!.Value;

        // The host's scheduler closes the vote at its deadline.
        var outcome = proposal.Close(Actor.System("scheduler"), proposal.Deadline!.Value);
        if (outcome.IsAdopted)
        {
            position.Adopt(proposal.Reference!, coalition, secretariat, now);   // cite the decision where it authorizes an act
        }

        Assert.True(outcome.IsAdopted);
        Assert.Equal(PositionStatus.Adopted, position.Status);

        Console.WriteLine(proposal.Outcome!.Result);   // Adopted, Rejected, ...
        Console.WriteLine(proposal.Explanation);       // who took part, the quorum, and a line per condition of the rule

        Assert.StartsWith("Adopted", Console.ToString(), StringComparison.Ordinal);
        Assert.Contains(proposal.Explanation!, Console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_examples_of_decision_rules_build_the_rules_they_describe()
    {
        {
            var rule = DecisionRule.MajorityVote(PassCondition.AtLeast(Fraction.TwoThirds, VoteBase.VotesCast))
                .WithQuorum(QuorumRule.OfMembers(Fraction.Half))
                .WithVotingPeriod(Duration.FromDays(5));
            Assert.Equal(Duration.FromDays(5), rule.Timing.VotingPeriod);
            Assert.Equal(Fraction.Half, rule.Quorum!.Share);
        }

        {
            var rule = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.MajorityOfMembers()).WithProxies();   // five per holder
            Assert.Equal(5, rule.Proxies!.MaxPerHolder);
        }

        {
            var rule = DecisionRule.MajorityVote(PassCondition.MoreThanHalf(), PassCondition.MoreThanHalf(VoteBase.Electorate, Measure.Weight));
            Assert.Equal(2, rule.Conditions.Count);
        }

        var quorum = QuorumRule.AtLeast(Fraction.TwoThirds, Measure.Weight);   // two thirds of the weight cast a ballot
        Assert.Equal(Measure.Weight, quorum.Measure);
    }

    [Fact]
    public void The_example_of_the_electorate_of_a_governing_body_opens_a_vote_before_that_body()
    {
        var coalition = MeetingScenario.Coalition;
        var governance = MeetingScenario.TheGovernance;
        var proposal = Scenario.Discussed(DecisionRule.SimpleMajority(), matter: MatterType.AdmitMember);
        var chair = Scenario.Chair;
        var now = Scenario.Start;

        proposal.OpenVoting(governance.ElectorateFor(MatterType.AdmitMember, coalition, now), Actor.ForPerson(chair), now);

        Assert.Equal(ProposalStatus.Voting, proposal.Status);
        Assert.Equal(governance.ElectorateFor(MatterType.AdmitMember, coalition, now).Count, proposal.Electorate!.Count);
    }

    /// <summary>A real proposal of the scenario coalition on <paramref name="matter"/>: members 1 and 2 of three support it, and the scheduler closes it at its deadline.</summary>
    private static Proposal AdoptedProposal(MatterType matter)
    {
        var proposal = Scenario.Discussed(DecisionRule.SimpleMajority(), matter: matter);
        proposal.OpenVoting(Scenario.Members(3), Scenario.ChairActor, Scenario.Start);
        proposal.Vote(1, Stance.Support);
        proposal.Vote(2, Stance.Support);
        Assert.True(proposal.Close(Actor.System("scheduler"), proposal.Deadline!.Value).IsAdopted);
        return proposal;
    }
}
