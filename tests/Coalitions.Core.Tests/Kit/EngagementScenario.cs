using Coalitions.Core.Engagement;
using Coalitions.Core.Kernel;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Kit;

/// <summary>Health checks and recognition of Learning for All (<see cref="AdvocacyScenario.Nine"/>), with fixed ids and keys.</summary>
public static class EngagementScenario
{
    public static readonly HealthCheckId Spring = HealthCheckId.FromGuid(Guid.Parse("f5000000-0000-0000-0000-000000000001"));
    public static readonly HealthCheckId Autumn = HealthCheckId.FromGuid(Guid.Parse("f5000000-0000-0000-0000-000000000002"));
    public static readonly AnonymityKey Key = AnonymityKey.FromBase64(Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()));
    public static readonly AnonymityKey OtherKey = AnonymityKey.FromBase64(Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray()));
    public static readonly AcknowledgementId FirstAcknowledgement = AcknowledgementId.FromGuid(Guid.Parse("f6000000-0000-0000-0000-000000000001"));

    public static HealthCheckDraft Draft(string title = "Spring 2026", LocalDate? closesOn = null, int minimum = 3, IReadOnlyList<HealthStatement>? statements = null) =>
        new(TheCoalition, title, closesOn ?? new LocalDate(2026, 3, 31), statements ?? HealthCheckStatements.Standard, minimum);

    /// <summary>The spring round, opened by the secretariat at <see cref="Scenario.Start"/> under <see cref="Key"/>; members 1 to 9 on its roster.</summary>
    public static HealthCheck OpenSpring(int minimum = 3) => HealthCheck.Open(Spring, Draft(minimum: minimum), Key, Nine, Secretariat, Start);

    /// <summary>Ratings of the given statements of the standard set.</summary>
    public static IReadOnlyList<HealthRating> Sheet(params (string Statement, int Score)[] ratings) =>
        ratings.Select(r => new HealthRating(new HealthStatementKey(r.Statement), r.Score)).ToArray();

    /// <summary>The same score for every statement of the standard set.</summary>
    public static IReadOnlyList<HealthRating> Uniform(int score) =>
        HealthCheckStatements.Standard.Select(s => new HealthRating(s.Key, score)).ToArray();

    /// <summary>Member n responds through its delegate.</summary>
    public static void RespondAs(this HealthCheck check, int member, IReadOnlyList<HealthRating> ratings, double atHours = 1) =>
        check.Respond(Partner(member), ratings, Key, Nine, For(member), Hours(atHours));

    public static FactSource Source(string room, int record, string? item = null) =>
        new(room, Guid.Parse(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"f7000000-0000-0000-0000-{record:D12}")), item);

    public static ParticipationFact Fact(int member, ParticipationKind kind, ParticipationResult result, LocalDate on, int record, string? item = null) =>
        new(Partner(member), kind, result, on, Source("Meetings", record, item));
}
