using System.Text.Json.Nodes;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;
using Coalitions.Core.Storage;
using NodaTime.Testing;
using static Coalitions.Core.Decisions.Stance;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>
/// Stored events hold facts, not prose: a closed round stores the figures of its outcome, and the explanation is rendered
/// when read, from the figures and the round's rule. Rounds stored by version 1 with their explanation in prose still load.
/// </summary>
public class StoredOutcomeTests
{
    // The tail of a proposal's history exactly as version 1 of RoundClosed stored it (the JSON snapshot of that version):
    // round 1 (consensus) blocked and falling back, round 2 (a chamber vote) opened, three ballots, round 2 adopted.
    internal const string StoredRoundOneClosedV1 =
        """{"$type":"Decisions.RoundClosed","proposal":"d0000000-0000-0000-0000-000000000001","round":1,"outcome":{"result":"Blocked","method":"Consensus","rule":"consensus: stand-asides at most 1; quorum one half of members present; if blocked, falls back to chamber vote: more than one half of votes cast in every chamber; veto holders may veto","electorateSize":3,"electorateWeight":3,"tally":{"headcount":{"support":2,"oppose":0,"abstain":0,"standAside":0,"block":1,"object":0},"weight":{"support":2,"oppose":0,"abstain":0,"standAside":0,"block":1,"object":0}},"chambers":[{"chamber":"north","tally":{"headcount":{"support":1,"oppose":0,"abstain":0,"standAside":0,"block":0,"object":0},"weight":{"support":1,"oppose":0,"abstain":0,"standAside":0,"block":0,"object":0}}},{"chamber":"south","tally":{"headcount":{"support":1,"oppose":0,"abstain":0,"standAside":0,"block":1,"object":0},"weight":{"support":1,"oppose":0,"abstain":0,"standAside":0,"block":1,"object":0}}}],"quorum":{"rule":"one half of members present","measure":"Headcount","counted":3,"required":2,"basis":3,"met":true},"conditions":[],"vetoes":[],"objections":["a0000000-0000-0000-0000-000000000002"],"awaitsCastingVote":false,"explanation":"Blocked. 3 of 3 members took part; quorum of one half of members present (2) met, 3 present.\nSupport 2, stand aside 0, block 1.\nBlocked by Member 2."},"ending":"Fallback","at":"2026-03-02T14:00:00Z","by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000900"}}""";

    private const string StoredRoundTwoOpened =
        """{"$type":"Decisions.VotingOpened","proposal":"d0000000-0000-0000-0000-000000000001","round":2,"stage":1,"revision":2,"rule":{"method":"ChamberVote","conditions":[],"chamberCondition":{"threshold":{"numerator":1,"denominator":2},"comparison":"MoreThan","base":"VotesCast","measure":"Headcount"},"abstentionAllowed":false,"veto":true,"castingVote":false,"timing":{"votingPeriod":"168:00:00","closeWhenAllVoted":true,"closeWhenCertain":false},"ballotsFinal":false,"reasonsRequired":"Block, Object"},"deadline":"2026-03-09T14:00:00Z","at":"2026-03-02T14:00:00Z","by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000900"}}""";

    private const string StoredBallotOneV1 =
        """{"$type":"Decisions.BallotCast","proposal":"d0000000-0000-0000-0000-000000000001","round":2,"voter":"a0000000-0000-0000-0000-000000000001","stance":"Support","at":"2026-03-02T15:00:00Z","by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000001","onBehalfOf":"a0000000-0000-0000-0000-000000000001"}}""";

    private const string StoredBallotTwoV1 =
        """{"$type":"Decisions.BallotCast","proposal":"d0000000-0000-0000-0000-000000000001","round":2,"voter":"a0000000-0000-0000-0000-000000000002","stance":"Abstain","at":"2026-03-02T15:00:00Z","by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000002","onBehalfOf":"a0000000-0000-0000-0000-000000000002"}}""";

    private const string StoredBallotThreeV1 =
        """{"$type":"Decisions.BallotCast","proposal":"d0000000-0000-0000-0000-000000000001","round":2,"voter":"a0000000-0000-0000-0000-000000000003","stance":"Support","at":"2026-03-02T15:00:00Z","by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000003","onBehalfOf":"a0000000-0000-0000-0000-000000000003"}}""";

