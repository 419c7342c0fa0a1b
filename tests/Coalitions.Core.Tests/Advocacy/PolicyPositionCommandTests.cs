using Coalitions.Core.Advocacy;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using CoalitionAggregate = global::Coalitions.Core.Coalitions.Coalition;

namespace Coalitions.Core.Tests.Advocacy;

/// <summary>
/// Each command of a policy position at its boundary: who may act and for which coalition, the step each needs and the
/// words it is refused with, decisions taken at the instant of the act or of the words, nothing recorded before the
/// version in effect was adopted, titles trimmed and one line, versions and reservations at their limits, and the
/// version, publication and reservations in effect at the first and last instant of a day.
/// </summary>
public class PolicyPositionCommandTests
{
    private const string Title = "'Six per cent for education'";
    private static readonly DateTimeZone Nairobi = DateTimeZoneProviders.Tzdb["Africa/Nairobi"];
    private static readonly LocalDate Monday = new(2026, 3, 2);

    private static DecisionReference Decision(int proposal, Instant at) => Decided(MatterType.AdoptPolicyPosition, proposal, at);

    private static Instant FirstInstantOf(LocalDate day) => day.AtStartOfDayInZone(Nairobi).ToInstant();

    private static Instant LastInstantOf(LocalDate day) => FirstInstantOf(day.PlusDays(1)) - Duration.Epsilon;

    // Adopted at hour 2 (not published), member 7's reservation from hour 4, member 5's revision (version 2) under discussion from hour 5.
    private static PolicyPosition Busy()
    {
        var position = AdoptedPosition();
        position.RecordReservation(Partner(7), "Five per cent.", Nine, For(7), Hours(4));
        position.Revise("Seven per cent for education", "Now seven.", Nine, For(5), Hours(5));
        return position;
    }

    private static PolicyPosition Withdrawn()
    {
        var position = DraftedPosition();
        position.Withdraw(null, Nine, Secretariat, Hours(1));
        return position;
    }

    private static PolicyPosition Retired()
    {
        var position = PublishedPosition();
        position.Retire(Decision(12, Hours(4)), "The budget passed.", Nine, Secretariat, Hours(4));
        return position;
    }

    // Each command with the code its authorization refuses with, one who may act on a busy position (and the member it
    // acts for, who is also a member of "Another coalition"), and one who may not.
    private static IEnumerable<(string Name, ErrorCode Refused, Actor Allowed, int Member, Actor Refusee, Action<PolicyPosition, CoalitionAggregate, Actor> Run)> Commands() =>
    [
        ("revise", ErrorCodes.Advocacy.NotAuthorized, For(5), 5, For(6), (p, c, by) => p.Revise("Eight per cent", "Now eight.", c, by, Hours(6))),
        ("adopt", ErrorCodes.Coalitions.NotACoordinator, Secretariat, 5, For(5), (p, c, by) => p.Adopt(Decision(12, Hours(6)), c, by, Hours(6))),
        ("publish", ErrorCodes.Coalitions.NotACoordinator, Secretariat, 5, For(7), (p, c, by) => p.Publish(c, by, Hours(6))),
        ("withdraw", ErrorCodes.Advocacy.NotAuthorized, For(5), 5, For(6), (p, c, by) => p.Withdraw(null, c, by, Hours(6))),
        ("retire", ErrorCodes.Coalitions.NotACoordinator, Secretariat, 5, For(7), (p, c, by) => p.Retire(Decision(12, Hours(6)), "Overtaken.", c, by, Hours(6))),
        ("record a reservation", ErrorCodes.Advocacy.NotAuthorized, For(8), 8, For(7), (p, c, by) => p.RecordReservation(Partner(8), "Four per cent.", c, by, Hours(6))),
        ("withdraw a reservation", ErrorCodes.Advocacy.NotAuthorized, For(7), 7, For(8), (p, c, by) => p.WithdrawReservation(Partner(7), c, by, Hours(6))),
    ];

    [Fact]
    public void Every_command_is_refused_to_one_who_may_not_act_without_a_coalition_and_for_another_coalition()
    {
        foreach (var (name, refused, allowed, member, refusee, run) in Commands())
        {
            var position = Busy();
            CommandBoundary.Holds(position, name, refused, (c, by) => run(position, c, by), Nine, [refusee], allowed, AnotherWith(member), $"{Title} is a position of another coalition than Another coalition.");
        }
    }

    [Fact]
    public void Every_command_is_taken_by_one_who_may_act()
    {
        foreach (var (name, _, allowed, _, _, run) in Commands())
        {
            var position = Busy();
            var version = position.Version;

            run(position, Nine, allowed);

            Assert.True(position.Version == version + 1, name);
        }
    }

