using Coalitions.Core.Advocacy;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Advocacy;

/// <summary>Policy positions: drafted, adopted by decision, published, revised and retired, with the coalition's position on an issue at any date.</summary>
public class PolicyPositionTests
{
    private static readonly DecisionReference Adoption = Decided(MatterType.AdoptPolicyPosition, 11, Hours(1));

    [Fact]
    public void A_member_drafts_a_position_in_its_own_name()
    {
        var position = DraftedPosition(member: 4);

        Assert.Equal(PositionStatus.Draft, position.Status);
        Assert.Equal(Partner(4), position.Pending!.DraftedBy);
        Assert.Equal(1, position.Pending.Number);
        Assert.Null(position.Current);
        Assert.Equal(DateTimeZoneProviders.Tzdb["Africa/Nairobi"], position.TimeZone);
    }

    [Fact]
    public void A_coordinator_drafts_a_position_for_the_coalition_in_no_members_name()
    {
        var position = PolicyPosition.Draft(ThePosition, PositionText(), Nine, Secretariat, Start);

        Assert.Null(position.Pending!.DraftedBy);
    }

    [Fact]
    public void Only_a_coordinator_or_an_active_members_delegate_drafts_a_position()
    {
        Assert.Equal(ErrorCodes.Advocacy.NotAuthorized, Assert.Throws<CoalitionRuleException>(() => PolicyPosition.Draft(ThePosition, PositionText(), Nine, For(20), Start)).Code);
        Assert.Equal(ErrorCodes.Advocacy.NotAuthorized, Assert.Throws<CoalitionRuleException>(() => PolicyPosition.Draft(ThePosition, PositionText(), Nine, Actor.ForPerson(Person(4)), Start)).Code);
        Assert.Equal(ErrorCodes.Advocacy.NotAuthorized, Assert.Throws<CoalitionRuleException>(() => PolicyPosition.Draft(ThePosition, PositionText(), Nine, Actor.Representing(Person(5), Partner(4)), Start)).Code);
        Assert.Equal(ErrorCodes.Advocacy.NotAuthorized, Assert.Throws<CoalitionRuleException>(() => PolicyPosition.Draft(ThePosition, PositionText(), Nine, Actor.System("import"), Start)).Code);
    }

    [Fact]
    public void A_suspended_member_cannot_draft_a_position()
    {
        var coalition = GovernanceScenario.NineMembers();
        coalition.Suspend(Partner(4), Adopted(MatterType.SuspendMember), Secretariat, Start);

        var error = Assert.Throws<CoalitionRuleException>(() => PolicyPosition.Draft(ThePosition, PositionText(), coalition, For(4), Hours(1)));

        Assert.Equal(ErrorCodes.Advocacy.NotAuthorized, error.Code);
    }

