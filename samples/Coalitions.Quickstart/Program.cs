using Coalitions.Core.Agreements;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Hosting;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Partners;
using Coalitions.Core.Polls;
using Coalitions.Core.Sqlite;
using Coalitions.Core.Storage;
using NodaTime;

// The quickstart tells one story through the API: an education coalition forms, then takes three decisions under
// three different rules, and every outcome explains itself. Each capability the library gains adds a chapter.

var monday = Instant.FromUtc(2026, 3, 2, 9, 0);
var chair = PersonId.New();
var facilitators = new[] { chair };
var secretariat = Actor.ForPerson(chair);

Console.WriteLine("Coalitions.Core quickstart: the Learning for All coalition forms and decides");
Console.WriteLine();

// 0. Partners are registered with what they bring; the coalition forms, scores candidates, adopts its charter.
Chapter("0. The Learning for All coalition forms");
(string Name, Sector Sector, string Region, string[] Focus, string[] Capabilities)[] organizations =
[
    ("Teachers Union", Sector.CommunityGroup, "Nairobi", ["literacy", "teacher training"], ["teacher training"]),
    ("Parents Network", Sector.Ngo, "Nairobi", ["literacy", "parental engagement"], ["community mobilization"]),
    ("Rural Schools Trust", Sector.Ngo, "Rift Valley", ["rural education"], ["school meals"]),
    ("Girls Learn", Sector.Ngo, "Coast", ["girls' education", "literacy"], ["mentoring"]),
    ("Literacy Now", Sector.Ngo, "Nairobi", ["literacy"], ["reading materials"]),
    ("University of the Coast", Sector.AcademicOrResearch, "Coast", ["literacy", "assessment"], ["data analysis"]),
    ("Youth Forum", Sector.CommunityGroup, "Western", ["youth voice"], ["community mobilization"]),
    ("Disability Rights Alliance", Sector.Ngo, "Nairobi", ["inclusive education"], ["advocacy"]),
    ("Open Textbooks", Sector.PrivateSector, "Nairobi", ["literacy", "digital learning"], ["reading materials", "software"]),
    ("Coast FM", Sector.Media, "Coast", ["literacy", "health"], ["media outreach"]),
    ("County Education Office", Sector.GovernmentAgency, "Rift Valley", ["teacher training"], ["school data"]),
];
// Each organization is registered by its own delegate, who becomes its first representative.
var partners = organizations.Select(o =>
{
    var id = PartnerId.New();
    var delegatePerson = PersonId.New();
    return Partner.Register(
        id,
        new PartnerProfile(o.Name, o.Sector, "KE", "Africa/Nairobi", o.Focus, ["equity", "transparency"], o.Capabilities, ["en", "sw"], o.Region),
        new Representative(delegatePerson, $"Delegate of {o.Name}", RepresentativeRole.Delegate),
        Actor.Representing(delegatePerson, id),
        monday);
}).ToArray();
var members = partners[..9].Select(p => new { p.Id, Name = p.Profile.Name, Delegate = p.Representatives.First().Person }).ToArray();
var names = partners.ToDictionary(p => p.Id, p => p.Profile.Name);
Actor Delegate(int i) => Actor.Representing(members[i].Delegate, members[i].Id);

// The person who founds the coalition is its first coordinator: coordinators take its steps and invite members.
var coalitionAggregate = Coalition.Found(CoalitionId.New(), "Learning for All", CoalitionForm.Coalition, "Africa/Nairobi", new Coordinator(chair, "Wanjiru Kamau"), secretariat, monday);
var coalition = coalitionAggregate.Id;
coalitionAggregate.BeginForming(secretariat, monday);

