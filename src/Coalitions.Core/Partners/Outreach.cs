using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Kernel;
using NodaTime;
using Stateless;
using Stateless.Graph;

namespace Coalitions.Core.Partners;

/// <summary>Identifies the outreach to one prospective partner.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<OutreachId>))]
public readonly record struct OutreachId : ITypedId<OutreachId>
{
    private OutreachId(Guid value) => Value = value;

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>Creates a new, random id.</summary>
    /// <returns>A fresh id.</returns>
    public static OutreachId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public static OutreachId FromGuid(Guid value) => new(TypedId.Check(value, nameof(OutreachId)));

    /// <summary>Parses the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static OutreachId Parse(string text) => TypedId.Parse<OutreachId>(text);

    /// <summary>Tries to parse the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="id">The id, when parsing succeeded.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a non-empty GUID.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out OutreachId id) => TypedId.TryParse(text, out id);

    /// <summary>Returns the GUID in its "D" form.</summary>
    /// <returns>The id as text.</returns>
    public override string ToString() => Value.ToString("D");
}

/// <summary>Where a prospect is in the outreach pipeline.</summary>
public enum OutreachStage
{
    /// <summary>Identified as a potential partner.</summary>
    Identified = 1,

    /// <summary>Contacted, with the purpose and benefits explained.</summary>
    Contacted = 2,

    /// <summary>Met to discuss common goals, expectations and roles.</summary>
    Met = 3,

    /// <summary>Invited to join.</summary>
    Invited = 4,

    /// <summary>Joined the coalition.</summary>
    Joined = 5,

    /// <summary>Declined.</summary>
    Declined = 6,

    /// <summary>Paused; resumes where it paused.</summary>
    Dormant = 7,
}

/// <summary>A prospect was identified for outreach.</summary>
/// <param name="Outreach">The outreach.</param>
/// <param name="Coalition">The coalition reaching out.</param>
/// <param name="Prospect">The prospective partner.</param>
/// <param name="On">The date.</param>
/// <param name="Note">A note.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ProspectIdentified(OutreachId Outreach, CoalitionId Coalition, PartnerId Prospect, LocalDate On, string? Note, Instant At, Actor By) : IDomainEvent;

/// <summary>The outreach moved to another stage.</summary>
/// <param name="Outreach">The outreach.</param>
/// <param name="Stage">The new stage.</param>
/// <param name="On">The date it happened.</param>
/// <param name="Note">A note.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="By">Who.</param>
public sealed record OutreachStepRecorded(OutreachId Outreach, OutreachStage Stage, LocalDate On, string? Note, Instant At, Actor By) : IDomainEvent;

/// <summary>One dated step of an outreach.</summary>
/// <param name="Stage">The stage reached.</param>
/// <param name="On">The date.</param>
/// <param name="Note">A note.</param>
public sealed record OutreachStep(OutreachStage Stage, LocalDate On, string? Note);

