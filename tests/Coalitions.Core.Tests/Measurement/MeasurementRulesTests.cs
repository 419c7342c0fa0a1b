using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Initiatives;
using Coalitions.Core.Kernel;
using Coalitions.Core.Measurement;
using Coalitions.Core.Resources;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.JointWorkScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Measurement;

/// <summary>The bounds of an indicator's definition, reports and corrections, and how progress is read from them.</summary>
public class MeasurementRulesTests
{
    private readonly global::Coalitions.Core.Coalitions.Coalition _coalition = Coalition();

    private Indicator Defined(IndicatorDefinition definition) => Indicator.Define(IndicatorNumber(3), definition, _coalition, null, Secretariat, Start);

    private static IndicatorDefinition Books(GoalDirection direction = GoalDirection.Increase, decimal baseline = 0m, decimal target = 100m) =>
        new(TheCoalition, "Books delivered", "books", direction, baseline, new LocalDate(2026, 1, 1), target, new LocalDate(2026, 4, 11), MeasurementAggregation.Cumulative, Goal: ReadingGoal);

    private static IndicatorDefinition Level(GoalDirection direction, decimal baseline, decimal target) =>
        Books(direction, baseline, target) with { Title = "Pupils leaving school early", Unit = "%", Aggregation = MeasurementAggregation.Latest };

    // Every report below is made on 3 March 2026, after the indicators are defined (2 March).
    private static readonly Instant Later = OnDate(2026, 3, 3);

    private static MeasurementReport Read(int member, decimal value, int endDay = 10) =>
        new(Partner(member), new LocalDate(2026, 1, 1), new LocalDate(2026, 1, endDay), value, "Delivery notes");

    [Fact]
    public void An_indicators_weight_is_from_one_to_a_thousand()
    {
        Refusal.Of(() => Defined(Books() with { Weight = 0 }), ErrorCodes.Kernel.OutOfRange, "from 1 to 1,000");
        Refusal.Of(() => Defined(Books() with { Weight = 1_001 }), ErrorCodes.Kernel.OutOfRange, "from 1 to 1,000");

        Assert.Equal(1, Defined(Books() with { Weight = 1 }).Definition.Weight);
        Assert.Equal(1_000, Defined(Books() with { Weight = 1_000 }).Definition.Weight);
    }

    [Fact]
    public void The_deadline_comes_after_the_day_the_baseline_was_taken()
    {
        Refusal.Of(() => Defined(Books() with { Deadline = new LocalDate(2026, 1, 1) }), ErrorCodes.Measurement.InvalidIndicator, "The deadline comes after the day the baseline was taken.");

        Assert.Equal(new LocalDate(2026, 1, 2), Defined(Books() with { Deadline = new LocalDate(2026, 1, 2) }).Definition.Deadline);
    }

    [Fact]
    public void A_target_moves_from_the_baseline_in_the_indicators_direction_and_one_to_maintain_equals_it()
    {
        Refusal.Of(() => Defined(Books(GoalDirection.Increase, 100m, 100m)), ErrorCodes.Measurement.InvalidIndicator, "A target of 100 does not increase the baseline of 100.");
        Refusal.Of(() => Defined(Books(GoalDirection.Decrease, 100m, 100m)), ErrorCodes.Measurement.InvalidIndicator);
        Refusal.Of(() => Defined(Books(GoalDirection.Decrease, 100m, 101m)), ErrorCodes.Measurement.InvalidIndicator);
        Refusal.Of(() => Defined(Books(GoalDirection.Maintain, 100m, 101m)), ErrorCodes.Measurement.InvalidIndicator);
        Refusal.Of(() => Defined(Books(GoalDirection.Maintain, 100m, 99m)), ErrorCodes.Measurement.InvalidIndicator);

        Assert.Equal(99m, Defined(Books(GoalDirection.Decrease, 100m, 99m)).Definition.Target);
        Assert.Equal(100m, Defined(Books(GoalDirection.Maintain, 100m, 100m)).Definition.Target);
    }

    [Fact]
    public void A_baseline_and_a_target_are_at_most_ten_to_the_fifteenth_with_four_decimal_places()
    {
        Refusal.Of(() => Defined(Books(baseline: -1_000_000_000_000_001m)), ErrorCodes.Kernel.OutOfRange, "The baseline is at most 10^15");
        Refusal.Of(() => Defined(Books(baseline: 0.00001m)), ErrorCodes.Kernel.OutOfRange, "The baseline is at most 10^15");
        Refusal.Of(() => Defined(Books(target: 1_000_000_000_000_001m)), ErrorCodes.Kernel.OutOfRange, "The target is at most 10^15");

        Assert.Equal(-1_000_000_000_000_000m, Defined(Books(baseline: -1_000_000_000_000_000m, target: 1_000_000_000_000_000m)).Definition.Baseline);
    }

    [Fact]
    public void An_indicator_has_a_one_line_title_and_a_unit_of_at_most_fifty_characters_kept_without_surrounding_spaces()
    {
        Refusal.Of(() => Defined(Books() with { Unit = new string('u', 51) }), ErrorCodes.Kernel.InvalidText);
        Refusal.Of(() => Defined(Books() with { Title = "Books\ndelivered" }), ErrorCodes.Kernel.InvalidText);
        Refusal.Of(() => Defined(Books() with { Goal = default(GoalKey) }), ErrorCodes.Kernel.InvalidText, "not the empty key");

        var kept = Defined(Books() with { Title = "  Books delivered ", Unit = " books  " }).Definition;
        Assert.Equal(("Books delivered", "books"), (kept.Title, kept.Unit));
        Assert.Equal(new string('u', 50), Defined(Books() with { Unit = new string('u', 50) }).Definition.Unit);
    }

