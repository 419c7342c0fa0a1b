using System.Globalization;
using System.Text;
using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using FluentValidation;
using NodaTime;
using NodaTime.Text;

namespace Coalitions.Core.Meetings;

/// <summary>
/// When a participant works, in their own time zone: a start and an end of the working day, on some days of the week.
/// </summary>
/// <param name="Start">When the working day starts, local time.</param>
/// <param name="End">When it ends, local time; after <paramref name="Start"/> (a working day does not cross midnight).</param>
/// <param name="Days">The working days, each once, at least one.</param>
/// <remarks>
/// On the day a clock changes, the working day is the local times as the clock shows them: a start that falls in the
/// hour skipped in spring is taken as the first instant after the gap, so that day's working hours are an hour shorter.
/// </remarks>
public sealed record WorkingHours(LocalTime Start, LocalTime End, IReadOnlyList<IsoDayOfWeek> Days)
{
    /// <summary>Gets office hours: 09:00 to 17:00, Monday to Friday.</summary>
    public static WorkingHours Office { get; } = new(new LocalTime(9, 0), new LocalTime(17, 0), [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday]);

    /// <summary>Whether a local day is a working day.</summary>
    /// <param name="day">The day of the week.</param>
    /// <returns><see langword="true"/> when the participant works that day.</returns>
    public bool IsWorkingDay(IsoDayOfWeek day) => Days.Contains(day);
}

/// <summary>Someone invited to a meeting: a person acting for a member, in the member's time zone, with their working hours.</summary>
/// <param name="Member">The member organization they represent.</param>
/// <param name="Person">The person.</param>
/// <param name="Name">Their name: one line of at most 200 characters.</param>
/// <param name="TimeZone">Their time zone, a tz database id (from the member's partner profile, such as <c>Africa/Nairobi</c>).</param>
/// <param name="Hours">Their working hours, in that time zone.</param>
public sealed record MeetingParticipant(PartnerId Member, PersonId Person, string Name, string TimeZone, WorkingHours Hours)
{
    /// <summary>Gets the resolved time zone (UTC for an id the tz database does not know, which every check refuses).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone ?? string.Empty) ?? DateTimeZone.Utc;

    /// <summary>A participant from a partner's record: the person must represent it; the time zone is the partner's.</summary>
    /// <param name="partner">The partner, as its record stands.</param>
    /// <param name="person">The person, one of its representatives.</param>
    /// <param name="name">The person's name.</param>
    /// <param name="hours">Their working hours; office hours (09:00 to 17:00, Monday to Friday) when omitted.</param>
    /// <returns>The participant.</returns>
    /// <exception cref="CoalitionRuleException">The person does not represent the partner, or an input is ill-formed (<c>Meetings.InvalidMeeting</c>).</exception>
    public static MeetingParticipant From(PartnerSnapshot partner, PersonId person, string name, WorkingHours? hours = null)
    {
        Ensure.NotNull(partner, nameof(partner));
        Ensure.Id(person, nameof(person));
        if (partner.Representatives is null || !partner.Representatives.Contains(person) || partner.Profile is null)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.InvalidMeeting, "Person {person} does not represent {partner}, so cannot take part for it.", ("person", person), ("partner", partner.Profile?.Name ?? partner.Id.ToString()));
        }

        var participant = new MeetingParticipant(partner.Id, person, name, partner.Profile.TimeZone, hours ?? WorkingHours.Office);
        MeetingParticipantValidator.Instance.EnsureValid(participant);
        return participant;
    }
}

/// <summary>How much time a participant has spent meeting outside their working hours, over earlier meetings of a series.</summary>
/// <param name="Person">The participant.</param>
/// <param name="OutsideHours">The time spent in meetings outside their working hours.</param>
/// <param name="Meetings">How many meetings reached outside their working hours.</param>
public sealed record Inconvenience(PersonId Person, Duration OutsideHours, int Meetings);

