using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Serialization;
using Coalitions.Core.Tests.Kit;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Coalitions;

public class CoalitionLifecycleTests
{
    [Fact]
    public void A_new_coalition_is_exploring()
    {
        var coalition = Founded();

        Assert.Equal(CoalitionStatus.Exploring, coalition.Status);
        Assert.Equal(Formality.High, coalition.Form.Formality());
        Assert.Equal("Africa/Nairobi", coalition.TimeZone.Id);
    }

    [Theory]
    [InlineData("", "Africa/Nairobi", 3)]
    [InlineData("Learning for All", "Mars/Olympus", 3)]
    [InlineData("Learning for All", "Africa/Nairobi", 1)]
    public void A_coalition_needs_a_name_a_known_time_zone_and_a_founding_minimum_of_two(string name, string zone, int minimum)
    {
        var error = Assert.Throws<CoalitionRuleException>(() => Coalition.Found(TheCoalition, name, CoalitionForm.Alliance, zone, Convenor, Secretariat, Start, minimum));

        Assert.Equal(ErrorCodes.Coalitions.InvalidCoalition, error.Code);
    }

    [Fact]
    public void A_coalition_becomes_active_with_an_adopted_charter_and_its_founding_members()
    {
        var coalition = ActiveWith(founders: 3);

        Assert.Equal(CoalitionStatus.Active, coalition.Status);
    }

