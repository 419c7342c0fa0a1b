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
using CoalitionAggregate = global::Coalitions.Core.Coalitions.Coalition;
using GovernanceAggregate = global::Coalitions.Core.Governance.CoalitionGovernance;

namespace Coalitions.Core.Tests.House;

/// <summary>The aggregates of joint work under attack: pledges, pooled funds, initiatives and indicators.</summary>
public static class JointWorkHostileCases
{
    // One coalition and governance, read by every command of the attack (commands never change them).
    private static readonly CoalitionAggregate Six = JointWorkScenario.Coalition();
    private static readonly GovernanceAggregate Board = JointWorkScenario.Governance(Six);

    private static Instant[] Instants => [Start, Hours(1), OnDate(2026, 5, 4), OnDate(2026, 7, 1), OnDate(2027, 1, 5), OnDate(2031, 1, 1)];

    private static LocalDate[] Days => [new(2026, 3, 2), new(2026, 4, 20), new(2026, 5, 4), new(2026, 12, 31), new(2027, 1, 1)];

    private static CoalitionAggregate[] Coalitions => [Six, Six, Six, AgreementScenario.Founders(), CoalitionAggregate.Found(CoalitionId.New(), "Another coalition", Core.Coalitions.CoalitionForm.Alliance, "Africa/Nairobi", Convenor, Secretariat, Start)];

    private static Actor[] Actors => [Secretariat, Secretariat, For(1), For(2), For(3), For(5), For(5), For(6), Actor.Representing(Person(40), Partner(4)), Actor.System("scheduler")];

