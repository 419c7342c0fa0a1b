using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using NodaTime;

/// <summary>
/// The quickstart's proxy chapter: two members who cannot take part give their votes to another member's delegate, as at
/// the FSC general assembly; one of them votes itself after all, and its own ballot replaces the proxy's.
/// </summary>
internal static class ProxyChapter
{
    /// <summary>Runs the chapter.</summary>
    /// <param name="coalition">The coalition deciding.</param>
    /// <param name="electorate">Its members for a policy position, with their delegates.</param>
    /// <param name="delegates">Each member's delegate, in electorate order.</param>
    /// <param name="chair">The facilitator.</param>
    /// <param name="at">When voting opens.</param>
    public static void Run(CoalitionId coalition, Electorate electorate, IReadOnlyList<(PartnerId Member, PersonId Delegate)> delegates, PersonId chair, Instant at)
    {
        Console.WriteLine("3c. A policy position by majority, with proxies (at most five per holder)");
        Actor DelegateOf(int i) => Actor.Representing(delegates[i].Delegate, delegates[i].Member);
        string Name(PartnerId member) => electorate.TryGetVoter(member, out var voter) ? voter.DisplayName : member.ToString();

        var rule = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.MajorityOfMembers()).WithProxies();
        var draft = new ProposalDraft(coalition, MatterType.AdoptPolicyPosition, "Position on mother-tongue instruction", "The coalition supports instruction in the mother tongue in the first three grades.", delegates[0].Member, rule, [chair]);
        var proposal = Proposal.Draft(ProposalId.New(), draft, DelegateOf(0), at);
        proposal.Submit(DelegateOf(0), at);
        proposal.OpenVoting(electorate, Actor.ForPerson(chair), at);

        // Members 5 and 6 cannot attend: each one's own delegate gives its vote to member 1's delegate.
        var holder = delegates[0];
        proposal.GrantProxy(delegates[4].Member, holder.Delegate, holder.Member, DelegateOf(4), at + Duration.FromHours(1));
        proposal.GrantProxy(delegates[5].Member, holder.Delegate, holder.Member, DelegateOf(5), at + Duration.FromHours(1));
        Console.WriteLine($"   {Name(holder.Member)}'s delegate holds {proposal.Proxies.Count(p => p.Holder == holder.Delegate)} proxies.");

        // The holder casts both in the principals' names; member 6 then votes itself, which replaces its proxy's ballot.
        for (var i = 0; i < delegates.Count; i++)
        {
            var by = i is 4 or 5 ? Actor.Representing(holder.Delegate, delegates[i].Member) : DelegateOf(i);
            proposal.CastBallot(delegates[i].Member, i is 2 or 7 ? Stance.Oppose : Stance.Support, null, by, at + Duration.FromHours(2));
        }

        proposal.CastBallot(delegates[5].Member, Stance.Abstain, null, DelegateOf(5), at + Duration.FromHours(3));
        foreach (var ballot in proposal.BallotHistory.Where(b => b.Voter == delegates[4].Member || b.Voter == delegates[5].Member))
        {
            var castBy = ballot.ByProxy ? $"by proxy, by the delegate of {Name(ballot.HolderMember!.Value)}" : "by its own delegate";
            Console.WriteLine($"   {Name(ballot.Voter)}: {ballot.Stance}, cast {castBy}.");
        }

        proposal.Close(Actor.ForPerson(chair), at + Duration.FromHours(4));
        foreach (var line in proposal.Explanation!.Split('\n'))
        {
            Console.WriteLine($"   {line}");
        }

        Console.WriteLine();
    }
}
