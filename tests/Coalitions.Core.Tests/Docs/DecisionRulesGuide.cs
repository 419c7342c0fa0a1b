using System.Globalization;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using NodaTime;

namespace Coalitions.Core.Tests.Docs;

/// <summary>
/// The code of docs/decision-rules.md. Each region between <c>#region snippet:NAME</c> and <c>#endregion</c> is copied into
/// the guide's block marked <c>&lt;!-- snippet: NAME --&gt;</c>; <see cref="DecisionRulesGuideTests"/> keeps both equal and
/// runs this code.
/// </summary>
public static class DecisionRulesGuide
{
    public static DecisionRule BuildingARule()
    {
        #region snippet:building-a-rule
        var rule = DecisionRule.Consensus(new StandAsideLimit(maximumCount: 2, maximumShare: null))
            .WithQuorum(QuorumRule.OfMembers(Fraction.TwoThirds))
            .WithFallback(DecisionRule.MajorityVote(PassCondition.AtLeast(Fraction.ThreeQuarters, VoteBase.VotesCast)),
                          FallbackWhen.Blocked, afterRounds: 1)
            .WithVotingPeriod(Duration.FromDays(7));
        #endregion

        return rule;
    }

    public static (DecisionRule Council, DecisionRule Reinforced) QualifiedMajorities()
    {
        #region snippet:qualified-majorities
        // TEU art. 16(4): 55 % of the members and 65 % of the weight (population), and a blocking minority needs at
        // least four members: with fewer against, the weight condition is deemed met.
        var council = DecisionRule.QualifiedMajority().WithBlockingMinority(4);

        // TFEU art. 238(2): 72 % of the members and 65 % of the weight; the treaty gives it no blocking-minority clause.
        var reinforced = DecisionRule.ReinforcedQualifiedMajority();
        #endregion

        return (council, reinforced);
    }

    public static (QuorumRule MoreThanHalf, QuorumRule SameQuorum, QuorumRule AtLeastHalf) Quorums()
    {
        #region snippet:more-than-quorum
        // Robert's Rules: a quorum of "a majority of the members" is more than half of them: of 20 members, 11.
        var majorityOfMembers = QuorumRule.MajorityOfMembers();
        var sameQuorum = QuorumRule.OfMembers(Fraction.Half, ThresholdComparison.MoreThan);

        // The default compares "at least": of 20 members, 10.
        var atLeastHalf = QuorumRule.OfMembers(Fraction.Half);
        #endregion

        return (majorityOfMembers, sameQuorum, atLeastHalf);
    }

    public static IReadOnlyList<QuorumRule> QuorumFactories()
    {
        #region snippet:quorum-factories
        var majority = QuorumRule.MajorityOfMembers();                          // more than half of the members cast a ballot: 11 of 20
        var half = QuorumRule.AtLeast(Fraction.Half);                           // at least half: 10 of 20
        var byWeight = QuorumRule.AtLeast(Fraction.TwoThirds, Measure.Weight);  // members holding two thirds of the weight
        var inTheRoom = QuorumRule.MajorityOfMembersPresent();                  // more than half recorded present
        var moreThan = QuorumRule.MoreThan(new Fraction(3, 5));                 // more than three fifths of the members
        var floor = QuorumRule.OfMembers(new Fraction(1, 3)).AndAtLeast(5);     // a third of the members, and never fewer than five
        var count = QuorumRule.AtLeastMembers(7);                               // at least seven members, however many there are
        #endregion

        return [majority, half, byWeight, inTheRoom, moreThan, floor, count];
    }

    public static IReadOnlyList<PassCondition> ThresholdFactories()
    {
        #region snippet:threshold-factories
        var majority = PassCondition.MoreThanHalf();                                  // more than one half of votes cast; a tie fails
        var twoThirds = PassCondition.TwoThirds();                                    // at least two thirds of votes cast: 6 of 9 passes
        var threeQuarters = PassCondition.ThreeQuarters(VoteBase.Ballots);            // abstentions count as no
        var weighted = PassCondition.MoreThanHalf(VoteBase.Electorate, Measure.Weight); // more than half of the electorate's weight
        #endregion

        return [majority, twoThirds, threeQuarters, weighted];
    }

    public static IReadOnlyList<string> ExactShares(DecisionRule rule, Electorate electorate, IReadOnlyList<Ballot> ballots)
    {
        #region snippet:exact-shares
        var outcome = DecisionTally.Evaluate(rule, electorate, ballots);
        var lines = new List<string>();
        foreach (var condition in outcome.Conditions)
        {
            // Share is exact ("2/3"): the part of the whole, or the weighted share across sub-chambers or chambers.
            // Percent is rounded for people to read; the decision never depends on it.
            lines.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{condition.Chamber ?? "overall"}: {condition.Share} ({condition.Percent} %), {(condition.Met ? "met" : "not met")}"));
        }
        #endregion

        return lines;
    }

    public static DecisionRule ProxyRule()
    {
        #region snippet:proxy-rule
        // FSC general assembly: a member may be represented by another member, who carries at most five proxies
        // (the default cap); ballots cast by proxy count toward the quorum unless the rule says otherwise.
        var rule = DecisionRule.SimpleMajority()
            .WithQuorum(QuorumRule.MajorityOfMembers())
            .WithProxies(maxPerHolder: 5, countTowardQuorum: true);
        #endregion

        return rule;
    }

    public static void GiveAndCastByProxy(Proposal proposal, PartnerId principal, Actor principalsDelegate, PersonId holder, PartnerId holderMember, Instant at)
    {
        #region snippet:proxy-give-and-cast
        // The principal's own delegate gives its vote to a delegate of another member of the frozen electorate.
        proposal.GrantProxy(principal, holder, holderMember, principalsDelegate, at);

        // The holder casts it in the principal's name; BallotCast records the voter (the principal), the person who
        // cast it (By) and the holder's member (HolderMember).
        proposal.CastBallot(principal, Stance.Support, null, Actor.Representing(holder, principal), at + Duration.FromHours(1));

        // The principal may still vote itself: its own ballot replaces the one cast by proxy, and the proxy ends.
        proposal.CastBallot(principal, Stance.Oppose, null, principalsDelegate, at + Duration.FromHours(2));
        #endregion
    }

    public static void OpenWithStandingProxy(Proposal proposal, Electorate electorate, PartnerId principal, PersonId principalsDelegate, PersonId holder, PartnerId holderMember, Actor facilitator, Instant at)
    {
        #region snippet:proxy-standing
        // A proxy for a period, across proposals: the host keeps the coalition's standing proxies and passes them when
        // voting opens; those in force then, and valid for this electorate, are frozen with it (in VotingOpened).
        var standing = new StandingProxy(principal, holder, holderMember, grantedBy: principalsDelegate, from: at - Duration.FromDays(30), until: at + Duration.FromDays(335));
        proposal.OpenVoting(electorate, facilitator, at, [standing]);
        #endregion
    }
}
