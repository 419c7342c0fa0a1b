using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Partners;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Coalitions;

/// <summary>
/// Each command of a coalition at its boundary: who may act, the stage each step needs, the limits of its founding
/// facts, coordinators, charter, members and weights, the day an instant falls on in its time zone, and the words of
/// each refusal and of what its queries return at their edges.
/// </summary>
public class CoalitionCommandTests
{
    private static readonly DateTimeZone Nairobi = DateTimeZoneProviders.Tzdb["Africa/Nairobi"];
    private static readonly Coordinator Deputy = new(Person(801), "Baraka Mwangi");
    private static readonly Actor AsDeputy = Actor.ForPerson(Person(801));
    private static readonly Actor Outsider = Actor.ForPerson(Person(9));
    private static readonly Actor Scheduler = Actor.System("scheduler");

    private static Instant FirstMoment(int year, int month, int day) => new LocalDate(year, month, day).AtStartOfDayInZone(Nairobi).ToInstant();

    private static Instant LastMoment(int year, int month, int day) => FirstMoment(year, month, day).InZone(Nairobi).Date.PlusDays(1).AtStartOfDayInZone(Nairobi).ToInstant() - Duration.Epsilon;

    private static Coalition Found(string name = "Learning for All", string timeZone = "Africa/Nairobi", int minimum = 3, Coordinator? founder = null, Actor? by = null) =>
        Coalition.Found(TheCoalition, name, CoalitionForm.Coalition, timeZone, founder ?? Convenor, by ?? Secretariat, Start, minimum);

    // Exploring, with the deputy appointed by the founder.
    private static Coalition Exploring()
    {
        var coalition = Founded();
        coalition.AppointCoordinator(Deputy, null, Secretariat, Start);
        return coalition;
    }

    // Forming, with a charter and members 1 to 3 as founding members: ready to become active.
    private static Coalition Forming()
    {
        var coalition = Exploring();
        coalition.BeginForming(Secretariat, Start);
        coalition.AdoptFoundingCharter(Charter(), Secretariat, Start);
        coalition.Join(1);
        coalition.Join(2);
        coalition.Join(3);
        return coalition;
    }

    // Active, with member 5 invited and member 4 suspended.
    private static Coalition Active()
    {
        var coalition = Forming();
        coalition.Join(4, MembershipTier.Full);
        coalition.Activate(Secretariat, Start);
        coalition.Invite(5, MembershipTier.Full, Hours(1));
        coalition.Suspend(Partner(4), Adopted(MatterType.SuspendMember), Secretariat, Hours(1));
        return coalition;
    }

    private static Coalition Dormant()
    {
        var coalition = Active();
        coalition.GoDormant(null, Secretariat, Hours(1));
        return coalition;
    }

    private static Coalition Institutionalized()
    {
        var coalition = Active();
        coalition.Institutionalize(Secretariat, Hours(1));
        return coalition;
    }

    private static Coalition Dissolving()
    {
        var coalition = Active();
        coalition.BeginDissolution(Adopted(MatterType.Dissolve), Secretariat, Hours(1));
        return coalition;
    }

    private static Coalition Dissolved()
    {
        var coalition = Dissolving();
        coalition.CompleteDissolution(Secretariat, Hours(1));
        return coalition;
    }

    private static Coalition In(CoalitionStatus status) => status switch
    {
        CoalitionStatus.Exploring => Exploring(),
        CoalitionStatus.Forming => Forming(),
        CoalitionStatus.Active => Active(),
        CoalitionStatus.Dormant => Dormant(),
        CoalitionStatus.Institutionalized => Institutionalized(),
        CoalitionStatus.Dissolving => Dissolving(),
        _ => Dissolved(),
    };

    // Each coordinator's command, on a coalition where the right actor may take it, with the code that refuses anyone else.
    private static IEnumerable<(string Name, Func<Coalition> Setup, Action<Coalition, Actor> Run)> CoordinatorCommands() =>
    [
        ("appoint a coordinator", Active, (c, by) => c.AppointCoordinator(new Coordinator(Person(802), "Achieng Odhiambo"), Adopted(MatterType.ElectOfficers), by, Hours(2))),
        ("remove a coordinator", Active, (c, by) => c.RemoveCoordinator(Person(801), Adopted(MatterType.ElectOfficers), by, Hours(2))),
        ("begin forming", Exploring, (c, by) => c.BeginForming(by, Hours(2))),
        ("adopt the founding charter", Exploring, (c, by) => c.AdoptFoundingCharter(Charter(), by, Hours(2))),
        ("adopt a charter", Active, (c, by) => c.AdoptCharter(Charter(), Adopted(MatterType.AmendCharter), by, Hours(2))),
        ("activate", Forming, (c, by) => c.Activate(by, Hours(2))),
        ("go dormant", Active, (c, by) => c.GoDormant(null, by, Hours(2))),
        ("revive", Dormant, (c, by) => c.Revive(by, Hours(2))),
        ("institutionalize", Active, (c, by) => c.Institutionalize(by, Hours(2))),
        ("begin charter renewal", Active, (c, by) => c.BeginCharterRenewal(Adopted(MatterType.AmendCharter), by, Hours(2))),
        ("begin dissolution", Active, (c, by) => c.BeginDissolution(Adopted(MatterType.Dissolve), by, Hours(2))),
        ("complete dissolution", Dissolving, (c, by) => c.CompleteDissolution(by, Hours(2))),
        ("invite", Active, (c, by) => c.Invite(Offer(6), Member(6), OpenDoor, null, by, Hours(2))),
        ("renew", Active, (c, by) => c.Renew(Partner(1), by, Hours(2))),
        ("suspend", Active, (c, by) => c.Suspend(Partner(3), Adopted(MatterType.SuspendMember), by, Hours(2))),
        ("reinstate", Active, (c, by) => c.Reinstate(Partner(4), null, by, Hours(2))),
        ("expel", Active, (c, by) => c.Expel(Partner(3), Adopted(MatterType.ExpelMember), by, Hours(2))),
    ];

    // Each command a member's own delegate takes, as member n's delegate may, on an active coalition.
    private static IEnumerable<(string Name, int Member, Action<Coalition, Actor> Run)> DelegateCommands() =>
    [
        ("accept", 5, (c, by) => c.AcceptMembership(Partner(5), by, Hours(2))),
        ("decline", 5, (c, by) => c.DeclineInvitation(Partner(5), "Not this year.", by, Hours(2))),
        ("withdraw", 1, (c, by) => c.Withdraw(Partner(1), "Mandate ended.", by, Hours(2))),
    ];

    private static void Accepted(Coalition coalition, Action command, string name)
    {
        var version = coalition.Version;
        command();
        Assert.True(coalition.Version > version, name);
    }

    [Fact]
    public void The_founder_and_every_other_coordinator_take_each_coordinators_step()
    {
        foreach (var (name, setup, run) in CoordinatorCommands())
        {
            var byFounder = setup();
            Accepted(byFounder, () => run(byFounder, Secretariat), name);
            var byDeputy = setup();
            Accepted(byDeputy, () => run(byDeputy, AsDeputy), name);
        }
    }

    [Fact]
    public void An_outsider_a_members_delegate_and_the_system_may_not_take_a_coordinators_step()
    {
        foreach (var (name, setup, run) in CoordinatorCommands())
        {
            var coalition = setup();
            var actors = name == "renew" ? new[] { Outsider, For(1) } : new[] { Outsider, For(1), Scheduler };
            foreach (var actor in actors)
            {
                Assert.True(Refusal.Expect(coalition, ErrorCodes.Coalitions.NotACoordinator, () => run(coalition, actor)).IsAuthorizationRefusal, name);
            }
        }
    }

    [Fact]
    public void A_coordinator_who_has_been_removed_no_longer_takes_a_coordinators_step()
    {
        var coalition = Exploring();
        coalition.RemoveCoordinator(Person(801), null, Secretariat, Hours(1));

        Assert.False(coalition.IsCoordinator(Person(801)));
        Assert.True(Refusal.Expect(coalition, ErrorCodes.Coalitions.NotACoordinator, () => coalition.BeginForming(AsDeputy, Hours(2))).IsAuthorizationRefusal);
    }

