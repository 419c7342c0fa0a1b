using System.Text.RegularExpressions;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Initiatives;
using Coalitions.Core.Kernel;
using Coalitions.Core.Measurement;
using Coalitions.Core.Resources;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Docs;

/// <summary>
/// The code of docs/joint-work.md, compiled and run. Every <c>csharp</c> block of the guide is found, line for line, in
/// <see cref="The_guide_runs_from_pledge_to_iati_file"/>; change both together.
/// </summary>
public partial class JointWorkGuideTests
{
    private const string Guide = "docs/joint-work.md";

    [Fact]
    public void The_guide_runs_from_pledge_to_iati_file()
    {
        // What the guide takes as given: the coalition of six with its keyed goal, its governance (member 5 the
        // steering committee's treasurer), the steering committee's adopted decision on the project, and delegates.
        var coalition = JointWorkScenario.Coalition();
        var governance = JointWorkScenario.Governance(coalition);
        var secretariat = Secretariat;
        var treasurer = For(5);
        var (teachers, teachersDelegate) = (Partner(1), For(1));
        var (parents, parentsDelegate) = (Partner(2), For(2));
        var (university, universityDelegate) = (Partner(6), For(6));
        var approval = Adopted(MatterType.ApproveJointProject);
        var march2 = Instant.FromUtc(2026, 3, 2, 9, 0);

        // [fund]
        var fund = PooledFund.Open(
            PooledFundId.New(),
            new FundRules(coalition.Id, "Reading fund", "Storybooks and reading camps.",
                ApprovingBody: "steering-committee", ApprovingOffice: Office.Treasurer,
                DecisionAbove: [new Money(100_000m, "KES")], Overdrafts: []),
            coalition, secretariat, march2, governance);

        // [pledge]
        var pledge = Pledge.Make(
            PledgeId.New(),
            new PledgeOffer(coalition.Id, parents, ContributionKind.Money, "Our share of the reading fund",
                Due: new LocalDate(2026, 6, 30), Amount: new Money(250_000m, "KES"), Fund: fund.Id),
            coalition, parentsDelegate, march2);

        var may4 = Instant.FromUtc(2026, 5, 4, 9, 0);
        var receipt = pledge.RecordReceipt(
            new PledgeReceipt(new LocalDate(2026, 5, 4), new Money(250_000m, "KES"), Note: "Bank transfer"),
            coalition, secretariat, may4);
        fund.RecordContribution(pledge, receipt.Number, coalition, secretariat, may4);

        // [expense]
        var claim = fund.SubmitExpense(
            new ExpenseClaim(teachers, new Money(80_000m, "KES"), "Storybooks", new LocalDate(2026, 5, 8)),
            coalition, teachersDelegate, Instant.FromUtc(2026, 5, 8, 9, 0));
        fund.ApproveExpense(claim.Number, decision: null, coalition, governance, treasurer, Instant.FromUtc(2026, 5, 9, 9, 0));
        fund.PayExpense(claim.Number, new LocalDate(2026, 5, 11), coalition, governance, treasurer, Instant.FromUtc(2026, 5, 11, 9, 0));

        var statement = fund.StatementFor(new LocalDate(2026, 5, 1), new LocalDate(2026, 5, 31));
        Console.WriteLine(statement.Describe());

        // [initiative]
        var camps = Initiative.Propose(
            InitiativeId.New(),
            new InitiativePlan(
                coalition.Id, InitiativeKind.Project, "Reading camps",
                "Holiday reading camps in twelve schools, run by teachers and parent volunteers.",
                Lead: teachers,
                Partners:
                [
                    new InitiativePartner(teachers, "Teachers Union", [PartnerRole.Accountable, PartnerRole.Implementing]),
                    new InitiativePartner(parents, "Parents Network", [PartnerRole.Funding]),
                    new InitiativePartner(Partner(20), "County Education Fund", [PartnerRole.Funding], Outside: true, OrganisationIdentifier: "KE-GOV-20"),
                ],
                PlannedStart: new LocalDate(2026, 4, 1),
                PlannedEnd: new LocalDate(2026, 12, 31),
                Milestones:
                [
                    new Milestone(new MilestoneKey("baseline"), "Baseline reading survey", new LocalDate(2026, 4, 30)),
                    new Milestone(new MilestoneKey("camps"), "Camps held in twelve schools", new LocalDate(2026, 8, 31), Weight: 3),
                ],
                Budget:
                [
                    new BudgetLine(new BudgetLineKey("books"), "Storybooks", parents, new Money(250_000m, "KES"), new LocalDate(2026, 4, 1), new LocalDate(2026, 12, 31)),
                ]),
            coalition, teachersDelegate, march2);

        camps.Approve(approval, coalition, secretariat, march2);
        camps.Start(new LocalDate(2026, 4, 1), coalition, teachersDelegate, Instant.FromUtc(2026, 4, 1, 9, 0));
        camps.RecordMilestone(new MilestoneKey("baseline"), new LocalDate(2026, 4, 28), "1,200 pupils assessed.",
            coalition, teachersDelegate, Instant.FromUtc(2026, 4, 29, 9, 0));

        // [indicator]
        var reading = Indicator.Define(
            IndicatorId.New(),
            new IndicatorDefinition(coalition.Id, "Ten-year-olds reading at grade level", "%", GoalDirection.Increase,
                Baseline: 70m, BaselineDate: new LocalDate(2026, 1, 1), Target: 90m, Deadline: new LocalDate(2030, 12, 31),
                MeasurementAggregation.Latest, Goal: new GoalKey("reading-by-ten"), Initiative: camps.Id),
            coalition, camps, secretariat, march2);

        var july6 = Instant.FromUtc(2026, 7, 6, 9, 0);
        var measured = reading.Report(
            new MeasurementReport(university, new LocalDate(2026, 1, 1), new LocalDate(2026, 6, 30), 74m, "County reading assessment"),
            coalition, universityDelegate, july6);
        reading.Correct(measured.Number, 73m, "Re-marked scripts", "Two schools' scripts were marked twice.",
            coalition, universityDelegate, july6);

        var progress = Progress.Of(reading, new LocalDate(2026, 7, 6));
        var summary = ImpactSummary.Write(coalition, [reading], [camps], [pledge], [fund], new LocalDate(2026, 7, 6));
        Console.WriteLine(summary.Text);

        // [iati]
        fund.RecordGrant(new GrantIncome("County Education Fund", new Money(2_000m, "USD"), new LocalDate(2026, 7, 1), "CEF-7", camps.Id),
            coalition, secretariat, july6);

        var file = IatiActivityFile.Write(
            camps,
            new IatiPublisher("KE-NCB-123456", "Reading Coalition", IatiOrganisationType.NationalNgo, RecipientCountry: "KE"),
            [fund], [reading], july6);
        file.Save(TextWriter.Null);

        // [end]
        Assert.Equal(new Money(170_000m, "KES"), fund.BalanceIn("KES"));
        Assert.Equal(new Money(170_000m, "KES"), statement.Currencies.Single().Closing);
        Assert.Equal(PledgeStatus.Received, pledge.StatusOn(new LocalDate(2026, 5, 4)));
        Assert.Equal(InitiativeStatus.Active, camps.Status);
        Assert.Equal(73m, progress.Actual);
        Assert.Equal(ProgressStatus.OnTrack, progress.Status);
        Assert.Contains("Reading camps", summary.Text, StringComparison.Ordinal);
        Assert.Single(file.Root!.Element("iati-activity")!.Elements("transaction"));
        Assert.Single(file.Root!.Element("iati-activity")!.Elements("result"));
    }

