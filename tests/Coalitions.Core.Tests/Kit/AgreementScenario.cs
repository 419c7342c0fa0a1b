using Coalitions.Core.Agreements;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Kernel;
using NodaTime;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Kit;

/// <summary>An MOU among members 1, 2 and 3 of Learning for All ("Member n"), each signing through person n; member 1 drafts it.</summary>
public static class AgreementScenario
{
    public static readonly AgreementId TheAgreement = AgreementId.FromGuid(Guid.Parse("f0000000-0000-0000-0000-000000000001"));

    public static IReadOnlyList<Clause> Clauses(string rolesText = "Member 1 hosts the secretariat; members 2 and 3 lead the working groups.") =>
    [
        new("purpose", ClauseKind.Purpose, "Purpose", "The parties work together so that every child in the county reads by age ten."),
        new("roles", ClauseKind.Roles, "Roles", rolesText),
        new("termination", ClauseKind.Termination, "Termination", "A party may withdraw with three months' notice."),
    ];

    public static IReadOnlyList<Commitment> Commitments() =>
    [
        new("secretariat-time", Partner(1), CommitmentKind.StaffTime, "Half a post for the secretariat", new LocalDate(2026, 4, 30), Hours: 400m),
        new("reading-fund", Partner(2), CommitmentKind.Money, "Contribution to the reading fund", new LocalDate(2026, 6, 30), new Money(5_000m, "KES")),
        new("baseline-study", Partner(3), CommitmentKind.Deliverable, "Baseline reading study", new LocalDate(2026, 9, 30)),
    ];

    public static AgreementTerms Terms() => new(new LocalDate(2026, 3, 2), new LocalDate(2027, 3, 1), Period.FromMonths(3));

    public static AgreementText Text(string? roles = null) => new(roles is null ? Clauses() : Clauses(roles), Commitments(), Terms());

    public const string Title = "Memorandum of understanding of Learning for All";

    /// <summary>Member n of the coalition (or an outside partner), signing through person n.</summary>
    public static AgreementParty Party(int n, bool outside = false) => new(Partner(n), outside ? $"Partner {n}" : $"Member {n}", [Person(n)], outside);

    public static AgreementDraft Mou(bool amendmentsNeedDecision = false) => new(
        AgreementType.MemorandumOfUnderstanding,
        Title,
        [Party(1), Party(2), Party(3)],
        Text(),
        amendmentsNeedDecision);

    /// <summary>Learning for All, active, with members 1, 2 and 3 (delegates: persons 1, 2 and 3).</summary>
    public static Coalition Founders() => CoalitionScenario.ActiveWith(3);

    public static Agreement Drafted(bool amendmentsNeedDecision = false) => Agreement.Draft(TheAgreement, Mou(amendmentsNeedDecision), Founders(), For(1), Start);

    public static Agreement Circulating()
    {
        var agreement = Drafted();
        agreement.Circulate(For(1), Start);
        return agreement;
    }

    public static Agreement SignedByAll(bool amendmentsNeedDecision = false)
    {
        var agreement = Drafted(amendmentsNeedDecision);
        agreement.Circulate(For(1), Start);
        for (var p = 1; p <= 3; p++)
        {
            agreement.Sign(Partner(p), For(p), Hours(p));
        }

        return agreement;
    }

    public static Instant OnUtc(int year, int month, int day) => Instant.FromUtc(year, month, day, 12, 0);
}
