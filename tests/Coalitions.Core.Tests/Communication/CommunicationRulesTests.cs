using Coalitions.Core.Communication;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Meetings;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using NodaTime.Calendars;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.CommunicationScenario;
using static Coalitions.Core.Tests.Kit.MeetingScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using CoalitionAggregate = global::Coalitions.Core.Coalitions.Coalition;

namespace Coalitions.Core.Tests.Communication;

/// <summary>The bounds of a communication plan, of what is scheduled, sent and measured through it, and how its calendar, dues and progress are read.</summary>
public class CommunicationRulesTests
{
    private static readonly LocalDate April = new(2026, 4, 1);

    private static void RefusedPlan(CommunicationPlanDraft draft, ErrorCode code, string? words = null) => Refusal.Of(() => DraftedPlan(draft), code, words);

    private static Channel Other(int n) => new(new ChannelKey($"channel-{n}"), $"Channel {n}", ChannelKind.Other, Period.FromMonths(1), Person(5), April);

    private static Audience Group(int n) => new(new AudienceKey($"group-{n}"), $"Group {n}", AudienceKind.Other);

    private static SentCommunication Sent(LocalDate on, string title = "April newsletter", ContentKey? content = null, ChannelKey? channel = null) =>
        new(channel ?? Newsletter, on, title, [CommunicationScenario.Members], content);

    private static ContentItem Item(string key, LocalDate on, ChannelKey? channel = null, string title = "April issue") =>
        new(new ContentKey(key), channel ?? Newsletter, on, title, [CommunicationScenario.Members]);

    [Fact]
    public void A_plan_has_one_to_fifty_audiences_each_reached_through_some_channel()
    {
        var fifty = Enumerable.Range(4, 47).Select(Group).ToArray();
        var reachFifty = fifty.Select(a => new Delivery(a.Key, Newsletter, "The newsletter.")).ToArray();

        RefusedPlan(Draft() with { Audiences = [], Deliveries = [] }, ErrorCodes.Communication.InvalidPlan, "1 to 50 audiences");
        RefusedPlan(Draft() with { Audiences = [.. Draft().Audiences, .. fifty, Group(51)], Deliveries = [.. Draft().Deliveries, .. reachFifty, new Delivery(Group(51).Key, Newsletter, "The newsletter.")] }, ErrorCodes.Communication.InvalidPlan, "1 to 50 audiences");

        Assert.Equal(50, DraftedPlan(Draft() with { Audiences = [.. Draft().Audiences, .. fifty], Deliveries = [.. Draft().Deliveries, .. reachFifty] }).Content.Audiences.Count);
    }

    [Fact]
    public void A_plan_has_one_to_fifty_channels()
    {
        var more = Enumerable.Range(4, 47).Select(Other).ToArray();

        RefusedPlan(Draft() with { Channels = [], Deliveries = [], SocialMedia = null }, ErrorCodes.Communication.InvalidPlan, "1 to 50 channels");
        RefusedPlan(Draft() with { Channels = [.. Draft().Channels, .. more, Other(51)] }, ErrorCodes.Communication.InvalidPlan, "1 to 50 channels");

        Assert.Equal(50, DraftedPlan(Draft() with { Channels = [.. Draft().Channels, .. more] }).Content.Channels.Count);
    }

    [Fact]
    public void A_channel_has_a_calendar_cadence_an_owner_and_a_first_day_in_the_iso_calendar_between_1900_and_2999()
    {
        Channel Changed(Func<Channel, Channel> change) => change(Other(4));
        CommunicationPlanDraft With(Channel channel) => Draft() with { Channels = [.. Draft().Channels, channel] };

        RefusedPlan(With(Changed(c => c with { Cadence = Period.FromHours(24) })), ErrorCodes.Communication.InvalidPlan, "a calendar cadence");
        RefusedPlan(With(Changed(c => c with { Cadence = Period.Zero })), ErrorCodes.Communication.InvalidPlan);
        RefusedPlan(With(Changed(c => c with { Owner = default })), ErrorCodes.Communication.InvalidPlan);
        RefusedPlan(With(Changed(c => c with { StartsOn = new LocalDate(1899, 12, 31) })), ErrorCodes.Communication.InvalidPlan);
        RefusedPlan(With(Changed(c => c with { StartsOn = new LocalDate(3000, 1, 1) })), ErrorCodes.Communication.InvalidPlan);
        RefusedPlan(With(Changed(c => c with { StartsOn = new LocalDate(2026, 4, 1, CalendarSystem.Julian) })), ErrorCodes.Communication.InvalidPlan);
        RefusedPlan(With(Changed(c => c with { Kind = (ChannelKind)99 })), ErrorCodes.Communication.InvalidPlan);
        RefusedPlan(With(Changed(c => c with { Name = "Channel\nfour" })), ErrorCodes.Communication.InvalidPlan);

        Assert.Equal(4, DraftedPlan(With(Changed(c => c with { StartsOn = new LocalDate(1900, 1, 1) }))).Content.Channels.Count);
        Assert.Equal(4, DraftedPlan(With(Changed(c => c with { StartsOn = new LocalDate(2999, 12, 31) }))).Content.Channels.Count);
    }

    [Fact]
    public void An_audience_has_a_one_line_name_and_a_defined_kind()
    {
        RefusedPlan(Draft() with { Audiences = [Draft().Audiences[0] with { Name = "Members\nand friends" }, .. Draft().Audiences.Skip(1)] }, ErrorCodes.Communication.InvalidPlan);
        RefusedPlan(Draft() with { Audiences = [Draft().Audiences[0] with { Name = new string('m', 201) }, .. Draft().Audiences.Skip(1)] }, ErrorCodes.Communication.InvalidPlan);
        RefusedPlan(Draft() with { Audiences = [Draft().Audiences[0] with { Kind = 0 }, .. Draft().Audiences.Skip(1)] }, ErrorCodes.Communication.InvalidPlan);

        Assert.Equal(new string('m', 200), DraftedPlan(Draft() with { Audiences = [Draft().Audiences[0] with { Name = new string('m', 200) }, .. Draft().Audiences.Skip(1)] }).Content.Audiences[0].Name);
    }

