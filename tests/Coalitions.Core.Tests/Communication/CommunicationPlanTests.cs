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

public class CommunicationPlanTests
{
    private static CoalitionRuleException Refused(CommunicationPlanDraft draft) =>
        Assert.Throws<CoalitionRuleException>(() => CommunicationPlan.Draft(ThePlan, draft, Coalition, Secretariat, Start));

    [Fact]
    public void A_platform_with_no_audience_is_refused()
    {
        var social = Social_() with { Platforms = [Social_().Platforms[0] with { Audiences = [] }, Social_().Platforms[1]] };

        Assert.Equal(ErrorCodes.Communication.PlatformWithoutAudience, Refused(Draft() with { SocialMedia = social }).Code);
    }

    [Fact]
    public void An_objective_with_no_measure_is_refused_because_a_plan_that_cannot_be_measured_is_not_a_plan()
    {
        var social = Social_() with { Measures = [Social_().Measures[0]] };

        var error = Refused(Draft() with { SocialMedia = social });

        Assert.Equal(ErrorCodes.Communication.ObjectiveWithoutMeasure, error.Code);
        Assert.Contains("'prompt-action' has no measure", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Social_media_belongs_to_the_overall_plan()
    {
        var loose = Social_() with { Platforms = [Social_().Platforms[0] with { Channel = Newsletter }, Social_().Platforms[1]] };

        Assert.Equal(ErrorCodes.Communication.NotIntegrated, Refused(Draft() with { SocialMedia = loose }).Code);
        Assert.Equal(ErrorCodes.Communication.NotIntegrated, Refused(Draft() with { SocialMedia = null }).Code);
    }

    [Fact]
    public void Every_audience_gets_something_through_some_channel()
    {
        var draft = Draft() with { Deliveries = [.. Draft().Deliveries.Where(d => d.Audience != Donors)] };

        Assert.Equal(ErrorCodes.Communication.AudienceUnreached, Refused(draft).Code);
    }

    [Fact]
    public void A_plan_refers_only_to_its_own_audiences_and_channels()
    {
        var draft = Draft() with { Deliveries = [.. Draft().Deliveries, new Delivery(CommunicationScenario.Members, new ChannelKey("radio"), "Weekly show.")] };

        Assert.Equal(ErrorCodes.Communication.UnknownReference, Refused(draft).Code);
    }

    [Fact]
    public void Where_the_rule_book_names_a_rule_adoption_cites_an_adopted_decision()
    {
        var plan = DraftedPlan();

        Refusal.Expect(plan, ErrorCodes.Coalitions.DecisionRequired, () => plan.Adopt(TheGovernance, null, Coalition, Secretariat, Start));
        Refusal.Expect(plan, ErrorCodes.Coalitions.DecisionRequired, () => plan.Adopt(TheGovernance, CoalitionScenario.Adopted(MatterType.ApproveBudget), Coalition, Secretariat, Start));
        plan.Adopt(TheGovernance, Adoption, Coalition, Secretariat, Start);
        Assert.Equal([Adoption], plan.Decisions);
    }

    [Fact]
    public void Where_the_rule_book_names_no_rule_a_coordinator_adopts_the_plan_alone()
    {
        var plan = DraftedPlan();

        plan.Adopt(OpenDoor, null, Coalition, Secretariat, Start);

        Assert.Equal(CommunicationPlanStatus.Adopted, plan.Status);
    }

    [Fact]
    public void Only_a_coordinator_drafts_and_adopts_the_plan()
    {
        Assert.Equal(ErrorCodes.Coalitions.NotACoordinator, Assert.Throws<CoalitionRuleException>(() => CommunicationPlan.Draft(ThePlan, Draft(), Coalition, NewsletterOwner, Start)).Code);
        var plan = DraftedPlan();
        Refusal.Expect(plan, ErrorCodes.Coalitions.NotACoordinator, () => plan.Adopt(TheGovernance, Adoption, Coalition, NewsletterOwner, Start));
    }

    [Fact]
    public void A_channel_s_owner_logs_what_it_sent_and_nobody_else_but_a_coordinator()
    {
        var plan = AdoptedPlan();
        var april = new SentCommunication(Newsletter, new LocalDate(2026, 4, 1), "April newsletter", [CommunicationScenario.Members, Donors]);

        Refusal.Expect(plan, ErrorCodes.Communication.NotAnOwner, () => plan.RecordSent(april, Coalition, SocialOwner, OnDay(4, 2)));
        plan.RecordSent(april, Coalition, NewsletterOwner, OnDay(4, 2));

        Assert.Single(plan.Log);
    }

    [Fact]
    public void A_communication_goes_only_to_audiences_its_channel_reaches_and_is_never_logged_ahead()
    {
        var plan = AdoptedPlan();

        Refusal.Expect(plan, ErrorCodes.Communication.OffPlan, () => plan.RecordSent(new SentCommunication(Newsletter, new LocalDate(2026, 4, 1), "April", [Public]), Coalition, NewsletterOwner, OnDay(4, 2)));
        Refusal.Expect(plan, ErrorCodes.Communication.OffPlan, () => plan.RecordSent(new SentCommunication(Newsletter, new LocalDate(2026, 4, 3), "April", [CommunicationScenario.Members]), Coalition, NewsletterOwner, OnDay(4, 2)));
        Refusal.Expect(plan, ErrorCodes.Communication.OffPlan, () => plan.RecordSent(new SentCommunication(Social, new LocalDate(2026, 4, 1), "A post", [Public]), Coalition, SocialOwner, OnDay(4, 2)));
    }

    [Fact]
    public void What_is_due_and_overdue_follows_from_each_channel_s_cadence_and_what_it_last_sent()
    {
        var plan = AdoptedPlan();
        plan.RecordSent(new SentCommunication(Newsletter, new LocalDate(2026, 4, 1), "April newsletter", [CommunicationScenario.Members]), Coalition, NewsletterOwner, OnDay(4, 1));

        var due = plan.DueOn(new LocalDate(2026, 5, 8)).ToDictionary(d => d.Channel);

        Assert.Equal((DueState.Overdue, new LocalDate(2026, 5, 1), 7), (due[Newsletter].State, due[Newsletter].NextDue, due[Newsletter].DaysOverdue));
        Assert.Equal((DueState.Overdue, new LocalDate(2026, 4, 6)), (due[Social].State, due[Social].NextDue));
        Assert.Equal(DueState.UpToDate, plan.DueOn(new LocalDate(2026, 4, 20)).Single(d => d.Channel == Newsletter).State);
        Assert.Equal(DueState.Due, plan.DueOn(new LocalDate(2026, 5, 1)).Single(d => d.Channel == Newsletter).State);
    }

    [Fact]
    public void The_content_calendar_spans_every_channel_and_shows_what_went_out()
    {
        var plan = AdoptedPlan();
        plan.ScheduleContent(new ContentItem(new ContentKey("forum-reel"), Social, new LocalDate(2026, 4, 20), "Reel for the county forum", [Public], Instagram, Awareness), Coalition, SocialOwner, Start);
        plan.RecordSent(new SentCommunication(Social, new LocalDate(2026, 4, 20), "Reel for the county forum", [Public], new ContentKey("forum-reel"), Instagram), Coalition, SocialOwner, OnDay(4, 20));

        var calendar = plan.CalendarBetween(new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 30));

        Assert.Contains(calendar, e => e.Content == new ContentKey("forum-reel") && e.Sent);
        Assert.Contains(calendar, e => e.Channel == Newsletter && e.On == new LocalDate(2026, 4, 1) && !e.Sent);
        Assert.Contains(calendar, e => e.Channel == Social && e.On == new LocalDate(2026, 4, 20) && e.Content is null && e.Sent);
        Assert.Equal(4 + 1 + 1 + 1, calendar.Count);
        Assert.Empty(plan.OverdueContentOn(new LocalDate(2026, 5, 1)));
    }

    [Fact]
    public void A_social_post_names_a_platform_of_its_channel()
    {
        var plan = AdoptedPlan();

        Refusal.Expect(plan, ErrorCodes.Communication.OffPlan, () => plan.ScheduleContent(new ContentItem(new ContentKey("post"), Social, new LocalDate(2026, 4, 20), "A post", [Public]), Coalition, SocialOwner, Start));
        Refusal.Expect(plan, ErrorCodes.Communication.OffPlan, () => plan.ScheduleContent(new ContentItem(new ContentKey("post"), Social, new LocalDate(2026, 4, 20), "A post", [Donors], Instagram), Coalition, SocialOwner, Start));
    }

    [Fact]
    public void Measures_are_recorded_over_time_against_their_targets_exactly()
    {
        var plan = AdoptedPlan();
        plan.RecordMeasurement(Reach, new LocalDate(2026, 4, 30), 2_500, Coalition, SocialOwner, OnDay(4, 30));
        plan.RecordMeasurement(Reach, new LocalDate(2026, 5, 31), 10_000, Coalition, SocialOwner, OnDay(5, 31));

        var april = plan.ProgressOn(new LocalDate(2026, 5, 1)).Single(p => p.Measure == Reach);
        var may = plan.ProgressOn(new LocalDate(2026, 6, 1)).Single(p => p.Measure == Reach);
        var signatures = plan.ProgressOn(new LocalDate(2026, 10, 1)).Single(p => p.Measure == Signatures);

        Assert.Equal(new Fraction(1, 4), april.Achieved);
        Assert.True(may.Met);
        Assert.True(signatures.Missed);
        Refusal.Expect(plan, ErrorCodes.Communication.NotAnOwner, () => plan.RecordMeasurement(Reach, new LocalDate(2026, 4, 30), 1, Coalition, NewsletterOwner, OnDay(4, 30)));
        Refusal.Expect(plan, ErrorCodes.Communication.UnknownReference, () => plan.RecordMeasurement(new MeasureKey("none"), new LocalDate(2026, 4, 30), 1, Coalition, Secretariat, OnDay(4, 30)));
    }

    [Fact]
    public void An_amendment_keeps_what_the_calendar_and_log_use()
    {
        var plan = AdoptedPlan();
        plan.RecordSent(new SentCommunication(Newsletter, new LocalDate(2026, 4, 1), "April newsletter", [CommunicationScenario.Members]), Coalition, NewsletterOwner, OnDay(4, 1));
        var withoutNewsletter = Draft() with
        {
            Channels = [.. Draft().Channels.Where(c => c.Key != Newsletter)],
            Deliveries = [.. Draft().Deliveries.Where(d => d.Channel != Newsletter), new Delivery(Donors, Website, "Annual report.")],
        };

        Refusal.Expect(plan, ErrorCodes.Communication.UnknownReference, () => plan.Amend(withoutNewsletter, TheGovernance, Adoption, Coalition, Secretariat, OnDay(5, 1)));
    }

    [Fact]
    public void The_log_shows_what_was_sent_to_whom_in_words()
    {
        var plan = AdoptedPlan();
        plan.RecordSent(new SentCommunication(Newsletter, new LocalDate(2026, 4, 1), "April newsletter", [CommunicationScenario.Members, Donors]), Coalition, NewsletterOwner, OnDay(4, 1));
        plan.RecordSent(new SentCommunication(Newsletter, new LocalDate(2026, 5, 1), "May newsletter", [CommunicationScenario.Members]), Coalition, NewsletterOwner, OnDay(5, 1));

        Assert.Equal("Communications sent from 1 April 2026 to 31 May 2026:\nMonthly newsletter: 2 communications to Members and Donors.", plan.DescribeLog(new LocalDate(2026, 4, 1), new LocalDate(2026, 5, 31)));
    }

    [Fact]
    public void A_retired_plan_logs_nothing_more_and_a_stored_log_before_adoption_is_refused()
    {
        var plan = AdoptedPlan();
        plan.Retire(null, Coalition, Secretariat, Start);

        Refusal.Expect(plan, ErrorCodes.Communication.InvalidTransition, () => plan.RecordSent(new SentCommunication(Newsletter, new LocalDate(2026, 3, 2), "Late", [CommunicationScenario.Members]), Coalition, NewsletterOwner, Start));
        var events = plan.DequeueUncommittedEvents();
        var logged = new CommunicationLogged(ThePlan, new SentCommunication(Newsletter, new LocalDate(2026, 3, 2), "Early", [CommunicationScenario.Members]), Start, NewsletterOwner);
        Assert.Throws<StoredEventException>(() => CommunicationPlan.Rehydrate([events[0], logged]));
    }
}
