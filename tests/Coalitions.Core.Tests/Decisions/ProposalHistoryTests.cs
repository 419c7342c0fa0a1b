using System.Text.Json.Nodes;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;
using Coalitions.Core.Storage;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Decisions.Stance;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>
/// Stored events are untrusted: a proposal's history replays only in an order its lifecycle allows and with
/// references to things that exist, and stored rules and electorates are checked as strictly as new ones.
/// </summary>
public class ProposalHistoryTests
{
    private static readonly ProposalId Id = ProposalNumber(1);

    /// <summary>Drafted, submitted, open for voting before members 1 to 3, and member 1's ballot: four events.</summary>
    private static List<IDomainEvent> InVoting()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));
        proposal.Vote(1, Support);
        return [.. proposal.DequeueUncommittedEvents()];
    }

    private static StoredEventException Corrupt(IEnumerable<IDomainEvent> history)
    {
        var error = Assert.Throws<StoredEventException>(() => Proposal.Rehydrate(history));
        Assert.Equal(ErrorCodes.Kernel.CorruptHistory, error.Code);

        // Refused by the stream check, not by a crash inside Apply that the kernel wrapped.
        Assert.Null(error.InnerException);
        return error;
    }

    private static BallotCast Ballot(int round, int member, Stance stance = Support) => new(Id, round, Partner(member), stance, null, Hours(2), For(member));

    [Fact]
    public void The_history_of_every_state_replays_into_the_same_proposal()
    {
        foreach (var history in ProposalScenario.Histories())
        {
            var stored = history.Select(CoalitionsJson.SerializeEvent).ToArray();

            var rebuilt = Proposal.Rehydrate(stored.Select(CoalitionsJson.DeserializeEvent));

            Assert.Equal(history.Count, rebuilt.Version);
        }
    }

    [Fact]
    public void A_ballot_before_voting_opens_is_refused_and_its_position_named()
    {
        var history = InVoting().Take(2).Append(Ballot(1, 1)).ToList();

        var error = Corrupt(history);

        Assert.Equal(3, error.Position);
        Assert.Contains("no round of voting is open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ballot_from_outside_the_frozen_electorate_is_refused()
    {
        Corrupt(InVoting().Append(Ballot(1, 9)));
    }

    [Fact]
    public void A_ballot_for_another_round_is_refused()
    {
        Corrupt(InVoting().Append(Ballot(2, 2)));
    }

    [Fact]
    public void A_ballot_with_a_stance_the_round_does_not_take_is_refused()
    {
        Corrupt(InVoting().Append(Ballot(1, 2, Block)));
    }

    [Fact]
    public void A_ballot_of_a_recused_member_is_refused()
    {
        var history = InVoting();
        history.Add(new ConflictOfInterestDeclared(Id, Partner(2), "Interest.", Hours(2), For(2)));

        Corrupt(history.Append(Ballot(1, 2)));
    }

    [Fact]
    public void A_first_round_that_freezes_no_electorate_is_refused()
    {
        var history = InVoting().Take(2).Append(new VotingOpened(Id, 1, 0, 1, DecisionRule.SimpleMajority(), null, Hours(100), Start, ChairActor));

        Corrupt(history);
    }

    [Fact]
    public void A_second_round_that_opens_while_the_first_is_open_is_refused()
    {
        var history = InVoting().Append(new VotingOpened(Id, 2, 0, 1, DecisionRule.SimpleMajority(), null, Hours(200), Hours(3), ChairActor));

        Corrupt(history);
    }

    [Fact]
    public void A_second_electorate_cannot_be_frozen_into_a_proposal()
    {
        var proposal = Voting(ProposalScenario.ConsensusWithFallback, Members(2));
        proposal.Vote(1, Support);
        proposal.Vote(2, Block);
        proposal.Close(ChairActor, Hours(2));
        var history = proposal.DequeueUncommittedEvents().ToList();
        var fallback = (VotingOpened)history[^1];

        history[^1] = fallback with { Electorate = Members(5) };

        Corrupt(history);
    }

    [Fact]
    public void A_motion_is_seconded_only_in_discussion_once_per_member_and_never_by_its_proposer()
    {
        var discussed = InVoting().Take(2).ToList();

        Corrupt(discussed.Append(new MotionSeconded(Id, Partner(1), Start, For(1))));
        Corrupt(discussed.Append(new MotionSeconded(Id, Partner(2), Start, For(2))).Append(new MotionSeconded(Id, Partner(2), Start, For(2))));
        Corrupt(InVoting().Append(new MotionSeconded(Id, Partner(2), Hours(3), For(2))));
    }

    [Fact]
    public void Voting_opens_only_once_the_motion_is_seconded_as_the_rule_book_requires()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority(), secondersRequired: 1);
        var history = proposal.DequeueUncommittedEvents().ToList();

        Corrupt(history.Append(new VotingOpened(Id, 1, 0, 1, DecisionRule.SimpleMajority(), Members(3), Hours(100), Start, ChairActor)));
    }

    [Fact]
    public void A_revision_follows_the_last_one()
    {
        Corrupt(InVoting().Take(1).Append(new ProposalRevised(Id, 5, "Text.", null, Start, For(1))));
    }

    [Fact]
    public void Only_an_adopted_proposal_is_implemented()
    {
        Corrupt(InVoting().Append(new ProposalImplemented(Id, null, Hours(3), ChairActor)));
    }

    [Fact]
    public void Nothing_follows_a_withdrawal()
    {
        var history = InVoting();
        history.Add(new ProposalWithdrawn(Id, null, Hours(3), For(1)));

        Corrupt(history.Append(Ballot(1, 2)));
        Corrupt(history.Append(new ProposalSubmitted(Id, Hours(4), For(1))));
    }

    [Fact]
    public void A_round_closes_once()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(1));
        proposal.Vote(1, Support);
        proposal.Close(ChairActor, Hours(2));
        var history = proposal.DequeueUncommittedEvents().ToList();

        Corrupt(history.Append(history[^1]));
    }

    /// <summary>Voting under a rule with proxies before members 1 to 5; member 2 gave its proxy to member 3's representative.</summary>
    private static List<IDomainEvent> WithProxy()
    {
        var proposal = Discussed(ProposalScenario.Proxies);
        proposal.OpenVoting(Members(5), ChairActor, Start);
        proposal.GrantProxy(Partner(2), Person(3), Partner(3), For(2), Hours(1));
        return [.. proposal.DequeueUncommittedEvents()];
    }

    private static BallotCast ByProxy(int voter, int holder) => new(Id, 1, Partner(voter), Support, null, Hours(2), ProposalScenario.HolderFor(holder, voter), Partner(holder));

    [Fact]
    public void A_ballot_cast_by_proxy_replays_only_while_that_proxy_is_in_force()
    {
        Assert.Equal(5, Proposal.Rehydrate(WithProxy().Append(ByProxy(2, 3))).Version);
        Corrupt(WithProxy().Append(ByProxy(1, 3)));
        Corrupt(WithProxy().Append(ByProxy(2, 4)));
        Corrupt(WithProxy().Append(new ProxyRevoked(Id, Partner(2), Hours(2), For(2))).Append(ByProxy(2, 3)));
    }

    [Fact]
    public void A_ballot_cast_by_proxy_after_the_member_voted_itself_is_refused()
    {
        var history = WithProxy();
        history.Add(new BallotCast(Id, 1, Partner(2), Oppose, null, Hours(2), For(2)));

        Corrupt(history.Append(ByProxy(2, 3)));
    }

    [Fact]
    public void A_proxy_is_given_only_in_an_open_round_under_a_rule_that_takes_proxies_to_another_members_representative()
    {
        var beforeVoting = WithProxy().Take(2).Append(new ProxyGranted(Id, Partner(2), Person(3), Partner(3), Hours(1), For(2)));
        var withoutProxies = InVoting().Append(new ProxyGranted(Id, Partner(2), Person(3), Partner(3), Hours(1), For(2)));
        var toItsOwn = WithProxy().Append(new ProxyGranted(Id, Partner(1), Person(1), Partner(1), Hours(1), For(1)));

        Corrupt(beforeVoting);
        Corrupt(withoutProxies);
        Corrupt(toItsOwn);
    }

    [Fact]
    public void A_proxy_is_revoked_only_while_in_force()
    {
        Corrupt(WithProxy().Append(new ProxyRevoked(Id, Partner(1), Hours(2), For(1))));
    }

    [Fact]
    public void Standing_proxies_are_frozen_only_by_the_first_round_and_only_as_they_apply()
    {
        var opened = (VotingOpened)WithProxy()[2];

        Corrupt(WithProxy().Take(2).Append(opened with { Proxies = [ProposalScenario.Standing(4, holder: 3, grantedBy: 3)] }));
        Corrupt(WithProxy().Take(2).Append(opened with { Proxies = [ProposalScenario.Standing(4, holder: 3, until: Start)] }));
        Corrupt(WithProxy().Take(2).Append(opened with { Rule = DecisionRule.SimpleMajority(), Proxies = [ProposalScenario.Standing(4, holder: 3)] }));
        Corrupt(WithProxy().Append(opened with { Round = 2, Electorate = null, Proxies = [ProposalScenario.Standing(4, holder: 3)] }));
    }

    [Fact]
    public void A_stored_voting_period_of_millions_of_days_is_unreadable()
    {
        var stored = JsonNode.Parse(CoalitionsJson.SerializeEvent(InVoting()[0]))!.AsObject();
        stored["rule"]!["timing"]!["votingPeriod"] = "24000000:00:00";

        var error = Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(stored.ToJsonString()));

        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, error.Code);
    }

    [Theory]
    [InlineData("weight", "-1")]
    [InlineData("weight", "1000000000000001")]
    [InlineData("partner", "\"a0000000-0000-0000-0000-000000000002\"")]
    [InlineData("representatives", "[]")]
    [InlineData("representatives", "null")]
    [InlineData("name", "\"Two\\nlines\"")]
    public void A_stored_electorate_is_checked_like_a_new_one(string field, string value)
    {
        // In the shape of schema version 1: one object per voter.
        var opened = InVoting().OfType<VotingOpened>().Single();
        var stored = JsonNode.Parse(CoalitionsJson.SerializeEvent(opened))!.AsObject();
        stored["electorate"] = new JsonObject
        {
            ["voters"] = new JsonArray(opened.Electorate!.Voters.Select(v => (JsonNode)new JsonObject
            {
                ["partner"] = v.Partner.ToString(),
                ["representatives"] = new JsonArray(v.Representatives.Select(p => (JsonNode)JsonValue.Create(p.ToString())).ToArray()),
                ["weight"] = v.Weight,
                ["hasVeto"] = v.HasVeto,
            }).ToArray()),
        };
        Assert.Equal(opened.Electorate.Voters.Select(v => v.Partner), ((VotingOpened)CoalitionsJson.DeserializeEvent(stored.ToJsonString())).Electorate!.Voters.Select(v => v.Partner));
        stored["electorate"]!["voters"]![0]![field] = JsonNode.Parse(value);

        var error = Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(stored.ToJsonString()));

        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, error.Code);
    }

    [Theory]
    [InlineData("weights", "[-1,1,1]")]
    [InlineData("weights", "[1]")]
    [InlineData("names", "[\"Two\\nlines\",null,null]")]
    [InlineData("representativeCounts", "[0,1,1]")]
    [InlineData("representativeCounts", "[2,1,1]")]
    [InlineData("vetoes", "[3]")]
    [InlineData("vetoes", "[1,1]")]
    [InlineData("partners", "\"AAAA\"")]
    [InlineData("partners", "\"not base64\"")]
    [InlineData("representatives", "null")]
    [InlineData("groupOf", "[0,0,0]")]
    public void A_stored_electorate_in_columns_is_checked_like_a_new_one(string column, string value)
    {
        var opened = InVoting().OfType<VotingOpened>().Single();
        var stored = JsonNode.Parse(CoalitionsJson.SerializeEvent(opened))!.AsObject();
        Assert.Equal(opened, CoalitionsJson.DeserializeEvent(stored.ToJsonString()) is VotingOpened read && read.Electorate!.Voters.SequenceEqual(opened.Electorate!.Voters, new VoterComparer()) ? opened : null);
        stored["electorate"]![column] = JsonNode.Parse(value);

        var error = Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(stored.ToJsonString()));

        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, error.Code);
    }

    [Fact]
    public void A_voting_opened_in_schema_version_one_loads_through_its_upcaster_with_the_same_electorate()
    {
        var opened = InVoting().OfType<VotingOpened>().Single();
        var v1 = JsonNode.Parse(CoalitionsJson.SerializeEvent(opened))!.AsObject();
        v1["electorate"] = new JsonObject
        {
            ["voters"] = new JsonArray(opened.Electorate!.Voters.Select(v => (JsonNode)new JsonObject
            {
                ["partner"] = v.Partner.ToString(),
                ["representatives"] = new JsonArray(v.Representatives.Select(p => (JsonNode)JsonValue.Create(p.ToString())).ToArray()),
                ["weight"] = v.Weight,
                ["hasVeto"] = v.HasVeto,
                ["name"] = v.Name,
            }).ToArray()),
            ["chambers"] = new JsonArray(),
        };
        var stored = new StoredEvent(Guid.NewGuid(), "proposal-d0000000000000000000000000000001", 3, 3, "Decisions.VotingOpened", 1, Start, v1.ToJsonString(), "{}");

        var read = (VotingOpened)EventSerializer.Default.Deserialize(stored);

        Assert.Equal(2, EventSerializer.Default.SchemaVersionOf("Decisions.VotingOpened"));
        Assert.Equal(opened.Electorate.Voters, read.Electorate!.Voters, new VoterComparer());
        Assert.Equal(CoalitionsJson.SerializeEvent(opened), CoalitionsJson.SerializeEvent(read));
    }

    private sealed class VoterComparer : IEqualityComparer<Voter>
    {
        public bool Equals(Voter? x, Voter? y) =>
            x is not null && y is not null && x.Partner == y.Partner && x.Representatives.SequenceEqual(y.Representatives) &&
            x.Weight == y.Weight && x.Chamber == y.Chamber && x.SubChamber == y.SubChamber && x.HasVeto == y.HasVeto && x.Name == y.Name;

        public int GetHashCode(Voter obj) => obj.Partner.GetHashCode();
    }

    [Fact]
    public void A_quorum_stored_before_quorums_could_be_more_than_a_share_reads_as_at_least_the_share()
    {
        var drafted = Proposal.Draft(Id, ProposalScenario.DraftOf(DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half))), For(1), Start).DequeueUncommittedEvents()[0];
        var stored = JsonNode.Parse(CoalitionsJson.SerializeEvent(drafted))!.AsObject();
        stored["rule"]!["quorum"]!.AsObject().Remove("comparison");

        var read = (ProposalDrafted)CoalitionsJson.DeserializeEvent(stored.ToJsonString());

        Assert.Equal(ThresholdComparison.AtLeast, read.Rule.Quorum!.Comparison);
        Assert.Equal(10, read.Rule.Quorum.RequiredOf(20));
    }

    [Theory]
    [InlineData("method", "\"Consensus\"")]
    [InlineData("conditions", "[null]")]
    [InlineData("reasonsRequired", "\"Support, Oppose, Nonsense\"")]
    [InlineData("timing", "null")]
    public void A_stored_rule_is_checked_like_a_new_one(string field, string value)
    {
        var stored = JsonNode.Parse(CoalitionsJson.SerializeEvent(InVoting()[0]))!.AsObject();
        stored["rule"]![field] = JsonNode.Parse(value);

        var error = Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(stored.ToJsonString()));

        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, error.Code);
    }
}
