namespace Coalitions.Core.Kernel;

public static partial class ErrorCodes
{
    /// <summary>Codes of sustained engagement: participation, recognition, the value a member gives and gets, and the collaboration health check.</summary>
    public static class Engagement
    {
        /// <summary>Only the people the authorization table names take an engagement step.</summary>
        public static readonly ErrorCode NotAuthorized = new("Engagement.NotAuthorized", "Only the people docs/authorization.md names for an engagement command take it: the coalition's coordinators, and a member's delegates acting for it.");

        /// <summary>Facts, periods, policies, acknowledgements and health checks are complete and within bounds.</summary>
        public static readonly ErrorCode InvalidInput = new("Engagement.InvalidInput", "Participation and value facts, periods, at-risk policies, acknowledgements and health checks are complete, within their bounds, and consistent (a contribution is always made; two facts about one opportunity agree).");

        /// <summary>The lifecycle does not allow the step now.</summary>
        public static readonly ErrorCode InvalidTransition = new("Engagement.InvalidTransition", "An acknowledgement or a health check takes only the steps its lifecycle allows in its current state (see its diagram).");

        /// <summary>Keys name things that exist.</summary>
        public static readonly ErrorCode UnknownKey = new("Engagement.UnknownKey", "An acknowledgement or a health check statement named by a command exists.");

        /// <summary>Ids are used once.</summary>
        public static readonly ErrorCode Duplicate = new("Engagement.Duplicate", "An acknowledgement's id is used once, and a response rates each statement once.");

        /// <summary>Acknowledged members are members.</summary>
        public static readonly ErrorCode NotAMember = new("Engagement.NotAMember", "A member acknowledged for a contribution, or asked to rate the coalition's health, is a member of the coalition.");

        /// <summary>Only members on the roster respond, once.</summary>
        public static readonly ErrorCode AlreadyResponded = new("Engagement.AlreadyResponded", "Each member on a health check's roster responds once; a submitted response cannot be changed, since nothing ties it to the member any more.");

        /// <summary>The host gives the health check's own key.</summary>
        public static readonly ErrorCode WrongAnonymityKey = new("Engagement.WrongAnonymityKey", "A health check's responses are tagged with the anonymity key it was opened with; another key would let a member respond twice, so it is refused.");

        /// <summary>Results are read only once enough members responded and the round is closed.</summary>
        public static readonly ErrorCode ResultsWithheld = new("Engagement.ResultsWithheld", "A health check's results are read once it is closed, and only when at least its minimum number of members (three or more) responded, so no member's ratings can be singled out.");

        /// <summary>Rounds are compared with an earlier round of the same coalition.</summary>
        public static readonly ErrorCode NotComparable = new("Engagement.NotComparable", "A health check is compared only with an earlier, closed round of the same coalition whose results can be read.");
    }
}
