/**
 * @module Reads and validates a JSON request body against a schema from `schemas/api/`: bad JSON
 * is a 400 `bad-json`, a body that breaks the schema (unknown fields, wrong types) a 400
 * `invalid-body` listing every problem with its JSON pointer — a NUL character in any string
 * too (refuse-nul.ts). Never a 500.
 */
import type { Context } from 'hono'
import type { ValidateFunction } from 'ajv'
import { createAjv } from '../../../schemas/ajv.ts'
import { schemaIssues } from '../../../domain/compiler/schema-issues.ts'
import { AppError } from '../../errors.ts'
import { findNul } from './refuse-nul.ts'

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
  // A NUL can only arrive escaped (a raw one is not JSON), so most bodies skip the walk.
  const nul = text.includes('\\u0000') ? findNul(value) : []
  if (nul.length > 0) {
    const message = { zh: '文本中不能含有 NUL 字符（\\u0000）', en: 'Text must not contain the NUL character (\\u0000)' }
    throw new AppError(400, 'invalid-body', { zh: '请求内容含有 NUL 字符', en: 'The request body contains a NUL character' }, { issues: nul.map((pointer) => ({ pointer, code: 'nul-character', message })) })
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
