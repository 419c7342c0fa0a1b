using System.Text;
using System.Xml.Linq;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;

namespace Coalitions.Core.Tests.House;

/// <summary>
/// docs/api/ is the API reference: one page per namespace, generated from the compiled assembly and the XML
/// documentation the compiler writes beside it (Coalitions.Core.xml), and an index. A change to a public member or its
/// documentation fails here until the pages are regenerated (COALITIONS_UPDATE_DOCS=1) and the diff reviewed.
/// </summary>
public sealed class ApiReferenceTests
{
    private const string Folder = "docs/api";

    /// <summary>What each namespace is for: the index's one line per namespace. A new namespace needs its line here.</summary>
    private static readonly Dictionary<string, string> About = new(StringComparer.Ordinal)
    {
        ["Coalitions.Core.Advocacy"] = "Policy positions and their versions, sign-on statements and their endorsers, campaigns with objectives, targets and actions.",
        ["Coalitions.Core.Agreements"] = "Agreements (MOUs, partnership, data- and resource-sharing): parties, signatories, clauses, commitments, versions, amendments, notice and termination.",
        ["Coalitions.Core.Coalitions"] = "The coalition: its lifecycle, coordinators, charter and SMART goals, and the memberships it holds.",
        ["Coalitions.Core.Communication"] = "The communication plan: audiences, channels, a content calendar, the social media plan and the communications log.",
        ["Coalitions.Core.Conflicts"] = "Conflict cases from dialogue through mediation to a decision, with follow-ups and confidentiality.",
        ["Coalitions.Core.Decisions"] = "Proposals and the rules that decide them: majorities, consensus, consent, silence, chambers, vetoes, quorums, proxies, fallbacks, explained outcomes.",
        ["Coalitions.Core.Engagement"] = "Participation and members at risk, recognition, the anonymous collaboration health check and the value members gain.",
        ["Coalitions.Core.Governance"] = "Bodies, seats, terms, offices and rotation, chambers, the rule book and the governance templates.",
        ["Coalitions.Core.Hosting"] = "The scheduled-work projection and its runner: deadlines, reminders and lapses that fall due.",
        ["Coalitions.Core.Initiatives"] = "Joint initiatives with partners' roles, budgets, milestones and the IATI 2.03 export.",
        ["Coalitions.Core.Kernel"] = "What every room shares: typed ids, actors, aggregate roots, refusals and error codes, exact fractions and money, limits.",
        ["Coalitions.Core.Measurement"] = "Shared measurement: indicators against the charter's goals, their values and progress.",
        ["Coalitions.Core.Meetings"] = "Meetings across time zones, agendas, attendance, minutes and actions, series by a body's cadence, iCalendar, preparation for external events.",
        ["Coalitions.Core.Memberships"] = "Memberships: offers, tiers, rights, terms and grace periods, delegates, statuses computed from dates.",
        ["Coalitions.Core.Partners"] = "Partners (the member organizations), their profiles and representatives, partner fit, diversity and outreach.",
        ["Coalitions.Core.Polls"] = "Polls and elections: plurality, approval, instant runoff, Copeland, STV, score, dot vote and meeting-time polls, ties and round-by-round results.",
        ["Coalitions.Core.Resources"] = "Pledges, the pooled fund and its public ledger, expenses, and the shared library of resources and expertise.",
        ["Coalitions.Core.Serialization"] = "The JSON context for events and values, with NodaTime converters and stable event discriminators.",
        ["Coalitions.Core.Storage"] = "The event store contract, the in-memory store, AggregateStore, stream names, envelopes, upcasters and snapshots.",
    };

    private static readonly Lazy<ApiReference> Reference = new(() =>
    {
        var assembly = typeof(Actor).Assembly;
        return new ApiReference(assembly, XDocument.Load(Path.ChangeExtension(assembly.Location, ".xml")));
    });

