using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using Coalitions.Core.Serialization;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.GovernanceScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using GovernanceAggregate = global::Coalitions.Core.Governance.CoalitionGovernance;

namespace Coalitions.Core.Tests.Governance;

/// <summary>Who may change a coalition's governance.</summary>
public class GovernanceAuthorizationTests
{
    private const string Steering = "steering-committee";
    private static readonly Actor Outsider = Actor.ForPerson(Person(9));

    private static (Coalition Coalition, GovernanceAggregate CoalitionGovernance) Seated()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition(), coalition);
        governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1));
        governance.Appoint(Steering, 2, Candidate(5), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1));
        governance.AssignOffice(Steering, Office.Chair, Partner(4), coalition, Secretariat, Hours(1));
        governance.SetRotation(Steering, Office.Chair, [Partner(4), Partner(5)], coalition, Secretariat, Hours(1));
        return (coalition, governance);
    }

    [Fact]
    public void Only_a_coordinator_establishes_a_coalitions_governance()
    {
        var coalition = NineMembers();

        Assert.Equal(ErrorCodes.Coalitions.NotACoordinator, Assert.Throws<CoalitionRuleException>(() => GovernanceAggregate.Establish(coalition, GovernanceTemplates.LooseNetwork(), For(1), Start)).Code);
        Assert.Equal(ErrorCodes.Kernel.ActorRequired, Assert.Throws<CoalitionRuleException>(() => GovernanceAggregate.Establish(coalition, GovernanceTemplates.LooseNetwork(), null!, Start)).Code);
        Assert.Equal(TheCoalition, GovernanceAggregate.Establish(coalition, GovernanceTemplates.LooseNetwork(), Secretariat, Start).Id);
    }

    [Fact]
    public void An_outsider_or_a_member_cannot_establish_bodies_or_change_the_rule_book()
    {
        var (coalition, governance) = Seated();
        var group = new BodyDefinition("reading-group", "Reading working group", BodyKind.WorkingGroup, [], 5, [], [Office.Facilitator], Period.FromYears(1));

        Refusal.Expect(governance, ErrorCodes.Coalitions.NotACoordinator, () => governance.EstablishBody(group, Adopted(MatterType.AmendCharter), coalition, Outsider, Hours(2)));
        Refusal.Expect(governance, ErrorCodes.Coalitions.NotACoordinator, () => governance.EstablishBody(group, Adopted(MatterType.AmendCharter), coalition, For(4), Hours(2)));
        Refusal.Expect(governance, ErrorCodes.Coalitions.NotACoordinator, () => governance.SetRule(MatterType.ApproveBudget, new RuleBookEntry("general-assembly", DecisionRule.SimpleMajority()), Adopted(MatterType.AmendCharter), coalition, For(4), Hours(2)));
        Refusal.Expect(governance, ErrorCodes.Coalitions.NotACoordinator, () => governance.AssignChamber(Partner(4), "social", null, coalition, For(4), Hours(2)));
        Refusal.Expect(governance, ErrorCodes.Coalitions.NotACoordinator, () => governance.SetRotation(Steering, Office.Chair, [Partner(5), Partner(4)], coalition, For(4), Hours(2)));
    }

    [Fact]
    public void An_outsider_cannot_appoint_to_seats_or_record_an_election()
    {
        var (coalition, governance) = Seated();

        Refusal.Expect(governance, ErrorCodes.Coalitions.NotACoordinator, () => governance.Appoint(Steering, 3, Candidate(6), coalition, Day(2026, 3, 2), false, Outsider, Hours(2)));
        Refusal.Expect(governance, ErrorCodes.Coalitions.NotACoordinator, () => governance.Appoint(Steering, 3, Candidate(6), coalition, Day(2026, 3, 2), false, For(6), Hours(2)));
        Refusal.Expect(governance, ErrorCodes.Coalitions.NotACoordinator, () => governance.ElectSeats(Steering, [Candidate(6)], coalition, Day(2026, 3, 2), Actor.System("scheduler"), Hours(2)));
    }

    [Fact]
    public void A_member_resigns_its_own_seat_through_its_delegate_but_not_anothers()
    {
        var (coalition, governance) = Seated();

        Refusal.Expect(governance, ErrorCodes.Governance.NotAuthorized, () => governance.Vacate(Steering, 1, Day(2026, 9, 1), "Resigned.", coalition, For(5), Hours(2)));
        Refusal.Expect(governance, ErrorCodes.Governance.NotAuthorized, () => governance.Vacate(Steering, 1, Day(2026, 9, 1), "Resigned.", coalition, Actor.ForPerson(Person(4)), Hours(2)));
        governance.Vacate(Steering, 1, Day(2026, 9, 1), "Resigned.", coalition, For(4), Hours(2));

        Assert.Equal(SeatState.Vacant, governance.Seat(Steering, 1, coalition, Day(2026, 9, 1)).State);
    }

    [Fact]
    public void The_convenor_of_a_body_assigns_its_offices_whatever_the_convening_office_is_called()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.LooseNetwork(), coalition);
        governance.AssignOffice("members", Office.Facilitator, Partner(1), coalition, Secretariat, Hours(1));

        Refusal.Expect(governance, ErrorCodes.Governance.NotAuthorized, () => governance.AssignOffice("members", Office.Facilitator, Partner(2), coalition, For(3), Hours(2)));
        governance.AssignOffice("members", Office.Facilitator, Partner(2), coalition, For(1), Hours(2));

        Assert.Equal(Partner(2), governance.OfficeHolder("members", Office.Facilitator));
    }

    [Fact]
    public void The_chair_of_a_body_assigns_its_offices()
    {
        var (coalition, governance) = Seated();

        Refusal.Expect(governance, ErrorCodes.Governance.NotAuthorized, () => governance.AssignOffice(Steering, Office.ViceChair, Partner(5), coalition, For(5), Hours(2)));
        governance.AssignOffice(Steering, Office.ViceChair, Partner(5), coalition, For(4), Hours(2));

        Assert.Equal(Partner(5), governance.OfficeHolder(Steering, Office.ViceChair));
    }

    [Fact]
    public void The_scheduler_or_the_offices_holder_passes_an_office_on_and_no_one_else()
    {
        var (coalition, governance) = Seated();

        Refusal.Expect(governance, ErrorCodes.Governance.NotAuthorized, () => governance.Rotate(Steering, Office.Chair, coalition, For(5), Hours(2)));
        Refusal.Expect(governance, ErrorCodes.Governance.NotAuthorized, () => governance.Rotate(Steering, Office.Chair, coalition, Outsider, Hours(2)));
        Assert.Equal(Partner(5), governance.Rotate(Steering, Office.Chair, coalition, For(4), Hours(2)));
        Assert.Equal(Partner(4), governance.Rotate(Steering, Office.Chair, coalition, Actor.System("scheduler"), Hours(3)));
    }

    [Fact]
    public void A_governance_is_changed_and_read_only_with_its_own_coalition()
    {
        var (_, governance) = Seated();
        var other = Coalition.Found(CoalitionId.New(), "Another coalition", CoalitionForm.Alliance, "Africa/Nairobi", Convenor, Secretariat, Start);

        Refusal.Expect(governance, ErrorCodes.Coalitions.OtherCoalition, () => governance.Appoint(Steering, 3, Candidate(6), other, Day(2026, 3, 2), false, Secretariat, Hours(2)));
        Refusal.Expect(governance, ErrorCodes.Coalitions.OtherCoalition, () => governance.Rotate(Steering, Office.Chair, other, Secretariat, Hours(2)));
        Refusal.Expect(governance, ErrorCodes.Kernel.InvalidInput, () => governance.Rotate(Steering, Office.Chair, null!, Secretariat, Hours(2)));
        Assert.Equal(ErrorCodes.Coalitions.OtherCoalition, Assert.Throws<CoalitionRuleException>(() => governance.ElectorateFor(MatterType.AdmitMember, other, Hours(2))).Code);
    }

    [Fact]
    public void A_governance_tells_whether_its_rule_book_names_a_rule_for_a_matter()
    {
        var governance = With(GovernanceTemplates.AdvocacyCoalition());
        IRuleBook ruleBook = governance;

        Assert.Equal(TheCoalition, ruleBook.Coalition);
        Assert.True(ruleBook.NamesRuleFor(MatterType.AdmitMember));
        Assert.False(ruleBook.NamesRuleFor(MatterType.Custom));
    }
}

