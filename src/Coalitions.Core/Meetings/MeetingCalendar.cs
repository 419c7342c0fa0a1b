using System.Globalization;
using System.Text;
using Coalitions.Core.Kernel;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace Coalitions.Core.Meetings;

/// <summary>
/// Writes meetings and series as iCalendar (RFC 5545) text that calendar programs import: a meeting as one event, a
/// series as a recurring event with the meetings that moved from their usual time as exceptions. Times are written in
/// the coalition's time zone or, where asked, in a participant's own, each with a VTIMEZONE drawn from the tz
/// database for the years covered.
/// </summary>
/// <remarks>
/// <para>Lines end in CRLF and are folded at 75 octets without splitting a character; text values are escaped.
/// Every event has a UID (stable per meeting or series) and a DTSTAMP (the instant given, never the system clock).</para>
/// <para>A series' recurrence is written as an RRULE on the series' own clock (so a meeting at 15:00 in Geneva stays at
/// 15:00 there across clock changes). In another zone a wall-clock rule would drift when the two zones change their
/// clocks on different days, so the occurrences are listed (RDATE) instead, each the same instant as the rule's.
/// A local time that the clock shows twice is written in UTC, so no instant is ever ambiguous.</para>
/// </remarks>
public static class MeetingCalendar
{
    private const string Product = "-//Coalitions.Core//Meetings//EN";
    private const string Domain = "coalitions-core";
    private const int MaxOccurrences = 1_000;
    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss");
    private static readonly InstantPattern UtcPattern = InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'");

