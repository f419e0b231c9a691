/**
 * @module The request validator: `validJson(schema)` reads the JSON body, checks it against a
 * schema constant from `schemas/api/`, and hands the handler `c.req.valid('json')` typed by that
 * same constant (json-schema-to-ts `FromSchema`), so the schema and the type cannot drift. The
 * route's input type is what `hc<AppType>` types the web client's request bodies with.
 *
 * Errors: a body that is not `application/json` is a 415, bad JSON a 400 `bad-json`, and a body
 * that breaks the schema (unknown fields, wrong types, a NUL or a lone surrogate in any string) a 400
 * `invalid-body` listing every problem with its JSON pointer. Never a 500.
 *
 * It does the job of Hono's `validator('json', …)` and registers its result the same way
 * (`addValidatedData`), but reads the body itself: Hono's parses any `+json` type, answers bad
 * JSON with a plain 400 and takes an empty body for bad JSON, where this API answers 415,
 * `bad-json` and `{}`.
 */
import type { ValidateFunction } from 'ajv'
import type { Context, MiddlewareHandler } from 'hono'
import type { FromSchema, JSONSchema } from 'json-schema-to-ts'
import { createAjv } from '../../../schemas/ajv.ts'
import { schemaIssues } from '../../../domain/compiler/schema-issues.ts'
import { AppError } from '../../errors.ts'
import type { AppEnv } from '../env.ts'
import { findStrings, hasLoneSurrogate, hasNul } from '../../../domain/compiler/unstorable-text.ts'

const ajv = createAjv()
const compiled = new WeakMap<object, ValidateFunction>()

/** The route input a schema declares: the same type in (what the client sends) and out (what the handler gets). */
export type JsonInput<TSchema extends JSONSchema> = {
  in: { json: FromSchema<TSchema> }
  out: { json: FromSchema<TSchema> }
}

/**
 * Middleware that validates the JSON body against `schema`; the handler reads it with
 * `c.req.valid('json')`.
 * @example
 * ```ts
 * .post('/:id/events', validJson(taskEventBody), async (c) => {
 *   const body = c.req.valid('json') // TaskEventBody
 * ```
 * @throws AppError 415, 400 `bad-json` or 400 `invalid-body` (see the module comment)
 */
export function validJson<const TSchema extends JSONSchema, TPath extends string = string>(
  schema: TSchema,
): MiddlewareHandler<AppEnv, TPath, JsonInput<TSchema>> {
  return async (c, next) => {
    c.req.addValidatedData('json', (await readJson(c, schema as object)) as object)
    await next()
  }
}

/**
 * Whether a Content-Type is exactly JSON: `application/json`, optionally with a UTF-8 charset —
 * not `text/plain; application/json`, `application/json-patch+json` or a form type.
 */
export function isJsonMediaType(header: string | undefined): boolean {
  const [type, ...parameters] = (header ?? '').split(';').map((part) => part.trim().toLowerCase())
  return (
    type === 'application/json' &&
    parameters.every((parameter) => parameter === '' || /^charset="?utf-8"?$/.test(parameter))
  )
}

/**
 * The strings of a JSON body that no database stores as sent (domain/compiler/unstorable-text.ts).
 * Both kinds can only arrive escaped (raw, neither is JSON text in UTF-8), so most bodies skip
 * the walk.
 */
function unstorableText(text: string, value: unknown) {
  const nul = text.includes('\\u0000') ? findStrings(value, hasNul) : []
  const lone = /\\u[dD][89a-fA-F]/.test(text) ? findStrings(value, hasLoneSurrogate) : []
  return [
    ...nul.map((pointer) => ({
      pointer,
      code: 'nul-character',
      message: {
        zh: '文本中不能含有 NUL 字符（\\u0000）',
        en: 'Text must not contain the NUL character (\\u0000)',
      },
    })),
    ...lone.map((pointer) => ({
      pointer,
      code: 'lone-surrogate',
      message: {
        zh: '文本含有不成对的代理字符（如 \\ud800），请删除或改为完整的字符',
        en: 'Text contains a lone surrogate (such as \\ud800): remove it or use the whole character',
      },
    })),
  ]
}

/** Parses the body as JSON (an empty body is `{}`) and checks it against the schema. */
async function readJson(c: Context, schema: object): Promise<unknown> {
  if (!isJsonMediaType(c.req.header('content-type'))) {
    throw new AppError(415, 'bad-request', {
      zh: '请求体须为 JSON（Content-Type: application/json）',
      en: 'The body must be JSON (Content-Type: application/json)',
    })
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
  const unstorable = unstorableText(text, value)
  if (unstorable.length > 0)
    throw new AppError(
      400,
      'invalid-body',
      {
        zh: '请求内容含有无法保存的字符',
        en: 'The request body contains a character that cannot be stored',
      },
      { issues: unstorable },
    )
  let validate = compiled.get(schema)
  if (!validate) {
    validate = ajv.compile(schema)
    compiled.set(schema, validate)
  }
  if (!validate(value)) {
    throw new AppError(
      400,
      'invalid-body',
      { zh: '请求内容不符合要求', en: 'The request body is invalid' },
      { issues: schemaIssues(validate.errors) },
    )
  }
  return value
}
