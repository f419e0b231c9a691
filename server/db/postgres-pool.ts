/**
 * @module The pg pool as Kysely's PostgresDialect takes it, every query run in pg's callback form.
 *
 * Kysely calls `client.query(sql, parameters)`, pg's promise form. In that form the rows of each
 * result outlive V8's young-generation collections: on a read of 800 tasks a query, each
 * collection kept about 13 MB and took 11–18 ms, against 0.5 ms with nothing kept when the same
 * query is run with a callback (`node --trace-gc` over the read-scale bench on PostgreSQL,
 * bench/read-scale-postgres.bench.ts, shows the collections). Those pauses were the tail of every
 * read on PostgreSQL: p99 four to eight times p50. So the clients handed to Kysely take the
 * promise form and run the callback one.
 *
 * The statements of prepared queries go by name (statement-names.ts): PostgreSQL parses and plans
 * each once per connection. A named statement outlives a change to its table's columns on a
 * running process (a new version migrating while this one still serves): PostgreSQL then refuses
 * it, and the pool's connections are prepared afresh, the write run again, the read sent unnamed.
 */
import type pg from 'pg'
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely'
import { statementName } from './statement-names.ts'

/**
 * PostgreSQL's refusal to run a named statement whose columns have changed since it was prepared
 * on this connection (a migration added one, say, while this process ran on the old version).
 */
export function isStaleStatement(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown }
  return code === '0A000' && String(message).includes('cached plan must not change result type')
}

/**
 * The pool's connections and the statements they prepared. Once one named statement is found
 * stale, every connection prepared before is suspect: each is closed as it comes back or is handed
 * out again, and a new one prepares afresh.
 */
class Generations {
  current = 0
  readonly #of = new WeakMap<pg.PoolClient, number>()

  of(client: pg.PoolClient): number {
    let generation = this.#of.get(client)
    if (generation === undefined) this.#of.set(client, (generation = this.current))
    return generation
  }

  stale(client: pg.PoolClient): boolean {
    return this.of(client) < this.current
  }
}

/** `client` as Kysely uses it, its queries run with a callback. */
function callbackClient(client: pg.PoolClient, generations: Generations): PostgresPoolClient {
  let inTransaction = false
  const run = <R>(config: pg.QueryConfig) =>
    new Promise<PostgresQueryResult<R>>((resolve, reject) => {
      client.query(config, (error, result) =>
        error ? reject(error) : resolve(result as unknown as PostgresQueryResult<R>),
      )
    })
  function query<R>(
    sql: string,
    parameters: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>>
  function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>
  function query<R>(
    sqlOrCursor: string | PostgresCursor<R>,
    parameters?: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    // A cursor (Kysely's streaming) is pg's to drive: handed over as it is.
    if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as never)
    if (/^(begin|start transaction)\b/i.test(sqlOrCursor)) inTransaction = true
    else if (/^(commit|rollback)\b/i.test(sqlOrCursor)) inTransaction = false
    const values = parameters as unknown[]
    // A prepared query's statement goes by its name: parsed and planned once on this connection.
    const name = statementName(sqlOrCursor)
    if (!name) return run<R>({ text: sqlOrCursor, values })
    return run<R>({ text: sqlOrCursor, values, name }).catch((error: unknown) => {
      if (!isStaleStatement(error)) throw error
      generations.current++
      // In a transaction PostgreSQL has ended it: the write runs again whole (group-commit.ts),
      // on a connection prepared afresh. Alone, the query runs again here, unnamed.
      if (inTransaction) throw error
      return run<R>({ text: sqlOrCursor, values })
    })
  }
  return {
    // Kysely cancels a query through it (pg has it on every client; its types leave it out).
    get processID() {
      return (client as unknown as { processID?: number }).processID
    },
    query,
    release: (destroy?: boolean) => client.release(destroy || generations.stale(client)),
  }
}

/** `pool` as Kysely's PostgresDialect takes it, each client it hands out in the callback form. */
export function callbackPool(pool: pg.Pool): PostgresPool {
  // Kysely opens a connection of the pool's own Client class with its options to cancel a query.
  const { Client } = pool as unknown as { Client: PostgresPool['Client'] }
  const generations = new Generations()
  const connect = async (): Promise<pg.PoolClient> => {
    const client = await pool.connect()
    if (!generations.stale(client)) return client
    client.release(true)
    return connect()
  }
  return {
    Client,
    options: pool.options,
    connect: async () => callbackClient(await connect(), generations),
    end: () => pool.end(),
  }
}
