using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Tests.Kit;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Coalitions;

/// <summary>Who administers a coalition: its coordinators, the founder first.</summary>
public class CoordinatorTests
{
    private static readonly Coordinator Deputy = new(Person(801), "Baraka Mwangi");
    private static readonly Actor AsDeputy = Actor.ForPerson(Person(801));

    [Fact]
    public void The_person_who_founds_a_coalition_is_its_first_coordinator()
    {
        var coalition = Founded();

        Assert.True(coalition.IsCoordinator(Person(800)));
        Assert.Equal([Convenor], coalition.Coordinators);
        Assert.True(coalition.IsFounding);
    }

    [Fact]
    public void Only_the_founder_founds_a_coalition_in_their_own_name()
    {
        var error = Assert.Throws<CoalitionRuleException>(() =>
            Coalition.Found(TheCoalition, "Learning for All", CoalitionForm.Coalition, "Africa/Nairobi", Convenor, For(1), Start));

        Assert.Equal(ErrorCodes.Coalitions.NotACoordinator, error.Code);
    }

    [Fact]
    public void Coordinators_appoint_one_another_while_the_coalition_is_being_founded()
    {
        var coalition = Founded();

        coalition.AppointCoordinator(Deputy, null, Secretariat, Hours(1));
        coalition.BeginForming(AsDeputy, Hours(2));

        Assert.Equal([Convenor, Deputy], coalition.Coordinators);
        Assert.Equal(CoalitionStatus.Forming, coalition.Status);
    }

    [Fact]
    public void Once_active_a_coordinator_is_appointed_by_an_adopted_decision_to_elect_officers()
    {
        var coalition = ActiveWith();

        Refusal.Expect(coalition, ErrorCodes.Coalitions.DecisionRequired, () => coalition.AppointCoordinator(Deputy, null, Secretariat, Hours(1)));
        Refusal.Expect(coalition, ErrorCodes.Coalitions.DecisionRequired, () => coalition.AppointCoordinator(Deputy, Adopted(MatterType.AdmitMember), Secretariat, Hours(1)));
        coalition.AppointCoordinator(Deputy, Adopted(MatterType.ElectOfficers), Secretariat, Hours(1));

        Assert.False(coalition.IsFounding);
        Assert.True(coalition.IsCoordinator(Person(801)));
    }

    [Fact]
    public void Renewing_the_charter_does_not_reopen_the_founders_freedom_to_appoint_coordinators()
    {
        var coalition = ActiveWith();
        coalition.BeginCharterRenewal(Adopted(MatterType.AmendCharter), Secretariat, Hours(1));

        Assert.Equal(CoalitionStatus.Forming, coalition.Status);
        Refusal.Expect(coalition, ErrorCodes.Coalitions.DecisionRequired, () => coalition.AppointCoordinator(Deputy, null, Secretariat, Hours(2)));
    }

    [Fact]
    public void A_coordinator_may_step_down_without_a_decision_but_removing_another_takes_one()
    {
        var coalition = ActiveWith();
        coalition.AppointCoordinator(Deputy, Adopted(MatterType.ElectOfficers), Secretariat, Hours(1));

        Refusal.Expect(coalition, ErrorCodes.Coalitions.DecisionRequired, () => coalition.RemoveCoordinator(Person(801), null, Secretariat, Hours(2)));
        coalition.RemoveCoordinator(Person(801), null, AsDeputy, Hours(2));

        Assert.Equal([Convenor], coalition.Coordinators);
    }

    [Fact]
    public void A_coalition_keeps_its_last_coordinator()
    {
        var coalition = Founded();

        var error = Refusal.Expect(coalition, ErrorCodes.Coalitions.LastCoordinator, () => coalition.RemoveCoordinator(Person(800), null, Secretariat, Hours(1)));
        Assert.Contains("Wanjiru Kamau is the last coordinator of Learning for All", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_person_is_a_coordinator_once_and_only_a_coordinator_is_removed()
    {
        var coalition = Founded();

        Refusal.Expect(coalition, ErrorCodes.Coalitions.AlreadyACoordinator, () => coalition.AppointCoordinator(Convenor with { Name = "W. Kamau" }, null, Secretariat, Hours(1)));
        Refusal.Expect(coalition, ErrorCodes.Coalitions.UnknownCoordinator, () => coalition.RemoveCoordinator(Person(801), null, Secretariat, Hours(1)));
    }

    [Fact]
    public void An_outsider_or_a_member_cannot_appoint_or_remove_coordinators()
    {
        var coalition = ActiveWith();

        Refusal.Expect(coalition, ErrorCodes.Coalitions.NotACoordinator, () => coalition.AppointCoordinator(new Coordinator(Person(9), "An outsider"), Adopted(MatterType.ElectOfficers), Actor.ForPerson(Person(9)), Hours(1)));
        Refusal.Expect(coalition, ErrorCodes.Coalitions.NotACoordinator, () => coalition.AppointCoordinator(new Coordinator(Person(1), "A delegate"), Adopted(MatterType.ElectOfficers), For(1), Hours(1)));
        Refusal.Expect(coalition, ErrorCodes.Coalitions.NotACoordinator, () => coalition.RemoveCoordinator(Person(800), Adopted(MatterType.ElectOfficers), For(1), Hours(1)));
    }

    [Fact]
    public void A_coordinator_has_a_person_and_a_one_line_name()
    {
        var coalition = Founded();

        Assert.Equal(ErrorCodes.Kernel.EmptyId, Assert.Throws<CoalitionRuleException>(() => new Coordinator(default, "Nobody")).Code);
        Assert.Equal(ErrorCodes.Coalitions.InvalidCoordinator, Assert.Throws<CoalitionRuleException>(() => new Coordinator(Person(801), "Baraka\nMwangi")).Code);
        Refusal.Expect(coalition, ErrorCodes.Coalitions.InvalidCoordinator, () => coalition.AppointCoordinator(Deputy with { Name = " " }, null, Secretariat, Hours(1)));
        Refusal.Expect(coalition, ErrorCodes.Kernel.EmptyId, () => coalition.AppointCoordinator(Deputy with { Person = default }, null, Secretariat, Hours(1)));
    }
}
