using System.Text.RegularExpressions;

namespace Coalitions.Core.Tests.Kit;

/// <summary>
/// Keeps a guide's code equal to compiled code: every block marked <c>&lt;!-- snippet: NAME --&gt;</c> in the page is the
/// region <c>#region snippet:NAME</c> of a source file that the tests compile and run, and every region is shown.
/// Run the tests with COALITIONS_UPDATE_DOCS=1 to copy the regions into the page.
/// </summary>
public static partial class GuidePage
{
    /// <summary>Asserts the page shows exactly the source's snippet regions (or rewrites the page when updating docs).</summary>
    /// <param name="guidePath">The page, relative to the repository root (for example docs/meetings.md).</param>
    /// <param name="sourcePath">The compiled source holding the regions, relative to the repository root.</param>
    public static void AssertShows(string guidePath, string sourcePath)
    {
        var source = File.ReadAllText(Path.Combine(GeneratedFile.RepositoryRoot, sourcePath)).ReplaceLineEndings("\n");
        var regions = Region().Matches(source).ToDictionary(m => m.Groups["name"].Value, m => Dedent(m.Groups["body"].Value));
        var guide = File.ReadAllText(Path.Combine(GeneratedFile.RepositoryRoot, guidePath)).ReplaceLineEndings("\n");
        var used = new HashSet<string>();

        var expected = Block().Replace(guide, m =>
        {
            var name = m.Groups["name"].Value;
            Assert.True(regions.ContainsKey(name), $"{guidePath} shows a snippet '{name}' that {sourcePath} does not have.");
            used.Add(name);
            return $"<!-- snippet: {name} -->\n```csharp\n{regions[name]}\n```";
        });

        Assert.True(used.Count > 0, $"{guidePath} shows no snippet of {sourcePath}.");
        Assert.Equal(regions.Keys.Order(), used.Order());
        GeneratedFile.AssertUpToDate(guidePath, expected);
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
