using System.Reflection;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;

namespace Coalitions.Core.Tests.House;

/// <summary>Design rules of the code base, checked by reflection so they cannot erode.</summary>
public class DesignRuleTests
{
    private static readonly Type[] AllTypes = typeof(IDomainEvent).Assembly.GetTypes();

    private static IEnumerable<Type> Aggregates => AllTypes.Where(t => !t.IsAbstract && IsAggregate(t));

    [Fact]
    public void There_are_aggregates_to_check()
    {
        Assert.Contains(typeof(Proposal), Aggregates);
    }

    [Fact]
    public void No_aggregate_has_a_public_setter()
    {
        var setters = Aggregates
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p.SetMethod?.IsPublic == true)
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");

        Assert.Empty(setters);
    }

    [Fact]
    public void Every_aggregate_can_be_rehydrated_from_its_events()
    {
        Assert.All(Aggregates, t =>
        {
            var rehydrate = t.GetMethod("Rehydrate", BindingFlags.Public | BindingFlags.Static, [typeof(IEnumerable<IDomainEvent>)]);
            Assert.NotNull(rehydrate);
            Assert.Equal(t, rehydrate.ReturnType);
        });
    }

    [Fact]
    public void Every_event_is_a_sealed_record_named_in_the_past_tense()
    {
        var events = AllTypes.Where(t => typeof(IDomainEvent).IsAssignableFrom(t) && !t.IsInterface).ToArray();

        Assert.NotEmpty(events);
        Assert.All(events, t =>
        {
            Assert.True(t.IsSealed, $"{t.Name} is not sealed.");
            Assert.NotNull(t.GetMethod("<Clone>$"));
            Assert.Matches("(ed|Cast|Withdrawn)$", t.Name);
        });
    }

    [Fact]
    public void The_proposal_lifecycle_diagram_in_docs_matches_the_state_machine()
    {
        GeneratedFile.AssertUpToDate(
            "docs/diagrams/proposal-lifecycle.md",
            "# Proposal lifecycle\n\nGenerated from the `Proposal` state machine by a test; do not edit by hand.\n\n```mermaid\n" +
            Proposal.LifecycleDiagram().ReplaceLineEndings("\n").TrimEnd() + "\n```\n");
    }

    private static bool IsAggregate(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(AggregateRoot<>))
            {
                return true;
            }
        }

        return false;
    }
}
