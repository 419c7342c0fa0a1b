using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using NodaTime;
using Stateless;
using Stateless.Graph;
using CoalitionAggregate = Coalitions.Core.Coalitions.Coalition;
using GovernanceAggregate = Coalitions.Core.Governance.CoalitionGovernance;

namespace Coalitions.Core.Meetings;

/// <summary>
/// A meeting of the coalition or of one of its bodies: convened, scheduled across its participants' time zones, given
/// an agenda with time boxes that links proposals, polls, reports and the review of earlier actions; its attendance
/// recorded (present, by proxy, apologies) and handed to the proposals it decides; its minutes recording the decisions
/// taken, the discussion and the action items set, whose status follows from their dates until they are done.
/// </summary>
/// <remarks>
/// <para>Lifecycle: Planned → Scheduled → Held → Minuted; a scheduled meeting may be postponed and scheduled again, and
/// a meeting may be cancelled until it is held. See <c>docs/diagrams/meeting-lifecycle.md</c>.</para>
/// <para>Who may act: a body's meeting is convened by the body's convenor (the holder of the office that convenes it,
/// else its chair, through one of its member's delegates) or by a coordinator of the coalition; from then on its
/// facilitators (the person who convened it and those it names) take its steps; an action item's owner may record it
/// done. <c>docs/authorization.md</c> lists every command.</para>
/// <para>Dates (due dates of action items, the day a meeting is held) are kept in the coalition's time zone.
/// Commands cost O(1) or O(n) in the size of their input; the agenda, attendance and actions are keyed.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class Meeting : AggregateRoot<MeetingId>
{
    private const string GuardStarted = "the meeting has started";
    private const string GuardAttendance = "its attendance is recorded";

    private static readonly Permissions<Meeting, Acting> Who = new(nameof(Meeting));
    private static readonly Role<Meeting, Acting> BodyConvenor = Who.Role(
        "the convenor of the body meeting " + Convening.ConvenorRole,
        static (_, by, acting) => Convening.IsConvenor(acting.Coalition, acting.Governance, acting.Plan?.Body, by));
    private static readonly Role<Meeting, Acting> Coordinator = Who.Role(
        "a coordinator of the coalition",
        static (_, by, acting) => Convening.IsCoordinator(acting.Coalition, by));
    private static readonly Role<Meeting, Acting> Facilitator = Who.Role(
        "a facilitator of the meeting (the person who convened it or one it names)",
        static (meeting, by, _) => by.Kind == ActorKind.Person && by.Person is { } person && meeting._facilitators.Contains(person));
    private static readonly Role<Meeting, Acting> ActionOwner = Who.Role(
        "the person who owns the action item",
        static (_, by, acting) => by.Kind == ActorKind.Person && acting.Action is { } action && by.Person == action.OwnerPerson);

    private static readonly Command<Meeting, Acting> ConveneCommand = Who.Command(nameof(Convene), ErrorCodes.Meetings.NotAConvenor, BodyConvenor, Coordinator);
    private static readonly Command<Meeting, Acting> ScheduleCommand = Who.Command(nameof(Schedule), ErrorCodes.Meetings.NotAFacilitator, Facilitator);
    private static readonly Command<Meeting, Acting> PostponeCommand = Who.Command(nameof(Postpone), ErrorCodes.Meetings.NotAFacilitator, Facilitator);
    private static readonly Command<Meeting, Acting> CancelCommand = Who.Command(nameof(Cancel), ErrorCodes.Meetings.NotAFacilitator, Facilitator);
    private static readonly Command<Meeting, Acting> AddAgendaItemCommand = Who.Command(nameof(AddAgendaItem), ErrorCodes.Meetings.NotAFacilitator, Facilitator);
    private static readonly Command<Meeting, Acting> RemoveAgendaItemCommand = Who.Command(nameof(RemoveAgendaItem), ErrorCodes.Meetings.NotAFacilitator, Facilitator);
    private static readonly Command<Meeting, Acting> CarryForwardCommand = Who.Command(nameof(CarryForward), ErrorCodes.Meetings.NotAFacilitator, Facilitator);
    private static readonly Command<Meeting, Acting> RecordAttendanceCommand = Who.Command(nameof(RecordAttendance), ErrorCodes.Meetings.NotAFacilitator, Facilitator);
    private static readonly Command<Meeting, Acting> AdjournCommand = Who.Command(nameof(Adjourn), ErrorCodes.Meetings.NotAFacilitator, Facilitator);
    private static readonly Command<Meeting, Acting> RecordMinutesCommand = Who.Command(nameof(RecordMinutes), ErrorCodes.Meetings.NotAFacilitator, Facilitator);
    private static readonly Command<Meeting, Acting> CompleteActionCommand = Who.Command(nameof(CompleteAction), ErrorCodes.Meetings.NotAFacilitator, ActionOwner, Facilitator);

    private readonly Dictionary<AgendaKey, AgendaItem> _agenda = [];
    private readonly Dictionary<PersonId, MeetingParticipant> _participants = [];
    private readonly HashSet<PartnerId> _invitedMembers = [];
    private readonly HashSet<PersonId> _facilitators = [];
    private readonly Dictionary<PartnerId, AttendanceEntry> _attendance = [];
    private readonly Dictionary<ActionKey, ActionItem> _actions = [];
    private readonly Dictionary<ActionKey, LocalDate> _done = [];
    private StateMachine<MeetingStatus, Step>? _machine;
    private MeetingStatus _status = MeetingStatus.Planned;
    private Duration _agendaTime;
    private bool _attendanceRecorded;
    private Instant _now;

    private Meeting()
    {
    }

    private enum Step
    {
        Schedule,
        Postpone,
        Cancel,
        EditAgenda,
        RecordAttendance,
        Adjourn,
        RecordMinutes,
        CompleteAction,
    }

    /// <summary>Gets the coalition.</summary>
    public CoalitionId Coalition { get; private set; }

    /// <summary>Gets the coalition's time zone (a tz id), in which the meeting's dates are kept.</summary>
    public string TimeZone { get; private set; } = "UTC";

    /// <summary>Gets the title.</summary>
    public string Title { get; private set; } = string.Empty;

    /// <summary>Gets the format.</summary>
    public MeetingFormat Format { get; private set; }

    /// <summary>Gets the key of the governance body meeting, if it is a body's meeting.</summary>
    public BodyKey? Body { get; private set; }

    /// <summary>Gets where it is held, if in person or hybrid.</summary>
    public string? Location { get; private set; }

    /// <summary>Gets the link to join online, if any.</summary>
    public string? OnlineLink { get; private set; }

    /// <summary>Gets the series it belongs to, if any.</summary>
    public MeetingSeriesId? Series { get; private set; }

    /// <summary>Gets what it is for, if stated.</summary>
    public string? Purpose { get; private set; }

    /// <summary>Gets the status.</summary>
    public MeetingStatus Status => _status;

    /// <summary>Gets who is invited, in the order convened.</summary>
    public IReadOnlyCollection<MeetingParticipant> Participants => _participants.Values;

    /// <summary>Gets who facilitates it, the convenor first.</summary>
    public IReadOnlyCollection<PersonId> Facilitators => _facilitators;

    /// <summary>Gets when it starts, once scheduled (the last slot it had, when postponed or cancelled).</summary>
    public Instant? Start { get; private set; }

    /// <summary>Gets how long it lasts, once scheduled.</summary>
    public Duration? Length { get; private set; }

    /// <summary>Gets when it ends, once scheduled.</summary>
    public Instant? End => Start + Length;

    /// <summary>Gets how many times it has been scheduled again after the first time (the calendar's sequence number).</summary>
    public int Sequence { get; private set; }

    /// <summary>Gets the agenda, in order.</summary>
    public IReadOnlyCollection<AgendaItem> Agenda => _agenda.Values;

    /// <summary>Gets the time the agenda's time boxes add up to.</summary>
    public Duration AgendaTime => _agendaTime;

    /// <summary>Gets the attendance recorded, by invited member; a member not listed was absent.</summary>
    public IReadOnlyCollection<AttendanceEntry> Attendance => _attendance.Values;

    /// <summary>Gets the minutes, once recorded.</summary>
    public Minutes? Minutes { get; private set; }

    /// <summary>Gets why it was postponed or cancelled, if a reason was given.</summary>
    public string? Reason { get; private set; }

    private StateMachine<MeetingStatus, Step> Machine => _machine ??= BuildMachine();

    private DateTimeZone Zone => DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone) ?? DateTimeZone.Utc;

    /// <summary>Convenes a meeting: the former argument order of <see cref="Convene(MeetingId, MeetingPlan, CoalitionAggregate, Actor, Instant, GovernanceAggregate?)"/>, kept for one version.</summary>
    /// <param name="id">The new meeting's id.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="coalition">The coalition.</param>
    /// <param name="governance">The coalition's governance, needed for a body's meeting.</param>
    /// <param name="by">The body's convenor through one of its member's delegates, or a coordinator of the coalition.</param>
    /// <param name="at">When it is convened.</param>
    /// <returns>The meeting, planned.</returns>
    [Obsolete("Use Convene(id, plan, coalition, by, at, governance): optional inputs come after the instant, as in ConflictCase.RecordDecision.")]
    public static Meeting Convene(MeetingId id, MeetingPlan plan, CoalitionAggregate coalition, GovernanceAggregate? governance, Actor by, Instant at) =>
        Convene(id, plan, coalition, by, at, governance);

    /// <summary>Convenes a meeting of the coalition or of one of its bodies.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="plan">Its title, format, place, participants (delegates of members) and facilitators, and the body meeting if any.</param>
    /// <param name="coalition">The coalition, read for its members, coordinators and time zone.</param>
    /// <param name="by">The body's convenor (the holder of its convening office, else its chair) through one of its member's delegates, or a coordinator of the coalition.</param>
    /// <param name="at">When it is convened.</param>
    /// <param name="governance">The coalition's governance, read for the body and its convenor; needed for a body's meeting (a plan with a <see cref="MeetingPlan.Body"/>).</param>
    /// <returns>The meeting, planned.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not a convenor or coordinator (<c>Meetings.NotAConvenor</c>); another coalition (<c>Coalitions.OtherCoalition</c>); an
    /// invalid plan (<c>Meetings.InvalidMeeting</c>, <c>Kernel.InvalidText</c>, <c>Kernel.EmptyId</c>, <c>Partners.UnknownTimeZone</c>);
    /// an unknown body (<c>Governance.UnknownBody</c>); a participant whose member is not a member (<c>Membership.NotAMember</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// var meeting = Meeting.Convene(MeetingId.New(),
    ///     new MeetingPlan(coalition.Id, "Steering committee", MeetingFormat.Online, participants, [], Body: "steering-committee"),
    ///     coalition, chairDelegate, now, governance);
    /// </code>
    /// </example>
    public static Meeting Convene(MeetingId id, MeetingPlan plan, CoalitionAggregate coalition, Actor by, Instant at, GovernanceAggregate? governance = null)
    {
        var meeting = new Meeting();
        Ensure.NotNull(coalition, nameof(coalition));
        ConveneCommand.Authorize(meeting, by, at, new Acting(coalition, governance, plan), plan?.Title ?? "a new meeting");
        Ensure.Id(id, nameof(id));
        MeetingPlanValidator.Instance.EnsureValid(plan);
        if (plan.Coalition != coalition.Id || (governance is not null && governance.Id != coalition.Id))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "The meeting '{title}' belongs to another coalition than {coalition}.", ("title", plan.Title), ("coalition", coalition.Name));
        }

        if (plan.Body is { } body && (governance is null || governance.Bodies.All(b => b.Key != body)))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Governance.UnknownBody, "{coalition} has no body with the key '{key}'.", ("coalition", coalition.Name), ("key", body));
        }

        foreach (var participant in plan.Participants)
        {
            if (!coalition.TryGetMembership(participant.Member, out _))
            {
                throw CoalitionRuleException.Because(ErrorCodes.Membership.NotAMember, "{name} takes part for partner {partner}, which is not a member of {coalition}.", ("name", participant.Name), ("partner", participant.Member), ("coalition", coalition.Name));
            }
        }

        PersonId[] facilitators = [by.Person!.Value, .. plan.Facilitators.Where(f => f != by.Person)];
        meeting.Raise(new MeetingConvened(
            id, coalition.Id, coalition.TimeZone.Id, plan.Title.Trim(), plan.Format,
            plan.Participants.Select(p => p with { Name = p.Name.Trim(), Hours = p.Hours with { Days = [.. p.Hours.Days] } }).ToArray(),
            facilitators.Distinct().ToArray(), plan.Body, plan.Location?.Trim(), plan.OnlineLink, plan.Series, plan.Purpose?.Trim(), at, by));
        return meeting;
    }

    /// <summary>Rebuilds a meeting from its events, checking that they form its history.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The meeting.</returns>
    /// <exception cref="StoredEventException">The events are not the history of one meeting (<c>Kernel.CorruptHistory</c>).</exception>
    public static Meeting Rehydrate(IEnumerable<IDomainEvent> history) => Rebuild(new Meeting(), history);

    /// <summary>The meeting lifecycle as a Mermaid state diagram, generated from the state machine.</summary>
    /// <returns>The diagram text.</returns>
    public static string LifecycleDiagram() => MermaidGraph.Format(new Meeting().Machine.GetInfo());

    /// <summary>Schedules the meeting (again, when it was scheduled or postponed): a start and a length.</summary>
    /// <param name="start">When it starts; after <paramref name="at"/>. <see cref="MeetingSlots.Propose"/> finds starts that suit the participants.</param>
    /// <param name="length">How long it lasts: 15 minutes to 7 days, no shorter than its agenda.</param>
    /// <param name="by">A facilitator of the meeting.</param>
    /// <param name="at">When it is scheduled.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a facilitator (<c>Meetings.NotAFacilitator</c>); held, minuted or cancelled (<c>Meetings.InvalidTransition</c>);
    /// a start not after <paramref name="at"/> or a length out of bounds (<c>Meetings.InThePast</c>); shorter than the agenda (<c>Meetings.AgendaOverrun</c>).
    /// </exception>
    /// <example>
    /// <code>meeting.Schedule(slots[0].Start, Duration.FromHours(1), facilitator, now);</code>
    /// </example>
    public void Schedule(Instant start, Duration length, Actor by, Instant at)
    {
        ScheduleCommand.Authorize(this, by, at, default, Title);
        Ensure.At(start, nameof(start));
        EnsureStep(Step.Schedule, at);
        if (start <= at || length < MeetingLimits.MinLength || length > MeetingLimits.MaxLength || !MeetingLimits.IsWholeMinutes(length) || start + length >= Limits.LatestInstant)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.InThePast, "'{title}' must start after {at} and last 15 minutes to 7 days in whole minutes (asked: {start} for {length}).", ("title", Title), ("at", at), ("start", start), ("length", length));
        }

        if (_agendaTime > length)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.AgendaOverrun, "The agenda of '{title}' takes {agenda}, longer than {length}.", ("title", Title), ("agenda", _agendaTime), ("length", length));
        }

        Raise(new MeetingScheduled(Id, start, length, Start is null ? 0 : Sequence + 1, at, by));
    }

    /// <summary>Puts off a scheduled meeting; it keeps its agenda and is scheduled again later.</summary>
    /// <param name="reason">Why, if given: at most 2,000 characters.</param>
    /// <param name="by">A facilitator of the meeting.</param>
    /// <param name="at">When it is postponed (any attendance recorded is set aside).</param>
    /// <exception cref="CoalitionRuleException">Not a facilitator, not scheduled (<c>Meetings.InvalidTransition</c>), or an ill-formed reason.</exception>
    public void Postpone(string? reason, Actor by, Instant at)
    {
        PostponeCommand.Authorize(this, by, at, default, Title);
        FreeText.Check(reason, nameof(reason), required: false);
        EnsureStep(Step.Postpone, at);
        Raise(new MeetingPostponed(Id, reason?.Trim(), at, by));
    }

    /// <summary>Calls the meeting off, until it is held.</summary>
    /// <param name="reason">Why, if given: at most 2,000 characters.</param>
    /// <param name="by">A facilitator of the meeting.</param>
    /// <param name="at">When it is cancelled.</param>
    /// <exception cref="CoalitionRuleException">Not a facilitator, already held or cancelled (<c>Meetings.InvalidTransition</c>), or an ill-formed reason.</exception>
    public void Cancel(string? reason, Actor by, Instant at)
    {
        CancelCommand.Authorize(this, by, at, default, Title);
        FreeText.Check(reason, nameof(reason), required: false);
        EnsureStep(Step.Cancel, at);
        Raise(new MeetingCancelled(Id, reason?.Trim(), at, by));
    }

    /// <summary>Adds an item to the agenda, until the meeting is held; the time boxes must fit the meeting.</summary>
    /// <param name="item">The item: a unique key, a title, a time box, and what its kind links (a proposal, a poll, a report). Action reviews come from <see cref="CarryForward"/>.</param>
    /// <param name="by">A facilitator of the meeting.</param>
    /// <param name="at">When it is added.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a facilitator; held, minuted or cancelled (<c>Meetings.InvalidTransition</c>); an ill-formed item, a key already on the
    /// agenda, a proposal or poll already linked, or an action review (<c>Meetings.InvalidAgendaItem</c>); the agenda would be longer
    /// than the meeting (<c>Meetings.AgendaOverrun</c>).
    /// </exception>
    /// <example>
    /// <code>meeting.AddAgendaItem(new AgendaItem(new AgendaKey("admit"), "Admit Coast FM", AgendaItemKind.Decision, Duration.FromMinutes(20), Proposal: proposal.Id), facilitator, now);</code>
    /// </example>
    public void AddAgendaItem(AgendaItem item, Actor by, Instant at)
    {
        AddAgendaItemCommand.Authorize(this, by, at, default, Title);
        AgendaItemValidator.Instance.EnsureValid(item);
        EnsureStep(Step.EditAgenda, at);
        if (item.Kind == AgendaItemKind.ActionReview)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.InvalidAgendaItem, "An action review is put on the agenda by carrying actions forward, not added by hand.");
        }

        EnsureFits(item);
        Raise(new AgendaItemAdded(Id, item with { Title = item.Title.Trim(), Report = item.Report?.Trim(), Actions = null }, at, by));
    }

    /// <summary>Takes an item off the agenda, until the meeting is held.</summary>
    /// <param name="item">The item's key.</param>
    /// <param name="by">A facilitator of the meeting.</param>
    /// <param name="at">When it is removed.</param>
    /// <exception cref="CoalitionRuleException">Not a facilitator; held, minuted or cancelled (<c>Meetings.InvalidTransition</c>); no such item (<c>Meetings.UnknownAgendaItem</c>).</exception>
    public void RemoveAgendaItem(AgendaKey item, Actor by, Instant at)
    {
        RemoveAgendaItemCommand.Authorize(this, by, at, default, Title);
        EnsureKey(item, nameof(item));
        EnsureStep(Step.EditAgenda, at);
        if (!_agenda.ContainsKey(item))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.UnknownAgendaItem, "'{title}' has no agenda item '{item}'.", ("title", Title), ("item", item.Value));
        }

        Raise(new AgendaItemRemoved(Id, item, at, by));
    }

    /// <summary>
    /// Carries forward the action items earlier meetings set and are still open today: they go on this meeting's agenda as
    /// an action review, until they are done (each is recorded done on the meeting that set it).
    /// </summary>
    /// <param name="item">The key of the review on the agenda.</param>
    /// <param name="earlier">Earlier meetings of the coalition, minuted (for example the previous meetings of the series): at most 100.</param>
    /// <param name="timeBox">How long the review may take: 1 minute to 8 hours.</param>
    /// <param name="by">A facilitator of the meeting.</param>
    /// <param name="at">When they are carried forward; the actions open on this meeting's day (or today, if not yet scheduled) are carried.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a facilitator; held, minuted or cancelled (<c>Meetings.InvalidTransition</c>); another coalition's meeting
    /// (<c>Coalitions.OtherCoalition</c>); no open actions (<c>Meetings.NoOpenActions</c>); an ill-formed item or a key already on
    /// the agenda (<c>Meetings.InvalidAgendaItem</c>); the agenda would be longer than the meeting (<c>Meetings.AgendaOverrun</c>).
    /// </exception>
    public void CarryForward(AgendaKey item, IReadOnlyList<Meeting> earlier, Duration timeBox, Actor by, Instant at)
    {
        CarryForwardCommand.Authorize(this, by, at, default, Title);
        EnsureKey(item, nameof(item));
        var meetings = Ensure.Items(earlier, nameof(earlier), 100);
        EnsureStep(Step.EditAgenda, at);
        // Open today: no action is recorded done after today, so one open today is open on the meeting's day as well, and
        // in a meeting that has started (it may last days) an action done since its first day is not carried.
        var on = at.InZone(Zone).Date;
        var carried = new List<CarriedAction>();
        foreach (var meeting in meetings.Distinct())
        {
            if (meeting.Coalition != Coalition)
            {
                throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "'{other}' is a meeting of another coalition.", ("other", meeting.Title));
            }

            // Only minuted meetings have action items; this one, whose agenda is still open, has none.
            carried.AddRange(meeting.OpenActionsOn(on).Select(a => new CarriedAction(meeting.Id, a.Action)));
        }

        if (carried.Count == 0)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.NoOpenActions, "The earlier meetings given have no action items open on {on} to carry to '{title}'.", ("on", on), ("title", Title));
        }

        var review = new AgendaItem(item, "Review of actions", AgendaItemKind.ActionReview, timeBox, Actions: carried.Take(MeetingLimits.MaxCarried).ToArray());
        AgendaItemValidator.Instance.EnsureValid(review);
        EnsureFits(review);
        Raise(new AgendaItemAdded(Id, review, at, by));
    }

    /// <summary>Records how each invited member took part, from the meeting's start until its minutes are recorded; it replaces any earlier record.</summary>
    /// <param name="entries">One entry per invited member present, represented by proxy, sending apologies or absent; a member not listed is absent. A proxy is held by another invited member recorded present.</param>
    /// <param name="by">A facilitator of the meeting.</param>
    /// <param name="at">When it is recorded; no earlier than the meeting's start.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a facilitator; not scheduled or held (<c>Meetings.InvalidTransition</c>); before the start (<c>Meetings.NotStarted</c>);
    /// a member not invited or listed twice, or a proxy not held by a member present (<c>Meetings.NotInvited</c>).
    /// </exception>
    /// <example>
    /// <code>meeting.RecordAttendance([new AttendanceEntry(nairobi, AttendanceKind.Present), new AttendanceEntry(geneva, AttendanceKind.Apologies)], facilitator, now);</code>
    /// </example>
    public void RecordAttendance(IReadOnlyList<AttendanceEntry> entries, Actor by, Instant at)
    {
        RecordAttendanceCommand.Authorize(this, by, at, default, Title);
        var list = Ensure.Items(entries, nameof(entries), MeetingLimits.MaxParticipants);
        foreach (var entry in list)
        {
            Ensure.Id(entry.Member, "member");
            Ensure.Defined(entry.Kind, "attendance");
            Ensure.Id(entry.ProxyHolder, "proxy holder");
        }

        EnsureStep(Step.RecordAttendance, at);
        if (AttendanceProblem(list) is { } problem)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.NotInvited, "The attendance of '{title}' cannot be recorded: {problem}", ("title", Title), ("problem", problem));
        }

        Raise(new MeetingAttendanceRecorded(Id, list.ToArray(), at, by));
    }

    /// <summary>Adjourns the meeting: it was held. It must have started and its attendance be recorded.</summary>
    /// <param name="by">A facilitator of the meeting.</param>
    /// <param name="at">When it is adjourned.</param>
    /// <exception cref="CoalitionRuleException">Not a facilitator; not scheduled (<c>Meetings.InvalidTransition</c>); not started or no attendance (<c>Meetings.NotStarted</c>).</exception>
    public void Adjourn(Actor by, Instant at)
    {
        AdjournCommand.Authorize(this, by, at, default, Title);
        EnsureStep(Step.Adjourn, at);
        Raise(new MeetingAdjourned(Id, at, by));
    }

    /// <summary>
    /// Records the minutes of a meeting held: the decisions it took (each citing the proposal its agenda linked), the notes
    /// of its discussion and the action items it set, each owned by a delegate of a member and due no earlier than the meeting.
    /// </summary>
    /// <param name="minutes">The decisions, notes, action items and summary.</param>
    /// <param name="coalition">The coalition, read for the owners' memberships and delegates.</param>
    /// <param name="by">A facilitator of the meeting.</param>
    /// <param name="at">When they are recorded.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a facilitator; not held (<c>Meetings.InvalidTransition</c>); another coalition (<c>Coalitions.OtherCoalition</c>); a decision on
    /// a proposal the agenda does not link (<c>Meetings.NotOnAgenda</c>) or taken after <paramref name="at"/> or by another coalition
    /// (<c>Coalitions.DecisionRequired</c>); a note on an item not on the agenda (<c>Meetings.UnknownAgendaItem</c>); an action item
    /// whose owner is not a delegate of a member, or due before the meeting (<c>Meetings.InvalidAction</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// meeting.RecordMinutes(new Minutes([new MinutedDecision(new AgendaKey("admit"), proposal.Reference!)], [],
    ///     [new ActionItem(new ActionKey("welcome-pack"), "Send the welcome pack", member, person, new LocalDate(2026, 4, 1))]),
    ///     coalition, facilitator, now);
    /// </code>
    /// </example>
    public void RecordMinutes(Minutes minutes, CoalitionAggregate coalition, Actor by, Instant at)
    {
        RecordMinutesCommand.Authorize(this, by, at, default, Title);
        Ensure.NotNull(coalition, nameof(coalition));
        MinutesValidator.Instance.EnsureValid(minutes);
        EnsureStep(Step.RecordMinutes, at);
        if (coalition.Id != Coalition)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "'{title}' is a meeting of another coalition than {coalition}.", ("title", Title), ("coalition", coalition.Name));
        }

        foreach (var decision in minutes.Decisions)
        {
            DecisionReference.CheckTakenBefore(decision.Decision, at);
            if (!_agenda.TryGetValue(decision.Item, out var item) || item.Proposal != decision.Decision.Proposal)
            {
                throw CoalitionRuleException.Because(ErrorCodes.Meetings.NotOnAgenda, "The agenda of '{title}' has no decision item '{item}' linking proposal {proposal}.", ("title", Title), ("item", decision.Item.Value), ("proposal", decision.Decision.Proposal));
            }

            if (decision.Decision.Coalition != Coalition)
            {
                throw CoalitionRuleException.Because(ErrorCodes.Coalitions.DecisionRequired, "The decision cited for '{item}' was taken by another coalition.", ("item", decision.Item.Value));
            }
        }

        foreach (var note in minutes.Notes.Select(n => n.Item).Concat(minutes.Actions.Select(a => a.Item).OfType<AgendaKey>()))
        {
            if (!_agenda.ContainsKey(note))
            {
                throw CoalitionRuleException.Because(ErrorCodes.Meetings.UnknownAgendaItem, "'{title}' has no agenda item '{item}'.", ("title", Title), ("item", note.Value));
            }
        }

        var held = Start!.Value.InZone(Zone).Date;
        foreach (var action in minutes.Actions)
        {
            if (!coalition.TryGetMembership(action.OwnerMember, out var membership) || !membership.Delegates.Contains(action.OwnerPerson))
            {
                throw CoalitionRuleException.Because(ErrorCodes.Meetings.InvalidAction, "The owner of '{action}' must be a delegate of a member of {coalition}; person {person} is not one for partner {partner}.", ("action", action.Key.Value), ("coalition", coalition.Name), ("person", action.OwnerPerson), ("partner", action.OwnerMember));
            }

            if (action.Due < held)
            {
                throw CoalitionRuleException.Because(ErrorCodes.Meetings.InvalidAction, "'{action}' is due on {due}, before the meeting on {held} that set it.", ("action", action.Key.Value), ("due", action.Due), ("held", held));
            }
        }

        Raise(new MinutesRecorded(Id, new Minutes(
            minutes.Decisions.ToArray(),
            minutes.Notes.Select(n => n with { Text = n.Text.Trim() }).ToArray(),
            minutes.Actions.Select(a => a with { Description = a.Description.Trim() }).ToArray(),
            minutes.Summary?.Trim()), at, by));
    }

    /// <summary>Records an action item this meeting set as done.</summary>
    /// <param name="action">The action item's key.</param>
    /// <param name="on">When it was done: no earlier than the meeting and no later than today (in the coalition's time zone).</param>
    /// <param name="note">A note, if any: at most 2,000 characters.</param>
    /// <param name="by">The person who owns the action item, or a facilitator of the meeting.</param>
    /// <param name="at">When it is recorded.</param>
    /// <exception cref="CoalitionRuleException">Not the owner or a facilitator; not minuted (<c>Meetings.InvalidTransition</c>); no such open action (<c>Meetings.UnknownAction</c>); a date out of range (<c>Meetings.InvalidAction</c>).</exception>
    public void CompleteAction(ActionKey action, LocalDate on, string? note, Actor by, Instant at)
    {
        CompleteActionCommand.Authorize(this, by, at, new Acting(Action: TypedKey.IsValid(action) ? _actions.GetValueOrDefault(action) : null), Title);
        EnsureKey(action, nameof(action));
        Ensure.Date(on, nameof(on));
        FreeText.Check(note, nameof(note), required: false);
        EnsureStep(Step.CompleteAction, at);
        if (!_actions.ContainsKey(action) || _done.ContainsKey(action))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.UnknownAction, "'{title}' has no open action item '{action}'.", ("title", Title), ("action", action.Value));
        }

        if (on < Start!.Value.InZone(Zone).Date || on > at.InZone(Zone).Date)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.InvalidAction, "'{action}' cannot be done on {on}: no earlier than the meeting and no later than today.", ("action", action.Value), ("on", on));
        }

        Raise(new ActionItemCompleted(Id, action, on, note?.Trim(), at, by));
    }

    /// <summary>Every action item the minutes set, with where it stands on a date.</summary>
    /// <param name="on">The date, in the coalition's time zone.</param>
    /// <returns>The action items, in the order minuted.</returns>
    public IReadOnlyList<ActionState> ActionsOn(LocalDate on) =>
        _actions.Values.Select(a => new ActionState(Id, a, StatusOf(a, on), _done.TryGetValue(a.Key, out var done) ? done : null)).ToArray();

    /// <summary>The action items not done on a date (open or overdue): what the next meeting carries forward.</summary>
    /// <param name="on">The date, in the coalition's time zone.</param>
    /// <returns>The open action items, in the order minuted.</returns>
    public IReadOnlyList<ActionState> OpenActionsOn(LocalDate on) => ActionsOn(on).Where(a => a.Status != ActionStatus.Done).ToArray();

    /// <summary>How a member took part; <see cref="AttendanceKind.Absent"/> when not recorded.</summary>
    /// <param name="member">The member.</param>
    /// <returns>How it took part.</returns>
    public AttendanceKind AttendanceOf(PartnerId member) => _attendance.TryGetValue(member, out var entry) ? entry.Kind : AttendanceKind.Absent;

    /// <summary>The members present, and those represented by proxy when proxies count.</summary>
    /// <param name="proxiesCount">Whether members represented by proxy count as present (a rule-book choice).</param>
    /// <returns>The members, in the order recorded.</returns>
    public IReadOnlyList<PartnerId> MembersPresent(bool proxiesCount = true) =>
        _attendance.Values.Where(e => e.Kind == AttendanceKind.Present || (proxiesCount && e.Kind == AttendanceKind.ByProxy)).Select(e => e.Member).ToArray();

    /// <summary>
    /// The members present for a proposal this meeting decides: what <see cref="Proposal.RecordAttendance"/> takes, for
    /// quorums of members present and "present" bases. Only voters of its frozen electorate who are not recused are listed.
    /// </summary>
    /// <param name="proposal">A proposal linked by a decision item of the agenda.</param>
    /// <param name="proxiesCount">Whether members represented by proxy count as present.</param>
    /// <returns>The members present who may vote on it.</returns>
    /// <exception cref="CoalitionRuleException">Another coalition's proposal (<c>Coalitions.OtherCoalition</c>); not on the agenda (<c>Meetings.NotOnAgenda</c>); no attendance recorded (<c>Meetings.AttendanceRequired</c>).</exception>
    /// <example>
    /// <code>proposal.RecordAttendance(meeting.PresentFor(proposal), facilitator, now);</code>
    /// </example>
    public IReadOnlyList<PartnerId> PresentFor(Proposal proposal, bool proxiesCount = true)
    {
        Ensure.NotNull(proposal, nameof(proposal));
        if (proposal.Coalition != Coalition)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "'{proposal}' is a proposal of another coalition.", ("proposal", proposal.Title));
        }

        if (!_agenda.Values.Any(i => i.Proposal == proposal.Id))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.NotOnAgenda, "The agenda of '{title}' does not link '{proposal}'.", ("title", Title), ("proposal", proposal.Title));
        }

        if (!_attendanceRecorded)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.AttendanceRequired, "The attendance of '{title}' is not recorded yet.", ("title", Title));
        }

        return MembersPresent(proxiesCount)
            .Where(p => (proposal.Electorate is not { } electorate || electorate.Contains(p)) && !proposal.Recused.Contains(p))
            .ToArray();
    }

    /// <summary>How the scheduled meeting falls for each participant, in their own time zone and working hours.</summary>
    /// <returns>The slot, explained.</returns>
    /// <exception cref="CoalitionRuleException">The meeting is not scheduled (<c>Meetings.NotScheduled</c>) or has more than 50 participants (<c>Meetings.InvalidSearch</c>).</exception>
    public SlotProposal LocalTimes()
    {
        if (Start is not { } start || Length is not { } length)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.NotScheduled, "'{title}' has not been scheduled.", ("title", Title));
        }

        return MeetingSlots.Fit(_participants.Values.ToArray(), start, length <= Duration.FromHours(12) ? length : Duration.FromHours(12), TimeZone);
    }

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is MeetingConvened;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => domainEvent switch
    {
        MeetingConvened e => ConvenedProblem(e),
        MeetingScheduled when _status is not (MeetingStatus.Planned or MeetingStatus.Scheduled or MeetingStatus.Postponed) => "the meeting is held, minuted or cancelled.",
        MeetingScheduled e when e.Length < MeetingLimits.MinLength || e.Length > MeetingLimits.MaxLength || e.Start < Limits.EarliestInstant || e.Start >= Limits.LatestInstant => "the slot is out of bounds.",
        MeetingScheduled e when e.Sequence != (Start is null ? 0 : Sequence + 1) => "the sequence number does not follow the last.",
        MeetingPostponed when _status != MeetingStatus.Scheduled => "the meeting is not scheduled.",
        MeetingCancelled when _status is not (MeetingStatus.Planned or MeetingStatus.Scheduled or MeetingStatus.Postponed) => "the meeting is held, minuted or cancelled.",
        AgendaItemAdded when _status is not (MeetingStatus.Planned or MeetingStatus.Scheduled or MeetingStatus.Postponed) => "the agenda is closed.",
        AgendaItemAdded e when !AgendaItemValidator.Instance.Validate(e.Item).IsValid || _agenda.ContainsKey(e.Item.Key) || _agenda.Count >= MeetingLimits.MaxAgendaItems => "the agenda item is ill-formed or its key is taken.",
        AgendaItemRemoved when _status is not (MeetingStatus.Planned or MeetingStatus.Scheduled or MeetingStatus.Postponed) => "the agenda is closed.",
        AgendaItemRemoved e when !_agenda.ContainsKey(e.Item) => "there is no such agenda item.",
        MeetingAttendanceRecorded when _status is not (MeetingStatus.Scheduled or MeetingStatus.Held) => "the meeting is not scheduled or held.",
        MeetingAttendanceRecorded e => AttendanceProblem(e.Entries),
        MeetingAdjourned when _status != MeetingStatus.Scheduled || !_attendanceRecorded => "the meeting is not scheduled with its attendance recorded.",
        MinutesRecorded when _status != MeetingStatus.Held => "the meeting has not been held.",
        MinutesRecorded e when !MinutesValidator.Instance.Validate(e.Minutes).IsValid => "the minutes are ill-formed.",
        ActionItemCompleted when _status != MeetingStatus.Minuted => "the meeting is not minuted.",
        ActionItemCompleted e when !_actions.ContainsKey(e.Action) || _done.ContainsKey(e.Action) => "there is no such open action item.",
        _ => null,
    };

    /// <inheritdoc />
    protected override void Apply(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case MeetingConvened e:
                Id = e.Meeting;
                Coalition = e.Coalition;
                TimeZone = e.TimeZone;
                Title = e.Title;
                Format = e.Format;
                Body = e.Body;
                Location = e.Location;
                OnlineLink = e.OnlineLink;
                Series = e.Series;
                Purpose = e.Purpose;
                foreach (var participant in e.Participants)
                {
                    _participants[participant.Person] = participant;
                    _invitedMembers.Add(participant.Member);
                }

                _facilitators.UnionWith(e.Facilitators);
                _status = MeetingStatus.Planned;
                break;
            case MeetingScheduled e:
                Start = e.Start;
                Length = e.Length;
                Sequence = e.Sequence;
                Reason = null;
                _attendance.Clear();
                _attendanceRecorded = false;
                _status = MeetingStatus.Scheduled;
                break;
            case MeetingPostponed e:
                Reason = e.Reason;
                _attendance.Clear();
                _attendanceRecorded = false;
                _status = MeetingStatus.Postponed;
                break;
            case MeetingCancelled e:
                Reason = e.Reason;
                _status = MeetingStatus.Cancelled;
                break;
            case AgendaItemAdded e:
                _agenda[e.Item.Key] = e.Item;
                _agendaTime += e.Item.TimeBox;
                break;
            case AgendaItemRemoved e:
                _agendaTime -= _agenda[e.Item].TimeBox;
                _agenda.Remove(e.Item);
                break;
            case MeetingAttendanceRecorded e:
                _attendance.Clear();
                foreach (var entry in e.Entries)
                {
                    _attendance[entry.Member] = entry;
                }

                _attendanceRecorded = true;
                break;
            case MeetingAdjourned:
                _status = MeetingStatus.Held;
                break;
            case MinutesRecorded e:
                Minutes = e.Minutes;
                foreach (var action in e.Minutes.Actions)
                {
                    _actions[action.Key] = action;
                }

                _status = MeetingStatus.Minuted;
                break;
            case ActionItemCompleted e:
                _done[e.Action] = e.DoneOn;
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }

    private static ActionStatus StatusOf(ActionItem action, LocalDate on, LocalDate? done) =>
        done is { } day && day <= on ? ActionStatus.Done : action.Due < on ? ActionStatus.Overdue : ActionStatus.Open;

    private static void EnsureKey<TKey>(TKey key, string name)
        where TKey : struct, ITypedKey<TKey>
    {
        if (!TypedKey.IsValid(key))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.InvalidText, "The {name} must be a key of one line of 1 to 64 characters.", ("name", Words.Identifier(name)));
        }
    }

    private static string? ConvenedProblem(MeetingConvened e) =>
        !MeetingRules.IsZone(e.TimeZone) ? "the time zone is not a tz id." :
        !MeetingPlanValidator.Instance.Validate(new MeetingPlan(e.Coalition, e.Title, e.Format, e.Participants, e.Facilitators.Skip(1).ToArray(), e.Body, e.Location, e.OnlineLink, e.Series, e.Purpose)).IsValid ? "the meeting's plan is ill-formed." :
        e.Facilitators.Count == 0 ? "the meeting has no facilitator." : null;

    private ActionStatus StatusOf(ActionItem action, LocalDate on) => StatusOf(action, on, _done.TryGetValue(action.Key, out var done) ? done : null);

    private string? AttendanceProblem(IReadOnlyList<AttendanceEntry> entries)
    {
        var seen = new HashSet<PartnerId>();
        foreach (var entry in entries)
        {
            if (!_invitedMembers.Contains(entry.Member) || !seen.Add(entry.Member))
            {
                return "a member listed was not invited, or is listed twice.";
            }
        }

        foreach (var entry in entries)
        {
            var holdsProxy = entry.ProxyHolder is { } holder && holder != entry.Member && entries.Any(x => x.Member == holder && x.Kind == AttendanceKind.Present);
            if ((entry.Kind == AttendanceKind.ByProxy) != (entry.ProxyHolder is not null) || (entry.Kind == AttendanceKind.ByProxy && !holdsProxy))
            {
                return "a proxy is held by another invited member recorded present, and only a member represented by proxy names one.";
            }
        }

        return null;
    }

    private void EnsureFits(AgendaItem item)
    {
        if (_agenda.ContainsKey(item.Key) || _agenda.Count >= MeetingLimits.MaxAgendaItems ||
            (item.Proposal is { } proposal && _agenda.Values.Any(i => i.Proposal == proposal)) || (item.Poll is { } poll && _agenda.Values.Any(i => i.Poll == poll)))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.InvalidAgendaItem, "The agenda of '{title}' already has the item '{item}', links its proposal or poll already, or holds 100 items.", ("title", Title), ("item", item.Key.Value));
        }

        if (Length is { } length && _status != MeetingStatus.Postponed && _agendaTime + item.TimeBox > length)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.AgendaOverrun, "With '{item}' the agenda of '{title}' would take {agenda}, longer than the meeting's {length}.", ("item", item.Title), ("title", Title), ("agenda", _agendaTime + item.TimeBox), ("length", length));
        }

        if (_agendaTime + item.TimeBox > MeetingLimits.MaxLength)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.AgendaOverrun, "The agenda of '{title}' would take longer than 7 days.", ("title", Title));
        }
    }

    private void EnsureStep(Step step, Instant at)
    {
        _now = at;
        if (Machine.CanFire(step, out var unmet))
        {
            return;
        }

        unmet ??= [];
        var code = unmet.Count > 0 ? ErrorCodes.Meetings.NotStarted : ErrorCodes.Meetings.InvalidTransition;
        throw unmet.Count > 0
            ? CoalitionRuleException.Because(code, "'{title}' cannot {action} yet: it requires that {requirements}.", ("title", Title), ("action", Describe(step)), ("requirements", unmet.ToArray()))
            : CoalitionRuleException.Because(code, "'{title}' cannot {action} while it is {status}.", ("title", Title), ("action", Describe(step)), ("status", _status));
    }

    private static string Describe(Step step) => step switch
    {
        Step.Schedule => "be scheduled",
        Step.Postpone => "be postponed",
        Step.Cancel => "be cancelled",
        Step.EditAgenda => "change its agenda",
        Step.RecordAttendance => "record attendance",
        Step.Adjourn => "be adjourned",
        Step.RecordMinutes => "record minutes",
        _ => "record an action done",
    };

    private bool Started() => Start is { } start && _now >= start;

    private StateMachine<MeetingStatus, Step> BuildMachine()
    {
        var machine = new StateMachine<MeetingStatus, Step>(() => _status, s => _status = s);
        machine.Configure(MeetingStatus.Planned)
            .Permit(Step.Schedule, MeetingStatus.Scheduled)
            .PermitReentry(Step.EditAgenda)
            .Permit(Step.Cancel, MeetingStatus.Cancelled);
        machine.Configure(MeetingStatus.Scheduled)
            .PermitReentry(Step.Schedule)
            .PermitReentry(Step.EditAgenda)
            .Permit(Step.Postpone, MeetingStatus.Postponed)
            .Permit(Step.Cancel, MeetingStatus.Cancelled)
            .PermitReentryIf(Step.RecordAttendance, Started, GuardStarted)
            .PermitIf(Step.Adjourn, MeetingStatus.Held, new Tuple<Func<bool>, string>(Started, GuardStarted), new Tuple<Func<bool>, string>(() => _attendanceRecorded, GuardAttendance));
        machine.Configure(MeetingStatus.Postponed)
            .Permit(Step.Schedule, MeetingStatus.Scheduled)
            .PermitReentry(Step.EditAgenda)
            .Permit(Step.Cancel, MeetingStatus.Cancelled);
        machine.Configure(MeetingStatus.Held)
            .PermitReentry(Step.RecordAttendance)
            .Permit(Step.RecordMinutes, MeetingStatus.Minuted);
        machine.Configure(MeetingStatus.Minuted)
            .PermitReentry(Step.CompleteAction);
        machine.Configure(MeetingStatus.Cancelled);
        return machine;
    }

    // What an authorization check needs besides the actor: the coalition and governance (convening), the plan, the action concerned.
    private readonly record struct Acting(CoalitionAggregate? Coalition = null, GovernanceAggregate? Governance = null, MeetingPlan? Plan = null, ActionItem? Action = null);
}
