using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Partners;
using Coalitions.Core.Tests.Kit;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Coalitions;

/// <summary>Who may take each step of a coalition, and how admission follows the rule book.</summary>
public class CoalitionAuthorizationTests
{
    private static readonly Actor Outsider = Actor.ForPerson(Person(9));

    public static TheoryData<string> LifecycleSteps() => ["BeginForming", "AdoptCharter", "Activate", "GoDormant", "Institutionalize", "BeginCharterRenewal", "BeginDissolution", "CompleteDissolution"];

    [Theory]
    [MemberData(nameof(LifecycleSteps))]
    public void An_outsider_a_member_or_the_system_cannot_take_a_lifecycle_step(string step)
    {
        foreach (var actor in new[] { Outsider, For(1), Actor.System("scheduler") })
        {
            var coalition = step is "BeginForming" or "AdoptCharter" ? Founded() : ActiveWith();

            Refusal.Expect(coalition, ErrorCodes.Coalitions.NotACoordinator, () => Take(coalition, step, actor));
        }
    }

    [Fact]
    public void An_outsider_cannot_invite_members_or_suspend_reinstate_or_expel_them()
    {
        var coalition = ActiveWith();
        coalition.Suspend(Partner(2), Adopted(MatterType.SuspendMember), Secretariat, Hours(1));

        Refusal.Expect(coalition, ErrorCodes.Coalitions.NotACoordinator, () => coalition.Invite(Offer(5), Member(5), OpenDoor, null, Outsider, Hours(2)));
        Refusal.Expect(coalition, ErrorCodes.Coalitions.NotACoordinator, () => coalition.Invite(Offer(5), Member(5), OpenDoor, null, For(1), Hours(2)));
        Refusal.Expect(coalition, ErrorCodes.Coalitions.NotACoordinator, () => coalition.Suspend(Partner(3), Adopted(MatterType.SuspendMember), For(1), Hours(2)));
        Refusal.Expect(coalition, ErrorCodes.Coalitions.NotACoordinator, () => coalition.Reinstate(Partner(2), null, For(2), Hours(2)));
        Refusal.Expect(coalition, ErrorCodes.Coalitions.NotACoordinator, () => coalition.Expel(Partner(3), Adopted(MatterType.ExpelMember), Outsider, Hours(2)));
    }

    [Fact]
    public void Only_a_coordinator_or_the_scheduler_renews_a_membership()
    {
        var coalition = ActiveWith();

        Refusal.Expect(coalition, ErrorCodes.Coalitions.NotACoordinator, () => coalition.Renew(Partner(1), For(1), Hours(1)));
        coalition.Renew(Partner(1), Actor.System("renewals"), Hours(1));

        Assert.True(coalition.TryGetMembership(Partner(1), out var membership));
        Assert.Equal(new NodaTime.LocalDate(2028, 3, 1), membership.TermEndsOn);
    }

    [Fact]
    public void A_delegate_acts_for_its_member_only_when_acting_in_its_name()
    {
        var coalition = ActiveWith();
        coalition.Invite(5, MembershipTier.Full, Hours(1));

        Refusal.Expect(coalition, ErrorCodes.Membership.NotADelegate, () => coalition.AcceptMembership(Partner(5), Actor.ForPerson(Person(5)), Hours(2)));
        Refusal.Expect(coalition, ErrorCodes.Membership.NotADelegate, () => coalition.AcceptMembership(Partner(5), Actor.Representing(Person(5), Partner(6)), Hours(2)));
        Refusal.Expect(coalition, ErrorCodes.Membership.NotADelegate, () => coalition.DeclineInvitation(Partner(5), null, Secretariat, Hours(2)));
        Refusal.Expect(coalition, ErrorCodes.Membership.NotADelegate, () => coalition.Withdraw(Partner(1), null, Secretariat, Hours(2)));
    }

    [Fact]
    public void A_command_without_an_actor_or_with_an_ill_formed_one_is_refused_with_a_code()
    {
        var coalition = ActiveWith();

        Refusal.Expect(coalition, ErrorCodes.Kernel.ActorRequired, () => coalition.GoDormant(null, null!, Hours(1)));
        Refusal.Expect(coalition, ErrorCodes.Kernel.ActorRequired, () => coalition.AcceptMembership(Partner(1), null!, Hours(1)));
        Assert.Equal(ErrorCodes.Kernel.ActorRequired, Assert.Throws<CoalitionRuleException>(() =>
            Coalition.Found(TheCoalition, "Learning for All", CoalitionForm.Coalition, "Africa/Nairobi", Convenor, null!, Start)).Code);
    }

    [Fact]
    public void Founding_members_are_invited_without_a_rule_book_while_the_coalition_is_being_founded()
    {
        var coalition = Founded();

        coalition.Invite(Offer(1, MembershipTier.Founding), Member(1), null, null, Secretariat, Start);

        Assert.True(coalition.TryGetMembership(Partner(1), out var membership));
        Assert.Equal("Member 1", membership.Name);
    }

