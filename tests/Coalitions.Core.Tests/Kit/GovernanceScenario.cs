using Coalitions.Core.Coalitions;
using Coalitions.Core.Governance;
using Coalitions.Core.Memberships;
using Coalitions.Core.Partners;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Kit;

/// <summary>An active coalition of nine (1-3 founding, 4-7 full, 8 associate, 9 observer) with a governance template.</summary>
public static class GovernanceScenario
{
    public static readonly Sector[] Sectors =
    [
        Sector.Ngo, Sector.GovernmentAgency, Sector.FunderOrFoundation, Sector.CommunityGroup, Sector.AcademicOrResearch,
        Sector.Media, Sector.Ngo, Sector.PrivateSector, Sector.FaithBased,
    ];

    public static Coalition NineMembers()
    {
        var coalition = ActiveWith(founders: 3);
        for (var m = 4; m <= 7; m++)
        {
            coalition.Join(m, MembershipTier.Full);
        }

        coalition.Join(8, MembershipTier.Associate);
        coalition.Join(9, MembershipTier.Observer);
        return coalition;
    }

    public static PartnerSnapshot Candidate(int n) => new(Partner(n), PartnerScenario.Profile($"Member {n}", Sectors[n - 1], region: n % 2 == 0 ? "Coast" : "Nairobi"), [Person(n)]);

    /// <summary>The scenario coalition's governance from a template, established by its coordinator.</summary>
    public static global::Coalitions.Core.Governance.CoalitionGovernance With(GovernanceTemplate template, Coalition? coalition = null) =>
        global::Coalitions.Core.Governance.CoalitionGovernance.Establish(coalition ?? Founded(), template, Secretariat, Start);

    public static LocalDate Day(int year, int month, int day) => new(year, month, day);
}