    [Fact]
    public void A_coalition_without_an_adopted_charter_cannot_become_active()
    {
        var coalition = Founded();
        coalition.BeginForming(Secretariat, Start);
        coalition.Join(1);
        coalition.Join(2);
        coalition.Join(3);

        var error = Refusal.Expect(coalition, ErrorCodes.Coalitions.NotReadyToActivate, () => coalition.Activate(Secretariat, Start));
        Assert.Contains("its charter is adopted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_coalition_short_of_its_founding_minimum_cannot_become_active()
    {
        var coalition = Founded(foundingMinimum: 3);
        coalition.BeginForming(Secretariat, Start);
        coalition.AdoptCharter(Charter(), null, Secretariat, Start);
        coalition.Join(1);
        coalition.Join(2);
        coalition.Join(3, MembershipTier.Full);
        coalition.Invite(4, MembershipTier.Founding, Start);

        var error = Refusal.Expect(coalition, ErrorCodes.Coalitions.NotReadyToActivate, () => coalition.Activate(Secretariat, Start));
        Assert.Contains("founding minimum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exploring_coalition_must_form_before_it_becomes_active()
    {
        var coalition = Founded();

        Refusal.Expect(coalition, ErrorCodes.Coalitions.InvalidTransition, () => coalition.Activate(Secretariat, Start));
    }

    [Fact]
    public void An_active_coalition_can_go_dormant_and_be_revived()
    {
        var coalition = ActiveWith();

        coalition.GoDormant("Funding gap until the next school year.", Secretariat, Hours(1));
        Assert.Equal(CoalitionStatus.Dormant, coalition.Status);
        coalition.Revive(Secretariat, Hours(2));

        Assert.Equal(CoalitionStatus.Active, coalition.Status);
    }

    [Fact]
    public void A_dormant_coalition_cannot_be_institutionalized()
    {
        var coalition = ActiveWith();
        coalition.GoDormant(null, Secretariat, Hours(1));

        Refusal.Expect(coalition, ErrorCodes.Coalitions.InvalidTransition, () => coalition.Institutionalize(Secretariat, Hours(2)));
    }

    [Fact]
    public void Only_an_adoption_by_the_same_coalition_on_the_same_matter_authorizes_an_action()
    {
        Assert.True(Adopted(MatterType.Dissolve).Authorizes(TheCoalition, MatterType.Dissolve));
        Assert.False(Adopted(MatterType.Dissolve, result: DecisionResult.Rejected).Authorizes(TheCoalition, MatterType.Dissolve));
        Assert.False(Adopted(MatterType.Dissolve, CoalitionId.New()).Authorizes(TheCoalition, MatterType.Dissolve));
        Assert.False(Adopted(MatterType.AmendCharter).Authorizes(TheCoalition, MatterType.Dissolve));
    }

    [Fact]
    public void Dissolution_needs_an_adopted_decision_to_dissolve()
    {
        var coalition = ActiveWith();

        Refusal.Expect(coalition, ErrorCodes.Coalitions.DecisionRequired, () => coalition.BeginDissolution(Adopted(MatterType.AmendCharter), Secretariat, Hours(1)));
        Refusal.Expect(coalition, ErrorCodes.Coalitions.DecisionRequired, () => coalition.BeginDissolution(Adopted(MatterType.Dissolve, result: DecisionResult.Rejected), Secretariat, Hours(1)));
        Refusal.Expect(coalition, ErrorCodes.Coalitions.DecisionRequired, () => coalition.BeginDissolution(Adopted(MatterType.Dissolve, CoalitionId.New()), Secretariat, Hours(1)));

        coalition.BeginDissolution(Adopted(MatterType.Dissolve), Secretariat, Hours(1));
        coalition.CompleteDissolution(Secretariat, Hours(2));
        Assert.Equal(CoalitionStatus.Dissolved, coalition.Status);
    }

    [Fact]
    public void A_dissolving_coalition_takes_no_new_members_and_keeps_its_charter()
    {
        var coalition = ActiveWith();
        coalition.BeginDissolution(Adopted(MatterType.Dissolve), Secretariat, Hours(1));

        Refusal.Expect(coalition, ErrorCodes.Membership.NotAdmitting, () => coalition.Invite(9, MembershipTier.Full, Hours(2)));
        Refusal.Expect(coalition, ErrorCodes.Coalitions.InvalidTransition, () => coalition.AdoptCharter(Charter(), Adopted(MatterType.AmendCharter), Secretariat, Hours(2)));
    }

    [Fact]
    public void Renewing_the_charter_takes_the_coalition_back_to_forming()
    {
        var coalition = ActiveWith();

        coalition.BeginCharterRenewal(Adopted(MatterType.AmendCharter), Secretariat, Hours(1));
        Assert.Equal(CoalitionStatus.Forming, coalition.Status);
        coalition.AdoptCharter(Charter(), null, Secretariat, Hours(2));
        coalition.Activate(Secretariat, Hours(3));

        Assert.Equal(2, coalition.CharterVersion);
        Assert.Equal(CoalitionStatus.Active, coalition.Status);
    }

    [Fact]
    public void Once_active_the_charter_changes_only_by_an_adopted_decision_to_amend_it()
    {
        var coalition = ActiveWith();

        Refusal.Expect(coalition, ErrorCodes.Coalitions.DecisionRequired, () => coalition.AdoptCharter(Charter(), null, Secretariat, Hours(1)));
        coalition.AdoptCharter(Charter(), Adopted(MatterType.AmendCharter), Secretariat, Hours(1));

        Assert.Equal(2, coalition.CharterVersion);
    }

    [Fact]
    public void A_stored_goal_without_a_target_or_a_deadline_cannot_be_read()
    {
        // A goal's target and deadline are required (not nullable): a charter whose goal lacks either is not a charter.
        var coalition = Founded();
        coalition.AdoptFoundingCharter(Charter(), Secretariat, Start);
        var adopted = CoalitionsJson.SerializeEvent(coalition.DequeueUncommittedEvents().OfType<CharterAdopted>().Single());

        foreach (var missing in new[] { "\"target\":90", "\"deadline\":\"2030-12-31\"" })
        {
            Assert.Contains(missing, adopted, StringComparison.Ordinal);
            var stored = adopted.Contains(missing + ",", StringComparison.Ordinal)
                ? adopted.Replace(missing + ",", string.Empty, StringComparison.Ordinal)
                : adopted.Replace("," + missing, string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain(missing, stored, StringComparison.Ordinal);
            Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(stored));
        }
    }

    [Fact]
    public void The_founders_adopt_the_first_charter_without_a_decision_and_may_reword_it_until_the_coalition_is_active()
    {
        var coalition = Founded();

        coalition.AdoptFoundingCharter(Charter(), Secretariat, Start);
        coalition.BeginForming(Secretariat, Start);
        coalition.AdoptFoundingCharter(Charter(Goal(target: 95m)), Secretariat, Hours(1));

        Assert.Equal(2, coalition.CharterVersion);
        Assert.Equal(95m, coalition.Charter!.Goals[0].Target);
        Assert.Null(coalition.DequeueUncommittedEvents().OfType<CharterAdopted>().Last().Decision);
    }

    [Fact]
    public void Once_the_coalition_has_been_active_its_founders_no_longer_adopt_its_charter()
    {
        var coalition = ActiveWith(3);

        var error = Refusal.Expect(coalition, ErrorCodes.Coalitions.InvalidTransition, () => coalition.AdoptFoundingCharter(Charter(Goal(target: 95m)), Secretariat, Hours(1)));
        Assert.Contains("changes by a decision", error.Message, StringComparison.Ordinal);
        coalition.AdoptCharter(Charter(Goal(target: 95m)), Adopted(MatterType.AmendCharter), Secretariat, Hours(1));
    }

    [Fact]
    public void Only_a_coordinator_adopts_the_founding_charter()
    {
        var coalition = Founded();

        Refusal.Expect(coalition, ErrorCodes.Coalitions.NotACoordinator, () => coalition.AdoptFoundingCharter(Charter(), For(1), Start));
    }

    [Fact]
    public void A_polls_electorate_is_every_member_active_then_whose_tier_may_vote_with_its_delegates()
    {
        var coalition = ActiveWith(3);
        coalition.Join(4, MembershipTier.Associate);

        var electorate = coalition.PollElectorate(Hours(1));

        Assert.Equal(coalition.ElectorateFor(MatterType.ElectOfficers, Hours(1)).Voters.Select(v => v.Partner), electorate.Voters.Select(v => v.Partner));
        Assert.Equal([Partner(1), Partner(2), Partner(3)], electorate.Voters.Select(v => v.Partner));
        Assert.All(electorate.Voters, v => Assert.False(v.HasVeto));
        Assert.Equal(Person(1), Assert.Single(electorate.Voters[0].Representatives));
    }

    [Fact]
    public void A_goal_without_a_deadline_is_refused()
    {
        var goal = Goal() with { Deadline = default };
        var coalition = Founded();

        var error = Refusal.Expect(coalition, ErrorCodes.Coalitions.GoalWithoutDeadline, () => coalition.AdoptCharter(Charter(goal), null, Secretariat, Start));
        Assert.Contains($"Goal '{goal.Title}' has no deadline.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GoalDirection.Increase, 60)]
    [InlineData(GoalDirection.Decrease, 80)]
    [InlineData(GoalDirection.Maintain, 75)]
    public void A_goals_target_must_move_from_the_baseline_in_its_direction(GoalDirection direction, int target)
    {
        var coalition = Founded();

        Refusal.Expect(coalition, ErrorCodes.Coalitions.GoalNotMeasurable, () => coalition.AdoptCharter(Charter(Goal(target, direction: direction)), null, Secretariat, Start));
    }

    [Fact]
    public void A_charter_states_its_problem_vision_mission_principles_and_goals()
    {
        var coalition = Founded();
        var empty = new Charter("", "", "", [], [], []);

        var error = Refusal.Expect(coalition, ErrorCodes.Coalitions.InvalidCharter, () => coalition.AdoptCharter(empty, null, Secretariat, Start));
        Assert.Equal(5, error.Errors.Count());
    }

    [Fact]
    public void A_coalition_rebuilt_from_its_events_builds_no_state_machine()
    {
        var coalition = ActiveWith(founders: 4);
        var events = coalition.DequeueUncommittedEvents();

        var rebuilt = Coalition.Rehydrate(events);

        Assert.Equal(coalition.Version, rebuilt.Version);
        Assert.Equal(CoalitionStatus.Active, rebuilt.Status);
        Assert.Equal(4, rebuilt.Members.Count);
        var machineField = typeof(Coalition).GetField("_machine", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        Assert.Null(machineField.GetValue(rebuilt));
    }
}
