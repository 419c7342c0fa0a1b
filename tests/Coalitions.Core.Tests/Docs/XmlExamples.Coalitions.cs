using Coalitions.Core.Agreements;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using Coalitions.Core.Polls;
using Coalitions.Core.Tests.Kit;
using NodaTime;

namespace Coalitions.Core.Tests.Docs;

public sealed partial class XmlExampleTests
{
    [Fact]
    public void The_example_of_registering_a_partner_names_its_first_representative()
    {
        var profile = PartnerScenario.Profile("Community Libraries");
        var now = Scenario.Start;

        var amina = PersonId.New();
        var partner = Partner.Register(PartnerId.New(), profile,
            new Representative(amina, "Amina Otieno", RepresentativeRole.Delegate),
            Actor.ForPerson(amina), now);   // now: the instant the host passes in (never read from a clock here)

        Assert.Equal("Community Libraries", partner.Profile.Name);
        Assert.Contains(amina, partner.Snapshot.Representatives);
    }

    [Fact]
    public void The_example_of_the_founding_charter_adopts_it_while_the_coalition_forms()
    {
        var coalition = CoalitionScenario.Founded();
        coalition.BeginForming(CoalitionScenario.Secretariat, Scenario.Start);
        var founder = CoalitionScenario.Convenor.Person;
        var now = Scenario.Start;
        var problem = "Too many children leave primary school unable to read.";
        var vision = "Every child in the county reads with confidence.";
        var mission = "We combine our schools, libraries and advocacy to put reading first.";
        string[] principles = ["Mutuality: each member gains and gives."];
        string[] groundRules = ["Criticize ideas, not people."];

        coalition.AdoptFoundingCharter(
            new Charter(problem, vision, mission, principles, groundRules,
                [new Goal("Every child reads by age ten", "Ten-year-olds reading at grade level", "%", 58m, 80m, GoalDirection.Increase, new LocalDate(2030, 12, 31))]),
            Actor.ForPerson(founder), now);

        Assert.Equal(80m, Assert.Single(coalition.Charter!.Goals).Target);
    }

    [Fact]
    public void The_example_of_amending_the_charter_cites_the_adopted_decision()
    {
        var coalition = CoalitionScenario.ActiveWith(3);
        var amendment = AdoptedProposal(MatterType.AmendCharter);
        var amended = CoalitionScenario.Charter(CoalitionScenario.Goal(target: 95m));
        var coordinator = CoalitionScenario.Convenor.Person;
        var now = amendment.DecidedAt!.Value;

        coalition.AdoptCharter(amended, amendment.Reference, Actor.ForPerson(coordinator), now);

        Assert.Equal(95m, Assert.Single(coalition.Charter!.Goals).Target);
    }

    [Fact]
    public void The_examples_of_a_poll_draft_it_open_it_to_the_members_take_a_ballot_and_close_it()
    {
        var coalition = CoalitionScenario.ActiveWith(3);
        var chair = Scenario.Chair;
        var member = Scenario.Partner(1);
        var delegatePerson = Scenario.Person(1);
        var now = Scenario.Start;

        var poll = Poll.Draft(PollId.New(), new PollDraft(coalition.Id, "Which campaign theme next year?",
            [new PollOption("reading", "Reading"), new PollOption("girls", "Girls' education")],
            new PollRule(PollMethod.RankedChoice), [chair]), Actor.ForPerson(chair), now);

        poll.Open(coalition.PollElectorate(now), now + Duration.FromDays(7), Actor.ForPerson(chair), now);
        Assert.Equal(3, poll.Electorate!.Count);

        poll.CastBallot(PollBallot.Ranked(member, "girls", "reading"), Actor.Representing(delegatePerson, member), now);
        poll.CastBallot(PollBallot.Ranked(Scenario.Partner(2), "reading"), Scenario.For(2), now);

        var result = poll.Close(Actor.System("scheduler"), poll.Deadline!.Value, seed: 2026);

        Assert.Equal(2, result.Ballots);
    }