    public static HostileCase Pledge => new(
        "Pledge",
        () =>
        {
            var pledged = Core.Resources.Pledge.Make(PledgeNumber(1), MoneyPledge(2, 100m), Six, For(2), Start);
            var part = Core.Resources.Pledge.Make(PledgeNumber(1), MoneyPledge(2, 100m), Six, For(2), Start);
            part.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 3, 2), Kes(40m)), Six, Secretariat, Start);
            var time = Core.Resources.Pledge.Make(PledgeNumber(1), TimePledge(3, 40m), Six, For(3), Start);
            time.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 3, 2), Hours: 40m), Six, Secretariat, Start);
            var withdrawn = Core.Resources.Pledge.Make(PledgeNumber(1), MoneyPledge(2, 100m), Six, For(2), Start);
            withdrawn.Withdraw("Grant fell through.", Six, For(2), Hours(1));
            return [pledged.DequeueUncommittedEvents(), part.DequeueUncommittedEvents(), time.DequeueUncommittedEvents(), withdrawn.DequeueUncommittedEvents()];
        },
        history => Core.Resources.Pledge.Rehydrate(history),
        new ValuePool()
            .Add(Actors)
            .Add(Coalitions)
            .Add(Instants)
            .Add(Days)
            .Add(PledgeNumber(1), PledgeNumber(2))
            .Add(MoneyPledge(2, 100m), MoneyPledge(3, 250m, "USD"), TimePledge(2), new PledgeOffer(TheCoalition, Partner(6), ContributionKind.InKind, "Books", new LocalDate(2026, 5, 1)))
            .Add(new PledgeReceipt(new LocalDate(2026, 3, 2), Kes(40m)), new PledgeReceipt(new LocalDate(2026, 5, 4), Kes(60m)), new PledgeReceipt(new LocalDate(2026, 3, 2), Hours: 8m), new PledgeReceipt(new LocalDate(2026, 3, 2)))
            .Add("Grant fell through.", "Bank transfer"));

    public static HostileCase PooledFund => new(
        "PooledFund",
        () =>
        {
            var empty = Fund(Six, Board);
            var busy = Fund(Six, Board, Rules(threshold: 100m, overdraft: 50m));
            busy.RecordContribution(ReceivedPledge(Six, 2, 100m), 1, Six, Secretariat, OnDate(2026, 5, 4));
            busy.RecordGrant(new GrantIncome("County Education Fund", new Money(500m, "USD"), new LocalDate(2026, 5, 4)), Six, Secretariat, OnDate(2026, 5, 4));
            var claim = busy.SubmitExpense(new ExpenseClaim(Partner(1), Kes(80m), "Books", new LocalDate(2026, 5, 4)), Six, For(1), OnDate(2026, 5, 4));
            busy.ApproveExpense(claim.Number, null, Six, Board, Treasurer, OnDate(2026, 5, 4));
            busy.SubmitExpense(new ExpenseClaim(Partner(2), Kes(30m), "Snacks", new LocalDate(2026, 5, 4)), Six, For(2), OnDate(2026, 5, 4));
            var paid = Fund(Six, Board);
            paid.RecordGrant(new GrantIncome("County Education Fund", Kes(100m), new LocalDate(2026, 3, 2)), Six, Secretariat, Start);
            var spent = paid.SubmitExpense(new ExpenseClaim(Partner(1), Kes(100m), "Books", new LocalDate(2026, 3, 2)), Six, For(1), Start);
            paid.ApproveExpense(spent.Number, null, Six, Board, Treasurer, Start);
            paid.PayExpense(spent.Number, new LocalDate(2026, 3, 2), Six, Board, Treasurer, Start);
            var closed = Fund(Six, Board);
            closed.Close(Six, Secretariat, Hours(1));
            return [empty.DequeueUncommittedEvents(), busy.DequeueUncommittedEvents(), paid.DequeueUncommittedEvents(), closed.DequeueUncommittedEvents()];
        },
        history => Core.Resources.PooledFund.Rehydrate(history),
        new ValuePool()
            .Add(Actors)
            .Add(Coalitions)
            .Add<GovernanceAggregate?>(Board, Board, null)
            .Add(Instants)
            .Add(Days)
            .Add(TheFund)
            .Add(1, 2, 3)
            .Add(Rules(), Rules(threshold: 100m, overdraft: 50m), Rules(body: null))
            .Add(new GrantIncome("County Education Fund", Kes(100m), new LocalDate(2026, 3, 2)), new GrantIncome("A donor", new Money(20m, "USD"), new LocalDate(2026, 5, 4), "REF-1", TheInitiative))
            .Add(new ExpenseClaim(Partner(1), Kes(50m), "Books", new LocalDate(2026, 3, 2)), new ExpenseClaim(Partner(5), Kes(150m), "Trainers", new LocalDate(2026, 3, 2), TheInitiative, new BudgetLineKey("trainers")), new ExpenseClaim(Partner(2), new Money(5m, "USD"), "Postage", new LocalDate(2026, 3, 2)))
            .Add<Pledge>(_ => ReceivedPledge(Six, 2, 100m))
            .Add<Pledge>(_ => ReceivedPledge(Six, 3, 30m, 2))
            .Add<Pledge>(_ => Core.Resources.Pledge.Make(PledgeNumber(3), TimePledge(2), Six, For(2), Start))
            .Add(Adopted(MatterType.ApproveExpense), Adopted(MatterType.ApproveBudget), Adopted(MatterType.ApproveExpense, result: DecisionResult.Rejected))
            .Add("Outside the fund's purpose.", "No longer needed."));

    public static HostileCase Initiative => new(
        "Initiative",
        () =>
        {
            var proposed = Proposed(Six);
            var approved = Proposed(Six);
            approved.Approve(Adopted(MatterType.ApproveJointProject), Six, Secretariat, Start);
            var active = Active(Six);
            active.RecordMilestone(new MilestoneKey("baseline"), new LocalDate(2026, 4, 20), null, Six, For(1), OnDate(2026, 4, 21));
            var suspended = Active(Six);
            suspended.Suspend("Floods.", Six, Secretariat, OnDate(2026, 5, 1));
            var completed = Active(Six);
            completed.Complete(new LocalDate(2026, 12, 20), Six, For(1), OnDate(2026, 12, 21));
            var cancelled = Proposed(Six);
            cancelled.Cancel("Merged.", null, Six, For(1), Hours(1));
            return [.. new[] { proposed, approved, active, suspended, completed, cancelled }.Select(i => i.DequeueUncommittedEvents())];
        },
        history => Core.Initiatives.Initiative.Rehydrate(history),
        new ValuePool()
            .Add(Actors)
            .Add(Coalitions)
            .Add(Instants)
            .Add(Days)
            .Add(TheInitiative)
            .Add(Plan(), Plan() with { Title = "Reading camps 2026" }, Plan() with { Partners = Plan().Partners.Take(3).ToArray(), Budget = [Plan().Budget[0]] })
            .Add(new MilestoneKey("baseline"), new MilestoneKey("camps"), new MilestoneKey("party"))
            .Add(Partner(1), Partner(2), Partner(3), Partner(20))
            .Add(Adopted(MatterType.ApproveJointProject), Adopted(MatterType.ApproveBudget), Adopted(MatterType.ApproveJointProject, result: DecisionResult.Rejected))
            .Add<IReadOnlyList<Pledge>>(_ => [])
            .Add<IReadOnlyList<Pledge>>(_ => [Core.Resources.Pledge.Make(PledgeNumber(4), MoneyPledge(2, 10m, initiative: TheInitiative), Six, For(2), Start)])
            .Add<global::Coalitions.Core.Agreements.Agreement?>(null, null, AgreementScenario.SignedByAll())
            .Add("reading-fund", "Floods.", "Money for books", "1,200 pupils assessed."));

    public static HostileCase Indicator => new(
        "Indicator",
        () =>
        {
            var fresh = Rate(Six);
            var measured = Rate(Six);
            measured.Report(Measured(6, 72m, 1, 3), Six, For(6), OnDate(2026, 4, 2));
            measured.Correct(1, 71m, "Re-marked scripts", "Marking error.", Six, For(6), OnDate(2026, 4, 10));
            var retired = Rate(Six);
            retired.Report(Measured(4, 75m, 1, 3), Six, For(4), OnDate(2026, 4, 2));
            retired.Retire("Replaced.", Six, Secretariat, OnDate(2026, 4, 3));
            return [fresh.DequeueUncommittedEvents(), measured.DequeueUncommittedEvents(), retired.DequeueUncommittedEvents()];
        },
        history => Core.Measurement.Indicator.Rehydrate(history),
        new ValuePool()
            .Add(Actors)
            .Add(Coalitions)
            .Add(Instants)
            .Add(Days)
            .Add(IndicatorNumber(1))
            .Add(ReadingRate(), ChildrenInCamps() with { Initiative = null, Goal = ReadingGoal }, ChildrenInCamps())
            .Add<Initiative?>(null, Active(Six))
            .Add(Measured(6, 72m, 1, 3), Measured(4, 80m, 4, 6, "School records"), Measured(2, 650m, 4, 6, "Camp registers"))
            .Add(1, 2)
            .Add(71m, 0m, 99.5m)
            .Add("Re-marked scripts", "Marking error.", "Replaced."));

    public static readonly ResourceLibraryId TheLibrary = ResourceLibraryId.FromGuid(Guid.Parse("f5000000-0000-0000-0000-000000000001"));

    public static HostileCase Library => new(
        "ResourceLibrary",
        () =>
        {
            var empty = OpenLibrary();
            var busy = OpenLibrary();
            busy.Offer(new ResourceOffer(Partner(1), ResourceKind.Equipment, "Projector"), Six, For(1), Start);
            busy.Offer(new ResourceOffer(Partner(2), ResourceKind.Document, "Reading toolkit", "PDF on the shared drive.", Lendable: false), Six, For(2), Start);
            busy.Request(new ResourceRequest(Partner(3), ResourceKind.Equipment, "A projector for the launch", new LocalDate(2026, 4, 1)), Six, For(3), Start);
            busy.Lend(new LoanTerms(1, Partner(3), new LocalDate(2026, 3, 20), 1), Six, For(1), Hours(1));
            busy.Request(new ResourceRequest(Partner(4), ResourceKind.Trainer, "A trainer for mentors"), Six, For(4), Hours(2));
            var returned = OpenLibrary();
            returned.Offer(new ResourceOffer(Partner(5), ResourceKind.Trainer, "Two days of a reading trainer", Lendable: true), Six, For(5), Start);
            returned.Lend(new LoanTerms(1, Partner(6), new LocalDate(2026, 3, 4)), Six, For(5), Start);
            returned.RecordReturn(1, new LocalDate(2026, 3, 4), Six, For(5), OnDate(2026, 3, 5));
            returned.WithdrawOffer(1, Six, Secretariat, OnDate(2026, 3, 6));
            var closed = OpenLibrary();
            closed.Close(Six, Secretariat, Hours(1));
            return [empty.DequeueUncommittedEvents(), busy.DequeueUncommittedEvents(), returned.DequeueUncommittedEvents(), closed.DequeueUncommittedEvents()];
        },
        history => ResourceLibrary.Rehydrate(history),
        new ValuePool()
            .Add(Actors)
            .Add(Coalitions)
            .Add(Instants)
            .Add(Days)
            .Add(TheLibrary)
            .Add(new LibraryDraft(TheCoalition, "Shared library"), new LibraryDraft(TheCoalition, "Equipment pool"))
            .Add(1, 2, 3)
            .Add(new ResourceOffer(Partner(1), ResourceKind.Equipment, "Projector"), new ResourceOffer(Partner(2), ResourceKind.Data, "School census", Lendable: false), new ResourceOffer(Partner(6), ResourceKind.Trainer, "A trainer", "Weekends only."))
            .Add(new ResourceRequest(Partner(3), ResourceKind.Equipment, "A projector"), new ResourceRequest(Partner(4), ResourceKind.Trainer, "A trainer", new LocalDate(2026, 6, 1)), new ResourceRequest(Partner(2), ResourceKind.Data, "Census data", new LocalDate(2026, 3, 1)))
            .Add(new LoanTerms(1, Partner(3), new LocalDate(2026, 4, 1)), new LoanTerms(1, Partner(4), new LocalDate(2026, 5, 4), 2), new LoanTerms(2, Partner(1), new LocalDate(2026, 3, 2)), new LoanTerms(3, Partner(6), new LocalDate(2031, 1, 1), 1)));

    private static ResourceLibrary OpenLibrary() => ResourceLibrary.Open(TheLibrary, new LibraryDraft(TheCoalition, "Shared library"), Six, Secretariat, Start);
}