    [Fact]
    public void An_indicator_of_an_initiative_is_defined_with_that_initiative_as_loaded_while_it_has_not_ended()
    {
        var initiative = Active(_coalition);
        var children = ChildrenInCamps();

        Refusal.Of(() => Indicator.Define(IndicatorNumber(2), children, _coalition, null, Secretariat, Start), ErrorCodes.Measurement.InvalidIndicator, "pass that initiative as loaded");
        Refusal.Of(() => Indicator.Define(IndicatorNumber(2), children with { Initiative = InitiativeId.New() }, _coalition, initiative, Secretariat, Start), ErrorCodes.Measurement.InvalidIndicator, "pass that initiative as loaded");

        initiative.Complete(new LocalDate(2026, 6, 30), _coalition, For(1), OnDate(2026, 7, 1));
        Refusal.Of(() => Indicator.Define(IndicatorNumber(2), children, _coalition, initiative, Secretariat, OnDate(2026, 7, 2)), ErrorCodes.Measurement.InvalidIndicator, "'Reading camps' is completed; it takes no new indicators.");

        var proposed = Proposed(_coalition);
        proposed.Cancel("The schools closed.", null, _coalition, For(1), Start);
        Refusal.Of(() => Indicator.Define(IndicatorNumber(2), children, _coalition, proposed, Secretariat, Start), ErrorCodes.Measurement.InvalidIndicator, "it takes no new indicators");
    }

    [Fact]
    public void A_proposed_initiative_already_takes_indicators() =>
        Assert.Equal(TheInitiative, Indicator.Define(IndicatorNumber(2), ChildrenInCamps(), _coalition, Proposed(_coalition), For(1), Start).Definition.Initiative);

    [Fact]
    public void A_period_is_reported_once_it_has_ended_which_includes_its_last_day()
    {
        var books = Defined(Books());

        var report = Read(6, 5m) with { PeriodEnd = new LocalDate(2026, 3, 4) };

        Refusal.Of(() => books.Report(report, _coalition, For(6), Later), ErrorCodes.Measurement.InvalidMeasurement, "it has ended: 4 March 2026 is after today, 3 March 2026.");

        Assert.Equal(1, books.Report(report with { PeriodEnd = new LocalDate(2026, 3, 3) }, _coalition, For(6), Later).Number);
    }

    [Fact]
    public void A_period_runs_forward_for_at_most_ten_years()
    {
        var books = Defined(Books());
        var report = Read(6, 5m);

        Refusal.Of(() => books.Report(report with { PeriodStart = new LocalDate(2026, 1, 11) }, _coalition, For(6), Later), ErrorCodes.Measurement.InvalidMeasurement, "at most ten years");
        Refusal.Of(() => books.Report(report with { PeriodStart = new LocalDate(2016, 1, 10) }, _coalition, For(6), Later), ErrorCodes.Measurement.InvalidMeasurement, "at most ten years");

        Assert.Equal(1, books.Report(report with { PeriodStart = new LocalDate(2016, 1, 11) }, _coalition, For(6), Later).Number);
        Assert.Equal(2, books.Report(report with { PeriodStart = report.PeriodEnd }, _coalition, For(6), Later).Number);
    }

    [Fact]
    public void A_reported_value_is_at_most_ten_to_the_fifteenth_with_four_decimal_places_and_may_be_negative()
    {
        var books = Defined(Books());

        Refusal.Of(() => books.Report(Read(6, 1_000_000_000_000_001m), _coalition, For(6), Later), ErrorCodes.Measurement.InvalidMeasurement, "A value is at most 10^15");
        Refusal.Of(() => books.Report(Read(6, 1.00001m), _coalition, For(6), Later), ErrorCodes.Measurement.InvalidMeasurement);

        Assert.Equal(-3m, books.Report(Read(6, -3m), _coalition, For(6), Later).Report.Value);
        Assert.Equal(1.0001m, books.Report(Read(5, 1.0001m), _coalition, For(5), Later).Report.Value);
    }

    [Fact]
    public void A_report_keeps_its_source_and_note_without_surrounding_spaces_and_a_blank_note_as_none()
    {
        var books = Defined(Books());

        var noted = books.Report(Read(6, 5m) with { Source = " Delivery notes ", Note = "  Two schools late. " }, _coalition, For(6), Later);
        var blank = books.Report(Read(5, 5m) with { Note = "   " }, _coalition, For(5), Later);

        Assert.Equal(("Delivery notes", "Two schools late."), (noted.Report.Source, noted.Report.Note));
        Assert.Null(blank.Report.Note);
        Assert.Equal(new LocalDate(2026, 3, 3), noted.ReportedOn);
    }

    [Fact]
    public void Only_a_member_active_today_reports_a_measurement()
    {
        var books = Defined(Books());
        _coalition.Suspend(Partner(6), Adopted(MatterType.SuspendMember), Secretariat, Start);

        Refusal.Of(() => books.Report(Read(6, 5m), _coalition, For(6), Later), ErrorCodes.Resources.NotAnActiveMember);
    }

