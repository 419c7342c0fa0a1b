using Coalitions.Core.Coalitions;
using Coalitions.Core.Engagement;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.EngagementScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Engagement;

/// <summary>
/// Each command of a recognition roll at its boundary: who may act and for which coalition, the acknowledgement named
/// and the step its status allows, the words of each refusal, the listing's period and order, and the reasons a
/// stored roll is refused.
/// </summary>
public class RecognitionRollCommandTests
{
    private static readonly AcknowledgementId Second = AcknowledgementId.FromGuid(Guid.Parse("f6000000-0000-0000-0000-000000000002"));
    private static readonly AcknowledgementId Third = AcknowledgementId.FromGuid(Guid.Parse("f6000000-0000-0000-0000-000000000003"));
    private static readonly DateInterval Spring = new(new LocalDate(2026, 3, 1), new LocalDate(2026, 5, 31));

    private static AcknowledgementDraft Hosted(int member = 4, LocalDate? on = null) =>
        new(RecognitionKind.Contribution, "Hosted the spring assembly", "It hosted sixty delegates.", on ?? new LocalDate(2026, 4, 18), Partner(member));

    private static AcknowledgementDraft Signatures(LocalDate? on = null) =>
        new(RecognitionKind.Milestone, "Ten thousand signatures", "The petition passed ten thousand signatures.", on ?? new LocalDate(2026, 3, 20));

    // A roll with member 4's contribution (the first) and a milestone (the second), both recorded.
    private static RecognitionRoll Roll()
    {
        var roll = RecognitionRoll.Open(Nine, Secretariat, Start);
        roll.Acknowledge(FirstAcknowledgement, Hosted(), Nine, Secretariat, Hours(1));
        roll.Acknowledge(Second, Signatures(), Nine, Secretariat, Hours(1));
        return roll;
    }

    // Each command as the given actor for the given coalition, with the code its authorization refuses with and who may take it.
    private static IEnumerable<(string Name, ErrorCode Refused, Actor Allowed, Action<RecognitionRoll, Coalition, Actor> Run)> Commands() =>
    [
        ("acknowledge", ErrorCodes.Coalitions.NotACoordinator, Secretariat, (r, c, by) => r.Acknowledge(Third, Signatures(), c, by, Hours(2))),
        ("publish", ErrorCodes.Coalitions.NotACoordinator, Secretariat, (r, c, by) => r.Publish(FirstAcknowledgement, c, by, Hours(2))),
        ("withhold", ErrorCodes.Engagement.NotAuthorized, For(4), (r, c, by) => r.Withhold(FirstAcknowledgement, c, by, Hours(2))),
        ("retract", ErrorCodes.Coalitions.NotACoordinator, Secretariat, (r, c, by) => r.Retract(FirstAcknowledgement, "Mistake.", c, by, Hours(2))),
    ];

    [Fact]
    public void Every_command_is_refused_to_one_who_may_not_act_without_a_coalition_and_for_another_coalition()
    {
        foreach (var (name, refused, allowed, run) in Commands())
        {
            var roll = Roll();
            var refusedActor = refused == ErrorCodes.Engagement.NotAuthorized ? Secretariat : For(4);
            CommandBoundary.Holds(roll, name, refused, (c, by) => run(roll, c, by), Nine, [refusedActor, For(5)], allowed, AnotherWith(4), "This recognition roll belongs to another coalition than Another coalition.");

            roll.DequeueUncommittedEvents();
            run(roll, Nine, allowed);
            Assert.Single(roll.DequeueUncommittedEvents());
        }
    }

    [Fact]
    public void A_refusal_of_who_acts_names_who_may()
    {
        var roll = Roll();

        Assert.Equal(
            $"Person {Person(4)} acting for partner {Partner(4)} may not open a new recognition roll: only a coordinator of the coalition may.",
            Refusal.Of(() => RecognitionRoll.Open(Nine, For(4), Start), ErrorCodes.Coalitions.NotACoordinator).Message);
        Assert.True(Refusal.Of(() => RecognitionRoll.Open(null!, Secretariat, Start), ErrorCodes.Coalitions.NotACoordinator).IsAuthorizationRefusal);
        Assert.Equal(
            $"Person {Person(800)} may not withhold the recognition roll: only a delegate of the member recognized, acting for it may.",
            Refusal.Expect(roll, ErrorCodes.Engagement.NotAuthorized, () => roll.Withhold(FirstAcknowledgement, Nine, Secretariat, Hours(2))).Message);
        Assert.Equal(
            $"Person {Person(4)} acting for partner {Partner(4)} may not publish the recognition roll: only a coordinator of the coalition may.",
            Refusal.Expect(roll, ErrorCodes.Coalitions.NotACoordinator, () => roll.Publish(FirstAcknowledgement, Nine, For(4), Hours(2))).Message);
    }

