using Coalitions.Core.Advocacy;
using Coalitions.Core.Engagement;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.EngagementScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Engagement;

/// <summary>
/// A member's value statement at its edges: the inputs it takes and the words of each refusal, every fact checked
/// whoever it is about, how several kinds read in a sentence, and the value adapters' edges.
/// </summary>
public class MemberValueCommandTests
{
    private static readonly DateInterval Spring = new(new LocalDate(2026, 3, 1), new LocalDate(2026, 5, 31));

    private static ValueFact Given(ValueKind kind, int member = 4, string label = "Printing") =>
        new(Partner(member), ValueDirection.Gave, kind, new LocalDate(2026, 4, 1), Source("Resources", 1), label);

    [Fact]
    public void A_statement_takes_a_coalition_a_member_with_a_membership_a_period_and_at_most_a_million_facts()
    {
        var first = new LocalDate(1900, 1, 1);

        Assert.Equal("The coalition is required.", Refusal.Of(() => MemberValue.Of(null!, Partner(4), [], Spring), ErrorCodes.Kernel.InvalidInput).Message);
        Assert.Equal("The member is the empty id; give a real partner id.", Refusal.Of(() => MemberValue.Of(Nine, default, [], Spring), ErrorCodes.Kernel.EmptyId).Message);
        Assert.Equal("The period is required.", Refusal.Of(() => MemberValue.Of(Nine, Partner(4), [], null!), ErrorCodes.Engagement.InvalidInput).Message);
        Assert.Equal("The period is longer than 100 years.", Refusal.Of(() => MemberValue.Of(Nine, Partner(4), [], new DateInterval(first, first.PlusDays((100 * 366) + 1))), ErrorCodes.Kernel.InvalidPeriod).Message);
        Assert.Equal($"Partner {Partner(30)} has no membership of Learning for All.", Refusal.Of(() => MemberValue.Of(Nine, Partner(30), [], Spring), ErrorCodes.Engagement.NotAMember).Message);
        Assert.Equal(
            "The facts hold more than 1,000,000 items.",
            Refusal.Of(() => MemberValue.Of(Nine, Partner(4), Enumerable.Repeat(Given(ValueKind.Contribution), 1_000_001), Spring), ErrorCodes.Kernel.OutOfRange).Message);
        Refusal.Of(() => MemberValue.Of(Nine, Partner(4), null!, Spring), ErrorCodes.Kernel.InvalidInput);

        var longest = MemberValue.Of(Nine, Partner(4), [Given(ValueKind.Contribution)], new DateInterval(new LocalDate(2026, 12, 31).PlusDays(-100 * 366), new LocalDate(2026, 12, 31)));
        Assert.Equal(1, Assert.Single(longest.Gave).Count);
    }

    [Fact]
    public void Every_fact_is_checked_including_those_about_other_members()
    {
        Refusal.Of(() => MemberValue.Of(Nine, Partner(4), [Given(ValueKind.Contribution), Given(ValueKind.Contribution, member: 5, label: "Two\nlines")], Spring), ErrorCodes.Kernel.InvalidText);
        Assert.Equal(
            "The direction does not fit the kind: shared resources, joint initiatives and positions carried are received; everything else but 'other' is given.",
            Refusal.Of(() => MemberValue.Of(Nine, Partner(4), [Given(ValueKind.JointInitiative, member: 5)], Spring), ErrorCodes.Engagement.InvalidInput).Message);
        Assert.Equal(
            "An amount is zero to 10^15 in an ISO 4217 currency.",
            Refusal.Of(() => MemberValue.Of(Nine, Partner(4), [Given(ValueKind.Contribution, member: 5) with { Amount = new Money(-1m, "KES") }], Spring), ErrorCodes.Engagement.InvalidInput).Message);
    }

    [Fact]
    public void Several_kinds_read_as_one_list_in_the_order_of_the_kinds()
    {
        ValueFact[] facts = [Given(ValueKind.Endorsement, label: "Teachers"), Given(ValueKind.CommitmentMet, label: "Fund"), Given(ValueKind.Contribution)];

        Assert.Equal(
            "From 1 March 2026 to 31 May 2026, Member 4 gave 1 contribution, 1 commitment met and 1 statement endorsed and received nothing recorded.\ncontributions: Printing\ncommitments met: Fund\nstatements endorsed: Teachers",
            MemberValue.Of(Nine, Partner(4), facts, Spring).Describe());
    }

