using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Coalitions.Core.Kernel;
using Coalitions.Core.Meetings;
using FluentValidation;
using NodaTime;

namespace Coalitions.Core.Communication;

/// <summary>Identifies a communication plan.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<CommunicationPlanId>))]
public readonly record struct CommunicationPlanId : ITypedId<CommunicationPlanId>
{
    private CommunicationPlanId(Guid value) => Value = value;

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>Creates a new, random id.</summary>
    /// <returns>A fresh id.</returns>
    public static CommunicationPlanId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public static CommunicationPlanId FromGuid(Guid value) => new(TypedId.Check(value, nameof(CommunicationPlanId)));

    /// <summary>Parses the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static CommunicationPlanId Parse(string text) => TypedId.Parse<CommunicationPlanId>(text);

    /// <summary>Tries to parse the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="id">The id, when parsing succeeded.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a non-empty GUID.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out CommunicationPlanId id) => TypedId.TryParse(text, out id);

    /// <summary>Returns the GUID in its "D" form.</summary>
    /// <returns>The id as text.</returns>
    public override string ToString() => Value.ToString("D");
}

/// <summary>Who a communication is for.</summary>
public enum AudienceKind
{
    /// <summary>The coalition's members.</summary>
    Members = 1,

    /// <summary>The public.</summary>
    Public = 2,

    /// <summary>Donors and funders.</summary>
    Donors = 3,

    /// <summary>Officials and decision makers.</summary>
    Officials = 4,

    /// <summary>The media.</summary>
    Media = 5,

    /// <summary>Any other audience.</summary>
    Other = 6,
}

/// <summary>How a communication travels.</summary>
public enum ChannelKind
{
    /// <summary>Meetings.</summary>
    Meetings = 1,

    /// <summary>A newsletter.</summary>
    Newsletter = 2,

    /// <summary>An online forum.</summary>
    Forum = 3,

    /// <summary>A mailing list.</summary>
    MailingList = 4,

    /// <summary>Social media, with its platforms in the social media plan.</summary>
    SocialMedia = 5,

    /// <summary>A website.</summary>
    Website = 6,

    /// <summary>Any other channel.</summary>
    Other = 7,
}

/// <summary>What social media is used for.</summary>
public enum SocialObjectiveKind
{
    /// <summary>Raise awareness of the issue.</summary>
    RaiseAwareness = 1,

    /// <summary>Promote events.</summary>
    PromoteEvents = 2,

    /// <summary>Prompt people to act (sign, write, attend, give).</summary>
    PromptAction = 3,

    /// <summary>Strengthen relationships with and among supporters.</summary>
    StrengthenRelationships = 4,
}

/// <summary>What a social media measure counts.</summary>
public enum IndicatorKind
{
    /// <summary>How many people were reached.</summary>
    Reach = 1,

    /// <summary>How many engaged (replies, shares, reactions).</summary>
    Engagement = 2,

    /// <summary>How many took the action asked.</summary>
    ActionsTaken = 3,
}

/// <summary>Whether a channel is due on a date, computed from its cadence and what it last sent.</summary>
public enum DueState
{
    /// <summary>Sent within its cadence; next due later.</summary>
    UpToDate = 1,

    /// <summary>Due today.</summary>
    Due = 2,

    /// <summary>Its due date has passed without a communication.</summary>
    Overdue = 3,
}

/// <summary>An audience of the plan.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Name">Its name: one line of at most 200 characters.</param>
/// <param name="Kind">What kind of audience it is.</param>
public sealed record Audience(AudienceKey Key, string Name, AudienceKind Kind);

/// <summary>A channel of the plan, with its cadence and owner.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Name">Its name: one line of at most 200 characters.</param>
/// <param name="Kind">What kind of channel it is.</param>
/// <param name="Cadence">How often it goes out: a calendar period of at most 100 years.</param>
/// <param name="Owner">The person who owns it (sends and logs what it sends).</param>
/// <param name="StartsOn">When it is first due.</param>
public sealed record Channel(ChannelKey Key, string Name, ChannelKind Kind, Period Cadence, PersonId Owner, LocalDate StartsOn);

/// <summary>What an audience gets through a channel.</summary>
/// <param name="Audience">The audience.</param>
/// <param name="Channel">The channel.</param>
/// <param name="Content">What it gets: one line of at most 200 characters.</param>
public sealed record Delivery(AudienceKey Audience, ChannelKey Channel, string Content);

/// <summary>An objective of the social media plan.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Kind">What it is for.</param>
/// <param name="Description">What it aims at: at most 2,000 characters.</param>
public sealed record SocialObjective(ObjectiveKey Key, SocialObjectiveKind Kind, string Description);

