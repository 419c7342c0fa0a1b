using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Kit;

public static class PartnerScenario
{
    public static PartnerProfile Profile(
        string name = "Rural Schools Trust",
        Sector sector = Sector.Ngo,
        string country = "KE",
        string? region = "Rift Valley",
        string[]? focus = null,
        string[]? values = null,
        string[]? capabilities = null) =>
        new(name, sector, country, "Africa/Nairobi", focus ?? ["literacy", "rural education"], values ?? ["equity", "transparency"], capabilities ?? ["teacher training"], ["en", "sw"], region);

    public static PartnerSnapshot Snapshot(int n, PartnerProfile profile) => new(Partner(n), profile, [Person(n)]);

    /// <summary>Person n, named "Representative n", as the delegate of partner n.</summary>
    public static Representative Rep(int n, RepresentativeRole role = RepresentativeRole.Delegate) => new(Person(n), $"Representative {n}", role);
}
