using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Coalitions.Core.Decisions;
using Coalitions.Core.Initiatives;
using Coalitions.Core.Kernel;
using Coalitions.Core.Measurement;
using Coalitions.Core.Resources;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using Snapshooter.Xunit;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.JointWorkScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Initiatives;

/// <summary>
/// The IATI export, validated against the official IATI 2.03 activity schema (kept under Initiatives/Iati, see its
/// NOTICE.md) and checked for the structure and codes it relies on.
/// </summary>
public class IatiActivityFileTests
{
    private static readonly IatiPublisher Publisher = new("KE-NCB-123456", "Learning for All", IatiOrganisationType.NationalNgo, RecipientCountry: "KE");
    private static readonly Lazy<XmlSchemaSet> Schema = new(LoadSchema);

    [Fact]
    public void The_activity_file_of_a_project_under_way_is_valid_against_the_iati_2_03_schema()
    {
        var file = Story();

        Assert.Empty(Validate(file));
    }

    [Theory]
    [InlineData(InitiativeStatus.Proposed, "1")]
    [InlineData(InitiativeStatus.Approved, "1")]
    [InlineData(InitiativeStatus.Active, "2")]
    [InlineData(InitiativeStatus.Suspended, "6")]
    [InlineData(InitiativeStatus.Completed, "4")]
    [InlineData(InitiativeStatus.Cancelled, "5")]
    public void Every_lifecycle_status_is_written_with_its_activity_status_code_and_stays_valid(InitiativeStatus status, string code)
    {
        var coalition = Coalition();
        var initiative = InState(coalition, status);

        var file = IatiActivityFile.Write(initiative, Publisher, [], [], OnDate(2027, 1, 10));

        Assert.Equal(code, Activity(file).Element("activity-status")!.Attribute("code")!.Value);
        Assert.Empty(Validate(file));
    }

    [Fact]
    public void The_validator_refuses_a_file_that_breaks_the_schema()
    {
        var broken = Story();
        Activity(broken).Element("reporting-org")!.Attribute("type")!.Remove();
        var reordered = Story();
        var status = Activity(reordered).Element("activity-status")!;
        status.Remove();
        Activity(reordered).Element("iati-identifier")!.AddAfterSelf(status);

        Assert.NotEmpty(Validate(broken));
        Assert.NotEmpty(Validate(reordered));
    }

    [Fact]
    public void The_activity_is_identified_by_the_publisher_and_names_every_partner_in_each_of_its_roles()
    {
        var activity = Activity(Story());

        Assert.Equal("2.03", activity.Parent!.Attribute("version")!.Value);
        Assert.Equal("KE-NCB-123456-" + TheInitiative, activity.Element("iati-identifier")!.Value);
        Assert.Equal(("KE-NCB-123456", "22"), (activity.Element("reporting-org")!.Attribute("ref")!.Value, activity.Element("reporting-org")!.Attribute("type")!.Value));
        Assert.Equal(
            ["Member 1:2", "Member 1:4", "Member 2:4", "Member 3:1", "County Education Fund:1"],
            activity.Elements("participating-org").Select(o => o.Element("narrative")!.Value + ":" + o.Attribute("role")!.Value));
        Assert.Equal("KE-GOV-20", activity.Elements("participating-org").Last().Attribute("ref")!.Value);
    }

    [Fact]
    public void Planned_and_actual_dates_and_the_budget_by_line_are_written_with_their_codes()
    {
        var activity = Activity(Story());

        Assert.Equal(["1:2026-04-01", "2:2026-04-01", "3:2026-12-31"], activity.Elements("activity-date").Select(d => d.Attribute("type")!.Value + ":" + d.Attribute("iso-date")!.Value));
        Assert.Equal(
            ["2:300000:KES:2026-04-01", "2:2000:USD:2026-04-01"],
            activity.Elements("budget").Select(b => b.Attribute("status")!.Value + ":" + b.Element("value")!.Value + ":" + b.Element("value")!.Attribute("currency")!.Value + ":" + b.Element("value")!.Attribute("value-date")!.Value));
    }

    [Fact]
    public void A_budget_before_approval_is_indicative()
    {
        var file = IatiActivityFile.Write(Proposed(Coalition()), Publisher, [], [], Start);

        Assert.All(Activity(file).Elements("budget"), b => Assert.Equal("1", b.Attribute("status")!.Value));
    }

