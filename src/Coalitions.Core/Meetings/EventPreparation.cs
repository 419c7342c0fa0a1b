using System.Text;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using FluentValidation;
using NodaTime;
using Stateless;
using Stateless.Graph;
using CoalitionAggregate = Coalitions.Core.Coalitions.Coalition;

namespace Coalitions.Core.Meetings;

/// <summary>Where a preparation is in its life.</summary>
public enum PreparationStatus
{
    /// <summary>Under way: tasks, attendees, positions and the pre-meeting are worked on.</summary>
    Preparing = 1,

    /// <summary>The event is over and the preparation concluded with a debrief.</summary>
    Concluded = 2,

    /// <summary>Called off (the coalition does not attend).</summary>
    Cancelled = 3,
}

/// <summary>Where a preparation task stands on a date, computed from its due date.</summary>
public enum PreparationTaskStatus
{
    /// <summary>Not done; due on the date or later.</summary>
    OnTrack = 1,

    /// <summary>Not done; its due date has passed.</summary>
    Late = 2,

    /// <summary>Done.</summary>
    Done = 3,
}

/// <summary>Something the readiness summary finds missing or worrying.</summary>
public enum ReadinessGap
{
    /// <summary>The plan has no task.</summary>
    NoTasks = 1,

    /// <summary>Nobody is named to attend.</summary>
    NoAttendees = 2,

    /// <summary>The coalition takes no position to the event.</summary>
    NoPosition = 3,

    /// <summary>No pre-meeting is planned, and the event is two weeks away or less.</summary>
    NoPreMeeting = 4,

    /// <summary>The pre-meeting's day has passed and its outcome is not recorded.</summary>
    PreMeetingNotRecorded = 5,

    /// <summary>Attendees new to such events have not been trained.</summary>
    NewcomersNotTrained = 6,

    /// <summary>A position was adopted in the last week before the event: common positions need time.</summary>
    LastMinutePosition = 7,

    /// <summary>Most tasks fall due in the last month: the months before the event are where the work is done.</summary>
    WorkLeftLate = 8,
}

/// <summary>The external event the coalition prepares for, such as an intergovernmental meeting.</summary>
/// <param name="Name">Its name: one line of at most 200 characters.</param>
/// <param name="Place">Where it is held: one line of at most 200 characters.</param>
/// <param name="TimeZone">The tz id of the place.</param>
/// <param name="Opens">The day it opens, in that zone.</param>
/// <param name="Closes">The day it closes; no earlier than it opens, at most 60 days later.</param>
/// <param name="Organizer">Who holds it, if named: one line of at most 200 characters.</param>
public sealed record ExternalEvent(string Name, string Place, string TimeZone, LocalDate Opens, LocalDate Closes, string? Organizer = null);

/// <summary>A task of the preparation plan, counted back from the event's opening.</summary>
/// <param name="Key">Its key, unique in the plan.</param>
/// <param name="Description">What is to be done: at most 2,000 characters.</param>
/// <param name="OwnerMember">The member responsible.</param>
/// <param name="OwnerPerson">The person who does it: a delegate of the member.</param>
/// <param name="Before">How long before the event opens it is due (zero: on the opening day): a calendar period of at most 100 years.</param>
public sealed record PreparationTask(TaskKey Key, string Description, PartnerId OwnerMember, PersonId OwnerPerson, Period Before);

/// <summary>Someone the coalition sends to the event.</summary>
/// <param name="Member">The member they represent.</param>
/// <param name="Person">The person: a delegate of the member.</param>
/// <param name="Name">Their name.</param>
/// <param name="NewParticipant">Whether they are new to such events (and so to be trained at the pre-meeting).</param>
public sealed record Attendee(PartnerId Member, PersonId Person, string Name, bool NewParticipant);

/// <summary>A position the coalition takes to the event, resting on an adopted decision.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Title">Its title.</param>
/// <param name="Decision">The adopted decision (a policy position or a public statement).</param>
public sealed record EventPosition(PositionKey Key, string Title, DecisionReference Decision);

/// <summary>What the network's pre-meeting, shortly before the event, settled.</summary>
/// <param name="Updates">The latest information shared: at most 20,000 characters.</param>
/// <param name="Priorities">The priorities reviewed, in order: 1 to 20 lines of at most 200 characters.</param>
/// <param name="GamePlan">The game plan for the event: at most 20,000 characters.</param>
/// <param name="Allocations">The tasks allocated for the event itself (who covers which session, who speaks): at most 100.</param>
/// <param name="Processes">The processes agreed (how statements are cleared, how the group communicates): 1 to 20 lines.</param>
/// <param name="Trained">The attendees trained for the event (the new participants among them).</param>
public sealed record PreMeetingOutcome(string Updates, IReadOnlyList<string> Priorities, string GamePlan, IReadOnlyList<PreparationTask> Allocations, IReadOnlyList<string> Processes, IReadOnlyList<PersonId> Trained);

/// <summary>A preparation task with where it stands on a date.</summary>
/// <param name="Task">The task.</param>
/// <param name="Due">When it is due.</param>
/// <param name="Status">On track, late or done.</param>
/// <param name="DoneOn">When it was done, if it was.</param>
public sealed record TaskState(PreparationTask Task, LocalDate Due, PreparationTaskStatus Status, LocalDate? DoneOn);

