using System.Reflection;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Storage;
using Coalitions.Core.Tests.Kit;
using GovernanceAggregate = Coalitions.Core.Governance.CoalitionGovernance;

namespace Coalitions.Core.Tests.Storage;

public class AggregateCatalogTests
{
    [Fact]
    public void Every_aggregate_type_of_the_library_is_in_the_catalog()
    {
        var aggregates = typeof(IAggregate).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IAggregate).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal);

        Assert.Equal(aggregates, AggregateType.All.Select(a => a.Type).OrderBy(t => t.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_category_is_unique_lower_case_and_without_a_dash()
    {
        Assert.Equal(AggregateType.All.Count, AggregateType.All.Select(a => a.Category).Distinct(StringComparer.Ordinal).Count());
        Assert.All(AggregateType.All, a => Assert.Matches("^[a-z]+$", a.Category));
    }

    [Fact]
    public void Every_catalogued_type_rehydrates_through_its_own_Rehydrate_and_is_identified_by_its_id_type()
    {
        Assert.All(AggregateType.All, a =>
        {
            var baseType = a.Type.BaseType!;
            Assert.Equal(typeof(AggregateRoot<>), baseType.GetGenericTypeDefinition());
            Assert.Equal(baseType.GetGenericArguments()[0], a.IdType);
            Assert.NotNull(a.Type.GetMethod("Rehydrate", BindingFlags.Public | BindingFlags.Static, [typeof(IEnumerable<IDomainEvent>)]));
        });
    }

    [Fact]
    public void A_coalition_and_its_governance_share_an_id_but_never_a_stream()
    {
        var coalition = CoalitionScenario.ActiveWith(founders: 3);
        var governance = GovernanceAggregate.Establish(coalition, Core.Governance.GovernanceTemplates.AdvocacyCoalition(), CoalitionScenario.Secretariat, Scenario.Start);

        Assert.Equal(coalition.Id, governance.Id);
        Assert.Equal($"coalition-{coalition.Id}", coalition.StreamName);
        Assert.Equal($"governance-{coalition.Id}", governance.StreamName);
    }

    [Fact]
    public void A_stream_name_parses_back_to_its_aggregate_type_and_id()
    {
        var proposal = Scenario.Discussed(DecisionRule.SimpleMajority());

        Assert.True(AggregateType.TryParseStreamName(proposal.StreamName, out var type, out var id));
        Assert.Equal(typeof(Proposal), type.Type);
        Assert.Equal(proposal.Id.Value, id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("proposal")]
    [InlineData("proposal-")]
    [InlineData("ballot-0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("proposal-00000000-0000-0000-0000-000000000000")]
    [InlineData("proposal-0f8fad5bd9cb469fa16570867728950e")]
    public void A_name_off_the_convention_is_no_stream_of_an_aggregate(string? name) =>
        Assert.False(AggregateType.TryParseStreamName(name, out _, out _));

    [Fact]
    public void An_id_of_another_type_names_no_stream()
    {
        var proposals = AggregateType.Of<Proposal>();

        Assert.Throws<ArgumentException>(() => proposals.StreamNameFor(Scenario.TheCoalition));
    }

    [Fact]
    public void Only_the_proposal_takes_snapshots_for_now() =>
        Assert.Equal([typeof(Proposal)], AggregateType.All.Where(a => a.SupportsSnapshots).Select(a => a.Type));

    [Fact]
    public void The_original_version_is_the_version_less_the_events_not_yet_stored()
    {
        var proposal = Scenario.Discussed(DecisionRule.SimpleMajority());
        Assert.Equal((0L, 2L, 2), (proposal.OriginalVersion, proposal.Version, proposal.UncommittedEvents.Count));

        proposal.DequeueUncommittedEvents();
        proposal.Revise("A clearer text.", null, Scenario.For(1), Scenario.Start);

        Assert.Equal((2L, 3L, 1), (proposal.OriginalVersion, proposal.Version, proposal.UncommittedEvents.Count));
        Assert.IsType<ProposalRevised>(Assert.Single(proposal.UncommittedEvents));
    }
}
