namespace Coalitions.Core.Tests.Kit;

/// <summary>
/// Keeps a generated artefact in the repository equal to what the code produces. A difference fails
/// the test; run the tests with COALITIONS_UPDATE_DOCS=1 to rewrite the file, then review the diff.
/// </summary>
public static class GeneratedFile
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static void AssertUpToDate(string relativePath, string expected)
    {
        var path = Path.Combine(RepositoryRoot, relativePath);
        expected = expected.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("COALITIONS_UPDATE_DOCS") == "1" &&
            Environment.GetEnvironmentVariable("CI") != "true")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), $"{relativePath} is missing; run the tests with COALITIONS_UPDATE_DOCS=1 to generate it.");
        var actual = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(
            actual == expected,
            $"{relativePath} differs from what the code generates; run the tests with COALITIONS_UPDATE_DOCS=1 and review the diff.");
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Coalitions.Core.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Coalitions.Core.sln not found above the test output folder.");
    }
}
