using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Polls;

public class PollTests
{
    private static readonly PollOption[] Themes = [new("reading", "Reading"), new("maths", "Maths"), new("girls", "Girls' education")];

    private static Poll Drafted(PollRule? rule = null) =>
        Poll.Draft(PollId.FromGuid(Guid.Parse("e1000000-0000-0000-0000-000000000001")), new PollDraft(TheCoalition, "Which campaign theme next year?", Themes, rule ?? new PollRule(PollMethod.Approval), [Chair]), ChairActor, Start);

    private static Poll Open(PollRule? rule = null, int voters = 3)
    {
        var poll = Drafted(rule);
        poll.Open(Members(voters), Hours(48), ChairActor, Start);
        return poll;
    }

    [Fact]
    public void Only_a_voters_representative_casts_its_ballot_and_only_while_the_poll_is_open()
    {
        var poll = Drafted();
        Refusal.Expect(poll, ErrorCodes.Polls.InvalidTransition, () => poll.CastBallot(PollBallot.Ranked(Partner(1), "reading"), For(1), Hours(1)));
        poll.Open(Members(3), Hours(48), ChairActor, Start);

        Refusal.Expect(poll, ErrorCodes.Polls.NotARepresentative, () => poll.CastBallot(PollBallot.Ranked(Partner(1), "reading"), For(2), Hours(1)));
        Refusal.Expect(poll, ErrorCodes.Polls.NotInElectorate, () => poll.CastBallot(PollBallot.Ranked(Partner(7), "reading"), For(7), Hours(1)));
        Refusal.Expect(poll, ErrorCodes.Polls.VotingNotOpen, () => poll.CastBallot(PollBallot.Ranked(Partner(1), "reading"), For(1), Hours(48)));
        Refusal.Expect(poll, ErrorCodes.Polls.InvalidBallot, () => poll.CastBallot(PollBallot.Ranked(Partner(1), "history"), For(1), Hours(1)));
    }

    [Fact]
    public void A_voter_may_change_its_ballot_until_close_and_the_latest_counts()
    {
        var poll = Open(new PollRule(PollMethod.Plurality));
        poll.CastBallot(PollBallot.Ranked(Partner(1), "reading"), For(1), Hours(1));
        poll.CastBallot(PollBallot.Ranked(Partner(1), "girls"), For(1), Hours(2));
        poll.CastBallot(PollBallot.Ranked(Partner(2), "girls"), For(2), Hours(3));
        poll.CastBallot(PollBallot.Ranked(Partner(3), "maths"), For(3), Hours(4));

        var result = poll.Close(ChairActor, Hours(5));

        Assert.Equal(3, poll.BallotsCast);
        Assert.Equal(["girls"], result.Winners);
    }

    [Fact]
    public void A_poll_closes_at_its_deadline_or_once_everyone_has_voted()
    {
        var poll = Open();
        poll.CastBallot(PollBallot.Ranked(Partner(1), "reading"), For(1), Hours(1));

        Refusal.Expect(poll, ErrorCodes.Polls.VotingStillOpen, () => poll.Close(ChairActor, Hours(2)));
        Assert.Equal(["reading"], poll.Close(Actor.System("scheduler"), Hours(48)).Winners);
        Assert.Equal(PollStatus.Closed, poll.Status);
    }

    [Fact]
    public void Results_hidden_until_close_are_not_shown_while_voting_is_open()
    {
        var poll = Open(new PollRule(PollMethod.Approval, Visibility: ResultsVisibility.AfterClose));
        poll.CastBallot(PollBallot.Ranked(Partner(1), "reading"), For(1), Hours(1));

        var error = Assert.Throws<CoalitionRuleException>(() => poll.Results(Partner(1)));

        Assert.Equal(ErrorCodes.Polls.ResultsHidden, error.Code);
    }

    [Fact]
    public void Results_shown_after_voting_are_shown_to_a_voter_who_has_voted()
    {
        var poll = Open(new PollRule(PollMethod.Approval, Visibility: ResultsVisibility.AfterVoting));
        poll.CastBallot(PollBallot.Ranked(Partner(1), "reading"), For(1), Hours(1));

        Assert.Equal(["reading"], poll.Results(Partner(1)).Winners);
        Assert.Throws<CoalitionRuleException>(() => poll.Results(Partner(2)));
    }

    [Fact]
    public void Visibility_can_never_be_loosened_once_a_ballot_exists()
    {
        var poll = Open(new PollRule(PollMethod.Approval, Visibility: ResultsVisibility.AfterVoting));
        poll.ChangeVisibility(ResultsVisibility.Always, ChairActor, Hours(1));
        poll.CastBallot(PollBallot.Ranked(Partner(1), "reading"), For(1), Hours(2));

        poll.ChangeVisibility(ResultsVisibility.AfterClose, ChairActor, Hours(3));

        Refusal.Expect(poll, ErrorCodes.Polls.VisibilityLocked, () => poll.ChangeVisibility(ResultsVisibility.AfterVoting, ChairActor, Hours(4)));
        Assert.Equal(ResultsVisibility.AfterClose, poll.Visibility);
    }