    [Fact]
    public void A_draft_for_another_coalition_is_refused()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => PolicyPosition.Draft(ThePosition, PositionText() with { Coalition = Elsewhere.Id }, Nine, Secretariat, Start));

        Assert.Equal(ErrorCodes.Coalitions.OtherCoalition, error.Code);
    }

    [Fact]
    public void A_draft_needs_an_issue_a_one_line_title_and_a_bounded_text()
    {
        Assert.True(Assert.Throws<CoalitionRuleException>(() => PolicyPosition.Draft(ThePosition, PositionText() with { Issue = default }, Nine, Secretariat, Start)).Has(ErrorCodes.Kernel.InvalidText));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => PolicyPosition.Draft(ThePosition, PositionText(title: "Two\nlines"), Nine, Secretariat, Start)).Has(ErrorCodes.Kernel.InvalidText));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => PolicyPosition.Draft(ThePosition, PositionText(text: new string('x', 20_001)), Nine, Secretariat, Start)).Has(ErrorCodes.Kernel.InvalidText));
        Assert.Equal(ErrorCodes.Kernel.EmptyId, Assert.Throws<CoalitionRuleException>(() => PolicyPosition.Draft(default, PositionText(), Nine, Secretariat, Start)).Code);
    }

    [Fact]
    public void A_position_is_adopted_citing_the_decision_that_adopted_it()
    {
        var position = DraftedPosition();

        position.Adopt(Adoption, Nine, Secretariat, Hours(2));

        Assert.Equal(PositionStatus.Adopted, position.Status);
        Assert.Equal(1, position.Current!.Number);
        Assert.Equal(Adoption, position.Current.Decision);
        Assert.Equal(Hours(2), position.Current.AdoptedAt);
        Assert.Null(position.Pending);
    }

    [Fact]
    public void A_position_is_adopted_only_by_an_adopted_decision_of_the_coalition_on_policy_positions_taken_before()
    {
        var position = DraftedPosition();

        Refusal.Expect(position, ErrorCodes.Coalitions.DecisionRequired, () => position.Adopt(Decided(MatterType.IssuePublicStatement, 11, Hours(1)), Nine, Secretariat, Hours(2)));
        Refusal.Expect(position, ErrorCodes.Coalitions.DecisionRequired, () => position.Adopt(Decided(MatterType.AdoptPolicyPosition, 11, Hours(1), DecisionResult.Rejected), Nine, Secretariat, Hours(2)));
        Refusal.Expect(position, ErrorCodes.Coalitions.DecisionRequired, () => position.Adopt(Decided(MatterType.AdoptPolicyPosition, 11, Hours(1), coalition: Elsewhere.Id), Nine, Secretariat, Hours(2)));
        Refusal.Expect(position, ErrorCodes.Coalitions.DecisionRequired, () => position.Adopt(Decided(MatterType.AdoptPolicyPosition, 11, Hours(3)), Nine, Secretariat, Hours(2)));
        Refusal.Expect(position, ErrorCodes.Kernel.InvalidInput, () => position.Adopt(null!, Nine, Secretariat, Hours(2)));
    }

    [Fact]
    public void A_decision_taken_before_the_words_last_changed_cannot_adopt_them()
    {
        var position = DraftedPosition();
        position.Revise("Six per cent for education", "The coalition calls for six per cent, and for school meals.", Nine, For(4), Hours(2));

        var error = Refusal.Expect(position, ErrorCodes.Advocacy.DecisionPredatesText, () => position.Adopt(Adoption, Nine, Secretariat, Hours(3)));

        Assert.Contains("put the words to a new decision", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_decision_authorizes_one_act()
    {
        var position = AdoptedPosition();
        position.Revise("Seven per cent for education", "The coalition now calls for seven per cent.", Nine, For(4), Hours(3));

        Refusal.Expect(position, ErrorCodes.Advocacy.DecisionAlreadyCited, () => position.Adopt(Adoption with { DecidedAt = Hours(4) }, Nine, Secretariat, Hours(5)));
    }

    [Fact]
    public void Only_a_coordinator_adopts_publishes_and_retires_a_position()
    {
        var drafted = DraftedPosition();
        Refusal.Expect(drafted, ErrorCodes.Coalitions.NotACoordinator, () => drafted.Adopt(Adoption, Nine, For(4), Hours(2)));

        var adopted = AdoptedPosition();
        Refusal.Expect(adopted, ErrorCodes.Coalitions.NotACoordinator, () => adopted.Publish(Nine, For(4), Hours(3)));
        Refusal.Expect(adopted, ErrorCodes.Coalitions.NotACoordinator, () => adopted.Retire(Decided(MatterType.AdoptPolicyPosition, 12, Hours(3)), "Overtaken.", Nine, For(4), Hours(4)));
    }

    [Fact]
    public void A_position_of_another_coalition_is_not_changed_with_this_one()
    {
        var position = DraftedPosition();

        Refusal.Expect(position, ErrorCodes.Coalitions.OtherCoalition, () => position.Adopt(Adoption, Elsewhere, Secretariat, Hours(2)));
    }

    [Fact]
    public void A_revision_is_drafted_while_the_version_in_effect_stays_in_effect()
    {
        var position = PublishedPosition();

        position.Revise("Seven per cent for education", "The coalition now calls for seven per cent.", Nine, For(5), Hours(4));

        Assert.Equal(PositionStatus.Published, position.Status);
        Assert.Equal(1, position.Current!.Number);
        Assert.Equal(2, position.Pending!.Number);
        Assert.Equal(Partner(5), position.Pending.DraftedBy);
    }

    [Fact]
    public void Adopting_a_revision_makes_it_the_version_in_effect_not_yet_published()
    {
        var position = PublishedPosition();
        position.Revise("Seven per cent for education", "The coalition now calls for seven per cent.", Nine, For(5), Hours(4));

        position.Adopt(Decided(MatterType.AdoptPolicyPosition, 12, Hours(5)), Nine, Secretariat, Hours(6));

        Assert.Equal(PositionStatus.Adopted, position.Status);
        Assert.Equal(2, position.Current!.Number);
        Assert.Null(position.Current.PublishedAt);
        Assert.Equal(Hours(3), position.Versions[0].PublishedAt);
    }

    [Fact]
    public void Only_the_member_drafting_it_or_a_coordinator_revises_a_draft_under_discussion()
    {
        var position = DraftedPosition(member: 4);

        Refusal.Expect(position, ErrorCodes.Advocacy.NotAuthorized, () => position.Revise("Another title", "Another text.", Nine, For(5), Hours(1)));
        position.Revise("Another title", "Another text.", Nine, Secretariat, Hours(1));

        Assert.Equal(Partner(4), position.Pending!.DraftedBy);
    }

    [Fact]
    public void Withdrawing_a_draft_never_adopted_withdraws_the_position()
    {
        var position = DraftedPosition();

        position.Withdraw("Members prefer a statement.", Nine, For(4), Hours(1));

        Assert.Equal(PositionStatus.Withdrawn, position.Status);
        Refusal.Expect(position, ErrorCodes.Advocacy.InvalidTransition, () => position.Revise("Again", "Again.", Nine, Secretariat, Hours(2)));
    }

    [Fact]
    public void Withdrawing_a_revision_keeps_the_version_in_effect()
    {
        var position = PublishedPosition();
        position.Revise("Seven per cent for education", "The coalition now calls for seven per cent.", Nine, For(5), Hours(4));

        position.Withdraw(null, Nine, For(5), Hours(5));

        Assert.Equal(PositionStatus.Published, position.Status);
        Assert.Null(position.Pending);
        Assert.Equal(1, position.Current!.Number);
    }

    [Fact]
    public void A_retired_position_is_no_longer_in_effect_and_takes_no_further_step()
    {
        var position = PublishedPosition();

        position.Retire(Decided(MatterType.AdoptPolicyPosition, 12, Hours(4)), "The budget passed.", Nine, Secretariat, Hours(5));

        Assert.Equal(PositionStatus.Retired, position.Status);
        Assert.Null(position.Current);
        Assert.Null(position.VersionAt(Hours(5)));
        Assert.NotNull(position.VersionAt(Hours(4)));
        Refusal.Expect(position, ErrorCodes.Advocacy.InvalidTransition, () => position.Publish(Nine, Secretariat, Hours(6)));
    }

    [Fact]
    public void Publishing_needs_an_adopted_version_not_yet_published()
    {
        var drafted = DraftedPosition();
        Refusal.Expect(drafted, ErrorCodes.Advocacy.InvalidTransition, () => drafted.Publish(Nine, Secretariat, Hours(1)));

        var published = PublishedPosition();
        Refusal.Expect(published, ErrorCodes.Advocacy.InvalidTransition, () => published.Publish(Nine, Secretariat, Hours(4)));
    }

    [Fact]
    public void The_coalitions_positions_on_an_issue_are_read_at_any_date()
    {
        var position = PublishedPosition();
        var tuesday = OnDate(2026, 3, 3);
        position.Revise("Seven per cent for education", "The coalition now calls for seven per cent.", Nine, For(5), tuesday);
        position.Adopt(Decided(MatterType.AdoptPolicyPosition, 12, tuesday), Nine, Secretariat, tuesday);
        var thursday = OnDate(2026, 3, 5);
        position.Retire(Decided(MatterType.AdoptPolicyPosition, 13, thursday), "The budget passed.", Nine, Secretariat, thursday);
        var other = PolicyPosition.Draft(OtherPosition, PositionText(title: "Teachers first"), Nine, Secretariat, Start);
        other.Adopt(Decided(MatterType.AdoptPolicyPosition, 14, Hours(1)), Nine, Secretariat, Hours(1));

        Assert.Empty(PolicyPosition.InEffect([position, other], TheCoalition, Budget, new LocalDate(2026, 3, 1)));
        var monday = PolicyPosition.InEffect([position, other], TheCoalition, Budget, new LocalDate(2026, 3, 2));
        Assert.Equal(["Six per cent for education", "Teachers first"], monday.Select(p => p.Version.Title));
        Assert.True(monday[0].Published);
        Assert.False(monday[1].Published);
        var wednesday = PolicyPosition.InEffect([position, other], TheCoalition, Budget, new LocalDate(2026, 3, 4));
        Assert.Equal(2, wednesday.Single(p => p.Position == ThePosition).Version.Number);
        Assert.False(wednesday.Single(p => p.Position == ThePosition).Published);
        Assert.Equal([OtherPosition], PolicyPosition.InEffect([position, other], TheCoalition, Budget, new LocalDate(2026, 3, 5)).Select(p => p.Position));
        Assert.Empty(PolicyPosition.InEffect([position, other], TheCoalition, new IssueKey("health"), new LocalDate(2026, 3, 4)));
    }

    [Fact]
    public void A_member_records_a_reservation_on_the_version_in_effect_once()
    {
        var position = PublishedPosition();

        position.RecordReservation(Partner(7), "Our members back five per cent, not six.", Nine, For(7), Hours(4));

        Assert.Equal(Partner(7), Assert.Single(position.Reservations).Member);
        Assert.Equal([Partner(7)], position.InEffectOn(new LocalDate(2026, 3, 2))!.Reservations);
        Refusal.Expect(position, ErrorCodes.Advocacy.Duplicate, () => position.RecordReservation(Partner(7), "Again.", Nine, For(7), Hours(5)));
        Refusal.Expect(position, ErrorCodes.Advocacy.NotAuthorized, () => position.RecordReservation(Partner(8), "For another.", Nine, For(7), Hours(5)));
    }

    [Fact]
    public void A_reservation_can_be_withdrawn_and_a_draft_takes_none()
    {
        var position = PublishedPosition();
        position.RecordReservation(Partner(7), "Our members back five per cent.", Nine, For(7), Hours(4));

        position.WithdrawReservation(Partner(7), Nine, For(7), Hours(5));

        Assert.Empty(position.Reservations);
        Refusal.Expect(position, ErrorCodes.Advocacy.UnknownKey, () => position.WithdrawReservation(Partner(7), Nine, For(7), Hours(6)));
        var draft = DraftedPosition();
        Refusal.Expect(draft, ErrorCodes.Advocacy.InvalidTransition, () => draft.RecordReservation(Partner(7), "Too early.", Nine, For(7), Hours(1)));
    }

    [Fact]
    public void A_position_rebuilt_from_its_stored_events_is_the_same_position()
    {
        var position = PublishedPosition();
        position.RecordReservation(Partner(7), "Our members back five per cent.", Nine, For(7), Hours(4));
        position.Revise("Seven per cent", "Now seven.", Nine, For(5), Hours(5));
        var events = position.DequeueUncommittedEvents();

        var rebuilt = PolicyPosition.Rehydrate(events.Select(CoalitionsJson.SerializeEvent).Select(CoalitionsJson.DeserializeEvent));

        Assert.Equal(ObservableState.Of(position), ObservableState.Of(rebuilt));
    }

    [Fact]
    public void A_history_that_adopts_a_version_not_under_discussion_is_refused() =>
        AssertCorrupt(DraftedPosition(), new PositionAdopted(ThePosition, 2, Adoption, Hours(2), Secretariat));

    [Fact]
    public void A_history_that_cites_a_decision_twice_is_refused()
    {
        var position = AdoptedPosition();
        position.Revise("Seven", "Seven per cent.", Nine, For(4), Hours(3));

        AssertCorrupt(position, new PositionAdopted(ThePosition, 2, Adoption with { DecidedAt = Hours(3) }, Hours(4), Secretariat));
    }

    [Fact]
    public void A_history_that_adopts_words_with_an_older_decision_is_refused()
    {
        var position = DraftedPosition();
        position.Revise("Seven", "Seven per cent.", Nine, For(4), Hours(3));

        AssertCorrupt(position, new PositionAdopted(ThePosition, 1, Adoption, Hours(4), Secretariat));
    }

    [Fact]
    public void A_history_with_a_reservation_before_adoption_or_a_second_publication_is_refused()
    {
        AssertCorrupt(DraftedPosition(), new ReservationRecorded(ThePosition, 1, Partner(7), "Early.", Hours(1), For(7)));
        AssertCorrupt(PublishedPosition(), new PositionPublished(ThePosition, 1, Hours(4), Secretariat));
    }

    [Fact]
    public void The_position_in_effect_is_described_in_plain_words()
    {
        var position = PublishedPosition();
        position.RecordReservation(Partner(7), "Five per cent.", Nine, For(7), Hours(4));

        var text = position.InEffectOn(new LocalDate(2026, 3, 2))!.Describe(p => p == Partner(7) ? "Member 7" : null, position.TimeZone);

        Assert.Equal("\"Six per cent for education\" (education-budget), version 1, adopted on 2 March 2026, published on 2 March 2026. Reservations: Member 7.", text);
    }

    private static void AssertCorrupt(PolicyPosition position, params IDomainEvent[] more)
    {
        var history = position.DequeueUncommittedEvents().Concat(more).ToArray();
        Assert.Equal(ErrorCodes.Kernel.CorruptHistory, Assert.Throws<StoredEventException>(() => PolicyPosition.Rehydrate(history)).Code);
    }
}
