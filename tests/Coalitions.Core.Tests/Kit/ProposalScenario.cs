using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using NodaTime;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Kit;

/// <summary>Real proposal histories in each state of the lifecycle, and the values a host would pass to their commands.</summary>
public static class ProposalScenario
{
    public static readonly DecisionRule ThreeQuarters = DecisionRule.MajorityVote(PassCondition.AtLeast(Fraction.ThreeQuarters, VoteBase.VotesCast));

    /// <summary>A majority with a quorum of one half, 48 hours of voting and a 24-hour late-quorum extension.</summary>
    public static readonly DecisionRule LateQuorum = DecisionRule.SimpleMajority()
        .WithQuorum(QuorumRule.OfMembers(Fraction.Half))
        .WithVotingPeriod(Duration.FromHours(48))
        .WithLateQuorumExtension(Duration.FromHours(24));

    /// <summary>Consensus with at most one stand-aside, falling back to three quarters when blocked.</summary>
    public static readonly DecisionRule ConsensusWithFallback = DecisionRule.Consensus(new StandAsideLimit(1, null)).WithFallback(ThreeQuarters, FallbackWhen.Blocked);

    /// <summary>A silence procedure of 72 hours that falls back to a simple majority when broken.</summary>
    public static readonly DecisionRule Silence = DecisionRule.SilenceProcedure(Duration.FromHours(72)).WithFallback(DecisionRule.SimpleMajority());

