using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using static Coalitions.Core.Tests.Kit.PartnerScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using PartnerAggregate = global::Coalitions.Core.Partners.Partner;

namespace Coalitions.Core.Tests.Kernel;

/// <summary>Who may act: the words of a refusal naming the actor, the command, the subject and every role that may act, and whether a refusal is about who acts.</summary>
public class AuthorizationTests
{
    private static readonly Permissions<string, int> Table = new("Test", static (_, context, _) => context == 1 ? "Reading Alliance" : null, static (_, context, _) => context == 1 ? "Amina Otieno" : null);
    private static readonly Role<string, int> TheChair = Table.Role("the chair", static (_, by, _) => by.Person == Chair);
    private static readonly Command<string, int> Close = Table.Command("CloseTheRound", ErrorCodes.Kernel.InvalidInput, TheChair, Permissions<string, int>.System);
    private static readonly Command<string, int> Nobody = Table.Command("Dissolve", ErrorCodes.Kernel.InvalidInput, Permissions<string, int>.AnyPerson);

    private static string Refused(Actor by, int context = 0) =>
        Refusal.Of(() => Close.Authorize("aggregate", by, Start, context, "round 2"), ErrorCodes.Kernel.InvalidInput).Message;

    [Fact]
    public void A_refusal_names_the_actor_the_command_the_subject_and_who_may_act()
    {
        Assert.Equal(
            "Person b0000000-0000-0000-0000-000000000001 acting for partner a0000000-0000-0000-0000-000000000001 may not close the round round 2: only the chair or the host system (scheduled work) may.",
            Refused(For(1)));
    }

    [Fact]
    public void A_refusal_names_the_person_and_partner_when_the_aggregate_knows_their_names()
    {
        Assert.Equal("Amina Otieno acting for Reading Alliance may not close the round round 2: only the chair or the host system (scheduled work) may.", Refused(For(1), context: 1));
        Assert.Equal("Amina Otieno may not close the round round 2: only the chair or the host system (scheduled work) may.", Refused(Actor.ForPerson(Person(1)), context: 1));
        Assert.Equal("Person b0000000-0000-0000-0000-000000000001 may not close the round round 2: only the chair or the host system (scheduled work) may.", Refused(Actor.ForPerson(Person(1))));
    }

    [Fact]
    public void A_refused_system_actor_is_named_by_its_process()
    {
        var error = Refusal.Of(() => Nobody.Authorize("aggregate", Actor.System("scheduler"), Start, 0, "the coalition"), ErrorCodes.Kernel.InvalidInput);

        Assert.Equal("The system process 'scheduler' may not dissolve the coalition: only any person may.", error.Message);
        Assert.True(error.IsAuthorizationRefusal);
    }

    [Fact]
    public void Any_one_role_suffices()
    {
        var chair = ChairActor;
        Assert.Same(chair, Close.Authorize("aggregate", chair, Start, 0, "round 2"));
        var system = Actor.System("scheduler");
        Assert.Same(system, Close.Authorize("aggregate", system, Start, 0, "round 2"));
        Assert.Null(Close.Check("aggregate", ChairActor, 0, "round 2"));
        Assert.True(Close.Check("aggregate", For(1), 0, "round 2")!.IsAuthorization);
    }

    [Fact]
    public void The_actor_and_the_instant_are_checked_before_the_roles()
    {
        var nobody = Refusal.Of(() => Close.Authorize("aggregate", null, Start, 0, "round 2"), ErrorCodes.Kernel.ActorRequired);
        var tooLate = Refusal.Of(() => Close.Authorize("aggregate", For(1), Limits.LatestInstant, 0, "round 2"), ErrorCodes.Kernel.OutOfRange);

        Assert.True(nobody.IsAuthorizationRefusal);
        Assert.False(tooLate.IsAuthorizationRefusal);
        Assert.DoesNotContain(ErrorCodes.Kernel.InvalidInput, tooLate.Codes);
    }

    [Fact]
    public void A_partner_refuses_an_outsider_in_words_naming_its_representatives()
    {
        var partner = PartnerAggregate.Register(Partner(1), Profile(name: "Rural Schools Trust"), Rep(1), For(1), Start);

        var error = Refusal.Expect(partner, ErrorCodes.Partners.NotARepresentative, () => partner.UpdateProfile(Profile(), Actor.System("import"), Start));

        Assert.Equal("The system process 'import' may not update profile Rural Schools Trust: only a representative the partner has named, acting for it may.", error.Message);
        Assert.True(error.IsAuthorizationRefusal);
    }

    [Fact]
    public void The_matrix_lists_each_command_with_its_roles_and_refusal_code_by_aggregate()
    {
        var partner = Authorization.Matrix.Where(c => c.Aggregate == "Partner").ToArray();

        Assert.Equal(["Register", "UpdateProfile", "AddRepresentative", "RemoveRepresentative"], partner.Select(c => c.Command));
        Assert.Equal(["a representative the partner has named, acting for it"], partner[1].WhoMayAct);
        Assert.Equal(ErrorCodes.Partners.NotARepresentative, partner[1].RefusedWith);
        Assert.DoesNotContain(Authorization.Matrix, c => c.Aggregate == "Test");
        var aggregates = Authorization.Matrix.Select(c => c.Aggregate).Distinct().ToArray();
        Assert.Equal(aggregates.Order(StringComparer.Ordinal), aggregates);
    }

    [Fact]
    public void A_refusal_is_about_who_acts_only_when_every_failure_is()
    {
        var unauthorized = Close.Check("aggregate", For(1), 0, "round 2")!;
        var broken = new RuleFailure(ErrorCodes.Kernel.OutOfRange, "Too late.");

        Assert.True(new CoalitionRuleException([unauthorized, unauthorized]).IsAuthorizationRefusal);
        Assert.False(new CoalitionRuleException([unauthorized, broken]).IsAuthorizationRefusal);
        Assert.False(new CoalitionRuleException([broken]).IsAuthorizationRefusal);
        Assert.False(broken.IsAuthorization);
    }

    [Fact]
    public void The_builtin_roles_tell_persons_from_the_system()
    {
        Assert.True(Permissions<string, int>.AnyPerson.IsHeldBy("a", For(1), 0));
        Assert.False(Permissions<string, int>.AnyPerson.IsHeldBy("a", Actor.System("scheduler"), 0));
        Assert.True(Permissions<string, int>.System.IsHeldBy("a", Actor.System("scheduler"), 0));
        Assert.False(Permissions<string, int>.System.IsHeldBy("a", For(1), 0));
        Assert.Equal("any person", Permissions<string, int>.AnyPerson.Description);
    }
}
