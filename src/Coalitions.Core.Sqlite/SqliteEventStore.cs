using System.Globalization;
using Coalitions.Core.Kernel;
using Coalitions.Core.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Coalitions.Core.Sqlite;

/// <summary>
/// The embedded event and snapshot store: one SQLite database, a file or in memory, with one <c>events</c> table keyed by
/// a gapless global position and unique on (stream, version), and one <c>snapshots</c> table. It creates its tables when
/// opened and passes the same conformance suite as every store.
/// </summary>
/// <remarks>
/// <para>A file database runs in WAL mode with <c>synchronous=NORMAL</c>: readers never wait for the writer, and a commit
/// is durable once the WAL is checkpointed (a power cut may lose the last commits, never corrupt the file). SQLite has one
/// writer at a time; this store queues its own appends in process, and other processes wait on the database lock.</para>
/// <para>Positions are SQLite row ids assigned inside the write transaction, so they follow commit order without gaps:
/// a projection reading after a position never misses an event.</para>
/// </remarks>
/// <threadsafety>Safe to use from several threads at once. Dispose it when the host stops.</threadsafety>
public sealed class SqliteEventStore : IEventStore, ISnapshotStore, IDisposable
{
    private const int SchemaVersion = 1;

    private static readonly InstantPattern Time = InstantPattern.ExtendedIso;
    private static readonly string[] InsertParameters = ["$stream", "$version", "$id", "$type", "$schema", "$recorded", "$data", "$metadata"];

    private readonly string _connectionString;
    private readonly SqliteConnection? _memory;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    private SqliteEventStore(string connectionString, bool inMemory, string description)
    {
        _connectionString = connectionString;
        DataSource = description;
        if (inMemory)
        {
            _memory = new SqliteConnection(connectionString);
            _memory.Open();
        }

        using var lease = Lease();
        Prepare(lease.Connection, inMemory);
    }

    /// <summary>Gets the database file's path, or <c>:memory:</c>.</summary>
    public string DataSource { get; }

