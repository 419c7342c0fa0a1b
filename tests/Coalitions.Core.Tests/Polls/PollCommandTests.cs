using System.Collections;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.PollScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Polls;

/// <summary>
/// Each command and query of a poll at its boundary: who may act, the step each needs, the exact edges of its instants,
/// marks, seats and lists, the draft as it is kept, and the words of each refusal.
/// </summary>
public class PollCommandTests
{
    private const string Title = "'Who chairs the steering committee?'";

    private static readonly PollRule Approval = new(PollMethod.Approval);

    private static readonly PersonId Deputy = Person(50);

    private static readonly Actor DeputyActor = Actor.ForPerson(Deputy);

    private static readonly Duration Tick = Duration.Epsilon;

    private static readonly string[][] TiedRankings = [["a"], ["a"], ["a"], ["a"], ["b"], ["b"], ["b"], ["c", "b"], ["c", "b"], ["d", "a"], ["d", "a"]];

    private static PollTie Tie(string chosen, params string[] tied) =>
        new(1, TieKind.LastPlace, tied.Length == 0 ? ["c", "d"] : tied, chosen, TieResolution.Host);

    private static Poll DraftedWithDeputy(PollRule rule) =>
        Poll.Draft(PollNumber(1), DraftOf(rule) with { Facilitators = [Chair, Deputy] }, DeputyActor, Start);

    /// <summary>As <see cref="PollScenario.AwaitingTieDecision"/>, under <paramref name="rule"/>, run by the chair and a deputy.</summary>
    private static Poll TiedWithDeputy(PollRule? rule = null)
    {
        var poll = DraftedWithDeputy(rule ?? HostDecides);
        poll.Open(Members(11), Hours(48), ChairActor, Start);
        for (var v = 1; v <= TiedRankings.Length; v++)
        {
            poll.CastBy(v, PollBallot.Ranked(Partner(v), TiedRankings[v - 1]));
        }

        return poll;
    }

    private static Poll Closed()
    {
        var poll = Opened(Approval, voters: 3);
        poll.CastBy(1, PollBallot.Ranked(Partner(1), "a"));
        poll.Close(ChairActor, Hours(48));
        return poll;
    }

    private static Poll Cancelled()
    {
        var poll = Opened(Approval, voters: 3);
        poll.Cancel("Postponed.", ChairActor, Hours(2));
        return poll;
    }

    // Every step, as its refusal words it, taken by someone who may take it, after the poll's deadline where that matters.
    private static IEnumerable<(string Action, Action<Poll> Run)> Steps() =>
    [
        ("open", p => p.Open(Members(3), Hours(96), ChairActor, Hours(49))),
        ("take ballots", p => p.CastBallot(PollBallot.Ranked(Partner(1), "a"), For(1), Hours(3))),
        ("change its results visibility", p => p.ChangeVisibility(ResultsVisibility.AfterClose, ChairActor, Hours(49))),
        ("take a tie decision", p => p.DecideTie(Tie("c"), ChairActor, Hours(49))),
        ("close", p => p.Close(ChairActor, Hours(49))),
        ("be cancelled", p => p.Cancel("Postponed.", ChairActor, Hours(49))),
    ];

    // The facilitators' commands on a poll awaiting a tie decision.
    private static IEnumerable<(string Name, Action<Poll, Actor> Run)> FacilitatorCommands() =>
    [
        ("change its visibility", (p, by) => p.ChangeVisibility(ResultsVisibility.AfterClose, by, Hours(2))),
        ("decide a tie", (p, by) => p.DecideTie(Tie("c"), by, Hours(2))),
        ("cancel", (p, by) => p.Cancel("Postponed.", by, Hours(2))),
        ("close", (p, by) => p.Close(by, Hours(48))),
    ];

    [Fact]
    public void Every_facilitators_command_is_refused_to_a_voter_and_to_a_stranger()
    {
        foreach (var (name, run) in FacilitatorCommands())
        {
            var poll = AwaitingTieDecision();
            Assert.True(Refusal.Expect(poll, ErrorCodes.Polls.NotAFacilitator, () => run(poll, For(1))).IsAuthorizationRefusal, name);
            Assert.True(Refusal.Expect(poll, ErrorCodes.Polls.NotAFacilitator, () => run(poll, Actor.ForPerson(Person(9)))).IsAuthorizationRefusal, name);
            Assert.True(Refusal.Expect(poll, ErrorCodes.Polls.NotAFacilitator, () => run(poll, Actor.Representing(Person(9), Partner(1)))).IsAuthorizationRefusal, name);
        }
    }

    [Fact]
    public void The_host_system_may_close_a_poll_but_not_open_it_change_its_visibility_decide_a_tie_or_cancel_it()
    {
        var scheduler = Actor.System("scheduler");
        foreach (var (name, run) in FacilitatorCommands().Where(c => c.Name != "close"))
        {
            var poll = AwaitingTieDecision();
            Assert.True(Refusal.Expect(poll, ErrorCodes.Polls.NotAFacilitator, () => run(poll, scheduler)).IsAuthorizationRefusal, name);
        }

        var drafted = Drafted(Approval);
        Assert.True(Refusal.Expect(drafted, ErrorCodes.Polls.NotAFacilitator, () => drafted.Open(Members(3), Hours(48), scheduler, Start)).IsAuthorizationRefusal);
    }

    [Fact]
    public void A_refusal_of_who_acts_names_the_actor_the_command_the_poll_and_who_may()
    {
        var drafted = Drafted(Approval);
        var open = Opened(Approval, voters: 3);

        Assert.Equal(
            $"Person {Person(1)} acting for partner {Partner(1)} may not draft a new poll: only a facilitator the draft names may.",
            Refusal.Of(() => Poll.Draft(PollNumber(1), DraftOf(Approval), For(1), Start), ErrorCodes.Polls.NotAFacilitator).Message);
        Assert.Equal(
            $"The system process 'scheduler' may not open {Title}: only a facilitator named for the poll may.",
            Refusal.Expect(drafted, ErrorCodes.Polls.NotAFacilitator, () => drafted.Open(Members(3), Hours(48), Actor.System("scheduler"), Start)).Message);
        Assert.Equal(
            $"Person {Person(9)} may not close {Title}: only a facilitator named for the poll or the host system (scheduled work) may.",
            Refusal.Expect(open, ErrorCodes.Polls.NotAFacilitator, () => open.Close(Actor.ForPerson(Person(9)), Hours(48))).Message);
    }