/// <summary>Seats filled by an election: every seat decided before any is filled.</summary>
public class ElectionAtomicityTests
{
    private const string Steering = "steering-committee";

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void An_election_with_an_ineligible_winner_anywhere_in_the_list_fills_no_seat(int position)
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition(), coalition);
        var winners = new List<PartnerSnapshot> { Candidate(4), Candidate(5), Candidate(6) };
        winners[position] = Candidate(9);

        Refusal.Expect(governance, ErrorCodes.Governance.NotEligible, () => governance.ElectSeats(Steering, winners, coalition, Day(2026, 4, 1), Secretariat, Hours(1)));
        Assert.Empty(governance.SittingMembers(Steering, coalition, CoalitionScenario.OnDate(2026, 4, 2)));
    }

    [Fact]
    public void A_winner_named_twice_is_refused_before_any_seat_is_filled()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition(), coalition);

        Refusal.Expect(governance, ErrorCodes.Governance.AlreadySeated, () => governance.ElectSeats(Steering, [Candidate(4), Candidate(5), Candidate(4)], coalition, Day(2026, 4, 1), Secretariat, Hours(1)));
    }

    [Fact]
    public void An_election_fills_its_seats_together()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition(), coalition);
        governance.DequeueUncommittedEvents();

        var seated = governance.ElectSeats(Steering, [Candidate(4), Candidate(5), Candidate(6)], coalition, Day(2026, 4, 1), Secretariat, Hours(1));

        Assert.Equal([1, 2, 3], seated.Select(s => s.Seat));
        Assert.Equal(3, governance.DequeueUncommittedEvents().OfType<SeatFilled>().Count());
    }

    [Fact]
    public void A_template_is_established_whole_or_not_at_all()
    {
        var coalition = NineMembers();
        var template = GovernanceTemplates.AdvocacyCoalition();
        var broken = template with { Rules = [.. template.Rules.Take(3), new RuleBookLine(MatterType.Custom, new RuleBookEntry("secretariat", DecisionRule.SimpleMajority()))] };

        Assert.Equal(ErrorCodes.Governance.NotInMandate, Assert.Throws<CoalitionRuleException>(() => GovernanceAggregate.Establish(coalition, broken, Secretariat, Start)).Code);
    }
}

