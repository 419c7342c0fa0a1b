using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Polls;

public class PollTallyTests
{
    private static readonly PollOption[] Themes = [new("reading", "Reading"), new("maths", "Maths"), new("girls", "Girls' education")];

    [Fact]
    public void Approval_elects_the_option_with_the_most_approvals()
    {
        PollBallot[] ballots = [PollBallot.Ranked(Partner(1), "reading", "maths"), PollBallot.Ranked(Partner(2), "maths"), PollBallot.Ranked(Partner(3), "girls", "maths")];

        var result = PollTally.Count(new PollRule(PollMethod.Approval), Themes, ballots);

        Assert.Equal(["maths"], result.Winners);
        Assert.Equal("Maths wins with 3 approvals. Maths 3, Reading 1, Girls' education 1.", result.Explanation);
    }

    [Fact]
    public void Score_voting_elects_the_highest_total_and_refuses_scores_out_of_range()
    {
        var rule = new PollRule(PollMethod.Score, MaxScore: 5);
        PollBallot[] ballots =
        [
            PollBallot.Scored(Partner(1), new Dictionary<string, int> { ["reading"] = 5, ["maths"] = 1 }),
            PollBallot.Scored(Partner(2), new Dictionary<string, int> { ["reading"] = 2, ["girls"] = 5 }),
        ];

        Assert.Equal(["reading"], PollTally.Count(rule, Themes, ballots).Winners);
        var error = Assert.Throws<CoalitionRuleException>(() => PollTally.Count(rule, Themes, [PollBallot.Scored(Partner(1), new Dictionary<string, int> { ["reading"] = 6 })]));
        Assert.Equal(ErrorCodes.Polls.InvalidBallot, error.Code);
    }

    [Fact]
    public void A_dot_vote_keeps_within_the_budget_and_the_cap_per_option()
    {
        var rule = new PollRule(PollMethod.DotVote, DotsPerVoter: 5, MaxDotsPerOption: 3);

        Assert.Throws<CoalitionRuleException>(() => PollTally.Count(rule, Themes, [PollBallot.Scored(Partner(1), new Dictionary<string, int> { ["reading"] = 4 })]));
        Assert.Throws<CoalitionRuleException>(() => PollTally.Count(rule, Themes, [PollBallot.Scored(Partner(1), new Dictionary<string, int> { ["reading"] = 3, ["maths"] = 3 })]));
        var result = PollTally.Count(rule, Themes, [PollBallot.Scored(Partner(1), new Dictionary<string, int> { ["reading"] = 3, ["girls"] = 2 }), PollBallot.Scored(Partner(2), new Dictionary<string, int> { ["girls"] = 3 })]);
        Assert.Equal(["girls"], result.Winners);
    }

