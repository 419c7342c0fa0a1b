using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using Coalitions.Core.Tests.Kit;
using static Coalitions.Core.Tests.Kit.PartnerScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Partners;

using PartnerAggregate = global::Coalitions.Core.Partners.Partner;

public class PartnerTests
{
    [Fact]
    public void A_partner_is_registered_with_its_profile_and_time_zone()
    {
        var partner = PartnerAggregate.Register(Partner(1), Profile(name: "  Rural Schools Trust "), Rep(1), For(1), Start);

        Assert.Equal("Rural Schools Trust", partner.Profile.Name);
        Assert.Equal("Africa/Nairobi", partner.Profile.Zone.Id);
        Assert.Equal("Rift Valley", partner.Profile.Geography);
    }

    [Fact]
    public void An_unknown_time_zone_is_refused()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => PartnerAggregate.Register(Partner(1), Profile() with { TimeZone = "Africa/Atlantis" }, Rep(1), For(1), Start));

        Assert.Equal(ErrorCodes.Partners.UnknownTimeZone, error.Code);
    }

    [Theory]
    [InlineData("ke")]
    [InlineData("KEN")]
    [InlineData("")]
    public void A_country_is_an_ISO_3166_alpha_2_code(string country)
    {
        var error = Assert.Throws<CoalitionRuleException>(() => PartnerAggregate.Register(Partner(1), Profile(country: country), Rep(1), For(1), Start));

        Assert.Equal(ErrorCodes.Partners.InvalidProfile, error.Code);
    }

    [Fact]
    public void A_tag_is_listed_once_whatever_its_case()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => PartnerAggregate.Register(Partner(1), Profile(focus: ["Literacy", "literacy "]), Rep(1), For(1), Start));

        Assert.Equal(ErrorCodes.Partners.InvalidProfile, error.Code);
    }

    [Fact]
    public void A_partner_lists_at_most_fifty_capabilities()
    {
        var many = Enumerable.Range(1, 51).Select(i => $"capability {i}").ToArray();

        Assert.Throws<CoalitionRuleException>(() => PartnerAggregate.Register(Partner(1), Profile(capabilities: many), Rep(1), For(1), Start));
    }

    [Fact]
    public void A_language_is_an_ISO_639_code()
    {
        Assert.Throws<CoalitionRuleException>(() => PartnerAggregate.Register(Partner(1), Profile() with { Languages = ["English"] }, Rep(1), For(1), Start));
    }

    [Fact]
    public void An_invalid_profile_update_changes_nothing()
    {
        var partner = PartnerAggregate.Register(Partner(1), Profile(), Rep(1), For(1), Start);

        Refusal.Expect(partner, ErrorCodes.Kernel.InvalidText, () => partner.UpdateProfile(Profile(name: ""), For(1), Hours(1)));
        Assert.Equal("Rural Schools Trust", partner.Profile.Name);
    }

    [Fact]
    public void A_person_represents_a_partner_once()
    {
        var partner = PartnerAggregate.Register(Partner(1), Profile(), Rep(1), For(1), Start);

        Refusal.Expect(partner, ErrorCodes.Partners.DuplicateRepresentative, () => partner.AddRepresentative(Rep(1, RepresentativeRole.Contact), For(1), Hours(2)));
        Refusal.Expect(partner, ErrorCodes.Partners.InvalidRepresentative, () => partner.AddRepresentative(new Representative(Person(2), " ", RepresentativeRole.Contact), For(1), Hours(2)));
        Refusal.Expect(partner, ErrorCodes.Partners.UnknownRepresentative, () => partner.RemoveRepresentative(Person(3), For(1), Hours(2)));
    }

    [Fact]
    public void The_person_who_registers_a_partner_becomes_its_first_representative()
    {
        var partner = PartnerAggregate.Register(Partner(1), Profile(), Rep(1), For(1), Start);

        Assert.True(partner.IsRepresentedBy(Person(1)));
        Assert.Equal([Person(1)], partner.Snapshot.Representatives);
    }

    [Fact]
    public void Only_the_registrant_registers_a_partner_in_their_own_name()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => PartnerAggregate.Register(Partner(1), Profile(), Rep(1), For(2), Start));

        Assert.Equal(ErrorCodes.Partners.NotARepresentative, error.Code);
    }

    [Fact]
    public void An_outsider_cannot_change_a_partners_profile_or_representatives()
    {
        var partner = PartnerAggregate.Register(Partner(1), Profile(), Rep(1), For(1), Start);

        Refusal.Expect(partner, ErrorCodes.Partners.NotARepresentative, () => partner.UpdateProfile(Profile(name: "Taken Over"), For(2), Hours(1)));
        Refusal.Expect(partner, ErrorCodes.Partners.NotARepresentative, () => partner.AddRepresentative(Rep(2), For(2), Hours(1)));
        Refusal.Expect(partner, ErrorCodes.Partners.NotARepresentative, () => partner.AddRepresentative(Rep(2), Actor.Representing(Person(2), Partner(1)), Hours(1)));
        Refusal.Expect(partner, ErrorCodes.Partners.NotARepresentative, () => partner.RemoveRepresentative(Person(1), Actor.System("import"), Hours(1)));
    }

    [Fact]
    public void A_representative_acts_for_the_partner_only_when_acting_in_its_name()
    {
        var partner = PartnerAggregate.Register(Partner(1), Profile(), Rep(1), For(1), Start);

        Refusal.Expect(partner, ErrorCodes.Partners.NotARepresentative, () => partner.UpdateProfile(Profile(name: "Renamed"), Actor.Representing(Person(1), Partner(2)), Hours(1)));
    }

    [Fact]
    public void A_partner_keeps_its_last_representative()
    {
        var partner = PartnerAggregate.Register(Partner(1), Profile(), Rep(1), For(1), Start);
        Refusal.Expect(partner, ErrorCodes.Partners.LastRepresentative, () => partner.RemoveRepresentative(Person(1), For(1), Hours(1)));

        partner.AddRepresentative(Rep(2), For(1), Hours(2));
        partner.RemoveRepresentative(Person(1), Actor.Representing(Person(2), Partner(1)), Hours(3));

        Assert.Equal([Person(2)], partner.Representatives.Select(r => r.Person));
    }

    [Fact]
    public void A_command_without_an_actor_is_refused_with_a_code()
    {
        var partner = PartnerAggregate.Register(Partner(1), Profile(), Rep(1), For(1), Start);

        Refusal.Expect(partner, ErrorCodes.Kernel.ActorRequired, () => partner.UpdateProfile(Profile(name: "Renamed"), null!, Hours(1)));
    }

    [Theory]
    [InlineData("ZZ")]
    [InlineData("KE\n")]
    [InlineData("XK")]
    public void A_country_must_be_in_the_ISO_3166_list_not_merely_look_like_a_code(string country)
    {
        var error = Assert.Throws<CoalitionRuleException>(() => PartnerAggregate.Register(Partner(1), Profile(country: country), Rep(1), For(1), Start));

        Assert.Equal(ErrorCodes.Partners.InvalidProfile, error.Code);
    }

    [Theory]
    [InlineData("xx")]
    [InlineData("eng")]
    public void A_language_must_be_in_the_ISO_639_1_list(string language)
    {
        var error = Assert.Throws<CoalitionRuleException>(() => PartnerAggregate.Register(Partner(1), Profile() with { Languages = [language] }, Rep(1), For(1), Start));

        Assert.Equal(ErrorCodes.Partners.InvalidProfile, error.Code);
    }

    [Fact]
    public void A_name_with_a_control_character_is_refused()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => PartnerAggregate.Register(Partner(1), Profile(name: "Rural\u0007Trust"), Rep(1), For(1), Start));

        Assert.Equal(ErrorCodes.Kernel.InvalidText, error.Code);
    }
}

