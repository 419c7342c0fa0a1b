using System.Text;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Kernel;
using FluentValidation;
using NodaTime;
using Stateless;
using Stateless.Graph;

namespace Coalitions.Core.Engagement;

/// <summary>What an acknowledgement recognizes.</summary>
public enum RecognitionKind
{
    /// <summary>A member's contribution.</summary>
    Contribution = 1,

    /// <summary>A milestone of the coalition as a whole.</summary>
    Milestone = 2,
}

/// <summary>Where an acknowledgement stands.</summary>
public enum AcknowledgementStatus
{
    /// <summary>Recorded: known to the members, not yet cleared for publication.</summary>
    Recorded = 1,

    /// <summary>Cleared for publication: the newsletter, the website, the annual report.</summary>
    Published = 2,

    /// <summary>The member asked not to be named in public; it stays on the members' record.</summary>
    Withheld = 3,

    /// <summary>Retracted as a mistake; it is listed nowhere.</summary>
    Retracted = 4,
}

/// <summary>Who a listing of acknowledgements is for.</summary>
public enum RecognitionAudience
{
    /// <summary>The public (a newsletter, the website): published acknowledgements only.</summary>
    Public = 1,

    /// <summary>The members (an internal annual report): every acknowledgement not retracted.</summary>
    Members = 2,
}

/// <summary>What an acknowledgement says: the input of <see cref="RecognitionRoll.Acknowledge"/>.</summary>
/// <param name="Kind">A member's contribution, or a milestone of the coalition.</param>
/// <param name="Title">A short title, such as <c>Hosted the spring assembly</c>: one line of at most 200 characters.</param>
/// <param name="Citation">What is recognized and why, in a few sentences: at most 2,000 characters.</param>
/// <param name="On">The day of the contribution or milestone.</param>
/// <param name="Member">The member recognized, for a contribution; none for a milestone.</param>
/// <param name="Source">The record it rests on, if any (a campaign, a commitment, a meeting).</param>
public sealed record AcknowledgementDraft(RecognitionKind Kind, string Title, string Citation, LocalDate On, PartnerId? Member = null, FactSource? Source = null);

/// <summary>An acknowledgement on the roll.</summary>
/// <param name="Id">The acknowledgement.</param>
/// <param name="Kind">Contribution or milestone.</param>
/// <param name="Title">Its title.</param>
/// <param name="Citation">Its citation.</param>
/// <param name="On">The day recognized.</param>
/// <param name="Member">The member recognized, if any.</param>
/// <param name="Source">The record it rests on, if any.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record Acknowledgement(AcknowledgementId Id, RecognitionKind Kind, string Title, string Citation, LocalDate On, PartnerId? Member, FactSource? Source, AcknowledgementStatus Status, Instant RecordedAt);

/// <summary>A coalition opened its recognition roll.</summary>
/// <param name="Coalition">The coalition (the roll's id).</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record RecognitionRollOpened(CoalitionId Coalition, Instant At, Actor By) : IDomainEvent;

/// <summary>An acknowledgement was recorded.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Acknowledgement">The acknowledgement.</param>
/// <param name="Kind">Contribution or milestone.</param>
/// <param name="Title">Its title.</param>
/// <param name="Citation">Its citation.</param>
/// <param name="On">The day recognized.</param>
/// <param name="Member">The member recognized, for a contribution.</param>
/// <param name="Source">The record it rests on, if any.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record AcknowledgementRecorded(CoalitionId Coalition, AcknowledgementId Acknowledgement, RecognitionKind Kind, string Title, string Citation, LocalDate On, PartnerId? Member, FactSource? Source, Instant At, Actor By) : IDomainEvent;

/// <summary>An acknowledgement was cleared for publication.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Acknowledgement">The acknowledgement.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record AcknowledgementPublished(CoalitionId Coalition, AcknowledgementId Acknowledgement, Instant At, Actor By) : IDomainEvent;

/// <summary>The member recognized asked not to be named in public.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Acknowledgement">The acknowledgement.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record AcknowledgementWithheld(CoalitionId Coalition, AcknowledgementId Acknowledgement, Instant At, Actor By) : IDomainEvent;

