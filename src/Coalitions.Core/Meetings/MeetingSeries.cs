using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using FluentValidation;
using NodaTime;
using Stateless;
using Stateless.Graph;
using CoalitionAggregate = Coalitions.Core.Coalitions.Coalition;
using GovernanceAggregate = Coalitions.Core.Governance.CoalitionGovernance;

namespace Coalitions.Core.Meetings;

/// <summary>Where a series of meetings is in its life.</summary>
public enum SeriesStatus
{
    /// <summary>Its meetings are scheduled one after another.</summary>
    Active = 1,

    /// <summary>Paused (a summer break); it schedules nothing until resumed.</summary>
    Paused = 2,

    /// <summary>Ended; it schedules nothing more.</summary>
    Ended = 3,
}

/// <summary>What a series of a body's meetings is to be.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Body">The key of the body whose cadence the series follows.</param>
/// <param name="Title">Its title: one line of at most 200 characters.</param>
/// <param name="Format">In person, online or hybrid.</param>
/// <param name="Participants">Who is invited: 1 to 50 delegates of members, each person once.</param>
/// <param name="Facilitators">Who facilitates it besides the person beginning it: at most ten.</param>
/// <param name="FirstDate">The date of its first meeting, in the coalition's time zone; for a monthly or yearly cadence the 1st to the 28th.</param>
/// <param name="UsualStart">The usual start, on the coalition's clock: the time the calendar's recurrence shows.</param>
/// <param name="Length">How long each meeting lasts: 15 minutes to 12 hours.</param>
/// <param name="Location">Where it is held: required in person and hybrid.</param>
/// <param name="OnlineLink">The link to join online (https), if any.</param>
/// <param name="Until">The last date it may meet, if it ends.</param>
/// <param name="SearchDays">How many days from each occurrence's date a meeting may be placed on: 1 to 28, and no more than the cadence.</param>
public sealed record SeriesPlan(
    CoalitionId Coalition,
    BodyKey Body,
    string Title,
    MeetingFormat Format,
    IReadOnlyList<MeetingParticipant> Participants,
    IReadOnlyList<PersonId> Facilitators,
    LocalDate FirstDate,
    LocalTime UsualStart,
    Duration Length,
    string? Location = null,
    string? OnlineLink = null,
    LocalDate? Until = null,
    int SearchDays = 1);

/// <summary>A meeting of a series: which occurrence it is, its date, the meeting and its slot.</summary>
/// <param name="Number">The occurrence's number, from 0 for the first date.</param>
/// <param name="Date">The occurrence's date by the cadence.</param>
/// <param name="Meeting">The meeting.</param>
/// <param name="Start">When it starts.</param>
/// <param name="Length">How long it lasts.</param>
public sealed record SeriesOccurrence(int Number, LocalDate Date, MeetingId Meeting, Instant Start, Duration Length);

/// <summary>The next occurrence of a series and the slots proposed for it.</summary>
/// <param name="Number">The occurrence's number.</param>
/// <param name="Date">Its date by the cadence.</param>
/// <param name="Slots">The slots, best first, with what each participant would have borne across the series.</param>
public sealed record SeriesProposal(int Number, LocalDate Date, IReadOnlyList<SlotProposal> Slots);

/// <summary>The series began.</summary>
/// <param name="Series">The series.</param>
/// <param name="Coalition">The coalition.</param>
/// <param name="TimeZone">The coalition's time zone: the series' clock.</param>
/// <param name="Body">The body.</param>
/// <param name="Cadence">The body's cadence.</param>
/// <param name="Title">Its title.</param>
/// <param name="Format">Its format.</param>
/// <param name="Participants">Who is invited.</param>
/// <param name="Facilitators">Who facilitates it, the one who began it first.</param>
/// <param name="FirstDate">The first date.</param>
/// <param name="UsualStart">The usual start.</param>
/// <param name="Length">Each meeting's length.</param>
/// <param name="Location">Where, if in person or hybrid.</param>
/// <param name="OnlineLink">The online link, if any.</param>
/// <param name="Until">The last date, if it ends.</param>
/// <param name="SearchDays">The days each occurrence's window covers.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MeetingSeriesBegun(
    MeetingSeriesId Series,
    CoalitionId Coalition,
    string TimeZone,
    BodyKey Body,
    Period Cadence,
    string Title,
    MeetingFormat Format,
    IReadOnlyList<MeetingParticipant> Participants,
    IReadOnlyList<PersonId> Facilitators,
    LocalDate FirstDate,
    LocalTime UsualStart,
    Duration Length,
    string? Location,
    string? OnlineLink,
    LocalDate? Until,
    int SearchDays,
    Instant At,
    Actor By) : IDomainEvent;