    [Fact]
    public void A_plan_says_at_most_500_times_what_an_audience_gets_through_a_channel_in_one_line()
    {
        Delivery Line(int n) => new(Donors, Website, $"Report {n}.");

        RefusedPlan(Draft() with { Deliveries = [.. Draft().Deliveries, .. Enumerable.Range(1, 496).Select(Line)] }, ErrorCodes.Communication.InvalidPlan, "at most 500 lines");
        RefusedPlan(Draft() with { Deliveries = [.. Draft().Deliveries, new Delivery(Donors, Website, "Two\nlines")] }, ErrorCodes.Communication.InvalidPlan);

        Assert.Equal(500, DraftedPlan(Draft() with { Deliveries = [.. Draft().Deliveries, .. Enumerable.Range(1, 495).Select(Line)] }).Content.Deliveries.Count);
    }

    [Fact]
    public void Each_audience_and_each_channel_has_its_own_key()
    {
        RefusedPlan(Draft() with { Audiences = [.. Draft().Audiences, new Audience(Donors, "Foundations", AudienceKind.Donors)] }, ErrorCodes.Communication.InvalidPlan, "Each audience and each channel has its own key.");
        RefusedPlan(Draft() with { Channels = [.. Draft().Channels, Other(4) with { Key = Website }] }, ErrorCodes.Communication.InvalidPlan, "Each audience and each channel has its own key.");
    }

    [Fact]
    public void Each_objective_platform_and_measure_has_its_own_key()
    {
        var social = Social_();

        RefusedPlan(Draft() with { SocialMedia = social with { Objectives = [.. social.Objectives, social.Objectives[0] with { Description = "Again." }] } }, ErrorCodes.Communication.InvalidPlan, "Each objective, platform and measure has its own key.");
        RefusedPlan(Draft() with { SocialMedia = social with { Platforms = [.. social.Platforms, social.Platforms[0] with { Name = "Instagram again" }] } }, ErrorCodes.Communication.InvalidPlan, "Each objective, platform and measure has its own key.");
        RefusedPlan(Draft() with { SocialMedia = social with { Measures = [.. social.Measures, social.Measures[0] with { Target = 20_000 }] } }, ErrorCodes.Communication.InvalidPlan, "Each objective, platform and measure has its own key.");
    }

    [Fact]
    public void A_social_media_plan_has_one_to_twenty_objectives_and_platforms_and_one_to_a_hundred_measures()
    {
        var social = Social_();
        SocialObjective Objective(int n) => new(new ObjectiveKey($"objective-{n}"), SocialObjectiveKind.PromoteEvents, $"Objective {n}.");
        SocialMeasure MeasureOf(int n, ObjectiveKey objective) => new(new MeasureKey($"measure-{n}"), objective, IndicatorKind.Engagement, 100, new LocalDate(2026, 12, 31));
        Platform PlatformOf(int n) => new(new PlatformKey($"platform-{n}"), $"Platform {n}", Social, [Public], ["Post weekly."]);
        var objectives = Enumerable.Range(3, 18).Select(Objective).ToArray();
        var measured = objectives.Select((o, i) => MeasureOf(i + 3, o.Key)).ToArray();
        const string Words = "1 to 20 objectives, 1 to 20 platforms (each with 1 to 20 one-line tactics) and 1 to 100 measures";

        RefusedPlan(Draft() with { SocialMedia = social with { Objectives = [], Measures = [] } }, ErrorCodes.Communication.InvalidPlan, Words);
        RefusedPlan(Draft() with { SocialMedia = social with { Objectives = [.. social.Objectives, .. objectives, Objective(21)], Measures = [.. social.Measures, .. measured, MeasureOf(21, new ObjectiveKey("objective-21"))] } }, ErrorCodes.Communication.InvalidPlan, Words);
        RefusedPlan(Draft() with { SocialMedia = social with { Platforms = [] } }, ErrorCodes.Communication.InvalidPlan, Words);
        RefusedPlan(Draft() with { SocialMedia = social with { Platforms = [.. social.Platforms, .. Enumerable.Range(3, 19).Select(PlatformOf)] } }, ErrorCodes.Communication.InvalidPlan, Words);
        RefusedPlan(Draft() with { SocialMedia = social with { Measures = [] } }, ErrorCodes.Communication.InvalidPlan, Words);
        RefusedPlan(Draft() with { SocialMedia = social with { Measures = [.. social.Measures, .. Enumerable.Range(3, 99).Select(n => MeasureOf(n, Awareness))] } }, ErrorCodes.Communication.InvalidPlan, Words);
        RefusedPlan(Draft() with { SocialMedia = social with { Platforms = [social.Platforms[0] with { Tactics = [.. Enumerable.Range(1, 21).Select(n => $"Tactic {n}.")] }, social.Platforms[1]] } }, ErrorCodes.Communication.InvalidPlan, Words);
        RefusedPlan(Draft() with { SocialMedia = social with { Platforms = [social.Platforms[0] with { Tactics = ["Two\nlines."] }, social.Platforms[1]] } }, ErrorCodes.Communication.InvalidPlan, Words);

        var widest = DraftedPlan(Draft() with
        {
            SocialMedia = social with
            {
                Objectives = [.. social.Objectives, .. objectives],
                Platforms = [social.Platforms[0] with { Tactics = [.. Enumerable.Range(1, 20).Select(n => $"Tactic {n}.")] }, social.Platforms[1], .. Enumerable.Range(3, 18).Select(PlatformOf)],
                Measures = [.. social.Measures, .. measured, .. Enumerable.Range(21, 80).Select(n => MeasureOf(n, Awareness))],
            },
        }).Content.SocialMedia!;
        Assert.Equal((20, 20, 100, 20), (widest.Objectives.Count, widest.Platforms.Count, widest.Measures.Count, widest.Platforms[0].Tactics.Count));
    }