/// <summary>An acknowledgement was retracted as a mistake.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Acknowledgement">The acknowledgement.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record AcknowledgementRetracted(CoalitionId Coalition, AcknowledgementId Acknowledgement, string Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>
/// A coalition's recognition roll: acknowledgements of members' contributions and of the coalition's milestones,
/// recorded by its coordinators and listed for the newsletter, the website or the annual report. Recognizing what
/// members give, and celebrating what they achieve together, keeps them engaged.
/// </summary>
/// <remarks>
/// <para>One roll per coalition, keyed by the coalition's id in a stream of its own. Each acknowledgement: Recorded →
/// Published (cleared for the public) ; Recorded or Published → Withheld (the member asked not to be named in public:
/// some members work where being named is a risk) ; any → Retracted (a mistake). See
/// <c>docs/diagrams/acknowledgement-lifecycle.md</c>.</para>
/// <para>Who may act: a coordinator records, publishes and retracts; a delegate of the member recognized withholds.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class RecognitionRoll : AggregateRoot<CoalitionId>
{
    private static readonly Permissions<RecognitionRoll, Acting> Who = new(nameof(RecognitionRoll));
    private static readonly Role<RecognitionRoll, Acting> ACoordinator = Who.Role(
        "a coordinator of the coalition",
        static (_, by, acting) => CoalitionRoles.IsCoordinator(acting.Coalition, by));
    private static readonly Role<RecognitionRoll, Acting> RecognizedMember = Who.Role(
        "a delegate of the member recognized, acting for it",
        static (roll, by, acting) => acting.Acknowledgement is { } id && roll._entries.TryGetValue(id, out var entry) &&
            CoalitionRoles.IsDelegateOf(acting.Coalition, entry.Member, by));

    private static readonly Command<RecognitionRoll, Acting> OpenCommand = Who.Command(nameof(Open), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<RecognitionRoll, Acting> AcknowledgeCommand = Who.Command(nameof(Acknowledge), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<RecognitionRoll, Acting> PublishCommand = Who.Command(nameof(Publish), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<RecognitionRoll, Acting> WithholdCommand = Who.Command(nameof(Withhold), ErrorCodes.Engagement.NotAuthorized, RecognizedMember);
    private static readonly Command<RecognitionRoll, Acting> RetractCommand = Who.Command(nameof(Retract), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);

    private readonly Dictionary<AcknowledgementId, Acknowledgement> _entries = [];
    private readonly List<AcknowledgementId> _order = [];
    private StateMachine<AcknowledgementStatus, Step>? _machine;
    private AcknowledgementStatus _checked = AcknowledgementStatus.Recorded;
    private bool _checkedHasMember;

    private RecognitionRoll()
    {
    }

    private enum Step
    {
        Publish,
        Withhold,
        Retract,
    }

    /// <summary>Gets every acknowledgement ever recorded, in the order recorded, retracted ones included.</summary>
    public IReadOnlyList<Acknowledgement> Acknowledgements => _order.Select(id => _entries[id]).ToArray();

    private StateMachine<AcknowledgementStatus, Step> Machine => _machine ??= BuildMachine();

    /// <summary>Opens the coalition's recognition roll.</summary>
    /// <param name="coalition">The coalition; its id is the roll's.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is opened.</param>
    /// <returns>The roll, empty.</returns>
    /// <exception cref="CoalitionRuleException">Not a coordinator (<c>Coalitions.NotACoordinator</c>) or no coalition.</exception>
    public static RecognitionRoll Open(Coalition coalition, Actor by, Instant at)
    {
        var roll = new RecognitionRoll();
        OpenCommand.Authorize(roll, by, at, new Acting(coalition), "a new recognition roll");
        Ensure.NotNull(coalition, nameof(coalition));
        roll.Raise(new RecognitionRollOpened(coalition.Id, at, by));
        return roll;
    }

    /// <summary>Rebuilds a roll from its events, checking that they form its history, without building its state machine.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The roll.</returns>
    /// <exception cref="StoredEventException">The events are not the history of one roll (<c>Kernel.CorruptHistory</c>).</exception>
    public static RecognitionRoll Rehydrate(IEnumerable<IDomainEvent> history) => Rebuild(new RecognitionRoll(), history);

    /// <summary>The lifecycle of one acknowledgement as a Mermaid state diagram, generated from the state machine.</summary>
    /// <returns>The diagram text.</returns>
    public static string LifecycleDiagram() => MermaidGraph.Format(new RecognitionRoll().Machine.GetInfo());

    /// <summary>The acknowledgements for an audience whose day falls in a period, oldest first.</summary>
    /// <param name="period">The period, both days included.</param>
    /// <param name="audience">The public (published only) or the members (all but retracted).</param>
    /// <returns>The acknowledgements.</returns>
    /// <exception cref="CoalitionRuleException">An invalid period or an undefined audience.</exception>
    public IReadOnlyList<Acknowledgement> Listing(DateInterval period, RecognitionAudience audience)
    {
        Participation.CheckPeriod(period, nameof(period));
        Ensure.Defined(audience, nameof(audience));
        return Acknowledgements
            .Where(a => period.Contains(a.On) && (audience == RecognitionAudience.Public ? a.Status == AcknowledgementStatus.Published : a.Status != AcknowledgementStatus.Retracted))
            .OrderBy(a => a.On)
            .ToArray();
    }

    /// <summary>The listing for an audience in plain words, ready for a newsletter or an annual report.</summary>
    /// <param name="coalition">The coalition, read for its members' names.</param>
    /// <param name="period">The period, both days included.</param>
    /// <param name="audience">The public or the members.</param>
    /// <returns>One line per acknowledgement, oldest first.</returns>
    /// <exception cref="CoalitionRuleException">Another coalition, an invalid period or an undefined audience.</exception>
    public string Describe(Coalition coalition, DateInterval period, RecognitionAudience audience)
    {
        Own(coalition);
        var entries = Listing(period, audience);
        var text = new StringBuilder();
        text.Append("Recognition, ").Append(Words.Format(period.Start)).Append(" to ").Append(Words.Format(period.End))
            .Append(audience == RecognitionAudience.Public ? " (public)" : " (members)").Append(':');
        if (entries.Count == 0)
        {
            text.Append(" none.");
        }

        foreach (var entry in entries)
        {
            text.Append("\n- ").Append(Words.Format(entry.On)).Append(": ")
                .Append(entry.Member is { } member ? coalition.NameOf(member) + ", " : "Milestone: ")
                .Append(entry.Title).Append(". ").Append(entry.Citation);
            if (audience == RecognitionAudience.Members && entry.Status == AcknowledgementStatus.Withheld)
            {
                text.Append(" (not to be named in public)");
            }
        }

        return text.ToString();
    }

    /// <summary>Records an acknowledgement of a member's contribution or of a milestone of the coalition.</summary>
    /// <param name="acknowledgement">The new acknowledgement's id.</param>
    /// <param name="draft">What it recognizes: a contribution names a member of the coalition, a milestone names none.</param>
    /// <param name="coalition">The coalition, read for its coordinators and members.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is recorded.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a coordinator, another coalition, an invalid draft (<c>Engagement.InvalidInput</c>, <c>Kernel.InvalidText</c>),
    /// an id used already (<c>Engagement.Duplicate</c>), a member with no membership (<c>Engagement.NotAMember</c>), or the roll is full.
    /// </exception>
    /// <example>
    /// <code>
    /// roll.Acknowledge(AcknowledgementId.New(),
    ///     new AcknowledgementDraft(RecognitionKind.Contribution, "Hosted the spring assembly", "Girls Learn hosted ...", new LocalDate(2026, 4, 18), girlsLearn),
    ///     coalition, secretariat, now);
    /// </code>
    /// </example>
    public void Acknowledge(AcknowledgementId acknowledgement, AcknowledgementDraft draft, Coalition coalition, Actor by, Instant at)
    {
        AcknowledgeCommand.Authorize(this, by, at, new Acting(coalition), Subject);
        Own(coalition);
        Ensure.Id(acknowledgement, nameof(acknowledgement));
        AcknowledgementDraftValidator.Instance.EnsureValid(draft);
        if (_entries.ContainsKey(acknowledgement))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Engagement.Duplicate, "Acknowledgement {id} is on the roll already.", ("id", acknowledgement));
        }

        if (draft.Member is { } member && !coalition.TryGetMembership(member, out _))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Engagement.NotAMember, "Partner {partner} has no membership of {coalition}.", ("partner", member), ("coalition", coalition.Name));
        }

        if (_order.Count >= Limits.MaxVoters)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "The recognition roll holds {max} acknowledgements, the most it may.", ("max", Limits.MaxVoters));
        }

        Raise(new AcknowledgementRecorded(Id, acknowledgement, draft.Kind, draft.Title.Trim(), draft.Citation.Trim(), draft.On, draft.Member, draft.Source, at, by));
    }

    /// <summary>Clears an acknowledgement for publication.</summary>
    /// <param name="acknowledgement">The acknowledgement.</param>
    /// <param name="coalition">The coalition, read for its coordinators.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When the acknowledgement is cleared for publication.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, another coalition, no such acknowledgement (<c>Engagement.UnknownKey</c>), or not recorded (withheld or retracted: <c>Engagement.InvalidTransition</c>).</exception>
    public void Publish(AcknowledgementId acknowledgement, Coalition coalition, Actor by, Instant at)
    {
        PublishCommand.Authorize(this, by, at, new Acting(coalition, acknowledgement), Subject);
        Own(coalition);
        EnsureStep(Find(acknowledgement), Step.Publish);
        Raise(new AcknowledgementPublished(Id, acknowledgement, at, by));
    }

    /// <summary>The member recognized asks not to be named in public: the acknowledgement stays on the members' record only.</summary>
    /// <param name="acknowledgement">The acknowledgement of the member's contribution.</param>
    /// <param name="coalition">The coalition, read for the member's delegates.</param>
    /// <param name="by">A delegate of the member recognized, acting for it.</param>
    /// <param name="at">When the member asks not to be named.</param>
    /// <exception cref="CoalitionRuleException">Not the member's delegate (<c>Engagement.NotAuthorized</c>), another coalition, no such acknowledgement, or withheld or retracted already.</exception>
    public void Withhold(AcknowledgementId acknowledgement, Coalition coalition, Actor by, Instant at)
    {
        WithholdCommand.Authorize(this, by, at, new Acting(coalition, acknowledgement), Subject);
        Own(coalition);
        EnsureStep(Find(acknowledgement), Step.Withhold);
        Raise(new AcknowledgementWithheld(Id, acknowledgement, at, by));
    }

    /// <summary>Retracts an acknowledgement recorded by mistake: it is listed nowhere from then on.</summary>
    /// <param name="acknowledgement">The acknowledgement.</param>
    /// <param name="reason">Why: at most 2,000 characters.</param>
    /// <param name="coalition">The coalition, read for its coordinators.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When the acknowledgement is retracted.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, another coalition, no reason, no such acknowledgement, or retracted already.</exception>
    public void Retract(AcknowledgementId acknowledgement, string reason, Coalition coalition, Actor by, Instant at)
    {
        RetractCommand.Authorize(this, by, at, new Acting(coalition, acknowledgement), Subject);
        Own(coalition);
        FreeText.Check(reason, nameof(reason), required: true);
        EnsureStep(Find(acknowledgement), Step.Retract);
        Raise(new AcknowledgementRetracted(Id, acknowledgement, reason.Trim(), at, by));
    }

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is RecognitionRollOpened;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => domainEvent switch
    {
        AcknowledgementRecorded e =>
            _entries.ContainsKey(e.Acknowledgement) ? "the acknowledgement's id is used already." :
            !AcknowledgementDraftValidator.Instance.Validate(new AcknowledgementDraft(e.Kind, e.Title, e.Citation, e.On, e.Member, e.Source)).IsValid ? "the acknowledgement is ill-formed." :
            _order.Count >= Limits.MaxVoters ? "the roll holds as many acknowledgements as it may." : null,
        AcknowledgementPublished e => StepProblem(e.Acknowledgement, Step.Publish),
        AcknowledgementWithheld e => StepProblem(e.Acknowledgement, Step.Withhold),
        AcknowledgementRetracted e => StepProblem(e.Acknowledgement, Step.Retract),
        _ => null,
    };

    /// <inheritdoc />
    protected override void Apply(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case RecognitionRollOpened e:
                Id = e.Coalition;
                break;
            case AcknowledgementRecorded e:
                _entries[e.Acknowledgement] = new Acknowledgement(e.Acknowledgement, e.Kind, e.Title, e.Citation, e.On, e.Member, e.Source, AcknowledgementStatus.Recorded, e.At);
                _order.Add(e.Acknowledgement);
                break;
            case AcknowledgementPublished e:
                _entries[e.Acknowledgement] = _entries[e.Acknowledgement] with { Status = AcknowledgementStatus.Published };
                break;
            case AcknowledgementWithheld e:
                _entries[e.Acknowledgement] = _entries[e.Acknowledgement] with { Status = AcknowledgementStatus.Withheld };
                break;
            case AcknowledgementRetracted e:
                _entries[e.Acknowledgement] = _entries[e.Acknowledgement] with { Status = AcknowledgementStatus.Retracted };
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }

    private const string Subject = "the recognition roll";

    // Replaying: whether the acknowledgement exists and its lifecycle allows the step, read from its status without a machine.
    private string? StepProblem(AcknowledgementId id, Step step) =>
        !_entries.TryGetValue(id, out var entry) ? "no such acknowledgement." :
        Allows(entry.Status, entry.Member is not null, step) ? null : $"an acknowledgement that is {Words.Of(entry.Status)} cannot be {Done(step)}.";

    private static bool Allows(AcknowledgementStatus status, bool hasMember, Step step) => (status, step) switch
    {
        (AcknowledgementStatus.Recorded, Step.Publish) => true,
        (AcknowledgementStatus.Recorded or AcknowledgementStatus.Published, Step.Withhold) => hasMember,
        (not AcknowledgementStatus.Retracted, Step.Retract) => true,
        _ => false,
    };

    private static string Done(Step step) => step switch { Step.Publish => "published", Step.Withhold => "withheld", _ => "retracted" };

    private Acknowledgement Find(AcknowledgementId id)
    {
        Ensure.Id(id, "acknowledgement");
        return _entries.TryGetValue(id, out var entry)
            ? entry
            : throw CoalitionRuleException.Because(ErrorCodes.Engagement.UnknownKey, "No acknowledgement {id} is on the roll.", ("id", id));
    }

    private void Own(Coalition coalition)
    {
        Ensure.NotNull(coalition, nameof(coalition));
        if (coalition.Id != Id)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "This recognition roll belongs to another coalition than {coalition}.", ("coalition", coalition.Name));
        }
    }

    private void EnsureStep(Acknowledgement entry, Step step)
    {
        _checked = entry.Status;
        _checkedHasMember = entry.Member is not null;
        if (!Machine.CanFire(step, out var unmet))
        {
            var because = unmet?.Count > 0 ? " (it needs that " + Words.List(unmet) + ")" : string.Empty;
            throw CoalitionRuleException.Because(
                ErrorCodes.Engagement.InvalidTransition,
                "The acknowledgement '{title}' is {status}; it cannot be {step} now{because}.",
                ("title", entry.Title), ("status", entry.Status), ("step", Done(step)), ("because", because));
        }
    }

    // The machine's state is the status of the acknowledgement being checked; it is consulted, never fired.
    private StateMachine<AcknowledgementStatus, Step> BuildMachine()
    {
        var machine = new StateMachine<AcknowledgementStatus, Step>(() => _checked, _ => { });
        const string GuardMember = "it recognizes a member";
        machine.Configure(AcknowledgementStatus.Recorded)
            .Permit(Step.Publish, AcknowledgementStatus.Published)
            .PermitIf(Step.Withhold, AcknowledgementStatus.Withheld, () => _checkedHasMember, GuardMember)
            .Permit(Step.Retract, AcknowledgementStatus.Retracted);
        machine.Configure(AcknowledgementStatus.Published)
            .PermitIf(Step.Withhold, AcknowledgementStatus.Withheld, () => _checkedHasMember, GuardMember)
            .Permit(Step.Retract, AcknowledgementStatus.Retracted);
        machine.Configure(AcknowledgementStatus.Withheld)
            .Permit(Step.Retract, AcknowledgementStatus.Retracted);
        machine.Configure(AcknowledgementStatus.Retracted);
        return machine;
    }

    /// <summary>What a command tells its authorization check: the coalition, and the acknowledgement concerned.</summary>
    private readonly record struct Acting(Coalition? Coalition, AcknowledgementId? Acknowledgement = null);
}

/// <summary>Checks an <see cref="AcknowledgementDraft"/>: a contribution names a member, a milestone none.</summary>
internal sealed class AcknowledgementDraftValidator : AbstractValidator<AcknowledgementDraft>
{
    public static readonly AcknowledgementDraftValidator Instance = new();

    private AcknowledgementDraftValidator()
    {
        var code = ErrorCodes.Engagement.InvalidInput.Code;
        RuleFor(d => d.Kind).IsDefined();
        RuleFor(d => d.Title).IsName();
        RuleFor(d => d.Citation).IsText(Limits.ReasonLength);
        RuleFor(d => d.On).IsDate();
        RuleFor(d => d.Member).IsIdOrNull();
        RuleFor(d => d.Member).NotNull().When(d => d.Kind == RecognitionKind.Contribution).WithErrorCode(code).WithMessage("A contribution is a member's: name the member.");
        RuleFor(d => d.Member).Null().When(d => d.Kind == RecognitionKind.Milestone).WithErrorCode(code).WithMessage("A milestone is the coalition's: it names no member.");
        RuleFor(d => d.Source!).SetValidator(FactSourceValidator.Instance).When(d => d.Source is not null);
    }
}