    [Fact]
    public void The_library_section_runs()
    {
        var coalition = JointWorkScenario.Coalition();
        var secretariat = Secretariat;
        var (teachers, teachersDelegate) = (Partner(1), For(1));
        var (parents, parentsDelegate) = (Partner(2), For(2));
        var (university, universityDelegate) = (Partner(6), For(6));
        var march2 = Instant.FromUtc(2026, 3, 2, 9, 0);

        // [library]
        var library = ResourceLibrary.Open(ResourceLibraryId.New(), new LibraryDraft(coalition.Id, "Shared library"), coalition, secretariat, march2);
        var projector = library.Offer(new ResourceOffer(teachers, ResourceKind.Equipment, "Projector and screen"), coalition, teachersDelegate, march2);
        library.Offer(new ResourceOffer(university, ResourceKind.Data, "County reading survey 2025", Lendable: false), coalition, universityDelegate, march2);
        var need = library.Request(new ResourceRequest(parents, ResourceKind.Equipment, "A projector for the parents' evening", new LocalDate(2026, 3, 20)),
            coalition, parentsDelegate, march2);

        var loan = library.Lend(new LoanTerms(projector.Number, parents, Due: new LocalDate(2026, 3, 21), Request: need.Number),
            coalition, teachersDelegate, march2);
        library.RecordReturn(loan.Number, new LocalDate(2026, 3, 21), coalition, teachersDelegate, Instant.FromUtc(2026, 3, 21, 15, 0));

        // [end]
        Assert.Equal(0, library.OutOnLoan);
        Assert.False(library.Requests.Single().IsOpen);
        Assert.Equal(2, library.Available().Count);
    }

    [Fact]
    public void Above_the_threshold_the_treasurer_approves_only_citing_a_decision()
    {
        var coalition = JointWorkScenario.Coalition();
        var governance = JointWorkScenario.Governance(coalition);
        var fund = JointWorkScenario.Fund(coalition, governance);
        var claim = fund.SubmitExpense(new ExpenseClaim(Partner(1), new Money(150_000m, "KES"), "Trainers", new LocalDate(2026, 3, 2)), coalition, For(1), Start);

        Refusal.Expect(fund, ErrorCodes.Coalitions.DecisionRequired, () => fund.ApproveExpense(claim.Number, decision: null, coalition, governance, For(5), Start));
        fund.ApproveExpense(claim.Number, Adopted(MatterType.ApproveExpense), coalition, governance, For(5), Start);

        Assert.Equal(ExpenseStatus.Approved, fund.Expenses.Single().Status);
    }

    [Fact]
    public void Every_code_block_of_the_guide_is_compiled_by_this_test()
    {
        var guide = File.ReadAllText(Path.Combine(GeneratedFile.RepositoryRoot, Guide)).ReplaceLineEndings("\n");
        var source = Normalize(File.ReadAllText(Path.Combine(GeneratedFile.RepositoryRoot, "tests/Coalitions.Core.Tests/Docs/JointWorkGuideTests.cs")));
        var blocks = CodeBlock().Matches(guide).Select(m => Normalize(m.Groups[1].Value)).ToArray();

        Assert.True(blocks.Length >= 5, $"{Guide} has {blocks.Length} code blocks.");
        Assert.All(blocks, block => Assert.Contains(block, source, StringComparison.Ordinal));
        Assert.Contains("compiled by tests/Coalitions.Core.Tests/Docs/JointWorkGuideTests.cs", guide, StringComparison.Ordinal);
    }

    /// <summary>The code's lines, trimmed and without blank lines, so the guide may indent differently.</summary>
    private static string Normalize(string code) =>
        "\n" + string.Join("\n", code.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)) + "\n";

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
