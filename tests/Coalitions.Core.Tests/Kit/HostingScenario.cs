using System.Globalization;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using Coalitions.Core.Storage;
using NodaTime;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Kit;

/// <summary>Work that falls due a week after <see cref="Scenario.Start"/>: votes and polls open before three members.</summary>
public static class HostingScenario
{
    public static readonly Instant AfterTheDeadlines = Start + Duration.FromDays(8);

    public static PollId PollNumber(int n) => PollId.FromGuid(Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"e0000000-0000-0000-0000-{n:D12}")));

    public static Proposal OpenVote(int number, DecisionRule? rule = null)
    {
        var proposal = Proposal.Draft(
            ProposalNumber(number),
            new ProposalDraft(TheCoalition, MatterType.AdoptPolicyPosition, $"Position {number}", "The coalition takes this position.", Partner(1), rule ?? DecisionRule.SimpleMajority(), [Chair]),
            For(1),
            Start);
        proposal.Submit(For(1), Start);
        proposal.OpenVoting(Members(3), ChairActor, Start);
        proposal.Vote(1, Stance.Support);
        return proposal;
    }

    public static Poll OpenPoll(int number)
    {
        var poll = Poll.Draft(
            PollNumber(number),
            new PollDraft(TheCoalition, $"Question {number}", [new PollOption("a", "A"), new PollOption("b", "B")], new PollRule(PollMethod.Plurality), [Chair]),
            ChairActor,
            Start);
        poll.Open(Members(3), Start + Duration.FromDays(7), ChairActor, Start);
        poll.CastBallot(PollBallot.Ranked(Partner(1), "a"), For(1), Hours(1));
        return poll;
    }

    /// <summary>Saves <paramref name="votes"/> open votes and <paramref name="polls"/> open polls, all due at <see cref="AfterTheDeadlines"/>.</summary>
    public static async Task SaveDueWorkAsync(AggregateStore store, int votes, int polls)
    {
        for (var n = 1; n <= votes; n++)
        {
            await store.SaveAsync(OpenVote(n));
        }

        for (var n = 1; n <= polls; n++)
        {
            await store.SaveAsync(OpenPoll(n));
        }
    }
}
