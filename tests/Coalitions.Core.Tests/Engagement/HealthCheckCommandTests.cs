using System.Globalization;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Engagement;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.EngagementScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Engagement;

/// <summary>
/// Each command of a health check round at its boundary: who may act and for which coalition, the round's state and
/// closing instant, the bounds of a draft and of a response, who has responded, when results are read and compared,
/// the figures and words of the results, and the reasons a stored round is refused.
/// </summary>
public class HealthCheckCommandTests
{
    private static readonly Instant LastMoment = new LocalDate(2026, 4, 1).AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Africa/Nairobi"]).ToInstant();

    private static readonly HealthStatement[] Four =
    [
        Statement("a", HealthCategory.Environment, "alpha", "Alpha"),
        Statement("b", HealthCategory.Purpose, "beta", "Beta"),
        Statement("c", HealthCategory.Resources, "gamma", "Gamma"),
        Statement("d", HealthCategory.Communication, "delta", "Delta"),
    ];

    private static HealthStatement Statement(string key, HealthCategory category, string factor, string name, string text = "A statement members rate.") =>
        new(new HealthStatementKey(key), category, new FactorKey(factor), name, text);

    private static HealthStatement[] Numbered(int count) =>
        Enumerable.Range(1, count).Select(i => Statement(
            string.Create(CultureInfo.InvariantCulture, $"s{i}"), HealthCategory.Environment, string.Create(CultureInfo.InvariantCulture, $"f{i}"), string.Create(CultureInfo.InvariantCulture, $"Factor {i}"))).ToArray();

    private static HealthCheck Closed(int responses, int minimum = 3)
    {
        var check = OpenSpring(minimum);
        for (var m = 1; m <= responses; m++)
        {
            check.RespondAs(m, Uniform(4));
        }

        check.Close(Key, Nine, Secretariat, Hours(5));
        return check;
    }

    private static HealthCheck Cancelled()
    {
        var check = OpenSpring();
        check.Cancel("The assembly was postponed.", Nine, Secretariat, Hours(1));
        return check;
    }

    // "Another coalition" with members 1 to 3 as founding members.
    private static Coalition AnotherOfThree()
    {
        var other = AnotherWith(1);
        for (var m = 2; m <= 3; m++)
        {
            other.Invite(Offer(m, MembershipTier.Founding), Member(m), new RuleBookOf(other.Id), null, Secretariat, Start);
            other.AcceptMembership(Partner(m), For(m), Start);
        }

        return other;
    }

    // Each command as the given actor for the given coalition, with the code its authorization refuses with and who may take it.
    private static IEnumerable<(string Name, ErrorCode Refused, Actor Allowed, Action<HealthCheck, Coalition, Actor> Run)> Commands() =>
    [
        ("respond", ErrorCodes.Engagement.NotAuthorized, For(4), (h, c, by) => h.Respond(Partner(4), Uniform(4), Key, c, by, Hours(1))),
        ("close", ErrorCodes.Coalitions.NotACoordinator, Secretariat, (h, c, by) => h.Close(Key, c, by, Hours(1))),
        ("cancel", ErrorCodes.Coalitions.NotACoordinator, Secretariat, (h, c, by) => h.Cancel("Postponed.", c, by, Hours(1))),
    ];

    [Fact]
    public void Every_command_is_refused_to_one_who_may_not_act_without_a_coalition_and_for_another_coalition()
    {
        foreach (var (name, refused, allowed, run) in Commands())
        {
            var check = OpenSpring();
            var refusedActor = refused == ErrorCodes.Engagement.NotAuthorized ? Secretariat : For(4);
            CommandBoundary.Holds(check, name, refused, (c, by) => run(check, c, by), Nine, [refusedActor, For(5)], allowed, AnotherWith(4), "The health check 'Spring 2026' assesses another coalition than Another coalition.");

            check.DequeueUncommittedEvents();
            run(check, Nine, allowed);
            Assert.Single(check.DequeueUncommittedEvents());
        }
    }

    [Fact]
    public void A_refusal_of_who_acts_names_who_may()
    {
        var check = OpenSpring();

        Assert.Equal(
            $"Person {Person(4)} acting for partner {Partner(4)} may not open a new health check: only a coordinator of the coalition may.",
            Refusal.Of(() => HealthCheck.Open(Autumn, Draft(), Key, Nine, For(4), Start), ErrorCodes.Coalitions.NotACoordinator).Message);
        Assert.Equal(
            $"Person {Person(800)} may not respond health check 'Spring 2026': only a delegate of the member responding, acting for it (a member on the round's roster) may.",
            Refusal.Expect(check, ErrorCodes.Engagement.NotAuthorized, () => check.Respond(Partner(4), Uniform(4), Key, Nine, Secretariat, Hours(1))).Message);
        Assert.True(Refusal.Of(() => HealthCheck.Open(Autumn, Draft(), Key, null!, Secretariat, Start), ErrorCodes.Coalitions.NotACoordinator).IsAuthorizationRefusal);
        Refusal.Expect(check, ErrorCodes.Coalitions.NotACoordinator, () => check.Close(Key, Nine, Actor.System("scheduler"), Hours(1)));
    }