    [Fact]
    public void The_funds_ledger_entries_for_the_initiative_become_incoming_funds_and_expenditure()
    {
        var activity = Activity(Story());

        Assert.Equal(
            ["1:2026-05-04:250000:KES:provider-org:Member 3", "1:2026-05-10:2000:USD:provider-org:County Education Fund", "4:2026-06-04:180000:KES:receiver-org:Member 1"],
            activity.Elements("transaction").Select(t =>
            {
                var org = t.Element("provider-org") ?? t.Element("receiver-org")!;
                return $"{t.Element("transaction-type")!.Attribute("code")!.Value}:{t.Element("transaction-date")!.Attribute("iso-date")!.Value}:{t.Element("value")!.Value}:{t.Element("value")!.Attribute("currency")!.Value}:{org.Name.LocalName}:{org.Element("narrative")!.Value}";
            }));
    }

    [Fact]
    public void Each_indicator_is_a_result_with_its_baseline_target_and_actual_values_per_period()
    {
        var results = Activity(Story()).Elements("result").ToArray();

        Assert.Equal(["2", "1"], results.Select(r => r.Attribute("type")!.Value));
        var rate = results[0].Element("indicator")!;
        Assert.Equal(("2", "true"), (rate.Attribute("measure")!.Value, rate.Attribute("ascending")!.Value));
        Assert.Equal(("2026", "70"), (rate.Element("baseline")!.Attribute("year")!.Value, rate.Element("baseline")!.Attribute("value")!.Value));
        Assert.Equal(
            ["2026-01-01..2026-03-31 actual 72", "2026-04-01..2026-06-30 actual 75", "2026-01-01..2030-12-31 target 90"],
            rate.Elements("period").Select(p => $"{p.Element("period-start")!.Attribute("iso-date")!.Value}..{p.Element("period-end")!.Attribute("iso-date")!.Value} {(p.Element("target") ?? p.Element("actual"))!.Name.LocalName} {(p.Element("target") ?? p.Element("actual"))!.Attribute("value")!.Value}"));
        var children = results[1].Element("indicator")!;
        Assert.Equal("1", children.Attribute("measure")!.Value);
        Assert.Equal("650", children.Elements("period").First().Element("actual")!.Attribute("value")!.Value);
    }

