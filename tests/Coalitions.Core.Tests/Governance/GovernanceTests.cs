using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Partners;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.GovernanceScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using GovernanceAggregate = global::Coalitions.Core.Governance.CoalitionGovernance;

namespace Coalitions.Core.Tests.Governance;

public class GovernanceTemplateTests
{
    public static TheoryData<string> TemplateNames() => [.. GovernanceTemplates.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Every_template_is_a_complete_valid_rule_book(string name)
    {
        var template = GovernanceTemplates.All.Single(t => t.Name == name);

        var governance = With(template);

        var expected = Enum.GetValues<MatterType>().Where(m => m != MatterType.Custom).Order();
        Assert.Equal(expected, governance.Rules.Keys.Order());
        Assert.All(governance.Rules, rule => Assert.Contains(rule.Key, governance.Bodies.Single(b => b.Key == rule.Value.DecidingBody).Mandate));
    }

    [Fact]
    public void A_rule_book_line_must_name_a_body_whose_mandate_includes_the_matter()
    {
        var template = GovernanceTemplates.AdvocacyCoalition();
        var wrong = template with { Rules = [.. template.Rules, new RuleBookLine(MatterType.Custom, new RuleBookEntry("secretariat", DecisionRule.SimpleMajority()))] };
        var missing = template with { Rules = [new RuleBookLine(MatterType.AdmitMember, new RuleBookEntry("board", DecisionRule.SimpleMajority()))] };

        Assert.Equal(ErrorCodes.Governance.NotInMandate, Assert.Throws<CoalitionRuleException>(() => With(wrong)).Code);
        Assert.Equal(ErrorCodes.Governance.UnknownBody, Assert.Throws<CoalitionRuleException>(() => With(missing)).Code);
    }

    [Fact]
    public void A_body_cannot_reserve_more_seats_than_it_has()
    {
        var template = GovernanceTemplates.LooseNetwork();
        var body = template.Bodies[0] with { Key = "council", Seats = 1, Reservations = [new SeatReservation(Sector.Media), new SeatReservation(Sector.Ngo)] };

        var error = Assert.Throws<CoalitionRuleException>(() => With(template with { Bodies = [.. template.Bodies, body] }));

        Assert.Equal(ErrorCodes.Governance.InvalidBody, error.Code);
    }

    [Fact]
    public void Changing_the_rule_book_is_a_charter_matter()
    {
        var coalition = Founded();
        var governance = With(GovernanceTemplates.AdvocacyCoalition(), coalition);
        var entry = new RuleBookEntry("general-assembly", DecisionRule.TwoThirdsMajority());

        Refusal.Expect(governance, ErrorCodes.Coalitions.DecisionRequired, () => governance.SetRule(MatterType.ApproveBudget, entry, Adopted(MatterType.ApproveBudget), coalition, Secretariat, Hours(1)));
        governance.SetRule(MatterType.ApproveBudget, entry, Adopted(MatterType.AmendCharter), coalition, Secretariat, Hours(1));

        Assert.Equal(DecisionMethod.MajorityVote, governance.Rules[MatterType.ApproveBudget].Rule.Method);
        Refusal.Expect(governance, ErrorCodes.Governance.NotInMandate, () => governance.SetRule(MatterType.ApproveBudget, entry with { DecidingBody = "secretariat" }, Adopted(MatterType.AmendCharter), coalition, Secretariat, Hours(2)));
    }

    [Fact]
    public void A_body_can_be_added_by_a_charter_amendment()
    {
        var coalition = Founded();
        var governance = With(GovernanceTemplates.AdvocacyCoalition(), coalition);
        var group = new BodyDefinition("reading-group", "Reading working group", BodyKind.WorkingGroup, [], 5, [], [Office.Facilitator], Period.FromYears(1), Topic: "Every child reads by age ten");

        governance.EstablishBody(group, Adopted(MatterType.AmendCharter), coalition, Secretariat, Hours(1));

        Assert.Contains(governance.Bodies, b => b.Key == "reading-group");
        Refusal.Expect(governance, ErrorCodes.Governance.InvalidBody, () => governance.EstablishBody(group, Adopted(MatterType.AmendCharter), coalition, Secretariat, Hours(2)));
    }

    [Fact]
    public void A_body_meets_at_its_cadence_convened_by_its_office()
    {
        var governance = With(GovernanceTemplates.AdvocacyCoalition());

        Assert.Equal(new NextMeetingDate(Day(2026, 4, 2), Office.Chair), governance.NextMeeting("steering-committee", Day(2026, 3, 2)));
        Assert.Null(governance.NextMeeting("secretariat", Day(2026, 3, 2)));
    }
}

public class SeatTests
{
    private const string Steering = "steering-committee";

