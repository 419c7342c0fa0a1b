namespace Coalitions.Core.Kernel;

public static partial class ErrorCodes
{
    /// <summary>Codes of meetings, meeting series, scheduling across time zones and preparation before external events.</summary>
    public static class Meetings
    {
        /// <summary>Only a body's convenor or a coordinator convenes a meeting or begins a series.</summary>
        public static readonly ErrorCode NotAConvenor = new("Meetings.NotAConvenor", "A body's meeting or series is convened by the body's convenor (the holder of the office that convenes it, else its chair, acting through one of its member's delegates) or by a coordinator of the coalition.");

        /// <summary>Only a facilitator takes a meeting's or a series' steps.</summary>
        public static readonly ErrorCode NotAFacilitator = new("Meetings.NotAFacilitator", "Only a facilitator of the meeting or series (the person who convened it or one it names) schedules it, sets its agenda, records its attendance and minutes; an action item's owner may also record it done.");

        /// <summary>A meeting plan must be complete and within bounds.</summary>
        public static readonly ErrorCode InvalidMeeting = new("Meetings.InvalidMeeting", "A meeting names a title, a format with a place for an in-person or hybrid meeting, one to 500 participants who are members of the coalition (each person once), and at most ten facilitators.");

        /// <summary>A meeting moves through its lifecycle in order.</summary>
        public static readonly ErrorCode InvalidTransition = new("Meetings.InvalidTransition", "A meeting moves Planned, Scheduled, Held, Minuted in order; a scheduled meeting may be postponed and scheduled again; it may be cancelled until it is held.");

        /// <summary>A meeting is scheduled for the future.</summary>
        public static readonly ErrorCode InThePast = new("Meetings.InThePast", "A meeting is scheduled to start after the moment it is scheduled, and to last from 15 minutes to 7 days.");

        /// <summary>A meeting is recorded as held only once it has started and its attendance is known.</summary>
        public static readonly ErrorCode NotStarted = new("Meetings.NotStarted", "Attendance is recorded from the meeting's start, and a meeting is adjourned (held) only after it has started and its attendance is recorded.");

        /// <summary>The agenda fits the meeting.</summary>
        public static readonly ErrorCode AgendaOverrun = new("Meetings.AgendaOverrun", "The time boxes of a meeting's agenda add up to no more than the meeting's length.");

        /// <summary>An agenda item is well-formed.</summary>
        public static readonly ErrorCode InvalidAgendaItem = new("Meetings.InvalidAgendaItem", "An agenda item has a unique key, a title, a time box of 1 minute to 8 hours, and links what its kind needs: a proposal for a decision, a poll for a poll, a report for a report; each proposal and poll is linked once, and action reviews are carried forward, not added.");

        /// <summary>An agenda item named must exist.</summary>
        public static readonly ErrorCode UnknownAgendaItem = new("Meetings.UnknownAgendaItem", "An agenda item named must be on the meeting's agenda.");

        /// <summary>A decision is minuted, and attendance handed to a proposal, only for a proposal the agenda links.</summary>
        public static readonly ErrorCode NotOnAgenda = new("Meetings.NotOnAgenda", "A meeting minutes decisions on, and hands its attendance to, only the proposals its agenda links as decision items.");

        /// <summary>Attendance names invited members only.</summary>
        public static readonly ErrorCode NotInvited = new("Meetings.NotInvited", "Attendance is recorded for the members the meeting invited, each once; a proxy is held by another invited member recorded present.");

        /// <summary>Attendance must be recorded first.</summary>
        public static readonly ErrorCode AttendanceRequired = new("Meetings.AttendanceRequired", "A meeting's attendance is recorded before it is adjourned or handed to a proposal.");

        /// <summary>An action item is well-formed.</summary>
        public static readonly ErrorCode InvalidAction = new("Meetings.InvalidAction", "An action item has a unique key, a description, an owner who is a delegate of a member of the coalition, and a due date no earlier than the meeting.");

        /// <summary>An action item named must exist and be open.</summary>
        public static readonly ErrorCode UnknownAction = new("Meetings.UnknownAction", "An action item named must be one the meeting's minutes record, not yet done.");

        /// <summary>Carrying forward needs open actions of earlier, minuted meetings.</summary>
        public static readonly ErrorCode NoOpenActions = new("Meetings.NoOpenActions", "Actions are carried forward from earlier minuted meetings of the same coalition, and only when some are still open.");

        /// <summary>A search for slots is well-formed.</summary>
        public static readonly ErrorCode InvalidSearch = new("Meetings.InvalidSearch", "A search for meeting slots names 1 to 50 participants with working hours (a start before the end, on at least one defined day), a window of 1 to 31 days, a length of 15 minutes to 12 hours and a step of 5 minutes to 4 hours in whole minutes.");

        /// <summary>A series follows a regular cadence.</summary>
        public static readonly ErrorCode IrregularCadence = new("Meetings.IrregularCadence", "A series follows its body's cadence, which is a whole number of days, weeks, months or years (one unit); a monthly or yearly series starts on a day of the month that every month has (the 1st to the 28th).");

        /// <summary>The series does not allow this step now.</summary>
        public static readonly ErrorCode SeriesNotActive = new("Meetings.SeriesNotActive", "A series schedules meetings while active; it may pause and resume, and once ended it schedules none.");

        /// <summary>A meeting is scheduled in the window of its occurrence.</summary>
        public static readonly ErrorCode OutsideOccurrence = new("Meetings.OutsideOccurrence", "A series' meeting starts within the search window of its next occurrence, counted from the series' first date by its cadence, and after the moment it is scheduled.");

        /// <summary>Only a scheduled meeting has a calendar entry.</summary>
        public static readonly ErrorCode NotScheduled = new("Meetings.NotScheduled", "A meeting is written to a calendar once it has been scheduled.");

        /// <summary>A preparation is well-formed.</summary>
        public static readonly ErrorCode InvalidPreparation = new("Meetings.InvalidPreparation", "A preparation names the external event (name, place, time zone, opening and closing days in order) and its tasks, attendees and pre-meeting within bounds: tasks with unique keys and owners who are delegates of members, attendees from members, each person once.");

        /// <summary>Only a lead of the preparation takes its steps.</summary>
        public static readonly ErrorCode NotALead = new("Meetings.NotALead", "A preparation is begun by a coordinator of the coalition and steered by its leads (the person who began it and those it names); a task's owner may also record the task done.");

        /// <summary>The pre-meeting is held shortly before the event.</summary>
        public static readonly ErrorCode PreMeetingTiming = new("Meetings.PreMeetingTiming", "The network's pre-meeting takes place in the 14 days before the event opens, and its outcome is recorded on or after its day, covering updates, priorities, a game plan and the processes agreed.");

        /// <summary>A preparation moves through its lifecycle in order.</summary>
        public static readonly ErrorCode PreparationClosed = new("Meetings.PreparationClosed", "A preparation is worked on while it is under way; it is concluded only after the event has closed, or cancelled.");

        /// <summary>A task named must exist and be open.</summary>
        public static readonly ErrorCode UnknownTask = new("Meetings.UnknownTask", "A task named must be in the preparation plan and not yet done.");
    }
}