public class PartnerFitTests
{
    private static readonly CoalitionNeeds Needs = new(
        ["literacy", "girls' education", "teacher training"],
        ["equity", "transparency", "community ownership"],
        ["teacher training", "data analysis", "media outreach"],
        [Sector.Media, Sector.AcademicOrResearch]);

    private static readonly PartnerSnapshot[] Roster =
    [
        Snapshot(1, Profile("Teachers Union", Sector.CommunityGroup, region: "Nairobi", capabilities: ["teacher training"])),
        Snapshot(2, Profile("Parents Network", Sector.Ngo, region: "Rift Valley", capabilities: ["community mobilization"])),
    ];

    [Fact]
    public void A_candidate_scores_for_shared_focus_shared_values_filled_gaps_and_diversity()
    {
        var candidate = Snapshot(10, Profile("Coast Radio", Sector.Media, region: "Coast", focus: ["literacy", "health"], values: ["Transparency"], capabilities: ["media outreach", "teacher training"]));

        var fit = PartnerFit.Assess(Needs, Roster, candidate);

        Assert.Equal([3, 2, 5, 6, 3], fit.Criteria.Select(c => c.Points));
        Assert.Equal(19, fit.Score);
        Assert.Equal(["media outreach"], fit.Criteria[2].Matches);
        Assert.Equal("brings 1 capability no member offers yet: media outreach", fit.Criteria[2].Explanation);
        Assert.Equal("adds the Media sector, a wanted stakeholder group", fit.Criteria[3].Explanation);
    }