    [Fact]
    public void A_roll_opens_empty_under_its_coalitions_id()
    {
        var roll = RecognitionRoll.Open(Nine, Secretariat, Start);

        Assert.Equal(TheCoalition, roll.Id);
        Assert.Empty(roll.Acknowledgements);
    }

    [Fact]
    public void Only_the_member_recognized_withholds_and_only_an_acknowledgement_of_its_own()
    {
        var roll = Roll();

        Refusal.Expect(roll, ErrorCodes.Engagement.NotAuthorized, () => roll.Withhold(Second, Nine, For(4), Hours(2)));
        Refusal.Expect(roll, ErrorCodes.Engagement.NotAuthorized, () => roll.Withhold(Third, Nine, For(4), Hours(2)));
        Refusal.Expect(roll, ErrorCodes.Engagement.NotAuthorized, () => roll.Withhold(default, Nine, For(4), Hours(2)));
        roll.Withhold(FirstAcknowledgement, Nine, For(4), Hours(2));

        Assert.Equal(AcknowledgementStatus.Withheld, roll.Acknowledgements[0].Status);
    }

    [Fact]
    public void An_acknowledgement_has_a_new_id_and_names_a_partner_with_a_membership()
    {
        var roll = Roll();

        Assert.Equal($"Acknowledgement {FirstAcknowledgement} is on the roll already.", Refusal.Expect(roll, ErrorCodes.Engagement.Duplicate, () => roll.Acknowledge(FirstAcknowledgement, Signatures(), Nine, Secretariat, Hours(2))).Message);
        Assert.Equal($"Partner {Partner(30)} has no membership of Learning for All.", Refusal.Expect(roll, ErrorCodes.Engagement.NotAMember, () => roll.Acknowledge(Third, Hosted(30), Nine, Secretariat, Hours(2))).Message);
        Assert.Equal("A contribution is a member's: name the member.", Refusal.Expect(roll, ErrorCodes.Engagement.InvalidInput, () => roll.Acknowledge(Third, Hosted() with { Member = null }, Nine, Secretariat, Hours(2))).Message);
        Assert.Equal("A milestone is the coalition's: it names no member.", Refusal.Expect(roll, ErrorCodes.Engagement.InvalidInput, () => roll.Acknowledge(Third, Signatures() with { Member = Partner(4) }, Nine, Secretariat, Hours(2))).Message);
        Refusal.Expect(roll, ErrorCodes.Kernel.InvalidInput, () => roll.Acknowledge(Third, null!, Nine, Secretariat, Hours(2)));
        Refusal.Expect(roll, ErrorCodes.Kernel.InvalidText, () => roll.Acknowledge(Third, Hosted() with { Title = new string('t', 201) }, Nine, Secretariat, Hours(2)));
        Refusal.Expect(roll, ErrorCodes.Kernel.EmptyId, () => roll.Acknowledge(Third, Signatures() with { Source = new FactSource("Meetings", Guid.Empty) }, Nine, Secretariat, Hours(2)));

        roll.Acknowledge(Third, Hosted(6) with { Title = new string('t', 200), Source = Source("Meetings", 1, "assembly") }, Nine, Secretariat, Hours(2));

        var third = roll.Acknowledgements[^1];
        Assert.Equal((Third, RecognitionKind.Contribution, 200, (PartnerId?)Partner(6), Source("Meetings", 1, "assembly"), AcknowledgementStatus.Recorded, Hours(2)), (third.Id, third.Kind, third.Title.Length, third.Member, third.Source, third.Status, third.RecordedAt));
    }

    [Fact]
    public void A_step_names_an_acknowledgement_on_the_roll()
    {
        var roll = Roll();

        Assert.Equal($"No acknowledgement {Third} is on the roll.", Refusal.Expect(roll, ErrorCodes.Engagement.UnknownKey, () => roll.Publish(Third, Nine, Secretariat, Hours(2))).Message);
        Assert.Equal($"No acknowledgement {Third} is on the roll.", Refusal.Expect(roll, ErrorCodes.Engagement.UnknownKey, () => roll.Retract(Third, "Mistake.", Nine, Secretariat, Hours(2))).Message);
        Assert.Equal("The acknowledgement is the empty id; give a real acknowledgement id.", Refusal.Expect(roll, ErrorCodes.Kernel.EmptyId, () => roll.Publish(default, Nine, Secretariat, Hours(2))).Message);
    }

