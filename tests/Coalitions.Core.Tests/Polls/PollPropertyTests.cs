using Coalitions.Core.Polls;
using Coalitions.Core.Serialization;
using CsCheck;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Polls;

public class PollPropertyTests
{
    private static readonly PollOption[] Options = Enumerable.Range(0, 5).Select(i => new PollOption($"o{i}", $"Option {i}")).ToArray();

    private static readonly Gen<PollBallot[]> GenRankedBallots =
        Gen.Int[0, 4].Array[1, 5].Select(r => r.Distinct().Select(i => $"o{i}").ToArray()).Array[1, 60]
            .Select(rankings => rankings.Select((r, v) => PollBallot.Ranked(Partner(v + 1), r)).ToArray());

    // Ballots as marked: each rank blank, one option or two (an overvote or equal ranking); options may repeat.
    private static readonly Gen<PollBallot[]> GenMarkedBallots =
        Gen.Int[0, 4].Array[0, 2].Select(rank => rank.Select(i => $"o{i}").ToArray()).Array[0, 6].Array[1, 50]
            .Select(ballots => ballots.Select((ranks, v) => PollBallot.Marked(Partner(v + 1), ranks)).ToArray());

    private static readonly PollRule[] MarkedRules =
    [
        new(PollMethod.RankedChoice, BallotRules: new RankedBallotRules(OvervoteRule.Exhaust, DuplicateRule.Skip, 1)),
        new(PollMethod.RankedChoice, BallotRules: new RankedBallotRules(OvervoteRule.ExhaustIfSeveralContinuing, DuplicateRule.Exhaust)),
        new(PollMethod.Copeland, BallotRules: new RankedBallotRules(OvervoteRule.RankedEqually, DuplicateRule.Skip)),
        new(PollMethod.SingleTransferableVote, Seats: 2, BallotRules: new RankedBallotRules(OvervoteRule.RankedEqually, DuplicateRule.Skip)),
        new(PollMethod.SingleTransferableVote, Seats: 2, Transfer: StvTransfer.WeightedInclusiveGregory, BallotRules: new RankedBallotRules(OvervoteRule.SkipToNext, DuplicateRule.Skip, 0)),
    ];

    [Theory]
    [InlineData(PollMethod.RankedChoice, 1)]
    [InlineData(PollMethod.Copeland, 1)]
    [InlineData(PollMethod.SingleTransferableVote, 3)]
    [InlineData(PollMethod.Approval, 1)]
    public void A_count_does_not_depend_on_the_order_of_the_ballots(PollMethod method, int seats)
    {
        var rule = new PollRule(method, Seats: seats);
        GenRankedBallots.SelectMany(b => Gen.Shuffle(b.ToArray()).Select(s => (b, s))).Sample(
            pair => CoalitionsJson.Serialize(PollTally.Count(rule, Options, pair.b, 9)) == CoalitionsJson.Serialize(PollTally.Count(rule, Options, pair.s, 9)),
            iter: 150);
    }

    [Fact]
    public void A_count_of_marked_ballots_does_not_depend_on_their_order_under_any_ballot_rules()
    {
        Gen.Int[0, MarkedRules.Length - 1].SelectMany(r => GenMarkedBallots.SelectMany(b => Gen.Shuffle(b.ToArray()).Select(s => (Rule: MarkedRules[r], b, s)))).Sample(
            t => CoalitionsJson.Serialize(PollTally.Count(t.Rule, Options, t.b, 4)) == CoalitionsJson.Serialize(PollTally.Count(t.Rule, Options, t.s, 4)),
            iter: 200);
    }

    [Fact]
    public void Counting_lines_of_identical_ballots_gives_the_count_of_the_same_ballots_one_by_one()
    {
        Gen.Int[0, MarkedRules.Length - 1].SelectMany(r => GenMarkedBallots.Select(b => (Rule: MarkedRules[r], Ballots: b))).Sample(
            t =>
            {
                var lines = t.Ballots.GroupBy(b => string.Join("|", b.Ranks!.Select(r => string.Join("=", r))))
                    .Select(g => new BallotLine(g.Count(), g.First().Ranks!)).ToArray();
                var one = PollTally.Count(t.Rule, Options, t.Ballots.OrderBy(b => string.Join("|", b.Ranks!.Select(r => string.Join("=", r))), StringComparer.Ordinal).ToArray(), 2);
                var grouped = PollTally.CountLines(t.Rule, Options, lines, 2);
                return one.Winners.SequenceEqual(grouped.Winners) && one.Rounds.Count == grouped.Rounds.Count &&
                       one.Rounds.Zip(grouped.Rounds).All(p => p.First.Totals.SequenceEqual(p.Second.Totals) && p.First.Exhausted == p.Second.Exhausted);
            },
            iter: 200);
    }

