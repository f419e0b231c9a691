/**
 * @module Declares the query parameters a route reads, from a schema in
 * `schemas/api/queries.schema.ts`, so `hc<AppType>` types the client's `query` and the OpenAPI
 * description lists them. It checks nothing: the route reads `c.req.query()` and answers a bad
 * value itself, as it always has.
 */
import type { MiddlewareHandler } from 'hono'
import type { FromSchema, JSONSchema } from 'json-schema-to-ts'
import type { AppEnv } from '../env.ts'

/** The route input a query schema declares. */
export type QueryInput<TSchema extends JSONSchema> = {
  in: { query: FromSchema<TSchema> }
  out: { query: FromSchema<TSchema> }
}

/**
 * Middleware that declares the route's query parameters (types only; see the module comment).
 * @example
 * ```ts
 * .get('/', queryOf(taskListQuery), async (c) => { const q = c.req.query() … })
 * ```
 */
export function queryOf<const TSchema extends JSONSchema, TPath extends string = string>(
  _schema: TSchema,
): MiddlewareHandler<AppEnv, TPath, QueryInput<TSchema>> {
  return async (c, next) => {
    c.req.addValidatedData('query', c.req.query())
    await next()
  }
}
