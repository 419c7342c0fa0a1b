#pragma warning disable IDE0008, IDE0039 // the README's code reads as a program's top-level statements
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using NodaTime;

namespace Coalitions.Core.Tests.Docs;

/// <summary>
/// The first example of the package README (src/Coalitions.Core/PACKAGE.md), compiled here as a method body and run
/// by <see cref="PackageReadmeTests"/>; the house snippet test keeps the README's block equal to it. The writer is named
/// <c>Console</c> so that the lines read exactly as the README's program, which writes to the console.
/// </summary>
public static class PackageReadme
{
    public static (DecisionOutcome Outcome, string Refusal) FirstExample(TextWriter Console)
    {
        // Three member organizations; each votes through a delegate it has named.
        var coalition = CoalitionId.New();
        var chair = PersonId.New();
        var members = new[] { "Teachers Union", "Parents Network", "Literacy Now" }
            .Select(name => (Partner: PartnerId.New(), Delegate: PersonId.New(), Name: name)).ToArray();
        var electorate = new Electorate(members.Select(m => new Voter(m.Partner, [m.Delegate], name: m.Name)).ToArray());
        Actor DelegateOf(int i) => Actor.Representing(members[i].Delegate, members[i].Partner);

        // The rule: at least two thirds of the votes cast, with a quorum of one half of the members.
        var rule = DecisionRule.TwoThirdsMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half));
        var monday = Instant.FromUtc(2026, 3, 2, 9, 0);
        var proposal = Proposal.Draft(
            ProposalId.New(),
            new ProposalDraft(coalition, MatterType.AdmitMember, "Admit Community Libraries",
                "Community Libraries joins as a full member.", members[0].Partner, rule, [chair]),
            DelegateOf(0), monday);
        proposal.Submit(DelegateOf(0), monday);
        proposal.OpenVoting(electorate, Actor.ForPerson(chair), monday);     // freezes who may vote

        proposal.CastBallot(members[0].Partner, Stance.Support, null, DelegateOf(0), monday + Duration.FromHours(1));
        proposal.CastBallot(members[1].Partner, Stance.Oppose, "Too soon.", DelegateOf(1), monday + Duration.FromHours(2));

        // A refusal names the rule it enforces and changes nothing.
        var refusal = "";
        try
        {
            proposal.CastBallot(members[2].Partner, Stance.Support, null, DelegateOf(1), monday + Duration.FromHours(3));
        }
        catch (CoalitionRuleException refused) when (refused.Has(ErrorCodes.Decisions.NotARepresentative))
        {
            refusal = refused.Message;
            Console.WriteLine(refusal);
        }

        proposal.CastBallot(members[2].Partner, Stance.Support, null, DelegateOf(2), monday + Duration.FromHours(4));
        DecisionOutcome outcome = proposal.Close(Actor.ForPerson(chair), monday + Duration.FromHours(5));
        Console.WriteLine(proposal.Explanation);

        // Every change is an event: store them, and rebuild the proposal from them later.
        var stored = proposal.DequeueUncommittedEvents();
        var rebuilt = Proposal.Rehydrate(stored);
        Console.WriteLine($"{rebuilt.Title}: {rebuilt.Outcome?.Result}, rebuilt from {stored.Count} events.");
        return (outcome, refusal);
    }
}
