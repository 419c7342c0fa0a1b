using Coalitions.Core.Engagement;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using Snapshooter.Xunit;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.EngagementScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Engagement;

/// <summary>Recognition: acknowledgements of members' contributions and of milestones, recorded and listed.</summary>
public class RecognitionRollTests
{
    private static readonly DateInterval Spring = new(new LocalDate(2026, 3, 1), new LocalDate(2026, 5, 31));

    private static AcknowledgementDraft Hosted(int member = 4) =>
        new(RecognitionKind.Contribution, "Hosted the spring assembly", "Member 4 hosted and fed sixty delegates for two days.", new LocalDate(2026, 4, 18), Partner(member));

    private static AcknowledgementDraft Milestone() =>
        new(RecognitionKind.Milestone, "Ten thousand signatures", "The petition for reading teachers passed ten thousand signatures.", new LocalDate(2026, 3, 20));

    [Fact]
    public void A_coordinator_records_a_members_contribution_and_a_milestone()
    {
        var roll = RecognitionRoll.Open(Nine, Secretariat, Start);

        roll.Acknowledge(FirstAcknowledgement, Hosted(), Nine, Secretariat, Hours(1));
        roll.Acknowledge(AcknowledgementId.New(), Milestone(), Nine, Secretariat, Hours(1));

        Assert.Equal([AcknowledgementStatus.Recorded, AcknowledgementStatus.Recorded], roll.Acknowledgements.Select(a => a.Status));
        Assert.Equal(TheCoalition, roll.Id);
    }

    [Fact]
    public void Only_a_coordinator_records_publishes_and_retracts_acknowledgements()
    {
        Assert.Equal(ErrorCodes.Coalitions.NotACoordinator, Assert.Throws<CoalitionRuleException>(() => RecognitionRoll.Open(Nine, For(4), Start)).Code);
        var roll = RecognitionRoll.Open(Nine, Secretariat, Start);
        Refusal.Expect(roll, ErrorCodes.Coalitions.NotACoordinator, () => roll.Acknowledge(FirstAcknowledgement, Hosted(), Nine, For(4), Hours(1)));
        roll.Acknowledge(FirstAcknowledgement, Hosted(), Nine, Secretariat, Hours(1));
        Refusal.Expect(roll, ErrorCodes.Coalitions.NotACoordinator, () => roll.Publish(FirstAcknowledgement, Nine, For(4), Hours(2)));
        Refusal.Expect(roll, ErrorCodes.Coalitions.NotACoordinator, () => roll.Retract(FirstAcknowledgement, "Mistake.", Nine, For(4), Hours(2)));
    }

    [Fact]
    public void A_contribution_names_a_member_of_the_coalition_and_a_milestone_names_none()
    {
        var roll = RecognitionRoll.Open(Nine, Secretariat, Start);

        Refusal.Expect(roll, ErrorCodes.Engagement.InvalidInput, () => roll.Acknowledge(FirstAcknowledgement, Hosted() with { Member = null }, Nine, Secretariat, Hours(1)));
        Refusal.Expect(roll, ErrorCodes.Engagement.InvalidInput, () => roll.Acknowledge(FirstAcknowledgement, Milestone() with { Member = Partner(4) }, Nine, Secretariat, Hours(1)));
        Refusal.Expect(roll, ErrorCodes.Engagement.NotAMember, () => roll.Acknowledge(FirstAcknowledgement, Hosted(member: 30), Nine, Secretariat, Hours(1)));
        roll.Acknowledge(FirstAcknowledgement, Hosted(), Nine, Secretariat, Hours(1));
        Refusal.Expect(roll, ErrorCodes.Engagement.Duplicate, () => roll.Acknowledge(FirstAcknowledgement, Milestone(), Nine, Secretariat, Hours(1)));
    }

