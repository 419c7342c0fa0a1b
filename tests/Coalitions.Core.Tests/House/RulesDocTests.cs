using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Coalitions.Core.Tests.Kit;

namespace Coalitions.Core.Tests.House;

/// <summary>
/// docs/rules.md is the rule book the tests enforce, in words: every test's name is a sentence, so the page lists them
/// by room and by class for a coalition organizer to read. It is generated from this assembly and kept equal to it.
/// </summary>
public partial class RulesDocTests
{
    private static readonly Dictionary<string, string> Rooms = new(StringComparer.Ordinal)
    {
        ["Partners"] = "Partners",
        ["Coalitions"] = "Coalitions and membership",
        ["Governance"] = "Governance",
        ["Decisions"] = "Decisions",
        ["Polls"] = "Polls and elections",
        ["Agreements"] = "Agreements",
        ["Meetings"] = "Meetings",
        ["Communication"] = "Communication",
        ["Resources"] = "Resources",
        ["Initiatives"] = "Joint initiatives",
        ["Measurement"] = "Shared measurement",
        ["Advocacy"] = "Advocacy",
        ["Engagement"] = "Engagement",
        ["Conflicts"] = "Conflicts",
        ["Hosting"] = "Hosting and scheduled work",
        ["Storage"] = "Storage",
        ["Serialization"] = "Stored events",
        ["Kernel"] = "Kernel: actors, ids, limits and messages",
        ["House"] = "The library's own design rules",
        ["Docs"] = "The guides' code",
    };

    [Fact]
    public void The_rules_page_in_docs_lists_every_test_by_room_and_class() =>
        GeneratedFile.AssertUpToDate("docs/rules.md", Render());

    [Fact]
    public void A_test_name_reads_as_a_sentence()
    {
        Assert.Equal("A suspended member cannot cast a ballot", Sentence("A_suspended_member_cannot_cast_a_ballot"));
        Assert.Equal("Stand asides count within the limit", Sentence("Stand_asides_count_within_the_limit"));
        Assert.Equal("Proposal door", Title("ProposalDoorTests"));
        Assert.Equal("STV count", Title("STVCountTests"));
    }

    [Fact]
    public void Every_test_folder_belongs_to_a_room_on_the_page()
    {
        var folders = Tests().Select(t => Folder(t.Class)).Distinct().Where(f => !Rooms.ContainsKey(f)).ToList();
        Assert.True(folders.Count == 0, $"Name these test folders in RulesDocTests.Rooms: {string.Join(", ", folders)}");
    }

    internal static string Render()
    {
        var tests = Tests().ToList();
        var page = new StringBuilder();
        page.Append("# The rules the tests enforce\n\n");
        page.Append("Generated from the names of the tests in tests/Coalitions.Core.Tests (each name is a sentence that states the\n");
        page.Append("rule it checks) by House/RulesDocTests, which fails when this page and the tests differ. Regenerate it with\n");
        page.Append("`COALITIONS_UPDATE_DOCS=1 dotnet test`. A rule whose test is a theory holds for every case the test lists.\n");
        page.Append(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"\n{tests.Count:N0} rules in {tests.Select(t => t.Class).Distinct().Count():N0} groups.\n"));

        foreach (var room in Rooms.Where(r => tests.Any(t => Folder(t.Class) == r.Key)))
        {
            page.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n## {room.Value}\n");
            foreach (var group in tests.Where(t => Folder(t.Class) == room.Key).GroupBy(t => t.Class).OrderBy(g => g.Key.Name, StringComparer.Ordinal))
            {
                page.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n### {Title(group.Key.Name)}\n\n");
                foreach (var test in group)
                {
                    page.Append(System.Globalization.CultureInfo.InvariantCulture, $"- {Sentence(test.Method.Name)}\n");
                }
            }
        }

        return page.ToString();
    }

    private static IEnumerable<(Type Class, MethodInfo Method)> Tests() =>
        typeof(RulesDocTests).Assembly.GetTypes()
            .Where(t => t.IsClass && t.Namespace is not null && t.Namespace.StartsWith("Coalitions.Core.Tests.", StringComparison.Ordinal))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any())
                .OrderBy(m => m.MetadataToken)
                .Select(m => (t, m)));

    private static string Folder(Type type) => type.Namespace!["Coalitions.Core.Tests.".Length..].Split('.')[0];

    private static string Sentence(string name)
    {
        var words = name.Replace('_', ' ').Trim();
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static string Title(string className)
    {
        var name = className.EndsWith("Tests", StringComparison.Ordinal) ? className[..^"Tests".Length] : className;
        var words = Words().Matches(name).Select(m => m.Value).ToList();
        return string.Join(' ', words.Select((w, i) => i == 0 || w.All(char.IsUpper) ? w : w.ToLowerInvariant()));
    }

    [GeneratedRegex("[A-Z]+(?![a-z])|[A-Z][a-z0-9]*|[a-z0-9]+")]
    private static partial Regex Words();
}