    [Fact]
    public void The_api_reference_in_docs_api_is_what_the_assembly_and_its_documentation_say()
    {
        var pages = Pages();

        foreach (var (path, text) in pages)
        {
            GeneratedFile.AssertUpToDate(path, text);
        }

        var stale = Directory.EnumerateFiles(Path.Combine(GeneratedFile.RepositoryRoot, Folder), "*.md")
            .Select(f => $"{Folder}/{Path.GetFileName(f)}")
            .Except(pages.Select(p => p.Path))
            .ToList();
        Assert.True(stale.Count == 0, "Pages for namespaces that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public void Every_namespace_has_a_line_in_the_index() =>
        Assert.Empty(Reference.Value.Namespaces().Select(n => n.Namespace).Except(About.Keys));

    [Fact]
    public void The_documentation_of_every_type_and_member_shown_is_found()
    {
        // The compiler refuses a public member without XML docs (CS1591), so a member whose documentation is not found
        // here has a documentation id the generator computed wrongly.
        var undocumented = Reference.Value.Undocumented().ToList();
        Assert.True(undocumented.Count == 0, "No documentation found for:\n" + string.Join('\n', undocumented));
    }

    [Fact]
    public void Signatures_read_as_csharp_with_short_names_nullable_annotations_and_defaults()
    {
        var coalitions = Page("Coalitions.Core.Coalitions");
        Assert.Contains("- `public void AdoptCharter(Charter charter, DecisionReference? decision, Actor by, Instant at)`", coalitions, StringComparison.Ordinal);
        Assert.Contains("`public sealed record Charter`", coalitions, StringComparison.Ordinal);
        Assert.Contains("- `public static Coalition Found(CoalitionId id, string name, CoalitionForm form, string timeZone, Coordinator founder, Actor by, Instant at, int foundingMinimum = 3, RightsTable? rights = null, MembershipTerms? terms = null)`", coalitions, StringComparison.Ordinal);
        Assert.Contains("- `public bool TryGetMembership(PartnerId partner, out Membership? membership)`", coalitions, StringComparison.Ordinal);

        var kernel = Page("Coalitions.Core.Kernel");
        Assert.Contains("`public abstract class AggregateRoot<TId> : IAggregate where TId : struct`", kernel, StringComparison.Ordinal);
        Assert.DoesNotContain("EqualityContract", kernel, StringComparison.Ordinal);
        Assert.DoesNotContain("<Clone>$", kernel, StringComparison.Ordinal);
    }

    [Fact]
    public void Documentation_keeps_its_parameters_exceptions_examples_and_enum_meanings()
    {
        var coalitions = Page("Coalitions.Core.Coalitions");
        Assert.Contains("  - `by`: A coordinator of the coalition.", coalitions, StringComparison.Ordinal);
        Assert.Contains("  - throws `CoalitionRuleException`: ", coalitions, StringComparison.Ordinal);

        var decisions = Page("Coalitions.Core.Decisions");
        Assert.Contains("| `AdmitMember` | 1 | ", decisions, StringComparison.Ordinal);
        Assert.Contains("  Example:\n\n  ```\n", decisions, StringComparison.Ordinal);
        Assert.DoesNotContain("```csharp", decisions, StringComparison.Ordinal);   // examples are not compiled, so not marked as C# blocks the snippet test would demand
    }

    private static readonly Lazy<List<(string Path, string Text)>> Generated = new(Pages);

    private static string Page(string ns) => Generated.Value.Single(p => p.Path == $"{Folder}/{ns}.md").Text;

    private static List<(string Path, string Text)> Pages()
    {
        var reference = Reference.Value;
        var namespaces = reference.Namespaces();
        var pages = namespaces
            .Select(n => ($"{Folder}/{n.Namespace}.md", reference.Page(n.Namespace, n.Types, About.GetValueOrDefault(n.Namespace, ""))))
            .ToList();
        pages.Add(($"{Folder}/README.md", Index(reference, namespaces)));
        return pages;
    }

    private static string Index(ApiReference reference, IReadOnlyList<(string Namespace, IReadOnlyList<Type> Types)> namespaces)
    {
        var index = new StringBuilder("# API reference\n\n");
        index.Append("Every public type and member of Coalitions.Core, with its C# signature and its documentation, one page per namespace. ")
            .Append("Generated from the compiled assembly and its XML documentation by `tests/Coalitions.Core.Tests/House/ApiReferenceTests.cs`, ")
            .Append("which fails when these pages and the code differ; run the tests with `COALITIONS_UPDATE_DOCS=1` to regenerate them. ")
            .Append("The examples in the reference come from the XML documentation and are not compiled; the guides' code is ")
            .Append("(start with [getting-started.md](../getting-started.md)).\n\n");
        index.Append("| namespace | what it holds | aggregates | types |\n|---|---|---|---|\n");
        foreach (var (ns, types) in namespaces)
        {
            var aggregates = types.Where(t => !t.IsAbstract && typeof(IAggregate).IsAssignableFrom(t))
                .Select(t => $"[`{ApiReference.DisplayName(t)}`]({ns}.md#{ApiReference.Anchor(ApiReference.DisplayName(t))})");
            index.Append("| [").Append(ns).Append("](").Append(ns).Append(".md) | ").Append(About.GetValueOrDefault(ns, ""))
                .Append(" | ").Append(string.Join(", ", aggregates)).Append(" | ").Append(types.Count).Append(" |\n");
        }

        index.Append("\n## Every type\n\n");
        foreach (var group in namespaces.SelectMany(n => n.Types.Select(t => (n.Namespace, Type: t)))
            .GroupBy(t => char.ToUpperInvariant(ApiReference.DisplayName(t.Type)[0]))
            .OrderBy(g => g.Key))
        {
            index.Append("**").Append(group.Key).Append("** ");
            index.Append(string.Join(" · ", group
                .OrderBy(t => ApiReference.DisplayName(t.Type), StringComparer.Ordinal).ThenBy(t => t.Namespace, StringComparer.Ordinal)
                .Select(t => $"[`{ApiReference.DisplayName(t.Type)}`]({t.Namespace}.md#{ApiReference.Anchor(ApiReference.DisplayName(t.Type))})")));
            index.Append("\n\n");
        }

        return index.ToString().TrimEnd() + "\n";
    }
}
