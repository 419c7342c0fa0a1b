using Coalitions.Core.Coalitions;
using Coalitions.Core.Communication;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Meetings;
using Coalitions.Core.Partners;
using NodaTime;

/// <summary>
/// Chapter 3c of the quickstart: the steering committee meets across Nairobi, Geneva and New York, adopts the
/// communication plan on its agenda, minutes an action item, and the coalition prepares for an external event.
/// </summary>
internal static class MeetingsChapter
{
    private static readonly LocalDate Tuesday = new(2026, 3, 10);

    /// <summary>Runs the chapter.</summary>
    /// <param name="coalition">The coalition.</param>
    /// <param name="governance">Its governance: the steering committee, its chair and the rule book.</param>
    /// <param name="partners">The partners; each acts through its first representative (its delegate).</param>
    /// <param name="chairMember">The member holding the steering committee's chair, which convenes it.</param>
    /// <param name="statement">The public statement the members adopted, which the coalition takes to the event.</param>
    /// <param name="coordinator">A coordinator of the coalition.</param>
    /// <param name="now">When the chapter starts.</param>
    public static void Run(Coalition coalition, CoalitionGovernance governance, IReadOnlyList<Partner> partners, PartnerId chairMember, DecisionReference statement, Actor coordinator, Instant now)
    {
        Console.WriteLine("3d. The steering committee meets across Nairobi, Geneva and New York; the coalition plans its communication and prepares for a conference");
        var byId = partners.ToDictionary(p => p.Id);
        PersonId DelegateOf(PartnerId member) => byId[member].Representatives.First().Person;
        Actor For(PartnerId member) => Actor.Representing(DelegateOf(member), member);
        var chair = For(chairMember);

        // The committee's seat holders take part from their member's time zone, except two delegates posted abroad: one
        // follows the UN in Geneva, one in New York. Everyone keeps office hours on their own clock.
        var seats = governance.SittingMembers("steering-committee", coalition, now);
        var abroad = seats.Where(s => s != chairMember).Take(2).ToArray();
        var participants = seats.Select(member =>
        {
            var zone = member == abroad[0] ? "Europe/Zurich" : member == abroad[1] ? "America/New_York" : byId[member].Profile.TimeZone;
            return new MeetingParticipant(member, DelegateOf(member), $"Delegate of {byId[member].Profile.Name}", zone, WorkingHours.Office);
        }).ToArray();

        // New York moved to summer time on 8 March, Geneva moves on 29 March: in between, one hour suits all three.
        var slots = MeetingSlots.Propose(new SlotSearch(participants, Tuesday, Tuesday.PlusDays(2), "Africa/Nairobi", Duration.FromHours(1), Count: 2));
        foreach (var line in slots[0].Explain().Split('\n'))
        {
            Console.WriteLine($"   {line}");
        }

        // The chair convenes the committee; the rule book says the committee decides the communication plan.
        var meeting = Meeting.Convene(MeetingId.New(),
            new MeetingPlan(coalition.Id, "Steering committee, March", MeetingFormat.Online, participants, [], Body: "steering-committee", OnlineLink: "https://meet.example.org/steering"),
            coalition, chair, now, governance);
        var draft = governance.DraftFor(MatterType.AdoptCommunicationPlan, "Adopt the communication plan 2026", "The coalition adopts its communication plan for 2026, with its social media plan.", chairMember, [coordinator.Person!.Value], coalition, now);
        var adoption = Proposal.Draft(ProposalId.New(), draft, chair, now);
        adoption.Submit(chair, now);
        meeting.AddAgendaItem(new AgendaItem(new AgendaKey("plan"), adoption.Title, AgendaItemKind.Decision, Duration.FromMinutes(25), Proposal: adoption.Id), chair, now);
        meeting.AddAgendaItem(new AgendaItem(new AgendaKey("conference"), "Preparing for the education financing conference", AgendaItemKind.Report, Duration.FromMinutes(20), Report: "Preparation plan"), chair, now);
        meeting.Schedule(slots[0].Start, Duration.FromHours(1), chair, now);
        var start = meeting.Start!.Value;
        var calendar = MeetingCalendar.Write(meeting, now, "America/New_York");
        Console.WriteLine($"   Calendar for New York: {calendar.Split("\r\n").First(l => l.StartsWith("DTSTART;TZID=", StringComparison.Ordinal))}");

        // Voting opens with the agenda; the member who cannot attend sends apologies and votes in advance. Attendance goes
        // to the proposal on the agenda, the members present vote in the meeting, and with every ballot in it closes.
        adoption.OpenVoting(governance.ElectorateFor(MatterType.AdoptCommunicationPlan, coalition, now), coordinator, now);
        var apologies = seats[^1];
        adoption.CastBallot(apologies, Stance.Support, null, For(apologies), start - Duration.FromDays(1));
        meeting.RecordAttendance([.. seats.Select(s => new AttendanceEntry(s, s == apologies ? AttendanceKind.Apologies : AttendanceKind.Present))], chair, start);
        adoption.RecordAttendance(meeting.PresentFor(adoption), coordinator, start);
        foreach (var member in meeting.MembersPresent())
        {
            adoption.CastBallot(member, Stance.Support, null, For(member), start + Duration.FromMinutes(15));
        }

        var outcome = adoption.Close(coordinator, start + Duration.FromMinutes(25));
        Console.WriteLine($"   {adoption.Explanation!.Split('\n')[0]}");

        // The minutes cite the decision and give the Geneva delegate an action item; it is overdue if not done in time.
        meeting.Adjourn(chair, start + Duration.FromHours(1));
        var newsletter = new ActionItem(new ActionKey("first-newsletter"), "Send the first monthly newsletter.", abroad[0], DelegateOf(abroad[0]), new LocalDate(2026, 4, 1), new AgendaKey("plan"));
        meeting.RecordMinutes(
            new Minutes([new MinutedDecision(new AgendaKey("plan"), adoption.Reference!)], [new ItemNote(new AgendaKey("conference"), "The briefing paper is the first task.")], [newsletter]),
            coalition, chair, start + Duration.FromHours(2));
        foreach (var open in meeting.OpenActionsOn(new LocalDate(2026, 3, 31)))
        {
            Console.WriteLine($"   Minuted action: {open.Action.Description} Owner: {byId[open.Action.OwnerMember].Profile.Name}, due {open.Action.Due:d MMMM}; on 31 March it is {open.Status}.");
        }

        // The communication plan, adopted citing the committee's decision.
        var members = new AudienceKey("members");
        var publicAudience = new AudienceKey("public");
        var monthly = new ChannelKey("newsletter");
        var social = new ChannelKey("social-media");
        var plan = CommunicationPlan.Draft(CommunicationPlanId.New(),
            new CommunicationPlanDraft(coalition.Id, "Communication plan 2026",
                [new Audience(members, "Members", AudienceKind.Members), new Audience(publicAudience, "Parents and the public", AudienceKind.Public)],
                [new Channel(monthly, "Monthly newsletter", ChannelKind.Newsletter, Period.FromMonths(1), DelegateOf(abroad[0]), new LocalDate(2026, 4, 1)),
                 new Channel(social, "Social media", ChannelKind.SocialMedia, Period.FromWeeks(1), DelegateOf(abroad[1]), new LocalDate(2026, 4, 6))],
                [new Delivery(members, monthly, "Decisions, working groups and the conference."), new Delivery(publicAudience, social, "Stories of children learning to read.")],
                new SocialMediaPlan(
                    [new SocialObjective(new ObjectiveKey("awareness"), SocialObjectiveKind.RaiseAwareness, "More parents know how many children leave school unable to read.")],
                    [new Platform(new PlatformKey("whatsapp"), "WhatsApp channel", social, [publicAudience], ["A short reading story every Monday."])],
                    [new SocialMeasure(new MeasureKey("followers"), new ObjectiveKey("awareness"), IndicatorKind.Reach, 5_000, new LocalDate(2026, 12, 31))])),
            coalition, coordinator, start + Duration.FromHours(3));
        plan.Adopt(governance, adoption.Reference, coalition, coordinator, start + Duration.FromHours(3));
        // The newsletter's owner sends the first issue, logs it, and records the meeting's action done.
        plan.RecordSent(new SentCommunication(monthly, new LocalDate(2026, 4, 1), "April newsletter", [members]), coalition, For(abroad[0]), Instant.FromUtc(2026, 4, 1, 12, 0));
        meeting.CompleteAction(newsletter.Key, new LocalDate(2026, 4, 1), "Sent to every member's delegates.", For(abroad[0]), Instant.FromUtc(2026, 4, 1, 12, 5));
        Console.WriteLine($"   On 2 April the action is {meeting.ActionsOn(new LocalDate(2026, 4, 2)).Single().Status}.");
        foreach (var line in plan.DescribeLog(new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 30)).Split('\n'))
        {
            Console.WriteLine($"   {line}");
        }
        foreach (var due in plan.DueOn(new LocalDate(2026, 4, 20)))
        {
            Console.WriteLine($"   On 20 April, {due.Name}: {due.State}{(due.DaysOverdue > 0 ? $" by {due.DaysOverdue} days" : string.Empty)}, next due {due.NextDue:d MMMM}.");
        }

