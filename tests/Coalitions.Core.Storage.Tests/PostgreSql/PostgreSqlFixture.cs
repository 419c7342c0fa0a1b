using Coalitions.Core.PostgreSql;

namespace Coalitions.Core.Storage.Tests.PostgreSql;

/// <summary>
/// One throwaway PostgreSQL cluster for every test in the <see cref="PostgreSqlTests"/>, started once and stopped
/// at the end. Without the server binaries the tests skip, saying how to install them, except under CI=true, where the
/// fixture fails and so does every PostgreSQL test.
/// </summary>
/// <remarks>The portal tests link this file and its cluster, and run the portal on PostgreSQL in the same collection.</remarks>
public sealed class PostgreSqlFixture : IAsyncLifetime
{
    private static int _schemas;
    private PostgreSqlCluster? _cluster;

    /// <summary>Gets why the tests skip, or <see langword="null"/> when the cluster runs.</summary>
    public string? SkipReason { get; private set; }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async Task InitializeAsync()
    {
        var binaries = PostgreSqlCluster.FindBinaries();
        if (binaries is null)
        {
            if (IsCi)
            {
                throw new InvalidOperationException($"{PostgreSqlCluster.InstallHint} Under CI=true the PostgreSQL tests fail instead of skipping.");
            }

            SkipReason = PostgreSqlCluster.InstallHint;
            return;
        }

        _cluster = await PostgreSqlCluster.StartAsync(binaries);
    }

    /// <summary>A store in a schema of its own, so every test starts from an empty log.</summary>
    /// <returns>The store.</returns>
    public Task<PostgreSqlEventStore> NewStoreAsync() =>
        PostgreSqlEventStore.OpenAsync(ConnectionString, $"t{Interlocked.Increment(ref _schemas)}_{Environment.ProcessId}");

    public string ConnectionString => _cluster?.ConnectionString ?? throw new InvalidOperationException(SkipReason);

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlTests : ICollectionFixture<PostgreSqlFixture>
{
    public const string Name = "PostgreSQL";
}
