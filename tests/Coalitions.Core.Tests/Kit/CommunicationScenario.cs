using Coalitions.Core.Communication;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using NodaTime;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Kit;

/// <summary>
/// The coalition's communication plan: members, the public and donors; a monthly newsletter (owned by person 5), weekly
/// social media (owned by person 6) and the website; a social media plan on two platforms with two measured objectives.
/// </summary>
public static class CommunicationScenario
{
    public static readonly AudienceKey Members = new("members");
    public static readonly AudienceKey Public = new("public");
    public static readonly AudienceKey Donors = new("donors");
    public static readonly ChannelKey Newsletter = new("newsletter");
    public static readonly ChannelKey Social = new("social-media");
    public static readonly ChannelKey Website = new("website");
    public static readonly PlatformKey Instagram = new("instagram");
    public static readonly PlatformKey Facebook = new("facebook");
    public static readonly ObjectiveKey Awareness = new("raise-awareness");
    public static readonly ObjectiveKey Action = new("prompt-action");
    public static readonly MeasureKey Reach = new("reach-instagram");
    public static readonly MeasureKey Signatures = new("petition-signatures");

    public static Actor NewsletterOwner => For(5);

    public static Actor SocialOwner => For(6);

    public static SocialMediaPlan Social_() => new(
        [new SocialObjective(Awareness, SocialObjectiveKind.RaiseAwareness, "More people know that one child in three leaves school unable to read."),
         new SocialObjective(Action, SocialObjectiveKind.PromptAction, "Supporters sign the petition for the education budget.")],
        [new Platform(Instagram, "Instagram", Social, [Public], ["Short stories of readers, twice a week.", "A reel before each county forum."]),
         new Platform(Facebook, "Facebook", Social, [Members, Public], ["Event pages for forums.", "A weekly question to members."])],
        [new SocialMeasure(Reach, Awareness, IndicatorKind.Reach, 10_000, new LocalDate(2026, 12, 31), Instagram),
         new SocialMeasure(Signatures, Action, IndicatorKind.ActionsTaken, 500, new LocalDate(2026, 9, 30))]);

    public static CommunicationPlanDraft Draft(string title = "Communication plan 2026") => new(
        TheCoalition,
        title,
        [new Audience(Members, "Members", AudienceKind.Members), new Audience(Public, "The public", AudienceKind.Public), new Audience(Donors, "Donors", AudienceKind.Donors)],
        [new Channel(Newsletter, "Monthly newsletter", ChannelKind.Newsletter, Period.FromMonths(1), Person(5), new LocalDate(2026, 4, 1)),
         new Channel(Social, "Social media", ChannelKind.SocialMedia, Period.FromWeeks(1), Person(6), new LocalDate(2026, 4, 6)),
         new Channel(Website, "Website", ChannelKind.Website, Period.FromMonths(3), Person(5), new LocalDate(2026, 4, 1))],
        [new Delivery(Members, Newsletter, "News of the working groups and decisions taken."),
         new Delivery(Donors, Newsletter, "Progress against the goals."),
         new Delivery(Public, Social, "Stories of readers and calls to act."),
         new Delivery(Members, Social, "Events and questions."),
         new Delivery(Public, Website, "The charter, positions and the public ledger.")],
        Social_());

    /// <summary>The plan drafted by the secretariat at <see cref="Scenario.Start"/>: the scenario's draft unless another is given.</summary>
    public static CommunicationPlan DraftedPlan(CommunicationPlanDraft? draft = null) =>
        CommunicationPlan.Draft(MeetingScenario.ThePlan, draft ?? Draft(), MeetingScenario.Coalition, CoalitionScenario.Secretariat, Start);

    /// <summary>The plan drafted and adopted at <see cref="Scenario.Start"/>, citing <see cref="Adoption"/>.</summary>
    public static CommunicationPlan AdoptedPlan(CommunicationPlanDraft? draft = null)
    {
        var plan = DraftedPlan(draft);
        plan.Adopt(MeetingScenario.TheGovernance, Adoption, MeetingScenario.Coalition, CoalitionScenario.Secretariat, Start);
        return plan;
    }

    public static DecisionReference Adoption => CoalitionScenario.Adopted(MatterType.AdoptCommunicationPlan);

    public static Instant OnDay(int month, int day) => CoalitionScenario.OnDate(2026, month, day);
}
