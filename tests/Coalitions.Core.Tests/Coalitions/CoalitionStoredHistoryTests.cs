using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Coalitions;

/// <summary>
/// A stored coalition is untrusted: each founding fact, appointment, move of its lifecycle, charter and step of a
/// membership that could not have happened is refused with its reason, and the edges that could have replay.
/// </summary>
public class CoalitionStoredHistoryTests
{
    private static readonly LocalDate March = new(2026, 3, 2);

    private static List<IDomainEvent> FoundedHistory() => [.. Founded().DequeueUncommittedEvents()];

    private static CoalitionFounded FoundedEvent() => (CoalitionFounded)FoundedHistory()[0];

    private static CoalitionStageChanged Stage(CoalitionStatus status) => new(TheCoalition, status, null, null, Start, Secretariat);

    private static CharterAdopted CharterVersion(int version) => new(TheCoalition, Charter(), version, null, Start, Secretariat);

    private static CoordinatorAppointed Appointed(int n) => new(TheCoalition, new Coordinator(Person(1000 + n), $"Coordinator {n}"), null, Start, Secretariat);

    private static MemberInvited Invited(int n, long weight = 1, LocalDate? on = null) =>
        new(TheCoalition, Partner(n), $"Member {n}", MembershipTier.Full, [Person(n)], weight, on ?? March, Start, Secretariat);

    private static MembershipAccepted Accepted(int n, LocalDate? from = null, LocalDate? to = null, Period? grace = null) =>
        new(TheCoalition, Partner(n), from ?? March, to ?? new LocalDate(2027, 3, 1), grace ?? Period.FromMonths(3), Start, For(n));

    private static MembershipRenewed Renewed(int n, LocalDate from, LocalDate to) => new(TheCoalition, Partner(n), from, to, Start, Secretariat);

    private static MemberSuspended Suspended(int n) => new(TheCoalition, Partner(n), Adopted(MatterType.SuspendMember), Start, Secretariat);

    private static MemberReinstated Reinstated(int n) => new(TheCoalition, Partner(n), null, Start, Secretariat);

    private static MemberWithdrew Withdrew(int n) => new(TheCoalition, Partner(n), null, Start, For(n));

    private static MemberExpelled Expelled(int n) => new(TheCoalition, Partner(n), Adopted(MatterType.ExpelMember), Start, Secretariat);

    private static DelegatesChanged Delegates(int n, params PersonId[] delegates) => new(TheCoalition, Partner(n), delegates, Start, For(n));

    // A history that leaves the coalition at the stage given, by the moves its lifecycle allows.
    private static List<IDomainEvent> At(CoalitionStatus status)
    {
        List<IDomainEvent> history = [.. FoundedHistory()];
        if (status == CoalitionStatus.Exploring)
        {
            return history;
        }

        history.AddRange([CharterVersion(1), Stage(CoalitionStatus.Forming)]);
        if (status == CoalitionStatus.Forming)
        {
            return history;
        }

        history.Add(Stage(CoalitionStatus.Active));
        if (status is CoalitionStatus.Dormant or CoalitionStatus.Institutionalized or CoalitionStatus.Dissolving)
        {
            history.Add(Stage(status));
        }
        else if (status == CoalitionStatus.Dissolved)
        {
            history.AddRange([Stage(CoalitionStatus.Dissolving), Stage(CoalitionStatus.Dissolved)]);
        }

        return history;
    }

    private static void Corrupt(List<IDomainEvent> history, string why, params IDomainEvent[] next) => StoredHistory.Refused(Coalition.Rehydrate, history, why, next);

