#pragma warning disable IDE0008, IDE0039 // the guide's code reads as a program's top-level statements
#region snippet:usings
using Coalitions.Core.Agreements;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Partners;
using Coalitions.Core.Polls;
using Coalitions.Core.Storage;
using NodaTime;
#endregion

// Outside the Coalitions.Core namespaces, as a host's program is: there `Coalition` names the aggregate.
namespace GuideCode;

/// <summary>What the getting-started program built, for Coalitions.Core.Tests.Docs.GettingStartedGuideTests to check.</summary>
public sealed record GettingStartedRun(
    IReadOnlyList<Partner> Partners,
    PersonId CoordinatorPerson,
    Actor Coordinator,
    Coalition Coalition,
    CoalitionGovernance Governance,
    Poll Election,
    PollResult Elected,
    Proposal Proposal,
    DecisionOutcome Outcome,
    Poll Poll,
    PollResult Themes,
    Agreement Mou,
    InMemoryEventStore Events,
    Coalition Rebuilt,
    long VersionBeforeRefusal,
    string Refusal);

/// <summary>
/// The code of docs/getting-started.md: one program from registering partners to handling a refusal. Each region
/// between <c>#region snippet:NAME</c> and <c>#endregion</c> is copied into the page's block marked
/// <c>&lt;!-- snippet: NAME --&gt;</c>; Coalitions.Core.Tests.Docs.GettingStartedGuideTests keeps both equal and runs
/// this code. The writer is named <c>Console</c> so that the lines read exactly as the page's program, which writes to
/// the console.
/// </summary>
public static class GettingStartedGuide
{
    public static async Task<GettingStartedRun> RunAsync(TextWriter Console)
    {
        #region snippet:partners
        // Time is always a parameter: the library never reads the clock. The story starts on Monday 2 March 2026.
        var monday = Instant.FromUtc(2026, 3, 2, 9, 0);
        var today = new LocalDate(2026, 3, 2);

        // Every organization is a Partner, registered by a person who represents it (its first representative).
        string[] organizations = ["Teachers Union", "Parents Network", "Literacy Now", "Girls Learn", "Rural Schools Trust", "Coast FM", "Community Libraries"];
        var partners = new List<Partner>();
        foreach (var name in organizations)
        {
            var partnerId = PartnerId.New();
            var representative = new Representative(PersonId.New(), $"Delegate of {name}", RepresentativeRole.Delegate);
            var profile = new PartnerProfile(name, Sector.Ngo, "KE", "Africa/Nairobi", ["literacy"], ["equity"], ["advocacy"], ["en", "sw"]);
            partners.Add(Partner.Register(partnerId, profile, representative, Actor.Representing(representative.Person, partnerId), monday));
        }

        var founders = partners.Take(6).ToList();   // the first six found the coalition
        var newcomer = partners[6];                 // Community Libraries joins later, by decision

        // An organization acts through a person it has named: the Actor is that person, acting for the partner.
        Actor DelegateOf(Partner partner) => Actor.Representing(partner.Representatives.First().Person, partner.Id);
        #endregion

        #region snippet:found
        // The person who founds the coalition is its first coordinator; coordinators administer it.
        var coordinatorPerson = PersonId.New();
        var coordinator = Actor.ForPerson(coordinatorPerson);
        var coalition = Coalition.Found(CoalitionId.New(), "Learning for All", CoalitionForm.Coalition, "Africa/Nairobi",
            new Coordinator(coordinatorPerson, "Wanjiru Kamau"), coordinator, monday);
        coalition.BeginForming(coordinator, monday);

        // While the coalition is forming, a coordinator adopts its first charter without a decision: there is nobody
        // to decide yet. Every goal is measurable: an indicator, a unit, a baseline, a target and a deadline.
        var charter = new Charter(
            Problem: "Too many children leave primary school unable to read.",
            Vision: "Every child in the county reads with confidence.",
            Mission: "We combine our schools, libraries and advocacy to put reading first.",
            Principles: ["Each member gives and gains.", "We account to our members and communities."],
            GroundRules: ["Criticize ideas, not people."],
            Goals: [new Goal("Every child reads by age ten", "Ten-year-olds reading at grade level", "%", 58m, 80m, GoalDirection.Increase, new LocalDate(2030, 12, 31))]);
        coalition.AdoptCharter(charter, decision: null, coordinator, monday);
        #endregion

        #region snippet:members
        // While founding, a coordinator invites members directly; each accepts through one of its delegates.
        foreach (var founder in founders)
        {
            var offer = new MembershipOffer(founder.Id, MembershipTier.Founding, [founder.Representatives.First().Person]);
            coalition.Invite(offer, founder.Snapshot, ruleBook: null, decision: null, coordinator, monday);
            coalition.AcceptMembership(founder.Id, DelegateOf(founder), monday);
        }

        // Activation needs the charter and the founding minimum (three unless Found says otherwise) of founding members.
        coalition.Activate(coordinator, monday);
        Console.WriteLine($"{coalition.Name} is {coalition.Status} with {coalition.Members.Count} members.");
        #endregion

        #region snippet:governance
        // A governance template gives the coalition its bodies, seats, offices and a rule book for every matter.
        var governance = CoalitionGovernance.Establish(coalition, GovernanceTemplates.AdvocacyCoalition(), coordinator, monday);

        // The members elect three of four candidates to the steering committee by single transferable vote. Nominate
        // checks that each candidate may sit and turns them into the poll's options (keyed by partner id).
        var candidates = governance.Nominate("steering-committee", founders.Take(4).Select(p => p.Snapshot).ToList(), coalition, today, monday);
        var election = Poll.Draft(
            PollId.New(),
            new PollDraft(coalition.Id, "Elect the steering committee", candidates, new PollRule(PollMethod.SingleTransferableVote, Seats: 3), [coordinatorPerson]),
            coordinator,
            monday);

        // The electorate is every member that may vote, frozen when the poll opens; the deadline is a week away.
        election.Open(coalition.ElectorateFor(MatterType.ElectOfficers, monday), monday + Duration.FromDays(7), coordinator, monday);
        string[][] rankings =
        [
            [candidates[0].Key, candidates[1].Key],
            [candidates[0].Key, candidates[1].Key],
            [candidates[0].Key, candidates[2].Key],
            [candidates[1].Key],
            [candidates[2].Key],
            [candidates[3].Key, candidates[2].Key],
        ];
        for (var i = 0; i < founders.Count; i++)
        {
            election.CastBallot(PollBallot.Ranked(founders[i].Id, rankings[i]), DelegateOf(founders[i]), monday + Duration.FromHours(1));
        }

        // A facilitator closes the poll (here before the deadline: everyone has voted). The seed breaks any tie by a
        // lot that anyone can replay; the explanation is the count, round by round.
        var elected = election.Close(coordinator, monday + Duration.FromHours(2), seed: 2026);
        Console.WriteLine(elected.Explanation);

        // The winners take their seats.
        var winners = elected.Winners.Select(key => founders.Single(p => p.Id.ToString() == key).Snapshot).ToList();
        governance.ElectSeats("steering-committee", winners, coalition, today, coordinator, monday + Duration.FromHours(2));
        #endregion

        #region snippet:decide
        // The rule book says who decides what, and how. DraftFor fills in the rule for admitting a member (the steering
        // committee, two thirds, quorum one half); ElectorateFor lists who votes (the committee's sitting members).
        var proposer = founders[0];
        var draft = governance.DraftFor(MatterType.AdmitMember, "Admit Community Libraries", "Community Libraries joins as a full member.",
            proposer.Id, [coordinatorPerson], coalition, monday);
        var proposal = Proposal.Draft(ProposalId.New(), draft, DelegateOf(proposer), monday);
        proposal.Submit(DelegateOf(proposer), monday);
        var committee = governance.ElectorateFor(MatterType.AdmitMember, coalition, monday);
        proposal.OpenVoting(committee, coordinator, monday + Duration.FromHours(3));   // freezes the electorate

        foreach (var voter in committee.Voters)
        {
            var member = partners.Single(p => p.Id == voter.Partner);
            proposal.CastBallot(voter.Partner, Stance.Support, null, DelegateOf(member), monday + Duration.FromHours(4));
        }

        var outcome = proposal.Close(coordinator, monday + Duration.FromHours(5));
        Console.WriteLine(proposal.Explanation);

        // The adopted decision authorizes the act: the invitation cites it, and the coalition checks it against its rule book.
        coalition.Invite(
            new MembershipOffer(newcomer.Id, MembershipTier.Full, [newcomer.Representatives.First().Person]),
            newcomer.Snapshot, ruleBook: governance, decision: proposal.Reference, coordinator, monday + Duration.FromHours(6));
        coalition.AcceptMembership(newcomer.Id, DelegateOf(newcomer), monday + Duration.FromHours(7));
        #endregion

        #region snippet:poll
        // A poll asks the members a question. Approval voting: each member marks every theme it can support.
        PollOption[] themes = [new("libraries", "School libraries"), new("teachers", "Reading teachers"), new("books", "Books at home")];
        var poll = Poll.Draft(
            PollId.New(),
            new PollDraft(coalition.Id, "Which theme should our first campaign take?", themes, new PollRule(PollMethod.Approval), [coordinatorPerson]),
            coordinator,
            monday + Duration.FromDays(1));
        poll.Open(coalition.ElectorateFor(MatterType.Custom, monday + Duration.FromDays(1)), monday + Duration.FromDays(4), coordinator, monday + Duration.FromDays(1));
        foreach (var member in partners)
        {
            string[] approved = member == newcomer ? ["libraries"] : ["libraries", "books"];
            poll.CastBallot(PollBallot.Ranked(member.Id, approved), DelegateOf(member), monday + Duration.FromDays(2));
        }

        var themeResult = poll.Close(coordinator, monday + Duration.FromDays(4), seed: 0);
        Console.WriteLine(themeResult.Explanation);
        #endregion

        #region snippet:agreement
        // Three members sign a memorandum of understanding. Each party names the people who may sign for it.
        var signing = founders.Take(3).ToList();
        var mou = Agreement.Draft(
            AgreementId.New(),
            new AgreementDraft(
                AgreementType.MemorandumOfUnderstanding,
                "Memorandum of understanding on school libraries",
                signing.Select(p => new AgreementParty(p.Id, p.Profile.Name, [p.Representatives.First().Person])).ToList(),
                new AgreementText(
                    [
                        new Clause("purpose", ClauseKind.Purpose, "Purpose", "The parties open a library in every partner school."),
                        new Clause("termination", ClauseKind.Termination, "Termination", "A party may withdraw with three months' notice."),
                    ],
                    [new Commitment("school-list", signing[2].Id, CommitmentKind.Deliverable, "List of partner schools", new LocalDate(2026, 5, 15))],
                    new AgreementTerms(today, new LocalDate(2028, 3, 1), Period.FromMonths(3)))),
            coalition,
            DelegateOf(signing[0]),
            monday + Duration.FromDays(5));
        mou.Circulate(DelegateOf(signing[0]), monday + Duration.FromDays(5));
        foreach (var party in signing)
        {
            mou.Sign(party.Id, DelegateOf(party), monday + Duration.FromDays(6));
        }

        Console.WriteLine($"'{mou.Title}' is {mou.StatusOn(today.PlusDays(7))}; the school list is {mou.CommitmentStatusOn("school-list", new LocalDate(2026, 6, 1))} on 1 June.");
        #endregion

        #region snippet:persist
        // Every change is an event. AggregateStore appends each aggregate's new events to an event store, and rebuilds
        // aggregates from them. InMemoryEventStore keeps them in memory; the Coalitions.Core.Sqlite package keeps them
        // in a file. The clock only stamps when events were recorded.
        var events = new InMemoryEventStore();
        var store = new AggregateStore(events, SystemClock.Instance);
        IAggregate[] story = [.. partners, coalition, governance, election, proposal, poll, mou];
        foreach (var aggregate in story)
        {
            await store.SaveAsync(aggregate);
        }

        // Later, in another request: rebuild the coalition from its stream.
        var rebuilt = await store.LoadAsync<Coalition>(coalition.Id);
        Console.WriteLine($"Rebuilt {rebuilt.Name}: {rebuilt.Status}, {rebuilt.Members.Count} members, charter version {rebuilt.CharterVersion}.");
        #endregion

        #region snippet:refusal
        // A refused command throws CoalitionRuleException with a stable code, and the aggregate is unchanged. Once the
        // coalition is active, its charter changes only by an adopted decision to amend it.
        var versionBefore = rebuilt.Version;
        var refusal = "";
        try
        {
            rebuilt.AdoptCharter(rebuilt.Charter! with { Vision = "Every child reads." }, decision: null, coordinator, monday + Duration.FromDays(8));
        }
        catch (CoalitionRuleException refused) when (refused.Has(ErrorCodes.Coalitions.DecisionRequired))
        {
            refusal = refused.Message;
            Console.WriteLine($"Refused [{refused.Code}]: {refused.Message}");
        }

        Console.WriteLine($"Still version {rebuilt.Version}, with {rebuilt.UncommittedEvents.Count} new events to save.");
        #endregion

        return new GettingStartedRun(partners, coordinatorPerson, coordinator, coalition, governance, election, elected, proposal, outcome, poll, themeResult, mou, events, rebuilt, versionBefore, refusal);
    }
}
