using System.IO;
using System.Threading;

namespace RdsRecovery.Emulator.Store;

/// <summary>
/// The emulator's state in one SQLite file (WAL). Reads use pooled connections in parallel; writes are
/// serialized by one lock and run in a transaction, so check-then-act sequences (a restore's busy check
/// and its acceptance) are atomic.
/// </summary>
internal sealed partial class EmulatorStore : IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private long _nextDueMs = long.MaxValue;

    public EmulatorStore(string dataFile)
    {
        DataFile = dataFile;
        var folder = Path.GetDirectoryName(dataFile);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = dataFile,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        DropIfOtherVersion(connection);
        Execute(connection, Schema.Create);
        Execute(connection, ManualBackupSchema);
    }

    /// <summary>
    /// A file written by an emulator of another schema version (or one without a version) is emptied here, so it is
    /// reseeded by <see cref="Initialize"/> instead of failing the start: its data is test data, reproducible from the seed.
    /// </summary>
    private static void DropIfOtherVersion(SqliteConnection connection)
    {
        var hasMeta = Scalar(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'meta'") is not null;
        var anyTable = Scalar(connection, "SELECT name FROM sqlite_master WHERE type = 'table' LIMIT 1") is not null;
        if (!anyTable) return;
        var seeded = hasMeta ? Scalar(connection, "SELECT value FROM meta WHERE key = 'seeded'") as string : null;
        if (seeded is not null && seeded.Split('/')[0] == Schema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)) return;
        foreach (var table in Schema.Tables) Execute(connection, $"DROP TABLE IF EXISTS {table};");
    }

    public string DataFile { get; }

    /// <summary>The schema version and the seed fleet a file was filled from: "2/fleet-hash".</summary>
    private static string SeededMark => Schema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + SeedFleet.Fingerprint;

    /// <summary>Seeds when the file is new, was seeded from another fleet (an older emulator), or <paramref name="reset"/>; otherwise keeps what is there.</summary>
    public void Initialize(bool reset, long nowMs)
    {
        var seeded = Read(c => Scalar(c, "SELECT value FROM meta WHERE key = 'seeded'") as string) == SeededMark;
        if (reset || !seeded) Reset(nowMs);
        else
        {
            RecomputeNextDue();
            Write(c => SettleManualBackups(c, nowMs));
        }
    }

    public void Reset(long nowMs) => Write(c =>
    {
        Execute(c, "DELETE FROM instances; DELETE FROM instance_states; DELETE FROM backups; DELETE FROM jobs; DELETE FROM arranged; DELETE FROM tokens; DELETE FROM meta;");
        ClearManualBackupLife(c);
        Execute(c, "DELETE FROM table_events; DELETE FROM fast_restore;");
        Seed.Fill(c, nowMs);
        SeedTables.Fill(c);
        NonQuery(c, "INSERT INTO meta (key, value) VALUES ('seeded', $mark)", ("$mark", SeededMark));
        Interlocked.Exchange(ref _nextDueMs, long.MaxValue);
    });

    /// <summary>Sets <paramref name="field"/> to <paramref name="value"/> when that is lower, without a lock (readers use Interlocked.Read).</summary>
    private static void LowerTo(ref long field, long value)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref field);
            if (value >= current) return;
        }
        while (Interlocked.CompareExchange(ref field, value, current) != current);
    }

    public T Read<T>(Func<SqliteConnection, T> read)
    {
        using var connection = Open();
        return read(connection);
    }

    public void Write(Action<SqliteConnection> write) => Write<object?>(c => { write(c); return null; });

    public T Write<T>(Func<SqliteConnection, T> write)
    {
        _writeLock.Wait();
        try
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            var result = write(connection);
            transaction.Commit();
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // WAL with NORMAL sync survives a crash of the emulator (not of the machine) and spares a flush per write:
        // its data is test data, reproducible from the seed, and suites reset it thousands of times.
        Execute(connection, "PRAGMA synchronous=NORMAL;");
        return connection;
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static object? Scalar(SqliteConnection connection, string sql, params (string, object?)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    internal static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <summary>Every row the query answers, each read by <paramref name="row"/>: the store's one reading loop.</summary>
    internal static List<T> Rows<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> row, params (string, object?)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(row(reader));
        return rows;
    }

    internal static string? StringOrNull(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    internal static int NonQuery(SqliteConnection connection, string sql, params (string, object?)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _writeLock.Dispose();
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
