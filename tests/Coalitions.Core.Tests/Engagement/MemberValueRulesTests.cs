using Coalitions.Core.Engagement;
using Coalitions.Core.Kernel;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.EngagementScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Engagement;

/// <summary>Which facts a member's value statement counts, how each kind reads in words, and which facts are refused.</summary>
public class MemberValueRulesTests
{
    private static readonly DateInterval Spring = new(new LocalDate(2026, 3, 1), new LocalDate(2026, 5, 31));

    private static ValueFact Fact(ValueKind kind, LocalDate? on = null, string label = "Printing", int member = 4, Money? amount = null) =>
        new(Partner(member), Received(kind) ? ValueDirection.Received : ValueDirection.Gave, kind, on ?? new LocalDate(2026, 4, 1), Source("Resources", 1), label, amount);

    private static bool Received(ValueKind kind) => kind is ValueKind.ResourceReceived or ValueKind.JointInitiative or ValueKind.PositionCarried;

    private static void Refused(ValueFact fact) =>
        Assert.True(Assert.Throws<CoalitionRuleException>(() => MemberValue.Of(Nine, Partner(4), [fact], Spring)).Has(ErrorCodes.Engagement.InvalidInput), fact.ToString());

    [Fact]
    public void A_statement_counts_the_member_s_own_facts_from_the_first_to_the_last_day_of_the_period()
    {
        ValueFact[] facts =
        [
            Fact(ValueKind.Contribution, new LocalDate(2026, 2, 28), "Before"),
            Fact(ValueKind.Contribution, new LocalDate(2026, 3, 1), "First day"),
            Fact(ValueKind.Contribution, new LocalDate(2026, 5, 31), "Last day"),
            Fact(ValueKind.Contribution, new LocalDate(2026, 6, 1), "After"),
            Fact(ValueKind.Contribution, label: "Another member's", member: 5),
        ];

        var statement = MemberValue.Of(Nine, Partner(4), facts, Spring);

        Assert.Equal(["First day", "Last day"], Assert.Single(statement.Gave).Labels);
        Assert.Equal((Partner(4), "Member 4", Spring), (statement.Member, statement.Name, statement.Period));
    }

    [Fact]
    public void Lines_come_in_the_order_of_their_kinds_with_labels_trimmed_and_each_named_once()
    {
        ValueFact[] facts =
        [
            Fact(ValueKind.Endorsement, label: "Statement on teachers"),
            Fact(ValueKind.Contribution, label: " Printing "),
            Fact(ValueKind.Contribution, label: "Printing"),
            Fact(ValueKind.PositionCarried, label: "Reading hours"),
            Fact(ValueKind.ResourceReceived, label: "Toolkit"),
        ];

        var statement = MemberValue.Of(Nine, Partner(4), facts, Spring);

        Assert.Equal([ValueKind.Contribution, ValueKind.Endorsement], statement.Gave.Select(l => l.Kind));
        Assert.Equal([ValueKind.ResourceReceived, ValueKind.PositionCarried], statement.Received.Select(l => l.Kind));
        Assert.Equal(2, statement.Gave[0].Count);
        Assert.Equal(["Printing"], statement.Gave[0].Labels);
        Assert.Empty(statement.Gave[0].Amounts);
    }

    [Theory]
    [InlineData(ValueKind.Contribution, "1 contribution", "2 contributions")]
    [InlineData(ValueKind.CommitmentMet, "1 commitment met", "2 commitments met")]
    [InlineData(ValueKind.ActionDone, "1 campaign action done", "2 campaign actions done")]
    [InlineData(ValueKind.Endorsement, "1 statement endorsed", "2 statements endorsed")]
    [InlineData(ValueKind.PositionDrafted, "1 position drafted", "2 positions drafted")]
    [InlineData(ValueKind.ResourceShared, "1 resource shared", "2 resources shared")]
    [InlineData(ValueKind.ResourceReceived, "1 shared resource drawn on", "2 shared resources drawn on")]
    [InlineData(ValueKind.JointInitiative, "1 joint initiative", "2 joint initiatives")]
    [InlineData(ValueKind.PositionCarried, "1 position carried by the coalition", "2 positions carried by the coalition")]
    [InlineData(ValueKind.Other, "1 other item", "2 other items")]
    public void Each_kind_reads_in_words_for_one_and_for_more(ValueKind kind, string one, string two)
    {
        var single = MemberValue.Of(Nine, Partner(4), [Fact(kind, label: "First")], Spring).Describe();
        var pair = MemberValue.Of(Nine, Partner(4), [Fact(kind, label: "First"), Fact(kind, label: "Second")], Spring).Describe();

        var given = Received(kind) ? $"gave nothing recorded and received {one}." : $"gave {one} and received nothing recorded.";
        Assert.Equal($"From 1 March 2026 to 31 May 2026, Member 4 {given}\n{two[2..]}: First", single);
        Assert.Contains(Received(kind) ? $"received {two}." : $"gave {two} and", pair, StringComparison.Ordinal);
        Assert.EndsWith(": First; Second", pair, StringComparison.Ordinal);
    }

