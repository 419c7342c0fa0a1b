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

/// <summary>
/// Each command of a communication plan at its boundary: who may act, the coalition and rule book it belongs to, the
/// step it needs, the channels, content and measures it names, what a new version must keep, and the words of each
/// refusal.
/// </summary>
public class CommunicationCommandTests
{
    private static readonly LocalDate April = new(2026, 4, 1);
    private static readonly LocalDate Today = new(2026, 3, 2);

    private static ContentItem Item(string key, LocalDate on, ChannelKey? channel = null) => new(new ContentKey(key), channel ?? Newsletter, on, "April issue", [CommunicationScenario.Members]);

    private static SentCommunication Sent(LocalDate on, ChannelKey? channel = null) => new(channel ?? Newsletter, on, "A newsletter", [CommunicationScenario.Members]);

    [Fact]
    public void A_refusal_of_who_acts_names_who_may()
    {
        var plan = AdoptedPlan();

        Assert.Equal(
            $"Person {Person(7)} acting for partner {Partner(7)} may not adopt Communication plan 2026: only a coordinator of the coalition may.",
            Refusal.Expect(DraftedPlan(), ErrorCodes.Coalitions.NotACoordinator, () => DraftedPlan().Adopt(TheGovernance, Adoption, Coalition, For(7), Start)).Message);
        Assert.Equal(
            $"Person {Person(7)} acting for partner {Partner(7)} may not record sent Communication plan 2026: only the owner of the channel concerned or a coordinator of the coalition may.",
            Refusal.Expect(plan, ErrorCodes.Communication.NotAnOwner, () => plan.RecordSent(Sent(Today), Coalition, For(7), Start)).Message);
        Refusal.Of(() => CommunicationPlan.Draft(ThePlan, null!, Coalition, For(7), Start), ErrorCodes.Coalitions.NotACoordinator, "may not draft a new communication plan");
    }