/// <summary>Inputs a careless or hostile host might pass to a governance: each refused at the door with a code.</summary>
public class GovernanceDoorTests
{
    private const string Steering = "steering-committee";

    private static BodyDefinition Group => new("reading-group", "Reading working group", BodyKind.WorkingGroup, [], 5, [], [Office.Facilitator], Period.FromYears(1), MeetingCadence: Period.FromMonths(1), Convenor: Office.Facilitator);

    [Fact]
    public void A_body_refuses_seats_terms_cadences_and_limits_out_of_bounds_when_built()
    {
        Assert.Equal(ErrorCodes.Governance.InvalidBody, Assert.Throws<CoalitionRuleException>(() => new BodyDefinition("g", "G", BodyKind.WorkingGroup, [], 2_000_000, [], [], Period.FromYears(1))).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidPeriod, Assert.Throws<CoalitionRuleException>(() => new BodyDefinition("g", "G", BodyKind.WorkingGroup, [], 5, [], [], Period.FromHours(5))).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidPeriod, Assert.Throws<CoalitionRuleException>(() => new BodyDefinition("g", "G", BodyKind.WorkingGroup, [], 5, [], [], Period.FromYears(1), MeetingCadence: Period.FromMinutes(90))).Code);
        Assert.Equal(ErrorCodes.Governance.InvalidBody, Assert.Throws<CoalitionRuleException>(() => new BodyDefinition("g", "G", BodyKind.WorkingGroup, [], 5, [], [], Period.FromYears(1), MaxConsecutiveTerms: 0)).Code);
        Assert.Equal(ErrorCodes.Governance.InvalidBody, Assert.Throws<CoalitionRuleException>(() => new BodyDefinition("Reading Group", "G", BodyKind.WorkingGroup, [], 5, [], [], Period.FromYears(1))).Code);
    }

