using Coalitions.Core.Tests.Kit;

namespace Coalitions.Core.Tests.Docs;

/// <summary>Every C# block of a room's guide is code a test compiles and runs: its lines appear, in order and together, in the guide's test class.</summary>
public class GuideCodeTests
{
    [Theory]
    [InlineData("docs/advocacy.md", "tests/Coalitions.Core.Tests/Docs/AdvocacyGuideTests.cs")]
    [InlineData("docs/engagement.md", "tests/Coalitions.Core.Tests/Docs/EngagementGuideTests.cs")]
    [InlineData("docs/conflicts.md", "tests/Coalitions.Core.Tests/Docs/ConflictsGuideTests.cs")]
    public void Every_code_block_of_the_guide_is_in_its_compiled_test(string guide, string test)
    {
        var blocks = Blocks(File.ReadAllLines(Path.Combine(GeneratedFile.RepositoryRoot, guide)));
        var code = Lines(File.ReadAllLines(Path.Combine(GeneratedFile.RepositoryRoot, test)));

        Assert.NotEmpty(blocks);
        Assert.All(blocks, block => Assert.True(Contains(code, block), $"This block of {guide} is not in {test}:\n{string.Join('\n', block)}"));
    }

    private static List<string[]> Blocks(string[] lines)
    {
        var blocks = new List<string[]>();
        List<string>? current = null;
        foreach (var line in lines)
        {
            if (current is null && line.Trim() == "```csharp")
            {
                current = [];
            }
            else if (current is not null && line.Trim() == "```")
            {
                blocks.Add(Lines(current));
                current = null;
            }
            else
            {
                current?.Add(line);
            }
        }

        return blocks;
    }

    private static string[] Lines(IEnumerable<string> lines) => lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

    private static bool Contains(string[] code, string[] block) =>
        block.Length > 0 && Enumerable.Range(0, Math.Max(0, code.Length - block.Length + 1)).Any(i => code.AsSpan(i, block.Length).SequenceEqual(block));
}
