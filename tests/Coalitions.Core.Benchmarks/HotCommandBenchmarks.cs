using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Coalitions.Core.Agreements;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Partners;
using Coalitions.Core.Polls;
using NodaTime;

namespace Coalitions.Core.Benchmarks;

/// <summary>The coalition and people the hot-command benchmarks share.</summary>
internal static class HotCommands
{
    public const int Members = 1_000;

    public static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    public static readonly PartnerProfile Profile = new("Benchmark member", Sector.Ngo, "BE", "Europe/Brussels", [], [], [], ["en"]);
    public static readonly PersonId Founder = PersonId.New();
    public static readonly Actor Secretariat = Actor.ForPerson(Founder);

    /// <summary>A coalition that has begun forming, with no member yet.</summary>
    public static Coalition Forming()
    {
        var coalition = Coalition.Found(CoalitionId.New(), "Benchmark coalition", CoalitionForm.Federation, "Europe/Brussels", new Coordinator(Founder, "Benchmark secretariat"), Secretariat, Start);
        coalition.DequeueUncommittedEvents();
        return coalition;
    }

    /// <summary>Admits a partner: invited, then accepted through its delegate.</summary>
    public static void Admit(Coalition coalition, PartnerId partner, PersonId person, MembershipTier tier, Instant at)
    {
        coalition.Invite(new MembershipOffer(partner, tier, [person]), new PartnerSnapshot(partner, Profile, [person]), null, null, Secretariat, at);
        coalition.AcceptMembership(partner, Actor.Representing(person, partner), at);
    }

    public static (PartnerId[] Partners, PersonId[] People) People(int count) =>
        (Enumerable.Range(0, count).Select(_ => PartnerId.New()).ToArray(), Enumerable.Range(0, count).Select(_ => PersonId.New()).ToArray());
}

/// <summary>
/// Signing an agreement: 1,000 parties (members of the coalition) each sign a freshly circulated agreement, one signature
/// per operation (the last brings it into force); against the floor of what a signature must record: the event, the
/// party added to the set of those who signed, the event queued.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 10, invocationCount: 1)]
public class SignAgreementBenchmarks
{
    private Coalition _coalition = null!;
    private PartnerId[] _partners = [];
    private Actor[] _actors = [];
    private AgreementDraft _draft = null!;
    private Agreement _agreement = null!;

    [GlobalSetup]
    public void Setup()
    {
        _coalition = HotCommands.Forming();
        var (partners, people) = HotCommands.People(HotCommands.Members);
        for (var i = 0; i < partners.Length; i++)
        {
            HotCommands.Admit(_coalition, partners[i], people[i], MembershipTier.Founding, HotCommands.Start);
        }

        _partners = partners;
        _actors = partners.Select((p, i) => Actor.Representing(people[i], p)).ToArray();
        var terms = new AgreementTerms(new LocalDate(2026, 3, 2), new LocalDate(2027, 3, 1), Period.FromMonths(3));
        var text = new AgreementText(
            [new Clause("purpose", ClauseKind.Purpose, "Purpose", "The parties work together."), new Clause("termination", ClauseKind.Termination, "Termination", "Three months' notice.")],
            [],
            terms);
        _draft = new AgreementDraft(
            AgreementType.MemorandumOfUnderstanding,
            "A large memorandum",
            partners.Select((p, i) => new AgreementParty(p, $"Member {i}", [people[i]])).ToArray(),
            text,
            false);
    }

    [IterationSetup]
    public void Circulate()
    {
        _agreement = Agreement.Draft(AgreementId.New(), _draft, _coalition, _actors[0], HotCommands.Start);
        _agreement.Circulate(_actors[0], HotCommands.Start);
        _agreement.DequeueUncommittedEvents();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = HotCommands.Members, Description = "floor: the event, a set of signers, the queue")]
    public int Floor()
    {
        var signed = new HashSet<PartnerId>();
        var queue = new List<IDomainEvent>();
        var at = HotCommands.Start;
        for (var i = 0; i < _partners.Length; i++)
        {
            var e = new AgreementSigned(_agreement.Id, 1, _partners[i], _actors[i].Person!.Value, at, _actors[i]);
            signed.Add(e.Party);
            queue.Add(e);
        }

        return queue.Count + signed.Count;
    }

    [Benchmark(OperationsPerInvoke = HotCommands.Members, Description = "Agreement.Sign")]
    public int Sign()
    {
        var at = HotCommands.Start;
        for (var i = 0; i < _partners.Length; i++)
        {
            _agreement.Sign(_partners[i], _actors[i], at);
        }

        return _agreement.DequeueUncommittedEvents().Count;
    }

    /// <summary>For a profiler: signs for about the given time.</summary>
    internal static void Profile(TimeSpan duration)
    {
        var bench = new SignAgreementBenchmarks();
        bench.Setup();
        GcWatch.Run("signatures", duration, () => bench.Sign(), bench.Circulate);
    }
}

