namespace Coalitions.Core.Kernel;

public static partial class ErrorCodes
{
    /// <summary>Codes of agreements.</summary>
    public static class Agreements
    {
        /// <summary>An agreement's parties, clauses, commitments and terms must be complete and consistent.</summary>
        public static readonly ErrorCode InvalidAgreement = new("Agreements.InvalidAgreement", "An agreement has a title, at least two distinct parties each with a signatory, uniquely keyed clauses and commitments, and terms that do not end before they start.");

        /// <summary>Only a party's authorized signatory signs or gives notice for it.</summary>
        public static readonly ErrorCode NotASignatory = new("Agreements.NotASignatory", "Only a person authorized to sign for a party may sign or give notice for it.");

        /// <summary>The partner is not a party.</summary>
        public static readonly ErrorCode NotAParty = new("Agreements.NotAParty", "Only a party to the agreement signs, commits or gives notice.");

        /// <summary>A party signs a version once.</summary>
        public static readonly ErrorCode AlreadySigned = new("Agreements.AlreadySigned", "A party signs each version once.");

        /// <summary>The agreement's lifecycle does not allow this step now.</summary>
        public static readonly ErrorCode InvalidTransition = new("Agreements.InvalidTransition", "The agreement's lifecycle does not allow this step in its current state.");

        /// <summary>No commitment by that key.</summary>
        public static readonly ErrorCode UnknownCommitment = new("Agreements.UnknownCommitment", "Fulfilments and waivers refer to a commitment of the agreement in force.");

        /// <summary>A commitment that is met or waived is settled.</summary>
        public static readonly ErrorCode CommitmentSettled = new("Agreements.CommitmentSettled", "A commitment that has been met or waived is settled and takes no further fulfilment or waiver.");

        /// <summary>No version by that number.</summary>
        public static readonly ErrorCode UnknownVersion = new("Agreements.UnknownVersion", "Versions are numbered from 1 to the latest.");
    }
}
