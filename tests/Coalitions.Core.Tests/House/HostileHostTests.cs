using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.PartnerScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using PartnerAggregate = global::Coalitions.Core.Partners.Partner;
using ProposalAggregate = global::Coalitions.Core.Decisions.Proposal;

namespace Coalitions.Core.Tests.House;

/// <summary>
/// Every command of every aggregate, called by a hostile host with real and hostile values in random sequences:
/// each either succeeds or is refused with a coded error; a refusal changes nothing; and what succeeded is stored as
/// JSON and read back into the same state.
/// </summary>
public class HostileHostTests
{
    public static TheoryData<HostileCase> Cases() => new(HostileCases.All);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_command_succeeds_or_is_refused_with_a_code_and_a_refusal_changes_nothing(HostileCase attack)
    {
        var failures = HostileHost.Attack(attack, sequences: 150, length: 12, seed: 20261201);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}

/// <summary>The aggregates under attack, each with its seed states and value pool. A new aggregate adds its case here.</summary>
public static class HostileCases
{
    public static IEnumerable<HostileCase> All =>
    [
        Partner,
        Proposal,
    ];

    private static Instant[] Instants => [Start, Hours(1), Hours(2), Hours(24), Hours(48), Hours(24 * 40)];

    public static HostileCase Partner => new(
        "Partner",
        () =>
        {
            var one = PartnerAggregate.Register(Scenario.Partner(1), Profile(), Rep(1), For(1), Start);
            var two = PartnerAggregate.Register(Scenario.Partner(1), Profile(), Rep(1), For(1), Start);
            two.AddRepresentative(Rep(2, RepresentativeRole.Alternate), For(1), Hours(1));
            return [one.DequeueUncommittedEvents(), two.DequeueUncommittedEvents()];
        },
        history => PartnerAggregate.Rehydrate(history),
        new ValuePool()
            .Add(For(1), For(2), Actor.Representing(Person(2), Scenario.Partner(1)), Actor.ForPerson(Person(1)))
            .Add(Scenario.Partner(1), Scenario.Partner(2))
            .Add(Person(1), Person(2), Person(3))
            .Add(Instants)
            .Add(Profile(), Profile(region: "Coast"))
            .Add(Rep(1), Rep(2), Rep(3, RepresentativeRole.Contact)));

    public static HostileCase Proposal => new(
        "Proposal",
        ProposalScenario.Histories,
        history => ProposalAggregate.Rehydrate(history),
        ProposalScenario.Pool());
}
