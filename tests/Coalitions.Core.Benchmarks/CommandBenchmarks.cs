using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using NodaTime;

namespace Coalitions.Core.Benchmarks;

/// <summary>
/// Casting ballots on a proposal in voting before 1,000 members, in steady state (each member changes its ballot over and
/// over; the events are handed over every 1,000 ballots), one ballot per operation; against the floor of what a ballot
/// must record: the event and the ballot record, and the ballot kept per voter in a dictionary.
/// </summary>
/// <remarks>
/// Each iteration starts from a fresh proposal that has taken 100,000 ballots and casts 512,000 more, so the proposal's
/// history stays below 60 MB. Without that, the history grew by 96 bytes a ballot over the whole run, to several
/// gigabytes: once the process touched memory this virtual machine had never handed out, half of the time went to the
/// kernel clearing fresh pages on first write (`perf`: `clear_page_erms` under `Proposal.Apply`), and a ballot cost 1.25
/// µs in the later iterations against 306 ns in the first. That measured the machine's memory, not the command.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 8, invocationCount: 512)]
public class CastBallotBenchmarks
{
    private const int Voters = 1_000;
    private readonly Dictionary<PartnerId, RecordedBallot> _floor = [];
    private Proposal _proposal = null!;
    private PartnerId[] _members = [];
    private Actor[] _actors = [];
    private Instant _at;
    private int _n;

    internal static (Proposal Proposal, PartnerId[] Members, Actor[] Actors, Instant Start) Voting()
    {
        var start = Instant.FromUtc(2026, 3, 2, 9, 0);
        var chair = PersonId.New();
        var members = Enumerable.Range(0, Voters).Select(_ => PartnerId.New()).ToArray();
        var delegates = Enumerable.Range(0, Voters).Select(_ => PersonId.New()).ToArray();
        var actors = members.Select((m, i) => Actor.Representing(delegates[i], m)).ToArray();
        var electorate = new Electorate(members.Select((m, i) => new Voter(m, [delegates[i]], name: $"Member {i}")).ToArray());
        var rule = DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half)).WithVotingPeriod(Duration.FromDays(1000));
        var proposal = Proposal.Draft(
            ProposalId.New(),
            new ProposalDraft(CoalitionId.New(), MatterType.AdoptPolicyPosition, "A steady vote", "The text.", members[0], rule, [chair]),
            actors[0],
            start);
        proposal.Submit(actors[0], start);
        proposal.OpenVoting(electorate, Actor.ForPerson(chair), start);
        proposal.DequeueUncommittedEvents();
        return (proposal, members, actors, start);
    }

    [GlobalSetup]
    [IterationSetup(Target = nameof(CastBallot))]
    public void Setup()
    {
        (_proposal, _members, _actors, _at) = Voting();
        for (var i = 0; i < 100_000; i++)
        {
            CastOne();
        }

        _proposal.DequeueUncommittedEvents();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Voters, Description = "floor: the event, the record, a dictionary write")]
    public int Floor()
    {
        var events = new List<IDomainEvent>(Voters);
        for (var i = 0; i < Voters; i++)
        {
            var m = (_n + i) % Voters;
            var e = new BallotCast(_proposal.Id, 1, _members[m], (Stance)(1 + ((_n + i) % 3)), null, _at, _actors[m]);
            events.Add(e);
            _floor[e.Voter] = new RecordedBallot(1, e.Voter, e.Stance, null, e.By.Person, e.At, null);
        }

        _n += Voters;
        return events.Count;
    }

    [Benchmark(OperationsPerInvoke = Voters, Description = "Proposal.CastBallot")]
    public long CastBallot()
    {
        for (var i = 0; i < Voters; i++)
        {
            CastOne();
        }

        return _proposal.DequeueUncommittedEvents().Count;
    }

    /// <summary>For a profiler: casts ballots for about the given time.</summary>
    internal static void Profile(TimeSpan duration)
    {
        var bench = new CastBallotBenchmarks();
        bench.Setup();
        var runs = 0;
        // A fresh proposal every 512 runs (512,000 ballots), as the benchmark's iterations start; not timed.
        GcWatch.Run("ballots", duration, bench.CastBallot, () =>
        {
            if (++runs % 512 == 0)
            {
                bench.Setup();
            }
        });
    }

    /// <summary>
    /// For a profiler: casts ballots on one proposal for about the given time, its history growing all along (tens of
    /// millions of ballot changes): how a very long vote weighs on the collector and on memory.
    /// </summary>
    internal static void ProfileLongVote(TimeSpan duration)
    {
        var bench = new CastBallotBenchmarks();
        bench.Setup();
        GcWatch.Run("ballots on one proposal", duration, bench.CastBallot);
    }

    private void CastOne()
    {
        var m = _n % Voters;
        _at += Duration.FromMilliseconds(1);
        _proposal.CastBallot(_members[m], (Stance)(1 + (_n / Voters % 3)), null, _actors[m], _at);
        _n++;
    }
}
