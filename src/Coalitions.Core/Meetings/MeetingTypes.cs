using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using FluentValidation;
using NodaTime;

namespace Coalitions.Core.Meetings;

/// <summary>How a meeting is held.</summary>
public enum MeetingFormat
{
    /// <summary>Everyone in one place.</summary>
    InPerson = 1,

    /// <summary>Everyone online.</summary>
    Online = 2,

    /// <summary>Some in one place, others online.</summary>
    Hybrid = 3,
}

/// <summary>Where a meeting is in its lifecycle.</summary>
public enum MeetingStatus
{
    /// <summary>Convened, with no time yet.</summary>
    Planned = 1,

    /// <summary>Given a start and a length.</summary>
    Scheduled = 2,

    /// <summary>Put off; it keeps its agenda and is scheduled again.</summary>
    Postponed = 3,

    /// <summary>Held and adjourned; its minutes are to be recorded.</summary>
    Held = 4,

    /// <summary>Its minutes are recorded.</summary>
    Minuted = 5,

    /// <summary>Called off before it was held.</summary>
    Cancelled = 6,
}

/// <summary>What an agenda item is for.</summary>
public enum AgendaItemKind
{
    /// <summary>Information shared; nothing decided.</summary>
    Information = 1,

    /// <summary>A discussion.</summary>
    Discussion = 2,

    /// <summary>A decision on a proposal the item links.</summary>
    Decision = 3,

    /// <summary>A poll the item links (a vote on options, an election).</summary>
    Poll = 4,

    /// <summary>A report presented (progress, finances, an evaluation).</summary>
    Report = 5,

    /// <summary>A review of the action items earlier meetings set and are not yet done (carried forward).</summary>
    ActionReview = 6,
}

/// <summary>How a member took part in a meeting.</summary>
public enum AttendanceKind
{
    /// <summary>Present, in person or online.</summary>
    Present = 1,

    /// <summary>Absent, represented by another member present who holds its proxy.</summary>
    ByProxy = 2,

    /// <summary>Absent, with apologies sent.</summary>
    Apologies = 3,

    /// <summary>Absent, without apologies.</summary>
    Absent = 4,
}

/// <summary>Where an action item stands on a date, computed from its due date and whether it was done.</summary>
public enum ActionStatus
{
    /// <summary>Not done; due on the date or later.</summary>
    Open = 1,

    /// <summary>Not done; its due date has passed.</summary>
    Overdue = 2,

    /// <summary>Done on or before the date.</summary>
    Done = 3,
}

/// <summary>What a meeting is to be: the coalition and body it belongs to, its title, format, participants and facilitators.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Title">Its title: one line of at most 200 characters.</param>
/// <param name="Format">In person, online or hybrid.</param>
/// <param name="Participants">Who is invited: 1 to 500 delegates of members of the coalition, each person once.</param>
/// <param name="Facilitators">Who facilitates it besides the person convening it: at most ten people.</param>
/// <param name="Body">The key of the governance body meeting, if it is a body's meeting.</param>
/// <param name="Location">Where it is held: required in person and hybrid, one line of at most 200 characters.</param>
/// <param name="OnlineLink">The link to join online (an absolute https address of at most 2,000 characters), if any.</param>
/// <param name="Series">The series it belongs to, if any.</param>
/// <param name="Purpose">What it is for: at most 2,000 characters.</param>
public sealed record MeetingPlan(
    CoalitionId Coalition,
    string Title,
    MeetingFormat Format,
    IReadOnlyList<MeetingParticipant> Participants,
    IReadOnlyList<PersonId> Facilitators,
    BodyKey? Body = null,
    string? Location = null,
    string? OnlineLink = null,
    MeetingSeriesId? Series = null,
    string? Purpose = null);

/// <summary>An action item set by an earlier meeting and still open, as carried to a later meeting's agenda.</summary>
/// <param name="From">The meeting whose minutes set it (where it is recorded done).</param>
/// <param name="Action">The action item as it stood when carried.</param>
public sealed record CarriedAction(MeetingId From, ActionItem Action);

