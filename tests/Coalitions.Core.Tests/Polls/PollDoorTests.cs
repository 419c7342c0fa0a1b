using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.PollScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Polls;

/// <summary>
/// A poll checks its inputs at the door, each refusal coded and leaving the poll as it was: ids, texts, sizes, defined
/// values, nulls inside inputs; and it keeps its own copies of what it is given (issue 10).
/// </summary>
public class PollDoorTests
{
    private static readonly PollRule Approval = new(PollMethod.Approval);

    private static ErrorCode DraftRefusal(PollDraft draft, PollId? id = null) =>
        Assert.Throws<CoalitionRuleException>(() => Poll.Draft(id ?? PollNumber(1), draft, ChairActor, Start)).Code;

    [Fact]
    public void A_draft_with_an_empty_id_or_coalition_is_refused()
    {
        Assert.Equal(ErrorCodes.Kernel.EmptyId, DraftRefusal(DraftOf(Approval), default(PollId)));
        Assert.Equal(ErrorCodes.Kernel.EmptyId, DraftRefusal(DraftOf(Approval) with { Coalition = default }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Which theme?\nOr another?")]
    [InlineData("Which theme?\u0007")]
    public void A_draft_whose_question_is_not_one_line_of_text_is_refused(string question) =>
        Assert.Equal(ErrorCodes.Kernel.InvalidText, DraftRefusal(DraftOf(Approval) with { Question = question }));

    [Fact]
    public void A_draft_whose_question_is_longer_than_500_characters_is_refused() =>
        Assert.Equal(ErrorCodes.Kernel.InvalidText, DraftRefusal(DraftOf(Approval) with { Question = new string('q', 501) }));

    [Fact]
    public void A_draft_without_options_or_facilitators_or_with_a_null_inside_is_refused()
    {
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, DraftRefusal(DraftOf(Approval) with { Options = null! }));
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, DraftRefusal(DraftOf(Approval) with { Options = [Candidates[0], null!, Candidates[1]] }));
        Assert.Equal(ErrorCodes.Polls.InvalidPoll, DraftRefusal(DraftOf(Approval) with { Rule = null! }));

        // Who acts is checked first: without a draft, nobody is among its facilitators.
        Assert.Equal(ErrorCodes.Polls.NotAFacilitator, Assert.Throws<CoalitionRuleException>(() => Poll.Draft(PollNumber(1), null!, ChairActor, Start)).Code);
    }

    [Fact]
    public void An_option_whose_key_or_label_is_not_one_bounded_line_is_refused()
    {
        Assert.Equal(ErrorCodes.Kernel.InvalidText, DraftRefusal(DraftOf(Approval) with { Options = [new("a", "Amina"), new(new string('k', 65), "Baraka")] }));
        Assert.Equal(ErrorCodes.Kernel.InvalidText, DraftRefusal(DraftOf(Approval) with { Options = [new("a", "Amina"), new("b", "Bar\naka")] }));
        Assert.Equal(ErrorCodes.Kernel.InvalidText, DraftRefusal(DraftOf(Approval) with { Options = [new("a", "Amina"), new("b", new string('l', 201))] }));
        Assert.Equal(ErrorCodes.Kernel.InvalidText, DraftRefusal(DraftOf(Approval) with { Options = [new("a", "Amina"), new(" ", "Baraka")] }));
    }

    [Fact]
    public void A_draft_with_fewer_than_two_or_more_than_200_options_or_a_key_twice_is_refused()
    {
        Assert.Equal(ErrorCodes.Polls.InvalidPoll, DraftRefusal(DraftOf(Approval) with { Options = [new("a", "Amina")] }));
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, DraftRefusal(DraftOf(Approval) with { Options = Enumerable.Range(0, 201).Select(i => new PollOption($"o{i}", $"Option {i}")).ToArray() }));
        Assert.Equal(ErrorCodes.Polls.InvalidPoll, DraftRefusal(DraftOf(Approval) with { Options = [new("a", "Amina"), new("a", "Another Amina")] }));
    }

