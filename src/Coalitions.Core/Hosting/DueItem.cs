using NodaTime;

namespace Coalitions.Core.Hosting;

/// <summary>What kind of work falls due.</summary>
public enum DueKind
{
    /// <summary>A proposal's voting round reaches its deadline: close it (<see cref="ScheduledCommand.CloseProposal"/>).</summary>
    RoundDeadline = 1,

    /// <summary>A silence procedure reaches its deadline without an objection: close it, and the proposal is adopted (<see cref="ScheduledCommand.CloseProposal"/>).</summary>
    SilenceProcedureEnds = 2,

    /// <summary>A poll reaches its deadline: close and count it (<see cref="ScheduledCommand.ClosePoll"/>).</summary>
    PollDeadline = 3,

    /// <summary>An adopted decision is due for review (a notice: no command; the coalition reviews it).</summary>
    ReviewDue = 4,

    /// <summary>An agreement enters its notice period before its end (a notice: renew or let it end).</summary>
    AgreementExpiring = 5,

    /// <summary>An agreement passes its last day (a notice: its status is computed from the dates).</summary>
    AgreementExpires = 6,

    /// <summary>A commitment under an agreement in force falls due (a notice to the party).</summary>
    CommitmentDue = 7,

    /// <summary>A membership's term ends and its grace period begins (a notice: renew it).</summary>
    MembershipTermEnds = 8,

    /// <summary>A membership lapses: its term and grace period are over (a notice: its rights are gone until renewed).</summary>
    MembershipLapses = 9,

    /// <summary>A scheduled meeting starts in a day (a notice to its participants: the reminder goes out a day before the start).</summary>
    MeetingReminder = 10,

    /// <summary>An action item a meeting set falls due and is not yet done (a notice to its owner).</summary>
    ActionItemDue = 11,
}

/// <summary>The commands the scheduler calls, by name, as the system actor <c>Actor.System("scheduler")</c>.</summary>
public static class ScheduledCommand
{
    /// <summary><c>Proposal.Close(Actor.System("scheduler"), now)</c>: tallies the round and closes it, opens the fallback round, or returns the proposal for revision.</summary>
    public const string CloseProposal = "Proposal.Close";

    /// <summary><c>Poll.Close(Actor.System("scheduler"), now, seed)</c>: counts the poll and closes it.</summary>
    public const string ClosePoll = "Poll.Close";
}

/// <summary>One piece of work that falls due at an instant.</summary>
/// <param name="Key">A stable key, unique to this piece of work, such as <c>proposal-…/round-2</c>; the same work always has the same key.</param>
/// <param name="Kind">What falls due.</param>
/// <param name="StreamName">The stream of the aggregate it concerns.</param>
/// <param name="DueAt">When it falls due. Calendar dates fall due at the start of the day in the coalition's time zone (agreements: UTC).</param>
/// <param name="Command">The command to call (see <see cref="ScheduledCommand"/>), or <see langword="null"/> for a notice.</param>
/// <param name="Round">The voting round, for a round deadline.</param>
/// <param name="Subject">What within the aggregate it concerns: the member (a partner id), the commitment's key or the action item's key.</param>
public sealed record DueItem(string Key, DueKind Kind, string StreamName, Instant DueAt, string? Command, int? Round = null, string? Subject = null)
{
    /// <summary>Gets whether this is a notice for people to act on, with no command for the scheduler to call.</summary>
    public bool IsNotice => Command is null;
}
