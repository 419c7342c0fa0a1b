using System.Globalization;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Serialization;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Coalitions;

/// <summary>Inputs a careless or hostile host might pass: each refused at the door with a code, nothing changed.</summary>
public class CoalitionDoorTests
{
    [Fact]
    public void Empty_ids_are_refused_everywhere()
    {
        var coalition = ActiveWith();

        Refusal.Expect(coalition, ErrorCodes.Kernel.EmptyId, () => coalition.Invite(Offer(5) with { Partner = default }, Member(5) with { Id = default }, OpenDoor, null, Secretariat, Hours(1)));
        Refusal.Expect(coalition, ErrorCodes.Kernel.EmptyId, () => coalition.Suspend(default, Adopted(MatterType.SuspendMember), Secretariat, Hours(1)));
        Refusal.Expect(coalition, ErrorCodes.Kernel.EmptyId, () => coalition.Renew(default, Secretariat, Hours(1)));
        Refusal.Expect(coalition, ErrorCodes.Kernel.EmptyId, () => coalition.RemoveCoordinator(default, null, Secretariat, Hours(1)));
        Assert.Equal(ErrorCodes.Kernel.EmptyId, Assert.Throws<CoalitionRuleException>(() =>
            Coalition.Found(default, "Learning for All", CoalitionForm.Coalition, "Africa/Nairobi", Convenor, Secretariat, Start)).Code);
    }

    [Fact]
    public void The_offer_and_the_partner_each_need_an_id_and_every_delegate_and_representative_one_too()
    {
        var coalition = ActiveWith();

        Refusal.Expect(coalition, ErrorCodes.Kernel.EmptyId, () => coalition.Invite(Offer(5) with { Partner = default }, Member(5), OpenDoor, null, Secretariat, Hours(1)));
        Refusal.Expect(coalition, ErrorCodes.Kernel.EmptyId, () => coalition.Invite(Offer(5), Member(5) with { Id = default }, OpenDoor, null, Secretariat, Hours(1)));
        Refusal.Expect(coalition, ErrorCodes.Membership.InvalidOffer, () => coalition.Invite(Offer(5) with { Delegates = [Person(5), default] }, Member(5), OpenDoor, null, Secretariat, Hours(1)));
        Refusal.Expect(coalition, ErrorCodes.Kernel.EmptyId, () => coalition.Invite(Offer(5), Member(5) with { Representatives = [Person(5), default] }, OpenDoor, null, Secretariat, Hours(1)));
    }

    [Fact]
    public void A_partner_given_with_more_than_fifty_representatives_is_refused()
    {
        var coalition = ActiveWith();
        var many = Member(5) with { Representatives = [Person(5), .. Enumerable.Range(100, 50).Select(Person)] };

        Refusal.Expect(coalition, ErrorCodes.Kernel.InvalidInput, () => coalition.Invite(Offer(5), many, OpenDoor, null, Secretariat, Hours(1)));
        coalition.Invite(Offer(5), many with { Representatives = many.Representatives.Take(50).ToArray() }, OpenDoor, null, Secretariat, Hours(1));
    }

    [Fact]
    public void Missing_inputs_and_nulls_inside_them_are_refused()
    {
        var coalition = Founded();

        Refusal.Expect(coalition, ErrorCodes.Kernel.InvalidInput, () => coalition.AdoptCharter(null!, null, Secretariat, Start));
        Refusal.Expect(coalition, ErrorCodes.Kernel.InvalidInput, () => coalition.Invite(null!, Member(1), null, null, Secretariat, Start));
        Refusal.Expect(coalition, ErrorCodes.Kernel.InvalidInput, () => coalition.Invite(Offer(1), null!, null, null, Secretariat, Start));
        Refusal.Expect(coalition, ErrorCodes.Coalitions.InvalidCharter, () => coalition.AdoptCharter(Charter() with { Goals = [Goal(), null!] }, null, Secretariat, Start));
        Refusal.Expect(coalition, ErrorCodes.Kernel.InvalidText, () => coalition.AdoptCharter(Charter() with { Principles = ["Mutuality.", null!] }, null, Secretariat, Start));
        Refusal.Expect(coalition, ErrorCodes.Coalitions.InvalidCharter, () => coalition.AdoptCharter(Charter() with { GroundRules = null! }, null, Secretariat, Start));
        Refusal.Expect(coalition, ErrorCodes.Membership.InvalidOffer, () => coalition.Invite(Offer(1) with { Delegates = null! }, Member(1), null, null, Secretariat, Start));
        Refusal.Expect(coalition, ErrorCodes.Kernel.InvalidInput, () => coalition.Invite(Offer(1), Member(1) with { Profile = null! }, null, null, Secretariat, Start));
    }