    [Fact]
    public void A_coordinator_opens_a_round_for_its_own_coalition_with_the_title_and_statements_trimmed()
    {
        var draft = Draft("  Spring 2026  ", statements: [Statement("a", HealthCategory.Environment, "alpha", "  Alpha  ", "  We trust each other.  ")]);

        var check = HealthCheck.Open(Spring, draft, Key, Nine, Secretariat, Start);

        Assert.Equal(("Spring 2026", "Alpha", "We trust each other."), (check.Title, check.Statements[0].FactorName, check.Statements[0].Text));
        Assert.Equal((TheCoalition, new LocalDate(2026, 3, 31), Start, 3, 0), (check.Coalition, check.ClosesOn, check.OpenedAt, check.MinimumRespondents, check.ResponseCount));
        Assert.Null(check.Respondents);
        Assert.Equal(new Fraction(0, 9), check.ResponseRate);
        Assert.Equal(
            "The health check is drafted for another coalition than Another coalition.",
            Refusal.Of(() => HealthCheck.Open(Spring, Draft(), Key, AnotherOfThree(), Secretariat, Start), ErrorCodes.Coalitions.OtherCoalition).Message);
        Refusal.Of(() => HealthCheck.Open(default, Draft(), Key, Nine, Secretariat, Start), ErrorCodes.Kernel.EmptyId, "The id is the empty id");
        Refusal.Of(() => HealthCheck.Open(Spring, Draft(), null!, Nine, Secretariat, Start), ErrorCodes.Kernel.InvalidInput, "The key is required.");
        Refusal.Of(() => HealthCheck.Open(Spring, null!, Key, Nine, Secretariat, Start), ErrorCodes.Kernel.InvalidInput);
    }

    [Fact]
    public void A_round_closes_on_the_day_it_opens_at_the_earliest_read_in_the_coalitions_time_zone()
    {
        var check = HealthCheck.Open(Spring, Draft(closesOn: new LocalDate(2026, 3, 2)), Key, Nine, Secretariat, Start);
        var pastMidnightInNairobi = Instant.FromUtc(2026, 3, 2, 21, 0);

        Assert.Equal(new LocalDate(2026, 3, 2), check.ClosesOn);
        Assert.Equal(
            "The health check would close on 2 March 2026, before it opens on 3 March 2026.",
            Refusal.Of(() => HealthCheck.Open(Spring, Draft(closesOn: new LocalDate(2026, 3, 2)), Key, Nine, Secretariat, pastMidnightInNairobi), ErrorCodes.Engagement.InvalidInput).Message);
        Assert.Equal(
            "The health check would close on 1 March 2026, before it opens on 2 March 2026.",
            Refusal.Of(() => HealthCheck.Open(Spring, Draft(closesOn: new LocalDate(2026, 3, 1)), Key, Nine, Secretariat, Start), ErrorCodes.Engagement.InvalidInput).Message);
        HealthCheck.Open(Spring, Draft(closesOn: new LocalDate(2026, 3, 2)), Key, Nine, Secretariat, pastMidnightInNairobi - Duration.Epsilon);
    }

    [Fact]
    public void A_round_needs_three_to_a_thousand_respondents_and_no_more_than_its_active_members()
    {
        const string bounds = "At least 3 (and at most 1,000) members must respond before results are shown, so no one's ratings can be singled out.";

        Assert.Equal(bounds, Refusal.Of(() => HealthCheck.Open(Spring, Draft(minimum: 2), Key, Nine, Secretariat, Start), ErrorCodes.Engagement.InvalidInput).Message);
        Assert.Equal(bounds, Refusal.Of(() => HealthCheck.Open(Spring, Draft(minimum: 1_001), Key, Nine, Secretariat, Start), ErrorCodes.Engagement.InvalidInput).Message);
        Assert.Equal(
            "Learning for All has 9 active members, fewer than the 1,000 respondents the health check needs before it shows results; anonymity would not hold.",
            Refusal.Of(() => HealthCheck.Open(Spring, Draft(minimum: 1_000), Key, Nine, Secretariat, Start), ErrorCodes.Engagement.InvalidInput).Message);
        Assert.Equal(
            "Learning for All has 9 active members, fewer than the 10 respondents the health check needs before it shows results; anonymity would not hold.",
            Refusal.Of(() => HealthCheck.Open(Spring, Draft(minimum: 10), Key, Nine, Secretariat, Start), ErrorCodes.Engagement.InvalidInput).Message);

        Assert.Equal(9, HealthCheck.Open(Spring, Draft(minimum: 9), Key, Nine, Secretariat, Start).MinimumRespondents);
        Assert.Equal(3, HealthCheck.Open(Spring, Draft(minimum: 3), Key, Nine, Secretariat, Start).MinimumRespondents);
    }

    [Fact]
    public void A_coalition_of_one_active_member_is_told_so_in_the_singular()
    {
        var alone = AnotherWith(1);

        Assert.Equal(
            "Another coalition has 1 active member, fewer than the 3 respondents the health check needs before it shows results; anonymity would not hold.",
            Refusal.Of(() => HealthCheck.Open(Spring, Draft() with { Coalition = alone.Id }, Key, alone, Secretariat, Start), ErrorCodes.Engagement.InvalidInput).Message);
    }

    [Fact]
    public void The_roster_is_every_member_active_when_the_round_opens_in_id_order_and_a_suspended_member_is_not_on_it()
    {
        var joinedOutOfOrder = ActiveWith(3);
        joinedOutOfOrder.Join(6);
        joinedOutOfOrder.Join(4);
        var suspended = GovernanceScenario.NineMembers();
        suspended.Suspend(Partner(9), Adopted(MatterType.SuspendMember), Secretariat, Start);

        Assert.Equal([Partner(1), Partner(2), Partner(3), Partner(4), Partner(6)], HealthCheck.Open(Spring, Draft(), Key, joinedOutOfOrder, Secretariat, Start).Roster);
        var check = HealthCheck.Open(Spring, Draft(), Key, suspended, Secretariat, Hours(1));
        Assert.Equal(Enumerable.Range(1, 8).Select(Partner), check.Roster);
        Refusal.Expect(check, ErrorCodes.Engagement.NotAuthorized, () => check.Respond(Partner(9), Uniform(4), Key, suspended, For(9), Hours(2)));
    }

