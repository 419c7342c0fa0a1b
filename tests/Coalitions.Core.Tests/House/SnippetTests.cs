using System.Text.RegularExpressions;
using Coalitions.Core.Tests.Kit;

namespace Coalitions.Core.Tests.House;

/// <summary>
/// No snippet can rot: every C# block in the README, the package README and docs/ must appear, line for line, in a
/// source file that the build compiles (a guide test under tests/, a sample under samples/). A block that drifts from
/// its compiled twin, or was never compiled, fails here with the page and the line where the block starts.
/// </summary>
public partial class SnippetTests
{
    [Fact]
    public void Every_csharp_block_in_the_readme_and_the_docs_is_compiled_by_a_test_or_a_sample()
    {
        var compiled = CompiledSources().Select(Normalize).ToList();
        var missing = new List<string>();
        foreach (var (page, line, block) in Pages().SelectMany(Blocks))
        {
            var lines = Normalize(block);
            if (lines.Count > 0 && !compiled.Any(source => Contains(source, lines)))
            {
                missing.Add($"{page}:{line} ({lines[0]})");
            }
        }

        Assert.True(missing.Count == 0, "These C# blocks are not compiled anywhere (copy them into a guide test or a sample, or fix the drift):\n" + string.Join('\n', missing));
    }

    [Fact]
    public void The_check_finds_a_block_that_no_source_contains()
    {
        var page = "```csharp\nvar answer = 41 + 1; // never compiled\n```\n";
        var (_, line, block) = Assert.Single(Blocks(("page.md", page)));
        Assert.Equal(1, line);
        Assert.DoesNotContain(CompiledSources().Select(Normalize), source => Contains(source, Normalize(block)));
    }

    [Fact]
    public void The_check_ignores_indentation_and_blank_lines_but_not_code()
    {
        var withUsings = Normalize("using System;\nusing NodaTime;\n\nclass A\n{\n    void M() => Console.WriteLine(Instant.MinValue);\n}\n");
        Assert.True(Contains(withUsings, Normalize("using NodaTime;\nusing System;\n\nvoid M() => Console.WriteLine(Instant.MinValue);")));
        Assert.False(Contains(withUsings, Normalize("using System.Linq;\nvoid M() => Console.WriteLine(Instant.MinValue);")));
        var source = Normalize("class A\n{\n    void M()\n    {\n        var x = 1;\n\n        var y = x + 1;\n    }\n}\n");
        Assert.True(Contains(source, Normalize("var x = 1;\nvar y = x + 1;")));
        Assert.False(Contains(source, Normalize("var x = 1;\nvar y = x + 2;")));
    }

    private static IEnumerable<(string Page, string Text)> Pages()
    {
        var root = GeneratedFile.RepositoryRoot;
        var files = new List<string> { Path.Combine(root, "README.md") };
        files.AddRange(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories));
        files.AddRange(Directory.EnumerateFiles(Path.Combine(root, "src"), "*.md", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)));
        return files.Order(StringComparer.Ordinal).Select(f => (Path.GetRelativePath(root, f), File.ReadAllText(f)));
    }

    private static IEnumerable<string> CompiledSources()
    {
        var root = GeneratedFile.RepositoryRoot;
        return new[] { "tests", "samples" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText);
    }

    private static IEnumerable<(string Page, int Line, string Block)> Blocks((string Page, string Text) page)
    {
        foreach (Match match in Fence().Matches(page.Text.ReplaceLineEndings("\n")))
        {
            var line = page.Text.ReplaceLineEndings("\n")[..match.Index].Count(c => c == '\n') + 1;
            yield return (page.Page, line, match.Groups["code"].Value);
        }
    }

    private static List<string> Normalize(string code) =>
        code.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>
    /// Whether the source holds the block: its using directives anywhere in the file (a compiled file keeps them at
    /// its top), and the rest of its lines one after another.
    /// </summary>
    private static bool Contains(List<string> source, List<string> block)
    {
        var directives = block.Where(l => Directive().IsMatch(l)).ToList();
        if (directives.Count > 0)
        {
            return directives.All(source.Contains) && Contains(source, block.Where(l => !Directive().IsMatch(l)).ToList());
        }

        if (block.Count == 0)
        {
            return true;
        }

        for (var start = source.IndexOf(block[0]); start >= 0 && start + block.Count <= source.Count; start = source.IndexOf(block[0], start + 1))
        {
            if (source.Skip(start).Take(block.Count).SequenceEqual(block, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^using (static )?[A-Za-z_][A-Za-z0-9_.]*;$")]
    private static partial Regex Directive();

    [GeneratedRegex(@"^```(?:csharp|cs|c#)[ \t]*\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();
}