    [Fact]
    public void A_measure_s_target_is_from_one_to_ten_to_the_fifteenth_by_a_day_between_1900_and_2999()
    {
        CommunicationPlanDraft With(Func<SocialMeasure, SocialMeasure> change) => Draft() with { SocialMedia = Social_() with { Measures = [change(Social_().Measures[0]), Social_().Measures[1]] } };

        RefusedPlan(With(m => m with { Target = 0 }), ErrorCodes.Communication.InvalidPlan);
        RefusedPlan(With(m => m with { Target = 1_000_000_000_000_001 }), ErrorCodes.Communication.InvalidPlan);
        RefusedPlan(With(m => m with { By = new LocalDate(1899, 12, 31) }), ErrorCodes.Communication.InvalidPlan);
        RefusedPlan(With(m => m with { By = new LocalDate(3000, 1, 1) }), ErrorCodes.Communication.InvalidPlan);
        RefusedPlan(With(m => m with { By = new LocalDate(2026, 12, 31, CalendarSystem.Julian) }), ErrorCodes.Communication.InvalidPlan);
        RefusedPlan(With(m => m with { Indicator = (IndicatorKind)4 }), ErrorCodes.Communication.InvalidPlan);

        Assert.Equal(1, DraftedPlan(With(m => m with { Target = 1 })).Content.SocialMedia!.Measures[0].Target);
        Assert.Equal(1_000_000_000_000_000, DraftedPlan(With(m => m with { Target = 1_000_000_000_000_000 })).Content.SocialMedia!.Measures[0].Target);
        Assert.Equal(new LocalDate(2999, 12, 31), DraftedPlan(With(m => m with { By = new LocalDate(2999, 12, 31) })).Content.SocialMedia!.Measures[0].By);
    }

    [Fact]
    public void A_platform_names_a_tactic_and_only_audiences_of_the_plan()
    {
        var social = Social_();

        RefusedPlan(Draft() with { SocialMedia = social with { Platforms = [social.Platforms[0] with { Tactics = [] }, social.Platforms[1]] } }, ErrorCodes.Communication.PlatformWithoutAudience, "The platform 'Instagram' names no audience that uses it, or no tactic for it.");
        RefusedPlan(Draft() with { SocialMedia = social with { Platforms = [social.Platforms[0], social.Platforms[1] with { Audiences = [Public, new AudienceKey("students")] }] } }, ErrorCodes.Communication.UnknownReference, "A platform names the audience 'students', which the plan does not define.");
    }

    [Fact]
    public void A_measure_names_an_objective_and_a_platform_of_the_plan()
    {
        var social = Social_();

        RefusedPlan(Draft() with { SocialMedia = social with { Measures = [.. social.Measures, social.Measures[0] with { Key = new MeasureKey("stray"), Objective = new ObjectiveKey("fundraise") }] } }, ErrorCodes.Communication.UnknownReference, "The measure 'stray' names an objective or platform the plan does not define.");
        RefusedPlan(Draft() with { SocialMedia = social with { Measures = [.. social.Measures, social.Measures[0] with { Key = new MeasureKey("stray"), Platform = new PlatformKey("tiktok") }] } }, ErrorCodes.Communication.UnknownReference, "The measure 'stray' names an objective or platform the plan does not define.");
    }

    [Fact]
    public void A_delivery_names_an_audience_and_a_channel_of_the_plan()
    {
        RefusedPlan(Draft() with { Deliveries = [.. Draft().Deliveries, new Delivery(new AudienceKey("students"), Newsletter, "News.")] }, ErrorCodes.Communication.UnknownReference, "A delivery names 'students' through 'newsletter', which the plan does not define.");
    }

    [Fact]
    public void A_plan_without_a_social_media_channel_needs_no_social_media_plan()
    {
        var plain = Draft() with
        {
            Channels = [.. Draft().Channels.Where(c => c.Key != Social)],
            Deliveries = [.. Draft().Deliveries.Where(d => d.Channel != Social)],
            SocialMedia = null,
        };

        var plan = AdoptedPlan(plain);

        Assert.Null(plan.Content.SocialMedia);
        Assert.Empty(plan.ProgressOn(new LocalDate(2026, 12, 31)));
    }

    [Fact]
    public void A_plan_is_the_coalition_s_own()
    {
        Refusal.Of(() => DraftedPlan(Draft() with { Coalition = CoalitionId.New() }), ErrorCodes.Coalitions.OtherCoalition, "belongs to another coalition than Learning for All");
    }

    [Fact]
    public void Adoption_and_amendment_take_the_plan_s_own_coalition_and_rule_book()
    {
        var elsewhere = CoalitionAggregate.Found(CoalitionId.New(), "Reading Together", global::Coalitions.Core.Coalitions.CoalitionForm.Alliance, "Africa/Nairobi", Convenor, Secretariat, Start);
        var plan = DraftedPlan();

        Refusal.Expect(plan, ErrorCodes.Coalitions.OtherCoalition, () => plan.Adopt(new RuleBookOf(CoalitionId.New()), null, Coalition, Secretariat, Start));
        Refusal.Expect(plan, ErrorCodes.Coalitions.OtherCoalition, () => plan.Adopt(OpenDoor, null, elsewhere, Secretariat, Start));
        plan.Adopt(OpenDoor, null, Coalition, Secretariat, Start);
        Refusal.Expect(plan, ErrorCodes.Coalitions.OtherCoalition, () => plan.Amend(Draft("Amended"), new RuleBookOf(CoalitionId.New()), null, Coalition, Secretariat, Start));
        Refusal.Expect(plan, ErrorCodes.Coalitions.DecisionRequired, () => plan.Amend(Draft("Amended"), TheGovernance, null, Coalition, Secretariat, Start));
    }