    [Fact]
    public void A_ballot_file_written_and_read_back_recounts_to_the_same_result()
    {
        Gen.Int[0, MarkedRules.Length - 1].SelectMany(r => GenMarkedBallots.Select(b => (Rule: MarkedRules[r], Ballots: b))).Sample(
            t =>
            {
                var original = PollTally.Count(t.Rule, Options, t.Ballots, 8);
                var election = Blt.Read(Blt.Write(Blt.FromBallots("Property", t.Rule, Options, t.Ballots)));
                var recount = PollTally.CountLines(t.Rule, election.Options, election.Lines, 8);
                string Label(string key) => election.Options.Single(o => o.Key == key).Label;
                string Original(string key) => Options.Single(o => o.Key == key).Label;
                // A ballot that counts for nobody from its first rank is written as an empty line: it comes back as an
                // empty ballot rather than an exhausted one, which changes no total.
                return original.Winners.Select(Original).SequenceEqual(recount.Winners.Select(Label)) && original.Ballots == recount.Ballots &&
                       original.Rounds.Count == recount.Rounds.Count &&
                       original.Rounds.Zip(recount.Rounds).All(p =>
                           p.First.Totals.Select(x => (Original(x.Option), x.Votes)).SequenceEqual(p.Second.Totals.Select(x => (Label(x.Option), x.Votes))) &&
                           p.First.Exhausted + original.EmptyBallots == p.Second.Exhausted + recount.EmptyBallots);
            },
            iter: 150);
    }

    [Theory]
    [InlineData(PollMethod.RankedChoice, StvTransfer.Meek, 1)]
    [InlineData(PollMethod.SingleTransferableVote, StvTransfer.WeightedInclusiveGregory, 2)]
    [InlineData(PollMethod.SingleTransferableVote, StvTransfer.Meek, 2)]
    public void Batch_elimination_never_eliminates_an_option_that_could_still_win(PollMethod method, StvTransfer transfer, int seats)
    {
        // Options 0 and 1 draw most first preferences, so the others often trail far enough behind to go together.
        var skewed = Gen.Int[0, 9].Select(i => i < 6 ? i % 2 : i - 5).Array[1, 5].Select(r => r.Distinct().Select(i => $"o{i}").ToArray()).Array[1, 60]
            .Select(rankings => rankings.Select((r, v) => PollBallot.Ranked(Partner(v + 1), r)).ToArray());
        skewed.Sample(
            ballots =>
            {
                var one = PollTally.Count(new PollRule(method, Seats: seats, Transfer: transfer), Options, ballots, 6);
                var batch = PollTally.Count(new PollRule(method, Seats: seats, Transfer: transfer, BatchElimination: true), Options, ballots, 6);
                var batched = batch.Rounds.Where(r => r.Eliminated.Count > 1).SelectMany(r => r.Eliminated).ToHashSet();
                return one.TiesBrokenByLot || !one.Winners.Any(batched.Contains);
            },
            iter: 300);
    }

    [Fact]
    public void Batch_elimination_in_instant_runoff_elects_the_winner_one_by_one_elimination_elects_when_no_tie_intervenes()
    {
        GenRankedBallots.Sample(
            ballots =>
            {
                var one = PollTally.Count(new PollRule(PollMethod.RankedChoice), Options, ballots, 3);
                var batch = PollTally.Count(new PollRule(PollMethod.RankedChoice, BatchElimination: true), Options, ballots, 3);
                // A tie broken by earlier rounds may go the other way: batch elimination leaves fewer rounds to look back on.
                return one.Ties.Count > 0 || batch.Ties.Count > 0 || one.Winners.SequenceEqual(batch.Winners);
            },
            iter: 300);
    }

    [Fact]
    public void Meeks_method_for_one_seat_elects_the_instant_runoff_winner()
    {
        GenRankedBallots.Sample(
            ballots =>
            {
                var meek = PollTally.Count(new PollRule(PollMethod.SingleTransferableVote, Seats: 1, Transfer: StvTransfer.Meek), Options, ballots, 3);
                var irv = PollTally.Count(new PollRule(PollMethod.RankedChoice), Options, ballots, 3);
                return meek.Ties.Count > 0 || irv.Ties.Count > 0 || meek.Winners[0] == irv.Winners[0];
            },
            iter: 300);
    }

    [Theory]
    [InlineData(StvTransfer.Meek)]
    [InlineData(StvTransfer.WeightedInclusiveGregory)]
    public void Either_transfer_method_fills_every_seat_with_distinct_options(StvTransfer transfer)
    {
        GenRankedBallots.Sample(
            ballots =>
            {
                var result = PollTally.Count(new PollRule(PollMethod.SingleTransferableVote, Seats: 3, Transfer: transfer), Options, ballots, 5);
                return result.Winners.Count == 3 && result.Winners.Distinct().Count() == 3;
            },
            iter: 200);
    }

    [Fact]
    public void A_majority_of_first_preferences_always_wins_an_instant_runoff()
    {
        GenRankedBallots.Sample(
            ballots =>
            {
                var firsts = ballots.GroupBy(b => b.Ranking[0]).OrderByDescending(g => g.Count()).First();
                var result = PollTally.Count(new PollRule(PollMethod.RankedChoice), Options, ballots, 3);
                return firsts.Count() * 2 <= ballots.Length || result.Winners[0] == firsts.Key;
            },
            iter: 200);
    }

    [Fact]
    public void Every_tie_the_host_leaves_open_is_the_one_a_recorded_decision_then_settles()
    {
        var rule = new PollRule(PollMethod.RankedChoice, TieBreak: TieBreak.HostDecision);
        GenRankedBallots.Sample(
            ballots =>
            {
                var decisions = new List<PollTie>();
                for (var step = 0; step < 10; step++)
                {
                    var result = PollTally.Count(rule, Options, ballots, 0, decisions);
                    if (result.PendingTie is not { } tie)
                    {
                        return result.Winners.Count == 1 && result.Ties.Count == decisions.Count && result.Ties.All(t => t.By == TieResolution.Host);
                    }

                    decisions.Add(tie with { Chosen = tie.Tied[^1] });
                }

                return false;
            },
            iter: 200);
    }
}