        // Preparing for the conference: tasks counted back from its opening, an attendee new to such events, the
        // members' statement as the coalition's position, and the network's pre-meeting two days before.
        var preparation = EventPreparation.Begin(PreparationId.New(),
            new ExternalEvent("Education financing conference", "Palais des Nations, Geneva", "Europe/Zurich", new LocalDate(2026, 6, 15), new LocalDate(2026, 6, 17), "UNESCO"),
            [], coalition, coordinator, now);
        preparation.AddTask(new PreparationTask(new TaskKey("briefing"), "Write the briefing paper.", chairMember, DelegateOf(chairMember), Period.FromMonths(2)), coalition, coordinator, now);
        preparation.AddTask(new PreparationTask(new TaskKey("side-event"), "Book a side event room.", abroad[0], DelegateOf(abroad[0]), Period.FromMonths(1)), coalition, coordinator, now);
        preparation.NameAttendee(new Attendee(abroad[0], DelegateOf(abroad[0]), $"Delegate of {byId[abroad[0]].Profile.Name}", NewParticipant: true), coalition, coordinator, now);
        preparation.TakePosition(new PositionKey("six-percent"), "Six percent of GDP for education", statement, coalition, coordinator, now);
        preparation.PlanPreMeeting(MeetingId.New(), new LocalDate(2026, 6, 13), coordinator, now);
        preparation.CompleteTask(new TaskKey("briefing"), new LocalDate(2026, 4, 10), For(chairMember), Instant.FromUtc(2026, 4, 10, 12, 0));
        foreach (var line in preparation.ReadinessOn(new LocalDate(2026, 5, 20)).Summary.Split('\n'))
        {
            Console.WriteLine($"   {line}");
        }

        Console.WriteLine();
    }
}
