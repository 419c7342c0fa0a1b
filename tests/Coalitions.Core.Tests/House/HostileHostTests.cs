using Coalitions.Core.Agreements;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.PartnerScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using AgreementAggregate = global::Coalitions.Core.Agreements.Agreement;
using PartnerAggregate = global::Coalitions.Core.Partners.Partner;

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
        Agreement,
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

    public static HostileCase Agreement => new(
        "Agreement",
        () =>
        {
            var drafted = AgreementScenario.Drafted();
            var circulating = AgreementScenario.Circulating();
            var partlySigned = AgreementScenario.Circulating();
            partlySigned.Sign(Scenario.Partner(1), For(1), Hours(1));
            partlySigned.Sign(Scenario.Partner(2), For(2), Hours(2));
            var inForce = AgreementScenario.SignedByAll();
            inForce.RecordFulfilment("secretariat-time", new LocalDate(2026, 4, 20), "Post filled.", For(1), AgreementScenario.OnUtc(2026, 4, 21));
            var noticeGiven = AgreementScenario.SignedByAll();
            noticeGiven.GiveNotice(Scenario.Partner(3), "Funding ended.", For(3), AgreementScenario.OnUtc(2026, 6, 15));
            var amending = AgreementScenario.SignedByAll(amendmentsNeedDecision: true);
            amending.ProposeAmendment(AgreementScenario.Text("Member 3 hosts the secretariat."), CoalitionScenario.Adopted(MatterType.AmendAgreement), For(2), AgreementScenario.OnUtc(2026, 5, 1));
            amending.Sign(Scenario.Partner(1), For(1), AgreementScenario.OnUtc(2026, 5, 2));
            var terminated = AgreementScenario.SignedByAll();
            terminated.Terminate("The coalition dissolved.", CoalitionScenario.Adopted(MatterType.Dissolve), For(1), AgreementScenario.OnUtc(2026, 7, 1));
            var notYetInForce = AgreementAggregate.Draft(AgreementScenario.TheAgreement, WithOutsidePartner(), AgreementScenario.Founders(), For(1), Start);
            notYetInForce.Circulate(For(1), Hours(1));
            notYetInForce.Sign(Scenario.Partner(1), For(1), Hours(2));
            notYetInForce.Sign(Scenario.Partner(5), For(5), Hours(3));
            return [.. new[] { drafted, circulating, partlySigned, inForce, noticeGiven, amending, terminated, notYetInForce }.Select(a => a.DequeueUncommittedEvents())];
        },
        history => AgreementAggregate.Rehydrate(history),
        new ValuePool()
            // The parties' own signatories come up most often, so that commands get past who may act to what they check next.
            .Add(For(1), For(1), For(1), For(2), For(2), For(3), For(3), For(4), For(5), Actor.ForPerson(Person(1)), Actor.Representing(Person(2), Scenario.Partner(1)), Actor.System("scheduler"))
            .Add(Scenario.Partner(1), Scenario.Partner(1), Scenario.Partner(2), Scenario.Partner(3), Scenario.Partner(4), Scenario.Partner(5))
            .Add(AgreementScenario.TheAgreement)
            .Add(_ => AgreementId.New())
            .Add(Start, Hours(1), Hours(24), AgreementScenario.OnUtc(2026, 5, 1), AgreementScenario.OnUtc(2026, 12, 15), AgreementScenario.OnUtc(2027, 2, 1), AgreementScenario.OnUtc(2027, 6, 1), AgreementScenario.OnUtc(2028, 1, 1))
            .Add(new LocalDate(2026, 4, 20), new LocalDate(2026, 6, 1), new LocalDate(2027, 1, 1))
            .Add("secretariat-time", "reading-fund", "baseline-study", "no-such", "Funding ended.", "Post filled.")
            .Add(
                AgreementScenario.Text(),
                AgreementScenario.Text("Member 2 hosts the secretariat."),
                AgreementScenario.Text() with { Terms = AgreementScenario.Terms() with { EffectiveUntil = new LocalDate(2029, 3, 1) } },
                AgreementScenario.Text() with { Terms = AgreementScenario.Terms() with { EffectiveFrom = new LocalDate(2026, 4, 1) } },
                WithOutsidePartner().Text)
            .Add(
                AgreementScenario.Mou(),
                AgreementScenario.Mou(amendmentsNeedDecision: true),
                WithOutsidePartner(),
                WithOutsidePartner() with { Parties = [AgreementScenario.Party(1), AgreementScenario.Party(5)] })
            .Add(AgreementScenario.Founders())
            .Add(
                CoalitionScenario.Adopted(MatterType.AmendAgreement),
                CoalitionScenario.Adopted(MatterType.Dissolve),
                CoalitionScenario.Adopted(MatterType.AmendCharter),
                CoalitionScenario.Adopted(MatterType.AmendAgreement, result: DecisionResult.Rejected),
                new DecisionReference(ProposalNumber(8), TheCoalition, MatterType.AmendAgreement, DecisionResult.Adopted, AgreementScenario.OnUtc(2027, 1, 1)))
            .Add(AgreementScenario.Clauses().ToArray())
            .Add(AgreementScenario.Commitments().ToArray())
            .Add(AgreementScenario.Party(1), AgreementScenario.Party(2), AgreementScenario.Party(5, outside: true))
            .Add(AgreementScenario.Terms()));

    // Member 1 and an outside partner (5), signing a data-sharing agreement that starts in 2027.
    private static AgreementDraft WithOutsidePartner() => new(
        AgreementType.DataSharingAgreement,
        "Reading data sharing",
        [AgreementScenario.Party(1), AgreementScenario.Party(5, outside: true)],
        new AgreementText(
            [new Clause("data", ClauseKind.Purpose, "Data", "Partner 5 shares anonymized reading scores with member 1.")],
            [new Commitment("scores", Scenario.Partner(5), CommitmentKind.Deliverable, "Reading scores of 2026", new LocalDate(2027, 3, 31))],
            new AgreementTerms(new LocalDate(2027, 1, 1), null, Period.FromMonths(1))));
}