    [Fact]
    public void A_refusal_of_who_acts_names_who_may()
    {
        var position = Busy();

        Assert.Equal(
            $"Person {Person(6)} acting for partner {Partner(6)} may not revise {Title}: only a coordinator of the coalition or a delegate of the member drafting the draft under discussion, acting for it; or, when no draft is under discussion, a delegate of an active member starting a revision may.",
            Refusal.Expect(position, ErrorCodes.Advocacy.NotAuthorized, () => position.Revise("Eight", "Eight.", Nine, For(6), Hours(6))).Message);
        Assert.Equal(
            $"Person {Person(6)} acting for partner {Partner(6)} may not withdraw {Title}: only a coordinator of the coalition or a delegate of the member drafting the draft under discussion, acting for it may.",
            Refusal.Expect(position, ErrorCodes.Advocacy.NotAuthorized, () => position.Withdraw(null, Nine, For(6), Hours(6))).Message);
        Assert.Equal(
            $"Person {Person(800)} may not record reservation {Title}: only a delegate of the member concerned, acting for it may.",
            Refusal.Expect(position, ErrorCodes.Advocacy.NotAuthorized, () => position.RecordReservation(Partner(8), "Four per cent.", Nine, Secretariat, Hours(6))).Message);
        Assert.Equal(
            $"Person {Person(20)} acting for partner {Partner(20)} may not draft a new policy position: only a coordinator of the coalition or a delegate of an active member of the coalition, acting for it may.",
            Refusal.Of(() => PolicyPosition.Draft(ThePosition, PositionText(), Nine, For(20), Start), ErrorCodes.Advocacy.NotAuthorized).Message);
    }

    [Fact]
    public void A_position_is_drafted_with_an_id_for_its_own_coalition_by_one_who_may_act_for_it()
    {
        Assert.True(Refusal.Of(() => PolicyPosition.Draft(ThePosition, PositionText(), null!, Secretariat, Start), ErrorCodes.Advocacy.NotAuthorized).IsAuthorizationRefusal);
        Assert.True(Refusal.Of(() => PolicyPosition.Draft(ThePosition, PositionText(), Nine, For(20), Start), ErrorCodes.Advocacy.NotAuthorized).IsAuthorizationRefusal);
        Refusal.Of(() => PolicyPosition.Draft(default, PositionText(), Nine, Secretariat, Start), ErrorCodes.Kernel.EmptyId);
        Assert.Equal(
            "The position is drafted for another coalition than Another coalition.",
            Refusal.Of(() => PolicyPosition.Draft(ThePosition, PositionText(), AnotherWith(4), For(4), Start), ErrorCodes.Coalitions.OtherCoalition).Message);

        var position = PolicyPosition.Draft(ThePosition, PositionText(title: "  Six per cent  "), Nine, For(8), Start);

        Assert.Equal((1, "Six per cent", (PartnerId?)Partner(8), Start), (position.Pending!.Number, position.Pending.Title, position.Pending.DraftedBy, position.Pending.RevisedAt));
        Assert.Equal((TheCoalition, Budget, "Six per cent"), (position.Coalition, position.Issue, position.Title));
    }

    [Fact]
    public void A_draft_s_title_is_one_line_of_at_most_two_hundred_characters_and_its_text_at_most_twenty_thousand()
    {
        Refusal.Of(() => PolicyPosition.Draft(ThePosition, PositionText(title: new string('t', 201)), Nine, Secretariat, Start), ErrorCodes.Kernel.InvalidText);
        Refusal.Of(() => PolicyPosition.Draft(ThePosition, PositionText(text: " "), Nine, Secretariat, Start), ErrorCodes.Kernel.InvalidText);

        var position = PolicyPosition.Draft(ThePosition, PositionText(title: new string('t', 200), text: new string('x', 20_000)), Nine, Secretariat, Start);

        Assert.Equal((200, 20_000), (position.Title.Length, position.Pending!.Text.Length));
    }

    [Fact]
    public void A_revision_s_title_is_one_line_of_at_most_two_hundred_characters_trimmed_and_its_text_at_most_twenty_thousand()
    {
        var position = DraftedPosition();

        Assert.Equal("The title must be given.", Refusal.Expect(position, ErrorCodes.Kernel.InvalidText, () => position.Revise(" ", "Text.", Nine, For(4), Hours(1))).Message);
        Assert.Equal("The title has at most 200 characters.", Refusal.Expect(position, ErrorCodes.Kernel.InvalidText, () => position.Revise(new string('t', 201), "Text.", Nine, For(4), Hours(1))).Message);
        Assert.Equal("The title of a position is one line.", Refusal.Expect(position, ErrorCodes.Kernel.InvalidText, () => position.Revise("Two\nlines", "Text.", Nine, For(4), Hours(1))).Message);
        Assert.Equal("The text must be given.", Refusal.Expect(position, ErrorCodes.Kernel.InvalidText, () => position.Revise("Title", "", Nine, For(4), Hours(1))).Message);
        Assert.Equal("The text has at most 20,000 characters.", Refusal.Expect(position, ErrorCodes.Kernel.InvalidText, () => position.Revise("Title", new string('x', 20_001), Nine, For(4), Hours(1))).Message);

        position.Revise(new string('t', 200), new string('x', 20_000), Nine, For(4), Hours(1));
        Assert.Equal((1, 200, 20_000, Hours(1)), (position.Pending!.Number, position.Pending.Title.Length, position.Pending.Text.Length, position.Pending.RevisedAt));

        position.Revise(" Seven per cent ", "Seven.", Nine, For(4), Hours(2));
        Assert.Equal("Seven per cent", position.Pending.Title);
    }