    [Fact]
    public void A_body_copied_out_of_bounds_is_refused_when_a_command_takes_it()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition(), coalition);

        Refusal.Expect(governance, ErrorCodes.Governance.InvalidBody, () => governance.EstablishBody(Group with { Seats = 2_000_000 }, Adopted(MatterType.AmendCharter), coalition, Secretariat, Hours(1)));
        Refusal.Expect(governance, ErrorCodes.Kernel.InvalidPeriod, () => governance.EstablishBody(Group with { TermLength = Period.FromHours(5) }, Adopted(MatterType.AmendCharter), coalition, Secretariat, Hours(1)));
        Refusal.Expect(governance, ErrorCodes.Kernel.InvalidPeriod, () => governance.EstablishBody(Group with { MeetingCadence = Period.FromYears(-1) }, Adopted(MatterType.AmendCharter), coalition, Secretariat, Hours(1)));
        Refusal.Expect(governance, ErrorCodes.Governance.InvalidBody, () => governance.EstablishBody(Group with { Reservations = [null!] }, Adopted(MatterType.AmendCharter), coalition, Secretariat, Hours(1)));
        Refusal.Expect(governance, ErrorCodes.Governance.InvalidBody, () => governance.EstablishBody(Group with { Reservations = [new SeatReservation()] }, Adopted(MatterType.AmendCharter), coalition, Secretariat, Hours(1)));
        Refusal.Expect(governance, ErrorCodes.Governance.InvalidBody, () => governance.EstablishBody(Group with { Mandate = [(MatterType)77] }, Adopted(MatterType.AmendCharter), coalition, Secretariat, Hours(1)));
        Refusal.Expect(governance, ErrorCodes.Kernel.InvalidText, () => governance.EstablishBody(Group with { Name = "Reading\u0007group" }, Adopted(MatterType.AmendCharter), coalition, Secretariat, Hours(1)));
        Refusal.Expect(governance, ErrorCodes.Kernel.InvalidInput, () => governance.EstablishBody(null!, Adopted(MatterType.AmendCharter), coalition, Secretariat, Hours(1)));
    }

    [Fact]
    public void A_body_keeps_its_own_lists_and_the_rule_book_is_read_only()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition(), coalition);
        var offices = new[] { Office.Facilitator };

        governance.EstablishBody(Group with { Offices = offices, Convenor = null }, Adopted(MatterType.AmendCharter), coalition, Secretariat, Hours(1));
        offices[0] = Office.Treasurer;

        Assert.Equal([Office.Facilitator], governance.Bodies.Single(b => b.Key == "reading-group").Offices);
        Assert.Throws<NotSupportedException>(() => ((IDictionary<MatterType, RuleBookEntry>)governance.Rules).Clear());
    }

    [Fact]
    public void A_template_refuses_nulls_duplicates_and_ill_formed_chambers()
    {
        var coalition = NineMembers();
        var template = GovernanceTemplates.MultiStakeholderPlatform();

        Assert.Equal(ErrorCodes.Governance.InvalidTemplate, Assert.Throws<CoalitionRuleException>(() => GovernanceAggregate.Establish(coalition, template with { Bodies = [.. template.Bodies, null!] }, Secretariat, Start)).Code);
        Assert.Equal(ErrorCodes.Governance.InvalidTemplate, Assert.Throws<CoalitionRuleException>(() => GovernanceAggregate.Establish(coalition, template with { Rules = [.. template.Rules, template.Rules[0]] }, Secretariat, Start)).Code);
        Assert.Equal(ErrorCodes.Governance.InvalidTemplate, Assert.Throws<CoalitionRuleException>(() => GovernanceAggregate.Establish(coalition, template with { Rules = [.. template.Rules.Skip(1), null!] }, Secretariat, Start)).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidElectorate, Assert.Throws<CoalitionRuleException>(() => GovernanceAggregate.Establish(coalition, template with { Chambers = [new Chamber("social", 0)] }, Secretariat, Start)).Code);
        Assert.Equal(ErrorCodes.Governance.InvalidChamber, Assert.Throws<CoalitionRuleException>(() => GovernanceAggregate.Establish(coalition, template with { Chambers = [new Chamber("social", 1), new Chamber("social", 1)] }, Secretariat, Start)).Code);
        Assert.Equal(ErrorCodes.Decisions.InvalidElectorate, Assert.Throws<CoalitionRuleException>(() => GovernanceAggregate.Establish(coalition, template with { Chambers = [new Chamber("social", 1, [null!])] }, Secretariat, Start)).Code);
        Assert.Equal(ErrorCodes.Governance.InvalidChamber, Assert.Throws<CoalitionRuleException>(() => GovernanceAggregate.Establish(coalition, template with { Chambers = null! }, Secretariat, Start)).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, Assert.Throws<CoalitionRuleException>(() => GovernanceAggregate.Establish(coalition, template with { SeatPolicy = (SeatPolicy)9 }, Secretariat, Start)).Code);
    }

    [Fact]
    public void A_rule_book_line_needs_a_rule_and_at_most_twenty_seconders()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition(), coalition);
        var entry = new RuleBookEntry("general-assembly", DecisionRule.SimpleMajority());

        Assert.Equal(ErrorCodes.Governance.InvalidTemplate, Assert.Throws<CoalitionRuleException>(() => new RuleBookEntry("general-assembly", DecisionRule.SimpleMajority(), SecondersRequired: 21)).Code);
        Refusal.Expect(governance, ErrorCodes.Governance.InvalidTemplate, () => governance.SetRule(MatterType.ApproveBudget, entry with { SecondersRequired = 1_000_000 }, Adopted(MatterType.AmendCharter), coalition, Secretariat, Hours(1)));
        Refusal.Expect(governance, ErrorCodes.Governance.InvalidTemplate, () => governance.SetRule(MatterType.ApproveBudget, entry with { Rule = null! }, Adopted(MatterType.AmendCharter), coalition, Secretariat, Hours(1)));
        Refusal.Expect(governance, ErrorCodes.Kernel.InvalidInput, () => governance.SetRule((MatterType)0, entry, Adopted(MatterType.AmendCharter), coalition, Secretariat, Hours(1)));
    }

    [Fact]
    public void A_rotation_lists_real_members_without_empty_ids()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition(), coalition);

        Refusal.Expect(governance, ErrorCodes.Kernel.EmptyId, () => governance.SetRotation(Steering, Office.Chair, [Partner(4), default], coalition, Secretariat, Hours(1)));
        Refusal.Expect(governance, ErrorCodes.Membership.NotAMember, () => governance.SetRotation(Steering, Office.Chair, [Partner(4), Partner(99)], coalition, Secretariat, Hours(1)));
        Refusal.Expect(governance, ErrorCodes.Kernel.InvalidInput, () => governance.SetRotation(Steering, Office.Chair, null!, coalition, Secretariat, Hours(1)));
        Refusal.Expect(governance, ErrorCodes.Governance.InvalidRotation, () => governance.SetRotation(Steering, Office.Chair, [], coalition, Secretariat, Hours(1)));
        Refusal.Expect(governance, ErrorCodes.Kernel.InvalidInput, () => governance.SetRotation(Steering, (Office)0, [Partner(4)], coalition, Secretariat, Hours(1)));
    }

    [Fact]
    public void A_chamber_is_assigned_to_a_member_by_a_one_line_name()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.MultiStakeholderPlatform(), coalition);

        Refusal.Expect(governance, ErrorCodes.Membership.NotAMember, () => governance.AssignChamber(Partner(99), "social", "north", coalition, Secretariat, Hours(1)));
        Refusal.Expect(governance, ErrorCodes.Kernel.EmptyId, () => governance.AssignChamber(default, "social", "north", coalition, Secretariat, Hours(1)));
        Refusal.Expect(governance, ErrorCodes.Kernel.InvalidText, () => governance.AssignChamber(Partner(4), "social\u0000", "north", coalition, Secretariat, Hours(1)));
        Refusal.Expect(governance, ErrorCodes.Kernel.InvalidText, () => governance.AssignChamber(Partner(4), null!, "north", coalition, Secretariat, Hours(1)));
    }

    [Fact]
    public void Candidates_and_winners_are_checked_for_nulls_and_empty_ids()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition(), coalition);

        Refusal.Expect(governance, ErrorCodes.Kernel.InvalidInput, () => governance.Appoint(Steering, 1, null!, coalition, Day(2026, 3, 2), false, Secretariat, Hours(1)));
        Refusal.Expect(governance, ErrorCodes.Kernel.EmptyId, () => governance.Appoint(Steering, 1, Candidate(4) with { Id = default }, coalition, Day(2026, 3, 2), false, Secretariat, Hours(1)));
        Refusal.Expect(governance, ErrorCodes.Kernel.InvalidInput, () => governance.ElectSeats(Steering, [Candidate(4), null!], coalition, Day(2026, 3, 2), Secretariat, Hours(1)));
        Refusal.Expect(governance, ErrorCodes.Kernel.InvalidInput, () => governance.ElectSeats(Steering, null!, coalition, Day(2026, 3, 2), Secretariat, Hours(1)));
    }

    [Fact]
    public void Dates_at_the_calendars_edges_are_refused_with_a_code()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition(), coalition);

        Refusal.Expect(governance, ErrorCodes.Kernel.OutOfRange, () => governance.Appoint(Steering, 1, Candidate(4), coalition, LocalDate.MaxIsoValue, false, Secretariat, Hours(1)));
        Refusal.Expect(governance, ErrorCodes.Kernel.OutOfRange, () => governance.Appoint(Steering, 1, Candidate(4), coalition, new LocalDate(2999, 6, 1), false, Secretariat, Hours(1)));
        Refusal.Expect(governance, ErrorCodes.Kernel.OutOfRange, () => governance.Vacate(Steering, 1, LocalDate.MinIsoValue, null, coalition, Secretariat, Hours(1)));
        Assert.Equal(ErrorCodes.Kernel.OutOfRange, Assert.Throws<CoalitionRuleException>(() => governance.NextMeeting(Steering, new LocalDate(2999, 12, 15))).Code);
    }

    [Fact]
    public void A_seat_that_does_not_exist_is_a_coded_refusal_even_when_only_asked_about()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition(), coalition);

        Assert.Equal(ErrorCodes.Governance.NoSuchSeat, Assert.Throws<CoalitionRuleException>(() => governance.Seat(Steering, 99, coalition, Day(2026, 3, 2))).Code);
        Assert.Equal(ErrorCodes.Governance.NoSuchSeat, Assert.Throws<CoalitionRuleException>(() => governance.Seat("general-assembly", 1, coalition, Day(2026, 3, 2))).Code);
        Assert.Equal(ErrorCodes.Governance.UnknownBody, Assert.Throws<CoalitionRuleException>(() => governance.Seat(default, 1, coalition, Day(2026, 3, 2))).Code);
        Assert.Equal(ErrorCodes.Governance.UnknownBody, Assert.Throws<CoalitionRuleException>(() => governance.Seat("working-group", 1, coalition, Day(2026, 3, 2))).Code);
        Assert.Equal(ErrorCodes.Governance.InvalidBody, Assert.Throws<CoalitionRuleException>(() => governance.Seat(null!, 1, coalition, Day(2026, 3, 2))).Code);
    }

    [Fact]
    public void Refusals_name_the_body_and_the_member()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition(), coalition);
        governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1));

        var taken = Refusal.Expect(governance, ErrorCodes.Governance.SeatTaken, () => governance.Appoint(Steering, 1, Candidate(5), coalition, Day(2026, 3, 2), false, Secretariat, Hours(2)));
        var ineligible = Refusal.Expect(governance, ErrorCodes.Governance.NotEligible, () => governance.Appoint(Steering, 2, Candidate(9), coalition, Day(2026, 3, 2), false, Secretariat, Hours(2)));

        Assert.Equal("Seat 1 of Steering committee is held on 2 March 2026.", taken.Message);
        Assert.Equal("Member 9 is a member of the observer tier of Learning for All, which does not hold the right to hold office.", ineligible.Message);
    }
}

