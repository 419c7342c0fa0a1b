using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.PollScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Polls;

/// <summary>
/// Each reason a poll gives for refusing a stored event, in its words, and the edges on either side of each: the
/// states an event may follow, the voting window, the visibility, the tie decision's shape and the result's options.
/// </summary>
public class PollStoredHistoryTests
{
    private static readonly PollId Id = PollNumber(1);

    private static readonly Duration Tick = Duration.Epsilon;

    private static readonly PollTie CorD = new(1, TieKind.LastPlace, ["c", "d"], "c", TieResolution.Host);

    private static IReadOnlyList<IDomainEvent> Drafted() => PollScenario.Drafted(new PollRule(PollMethod.RankedChoice)).DequeueUncommittedEvents();

    /// <summary>Drafted (instant runoff, four options), open before members 1 to 3 for 48 hours, and member 1's ballot for a then b.</summary>
    private static IReadOnlyList<IDomainEvent> Open()
    {
        var poll = Opened(new PollRule(PollMethod.RankedChoice), voters: 3);
        poll.CastBy(1, PollBallot.Ranked(Partner(1), "a", "b"));
        return poll.DequeueUncommittedEvents();
    }

    private static IReadOnlyList<IDomainEvent> Closed() => [.. Open(), new PollClosed(Id, Result(), 0, Hours(48), ChairActor)];

    private static IReadOnlyList<IDomainEvent> Cancelled() => [.. Open(), new PollCancelled(Id, "Postponed.", Hours(2), ChairActor)];

    private static IReadOnlyList<IDomainEvent> AwaitingTie() => AwaitingTieDecision().DequeueUncommittedEvents();

    private static PollBallotCast Ballot(int member, Instant at, params string[] ranking) =>
        new(Id, PollBallot.Ranked(Partner(member), ranking), at, For(member));

    /// <summary>A counts 1 and wins in round 1: the result of <see cref="Open"/>.</summary>
    private static PollResult Result() =>
        new(PollMethod.RankedChoice, ["a"], [new PollRound(1, [new OptionTotal("a", 1), new OptionTotal("b", 0)], ["a"], [], 0)], 1, [], false);

    private static PollClosed Closing(PollResult result) => new(Id, result, 0, Hours(48), ChairActor);

    private static PollTieDecided Deciding(PollTie tie) => new(Id, tie, Hours(2), ChairActor);

    private static void Replays(IReadOnlyList<IDomainEvent> history, params IDomainEvent[] next) =>
        Assert.Equal(history.Count + next.Length, Poll.Rehydrate([.. history, .. next]).Version);

    [Fact]
    public void A_stored_draft_is_refused_with_the_first_rule_it_breaks()
    {
        var drafted = (PollDrafted)Drafted()[0];

        StoredHistory.Refused(Poll.Rehydrate, [], "the draft is invalid: A poll offers at least two options.", drafted with { Draft = drafted.Draft with { Options = Candidates[..1] } });
        StoredHistory.Refused(Poll.Rehydrate, [], "the draft is invalid: Name one to 100 facilitators who run the poll.", drafted with { Draft = drafted.Draft with { Facilitators = [] } });
        StoredHistory.Refused(
            Poll.Rehydrate,
            [],
            "the draft is invalid: Only single transferable vote fills several seats; every other method chooses one option.",
            drafted with { Draft = drafted.Draft with { Rule = new PollRule(PollMethod.Approval, Seats: 2) } });
    }

    [Fact]
    public void A_poll_opens_once_and_only_from_its_draft()
    {
        var opened = Open()[1];
        var cancelledDraft = new PollCancelled(Id, "Postponed.", Hours(1), ChairActor);

        StoredHistory.Refused(Poll.Rehydrate, Open(), "a poll opens once, from its draft.", opened);
        StoredHistory.Refused(Poll.Rehydrate, [.. Drafted(), cancelledDraft], "a poll opens once, from its draft.", opened);
    }

    [Fact]
    public void A_stored_opening_before_no_voter_or_with_a_deadline_at_its_opening_is_refused_and_one_instant_later_replays()
    {
        var opened = (PollOpened)Open()[1];

        StoredHistory.Refused(Poll.Rehydrate, Drafted(), "the electorate it freezes is empty.", opened with { Electorate = Electorate.Empty });
        StoredHistory.Refused(Poll.Rehydrate, Drafted(), "its deadline is not after its opening.", opened with { Deadline = opened.At });
        Replays(Drafted(), opened with { Deadline = opened.At + Tick });
    }

