using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Meetings;
using Coalitions.Core.Polls;
using Coalitions.Core.Resources;
using Coalitions.Portal.Pages;
using NodaTime;

namespace Coalitions.Portal.Api;

/// <summary>A member of the coalition.</summary>
public sealed record MemberView(Guid Id, string Name, string Tier, string Status, IReadOnlyList<Guid> Delegates);

/// <summary>A body with its seats and who holds them.</summary>
public sealed record BodyView(string Key, string Name, bool OpenToAllMembers, int Seats, IReadOnlyList<string> SeatHolders);

/// <summary>A goal of the charter.</summary>
public sealed record GoalView(string Title, string Indicator, string Unit, decimal Baseline, decimal? Target, string? Deadline);

/// <summary>The coalition.</summary>
public sealed record CoalitionView(Guid Id, string Name, string Status, IReadOnlyList<MemberView> Members, IReadOnlyList<BodyView> Bodies, IReadOnlyList<GoalView> Goals);

/// <summary>Counts by stance.</summary>
public sealed record TallyView(long Support, long Oppose, long Abstain, long StandAside, long Block, long Object);

/// <summary>A ballot as recorded.</summary>
public sealed record BallotView(int Round, Guid Member, string? MemberName, string Stance, string? Reason, DateTimeOffset At);

/// <summary>A proposal: its text, rule in words, deadline, ballots, the live tally and, once closed, the explained outcome.</summary>
public sealed record ProposalView(
    Guid Id,
    string Title,
    string Text,
    string Status,
    string Rule,
    int Round,
    DateTimeOffset? Deadline,
    long Version,
    IReadOnlyList<BallotView> Ballots,
    TallyView? Tally,
    string? Result,
    string? Explanation);

/// <summary>A ballot to cast or change.</summary>
/// <param name="Stance">Support, Oppose, Abstain, StandAside, Block or Object, as the rule accepts.</param>
/// <param name="Reason">Why, where the rule asks for a reason; optional otherwise.</param>
/// <param name="Member">The member the ballot is for; by default the member the signed-in delegate acts for.</param>
public sealed record BallotRequest(Stance Stance, string? Reason = null, Guid? Member = null);

/// <summary>A round of a poll's count.</summary>
public sealed record PollRoundView(int Number, IReadOnlyDictionary<string, decimal> Totals, IReadOnlyList<string> Elected, IReadOnlyList<string> Eliminated, decimal Exhausted);

/// <summary>A poll with its results, where its visibility lets the viewer see them.</summary>
public sealed record PollView(Guid Id, string Question, string Method, string Status, DateTimeOffset? Deadline, long Version, IReadOnlyDictionary<string, string> Options, int BallotsCast, bool ResultsVisible, IReadOnlyList<string> Winners, IReadOnlyList<PollRoundView> Rounds, string? Explanation);

/// <summary>A ranked ballot: option keys, most preferred first.</summary>
public sealed record RankedBallotRequest(IReadOnlyList<string> Ranking, Guid? Member = null);

/// <summary>A meeting.</summary>
public sealed record MeetingView(Guid Id, string Title, string Status, DateTimeOffset? Start, DateTimeOffset? End, string TimeZone, string? OnlineLink, string? Location, IReadOnlyList<string> Agenda, string Calendar);

/// <summary>A ledger entry of a fund.</summary>
public sealed record LedgerEntryView(int Number, string Kind, string On, decimal Amount, string Currency, string Description);

/// <summary>A pooled fund with its public ledger.</summary>
public sealed record FundView(Guid Id, string Name, string Status, IReadOnlyList<string> Balances, IReadOnlyList<LedgerEntryView> Ledger);

/// <summary>Who signs in with the development sign-in.</summary>
public sealed record SignInRequest(Guid Person, Guid? Member = null);

/// <summary>A person who may sign in.</summary>
public sealed record PersonView(Guid Person, string Name, Guid? Member, string? MemberName, string Role);