    [Fact]
    public void Once_the_poll_is_open_a_refusal_names_the_partner_acted_for_by_its_name_in_the_electorate()
    {
        var open = Opened(Approval, voters: 3);

        Assert.Equal(
            $"Person {Person(1)} acting for Member 1 may not cancel {Title}: only a facilitator named for the poll may.",
            Refusal.Expect(open, ErrorCodes.Polls.NotAFacilitator, () => open.Cancel("Postponed.", For(1), Hours(1))).Message);
        Assert.Equal(
            $"Person {Person(2)} acting for Member 2 may not cast ballot {Title}: only a representative of the voter, acting for it (once the poll is open, one the frozen electorate lists for it) may.",
            Refusal.Expect(open, ErrorCodes.Polls.NotARepresentative, () => open.CastBallot(PollBallot.Ranked(Partner(1), "a"), For(2), Hours(1))).Message);
        Assert.Equal(
            $"Person {Person(7)} acting for partner {Partner(7)} may not change visibility {Title}: only a facilitator named for the poll may.",
            Refusal.Expect(open, ErrorCodes.Polls.NotAFacilitator, () => open.ChangeVisibility(ResultsVisibility.Always, For(7), Hours(1))).Message);
    }

    [Fact]
    public void Any_facilitator_the_draft_names_drafts_opens_and_changes_the_visibility()
    {
        var poll = DraftedWithDeputy(Approval);

        poll.Open(Members(3), Hours(48), DeputyActor, Start);
        poll.ChangeVisibility(ResultsVisibility.Always, DeputyActor, Hours(1));

        Assert.Equal((PollStatus.Open, ResultsVisibility.Always), (poll.Status, poll.Visibility));
        Assert.Equal([Chair, Deputy], poll.Question.Facilitators);
    }

    [Fact]
    public void Any_facilitator_the_draft_names_decides_a_tie_and_closes_the_poll()
    {
        var poll = TiedWithDeputy();

        poll.DecideTie(Tie("d"), DeputyActor, Hours(2));
        var result = poll.Close(DeputyActor, Hours(48));

        Assert.Equal(["d"], result.Rounds[0].Eliminated);
        Assert.Equal(DeputyActor, ((PollClosed)poll.DequeueUncommittedEvents()[^1]).By);
    }

    [Fact]
    public void Any_facilitator_the_draft_names_cancels_the_poll()
    {
        var poll = DraftedWithDeputy(Approval);

        poll.Cancel("Postponed.", DeputyActor, Hours(1));

        Assert.Equal(PollStatus.Cancelled, poll.Status);
    }

    [Fact]
    public void A_voter_with_two_representatives_has_its_ballot_cast_by_either()
    {
        var poll = Drafted(Approval);
        poll.Open(new Electorate([new Voter(Partner(1), [Person(1), Person(21)], name: "Member 1"), Voter(2)]), Hours(48), ChairActor, Start);

        poll.CastBallot(PollBallot.Ranked(Partner(1), "a"), Actor.Representing(Person(21), Partner(1)), Hours(1));
        poll.CastBallot(PollBallot.Ranked(Partner(1), "b"), Actor.Representing(Person(1), Partner(1)), Hours(2));

        Assert.Equal(1, poll.BallotsCast);
        Refusal.Expect(poll, ErrorCodes.Polls.NotARepresentative, () => poll.CastBallot(PollBallot.Ranked(Partner(2), "a"), Actor.Representing(Person(21), Partner(2)), Hours(2)));
    }

    [Fact]
    public void Before_the_poll_opens_a_ballot_is_refused_for_the_step_whoever_casts_it()
    {
        var poll = Drafted(Approval);

        Assert.Equal(
            $"{Title} cannot take ballots while it is draft.",
            Refusal.Expect(poll, ErrorCodes.Polls.InvalidTransition, () => poll.CastBallot(PollBallot.Ranked(Partner(1), "a"), Actor.Representing(Person(9), Partner(1)), Hours(1))).Message);
    }

    [Fact]
    public void A_closed_poll_refuses_every_step_and_names_it()
    {
        foreach (var (action, run) in Steps())
        {
            var poll = Closed();
            Assert.Equal($"{Title} cannot {action} while it is closed.", Refusal.Expect(poll, ErrorCodes.Polls.InvalidTransition, () => run(poll)).Message);
        }
    }

    [Fact]
    public void A_cancelled_poll_refuses_every_step_and_names_it()
    {
        foreach (var (action, run) in Steps())
        {
            var poll = Cancelled();
            Assert.Equal($"{Title} cannot {action} while it is cancelled.", Refusal.Expect(poll, ErrorCodes.Polls.InvalidTransition, () => run(poll)).Message);
        }
    }

    [Fact]
    public void A_draft_takes_no_ballot_tie_decision_or_close_and_an_open_poll_does_not_open_again()
    {
        string[] refusedInDraft = ["take ballots", "take a tie decision", "close"];
        foreach (var (action, run) in Steps().Where(s => refusedInDraft.Contains(s.Action)))
        {
            var poll = Drafted(HostDecides);
            Assert.Equal($"{Title} cannot {action} while it is draft.", Refusal.Expect(poll, ErrorCodes.Polls.InvalidTransition, () => run(poll)).Message);
        }

        var open = Opened(Approval);
        Assert.Equal(
            $"{Title} cannot open while it is open.",
            Refusal.Expect(open, ErrorCodes.Polls.InvalidTransition, () => open.Open(Members(3), Hours(96), ChairActor, Hours(1))).Message);
    }