// Who should the nine founding organizations invite next? Score the two candidates against the coalition's needs.
var needs = new CoalitionNeeds(["literacy", "teacher training"], ["equity"], ["media outreach", "school data", "data analysis"], [Sector.Media, Sector.GovernmentAgency, Sector.FaithBased]);
foreach (var fit in PartnerFit.Rank(needs, partners[..9].Select(p => p.Snapshot), partners[9..].Select(p => p.Snapshot)))
{
    Console.WriteLine($"   {fit.Name}: {fit.Score} points ({string.Join("; ", fit.Criteria.Where(c => c.Points > 0).Select(c => c.Explanation))})");
}

var outreach = Outreach.Identify(OutreachId.New(), partners[9].Id, new LocalDate(2026, 3, 2), "Best fit: fills the media gap.", coalitionAggregate, secretariat, monday);
outreach.Record(OutreachStage.Contacted, new LocalDate(2026, 3, 3), "Called the station manager.", coalitionAggregate, secretariat, monday);
outreach.Record(OutreachStage.Met, new LocalDate(2026, 3, 10), null, coalitionAggregate, secretariat, monday);
outreach.Record(OutreachStage.Invited, new LocalDate(2026, 3, 11), null, coalitionAggregate, secretariat, monday);
Console.WriteLine($"   Outreach to {partners[9].Profile.Name}: {string.Join(" -> ", outreach.Steps.Select(s => $"{s.Stage} {s.On:MMM d}"))}");

coalitionAggregate.AdoptFoundingCharter(
    new Charter(
        "Too many children in the county leave primary school unable to read.",
        "Every child in the county reads with confidence.",
        "We combine our schools, libraries, research and advocacy to put reading first.",
        ["Mutuality: each member gives and gains.", "Clear expectations, rights and responsibilities.", "Accountability and transparency to members and communities."],
        ["Listen fully; criticize ideas, not people."],
        [new Goal("Every child reads by age ten", "Ten-year-olds reading at grade level", "%", 58m, 80m, GoalDirection.Increase, new LocalDate(2030, 12, 31))]),
    secretariat,
    monday);
try
{
    // A target below the baseline does not "increase" it: the goal is not measurable.
    coalitionAggregate.AdoptFoundingCharter(
        new Charter("Problem", "Vision", "Mission", ["Mutuality."], [], [new Goal("Improve reading", "Reading", "%", 58m, 50m, GoalDirection.Increase, new LocalDate(2030, 12, 31))]),
        secretariat,
        monday);
}
catch (CoalitionRuleException refused)
{
    Console.WriteLine($"   A vaguer charter is refused [{string.Join(", ", refused.Codes.Distinct())}]");
}

for (var i = 0; i < members.Length; i++)
{
    // While founding, coordinators invite directly; delegates are representatives the partner has named.
    coalitionAggregate.Invite(new MembershipOffer(members[i].Id, i < 3 ? MembershipTier.Founding : MembershipTier.Full, [members[i].Delegate]), partners[i].Snapshot, ruleBook: null, decision: null, secretariat, monday);
    coalitionAggregate.AcceptMembership(members[i].Id, Delegate(i), monday);
}

coalitionAggregate.Activate(secretariat, monday);
Console.WriteLine($"   {coalitionAggregate.Name} is {coalitionAggregate.Status} with {coalitionAggregate.Members.Count} members.");
foreach (var line in DiversityReport.Of(partners[..9].Select(p => p.Snapshot), needs.WantedSectors).Describe().Split('\n'))
{
    Console.WriteLine($"   {line}");
}

Console.WriteLine();

// 0b. The coalition adopts a governance template: bodies, seats, offices and a rule book for every matter.
Chapter("0b. CoalitionGovernance: the advocacy-coalition template, a steering committee and its chair");
var governance = CoalitionGovernance.Establish(coalitionAggregate, GovernanceTemplates.AdvocacyCoalition(), secretariat, monday);
var today = new LocalDate(2026, 3, 2);

