/**
 * @module Validation of form data in the browser with the server's own Ajv setup
 * (`schemas/ajv.ts`), so a form that passes here passes there. Messages come in Chinese
 * (ajv-i18n) and English (Ajv's own), keyed by the JSON Pointer of the field they belong to.
 */
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv'
import ajvI18n from 'ajv-i18n'
import { compileForm, createAjv } from '../../../schemas/ajv.ts'
import type { FormSchema } from './form-schema.ts'
import { keywordMessage } from './form-messages.ts'
import type { LocalizedText } from './form-messages.ts'
import { child } from './form-value.ts'

export type { LocalizedText }

/** Messages by the pointer of the field they belong to. */
export type FieldErrors = Map<string, LocalizedText[]>

// ajv-i18n is CommonJS typed with an ES default export: at run time (Node and Vite alike) the
// default import is already the table of locales, while the types put it under `.default`.
const localize = ((ajvI18n as { default?: typeof ajvI18n.default }).default ??
  ajvI18n) as typeof ajvI18n.default

let shared: Ajv | undefined
const compiled = new WeakMap<object, ValidateFunction | null>()

function ajv(): Ajv {
  // An attachment id's shape is checked here with the server's one pattern (createAjv registers
  // it); whether the file exists and is the user's, only the server can tell.
  shared ??= createAjv()
  return shared
}

/** The compiled validator for a schema (cached per schema object); null if Ajv rejects the schema. */
function validatorFor(schema: FormSchema): ValidateFunction | null {
  let validate = compiled.get(schema)
  if (validate === undefined) {
    try {
      validate = compileForm(ajv(), schema)
    } catch (error) {
      // The server compiles the same schema and reports it; the form then relies on server checks.
      console.warn('ls-json-form: the form schema does not compile', error)
      validate = null
    }
    compiled.set(schema, validate)
  }
  return validate
}

/** Whether a value satisfies a schema (used for `if` conditions). */
export function matches(schema: FormSchema, value: unknown): boolean {
  return validatorFor(schema)?.(value) ?? false
}

/** The pointer of the field an error is about: a missing property is reported at the property. */
function pointerOf(error: ErrorObject): string {
  const missing = (error.params as { missingProperty?: string }).missingProperty
  return missing !== undefined ? child(error.instancePath, missing) : error.instancePath
}

const REQUIRED: LocalizedText = { zh: '此项为必填项', en: 'This field is required' }

/**
 * Every error of `value` against `schema`, by field.
 *
 * @example
 * validateForm({ type: 'object', required: ['summary'] }, {}).get('/summary') // [{ zh: '此项为必填项', … }]
 */
export function validateForm(schema: FormSchema, value: unknown): FieldErrors {
  const errors: FieldErrors = new Map()
  const validate = validatorFor(schema)
  if (!validate || validate(value)) return errors
  // A failed `if` branch is reported by the errors of its `then` fields; the summary error adds nothing.
  const found = (validate.errors ?? []).filter((error) => error.keyword !== 'if')
  const chinese = found.map((error) => ({ ...error }))
  localize.zh(chinese)
  found.forEach((error, index) => {
    const pointer = pointerOf(error)
    const message: LocalizedText =
      error.keyword === 'required'
        ? REQUIRED
        : (keywordMessage(error) ?? { zh: chinese[index]?.message ?? '', en: error.message ?? '' })
    errors.set(pointer, [...(errors.get(pointer) ?? []), message])
  })
  return errors
}

/**
 * Server issues (`/data/summary`) as field errors (`/summary`); issues outside the form data are
 * left out.
 */
export function issueErrors(
  issues: ReadonlyArray<{ pointer: string; message: LocalizedText }>,
): FieldErrors {
  const errors: FieldErrors = new Map()
  for (const issue of issues) {
    if (issue.pointer !== '/data' && !issue.pointer.startsWith('/data/')) continue
    const pointer = issue.pointer.slice('/data'.length)
    errors.set(pointer, [...(errors.get(pointer) ?? []), issue.message])
  }
  return errors
}