/// <summary>Who a series invites changed (members joined or left the body).</summary>
/// <param name="Series">The series.</param>
/// <param name="Participants">Who is invited now.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record SeriesParticipantsChanged(MeetingSeriesId Series, IReadOnlyList<MeetingParticipant> Participants, Instant At, Actor By) : IDomainEvent;

/// <summary>A meeting of the series was scheduled, with the time each participant meets outside their working hours.</summary>
/// <param name="Series">The series.</param>
/// <param name="Occurrence">The occurrence's number.</param>
/// <param name="Meeting">The meeting.</param>
/// <param name="Start">When it starts.</param>
/// <param name="Length">How long it lasts.</param>
/// <param name="OutsideHours">What each participant meets outside their working hours at this meeting.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record SeriesMeetingScheduled(MeetingSeriesId Series, int Occurrence, MeetingId Meeting, Instant Start, Duration Length, IReadOnlyList<Inconvenience> OutsideHours, Instant At, Actor By) : IDomainEvent;

/// <summary>The series paused.</summary>
/// <param name="Series">The series.</param>
/// <param name="Reason">Why, if given.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MeetingSeriesPaused(MeetingSeriesId Series, string? Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>The series resumed.</summary>
/// <param name="Series">The series.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MeetingSeriesResumed(MeetingSeriesId Series, Instant At, Actor By) : IDomainEvent;

