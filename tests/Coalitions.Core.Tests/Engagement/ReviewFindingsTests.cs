using Coalitions.Core.Engagement;
using Coalitions.Core.Kernel;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.EngagementScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Engagement;

/// <summary>Defects found in review of the engagement room: each test fails on the code reviewed and passes once fixed.</summary>
public class ReviewFindingsTests
{
    private static readonly DateInterval March = new(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31));
    private static readonly DateInterval April = new(new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 30));

    [Fact]
    public void The_same_value_fact_given_twice_counts_once()
    {
        // Participation counts a fact given twice once; a value statement counts it twice and doubles its money.
        var fact = new ValueFact(Partner(4), ValueDirection.Gave, ValueKind.Contribution, new LocalDate(2026, 3, 10), Source("Resources", 1, "pledge 1"), "Printing", new Money(250_000m, "KES"));

        var statement = MemberValue.Of(Nine, Partner(4), [fact, fact], March);
        var line = Assert.Single(statement.Gave);

        Assert.Equal(1, line.Count);
        Assert.Equal([new Money(250_000m, "KES")], line.Amounts);
    }
}
