using Coalitions.Core.Advocacy;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Docs;

/// <summary>The code of docs/advocacy.md, compiled and run: each block of the guide is the body of one test here, word for word.</summary>
public class AdvocacyGuideTests
{
    // What the guide takes as given: a coalition of nine (Africa/Nairobi), its coordinator, members' delegates, decisions taken.
    private static readonly global::Coalitions.Core.Coalitions.Coalition coalition = Nine;
    private static readonly Actor secretariat = Secretariat;
    private static readonly Instant monday = Start;
    private static readonly PartnerId member4 = Partner(4), member6 = Partner(6), member7 = Partner(7);
    private static readonly Actor delegateOf4 = For(4), delegateOf6 = For(6), delegateOf7 = For(7);
    private static readonly PartnerSnapshot member4Record = Organization(4, "Teachers Union");
    private static readonly DecisionReference adoption = Decided(MatterType.AdoptPolicyPosition, 11, Hours(1));
    private static readonly DecisionReference publication = Decided(MatterType.IssuePublicStatement, 21, Hours(1));

    private static string? names(PartnerId member) => member == member7 ? "Parents Network" : null;

    [Fact]
    public void A_position_is_drafted_adopted_by_decision_published_and_read_on_a_date()
    {
        var position = PolicyPosition.Draft(
            PolicyPositionId.New(),
            new PositionDraft(coalition.Id, new IssueKey("education-budget"), "Six per cent for education", "The coalition calls for six per cent of GDP for education."),
            coalition,
            delegateOf4,
            monday);
        position.Adopt(adoption, coalition, secretariat, monday + Duration.FromHours(2));
        position.Publish(coalition, secretariat, monday + Duration.FromHours(3));
        position.RecordReservation(member7, "Our members back five per cent.", coalition, delegateOf7, monday + Duration.FromHours(4));

        var onTheBudget = PolicyPosition.InEffect([position], coalition.Id, new IssueKey("education-budget"), new LocalDate(2026, 3, 3));
        Console.WriteLine(onTheBudget[0].Describe(names, coalition.TimeZone));
        // "Six per cent for education" (education-budget), version 1, adopted on 2 March 2026, published on 2 March 2026. Reservations: Parents Network.

        Assert.Equal(PositionStatus.Published, position.Status);
        Assert.Equal("\"Six per cent for education\" (education-budget), version 1, adopted on 2 March 2026, published on 2 March 2026. Reservations: Parents Network.", onTheBudget[0].Describe(names, coalition.TimeZone));
    }

    [Fact]
    public void A_statement_is_published_by_decision_and_gathers_endorsements()
    {
        var statement = SignOnStatement.Draft(
            SignOnStatementId.New(),
            new StatementDraft(coalition.Id, "Fund the teachers", "We, the undersigned organizations, call on the government to fund ten thousand reading teachers.", new LocalDate(2026, 3, 31)),
            coalition,
            secretariat,
            monday);
        statement.Publish(publication, coalition, secretariat, monday + Duration.FromHours(2));

        // A member endorses through its own delegate, naming who signs for it.
        statement.Endorse(EndorsementId.New(), member4Record, "Amina Otieno", "Director", coalition, delegateOf4, monday + Duration.FromHours(3));

        // An outside organization's endorsement is recorded by the secretariat, then verified with its representative.
        var outside = EndorsementId.New();
        statement.RecordEndorsement(outside, new Endorser("Teachers Without Borders", "UG", "Grace Nakato", "Executive director"), coalition, secretariat, monday + Duration.FromHours(3));
        statement.VerifyEndorsement(outside, coalition, secretariat, monday + Duration.FromHours(4));

        var endorsers = statement.EndorsersAt(monday + Duration.FromHours(5));
        Console.WriteLine(statement.Describe(monday + Duration.FromHours(5)));

        Assert.Equal(["Teachers Union", "Teachers Without Borders"], endorsers.Select(e => e.Endorser.Organization));
        Assert.Equal(StatementStatus.Open, statement.StatusAt(monday + Duration.FromHours(5)));
        Assert.Equal(StatementStatus.Closed, statement.StatusAt(Instant.FromUtc(2026, 4, 1, 0, 0)));
    }

    [Fact]
    public void A_campaign_carries_a_position_and_records_its_actions_and_outcomes()
    {
        var position = PublishedPosition();

        var campaign = Campaign.Launch(
            CampaignId.New(),
            new CampaignPlan(
                coalition.Id,
                "Fund reading",
                "A line for reading in the education budget.",
                [new CampaignObjective(new CampaignObjectiveKey("budget-line"), "A budget line for reading", new LocalDate(2026, 10, 1))],
                [new CampaignTarget(new TargetKey("committee"), "Education committee", TargetKind.Institution)]),
            coalition,
            secretariat,
            monday);
        campaign.CarryPosition(position, coalition, secretariat, monday + Duration.FromHours(4));
        campaign.PlanAction(
            new PlannedAction(new CampaignActionKey("submission"), ActionKind.Submission, "Written submission to the committee", member6, new LocalDate(2026, 4, 15), Target: new TargetKey("committee"), Objective: new CampaignObjectiveKey("budget-line")),
            coalition,
            secretariat,
            monday + Duration.FromHours(4));
        campaign.CompleteAction(new CampaignActionKey("submission"), new LocalDate(2026, 3, 2), "Delivered by hand.", coalition, delegateOf6, monday + Duration.FromHours(5));
        campaign.RecordOutcome(
            new CampaignOutcome("The committee adopted a reading line.", OutcomeKind.Achieved, new LocalDate(2026, 3, 2), new CampaignObjectiveKey("budget-line"), new TargetKey("committee")),
            coalition,
            secretariat,
            monday + Duration.FromHours(6));
        campaign.Conclude(CampaignResult.Won, "A reading line in the budget.", coalition, secretariat, monday + Duration.FromHours(7));

        Assert.Equal(CampaignStatus.Concluded, campaign.Status);
        Assert.Equal(ThePosition, Assert.Single(campaign.Positions).Position);
    }
}
