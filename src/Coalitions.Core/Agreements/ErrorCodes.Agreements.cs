namespace Coalitions.Core.Kernel;

public static partial class ErrorCodes
{
    /// <summary>Codes of agreements.</summary>
    public static class Agreements
    {
        /// <summary>An agreement's parties, clauses, commitments and terms must be complete and consistent.</summary>
        public static readonly ErrorCode InvalidAgreement = new("Agreements.InvalidAgreement", "An agreement has at least two distinct parties, each with its own signatories, at least one clause, uniquely keyed clauses and commitments, a money commitment names its amount, its terms do not end before they start, and an amendment keeps the first day of the agreement it amends.");

        /// <summary>Only a party's authorized signatory, acting for it, acts for it under the agreement.</summary>
        public static readonly ErrorCode NotASignatory = new("Agreements.NotASignatory", "Only a person authorized to sign for a party, acting for it, signs, proposes an amendment, records a fulfilment, gives notice or terminates for it.");

        /// <summary>The partner is not a party, or the actor represents none.</summary>
        public static readonly ErrorCode NotAParty = new("Agreements.NotAParty", "Only a party to the agreement commits under it, and only a representative of one of its parties, acting for that party, drafts it.");

        /// <summary>Only the drafting party revises and circulates a draft.</summary>
        public static readonly ErrorCode NotTheDrafter = new("Agreements.NotTheDrafter", "Only the drafting party, through the person who drafted the agreement or one of its signatories, revises or circulates it before it is signed.");

        /// <summary>A commitment is waived only by a party it is owed to.</summary>
        public static readonly ErrorCode NotABeneficiary = new("Agreements.NotABeneficiary", "Only a party a commitment is owed to (any party but the one that made it) waives it; a party never releases itself from its own commitment.");

        /// <summary>A party is a member of the coalition unless marked as an outside partner.</summary>
        public static readonly ErrorCode OutsideParty = new("Agreements.OutsideParty", "A party that is not an active member of the coalition takes part only when the draft marks it as an outside partner, and an active member is never marked as one.");

        /// <summary>A party signs a version once.</summary>
        public static readonly ErrorCode AlreadySigned = new("Agreements.AlreadySigned", "A party signs each version once.");

        /// <summary>The agreement's lifecycle does not allow this step now.</summary>
        public static readonly ErrorCode InvalidTransition = new("Agreements.InvalidTransition", "The agreement's lifecycle does not allow this step in its current state.");

        /// <summary>No commitment by that key.</summary>
        public static readonly ErrorCode UnknownCommitment = new("Agreements.UnknownCommitment", "Fulfilments and waivers refer to a commitment of the version in force.");

        /// <summary>A commitment that is met or waived is settled.</summary>
        public static readonly ErrorCode CommitmentSettled = new("Agreements.CommitmentSettled", "A commitment that has been met or waived is settled and takes no further fulfilment or waiver.");

        /// <summary>No version by that number.</summary>
        public static readonly ErrorCode UnknownVersion = new("Agreements.UnknownVersion", "Versions are numbered from 1 to the latest.");
    }
}
