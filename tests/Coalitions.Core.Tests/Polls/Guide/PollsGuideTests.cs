using System.Text.RegularExpressions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Polls;
using Coalitions.Core.Tests.Kit;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Polls.Guide;

/// <summary>docs/polls-and-elections.md shows the code of <see cref="PollsGuide"/>, which compiles with these tests and runs here.</summary>
public sealed partial class PollsGuideTests
{
    [Fact]
    public void The_code_in_the_polls_guide_is_the_code_these_tests_compile()
    {
        var source = File.ReadAllText(Path.Combine(GeneratedFile.RepositoryRoot, "tests/Coalitions.Core.Tests/Polls/Guide/PollsGuide.cs")).ReplaceLineEndings("\n");
        var regions = Region().Matches(source).ToDictionary(m => m.Groups["name"].Value, m => Dedent(m.Groups["body"].Value));
        var guide = File.ReadAllText(Path.Combine(GeneratedFile.RepositoryRoot, "docs/polls-and-elections.md")).ReplaceLineEndings("\n");
        var used = new HashSet<string>();

        var expected = Block().Replace(guide, m =>
        {
            var name = m.Groups["name"].Value;
            Assert.True(regions.ContainsKey(name), $"docs/polls-and-elections.md shows a snippet '{name}' that PollsGuide.cs does not have.");
            used.Add(name);
            return $"<!-- snippet: {name} -->\n```csharp\n{regions[name]}\n```";
        });

        Assert.Equal(regions.Keys.Order(), used.Order());
        GeneratedFile.AssertUpToDate("docs/polls-and-elections.md", expected);
    }

    [Fact]
    public void The_election_of_the_guide_runs_and_its_stored_result_reads_back_in_the_same_words()
    {
        var (poll, result) = PollsGuide.RunAnElection(TheCoalition, Members(3), Chair, Partner(2), Person(2), Start);

        var words = PollsGuide.WordsOfAStoredResult(poll);

        Assert.Equal(["baraka"], result.Winners);
        Assert.StartsWith("Elected: Baraka Mwangi.\nRound 1: Amina Otieno 0, Baraka Mwangi 1, Chiara Okafor 0.", words, StringComparison.Ordinal);
        Assert.Equal(PollStatus.Closed, poll.Status);
    }

    private static string Dedent(string body)
    {
        var lines = body.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.Trim())).TrimEnd();
    }

    [GeneratedRegex(@"#region snippet:(?<name>[\w-]+)\n(?<body>.*?)\n[ \t]*#endregion", RegexOptions.Singleline)]
    private static partial Regex Region();

    [GeneratedRegex(@"<!-- snippet: (?<name>[\w-]+) -->\n```csharp\n(?:(?!```)[^\n]*\n)*```")]
    private static partial Regex Block();
}
