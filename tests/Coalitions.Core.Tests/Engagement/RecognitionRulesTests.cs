using Coalitions.Core.Engagement;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.EngagementScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Engagement;

/// <summary>What an acknowledgement holds, each step of its lifecycle, who is listed where, and a stored roll's checks.</summary>
public class RecognitionRulesTests
{
    private static readonly LocalDate Assembly = new(2026, 4, 18);
    private static readonly AcknowledgementId Second = AcknowledgementId.FromGuid(Guid.Parse("f6000000-0000-0000-0000-000000000002"));
    private static readonly AcknowledgementId Third = AcknowledgementId.FromGuid(Guid.Parse("f6000000-0000-0000-0000-000000000003"));

    private static AcknowledgementDraft Hosted(int member = 4, LocalDate? on = null) =>
        new(RecognitionKind.Contribution, "Hosted the spring assembly", "Member 4 hosted sixty delegates for two days.", on ?? Assembly, Partner(member));

    private static AcknowledgementDraft Signatures(LocalDate? on = null) =>
        new(RecognitionKind.Milestone, "Ten thousand signatures", "The petition passed ten thousand signatures.", on ?? new LocalDate(2026, 3, 20));

    private static RecognitionRoll Roll(params (AcknowledgementId Id, AcknowledgementDraft Draft)[] entries)
    {
        var roll = RecognitionRoll.Open(Nine, Secretariat, Start);
        foreach (var (id, draft) in entries)
        {
            roll.Acknowledge(id, draft, Nine, Secretariat, Hours(1));
        }

        return roll;
    }

    private static List<IDomainEvent> Stored(RecognitionRoll roll) => [.. roll.DequeueUncommittedEvents()];

    [Fact]
    public void An_acknowledgement_keeps_its_title_and_citation_trimmed_and_when_it_was_recorded()
    {
        var roll = Roll((FirstAcknowledgement, Hosted() with { Title = "  Hosted the spring assembly  ", Citation = "  Sixty delegates.  " }));

        var entry = roll.Acknowledgements.Single();
        Assert.Equal(("Hosted the spring assembly", "Sixty delegates.", Hours(1), Partner(4)), (entry.Title, entry.Citation, entry.RecordedAt, entry.Member));
    }

    [Fact]
    public void An_acknowledgement_has_a_defined_kind_a_one_line_title_a_citation_of_at_most_2000_characters_and_a_day_in_range()
    {
        var roll = Roll();

        Refusal.Expect(roll, ErrorCodes.Kernel.InvalidInput, () => roll.Acknowledge(FirstAcknowledgement, Hosted() with { Kind = (RecognitionKind)3 }, Nine, Secretariat, Hours(1)));
        Refusal.Expect(roll, ErrorCodes.Kernel.InvalidText, () => roll.Acknowledge(FirstAcknowledgement, Hosted() with { Title = "Hosted\nthe assembly" }, Nine, Secretariat, Hours(1)));
        Refusal.Expect(roll, ErrorCodes.Kernel.InvalidText, () => roll.Acknowledge(FirstAcknowledgement, Hosted() with { Citation = new string('c', 2_001) }, Nine, Secretariat, Hours(1)));
        Refusal.Expect(roll, ErrorCodes.Kernel.OutOfRange, () => roll.Acknowledge(FirstAcknowledgement, Hosted(on: new LocalDate(3000, 1, 1)), Nine, Secretariat, Hours(1)));
        Refusal.Expect(roll, ErrorCodes.Kernel.EmptyId, () => roll.Acknowledge(default, Hosted(), Nine, Secretariat, Hours(1)));

        roll.Acknowledge(FirstAcknowledgement, Hosted() with { Citation = new string('c', 2_000) }, Nine, Secretariat, Hours(1));
        Assert.Equal(2_000, roll.Acknowledgements.Single().Citation.Length);
    }