    [Fact]
    public void A_draft_may_change_its_visibility_either_way_and_be_cancelled()
    {
        var poll = Drafted(Approval);

        poll.ChangeVisibility(ResultsVisibility.Always, ChairActor, Start);
        poll.ChangeVisibility(ResultsVisibility.AfterVoting, ChairActor, Start);
        poll.Cancel("The assembly decides in person.", ChairActor, Hours(1));

        Assert.Equal((PollStatus.Cancelled, ResultsVisibility.AfterVoting), (poll.Status, poll.Visibility));
    }

    [Fact]
    public void A_poll_opens_with_a_deadline_from_one_instant_after_its_opening_to_exactly_three_years_of_366_days_later()
    {
        var soon = Drafted(Approval);
        var late = Drafted(Approval);

        soon.Open(Members(3), Start + Tick, ChairActor, Start);
        late.Open(Members(3), Start + Limits.MaxVotingPeriod, ChairActor, Start);

        Assert.Equal((Start, Start + Tick), (soon.OpenedAt!.Value, soon.Deadline!.Value));
        Assert.Equal(Start + Duration.FromDays(1_098), late.Deadline!.Value);
        Assert.Equal(Members(3).Voters.Select(v => v.Partner), soon.Electorate!.Voters.Select(v => v.Partner));
    }

    [Fact]
    public void A_deadline_at_or_before_the_opening_or_one_instant_past_three_years_is_refused_with_its_bounds()
    {
        var poll = Drafted(Approval);

        Assert.Equal(
            $"The deadline of {Title}, 2 March 2026 at 09:00 UTC, must fall after it opens (2 March 2026 at 09:00 UTC) and at most 1,098 days later.",
            Refusal.Expect(poll, ErrorCodes.Polls.InvalidDeadline, () => poll.Open(Members(3), Start, ChairActor, Start)).Message);
        Refusal.Expect(poll, ErrorCodes.Polls.InvalidDeadline, () => poll.Open(Members(3), Start - Tick, ChairActor, Start));
        Refusal.Expect(poll, ErrorCodes.Polls.InvalidDeadline, () => poll.Open(Members(3), Start + Limits.MaxVotingPeriod + Tick, ChairActor, Start));
    }

    [Fact]
    public void A_deadline_past_the_year_2999_is_out_of_range_even_within_three_years()
    {
        var poll = Drafted(Approval);
        var opening = Instant.FromUtc(2999, 6, 1, 9, 0);

        Refusal.Expect(poll, ErrorCodes.Kernel.OutOfRange, () => poll.Open(Members(3), Instant.FromUtc(3000, 1, 1, 0, 0), ChairActor, opening));
        poll.Open(Members(3), Instant.FromUtc(2999, 12, 31, 9, 0), ChairActor, opening);

        Assert.Equal(PollStatus.Open, poll.Status);
    }

    [Fact]
    public void An_empty_electorate_is_refused_in_words()
    {
        var poll = Drafted(Approval);

        Assert.Equal(
            $"{Title} opens before at least one voter; the electorate given is empty.",
            Refusal.Expect(poll, ErrorCodes.Polls.EmptyElectorate, () => poll.Open(Electorate.Empty, Hours(48), ChairActor, Start)).Message);
        Assert.Equal("The electorate is required.", Refusal.Expect(poll, ErrorCodes.Kernel.InvalidInput, () => poll.Open(null!, Hours(48), ChairActor, Start)).Message);
    }

    [Fact]
    public void A_ballot_is_taken_from_the_instant_the_poll_opened_and_not_one_instant_before()
    {
        var poll = Drafted(Approval);
        poll.Open(Members(3), Hours(48), ChairActor, Hours(10));

        Assert.Equal(
            $"{Title} opened at 2 March 2026 at 19:00 UTC; a ballot cannot be cast before.",
            Refusal.Expect(poll, ErrorCodes.Polls.VotingNotOpen, () => poll.CastBallot(PollBallot.Ranked(Partner(1), "a"), For(1), Hours(10) - Tick)).Message);
        poll.CastBallot(PollBallot.Ranked(Partner(1), "a"), For(1), Hours(10));

        Assert.Equal(1, poll.BallotsCast);
    }

    [Fact]
    public void A_ballot_is_taken_until_one_instant_before_the_deadline_and_not_at_it()
    {
        var poll = Opened(Approval);

        poll.CastBallot(PollBallot.Ranked(Partner(1), "a"), For(1), Hours(48) - Tick);

        Assert.Equal(1, poll.BallotsCast);
        Assert.Equal(
            $"The deadline of {Title}, 4 March 2026 at 09:00 UTC, has passed; ballots are no longer taken.",
            Refusal.Expect(poll, ErrorCodes.Polls.VotingNotOpen, () => poll.CastBallot(PollBallot.Ranked(Partner(2), "a"), For(2), Hours(48))).Message);
    }

    [Fact]
    public void A_voter_outside_the_frozen_electorate_is_refused_in_words()
    {
        var poll = Opened(Approval, voters: 3);

        Assert.Equal(
            $"Partner {Partner(7)} is not in the electorate of {Title}, frozen when it opened.",
            Refusal.Expect(poll, ErrorCodes.Polls.NotInElectorate, () => poll.CastBallot(PollBallot.Ranked(Partner(7), "a"), For(7), Hours(1))).Message);
    }

    private static Poll Lenient() =>
        Opened(new PollRule(PollMethod.RankedChoice, BallotRules: new RankedBallotRules(OvervoteRule.SkipToNext, DuplicateRule.Skip)));

    private static string BallotRefusal(Poll poll, PollBallot ballot) =>
        Refusal.Expect(poll, ErrorCodes.Polls.InvalidBallot, () => poll.CastBallot(ballot, For(1), Hours(1))).Message;

    private static string Of1(string problem) => $"The ballot of Member 1 in {Title} {problem}.";