    [Fact]
    public void A_draft_a_coordinator_wrote_is_revised_only_by_a_coordinator_and_a_suspended_drafter_no_longer_revises_its_own()
    {
        var coordinators = PolicyPosition.Draft(ThePosition, PositionText(), Nine, Secretariat, Start);
        Refusal.Expect(coordinators, ErrorCodes.Advocacy.NotAuthorized, () => coordinators.Revise("Again", "Again.", Nine, For(4), Hours(1)));

        var coalition = GovernanceScenario.NineMembers();
        var position = PolicyPosition.Draft(ThePosition, PositionText(), coalition, For(4), Start);
        coalition.Suspend(Partner(4), Adopted(MatterType.SuspendMember), Secretariat, Start);

        Refusal.Expect(position, ErrorCodes.Advocacy.NotAuthorized, () => position.Revise("Again", "Again.", coalition, For(4), Hours(1)));
        position.Withdraw(null, coalition, For(4), Hours(1));
        Assert.Equal(PositionStatus.Withdrawn, position.Status);
    }

    [Fact]
    public void Any_active_member_starts_a_revision_of_an_adopted_position_but_none_of_a_retired_or_withdrawn_one()
    {
        var adopted = AdoptedPosition();
        adopted.Revise("Seven per cent", "Seven.", Nine, For(6), Hours(3));
        Assert.Equal((2, (PartnerId?)Partner(6)), (adopted.Pending!.Number, adopted.Pending.DraftedBy));

        var retired = Retired();
        Refusal.Expect(retired, ErrorCodes.Advocacy.NotAuthorized, () => retired.Revise("Again", "Again.", Nine, For(6), Hours(5)));
        Assert.Equal($"{Title} is retired; it cannot revise now.", Refusal.Expect(retired, ErrorCodes.Advocacy.InvalidTransition, () => retired.Revise("Again", "Again.", Nine, Secretariat, Hours(5))).Message);

        var withdrawn = Withdrawn();
        Refusal.Expect(withdrawn, ErrorCodes.Advocacy.NotAuthorized, () => withdrawn.Revise("Again", "Again.", Nine, For(4), Hours(2)));
        Assert.Equal($"{Title} is withdrawn; it cannot revise now.", Refusal.Expect(withdrawn, ErrorCodes.Advocacy.InvalidTransition, () => withdrawn.Revise("Again", "Again.", Nine, Secretariat, Hours(2))).Message);
    }

    [Fact]
    public void A_revision_takes_the_number_after_every_version_even_a_withdrawn_one_and_keeps_its_drafter_when_a_coordinator_revises_it()
    {
        var position = AdoptedPosition();
        position.Revise("Seven", "Seven.", Nine, Secretariat, Hours(3));
        Assert.Equal((2, (PartnerId?)null), (position.Pending!.Number, position.Pending.DraftedBy));
        position.Withdraw(" Not now. ", Nine, Secretariat, Hours(4));
        Assert.Equal("Not now.", position.DequeueUncommittedEvents().OfType<PositionDraftWithdrawn>().Single().Reason);

        position.Revise("Eight", "Eight.", Nine, For(6), Hours(5));
        position.Revise("Eight per cent", "Eight per cent.", Nine, Secretariat, Hours(6));

        Assert.Equal((3, (PartnerId?)Partner(6), "Eight per cent", Hours(6)), (position.Pending!.Number, position.Pending.DraftedBy, position.Pending.Title, position.Pending.RevisedAt));
        Assert.Equal(["Six per cent for education", "Seven", "Eight per cent"], position.Versions.Select(v => v.Title));
        Assert.Equal("Six per cent for education", position.Title);
        Assert.Equal(1, position.Current!.Number);
    }

    [Fact]
    public void Adopting_needs_a_draft_under_discussion()
    {
        var adopted = AdoptedPosition();
        Assert.Equal(
            $"{Title} is adopted; it cannot adopt now (it needs that a draft is under discussion).",
            Refusal.Expect(adopted, ErrorCodes.Advocacy.InvalidTransition, () => adopted.Adopt(Decision(12, Hours(3)), Nine, Secretariat, Hours(3))).Message);
        var published = PublishedPosition();
        Assert.Equal(
            $"{Title} is published; it cannot adopt now (it needs that a draft is under discussion).",
            Refusal.Expect(published, ErrorCodes.Advocacy.InvalidTransition, () => published.Adopt(Decision(12, Hours(3)), Nine, Secretariat, Hours(3))).Message);
        var retired = Retired();
        Assert.Equal($"{Title} is retired; it cannot adopt now.", Refusal.Expect(retired, ErrorCodes.Advocacy.InvalidTransition, () => retired.Adopt(Decision(13, Hours(5)), Nine, Secretariat, Hours(5))).Message);
        var withdrawn = Withdrawn();
        Assert.Equal($"{Title} is withdrawn; it cannot adopt now.", Refusal.Expect(withdrawn, ErrorCodes.Advocacy.InvalidTransition, () => withdrawn.Adopt(Decision(13, Hours(2)), Nine, Secretariat, Hours(2))).Message);
    }