/// <summary>A social media platform, the audiences that use it and the tactics for it.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Name">Its name: one line of at most 200 characters.</param>
/// <param name="Channel">The social media channel of the plan it belongs to.</param>
/// <param name="Audiences">The plan's audiences that use it: at least one.</param>
/// <param name="Tactics">The tactics for it: 1 to 20 lines of at most 200 characters.</param>
public sealed record Platform(PlatformKey Key, string Name, ChannelKey Channel, IReadOnlyList<AudienceKey> Audiences, IReadOnlyList<string> Tactics);

/// <summary>A measure of an objective: an indicator and a target by a date.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Objective">The objective it measures.</param>
/// <param name="Indicator">What it counts.</param>
/// <param name="Target">The count aimed at: 1 to 10^15.</param>
/// <param name="By">When the target should be met.</param>
/// <param name="Platform">The platform it is counted on, if one.</param>
public sealed record SocialMeasure(MeasureKey Key, ObjectiveKey Objective, IndicatorKind Indicator, long Target, LocalDate By, PlatformKey? Platform = null);

/// <summary>The social media plan, part of the communication plan: objectives, platforms with their audiences and tactics, and measures.</summary>
/// <param name="Objectives">The objectives: 1 to 20, each with at least one measure.</param>
/// <param name="Platforms">The platforms: 1 to 20, each with audiences and tactics.</param>
/// <param name="Measures">The measures: 1 to 100.</param>
public sealed record SocialMediaPlan(IReadOnlyList<SocialObjective> Objectives, IReadOnlyList<Platform> Platforms, IReadOnlyList<SocialMeasure> Measures);

/// <summary>A communication plan as drafted or amended.</summary>
/// <param name="Coalition">The coalition.</param>
/// <param name="Title">Its title: one line of at most 200 characters.</param>
/// <param name="Audiences">Its audiences: 1 to 50.</param>
/// <param name="Channels">Its channels: 1 to 50.</param>
/// <param name="Deliveries">What each audience gets through which channel: at most 500, every audience reached.</param>
/// <param name="SocialMedia">The social media plan, required when a channel is social media.</param>
public sealed record CommunicationPlanDraft(
    CoalitionId Coalition,
    string Title,
    IReadOnlyList<Audience> Audiences,
    IReadOnlyList<Channel> Channels,
    IReadOnlyList<Delivery> Deliveries,
    SocialMediaPlan? SocialMedia = null);

/// <summary>An item of the content calendar: what goes out through which channel (and platform), to whom, on which day.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Channel">The channel.</param>
/// <param name="On">The day it goes out.</param>
/// <param name="Title">What it is: one line of at most 200 characters.</param>
/// <param name="Audiences">Who it is for: audiences the channel reaches.</param>
/// <param name="Platform">The platform, for social media.</param>
/// <param name="Objective">The objective it serves, for social media.</param>
/// <param name="Meeting">The meeting or event it promotes, if any.</param>
public sealed record ContentItem(ContentKey Key, ChannelKey Channel, LocalDate On, string Title, IReadOnlyList<AudienceKey> Audiences, PlatformKey? Platform = null, ObjectiveKey? Objective = null, MeetingId? Meeting = null);

/// <summary>A communication actually sent, for the log that shows transparency.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="On">When it went out: no later than today.</param>
/// <param name="Title">What it was: one line of at most 200 characters.</param>
/// <param name="Audiences">Who it went to: audiences the channel reaches.</param>
/// <param name="Content">The content item it fulfils, if any.</param>
/// <param name="Platform">The platform, for social media.</param>
/// <param name="Link">Where it can be seen (an https address), if published.</param>
public sealed record SentCommunication(ChannelKey Channel, LocalDate On, string Title, IReadOnlyList<AudienceKey> Audiences, ContentKey? Content = null, PlatformKey? Platform = null, string? Link = null);

/// <summary>A value of a measure, recorded on a date.</summary>
/// <param name="Measure">The measure.</param>
/// <param name="On">The date it was counted.</param>
/// <param name="Value">The count: 0 to 10^15.</param>
public sealed record MeasureValue(MeasureKey Measure, LocalDate On, long Value);

/// <summary>Whether a channel is due on a date.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="Name">Its name.</param>
/// <param name="LastSent">When it last sent something, if ever.</param>
/// <param name="NextDue">When it is next due: its first day, or its last communication plus its cadence.</param>
/// <param name="State">Up to date, due or overdue.</param>
/// <param name="DaysOverdue">How many days overdue (0 unless overdue).</param>
public sealed record ChannelDue(ChannelKey Channel, string Name, LocalDate? LastSent, LocalDate NextDue, DueState State, int DaysOverdue);