    [Fact]
    public void Undefined_enum_values_are_refused()
    {
        var coalition = Founded();

        Refusal.Expect(coalition, ErrorCodes.Membership.InvalidOffer, () => coalition.Invite(Offer(1) with { Tier = (MembershipTier)99 }, Member(1), null, null, Secretariat, Start));
        Refusal.Expect(coalition, ErrorCodes.Coalitions.GoalNotMeasurable, () => coalition.AdoptCharter(Charter(Goal() with { Direction = (GoalDirection)0 }), null, Secretariat, Start));
        Assert.Equal(ErrorCodes.Coalitions.InvalidCoalition, Assert.Throws<CoalitionRuleException>(() =>
            Coalition.Found(TheCoalition, "Learning for All", (CoalitionForm)42, "Africa/Nairobi", Convenor, Secretariat, Start)).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, Assert.Throws<CoalitionRuleException>(() =>
            Coalition.Found(TheCoalition, "Learning for All", CoalitionForm.Coalition, "Africa/Nairobi", Convenor, Secretariat, Start, rights: RightsTable.Default with { Observer = (MemberRights)64 })).Code);
    }

    [Theory]
    [InlineData("Funding gap\u0007")]
    [InlineData("Funding gap\u2028until May")]
    public void A_reason_with_a_control_character_is_refused(string reason)
    {
        var coalition = ActiveWith();

        Refusal.Expect(coalition, ErrorCodes.Kernel.InvalidText, () => coalition.GoDormant(reason, Secretariat, Hours(1)));
        Refusal.Expect(coalition, ErrorCodes.Kernel.InvalidText, () => coalition.Withdraw(Partner(1), reason, For(1), Hours(1)));
    }

    [Fact]
    public void Texts_have_length_limits()
    {
        var coalition = ActiveWith();

        Refusal.Expect(coalition, ErrorCodes.Kernel.InvalidText, () => coalition.GoDormant(new string('x', 2_001), Secretariat, Hours(1)));
        Assert.Equal(ErrorCodes.Coalitions.InvalidCoalition, Assert.Throws<CoalitionRuleException>(() =>
            Coalition.Found(TheCoalition, new string('x', 201), CoalitionForm.Coalition, "Africa/Nairobi", Convenor, Secretariat, Start)).Code);
        Assert.Equal(ErrorCodes.Coalitions.InvalidCoalition, Assert.Throws<CoalitionRuleException>(() =>
            Coalition.Found(TheCoalition, "Learning\nfor All", CoalitionForm.Coalition, "Africa/Nairobi", Convenor, Secretariat, Start)).Code);
    }

    [Theory]
    [InlineData("PT5H", "P3M")]
    [InlineData("P1Y", "PT1H")]
    [InlineData("P0D", "P3M")]
    [InlineData("P-1Y", "P3M")]
    [InlineData("P101Y", "P3M")]
    [InlineData("P1Y", "P-1D")]
    public void Membership_terms_are_calendar_periods_of_at_most_a_hundred_years(string term, string grace)
    {
        var termLength = NodaTime.Text.PeriodPattern.Roundtrip.Parse(term).Value;
        var gracePeriod = NodaTime.Text.PeriodPattern.Roundtrip.Parse(grace).Value;

        Assert.Equal(ErrorCodes.Kernel.InvalidPeriod, Assert.Throws<CoalitionRuleException>(() => new MembershipTerms(termLength, gracePeriod)).Code);
        var sneaked = MembershipTerms.Default with { TermLength = termLength, GracePeriod = gracePeriod };
        Assert.Equal(ErrorCodes.Kernel.InvalidPeriod, Assert.Throws<CoalitionRuleException>(() => Founded(terms: sneaked)).Code);
    }

    [Fact]
    public void A_membership_term_may_have_no_grace_period()
    {
        var coalition = Founded(terms: MembershipTerms.Default with { GracePeriod = Period.Zero });

        Assert.Equal(Period.Zero, coalition.Terms.GracePeriod);
        Assert.Equal(Period.Zero, new MembershipTerms(Period.FromYears(1), Period.Zero).GracePeriod);
    }