    [Fact]
    public void The_member_recognized_may_ask_not_to_be_named_in_public()
    {
        var roll = RecognitionRoll.Open(Nine, Secretariat, Start);
        roll.Acknowledge(FirstAcknowledgement, Hosted(), Nine, Secretariat, Hours(1));
        roll.Publish(FirstAcknowledgement, Nine, Secretariat, Hours(2));

        Refusal.Expect(roll, ErrorCodes.Engagement.NotAuthorized, () => roll.Withhold(FirstAcknowledgement, Nine, For(5), Hours(3)));
        roll.Withhold(FirstAcknowledgement, Nine, For(4), Hours(3));

        Assert.Empty(roll.Listing(Spring, RecognitionAudience.Public));
        Assert.Single(roll.Listing(Spring, RecognitionAudience.Members));
        Refusal.Expect(roll, ErrorCodes.Engagement.InvalidTransition, () => roll.Publish(FirstAcknowledgement, Nine, Secretariat, Hours(4)));
    }

    [Fact]
    public void A_milestone_cannot_be_withheld_and_a_retracted_acknowledgement_is_listed_nowhere()
    {
        var roll = RecognitionRoll.Open(Nine, Secretariat, Start);
        var milestone = AcknowledgementId.New();
        roll.Acknowledge(milestone, Milestone(), Nine, Secretariat, Hours(1));

        Refusal.Expect(roll, ErrorCodes.Engagement.NotAuthorized, () => roll.Withhold(milestone, Nine, For(4), Hours(2)));
        roll.Retract(milestone, "The count was wrong.", Nine, Secretariat, Hours(2));

        Assert.Empty(roll.Listing(Spring, RecognitionAudience.Members));
        Refusal.Expect(roll, ErrorCodes.Engagement.InvalidTransition, () => roll.Retract(milestone, "Again.", Nine, Secretariat, Hours(3)));
        Refusal.Expect(roll, ErrorCodes.Engagement.UnknownKey, () => roll.Publish(AcknowledgementId.New(), Nine, Secretariat, Hours(3)));
    }

    [Fact]
    public void A_roll_of_another_coalition_is_not_changed_with_this_one()
    {
        var roll = RecognitionRoll.Open(Nine, Secretariat, Start);

        Refusal.Expect(roll, ErrorCodes.Coalitions.OtherCoalition, () => roll.Acknowledge(FirstAcknowledgement, Milestone(), Elsewhere, Secretariat, Hours(1)));
    }

    [Fact]
    public void A_history_that_publishes_a_withheld_acknowledgement_is_refused()
    {
        var roll = RecognitionRoll.Open(Nine, Secretariat, Start);
        roll.Acknowledge(FirstAcknowledgement, Hosted(), Nine, Secretariat, Hours(1));
        roll.Withhold(FirstAcknowledgement, Nine, For(4), Hours(2));

        var history = roll.DequeueUncommittedEvents().Append(new AcknowledgementPublished(TheCoalition, FirstAcknowledgement, Hours(3), Secretariat)).ToArray();

        Assert.Equal(ErrorCodes.Kernel.CorruptHistory, Assert.Throws<StoredEventException>(() => RecognitionRoll.Rehydrate(history)).Code);
    }

    [Fact]
    public void The_listing_reads_as_a_newsletter_or_an_annual_report()
    {
        var roll = RecognitionRoll.Open(Nine, Secretariat, Start);
        roll.Acknowledge(FirstAcknowledgement, Hosted(), Nine, Secretariat, Hours(1));
        roll.Acknowledge(AcknowledgementId.FromGuid(Guid.Parse("f6000000-0000-0000-0000-000000000002")), Milestone(), Nine, Secretariat, Hours(1));
        roll.Acknowledge(AcknowledgementId.FromGuid(Guid.Parse("f6000000-0000-0000-0000-000000000003")), new AcknowledgementDraft(RecognitionKind.Contribution, "Lent its lawyers", "Member 6 reviewed the data-sharing agreement pro bono.", new LocalDate(2026, 5, 2), Partner(6)), Nine, Secretariat, Hours(1));
        roll.Publish(FirstAcknowledgement, Nine, Secretariat, Hours(2));
        roll.Publish(AcknowledgementId.FromGuid(Guid.Parse("f6000000-0000-0000-0000-000000000002")), Nine, Secretariat, Hours(2));
        roll.Withhold(AcknowledgementId.FromGuid(Guid.Parse("f6000000-0000-0000-0000-000000000003")), Nine, For(6), Hours(3));

        Snapshot.Match(roll.Describe(Nine, Spring, RecognitionAudience.Public) + "\n\n" + roll.Describe(Nine, Spring, RecognitionAudience.Members));
    }
}