// The members elect five of seven candidates to the steering committee by single transferable vote.
var nominees = partners[..7];
var candidates = governance.Nominate("steering-committee", nominees.Select(p => p.Snapshot).ToArray(), coalitionAggregate, today, monday);
var election = Poll.Draft(
    PollId.New(),
    new PollDraft(coalition, "Elect the steering committee", candidates, new PollRule(PollMethod.SingleTransferableVote, Seats: 5), facilitators),
    secretariat,
    monday);
election.Open(coalitionAggregate.PollElectorate(monday, names.GetValueOrDefault), monday + Duration.FromDays(7), secretariat, monday);
for (var i = 0; i < members.Length; i++)
{
    // Each member ranks itself first, then the others in a rotating order: a spread of preferences to transfer.
    var order = nominees.Select(p => p.Id).OrderBy(p => p == members[i].Id ? -1 : (Array.FindIndex(nominees, n => n.Id == p) + i) % nominees.Length)
        .Where(p => nominees.Any(n => n.Id == p)).Select(p => p.ToString()).ToArray();
    election.CastBallot(PollBallot.Ranked(members[i].Id, order), Delegate(i), monday + Duration.FromHours(1));
}

var elected = election.Close(secretariat, monday + Duration.FromHours(2), seed: 2026);
var winners = elected.Winners.Select(w => nominees.Single(n => n.Id.ToString() == w).Snapshot).ToArray();
governance.ElectSeats("steering-committee", winners, coalitionAggregate, today, secretariat, monday);
Console.WriteLine($"   STV election, {elected.Rounds.Count} rounds: {string.Join(", ", winners.Select(w => w.Profile.Name))} elected.");

governance.SetRotation("steering-committee", Office.Chair, winners.Select(w => w.Id).ToArray(), coalitionAggregate, secretariat, monday);
var firstChair = governance.Rotate("steering-committee", Office.Chair, coalitionAggregate, secretariat, monday);
Console.WriteLine($"   Bodies: {string.Join(", ", governance.Bodies.Select(b => b.IsOpenToAllMembers ? b.Name : $"{b.Name} ({(b.Seats == 1 ? "1 seat" : $"{b.Seats} seats")})"))}.");
Console.WriteLine($"   Steering committee: {string.Join(", ", governance.SittingMembers("steering-committee", coalitionAggregate, monday).Select(p => names[p]))}; chair {names[firstChair]}, rotating yearly.");
Console.WriteLine($"   Admitting a member is decided by the steering committee: {governance.Rules[MatterType.AdmitMember].Rule.Describe()}.");
try
{
    governance.Appoint("steering-committee", 6, partners[0].Snapshot, coalitionAggregate, today, interim: false, secretariat, monday);
}
catch (CoalitionRuleException refused)
{
    Console.WriteLine($"   Refused [{refused.Code}]: {refused.Message}");
}

Console.WriteLine();

// 0c. The founding members sign the coalition's memorandum of understanding, with their commitments.
Chapter("0c. The founding members sign the memorandum of understanding");
var mou = Agreement.Draft(
    AgreementId.New(),
    new AgreementDraft(
        AgreementType.MemorandumOfUnderstanding,
        "Memorandum of understanding of Learning for All",
        members[..3].Select(m => new AgreementParty(m.Id, m.Name, [m.Delegate])).ToArray(),
        new AgreementText(
            [
                new Clause("purpose", ClauseKind.Purpose, "Purpose", "The parties work together so that every child in the county reads by age ten."),
                new Clause("roles", ClauseKind.Roles, "Roles", "The Teachers Union hosts the secretariat; the others lead working groups."),
                new Clause("termination", ClauseKind.Termination, "Termination", "A party may withdraw with three months' notice."),
            ],
            [
                new Commitment("secretariat", members[0].Id, CommitmentKind.StaffTime, "Half a post for the secretariat", new LocalDate(2026, 4, 30), Hours: 400m),
                new Commitment("reading-fund", members[1].Id, CommitmentKind.Money, "Contribution to the reading fund", new LocalDate(2026, 6, 30), new Money(250_000m, "KES")),
                new Commitment("school-list", members[2].Id, CommitmentKind.Deliverable, "List of partner schools", new LocalDate(2026, 5, 15)),
            ],
            new AgreementTerms(new LocalDate(2026, 3, 2), new LocalDate(2028, 3, 1), Period.FromMonths(3)))),
    coalitionAggregate,
    Delegate(0),
    monday);
