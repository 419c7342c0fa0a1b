using System.Text;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using NodaTime;
using Stateless;
using Stateless.Graph;

namespace Coalitions.Core.Advocacy;

/// <summary>
/// A public statement the coalition issues and others sign on to: drafted by the secretariat, published by a decision
/// of the coalition, then endorsed by members and outside organizations until its closing date. The list of endorsers
/// can be read as it stood at any instant.
/// </summary>
/// <remarks>
/// <para>Lifecycle: Draft → Open (published) → Closed (at the end of its closing date, computed, or closed early), or
/// Draft → Cancelled. See <c>docs/diagrams/sign-on-statement-lifecycle.md</c>.</para>
/// <para>Endorsements: an organization endorses through a representative it has named (its partner record, passed in,
/// says who), and the endorsement is verified at once; or the secretariat records an endorsement received by letter,
/// form or email, pending until it confirms it with the organization (verified) or finds it false (rejected). An
/// organization endorses once at a time; it may withdraw, through its representative or the secretariat, and endorse
/// again later. Members and outside organizations are told apart by the coalition's roll on the day they endorse.</para>
/// <para>Publishing cites an adopted decision of the coalition on <see cref="MatterType.IssuePublicStatement"/>, taken
/// no later than publication and no earlier than the last change to the text.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class SignOnStatement : AggregateRoot<SignOnStatementId>
{
    private const string GuardBeforeClosing = "its closing date has not passed";

    private static readonly Permissions<SignOnStatement, Acting> Who = new(nameof(SignOnStatement));
    private static readonly Role<SignOnStatement, Acting> ACoordinator = Who.Role(
        "a coordinator of the coalition",
        static (_, by, acting) => CoalitionRoles.IsCoordinator(acting.Coalition, by));
    private static readonly Role<SignOnStatement, Acting> OrganizationRepresentative = Who.Role(
        "a representative the organization has named (per its partner record, given), acting for it",
        static (_, by, acting) => acting.Organization is { Representatives: { } people } organization && by.Kind == ActorKind.Person &&
            by.OnBehalfOf == organization.Id && by.Person is { } person && people.Contains(person));
    private static readonly Role<SignOnStatement, Acting> EndorserRepresentative = Who.Role(
        "a representative the endorsing organization has named (per its partner record, given), acting for it",
        static (statement, by, acting) => acting.Organization is { Representatives: { } people } organization && acting.Endorsement is { } id &&
            statement._endorsements.TryGetValue(id, out var endorsement) && endorsement.Endorser.Partner == organization.Id &&
            by.Kind == ActorKind.Person && by.OnBehalfOf == organization.Id && by.Person is { } person && people.Contains(person));

    private static readonly Command<SignOnStatement, Acting> DraftCommand = Who.Command(nameof(Draft), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<SignOnStatement, Acting> ReviseCommand = Who.Command(nameof(Revise), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<SignOnStatement, Acting> PublishCommand = Who.Command(nameof(Publish), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<SignOnStatement, Acting> EndorseCommand = Who.Command(nameof(Endorse), ErrorCodes.Advocacy.NotAuthorized, OrganizationRepresentative);
    private static readonly Command<SignOnStatement, Acting> RecordEndorsementCommand = Who.Command(nameof(RecordEndorsement), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<SignOnStatement, Acting> VerifyEndorsementCommand = Who.Command(nameof(VerifyEndorsement), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<SignOnStatement, Acting> RejectEndorsementCommand = Who.Command(nameof(RejectEndorsement), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<SignOnStatement, Acting> WithdrawEndorsementCommand = Who.Command(nameof(WithdrawEndorsement), ErrorCodes.Advocacy.NotAuthorized, ACoordinator, EndorserRepresentative);
    private static readonly Command<SignOnStatement, Acting> CloseCommand = Who.Command(nameof(Close), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<SignOnStatement, Acting> CancelCommand = Who.Command(nameof(Cancel), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);

    private readonly Dictionary<EndorsementId, Endorsement> _endorsements = [];
    private readonly List<EndorsementId> _order = [];
    private readonly Dictionary<string, EndorsementId> _standing = new(StringComparer.Ordinal);
    private StateMachine<StatementStatus, Step>? _machine;
    private StatementStatus _recorded = StatementStatus.Draft;
    private Instant? _cancelledAt;
    private DateTimeZone _zone = DateTimeZone.Utc;
    private Instant _checkedAt;

    private SignOnStatement()
    {
    }

    private enum Step
    {
        Revise,
        Publish,
        Endorse,
        Close,
        Cancel,
    }

    /// <summary>Gets the coalition issuing it.</summary>
    public CoalitionId Coalition { get; private set; }

    /// <summary>Gets the title.</summary>
    public string Title { get; private set; } = string.Empty;

    /// <summary>Gets the text.</summary>
    public string Text { get; private set; } = string.Empty;

    /// <summary>Gets the last day it takes endorsements, in the coalition's time zone.</summary>
    public LocalDate ClosesOn { get; private set; }

    /// <summary>Gets the time zone its closing date is read in (the coalition's).</summary>
    public DateTimeZone TimeZone => _zone;

    /// <summary>Gets the decision that published it, once published.</summary>
    public DecisionReference? Decision { get; private set; }

    /// <summary>Gets when it was published, if it was.</summary>
    public Instant? PublishedAt { get; private set; }

    /// <summary>Gets when it was closed early, if it was.</summary>
    public Instant? ClosedAt { get; private set; }

    /// <summary>Gets the status as recorded: draft, open, closed early or cancelled. <see cref="StatusAt"/> adds the closing date.</summary>
    public StatementStatus RecordedStatus => _recorded;

    /// <summary>Gets every endorsement ever recorded, in the order given, with its history.</summary>
    public IReadOnlyList<Endorsement> Endorsements => _order.Select(id => _endorsements[id]).ToArray();

    private Instant LastRevisedAt { get; set; }

    private Instant ClosingInstant => ClosesOn.PlusDays(1).AtStartOfDayInZone(_zone).ToInstant();

    private StateMachine<StatementStatus, Step> Machine => _machine ??= BuildMachine();

    /// <summary>Drafts a sign-on statement of the coalition.</summary>
    /// <param name="id">The new statement's id.</param>
    /// <param name="draft">The coalition, title, text and closing date.</param>
    /// <param name="coalition">The coalition, read for its coordinators and time zone.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is drafted.</param>
    /// <returns>The statement, in draft.</returns>
    /// <exception cref="CoalitionRuleException">Not a coordinator (<c>Coalitions.NotACoordinator</c>), an empty id, an invalid draft, or another coalition (<c>Coalitions.OtherCoalition</c>).</exception>
    /// <example>
    /// <code>
    /// var statement = SignOnStatement.Draft(SignOnStatementId.New(),
    ///     new StatementDraft(coalition.Id, "Fund the teachers", "We, the undersigned, ...", new LocalDate(2026, 4, 30)),
    ///     coalition, secretariat, now);
    /// // Later, once the coalition has decided to issue this text (decision), publish it citing that decision:
    /// statement.Publish(decision, coalition, secretariat, publishedAt);
    /// </code>
    /// </example>
    public static SignOnStatement Draft(SignOnStatementId id, StatementDraft draft, Coalition coalition, Actor by, Instant at)
    {
        var statement = new SignOnStatement();
        DraftCommand.Authorize(statement, by, at, new Acting(coalition), "a new sign-on statement");
        Ensure.Id(id, nameof(id));
        Ensure.NotNull(coalition, nameof(coalition));
        StatementDraftValidator.Instance.EnsureValid(draft);
        if (draft.Coalition != coalition.Id)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "The statement is drafted for another coalition than {coalition}.", ("coalition", coalition.Name));
        }

        statement.Raise(new StatementDrafted(id, coalition.Id, coalition.TimeZone.Id, draft.Title.Trim(), draft.Text, draft.ClosesOn, at, by));
        return statement;
    }

    /// <summary>Rebuilds a statement from its events, checking that they form its history, without building its state machine.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The statement.</returns>
    /// <exception cref="StoredEventException">The events are not the history of one statement (<c>Kernel.CorruptHistory</c>).</exception>
    public static SignOnStatement Rehydrate(IEnumerable<IDomainEvent> history) => Rebuild(new SignOnStatement(), history);

    /// <summary>The statement lifecycle as a Mermaid state diagram, generated from the state machine.</summary>
    /// <returns>The diagram text.</returns>
    public static string LifecycleDiagram() => MermaidGraph.Format(new SignOnStatement().Machine.GetInfo());

    /// <summary>The status at an instant: an open statement is closed after the end of its closing date (in the coalition's time zone).</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The status.</returns>
    public StatementStatus StatusAt(Instant at) =>
        _recorded == StatementStatus.Open && at >= ClosingInstant ? StatementStatus.Closed : _recorded;

    /// <summary>The endorsers as they stood at an instant: endorsed by then and neither withdrawn nor rejected by then, with their verification status then.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The endorsers, in the order they endorsed.</returns>
    public IReadOnlyList<EndorserAt> EndorsersAt(Instant at) =>
        _order.Select(id => _endorsements[id])
            .Where(e => e.StoodAt(at))
            .Select(e => new EndorserAt(e.Id, e.Endorser, e.Standing, e.StatusAt(at), e.EndorsedAt))
            .ToArray();

    // The status as it stood at an instant, from the dates of the recorded steps (StatusAt reads the recorded status, as
    // a command taken at that instant would): a description of a moment before the statement was published, closed early
    // or cancelled tells the status then.
    private StatementStatus StoodAt(Instant at) =>
        _cancelledAt is { } cancelled && at >= cancelled ? StatementStatus.Cancelled
        : PublishedAt is not { } published || at < published ? StatementStatus.Draft
        : (ClosedAt is { } closed && at >= closed) || at >= ClosingInstant ? StatementStatus.Closed
        : StatementStatus.Open;

    /// <summary>Describes the statement and its endorsers as they stood at an instant, in plain words.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>A short report: the status, how many endorsed (members, outside organizations, verified, pending), and the list.</returns>
    public string Describe(Instant at)
    {
        var endorsers = EndorsersAt(at);
        var text = new StringBuilder();
        var date = at.InZone(_zone).Date;
        var status = StoodAt(at);
        text.Append('\'').Append(Title).Append("' on ").Append(Words.Format(date)).Append(": ").Append(Words.Of(status));
        if (status == StatementStatus.Open)
        {
            text.Append(" until the end of ").Append(Words.Format(ClosesOn));
        }

        var members = endorsers.Count(e => e.Standing == EndorserStanding.Member);
        var verified = endorsers.Count(e => e.Status == VerificationStatus.Verified);
        text.Append(". ").Append(Words.Count(endorsers.Count, "endorser")).Append(": ")
            .Append(Words.Count(members, "member")).Append(" and ")
            .Append(Words.Count(endorsers.Count - members, "outside organization")).Append("; ")
            .Append(Words.Format(verified)).Append(" verified, ").Append(Words.Format(endorsers.Count - verified)).Append(" pending.");
        foreach (var endorser in endorsers)
        {
            text.Append('\n').Append("- ").Append(endorser.Endorser.Organization).Append(" (").Append(endorser.Endorser.Country).Append("), by ")
                .Append(endorser.Endorser.Representative);
            if (endorser.Endorser.RepresentativeTitle is { } title)
            {
                text.Append(", ").Append(title);
            }

            text.Append(endorser.Standing == EndorserStanding.Member ? "; member" : "; outside").Append(endorser.Status == VerificationStatus.Pending ? "; pending verification" : string.Empty);
        }

        return text.ToString();
    }

    /// <summary>Revises the draft: its title, text and closing date.</summary>
    /// <param name="title">The title: one line of at most 200 characters.</param>
    /// <param name="text">The text: at most 20,000 characters.</param>
    /// <param name="closesOn">The closing date.</param>
    /// <param name="coalition">The coalition, read for its coordinators.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is revised.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, another coalition, an invalid text or date, or no longer a draft (<c>Advocacy.InvalidTransition</c>).</exception>
    public void Revise(string title, string text, LocalDate closesOn, Coalition coalition, Actor by, Instant at)
    {
        ReviseCommand.Authorize(this, by, at, new Acting(coalition), Subject);
        Own(coalition);
        StatementDraftValidator.Instance.EnsureValid(new StatementDraft(Coalition, title, text, closesOn));
        EnsureStep(Step.Revise, at);
        Raise(new StatementRevised(Id, title.Trim(), text, closesOn, at, by));
    }

    /// <summary>Publishes the statement, citing the decision to issue it, and opens it for endorsement until the end of its closing date.</summary>
    /// <param name="decision">An adopted decision of the coalition on <see cref="MatterType.IssuePublicStatement"/>, taken no later than <paramref name="at"/> and no earlier than the text's last change.</param>
    /// <param name="coalition">The coalition, read for its coordinators.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is published; on or before its closing date.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a coordinator, another coalition, not a draft or its closing date passed (<c>Advocacy.InvalidTransition</c>),
    /// a decision that does not authorize it (<c>Coalitions.DecisionRequired</c>) or older than the text (<c>Advocacy.DecisionPredatesText</c>).
    /// </exception>
    public void Publish(DecisionReference decision, Coalition coalition, Actor by, Instant at)
    {
        PublishCommand.Authorize(this, by, at, new Acting(coalition), Subject);
        Own(coalition);
        EnsureStep(Step.Publish, at);
        DecisionReference.Check(Ensure.NotNull(decision, nameof(decision)), true, Coalition, coalition.Name, at, MatterType.IssuePublicStatement);
        if (decision.DecidedAt < LastRevisedAt)
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Advocacy.DecisionPredatesText,
                "The decision cited was taken on {decided}, before the text of {title} last changed on {changed}; put the text to a new decision.",
                ("decided", decision.DecidedAt), ("title", Subject), ("changed", LastRevisedAt));
        }

        Raise(new StatementPublished(Id, decision with { }, at, by));
    }

    /// <summary>An organization endorses the statement through a representative it has named; the endorsement is verified at once.</summary>
    /// <param name="endorsement">The new endorsement's id.</param>
    /// <param name="organization">The organization's partner record, as the host holds it: its name, country and representatives.</param>
    /// <param name="representative">The name of the person endorsing: one line of at most 200 characters.</param>
    /// <param name="representativeTitle">Their title in the organization, if given.</param>
    /// <param name="coalition">The coalition, read to tell members from outside organizations.</param>
    /// <param name="by">A representative the organization has named, acting for it.</param>
    /// <param name="at">When it endorses; while the statement is open.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a named representative acting for the organization (<c>Advocacy.NotAuthorized</c>), another coalition, the
    /// statement not open (<c>Advocacy.StatementClosed</c>), an id already used or the organization already endorsing
    /// (<c>Advocacy.Duplicate</c>), or an invalid name.
    /// </exception>
    /// <example>
    /// <code>
    /// statement.Endorse(EndorsementId.New(), girlsLearn.Snapshot, "Amina Otieno", "Director", coalition,
    ///     Actor.Representing(amina, girlsLearn.Id), now);
    /// </code>
    /// </example>
    public void Endorse(EndorsementId endorsement, PartnerSnapshot organization, string representative, string? representativeTitle, Coalition coalition, Actor by, Instant at)
    {
        EndorseCommand.Authorize(this, by, at, new Acting(coalition, Organization: organization), Subject);
        Own(coalition);
        Ensure.NotNull(organization.Profile, "organization's profile");
        var endorser = new Endorser(organization.Profile.Name?.Trim()!, organization.Profile.Country, representative?.Trim()!, FreeText.Kept(representativeTitle), organization.Id);
        Add(endorsement, endorser, VerificationStatus.Verified, coalition, by, at);
    }

    /// <summary>Records an endorsement the secretariat received (a letter, a form, an email); it stays pending until verified with the organization.</summary>
    /// <param name="endorsement">The new endorsement's id.</param>
    /// <param name="endorser">The organization, its country, the person who endorsed for it and, when it has one, its partner record.</param>
    /// <param name="coalition">The coalition, read for its coordinators and to tell members from outside organizations.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is recorded; while the statement is open.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, another coalition, an invalid endorser (<c>Kernel.InvalidText</c>, <c>Advocacy.InvalidInput</c>), the statement not open (<c>Advocacy.StatementClosed</c>), or a duplicate (<c>Advocacy.Duplicate</c>).</exception>
    public void RecordEndorsement(EndorsementId endorsement, Endorser endorser, Coalition coalition, Actor by, Instant at)
    {
        RecordEndorsementCommand.Authorize(this, by, at, new Acting(coalition), Subject);
        Own(coalition);
        EndorserValidator.Instance.EnsureValid(endorser);
        Add(endorsement, endorser with { Organization = endorser.Organization.Trim(), Representative = endorser.Representative.Trim(), RepresentativeTitle = FreeText.Kept(endorser.RepresentativeTitle) }, VerificationStatus.Pending, coalition, by, at);
    }

    /// <summary>Confirms a pending endorsement with the organization it names.</summary>
    /// <param name="endorsement">The endorsement.</param>
    /// <param name="coalition">The coalition, read for its coordinators.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is confirmed.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, another coalition, no such endorsement (<c>Advocacy.UnknownKey</c>), or not pending (<c>Advocacy.EndorsementSettled</c>).</exception>
    public void VerifyEndorsement(EndorsementId endorsement, Coalition coalition, Actor by, Instant at)
    {
        VerifyEndorsementCommand.Authorize(this, by, at, new Acting(coalition), Subject);
        Own(coalition);
        var found = Pending(endorsement, at);
        Raise(new EndorsementVerified(Id, found.Id, at, by));
    }

    /// <summary>Rejects a pending endorsement found not to come from the organization it names; it never counted.</summary>
    /// <param name="endorsement">The endorsement.</param>
    /// <param name="reason">Why: at most 2,000 characters.</param>
    /// <param name="coalition">The coalition, read for its coordinators.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is rejected.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, another coalition, no reason, no such endorsement, or not pending.</exception>
    public void RejectEndorsement(EndorsementId endorsement, string reason, Coalition coalition, Actor by, Instant at)
    {
        RejectEndorsementCommand.Authorize(this, by, at, new Acting(coalition), Subject);
        Own(coalition);
        FreeText.Check(reason, nameof(reason), required: true);
        var found = Pending(endorsement, at);
        Raise(new EndorsementRejected(Id, found.Id, reason.Trim(), at, by));
    }

    /// <summary>Withdraws an endorsement: the organization no longer stands behind the statement.</summary>
    /// <param name="endorsement">The endorsement.</param>
    /// <param name="reason">Why, if said.</param>
    /// <param name="coalition">The coalition, read for its coordinators.</param>
    /// <param name="by">A coordinator (on the organization's request), or a representative the endorsing organization has named, acting for it.</param>
    /// <param name="at">When it is withdrawn.</param>
    /// <param name="organization">The endorsing organization's partner record, when its own representative withdraws.</param>
    /// <exception cref="CoalitionRuleException">Not authorized, another coalition, no such endorsement (<c>Advocacy.UnknownKey</c>), or already withdrawn or rejected (<c>Advocacy.EndorsementSettled</c>).</exception>
    public void WithdrawEndorsement(EndorsementId endorsement, string? reason, Coalition coalition, Actor by, Instant at, PartnerSnapshot? organization = null)
    {
        WithdrawEndorsementCommand.Authorize(this, by, at, new Acting(coalition, Organization: organization, Endorsement: endorsement), Subject);
        Own(coalition);
        FreeText.Check(reason, nameof(reason), required: false);
        var found = Find(endorsement);
        if (found.WithdrawnAt is not null || found.RejectedAt is not null || at < found.EndorsedAt)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Advocacy.EndorsementSettled, "The endorsement of {organization} on {title} is already withdrawn or rejected, or was given later.", ("organization", found.Endorser.Organization), ("title", Subject));
        }

        Raise(new EndorsementWithdrawn(Id, found.Id, FreeText.Kept(reason), at, by));
    }

    /// <summary>Closes the statement before its closing date: it takes no more endorsements.</summary>
    /// <param name="coalition">The coalition, read for its coordinators.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it closes.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, another coalition, or not open (<c>Advocacy.InvalidTransition</c>).</exception>
    public void Close(Coalition coalition, Actor by, Instant at)
    {
        CloseCommand.Authorize(this, by, at, new Acting(coalition), Subject);
        Own(coalition);
        EnsureStep(Step.Close, at);
        Raise(new StatementClosed(Id, at, by));
    }

    /// <summary>Drops a draft statement.</summary>
    /// <param name="reason">Why: at most 2,000 characters.</param>
    /// <param name="coalition">The coalition, read for its coordinators.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is dropped.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, another coalition, no reason, or not a draft (<c>Advocacy.InvalidTransition</c>).</exception>
    public void Cancel(string reason, Coalition coalition, Actor by, Instant at)
    {
        CancelCommand.Authorize(this, by, at, new Acting(coalition), Subject);
        Own(coalition);
        FreeText.Check(reason, nameof(reason), required: true);
        EnsureStep(Step.Cancel, at);
        Raise(new StatementCancelled(Id, reason.Trim(), at, by));
    }

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is StatementDrafted;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => domainEvent switch
    {
        StatementDrafted e =>
            DateTimeZoneProviders.Tzdb.GetZoneOrNull(e.TimeZone) is null ? "the time zone is not a tz database id." :
            TextProblem(e.Title, e.Text, e.ClosesOn),
        StatementRevised e => _recorded != StatementStatus.Draft ? "only a draft is revised." : TextProblem(e.Title, e.Text, e.ClosesOn),
        StatementPublished e =>
            _recorded != StatementStatus.Draft ? "only a draft is published." :
            !e.Decision.Authorizes(Coalition, MatterType.IssuePublicStatement) ? "the decision is not an adoption by the coalition to issue a public statement." :
            e.Decision.DecidedAt > e.At || e.Decision.DecidedAt < LastRevisedAt ? "the decision was taken after publication or before the text's last change." :
            e.At >= ClosingInstant ? "it is published after its closing date." : null,
        StatementEndorsed e =>
            StatusAt(e.At) != StatementStatus.Open || e.At < PublishedAt ? "the statement is not open then." :
            _endorsements.ContainsKey(e.Endorsement) ? "the endorsement's id is used already." :
            e.Status == VerificationStatus.Rejected ? "an endorsement is not given rejected." :
            !EndorserValidator.Instance.Validate(e.Endorser).IsValid ? "the endorser is ill-formed." :
            _standing.ContainsKey(IdentityOf(e.Endorser)) ? "the organization already endorses the statement." :
            _order.Count >= Limits.MaxItems ? "the statement holds as many endorsements as it may." : null,
        EndorsementVerified e => SettleProblem(e.Endorsement),
        EndorsementRejected e => SettleProblem(e.Endorsement),
        EndorsementWithdrawn e =>
            !_endorsements.TryGetValue(e.Endorsement, out var withdrawn) ? "no such endorsement." :
            withdrawn.WithdrawnAt is not null || withdrawn.RejectedAt is not null ? "the endorsement is already withdrawn or rejected." : null,
        StatementClosed e => StatusAt(e.At) != StatementStatus.Open || e.At < PublishedAt ? "only an open statement closes early." : null,
        StatementCancelled => _recorded != StatementStatus.Draft ? "only a draft is cancelled." : null,
        _ => null,
    };

    /// <inheritdoc />
    protected override void Apply(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case StatementDrafted e:
                Id = e.Statement;
                Coalition = e.Coalition;
                _zone = DateTimeZoneProviders.Tzdb[e.TimeZone];
                Title = e.Title;
                Text = e.Text;
                ClosesOn = e.ClosesOn;
                LastRevisedAt = e.At;
                break;
            case StatementRevised e:
                Title = e.Title;
                Text = e.Text;
                ClosesOn = e.ClosesOn;
                LastRevisedAt = e.At;
                break;
            case StatementPublished e:
                Decision = e.Decision;
                PublishedAt = e.At;
                _recorded = StatementStatus.Open;
                break;
            case StatementEndorsed e:
                _endorsements[e.Endorsement] = new Endorsement(e.Endorsement, e.Endorser, e.Standing, e.At, e.Status == VerificationStatus.Verified ? e.At : null);
                _order.Add(e.Endorsement);
                _standing[IdentityOf(e.Endorser)] = e.Endorsement;
                break;
            case EndorsementVerified e:
                _endorsements[e.Endorsement] = _endorsements[e.Endorsement] with { VerifiedAt = e.At };
                break;
            case EndorsementRejected e:
                _endorsements[e.Endorsement] = _endorsements[e.Endorsement] with { RejectedAt = e.At, Reason = e.Reason };
                _standing.Remove(IdentityOf(_endorsements[e.Endorsement].Endorser));
                break;
            case EndorsementWithdrawn e:
                _endorsements[e.Endorsement] = _endorsements[e.Endorsement] with { WithdrawnAt = e.At, Reason = e.Reason };
                _standing.Remove(IdentityOf(_endorsements[e.Endorsement].Endorser));
                break;
            case StatementClosed e:
                ClosedAt = e.At;
                _recorded = StatementStatus.Closed;
                break;
            case StatementCancelled e:
                _cancelledAt = e.At;
                _recorded = StatementStatus.Cancelled;
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }

    // An organization endorses once at a time: by its partner record when it has one, else by its name and country.
    private static string IdentityOf(Endorser endorser) => endorser.Partner is { } partner
        ? "partner:" + partner.ToString()
        : "name:" + endorser.Country.ToUpperInvariant() + ":" + string.Join(' ', endorser.Organization.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    private static string? TextProblem(string title, string text, LocalDate closesOn) =>
        FreeText.Problem(title, true, Limits.NameLength) is not null || !FreeText.IsSingleLine(title) ? "the title is not one line of at most 200 characters." :
        FreeText.Problem(text, true, Limits.DocumentLength) is not null ? "the text is missing or longer than 20,000 characters." :
        !Limits.IsDate(closesOn) ? "the closing date is out of range." : null;

    private string Subject => $"'{Title}'";

    private void Add(EndorsementId id, Endorser endorser, VerificationStatus status, Coalition coalition, Actor by, Instant at)
    {
        Ensure.Id(id, nameof(id));
        EndorserValidator.Instance.EnsureValid(endorser);
        EnsureStep(Step.Endorse, at);
        if (_endorsements.ContainsKey(id))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Advocacy.Duplicate, "Endorsement {endorsement} is recorded on {title} already.", ("endorsement", id), ("title", Subject));
        }

        if (_standing.ContainsKey(IdentityOf(endorser)))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Advocacy.Duplicate, "{organization} already endorses {title}.", ("organization", endorser.Organization), ("title", Subject));
        }

        if (_order.Count >= Limits.MaxItems)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "{title} holds {max} endorsements, the most a statement may record.", ("title", Subject), ("max", Limits.MaxItems));
        }

        var standing = endorser.Partner is { } partner && CoalitionRoles.IsActiveMember(coalition, partner, at) ? EndorserStanding.Member : EndorserStanding.Outside;
        Raise(new StatementEndorsed(Id, id, endorser, standing, status, at, by));
    }

    private Endorsement Find(EndorsementId id)
    {
        Ensure.Id(id, "endorsement");
        return _endorsements.TryGetValue(id, out var found)
            ? found
            : throw CoalitionRuleException.Because(ErrorCodes.Advocacy.UnknownKey, "No endorsement {endorsement} is recorded on {title}.", ("endorsement", id), ("title", Subject));
    }

    private Endorsement Pending(EndorsementId id, Instant at)
    {
        var found = Find(id);
        if (found.VerifiedAt is not null || found.RejectedAt is not null || found.WithdrawnAt is not null || at < found.EndorsedAt)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Advocacy.EndorsementSettled, "The endorsement of {organization} on {title} is not pending.", ("organization", found.Endorser.Organization), ("title", Subject));
        }

        return found;
    }

    private string? SettleProblem(EndorsementId id) =>
        !_endorsements.TryGetValue(id, out var found) ? "no such endorsement." :
        found.VerifiedAt is not null || found.RejectedAt is not null || found.WithdrawnAt is not null ? "the endorsement is not pending." : null;

    private void Own(Coalition coalition)
    {
        Ensure.NotNull(coalition, nameof(coalition));
        if (coalition.Id != Coalition)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "{title} is a statement of another coalition than {coalition}.", ("title", Subject), ("coalition", coalition.Name));
        }
    }

    private void EnsureStep(Step step, Instant at)
    {
        _checkedAt = at;
        if (Machine.CanFire(step, out var unmet))
        {
            if (PublishedAt is { } published && at < published && step is Step.Endorse or Step.Close)
            {
                throw CoalitionRuleException.Because(ErrorCodes.Advocacy.StatementClosed, "{title} was published on {published}; nothing is recorded on it before then.", ("title", Subject), ("published", published));
            }

            return;
        }

        var status = StatusAt(at);
        var code = step == Step.Endorse ? ErrorCodes.Advocacy.StatementClosed : ErrorCodes.Advocacy.InvalidTransition;
        var because = unmet?.Count > 0 ? " (it needs that " + Words.List(unmet) + ")" : string.Empty;
        throw CoalitionRuleException.Because(
            code,
            "{title} is {article}{status} on {date}; it cannot {action} now{because}.",
            ("title", Subject), ("article", status == StatementStatus.Draft ? "a " : string.Empty), ("status", status), ("date", at.InZone(_zone).Date), ("action", Words.Identifier(step.ToString())), ("because", because));
    }

    // The machine's state is the status at the instant being checked; it is consulted, never fired.
    private StateMachine<StatementStatus, Step> BuildMachine()
    {
        var machine = new StateMachine<StatementStatus, Step>(() => StatusAt(_checkedAt), _ => { });
        machine.Configure(StatementStatus.Draft)
            .PermitReentry(Step.Revise)
            .PermitIf(Step.Publish, StatementStatus.Open, () => _checkedAt < ClosingInstant, GuardBeforeClosing)
            .Permit(Step.Cancel, StatementStatus.Cancelled);
        machine.Configure(StatementStatus.Open)
            .PermitReentry(Step.Endorse)
            .Permit(Step.Close, StatementStatus.Closed);
        machine.Configure(StatementStatus.Closed);
        machine.Configure(StatementStatus.Cancelled);
        return machine;
    }

    /// <summary>What a command tells its authorization check: the coalition, the organization acting, the endorsement concerned.</summary>
    private readonly record struct Acting(Coalition? Coalition, PartnerSnapshot? Organization = null, EndorsementId? Endorsement = null);
}