    [Fact]
    public void The_plan_keeps_its_names_trimmed_and_its_own_copy_of_the_hosts_lists()
    {
        var audiences = new List<Audience>(Draft().Audiences);
        var tactics = new List<string> { "  Short stories of readers.  " };
        var social = Social_() with { Platforms = [Social_().Platforms[0] with { Name = " Instagram ", Tactics = tactics }, Social_().Platforms[1]], Objectives = [Social_().Objectives[0] with { Description = " Awareness. " }, Social_().Objectives[1]] };
        var draft = Draft("  Communication plan 2026  ") with
        {
            Audiences = audiences,
            Channels = [Draft().Channels[0] with { Name = " Monthly newsletter " }, .. Draft().Channels.Skip(1)],
            Deliveries = [Draft().Deliveries[0] with { Content = " News. " }, .. Draft().Deliveries.Skip(1)],
            SocialMedia = social,
        };

        var plan = DraftedPlan(draft);
        audiences.Clear();
        tactics.Add("A second tactic.");

        Assert.Equal("Communication plan 2026", plan.Content.Title);
        Assert.Equal(3, plan.Content.Audiences.Count);
        Assert.Equal("Monthly newsletter", plan.Content.Channels[0].Name);
        Assert.Equal("News.", plan.Content.Deliveries[0].Content);
        Assert.Equal("Instagram", plan.Content.SocialMedia!.Platforms[0].Name);
        Assert.Equal(["Short stories of readers."], plan.Content.SocialMedia.Platforms[0].Tactics);
        Assert.Equal("Awareness.", plan.Content.SocialMedia.Objectives[0].Description);
        Assert.Equal("Communication plan 2026", Assert.IsType<CommunicationPlanDrafted>(plan.DequeueUncommittedEvents()[0]).Draft.Title);
    }

    [Fact]
    public void Only_a_draft_is_revised_and_a_revision_keeps_what_the_calendar_uses()
    {
        var plan = DraftedPlan();
        plan.ScheduleContent(Item("april-issue", April), Coalition, NewsletterOwner, Start);
        var withoutNewsletter = Draft() with
        {
            Channels = [.. Draft().Channels.Where(c => c.Key != Newsletter)],
            Deliveries = [.. Draft().Deliveries.Where(d => d.Channel != Newsletter), new Delivery(Donors, Website, "Annual report.")],
        };

        Refusal.Expect(plan, ErrorCodes.Communication.UnknownReference, () => plan.Revise(withoutNewsletter, Coalition, Secretariat, Start));
        Refusal.Expect(plan, ErrorCodes.Coalitions.NotACoordinator, () => plan.Revise(Draft("Revised"), Coalition, NewsletterOwner, Start));
        plan.Revise(Draft(" Revised "), Coalition, Secretariat, Start);
        Assert.Equal("Revised", plan.Content.Title);

        plan.Adopt(TheGovernance, Adoption, Coalition, Secretariat, Start);
        Refusal.Expect(plan, ErrorCodes.Communication.InvalidTransition, () => plan.Revise(Draft("Revised again"), Coalition, Secretariat, Start));
    }

    [Fact]
    public void An_amendment_is_of_an_adopted_plan_and_its_decisions_stay_in_order()
    {
        var plan = DraftedPlan();
        Refusal.Expect(plan, ErrorCodes.Communication.InvalidTransition, () => plan.Amend(Draft("Amended"), TheGovernance, Adoption, Coalition, Secretariat, Start));
        plan.Adopt(TheGovernance, Adoption, Coalition, Secretariat, Start);
        var amendment = CoalitionScenario.Adopted(MatterType.AdoptCommunicationPlan) with { Proposal = ProposalNumber(42) };

        Refusal.Expect(plan, ErrorCodes.Coalitions.NotACoordinator, () => plan.Amend(Draft("Amended"), TheGovernance, amendment, Coalition, NewsletterOwner, Start));
        plan.Amend(Draft(" Amended "), TheGovernance, amendment, Coalition, Secretariat, Start);

        Assert.Equal("Amended", plan.Content.Title);
        Assert.Equal([Adoption, amendment], plan.Decisions);
        plan.Retire(null, Coalition, Secretariat, Start);
        Refusal.Expect(plan, ErrorCodes.Communication.InvalidTransition, () => plan.Amend(Draft("Amended again"), TheGovernance, amendment, Coalition, Secretariat, Start));
    }

    [Fact]
    public void A_content_item_has_a_key_a_one_line_title_of_at_most_200_characters_and_no_empty_meeting()
    {
        var plan = AdoptedPlan();
        const string Words = "A content item has a key, a title of one line of at most 200 characters, and no empty meeting id.";

        Refusal.Expect(plan, ErrorCodes.Kernel.InvalidInput, () => plan.ScheduleContent(Item("a", April) with { Key = default }, Coalition, Secretariat, Start));
        Refusal.Expect(plan, ErrorCodes.Kernel.InvalidInput, () => plan.ScheduleContent(Item("a", April, title: "Two\nlines"), Coalition, Secretariat, Start));
        Refusal.Expect(plan, ErrorCodes.Kernel.InvalidInput, () => plan.ScheduleContent(Item("a", April, title: new string('t', 201)), Coalition, Secretariat, Start));
        var error = Refusal.Expect(plan, ErrorCodes.Kernel.InvalidInput, () => plan.ScheduleContent(Item("a", April) with { Meeting = default(MeetingId) }, Coalition, Secretariat, Start));
        Assert.Equal(Words, error.Message);
        Refusal.Expect(plan, ErrorCodes.Kernel.InvalidInput, () => plan.ScheduleContent(Item("a", April, title: " "), Coalition, Secretariat, Start));
        Assert.Equal(
            "The date 'day' (3000-01-01) must be an ISO calendar date in the years 1900 to 2999.",
            Refusal.Expect(plan, ErrorCodes.Kernel.OutOfRange, () => plan.ScheduleContent(Item("a", new LocalDate(3000, 1, 1)), Coalition, Secretariat, Start)).Message);

        plan.ScheduleContent(Item("a", April, title: new string('t', 200)) with { Meeting = TheMeeting }, Coalition, Secretariat, Start);
        Assert.Equal(TheMeeting, Assert.Single(plan.Calendar).Meeting);
    }

