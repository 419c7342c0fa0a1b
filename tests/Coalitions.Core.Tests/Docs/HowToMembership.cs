#pragma warning disable IDE0008, IDE0039 // the answers read as a program's statements
using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Partners;
using NodaTime;

namespace GuideCode;

/// <summary>
/// The answers of docs/how-to/partners-and-membership.md, each a region copied into the page; run by
/// Coalitions.Core.Tests.Docs.HowToTests on the coalition that docs/getting-started.md builds.
/// </summary>
public static class HowToMembership
{
    public static void ChangeProfileAndDelegates(List<Partner> partners, Coalition coalition)
    {
        #region snippet:profile
        var now = Instant.FromUtc(2026, 3, 16, 9, 0);
        var teachers = partners[0];
        var delegatePerson = teachers.Representatives.Single().Person;   // the one representative it has so far
        var teachersDelegate = Actor.Representing(delegatePerson, teachers.Id);

        // A representative of the partner, acting for it, changes its profile and names another representative.
        teachers.UpdateProfile(teachers.Profile with { FocusAreas = ["literacy", "teacher training"] }, teachersDelegate, now);
        var alternate = new Representative(PersonId.New(), "Alternate of Teachers Union", RepresentativeRole.Alternate);
        teachers.AddRepresentative(alternate, teachersDelegate, now);

        // The coalition's list of the member's delegates changes only when the member says so.
        coalition.UpdateDelegates(teachers.Snapshot, [delegatePerson, alternate.Person], teachersDelegate, now);
        #endregion
    }

    public static IReadOnlyList<FitAssessment> RankCandidates(List<Partner> partners, TextWriter Console)
    {
        #region snippet:fit
        var now = Instant.FromUtc(2026, 3, 16, 9, 0);

        // What the coalition looks for: focus areas, values, capabilities it lacks, sectors it wants at the table.
        var needs = new CoalitionNeeds(["literacy"], ["equity"], ["media outreach"], [Sector.Media]);

        var radioId = PartnerId.New();
        var manager = new Representative(PersonId.New(), "Station manager", RepresentativeRole.Delegate);
        var radio = Partner.Register(radioId,
            new PartnerProfile("Radio Pwani", Sector.Media, "KE", "Africa/Nairobi", ["literacy", "health"], ["equity"], ["media outreach"], ["sw"]),
            manager, Actor.Representing(manager.Person, radioId), now);

        // Candidates are scored against the needs and the current members; every point comes with its reason.
        var ranked = PartnerFit.Rank(needs, partners.Select(p => p.Snapshot), [radio.Snapshot]);
        foreach (var fit in ranked)
        {
            Console.WriteLine($"{fit.Name}: {fit.Score} points");
            foreach (var criterion in fit.Criteria.Where(c => c.Points > 0))
            {
                Console.WriteLine($"  {criterion.Explanation}");
            }
        }
        #endregion
        return ranked;
    }

    public static RuleCheck Suspend(TextWriter Console, List<Partner> partners, Coalition coalition, CoalitionGovernance governance, PersonId coordinatorPerson, Actor coordinator, Func<Partner, Actor> DelegateOf)
    {
        #region snippet:suspend
        var now = Instant.FromUtc(2026, 3, 16, 9, 0);
        var suspended = partners[4];

        // Suspending is a decision of the body the rule book names (here the steering committee, by two thirds).
        var suspensionDraft = governance.DraftFor(MatterType.SuspendMember, $"Suspend {suspended.Profile.Name}", "Dues unpaid for a year.",
            partners[0].Id, [coordinatorPerson], coalition, now);
        var suspension = Proposal.Draft(ProposalId.New(), suspensionDraft, DelegateOf(partners[0]), now);
        suspension.Submit(DelegateOf(partners[0]), now);
        var deciders = governance.ElectorateFor(MatterType.SuspendMember, coalition, now);
        suspension.OpenVoting(deciders, coordinator, now);
        foreach (var voter in deciders.Voters)
        {
            suspension.CastBallot(voter.Partner, Stance.Support, null, DelegateOf(partners.Single(p => p.Id == voter.Partner)), now + Duration.FromHours(1));
        }

        suspension.Close(coordinator, now + Duration.FromHours(2));

        // The coordinator suspends the member, citing the adopted decision; a suspended member holds no rights.
        coalition.Suspend(suspended.Id, suspension.Reference!, coordinator, now + Duration.FromHours(3));
        var vote = coalition.CheckRight(suspended.Id, MemberRights.Vote, now + Duration.FromHours(3));
        Console.WriteLine(vote.IsAllowed ? "It may vote." : vote.Failures[0].Message);
        #endregion
        return vote;
    }

    public static (MembershipStatus Now, MembershipStatus Later, MembershipStatus Renewed) Terms(List<Partner> partners, Coalition coalition, Actor coordinator)
    {
        #region snippet:terms
        // A membership runs for the coalition's term (a year unless Found set other terms), then a grace period, then lapses.
        // Its status on a date is computed from the dates, in the coalition's time zone: no scheduler has to record it.
        var girlsLearn = partners[3];
        coalition.TryGetMembership(girlsLearn.Id, out var membership);
        var onJoining = membership!.StatusOn(new LocalDate(2026, 3, 16));
        var twoYearsOn = membership.StatusOn(new LocalDate(2028, 3, 16));

        // A coordinator records a renewal within the term or its grace period.
        coalition.Renew(girlsLearn.Id, coordinator, Instant.FromUtc(2027, 2, 15, 9, 0));
        coalition.TryGetMembership(girlsLearn.Id, out membership);
        var afterRenewal = membership!.StatusOn(new LocalDate(2027, 6, 1));
        #endregion
        return (onJoining, twoYearsOn, afterRenewal);
    }
}
