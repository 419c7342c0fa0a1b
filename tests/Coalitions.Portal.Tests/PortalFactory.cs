using Coalitions.Core.Storage;
using Coalitions.Portal.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;

namespace Coalitions.Portal.Tests;

/// <summary>
/// The portal in process over a SQLite file of its own, seeded at a fixed instant, with a fake clock the test moves.
/// The scheduler is off unless the test turns it on; a test may wrap the event store (to hold an append, say).
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    /// <summary>When the seeded story ends: the open vote's deadline is six days later.</summary>
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 9, 9, 0);

    private readonly string _folder = Directory.CreateTempSubdirectory("coalitions-portal-tests-").FullName;

    /// <summary>Gets the clock every command and the scheduler read.</summary>
    public FakeClock Clock { get; } = new(Start);

    /// <summary>Gets or sets the scheduler's interval; null leaves the scheduler off.</summary>
    public TimeSpan? SchedulerInterval { get; init; }

    /// <summary>Gets or sets a wrapper around the event store.</summary>
    public Func<IEventStore, IEventStore>? WrapStore { get; init; }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Portal:Database", Path.Combine(_folder, "portal.db"));
        builder.UseSetting("Portal:Scheduler:Enabled", SchedulerInterval is null ? "false" : "true");
        builder.UseSetting("Portal:Scheduler:Interval", (SchedulerInterval ?? TimeSpan.FromMinutes(1)).ToString());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IClock>();
            services.AddSingleton<IClock>(Clock);
            if (WrapStore is { } wrap)
            {
                services.RemoveAll<IEventStore>();
                services.AddSingleton(sp => wrap(sp.GetRequiredService<OpenedStore>().Store));
            }
        });
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine: the temp folder is cleaned up later.
        }
    }
}
