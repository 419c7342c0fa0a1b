using System.Text.Json;
using Coalitions.Core.Agreements;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Meetings;
using Coalitions.Core.Polls;
using Coalitions.Core.Storage;
using NodaTime;

namespace Coalitions.Core.Hosting;

/// <summary>
/// The one query a host's timer asks: what is due at an instant, across every aggregate whose events it has seen. A
/// projection over the global log: voting rounds and silence procedures at their deadline, polls to close, decisions due
/// for review, agreements entering their notice period or expiring, commitments falling due, membership terms ending and
/// lapsing; reminders a day before meetings and action items falling due.
/// </summary>
/// <remarks>
/// <para>Feed it with <see cref="CatchUpAsync"/> (it reads the log after <see cref="Position"/>), or with
/// <see cref="Apply(EventEnvelope)"/> from a projection loop of your own. <see cref="ScheduledWorkRunner"/> does both
/// and then carries the work out.</para>
/// <para>It reads: <c>VotingOpened</c>, <c>DeadlineExtended</c>, <c>RoundClosed</c>, <c>ProposalWithdrawn</c>,
/// <c>ReviewScheduled</c>; <c>PollOpened</c>, <c>PollClosed</c>, <c>PollCancelled</c>; the agreement's versions, entry
/// into force, settled commitments and termination; the coalition's founding (its time zone) and each membership's term,
/// suspension and departure; a meeting's convening (its time zone), scheduling, postponement, cancellation, adjournment,
/// minutes and completed actions; and the scheduler's own record of notices sent.</para>
/// <para>Memory grows with the work pending, plus a small entry per coalition and proposal (for time zones) and per
/// notice sent (so a rebuilt projection does not schedule it again); done work is forgotten.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: one projection per loop.</threadsafety>
public sealed class ScheduledWork
{
    /// <summary>The type of the record a runner appends when it sends a notice: the claim that makes each notice go out once.</summary>
    public const string NoticeSentType = "Hosting.NoticeSent";

    private const int BatchSize = 500;

