using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using Coalitions.Core.Serialization;
using Coalitions.Core.Tests.Kit;
using static Coalitions.Core.Tests.Kit.PollScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Polls;

/// <summary>
/// Stored events are untrusted: a poll's history replays only in an order its lifecycle allows, with references to
/// things that exist (voters of the frozen electorate, options of the poll), and stored drafts, ballots and results are
/// checked as strictly as new ones.
/// </summary>
public class PollHistoryTests
{
    private static readonly PollId Id = PollNumber(1);

    /// <summary>Drafted (instant runoff, four options), open before members 1 to 3 for 48 hours, and member 1's ballot.</summary>
    private static List<IDomainEvent> Open()
    {
        var poll = Opened(new PollRule(PollMethod.RankedChoice), voters: 3);
        poll.CastBy(1, PollBallot.Ranked(Partner(1), "a", "b"));
        return [.. poll.DequeueUncommittedEvents()];
    }

    private static StoredEventException Corrupt(IEnumerable<IDomainEvent> history)
    {
        var error = Assert.Throws<StoredEventException>(() => Poll.Rehydrate(history));
        Assert.Equal(ErrorCodes.Kernel.CorruptHistory, error.Code);

        // Refused by the stream check, not by a crash inside Apply that the kernel wrapped.
        Assert.Null(error.InnerException);
        return error;
    }

    private static PollBallotCast Ballot(int member, double atHours, params string[] ranking) =>
        new(Id, PollBallot.Ranked(Partner(member), ranking), Hours(atHours), For(member));

    private static PollResult Result(string winner, int ballots) =>
        new(PollMethod.RankedChoice, [winner], [new PollRound(1, [new OptionTotal(winner, ballots)], [winner], [], 0)], ballots, [], false);

    [Fact]
    public void The_history_of_every_state_replays_into_the_same_poll()
    {
        foreach (var history in Histories())
        {
            var stored = history.Select(CoalitionsJson.SerializeEvent).ToArray();

            var rebuilt = Poll.Rehydrate(stored.Select(CoalitionsJson.DeserializeEvent));

            Assert.Equal(ObservableState.Of(Poll.Rehydrate(history)), ObservableState.Of(rebuilt));
        }
    }