    [Fact]
    public void A_correction_names_a_measurement_by_its_number()
    {
        var books = Defined(Books());
        books.Report(Read(6, 5m), _coalition, For(6), Later);

        Refusal.Expect(books, ErrorCodes.Measurement.UnknownMeasurement, () => books.Correct(0, 4m, "Delivery notes", "Recount.", _coalition, Secretariat, OnDate(2026, 3, 4)));
        var error = Refusal.Expect(books, ErrorCodes.Measurement.UnknownMeasurement, () => books.Correct(2, 4m, "Delivery notes", "Recount.", _coalition, Secretariat, OnDate(2026, 3, 4)));

        Assert.Equal("'Books delivered' has no measurement 2.", error.Message);
    }

    [Fact]
    public void A_correction_has_a_value_within_bounds_a_one_line_source_and_a_reason_kept_without_surrounding_spaces()
    {
        var books = Defined(Books());
        books.Report(Read(6, 5m), _coalition, For(6), Later);

        Refusal.Expect(books, ErrorCodes.Measurement.InvalidMeasurement, () => books.Correct(1, -1_000_000_000_000_001m, "Delivery notes", "Recount.", _coalition, Secretariat, OnDate(2026, 3, 4)));
        Refusal.Expect(books, ErrorCodes.Kernel.InvalidText, () => books.Correct(1, 4m, "Delivery\nnotes", "Recount.", _coalition, Secretariat, OnDate(2026, 3, 4)));
        Refusal.Expect(books, ErrorCodes.Kernel.InvalidText, () => books.Correct(1, 4m, " ", "Recount.", _coalition, Secretariat, OnDate(2026, 3, 4)));
        Refusal.Expect(books, ErrorCodes.Kernel.InvalidText, () => books.Correct(1, 4m, "Delivery notes", " ", _coalition, Secretariat, OnDate(2026, 3, 4)));
        books.Correct(1, 4m, " Delivery notes ", " Recount. ", _coalition, Secretariat, OnDate(2026, 3, 4));

        Assert.Equal(new MeasurementCorrection(4m, "Delivery notes", "Recount.", new LocalDate(2026, 3, 4)), books.Measurements[0].Corrections.Single());
    }

    [Fact]
    public void A_measurement_keeps_at_most_a_hundred_corrections()
    {
        var books = Defined(Books());
        books.Report(Read(6, 5m), _coalition, For(6), Later);
        for (var n = 1; n <= Indicator.MaxCorrections; n++)
        {
            books.Correct(1, n, "Delivery notes", "Recount.", _coalition, Secretariat, OnDate(2026, 3, 4));
        }

        var error = Refusal.Expect(books, ErrorCodes.Kernel.OutOfRange, () => books.Correct(1, 0m, "Delivery notes", "Recount.", _coalition, Secretariat, OnDate(2026, 3, 4)));

        Assert.Equal("Measurement 1 of 'Books delivered' has 100 corrections, the most one measurement keeps.", error.Message);
        Assert.Equal(100m, books.Measurements[0].Value);
    }

    [Fact]
    public void An_indicator_keeps_at_most_ten_thousand_measurements()
    {
        // Member 6 reports every period that starts on one of a hundred days and lasts from one to a hundred days.
        var books = Defined(Books());
        var first = new LocalDate(2025, 1, 1);
        for (var n = 0; n < Indicator.MaxMeasurements; n++)
        {
            var start = first.PlusDays(n / 100);
            books.Report(new MeasurementReport(Partner(6), start, start.PlusDays(n % 100), 1m, "Delivery notes"), _coalition, For(6), Later);
        }

        var version = books.Version;

        // Refusal.Expect would compare the whole observable state, which takes seconds at this size; the version and count say enough.
        var error = Assert.Throws<CoalitionRuleException>(() => books.Report(new MeasurementReport(Partner(5), first, first, 1m, "Delivery notes"), _coalition, For(5), Later));

        Assert.Equal(ErrorCodes.Kernel.OutOfRange, error.Code);
        Assert.Equal("'Books delivered' holds 10,000 measurements, the most one indicator holds.", error.Message);
        Assert.Equal((version, Indicator.MaxMeasurements), (books.Version, books.Measurements.Count));
    }

    [Fact]
    public void A_retired_indicator_takes_no_corrections_and_is_not_retired_again()
    {
        var books = Defined(Books());
        books.Report(Read(6, 5m), _coalition, For(6), Later);
        Refusal.Expect(books, ErrorCodes.Kernel.InvalidText, () => books.Retire(" ", _coalition, Secretariat, OnDate(2026, 3, 4)));
        Refusal.Expect(books, ErrorCodes.Measurement.NotTheSteward, () => books.Retire("Done.", _coalition, For(6), OnDate(2026, 3, 4)));
        books.Retire(" Replaced. ", _coalition, Secretariat, OnDate(2026, 3, 4));

        var correction = Refusal.Expect(books, ErrorCodes.Measurement.IndicatorRetired, () => books.Correct(1, 4m, "Delivery notes", "Recount.", _coalition, Secretariat, OnDate(2026, 3, 5)));
        var again = Refusal.Expect(books, ErrorCodes.Measurement.IndicatorRetired, () => books.Retire("Again.", _coalition, Secretariat, OnDate(2026, 3, 5)));
        var report = Refusal.Expect(books, ErrorCodes.Measurement.IndicatorRetired, () => books.Report(Read(5, 5m), _coalition, For(5), OnDate(2026, 3, 5)));

        Assert.Equal("'Books delivered' is retired; it cannot take a correction.", correction.Message);
        Assert.Equal("'Books delivered' is retired; it cannot be retired again.", again.Message);
        Assert.Equal("'Books delivered' is retired; it cannot take a measurement.", report.Message);
        Assert.Equal(IndicatorStatus.Retired, books.Status);
        Assert.Equal("Replaced.", books.DequeueUncommittedEvents().OfType<IndicatorRetired>().Single().Reason);
    }

