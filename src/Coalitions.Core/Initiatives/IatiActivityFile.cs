using System.Globalization;
using System.Xml.Linq;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Measurement;
using Coalitions.Core.Resources;
using FluentValidation;
using NodaTime;
using NodaTime.Text;
using IndicatorAggregate = Coalitions.Core.Measurement.Indicator;

namespace Coalitions.Core.Initiatives;

/// <summary>The type of an organisation, as the IATI <c>OrganisationType</c> codelist numbers it.</summary>
public enum IatiOrganisationType
{
    /// <summary>Government.</summary>
    Government = 10,

    /// <summary>Other public sector.</summary>
    OtherPublicSector = 15,

    /// <summary>International NGO.</summary>
    InternationalNgo = 21,

    /// <summary>National NGO.</summary>
    NationalNgo = 22,

    /// <summary>Regional NGO.</summary>
    RegionalNgo = 23,

    /// <summary>Public private partnership.</summary>
    PublicPrivatePartnership = 30,

    /// <summary>Multilateral.</summary>
    Multilateral = 40,

    /// <summary>Foundation.</summary>
    Foundation = 60,

    /// <summary>Private sector.</summary>
    PrivateSector = 70,

    /// <summary>Academic, training and research.</summary>
    AcademicTrainingAndResearch = 80,
}

/// <summary>The organisation that publishes the IATI file: usually the coalition itself, or its backbone organisation.</summary>
/// <param name="OrganisationIdentifier">Its IATI organisation identifier, such as <c>KE-NCB-123456</c>: one line of at most 64 characters. Activity identifiers start with it.</param>
/// <param name="Name">Its name: one line of at most 200 characters.</param>
/// <param name="Type">Its organisation type.</param>
/// <param name="Language">The language of the file's texts, an ISO 639-1 code (default <c>en</c>).</param>
/// <param name="RecipientCountry">The country that benefits, an ISO 3166-1 alpha-2 code, if the activity is in one country.</param>
public sealed record IatiPublisher(string OrganisationIdentifier, string Name, IatiOrganisationType Type, string Language = "en", string? RecipientCountry = null);

/// <summary>
/// Writes a joint initiative as an IATI activity file (standard 2.03), the form many funders of NGO coalitions ask their
/// grantees to publish: the activity with its participating organisations and their roles, status and dates, budget by
/// line, the transactions the coalition's pooled funds booked for it, and its results (each indicator with its baseline,
/// its target and the actual values members reported per period).
/// </summary>
/// <remarks>
/// <para>Codes follow the IATI 2.03 codelists: <c>OrganisationRole</c> (1 funding, 2 accountable, 3 extending,
/// 4 implementing), <c>ActivityStatus</c> (1 pipeline for proposed and approved, 2 implementation, 4 closed for
/// completed, 5 cancelled, 6 suspended), <c>ActivityDateType</c> (1 planned start, 2 actual start, 3 planned end, 4 actual
/// end), <c>BudgetType</c> 1 (original) and <c>BudgetStatus</c> (1 indicative before approval, 2 committed after),
/// <c>TransactionType</c> (1 incoming funds for contributions and grants, 4 expenditure for paid expenses),
/// <c>ResultType</c> (1 output, 2 outcome, 3 impact) and <c>IndicatorMeasure</c> (1 unit, 2 percentage).</para>
/// <para>Elements come in the order the 2.03 schema's sequences require; every amount states its currency and value date,
/// and no currency is converted. The tests validate the output against the official 2.03 activity schema.</para>
/// </remarks>
public static class IatiActivityFile
{
    /// <summary>The version of the IATI standard written.</summary>
    public const string Version = "2.03";

    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    /// <summary>The activity's IATI identifier: the publisher's organisation identifier, a hyphen, and the initiative's id.</summary>
    /// <param name="publisher">The publisher.</param>
    /// <param name="initiative">The initiative.</param>
    /// <returns>The identifier, such as <c>KE-NCB-123456-0f8fad5b-d9cb-469f-a165-70867728950e</c>.</returns>
    public static string ActivityIdentifier(IatiPublisher publisher, Initiative initiative)
    {
        Preconditions.CheckNotNull(publisher, nameof(publisher));
        Preconditions.CheckNotNull(initiative, nameof(initiative));
        return publisher.OrganisationIdentifier.Trim() + "-" + initiative.Id.ToString();
    }