    [Fact]
    public void A_draft_has_one_to_a_hundred_well_formed_statements_each_key_once_and_one_name_per_factor()
    {
        Assert.Equal(100, HealthCheck.Open(Spring, Draft(statements: Numbered(100)), Key, Nine, Secretariat, Start).Statements.Count);
        Assert.Equal(
            "A health check has 1 to 100 statements.",
            Refusal.Of(() => HealthCheck.Open(Spring, Draft(statements: Numbered(101)), Key, Nine, Secretariat, Start), ErrorCodes.Engagement.InvalidInput).Message);
        Assert.Equal(
            "Each statement has a key, a category, a factor, a factor's name of one line (at most 200 characters) and a text of one line (at most 1,000).",
            Refusal.Of(() => HealthCheck.Open(Spring, Draft(statements: [Four[0] with { Text = new string('t', 1_001) }]), Key, Nine, Secretariat, Start), ErrorCodes.Engagement.InvalidInput).Message);
        Assert.Equal(
            "A health check names each statement's key once.",
            Refusal.Of(() => HealthCheck.Open(Spring, Draft(statements: [Four[0], Four[1] with { Key = Four[0].Key }]), Key, Nine, Secretariat, Start), ErrorCodes.Engagement.InvalidInput).Message);
        Assert.Equal(
            "Statements that share a factor share its category and its name.",
            Refusal.Of(() => HealthCheck.Open(Spring, Draft(statements: [Four[0], Four[1] with { Factor = Four[0].Factor, FactorName = "Alpha" }]), Key, Nine, Secretariat, Start), ErrorCodes.Engagement.InvalidInput).Message);
        Assert.Equal(1_000, HealthCheck.Open(Spring, Draft(statements: [Four[0] with { Text = new string('t', 1_000) }]), Key, Nine, Secretariat, Start).Statements[0].Text.Length);
    }

    [Fact]
    public void Responses_are_taken_from_the_opening_instant_to_the_last_moment_of_the_closing_date()
    {
        var check = OpenSpring();

        Assert.Equal(
            "The health check 'Spring 2026' is open; it cannot take a response on 2 March 2026 (it opened on 2 March 2026 at 09:00 UTC).",
            Refusal.Expect(check, ErrorCodes.Engagement.InvalidTransition, () => check.Respond(Partner(4), Uniform(4), Key, Nine, For(4), Start - Duration.Epsilon)).Message);
        Assert.Equal(
            "The health check 'Spring 2026' is open; it cannot take a response on 1 April 2026 (it needs that its closing date has not passed).",
            Refusal.Expect(check, ErrorCodes.Engagement.InvalidTransition, () => check.Respond(Partner(4), Uniform(4), Key, Nine, For(4), LastMoment)).Message);

        check.Respond(Partner(4), Uniform(4), Key, Nine, For(4), Start);
        check.Respond(Partner(5), Uniform(4), Key, Nine, For(5), LastMoment - Duration.Epsilon);

        Assert.Equal(2, check.ResponseCount);
    }

    [Fact]
    public void A_closed_or_cancelled_round_takes_no_response_and_no_other_step()
    {
        var closed = Closed(3);
        var cancelled = Cancelled();

        Assert.Equal(
            "The health check 'Spring 2026' is closed; it cannot take a response on 2 March 2026.",
            Refusal.Expect(closed, ErrorCodes.Engagement.InvalidTransition, () => closed.RespondAs(5, Uniform(4), 6)).Message);
        Assert.Equal(
            "The health check 'Spring 2026' is closed; it cannot close on 2 March 2026.",
            Refusal.Expect(closed, ErrorCodes.Engagement.InvalidTransition, () => closed.Close(Key, Nine, Secretariat, Hours(6))).Message);
        Assert.Equal(
            "The health check 'Spring 2026' is closed; it cannot cancel on 2 March 2026.",
            Refusal.Expect(closed, ErrorCodes.Engagement.InvalidTransition, () => closed.Cancel("Too late.", Nine, Secretariat, Hours(6))).Message);
        Assert.Equal(
            "The health check 'Spring 2026' is cancelled; it cannot take a response on 2 March 2026.",
            Refusal.Expect(cancelled, ErrorCodes.Engagement.InvalidTransition, () => cancelled.RespondAs(5, Uniform(4), 6)).Message);
        Assert.Equal(
            "The health check 'Spring 2026' is cancelled; it cannot close on 2 March 2026.",
            Refusal.Expect(cancelled, ErrorCodes.Engagement.InvalidTransition, () => cancelled.Close(Key, Nine, Secretariat, Hours(6))).Message);
        Assert.Equal(
            "The health check 'Spring 2026' is cancelled; it cannot cancel on 2 March 2026.",
            Refusal.Expect(cancelled, ErrorCodes.Engagement.InvalidTransition, () => cancelled.Cancel("Again.", Nine, Secretariat, Hours(6))).Message);
    }

    [Fact]
    public void A_round_is_closed_or_cancelled_after_it_opened_and_closed_even_after_its_closing_date()
    {
        var check = OpenSpring();

        Assert.Equal(
            "The health check 'Spring 2026' is open; it cannot close on 2 March 2026 (it opened on 2 March 2026 at 09:00 UTC).",
            Refusal.Expect(check, ErrorCodes.Engagement.InvalidTransition, () => check.Close(Key, Nine, Secretariat, Start - Duration.Epsilon)).Message);
        Refusal.Expect(check, ErrorCodes.Engagement.InvalidTransition, () => check.Cancel("Early.", Nine, Secretariat, Start - Duration.Epsilon));

        check.Close(Key, Nine, Secretariat, OnDate(2026, 5, 1));

        Assert.Equal(HealthCheckStatus.Closed, check.Status);
        Assert.Equal(0, check.ResponseCount);
        Assert.Null(check.Respondents);
    }