    [Theory]
    [InlineData(MembershipTier.Founding)]
    [InlineData(MembershipTier.Full)]
    [InlineData(MembershipTier.Associate)]
    [InlineData(MembershipTier.Observer)]
    public void A_right_no_version_of_the_library_defines_is_refused_in_every_tier(MembershipTier tier)
    {
        var undefined = (MemberRights)64;
        var rights = tier switch
        {
            MembershipTier.Founding => RightsTable.Default with { Founding = undefined },
            MembershipTier.Full => RightsTable.Default with { Full = undefined },
            MembershipTier.Associate => RightsTable.Default with { Associate = undefined },
            _ => RightsTable.Default with { Observer = undefined },
        };

        var error = Assert.Throws<CoalitionRuleException>(() =>
            Coalition.Found(TheCoalition, "Learning for All", CoalitionForm.Coalition, "Africa/Nairobi", Convenor, Secretariat, Start, rights: rights));

        Assert.Equal((ErrorCodes.Kernel.InvalidInput, $"The {tier} has an undefined value."), (error.Code, error.Message));
    }

    [Fact]
    public void A_weight_is_at_most_a_trillion_and_the_coalitions_total_at_most_ten_to_the_fifteen()
    {
        var coalition = ActiveWith();

        Refusal.Expect(coalition, ErrorCodes.Membership.InvalidOffer, () => coalition.Invite(Offer(5, weight: Limits.MaxWeight + 1), Member(5), OpenDoor, null, Secretariat, Hours(1)));
        Refusal.Expect(coalition, ErrorCodes.Membership.InvalidOffer, () => coalition.Invite(Offer(5, weight: long.MaxValue), Member(5), OpenDoor, null, Secretariat, Hours(1)));
        coalition.Invite(Offer(5, weight: Limits.MaxWeight), Member(5), OpenDoor, null, Secretariat, Hours(1));
    }

    [Fact]
    public void Instants_outside_the_years_1900_to_2999_are_refused()
    {
        var coalition = ActiveWith();

        Refusal.Expect(coalition, ErrorCodes.Kernel.OutOfRange, () => coalition.GoDormant(null, Secretariat, Limits.EarliestInstant - Duration.Epsilon));
        Refusal.Expect(coalition, ErrorCodes.Kernel.OutOfRange, () => coalition.GoDormant(null, Secretariat, Instant.MaxValue));
        Refusal.Expect(coalition, ErrorCodes.Kernel.OutOfRange, () => coalition.CheckRight(Partner(1), MemberRights.Vote, Instant.MinValue));
    }

    [Fact]
    public void An_instant_that_falls_on_a_date_after_2999_in_the_coalitions_time_zone_is_refused()
    {
        var coalition = ActiveWith();

        Refusal.Expect(coalition, ErrorCodes.Kernel.OutOfRange, () => coalition.Invite(5, MembershipTier.Full, Instant.FromUtc(2999, 12, 31, 23, 0)));
    }

    [Fact]
    public void A_term_that_would_end_after_2999_is_refused_with_a_code()
    {
        var coalition = Founded(terms: new MembershipTerms(Period.FromYears(100), Period.FromYears(100)));
        coalition.Invite(1, MembershipTier.Founding, Instant.FromUtc(2950, 1, 1, 0, 0));

        Refusal.Expect(coalition, ErrorCodes.Kernel.OutOfRange, () => coalition.AcceptMembership(Partner(1), For(1), Instant.FromUtc(2950, 1, 1, 0, 0)));
    }

    [Fact]
    public void A_charter_keeps_its_own_lists_whatever_the_host_does_with_its_arrays_afterwards()
    {
        var coalition = Founded();
        var principles = new[] { "Mutuality: each member gains and gives." };

        coalition.AdoptCharter(Charter() with { Principles = principles }, null, Secretariat, Start);
        principles[0] = "Whatever the host writes later.";

        Assert.Equal("Mutuality: each member gains and gives.", coalition.Charter!.Principles[0]);
    }

    [Fact]
    public void The_coordinators_cannot_be_changed_through_the_list_the_coalition_hands_out()
    {
        var coalition = Founded();

        Assert.Throws<NotSupportedException>(() => ((IList<Coordinator>)coalition.Coordinators).Add(new Coordinator(Person(9), "An intruder")));
        Assert.Equal([Convenor], coalition.Coordinators);
    }

    [Fact]
    public void Refusals_name_the_member_and_the_coalition_and_write_dates_in_words_whatever_the_culture()
    {
        var coalition = ActiveWith();
        coalition.Withdraw(Partner(2), null, For(2), Hours(1));
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var error = Refusal.Expect(coalition, ErrorCodes.Membership.InvalidTransition, () => coalition.Suspend(Partner(2), Adopted(MatterType.SuspendMember), Secretariat, Hours(2)));

            Assert.Equal("The membership of Member 2 in Learning for All is withdrawn on 2 March 2026; it cannot suspend.", error.Message);
            Assert.Equal("Member 2", error.Failures[0].Values["member"]);
            Assert.Equal(new LocalDate(2026, 3, 2), error.Failures[0].Values["date"]);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}

/// <summary>Stored coalition histories are untrusted: one that breaks the lifecycle fails with a coded error naming the event.</summary>
public class CoalitionHistoryTests
{
    private static List<IDomainEvent> FoundedHistory() => [.. Founded().DequeueUncommittedEvents()];

