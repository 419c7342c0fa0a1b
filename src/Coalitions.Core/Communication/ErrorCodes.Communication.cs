namespace Coalitions.Core.Kernel;

public static partial class ErrorCodes
{
    /// <summary>Codes of communication plans and the social media plans inside them.</summary>
    public static class Communication
    {
        /// <summary>A communication plan is complete and within bounds.</summary>
        public static readonly ErrorCode InvalidPlan = new("Communication.InvalidPlan", "A communication plan has a title, one to 50 audiences and one to 50 channels with unique keys, each channel with a calendar cadence, an owner and a first day, and says what each audience gets through which channel.");

        /// <summary>A plan refers only to its own audiences and channels.</summary>
        public static readonly ErrorCode UnknownReference = new("Communication.UnknownReference", "A plan, its content and its log refer only to audiences, channels, platforms, objectives, measures and content items the plan defines.");

        /// <summary>Every audience is reached.</summary>
        public static readonly ErrorCode AudienceUnreached = new("Communication.AudienceUnreached", "Every audience of a plan gets something through at least one channel.");

        /// <summary>A platform with no audience is refused.</summary>
        public static readonly ErrorCode PlatformWithoutAudience = new("Communication.PlatformWithoutAudience", "Every social media platform names the audiences of the plan that use it, and at least one tactic for it.");

        /// <summary>An objective with no measure is refused: a plan that cannot be measured is not a plan.</summary>
        public static readonly ErrorCode ObjectiveWithoutMeasure = new("Communication.ObjectiveWithoutMeasure", "Every social media objective has at least one measure with an indicator and a target; a plan that cannot be measured is not a plan.");

        /// <summary>Social media is part of the overall plan.</summary>
        public static readonly ErrorCode NotIntegrated = new("Communication.NotIntegrated", "Social media is part of the overall plan: every platform belongs to a social media channel of the plan, and a plan with a social media channel has a social media plan.");

        /// <summary>Content goes only where the plan says.</summary>
        public static readonly ErrorCode OffPlan = new("Communication.OffPlan", "A content item or a communication sent goes through a channel to audiences the plan reaches through it, on a platform of that channel, on a date no later than today for what was sent.");

        /// <summary>A plan moves Draft, Adopted, Retired.</summary>
        public static readonly ErrorCode InvalidTransition = new("Communication.InvalidTransition", "A communication plan is revised while a draft, adopted once, then amended (by a decision where the rule book names one), used to log communications and measures, and finally retired.");

        /// <summary>Only a channel's owner or a coordinator logs what the channel sent.</summary>
        public static readonly ErrorCode NotAnOwner = new("Communication.NotAnOwner", "Only the owner of the channel concerned, or a coordinator of the coalition, schedules its content and records what it sent and measured.");
    }
}