    /// <summary>Opens (and creates, if missing) a database file in WAL mode.</summary>
    /// <param name="path">The file's path; its folder must exist.</param>
    /// <returns>The store.</returns>
    /// <exception cref="ArgumentException">A blank path.</exception>
    /// <exception cref="InvalidOperationException">The file was created by a newer version of this package.</exception>
    /// <exception cref="SqliteException">The file cannot be opened or is not a database.</exception>
    public static SqliteEventStore Open(string path)
    {
        Preconditions(!string.IsNullOrWhiteSpace(path), nameof(path), "A database file needs a path.");
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Cache = SqliteCacheMode.Private, Pooling = true };
        return new SqliteEventStore(builder.ToString(), inMemory: false, Path.GetFullPath(path));
    }

    /// <summary>Creates a private database in memory, kept until the store is disposed: for tests and samples.</summary>
    /// <returns>The store.</returns>
    public static SqliteEventStore InMemory()
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = ":memory:", Mode = SqliteOpenMode.Memory };
        return new SqliteEventStore(builder.ToString(), inMemory: true, ":memory:");
    }

    /// <inheritdoc />
    public async Task<AppendResult> AppendAsync(string streamName, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        EventStoreRules.CheckAppend(streamName, expectedVersion, events);
        // Stryker disable once Boolean : ConfigureAwait(false) only picks the context the await resumes on
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var lease = Lease();
            using var transaction = lease.Connection.BeginTransaction(deferred: false);
            var actual = StreamVersion(lease.Connection, streamName);
            if (actual != expectedVersion)
            {
                return Retried(lease.Connection, streamName, expectedVersion, events) ?? throw EventStoreRules.Conflict(streamName, expectedVersion, actual);
            }

            using var insert = lease.Connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO events (stream, version, event_id, event_type, schema_version, recorded_at, data, metadata)
                VALUES ($stream, $version, $id, $type, $schema, $recorded, $data, $metadata);
                SELECT last_insert_rowid();
                """;
            var parameters = InsertParameters
                .Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
            parameters[0].Value = streamName;
            long position = 0;
            for (var i = 0; i < events.Count; i++)
            {
                var data = events[i];
                parameters[1].Value = expectedVersion + i + 1;
                parameters[2].Value = data.EventId.ToString("D");
                parameters[3].Value = data.EventType;
                parameters[4].Value = data.SchemaVersion;
                parameters[5].Value = Time.Format(data.RecordedAt);
                parameters[6].Value = data.Data;
                parameters[7].Value = data.Metadata;
                position = (long)insert.ExecuteScalar()!;
            }

            cancellationToken.ThrowIfCancellationRequested();
            transaction.Commit();
            return new AppendResult(expectedVersion + events.Count, position);
        }
        catch (SqliteException duplicate) when (duplicate.SqliteErrorCode == 19)
        {
            // SQLITE_CONSTRAINT on (stream, version): another process appended between our check and our insert.
            throw EventStoreRules.Conflict(streamName, expectedVersion, expectedVersion + 1);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamName, long fromVersion, CancellationToken cancellationToken = default)
    {
        EventStoreRules.CheckReadStream(streamName, fromVersion);
        // Stryker disable once Boolean : ConfigureAwait(false) only picks the context the await resumes on
        return await ReadAsync(
            "WHERE stream = $stream AND version >= $from ORDER BY version",
            command =>
            {
                command.Parameters.AddWithValue("$stream", streamName);
                command.Parameters.AddWithValue("$from", fromVersion);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        EventStoreRules.CheckReadAll(afterPosition, maxCount);
        // Stryker disable once Boolean : ConfigureAwait(false) only picks the context the await resumes on
        return await ReadAsync(
            "WHERE position > $after ORDER BY position LIMIT $max",
            command =>
            {
                command.Parameters.AddWithValue("$after", afterPosition);
                command.Parameters.AddWithValue("$max", maxCount);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SaveSnapshotAsync(StoredSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        EventStoreRules.CheckSnapshot(snapshot);
        // Stryker disable once Boolean : ConfigureAwait(false) only picks the context the await resumes on
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var lease = Lease();
            using var command = lease.Connection.CreateCommand();
            command.CommandText = """
                INSERT INTO snapshots (stream, version, schema_version, taken_at, data) VALUES ($stream, $version, $schema, $taken, $data)
                ON CONFLICT (stream) DO UPDATE SET version = excluded.version, schema_version = excluded.schema_version, taken_at = excluded.taken_at, data = excluded.data
                WHERE excluded.version >= snapshots.version;
                """;
            command.Parameters.AddWithValue("$stream", snapshot.StreamName);
            command.Parameters.AddWithValue("$version", snapshot.Version);
            command.Parameters.AddWithValue("$schema", snapshot.SchemaVersion);
            command.Parameters.AddWithValue("$taken", Time.Format(snapshot.TakenAt));
            command.Parameters.AddWithValue("$data", snapshot.Data);
            command.ExecuteNonQuery();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<StoredSnapshot?> LoadSnapshotAsync(string streamName, CancellationToken cancellationToken = default)
    {
        EventStoreRules.CheckStreamName(streamName);
        // Stryker disable once Boolean : ConfigureAwait(false) only picks the context the await resumes on
        await WaitForReadAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var lease = Lease();
            using var command = lease.Connection.CreateCommand();
            command.CommandText = "SELECT version, schema_version, taken_at, data FROM snapshots WHERE stream = $stream";
            command.Parameters.AddWithValue("$stream", streamName);
            using var reader = command.ExecuteReader();
            return reader.Read()
                ? new StoredSnapshot(streamName, reader.GetInt64(0), reader.GetInt32(1), Time.Parse(reader.GetString(2)).Value, reader.GetString(3))
                : null;
        }
        finally
        {
            ReleaseRead();
        }
    }

    /// <summary>Closes the database (an in-memory one is gone afterwards).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _memory?.Dispose();
        _gate.Dispose();
        if (_memory is null)
        {
            // Pooled connections keep the file open (and its WAL) until cleared.
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }
    }

    private static void Preconditions(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, name);
        }
    }

    private static void Prepare(SqliteConnection connection, bool inMemory)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        var version = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            throw new InvalidOperationException($"The database has schema version {version}, made by a newer version of Coalitions.Core.Sqlite than this one ({SchemaVersion}).");
        }

        command.CommandText = (inMemory ? string.Empty : "PRAGMA journal_mode = WAL;") + $"""
            CREATE TABLE IF NOT EXISTS events (
                position INTEGER PRIMARY KEY,
                stream TEXT NOT NULL,
                version INTEGER NOT NULL,
                event_id TEXT NOT NULL,
                event_type TEXT NOT NULL,
                schema_version INTEGER NOT NULL,
                recorded_at TEXT NOT NULL,
                data TEXT NOT NULL,
                metadata TEXT NOT NULL,
                UNIQUE (stream, version)
            );
            CREATE TABLE IF NOT EXISTS snapshots (
                stream TEXT PRIMARY KEY,
                version INTEGER NOT NULL,
                schema_version INTEGER NOT NULL,
                taken_at TEXT NOT NULL,
                data TEXT NOT NULL
            );
            PRAGMA user_version = {SchemaVersion};
            """;
        command.ExecuteNonQuery();
    }

    private static long StreamVersion(SqliteConnection connection, string streamName)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(version), 0) FROM events WHERE stream = $stream";
        command.Parameters.AddWithValue("$stream", streamName);
        return (long)command.ExecuteScalar()!;
    }

    // The same events at the same versions already stored: an append whose answer was lost, retried.
    private static AppendResult? Retried(SqliteConnection connection, string streamName, long expectedVersion, IReadOnlyList<EventData> events)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT event_id, position FROM events WHERE stream = $stream AND version > $after AND version <= $last ORDER BY version";
        command.Parameters.AddWithValue("$stream", streamName);
        command.Parameters.AddWithValue("$after", expectedVersion);
        command.Parameters.AddWithValue("$last", expectedVersion + events.Count);
        using var reader = command.ExecuteReader();
        long position = 0;
        var i = 0;
        for (; reader.Read(); i++)
        {
            if (!string.Equals(reader.GetString(0), events[i].EventId.ToString("D"), StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            position = reader.GetInt64(1);
        }

        return i == events.Count ? new AppendResult(expectedVersion + events.Count, position) : null;
    }

    private async Task<IReadOnlyList<StoredEvent>> ReadAsync(string where, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        // Stryker disable once Boolean : ConfigureAwait(false) only picks the context the await resumes on
        await WaitForReadAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var lease = Lease();
            using var command = lease.Connection.CreateCommand();
            command.CommandText = $"SELECT event_id, stream, version, position, event_type, schema_version, recorded_at, data, metadata FROM events {where}";
            bind(command);
            using var reader = command.ExecuteReader();
            var events = new List<StoredEvent>();
            while (reader.Read())
            {
                // The reader is synchronous: a long stream's read stops at the next thousand rows once cancelled.
                if ((events.Count & 1023) == 1023)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                events.Add(new StoredEvent(
                    Guid.Parse(reader.GetString(0)),
                    reader.GetString(1),
                    reader.GetInt64(2),
                    reader.GetInt64(3),
                    reader.GetString(4),
                    reader.GetInt32(5),
                    Time.Parse(reader.GetString(6)).GetValueOrThrow(),
                    reader.GetString(7),
                    reader.GetString(8)));
            }

            return events;
        }
        finally
        {
            ReleaseRead();
        }
    }

    // A file database reads on pooled connections of its own, beside the writer; the in-memory one has one connection.
    // A cancelled read does not start, on either.
    private Task WaitForReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _memory is null ? Task.CompletedTask : _gate.WaitAsync(cancellationToken);
    }

    private void ReleaseRead()
    {
        if (_memory is not null)
        {
            _gate.Release();
        }
    }

    private Lease Lease()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_memory is not null)
        {
            return new Lease(_memory, owned: false);
        }

        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL";
        pragma.ExecuteNonQuery();
        return new Lease(connection, owned: true);
    }
}

/// <summary>A connection for one operation: a pooled one of its own, or the in-memory database's one.</summary>
internal readonly struct Lease(SqliteConnection connection, bool owned) : IDisposable
{
    public SqliteConnection Connection { get; } = connection;

    public void Dispose()
    {
        if (owned)
        {
            Connection.Dispose();
        }
    }
}
