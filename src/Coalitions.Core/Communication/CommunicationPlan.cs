using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Meetings;
using NodaTime;
using Stateless;
using Stateless.Graph;
using CoalitionAggregate = Coalitions.Core.Coalitions.Coalition;

namespace Coalitions.Core.Communication;

/// <summary>Where a communication plan is in its life.</summary>
public enum CommunicationPlanStatus
{
    /// <summary>Being written.</summary>
    Draft = 1,

    /// <summary>Adopted: in use, logged and measured; changed by amendment.</summary>
    Adopted = 2,

    /// <summary>Retired; its log stays on record.</summary>
    Retired = 3,
}

/// <summary>A communication plan was drafted.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="Coalition">The coalition.</param>
/// <param name="TimeZone">The coalition's time zone, in which the plan's dates are kept.</param>
/// <param name="Draft">The plan's content.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record CommunicationPlanDrafted(CommunicationPlanId Plan, CoalitionId Coalition, string TimeZone, CommunicationPlanDraft Draft, Instant At, Actor By) : IDomainEvent;

/// <summary>A draft plan was revised.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="Draft">The new content.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record CommunicationPlanRevised(CommunicationPlanId Plan, CommunicationPlanDraft Draft, Instant At, Actor By) : IDomainEvent;

/// <summary>The plan was adopted.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="Decision">The decision that adopted it, where the rule book names one.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record CommunicationPlanAdopted(CommunicationPlanId Plan, DecisionReference? Decision, Instant At, Actor By) : IDomainEvent;

/// <summary>An adopted plan was amended.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="Draft">The amended content.</param>
/// <param name="Decision">The decision that amended it, where the rule book names one.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record CommunicationPlanAmended(CommunicationPlanId Plan, CommunicationPlanDraft Draft, DecisionReference? Decision, Instant At, Actor By) : IDomainEvent;

/// <summary>A content item was put on the calendar.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="Item">The item.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ContentScheduled(CommunicationPlanId Plan, ContentItem Item, Instant At, Actor By) : IDomainEvent;

/// <summary>A communication went out and was logged.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="Sent">What went out.</param>
/// <param name="At">When it was logged.</param>
/// <param name="By">Who.</param>
public sealed record CommunicationLogged(CommunicationPlanId Plan, SentCommunication Sent, Instant At, Actor By) : IDomainEvent;

/// <summary>A measure's value was recorded.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="Value">The value.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="By">Who.</param>
public sealed record MeasureRecorded(CommunicationPlanId Plan, MeasureValue Value, Instant At, Actor By) : IDomainEvent;