    [Fact]
    public void Before_anything_is_measured_an_indicator_is_not_measured_and_weighs_one()
    {
        var books = Defined(Books());
        books.Report(Read(6, 50m, endDay: 20), _coalition, For(6), Later);

        var progress = books.ProgressOn(new LocalDate(2026, 1, 19));

        Assert.Equal((null, null, 0m, ProgressStatus.NotMeasured, 1), (progress.Actual, progress.LatestPeriodEnd, progress.Share, progress.Status, progress.Weight));
        Assert.Empty(progress.Sources);
        Assert.Equal((50m, ProgressStatus.OnTrack), (books.ProgressOn(new LocalDate(2026, 1, 20)).Actual, books.ProgressOn(new LocalDate(2026, 1, 20)).Status));
    }

    [Theory]
    [InlineData(-10, 0, 0)]
    [InlineData(100, 1, 100)]
    [InlineData(250, 1, 100)]
    [InlineData(12.5, 0.125, 13)]
    [InlineData(33.3333, 0.3333, 33)]
    public void The_share_of_the_way_is_kept_between_none_and_all_and_its_percentage_rounds_half_away_from_zero(double value, double share, int percent)
    {
        var books = Defined(Books() with { Aggregation = MeasurementAggregation.Latest });
        books.Report(Read(6, decimal.Round((decimal)value, 4)), _coalition, For(6), Later);

        var progress = books.ProgressOn(new LocalDate(2026, 2, 1));

        Assert.Equal(((decimal)share, percent), (progress.Share, progress.Percent));
    }

    [Theory]
    [InlineData(100, "2026-02-01", ProgressStatus.OnTrack, 1)]
    [InlineData(100, "2026-04-11", ProgressStatus.Achieved, 1)]
    [InlineData(120, "2026-02-01", ProgressStatus.OnTrack, 1)]
    [InlineData(99, "2026-02-01", ProgressStatus.OffTrack, 0)]
    [InlineData(99, "2026-04-11", ProgressStatus.OffTrack, 0)]
    public void An_indicator_to_maintain_is_on_track_at_or_above_its_target_until_the_deadline_and_achieved_on_it(int value, string on, ProgressStatus status, int share)
    {
        var kept = Defined(Level(GoalDirection.Maintain, 100m, 100m));
        kept.Report(Read(6, value), _coalition, For(6), Later);

        var progress = kept.ProgressOn(NodaTime.Text.LocalDatePattern.Iso.Parse(on).Value);

        Assert.Equal((status, (decimal)share), (progress.Status, progress.Share));
    }

    [Theory]
    [InlineData(80, ProgressStatus.OnTrack)]
    [InlineData(84, ProgressStatus.AtRisk)]
    [InlineData(85, ProgressStatus.AtRisk)]
    [InlineData(86, ProgressStatus.OffTrack)]
    [InlineData(0, ProgressStatus.Achieved)]
    public void A_decreasing_indicator_is_at_risk_when_it_falls_by_three_quarters_of_what_is_expected_and_off_track_below(int value, ProgressStatus expected)
    {
        // From 100 on 1 January to 0 on 11 April 2026 (100 days): by 21 January 20 days have passed, so 80 is expected and 85 is three quarters of the way.
        var falling = Defined(Level(GoalDirection.Decrease, 100m, 0m));
        falling.Report(Read(6, value), _coalition, For(6), Later);

        Assert.Equal(expected, falling.ProgressOn(new LocalDate(2026, 1, 21)).Status);
    }

    [Fact]
    public void On_the_deadline_an_indicator_short_of_its_target_is_off_track()
    {
        var books = Defined(Books() with { Aggregation = MeasurementAggregation.Latest });
        books.Report(Read(6, 99m), _coalition, For(6), Later);

        Assert.Equal(ProgressStatus.OnTrack, books.ProgressOn(new LocalDate(2026, 4, 10)).Status);
        Assert.Equal(ProgressStatus.OffTrack, books.ProgressOn(new LocalDate(2026, 4, 11)).Status);
    }

    [Fact]
    public void Before_the_baseline_day_no_progress_is_expected_yet()
    {
        var books = Defined(Books() with { BaselineDate = new LocalDate(2026, 1, 15), Aggregation = MeasurementAggregation.Latest });
        books.Report(Read(6, 0m), _coalition, For(6), Later);

        Assert.Equal(ProgressStatus.OnTrack, books.ProgressOn(new LocalDate(2026, 1, 10)).Status);
        Assert.Equal(ProgressStatus.OnTrack, books.ProgressOn(new LocalDate(2026, 1, 15)).Status);
        Assert.Equal(ProgressStatus.OffTrack, books.ProgressOn(new LocalDate(2026, 1, 16)).Status);
    }

    [Fact]
    public void A_count_adds_every_measurement_to_its_baseline_and_names_each_source_once()
    {
        var books = Defined(Books(baseline: 10m, target: 110m));
        books.Report(Read(6, 5m), _coalition, For(6), Later);
        books.Report(Read(5, 7m, endDay: 20) with { Source = "Library registers" }, _coalition, For(5), Later);
        books.Report(Read(4, 8m, endDay: 20), _coalition, For(4), Later);

        var progress = books.ProgressOn(new LocalDate(2026, 2, 1));

        Assert.Equal((30m, new LocalDate(2026, 1, 20), 0.2m), (progress.Actual, progress.LatestPeriodEnd, progress.Share));
        Assert.Equal(["Delivery notes", "Library registers"], progress.Sources);
    }