    [Fact]
    public void A_seat_is_held_for_a_term_from_its_first_day()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition());

        var holding = governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1));

        Assert.Equal(Day(2028, 3, 1), holding.To);
        Assert.Equal(SeatState.Held, governance.Seat(Steering, 1, coalition, Day(2026, 3, 2)).State);
        Assert.Equal(SeatState.Vacant, governance.Seat(Steering, 1, coalition, Day(2028, 3, 2)).State);
    }

    [Fact]
    public void Only_a_member_who_may_hold_office_takes_a_seat()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition());

        Refusal.Expect(governance, ErrorCodes.Governance.NotEligible, () => governance.Appoint(Steering, 1, Candidate(8), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1)));
        Refusal.Expect(governance, ErrorCodes.Governance.NotEligible, () => governance.Appoint(Steering, 1, Candidate(9), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1)));
        coalition.Suspend(Partner(5), Adopted(MatterType.SuspendMember), Secretariat, Hours(1));
        Refusal.Expect(governance, ErrorCodes.Governance.NotEligible, () => governance.Appoint(Steering, 1, Candidate(5), coalition, Day(2026, 3, 2), false, Secretariat, Hours(2)));
    }

    [Fact]
    public void A_held_seat_cannot_be_filled_and_a_member_holds_one_seat_on_a_body()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition());
        governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1));

        Refusal.Expect(governance, ErrorCodes.Governance.SeatTaken, () => governance.Appoint(Steering, 1, Candidate(5), coalition, Day(2026, 3, 2), false, Secretariat, Hours(2)));
        Refusal.Expect(governance, ErrorCodes.Governance.AlreadySeated, () => governance.Appoint(Steering, 2, Candidate(4), coalition, Day(2026, 3, 2), false, Secretariat, Hours(2)));
        Refusal.Expect(governance, ErrorCodes.Governance.NoSuchSeat, () => governance.Appoint(Steering, 8, Candidate(5), coalition, Day(2026, 3, 2), false, Secretariat, Hours(2)));
    }

    [Fact]
    public void A_reserved_seat_goes_only_to_a_member_of_its_group()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.CollectiveImpactPartnership());

        var error = Refusal.Expect(governance, ErrorCodes.Governance.ReservedSeat, () => governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1)));
        Assert.Contains("the government agency sector", error.Message, StringComparison.Ordinal);
        governance.Appoint(Steering, 1, Candidate(2), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1));
        governance.Appoint(Steering, 9, Candidate(4), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1));
    }

    [Fact]
    public void A_member_may_not_serve_more_consecutive_terms_than_the_limit()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition());
        governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1));
        governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2028, 3, 2), false, Secretariat, Hours(2));
        coalition.RenewYearly(4, through: 2029);

        Refusal.Expect(governance, ErrorCodes.Governance.TermLimitReached, () => governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2030, 3, 2), false, Secretariat, OnDate(2030, 2, 1)));
        Refusal.Expect(governance, ErrorCodes.Governance.TermLimitReached, () => governance.Appoint(Steering, 2, Candidate(4), coalition, Day(2030, 3, 2), false, Secretariat, OnDate(2030, 2, 1)));
    }

    [Fact]
    public void A_break_between_terms_restarts_the_count()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition());
        governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1));
        governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2028, 3, 2), false, Secretariat, Hours(2));
        coalition.RenewYearly(4, through: 2030);

        governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2030, 6, 1), false, Secretariat, OnDate(2030, 5, 1));
    }

    // Each runs its commands on another thread with a time limit: before the fix, the third appointment never returned,
    // and a test that hangs would stall the whole run instead of failing.
    [Fact(Timeout = 20_000)]
    public async Task A_seat_vacated_on_its_first_day_was_never_held_and_the_member_may_be_appointed_again()
    {
        await Task.Run(() =>
        {
            var coalition = NineMembers();
            var governance = With(GovernanceTemplates.AdvocacyCoalition());
            governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1));
            governance.Vacate(Steering, 1, Day(2026, 3, 2), "Withdrew before taking the seat.", coalition, Secretariat, Hours(2));

            governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2026, 3, 2), false, Secretariat, Hours(3));

            Assert.Equal(Day(2026, 3, 2), governance.Seat(Steering, 1, coalition, Day(2026, 3, 2)).Holding!.From);
        });
    }

    [Fact(Timeout = 20_000)]
    public async Task A_term_vacated_on_its_first_day_neither_counts_toward_the_limit_nor_breaks_the_run_of_terms()
    {
        await Task.Run(() =>
        {
            var coalition = NineMembers();
            var governance = With(GovernanceTemplates.AdvocacyCoalition());
            governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1));
            governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2028, 3, 2), false, Secretariat, Hours(2));
            coalition.RenewYearly(4, through: 2029);
            governance.Vacate(Steering, 1, Day(2028, 3, 2), "Withdrew before the second term began.", coalition, Secretariat, OnDate(2028, 2, 1));

            // One full term before 2028-03-02: a second is within the limit of two.
            governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2028, 3, 2), false, Secretariat, OnDate(2028, 2, 2));

            // Two consecutive full terms before 2030-03-02 (the empty one between them left out): a third is not.
            Refusal.Expect(governance, ErrorCodes.Governance.TermLimitReached, () => governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2030, 3, 2), false, Secretariat, OnDate(2030, 2, 1)));
        });
    }

    [Fact]
    public void An_interim_appointment_fills_the_rest_of_a_vacated_term_and_does_not_count_toward_the_limit()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition());
        governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1));
        governance.Vacate(Steering, 1, Day(2027, 1, 1), "Resigned.", coalition, Secretariat, Hours(2));

        var interim = governance.Appoint(Steering, 1, Candidate(5), coalition, Day(2027, 1, 1), true, Secretariat, Hours(3));
        var first = governance.Appoint(Steering, 1, Candidate(5), coalition, Day(2028, 3, 2), false, Secretariat, Hours(4));
        coalition.RenewYearly(5, through: 2029);
        var second = governance.Appoint(Steering, 1, Candidate(5), coalition, Day(2030, 3, 2), false, Secretariat, OnDate(2030, 2, 1));

        Assert.True(interim.Interim);
        Assert.Equal(Day(2028, 3, 1), interim.To);
        Assert.False(first.Interim);
        Assert.Equal(Day(2032, 3, 1), second.To);
    }

    [Fact]
    public void The_next_term_can_be_filled_while_the_current_one_runs()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition());
        governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1));

        governance.Appoint(Steering, 1, Candidate(5), coalition, Day(2028, 3, 2), false, Secretariat, Hours(2));

        Assert.Equal(Partner(4), governance.Seat(Steering, 1, coalition, Day(2027, 1, 1)).Holding!.Holder);
        Refusal.Expect(governance, ErrorCodes.Governance.SeatTaken, () => governance.Appoint(Steering, 1, Candidate(6), coalition, Day(2027, 6, 1), true, Secretariat, Hours(3)));
    }

    [Fact]
    public void A_member_holds_one_seat_on_a_body_over_the_whole_term()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition());
        governance.Appoint(Steering, 2, Candidate(4), coalition, Day(2026, 9, 1), false, Secretariat, Hours(1));

        Refusal.Expect(governance, ErrorCodes.Governance.AlreadySeated, () => governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2026, 3, 2), false, Secretariat, Hours(2)));
    }

    [Fact]
    public void A_member_who_leaves_a_seat_leaves_its_scheduled_terms_too()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition());
        governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1));
        governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2028, 3, 2), false, Secretariat, Hours(2));

        governance.Vacate(Steering, 1, Day(2027, 1, 1), "Resigned.", coalition, Secretariat, Hours(3));

        Assert.Equal(SeatState.Vacant, governance.Seat(Steering, 1, coalition, Day(2028, 6, 1)).State);
        governance.Appoint(Steering, 1, Candidate(5), coalition, Day(2027, 1, 1), true, Secretariat, Hours(4));
    }

    [Fact]
    public void Only_a_held_seat_can_be_vacated()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition());

        Refusal.Expect(governance, ErrorCodes.Governance.SeatVacant, () => governance.Vacate(Steering, 1, Day(2026, 3, 2), null, coalition, Secretariat, Hours(1)));
    }

    [Fact]
    public void Under_the_freeze_policy_a_suspended_members_seat_is_frozen_until_it_is_reinstated()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition());
        governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1));
        coalition.Suspend(Partner(4), Adopted(MatterType.SuspendMember), Secretariat, Hours(2));

        Assert.Equal(SeatState.Frozen, governance.Seat(Steering, 1, coalition, Day(2026, 3, 2)).State);
        Refusal.Expect(governance, ErrorCodes.Governance.SeatTaken, () => governance.Appoint(Steering, 1, Candidate(5), coalition, Day(2026, 3, 2), false, Secretariat, Hours(3)));
        Assert.DoesNotContain(Partner(4), governance.ElectorateFor(MatterType.AdoptPolicyPosition, coalition, Hours(3)).Voters.Select(v => v.Partner));

        coalition.Reinstate(Partner(4), null, Secretariat, Hours(4));
        Assert.Equal(SeatState.Held, governance.Seat(Steering, 1, coalition, Day(2026, 3, 2)).State);
    }

    [Fact]
    public void Under_the_vacate_policy_a_suspended_members_seat_falls_vacant()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.CollectiveImpactPartnership());
        governance.Appoint(Steering, 9, Candidate(4), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1));
        coalition.Suspend(Partner(4), Adopted(MatterType.SuspendMember), Secretariat, Hours(2));

        Assert.Equal(SeatState.Vacant, governance.Seat(Steering, 9, coalition, Day(2026, 3, 2)).State);
        governance.Appoint(Steering, 9, Candidate(5), coalition, Day(2026, 3, 3), false, Secretariat, Hours(3));
    }

    [Fact]
    public void A_member_that_withdraws_leaves_its_seat_vacant_whatever_the_policy()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition());
        governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1));

        coalition.Withdraw(Partner(4), null, For(4), Hours(2));

        Assert.Equal(SeatState.Vacant, governance.Seat(Steering, 1, coalition, Day(2026, 3, 2)).State);
    }
}