    [Fact]
    public void A_decision_taken_at_the_instant_of_the_words_or_of_the_act_adopts_them_and_a_moment_earlier_or_later_does_not()
    {
        var position = DraftedPosition();
        position.Revise("Six per cent for education", "Six per cent, and school meals.", Nine, For(4), Hours(2));

        Assert.Equal(
            $"The decision cited was taken on 2 March 2026 at 10:00 UTC, before the words of {Title} last changed on 2 March 2026 at 11:00 UTC; put the words to a new decision.",
            Refusal.Expect(position, ErrorCodes.Advocacy.DecisionPredatesText, () => position.Adopt(Decision(11, Hours(1)), Nine, Secretariat, Hours(3))).Message);
        Refusal.Expect(position, ErrorCodes.Advocacy.DecisionPredatesText, () => position.Adopt(Decision(11, Hours(2) - Duration.Epsilon), Nine, Secretariat, Hours(3)));
        Assert.Equal(
            "The decision cited was taken on 2 March 2026 at 12:00 UTC, after the act it would authorize on 2 March 2026 at 11:00 UTC; only a decision already taken authorizes an act.",
            Refusal.Expect(position, ErrorCodes.Coalitions.DecisionRequired, () => position.Adopt(Decision(11, Hours(3)), Nine, Secretariat, Hours(2))).Message);
        Refusal.Expect(position, ErrorCodes.Coalitions.DecisionRequired, () => position.Adopt(Decision(11, Hours(3) + Duration.Epsilon), Nine, Secretariat, Hours(3)));
        Assert.Equal(
            "The decision cited (rejected, on adopt policy position) is not an adopted decision of Learning for All on adopt policy position.",
            Refusal.Expect(position, ErrorCodes.Coalitions.DecisionRequired, () => position.Adopt(Decided(MatterType.AdoptPolicyPosition, 11, Hours(2), DecisionResult.Rejected), Nine, Secretariat, Hours(3))).Message);

        position.Adopt(Decision(11, Hours(2)), Nine, Secretariat, Hours(2));

        Assert.Equal(Hours(2), position.Current!.AdoptedAt);
        Assert.Equal(Decision(11, Hours(2)), position.Current.Decision);
        Assert.Equal(position.Current, position.VersionAt(Hours(2)));
        Assert.Null(position.VersionAt(Hours(2) - Duration.Epsilon));
    }

    [Fact]
    public void A_decision_cited_once_is_not_cited_again_to_adopt_or_retire()
    {
        var position = AdoptedPosition();
        position.Revise("Seven per cent", "Seven.", Nine, For(5), Hours(3));

        Assert.Equal(
            $"The decision cited (proposal {ProposalNumber(11)}) was already cited by {Title}; one decision authorizes one act.",
            Refusal.Expect(position, ErrorCodes.Advocacy.DecisionAlreadyCited, () => position.Adopt(Decision(11, Hours(4)), Nine, Secretariat, Hours(4))).Message);
        Refusal.Expect(position, ErrorCodes.Advocacy.DecisionAlreadyCited, () => position.Retire(Decision(11, Hours(4)), "Overtaken.", Nine, Secretariat, Hours(4)));

        position.Adopt(Decision(12, Hours(4)), Nine, Secretariat, Hours(4));

        Refusal.Expect(position, ErrorCodes.Advocacy.DecisionAlreadyCited, () => position.Retire(Decision(12, Hours(5)), "Overtaken.", Nine, Secretariat, Hours(5)));
    }

    [Fact]
    public void A_revision_is_not_adopted_before_the_version_in_effect_was()
    {
        var position = AdoptedPosition();
        position.Revise("Seven per cent", "Seven.", Nine, Secretariat, Hours(1));

        Assert.Equal(
            $"{Title} was adopted on 2 March 2026 at 11:00 UTC; nothing is recorded on it before then.",
            Refusal.Expect(position, ErrorCodes.Advocacy.InvalidTransition, () => position.Adopt(Decision(12, Hours(1)), Nine, Secretariat, Hours(1.5))).Message);

        position.Adopt(Decision(12, Hours(1)), Nine, Secretariat, Hours(2));

        Assert.Equal((2, (Instant?)Hours(2)), (position.Current!.Number, position.Current.AdoptedAt));
    }

    [Fact]
    public void Adopting_a_revision_of_a_published_position_makes_it_the_version_in_effect_and_leaves_the_reservations_on_the_old_one()
    {
        var position = PublishedPosition();
        position.RecordReservation(Partner(7), "Five per cent.", Nine, For(7), Hours(4));
        position.Revise("Seven per cent", "Seven.", Nine, For(5), Hours(5));

        position.Adopt(Decision(12, Hours(6)), Nine, Secretariat, Hours(6));

        Assert.Equal((PositionStatus.Adopted, 2, "Seven per cent"), (position.Status, position.Current!.Number, position.Title));
        Assert.Empty(position.Reservations);
        Assert.Equal(
            $"Member 7 holds no reservation on the version of 'Seven per cent' in effect.",
            Refusal.Expect(position, ErrorCodes.Advocacy.UnknownKey, () => position.WithdrawReservation(Partner(7), Nine, For(7), Hours(7))).Message);
        position.RecordReservation(Partner(7), "Still five.", Nine, For(7), Hours(7));
        Assert.Equal((2, "Still five."), (position.Reservations.Single().Version, position.Reservations.Single().Reason));
    }

