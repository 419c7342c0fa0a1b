using Coalitions.Core.Coalitions;
using Coalitions.Core.Kernel;
using NodaTime;
using Stateless;
using Stateless.Graph;

namespace Coalitions.Core.Engagement;

/// <summary>
/// One round of a collaboration health check: members rate statements about how the coalition works (1 to 5), and the
/// round scores each factor as the exact mean of its ratings, with the strengths (4 and above), the borderline factors
/// (3 to 4) and the concerns (below 3), and the change since the previous round.
/// </summary>
/// <remarks>
/// <para><b>Anonymity.</b> A response must not be traceable to its member by anyone who reads the event store. So a
/// response is recorded in an event that holds the ratings and a tag (an HMAC of the check and the member under an
/// <see cref="AnonymityKey"/> the host keeps outside the store), and nothing else: no member, no person (its actor is
/// <see cref="AnonymousRespondent"/>), no real instant (it carries the round's opening instant), ratings in the
/// statements' order. No event is recorded per member while the round is open, so the order of the responses in the
/// stream cannot be matched against anything; at close, the respondents are recorded once, as a list in id order. Results
/// are shown only when at least the round's minimum number of members (three or more) responded. A round closed with
/// fewer respondents than its minimum records only how many responded, never who: beside one or two stored responses, a
/// list of names would tie each member to its ratings. Such a round names no respondents (<see cref="Respondents"/> is
/// <see langword="null"/>), and only the key's holder can still tell who responded (<see cref="HasResponded"/>).</para>
/// <para><b>Limits.</b> Whoever holds the key while the round is open can link tags to members: keep it in the host's
/// secret store, not beside the events, and destroy it after closing (the check no longer needs it). The store's own
/// envelope still records when each response was appended (its position in the global log, the time it was recorded,
/// and any metadata the host adds): save responses without <c>EventMetadata</c> naming the person, and treat the log's
/// timing as sensitive, or batch the saves. Between two readings of the store, the response that appeared is the one
/// given in between. In a small round, a member who knows its own ratings learns something of the others'. These are
/// the host's to manage; the events themselves name no respondent.</para>
/// <para>Lifecycle: Open → Closed, or Cancelled; responses are taken until the end of the closing date, in the
/// coalition's time zone. Who may act: a coordinator opens, closes and cancels; a delegate of a member on the roster
/// responds for it, once. See <c>docs/diagrams/health-check-lifecycle.md</c>.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class HealthCheck : AggregateRoot<HealthCheckId>
{
    private const string GuardBeforeClosing = "its closing date has not passed";

    private static readonly Permissions<HealthCheck, Acting> Who = new(nameof(HealthCheck));
    private static readonly Role<HealthCheck, Acting> ACoordinator = Who.Role(
        "a coordinator of the coalition",
        static (_, by, acting) => CoalitionRoles.IsCoordinator(acting.Coalition, by));
    private static readonly Role<HealthCheck, Acting> RosterDelegate = Who.Role(
        "a delegate of the member responding, acting for it (a member on the round's roster)",
        static (check, by, acting) => acting.Member is { } member && check._onRoster.Contains(member) && CoalitionRoles.IsDelegateOf(acting.Coalition, member, by));

    private static readonly Command<HealthCheck, Acting> OpenCommand = Who.Command(nameof(Open), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<HealthCheck, Acting> RespondCommand = Who.Command(nameof(Respond), ErrorCodes.Engagement.NotAuthorized, RosterDelegate);
    private static readonly Command<HealthCheck, Acting> CloseCommand = Who.Command(nameof(Close), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<HealthCheck, Acting> CancelCommand = Who.Command(nameof(Cancel), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);

    private readonly List<HealthStatement> _statements = [];
    private readonly Dictionary<HealthStatementKey, int> _statementIndex = [];
    private readonly List<PartnerId> _roster = [];
    private readonly HashSet<PartnerId> _onRoster = [];
    private readonly HashSet<string> _tags = new(StringComparer.Ordinal);
    private readonly List<IReadOnlyList<HealthRating>> _responses = [];
    private StateMachine<HealthCheckStatus, Step>? _machine;
    private HealthCheckStatus _status = HealthCheckStatus.Open;
    private DateTimeZone _zone = DateTimeZone.Utc;
    private string _fingerprint = string.Empty;
    private Instant _checkedAt;

    private HealthCheck()
    {
    }

    private enum Step
    {
        Respond,
        Close,
        Cancel,
    }

    /// <summary>Gets the actor every response records: a fixed, anonymous one, so the event names no person.</summary>
    public static Actor AnonymousRespondent { get; } = Actor.System("anonymous-respondent");

    /// <summary>Gets the coalition assessed.</summary>
    public CoalitionId Coalition { get; private set; }

    /// <summary>Gets the round's title.</summary>
    public string Title { get; private set; } = string.Empty;

    /// <summary>Gets the last day members respond, in the coalition's time zone.</summary>
    public LocalDate ClosesOn { get; private set; }

    /// <summary>Gets when the round opened.</summary>
    public Instant OpenedAt { get; private set; }

    /// <summary>Gets the status.</summary>
    public HealthCheckStatus Status => _status;

    /// <summary>Gets the statements rated, in order.</summary>
    public IReadOnlyList<HealthStatement> Statements => _statements.AsReadOnly();

    /// <summary>Gets the members asked to respond, in id order.</summary>
    public IReadOnlyList<PartnerId> Roster => _roster.AsReadOnly();

    /// <summary>Gets how many members must respond before results are shown.</summary>
    public int MinimumRespondents { get; private set; }

    /// <summary>Gets how many members have responded.</summary>
    public int ResponseCount => _responses.Count;

    /// <summary>Gets the share of the roster that has responded, exactly.</summary>
    public Fraction ResponseRate => new(_responses.Count, Math.Max(1, _roster.Count));

    /// <summary>
    /// Gets the members who responded, in id order, once the round is closed with at least its minimum number of
    /// respondents; <see langword="null"/> before, when cancelled, and when it closed with fewer (the close records only
    /// their number, <see cref="ResponseCount"/>). A round closed below its minimum by an earlier version, which named its
    /// respondents, still names them as stored.
    /// </summary>
    public IReadOnlyList<PartnerId>? Respondents { get; private set; }

    private StateMachine<HealthCheckStatus, Step> Machine => _machine ??= BuildMachine();

    private Instant ClosingInstant => ClosesOn.PlusDays(1).AtStartOfDayInZone(_zone).ToInstant();

    private string Subject => $"health check '{Title}'";

    /// <summary>Opens a round of the health check; every member active that day is on its roster.</summary>
    /// <param name="id">The new round's id.</param>
    /// <param name="draft">The coalition, title, closing date, statements and minimum number of respondents.</param>
    /// <param name="key">The round's anonymity key (<see cref="AnonymityKey.Create"/>), kept by the host outside the event store until the round is closed.</param>
    /// <param name="coalition">The coalition, read for its coordinators, members and time zone.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it opens.</param>
    /// <returns>The round, open.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not a coordinator, an empty id, an invalid draft (<c>Engagement.InvalidInput</c>, <c>Kernel.InvalidText</c>), another
    /// coalition, no key, a closing date before the day it opens, or fewer active members than the minimum number of respondents.
    /// </exception>
    /// <example>
    /// <code>
    /// var key = AnonymityKey.Create();   // kept in the host's secret store, never with the events
    /// var check = HealthCheck.Open(HealthCheckId.New(),
    ///     new HealthCheckDraft(coalition.Id, "Spring 2026", new LocalDate(2026, 4, 30), HealthCheckStatements.Standard),
    ///     key, coalition, secretariat, now);
    /// </code>
    /// </example>
    public static HealthCheck Open(HealthCheckId id, HealthCheckDraft draft, AnonymityKey key, Coalition coalition, Actor by, Instant at)
    {
        var check = new HealthCheck();
        OpenCommand.Authorize(check, by, at, new Acting(coalition), "a new health check");
        Ensure.Id(id, nameof(id));
        Ensure.NotNull(coalition, nameof(coalition));
        Ensure.NotNull(key, nameof(key));
        HealthCheckDraftValidator.Instance.EnsureValid(draft);
        if (draft.Coalition != coalition.Id)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "The health check is drafted for another coalition than {coalition}.", ("coalition", coalition.Name));
        }

        var today = CoalitionRoles.DayOf(coalition, at);
        if (draft.ClosesOn < today)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Engagement.InvalidInput, "The health check would close on {closes}, before it opens on {today}.", ("closes", draft.ClosesOn), ("today", today));
        }

        var roster = coalition.Members.Where(m => CoalitionRoles.IsActiveMember(coalition, m.Partner, at)).Select(m => m.Partner).OrderBy(p => p.Value).ToArray();
        if (roster.Length < draft.MinimumRespondents)
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Engagement.InvalidInput,
                roster.Length == 1
                    ? "{coalition} has 1 active member, fewer than the {minimum} respondents the health check needs before it shows results; anonymity would not hold."
                    : "{coalition} has {count} active members, fewer than the {minimum} respondents the health check needs before it shows results; anonymity would not hold.",
                ("coalition", coalition.Name), ("count", roster.Length), ("minimum", draft.MinimumRespondents));
        }

        var statements = draft.Statements.Select(s => s with { FactorName = s.FactorName.Trim(), Text = s.Text.Trim() }).ToArray();
        check.Raise(new HealthCheckOpened(id, coalition.Id, coalition.TimeZone.Id, draft.Title.Trim(), draft.ClosesOn, statements, roster, draft.MinimumRespondents, key.Fingerprint(id), at, by));
        return check;
    }

    /// <summary>Rebuilds a round from its events, checking that they form its history, without building its state machine.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The round.</returns>
    /// <exception cref="StoredEventException">The events are not the history of one round (<c>Kernel.CorruptHistory</c>).</exception>
    public static HealthCheck Rehydrate(IEnumerable<IDomainEvent> history) => Rebuild(new HealthCheck(), history);

    /// <summary>The health check lifecycle as a Mermaid state diagram, generated from the state machine.</summary>
    /// <returns>The diagram text.</returns>
    public static string LifecycleDiagram() => MermaidGraph.Format(new HealthCheck().Machine.GetInfo());

    /// <summary>
    /// Whether a member has responded. Once the round is closed with its respondents named, the recorded respondents answer;
    /// while it is open, when it is cancelled, and when it closed with fewer respondents than its minimum (which names
    /// none), only the holder of the round's key can tell (to send reminders), since nothing else in the store says so.
    /// </summary>
    /// <param name="member">The member.</param>
    /// <param name="key">The round's anonymity key; needed unless the round is closed with its respondents named.</param>
    /// <returns><see langword="true"/> when the member has responded.</returns>
    /// <exception cref="CoalitionRuleException">An empty id, no key when the respondents are not named (<c>Engagement.InvalidInput</c>), or another key (<c>Engagement.WrongAnonymityKey</c>).</exception>
    public bool HasResponded(PartnerId member, AnonymityKey? key = null)
    {
        Ensure.Id(member, nameof(member));
        if (Respondents is { } respondents)
        {
            return respondents.Contains(member);
        }

        if (key is null)
        {
            throw _status == HealthCheckStatus.Closed
                ? CoalitionRuleException.Because(ErrorCodes.Engagement.InvalidInput, "The {title} closed with fewer respondents than its minimum of {minimum} and names none; only the holder of its anonymity key can tell who has responded.", ("title", Subject), ("minimum", MinimumRespondents))
                : CoalitionRuleException.Because(ErrorCodes.Engagement.InvalidInput, "The {title} is {status} and keeps no list of its respondents; only the holder of its anonymity key can tell who has responded.", ("title", Subject), ("status", _status));
        }

        CheckKey(key);
        return _tags.Contains(key.Tag(Id, member));
    }

    /// <summary>
    /// The round's results: each factor's exact mean and band, each category's mean, the response rate and, given the
    /// previous round, the change of each factor since then.
    /// </summary>
    /// <param name="previous">The previous round, if any: an earlier, closed round of the same coalition whose results can be read.</param>
    /// <returns>The results.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not closed, or fewer respondents than the round's minimum (<c>Engagement.ResultsWithheld</c>); a previous round that
    /// cannot be compared (<c>Engagement.NotComparable</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// var results = spring.Results(previous: autumn);
    /// Console.WriteLine(results.Describe());   // strengths, borderline factors and concerns, with the change since autumn
    /// </code>
    /// </example>
    public HealthCheckResults Results(HealthCheck? previous = null)
    {
        EnsureResultsReadable(this);
        if (previous is not null)
        {
            if (previous.Coalition != Coalition || previous.OpenedAt >= OpenedAt || ReferenceEquals(previous, this) || previous.Id == Id)
            {
                throw CoalitionRuleException.Because(ErrorCodes.Engagement.NotComparable, "Health check '{previous}' is not an earlier round of the same coalition.", ("previous", previous.Title));
            }

            try
            {
                EnsureResultsReadable(previous);
            }
            catch (CoalitionRuleException withheld) when (withheld.Has(ErrorCodes.Engagement.ResultsWithheld))
            {
                throw CoalitionRuleException.Because(ErrorCodes.Engagement.NotComparable, "The results of health check '{previous}' cannot be read, so this round is not compared with it.", ("previous", previous.Title));
            }
        }

        var factors = Scores();
        var before = previous?.Scores().ToDictionary(f => f.Factor);
        var scored = factors.Select(f =>
        {
            var earlier = before?.GetValueOrDefault(f.Factor)?.Mean;
            return f with { Previous = earlier, Change = f.Mean is { } now && earlier is { } then ? ScoreChange.Between(then, now) : null };
        }).ToArray();
        var categories = Enum.GetValues<HealthCategory>()
            .Select(c => (Category: c, Ratings: _responses.SelectMany(r => r).Where(r => _statements[_statementIndex[r.Statement]].Category == c).ToArray()))
            .Where(c => _statements.Any(s => s.Category == c.Category))
            .Select(c => new CategoryScore(c.Category, c.Ratings.Length == 0 ? null : new Fraction(c.Ratings.Sum(r => (long)r.Score), c.Ratings.Length), c.Ratings.Length))
            .ToArray();
        return new HealthCheckResults(Id, Title, _roster.Count, _responses.Count, ResponseRate, scored, categories, previous?.Title);
    }

    /// <summary>
    /// A member responds: its ratings are recorded with a tag and nothing that names it (see the remarks on anonymity).
    /// A response is final: nothing ties it to the member any more.
    /// </summary>
    /// <param name="member">The member responding: on the round's roster, not responded yet.</param>
    /// <param name="ratings">Its ratings: 1 to 5 for each statement it rates, each statement at most once, at least one.</param>
    /// <param name="key">The round's anonymity key.</param>
    /// <param name="coalition">The coalition, read for the member's delegates.</param>
    /// <param name="by">A delegate of the member, acting for it.</param>
    /// <param name="at">When it responds; until the end of the closing date. It is not recorded.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a delegate of a member on the roster (<c>Engagement.NotAuthorized</c>), another coalition, the round closed or
    /// past its closing date (<c>Engagement.InvalidTransition</c>), another key (<c>Engagement.WrongAnonymityKey</c>),
    /// responded already (<c>Engagement.AlreadyResponded</c>), a statement not in the round (<c>Engagement.UnknownKey</c>),
    /// rated twice (<c>Engagement.Duplicate</c>), or a score out of range (<c>Kernel.OutOfRange</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// check.Respond(member, [new HealthRating(new HealthStatementKey("trust"), 4), new HealthRating(new HealthStatementKey("means"), 2)],
    ///     key, coalition, Actor.Representing(delegatePerson, member), now);
    /// </code>
    /// </example>
    public void Respond(PartnerId member, IReadOnlyList<HealthRating> ratings, AnonymityKey key, Coalition coalition, Actor by, Instant at)
    {
        RespondCommand.Authorize(this, by, at, new Acting(coalition, member), Subject);
        Own(coalition);
        Ensure.NotNull(key, nameof(key));
        EnsureStep(Step.Respond, at);
        CheckKey(key);
        var tag = key.Tag(Id, member);
        if (_tags.Contains(tag))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Engagement.AlreadyResponded, "{member} has responded to {title} already; a response is final.", ("member", coalition.NameOf(member)), ("title", Subject));
        }

        var normalized = Normalize(ratings);
        Raise(new HealthCheckResponseRecorded(Id, tag, normalized, OpenedAt, AnonymousRespondent));
    }

    /// <summary>
    /// Closes the round. With at least its minimum number of respondents, they are recorded (as a list in id order) and its
    /// results can be read; the key is not needed afterwards. With fewer, only how many responded is recorded, not who, and
    /// the results are withheld: named beside so few stored responses, the members could be matched to their ratings.
    /// </summary>
    /// <param name="key">The round's anonymity key, to find the respondents.</param>
    /// <param name="coalition">The coalition, read for its coordinators.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it closes; before or after the closing date.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, another coalition, not open (<c>Engagement.InvalidTransition</c>), or another key (<c>Engagement.WrongAnonymityKey</c>).</exception>
    public void Close(AnonymityKey key, Coalition coalition, Actor by, Instant at)
    {
        CloseCommand.Authorize(this, by, at, new Acting(coalition), Subject);
        Own(coalition);
        Ensure.NotNull(key, nameof(key));
        EnsureStep(Step.Close, at);
        CheckKey(key);
        if (_responses.Count < MinimumRespondents)
        {
            Raise(new HealthCheckClosed(Id, [], at, by, _responses.Count));
            return;
        }

        var respondents = _roster.Where(m => _tags.Contains(key.Tag(Id, m))).ToArray();
        Raise(new HealthCheckClosed(Id, respondents, at, by));
    }

    /// <summary>Cancels the round without results.</summary>
    /// <param name="reason">Why: at most 2,000 characters.</param>
    /// <param name="coalition">The coalition, read for its coordinators.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When the round is cancelled.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, another coalition, no reason, or not open.</exception>
    public void Cancel(string reason, Coalition coalition, Actor by, Instant at)
    {
        CancelCommand.Authorize(this, by, at, new Acting(coalition), Subject);
        Own(coalition);
        FreeText.Check(reason, nameof(reason), required: true);
        EnsureStep(Step.Cancel, at);
        Raise(new HealthCheckCancelled(Id, reason.Trim(), at, by));
    }

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is HealthCheckOpened;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => domainEvent switch
    {
        HealthCheckOpened e => OpenedProblem(e),
        HealthCheckResponseRecorded e =>
            _status != HealthCheckStatus.Open ? "the round is not open." :
            e.At != OpenedAt || e.By != AnonymousRespondent ? "a response records the round's opening instant and the anonymous respondent, nothing else." :
            !AnonymityKey.IsDigest(e.Tag) ? "the response's tag is not a digest." :
            _tags.Contains(e.Tag) ? "the tag has responded already." :
            _responses.Count >= _roster.Count ? "more responses than members on the roster." :
            RatingsProblem(e.Ratings),
        HealthCheckClosed e =>
            _status != HealthCheckStatus.Open ? "the round is not open." :
            e.RespondentCount is { } count ? CountedCloseProblem(e, count) :
            e.Respondents.Count != _responses.Count ? "the respondents named are not as many as the responses." :
            !e.Respondents.All(_onRoster.Contains) || e.Respondents.Distinct().Count() != e.Respondents.Count ? "a respondent is not on the roster, or is named twice." :
            !e.Respondents.Zip(e.Respondents.Skip(1)).All(p => p.First.Value.CompareTo(p.Second.Value) < 0) ? "the respondents are not in id order." : null,
        HealthCheckCancelled => _status != HealthCheckStatus.Open ? "the round is not open." : null,
        _ => null,
    };

    /// <inheritdoc />
    protected override void Apply(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case HealthCheckOpened e:
                Id = e.Check;
                Coalition = e.Coalition;
                _zone = DateTimeZoneProviders.Tzdb[e.TimeZone];
                Title = e.Title;
                ClosesOn = e.ClosesOn;
                OpenedAt = e.At;
                MinimumRespondents = e.MinimumRespondents;
                _fingerprint = e.KeyFingerprint;
                foreach (var statement in e.Statements)
                {
                    _statementIndex[statement.Key] = _statements.Count;
                    _statements.Add(statement);
                }

                _roster.AddRange(e.Roster);
                _onRoster.UnionWith(e.Roster);
                break;
            case HealthCheckResponseRecorded e:
                _tags.Add(e.Tag);
                _responses.Add(e.Ratings);
                break;
            case HealthCheckClosed e:
                Respondents = e.RespondentCount is null ? e.Respondents : null;
                _status = HealthCheckStatus.Closed;
                break;
            case HealthCheckCancelled:
                _status = HealthCheckStatus.Cancelled;
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }

    private static void EnsureResultsReadable(HealthCheck check)
    {
        if (check._status != HealthCheckStatus.Closed)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Engagement.ResultsWithheld, "The results of {title} are read once it is closed; it is {status}.", ("title", check.Subject), ("status", check._status));
        }

        var count = check._responses.Count;
        if (count < check.MinimumRespondents)
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Engagement.ResultsWithheld,
                count == 1
                    ? "1 member responded to {title}, fewer than the {minimum} it needs; its results are withheld so no member's ratings can be singled out."
                    : "{count} members responded to {title}, fewer than the {minimum} it needs; its results are withheld so no member's ratings can be singled out.",
                ("count", count), ("title", check.Subject), ("minimum", check.MinimumRespondents));
        }
    }

    private static string? OpenedProblem(HealthCheckOpened e) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(e.TimeZone) is null ? "the time zone is not a tz database id." :
        FreeText.Problem(e.Title, true, Limits.NameLength) is not null || !FreeText.IsSingleLine(e.Title) ? "the title is not one line of at most 200 characters." :
        HealthCheckRules.StatementsProblem(e.Statements) is { } problem ? problem :
        e.MinimumRespondents < HealthCheckRules.MinimumRespondents || e.MinimumRespondents > HealthCheckRules.MaxMinimumRespondents ? "the minimum number of respondents is out of range." :
        e.Roster.Count < e.MinimumRespondents || e.Roster.Count > Limits.MaxVoters ? "the roster has fewer members than the minimum number of respondents, or too many." :
        !e.Roster.Zip(e.Roster.Skip(1)).All(p => p.First.Value.CompareTo(p.Second.Value) < 0) ? "the roster is not in id order, or names a member twice." :
        !AnonymityKey.IsDigest(e.KeyFingerprint) ? "the key's fingerprint is not a digest." :
        !Limits.IsDate(e.ClosesOn) ? "the closing date is out of range." : null;

    // A close that records only how many responded: as many as the responses, fewer than the minimum, and no names.
    private string? CountedCloseProblem(HealthCheckClosed e, int count) =>
        count != _responses.Count ? "the respondents counted are not as many as the responses." :
        count >= MinimumRespondents ? "a close records only the number of its respondents when they are fewer than the round's minimum." :
        e.Respondents.Count != 0 ? "a close that records the number of its respondents names none." : null;

    private string? RatingsProblem(IReadOnlyList<HealthRating> ratings)
    {
        if (ratings.Count == 0 || ratings.Count > _statements.Count)
        {
            return "a response rates one statement or more, at most every statement.";
        }

        var previous = -1;
        foreach (var rating in ratings)
        {
            if (!_statementIndex.TryGetValue(rating.Statement, out var index) || index <= previous)
            {
                return "a rating names a statement not in the round, twice, or out of the statements' order.";
            }

            if (rating.Score < HealthCheckRules.LowestScore || rating.Score > HealthCheckRules.HighestScore)
            {
                return "a score is not from 1 to 5.";
            }

            previous = index;
        }

        return null;
    }

    // The ratings, checked, as the event stores them: in the order of the round's statements, so nothing in their order
    // depends on how the host built the list.
    private HealthRating[] Normalize(IReadOnlyList<HealthRating>? ratings)
    {
        var list = Ensure.Items(ratings, nameof(ratings), HealthCheckRules.MaxStatements);
        if (list.Count == 0)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Engagement.InvalidInput, "A response rates at least one statement.");
        }

        var byIndex = new SortedDictionary<int, HealthRating>();
        foreach (var rating in list)
        {
            TypedKey.Ensure(rating.Statement, "statement");
            if (!_statementIndex.TryGetValue(rating.Statement, out var index))
            {
                throw CoalitionRuleException.Because(ErrorCodes.Engagement.UnknownKey, "The {title} has no statement '{statement}'.", ("title", Subject), ("statement", rating.Statement.Value));
            }

            if (!byIndex.TryAdd(index, new HealthRating(rating.Statement, rating.Score)))
            {
                throw CoalitionRuleException.Because(ErrorCodes.Engagement.Duplicate, "Statement '{statement}' is rated twice.", ("statement", rating.Statement.Value));
            }

            Ensure.Range(rating.Score, "score", HealthCheckRules.LowestScore, HealthCheckRules.HighestScore);
        }

        return byIndex.Values.ToArray();
    }

    private FactorScore[] Scores()
    {
        var sums = new Dictionary<FactorKey, (long Sum, int Count)>();
        foreach (var rating in _responses.SelectMany(r => r))
        {
            var factor = _statements[_statementIndex[rating.Statement]].Factor;
            var (sum, count) = sums.GetValueOrDefault(factor);
            sums[factor] = (sum + rating.Score, count + 1);
        }

        return _statements.GroupBy(s => s.Factor).Select(g =>
        {
            var first = g.First();
            var (sum, count) = sums.GetValueOrDefault(g.Key);
            var mean = count == 0 ? (Fraction?)null : new Fraction(sum, count);
            return new FactorScore(g.Key, first.FactorName, first.Category, mean, count, mean is { } m ? FactorScore.BandOf(m) : null, null, null);
        }).ToArray();
    }

    private void CheckKey(AnonymityKey key)
    {
        if (!string.Equals(key.Fingerprint(Id), _fingerprint, StringComparison.Ordinal))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Engagement.WrongAnonymityKey, "The anonymity key given is not the one {title} was opened with.", ("title", Subject));
        }
    }

    private void Own(Coalition coalition)
    {
        Ensure.NotNull(coalition, nameof(coalition));
        if (coalition.Id != Coalition)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "The {title} assesses another coalition than {coalition}.", ("title", Subject), ("coalition", coalition.Name));
        }
    }

    private void EnsureStep(Step step, Instant at)
    {
        _checkedAt = at;
        if (!Machine.CanFire(step, out var unmet) || at < OpenedAt)
        {
            var because = unmet?.Count > 0 ? " (it needs that " + Words.List(unmet) + ")"
                : at < OpenedAt ? " (it opened on " + Words.Format(OpenedAt) + ")"
                : string.Empty;
            throw CoalitionRuleException.Because(
                ErrorCodes.Engagement.InvalidTransition,
                "The {title} is {status}; it cannot {action} on {date}{because}.",
                ("title", Subject), ("status", _status), ("action", Words.Identifier(step.ToString()).Replace("respond", "take a response", StringComparison.Ordinal)), ("date", at.InZone(_zone).Date), ("because", because));
        }
    }

    // Commands consult the machine and raise events; Apply moves the state. The machine is never fired.
    private StateMachine<HealthCheckStatus, Step> BuildMachine()
    {
        var machine = new StateMachine<HealthCheckStatus, Step>(() => _status, s => _status = s);
        machine.Configure(HealthCheckStatus.Open)
            .PermitReentryIf(Step.Respond, () => _checkedAt < ClosingInstant, GuardBeforeClosing)
            .Permit(Step.Close, HealthCheckStatus.Closed)
            .Permit(Step.Cancel, HealthCheckStatus.Cancelled);
        machine.Configure(HealthCheckStatus.Closed);
        machine.Configure(HealthCheckStatus.Cancelled);
        return machine;
    }

    /// <summary>What a command tells its authorization check: the coalition, and the member responding.</summary>
    private readonly record struct Acting(Coalition? Coalition, PartnerId? Member = null);
}
