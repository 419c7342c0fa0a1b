using Coalitions.Core.Advocacy;
using Coalitions.Core.Conflicts;
using Coalitions.Core.Decisions;
using Coalitions.Core.Engagement;
using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using Coalitions.Core.Tests.Kit;
using NodaTime;

namespace Coalitions.Core.Tests.Docs;

public sealed partial class XmlExampleTests
{
    [Fact]
    public void The_example_of_drafting_a_policy_position_drafts_it_in_the_name_of_a_member()
    {
        var coalition = AdvocacyScenario.Nine;
        var member = Scenario.Partner(4);
        var delegatePerson = Scenario.Person(4);
        var now = Scenario.Start;

        var position = PolicyPosition.Draft(PolicyPositionId.New(),
            new PositionDraft(coalition.Id, new IssueKey("education-budget"), "Six per cent for education", "The coalition calls for ..."),
            coalition, Actor.Representing(delegatePerson, member), now);

        Assert.Equal(PositionStatus.Draft, position.Status);
    }

    [Fact]
    public void The_example_of_adopting_a_policy_position_cites_the_decision_and_publishes_it()
    {
        var coalition = AdvocacyScenario.Nine;
        var position = AdvocacyScenario.DraftedPosition();
        var proposal = AdoptedProposal(MatterType.AdoptPolicyPosition);
        var secretariat = CoalitionScenario.Secretariat;
        var now = proposal.DecidedAt!.Value;

        // The steering committee adopted the draft: cite its decision.
        position.Adopt(proposal.Reference!, coalition, secretariat, now);
        position.Publish(coalition, secretariat, now);

        Assert.Equal(PositionStatus.Published, position.Status);
    }

    [Fact]
    public void The_examples_of_a_sign_on_statement_draft_it_publish_it_and_take_an_endorsement()
    {
        var coalition = AdvocacyScenario.Nine;
        var secretariat = CoalitionScenario.Secretariat;
        var decision = AdvocacyScenario.Decided(MatterType.IssuePublicStatement, 21, Scenario.Hours(2));
        var now = Scenario.Hours(1);
        var publishedAt = Scenario.Hours(2);

        var statement = SignOnStatement.Draft(SignOnStatementId.New(),
            new StatementDraft(coalition.Id, "Fund the teachers", "We, the undersigned, ...", new LocalDate(2026, 4, 30)),
            coalition, secretariat, now);
        // Later, once the coalition has decided to issue this text (decision), publish it citing that decision:
        statement.Publish(decision, coalition, secretariat, publishedAt);
        Assert.Equal(StatementStatus.Open, statement.StatusAt(publishedAt));

        var amina = Scenario.Person(5);
        var girlsLearn = Partner.Register(Scenario.Partner(5), PartnerScenario.Profile("Girls Learn"),
            new Representative(amina, "Amina Otieno", RepresentativeRole.Delegate), Actor.ForPerson(amina), Scenario.Start);
        now = Scenario.Hours(3);

        statement.Endorse(EndorsementId.New(), girlsLearn.Snapshot, "Amina Otieno", "Director", coalition,
            Actor.Representing(amina, girlsLearn.Id), now);

        Assert.Equal("Girls Learn", Assert.Single(statement.Endorsements).Endorser.Organization);
    }

    [Fact]
    public void The_examples_of_a_campaign_launch_it_and_plan_an_action()
    {
        var coalition = AdvocacyScenario.Nine;
        var secretariat = CoalitionScenario.Secretariat;
        var teachersUnion = Scenario.Partner(5);
        var now = Scenario.Start;

        var campaign = Campaign.Launch(CampaignId.New(),
            new CampaignPlan(coalition.Id, "Fund reading", "Six per cent of the budget for education.",
                [new CampaignObjective(new CampaignObjectiveKey("budget-line"), "A budget line for reading", new LocalDate(2026, 10, 1))],
                [new CampaignTarget(new TargetKey("minister"), "Minister of Education", TargetKind.Official)],
                Lead: teachersUnion),
            coalition, secretariat, now);
        Assert.Equal(CampaignStatus.Active, campaign.Status);

        campaign.PlanAction(new PlannedAction(new CampaignActionKey("meet-minister"), ActionKind.MeetingWithOfficial,
            "Meet the minister with the budget brief", teachersUnion, new LocalDate(2026, 5, 15), Target: new TargetKey("minister")),
            coalition, secretariat, now);
        Assert.Equal(new CampaignActionKey("meet-minister"), Assert.Single(campaign.Actions).Plan.Key);
    }

