namespace Coalitions.Core.Kernel;

public static partial class ErrorCodes
{
    /// <summary>Codes of governance bodies, seats, offices, chambers and the rule book.</summary>
    public static class Governance
    {
        /// <summary>A body definition is complete and within limits.</summary>
        public static readonly ErrorCode InvalidBody = new("Governance.InvalidBody", "A body needs a unique key (lower-case letters, digits and hyphens, at most 50), a name, a mandate listing each matter once, 0 to 500 seats with no more reservations than seats (each stating a condition), distinct offices, a term and a meeting cadence that are calendar periods of at most 100 years, a term limit of 1 to 20 and a convenor among its offices; a governance has at most 50 bodies.");

        /// <summary>No body by that key.</summary>
        public static readonly ErrorCode UnknownBody = new("Governance.UnknownBody", "The rule book, appointments and offices refer only to bodies the coalition has established.");

        /// <summary>A matter is decided by a body whose mandate includes it.</summary>
        public static readonly ErrorCode NotInMandate = new("Governance.NotInMandate", "The rule book gives a matter only to a body whose mandate includes it.");

        /// <summary>The rule book has no entry for this matter.</summary>
        public static readonly ErrorCode NoRule = new("Governance.NoRule", "The rule book has no entry for this matter.");

        /// <summary>Only a member who may hold office takes a seat or an office.</summary>
        public static readonly ErrorCode NotEligible = new("Governance.NotEligible", "Only an active member whose tier carries the right to hold office takes a seat or an office.");

        /// <summary>The seat is held.</summary>
        public static readonly ErrorCode SeatTaken = new("Governance.SeatTaken", "A seat that is held, or frozen for a suspended or lapsed holder, cannot be filled.");

        /// <summary>The seat number is not one of the body's seats.</summary>
        public static readonly ErrorCode NoSuchSeat = new("Governance.NoSuchSeat", "Seats are numbered from 1 to the body's number of seats; an assembly of all members has none.");

        /// <summary>A member holds at most one seat on a body.</summary>
        public static readonly ErrorCode AlreadySeated = new("Governance.AlreadySeated", "A member holds at most one seat on a body.");

        /// <summary>The seat is reserved for another group.</summary>
        public static readonly ErrorCode ReservedSeat = new("Governance.ReservedSeat", "A reserved seat goes only to a member of the sector, chamber or region it is kept for.");

        /// <summary>The member has served the most consecutive terms allowed.</summary>
        public static readonly ErrorCode TermLimitReached = new("Governance.TermLimitReached", "A member may not hold a seat for more consecutive full terms than the body's term limit.");

        /// <summary>The seat is not held.</summary>
        public static readonly ErrorCode SeatVacant = new("Governance.SeatVacant", "Only a held seat can be vacated.");

        /// <summary>The body has no such office, or the holder does not sit on the body.</summary>
        public static readonly ErrorCode InvalidOffice = new("Governance.InvalidOffice", "An office is one the body defines, held by a member who sits on the body.");

        /// <summary>No member in the rotation order can take the office.</summary>
        public static readonly ErrorCode NoEligibleRotation = new("Governance.NoEligibleRotation", "Rotation passes an office to the next member in the order set who sits on the body and may hold office; there is none.");

        /// <summary>A rotation order lists members once.</summary>
        public static readonly ErrorCode InvalidRotation = new("Governance.InvalidRotation", "A rotation order is set for an office the body has and lists each member of the coalition once: one to 500 members.");

        /// <summary>Chambers and chamber assignments must fit.</summary>
        public static readonly ErrorCode InvalidChamber = new("Governance.InvalidChamber", "A member belongs to one of the coalition's chambers (and sub-chambers where the chamber has them); chambers and sub-chambers have unique names of at most 100 characters and weights of 1 to one trillion, at most 20 of each.");

        /// <summary>A template must be complete and consistent.</summary>
        public static readonly ErrorCode InvalidTemplate = new("Governance.InvalidTemplate", "A template has a name, one to 50 bodies with unique keys, at most one rule-book line per matter (each naming a body whose mandate includes the matter, a decision rule, a defined right to propose and 0 to 20 seconders), a seat policy and at most 20 chambers.");

        /// <summary>Only the people the command names may change the governance this way.</summary>
        public static readonly ErrorCode NotAuthorized = new("Governance.NotAuthorized", "Only a coordinator of the coalition, or where a command names them the body's convenor, the seat's holder or the office's holder (acting through one of its member's delegates) or the host system, takes this step; docs/authorization.md says who for each command.");

        /// <summary>A member may propose on a matter only with the right the rule book names.</summary>
        public static readonly ErrorCode MayNotPropose = new("Governance.MayNotPropose", "A member proposes on a matter only while it holds the right the rule book requires for that matter.");
    }
}