    [Fact]
    public void Publishing_needs_an_unpublished_version_in_effect_and_no_earlier_than_its_adoption()
    {
        var drafted = DraftedPosition();
        Assert.Equal($"{Title} is a draft; it cannot publish now.", Refusal.Expect(drafted, ErrorCodes.Advocacy.InvalidTransition, () => drafted.Publish(Nine, Secretariat, Hours(1))).Message);
        var published = PublishedPosition();
        Assert.Equal($"{Title} is published; it cannot publish now.", Refusal.Expect(published, ErrorCodes.Advocacy.InvalidTransition, () => published.Publish(Nine, Secretariat, Hours(4))).Message);
        var retired = Retired();
        Assert.Equal($"{Title} is retired; it cannot publish now.", Refusal.Expect(retired, ErrorCodes.Advocacy.InvalidTransition, () => retired.Publish(Nine, Secretariat, Hours(5))).Message);
        var withdrawn = Withdrawn();
        Assert.Equal($"{Title} is withdrawn; it cannot publish now.", Refusal.Expect(withdrawn, ErrorCodes.Advocacy.InvalidTransition, () => withdrawn.Publish(Nine, Secretariat, Hours(2))).Message);

        var adopted = AdoptedPosition();
        Assert.Equal(
            $"{Title} was adopted on 2 March 2026 at 11:00 UTC; nothing is recorded on it before then.",
            Refusal.Expect(adopted, ErrorCodes.Advocacy.InvalidTransition, () => adopted.Publish(Nine, Secretariat, Hours(2) - Duration.Epsilon)).Message);

        adopted.Publish(Nine, Secretariat, Hours(2));

        Assert.Equal((PositionStatus.Published, (Instant?)Hours(2)), (adopted.Status, adopted.Current!.PublishedAt));
    }

    [Fact]
    public void Publishing_while_a_revision_is_discussed_publishes_the_version_in_effect_and_a_new_version_is_published_after_its_own_adoption()
    {
        var position = AdoptedPosition();
        position.Revise("Seven per cent", "Seven.", Nine, For(5), Hours(3));

        position.Publish(Nine, Secretariat, Hours(4));

        Assert.Equal((1, (Instant?)Hours(4), 2), (position.Current!.Number, position.Current.PublishedAt, position.Pending!.Number));

        position.Adopt(Decision(12, Hours(5)), Nine, Secretariat, Hours(6));

        Assert.Equal(
            "'Seven per cent' was adopted on 2 March 2026 at 15:00 UTC; nothing is recorded on it before then.",
            Refusal.Expect(position, ErrorCodes.Advocacy.InvalidTransition, () => position.Publish(Nine, Secretariat, Hours(5))).Message);
    }

    [Fact]
    public void Withdrawing_needs_a_draft_under_discussion_and_keeps_the_reason_trimmed_or_none()
    {
        var adopted = AdoptedPosition();
        Refusal.Expect(adopted, ErrorCodes.Advocacy.NotAuthorized, () => adopted.Withdraw(null, Nine, For(4), Hours(3)));
        Assert.Equal(
            $"{Title} is adopted; it cannot withdraw now (it needs that a draft is under discussion).",
            Refusal.Expect(adopted, ErrorCodes.Advocacy.InvalidTransition, () => adopted.Withdraw(null, Nine, Secretariat, Hours(3))).Message);
        var published = PublishedPosition();
        Assert.Equal(
            $"{Title} is published; it cannot withdraw now (it needs that a draft is under discussion).",
            Refusal.Expect(published, ErrorCodes.Advocacy.InvalidTransition, () => published.Withdraw(null, Nine, Secretariat, Hours(4))).Message);
        var retired = Retired();
        Assert.Equal($"{Title} is retired; it cannot withdraw now.", Refusal.Expect(retired, ErrorCodes.Advocacy.InvalidTransition, () => retired.Withdraw(null, Nine, Secretariat, Hours(5))).Message);

        var position = DraftedPosition();
        Assert.Equal("The reason has at most 2,000 characters.", Refusal.Expect(position, ErrorCodes.Kernel.InvalidText, () => position.Withdraw(new string('r', 2_001), Nine, For(4), Hours(1))).Message);
        position.Withdraw("   ", Nine, For(4), Hours(1));
        Assert.Null(position.DequeueUncommittedEvents().OfType<PositionDraftWithdrawn>().Single().Reason);
        Assert.Equal(PositionStatus.Withdrawn, position.Status);
        Assert.Null(position.Pending);
        Assert.Null(position.Current);
        Assert.Equal("Six per cent for education", position.Title);

        var longReason = DraftedPosition();
        longReason.Withdraw(new string('r', 2_000), Nine, For(4), Hours(1));
        Assert.Equal(2_000, longReason.DequeueUncommittedEvents().OfType<PositionDraftWithdrawn>().Single().Reason!.Length);
    }