/// <summary>Stored governance histories are untrusted: one that refers to what does not exist fails with a coded error.</summary>
public class GovernanceHistoryTests
{
    private const string Steering = "steering-committee";

    private static List<IDomainEvent> Established() => [.. With(GovernanceTemplates.AdvocacyCoalition()).DequeueUncommittedEvents()];

    private static void Corrupt(List<IDomainEvent> history, IDomainEvent next, string? why = null)
    {
        var error = Assert.Throws<StoredEventException>(() => GovernanceAggregate.Rehydrate([.. history, next]));
        Assert.Equal(ErrorCodes.Kernel.CorruptHistory, error.Code);
        Assert.Equal(history.Count + 1, error.Position);

        // Refused by the governance's check of the event, not by a crash while applying it.
        Assert.Null(error.InnerException);
        if (why is not null)
        {
            Assert.EndsWith(why, error.Message, StringComparison.Ordinal);
        }
    }

    private static GovernanceEstablished Creation(string name = "Advocacy coalition", params Chamber[] chambers) =>
        new(TheCoalition, name, SeatPolicy.Vacate, chambers, Start, Secretariat);

    [Fact]
    public void A_history_that_fills_a_seat_of_an_unknown_body_or_a_seat_it_lacks_is_refused()
    {
        var holding = new SeatHolding(Partner(4), Day(2026, 3, 2), Day(2028, 3, 1), false);

        Corrupt(Established(), new SeatFilled(TheCoalition, "board", 1, holding, Start, Secretariat));
        Corrupt(Established(), new SeatFilled(TheCoalition, Steering, 8, holding, Start, Secretariat));
        Corrupt(Established(), new SeatFilled(TheCoalition, "general-assembly", 1, holding, Start, Secretariat));
        Corrupt(Established(), new SeatFilled(TheCoalition, Steering, 1, holding with { To = new LocalDate(9999, 1, 1) }, Start, Secretariat));
    }

