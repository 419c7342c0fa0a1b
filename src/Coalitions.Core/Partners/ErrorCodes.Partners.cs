namespace Coalitions.Core.Kernel;

public static partial class ErrorCodes
{
    /// <summary>Codes of partners, partner fit and outreach.</summary>
    public static class Partners
    {
        /// <summary>A partner profile must be complete and within limits.</summary>
        public static readonly ErrorCode InvalidProfile = new("Partners.InvalidProfile", "A partner profile needs a name, a sector, an ISO 3166-1 country code, ISO 639-1 language codes, and tag lists of at most 50 distinct entries of at most 100 characters.");

        /// <summary>A time zone must be a tz database id.</summary>
        public static readonly ErrorCode UnknownTimeZone = new("Partners.UnknownTimeZone", "A partner's time zone must be an id of the tz database, such as Africa/Nairobi.");

        /// <summary>A person represents a partner once.</summary>
        public static readonly ErrorCode DuplicateRepresentative = new("Partners.DuplicateRepresentative", "A person represents a partner once; change the role instead of adding them again.");

        /// <summary>Only a current representative can be removed.</summary>
        public static readonly ErrorCode UnknownRepresentative = new("Partners.UnknownRepresentative", "Only a current representative of the partner can be removed.");

        /// <summary>Only the partner's own representatives change its record.</summary>
        public static readonly ErrorCode NotARepresentative = new("Partners.NotARepresentative", "Only a representative the partner has named, acting for it, changes its profile and representatives; the person registering a partner becomes its first representative.");

        /// <summary>A partner keeps at least one representative.</summary>
        public static readonly ErrorCode LastRepresentative = new("Partners.LastRepresentative", "A partner keeps at least one representative, so someone can always act for it; name another before removing the last.");

        /// <summary>A representative needs a name.</summary>
        public static readonly ErrorCode InvalidRepresentative = new("Partners.InvalidRepresentative", "A representative needs a person, a name of at most 200 characters and a role.");

        /// <summary>The outreach pipeline does not allow this step now.</summary>
        public static readonly ErrorCode InvalidOutreachStep = new("Partners.InvalidOutreachStep", "Outreach moves Identified, Contacted, Met, Invited, Joined in order, may end in Declined, and may pause as Dormant and resume where it paused.");

        /// <summary>Outreach steps are recorded in date order.</summary>
        public static readonly ErrorCode OutreachOutOfOrder = new("Partners.OutreachOutOfOrder", "An outreach step cannot be dated before the step it follows.");
    }
}
