using System.Text.Json.Nodes;
using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using Coalitions.Core.Serialization;
using Coalitions.Core.Storage;
using Coalitions.Core.Tests.Kit;
using CsCheck;
using NodaTime.Testing;
using static Coalitions.Core.Tests.Kit.Scenario;
using static Coalitions.Core.Tests.Polls.Votes;

namespace Coalitions.Core.Tests.Polls;

/// <summary>
/// A poll's outcome is stored as figures, not prose (issue 11): the explanation and the round notes are rendered from
/// the figures when a result is read, so the wording can improve or be translated without rewriting history. Results
/// stored with their prose by an earlier version (PollClosed schema version 1) still load.
/// </summary>
public class PollResultWordsTests
{
    /// <summary>An instant-runoff poll as an earlier version of the library stored it, PollClosed with its prose (schema version 1).</summary>
    internal static readonly string[] StoredInstantRunoffV1 =
    [
        """{"$type":"Polls.PollDrafted","poll":"e1000000-0000-0000-0000-000000000011","draft":{"coalition":"c0000000-0000-0000-0000-000000000001","question":"Which campaign theme next year?","options":[{"key":"reading","label":"Reading"},{"key":"maths","label":"Maths"},{"key":"girls","label":"Girls\u0027 education"}],"rule":{"method":"RankedChoice","seats":1,"requireMajority":false,"maxScore":5,"dotsPerVoter":5,"completeRankings":false,"visibility":"AfterClose","anonymous":false,"transfer":"Meek","tieBreak":"EarlierRoundsThenLot","batchElimination":false,"continueUntilTwoRemain":false,"quota":"Droop","fractionalQuota":false,"thresholdFromFirstRound":false,"purpose":"Choice"},"facilitators":["b0000000-0000-0000-0000-000000000900"]},"at":"2026-03-02T09:00:00Z","by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000900"}}""",
        """{"$type":"Polls.PollOpened","poll":"e1000000-0000-0000-0000-000000000011","electorate":{"voters":[{"partner":"a0000000-0000-0000-0000-000000000001","representatives":["b0000000-0000-0000-0000-000000000001"],"weight":1,"hasVeto":false,"name":"Member 1"},{"partner":"a0000000-0000-0000-0000-000000000002","representatives":["b0000000-0000-0000-0000-000000000002"],"weight":1,"hasVeto":false,"name":"Member 2"},{"partner":"a0000000-0000-0000-0000-000000000003","representatives":["b0000000-0000-0000-0000-000000000003"],"weight":1,"hasVeto":false,"name":"Member 3"},{"partner":"a0000000-0000-0000-0000-000000000004","representatives":["b0000000-0000-0000-0000-000000000004"],"weight":1,"hasVeto":false,"name":"Member 4"},{"partner":"a0000000-0000-0000-0000-000000000005","representatives":["b0000000-0000-0000-0000-000000000005"],"weight":1,"hasVeto":false,"name":"Member 5"}],"chambers":[]},"deadline":"2026-03-04T09:00:00Z","at":"2026-03-02T09:00:00Z","by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000900"}}""",
        """{"$type":"Polls.PollBallotCast","poll":"e1000000-0000-0000-0000-000000000011","ballot":{"voter":"a0000000-0000-0000-0000-000000000001","ranking":["reading"],"points":{}},"at":"2026-03-02T10:00:00Z","by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000001","onBehalfOf":"a0000000-0000-0000-0000-000000000001"}}""",
        """{"$type":"Polls.PollBallotCast","poll":"e1000000-0000-0000-0000-000000000011","ballot":{"voter":"a0000000-0000-0000-0000-000000000002","ranking":["reading"],"points":{}},"at":"2026-03-02T10:00:00Z","by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000002","onBehalfOf":"a0000000-0000-0000-0000-000000000002"}}""",
        """{"$type":"Polls.PollBallotCast","poll":"e1000000-0000-0000-0000-000000000011","ballot":{"voter":"a0000000-0000-0000-0000-000000000003","ranking":["girls","reading"],"points":{}},"at":"2026-03-02T10:00:00Z","by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000003","onBehalfOf":"a0000000-0000-0000-0000-000000000003"}}""",
        """{"$type":"Polls.PollBallotCast","poll":"e1000000-0000-0000-0000-000000000011","ballot":{"voter":"a0000000-0000-0000-0000-000000000004","ranking":["girls"],"points":{}},"at":"2026-03-02T10:00:00Z","by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000004","onBehalfOf":"a0000000-0000-0000-0000-000000000004"}}""",
        """{"$type":"Polls.PollBallotCast","poll":"e1000000-0000-0000-0000-000000000011","ballot":{"voter":"a0000000-0000-0000-0000-000000000005","ranking":["maths","girls"],"points":{}},"at":"2026-03-02T10:00:00Z","by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000005","onBehalfOf":"a0000000-0000-0000-0000-000000000005"}}""",
        """{"$type":"Polls.PollClosed","poll":"e1000000-0000-0000-0000-000000000011","result":{"method":"RankedChoice","winners":["girls"],"rounds":[{"number":1,"totals":[{"option":"reading","votes":2},{"option":"maths","votes":1},{"option":"girls","votes":2}],"elected":[],"eliminated":["maths"],"exhausted":0,"note":"No majority of the 5 continuing ballots; Maths has the fewest votes and is eliminated."},{"number":2,"totals":[{"option":"reading","votes":2},{"option":"girls","votes":3}],"elected":["girls"],"eliminated":[],"exhausted":0,"note":"Girls\u0027 education has a majority of the 5 continuing ballots."}],"ballots":5,"runoff":[],"tiesBrokenByLot":false,"explanation":"Chosen: Girls\u0027 education.\nRound 1: Reading 2, Maths 1, Girls\u0027 education 2. No majority of the 5 continuing ballots; Maths has the fewest votes and is eliminated.\nRound 2: Reading 2, Girls\u0027 education 3. Girls\u0027 education has a majority of the 5 continuing ballots.","emptyBallots":0,"ties":[]},"seed":7,"at":"2026-03-02T11:00:00Z","by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000900"}}""",
    ];

