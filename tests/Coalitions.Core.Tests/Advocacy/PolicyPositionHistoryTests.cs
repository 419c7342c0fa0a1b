using Coalitions.Core.Advocacy;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Advocacy;

/// <summary>A stored policy position is untrusted: each step that could not have happened is refused with its reason.</summary>
public class PolicyPositionHistoryTests
{
    private static List<IDomainEvent> Drafted() => [.. DraftedPosition().DequeueUncommittedEvents()];

    private static List<IDomainEvent> Adopted() => [.. AdoptedPosition().DequeueUncommittedEvents()];

    private static List<IDomainEvent> Published() => [.. PublishedPosition().DequeueUncommittedEvents()];

    private static PositionDrafted Draft() => (PositionDrafted)Drafted()[0];

    private static DecisionReference Decision(int proposal, double hours) => Decided(MatterType.AdoptPolicyPosition, proposal, Hours(hours));

    private static PositionRevised Revised(int version, double hours = 3, string title = "Seven per cent", string text = "Seven.") =>
        new(ThePosition, version, title, text, Partner(5), Hours(hours), For(5));

    private static PositionAdopted Adoption(int version, DecisionReference decision, double hours = 4) => new(ThePosition, version, decision, Hours(hours), Secretariat);

    private static PositionRetired Retirement(DecisionReference decision, double hours = 5) => new(ThePosition, decision, "The budget passed.", Hours(hours), Secretariat);

    private static ReservationRecorded Reserved(int member = 7, int version = 1) => new(ThePosition, version, Partner(member), "Five per cent.", Hours(4), For(member));

    private static ReservationWithdrawn Unreserved(int member = 7, int version = 1) => new(ThePosition, version, Partner(member), Hours(5), For(member));

    private static void Corrupt(List<IDomainEvent> history, string why, params IDomainEvent[] next) => StoredHistory.Refused(PolicyPosition.Rehydrate, history, why, next);

    [Fact]
    public void A_stored_draft_has_a_known_time_zone_a_one_line_title_of_at_most_two_hundred_characters_and_a_text_of_at_most_twenty_thousand()
    {
        Corrupt([], "the time zone is not a tz database id.", Draft() with { TimeZone = "Nairobi" });
        Corrupt([], "the title is not one line of at most 200 characters.", Draft() with { Title = "Two\nlines" });
        Corrupt([], "the title is not one line of at most 200 characters.", Draft() with { Title = new string('t', 201) });
        Corrupt([], "the title is not one line of at most 200 characters.", Draft() with { Title = " " });
        Corrupt([], "the text is missing or longer than 20,000 characters.", Draft() with { Text = new string('x', 20_001) });
        Corrupt([], "the text is missing or longer than 20,000 characters.", Draft() with { Text = "" });

        var stored = PolicyPosition.Rehydrate([Draft() with { Title = new string('t', 200), Text = new string('x', 20_000) }]);
        Assert.Equal((200, "Africa/Nairobi"), (stored.Title.Length, stored.TimeZone.Id));
    }

    [Fact]
    public void A_stored_revision_is_of_the_draft_under_discussion_or_the_next_version_of_a_position_still_in_force_and_well_formed()
    {
        Corrupt(Drafted(), "it revises a version other than the draft under discussion or the next one.", Revised(2));
        Corrupt(Adopted(), "it revises a version other than the draft under discussion or the next one.", Revised(1));
        Corrupt(Adopted(), "it revises a version other than the draft under discussion or the next one.", Revised(3));
        Corrupt([.. Drafted(), new PositionDraftWithdrawn(ThePosition, 1, null, Hours(1), Secretariat)], "a retired or withdrawn position is not revised.", Revised(1));
        Corrupt([.. Adopted(), Retirement(Decision(12, 3), 3)], "a retired or withdrawn position is not revised.", Revised(2, 4));
        Corrupt(Adopted(), "the title is not one line of at most 200 characters.", Revised(2, title: "Two\nlines"));
        Corrupt(Adopted(), "the text is missing or longer than 20,000 characters.", Revised(2, text: " "));

        Assert.Equal(2, PolicyPosition.Rehydrate([.. Adopted(), Revised(2), Revised(2, 4)]).Pending!.Number);
    }

    [Fact]
    public void A_stored_position_has_at_most_a_thousand_versions()
    {
        var history = Adopted();
        for (var v = 2; v <= 1_000; v++)
        {
            history.Add(Revised(v));
            history.Add(Adoption(v, Decision(1_000 + v, 3), 3));
        }

        Assert.Equal(1_000, PolicyPosition.Rehydrate(history).Versions.Count);
        Corrupt(history, "the position has as many versions as it may.", Revised(1_001));
    }