    /// <summary>A majority vote in a meeting: a quorum of one half of the members present.</summary>
    public static readonly DecisionRule InMeeting = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembersPresent(Fraction.Half));

    /// <summary>A majority with a quorum of a majority of the members, taking proxies (two per holder) that do not count toward quorum.</summary>
    public static readonly DecisionRule Proxies = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.MajorityOfMembers()).WithProxies(2, countTowardQuorum: false);

    /// <summary>The holder of a proxy, person <paramref name="holder"/> (member <paramref name="holder"/>'s representative), casting in member <paramref name="principal"/>'s name.</summary>
    public static Actor HolderFor(int holder, int principal) => Actor.Representing(Person(holder), Partner(principal));

    /// <summary>Member <paramref name="principal"/>'s standing proxy to member <paramref name="holder"/>'s representative, in force from 30 days before <see cref="Scenario.Start"/>.</summary>
    public static StandingProxy Standing(int principal, int holder, Instant? until = null, int? grantedBy = null) =>
        new(Partner(principal), Person(holder), Partner(holder), Person(grantedBy ?? principal), Start - Duration.FromDays(30), until);

    public static ProposalDraft DraftOf(DecisionRule rule, int secondersRequired = 0, MatterType matter = MatterType.AdoptPolicyPosition, string? customMatter = null) =>
        new(TheCoalition, matter, "Adopt the open data position", "The coalition publishes its data openly.", Partner(1), rule, [Chair], secondersRequired, customMatter);

    /// <summary>The histories the hostile host starts from: one per state worth attacking.</summary>
    public static IReadOnlyList<IReadOnlyList<IDomainEvent>> Histories()
    {
        var draft = Proposal.Draft(ProposalNumber(1), DraftOf(LateQuorum, secondersRequired: 2), For(1), Start);

        var seconded = Discussed(LateQuorum, secondersRequired: 2);
        seconded.SecondBy(2);
        seconded.SecondBy(3);
        seconded.DeclareConflictOfInterest(Partner(5), "Our director sits on the applicant's board.", For(5), Hours(1));

        var voting = Voting(LateQuorum, Members(5));
        voting.Vote(1, Stance.Support, 1);
        voting.Vote(2, Stance.Oppose, 2);

        var fallback = Voting(ConsensusWithFallback, Members(4));
        fallback.Vote(1, Stance.Support, 1);
        fallback.Vote(2, Stance.Block, 1);
        fallback.Vote(3, Stance.StandAside, 1);
        fallback.Close(ChairActor, Hours(200));
        fallback.Vote(1, Stance.Support, 201);

        var returned = Voting(DecisionRule.Consensus().WithFallback(ThreeQuarters, FallbackWhen.Blocked, afterRounds: 2), Members(3));
        returned.Vote(1, Stance.Support, 1);
        returned.Vote(2, Stance.Block, 1);
        returned.Close(ChairActor, Hours(200));

        var implemented = Voting(DecisionRule.SimpleMajority(), Members(3));
        implemented.Vote(1, Stance.Support, 1);
        implemented.Vote(2, Stance.Support, 1);
        implemented.Vote(3, Stance.Abstain, 1);
        implemented.Close(ChairActor, Hours(2));
        implemented.MarkImplemented("Published on the website.", ChairActor, Hours(30));
        implemented.ScheduleReview(new LocalDate(2027, 3, 1), For(1), Hours(31));

        var silence = Voting(Silence, Members(5));

        var consent = Voting(DecisionRule.Consent(), Members(3));
        consent.Vote(2, Stance.Object, 1);

        var meeting = Voting(InMeeting, Members(5));
        meeting.RecordAttendance([Partner(1), Partner(2), Partner(3)], ChairActor, Hours(1));
        meeting.Vote(1, Stance.Support, 1);

        // Member 4's standing proxy and member 2's proxy on the proposal, both held by member 3's representative, who
        // has cast member 2's ballot; member 5 voted itself.
        var proxied = Discussed(Proxies);
        proxied.OpenVoting(Members(5), ChairActor, Start, [Standing(4, holder: 3)]);
        proxied.GrantProxy(Partner(2), Person(3), Partner(3), For(2), Hours(1));
        proxied.CastBallot(Partner(2), Stance.Support, null, HolderFor(3, 2), Hours(2));
        proxied.Vote(5, Stance.Oppose, 2);

        return [.. new[] { draft, seconded, voting, fallback, returned, implemented, silence, consent, meeting, proxied }.Select(p => p.DequeueUncommittedEvents())];
    }

    /// <summary>The scenario's real values, for the hostile host to mix with hostile ones.</summary>
    public static ValuePool Pool() => new ValuePool()
        .Add(For(1), For(2), For(3), For(4), For(5), For(6), ChairActor, Actor.System("scheduler"), Actor.Representing(Person(2), Partner(1)), Actor.ForPerson(Person(1)), HolderFor(3, 2), HolderFor(3, 4), HolderFor(3, 1), HolderFor(1, 2))
        .Add(ProposalNumber(1), ProposalNumber(2))
        .Add(Partner(1), Partner(2), Partner(3), Partner(4), Partner(5), Partner(6))
        .Add(Person(1), Person(2), Person(3), Person(3), Chair)
        .Add(Start, Hours(1), Hours(2), Hours(30), Hours(48), Hours(24 * 40), Instant.FromUtc(2999, 12, 30, 0, 0))
        .Add(Members(5), Members(3), new Electorate([Voter(1, chamber: "north"), Voter(2, chamber: "south"), Voter(3, chamber: "south")], [new Chamber("north", 1), new Chamber("south", 1)]), Electorate.Empty)
        .Add<IEnumerable<PartnerId>>([Partner(1), Partner(2), Partner(3)], [Partner(4)], [Partner(1), Partner(1)], [])
        .Add(DraftOf(DecisionRule.SimpleMajority()), DraftOf(ConsensusWithFallback, secondersRequired: 1), DraftOf(Silence), DraftOf(InMeeting, matter: MatterType.Custom, customMatter: "Annual report"), DraftOf(Proxies))
        .Add<IReadOnlyList<StandingProxy>>(
            [Standing(4, holder: 3)],
            [Standing(1, holder: 3), Standing(2, holder: 3), Standing(4, holder: 3)],
            [Standing(4, holder: 3, until: Start - Duration.FromDays(1)), Standing(9, holder: 3)],
            [Standing(4, holder: 3, grantedBy: 3)],
            [Standing(4, holder: 4)],
            [])
        .Add("A reason.", "A revised text that meets the objection.")
        .Add(Stance.Support, Stance.Oppose, Stance.Abstain, Stance.StandAside, Stance.Block, Stance.Object)
        .Add<Stance?>(Stance.Support, Stance.Oppose, null)
        .Add(new LocalDate(2027, 3, 1));
}
