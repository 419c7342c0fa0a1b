namespace Coalitions.Core.Kernel;

public static partial class ErrorCodes
{
    /// <summary>Codes of joint initiatives: projects, programmes and campaigns.</summary>
    public static class Initiatives
    {
        /// <summary>An initiative's plan names its partners, roles, dates, milestones and budget within bounds.</summary>
        public static readonly ErrorCode InvalidPlan = new("Initiatives.InvalidPlan", "An initiative's plan has a title, a description, one to 100 distinct partners each in one or more roles, a lead partner accountable for it, a planned start no later than its planned end, milestones and budget lines with distinct keys, and each budget line funded by a partner in the funding role.");

        /// <summary>Only a delegate of the lead partner, acting for it, steers the initiative.</summary>
        public static readonly ErrorCode NotTheLead = new("Initiatives.NotTheLead", "Only a delegate of the lead partner, acting for it, proposes, revises, starts and completes a joint initiative.");

        /// <summary>Only a delegate of a partner in the initiative, acting for it, records its work.</summary>
        public static readonly ErrorCode NotAPartner = new("Initiatives.NotAPartner", "Only a delegate of the lead or of an implementing partner records a milestone, and a partner's contribution is linked by its own delegate or the lead's.");

        /// <summary>A partner that is not an active member takes part only as a marked outside partner.</summary>
        public static readonly ErrorCode OutsidePartner = new("Initiatives.OutsidePartner", "Partners that are members of the coalition are active members when the initiative is proposed; other organizations (funders, agencies) take part only when marked as outside partners, and the lead is a member.");

        /// <summary>The initiative's lifecycle does not allow this step now.</summary>
        public static readonly ErrorCode InvalidTransition = new("Initiatives.InvalidTransition", "An initiative is revised while proposed, approved by a decision, started once approved, suspended and resumed while under way, completed while active, and cancelled before it is completed.");

        /// <summary>The initiative has no milestone by that key, or it was already reached.</summary>
        public static readonly ErrorCode UnknownMilestone = new("Initiatives.UnknownMilestone", "A milestone is named by a key of the initiative's plan and is recorded as reached once, on a day from the start to today.");

        /// <summary>A partner's contribution links only its own pledges and agreements.</summary>
        public static readonly ErrorCode InvalidContribution = new("Initiatives.InvalidContribution", "A partner's contribution names a partner of the initiative, links only pledges that partner made for this initiative, and an agreement the partner signed with the commitment it made under it.");

        /// <summary>An IATI publisher has an organisation identifier, a name, a type and a language.</summary>
        public static readonly ErrorCode InvalidPublisher = new("Initiatives.InvalidPublisher", "An IATI publisher has an organisation identifier and a name (one line each), a defined organisation type, an ISO 639-1 language and, where given, an ISO 3166-1 recipient country.");
    }
}
