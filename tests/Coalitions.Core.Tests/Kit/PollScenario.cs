using System.Globalization;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using NodaTime;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Kit;

/// <summary>Real poll histories in each state worth attacking, and the values a host would pass to their commands.</summary>
public static class PollScenario
{
    /// <summary>Four options, keyed a to d, labelled Amina, Baraka, Chiara and Dawit.</summary>
    public static readonly PollOption[] Candidates = [new("a", "Amina"), new("b", "Baraka"), new("c", "Chiara"), new("d", "Dawit")];

    /// <summary>Instant runoff whose ties are left to a facilitator.</summary>
    public static readonly PollRule HostDecides = new(PollMethod.RankedChoice, TieBreak: TieBreak.HostDecision);

    /// <summary>Gregory STV for two seats, reading hand-marked ballots: overvotes skipped, repeats passed over.</summary>
    public static readonly PollRule MarkedStv = new(
        PollMethod.SingleTransferableVote,
        Seats: 2,
        Transfer: StvTransfer.WeightedInclusiveGregory,
        BallotRules: new RankedBallotRules(OvervoteRule.SkipToNext, DuplicateRule.Skip));

    public static PollId PollNumber(int n) => PollId.FromGuid(Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"e2000000-0000-0000-0000-{n:D12}")));

    public static PollDraft DraftOf(PollRule rule, string question = "Who chairs the steering committee?") => new(TheCoalition, question, Candidates, rule, [Chair]);

    public static Poll Drafted(PollRule rule, int number = 1) => Poll.Draft(PollNumber(number), DraftOf(rule), ChairActor, Start);

    /// <summary>A poll open from <see cref="Scenario.Start"/> for 48 hours before members 1 to <paramref name="voters"/>.</summary>
    public static Poll Opened(PollRule rule, int voters = 5, int number = 1)
    {
        var poll = Drafted(rule, number);
        poll.Open(Members(voters), Hours(48), ChairActor, Start);
        return poll;
    }

    /// <summary>Member <paramref name="member"/> casts through its own representative.</summary>
    public static void CastBy(this Poll poll, int member, PollBallot ballot, double atHours = 1) => poll.CastBallot(ballot with { Voter = Partner(member) }, For(member), Hours(atHours));

    /// <summary>A 4, B 3, C 2, D 2 in round 1: under <see cref="HostDecides"/> the count stops at a tie for last place between C and D.</summary>
    public static Poll AwaitingTieDecision(int number = 1)
    {
        var poll = Opened(HostDecides, voters: 11, number);
        string[][] rankings = [["a"], ["a"], ["a"], ["a"], ["b"], ["b"], ["b"], ["c", "b"], ["c", "b"], ["d", "a"], ["d", "a"]];
        for (var v = 1; v <= rankings.Length; v++)
        {
            poll.CastBy(v, PollBallot.Ranked(Partner(v), rankings[v - 1]));
        }

        return poll;
    }

    /// <summary>The histories the hostile host starts from: one per state worth attacking.</summary>
    public static IReadOnlyList<IReadOnlyList<IDomainEvent>> Histories()
    {
        var drafted = Drafted(new PollRule(PollMethod.Approval, Visibility: ResultsVisibility.AfterVoting));

        var plurality = Opened(new PollRule(PollMethod.Plurality, RequireMajority: true, Visibility: ResultsVisibility.Always), voters: 3);
        plurality.CastBy(1, PollBallot.Ranked(Partner(1), "a"));
        plurality.CastBy(2, PollBallot.Ranked(Partner(2), "b"));

        var ranked = Opened(new PollRule(PollMethod.RankedChoice, BatchElimination: true));
        ranked.CastBy(1, PollBallot.Ranked(Partner(1), "a", "b"));
        ranked.CastBy(2, PollBallot.Ranked(Partner(2), "c"));
        ranked.CastBy(2, PollBallot.Ranked(Partner(2), "b", "c"), atHours: 2);
        ranked.CastBy(3, PollBallot.Ranked(Partner(3)));

        var scored = Opened(new PollRule(PollMethod.Score, MaxScore: 10, Visibility: ResultsVisibility.AfterVoting), voters: 4);
        scored.CastBy(1, PollBallot.Scored(Partner(1), new Dictionary<string, int> { ["a"] = 10, ["b"] = 3 }));
        scored.ChangeVisibility(ResultsVisibility.AfterClose, ChairActor, Hours(2));

        var meeting = Opened(new PollRule(PollMethod.MeetingTime), voters: 3);
        meeting.CastBy(1, Slots(SlotAnswer.Yes, SlotAnswer.No, SlotAnswer.IfNeedBe, SlotAnswer.Yes));

        var marked = Opened(MarkedStv);
        marked.CastBy(1, PollBallot.Marked(Partner(1), ["a"], [], ["b", "c"]));
        marked.CastBy(2, PollBallot.Marked(Partner(2), ["b"], ["b"], ["d"]));

        var closed = Opened(new PollRule(PollMethod.Copeland), voters: 3);
        closed.CastBy(1, PollBallot.Ranked(Partner(1), "a", "b", "c"));
        closed.CastBy(2, PollBallot.Ranked(Partner(2), "b", "c", "a"));
        closed.CastBy(3, PollBallot.Ranked(Partner(3), "c", "a", "b"));
        closed.Close(ChairActor, Hours(3), seed: 2026);

        var cancelled = Opened(new PollRule(PollMethod.DotVote, DotsPerVoter: 3), voters: 3);
        cancelled.CastBy(1, PollBallot.Scored(Partner(1), new Dictionary<string, int> { ["a"] = 2, ["d"] = 1 }));
        cancelled.Cancel("The assembly decides in person.", ChairActor, Hours(2));

        var pending = AwaitingTieDecision();

        var decided = AwaitingTieDecision();
        decided.DecideTie(new PollTie(1, TieKind.LastPlace, ["c", "d"], "d", TieResolution.Host), ChairActor, Hours(2));

        return [.. new[] { drafted, plurality, ranked, scored, meeting, marked, closed, cancelled, pending, decided }.Select(p => p.DequeueUncommittedEvents())];
    }

    /// <summary>The scenario's real values, for the hostile host to mix with hostile ones.</summary>
    public static ValuePool Pool() => new ValuePool()
        // Mostly the people who may act (the facilitator, members' representatives), so commands get past the door.
        .Add(ChairActor, ChairActor, ChairActor, For(1), For(2), For(3), For(5), For(11), Actor.System("scheduler"), Actor.Representing(Person(2), Partner(1)), Actor.ForPerson(Person(1)))
        .Add(PollNumber(1), PollNumber(2))
        .Add(Partner(1), Partner(2), Partner(3), Partner(7))
        .Add(Start, Hours(1), Hours(2), Hours(47), Hours(48), Hours(49), Start - Duration.FromHours(1), Instant.FromUtc(2999, 12, 30, 0, 0))
        .Add(Members(3), Members(5), Members(11), Electorate.Empty)
        .Add(
            DraftOf(new PollRule(PollMethod.RankedChoice)),
            DraftOf(HostDecides),
            DraftOf(MarkedStv),
            DraftOf(new PollRule(PollMethod.MeetingTime, Visibility: ResultsVisibility.Always)),
            DraftOf(new PollRule(PollMethod.RankedChoice, TieBreak: TieBreak.Permutation, TieOrder: ["d", "c", "b", "a"])),
            DraftOf(new PollRule(PollMethod.Plurality)) with { Facilitators = [Person(1)] })
        .Add(
            PollBallot.Ranked(Partner(1), "a", "b"),
            PollBallot.Ranked(Partner(2), "c"),
            PollBallot.Ranked(Partner(3)),
            PollBallot.Ranked(Partner(1), "a", "a"),
            PollBallot.Marked(Partner(1), ["a", "b"], [], ["c"]),
            PollBallot.Scored(Partner(1), new Dictionary<string, int> { ["a"] = 3 }),
            Slots(SlotAnswer.Yes, SlotAnswer.Yes, SlotAnswer.No, SlotAnswer.IfNeedBe) with { Voter = Partner(2) },
            PollBallot.Ranked(Partner(11), "d"))
        .Add(ResultsVisibility.Always, ResultsVisibility.AfterVoting, ResultsVisibility.AfterClose)
        .Add(
            new PollTie(1, TieKind.LastPlace, ["c", "d"], "c", TieResolution.Host),
            new PollTie(1, TieKind.LastPlace, ["d", "c"], "d", TieResolution.Lot),
            new PollTie(2, TieKind.LastPlace, ["c", "d"], "c", TieResolution.Host),
            new PollTie(1, TieKind.FirstPlace, ["a", "b"], "a", TieResolution.Host))
        .Add(0UL, 7UL, 2026UL)
        .Add("The assembly decides in person.", "Postponed.");

    private static PollBallot Slots(SlotAnswer a, SlotAnswer b, SlotAnswer c, SlotAnswer d) =>
        PollBallot.Availability(Partner(1), new Dictionary<string, SlotAnswer> { ["a"] = a, ["b"] = b, ["c"] = c, ["d"] = d });
}
