using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using Coalitions.Core.Tests.Kit;
using static Coalitions.Core.Tests.Kit.Scenario;
using static Coalitions.Core.Tests.Polls.Votes;

namespace Coalitions.Core.Tests.Polls;

/// <summary>Ties broken by earlier rounds then lot, by a published permutation, or by a facilitator's recorded decision.</summary>
public class TieBreakTests
{
    private static readonly PollOption[] Abcd = Options("a", "b", "c", "d");

    // A 4, B 3, C 2, D 2 in round 1, never different before: a tie for last place that no earlier round separates.
    private static PollBallot[] LastPlaceTie() => Ranked((4, ["a"]), (3, ["b"]), (2, ["c", "b"]), (2, ["d", "a"]));

    [Fact]
    public void A_published_tie_order_eliminates_the_tied_option_listed_last()
    {
        var rule = new PollRule(PollMethod.RankedChoice, TieBreak: TieBreak.Permutation, TieOrder: ["b", "d", "c", "a"]);

        var result = PollTally.Count(rule, Abcd, LastPlaceTie());

        Assert.Equal(["c"], result.Rounds[0].Eliminated);
        Assert.Equal(new PollTie(1, TieKind.LastPlace, ["c", "d"], "c", TieResolution.Permutation), result.Ties.Single(), TieComparer.Instance);
        Assert.False(result.TiesBrokenByLot);
        Assert.Contains("C and D tie for fewest votes: C goes, by the published tie order.", result.Rounds[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_published_tie_order_gives_a_tie_for_first_place_to_the_option_listed_first()
    {
        var rule = new PollRule(PollMethod.Plurality, TieBreak: TieBreak.Permutation, TieOrder: ["d", "c", "b", "a"]);

        var result = PollTally.Count(rule, Abcd, Ranked((2, ["a"]), (2, ["c"]), (1, ["b"])));

        Assert.Equal(["c"], result.Winners);
        Assert.Contains("(a tie, broken by the published tie order)", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Earlier_rounds_decide_before_the_published_tie_order_when_the_rule_says_so()
    {
        // Round 2: B and D both have 3; in round 1 D had fewer, so D goes, whatever the order says.
        var ballots = Ranked((5, ["a"]), (3, ["b"]), (2, ["d"]), (1, ["c", "d"]));
        var rule = new PollRule(PollMethod.RankedChoice, TieBreak: TieBreak.EarlierRoundsThenPermutation, TieOrder: ["d", "c", "b", "a"]);

        var result = PollTally.Count(rule, Abcd, ballots);

        Assert.Equal(["d"], result.Rounds[1].Eliminated);
        Assert.Equal(TieResolution.EarlierRound, result.Ties.Single().By);
    }

    [Fact]
    public void A_tie_left_to_the_host_stops_the_count_until_a_facilitator_decides_it()
    {
        var rule = new PollRule(PollMethod.RankedChoice, TieBreak: TieBreak.HostDecision);

        var pending = PollTally.Count(rule, Abcd, LastPlaceTie());
        var decided = PollTally.Count(rule, Abcd, LastPlaceTie(), 0, [new PollTie(1, TieKind.LastPlace, ["d", "c"], "d", TieResolution.Host)]);

        Assert.Empty(pending.Winners);
        Assert.Equal(new PollTie(1, TieKind.LastPlace, ["c", "d"], null, TieResolution.Host), pending.PendingTie, TieComparer.Instance);
        Assert.StartsWith("The count stops at round 1: C and D tie for last place", pending.Explanation, StringComparison.Ordinal);
        Assert.Null(decided.PendingTie);
        Assert.Equal(["d"], decided.Rounds[0].Eliminated);
        Assert.Equal(["a"], decided.Winners);
    }

    [Fact]
    public void A_decision_for_another_round_or_other_options_leaves_the_tie_undecided()
    {
        var rule = new PollRule(PollMethod.RankedChoice, TieBreak: TieBreak.HostDecision);

        var otherRound = PollTally.Count(rule, Abcd, LastPlaceTie(), 0, [new PollTie(2, TieKind.LastPlace, ["c", "d"], "d", TieResolution.Host)]);
        var otherOptions = PollTally.Count(rule, Abcd, LastPlaceTie(), 0, [new PollTie(1, TieKind.LastPlace, ["b", "c", "d"], "d", TieResolution.Host)]);

        Assert.NotNull(otherRound.PendingTie);
        Assert.NotNull(otherOptions.PendingTie);
    }

    [Fact]
    public void A_poll_whose_ties_are_left_to_the_host_closes_only_once_a_facilitator_has_decided_the_tie()
    {
        var poll = Poll.Draft(PollId.FromGuid(Guid.Parse("e1000000-0000-0000-0000-000000000009")), new PollDraft(TheCoalition, "Which theme?", Abcd, new PollRule(PollMethod.RankedChoice, TieBreak: TieBreak.HostDecision), [Chair]), ChairActor, Start);
        poll.Open(Members(11), Hours(48), ChairActor, Start);
        var ballots = LastPlaceTie();
        for (var i = 0; i < ballots.Length; i++)
        {
            poll.CastBallot(ballots[i], For(i + 1), Hours(1));
        }

        var refusal = Refusal.Expect(poll, ErrorCodes.Polls.TieUndecided, () => poll.Close(ChairActor, Hours(48)));
        Refusal.Expect(poll, ErrorCodes.Polls.NotAFacilitator, () => poll.DecideTie(new PollTie(1, TieKind.LastPlace, ["c", "d"], "c", TieResolution.Host), For(1), Hours(49)));
        Refusal.Expect(poll, ErrorCodes.Polls.InvalidTieDecision, () => poll.DecideTie(new PollTie(1, TieKind.LastPlace, ["c", "d"], "a", TieResolution.Host), ChairActor, Hours(49)));
        poll.DecideTie(new PollTie(1, TieKind.LastPlace, ["c", "d"], "c", TieResolution.Host), ChairActor, Hours(49));
        var result = poll.Close(ChairActor, Hours(50));

        Assert.Contains("Round 1: C and D are tied for last place", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(["c"], result.Rounds[0].Eliminated);
        Assert.Equal(TieResolution.Host, result.Ties.Single().By);
        Assert.Single(Poll.Rehydrate(poll.DequeueUncommittedEvents()).TieDecisions);
    }

    [Fact]
    public void A_tie_decision_is_refused_under_a_rule_that_breaks_ties_itself()
    {
        var poll = Poll.Draft(PollId.FromGuid(Guid.Parse("e1000000-0000-0000-0000-000000000009")), new PollDraft(TheCoalition, "Which theme?", Abcd, new PollRule(PollMethod.RankedChoice), [Chair]), ChairActor, Start);
        poll.Open(Members(3), Hours(48), ChairActor, Start);

        Refusal.Expect(poll, ErrorCodes.Polls.InvalidTieDecision, () => poll.DecideTie(new PollTie(1, TieKind.LastPlace, ["c", "d"], "c", TieResolution.Host), ChairActor, Hours(1)));
    }

    [Fact]
    public void A_drafted_poll_keeps_its_own_copy_of_the_published_tie_order()
    {
        string[] order = ["a", "b", "c", "d"];
        var poll = Poll.Draft(PollId.FromGuid(Guid.Parse("e1000000-0000-0000-0000-000000000009")), new PollDraft(TheCoalition, "Which theme?", Abcd, new PollRule(PollMethod.RankedChoice, TieBreak: TieBreak.Permutation, TieOrder: order), [Chair]), ChairActor, Start);

        order[0] = "d";

        Assert.Equal(["a", "b", "c", "d"], poll.Question.Rule.TieOrder);
    }
}
