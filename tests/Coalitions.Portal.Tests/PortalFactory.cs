using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
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
/// The portal in process over a SQLite file of its own (or a PostgreSQL schema, when the test gives a connection string),
/// seeded at a fixed instant, with a fake clock the test moves. The scheduler is off unless the test turns it on; a test
/// may wrap the event store (to hold an append, say).
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

    /// <summary>Gets or sets a PostgreSQL connection string: the portal's storage switch, as a host sets it (<c>ConnectionStrings:Coalitions</c>).</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Gets or sets the PostgreSQL schema (<c>Portal:Schema</c>); the portal's default when null.</summary>
    public string? Schema { get; init; }

    /// <summary>Gets or sets a wrapper around the event store.</summary>
    public Func<IEventStore, IEventStore>? WrapStore { get; init; }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Portal:Database", Path.Combine(_folder, "portal.db"));
        builder.UseSetting("Portal:Scheduler:Enabled", SchedulerInterval is null ? "false" : "true");
        builder.UseSetting("Portal:Scheduler:Interval", (SchedulerInterval ?? TimeSpan.FromMinutes(1)).ToString());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (ConnectionString is not null)
        {
            builder.UseSetting("ConnectionStrings:Coalitions", ConnectionString);
        }

        if (Schema is not null)
        {
            builder.UseSetting("Portal:Schema", Schema);
        }

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

    /// <summary>
    /// Opens another vote of the seeded coalition before all nine members, with the coordinator as facilitator, as the
    /// library's commands do it: drafted by a member's delegate, submitted, opened now.
    /// </summary>
    /// <param name="title">The proposal's title.</param>
    /// <param name="rule">How it is decided.</param>
    /// <returns>The proposal's id.</returns>
    public async Task<ProposalId> OpenVoteAsync(string title, DecisionRule rule)
    {
        var portal = Services.GetRequiredService<PortalContext>();
        var (coalition, _) = (await portal.CoalitionAsync())!.Value;
        var chair = Actor.ForPerson(coalition.Coordinators[0].Person);
        var names = await portal.PartnerNamesAsync();
        var proposer = coalition.Members.First();
        var by = Actor.Representing(proposer.Delegates[0], proposer.Partner);
        var now = portal.Now;
        var proposal = Proposal.Draft(ProposalId.New(), new ProposalDraft(coalition.Id, MatterType.IssuePublicStatement, title, $"{title}: a statement the tests open.", proposer.Partner, rule, [chair.Person!.Value]), by, now);
        proposal.Submit(by, now);
        proposal.OpenVoting(coalition.ElectorateFor(MatterType.IssuePublicStatement, now, names.GetValueOrDefault), chair, now);
        await portal.Store.SaveAsync(proposal);
        return proposal.Id;
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
