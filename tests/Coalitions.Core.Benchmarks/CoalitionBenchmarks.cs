using BenchmarkDotNet.Attributes;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Partners;
using NodaTime;

namespace Coalitions.Core.Benchmarks;

/// <summary>
/// Rebuilding a coalition from its events, and admitting one more member (invite and accept, on a rebuilt
/// coalition), at 1,000 and 10,000 members. The ratio between the sizes shows how each scales.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class CoalitionBenchmarks
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly PartnerProfile Profile = new("Benchmark member", Sector.Ngo, "BE", "Europe/Brussels", [], [], [], ["en"]);
    private static readonly PersonId Founder = PersonId.New();
    private static readonly Actor Secretariat = Actor.ForPerson(Founder);
    private IDomainEvent[] _history = [];
    private Coalition _coalition = null!;
    private PartnerId _newcomer;
    private PersonId _delegate;

    [Params(1_000, 10_000)]
    public int Members { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var coalition = Coalition.Found(CoalitionId.New(), "Benchmark coalition", CoalitionForm.Federation, "Europe/Brussels", new Coordinator(Founder, "Benchmark secretariat"), Secretariat, Start);
        for (var i = 0; i < Members; i++)
        {
            var partner = PartnerId.New();
            var person = PersonId.New();
            coalition.Invite(new MembershipOffer(partner, i < 3 ? MembershipTier.Founding : MembershipTier.Full, [person]), new PartnerSnapshot(partner, Profile, [person]), null, null, Secretariat, Start);
            coalition.AcceptMembership(partner, Actor.Representing(person, partner), Start);
        }

        _history = coalition.DequeueUncommittedEvents().ToArray();
        _newcomer = PartnerId.New();
        _delegate = PersonId.New();
    }

    [IterationSetup(Target = nameof(AdmitOneMore))]
    public void Rebuild() => _coalition = Coalition.Rehydrate(_history);

    [Benchmark(Baseline = true)]
    public Coalition Rehydrate() => Coalition.Rehydrate(_history);

    [Benchmark]
    public long AdmitOneMore()
    {
        _coalition.Invite(new MembershipOffer(_newcomer, MembershipTier.Full, [_delegate]), new PartnerSnapshot(_newcomer, Profile, [_delegate]), null, null, Secretariat, Start);
        _coalition.AcceptMembership(_newcomer, Actor.Representing(_delegate, _newcomer), Start);
        return _coalition.Version;
    }
}