    [Fact]
    public void The_host_system_and_a_coordinator_renew_a_membership()
    {
        var coalition = Active();

        coalition.Renew(Partner(1), Scheduler, Hours(2));
        coalition.Renew(Partner(2), AsDeputy, Hours(2));

        Assert.True(coalition.TryGetMembership(Partner(1), out var first));
        Assert.True(coalition.TryGetMembership(Partner(2), out var second));
        Assert.Equal((new LocalDate(2028, 3, 1), new LocalDate(2028, 3, 1)), (first.TermEndsOn, second.TermEndsOn));
    }

    [Fact]
    public void Only_the_members_own_delegate_acting_for_it_accepts_declines_or_withdraws()
    {
        foreach (var (name, member, run) in DelegateCommands())
        {
            var allowed = Active();
            Accepted(allowed, () => run(allowed, For(member)), name);

            var coalition = Active();
            var other = member == 5 ? 1 : 2;
            foreach (var actor in new[] { Secretariat, Actor.ForPerson(Person(member)), For(other), Actor.Representing(Person(member), Partner(other)), Scheduler })
            {
                Assert.True(Refusal.Expect(coalition, ErrorCodes.Membership.NotADelegate, () => run(coalition, actor)).IsAuthorizationRefusal, name);
            }
        }
    }

    [Fact]
    public void Only_a_representative_the_partner_has_named_acting_for_it_changes_its_delegates()
    {
        var allowed = Active();
        allowed.UpdateDelegates(Member(1), [Person(1)], For(1), Hours(2));

        var coalition = Active();
        foreach (var actor in new[] { Secretariat, Actor.ForPerson(Person(1)), For(2), Actor.Representing(Person(1), Partner(2)), Scheduler })
        {
            Assert.True(Refusal.Expect(coalition, ErrorCodes.Membership.NotARepresentative, () => coalition.UpdateDelegates(Member(1), [Person(1)], actor, Hours(2))).IsAuthorizationRefusal);
        }

        Assert.True(Refusal.Expect(coalition, ErrorCodes.Membership.NotARepresentative, () => coalition.UpdateDelegates(null!, [Person(1)], For(1), Hours(2))).IsAuthorizationRefusal);
    }

    [Fact]
    public void A_refusal_of_who_acts_names_the_actor_the_step_the_member_and_who_may()
    {
        var coalition = Active();

        Assert.Equal(
            $"Person {Person(9)} may not go dormant Learning for All: only a coordinator of the coalition may.",
            Refusal.Expect(coalition, ErrorCodes.Coalitions.NotACoordinator, () => coalition.GoDormant(null, Outsider, Hours(2))).Message);
        Assert.Equal(
            $"Person {Person(1)} acting for Member 1 may not suspend Member 3 in Learning for All: only a coordinator of the coalition may.",
            Refusal.Expect(coalition, ErrorCodes.Coalitions.NotACoordinator, () => coalition.Suspend(Partner(3), Adopted(MatterType.SuspendMember), For(1), Hours(2))).Message);
        Assert.Equal(
            $"Person {Person(9)} may not suspend partner {Partner(9)} in Learning for All: only a coordinator of the coalition may.",
            Refusal.Expect(coalition, ErrorCodes.Coalitions.NotACoordinator, () => coalition.Suspend(Partner(9), Adopted(MatterType.SuspendMember), Outsider, Hours(2))).Message);
        Assert.Equal(
            $"Person {Person(1)} acting for Member 1 may not renew Member 1 in Learning for All: only a coordinator of the coalition or the host system (scheduled work) may.",
            Refusal.Expect(coalition, ErrorCodes.Coalitions.NotACoordinator, () => coalition.Renew(Partner(1), For(1), Hours(2))).Message);
        Assert.Equal(
            "Wanjiru Kamau may not accept membership Member 5 in Learning for All: only a delegate of the member, acting for it may.",
            Refusal.Expect(coalition, ErrorCodes.Membership.NotADelegate, () => coalition.AcceptMembership(Partner(5), Secretariat, Hours(2))).Message);
        Assert.Equal(
            "The system process 'scheduler' may not withdraw Member 1 in Learning for All: only a delegate of the member, acting for it may.",
            Refusal.Expect(coalition, ErrorCodes.Membership.NotADelegate, () => coalition.Withdraw(Partner(1), null, Scheduler, Hours(2))).Message);
        Assert.Equal(
            "Baraka Mwangi may not update delegates Member 1 in Learning for All: only a representative the member has named, acting for it may.",
            Refusal.Expect(coalition, ErrorCodes.Membership.NotARepresentative, () => coalition.UpdateDelegates(Member(1), [Person(1)], AsDeputy, Hours(2))).Message);
    }