    [Fact]
    public void The_best_meeting_slot_is_the_one_the_most_can_attend_then_the_one_with_the_most_yes()
    {
        PollOption[] slots = [new("mon", "Monday 10:00"), new("tue", "Tuesday 14:00"), new("wed", "Wednesday 09:00")];
        static PollBallot Answer(int n, SlotAnswer mon, SlotAnswer tue, SlotAnswer wed) =>
            PollBallot.Availability(Partner(n), new Dictionary<string, SlotAnswer> { ["mon"] = mon, ["tue"] = tue, ["wed"] = wed });

        var result = PollTally.Count(new PollRule(PollMethod.MeetingTime), slots,
        [
            Answer(1, SlotAnswer.Yes, SlotAnswer.Yes, SlotAnswer.No),
            Answer(2, SlotAnswer.Yes, SlotAnswer.IfNeedBe, SlotAnswer.Yes),
            Answer(3, SlotAnswer.No, SlotAnswer.Yes, SlotAnswer.Yes),
        ]);

        Assert.Equal(["tue"], result.Winners);
        Assert.StartsWith("Best slot: Tuesday 14:00 (2 yes, 1 if need be, 0 no).", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slot_everyone_can_attend_beats_one_with_more_yes_that_leaves_members_out()
    {
        PollOption[] slots = [new("early", "Early"), new("late", "Late")];
        static PollBallot Answer(int n, SlotAnswer early, SlotAnswer late) =>
            PollBallot.Availability(Partner(n), new Dictionary<string, SlotAnswer> { ["early"] = early, ["late"] = late });

        var result = PollTally.Count(new PollRule(PollMethod.MeetingTime), slots,
            [Answer(1, SlotAnswer.Yes, SlotAnswer.IfNeedBe), Answer(2, SlotAnswer.Yes, SlotAnswer.IfNeedBe), Answer(3, SlotAnswer.No, SlotAnswer.Yes)]);

        Assert.Equal(["late"], result.Winners);
    }

    [Fact]
    public void A_meeting_time_ballot_answers_every_slot()
    {
        PollOption[] slots = [new("mon", "Monday"), new("tue", "Tuesday")];

        Assert.Throws<CoalitionRuleException>(() => PollTally.Count(new PollRule(PollMethod.MeetingTime), slots, [PollBallot.Availability(Partner(1), new Dictionary<string, SlotAnswer> { ["mon"] = SlotAnswer.Yes })]));
    }

    [Fact]
    public void A_tie_broken_by_lot_reproduces_with_the_same_seed()
    {
        PollBallot[] ballots = [PollBallot.Ranked(Partner(1), "reading"), PollBallot.Ranked(Partner(2), "maths")];
        var rule = new PollRule(PollMethod.Plurality);

        var outcomes = Enumerable.Range(0, 40).Select(seed => PollTally.Count(rule, Themes, ballots, (ulong)seed).Winners[0]).ToArray();
        var again = Enumerable.Range(0, 40).Select(seed => PollTally.Count(rule, Themes, ballots, (ulong)seed).Winners[0]).ToArray();

        Assert.Equal(outcomes, again);
        Assert.Equal(["maths", "reading"], outcomes.Distinct().Order());
        Assert.True(PollTally.Count(rule, Themes, ballots, 7).TiesBrokenByLot);
    }

    [Fact]
    public void Instant_runoff_breaks_a_tie_for_last_place_by_the_earlier_round()
    {
        PollOption[] options = [new("a", "A"), new("b", "B"), new("c", "C"), new("d", "D")];
        var ballots = new List<PollBallot>();
        var voter = 0;
        void Add(int count, params string[] ranking)
        {
            for (var i = 0; i < count; i++)
            {
                ballots.Add(PollBallot.Ranked(Partner(++voter), ranking));
            }
        }

        Add(5, "a");
        Add(4, "b");
        Add(3, "c");
        Add(1, "d", "c");
        Add(1, "d", "b");

        var result = PollTally.Count(new PollRule(PollMethod.RankedChoice), options, ballots);

        Assert.Equal(["d"], result.Rounds[0].Eliminated);
        Assert.Equal(["c"], result.Rounds[1].Eliminated);
        Assert.False(result.TiesBrokenByLot);
    }

    [Fact]
    public void A_poll_needs_two_distinct_options_and_seats_fewer_than_options()
    {
        Assert.Throws<CoalitionRuleException>(() => PollTally.Count(new PollRule(PollMethod.Plurality), [Themes[0]], []));
        Assert.Throws<CoalitionRuleException>(() => PollTally.Count(new PollRule(PollMethod.SingleTransferableVote, Seats: 3), Themes, []));
        Assert.Throws<CoalitionRuleException>(() => PollTally.Count(new PollRule(PollMethod.Approval, RequireMajority: true), Themes, []));
    }

    [Fact]
    public void A_ranked_ballot_names_each_option_once_and_every_option_when_rankings_must_be_complete()
    {
        Assert.Throws<CoalitionRuleException>(() => PollTally.Count(new PollRule(PollMethod.RankedChoice), Themes, [PollBallot.Ranked(Partner(1), "reading", "reading")]));
        Assert.Throws<CoalitionRuleException>(() => PollTally.Count(new PollRule(PollMethod.RankedChoice, CompleteRankings: true), Themes, [PollBallot.Ranked(Partner(1), "reading")]));
        Assert.Throws<CoalitionRuleException>(() => PollTally.Count(new PollRule(PollMethod.RankedChoice), Themes, [PollBallot.Ranked(Partner(1), "history")]));
    }

    [Fact]
    public void A_choice_polls_result_says_chosen_and_names_options_by_their_labels()
    {
        var result = PollTally.Count(new PollRule(PollMethod.RankedChoice), Themes, Votes.Ranked((2, ["girls", "maths"]), (1, ["reading", "maths"])));

        Assert.Equal(["girls"], result.Winners);
        Assert.StartsWith("Chosen: Girls' education.\nRound 1: Reading 1, Maths 0, Girls' education 2. Girls' education has a majority", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_elections_result_says_elected()
    {
        var ballots = Votes.Ranked((2, ["girls", "maths"]), (1, ["reading", "maths"]));

        Assert.StartsWith("Elected: Girls' education.", PollTally.Count(new PollRule(PollMethod.RankedChoice, Purpose: PollPurpose.Election), Themes, ballots).Explanation, StringComparison.Ordinal);
        Assert.StartsWith("Elected, in order: Girls' education and Reading.", PollTally.Count(new PollRule(PollMethod.SingleTransferableVote, Seats: 2), Themes, ballots).Explanation, StringComparison.Ordinal);
    }
}
