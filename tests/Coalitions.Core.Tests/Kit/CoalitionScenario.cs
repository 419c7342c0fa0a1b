using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Membership;
using NodaTime;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Kit;

/// <summary>Coalitions founded and populated in known ways; dates are in Africa/Nairobi (UTC+3).</summary>
public static class CoalitionScenario
{
    public static readonly Actor Secretariat = Actor.ForPerson(Person(800));

    public static Goal Goal(decimal? target = 90m, LocalDate? deadline = null, GoalDirection direction = GoalDirection.Increase, decimal baseline = 70m) =>
        new("Every child reads by age ten", "Share of ten-year-olds reading at grade level", "%", baseline, target, direction, deadline ?? new LocalDate(2030, 12, 31));

    public static Charter Charter(params Goal[] goals) => new(
        "Too many children in the county leave primary school unable to read.",
        "Every child in the county reads with confidence.",
        "We combine our schools, libraries and advocacy to put reading first.",
        ["Mutuality: each member gains and gives.", "Clear expectations, rights and responsibilities.", "Accountability and transparency to members and communities."],
        ["Speak one at a time and listen fully.", "Criticize ideas, not people."],
        goals.Length == 0 ? [Goal()] : goals);

    public static Coalition Founded(int foundingMinimum = 3, MembershipTerms? terms = null) =>
        Coalition.Found(TheCoalition, "Learning for All", CoalitionForm.Coalition, "Africa/Nairobi", Secretariat, Start, foundingMinimum, terms: terms);

    public static void Join(this Coalition coalition, int member, MembershipTier tier = MembershipTier.Founding, Instant? at = null, long weight = 1)
    {
        coalition.Invite(new MembershipOffer(Partner(member), tier, [Person(member)], weight), Secretariat, at ?? Start);
        coalition.AcceptMembership(Partner(member), For(member), at ?? Start);
    }

    /// <summary>An active coalition with members 1..<paramref name="founders"/> as founding members.</summary>
    public static Coalition ActiveWith(int founders = 3)
    {
        var coalition = Founded();
        coalition.BeginForming(Secretariat, Start);
        coalition.AdoptCharter(Charter(), null, Secretariat, Start);
        for (var m = 1; m <= founders; m++)
        {
            coalition.Join(m);
        }

        coalition.Activate(Secretariat, Start);
        return coalition;
    }

    /// <summary>Renews member n on 1 March of each year from 2027 through <paramref name="through"/>, keeping it in good standing.</summary>
    public static void RenewYearly(this Coalition coalition, int member, int through)
    {
        for (var year = 2027; year <= through; year++)
        {
            coalition.Renew(Partner(member), Secretariat, OnDate(year, 3, 1));
        }
    }

    public static DecisionReference Adopted(MatterType matter, CoalitionId? coalition = null, DecisionResult result = DecisionResult.Adopted) =>
        new(ProposalNumber(7), coalition ?? TheCoalition, matter, result, Start);

    public static Instant OnDate(int year, int month, int day) =>
        new LocalDate(year, month, day).AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Africa/Nairobi"]).ToInstant() + Duration.FromHours(12);
}