    /// <summary>Writes a scheduled meeting as one event.</summary>
    /// <param name="meeting">The meeting: scheduled (or held, minuted, postponed or cancelled after being scheduled).</param>
    /// <param name="stamp">When the calendar is written (DTSTAMP), usually now.</param>
    /// <param name="timeZone">The tz id to write the times in, such as a participant's own; the coalition's when omitted.</param>
    /// <returns>The iCalendar text.</returns>
    /// <exception cref="CoalitionRuleException">The meeting was never scheduled (<c>Meetings.NotScheduled</c>), or an unknown time zone (<c>Partners.UnknownTimeZone</c>).</exception>
    /// <example>
    /// <code>File.WriteAllText("meeting.ics", MeetingCalendar.Write(meeting, now, "America/New_York"));</code>
    /// </example>
    public static string Write(Meeting meeting, Instant stamp, string? timeZone = null)
    {
        Ensure.NotNull(meeting, nameof(meeting));
        Ensure.At(stamp, nameof(stamp));
        var zone = ZoneOf(timeZone ?? meeting.TimeZone);
        if (meeting.Start is not { } start || meeting.Length is not { } length)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.NotScheduled, "'{title}' has not been scheduled, so it has no calendar entry.", ("title", meeting.Title));
        }

        var text = new CalendarText();
        Open(text);
        TimeZoneOf(text, zone, start, start + length);
        text.Line("BEGIN", "VEVENT");
        text.Line("UID", $"meeting-{meeting.Id}@{Domain}");
        text.Line("DTSTAMP", UtcPattern.Format(stamp));
        text.Line("SEQUENCE", meeting.Sequence.ToString(CultureInfo.InvariantCulture));
        Time(text, "DTSTART", start, zone);
        Time(text, "DTEND", start + length, zone);
        text.Line("SUMMARY", Escape(meeting.Title));
        if (Description(meeting) is { Length: > 0 } description)
        {
            text.Line("DESCRIPTION", Escape(description));
        }

        Place(text, meeting.Location, meeting.OnlineLink);
        text.Line("STATUS", meeting.Status switch
        {
            MeetingStatus.Cancelled => "CANCELLED",
            MeetingStatus.Postponed => "TENTATIVE",
            _ => "CONFIRMED",
        });
        People(text, meeting.Participants, meeting.Facilitators.First());
        text.Line("END", "VEVENT");
        text.Line("END", "VCALENDAR");
        return text.ToString();
    }

    /// <summary>
    /// Writes a series as a recurring event through a date: its occurrences by the cadence at the usual time, with each
    /// meeting scheduled at another time written as an exception to its occurrence.
    /// </summary>
    /// <param name="series">The series.</param>
    /// <param name="through">The last date to cover (the series' own last date, or its last scheduled meeting once ended, if earlier).</param>
    /// <param name="stamp">When the calendar is written (DTSTAMP), usually now.</param>
    /// <param name="timeZone">The tz id to write the times in, such as a participant's own; the series' clock when omitted.</param>
    /// <returns>The iCalendar text.</returns>
    /// <exception cref="CoalitionRuleException">No occurrence falls by <paramref name="through"/> (<c>Meetings.NotScheduled</c>), more than 1,000 do (<c>Kernel.OutOfRange</c>), or an unknown time zone (<c>Partners.UnknownTimeZone</c>).</exception>
    /// <example>
    /// <code>var ics = MeetingCalendar.Write(series, new LocalDate(2026, 12, 31), now, "Asia/Kolkata");</code>
    /// </example>
    public static string Write(MeetingSeries series, LocalDate through, Instant stamp, string? timeZone = null)
    {
        Ensure.NotNull(series, nameof(series));
        Ensure.Date(through, nameof(through));
        Ensure.At(stamp, nameof(stamp));
        var own = ZoneOf(series.TimeZone);
        var zone = timeZone is null ? own : ZoneOf(timeZone);
        var last = series.Until is { } until && until < through ? until : through;
        if (series.Status == SeriesStatus.Ended)
        {
            last = series.Scheduled.Count == 0 ? series.FirstDate.PlusDays(-1) : series.Scheduled[^1].Date < last ? series.Scheduled[^1].Date : last;
        }

        var count = 0;
        while (series.OccurrenceDate(count) is { } date && date <= last)
        {
            if (++count > MaxOccurrences)
            {
                throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "'{title}' has more than {max} occurrences by {through}; write a shorter stretch.", ("title", series.Title), ("max", MaxOccurrences), ("through", through));
            }
        }

        if (count == 0)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Meetings.NotScheduled, "'{title}' has no occurrence by {through}.", ("title", series.Title), ("through", through));
        }

        var usual = Enumerable.Range(0, count).Select(n => series.UsualStartOf(n)!.Value).ToArray();
        var moved = series.Scheduled.Where(s => s.Number < count && (s.Start != usual[s.Number] || s.Length != series.Length)).ToArray();
        var text = new CalendarText();
        Open(text);
        TimeZoneOf(text, zone, Earliest(usual[0], moved), usual[^1] + series.Length + Duration.FromDays(28));
        var uid = $"series-{series.Id}@{Domain}";
        text.Line("BEGIN", "VEVENT");
        text.Line("UID", uid);
        text.Line("DTSTAMP", UtcPattern.Format(stamp));
        Time(text, "DTSTART", usual[0], zone);
        Time(text, "DTEND", usual[0] + series.Length, zone);
        if (zone.Id == own.Id && count > 1)
        {
            text.Line("RRULE", Rule(series.Cadence, count));
        }
        else if (count > 1)
        {
            Dates(text, "RDATE", usual.Skip(1), zone);
        }

        text.Line("SUMMARY", Escape(series.Title));
        Place(text, series.Location, series.OnlineLink);
        text.Line("STATUS", series.Status == SeriesStatus.Ended && moved.Length == 0 && series.Scheduled.Count == 0 ? "CANCELLED" : "CONFIRMED");
        People(text, series.Participants, series.Facilitators.First());
        text.Line("END", "VEVENT");
        foreach (var meeting in moved)
        {
            text.Line("BEGIN", "VEVENT");
            text.Line("UID", uid);
            text.Line("DTSTAMP", UtcPattern.Format(stamp));
            Time(text, "RECURRENCE-ID", usual[meeting.Number], zone);
            Time(text, "DTSTART", meeting.Start, zone);
            Time(text, "DTEND", meeting.Start + meeting.Length, zone);
            text.Line("SUMMARY", Escape(series.Title));
            text.Line("STATUS", "CONFIRMED");
            text.Line("END", "VEVENT");
        }

        text.Line("END", "VCALENDAR");
        return text.ToString();
    }

    /// <summary>Escapes a TEXT value: backslashes, semicolons and commas are escaped and line breaks become <c>\n</c>.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The escaped text.</returns>
    internal static string Escape(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\' or ';' or ',':
                    text.Append('\\').Append(c);
                    break;
                case '\r' when i + 1 < value.Length && value[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    text.Append("\\n");
                    break;
                case '\t':
                    text.Append(' ');
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        return text.ToString();
    }

    private static Instant Earliest(Instant first, SeriesOccurrence[] moved) => moved.Length == 0 || moved.Min(m => m.Start) >= first ? first : moved.Min(m => m.Start);

    private static DateTimeZone ZoneOf(string zone) =>
        MeetingRules.IsZone(zone)
            ? DateTimeZoneProviders.Tzdb[zone]
            : throw CoalitionRuleException.Because(ErrorCodes.Partners.UnknownTimeZone, "'{zone}' is not a time zone of the tz database.", ("zone", TypedKey.Show(zone)));

    private static void Open(CalendarText text)
    {
        text.Line("BEGIN", "VCALENDAR");
        text.Line("VERSION", "2.0");
        text.Line("PRODID", Product);
        text.Line("CALSCALE", "GREGORIAN");
        text.Line("METHOD", "PUBLISH");
    }

    private static bool IsUtc(DateTimeZone zone) => zone.Id is "UTC" or "Etc/UTC" or "Etc/Universal" or "Etc/Zulu" or "Universal" or "Zulu" or "Etc/GMT" or "GMT";

    // A date-time in the zone, or in UTC where the zone is UTC or its clock shows that local time twice.
    private static void Time(CalendarText text, string name, Instant instant, DateTimeZone zone)
    {
        var local = instant.InZone(zone).LocalDateTime;
        if (IsUtc(zone) || zone.MapLocal(local).Count != 1)
        {
            text.Line(name, UtcPattern.Format(instant));
        }
        else
        {
            text.Line($"{name};TZID={zone.Id}", LocalPattern.Format(local));
        }
    }

    private static void Dates(CalendarText text, string name, IEnumerable<Instant> instants, DateTimeZone zone)
    {
        var local = new List<string>();
        var utc = new List<string>();
        foreach (var instant in instants)
        {
            var time = instant.InZone(zone).LocalDateTime;
            if (IsUtc(zone) || zone.MapLocal(time).Count != 1)
            {
                utc.Add(UtcPattern.Format(instant));
            }
            else
            {
                local.Add(LocalPattern.Format(time));
            }
        }

        if (local.Count > 0)
        {
            text.Line($"{name};TZID={zone.Id}", string.Join(',', local));
        }

        if (utc.Count > 0)
        {
            text.Line(name, string.Join(',', utc));
        }
    }

    private static string Rule(Period cadence, int count)
    {
        var (frequency, interval) = cadence.Years != 0 ? ("YEARLY", cadence.Years)
            : cadence.Months != 0 ? ("MONTHLY", cadence.Months)
            : cadence.Weeks != 0 ? ("WEEKLY", cadence.Weeks)
            : ("DAILY", cadence.Days);
        return string.Create(CultureInfo.InvariantCulture, $"FREQ={frequency};INTERVAL={interval};COUNT={count}");
    }

    // Every observance of the zone from the one in force at the first instant to the last, with its real onset.
    private static void TimeZoneOf(CalendarText text, DateTimeZone zone, Instant from, Instant to)
    {
        if (IsUtc(zone))
        {
            return;
        }

        var first = Instant.FromUtc(from.InUtc().Year, 1, 1, 0, 0);
        var last = to.InUtc().Year >= 2999 ? Limits.LatestInstant : Instant.FromUtc(to.InUtc().Year + 1, 1, 1, 0, 0);
        text.Line("BEGIN", "VTIMEZONE");
        text.Line("TZID", zone.Id);
        foreach (var interval in zone.GetZoneIntervals(first, last))
        {
            var before = interval.HasStart ? zone.GetZoneInterval(interval.Start - Duration.Epsilon).WallOffset : interval.WallOffset;
            var kind = interval.Savings != Offset.Zero ? "DAYLIGHT" : "STANDARD";
            text.Line("BEGIN", kind);
            text.Line("DTSTART", interval.HasStart ? LocalPattern.Format(interval.Start.WithOffset(before).LocalDateTime) : "19700101T000000");
            text.Line("TZOFFSETFROM", OffsetText(before));
            text.Line("TZOFFSETTO", OffsetText(interval.WallOffset));
            text.Line("TZNAME", Escape(interval.Name));
            text.Line("END", kind);
        }

        text.Line("END", "VTIMEZONE");
    }

    private static string OffsetText(Offset offset)
    {
        var seconds = offset.Seconds;
        var sign = seconds < 0 ? '-' : '+';
        seconds = Math.Abs(seconds);
        var text = string.Create(CultureInfo.InvariantCulture, $"{sign}{seconds / 3600:D2}{seconds / 60 % 60:D2}");
        return seconds % 60 == 0 ? text : text + (seconds % 60).ToString("D2", CultureInfo.InvariantCulture);
    }

    private static void Place(CalendarText text, string? location, string? link)
    {
        if (location is not null)
        {
            text.Line("LOCATION", Escape(location));
        }
        else if (link is not null)
        {
            text.Line("LOCATION", Escape("Online"));
        }

        if (link is not null)
        {
            text.Line("URL", link);
        }
    }

    private static void People(CalendarText text, IEnumerable<MeetingParticipant> participants, PersonId organizer)
    {
        var list = participants.ToArray();
        var name = list.FirstOrDefault(p => p.Person == organizer)?.Name;
        text.Line(name is null ? "ORGANIZER" : $"ORGANIZER;CN={Parameter(name)}", $"urn:uuid:{organizer}");
        foreach (var participant in list)
        {
            text.Line($"ATTENDEE;CN={Parameter(participant.Name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION", $"urn:uuid:{participant.Person}");
        }
    }

    // A parameter value: quoted when it holds a colon, semicolon or comma; a double quote cannot appear in one.
    private static string Parameter(string value)
    {
        var clean = value.Replace('"', '\'');
        return clean.AsSpan().IndexOfAny(":;,") >= 0 ? $"\"{clean}\"" : clean;
    }

    private static string Description(Meeting meeting)
    {
        var text = new StringBuilder();
        if (meeting.Purpose is { } purpose)
        {
            text.Append(purpose);
        }

        if (meeting.Agenda.Count > 0)
        {
            text.Append(text.Length > 0 ? "\n\n" : string.Empty).Append("Agenda:");
            foreach (var item in meeting.Agenda)
            {
                text.Append("\n- ").Append(item.Title).Append(" (").Append(Words.Of(item.TimeBox)).Append(')');
            }
        }

        return text.ToString();
    }

    /// <summary>Content lines ending in CRLF, folded at 75 octets of UTF-8 without splitting a character.</summary>
    private sealed class CalendarText
    {
        private const int MaxOctets = 75;
        private readonly StringBuilder _text = new();

        public void Line(string name, string value)
        {
            var line = name + ":" + value;
            var octets = 0;
            foreach (var rune in line.EnumerateRunes())
            {
                var size = rune.Utf8SequenceLength;
                if (octets + size > MaxOctets)
                {
                    _text.Append("\r\n ");
                    octets = 1;
                }

                _text.Append(rune.ToString());
                octets += size;
            }

            _text.Append("\r\n");
        }

        public override string ToString() => _text.ToString();
    }
}