/// <summary>How ready the coalition is on a date: what is done, late, on track and missing, in words.</summary>
/// <param name="On">The date.</param>
/// <param name="DaysToGo">Days until the event opens (negative once it has).</param>
/// <param name="Done">The tasks done.</param>
/// <param name="Late">The tasks late.</param>
/// <param name="OnTrack">The tasks on track.</param>
/// <param name="Gaps">What is missing or worrying.</param>
/// <param name="Summary">All of it in plain words.</param>
public sealed record Readiness(LocalDate On, int DaysToGo, IReadOnlyList<TaskState> Done, IReadOnlyList<TaskState> Late, IReadOnlyList<TaskState> OnTrack, IReadOnlyList<ReadinessGap> Gaps, string Summary);

/// <summary>The preparation began.</summary>
/// <param name="Preparation">The preparation.</param>
/// <param name="Coalition">The coalition.</param>
/// <param name="Event">The event.</param>
/// <param name="Leads">Who leads it, the one who began it first.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record PreparationBegun(PreparationId Preparation, CoalitionId Coalition, ExternalEvent Event, IReadOnlyList<PersonId> Leads, Instant At, Actor By) : IDomainEvent;

/// <summary>A task was added to the plan.</summary>
/// <param name="Preparation">The preparation.</param>
/// <param name="Task">The task.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record PreparationTaskAdded(PreparationId Preparation, PreparationTask Task, Instant At, Actor By) : IDomainEvent;

/// <summary>A task was done.</summary>
/// <param name="Preparation">The preparation.</param>
/// <param name="Task">The task's key.</param>
/// <param name="DoneOn">When.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="By">Who.</param>
public sealed record PreparationTaskCompleted(PreparationId Preparation, TaskKey Task, LocalDate DoneOn, Instant At, Actor By) : IDomainEvent;

/// <summary>Someone was named to attend the event.</summary>
/// <param name="Preparation">The preparation.</param>
/// <param name="Attendee">The attendee.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record AttendeeNamed(PreparationId Preparation, Attendee Attendee, Instant At, Actor By) : IDomainEvent;

/// <summary>The coalition took a position to the event.</summary>
/// <param name="Preparation">The preparation.</param>
/// <param name="Position">The position.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record PositionTaken(PreparationId Preparation, EventPosition Position, Instant At, Actor By) : IDomainEvent;

/// <summary>The pre-meeting was planned.</summary>
/// <param name="Preparation">The preparation.</param>
/// <param name="Meeting">The meeting.</param>
/// <param name="On">Its day.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record PreMeetingPlanned(PreparationId Preparation, MeetingId Meeting, LocalDate On, Instant At, Actor By) : IDomainEvent;

/// <summary>The pre-meeting's outcome was recorded.</summary>
/// <param name="Preparation">The preparation.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record PreMeetingRecorded(PreparationId Preparation, PreMeetingOutcome Outcome, Instant At, Actor By) : IDomainEvent;

/// <summary>The preparation was concluded after the event.</summary>
/// <param name="Preparation">The preparation.</param>
/// <param name="Debrief">What was learned: at most 20,000 characters.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record PreparationConcluded(PreparationId Preparation, string? Debrief, Instant At, Actor By) : IDomainEvent;

