/**
 * @module Reads and validates a JSON request body against a schema from `schemas/api/`: bad JSON
 * is a 400 `bad-json`, a body that breaks the schema (unknown fields, wrong types) a 400
 * `invalid-body` listing every problem with its JSON pointer. Never a 500.
 */
import type { Context } from 'hono'
import type { ValidateFunction } from 'ajv'
import { createAjv } from '../../../schemas/ajv.js'
import { schemaIssues } from '../../compiler/schema-issues.js'
import { AppError } from '../../errors.js'

const ajv = createAjv()
const compiled = new WeakMap<object, ValidateFunction>()

/**
 * Whether a Content-Type is exactly JSON: `application/json`, optionally with a UTF-8 charset —
 * not `text/plain; application/json`, `application/json-patch+json` or a form type.
 */
export function isJsonMediaType(header: string | undefined): boolean {
  const [type, ...parameters] = (header ?? '').split(';').map((part) => part.trim().toLowerCase())
  return type === 'application/json' && parameters.every((parameter) => parameter === '' || /^charset="?utf-8"?$/.test(parameter))
}

/** Parses the body as JSON and checks it; returns it typed by the schema. */
export async function jsonBody<T>(c: Context, schema: object): Promise<T> {
  if (!isJsonMediaType(c.req.header('content-type'))) {
    throw new AppError(415, 'bad-request', { zh: '请求体须为 JSON（Content-Type: application/json）', en: 'The body must be JSON (Content-Type: application/json)' })
  }
  const text = await c.req.text()
  let value: unknown
  try {
    value = text === '' ? {} : JSON.parse(text)
  } catch (error) {
    throw new AppError(400, 'bad-json', {
      zh: `请求体不是合法的 JSON：${error instanceof Error ? error.message : ''}`,
      en: `The body is not valid JSON: ${error instanceof Error ? error.message : ''}`,
    })
  }
  let validate = compiled.get(schema)
  if (!validate) {
    validate = ajv.compile(schema)
    compiled.set(schema, validate)
  }
  if (!validate(value)) {
    throw new AppError(400, 'invalid-body', { zh: '请求内容不符合要求', en: 'The request body is invalid' }, { issues: schemaIssues(validate.errors) })
  }
  return value as T
}