/// <summary>What a search for meeting slots looks at.</summary>
/// <param name="Participants">The participants: 1 to 50, each person once.</param>
/// <param name="From">The first day to search, in <paramref name="TimeZone"/>.</param>
/// <param name="To">The last day to search, in <paramref name="TimeZone"/>; the window is 1 to 31 days.</param>
/// <param name="TimeZone">The zone the window's days are counted in and slots start on the step of (usually the coalition's).</param>
/// <param name="Length">The meeting's length: 15 minutes to 12 hours.</param>
/// <param name="Step">How far apart candidate starts are: 5 minutes to 4 hours in whole minutes (15 minutes by default, so that zones 30 or 45 minutes off the hour are served).</param>
/// <param name="Count">How many slots to propose: 1 to 20, none overlapping another.</param>
/// <param name="Borne">What each participant has borne at earlier meetings of a series, so the inconvenience rotates.</param>
public sealed record SlotSearch(
    IReadOnlyList<MeetingParticipant> Participants,
    LocalDate From,
    LocalDate To,
    string TimeZone,
    Duration Length,
    Duration? Step = null,
    int Count = 5,
    IReadOnlyList<Inconvenience>? Borne = null);

/// <summary>How a slot falls for one participant, in their own time zone.</summary>
/// <param name="Person">The participant.</param>
/// <param name="Name">Their name.</param>
/// <param name="TimeZone">Their time zone.</param>
/// <param name="LocalStart">When the meeting starts on their clock.</param>
/// <param name="LocalEnd">When it ends on their clock.</param>
/// <param name="UtcOffset">Their offset from UTC at the start.</param>
/// <param name="OutsideHours">How much of the meeting falls outside their working hours (zero when all of it is within them).</param>
/// <param name="BeforeWork">How much of it falls before their working day starts, on a working day.</param>
/// <param name="AfterWork">How much of it falls after their working day ends, on a working day.</param>
/// <param name="DayOffset">The days between the start's date on their clock and on the search's clock (-1 when it is still the day before for them).</param>
public sealed record ParticipantFit(
    PersonId Person,
    string Name,
    string TimeZone,
    LocalDateTime LocalStart,
    LocalDateTime LocalEnd,
    Offset UtcOffset,
    Duration OutsideHours,
    Duration BeforeWork,
    Duration AfterWork,
    int DayOffset)
{
    /// <summary>Gets whether the whole meeting falls within the participant's working hours.</summary>
    public bool WithinHours => OutsideHours == Duration.Zero;

    /// <summary>Says how the slot falls for the participant, in words.</summary>
    /// <returns>For example <c>Amina Otieno (Africa/Nairobi): Tuesday 17:00 to 18:00, 1 hour outside working hours (after the working day ends).</c></returns>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(Name).Append(" (").Append(TimeZone).Append("): ")
            .Append(LocalStart.DayOfWeek.ToString()).Append(' ').Append(MeetingSlots.Time(LocalStart.TimeOfDay))
            .Append(" to ").Append(LocalEnd.Date != LocalStart.Date ? LocalEnd.DayOfWeek + " " : string.Empty).Append(MeetingSlots.Time(LocalEnd.TimeOfDay));
        if (DayOffset != 0)
        {
            text.Append(DayOffset > 0 ? " (the next day)" : " (the day before)");
        }

        if (WithinHours)
        {
            return text.Append(", within working hours.").ToString();
        }

        text.Append(", ").Append(Words.Of(OutsideHours)).Append(" outside working hours (");
        var reasons = new List<string>(3);
        if (BeforeWork > Duration.Zero)
        {
            reasons.Add($"{Words.Of(BeforeWork)} before the working day starts");
        }

        if (AfterWork > Duration.Zero)
        {
            reasons.Add($"{Words.Of(AfterWork)} after it ends");
        }

        var other = OutsideHours - BeforeWork - AfterWork;
        if (other > Duration.Zero)
        {
            reasons.Add(reasons.Count == 0 ? "not a working day" : $"{Words.Of(other)} on a day off");
        }

        return text.Append(Words.List(reasons)).Append(").").ToString();
    }
}