    [Fact]
    public void A_content_item_keeps_its_title_trimmed_and_each_audience_once()
    {
        var plan = AdoptedPlan();

        plan.ScheduleContent(Item("april-issue", April, title: "  April issue  ") with { Audiences = [CommunicationScenario.Members, Donors, CommunicationScenario.Members] }, Coalition, NewsletterOwner, Start);

        var item = Assert.Single(plan.Calendar);
        Assert.Equal("April issue", item.Title);
        Assert.Equal([CommunicationScenario.Members, Donors], item.Audiences);
    }

    [Fact]
    public void A_content_item_s_key_is_used_once_and_a_retired_plan_schedules_nothing()
    {
        var plan = DraftedPlan();
        plan.ScheduleContent(Item("april-issue", April), Coalition, NewsletterOwner, Start);

        Assert.Equal(
            "The calendar already has 'april-issue', or holds as many items as it may.",
            Refusal.Expect(plan, ErrorCodes.Communication.OffPlan, () => plan.ScheduleContent(Item("april-issue", April.PlusDays(7)), Coalition, NewsletterOwner, Start)).Message);
        plan.Retire(null, Coalition, Secretariat, Start);
        Refusal.Expect(plan, ErrorCodes.Communication.InvalidTransition, () => plan.ScheduleContent(Item("may-issue", April.PlusMonths(1)), Coalition, NewsletterOwner, Start));
    }

    [Fact]
    public void A_content_item_goes_through_a_channel_of_the_plan_to_audiences_it_reaches_serving_an_objective_of_the_plan()
    {
        var plan = AdoptedPlan();
        var post = new ContentItem(new ContentKey("post"), Social, April, "A post", [Public], Instagram);

        Refusal.Expect(plan, ErrorCodes.Communication.UnknownReference, () => plan.ScheduleContent(Item("radio", April, new ChannelKey("radio")), Coalition, Secretariat, Start));
        Refusal.Expect(plan, ErrorCodes.Communication.OffPlan, () => plan.ScheduleContent(Item("empty", April) with { Audiences = [] }, Coalition, Secretariat, Start));
        Refusal.Expect(plan, ErrorCodes.Communication.OffPlan, () => plan.ScheduleContent(post with { Objective = new ObjectiveKey("fundraise") }, Coalition, SocialOwner, Start));
        Refusal.Expect(plan, ErrorCodes.Communication.OffPlan, () => plan.ScheduleContent(post with { Platform = new PlatformKey("tiktok") }, Coalition, SocialOwner, Start));
        Refusal.Expect(plan, ErrorCodes.Communication.OffPlan, () => plan.ScheduleContent(Item("issue", April) with { Platform = Instagram }, Coalition, NewsletterOwner, Start));
        var error = Refusal.Expect(plan, ErrorCodes.Communication.OffPlan, () => plan.ScheduleContent(Item("issue", April) with { Audiences = [Public] }, Coalition, NewsletterOwner, Start));
        Assert.Contains("'Monthly newsletter' reaches members and donors;", error.Message, StringComparison.Ordinal);

        plan.ScheduleContent(post with { Objective = Awareness }, Coalition, SocialOwner, Start);
        plan.ScheduleContent(post with { Key = new ContentKey("facebook-post"), Platform = Facebook, Audiences = [CommunicationScenario.Members] }, Coalition, SocialOwner, Start);
        Assert.Equal(2, plan.Calendar.Count);
    }

    [Fact]
    public void The_calendar_holds_at_most_ten_thousand_items()
    {
        var plan = AdoptedPlan();
        for (var i = 0; i < 10_000; i++)
        {
            plan.ScheduleContent(Item($"item-{i}", April), Coalition, NewsletterOwner, Start);
        }

        var version = plan.Version;
        Refusal.Of(() => plan.ScheduleContent(Item("one-more", April), Coalition, NewsletterOwner, Start), ErrorCodes.Communication.OffPlan, "or holds as many items as it may");
        Assert.Equal((version, 10_000), (plan.Version, plan.Calendar.Count));
    }