/// <summary>
/// Casting poll ballots in steady state: a ranked poll (four options) open before 1,000 members, each member changing its
/// ballot over and over, one ballot per operation; against the floor of what a ballot must record: the poll's own copy of
/// the ranking, the event, and the ballot kept per voter in a dictionary.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class CastPollBallotBenchmarks
{
    private static readonly string[][] Rankings = [["a", "b", "c"], ["b", "a"], ["c", "d", "a", "b"]];
    private readonly Dictionary<PartnerId, PollBallot> _floor = [];
    private Poll _poll = null!;
    private PollBallot[][] _ballots = [];
    private Actor[] _actors = [];
    private Instant _at;
    private int _n;

    [GlobalSetup]
    public void Setup()
    {
        var (partners, people) = HotCommands.People(HotCommands.Members);
        var chair = PersonId.New();
        var electorate = new Electorate(partners.Select((p, i) => new Voter(p, [people[i]], name: $"Member {i}")).ToArray());
        PollOption[] options = [new("a", "Amina"), new("b", "Baraka"), new("c", "Chiara"), new("d", "Dawit")];
        _poll = Poll.Draft(PollId.New(), new PollDraft(CoalitionId.New(), "Who chairs the steering committee?", options, new PollRule(PollMethod.RankedChoice), [chair]), Actor.ForPerson(chair), HotCommands.Start);
        _poll.Open(electorate, HotCommands.Start + Duration.FromDays(1000), Actor.ForPerson(chair), HotCommands.Start);
        _poll.DequeueUncommittedEvents();
        _actors = partners.Select((p, i) => Actor.Representing(people[i], p)).ToArray();
        _ballots = partners.Select(p => Rankings.Select(r => PollBallot.Ranked(p, r)).ToArray()).ToArray();
        _at = HotCommands.Start;
        for (var i = 0; i < 10 * HotCommands.Members; i++)
        {
            CastOne();
        }

        _poll.DequeueUncommittedEvents();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = HotCommands.Members, Description = "floor: a copy of the ranking, the event, a dictionary write")]
    public int Floor()
    {
        var events = new List<IDomainEvent>(HotCommands.Members);
        for (var i = 0; i < HotCommands.Members; i++)
        {
            var m = (_n + i) % HotCommands.Members;
            var ballot = _ballots[m][(_n + i) % Rankings.Length];
            var copy = ballot with { Ranking = [.. ballot.Ranking] };
            var e = new PollBallotCast(_poll.Id, copy, _at, _actors[m]);
            events.Add(e);
            _floor[copy.Voter] = copy;
        }

        _n += HotCommands.Members;
        return events.Count;
    }

    [Benchmark(OperationsPerInvoke = HotCommands.Members, Description = "Poll.CastBallot")]
    public int CastBallot()
    {
        for (var i = 0; i < HotCommands.Members; i++)
        {
            CastOne();
        }

        return _poll.DequeueUncommittedEvents().Count;
    }

    /// <summary>For a profiler: casts for about the given time.</summary>
    internal static void Profile(TimeSpan duration)
    {
        var bench = new CastPollBallotBenchmarks();
        bench.Setup();
        GcWatch.Run("poll ballots", duration, () => bench.CastBallot());
    }

    private void CastOne()
    {
        var m = _n % HotCommands.Members;
        _at += Duration.FromMilliseconds(1);
        _poll.CastBallot(_ballots[m][_n / HotCommands.Members % Rankings.Length], _actors[m], _at);
        _n++;
    }
}

/// <summary>
/// Admitting members: 1,000 partners invited and accepted, one admission (two commands) per operation, on a coalition that
/// has begun forming; against the floor of what an admission must record: the two events, the membership kept per
/// partner in a dictionary, the events queued.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 10, invocationCount: 1)]
public class AdmitMemberBenchmarks
{
    private Coalition _coalition = null!;
    private PartnerId[] _partners = [];
    private PersonId[] _people = [];

    [IterationSetup]
    public void Fresh()
    {
        _coalition = HotCommands.Forming();
        (_partners, _people) = HotCommands.People(HotCommands.Members);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = HotCommands.Members, Description = "floor: two events, a dictionary write, the queue")]
    public int Floor()
    {
        var members = new Dictionary<PartnerId, MemberInvited>();
        var queue = new List<IDomainEvent>();
        var on = new LocalDate(2026, 3, 2);
        for (var i = 0; i < _partners.Length; i++)
        {
            var invited = new MemberInvited(_coalition.Id, _partners[i], HotCommands.Profile.Name, MembershipTier.Full, [_people[i]], 1, on, HotCommands.Start, HotCommands.Secretariat);
            queue.Add(invited);
            queue.Add(new MembershipAccepted(_coalition.Id, _partners[i], on, on.PlusYears(1), Period.FromMonths(3), HotCommands.Start, Actor.Representing(_people[i], _partners[i])));
            members[_partners[i]] = invited;
        }

        return queue.Count + members.Count;
    }

    [Benchmark(OperationsPerInvoke = HotCommands.Members, Description = "Coalition.Invite + AcceptMembership")]
    public long Admit()
    {
        for (var i = 0; i < _partners.Length; i++)
        {
            HotCommands.Admit(_coalition, _partners[i], _people[i], MembershipTier.Full, HotCommands.Start);
        }

        return _coalition.DequeueUncommittedEvents().Count;
    }

    /// <summary>For a profiler: admits for about the given time.</summary>
    internal static void Profile(TimeSpan duration)
    {
        var bench = new AdmitMemberBenchmarks();
        GcWatch.Run("admissions", duration, () => bench.Admit() / 2, bench.Fresh);
    }
}