/// <summary>A proposed meeting slot, with how it falls for every participant.</summary>
/// <param name="Start">When it starts.</param>
/// <param name="Length">How long it lasts.</param>
/// <param name="Fits">How it falls for each participant, in the order they were given.</param>
/// <param name="Borne">What each participant would have borne across the series after this meeting (empty outside a series).</param>
public sealed record SlotProposal(Instant Start, Duration Length, IReadOnlyList<ParticipantFit> Fits, IReadOnlyList<Inconvenience> Borne)
{
    /// <summary>Gets when it ends.</summary>
    public Instant End => Start + Length;

    /// <summary>Gets how many participants meet within their working hours.</summary>
    public int WithinHours => Fits.Count(f => f.WithinHours);

    /// <summary>Gets the time spent outside working hours, added up over the participants.</summary>
    public Duration TotalOutsideHours => Fits.Aggregate(Duration.Zero, (sum, f) => sum + f.OutsideHours);

    /// <summary>Explains the slot: when it is, who meets within working hours, and who would meet outside them and by how much.</summary>
    /// <returns>Plain words, one line per participant.</returns>
    public string Explain()
    {
        var text = new StringBuilder();
        text.Append(Words.Format(Start)).Append(" for ").Append(Words.Of(Length)).Append(": ")
            .Append(WithinHours.ToString(CultureInfo.InvariantCulture)).Append(" of ").Append(Words.Count(Fits.Count, "participant meets", "participants meet"))
            .Append(" within working hours.");
        foreach (var fit in Fits)
        {
            text.Append('\n').Append(fit.Describe());
        }

        var borne = Borne.Where(b => b.OutsideHours > Duration.Zero).ToArray();
        if (borne.Length > 0)
        {
            var names = Fits.ToDictionary(f => f.Person, f => f.Name);
            text.Append("\nOutside working hours across the series so far, with this meeting: ")
                .Append(Words.List(borne.Select(b => $"{names.GetValueOrDefault(b.Person, b.Person.ToString())} {Words.Of(b.OutsideHours)} in {Words.Count(b.Meetings, "meeting")}")))
                .Append('.');
        }

        return text.ToString();
    }
}

/// <summary>
/// Finds meeting slots across participants' time zones: slots that fall within the most participants' working hours,
/// with who would meet outside them and by how much, rotating the inconvenience across a series. Exact: every
/// comparison is between instants, so clock changes, zones 30 or 45 minutes off the hour and zones on either side of
/// the date line are handled as the tz database says.
/// </summary>
/// <remarks>
/// Slots are ranked by: the most participants entirely within their working hours; then the smallest worst burden
/// (the largest time any one participant would have spent outside working hours across the series, this meeting
/// included), which rotates the inconvenience to whoever has borne least; then the least time outside working hours
/// in total; then the earliest start. Proposed slots never overlap one another.
/// </remarks>
public static class MeetingSlots
{
    /// <summary>The most participants a search considers.</summary>
    public const int MaxParticipants = 50;

    /// <summary>The longest window a search covers, in days.</summary>
    public const int MaxWindowDays = 31;