    [Fact]
    public void A_ranking_marks_at_most_twice_as_many_options_as_the_poll_has()
    {
        var poll = Lenient();
        string[] twice = ["a", "b", "c", "d", "a", "b", "c", "d"];

        Assert.Equal(Of1("marks more than the poll's options allow"), BallotRefusal(poll, PollBallot.Ranked(Partner(1), [.. twice, "a"])));
        poll.CastBallot(PollBallot.Ranked(Partner(1), twice), For(1), Hours(1));

        Assert.Equal(1, poll.BallotsCast);
    }

    [Fact]
    public void A_marked_ballot_has_at_most_twice_as_many_ranks_as_options_and_at_most_every_option_at_one_rank()
    {
        var poll = Lenient();
        var ranks = Enumerable.Range(0, 8).Select(_ => (IReadOnlyList<string>)["a"]).ToArray();

        Assert.Equal(Of1("marks more ranks than twice the poll's options"), BallotRefusal(poll, PollBallot.Marked(Partner(1), [.. ranks, ["a"]])));
        Assert.Equal(Of1("marks more options at one rank than the poll has"), BallotRefusal(poll, PollBallot.Marked(Partner(1), ["a", "b", "c", "d", "a"])));
        poll.CastBallot(PollBallot.Marked(Partner(1), ranks), For(1), Hours(1));
        poll.CastBallot(PollBallot.Marked(Partner(2), ["a", "b", "c", "d"], ["a"]), For(2), Hours(1));

        Assert.Equal(2, poll.BallotsCast);
    }

    [Fact]
    public void A_ballot_gives_points_to_at_most_every_option()
    {
        var poll = Opened(new PollRule(PollMethod.MeetingTime));
        var every = new Dictionary<string, int> { ["a"] = 2, ["b"] = 1, ["c"] = 0, ["d"] = 2 };

        Assert.Equal(Of1("marks more than the poll's options allow"), BallotRefusal(poll, PollBallot.Scored(Partner(1), new Dictionary<string, int>(every) { ["e"] = 1 })));
        poll.CastBallot(PollBallot.Scored(Partner(1), every), For(1), Hours(1));

        Assert.Equal(1, poll.BallotsCast);
    }

    [Fact]
    public void A_ballot_with_a_missing_list_rank_or_key_is_refused_in_words()
    {
        var poll = Lenient();

        Assert.Equal(Of1("gives no ranking (an empty one chooses nothing)"), BallotRefusal(poll, new PollBallot(Partner(1), null!, new Dictionary<string, int>())));
        Assert.Equal(Of1("gives no points (an empty set gives none)"), BallotRefusal(poll, new PollBallot(Partner(1), [], null!)));
        Assert.Equal(Of1("has a missing rank (null)"), BallotRefusal(poll, PollBallot.Marked(Partner(1), ["a"], null!)));
        Assert.Equal(Of1("names an option the poll does not have"), BallotRefusal(poll, PollBallot.Marked(Partner(1), ["a", null!])));
        Assert.Equal(Of1("names an option the poll does not have"), BallotRefusal(poll, PollBallot.Marked(Partner(1), ["a", "b", "c", null!])));
        Assert.Equal(Of1("names an option the poll does not have"), BallotRefusal(poll, new PollBallot(Partner(1), ["a", null!], new Dictionary<string, int>())));
    }

    [Fact]
    public void Points_that_name_an_option_twice_or_no_option_are_refused_in_words()
    {
        var poll = Opened(new PollRule(PollMethod.Score));

        Assert.Equal(Of1("names an option twice"), BallotRefusal(poll, PollBallot.Scored(Partner(1), new Pairs(("a", 1), ("a", 2)))));
        Assert.Equal(Of1("names an option the poll does not have"), BallotRefusal(poll, PollBallot.Scored(Partner(1), new Pairs(("a", 1), (null!, 2)))));
        poll.CastBallot(PollBallot.Scored(Partner(1), new Pairs(("a", 1), ("b", 2))), For(1), Hours(1));

        Assert.Equal(1, poll.BallotsCast);
    }

    [Fact]
    public void A_poll_keeps_its_own_copy_of_each_rank_of_a_marked_ballot()
    {
        var poll = Lenient();
        string[] first = ["a"];
        poll.CastBallot(PollBallot.Marked(Partner(1), first, ["b", "c"]), For(1), Hours(1));

        first[0] = "d";
        var stored = ((PollBallotCast)poll.DequeueUncommittedEvents()[^1]).Ballot;

        Assert.Equal(["a"], stored.Ranks![0]);
        Assert.Throws<NotSupportedException>(() => ((IList<string>)stored.Ranks[1])[0] = "d");
    }

    [Fact]
    public void Checking_a_ballot_gives_the_refusal_casting_it_would_and_records_nothing()
    {
        var poll = Opened(new PollRule(PollMethod.Plurality), voters: 3);
        var bad = PollBallot.Ranked(Partner(1), "a", "b");

        var check = poll.CanCastBallot(bad, For(1), Hours(1));
        var cast = Refusal.Expect(poll, ErrorCodes.Polls.InvalidBallot, () => poll.CastBallot(bad, For(1), Hours(1)));

        Assert.False(check.IsAllowed);
        var failure = Assert.Single(check.Failures);
        Assert.Equal((cast.Code, cast.Message), (failure.Code, failure.Message));
        Assert.Equal(ErrorCodes.Polls.NotARepresentative, Assert.Single(poll.CanCastBallot(bad, For(2), Hours(1)).Failures).Code);
        Assert.True(poll.CanCastBallot(PollBallot.Ranked(Partner(1), "a"), For(1), Hours(1)).IsAllowed);
        Assert.Equal(0, poll.BallotsCast);
    }

    [Fact]
    public void Visibility_may_be_set_again_to_what_it_is_after_ballots_and_loosened_before_any()
    {
        var poll = Opened(new PollRule(PollMethod.Approval, Visibility: ResultsVisibility.AfterVoting));
        poll.ChangeVisibility(ResultsVisibility.Always, ChairActor, Hours(1));
        poll.ChangeVisibility(ResultsVisibility.AfterVoting, ChairActor, Hours(1));
        poll.CastBy(1, PollBallot.Ranked(Partner(1), "a"), atHours: 2);

        poll.ChangeVisibility(ResultsVisibility.AfterVoting, ChairActor, Hours(3));

        Assert.Equal(ResultsVisibility.AfterVoting, poll.Visibility);
    }