    [Fact]
    public void Retiring_needs_a_version_in_effect_a_reason_and_a_decision_taken_since_its_adoption()
    {
        var drafted = DraftedPosition();
        Assert.Equal($"{Title} is a draft; it cannot retire now.", Refusal.Expect(drafted, ErrorCodes.Advocacy.InvalidTransition, () => drafted.Retire(Decision(12, Hours(1)), "Overtaken.", Nine, Secretariat, Hours(1))).Message);
        var withdrawn = Withdrawn();
        Assert.Equal($"{Title} is withdrawn; it cannot retire now.", Refusal.Expect(withdrawn, ErrorCodes.Advocacy.InvalidTransition, () => withdrawn.Retire(Decision(12, Hours(2)), "Overtaken.", Nine, Secretariat, Hours(2))).Message);
        var retired = Retired();
        Assert.Equal($"{Title} is retired; it cannot retire now.", Refusal.Expect(retired, ErrorCodes.Advocacy.InvalidTransition, () => retired.Retire(Decision(13, Hours(5)), "Again.", Nine, Secretariat, Hours(5))).Message);

        var position = AdoptedPosition();
        Assert.Equal("The reason must be given.", Refusal.Expect(position, ErrorCodes.Kernel.InvalidText, () => position.Retire(Decision(12, Hours(3)), " ", Nine, Secretariat, Hours(3))).Message);
        Refusal.Expect(position, ErrorCodes.Kernel.InvalidInput, () => position.Retire(null!, "Overtaken.", Nine, Secretariat, Hours(3)));
        Assert.Equal(
            $"{Title} was adopted on 2 March 2026 at 11:00 UTC; nothing is recorded on it before then.",
            Refusal.Expect(position, ErrorCodes.Advocacy.InvalidTransition, () => position.Retire(Decision(12, Hours(1)), "Overtaken.", Nine, Secretariat, Hours(2) - Duration.Epsilon)).Message);
        Assert.Equal(
            $"The decision cited was taken on 2 March 2026 at 10:30 UTC, before the version in effect of {Title} was adopted on 2 March 2026 at 11:00 UTC; retire it by a decision taken since.",
            Refusal.Expect(position, ErrorCodes.Advocacy.DecisionPredatesText, () => position.Retire(Decision(12, Hours(1.5)), "Overtaken.", Nine, Secretariat, Hours(3))).Message);

        position.Retire(Decision(12, Hours(2)), " The budget passed. ", Nine, Secretariat, Hours(3));

        Assert.Equal((PositionStatus.Retired, (Instant?)Hours(3)), (position.Status, position.RetiredAt));
        Assert.Equal(Decision(12, Hours(2)), position.RetiredBy);
        Assert.Equal("The budget passed.", position.DequeueUncommittedEvents().OfType<PositionRetired>().Single().Reason);
        Assert.Null(position.VersionAt(Hours(3)));
        Assert.Equal(1, position.VersionAt(Hours(3) - Duration.Epsilon)!.Number);

        var atOnce = AdoptedPosition();
        atOnce.Retire(Decision(12, Hours(2)), "Overtaken at once.", Nine, Secretariat, Hours(2));
        Assert.Null(atOnce.VersionAt(Hours(2)));
        Assert.Null(position.Current);
        Assert.Empty(position.Reservations);
    }

    [Fact]
    public void Retiring_lets_a_revision_under_discussion_lapse()
    {
        var position = PublishedPosition();
        position.Revise("Seven per cent", "Seven.", Nine, For(5), Hours(4));

        position.Retire(Decision(12, Hours(5)), "The budget passed.", Nine, Secretariat, Hours(5));

        Assert.Null(position.Pending);
        Assert.Equal([true, false], position.Versions.Select(v => v.IsAdopted));
        Assert.Equal("Seven per cent", position.Title);
    }

    [Fact]
    public void A_reservation_is_recorded_once_by_an_active_member_on_the_version_in_effect_since_its_adoption()
    {
        var drafted = DraftedPosition();
        Assert.Equal($"{Title} is a draft; it cannot reserve now.", Refusal.Expect(drafted, ErrorCodes.Advocacy.InvalidTransition, () => drafted.RecordReservation(Partner(7), "Early.", Nine, For(7), Hours(1))).Message);
        var retired = Retired();
        Assert.Equal($"{Title} is retired; it cannot reserve now.", Refusal.Expect(retired, ErrorCodes.Advocacy.InvalidTransition, () => retired.RecordReservation(Partner(7), "Late.", Nine, For(7), Hours(5))).Message);
        var withdrawn = Withdrawn();
        Assert.Equal($"{Title} is withdrawn; it cannot reserve now.", Refusal.Expect(withdrawn, ErrorCodes.Advocacy.InvalidTransition, () => withdrawn.RecordReservation(Partner(7), "Late.", Nine, For(7), Hours(2))).Message);

        var position = AdoptedPosition();
        Assert.Equal("The reason must be given.", Refusal.Expect(position, ErrorCodes.Kernel.InvalidText, () => position.RecordReservation(Partner(7), "", Nine, For(7), Hours(3))).Message);
        Assert.Equal("The reason has at most 2,000 characters.", Refusal.Expect(position, ErrorCodes.Kernel.InvalidText, () => position.RecordReservation(Partner(7), new string('r', 2_001), Nine, For(7), Hours(3))).Message);
        Assert.Equal(
            $"{Title} was adopted on 2 March 2026 at 11:00 UTC; nothing is recorded on it before then.",
            Refusal.Expect(position, ErrorCodes.Advocacy.InvalidTransition, () => position.RecordReservation(Partner(7), "Early.", Nine, For(7), Hours(2) - Duration.Epsilon)).Message);

        position.RecordReservation(Partner(7), " Five per cent. ", Nine, For(7), Hours(2));
        position.RecordReservation(Partner(8), new string('r', 2_000), Nine, For(8), Hours(3));

        Assert.Equal(
            $"Member 7 already holds a reservation on version 1 of {Title}.",
            Refusal.Expect(position, ErrorCodes.Advocacy.Duplicate, () => position.RecordReservation(Partner(7), "Again.", Nine, For(7), Hours(3))).Message);
        Assert.Equal([(Partner(7), "Five per cent.", Hours(2)), (Partner(8), new string('r', 2_000), Hours(3))], position.Reservations.Select(r => (r.Member, r.Reason, r.At)));
    }