    [Fact]
    public void Past_founding_an_invitation_consults_the_rule_book_and_a_host_that_omits_it_is_refused()
    {
        var coalition = ActiveWith();

        Refusal.Expect(coalition, ErrorCodes.Coalitions.RuleBookRequired, () => coalition.Invite(Offer(5), Member(5), null, null, Secretariat, Hours(1)));
    }

    [Fact]
    public void Where_the_rule_book_names_a_rule_for_admission_an_invitation_cites_an_adopted_decision_to_admit()
    {
        var coalition = ActiveWith();

        Refusal.Expect(coalition, ErrorCodes.Coalitions.DecisionRequired, () => coalition.Invite(Offer(5), Member(5), AdmissionByDecision, null, Secretariat, Hours(1)));
        Refusal.Expect(coalition, ErrorCodes.Coalitions.DecisionRequired, () => coalition.Invite(Offer(5), Member(5), AdmissionByDecision, Adopted(MatterType.SuspendMember), Secretariat, Hours(1)));
        Refusal.Expect(coalition, ErrorCodes.Coalitions.DecisionRequired, () => coalition.Invite(Offer(5), Member(5), AdmissionByDecision, Adopted(MatterType.AdmitMember, result: DecisionResult.Rejected), Secretariat, Hours(1)));
        coalition.Invite(Offer(5), Member(5), AdmissionByDecision, Adopted(MatterType.AdmitMember), Secretariat, Hours(1));

        Assert.True(coalition.TryGetMembership(Partner(5), out _));
    }

    [Fact]
    public void A_governance_whose_rule_book_gives_admission_to_a_body_requires_its_decision()
    {
        var coalition = ActiveWith();
        var governance = GovernanceScenario.With(GovernanceTemplates.AdvocacyCoalition(), coalition);

        Assert.True(governance.NamesRuleFor(MatterType.AdmitMember));
        Refusal.Expect(coalition, ErrorCodes.Coalitions.DecisionRequired, () => coalition.Invite(Offer(5), Member(5), governance, null, Secretariat, Hours(1)));
        coalition.Invite(Offer(5), Member(5), governance, Adopted(MatterType.AdmitMember), Secretariat, Hours(1));
    }

    [Fact]
    public void The_rule_book_of_another_coalition_is_refused()
    {
        var coalition = ActiveWith();

        Refusal.Expect(coalition, ErrorCodes.Coalitions.OtherCoalition, () => coalition.Invite(Offer(5), Member(5), new RuleBookOf(CoalitionId.New()), null, Secretariat, Hours(1)));
    }

    [Fact]
    public void A_cited_decision_was_taken_before_the_change_it_authorizes()
    {
        var coalition = ActiveWith();
        var later = Adopted(MatterType.Dissolve) with { DecidedAt = Hours(5) };

        Refusal.Expect(coalition, ErrorCodes.Coalitions.DecisionRequired, () => coalition.BeginDissolution(later, Secretariat, Hours(1)));
        Refusal.Expect(coalition, ErrorCodes.Kernel.EmptyId, () => coalition.BeginDissolution(Adopted(MatterType.Dissolve) with { Proposal = default }, Secretariat, Hours(1)));
    }

    [Fact]
    public void A_reinstatement_that_cites_a_decision_cites_one_of_this_coalition_on_suspension()
    {
        var coalition = ActiveWith();
        coalition.Suspend(Partner(2), Adopted(MatterType.SuspendMember), Secretariat, Hours(1));

        Refusal.Expect(coalition, ErrorCodes.Coalitions.DecisionRequired, () => coalition.Reinstate(Partner(2), Adopted(MatterType.SuspendMember, CoalitionId.New()), Secretariat, Hours(2)));
        coalition.Reinstate(Partner(2), Adopted(MatterType.SuspendMember), Secretariat, Hours(2));
    }

    private static void Take(Coalition coalition, string step, Actor actor)
    {
        switch (step)
        {
            case "BeginForming": coalition.BeginForming(actor, Hours(1)); break;
            case "AdoptCharter": coalition.AdoptCharter(Charter(), null, actor, Hours(1)); break;
            case "Activate": coalition.Activate(actor, Hours(1)); break;
            case "GoDormant": coalition.GoDormant(null, actor, Hours(1)); break;
            case "Institutionalize": coalition.Institutionalize(actor, Hours(1)); break;
            case "BeginCharterRenewal": coalition.BeginCharterRenewal(Adopted(MatterType.AmendCharter), actor, Hours(1)); break;
            case "BeginDissolution": coalition.BeginDissolution(Adopted(MatterType.Dissolve), actor, Hours(1)); break;
            default: coalition.CompleteDissolution(actor, Hours(1)); break;
        }
    }
}