    /// <summary>A Gregory STV election's PollClosed as an earlier version stored it (the food election; schema version 1).</summary>
    internal const string StoredGregoryClosedV1 =
        """{"$type":"Polls.PollClosed","poll":"e1000000-0000-0000-0000-000000000012","result":{"method":"SingleTransferableVote","winners":["Chocolate","Orange","Strawberry"],"rounds":[{"number":1,"totals":[{"option":"Orange","votes":4},{"option":"Pear","votes":2},{"option":"Chocolate","votes":12},{"option":"Strawberry","votes":1},{"option":"Hamburger","votes":1}],"elected":["Chocolate"],"eliminated":[],"exhausted":0,"note":"First preferences; the quota is 6 (20 valid ballots, 3 seats)."},{"number":2,"totals":[{"option":"Orange","votes":4},{"option":"Pear","votes":2},{"option":"Chocolate","votes":6},{"option":"Strawberry","votes":5},{"option":"Hamburger","votes":3}],"elected":[],"eliminated":["Pear"],"exhausted":0,"note":"Chocolate\u0027s surplus of 6 passes on: each ballot at its value \u00D7 6 \u00F7 12, to five decimals."},{"number":3,"totals":[{"option":"Orange","votes":6},{"option":"Chocolate","votes":6},{"option":"Strawberry","votes":5},{"option":"Hamburger","votes":3}],"elected":["Orange"],"eliminated":["Hamburger"],"exhausted":0,"note":"Pears has the fewest votes and is excluded; its ballots pass on at their current value."},{"number":4,"totals":[{"option":"Orange","votes":6},{"option":"Chocolate","votes":6},{"option":"Strawberry","votes":5}],"elected":["Strawberry"],"eliminated":[],"exhausted":3,"note":"Hamburgers has the fewest votes and is excluded; its ballots pass on at their current value. Strawberries: as many continuing as seats left, elected."}],"ballots":20,"runoff":[],"tiesBrokenByLot":false,"explanation":"Elected, in order: Chocolate, Oranges and Strawberries.\nRound 1: Oranges 4, Pears 2, Chocolate 12, Strawberries 1, Hamburgers 1. First preferences; the quota is 6 (20 valid ballots, 3 seats).\nRound 2: Oranges 4, Pears 2, Chocolate 6, Strawberries 5, Hamburgers 3. Chocolate\u0027s surplus of 6 passes on: each ballot at its value \u00D7 6 \u00F7 12, to five decimals.\nRound 3: Oranges 6, Chocolate 6, Strawberries 5, Hamburgers 3. Pears has the fewest votes and is excluded; its ballots pass on at their current value.\nRound 4: Oranges 6, Chocolate 6, Strawberries 5, exhausted 3. Hamburgers has the fewest votes and is excluded; its ballots pass on at their current value. Strawberries: as many continuing as seats left, elected.","emptyBallots":0,"ties":[]},"seed":0,"at":"2026-03-02T11:00:00Z","by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000900"}}""";