    [Fact]
    public void Each_step_a_status_refuses_is_refused_in_words_naming_the_acknowledgement_and_its_status()
    {
        var roll = Roll();
        roll.Acknowledge(Third, Hosted(6), Nine, Secretariat, Hours(1));
        roll.Publish(FirstAcknowledgement, Nine, Secretariat, Hours(2));
        roll.Withhold(Third, Nine, For(6), Hours(2));
        roll.Retract(Second, "The count was wrong.", Nine, Secretariat, Hours(2));

        Assert.Equal(
            "The acknowledgement 'Hosted the spring assembly' is published; it cannot be published now.",
            Refusal.Expect(roll, ErrorCodes.Engagement.InvalidTransition, () => roll.Publish(FirstAcknowledgement, Nine, Secretariat, Hours(3))).Message);
        Assert.Equal(
            "The acknowledgement 'Hosted the spring assembly' is withheld; it cannot be published now.",
            Refusal.Expect(roll, ErrorCodes.Engagement.InvalidTransition, () => roll.Publish(Third, Nine, Secretariat, Hours(3))).Message);
        Assert.Equal(
            "The acknowledgement 'Hosted the spring assembly' is withheld; it cannot be withheld now.",
            Refusal.Expect(roll, ErrorCodes.Engagement.InvalidTransition, () => roll.Withhold(Third, Nine, For(6), Hours(3))).Message);
        Assert.Equal(
            "The acknowledgement 'Ten thousand signatures' is retracted; it cannot be published now.",
            Refusal.Expect(roll, ErrorCodes.Engagement.InvalidTransition, () => roll.Publish(Second, Nine, Secretariat, Hours(3))).Message);
        Assert.Equal(
            "The acknowledgement 'Ten thousand signatures' is retracted; it cannot be retracted now.",
            Refusal.Expect(roll, ErrorCodes.Engagement.InvalidTransition, () => roll.Retract(Second, "Again.", Nine, Secretariat, Hours(3))).Message);

        roll.Withhold(FirstAcknowledgement, Nine, For(4), Hours(3));
        roll.Retract(FirstAcknowledgement, "  Another member hosted it.  ", Nine, Secretariat, Hours(3));

        Assert.Equal("Another member hosted it.", Assert.IsType<AcknowledgementRetracted>(roll.DequeueUncommittedEvents()[^1]).Reason);
        Assert.Equal(
            "The acknowledgement 'Hosted the spring assembly' is retracted; it cannot be withheld now.",
            Refusal.Expect(roll, ErrorCodes.Engagement.InvalidTransition, () => roll.Withhold(FirstAcknowledgement, Nine, For(4), Hours(4))).Message);
    }

    [Fact]
    public void A_retraction_gives_a_reason_of_at_most_2000_characters()
    {
        var roll = Roll();

        Refusal.Expect(roll, ErrorCodes.Kernel.InvalidText, () => roll.Retract(FirstAcknowledgement, "", Nine, Secretariat, Hours(2)));
        Refusal.Expect(roll, ErrorCodes.Kernel.InvalidText, () => roll.Retract(FirstAcknowledgement, new string('r', 2_001), Nine, Secretariat, Hours(2)));
        roll.Retract(FirstAcknowledgement, new string('r', 2_000), Nine, Secretariat, Hours(2));

        Assert.Equal(AcknowledgementStatus.Retracted, roll.Acknowledgements[0].Status);
    }