/// <summary>The preparation was called off.</summary>
/// <param name="Preparation">The preparation.</param>
/// <param name="Reason">Why, if given.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record PreparationCancelled(PreparationId Preparation, string? Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>
/// The coalition's preparation for an external event it attends (an intergovernmental meeting): a plan of tasks counted
/// back from the event, since the months before it are where most of the work is done; the people it sends; the positions
/// it takes, each resting on an adopted decision; the network's pre-meeting shortly before (latest updates, priorities
/// and game plan, tasks allocated, processes agreed, training for new participants); and a readiness summary in words.
/// </summary>
/// <remarks>
/// <para>Lifecycle: Preparing → Concluded (after the event closes) or Cancelled. See
/// <c>docs/diagrams/preparation-lifecycle.md</c>. Task statuses (on track, late, done) follow from their dates.</para>
/// <para>Who may act: a coordinator of the coalition begins it; its leads (the person who began it and those it names)
/// take its steps; a task's owner may record the task done.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class EventPreparation : AggregateRoot<PreparationId>
{
    private const int MaxTasks = 500;
    private const int MaxAttendees = 200;
    private const int MaxPositions = 50;
    private const int PreMeetingWindowDays = 14;

    private static readonly Permissions<EventPreparation, Acting> Who = new(nameof(EventPreparation));
    private static readonly Role<EventPreparation, Acting> Coordinator = Who.Role(
        "a coordinator of the coalition",
        static (_, by, acting) => by.Kind == ActorKind.Person && by.Person is { } person && acting.Coalition?.IsCoordinator(person) == true);
    private static readonly Role<EventPreparation, Acting> Lead = Who.Role(
        "a lead of the preparation (the person who began it or one it names)",
        static (preparation, by, _) => by.Kind == ActorKind.Person && by.Person is { } person && preparation._leads.Contains(person));
    private static readonly Role<EventPreparation, Acting> TaskOwner = Who.Role(
        "the person who owns the task",
        static (_, by, acting) => by.Kind == ActorKind.Person && acting.Task is { } task && by.Person == task.OwnerPerson);

    private static readonly Command<EventPreparation, Acting> BeginCommand = Who.Command(nameof(Begin), ErrorCodes.Coalitions.NotACoordinator, Coordinator);
    private static readonly Command<EventPreparation, Acting> AddTaskCommand = Who.Command(nameof(AddTask), ErrorCodes.Meetings.NotALead, Lead);
    private static readonly Command<EventPreparation, Acting> CompleteTaskCommand = Who.Command(nameof(CompleteTask), ErrorCodes.Meetings.NotALead, TaskOwner, Lead);
    private static readonly Command<EventPreparation, Acting> NameAttendeeCommand = Who.Command(nameof(NameAttendee), ErrorCodes.Meetings.NotALead, Lead);
    private static readonly Command<EventPreparation, Acting> TakePositionCommand = Who.Command(nameof(TakePosition), ErrorCodes.Meetings.NotALead, Lead);
    private static readonly Command<EventPreparation, Acting> PlanPreMeetingCommand = Who.Command(nameof(PlanPreMeeting), ErrorCodes.Meetings.NotALead, Lead);
    private static readonly Command<EventPreparation, Acting> RecordPreMeetingCommand = Who.Command(nameof(RecordPreMeeting), ErrorCodes.Meetings.NotALead, Lead);
    private static readonly Command<EventPreparation, Acting> ConcludeCommand = Who.Command(nameof(Conclude), ErrorCodes.Meetings.NotALead, Lead);
    private static readonly Command<EventPreparation, Acting> CancelCommand = Who.Command(nameof(Cancel), ErrorCodes.Meetings.NotALead, Lead);

    private readonly Dictionary<TaskKey, PreparationTask> _tasks = [];
    private readonly Dictionary<TaskKey, LocalDate> _done = [];
    private readonly Dictionary<PersonId, Attendee> _attendees = [];
    private readonly Dictionary<PositionKey, EventPosition> _positions = [];
    private readonly HashSet<PersonId> _leads = [];
    private StateMachine<PreparationStatus, Step>? _machine;
    private PreparationStatus _status = PreparationStatus.Preparing;
    private LocalDate _today;

    private EventPreparation()
    {
    }

    private enum Step
    {
        Work,
        Conclude,
        Cancel,
    }

    /// <summary>Gets the coalition.</summary>
    public CoalitionId Coalition { get; private set; }

    /// <summary>Gets the event.</summary>
    public ExternalEvent Event { get; private set; } = null!;

    /// <summary>Gets the status.</summary>
    public PreparationStatus Status => _status;

    /// <summary>Gets who leads it.</summary>
    public IReadOnlyCollection<PersonId> Leads => _leads;

    /// <summary>Gets the plan's tasks, in the order added.</summary>
    public IReadOnlyCollection<PreparationTask> Tasks => _tasks.Values;

    /// <summary>Gets who the coalition sends.</summary>
    public IReadOnlyCollection<Attendee> Attendees => _attendees.Values;

    /// <summary>Gets the positions the coalition takes to the event.</summary>
    public IReadOnlyCollection<EventPosition> Positions => _positions.Values;

    /// <summary>Gets the pre-meeting, once planned.</summary>
    public MeetingId? PreMeeting { get; private set; }

    /// <summary>Gets the pre-meeting's day, once planned.</summary>
    public LocalDate? PreMeetingOn { get; private set; }

    /// <summary>Gets what the pre-meeting settled, once recorded.</summary>
    public PreMeetingOutcome? PreMeetingOutcome { get; private set; }

    /// <summary>Gets the debrief, once concluded.</summary>
    public string? Debrief { get; private set; }

    private StateMachine<PreparationStatus, Step> Machine => _machine ??= BuildMachine();

    private DateTimeZone Zone => DateTimeZoneProviders.Tzdb.GetZoneOrNull(Event.TimeZone) ?? DateTimeZone.Utc;

    /// <summary>Begins the coalition's preparation for an external event.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="externalEvent">The event: name, place, time zone, opening and closing days.</param>
    /// <param name="leads">Who leads it besides the person beginning it: at most ten.</param>
    /// <param name="coalition">The coalition, read for its coordinators.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it begins; before the event opens.</param>
    /// <returns>The preparation.</returns>
    /// <exception cref="CoalitionRuleException">Not a coordinator (<c>Coalitions.NotACoordinator</c>); an invalid event or one already open (<c>Meetings.InvalidPreparation</c>).</exception>
    /// <example>
    /// <code>
    /// var preparation = EventPreparation.Begin(PreparationId.New(),
    ///     new ExternalEvent("Education financing conference", "Geneva", "Europe/Zurich", new LocalDate(2026, 6, 15), new LocalDate(2026, 6, 17)),
    ///     [], coalition, coordinator, now);
    /// </code>
    /// </example>
    public static EventPreparation Begin(PreparationId id, ExternalEvent externalEvent, IReadOnlyList<PersonId> leads, CoalitionAggregate coalition, Actor by, Instant at)
    {
        var preparation = new EventPreparation();
        Ensure.NotNull(coalition, nameof(coalition));
        BeginCommand.Authorize(preparation, by, at, new Acting(coalition), externalEvent?.Name ?? "a new preparation");
        Ensure.Id(id, nameof(id));
        ExternalEventValidator.Instance.EnsureValid(externalEvent);
        var others = Ensure.Ids(leads, nameof(leads), 10);
        if (at.InZone(DateTimeZoneProviders.Tzdb[externalEvent.TimeZone]).Date >= externalEvent.Opens)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.InvalidPreparation, "'{event}' opens on {opens}; preparing for it begins before then.", ("event", externalEvent.Name), ("opens", externalEvent.Opens));
        }

        var trimmed = externalEvent with { Name = externalEvent.Name.Trim(), Place = externalEvent.Place.Trim(), Organizer = externalEvent.Organizer?.Trim() };
        preparation.Raise(new PreparationBegun(id, coalition.Id, trimmed, new[] { by.Person!.Value }.Concat(others).Distinct().ToArray(), at, by));
        return preparation;
    }

    /// <summary>Rebuilds a preparation from its events, checking that they form its history.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The preparation.</returns>
    /// <exception cref="StoredEventException">The events are not the history of one preparation (<c>Kernel.CorruptHistory</c>).</exception>
    public static EventPreparation Rehydrate(IEnumerable<IDomainEvent> history) => Rebuild(new EventPreparation(), history);

    /// <summary>The preparation lifecycle as a Mermaid state diagram, generated from the state machine.</summary>
    /// <returns>The diagram text.</returns>
    public static string LifecycleDiagram() => MermaidGraph.Format(new EventPreparation().Machine.GetInfo());

    /// <summary>The day a task counted back from the event is due.</summary>
    /// <param name="task">The task.</param>
    /// <returns>The event's opening day less the task's period (no earlier than 1900).</returns>
    public LocalDate DueOf(PreparationTask task)
    {
        Ensure.NotNull(task, nameof(task));
        var due = Event.Opens.Minus(task.Before);
        return due < Limits.EarliestDate ? Limits.EarliestDate : due;
    }

    /// <summary>Adds a task to the plan, counted back from the event.</summary>
    /// <param name="task">The task: a unique key, a description, an owner who is a delegate of a member, and how long before the event it is due.</param>
    /// <param name="coalition">The coalition, read for the owner's membership.</param>
    /// <param name="by">A lead of the preparation.</param>
    /// <param name="at">When it is added.</param>
    /// <exception cref="CoalitionRuleException">Not a lead (<c>Meetings.NotALead</c>); concluded or cancelled (<c>Meetings.PreparationClosed</c>); an invalid task or key taken (<c>Meetings.InvalidPreparation</c>).</exception>
    public void AddTask(PreparationTask task, CoalitionAggregate coalition, Actor by, Instant at)
    {
        AddTaskCommand.Authorize(this, by, at, default, Event.Name);
        Ensure.NotNull(coalition, nameof(coalition));
        PreparationTaskValidator.Instance.EnsureValid(task);
        EnsureStep(Step.Work, at);
        CheckTasks([task], coalition);
        Raise(new PreparationTaskAdded(Id, task with { Description = task.Description.Trim() }, at, by));
    }

    /// <summary>Records a task done.</summary>
    /// <param name="task">The task's key.</param>
    /// <param name="on">When it was done: no later than today in the event's time zone.</param>
    /// <param name="by">The person who owns the task, or a lead of the preparation.</param>
    /// <param name="at">When it is recorded.</param>
    /// <exception cref="CoalitionRuleException">Not the owner or a lead; concluded or cancelled (<c>Meetings.PreparationClosed</c>); no such open task (<c>Meetings.UnknownTask</c>); a date in the future (<c>Kernel.OutOfRange</c>).</exception>
    public void CompleteTask(TaskKey task, LocalDate on, Actor by, Instant at)
    {
        CompleteTaskCommand.Authorize(this, by, at, new Acting(Task: TypedKey.IsValid(task) ? _tasks.GetValueOrDefault(task) : null), Event.Name);
        Ensure.Date(on, nameof(on));
        EnsureStep(Step.Work, at);
        if (!TypedKey.IsValid(task) || !_tasks.ContainsKey(task) || _done.ContainsKey(task))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.UnknownTask, "The preparation for '{event}' has no open task '{task}'.", ("event", Event.Name), ("task", TypedKey.Show(task.Value)));
        }

        if (on > _today)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "A task cannot be recorded done on {on}, after today ({today}).", ("on", on), ("today", _today));
        }

        Raise(new PreparationTaskCompleted(Id, task, on, at, by));
    }

    /// <summary>Names someone the coalition sends to the event.</summary>
    /// <param name="attendee">The person, the member they represent (they must be its delegate), their name, and whether they are new to such events.</param>
    /// <param name="coalition">The coalition, read for membership and delegates.</param>
    /// <param name="by">A lead of the preparation.</param>
    /// <param name="at">When they are named.</param>
    /// <exception cref="CoalitionRuleException">Not a lead; another coalition (<c>Coalitions.OtherCoalition</c>); concluded or cancelled (<c>Meetings.PreparationClosed</c>); an invalid attendee, named already, or not a delegate of a member (<c>Meetings.InvalidPreparation</c>).</exception>
    public void NameAttendee(Attendee attendee, CoalitionAggregate coalition, Actor by, Instant at)
    {
        NameAttendeeCommand.Authorize(this, by, at, default, Event.Name);
        Ensure.NotNull(coalition, nameof(coalition));
        AttendeeValidator.Instance.EnsureValid(attendee);
        EnsureStep(Step.Work, at);
        if (coalition.Id != Coalition)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "The preparation for '{event}' belongs to another coalition than {coalition}.", ("event", Event.Name), ("coalition", coalition.Name));
        }

        if (_attendees.ContainsKey(attendee.Person) || _attendees.Count >= MaxAttendees || !IsDelegate(coalition, attendee.Member, attendee.Person))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.InvalidPreparation, "{name} cannot be named to attend '{event}': named already, or not a delegate of a member of {coalition}.", ("name", attendee.Name), ("event", Event.Name), ("coalition", coalition.Name));
        }

        Raise(new AttendeeNamed(Id, attendee with { Name = attendee.Name.Trim() }, at, by));
    }

    /// <summary>Takes a position to the event: it rests on an adopted decision of the coalition to adopt a policy position or issue a statement.</summary>
    /// <param name="key">The position's key.</param>
    /// <param name="title">Its title: one line of at most 200 characters.</param>
    /// <param name="decision">The adopted decision, taken no later than <paramref name="at"/>.</param>
    /// <param name="coalition">The coalition, for the decision's check.</param>
    /// <param name="by">A lead of the preparation.</param>
    /// <param name="at">When it is taken.</param>
    /// <exception cref="CoalitionRuleException">Not a lead; concluded or cancelled; a key taken (<c>Meetings.InvalidPreparation</c>); a decision that does not authorize it (<c>Coalitions.DecisionRequired</c>).</exception>
    public void TakePosition(PositionKey key, string title, DecisionReference decision, CoalitionAggregate coalition, Actor by, Instant at)
    {
        TakePositionCommand.Authorize(this, by, at, default, Event.Name);
        Ensure.NotNull(coalition, nameof(coalition));
        if (!TypedKey.IsValid(key))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.InvalidText, "A position's key is one line of 1 to 64 characters.");
        }

        FreeText.Check(title, nameof(title), required: true, Limits.NameLength);
        EnsureStep(Step.Work, at);
        if (coalition.Id != Coalition)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "The preparation for '{event}' belongs to another coalition than {coalition}.", ("event", Event.Name), ("coalition", coalition.Name));
        }

        DecisionReference.Check(decision, true, Coalition, coalition.Name, at, MatterType.AdoptPolicyPosition, MatterType.IssuePublicStatement);
        if (_positions.ContainsKey(key) || _positions.Count >= MaxPositions || !FreeText.IsSingleLine(title))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.InvalidPreparation, "The preparation for '{event}' already has the position '{key}', holds 50, or the title is not one line.", ("event", Event.Name), ("key", key.Value));
        }

        Raise(new PositionTaken(Id, new EventPosition(key, title.Trim(), decision), at, by));
    }

    /// <summary>Plans the network's pre-meeting: a meeting in the 14 days before the event opens.</summary>
    /// <param name="meeting">The meeting convened for it.</param>
    /// <param name="on">Its day, in the event's time zone: in the 14 days before the event opens, and not already past.</param>
    /// <param name="by">A lead of the preparation.</param>
    /// <param name="at">When it is planned.</param>
    /// <exception cref="CoalitionRuleException">Not a lead; concluded or cancelled; a day outside the window (<c>Meetings.PreMeetingTiming</c>).</exception>
    public void PlanPreMeeting(MeetingId meeting, LocalDate on, Actor by, Instant at)
    {
        PlanPreMeetingCommand.Authorize(this, by, at, default, Event.Name);
        Ensure.Id(meeting, nameof(meeting));
        Ensure.Date(on, nameof(on));
        EnsureStep(Step.Work, at);
        if (on >= Event.Opens || on < Event.Opens.PlusDays(-PreMeetingWindowDays) || on < _today)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.PreMeetingTiming, "The pre-meeting for '{event}' falls in the {days} days before it opens on {opens}, from today; {on} does not.", ("event", Event.Name), ("days", PreMeetingWindowDays), ("opens", Event.Opens), ("on", on));
        }

        Raise(new PreMeetingPlanned(Id, meeting, on, at, by));
    }

    /// <summary>Records what the pre-meeting settled: updates, priorities, game plan, tasks allocated, processes agreed, training given.</summary>
    /// <param name="outcome">The outcome; its allocations are added to the plan, and those trained must be attendees.</param>
    /// <param name="coalition">The coalition, read for the owners of allocated tasks.</param>
    /// <param name="by">A lead of the preparation.</param>
    /// <param name="at">When it is recorded: on or after the pre-meeting's day.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a lead; concluded or cancelled; no pre-meeting planned, or before its day, or recorded already (<c>Meetings.PreMeetingTiming</c>); an
    /// invalid outcome, a task key taken or someone trained who is not an attendee (<c>Meetings.InvalidPreparation</c>).
    /// </exception>
    public void RecordPreMeeting(PreMeetingOutcome outcome, CoalitionAggregate coalition, Actor by, Instant at)
    {
        RecordPreMeetingCommand.Authorize(this, by, at, default, Event.Name);
        Ensure.NotNull(coalition, nameof(coalition));
        PreMeetingOutcomeValidator.Instance.EnsureValid(outcome);
        EnsureStep(Step.Work, at);
        if (PreMeetingOn is not { } on || _today < on || PreMeetingOutcome is not null)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.PreMeetingTiming, "The pre-meeting for '{event}' must be planned, held (on or after its day) and recorded once.", ("event", Event.Name));
        }

        CheckTasks(outcome.Allocations, coalition);
        if (outcome.Trained.Any(p => !_attendees.ContainsKey(p)))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.InvalidPreparation, "Only attendees of '{event}' are trained for it at the pre-meeting.", ("event", Event.Name));
        }

        Raise(new PreMeetingRecorded(Id, outcome with
        {
            Updates = outcome.Updates.Trim(),
            GamePlan = outcome.GamePlan.Trim(),
            Priorities = outcome.Priorities.Select(p => p.Trim()).ToArray(),
            Processes = outcome.Processes.Select(p => p.Trim()).ToArray(),
            Allocations = outcome.Allocations.Select(t => t with { Description = t.Description.Trim() }).ToArray(),
            Trained = outcome.Trained.Distinct().ToArray(),
        }, at, by));
    }

    /// <summary>Concludes the preparation once the event has closed, with a debrief.</summary>
    /// <param name="debrief">What was learned, if written: at most 20,000 characters.</param>
    /// <param name="by">A lead of the preparation.</param>
    /// <param name="at">When the preparation is concluded: after the event's closing day.</param>
    /// <exception cref="CoalitionRuleException">Not a lead; before the event closed, or already concluded or cancelled (<c>Meetings.PreparationClosed</c>).</exception>
    public void Conclude(string? debrief, Actor by, Instant at)
    {
        ConcludeCommand.Authorize(this, by, at, default, Event.Name);
        FreeText.Check(debrief, nameof(debrief), required: false, Limits.DocumentLength);
        EnsureStep(Step.Conclude, at);
        Raise(new PreparationConcluded(Id, debrief?.Trim(), at, by));
    }

    /// <summary>Calls the preparation off.</summary>
    /// <param name="reason">Why, if given: at most 2,000 characters.</param>
    /// <param name="by">A lead of the preparation.</param>
    /// <param name="at">When the preparation is called off.</param>
    /// <exception cref="CoalitionRuleException">Not a lead; already concluded or cancelled (<c>Meetings.PreparationClosed</c>).</exception>
    public void Cancel(string? reason, Actor by, Instant at)
    {
        CancelCommand.Authorize(this, by, at, default, Event.Name);
        FreeText.Check(reason, nameof(reason), required: false);
        EnsureStep(Step.Cancel, at);
        Raise(new PreparationCancelled(Id, reason?.Trim(), at, by));
    }

    /// <summary>Every task with where it stands on a date, by due date.</summary>
    /// <param name="on">The date, in the event's time zone.</param>
    /// <returns>The tasks.</returns>
    public IReadOnlyList<TaskState> TasksOn(LocalDate on) =>
        _tasks.Values.Select(t =>
        {
            var due = DueOf(t);
            var done = _done.TryGetValue(t.Key, out var d) && d <= on ? d : (LocalDate?)null;
            return new TaskState(t, due, done is not null ? PreparationTaskStatus.Done : due < on ? PreparationTaskStatus.Late : PreparationTaskStatus.OnTrack, done);
        }).OrderBy(t => t.Due).ThenBy(t => t.Task.Key.Value, StringComparer.Ordinal).ToArray();

    /// <summary>How ready the coalition is on a date: tasks done, late and on track, and what is missing, in words.</summary>
    /// <param name="on">The date, in the event's time zone.</param>
    /// <returns>The readiness.</returns>
    public Readiness ReadinessOn(LocalDate on)
    {
        Ensure.Date(on, nameof(on));
        var tasks = TasksOn(on);
        var done = tasks.Where(t => t.Status == PreparationTaskStatus.Done).ToArray();
        var late = tasks.Where(t => t.Status == PreparationTaskStatus.Late).ToArray();
        var onTrack = tasks.Where(t => t.Status == PreparationTaskStatus.OnTrack).ToArray();
        var daysToGo = Period.Between(on, Event.Opens, PeriodUnits.Days).Days;
        var gaps = new List<ReadinessGap>();
        if (tasks.Count == 0)
        {
            gaps.Add(ReadinessGap.NoTasks);
        }

        if (_attendees.Count == 0)
        {
            gaps.Add(ReadinessGap.NoAttendees);
        }

        if (_positions.Count == 0)
        {
            gaps.Add(ReadinessGap.NoPosition);
        }

        if (PreMeetingOn is null && daysToGo <= PreMeetingWindowDays)
        {
            gaps.Add(ReadinessGap.NoPreMeeting);
        }

        if (PreMeetingOn is { } pre && pre < on && PreMeetingOutcome is null)
        {
            gaps.Add(ReadinessGap.PreMeetingNotRecorded);
        }

        var newcomers = _attendees.Values.Where(a => a.NewParticipant && PreMeetingOutcome?.Trained.Contains(a.Person) != true).ToArray();
        if (newcomers.Length > 0 && (PreMeetingOutcome is not null || daysToGo <= 0))
        {
            gaps.Add(ReadinessGap.NewcomersNotTrained);
        }

        if (_positions.Values.Any(p => p.Decision.DecidedAt.InZone(Zone).Date > Event.Opens.PlusDays(-7)))
        {
            gaps.Add(ReadinessGap.LastMinutePosition);
        }

        if (tasks.Count >= 2 && tasks.Count(t => t.Due > Event.Opens.PlusMonths(-1)) * 2 > tasks.Count)
        {
            gaps.Add(ReadinessGap.WorkLeftLate);
        }

        return new Readiness(on, daysToGo, done, late, onTrack, gaps, Summarize(on, daysToGo, done, late, onTrack, gaps, newcomers));
    }

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is PreparationBegun;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => domainEvent switch
    {
        PreparationBegun e when !ExternalEventValidator.Instance.Validate(e.Event).IsValid || e.Leads.Count is 0 or > 11 || e.Leads.Distinct().Count() != e.Leads.Count => "the event or the leads are ill-formed.",
        PreparationBegun => null,
        _ when _status != PreparationStatus.Preparing => "the preparation is concluded or cancelled.",
        PreparationTaskAdded e when !PreparationTaskValidator.Instance.Validate(e.Task).IsValid || _tasks.ContainsKey(e.Task.Key) || _tasks.Count >= MaxTasks => "the task is ill-formed or its key is taken.",
        PreparationTaskCompleted e when !_tasks.ContainsKey(e.Task) || _done.ContainsKey(e.Task) => "there is no such open task.",
        AttendeeNamed e when !AttendeeValidator.Instance.Validate(e.Attendee).IsValid || _attendees.ContainsKey(e.Attendee.Person) || _attendees.Count >= MaxAttendees => "the attendee is ill-formed or named already.",
        PositionTaken e when _positions.ContainsKey(e.Position.Key) || _positions.Count >= MaxPositions || e.Position.Decision is null || e.Position.Decision.Coalition != Coalition => "the position is taken already or rests on another coalition's decision.",
        PreMeetingPlanned e when e.On >= Event.Opens || e.On < Event.Opens.PlusDays(-PreMeetingWindowDays) => "the pre-meeting falls outside the 14 days before the event.",
        PreMeetingRecorded when PreMeetingOn is null || PreMeetingOutcome is not null => "no pre-meeting is planned, or it is recorded already.",
        PreMeetingRecorded e when !PreMeetingOutcomeValidator.Instance.Validate(e.Outcome).IsValid || e.Outcome.Allocations.Any(t => _tasks.ContainsKey(t.Key)) || e.Outcome.Trained.Any(p => !_attendees.ContainsKey(p)) => "the outcome is ill-formed or names unknown attendees or taken task keys.",
        PreMeetingRecorded e when _tasks.Count + e.Outcome.Allocations.Count > MaxTasks => "the tasks it allocates would take the preparation past 500 tasks.",
        _ => null,
    };

    /// <inheritdoc />
    protected override void Apply(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case PreparationBegun e:
                Id = e.Preparation;
                Coalition = e.Coalition;
                Event = e.Event;
                _leads.UnionWith(e.Leads);
                break;
            case PreparationTaskAdded e:
                _tasks[e.Task.Key] = e.Task;
                break;
            case PreparationTaskCompleted e:
                _done[e.Task] = e.DoneOn;
                break;
            case AttendeeNamed e:
                _attendees[e.Attendee.Person] = e.Attendee;
                break;
            case PositionTaken e:
                _positions[e.Position.Key] = e.Position;
                break;
            case PreMeetingPlanned e:
                PreMeeting = e.Meeting;
                PreMeetingOn = e.On;
                break;
            case PreMeetingRecorded e:
                PreMeetingOutcome = e.Outcome;
                foreach (var task in e.Outcome.Allocations)
                {
                    _tasks[task.Key] = task;
                }

                break;
            case PreparationConcluded e:
                Debrief = e.Debrief;
                _status = PreparationStatus.Concluded;
                break;
            case PreparationCancelled:
                _status = PreparationStatus.Cancelled;
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }

    private static bool IsDelegate(CoalitionAggregate coalition, PartnerId member, PersonId person) =>
        coalition.TryGetMembership(member, out var membership) && membership.Delegates.Contains(person);

    private string Summarize(LocalDate on, int daysToGo, TaskState[] done, TaskState[] late, TaskState[] onTrack, List<ReadinessGap> gaps, Attendee[] newcomers)
    {
        var text = new StringBuilder();
        text.Append("Readiness for ").Append(Event.Name).Append(" on ").Append(Words.Format(on)).Append(": ")
            .Append(daysToGo > 0 ? $"{Words.Count(daysToGo, "day")} to go." : daysToGo == 0 ? "it opens today." : "it has opened.");
        text.Append("\nDone: ").Append(Words.Format(done.Length)).Append(" of ").Append(Words.Count(done.Length + late.Length + onTrack.Length, "task")).Append('.');
        if (late.Length > 0)
        {
            text.Append("\nLate: ").Append(Words.List(late.Select(t => $"{t.Task.Description.TrimEnd('.')} (due {Words.Format(t.Due)})"))).Append('.');
        }

        if (onTrack.Length > 0)
        {
            text.Append("\nOn track: ").Append(Words.List(onTrack.Select(t => $"{t.Task.Description.TrimEnd('.')} (due {Words.Format(t.Due)})"))).Append('.');
        }

        foreach (var gap in gaps)
        {
            text.Append("\nMissing: ").Append(gap switch
            {
                ReadinessGap.NoTasks => "a plan: no task is set.",
                ReadinessGap.NoAttendees => "attendees: nobody is named to attend.",
                ReadinessGap.NoPosition => "a position: the coalition takes none, resting on an adopted decision, to the event.",
                ReadinessGap.NoPreMeeting => "a pre-meeting: the event is two weeks away or less and none is planned.",
                ReadinessGap.PreMeetingNotRecorded => "the pre-meeting's outcome: its day has passed and nothing is recorded.",
                ReadinessGap.NewcomersNotTrained => $"training: {Words.List(newcomers.Select(n => n.Name))} {(newcomers.Length == 1 ? "is" : "are")} new and not trained.",
                ReadinessGap.LastMinutePosition => "time for common positions: a position was adopted in the last week before the event.",
                _ => "lead time: most tasks fall due in the last month, when the months before are where the work is done.",
            });
        }

        if (gaps.Count == 0 && late.Length == 0)
        {
            text.Append("\nNothing is missing.");
        }

        return text.ToString();
    }

    private void CheckTasks(IReadOnlyList<PreparationTask> tasks, CoalitionAggregate coalition)
    {
        if (coalition.Id != Coalition)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "The preparation for '{event}' belongs to another coalition than {coalition}.", ("event", Event.Name), ("coalition", coalition.Name));
        }

        if (_tasks.Count + tasks.Count > MaxTasks)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "A preparation holds at most {max} tasks.", ("max", MaxTasks));
        }

        foreach (var task in tasks)
        {
            if (_tasks.ContainsKey(task.Key) || !IsDelegate(coalition, task.OwnerMember, task.OwnerPerson))
            {
                throw CoalitionRuleException.Because(ErrorCodes.Meetings.InvalidPreparation, "The task '{task}' is in the plan already, or its owner is not a delegate of a member of {coalition}.", ("task", task.Key.Value), ("coalition", coalition.Name));
            }
        }
    }

    private void EnsureStep(Step step, Instant at)
    {
        _today = at.InZone(Zone).Date;
        if (!Machine.CanFire(step, out var unmet))
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Meetings.PreparationClosed,
                unmet is { Count: > 0 } ? "The preparation for '{event}' cannot do that yet: it requires that {requirements}." : "The preparation for '{event}' is {status}.",
                ("event", Event.Name), ("status", _status), ("requirements", unmet?.ToArray() ?? []));
        }
    }

    private StateMachine<PreparationStatus, Step> BuildMachine()
    {
        var machine = new StateMachine<PreparationStatus, Step>(() => _status, s => _status = s);
        machine.Configure(PreparationStatus.Preparing)
            .PermitReentry(Step.Work)
            .PermitIf(Step.Conclude, PreparationStatus.Concluded, () => Event is not null && _today > Event.Closes, "the event has closed")
            .Permit(Step.Cancel, PreparationStatus.Cancelled);
        machine.Configure(PreparationStatus.Concluded);
        machine.Configure(PreparationStatus.Cancelled);
        return machine;
    }

    private readonly record struct Acting(CoalitionAggregate? Coalition = null, PreparationTask? Task = null);
}

