using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;
using Coalitions.Core.Storage;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using NodaTime.Testing;
using static Coalitions.Core.Decisions.Stance;
using static Coalitions.Core.Tests.Kit.ProposalScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>
/// Proxies, as the FSC general assembly has them (ga.fsc.org, "Proxies": a member unable to attend selects another member
/// to vote on its behalf, and one member carries at most five organizational members' votes; "Participation": the quorum
/// counts members present "physically or by proxy"). A member's representative gives the member's vote to another member's
/// representative, who casts it in the member's name; every ballot records who cast it for whom; a member that votes
/// itself ends its proxy.
/// </summary>
public class ProxyTests
{
    // No cap named: the default, five per holder.
    private static readonly DecisionRule Fsc = DecisionRule.SimpleMajority().WithProxies();

    private static Proposal Voting(DecisionRule rule, int members = 9, IReadOnlyList<StandingProxy>? standing = null)
    {
        var proposal = Discussed(rule);
        proposal.OpenVoting(Members(members), ChairActor, Start, standing);
        return proposal;
    }

    [Fact]
    public void A_member_gives_its_vote_to_another_members_representative_who_casts_it_in_the_members_name()
    {
        var proposal = Voting(Fsc);

        proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(1));
        proposal.CastBallot(Partner(1), Support, null, HolderFor(3, 1), Hours(2));