    [Fact]
    public void The_examples_of_an_agreement_draft_it_circulate_it_and_bring_it_into_force_with_the_last_signature()
    {
        var coalition = AgreementScenario.Founders();
        var libraries = Scenario.Partner(1);
        var schools = Scenario.Partner(2);
        var amina = Scenario.Person(1);
        var baraka = Scenario.Person(2);
        var text = AgreementScenario.Text() with { Commitments = AgreementScenario.Commitments().Take(2).ToArray() };   // the commitments of parties 1 and 2
        var now = Scenario.Start;

        var mou = Agreement.Draft(AgreementId.New(), new AgreementDraft(
            AgreementType.MemorandumOfUnderstanding, "Reading campaign MoU",
            [new AgreementParty(libraries, "Community Libraries", [amina]), new AgreementParty(schools, "Schools Network", [baraka])],
            text), coalition, Actor.Representing(amina, libraries), now);
        Assert.Equal(AgreementStatus.Draft, mou.RecordedStatus);

        mou.Circulate(Actor.Representing(amina, libraries), now);
        Assert.Equal(AgreementStatus.Circulating, mou.RecordedStatus);

        mou.Sign(libraries, Actor.Representing(amina, libraries), now);
        mou.Sign(schools, Actor.Representing(baraka, schools), now);   // the last signature brings it into force
        Assert.Equal(AgreementStatus.InForce, mou.StatusOn(new LocalDate(2026, 3, 2)));
    }

    [Fact]
    public void The_examples_of_outreach_identify_a_prospect_and_record_the_first_contact()
    {
        var coalition = CoalitionScenario.ActiveWith(3);
        var radio = Partner.Register(PartnerId.New(), PartnerScenario.Profile("Coast FM", Sector.Media), PartnerScenario.Rep(40), Actor.ForPerson(Scenario.Person(40)), Scenario.Start);
        var coordinator = CoalitionScenario.Convenor.Person;
        var now = Scenario.Start;

        var outreach = Outreach.Identify(OutreachId.New(), radio.Id, new LocalDate(2026, 3, 2), "Fills the media gap.", coalition, Actor.ForPerson(coordinator), now);

        now = CoalitionScenario.OnDate(2026, 3, 3);
        outreach.Record(OutreachStage.Contacted, new LocalDate(2026, 3, 3), "Called the station manager.", coalition, Actor.ForPerson(coordinator), now);

        Assert.Equal(OutreachStage.Contacted, outreach.Stage);
    }

    [Fact]
    public void The_examples_of_governance_establish_it_appoint_a_seat_and_seat_the_winners_of_an_election()
    {
        var coalition = GovernanceScenario.NineMembers();
        var coordinator = CoalitionScenario.Convenor.Person;
        var candidate = GovernanceScenario.Candidate(4);
        var now = Scenario.Start;

        var governance = CoalitionGovernance.Establish(coalition, GovernanceTemplates.AdvocacyCoalition(), Actor.ForPerson(coordinator), now);

        governance.Appoint(GovernanceTemplates.Bodies.SteeringCommittee, 1, candidate, coalition, new LocalDate(2026, 4, 1), interim: true, Actor.ForPerson(coordinator), now);
        Assert.Equal(candidate.Id, governance.Seat(GovernanceTemplates.Bodies.SteeringCommittee, 1, coalition, new LocalDate(2026, 4, 1)).Holding!.Holder);

        var candidates = new Dictionary<string, PartnerSnapshot> { ["m5"] = GovernanceScenario.Candidate(5), ["m6"] = GovernanceScenario.Candidate(6), ["m7"] = GovernanceScenario.Candidate(7) };
        var election = Poll.Draft(PollId.New(), new PollDraft(coalition.Id, "Who sits on the steering committee?", candidates.Keys.Select(k => new PollOption(k, k)).ToArray(),
            new PollRule(PollMethod.SingleTransferableVote, Seats: 2), [Scenario.Chair]), Scenario.ChairActor, now);
        election.Open(coalition.PollElectorate(now), now + Duration.FromDays(7), Scenario.ChairActor, now);
        for (var m = 1; m <= 6; m++)
        {
            election.CastBallot(PollBallot.Ranked(Scenario.Partner(m), m <= 3 ? "m5" : "m6"), Scenario.For(m), now);
        }

        now = election.Deadline!.Value;

        var result = election.Close(Actor.System("scheduler"), election.Deadline!.Value, seed: 2026);
        var winners = result.Winners.Select(key => candidates[key]).ToArray();   // the PartnerSnapshot of each winning option
        governance.ElectSeats(GovernanceTemplates.Bodies.SteeringCommittee, winners, coalition, new LocalDate(2026, 4, 1), Actor.ForPerson(coordinator), now);

        Assert.Equal(["m5", "m6"], result.Winners.Order());
        var holders = Enumerable.Range(1, 3).Select(seat => governance.Seat(GovernanceTemplates.Bodies.SteeringCommittee, seat, coalition, new LocalDate(2026, 4, 1)).Holding?.Holder);
        Assert.Equal([candidate.Id, Scenario.Partner(5), Scenario.Partner(6)], holders);
    }
}