    [Fact]
    public void A_stored_founding_names_the_coalition_on_one_line_with_a_known_time_zone()
    {
        var founded = FoundedEvent();

        Corrupt([], "it needs a name of one line and at most 200 characters.", founded with { Name = " " });
        Corrupt([], "it needs a name of one line and at most 200 characters.", founded with { Name = new string('x', 201) });
        Corrupt([], "it needs a name of one line and at most 200 characters.", founded with { Name = "Learning\nfor All" });
        Corrupt([], "its time zone must be an id of the tz database, such as Africa/Nairobi.", founded with { TimeZone = "Nairobi" });

        Assert.Equal(new string('x', 200), Coalition.Rehydrate([founded with { Name = new string('x', 200) }, FoundedHistory()[1]]).Name);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void A_stored_founding_minimum_is_from_two_to_a_hundred(int minimum, bool replays)
    {
        var founded = FoundedEvent() with { FoundingMinimum = minimum };

        if (replays)
        {
            Assert.Equal(minimum, Coalition.Rehydrate([founded, FoundedHistory()[1]]).FoundingMinimum);
            return;
        }

        Corrupt([], "its founding minimum must be from 2 to 100.", founded);
    }

    [Fact]
    public void A_stored_history_appoints_its_founder_before_anything_else_happens()
    {
        var founded = FoundedEvent();

        Corrupt([founded], "the founder must be appointed the first coordinator before anything else happens.", Stage(CoalitionStatus.Forming));
        Corrupt([founded], "the founder must be appointed the first coordinator before anything else happens.", CharterVersion(1));
        Corrupt([founded], "the founder must be appointed the first coordinator before anything else happens.", Invited(1));
    }

    [Fact]
    public void A_stored_appointment_is_of_a_well_formed_coordinator_once_and_up_to_fifty()
    {
        Corrupt(FoundedHistory(), "the coordinator is ill-formed.", Appointed(1) with { Coordinator = Appointed(1).Coordinator with { Name = " " } });
        Corrupt(FoundedHistory(), "the person is already a coordinator.", new CoordinatorAppointed(TheCoalition, Convenor with { Name = "W. Kamau" }, null, Start, Secretariat));

        List<IDomainEvent> fifty = [.. FoundedHistory(), .. Enumerable.Range(1, 49).Select(Appointed)];
        Assert.Equal(50, Coalition.Rehydrate(fifty).Coordinators.Count);
        Corrupt(fifty, "the coalition has as many coordinators as it may.", Appointed(50));
    }

    [Fact]
    public void A_stored_removal_is_of_a_coordinator_and_never_the_last()
    {
        Corrupt(FoundedHistory(), "the person is not a coordinator.", new CoordinatorRemoved(TheCoalition, Person(1001), null, Start, Secretariat));
        Corrupt(FoundedHistory(), "the last coordinator cannot be removed.", new CoordinatorRemoved(TheCoalition, Person(800), null, Start, Secretariat));

        var rebuilt = Coalition.Rehydrate([.. FoundedHistory(), Appointed(1), new CoordinatorRemoved(TheCoalition, Person(800), null, Start, Secretariat)]);
        Assert.Equal([Person(1001)], rebuilt.Coordinators.Select(c => c.Person));
    }

    public static TheoryData<CoalitionStatus, CoalitionStatus> Moves()
    {
        var data = new TheoryData<CoalitionStatus, CoalitionStatus>();
        foreach (var from in Enum.GetValues<CoalitionStatus>())
        {
            foreach (var to in Enum.GetValues<CoalitionStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void A_stored_move_of_the_lifecycle_replays_only_where_the_lifecycle_allows_it(CoalitionStatus from, CoalitionStatus to)
    {
        var allowed = (from, to) switch
        {
            (CoalitionStatus.Exploring, CoalitionStatus.Forming) => true,
            (CoalitionStatus.Forming, CoalitionStatus.Active) => true,
            (CoalitionStatus.Active, CoalitionStatus.Dormant or CoalitionStatus.Institutionalized or CoalitionStatus.Forming or CoalitionStatus.Dissolving) => true,
            (CoalitionStatus.Dormant, CoalitionStatus.Active or CoalitionStatus.Forming or CoalitionStatus.Dissolving) => true,
            (CoalitionStatus.Institutionalized, CoalitionStatus.Forming or CoalitionStatus.Dissolving) => true,
            (CoalitionStatus.Dissolving, CoalitionStatus.Dissolved) => true,
            _ => false,
        };

        if (allowed)
        {
            Assert.Equal(to, Coalition.Rehydrate([.. At(from), Stage(to)]).Status);
            return;
        }

        Corrupt(At(from), $"a coalition that is {Words.Of(from)} cannot become {Words.Of(to)}.", Stage(to));
    }

    [Fact]
    public void A_stored_coalition_becomes_active_from_forming_only_with_a_charter_and_after_renewal_keeps_it()
    {
        Corrupt([.. FoundedHistory(), Stage(CoalitionStatus.Forming)], "a coalition becomes active only with an adopted charter.", Stage(CoalitionStatus.Active));

        var renewed = Coalition.Rehydrate([.. At(CoalitionStatus.Active), Stage(CoalitionStatus.Forming), Stage(CoalitionStatus.Active)]);
        Assert.Equal((CoalitionStatus.Active, 1, false), (renewed.Status, renewed.CharterVersion, renewed.IsFounding));
    }

    [Fact]
    public void A_stored_charter_is_well_formed_numbered_next_and_never_adopted_while_dissolving()
    {
        Corrupt(FoundedHistory(), "the charter is ill-formed.", CharterVersion(1) with { Charter = Charter() with { Principles = [] } });
        Corrupt(FoundedHistory(), "the charter's version is 2, not 1.", CharterVersion(2));
        Corrupt(FoundedHistory(), "the charter's version is 0, not 1.", CharterVersion(0));
        Corrupt([.. FoundedHistory(), CharterVersion(1)], "the charter's version is 1, not 2.", CharterVersion(1));
        Corrupt(At(CoalitionStatus.Dissolving), "a dissolving coalition adopts no charter.", CharterVersion(2));
        Corrupt(At(CoalitionStatus.Dissolved), "a dissolving coalition adopts no charter.", CharterVersion(2));

        Assert.Equal(2, Coalition.Rehydrate([.. At(CoalitionStatus.Institutionalized), CharterVersion(2)]).CharterVersion);
    }

    [Fact]
    public void A_stored_invitation_is_refused_by_a_dissolving_coalition_and_for_a_partner_that_holds_a_membership()
    {
        Corrupt(At(CoalitionStatus.Dissolving), "a dissolving coalition takes no new members.", Invited(1));
        Corrupt(At(CoalitionStatus.Dissolved), "a dissolving coalition takes no new members.", Invited(1));
        Corrupt([.. FoundedHistory(), Invited(1)], "the partner already holds a membership.", Invited(1));
        Corrupt([.. FoundedHistory(), Invited(1), Accepted(1), Suspended(1)], "the partner already holds a membership.", Invited(1));
        Corrupt([.. FoundedHistory(), Invited(1), Accepted(1), Expelled(1)], "the partner already holds a membership.", Invited(1));

        var again = Coalition.Rehydrate([.. FoundedHistory(), Invited(1), Withdrew(1), Invited(1, weight: 7)]);
        Assert.True(again.TryGetMembership(Partner(1), out var membership));
        Assert.Equal((MembershipStatus.Invited, 7L), (membership.RecordedStatus, membership.Weight));
    }

    [Fact]
    public void A_stored_invitation_names_one_to_ten_delegates_and_a_weight_of_at_most_a_trillion()
    {
        const string Why = "the invitation names no delegates, too many, one twice, an undefined tier or too great a weight.";
        var ten = Enumerable.Range(10, 10).Select(Person).ToArray();

        Corrupt(FoundedHistory(), Why, Invited(1) with { Delegates = [.. ten, Person(20)] });
        Corrupt(FoundedHistory(), Why, Invited(1) with { Delegates = [Person(1), Person(1)] });
        Corrupt(FoundedHistory(), Why, Invited(1, weight: Limits.MaxWeight + 1));

        var rebuilt = Coalition.Rehydrate([.. FoundedHistory(), Invited(1) with { Delegates = ten }, Invited(2, weight: 0), Invited(3, weight: Limits.MaxWeight)]);
        Assert.True(rebuilt.TryGetMembership(Partner(1), out var first));
        Assert.Equal(ten, first.Delegates);
    }

    [Fact]
    public void A_stored_invitation_names_the_member_on_one_line_and_is_dated_in_the_years_1900_to_2999()
    {
        Corrupt(FoundedHistory(), "the member's name must be one line of at most 200 characters.", Invited(1) with { Name = " " });
        Corrupt(FoundedHistory(), "the member's name must be one line of at most 200 characters.", Invited(1) with { Name = new string('x', 201) });
        Corrupt(FoundedHistory(), "the member's name must be one line of at most 200 characters.", Invited(1) with { Name = "Member\t1" });
        Corrupt(FoundedHistory(), "the invitation's date lies outside the years 1900 to 2999.", Invited(1, on: new LocalDate(3000, 1, 1)));
        Corrupt(FoundedHistory(), "the invitation's date lies outside the years 1900 to 2999.", Invited(1, on: new LocalDate(1899, 12, 31)));

        var rebuilt = Coalition.Rehydrate([.. FoundedHistory(), Invited(1, on: new LocalDate(2999, 12, 31)) with { Name = new string('x', 200) }, Invited(2, on: new LocalDate(1900, 1, 1))]);
        Assert.Equal(2, rebuilt.Members.Count);
    }

    [Fact]
    public void A_stored_coalition_holds_a_total_weight_of_at_most_ten_to_the_fifteen()
    {
        List<IDomainEvent> full = [.. FoundedHistory(), .. Enumerable.Range(1, 1_000).Select(n => Invited(n, weight: Limits.MaxWeight))];

        Corrupt(full, "the coalition would hold more memberships or weight than a coalition may.", Invited(1_001));

        // A partner invited again after it declined takes its own place: its old weight is replaced, not added to.
        Assert.Equal(1_001, Coalition.Rehydrate([.. full, Invited(1_001, weight: 0), Withdrew(1), Invited(1, weight: Limits.MaxWeight)]).Members.Count);
    }

    [Fact]
    public void A_stored_acceptance_is_of_an_invited_member_for_a_term_that_runs_forward_with_a_calendar_grace_period()
    {
        List<IDomainEvent> invited = [.. FoundedHistory(), Invited(1)];

        Corrupt(FoundedHistory(), "the partner has no membership.", Accepted(1));
        Corrupt([.. invited, Accepted(1)], "the membership is active.", Accepted(1));
        Corrupt(invited, "the term must run forward, within the years 1900 to 2999.", Accepted(1, to: March.PlusDays(-1)));
        Corrupt(invited, "the term must run forward, within the years 1900 to 2999.", Accepted(1, to: new LocalDate(3000, 1, 1)));
        Corrupt(invited, "the term must run forward, within the years 1900 to 2999.", Accepted(1, from: new LocalDate(1899, 12, 31)));
        Corrupt(invited, "the grace period is not a calendar period of at most 100 years.", Accepted(1, grace: Period.FromYears(101)));
        Corrupt(invited, "the grace period is not a calendar period of at most 100 years.", Accepted(1, grace: Period.FromHours(5)));

        var rebuilt = Coalition.Rehydrate([.. invited, Accepted(1, to: March, grace: Period.Zero)]);
        Assert.True(rebuilt.TryGetMembership(Partner(1), out var membership));
        Assert.Equal((March, March, Period.Zero), (membership.JoinedOn!.Value, membership.TermEndsOn!.Value, membership.GracePeriod));
    }

    [Fact]
    public void A_stored_renewal_is_of_an_active_member_for_a_term_that_runs_forward()
    {
        List<IDomainEvent> active = [.. FoundedHistory(), Invited(1), Accepted(1)];

        Corrupt([.. FoundedHistory(), Invited(1)], "the membership is invited.", Renewed(1, new LocalDate(2027, 3, 2), new LocalDate(2028, 3, 1)));
        Corrupt([.. active, Suspended(1)], "the membership is suspended.", Renewed(1, new LocalDate(2027, 3, 2), new LocalDate(2028, 3, 1)));
        Corrupt(active, "the term must run forward, within the years 1900 to 2999.", Renewed(1, new LocalDate(2027, 3, 2), new LocalDate(2027, 3, 1)));
        Corrupt(active, "the term must run forward, within the years 1900 to 2999.", Renewed(1, new LocalDate(2027, 3, 2), new LocalDate(3000, 1, 1)));

        var rebuilt = Coalition.Rehydrate([.. active, Renewed(1, new LocalDate(2027, 3, 2), new LocalDate(2027, 3, 2))]);
        Assert.True(rebuilt.TryGetMembership(Partner(1), out var membership));
        Assert.Equal(new LocalDate(2027, 3, 2), membership.TermEndsOn);
    }

    [Fact]
    public void A_stored_suspension_reinstatement_withdrawal_or_expulsion_follows_the_membership_lifecycle()
    {
        List<IDomainEvent> invited = [.. FoundedHistory(), Invited(1)];
        List<IDomainEvent> active = [.. invited, Accepted(1)];

        Corrupt(FoundedHistory(), "the partner has no membership.", Suspended(9));
        Corrupt(invited, "the membership is invited.", Suspended(1));
        Corrupt([.. active, Suspended(1)], "the membership is suspended.", Suspended(1));
        Corrupt(active, "the membership is active.", Reinstated(1));
        Corrupt([.. active, Withdrew(1)], "the membership is withdrawn.", Withdrew(1));
        Corrupt([.. active, Expelled(1)], "the membership is expelled.", Withdrew(1));
        Corrupt(invited, "the membership is invited.", Expelled(1));
        Corrupt([.. active, Expelled(1)], "the membership is expelled.", Expelled(1));

        var rebuilt = Coalition.Rehydrate([.. active, Suspended(1), Reinstated(1), Suspended(1), Expelled(1), Invited(2), Withdrew(2), Invited(3), Accepted(3), Suspended(3), Withdrew(3)]);
        Assert.Equal(
            [MembershipStatus.Expelled, MembershipStatus.Withdrawn, MembershipStatus.Withdrawn],
            Enumerable.Range(1, 3).Select(n => rebuilt.TryGetMembership(Partner(n), out var m) ? m.RecordedStatus : default));
    }

    [Fact]
    public void A_stored_change_of_delegates_names_one_to_ten_for_a_member_whose_membership_has_not_ended()
    {
        List<IDomainEvent> active = [.. FoundedHistory(), Invited(1), Accepted(1)];
        var ten = Enumerable.Range(10, 10).Select(Person).ToArray();

        Corrupt(active, "the member names no delegates, too many, or one twice.", Delegates(1));
        Corrupt(active, "the member names no delegates, too many, or one twice.", Delegates(1, [.. ten, Person(20)]));
        Corrupt(active, "the member names no delegates, too many, or one twice.", Delegates(1, Person(1), Person(1)));
        Corrupt(FoundedHistory(), "the partner has no membership.", Delegates(9, Person(9)));
        Corrupt([.. active, Withdrew(1)], "the membership is withdrawn.", Delegates(1, Person(1)));
        Corrupt([.. active, Expelled(1)], "the membership is expelled.", Delegates(1, Person(1)));

        var rebuilt = Coalition.Rehydrate([.. active, Suspended(1), Delegates(1, ten), Invited(2), Delegates(2, Person(2), Person(22))]);
        Assert.True(rebuilt.TryGetMembership(Partner(1), out var suspended));
        Assert.True(rebuilt.TryGetMembership(Partner(2), out var invited));
        Assert.Equal(ten, suspended.Delegates);
        Assert.Equal([Person(2), Person(22)], invited.Delegates);
    }
}
