namespace Coalitions.Core.Kernel;

public static partial class ErrorCodes
{
    /// <summary>Codes of decision rules, the tally and proposals.</summary>
    public static class Decisions
    {
        /// <summary>A pass threshold must be more than zero and at most one.</summary>
        public static readonly ErrorCode InvalidThreshold = new("Decisions.InvalidThreshold", "A pass threshold must be more than zero and at most one; 'more than all' can never be met.");

        /// <summary>A quorum needs a share or a minimum, counts support, and is at least one member.</summary>
        public static readonly ErrorCode InvalidQuorum = new("Decisions.InvalidQuorum", "A quorum needs a share of the electorate or a minimum (from 1 to 10^15), always counts support, and is at least one member.");

        /// <summary>The parts of a decision rule do not fit together.</summary>
        public static readonly ErrorCode InvalidRule = new("Decisions.InvalidRule", "The parts of a decision rule must fit its method (for example, no pass conditions in a consensus, no quorum in a silence procedure).");

        /// <summary>Voting periods and extensions must be longer than zero and at most three years.</summary>
        public static readonly ErrorCode InvalidTiming = new("Decisions.InvalidTiming", "A voting period and a late-quorum extension must be longer than zero and at most three years (Limits.MaxVotingPeriod).");

        /// <summary>An electorate lists each partner once, within bounds, with valid weights, representatives and chambers.</summary>
        public static readonly ErrorCode InvalidElectorate = new("Decisions.InvalidElectorate", "An electorate lists at most 5,000,000 voters, each partner once, each with a weight from 0 to 10^12 (10^15 in all), one to 100 distinct representatives and one-line names, and a chamber where the electorate has chambers (at most 100, uniquely named, of weight one or more).");

        /// <summary>A chamber vote needs an electorate organized in chambers.</summary>
        public static readonly ErrorCode ChambersRequired = new("Decisions.ChambersRequired", "A chamber vote needs an electorate organized in chambers.");

        /// <summary>A rule that counts members present needs the attendance recorded.</summary>
        public static readonly ErrorCode AttendanceRequired = new("Decisions.AttendanceRequired", "A rule that counts the members present needs the attendance recorded before it is applied.");

        /// <summary>A casting vote is support or oppose.</summary>
        public static readonly ErrorCode InvalidCastingVote = new("Decisions.InvalidCastingVote", "A casting vote is support or oppose, only a rule that gives the chair a casting vote takes one, and a facilitator gives it, never the system.");

        /// <summary>A tie awaits the chair's casting vote before voting can close.</summary>
        public static readonly ErrorCode CastingVoteRequired = new("Decisions.CastingVoteRequired", "The vote is tied and the rule gives the chair a casting vote: voting closes with the chair's casting vote.");

        /// <summary>Only members of the electorate second, vote, object, are recorded present or are counted.</summary>
        public static readonly ErrorCode NotInElectorate = new("Decisions.NotInElectorate", "Only members of the electorate may second a motion; only members of the proposal's frozen electorate may vote, object or be recorded present, and only their ballots are counted.");

        /// <summary>Each voter has one ballot that counts.</summary>
        public static readonly ErrorCode DuplicateBallot = new("Decisions.DuplicateBallot", "Each voter has one ballot that counts.");

        /// <summary>The method does not accept this stance.</summary>
        public static readonly ErrorCode StanceNotAccepted = new("Decisions.StanceNotAccepted", "Each decision method accepts only its own stances (a consensus has no 'oppose', a silence procedure only objections).");

        /// <summary>This stance needs a reason.</summary>
        public static readonly ErrorCode ReasonRequired = new("Decisions.ReasonRequired", "Blocks and objections, and any stance the rule names, must give a reason.");

        /// <summary>Only a voter's representatives cast its ballot.</summary>
        public static readonly ErrorCode NotARepresentative = new("Decisions.NotARepresentative", "Only a person who represents a member, acting for it (and listed for it by the electorate, where one is known), may cast its ballot, second for it, declare its conflict of interest or give and revoke its proxy; the holder of its proxy, acting in its name, may also cast its ballot.");

        /// <summary>A ballot cannot be changed under a rule with final ballots.</summary>
        public static readonly ErrorCode BallotIsFinal = new("Decisions.BallotIsFinal", "Under a rule with final ballots a ballot, once cast, cannot be changed.");

        /// <summary>A recused voter takes no part.</summary>
        public static readonly ErrorCode Recused = new("Decisions.Recused", "A voter who declared a conflict of interest takes no part in the decision.");

