using Coalitions.Core.Communication;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.MeetingScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Docs;

/// <summary>docs/communication.md shows the code of <see cref="CommunicationGuide"/>, which compiles with these tests and runs here.</summary>
public sealed class CommunicationGuideTests
{
    [Fact]
    public void The_code_in_the_communication_guide_is_the_code_these_tests_compile() =>
        GuidePage.AssertShows("docs/communication.md", "tests/Coalitions.Core.Tests/Docs/CommunicationGuide.cs");

    [Fact]
    public void The_communication_guide_runs_from_the_plan_to_its_log_and_measures()
    {
        var plan = CommunicationGuide.Communicate(Coalition, TheGovernance, CommunicationScenario.Adoption, Secretariat, Person(5), Person(6), Start);
        Assert.Equal(CommunicationPlanStatus.Adopted, plan.Status);

        var calendar = CommunicationGuide.Calendar(plan, Coalition, For(6), Start);
        Assert.Contains(calendar, e => e.Content == new ContentKey("forum-reel") && e.On == new LocalDate(2026, 4, 20) && !e.Sent);
        Assert.Contains(calendar, e => e.Channel == new ChannelKey("newsletter") && e.On == new LocalDate(2026, 4, 1));

        var due = CommunicationGuide.LogAndMeasure(plan, Coalition, For(5), For(6), CommunicationScenario.OnDay(4, 1), CommunicationScenario.OnDay(4, 30));

        Assert.Equal(2, due.Count);
        Assert.All(due, d => Assert.Equal(DueState.Overdue, d.State));
        Assert.Equal(new Fraction(1, 4), plan.ProgressOn(new LocalDate(2026, 5, 8)).Single().Achieved);
    }
}