    [Fact]
    public void A_goal_counts_only_the_active_indicators_that_serve_it()
    {
        var rate = Rate(_coalition);
        rate.Report(Measured(6, 90m, 1, 2), _coalition, For(6), Later);
        var retired = Defined(Books());
        retired.Report(Read(6, 1m), _coalition, For(6), Later);
        retired.Retire("Replaced.", _coalition, Secretariat, OnDate(2026, 3, 4));
        var forTheCamps = Indicator.Define(IndicatorNumber(2), ChildrenInCamps(), _coalition, Active(_coalition), For(1), OnDate(2026, 4, 2));
        forTheCamps.Report(Measured(2, 1m, 4, 4), _coalition, For(2), OnDate(2026, 5, 1));

        var goal = Progress.OfGoal(_coalition, ReadingGoal, [rate, retired, forTheCamps], new LocalDate(2026, 7, 1));

        Assert.Equal([rate.Id], goal.Indicators.Select(i => i.Indicator));
        Assert.Equal((1m, ProgressStatus.Achieved, "Ten-year-olds reading at grade level"), (goal.Share, goal.Status, goal.Indicators[0].Title));
    }

    [Fact]
    public void A_goal_the_charter_does_not_name_has_no_progress()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => Progress.OfGoal(_coalition, new GoalKey("no-such-goal"), [], new LocalDate(2026, 7, 1)));

        Assert.True(error.Has(ErrorCodes.Measurement.UnknownGoal));
        Assert.Equal("The charter of Learning for All names no goal 'no-such-goal'.", error.Message);
    }

    [Fact]
    public void A_goal_without_indicators_is_not_measured_and_an_unmeasured_indicator_holds_back_its_share_but_not_its_status()
    {
        var empty = Progress.OfGoal(_coalition, ReadingGoal, [], new LocalDate(2026, 7, 1));
        Assert.Equal((0m, ProgressStatus.NotMeasured, 0), (empty.Share, empty.Status, empty.Percent));

        var rate = Rate(_coalition);
        rate.Report(Measured(6, 90m, 1, 3), _coalition, For(6), OnDate(2026, 4, 2));
        var books = Defined(Books() with { Weight = 2 });

        // The rate is achieved (weight 2), the books not measured (weight 2): half the way, and on track rather than achieved.
        var goal = Progress.OfGoal(_coalition, ReadingGoal, [rate, books], new LocalDate(2026, 7, 1));
        Assert.Equal((0.5m, ProgressStatus.OnTrack), (goal.Share, goal.Status));
    }

    [Fact]
    public void A_goal_at_risk_somewhere_and_on_track_elsewhere_is_at_risk()
    {
        var onTrack = Defined(Books() with { Aggregation = MeasurementAggregation.Latest });
        onTrack.Report(Read(6, 20m), _coalition, For(6), Later);
        var falling = Indicator.Define(IndicatorNumber(4), Level(GoalDirection.Decrease, 100m, 0m), _coalition, null, Secretariat, Start);
        falling.Report(Read(6, 84m), _coalition, For(6), Later);
        var on = new LocalDate(2026, 1, 21);

        Assert.Equal([ProgressStatus.OnTrack, ProgressStatus.AtRisk], Progress.OfGoal(_coalition, ReadingGoal, [onTrack, falling], on).Indicators.Select(i => i.Status));
        Assert.Equal(ProgressStatus.AtRisk, Progress.OfGoal(_coalition, ReadingGoal, [onTrack, falling], on).Status);
        Assert.Equal(ProgressStatus.OnTrack, Progress.OfGoal(_coalition, ReadingGoal, [onTrack], on).Status);
    }

    [Fact]
    public void A_milestone_counts_as_reached_from_the_day_it_was_reached_and_is_off_track_once_overdue()
    {
        var initiative = Active(_coalition);
        initiative.RecordMilestone(new MilestoneKey("baseline"), new LocalDate(2026, 4, 20), null, _coalition, For(1), OnDate(2026, 4, 21));

        var before = Progress.OfInitiative(initiative, [], new LocalDate(2026, 4, 19));
        var on = Progress.OfInitiative(initiative, [], new LocalDate(2026, 4, 20));
        var due = Progress.OfInitiative(initiative, [], new LocalDate(2026, 8, 31));
        var overdue = Progress.OfInitiative(initiative, [], new LocalDate(2026, 9, 1));

        Assert.Equal([ProgressStatus.OnTrack, ProgressStatus.OnTrack], before.Items.Select(i => i.Status));
        Assert.Equal([ProgressStatus.Achieved, ProgressStatus.OnTrack], on.Items.Select(i => i.Status));
        Assert.Equal([1, 3], on.Items.Select(i => i.Weight));
        Assert.Equal(0.25m, on.Share);
        Assert.Equal(ProgressStatus.OnTrack, due.Status);
        Assert.Equal(ProgressStatus.OffTrack, overdue.Status);
        Assert.Equal((InitiativeStatus.Active, "Reading camps", 25), (on.Lifecycle, on.Title, on.Percent));
    }

    [Fact]
    public void An_initiative_with_every_milestone_reached_is_achieved_and_one_without_items_is_not_measured()
    {
        var initiative = Active(_coalition);
        initiative.RecordMilestone(new MilestoneKey("baseline"), new LocalDate(2026, 4, 20), null, _coalition, For(1), OnDate(2026, 4, 21));
        initiative.RecordMilestone(new MilestoneKey("camps"), new LocalDate(2026, 8, 1), null, _coalition, For(1), OnDate(2026, 8, 2));
        var retired = Indicator.Define(IndicatorNumber(2), ChildrenInCamps(), _coalition, initiative, For(1), OnDate(2026, 8, 2));
        retired.Retire("Counted elsewhere.", _coalition, Secretariat, OnDate(2026, 8, 3));

        var done = Progress.OfInitiative(initiative, [retired], new LocalDate(2026, 8, 3));

        Assert.Equal((1m, ProgressStatus.Achieved, 2), (done.Share, done.Status, done.Items.Count));
    }

    [Fact]
    public void An_impact_summary_says_what_is_not_yet_measured_and_leaves_out_cancelled_work_and_withdrawn_pledges()
    {
        var rate = Rate(_coalition);
        var cancelled = Proposed(_coalition);
        cancelled.Cancel("The schools closed.", null, _coalition, For(1), Start);
        var gift = Pledge.Make(PledgeNumber(1), new PledgeOffer(TheCoalition, Partner(2), ContributionKind.InKind, "Meeting rooms for the camps", new LocalDate(2026, 6, 30)), _coalition, For(2), Start);
        var withdrawn = Pledge.Make(PledgeNumber(2), MoneyPledge(3), _coalition, For(3), Start);
        withdrawn.Withdraw("Our budget was cut.", _coalition, For(3), Later);
        var fund = Fund(_coalition, JointWorkScenario.Governance(_coalition));

        var summary = ImpactSummary.Write(_coalition, [rate], [cancelled], [gift, withdrawn], [fund], new LocalDate(2026, 7, 1));

        Assert.Equal(
            """
            Learning for All on 1 July 2026: what we achieve together.
            Goal 'Every child reads by age ten': 0 % of the way, not measured.
              Ten-year-olds reading at grade level: not measured yet; from 70 % towards 90 % by 31 December 2030.
            Members' pledges: 1 gift in kind.
            Reading fund holds nothing.
            """.ReplaceLineEndings("\n"),
            summary.Text);
        Assert.Empty(summary.Initiatives);
    }

    [Fact]
    public void An_impact_summary_counts_gifts_in_kind_and_hours_to_the_quarter_without_thanking_members_who_gave_nothing_yet()
    {
        var gifts = new[] { 2, 3 }.Select(m => Pledge.Make(PledgeNumber(m), new PledgeOffer(TheCoalition, Partner(m), ContributionKind.InKind, "Storybooks", new LocalDate(2026, 6, 30)), _coalition, For(m), Start));
        var time = Pledge.Make(PledgeNumber(4), TimePledge(4, 1_234.25m), _coalition, For(4), Start);

        var summary = ImpactSummary.Write(_coalition, [], [], [.. gifts, time], [], new LocalDate(2026, 7, 1));

        Assert.EndsWith("\nMembers' pledges: 1,234.25 hours of staff time and expertise pledged, 0 given; 2 gifts in kind.", summary.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_history_is_refused_when_a_measurement_is_not_numbered_next()
    {
        var books = Defined(Books());
        var history = books.DequeueUncommittedEvents().ToList();

        Corrupt(history, new MeasurementReported(IndicatorNumber(3), 2, Read(6, 5m), new LocalDate(2026, 3, 3), Later, For(6)), "the measurement is not numbered next.");
        Corrupt(history, new MeasurementReported(IndicatorNumber(3), 1, Read(6, 5m) with { PeriodEnd = new LocalDate(2025, 1, 1) }, new LocalDate(2026, 3, 3), Later, For(6)), "the measurement is ill-formed.");
    }

    [Fact]
    public void A_stored_history_is_refused_when_it_corrects_what_was_never_measured_or_beyond_bounds()
    {
        var books = Defined(Books());
        books.Report(Read(6, 5m), _coalition, For(6), Later);
        var history = books.DequeueUncommittedEvents().ToList();
        var correction = new MeasurementCorrection(4m, "Delivery notes", "Recount.", new LocalDate(2026, 3, 4));

        Corrupt(history, new MeasurementCorrected(IndicatorNumber(3), 0, correction, OnDate(2026, 3, 4), Secretariat), "there is no such measurement.");
        Corrupt(history, new MeasurementCorrected(IndicatorNumber(3), 2, correction, OnDate(2026, 3, 4), Secretariat), "there is no such measurement.");
        Corrupt(history, new MeasurementCorrected(IndicatorNumber(3), 1, correction with { Value = 0.00001m }, OnDate(2026, 3, 4), Secretariat), "the corrected value is out of bounds.");
        Assert.Equal(4m, Indicator.Rehydrate([.. history, new MeasurementCorrected(IndicatorNumber(3), 1, correction, OnDate(2026, 3, 4), Secretariat)]).Measurements[0].Value);
    }

    [Fact]
    public void A_stored_history_is_refused_when_it_goes_on_after_the_indicator_was_retired_or_defines_it_in_an_unknown_time_zone()
    {
        var books = Defined(Books());
        books.Retire("Replaced.", _coalition, Secretariat, OnDate(2026, 3, 4));
        var history = books.DequeueUncommittedEvents().ToList();

        Corrupt(history, new MeasurementReported(IndicatorNumber(3), 1, Read(6, 5m), new LocalDate(2026, 3, 5), OnDate(2026, 3, 5), For(6)), "the indicator is retired.");
        Corrupt(history, new IndicatorRetired(IndicatorNumber(3), new LocalDate(2026, 3, 5), "Again.", OnDate(2026, 3, 5), Secretariat), "the indicator is retired.");
        Corrupt([], new IndicatorDefined(IndicatorNumber(3), Books(), "Mars/Olympus_Mons", Start, Secretariat), "the definition is ill-formed or its time zone unknown.");
        Corrupt([], new IndicatorDefined(IndicatorNumber(3), Books() with { Weight = 0 }, "Africa/Nairobi", Start, Secretariat), "the definition is ill-formed or its time zone unknown.");
        Assert.Equal("Africa/Nairobi", Indicator.Rehydrate(history).TimeZone.Id);
    }

    private static void Corrupt(List<IDomainEvent> history, IDomainEvent next, string why) => StoredHistory.Refused(Indicator.Rehydrate, history, why, next);

    private Indicator DefinedAs(int number, IndicatorDefinition definition) => Indicator.Define(IndicatorNumber(number), definition, _coalition, null, Secretariat, Start);

    private ProgressStatus StatusOfMean(int number, IndicatorDefinition definition, decimal first, decimal second, LocalDate on)
    {
        var level = DefinedAs(number, definition);
        level.Report(Read(5, first), _coalition, For(5), Later);
        level.Report(Read(6, second), _coalition, For(6), Later);
        return level.ProgressOn(on).Status;
    }

    [Fact]
    public void A_level_read_by_several_members_meets_its_target_when_their_mean_does_in_every_direction()
    {
        var early = new LocalDate(2026, 1, 11);

        Assert.Equal(ProgressStatus.OnTrack, StatusOfMean(10, Level(GoalDirection.Increase, 10m, 20m), 18m, 21m, early));
        Assert.Equal(ProgressStatus.Achieved, StatusOfMean(11, Level(GoalDirection.Increase, 10m, 20m), 19m, 21m, early));
        Assert.Equal(ProgressStatus.Achieved, StatusOfMean(12, Level(GoalDirection.Decrease, 20m, 10m), 10m, 10m, early));
        Assert.NotEqual(ProgressStatus.Achieved, StatusOfMean(13, Level(GoalDirection.Decrease, 20m, 10m), 9m, 12m, early));
        Assert.Equal(ProgressStatus.OffTrack, StatusOfMean(14, Level(GoalDirection.Maintain, 15m, 15m), 14m, 15m, early));
        Assert.Equal(ProgressStatus.OnTrack, StatusOfMean(15, Level(GoalDirection.Maintain, 15m, 15m), 15m, 15m, early));
    }

    [Fact]
    public void Halfway_to_the_deadline_a_mean_exactly_halfway_to_the_target_is_on_track_and_just_below_it_at_risk()
    {
        // From 10 on 1 January to 20 on 11 April 2026 (100 days): on 20 February 50 days have passed, so a mean of 15 is expected.
        var halfway = new LocalDate(2026, 2, 20);

        Assert.Equal(ProgressStatus.OnTrack, StatusOfMean(10, Level(GoalDirection.Increase, 10m, 20m), 14m, 16m, halfway));
        Assert.Equal(ProgressStatus.AtRisk, StatusOfMean(11, Level(GoalDirection.Increase, 10m, 20m), 14.8m, 15m, halfway));
    }

    [Fact]
    public void An_impact_summary_reads_a_goal_indicator_in_its_own_unit()
    {
        var books = DefinedAs(10, Books());
        var unread = DefinedAs(11, Books() with { Title = "Libraries opened", Unit = "libraries", Target = 12m });
        books.Report(Read(6, 40m), _coalition, For(6), Later);

        var text = ImpactSummary.Write(_coalition, [books, unread], [], [], [], new LocalDate(2026, 3, 3)).Text;

        Assert.Contains("\n  Books delivered: 40 books on 10 January 2026 (from 0 books towards 100 books by 11 April 2026), off track;", text, StringComparison.Ordinal);
        Assert.Contains("\n  Libraries opened: not measured yet; from 0 libraries towards 12 libraries by 11 April 2026.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_coalition_without_a_charter_has_no_goals_in_its_impact_summary_and_one_without_pledges_no_pledge_line()
    {
        Assert.Equal("Learning for All on 1 July 2026: what we achieve together.", ImpactSummary.Write(Founded(), [], [], [], [], new LocalDate(2026, 7, 1)).Text);

        var none = ImpactSummary.Write(_coalition, [], [], [], [], new LocalDate(2026, 7, 1)).Text;
        Assert.DoesNotContain("pledges", none, StringComparison.Ordinal);

        var withdrawn = Pledge.Make(PledgeNumber(2), MoneyPledge(3), _coalition, For(3), Start);
        withdrawn.Withdraw("Our budget was cut.", _coalition, For(3), Later);
        Assert.EndsWith("\nMembers' pledges: none.", ImpactSummary.Write(_coalition, [], [], [withdrawn], [], new LocalDate(2026, 7, 1)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_impact_summary_lists_initiatives_and_funds_by_name_counts_a_lone_partner_and_shows_a_milestone_reached_that_day()
    {
        var camps = Active(_coalition);
        camps.RecordMilestone(new MilestoneKey("baseline"), new LocalDate(2026, 4, 20), null, _coalition, For(1), OnDate(2026, 4, 20));
        var drive = Initiative.Propose(InitiativeId.New(), Plan() with { Title = "Book drive", Partners = [Plan().Partners[0], Plan().Partners[2]], Budget = [Plan().Budget[0]] }, _coalition, For(1), Start);
        var governance = JointWorkScenario.Governance(_coalition);
        var reading = Fund(_coalition, governance);
        var books = PooledFund.Open(PooledFundId.New(), Rules() with { Name = "Book fund" }, _coalition, Secretariat, Start, governance);

        var text = ImpactSummary.Write(_coalition, [], [camps, drive], [], [reading, books], new LocalDate(2026, 4, 20)).Text;

        Assert.Contains("\nProject 'Book drive' (proposed), led by Member 1 with 1 partner:", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Project 'Book drive'", StringComparison.Ordinal) < text.IndexOf("Project 'Reading camps'", StringComparison.Ordinal), text);
        Assert.Contains("\n  Reached 20 April 2026: Baseline reading survey.", text, StringComparison.Ordinal);
        Assert.EndsWith("\nBook fund holds nothing.\nReading fund holds nothing.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_impact_summary_totals_pledges_receipts_hours_and_payments_per_currency_in_order_up_to_its_day()
    {
        var may = new LocalDate(2026, 5, 4);
        var twice = Pledge.Make(PledgeNumber(1), MoneyPledge(2), _coalition, For(2), Start);
        twice.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 5, 1), Kes(40_000m)), _coalition, Secretariat, OnDate(2026, 5, 1));
        twice.RecordReceipt(new PledgeReceipt(may, Kes(60_000m)), _coalition, Secretariat, OnDate(2026, 5, 4));
        var second = Pledge.Make(PledgeNumber(2), MoneyPledge(3), _coalition, For(3), Start);
        var dollars = Pledge.Make(PledgeNumber(3), MoneyPledge(4, 500m, "USD"), _coalition, For(4), Start);
        var hours = new[] { (5, 10m), (6, 6m) }.Select(h =>
        {
            var time = Pledge.Make(PledgeNumber(h.Item1), TimePledge(h.Item1, 40m), _coalition, For(h.Item1), Start);
            time.RecordReceipt(new PledgeReceipt(may, Hours: h.Item2), _coalition, Secretariat, OnDate(2026, 5, 4));
            return time;
        }).ToArray();
        var governance = JointWorkScenario.Governance(_coalition);
        var fund = Fund(_coalition, governance);
        fund.RecordGrant(new GrantIncome("County Education Fund", Kes(100_000m), new LocalDate(2026, 3, 2)), _coalition, Secretariat, Start);
        fund.RecordGrant(new GrantIncome("Reading Foundation", new Money(500m, "USD"), new LocalDate(2026, 3, 2)), _coalition, Secretariat, Start);
        foreach (var (amount, decision) in new[] { (Kes(50_000m), (DecisionReference?)null), (new Money(100m, "USD"), Adopted(MatterType.ApproveExpense)), (Kes(30_000m), null) })
        {
            var expense = fund.SubmitExpense(new ExpenseClaim(Partner(1), amount, "Storybooks", new LocalDate(2026, 3, 2)), _coalition, For(1), Start);
            fund.ApproveExpense(expense.Number, decision, _coalition, governance, Treasurer, Start);
            fund.PayExpense(expense.Number, new LocalDate(2026, 3, 2), _coalition, governance, Treasurer, Start);
        }

        var text = ImpactSummary.Write(_coalition, [], [], [twice, second, dollars, .. hours], [fund], may).Text;

        Assert.Contains(
            "\nMembers' pledges: 200,000 KES pledged, 100,000 KES received; 500 USD pledged, 0 USD received; 80 hours of staff time and expertise pledged, 16 given. Thank you to Member 2, Member 5 and Member 6 for what they gave.",
            text,
            StringComparison.Ordinal);
        Assert.EndsWith(" after paying 80,000 KES and 100 USD for the coalition's work.", text, StringComparison.Ordinal);
        Assert.Contains("\nMembers' pledges: 200,000 KES pledged, 40,000 KES received;", ImpactSummary.Write(_coalition, [], [], [twice, second, dollars, .. hours], [fund], may.PlusDays(-1)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_reports_a_period_once_and_is_told_to_correct_it_instead()
    {
        var books = Defined(Books());
        books.Report(Read(6, 5m), _coalition, For(6), Later);

        var error = Refusal.Expect(books, ErrorCodes.Measurement.AlreadyReported, () => books.Report(Read(6, 6m), _coalition, For(6), Later));

        Assert.Equal("Member 6 already reported 'Books delivered' for 1 January 2026 to 10 January 2026; correct that measurement instead.", error.Message);
        Corrupt(books.DequeueUncommittedEvents().ToList(), new MeasurementReported(IndicatorNumber(3), 2, Read(6, 6m), new LocalDate(2026, 3, 3), Later, For(6)), "the member already reported the period.");
    }

    [Fact]
    public void A_stored_measurement_takes_at_most_a_hundred_corrections()
    {
        var books = Defined(Books());
        books.Report(Read(6, 5m), _coalition, For(6), Later);
        var correction = new MeasurementCorrected(IndicatorNumber(3), 1, new MeasurementCorrection(4m, "Delivery notes", "Recount.", new LocalDate(2026, 3, 4)), OnDate(2026, 3, 4), Secretariat);
        var history = books.DequeueUncommittedEvents().Concat(Enumerable.Repeat<IDomainEvent>(correction, 100)).ToList();

        Corrupt(history, correction, "the measurement has too many corrections.");
        Assert.Equal(100, Indicator.Rehydrate(history).Measurements[0].Corrections.Count);
    }
}