/// <summary>Checks an <see cref="ExternalEvent"/>.</summary>
internal sealed class ExternalEventValidator : AbstractValidator<ExternalEvent>
{
    public static readonly ExternalEventValidator Instance = new();

    private ExternalEventValidator()
    {
        RuleFor(e => e.Name).IsName();
        RuleFor(e => e.Place).IsName();
        RuleFor(e => e.Organizer).IsName(required: false);
        RuleFor(e => e.TimeZone).Must(MeetingRules.IsZone).WithErrorCode(ErrorCodes.Partners.UnknownTimeZone.Code).WithMessage("The event's time zone must be an id of the tz database.");
        RuleFor(e => e.Opens).IsDate();
        RuleFor(e => e.Closes).IsDate().Must((e, closes) => !Limits.IsDate(e.Opens) || !Limits.IsDate(closes) || (closes >= e.Opens && closes <= e.Opens.PlusDays(60)))
            .WithErrorCode(ErrorCodes.Meetings.InvalidPreparation.Code).WithMessage("An event closes on or after the day it opens, at most 60 days later.");
    }
}

/// <summary>Checks a <see cref="PreparationTask"/>.</summary>
internal sealed class PreparationTaskValidator : AbstractValidator<PreparationTask>
{
    public static readonly PreparationTaskValidator Instance = new();

