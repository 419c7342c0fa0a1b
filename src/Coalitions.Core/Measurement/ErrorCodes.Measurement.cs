namespace Coalitions.Core.Kernel;

public static partial class ErrorCodes
{
    /// <summary>Codes of shared measurement: indicators, measurements and progress.</summary>
    public static class Measurement
    {
        /// <summary>An indicator is specific, measurable and time-bound, and serves a goal or an initiative.</summary>
        public static readonly ErrorCode InvalidIndicator = new("Measurement.InvalidIndicator", "An indicator has a title, a unit, a baseline taken on a day before its deadline, a target that moves from the baseline in its direction, and serves a goal of the charter or a joint initiative of the coalition.");

        /// <summary>The charter has no goal by that key.</summary>
        public static readonly ErrorCode UnknownGoal = new("Measurement.UnknownGoal", "An indicator serves a goal the coalition's charter names by its key; a goal without a key is given one by amending the charter.");

        /// <summary>Only a coordinator, or the lead of the initiative it measures, defines or retires an indicator.</summary>
        public static readonly ErrorCode NotTheSteward = new("Measurement.NotTheSteward", "A coordinator defines and retires indicators; a delegate of an initiative's lead partner also defines indicators of that initiative.");

        /// <summary>Only a delegate of the reporting member, acting for it, reports or corrects its measurement.</summary>
        public static readonly ErrorCode NotTheReporter = new("Measurement.NotTheReporter", "A measurement is reported by a delegate of an active member, acting for it, and corrected by a delegate of the member that reported it or by a coordinator.");

        /// <summary>A measurement covers a past period, with a bounded value and its source.</summary>
        public static readonly ErrorCode InvalidMeasurement = new("Measurement.InvalidMeasurement", "A measurement covers a period that has ended, from its first day to its last (at most ten years), with a value of at most 10^15 in size and four decimal places, and names its source.");

        /// <summary>A member reports a period once; it corrects what it reported.</summary>
        public static readonly ErrorCode AlreadyReported = new("Measurement.AlreadyReported", "A member reports each period of an indicator once; a change is a correction, which keeps what was reported before.");

        /// <summary>The indicator has no measurement by that number.</summary>
        public static readonly ErrorCode UnknownMeasurement = new("Measurement.UnknownMeasurement", "A measurement is named by the number the indicator gave it when it was reported.");

        /// <summary>A retired indicator takes no more measurements.</summary>
        public static readonly ErrorCode IndicatorRetired = new("Measurement.IndicatorRetired", "A retired indicator takes no more measurements or corrections; its history stays readable.");
    }
}
