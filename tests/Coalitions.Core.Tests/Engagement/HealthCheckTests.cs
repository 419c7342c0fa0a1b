using Coalitions.Core.Engagement;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using Snapshooter.Xunit;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.EngagementScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Engagement;

/// <summary>The collaboration health check: anonymous responses, exact factor means, bands, and the change since the previous round.</summary>
public class HealthCheckTests
{
    [Fact]
    public void Every_active_member_is_on_the_roster_of_a_round_in_id_order()
    {
        var check = OpenSpring();

        Assert.Equal(Enumerable.Range(1, 9).Select(Partner), check.Roster);
        Assert.Equal(HealthCheckStatus.Open, check.Status);
        Assert.Equal(24, check.Statements.Count);
    }

    [Fact]
    public void Only_a_coordinator_opens_closes_and_cancels_a_round()
    {
        Assert.Equal(ErrorCodes.Coalitions.NotACoordinator, Assert.Throws<CoalitionRuleException>(() => HealthCheck.Open(Spring, Draft(), Key, Nine, For(1), Start)).Code);
        var check = OpenSpring();
        Refusal.Expect(check, ErrorCodes.Coalitions.NotACoordinator, () => check.Close(Key, Nine, For(1), Hours(1)));
        Refusal.Expect(check, ErrorCodes.Coalitions.NotACoordinator, () => check.Cancel("No.", Nine, For(1), Hours(1)));
    }

    [Fact]
    public void A_round_needs_at_least_three_respondents_before_results_and_as_many_members()
    {
        Assert.Equal(ErrorCodes.Engagement.InvalidInput, Assert.Throws<CoalitionRuleException>(() => HealthCheck.Open(Spring, Draft(minimum: 2), Key, Nine, Secretariat, Start)).Code);
        Assert.Equal(ErrorCodes.Engagement.InvalidInput, Assert.Throws<CoalitionRuleException>(() => HealthCheck.Open(Spring, Draft(minimum: 10), Key, Nine, Secretariat, Start)).Code);
        Assert.Equal(ErrorCodes.Engagement.InvalidInput, Assert.Throws<CoalitionRuleException>(() => HealthCheck.Open(Spring, Draft(closesOn: new LocalDate(2026, 3, 1)), Key, Nine, Secretariat, Start)).Code);
    }

    [Fact]
    public void Statements_sharing_a_factor_share_its_category_and_name_and_each_key_is_used_once()
    {
        var statements = HealthCheckStatements.Standard;

        Assert.Equal(ErrorCodes.Engagement.InvalidInput, Assert.Throws<CoalitionRuleException>(() => HealthCheck.Open(Spring, Draft(statements: [.. statements, statements[0]]), Key, Nine, Secretariat, Start)).Code);
        Assert.Equal(ErrorCodes.Engagement.InvalidInput, Assert.Throws<CoalitionRuleException>(() => HealthCheck.Open(Spring, Draft(statements: [statements[3], statements[4] with { FactorName = "Respect" }]), Key, Nine, Secretariat, Start)).Code);
        Assert.Equal(ErrorCodes.Engagement.InvalidInput, Assert.Throws<CoalitionRuleException>(() => HealthCheck.Open(Spring, Draft(statements: []), Key, Nine, Secretariat, Start)).Code);
    }