    [Fact]
    public void Only_the_founder_founds_a_coalition_as_themselves_or_acting_for_their_organization()
    {
        var forTheirOrganization = Found(by: Actor.Representing(Person(800), Partner(1)));
        Assert.Equal([Convenor], forTheirOrganization.Coordinators);

        var error = Refusal.Of(() => Found(by: For(1)), ErrorCodes.Coalitions.NotACoordinator);
        Assert.True(error.IsAuthorizationRefusal);
        Assert.Equal($"Person {Person(1)} acting for partner {Partner(1)} may not found a new coalition: only the person founding the coalition, its first coordinator may.", error.Message);
        Assert.True(Refusal.Of(() => Found(by: Scheduler), ErrorCodes.Coalitions.NotACoordinator).IsAuthorizationRefusal);
        Assert.True(Refusal.Of(() => Found(by: AsDeputy), ErrorCodes.Coalitions.NotACoordinator).IsAuthorizationRefusal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(100)]
    public void A_founding_minimum_of_two_to_a_hundred_is_accepted(int minimum)
    {
        Assert.Equal(minimum, Found(minimum: minimum).FoundingMinimum);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(101)]
    public void A_founding_minimum_below_two_or_above_a_hundred_is_refused_in_words(int minimum)
    {
        Assert.Equal(
            "Cannot found the coalition: its founding minimum must be from 2 to 100.",
            Refusal.Of(() => Found(minimum: minimum), ErrorCodes.Coalitions.InvalidCoalition).Message);
    }

    [Fact]
    public void A_coalitions_name_is_trimmed_and_one_line_of_at_most_200_characters()
    {
        Assert.Equal("Learning for All", Found(name: "  Learning for All  ").Name);
        Assert.Equal(200, Found(name: new string('x', 200)).Name.Length);

        const string Refused = "Cannot found the coalition: it needs a name of one line and at most 200 characters.";
        Assert.Equal(Refused, Refusal.Of(() => Found(name: new string('x', 201)), ErrorCodes.Coalitions.InvalidCoalition).Message);
        Assert.Equal(Refused, Refusal.Of(() => Found(name: "Learning\tfor All"), ErrorCodes.Coalitions.InvalidCoalition).Message);
        Assert.Equal(Refused, Refusal.Of(() => Found(name: "   "), ErrorCodes.Coalitions.InvalidCoalition).Message);
        Assert.Equal(Refused, Refusal.Of(() => Found(name: null!), ErrorCodes.Coalitions.InvalidCoalition).Message);
    }

    [Fact]
    public void A_coalitions_time_zone_is_a_tz_database_id_and_its_form_a_defined_one()
    {
        Assert.Equal("America/Argentina/Buenos_Aires", Found(timeZone: "America/Argentina/Buenos_Aires").TimeZone.Id);

        const string Zone = "Cannot found the coalition: its time zone must be an id of the tz database, such as Africa/Nairobi.";
        Assert.Equal(Zone, Refusal.Of(() => Found(timeZone: "Nairobi"), ErrorCodes.Coalitions.InvalidCoalition).Message);
        Assert.Equal(Zone, Refusal.Of(() => Found(timeZone: null!), ErrorCodes.Coalitions.InvalidCoalition).Message);
        Assert.Equal(Zone, Refusal.Of(() => Found(timeZone: new string('x', 65)), ErrorCodes.Coalitions.InvalidCoalition).Message);
        Assert.Equal(
            "Cannot found the coalition: its form has an undefined value.",
            Refusal.Of(() => Coalition.Found(TheCoalition, "Learning for All", (CoalitionForm)0, "Africa/Nairobi", Convenor, Secretariat, Start), ErrorCodes.Coalitions.InvalidCoalition).Message);
    }

    [Fact]
    public void A_new_coalition_has_the_default_rights_and_terms_and_its_founder_trimmed_as_first_coordinator()
    {
        var coalition = Found(founder: new Coordinator(Person(800), " Wanjiru Kamau  "));

        Assert.Equal([Convenor], coalition.Coordinators);
        Assert.Equal((RightsTable.Default, MembershipTerms.Default, CoalitionForm.Coalition, 0), (coalition.Rights, coalition.Terms, coalition.Form, coalition.CharterVersion));
        Assert.Null(coalition.Charter);
        Assert.Empty(coalition.Members);
        Assert.True(coalition.IsFounding);
    }

    [Fact]
    public void A_coordinator_is_appointed_trimmed_after_those_before_and_a_person_once()
    {
        var coalition = Founded();

        coalition.AppointCoordinator(Deputy with { Name = "  Baraka Mwangi " }, null, Secretariat, Hours(1));
        coalition.AppointCoordinator(new Coordinator(Person(802), "Achieng Odhiambo"), null, AsDeputy, Hours(1));

        Assert.Equal([Convenor, Deputy, new Coordinator(Person(802), "Achieng Odhiambo")], coalition.Coordinators);
        Assert.Equal(
            "W. Kamau is already a coordinator of Learning for All.",
            Refusal.Expect(coalition, ErrorCodes.Coalitions.AlreadyACoordinator, () => coalition.AppointCoordinator(Convenor with { Name = "W. Kamau" }, null, AsDeputy, Hours(2))).Message);
    }

    [Fact]
    public void A_coalition_has_at_most_fifty_coordinators()
    {
        var coalition = Founded();
        for (var n = 1; n <= 48; n++)
        {
            coalition.AppointCoordinator(new Coordinator(Person(1000 + n), $"Coordinator {n}"), null, Secretariat, Hours(1));
        }

        coalition.AppointCoordinator(new Coordinator(Person(1049), "Coordinator 49"), null, Secretariat, Hours(1));
        Assert.Equal(50, coalition.Coordinators.Count);

        Assert.Equal(
            "Learning for All has 50 coordinators, the most a coalition may have.",
            Refusal.Expect(coalition, ErrorCodes.Kernel.OutOfRange, () => coalition.AppointCoordinator(new Coordinator(Person(1050), "Coordinator 50"), null, Secretariat, Hours(2))).Message);
    }

    [Fact]
    public void A_coordinators_name_is_one_line_of_at_most_200_characters_in_words()
    {
        Assert.Equal(200, new Coordinator(Person(801), new string('x', 200)).Name.Length);
        Assert.Equal("A coordinator's name has at most 200 characters.", Refusal.Of(() => _ = new Coordinator(Person(801), new string('x', 201)), ErrorCodes.Coalitions.InvalidCoordinator).Message);
        Assert.Equal("A coordinator's name must be given.", Refusal.Of(() => _ = new Coordinator(Person(801), " "), ErrorCodes.Coalitions.InvalidCoordinator).Message);
        Assert.Equal("A coordinator's name is one line, without tabs or line breaks.", Refusal.Of(() => _ = new Coordinator(Person(801), "Baraka\tMwangi"), ErrorCodes.Coalitions.InvalidCoordinator).Message);

        var coalition = Founded();
        Assert.Equal(
            "A coordinator's name is one line of at most 200 characters.",
            Refusal.Expect(coalition, ErrorCodes.Coalitions.InvalidCoordinator, () => coalition.AppointCoordinator(Deputy with { Name = new string('x', 201) }, null, Secretariat, Hours(1))).Message);
    }

    [Fact]
    public void While_founding_coordinators_remove_one_another_without_a_decision_and_after_it_only_by_one()
    {
        var founding = Exploring();
        founding.RemoveCoordinator(Person(801), null, Secretariat, Hours(1));
        Assert.Equal([Convenor], founding.Coordinators);

        var active = Active();
        Assert.Equal(
            "This needs an adopted decision of Learning for All on elect officers.",
            Refusal.Expect(active, ErrorCodes.Coalitions.DecisionRequired, () => active.RemoveCoordinator(Person(801), null, Secretariat, Hours(2))).Message);
        Assert.Equal(
            "The decision cited (rejected, on elect officers) is not an adopted decision of Learning for All on elect officers.",
            Refusal.Expect(active, ErrorCodes.Coalitions.DecisionRequired, () => active.RemoveCoordinator(Person(801), Adopted(MatterType.ElectOfficers, result: DecisionResult.Rejected), Secretariat, Hours(2))).Message);
        active.RemoveCoordinator(Person(800), null, Actor.ForPerson(Person(800)), Hours(2));
        Assert.Equal([Deputy], active.Coordinators);
    }

    [Fact]
    public void Removing_someone_who_is_not_a_coordinator_or_the_last_one_is_refused_in_words()
    {
        var coalition = Founded();

        Assert.Equal(
            $"Person {Person(801)} is not a coordinator of Learning for All.",
            Refusal.Expect(coalition, ErrorCodes.Coalitions.UnknownCoordinator, () => coalition.RemoveCoordinator(Person(801), null, Secretariat, Hours(1))).Message);
        Assert.Equal(
            "Wanjiru Kamau is the last coordinator of Learning for All; appoint another before removing them.",
            Refusal.Expect(coalition, ErrorCodes.Coalitions.LastCoordinator, () => coalition.RemoveCoordinator(Person(800), null, Secretariat, Hours(1))).Message);
    }

    [Theory]
    [InlineData(CoalitionStatus.Exploring, true)]
    [InlineData(CoalitionStatus.Forming, true)]
    [InlineData(CoalitionStatus.Active, false)]
    [InlineData(CoalitionStatus.Dormant, false)]
    [InlineData(CoalitionStatus.Institutionalized, false)]
    [InlineData(CoalitionStatus.Dissolving, false)]
    [InlineData(CoalitionStatus.Dissolved, false)]
    public void A_coalition_is_being_founded_only_while_exploring_or_forming_before_it_was_ever_active(CoalitionStatus status, bool founding)
    {
        var coalition = In(status);

        Assert.Equal(status, coalition.Status);
        Assert.Equal(founding, coalition.IsFounding);
    }

    // Each step of the lifecycle, and the stages it may be taken from.
    public static TheoryData<string, CoalitionStatus> StepsAndStages()
    {
        var data = new TheoryData<string, CoalitionStatus>();
        foreach (var step in new[] { "BeginForming", "Activate", "GoDormant", "Revive", "Institutionalize", "BeginCharterRenewal", "BeginDissolution", "CompleteDissolution" })
        {
            foreach (var status in Enum.GetValues<CoalitionStatus>())
            {
                data.Add(step, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StepsAndStages))]
    public void Each_lifecycle_step_is_taken_only_from_its_stages_and_refused_elsewhere_in_words(string step, CoalitionStatus from)
    {
        var (to, allowed) = step switch
        {
            "BeginForming" => (CoalitionStatus.Forming, from == CoalitionStatus.Exploring),
            "Activate" => (CoalitionStatus.Active, from == CoalitionStatus.Forming),
            "GoDormant" => (CoalitionStatus.Dormant, from == CoalitionStatus.Active),
            "Revive" => (CoalitionStatus.Active, from == CoalitionStatus.Dormant),
            "Institutionalize" => (CoalitionStatus.Institutionalized, from == CoalitionStatus.Active),
            "BeginCharterRenewal" => (CoalitionStatus.Forming, from is CoalitionStatus.Active or CoalitionStatus.Dormant or CoalitionStatus.Institutionalized),
            "BeginDissolution" => (CoalitionStatus.Dissolving, from is CoalitionStatus.Active or CoalitionStatus.Dormant or CoalitionStatus.Institutionalized),
            _ => (CoalitionStatus.Dissolved, from == CoalitionStatus.Dissolving),
        };
        var coalition = In(from);

        if (allowed)
        {
            Take(coalition, step);
            Assert.Equal(to, coalition.Status);
            return;
        }

        var error = Refusal.Expect(coalition, ErrorCodes.Coalitions.InvalidTransition, () => Take(coalition, step));
        var stage = Words.Of(from);
        Assert.Equal(
            step == "Activate" ? $"Learning for All cannot become active while {stage}." : $"Learning for All is {stage}; it cannot become {Words.Of(to)} from there.",
            error.Message);
    }

    private static void Take(Coalition coalition, string step)
    {
        switch (step)
        {
            case "BeginForming": coalition.BeginForming(Secretariat, Hours(2)); break;
            case "Activate": coalition.Activate(Secretariat, Hours(2)); break;
            case "GoDormant": coalition.GoDormant("Funding gap.", Secretariat, Hours(2)); break;
            case "Revive": coalition.Revive(Secretariat, Hours(2)); break;
            case "Institutionalize": coalition.Institutionalize(Secretariat, Hours(2)); break;
            case "BeginCharterRenewal": coalition.BeginCharterRenewal(Adopted(MatterType.AmendCharter), Secretariat, Hours(2)); break;
            case "BeginDissolution": coalition.BeginDissolution(Adopted(MatterType.Dissolve), Secretariat, Hours(2)); break;
            default: coalition.CompleteDissolution(Secretariat, Hours(2)); break;
        }
    }

    [Fact]
    public void Renewal_and_dissolution_each_need_an_adopted_decision_on_their_matter_in_words()
    {
        var coalition = Active();

        Assert.Equal(
            "The decision cited (adopted, on dissolve) is not an adopted decision of Learning for All on amend charter.",
            Refusal.Expect(coalition, ErrorCodes.Coalitions.DecisionRequired, () => coalition.BeginCharterRenewal(Adopted(MatterType.Dissolve), Secretariat, Hours(2))).Message);
        Assert.Equal(
            "The decision cited (adopted, on amend charter) is not an adopted decision of this coalition on dissolve.",
            Refusal.Expect(coalition, ErrorCodes.Coalitions.DecisionRequired, () => coalition.BeginDissolution(Adopted(MatterType.AmendCharter, CoalitionId.New()), Secretariat, Hours(2))).Message);
        Assert.Equal(
            "This needs an adopted decision of Learning for All on dissolve.",
            Refusal.Expect(coalition, ErrorCodes.Coalitions.DecisionRequired, () => coalition.BeginDissolution(null!, Secretariat, Hours(2))).Message);
    }

    [Fact]
    public void A_coalition_becomes_active_with_exactly_its_founding_minimum_and_not_one_fewer()
    {
        var exactly = Found(minimum: 2);
        exactly.BeginForming(Secretariat, Start);
        exactly.AdoptFoundingCharter(Charter(), Secretariat, Start);
        exactly.Join(1);
        exactly.Join(2, MembershipTier.Full);
        exactly.Join(3, MembershipTier.Associate);

        Assert.Equal(
            "Learning for All cannot become active while forming: it needs that the founding minimum of founding members have joined.",
            Refusal.Expect(exactly, ErrorCodes.Coalitions.NotReadyToActivate, () => exactly.Activate(Secretariat, Hours(1))).Message);

        exactly.Join(4);
        exactly.Activate(Secretariat, Hours(1));
        Assert.Equal(CoalitionStatus.Active, exactly.Status);
    }

    [Fact]
    public void A_coalition_not_ready_to_activate_names_every_condition_it_lacks()
    {
        var coalition = Exploring();
        coalition.BeginForming(Secretariat, Start);

        Assert.Equal(
            "Learning for All cannot become active while forming: it needs that its charter is adopted and the founding minimum of founding members have joined.",
            Refusal.Expect(coalition, ErrorCodes.Coalitions.NotReadyToActivate, () => coalition.Activate(Secretariat, Hours(1))).Message);
    }

    [Fact]
    public void Founding_members_who_are_suspended_withdrawn_or_only_invited_do_not_count_towards_the_minimum()
    {
        var coalition = Found(minimum: 2);
        coalition.BeginForming(Secretariat, Start);
        coalition.AdoptFoundingCharter(Charter(), Secretariat, Start);
        coalition.Join(1);
        coalition.Join(2);
        coalition.Join(3);
        coalition.Invite(4, MembershipTier.Founding, Start);
        coalition.Suspend(Partner(2), Adopted(MatterType.SuspendMember), Secretariat, Hours(1));
        coalition.Withdraw(Partner(3), null, For(3), Hours(1));

        Refusal.Expect(coalition, ErrorCodes.Coalitions.NotReadyToActivate, () => coalition.Activate(Secretariat, Hours(2)));
    }

    [Fact]
    public void Founding_members_count_on_the_day_of_activation_in_the_coalitions_time_zone_up_to_its_last_moment()
    {
        // Members joined on 2 March 2026: their term ends on 1 March 2027 and their grace period on 1 June 2027.
        var lastDay = Forming();
        lastDay.Activate(Secretariat, LastMoment(2027, 6, 1));
        Assert.Equal(CoalitionStatus.Active, lastDay.Status);

        var dayAfter = Forming();
        Refusal.Expect(dayAfter, ErrorCodes.Coalitions.NotReadyToActivate, () => dayAfter.Activate(Secretariat, FirstMoment(2027, 6, 2)));
    }

    [Fact]
    public void A_dormancy_reason_is_at_most_2000_characters()
    {
        var coalition = Active();
        Refusal.Expect(coalition, ErrorCodes.Kernel.InvalidText, () => coalition.GoDormant(new string('x', 2_001), Secretariat, Hours(2)));

        coalition.GoDormant(new string('x', 2_000), Secretariat, Hours(2));
        Assert.Equal(new string('x', 2_000), Assert.IsType<CoalitionStageChanged>(coalition.DequeueUncommittedEvents()[^1]).Reason);
    }

    [Fact]
    public void A_reason_given_for_going_dormant_declining_or_withdrawing_is_recorded_trimmed_and_a_blank_one_as_none()
    {
        var coalition = Active();

        coalition.GoDormant("  Funding gap until May. ", Secretariat, Hours(2));
        coalition.DeclineInvitation(Partner(5), "   ", For(5), Hours(2));
        coalition.Withdraw(Partner(1), " Mandate ended.\n", For(1), Hours(2));

        var events = coalition.DequeueUncommittedEvents();
        Assert.Equal("Funding gap until May.", events.OfType<CoalitionStageChanged>().Single(e => e.Stage == CoalitionStatus.Dormant).Reason);
        Assert.Equal(
            [null, "Mandate ended."],
            events.OfType<MemberWithdrew>().Where(e => e.Partner == Partner(5) || e.Partner == Partner(1)).Select(e => e.Reason));
    }

    [Fact]
    public void A_charter_renewal_records_its_decision_and_reason()
    {
        var coalition = Active();

        coalition.BeginCharterRenewal(Adopted(MatterType.AmendCharter), Secretariat, Hours(2));

        var changed = Assert.IsType<CoalitionStageChanged>(coalition.DequeueUncommittedEvents()[^1]);
        Assert.Equal(("charter renewal", MatterType.AmendCharter, CoalitionStatus.Forming), (changed.Reason, changed.Decision!.Matter, changed.Stage));
    }

    [Theory]
    [InlineData(CoalitionStatus.Exploring)]
    [InlineData(CoalitionStatus.Forming)]
    public void While_being_founded_its_coordinators_adopt_a_charter_without_a_decision_each_the_next_version(CoalitionStatus status)
    {
        var coalition = In(status);
        var version = coalition.CharterVersion;

        coalition.AdoptCharter(Charter(Goal(target: 95m)), null, AsDeputy, Hours(2));

        Assert.Equal(version + 1, coalition.CharterVersion);
        Assert.Equal(95m, coalition.Charter!.Goals[0].Target);
    }

    [Theory]
    [InlineData(CoalitionStatus.Active)]
    [InlineData(CoalitionStatus.Dormant)]
    [InlineData(CoalitionStatus.Institutionalized)]
    public void Once_established_a_charter_is_adopted_only_by_a_decision_to_amend_it(CoalitionStatus status)
    {
        var coalition = In(status);

        Assert.Equal(
            "This needs an adopted decision of Learning for All on amend charter.",
            Refusal.Expect(coalition, ErrorCodes.Coalitions.DecisionRequired, () => coalition.AdoptCharter(Charter(), null, Secretariat, Hours(2))).Message);
        Assert.Equal(
            "Learning for All has been active: its founders no longer adopt its charter; the charter changes by a decision to amend it (AdoptCharter with the decision).",
            Refusal.Expect(coalition, ErrorCodes.Coalitions.InvalidTransition, () => coalition.AdoptFoundingCharter(Charter(), Secretariat, Hours(2))).Message);

        coalition.AdoptCharter(Charter(), Adopted(MatterType.AmendCharter), Secretariat, Hours(2));
        Assert.Equal(2, coalition.CharterVersion);
    }

    [Fact]
    public void During_a_charter_renewal_the_coordinators_adopt_the_charter_but_not_as_its_founders()
    {
        var coalition = Active();
        coalition.BeginCharterRenewal(Adopted(MatterType.AmendCharter), Secretariat, Hours(2));

        Refusal.Expect(coalition, ErrorCodes.Coalitions.InvalidTransition, () => coalition.AdoptFoundingCharter(Charter(), Secretariat, Hours(3)));
        coalition.AdoptCharter(Charter(), null, Secretariat, Hours(3));

        Assert.Equal(2, coalition.CharterVersion);
    }

    [Theory]
    [InlineData(CoalitionStatus.Dissolving)]
    [InlineData(CoalitionStatus.Dissolved)]
    public void A_dissolving_or_dissolved_coalition_keeps_its_charter_and_takes_no_members(CoalitionStatus status)
    {
        var coalition = In(status);
        var stage = Words.Of(status);

        Assert.Equal(
            $"Learning for All is {stage}; its charter no longer changes.",
            Refusal.Expect(coalition, ErrorCodes.Coalitions.InvalidTransition, () => coalition.AdoptCharter(Charter(), Adopted(MatterType.AmendCharter), Secretariat, Hours(2))).Message);
        Assert.Equal(
            $"Learning for All is {stage} and takes no new members.",
            Refusal.Expect(coalition, ErrorCodes.Membership.NotAdmitting, () => coalition.Invite(Offer(6), Member(6), OpenDoor, null, Secretariat, Hours(2))).Message);
        Assert.Equal(
            $"Learning for All is {stage} and takes no new members.",
            Refusal.Expect(coalition, ErrorCodes.Membership.NotAdmitting, () => coalition.AcceptMembership(Partner(5), For(5), Hours(2))).Message);
    }

    [Fact]
    public void A_charter_states_one_to_fifty_principles_up_to_fifty_ground_rules_and_one_to_fifty_goals()
    {
        var coalition = Founded();
        var fifty = Enumerable.Range(1, 50).Select(n => $"Rule {n}.").ToArray();
        var goals = Enumerable.Range(1, 50).Select(n => Goal() with { Title = $"Goal {n}" }).ToArray();

        coalition.AdoptCharter(Charter() with { Principles = ["One."], GroundRules = [], Goals = [Goal()] }, null, Secretariat, Start);
        coalition.AdoptCharter(Charter() with { Principles = fifty, GroundRules = fifty, Goals = goals }, null, Secretariat, Start);
        Assert.Equal((50, 50, 50), (coalition.Charter!.Principles.Count, coalition.Charter.GroundRules.Count, coalition.Charter.Goals.Count));
        Assert.Equal("Rule 50.", coalition.Charter.Principles[^1]);
        Assert.Equal("Goal 50", coalition.Charter.Goals[^1].Title);

        string[] many = [.. fifty, "Rule 51."];
        Assert.Equal(
            "A charter states one to 50 principles of partnership.",
            Refusal.Expect(coalition, ErrorCodes.Coalitions.InvalidCharter, () => coalition.AdoptCharter(Charter() with { Principles = many }, null, Secretariat, Start)).Message);
        Assert.Equal(
            "A charter states one to 50 principles of partnership.",
            Refusal.Expect(coalition, ErrorCodes.Coalitions.InvalidCharter, () => coalition.AdoptCharter(Charter() with { Principles = [] }, null, Secretariat, Start)).Message);
        Assert.Equal(
            "A charter states at most 50 ground rules (an empty list is fine).",
            Refusal.Expect(coalition, ErrorCodes.Coalitions.InvalidCharter, () => coalition.AdoptCharter(Charter() with { GroundRules = many }, null, Secretariat, Start)).Message);
        Assert.Equal(
            "A charter states one to 50 measurable goals.",
            Refusal.Expect(coalition, ErrorCodes.Coalitions.InvalidCharter, () => coalition.AdoptCharter(Charter() with { Goals = [.. goals, Goal()] }, null, Secretariat, Start)).Message);
        Assert.Equal(
            "A charter states one to 50 measurable goals.",
            Refusal.Expect(coalition, ErrorCodes.Coalitions.InvalidCharter, () => coalition.AdoptCharter(Charter() with { Goals = [] }, null, Secretariat, Start)).Message);
    }

    [Fact]
    public void A_charters_texts_are_held_to_their_lengths()
    {
        var coalition = Founded();
        var longest = Charter() with
        {
            Problem = new string('p', 4_000),
            Vision = new string('v', 2_000),
            Mission = new string('m', 2_000),
            Principles = [new string('r', 1_000)],
            GroundRules = [new string('g', 1_000)],
            Goals = [Goal() with { Title = new string('t', 200), Indicator = new string('i', 200), Unit = new string('u', 50) }],
        };

        coalition.AdoptCharter(longest, null, Secretariat, Start);
        Assert.Equal(longest.Problem, coalition.Charter!.Problem);

        foreach (var tooLong in new[]
        {
            longest with { Problem = new string('p', 4_001) },
            longest with { Vision = new string('v', 2_001) },
            longest with { Mission = new string('m', 2_001) },
            longest with { Principles = [new string('r', 1_001)] },
            longest with { GroundRules = [new string('g', 1_001)] },
            longest with { Goals = [longest.Goals[0] with { Title = new string('t', 201) }] },
            longest with { Goals = [longest.Goals[0] with { Indicator = new string('i', 201) }] },
            longest with { Goals = [longest.Goals[0] with { Unit = new string('u', 51) }] },
        })
        {
            Refusal.Expect(coalition, ErrorCodes.Kernel.InvalidText, () => coalition.AdoptCharter(tooLong, null, Secretariat, Hours(1)));
        }
    }

    [Fact]
    public void A_goal_without_an_indicator_or_a_unit_is_not_measurable()
    {
        var coalition = Founded();

        Refusal.Expect(coalition, ErrorCodes.Coalitions.GoalNotMeasurable, () => coalition.AdoptCharter(Charter(Goal() with { Indicator = "" }), null, Secretariat, Start));
        Refusal.Expect(coalition, ErrorCodes.Coalitions.GoalNotMeasurable, () => coalition.AdoptCharter(Charter(Goal() with { Unit = "" }), null, Secretariat, Start));
    }

    [Theory]
    [InlineData(GoalDirection.Increase, 70.01, true)]
    [InlineData(GoalDirection.Increase, 70, false)]
    [InlineData(GoalDirection.Decrease, 69.99, true)]
    [InlineData(GoalDirection.Decrease, 70, false)]
    [InlineData(GoalDirection.Maintain, 70, true)]
    [InlineData(GoalDirection.Maintain, 70.01, false)]
    [InlineData(GoalDirection.Maintain, 69.99, false)]
    public void A_goals_target_moves_from_its_baseline_of_70_in_its_direction_by_any_amount(GoalDirection direction, double target, bool accepted)
    {
        var coalition = Founded();
        var goal = Goal((decimal)target, direction: direction);

        if (accepted)
        {
            coalition.AdoptCharter(Charter(goal), null, Secretariat, Start);
            Assert.Equal((decimal)target, coalition.Charter!.Goals[0].Target);
            return;
        }

        Assert.Equal(
            FormattableString.Invariant($"Goal 'Every child reads by age ten': a target of {(decimal)target} does not {Words.Of(direction)} the baseline of 70."),
            Refusal.Expect(coalition, ErrorCodes.Coalitions.GoalNotMeasurable, () => coalition.AdoptCharter(Charter(goal), null, Secretariat, Start)).Message);
    }

    [Theory]
    [InlineData(1900, 1, 1, true)]
    [InlineData(2999, 12, 31, true)]
    [InlineData(1899, 12, 31, false)]
    [InlineData(3000, 1, 1, false)]
    public void A_goals_deadline_falls_in_the_years_1900_to_2999(int year, int month, int day, bool accepted)
    {
        var coalition = Founded();
        var goal = Goal(deadline: new LocalDate(year, month, day));

        if (accepted)
        {
            coalition.AdoptCharter(Charter(goal), null, Secretariat, Start);
            Assert.Equal(new LocalDate(year, month, day), coalition.Charter!.Goals[0].Deadline);
            return;
        }

        Refusal.Expect(coalition, ErrorCodes.Kernel.OutOfRange, () => coalition.AdoptCharter(Charter(goal), null, Secretariat, Start));
    }

    [Fact]
    public void Each_goal_key_names_one_goal_compared_exactly_and_is_never_the_empty_key()
    {
        var coalition = Founded();

        Assert.Equal(
            "Each goal's key names one goal of the charter; two goals share a key.",
            Refusal.Expect(coalition, ErrorCodes.Coalitions.InvalidCharter, () => coalition.AdoptCharter(Charter(Goal().Keyed("reading"), Goal().Keyed(" reading ")), null, Secretariat, Start)).Message);
        Assert.Equal(
            "A goal's key, when given, is not the empty key.",
            Refusal.Expect(coalition, ErrorCodes.Kernel.InvalidText, () => coalition.AdoptCharter(Charter(Goal() with { Key = default(GoalKey) }), null, Secretariat, Start)).Message);

        coalition.AdoptCharter(Charter(Goal().Keyed("reading"), Goal().Keyed("Reading"), Goal(), Goal()), null, Secretariat, Start);
        Assert.Equal(["reading", "Reading", null, null], coalition.Charter!.Goals.Select(g => g.Key?.Value));
    }

    [Fact]
    public void A_goal_key_is_trimmed_and_at_most_64_characters()
    {
        Assert.Equal("reading-by-ten", new GoalKey("  reading-by-ten ").Value);
        Assert.Equal(64, new GoalKey(new string('k', 64)).Value.Length);
        Refusal.Of(() => _ = new GoalKey(new string('k', 65)), ErrorCodes.Kernel.InvalidText);
        Refusal.Of(() => _ = new GoalKey("  "), ErrorCodes.Kernel.InvalidText);
        Assert.Equal(string.Empty, default(GoalKey).ToString());
    }

    [Fact]
    public void An_adopted_charter_keeps_its_ground_rules_and_goals_whatever_the_host_does_with_its_arrays()
    {
        var coalition = Founded();
        var groundRules = new[] { "Speak one at a time." };
        var goals = new[] { Goal() };

        coalition.AdoptCharter(Charter() with { GroundRules = groundRules, Goals = goals }, null, Secretariat, Start);
        groundRules[0] = "Whatever the host writes later.";
        goals[0] = Goal(target: 99m);

        Assert.Equal("Speak one at a time.", coalition.Charter!.GroundRules[0]);
        Assert.Equal(90m, coalition.Charter.Goals[0].Target);
    }

    [Fact]
    public void An_invitation_is_dated_by_the_day_in_the_coalitions_time_zone_from_its_first_to_its_last_moment()
    {
        var coalition = Exploring();

        coalition.Invite(1, MembershipTier.Founding, FirstMoment(2026, 3, 2));
        coalition.Invite(2, MembershipTier.Founding, LastMoment(2026, 3, 2));
        coalition.Invite(3, MembershipTier.Founding, FirstMoment(2026, 3, 3));

        Assert.Equal(
            [new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 3)],
            Enumerable.Range(1, 3).Select(n => coalition.TryGetMembership(Partner(n), out var m) ? m.InvitedOn : default));
    }

    [Fact]
    public void An_acceptance_starts_a_term_on_that_day_in_the_coalitions_time_zone_for_the_terms_length()
    {
        var coalition = Exploring();
        coalition.Invite(1, MembershipTier.Founding, Start);
        coalition.Invite(2, MembershipTier.Founding, Start);

        coalition.AcceptMembership(Partner(1), For(1), LastMoment(2026, 3, 2));
        coalition.AcceptMembership(Partner(2), For(2), FirstMoment(2026, 3, 3));

        Assert.True(coalition.TryGetMembership(Partner(1), out var first));
        Assert.True(coalition.TryGetMembership(Partner(2), out var second));
        Assert.Equal((new LocalDate(2026, 3, 2), new LocalDate(2027, 3, 1), Period.FromMonths(3)), (first.JoinedOn!.Value, first.TermEndsOn!.Value, first.GracePeriod));
        Assert.Equal((new LocalDate(2026, 3, 3), new LocalDate(2027, 3, 2)), (second.JoinedOn!.Value, second.TermEndsOn!.Value));
    }

    [Fact]
    public void An_invitation_keeps_the_tier_weight_and_delegates_offered_and_the_partners_name_trimmed()
    {
        var coalition = Active();
        var delegates = new[] { Person(6), Person(60) };
        var partner = new PartnerSnapshot(Partner(6), PartnerScenario.Profile("  Girls Learn "), [Person(6), Person(60)]);

        coalition.Invite(new MembershipOffer(Partner(6), MembershipTier.Associate, delegates, 0), partner, OpenDoor, null, Secretariat, Hours(2));
        delegates[0] = Person(99);

        Assert.True(coalition.TryGetMembership(Partner(6), out var membership));
        Assert.Equal(("Girls Learn", MembershipTier.Associate, 0L, MembershipStatus.Invited), (membership.Name, membership.Tier, membership.Weight, membership.RecordedStatus));
        Assert.Equal([Person(6), Person(60)], membership.Delegates);
    }

    [Fact]
    public void An_offer_names_one_to_ten_delegates()
    {
        var coalition = Active();
        var representatives = Enumerable.Range(60, 11).Select(Person).ToArray();
        var partner = new PartnerSnapshot(Partner(6), PartnerScenario.Profile("Member 6"), representatives);

        Assert.Equal(
            "An offer names one to ten distinct delegates, none of them the empty id.",
            Refusal.Expect(coalition, ErrorCodes.Membership.InvalidOffer, () => coalition.Invite(new MembershipOffer(Partner(6), MembershipTier.Full, representatives), partner, OpenDoor, null, Secretariat, Hours(2))).Message);

        coalition.Invite(new MembershipOffer(Partner(6), MembershipTier.Full, representatives[..10]), partner, OpenDoor, null, Secretariat, Hours(2));
        Assert.True(coalition.TryGetMembership(Partner(6), out var membership));
        Assert.Equal(representatives[..10], membership.Delegates);
    }

    [Fact]
    public void An_invitation_is_refused_in_words_for_another_partner_or_to_a_partner_that_holds_a_membership()
    {
        var coalition = Active();
        coalition.Withdraw(Partner(3), null, For(3), Hours(1));

        Assert.Equal(
            $"The offer is made to partner {Partner(6)}, but the partner given is Member 7.",
            Refusal.Expect(coalition, ErrorCodes.Membership.InvalidOffer, () => coalition.Invite(Offer(6), Member(7), OpenDoor, null, Secretariat, Hours(2))).Message);
        foreach (var (member, status) in new[] { (1, "active"), (4, "suspended"), (5, "invited") })
        {
            Assert.Equal(
                $"Member {member} already has a membership of Learning for All ({status}).",
                Refusal.Expect(coalition, ErrorCodes.Membership.AlreadyAMember, () => coalition.Invite(Offer(member), Member(member), OpenDoor, null, Secretariat, Hours(2))).Message);
        }

        Assert.Equal(
            "Member 2 already has a membership of Learning for All (lapsed).",
            Refusal.Expect(coalition, ErrorCodes.Membership.AlreadyAMember, () => coalition.Invite(Offer(2), Member(2), OpenDoor, null, Secretariat, FirstMoment(2027, 6, 2))).Message);

        coalition.Invite(Offer(3, MembershipTier.Associate), Member(3), OpenDoor, null, Secretariat, Hours(2));
        Assert.True(coalition.TryGetMembership(Partner(3), out var again));
        Assert.Equal((MembershipStatus.Invited, MembershipTier.Associate), (again.RecordedStatus, again.Tier));
    }

    [Fact]
    public void Past_founding_an_invitation_is_refused_in_words_without_the_rule_book_with_another_or_without_its_decision()
    {
        var coalition = Active();

        Assert.Equal(
            "Learning for All is past founding: inviting a member consults its rule book, and none was given.",
            Refusal.Expect(coalition, ErrorCodes.Coalitions.RuleBookRequired, () => coalition.Invite(Offer(6), Member(6), null, null, Secretariat, Hours(2))).Message);
        Assert.Equal(
            "The rule book given is that of another coalition, not of Learning for All.",
            Refusal.Expect(coalition, ErrorCodes.Coalitions.OtherCoalition, () => coalition.Invite(Offer(6), Member(6), new RuleBookOf(CoalitionId.New()), null, Secretariat, Hours(2))).Message);
        Assert.Equal(
            "This needs an adopted decision of Learning for All on admit member.",
            Refusal.Expect(coalition, ErrorCodes.Coalitions.DecisionRequired, () => coalition.Invite(Offer(6), Member(6), AdmissionByDecision, null, Secretariat, Hours(2))).Message);
        Refusal.Expect(coalition, ErrorCodes.Coalitions.DecisionRequired, () => coalition.Invite(Offer(6), Member(6), OpenDoor, Adopted(MatterType.ExpelMember), Secretariat, Hours(2)));
    }

    [Fact]
    public void While_founding_an_invitation_needs_no_decision_even_where_the_rule_book_names_one_but_never_another_coalitions_rule_book()
    {
        var coalition = Exploring();

        Refusal.Expect(coalition, ErrorCodes.Coalitions.OtherCoalition, () => coalition.Invite(Offer(1), Member(1), new RuleBookOf(CoalitionId.New()), null, Secretariat, Start));
        coalition.Invite(Offer(1), Member(1), AdmissionByDecision, null, Secretariat, Start);

        Assert.True(coalition.TryGetMembership(Partner(1), out _));
    }

    [Fact]
    public void A_coalitions_total_weight_reaches_ten_to_the_fifteen_and_no_further()
    {
        var coalition = Exploring();
        for (var n = 1; n <= 1_000; n++)
        {
            coalition.Invite(n, MembershipTier.Full, Start, Limits.MaxWeight);
        }

        coalition.Invite(1_001, MembershipTier.Full, Start, 0);

        Assert.Equal(
            "Learning for All holds as many memberships, or as much voting weight, as a coalition may.",
            Refusal.Expect(coalition, ErrorCodes.Membership.NotAdmitting, () => coalition.Invite(1_002, MembershipTier.Full, Start, 1)).Message);

        // A partner that declined is invited again in its own place: its old weight is replaced, not added to.
        coalition.DeclineInvitation(Partner(1), null, For(1), Start);
        coalition.Invite(1, MembershipTier.Full, Start, Limits.MaxWeight);
        Assert.True(coalition.TryGetMembership(Partner(1), out var again));
        Assert.Equal(Limits.MaxWeight, again.Weight);
    }

    [Fact]
    public void An_acceptance_or_other_step_on_a_membership_in_the_wrong_status_is_refused_in_words()
    {
        var coalition = Active();

        Assert.Equal(
            "The membership of Member 1 in Learning for All is active on 2 March 2026; it cannot accept.",
            Refusal.Expect(coalition, ErrorCodes.Membership.InvalidTransition, () => coalition.AcceptMembership(Partner(1), For(1), Hours(2))).Message);
        Assert.Equal(
            "The membership of Member 1 in Learning for All is active on 2 March 2026; it cannot decline.",
            Refusal.Expect(coalition, ErrorCodes.Membership.InvalidTransition, () => coalition.DeclineInvitation(Partner(1), null, For(1), Hours(2))).Message);
        Assert.Equal(
            "The membership of Member 5 in Learning for All is invited on 2 March 2026; it cannot withdraw.",
            Refusal.Expect(coalition, ErrorCodes.Membership.InvalidTransition, () => coalition.Withdraw(Partner(5), null, For(5), Hours(2))).Message);
        Assert.Equal(
            "The membership of Member 5 in Learning for All is invited on 2 March 2026; it cannot renew.",
            Refusal.Expect(coalition, ErrorCodes.Membership.InvalidTransition, () => coalition.Renew(Partner(5), Secretariat, Hours(2))).Message);
        Assert.Equal(
            "The membership of Member 4 in Learning for All is suspended on 2 March 2026; it cannot renew.",
            Refusal.Expect(coalition, ErrorCodes.Membership.InvalidTransition, () => coalition.Renew(Partner(4), Secretariat, Hours(2))).Message);
        Assert.Equal(
            "The membership of Member 4 in Learning for All is suspended on 2 March 2026; it cannot suspend.",
            Refusal.Expect(coalition, ErrorCodes.Membership.InvalidTransition, () => coalition.Suspend(Partner(4), Adopted(MatterType.SuspendMember), Secretariat, Hours(2))).Message);
        Assert.Equal(
            "The membership of Member 5 in Learning for All is invited on 2 March 2026; it cannot expel.",
            Refusal.Expect(coalition, ErrorCodes.Membership.InvalidTransition, () => coalition.Expel(Partner(5), Adopted(MatterType.ExpelMember), Secretariat, Hours(2))).Message);
    }

    [Fact]
    public void A_step_on_a_partner_without_a_membership_is_refused_in_words()
    {
        var coalition = Active();

        Assert.Equal(
            $"Partner {Partner(9)} has no membership of Learning for All.",
            Refusal.Expect(coalition, ErrorCodes.Membership.NotAMember, () => coalition.Renew(Partner(9), Secretariat, Hours(2))).Message);
        Refusal.Expect(coalition, ErrorCodes.Membership.NotAMember, () => coalition.Suspend(Partner(9), Adopted(MatterType.SuspendMember), Secretariat, Hours(2)));
        Refusal.Expect(coalition, ErrorCodes.Membership.NotAMember, () => coalition.Reinstate(Partner(9), null, Secretariat, Hours(2)));
        Refusal.Expect(coalition, ErrorCodes.Membership.NotAMember, () => coalition.Expel(Partner(9), Adopted(MatterType.ExpelMember), Secretariat, Hours(2)));
        Refusal.Expect(coalition, ErrorCodes.Membership.NotAMember, () => coalition.UpdateDelegates(Member(9), [Person(9)], For(9), Hours(2)));
    }

    [Fact]
    public void A_lapsed_member_may_withdraw_but_is_not_expelled_or_suspended()
    {
        var coalition = Active();
        var lapsed = FirstMoment(2027, 6, 2);

        Refusal.Expect(coalition, ErrorCodes.Membership.InvalidTransition, () => coalition.Expel(Partner(1), Adopted(MatterType.ExpelMember), Secretariat, lapsed));
        Refusal.Expect(coalition, ErrorCodes.Membership.InvalidTransition, () => coalition.Suspend(Partner(1), Adopted(MatterType.SuspendMember), Secretariat, lapsed));
        coalition.Withdraw(Partner(1), null, For(1), lapsed);

        Assert.True(coalition.TryGetMembership(Partner(1), out var membership));
        Assert.Equal(MembershipStatus.Withdrawn, membership.RecordedStatus);
    }

    [Fact]
    public void A_suspended_member_may_be_expelled_or_withdraw_and_the_expulsion_records_its_decision()
    {
        var coalition = Active();
        coalition.Suspend(Partner(3), Adopted(MatterType.SuspendMember), Secretariat, Hours(2));

        coalition.Expel(Partner(4), Adopted(MatterType.ExpelMember), Secretariat, Hours(2));
        coalition.Withdraw(Partner(3), null, For(3), Hours(2));

        Assert.True(coalition.TryGetMembership(Partner(4), out var expelled));
        Assert.True(coalition.TryGetMembership(Partner(3), out var withdrawn));
        Assert.Equal((MembershipStatus.Expelled, MatterType.ExpelMember), (expelled.RecordedStatus, expelled.Decision!.Matter));
        Assert.Equal(MembershipStatus.Withdrawn, withdrawn.RecordedStatus);
    }

    [Fact]
    public void A_reinstatement_records_the_decision_it_cites_or_none()
    {
        var coalition = Active();
        coalition.Suspend(Partner(3), Adopted(MatterType.SuspendMember), Secretariat, Hours(2));

        coalition.Reinstate(Partner(4), null, Secretariat, Hours(3));
        coalition.Reinstate(Partner(3), Adopted(MatterType.SuspendMember), Secretariat, Hours(3));

        Assert.True(coalition.TryGetMembership(Partner(4), out var without));
        Assert.True(coalition.TryGetMembership(Partner(3), out var with));
        Assert.Equal((MembershipStatus.Active, MembershipStatus.Active), (without.RecordedStatus, with.RecordedStatus));
        Assert.Null(without.Decision);
        Assert.Equal(MatterType.SuspendMember, with.Decision!.Matter);
    }

    [Fact]
    public void A_renewal_follows_the_old_term_up_to_the_last_moment_of_the_grace_period_and_starts_afresh_from_the_next()
    {
        var inGrace = Active();
        inGrace.Renew(Partner(1), Secretariat, LastMoment(2027, 6, 1));

        var lapsed = Active();
        lapsed.Renew(Partner(1), Secretariat, FirstMoment(2027, 6, 2));

        Assert.True(inGrace.TryGetMembership(Partner(1), out var continued));
        Assert.True(lapsed.TryGetMembership(Partner(1), out var afresh));
        Assert.Equal(new LocalDate(2028, 3, 1), continued.TermEndsOn);
        Assert.Equal(new LocalDate(2028, 6, 1), afresh.TermEndsOn);
        Assert.Equal(MembershipStatus.Active, afresh.StatusOn(new LocalDate(2027, 6, 2)));
    }

    [Fact]
    public void An_early_renewal_adds_a_term_after_the_current_one_each_time()
    {
        var coalition = Active();

        coalition.Renew(Partner(1), Secretariat, Hours(2));
        coalition.Renew(Partner(1), Secretariat, Hours(3));

        Assert.True(coalition.TryGetMembership(Partner(1), out var membership));
        Assert.Equal((new LocalDate(2029, 3, 1), new LocalDate(2026, 3, 2)), (membership.TermEndsOn!.Value, membership.JoinedOn!.Value));
    }

    [Fact]
    public void A_member_names_one_to_ten_delegates_in_its_order_while_invited_active_suspended_or_lapsed()
    {
        var coalition = Active();
        var representatives = Enumerable.Range(60, 11).Select(Person).ToArray();
        var snapshot = new PartnerSnapshot(Partner(4), PartnerScenario.Profile("Member 4"), [Person(4), .. representatives]);

        Assert.Equal(
            "A member names one to ten distinct delegates, none of them the empty id.",
            Refusal.Expect(coalition, ErrorCodes.Membership.InvalidOffer, () => coalition.UpdateDelegates(snapshot, representatives, For(4), Hours(2))).Message);

        var reversed = Enumerable.Range(0, 10).Select(i => Person(69 - i)).ToArray();
        coalition.UpdateDelegates(snapshot, reversed, For(4), Hours(2));
        coalition.UpdateDelegates(Member(5), [Person(5)], For(5), Hours(2));
        coalition.UpdateDelegates(Member(1), [Person(1)], For(1), FirstMoment(2027, 6, 2));

        Assert.True(coalition.TryGetMembership(Partner(4), out var suspended));
        Assert.Equal(reversed, suspended.Delegates);
        Assert.Equal(
            $"Person {Person(61)} is not a representative Member 4 has named, so cannot be its delegate.",
            Refusal.Expect(coalition, ErrorCodes.Membership.DelegateNotARepresentative, () => coalition.UpdateDelegates(Member(4), [Person(61)], For(4), Hours(3))).Message);
    }

    [Fact]
    public void A_member_that_withdrew_or_was_expelled_names_no_delegates_in_words()
    {
        var coalition = Active();
        coalition.Withdraw(Partner(1), null, For(1), Hours(2));
        coalition.Expel(Partner(2), Adopted(MatterType.ExpelMember), Secretariat, Hours(2));

        Assert.Equal(
            "The membership of Member 1 in Learning for All has ended (withdrawn); it names no delegates.",
            Refusal.Expect(coalition, ErrorCodes.Membership.InvalidTransition, () => coalition.UpdateDelegates(Member(1), [Person(1)], For(1), Hours(3))).Message);
        Assert.Equal(
            "The membership of Member 2 in Learning for All has ended (expelled); it names no delegates.",
            Refusal.Expect(coalition, ErrorCodes.Membership.InvalidTransition, () => coalition.UpdateDelegates(Member(2), [Person(2)], For(2), Hours(3))).Message);
    }

    [Fact]
    public void A_members_rights_hold_to_the_last_moment_of_its_grace_period_in_the_coalitions_time_zone()
    {
        var coalition = Active();

        Assert.True(coalition.CheckRight(Partner(1), MemberRights.Vote, LastMoment(2027, 6, 1)).IsAllowed);
        Assert.Equal(3, coalition.ElectorateFor(MatterType.AdoptPolicyPosition, LastMoment(2027, 6, 1)).Voters.Count);
        Assert.Equal(3, coalition.PollElectorate(LastMoment(2027, 6, 1)).Voters.Count);

        var lapsed = coalition.CheckRight(Partner(1), MemberRights.Vote, FirstMoment(2027, 6, 2));
        Assert.Equal("Member 1 is lapsed, so it cannot vote in Learning for All.", Assert.Single(lapsed.Failures).Message);
        Assert.Empty(coalition.ElectorateFor(MatterType.AdoptPolicyPosition, FirstMoment(2027, 6, 2)).Voters);
        Assert.Empty(coalition.PollElectorate(FirstMoment(2027, 6, 2)).Voters);
    }

    [Fact]
    public void A_right_is_refused_in_words_to_a_stranger_a_member_not_active_and_a_tier_without_it()
    {
        var coalition = Active();
        coalition.Join(6, MembershipTier.Associate, Hours(2));

        Assert.Equal($"Partner {Partner(9)} is not a member of Learning for All.", Assert.Single(coalition.CheckRight(Partner(9), MemberRights.Vote, Hours(2)).Failures).Message);
        Assert.Equal("Member 4 is suspended, so it cannot propose in Learning for All.", Assert.Single(coalition.CheckRight(Partner(4), MemberRights.Propose, Hours(2)).Failures).Message);
        Assert.Equal("Member 5 is invited, so it cannot vote in Learning for All.", Assert.Single(coalition.CheckRight(Partner(5), MemberRights.Vote, Hours(2)).Failures).Message);
        Assert.Equal(
            "Member 6 is a member of the associate tier of Learning for All, which does not hold the right to vote.",
            Assert.Single(coalition.CheckRight(Partner(6), MemberRights.Vote, Hours(2)).Failures).Message);
        Assert.True(coalition.CheckRight(Partner(6), MemberRights.Propose, Hours(2)).IsAllowed);
    }

    [Fact]
    public void The_electorate_for_a_charter_amendment_gives_a_veto_only_to_tiers_that_hold_one_and_names_from_the_host_first()
    {
        var coalition = Active();
        coalition.Reinstate(Partner(4), null, Secretariat, Hours(2));

        var amendment = coalition.ElectorateFor(MatterType.AmendCharter, Hours(2), p => p == Partner(2) ? "Girls Learn" : null);
        var other = coalition.ElectorateFor(MatterType.Dissolve, Hours(2));

        Assert.Equal([Partner(1), Partner(2), Partner(3), Partner(4)], amendment.Voters.Select(v => v.Partner));
        Assert.Equal([true, true, true, false], amendment.Voters.Select(v => v.HasVeto));
        Assert.Equal(["Member 1", "Girls Learn", "Member 3", "Member 4"], amendment.Voters.Select(v => v.DisplayName));
        Assert.All(other.Voters, v => Assert.False(v.HasVeto));
    }
}
