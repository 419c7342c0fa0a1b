using Coalitions.Core.Kernel;
using FluentValidation;
using NodaTime;

namespace Coalitions.Core.Engagement;

/// <summary>What kind of opportunity to take part a fact records.</summary>
public enum ParticipationKind
{
    /// <summary>A ballot the member could cast: a proposal's round, a poll.</summary>
    Ballot = 1,

    /// <summary>A meeting the member was expected at.</summary>
    Meeting = 2,

    /// <summary>An item the member owed by a date: an action item, a commitment, a pledge, a campaign action, a deliverable.</summary>
    Task = 3,

    /// <summary>A contribution the member made: money, staff time, expertise, a resource shared, a position drafted, a statement endorsed.</summary>
    Contribution = 4,
}

/// <summary>What became of an opportunity.</summary>
public enum ParticipationResult
{
    /// <summary>Taken: the ballot cast, the meeting attended, the item done on time, the contribution made.</summary>
    Met = 1,

    /// <summary>An item done, but after its due date.</summary>
    Late = 2,

    /// <summary>Not taken: no ballot, absent without apology, an item overdue and not done.</summary>
    Missed = 3,

    /// <summary>Excused: recused for a conflict of interest, apologies sent, a commitment waived. Not counted.</summary>
    Excused = 4,

    /// <summary>Still open: the vote, the meeting or the due date is still to come. Not counted.</summary>
    Pending = 5,
}

/// <summary>
/// Where a fact comes from: the room, the record (an aggregate's id) and, within it, the item (a round, a commitment's
/// key, an action's key). Facts from one source about one member and one kind of opportunity are one fact.
/// </summary>
/// <param name="Room">The room, such as <c>Decisions</c>, <c>Polls</c>, <c>Agreements</c>, <c>Meetings</c>: one line of at most 64 characters.</param>
/// <param name="Record">The id of the record (a proposal, a poll, a meeting).</param>
/// <param name="Item">The item within the record, if any: one line of at most 200 characters.</param>
public sealed record FactSource(string Room, Guid Record, string? Item = null);

/// <summary>
/// One room-neutral fact about a member's participation: an opportunity it had (or a contribution it made), when, and
/// what became of it. Rooms produce these (see <see cref="ParticipationFacts"/>), and <see cref="Participation"/>
/// reads them; a host may also produce them from its own records.
/// </summary>
/// <param name="Member">The member.</param>
/// <param name="Kind">The kind of opportunity.</param>
/// <param name="Result">What became of it; a contribution is always <see cref="ParticipationResult.Met"/>, a ballot and a meeting are never late.</param>
/// <param name="On">The day it falls on, in the coalition's time zone: the ballot's deadline, the meeting's day, the item's due date, the contribution's day.</param>
/// <param name="Source">Where it comes from.</param>
public sealed record ParticipationFact(PartnerId Member, ParticipationKind Kind, ParticipationResult Result, LocalDate On, FactSource Source);

/// <summary>Checks a <see cref="FactSource"/>.</summary>
internal sealed class FactSourceValidator : AbstractValidator<FactSource>
{
    public static readonly FactSourceValidator Instance = new();

    private FactSourceValidator()
    {
        RuleFor(s => s.Room).IsName(Limits.KeyLength);
        RuleFor(s => s.Record).Must(id => id != Guid.Empty).WithErrorCode(ErrorCodes.Kernel.EmptyId.Code).WithMessage("The record of a fact's source is the empty id.");
        RuleFor(s => s.Item).IsName(required: false);
    }
}

/// <summary>Checks a <see cref="ParticipationFact"/>: defined values, a date in range, and a result the kind can have.</summary>
internal sealed class ParticipationFactValidator : AbstractValidator<ParticipationFact>
{
    public static readonly ParticipationFactValidator Instance = new();

    private ParticipationFactValidator()
    {
        RuleFor(f => f.Member).IsId();
        RuleFor(f => f.Kind).IsDefined();
        RuleFor(f => f.Result).IsDefined();
        RuleFor(f => f.On).IsDate();
        RuleFor(f => f.Source).NotNull().WithErrorCode(ErrorCodes.Kernel.InvalidInput.Code).SetValidator(FactSourceValidator.Instance!);
        RuleFor(f => f.Result).Must((f, result) => Fits(f.Kind, result)).WithErrorCode(ErrorCodes.Engagement.InvalidInput.Code)
            .WithMessage("A contribution is always made (met), and a ballot or a meeting is never late.");
    }

    public static bool Fits(ParticipationKind kind, ParticipationResult result) => kind switch
    {
        ParticipationKind.Contribution => result == ParticipationResult.Met,
        ParticipationKind.Ballot or ParticipationKind.Meeting => result != ParticipationResult.Late,
        _ => true,
    };
}