mou.Circulate(Delegate(0), monday);
for (var i = 0; i < 3; i++)
{
    mou.Sign(members[i].Id, Delegate(i), monday + Duration.FromHours(i + 1));
}

mou.RecordFulfilment("secretariat", new LocalDate(2026, 4, 20), "Coordinator hired.", Delegate(0), Instant.FromUtc(2026, 4, 21, 9, 0));
mou.RecordFulfilment("school-list", new LocalDate(2026, 5, 10), null, Delegate(2), Instant.FromUtc(2026, 5, 11, 9, 0));
Console.WriteLine($"   '{mou.Title}' is {mou.StatusOn(new LocalDate(2026, 3, 3))}, version {mou.InForce!.Number}, signed by {mou.Signatures.Count} parties.");
foreach (var member in members[..3])
{
    foreach (var (commitment, status) in mou.CommitmentsOf(member.Id, new LocalDate(2026, 7, 15)))
    {
        Console.WriteLine($"   On 15 July 2026, {names[member.Id]}: {commitment.Description} (due {commitment.Due:d MMM}) is {status}.");
    }
}

Console.WriteLine();

// 1. The steering committee (five members) admits a new member by two thirds, with a quorum of one half.
Chapter("1. The steering committee admits a member by a two-thirds vote");
// The rule book gives the rule (two thirds, quorum one half) and the electorate (the steering committee's seats).
var steering = governance.ElectorateFor(MatterType.AdmitMember, coalitionAggregate, monday, names: names.GetValueOrDefault);
var admissionDraft = governance.DraftFor(MatterType.AdmitMember, "Admit Community Libraries", "Community Libraries joins as a full member.", members[0].Id, facilitators, coalitionAggregate, monday);
var admission = Proposal.Draft(ProposalId.New(), admissionDraft with { SecondersRequired = 1 }, Delegate(0), monday);
admission.Submit(Delegate(0), monday);
admission.Second(members[1].Id, coalitionAggregate.ElectorateFor(MatterType.AdmitMember, monday), Delegate(1), monday);
admission.OpenVoting(steering, Actor.ForPerson(chair), monday);
// The five seat holders vote; ballots are cast by each member's own delegate.
var seatHolders = steering.Voters.Select(v => Array.FindIndex(members, m => m.Id == v.Partner)).ToArray();
(Stance Stance, string? Reason)[] stances = [(Stance.Support, null), (Stance.Support, null), (Stance.Oppose, "Too soon after the last intake."), (Stance.Support, null), (Stance.Abstain, null)];
for (var k = 0; k < 4; k++)
{
    admission.CastBallot(members[seatHolders[k]].Id, stances[k].Stance, stances[k].Reason, Delegate(seatHolders[k]), monday + Duration.FromHours(k + 1));
}

// Only a member's own delegate may cast its ballot: the refusal carries a stable code and changes nothing.
try
{
    admission.CastBallot(members[seatHolders[4]].Id, Stance.Support, null, Delegate(seatHolders[3]), monday + Duration.FromHours(5));
}
catch (CoalitionRuleException refused)
{
    Console.WriteLine($"   Refused [{refused.Code}]: {refused.Message}");
}

admission.CastBallot(members[seatHolders[4]].Id, stances[4].Stance, null, Delegate(seatHolders[4]), monday + Duration.FromHours(6));
admission.Close(Actor.ForPerson(chair), monday + Duration.FromHours(7));
Print(admission);