    [Fact]
    public void A_suspended_member_records_no_reservation_and_reservations_are_listed_in_the_order_recorded()
    {
        var coalition = GovernanceScenario.NineMembers();
        var position = PolicyPosition.Draft(ThePosition, PositionText(), coalition, For(4), Start);
        position.Adopt(Decision(11, Hours(1)), coalition, Secretariat, Hours(1));
        coalition.Suspend(Partner(7), Adopted(MatterType.SuspendMember), Secretariat, Start);

        Assert.Equal(
            "Member 7 is not an active member of Learning for All.",
            Refusal.Expect(position, ErrorCodes.Advocacy.NotAnActiveMember, () => position.RecordReservation(Partner(7), "Five per cent.", coalition, For(7), Hours(2))).Message);

        position.RecordReservation(Partner(8), "Four per cent.", coalition, For(8), Hours(3));
        position.RecordReservation(Partner(6), "Three per cent.", coalition, For(6), Hours(2));

        Assert.Equal([Partner(6), Partner(8)], position.Reservations.Select(r => r.Member));
    }

    [Fact]
    public void A_reservation_is_withdrawn_only_when_held_and_not_before_it_was_recorded()
    {
        var position = PublishedPosition();
        Assert.Equal(
            $"Member 7 holds no reservation on the version of {Title} in effect.",
            Refusal.Expect(position, ErrorCodes.Advocacy.UnknownKey, () => position.WithdrawReservation(Partner(7), Nine, For(7), Hours(4))).Message);
        position.RecordReservation(Partner(7), "Five per cent.", Nine, For(7), Hours(4));
        Refusal.Expect(position, ErrorCodes.Advocacy.NotAuthorized, () => position.WithdrawReservation(Partner(7), Nine, Secretariat, Hours(5)));

        Assert.Equal(
            $"The reservation of Member 7 on version 1 of {Title} was recorded on 2 March 2026 at 13:00 UTC; it is not withdrawn before then.",
            Refusal.Expect(position, ErrorCodes.Advocacy.InvalidTransition, () => position.WithdrawReservation(Partner(7), Nine, For(7), Hours(4) - Duration.Epsilon)).Message);

        position.WithdrawReservation(Partner(7), Nine, For(7), Hours(4));

        Assert.Empty(position.Reservations);
        Assert.Empty(position.InEffectOn(Monday)!.Reservations);

        var retired = PublishedPosition();
        retired.RecordReservation(Partner(7), "Five per cent.", Nine, For(7), Hours(4));
        retired.Retire(Decision(12, Hours(5)), "The budget passed.", Nine, Secretariat, Hours(5));
        Refusal.Expect(retired, ErrorCodes.Advocacy.UnknownKey, () => retired.WithdrawReservation(Partner(7), Nine, For(7), Hours(6)));
    }

    [Fact]
    public void A_position_has_at_most_a_thousand_versions_and_the_last_is_revised_while_under_discussion()
    {
        var position = PolicyPosition.Rehydrate(WithVersions(999));
        position.Revise("Version 1000", "Text 1000.", Nine, Secretariat, Hours(2));
        position.Revise("Version 1000", "Text 1000, revised.", Nine, Secretariat, Hours(2));
        position.Adopt(Decision(2_000, Hours(2)), Nine, Secretariat, Hours(2));

        Assert.Equal(1_000, position.Versions.Count);
        Assert.Equal(
            "'Version 1000' has 1,000 versions, the most a position may have.",
            Refusal.Expect(position, ErrorCodes.Kernel.OutOfRange, () => position.Revise("Version 1001", "Text.", Nine, Secretariat, Hours(3))).Message);
    }

    [Fact]
    public void A_position_records_at_most_ten_thousand_reservations_even_when_they_were_withdrawn()
    {
        var position = PolicyPosition.Rehydrate(WithReservations(9_999));
        Assert.Empty(position.Reservations);

        position.RecordReservation(Partner(7), "The last.", Nine, For(7), Hours(4));
        position.WithdrawReservation(Partner(7), Nine, For(7), Hours(4));

        Assert.Equal(
            $"{Title} has recorded 10,000 reservations, the most a position may record.",
            Refusal.Expect(position, ErrorCodes.Kernel.OutOfRange, () => position.RecordReservation(Partner(8), "One more.", Nine, For(8), Hours(5))).Message);
    }

    [Fact]
    public void A_version_is_in_effect_on_the_day_it_is_adopted_from_its_first_instant_and_published_on_the_day_of_its_last()
    {
        var tuesday = Monday.PlusDays(1);
        var position = DraftedPosition();
        position.Adopt(Decision(11, Hours(1)), Nine, Secretariat, FirstInstantOf(tuesday));

        Assert.Null(position.InEffectOn(Monday));
        Assert.False(position.InEffectOn(tuesday)!.Published);

        position.Publish(Nine, Secretariat, LastInstantOf(tuesday));

        Assert.True(position.InEffectOn(tuesday)!.Published);
        Assert.Equal((ThePosition, Budget, 1), (position.InEffectOn(tuesday)!.Position, position.InEffectOn(tuesday)!.Issue, position.InEffectOn(tuesday)!.Version.Number));

        position.Retire(Decision(12, Hours(48)), "The budget passed.", Nine, Secretariat, LastInstantOf(tuesday.PlusDays(1)));

        Assert.NotNull(position.InEffectOn(tuesday));
        Assert.Null(position.InEffectOn(tuesday.PlusDays(1)));
        Refusal.Of(() => position.InEffectOn(new LocalDate(1899, 12, 31)), ErrorCodes.Kernel.OutOfRange);
    }

