using Coalitions.Core.Advocacy;
using Coalitions.Core.Agreements;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using NodaTime;

namespace Coalitions.Core.Engagement;

/// <summary>
/// Adapters from the rooms that record participation to room-neutral <see cref="ParticipationFact"/>s. Each reads only
/// what its room already exposes, so a host can build the facts from the aggregates it loads (or from a projection that
/// keeps the same figures).
/// </summary>
/// <remarks>
/// <para>Rooms that are not adapted here produce the same facts: a meeting gives each member expected at it a
/// <see cref="ParticipationKind.Meeting"/> fact on the meeting's day (met when present, excused when it sent apologies,
/// missed when absent, pending before the day); an action item, a pledge or an initiative's deliverable gives its owner a
/// <see cref="ParticipationKind.Task"/> fact on its due date (met when done by then, late when done after, missed when
/// overdue, excused when released, pending before the date); a contribution received, a resource shared or staff time
/// given is a <see cref="ParticipationKind.Contribution"/> fact on its day. <c>docs/engagement.md</c> lists what each
/// adapter reads.</para>
/// <para>Dates are the coalition's calendar dates: pass the coalition's time zone where an adapter turns instants into dates.</para>
/// </remarks>
public static class ParticipationFacts
{
    /// <summary>The room names the adapters write in <see cref="FactSource.Room"/>.</summary>
    public static class Rooms
    {
        /// <summary>Proposals.</summary>
        public const string Decisions = "Decisions";

        /// <summary>Polls and elections.</summary>
        public const string Polls = "Polls";

        /// <summary>Agreements and their commitments.</summary>
        public const string Agreements = "Agreements";

        /// <summary>Positions, statements and campaigns.</summary>
        public const string Advocacy = "Advocacy";
    }

    /// <summary>
    /// The ballots a proposal asked for: for each round that takes ballots (a silence procedure takes none), each member
    /// of the electorate frozen when voting opened could cast one. Met when it cast a ballot in that round; excused when it
    /// was recused for a conflict of interest; pending while the round is open; missed otherwise. Dated on the round's
    /// deadline.
    /// </summary>
    /// <param name="proposal">The proposal.</param>
    /// <param name="zone">The coalition's time zone.</param>
    /// <returns>The facts, round by round in the electorate's order.</returns>
    /// <exception cref="CoalitionRuleException">A null proposal or zone (<c>Kernel.InvalidInput</c>).</exception>
    public static IReadOnlyList<ParticipationFact> FromProposal(Proposal proposal, DateTimeZone zone)
    {
        Ensure.NotNull(proposal, nameof(proposal));
        Ensure.NotNull(zone, nameof(zone));
        if (proposal.Electorate is not { } electorate)
        {
            return [];
        }

        var cast = proposal.BallotHistory.Select(b => (b.Round, b.Voter)).ToHashSet();
        var facts = new List<ParticipationFact>();
        foreach (var round in proposal.Rounds.Where(r => r.Rule.Method != DecisionMethod.SilenceProcedure))
        {
            var on = round.Deadline.InZone(zone).Date;
            var source = new FactSource(Rooms.Decisions, proposal.Id.Value, "round " + Words.Format(round.Number));
            foreach (var voter in electorate.Voters)
            {
                var result = proposal.Recused.Contains(voter.Partner) ? ParticipationResult.Excused
                    : cast.Contains((round.Number, voter.Partner)) ? ParticipationResult.Met
                    : round.Ending is null ? ParticipationResult.Pending
                    : ParticipationResult.Missed;
                facts.Add(new ParticipationFact(voter.Partner, ParticipationKind.Ballot, result, on, source));
            }
        }

        return facts;
    }

    /// <summary>
    /// The ballots a poll asked for, read from its stored events (a poll does not say who voted, only its history does):
    /// each member of the electorate frozen when it opened could cast one. Met when it cast a ballot; pending while the
    /// poll is open; missed once closed. A cancelled poll asked for nothing. Dated on the poll's deadline.
    /// </summary>
    /// <param name="history">The poll's events, oldest first; they are checked as a poll's history first.</param>
    /// <param name="zone">The coalition's time zone.</param>
    /// <returns>The facts, in the electorate's order.</returns>
    /// <exception cref="StoredEventException">The events are not the history of one poll (<c>Kernel.CorruptHistory</c>).</exception>
    /// <exception cref="CoalitionRuleException">A null zone (<c>Kernel.InvalidInput</c>).</exception>
    public static IReadOnlyList<ParticipationFact> FromPoll(IEnumerable<IDomainEvent> history, DateTimeZone zone)
    {
        Ensure.NotNull(zone, nameof(zone));
        var events = history?.ToArray() ?? throw new StoredEventException(ErrorCodes.Kernel.CorruptHistory, "A poll's history is required.");
        var poll = Poll.Rehydrate(events);
        if (poll.Status == PollStatus.Cancelled || poll.Electorate is not { } electorate || poll.Deadline is not { } deadline)
        {
            return [];
        }

        var voted = events.OfType<PollBallotCast>().Select(e => e.Ballot.Voter).ToHashSet();
        var on = deadline.InZone(zone).Date;
        var source = new FactSource(Rooms.Polls, poll.Id.Value);
        return electorate.Voters.Select(v => new ParticipationFact(
                v.Partner,
                ParticipationKind.Ballot,
                voted.Contains(v.Partner) ? ParticipationResult.Met : poll.Status == PollStatus.Open ? ParticipationResult.Pending : ParticipationResult.Missed,
                on,
                source))
            .ToArray();
    }