    [Fact]
    public void A_campaign_action_is_given_once_done_by_the_date_read_and_the_adapters_refuse_missing_inputs()
    {
        var campaign = LaunchedCampaign();
        campaign.PlanAction(Action(assignee: 4), Nine, Secretariat, Hours(1));
        campaign.CompleteAction(new CampaignActionKey("meet-minister"), new LocalDate(2026, 4, 10), null, Nine, For(4), OnDate(2026, 4, 10));

        Assert.Empty(ValueFacts.FromCampaign(campaign, new LocalDate(2026, 4, 9)));
        var done = Assert.Single(ValueFacts.FromCampaign(campaign, new LocalDate(2026, 4, 10)));
        Assert.Equal(
            new ValueFact(Partner(4), ValueDirection.Gave, ValueKind.ActionDone, new LocalDate(2026, 4, 10), new FactSource("Advocacy", TheCampaign.Value, "meet-minister"), "Meet the minister with the budget brief"),
            done);
        Assert.Equal("The campaign is required.", Refusal.Of(() => ValueFacts.FromCampaign(null!, new LocalDate(2026, 4, 10)), ErrorCodes.Kernel.InvalidInput).Message);
        Refusal.Of(() => ValueFacts.FromCampaign(campaign, new LocalDate(1899, 12, 31)), ErrorCodes.Kernel.OutOfRange, "The date 'as of' (1899-12-31)");
        Assert.Equal("The agreement is required.", Refusal.Of(() => ValueFacts.FromAgreement(null!, new LocalDate(2026, 4, 10)), ErrorCodes.Kernel.InvalidInput).Message);
        Refusal.Of(() => ValueFacts.FromAgreement(AgreementScenario.SignedByAll(), new LocalDate(3000, 1, 1)), ErrorCodes.Kernel.OutOfRange);
        Assert.Equal("The statement is required.", Refusal.Of(() => ValueFacts.FromStatement(null!), ErrorCodes.Kernel.InvalidInput).Message);
        Assert.Equal("The position is required.", Refusal.Of(() => ValueFacts.FromPosition(null!), ErrorCodes.Kernel.InvalidInput).Message);
    }

    [Fact]
    public void A_drafted_position_is_valued_only_once_adopted_and_on_the_day_adopted()
    {
        Assert.Empty(ValueFacts.FromPosition(DraftedPosition()));

        var facts = ValueFacts.FromPosition(AdoptedPosition());

        Assert.Equal([(ValueDirection.Gave, ValueKind.PositionDrafted), (ValueDirection.Received, ValueKind.PositionCarried)], facts.Select(f => (f.Direction, f.Kind)));
        Assert.All(facts, f => Assert.Equal((Partner(4), new LocalDate(2026, 3, 2), new FactSource("Advocacy", ThePosition.Value, "version 1")), (f.Member, f.On, f.Source)));
    }

    [Fact]
    public void A_value_fact_names_a_member_and_a_well_formed_source()
    {
        Refusal.Of(() => MemberValue.Of(Nine, Partner(4), [Given(ValueKind.Contribution) with { Member = default }], Spring), ErrorCodes.Kernel.EmptyId);
        Refusal.Of(() => MemberValue.Of(Nine, Partner(4), [Given(ValueKind.Contribution) with { Source = new FactSource("Resources", Guid.Empty) }], Spring), ErrorCodes.Kernel.EmptyId, "The record of a fact's source is the empty id.");
        Refusal.Of(() => MemberValue.Of(Nine, Partner(4), [Given(ValueKind.Contribution) with { Source = Source("Resources", 1, "Two\nlines") }], Spring), ErrorCodes.Kernel.InvalidText);
    }

    [Fact]
    public void An_agreement_that_binds_no_one_yet_gives_no_commitment_met()
    {
        Assert.Empty(ValueFacts.FromAgreement(AgreementScenario.Drafted(), new LocalDate(2026, 4, 10)));
    }
}