    [Fact]
    public void A_capability_a_member_already_offers_fills_no_gap()
    {
        var candidate = Snapshot(10, Profile("Second Union", Sector.CommunityGroup, region: "Nairobi", capabilities: ["Teacher Training"]));

        var fit = PartnerFit.Assess(Needs, Roster, candidate);

        Assert.Equal(0, fit.Criteria.Single(c => c.Criterion == FitCriterion.FillsCapabilityGap).Points);
        Assert.Equal(0, fit.Criteria.Single(c => c.Criterion == FitCriterion.AddsSector).Points);
        Assert.Equal(0, fit.Criteria.Single(c => c.Criterion == FitCriterion.AddsRegion).Points);
    }

    [Fact]
    public void Ranking_is_by_score_then_name_and_does_not_depend_on_the_order_of_candidates()
    {
        var candidates = Enumerable.Range(10, 2_000)
            .Select(n => Snapshot(n, Profile($"Org {n % 37}", (Sector)(1 + (n % 12)), region: $"Region {n % 11}", capabilities: n % 3 == 0 ? ["data analysis"] : ["catering"])))
            .ToArray();

        var ranked = PartnerFit.Rank(Needs, Roster, candidates);
        var reversed = PartnerFit.Rank(Needs, Roster, candidates.Reverse());

        Assert.Equal(ranked.Select(a => a.Partner), reversed.Select(a => a.Partner));
        Assert.True(ranked.Zip(ranked.Skip(1)).All(pair => pair.First.Score > pair.Second.Score ||
            (pair.First.Score == pair.Second.Score && string.CompareOrdinal(pair.First.Name, pair.Second.Name) <= 0)));
    }
}

public class DiversityReportTests
{
    [Fact]
    public void A_roster_of_one_kind_has_a_Blau_index_of_zero()
    {
        var report = DiversityReport.Of([Snapshot(1, Profile()), Snapshot(2, Profile())], []);

        Assert.Equal(Fraction.Zero, report.Sectors.BlauIndex);
        Assert.Equal(Fraction.One, report.Sectors.LargestShare);
    }

    [Fact]
    public void The_Blau_index_is_one_minus_the_sum_of_squared_shares()
    {
        var roster = new[]
        {
            Snapshot(1, Profile(sector: Sector.Ngo)), Snapshot(2, Profile(sector: Sector.Ngo)),
            Snapshot(3, Profile(sector: Sector.Media)), Snapshot(4, Profile(sector: Sector.FaithBased)),
        };

        var report = DiversityReport.Of(roster, [Sector.Media, Sector.PrivateSector, Sector.GovernmentAgency]);

        Assert.Equal(new Fraction(5, 8), report.Sectors.BlauIndex);
        Assert.Equal(Fraction.Half, report.Sectors.LargestShare);
        Assert.Equal([("Ngo", 2), ("FaithBased", 1), ("Media", 1)], report.Sectors.Groups.Select(g => (g.Group, g.Count)));
        Assert.Equal([Sector.GovernmentAgency, Sector.PrivateSector], report.MissingSectors);
    }

    [Fact]
    public void The_report_reads_in_plain_words()
    {
        var roster = new[] { Snapshot(1, Profile(sector: Sector.Ngo, region: "Coast")), Snapshot(2, Profile(sector: Sector.Media, region: null)) };

        Assert.Equal(
            "2 members.\nBy sector: Media 1 (50 %), Ngo 1 (50 %); Blau index 0.50, largest group 50 %.\nBy region: Coast 1 (50 %), KE 1 (50 %); Blau index 0.50, largest group 50 %.\nWanted but missing: FaithBased.",
            DiversityReport.Of(roster, [Sector.FaithBased]).Describe());
    }

    [Fact]
    public void An_empty_roster_has_no_diversity_to_report()
    {
        var report = DiversityReport.Of([], [Sector.Ngo]);

        Assert.Equal(0, report.Members);
        Assert.Empty(report.Sectors.Groups);
        Assert.Equal([Sector.Ngo], report.MissingSectors);
    }
}