    [Fact]
    public void The_whole_file_changes_only_deliberately()
    {
        Snapshot.Match(Story().ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_publisher_needs_an_identifier_a_type_and_a_known_language_and_country()
    {
        var initiative = Proposed(Coalition());

        Assert.True(Assert.Throws<CoalitionRuleException>(() => IatiActivityFile.Write(initiative, Publisher with { OrganisationIdentifier = " " }, [], [], Start)).Has(ErrorCodes.Initiatives.InvalidPublisher));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => IatiActivityFile.Write(initiative, Publisher with { Type = (IatiOrganisationType)99 }, [], [], Start)).Has(ErrorCodes.Initiatives.InvalidPublisher));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => IatiActivityFile.Write(initiative, Publisher with { Language = "english" }, [], [], Start)).Has(ErrorCodes.Initiatives.InvalidPublisher));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => IatiActivityFile.Write(initiative, Publisher with { RecipientCountry = "Kenya" }, [], [], Start)).Has(ErrorCodes.Initiatives.InvalidPublisher));
    }

    [Fact]
    public void Texts_with_markup_characters_are_escaped_and_the_file_stays_valid()
    {
        var coalition = Coalition();
        var initiative = Initiative.Propose(TheInitiative, Plan() with { Title = "Books & <camps>", Description = "\"Read\" & write\n\tevery day." }, coalition, For(1), Start);

        var file = IatiActivityFile.Write(initiative, Publisher, [], [], Start);

        Assert.Empty(Validate(XDocument.Parse(file.ToString())));
        Assert.Equal("Books & <camps>", XDocument.Parse(file.ToString()).Root!.Element("iati-activity")!.Element("title")!.Element("narrative")!.Value);
    }

    /// <summary>The reading camps under way: money in from a member's pledge and a grant, a paid expense, two indicators measured.</summary>
    internal static XDocument Story()
    {
        var coalition = Coalition();
        var governance = JointWorkScenario.Governance(coalition);
        var initiative = Active(coalition);
        var fund = Fund(coalition, governance);
        var pledge = Pledge.Make(PledgeNumber(1), MoneyPledge(3, 250_000m, initiative: TheInitiative), coalition, For(3), Start);
        pledge.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 5, 4), Kes(250_000m)), coalition, Secretariat, OnDate(2026, 5, 4));
        fund.RecordContribution(pledge, 1, coalition, Secretariat, OnDate(2026, 5, 4));
        fund.RecordGrant(new GrantIncome("County Education Fund", new Money(2_000m, "USD"), new LocalDate(2026, 5, 10), "CEF-2026-14", TheInitiative, Partner(20)), coalition, Secretariat, OnDate(2026, 5, 10));
        fund.RecordGrant(new GrantIncome("A donor for other work", Kes(1_000m), new LocalDate(2026, 5, 10)), coalition, Secretariat, OnDate(2026, 5, 10));
        var books = fund.SubmitExpense(new ExpenseClaim(Partner(1), Kes(180_000m), "Storybooks for twelve schools", new LocalDate(2026, 6, 2), TheInitiative, new BudgetLineKey("books")), coalition, For(1), OnDate(2026, 6, 2));
        fund.ApproveExpense(books.Number, Adopted(MatterType.ApproveExpense), coalition, governance, Treasurer, OnDate(2026, 6, 3));
        fund.PayExpense(books.Number, new LocalDate(2026, 6, 4), coalition, governance, Treasurer, OnDate(2026, 6, 4));

        var rate = Indicator.Define(IndicatorNumber(1), ReadingRate(TheInitiative), coalition, initiative, Secretariat, OnDate(2026, 4, 2));
        rate.Report(Measured(6, 72m, 1, 3), coalition, For(6), OnDate(2026, 7, 1));
        rate.Report(Measured(6, 74m, 4, 6), coalition, For(6), OnDate(2026, 7, 1));
        rate.Report(Measured(4, 76m, 4, 6, "School records"), coalition, For(4), OnDate(2026, 7, 1));
        var children = Indicator.Define(IndicatorNumber(2), ChildrenInCamps(), coalition, initiative, For(1), OnDate(2026, 4, 2));
        children.Report(Measured(2, 650m, 4, 6, "Camp registers"), coalition, For(2), OnDate(2026, 7, 1));

        return IatiActivityFile.Write(initiative, Publisher, [fund], [rate, children], OnDate(2026, 7, 2), new Dictionary<PartnerId, IatiOrganisationType> { [Partner(20)] = IatiOrganisationType.Government });
    }

    internal static IReadOnlyList<string> Validate(XDocument file)
    {
        var errors = new List<string>();
        file.Validate(Schema.Value, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        return errors;
    }

    private static XElement Activity(XDocument file) => file.Root!.Element("iati-activity")!;

    private static Initiative InState(global::Coalitions.Core.Coalitions.Coalition coalition, InitiativeStatus status)
    {
        var initiative = Proposed(coalition);
        if (status == InitiativeStatus.Proposed)
        {
            return initiative;
        }

        if (status == InitiativeStatus.Cancelled)
        {
            initiative.Cancel("Merged into another project.", null, coalition, For(1), Hours(1));
            return initiative;
        }

        initiative.Approve(Adopted(MatterType.ApproveJointProject), coalition, Secretariat, Start);
        if (status == InitiativeStatus.Approved)
        {
            return initiative;
        }

        initiative.Start(new LocalDate(2026, 4, 1), coalition, For(1), OnDate(2026, 4, 1));
        if (status == InitiativeStatus.Suspended)
        {
            initiative.Suspend("Floods.", coalition, Secretariat, OnDate(2026, 5, 1));
        }
        else if (status == InitiativeStatus.Completed)
        {
            initiative.Complete(new LocalDate(2026, 12, 20), coalition, For(1), OnDate(2026, 12, 21));
        }

        return initiative;
    }

    private static XmlSchemaSet LoadSchema()
    {
        var folder = Path.Combine(GeneratedFile.RepositoryRoot, "tests", "Coalitions.Core.Tests", "Initiatives", "Iati");
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        var errors = new List<string>();
        schemas.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        using (var reader = XmlReader.Create(Path.Combine(folder, "iati-activities-schema.xsd"), new XmlReaderSettings { XmlResolver = new XmlUrlResolver(), DtdProcessing = DtdProcessing.Prohibit }))
        {
            schemas.Add(null, reader);
        }

        schemas.Compile();
        Assert.Empty(errors);
        Assert.NotNull(schemas.GlobalElements[new XmlQualifiedName("iati-activity")]);
        return schemas;
    }
}