    private PreparationTaskValidator()
    {
        RuleFor(t => t.Key).Must(TypedKey.IsValid).WithErrorCode(ErrorCodes.Kernel.InvalidText.Code).WithMessage("A task's key is one line of 1 to 64 characters.");
        RuleFor(t => t.Description).IsText(Limits.ReasonLength);
        RuleFor(t => t.OwnerMember).IsId();
        RuleFor(t => t.OwnerPerson).IsId();
        RuleFor(t => t.Before).IsDatePeriod(allowZero: true);
    }
}

/// <summary>Checks an <see cref="Attendee"/>.</summary>
internal sealed class AttendeeValidator : AbstractValidator<Attendee>
{
    public static readonly AttendeeValidator Instance = new();

    private AttendeeValidator()
    {
        RuleFor(a => a.Member).IsId();
        RuleFor(a => a.Person).IsId();
        RuleFor(a => a.Name).IsName();
    }
}

/// <summary>Checks a <see cref="PreMeetingOutcome"/>.</summary>
internal sealed class PreMeetingOutcomeValidator : AbstractValidator<PreMeetingOutcome>
{
    public static readonly PreMeetingOutcomeValidator Instance = new();

    private PreMeetingOutcomeValidator()
    {
        var code = ErrorCodes.Meetings.PreMeetingTiming.Code;
        RuleFor(o => o.Updates).IsText(Limits.DocumentLength);
        RuleFor(o => o.GamePlan).IsText(Limits.DocumentLength);
        RuleFor(o => o.Priorities).Must(p => p is { Count: >= 1 and <= 20 } && p.All(x => FreeText.Problem(x, true, Limits.NameLength) is null && FreeText.IsSingleLine(x)))
            .WithErrorCode(code).WithMessage("The pre-meeting reviews 1 to 20 priorities, each one line of at most 200 characters.");
        RuleFor(o => o.Processes).Must(p => p is { Count: >= 1 and <= 20 } && p.All(x => FreeText.Problem(x, true, Limits.NameLength) is null && FreeText.IsSingleLine(x)))
            .WithErrorCode(code).WithMessage("The pre-meeting agrees 1 to 20 processes, each one line of at most 200 characters.");
        RuleFor(o => o.Allocations).IsList(100)
            .Must(a => a is null || a.Where(x => x is not null).Select(x => x.Key).Distinct().Count() == a.Count(x => x is not null)).WithErrorCode(ErrorCodes.Meetings.InvalidPreparation.Code)
            .WithMessage("Each task allocated has its own key.");
        RuleForEach(o => o.Allocations).SetValidator(PreparationTaskValidator.Instance!).When(o => o.Allocations is not null && o.Allocations.All(x => x is not null));
        RuleFor(o => o.Trained).Must(t => t is { Count: <= 200 } && t.All(x => x.Value != Guid.Empty)).WithErrorCode(ErrorCodes.Kernel.InvalidInput.Code)
            .WithMessage("Those trained are at most 200 people, none the empty id.");
    }
}