    [Fact]
    public void A_history_that_vacates_a_seat_nobody_holds_is_refused() =>
        Corrupt(Established(), new SeatVacated(TheCoalition, Steering, 1, Day(2026, 9, 1), null, Start, Secretariat));

    [Fact]
    public void A_history_that_assigns_an_office_the_body_lacks_is_refused() =>
        Corrupt(Established(), new OfficeAssigned(TheCoalition, "secretariat", Office.Chair, Partner(4), Start, Secretariat));

    [Fact]
    public void A_history_whose_rotation_lists_no_one_is_refused() =>
        Corrupt(Established(), new RotationSet(TheCoalition, Steering, Office.Chair, [], Start, Secretariat));

    [Fact]
    public void A_history_that_gives_a_matter_to_a_body_without_that_mandate_is_refused() =>
        Corrupt(Established(), new RuleBookEntrySet(TheCoalition, MatterType.Dissolve, new RuleBookEntry("secretariat", DecisionRule.SimpleMajority()), null, Start, Secretariat));

    [Fact]
    public void A_history_that_establishes_a_body_twice_is_refused()
    {
        var history = Established();

        Corrupt(history, history.OfType<BodyEstablished>().First());
    }

    [Fact]
    public void A_history_that_assigns_a_chamber_the_coalition_lacks_is_refused() =>
        Corrupt(Established(), new ChamberAssigned(TheCoalition, Partner(4), "social", null, Start, Secretariat));

