namespace Coalitions.Core.Kernel;

public static partial class ErrorCodes
{
    /// <summary>Codes of polls and elections.</summary>
    public static class Polls
    {
        /// <summary>A poll's options and rule must fit its method.</summary>
        public static readonly ErrorCode InvalidPoll = new("Polls.InvalidPoll", "A poll has a question, two to 200 uniquely keyed options, one to 100 facilitators, and a rule of defined settings that fits its method (seats fewer than the options, a maximum score and a dot budget from 1 to 1,000, counting settings its method has).");

        /// <summary>Only a facilitator named for the poll runs it.</summary>
        public static readonly ErrorCode NotAFacilitator = new("Polls.NotAFacilitator", "Only a facilitator named for the poll drafts, opens, cancels or closes it, changes its results visibility or decides a tie its rule leaves to a facilitator; the host system may also close it.");

        /// <summary>Only a voter's representative casts its ballot.</summary>
        public static readonly ErrorCode NotARepresentative = new("Polls.NotARepresentative", "Only a representative of a voter, acting for it and listed for it in the electorate frozen when the poll opened, casts the voter's ballot.");

        /// <summary>Only voters of the frozen electorate cast ballots.</summary>
        public static readonly ErrorCode NotInElectorate = new("Polls.NotInElectorate", "Only a voter of the electorate frozen when the poll opened casts a ballot in it.");

        /// <summary>Ballots are taken only while the poll is open.</summary>
        public static readonly ErrorCode VotingNotOpen = new("Polls.VotingNotOpen", "A poll takes ballots only while it is open: from the instant it opened until its deadline, the deadline excluded; it closes no earlier than it opened.");

        /// <summary>A poll closes at its deadline, or once every voter has voted.</summary>
        public static readonly ErrorCode VotingStillOpen = new("Polls.VotingStillOpen", "A poll closes at or after its deadline, or earlier once every voter of its electorate has voted.");

        /// <summary>A poll opens before at least one voter.</summary>
        public static readonly ErrorCode EmptyElectorate = new("Polls.EmptyElectorate", "A poll opens before an electorate of at least one voter.");

        /// <summary>A poll's deadline follows its opening, within the longest voting period.</summary>
        public static readonly ErrorCode InvalidDeadline = new("Polls.InvalidDeadline", "A poll's deadline falls after the instant it opens and at most three years later.");

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
        public static readonly ErrorCode InvalidTieDecision = new("Polls.InvalidTieDecision", "A tie decision is recorded only under a rule that leaves ties to a facilitator, for the tie the count of the ballots cast meets (or a tie decided before): its round, its kind and exactly its tied options, with one of them chosen.");

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
