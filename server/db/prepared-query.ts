/**
 * @module Queries built once and run many times. Kysely builds and compiles a query each time it
 * runs: immutable builder objects, parsing, then a walk of the operation tree. For the handful of
 * statements every request runs (the session, the task, its update, its event) that was a fifth of
 * a request's CPU. A prepared query is built on its first run with stand-ins for its arguments,
 * compiled for the database's dialect, and afterwards only its parameters change.
 *
 * The stand-ins are values as far as Kysely knows, so a builder may only pass its arguments where
 * values go (`where(column, '=', value)`, `set`, `values`), never look at them: a query whose shape
 * depends on an argument (`in` a list, `is null` for null) is written as an ordinary query.
 *
 * @example
 * const taskById = preparedQuery((db, id: string) =>
 *   db.selectFrom('task').selectAll().where('id', '=', id),
 * )
 * const [task] = (await taskById(trx, 't1')).rows
 */
import { CompiledQuery, createQueryId } from 'kysely'
import type { Compilable, Kysely, QueryResult } from 'kysely'
import type { Database } from './database.ts'

/** Where argument `index` goes in the compiled parameters. */
class StandIn {
  readonly index: number
  constructor(index: number) {
    this.index = index
  }
}

interface Prepared {
  compiled: CompiledQuery
  /** Per parameter: the argument it takes, or -1 for a constant of the query itself. */
  sources: number[]
}

/**
 * A function that runs the query `build` makes with the arguments it is given, through `db` (a
 * connection or a transaction). `build` runs once per dialect.
 */
export function preparedQuery<Args extends unknown[], Row>(
  build: (db: Kysely<Database>, ...args: Args) => Compilable<Row>,
): (db: Kysely<Database>, ...args: Args) => Promise<QueryResult<Row>> {
  // Keyed by the dialect's adapter class: every connection of one dialect compiles alike.
  const byDialect = new Map<unknown, Prepared>()
  return async (db, ...args) => {
    const dialect = db.getExecutor().adapter.constructor
    let prepared = byDialect.get(dialect)
    if (!prepared) {
      const standIns = args.map((_, index) => new StandIn(index)) as Args
      const compiled = build(db, ...standIns).compile()
      const sources = compiled.parameters.map((value) =>
        value instanceof StandIn ? value.index : -1,
      )
      const used = new Set(sources)
      if (args.some((_, index) => !used.has(index)))
        throw new Error(`a prepared query does not use all its arguments: ${compiled.sql}`)
      prepared = { compiled, sources }
      byDialect.set(dialect, prepared)
    }
    const { compiled, sources } = prepared
    const parameters = sources.map((source, index) =>
      source === -1 ? compiled.parameters[index] : args[source],
    )
    return await db.executeQuery<Row>({
      query: compiled.query,
      queryId: createQueryId(),
      sql: compiled.sql,
      parameters,
    })
  }
}