    [Fact]
    public void A_response_gives_one_to_a_hundred_ratings_of_the_rounds_statements_each_once_scored_one_to_five()
    {
        var check = OpenSpring();

        Assert.Equal("A response rates at least one statement.", Refusal.Expect(check, ErrorCodes.Engagement.InvalidInput, () => check.RespondAs(4, Sheet())).Message);
        Assert.Equal("The health check 'Spring 2026' has no statement 'no-such'.", Refusal.Expect(check, ErrorCodes.Engagement.UnknownKey, () => check.RespondAs(4, Sheet(("no-such", 4)))).Message);
        Assert.Equal("Statement 'trust' is rated twice.", Refusal.Expect(check, ErrorCodes.Engagement.Duplicate, () => check.RespondAs(4, Sheet(("trust", 4), ("trust", 5)))).Message);
        Assert.Equal("The score must be from 1 to 5 (got 6).", Refusal.Expect(check, ErrorCodes.Kernel.OutOfRange, () => check.RespondAs(4, Sheet(("trust", 6)))).Message);
        Assert.Equal("The score must be from 1 to 5 (got 0).", Refusal.Expect(check, ErrorCodes.Kernel.OutOfRange, () => check.RespondAs(4, Sheet(("trust", 0)))).Message);
        Assert.Equal(
            "The ratings hold more than 100 items.",
            Refusal.Expect(check, ErrorCodes.Kernel.OutOfRange, () => check.RespondAs(4, Enumerable.Repeat(new HealthRating(new HealthStatementKey("trust"), 4), 101).ToArray())).Message);
        Refusal.Expect(check, ErrorCodes.Kernel.InvalidText, () => check.RespondAs(4, [new HealthRating(default, 4)]));
        Refusal.Expect(check, ErrorCodes.Kernel.InvalidInput, () => check.RespondAs(4, null!));
        Assert.Equal("The key is required.", Refusal.Expect(check, ErrorCodes.Kernel.InvalidInput, () => check.Respond(Partner(4), Uniform(4), null!, Nine, For(4), Hours(1))).Message);

        check.RespondAs(4, Sheet(("trust", 1), ("means", 5)));

        var recorded = Assert.IsType<HealthCheckResponseRecorded>(check.DequeueUncommittedEvents()[^1]);
        Assert.Equal([1, 5], recorded.Ratings.Select(r => r.Score));
    }

    [Fact]
    public void A_round_of_a_hundred_statements_takes_a_response_rating_each()
    {
        var statements = Numbered(100);
        var check = HealthCheck.Open(Spring, Draft(statements: statements), Key, Nine, Secretariat, Start);

        check.RespondAs(4, statements.Select(s => new HealthRating(s.Key, 3)).ToArray());

        Assert.Equal(1, check.ResponseCount);
    }

    [Fact]
    public void A_member_responds_once_and_only_under_the_rounds_own_key()
    {
        var check = OpenSpring();
        check.RespondAs(4, Uniform(4));

        Assert.Equal(
            "Member 4 has responded to health check 'Spring 2026' already; a response is final.",
            Refusal.Expect(check, ErrorCodes.Engagement.AlreadyResponded, () => check.RespondAs(4, Uniform(2), 2)).Message);
        Assert.Equal(
            "The anonymity key given is not the one health check 'Spring 2026' was opened with.",
            Refusal.Expect(check, ErrorCodes.Engagement.WrongAnonymityKey, () => check.Respond(Partner(5), Uniform(4), OtherKey, Nine, For(5), Hours(2))).Message);
        Refusal.Expect(check, ErrorCodes.Engagement.WrongAnonymityKey, () => check.Close(OtherKey, Nine, Secretariat, Hours(2)));
        Assert.Equal("The key is required.", Refusal.Expect(check, ErrorCodes.Kernel.InvalidInput, () => check.Close(null!, Nine, Secretariat, Hours(2))).Message);
    }

    [Fact]
    public void A_cancellation_gives_a_trimmed_reason_of_at_most_2000_characters()
    {
        var check = OpenSpring();

        Refusal.Expect(check, ErrorCodes.Kernel.InvalidText, () => check.Cancel(" ", Nine, Secretariat, Hours(1)));
        Refusal.Expect(check, ErrorCodes.Kernel.InvalidText, () => check.Cancel(new string('r', 2_001), Nine, Secretariat, Hours(1)));
        check.DequeueUncommittedEvents();

        check.Cancel("  The assembly was postponed.  ", Nine, Secretariat, Hours(1));

        Assert.Equal("The assembly was postponed.", Assert.IsType<HealthCheckCancelled>(Assert.Single(check.DequeueUncommittedEvents())).Reason);
        Assert.Equal(HealthCheckStatus.Cancelled, check.Status);
        var longest = OpenSpring();
        longest.Cancel(new string('r', 2_000), Nine, Secretariat, Hours(1));
        Assert.Equal(HealthCheckStatus.Cancelled, longest.Status);
    }

    [Fact]
    public void Who_has_responded_is_told_by_the_key_until_a_close_records_the_respondents()
    {
        var check = OpenSpring();
        check.RespondAs(6, Uniform(4));
        var cancelled = Cancelled();

        Assert.Equal(
            "The health check 'Spring 2026' is open and keeps no list of its respondents; only the holder of its anonymity key can tell who has responded.",
            Refusal.Of(() => check.HasResponded(Partner(6)), ErrorCodes.Engagement.InvalidInput).Message);
        Assert.Equal(
            "The health check 'Spring 2026' is cancelled and keeps no list of its respondents; only the holder of its anonymity key can tell who has responded.",
            Refusal.Of(() => cancelled.HasResponded(Partner(6)), ErrorCodes.Engagement.InvalidInput).Message);
        Assert.False(cancelled.HasResponded(Partner(6), Key));
        Refusal.Of(() => check.HasResponded(Partner(6), OtherKey), ErrorCodes.Engagement.WrongAnonymityKey);
        Refusal.Of(() => check.HasResponded(default, Key), ErrorCodes.Kernel.EmptyId);
        Assert.True(check.HasResponded(Partner(6), Key));
        check.RespondAs(7, Uniform(4));
        check.RespondAs(8, Uniform(4));

        check.Close(Key, Nine, Secretariat, Hours(2));

        Assert.True(check.HasResponded(Partner(6)));
        Assert.True(check.HasResponded(Partner(6), OtherKey));
        Assert.False(check.HasResponded(Partner(5)));
        Assert.Equal([Partner(6), Partner(7), Partner(8)], check.Respondents);
        Assert.Equal(new Fraction(1, 3), check.ResponseRate);
    }

