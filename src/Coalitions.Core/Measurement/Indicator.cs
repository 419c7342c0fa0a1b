using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Resources;
using NodaTime;
using Stateless;
using Stateless.Graph;
using CoalitionAggregate = Coalitions.Core.Coalitions.Coalition;
using InitiativeAggregate = Coalitions.Core.Initiatives.Initiative;

namespace Coalitions.Core.Measurement;

/// <summary>Where an indicator is in its life.</summary>
public enum IndicatorStatus
{
    /// <summary>In use: members report measurements.</summary>
    Active = 1,

    /// <summary>Retired: no more measurements; its history stays readable.</summary>
    Retired = 2,
}

/// <summary>An indicator was defined.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Definition">Its definition.</param>
/// <param name="TimeZone">The coalition's time zone (a tz id), in which its days are counted.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record IndicatorDefined(IndicatorId Indicator, IndicatorDefinition Definition, string TimeZone, Instant At, Actor By) : IDomainEvent;

/// <summary>A member reported a measurement.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Number">The measurement's number.</param>
/// <param name="Report">What was reported.</param>
/// <param name="On">The day it was reported.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MeasurementReported(IndicatorId Indicator, int Number, MeasurementReport Report, LocalDate On, Instant At, Actor By) : IDomainEvent;

/// <summary>A measurement was corrected; what it held before stays on record.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Number">The measurement's number.</param>
/// <param name="Correction">The correction.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MeasurementCorrected(IndicatorId Indicator, int Number, MeasurementCorrection Correction, Instant At, Actor By) : IDomainEvent;