    private static readonly Duration MinLength = Duration.FromMinutes(15);
    private static readonly Duration MaxLength = Duration.FromHours(12);
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.Create("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Proposes slots for a meeting, best first.</summary>
    /// <param name="search">The participants, the window, the length, the step and what each has borne so far.</param>
    /// <returns>Up to <see cref="SlotSearch.Count"/> slots, none overlapping another; fewer when the window holds fewer.</returns>
    /// <exception cref="CoalitionRuleException">The search is ill-formed (<c>Meetings.InvalidSearch</c>, <c>Kernel.InvalidInput</c>, <c>Kernel.EmptyId</c>).</exception>
    /// <example>
    /// <code>
    /// var slots = MeetingSlots.Propose(new SlotSearch(participants, new LocalDate(2026, 3, 10), new LocalDate(2026, 3, 10), "Africa/Nairobi", Duration.FromHours(1)));
    /// Console.WriteLine(slots[0].Explain());
    /// </code>
    /// </example>
    public static IReadOnlyList<SlotProposal> Propose(SlotSearch search)
    {
        SlotSearchValidator.Instance.EnsureValid(search);
        var reference = DateTimeZoneProviders.Tzdb[search.TimeZone];
        var step = search.Step ?? Duration.FromMinutes(15);
        var borne = search.Borne ?? [];
        var candidates = new List<Candidate>();
        var minutes = step.BclCompatibleTicks / TimeSpan.TicksPerMinute;
        for (var local = search.From.AtMidnight(); local.Date <= search.To; local = local.PlusMinutes(minutes))
        {
            // Starts follow the step on the search zone's clock: a local time skipped by a clock change has no slot, and
            // one repeated when the clock goes back is taken at its first occurrence.
            var mapping = reference.MapLocal(local);
            if (mapping.Count > 0)
            {
                candidates.Add(Evaluate(search.Participants, mapping.First().ToInstant(), search.Length, reference, borne));
            }
        }

        candidates.Sort(Rank);
        var chosen = new List<Candidate>(search.Count);
        foreach (var candidate in candidates)
        {
            if (chosen.Count == search.Count)
            {
                break;
            }

            if (chosen.TrueForAll(c => candidate.Start >= c.Start + search.Length || c.Start >= candidate.Start + search.Length))
            {
                chosen.Add(candidate);
            }
        }

        return chosen.Select(c => c.Proposal).ToArray();
    }

    /// <summary>How a given slot falls for every participant, with what each would have borne across a series.</summary>
    /// <param name="participants">The participants: 1 to 50, each person once.</param>
    /// <param name="start">When the meeting starts.</param>
    /// <param name="length">How long it lasts: 15 minutes to 12 hours.</param>
    /// <param name="timeZone">The zone whose date <see cref="ParticipantFit.DayOffset"/> is counted from.</param>
    /// <param name="borne">What each participant has borne at earlier meetings of a series, if any.</param>
    /// <returns>The slot, explained.</returns>
    /// <exception cref="CoalitionRuleException">An input is ill-formed (<c>Meetings.InvalidSearch</c>).</exception>
    public static SlotProposal Fit(IReadOnlyList<MeetingParticipant> participants, Instant start, Duration length, string timeZone, IReadOnlyList<Inconvenience>? borne = null)
    {
        Ensure.At(start, nameof(start));
        var search = new SlotSearch(participants, Limits.EarliestDate, Limits.EarliestDate, timeZone, length, Borne: borne);
        SlotSearchValidator.Instance.EnsureValid(search);
        Ensure.Plus(start, length, "end of the meeting");
        return Evaluate(participants, start, length, DateTimeZoneProviders.Tzdb[timeZone], borne ?? []).Proposal;
    }

    /// <summary>
    /// How much of a meeting falls outside one participant's working hours, split into before the working day, after it
    /// and on days off. Exact: the working day of each local date is turned into instants and intersected with the meeting.
    /// </summary>
    /// <param name="participant">The participant.</param>
    /// <param name="start">When the meeting starts.</param>
    /// <param name="length">How long it lasts.</param>
    /// <returns>The time outside, before and after working hours.</returns>
    internal static (Duration Outside, Duration Before, Duration After) Outside(MeetingParticipant participant, Instant start, Duration length)
    {
        var zone = participant.Zone;
        var hours = participant.Hours;
        var end = start + length;
        var within = Duration.Zero;
        var before = Duration.Zero;
        var after = Duration.Zero;
        for (var date = start.InZone(zone).Date; date <= end.InZone(zone).Date; date = date.PlusDays(1))
        {
            if (!hours.IsWorkingDay(date.DayOfWeek))
            {
                continue;
            }

            var workStart = zone.AtLeniently(date + hours.Start).ToInstant();
            var workEnd = zone.AtLeniently(date + hours.End).ToInstant();
            within += Overlap(start, end, workStart, workEnd);

            // Only the stretch of this local day counts as before or after its working day.
            var dayStart = date.AtStartOfDayInZone(zone).ToInstant();
            var dayEnd = date.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
            before += Overlap(start, end, dayStart, workStart);
            after += Overlap(start, end, workEnd, dayEnd);
        }

        return (length - within, before, after);
    }

    internal static string Time(LocalTime time) => TimePattern.Format(time);

    private static Duration Overlap(Instant start, Instant end, Instant from, Instant to)
    {
        var lower = start > from ? start : from;
        var upper = end < to ? end : to;
        return upper > lower ? upper - lower : Duration.Zero;
    }

    private static Candidate Evaluate(IReadOnlyList<MeetingParticipant> participants, Instant start, Duration length, DateTimeZone reference, IReadOnlyList<Inconvenience> borne)
    {
        var referenceDate = start.InZone(reference).Date;
        var fits = new ParticipantFit[participants.Count];
        var after = new Inconvenience[participants.Count];
        var within = 0;
        var total = Duration.Zero;
        var worst = Duration.Zero;
        for (var i = 0; i < participants.Count; i++)
        {
            var participant = participants[i];
            var zone = participant.Zone;
            var (outside, beforeWork, afterWork) = Outside(participant, start, length);
            var localStart = start.InZone(zone);
            fits[i] = new ParticipantFit(
                participant.Person,
                participant.Name,
                participant.TimeZone,
                localStart.LocalDateTime,
                (start + length).InZone(zone).LocalDateTime,
                localStart.Offset,
                outside,
                beforeWork,
                afterWork,
                Period.Between(referenceDate, localStart.Date, PeriodUnits.Days).Days);
            var earlier = borne.FirstOrDefault(b => b.Person == participant.Person);
            after[i] = new Inconvenience(participant.Person, (earlier?.OutsideHours ?? Duration.Zero) + outside, (earlier?.Meetings ?? 0) + (outside > Duration.Zero ? 1 : 0));
            within += outside == Duration.Zero ? 1 : 0;
            total += outside;
            worst = after[i].OutsideHours > worst ? after[i].OutsideHours : worst;
        }

        return new Candidate(start, within, worst, total, new SlotProposal(start, length, fits, borne.Count == 0 ? [] : after));
    }

    private static int Rank(Candidate x, Candidate y)
    {
        var order = y.Within.CompareTo(x.Within);
        order = order != 0 ? order : x.Worst.CompareTo(y.Worst);
        order = order != 0 ? order : x.Total.CompareTo(y.Total);
        return order != 0 ? order : x.Start.CompareTo(y.Start);
    }

    private sealed record Candidate(Instant Start, int Within, Duration Worst, Duration Total, SlotProposal Proposal);
}

/// <summary>Checks <see cref="WorkingHours"/>.</summary>
internal sealed class WorkingHoursValidator : AbstractValidator<WorkingHours>
{
    public static readonly WorkingHoursValidator Instance = new();