    [Fact]
    public void Results_are_read_once_closed_with_at_least_the_minimum_of_respondents()
    {
        var open = OpenSpring();

        Assert.Equal(
            "The results of health check 'Spring 2026' are read once it is closed; it is open.",
            Refusal.Of(() => open.Results(), ErrorCodes.Engagement.ResultsWithheld).Message);
        Assert.Equal(
            "The results of health check 'Spring 2026' are read once it is closed; it is cancelled.",
            Refusal.Of(() => Cancelled().Results(), ErrorCodes.Engagement.ResultsWithheld).Message);
        Assert.Equal(
            "2 members responded to health check 'Spring 2026', fewer than the 3 it needs; its results are withheld so no member's ratings can be singled out.",
            Refusal.Of(() => Closed(2).Results(), ErrorCodes.Engagement.ResultsWithheld).Message);
        Assert.Equal(
            "1 member responded to health check 'Spring 2026', fewer than the 3 it needs; its results are withheld so no member's ratings can be singled out.",
            Refusal.Of(() => Closed(1).Results(), ErrorCodes.Engagement.ResultsWithheld).Message);
        Refusal.Of(() => Closed(3, minimum: 4).Results(), ErrorCodes.Engagement.ResultsWithheld, "3 members responded");

        var results = Closed(3).Results();

        Assert.Equal((Spring, "Spring 2026", 9, 3, new Fraction(1, 3), (string?)null), (results.Check, results.Title, results.Roster, results.Respondents, results.ResponseRate, results.ComparedWith));
        Assert.All(results.Factors, f => Assert.Equal((new Fraction(4, 1), 3 * HealthCheckStatements.Standard.Count(s => s.Factor == f.Factor), (Fraction?)null, (ScoreChange?)null), (f.Mean!.Value, f.Ratings, f.Previous, f.Change)));
    }

    [Fact]
    public void A_round_is_compared_only_with_a_readable_round_of_the_same_coalition_opened_strictly_before_it()
    {
        var spring = Closed(3);
        HealthCheck Round(HealthCheckId id, Instant at, Coalition? coalition = null)
        {
            var c = coalition ?? Nine;
            var round = HealthCheck.Open(id, Draft("Autumn 2026", new LocalDate(2026, 9, 30)) with { Coalition = c.Id }, Key, c, Secretariat, at);
            for (var m = 1; m <= 3; m++)
            {
                round.Respond(Partner(m), Uniform(3), Key, c, For(m), at);
            }

            round.Close(Key, c, Secretariat, at);
            return round;
        }

        const string notEarlier = "Health check 'Spring 2026' is not an earlier round of the same coalition.";
        Assert.Equal(notEarlier, Refusal.Of(() => Round(Autumn, Start).Results(spring), ErrorCodes.Engagement.NotComparable).Message);
        Assert.Equal(notEarlier, Refusal.Of(() => Round(Autumn, OnDate(2026, 9, 1), AnotherOfThree()).Results(spring), ErrorCodes.Engagement.NotComparable).Message);
        Assert.Equal(notEarlier, Refusal.Of(() => Round(Spring, OnDate(2026, 9, 1)).Results(spring), ErrorCodes.Engagement.NotComparable).Message);
        Assert.Equal(notEarlier, Refusal.Of(() => spring.Results(spring), ErrorCodes.Engagement.NotComparable).Message);
        Assert.Equal(
            "The results of health check 'Spring 2026' cannot be read, so this round is not compared with it.",
            Refusal.Of(() => Round(Autumn, OnDate(2026, 9, 1)).Results(OpenSpring()), ErrorCodes.Engagement.NotComparable).Message);

        var results = Round(Autumn, Start + Duration.Epsilon).Results(spring);

        Assert.Equal("Spring 2026", results.ComparedWith);
        Assert.All(results.Factors, f => Assert.Equal((new Fraction(4, 1), new ScoreChange(ChangeDirection.Down, Fraction.One)), (f.Previous!.Value, f.Change)));
    }

    [Fact]
    public void Each_factor_and_category_is_scored_from_its_own_ratings_and_unrated_ones_have_no_score()
    {
        var check = HealthCheck.Open(Spring, Draft(statements: Four), Key, Nine, Secretariat, Start);
        check.RespondAs(1, Sheet(("a", 5), ("b", 3), ("c", 2)));
        check.RespondAs(2, Sheet(("a", 4), ("b", 3)));
        check.RespondAs(3, Sheet(("a", 4), ("b", 4), ("c", 2)));
        check.Close(Key, Nine, Secretariat, Hours(5));

        var results = check.Results();

        Assert.Equal(
            [("alpha", new Fraction(13, 3), 3, ScoreBand.Strength), ("beta", new Fraction(10, 3), 3, ScoreBand.Borderline), ("gamma", new Fraction(2, 1), 2, ScoreBand.Concern)],
            results.Factors.Take(3).Select(f => (f.Factor.Value, f.Mean!.Value, f.Ratings, f.Band!.Value)));
        Assert.Equal((null, 0, null), (results.Factors[3].Mean, results.Factors[3].Ratings, results.Factors[3].Band));
        Assert.Equal(
            [new CategoryScore(HealthCategory.Environment, new Fraction(13, 3), 3), new CategoryScore(HealthCategory.Communication, null, 0), new CategoryScore(HealthCategory.Purpose, new Fraction(10, 3), 3), new CategoryScore(HealthCategory.Resources, new Fraction(2, 1), 2)],
            results.Categories);
        Assert.Equal(
            "Health check 'Spring 2026': 3 of 9 members responded (33 %).\nStrengths (4 and above):\n  Alpha (environment): 4.33 (13/3 from 3 ratings)\nBorderline (3 to 4):\n  Beta (purpose): 3.33 (10/3 from 3 ratings)\nConcerns (below 3):\n  Gamma (resources): 2.00 (2 from 2 ratings)\nBy category: environment 4.33; communication not rated; purpose 3.33; resources 2.00.",
            results.Describe());
    }