    [Fact]
    public void A_recorded_acknowledgement_is_published_withheld_or_retracted_and_a_retracted_one_nothing_more()
    {
        var roll = Roll((FirstAcknowledgement, Hosted()), (Second, Hosted(5)), (Third, Hosted(6)));

        roll.Withhold(FirstAcknowledgement, Nine, For(4), Hours(2));
        roll.Retract(Second, "  The assembly was hosted by another member.  ", Nine, Secretariat, Hours(2));
        roll.Publish(Third, Nine, Secretariat, Hours(2));

        Assert.Equal([AcknowledgementStatus.Withheld, AcknowledgementStatus.Retracted, AcknowledgementStatus.Published], roll.Acknowledgements.Select(a => a.Status));
        Assert.Equal("The assembly was hosted by another member.", Assert.IsType<AcknowledgementRetracted>(roll.DequeueUncommittedEvents()[^2]).Reason);
        var error = Refusal.Expect(roll, ErrorCodes.Engagement.InvalidTransition, () => roll.Publish(Second, Nine, Secretariat, Hours(3)));
        Assert.Equal("The acknowledgement 'Hosted the spring assembly' is retracted; it cannot be published now.", error.Message);
        Refusal.Expect(roll, ErrorCodes.Engagement.InvalidTransition, () => roll.Withhold(Second, Nine, For(5), Hours(3)));
        Refusal.Expect(roll, ErrorCodes.Engagement.InvalidTransition, () => roll.Publish(Third, Nine, Secretariat, Hours(3)));
        Refusal.Expect(roll, ErrorCodes.Engagement.InvalidTransition, () => roll.Withhold(FirstAcknowledgement, Nine, For(4), Hours(3)));
    }

    [Fact]
    public void A_withheld_or_published_acknowledgement_may_still_be_retracted_with_a_reason()
    {
        var roll = Roll((FirstAcknowledgement, Hosted()), (Second, Signatures()));
        roll.Withhold(FirstAcknowledgement, Nine, For(4), Hours(2));
        roll.Publish(Second, Nine, Secretariat, Hours(2));

        Refusal.Expect(roll, ErrorCodes.Kernel.InvalidText, () => roll.Retract(FirstAcknowledgement, " ", Nine, Secretariat, Hours(3)));
        roll.Retract(FirstAcknowledgement, "Wrong member.", Nine, Secretariat, Hours(3));
        roll.Retract(Second, "Wrong count.", Nine, Secretariat, Hours(3));

        Assert.All(roll.Acknowledgements, a => Assert.Equal(AcknowledgementStatus.Retracted, a.Status));
        Refusal.Expect(roll, ErrorCodes.Kernel.EmptyId, () => roll.Retract(default, "Again.", Nine, Secretariat, Hours(3)));
    }