    [Fact]
    public void Loosening_the_visibility_after_a_ballot_is_refused_naming_both_visibilities()
    {
        var poll = Opened(new PollRule(PollMethod.Approval, Visibility: ResultsVisibility.AfterVoting));
        poll.CastBy(1, PollBallot.Ranked(Partner(1), "a"));

        Assert.Equal(
            $"Ballots have been cast in {Title}: its results, shown to a voter once it has voted, and to everyone after close, can be shown later but not sooner (always).",
            Refusal.Expect(poll, ErrorCodes.Polls.VisibilityLocked, () => poll.ChangeVisibility(ResultsVisibility.Always, ChairActor, Hours(2))).Message);
        poll.ChangeVisibility(ResultsVisibility.AfterClose, ChairActor, Hours(2));
        Assert.Equal(
            $"Ballots have been cast in {Title}: its results, shown after close, can be shown later but not sooner (to a voter once it has voted, and to everyone after close).",
            Refusal.Expect(poll, ErrorCodes.Polls.VisibilityLocked, () => poll.ChangeVisibility(ResultsVisibility.AfterVoting, ChairActor, Hours(3))).Message);
    }

    [Fact]
    public void A_draft_or_a_cancelled_poll_has_no_results_to_show()
    {
        var drafted = Drafted(new PollRule(PollMethod.Approval, Visibility: ResultsVisibility.Always));
        var cancelled = Cancelled();

        Assert.Equal($"{Title} is draft: it has no results to show.", Refusal.Of(() => drafted.Results(null), ErrorCodes.Polls.ResultsHidden).Message);
        Assert.Equal($"{Title} is cancelled: it has no results to show.", Refusal.Of(() => cancelled.Results(Partner(1)), ErrorCodes.Polls.ResultsHidden).Message);
    }

    [Fact]
    public void Results_shown_always_are_shown_to_anyone_while_the_poll_is_open()
    {
        var poll = Opened(new PollRule(PollMethod.Approval, Visibility: ResultsVisibility.Always), voters: 3);
        poll.CastBy(1, PollBallot.Ranked(Partner(1), "b"));

        Assert.Equal(["b"], poll.Results(null).Winners);
        Assert.Equal(["b"], poll.Results(Partner(2)).Winners);
    }

    [Fact]
    public void Results_shown_after_voting_are_hidden_from_no_one_in_particular_and_from_a_voter_yet_to_vote()
    {
        var poll = Opened(new PollRule(PollMethod.Approval, Visibility: ResultsVisibility.AfterVoting), voters: 3);
        poll.CastBy(1, PollBallot.Ranked(Partner(1), "b"));
        const string hidden = $"Results of {Title} are shown to a voter once it has voted, and to everyone after close; not yet.";

        Assert.Equal(hidden, Refusal.Of(() => poll.Results(null), ErrorCodes.Polls.ResultsHidden).Message);
        Assert.Equal(hidden, Refusal.Of(() => poll.Results(Partner(2)), ErrorCodes.Polls.ResultsHidden).Message);
    }

    [Fact]
    public void Results_shown_after_close_are_hidden_from_a_voter_until_then_and_shown_to_anyone_after()
    {
        var poll = Opened(Approval, voters: 3);
        poll.CastBy(1, PollBallot.Ranked(Partner(1), "b"));

        Assert.Equal($"Results of {Title} are shown after close; not yet.", Refusal.Of(() => poll.Results(Partner(1)), ErrorCodes.Polls.ResultsHidden).Message);
        var result = poll.Close(ChairActor, Hours(48));

        Assert.Same(result, poll.Results(null));
        Assert.Same(poll.Result, poll.Results(Partner(3), seed: 9));
    }

    [Fact]
    public void A_rule_that_breaks_ties_itself_takes_no_tie_decision()
    {
        var poll = Opened(new PollRule(PollMethod.RankedChoice, TieBreak: TieBreak.EarlierRoundsThenLot));

        Assert.Equal(
            $"The rule of {Title} breaks ties itself (earlier rounds then lot); no facilitator decides them.",
            Refusal.Expect(poll, ErrorCodes.Polls.InvalidTieDecision, () => poll.DecideTie(Tie("c"), ChairActor, Hours(1))).Message);
    }

    [Fact]
    public void Under_earlier_rounds_then_a_facilitator_a_tie_no_earlier_round_settles_is_decided_by_one()
    {
        var poll = TiedWithDeputy(new PollRule(PollMethod.RankedChoice, TieBreak: TieBreak.EarlierRoundsThenHostDecision));

        poll.DecideTie(Tie("c"), ChairActor, Hours(2));

        Assert.Equal(["c"], poll.Close(ChairActor, Hours(48)).Rounds[0].Eliminated);
    }

    [Fact]
    public void A_misshapen_tie_decision_is_refused_with_what_it_must_name()
    {
        var poll = AwaitingTieDecision();

        string Refused(PollTie tie) => Refusal.Expect(poll, ErrorCodes.Polls.InvalidTieDecision, () => poll.DecideTie(tie, ChairActor, Hours(2))).Message;

        Assert.Equal($"A tie decision of {Title} names a round from 1.", Refused(Tie("c") with { Round = 0 }));
        Assert.Equal($"A tie decision of {Title} names a defined kind of tie.", Refused(Tie("c") with { Kind = (TieKind)9 }));
        Assert.Equal($"A tie decision of {Title} names two or more of the poll's options as tied.", Refused(Tie("c", "c")));
        Assert.Equal($"A tie decision of {Title} names two or more of the poll's options as tied.", Refused(Tie("c", "a", "b", "c", "d", "e")));
        Assert.Equal($"A tie decision of {Title} names each tied option once, and only options of the poll.", Refused(Tie("c", "c", "c")));
        Assert.Equal($"A tie decision of {Title} names each tied option once, and only options of the poll.", Refused(Tie("c", "c", "z")));
        Assert.Equal($"A tie decision of {Title} chooses one of the tied options.", Refused(Tie("a")));
        Assert.Equal($"A tie decision of {Title} chooses one of the tied options.", Refused(Tie(null!)));
    }