    [Fact]
    public void A_communication_logged_has_a_one_line_title_and_a_link_only_to_an_https_address()
    {
        var plan = AdoptedPlan();
        var on = new LocalDate(2026, 3, 2);

        Refusal.Expect(plan, ErrorCodes.Kernel.InvalidInput, () => plan.RecordSent(Sent(on, "Two\nlines"), Coalition, NewsletterOwner, Start));
        Refusal.Expect(plan, ErrorCodes.Kernel.InvalidInput, () => plan.RecordSent(Sent(on, new string('t', 201)), Coalition, NewsletterOwner, Start));
        Refusal.Expect(plan, ErrorCodes.Kernel.InvalidInput, () => plan.RecordSent(Sent(on) with { Link = "http://news.example.org/april" }, Coalition, NewsletterOwner, Start));
        Refusal.Expect(plan, ErrorCodes.Kernel.InvalidInput, () => plan.RecordSent(Sent(on) with { Content = default(ContentKey) }, Coalition, NewsletterOwner, Start));
        Assert.Equal(
            "A communication logged has a title of one line of at most 200 characters, and a link, if any, to an https address.",
            Refusal.Expect(plan, ErrorCodes.Kernel.InvalidInput, () => plan.RecordSent(Sent(on, "  "), Coalition, NewsletterOwner, Start)).Message);
        Assert.Equal(
            "The date 'day' (1899-12-31) must be an ISO calendar date in the years 1900 to 2999.",
            Refusal.Expect(plan, ErrorCodes.Kernel.OutOfRange, () => plan.RecordSent(Sent(new LocalDate(1899, 12, 31)), Coalition, NewsletterOwner, Start)).Message);

        plan.RecordSent(Sent(on, "  April newsletter  ") with { Link = "https://news.example.org/april", Audiences = [CommunicationScenario.Members, Donors, CommunicationScenario.Members] }, Coalition, NewsletterOwner, Start);
        var logged = Assert.Single(plan.Log);
        Assert.Equal(("April newsletter", "https://news.example.org/april"), (logged.Title, logged.Link));
        Assert.Equal([CommunicationScenario.Members, Donors], logged.Audiences);
    }

    [Fact]
    public void A_communication_is_logged_for_a_day_no_later_than_today_in_the_coalition_s_time_zone()
    {
        var plan = AdoptedPlan();

        // 22:30 UTC on 1 April is 01:30 on 2 April in Nairobi.
        var lateEvening = Instant.FromUtc(2026, 4, 1, 22, 30);
        Refusal.Expect(plan, ErrorCodes.Communication.OffPlan, () => plan.RecordSent(Sent(new LocalDate(2026, 4, 3)), Coalition, NewsletterOwner, lateEvening));
        plan.RecordSent(Sent(new LocalDate(2026, 4, 2)), Coalition, NewsletterOwner, lateEvening);

        Assert.Equal(new LocalDate(2026, 4, 2), Assert.Single(plan.Log).On);
    }

    [Fact]
    public void A_communication_fulfils_a_content_item_of_its_own_channel_once()
    {
        var plan = AdoptedPlan();
        plan.ScheduleContent(Item("april-issue", April), Coalition, NewsletterOwner, Start);
        plan.ScheduleContent(new ContentItem(new ContentKey("post"), Social, April, "A post", [Public], Instagram), Coalition, SocialOwner, Start);
        var later = OnDay(4, 2);

        Refusal.Expect(plan, ErrorCodes.Communication.OffPlan, () => plan.RecordSent(Sent(April, content: new ContentKey("unknown")), Coalition, NewsletterOwner, later));
        Refusal.Expect(plan, ErrorCodes.Communication.OffPlan, () => plan.RecordSent(Sent(April, content: new ContentKey("post")), Coalition, NewsletterOwner, later));
        plan.RecordSent(Sent(April, content: new ContentKey("april-issue")), Coalition, NewsletterOwner, later);
        var error = Refusal.Expect(plan, ErrorCodes.Communication.OffPlan, () => plan.RecordSent(Sent(April, "April newsletter, again", new ContentKey("april-issue")), Coalition, NewsletterOwner, later));

        Assert.Equal("'April newsletter, again' cannot be logged: it is dated after today, or the content item it fulfils is not on this channel's calendar or is logged already.", error.Message);
        Assert.DoesNotContain(plan.OverdueContentOn(new LocalDate(2026, 4, 2)), c => c.Key == new ContentKey("april-issue"));
    }

    [Fact]
    public void A_draft_plan_logs_nothing_and_measures_nothing()
    {
        var plan = DraftedPlan();

        Refusal.Expect(plan, ErrorCodes.Communication.InvalidTransition, () => plan.RecordSent(Sent(new LocalDate(2026, 3, 2)), Coalition, NewsletterOwner, Start));
        Refusal.Expect(plan, ErrorCodes.Communication.InvalidTransition, () => plan.RecordMeasurement(Reach, new LocalDate(2026, 3, 2), 10, Coalition, SocialOwner, Start));
    }

    [Fact]
    public void A_measure_counts_from_zero_to_ten_to_the_fifteenth_on_a_day_no_later_than_today()
    {
        var plan = AdoptedPlan();
        var today = new LocalDate(2026, 3, 2);

        Refusal.Expect(plan, ErrorCodes.Kernel.OutOfRange, () => plan.RecordMeasurement(Reach, today, -1, Coalition, SocialOwner, Start));
        Refusal.Expect(plan, ErrorCodes.Kernel.OutOfRange, () => plan.RecordMeasurement(Reach, today, 1_000_000_000_000_001, Coalition, SocialOwner, Start));
        var error = Refusal.Expect(plan, ErrorCodes.Kernel.OutOfRange, () => plan.RecordMeasurement(Reach, today.PlusDays(1), 5, Coalition, SocialOwner, Start));
        Assert.Equal("A measure is recorded for a day no later than today (2 March 2026).", error.Message);
        Refusal.Expect(plan, ErrorCodes.Communication.UnknownReference, () => plan.RecordMeasurement(default, today, 5, Coalition, Secretariat, Start));

        plan.RecordMeasurement(Reach, today, 0, Coalition, SocialOwner, Start);
        plan.RecordMeasurement(Reach, today, 1_000_000_000_000_000, Coalition, SocialOwner, Start);
        Assert.Equal([0L, 1_000_000_000_000_000L], plan.Measurements.Select(m => m.Value));
    }