// 2. All nine members issue a public statement by silence procedure: adopted at the deadline unless someone objects.
Chapter("2. The members issue a public statement by silence procedure");
var everyone = coalitionAggregate.ElectorateFor(MatterType.IssuePublicStatement, monday, names.GetValueOrDefault);
var silence = DecisionRule.SilenceProcedure(Duration.FromHours(72));
var statement = PutToVote(MatterType.IssuePublicStatement, "Statement on the education budget", "The coalition calls for 6 % of GDP for education.", proposer: 1, silence);
Console.WriteLine($"   Can the scheduler close it after 24 hours? {statement.CanClose(monday + Duration.FromHours(24)).IsAllowed}");
statement.Close(Actor.System("scheduler"), monday + Duration.FromHours(72));
Print(statement);

// 3. The general assembly amends the charter by consensus; a block brings in the fallback: three quarters of votes cast.
Chapter("3. The assembly amends the charter: consensus, falling back to three quarters");
var threeQuarters = DecisionRule.MajorityVote(PassCondition.AtLeast(Fraction.ThreeQuarters, VoteBase.VotesCast));
var consensus = DecisionRule.Consensus(new StandAsideLimit(2, null))
    .WithQuorum(QuorumRule.OfMembers(Fraction.TwoThirds))
    .WithFallback(threeQuarters, FallbackWhen.Blocked);
var amendment = PutToVote(MatterType.AmendCharter, "Add inclusive education to the mission", "The mission names learners with disabilities.", proposer: 7, consensus);
for (var i = 0; i < members.Length; i++)
{
    var (stance, reason) = i switch
    {
        2 => (Stance.Block, "The charter should stay short; put this in the strategy instead."),
        5 => (Stance.StandAside, null),
        _ => (Stance.Support, (string?)null),
    };
    amendment.CastBallot(members[i].Id, stance, reason, Delegate(i), monday + Duration.FromHours(1));
}

amendment.Close(Actor.ForPerson(chair), monday + Duration.FromHours(2));
Print(amendment);
Console.WriteLine($"   The fallback opens round {amendment.Round}: {amendment.CurrentRule.Describe()}");
for (var i = 0; i < members.Length; i++)
{
    amendment.CastBallot(members[i].Id, i == 2 ? Stance.Oppose : Stance.Support, null, Delegate(i), monday + Duration.FromHours(3));
}

amendment.Close(Actor.ForPerson(chair), monday + Duration.FromHours(4));
Print(amendment);
amendment.MarkImplemented("Charter text updated on the website.", Actor.ForPerson(chair), monday + Duration.FromDays(2));

// 3b. The next meeting: a meeting-time poll across the members' availability.
Chapter("3b. The next assembly: a meeting-time poll");
var slots = new[] { new PollOption("tue", "Tuesday 24 March, 10:00 EAT"), new PollOption("thu", "Thursday 26 March, 14:00 EAT"), new PollOption("sat", "Saturday 28 March, 09:00 EAT") };
var meeting = Poll.Draft(PollId.New(), new PollDraft(coalition, "When should the assembly meet?", slots, new PollRule(PollMethod.MeetingTime, Visibility: ResultsVisibility.Always), facilitators), secretariat, monday);
meeting.Open(everyone, monday + Duration.FromDays(3), secretariat, monday);
for (var i = 0; i < members.Length; i++)
{
    var answers = new Dictionary<string, SlotAnswer>
    {
        ["tue"] = i % 3 == 0 ? SlotAnswer.No : SlotAnswer.Yes,
        ["thu"] = i % 2 == 0 ? SlotAnswer.Yes : SlotAnswer.IfNeedBe,
        ["sat"] = i < 3 ? SlotAnswer.Yes : SlotAnswer.No,
    };
    meeting.CastBallot(PollBallot.Availability(members[i].Id, answers), Delegate(i), monday + Duration.FromHours(5));
}

Console.WriteLine($"   {meeting.Close(secretariat, monday + Duration.FromDays(3), seed: 0).Explanation}");
Console.WriteLine();

