/**
 * @module Queries built once and run many times. Kysely builds and compiles a query each time it
 * runs: immutable builder objects, parsing, then a walk of the operation tree. For the handful of
 * statements every request runs (the session, the task, its update, its event) that was a fifth of
 * a request's CPU. A prepared query is built on its first run with stand-ins for its arguments,
 * compiled for the database's dialect, and afterwards only its parameters change.
 *
 * The stand-ins are values as far as Kysely knows, so a builder may only pass its arguments where
 * values go (`where(column, '=', value)`, `set`, `values`), never look at them: a query whose shape
 * depends on an argument (`in` a list, `is null` for null) is written as an ordinary query. A plain
 * object argument stands for its fields (`values(row)`, `set(changes)`), named on the first run.
 *
 * @example
 * const taskById = preparedQuery((db, id: string) =>
 *   db.selectFrom('task').selectAll().where('id', '=', id),
 * )
 * const [task] = (await taskById(trx, 't1')).rows
 */
import { CompiledQuery, createQueryId, PostgresAdapter } from 'kysely'
import type { Compilable, Kysely, QueryResult } from 'kysely'
import type { Database } from './database.ts'
import { nameStatement } from './statement-names.ts'

/** Where argument `index` (or its field `key`, for a record) goes in the compiled parameters. */
class StandIn {
  readonly index: number
  readonly key: string | undefined
  constructor(index: number, key?: string) {
    this.index = index
    this.key = key
  }
}

interface Prepared {
  compiled: CompiledQuery
  /** Per parameter: the argument (or field) it takes, or undefined for a constant of the query. */
  sources: Array<StandIn | undefined>
}

/** A plain object argument: its fields are values of the query (a row to insert, say). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype
  )
}

/** The stand-ins `build` is called with: one per argument, or one per field of a record. */
function standInsFor(args: unknown[]): unknown[] {
  return args.map((arg, index) =>
    isRecord(arg)
      ? Object.fromEntries(Object.keys(arg).map((key) => [key, new StandIn(index, key)]))
      : new StandIn(index),
  )
}

/**
 * A function that runs the query `build` makes with the arguments it is given, through `db` (a
 * connection or a transaction). `build` runs once per dialect. An argument that is a plain object
 * stands for its fields, which must be the same on every run (a row of a table, say).
 * @throws Error when `build` leaves an argument (or field) out, or a run lacks a field.
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
      const compiled = build(db, ...(standInsFor(args) as Args)).compile()
      const sources = compiled.parameters.map((value) =>
        value instanceof StandIn ? value : undefined,
      )
      const used = new Set(sources.map((source) => source && `${source.index}.${source.key}`))
      const unused = args.flatMap((arg, index) =>
        isRecord(arg)
          ? Object.keys(arg)
              .filter((key) => !used.has(`${index}.${key}`))
              .map((key) => `${index}.${key}`)
          : used.has(`${index}.undefined`)
            ? []
            : [String(index)],
      )
      if (unused.length > 0)
        throw new Error(
          `a prepared query does not use all its arguments (${unused.join(', ')}): ${compiled.sql}`,
        )
      prepared = { compiled, sources }
      byDialect.set(dialect, prepared)
      if (db.getExecutor().adapter instanceof PostgresAdapter) nameStatement(compiled.sql)
    }
    const { compiled, sources } = prepared
    const parameters = sources.map((source, index) => {
      if (!source) return compiled.parameters[index]
      const arg = args[source.index]
      if (source.key === undefined) return arg
      const value = (arg as Record<string, unknown>)[source.key]
      if (value === undefined)
        throw new Error(
          `a prepared query's argument ${source.index} lacks ${source.key}: ${compiled.sql}`,
        )
      return value
    })
    return await db.executeQuery<Row>({
      query: compiled.query,
      queryId: createQueryId(),
      sql: compiled.sql,
      parameters,
    })
  }
}
