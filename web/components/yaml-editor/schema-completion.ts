/**
 * @module What the policy JSON Schema allows at a cursor: the keys of the mapping there, or the
 * enum values of a field. Walks `policySchema` along the path `cursorContext` computed; branches
 * of `oneOf`/`anyOf` are merged, so a tagged union offers every branch's keys.
 */
import type { CursorContext } from './yaml-path.ts'

type Schema = Record<string, unknown>

/** One completion: a key or a value, with its schema description. */
export interface SchemaSuggestion {
  label: string
  kind: 'key' | 'value'
  description?: string
  required?: boolean
  /** For keys: the value is a mapping or a list (and never text), so it goes on the following lines. */
  block?: 'object' | 'array'
}

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The schema and each of its `oneOf`/`anyOf`/`allOf` branches, flattened. */
function branches(schema: Schema): Schema[] {
  const out: Schema[] = [schema]
  for (const keyword of ['oneOf', 'anyOf', 'allOf']) {
    const list = schema[keyword]
    if (Array.isArray(list))
      for (const branch of list) if (isSchema(branch)) out.push(...branches(branch))
  }
  return out
}

/** The schemas a path leads to (several when unions are crossed). */
export function schemasAt(root: Schema, path: readonly string[]): Schema[] {
  let current = [root]
  for (const token of path) {
    const next: Schema[] = []
    for (const schema of current.flatMap(branches)) {
      if (token === '*') {
        if (isSchema(schema.items)) next.push(schema.items)
        continue
      }
      const properties = schema.properties
      if (isSchema(properties) && isSchema(properties[token])) next.push(properties[token])
      else if (isSchema(schema.additionalProperties)) next.push(schema.additionalProperties)
    }
    current = next
    if (current.length === 0) break
  }
  return current
}

function keysOf(schemas: Schema[]): SchemaSuggestion[] {
  const found = new Map<string, SchemaSuggestion>()
  for (const schema of schemas.flatMap(branches)) {
    const properties = schema.properties
    if (!isSchema(properties)) continue
    const required = Array.isArray(schema.required) ? (schema.required as string[]) : []
    for (const [key, value] of Object.entries(properties)) {
      if (!isSchema(value)) continue
      const shapes = branches(value)
      const block = shapes.some((s) => s.type === 'string')
        ? undefined
        : shapes.some((s) => s.type === 'array')
          ? ('array' as const)
          : shapes.some((s) => s.type === 'object')
            ? ('object' as const)
            : undefined
      const previous = found.get(key)
      const description =
        typeof value.description === 'string' ? value.description : previous?.description
      found.set(key, {
        label: key,
        kind: 'key',
        ...(description ? { description } : {}),
        required: (previous?.required ?? false) || required.includes(key),
        ...(block ? { block } : {}),
      })
    }
  }
  return [...found.values()].sort((a, b) => Number(b.required) - Number(a.required))
}

function valuesOf(schemas: Schema[]): SchemaSuggestion[] {
  const values = new Map<string, SchemaSuggestion>()
  for (const schema of schemas.flatMap(branches)) {
    const description = typeof schema.description === 'string' ? schema.description : undefined
    const add = (value: unknown) => {
      const label = String(value)
      if (!values.has(label))
        values.set(label, { label, kind: 'value', ...(description ? { description } : {}) })
    }
    if (Array.isArray(schema.enum)) schema.enum.forEach(add)
    if ('const' in schema) add(schema.const)
    if (schema.type === 'boolean') [true, false].forEach(add)
  }
  return [...values.values()]
}

/**
 * Suggestions for a cursor context.
 * @example suggest(policySchema, { path: ['metadata', 'region'], mode: 'key', … }) // name, level, parent, code
 */
export function suggest(root: Schema, context: CursorContext): SchemaSuggestion[] {
  const schemas = schemasAt(root, context.path)
  if (context.mode === 'value') return valuesOf(schemas)
  const keys = keysOf(schemas).filter((suggestion) => !context.present.includes(suggestion.label))
  // A list of scalars (`notify:` then `- assi…`) offers its item values where no keys exist.
  return keys.length ? keys : valuesOf(schemas)
}
