namespace Coalitions.Core.Kernel;

public static partial class ErrorCodes
{
    /// <summary>Codes of conflict cases: ground rules, dialogue, mediation, escalation and resolution.</summary>
    public static class Conflicts
    {
        /// <summary>Only the people the authorization table names take a step in a case.</summary>
        public static readonly ErrorCode NotAuthorized = new("Conflicts.NotAuthorized", "Only the people docs/authorization.md names for a step of a case take it: the parties through their delegates (the coalition through its coordinators), the mediator, the coordinators unless the case is confidential to its parties, and the body the case was escalated to.");

        /// <summary>Only the people a case's confidentiality admits may see it.</summary>
        public static readonly ErrorCode NotPermittedToSee = new("Conflicts.NotPermittedToSee", "A case is shown only to its parties' delegates, its mediator, the coordinators (unless it is confidential to its parties), the body it was escalated to, and, where it is open to members, the delegates of active members.");

        /// <summary>A case is complete and within bounds.</summary>
        public static readonly ErrorCode InvalidCase = new("Conflicts.InvalidCase", "A case names its issue, two or more parties (members of the coalition, or a member and the coalition), at least one ground rule, and follow-ups owed by its parties, within their bounds.");

        /// <summary>The lifecycle does not allow the step now.</summary>
        public static readonly ErrorCode InvalidTransition = new("Conflicts.InvalidTransition", "A case takes only the steps its lifecycle allows: ground rules acknowledged before dialogue, dialogue tried before escalation, a mediator accepted by every party, a resolution confirmed by every party (see its diagram).");

        /// <summary>Parties act for themselves.</summary>
        public static readonly ErrorCode NotAParty = new("Conflicts.NotAParty", "A step a party takes (acknowledging the ground rules, answering a mediator or a resolution) names one of the case's parties.");

        /// <summary>A party answers once.</summary>
        public static readonly ErrorCode AlreadyAnswered = new("Conflicts.AlreadyAnswered", "A party acknowledges the ground rules once, and answers a proposed mediator or resolution once.");

        /// <summary>A mediator is impartial.</summary>
        public static readonly ErrorCode MediatorNotImpartial = new("Conflicts.MediatorNotImpartial", "A mediator is acceptable to every party and is no delegate of a party, nor a coordinator where the coalition is a party.");

        /// <summary>The rule book names the body that decides disputes.</summary>
        public static readonly ErrorCode NoDisputeBody = new("Conflicts.NoDisputeBody", "A case is escalated to the body the coalition's rule book names for resolving disputes; without such a line the case cannot be escalated.");

        /// <summary>Follow-ups name what the resolution lists.</summary>
        public static readonly ErrorCode UnknownFollowUp = new("Conflicts.UnknownFollowUp", "A follow-up recorded as done is one the case's resolution or ruling lists, not done already.");
    }
}