    [Fact]
    public void A_stored_ballot_is_refused_unless_the_poll_is_open()
    {
        StoredHistory.Refused(Poll.Rehydrate, Drafted(), "the poll is not open.", Ballot(1, Hours(1), "a"));
        StoredHistory.Refused(Poll.Rehydrate, Closed(), "the poll is not open.", Ballot(2, Hours(3), "a"));
        StoredHistory.Refused(Poll.Rehydrate, Cancelled(), "the poll is not open.", Ballot(2, Hours(3), "a"));
    }

    [Fact]
    public void A_stored_ballot_from_outside_the_frozen_electorate_is_refused_in_words()
    {
        StoredHistory.Refused(Poll.Rehydrate, Open(), "the voter is not in the electorate frozen when the poll opened.", Ballot(4, Hours(1), "a"));
    }

    [Fact]
    public void A_stored_ballot_is_dated_from_the_opening_to_one_instant_before_the_deadline()
    {
        const string outside = "it is dated outside the voting window, from the opening to the deadline.";

        StoredHistory.Refused(Poll.Rehydrate, Open(), outside, Ballot(2, Start - Tick, "a"));
        StoredHistory.Refused(Poll.Rehydrate, Open(), outside, Ballot(2, Hours(48), "a"));
        Replays(Open(), Ballot(2, Start, "a"), Ballot(3, Hours(48) - Tick, "b"));
    }

    [Fact]
    public void A_stored_ballot_that_does_not_fit_the_method_is_refused_with_what_is_wrong()
    {
        StoredHistory.Refused(Poll.Rehydrate, Open(), "the ballot names an option the poll does not have.", Ballot(2, Hours(1), "a", "zz"));
    }

    [Fact]
    public void Stored_visibility_changes_stop_at_close_or_cancellation()
    {
        var change = new PollVisibilityChanged(Id, ResultsVisibility.AfterClose, Hours(49), ChairActor);

        StoredHistory.Refused(Poll.Rehydrate, Closed(), "the poll is closed or cancelled.", change);
        StoredHistory.Refused(Poll.Rehydrate, Cancelled(), "the poll is closed or cancelled.", change);
    }

    [Fact]
    public void A_stored_visibility_may_be_set_again_after_ballots_but_not_loosened()
    {
        StoredHistory.Refused(
            Poll.Rehydrate,
            Open(),
            "it loosens the results visibility after ballots were cast.",
            new PollVisibilityChanged(Id, ResultsVisibility.AfterVoting, Hours(2), ChairActor));
        Replays(Open(), new PollVisibilityChanged(Id, ResultsVisibility.AfterClose, Hours(2), ChairActor));
        Replays([.. Open().Take(2)], new PollVisibilityChanged(Id, ResultsVisibility.Always, Hours(1), ChairActor));
    }

    [Fact]
    public void A_stored_tie_decision_comes_only_while_the_poll_is_open_under_a_rule_that_leaves_ties_to_a_facilitator()
    {
        var hostDecides = AwaitingTie();

        StoredHistory.Refused(Poll.Rehydrate, [hostDecides[0]], "the poll is not open.", Deciding(CorD));
        StoredHistory.Refused(Poll.Rehydrate, Closed(), "the poll is not open.", Deciding(CorD));
        StoredHistory.Refused(Poll.Rehydrate, Open(), "the poll's rule breaks ties itself.", Deciding(CorD));
    }

    [Fact]
    public void A_stored_tie_decision_under_earlier_rounds_then_a_facilitator_replays()
    {
        var poll = Opened(new PollRule(PollMethod.RankedChoice, TieBreak: TieBreak.EarlierRoundsThenHostDecision), voters: 3);

        Replays(poll.DequeueUncommittedEvents(), Deciding(CorD));
    }

    [Fact]
    public void A_stored_tie_decision_is_refused_with_what_its_shape_must_be()
    {
        StoredHistory.Refused(Poll.Rehydrate, AwaitingTie(), "the decision names a round from 1.", Deciding(CorD with { Round = 0 }));
        StoredHistory.Refused(Poll.Rehydrate, AwaitingTie(), "the decision names two or more of the poll's options as tied.", Deciding(CorD with { Tied = ["c"] }));
        StoredHistory.Refused(Poll.Rehydrate, AwaitingTie(), "the decision names two or more of the poll's options as tied.", Deciding(CorD with { Tied = ["a", "b", "c", "d", "e"] }));
        StoredHistory.Refused(Poll.Rehydrate, AwaitingTie(), "the decision names each tied option once, and only options of the poll.", Deciding(CorD with { Tied = ["c", "c"] }));
        StoredHistory.Refused(Poll.Rehydrate, AwaitingTie(), "the decision chooses one of the tied options.", Deciding(CorD with { Chosen = "a" }));
        StoredHistory.Refused(Poll.Rehydrate, AwaitingTie(), "the decision is not a facilitator's.", Deciding(CorD with { By = TieResolution.Permutation }));
        Replays(AwaitingTie(), Deciding(CorD with { Tied = ["a", "b", "c", "d"] }));
    }

