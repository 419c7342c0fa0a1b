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

        /// <summary>A ballot file's first lines must give the candidates and seats.</summary>
        public static readonly ErrorCode BallotFileHeader = new("Polls.BallotFileHeader", "A ballot file (BLT) starts with the number of candidates (2 to 200) and of seats (fewer than the candidates), then optionally the withdrawn candidates as negative numbers; the refusal names the line.");

        /// <summary>A ballot file's ballot line is malformed.</summary>
        public static readonly ErrorCode BallotFileLine = new("Polls.BallotFileLine", "A ballot line of a ballot file (BLT) is a positive weight, then candidate numbers within range (\"-\" for a skipped rank, \"a=b\" for options at one rank), ending in 0; the ballots end with a line holding 0; the refusal names the line.");

        /// <summary>A ballot file's names or title are malformed.</summary>
        public static readonly ErrorCode BallotFileText = new("Polls.BallotFileText", "A ballot file (BLT) names each candidate (at most 200 characters) and then the election (at most 500) in double quotes, one to a line, with no quote or control character inside, and nothing after the title; the refusal names the line.");

        /// <summary>A ballot file stops early or is too large.</summary>
        public static readonly ErrorCode BallotFileSize = new("Polls.BallotFileSize", "A ballot file (BLT) holds every part up to the title, in at most 32 MiB of text and at most 2,147,483,647 ballots; the refusal names the line where it ended or overflowed.");
    }
}
