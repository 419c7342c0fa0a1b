using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Coalitions.Core.Storage.Tests.PostgreSql;

/// <summary>
/// A throwaway PostgreSQL cluster started from the installed server binaries (initdb and pg_ctl): a temp folder, a free
/// loopback port, trust authentication, durability off (fsync, synchronous_commit, full_page_writes) for speed. Stopped
/// and deleted on dispose; clusters left behind by a test run that crashed are stopped by the next one.
/// </summary>
/// <remarks>
/// initdb refuses to run as root, so under root the cluster runs as the <c>postgres</c> user (or <c>nobody</c>) through
/// <c>runuser</c>. The benchmarks and the portal tests link this file too.
/// </remarks>
public sealed class PostgreSqlCluster : IAsyncDisposable
{
    /// <summary>What to tell someone whose machine lacks the binaries.</summary>
    public const string InstallHint =
        "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them (Debian/Ubuntu: sudo apt-get install postgresql; " +
        "Fedora: sudo dnf install postgresql-server; macOS: brew install postgresql) or set COALITIONS_PG_BIN to the folder that holds them.";

    private const string FolderPrefix = "coalitions-pg-";
    private const string User = "coalitions";

    private readonly string _binaries;
    private readonly string _folder;
    private readonly string? _runAs;

    private PostgreSqlCluster(string binaries, string folder, string? runAs, int port)
    {
        _binaries = binaries;
        _folder = folder;
        _runAs = runAs;
        Port = port;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username={User};Database=postgres;Maximum Pool Size=40;Timeout=30;Include Error Detail=true";
    }

    /// <summary>Gets the port the server listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Gets a connection string for the <c>postgres</c> database as the superuser.</summary>
    public string ConnectionString { get; }

    /// <summary>Finds the folder holding initdb and pg_ctl: COALITIONS_PG_BIN if set (and nowhere else), the PATH, then the usual install folders.</summary>
    /// <returns>The folder, or <see langword="null"/> when there are no binaries.</returns>
    public static string? FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("COALITIONS_PG_BIN");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return HasBinaries(configured) ? configured : null;
        }

        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var root in new[] { "/usr/lib/postgresql", "/usr/local/pgsql", "/opt/homebrew/opt", "/usr/local/opt" }.Where(Directory.Exists))
        {
            // Debian keeps one folder per major version, /usr/lib/postgresql/15/bin: prefer the newest.
            candidates.AddRange(Directory.GetDirectories(root).OrderByDescending(VersionOf).Select(d => Path.Combine(d, "bin")));
            candidates.Add(Path.Combine(root, "bin"));
        }

        candidates.AddRange(Directory.Exists("/usr") ? Directory.GetDirectories("/usr", "pgsql-*").OrderByDescending(VersionOf).Select(d => Path.Combine(d, "bin")) : []);
        return candidates.FirstOrDefault(HasBinaries);
    }

    /// <summary>Creates and starts a cluster.</summary>
    /// <param name="binaries">The folder holding initdb and pg_ctl.</param>
    /// <returns>The running cluster.</returns>
    /// <exception cref="InvalidOperationException">initdb or pg_ctl failed; the message holds their output.</exception>
    public static async Task<PostgreSqlCluster> StartAsync(string binaries)
    {
        var runAs = Environment.IsPrivilegedProcess ? UnprivilegedUser() : null;
        await StopAbandonedAsync(binaries, runAs);
        var folder = Path.Combine(runAs is null ? Path.GetTempPath() : "/tmp", $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"[..(FolderPrefix.Length + 20)]);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (runAs is not null)
        {
            await RunAsync("chown", ["-R", runAs, folder], null, folder);
        }

        var data = Path.Combine(folder, "data");
        await RunAsync(Path.Combine(binaries, "initdb"), ["-D", data, "-U", User, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], runAs, folder);
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var options = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=64MB";
            try
            {
                await RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o", options, "start"], runAs, folder);
                return new PostgreSqlCluster(binaries, folder, runAs, port);
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Another process took the port between our probe and the server's bind: try another.
            }
        }
    }

    /// <summary>Stops the server at once and deletes its folder.</summary>
    /// <returns>A task that completes when the cluster is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync(Path.Combine(_binaries, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"], _runAs, _folder);
        }
        finally
        {
            TryDelete(_folder);
        }
    }

    private static bool HasBinaries(string folder) =>
        File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl"));

    private static double VersionOf(string folder) =>
        double.TryParse(new string(Path.GetFileName(folder).Where(c => char.IsDigit(c) || c == '.').ToArray()), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static string UnprivilegedUser() =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(line => line.StartsWith("postgres:", StringComparison.Ordinal)) ? "postgres" : "nobody";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Clusters of test runs that died before stopping them: their owner process is gone.
    private static async Task StopAbandonedAsync(string binaries, string? runAs)
    {
        foreach (var folder in Directory.GetDirectories(runAs is null ? Path.GetTempPath() : "/tmp", FolderPrefix + "*"))
        {
            var owner = Path.Combine(folder, "owner.pid");
            if (!File.Exists(owner) || !int.TryParse(await File.ReadAllTextAsync(owner), out var pid) || IsAlive(pid))
            {
                continue;
            }

            if (File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
            {
                try
                {
                    await RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop"], runAs, folder);
                }
                catch (InvalidOperationException)
                {
                    // Already stopped.
                }
            }

            TryDelete(folder);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next run's cleanup.
        }
        catch (UnauthorizedAccessException)
        {
            // Left for the next run's cleanup.
        }
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, string? runAs, string workingDirectory)
    {
        var start = new ProcessStartInfo
        {
            FileName = runAs is null ? file : "runuser",
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runAs is not null)
        {
            foreach (var argument in new[] { "-u", runAs, "--", file })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LC_ALL"] = "C";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = new StringBuilder();
        var reading = Task.WhenAll(
            Task.Run(async () => output.Append(await process.StandardOutput.ReadToEndAsync())),
            Task.Run(async () => output.Append(await process.StandardError.ReadToEndAsync())));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        await reading;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output}");
        }
    }
}
