using Coalitions.Core.Communication;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.CommunicationScenario;
using static Coalitions.Core.Tests.Kit.MeetingScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Communication;

/// <summary>A stored communication plan is untrusted: each step that could not have happened is refused with its reason.</summary>
public class CommunicationHistoryTests
{
    private static readonly LocalDate April = new(2026, 4, 1);

    private static List<IDomainEvent> Drafted() => [.. CommunicationPlan.Draft(ThePlan, Draft(), Coalition, Secretariat, Start).DequeueUncommittedEvents()];

    private static List<IDomainEvent> Adopted() => [.. Drafted(), new CommunicationPlanAdopted(ThePlan, Adoption, Start, Secretariat)];

    private static List<IDomainEvent> Retired() => [.. Adopted(), new CommunicationPlanRetired(ThePlan, null, Start, Secretariat)];

    private static CommunicationPlanDrafted Drafting() => (CommunicationPlanDrafted)Drafted()[0];

    private static SentCommunication Sent(ContentKey? content = null) => new(Newsletter, April, "April newsletter", [CommunicationScenario.Members], content);

    private static ContentScheduled Scheduled(string key = "april-issue", ChannelKey? channel = null) =>
        new(ThePlan, new ContentItem(new ContentKey(key), channel ?? Newsletter, April, "April issue", [CommunicationScenario.Members]), Start, Secretariat);

    private static void Corrupt(List<IDomainEvent> history, string why, params IDomainEvent[] next) => StoredHistory.Refused(CommunicationPlan.Rehydrate, history, why, next);

    [Fact]
    public void A_stored_plan_is_drafted_in_a_known_time_zone_for_its_own_coalition_and_whole()
    {
        Corrupt([], "the plan is ill-formed.", Drafting() with { TimeZone = "Mars/Olympus_Mons" });
        Corrupt([], "the plan is ill-formed.", Drafting() with { Coalition = CoalitionId.New() });
        Corrupt([], "the plan is ill-formed.", Drafting() with { Draft = Draft() with { Deliveries = [.. Draft().Deliveries.Where(d => d.Audience != Donors)] } });
        Assert.Equal(CommunicationPlanStatus.Draft, CommunicationPlan.Rehydrate(Drafted()).Status);
    }

    [Fact]
    public void A_stored_revision_is_of_a_draft_and_whole()
    {
        var revised = new CommunicationPlanRevised(ThePlan, Draft("Communication plan 2026, revised"), Start, Secretariat);

        Corrupt(Adopted(), "the plan is not a draft.", revised);
        Corrupt(Drafted(), "the plan is ill-formed.", revised with { Draft = Draft() with { Coalition = CoalitionId.New() } });
        Corrupt(Drafted(), "the plan is ill-formed.", revised with { Draft = Draft() with { SocialMedia = null } });
        Corrupt(Drafted(), "the plan is ill-formed.", revised with { Draft = Draft(" ") });
        Assert.Equal("Communication plan 2026, revised", CommunicationPlan.Rehydrate([.. Drafted(), revised]).Content.Title);
    }

    [Fact]
    public void A_stored_adoption_is_of_a_draft_and_cites_the_coalitions_own_adoption_of_a_communication_plan()
    {
        var adopted = new CommunicationPlanAdopted(ThePlan, Adoption, Start, Secretariat);

        Corrupt(Adopted(), "the plan is not a draft.", adopted);
        Corrupt(Drafted(), "the decision cited is not this coalition's adoption of a communication plan.", adopted with { Decision = CoalitionScenario.Adopted(MatterType.AdmitMember) });
        Corrupt(Drafted(), "the decision cited is not this coalition's adoption of a communication plan.", adopted with { Decision = Adoption with { Coalition = CoalitionId.New() } });
        Corrupt(Drafted(), "the decision cited is not this coalition's adoption of a communication plan.", adopted with { Decision = Adoption with { Result = DecisionResult.Rejected } });
        Assert.Equal(CommunicationPlanStatus.Adopted, CommunicationPlan.Rehydrate([.. Drafted(), adopted with { Decision = null }]).Status);
    }