/// <summary>An item of a meeting's agenda, with its time box and what it links.</summary>
/// <param name="Key">Its key, unique on the agenda.</param>
/// <param name="Title">Its title: one line of at most 200 characters.</param>
/// <param name="Kind">What it is for.</param>
/// <param name="TimeBox">How long it may take: 1 minute to 8 hours, in whole minutes.</param>
/// <param name="Proposal">The proposal decided, for a decision item.</param>
/// <param name="Poll">The poll taken, for a poll item.</param>
/// <param name="Report">The report presented (its title or reference), for a report item: one line of at most 200 characters.</param>
/// <param name="Presenter">Who presents it, if named.</param>
/// <param name="Actions">The action items reviewed, for an action review (carried forward by <see cref="Meeting.CarryForward"/>).</param>
public sealed record AgendaItem(
    AgendaKey Key,
    string Title,
    AgendaItemKind Kind,
    Duration TimeBox,
    ProposalId? Proposal = null,
    PollId? Poll = null,
    string? Report = null,
    PersonId? Presenter = null,
    IReadOnlyList<CarriedAction>? Actions = null);

/// <summary>How one invited member took part.</summary>
/// <param name="Member">The member.</param>
/// <param name="Kind">Present, by proxy, apologies or absent.</param>
/// <param name="ProxyHolder">For a member represented by proxy, the member present holding its proxy.</param>
public sealed record AttendanceEntry(PartnerId Member, AttendanceKind Kind, PartnerId? ProxyHolder = null);

/// <summary>A task a meeting gives someone: what, who owns it (a member and a person) and by when.</summary>
/// <param name="Key">Its key, unique among the meeting's action items.</param>
/// <param name="Description">What is to be done: at most 2,000 characters.</param>
/// <param name="OwnerMember">The member responsible.</param>
/// <param name="OwnerPerson">The person who does it: a delegate of the member.</param>
/// <param name="Due">When it is due; no earlier than the meeting.</param>
/// <param name="Item">The agenda item it came from, if any.</param>
public sealed record ActionItem(ActionKey Key, string Description, PartnerId OwnerMember, PersonId OwnerPerson, LocalDate Due, AgendaKey? Item = null);

/// <summary>A decision a meeting took, citing the proposal that decided it.</summary>
/// <param name="Item">The agenda item (a decision item linking the proposal).</param>
/// <param name="Decision">The decision, from <see cref="Proposal.Reference"/>.</param>
public sealed record MinutedDecision(AgendaKey Item, DecisionReference Decision);

/// <summary>The notes of the discussion of one agenda item.</summary>
/// <param name="Item">The agenda item.</param>
/// <param name="Text">The notes: at most 20,000 characters.</param>
public sealed record ItemNote(AgendaKey Item, string Text);

/// <summary>A meeting's minutes: the decisions it took, the notes of its discussion and the action items it set.</summary>
/// <param name="Decisions">The decisions taken, each citing its proposal: at most 100.</param>
/// <param name="Notes">Discussion notes, at most one per agenda item.</param>
/// <param name="Actions">The action items set: at most 200, with unique keys.</param>
/// <param name="Summary">A summary: at most 20,000 characters.</param>
public sealed record Minutes(IReadOnlyList<MinutedDecision> Decisions, IReadOnlyList<ItemNote> Notes, IReadOnlyList<ActionItem> Actions, string? Summary = null);

/// <summary>An action item with where it stands on a date.</summary>
/// <param name="Meeting">The meeting whose minutes set it.</param>
/// <param name="Action">The action item.</param>
/// <param name="Status">Open, overdue or done on the date.</param>
/// <param name="DoneOn">When it was done, if it was.</param>
public sealed record ActionState(MeetingId Meeting, ActionItem Action, ActionStatus Status, LocalDate? DoneOn);

