using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Meetings;
using Coalitions.Core.Memberships;
using Coalitions.Core.Partners;
using Coalitions.Core.Polls;
using Coalitions.Core.Resources;
using Coalitions.Core.Storage;
using NodaTime;

namespace Coalitions.Portal.Seed;

/// <summary>
/// The quickstart's story, told up to "now" so that there is something open to click: the Learning for All coalition
/// with nine members and their delegates, the advocacy-coalition template with an elected steering committee, an adopted
/// admission, an open statement vote, an open ranked poll, a scheduled meeting and the reading fund.
/// Every fact is made by the library's own commands, as the people the story names; nothing is written around them.
/// </summary>
internal static class LearningForAll
{
    /// <summary>The coalition's name, as the pages show it.</summary>
    public const string Name = "Learning for All";

    /// <summary>The coordinator who founds the coalition and facilitates its votes.</summary>
    public const string ChairName = "Wanjiru Kamau";

    private static readonly (string Name, Sector Sector, string Region, string Delegate)[] Organizations =
    [
        ("Teachers Union", Sector.CommunityGroup, "Nairobi", "Achieng Otieno"),
        ("Parents Network", Sector.Ngo, "Nairobi", "Brian Mwangi"),
        ("Rural Schools Trust", Sector.Ngo, "Rift Valley", "Chebet Kiprono"),
        ("Girls Learn", Sector.Ngo, "Coast", "Dalia Hassan"),
        ("Literacy Now", Sector.Ngo, "Nairobi", "Esther Njeri"),
        ("University of the Coast", Sector.AcademicOrResearch, "Coast", "Faraji Mwinyi"),
        ("Youth Forum", Sector.CommunityGroup, "Western", "Grace Wekesa"),
        ("Disability Rights Alliance", Sector.Ngo, "Nairobi", "Hamisi Juma"),
        ("Open Textbooks", Sector.PrivateSector, "Nairobi", "Imani Odhiambo"),
    ];

    /// <summary>Writes the story into an empty store, ending at <paramref name="now"/>.</summary>
    /// <param name="store">The store; it must hold no events yet.</param>
    /// <param name="now">The present: the open vote, the open poll and the meeting lie after it.</param>
    /// <param name="cancellationToken">Cancels between saves.</param>
    /// <returns>The aggregates saved.</returns>
    public static async Task<int> SeedAsync(AggregateStore store, Instant now, CancellationToken cancellationToken = default)
    {
        var story = Tell(now);
        foreach (var aggregate in story)
        {
            await store.SaveAsync(aggregate, new EventMetadata(CorrelationId: Guid.NewGuid()), cancellationToken);
        }

        return story.Count;
    }

