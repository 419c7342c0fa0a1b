using Coalitions.Core.PostgreSql;
using Coalitions.Core.Sqlite;
using Coalitions.Core.Storage;
using Coalitions.Portal.Seed;
using NodaTime;

namespace Coalitions.Portal.Hosting;

/// <summary>
/// The storage seam: which event store the portal runs on. A connection string named <c>Coalitions</c>
/// (<c>ConnectionStrings:Coalitions</c>, for example the environment variable <c>ConnectionStrings__Coalitions</c>)
/// selects PostgreSQL through Coalitions.Core.PostgreSql; without one, the portal keeps one SQLite file
/// (<c>Portal:Database</c>, by default <c>App_Data/portal.db</c> under the content root).
/// </summary>
/// <summary>The store the portal opened, and where it is in words (never a connection string's secrets).</summary>
/// <param name="Store">The event store.</param>
/// <param name="Description">Where it is.</param>
public sealed record OpenedStore(IEventStore Store, string Description);

internal static class PortalStorage
{
    /// <summary>Opens the configured store.</summary>
    /// <param name="configuration">The host's configuration.</param>
    /// <param name="contentRoot">The content root, against which a relative SQLite path is resolved.</param>
    /// <returns>The store and a description of where it is (never the connection string's secrets).</returns>
    public static async Task<OpenedStore> OpenAsync(IConfiguration configuration, string contentRoot)
    {
        var postgres = configuration.GetConnectionString("Coalitions");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            var schema = configuration["Portal:Schema"] ?? "coalitions";
            var store = await PostgreSqlEventStore.OpenAsync(postgres, schema);
            return new OpenedStore(store, $"PostgreSQL, schema '{schema}'");
        }

        var file = configuration["Portal:Database"] ?? Path.Combine("App_Data", "portal.db");
        var path = Path.GetFullPath(file, contentRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new OpenedStore(SqliteEventStore.Open(path), $"SQLite file {path}");
    }

    /// <summary>Seeds the quickstart's coalition when the store is empty.</summary>
    /// <param name="store">The aggregate store.</param>
    /// <param name="clock">The clock that says when "now" is.</param>
    /// <param name="cancellationToken">Cancels the seeding.</param>
    /// <returns>Whether the store was seeded.</returns>
    public static async Task<bool> SeedIfEmptyAsync(AggregateStore store, IClock clock, CancellationToken cancellationToken = default)
    {
        if ((await store.Events.ReadAllAsync(0, 1, cancellationToken)).Count > 0)
        {
            return false;
        }

        await LearningForAll.SeedAsync(store, clock.GetCurrentInstant(), cancellationToken);
        return true;
    }
}