/// <summary>The series ended.</summary>
/// <param name="Series">The series.</param>
/// <param name="Reason">Why, if given.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MeetingSeriesEnded(MeetingSeriesId Series, string? Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>
/// A series of a body's meetings, following the body's cadence: the next meeting is placed from it, in a slot that
/// suits the participants' time zones, and the inconvenience of meeting outside working hours rotates across the series
/// so that the same members are not always the ones meeting at night.
/// </summary>
/// <remarks>
/// <para>Occurrence n falls on the first date plus n times the cadence (counted from the first date, so a series on the
/// 15th stays on the 15th). Each meeting is convened as a <see cref="Meeting"/> of the series (<see cref="PlanFor"/>);
/// the series records when it was placed and the time each participant met outside their working hours there.</para>
/// <para>Lifecycle: Active ⇄ Paused → Ended. See <c>docs/diagrams/meeting-series-lifecycle.md</c>. A series is begun by the
/// body's convenor or a coordinator of the coalition; its facilitators take its other steps.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class MeetingSeries : AggregateRoot<MeetingSeriesId>
{
    private const int MaxOccurrences = 10_000;

    private static readonly Permissions<MeetingSeries, Acting> Who = new(nameof(MeetingSeries));
    private static readonly Role<MeetingSeries, Acting> BodyConvenor = Who.Role(
        "the convenor of the body " + Convening.ConvenorRole,
        static (_, by, acting) => Convening.IsConvenor(acting.Coalition, acting.Governance, acting.Plan?.Body, by));
    private static readonly Role<MeetingSeries, Acting> Coordinator = Who.Role(
        "a coordinator of the coalition",
        static (_, by, acting) => Convening.IsCoordinator(acting.Coalition, by));
    private static readonly Role<MeetingSeries, Acting> Facilitator = Who.Role(
        "a facilitator of the series (the person who began it or one it names)",
        static (series, by, _) => by.Kind == ActorKind.Person && by.Person is { } person && series._facilitators.Contains(person));

    private static readonly Command<MeetingSeries, Acting> BeginCommand = Who.Command(nameof(Begin), ErrorCodes.Meetings.NotAConvenor, BodyConvenor, Coordinator);
    private static readonly Command<MeetingSeries, Acting> ChangeParticipantsCommand = Who.Command(nameof(ChangeParticipants), ErrorCodes.Meetings.NotAFacilitator, Facilitator);
    private static readonly Command<MeetingSeries, Acting> ScheduleNextCommand = Who.Command(nameof(ScheduleNext), ErrorCodes.Meetings.NotAFacilitator, Facilitator);
    private static readonly Command<MeetingSeries, Acting> PauseCommand = Who.Command(nameof(Pause), ErrorCodes.Meetings.NotAFacilitator, Facilitator);
    private static readonly Command<MeetingSeries, Acting> ResumeCommand = Who.Command(nameof(Resume), ErrorCodes.Meetings.NotAFacilitator, Facilitator);
    private static readonly Command<MeetingSeries, Acting> EndCommand = Who.Command(nameof(End), ErrorCodes.Meetings.NotAFacilitator, Facilitator);

    private readonly List<MeetingParticipant> _participants = [];
    private readonly HashSet<PersonId> _facilitators = [];
    private readonly List<SeriesOccurrence> _scheduled = [];
    private readonly HashSet<MeetingId> _meetings = [];
    private readonly Dictionary<PersonId, Inconvenience> _borne = [];
    private StateMachine<SeriesStatus, Step>? _machine;
    private SeriesStatus _status = SeriesStatus.Active;

    private MeetingSeries()
    {
    }

    private enum Step
    {
        Schedule,
        ChangeParticipants,
        Pause,
        Resume,
        End,
    }

    /// <summary>Gets the coalition.</summary>
    public CoalitionId Coalition { get; private set; }

    /// <summary>Gets the coalition's time zone: the series' clock.</summary>
    public string TimeZone { get; private set; } = "UTC";

    /// <summary>Gets the key of the body.</summary>
    public BodyKey Body { get; private set; }

    /// <summary>Gets the body's cadence, which the series follows.</summary>
    public Period Cadence { get; private set; } = Period.Zero;

    /// <summary>Gets the title.</summary>
    public string Title { get; private set; } = string.Empty;

    /// <summary>Gets the format.</summary>
    public MeetingFormat Format { get; private set; }

    /// <summary>Gets where it meets, if in person or hybrid.</summary>
    public string? Location { get; private set; }

    /// <summary>Gets the link to join online, if any.</summary>
    public string? OnlineLink { get; private set; }

    /// <summary>Gets the date of the first occurrence.</summary>
    public LocalDate FirstDate { get; private set; }

    /// <summary>Gets the usual start on the series' clock.</summary>
    public LocalTime UsualStart { get; private set; }

    /// <summary>Gets each meeting's length.</summary>
    public Duration Length { get; private set; }

    /// <summary>Gets the last date it may meet, if it ends.</summary>
    public LocalDate? Until { get; private set; }

    /// <summary>Gets how many days from an occurrence's date its meeting may be placed on.</summary>
    public int SearchDays { get; private set; }

    /// <summary>Gets the status.</summary>
    public SeriesStatus Status => _status;

    /// <summary>Gets who is invited.</summary>
    public IReadOnlyList<MeetingParticipant> Participants => _participants;

    /// <summary>Gets who facilitates it.</summary>
    public IReadOnlyCollection<PersonId> Facilitators => _facilitators;

    /// <summary>Gets the meetings scheduled so far, in order.</summary>
    public IReadOnlyList<SeriesOccurrence> Scheduled => _scheduled;

    /// <summary>Gets what each participant has met outside their working hours across the series, for participants who ever did.</summary>
    public IReadOnlyCollection<Inconvenience> Borne => _borne.Values;

    private StateMachine<SeriesStatus, Step> Machine => _machine ??= BuildMachine();

    private DateTimeZone Zone => DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone) ?? DateTimeZone.Utc;

    /// <summary>Begins a series of a body's meetings, following the body's cadence.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="plan">The body, title, format, participants, first date, usual start, length and window.</param>
    /// <param name="coalition">The coalition, read for members, coordinators and its time zone.</param>
    /// <param name="governance">The coalition's governance, read for the body, its cadence and its convenor.</param>
    /// <param name="by">The body's convenor through one of its member's delegates, or a coordinator of the coalition.</param>
    /// <param name="at">When it begins.</param>
    /// <returns>The series, active.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not a convenor or coordinator (<c>Meetings.NotAConvenor</c>); another coalition (<c>Coalitions.OtherCoalition</c>); an unknown
    /// body (<c>Governance.UnknownBody</c>); a body without a regular cadence or a first date the cadence cannot keep
    /// (<c>Meetings.IrregularCadence</c>); an invalid plan (<c>Meetings.InvalidMeeting</c>, <c>Meetings.InvalidSearch</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// var series = MeetingSeries.Begin(MeetingSeriesId.New(),
    ///     new SeriesPlan(coalition.Id, "steering-committee", "Steering committee", MeetingFormat.Online, participants, [],
    ///         new LocalDate(2026, 4, 14), new LocalTime(15, 0), Duration.FromHours(1)),
    ///     coalition, governance, chairDelegate, now);
    /// </code>
    /// </example>
    public static MeetingSeries Begin(MeetingSeriesId id, SeriesPlan plan, CoalitionAggregate coalition, GovernanceAggregate governance, Actor by, Instant at)
    {
        var series = new MeetingSeries();
        Ensure.NotNull(coalition, nameof(coalition));
        Ensure.NotNull(governance, nameof(governance));
        BeginCommand.Authorize(series, by, at, new Acting(coalition, governance, plan), plan?.Title ?? "a new series");
        Ensure.Id(id, nameof(id));
        SeriesPlanValidator.Instance.EnsureValid(plan);
        if (plan.Coalition != coalition.Id || governance.Id != coalition.Id)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "The series '{title}' belongs to another coalition than {coalition}.", ("title", plan.Title), ("coalition", coalition.Name));
        }

        var body = governance.Bodies.FirstOrDefault(b => b.Key == plan.Body)
            ?? throw CoalitionRuleException.Because(ErrorCodes.Governance.UnknownBody, "{coalition} has no body with the key '{key}'.", ("coalition", coalition.Name), ("key", plan.Body));
        if (CadenceProblem(body.MeetingCadence, plan.FirstDate, plan.SearchDays) is { } problem)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.IrregularCadence, "{body} cannot hold a series from {first}: {problem}", ("body", body.Name), ("first", plan.FirstDate), ("problem", problem));
        }

        foreach (var participant in plan.Participants)
        {
            if (!coalition.TryGetMembership(participant.Member, out _))
            {
                throw CoalitionRuleException.Because(ErrorCodes.Membership.NotAMember, "{name} takes part for partner {partner}, which is not a member of {coalition}.", ("name", participant.Name), ("partner", participant.Member), ("coalition", coalition.Name));
            }
        }

        PersonId[] facilitators = [by.Person!.Value, .. plan.Facilitators.Where(f => f != by.Person)];
        series.Raise(new MeetingSeriesBegun(
            id, coalition.Id, coalition.TimeZone.Id, body.Key, body.MeetingCadence!, plan.Title.Trim(), plan.Format, Copy(plan.Participants), facilitators.Distinct().ToArray(),
            plan.FirstDate, plan.UsualStart, plan.Length, plan.Location?.Trim(), plan.OnlineLink, plan.Until, plan.SearchDays, at, by));
        return series;
    }

    /// <summary>Rebuilds a series from its events, checking that they form its history.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The series.</returns>
    /// <exception cref="StoredEventException">The events are not the history of one series (<c>Kernel.CorruptHistory</c>).</exception>
    public static MeetingSeries Rehydrate(IEnumerable<IDomainEvent> history) => Rebuild(new MeetingSeries(), history);

    /// <summary>The series lifecycle as a Mermaid state diagram, generated from the state machine.</summary>
    /// <returns>The diagram text.</returns>
    public static string LifecycleDiagram() => MermaidGraph.Format(new MeetingSeries().Machine.GetInfo());

    /// <summary>The date of an occurrence: the first date plus that many times the cadence.</summary>
    /// <param name="number">The occurrence's number, from 0.</param>
    /// <returns>Its date, or <see langword="null"/> after 2999 or beyond 10,000 occurrences.</returns>
    public LocalDate? OccurrenceDate(int number)
    {
        if (number < 0 || number > MaxOccurrences)
        {
            return null;
        }

        var date = Cadence.Years != 0 ? FirstDate.PlusYears(Cadence.Years * number)
            : Cadence.Months != 0 ? FirstDate.PlusMonths(Cadence.Months * number)
            : FirstDate.PlusDays(((Cadence.Weeks * 7) + Cadence.Days) * number);
        return date <= Limits.LatestDate ? date : null;
    }

    /// <summary>When an occurrence would start at the usual time on the series' clock (the recurrence a calendar shows).</summary>
    /// <param name="number">The occurrence's number, from 0.</param>
    /// <returns>The instant, or <see langword="null"/> when there is no such occurrence.</returns>
    public Instant? UsualStartOf(int number) => OccurrenceDate(number) is { } date ? Zone.AtLeniently(date + UsualStart).ToInstant() : null;

    /// <summary>The next occurrence to schedule: after the last one scheduled, with a window that has not passed by <paramref name="at"/>.</summary>
    /// <param name="at">Now.</param>
    /// <returns>Its number, or <see langword="null"/> when the series has no more (past its last date).</returns>
    public int? NextOccurrence(Instant at)
    {
        var today = Ensure.At(at).InZone(Zone).Date;
        var number = _scheduled.Count == 0 ? 0 : _scheduled[^1].Number + 1;
        while (OccurrenceDate(number) is { } date && (Until is null || date <= Until))
        {
            if (date.PlusDays(SearchDays - 1) >= today)
            {
                return number;
            }

            number++;
        }

        return null;
    }

    /// <summary>Proposes slots for the next occurrence, ranked so that the inconvenience rotates across the series.</summary>
    /// <param name="at">Now: the next occurrence whose window has not passed.</param>
    /// <param name="count">How many slots: 1 to 20.</param>
    /// <returns>The occurrence and its slots, best first.</returns>
    /// <exception cref="CoalitionRuleException">The series is not active or has no more occurrences (<c>Meetings.SeriesNotActive</c>).</exception>
    public SeriesProposal ProposeNext(Instant at, int count = 5)
    {
        if (_status != SeriesStatus.Active)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.SeriesNotActive, "'{title}' is {status}.", ("title", Title), ("status", _status));
        }

        if (NextOccurrence(at) is not { } number)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.SeriesNotActive, "'{title}' has no occurrence left.", ("title", Title));
        }

        var date = OccurrenceDate(number)!.Value;
        var slots = MeetingSlots.Propose(new SlotSearch(_participants, date, date.PlusDays(SearchDays - 1), TimeZone, Length, Count: count, Borne: [.. _participants.Select(BorneBy)]));
        return new SeriesProposal(number, date, slots.Where(s => s.Start > at).ToArray());
    }

    /// <summary>
    /// Schedules the next occurrence's meeting at a start within its window; the series records the time each participant
    /// meets outside their working hours there, which later proposals rotate. Convene the meeting with <see cref="PlanFor"/>.
    /// </summary>
    /// <param name="meeting">The meeting's id, new to the series.</param>
    /// <param name="start">When it starts: within the next occurrence's window, after <paramref name="at"/>.</param>
    /// <param name="by">A facilitator of the series.</param>
    /// <param name="at">When it is scheduled.</param>
    /// <returns>The occurrence.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not a facilitator; paused or ended (<c>Meetings.SeriesNotActive</c>); a start outside the window or not after
    /// <paramref name="at"/>, or a meeting id used already (<c>Meetings.OutsideOccurrence</c>).
    /// </exception>
    public SeriesOccurrence ScheduleNext(MeetingId meeting, Instant start, Actor by, Instant at)
    {
        ScheduleNextCommand.Authorize(this, by, at, default, Title);
        Ensure.Id(meeting, nameof(meeting));
        Ensure.At(start, nameof(start));
        EnsureStep(Step.Schedule);
        var number = NextOccurrence(at);
        var date = number is { } n ? OccurrenceDate(n) : null;
        var day = start.InZone(Zone).Date;
        if (number is null || date is null || start <= at || day < date || day > date.Value.PlusDays(SearchDays - 1) || _meetings.Contains(meeting) || (Until is { } until && day > until))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.OutsideOccurrence, "'{title}' cannot meet at {start}: its next meeting falls {window}, after now, under an id not used before.", ("title", Title), ("start", start), ("window", date is { } d ? $"from {Words.Format(d)} for {Words.Count(SearchDays, "day")}" : "nowhere (the series has no occurrence left)"));
        }

        var fit = MeetingSlots.Fit(_participants, start, Length, TimeZone);
        var outside = fit.Fits.Select(f => new Inconvenience(f.Person, f.OutsideHours, f.WithinHours ? 0 : 1)).ToArray();
        Raise(new SeriesMeetingScheduled(Id, number.Value, meeting, start, Length, outside, at, by));
        return _scheduled[^1];
    }

    /// <summary>The plan of an occurrence's meeting, to convene it as a <see cref="Meeting"/> of the series.</summary>
    /// <param name="occurrence">An occurrence of this series.</param>
    /// <returns>The plan: the series' title and date, body, format, place, participants and facilitators.</returns>
    public MeetingPlan PlanFor(SeriesOccurrence occurrence)
    {
        Ensure.NotNull(occurrence, nameof(occurrence));
        return new MeetingPlan(Coalition, $"{Title}, {Words.Format(occurrence.Date)}", Format, _participants.ToArray(), _facilitators.ToArray(), Body, Location, OnlineLink, Id);
    }

    /// <summary>Changes who the series invites (members joined or left the body); their burden so far stays on record.</summary>
    /// <param name="participants">Who is invited now: 1 to 50 delegates of members, each person once.</param>
    /// <param name="coalition">The coalition, read for membership.</param>
    /// <param name="by">A facilitator of the series.</param>
    /// <param name="at">When it changes.</param>
    /// <exception cref="CoalitionRuleException">Not a facilitator; ended (<c>Meetings.SeriesNotActive</c>); invalid participants (<c>Meetings.InvalidMeeting</c>, <c>Meetings.InvalidSearch</c>, <c>Membership.NotAMember</c>).</exception>
    public void ChangeParticipants(IReadOnlyList<MeetingParticipant> participants, CoalitionAggregate coalition, Actor by, Instant at)
    {
        ChangeParticipantsCommand.Authorize(this, by, at, default, Title);
        Ensure.NotNull(coalition, nameof(coalition));
        SlotSearchValidator.Instance.EnsureValid(new SlotSearch(participants, FirstDate, FirstDate, TimeZone, Length));
        EnsureStep(Step.ChangeParticipants);
        if (coalition.Id != Coalition)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "'{title}' is a series of another coalition than {coalition}.", ("title", Title), ("coalition", coalition.Name));
        }

        foreach (var participant in participants)
        {
            if (!coalition.TryGetMembership(participant.Member, out _))
            {
                throw CoalitionRuleException.Because(ErrorCodes.Membership.NotAMember, "{name} takes part for partner {partner}, which is not a member of {coalition}.", ("name", participant.Name), ("partner", participant.Member), ("coalition", coalition.Name));
            }
        }

        Raise(new SeriesParticipantsChanged(Id, Copy(participants), at, by));
    }

    /// <summary>Pauses the series (a break); it schedules nothing until resumed.</summary>
    /// <param name="reason">Why, if given: at most 2,000 characters.</param>
    /// <param name="by">A facilitator of the series.</param>
    /// <param name="at">When it pauses.</param>
    /// <exception cref="CoalitionRuleException">Not a facilitator, or not active (<c>Meetings.SeriesNotActive</c>).</exception>
    public void Pause(string? reason, Actor by, Instant at)
    {
        PauseCommand.Authorize(this, by, at, default, Title);
        FreeText.Check(reason, nameof(reason), required: false);
        EnsureStep(Step.Pause);
        Raise(new MeetingSeriesPaused(Id, reason?.Trim(), at, by));
    }

    /// <summary>Resumes a paused series.</summary>
    /// <param name="by">A facilitator of the series.</param>
    /// <param name="at">When it resumes.</param>
    /// <exception cref="CoalitionRuleException">Not a facilitator, or not paused (<c>Meetings.SeriesNotActive</c>).</exception>
    public void Resume(Actor by, Instant at)
    {
        ResumeCommand.Authorize(this, by, at, default, Title);
        EnsureStep(Step.Resume);
        Raise(new MeetingSeriesResumed(Id, at, by));
    }

    /// <summary>Ends the series.</summary>
    /// <param name="reason">Why, if given: at most 2,000 characters.</param>
    /// <param name="by">A facilitator of the series.</param>
    /// <param name="at">When it ends.</param>
    /// <exception cref="CoalitionRuleException">Not a facilitator, or already ended (<c>Meetings.SeriesNotActive</c>).</exception>
    public void End(string? reason, Actor by, Instant at)
    {
        EndCommand.Authorize(this, by, at, default, Title);
        FreeText.Check(reason, nameof(reason), required: false);
        EnsureStep(Step.End);
        Raise(new MeetingSeriesEnded(Id, reason?.Trim(), at, by));
    }

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is MeetingSeriesBegun;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => domainEvent switch
    {
        MeetingSeriesBegun e when !MeetingRules.IsZone(e.TimeZone) || Ensure.DatePeriodProblem(e.Cadence, false) is not null => "the time zone or the cadence is ill-formed.",
        MeetingSeriesBegun e when CadenceProblem(e.Cadence, e.FirstDate, e.SearchDays) is { } problem => problem,
        MeetingSeriesBegun e when !SeriesPlanValidator.Instance.Validate(new SeriesPlan(e.Coalition, e.Body, e.Title, e.Format, e.Participants, e.Facilitators.Skip(1).ToArray(), e.FirstDate, e.UsualStart, e.Length, e.Location, e.OnlineLink, e.Until, e.SearchDays)).IsValid => "the series' plan is ill-formed.",
        MeetingSeriesBegun e when e.Facilitators.Count == 0 => "the series has no facilitator.",
        SeriesParticipantsChanged when _status == SeriesStatus.Ended => "the series has ended.",
        SeriesParticipantsChanged e when !SlotSearchValidator.Instance.Validate(new SlotSearch(e.Participants, FirstDate, FirstDate, TimeZone, Length)).IsValid => "the participants are ill-formed.",
        SeriesMeetingScheduled when _status != SeriesStatus.Active => "the series is not active.",
        SeriesMeetingScheduled e when (_scheduled.Count > 0 && e.Occurrence <= _scheduled[^1].Number) || OccurrenceDate(e.Occurrence) is null || _meetings.Contains(e.Meeting) => "the occurrence does not follow the last one, or the meeting is scheduled already.",
        SeriesMeetingScheduled e when e.OutsideHours.Count > MeetingSlots.MaxParticipants || e.OutsideHours.Any(o => o.OutsideHours < Duration.Zero || o.OutsideHours > e.Length || o.Meetings is < 0 or > 1) => "the time outside working hours is out of bounds.",
        MeetingSeriesPaused when _status != SeriesStatus.Active => "the series is not active.",
        MeetingSeriesResumed when _status != SeriesStatus.Paused => "the series is not paused.",
        MeetingSeriesEnded when _status == SeriesStatus.Ended => "the series has ended.",
        _ => null,
    };

    /// <inheritdoc />
    protected override void Apply(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case MeetingSeriesBegun e:
                Id = e.Series;
                Coalition = e.Coalition;
                TimeZone = e.TimeZone;
                Body = e.Body;
                Cadence = e.Cadence;
                Title = e.Title;
                Format = e.Format;
                Location = e.Location;
                OnlineLink = e.OnlineLink;
                FirstDate = e.FirstDate;
                UsualStart = e.UsualStart;
                Length = e.Length;
                Until = e.Until;
                SearchDays = e.SearchDays;
                _participants.AddRange(e.Participants);
                _facilitators.UnionWith(e.Facilitators);
                break;
            case SeriesParticipantsChanged e:
                _participants.Clear();
                _participants.AddRange(e.Participants);
                break;
            case SeriesMeetingScheduled e:
                _scheduled.Add(new SeriesOccurrence(e.Occurrence, OccurrenceDate(e.Occurrence)!.Value, e.Meeting, e.Start, e.Length));
                _meetings.Add(e.Meeting);
                foreach (var outside in e.OutsideHours.Where(o => o.OutsideHours > Duration.Zero))
                {
                    var earlier = BorneBy(outside.Person);
                    _borne[outside.Person] = earlier with { OutsideHours = earlier.OutsideHours + outside.OutsideHours, Meetings = earlier.Meetings + 1 };
                }

                break;
            case MeetingSeriesPaused:
                _status = SeriesStatus.Paused;
                break;
            case MeetingSeriesResumed:
                _status = SeriesStatus.Active;
                break;
            case MeetingSeriesEnded:
                _status = SeriesStatus.Ended;
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }

    // A cadence an iCalendar recurrence can state exactly: one unit, and a day of the month every month has.
    internal static string? CadenceProblem(Period? cadence, LocalDate first, int searchDays)
    {
        if (cadence is null || Ensure.DatePeriodProblem(cadence, false) is not null)
        {
            return "the body has no regular cadence.";
        }

        var units = new[] { cadence.Years, cadence.Months, cadence.Weeks, cadence.Days }.Count(u => u != 0);
        if (units != 1)
        {
            return $"its cadence ({Words.Of(cadence)}) mixes units; a series needs days, weeks, months or years alone.";
        }

        if ((cadence.Years != 0 || cadence.Months != 0) && first.Day > 28)
        {
            return "a monthly or yearly series starts on the 1st to the 28th, a day every month has.";
        }

        var spacing = cadence.Years != 0 || cadence.Months != 0 ? 28 : (cadence.Weeks * 7) + cadence.Days;
        return searchDays < 1 || searchDays > spacing ? $"each occurrence's window is 1 to {spacing} days, so that windows do not overlap." : null;
    }

    private static MeetingParticipant[] Copy(IReadOnlyList<MeetingParticipant> participants) =>
        participants.Select(p => p with { Name = p.Name.Trim(), Hours = p.Hours with { Days = [.. p.Hours.Days] } }).ToArray();

    private Inconvenience BorneBy(MeetingParticipant participant) => BorneBy(participant.Person);

    private Inconvenience BorneBy(PersonId person) => _borne.TryGetValue(person, out var borne) ? borne : new Inconvenience(person, Duration.Zero, 0);

    private void EnsureStep(Step step)
    {
        if (!Machine.CanFire(step))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.SeriesNotActive, "'{title}' is {status}.", ("title", Title), ("status", _status));
        }
    }

    private StateMachine<SeriesStatus, Step> BuildMachine()
    {
        var machine = new StateMachine<SeriesStatus, Step>(() => _status, s => _status = s);
        machine.Configure(SeriesStatus.Active)
            .PermitReentry(Step.Schedule)
            .PermitReentry(Step.ChangeParticipants)
            .Permit(Step.Pause, SeriesStatus.Paused)
            .Permit(Step.End, SeriesStatus.Ended);
        machine.Configure(SeriesStatus.Paused)
            .PermitReentry(Step.ChangeParticipants)
            .Permit(Step.Resume, SeriesStatus.Active)
            .Permit(Step.End, SeriesStatus.Ended);
        machine.Configure(SeriesStatus.Ended);
        return machine;
    }

    private readonly record struct Acting(CoalitionAggregate? Coalition = null, GovernanceAggregate? Governance = null, SeriesPlan? Plan = null);
}

