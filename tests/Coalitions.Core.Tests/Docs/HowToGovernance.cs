#pragma warning disable IDE0008, IDE0039 // the answers read as a program's statements
using Coalitions.Core.Coalitions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using NodaTime;

namespace GuideCode;

/// <summary>
/// The answers of docs/how-to/governance.md, each a region copied into the page; run by
/// Coalitions.Core.Tests.Docs.HowToTests on the coalition that docs/getting-started.md builds.
/// </summary>
public static class HowToGovernance
{
    public static void ReadTheRuleBook(CoalitionGovernance governance, TextWriter Console)
    {
        #region snippet:rule-book
        // For every matter: the body that decides, its rule in words, and how many members must second a proposal.
        foreach (var (matter, entry) in governance.Rules.OrderBy(r => r.Key))
        {
            var body = governance.Bodies.Single(b => b.Key == entry.DecidingBody);
            Console.WriteLine($"{matter}: {body.Name}; {entry.Rule.Describe()}; seconders needed: {entry.SecondersRequired}");
        }
        #endregion
    }

    public static SeatHolding FillAVacancy(List<Partner> partners, Coalition coalition, CoalitionGovernance governance, Actor coordinator, TextWriter Console)
    {
        #region snippet:vacancy
        var now = Instant.FromUtc(2026, 6, 1, 9, 0);
        var vacancyDay = new LocalDate(2026, 6, 1);

        // Seat 3 of the steering committee falls vacant; someone is appointed for the rest of its term (an interim appointment).
        governance.Vacate("steering-committee", seat: 3, on: vacancyDay, reason: "The member's delegate resigned.", coalition, coordinator, now);
        var candidate = partners[5];
        var eligible = governance.CheckNomination("steering-committee", candidate.Id, coalition, vacancyDay, now);
        if (!eligible.IsAllowed)
        {
            Console.WriteLine(eligible.Failures[0].Message);
        }

        var holding = governance.Appoint("steering-committee", seat: 3, candidate.Snapshot, coalition, from: vacancyDay, interim: true, coordinator, now);
        Console.WriteLine($"{candidate.Profile.Name} holds seat 3 from {holding.From:d MMMM yyyy} to {holding.To:d MMMM yyyy}.");
        #endregion
        return holding;
    }

    public static PartnerId RotateTheChair(List<Partner> partners, Coalition coalition, CoalitionGovernance governance, Actor coordinator)
    {
        #region snippet:rotation
        var now = Instant.FromUtc(2026, 3, 16, 9, 0);

        // The chair rotates among the committee's members in an agreed order; the scheduler (or a coordinator) rotates it.
        var members = governance.SittingMembers("steering-committee", coalition, now);
        governance.SetRotation("steering-committee", Office.Chair, members, coalition, coordinator, now);
        var chair = governance.Rotate("steering-committee", Office.Chair, coalition, Actor.System("scheduler"), now);
        var holder = governance.OfficeHolder("steering-committee", Office.Chair);   // the same partner, as stored
        #endregion
        return holder ?? chair;
    }
}
