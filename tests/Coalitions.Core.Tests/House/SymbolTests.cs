using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Tests.House;

/// <summary>
/// The debugger can step into the library without a repository: the portable PDB that ships in the symbol package
/// embeds the text of every source file it names (built with EmbedAllSources, as every build of src/ is).
/// </summary>
public class SymbolTests
{
    private static readonly Guid EmbeddedSource = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    [Fact]
    public void The_library_pdb_embeds_the_source_of_every_document_it_names()
    {
        var pdb = Path.ChangeExtension(typeof(CoalitionRuleException).Assembly.Location, ".pdb");
        using var stream = File.OpenRead(pdb);
        using var provider = MetadataReaderProvider.FromPortablePdbStream(stream);
        var reader = provider.GetMetadataReader();

        var documents = reader.Documents.Select(h => reader.GetString(reader.GetDocument(h).Name))
            .Where(name => name.EndsWith(".cs", StringComparison.Ordinal) && !name.Contains("/obj/", StringComparison.Ordinal) && !name.Contains("\\obj\\", StringComparison.Ordinal))
            .ToHashSet();
        var embedded = reader.CustomDebugInformation
            .Select(reader.GetCustomDebugInformation)
            .Where(info => reader.GetGuid(info.Kind) == EmbeddedSource && info.Parent.Kind == HandleKind.Document)
            .Select(info => reader.GetString(reader.GetDocument((DocumentHandle)info.Parent).Name))
            .ToHashSet();

        Assert.Contains(documents, d => d.EndsWith("Decisions/Proposal.cs", StringComparison.Ordinal) || d.EndsWith("Decisions\\Proposal.cs", StringComparison.Ordinal));
        Assert.Empty(documents.Except(embedded));
    }
}
