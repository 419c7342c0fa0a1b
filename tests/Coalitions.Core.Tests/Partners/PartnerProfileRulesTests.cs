using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using Coalitions.Core.Tests.Kit;
using static Coalitions.Core.Tests.Kit.PartnerScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Partners;

using PartnerAggregate = global::Coalitions.Core.Partners.Partner;

/// <summary>What a partner's profile and its representatives must be, each rule at its bound and just past it.</summary>
public class PartnerProfileRulesTests
{
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
