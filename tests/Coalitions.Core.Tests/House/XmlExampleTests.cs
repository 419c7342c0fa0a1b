using System.Net;
using System.Text.RegularExpressions;
using Coalitions.Core.Tests.Kit;

namespace Coalitions.Core.Tests.House;

/// <summary>
/// No example in the XML documentation can rot either: the code of every <c>&lt;example&gt;</c> in the library's sources
/// (the <c>///</c> prefixes stripped, XML entities decoded) must appear, line for line, in a source file the build
/// compiles, as the C# blocks of the pages must (tests/Coalitions.Core.Tests/Docs/XmlExamples*.cs runs them).
/// </summary>
public partial class SnippetTests
{
    [Fact]
    public void Every_example_in_the_xml_documentation_is_compiled_by_a_test()
    {
        var compiled = CompiledSources().Select(Normalize).ToList();
        var examples = LibrarySources().SelectMany(Examples).ToList();
        var missing = examples
            .Where(example => !compiled.Any(source => Contains(source, Normalize(example.Code))))
            .Select(example => $"{example.File}:{example.Line} ({Normalize(example.Code)[0]})")
            .ToList();

        Assert.True(examples.Count >= 60, $"Only {examples.Count} examples were found in src/Coalitions.Core: is the extraction broken?");
        Assert.True(missing.Count == 0, "These <example> blocks are not compiled anywhere (copy them into tests/Coalitions.Core.Tests/Docs/XmlExamples*.cs, or fix the drift):\n" + string.Join('\n', missing));
    }

    [Fact]
    public void The_check_finds_an_xml_example_that_no_source_contains()
    {
        var file = "namespace A;\n\n/// <summary>A.</summary>\n/// <example>\n/// <code>\n/// var answer = 41 &lt; 42 &amp;&amp; true; // never compiled\n/// </code>\n/// </example>\npublic class B\n{\n}\n";
        var example = Assert.Single(Examples(("B.cs", file)));
        Assert.Equal(5, example.Line);
        Assert.Equal(["var answer = 41 < 42 && true; // never compiled"], Normalize(example.Code));
        Assert.DoesNotContain(CompiledSources().Select(Normalize), source => Contains(source, Normalize(example.Code)));
    }

    [Fact]
    public void The_check_reads_an_example_written_on_one_line_and_ignores_code_outside_examples()
    {
        var file = "/// <remarks><code>var notAnExample = 1;</code></remarks>\n    /// <example>\n    /// <code>var x = new List&lt;int&gt;();</code>\n    /// </example>\n";
        var example = Assert.Single(Examples(("C.cs", file)));
        Assert.Equal(3, example.Line);
        Assert.Equal(["var x = new List<int>();"], Normalize(example.Code));
    }

    private static IEnumerable<(string File, string Text)> LibrarySources()
    {
        var root = GeneratedFile.RepositoryRoot;
        return Directory.EnumerateFiles(Path.Combine(root, "src", "Coalitions.Core"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(root, f), File.ReadAllText(f)));
    }

    /// <summary>The code of each <c>&lt;example&gt;</c> of a source file, with the line its <c>&lt;code&gt;</c> starts on.</summary>
    private static IEnumerable<(string File, int Line, string Code)> Examples((string File, string Text) source)
    {
        var text = source.Text.ReplaceLineEndings("\n");
        foreach (Match example in XmlExample().Matches(text))
        {
            foreach (Match code in XmlCode().Matches(example.Value))
            {
                var index = example.Index + code.Index;
                var line = text[..index].Count(c => c == '\n') + 1;
                yield return (source.File, line, WebUtility.HtmlDecode(DocPrefix().Replace(code.Groups["code"].Value, string.Empty)));
            }
        }
    }

    [GeneratedRegex(@"<example>.*?</example>", RegexOptions.Singleline)]
    private static partial Regex XmlExample();

    [GeneratedRegex(@"<code>(?<code>.*?)</code>", RegexOptions.Singleline)]
    private static partial Regex XmlCode();

    [GeneratedRegex(@"^[ \t]*///", RegexOptions.Multiline)]
    private static partial Regex DocPrefix();
}