    [Fact]
    public void A_decision_must_be_of_the_tie_the_count_meets_its_round_kind_and_exactly_its_options()
    {
        var poll = AwaitingTieDecision();
        const string another = $"The count of {Title} waits for the tie of round 1: Chiara and Dawit are tied for last place; the decision given is for another tie.";

        Assert.Equal(another, Refusal.Expect(poll, ErrorCodes.Polls.InvalidTieDecision, () => poll.DecideTie(Tie("c", "a", "b", "c", "d"), ChairActor, Hours(2))).Message);
        Assert.Equal(another, Refusal.Expect(poll, ErrorCodes.Polls.InvalidTieDecision, () => poll.DecideTie(Tie("c", "c", "a"), ChairActor, Hours(2))).Message);
        Assert.Equal(another, Refusal.Expect(poll, ErrorCodes.Polls.InvalidTieDecision, () => poll.DecideTie(Tie("c") with { Round = 2 }, ChairActor, Hours(2))).Message);
        Assert.Equal(another, Refusal.Expect(poll, ErrorCodes.Polls.InvalidTieDecision, () => poll.DecideTie(Tie("c") with { Kind = TieKind.FirstPlace }, ChairActor, Hours(2))).Message);
    }

    [Fact]
    public void A_count_that_meets_no_tie_takes_no_decision_of_one_never_decided()
    {
        var poll = Opened(HostDecides, voters: 3);
        for (var v = 1; v <= 3; v++)
        {
            poll.CastBy(v, PollBallot.Ranked(Partner(v), "a"));
        }

        Assert.Equal(
            $"The count of {Title}, as the ballots stand, waits for no tie decision, and this tie was not decided before.",
            Refusal.Expect(poll, ErrorCodes.Polls.InvalidTieDecision, () => poll.DecideTie(Tie("c"), ChairActor, Hours(2))).Message);
    }

    [Fact]
    public void A_tie_is_decided_after_the_deadline_while_the_poll_is_open_and_kept_as_the_facilitators_own_copy()
    {
        var poll = AwaitingTieDecision();
        string[] tied = ["d", "c"];

        poll.DecideTie(new PollTie(1, TieKind.LastPlace, tied, "d", TieResolution.Lot), ChairActor, Hours(50));
        tied[0] = "a";

        var decided = Assert.Single(poll.TieDecisions);
        Assert.Equal(["d", "c"], decided.Tied);
        Assert.Equal(("d", TieResolution.Host), (decided.Chosen, decided.By));
        Assert.Throws<NotSupportedException>(() => ((IList<string>)decided.Tied)[0] = "a");
    }

    [Fact]
    public void A_poll_closes_at_its_deadline_and_not_one_instant_before_while_a_voter_has_not_voted()
    {
        var poll = Opened(Approval, voters: 3);
        poll.CastBy(1, PollBallot.Ranked(Partner(1), "a"));
        poll.CastBy(2, PollBallot.Ranked(Partner(2), "b"));

        Assert.Equal(
            $"{Title} stays open until 4 March 2026 at 09:00 UTC, or until every voter has voted (2 of 3 have).",
            Refusal.Expect(poll, ErrorCodes.Polls.VotingStillOpen, () => poll.Close(ChairActor, Hours(48) - Tick)).Message);
        poll.Close(ChairActor, Hours(48));

        Assert.Equal(PollStatus.Closed, poll.Status);
    }

    [Fact]
    public void A_poll_closes_as_soon_as_it_opened_once_every_voter_has_voted()
    {
        var poll = Opened(Approval, voters: 2);
        poll.CastBy(1, PollBallot.Ranked(Partner(1), "a"), atHours: 0);
        poll.CastBy(2, PollBallot.Ranked(Partner(2), "a", "b"), atHours: 0);

        var result = poll.Close(ChairActor, Start, seed: 7);

        Assert.Equal(["a"], result.Winners);
        Assert.Same(result, poll.Result);
        Assert.NotEmpty(result.Explanation);
        var closed = (PollClosed)poll.DequeueUncommittedEvents()[^1];
        Assert.Equal((7UL, Start, 2), (closed.Seed, closed.At, closed.Result.Ballots));
    }

    [Fact]
    public void A_poll_does_not_close_one_instant_before_it_opened()
    {
        var poll = Drafted(Approval);
        poll.Open(Members(1), Hours(48), ChairActor, Hours(10));
        poll.CastBy(1, PollBallot.Ranked(Partner(1), "a"), atHours: 10);

        Assert.Equal(
            $"{Title} opened at 2 March 2026 at 19:00 UTC; it cannot close before.",
            Refusal.Expect(poll, ErrorCodes.Polls.VotingNotOpen, () => poll.Close(ChairActor, Hours(10) - Tick)).Message);
        poll.Close(ChairActor, Hours(10));

        Assert.Equal(PollStatus.Closed, poll.Status);
    }

    [Fact]
    public void A_close_refused_for_an_undecided_tie_says_who_decides_it()
    {
        var poll = AwaitingTieDecision();

        Assert.Equal(
            $"Round 1: Chiara and Dawit are tied for last place, and the rule of {Title} leaves the tie to a facilitator, who decides it (DecideTie) before the poll can close.",
            Refusal.Expect(poll, ErrorCodes.Polls.TieUndecided, () => poll.Close(ChairActor, Hours(48))).Message);
    }

    public static TheoryData<PollRule, string, string> UndecidedTiesOfEachKind() => new()
    {
        { new PollRule(PollMethod.Plurality, TieBreak: TieBreak.HostDecision), "a b", "Round 1: Amina and Baraka are tied for first place," },
        {
            new PollRule(PollMethod.SingleTransferableVote, Seats: 3, Transfer: StvTransfer.WeightedInclusiveGregory, TieBreak: TieBreak.HostDecision),
            "a a a a a b b b b b c d",
            "Round 1: Amina and Baraka are tied for the surplus passed on first,"
        },
    };