    [Fact]
    public void The_results_say_how_each_factor_moved_best_first_with_ties_by_name()
    {
        var spring = HealthCheck.Open(Spring, Draft(statements: Four), Key, Nine, Secretariat, Start);
        spring.RespondAs(1, Sheet(("a", 5), ("b", 3), ("c", 2)));
        spring.RespondAs(2, Sheet(("a", 4), ("b", 3)));
        spring.RespondAs(3, Sheet(("a", 4), ("b", 4), ("c", 2)));
        spring.Close(Key, Nine, Secretariat, Hours(5));
        var autumn = HealthCheck.Open(Autumn, Draft("Autumn 2026", new LocalDate(2026, 9, 30), statements: Four), Key, Nine, Secretariat, OnDate(2026, 9, 1));
        void Respond(int member, params (string, int)[] ratings) => autumn.Respond(Partner(member), Sheet(ratings), Key, Nine, For(member), OnDate(2026, 9, 2));
        Respond(1, ("a", 4), ("b", 3));
        Respond(2, ("a", 5), ("b", 3), ("c", 3));
        Respond(3, ("a", 4), ("d", 5));
        autumn.Close(Key, Nine, Secretariat, OnDate(2026, 10, 1));

        var results = autumn.Results(spring);

        Assert.Equal(
            [new ScoreChange(ChangeDirection.Unchanged, new Fraction(0, 1)), new ScoreChange(ChangeDirection.Down, new Fraction(1, 3)), new ScoreChange(ChangeDirection.Up, Fraction.One), null],
            results.Factors.Select(f => f.Change));
        Assert.Equal([new Fraction(13, 3), new Fraction(10, 3), new Fraction(2, 1), (Fraction?)null], results.Factors.Select(f => f.Previous));
        Assert.Equal(
            "Health check 'Autumn 2026': 3 of 9 members responded (33 %). Compared with 'Spring 2026'.\nStrengths (4 and above):\n  Delta (communication): 5.00 (5 from 1 rating)\n  Alpha (environment): 4.33 (13/3 from 3 ratings), unchanged from 4.33\nBorderline (3 to 4):\n  Beta (purpose): 3.00 (3 from 2 ratings), down 0.33 from 3.33\n  Gamma (resources): 3.00 (3 from 1 rating), up 1.00 from 2.00\nConcerns (below 3): none.\nBy category: environment 4.33; communication 5.00; purpose 3.00; resources 3.00.",
            results.Describe());
    }

    [Fact]
    public void A_stored_opening_is_refused_for_each_reason_it_cannot_be_a_rounds_first_event()
    {
        var opened = (HealthCheckOpened)OpenSpring().DequeueUncommittedEvents()[0];
        void Refused(string why, HealthCheckOpened e) => StoredHistory.Refused(HealthCheck.Rehydrate, [], why, e);

        Refused("the time zone is not a tz database id.", opened with { TimeZone = "Mars/Olympus" });
        Refused("the title is not one line of at most 200 characters.", opened with { Title = "Spring\n2026" });
        Refused("the title is not one line of at most 200 characters.", opened with { Title = new string('t', 201) });
        Refused("A health check has 1 to 100 statements.", opened with { Statements = [] });
        Refused("the minimum number of respondents is out of range.", opened with { MinimumRespondents = 2 });
        Refused("the minimum number of respondents is out of range.", opened with { MinimumRespondents = 1_001 });
        Refused("the roster has fewer members than the minimum number of respondents, or too many.", opened with { MinimumRespondents = 10 });
        Refused("the roster is not in id order, or names a member twice.", opened with { Roster = [Partner(2), Partner(1), Partner(3)] });
        Refused("the roster is not in id order, or names a member twice.", opened with { Roster = [Partner(1), Partner(2), Partner(2)] });
        Refused("the key's fingerprint is not a digest.", opened with { KeyFingerprint = opened.KeyFingerprint.ToUpperInvariant() });
        Refused("the key's fingerprint is not a digest.", opened with { KeyFingerprint = opened.KeyFingerprint[1..] });
        Refused("the closing date is out of range.", opened with { ClosesOn = new LocalDate(3000, 1, 1) });

        Assert.Equal(9, HealthCheck.Rehydrate([opened with { MinimumRespondents = 9, Title = new string('t', 200) }]).MinimumRespondents);
    }