ProxyChapter.Run(coalition, coalitionAggregate.ElectorateFor(MatterType.AdoptPolicyPosition, monday, names.GetValueOrDefault), [.. members.Select(m => (m.Id, m.Delegate))], chair, monday);
MeetingsChapter.Run(coalitionAggregate, governance, partners, firstChair, statement.Reference!, secretariat, monday + Duration.FromDays(4));
JointWorkChapter.Run(coalitionAggregate, governance, mou, amendment, members.Select(m => m.Id).ToArray(), Delegate, secretariat, names);

AdvocacyChapter.Run(coalitionAggregate, governance, partners[..9], chair, monday, [admission, statement, amendment]);
// 4. Every change is an event: the whole story is saved to a SQLite file, then rebuilt from it.
Chapter("4. The record: saved to a SQLite file and rebuilt");
var folder = Directory.CreateTempSubdirectory("coalitions-quickstart-");
var databaseFile = Path.Combine(folder.FullName, "learning-for-all.db");
IAggregate[] story = [.. partners, outreach, coalitionAggregate, governance, election, mou, admission, statement, amendment, meeting];
var eventCount = story.Sum(a => a.UncommittedEvents.Count);
using (var events = SqliteEventStore.Open(databaseFile))
{
    var store = new AggregateStore(events, SystemClock.Instance);
    foreach (var aggregate in story)
    {
        await store.SaveAsync(aggregate);
    }
}

Console.WriteLine($"   {story.Length} aggregates, {eventCount} events saved to {Path.GetFileName(databaseFile)}.");
Console.WriteLine($"   The coalition and its governance share an id, not a stream: {coalitionAggregate.StreamName[..18]}..., {governance.StreamName[..19]}...");
using (var events = SqliteEventStore.Open(databaseFile))
{
    var store = new AggregateStore(events, SystemClock.Instance);
    var rebuilt = await store.LoadAsync<Proposal>(amendment.Id);
    var rebuiltCoalition = await store.LoadAsync<Coalition>(coalition);
    Console.WriteLine($"   Rebuilt: {rebuiltCoalition.Name}, {rebuiltCoalition.Status}, {rebuiltCoalition.Members.Count} members; the charter amendment {rebuilt.Status}, {rebuilt.Rounds.Count} rounds, result {rebuilt.Outcome!.Result}.");
    var first = (await events.ReadStreamAsync(rebuilt.StreamName, 1))[0];
    Console.WriteLine($"   Its first event, as stored: {first.Data[..Math.Min(first.Data.Length, 96)]}...");

    // The scheduler's view of the same log: what falls due by 1 July 2026.
    var schedule = new ScheduledWork();
    await schedule.CatchUpAsync(events);
    foreach (var due in schedule.DueAt(Instant.FromUtc(2026, 7, 1, 0, 0)))
    {
        Console.WriteLine($"   Due {due.DueAt:yyyy-MM-dd}: {due.Kind} {due.Subject}{(due.IsNotice ? " (a notice)" : $" -> {due.Command}")}");
    }
}

folder.Delete(recursive: true);

// Draft, submit and open a proposal before all members, as chapter 1 did step by step.
Proposal PutToVote(MatterType matter, string title, string text, int proposer, DecisionRule rule)
{
    var proposal = Proposal.Draft(ProposalId.New(), new ProposalDraft(coalition, matter, title, text, members[proposer].Id, rule, facilitators), Delegate(proposer), monday);
    proposal.Submit(Delegate(proposer), monday);
    proposal.OpenVoting(coalitionAggregate.ElectorateFor(matter, monday, names.GetValueOrDefault), Actor.ForPerson(chair), monday);
    return proposal;
}

static void Chapter(string title)
{
    Console.WriteLine(title);
}

// The explanation is rendered when read, from the closed round's figures and rule.
static void Print(Proposal proposal)
{
    foreach (var line in proposal.Explanation!.Split('\n'))
    {
        Console.WriteLine($"   {line}");
    }

    Console.WriteLine();
}