    private static readonly PollOption[] Foods = WorkedExampleTests.Foods;

    private static readonly PollRule Gregory = new(PollMethod.SingleTransferableVote, Seats: 3, Transfer: StvTransfer.WeightedInclusiveGregory);

    [Fact]
    public void A_closed_polls_stored_result_holds_figures_and_no_prose()
    {
        var poll = Closed(new PollRule(PollMethod.RankedChoice), ["reading"], ["reading"], ["girls", "reading"], ["girls"], ["maths", "girls"]);

        var stored = JsonNode.Parse(CoalitionsJson.SerializeEvent(poll.DequeueUncommittedEvents().OfType<PollClosed>().Single()))!["result"]!.AsObject();

        Assert.False(stored.ContainsKey("explanation"));
        Assert.All(stored["rounds"]!.AsArray(), round => Assert.False(round!.AsObject().ContainsKey("note")));
        Assert.Equal([3m, 3m], stored["rounds"]!.AsArray().Select(r => r!["threshold"]!.GetValue<decimal>()));
        Assert.DoesNotContain("Girls' education", stored.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_explanation_is_rendered_from_the_figures_when_a_closed_poll_is_read()
    {
        var poll = Closed(new PollRule(PollMethod.RankedChoice), ["reading"], ["reading"], ["girls", "reading"], ["girls"], ["maths", "girls"]);
        var stored = poll.DequeueUncommittedEvents().Select(CoalitionsJson.SerializeEvent).ToArray();

        var read = Poll.Rehydrate(stored.Select(CoalitionsJson.DeserializeEvent));

        Assert.Equal(
            "Chosen: Girls' education.\nRound 1: Reading 2, Maths 1, Girls' education 2. No majority of the 5 continuing ballots; Maths has the fewest votes and is eliminated.\n" +
            "Round 2: Reading 2, Girls' education 3. Girls' education has a majority of the 5 continuing ballots.",
            read.Result!.Explanation);
        Assert.Equal(poll.Result!.Explanation, read.Result.Explanation);
        Assert.Equal("Girls' education has a majority of the 5 continuing ballots.", read.Result.Rounds[1].Note);
    }

    [Fact]
    public void A_result_read_on_its_own_carries_figures_and_is_worded_with_the_rule_and_labels()
    {
        var counted = PollTally.Count(Gregory, Foods, WorkedExampleTests.Food());

        var read = CoalitionsJson.Deserialize<PollResult>(CoalitionsJson.Serialize(counted))!;

        Assert.Equal(string.Empty, read.Explanation);
        Assert.All(read.Rounds, round => Assert.Equal(string.Empty, round.Note));
        Assert.Equal(counted.Explanation, read.WithExplanation(Gregory, Foods).Explanation);
        Assert.Equal(counted.Rounds.Select(r => r.Note), read.WithExplanation(Gregory, Foods).Rounds.Select(r => r.Note));
    }

    [Fact]
    public void Better_wording_reaches_old_results_because_only_figures_are_stored()
    {
        var counted = PollTally.Count(Gregory, Foods, WorkedExampleTests.Food());
        var relabelled = Foods.Select(o => o with { Label = o.Label.ToUpperInvariant() }).ToArray();

        var reworded = counted.WithExplanation(Gregory, relabelled);

        Assert.StartsWith("Elected, in order: CHOCOLATE, ORANGES and STRAWBERRIES.", reworded.Explanation, StringComparison.Ordinal);
        Assert.Equal(counted.Winners, reworded.Winners);
    }

    [Fact]
    public async Task A_poll_closed_by_an_earlier_version_with_its_prose_loads_through_the_upcaster_and_is_worded_from_its_figures()
    {
        var events = new InMemoryEventStore();
        var id = PollId.Parse("e1000000-0000-0000-0000-000000000011");
        var streamName = Poll.Rehydrate(StoredInstantRunoffV1.Take(1).Select(CoalitionsJson.DeserializeEvent)).StreamName;
        var data = StoredInstantRunoffV1.Select(json => new EventData(Guid.NewGuid(), (string)JsonNode.Parse(json)!["$type"]!, 1, Start, json, "{}")).ToArray();
        await events.AppendAsync(streamName, 0, data);

        var poll = await new AggregateStore(events, new FakeClock(Start)).LoadAsync<Poll>(id);

        Assert.Equal(PollStatus.Closed, poll.Status);
        Assert.Equal(["girls"], poll.Result!.Winners);
        Assert.Equal((string)JsonNode.Parse(StoredInstantRunoffV1[^1])!["result"]!["explanation"]!, poll.Result.Explanation);
        Assert.Equal(2, EventSerializer.Default.SchemaVersionOf("Polls.PollClosed"));
    }

    [Fact]
    public void The_upcaster_drops_the_prose_of_a_version_one_result()
    {
        var stored = new StoredEvent(Guid.NewGuid(), "poll-e1000000-0000-0000-0000-000000000012", 24, 24, "Polls.PollClosed", 1, Start, StoredGregoryClosedV1, "{}");

        var closed = (PollClosed)EventSerializer.Default.Deserialize(stored);
        var json = JsonNode.Parse(CoalitionsJson.SerializeEvent(closed))!["result"]!.AsObject();

        Assert.False(json.ContainsKey("explanation"));
        Assert.All(json["rounds"]!.AsArray(), round => Assert.False(round!.AsObject().ContainsKey("note")));
        Assert.Equal(["Chocolate", "Orange", "Strawberry"], closed.Result.Winners);
    }

    [Fact]
    public void Reading_a_version_one_event_without_the_serializer_ignores_its_prose()
    {
        var closed = (PollClosed)CoalitionsJson.DeserializeEvent(StoredGregoryClosedV1);

        Assert.Equal(string.Empty, closed.Result.Explanation);
        Assert.Equal(4, closed.Result.Rounds.Count);
    }

    [Fact]
    public void An_old_result_is_worded_from_the_figures_it_has_and_leaves_out_those_it_never_recorded()
    {
        var closed = (PollClosed)EventSerializer.Default.Deserialize(
            new StoredEvent(Guid.NewGuid(), "poll-e1000000-0000-0000-0000-000000000012", 24, 24, "Polls.PollClosed", 1, Start, StoredGregoryClosedV1, "{}"));

        var words = closed.Result.WithExplanation(Gregory, Foods);

        Assert.Equal(
            "Elected, in order: Chocolate, Oranges and Strawberries.\n" +
            "Round 1: Oranges 4, Pears 2, Chocolate 12, Strawberries 1, Hamburgers 1. First preferences (20 valid ballots, 3 seats).\n" +
            "Round 2: Oranges 4, Pears 2, Chocolate 6, Strawberries 5, Hamburgers 3. A surplus passes on.\n" +
            "Round 3: Oranges 6, Chocolate 6, Strawberries 5, Hamburgers 3. Pears has the fewest votes and is excluded; its ballots pass on at their current value.\n" +
            "Round 4: Oranges 6, Chocolate 6, Strawberries 5, exhausted 3. Hamburgers has the fewest votes and is excluded; its ballots pass on at their current value.",
            words.Explanation);
    }

    [Fact]
    public void A_stored_result_with_a_figure_out_of_range_is_unreadable()
    {
        var negative = StoredGregoryClosedV1.Replace("\"exhausted\":3", "\"exhausted\":-3", StringComparison.Ordinal);
        var huge = StoredGregoryClosedV1.Replace("{\"option\":\"Orange\",\"votes\":4}", "{\"option\":\"Orange\",\"votes\":1e20}", StringComparison.Ordinal);

        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(negative)).Code);
        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(huge)).Code);
    }

    [Fact]
    public void Wording_never_fails_on_figures_that_name_unknown_options_or_lack_a_tie_choice()
    {
        PollRound[] rounds = [new(1, [new("x", 2), new("y", 1)], [], ["ghost"], 0) { SurplusTransferred = "nobody" }, new(2, [], ["x"], [], 1) { ElectedWithoutQuota = ["x"] }];
        var odd = new PollResult(PollMethod.SingleTransferableVote, ["x", "zz"], rounds, 3, [], true) { Ties = [new PollTie(1, TieKind.LastPlace, ["ghost"], null, TieResolution.Lot)] };

        foreach (var method in Enum.GetValues<PollMethod>())
        {
            foreach (var transfer in Enum.GetValues<StvTransfer>())
            {
                var words = (odd with { Method = method }).WithExplanation(new PollRule(method, Transfer: transfer), Options("x"));
                Assert.NotNull(words.Explanation);
            }
        }

        var pending = new PollResult(PollMethod.RankedChoice, [], [], 0, [], false) { PendingTie = new PollTie(1, TieKind.FirstPlace, ["a", "b"], null, TieResolution.Host) };
        Assert.StartsWith("The count stops at round 1: A and B tie for first place", pending.WithExplanation(new PollRule(PollMethod.RankedChoice), Options("a", "b")).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_words_are_in_the_invariant_culture_whatever_the_current_culture()
    {
        var meek = new PollRule(PollMethod.SingleTransferableVote, Seats: 3);
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var result = PollTally.Count(meek, Foods, WorkedExampleTests.Food());

            Assert.Contains("Quota 4.714285967.", result.Rounds[0].Note, StringComparison.Ordinal);
            Assert.Contains("Chocolate 4.714286196", result.Explanation, StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }

    public static TheoryData<PollRule> RankedRules() =>
    [
        new PollRule(PollMethod.RankedChoice),
        new PollRule(PollMethod.RankedChoice, BatchElimination: true, ContinueUntilTwoRemain: true),
        new PollRule(PollMethod.RankedChoice, ThresholdFromFirstRound: true, Purpose: PollPurpose.Election),
        new PollRule(PollMethod.RankedChoice, TieBreak: TieBreak.HostDecision),
        new PollRule(PollMethod.Copeland),
        new PollRule(PollMethod.SingleTransferableVote, Seats: 2),
        new PollRule(PollMethod.SingleTransferableVote, Seats: 2, BatchElimination: true),
        new PollRule(PollMethod.SingleTransferableVote, Seats: 2, Transfer: StvTransfer.WeightedInclusiveGregory),
        new PollRule(PollMethod.SingleTransferableVote, Seats: 3, Transfer: StvTransfer.WeightedInclusiveGregory, BatchElimination: true, TieBreak: TieBreak.EarlierRoundsThenHostDecision),
    ];

    [Theory]
    [MemberData(nameof(RankedRules))]
    public void Words_rendered_from_the_stored_figures_are_the_words_of_the_count(PollRule rule)
    {
        var options = Options("a", "b", "c", "d", "e");
        Gen.Int[0, 4].Array[0, 5].Select(r => r.Distinct().Select(i => ((char)('a' + i)).ToString()).ToArray()).Array[1, 40].Select(rankings => rankings.Select((r, v) => PollBallot.Ranked(Partner(v + 1), r)).ToArray()).Sample(
            ballots => Reworded(PollTally.Count(rule, options, ballots, 3), rule, options),
            iter: 100);
    }

    [Theory]
    [InlineData(PollMethod.Plurality)]
    [InlineData(PollMethod.Approval)]
    [InlineData(PollMethod.Score)]
    [InlineData(PollMethod.DotVote)]
    [InlineData(PollMethod.MeetingTime)]
    public void Words_rendered_from_the_stored_figures_of_a_single_round_count_are_the_words_of_the_count(PollMethod method)
    {
        var rule = new PollRule(method, RequireMajority: method == PollMethod.Plurality);
        var options = Options("a", "b", "c", "d");
        Gen.Int[0, 2].Array[4].Array[1, 30].Sample(
            marks =>
            {
                var ballots = marks.Select((m, v) => method switch
                {
                    PollMethod.Plurality => PollBallot.Ranked(Partner(v + 1), ((char)('a' + m[0])).ToString()),
                    PollMethod.Approval => PollBallot.Ranked(Partner(v + 1), m.Select((x, i) => (x, i)).Where(p => p.x > 0).Select(p => ((char)('a' + p.i)).ToString()).ToArray()),
                    PollMethod.MeetingTime => PollBallot.Availability(Partner(v + 1), m.Select((x, i) => (x, i)).ToDictionary(p => ((char)('a' + p.i)).ToString(), p => (SlotAnswer)p.x)),
                    _ => PollBallot.Scored(Partner(v + 1), new Dictionary<string, int> { [((char)('a' + m[0])).ToString()] = m[1] + 1 }),
                }).ToArray();
                return Reworded(PollTally.Count(rule, options, ballots, 5), rule, options);
            },
            iter: 100);
    }

    private static bool Reworded(PollResult counted, PollRule rule, PollOption[] options)
    {
        var stored = CoalitionsJson.Deserialize<PollResult>(CoalitionsJson.Serialize(counted))!.WithExplanation(rule, options);
        return stored.Explanation == counted.Explanation && stored.Rounds.Select(r => r.Note).SequenceEqual(counted.Rounds.Select(r => r.Note)) && counted.Explanation.Length > 0;
    }

    [Fact]
    public void Counts_in_a_polls_explanation_are_written_with_thousands_separators_as_in_every_other_text()
    {
        // 1,200 ranked ballots: 700 for reading, 500 for girls' education after a first preference for maths.
        var rankings = Enumerable.Range(0, 1_200).Select(i => i < 700 ? new[] { "reading" } : ["maths", "girls"]).ToArray();

        var explanation = Closed(new PollRule(PollMethod.RankedChoice), rankings).Result!.Explanation;

        Assert.Equal("Chosen: Reading.\nRound 1: Reading 700, Maths 500, Girls' education 0. Reading has a majority of the 1,200 continuing ballots.", explanation);
    }

    private static Poll Closed(PollRule rule, params string[][] rankings)
    {
        var poll = Poll.Draft(PollId.Parse("e1000000-0000-0000-0000-000000000011"), new PollDraft(TheCoalition, "Which campaign theme next year?", [new("reading", "Reading"), new("maths", "Maths"), new("girls", "Girls' education")], rule, [Chair]), ChairActor, Start);
        poll.Open(Members(rankings.Length), Hours(48), ChairActor, Start);
        for (var i = 0; i < rankings.Length; i++)
        {
            poll.CastBallot(PollBallot.Ranked(Partner(i + 1), rankings[i]), For(i + 1), Hours(1));
        }

        poll.Close(ChairActor, Hours(2), seed: 7);
        return poll;
    }
}