    [Fact]
    public void A_reservation_counts_on_a_day_from_its_last_instant_and_not_once_withdrawn_by_the_end_of_the_day_and_once_per_member()
    {
        var tuesday = Monday.PlusDays(1);
        var wednesday = tuesday.PlusDays(1);
        var position = PublishedPosition();
        position.RecordReservation(Partner(6), "Three per cent.", Nine, For(6), LastInstantOf(Monday));
        position.RecordReservation(Partner(7), "Five per cent.", Nine, For(7), Hours(4));
        position.WithdrawReservation(Partner(7), Nine, For(7), Hours(5));
        position.RecordReservation(Partner(7), "Five, still.", Nine, For(7), Hours(6));
        position.WithdrawReservation(Partner(7), Nine, For(7), LastInstantOf(tuesday));
        position.RecordReservation(Partner(8), "Four per cent.", Nine, For(8), FirstInstantOf(wednesday));
        position.WithdrawReservation(Partner(8), Nine, For(8), FirstInstantOf(wednesday));

        Assert.Equal([Partner(6), Partner(7)], position.InEffectOn(Monday)!.Reservations);
        Assert.Equal([Partner(6)], position.InEffectOn(tuesday)!.Reservations);
        Assert.Equal([Partner(6)], position.InEffectOn(wednesday)!.Reservations);
    }

    [Fact]
    public void The_positions_in_effect_on_an_issue_are_the_coalition_s_own_in_ordinal_order_of_title_and_at_most_ten_thousand_are_read()
    {
        var position = AdoptedPosition();
        var lower = PolicyPosition.Draft(OtherPosition, PositionText(title: "books first"), Nine, Secretariat, Start);
        lower.Adopt(Decision(12, Hours(1)), Nine, Secretariat, Hours(1));
        var elsewhere = PolicyPosition.Draft(PolicyPositionId.New(), PositionText() with { Coalition = Elsewhere.Id }, Elsewhere, Secretariat, Start);
        elsewhere.Adopt(Decided(MatterType.AdoptPolicyPosition, 13, Hours(1), coalition: Elsewhere.Id), Elsewhere, Secretariat, Hours(1));

        Assert.Equal(["Six per cent for education", "books first"], PolicyPosition.InEffect([lower, elsewhere, position], TheCoalition, Budget, Monday).Select(p => p.Version.Title));
        Assert.Equal(10_000, PolicyPosition.InEffect(Enumerable.Repeat(position, 10_000), TheCoalition, Budget, Monday).Count);
        Refusal.Of(() => PolicyPosition.InEffect(Enumerable.Repeat(position, 10_001), TheCoalition, Budget, Monday), ErrorCodes.Kernel.OutOfRange);
        Refusal.Of(() => PolicyPosition.InEffect(null!, TheCoalition, Budget, Monday), ErrorCodes.Kernel.InvalidInput);
        Refusal.Of(() => PolicyPosition.InEffect([position], default, Budget, Monday), ErrorCodes.Kernel.EmptyId);
        Refusal.Of(() => PolicyPosition.InEffect([position], TheCoalition, default, Monday), ErrorCodes.Kernel.InvalidText);
        Refusal.Of(() => PolicyPosition.InEffect([position], TheCoalition, Budget, new LocalDate(3000, 1, 1)), ErrorCodes.Kernel.OutOfRange);
    }

    [Fact]
    public void A_position_not_published_and_without_reservations_is_described_so_with_its_dates_in_utc_unless_a_zone_is_given()
    {
        var version = new PositionVersion(1_000, "Teachers first", "Text.", null, Start, Instant.FromUtc(2026, 3, 5, 22, 0));
        var unpublished = new PositionInEffect(ThePosition, Budget, version, false, []);
        var reserved = new PositionInEffect(ThePosition, Budget, version with { PublishedAt = Instant.FromUtc(2026, 3, 6, 22, 0) }, true, [Partner(7), Partner(8)]);

        Assert.Equal("\"Teachers first\" (education-budget), version 1,000, adopted on 5 March 2026, not published.", unpublished.Describe());
        Assert.Equal("\"Teachers first\" (education-budget), version 1,000, adopted on 6 March 2026, not published.", unpublished.Describe(zone: Nairobi));
        Assert.Equal(
            $"\"Teachers first\" (education-budget), version 1,000, adopted on 6 March 2026, published on 7 March 2026. Reservations: {Partner(7)} and Member 8.",
            reserved.Describe(p => p == Partner(8) ? "Member 8" : null, Nairobi));
    }

    // The drafted position with versions 1 to n, each adopted at hour 1 by its own decision (proposal 1000 + n).
    private static List<IDomainEvent> WithVersions(int n)
    {
        var history = new List<IDomainEvent>(DraftedPosition().DequeueUncommittedEvents());
        for (var v = 1; v <= n; v++)
        {
            if (v > 1)
            {
                history.Add(new PositionRevised(ThePosition, v, $"Version {v}", $"Text {v}.", null, Hours(1), Secretariat));
            }

            history.Add(new PositionAdopted(ThePosition, v, Decision(1_000 + v, Hours(1)), Hours(1), Secretariat));
        }

        return history;
    }

    // The adopted position on which member 7 recorded and withdrew n reservations at hour 3.
    private static List<IDomainEvent> WithReservations(int n)
    {
        var history = new List<IDomainEvent>(AdoptedPosition().DequeueUncommittedEvents());
        for (var r = 0; r < n; r++)
        {
            history.Add(new ReservationRecorded(ThePosition, 1, Partner(7), "Five per cent.", Hours(3), For(7)));
            history.Add(new ReservationWithdrawn(ThePosition, 1, Partner(7), Hours(3), For(7)));
        }

        return history;
    }
}