    [Fact]
    public void A_stored_adoption_adopts_the_draft_under_discussion_by_an_adoption_of_the_coalition_taken_between_the_words_and_the_act_and_cited_once()
    {
        Corrupt(Drafted(), "no draft of that version is under discussion.", Adoption(2, Decision(11, 1)));
        Corrupt(Adopted(), "no draft of that version is under discussion.", Adoption(1, Decision(12, 3)));
        Corrupt(Drafted(), "the decision is not an adoption by the coalition on a policy position.", Adoption(1, Decided(MatterType.IssuePublicStatement, 11, Hours(1))));
        Corrupt(Drafted(), "the decision is not an adoption by the coalition on a policy position.", Adoption(1, Decided(MatterType.AdoptPolicyPosition, 11, Hours(1), DecisionResult.Rejected)));
        Corrupt(Drafted(), "the decision is not an adoption by the coalition on a policy position.", Adoption(1, Decided(MatterType.AdoptPolicyPosition, 11, Hours(1), coalition: Elsewhere.Id)));
        Corrupt(Drafted(), "the decision was taken after the act it authorizes.", Adoption(1, Decision(11, 4.5)));
        Corrupt([.. Adopted(), Revised(2)], "the decision was taken before the words it adopts.", Adoption(2, Decision(12, 2.5)));
        Corrupt([.. Adopted(), Revised(2)], "the decision was cited before.", Adoption(2, Decision(11, 3)));

        var stored = PolicyPosition.Rehydrate([.. Adopted(), Revised(2), Adoption(2, Decision(12, 3), 3)]);
        Assert.Equal((2, PositionStatus.Adopted), (stored.Current!.Number, stored.Status));
    }

    [Fact]
    public void A_stored_publication_publishes_the_unpublished_version_in_effect_no_earlier_than_its_adoption()
    {
        Corrupt(Drafted(), "only the version in effect, not yet published, is published.", new PositionPublished(ThePosition, 1, Hours(3), Secretariat));
        Corrupt(Published(), "only the version in effect, not yet published, is published.", new PositionPublished(ThePosition, 1, Hours(4), Secretariat));
        Corrupt(Adopted(), "only the version in effect, not yet published, is published.", new PositionPublished(ThePosition, 2, Hours(3), Secretariat));
        Corrupt(Adopted(), "it is published before it was adopted.", new PositionPublished(ThePosition, 1, Hours(2) - NodaTime.Duration.Epsilon, Secretariat));

        Assert.Equal(Hours(2), PolicyPosition.Rehydrate([.. Adopted(), new PositionPublished(ThePosition, 1, Hours(2), Secretariat)]).Current!.PublishedAt);
    }

    [Fact]
    public void A_stored_withdrawal_withdraws_the_draft_under_discussion()
    {
        Corrupt(Adopted(), "no draft of that version is under discussion.", new PositionDraftWithdrawn(ThePosition, 1, null, Hours(3), Secretariat));
        Corrupt([.. Adopted(), Revised(2)], "no draft of that version is under discussion.", new PositionDraftWithdrawn(ThePosition, 1, null, Hours(4), Secretariat));

        Assert.Equal(PositionStatus.Adopted, PolicyPosition.Rehydrate([.. Adopted(), Revised(2), new PositionDraftWithdrawn(ThePosition, 2, null, Hours(4), Secretariat)]).Status);
    }

    [Fact]
    public void A_stored_retirement_retires_a_position_in_force_by_an_adoption_taken_between_its_adoption_and_the_act_and_cited_once()
    {
        Corrupt(Drafted(), "only a position in effect is retired.", Retirement(Decision(12, 1), 1));
        Corrupt([.. Adopted(), Retirement(Decision(12, 3), 3)], "only a position in effect is retired.", Retirement(Decision(13, 4), 4));
        Corrupt(Adopted(), "the decision is not an adoption by the coalition on a policy position.", Retirement(Decided(MatterType.IssuePublicStatement, 12, Hours(3))));
        Corrupt(Adopted(), "the decision was taken after the act it authorizes.", Retirement(Decision(12, 6)));
        Corrupt(Adopted(), "the decision was taken before the version in effect was adopted.", Retirement(Decision(12, 1.5)));
        Corrupt(Adopted(), "the decision was cited before.", Retirement(Decision(11, 3)));

        Assert.Equal(PositionStatus.Retired, PolicyPosition.Rehydrate([.. Published(), Retirement(Decision(12, 2), 4)]).Status);
    }

    [Fact]
    public void A_stored_reservation_concerns_the_version_in_effect_is_held_once_and_at_most_ten_thousand_are_recorded()
    {
        Corrupt(Drafted(), "a reservation concerns the version in effect.", Reserved());
        Corrupt(Adopted(), "a reservation concerns the version in effect.", Reserved(version: 2));
        Corrupt([.. Adopted(), Retirement(Decision(12, 3), 3)], "a reservation concerns the version in effect.", Reserved());
        Corrupt([.. Adopted(), Reserved()], "the member already holds a reservation on the version.", Reserved());

        var full = Adopted();
        for (var n = 1; n < 10_000; n++)
        {
            full.Add(Reserved());
            full.Add(Unreserved());
        }

        full.Add(Reserved());
        Assert.Equal(Partner(7), PolicyPosition.Rehydrate(full).Reservations.Single().Member);
        Corrupt([.. full, Unreserved()], "the position has recorded as many reservations as it may.", Reserved(8));
    }

    [Fact]
    public void A_stored_reservation_is_withdrawn_only_when_held()
    {
        Corrupt(Adopted(), "the member holds no reservation on the version.", Unreserved());
        Corrupt([.. Adopted(), Reserved(), Unreserved()], "the member holds no reservation on the version.", Unreserved());
        Corrupt([.. Adopted(), Reserved()], "the member holds no reservation on the version.", Unreserved(8));

        Assert.Empty(PolicyPosition.Rehydrate([.. Adopted(), Reserved(), Unreserved()]).Reservations);
    }
}