    [Fact]
    public void A_stored_result_comes_only_while_the_poll_is_open()
    {
        StoredHistory.Refused(Poll.Rehydrate, Drafted(), "the poll is not open.", Closing(Result()));
        StoredHistory.Refused(Poll.Rehydrate, Closed(), "the poll is not open.", Closing(Result()));
        StoredHistory.Refused(Poll.Rehydrate, Cancelled(), "the poll is not open.", Closing(Result()));
    }

    [Fact]
    public void A_stored_result_is_complete_of_the_polls_method_and_counts_the_ballots_it_holds()
    {
        StoredHistory.Refused(Poll.Rehydrate, Open(), "the result still waits for a tie decision.", Closing(Result() with { PendingTie = CorD with { Chosen = null } }));
        StoredHistory.Refused(Poll.Rehydrate, Open(), "the result is of another method than the poll's.", Closing(Result() with { Method = PollMethod.Copeland }));
        StoredHistory.Refused(Poll.Rehydrate, Open(), "the result counts 2 ballots, but the poll holds 1.", Closing(Result() with { Ballots = 2 }));
        StoredHistory.Refused(Poll.Rehydrate, Open(), "the result counts 1,200 ballots, but the poll holds 1.", Closing(Result() with { Ballots = 1_200 }));
        StoredHistory.Refused(Poll.Rehydrate, Open(), "the result counts 0 ballots, but the poll holds 1.", Closing(Result() with { Ballots = 0 }));
    }

    public static TheoryData<string> PlacesInAResult() =>
        ["winners", "runoff", "totals", "elected", "eliminated", "elected without quota", "surplus transferred", "tied", "tie chosen", "availability"];

    private static PollResult Naming(string place, string key)
    {
        var result = Result();
        var round = result.Rounds[0];
        return place switch
        {
            "winners" => result with { Winners = [key] },
            "runoff" => result with { Runoff = ["a", key] },
            "totals" => result with { Rounds = [round with { Totals = [.. round.Totals, new OptionTotal(key, 0)] }] },
            "elected" => result with { Rounds = [round with { Elected = [key] }] },
            "eliminated" => result with { Rounds = [round with { Eliminated = [key] }] },
            "elected without quota" => result with { Rounds = [round with { ElectedWithoutQuota = [key] }] },
            "surplus transferred" => result with { Rounds = [round with { SurplusTransferred = key }] },
            "tied" => result with { Ties = [new PollTie(1, TieKind.LastPlace, ["b", key], "b", TieResolution.Lot)] },
            "tie chosen" => result with { Ties = [new PollTie(1, TieKind.LastPlace, ["b", "c"], key, TieResolution.Lot)] },
            _ => result with { Availability = [new SlotAvailability(key, 1, 0, 0)] },
        };
    }

    [Theory]
    [MemberData(nameof(PlacesInAResult))]
    public void A_stored_result_naming_an_option_the_poll_lacks_anywhere_is_refused(string place)
    {
        StoredHistory.Refused(Poll.Rehydrate, Open(), "the result names an option the poll does not have.", Closing(Naming(place, "zz")));
        Replays(Open(), Closing(Naming(place, "d")));
    }

    [Fact]
    public void A_stored_result_with_a_tie_still_unchosen_names_no_option_and_replays()
    {
        Replays(Open(), Closing(Result() with { Ties = [new PollTie(1, TieKind.LastPlace, ["b", "c"], null, TieResolution.Lot)] }));
    }

    [Fact]
    public void A_stored_cancellation_comes_only_before_close_or_cancellation_and_may_follow_the_draft()
    {
        var cancel = new PollCancelled(Id, "Postponed again.", Hours(3), ChairActor);

        StoredHistory.Refused(Poll.Rehydrate, Closed(), "the poll is closed or cancelled already.", cancel);
        StoredHistory.Refused(Poll.Rehydrate, Cancelled(), "the poll is closed or cancelled already.", cancel);
        Assert.Equal(PollStatus.Cancelled, Poll.Rehydrate([.. Drafted(), cancel]).Status);
    }
}
