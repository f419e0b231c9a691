/**
 * @module Opens the database: a better-sqlite3 file by default, PostgreSQL when a URL is given.
 *
 * SQLite runs in WAL mode with `synchronous=FULL`, set and checked on the connection when it is
 * opened: WAL survives in the file, but `synchronous` does not, and a reopened WAL database would
 * silently drop to NORMAL, where a power cut can lose the last acknowledged transactions.
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { CompiledQuery, Kysely, sql, SqliteAdapter, SqliteDialect, SqliteDriver } from 'kysely'
import type {
  DatabaseConnection,
  Dialect,
  Driver,
  Logger,
  SqliteDatabase,
  SqliteDialectConfig,
} from 'kysely'
import type { Database } from './database.ts'
import { callbackPool } from './postgres-pool.ts'

export type DatabaseConfig = (
  | {
      kind: 'sqlite'
      file: string
      /** WAL pages before a commit checkpoints; raise it when a checkpointer worker runs. */
      autoCheckpointPages?: number
    }
  | {
      kind: 'postgres'
      url: string
      /** Connections in the pool; `LUOSHI_PG_POOL_SIZE`, else 10 (at least 2: start-up holds one for its lock). */
      poolSize?: number
      /** Longest a statement may run before PostgreSQL cancels it; `LUOSHI_PG_STATEMENT_TIMEOUT_MS`, else none. */
      statementTimeoutMs?: number
    }
) & {
  /** Called with every statement the connection runs, prepared ones too (Kysely's `log`). */
  log?: Logger
}

/** A whole number of at least `min` from the environment, or undefined when unset. */
function envNumber(name: string, min: number): number | undefined {
  const text = process.env[name]
  if (text === undefined || text === '') return undefined
  const value = Number(text)
  if (!Number.isInteger(value) || value < min)
    throw new Error(
      `${name} 须为不小于 ${min} 的整数 / ${name} must be a whole number of at least ${min}: ${text}`,
    )
  return value
}

/** Opens one SQLite connection with the pragmas luoshi relies on, and checks they took. */
export function openSqlite(file: string, autoCheckpointPages = 4000): SQLite.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const connection = new SQLite(file)
  connection.pragma('journal_mode = WAL')
  connection.pragma('synchronous = FULL')
  connection.pragma('foreign_keys = ON')
  connection.pragma('busy_timeout = 5000')
  // Checkpoint the WAL every ~16 MB rather than every 4 MB: each checkpoint under FULL syncs the
  // database file inside a commit, and fewer, larger ones cost less in total. A server runs a
  // checkpointer worker instead (checkpointer.ts) and raises this to a safety net.
  connection.pragma(`wal_autocheckpoint = ${autoCheckpointPages}`)
  const synchronous = connection.pragma('synchronous', { simple: true })
  // 2 = FULL. Anything else means the durability promise of an acknowledged write is void.
  if (synchronous !== 2)
    throw new Error(`SQLite synchronous is ${String(synchronous)}, expected FULL (2)`)
  return connection
}

/**
 * The connection as Kysely sees it, with prepared statements cached by their SQL. Kysely prepares
 * every query it runs; preparing is a large share of a small query's cost, and the runtime sends
 * the same few shapes of query over and over.
 */
export function withStatementCache(connection: SQLite.Database, limit = 1000): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>()
  return {
    close: () => connection.close(),
    prepare: (sql: string) => {
      let statement = cache.get(sql)
      if (!statement) {
        if (cache.size >= limit) cache.clear()
        statement = connection.prepare(sql)
        cache.set(sql, statement)
      }
      return statement
    },
  }
}

/**
 * SQLite transactions that take the write lock when they begin (`BEGIN IMMEDIATE`). A plain
 * `BEGIN` starts as a reader; in WAL mode a transaction that has read cannot start writing once
 * another process has committed (SQLITE_BUSY_SNAPSHOT, immediately, with no busy wait) — and the
 * runtime's writes all read before they write.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig

  constructor(config: SqliteDialectConfig) {
    super(config)
    this.#config = config
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config)
  }
}

/** Where a database lives: a SQLite file or a PostgreSQL URL (never a pool or a connection). */
export type DatabaseLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string }

const urls = new WeakMap<Kysely<Database>, string>()

/**
 * Where `db` lives, for work that opens connections of its own on other threads (the audit
 * verification's workers): the file of a SQLite database (opened here or not), the URL of a
 * PostgreSQL one opened by {@link createDb}; undefined for a database in memory, or otherwise.
 */
export async function databaseLocation(
  db: Kysely<Database>,
): Promise<DatabaseLocation | undefined> {
  const url = urls.get(db)
  if (url !== undefined) return { kind: 'postgres', url }
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return undefined
  const { rows } = await sql<{
    file: string
  }>`select file from pragma_database_list where name = 'main'`.execute(db)
  return rows[0]?.file ? { kind: 'sqlite', file: rows[0].file } : undefined
}

/** A Kysely instance over either dialect; the rest of the code does not know which. */
export async function createDb(config: DatabaseConfig): Promise<Kysely<Database>> {
  let dialect: Dialect
  if (config.kind === 'sqlite') {
    dialect = new ImmediateSqliteDialect({
      database: async () => withStatementCache(openSqlite(config.file, config.autoCheckpointPages)),
    })
  } else {
    const { PostgresDialect } = await import('kysely')
    const pg = await import('pg')
    const statementTimeout =
      config.statementTimeoutMs ?? envNumber('LUOSHI_PG_STATEMENT_TIMEOUT_MS', 1)
    const pool = new pg.default.Pool({
      connectionString: config.url,
      max: config.poolSize ?? envNumber('LUOSHI_PG_POOL_SIZE', 2) ?? 10,
      ...(statementTimeout ? { statement_timeout: statementTimeout } : {}),
    })
    // An idle pooled connection can be closed by the server (restart, failover, shutdown); pg
    // reports it as an 'error' event, which would crash the process if nobody listened. The pool
    // drops that client and opens a new one on the next query.
    pool.on('error', (error: Error & { code?: string }) => {
      if (error.code !== '57P01') console.warn(`postgres: idle connection lost (${error.message})`)
    })
    dialect = new PostgresDialect({ pool: callbackPool(pool) })
  }
  const db = new Kysely<Database>({ dialect, ...(config.log ? { log: config.log } : {}) })
  if (config.kind === 'postgres') urls.set(db, config.url)
  return db
}