    [Fact]
    public void A_response_records_the_ratings_and_a_tag_and_nothing_that_names_the_member_or_when_it_responded()
    {
        var check = OpenSpring();
        check.DequeueUncommittedEvents();

        check.RespondAs(4, Sheet(("trust", 4), ("means", 2)), atHours: 30);

        var recorded = Assert.IsType<HealthCheckResponseRecorded>(Assert.Single(check.DequeueUncommittedEvents()));
        var json = CoalitionsJson.SerializeEvent(recorded);
        Assert.DoesNotContain(Partner(4).ToString(), json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Person(4).ToString(), json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(check.OpenedAt, recorded.At);
        Assert.Equal(HealthCheck.AnonymousRespondent, recorded.By);
        Assert.Equal(1, check.ResponseCount);
        Assert.Null(check.Respondents);
    }

    [Fact]
    public void Ratings_are_stored_in_the_order_of_the_statements_whatever_order_they_were_given_in()
    {
        var check = OpenSpring();
        check.DequeueUncommittedEvents();

        check.RespondAs(4, Sheet(("means", 2), ("history", 5), ("trust", 4)));

        var recorded = (HealthCheckResponseRecorded)check.DequeueUncommittedEvents()[0];
        Assert.Equal(["history", "trust", "means"], recorded.Ratings.Select(r => r.Statement.Value));
    }

    [Fact]
    public void A_member_responds_once_and_only_through_its_own_delegate()
    {
        var check = OpenSpring();
        check.RespondAs(4, Uniform(4));

        Refusal.Expect(check, ErrorCodes.Engagement.AlreadyResponded, () => check.RespondAs(4, Uniform(2)));
        Refusal.Expect(check, ErrorCodes.Engagement.NotAuthorized, () => check.Respond(Partner(5), Uniform(4), Key, Nine, For(4), Hours(1)));
        Refusal.Expect(check, ErrorCodes.Engagement.NotAuthorized, () => check.Respond(Partner(30), Uniform(4), Key, Nine, For(30), Hours(1)));
        Refusal.Expect(check, ErrorCodes.Engagement.NotAuthorized, () => check.Respond(Partner(5), Uniform(4), Key, Nine, Secretariat, Hours(1)));
    }

    [Fact]
    public void A_member_who_joins_after_the_round_opened_is_not_on_its_roster()
    {
        var coalition = GovernanceScenario.NineMembers();
        var check = HealthCheck.Open(Spring, Draft(), Key, coalition, Secretariat, Start);
        coalition.Join(10, global::Coalitions.Core.Memberships.MembershipTier.Full, Hours(1));

        Refusal.Expect(check, ErrorCodes.Engagement.NotAuthorized, () => check.Respond(Partner(10), Uniform(4), Key, coalition, For(10), Hours(2)));
    }

    [Fact]
    public void Another_anonymity_key_is_refused_so_no_member_can_respond_twice()
    {
        var check = OpenSpring();
        check.RespondAs(4, Uniform(4));

        Refusal.Expect(check, ErrorCodes.Engagement.WrongAnonymityKey, () => check.Respond(Partner(4), Uniform(4), OtherKey, Nine, For(4), Hours(2)));
        Refusal.Expect(check, ErrorCodes.Engagement.WrongAnonymityKey, () => check.Close(OtherKey, Nine, Secretariat, Hours(2)));
    }

    [Fact]
    public void Ratings_name_statements_of_the_round_once_each_with_scores_from_one_to_five()
    {
        var check = OpenSpring();

        Refusal.Expect(check, ErrorCodes.Engagement.UnknownKey, () => check.RespondAs(4, Sheet(("no-such", 4))));
        Refusal.Expect(check, ErrorCodes.Engagement.Duplicate, () => check.RespondAs(4, Sheet(("trust", 4), ("trust", 5))));
        Refusal.Expect(check, ErrorCodes.Kernel.OutOfRange, () => check.RespondAs(4, Sheet(("trust", 6))));
        Refusal.Expect(check, ErrorCodes.Kernel.OutOfRange, () => check.RespondAs(4, Sheet(("trust", 0))));
        Refusal.Expect(check, ErrorCodes.Engagement.InvalidInput, () => check.RespondAs(4, Sheet()));
    }

    [Fact]
    public void Responses_are_taken_until_the_end_of_the_closing_date()
    {
        var check = OpenSpring();
        var lastMinute = new LocalDate(2026, 4, 1).AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Africa/Nairobi"]).ToInstant() - Duration.FromMinutes(1);

        check.Respond(Partner(4), Uniform(4), Key, Nine, For(4), lastMinute);

        Refusal.Expect(check, ErrorCodes.Engagement.InvalidTransition, () => check.Respond(Partner(5), Uniform(4), Key, Nine, For(5), lastMinute + Duration.FromMinutes(1)));
    }

    [Fact]
    public void Who_has_responded_is_known_to_the_key_holder_while_open_and_recorded_unordered_at_close()
    {
        var check = OpenSpring();
        check.RespondAs(7, Uniform(3));
        check.RespondAs(2, Uniform(4));
        check.RespondAs(5, Uniform(5));

        Assert.True(check.HasResponded(Partner(7), Key));
        Assert.False(check.HasResponded(Partner(1), Key));
        Assert.Equal(ErrorCodes.Engagement.InvalidInput, Assert.Throws<CoalitionRuleException>(() => check.HasResponded(Partner(7))).Code);
        check.Close(Key, Nine, Secretariat, Hours(5));

        Assert.Equal([Partner(2), Partner(5), Partner(7)], check.Respondents);
        Assert.True(check.HasResponded(Partner(5)));
        Assert.Equal(new Fraction(1, 3), check.ResponseRate);
    }

    [Fact]
    public void A_round_closed_below_its_minimum_does_not_name_its_respondents()
    {
        // Member 4 alone responds: named beside the one stored response, it would be tied to its ratings by any reader of the store.
        var check = OpenSpring();
        check.RespondAs(4, Sheet(("trust", 1), ("means", 2)));
        check.Close(Key, Nine, Secretariat, Hours(5));

        var events = check.DequeueUncommittedEvents();
        Assert.Single(events.OfType<HealthCheckResponseRecorded>());
        var closed = events.OfType<HealthCheckClosed>().Single();
        Assert.Empty(closed.Respondents);
        Assert.Equal(1, closed.RespondentCount);
        Assert.DoesNotContain(Partner(4).ToString(), CoalitionsJson.SerializeEvent(closed), StringComparison.OrdinalIgnoreCase);
        Assert.Null(check.Respondents);
        Assert.Equal(1, check.ResponseCount);
        Assert.Equal(
            "The health check 'Spring 2026' closed with fewer respondents than its minimum of 3 and names none; only the holder of its anonymity key can tell who has responded.",
            Refusal.Of(() => check.HasResponded(Partner(4)), ErrorCodes.Engagement.InvalidInput).Message);
        Assert.True(check.HasResponded(Partner(4), Key));
        Assert.False(check.HasResponded(Partner(5), Key));
        Assert.Null(HealthCheck.Rehydrate(events).Respondents);
    }

    [Fact]
    public void A_round_closed_with_its_minimum_names_its_respondents_and_no_count()
    {
        var check = OpenSpring();
        check.RespondAs(6, Uniform(4));
        check.RespondAs(4, Uniform(4));
        check.RespondAs(5, Uniform(4));
        check.Close(Key, Nine, Secretariat, Hours(5));

        var closed = check.DequeueUncommittedEvents().OfType<HealthCheckClosed>().Single();
        Assert.Equal([Partner(4), Partner(5), Partner(6)], closed.Respondents);
        Assert.Null(closed.RespondentCount);
        Assert.DoesNotContain("respondentCount", CoalitionsJson.SerializeEvent(closed), StringComparison.Ordinal);
    }

    [Fact]
    public void A_close_stored_by_an_earlier_version_naming_fewer_respondents_than_the_minimum_still_replays_as_stored()
    {
        // Before the count was recorded, a close named its respondents whatever their number; such stored events still read.
        var check = OpenSpring();
        check.RespondAs(4, Uniform(4));
        var history = check.DequeueUncommittedEvents();
        var stored = "{\"$type\":\"Engagement.HealthCheckClosed\",\"check\":\"" + Spring + "\",\"respondents\":[\"" + Partner(4) + "\"],\"at\":\"2026-03-02T14:00:00Z\",\"by\":{\"kind\":\"Person\",\"person\":\"b0000000-0000-0000-0000-000000000800\"}}";

        var closed = Assert.IsType<HealthCheckClosed>(CoalitionsJson.DeserializeEvent(stored));
        var replayed = HealthCheck.Rehydrate([.. history, closed]);

        Assert.Null(closed.RespondentCount);
        Assert.Equal(HealthCheckStatus.Closed, replayed.Status);
        Assert.Equal([Partner(4)], replayed.Respondents);
        Assert.True(replayed.HasResponded(Partner(4)));
    }

    [Fact]
    public void Results_are_withheld_until_the_round_is_closed_with_enough_respondents()
    {
        var check = OpenSpring();
        check.RespondAs(1, Uniform(4));
        check.RespondAs(2, Uniform(4));

        Assert.Equal(ErrorCodes.Engagement.ResultsWithheld, Assert.Throws<CoalitionRuleException>(() => check.Results()).Code);
        check.Close(Key, Nine, Secretariat, Hours(5));
        Assert.Equal(ErrorCodes.Engagement.ResultsWithheld, Assert.Throws<CoalitionRuleException>(() => check.Results()).Code);
    }

    [Fact]
    public void A_factor_scores_the_exact_mean_of_its_ratings_and_falls_in_a_band()
    {
        var check = OpenSpring();
        check.RespondAs(1, Sheet(("trust", 5), ("open-disagreement", 4), ("means", 2), ("vision", 4)));
        check.RespondAs(2, Sheet(("trust", 4), ("open-disagreement", 4), ("means", 3), ("vision", 3)));
        check.RespondAs(3, Sheet(("trust", 4), ("means", 2), ("vision", 4)));
        check.Close(Key, Nine, Secretariat, Hours(5));

        var results = check.Results();

        var trust = results.Factors.Single(f => f.Factor == new FactorKey("trust"));
        Assert.Equal(new Fraction(21, 5), trust.Mean);
        Assert.Equal(ScoreBand.Strength, trust.Band);
        Assert.Equal(new Fraction(11, 3), results.Factors.Single(f => f.Factor == new FactorKey("vision")).Mean);
        Assert.Equal(ScoreBand.Borderline, results.Factors.Single(f => f.Factor == new FactorKey("vision")).Band);
        Assert.Equal(new Fraction(7, 3), results.Factors.Single(f => f.Factor == new FactorKey("means")).Mean);
        var goals = results.Factors.Single(f => f.Factor == new FactorKey("goals"));
        Assert.Equal((null, 0, null), (goals.Mean, goals.Ratings, goals.Band));
        Assert.Equal(["trust"], results.Strengths.Select(f => f.Factor.Value));
        Assert.Equal(["means"], results.Concerns.Select(f => f.Factor.Value));
    }

    [Fact]
    public void Exactly_four_is_a_strength_and_exactly_three_is_borderline()
    {
        Assert.Equal(ScoreBand.Strength, FactorScore.BandOf(new Fraction(8, 2)));
        Assert.Equal(ScoreBand.Borderline, FactorScore.BandOf(new Fraction(39_999, 10_000)));
        Assert.Equal(ScoreBand.Borderline, FactorScore.BandOf(new Fraction(3, 1)));
        Assert.Equal(ScoreBand.Concern, FactorScore.BandOf(new Fraction(29_999, 10_000)));
    }

    [Fact]
    public void A_round_is_compared_with_an_earlier_closed_round_of_the_same_coalition()
    {
        var spring = OpenSpring();
        for (var m = 1; m <= 3; m++)
        {
            spring.RespondAs(m, Sheet(("trust", 3), ("means", 3)));
        }

        spring.Close(Key, Nine, Secretariat, Hours(5));
        var autumn = HealthCheck.Open(Autumn, Draft("Autumn 2026", new LocalDate(2026, 9, 30)), Key, Nine, Secretariat, OnDate(2026, 9, 1));
        for (var m = 1; m <= 4; m++)
        {
            autumn.Respond(Partner(m), Sheet(("trust", 4), ("means", 2)), Key, Nine, For(m), OnDate(2026, 9, 2));
        }

        autumn.Close(Key, Nine, Secretariat, OnDate(2026, 10, 1));

        var results = autumn.Results(previous: spring);

        var trust = results.Factors.Single(f => f.Factor == new FactorKey("trust"));
        Assert.Equal(new ScoreChange(ChangeDirection.Up, Fraction.One), trust.Change);
        Assert.Equal(new ScoreChange(ChangeDirection.Down, Fraction.One), results.Factors.Single(f => f.Factor == new FactorKey("means")).Change);
        Assert.Equal(ErrorCodes.Engagement.NotComparable, Assert.Throws<CoalitionRuleException>(() => spring.Results(previous: autumn)).Code);
    }

    [Fact]
    public void A_round_whose_results_are_withheld_is_not_compared_with()
    {
        var spring = OpenSpring();
        spring.RespondAs(1, Uniform(3));
        spring.Close(Key, Nine, Secretariat, Hours(5));
        var autumn = HealthCheck.Open(Autumn, Draft("Autumn 2026", new LocalDate(2026, 9, 30)), Key, Nine, Secretariat, OnDate(2026, 9, 1));
        for (var m = 1; m <= 3; m++)
        {
            autumn.Respond(Partner(m), Uniform(4), Key, Nine, For(m), OnDate(2026, 9, 2));
        }

        autumn.Close(Key, Nine, Secretariat, OnDate(2026, 10, 1));

        Assert.Equal(ErrorCodes.Engagement.NotComparable, Assert.Throws<CoalitionRuleException>(() => autumn.Results(previous: spring)).Code);
    }

    [Fact]
    public void A_cancelled_round_takes_no_more_responses_and_shows_no_results()
    {
        var check = OpenSpring();
        check.Cancel("The assembly was postponed.", Nine, Secretariat, Hours(1));

        Refusal.Expect(check, ErrorCodes.Engagement.InvalidTransition, () => check.RespondAs(4, Uniform(4), 2));
        Assert.Equal(ErrorCodes.Engagement.ResultsWithheld, Assert.Throws<CoalitionRuleException>(() => check.Results()).Code);
    }

    [Fact]
    public void A_stored_response_that_names_its_actor_or_its_real_instant_is_refused()
    {
        var check = OpenSpring();
        check.RespondAs(4, Uniform(4));
        var events = check.DequeueUncommittedEvents();
        var response = (HealthCheckResponseRecorded)events[^1];

        Assert.Throws<StoredEventException>(() => HealthCheck.Rehydrate([events[0], response with { By = For(4) }]));
        Assert.Throws<StoredEventException>(() => HealthCheck.Rehydrate([events[0], response with { At = Hours(1) }]));
        Assert.Throws<StoredEventException>(() => HealthCheck.Rehydrate([events[0], response, response]));
    }

    [Fact]
    public void A_stored_close_must_name_as_many_respondents_as_responses_on_the_roster_in_id_order()
    {
        var check = OpenSpring();
        check.RespondAs(4, Uniform(4));
        check.RespondAs(5, Uniform(4));
        var events = check.DequeueUncommittedEvents();

        Assert.Throws<StoredEventException>(() => HealthCheck.Rehydrate([.. events, new HealthCheckClosed(Spring, [Partner(4)], Hours(3), Secretariat)]));
        Assert.Throws<StoredEventException>(() => HealthCheck.Rehydrate([.. events, new HealthCheckClosed(Spring, [Partner(5), Partner(4)], Hours(3), Secretariat)]));
        Assert.Throws<StoredEventException>(() => HealthCheck.Rehydrate([.. events, new HealthCheckClosed(Spring, [Partner(4), Partner(30)], Hours(3), Secretariat)]));
        HealthCheck.Rehydrate([.. events, new HealthCheckClosed(Spring, [Partner(4), Partner(5)], Hours(3), Secretariat)]);
    }

    [Fact]
    public void The_anonymity_key_never_shows_in_text_and_round_trips_only_through_base64()
    {
        var key = AnonymityKey.Create();

        Assert.Equal("AnonymityKey (secret)", key.ToString());
        Assert.Equal(key.ToBase64(), AnonymityKey.FromBase64(key.ToBase64()).ToBase64());
        Assert.Equal(ErrorCodes.Engagement.InvalidInput, Assert.Throws<CoalitionRuleException>(() => AnonymityKey.FromBase64("c2hvcnQ=")).Code);
    }

    [Fact]
    public void The_results_read_as_strengths_borderline_factors_and_concerns_with_the_change_since_the_last_round()
    {
        var spring = OpenSpring();
        int[][] springScores = [[4, 3, 2], [4, 4, 2], [5, 3, 3]];
        for (var m = 0; m < 3; m++)
        {
            spring.RespondAs(m + 1, HealthCheckStatements.Standard.Select((s, i) => new HealthRating(s.Key, springScores[m][i % 3])).ToArray());
        }

        spring.Close(Key, Nine, Secretariat, Hours(5));
        var autumn = HealthCheck.Open(Autumn, Draft("Autumn 2026", new LocalDate(2026, 9, 30)), Key, Nine, Secretariat, OnDate(2026, 9, 1));
        int[][] autumnScores = [[5, 4, 2], [4, 3, 3], [4, 4, 3], [5, 4, 1]];
        for (var m = 0; m < 4; m++)
        {
            autumn.Respond(Partner(m + 1), HealthCheckStatements.Standard.Select((s, i) => new HealthRating(s.Key, autumnScores[m][(i + m) % 3])).ToArray(), Key, Nine, For(m + 1), OnDate(2026, 9, 2));
        }

        autumn.Close(Key, Nine, Secretariat, OnDate(2026, 10, 1));

        Snapshot.Match(autumn.Results(spring).Describe());
    }

    [Fact]
    public void A_mean_just_below_a_band_limit_is_shown_below_the_limit_never_rounded_up_onto_it()
    {
        // 200 members rate one statement: 199 give 3, one gives 2. The exact mean 599/200 is below 3, a concern, so it
        // reads 2.99 under "Concerns (below 3)", not 3.00, a borderline figure.
        var opened = (HealthCheckOpened)OpenSpring().DequeueUncommittedEvents()[0];
        var roster = Enumerable.Range(1, 200).Select(Partner).OrderBy(p => p.Value).ToArray();
        var statement = HealthCheckStatements.Standard.First(s => s.Key == new HealthStatementKey("trust"));
        var history = new List<IDomainEvent> { opened with { Roster = roster, Statements = [statement] } };
        for (var i = 0; i < 200; i++)
        {
            history.Add(new HealthCheckResponseRecorded(Spring, i.ToString("x64", System.Globalization.CultureInfo.InvariantCulture), [new HealthRating(statement.Key, i == 0 ? 2 : 3)], opened.At, HealthCheck.AnonymousRespondent));
        }

        history.Add(new HealthCheckClosed(Spring, roster, Hours(5), Secretariat));
        var results = HealthCheck.Rehydrate(history).Results();
        var concern = Assert.Single(results.Concerns);

        Assert.Equal(new Fraction(599, 200), concern.Mean);
        Assert.Equal("2.99", HealthCheckResults.Decimal(concern.Mean!.Value));
        Assert.Contains("Concerns (below 3):\n  Trust and respect (", results.Describe(), StringComparison.Ordinal);
        Assert.Contains("): 2.99 (599/200 from 200 ratings)", results.Describe(), StringComparison.Ordinal);
        Assert.Equal("3.99", HealthCheckResults.Decimal(new Fraction(799, 200)));
        Assert.Equal("3.00", HealthCheckResults.Decimal(new Fraction(3, 1)));
        Assert.Equal("4.00", HealthCheckResults.Decimal(new Fraction(4, 1)));
        Assert.Equal("2.99", HealthCheckResults.Decimal(new Fraction(597, 200)));
        Assert.Equal("3.01", HealthCheckResults.Decimal(new Fraction(601, 200)));
        Assert.Equal("4.43", HealthCheckResults.Decimal(new Fraction(31, 7)));
    }
}