    [Fact]
    public void A_stored_response_is_refused_for_each_reason_it_cannot_follow_the_round()
    {
        var opened = (HealthCheckOpened)OpenSpring().DequeueUncommittedEvents()[0];
        var three = opened with { Roster = [Partner(1), Partner(2), Partner(3)] };
        HealthCheckResponseRecorded Response(char tag, params (string, int)[] ratings) =>
            new(Spring, new string(tag, 64), Sheet(ratings.Length == 0 ? [("trust", 4)] : ratings), Start, HealthCheck.AnonymousRespondent);
        void Refused(string why, IReadOnlyCollection<IDomainEvent> history, HealthCheckResponseRecorded e) => StoredHistory.Refused(HealthCheck.Rehydrate, history, why, e);

        Refused("the round is not open.", [opened, new HealthCheckCancelled(Spring, "Postponed.", Hours(1), Secretariat)], Response('a'));
        Refused("a response records the round's opening instant and the anonymous respondent, nothing else.", [opened], Response('a') with { At = Hours(1) });
        Refused("a response records the round's opening instant and the anonymous respondent, nothing else.", [opened], Response('a') with { By = For(4) });
        Refused("the response's tag is not a digest.", [opened], Response('A'));
        Refused("the tag has responded already.", [opened, Response('a')], Response('a'));
        Refused("more responses than members on the roster.", [three, Response('a'), Response('b'), Response('c')], Response('d'));
        Refused("a response rates one statement or more, at most every statement.", [opened], Response('a') with { Ratings = [] });
        Refused("a response rates one statement or more, at most every statement.", [opened], Response('a') with { Ratings = [.. Uniform(4), new HealthRating(new HealthStatementKey("trust"), 4)] });
        Refused("a rating names a statement not in the round, twice, or out of the statements' order.", [opened], Response('a', ("no-such", 4)));
        Refused("a rating names a statement not in the round, twice, or out of the statements' order.", [opened], Response('a', ("trust", 4), ("trust", 4)));
        Refused("a rating names a statement not in the round, twice, or out of the statements' order.", [opened], Response('a', ("means", 4), ("trust", 4)));
        Refused("a score is not from 1 to 5.", [opened], Response('a', ("trust", 0)));
        Refused("a score is not from 1 to 5.", [opened], Response('a', ("trust", 6)));

        var replayed = HealthCheck.Rehydrate([three, Response('a', ("history", 1), ("means", 5)), Response('b'), Response('c')]);
        Assert.Equal(3, replayed.ResponseCount);
    }

    [Fact]
    public void A_stored_close_or_cancellation_is_refused_for_each_reason_it_cannot_end_the_round()
    {
        var check = OpenSpring();
        check.RespondAs(4, Uniform(4));
        check.RespondAs(5, Uniform(4));
        var history = check.DequeueUncommittedEvents();
        HealthCheckClosed Close(params int[] members) => new(Spring, members.Select(Partner).ToArray(), Hours(3), Secretariat);
        var cancelled = new HealthCheckCancelled(Spring, "Postponed.", Hours(3), Secretariat);

        StoredHistory.Refused(HealthCheck.Rehydrate, [.. history, cancelled], "the round is not open.", Close(4, 5));
        StoredHistory.Refused(HealthCheck.Rehydrate, history, "the respondents named are not as many as the responses.", Close(4));
        StoredHistory.Refused(HealthCheck.Rehydrate, history, "a respondent is not on the roster, or is named twice.", Close(4, 30));
        StoredHistory.Refused(HealthCheck.Rehydrate, history, "a respondent is not on the roster, or is named twice.", Close(4, 4));
        StoredHistory.Refused(HealthCheck.Rehydrate, history, "the respondents are not in id order.", Close(5, 4));
        StoredHistory.Refused(HealthCheck.Rehydrate, [.. history, Close(4, 5)], "the round is not open.", cancelled);
        StoredHistory.Refused(HealthCheck.Rehydrate, [.. history, cancelled], "the round is not open.", cancelled);
        StoredHistory.Refused(HealthCheck.Rehydrate, history, "the respondents counted are not as many as the responses.", Close() with { RespondentCount = 1 });
        StoredHistory.Refused(HealthCheck.Rehydrate, history, "HealthCheckClosed.RespondentCount is negative.", Close() with { RespondentCount = -1 });
        StoredHistory.Refused(HealthCheck.Rehydrate, history, "a close that records the number of its respondents names none.", Close(4, 5) with { RespondentCount = 2 });
        check.RespondAs(6, Uniform(4));
        StoredHistory.Refused(HealthCheck.Rehydrate, [.. history, .. check.DequeueUncommittedEvents()], "a close records only the number of its respondents when they are fewer than the round's minimum.", Close() with { RespondentCount = 3 });

        Assert.Null(HealthCheck.Rehydrate([.. history, Close() with { RespondentCount = 2 }]).Respondents);
        Assert.Equal([Partner(4), Partner(5)], HealthCheck.Rehydrate([.. history, Close(4, 5)]).Respondents);
    }

    [Fact]
    public void A_draft_names_its_coalition_a_title_of_one_line_and_a_closing_date_in_range()
    {
        Refusal.Of(() => HealthCheck.Open(Spring, Draft() with { Coalition = default }, Key, Nine, Secretariat, Start), ErrorCodes.Kernel.EmptyId);
        Refusal.Of(() => HealthCheck.Open(Spring, Draft("   "), Key, Nine, Secretariat, Start), ErrorCodes.Kernel.InvalidText);
        Refusal.Of(() => HealthCheck.Open(Spring, Draft("Spring\n2026"), Key, Nine, Secretariat, Start), ErrorCodes.Kernel.InvalidText);
        Refusal.Of(() => HealthCheck.Open(Spring, Draft(new string('t', 201)), Key, Nine, Secretariat, Start), ErrorCodes.Kernel.InvalidText);
        Refusal.Of(() => HealthCheck.Open(Spring, Draft(closesOn: new LocalDate(3000, 1, 1)), Key, Nine, Secretariat, Start), ErrorCodes.Kernel.OutOfRange);

        Assert.Equal(200, HealthCheck.Open(Spring, Draft(new string('t', 200), new LocalDate(2999, 12, 31)), Key, Nine, Secretariat, Start).Title.Length);
    }

