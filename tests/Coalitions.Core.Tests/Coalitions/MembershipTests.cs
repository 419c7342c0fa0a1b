using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Coalitions;

public class MembershipTests
{
    [Fact]
    public void Only_the_invited_partners_own_delegate_accepts_its_membership()
    {
        var coalition = ActiveWith();
        coalition.Invite(5, MembershipTier.Full, Hours(1));

        Refusal.Expect(coalition, ErrorCodes.Membership.NotADelegate, () => coalition.AcceptMembership(Partner(5), For(4), Hours(2)));
        coalition.AcceptMembership(Partner(5), For(5), Hours(2));

        Assert.True(coalition.TryGetMembership(Partner(5), out var membership));
        Assert.Equal(MembershipStatus.Active, membership.RecordedStatus);
    }

    [Fact]
    public void A_partner_holds_one_membership_of_a_coalition()
    {
        var coalition = ActiveWith();

        Refusal.Expect(coalition, ErrorCodes.Membership.AlreadyAMember, () => coalition.Invite(1, MembershipTier.Full, Hours(1)));
    }

    [Fact]
    public void An_offer_needs_a_delegate_and_a_weight_of_zero_or_more()
    {
        var coalition = ActiveWith();

        Refusal.Expect(coalition, ErrorCodes.Membership.InvalidOffer, () => coalition.Invite(new MembershipOffer(Partner(5), MembershipTier.Full, []), Member(5), OpenDoor, null, Secretariat, Hours(1)));
        Refusal.Expect(coalition, ErrorCodes.Membership.InvalidOffer, () => coalition.Invite(new MembershipOffer(Partner(5), MembershipTier.Full, [Person(5)], -1), Member(5), OpenDoor, null, Secretariat, Hours(1)));
    }

    [Fact]
    public void A_declined_invitation_leaves_the_door_open_but_an_expelled_member_cannot_simply_be_invited_again()
    {
        var coalition = ActiveWith();
        coalition.Invite(5, MembershipTier.Full, Hours(1));
        coalition.DeclineInvitation(Partner(5), "Not this year.", For(5), Hours(2));
        coalition.Invite(5, MembershipTier.Full, Hours(3));
        coalition.Expel(Partner(2), Adopted(MatterType.ExpelMember), Secretariat, Hours(4));

        Refusal.Expect(coalition, ErrorCodes.Membership.AlreadyAMember, () => coalition.Invite(2, MembershipTier.Full, Hours(5)));
    }

    [Fact]
    public void Suspension_cites_an_adopted_decision_of_this_coalition_to_suspend()
    {
        var coalition = ActiveWith();

        Refusal.Expect(coalition, ErrorCodes.Coalitions.DecisionRequired, () => coalition.Suspend(Partner(2), Adopted(MatterType.ExpelMember), Secretariat, Hours(1)));
        Refusal.Expect(coalition, ErrorCodes.Coalitions.DecisionRequired, () => coalition.Suspend(Partner(2), Adopted(MatterType.SuspendMember, result: DecisionResult.NoQuorum), Secretariat, Hours(1)));
        coalition.Suspend(Partner(2), Adopted(MatterType.SuspendMember), Secretariat, Hours(1));

        Assert.True(coalition.TryGetMembership(Partner(2), out var membership));
        Assert.Equal(MembershipStatus.Suspended, membership.RecordedStatus);
        Assert.Equal(MatterType.SuspendMember, membership.Decision!.Matter);
    }

    [Fact]
    public void A_suspended_member_cannot_vote_propose_or_hold_office()
    {
        var coalition = ActiveWith();
        coalition.Suspend(Partner(2), Adopted(MatterType.SuspendMember), Secretariat, Hours(1));

        Assert.DoesNotContain(Partner(2), coalition.ElectorateFor(MatterType.AdoptPolicyPosition, Hours(2)).Voters.Select(v => v.Partner));
        foreach (var right in new[] { MemberRights.Vote, MemberRights.Propose, MemberRights.HoldOffice })
        {
            var check = coalition.CheckRight(Partner(2), right, Hours(2));
            Assert.Equal(ErrorCodes.Membership.RightNotHeld, Assert.Single(check.Failures).Code);
        }
    }

    [Fact]
    public void A_reinstated_member_regains_its_rights()
    {
        var coalition = ActiveWith();
        coalition.Suspend(Partner(2), Adopted(MatterType.SuspendMember), Secretariat, Hours(1));

        coalition.Reinstate(Partner(2), null, Secretariat, Hours(2));

        Assert.True(coalition.CheckRight(Partner(2), MemberRights.Vote, Hours(3)).IsAllowed);
    }

    [Fact]
    public void Only_a_suspended_member_can_be_reinstated()
    {
        var coalition = ActiveWith();

        Refusal.Expect(coalition, ErrorCodes.Membership.InvalidTransition, () => coalition.Reinstate(Partner(2), null, Secretariat, Hours(1)));
    }

