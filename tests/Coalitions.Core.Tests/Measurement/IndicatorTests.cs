using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Initiatives;
using Coalitions.Core.Kernel;
using Coalitions.Core.Measurement;
using Coalitions.Core.Resources;
using Coalitions.Core.Serialization;
using Coalitions.Core.Tests.Kit;
using CsCheck;
using NodaTime;
using Snapshooter.Xunit;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.JointWorkScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Measurement;

public class IndicatorTests
{
    private readonly global::Coalitions.Core.Coalitions.Coalition _coalition = Coalition();

    [Fact]
    public void An_indicator_serves_a_goal_the_charter_names_by_its_key()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => Indicator.Define(IndicatorNumber(1), ReadingRate() with { Goal = new GoalKey("no-such-goal") }, _coalition, null, Secretariat, Start));

        Assert.True(error.Has(ErrorCodes.Measurement.UnknownGoal));
        Assert.Equal(ReadingGoal, Rate(_coalition).Definition.Goal);
    }

    [Fact]
    public void A_goal_without_a_key_cannot_be_measured_until_the_charter_gives_it_one()
    {
        var unkeyed = ActiveWith(3);

        Assert.True(Assert.Throws<CoalitionRuleException>(() => Indicator.Define(IndicatorNumber(1), ReadingRate(), unkeyed, null, Secretariat, Start)).Has(ErrorCodes.Measurement.UnknownGoal));
    }

    [Fact]
    public void Two_goals_of_a_charter_never_share_a_key()
    {
        var coalition = Founded();
        coalition.BeginForming(Secretariat, Start);

        var error = Assert.Throws<CoalitionRuleException>(() => coalition.AdoptCharter(Charter(Goal().Keyed("reading"), Goal(target: 95m).Keyed("reading")), null, Secretariat, Start));

        Assert.True(error.Has(ErrorCodes.Coalitions.InvalidCharter));
    }

    [Fact]
    public void An_indicator_is_specific_measurable_and_time_bound()
    {
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Indicator.Define(IndicatorNumber(1), ReadingRate() with { Target = 60m }, _coalition, null, Secretariat, Start)).Has(ErrorCodes.Measurement.InvalidIndicator));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Indicator.Define(IndicatorNumber(1), ReadingRate() with { Deadline = new LocalDate(2025, 12, 31) }, _coalition, null, Secretariat, Start)).Has(ErrorCodes.Measurement.InvalidIndicator));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Indicator.Define(IndicatorNumber(1), ReadingRate() with { Goal = null }, _coalition, null, Secretariat, Start)).Has(ErrorCodes.Measurement.InvalidIndicator));
    }

    [Fact]
    public void Only_a_coordinator_or_the_initiatives_lead_defines_an_indicator()
    {
        var initiative = Active(_coalition);

        Assert.True(Assert.Throws<CoalitionRuleException>(() => Indicator.Define(IndicatorNumber(2), ChildrenInCamps(), _coalition, initiative, For(2), Start)).Has(ErrorCodes.Measurement.NotTheSteward));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Indicator.Define(IndicatorNumber(1), ReadingRate(), _coalition, null, For(1), Start)).Has(ErrorCodes.Measurement.NotTheSteward));
        Assert.Equal(TheInitiative, Indicator.Define(IndicatorNumber(2), ChildrenInCamps(), _coalition, initiative, For(1), Start).Definition.Initiative);
    }

    [Fact]
    public void A_member_reports_a_period_once_after_it_ended_and_with_its_source()
    {
        var rate = Rate(_coalition);

        Refusal.Expect(rate, ErrorCodes.Measurement.NotTheReporter, () => rate.Report(Measured(6, 72m, 1, 3), _coalition, For(5), OnDate(2026, 4, 2)));
        Refusal.Expect(rate, ErrorCodes.Measurement.InvalidMeasurement, () => rate.Report(Measured(6, 72m, 1, 3), _coalition, For(6), OnDate(2026, 3, 30)));
        Refusal.Expect(rate, ErrorCodes.Kernel.InvalidText, () => rate.Report(Measured(6, 72m, 1, 3, source: " "), _coalition, For(6), OnDate(2026, 4, 2)));
        rate.Report(Measured(6, 72m, 1, 3), _coalition, For(6), OnDate(2026, 4, 2));
        Refusal.Expect(rate, ErrorCodes.Measurement.AlreadyReported, () => rate.Report(Measured(6, 73m, 1, 3), _coalition, For(6), OnDate(2026, 4, 3)));

        Assert.Equal("County reading assessment", rate.Measurements.Single().Source);
    }

    [Fact]
    public void A_correction_keeps_what_was_reported_before()
    {
        var rate = Rate(_coalition);
        rate.Report(Measured(6, 72m, 1, 3), _coalition, For(6), OnDate(2026, 4, 2));

        Refusal.Expect(rate, ErrorCodes.Measurement.NotTheReporter, () => rate.Correct(1, 71m, "Re-marked scripts", "Marking error.", _coalition, For(4), OnDate(2026, 4, 10)));
        rate.Correct(1, 71m, "Re-marked scripts", "Two schools were marked twice.", _coalition, For(6), OnDate(2026, 4, 10));
        rate.Correct(1, 71.5m, "Moderated results", "Moderation.", _coalition, Secretariat, OnDate(2026, 4, 20));

        var measurement = rate.Measurements.Single();
        Assert.Equal(72m, measurement.Report.Value);
        Assert.Equal([71m, 71.5m], measurement.Corrections.Select(c => c.Value));
        Assert.Equal((71.5m, "Moderated results"), (measurement.Value, measurement.Source));
    }

    [Fact]
    public void A_retired_indicator_takes_no_more_measurements()
    {
        var rate = Rate(_coalition);
        rate.Retire("Replaced by the national assessment.", _coalition, Secretariat, Hours(1));

        Refusal.Expect(rate, ErrorCodes.Measurement.IndicatorRetired, () => rate.Report(Measured(6, 72m, 1, 3), _coalition, For(6), OnDate(2026, 4, 2)));
    }

    [Theory]
    [InlineData(76, "2026-12-31", ProgressStatus.OnTrack)]
    [InlineData(73, "2026-12-31", ProgressStatus.AtRisk)]
    [InlineData(72, "2026-12-31", ProgressStatus.OffTrack)]
    [InlineData(90, "2026-12-31", ProgressStatus.Achieved)]
    [InlineData(89, "2030-12-31", ProgressStatus.OffTrack)]
    public void The_status_compares_the_way_covered_with_the_time_elapsed_from_baseline_to_deadline(int value, string on, ProgressStatus expected)
    {
        // 70 % on 1 January 2026 towards 90 % on 31 December 2030: by 31 December 2026, 365 of 1,825 days, a fifth of the way (74 %).
        var rate = Rate(_coalition);
        rate.Report(new MeasurementReport(Partner(6), new LocalDate(2026, 7, 1), new LocalDate(2026, 12, 31), value, "County reading assessment"), _coalition, For(6), OnDate(2027, 1, 5));

        var progress = rate.ProgressOn(NodaTime.Text.LocalDatePattern.Iso.Parse(on).Value);

        Assert.Equal(expected, progress.Status);
    }

    [Fact]
    public void Exactly_the_expected_progress_is_on_track_and_exactly_three_quarters_of_it_at_risk()
    {
        // From 0 on 1 January 2026 to 100 on 11 April 2026 (100 days): on 21 January (20 days) 20 is expected.
        var count = Indicator.Define(IndicatorNumber(3), new IndicatorDefinition(TheCoalition, "Books delivered", "books", GoalDirection.Increase, 0m, new LocalDate(2026, 1, 1), 100m, new LocalDate(2026, 4, 11), MeasurementAggregation.Cumulative, Goal: ReadingGoal), _coalition, null, Secretariat, Start);
        var on = new LocalDate(2026, 1, 21);
        count.Report(new MeasurementReport(Partner(6), new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 10), 15m, "Delivery notes"), _coalition, For(6), Start);
        Assert.Equal(ProgressStatus.AtRisk, count.ProgressOn(on).Status);

        count.Report(new MeasurementReport(Partner(5), new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 10), 4.9999m, "Delivery notes"), _coalition, For(5), Start);
        Assert.Equal(ProgressStatus.AtRisk, count.ProgressOn(on).Status);
        count.Correct(2, 5m, "Delivery notes", "Rounding.", _coalition, Secretariat, Start);
        Assert.Equal(ProgressStatus.OnTrack, count.ProgressOn(on).Status);
        count.Correct(2, 0m, "Delivery notes", "None delivered.", _coalition, Secretariat, Start);
        count.Correct(1, 14.9999m, "Delivery notes", "Recount.", _coalition, Secretariat, Start);
        Assert.Equal(ProgressStatus.OffTrack, count.ProgressOn(on).Status);
    }

    [Fact]
    public void A_decreasing_indicator_is_on_track_when_it_falls_fast_enough()
    {
        var dropout = Indicator.Define(IndicatorNumber(3), new IndicatorDefinition(TheCoalition, "Pupils leaving school early", "%", GoalDirection.Decrease, 20m, new LocalDate(2026, 1, 1), 10m, new LocalDate(2027, 1, 1), MeasurementAggregation.Latest, Goal: ReadingGoal), _coalition, null, Secretariat, Start);
        dropout.Report(new MeasurementReport(Partner(6), new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 1), 14m, "School census"), _coalition, For(6), Start);

        var progress = dropout.ProgressOn(new LocalDate(2026, 7, 2));

        Assert.Equal((ProgressStatus.OnTrack, 60), (progress.Status, progress.Percent));
    }

    [Fact]
    public void A_level_read_by_several_members_for_the_same_period_is_their_mean()
    {
        var rate = Rate(_coalition);
        rate.Report(Measured(6, 74m, 4, 6), _coalition, For(6), OnDate(2026, 7, 1));
        rate.Report(Measured(4, 76m, 4, 6, "School records"), _coalition, For(4), OnDate(2026, 7, 1));
        rate.Report(Measured(4, 99m, 1, 3), _coalition, For(4), OnDate(2026, 7, 1));

        var progress = rate.ProgressOn(new LocalDate(2026, 7, 1));

        Assert.Equal((75m, new LocalDate(2026, 6, 30)), (progress.Actual!.Value, progress.LatestPeriodEnd!.Value));
        Assert.Equal(["County reading assessment", "School records"], progress.Sources);
    }

    [Fact]
    public void A_goals_progress_is_the_weighted_average_of_its_indicators_and_its_status_the_worst_of_theirs()
    {
        var rate = Rate(_coalition);
        var books = Indicator.Define(IndicatorNumber(3), new IndicatorDefinition(TheCoalition, "Books in school libraries", "books", GoalDirection.Increase, 0m, new LocalDate(2026, 1, 1), 10_000m, new LocalDate(2026, 12, 31), MeasurementAggregation.Cumulative, Goal: ReadingGoal), _coalition, null, Secretariat, Start);
        rate.Report(Measured(6, 90m, 1, 6), _coalition, For(6), OnDate(2026, 7, 1));
        books.Report(Measured(3, 1_000m, 1, 6, "Library registers"), _coalition, For(3), OnDate(2026, 7, 1));

        var goal = Progress.OfGoal(_coalition, ReadingGoal, [rate, books], new LocalDate(2026, 7, 1));

        // The rate (weight 2) is achieved, the books (weight 1) are a tenth of the way and off track: (2 x 1 + 1 x 0.1) / 3.
        Assert.Equal((0.7m, 70, ProgressStatus.OffTrack), (goal.Share, goal.Percent, goal.Status));
    }

    [Fact]
    public void An_initiatives_progress_rolls_up_its_milestones_and_indicators_weighted_where_weights_are_given()
    {
        var initiative = Active(_coalition);
        initiative.RecordMilestone(new MilestoneKey("baseline"), new LocalDate(2026, 4, 20), null, _coalition, For(1), OnDate(2026, 4, 21));
        var children = Indicator.Define(IndicatorNumber(2), ChildrenInCamps(), _coalition, initiative, For(1), OnDate(2026, 4, 2));
        children.Report(Measured(2, 600m, 4, 6, "Camp registers"), _coalition, For(2), OnDate(2026, 7, 1));

        var progress = Progress.OfInitiative(initiative, [children], new LocalDate(2026, 7, 1));

        // Baseline reached (1 x 1), camps not yet (3 x 0), children half way (1 x 0.5): 1.5 of 5.
        Assert.Equal((0.3m, ProgressStatus.OnTrack), (progress.Share, progress.Status));
        Assert.Equal(["Baseline reading survey", "Camps held in twelve schools", "Children attending reading camps"], progress.Items.Select(i => i.Name));
        Assert.Equal(ProgressStatus.OffTrack, Progress.OfInitiative(initiative, [children], new LocalDate(2026, 9, 1)).Status);
    }

    [Fact]
    public void The_status_never_depends_on_the_order_measurements_were_reported_in()
    {
        Gen.Int[1, 200].Array[1, 6].Sample(values =>
        {
            IndicatorProgress Run(IEnumerable<int> order)
            {
                var indicator = Indicator.Define(IndicatorNumber(9), ChildrenInCamps() with { Initiative = null, Goal = ReadingGoal }, _coalition, null, Secretariat, Start);
                var month = 0;
                foreach (var (value, index) in order.Select((v, i) => (v, i)))
                {
                    month = index % 6;
                    indicator.Report(new MeasurementReport(Partner((index % 6) + 1), new LocalDate(2026, 4, 1).PlusMonths(month), new LocalDate(2026, 4, 1).PlusMonths(month + 1).PlusDays(-1), value, "Camp registers"), _coalition, For((index % 6) + 1), OnDate(2026, 11, 1));
                }

                return indicator.ProgressOn(new LocalDate(2026, 11, 1));
            }

            var forward = Run(values);
            var backward = Run(values.Reverse());
            return forward.Status == backward.Status && forward.Actual == backward.Actual;
        }, iter: 100);
    }

    [Fact]
    public void The_impact_summary_tells_members_and_funders_what_the_coalition_achieved()
    {
        var initiative = Active(_coalition);
        initiative.RecordMilestone(new MilestoneKey("baseline"), new LocalDate(2026, 4, 20), null, _coalition, For(1), OnDate(2026, 4, 21));
        var rate = Rate(_coalition, initiative);
        rate.Report(Measured(6, 74m, 4, 6), _coalition, For(6), OnDate(2026, 7, 1));
        var children = Indicator.Define(IndicatorNumber(2), ChildrenInCamps(), _coalition, initiative, For(1), OnDate(2026, 4, 2));
        children.Report(Measured(2, 650m, 4, 6, "Camp registers"), _coalition, For(2), OnDate(2026, 7, 1));
        var governance = JointWorkScenario.Governance(_coalition);
        var fund = Fund(_coalition, governance);
        var money = ReceivedPledge(_coalition, 3, 250_000m, 1, TheInitiative);
        fund.RecordContribution(money, 1, _coalition, Secretariat, OnDate(2026, 5, 5));
        var time = Pledge.Make(PledgeNumber(2), TimePledge(2, 40m), _coalition, For(2), Start);
        time.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 6, 15), Hours: 24m), _coalition, Secretariat, OnDate(2026, 6, 15));
        var books = fund.SubmitExpense(new ExpenseClaim(Partner(1), Kes(180_000m), "Storybooks", new LocalDate(2026, 6, 2), TheInitiative), _coalition, For(1), OnDate(2026, 6, 2));
        fund.ApproveExpense(books.Number, Adopted(MatterType.ApproveExpense), _coalition, governance, Treasurer, OnDate(2026, 6, 3));
        fund.PayExpense(books.Number, new LocalDate(2026, 6, 4), _coalition, governance, Treasurer, OnDate(2026, 6, 4));

        var summary = ImpactSummary.Write(_coalition, [rate, children], [initiative], [money, time], [fund], new LocalDate(2026, 7, 1));

        Snapshot.Match(summary.Text);
    }

    [Fact]
    public void A_stored_history_reporting_a_period_twice_for_a_member_is_refused()
    {
        var rate = Rate(_coalition);
        rate.Report(Measured(6, 72m, 1, 3), _coalition, For(6), OnDate(2026, 4, 2));
        var history = rate.DequeueUncommittedEvents().ToList();
        history.Add(new MeasurementReported(IndicatorNumber(1), 2, Measured(6, 73m, 1, 3), new LocalDate(2026, 4, 3), OnDate(2026, 4, 3), For(6)));

        Assert.Throws<StoredEventException>(() => Indicator.Rehydrate(history));
    }

    [Fact]
    public void An_indicator_round_trips_through_json()
    {
        var rate = Rate(_coalition);
        rate.Report(Measured(6, 72m, 1, 3), _coalition, For(6), OnDate(2026, 4, 2));
        rate.Correct(1, 71m, "Re-marked scripts", "Marking error.", _coalition, For(6), OnDate(2026, 4, 10));
        var stored = rate.DequeueUncommittedEvents().Select(CoalitionsJson.SerializeEvent).ToArray();

        var back = Indicator.Rehydrate(stored.Select(CoalitionsJson.DeserializeEvent));

        Assert.Equal(ObservableState.Of(rate), ObservableState.Of(back));
    }
}
