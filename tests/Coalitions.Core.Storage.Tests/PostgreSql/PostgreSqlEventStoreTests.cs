using Coalitions.Core.PostgreSql;
using NodaTime;
using Npgsql;

namespace Coalitions.Core.Storage.Tests.PostgreSql;

/// <summary>
/// What the PostgreSQL store adds to the shared contract: its schema name, which it writes into its SQL and so checks
/// before anything reaches the database, and who owns its data source. No server needed.
/// </summary>
public sealed class PostgreSqlSchemaNameTests
{
    [Theory]
    [InlineData("coalitions")]
    [InlineData("a")]
    [InlineData("_private")]
    [InlineData("tenant_42")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123")]
    public void A_schema_name_of_one_to_63_lower_case_letters_digits_and_underscores_is_taken(string schema)
    {
        using var source = NpgsqlDataSource.Create("Host=127.0.0.1");

        Assert.Equal(schema, new PostgreSqlEventStore(source, schema).Schema);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Coalitions")]
    [InlineData("1st")]
    [InlineData("tenant-42")]
    [InlineData("tenant 42")]
    [InlineData("coalitions;drop")]
    [InlineData("coalitions\n")]
    [InlineData("\ncoalitions")]
    [InlineData("café")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void Any_other_schema_name_is_refused_before_it_reaches_the_database(string schema)
    {
        using var source = NpgsqlDataSource.Create("Host=127.0.0.1");

        var refusal = Assert.Throws<ArgumentException>(() => new PostgreSqlEventStore(source, schema));

        Assert.Equal("schema", refusal.ParamName);
        Assert.StartsWith("A schema name is 1 to 63 lower-case letters, digits and underscores, starting with a letter or underscore.", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_needs_a_data_source_and_a_schema_name()
    {
        using var source = NpgsqlDataSource.Create("Host=127.0.0.1");

        Assert.Equal("dataSource", Assert.Throws<ArgumentNullException>(() => new PostgreSqlEventStore(null!)).ParamName);
        Assert.Equal("schema", Assert.Throws<ArgumentNullException>(() => new PostgreSqlEventStore(source, null!)).ParamName);
        Assert.Equal("coalitions", new PostgreSqlEventStore(source).Schema);
    }

    [Fact]
    public async Task A_store_over_the_hosts_data_source_leaves_it_open_when_disposed()
    {
        // Port 1 on the loopback address: nothing listens there, so a live data source's connection is refused at once.
        await using var source = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=nobody;Timeout=5");

        new PostgreSqlEventStore(source).Dispose();
        await new PostgreSqlEventStore(source).DisposeAsync();

        // Still the host's: it still tries to connect (the driver's error), where a disposed one would refuse at once
        // (ObjectDisposedException, which is no NpgsqlException).
        await Assert.ThrowsAnyAsync<NpgsqlException>(async () => await source.OpenConnectionAsync());
    }

    [Fact]
    public async Task Opening_a_database_that_cannot_be_reached_fails_with_the_drivers_error()
    {
        // Port 1 on the loopback address: nothing listens there, so the connection is refused at once.
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => PostgreSqlEventStore.OpenAsync("Host=127.0.0.1;Port=1;Username=nobody;Timeout=5"));
    }
}

/// <summary>The PostgreSQL store against a real server: schemas side by side, setup run twice, the data source it owns.</summary>
[Collection(PostgreSqlTests.Name)]
public sealed class PostgreSqlEventStoreTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 3, 2, 9, 0, 0);
    private readonly PostgreSqlFixture _cluster;

    public PostgreSqlEventStoreTests(PostgreSqlFixture cluster)
    {
        _cluster = cluster;
        Skip.If(cluster.SkipReason is not null, cluster.SkipReason);
    }

    [SkippableFact]
    public async Task Two_schemas_in_one_database_keep_logs_of_their_own()
    {
        await using var first = await _cluster.NewStoreAsync();
        await using var second = await _cluster.NewStoreAsync();

        await first.AppendAsync("proposal-a", 0, [Data(), Data()]);
        var other = await second.AppendAsync("proposal-a", 0, [Data()]);

        Assert.Equal(new AppendResult(1, 1), other);
        Assert.Equal(2, (await first.ReadAllAsync(0, 10)).Count);
        Assert.Single(await second.ReadAllAsync(0, 10));
    }

    [SkippableFact]
    public async Task Creating_the_schema_again_keeps_its_events_and_snapshots()
    {
        await using var store = await _cluster.NewStoreAsync();
        var stored = Data();
        await store.AppendAsync("proposal-a", 0, [stored]);
        await store.SaveSnapshotAsync(new StoredSnapshot("proposal-a", 1, 1, At, "{}"));

        await store.CreateSchemaAsync();
        await using var again = await PostgreSqlEventStore.OpenAsync(_cluster.ConnectionString, store.Schema);

        Assert.Equal([stored.EventId], (await again.ReadStreamAsync("proposal-a", 1)).Select(e => e.EventId));
        Assert.Equal(1L, (await again.LoadSnapshotAsync("proposal-a"))!.Version);
    }

    [SkippableFact]
    public async Task A_store_that_opened_its_own_data_source_closes_it_when_disposed()
    {
        var store = await _cluster.NewStoreAsync();
        await store.AppendAsync("proposal-a", 0, [Data()]);

        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.ReadAllAsync(0, 10));
    }

    [SkippableFact]
    public async Task A_store_closed_synchronously_closes_its_own_data_source_too()
    {
        var store = await _cluster.NewStoreAsync();

        store.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.ReadAllAsync(0, 10));
    }

    private static EventData Data() => new(Guid.NewGuid(), "Decisions.ProposalSubmitted", 1, At, "{}", "{}");
}