    [Fact]
    public void A_draft_with_no_facilitator_an_empty_one_or_more_than_100_is_refused()
    {
        // Whoever drafts is one of the draft's facilitators, so a draft naming none is refused for who acts.
        Assert.Equal(ErrorCodes.Polls.NotAFacilitator, DraftRefusal(DraftOf(Approval) with { Facilitators = [] }));
        Assert.Equal(ErrorCodes.Polls.NotAFacilitator, DraftRefusal(DraftOf(Approval) with { Facilitators = null! }));
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, DraftRefusal(DraftOf(Approval) with { Facilitators = [Chair, .. Enumerable.Range(1, 100).Select(Person)] }));
        Assert.Contains(
            ErrorCodes.Kernel.EmptyId,
            Assert.Throws<CoalitionRuleException>(() => Poll.Draft(PollNumber(1), DraftOf(Approval) with { Facilitators = [Chair, default] }, ChairActor, Start)).Codes);
    }

    public static TheoryData<PollRule> RulesOutOfBounds() =>
    [
        new PollRule((PollMethod)0),
        new PollRule(PollMethod.Approval, Visibility: (ResultsVisibility)99),
        new PollRule(PollMethod.Approval, Purpose: (PollPurpose)9),
        new PollRule(PollMethod.Score, MaxScore: 1_001),
        new PollRule(PollMethod.Score, MaxScore: 0),
        new PollRule(PollMethod.DotVote, DotsPerVoter: 1_001),
        new PollRule(PollMethod.DotVote, MaxDotsPerOption: 0),
        new PollRule(PollMethod.SingleTransferableVote, Seats: 0),
        new PollRule(PollMethod.SingleTransferableVote, Seats: 4),
        new PollRule(PollMethod.RankedChoice, BallotRules: new RankedBallotRules((OvervoteRule)7)),
        new PollRule(PollMethod.RankedChoice, BallotRules: new RankedBallotRules(MaxConsecutiveSkips: 401)),
        new PollRule(PollMethod.RankedChoice, TieBreak: TieBreak.Permutation, TieOrder: ["a", "b", "c", null!]),
    ];

    [Theory]
    [MemberData(nameof(RulesOutOfBounds))]
    public void A_draft_whose_rule_has_an_undefined_setting_or_one_out_of_bounds_is_refused(PollRule rule) =>
        Assert.Equal(ErrorCodes.Polls.InvalidPoll, DraftRefusal(DraftOf(rule)));

    [Fact]
    public void A_poll_keeps_its_own_copy_of_the_draft_and_hands_it_out_read_only()
    {
        PollOption[] options = [new("a", "Amina"), new("b", "Baraka")];
        PersonId[] facilitators = [Chair];
        var poll = Poll.Draft(PollNumber(1), DraftOf(Approval) with { Options = options, Facilitators = facilitators }, ChairActor, Start);

        options[0] = new("z", "Zawadi");
        facilitators[0] = Person(9);

        Assert.Equal("a", poll.Question.Options[0].Key);
        Assert.Equal([Chair], poll.Question.Facilitators);
        Assert.Throws<NotSupportedException>(() => ((IList<PollOption>)poll.Question.Options)[0] = new("z", "Zawadi"));
        Assert.Throws<NotSupportedException>(() => ((IList<PollTie>)poll.TieDecisions).Add(new PollTie(1, TieKind.LastPlace, ["a", "b"], "a", TieResolution.Host)));
    }

    [Fact]
    public void A_poll_opens_only_before_an_electorate_of_at_least_one_voter()
    {
        var poll = Drafted(Approval);

        Refusal.Expect(poll, ErrorCodes.Kernel.InvalidInput, () => poll.Open(null!, Hours(48), ChairActor, Start));
        Refusal.Expect(poll, ErrorCodes.Polls.EmptyElectorate, () => poll.Open(Electorate.Empty, Hours(48), ChairActor, Start));
    }

    [Fact]
    public void A_poll_opens_only_with_a_deadline_after_it_opens_and_at_most_three_years_later()
    {
        var poll = Drafted(Approval);

        Refusal.Expect(poll, ErrorCodes.Polls.InvalidDeadline, () => poll.Open(Members(3), Start, ChairActor, Start));
        Refusal.Expect(poll, ErrorCodes.Polls.InvalidDeadline, () => poll.Open(Members(3), Start + Duration.FromDays((3 * 366) + 1), ChairActor, Start));
        Refusal.Expect(poll, ErrorCodes.Kernel.OutOfRange, () => poll.Open(Members(3), Instant.MaxValue, ChairActor, Start));
    }

    [Fact]
    public void Poll_visibility_refuses_undefined_values()
    {
        var poll = Opened(Approval);

        var error = Refusal.Expect(poll, ErrorCodes.Kernel.InvalidInput, () => poll.ChangeVisibility((ResultsVisibility)99, ChairActor, Hours(1)));

        Assert.Equal("The visibility has an undefined value (99).", error.Message);
    }

    [Fact]
    public void A_missing_ballot_or_one_for_the_empty_id_is_refused()
    {
        var poll = Opened(Approval);

        Refusal.Expect(poll, ErrorCodes.Polls.NotARepresentative, () => poll.CastBallot(null!, For(1), Hours(1)));
        Refusal.Expect(poll, ErrorCodes.Polls.NotARepresentative, () => poll.CastBallot(PollBallot.Ranked(default, "a"), For(1), Hours(1)));
    }

    [Fact]
    public void A_ballot_with_missing_lists_or_null_marks_is_refused()
    {
        var poll = Opened(new PollRule(PollMethod.RankedChoice));

        Refusal.Expect(poll, ErrorCodes.Polls.InvalidBallot, () => poll.CastBallot(new PollBallot(Partner(1), null!, new Dictionary<string, int>()), For(1), Hours(1)));
        Refusal.Expect(poll, ErrorCodes.Polls.InvalidBallot, () => poll.CastBallot(new PollBallot(Partner(1), [], null!), For(1), Hours(1)));
        Refusal.Expect(poll, ErrorCodes.Polls.InvalidBallot, () => poll.CastBallot(new PollBallot(Partner(1), ["a", null!], new Dictionary<string, int>()), For(1), Hours(1)));
        Refusal.Expect(poll, ErrorCodes.Polls.InvalidBallot, () => poll.CastBallot(PollBallot.Marked(Partner(1), ["a"], null!), For(1), Hours(1)));
        Refusal.Expect(poll, ErrorCodes.Polls.InvalidBallot, () => poll.CastBallot(PollBallot.Marked(Partner(1), ["a", null!]), For(1), Hours(1)));
    }

    [Fact]
    public void A_ballot_with_more_marks_than_the_polls_options_allow_is_refused()
    {
        var poll = Opened(new PollRule(PollMethod.RankedChoice, BallotRules: new RankedBallotRules(OvervoteRule.SkipToNext, DuplicateRule.Skip)));
        var tooMany = Enumerable.Repeat("a", 9).ToArray();

        var error = Refusal.Expect(poll, ErrorCodes.Polls.InvalidBallot, () => poll.CastBallot(PollBallot.Ranked(Partner(1), tooMany), For(1), Hours(1)));
        Refusal.Expect(poll, ErrorCodes.Polls.InvalidBallot, () => poll.CastBallot(PollBallot.Marked(Partner(1), ["a", "b", "c", "d", "a"]), For(1), Hours(1)));

        Assert.StartsWith("The ballot of Member 1 in 'Who chairs the steering committee?'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_poll_keeps_its_own_copy_of_a_ballot()
    {
        var poll = Opened(new PollRule(PollMethod.RankedChoice), voters: 1);
        string[] ranking = ["a", "b"];
        var points = new Dictionary<string, int>();
        poll.CastBallot(new PollBallot(Partner(1), ranking, points), For(1), Hours(1));

        ranking[0] = "c";
        points["d"] = 5;
        var stored = ((PollBallotCast)poll.DequeueUncommittedEvents()[^1]).Ballot;

        Assert.Equal(["a", "b"], stored.Ranking);
        Assert.Empty(stored.Points);
        Assert.Equal(["a"], poll.Close(ChairActor, Hours(2)).Winners);
    }

    [Fact]
    public void A_ballot_dated_before_the_poll_opened_is_refused()
    {
        var poll = Drafted(Approval);
        poll.Open(Members(3), Hours(48), ChairActor, Hours(10));

        var error = Refusal.Expect(poll, ErrorCodes.Polls.VotingNotOpen, () => poll.CastBallot(PollBallot.Ranked(Partner(1), "a"), For(1), Hours(9)));

        Assert.Contains("opened at 2 March 2026 at 19:00 UTC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ballot_at_the_deadline_is_refused_and_the_message_gives_the_deadline_in_words()
    {
        var poll = Opened(Approval);

        var error = Refusal.Expect(poll, ErrorCodes.Polls.VotingNotOpen, () => poll.CastBallot(PollBallot.Ranked(Partner(1), "a"), For(1), Hours(48)));

        Assert.Contains("4 March 2026 at 09:00 UTC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_poll_cannot_close_before_it_opened()
    {
        var poll = Drafted(Approval);
        poll.Open(Members(1), Hours(48), ChairActor, Hours(10));
        poll.CastBy(1, PollBallot.Ranked(Partner(1), "a"), atHours: 11);

        Refusal.Expect(poll, ErrorCodes.Polls.VotingNotOpen, () => poll.Close(ChairActor, Hours(9)));
    }

    [Fact]
    public void A_voter_outside_the_electorate_is_refused_and_named()
    {
        var poll = Opened(Approval, voters: 3);

        var error = Refusal.Expect(poll, ErrorCodes.Polls.NotInElectorate, () => poll.CastBallot(PollBallot.Ranked(Partner(7), "a"), For(7), Hours(1)));

        Assert.Equal(Partner(7), error.Failures[0].Values["partner"]);
    }

    [Fact]
    public void A_ballot_that_does_not_fit_the_method_names_the_voter_by_name()
    {
        var poll = Opened(new PollRule(PollMethod.Plurality), voters: 3);

        var error = Refusal.Expect(poll, ErrorCodes.Polls.InvalidBallot, () => poll.CastBallot(PollBallot.Ranked(Partner(2), "a", "b"), For(2), Hours(1)));

        Assert.Equal("The ballot of Member 2 in 'Who chairs the steering committee?' must choose exactly one option.", error.Message);
    }

    [Fact]
    public void A_cancellation_needs_a_reason_of_at_most_2000_characters_without_control_characters()
    {
        var poll = Opened(Approval);

        Refusal.Expect(poll, ErrorCodes.Kernel.InvalidText, () => poll.Cancel(null!, ChairActor, Hours(1)));
        Refusal.Expect(poll, ErrorCodes.Kernel.InvalidText, () => poll.Cancel(new string('r', 2_001), ChairActor, Hours(1)));
        Refusal.Expect(poll, ErrorCodes.Kernel.InvalidText, () => poll.Cancel("Post\u0007poned.", ChairActor, Hours(1)));
    }

    [Fact]
    public void A_tie_decision_that_is_missing_or_misshapen_is_refused()
    {
        var poll = AwaitingTieDecision();

        Refusal.Expect(poll, ErrorCodes.Kernel.InvalidInput, () => poll.DecideTie(null!, ChairActor, Hours(2)));
        Refusal.Expect(poll, ErrorCodes.Polls.InvalidTieDecision, () => poll.DecideTie(new PollTie(1, TieKind.LastPlace, null!, "c", TieResolution.Host), ChairActor, Hours(2)));
        Refusal.Expect(poll, ErrorCodes.Polls.InvalidTieDecision, () => poll.DecideTie(new PollTie(1, TieKind.LastPlace, ["c", null!], "c", TieResolution.Host), ChairActor, Hours(2)));
        Refusal.Expect(poll, ErrorCodes.Polls.InvalidTieDecision, () => poll.DecideTie(new PollTie(1, (TieKind)9, ["c", "d"], "c", TieResolution.Host), ChairActor, Hours(2)));
        Refusal.Expect(poll, ErrorCodes.Polls.InvalidTieDecision, () => poll.DecideTie(new PollTie(0, TieKind.LastPlace, ["c", "d"], "c", TieResolution.Host), ChairActor, Hours(2)));
        Refusal.Expect(poll, ErrorCodes.Polls.InvalidTieDecision, () => poll.DecideTie(new PollTie(1, TieKind.LastPlace, ["c", "c"], "c", TieResolution.Host), ChairActor, Hours(2)));
        Refusal.Expect(poll, ErrorCodes.Polls.InvalidTieDecision, () => poll.DecideTie(new PollTie(1, TieKind.LastPlace, ["c", "d"], null, TieResolution.Host), ChairActor, Hours(2)));
    }

    [Fact]
    public void A_tie_decision_is_refused_for_a_tie_the_count_does_not_meet()
    {
        var poll = AwaitingTieDecision();

        var error = Refusal.Expect(poll, ErrorCodes.Polls.InvalidTieDecision, () => poll.DecideTie(new PollTie(2, TieKind.LastPlace, ["b", "d"], "d", TieResolution.Host), ChairActor, Hours(2)));

        Assert.Contains("waits for the tie of round 1: Chiara and Dawit are tied for last place", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tie_decided_before_may_be_decided_again_and_the_later_decision_counts()
    {
        var poll = AwaitingTieDecision();
        poll.DecideTie(new PollTie(1, TieKind.LastPlace, ["c", "d"], "c", TieResolution.Lot), ChairActor, Hours(2));

        poll.DecideTie(new PollTie(1, TieKind.LastPlace, ["d", "c"], "d", TieResolution.Host), ChairActor, Hours(3));

        Assert.Equal(("d", TieResolution.Host), (Assert.Single(poll.TieDecisions).Chosen, poll.TieDecisions[0].By));
        Assert.Equal(["d"], poll.Close(ChairActor, Hours(48)).Rounds[0].Eliminated);
    }

    [Fact]
    public void A_refused_close_for_an_undecided_tie_names_the_tied_options_by_their_labels_and_changes_nothing()
    {
        var poll = AwaitingTieDecision();

        var error = Refusal.Expect(poll, ErrorCodes.Polls.TieUndecided, () => poll.Close(Actor.System("scheduler"), Hours(48)));

        Assert.StartsWith("Round 1: Chiara and Dawit are tied for last place", error.Message, StringComparison.Ordinal);
        Assert.Equal(PollStatus.Open, poll.Status);
    }
}
