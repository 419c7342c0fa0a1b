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
        Assert.Contains(typeof(global::Coalitions.Core.Coalitions.Coalition), Aggregates);
        Assert.Contains(typeof(global::Coalitions.Core.Partners.Partner), Aggregates);
        Assert.Contains(typeof(global::Coalitions.Core.Partners.Outreach), Aggregates);
        Assert.Contains(typeof(global::Coalitions.Core.Governance.CoalitionGovernance), Aggregates);
        Assert.Contains(typeof(global::Coalitions.Core.Agreements.Agreement), Aggregates);
        Assert.Contains(typeof(global::Coalitions.Core.Polls.Poll), Aggregates);
        Assert.Contains(typeof(global::Coalitions.Core.Meetings.Meeting), Aggregates);
        Assert.Contains(typeof(global::Coalitions.Core.Meetings.MeetingSeries), Aggregates);
        Assert.Contains(typeof(global::Coalitions.Core.Meetings.EventPreparation), Aggregates);
        Assert.Contains(typeof(global::Coalitions.Core.Communication.CommunicationPlan), Aggregates);
        Assert.Contains(typeof(global::Coalitions.Core.Resources.Pledge), Aggregates);
        Assert.Contains(typeof(global::Coalitions.Core.Resources.PooledFund), Aggregates);
        Assert.Contains(typeof(global::Coalitions.Core.Initiatives.Initiative), Aggregates);
        Assert.Contains(typeof(global::Coalitions.Core.Measurement.Indicator), Aggregates);
        Assert.Contains(typeof(global::Coalitions.Core.Resources.ResourceLibrary), Aggregates);
        Assert.Contains(typeof(global::Coalitions.Core.Advocacy.PolicyPosition), Aggregates);
        Assert.Contains(typeof(global::Coalitions.Core.Advocacy.SignOnStatement), Aggregates);
        Assert.Contains(typeof(global::Coalitions.Core.Advocacy.Campaign), Aggregates);
        Assert.Contains(typeof(global::Coalitions.Core.Engagement.RecognitionRoll), Aggregates);
        Assert.Contains(typeof(global::Coalitions.Core.Engagement.HealthCheck), Aggregates);
        Assert.Contains(typeof(global::Coalitions.Core.Conflicts.ConflictCase), Aggregates);
    }

    [Fact]
    public void Every_key_that_names_a_thing_inside_an_aggregate_is_one_kind_of_typed_key()
    {
        var keys = AllTypes.Where(t => t.IsPublic && t.IsValueType && t.Name.EndsWith("Key", StringComparison.Ordinal)).ToList();
        Assert.Contains(typeof(global::Coalitions.Core.Governance.BodyKey), keys);
        Assert.Contains(typeof(global::Coalitions.Core.Meetings.AgendaKey), keys);
        Assert.Contains(typeof(global::Coalitions.Core.Communication.ChannelKey), keys);
        Assert.All(keys, key =>
        {
            Assert.Contains(typeof(ITypedKey<>).MakeGenericType(key), key.GetInterfaces());
            var converter = key.GetCustomAttribute<System.Text.Json.Serialization.JsonConverterAttribute>()?.ConverterType;
            Assert.Equal("TypedKeyJsonConverter`1", converter?.Name);

            // One shape everywhere: made from its text, trimmed, and stored as that plain text.
            var made = key.GetMethod("From", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, ["  budget-2027 "])!;
            Assert.Equal("budget-2027", made.ToString());
            Assert.Equal("\"budget-2027\"", System.Text.Json.JsonSerializer.Serialize(made, key));
        });
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
            Assert.Matches("(ed|Cast|Set|Given|Withdrawn|Withdrew|EnteredIntoForce|Begun|Taken|Made|Paid|Lent|Withheld)$", t.Name);
        });
    }

    [Fact]
    public void The_proposal_lifecycle_diagram_in_docs_matches_the_state_machine() =>
        AssertDiagram("docs/diagrams/proposal-lifecycle.md", "Proposal lifecycle", "Proposal", Proposal.LifecycleDiagram());

    [Fact]
    public void The_coalition_lifecycle_diagram_in_docs_matches_the_state_machine() =>
        AssertDiagram("docs/diagrams/coalition-lifecycle.md", "Coalition lifecycle", "Coalition", global::Coalitions.Core.Coalitions.Coalition.LifecycleDiagram());

    [Fact]
    public void The_membership_lifecycle_diagram_in_docs_matches_the_state_machine() =>
        AssertDiagram("docs/diagrams/membership-lifecycle.md", "Membership lifecycle", "Membership", global::Coalitions.Core.Memberships.Membership.LifecycleDiagram());

    [Fact]
    public void The_agreement_lifecycle_diagram_in_docs_matches_the_state_machine() =>
        AssertDiagram("docs/diagrams/agreement-lifecycle.md", "Agreement lifecycle", "Agreement", global::Coalitions.Core.Agreements.Agreement.LifecycleDiagram());

    [Fact]
    public void The_poll_lifecycle_diagram_in_docs_matches_the_state_machine() =>
        AssertDiagram("docs/diagrams/poll-lifecycle.md", "Poll lifecycle", "Poll", global::Coalitions.Core.Polls.Poll.LifecycleDiagram());

    [Fact]
    public void The_outreach_pipeline_diagram_in_docs_matches_the_state_machine() =>
        AssertDiagram("docs/diagrams/outreach-pipeline.md", "Outreach pipeline", "Outreach", global::Coalitions.Core.Partners.Outreach.LifecycleDiagram());

    [Fact]
    public void The_meeting_lifecycle_diagram_in_docs_matches_the_state_machine() =>
        AssertDiagram("docs/diagrams/meeting-lifecycle.md", "Meeting lifecycle", "Meeting", global::Coalitions.Core.Meetings.Meeting.LifecycleDiagram());

    [Fact]
    public void The_meeting_series_lifecycle_diagram_in_docs_matches_the_state_machine() =>
        AssertDiagram("docs/diagrams/meeting-series-lifecycle.md", "Meeting series lifecycle", "MeetingSeries", global::Coalitions.Core.Meetings.MeetingSeries.LifecycleDiagram());

    [Fact]
    public void The_preparation_lifecycle_diagram_in_docs_matches_the_state_machine() =>
        AssertDiagram("docs/diagrams/preparation-lifecycle.md", "Preparation lifecycle", "EventPreparation", global::Coalitions.Core.Meetings.EventPreparation.LifecycleDiagram());

    [Fact]
    public void The_communication_plan_lifecycle_diagram_in_docs_matches_the_state_machine() =>
        AssertDiagram("docs/diagrams/communication-plan-lifecycle.md", "Communication plan lifecycle", "CommunicationPlan", global::Coalitions.Core.Communication.CommunicationPlan.LifecycleDiagram());

    [Fact]
    public void The_pledge_lifecycle_diagram_in_docs_matches_the_state_machine() =>
        AssertDiagram("docs/diagrams/pledge-lifecycle.md", "Pledge lifecycle", "Pledge", global::Coalitions.Core.Resources.Pledge.LifecycleDiagram());

    [Fact]
    public void The_pooled_fund_lifecycle_diagram_in_docs_matches_the_state_machine() =>
        AssertDiagram("docs/diagrams/pooled-fund-lifecycle.md", "Pooled fund lifecycle", "PooledFund", global::Coalitions.Core.Resources.PooledFund.LifecycleDiagram());

    [Fact]
    public void The_expense_lifecycle_diagram_in_docs_matches_the_state_machine() =>
        AssertDiagram("docs/diagrams/expense-lifecycle.md", "Expense lifecycle", "PooledFund expense", global::Coalitions.Core.Resources.PooledFund.ExpenseLifecycleDiagram());

    [Fact]
    public void The_initiative_lifecycle_diagram_in_docs_matches_the_state_machine() =>
        AssertDiagram("docs/diagrams/initiative-lifecycle.md", "Initiative lifecycle", "Initiative", global::Coalitions.Core.Initiatives.Initiative.LifecycleDiagram());

    [Fact]
    public void The_indicator_lifecycle_diagram_in_docs_matches_the_state_machine() =>
        AssertDiagram("docs/diagrams/indicator-lifecycle.md", "Indicator lifecycle", "Indicator", global::Coalitions.Core.Measurement.Indicator.LifecycleDiagram());

    [Fact]
    public void The_resource_library_lifecycle_diagram_in_docs_matches_the_state_machine() =>
        AssertDiagram("docs/diagrams/resource-library-lifecycle.md", "Resource library lifecycle", "ResourceLibrary", global::Coalitions.Core.Resources.ResourceLibrary.LifecycleDiagram());

    [Fact]
    public void The_policy_position_lifecycle_diagram_in_docs_matches_the_state_machine() =>
        AssertDiagram("docs/diagrams/policy-position-lifecycle.md", "Policy position lifecycle", "PolicyPosition", global::Coalitions.Core.Advocacy.PolicyPosition.LifecycleDiagram());

    [Fact]
    public void The_sign_on_statement_lifecycle_diagram_in_docs_matches_the_state_machine() =>
        AssertDiagram("docs/diagrams/sign-on-statement-lifecycle.md", "Sign-on statement lifecycle", "SignOnStatement", global::Coalitions.Core.Advocacy.SignOnStatement.LifecycleDiagram());

    [Fact]
    public void The_campaign_lifecycle_diagram_in_docs_matches_the_state_machine() =>
        AssertDiagram("docs/diagrams/campaign-lifecycle.md", "Campaign lifecycle", "Campaign", global::Coalitions.Core.Advocacy.Campaign.LifecycleDiagram());

    [Fact]
    public void The_acknowledgement_lifecycle_diagram_in_docs_matches_the_state_machine() =>
        AssertDiagram("docs/diagrams/acknowledgement-lifecycle.md", "Acknowledgement lifecycle", "RecognitionRoll", global::Coalitions.Core.Engagement.RecognitionRoll.LifecycleDiagram());

    [Fact]
    public void The_health_check_lifecycle_diagram_in_docs_matches_the_state_machine() =>
        AssertDiagram("docs/diagrams/health-check-lifecycle.md", "Health check lifecycle", "HealthCheck", global::Coalitions.Core.Engagement.HealthCheck.LifecycleDiagram());

    [Fact]
    public void The_conflict_case_lifecycle_diagram_in_docs_matches_the_state_machine() =>
        AssertDiagram("docs/diagrams/conflict-case-lifecycle.md", "Conflict case lifecycle", "ConflictCase", global::Coalitions.Core.Conflicts.ConflictCase.LifecycleDiagram());

    private static void AssertDiagram(string path, string title, string type, string diagram) =>
        GeneratedFile.AssertUpToDate(
            path,
            $"# {title}\n\nGenerated from the `{type}` state machine by a test; do not edit by hand.\n\n```mermaid\n" +
            diagram.ReplaceLineEndings("\n").TrimEnd() + "\n```\n");

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
