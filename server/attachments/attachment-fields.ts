/**
 * @module Which values of a form's data are attachment ids: those at a place whose JSON Schema
 * says `format: attachment-id` (an evidence list's `items`, a single file field). Free text that
 * merely mentions an id is not a reference — only the form's own attachment fields are.
 */
import { ATTACHMENT_ID_FORMAT } from '../../schemas/api/attachment.schema.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import { formSchemaOf } from '../task-kinds/registry.ts'

/** An attachment id found in form data, with where it is (RFC 6901 pointer into the data). */
export interface AttachmentField {
  id: string
  pointer: string
}

/** Guards against `$ref` cycles that consume no data. */
const MAX_DEPTH = 64

type Schema = Record<string, unknown>

/**
 * The attachment ids in `data` at the places `schema` marks as attachments, in document order.
 * Follows `properties`, `additionalProperties`, `items`, `prefixItems`, `allOf`/`anyOf`/`oneOf`
 * and local `$ref`s (`#/…`).
 *
 * @example
 * attachmentFields({ type: 'object', properties: { evidence: { type: 'array', items: { type: 'string', format: 'attachment-id' } } } }, { evidence: ['0192…'] })
 * // → [{ id: '0192…', pointer: '/evidence/0' }]
 */
export function attachmentFields(schema: unknown, data: unknown): AttachmentField[] {
  const found = new Map<string, AttachmentField>()
  walk(schema, data, '', isSchema(schema) ? schema : {}, 0, found)
  return [...found.values()]
}

/** True when some place in the schema holds attachments (so data need not be walked otherwise). */
export function holdsAttachments(schema: unknown, depth = 0): boolean {
  if (!isSchema(schema) || depth > MAX_DEPTH) return false
  if (schema.format === ATTACHMENT_ID_FORMAT || typeof schema.$ref === 'string') return true
  return subschemas(schema).some((sub) => holdsAttachments(sub, depth + 1))
}

function walk(
  schema: unknown,
  data: unknown,
  pointer: string,
  root: Schema,
  depth: number,
  found: Map<string, AttachmentField>,
): void {
  if (!isSchema(schema) || depth > MAX_DEPTH) return
  if (typeof schema.$ref === 'string')
    walk(resolveRef(root, schema.$ref), data, pointer, root, depth + 1, found)
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = schema[key]
    if (Array.isArray(branches))
      for (const branch of branches) walk(branch, data, pointer, root, depth + 1, found)
  }
  if (schema.format === ATTACHMENT_ID_FORMAT && typeof data === 'string') {
    found.set(`${pointer}\u0000${data}`, { id: data, pointer })
    return
  }
  if (Array.isArray(data)) {
    const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : []
    data.forEach((item, index) =>
      walk(
        index < prefix.length ? prefix[index] : schema.items,
        item,
        `${pointer}/${index}`,
        root,
        depth + 1,
        found,
      ),
    )
  } else if (data !== null && typeof data === 'object') {
    const properties = isSchema(schema.properties) ? schema.properties : {}
    for (const [key, value] of Object.entries(data)) {
      const sub = Object.hasOwn(properties, key) ? properties[key] : schema.additionalProperties
      walk(sub, value, `${pointer}/${escapePointer(key)}`, root, depth + 1, found)
    }
  }
}

function subschemas(schema: Schema): unknown[] {
  const properties = isSchema(schema.properties) ? Object.values(schema.properties) : []
  const lists = ['allOf', 'anyOf', 'oneOf', 'prefixItems'].flatMap((key) =>
    Array.isArray(schema[key]) ? (schema[key] as unknown[]) : [],
  )
  return [...properties, ...lists, schema.items, schema.additionalProperties]
}

function resolveRef(root: Schema, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined
  let node: unknown = root
  for (const part of ref.slice(1).split('/').slice(1)) {
    if (!isSchema(node)) return undefined
    node = node[part.replaceAll('~1', '/').replaceAll('~0', '~')]
  }
  return node
}

function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1')
}

function isSchema(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** Each version's forms that hold attachments, by source id; null for a form that holds none. */
const holders = new WeakMap<PlanModel, Map<string, Schema | null>>()

/** The attachment ids in a task's form data, at the fields its form marks as attachments. */
export function taskAttachmentFields(
  model: PlanModel,
  sourceId: string,
  data: unknown,
): AttachmentField[] {
  let bySource = holders.get(model)
  if (!bySource) holders.set(model, (bySource = new Map()))
  let form = bySource.get(sourceId)
  if (form === undefined) {
    // A generated form is built anew on each call: built once here, with the answer kept.
    const schema = formSchemaOf(model, sourceId)
    bySource.set(sourceId, (form = holdsAttachments(schema) ? schema : null))
  }
  return form ? attachmentFields(form, data) : []
}