/// <summary>Builds the API's views from the aggregates.</summary>
internal static class ViewsOf
{
    public static CoalitionView Coalition(Coalition coalition, CoalitionGovernance? governance, Instant now, IReadOnlyDictionary<PartnerId, string> names)
    {
        var today = now.InZone(coalition.TimeZone).Date;
        return new CoalitionView(
            coalition.Id.Value,
            coalition.Name,
            Show.Words(coalition.Status),
            [.. coalition.Members.OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => new MemberView(m.Partner.Value, m.Name, Show.Words(m.Tier), Show.Words(m.StatusOn(today)), [.. m.Delegates.Select(d => d.Value)]))],
            governance is null ? [] : [.. governance.Bodies.Select(b => new BodyView(b.Key.Value, b.Name, b.IsOpenToAllMembers, b.Seats, b.IsOpenToAllMembers ? [] : [.. governance.SittingMembers(b.Key, coalition, now).Select(p => names.GetValueOrDefault(p) ?? p.ToString())]))],
            coalition.Charter is null ? [] : [.. coalition.Charter.Goals.Select(g => new GoalView(g.Title, g.Indicator, g.Unit, g.Baseline, g.Target, g.Deadline is { } d ? Show.Date(d) : null))]);
    }

    public static ProposalView Proposal(Proposal proposal)
    {
        var names = proposal.Electorate?.Voters.ToDictionary(v => v.Partner, v => v.DisplayName) ?? [];
        var tally = proposal.Status == ProposalStatus.Voting ? proposal.PreviewOutcome().Tally.Headcount : proposal.Outcome?.Tally.Headcount;
        return new ProposalView(
            proposal.Id.Value,
            proposal.Title,
            proposal.Text,
            Show.Words(proposal.Status),
            proposal.CurrentRule.Describe(),
            proposal.Round,
            proposal.Deadline?.ToDateTimeOffset(),
            proposal.Version,
            [.. proposal.Ballots.OrderBy(b => b.At).Select(b => new BallotView(b.Round, b.Voter.Value, names.GetValueOrDefault(b.Voter), b.Stance.ToString(), b.Reason, b.At.ToDateTimeOffset()))],
            tally is null ? null : new TallyView(tally.Support, tally.Oppose, tally.Abstain, tally.StandAside, tally.Block, tally.Object),
            proposal.Outcome is { } outcome && proposal.Status is ProposalStatus.Closed or ProposalStatus.Implemented ? outcome.Result.ToString() : null,
            proposal.Explanation);
    }

    public static PollView Poll(Poll poll, PartnerId? viewer)
    {
        var result = PollResults(poll, viewer);
        return new PollView(
            poll.Id.Value,
            poll.Question.Question,
            poll.Question.Rule.Method.ToString(),
            Show.Words(poll.Status),
            poll.Deadline?.ToDateTimeOffset(),
            poll.Version,
            poll.Question.Options.ToDictionary(o => o.Key, o => o.Label),
            poll.BallotsCast,
            result is not null,
            result?.Winners ?? [],
            result is null ? [] : [.. result.Rounds.Select(r => new PollRoundView(r.Number, r.Totals.ToDictionary(t => t.Option, t => t.Votes), r.Elected, r.Eliminated, r.Exhausted))],
            result?.Explanation);
    }

    /// <summary>The results the viewer may see: the closed result, or the live count where the poll's visibility allows.</summary>
    public static PollResult? PollResults(Poll poll, PartnerId? viewer)
    {
        if (poll.Status is not (PollStatus.Open or PollStatus.Closed))
        {
            return null;
        }

        try
        {
            return poll.Results(viewer);
        }
        catch (CoalitionRuleException)
        {
            // Hidden until the viewer has voted, or until the poll closes, as its visibility says.
            return null;
        }
    }

    public static MeetingView Meeting(Meeting meeting, Instant now) => new(
        meeting.Id.Value,
        meeting.Title,
        Show.Words(meeting.Status),
        meeting.Start?.ToDateTimeOffset(),
        meeting.End?.ToDateTimeOffset(),
        meeting.TimeZone,
        meeting.OnlineLink,
        meeting.Location,
        [.. meeting.Agenda.Select(a => a.Title)],
        $"/api/meetings/{meeting.Id.Value}/calendar.ics");

    public static FundView Fund(PooledFund fund) => new(
        fund.Id.Value,
        fund.Name,
        Show.Words(fund.Status),
        [.. fund.Balances.Select(Show.Money)],
        [.. fund.Ledger.Select(e => new LedgerEntryView(e.Number, Show.Words(e.Kind), Show.Date(e.On), e.Amount.Amount, e.Amount.Currency, e.Description))]);
}
