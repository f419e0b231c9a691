/**
 * @module The one Ajv setup used on the server and in the browser, and the compiled policy
 * validator. Nothing here touches Node APIs.
 */
import { Ajv } from 'ajv'
import type { AnySchemaObject, ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { ATTACHMENT_ID_FORMAT, ATTACHMENT_ID_PATTERN } from './api/attachment.schema.ts'
import { policySchema } from './policy/index.ts'
import type { PolicyConfig } from './policy/index.ts'

/**
 * A new Ajv instance with luoshi's options: every error collected (`allErrors`), `discriminator`
 * so a tagged union reports only the branch its `kind` names, and the standard formats.
 */
export function createAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    discriminator: true,
    strict: true,
    strictTypes: false,
    // verbose adds the failing schema and data to each error, which the messages quote
    verbose: true,
  })
  addFormats.default(ajv)
  // An uploaded file's id (POST /api/attachments): forms use it for evidence (佐证材料).
  ajv.addFormat(ATTACHMENT_ID_FORMAT, new RegExp(ATTACHMENT_ID_PATTERN))
  ajv.addKeyword({
    keyword: NOT_BLANK,
    type: 'string',
    schemaType: 'boolean',
    errors: false,
    // An empty text that `minLength` already refuses is not reported twice.
    validate: (on: boolean, data: string, parent?: AnySchemaObject) =>
      !on || /\S/u.test(data) || (data === '' && Number(parent?.minLength ?? 0) > 0),
  })
  return ajv
}

/**
 * The keyword {@link compileForm} puts on every required text field of a form: the text must hold
 * something other than spaces (a field of only spaces is as empty as a missing one).
 */
export const NOT_BLANK = 'notBlank'

/** What a text field of only spaces is told, on the server and in the browser alike. */
export const NOT_BLANK_MESSAGE = {
  zh: '此项为必填项，不能只填空格',
  en: 'This field is required and cannot be only spaces',
} as const

type SchemaNode = Record<string, unknown>
const isNode = (value: unknown): value is SchemaNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * A copy of a form schema in which every required text field also carries `notBlank`. A field
 * required only under a condition (`then: { required: [reason] }`) gets it in that branch, so it
 * applies exactly when the field is required. Fields with a `format`, `enum`, `const` or `pattern`
 * already say what their text must be and are left alone.
 */
export function requireText(schema: unknown): unknown {
  return mark(schema, {})
}

/** Keywords whose schemas apply to the same instance: a `required` there sees the fields declared beside it. */
const BRANCHES = new Set(['then', 'else', 'allOf', 'anyOf', 'oneOf'])
/** Keywords holding a map of subschemas. */
const SCHEMA_MAPS = new Set([
  'properties',
  'patternProperties',
  'dependentSchemas',
  '$defs',
  'definitions',
])

function mark(node: unknown, inherited: SchemaNode): unknown {
  if (Array.isArray(node)) return node.map((item) => mark(item, inherited))
  if (!isNode(node)) return node
  const visible = { ...inherited, ...(isNode(node.properties) ? node.properties : {}) }
  const copy: SchemaNode = {}
  for (const [key, value] of Object.entries(node)) {
    if (SCHEMA_MAPS.has(key) && isNode(value))
      copy[key] = Object.fromEntries(
        Object.entries(value).map(([name, child]) => [name, mark(child, {})]),
      )
    else if (BRANCHES.has(key)) copy[key] = mark(value, visible)
    else if (key === 'items' || key === 'prefixItems' || key === 'additionalProperties')
      copy[key] = mark(value, {})
    // `if` and `not` are conditions: a field they require is not thereby required.
    else copy[key] = value
  }
  if (!Array.isArray(node.required)) return copy
  for (const name of node.required) {
    if (typeof name !== 'string' || !isText(visible[name])) continue
    const properties = isNode(copy.properties) ? copy.properties : (copy.properties = {})
    properties[name] = { ...(isNode(properties[name]) ? properties[name] : {}), [NOT_BLANK]: true }
  }
  return copy
}

function isText(schema: unknown): boolean {
  if (!isNode(schema)) return false
  const type = schema.type
  const text = type === 'string' || (Array.isArray(type) && type.includes('string'))
  return (
    text &&
    !('format' in schema) &&
    !('enum' in schema) &&
    !('const' in schema) &&
    !('pattern' in schema)
  )
}

/** Compiles a form schema with {@link requireText} applied: the one way the server and the browser compile forms. */
export function compileForm(ajv: Ajv, schema: unknown): ValidateFunction {
  return ajv.compile(requireText(schema) as SchemaNode)
}

let compiled: ValidateFunction<PolicyConfig> | undefined

/** The compiled validator for policy configs (compiled once, on first use). */
export function policyValidator(): ValidateFunction<PolicyConfig> {
  compiled ??= createAjv().compile<PolicyConfig>(policySchema)
  return compiled
}
