using Coalitions.Core.Advocacy;
using Coalitions.Core.Decisions;
using Coalitions.Core.Engagement;
using Coalitions.Core.Kernel;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Docs;

/// <summary>The code of docs/engagement.md, compiled and run: each block of the guide is the body of one test here, word for word.</summary>
public class EngagementGuideTests
{
    // What the guide takes as given: a coalition of nine (Africa/Nairobi), its coordinator, members' delegates, and what other rooms recorded.
    private static readonly global::Coalitions.Core.Coalitions.Coalition coalition = Nine;
    private static readonly Actor secretariat = Secretariat;
    private static readonly Instant monday = Start;
    private static readonly PartnerId member1 = Partner(1), member2 = Partner(2), member3 = Partner(3), member4 = Partner(4);
    private static readonly Actor delegateOf1 = For(1), delegateOf2 = For(2), delegateOf3 = For(3);
    private static readonly Guid assembly = Guid.Parse("f7000000-0000-0000-0000-000000000042");

    [Fact]
    public void Participation_is_measured_from_what_the_rooms_record_and_names_who_is_drifting_away()
    {
        var (proposal, campaign, statement) = WhatTheRoomsRecorded();

        var facts = new List<ParticipationFact>();
        facts.AddRange(ParticipationFacts.FromProposal(proposal, coalition.TimeZone));
        facts.AddRange(ParticipationFacts.FromCampaign(campaign, new LocalDate(2026, 4, 30)));
        facts.AddRange(ParticipationFacts.FromStatement(statement));
        // A room without an adapter gives facts of its own: here, the members expected at the April assembly who missed it.
        facts.Add(new ParticipationFact(member4, ParticipationKind.Meeting, ParticipationResult.Missed, new LocalDate(2026, 4, 21), new FactSource("Meetings", assembly)));

        var spring = new DateInterval(new LocalDate(2026, 3, 1), new LocalDate(2026, 4, 30));
        var report = Participation.Measure(coalition, facts, spring);
        // The thresholds are the coalition's: this one does not expect a contribution from every member every period.
        var drifting = report.AtRisk(policy: AtRiskPolicy.Default with { ExpectContributions = false });
        foreach (var risk in drifting)
        {
            Console.WriteLine($"{risk.Name}: {string.Join(" ", risk.Reasons.Select(r => r.Explanation))}");
        }

        Assert.Equal([member4, Partner(6)], drifting.Select(r => r.Member));
        Assert.Equal([RiskKind.Silent], drifting[0].Reasons.Select(r => r.Kind));
        Assert.Equal([RiskKind.OverdueItems], drifting[1].Reasons.Select(r => r.Kind));
    }

    [Fact]
    public void A_health_check_is_answered_anonymously_and_scored_by_exact_means()
    {
        // One key per round: the host keeps it in its secret store, never beside the events, and destroys it after closing.
        var key = AnonymityKey.Create();
        var check = HealthCheck.Open(
            HealthCheckId.New(),
            new HealthCheckDraft(coalition.Id, "Spring 2026", new LocalDate(2026, 3, 31), HealthCheckStatements.Standard),
            key,
            coalition,
            secretariat,
            monday);

        check.Respond(member1, [new HealthRating(new HealthStatementKey("trust"), 5), new HealthRating(new HealthStatementKey("means"), 2)], key, coalition, delegateOf1, monday + Duration.FromHours(1));
        check.Respond(member2, [new HealthRating(new HealthStatementKey("trust"), 4), new HealthRating(new HealthStatementKey("means"), 3)], key, coalition, delegateOf2, monday + Duration.FromHours(2));
        check.Respond(member3, [new HealthRating(new HealthStatementKey("trust"), 4)], key, coalition, delegateOf3, monday + Duration.FromHours(3));
        check.Close(key, coalition, secretariat, Instant.FromUtc(2026, 4, 1, 9, 0));

        var results = check.Results();
        Console.WriteLine(results.Describe());

        Assert.Equal(new Fraction(3, 9), results.ResponseRate);
        Assert.Contains(results.Strengths, f => f.Mean == new Fraction(13, 3));
        Assert.Contains(results.Concerns, f => f.Mean == new Fraction(5, 2));
    }

    [Fact]
    public void Contributions_are_acknowledged_and_listed_for_the_newsletter()
    {
        var roll = RecognitionRoll.Open(coalition, secretariat, monday);
        var thanks = AcknowledgementId.New();
        roll.Acknowledge(
            thanks,
            new AcknowledgementDraft(RecognitionKind.Contribution, "Hosted the spring assembly", "Hosted sixty delegates for two days.", new LocalDate(2026, 4, 18), member4),
            coalition,
            secretariat,
            monday + Duration.FromDays(50));
        roll.Publish(thanks, coalition, secretariat, monday + Duration.FromDays(51));

        var april = new DateInterval(new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 30));
        Console.WriteLine(roll.Describe(coalition, april, RecognitionAudience.Public));

        Assert.Equal(thanks, Assert.Single(roll.Listing(april, RecognitionAudience.Public)).Id);
    }

    // Member 4 cast none of its ballots; member 6 owes a campaign action due on 15 April.
    private static (Proposal, Campaign, SignOnStatement) WhatTheRoomsRecorded()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(9));
        foreach (var member in new[] { 1, 2, 3, 5, 6, 7, 8, 9 })
        {
            proposal.Vote(member, Stance.Support);
        }

        proposal.Close(ChairActor, Hours(24 * 7));
        var campaign = LaunchedCampaign();
        campaign.PlanAction(Action("meet-minister", 6, new LocalDate(2026, 4, 15)), Nine, Secretariat, Hours(1));
        var statement = OpenStatement();
        statement.Endorse(EndorsementId.New(), Organization(1), "Representative 1", null, Nine, For(1), Hours(3));
        return (proposal, campaign, statement);
    }
}