/// <summary>The indicator was retired.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="On">The day.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record IndicatorRetired(IndicatorId Indicator, LocalDate On, string Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>
/// An indicator of shared measurement: what the coalition measures, in which unit and direction, from which baseline to
/// which target by which deadline, for a goal of its charter or a joint initiative; and the measurements members report
/// for periods, each with its source, corrected without losing what was reported before.
/// </summary>
/// <remarks>
/// <para>Lifecycle: Active, then Retired. <see cref="ProgressOn"/> computes the actual value, the share of the way from
/// baseline to target and the status (on track, at risk, off track, achieved) from the dates and the measurements; nothing
/// of it is recorded.</para>
/// <para>Who may act: a coordinator defines and retires indicators, and a delegate of an initiative's lead partner defines
/// that initiative's; a delegate of an active member, acting for it, reports the member's measurements; that member's
/// delegate or a coordinator corrects them.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class Indicator : AggregateRoot<IndicatorId>
{
    /// <summary>The most measurements one indicator records.</summary>
    public const int MaxMeasurements = 10_000;

    /// <summary>The most corrections one measurement records.</summary>
    public const int MaxCorrections = 100;

    private static readonly Permissions<Indicator, Acting> Who = new(nameof(Indicator));
    private static readonly Role<Indicator, Acting> ACoordinator = Who.Role(
        "a coordinator of the coalition",
        static (_, by, acting) => ResourceRules.IsCoordinator(acting.Coalition, by));
    private static readonly Role<Indicator, Acting> InitiativeLead = Who.Role(
        "a delegate of the lead partner of the initiative it measures, acting for it",
        static (_, by, acting) => acting.Initiative is { } initiative && acting.Coalition is { } coalition && initiative.Id == acting.Definition?.Initiative && coalition.IsDelegate(initiative.Plan.Lead, by));
    private static readonly Role<Indicator, Acting> MemberDelegate = Who.Role(
        "a delegate of the member concerned, acting for it",
        static (_, by, acting) => acting.Member is { } member && acting.Coalition is { } coalition && coalition.IsDelegate(member, by));

    private static readonly Command<Indicator, Acting> DefineCommand = Who.Command(nameof(Define), ErrorCodes.Measurement.NotTheSteward, ACoordinator, InitiativeLead);
    private static readonly Command<Indicator, Acting> ReportCommand = Who.Command(nameof(Report), ErrorCodes.Measurement.NotTheReporter, MemberDelegate);
    private static readonly Command<Indicator, Acting> CorrectCommand = Who.Command(nameof(Correct), ErrorCodes.Measurement.NotTheReporter, MemberDelegate, ACoordinator);
    private static readonly Command<Indicator, Acting> RetireCommand = Who.Command(nameof(Retire), ErrorCodes.Measurement.NotTheSteward, ACoordinator);

    private readonly List<Measurement> _measurements = [];
    private readonly HashSet<(PartnerId Member, LocalDate Start, LocalDate End)> _periods = [];
    private StateMachine<IndicatorStatus, Step>? _machine;
    private IndicatorStatus _status = IndicatorStatus.Active;

    private Indicator()
    {
    }

    private enum Step
    {
        Report,
        Correct,
        Retire,
    }

    /// <summary>Gets the definition.</summary>
    public IndicatorDefinition Definition { get; private set; } = null!;

    /// <summary>Gets the coalition.</summary>
    public CoalitionId Coalition => Definition.Coalition;

    /// <summary>Gets the title.</summary>
    public string Title => Definition.Title;

    /// <summary>Gets whether it is active or retired.</summary>
    public IndicatorStatus Status => _status;

    /// <summary>Gets the coalition's time zone.</summary>
    public DateTimeZone TimeZone { get; private set; } = DateTimeZone.Utc;

    /// <summary>Gets every measurement, in the order reported, each with its corrections.</summary>
    public IReadOnlyList<Measurement> Measurements => _measurements.AsReadOnly();

    private StateMachine<IndicatorStatus, Step> Machine => _machine ??= BuildMachine();

    /// <summary>Defines an indicator for a goal of the charter, a joint initiative, or both.</summary>
    /// <param name="id">The indicator's id.</param>
    /// <param name="definition">What it measures, its unit, direction, baseline, target, deadline, aggregation, what it serves and its weight.</param>
    /// <param name="coalition">The coalition: its charter names the goal by its key.</param>
    /// <param name="initiative">The initiative it measures, as loaded, where it measures one: of this coalition and not ended.</param>
    /// <param name="by">A coordinator of the coalition, or a delegate of the initiative's lead partner, acting for it.</param>
    /// <param name="at">When it is defined, in the years 1900 to 2999.</param>
    /// <returns>The indicator.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Neither a coordinator nor the initiative's lead (<c>Measurement.NotTheSteward</c>); another coalition (<c>Coalitions.OtherCoalition</c>);
    /// an invalid definition or a missing or other initiative (<c>Measurement.InvalidIndicator</c>, <c>Kernel.InvalidText</c>, <c>Kernel.OutOfRange</c>);
    /// a goal the charter does not name (<c>Measurement.UnknownGoal</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// var reading = Indicator.Define(IndicatorId.New(),
    ///     new IndicatorDefinition(coalition.Id, "Ten-year-olds reading at grade level", "%", GoalDirection.Increase,
    ///         58m, new LocalDate(2026, 1, 31), 80m, new LocalDate(2030, 12, 31), MeasurementAggregation.Latest,
    ///         Goal: new GoalKey("reading-by-ten"), Initiative: camps.Id),
    ///     coalition, camps, secretariat, now);
    /// </code>
    /// </example>
    public static Indicator Define(IndicatorId id, IndicatorDefinition definition, CoalitionAggregate coalition, InitiativeAggregate? initiative, Actor by, Instant at)
    {
        var indicator = new Indicator();
        DefineCommand.Authorize(indicator, by, at, new Acting(coalition, Initiative: initiative, Definition: definition), "a new indicator");
        Ensure.Id(id, nameof(id));
        IndicatorDefinitionValidator.Instance.EnsureValid(definition);
        ResourceRules.EnsureCoalition(coalition, definition.Coalition);
        if (definition.Goal is { } goal && coalition.Charter?.Goals.Any(g => g.Key == goal) != true)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Measurement.UnknownGoal, "The charter of {coalition} names no goal '{goal}'.", ("coalition", coalition.Name), ("goal", goal.Value));
        }

        if (definition.Initiative is { } measured)
        {
            if (initiative is null || initiative.Id != measured || initiative.Coalition != coalition.Id)
            {
                throw CoalitionRuleException.Because(ErrorCodes.Measurement.InvalidIndicator, "The indicator measures an initiative of {coalition}; pass that initiative as loaded.", ("coalition", coalition.Name));
            }

            if (initiative.Status is Initiatives.InitiativeStatus.Completed or Initiatives.InitiativeStatus.Cancelled)
            {
                throw CoalitionRuleException.Because(ErrorCodes.Measurement.InvalidIndicator, "'{title}' is {status}; it takes no new indicators.", ("title", initiative.Title), ("status", initiative.Status));
            }
        }

        var kept = definition with { Title = definition.Title.Trim(), Unit = definition.Unit.Trim() };
        indicator.Raise(new IndicatorDefined(id, kept, coalition.TimeZone.Id, at, by));
        return indicator;
    }

    /// <summary>Rebuilds an indicator from its events, checking that they form its history.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The indicator.</returns>
    /// <exception cref="StoredEventException">The events are not the history of one indicator (<c>Kernel.CorruptHistory</c>).</exception>
    public static Indicator Rehydrate(IEnumerable<IDomainEvent> history) => Rebuild(new Indicator(), history);

    /// <summary>The indicator's lifecycle as a Mermaid state diagram, drawn from its state machine.</summary>
    /// <returns>The diagram's Mermaid text.</returns>
    public static string LifecycleDiagram() => MermaidGraph.Format(new Indicator().Machine.GetInfo());

    /// <summary>Reports a member's measurement for a period that has ended.</summary>
    /// <param name="report">The member, the period, the value, its source and a note.</param>
    /// <param name="coalition">The indicator's coalition: the member is active in it today.</param>
    /// <param name="by">A delegate of the reporting member, acting for it.</param>
    /// <param name="at">When it is reported, in the years 1900 to 2999.</param>
    /// <returns>The measurement, numbered.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not the member's delegate (<c>Measurement.NotTheReporter</c>); retired (<c>Measurement.IndicatorRetired</c>); an invalid report or a
    /// period not yet ended (<c>Measurement.InvalidMeasurement</c>, <c>Kernel.InvalidText</c>, <c>Kernel.OutOfRange</c>); the member already reported the
    /// period (<c>Measurement.AlreadyReported</c>); the member is not active (<c>Resources.NotAnActiveMember</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// reading.Report(new MeasurementReport(university, new LocalDate(2026, 1, 1), new LocalDate(2026, 6, 30), 64m, "County reading assessment"),
    ///     coalition, Actor.Representing(delegatePerson, university), now);
    /// </code>
    /// </example>
    public Measurement Report(MeasurementReport report, CoalitionAggregate coalition, Actor by, Instant at)
    {
        ReportCommand.Authorize(this, by, at, new Acting(coalition, Member: report?.Member), Title);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        MeasurementReportValidator.Instance.EnsureValid(report);
        EnsureStep(Step.Report);
        var today = DateOf(at);
        ResourceRules.EnsureActiveMember(coalition, report.Member, today);
        if (report.PeriodEnd > today)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Measurement.InvalidMeasurement, "A period is reported once it has ended: {end} is after today, {today}.", ("end", report.PeriodEnd), ("today", today));
        }

        if (_periods.Contains((report.Member, report.PeriodStart, report.PeriodEnd)))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Measurement.AlreadyReported, "{member} already reported '{title}' for {start} to {end}; correct that measurement instead.", ("member", coalition.NameOf(report.Member)), ("title", Title), ("start", report.PeriodStart), ("end", report.PeriodEnd));
        }

        if (_measurements.Count >= MaxMeasurements)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "'{title}' holds {max} measurements, the most one indicator holds.", ("title", Title), ("max", MaxMeasurements));
        }

        var kept = report with { Source = report.Source.Trim(), Note = FreeText.Kept(report.Note) };
        Raise(new MeasurementReported(Id, _measurements.Count + 1, kept, today, at, by));
        return _measurements[^1];
    }

    /// <summary>Corrects a measurement: the new value and source, and why; what it held before stays on record.</summary>
    /// <param name="measurement">The measurement's number.</param>
    /// <param name="value">The corrected value.</param>
    /// <param name="source">The source of the corrected value: one line of at most 200 characters.</param>
    /// <param name="reason">Why it is corrected: at most 2,000 characters.</param>
    /// <param name="coalition">The indicator's coalition.</param>
    /// <param name="by">A delegate of the member that reported it, acting for it, or a coordinator.</param>
    /// <param name="at">When it is corrected, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">
    /// Neither the reporter's delegate nor a coordinator (<c>Measurement.NotTheReporter</c>); retired (<c>Measurement.IndicatorRetired</c>);
    /// no such measurement (<c>Measurement.UnknownMeasurement</c>); an invalid value, source or reason (<c>Measurement.InvalidMeasurement</c>, <c>Kernel.InvalidText</c>).
    /// </exception>
    public void Correct(int measurement, decimal value, string source, string reason, CoalitionAggregate coalition, Actor by, Instant at)
    {
        var found = measurement >= 1 && measurement <= _measurements.Count ? _measurements[measurement - 1] : null;
        CorrectCommand.Authorize(this, by, at, new Acting(coalition, Member: found?.Report.Member), Title);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        EnsureStep(Step.Correct);
        if (found is null)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Measurement.UnknownMeasurement, "'{title}' has no measurement {number}.", ("title", Title), ("number", measurement));
        }

        if (IndicatorRules.ValueProblem(value) is not null)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Measurement.InvalidMeasurement, "A value is at most 10^15 in size, with at most four decimal places.");
        }

        FreeText.Check(source, nameof(source), required: true, Limits.NameLength);
        if (!FreeText.IsSingleLine(source))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.InvalidText, "A source is one line.");
        }

        FreeText.Check(reason, nameof(reason), required: true);
        if (found.Corrections.Count >= MaxCorrections)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "Measurement {number} of '{title}' has {max} corrections, the most one measurement keeps.", ("number", measurement), ("title", Title), ("max", MaxCorrections));
        }

        Raise(new MeasurementCorrected(Id, measurement, new MeasurementCorrection(value, source.Trim(), reason.Trim(), DateOf(at)), at, by));
    }

    /// <summary>Retires the indicator: it takes no more measurements.</summary>
    /// <param name="reason">Why: at most 2,000 characters.</param>
    /// <param name="coalition">The indicator's coalition.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When the indicator is retired, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator (<c>Measurement.NotTheSteward</c>); already retired (<c>Measurement.IndicatorRetired</c>); no reason (<c>Kernel.InvalidText</c>).</exception>
    public void Retire(string reason, CoalitionAggregate coalition, Actor by, Instant at)
    {
        RetireCommand.Authorize(this, by, at, new Acting(coalition), Title);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        EnsureStep(Step.Retire);
        FreeText.Check(reason, nameof(reason), required: true);
        Raise(new IndicatorRetired(Id, DateOf(at), reason.Trim(), at, by));
    }

    /// <summary>
    /// The indicator's progress on a day, from the measurements of periods ended by then: its actual value, the share of
    /// the way from baseline to target, and its status against the straight line from the baseline's day to the deadline.
    /// </summary>
    /// <param name="on">The day.</param>
    /// <returns>The progress.</returns>
    public IndicatorProgress ProgressOn(LocalDate on) => Progress.Of(this, on);

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is IndicatorDefined;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => domainEvent switch
    {
        IndicatorDefined e => IndicatorDefinitionValidator.Instance.Validate(e.Definition).IsValid && DateTimeZoneProviders.Tzdb.GetZoneOrNull(e.TimeZone) is not null
            ? null : "the definition is ill-formed or its time zone unknown.",
        _ when _status == IndicatorStatus.Retired => "the indicator is retired.",
        MeasurementReported e => e.Number != _measurements.Count + 1 ? "the measurement is not numbered next."
            : !MeasurementReportValidator.Instance.Validate(e.Report).IsValid ? "the measurement is ill-formed."
            : _periods.Contains((e.Report.Member, e.Report.PeriodStart, e.Report.PeriodEnd)) ? "the member already reported the period." : null,
        MeasurementCorrected e => e.Number < 1 || e.Number > _measurements.Count ? "there is no such measurement."
            : IndicatorRules.ValueProblem(e.Correction.Value) is not null ? "the corrected value is out of bounds."
            : _measurements[e.Number - 1].Corrections.Count >= MaxCorrections ? "the measurement has too many corrections." : null,
        _ => null,
    };

    /// <inheritdoc />
    protected override void Apply(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case IndicatorDefined e:
                Id = e.Indicator;
                Definition = e.Definition;
                TimeZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(e.TimeZone) ?? DateTimeZone.Utc;
                break;
            case MeasurementReported e:
                _measurements.Add(new Measurement(e.Number, e.Report, e.On, []));
                _periods.Add((e.Report.Member, e.Report.PeriodStart, e.Report.PeriodEnd));
                break;
            case MeasurementCorrected e:
                var measurement = _measurements[e.Number - 1];
                _measurements[e.Number - 1] = measurement with { Corrections = [.. measurement.Corrections, e.Correction] };
                break;
            case IndicatorRetired:
                _status = IndicatorStatus.Retired;
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }

    private LocalDate DateOf(Instant at) => Ensure.Date(Ensure.At(at).InZone(TimeZone).Date, "today");

    private void EnsureStep(Step step)
    {
        if (!Machine.CanFire(step))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Measurement.IndicatorRetired, "'{title}' is retired; it cannot {step}.", ("title", Title), ("step", step switch { Step.Report => "take a measurement", Step.Correct => "take a correction", _ => "be retired again" }));
        }
    }

    private StateMachine<IndicatorStatus, Step> BuildMachine()
    {
        var machine = new StateMachine<IndicatorStatus, Step>(() => _status, s => _status = s);
        machine.Configure(IndicatorStatus.Active)
            .PermitReentry(Step.Report)
            .PermitReentry(Step.Correct)
            .Permit(Step.Retire, IndicatorStatus.Retired);
        machine.Configure(IndicatorStatus.Retired);
        return machine;
    }

    // What a command tells its authorization check: the coalition, the member concerned, the initiative and the definition.
    private readonly record struct Acting(CoalitionAggregate? Coalition, PartnerId? Member = null, InitiativeAggregate? Initiative = null, IndicatorDefinition? Definition = null);
}
