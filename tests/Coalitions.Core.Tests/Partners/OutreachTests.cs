using Coalitions.Core.Coalitions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using Coalitions.Core.Tests.Kit;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Partners;

public class OutreachTests
{
    private static readonly NodaTime.LocalDate Day = new(2026, 3, 2);

    private static readonly Coalition Coalition = Founded();

    private static Outreach Identified() => Outreach.Identify(OutreachId.FromGuid(Guid.Parse("e0000000-0000-0000-0000-000000000001")), Coalition, Partner(5), Day, "Met at the county forum.", Secretariat, Start);

    [Fact]
    public void A_prospect_moves_from_identified_to_joined_step_by_step()
    {
        var outreach = Identified();

        outreach.Record(OutreachStage.Contacted, Day.PlusDays(1), "Emailed the director.", Coalition, Secretariat, Hours(1));
        outreach.Record(OutreachStage.Met, Day.PlusDays(8), null, Coalition, Secretariat, Hours(2));
        outreach.Record(OutreachStage.Invited, Day.PlusDays(9), null, Coalition, Secretariat, Hours(3));
        outreach.Record(OutreachStage.Joined, Day.PlusDays(20), null, Coalition, Secretariat, Hours(4));

        Assert.Equal(OutreachStage.Joined, outreach.Stage);
        Assert.Equal(5, outreach.Steps.Count);
    }

    [Fact]
    public void A_prospect_cannot_be_invited_before_it_is_contacted()
    {
        var outreach = Identified();

        Refusal.Expect(outreach, ErrorCodes.Partners.InvalidOutreachStep, () => outreach.Record(OutreachStage.Invited, Day, null, Coalition, Secretariat, Hours(1)));
    }

    [Fact]
    public void A_dormant_outreach_resumes_where_it_paused()
    {
        var outreach = Identified();
        outreach.Record(OutreachStage.Contacted, Day, null, Coalition, Secretariat, Hours(1));
        outreach.Record(OutreachStage.Met, Day, null, Coalition, Secretariat, Hours(2));
        outreach.Record(OutreachStage.Dormant, Day.PlusDays(30), "Director on leave.", Coalition, Secretariat, Hours(3));

        Refusal.Expect(outreach, ErrorCodes.Partners.InvalidOutreachStep, () => outreach.Record(OutreachStage.Contacted, Day.PlusDays(60), null, Coalition, Secretariat, Hours(4)));
        outreach.Record(OutreachStage.Met, Day.PlusDays(60), "Back in touch.", Coalition, Secretariat, Hours(4));

        Assert.Equal(OutreachStage.Met, outreach.Stage);
    }

    [Fact]
    public void A_prospect_that_declined_may_be_approached_again()
    {
        var outreach = Identified();
        outreach.Record(OutreachStage.Contacted, Day, null, Coalition, Secretariat, Hours(1));
        outreach.Record(OutreachStage.Declined, Day.PlusDays(2), "No capacity this year.", Coalition, Secretariat, Hours(2));

        Refusal.Expect(outreach, ErrorCodes.Partners.InvalidOutreachStep, () => outreach.Record(OutreachStage.Invited, Day.PlusDays(3), null, Coalition, Secretariat, Hours(3)));
        outreach.Record(OutreachStage.Identified, Day.PlusDays(365), "New director.", Coalition, Secretariat, Hours(4));
    }

    [Fact]
    public void Outreach_steps_are_recorded_in_date_order()
    {
        var outreach = Identified();

        Refusal.Expect(outreach, ErrorCodes.Partners.OutreachOutOfOrder, () => outreach.Record(OutreachStage.Contacted, Day.PlusDays(-1), null, Coalition, Secretariat, Hours(1)));
    }

    [Fact]
    public void A_joined_partner_has_no_further_outreach()
    {
        var outreach = Identified();
        outreach.Record(OutreachStage.Contacted, Day, null, Coalition, Secretariat, Hours(1));
        outreach.Record(OutreachStage.Invited, Day, null, Coalition, Secretariat, Hours(2));
        outreach.Record(OutreachStage.Joined, Day, null, Coalition, Secretariat, Hours(3));

        Refusal.Expect(outreach, ErrorCodes.Partners.InvalidOutreachStep, () => outreach.Record(OutreachStage.Dormant, Day, null, Coalition, Secretariat, Hours(4)));
    }
}