    private WorkingHoursValidator()
    {
        var code = ErrorCodes.Meetings.InvalidSearch.Code;
        RuleFor(h => h.End).Must((h, end) => h.Start < end).WithErrorCode(code).WithMessage("The working day ends after it starts, on the same day.");
        RuleFor(h => h.Days).Must(d => d is { Count: >= 1 and <= 7 } && d.All(day => day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday) && d.Distinct().Count() == d.Count)
            .WithErrorCode(code).WithMessage("Working days are one to seven defined days of the week, each once.");
    }
}

/// <summary>Checks a <see cref="MeetingParticipant"/>.</summary>
internal sealed class MeetingParticipantValidator : AbstractValidator<MeetingParticipant>
{
    public static readonly MeetingParticipantValidator Instance = new();

    private MeetingParticipantValidator()
    {
        RuleFor(p => p.Member).IsId();
        RuleFor(p => p.Person).IsId();
        RuleFor(p => p.Name).IsName();
        RuleFor(p => p.TimeZone).Must(MeetingRules.IsZone).WithErrorCode(ErrorCodes.Partners.UnknownTimeZone.Code)
            .WithMessage("A participant's time zone must be an id of the tz database, such as Africa/Nairobi.");
        RuleFor(p => p.Hours).NotNull().WithErrorCode(ErrorCodes.Meetings.InvalidSearch.Code).WithMessage("A participant needs working hours.")
            .SetValidator(WorkingHoursValidator.Instance!);
    }
}

/// <summary>Checks a <see cref="SlotSearch"/>.</summary>
internal sealed class SlotSearchValidator : AbstractValidator<SlotSearch>
{
    public static readonly SlotSearchValidator Instance = new();