    [Fact]
    public void The_public_sees_published_acknowledgements_and_members_all_but_retracted_ones_in_the_period_by_day()
    {
        var roll = Roll(
            (FirstAcknowledgement, Hosted(on: new LocalDate(2026, 5, 31))),
            (Second, Signatures(new LocalDate(2026, 3, 1))),
            (Third, Hosted(6, new LocalDate(2026, 4, 1))),
            (AcknowledgementId.New(), Signatures(new LocalDate(2026, 6, 1))));
        roll.Publish(FirstAcknowledgement, Nine, Secretariat, Hours(2));
        roll.Publish(Second, Nine, Secretariat, Hours(2));
        var spring = new DateInterval(new LocalDate(2026, 3, 1), new LocalDate(2026, 5, 31));

        Assert.Equal([Second, FirstAcknowledgement], roll.Listing(spring, RecognitionAudience.Public).Select(a => a.Id));
        Assert.Equal([Second, Third, FirstAcknowledgement], roll.Listing(spring, RecognitionAudience.Members).Select(a => a.Id));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => roll.Listing(spring, (RecognitionAudience)3)).Has(ErrorCodes.Kernel.InvalidInput));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => roll.Listing(null!, RecognitionAudience.Public)).Has(ErrorCodes.Engagement.InvalidInput));
    }

    [Fact]
    public void The_roll_in_words_says_when_nobody_is_recognized_and_marks_those_not_to_be_named_for_members_only()
    {
        var roll = Roll((FirstAcknowledgement, Hosted()));
        roll.Withhold(FirstAcknowledgement, Nine, For(4), Hours(2));
        var spring = new DateInterval(new LocalDate(2026, 3, 1), new LocalDate(2026, 5, 31));

        Assert.Equal("Recognition, 1 March 2026 to 31 May 2026 (public): none.", roll.Describe(Nine, spring, RecognitionAudience.Public));
        Assert.Equal(
            "Recognition, 1 March 2026 to 31 May 2026 (members):\n- 18 April 2026: Member 4, Hosted the spring assembly. Member 4 hosted sixty delegates for two days. (not to be named in public)",
            roll.Describe(Nine, spring, RecognitionAudience.Members));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => roll.Describe(Elsewhere, spring, RecognitionAudience.Members)).Has(ErrorCodes.Coalitions.OtherCoalition));
    }

    [Fact]
    public void Every_step_takes_the_roll_s_own_coalition()
    {
        var roll = Roll((FirstAcknowledgement, Hosted()));

        Refusal.Expect(roll, ErrorCodes.Coalitions.OtherCoalition, () => roll.Publish(FirstAcknowledgement, Elsewhere, Secretariat, Hours(2)));
        Refusal.Expect(roll, ErrorCodes.Coalitions.OtherCoalition, () => roll.Retract(FirstAcknowledgement, "Mistake.", Elsewhere, Secretariat, Hours(2)));
    }

    [Fact]
    public void A_stored_acknowledgement_is_recorded_once_and_well_formed()
    {
        var history = Stored(Roll((FirstAcknowledgement, Hosted())));
        var recorded = (AcknowledgementRecorded)history[1];

        StoredHistory.Refused(RecognitionRoll.Rehydrate, history, "the acknowledgement's id is used already.", recorded);
        StoredHistory.Refused(RecognitionRoll.Rehydrate, history[..1], "the acknowledgement is ill-formed.", recorded with { Member = null });
        StoredHistory.Refused(RecognitionRoll.Rehydrate, history[..1], "the acknowledgement is ill-formed.", recorded with { Title = "Two\nlines" });
        Assert.Single(RecognitionRoll.Rehydrate(history).Acknowledgements);
    }

    [Fact]
    public void A_stored_step_names_an_acknowledgement_on_the_roll_that_its_lifecycle_allows()
    {
        var history = Stored(Roll((FirstAcknowledgement, Hosted()), (Second, Signatures())));
        AcknowledgementPublished Published(AcknowledgementId id) => new(TheCoalition, id, Hours(2), Secretariat);
        AcknowledgementWithheld Withheld(AcknowledgementId id) => new(TheCoalition, id, Hours(2), For(4));
        AcknowledgementRetracted Retracted(AcknowledgementId id) => new(TheCoalition, id, "Mistake.", Hours(2), Secretariat);

        StoredHistory.Refused(RecognitionRoll.Rehydrate, history, "no such acknowledgement.", Published(Third));
        StoredHistory.Refused(RecognitionRoll.Rehydrate, history, "an acknowledgement that is recorded cannot be withheld.", Withheld(Second));
        StoredHistory.Refused(RecognitionRoll.Rehydrate, [.. history, Published(FirstAcknowledgement)], "an acknowledgement that is published cannot be published.", Published(FirstAcknowledgement));
        StoredHistory.Refused(RecognitionRoll.Rehydrate, [.. history, Withheld(FirstAcknowledgement)], "an acknowledgement that is withheld cannot be withheld.", Withheld(FirstAcknowledgement));
        StoredHistory.Refused(RecognitionRoll.Rehydrate, [.. history, Retracted(FirstAcknowledgement)], "an acknowledgement that is retracted cannot be retracted.", Retracted(FirstAcknowledgement));

        var replayed = RecognitionRoll.Rehydrate([.. history, Published(FirstAcknowledgement), Withheld(FirstAcknowledgement), Retracted(FirstAcknowledgement), Retracted(Second)]);
        Assert.All(replayed.Acknowledgements, a => Assert.Equal(AcknowledgementStatus.Retracted, a.Status));
    }
}