    /// <summary>Builds the aggregates of the story in memory.</summary>
    /// <param name="now">The present.</param>
    /// <returns>The aggregates, with their events uncommitted.</returns>
    public static IReadOnlyList<IAggregate> Tell(Instant now)
    {
        // The story starts forty days ago, on the hour.
        var start = Instant.FromUnixTimeSeconds(now.ToUnixTimeSeconds() / 3600 * 3600) - Duration.FromDays(40);
        var chair = PersonId.New();
        var secretariat = Actor.ForPerson(chair);
        var partners = Organizations.Select(o =>
        {
            var id = PartnerId.New();
            var person = PersonId.New();
            return Partner.Register(
                id,
                new PartnerProfile(o.Name, o.Sector, "KE", "Africa/Nairobi", ["literacy"], ["equity", "transparency"], ["community mobilization"], ["en", "sw"], o.Region),
                new Representative(person, o.Delegate, RepresentativeRole.Delegate),
                Actor.Representing(person, id),
                start);
        }).ToArray();
        var names = partners.ToDictionary(p => p.Id, p => p.Profile.Name);
        PersonId DelegateOf(PartnerId member) => partners.Single(p => p.Id == member).Representatives.First().Person;
        Actor For(PartnerId member) => Actor.Representing(DelegateOf(member), member);

        // The coalition forms, adopts its charter with a measurable goal, admits its nine founders and becomes active.
        var coalition = Coalition.Found(CoalitionId.New(), Name, CoalitionForm.Coalition, "Africa/Nairobi", new Coordinator(chair, ChairName), secretariat, start);
        coalition.BeginForming(secretariat, start);
        coalition.AdoptCharter(
            new Charter(
                "Too many children in the county leave primary school unable to read.",
                "Every child in the county reads with confidence.",
                "We combine our schools, libraries, research and advocacy to put reading first.",
                ["Mutuality: each member gives and gains.", "Accountability and transparency to members and communities."],
                ["Listen fully; criticize ideas, not people."],
                [
                    new Goal("Every child reads by age ten", "Ten-year-olds reading at grade level", "%", 58m, 80m, GoalDirection.Increase, new LocalDate(2030, 12, 31), new GoalKey("reading-by-ten")),
                    new Goal("Reading camps in every ward", "Wards with a holiday reading camp", "wards", 3m, 25m, GoalDirection.Increase, new LocalDate(2028, 12, 31), new GoalKey("camps")),
                ]),
            null,
            secretariat,
            start);
        for (var i = 0; i < partners.Length; i++)
        {
            coalition.Invite(new MembershipOffer(partners[i].Id, i < 3 ? MembershipTier.Founding : MembershipTier.Full, [partners[i].Representatives.First().Person]), partners[i].Snapshot, ruleBook: null, decision: null, secretariat, start);
            coalition.AcceptMembership(partners[i].Id, For(partners[i].Id), start);
        }

        coalition.Activate(secretariat, start);

        // The advocacy-coalition template; the members elect five of seven candidates by single transferable vote.
        var governance = CoalitionGovernance.Establish(coalition, GovernanceTemplates.AdvocacyCoalition(), secretariat, start);
        var today = start.InZone(coalition.TimeZone).Date;
        var nominees = partners[..7];
        var candidates = governance.Nominate("steering-committee", [.. nominees.Select(p => p.Snapshot)], coalition, today, start);
        var election = Poll.Draft(PollId.New(), new PollDraft(coalition.Id, "Elect the steering committee", candidates, new PollRule(PollMethod.SingleTransferableVote, Seats: 5, Visibility: ResultsVisibility.AfterClose), [chair]), secretariat, start);
        election.Open(coalition.ElectorateFor(MatterType.ElectOfficers, start, names.GetValueOrDefault), start + Duration.FromDays(7), secretariat, start);
        for (var i = 0; i < partners.Length; i++)
        {
            // Each member ranks itself first (if it stands), then the others in a rotating order.
            var order = nominees.Select((p, k) => (p.Id, Rank: p.Id == partners[i].Id ? -1 : (k + i) % nominees.Length))
                .OrderBy(x => x.Rank).Select(x => x.Id.ToString()).ToArray();
            election.CastBallot(PollBallot.Ranked(partners[i].Id, order), For(partners[i].Id), start + Duration.FromHours(1));
        }

        var elected = election.Close(secretariat, start + Duration.FromHours(2), seed: 2026);
        var winners = elected.Winners.Select(w => nominees.Single(n => n.Id.ToString() == w).Snapshot).ToArray();
        governance.ElectSeats("steering-committee", winners, coalition, today, secretariat, start);
        governance.SetRotation("steering-committee", Office.Chair, [.. winners.Select(w => w.Id)], coalition, secretariat, start);
        var committeeChair = governance.Rotate("steering-committee", Office.Chair, coalition, secretariat, start);
        var treasurer = winners.Select(w => w.Id).First(w => w != committeeChair);
        governance.AssignOffice("steering-committee", Office.Treasurer, treasurer, coalition, secretariat, start);

        // The steering committee admitted a new member a month ago: the closed vote shows an explained outcome.
        var monthAgo = start + Duration.FromDays(10);
        var admission = Proposal.Draft(
            ProposalId.New(),
            governance.DraftFor(MatterType.AdmitMember, "Admit Community Libraries", "Community Libraries joins as a full member.", partners[0].Id, [chair], coalition, monthAgo),
            For(partners[0].Id),
            monthAgo);
        admission.Submit(For(partners[0].Id), monthAgo);
        var steering = governance.ElectorateFor(MatterType.AdmitMember, coalition, monthAgo, names: names.GetValueOrDefault);
        admission.OpenVoting(steering, secretariat, monthAgo);
        Stance[] stances = [Stance.Support, Stance.Support, Stance.Oppose, Stance.Support, Stance.Abstain];
        for (var k = 0; k < steering.Voters.Count; k++)
        {
            var voter = steering.Voters[k].Partner;
            admission.CastBallot(voter, stances[k % stances.Length], stances[k % stances.Length] == Stance.Oppose ? "Too soon after the last intake." : null, For(voter), monthAgo + Duration.FromHours(k + 1));
        }

        admission.Close(secretariat, monthAgo + Duration.FromHours(8));

        // Open now: all nine members vote on a public statement by simple majority for seven days. Eight have voted;
        // the Teachers Union has not, so signing in as its delegate shows a ballot to cast.
        var opened = now - Duration.FromDays(1);
        var statement = Proposal.Draft(
            ProposalId.New(),
            new ProposalDraft(coalition.Id, MatterType.IssuePublicStatement, "Statement on the education budget", "The coalition calls on the county to spend six percent of its budget on primary education, and to publish how much reaches each school.", partners[1].Id, DecisionRule.SimpleMajority().WithQuorum(QuorumRule.MajorityOfMembers()), [chair]),
            For(partners[1].Id),
            opened);
        statement.Submit(For(partners[1].Id), opened);
        statement.OpenVoting(coalition.ElectorateFor(MatterType.IssuePublicStatement, opened, names.GetValueOrDefault), secretariat, opened);
        for (var i = 1; i < partners.Length; i++)
        {
            var stance = i is 3 or 7 ? Stance.Oppose : i == 5 ? Stance.Abstain : Stance.Support;
            statement.CastBallot(partners[i].Id, stance, stance == Stance.Oppose ? "Name the ward budgets too." : null, For(partners[i].Id), opened + Duration.FromMinutes(30 * i));
        }

        // Open now: a ranked poll on the theme of the reading week; its results are shown while it is open.
        var theme = Poll.Draft(
            PollId.New(),
            new PollDraft(coalition.Id, "Theme of the reading week", [new PollOption("stories", "Our own stories"), new PollOption("science", "Science for curious readers"), new PollOption("poems", "Poems aloud"), new PollOption("maps", "Maps and journeys")], new PollRule(PollMethod.RankedChoice, Visibility: ResultsVisibility.Always), [chair]),
            secretariat,
            opened);
        theme.Open(coalition.ElectorateFor(MatterType.Custom, opened, names.GetValueOrDefault), now + Duration.FromDays(3), secretariat, opened);
        string[][] rankings = [["stories", "poems"], ["science", "maps", "stories"], ["poems", "stories"], ["maps", "science"], ["stories", "science"], ["science", "stories"], ["poems", "maps", "stories"], ["stories"]];
        for (var i = 1; i < partners.Length; i++)
        {
            theme.CastBallot(PollBallot.Ranked(partners[i].Id, rankings[i - 1]), For(partners[i].Id), opened + Duration.FromHours(i));
        }

        // The steering committee's next meeting, online, next week at 10:00 in Nairobi.
        var seats = governance.SittingMembers("steering-committee", coalition, opened);
        var meeting = Meeting.Convene(
            MeetingId.New(),
            new MeetingPlan(coalition.Id, "Steering committee", MeetingFormat.Online, [.. seats.Select(s => new MeetingParticipant(s, DelegateOf(s), partners.Single(p => p.Id == s).Representatives.First().Name, "Africa/Nairobi", WorkingHours.Office))], [], Body: "steering-committee", OnlineLink: "https://meet.example.org/steering", Purpose: "Prepare the budget hearing and review the reading fund."),
            coalition,
            For(committeeChair),
            opened,
            governance);
        var nextWeek = now.InZone(coalition.TimeZone).Date.PlusDays(7).At(new LocalTime(10, 0)).InZoneLeniently(coalition.TimeZone).ToInstant();
        meeting.AddAgendaItem(new AgendaItem(new AgendaKey("hearing"), "The county budget hearing", AgendaItemKind.Discussion, Duration.FromMinutes(30)), For(committeeChair), opened);
        meeting.AddAgendaItem(new AgendaItem(new AgendaKey("fund"), "The reading fund's statement", AgendaItemKind.Report, Duration.FromMinutes(15), Report: "Treasurer's statement"), For(committeeChair), opened);
        meeting.Schedule(nextWeek, Duration.FromHours(1), For(committeeChair), opened);

        // The reading fund: a grant arrives, a member claims storybooks, the treasurer approves and pays.
        var fundOpened = start + Duration.FromDays(5);
        var fund = PooledFund.Open(
            PooledFundId.New(),
            new FundRules(coalition.Id, "Reading fund", "Storybooks and holiday reading camps.", "steering-committee", Office.Treasurer, [new Money(100_000m, "KES")], []),
            coalition,
            secretariat,
            fundOpened,
            governance);
        var fundDay = fundOpened.InZone(coalition.TimeZone).Date;
        fund.RecordGrant(new GrantIncome("Education Foundation", new Money(400_000m, "KES"), fundDay, "Grant EF-2026-17"), coalition, secretariat, fundOpened);
        var claimant = partners[4].Id;
        var expense = fund.SubmitExpense(new ExpenseClaim(claimant, new Money(80_000m, "KES"), "Storybooks for twelve schools", fundDay.PlusDays(2)), coalition, For(claimant), fundOpened + Duration.FromDays(2));
        fund.ApproveExpense(expense.Number, null, coalition, governance, For(treasurer), fundOpened + Duration.FromDays(3));
        fund.PayExpense(expense.Number, fundDay.PlusDays(4), coalition, governance, For(treasurer), fundOpened + Duration.FromDays(4));

        return [.. partners, coalition, governance, election, admission, statement, theme, meeting, fund];
    }
}