/// <summary>Bounds of the meetings room.</summary>
internal static class MeetingLimits
{
    public const int MaxParticipants = 500;
    public const int MaxFacilitators = 10;
    public const int MaxAgendaItems = 100;
    public const int MaxDecisions = 100;
    public const int MaxActions = 200;
    public const int MaxCarried = 1_000;
    public static readonly Duration MinLength = Duration.FromMinutes(15);
    public static readonly Duration MaxLength = Duration.FromDays(7);
    public static readonly Duration MaxTimeBox = Duration.FromHours(8);

    public static bool IsWholeMinutes(Duration duration) => duration.BclCompatibleTicks % TimeSpan.TicksPerMinute == 0 && duration.SubsecondTicks % 10_000 == 0;
}

/// <summary>Checks a <see cref="MeetingPlan"/>.</summary>
internal sealed class MeetingPlanValidator : AbstractValidator<MeetingPlan>
{
    public static readonly MeetingPlanValidator Instance = new();

    private MeetingPlanValidator()
    {
        var code = ErrorCodes.Meetings.InvalidMeeting.Code;
        RuleFor(p => p.Coalition).IsId();
        RuleFor(p => p.Title).IsName();
        RuleFor(p => p.Format).IsDefined();
        RuleFor(p => p.Participants).Must(p => p is { Count: >= 1 and <= MeetingLimits.MaxParticipants } && p.All(x => x is not null)).WithErrorCode(code)
            .WithMessage("A meeting invites 1 to 500 participants, none of them null.")
            .Must(p => p is null || p.Where(x => x is not null).Select(x => x.Person).Distinct().Count() == p.Count(x => x is not null)).WithErrorCode(code)
            .WithMessage("A meeting invites each person once.");
        RuleForEach(p => p.Participants).SetValidator(MeetingParticipantValidator.Instance!).When(p => p.Participants is not null && p.Participants.All(x => x is not null));
        RuleFor(p => p.Facilitators).Must(f => f is { Count: <= MeetingLimits.MaxFacilitators } && f.All(x => x.Value != Guid.Empty)).WithErrorCode(code)
            .WithMessage("A meeting names at most ten facilitators besides its convenor, none the empty id.");
        RuleFor(p => p.Body).Must(b => b is null || TypedKey.IsSet(b.Value)).WithErrorCode(ErrorCodes.Governance.UnknownBody.Code)
            .WithMessage("A body is named by its key.");
        RuleFor(p => p.Location).IsName(required: false);
        RuleFor(p => p.Location).Must((p, l) => p.Format == MeetingFormat.Online || !string.IsNullOrWhiteSpace(l)).WithErrorCode(code)
            .WithMessage("A meeting held in person or hybrid names its place.");
        RuleFor(p => p.OnlineLink).Must(l => l is null || MeetingRules.IsLink(l)).WithErrorCode(code)
            .WithMessage("An online link is an absolute https address of at most 2,000 characters.");
        RuleFor(p => p.Series).IsIdOrNull();
        RuleFor(p => p.Purpose).IsText(Limits.ReasonLength, required: false);
    }
}

/// <summary>Checks an <see cref="AgendaItem"/> on its own (the meeting checks it against the agenda).</summary>
internal sealed class AgendaItemValidator : AbstractValidator<AgendaItem>
{
    public static readonly AgendaItemValidator Instance = new();

    private AgendaItemValidator()
    {
        var code = ErrorCodes.Meetings.InvalidAgendaItem.Code;
        RuleFor(i => i.Key).Must(TypedKey.IsValid).WithErrorCode(ErrorCodes.Kernel.InvalidText.Code).WithMessage("An agenda item's key is one line of 1 to 64 characters.");
        RuleFor(i => i.Title).IsName();
        RuleFor(i => i.Kind).IsDefined();
        RuleFor(i => i.TimeBox).Must(t => t >= Duration.FromMinutes(1) && t <= MeetingLimits.MaxTimeBox && MeetingLimits.IsWholeMinutes(t)).WithErrorCode(code)
            .WithMessage("A time box is 1 minute to 8 hours, in whole minutes.");
        RuleFor(i => i.Proposal).IsIdOrNull();
        RuleFor(i => i.Poll).IsIdOrNull();
        RuleFor(i => i.Presenter).IsIdOrNull();
        RuleFor(i => i.Report).IsName(required: false);
        RuleFor(i => i).Must(Links).WithErrorCode(code).OverridePropertyName("links")
            .WithMessage("An agenda item links what its kind needs and nothing else: a proposal for a decision, a poll for a poll, a report for a report.");
    }