    /// <summary>
    /// The commitments each party owes under the version of an agreement that binds the parties, as they stood on a date:
    /// met by the due date (met), met after it (late), waived (excused), overdue and not met (missed), not yet due (pending).
    /// Under a terminated agreement only commitments settled count. Dated on the due date.
    /// </summary>
    /// <param name="agreement">The agreement.</param>
    /// <param name="asOf">The date to read the commitments on.</param>
    /// <returns>The facts, in the order of the commitments.</returns>
    /// <exception cref="CoalitionRuleException">A null agreement, or a date out of range.</exception>
    public static IReadOnlyList<ParticipationFact> FromAgreement(Agreement agreement, LocalDate asOf)
    {
        Ensure.NotNull(agreement, nameof(agreement));
        Ensure.Date(asOf, nameof(asOf));
        if (agreement.InForce is not { } binding)
        {
            return [];
        }

        var terminated = agreement.RecordedStatus == AgreementStatus.Terminated;
        var facts = new List<ParticipationFact>();
        foreach (var commitment in binding.Commitments)
        {
            var now = agreement.CommitmentStatusOn(commitment.Key, asOf);
            var result = now switch
            {
                CommitmentStatus.Met => agreement.CommitmentStatusOn(commitment.Key, commitment.Due) == CommitmentStatus.Met ? ParticipationResult.Met : ParticipationResult.Late,
                CommitmentStatus.Waived => ParticipationResult.Excused,
                CommitmentStatus.Late => ParticipationResult.Missed,
                _ => ParticipationResult.Pending,
            };
            if (terminated && result is ParticipationResult.Missed or ParticipationResult.Pending)
            {
                continue;
            }

            facts.Add(new ParticipationFact(commitment.Party, ParticipationKind.Task, result, commitment.Due, new FactSource(Rooms.Agreements, agreement.Id.Value, commitment.Key)));
        }

        return facts;
    }

    /// <summary>
    /// The actions a campaign assigned, as they stood on a date: done by the due date (met), done after it (late),
    /// overdue (missed), not yet due (pending). Cancelled actions asked for nothing. Dated on the due date.
    /// </summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="asOf">The date to read the actions on.</param>
    /// <returns>The facts, in the order the actions were planned.</returns>
    /// <exception cref="CoalitionRuleException">A null campaign, or a date out of range.</exception>
    public static IReadOnlyList<ParticipationFact> FromCampaign(Campaign campaign, LocalDate asOf)
    {
        Ensure.NotNull(campaign, nameof(campaign));
        Ensure.Date(asOf, nameof(asOf));
        var facts = new List<ParticipationFact>();
        foreach (var action in campaign.Actions)
        {
            var result = action.StatusOn(asOf) switch
            {
                ActionStatus.Cancelled => (ParticipationResult?)null,
                ActionStatus.Done => action.DoneOn <= action.Plan.Due ? ParticipationResult.Met : ParticipationResult.Late,
                ActionStatus.Overdue => ParticipationResult.Missed,
                _ => ParticipationResult.Pending,
            };
            if (result is { } taken)
            {
                facts.Add(new ParticipationFact(action.Plan.Assignee, ParticipationKind.Task, taken, action.Plan.Due, new FactSource(Rooms.Advocacy, campaign.Id.Value, action.Plan.Key.Value)));
            }
        }

        return facts;
    }

    /// <summary>The members that endorsed a sign-on statement, as contributions: each member endorsement that stands (not withdrawn, not rejected), dated the day it was given.</summary>
    /// <param name="statement">The statement.</param>
    /// <returns>The facts, in the order the endorsements were given.</returns>
    /// <exception cref="CoalitionRuleException">A null statement.</exception>
    public static IReadOnlyList<ParticipationFact> FromStatement(SignOnStatement statement)
    {
        Ensure.NotNull(statement, nameof(statement));
        return statement.Endorsements
            .Where(e => e.Standing == EndorserStanding.Member && e.Endorser.Partner is not null && e.WithdrawnAt is null && e.RejectedAt is null)
            .Select(e => new ParticipationFact(e.Endorser.Partner!.Value, ParticipationKind.Contribution, ParticipationResult.Met, e.EndorsedAt.InZone(statement.TimeZone).Date, new FactSource(Rooms.Advocacy, statement.Id.Value, "endorsement")))
            .ToArray();
    }

    /// <summary>The versions of a policy position a member drafted and the coalition adopted, as contributions, dated the day each was adopted.</summary>
    /// <param name="position">The position.</param>
    /// <returns>The facts, in version order.</returns>
    /// <exception cref="CoalitionRuleException">A null position.</exception>
    public static IReadOnlyList<ParticipationFact> FromPosition(PolicyPosition position)
    {
        Ensure.NotNull(position, nameof(position));
        return position.Versions
            .Where(v => v.IsAdopted && v.DraftedBy is not null)
            .Select(v => new ParticipationFact(v.DraftedBy!.Value, ParticipationKind.Contribution, ParticipationResult.Met, v.AdoptedAt!.Value.InZone(position.TimeZone).Date, new FactSource(Rooms.Advocacy, position.Id.Value, "version " + Words.Format(v.Number))))
            .ToArray();
    }
}