    internal const string StoredRoundTwoClosedV1 =
        """{"$type":"Decisions.RoundClosed","proposal":"d0000000-0000-0000-0000-000000000001","round":2,"outcome":{"result":"Adopted","method":"ChamberVote","rule":"chamber vote: more than one half of votes cast in every chamber; veto holders may veto","electorateSize":3,"electorateWeight":3,"tally":{"headcount":{"support":2,"oppose":0,"abstain":1,"standAside":0,"block":0,"object":0},"weight":{"support":2,"oppose":0,"abstain":1,"standAside":0,"block":0,"object":0}},"chambers":[{"chamber":"north","tally":{"headcount":{"support":1,"oppose":0,"abstain":0,"standAside":0,"block":0,"object":0},"weight":{"support":1,"oppose":0,"abstain":0,"standAside":0,"block":0,"object":0}}},{"chamber":"south","tally":{"headcount":{"support":1,"oppose":0,"abstain":1,"standAside":0,"block":0,"object":0},"weight":{"support":1,"oppose":0,"abstain":1,"standAside":0,"block":0,"object":0}}}],"conditions":[{"condition":"more than one half of votes cast","chamber":"north","part":1,"whole":1,"percent":100,"met":true,"tie":false},{"condition":"more than one half of votes cast","chamber":"south","part":1,"whole":1,"percent":100,"met":true,"tie":false}],"vetoes":[],"objections":[],"awaitsCastingVote":false,"explanation":"Adopted. 3 of 3 members took part; no quorum was required.\nSupport 2, oppose 0, abstain 1.\nMore than one half of votes cast needed in chamber north: 1 of 1 (100 %).\nMore than one half of votes cast needed in chamber south: 1 of 1 (100 %)."},"ending":"Final","at":"2026-03-02T16:00:00Z","by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000900"}}""";

    private readonly InMemoryEventStore _events = new();

    [Fact]
    public async Task A_round_stored_with_its_explanation_in_prose_loads_through_its_upcaster_and_is_explained_anew_in_the_same_words()
    {
        var proposal = BlockedConsensusBeforeItCloses();
        var store = new AggregateStore(_events, new FakeClock(Start));
        await store.SaveAsync(proposal);
        await _events.AppendAsync(proposal.StreamName, proposal.Version,
        [
            Stored("Decisions.RoundClosed", 1, StoredRoundOneClosedV1),
            Stored("Decisions.VotingOpened", 1, StoredRoundTwoOpened),
            Stored("Decisions.BallotCast", 1, StoredBallotOneV1),
            Stored("Decisions.BallotCast", 1, StoredBallotTwoV1),
            Stored("Decisions.BallotCast", 1, StoredBallotThreeV1),
            Stored("Decisions.RoundClosed", 1, StoredRoundTwoClosedV1),
        ]);

        var loaded = await store.LoadAsync<Proposal>(proposal.Id);

        Assert.Equal(ProposalStatus.Closed, loaded.Status);
        Assert.Equal([DecisionResult.Blocked, DecisionResult.Adopted], loaded.Rounds.Select(r => r.Outcome!.Result));
        Assert.Equal(ExplanationStoredIn(StoredRoundOneClosedV1), loaded.Rounds[0].Outcome!.Explain(loaded.Rounds[0].Rule, loaded.Electorate));
        Assert.Equal(ExplanationStoredIn(StoredRoundTwoClosedV1), loaded.Explanation);
    }

    [Fact]
    public void Read_without_its_schema_version_a_version_one_round_loads_the_same_figures_and_ignores_the_prose()
    {
        var stored = new StoredEvent(Guid.NewGuid(), "proposal-d0000000000000000000000000000001", 15, 15, "Decisions.RoundClosed", 1, Start, StoredRoundTwoClosedV1, "{}");

        var upcast = EventSerializer.Default.Deserialize(stored);
        var tolerated = CoalitionsJson.DeserializeEvent(StoredRoundTwoClosedV1);

        Assert.Equal(CoalitionsJson.SerializeEvent(upcast), CoalitionsJson.SerializeEvent(tolerated));
    }