    [Fact]
    public void A_listing_is_by_day_keeping_the_order_recorded_within_a_day()
    {
        var roll = RecognitionRoll.Open(Nine, Secretariat, Start);
        roll.Acknowledge(FirstAcknowledgement, Hosted(4, new LocalDate(2026, 4, 2)), Nine, Secretariat, Hours(1));
        roll.Acknowledge(Second, Hosted(5, new LocalDate(2026, 4, 1)), Nine, Secretariat, Hours(1));
        roll.Acknowledge(Third, Hosted(6, new LocalDate(2026, 4, 2)), Nine, Secretariat, Hours(1));

        Assert.Equal([Second, FirstAcknowledgement, Third], roll.Listing(Spring, RecognitionAudience.Members).Select(a => a.Id));
        Assert.Equal([FirstAcknowledgement, Second, Third], roll.Acknowledgements.Select(a => a.Id));
        Assert.Equal([Second], roll.Listing(new DateInterval(new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 1)), RecognitionAudience.Members).Select(a => a.Id));
    }

    [Fact]
    public void A_listing_covers_a_period_of_at_most_a_hundred_years_in_range_for_a_defined_audience()
    {
        var roll = Roll();
        var first = new LocalDate(1900, 1, 1);

        Assert.Empty(roll.Listing(new DateInterval(first, first.PlusDays(100 * 366)), RecognitionAudience.Public));
        Assert.Equal("The period is longer than 100 years.", Refusal.Of(() => roll.Listing(new DateInterval(first, first.PlusDays((100 * 366) + 1)), RecognitionAudience.Public), ErrorCodes.Kernel.InvalidPeriod).Message);
        Assert.Equal("The period is required.", Refusal.Of(() => roll.Listing(null!, RecognitionAudience.Public), ErrorCodes.Engagement.InvalidInput).Message);
        Assert.Equal("The audience has an undefined value (3).", Refusal.Of(() => roll.Listing(Spring, (RecognitionAudience)3), ErrorCodes.Kernel.InvalidInput).Message);
        Refusal.Of(() => roll.Listing(new DateInterval(new LocalDate(1899, 12, 31), first), RecognitionAudience.Public), ErrorCodes.Kernel.OutOfRange, "The date 'period start' (1899-12-31)");
        Refusal.Of(() => roll.Listing(new DateInterval(first, new LocalDate(3000, 1, 1)), RecognitionAudience.Public), ErrorCodes.Kernel.OutOfRange, "The date 'period end' (3000-01-01)");
    }

    [Fact]
    public void The_roll_in_words_names_the_member_or_the_milestone_and_marks_only_withheld_ones_for_members()
    {
        var roll = Roll();
        roll.Publish(FirstAcknowledgement, Nine, Secretariat, Hours(2));
        roll.Publish(Second, Nine, Secretariat, Hours(2));

        const string lines = "\n- 20 March 2026: Milestone: Ten thousand signatures. The petition passed ten thousand signatures.\n- 18 April 2026: Member 4, Hosted the spring assembly. It hosted sixty delegates.";
        Assert.Equal("Recognition, 1 March 2026 to 31 May 2026 (public):" + lines, roll.Describe(Nine, Spring, RecognitionAudience.Public));
        Assert.Equal("Recognition, 1 March 2026 to 31 May 2026 (members):" + lines, roll.Describe(Nine, Spring, RecognitionAudience.Members));
        Assert.Equal("The coalition is required.", Refusal.Of(() => roll.Describe(null!, Spring, RecognitionAudience.Public), ErrorCodes.Kernel.InvalidInput).Message);
        Assert.Equal(
            "This recognition roll belongs to another coalition than Another coalition.",
            Refusal.Of(() => roll.Describe(AnotherWith(4), Spring, RecognitionAudience.Public), ErrorCodes.Coalitions.OtherCoalition).Message);
    }

    [Fact]
    public void A_stored_step_is_refused_where_the_status_does_not_allow_it_and_replays_where_it_does()
    {
        List<IDomainEvent> history = [.. Roll().DequeueUncommittedEvents()];
        var published = new AcknowledgementPublished(TheCoalition, FirstAcknowledgement, Hours(2), Secretariat);
        var withheld = new AcknowledgementWithheld(TheCoalition, FirstAcknowledgement, Hours(2), For(4));
        var retracted = new AcknowledgementRetracted(TheCoalition, FirstAcknowledgement, "Mistake.", Hours(2), Secretariat);

        StoredHistory.Refused(RecognitionRoll.Rehydrate, [.. history, withheld], "an acknowledgement that is withheld cannot be published.", published);
        StoredHistory.Refused(RecognitionRoll.Rehydrate, [.. history, retracted], "an acknowledgement that is retracted cannot be published.", published);
        StoredHistory.Refused(RecognitionRoll.Rehydrate, [.. history, retracted], "an acknowledgement that is retracted cannot be withheld.", withheld);
        StoredHistory.Refused(RecognitionRoll.Rehydrate, history, "no such acknowledgement.", withheld with { Acknowledgement = Third });
        StoredHistory.Refused(RecognitionRoll.Rehydrate, history, "no such acknowledgement.", retracted with { Acknowledgement = Third });
        StoredHistory.Refused(RecognitionRoll.Rehydrate, history[..1], "the acknowledgement is ill-formed.", ((AcknowledgementRecorded)history[2]) with { Member = Partner(4) });

        Assert.Equal(AcknowledgementStatus.Withheld, RecognitionRoll.Rehydrate([.. history, withheld]).Acknowledgements[0].Status);
        Assert.Equal(AcknowledgementStatus.Retracted, RecognitionRoll.Rehydrate([.. history, withheld, retracted]).Acknowledgements[0].Status);
        Assert.Equal(AcknowledgementStatus.Retracted, RecognitionRoll.Rehydrate([.. history, retracted with { Acknowledgement = Second }]).Acknowledgements[1].Status);
    }

    [Fact]
    public void A_contribution_names_its_member_by_a_real_id()
    {
        var roll = Roll();

        Refusal.Expect(roll, ErrorCodes.Kernel.EmptyId, () => roll.Acknowledge(Third, Hosted() with { Member = default(PartnerId) }, Nine, Secretariat, Hours(2)));
    }
}
