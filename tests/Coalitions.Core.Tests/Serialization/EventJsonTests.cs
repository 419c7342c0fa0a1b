using System.Reflection;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Initiatives;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Partners;
using Coalitions.Core.Polls;
using Coalitions.Core.Resources;
using Coalitions.Core.Serialization;
using NodaTime;
using Snapshooter.Xunit;
using static Coalitions.Core.Decisions.Stance;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using JointWork = Coalitions.Core.Tests.Kit.JointWorkScenario;
using PartnerAggregate = global::Coalitions.Core.Partners.Partner;

namespace Coalitions.Core.Tests.Serialization;

public class EventJsonTests
{
    /// <summary>Event streams produced by real commands, covering every event type of the package.</summary>
    public static IReadOnlyList<IDomainEvent> SampleEvents()
    {
        var events = new List<IDomainEvent>();

        var chambers = new Electorate([Voter(1, chamber: "north"), Voter(2, chamber: "south"), Voter(3, chamber: "south", veto: true)], [new Chamber("north", 1), new Chamber("south", 1)]);
        var consensus = DecisionRule.Consensus(new StandAsideLimit(1, null))
            .WithQuorum(QuorumRule.OfMembersPresent(Fraction.Half))
            .WithFallback(DecisionRule.ChamberVote(PassCondition.MoreThan(Fraction.Half, VoteBase.VotesCast)).WithVeto(), FallbackWhen.Blocked);
        var proposal = Discussed(consensus, secondersRequired: 1);
        proposal.Revise("The coalition publishes all its data openly.", "Clearer scope.", For(1), Hours(1));
        proposal.SecondBy(2, chambers, atHours: 2);
        proposal.OpenVoting(chambers, ChairActor, Hours(3));
        proposal.RecordAttendance([Partner(1), Partner(2), Partner(3)], ChairActor, Hours(3));
        proposal.Vote(1, Support, 4);
        proposal.Vote(2, Block, 4, "Costs are not covered.");
        proposal.Vote(3, Support, 4);
        proposal.Close(ChairActor, Hours(5));
        proposal.Vote(1, Support, 6);
        proposal.Vote(2, Abstain, 6);
        proposal.Vote(3, Support, 6);
        proposal.Close(ChairActor, Hours(7));
        proposal.MarkImplemented("Data portal launched.", ChairActor, Hours(100));
        proposal.ScheduleReview(new LocalDate(2027, 3, 1), ChairActor, Hours(100));
        events.AddRange(proposal.DequeueUncommittedEvents());

        var late = Voting(
            DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half)).WithVotingPeriod(Duration.FromHours(48)).WithLateQuorumExtension(Duration.FromHours(24)),
            Members(4));
        late.DeclareConflictOfInterest(Partner(4), "Our director sits on the applicant's board.", For(4), Hours(1));
        late.Vote(1, Support, 10);
        late.Vote(2, Support, 40);
        late.Withdraw("Overtaken by events.", For(1), Hours(41));
        events.AddRange(late.DequeueUncommittedEvents());

        // Proxies (FSC: at most five per holder): member 4's standing proxy is frozen when voting opens and revoked;
        // member 2 gives its vote on the proposal to member 3's representative, who casts it.
        var proxied = Discussed(DecisionRule.SimpleMajority().WithQuorum(QuorumRule.MajorityOfMembers()).WithProxies(5, countTowardQuorum: false));
        proxied.OpenVoting(Members(4), ChairActor, Start, [new StandingProxy(Partner(4), Person(3), Partner(3), Person(4), Start - Duration.FromDays(30))]);
        proxied.GrantProxy(Partner(2), Person(3), Partner(3), For(2), Hours(1));
        proxied.CastBallot(Partner(2), Support, null, Actor.Representing(Person(3), Partner(2)), Hours(2));
        proxied.RevokeProxy(Partner(4), For(4), Hours(3));
        proxied.Vote(1, Support, 4);
        proxied.Vote(3, Oppose, 4);
        proxied.Vote(4, Abstain, 4);
        proxied.Close(ChairActor, Hours(5));
        events.AddRange(proxied.DequeueUncommittedEvents().Skip(2));

        var partner = PartnerAggregate.Register(Partner(1), Kit.PartnerScenario.Profile(), new Representative(Person(1), "Amina Otieno", RepresentativeRole.Delegate), For(1), Start);
        partner.UpdateProfile(Kit.PartnerScenario.Profile(region: "Coast"), For(1), Hours(1));
        partner.AddRepresentative(new Representative(Person(2), "Baraka Mwangi", RepresentativeRole.Alternate), For(1), Hours(1));
        partner.RemoveRepresentative(Person(1), For(1), Hours(2));
        events.AddRange(partner.DequeueUncommittedEvents());

        var reachingOut = Founded();
        var outreach = Outreach.Identify(OutreachId.FromGuid(Guid.Parse("e0000000-0000-0000-0000-000000000001")), Partner(5), new LocalDate(2026, 3, 2), "County forum.", reachingOut, Secretariat, Start);
        outreach.Record(OutreachStage.Contacted, new LocalDate(2026, 3, 3), null, reachingOut, Secretariat, Hours(1));
        events.AddRange(outreach.DequeueUncommittedEvents());

        var coalition = ActiveWith(founders: 3);
        coalition.Join(4, MembershipTier.Full, Hours(1));
        coalition.Renew(Partner(4), Secretariat, Hours(2));
        coalition.AppointCoordinator(new Coordinator(Person(801), "Baraka Mwangi"), Adopted(MatterType.ElectOfficers), Secretariat, Hours(2));
        coalition.RemoveCoordinator(Person(801), null, Actor.ForPerson(Person(801)), Hours(2));
        coalition.UpdateDelegates(new PartnerSnapshot(Partner(4), Kit.PartnerScenario.Profile("Member 4"), [Person(4), Person(40)]), [Person(40)], For(4), Hours(2));
        coalition.Suspend(Partner(4), Adopted(MatterType.SuspendMember), Secretariat, Hours(3));
        coalition.Reinstate(Partner(4), null, Secretariat, Hours(4));
        coalition.Withdraw(Partner(4), "Merged with another member.", Actor.Representing(Person(40), Partner(4)), Hours(5));
        coalition.Expel(Partner(3), Adopted(MatterType.ExpelMember), Secretariat, Hours(6));
        events.AddRange(coalition.DequeueUncommittedEvents());

        var members = Kit.GovernanceScenario.NineMembers();
        var governance = Kit.GovernanceScenario.With(GovernanceTemplates.MultiStakeholderPlatform(), members);
        governance.AssignChamber(Partner(4), "social", "north", members, Secretariat, Hours(1));
        governance.Appoint("board", 4, Kit.GovernanceScenario.Candidate(4), members, new LocalDate(2026, 3, 2), false, Secretariat, Hours(1));
        governance.AssignOffice("board", Office.Chair, Partner(4), members, Secretariat, Hours(2));
        governance.SetRotation("board", Office.Chair, [Partner(4)], members, Secretariat, Hours(2));
        governance.Vacate("board", 4, new LocalDate(2026, 9, 1), "Resigned.", members, Secretariat, Hours(3));
        governance.SetRule(MatterType.ApproveBudget, new RuleBookEntry("board", DecisionRule.SimpleMajority()), Adopted(MatterType.AmendCharter), members, Secretariat, Hours(4));
        var governanceEvents = governance.DequeueUncommittedEvents();

        // The template's eleven rule-book lines are alike; one of them, and the later change, pin the shape.
        events.AddRange(governanceEvents.Where((e, i) => e is not RuleBookEntrySet || i == 3 || i == governanceEvents.Count - 1));

        var agreement = Kit.AgreementScenario.Circulating();
        agreement.Sign(Partner(1), For(1), Hours(1));
        agreement.Revise(Kit.AgreementScenario.Text("Member 2 hosts the secretariat."), For(1), Hours(2));
        for (var p = 1; p <= 3; p++)
        {
            agreement.Sign(Partner(p), For(p), Hours(3));
        }

        agreement.RecordFulfilment("secretariat-time", new LocalDate(2026, 4, 20), "Post filled.", For(1), Hours(4));
        agreement.Waive("baseline-study", "Done by the university.", Adopted(MatterType.AmendAgreement), For(1), Hours(4));
        agreement.ProposeAmendment(Kit.AgreementScenario.Text("Member 3 hosts the secretariat."), null, For(2), Hours(5));
        agreement.GiveNotice(Partner(3), "Funding ended.", For(3), Hours(6));
        agreement.Terminate("The coalition dissolved.", Adopted(MatterType.Dissolve), For(1), Hours(7));
        events.AddRange(agreement.DequeueUncommittedEvents());

        PollOption[] slots = [new("mon", "Monday 10:00"), new("tue", "Tuesday 14:00")];
        var poll = Poll.Draft(PollId.FromGuid(Guid.Parse("e1000000-0000-0000-0000-000000000001")), new PollDraft(TheCoalition, "When do we meet?", slots, new PollRule(PollMethod.MeetingTime), [Chair]), ChairActor, Start);
        poll.Open(Members(2), Hours(48), ChairActor, Start);
        poll.CastBallot(PollBallot.Availability(Partner(1), new Dictionary<string, SlotAnswer> { ["mon"] = SlotAnswer.Yes, ["tue"] = SlotAnswer.IfNeedBe }), For(1), Hours(1));
        poll.ChangeVisibility(ResultsVisibility.AfterClose, ChairActor, Hours(2));
        poll.Close(ChairActor, Hours(48), seed: 42);
        events.AddRange(poll.DequeueUncommittedEvents());
        var cancelled = Poll.Draft(PollId.FromGuid(Guid.Parse("e1000000-0000-0000-0000-000000000002")), new PollDraft(TheCoalition, "Theme?", slots, new PollRule(PollMethod.Approval), [Chair]), ChairActor, Start);
        cancelled.Cancel("Decided at the assembly instead.", ChairActor, Hours(1));
        events.AddRange(cancelled.DequeueUncommittedEvents().Skip(1));
        var hostDecides = Poll.Draft(PollId.FromGuid(Guid.Parse("e1000000-0000-0000-0000-000000000003")), new PollDraft(TheCoalition, "Theme?", slots, new PollRule(PollMethod.Approval, TieBreak: TieBreak.HostDecision), [Chair]), ChairActor, Start);
        hostDecides.Open(Members(2), Hours(48), ChairActor, Start);
        hostDecides.DecideTie(new PollTie(1, TieKind.FirstPlace, ["mon", "tue"], "tue", TieResolution.Host), ChairActor, Hours(1));
        events.AddRange(hostDecides.DequeueUncommittedEvents().OfType<PollTieDecided>());

        // A ranked count's stored figures: thresholds, the surplus passed on, a seat filled without the quota.
        var election = Poll.Draft(PollId.FromGuid(Guid.Parse("e1000000-0000-0000-0000-000000000004")), new PollDraft(TheCoalition, "Elect two", [new("a", "Amina"), new("b", "Baraka"), new("c", "Chiara")], new PollRule(PollMethod.SingleTransferableVote, Seats: 2, Transfer: StvTransfer.WeightedInclusiveGregory), [Chair]), ChairActor, Start);
        election.Open(Members(5), Hours(48), ChairActor, Start);
        string[][] rankings = [["a", "b"], ["a", "b"], ["a", "b"], ["b"], ["c"]];
        for (var v = 1; v <= rankings.Length; v++)
        {
            election.CastBallot(PollBallot.Ranked(Partner(v), rankings[v - 1]), For(v), Hours(1));
        }

        election.Close(ChairActor, Hours(2));
        events.AddRange(election.DequeueUncommittedEvents().OfType<PollClosed>());
        events.AddRange(Kit.MeetingScenario.SampleEvents());
        events.AddRange(JointWorkEvents());
        events.AddRange(AdvocacySampleEvents.All());
        return events;
    }

    /// <summary>Pledges, a pooled fund, an initiative and an indicator, each through its commands.</summary>
    private static IEnumerable<IDomainEvent> JointWorkEvents()
    {
        var six = JointWork.Coalition();
        var board = JointWork.Governance(six);

        var pledge = JointWork.ReceivedPledge(six, 2, 100m);
        var withdrawn = Pledge.Make(JointWork.PledgeNumber(2), JointWork.TimePledge(3), six, For(3), Start);
        withdrawn.Withdraw("Our trainers left.", six, For(3), Hours(1));

        var fund = JointWork.Fund(six, board);
        fund.RecordContribution(pledge, 1, six, Secretariat, OnDate(2026, 5, 4));
        fund.RecordGrant(new GrantIncome("County Education Fund", JointWork.Kes(50m), new LocalDate(2026, 5, 4), "CEF-7", JointWork.TheInitiative), six, Secretariat, OnDate(2026, 5, 4));
        var books = fund.SubmitExpense(new ExpenseClaim(Partner(1), JointWork.Kes(80m), "Storybooks", new LocalDate(2026, 5, 4), JointWork.TheInitiative, new BudgetLineKey("books")), six, For(1), OnDate(2026, 5, 5));
        fund.ApproveExpense(books.Number, null, six, board, JointWork.Treasurer, OnDate(2026, 5, 6));
        fund.PayExpense(books.Number, new LocalDate(2026, 5, 7), six, board, JointWork.Treasurer, OnDate(2026, 5, 7));
        var snacks = fund.SubmitExpense(new ExpenseClaim(Partner(2), JointWork.Kes(30m), "Snacks", new LocalDate(2026, 5, 4)), six, For(2), OnDate(2026, 5, 5));
        fund.RejectExpense(snacks.Number, "Outside the fund's purpose.", six, board, JointWork.Treasurer, OnDate(2026, 5, 6));
        var postage = fund.SubmitExpense(new ExpenseClaim(Partner(2), JointWork.Kes(5m), "Postage", new LocalDate(2026, 5, 4)), six, For(2), OnDate(2026, 5, 5));
        fund.WithdrawExpense(postage.Number, "Paid by the member.", six, For(2), OnDate(2026, 5, 6));
        var closing = PooledFund.Open(PooledFundId.FromGuid(Guid.Parse("f2000000-0000-0000-0000-000000000002")), JointWork.Rules(), six, Secretariat, Start, board);
        closing.Close(six, Secretariat, Hours(1));

        var camps = JointWork.Proposed(six);
        camps.Revise(JointWork.Plan() with { Title = "Reading camps 2026" }, six, For(1), Hours(1));
        camps.Approve(Adopted(MatterType.ApproveJointProject), six, Secretariat, Hours(2));
        camps.Start(new LocalDate(2026, 4, 1), six, For(1), OnDate(2026, 4, 1));
        camps.RecordMilestone(new MilestoneKey("baseline"), new LocalDate(2026, 4, 20), "1,200 pupils assessed.", six, For(1), OnDate(2026, 4, 21));
        camps.Suspend("Floods.", six, Secretariat, OnDate(2026, 5, 1));
        camps.Resume(six, Secretariat, OnDate(2026, 5, 20));
        camps.LinkContribution(Partner(2), "Money for books", [JointWork.ReceivedPledge(six, 2, 10m, 3, JointWork.TheInitiative)], null, null, six, For(2), OnDate(2026, 5, 21));
        camps.Complete(new LocalDate(2026, 12, 20), six, For(1), OnDate(2026, 12, 21));
        var merged = Initiative.Propose(InitiativeId.FromGuid(Guid.Parse("f3000000-0000-0000-0000-000000000002")), JointWork.Plan(), six, For(1), Start);
        merged.Cancel("Merged with the camps.", null, six, For(1), Hours(1));

        var rate = JointWork.Rate(six);
        rate.Report(JointWork.Measured(6, 72m, 1, 3), six, For(6), OnDate(2026, 4, 2));
        rate.Correct(1, 71m, "Re-marked scripts", "Marking error.", six, For(6), OnDate(2026, 4, 10));
        rate.Retire("Replaced by the national assessment.", six, Secretariat, OnDate(2026, 4, 11));

        var library = ResourceLibrary.Open(ResourceLibraryId.FromGuid(Guid.Parse("f5000000-0000-0000-0000-000000000001")), new LibraryDraft(TheCoalition, "Shared library"), six, Secretariat, Start);
        library.Offer(new ResourceOffer(Partner(1), ResourceKind.Equipment, "Projector", "With a screen and cables."), six, For(1), Start);
        library.Offer(new ResourceOffer(Partner(2), ResourceKind.Document, "Reading toolkit", Lendable: false), six, For(2), Start);
        library.WithdrawOffer(2, six, For(2), Hours(1));
        library.Request(new ResourceRequest(Partner(3), ResourceKind.Equipment, "A projector for the launch", new LocalDate(2026, 4, 1)), six, For(3), Start);
        library.Request(new ResourceRequest(Partner(4), ResourceKind.Trainer, "A trainer for mentors"), six, For(4), Start);
        library.CloseRequest(2, six, For(4), Hours(1));
        library.Lend(new LoanTerms(1, Partner(3), new LocalDate(2026, 3, 20), Request: 1), six, For(1), Hours(2));
        library.RecordReturn(1, new LocalDate(2026, 3, 19), six, For(1), OnDate(2026, 3, 19));
        library.Close(six, Secretariat, OnDate(2026, 3, 20));

        return [.. pledge.DequeueUncommittedEvents(), .. withdrawn.DequeueUncommittedEvents().Skip(1), .. fund.DequeueUncommittedEvents(), .. closing.DequeueUncommittedEvents().Skip(1),
            .. camps.DequeueUncommittedEvents(), .. merged.DequeueUncommittedEvents().Skip(1), .. rate.DequeueUncommittedEvents(), .. library.DequeueUncommittedEvents()];
    }

    [Fact]
    public void The_samples_cover_every_event_type_in_the_package()
    {
        var eventTypes = typeof(IDomainEvent).Assembly.GetTypes().Where(t => typeof(IDomainEvent).IsAssignableFrom(t) && !t.IsInterface).ToHashSet();

        Assert.Equal(eventTypes.OrderBy(t => t.Name), SampleEvents().Select(e => e.GetType()).Distinct().OrderBy(t => t.Name));
    }

    [Fact]
    public void Every_event_type_is_registered_with_a_stable_discriminator()
    {
        var eventTypes = typeof(IDomainEvent).Assembly.GetTypes().Where(t => typeof(IDomainEvent).IsAssignableFrom(t) && !t.IsInterface);

        Assert.All(eventTypes, t => Assert.Equal($"{t.Namespace!.Split('.')[^1]}.{t.Name}", CoalitionsJson.EventTypes[t]));
        Assert.Equal(CoalitionsJson.EventTypes.Count, CoalitionsJson.EventTypes.Values.Distinct().Count());
    }

    [Fact]
    public void Every_event_round_trips_through_json()
    {
        foreach (var domainEvent in SampleEvents())
        {
            var json = CoalitionsJson.SerializeEvent(domainEvent);
            var back = CoalitionsJson.DeserializeEvent(json);

            Assert.Equal(domainEvent.GetType(), back.GetType());
            Assert.Equal(json, CoalitionsJson.SerializeEvent(back));
        }
    }

    [Fact]
    public void A_proposal_rebuilt_from_json_events_matches_the_original()
    {
        var events = SampleEvents().Where(e => e is not null).TakeWhile(e => e is not ReviewScheduled).Append(SampleEvents().OfType<ReviewScheduled>().First()).ToArray();
        var stored = events.Select(CoalitionsJson.SerializeEvent).ToArray();

        var rebuilt = Proposal.Rehydrate(stored.Select(CoalitionsJson.DeserializeEvent));

        Assert.Equal(ProposalStatus.Implemented, rebuilt.Status);
        Assert.Equal(DecisionResult.Adopted, rebuilt.Outcome!.Result);
        Assert.Equal(2, rebuilt.Rounds.Count);
        Assert.Equal(new LocalDate(2027, 3, 1), rebuilt.ReviewOn);
    }

    [Fact]
    public void The_json_shape_of_stored_events_changes_only_deliberately()
    {
        var lines = SampleEvents().Select(CoalitionsJson.SerializeEvent);

        Snapshot.Match(string.Join("\n", lines) + "\n");
    }

    [Fact]
    public void Instants_are_written_as_iso_8601_text()
    {
        var json = CoalitionsJson.SerializeEvent(new ProposalSubmitted(ProposalNumber(1), Start, ChairActor));

        Assert.Contains("\"at\":\"2026-03-02T09:00:00Z\"", json, StringComparison.Ordinal);
        Assert.StartsWith("{\"$type\":\"Decisions.ProposalSubmitted\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_event_type_is_refused_when_read()
    {
        var error = Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent("{\"$type\":\"Decisions.NoSuchEvent\",\"at\":\"2026-03-02T09:00:00Z\"}"));
        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, error.Code);
    }

    [Fact]
    public void A_decision_rule_round_trips_with_its_fallback()
    {
        var rule = DecisionRule.Consensus(new StandAsideLimit(2, Fraction.Percent(25)))
            .WithQuorum(QuorumRule.OfMembers(Fraction.TwoThirds).WithoutAbstentions())
            .WithFallback(DecisionRule.MajorityVote(PassCondition.AtLeast(Fraction.ThreeQuarters, VoteBase.VotesCast)).WithFinalBallots(), FallbackWhen.Blocked, 2);

        var back = CoalitionsJson.Deserialize<DecisionRule>(CoalitionsJson.Serialize(rule))!;

        Assert.Equal(rule.Describe(), back.Describe());
        Assert.Equal(CoalitionsJson.Serialize(rule), CoalitionsJson.Serialize(back));
    }
}