    [Fact]
    public void A_closed_round_is_stored_as_figures_without_prose_at_schema_version_two()
    {
        var proposal = Voting(DecisionRule.TwoThirdsMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half)), Members(3));
        proposal.Vote(1, Support);
        proposal.Vote(2, Support);
        proposal.Vote(3, Oppose);
        proposal.Close(ChairActor, Hours(2));

        var closed = proposal.DequeueUncommittedEvents().OfType<RoundClosed>().Single();
        var outcome = JsonNode.Parse(CoalitionsJson.SerializeEvent(closed))!["outcome"]!.AsObject();

        Assert.DoesNotContain("explanation", outcome.Select(p => p.Key));
        Assert.DoesNotContain("rule", outcome.Select(p => p.Key));
        Assert.DoesNotContain("rule", outcome["quorum"]!.AsObject().Select(p => p.Key));
        Assert.DoesNotContain("condition", outcome["conditions"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal(2, EventSerializer.Default.SchemaVersionOf("Decisions.RoundClosed"));
    }

    [Fact]
    public void An_outcome_explained_under_another_rule_says_what_does_not_fit()
    {
        var withProxies = DecisionRule.SimpleMajority().WithProxies();
        var byProxy = DecisionTally.Evaluate(withProxies, Members(3), [new Ballot(Partner(1), Support, ByProxy: true), new Ballot(Partner(2), Oppose)]);
        var chambers = new Electorate([Voter(1, chamber: "north"), Voter(2, chamber: "south")], [new Chamber("north", 1), new Chamber("south", 1)]);
        var twoConditions = DecisionRule.ChamberVote(PassCondition.MoreThan(Fraction.Half, VoteBase.VotesCast), PassCondition.AtLeast(Fraction.TwoThirds, VoteBase.VotesCast));
        var chamberOutcome = DecisionTally.Evaluate(twoConditions, chambers, [new Ballot(Partner(1), Support), new Ballot(Partner(2), Support)]);

        Assert.EndsWith("it has proxy figures, and the rule takes no proxies.", Assert.Throws<CoalitionRuleException>(() => byProxy.Explain(DecisionRule.SimpleMajority())).Message, StringComparison.Ordinal);
        Assert.EndsWith(
            "it has figures for other conditions than the rule's.",
            Assert.Throws<CoalitionRuleException>(() => chamberOutcome.Explain(DecisionRule.ChamberVote(PassCondition.MoreThan(Fraction.Half, VoteBase.VotesCast), PassCondition.AtLeast(Fraction.TwoThirds, VoteBase.VotesCast), PassCondition.AtLeast(Fraction.ThreeQuarters, VoteBase.VotesCast)))).Message,
            StringComparison.Ordinal);
        Assert.EndsWith(
            "it has figures for other conditions than the rule's.",
            Assert.Throws<CoalitionRuleException>(() => chamberOutcome.Explain(DecisionRule.ChamberVote(null, PassCondition.AtLeast(Fraction.TwoThirds, VoteBase.VotesCast)))).Message,
            StringComparison.Ordinal);
        Assert.StartsWith("Adopted.", chamberOutcome.Explain(twoConditions, chambers), StringComparison.Ordinal);
    }

    [Fact]
    public void A_majority_outcome_claiming_figures_in_a_chamber_is_not_the_majority_rules()
    {
        // A majority vote has no chambers: figures that name one cannot be its outcome, even with its own overall condition.
        var rule = DecisionRule.SimpleMajority();
        var outcome = DecisionTally.Evaluate(rule, Members(3), Ballots(Support, Support, Oppose));
        var inChamber = outcome with { Conditions = [.. outcome.Conditions, outcome.Conditions[0] with { Chamber = "north" }] };
        var onlyInChamber = outcome with { Conditions = [outcome.Conditions[0] with { Chamber = "north" }] };

        Assert.StartsWith("Adopted.", outcome.Explain(rule), StringComparison.Ordinal);
        foreach (var forged in new[] { inChamber, onlyInChamber })
        {
            var refusal = Assert.Throws<CoalitionRuleException>(() => forged.Explain(rule));
            Assert.Equal(ErrorCodes.Decisions.OutcomeOfAnotherRule, refusal.Code);
            Assert.EndsWith("it has figures for other conditions than the rule's.", refusal.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_outcome_is_explained_only_under_the_rule_it_was_decided_by()
    {
        var outcome = DecisionTally.Evaluate(DecisionRule.QualifiedMajority(), Members(3), Ballots(Support, Support, Oppose));

        var refusal = Assert.Throws<CoalitionRuleException>(() => outcome.Explain(DecisionRule.Consensus()));
        Assert.Equal(ErrorCodes.Decisions.OutcomeOfAnotherRule, refusal.Code);
        Assert.Equal(ErrorCodes.Decisions.OutcomeOfAnotherRule, Assert.Throws<CoalitionRuleException>(() => outcome.Explain(DecisionRule.SimpleMajority())).Code);
        Assert.Equal(ErrorCodes.Decisions.OutcomeOfAnotherRule, Assert.Throws<CoalitionRuleException>(() => outcome.Explain(DecisionRule.QualifiedMajority().WithQuorum(QuorumRule.AtLeastMembers(2)))).Code);

        // The refusal says what does not fit.
        const string Opening = "This outcome was not decided by the rule given: ";
        Assert.StartsWith(Opening, refusal.Message, StringComparison.Ordinal);
        Assert.True(refusal.Message.Length > Opening.Length + 10 && !refusal.Message.Contains('{', StringComparison.Ordinal), refusal.Message);
    }

    [Fact]
    public void A_stored_round_whose_figures_do_not_fit_the_rounds_rule_is_refused()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(2));
        proposal.Vote(1, Support);
        proposal.Vote(2, Support);
        proposal.Close(ChairActor, Hours(2));
        var history = proposal.DequeueUncommittedEvents().ToList();
        var closed = (RoundClosed)history[^1];
        var consensus = DecisionTally.Evaluate(DecisionRule.Consensus(), Members(2), Ballots(Support, Support));

        history[^1] = closed with { Outcome = consensus };

        var error = Assert.Throws<StoredEventException>(() => Proposal.Rehydrate(history));
        Assert.Equal(ErrorCodes.Kernel.CorruptHistory, error.Code);
    }

    [Fact]
    public void An_exact_share_is_stored_as_numerator_over_denominator_in_lowest_terms()
    {
        var figures = new ConditionFigures(null, null, null, 81, true, false, new ExactShare(58, 72));

        var json = CoalitionsJson.Serialize(figures);

        Assert.Contains("\"weightedShare\":\"29/36\"", json, StringComparison.Ordinal);
        Assert.Equal(figures, CoalitionsJson.Deserialize<ConditionFigures>(json));
    }

    [Theory]
    [InlineData("\"1/0\"")]
    [InlineData("\"-1/2\"")]
    [InlineData("\"1 /2\"")]
    [InlineData("\"+1/2\"")]
    [InlineData("\"1/2/3\"")]
    [InlineData("\"0.5\"")]
    [InlineData("0.5")]
    [InlineData("\"/2\"")]
    public void A_stored_exact_share_is_read_only_as_digits_over_digits(string share)
    {
        var stored = JsonNode.Parse(StoredRoundTwoClosedV1)!.AsObject();
        stored["outcome"]!["conditions"]![0]!["weightedShare"] = JsonNode.Parse(share);

        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(stored.ToJsonString())).Code);
    }

    [Fact]
    public void A_stored_exact_share_of_absurd_length_is_unreadable()
    {
        var stored = JsonNode.Parse(StoredRoundTwoClosedV1)!.AsObject();
        stored["outcome"]!["conditions"]![0]!["weightedShare"] = "1/" + new string('7', ExactShare.MaxDigits + 1);

        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(stored.ToJsonString())).Code);
    }

    // The first proposal of the JSON samples: consensus with chambers, three ballots in round 1, not yet closed.
    private static Proposal BlockedConsensusBeforeItCloses()
    {
        var chambers = new Electorate([Voter(1, chamber: "north"), Voter(2, chamber: "south"), Voter(3, chamber: "south", veto: true)], [new Chamber("north", 1), new Chamber("south", 1)]);
        var consensus = DecisionRule.Consensus(new StandAsideLimit(1, null))
            .WithQuorum(QuorumRule.OfMembersPresent(Fraction.Half))
            .WithFallback(DecisionRule.ChamberVote(PassCondition.MoreThan(Fraction.Half, VoteBase.VotesCast)).WithVeto(), FallbackWhen.Blocked);
        var proposal = Discussed(consensus, secondersRequired: 1);
        proposal.Revise("The coalition publishes all its data openly.", "Clearer scope.", For(1), Hours(1));
        proposal.SecondBy(2, chambers, atHours: 2);
        proposal.OpenVoting(chambers, ChairActor, Hours(3));
        proposal.RecordAttendance([Partner(1), Partner(2), Partner(3)], ChairActor, Hours(3));
        proposal.Vote(1, Support, 4);
        proposal.Vote(2, Block, 4, "Costs are not covered.");
        proposal.Vote(3, Support, 4);
        return proposal;
    }

    private static string ExplanationStoredIn(string json) => JsonNode.Parse(json)!["outcome"]!["explanation"]!.GetValue<string>();

    private static EventData Stored(string type, int schemaVersion, string json) => new(Guid.NewGuid(), type, schemaVersion, Start, json, "{}");
}