    [Fact]
    public void A_measure_on_a_platform_is_recorded_by_its_channel_s_owner_and_one_on_no_platform_only_by_a_coordinator()
    {
        var plan = AdoptedPlan();
        var today = new LocalDate(2026, 3, 2);

        Refusal.Expect(plan, ErrorCodes.Communication.NotAnOwner, () => plan.RecordMeasurement(Signatures, today, 40, Coalition, SocialOwner, Start));
        Refusal.Expect(plan, ErrorCodes.Communication.NotAnOwner, () => plan.RecordMeasurement(Reach, today, 40, Coalition, NewsletterOwner, Start));
        plan.RecordMeasurement(Signatures, today, 40, Coalition, Secretariat, Start);
        plan.RecordMeasurement(Reach, today, 900, Coalition, SocialOwner, Start);

        Assert.Equal([Signatures, Reach], plan.Measurements.Select(m => m.Measure));
    }

    [Fact]
    public void A_draft_plan_may_be_retired_once_with_its_reason_trimmed()
    {
        var plan = DraftedPlan();

        Refusal.Expect(plan, ErrorCodes.Kernel.InvalidText, () => plan.Retire(new string('r', 2_001), Coalition, Secretariat, Start));
        Refusal.Expect(plan, ErrorCodes.Coalitions.NotACoordinator, () => plan.Retire(null, Coalition, NewsletterOwner, Start));
        plan.Retire("  Replaced by the 2027 plan.  ", Coalition, Secretariat, Start);

        Assert.Equal(CommunicationPlanStatus.Retired, plan.Status);
        Assert.Equal("Replaced by the 2027 plan.", Assert.IsType<CommunicationPlanRetired>(plan.DequeueUncommittedEvents()[^1]).Reason);
        Refusal.Expect(plan, ErrorCodes.Communication.InvalidTransition, () => plan.Retire(null, Coalition, Secretariat, Start));
    }

    [Fact]
    public void A_calendar_covers_up_to_a_year_forward_from_its_first_day()
    {
        var plan = AdoptedPlan();

        Refusal.Of(() => plan.CalendarBetween(April, April.PlusDays(-1)), ErrorCodes.Kernel.OutOfRange, "A calendar covers up to a year, from 1 April 2026 forward.");
        Refusal.Of(() => plan.CalendarBetween(April, April.PlusYears(1).PlusDays(1)), ErrorCodes.Kernel.OutOfRange);

        var year = plan.CalendarBetween(April, April.PlusYears(1));
        Assert.Equal(13, year.Count(e => e.Channel == Newsletter));
        Assert.Equal(April.PlusYears(1), year[^1].On);
        plan.ScheduleContent(Item("april-issue", April), Coalition, NewsletterOwner, Start);
        Assert.Equal(3, plan.CalendarBetween(April, April).Count);
    }

    [Fact]
    public void Each_channel_is_due_by_its_cadence_in_years_months_weeks_or_days_from_its_first_day()
    {
        var draft = Draft() with
        {
            Channels = [.. Draft().Channels, Other(4) with { Cadence = Period.FromYears(1) }, Other(5) with { Cadence = Period.FromDays(10) }],
        };
        var plan = AdoptedPlan(draft);

        var calendar = plan.CalendarBetween(April, new LocalDate(2027, 3, 31));

        Assert.Equal([April], calendar.Where(e => e.Channel == new ChannelKey("channel-4")).Select(e => e.On));
        Assert.Equal(37, calendar.Count(e => e.Channel == new ChannelKey("channel-5")));
        Assert.Equal(new LocalDate(2026, 4, 21), calendar.Where(e => e.Channel == new ChannelKey("channel-5")).ElementAt(2).On);
        Assert.Equal([April, new LocalDate(2026, 7, 1), new LocalDate(2026, 10, 1), new LocalDate(2027, 1, 1)], calendar.Where(e => e.Channel == Website).Select(e => e.On));
        Assert.Equal(new LocalDate(2026, 4, 13), calendar.Where(e => e.Channel == Social).ElementAt(1).On);
        Assert.Equal("Channel 4: due by its cadence", calendar.First(e => e.Channel == new ChannelKey("channel-4")).What);
    }

    [Fact]
    public void A_channel_s_cadence_dates_show_in_a_calendar_read_years_after_its_first_day()
    {
        var daily = Other(4) with { Cadence = Period.FromDays(1) };
        var twoMonthsAndADay = Other(5) with { Cadence = Period.FromMonths(2) + Period.FromDays(1), StartsOn = new LocalDate(2026, 1, 31) };
        var plan = AdoptedPlan(Draft() with { Channels = [.. Draft().Channels, daily, twoMonthsAndADay] });
        var from = new LocalDate(2028, 6, 1);

        var calendar = plan.CalendarBetween(from, from.PlusYears(1));

        var days = calendar.Where(e => e.Channel == daily.Key).Select(e => e.On).ToArray();
        Assert.Equal(366, days.Length);
        Assert.Equal([from, from.PlusDays(1)], days[..2]);
        Assert.Equal(from.PlusYears(1), days[^1]);
        var expected = Enumerable.Range(0, 40).Select(k => twoMonthsAndADay.StartsOn.Plus(Period.FromMonths(2 * k) + Period.FromDays(k)))
            .Where(day => day >= from && day <= from.PlusYears(1));
        Assert.Equal(expected, calendar.Where(e => e.Channel == twoMonthsAndADay.Key).Select(e => e.On));
        Assert.Equal(
            [new LocalDate(2028, 6, 1), new LocalDate(2028, 7, 1), new LocalDate(2028, 8, 1)],
            calendar.Where(e => e.Channel == Newsletter).Select(e => e.On).Take(3));
    }