    [Fact]
    public void A_poll_that_opens_twice_is_refused()
    {
        var history = Open();

        var error = Corrupt([.. history, history[1]]);

        Assert.Equal(4, error.Position);
        Assert.Contains("a poll opens once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_poll_opened_before_no_voter_or_with_a_deadline_before_its_opening_is_refused()
    {
        var history = Open();
        var opened = (PollOpened)history[1];

        Corrupt([history[0], opened with { Electorate = global::Coalitions.Core.Decisions.Electorate.Empty }]);
        Corrupt([history[0], opened with { Deadline = opened.At }]);
    }

    [Fact]
    public void A_ballot_before_the_poll_opens_is_refused()
    {
        Corrupt([Open()[0], Ballot(1, 1, "a")]);
    }

    [Fact]
    public void A_ballot_from_a_voter_outside_the_frozen_electorate_is_refused()
    {
        var error = Corrupt([.. Open(), Ballot(7, 1, "a")]);

        Assert.Contains("not in the electorate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ballot_dated_before_the_opening_or_at_the_deadline_is_refused()
    {
        Corrupt([.. Open(), Ballot(2, -1, "a")]);
        Corrupt([.. Open(), Ballot(2, 48, "a")]);
    }

    [Fact]
    public void A_stored_ballot_that_does_not_fit_the_method_is_refused()
    {
        Corrupt([.. Open(), Ballot(2, 1, "a", "zz")]);
        Corrupt([.. Open(), new PollBallotCast(Id, PollBallot.Scored(Partner(2), new Dictionary<string, int> { ["a"] = 3 }), Hours(1), For(2))]);
    }

    [Fact]
    public void A_ballot_after_the_poll_closed_or_was_cancelled_is_refused()
    {
        var closed = Open();
        closed.Add(new PollClosed(Id, Result("a", 1), 0, Hours(48), ChairActor));
        var cancelled = Open();
        cancelled.Add(new PollCancelled(Id, "Postponed.", Hours(2), ChairActor));

        Corrupt([.. closed, Ballot(2, 3, "a")]);
        Corrupt([.. cancelled, Ballot(2, 3, "a")]);
        Corrupt([.. cancelled, new PollCancelled(Id, "Postponed again.", Hours(3), ChairActor)]);
    }

    [Fact]
    public void Results_visibility_loosened_after_a_ballot_is_refused()
    {
        var history = Open();

        Corrupt([.. history, new PollVisibilityChanged(Id, ResultsVisibility.Always, Hours(2), ChairActor)]);
        Assert.Equal(ResultsVisibility.AfterClose, Poll.Rehydrate([history[0], new PollVisibilityChanged(Id, ResultsVisibility.Always, Hours(0), ChairActor), new PollVisibilityChanged(Id, ResultsVisibility.AfterClose, Hours(0), ChairActor)]).Visibility);
    }

    [Fact]
    public void A_tie_decision_follows_only_an_open_poll_whose_rule_leaves_ties_to_a_facilitator()
    {
        var tie = new PollTieDecided(Id, new PollTie(1, TieKind.LastPlace, ["c", "d"], "c", TieResolution.Host), Hours(2), ChairActor);
        var hostDecides = AwaitingTieDecision().DequeueUncommittedEvents();

        Corrupt([.. Open(), tie]);
        Corrupt([hostDecides[0], tie]);
        Assert.Single(Poll.Rehydrate([.. hostDecides, tie]).TieDecisions);
    }

    [Fact]
    public void A_stored_tie_decision_naming_options_the_poll_lacks_or_choosing_outside_the_tie_is_refused()
    {
        var hostDecides = AwaitingTieDecision().DequeueUncommittedEvents();

        Corrupt([.. hostDecides, new PollTieDecided(Id, new PollTie(1, TieKind.LastPlace, ["c", "zz"], "c", TieResolution.Host), Hours(2), ChairActor)]);
        Corrupt([.. hostDecides, new PollTieDecided(Id, new PollTie(1, TieKind.LastPlace, ["c", "d"], "a", TieResolution.Host), Hours(2), ChairActor)]);
        Corrupt([.. hostDecides, new PollTieDecided(Id, new PollTie(1, TieKind.LastPlace, ["c", "d"], "c", TieResolution.Lot), Hours(2), ChairActor)]);
    }

    [Fact]
    public void A_stored_result_must_name_the_polls_options_count_its_ballots_and_be_complete()
    {
        var history = Open();

        Corrupt([.. history, new PollClosed(Id, Result("zz", 1), 0, Hours(48), ChairActor)]);
        Corrupt([.. history, new PollClosed(Id, Result("a", 5), 0, Hours(48), ChairActor)]);
        Corrupt([.. history, new PollClosed(Id, Result("a", 1) with { Method = PollMethod.Copeland }, 0, Hours(48), ChairActor)]);
        Corrupt([.. history, new PollClosed(Id, Result("a", 1) with { PendingTie = new PollTie(1, TieKind.LastPlace, ["c", "d"], null, TieResolution.Host) }, 0, Hours(48), ChairActor)]);
        Assert.Equal(PollStatus.Closed, Poll.Rehydrate([.. history, new PollClosed(Id, Result("a", 1), 0, Hours(48), ChairActor)]).Status);
    }

    [Fact]
    public void A_stored_draft_that_breaks_the_rules_is_refused()
    {
        var drafted = (PollDrafted)Open()[0];

        Corrupt([drafted with { Draft = drafted.Draft with { Options = [new PollOption("a", "Amina")] } }]);
        Corrupt([drafted with { Draft = drafted.Draft with { Facilitators = [] } }]);
        Corrupt([drafted with { Draft = drafted.Draft with { Rule = new PollRule(PollMethod.Approval, Seats: 2) } }]);
    }

    [Fact]
    public void A_stored_draft_with_an_undefined_visibility_cannot_be_read()
    {
        var json = CoalitionsJson.SerializeEvent(Open()[0]).Replace("\"visibility\":\"AfterClose\"", "\"visibility\":\"Sometimes\"", StringComparison.Ordinal);

        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(json)).Code);
    }

    [Fact]
    public void A_replayed_poll_hands_out_its_draft_read_only()
    {
        var rebuilt = Poll.Rehydrate(Open().Select(CoalitionsJson.SerializeEvent).Select(CoalitionsJson.DeserializeEvent));

        Assert.Throws<NotSupportedException>(() => ((IList<PollOption>)rebuilt.Question.Options).Clear());
    }
}