    [Fact]
    public void A_plan_is_drafted_with_an_id_for_a_coalition_given_and_its_own()
    {
        Refusal.Of(() => CommunicationPlan.Draft(ThePlan, Draft(), null!, Secretariat, Start), ErrorCodes.Kernel.InvalidInput);
        Refusal.Of(() => CommunicationPlan.Draft(default, Draft(), Coalition, Secretariat, Start), ErrorCodes.Kernel.EmptyId);
        Assert.Equal(
            "The plan 'Communication plan 2026' belongs to another coalition than Learning for All.",
            Refusal.Of(() => CommunicationPlan.Draft(ThePlan, Draft() with { Coalition = AdvocacyScenario.Elsewhere.Id }, Coalition, Secretariat, Start), ErrorCodes.Coalitions.OtherCoalition).Message);
        Assert.StartsWith(
            "The plan 'Communication plan 2026' is refused: The audience 'Donors'",
            Refusal.Of(() => CommunicationPlan.Draft(ThePlan, Draft() with { Deliveries = [.. Draft().Deliveries.Where(d => d.Audience != Donors)] }, Coalition, Secretariat, Start), ErrorCodes.Communication.AudienceUnreached).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Adoption_and_amendment_take_a_rule_book_and_coalition_and_a_plan_is_adopted_once()
    {
        var plan = DraftedPlan();

        Refusal.Expect(plan, ErrorCodes.Kernel.InvalidInput, () => plan.Adopt(null!, Adoption, Coalition, Secretariat, Start));
        Assert.Equal(
            "The rule book or coalition given is not that of 'Communication plan 2026'.",
            Refusal.Expect(plan, ErrorCodes.Coalitions.OtherCoalition, () => plan.Adopt(GovernanceScenario.With(global::Coalitions.Core.Governance.GovernanceTemplates.AdvocacyCoalition(), AdvocacyScenario.Elsewhere), Adoption, Coalition, Secretariat, Start)).Message);
        plan.Adopt(TheGovernance, Adoption, Coalition, Secretariat, Start);

        Assert.Equal("'Communication plan 2026' is adopted.", Refusal.Expect(plan, ErrorCodes.Communication.InvalidTransition, () => plan.Adopt(TheGovernance, Adoption, Coalition, Secretariat, Start)).Message);
        plan.Retire(null, Coalition, Secretariat, Start);
        Assert.Equal("'Communication plan 2026' is retired.", Refusal.Expect(plan, ErrorCodes.Communication.InvalidTransition, () => plan.Retire(null, Coalition, Secretariat, Start)).Message);
    }

    [Fact]
    public void Content_is_scheduled_only_by_the_owner_of_its_channel_or_a_coordinator()
    {
        var plan = AdoptedPlan();

        Assert.True(Refusal.Expect(plan, ErrorCodes.Communication.NotAnOwner, () => plan.ScheduleContent(Item("april-issue", April), Coalition, SocialOwner, Start)).IsAuthorizationRefusal);
        Assert.True(Refusal.Expect(plan, ErrorCodes.Communication.NotAnOwner, () => plan.ScheduleContent(Item("april-issue", April), Coalition, For(7), Start)).IsAuthorizationRefusal);

        plan.ScheduleContent(Item("april-issue", April), Coalition, NewsletterOwner, Start);
        plan.ScheduleContent(Item("may-issue", April.PlusMonths(1)), Coalition, Secretariat, Start);

        Assert.Equal(2, plan.CalendarBetween(April, April.PlusMonths(1)).Count(e => e.Content is not null));
    }

    [Fact]
    public void A_content_item_s_key_day_and_channel_are_checked_with_words_that_name_them()
    {
        var plan = AdoptedPlan();
        plan.ScheduleContent(Item("april-issue", April), Coalition, NewsletterOwner, Start);

        Refusal.Expect(plan, ErrorCodes.Kernel.InvalidInput, () => plan.ScheduleContent(null!, Coalition, Secretariat, Start));
        Assert.Equal(
            "The calendar already has 'april-issue', or holds as many items as it may.",
            Refusal.Expect(plan, ErrorCodes.Communication.OffPlan, () => plan.ScheduleContent(Item("april-issue", April), Coalition, NewsletterOwner, Start)).Message);
        Assert.Equal(
            "'Communication plan 2026' has no channel 'radio'.",
            Refusal.Expect(plan, ErrorCodes.Communication.UnknownReference, () => plan.ScheduleContent(Item("radio-spot", April, new ChannelKey("radio")), Coalition, Secretariat, Start)).Message);
        Refusal.Expect(plan, ErrorCodes.Communication.OffPlan, () => plan.ScheduleContent(Item("mixed", April) with { Audiences = [CommunicationScenario.Members, Public] }, Coalition, NewsletterOwner, Start));
        Refusal.Expect(plan, ErrorCodes.Kernel.InvalidInput, () => plan.RecordSent(null!, Coalition, Secretariat, Start));
        Assert.Contains("'day'", Refusal.Expect(plan, ErrorCodes.Kernel.OutOfRange, () => plan.RecordSent(Sent(new LocalDate(1899, 12, 31)), Coalition, NewsletterOwner, Start)).Message, StringComparison.Ordinal);
        Assert.Contains("'on'", Refusal.Expect(plan, ErrorCodes.Kernel.OutOfRange, () => plan.RecordMeasurement(Reach, new LocalDate(1899, 12, 31), 5, Coalition, SocialOwner, Start)).Message, StringComparison.Ordinal);
        Assert.Contains("'from'", Refusal.Of(() => plan.CalendarBetween(new LocalDate(1899, 12, 31), April), ErrorCodes.Kernel.OutOfRange).Message, StringComparison.Ordinal);
        Assert.Contains("'to'", Refusal.Of(() => plan.CalendarBetween(April, new LocalDate(3000, 1, 1)), ErrorCodes.Kernel.OutOfRange).Message, StringComparison.Ordinal);
        Assert.Equal(
            "'Communication plan 2026' has no measure 'followers'.",
            Refusal.Expect(plan, ErrorCodes.Communication.UnknownReference, () => plan.RecordMeasurement(new MeasureKey("followers"), Today, 5, Coalition, Secretariat, Start)).Message);
    }

    [Fact]
    public void A_revision_drops_the_channels_it_leaves_out()
    {
        var plan = DraftedPlan();
        var withoutWebsite = Draft() with
        {
            Channels = [.. Draft().Channels.Where(c => c.Key != Website)],
            Deliveries = [.. Draft().Deliveries.Where(d => d.Channel != Website)],
        };

        plan.Revise(withoutWebsite, Coalition, Secretariat, Start);

        Assert.DoesNotContain(plan.DueOn(April), d => d.Channel == Website);
        Refusal.Expect(plan, ErrorCodes.Communication.UnknownReference, () => plan.ScheduleContent(Item("site-news", April, Website) with { Audiences = [Public] }, Coalition, Secretariat, Start));
    }

    [Fact]
    public void A_new_version_keeps_the_platforms_its_calendar_uses_and_the_measures_it_has_recorded()
    {
        var plan = AdoptedPlan();
        plan.ScheduleContent(new ContentItem(new ContentKey("reel"), Social, April, "A reel", [Public], Platform: Instagram), Coalition, SocialOwner, Start);
        plan.RecordMeasurement(Signatures, Today, 40, Coalition, Secretariat, Start);
        var social = Social_();
        var withoutFacebook = Draft() with { SocialMedia = social with { Platforms = [.. social.Platforms.Where(p => p.Key != Facebook)] } };
        var withoutInstagram = Draft() with
        {
            SocialMedia = social with
            {
                Platforms = [.. social.Platforms.Where(p => p.Key != Instagram)],
                Measures = [.. social.Measures.Select(m => m.Key == Reach ? m with { Platform = Facebook } : m)],
            },
        };
        var withoutSignatures = Draft() with { SocialMedia = social with { Measures = [.. social.Measures.Where(m => m.Key != Signatures)], Objectives = [social.Objectives[0]] } };

        Assert.Equal(
            "The new version of 'Communication plan 2026' drops a channel, platform or measure its calendar, log or measures use.",
            Refusal.Expect(plan, ErrorCodes.Communication.UnknownReference, () => plan.Amend(withoutInstagram, TheGovernance, Adoption, Coalition, Secretariat, Start)).Message);
        Refusal.Expect(plan, ErrorCodes.Communication.UnknownReference, () => plan.Amend(withoutSignatures, TheGovernance, Adoption, Coalition, Secretariat, Start));

        plan.Amend(withoutFacebook, TheGovernance, Adoption, Coalition, Secretariat, Start);

        Assert.Equal([Instagram], plan.Content.SocialMedia!.Platforms.Select(p => p.Key));
    }

    [Fact]
    public void A_channel_s_last_communication_counts_on_the_very_day_asked()
    {
        var plan = AdoptedPlan();
        plan.RecordSent(Sent(April), Coalition, NewsletterOwner, OnDay(4, 2));

        var due = plan.DueOn(April).Single(d => d.Channel == Newsletter);

        Assert.Equal(April, due.LastSent);
        Assert.Equal(April.PlusMonths(1), due.NextDue);
    }

    [Fact]
    public void The_calendar_lists_only_content_on_the_days_asked()
    {
        var plan = AdoptedPlan();
        plan.ScheduleContent(Item("march-issue", new LocalDate(2026, 3, 31)), Coalition, NewsletterOwner, Start);
        plan.ScheduleContent(Item("april-issue", April), Coalition, NewsletterOwner, Start);
        plan.ScheduleContent(Item("may-issue", new LocalDate(2026, 5, 2)), Coalition, NewsletterOwner, Start);

        var content = plan.CalendarBetween(April, new LocalDate(2026, 5, 1)).Where(e => e.Content is not null).Select(e => e.Content!.Value.Value);

        Assert.Equal(["april-issue"], content);
    }
}