    private readonly EventSerializer _serializer;
    private readonly Dictionary<string, DueItem> _pending = new(StringComparer.Ordinal);
    private readonly SortedSet<(Instant DueAt, string Key)> _byTime = [];
    private readonly HashSet<string> _noticesSent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _keysOfStream = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, DateTimeZone> _zoneOfCoalition = [];
    private readonly Dictionary<Guid, Guid> _coalitionOfProposal = [];
    private readonly Dictionary<string, DueItem> _openRound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AgreementState> _agreements = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Stream, PartnerId Partner), MemberTerm> _terms = [];
    private readonly Dictionary<string, DateTimeZone> _zoneOfMeeting = new(StringComparer.Ordinal);

    /// <summary>Initializes an empty projection.</summary>
    /// <param name="serializer">Reads stored events; <see cref="EventSerializer.Default"/> when omitted.</param>
    public ScheduledWork(EventSerializer? serializer = null) => _serializer = serializer ?? EventSerializer.Default;

    /// <summary>Gets the global position of the last stored event applied: where <see cref="CatchUpAsync"/> reads on.</summary>
    public long Position { get; private set; }

    /// <summary>Gets how many pieces of work are pending, due or not.</summary>
    public int Count => _pending.Count;

    /// <summary>Gets when the earliest pending work falls due, to set a timer; <see langword="null"/> when nothing is pending.</summary>
    public Instant? NextDue => _byTime.Count == 0 ? null : _byTime.Min.DueAt;

    /// <summary>The work due at an instant: everything pending that falls due then or earlier.</summary>
    /// <param name="at">The instant, usually now.</param>
    /// <returns>The work, earliest first (then by key).</returns>
    public IReadOnlyList<DueItem> DueAt(Instant at) =>
        _byTime.TakeWhile(entry => entry.DueAt <= at).Select(entry => _pending[entry.Key]).ToArray();

    /// <summary>Reads the log after <see cref="Position"/> and applies every event, in batches, up to the end of the log.</summary>
    /// <param name="store">The event store.</param>
    /// <param name="cancellationToken">Cancels the reading between batches.</param>
    /// <returns>How many stored events were read.</returns>
    /// <exception cref="StoredEventException">A stored domain event cannot be read.</exception>
    public async Task<int> CatchUpAsync(IEventStore store, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(store, nameof(store));
        // A loop with its condition at the end, not `while (true)` with a return inside: Stryker's mutation of a
        // `while (true)` leaves a method without a return, which rolls back every mutant in it.
        var read = 0;
        int count;
        do
        {
            var batch = await store.ReadAllAsync(Position, BatchSize, cancellationToken).ConfigureAwait(false);
            foreach (var stored in batch)
            {
                Apply(stored);
            }

            count = batch.Count;
            read += count;
        }
        while (count >= BatchSize);

        return read;
    }

    /// <summary>Applies a stored event read from the log: a domain event, the scheduler's record of a notice sent, or anything else (ignored).</summary>
    /// <param name="stored">The stored event; its position becomes <see cref="Position"/>.</param>
    /// <exception cref="StoredEventException">A stored domain event cannot be read.</exception>
    public void Apply(StoredEvent stored)
    {
        Preconditions.CheckNotNull(stored, nameof(stored));
        if (string.Equals(stored.EventType, NoticeSentType, StringComparison.Ordinal))
        {
            ForgetNotice(NoticeRecord.Read(stored).Key);
        }
        else if (_serializer.IsDomainEvent(stored.EventType))
        {
            Apply(stored.StreamName, _serializer.Deserialize(stored));
        }

        Position = Math.Max(Position, stored.Position);
    }

    /// <summary>Applies an event read from the log by a projection loop of the host's own.</summary>
    /// <param name="envelope">The event with its envelope; its position becomes <see cref="Position"/>.</param>
    public void Apply(EventEnvelope envelope)
    {
        Preconditions.CheckNotNull(envelope, nameof(envelope));
        Apply(envelope.StreamName, envelope.Event);
        Position = Math.Max(Position, envelope.Position);
    }

    /// <summary>Applies an event of an aggregate the host holds (for example one it just saved), without moving <see cref="Position"/>.</summary>
    /// <param name="streamName">The aggregate's stream.</param>
    /// <param name="domainEvent">The event.</param>
    public void Apply(string streamName, IDomainEvent domainEvent)
    {
        Preconditions.CheckNotNull(streamName, nameof(streamName));
        Preconditions.CheckNotNull(domainEvent, nameof(domainEvent));
        switch (domainEvent)
        {
            case ProposalDrafted e:
                _coalitionOfProposal[e.Proposal.Value] = e.Coalition.Value;
                break;
            case VotingOpened e:
                ForgetWhere(streamName, key => key.Contains("/round-", StringComparison.Ordinal));
                _openRound[streamName] = new DueItem(
                    $"{streamName}/round-{e.Round}",
                    e.Rule.Method == DecisionMethod.SilenceProcedure ? DueKind.SilenceProcedureEnds : DueKind.RoundDeadline,
                    streamName,
                    e.Deadline,
                    ScheduledCommand.CloseProposal,
                    e.Round);
                Schedule(_openRound[streamName]);
                break;
            case DeadlineExtended e when _openRound.TryGetValue(streamName, out var round) && round.Round == e.Round:
                // Scheduled again even if a runner dropped the old deadline: the round stays open until RoundClosed.
                _openRound[streamName] = round with { DueAt = e.Deadline };
                Schedule(_openRound[streamName]);
                break;
            case RoundClosed e:
                Forget($"{streamName}/round-{e.Round}");
                _openRound.Remove(streamName);
                break;
            case ProposalWithdrawn:
                ForgetWhere(streamName, _ => true);
                _openRound.Remove(streamName);
                break;
            case ReviewScheduled e:
                ForgetWhere(streamName, key => key.Contains("/review-", StringComparison.Ordinal));
                var zone = _coalitionOfProposal.TryGetValue(e.Proposal.Value, out var coalition) ? ZoneOf(coalition) : DateTimeZone.Utc;
                Schedule(new DueItem($"{streamName}/review-{e.ReviewOn:yyyy-MM-dd}", DueKind.ReviewDue, streamName, StartOf(e.ReviewOn, zone), null));
                break;
            case PollOpened e:
                Schedule(new DueItem($"{streamName}/close", DueKind.PollDeadline, streamName, e.Deadline, ScheduledCommand.ClosePoll));
                break;
            case PollClosed or PollCancelled:
                ForgetWhere(streamName, _ => true);
                break;
            case CoalitionFounded e:
                _zoneOfCoalition[e.Coalition.Value] = DateTimeZoneProviders.Tzdb.GetZoneOrNull(e.TimeZone) ?? DateTimeZone.Utc;
                break;
            case MembershipAccepted e:
                Reschedule(streamName, e.Coalition, e.Partner, new MemberTerm(e.TermEndsOn, e.GracePeriod, Active: true));
                break;
            case MembershipRenewed e when _terms.TryGetValue((streamName, e.Partner), out var term):
                Reschedule(streamName, e.Coalition, e.Partner, term with { EndsOn = e.TermEndsOn });
                break;
            case MemberSuspended e when _terms.TryGetValue((streamName, e.Partner), out var term):
                Reschedule(streamName, e.Coalition, e.Partner, term with { Active = false });
                break;
            case MemberReinstated e when _terms.TryGetValue((streamName, e.Partner), out var term):
                Reschedule(streamName, e.Coalition, e.Partner, term with { Active = true });
                break;
            case MemberWithdrew or MemberExpelled:
                var partner = domainEvent is MemberWithdrew w ? w.Partner : ((MemberExpelled)domainEvent).Partner;
                ForgetWhere(streamName, key => key.Contains($"/member-{partner}/", StringComparison.Ordinal));
                _terms.Remove((streamName, partner));
                break;
            case MeetingConvened or MeetingScheduled or MeetingPostponed or MeetingCancelled or MeetingAdjourned or MinutesRecorded or ActionItemCompleted:
                ApplyMeeting(streamName, domainEvent);
                break;
            default:
                ApplyAgreement(streamName, domainEvent);
                break;
        }
    }

    /// <summary>Forgets one piece of work, for example after doing it; a notice's key is remembered so it is not scheduled again.</summary>
    /// <param name="key">The work's key.</param>
    public void Done(string key)
    {
        Preconditions.CheckNotNull(key, nameof(key));
        if (_pending.TryGetValue(key, out var item) && item.IsNotice)
        {
            _noticesSent.Add(key);
        }

        Forget(key);
    }

    internal void ForgetNotice(string key)
    {
        _noticesSent.Add(key);
        Forget(key);
    }

    private static Instant StartOf(LocalDate date, DateTimeZone zone) => date.AtStartOfDayInZone(zone).ToInstant();

    // A reminder a day before a scheduled meeting starts; each action item its minutes set, at the start of its due date in
    // the coalition's time zone, until it is done.
    private void ApplyMeeting(string streamName, IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case MeetingConvened e:
                _zoneOfMeeting[streamName] = DateTimeZoneProviders.Tzdb.GetZoneOrNull(e.TimeZone) ?? DateTimeZone.Utc;
                break;
            case MeetingScheduled e:
                ForgetWhere(streamName, key => key.Contains("/reminder-", StringComparison.Ordinal));
                Schedule(new DueItem($"{streamName}/reminder-{e.Sequence}", DueKind.MeetingReminder, streamName, e.Start - Duration.FromDays(1), null));
                break;
            case MeetingPostponed or MeetingCancelled or MeetingAdjourned:
                ForgetWhere(streamName, key => key.Contains("/reminder-", StringComparison.Ordinal));
                break;
            case MinutesRecorded e:
                var zone = _zoneOfMeeting.GetValueOrDefault(streamName, DateTimeZone.Utc);
                foreach (var action in e.Minutes.Actions)
                {
                    Schedule(new DueItem($"{streamName}/action-{action.Key.Value}", DueKind.ActionItemDue, streamName, StartOf(action.Due, zone), null, Subject: action.Key.Value));
                }

                break;
            case ActionItemCompleted e:
                Forget($"{streamName}/action-{e.Action.Value}");
                break;
        }
    }

    private void ApplyAgreement(string streamName, IDomainEvent domainEvent)
    {
        var state = _agreements.TryGetValue(streamName, out var known) ? known : null;
        switch (domainEvent)
        {
            case AgreementDrafted e:
                _agreements[streamName] = state = new AgreementState();
                state.Versions[e.Version.Number] = e.Version;
                return;
            case AgreementRevised e when state is not null:
                state.Versions[e.Version.Number] = e.Version;
                return;
            case AmendmentProposed e when state is not null:
                state.Versions[e.Version.Number] = e.Version;
                return;
            case AgreementEnteredIntoForce e when state is not null && state.Versions.TryGetValue(e.Version, out var version):
                state.InForce = version;
                break;
            case CommitmentFulfilled e when state is not null:
                state.Settled.Add(e.Commitment);
                break;
            case CommitmentWaived e when state is not null:
                state.Settled.Add(e.Commitment);
                break;
            case AgreementTerminated when state is not null:
                _agreements.Remove(streamName);
                state.InForce = null;
                break;
            default:
                return;
        }

        // Agreements keep their calendar dates in UTC: the parties may sit in different time zones.
        ForgetWhere(streamName, _ => true);
        if (state.InForce is not { } inForce)
        {
            return;
        }

        if (inForce.Terms.EffectiveUntil is { } until)
        {
            var expires = until.PlusDays(1);
            var expiring = until.Minus(inForce.Terms.NoticePeriod).PlusDays(1);
            if (expiring < expires)
            {
                Schedule(new DueItem($"{streamName}/v{inForce.Number}/expiring-{expiring:yyyy-MM-dd}", DueKind.AgreementExpiring, streamName, StartOf(expiring, DateTimeZone.Utc), null));
            }

            Schedule(new DueItem($"{streamName}/v{inForce.Number}/expires-{expires:yyyy-MM-dd}", DueKind.AgreementExpires, streamName, StartOf(expires, DateTimeZone.Utc), null));
        }

        foreach (var commitment in inForce.Commitments.Where(c => !state.Settled.Contains(c.Key)))
        {
            Schedule(new DueItem($"{streamName}/commitment-{commitment.Key}/{commitment.Due:yyyy-MM-dd}", DueKind.CommitmentDue, streamName, StartOf(commitment.Due, DateTimeZone.Utc), null, Subject: commitment.Key));
        }
    }

    private void Reschedule(string streamName, CoalitionId coalition, PartnerId partner, MemberTerm term)
    {
        _terms[(streamName, partner)] = term;
        ForgetWhere(streamName, key => key.Contains($"/member-{partner}/", StringComparison.Ordinal));
        if (!term.Active)
        {
            return;
        }

        var zone = ZoneOf(coalition.Value);
        var graceBegins = term.EndsOn.PlusDays(1);
        var lapses = term.EndsOn.Plus(term.Grace).PlusDays(1);
        if (graceBegins < lapses)
        {
            Schedule(new DueItem($"{streamName}/member-{partner}/term-ends-{term.EndsOn:yyyy-MM-dd}", DueKind.MembershipTermEnds, streamName, StartOf(graceBegins, zone), null, Subject: partner.ToString()));
        }

        Schedule(new DueItem($"{streamName}/member-{partner}/lapses-{lapses:yyyy-MM-dd}", DueKind.MembershipLapses, streamName, StartOf(lapses, zone), null, Subject: partner.ToString()));
    }

    private DateTimeZone ZoneOf(Guid coalition) => _zoneOfCoalition.GetValueOrDefault(coalition, DateTimeZone.Utc);

    private void Schedule(DueItem item)
    {
        if (item.IsNotice && _noticesSent.Contains(item.Key))
        {
            return;
        }

        Forget(item.Key);
        _pending[item.Key] = item;
        _byTime.Add((item.DueAt, item.Key));
        if (!_keysOfStream.TryGetValue(item.StreamName, out var keys))
        {
            _keysOfStream[item.StreamName] = keys = new HashSet<string>(StringComparer.Ordinal);
        }

        keys.Add(item.Key);
    }

    private void Forget(string key)
    {
        if (_pending.Remove(key, out var item))
        {
            _byTime.Remove((item.DueAt, key));
            _keysOfStream[item.StreamName].Remove(key);
        }
    }

    private void ForgetWhere(string streamName, Func<string, bool> matches)
    {
        if (_keysOfStream.TryGetValue(streamName, out var keys))
        {
            foreach (var key in keys.Where(matches).ToArray())
            {
                Forget(key);
            }
        }
    }

    private sealed class AgreementState
    {
        public Dictionary<int, AgreementVersion> Versions { get; } = [];

        public HashSet<string> Settled { get; } = new(StringComparer.Ordinal);

        public AgreementVersion? InForce { get; set; }
    }

    private sealed record MemberTerm(LocalDate EndsOn, Period Grace, bool Active);
}

/// <summary>What the scheduler stores when it sends a notice: its claim on the notice, so each goes out once.</summary>
/// <param name="Key">The notice's key.</param>
/// <param name="Kind">What fell due.</param>
/// <param name="StreamName">The aggregate it concerns.</param>
/// <param name="DueAt">When it fell due.</param>
internal sealed record NoticeRecord(string Key, DueKind Kind, string StreamName, Instant DueAt)
{
    public static NoticeRecord Read(StoredEvent stored)
    {
        try
        {
            return JsonSerializer.Deserialize(stored.Data, StorageJsonContext.SnapshotOptions.GetTypeInfo(typeof(NoticeRecord))) as NoticeRecord
                ?? throw new JsonException("The record is null.");
        }
        catch (Exception inner) when (inner is not OutOfMemoryException)
        {
            throw new StoredEventException(ErrorCodes.Kernel.UnreadableEvent, $"The notice record at global position {stored.Position} cannot be read: {inner.Message}", stored.Version, stored.EventType, inner);
        }
    }

    public string Write() => JsonSerializer.Serialize(this, StorageJsonContext.SnapshotOptions.GetTypeInfo(typeof(NoticeRecord)));
}