    [Fact]
    public void A_membership_is_new_then_current_then_in_grace_then_lapsed()
    {
        var coalition = ActiveWith();
        Assert.True(coalition.TryGetMembership(Partner(1), out var membership));

        Assert.Equal(new LocalDate(2027, 3, 1), membership.TermEndsOn);
        Assert.Equal(MembershipStanding.New, membership.StandingOn(new LocalDate(2026, 4, 1)));
        Assert.Equal(MembershipStanding.Current, membership.StandingOn(new LocalDate(2027, 3, 1)));
        Assert.Equal(MembershipStanding.InGrace, membership.StandingOn(new LocalDate(2027, 6, 1)));
        Assert.Equal(MembershipStatus.Active, membership.StatusOn(new LocalDate(2027, 6, 1)));
        Assert.Equal(MembershipStanding.Expired, membership.StandingOn(new LocalDate(2027, 6, 2)));
        Assert.Equal(MembershipStatus.Lapsed, membership.StatusOn(new LocalDate(2027, 6, 2)));
    }

    [Fact]
    public void A_lapsed_member_has_no_vote()
    {
        var coalition = ActiveWith();

        var electorate = coalition.ElectorateFor(MatterType.AdoptPolicyPosition, OnDate(2027, 6, 2));

        Assert.Empty(electorate.Voters);
        Assert.Equal(ErrorCodes.Membership.RightNotHeld, coalition.CheckRight(Partner(1), MemberRights.Propose, OnDate(2027, 6, 2)).Failures[0].Code);
    }

    [Fact]
    public void A_renewal_in_the_grace_period_continues_from_the_old_term()
    {
        var coalition = ActiveWith();

        coalition.Renew(Partner(1), Secretariat, OnDate(2027, 4, 15));

        Assert.True(coalition.TryGetMembership(Partner(1), out var membership));
        Assert.Equal(new LocalDate(2028, 3, 1), membership.TermEndsOn);
    }

    [Fact]
    public void A_lapsed_membership_renewed_starts_a_new_term_that_day()
    {
        var coalition = ActiveWith();

        coalition.Renew(Partner(1), Secretariat, OnDate(2027, 9, 1));

        Assert.True(coalition.TryGetMembership(Partner(1), out var membership));
        Assert.Equal(new LocalDate(2028, 8, 31), membership.TermEndsOn);
        Assert.Equal(MembershipStatus.Active, membership.StatusOn(new LocalDate(2027, 9, 1)));
    }

    [Fact]
    public void A_withdrawn_member_cannot_be_suspended()
    {
        var coalition = ActiveWith();
        coalition.Withdraw(Partner(3), "Mandate ended.", For(3), Hours(1));

        Refusal.Expect(coalition, ErrorCodes.Membership.InvalidTransition, () => coalition.Suspend(Partner(3), Adopted(MatterType.SuspendMember), Secretariat, Hours(2)));
    }

    [Fact]
    public void Only_its_delegate_withdraws_a_member()
    {
        var coalition = ActiveWith();

        Refusal.Expect(coalition, ErrorCodes.Membership.NotADelegate, () => coalition.Withdraw(Partner(3), null, For(2), Hours(1)));
    }

    [Fact]
    public void The_electorate_gives_voters_their_weight_and_delegates_and_leaves_out_tiers_without_a_vote()
    {
        var coalition = ActiveWith();
        coalition.Join(4, MembershipTier.Full, Hours(1), weight: 3);
        coalition.Join(5, MembershipTier.Observer, Hours(1));
        coalition.Join(6, MembershipTier.Associate, Hours(1));

        var electorate = coalition.ElectorateFor(MatterType.AdoptPolicyPosition, Hours(2), p => p == Partner(4) ? "Girls Learn" : null);

        Assert.Equal([Partner(1), Partner(2), Partner(3), Partner(4)], electorate.Voters.Select(v => v.Partner));
        Assert.True(electorate.TryGetVoter(Partner(4), out var voter));
        Assert.Equal(3, voter.Weight);
        Assert.Equal("Girls Learn", voter.Name);
        Assert.Equal([Person(4)], voter.Representatives);
        Assert.All(electorate.Voters, v => Assert.False(v.HasVeto));
    }

    [Fact]
    public void Founding_members_hold_a_veto_on_charter_amendments_only()
    {
        var coalition = ActiveWith();
        coalition.Join(4, MembershipTier.Full, Hours(1));

        var electorate = coalition.ElectorateFor(MatterType.AmendCharter, Hours(2));

        Assert.Equal([true, true, true, false], electorate.Voters.Select(v => v.HasVeto));
    }

    [Fact]
    public void A_member_of_another_coalition_is_not_a_member_here()
    {
        var coalition = ActiveWith();

        Assert.Equal(ErrorCodes.Membership.NotAMember, coalition.CheckRight(Partner(9), MemberRights.Vote, Hours(1)).Failures[0].Code);
        Refusal.Expect(coalition, ErrorCodes.Membership.NotAMember, () => coalition.Renew(Partner(9), Secretariat, Hours(1)));
    }
}
