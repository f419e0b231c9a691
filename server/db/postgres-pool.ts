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
 */
import type pg from 'pg'
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely'

/** `client` as Kysely uses it, its queries run with a callback. */
function callbackClient(client: pg.PoolClient): PostgresPoolClient {
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
    return new Promise((resolve, reject) => {
      client.query(sqlOrCursor, parameters as unknown[], (error, result) =>
        error ? reject(error) : resolve(result as unknown as PostgresQueryResult<R>),
      )
    })
  }
  return {
    // Kysely cancels a query through it (pg has it on every client; its types leave it out).
    get processID() {
      return (client as unknown as { processID?: number }).processID
    },
    query,
    release: (destroy?: boolean) => client.release(destroy),
  }
}

/** `pool` as Kysely's PostgresDialect takes it, each client it hands out in the callback form. */
export function callbackPool(pool: pg.Pool): PostgresPool {
  // Kysely opens a connection of the pool's own Client class with its options to cancel a query.
  const { Client } = pool as unknown as { Client: PostgresPool['Client'] }
  return {
    Client,
    options: pool.options,
    connect: async () => callbackClient(await pool.connect()),
    end: () => pool.end(),
  }
}