/// <summary>One line of the content calendar: a content item, or a channel falling due by its cadence.</summary>
/// <param name="On">The day.</param>
/// <param name="Channel">The channel.</param>
/// <param name="What">What goes out (the content's title, or "due by cadence").</param>
/// <param name="Content">The content item, if it is one.</param>
/// <param name="Platform">The platform, if any.</param>
/// <param name="Sent">Whether it was sent (a content item logged, or the channel sent on or after that day within its cadence).</param>
public sealed record CalendarEntry(LocalDate On, ChannelKey Channel, string What, ContentKey? Content, PlatformKey? Platform, bool Sent);

/// <summary>How far a measure has come toward its target.</summary>
/// <param name="Measure">The measure.</param>
/// <param name="Indicator">What it counts.</param>
/// <param name="Target">The target.</param>
/// <param name="By">When the target should be met.</param>
/// <param name="Latest">The latest value recorded on or before the date, if any.</param>
/// <param name="MeasuredOn">When that value was counted.</param>
/// <param name="Achieved">The latest value as a share of the target, exactly.</param>
/// <param name="Met">Whether the target is met.</param>
/// <param name="Missed">Whether the target's date has passed without meeting it.</param>
public sealed record MeasureProgress(MeasureKey Measure, IndicatorKind Indicator, long Target, LocalDate By, long? Latest, LocalDate? MeasuredOn, Fraction Achieved, bool Met, bool Missed);

/// <summary>Bounds of the communication room.</summary>
internal static class CommunicationLimits
{
    public const int MaxAudiences = 50;
    public const int MaxChannels = 50;
    public const int MaxDeliveries = 500;
    public const int MaxObjectives = 20;
    public const int MaxPlatforms = 20;
    public const int MaxMeasures = 100;
    public const int MaxContent = 10_000;
    public const int MaxLog = 100_000;
    public const int MaxMeasurements = 100_000;
    public const long MaxCount = 1_000_000_000_000_000;
}

/// <summary>Checks a <see cref="CommunicationPlanDraft"/>'s shape; the plan's own rules are checked by <see cref="CommunicationRules.Problem"/>.</summary>
internal sealed class CommunicationPlanDraftValidator : AbstractValidator<CommunicationPlanDraft>
{
    public static readonly CommunicationPlanDraftValidator Instance = new();

    private CommunicationPlanDraftValidator()
    {
        var code = ErrorCodes.Communication.InvalidPlan.Code;
        RuleFor(d => d.Coalition).IsId();
        RuleFor(d => d.Title).IsName();
        RuleFor(d => d.Audiences).Must(a => a is { Count: >= 1 and <= CommunicationLimits.MaxAudiences } && a.All(x => x is not null && TypedKey.IsValid(x.Key) && IsName(x.Name) && Ensure.IsDefined(x.Kind)))
            .WithErrorCode(code).WithMessage("A plan has 1 to 50 audiences, each with a key, a name of one line and a defined kind.");
        RuleFor(d => d.Channels).Must(c => c is { Count: >= 1 and <= CommunicationLimits.MaxChannels } && c.All(x => x is not null && TypedKey.IsValid(x.Key) && IsName(x.Name) && Ensure.IsDefined(x.Kind) &&
                Ensure.DatePeriodProblem(x.Cadence, false) is null && x.Owner.Value != Guid.Empty && Limits.IsDate(x.StartsOn)))
            .WithErrorCode(code).WithMessage("A plan has 1 to 50 channels, each with a key, a name, a defined kind, a calendar cadence, an owner and a first day.");
        RuleFor(d => d.Deliveries).Must(x => x is { Count: <= CommunicationLimits.MaxDeliveries } && x.All(y => y is not null && TypedKey.IsValid(y.Audience) && TypedKey.IsValid(y.Channel) && IsName(y.Content)))
            .WithErrorCode(code).WithMessage("A plan says what each audience gets through which channel: at most 500 lines, each naming an audience, a channel and one line of content.");
        RuleFor(d => d.SocialMedia).Must(s => s is null || IsSocialPlan(s)).WithErrorCode(code)
            .WithMessage("A social media plan has 1 to 20 objectives, 1 to 20 platforms (each with 1 to 20 one-line tactics) and 1 to 100 measures, all well-formed.");
    }

    private static bool IsName(string? text) => FreeText.Problem(text, true, Limits.NameLength) is null && FreeText.IsSingleLine(text!);

