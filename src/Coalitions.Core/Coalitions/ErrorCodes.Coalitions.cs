namespace Coalitions.Core.Kernel;

public static partial class ErrorCodes
{
    /// <summary>Codes of coalitions, their charter and lifecycle.</summary>
    public static class Coalitions
    {
        /// <summary>A coalition needs a name, a known time zone and a founding minimum of at least two.</summary>
        public static readonly ErrorCode InvalidCoalition = new("Coalitions.InvalidCoalition", "A coalition needs a name of at most 200 characters, a tz database time zone and a founding minimum of two to one hundred members.");

        /// <summary>A charter states its problem, vision, mission, principles and goals.</summary>
        public static readonly ErrorCode InvalidCharter = new("Coalitions.InvalidCharter", "A charter states the problem, the vision, the mission, at least one principle and at least one goal, each within its length limit.");

        /// <summary>A goal must be measurable.</summary>
        public static readonly ErrorCode GoalNotMeasurable = new("Coalitions.GoalNotMeasurable", "A goal needs an indicator, a unit and a target that moves from the baseline in the goal's direction.");

        /// <summary>A goal must have a deadline.</summary>
        public static readonly ErrorCode GoalWithoutDeadline = new("Coalitions.GoalWithoutDeadline", "A goal needs a deadline.");

        /// <summary>Once active, the charter changes only by an adopted decision to amend it.</summary>
        public static readonly ErrorCode DecisionRequired = new("Coalitions.DecisionRequired", "This change cites an adopted decision of this coalition on the matching matter (amend the charter, admit, suspend or expel a member, elect officers, dissolve), taken before the change.");

        /// <summary>The coalition's lifecycle does not allow this step now.</summary>
        public static readonly ErrorCode InvalidTransition = new("Coalitions.InvalidTransition", "The coalition's lifecycle does not allow this step in its current stage.");

        /// <summary>A coalition becomes active with an adopted charter and its founding members.</summary>
        public static readonly ErrorCode NotReadyToActivate = new("Coalitions.NotReadyToActivate", "A coalition becomes active only once its charter is adopted and the founding minimum of founding members have joined.");

        /// <summary>Only a coordinator of the coalition takes this step.</summary>
        public static readonly ErrorCode NotACoordinator = new("Coalitions.NotACoordinator", "Only a coordinator of the coalition (its secretariat or convenors) administers it; the person who founds a coalition is its first coordinator.");

        /// <summary>A person is a coordinator once.</summary>
        public static readonly ErrorCode AlreadyACoordinator = new("Coalitions.AlreadyACoordinator", "A person is appointed a coordinator of a coalition once.");

        /// <summary>Only a current coordinator can be removed.</summary>
        public static readonly ErrorCode UnknownCoordinator = new("Coalitions.UnknownCoordinator", "Only a current coordinator of the coalition can be removed.");

        /// <summary>A coalition keeps at least one coordinator.</summary>
        public static readonly ErrorCode LastCoordinator = new("Coalitions.LastCoordinator", "A coalition keeps at least one coordinator, so someone can always administer it; appoint another before removing the last.");

        /// <summary>A coordinator has a person and a name.</summary>
        public static readonly ErrorCode InvalidCoordinator = new("Coalitions.InvalidCoordinator", "A coordinator is a person with a name of one line and at most 200 characters; a coalition has at most 50 coordinators.");

        /// <summary>Past founding, admitting a member consults the coalition's rule book.</summary>
        public static readonly ErrorCode RuleBookRequired = new("Coalitions.RuleBookRequired", "Once a coalition is past founding, inviting a member consults its own rule book; where the rule book names a rule for admitting members, the invitation cites an adopted decision to admit.");

        /// <summary>A command reads the coalition its aggregate belongs to.</summary>
        public static readonly ErrorCode OtherCoalition = new("Coalitions.OtherCoalition", "A command that reads a coalition, or its rule book, reads the one it belongs to: a governance or an outreach is changed only with its own coalition.");
    }

    /// <summary>Codes of memberships.</summary>
    public static class Membership
    {
        /// <summary>An offer of membership needs a tier, delegates and a bounded weight.</summary>
        public static readonly ErrorCode InvalidOffer = new("Membership.InvalidOffer", "An offer of membership names the partner it is made to, a tier, one to ten distinct delegates and a weight from zero to one trillion.");

        /// <summary>A membership's delegates are the partner's own representatives.</summary>
        public static readonly ErrorCode DelegateNotARepresentative = new("Membership.DelegateNotARepresentative", "A membership's delegates are people the partner has named as its representatives.");

        /// <summary>Only the partner's own representatives change its delegates.</summary>
        public static readonly ErrorCode NotARepresentative = new("Membership.NotARepresentative", "Only a representative the member has named, acting for it, changes its delegates in a coalition.");

        /// <summary>A partner holds one membership of a coalition.</summary>
        public static readonly ErrorCode AlreadyAMember = new("Membership.AlreadyAMember", "A partner holds one membership of a coalition; an expelled or withdrawn member cannot simply be invited again.");

        /// <summary>The partner has no membership of this coalition.</summary>
        public static readonly ErrorCode NotAMember = new("Membership.NotAMember", "The partner has no membership of this coalition.");

        /// <summary>The membership lifecycle does not allow this step now.</summary>
        public static readonly ErrorCode InvalidTransition = new("Membership.InvalidTransition", "The membership's lifecycle does not allow this step in its current status (for example, reinstating a member who is not suspended).");

        /// <summary>Only a member's own delegate accepts, declines or withdraws for it.</summary>
        public static readonly ErrorCode NotADelegate = new("Membership.NotADelegate", "Only a delegate of the member, acting for it, may accept, decline or withdraw its membership.");

        /// <summary>The member does not hold this right now.</summary>
        public static readonly ErrorCode RightNotHeld = new("Membership.RightNotHeld", "Only an active member (in its term or grace period) whose tier carries a right may exercise it; suspended and lapsed members hold no rights.");

        /// <summary>The coalition does not take new members in its current stage.</summary>
        public static readonly ErrorCode NotAdmitting = new("Membership.NotAdmitting", "A coalition that is dissolving or dissolved takes no new members, and a coalition holds at most five million memberships with a total weight of at most 10^15.");
    }
}