    private SlotSearchValidator()
    {
        var code = ErrorCodes.Meetings.InvalidSearch.Code;
        RuleFor(s => s.Participants).Must(p => p is { Count: >= 1 and <= MeetingSlots.MaxParticipants } && p.All(x => x is not null)).WithErrorCode(code)
            .WithMessage("A search names 1 to 50 participants, none of them null.")
            .Must(p => p is null || p.Where(x => x is not null).Select(x => x.Person).Distinct().Count() == p.Count(x => x is not null)).WithErrorCode(code)
            .WithMessage("A search names each person once.");
        RuleForEach(s => s.Participants).SetValidator(MeetingParticipantValidator.Instance!).When(s => s.Participants is not null && s.Participants.All(x => x is not null));
        RuleFor(s => s.From).IsDate();
        RuleFor(s => s.To).IsDate().Must((s, to) => !Limits.IsDate(s.From) || !Limits.IsDate(to) || (to >= s.From && Period.Between(s.From, to, PeriodUnits.Days).Days < MeetingSlots.MaxWindowDays))
            .WithErrorCode(code).WithMessage("A search window runs forward over 1 to 31 days.");
        RuleFor(s => s.TimeZone).Must(MeetingRules.IsZone).WithErrorCode(ErrorCodes.Partners.UnknownTimeZone.Code)
            .WithMessage("The search's time zone must be an id of the tz database.");
        RuleFor(s => s.Length).Must(l => l >= Duration.FromMinutes(15) && l <= Duration.FromHours(12)).WithErrorCode(code)
            .WithMessage("A meeting searched for lasts 15 minutes to 12 hours.");
        RuleFor(s => s.Step).Must(s => s is null || (s.Value >= Duration.FromMinutes(5) && s.Value <= Duration.FromHours(4) && s.Value.SubsecondTicks == 0 && s.Value.Seconds == 0))
            .WithErrorCode(code).WithMessage("The step is 5 minutes to 4 hours, in whole minutes.");
        RuleFor(s => s.Count).InclusiveBetween(1, 20).WithErrorCode(code).WithMessage("A search proposes 1 to 20 slots.");
        RuleFor(s => s.Borne).Must(b => b is null || (b.Count <= MeetingSlots.MaxParticipants && b.All(x => x is not null && x.Person.Value != Guid.Empty &&
                x.OutsideHours >= Duration.Zero && x.OutsideHours <= Duration.FromDays(366 * 100) && x.Meetings >= 0) && b.Select(x => x!.Person).Distinct().Count() == b.Count))
            .WithErrorCode(code).WithMessage("What participants have borne lists each person once, with a time and a number of meetings that are not negative.");
    }
}

/// <summary>Shared checks of the meetings room.</summary>
internal static class MeetingRules
{
    public static bool IsZone(string? zone) => zone is { Length: > 0 and <= 64 } && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is not null;

    public static bool IsLink(string? link) =>
        link is { Length: > 0 and <= 2_000 } && FreeText.IsSingleLine(link) && Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
}
