using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using NodaTime;

namespace Coalitions.Core.Tests.Docs;

/// <summary>The code of docs/architecture.md, compiled here and run by <see cref="ArchitectureGuideTests"/>.</summary>
public static class ArchitectureGuide
{
    public static (Proposal Proposal, long ExpectedVersion, IReadOnlyList<IDomainEvent> NewEvents) OneCommand(IReadOnlyList<IDomainEvent> storedEvents, PartnerId voter, Actor by, Instant at)
    {
        var proposal = Proposal.Rehydrate(storedEvents);          // applies history, builds no state machine
        proposal.CastBallot(voter, Stance.Support, null, by, at); // checks rules, raises events
        var expectedVersion = proposal.OriginalVersion;           // the version it was loaded at
        var newEvents = proposal.DequeueUncommittedEvents();      // the host appends these at expectedVersion
        return (proposal, expectedVersion, newEvents);
    }

    public static bool ShowTheDeadline(Proposal proposal, PartnerId voter, Actor by, Instant now)
    {
        try { proposal.CastBallot(voter, Stance.Support, null, by, now); }
        catch (CoalitionRuleException refused) when (refused.Has(ErrorCodes.Decisions.VotingNotOpen)) { /* show the deadline */ return true; }
        return false;
    }
}
