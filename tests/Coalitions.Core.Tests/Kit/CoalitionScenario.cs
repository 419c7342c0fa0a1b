using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Partners;
using NodaTime;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Kit;

/// <summary>Coalitions founded and populated in known ways; dates are in Africa/Nairobi (UTC+3).</summary>
public static class CoalitionScenario
{
    /// <summary>The founder and first coordinator of every scenario coalition.</summary>
    public static readonly Coordinator Convenor = new(Person(800), "Wanjiru Kamau");

    public static readonly Actor Secretariat = Actor.ForPerson(Person(800));

    /// <summary>A rule book that names rules for the given matters only (none for admitting members: an open door).</summary>
    public sealed record RuleBookOf(CoalitionId Coalition, params MatterType[] Matters) : IRuleBook
    {
        public bool NamesRuleFor(MatterType matter) => Matters.Contains(matter);
    }

    /// <summary>A rule book of the scenario coalition that names no rule for admitting members.</summary>
    public static IRuleBook OpenDoor { get; } = new RuleBookOf(TheCoalition);

    /// <summary>A rule book of the scenario coalition under which admitting a member takes an adopted decision.</summary>
    public static IRuleBook AdmissionByDecision { get; } = new RuleBookOf(TheCoalition, MatterType.AdmitMember);

    /// <summary>Partner n as its record stands: named "Member n", represented by person n.</summary>
    public static PartnerSnapshot Member(int n) => new(Partner(n), PartnerScenario.Profile($"Member {n}"), [Person(n)]);

    public static MembershipOffer Offer(int n, MembershipTier tier = MembershipTier.Full, long weight = 1) => new(Partner(n), tier, [Person(n)], weight);

    /// <summary>Invites member n as a coordinator would, under a rule book that names no rule for admitting members.</summary>
    public static void Invite(this Coalition coalition, int member, MembershipTier tier = MembershipTier.Full, Instant? at = null, long weight = 1) =>
        coalition.Invite(Offer(member, tier, weight), Member(member), OpenDoor, null, Secretariat, at ?? Start);

    public static Goal Goal(decimal target = 90m, LocalDate? deadline = null, GoalDirection direction = GoalDirection.Increase, decimal baseline = 70m) =>
        new("Every child reads by age ten", "Share of ten-year-olds reading at grade level", "%", baseline, target, direction, deadline ?? new LocalDate(2030, 12, 31));

    public static Charter Charter(params Goal[] goals) => new(
        "Too many children in the county leave primary school unable to read.",
        "Every child in the county reads with confidence.",
        "We combine our schools, libraries and advocacy to put reading first.",
        ["Mutuality: each member gains and gives.", "Clear expectations, rights and responsibilities.", "Accountability and transparency to members and communities."],
        ["Speak one at a time and listen fully.", "Criticize ideas, not people."],
        goals.Length == 0 ? [Goal()] : goals);

    public static Coalition Founded(int foundingMinimum = 3, MembershipTerms? terms = null) =>
        Coalition.Found(TheCoalition, "Learning for All", CoalitionForm.Coalition, "Africa/Nairobi", Convenor, Secretariat, Start, foundingMinimum, terms: terms);

    /// <summary>
    /// "Another coalition" (id c0…02, Africa/Nairobi), forming, with the scenario's convenor and secretariat and member
    /// <paramref name="member"/> of the scenario coalition as a founding member: someone who acts in both.
    /// </summary>
    public static Coalition AnotherWith(int member)
    {
        var id = CoalitionId.FromGuid(Guid.Parse("c0000000-0000-0000-0000-000000000002"));
        var other = Coalition.Found(id, "Another coalition", CoalitionForm.Alliance, "Africa/Nairobi", Convenor, Secretariat, Start);
        other.BeginForming(Secretariat, Start);
        other.Invite(Offer(member, MembershipTier.Founding), Member(member), new RuleBookOf(id), null, Secretariat, Start);
        other.AcceptMembership(Partner(member), For(member), Start);
        return other;
    }

    public static void Join(this Coalition coalition, int member, MembershipTier tier = MembershipTier.Founding, Instant? at = null, long weight = 1)
    {
        coalition.Invite(member, tier, at, weight);
        coalition.AcceptMembership(Partner(member), For(member), at ?? Start);
    }

    /// <summary>An active coalition with members 1..<paramref name="founders"/> as founding members.</summary>
    public static Coalition ActiveWith(int founders = 3)
    {
        var coalition = Founded();
        coalition.BeginForming(Secretariat, Start);
        coalition.AdoptFoundingCharter(Charter(), Secretariat, Start);
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