    [Fact]
    public void Every_statement_of_a_draft_is_checked_wherever_it_stands_in_the_list()
    {
        const string malformed = "Each statement has a key, a category, a factor, a factor's name of one line (at most 200 characters) and a text of one line (at most 1,000).";
        void Refused(string words, params HealthStatement[] statements) =>
            Assert.Equal(words, Refusal.Of(() => HealthCheck.Open(Spring, Draft(statements: statements), Key, Nine, Secretariat, Start), ErrorCodes.Engagement.InvalidInput).Message);

        Refused("A health check has 1 to 100 statements.", Four[0], null!);
        Refused(malformed, Four[0], Four[1] with { Key = default });
        Refused(malformed, Four[0], Four[1] with { Factor = default });
        Refused(malformed, Four[0], Four[1] with { Category = (HealthCategory)99 });
        Refused(malformed, Four[0], Four[1] with { FactorName = " " });
        Refused(malformed, Four[0], Four[1] with { FactorName = "Beta\nand more" });
        Refused(malformed, Four[0], Four[1] with { FactorName = new string('n', 201) });
        Refused(malformed, Four[0], Four[1] with { Text = " " });
        Refused(malformed, Four[0], Four[1] with { Text = "Two\nlines." });
        Refused(malformed, Four[0], Four[1] with { Text = new string('t', 1_001) });
        Refused("Statements that share a factor share its category and its name.", Four[0], Four[1] with { Factor = Four[0].Factor }, Four[2]);

        Assert.Equal(4, HealthCheck.Open(Spring, Draft(statements: Four), Key, Nine, Secretariat, Start).Statements.Count);
    }

    [Fact]
    public void A_rating_that_names_no_statement_is_refused_in_words()
    {
        var check = OpenSpring();

        Assert.Equal(
            "The statement is missing: give its health statement key.",
            Refusal.Expect(check, ErrorCodes.Kernel.InvalidText, () => check.RespondAs(4, [new HealthRating(default, 4)])).Message);
    }

    [Fact]
    public void Only_a_step_taken_before_the_round_opened_is_told_when_it_opened()
    {
        var check = OpenSpring();
        check.Close(Key, Nine, Secretariat, Start);

        Assert.Equal(
            "The health check 'Spring 2026' is closed; it cannot cancel on 2 March 2026.",
            Refusal.Expect(check, ErrorCodes.Engagement.InvalidTransition, () => check.Cancel("Too late.", Nine, Secretariat, Start)).Message);
        Assert.Equal(
            "The health check 'Spring 2026' is closed; it cannot cancel on 2 March 2026 (it opened on 2 March 2026 at 09:00 UTC).",
            Refusal.Expect(check, ErrorCodes.Engagement.InvalidTransition, () => check.Cancel("Too late.", Nine, Secretariat, Start - Duration.Epsilon)).Message);
    }

    [Fact]
    public void A_key_is_read_from_at_most_64_characters_of_base_64_holding_32_bytes()
    {
        const string words = "An anonymity key is 32 bytes in base 64.";
        var text = Key.ToBase64();

        // Base 64 readers skip white space (a secret store may wrap or pad the text); the text is bounded all the same.
        Assert.Equal(text, AnonymityKey.FromBase64(text + new string(' ', 64 - text.Length)).ToBase64());
        Assert.Equal(words, Refusal.Of(() => AnonymityKey.FromBase64(text + new string(' ', 65 - text.Length)), ErrorCodes.Engagement.InvalidInput).Message);
        Assert.Equal(words, Refusal.Of(() => AnonymityKey.FromBase64(null!), ErrorCodes.Engagement.InvalidInput).Message);
        Assert.Equal(words, Refusal.Of(() => AnonymityKey.FromBase64(Convert.ToBase64String(new byte[31])), ErrorCodes.Engagement.InvalidInput).Message);
    }

    [Fact]
    public void Under_one_key_a_members_tag_and_the_keys_fingerprint_differ_from_one_round_to_another()
    {
        var spring = OpenSpring();
        var autumn = HealthCheck.Open(Autumn, Draft("Autumn 2026"), Key, Nine, Secretariat, Start);
        spring.RespondAs(4, Uniform(4));
        autumn.RespondAs(4, Uniform(4));

        var inSpring = spring.DequeueUncommittedEvents();
        var inAutumn = autumn.DequeueUncommittedEvents();

        Assert.NotEqual(Assert.IsType<HealthCheckOpened>(inSpring[0]).KeyFingerprint, Assert.IsType<HealthCheckOpened>(inAutumn[0]).KeyFingerprint);
        Assert.NotEqual(Assert.IsType<HealthCheckResponseRecorded>(inSpring[1]).Tag, Assert.IsType<HealthCheckResponseRecorded>(inAutumn[1]).Tag);
    }

    [Fact]
    public void A_stored_opening_without_a_title_is_refused()
    {
        var opened = (HealthCheckOpened)OpenSpring().DequeueUncommittedEvents()[0];

        StoredHistory.Refused(HealthCheck.Rehydrate, [], "the title is not one line of at most 200 characters.", opened with { Title = string.Empty });
        StoredHistory.Refused(HealthCheck.Rehydrate, [], "the title is not one line of at most 200 characters.", opened with { Title = "   " });
    }

    [Fact]
    public void A_stored_round_may_need_as_many_as_a_thousand_respondents()
    {
        var opened = (HealthCheckOpened)OpenSpring().DequeueUncommittedEvents()[0];
        var thousand = Enumerable.Range(1, 1_000).Select(Partner).ToArray();

        Assert.Equal(1_000, HealthCheck.Rehydrate([opened with { Roster = thousand, MinimumRespondents = 1_000 }]).MinimumRespondents);
    }

    [Fact]
    public void A_stored_close_is_refused_when_any_two_neighbouring_respondents_are_out_of_id_order()
    {
        var check = OpenSpring();
        check.RespondAs(4, Uniform(4));
        check.RespondAs(5, Uniform(4));
        check.RespondAs(6, Uniform(4));
        var history = check.DequeueUncommittedEvents();
        HealthCheckClosed Close(params int[] members) => new(Spring, members.Select(Partner).ToArray(), Hours(3), Secretariat);

        StoredHistory.Refused(HealthCheck.Rehydrate, history, "the respondents are not in id order.", Close(4, 6, 5));
        StoredHistory.Refused(HealthCheck.Rehydrate, history, "the respondents are not in id order.", Close(5, 4, 6));

        Assert.Equal([Partner(4), Partner(5), Partner(6)], HealthCheck.Rehydrate([.. history, Close(4, 5, 6)]).Respondents);
    }
}