    [Fact]
    public void A_calendar_lists_its_days_in_order_and_channels_of_a_day_by_key()
    {
        var plan = AdoptedPlan();
        plan.ScheduleContent(Item("april-issue", April), Coalition, NewsletterOwner, Start);

        var calendar = plan.CalendarBetween(April, April.PlusDays(6));

        Assert.Equal(
            [(April, Newsletter), (April, Newsletter), (April, Website), (new LocalDate(2026, 4, 6), Social)],
            calendar.Select(e => (e.On, e.Channel)));
        Assert.Equal(new ContentKey("april-issue"), calendar.Single(e => e.Content is not null).Content);
    }

    [Fact]
    public void A_cadence_date_shows_as_sent_when_the_channel_sent_something_before_its_next_date()
    {
        var plan = AdoptedPlan();
        plan.RecordSent(Sent(new LocalDate(2026, 4, 30)), Coalition, NewsletterOwner, OnDay(5, 2));
        plan.RecordSent(Sent(new LocalDate(2026, 6, 1)), Coalition, NewsletterOwner, OnDay(6, 2));

        var newsletter = plan.CalendarBetween(April, new LocalDate(2026, 7, 1)).Where(e => e.Channel == Newsletter).ToArray();

        Assert.Equal([true, false, true, false], newsletter.Select(e => e.Sent));
    }

    [Fact]
    public void A_measure_is_met_on_reaching_its_target_and_missed_only_after_its_day()
    {
        var plan = AdoptedPlan();
        var sept = new LocalDate(2026, 9, 30);
        plan.RecordMeasurement(Signatures, new LocalDate(2026, 9, 1), 499, Coalition, Secretariat, OnDay(9, 1));
        plan.RecordMeasurement(Signatures, new LocalDate(2026, 9, 15), 500, Coalition, Secretariat, OnDay(9, 15));

        var before = plan.ProgressOn(new LocalDate(2026, 9, 14)).Single(p => p.Measure == Signatures);
        var reached = plan.ProgressOn(new LocalDate(2026, 9, 15)).Single(p => p.Measure == Signatures);
        var reach = plan.ProgressOn(sept).Single(p => p.Measure == Reach);

        Assert.Equal((499L, new LocalDate(2026, 9, 1), new Fraction(499, 500), false, false), (before.Latest!.Value, before.MeasuredOn!.Value, before.Achieved, before.Met, before.Missed));
        Assert.Equal((500L, Fraction.One, true, false), (reached.Latest!.Value, reached.Achieved, reached.Met, reached.Missed));
        Assert.Equal((IndicatorKind.Reach, 10_000L, new LocalDate(2026, 12, 31)), (reach.Indicator, reach.Target, reach.By));
        Assert.Null(reach.Latest);
        Assert.False(plan.ProgressOn(new LocalDate(2026, 12, 31)).Single(p => p.Measure == Reach).Missed);
        Assert.True(plan.ProgressOn(new LocalDate(2027, 1, 1)).Single(p => p.Measure == Reach).Missed);
    }

    [Fact]
    public void A_content_item_is_overdue_after_its_day_until_logged_earliest_first()
    {
        var plan = AdoptedPlan();
        plan.ScheduleContent(Item("may-issue", new LocalDate(2026, 5, 1)), Coalition, NewsletterOwner, Start);
        plan.ScheduleContent(Item("april-issue", April), Coalition, NewsletterOwner, Start);

        Assert.Empty(plan.OverdueContentOn(April));
        Assert.Equal(["april-issue", "may-issue"], plan.OverdueContentOn(new LocalDate(2026, 5, 2)).Select(c => c.Key.Value));
        plan.RecordSent(Sent(April, content: new ContentKey("april-issue")), Coalition, NewsletterOwner, OnDay(5, 2));
        Assert.Equal(["may-issue"], plan.OverdueContentOn(new LocalDate(2026, 5, 2)).Select(c => c.Key.Value));
    }

    [Fact]
    public void The_log_in_words_counts_one_communication_names_each_audience_once_and_says_when_nothing_was_sent()
    {
        var plan = AdoptedPlan();
        plan.RecordSent(Sent(April) with { Audiences = [CommunicationScenario.Members, Donors] }, Coalition, NewsletterOwner, OnDay(4, 2));
        plan.RecordSent(Sent(new LocalDate(2026, 5, 1)) with { Audiences = [Donors] }, Coalition, NewsletterOwner, OnDay(5, 2));
        plan.RecordSent(new SentCommunication(Website, new LocalDate(2026, 5, 1), "Annual report", [Public]), Coalition, NewsletterOwner, OnDay(5, 2));

        Assert.Equal("Communications sent from 1 April 2026 to 1 April 2026:\nMonthly newsletter: 1 communication to Members and Donors.", plan.DescribeLog(April, April));
        Assert.Equal(
            "Communications sent from 1 April 2026 to 1 May 2026:\nMonthly newsletter: 2 communications to Members and Donors.\nWebsite: 1 communication to The public.",
            plan.DescribeLog(April, new LocalDate(2026, 5, 1)));
        Assert.Equal("Communications sent from 2 April 2026 to 30 April 2026:\nNothing was sent.", plan.DescribeLog(April.PlusDays(1), new LocalDate(2026, 4, 30)));
    }

    [Fact]
    public void Channels_are_listed_overdue_first_then_due_then_up_to_date_and_earliest_due_first_within_each()
    {
        var draft = Draft() with { Channels = [.. Draft().Channels, Other(4) with { StartsOn = new LocalDate(2026, 4, 3) }, Other(5) with { StartsOn = new LocalDate(2026, 4, 10) }] };
        var plan = AdoptedPlan(draft);

        var due = plan.DueOn(new LocalDate(2026, 4, 6));

        Assert.Equal([Newsletter, Website, new ChannelKey("channel-4"), Social, new ChannelKey("channel-5")], due.Select(d => d.Channel));
        Assert.Equal([5, 5, 3, 0, 0], due.Select(d => d.DaysOverdue));
        Assert.Equal("Monthly newsletter", due[0].Name);
    }
}
