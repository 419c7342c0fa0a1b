using Coalitions.Core.Decisions;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Docs;

/// <summary>docs/architecture.md shows the code of <see cref="ArchitectureGuide"/>, which runs here.</summary>
public class ArchitectureGuideTests
{
    [Fact]
    public void One_command_rebuilds_the_proposal_casts_and_hands_back_one_new_event_at_the_loaded_version()
    {
        var open = HostingScenario.OpenVote(1);
        var history = open.DequeueUncommittedEvents();

        var (proposal, expectedVersion, newEvents) = ArchitectureGuide.OneCommand(history, Partner(2), For(2), Hours(2));

        Assert.IsType<BallotCast>(Assert.Single(newEvents));
        Assert.Equal(history.Count, expectedVersion);
        Assert.Equal(history.Count + 1, proposal.Version);
        Assert.Equal(2, proposal.Ballots.Count);
    }

    [Fact]
    public void The_refusal_of_the_guide_is_caught_by_its_code_after_the_vote_closed()
    {
        var proposal = HostingScenario.OpenVote(1);
        proposal.Close(ChairActor, Start + Duration.FromDays(8));

        Assert.True(ArchitectureGuide.ShowTheDeadline(proposal, Partner(2), For(2), Start + Duration.FromDays(9)));
    }
}
