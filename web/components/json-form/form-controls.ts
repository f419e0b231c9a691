/**
 * @module The single-value controls of `ls-json-form` (text, long text, numbers, percentages,
 * dates, choices, check boxes) and the error line under a field. Each control carries its id,
 * `aria-invalid`, `aria-required` and `aria-describedby` (hint, then errors).
 */
import { html, nothing } from 'lit'
import type { TemplateResult } from 'lit'
import { ifDefined } from 'lit/directives/if-defined.js'
import { live } from 'lit/directives/live.js'
import { fill as fillParams, formatNumber, t } from '../../i18n.ts'
import { unitLabel } from '../../units-of-measure.ts'
import { boundsOf, fieldKind, unitOf } from './form-schema.ts'
import type { FormSchema } from './form-schema.ts'
import { fieldId } from './form-value.ts'

/** What the controls need from the form that renders them. */
export interface FieldHost {
  readonly disabled: boolean
  /** The messages to show at a pointer now (client errors once shown, and server issues). */
  errorsAt(pointer: string): string[]
  /** Sets the value at a pointer (`undefined` removes it). */
  change(pointer: string, value: unknown): void
  /** Marks a field as visited, so its errors show. */
  touch(pointer: string): void
  /** Uploads the files chosen in an attachment field. */
  upload(pointer: string, input: HTMLInputElement): void
  /** Whether an upload into this field is under way. */
  uploading(pointer: string): boolean
  /** Whether a value satisfies a schema (conditions). */
  matches(schema: FormSchema, value: unknown): boolean
}

/** How a control is named and described. */
export interface ControlOptions {
  /** Given for controls without a visible `<label>` (table cells, list items). */
  ariaLabel?: string
  required: boolean
  /** An emptied box keeps `''` instead of removing the value (items of a list of strings). */
  keepEmpty?: boolean
}

/** Fills `{n}` in a message, plural forms chosen by it: `fill(t('form_row'), 2)`. */
export function fill(message: string, n: number | string): string {
  return fillParams(message, { n })
}

/** The id of the element holding the errors of a field. */
export const errorId = (pointer: string) => `${fieldId(pointer)}-error`
/** The id of the element holding the hint of a field. */
export const hintId = (pointer: string) => `${fieldId(pointer)}-hint`

/** The ids a control is described by: its hint when it has one, then its errors when shown. */
export function describedBy(
  host: FieldHost,
  pointer: string,
  hasHint: boolean,
): string | undefined {
  const ids = [
    hasHint ? hintId(pointer) : '',
    host.errorsAt(pointer).length ? errorId(pointer) : '',
  ].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

/** The errors of one field, announced when they appear. */
export function renderErrors(host: FieldHost, pointer: string) {
  const messages = host.errorsAt(pointer)
  if (messages.length === 0) return nothing
  return html`<div class="error" id=${errorId(pointer)} role="alert" part="error">${messages.join('；')}</div>`
}

/** The hint under a number (its bounds, `整数`) or a described field. */
export function hintOf(schema: FormSchema, description: string): string {
  const kind = fieldKind(schema)
  const bounds =
    kind === 'integer' || kind === 'number' || kind === 'percent' ? boundsOf(schema) : ''
  const parts = [
    description,
    bounds ? `${t('form_range')} ${bounds}${kind === 'percent' ? '%' : ''}` : '',
    kind === 'integer' ? t('form_integer') : '',
  ]
  return parts.filter(Boolean).join(' · ')
}

/**
 * A number box cannot show thousands separators, so a large number is echoed beside it as
 * people read it (1,234,567): a digit too many shows at a glance. Screen readers read the box.
 */
function grouped(value: unknown) {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) < 1000) return nothing
  return html`<span class="grouped" part="grouped" aria-hidden="true">${formatNumber(value)}</span>`
}