    private static StoredEventException Corrupt(IEnumerable<IDomainEvent> history, long position)
    {
        var error = Assert.Throws<StoredEventException>(() => Coalition.Rehydrate(history));
        Assert.Equal(ErrorCodes.Kernel.CorruptHistory, error.Code);
        Assert.Equal(position, error.Position);
        return error;
    }

    [Fact]
    public void A_history_where_a_member_accepts_before_it_is_invited_is_refused() =>
        Corrupt([.. FoundedHistory(), new MembershipAccepted(TheCoalition, Partner(4), new LocalDate(2026, 3, 2), new LocalDate(2027, 3, 1), Period.FromMonths(3), Start, For(4))], 3);

    [Fact]
    public void A_history_where_a_partner_is_invited_twice_is_refused()
    {
        var invited = new MemberInvited(TheCoalition, Partner(4), "Member 4", MembershipTier.Full, [Person(4)], 1, new LocalDate(2026, 3, 2), Start, Secretariat);

        Corrupt([.. FoundedHistory(), invited, invited], 4);
    }

    [Fact]
    public void A_history_where_an_exploring_coalition_becomes_active_is_refused() =>
        Corrupt([.. FoundedHistory(), new CoalitionStageChanged(TheCoalition, CoalitionStatus.Active, null, null, Start, Secretariat)], 3);

    [Fact]
    public void A_history_where_a_coalition_becomes_active_without_a_charter_is_refused() =>
        Corrupt(
            [
                .. FoundedHistory(),
                new CoalitionStageChanged(TheCoalition, CoalitionStatus.Forming, null, null, Start, Secretariat),
                new CoalitionStageChanged(TheCoalition, CoalitionStatus.Active, null, null, Start, Secretariat),
            ],
            4);

    [Fact]
    public void A_history_without_the_founders_appointment_is_refused()
    {
        var founded = FoundedHistory()[0];

        Corrupt([founded, new CoalitionStageChanged(TheCoalition, CoalitionStatus.Forming, null, null, Start, Secretariat)], 2);
    }

    [Fact]
    public void A_history_that_removes_the_last_coordinator_is_refused() =>
        Corrupt([.. FoundedHistory(), new CoordinatorRemoved(TheCoalition, Person(800), null, Start, Secretariat)], 3);

    [Fact]
    public void A_history_whose_charter_versions_skip_is_refused() =>
        Corrupt([.. FoundedHistory(), new CharterAdopted(TheCoalition, Charter(), 2, null, Start, Secretariat)], 3);

    [Fact]
    public void A_history_where_a_withdrawn_member_is_suspended_is_refused()
    {
        var coalition = ActiveWith();
        coalition.Withdraw(Partner(3), null, For(3), Hours(1));
        var history = coalition.DequeueUncommittedEvents().ToList();

        Corrupt([.. history, new MemberSuspended(TheCoalition, Partner(3), Adopted(MatterType.SuspendMember), Hours(2), Secretariat)], history.Count + 1);
    }

    [Fact]
    public void A_history_with_an_unknown_time_zone_is_refused()
    {
        var founded = (CoalitionFounded)FoundedHistory()[0];

        Corrupt([founded with { TimeZone = "Mars/Olympus" }, FoundedHistory()[1]], 1);
    }

    [Fact]
    public void A_history_that_gives_a_member_no_delegate_is_refused() =>
        Corrupt([.. FoundedHistory(), new MemberInvited(TheCoalition, Partner(4), "Member 4", MembershipTier.Full, [], 1, new LocalDate(2026, 3, 2), Start, Secretariat)], 3);

    [Fact]
    public void A_stored_term_in_hours_cannot_be_read()
    {
        var json = CoalitionsJson.SerializeEvent(FoundedHistory()[0]).Replace("\"termLength\":\"P1Y\"", "\"termLength\":\"PT5H\"", StringComparison.Ordinal);

        var error = Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(json));

        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, error.Code);
    }

    [Fact]
    public void A_stored_grace_period_in_hours_is_refused_on_replay()
    {
        var coalition = Founded();
        coalition.Join(1);
        var history = coalition.DequeueUncommittedEvents().ToList();
        var accepted = (MembershipAccepted)history[^1];
        history[^1] = accepted with { GracePeriod = Period.FromHours(5) };

        Corrupt(history, history.Count);
    }
}