    [Fact]
    public void A_stored_body_of_two_billion_seats_cannot_be_read()
    {
        var json = CoalitionsJson.SerializeEvent(Established().OfType<BodyEstablished>().First(b => b.Body.Key == Steering))
            .Replace("\"seats\":7", "\"seats\":2000000000", StringComparison.Ordinal);

        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(json)).Code);
    }

    [Fact]
    public void A_history_whose_template_name_runs_over_two_lines_or_whose_chambers_share_a_name_is_refused()
    {
        Corrupt([], Creation("Advocacy\ncoalition"), "the template's name must be one line of at most 200 characters.");
        Corrupt([], Creation(new string('n', 201)), "the template's name must be one line of at most 200 characters.");
        Corrupt([], Creation("Platform", new Chamber("social", 1), new Chamber("social", 2)), "the chambers are ill-formed.");

        Assert.Equal("Platform", GovernanceAggregate.Rehydrate([Creation("Platform", new Chamber("social", 1), new Chamber("economic", 2))]).Template);
    }

    [Fact]
    public void A_history_that_establishes_an_ill_formed_body_or_a_fifty_first_is_refused()
    {
        var group = new BodyDefinition("reading-group", "Reading working group", BodyKind.WorkingGroup, [], 5, [], [Office.Facilitator], Period.FromYears(1));
        Corrupt(Established(), new BodyEstablished(TheCoalition, group with { Offices = [Office.Chair, Office.Chair] }, null, Start, Secretariat), "the body is ill-formed.");

        var history = new List<IDomainEvent> { Creation() };
        history.AddRange(Enumerable.Range(1, 50).Select(n => new BodyEstablished(TheCoalition, group with { Key = $"group-{n}" }, null, Start, Secretariat)));
        Assert.Equal(50, GovernanceAggregate.Rehydrate(history).Bodies.Count);
        Corrupt(history, new BodyEstablished(TheCoalition, group with { Key = "group-51" }, null, Start, Secretariat), "the governance has as many bodies as it may.");
    }

    [Fact]
    public void A_history_whose_rule_book_line_is_ill_formed_or_names_an_unknown_body_is_refused()
    {
        Corrupt(Established(), new RuleBookEntrySet(TheCoalition, (MatterType)999, new RuleBookEntry(Steering, DecisionRule.SimpleMajority()), null, Start, Secretariat), "has an undefined value (999).");
        Corrupt(Established(), new RuleBookEntrySet(TheCoalition, MatterType.Dissolve, new RuleBookEntry(Steering, DecisionRule.SimpleMajority()) with { SecondersRequired = 21 }, null, Start, Secretariat), "the rule-book line is ill-formed.");
        Corrupt(Established(), new RuleBookEntrySet(TheCoalition, MatterType.Dissolve, new RuleBookEntry("board", DecisionRule.SimpleMajority()), null, Start, Secretariat), "the deciding body does not exist or does not decide the matter.");
        Corrupt(Established(), new RuleBookEntrySet(TheCoalition, MatterType.Dissolve, new RuleBookEntry("secretariat", DecisionRule.SimpleMajority()), null, Start, Secretariat), "the deciding body does not exist or does not decide the matter.");
    }

    [Fact]
    public void A_history_that_places_a_member_outside_the_chambers_sub_chambers_is_refused()
    {
        List<IDomainEvent> platform = [Creation("Platform", new Chamber("social", 1, [new SubChamber("north", 1)]), new Chamber("economic", 1))];

        Corrupt(platform, new ChamberAssigned(TheCoalition, Partner(4), "cultural", null, Start, Secretariat), "there is no such chamber.");
        Corrupt(platform, new ChamberAssigned(TheCoalition, Partner(4), "social", null, Start, Secretariat), "it needs one of the chamber's sub-chambers.");
        Corrupt(platform, new ChamberAssigned(TheCoalition, Partner(4), "social", "south", Start, Secretariat), "it needs one of the chamber's sub-chambers.");
        Corrupt(platform, new ChamberAssigned(TheCoalition, Partner(4), "economic", "north", Start, Secretariat), "the chamber has no sub-chambers.");

        var placed = GovernanceAggregate.Rehydrate([.. platform, new ChamberAssigned(TheCoalition, Partner(4), "social", "north", Start, Secretariat), new ChamberAssigned(TheCoalition, Partner(5), "economic", null, Start, Secretariat)]);
        Assert.Equal(new ChamberPlace("social", "north"), placed.ChamberOf(Partner(4)));
        Assert.Equal(new ChamberPlace("economic", null), placed.ChamberOf(Partner(5)));
    }

    [Fact]
    public void A_history_whose_term_runs_backward_or_before_1900_is_refused()
    {
        var holding = new SeatHolding(Partner(4), Day(2026, 3, 2), Day(2028, 3, 1), false);

        Corrupt(Established(), new SeatFilled(TheCoalition, "board", 1, holding, Start, Secretariat), "the body does not exist.");
        Corrupt(Established(), new SeatFilled(TheCoalition, Steering, 0, holding, Start, Secretariat), "the body has no such seat.");
        Corrupt(Established(), new SeatFilled(TheCoalition, Steering, 1, holding with { To = Day(2026, 3, 1) }, Start, Secretariat), "the term must run forward, within the years 1900 to 2999.");
        Corrupt(Established(), new SeatFilled(TheCoalition, Steering, 1, holding with { From = Day(1899, 12, 31) }, Start, Secretariat), "the term must run forward, within the years 1900 to 2999.");

        var oneDay = GovernanceAggregate.Rehydrate([.. Established(), new SeatFilled(TheCoalition, Steering, 7, holding with { To = holding.From }, Start, Secretariat)]);
        Assert.Equal(holding with { To = holding.From }, oneDay.Seat(Steering, 7, GovernanceScenario.NineMembers(), holding.From).Holding);
    }

    [Fact]
    public void A_history_that_vacates_a_seat_of_an_unknown_body_or_a_seat_it_lacks_is_refused()
    {
        var filled = Established();
        filled.Add(new SeatFilled(TheCoalition, Steering, 1, new SeatHolding(Partner(4), Day(2026, 3, 2), Day(2028, 3, 1), false), Start, Secretariat));

        Corrupt(filled, new SeatVacated(TheCoalition, "board", 1, Day(2026, 9, 1), null, Start, Secretariat), "the body does not exist.");
        Corrupt(filled, new SeatVacated(TheCoalition, Steering, 8, Day(2026, 9, 1), null, Start, Secretariat), "the body has no such seat.");
        Corrupt(filled, new SeatVacated(TheCoalition, Steering, 1, Day(2028, 3, 2), null, Start, Secretariat), "the seat is not held on that date.");
        Assert.Equal(filled.Count + 1, GovernanceAggregate.Rehydrate([.. filled, new SeatVacated(TheCoalition, Steering, 1, Day(2028, 3, 1), null, Start, Secretariat)]).Version);
    }

    [Fact]
    public void A_history_that_names_an_unknown_body_for_an_office_or_a_rotation_or_repeats_a_member_is_refused()
    {
        Corrupt(Established(), new OfficeAssigned(TheCoalition, "board", Office.Chair, Partner(4), Start, Secretariat), "the body does not exist or has no such office.");
        Corrupt(Established(), new RotationSet(TheCoalition, "board", Office.Chair, [Partner(4)], Start, Secretariat), "the body does not exist or has no such office.");
        Corrupt(Established(), new RotationSet(TheCoalition, "secretariat", Office.Chair, [Partner(4)], Start, Secretariat), "the body does not exist or has no such office.");
        Corrupt(Established(), new RotationSet(TheCoalition, Steering, Office.Chair, [Partner(4), Partner(5), Partner(4)], Start, Secretariat), "the rotation order must list one to 500 members, each once.");
        Corrupt(Established(), new RotationSet(TheCoalition, Steering, Office.Chair, Enumerable.Range(1, 501).Select(Partner).ToArray(), Start, Secretariat), "the rotation order must list one to 500 members, each once.");

        var rotating = GovernanceAggregate.Rehydrate([.. Established(), new RotationSet(TheCoalition, Steering, Office.Chair, Enumerable.Range(1, 500).Select(Partner).ToArray(), Start, Secretariat)]);
        Assert.Equal(Established().Count + 1, rotating.Version);
    }
}
