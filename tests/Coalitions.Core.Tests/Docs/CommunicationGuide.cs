using Coalitions.Core.Communication;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using NodaTime;
using CoalitionAggregate = global::Coalitions.Core.Coalitions.Coalition;
using GovernanceAggregate = global::Coalitions.Core.Governance.CoalitionGovernance;

namespace Coalitions.Core.Tests.Docs;

/// <summary>
/// The code of docs/communication.md. Each region between <c>#region snippet:NAME</c> and <c>#endregion</c> is copied
/// into the guide's block marked <c>&lt;!-- snippet: NAME --&gt;</c>; <see cref="CommunicationGuideTests"/> keeps both
/// equal and runs this code.
/// </summary>
public static class CommunicationGuide
{
    public static CommunicationPlan Communicate(CoalitionAggregate coalition, GovernanceAggregate governance, DecisionReference adoption, Actor coordinator, PersonId newsletterOwner, PersonId socialOwner, Instant now)
    {
        #region snippet:plan
        var members = new AudienceKey("members");
        var publicAudience = new AudienceKey("public");
        var newsletter = new ChannelKey("newsletter");
        var social = new ChannelKey("social-media");
        var instagram = new PlatformKey("instagram");
        var awareness = new ObjectiveKey("raise-awareness");
        var draft = new CommunicationPlanDraft(
            coalition.Id,
            "Communication plan 2026",
            [new Audience(members, "Members", AudienceKind.Members), new Audience(publicAudience, "The public", AudienceKind.Public)],
            [new Channel(newsletter, "Monthly newsletter", ChannelKind.Newsletter, Period.FromMonths(1), newsletterOwner, new LocalDate(2026, 4, 1)),
             new Channel(social, "Social media", ChannelKind.SocialMedia, Period.FromWeeks(1), socialOwner, new LocalDate(2026, 4, 6))],
            [new Delivery(members, newsletter, "Decisions and news of the working groups."), new Delivery(publicAudience, social, "Stories of readers.")],
            new SocialMediaPlan(
                [new SocialObjective(awareness, SocialObjectiveKind.RaiseAwareness, "More people know how many children cannot read.")],
                [new Platform(instagram, "Instagram", social, [publicAudience], ["Short stories of readers, twice a week."])],
                [new SocialMeasure(new MeasureKey("reach"), awareness, IndicatorKind.Reach, 10_000, new LocalDate(2026, 12, 31), instagram)]));
        var plan = CommunicationPlan.Draft(CommunicationPlanId.New(), draft, coalition, coordinator, now);

        // The rule book names the steering committee for this matter, so adoption cites its decision.
        plan.Adopt(governance, adoption, coalition, coordinator, now);
        #endregion
        return plan;
    }

    public static IReadOnlyList<CalendarEntry> Calendar(CommunicationPlan plan, CoalitionAggregate coalition, Actor socialOwner, Instant now)
    {
        #region snippet:calendar
        // Social media content goes on the same calendar as every other channel: one view of what goes out when.
        plan.ScheduleContent(
            new ContentItem(new ContentKey("forum-reel"), new ChannelKey("social-media"), new LocalDate(2026, 4, 20), "Reel for the county forum",
                [new AudienceKey("public")], new PlatformKey("instagram"), new ObjectiveKey("raise-awareness")),
            coalition, socialOwner, now);
        foreach (var entry in plan.CalendarBetween(new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 30)))
        {
            Console.WriteLine($"{entry.On}: {entry.What} ({entry.Channel.Value})");
        }
        #endregion
        return plan.CalendarBetween(new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 30));
    }

    public static IReadOnlyList<ChannelDue> LogAndMeasure(CommunicationPlan plan, CoalitionAggregate coalition, Actor newsletterOwner, Actor socialOwner, Instant aprilFirst, Instant endOfApril)
    {
        #region snippet:log
        // Channel owners log what went out and what it achieved; what is due and overdue follows from the dates.
        plan.RecordSent(new SentCommunication(new ChannelKey("newsletter"), new LocalDate(2026, 4, 1), "April newsletter", [new AudienceKey("members")]), coalition, newsletterOwner, aprilFirst);
        plan.RecordMeasurement(new MeasureKey("reach"), new LocalDate(2026, 4, 30), 2_500, coalition, socialOwner, endOfApril);
        var due = plan.DueOn(new LocalDate(2026, 5, 8));          // the newsletter is overdue since 1 May, social media since 6 April
        var progress = plan.ProgressOn(new LocalDate(2026, 5, 8)); // reach: 2,500 of 10,000, a quarter
        Console.WriteLine(plan.DescribeLog(new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 30)));
        #endregion
        _ = progress;
        return due;
    }
}
