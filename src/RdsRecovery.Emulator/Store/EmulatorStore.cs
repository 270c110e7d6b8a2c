using System;
using System.IO;
using System.Threading;
using Microsoft.Data.Sqlite;

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
        Execute(connection, Schema.Create);
    }

    public string DataFile { get; }

    /// <summary>Seeds when the file is new (or <paramref name="reset"/>); otherwise keeps what is there.</summary>
    public void Initialize(bool reset, long nowMs)
    {
        var seeded = Read(c => Scalar(c, "SELECT value FROM meta WHERE key = 'seeded'") is not null);
        if (reset || !seeded) Reset(nowMs);
        else RecomputeNextDue();
    }

    public void Reset(long nowMs) => Write(c =>
    {
        Execute(c, "DELETE FROM instances; DELETE FROM instance_states; DELETE FROM backups; DELETE FROM jobs; DELETE FROM arranged; DELETE FROM tokens; DELETE FROM meta;");
        Seed.Fill(c, nowMs);
        Execute(c, "INSERT INTO meta (key, value) VALUES ('seeded', '" + Schema.Version + "')");
        Interlocked.Exchange(ref _nextDueMs, long.MaxValue);
    });

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
