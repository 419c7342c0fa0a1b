namespace Coalitions.Core.Kernel;

public static partial class ErrorCodes
{
    /// <summary>Codes of polls and elections.</summary>
    public static class Polls
    {
        /// <summary>A poll's options and rule must fit its method.</summary>
        public static readonly ErrorCode InvalidPoll = new("Polls.InvalidPoll", "A poll has a question, at least two uniquely keyed options, and a rule that fits its method (seats fewer than the options, a positive maximum score or dot budget, counting settings its method has).");

        /// <summary>A ballot must fit the poll's method.</summary>
        public static readonly ErrorCode InvalidBallot = new("Polls.InvalidBallot", "A ballot names only the poll's options, in the form its method takes: one choice for plurality, a ranking for ranked methods (overvotes and repeated options only where the ballot rules say how they count), scores within range, dots within the budget and cap, an answer per slot.");

        /// <summary>The poll's lifecycle does not allow this step now.</summary>
        public static readonly ErrorCode InvalidTransition = new("Polls.InvalidTransition", "The poll's lifecycle does not allow this step in its current state.");

        /// <summary>Results are not visible yet.</summary>
        public static readonly ErrorCode ResultsHidden = new("Polls.ResultsHidden", "Results are shown only as the poll's visibility allows: always, after voting, or after close.");

        /// <summary>Visibility can never be loosened once a ballot exists.</summary>
        public static readonly ErrorCode VisibilityLocked = new("Polls.VisibilityLocked", "Once a ballot has been cast, results visibility can be tightened but never loosened.");

        /// <summary>The count met a tie the rule leaves to a facilitator, who has not decided it.</summary>
        public static readonly ErrorCode TieUndecided = new("Polls.TieUndecided", "A poll whose rule leaves ties to a facilitator closes only once every tie the count meets is decided and recorded on the poll; the refusal names the round and the tied options.");

        /// <summary>A facilitator's tie decision must name a tie the rule leaves to the host.</summary>
        public static readonly ErrorCode InvalidTieDecision = new("Polls.InvalidTieDecision", "A tie decision is recorded only under a rule that leaves ties to a facilitator, and names a round from 1, two or more of the poll's options, and one of them as chosen.");
    }
}