/// <summary>
/// The outreach to one prospective partner: Identified → Contacted → Met → Invited → Joined, or Declined;
/// any open stage may pause as Dormant and resume where it paused; a declined prospect may be approached
/// again. Every step is dated and may carry a note.
/// </summary>
/// <remarks>
/// Outreach is the coalition's work: its coordinators identify prospects and record each step, and every command
/// takes the <see cref="Coalitions.Coalition"/> the outreach belongs to as read-only input, to know who they are.
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class Outreach : AggregateRoot<OutreachId>
{
    private static readonly Permissions<Outreach, Coalition> Who = new(nameof(Outreach));
    private static readonly Role<Outreach, Coalition> ACoordinator = Who.Role(
        "a coordinator of the coalition reaching out",
        static (_, by, coalition) => by.Kind == ActorKind.Person && by.Person is { } person && coalition.IsCoordinator(person));
    private static readonly Command<Outreach, Coalition> IdentifyCommand = Who.Command(nameof(Identify), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<Outreach, Coalition> RecordCommand = Who.Command(nameof(Record), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);

    private readonly List<OutreachStep> _steps = [];
    private StateMachine<OutreachStage, OutreachStage>? _machine;
    private OutreachStage _stage = OutreachStage.Identified;
    private OutreachStage _pausedAt = OutreachStage.Identified;

    private Outreach()
    {
    }

    /// <summary>Gets the coalition reaching out.</summary>
    public CoalitionId Coalition { get; private set; }

    /// <summary>Gets the prospective partner.</summary>
    public PartnerId Prospect { get; private set; }

    /// <summary>Gets the current stage.</summary>
    public OutreachStage Stage => _stage;

    /// <summary>Gets every step, oldest first.</summary>
    public IReadOnlyList<OutreachStep> Steps => _steps.AsReadOnly();

    private StateMachine<OutreachStage, OutreachStage> Machine => _machine ??= BuildMachine();

    /// <summary>Starts outreach to a prospect: the former argument order of <see cref="Identify(OutreachId, PartnerId, LocalDate, string?, Coalition, Actor, Instant)"/>, kept for one version.</summary>
    /// <param name="id">The outreach id.</param>
    /// <param name="coalition">The coalition reaching out.</param>
    /// <param name="prospect">The prospective partner.</param>
    /// <param name="on">The date.</param>
    /// <param name="note">A note.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is recorded.</param>
    /// <returns>The outreach, at <see cref="OutreachStage.Identified"/>.</returns>
    [Obsolete("Use Identify(id, prospect, on, note, coalition, by, at): the coalition comes after the inputs, as in Record.")]
    public static Outreach Identify(OutreachId id, Coalition coalition, PartnerId prospect, LocalDate on, string? note, Actor by, Instant at) =>
        Identify(id, prospect, on, note, coalition, by, at);

    /// <summary>Starts outreach to a prospect.</summary>
    /// <param name="id">The outreach id.</param>
    /// <param name="prospect">The prospective partner.</param>
    /// <param name="on">The date: in the years 1900 to 2999.</param>
    /// <param name="note">A note (at most 2,000 characters).</param>
    /// <param name="coalition">The coalition reaching out, read for its coordinators.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is recorded.</param>
    /// <returns>The outreach, at <see cref="OutreachStage.Identified"/>.</returns>
    /// <exception cref="CoalitionRuleException">Not a coordinator (<c>Coalitions.NotACoordinator</c>), an empty id, a date out of range or an invalid note.</exception>
    /// <example>
    /// <code>
    /// var outreach = Outreach.Identify(OutreachId.New(), radio.Id, new LocalDate(2026, 3, 2), "Fills the media gap.", coalition, Actor.ForPerson(coordinator), now);
    /// </code>
    /// </example>
    public static Outreach Identify(OutreachId id, PartnerId prospect, LocalDate on, string? note, Coalition coalition, Actor by, Instant at)
    {
        var outreach = new Outreach();
        Ensure.Id(id, nameof(id));
        Ensure.NotNull(coalition, nameof(coalition));
        IdentifyCommand.Authorize(outreach, by, at, coalition, $"outreach of {coalition.Name}");
        Ensure.Id(prospect, nameof(prospect));
        Ensure.Date(on, nameof(on));
        CheckNote(note);
        outreach.Raise(new ProspectIdentified(id, coalition.Id, prospect, on, note, at, by));
        return outreach;
    }

    /// <summary>Rebuilds an outreach from its events, checking that they form its history.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The outreach.</returns>
    /// <exception cref="StoredEventException">The events are not the history of one outreach (<c>Kernel.CorruptHistory</c>).</exception>
    public static Outreach Rehydrate(IEnumerable<IDomainEvent> history)
    {
        return Rebuild(new Outreach(), history);
    }

    /// <summary>The outreach pipeline as a Mermaid state diagram, generated from the state machine.</summary>
    /// <returns>The diagram text.</returns>
    public static string LifecycleDiagram() => MermaidGraph.Format(new Outreach().Machine.GetInfo());

    /// <summary>Records the next step: the stage reached, on which date, with a note.</summary>
    /// <param name="stage">The stage reached. <see cref="OutreachStage.Identified"/> after a decline approaches the prospect again; leaving <see cref="OutreachStage.Dormant"/> resumes where it paused.</param>
    /// <param name="on">The date; not before the previous step, and in the years 1900 to 2999.</param>
    /// <param name="note">A note (at most 2,000 characters).</param>
    /// <param name="coalition">The coalition reaching out, read for its coordinators.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it is recorded.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, another coalition (<c>Coalitions.OtherCoalition</c>), the pipeline does not allow that stage now, or the date is out of order or range.</exception>
    /// <example>
    /// <code>
    /// outreach.Record(OutreachStage.Contacted, new LocalDate(2026, 3, 3), "Called the station manager.", coalition, Actor.ForPerson(coordinator), now);
    /// </code>
    /// </example>
    public void Record(OutreachStage stage, LocalDate on, string? note, Coalition coalition, Actor by, Instant at)
    {
        Ensure.NotNull(coalition, nameof(coalition));
        if (coalition.Id != Coalition)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "This outreach belongs to another coalition than {coalition}.", ("coalition", coalition.Name));
        }

        RecordCommand.Authorize(this, by, at, coalition, $"outreach of {coalition.Name}");
        Ensure.Date(on, nameof(on));
        CheckNote(note);
        if (!Ensure.IsDefined(stage) || !Machine.CanFire(stage))
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Partners.InvalidOutreachStep,
                "Outreach cannot move from {from} to {to}" + (_stage == OutreachStage.Dormant ? "; it resumes at {resume}." : "."),
                ("from", _stage), ("to", stage), ("resume", _pausedAt));
        }

        if (on < _steps[^1].On)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Partners.OutreachOutOfOrder, "The step on {on} is dated before the previous step on {previous}.", ("on", on), ("previous", _steps[^1].On));
        }

        Raise(new OutreachStepRecorded(Id, stage, on, note, at, by));
    }

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is ProspectIdentified;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => domainEvent switch
    {
        ProspectIdentified e when !Limits.IsDate(e.On) => "the date lies outside the years 1900 to 2999.",
        OutreachStepRecorded e when !MayMove(_stage, _pausedAt, e.Stage) => $"outreach cannot move from {Words.Of(_stage)} to {Words.Of(e.Stage)}.",
        OutreachStepRecorded e when !Limits.IsDate(e.On) || e.On < _steps[^1].On => "the step is dated before the previous step, or after 2999.",
        _ => null,
    };

    /// <inheritdoc />
    protected override void Apply(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case ProspectIdentified e:
                Id = e.Outreach;
                Coalition = e.Coalition;
                Prospect = e.Prospect;
                _stage = OutreachStage.Identified;
                _steps.Add(new OutreachStep(OutreachStage.Identified, e.On, e.Note));
                break;
            case OutreachStepRecorded e:
                if (e.Stage == OutreachStage.Dormant)
                {
                    _pausedAt = _stage;
                }

                _stage = e.Stage;
                _steps.Add(new OutreachStep(e.Stage, e.On, e.Note));
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }

    private static void CheckNote(string? note) => FreeText.Check(note, nameof(note), required: false);

    // The pipeline's moves, for checking a stored history without building the machine; it mirrors BuildMachine.
    private static bool MayMove(OutreachStage from, OutreachStage pausedAt, OutreachStage to) => from switch
    {
        OutreachStage.Identified => to is OutreachStage.Contacted or OutreachStage.Dormant,
        OutreachStage.Contacted => to is OutreachStage.Met or OutreachStage.Invited or OutreachStage.Declined or OutreachStage.Dormant,
        OutreachStage.Met => to is OutreachStage.Invited or OutreachStage.Declined or OutreachStage.Dormant,
        OutreachStage.Invited => to is OutreachStage.Joined or OutreachStage.Declined or OutreachStage.Dormant,
        OutreachStage.Declined => to == OutreachStage.Identified,
        OutreachStage.Dormant => to == pausedAt && to is OutreachStage.Identified or OutreachStage.Contacted or OutreachStage.Met or OutreachStage.Invited,
        _ => false,
    };

    // The triggers are the stages themselves: "record that the prospect reached stage X".
    private StateMachine<OutreachStage, OutreachStage> BuildMachine()
    {
        var machine = new StateMachine<OutreachStage, OutreachStage>(() => _stage, s => _stage = s);
        machine.Configure(OutreachStage.Identified)
            .Permit(OutreachStage.Contacted, OutreachStage.Contacted)
            .Permit(OutreachStage.Dormant, OutreachStage.Dormant);
        machine.Configure(OutreachStage.Contacted)
            .Permit(OutreachStage.Met, OutreachStage.Met)
            .Permit(OutreachStage.Invited, OutreachStage.Invited)
            .Permit(OutreachStage.Declined, OutreachStage.Declined)
            .Permit(OutreachStage.Dormant, OutreachStage.Dormant);
        machine.Configure(OutreachStage.Met)
            .Permit(OutreachStage.Invited, OutreachStage.Invited)
            .Permit(OutreachStage.Declined, OutreachStage.Declined)
            .Permit(OutreachStage.Dormant, OutreachStage.Dormant);
        machine.Configure(OutreachStage.Invited)
            .Permit(OutreachStage.Joined, OutreachStage.Joined)
            .Permit(OutreachStage.Declined, OutreachStage.Declined)
            .Permit(OutreachStage.Dormant, OutreachStage.Dormant);
        machine.Configure(OutreachStage.Declined)
            .Permit(OutreachStage.Identified, OutreachStage.Identified);
        var dormant = machine.Configure(OutreachStage.Dormant);
        foreach (var resumable in new[] { OutreachStage.Identified, OutreachStage.Contacted, OutreachStage.Met, OutreachStage.Invited })
        {
            dormant.PermitIf(resumable, resumable, () => _pausedAt == resumable, $"it paused at {resumable}");
        }

        machine.Configure(OutreachStage.Joined);
        return machine;
    }
}
