using Coalitions.Core.Communication;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using CsCheck;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.CommunicationScenario;
using static Coalitions.Core.Tests.Kit.MeetingScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Communication;

/// <summary>What is due, overdue and achieved follows from the dates alone, whatever was logged and in whatever order.</summary>
public class CommunicationPropertyTests
{
    private static readonly LocalDate FirstOfApril = new(2026, 4, 1);

    // Recorded at the start of 2027, so every date of 2026 is in the past.
    private static readonly Instant NewYear = OnDate(2027, 1, 1);

    private static readonly (ChannelKey Channel, AudienceKey Audience, Actor Owner, Period Cadence, LocalDate StartsOn, PlatformKey? Platform)[] Channels =
    [
        (Newsletter, CommunicationScenario.Members, NewsletterOwner, Period.FromMonths(1), new LocalDate(2026, 4, 1), null),
        (Social, Public, SocialOwner, Period.FromWeeks(1), new LocalDate(2026, 4, 6), Instagram),
        (Website, Public, NewsletterOwner, Period.FromMonths(3), new LocalDate(2026, 4, 1), null),
    ];

    [Fact]
    public void Whatever_was_logged_and_in_whatever_order_each_channel_is_next_due_one_cadence_after_its_last_communication()
    {
        var gen = Gen.Select(Gen.Int[0, 2].Select(Gen.Int[0, 270]).Array[0, 20], Gen.Int[0, 300]);
        gen.Sample(sample =>
        {
            var (log, queryDay) = sample;
            var plan = AdoptedPlan();
            var accepted = new List<(int Channel, LocalDate On)>();
            foreach (var (channel, day) in log)
            {
                var c = Channels[channel];
                var on = FirstOfApril.PlusDays(day);
                plan.RecordSent(new SentCommunication(c.Channel, on, $"Issue of {on:yyyy-MM-dd}", [c.Audience], Platform: c.Platform), Coalition, c.Owner, NewYear);
                accepted.Add((channel, on));
            }

            var query = FirstOfApril.PlusDays(queryDay);
            var due = plan.DueOn(query);
            for (var i = 0; i < Channels.Length; i++)
            {
                var c = Channels[i];
                var sent = accepted.Where(a => a.Channel == i && a.On <= query).Select(a => (LocalDate?)a.On).Max();
                var next = sent is { } last ? last.Plus(c.Cadence) : c.StartsOn;
                var state = next < query ? DueState.Overdue : next == query ? DueState.Due : DueState.UpToDate;
                var days = state == DueState.Overdue ? Period.Between(next, query, PeriodUnits.Days).Days : 0;
                var actual = due.Single(d => d.Channel == c.Channel);
                if (actual.LastSent != sent || actual.NextDue != next || actual.State != state || actual.DaysOverdue != days)
                {
                    return false;
                }
            }

            // Overdue channels come first, then those due today, then those up to date.
            return due.Zip(due.Skip(1)).All(pair => pair.First.State >= pair.Second.State);
        }, iter: 300);
    }

    [Fact]
    public void A_calendar_read_any_year_lists_exactly_the_cadence_dates_counted_from_the_channel_s_first_day()
    {
        // Cadences of years, months, weeks and days mixed; first days late in a month, where adding months clamps.
        // Each part of a cadence is often zero, so short cadences of days or weeks alone come up as often as long mixed ones.
        var gen = Gen.Select(
                Gen.Int[0, 3].Select(y => y / 3),
                Gen.OneOf(Gen.Const(0), Gen.Int[1, 14]),
                Gen.OneOf(Gen.Const(0), Gen.Int[1, 3]),
                Gen.OneOf(Gen.Int[0, 5], Gen.Int[0, 40]),
                Gen.Int[0, 60],
                Gen.Int[0, 4000],
                Gen.Int[0, 365])
            .Where(c => c.Item1 + c.Item2 + c.Item3 + c.Item4 > 0);
        gen.Sample(sample =>
        {
            var (years, months, weeks, days, firstDay, fromDay, span) = sample;
            var cadence = new PeriodBuilder { Years = years, Months = months, Weeks = weeks, Days = days }.Build();
            var channel = new Channel(new ChannelKey("extra"), "Extra", ChannelKind.Other, cadence, Person(5), new LocalDate(2026, 1, 1).PlusDays(firstDay));
            var plan = CommunicationPlan.Draft(ThePlan, Draft() with { Channels = [.. Draft().Channels, channel] }, Coalition, Secretariat, Start);
            var from = new LocalDate(2026, 1, 1).PlusDays(fromDay);
            var to = from.PlusDays(span);

            var listed = plan.CalendarBetween(from, to).Where(e => e.Channel == channel.Key).Select(e => e.On);

            // Counted the slow way: every cadence date from the first day, one by one.
            var expected = new List<LocalDate>();
            for (var k = 0; ; k++)
            {
                var day = channel.StartsOn.Plus(new PeriodBuilder { Years = years * k, Months = months * k, Weeks = weeks * k, Days = days * k }.Build());
                if (day > to)
                {
                    break;
                }

                if (day >= from)
                {
                    expected.Add(day);
                }
            }

            return listed.SequenceEqual(expected);
        }, iter: 300);
    }

    [Fact]
    public void A_measure_reaches_its_target_by_its_latest_count_as_an_exact_fraction()
    {
        var gen = Gen.Select(Gen.Int[0, 270].Select(Gen.Long[0, 20_000]).Array[0, 12], Gen.Int[0, 320]);
        gen.Sample(sample =>
        {
            var (counts, queryDay) = sample;
            var plan = AdoptedPlan();
            var recorded = new Dictionary<LocalDate, long>();
            foreach (var (day, value) in counts.DistinctBy(c => c.Item1))
            {
                var on = FirstOfApril.PlusDays(day);
                plan.RecordMeasurement(Reach, on, value, Coalition, SocialOwner, NewYear);
                recorded[on] = value;
            }

            var query = FirstOfApril.PlusDays(queryDay);
            var progress = plan.ProgressOn(query).Single(p => p.Measure == Reach);
            var latest = recorded.Where(r => r.Key <= query).OrderBy(r => r.Key).Select(r => (long?)r.Value).LastOrDefault();
            var met = latest >= 10_000;
            return progress.Latest == latest
                && progress.Achieved == (latest is { } count ? new Fraction(count, 10_000) : Fraction.Zero)
                && progress.Met == met
                && progress.Missed == (!met && query > new LocalDate(2026, 12, 31));
        }, iter: 300);
    }
}
