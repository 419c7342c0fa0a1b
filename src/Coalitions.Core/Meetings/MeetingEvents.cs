using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using NodaTime;

namespace Coalitions.Core.Meetings;

/// <summary>A meeting was convened.</summary>
/// <param name="Meeting">The meeting.</param>
/// <param name="Coalition">The coalition.</param>
/// <param name="TimeZone">The coalition's time zone, in which the meeting's dates are kept.</param>
/// <param name="Title">Its title.</param>
/// <param name="Format">Its format.</param>
/// <param name="Participants">Who is invited.</param>
/// <param name="Facilitators">Who facilitates it, the convenor first.</param>
/// <param name="Body">The body meeting, if any.</param>
/// <param name="Location">Where, if in person or hybrid.</param>
/// <param name="OnlineLink">The link to join online, if any.</param>
/// <param name="Series">The series, if any.</param>
/// <param name="Purpose">What it is for, if stated.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MeetingConvened(
    MeetingId Meeting,
    CoalitionId Coalition,
    string TimeZone,
    string Title,
    MeetingFormat Format,
    IReadOnlyList<MeetingParticipant> Participants,
    IReadOnlyList<PersonId> Facilitators,
    BodyKey? Body,
    string? Location,
    string? OnlineLink,
    MeetingSeriesId? Series,
    string? Purpose,
    Instant At,
    Actor By) : IDomainEvent;

/// <summary>A meeting was given a start and a length (again, when rescheduled).</summary>
/// <param name="Meeting">The meeting.</param>
/// <param name="Start">When it starts.</param>
/// <param name="Length">How long it lasts.</param>
/// <param name="Sequence">How many times it has been scheduled before (0 the first time), for calendar updates.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MeetingScheduled(MeetingId Meeting, Instant Start, Duration Length, int Sequence, Instant At, Actor By) : IDomainEvent;

/// <summary>A scheduled meeting was put off.</summary>
/// <param name="Meeting">The meeting.</param>
/// <param name="Reason">Why, if given.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MeetingPostponed(MeetingId Meeting, string? Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>A meeting was called off.</summary>
/// <param name="Meeting">The meeting.</param>
/// <param name="Reason">Why, if given.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MeetingCancelled(MeetingId Meeting, string? Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>An item was added to a meeting's agenda (an action review when actions were carried forward).</summary>
/// <param name="Meeting">The meeting.</param>
/// <param name="Item">The item.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record AgendaItemAdded(MeetingId Meeting, AgendaItem Item, Instant At, Actor By) : IDomainEvent;

/// <summary>An item was taken off a meeting's agenda.</summary>
/// <param name="Meeting">The meeting.</param>
/// <param name="Item">The item's key.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record AgendaItemRemoved(MeetingId Meeting, AgendaKey Item, Instant At, Actor By) : IDomainEvent;

/// <summary>A meeting's attendance was recorded (replacing any earlier record).</summary>
/// <param name="Meeting">The meeting.</param>
/// <param name="Entries">How each invited member took part; a member not listed is absent.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MeetingAttendanceRecorded(MeetingId Meeting, IReadOnlyList<AttendanceEntry> Entries, Instant At, Actor By) : IDomainEvent;

/// <summary>A meeting was held and adjourned.</summary>
/// <param name="Meeting">The meeting.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MeetingAdjourned(MeetingId Meeting, Instant At, Actor By) : IDomainEvent;

/// <summary>A meeting's minutes were recorded.</summary>
/// <param name="Meeting">The meeting.</param>
/// <param name="Minutes">The minutes.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MinutesRecorded(MeetingId Meeting, Minutes Minutes, Instant At, Actor By) : IDomainEvent;

/// <summary>An action item a meeting set was done.</summary>
/// <param name="Meeting">The meeting whose minutes set it.</param>
/// <param name="Action">The action item's key.</param>
/// <param name="DoneOn">When it was done.</param>
/// <param name="Note">A note, if any.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ActionItemCompleted(MeetingId Meeting, ActionKey Action, LocalDate DoneOn, string? Note, Instant At, Actor By) : IDomainEvent;
