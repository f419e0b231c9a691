/**
 * @module The value a form edits, addressed by RFC 6901 JSON Pointers (the same form as Ajv's
 * `instancePath` and the server's issue pointers), changed immutably.
 */
import { activeProperties, fieldKind, mainType } from './form-schema.ts'
import type { FormSchema } from './form-schema.ts'

/** Escapes one pointer segment (`~` → `~0`, `/` → `~1`). */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1')
}

/** The pointer of a child: `child('/items', 0)` → `/items/0`. */
export function child(pointer: string, key: string | number): string {
  return `${pointer}/${pointerSegment(key)}`
}

function segments(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** The value at a pointer, or undefined. */
export function getAt(root: unknown, pointer: string): unknown {
  let node = root
  for (const key of segments(pointer)) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node
}

/**
 * A copy of `root` with the value at `pointer` replaced; `undefined` removes an object key (an
 * emptied box is a missing answer, so `required` reports it rather than `minLength`).
 */
export function setAt(root: unknown, pointer: string, value: unknown): unknown {
  const [key, ...rest] = segments(pointer)
  if (key === undefined) return value
  const restPointer = rest.length ? `/${rest.map(pointerSegment).join('/')}` : ''
  if (Array.isArray(root)) {
    const copy = [...root]
    copy[Number(key)] = setAt(copy[Number(key)], restPointer, value)
    return copy
  }
  const copy: Record<string, unknown> = {
    ...(root !== null && typeof root === 'object' ? (root as Record<string, unknown>) : {}),
  }
  const next = setAt(copy[key], restPointer, value)
  if (next === undefined) delete copy[key]
  else copy[key] = next
  return copy
}

/** A stable DOM id for the control at a pointer (ids must not contain `/`). */
export function fieldId(pointer: string): string {
  return `f${pointer.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`)}`
}

/**
 * The value to validate and send: properties of conditions that no longer hold are dropped,
 * and an unticked checkbox is `false` (a box never touched still answers "no").
 */
export function normalize(
  schema: FormSchema,
  value: unknown,
  matches: (schema: FormSchema, value: unknown) => boolean,
): unknown {
  const type = mainType(schema)
  if (type === 'object' && fieldKind(schema) === 'object') {
    const source =
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : {}
    const { properties } = activeProperties(schema, source, matches)
    const shown = new Map(properties)
    const conditional = new Set(
      [schema, ...(schema.allOf ?? [])].flatMap((part) => [
        ...Object.keys(part.then?.properties ?? {}),
        ...Object.keys(part.else?.properties ?? {}),
      ]),
    )
    const result: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(source)) {
      if (conditional.has(key) && !shown.has(key)) continue
      const property = shown.get(key)
      result[key] = property ? normalize(property, item, matches) : item
    }
    for (const [key, property] of shown) {
      if (result[key] === undefined && fieldKind(property) === 'boolean') result[key] = false
    }
    return result
  }
  if (type === 'array' && Array.isArray(value) && schema.items) {
    const items = schema.items
    return value.map((item) => normalize(items, item, matches))
  }
  return value
}
