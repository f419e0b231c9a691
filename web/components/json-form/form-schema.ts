/**
 * @module How `ls-json-form` reads a task form's JSON Schema: which control each property gets,
 * its label, unit and bounds, and which properties an object shows given its `if`/`then`.
 */
import { ATTACHMENT_ID_FORMAT } from '../../../schemas/api/attachment.schema.ts'
import { locale } from '../../i18n.ts'

/** The part of JSON Schema a task form uses (forms are data from the policy config, not DTOs). */
export interface FormSchema {
  type?: string | string[]
  title?: string
  description?: string
  enum?: unknown[]
  const?: unknown
  format?: string
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  multipleOf?: number
  minLength?: number
  maxLength?: number
  properties?: Record<string, FormSchema>
  required?: string[]
  additionalProperties?: boolean | FormSchema
  items?: FormSchema
  minItems?: number
  maxItems?: number
  uniqueItems?: boolean
  if?: FormSchema
  then?: FormSchema
  else?: FormSchema
  allOf?: FormSchema[]
}

/** The control a schema is edited with. */
export type FieldKind =
  | 'object'
  | 'table'
  | 'list'
  | 'checkboxes'
  | 'attachments'
  | 'select'
  | 'boolean'
  | 'date'
  | 'integer'
  | 'number'
  | 'percent'
  | 'textarea'
  | 'text'

/** Longer than this, a string gets a multi-line box. */
export const LONG_TEXT_LENGTH = 200

/** Titles of free-text answers that are paragraphs even when the schema sets no maxLength. */
const LONG_TEXT_TITLE = /总结|情况|说明|意见|理由|措施/

/** The schema's main type (`['string', 'null']` counts as `string`). */
export function mainType(schema: FormSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== 'null')
  if (schema.type) return schema.type
  if (schema.properties) return 'object'
  if (schema.items) return 'array'
  return undefined
}

/** Which control edits a value of this schema. */
export function fieldKind(schema: FormSchema): FieldKind {
  if (schema.enum) return 'select'
  const type = mainType(schema)
  if (type === 'object') return 'object'
  if (type === 'array') {
    const items = schema.items ?? {}
    if (items.format === ATTACHMENT_ID_FORMAT) return 'attachments'
    if (items.enum) return 'checkboxes'
    return mainType(items) === 'object' ? 'table' : 'list'
  }
  if (type === 'boolean') return 'boolean'
  if (type === 'integer' || type === 'number') {
    if (isPercent(schema)) return 'percent'
    return type === 'integer' ? 'integer' : 'number'
  }
  if (schema.format === 'date') return 'date'
  const long =
    schema.maxLength === undefined
      ? LONG_TEXT_TITLE.test(schema.title ?? '')
      : schema.maxLength > LONG_TEXT_LENGTH
  return long || schema.format === 'textarea' ? 'textarea' : 'text'
}

function isPercent(schema: FormSchema): boolean {
  return (
    schema.maximum === 100 &&
    /%|％|百分|率/.test(`${schema.title ?? ''}${schema.description ?? ''}`)
  )
}

/**
 * The text of a bilingual title in the current locale: configs write `完成情况 / What was done`;
 * a title without ` / ` is shown as written.
 */
export function localText(text: string | undefined): string {
  if (!text) return ''
  const [zh, en] = text.split(' / ')
  if (en === undefined) return text
  return locale() === 'zh' ? zh!.trim() : en.trim()
}

/** A property's label: its title, else its key. */
export function labelOf(schema: FormSchema, key: string): string {
  return localText(schema.title) || key
}

/**
 * The unit shown after a number box: `%` for a percentage, else the unit the description names
 * (`单位：张` / `Unit: beds`).
 */
const UNIT = /(?:单位|unit)\s*[:：]\s*([^\s,，;；。)）]+)[,，;；。]?/i

export function unitOf(schema: FormSchema): string {
  if (fieldKind(schema) === 'percent') return '%'
  return UNIT.exec(schema.description ?? '')?.[1] ?? ''
}

/** The description without its unit declaration (the unit is shown after the box instead). */
export function describeWithoutUnit(schema: FormSchema): string {
  const text = localText(schema.description)
  const numeric = ['integer', 'number', 'percent'].includes(fieldKind(schema))
  return numeric ? text.replace(UNIT, '').trim() : text
}

/** The bounds of a number as a phrase, e.g. `0–100` or `≥ 0`; empty without bounds. */
export function boundsOf(schema: FormSchema): string {
  const low = schema.minimum ?? schema.exclusiveMinimum
  const high = schema.maximum ?? schema.exclusiveMaximum
  if (low !== undefined && high !== undefined) return `${low}–${high}`
  if (low !== undefined) return `${schema.exclusiveMinimum !== undefined ? '>' : '≥'} ${low}`
  if (high !== undefined) return `${schema.exclusiveMaximum !== undefined ? '<' : '≤'} ${high}`
  return ''
}

/** The properties an object shows now, and which of them are required. */
export interface ActiveProperties {
  properties: Array<[string, FormSchema]>
  required: Set<string>
}

/**
 * The properties of an object schema given its value: its own, those of each `allOf` part, and
 * the `then` (or `else`) properties of each `if` that holds (or fails).
 *
 * @param matches Tells whether a value satisfies a schema (the form's Ajv).
 */
export function activeProperties(
  schema: FormSchema,
  value: unknown,
  matches: (schema: FormSchema, value: unknown) => boolean,
): ActiveProperties {
  const properties: Array<[string, FormSchema]> = []
  const required = new Set<string>()
  // A conditional field is placed right after the fields its condition tests, where it is looked for.
  const add = (part: FormSchema | undefined, after: ReadonlyArray<string> = []) => {
    if (!part) return
    let at = Math.max(-1, ...after.map((key) => properties.findIndex(([name]) => name === key)))
    for (const [key, property] of Object.entries(part.properties ?? {})) {
      const existing = properties.findIndex(([name]) => name === key)
      if (existing >= 0) properties[existing] = [key, { ...properties[existing]![1], ...property }]
      else if (at >= 0) properties.splice(++at, 0, [key, property])
      else properties.push([key, property])
    }
    for (const key of part.required ?? []) required.add(key)
  }
  for (const part of [schema, ...(schema.allOf ?? [])]) {
    add(part)
    if (part.if)
      add(
        matches(part.if, value ?? {}) ? part.then : part.else,
        Object.keys(part.if.properties ?? {}),
      )
  }
  return { properties, required }
}