    [Fact]
    public void A_stored_amendment_is_of_an_adopted_plan_whole_and_cites_the_coalitions_own_adoption()
    {
        var amended = new CommunicationPlanAmended(ThePlan, Draft("Communication plan 2026, amended"), Adoption, Start, Secretariat);

        Corrupt(Drafted(), "the plan is not adopted.", amended);
        Corrupt(Retired(), "the plan is not adopted.", amended);
        Corrupt(Adopted(), "the plan is ill-formed.", amended with { Draft = Draft() with { SocialMedia = null } });
        Corrupt(Adopted(), "the plan is ill-formed.", amended with { Draft = Draft() with { Coalition = CoalitionId.New() } });
        Corrupt(Adopted(), "the decision cited is not this coalition's adoption of a communication plan.", amended with { Decision = CoalitionScenario.Adopted(MatterType.AdmitMember) });
        Corrupt(Adopted(), "the decision cited is not this coalition's adoption of a communication plan.", amended with { Decision = Adoption with { Coalition = CoalitionId.New() } });
        Corrupt(Adopted(), "the decision cited is not this coalition's adoption of a communication plan.", amended with { Decision = Adoption with { Result = DecisionResult.Rejected } });
        Assert.Equal("Communication plan 2026, amended", CommunicationPlan.Rehydrate([.. Adopted(), amended with { Decision = null }]).Content.Title);
    }

    [Fact]
    public void Stored_content_takes_a_key_of_its_own_on_a_channel_of_the_plan_before_it_is_retired()
    {
        Corrupt(Retired(), "the plan is retired.", Scheduled());
        Corrupt(Drafted(), "the item's key is taken or its channel is unknown.", Scheduled(), Scheduled());
        Corrupt(Drafted(), "the item's key is taken or its channel is unknown.", Scheduled(channel: new ChannelKey("radio")));
        Assert.Equal(new ContentKey("april-issue"), CommunicationPlan.Rehydrate([.. Drafted(), Scheduled()]).Calendar.Single().Key);
    }

    [Fact]
    public void A_stored_communication_is_logged_once_on_a_known_channel_while_the_plan_is_adopted()
    {
        var logged = new CommunicationLogged(ThePlan, Sent(), Start, NewsletterOwner);

        Corrupt(Drafted(), "the plan is not adopted.", logged);
        Corrupt(Retired(), "the plan is not adopted.", logged);
        Corrupt(Adopted(), "the channel or content item is unknown, or the item is logged already.", logged with { Sent = Sent() with { Channel = new ChannelKey("radio") } });
        Corrupt(Adopted(), "the channel or content item is unknown, or the item is logged already.", logged with { Sent = Sent(new ContentKey("april-issue")) });
        Corrupt([.. Adopted(), Scheduled()], "the channel or content item is unknown, or the item is logged already.", logged with { Sent = Sent(new ContentKey("april-issue")) }, logged with { Sent = Sent(new ContentKey("april-issue")) });
        Assert.Single(CommunicationPlan.Rehydrate([.. Adopted(), Scheduled(), logged with { Sent = Sent(new ContentKey("april-issue")) }, logged]).Log, s => s.Content is not null);
    }

    [Fact]
    public void A_stored_measurement_is_of_a_measure_of_the_adopted_plan_with_a_count_within_bounds()
    {
        var recorded = new MeasureRecorded(ThePlan, new MeasureValue(Reach, new LocalDate(2026, 4, 30), 2_500), Start, SocialOwner);

        Corrupt(Drafted(), "the plan is not adopted.", recorded);
        Corrupt(Adopted(), "the measure is unknown or its value out of range.", recorded with { Value = recorded.Value with { Measure = new MeasureKey("followers") } });
        Corrupt(Adopted(), "MeasureValue.Value is negative.", recorded with { Value = recorded.Value with { Value = -1 } }); // refused by the shape every stored event is checked against
        Corrupt(Adopted(), "the measure is unknown or its value out of range.", recorded with { Value = recorded.Value with { Value = CommunicationLimits.MaxCount + 1 } });
        Assert.Equal(2, CommunicationPlan.Rehydrate([.. Adopted(), recorded with { Value = recorded.Value with { Value = 0 } }, recorded with { Value = recorded.Value with { Value = CommunicationLimits.MaxCount } }]).Measurements.Count);
    }

    [Fact]
    public void A_stored_plan_is_retired_once() =>
        Corrupt(Retired(), "the plan is retired.", new CommunicationPlanRetired(ThePlan, null, Start, Secretariat));
}