    private static bool IsSocialPlan(SocialMediaPlan plan) =>
        plan.Objectives is { Count: >= 1 and <= CommunicationLimits.MaxObjectives } && plan.Objectives.All(o => o is not null && TypedKey.IsValid(o.Key) && Ensure.IsDefined(o.Kind) && FreeText.Problem(o.Description, true, Limits.ReasonLength) is null) &&
        plan.Platforms is { Count: >= 1 and <= CommunicationLimits.MaxPlatforms } && plan.Platforms.All(p => p is not null && TypedKey.IsValid(p.Key) && IsName(p.Name) && TypedKey.IsValid(p.Channel) &&
            p.Audiences is { Count: <= CommunicationLimits.MaxAudiences } && p.Audiences.All(TypedKey.IsValid) && p.Tactics is { Count: <= 20 } && p.Tactics.All(t => t is not null && IsName(t))) &&
        plan.Measures is { Count: >= 1 and <= CommunicationLimits.MaxMeasures } && plan.Measures.All(m => m is not null && TypedKey.IsValid(m.Key) && TypedKey.IsValid(m.Objective) && Ensure.IsDefined(m.Indicator) &&
            m.Target is >= 1 and <= CommunicationLimits.MaxCount && Limits.IsDate(m.By) && (m.Platform is null || TypedKey.IsValid(m.Platform.Value)));
}

/// <summary>The rules a communication plan keeps, as one check shared by commands and replay.</summary>
internal static class CommunicationRules
{
    /// <summary>What is wrong with a draft whose shape is valid, as a code and a sentence, or null.</summary>
    public static (ErrorCode Code, string Message)? Problem(CommunicationPlanDraft draft)
    {
        var audiences = draft.Audiences.Select(a => a.Key).ToHashSet();
        var channels = draft.Channels.Select(c => c.Key).ToHashSet();
        if (audiences.Count != draft.Audiences.Count || channels.Count != draft.Channels.Count)
        {
            return (ErrorCodes.Communication.InvalidPlan, "Each audience and each channel has its own key.");
        }

        if (draft.Deliveries.FirstOrDefault(d => !audiences.Contains(d.Audience) || !channels.Contains(d.Channel)) is { } stray)
        {
            return (ErrorCodes.Communication.UnknownReference, $"A delivery names '{TypedKey.Show(stray.Audience.Value)}' through '{TypedKey.Show(stray.Channel.Value)}', which the plan does not define.");
        }

        if (draft.Audiences.FirstOrDefault(a => draft.Deliveries.All(d => d.Audience != a.Key)) is { } unreached)
        {
            return (ErrorCodes.Communication.AudienceUnreached, $"The audience '{unreached.Name}' gets nothing through any channel.");
        }

        var social = draft.Channels.Where(c => c.Kind == ChannelKind.SocialMedia).Select(c => c.Key).ToHashSet();
        if (draft.SocialMedia is not { } plan)
        {
            return social.Count > 0 ? (ErrorCodes.Communication.NotIntegrated, "The plan has a social media channel but no social media plan.") : null;
        }

        var objectives = plan.Objectives.Select(o => o.Key).ToHashSet();
        var platforms = plan.Platforms.Select(p => p.Key).ToHashSet();
        if (objectives.Count != plan.Objectives.Count || platforms.Count != plan.Platforms.Count || plan.Measures.Select(m => m.Key).Distinct().Count() != plan.Measures.Count)
        {
            return (ErrorCodes.Communication.InvalidPlan, "Each objective, platform and measure has its own key.");
        }

        if (plan.Platforms.FirstOrDefault(p => !social.Contains(p.Channel)) is { } loose)
        {
            return (ErrorCodes.Communication.NotIntegrated, $"The platform '{loose.Name}' does not belong to a social media channel of the plan.");
        }

        if (plan.Platforms.FirstOrDefault(p => p.Audiences.Count == 0 || p.Tactics.Count == 0) is { } empty)
        {
            return (ErrorCodes.Communication.PlatformWithoutAudience, $"The platform '{empty.Name}' names no audience that uses it, or no tactic for it.");
        }

        if (plan.Platforms.SelectMany(p => p.Audiences).FirstOrDefault(a => !audiences.Contains(a)) is { Value: not null } unknown)
        {
            return (ErrorCodes.Communication.UnknownReference, $"A platform names the audience '{TypedKey.Show(unknown.Value)}', which the plan does not define.");
        }

        if (plan.Measures.FirstOrDefault(m => !objectives.Contains(m.Objective) || (m.Platform is { } p && !platforms.Contains(p))) is { } stranger)
        {
            return (ErrorCodes.Communication.UnknownReference, $"The measure '{stranger.Key.Value}' names an objective or platform the plan does not define.");
        }

        if (plan.Objectives.FirstOrDefault(o => plan.Measures.All(m => m.Objective != o.Key)) is { } unmeasured)
        {
            return (ErrorCodes.Communication.ObjectiveWithoutMeasure, $"The objective '{unmeasured.Key.Value}' has no measure; a plan that cannot be measured is not a plan.");
        }

        return null;
    }
}