/// <summary>The plan was retired.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="Reason">Why, if given.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record CommunicationPlanRetired(CommunicationPlanId Plan, string? Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>
/// The coalition's communication plan: its audiences (members, the public, donors, officials, the media), its channels
/// (meetings, newsletter, forum, mailing list, social media, website) with a cadence and an owner each, what each
/// audience gets through which channel, and the social media plan inside it: objectives, the platforms the audiences
/// use with tactics for each, and measures with indicators and targets recorded over time. A content calendar spans
/// every channel; a log of what was actually sent shows the coalition's transparency; what is due and overdue follows
/// from the dates.
/// </summary>
/// <remarks>
/// <para>A plan whose platform has no audience, or whose objective has no measure, is refused: a plan that cannot be
/// measured is not a plan. Social media belongs to the overall plan: every platform hangs off a social media channel.</para>
/// <para>Lifecycle: Draft → Adopted → Retired. Adopting and amending cite an adopted decision where the coalition's rule
/// book names a rule for adopting a communication plan (<see cref="MatterType.AdoptCommunicationPlan"/>). See
/// <c>docs/diagrams/communication-plan-lifecycle.md</c>.</para>
/// <para>Who may act: coordinators of the coalition draft, adopt, amend and retire it; a channel's owner (or a
/// coordinator) schedules its content and logs what it sent and measured.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class CommunicationPlan : AggregateRoot<CommunicationPlanId>
{
    private static readonly Permissions<CommunicationPlan, Acting> Who = new(nameof(CommunicationPlan));
    private static readonly Role<CommunicationPlan, Acting> Coordinator = Who.Role(
        "a coordinator of the coalition",
        static (_, by, acting) => by.Kind == ActorKind.Person && by.Person is { } person && acting.Coalition?.IsCoordinator(person) == true);
    private static readonly Role<CommunicationPlan, Acting> ChannelOwner = Who.Role(
        "the owner of the channel concerned",
        static (plan, by, acting) => by.Kind == ActorKind.Person && acting.Channel is { } key && plan._channels.TryGetValue(key, out var channel) && channel.Owner == by.Person);

    private static readonly Command<CommunicationPlan, Acting> DraftCommand = Who.Command(nameof(Draft), ErrorCodes.Coalitions.NotACoordinator, Coordinator);
    private static readonly Command<CommunicationPlan, Acting> ReviseCommand = Who.Command(nameof(Revise), ErrorCodes.Coalitions.NotACoordinator, Coordinator);
    private static readonly Command<CommunicationPlan, Acting> AdoptCommand = Who.Command(nameof(Adopt), ErrorCodes.Coalitions.NotACoordinator, Coordinator);
    private static readonly Command<CommunicationPlan, Acting> AmendCommand = Who.Command(nameof(Amend), ErrorCodes.Coalitions.NotACoordinator, Coordinator);
    private static readonly Command<CommunicationPlan, Acting> ScheduleContentCommand = Who.Command(nameof(ScheduleContent), ErrorCodes.Communication.NotAnOwner, ChannelOwner, Coordinator);
    private static readonly Command<CommunicationPlan, Acting> RecordSentCommand = Who.Command(nameof(RecordSent), ErrorCodes.Communication.NotAnOwner, ChannelOwner, Coordinator);
    private static readonly Command<CommunicationPlan, Acting> RecordMeasurementCommand = Who.Command(nameof(RecordMeasurement), ErrorCodes.Communication.NotAnOwner, ChannelOwner, Coordinator);
    private static readonly Command<CommunicationPlan, Acting> RetireCommand = Who.Command(nameof(Retire), ErrorCodes.Coalitions.NotACoordinator, Coordinator);

    private readonly Dictionary<ChannelKey, Channel> _channels = [];
    private readonly Dictionary<ContentKey, ContentItem> _content = [];
    private readonly HashSet<ContentKey> _sentContent = [];
    private readonly List<SentCommunication> _log = [];
    private readonly Dictionary<ChannelKey, LocalDate> _lastSent = [];
    private readonly List<MeasureValue> _measurements = [];
    private StateMachine<CommunicationPlanStatus, Step>? _machine;
    private CommunicationPlanStatus _status = CommunicationPlanStatus.Draft;

    private CommunicationPlan()
    {
    }

    private enum Step
    {
        Revise,
        Adopt,
        Amend,
        Schedule,
        Log,
        Retire,
    }

    /// <summary>Gets the coalition.</summary>
    public CoalitionId Coalition { get; private set; }

    /// <summary>Gets the coalition's time zone, in which the plan's dates are kept.</summary>
    public string TimeZone { get; private set; } = "UTC";

    /// <summary>Gets the plan as it stands (the latest draft or amendment).</summary>
    public CommunicationPlanDraft Content { get; private set; } = null!;

    /// <summary>Gets the status.</summary>
    public CommunicationPlanStatus Status => _status;

    /// <summary>Gets the decisions that adopted and amended it, in order.</summary>
    public IReadOnlyList<DecisionReference> Decisions => _decisions;

    /// <summary>Gets the content calendar's items, in the order scheduled.</summary>
    public IReadOnlyCollection<ContentItem> Calendar => _content.Values;

    /// <summary>Gets the log of communications sent, in the order logged.</summary>
    public IReadOnlyList<SentCommunication> Log => _log;

    /// <summary>Gets every measure value recorded, in the order recorded.</summary>
    public IReadOnlyList<MeasureValue> Measurements => _measurements;

    private readonly List<DecisionReference> _decisions = [];

    private StateMachine<CommunicationPlanStatus, Step> Machine => _machine ??= BuildMachine();

    private LocalDate Today(Instant at) => at.InZone(DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone) ?? DateTimeZone.Utc).Date;

    /// <summary>Drafts the coalition's communication plan.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="draft">Its audiences, channels, deliveries and social media plan.</param>
    /// <param name="coalition">The coalition, read for its coordinators and time zone.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is drafted.</param>
    /// <returns>The plan, in draft.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not a coordinator (<c>Coalitions.NotACoordinator</c>); another coalition (<c>Coalitions.OtherCoalition</c>); an invalid plan
    /// (<c>Communication.InvalidPlan</c>, <c>Communication.UnknownReference</c>, <c>Communication.AudienceUnreached</c>,
    /// <c>Communication.PlatformWithoutAudience</c>, <c>Communication.ObjectiveWithoutMeasure</c>, <c>Communication.NotIntegrated</c>).
    /// </exception>
    /// <example>
    /// <code>var plan = CommunicationPlan.Draft(CommunicationPlanId.New(), draft, coalition, coordinator, now);</code>
    /// </example>
    public static CommunicationPlan Draft(CommunicationPlanId id, CommunicationPlanDraft draft, CoalitionAggregate coalition, Actor by, Instant at)
    {
        var plan = new CommunicationPlan();
        Ensure.NotNull(coalition, nameof(coalition));
        DraftCommand.Authorize(plan, by, at, new Acting(coalition), draft?.Title ?? "a new communication plan");
        Ensure.Id(id, nameof(id));
        var content = Checked(draft, coalition);
        plan.Raise(new CommunicationPlanDrafted(id, coalition.Id, coalition.TimeZone.Id, content, at, by));
        return plan;
    }

    /// <summary>Rebuilds a plan from its events, checking that they form its history.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="StoredEventException">The events are not the history of one plan (<c>Kernel.CorruptHistory</c>).</exception>
    public static CommunicationPlan Rehydrate(IEnumerable<IDomainEvent> history) => Rebuild(new CommunicationPlan(), history);

    /// <summary>The plan's lifecycle as a Mermaid state diagram, generated from the state machine.</summary>
    /// <returns>The diagram text.</returns>
    public static string LifecycleDiagram() => MermaidGraph.Format(new CommunicationPlan().Machine.GetInfo());

    /// <summary>Revises the plan while it is a draft.</summary>
    /// <param name="draft">The new content.</param>
    /// <param name="coalition">The coalition.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is revised.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator; not a draft (<c>Communication.InvalidTransition</c>); an invalid plan (as for <see cref="Draft"/>).</exception>
    public void Revise(CommunicationPlanDraft draft, CoalitionAggregate coalition, Actor by, Instant at)
    {
        ReviseCommand.Authorize(this, by, at, new Acting(coalition), Content.Title);
        var content = Checked(draft, coalition);
        EnsureStep(Step.Revise);
        EnsureStillServes(content);
        Raise(new CommunicationPlanRevised(Id, content, at, by));
    }

    /// <summary>Adopts the plan, citing an adopted decision where the rule book names a rule for adopting a communication plan.</summary>
    /// <param name="ruleBook">The coalition's rule book (its governance).</param>
    /// <param name="decision">The adopted decision on <see cref="MatterType.AdoptCommunicationPlan"/>, where the rule book names one; taken no later than <paramref name="at"/>.</param>
    /// <param name="coalition">The coalition.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is adopted.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator; not a draft (<c>Communication.InvalidTransition</c>); another coalition's rule book (<c>Coalitions.OtherCoalition</c>); a required decision missing or not authorizing it (<c>Coalitions.DecisionRequired</c>).</exception>
    /// <example>
    /// <code>plan.Adopt(governance, proposal.Reference, coalition, coordinator, now);</code>
    /// </example>
    public void Adopt(IRuleBook ruleBook, DecisionReference? decision, CoalitionAggregate coalition, Actor by, Instant at)
    {
        AdoptCommand.Authorize(this, by, at, new Acting(coalition), Content.Title);
        CheckDecision(ruleBook, decision, coalition, at);
        EnsureStep(Step.Adopt);
        Raise(new CommunicationPlanAdopted(Id, decision, at, by));
    }

    /// <summary>Amends the adopted plan, citing an adopted decision where the rule book names one; its calendar, log and measures stay.</summary>
    /// <param name="draft">The amended content; it keeps every channel, audience and platform its calendar uses.</param>
    /// <param name="ruleBook">The coalition's rule book.</param>
    /// <param name="decision">The adopted decision on <see cref="MatterType.AdoptCommunicationPlan"/>, where the rule book names one.</param>
    /// <param name="coalition">The coalition.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is amended.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator; not adopted (<c>Communication.InvalidTransition</c>); an invalid plan, or one that drops what the calendar uses (<c>Communication.UnknownReference</c>); a required decision missing (<c>Coalitions.DecisionRequired</c>).</exception>
    public void Amend(CommunicationPlanDraft draft, IRuleBook ruleBook, DecisionReference? decision, CoalitionAggregate coalition, Actor by, Instant at)
    {
        AmendCommand.Authorize(this, by, at, new Acting(coalition), Content.Title);
        var content = Checked(draft, coalition);
        CheckDecision(ruleBook, decision, coalition, at);
        EnsureStep(Step.Amend);
        EnsureStillServes(content);
        Raise(new CommunicationPlanAmended(Id, content, decision, at, by));
    }

    /// <summary>Puts an item on the content calendar: through a channel of the plan, to audiences it reaches, on a platform of that channel.</summary>
    /// <param name="item">The item.</param>
    /// <param name="coalition">The coalition.</param>
    /// <param name="by">The owner of the item's channel, or a coordinator of the coalition.</param>
    /// <param name="at">When it is scheduled.</param>
    /// <exception cref="CoalitionRuleException">Not the owner or a coordinator (<c>Communication.NotAnOwner</c>); retired (<c>Communication.InvalidTransition</c>); a key taken, or an item off the plan (<c>Communication.OffPlan</c>, <c>Communication.UnknownReference</c>).</exception>
    public void ScheduleContent(ContentItem item, CoalitionAggregate coalition, Actor by, Instant at)
    {
        ScheduleContentCommand.Authorize(this, by, at, new Acting(coalition, item?.Channel), Content.Title);
        Ensure.NotNull(item, nameof(item));
        if (!TypedKey.IsValid(item.Key) || FreeText.Problem(item.Title, true, Limits.NameLength) is not null || !FreeText.IsSingleLine(item.Title) || item.Meeting is { Value: var m } && m == Guid.Empty)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.InvalidInput, "A content item has a key, a title of one line of at most 200 characters, and no empty meeting id.");
        }

        Ensure.Date(item.On, "day");
        EnsureStep(Step.Schedule);
        if (_content.ContainsKey(item.Key) || _content.Count >= CommunicationLimits.MaxContent)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Communication.OffPlan, "The calendar already has '{key}', or holds as many items as it may.", ("key", item.Key.Value));
        }

        OnPlan(item.Channel, item.Audiences, item.Platform, item.Objective);
        Raise(new ContentScheduled(Id, item with { Title = item.Title.Trim(), Audiences = [.. item.Audiences.Distinct()] }, at, by));
    }

    /// <summary>Logs a communication the channel sent, so the coalition can show what it told whom, and when.</summary>
    /// <param name="sent">What went out: through a channel of the plan, to audiences it reaches, no later than today.</param>
    /// <param name="coalition">The coalition.</param>
    /// <param name="by">The owner of the channel, or a coordinator of the coalition.</param>
    /// <param name="at">When it is logged.</param>
    /// <exception cref="CoalitionRuleException">Not the owner or a coordinator (<c>Communication.NotAnOwner</c>); not adopted (<c>Communication.InvalidTransition</c>); off the plan, in the future, or fulfilling a content item of another channel or one logged already (<c>Communication.OffPlan</c>).</exception>
    /// <example>
    /// <code>plan.RecordSent(new SentCommunication(new ChannelKey("newsletter"), today, "March newsletter", [new AudienceKey("members")]), coalition, owner, now);</code>
    /// </example>
    public void RecordSent(SentCommunication sent, CoalitionAggregate coalition, Actor by, Instant at)
    {
        RecordSentCommand.Authorize(this, by, at, new Acting(coalition, sent?.Channel), Content.Title);
        Ensure.NotNull(sent, nameof(sent));
        if (FreeText.Problem(sent.Title, true, Limits.NameLength) is not null || !FreeText.IsSingleLine(sent.Title) || (sent.Link is not null && !MeetingRules.IsLink(sent.Link)) ||
            (sent.Content is { } c && !TypedKey.IsValid(c)))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.InvalidInput, "A communication logged has a title of one line of at most 200 characters, and a link, if any, to an https address.");
        }

        Ensure.Date(sent.On, "day");
        EnsureStep(Step.Log);
        OnPlan(sent.Channel, sent.Audiences, sent.Platform, null);
        if (sent.On > Today(at) || _log.Count >= CommunicationLimits.MaxLog ||
            (sent.Content is { } key && (!_content.TryGetValue(key, out var item) || item.Channel != sent.Channel || _sentContent.Contains(key))))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Communication.OffPlan, "'{title}' cannot be logged: it is dated after today, or the content item it fulfils is not on this channel's calendar or is logged already.", ("title", sent.Title));
        }

        Raise(new CommunicationLogged(Id, sent with { Title = sent.Title.Trim(), Audiences = [.. sent.Audiences.Distinct()] }, at, by));
    }

    /// <summary>Records a measure's value on a date (reach, engagement, actions taken), so progress toward its target shows over time.</summary>
    /// <param name="measure">The measure.</param>
    /// <param name="on">When it was counted: no later than today.</param>
    /// <param name="value">The count: 0 to 10^15.</param>
    /// <param name="coalition">The coalition.</param>
    /// <param name="by">The owner of the measure's platform's channel, or a coordinator of the coalition.</param>
    /// <param name="at">When it is recorded.</param>
    /// <exception cref="CoalitionRuleException">Not the owner or a coordinator; not adopted (<c>Communication.InvalidTransition</c>); no such measure (<c>Communication.UnknownReference</c>); a value or date out of range (<c>Kernel.OutOfRange</c>).</exception>
    public void RecordMeasurement(MeasureKey measure, LocalDate on, long value, CoalitionAggregate coalition, Actor by, Instant at)
    {
        var found = TypedKey.IsValid(measure) ? Content.SocialMedia?.Measures.FirstOrDefault(m => m.Key == measure) : null;
        var channel = found?.Platform is { } platform ? Content.SocialMedia!.Platforms.FirstOrDefault(p => p.Key == platform)?.Channel : null;
        RecordMeasurementCommand.Authorize(this, by, at, new Acting(coalition, channel), Content.Title);
        Ensure.Date(on, nameof(on));
        Ensure.Range(value, nameof(value), 0, CommunicationLimits.MaxCount);
        EnsureStep(Step.Log);
        if (found is null)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Communication.UnknownReference, "'{title}' has no measure '{measure}'.", ("title", Content.Title), ("measure", TypedKey.Show(measure.Value)));
        }

        if (on > Today(at) || _measurements.Count >= CommunicationLimits.MaxMeasurements)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "A measure is recorded for a day no later than today ({today}).", ("today", Today(at)));
        }

        Raise(new MeasureRecorded(Id, new MeasureValue(measure, on, value), at, by));
    }

    /// <summary>Retires the plan; its log and measures stay on record.</summary>
    /// <param name="reason">Why, if given: at most 2,000 characters.</param>
    /// <param name="coalition">The coalition.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When the plan is retired.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator; retired already (<c>Communication.InvalidTransition</c>).</exception>
    public void Retire(string? reason, CoalitionAggregate coalition, Actor by, Instant at)
    {
        RetireCommand.Authorize(this, by, at, new Acting(coalition), Content.Title);
        FreeText.Check(reason, nameof(reason), required: false);
        EnsureStep(Step.Retire);
        Raise(new CommunicationPlanRetired(Id, reason?.Trim(), at, by));
    }

    /// <summary>Which channels are due and overdue on a date: each is next due on its first day, then its cadence after what it last sent.</summary>
    /// <param name="on">The date, in the coalition's time zone.</param>
    /// <returns>Every channel, overdue first, then due, then up to date.</returns>
    public IReadOnlyList<ChannelDue> DueOn(LocalDate on)
    {
        var result = new List<ChannelDue>(_channels.Count);
        foreach (var channel in _channels.Values)
        {
            LocalDate? last = _lastSent.TryGetValue(channel.Key, out var sent) && sent <= on ? sent : _log.Where(l => l.Channel == channel.Key && l.On <= on).Select(l => (LocalDate?)l.On).Max();
            var next = last is { } l2 ? l2.Plus(channel.Cadence) : channel.StartsOn;
            var state = next < on ? DueState.Overdue : next == on ? DueState.Due : DueState.UpToDate;
            result.Add(new ChannelDue(channel.Key, channel.Name, last, next, state, state == DueState.Overdue ? Period.Between(next, on, PeriodUnits.Days).Days : 0));
        }

        return result.OrderByDescending(r => r.State).ThenBy(r => r.NextDue).ToArray();
    }

    /// <summary>Content items whose day has passed without being logged.</summary>
    /// <param name="on">The date.</param>
    /// <returns>The items, earliest first.</returns>
    public IReadOnlyList<ContentItem> OverdueContentOn(LocalDate on) =>
        _content.Values.Where(c => c.On < on && !_sentContent.Contains(c.Key)).OrderBy(c => c.On).ToArray();

    /// <summary>The content calendar between two dates, every channel together: content items, and each channel's cadence dates.</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day: at most a year after the first.</param>
    /// <returns>The entries, by day.</returns>
    /// <exception cref="CoalitionRuleException">A range longer than a year or running backwards (<c>Kernel.OutOfRange</c>).</exception>
    public IReadOnlyList<CalendarEntry> CalendarBetween(LocalDate from, LocalDate to)
    {
        Ensure.Date(from, nameof(from));
        Ensure.Date(to, nameof(to));
        if (to < from || to > from.PlusYears(1))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "A calendar covers up to a year, from {from} forward.", ("from", from));
        }

        var entries = _content.Values.Where(c => c.On >= from && c.On <= to)
            .Select(c => new CalendarEntry(c.On, c.Channel, c.Title, c.Key, c.Platform, _sentContent.Contains(c.Key))).ToList();
        foreach (var channel in _channels.Values)
        {
            // A cadence is at least a day and the range at most a year (366 days), so a channel has at most 367 dates in it.
            for (var k = FirstDueIndex(channel, from); ; k++)
            {
                var day = channel.StartsOn.Plus(Multiply(channel.Cadence, k));
                if (day > to || day > Limits.LatestDate)
                {
                    break;
                }

                var next = channel.StartsOn.Plus(Multiply(channel.Cadence, k + 1));
                entries.Add(new CalendarEntry(day, channel.Key, $"{channel.Name}: due by its cadence", null, null, _log.Any(l => l.Channel == channel.Key && l.On >= day && l.On < next)));
            }
        }

        return entries.OrderBy(e => e.On).ThenBy(e => e.Channel.Value, StringComparer.Ordinal).ToArray();
    }

    /// <summary>How far each measure has come toward its target on a date.</summary>
    /// <param name="on">The date.</param>
    /// <returns>Every measure of the social media plan, in order.</returns>
    public IReadOnlyList<MeasureProgress> ProgressOn(LocalDate on)
    {
        var measures = Content.SocialMedia?.Measures ?? [];
        return measures.Select(m =>
        {
            var latest = _measurements.Where(v => v.Measure == m.Key && v.On <= on).OrderBy(v => v.On).LastOrDefault();
            var achieved = latest is null ? Fraction.Zero : new Fraction(latest.Value, m.Target);
            var met = latest is not null && latest.Value >= m.Target;
            return new MeasureProgress(m.Key, m.Indicator, m.Target, m.By, latest?.Value, latest?.On, achieved, met, !met && on > m.By);
        }).ToArray();
    }

    /// <summary>What was sent between two dates, for transparency: per channel, how many communications to which audiences.</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <returns>Plain words, a line per channel.</returns>
    public string DescribeLog(LocalDate from, LocalDate to)
    {
        var lines = new List<string> { $"Communications sent from {Words.Format(from)} to {Words.Format(to)}:" };
        var audiences = Content.Audiences.ToDictionary(a => a.Key, a => a.Name);
        foreach (var group in _log.Where(l => l.On >= from && l.On <= to).GroupBy(l => l.Channel))
        {
            var name = _channels.TryGetValue(group.Key, out var channel) ? channel.Name : group.Key.Value;
            var reached = group.SelectMany(l => l.Audiences).Distinct().Select(a => audiences.GetValueOrDefault(a, a.Value));
            lines.Add($"{name}: {Words.Count(group.Count(), "communication")} to {Words.List(reached.ToArray())}.");
        }

        if (lines.Count == 1)
        {
            lines.Add("Nothing was sent.");
        }

        return string.Join('\n', lines);
    }

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is CommunicationPlanDrafted;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => domainEvent switch
    {
        CommunicationPlanDrafted e when !MeetingRules.IsZone(e.TimeZone) || e.Draft.Coalition != e.Coalition || DraftProblem(e.Draft) is not null => "the plan is ill-formed.",
        CommunicationPlanRevised when _status != CommunicationPlanStatus.Draft => "the plan is not a draft.",
        CommunicationPlanRevised e when e.Draft.Coalition != Coalition || DraftProblem(e.Draft) is not null => "the plan is ill-formed.",
        CommunicationPlanAdopted when _status != CommunicationPlanStatus.Draft => "the plan is not a draft.",
        CommunicationPlanAdopted e when e.Decision is { } d && (d.Coalition != Coalition || !d.IsAdoption || d.Matter != MatterType.AdoptCommunicationPlan) => "the decision cited is not this coalition's adoption of a communication plan.",
        CommunicationPlanAmended when _status != CommunicationPlanStatus.Adopted => "the plan is not adopted.",
        CommunicationPlanAmended e when e.Draft.Coalition != Coalition || DraftProblem(e.Draft) is not null => "the plan is ill-formed.",
        CommunicationPlanAmended e when e.Decision is { } d && (d.Coalition != Coalition || !d.IsAdoption || d.Matter != MatterType.AdoptCommunicationPlan) => "the decision cited is not this coalition's adoption of a communication plan.",
        ContentScheduled when _status == CommunicationPlanStatus.Retired => "the plan is retired.",
        ContentScheduled e when _content.ContainsKey(e.Item.Key) || !_channels.ContainsKey(e.Item.Channel) => "the item's key is taken or its channel is unknown.",
        CommunicationLogged when _status != CommunicationPlanStatus.Adopted => "the plan is not adopted.",
        CommunicationLogged e when !_channels.ContainsKey(e.Sent.Channel) || (e.Sent.Content is { } c && (!_content.ContainsKey(c) || _sentContent.Contains(c))) => "the channel or content item is unknown, or the item is logged already.",
        MeasureRecorded when _status != CommunicationPlanStatus.Adopted => "the plan is not adopted.",
        MeasureRecorded e when e.Value.Value is < 0 or > CommunicationLimits.MaxCount || Content.SocialMedia?.Measures.Any(m => m.Key == e.Value.Measure) != true => "the measure is unknown or its value out of range.",
        CommunicationPlanRetired when _status == CommunicationPlanStatus.Retired => "the plan is retired.",
        _ => null,
    };

    /// <inheritdoc />
    protected override void Apply(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case CommunicationPlanDrafted e:
                Id = e.Plan;
                Coalition = e.Coalition;
                TimeZone = e.TimeZone;
                SetContent(e.Draft);
                break;
            case CommunicationPlanRevised e:
                SetContent(e.Draft);
                break;
            case CommunicationPlanAdopted e:
                if (e.Decision is { } adopted)
                {
                    _decisions.Add(adopted);
                }

                _status = CommunicationPlanStatus.Adopted;
                break;
            case CommunicationPlanAmended e:
                if (e.Decision is { } amended)
                {
                    _decisions.Add(amended);
                }

                SetContent(e.Draft);
                break;
            case ContentScheduled e:
                _content[e.Item.Key] = e.Item;
                break;
            case CommunicationLogged e:
                _log.Add(e.Sent);
                _lastSent[e.Sent.Channel] = _lastSent.TryGetValue(e.Sent.Channel, out var last) && last > e.Sent.On ? last : e.Sent.On;
                if (e.Sent.Content is { } content)
                {
                    _sentContent.Add(content);
                }

                break;
            case MeasureRecorded e:
                _measurements.Add(e.Value);
                break;
            case CommunicationPlanRetired:
                _status = CommunicationPlanStatus.Retired;
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }

    // The first k whose date (first day plus k cadences) is on or after the day: dates grow with k, so a binary search finds
    // it in O(log) steps whether the calendar is read in the channel's first year or centuries later. A cadence spans at
    // least its shortest length in days (a month at least 28, a year at least 365, clamping included), which bounds k.
    private static int FirstDueIndex(Channel channel, LocalDate day)
    {
        if (day <= channel.StartsOn)
        {
            return 0;
        }

        var cadence = channel.Cadence;
        var shortest = (cadence.Years * 365) + (cadence.Months * 28) + (cadence.Weeks * 7) + cadence.Days;
        int low = 0, high = (Period.Between(channel.StartsOn, day, PeriodUnits.Days).Days / shortest) + 1;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (channel.StartsOn.Plus(Multiply(cadence, middle)) < day)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static Period Multiply(Period cadence, int times) =>
        new PeriodBuilder { Years = cadence.Years * times, Months = cadence.Months * times, Weeks = cadence.Weeks * times, Days = cadence.Days * times }.Build();

    private static string? DraftProblem(CommunicationPlanDraft draft) =>
        !CommunicationPlanDraftValidator.Instance.Validate(draft).IsValid ? "invalid" : CommunicationRules.Problem(draft)?.Message;

    private static CommunicationPlanDraft Checked(CommunicationPlanDraft? draft, CoalitionAggregate coalition)
    {
        Ensure.NotNull(coalition, nameof(coalition));
        CommunicationPlanDraftValidator.Instance.EnsureValid(draft);
        if (draft.Coalition != coalition.Id)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "The plan '{title}' belongs to another coalition than {coalition}.", ("title", draft.Title), ("coalition", coalition.Name));
        }

        if (CommunicationRules.Problem(draft) is { } problem)
        {
            throw CoalitionRuleException.Because(problem.Code, "The plan '{title}' is refused: {problem}", ("title", draft.Title), ("problem", problem.Message));
        }

        // Copies of the host's lists: a list the host changes later must not change the plan.
        return draft with
        {
            Title = draft.Title.Trim(),
            Audiences = [.. draft.Audiences.Select(a => a with { Name = a.Name.Trim() })],
            Channels = [.. draft.Channels.Select(c => c with { Name = c.Name.Trim() })],
            Deliveries = [.. draft.Deliveries.Select(d => d with { Content = d.Content.Trim() })],
            SocialMedia = draft.SocialMedia is { } social ? new SocialMediaPlan(
                [.. social.Objectives.Select(o => o with { Description = o.Description.Trim() })],
                [.. social.Platforms.Select(p => p with { Name = p.Name.Trim(), Audiences = [.. p.Audiences], Tactics = [.. p.Tactics.Select(t => t.Trim())] })],
                [.. social.Measures]) : null,
        };
    }

    private void SetContent(CommunicationPlanDraft draft)
    {
        Content = draft;
        _channels.Clear();
        foreach (var channel in draft.Channels)
        {
            _channels[channel.Key] = channel;
        }
    }

    private void CheckDecision(IRuleBook ruleBook, DecisionReference? decision, CoalitionAggregate coalition, Instant at)
    {
        Ensure.NotNull(ruleBook, nameof(ruleBook));
        Ensure.NotNull(coalition, nameof(coalition));
        if (ruleBook.Coalition != Coalition || coalition.Id != Coalition)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "The rule book or coalition given is not that of '{title}'.", ("title", Content.Title));
        }

        DecisionReference.Check(decision, ruleBook.NamesRuleFor(MatterType.AdoptCommunicationPlan), Coalition, coalition.Name, at, MatterType.AdoptCommunicationPlan);
    }

    // What the calendar and log already use must stay in the plan, so every entry keeps meaning.
    private void EnsureStillServes(CommunicationPlanDraft draft)
    {
        var channels = draft.Channels.Select(c => c.Key).ToHashSet();
        var platforms = draft.SocialMedia?.Platforms.Select(p => p.Key).ToHashSet() ?? [];
        var measures = draft.SocialMedia?.Measures.Select(m => m.Key).ToHashSet() ?? [];
        if (_content.Values.Any(c => !channels.Contains(c.Channel) || (c.Platform is { } p && !platforms.Contains(p))) ||
            _log.Any(l => !channels.Contains(l.Channel)) || _measurements.Any(m => !measures.Contains(m.Measure)))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Communication.UnknownReference, "The new version of '{title}' drops a channel, platform or measure its calendar, log or measures use.", ("title", Content.Title));
        }
    }

    private void OnPlan(ChannelKey channel, IReadOnlyList<AudienceKey>? audiences, PlatformKey? platform, ObjectiveKey? objective)
    {
        if (!TypedKey.IsValid(channel) || !_channels.TryGetValue(channel, out var found))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Communication.UnknownReference, "'{title}' has no channel '{channel}'.", ("title", Content.Title), ("channel", TypedKey.Show(channel.Value)));
        }

        var list = Ensure.Items(audiences, nameof(audiences), CommunicationLimits.MaxAudiences);
        var reached = Content.Deliveries.Where(d => d.Channel == channel).Select(d => d.Audience).ToHashSet();
        var social = Content.SocialMedia;
        var platformOk = platform is not { } p || (TypedKey.IsValid(p) && social?.Platforms.Any(x => x.Key == p && x.Channel == channel) == true);
        var objectiveOk = objective is not { } o || (TypedKey.IsValid(o) && social?.Objectives.Any(x => x.Key == o) == true);
        var needsPlatform = found.Kind == ChannelKind.SocialMedia && platform is null;
        if (list.Count == 0 || list.Any(a => !TypedKey.IsValid(a) || !reached.Contains(a)) || !platformOk || !objectiveOk || needsPlatform)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Communication.OffPlan, "'{channel}' reaches {reached}; a communication through it goes to some of them, on one of its platforms where it is social media, serving an objective of the plan.", ("channel", found.Name), ("reached", reached.Select(a => a.Value).ToArray()));
        }
    }

    private void EnsureStep(Step step)
    {
        if (!Machine.CanFire(step))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Communication.InvalidTransition, "'{title}' is {status}.", ("title", Content.Title), ("status", _status));
        }
    }

    private StateMachine<CommunicationPlanStatus, Step> BuildMachine()
    {
        var machine = new StateMachine<CommunicationPlanStatus, Step>(() => _status, s => _status = s);
        machine.Configure(CommunicationPlanStatus.Draft)
            .PermitReentry(Step.Revise)
            .PermitReentry(Step.Schedule)
            .Permit(Step.Adopt, CommunicationPlanStatus.Adopted);
        machine.Configure(CommunicationPlanStatus.Adopted)
            .PermitReentry(Step.Amend)
            .PermitReentry(Step.Schedule)
            .PermitReentry(Step.Log)
            .Permit(Step.Retire, CommunicationPlanStatus.Retired);
        machine.Configure(CommunicationPlanStatus.Draft)
            .Permit(Step.Retire, CommunicationPlanStatus.Retired);
        machine.Configure(CommunicationPlanStatus.Retired);
        return machine;
    }

    private readonly record struct Acting(CoalitionAggregate? Coalition = null, ChannelKey? Channel = null);
}