    private static bool Links(AgendaItem item) =>
        item.Kind == AgendaItemKind.Decision == item.Proposal.HasValue &&
        item.Kind == AgendaItemKind.Poll == item.Poll.HasValue &&
        item.Kind == AgendaItemKind.Report == !string.IsNullOrWhiteSpace(item.Report) &&
        item.Kind == AgendaItemKind.ActionReview == (item.Actions is { Count: > 0 });
}

/// <summary>Checks an <see cref="ActionItem"/> on its own (the meeting checks owners and dates).</summary>
internal sealed class ActionItemValidator : AbstractValidator<ActionItem>
{
    public static readonly ActionItemValidator Instance = new();

    private ActionItemValidator()
    {
        RuleFor(a => a.Key).Must(TypedKey.IsValid).WithErrorCode(ErrorCodes.Kernel.InvalidText.Code).WithMessage("An action item's key is one line of 1 to 64 characters.");
        RuleFor(a => a.Description).IsText(Limits.ReasonLength);
        RuleFor(a => a.OwnerMember).IsId();
        RuleFor(a => a.OwnerPerson).IsId();
        RuleFor(a => a.Due).IsDate();
        RuleFor(a => a.Item).Must(k => k is null || TypedKey.IsValid(k.Value)).WithErrorCode(ErrorCodes.Kernel.InvalidText.Code).WithMessage("An agenda item's key is one line of 1 to 64 characters.");
    }
}

/// <summary>Checks <see cref="Minutes"/> on their own (the meeting checks them against its agenda and the coalition).</summary>
internal sealed class MinutesValidator : AbstractValidator<Minutes>
{
    public static readonly MinutesValidator Instance = new();

    private MinutesValidator()
    {
        var code = ErrorCodes.Meetings.InvalidAction.Code;
        RuleFor(m => m.Decisions).IsList(MeetingLimits.MaxDecisions);
        RuleForEach(m => m.Decisions).Must(d => d is null || (d.Decision is not null && TypedKey.IsValid(d.Item))).WithErrorCode(ErrorCodes.Kernel.InvalidInput.Code)
            .WithMessage("A minuted decision names its agenda item and cites a decision.");
        RuleFor(m => m.Notes).IsList(MeetingLimits.MaxAgendaItems)
            .Must(n => n is null || n.Where(x => x is not null).Select(x => x.Item).Distinct().Count() == n.Count(x => x is not null)).WithErrorCode(ErrorCodes.Meetings.UnknownAgendaItem.Code)
            .WithMessage("The minutes hold at most one note per agenda item.");
        RuleForEach(m => m.Notes).Must(n => n is null || (TypedKey.IsValid(n.Item) && FreeText.Problem(n.Text, true, Limits.DocumentLength) is null)).WithErrorCode(ErrorCodes.Kernel.InvalidText.Code)
            .WithMessage("A note names its agenda item and holds at most 20,000 characters, without control characters.");
        RuleFor(m => m.Actions).IsList(MeetingLimits.MaxActions)
            .Must(a => a is null || a.Where(x => x is not null).Select(x => x.Key).Distinct().Count() == a.Count(x => x is not null)).WithErrorCode(code)
            .WithMessage("Each action item has its own key.");
        RuleForEach(m => m.Actions).SetValidator(ActionItemValidator.Instance!).When(m => m.Actions is not null && m.Actions.All(x => x is not null));
        RuleFor(m => m.Summary).IsText(Limits.DocumentLength, required: false);
    }
}