/// <summary>A membership's delegates are people the partner has named as its representatives.</summary>
public class DelegateTests
{
    private static PartnerSnapshot TwoRepresentatives => new(Partner(5), PartnerScenario.Profile("Member 5"), [Person(5), Person(50)]);

    [Fact]
    public void A_delegate_the_partner_never_named_is_refused()
    {
        var coalition = ActiveWith();

        var error = Refusal.Expect(coalition, ErrorCodes.Membership.DelegateNotARepresentative, () =>
            coalition.Invite(new MembershipOffer(Partner(5), MembershipTier.Full, [Person(9)]), Member(5), OpenDoor, null, Secretariat, Hours(1)));
        Assert.Contains("Member 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_offer_is_made_to_the_partner_whose_record_is_given()
    {
        var coalition = ActiveWith();

        Refusal.Expect(coalition, ErrorCodes.Membership.InvalidOffer, () => coalition.Invite(Offer(5), Member(6), OpenDoor, null, Secretariat, Hours(1)));
    }

    [Fact]
    public void A_partners_representative_names_other_delegates_and_the_old_ones_no_longer_act_for_it()
    {
        var coalition = ActiveWith();
        coalition.Invite(new MembershipOffer(Partner(5), MembershipTier.Full, [Person(5)]), TwoRepresentatives, OpenDoor, null, Secretariat, Hours(1));
        coalition.AcceptMembership(Partner(5), For(5), Hours(1));

        coalition.UpdateDelegates(TwoRepresentatives, [Person(50)], Actor.Representing(Person(50), Partner(5)), Hours(2));

        Refusal.Expect(coalition, ErrorCodes.Membership.NotADelegate, () => coalition.Withdraw(Partner(5), null, For(5), Hours(3)));
        coalition.Withdraw(Partner(5), null, Actor.Representing(Person(50), Partner(5)), Hours(3));
    }

    [Fact]
    public void Only_the_partners_own_representative_changes_its_delegates()
    {
        var coalition = ActiveWith();
        coalition.Invite(new MembershipOffer(Partner(5), MembershipTier.Full, [Person(5)]), TwoRepresentatives, OpenDoor, null, Secretariat, Hours(1));

        Refusal.Expect(coalition, ErrorCodes.Membership.NotARepresentative, () => coalition.UpdateDelegates(TwoRepresentatives, [Person(50)], Secretariat, Hours(2)));
        Refusal.Expect(coalition, ErrorCodes.Membership.NotARepresentative, () => coalition.UpdateDelegates(TwoRepresentatives, [Person(50)], Actor.Representing(Person(9), Partner(5)), Hours(2)));
        Refusal.Expect(coalition, ErrorCodes.Membership.NotARepresentative, () => coalition.UpdateDelegates(TwoRepresentatives, [Person(50)], Actor.ForPerson(Person(5)), Hours(2)));
    }

    [Fact]
    public void New_delegates_are_representatives_too_one_to_ten_and_each_once()
    {
        var coalition = ActiveWith();
        coalition.Invite(new MembershipOffer(Partner(5), MembershipTier.Full, [Person(5)]), TwoRepresentatives, OpenDoor, null, Secretariat, Hours(1));

        Refusal.Expect(coalition, ErrorCodes.Membership.DelegateNotARepresentative, () => coalition.UpdateDelegates(TwoRepresentatives, [Person(9)], For(5), Hours(2)));
        Refusal.Expect(coalition, ErrorCodes.Membership.InvalidOffer, () => coalition.UpdateDelegates(TwoRepresentatives, [], For(5), Hours(2)));
        Refusal.Expect(coalition, ErrorCodes.Membership.InvalidOffer, () => coalition.UpdateDelegates(TwoRepresentatives, [Person(5), Person(5)], For(5), Hours(2)));
        Refusal.Expect(coalition, ErrorCodes.Membership.InvalidOffer, () => coalition.UpdateDelegates(TwoRepresentatives, [default], For(5), Hours(2)));
    }

    [Fact]
    public void A_member_that_has_left_names_no_delegates()
    {
        var coalition = ActiveWith();
        coalition.Expel(Partner(3), Adopted(MatterType.ExpelMember), Secretariat, Hours(1));

        Refusal.Expect(coalition, ErrorCodes.Membership.InvalidTransition, () => coalition.UpdateDelegates(Member(3), [Person(3)], For(3), Hours(2)));
    }

    [Fact]
    public void The_electorate_names_each_member_by_the_name_it_was_invited_under()
    {
        var coalition = ActiveWith();

        var electorate = coalition.ElectorateFor(MatterType.AdoptPolicyPosition, Hours(1));

        Assert.Equal(["Member 1", "Member 2", "Member 3"], electorate.Voters.Select(v => v.DisplayName));
    }
}