    /// <summary>Writes the initiative as an IATI 2.03 activity file.</summary>
    /// <param name="initiative">The initiative.</param>
    /// <param name="publisher">The organisation that publishes the file.</param>
    /// <param name="funds">The coalition's pooled funds: their ledger entries for this initiative become its transactions.</param>
    /// <param name="indicators">The coalition's indicators: those that measure this initiative become its results.</param>
    /// <param name="generatedAt">When the file is generated.</param>
    /// <param name="organisationTypes">The IATI organisation type of each partner, where known.</param>
    /// <returns>The document: an <c>iati-activities</c> element holding one <c>iati-activity</c>.</returns>
    /// <exception cref="CoalitionRuleException">An invalid publisher (<c>Initiatives.InvalidPublisher</c>), or an instant out of range (<c>Kernel.OutOfRange</c>).</exception>
    /// <example>
    /// <code>
    /// var file = IatiActivityFile.Write(camps, new IatiPublisher("KE-NCB-123456", "Learning for All", IatiOrganisationType.NationalNgo, RecipientCountry: "KE"),
    ///     [readingFund], [reading], now);
    /// file.Save("reading-camps.iati.xml");
    /// </code>
    /// </example>
    public static XDocument Write(
        Initiative initiative,
        IatiPublisher publisher,
        IEnumerable<PooledFund> funds,
        IEnumerable<IndicatorAggregate> indicators,
        Instant generatedAt,
        IReadOnlyDictionary<PartnerId, IatiOrganisationType>? organisationTypes = null)
    {
        Preconditions.CheckNotNull(initiative, nameof(initiative));
        PublisherValidator.Instance.EnsureValid(publisher);
        Ensure.At(generatedAt, nameof(generatedAt));
        var ledgers = Ensure.Items(funds, nameof(funds), Limits.MaxItems);
        var measures = Ensure.Items(indicators, nameof(indicators), Limits.MaxItems);
        var types = organisationTypes ?? new Dictionary<PartnerId, IatiOrganisationType>();
        var plan = initiative.Plan;

        var activity = new XElement(
            "iati-activity",
            new XAttribute(XNamespace.Xml + "lang", publisher.Language),
            new XElement("iati-identifier", ActivityIdentifier(publisher, initiative)),
            new XElement("reporting-org", new XAttribute("ref", publisher.OrganisationIdentifier.Trim()), new XAttribute("type", Code(publisher.Type)), Narrative(publisher.Name.Trim())),
            new XElement("title", Narrative(plan.Title)),
            new XElement("description", new XAttribute("type", "1"), Narrative(plan.Description)));

        foreach (var partner in plan.Partners)
        {
            foreach (var role in partner.Roles.Order())
            {
                var org = new XElement("participating-org");
                if (partner.OrganisationIdentifier is { } reference)
                {
                    org.Add(new XAttribute("ref", reference));
                }

                if (types.TryGetValue(partner.Partner, out var type) && Ensure.IsDefined(type))
                {
                    org.Add(new XAttribute("type", Code(type)));
                }

                org.Add(new XAttribute("role", Code(role)), Narrative(partner.Name));
                activity.Add(org);
            }
        }

        activity.Add(new XElement("activity-status", new XAttribute("code", StatusCode(initiative.Status))));
        activity.Add(ActivityDate(1, plan.PlannedStart));
        if (initiative.StartedOn is { } started)
        {
            activity.Add(ActivityDate(2, started));
        }

        activity.Add(ActivityDate(3, plan.PlannedEnd));
        if (initiative.EndedOn is { } ended)
        {
            activity.Add(ActivityDate(4, ended));
        }

        if (publisher.RecipientCountry is { } country)
        {
            activity.Add(new XElement("recipient-country", new XAttribute("code", country)));
        }

        var committed = initiative.Approval is not null;
        foreach (var line in plan.Budget)
        {
            activity.Add(new XElement(
                "budget",
                new XAttribute("type", "1"),
                new XAttribute("status", committed ? "2" : "1"),
                new XElement("period-start", new XAttribute("iso-date", Date(line.From))),
                new XElement("period-end", new XAttribute("iso-date", Date(line.To))),
                Value(line.Amount, line.From)));
        }

        var entries = ledgers.SelectMany(fund => fund.Ledger.Where(e => e.Initiative == initiative.Id).Select(entry => (Fund: fund, Entry: entry)))
            .OrderBy(x => x.Entry.On).ThenBy(x => x.Fund.Name, StringComparer.Ordinal).ThenBy(x => x.Entry.Number);
        foreach (var (fund, entry) in entries)
        {
            activity.Add(Transaction(fund, entry, plan));
        }

        foreach (var indicator in measures.Where(i => i.Definition.Initiative == initiative.Id && i.Coalition == initiative.Coalition))
        {
            activity.Add(Result(indicator));
        }

        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                "iati-activities",
                new XAttribute("version", Version),
                new XAttribute("generated-datetime", InstantPattern.General.Format(generatedAt)),
                activity));
    }

    // A grant's entry keeps its reference (or its funder's name); the file says it in words.
    private static string TransactionText(LedgerEntry entry) => entry.Kind != LedgerEntryKind.Grant ? entry.Description
        : entry.Description == entry.Counterparty ? "Grant from " + entry.Counterparty : "Grant from " + entry.Counterparty + " (" + entry.Description + ")";

    private static XElement Transaction(PooledFund fund, LedgerEntry entry, InitiativePlan plan)
    {
        var transaction = new XElement(
            "transaction",
            new XAttribute("ref", fund.Id + "-" + entry.Number.ToString(CultureInfo.InvariantCulture)),
            new XElement("transaction-type", new XAttribute("code", entry.IsIncome ? "1" : "4")),
            new XElement("transaction-date", new XAttribute("iso-date", Date(entry.On))),
            Value(entry.Amount, entry.On),
            new XElement("description", Narrative(TransactionText(entry))));
        var name = entry.Member is { } member ? plan.Partners.FirstOrDefault(p => p.Partner == member)?.Name ?? entry.Counterparty : entry.Counterparty;
        var reference = entry.Member is { } partner ? plan.Partners.FirstOrDefault(p => p.Partner == partner)?.OrganisationIdentifier : null;
        if (name is not null || reference is not null)
        {
            var org = new XElement(entry.IsIncome ? "provider-org" : "receiver-org");
            if (reference is not null)
            {
                org.Add(new XAttribute("ref", reference));
            }

            if (name is not null)
            {
                org.Add(Narrative(name));
            }

            transaction.Add(org);
        }

        return transaction;
    }

    private static XElement Result(IndicatorAggregate indicator)
    {
        var d = indicator.Definition;
        var element = new XElement(
            "indicator",
            new XAttribute("measure", d.IsPercentage ? "2" : "1"),
            new XAttribute("ascending", d.Direction == GoalDirection.Decrease ? "false" : "true"),
            new XElement("title", Narrative(d.Title)),
            new XElement("description", Narrative(Words.Fill("Measured in {unit}; members report it per period with its source.", new Dictionary<string, object?> { ["unit"] = d.Unit }))),
            new XElement(
                "baseline",
                new XAttribute("iso-date", Date(d.BaselineDate)),
                new XAttribute("year", d.BaselineDate.Year.ToString(CultureInfo.InvariantCulture)),
                new XAttribute("value", Number(d.Baseline))));
        var periods = indicator.Measurements.GroupBy(m => (m.Report.PeriodStart, m.Report.PeriodEnd)).OrderBy(g => g.Key.PeriodEnd).ThenBy(g => g.Key.PeriodStart);
        foreach (var period in periods)
        {
            var values = period.Select(m => m.Value).ToArray();
            var actual = d.Aggregation == MeasurementAggregation.Cumulative ? values.Sum() : decimal.Round(values.Sum() / values.Length, 4, MidpointRounding.AwayFromZero);
            element.Add(new XElement(
                "period",
                new XElement("period-start", new XAttribute("iso-date", Date(period.Key.PeriodStart))),
                new XElement("period-end", new XAttribute("iso-date", Date(period.Key.PeriodEnd))),
                new XElement("actual", new XAttribute("value", Number(actual)))));
        }

        element.Add(new XElement(
            "period",
            new XElement("period-start", new XAttribute("iso-date", Date(d.BaselineDate))),
            new XElement("period-end", new XAttribute("iso-date", Date(d.Deadline))),
            new XElement("target", new XAttribute("value", Number(d.Target)))));
        return new XElement(
            "result",
            new XAttribute("type", Code(d.Level)),
            new XElement("title", Narrative(d.Title)),
            element);
    }

    private static XElement ActivityDate(int type, LocalDate date) =>
        new("activity-date", new XAttribute("type", type.ToString(CultureInfo.InvariantCulture)), new XAttribute("iso-date", Date(date)));

    private static XElement Value(Money amount, LocalDate valueDate) =>
        new("value", new XAttribute("currency", amount.Currency), new XAttribute("value-date", Date(valueDate)), amount.Amount.ToString(CultureInfo.InvariantCulture));

    private static XElement Narrative(string text) => new("narrative", text);

    private static string Date(LocalDate date) => IsoDate.Format(date);

    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Code<TEnum>(TEnum value)
        where TEnum : struct, Enum => Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    private static string StatusCode(InitiativeStatus status) => status switch
    {
        InitiativeStatus.Proposed or InitiativeStatus.Approved => "1",
        InitiativeStatus.Active => "2",
        InitiativeStatus.Completed => "4",
        InitiativeStatus.Cancelled => "5",
        _ => "6",
    };

    private sealed class PublisherValidator : AbstractValidator<IatiPublisher>
    {
        public static readonly PublisherValidator Instance = new();

        private PublisherValidator()
        {
            var code = ErrorCodes.Initiatives.InvalidPublisher;
            RuleFor(p => p.OrganisationIdentifier).IsName(Limits.KeyLength).WithErrorCode(code.Code);
            RuleFor(p => p.Name).IsName().WithErrorCode(code.Code);
            RuleFor(p => p.Type).IsDefined().WithErrorCode(code.Code);
            RuleFor(p => p.Language).IsLanguage(code);
            RuleFor(p => p.RecipientCountry).IsCountry(code).When(p => p.RecipientCountry is not null);
        }
    }
}
