using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Initiatives;
using Coalitions.Core.Kernel;
using Coalitions.Core.Measurement;
using Coalitions.Core.Resources;
using Coalitions.Core.Tests.Kit;
using NodaTime;

namespace Coalitions.Core.Tests.Docs;

public sealed partial class XmlExampleTests
{
    [Fact]
    public void The_examples_of_a_pooled_fund_open_it_and_take_a_pledge_to_it_in_full()
    {
        var coalition = JointWorkScenario.Coalition();
        var governance = JointWorkScenario.Governance(coalition);
        var secretariat = CoalitionScenario.Secretariat;
        var parentsNetwork = Scenario.Partner(3);
        var delegatePerson = Scenario.Person(3);
        var now = Scenario.Start;

        var fund = PooledFund.Open(PooledFundId.New(),
            new FundRules(coalition.Id, "Reading fund", "Books and reading camps.", "steering-committee", Office.Treasurer,
                DecisionAbove: [new Money(100_000m, "KES")], Overdrafts: []),
            coalition, secretariat, now, governance);
        Assert.Equal(FundStatus.Open, fund.Status);

        var readingFund = fund;
        var pledge = Pledge.Make(PledgeId.New(),
            new PledgeOffer(coalition.Id, parentsNetwork, ContributionKind.Money, "Our share of the reading fund",
                new LocalDate(2026, 6, 30), new Money(250_000m, "KES"), Fund: readingFund.Id),
            coalition, Actor.Representing(delegatePerson, parentsNetwork), now);

        now = CoalitionScenario.OnDate(2026, 5, 4);
        pledge.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 5, 4), new Money(250_000m, "KES"), Note: "M-Pesa 7QX2"),
            coalition, secretariat, now);

        Assert.True(pledge.IsReceivedInFull);
    }

    [Fact]
    public void The_examples_of_a_pooled_fund_book_a_contribution_then_claim_approve_and_pay_an_expense()
    {
        var coalition = JointWorkScenario.Coalition();
        var governance = JointWorkScenario.Governance(coalition);
        var fund = JointWorkScenario.Fund(coalition, governance);
        var pledge = Pledge.Make(JointWorkScenario.PledgeNumber(1), JointWorkScenario.MoneyPledge(3, 250_000m), coalition, Scenario.For(3), Scenario.Start);
        var secretariat = CoalitionScenario.Secretariat;
        var literacyNow = Scenario.Partner(2);
        var delegatePerson = Scenario.Person(2);
        var treasurer = Scenario.Person(5);
        var treasurerMember = Scenario.Partner(5);
        var approval = AdoptedProposal(MatterType.ApproveExpense);
        var today = new LocalDate(2026, 5, 4);
        var now = CoalitionScenario.OnDate(2026, 5, 4);

        var receipt = pledge.RecordReceipt(new PledgeReceipt(today, new Money(250_000m, "KES")), coalition, secretariat, now);
        fund.RecordContribution(pledge, receipt.Number, coalition, secretariat, now);
        Assert.Equal(new Money(250_000m, "KES"), fund.BalanceIn("KES"));

        var expense = fund.SubmitExpense(
            new ExpenseClaim(literacyNow, new Money(180_000m, "KES"), "Storybooks for 12 schools", today),
            coalition, Actor.Representing(delegatePerson, literacyNow), now);

        // 180,000 KES is above the fund's threshold of 100,000 KES: the approval cites the adopted decision.
        fund.ApproveExpense(expense.Number, approval.Reference, coalition, governance, Actor.Representing(treasurer, treasurerMember), now);
        Assert.Equal(ExpenseStatus.Approved, fund.Expenses.Single().Status);

        var entry = fund.PayExpense(expense.Number, today, coalition, governance, Actor.Representing(treasurer, treasurerMember), now);
        Assert.Equal(ExpenseStatus.Paid, fund.Expenses.Single().Status);
        Assert.Equal(new Money(70_000m, "KES"), fund.BalanceIn("KES"));
        Assert.Equal(entry.Number, fund.Ledger[^1].Number);
    }

    [Fact]
    public void The_examples_of_a_resource_library_open_it_offer_request_and_lend()
    {
        var coalition = JointWorkScenario.Coalition();
        var secretariat = CoalitionScenario.Secretariat;
        var literacyNow = Scenario.Partner(1);
        var delegatePerson = Scenario.Person(1);
        var girlsLearn = Scenario.Partner(2);
        var amina = Scenario.Person(2);
        var now = Scenario.Start;

        var library = ResourceLibrary.Open(ResourceLibraryId.New(), new LibraryDraft(coalition.Id, "Shared library"), coalition, secretariat, now);

        var projector = library.Offer(new ResourceOffer(literacyNow, ResourceKind.Equipment, "Projector and screen"), coalition, Actor.Representing(delegatePerson, literacyNow), now);
        Assert.Equal(projector, Assert.Single(library.Offers));

        library.Request(new ResourceRequest(girlsLearn, ResourceKind.Trainer, "A trainer for mentors in Kilifi", new LocalDate(2026, 6, 1)), coalition, Actor.Representing(amina, girlsLearn), now);

        library.Lend(new LoanTerms(projector.Number, girlsLearn, new LocalDate(2026, 5, 31), Request: 1), coalition, Actor.Representing(delegatePerson, literacyNow), now);
        Assert.Equal(girlsLearn, Assert.Single(library.Loans).Terms.Borrower);
    }

    [Fact]
    public void The_examples_of_an_initiative_propose_it_and_approve_it_by_a_decision_of_the_committee()
    {
        var coalition = JointWorkScenario.Coalition();
        var plan = JointWorkScenario.Plan();
        var literacyNow = Scenario.Partner(1);
        var delegatePerson = Scenario.Person(1);
        var partners = plan.Partners;
        var milestones = plan.Milestones;
        var budget = plan.Budget;
        var secretariat = CoalitionScenario.Secretariat;
        var steeringDecision = AdoptedProposal(MatterType.ApproveJointProject);
        var now = Scenario.Start;

        var camps = Initiative.Propose(InitiativeId.New(),
            new InitiativePlan(coalition.Id, InitiativeKind.Project, "Reading camps", "Holiday reading camps in 12 schools.",
                literacyNow, partners, new LocalDate(2026, 4, 1), new LocalDate(2026, 12, 31), milestones, budget),
            coalition, Actor.Representing(delegatePerson, literacyNow), now);
        Assert.Equal(InitiativeStatus.Proposed, camps.Status);

        now = steeringDecision.DecidedAt!.Value;
        camps.Approve(steeringDecision.Reference!, coalition, secretariat, now);
        Assert.Equal(InitiativeStatus.Approved, camps.Status);
    }

    [Fact]
    public void The_examples_of_an_initiative_record_a_milestone_and_link_the_contribution_of_a_partner()
    {
        var coalition = JointWorkScenario.Coalition();
        var camps = JointWorkScenario.Active(coalition);
        var lead = Scenario.For(1);
        var parentsNetwork = Scenario.Partner(2);
        var delegatePerson = Scenario.Person(2);
        var booksPledge = Pledge.Make(JointWorkScenario.PledgeNumber(2), JointWorkScenario.MoneyPledge(2, initiative: JointWorkScenario.TheInitiative), coalition, Scenario.For(2), Scenario.Start);
        var mou = AgreementScenario.SignedByAll();
        var now = CoalitionScenario.OnDate(2026, 4, 15);

        camps.RecordMilestone(new MilestoneKey("baseline"), new LocalDate(2026, 4, 15), "Survey of 1,200 pupils.", coalition, lead, now);
        Assert.True(camps.Reached.ContainsKey(new MilestoneKey("baseline")));

        camps.LinkContribution(parentsNetwork, "Half the books", [booksPledge], mou, "reading-fund", coalition, Actor.Representing(delegatePerson, parentsNetwork), now);
        Assert.Equal(parentsNetwork, Assert.Single(camps.Contributions).Partner);
    }

    [Fact]
    public void The_examples_of_an_indicator_define_it_for_a_goal_and_an_initiative_and_report_a_measurement()
    {
        var coalition = JointWorkScenario.Coalition();
        var camps = JointWorkScenario.Proposed(coalition);
        var secretariat = CoalitionScenario.Secretariat;
        var university = Scenario.Partner(3);
        var delegatePerson = Scenario.Person(3);
        var now = Scenario.Start;

        var reading = Indicator.Define(IndicatorId.New(),
            new IndicatorDefinition(coalition.Id, "Ten-year-olds reading at grade level", "%", GoalDirection.Increase,
                58m, new LocalDate(2026, 1, 31), 80m, new LocalDate(2030, 12, 31), MeasurementAggregation.Latest,
                Goal: new GoalKey("reading-by-ten"), Initiative: camps.Id),
            coalition, camps, secretariat, now);
        Assert.Equal(IndicatorStatus.Active, reading.Status);

        now = CoalitionScenario.OnDate(2026, 7, 1);
        reading.Report(new MeasurementReport(university, new LocalDate(2026, 1, 1), new LocalDate(2026, 6, 30), 64m, "County reading assessment"),
            coalition, Actor.Representing(delegatePerson, university), now);
        Assert.Equal(64m, Assert.Single(reading.Measurements).Report.Value);
    }

    [Fact]
    public void The_example_of_an_iati_activity_file_writes_and_saves_the_initiative()
    {
        var coalition = JointWorkScenario.Coalition();
        var camps = JointWorkScenario.Active(coalition);
        var readingFund = JointWorkScenario.Fund(coalition, JointWorkScenario.Governance(coalition));
        var reading = JointWorkScenario.Rate(coalition, camps);
        var now = CoalitionScenario.OnDate(2026, 7, 1);

        var file = IatiActivityFile.Write(camps, new IatiPublisher("KE-NCB-123456", "Learning for All", IatiOrganisationType.NationalNgo, RecipientCountry: "KE"),
            [readingFund], [reading], now);
        file.Save("reading-camps.iati.xml");

        try
        {
            Assert.Contains("Reading camps", File.ReadAllText("reading-camps.iati.xml"), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete("reading-camps.iati.xml");
        }
    }
}