        /// <summary>A proposal needs a rule and sensible seconding and facilitation settings.</summary>
        public static readonly ErrorCode InvalidProposal = new("Decisions.InvalidProposal", "A proposal needs a rule, 0 to 20 seconders, one to 100 facilitators, and a name for a custom matter only (its title and text are checked as texts).");

        /// <summary>Only the proposer may do this (or, for implementation and review, a facilitator).</summary>
        public static readonly ErrorCode NotTheProposer = new("Decisions.NotTheProposer", "Only a representative of the proposing member, acting for it, may draft, revise, submit or withdraw a proposal; it or a facilitator marks an adopted proposal implemented or sets its review.");

        /// <summary>Only a facilitator named for the proposal may open or close voting.</summary>
        public static readonly ErrorCode NotAFacilitator = new("Decisions.NotAFacilitator", "Only a facilitator named for the proposal (the chair or secretariat the rule book names) may open, reopen or close voting and record attendance; the system may close it at the deadline.");

        /// <summary>A member seconds a proposal once, and never its own.</summary>
        public static readonly ErrorCode InvalidSeconder = new("Decisions.InvalidSeconder", "A member seconds a proposal once, and never its own.");

        /// <summary>Voting opens only once enough members have seconded.</summary>
        public static readonly ErrorCode NotEnoughSeconders = new("Decisions.NotEnoughSeconders", "Voting opens only once as many members have seconded the motion as the rule book requires.");

        /// <summary>Voting needs at least one voter.</summary>
        public static readonly ErrorCode EmptyElectorate = new("Decisions.EmptyElectorate", "Voting needs an electorate of at least one voter.");

        /// <summary>Ballots and objections are taken only while voting is open.</summary>
        public static readonly ErrorCode VotingNotOpen = new("Decisions.VotingNotOpen", "Ballots and objections are taken only while voting is open, before the deadline.");

        /// <summary>Voting closes only at the deadline, or early where the rule allows.</summary>
        public static readonly ErrorCode VotingStillOpen = new("Decisions.VotingStillOpen", "Voting closes at the deadline, or earlier only when the rule allows it and everyone has voted or the outcome is settled.");

        /// <summary>An amendment during voting starts a new round only under consent or consensus.</summary>
        public static readonly ErrorCode AmendmentNotAllowed = new("Decisions.AmendmentNotAllowed", "A proposal is amended during voting only under consent or consensus, where an amendment starts a new round.");

        /// <summary>A new round needs a revision since the last one.</summary>
        public static readonly ErrorCode RevisionRequired = new("Decisions.RevisionRequired", "A proposal returned for revision goes back to a vote only after it has been revised.");

        /// <summary>Only an adopted proposal is implemented or reviewed.</summary>
        public static readonly ErrorCode NotAdopted = new("Decisions.NotAdopted", "Only an adopted proposal can be marked implemented, given a review date or cited as a decision.");

        /// <summary>Only a rule that takes proxies lets a member vote by proxy.</summary>
        public static readonly ErrorCode ProxiesNotAllowed = new("Decisions.ProxiesNotAllowed", "A member gives its vote to a proxy, and a proxy casts it, only where the round's rule takes proxies.");

        /// <summary>A proxy goes to a representative of another member of the electorate.</summary>
        public static readonly ErrorCode InvalidProxy = new("Decisions.InvalidProxy", "A proxy goes from a member of the electorate, given by its representative, to a person who represents another member of the electorate and not the principal; one proxy per member at a time, and a standing proxy ends after it starts.");

        /// <summary>A proxy holder carries no more proxies than the rule allows.</summary>
        public static readonly ErrorCode ProxyCapExceeded = new("Decisions.ProxyCapExceeded", "A person carries no more proxies on a proposal than its rule allows (FSC: five).");

        /// <summary>Only a proxy in force can be revoked.</summary>
        public static readonly ErrorCode NoProxy = new("Decisions.NoProxy", "A member revokes only a proxy it has in force on the proposal.");

        /// <summary>A member's own ballot stands over its proxy's.</summary>
        public static readonly ErrorCode PrincipalHasVoted = new("Decisions.PrincipalHasVoted", "Once a member has voted itself in a round, its own ballot stands: its proxy no longer casts for it, and it gives no new proxy in that round.");

        /// <summary>An outcome is explained under the rule it was decided by.</summary>
        public static readonly ErrorCode OutcomeOfAnotherRule = new("Decisions.OutcomeOfAnotherRule", "An outcome is explained under the rule it was decided by: the same method, quorum and conditions.");

        /// <summary>The proposal's lifecycle does not allow this step now.</summary>
        public static readonly ErrorCode InvalidTransition = new("Decisions.InvalidTransition", "The proposal's lifecycle does not allow this step in its current state.");
    }
}
