namespace Coalitions.Core.Kernel;

public static partial class ErrorCodes
{
    /// <summary>Codes of the coalition's collective voice: policy positions, sign-on statements and campaigns.</summary>
    public static class Advocacy
    {
        /// <summary>Only the people the authorization table names take an advocacy step.</summary>
        public static readonly ErrorCode NotAuthorized = new("Advocacy.NotAuthorized", "Only the people docs/authorization.md names for an advocacy command take it: the coalition's coordinators, a member's delegates acting for it, a campaign's lead member, an organization's own representatives.");

        /// <summary>A position, statement or campaign must be complete and within its bounds.</summary>
        public static readonly ErrorCode InvalidInput = new("Advocacy.InvalidInput", "A position, a statement, a campaign and their parts are complete, within their bounds, and name each key once.");

        /// <summary>The lifecycle does not allow the step now.</summary>
        public static readonly ErrorCode InvalidTransition = new("Advocacy.InvalidTransition", "A position, statement or campaign takes only the steps its lifecycle allows in its current state (see its diagram).");

        /// <summary>A decision adopts only the words it saw.</summary>
        public static readonly ErrorCode DecisionPredatesText = new("Advocacy.DecisionPredatesText", "A decision authorizes only the words it saw: a text revised after the decision was taken cannot be adopted or published citing it.");

        /// <summary>A decision authorizes one act.</summary>
        public static readonly ErrorCode DecisionAlreadyCited = new("Advocacy.DecisionAlreadyCited", "One decision authorizes one act: a decision already cited to adopt a version, retire a position or publish a statement cannot be cited again.");

        /// <summary>Members named by advocacy are active members.</summary>
        public static readonly ErrorCode NotAnActiveMember = new("Advocacy.NotAnActiveMember", "A member who drafts, reserves, leads, is assigned an action or endorses as a member is an active member of the coalition on that day.");

        /// <summary>A position, campaign or statement belongs to one coalition.</summary>
        public static readonly ErrorCode OtherCoalition = new("Advocacy.OtherCoalition", "A position, a statement or a campaign is acted on with its own coalition, and a campaign carries only its own coalition's positions.");

        /// <summary>A campaign carries only positions in effect.</summary>
        public static readonly ErrorCode PositionNotInEffect = new("Advocacy.PositionNotInEffect", "A campaign carries a policy position only while an adopted version of it is in effect, never a draft or a retired position.");

        /// <summary>Keys name things that exist.</summary>
        public static readonly ErrorCode UnknownKey = new("Advocacy.UnknownKey", "An action, target, objective, endorsement or reservation named by a command exists in the position, statement or campaign.");

        /// <summary>Keys and endorsers are unique.</summary>
        public static readonly ErrorCode Duplicate = new("Advocacy.Duplicate", "A key names one action, target or objective; an organization endorses a statement once at a time; a member records one reservation per version; an external event is linked once.");

        /// <summary>A statement takes endorsements only while open.</summary>
        public static readonly ErrorCode StatementClosed = new("Advocacy.StatementClosed", "A sign-on statement takes endorsements from its publication to the end of its closing date, in the coalition's time zone, unless closed earlier.");

        /// <summary>An action is settled once.</summary>
        public static readonly ErrorCode ActionSettled = new("Advocacy.ActionSettled", "A campaign action is completed or cancelled once; a settled action does not change.");

        /// <summary>An endorsement's status moves forward only.</summary>
        public static readonly ErrorCode EndorsementSettled = new("Advocacy.EndorsementSettled", "An endorsement is verified or rejected once, from pending; a withdrawn or rejected endorsement does not change.");
    }
}
