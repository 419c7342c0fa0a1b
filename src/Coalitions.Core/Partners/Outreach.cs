using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
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
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class Outreach : AggregateRoot<OutreachId>
{
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
    public IReadOnlyList<OutreachStep> Steps => _steps;

    private StateMachine<OutreachStage, OutreachStage> Machine => _machine ??= BuildMachine();

    /// <summary>Starts outreach to a prospect.</summary>
    /// <param name="id">The outreach id.</param>
    /// <param name="coalition">The coalition.</param>
    /// <param name="prospect">The prospective partner.</param>
    /// <param name="on">The date.</param>
    /// <param name="note">A note (at most 2,000 characters).</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <returns>The outreach, at <see cref="OutreachStage.Identified"/>.</returns>
    public static Outreach Identify(OutreachId id, CoalitionId coalition, PartnerId prospect, LocalDate on, string? note, Actor by, Instant at)
    {
        CheckNote(note);
        var outreach = new Outreach();
        outreach.Raise(new ProspectIdentified(id, coalition, prospect, on, note, at, Preconditions.CheckNotNull(by, nameof(by))));
        return outreach;
    }

    /// <summary>Rebuilds an outreach from its events, without checks.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The outreach.</returns>
    public static Outreach Rehydrate(IEnumerable<IDomainEvent> history)
    {
        return Rebuild(new Outreach(), history);
    }

    /// <summary>The outreach pipeline as a Mermaid state diagram, generated from the state machine.</summary>
    /// <returns>The diagram text.</returns>
    public static string LifecycleDiagram() => MermaidGraph.Format(new Outreach().Machine.GetInfo());

    /// <summary>Records the next step: the stage reached, on which date, with a note.</summary>
    /// <param name="stage">The stage reached. <see cref="OutreachStage.Identified"/> after a decline approaches the prospect again; leaving <see cref="OutreachStage.Dormant"/> resumes where it paused.</param>
    /// <param name="on">The date; not before the previous step.</param>
    /// <param name="note">A note (at most 2,000 characters).</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">The pipeline does not allow that stage now, or the date is out of order.</exception>
    public void Record(OutreachStage stage, LocalDate on, string? note, Actor by, Instant at)
    {
        Preconditions.CheckNotNull(by, nameof(by));
        CheckNote(note);
        if (!Enum.IsDefined(stage) || !Machine.CanFire(stage))
        {
            var target = _stage == OutreachStage.Dormant ? $"; it resumes at {_pausedAt}" : string.Empty;
            throw new CoalitionRuleException(ErrorCodes.Partners.InvalidOutreachStep, $"Outreach cannot move from {_stage} to {stage}{target}.");
        }

        if (on < _steps[^1].On)
        {
            throw new CoalitionRuleException(ErrorCodes.Partners.OutreachOutOfOrder, $"The step on {on} is dated before the previous step on {_steps[^1].On}.");
        }

        Raise(new OutreachStepRecorded(Id, stage, on, note, at, by));
    }

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is ProspectIdentified;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => null;

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