    [Theory]
    [MemberData(nameof(UndecidedTiesOfEachKind))]
    public void A_close_refused_for_an_undecided_tie_says_what_the_tie_is_for(PollRule rule, string ballots, string words)
    {
        // One ballot per voter, each naming the options it ranks joined by '>'.
        var rankings = ballots.Split(' ');
        var poll = Opened(rule, voters: rankings.Length);
        for (var v = 1; v <= rankings.Length; v++)
        {
            poll.CastBy(v, PollBallot.Ranked(Partner(v), rankings[v - 1].Split('>')));
        }

        Assert.StartsWith(words, Refusal.Expect(poll, ErrorCodes.Polls.TieUndecided, () => poll.Close(ChairActor, Hours(48))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancellation_reason_is_recorded_trimmed()
    {
        var poll = Opened(Approval);

        Assert.Equal("The reason must be given.", Refusal.Expect(poll, ErrorCodes.Kernel.InvalidText, () => poll.Cancel(" \t ", ChairActor, Hours(1))).Message);
        poll.Cancel("  The assembly decides in person. ", ChairActor, Hours(1));

        var cancelled = (PollCancelled)poll.DequeueUncommittedEvents()[^1];
        Assert.Equal(("The assembly decides in person.", PollStatus.Cancelled), (cancelled.Reason, poll.Status));
        Assert.Null(poll.Result);
    }

    [Fact]
    public void A_cancellation_reason_has_at_most_2000_characters()
    {
        var poll = Opened(Approval);
        var longest = new string('r', 2_000);

        Assert.Equal("The reason has at most 2,000 characters.", Refusal.Expect(poll, ErrorCodes.Kernel.InvalidText, () => poll.Cancel(longest + "r", ChairActor, Hours(1))).Message);
        poll.Cancel(longest, ChairActor, Hours(1));

        Assert.Equal(longest, ((PollCancelled)poll.DequeueUncommittedEvents()[^1]).Reason);
    }

    [Fact]
    public void A_draft_is_kept_with_its_question_and_labels_trimmed_its_options_in_order_and_each_facilitator_once()
    {
        var draft = DraftOf(Approval, "  Which theme next year?  ") with
        {
            Options = [new("z", " Zawadi "), new("a", "Amina"), new("m", "Mosi  ")],
            Facilitators = [Chair, Deputy, Chair],
        };

        var poll = Poll.Draft(PollNumber(1), draft, ChairActor, Start);

        Assert.Equal("Which theme next year?", poll.Question.Question);
        Assert.Equal(["z", "a", "m"], poll.Question.Options.Select(o => o.Key));
        Assert.Equal(["Zawadi", "Amina", "Mosi"], poll.Question.Options.Select(o => o.Label));
        Assert.Equal([Chair, Deputy], poll.Question.Facilitators);
        Assert.Equal((PollNumber(1), TheCoalition, PollStatus.Draft, ResultsVisibility.AfterClose), (poll.Id, poll.Question.Coalition, poll.Status, poll.Visibility));
        Assert.Equal(
            $"'Which theme next year?' cannot close while it is draft.",
            Refusal.Expect(poll, ErrorCodes.Polls.InvalidTransition, () => poll.Close(ChairActor, Hours(1))).Message);
    }

    [Fact]
    public void A_draft_holds_up_to_its_limits_a_500_character_question_200_options_keys_of_64_labels_of_200_100_facilitators_and_a_tie_order_of_200()
    {
        var options = Enumerable.Range(0, 200).Select(i => new PollOption(i.ToString("D64", System.Globalization.CultureInfo.InvariantCulture), new string('l', 199) + (char)('A' + (i % 26)))).ToArray();
        var rule = new PollRule(PollMethod.Approval, TieBreak: TieBreak.Permutation, TieOrder: [.. options.Select(o => o.Key).Reverse()]);
        var draft = DraftOf(rule, new string('q', 500)) with { Options = options, Facilitators = [Chair, .. Enumerable.Range(1, 99).Select(Person)] };

        var poll = Poll.Draft(PollNumber(1), draft, ChairActor, Start);

        Assert.Equal((500, 200, 100, 200), (poll.Question.Question.Length, poll.Question.Options.Count, poll.Question.Facilitators.Count, poll.Question.Rule.TieOrder!.Count));
        Assert.Equal(2, Poll.Draft(PollNumber(2), DraftOf(Approval) with { Options = Candidates[..2] }, ChairActor, Start).Question.Options.Count);
    }

    [Fact]
    public void A_draft_with_one_option_a_key_twice_or_no_rule_is_refused_in_words()
    {
        Refusal.Of(() => Poll.Draft(PollNumber(1), DraftOf(Approval) with { Rule = null! }, ChairActor, Start), ErrorCodes.Polls.InvalidPoll, "A poll counts by a rule; give one.");
        Refusal.Of(() => Poll.Draft(PollNumber(1), DraftOf(Approval) with { Options = Candidates[..1] }, ChairActor, Start), ErrorCodes.Polls.InvalidPoll, "A poll offers at least two options.");
        Refusal.Of(() => Poll.Draft(PollNumber(1), DraftOf(Approval) with { Options = [.. Candidates, new("a", "Another Amina")] }, ChairActor, Start), ErrorCodes.Polls.InvalidPoll, "Each option of a poll has a key of its own.");
    }

    public static TheoryData<PollRule, PollOption[], string[]> DraftsWithABadLabel() => new()
    {
        // Two seats from two options would not fit, but the rule is judged against the options only once each is well-formed.
        { new PollRule(PollMethod.SingleTransferableVote, Seats: 2), [new("a", "Amina"), new("b", "Bar\naka")], [ErrorCodes.Kernel.InvalidText.Code] },

        // A key given twice after two distinct ones is named beside the bad label.
        { Approval, [new("a", "Amina"), new("b", "Bar\naka"), new("a", "Another Amina")], [ErrorCodes.Polls.InvalidPoll.Code, ErrorCodes.Kernel.InvalidText.Code] },
    };

    [Theory]
    [MemberData(nameof(DraftsWithABadLabel))]
    public void A_draft_with_a_bad_label_is_refused_for_it_and_for_a_key_given_twice_but_not_for_how_its_rule_fits_the_options(PollRule rule, PollOption[] options, string[] codes)
    {
        var draft = DraftOf(rule) with { Options = options };

        var error = Assert.Throws<CoalitionRuleException>(() => Poll.Draft(PollNumber(1), draft, ChairActor, Start));

        Assert.Equal(codes, error.Codes.Select(c => c.Code));
    }

    public static TheoryData<PollRule> RulesAtTheirLimits() =>
    [
        new PollRule(PollMethod.Score, MaxScore: 1),
        new PollRule(PollMethod.Score, MaxScore: 1_000),
        new PollRule(PollMethod.DotVote, DotsPerVoter: 1, MaxDotsPerOption: 1),
        new PollRule(PollMethod.DotVote, DotsPerVoter: 1_000, MaxDotsPerOption: 1_000),
        new PollRule(PollMethod.SingleTransferableVote, Seats: 3),
        new PollRule(PollMethod.RankedChoice, BallotRules: new RankedBallotRules(MaxConsecutiveSkips: 0)),
        new PollRule(PollMethod.RankedChoice, BallotRules: new RankedBallotRules(MaxConsecutiveSkips: 400)),
    ];

    [Theory]
    [MemberData(nameof(RulesAtTheirLimits))]
    public void A_rule_at_the_limits_of_its_settings_is_drafted(PollRule rule) =>
        Assert.Equal(rule, Drafted(rule).Question.Rule);

    public static TheoryData<PollRule, string> RulesJustPastTheirLimits() => new()
    {
        { new PollRule(PollMethod.DotVote, DotsPerVoter: 0), "A dot vote gives each voter from 1 to 1,000 dots." },
        { new PollRule(PollMethod.DotVote, MaxDotsPerOption: 1_001), "A dot vote's cap per option, when given, is from 1 to 1,000 dots." },
        { new PollRule(PollMethod.Score, MaxScore: 0), "A score poll's highest score is from 1 to 1,000." },
        { new PollRule(PollMethod.Score, MaxScore: 1_001), "A score poll's highest score is from 1 to 1,000." },
        { new PollRule(PollMethod.SingleTransferableVote, Seats: 0), "A poll fills from 1 to 199 seats." },
        { new PollRule(PollMethod.SingleTransferableVote, Seats: 200), "A poll fills from 1 to 199 seats." },
        { new PollRule(PollMethod.SingleTransferableVote, Seats: 4), "Single transferable vote fills fewer seats than it has candidates." },
        { new PollRule(PollMethod.SingleTransferableVote, Seats: 199), "Single transferable vote fills fewer seats than it has candidates." },
        { new PollRule(PollMethod.RankedChoice, BallotRules: new RankedBallotRules(MaxConsecutiveSkips: -1)), "Ballot rules allow from 0 to 400 skipped ranks in a row, or any number (none given)." },
        { new PollRule(PollMethod.RankedChoice, BallotRules: new RankedBallotRules((OvervoteRule)0)), "Ballot rules name a defined overvote rule and a defined duplicate rule." },
        { new PollRule(PollMethod.RankedChoice, BallotRules: new RankedBallotRules(Duplicate: (DuplicateRule)0)), "Ballot rules name a defined overvote rule and a defined duplicate rule." },
        { new PollRule(PollMethod.SingleTransferableVote, Seats: 2, Transfer: (StvTransfer)0), "A poll's rule names a defined STV transfer." },
        { new PollRule(PollMethod.RankedChoice, TieBreak: (TieBreak)0), "A poll's rule names a defined tie-break." },
        { new PollRule(PollMethod.RankedChoice, Quota: (QuotaKind)0), "A poll's rule names a defined quota." },
        { new PollRule((PollMethod)9), "A poll's rule names a defined method." },
        { new PollRule(PollMethod.Approval, Visibility: 0), "A poll's rule names a defined results visibility." },
        { new PollRule(PollMethod.Approval, Purpose: 0), "A poll's rule names a defined purpose." },
        { new PollRule(PollMethod.RankedChoice, TieBreak: TieBreak.Permutation, TieOrder: [.. Enumerable.Repeat("a", 201)]), "A tie order lists option keys, none of them null." },
        { new PollRule(PollMethod.RankedChoice, TieBreak: TieBreak.Permutation, TieOrder: ["a", "b", "c", null!]), "A tie order lists option keys, none of them null." },
    };

    [Theory]
    [MemberData(nameof(RulesJustPastTheirLimits))]
    public void A_rule_just_past_the_limits_of_its_settings_is_refused_in_words(PollRule rule, string words) =>
        Refusal.Of(() => Drafted(rule), ErrorCodes.Polls.InvalidPoll, words);

    /// <summary>Points as a host's own dictionary may enumerate them: a key twice, or a null key.</summary>
    private sealed class Pairs(params (string Key, int Value)[] pairs) : IReadOnlyDictionary<string, int>
    {
        public int Count => pairs.Length;

        public IEnumerable<string> Keys => pairs.Select(p => p.Key);

        public IEnumerable<int> Values => pairs.Select(p => p.Value);

        public int this[string key] => pairs.First(p => p.Key == key).Value;

        public bool ContainsKey(string key) => pairs.Any(p => p.Key == key);

        public bool TryGetValue(string key, out int value)
        {
            value = pairs.FirstOrDefault(p => p.Key == key).Value;
            return ContainsKey(key);
        }

        public IEnumerator<KeyValuePair<string, int>> GetEnumerator() => pairs.Select(p => new KeyValuePair<string, int>(p.Key, p.Value)).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