public class OfficeAndElectorateTests
{
    private const string Steering = "steering-committee";

    private static (Core.Coalitions.Coalition Coalition, GovernanceAggregate CoalitionGovernance) Seated(params int[] members)
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition());
        var seat = 1;
        foreach (var m in members)
        {
            governance.Appoint(Steering, seat++, Candidate(m), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1));
        }

        return (coalition, governance);
    }

    [Fact]
    public void A_chair_must_sit_on_the_body()
    {
        var (coalition, governance) = Seated(4, 5, 6);

        Refusal.Expect(governance, ErrorCodes.Governance.InvalidOffice, () => governance.AssignOffice(Steering, Office.Chair, Partner(7), coalition, Secretariat, Hours(2)));
        Refusal.Expect(governance, ErrorCodes.Governance.InvalidOffice, () => governance.AssignOffice(Steering, Office.Secretary, Partner(4), coalition, Secretariat, Hours(2)));
        governance.AssignOffice(Steering, Office.Chair, Partner(4), coalition, Secretariat, Hours(2));

        Assert.Equal(Partner(4), governance.OfficeHolder(Steering, Office.Chair));
    }

    [Fact]
    public void The_chair_rotates_in_the_order_the_coalition_sets()
    {
        var (coalition, governance) = Seated(4, 5, 6);
        governance.SetRotation(Steering, Office.Chair, [Partner(6), Partner(4), Partner(5)], coalition, Secretariat, Hours(2));

        var first = governance.Rotate(Steering, Office.Chair, coalition, Secretariat, Hours(3));
        var second = governance.Rotate(Steering, Office.Chair, coalition, Secretariat, Hours(4));
        var third = governance.Rotate(Steering, Office.Chair, coalition, Secretariat, Hours(5));
        var fourth = governance.Rotate(Steering, Office.Chair, coalition, Secretariat, Hours(6));

        Assert.Equal([Partner(6), Partner(4), Partner(5), Partner(6)], [first, second, third, fourth]);
    }

    [Fact]
    public void Rotation_passes_over_a_member_who_no_longer_sits_or_is_suspended()
    {
        var (coalition, governance) = Seated(4, 5, 6);
        governance.SetRotation(Steering, Office.Chair, [Partner(4), Partner(5), Partner(6)], coalition, Secretariat, Hours(2));
        governance.AssignOffice(Steering, Office.Chair, Partner(4), coalition, Secretariat, Hours(2));
        coalition.Suspend(Partner(5), Adopted(MatterType.SuspendMember), Secretariat, Hours(3));

        Assert.Equal(Partner(6), governance.Rotate(Steering, Office.Chair, coalition, Secretariat, Hours(4)));
    }

    [Fact]
    public void Rotation_needs_someone_else_to_pass_to()
    {
        var (coalition, governance) = Seated(4);
        governance.SetRotation(Steering, Office.Chair, [Partner(4), Partner(7)], coalition, Secretariat, Hours(2));
        governance.AssignOffice(Steering, Office.Chair, Partner(4), coalition, Secretariat, Hours(2));

        Refusal.Expect(governance, ErrorCodes.Governance.NoEligibleRotation, () => governance.Rotate(Steering, Office.Chair, coalition, Secretariat, Hours(3)));
        Refusal.Expect(governance, ErrorCodes.Governance.InvalidRotation, () => governance.SetRotation(Steering, Office.Chair, [Partner(4), Partner(4)], coalition, Secretariat, Hours(3)));
    }

    [Fact]
    public void A_steering_matter_is_decided_by_the_seat_holders_and_an_assembly_matter_by_every_voting_member()
    {
        var (coalition, governance) = Seated(4, 5, 6);

        var steering = governance.ElectorateFor(MatterType.AdoptPolicyPosition, coalition, Hours(2));
        var assembly = governance.ElectorateFor(MatterType.ApproveBudget, coalition, Hours(2));

        Assert.Equal([Partner(4), Partner(5), Partner(6)], steering.Voters.Select(v => v.Partner));
        Assert.Equal(Enumerable.Range(1, 7).Select(Partner), assembly.Voters.Select(v => v.Partner));
    }

    [Fact]
    public void A_recused_member_is_left_out_of_the_electorate()
    {
        var (coalition, governance) = Seated(4, 5, 6);

        var electorate = governance.ElectorateFor(MatterType.AdmitMember, coalition, Hours(2), recused: [Partner(5)]);

        Assert.Equal([Partner(4), Partner(6)], electorate.Voters.Select(v => v.Partner));
    }

    [Fact]
    public void A_chamber_vote_electorate_carries_each_members_chamber()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.MultiStakeholderPlatform());
        string[] chambers = ["environmental", "social", "economic"];
        for (var m = 1; m <= 6; m++)
        {
            governance.AssignChamber(Partner(m), chambers[m % 3], m <= 3 ? "north" : "south", coalition, Secretariat, Hours(1));
        }

        Refusal.Expect(governance, ErrorCodes.Governance.InvalidChamber, () => governance.AssignChamber(Partner(7), "cultural", null, coalition, Secretariat, Hours(1)));
        Refusal.Expect(governance, ErrorCodes.Governance.InvalidChamber, () => governance.AssignChamber(Partner(7), "social", null, coalition, Secretariat, Hours(1)));
        Assert.Equal(ErrorCodes.Governance.InvalidChamber, Assert.Throws<CoalitionRuleException>(() => governance.ElectorateFor(MatterType.AmendCharter, coalition, Hours(2))).Code);

        governance.AssignChamber(Partner(7), "social", "north", coalition, Secretariat, Hours(1));
        var electorate = governance.ElectorateFor(MatterType.AmendCharter, coalition, Hours(2));

        Assert.True(electorate.HasChambers);
        Assert.Equal(3, electorate.Chambers.Count);
        Assert.True(electorate.TryGetVoter(Partner(7), out var voter));
        Assert.Equal(("social", "north"), (voter.Chamber, voter.SubChamber));
    }

    [Fact]
    public void Only_a_member_with_the_right_the_rule_book_names_may_propose()
    {
        var (coalition, governance) = Seated(4, 5, 6);

        Assert.True(governance.CheckProposer(Partner(8), MatterType.AdoptPolicyPosition, coalition, Hours(2)).IsAllowed);
        Assert.Equal(ErrorCodes.Governance.MayNotPropose, governance.CheckProposer(Partner(9), MatterType.AdoptPolicyPosition, coalition, Hours(2)).Failures[0].Code);
        Assert.Throws<CoalitionRuleException>(() => governance.DraftFor(MatterType.AdoptPolicyPosition, "T", "X", Partner(9), [Chair], coalition, Hours(2)));
    }

    [Fact]
    public void A_draft_takes_its_rule_and_seconders_from_the_rule_book()
    {
        var (coalition, governance) = Seated(4, 5, 6);

        var draft = governance.DraftFor(MatterType.AdoptPolicyPosition, "Open data", "We publish our data.", Partner(4), [Chair], coalition, Hours(2));

        Assert.Same(governance.Rules[MatterType.AdoptPolicyPosition].Rule, draft.Rule);
        Assert.Equal(1, draft.SecondersRequired);
        Assert.Equal(TheCoalition, draft.Coalition);
    }
}
