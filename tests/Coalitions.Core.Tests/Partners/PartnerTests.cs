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
    public void A_representative_updates_the_profile_which_is_trimmed_as_at_registration()
    {
        var partner = PartnerAggregate.Register(Partner(1), Profile(), Rep(1), For(1), Start);

        partner.UpdateProfile(Profile(name: "  Rural Schools Trust Kenya ", region: "Coast"), For(1), Hours(1));

        Assert.Equal(("Rural Schools Trust Kenya", "Coast"), (partner.Profile.Name, partner.Profile.Geography));
    }

    [Fact]
    public void Only_the_person_named_as_the_first_representative_registers_a_new_partner()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => PartnerAggregate.Register(Partner(1), Profile(), Rep(1), Actor.System("import"), Start));

        Assert.Equal(ErrorCodes.Partners.NotARepresentative, error.Code);
        Assert.Equal("The system process 'import' may not register a new partner: only the person who registers the partner, named as its first representative may.", error.Message);
    }

    [Fact]
    public void An_invalid_profile_update_changes_nothing()
    {
        var partner = PartnerAggregate.Register(Partner(1), Profile(), Rep(1), For(1), Start);

        Refusal.Expect(partner, ErrorCodes.Kernel.InvalidText, () => partner.UpdateProfile(Profile(name: ""), For(1), Hours(1)));
        Assert.Equal("Rural Schools Trust", partner.Profile.Name);
    }

    [Fact]
    public void A_partner_names_at_most_fifty_representatives()
    {
        var partner = PartnerAggregate.Register(Partner(1), Profile(), Rep(1), For(1), Start);
        for (var n = 2; n <= 50; n++)
        {
            partner.AddRepresentative(Rep(n, RepresentativeRole.Contact), For(1), Hours(1));
        }

        var refusal = Refusal.Expect(partner, ErrorCodes.Kernel.OutOfRange, () => partner.AddRepresentative(Rep(51, RepresentativeRole.Contact), For(1), Hours(2)));

        Assert.Equal("Rural Schools Trust has 50 representatives, the most a partner may name.", refusal.Message);
        Assert.Equal(50, partner.Representatives.Count);
    }

    [Fact]
    public void Refusals_about_representatives_name_the_person_and_the_partner()
    {
        var partner = PartnerAggregate.Register(Partner(1), Profile(), Rep(1), For(1), Start);

        Assert.Equal(
            "Representative 1 already represents Rural Schools Trust.",
            Refusal.Expect(partner, ErrorCodes.Partners.DuplicateRepresentative, () => partner.AddRepresentative(Rep(1, RepresentativeRole.Contact), For(1), Hours(2))).Message);
        Assert.Equal(
            $"Person {Person(3)} does not represent Rural Schools Trust.",
            Refusal.Expect(partner, ErrorCodes.Partners.UnknownRepresentative, () => partner.RemoveRepresentative(Person(3), For(1), Hours(2))).Message);
        Assert.Equal(
            "Representative 1 is the last representative of Rural Schools Trust; name another before removing them.",
            Refusal.Expect(partner, ErrorCodes.Partners.LastRepresentative, () => partner.RemoveRepresentative(Person(1), For(1), Hours(2))).Message);
        Refusal.Expect(partner, ErrorCodes.Kernel.EmptyId, () => partner.RemoveRepresentative(default, For(1), Hours(2)));
    }

    [Fact]
    public void A_partner_is_registered_only_under_a_real_id_by_a_named_registrant()
    {
        Assert.Equal(ErrorCodes.Kernel.EmptyId, Assert.Throws<CoalitionRuleException>(() => PartnerAggregate.Register(default, Profile(), Rep(1), For(1), Start)).Code);
        Assert.Equal(
            ErrorCodes.Partners.InvalidRepresentative,
            Assert.Throws<CoalitionRuleException>(() => PartnerAggregate.Register(Partner(1), Profile(), new Representative(Person(1), " ", RepresentativeRole.Delegate), For(1), Start)).Code);
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

    [Fact]
    public void A_legal_form_and_a_region_are_each_one_line_of_at_most_one_hundred_characters()
    {
        var longest = new string('a', 100);

        Assert.Equal(longest, Registered(Profile(region: longest) with { LegalForm = longest }).Profile.LegalForm);
        Assert.Equal(ErrorCodes.Kernel.InvalidText, Refused(Profile() with { LegalForm = longest + "a" }).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidText, Refused(Profile(region: longest + "a")).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidText, Refused(Profile() with { LegalForm = "Trust\nLimited" }).Code);
    }

    [Fact]
    public void A_partner_names_a_defined_sector()
    {
        var error = Refused(Profile(sector: (Sector)999));

        // The profile's own check answers first, in the profile's words (the recorded fact's check would catch it too).
        Assert.Equal((ErrorCodes.Kernel.InvalidInput, "The Sector has an undefined value."), (error.Code, error.Message));
    }

    [Fact]
    public void A_partner_without_a_time_zone_is_refused_as_having_an_unknown_one()
    {
        Assert.Equal(ErrorCodes.Partners.UnknownTimeZone, Refused(Profile() with { TimeZone = null! }).Code);
    }

    [Fact]
    public void Values_follow_the_same_rules_as_the_other_tags()
    {
        Assert.Equal(ErrorCodes.Partners.InvalidProfile, Refused(Profile(values: [.. Enumerable.Range(1, 51).Select(i => $"value {i}")])).Code);
        Assert.Equal(ErrorCodes.Partners.InvalidProfile, Refused(Profile(values: ["equity", "Equity"])).Code);
        Assert.Equal(ErrorCodes.Partners.InvalidProfile, Refused(Profile(values: ["equity\nand fairness"])).Code);
    }

    [Fact]
    public void A_partner_lists_up_to_fifty_of_each_kind_of_tag_and_each_tag_is_one_line_of_at_most_one_hundred_characters()
    {
        var fifty = Enumerable.Range(1, 50).Select(i => $"tag {i}").ToArray();
        var longest = new string('t', 100);

        var partner = Registered(Profile(focus: fifty, values: fifty, capabilities: [.. fifty[..49], longest]));

        Assert.Equal(50, partner.Profile.Capabilities.Count);
        Assert.Equal(ErrorCodes.Partners.InvalidProfile, Refused(Profile(capabilities: [longest + "t"])).Code);
        Assert.Equal(ErrorCodes.Partners.InvalidProfile, Refused(Profile(focus: ["literacy\r\nnumeracy"])).Code);
    }

    [Fact]
    public void A_partner_speaks_up_to_twenty_languages()
    {
        string[] twenty = ["en", "sw", "fr", "ar", "pt", "es", "de", "it", "nl", "ru", "zh", "ja", "ko", "hi", "bn", "ur", "fa", "tr", "am", "so"];

        Assert.Equal(20, Registered(Profile() with { Languages = twenty }).Profile.Languages.Count);
        Assert.Equal(ErrorCodes.Partners.InvalidProfile, Refused(Profile() with { Languages = [.. twenty, "yo"] }).Code);
    }

    [Fact]
    public void A_representative_is_a_real_person_with_a_one_line_name_and_a_defined_role()
    {
        var partner = Registered(Profile());

        Refusal.Expect(partner, ErrorCodes.Kernel.EmptyId, () => partner.AddRepresentative(new Representative(default, "Amina", RepresentativeRole.Delegate), For(1), Hours(1)));
        Refusal.Expect(partner, ErrorCodes.Partners.InvalidRepresentative, () => partner.AddRepresentative(new Representative(Person(2), "Amina\nOdhiambo", RepresentativeRole.Delegate), For(1), Hours(1)));
        Refusal.Expect(partner, ErrorCodes.Partners.InvalidRepresentative, () => partner.AddRepresentative(new Representative(Person(2), "Amina", (RepresentativeRole)999), For(1), Hours(1)));
    }

    private static PartnerAggregate Registered(PartnerProfile profile) => PartnerAggregate.Register(Partner(1), profile, Rep(1), For(1), Start);

    private static CoalitionRuleException Refused(PartnerProfile profile) =>
        Assert.Throws<CoalitionRuleException>(() => PartnerAggregate.Register(Partner(1), profile, Rep(1), For(1), Start));
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

    [Fact]
    public void Every_criterion_gives_its_points_per_match_and_says_what_matched()
    {
        var candidate = Snapshot(10, Profile("Lake Academy", Sector.Ngo, region: "Lake", focus: ["literacy", "teacher training"], values: ["equity", "transparency"], capabilities: ["data analysis", "media outreach"]));

        var fit = PartnerFit.Assess(Needs, [Roster[0]], candidate);

        Assert.Equal(
            [
                (FitCriterion.SharedFocus, 6, "literacy|teacher training", "shares 2 focus areas: literacy, teacher training"),
                (FitCriterion.SharedValues, 4, "equity|transparency", "shares 2 values: equity, transparency"),
                (FitCriterion.FillsCapabilityGap, 10, "data analysis|media outreach", "brings 2 capabilities no member offers yet: data analysis, media outreach"),
                (FitCriterion.AddsSector, 4, "Ngo", "adds the Ngo sector"),
                (FitCriterion.AddsRegion, 3, "Lake", "adds Lake"),
            ],
            fit.Criteria.Select(c => (c.Criterion, c.Points, string.Join("|", c.Matches), c.Explanation)));
        Assert.Equal(27, fit.Score);
    }

    [Fact]
    public void A_candidate_that_matches_nothing_scores_nothing_and_says_so()
    {
        var candidate = Snapshot(10, Profile("Valley Parents", Sector.Ngo, region: "Rift Valley", focus: ["health"], values: ["speed"], capabilities: ["catering"]));

        var fit = PartnerFit.Assess(Needs, Roster, candidate);

        Assert.Equal(
            [
                (FitCriterion.SharedFocus, 0, string.Empty, "shares none of the coalition's focus areas"),
                (FitCriterion.SharedValues, 0, string.Empty, "states none of the coalition's values"),
                (FitCriterion.FillsCapabilityGap, 0, string.Empty, "fills no capability gap"),
                (FitCriterion.AddsSector, 0, string.Empty, "the Ngo sector is already represented"),
                (FitCriterion.AddsRegion, 0, string.Empty, "Rift Valley is already represented"),
            ],
            fit.Criteria.Select(c => (c.Criterion, c.Points, string.Join("|", c.Matches), c.Explanation)));
        Assert.Equal(0, fit.Score);
    }

    [Fact]
    public void Candidates_with_the_same_score_and_name_are_ranked_by_id()
    {
        var candidates = new[] { 12, 10, 11 }.Select(n => Snapshot(n, Profile("Twin Trust", Sector.Ngo, region: "Nairobi"))).ToArray();

        var ranked = PartnerFit.Rank(Needs, Roster, candidates);

        Assert.Equal([Partner(10), Partner(11), Partner(12)], ranked.Select(a => a.Partner));
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
    public void The_report_says_when_every_wanted_group_is_represented_and_lists_every_one_missing()
    {
        var roster = new[] { Snapshot(1, Profile(sector: Sector.Ngo)) };

        Assert.EndsWith("\nEvery wanted stakeholder group is represented.", DiversityReport.Of(roster, [Sector.Ngo]).Describe(), StringComparison.Ordinal);
        Assert.EndsWith("\nWanted but missing: GovernmentAgency, PrivateSector.", DiversityReport.Of(roster, [Sector.PrivateSector, Sector.GovernmentAgency]).Describe(), StringComparison.Ordinal);
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