    [Fact]
    public void An_anonymous_polls_result_never_says_who_chose_what()
    {
        var poll = Open(new PollRule(PollMethod.Plurality, Anonymous: true, Visibility: ResultsVisibility.Always));
        poll.CastBallot(PollBallot.Ranked(Partner(1), "reading"), For(1), Hours(1));
        poll.CastBallot(PollBallot.Ranked(Partner(2), "maths"), For(2), Hours(1));

        var json = global::Coalitions.Core.Serialization.CoalitionsJson.Serialize(poll.Close(ChairActor, Hours(48)));

        Assert.DoesNotContain(Partner(1).ToString(), json, StringComparison.Ordinal);
        Assert.DoesNotContain(Partner(2).ToString(), json, StringComparison.Ordinal);
        Assert.Equal(2, poll.BallotsCast);
    }

    [Fact]
    public void The_result_does_not_depend_on_the_order_ballots_arrived()
    {
        var first = Open(new PollRule(PollMethod.RankedChoice));
        var second = Open(new PollRule(PollMethod.RankedChoice));
        PollBallot[] ballots = [PollBallot.Ranked(Partner(1), "reading", "maths"), PollBallot.Ranked(Partner(2), "maths", "girls"), PollBallot.Ranked(Partner(3), "girls", "reading")];
        for (var i = 0; i < 3; i++)
        {
            first.CastBallot(ballots[i], For(i + 1), Hours(1));
            second.CastBallot(ballots[2 - i], For(3 - i), Hours(1));
        }

        Assert.Equal(first.Close(ChairActor, Hours(2), seed: 11), second.Close(ChairActor, Hours(2), seed: 11), new ResultComparer());
    }

    [Fact]
    public void Only_a_facilitator_opens_closes_or_cancels_and_a_closed_poll_stays_closed()
    {
        var poll = Drafted();
        Refusal.Expect(poll, ErrorCodes.Polls.NotAFacilitator, () => poll.Open(Members(3), Hours(48), For(1), Start));
        poll.Open(Members(1), Hours(48), ChairActor, Start);
        poll.CastBallot(PollBallot.Ranked(Partner(1), "maths"), For(1), Hours(1));
        poll.Close(ChairActor, Hours(2));

        Refusal.Expect(poll, ErrorCodes.Polls.InvalidTransition, () => poll.Cancel("Too late.", ChairActor, Hours(3)));
    }

    [Fact]
    public void A_poll_rebuilt_from_its_events_is_the_same()
    {
        var poll = Open(new PollRule(PollMethod.Plurality));
        poll.CastBallot(PollBallot.Ranked(Partner(1), "maths"), For(1), Hours(1));
        poll.Close(ChairActor, Hours(48));

        var rebuilt = Poll.Rehydrate(poll.DequeueUncommittedEvents());

        Assert.Equal(PollStatus.Closed, rebuilt.Status);
        Assert.Equal(["maths"], rebuilt.Result!.Winners);
        Assert.Equal(poll.Version, rebuilt.Version);
    }

    [Fact]
    public void An_empty_ranked_ballot_is_recorded_as_cast_and_counts_for_no_option()
    {
        var poll = Open(new PollRule(PollMethod.RankedChoice));
        poll.CastBallot(PollBallot.Ranked(Partner(1), "maths"), For(1), Hours(1));
        poll.CastBallot(PollBallot.Ranked(Partner(2)), For(2), Hours(1));

        var result = poll.Close(ChairActor, Hours(48));

        Assert.Equal(2, poll.BallotsCast);
        Assert.Equal((2, 1), (result.Ballots, result.EmptyBallots));
        Assert.Equal(["maths"], result.Winners);
    }

    [Fact]
    public void A_poll_stored_before_the_counting_settings_existed_reads_with_their_defaults()
    {
        const string drafted = """{"$type":"Polls.PollDrafted","poll":"e1000000-0000-0000-0000-000000000001","draft":{"coalition":"c0000000-0000-0000-0000-000000000001","question":"Theme?","options":[{"key":"a","label":"A"},{"key":"b","label":"B"}],"rule":{"method":"RankedChoice","seats":1,"requireMajority":false,"maxScore":5,"dotsPerVoter":5,"completeRankings":false,"visibility":"AfterClose","anonymous":false,"transfer":"Meek"},"facilitators":["b0000000-0000-0000-0000-000000000900"]},"at":"2026-03-02T09:00:00Z","by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000900"}}""";
        const string closed = """{"$type":"Polls.PollClosed","poll":"e1000000-0000-0000-0000-000000000001","result":{"method":"RankedChoice","winners":["a"],"rounds":[],"ballots":1,"runoff":[],"tiesBrokenByLot":false,"explanation":"Elected: a."},"seed":0,"at":"2026-03-04T09:00:00Z","by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000900"}}""";

        var rule = ((PollDrafted)global::Coalitions.Core.Serialization.CoalitionsJson.DeserializeEvent(drafted)).Draft.Rule;
        var result = ((PollClosed)global::Coalitions.Core.Serialization.CoalitionsJson.DeserializeEvent(closed)).Result;

        Assert.Equal(new PollRule(PollMethod.RankedChoice), rule);
        Assert.Empty(result.Ties);
        Assert.Equal(0, result.EmptyBallots);
        Assert.Null(result.PendingTie);
    }

    private sealed class ResultComparer : IEqualityComparer<PollResult>
    {
        public bool Equals(PollResult? x, PollResult? y) =>
            global::Coalitions.Core.Serialization.CoalitionsJson.Serialize(x) == global::Coalitions.Core.Serialization.CoalitionsJson.Serialize(y);

        public int GetHashCode(PollResult obj) => 0;
    }
}