/// <summary>Checks a <see cref="SeriesPlan"/>.</summary>
internal sealed class SeriesPlanValidator : AbstractValidator<SeriesPlan>
{
    public static readonly SeriesPlanValidator Instance = new();

    private SeriesPlanValidator()
    {
        var code = ErrorCodes.Meetings.InvalidMeeting.Code;
        RuleFor(p => p.Coalition).IsId();
        RuleFor(p => p.Body).Must(TypedKey.IsSet).WithErrorCode(ErrorCodes.Governance.UnknownBody.Code).WithMessage("A series names its body by its key.");
        RuleFor(p => p.Title).IsName();
        RuleFor(p => p.Format).IsDefined();
        RuleFor(p => p).Must(p => p.Participants is not null && SlotSearchValidator.Instance.Validate(new SlotSearch(p.Participants, p.FirstDate, p.FirstDate, "UTC", Duration.FromHours(1))).IsValid)
            .WithErrorCode(ErrorCodes.Meetings.InvalidSearch.Code).OverridePropertyName("participants")
            .WithMessage("A series invites 1 to 50 participants, each person once, with a tz time zone and working hours.");
        RuleFor(p => p.Facilitators).Must(f => f is { Count: <= MeetingLimits.MaxFacilitators } && f.All(x => x.Value != Guid.Empty)).WithErrorCode(code)
            .WithMessage("A series names at most ten facilitators besides the person beginning it, none the empty id.");
        RuleFor(p => p.FirstDate).IsDate();
        RuleFor(p => p.Until).Must((p, u) => u is null || (Limits.IsDate(u.Value) && (!Limits.IsDate(p.FirstDate) || u.Value >= p.FirstDate))).WithErrorCode(code).WithMessage("A series ends no earlier than its first date.");
        RuleFor(p => p.Length).Must(l => l >= MeetingLimits.MinLength && l <= Duration.FromHours(12) && MeetingLimits.IsWholeMinutes(l)).WithErrorCode(code)
            .WithMessage("Each meeting of a series lasts 15 minutes to 12 hours, in whole minutes.");
        RuleFor(p => p.Location).IsName(required: false);
        RuleFor(p => p.Location).Must((p, l) => p.Format == MeetingFormat.Online || !string.IsNullOrWhiteSpace(l)).WithErrorCode(code)
            .WithMessage("A series held in person or hybrid names its place.");
        RuleFor(p => p.OnlineLink).Must(l => l is null || MeetingRules.IsLink(l)).WithErrorCode(code)
            .WithMessage("An online link is an absolute https address of at most 2,000 characters.");
        RuleFor(p => p.SearchDays).InclusiveBetween(1, 28).WithErrorCode(ErrorCodes.Meetings.IrregularCadence.Code).WithMessage("Each occurrence's window is 1 to 28 days.");
    }
}