/** The control for one value of a scalar schema. */
export function renderControl(
  host: FieldHost,
  schema: FormSchema,
  pointer: string,
  value: unknown,
  options: ControlOptions,
  hasHint: boolean,
): TemplateResult {
  const kind = fieldKind(schema)
  const id = fieldId(pointer)
  const invalid = host.errorsAt(pointer).length > 0 ? 'true' : 'false'
  const described = describedBy(host, pointer, hasHint)
  const required = options.required ? 'true' : 'false'
  const label = options.ariaLabel
  const touch = () => host.touch(pointer)
  const text = (event: Event) => {
    const typed = (event.target as HTMLInputElement).value
    host.change(pointer, typed === '' && !options.keepEmpty ? undefined : typed)
  }
  switch (kind) {
    case 'select': {
      const index = (schema.enum ?? []).findIndex((option) => option === value)
      const choose = (event: Event) => {
        const selected = (event.target as HTMLSelectElement).value
        host.change(pointer, selected === '' ? undefined : schema.enum?.[Number(selected)])
      }
      return html`<select id=${id} aria-label=${ifDefined(label)} aria-invalid=${invalid} aria-required=${required} aria-describedby=${ifDefined(described)}
        ?disabled=${host.disabled} @change=${choose} @blur=${touch}>
        <option value="" ?selected=${index < 0}>${t('form_choose')}</option>
        ${(schema.enum ?? []).map((option, i) => html`<option value=${i} ?selected=${i === index}>${String(option)}</option>`)}
      </select>`
    }
    case 'boolean':
      return html`<input type="checkbox" id=${id} aria-label=${ifDefined(label)} aria-invalid=${invalid} aria-describedby=${ifDefined(described)}
        .checked=${live(value === true)} ?disabled=${host.disabled} @change=${(event: Event) => host.change(pointer, (event.target as HTMLInputElement).checked)} @blur=${touch} />`
    case 'integer':
    case 'number':
    case 'percent': {
      const unit = unitOf(schema)
      const number = (event: Event) => {
        const input = event.target as HTMLInputElement
        host.change(
          pointer,
          input.value === '' || Number.isNaN(input.valueAsNumber) ? undefined : input.valueAsNumber,
        )
      }
      return html`<span class="number"><input type="number" id=${id} aria-label=${ifDefined(label)} aria-invalid=${invalid} aria-required=${required}
        aria-describedby=${ifDefined(described)} inputmode=${kind === 'integer' ? 'numeric' : 'decimal'}
        min=${ifDefined(schema.minimum)} max=${ifDefined(schema.maximum)} step=${kind === 'integer' ? '1' : 'any'}
        .value=${live(typeof value === 'number' ? String(value) : '')} ?disabled=${host.disabled} @input=${number} @blur=${touch} />${unit && unitLabel(unit, typeof value === 'number' ? value : undefined) ? html`<span class="unit" part="unit">${unitLabel(unit, typeof value === 'number' ? value : undefined)}</span>` : nothing}${grouped(value)}</span>`
    }
    case 'date':
      return html`<input type="date" id=${id} aria-label=${ifDefined(label)} aria-invalid=${invalid} aria-required=${required} aria-describedby=${ifDefined(described)}
        .value=${live(typeof value === 'string' ? value : '')} ?disabled=${host.disabled} @change=${text} @input=${text} @blur=${touch} />`
    case 'textarea':
      return html`<textarea id=${id} aria-label=${ifDefined(label)} aria-invalid=${invalid} aria-required=${required} aria-describedby=${ifDefined(described)}
        rows="6" maxlength=${ifDefined(schema.maxLength)} .value=${live(typeof value === 'string' ? value : '')} ?disabled=${host.disabled}
        @input=${text} @blur=${touch}></textarea>`
    default:
      return html`<input type="text" id=${id} aria-label=${ifDefined(label)} aria-invalid=${invalid} aria-required=${required} aria-describedby=${ifDefined(described)}
        maxlength=${ifDefined(schema.maxLength)} .value=${live(value === undefined || value === null ? '' : String(value))} ?disabled=${host.disabled}
        @input=${text} @blur=${touch} />`
  }
}
