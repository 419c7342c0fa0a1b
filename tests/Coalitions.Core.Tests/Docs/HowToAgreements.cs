#pragma warning disable IDE0008, IDE0039 // the answers read as a program's statements
using Coalitions.Core.Agreements;
using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using NodaTime;

namespace GuideCode;

/// <summary>
/// The answers of docs/how-to/agreements.md, each a region copied into the page; run by
/// Coalitions.Core.Tests.Docs.HowToTests on the agreement that docs/getting-started.md signs.
/// </summary>
public static class HowToAgreements
{
    public static IReadOnlyList<CommitmentStanding> Commitments(Agreement mou, List<Partner> partners, Func<Partner, Actor> DelegateOf, TextWriter Console)
    {
        #region snippet:commitments
        // The committed party (or a party the commitment is owed to) records that it was delivered, and on which day.
        var literacyNow = partners[2];
        mou.RecordFulfilment("school-list", new LocalDate(2026, 5, 10), "Forty schools listed.", DelegateOf(literacyNow), Instant.FromUtc(2026, 5, 11, 9, 0));

        // What each party has committed, and where each commitment stands on a date (computed from the dates).
        var standing = mou.CommitmentsOf(literacyNow.Id, new LocalDate(2026, 6, 1));
        foreach (var (commitment, status) in standing)
        {
            Console.WriteLine($"{commitment.Description}, due {commitment.Due:d MMMM yyyy}: {status}");
        }
        #endregion
        return standing;
    }

    public static IReadOnlyList<ClauseChange> Amend(Agreement mou, List<Partner> partners, Func<Partner, Actor> DelegateOf, TextWriter Console)
    {
        #region snippet:amend
        var now = Instant.FromUtc(2026, 4, 1, 9, 0);
        var parties = partners.Take(3).ToList();

        // A party proposes a new text (here one more clause); every party signs the new version before it is in force.
        var current = mou.InForce!;
        var amended = new AgreementText(
            [.. current.Clauses, new Clause("data", ClauseKind.Confidentiality, "Pupils' data", "No party shares data that names a pupil.")],
            current.Commitments,
            current.Terms);
        mou.ProposeAmendment(amended, decision: null, DelegateOf(parties[0]), now);
        foreach (var party in parties)
        {
            mou.Sign(party.Id, DelegateOf(party), now + Duration.FromDays(1));
        }

        // What changed between the versions, clause by clause.
        var changes = mou.Compare(1, 2);
        foreach (var change in changes)
        {
            Console.WriteLine($"{change.Key}: {change.Change}");
        }
        #endregion
        return changes;
    }
}