    [Fact]
    public void Amounts_are_listed_with_their_currency_and_whole_units_in_the_summary()
    {
        var statement = MemberValue.Of(Nine, Partner(4), [Fact(ValueKind.Contribution, amount: new Money(12_500m, "KES")), Fact(ValueKind.Contribution, label: "Fund", amount: new Money(300m, "EUR"))], Spring);

        Assert.StartsWith("From 1 March 2026 to 31 May 2026, Member 4 gave 2 contributions (EUR 300, KES 12,500) and received nothing recorded.", statement.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_amount_is_zero_to_ten_to_the_fifteenth_in_an_iso_currency()
    {
        Refused(Fact(ValueKind.Contribution, amount: new Money(-0.01m, "KES")));
        Refused(Fact(ValueKind.Contribution, amount: new Money(1_000_000_000_000_001m, "KES")));

        Assert.Equal(
            [new Money(0m, "KES"), new Money(1_000_000_000_000_000m, "USD")],
            MemberValue.Of(Nine, Partner(4), [Fact(ValueKind.Contribution, amount: new Money(0m, "KES")), Fact(ValueKind.Contribution, amount: new Money(1_000_000_000_000_000m, "USD"))], Spring).Gave[0].Amounts);
    }

    [Theory]
    [InlineData(ValueKind.Contribution)]
    [InlineData(ValueKind.CommitmentMet)]
    [InlineData(ValueKind.ActionDone)]
    [InlineData(ValueKind.Endorsement)]
    [InlineData(ValueKind.PositionDrafted)]
    [InlineData(ValueKind.ResourceShared)]
    [InlineData(ValueKind.ResourceReceived)]
    [InlineData(ValueKind.JointInitiative)]
    [InlineData(ValueKind.PositionCarried)]
    public void Each_kind_but_other_goes_one_way_only(ValueKind kind)
    {
        var fact = Fact(kind);

        Refused(fact with { Direction = fact.Direction == ValueDirection.Gave ? ValueDirection.Received : ValueDirection.Gave });
        Assert.Single(MemberValue.Of(Nine, Partner(4), [fact], Spring).Gave.Concat(MemberValue.Of(Nine, Partner(4), [fact], Spring).Received));
    }

    [Fact]
    public void Other_items_go_either_way_and_every_fact_is_well_formed()
    {
        var statement = MemberValue.Of(Nine, Partner(4), [Fact(ValueKind.Other) with { Direction = ValueDirection.Gave }, Fact(ValueKind.Other) with { Direction = ValueDirection.Received }], Spring);
        Assert.Equal((1, 1), (statement.Gave.Count, statement.Received.Count));

        Assert.True(Assert.Throws<CoalitionRuleException>(() => MemberValue.Of(Nine, Partner(4), [Fact(ValueKind.Contribution) with { Kind = (ValueKind)11 }], Spring)).Has(ErrorCodes.Kernel.InvalidInput));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => MemberValue.Of(Nine, Partner(4), [Fact(ValueKind.Contribution) with { Label = "Two\nlines" }], Spring)).Has(ErrorCodes.Kernel.InvalidText));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => MemberValue.Of(Nine, Partner(4), [Fact(ValueKind.Contribution) with { Direction = 0 }], Spring)).Has(ErrorCodes.Kernel.InvalidInput));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => MemberValue.Of(Nine, Partner(4), [Fact(ValueKind.Contribution) with { On = new LocalDate(1899, 12, 31) }], Spring)).Has(ErrorCodes.Kernel.OutOfRange));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => MemberValue.Of(Nine, Partner(4), [Fact(ValueKind.Contribution) with { Source = null! }], Spring)).Has(ErrorCodes.Kernel.InvalidInput));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => MemberValue.Of(Nine, default, [], Spring)).Has(ErrorCodes.Kernel.EmptyId));
    }
}
