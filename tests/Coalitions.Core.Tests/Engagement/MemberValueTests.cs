using Coalitions.Core.Advocacy;
using Coalitions.Core.Engagement;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using Snapshooter.Xunit;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.EngagementScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Engagement;

/// <summary>The coalition's value to each member, said plainly: what it gave and what it received.</summary>
public class MemberValueTests
{
    private static readonly DateInterval Year = new(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31));

    [Fact]
    public void A_member_sees_what_it_gave_and_what_it_received_from_the_rooms_that_record_them()
    {
        var founders = AgreementScenario.Founders();
        var agreement = AgreementScenario.SignedByAll();
        agreement.RecordFulfilment("reading-fund", new LocalDate(2026, 6, 1), null, For(2), AgreementScenario.OnUtc(2026, 6, 2));
        var position = AdoptedPosition();
        var facts = ValueFacts.FromAgreement(agreement, new LocalDate(2026, 12, 31))
            .Concat(ValueFacts.FromPosition(position))
            .Append(new ValueFact(Partner(2), ValueDirection.Received, ValueKind.JointInitiative, new LocalDate(2026, 5, 1), Source("Initiatives", 1), "Reading camps 2026"))
            .Append(new ValueFact(Partner(2), ValueDirection.Received, ValueKind.ResourceReceived, new LocalDate(2026, 5, 2), Source("Resources", 2), "Assessment toolkit"));

        var statement = MemberValue.Of(founders, Partner(2), facts, Year);

        Assert.Equal([ValueKind.CommitmentMet], statement.Gave.Select(l => l.Kind));
        Assert.Equal(new Money(5_000m, "KES"), Assert.Single(statement.Gave[0].Amounts));
        Assert.Equal([ValueKind.ResourceReceived, ValueKind.JointInitiative], statement.Received.Select(l => l.Kind));
        Snapshot.Match(statement.Describe());
    }

    [Fact]
    public void A_member_who_drafted_an_adopted_position_gave_its_draft_and_received_the_coalitions_voice()
    {
        var statement = MemberValue.Of(Nine, Partner(4), ValueFacts.FromPosition(AdoptedPosition()), Year);

        Assert.Equal(ValueKind.PositionDrafted, Assert.Single(statement.Gave).Kind);
        Assert.Equal(ValueKind.PositionCarried, Assert.Single(statement.Received).Kind);
        Assert.Equal(["Six per cent for education"], statement.Received[0].Labels);
    }

    [Fact]
    public void Campaign_actions_done_and_statements_endorsed_are_given()
    {
        var campaign = LaunchedCampaign();
        campaign.PlanAction(Action(assignee: 4), Nine, Secretariat, Hours(1));
        campaign.CompleteAction(new CampaignActionKey("meet-minister"), new LocalDate(2026, 4, 10), null, Nine, For(4), OnDate(2026, 4, 10));
        var statementToSign = OpenStatement();
        statementToSign.Endorse(EndorsementId.New(), Organization(4), "Representative 4", null, Nine, For(4), Hours(3));

        var value = MemberValue.Of(Nine, Partner(4), ValueFacts.FromCampaign(campaign, new LocalDate(2026, 12, 31)).Concat(ValueFacts.FromStatement(statementToSign)), Year);

        Assert.Equal([ValueKind.ActionDone, ValueKind.Endorsement], value.Gave.Select(l => l.Kind));
        Assert.Empty(value.Received);
    }

    [Fact]
    public void Amounts_are_totalled_per_currency_and_never_converted()
    {
        ValueFact[] facts =
        [
            new(Partner(4), ValueDirection.Gave, ValueKind.Contribution, new LocalDate(2026, 2, 1), Source("Resources", 1), "Pooled fund", new Money(100m, "EUR")),
            new(Partner(4), ValueDirection.Gave, ValueKind.Contribution, new LocalDate(2026, 3, 1), Source("Resources", 2), "Pooled fund", new Money(250m, "EUR")),
            new(Partner(4), ValueDirection.Gave, ValueKind.Contribution, new LocalDate(2026, 4, 1), Source("Resources", 3), "Printing", new Money(20_000m, "KES")),
            new(Partner(4), ValueDirection.Gave, ValueKind.Contribution, new LocalDate(2027, 4, 1), Source("Resources", 4), "Next year", new Money(1m, "EUR")),
        ];

        var line = Assert.Single(MemberValue.Of(Nine, Partner(4), facts, Year).Gave);

        Assert.Equal(3, line.Count);
        Assert.Equal([new Money(350m, "EUR"), new Money(20_000m, "KES")], line.Amounts);
        Assert.Equal(["Pooled fund", "Printing"], line.Labels);
    }

    [Fact]
    public void A_fact_whose_direction_does_not_fit_its_kind_is_refused()
    {
        var wrong = new ValueFact(Partner(4), ValueDirection.Gave, ValueKind.JointInitiative, new LocalDate(2026, 5, 1), Source("Initiatives", 1), "Reading camps");

        Assert.Equal(ErrorCodes.Engagement.InvalidInput, Assert.Throws<CoalitionRuleException>(() => MemberValue.Of(Nine, Partner(4), [wrong], Year)).Code);
        Assert.Equal(ErrorCodes.Engagement.InvalidInput, Assert.Throws<CoalitionRuleException>(() => MemberValue.Of(Nine, Partner(4), [wrong with { Direction = ValueDirection.Received, Amount = new Money(-1m, "EUR") }], Year)).Code);
    }

    [Fact]
    public void Only_a_member_has_a_value_statement()
    {
        Assert.Equal(ErrorCodes.Engagement.NotAMember, Assert.Throws<CoalitionRuleException>(() => MemberValue.Of(Nine, Partner(30), [], Year)).Code);
    }

    [Fact]
    public void The_same_value_fact_given_twice_counts_once_and_facts_that_differ_count_apart_even_from_one_source()
    {
        var fact = new ValueFact(Partner(4), ValueDirection.Gave, ValueKind.Contribution, new LocalDate(2026, 3, 10), Source("Resources", 1, "pledge 1"), "Printing", new Money(250_000m, "KES"));
        var secondInstalment = fact with { On = new LocalDate(2026, 3, 20) };

        var twice = Assert.Single(MemberValue.Of(Nine, Partner(4), [fact, fact with { }], Year).Gave);
        var instalments = Assert.Single(MemberValue.Of(Nine, Partner(4), [fact, secondInstalment, fact], Year).Gave);

        Assert.Equal(1, twice.Count);
        Assert.Equal([new Money(250_000m, "KES")], twice.Amounts);
        Assert.Equal(2, instalments.Count);
        Assert.Equal([new Money(500_000m, "KES")], instalments.Amounts);
    }
}