        var ballot = Assert.Single(proposal.Ballots);
        Assert.Equal((Partner(1), Person(3), Partner(3), true), (ballot.Voter, ballot.CastBy!.Value, ballot.HolderMember!.Value, ballot.ByProxy));
        Assert.Equal(new Proxy(Partner(1), Person(3), Partner(3), Person(1), ProxyScope.ThisProposal), Assert.Single(proposal.Proxies));
    }

    [Fact]
    public void Every_ballot_records_who_cast_it_for_whom()
    {
        var proposal = Voting(Fsc);
        proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(1));

        proposal.CastBallot(Partner(1), Support, null, HolderFor(3, 1), Hours(2));
        proposal.Vote(3, Oppose, 2);

        var cast = proposal.DequeueUncommittedEvents().OfType<BallotCast>().ToArray();
        Assert.Equal((Partner(1), HolderFor(3, 1), (PartnerId?)Partner(3)), (cast[0].Voter, cast[0].By, cast[0].HolderMember));
        Assert.Equal((Partner(3), For(3), (PartnerId?)null), (cast[1].Voter, cast[1].By, cast[1].HolderMember));
    }

    [Fact]
    public void A_standing_proxy_that_ends_when_it_starts_is_refused_in_words()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => new StandingProxy(Partner(1), Person(3), Partner(3), Person(1), Hours(1), Hours(1)));

        Assert.Equal(ErrorCodes.Decisions.InvalidProxy, error.Code);
        Assert.Equal("A standing proxy ends after it starts; this one runs from 2 March 2026 at 10:00 UTC to 2 March 2026 at 10:00 UTC.", error.Message);
        Assert.Equal(Hours(2), new StandingProxy(Partner(1), Person(3), Partner(3), Person(1), Hours(1), Hours(2)).Until);
    }

    [Fact]
    public void A_proxy_ends_when_its_member_votes_itself_and_the_members_own_ballot_replaces_its_proxys()
    {
        var proposal = Voting(Fsc);
        proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(1));
        proposal.CastBallot(Partner(1), Support, null, HolderFor(3, 1), Hours(2));

        proposal.Vote(1, Oppose, 3);

        var ballot = Assert.Single(proposal.Ballots);
        Assert.Equal((Oppose, false), (ballot.Stance, ballot.ByProxy));
        Assert.Empty(proposal.Proxies);
        Assert.Equal(2, proposal.BallotHistory.Count);
        Refusal.Expect(proposal, ErrorCodes.Decisions.NotARepresentative, () => proposal.CastBallot(Partner(1), Support, null, HolderFor(3, 1), Hours(4)));
    }

    [Fact]
    public void Once_a_member_has_voted_itself_in_a_round_it_gives_no_proxy_in_that_round()
    {
        var proposal = Voting(Fsc);
        proposal.Vote(1, Oppose, 1);

        Refusal.Expect(proposal, ErrorCodes.Decisions.PrincipalHasVoted, () => proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(2)));
    }

    [Fact]
    public void A_holder_carries_at_most_five_proxies_unless_the_rule_says_otherwise_as_at_the_FSC_general_assembly()
    {
        var proposal = Voting(Fsc);
        for (var member = 1; member <= 5; member++)
        {
            proposal.GrantProxy(Partner(member), Person(7), Partner(7), For(member), Hours(1));
        }

        Refusal.Expect(proposal, ErrorCodes.Decisions.ProxyCapExceeded, () => proposal.GrantProxy(Partner(6), Person(7), Partner(7), For(6), Hours(1)));
        Assert.Equal(5, proposal.Proxies.Count(p => p.Holder == Person(7)));
    }

    [Fact]
    public void Moving_a_proxy_to_another_holder_frees_a_place_with_the_first()
    {
        var proposal = Voting(DecisionRule.SimpleMajority().WithProxies(1));
        proposal.GrantProxy(Partner(1), Person(7), Partner(7), For(1), Hours(1));

        proposal.GrantProxy(Partner(1), Person(8), Partner(8), For(1), Hours(2));
        proposal.GrantProxy(Partner(2), Person(7), Partner(7), For(2), Hours(3));

        Assert.Equal([(Partner(1), Person(8)), (Partner(2), Person(7))], proposal.Proxies.Select(p => (p.Principal, p.Holder)).OrderBy(p => p.Principal.Value));
    }

    [Fact]
    public void A_proxy_moved_to_the_same_person_acting_for_another_member_takes_no_second_place_under_the_cap()
    {
        // Person 7 represents members 7 and 8, and may hold a proxy as either's representative.
        var electorate = new Electorate([Voter(1), Voter(2), new Voter(Partner(7), [Person(7)], name: "Member 7"), new Voter(Partner(8), [Person(8), Person(7)], name: "Member 8")]);
        var proposal = Discussed(DecisionRule.SimpleMajority().WithProxies(1));
        proposal.OpenVoting(electorate, ChairActor, Start);
        proposal.GrantProxy(Partner(1), Person(7), Partner(7), For(1), Hours(1));

        proposal.GrantProxy(Partner(1), Person(7), Partner(8), For(1), Hours(2));

        var proxy = Assert.Single(proposal.Proxies);
        Assert.Equal((Partner(1), Person(7), Partner(8)), (proxy.Principal, proxy.Holder, proxy.HolderMember));
        Refusal.Expect(proposal, ErrorCodes.Decisions.ProxyCapExceeded, () => proposal.GrantProxy(Partner(2), Person(7), Partner(7), For(2), Hours(3)));
    }

    [Fact]
    public void A_proxy_goes_to_a_representative_of_another_member_of_the_electorate()
    {
        var proposal = Voting(Fsc);

        Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidProxy, () => proposal.GrantProxy(Partner(1), Person(1), Partner(1), For(1), Hours(1)));
        Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidProxy, () => proposal.GrantProxy(Partner(1), Person(4), Partner(3), For(1), Hours(1)));
        Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidProxy, () => proposal.GrantProxy(Partner(1), Person(12), Partner(12), For(1), Hours(1)));
    }

    [Fact]
    public void A_person_who_represents_the_member_itself_needs_no_proxy()
    {
        var electorate = new Electorate([new Voter(Partner(1), [Person(1), Person(3)], name: "Member 1"), Voter(2), Voter(3)]);
        var proposal = Discussed(Fsc);
        proposal.OpenVoting(electorate, ChairActor, Start);

        Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidProxy, () => proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(1)));
    }

    [Fact]
    public void A_holder_is_given_a_proxy_once()
    {
        var proposal = Voting(Fsc);
        proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(1));

        Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidProxy, () => proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(2)));
    }

    [Fact]
    public void Only_the_members_own_representative_gives_or_revokes_its_proxy()
    {
        var proposal = Voting(Fsc);

        Refusal.Expect(proposal, ErrorCodes.Decisions.NotARepresentative, () => proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(3), Hours(1)));
        Refusal.Expect(proposal, ErrorCodes.Decisions.NotARepresentative, () => proposal.GrantProxy(Partner(1), Person(3), Partner(3), Actor.Representing(Person(2), Partner(1)), Hours(1)));
        proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(1));
        Refusal.Expect(proposal, ErrorCodes.Decisions.NotARepresentative, () => proposal.RevokeProxy(Partner(1), HolderFor(3, 1), Hours(2)));
    }

    [Fact]
    public void Only_the_holder_casts_by_proxy_and_only_in_the_members_name()
    {
        var proposal = Voting(Fsc);
        proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(1));

        Refusal.Expect(proposal, ErrorCodes.Decisions.NotARepresentative, () => proposal.CastBallot(Partner(1), Support, null, HolderFor(4, 1), Hours(2)));
        Refusal.Expect(proposal, ErrorCodes.Decisions.NotARepresentative, () => proposal.CastBallot(Partner(1), Support, null, For(3), Hours(2)));
        Assert.True(proposal.CanCastBallot(Partner(1), Support, null, HolderFor(3, 1), Hours(2)).IsAllowed);
    }

    [Fact]
    public void A_revoked_proxy_casts_no_more_but_a_ballot_it_cast_stands_until_the_member_votes_itself()
    {
        var proposal = Voting(Fsc);
        proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(1));
        proposal.CastBallot(Partner(1), Support, null, HolderFor(3, 1), Hours(2));

        proposal.RevokeProxy(Partner(1), For(1), Hours(3));

        Assert.Empty(proposal.Proxies);
        Assert.True(Assert.Single(proposal.Ballots).ByProxy);
        Refusal.Expect(proposal, ErrorCodes.Decisions.NotARepresentative, () => proposal.CastBallot(Partner(1), Oppose, null, HolderFor(3, 1), Hours(4)));
        Refusal.Expect(proposal, ErrorCodes.Decisions.NoProxy, () => proposal.RevokeProxy(Partner(1), For(1), Hours(4)));
    }

    [Fact]
    public void Only_a_rule_that_takes_proxies_lets_a_member_give_its_vote()
    {
        var proposal = Voting(DecisionRule.SimpleMajority());

        Refusal.Expect(proposal, ErrorCodes.Decisions.ProxiesNotAllowed, () => proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(1)));
    }

    [Fact]
    public void Proxies_are_given_and_revoked_only_while_a_round_is_open()
    {
        var discussed = Discussed(Fsc);
        var proposal = Voting(Fsc.WithVotingPeriod(Duration.FromHours(48)));

        Refusal.Expect(discussed, ErrorCodes.Decisions.VotingNotOpen, () => discussed.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(1)));
        Refusal.Expect(proposal, ErrorCodes.Decisions.VotingNotOpen, () => proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(48)));
    }

    [Fact]
    public void A_recused_member_gives_no_proxy()
    {
        var proposal = Voting(Fsc);
        proposal.DeclareConflictOfInterest(Partner(1), "Our director chairs the applicant.", For(1), Hours(1));

        Refusal.Expect(proposal, ErrorCodes.Decisions.Recused, () => proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(2)));
    }

    [Theory]
    [InlineData(true, DecisionResult.Adopted)]
    [InlineData(false, DecisionResult.NoQuorum)]
    public void Ballots_cast_by_proxy_count_toward_quorum_as_the_rule_says(bool countTowardQuorum, DecisionResult expected)
    {
        var rule = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.MajorityOfMembers()).WithProxies(5, countTowardQuorum);
        var proposal = Voting(rule, members: 5);
        proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(1));
        proposal.CastBallot(Partner(1), Support, null, HolderFor(3, 1), Hours(2));
        proposal.Vote(2, Support, 2);
        proposal.Vote(3, Oppose, 2);

        var outcome = proposal.PreviewOutcome();

        Assert.Equal(expected, outcome.Result);
        Assert.Equal((3L, countTowardQuorum ? 3L : 2L), (outcome.Tally.Headcount.Total, outcome.Quorum!.Counted));
        Assert.Equal(new ProxyFigures(1, 1), outcome.Proxies);
        Assert.Contains(
            countTowardQuorum ? "\n1 ballot was cast by proxy; proxies count toward the quorum." : "\n1 ballot was cast by proxy; proxies do not count toward the quorum.",
            outcome.Explain(rule, proposal.Electorate),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_late_quorum_reached_only_by_proxies_that_do_not_count_extends_nothing()
    {
        var rule = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.MajorityOfMembers()).WithProxies(5, countTowardQuorum: false)
            .WithVotingPeriod(Duration.FromHours(48)).WithLateQuorumExtension(Duration.FromHours(24));
        var proposal = Voting(rule, members: 3);
        proposal.Vote(2, Support, 30);
        proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(31));

        proposal.CastBallot(Partner(1), Support, null, HolderFor(3, 1), Hours(32));

        Assert.Equal(Hours(48), proposal.Deadline);
    }

    [Fact]
    public void A_standing_proxy_in_force_when_voting_opens_is_frozen_with_the_electorate_and_the_others_are_left_out()
    {
        var proposal = Voting(Fsc, members: 5, [Standing(4, holder: 3), Standing(1, holder: 2, until: Start), Standing(9, holder: 3), Standing(5, holder: 12)]);

        Assert.Equal(new Proxy(Partner(4), Person(3), Partner(3), Person(4), ProxyScope.Standing), Assert.Single(proposal.Proxies));
        proposal.CastBallot(Partner(4), Oppose, null, HolderFor(3, 4), Hours(1));
        Assert.True(Assert.Single(proposal.Ballots).ByProxy);
    }

    [Fact]
    public void Standing_proxies_are_frozen_only_where_the_rule_takes_proxies()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), members: 5, [Standing(4, holder: 3)]);

        Assert.Empty(proposal.Proxies);
    }

    [Fact]
    public void A_standing_proxy_that_applies_is_checked_when_voting_opens()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority().WithProxies(1));

        Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidProxy, () => proposal.OpenVoting(Members(5), ChairActor, Start, [Standing(4, holder: 3, grantedBy: 3)]));
        Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidProxy, () => proposal.OpenVoting(Members(5), ChairActor, Start, [Standing(4, holder: 3), Standing(4, holder: 2)]));
        Refusal.Expect(proposal, ErrorCodes.Decisions.ProxyCapExceeded, () => proposal.OpenVoting(Members(5), ChairActor, Start, [Standing(4, holder: 3), Standing(5, holder: 3)]));
    }

    [Fact]
    public void A_standing_proxy_ends_after_it_starts()
    {
        Assert.Equal(ErrorCodes.Decisions.InvalidProxy, Assert.Throws<CoalitionRuleException>(() => Standing(4, holder: 3, until: Start - Duration.FromDays(31))).Code);
    }

    [Fact]
    public void A_proxy_given_on_the_proposal_replaces_a_standing_one()
    {
        var proposal = Voting(Fsc, members: 5, [Standing(4, holder: 3)]);

        proposal.GrantProxy(Partner(4), Person(2), Partner(2), For(4), Hours(1));

        Assert.Equal(new Proxy(Partner(4), Person(2), Partner(2), Person(4), ProxyScope.ThisProposal), Assert.Single(proposal.Proxies));
    }

    [Fact]
    public void Under_final_ballots_a_members_own_ballot_still_replaces_its_proxys_and_is_then_final()
    {
        var proposal = Voting(Fsc.WithFinalBallots());
        proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(1));
        proposal.CastBallot(Partner(1), Support, null, HolderFor(3, 1), Hours(2));

        proposal.Vote(1, Oppose, 3);

        Assert.Equal(Oppose, Assert.Single(proposal.Ballots).Stance);
        Refusal.Expect(proposal, ErrorCodes.Decisions.BallotIsFinal, () => proposal.Vote(1, Support, 4));
    }

    [Fact]
    public void Under_final_ballots_the_holder_cannot_change_the_ballot_it_cast()
    {
        var proposal = Voting(Fsc.WithFinalBallots());
        proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(1));
        proposal.CastBallot(Partner(1), Support, null, HolderFor(3, 1), Hours(2));

        Refusal.Expect(proposal, ErrorCodes.Decisions.BallotIsFinal, () => proposal.CastBallot(Partner(1), Oppose, null, HolderFor(3, 1), Hours(3)));
    }

    [Fact]
    public void A_proxy_lasts_for_every_round_of_the_proposal_and_casts_only_where_the_rounds_rule_takes_proxies()
    {
        var rule = DecisionRule.Consensus().WithProxies(5).WithFallback(DecisionRule.TwoThirdsMajority(), FallbackWhen.Blocked);
        var proposal = Voting(rule, members: 3);
        proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(1));
        proposal.CastBallot(Partner(1), Support, null, HolderFor(3, 1), Hours(1));
        proposal.Vote(2, Block, 1);
        proposal.Vote(3, Support, 1);
        proposal.Close(ChairActor, Hours(2));

        Assert.Single(proposal.Proxies);
        Refusal.Expect(proposal, ErrorCodes.Decisions.ProxiesNotAllowed, () => proposal.CastBallot(Partner(1), Support, null, HolderFor(3, 1), Hours(3)));
    }

    [Fact]
    public void A_rule_with_proxies_has_ballots_and_no_early_close_once_certain()
    {
        Assert.Equal(ErrorCodes.Decisions.InvalidRule, Assert.Throws<CoalitionRuleException>(() => DecisionRule.SilenceProcedure(Duration.FromDays(3)).WithProxies(5)).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidRule, Assert.Throws<CoalitionRuleException>(() => DecisionRule.SimpleMajority().WithFinalBallots().ClosingEarly(true, true).WithProxies(5)).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidRule, Assert.Throws<CoalitionRuleException>(() => DecisionRule.SimpleMajority().WithProxies(0)).Code);
        Assert.Equal("majority vote: more than one half of votes cast; proxies: at most 5 per holder, counted toward quorum", Fsc.Describe());
    }

    [Fact]
    public void A_proposal_with_proxies_rebuilt_from_its_events_equals_the_one_that_raised_them()
    {
        var proposal = Voting(Fsc, members: 5, [Standing(4, holder: 3)]);
        proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(1));
        proposal.CastBallot(Partner(1), Support, null, HolderFor(3, 1), Hours(2));
        proposal.RevokeProxy(Partner(4), For(4), Hours(3));

        var copy = Proposal.Rehydrate(proposal.DequeueUncommittedEvents());

        Assert.Equal(ObservableState.Of(proposal), ObservableState.Of(copy));
    }

    [Fact]
    public async Task A_proposal_with_proxies_restored_from_a_snapshot_is_the_one_its_events_build_and_decides_the_next_commands_alike()
    {
        // Proxies that do not count toward quorum, a standing one frozen, one given on the proposal and cast, at the cap of two.
        var events = new InMemoryEventStore();
        var store = new AggregateStore(events, new FakeClock(Start), new AggregateStoreOptions { SnapshotEvery = 0 });
        var proposal = Voting(ProposalScenario.Proxies, members: 7, [Standing(4, holder: 3)]);
        proposal.GrantProxy(Partner(2), Person(3), Partner(3), For(2), Hours(1));
        proposal.CastBallot(Partner(2), Support, null, HolderFor(3, 2), Hours(2));
        proposal.CastBallot(Partner(4), Support, null, HolderFor(3, 4), Hours(2));
        proposal.Vote(5, Oppose, 2);
        await store.SaveAsync(proposal);
        await store.SaveSnapshotAsync(proposal);

        var fromSnapshot = await store.LoadAsync<Proposal>(proposal.Id);
        var replayed = Proposal.Rehydrate((await events.ReadStreamAsync(proposal.StreamName, 1)).Select(EventSerializer.Default.Deserialize));
        Assert.Equal(ObservableState.Of(replayed), ObservableState.Of(fromSnapshot));
        foreach (var p in new[] { fromSnapshot, replayed })
        {
            Refusal.Expect(p, ErrorCodes.Decisions.ProxyCapExceeded, () => p.GrantProxy(Partner(6), Person(3), Partner(3), For(6), Hours(3)));
            p.Vote(4, Oppose, 3);
            p.Vote(1, Support, 3);
            p.Close(Actor.System("scheduler"), Start + Duration.FromDays(8));
        }

        Assert.Equal(
            fromSnapshot.DequeueUncommittedEvents().Select(CoalitionsJson.SerializeEvent),
            replayed.DequeueUncommittedEvents().Select(CoalitionsJson.SerializeEvent));
        Assert.Equal(DecisionResult.NoQuorum, fromSnapshot.Outcome!.Result);
    }
}