    [Fact]
    public void The_examples_of_a_conflict_case_raise_it_and_show_it_to_a_party()
    {
        var coalition = AdvocacyScenario.Nine;
        var literacyNow = Scenario.Partner(4);
        var universityOfTheCoast = Scenario.Partner(5);
        var delegatePerson = Scenario.Person(4);
        var now = Scenario.Start;
        var Console = new StringWriter();

        var dispute = ConflictCase.Open(ConflictCaseId.New(),
            new CaseDraft(coalition.Id, "Credit for the reading survey", null, [universityOfTheCoast, literacyNow], false, CaseConfidentiality.Coordinators, []),
            coalition, Actor.Representing(delegatePerson, literacyNow), now);

        var view = dispute.View(coalition, Actor.Representing(delegatePerson, literacyNow), now);
        Console.WriteLine(view.Describe());

        Assert.Contains("Credit for the reading survey", Console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_examples_of_a_health_check_open_it_under_a_key_and_take_a_response()
    {
        var coalition = AdvocacyScenario.Nine;
        var secretariat = CoalitionScenario.Secretariat;
        var member = Scenario.Partner(4);
        var delegatePerson = Scenario.Person(4);
        var now = Scenario.Start;

        var key = AnonymityKey.Create();   // kept in the host's secret store, never with the events
        var check = HealthCheck.Open(HealthCheckId.New(),
            new HealthCheckDraft(coalition.Id, "Spring 2026", new LocalDate(2026, 4, 30), HealthCheckStatements.Standard),
            key, coalition, secretariat, now);
        Assert.Equal(HealthCheckStatus.Open, check.Status);

        check.Respond(member, [new HealthRating(new HealthStatementKey("trust"), 4), new HealthRating(new HealthStatementKey("means"), 2)],
            key, coalition, Actor.Representing(delegatePerson, member), now);
        Assert.Equal(1, check.ResponseCount);
    }

    [Fact]
    public void The_example_of_health_check_results_compares_a_round_with_the_one_before()
    {
        var coalition = GovernanceScenario.NineMembers();
        var secretariat = CoalitionScenario.Secretariat;
        for (var m = 1; m <= 4; m++)
        {
            coalition.RenewYearly(m, through: 2027);
        }

        var autumn = HealthCheck.Open(EngagementScenario.Autumn, EngagementScenario.Draft("Autumn 2026", new LocalDate(2026, 9, 30)), EngagementScenario.Key, coalition, secretariat, CoalitionScenario.OnDate(2026, 9, 1));
        var spring = HealthCheck.Open(EngagementScenario.Spring, EngagementScenario.Draft("Spring 2027", new LocalDate(2027, 4, 30)), EngagementScenario.Key, coalition, secretariat, CoalitionScenario.OnDate(2027, 4, 1));
        for (var m = 1; m <= 4; m++)
        {
            autumn.Respond(Scenario.Partner(m), EngagementScenario.Sheet(("trust", 3), ("means", 3)), EngagementScenario.Key, coalition, Scenario.For(m), CoalitionScenario.OnDate(2026, 9, 2));
            spring.Respond(Scenario.Partner(m), EngagementScenario.Sheet(("trust", 4), ("means", 2)), EngagementScenario.Key, coalition, Scenario.For(m), CoalitionScenario.OnDate(2027, 4, 2));
        }

        autumn.Close(EngagementScenario.Key, coalition, secretariat, CoalitionScenario.OnDate(2026, 10, 1));
        spring.Close(EngagementScenario.Key, coalition, secretariat, CoalitionScenario.OnDate(2027, 5, 1));
        var Console = new StringWriter();

        var results = spring.Results(previous: autumn);
        Console.WriteLine(results.Describe());   // strengths, borderline factors and concerns, with the change since autumn

        Assert.Equal(new ScoreChange(ChangeDirection.Up, Fraction.One), results.Factors.Single(f => f.Factor == new FactorKey("trust")).Change);
        Assert.Equal(results.Describe() + Environment.NewLine, Console.ToString());
    }

    [Fact]
    public void The_example_of_participation_measures_a_quarter_and_names_the_members_at_risk()
    {
        var coalition = GovernanceScenario.NineMembers();
        var decided = Scenario.Voting(DecisionRule.SimpleMajority(), Scenario.Members(3));
        decided.Vote(1, Stance.Support);
        decided.Close(Actor.System("scheduler"), decided.Deadline!.Value);
        var proposals = new[] { decided };
        var mou = AgreementScenario.SignedByAll();
        var today = new LocalDate(2026, 3, 31);
        var previousQuarter = Participation.Measure(coalition, [], new DateInterval(new LocalDate(2025, 10, 1), new LocalDate(2025, 12, 31)));
        var Console = new StringWriter();

        var facts = proposals.SelectMany(p => ParticipationFacts.FromProposal(p, coalition.TimeZone))
            .Concat(ParticipationFacts.FromAgreement(mou, today));
        var quarter = Participation.Measure(coalition, facts, new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31)));
        foreach (var risk in quarter.AtRisk(previousQuarter))
        {
            Console.WriteLine($"{risk.Name}: {string.Join(" ", risk.Reasons.Select(r => r.Explanation))}");
        }

        Assert.NotEmpty(quarter.AtRisk(previousQuarter));
        Assert.Contains(quarter.AtRisk(previousQuarter)[0].Name + ": ", Console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_example_of_the_recognition_roll_acknowledges_the_contribution_of_a_member()
    {
        var coalition = AdvocacyScenario.Nine;
        var secretariat = CoalitionScenario.Secretariat;
        var roll = RecognitionRoll.Open(coalition, secretariat, Scenario.Start);
        var girlsLearn = Scenario.Partner(5);
        var now = CoalitionScenario.OnDate(2026, 4, 18);

        roll.Acknowledge(AcknowledgementId.New(),
            new AcknowledgementDraft(RecognitionKind.Contribution, "Hosted the spring assembly", "Girls Learn hosted ...", new LocalDate(2026, 4, 18), girlsLearn),
            coalition, secretariat, now);

        Assert.Equal(girlsLearn, Assert.Single(roll.Acknowledgements).Member);
    }
}
