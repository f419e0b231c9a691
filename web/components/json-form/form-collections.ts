/**
 * @module The array controls of `ls-json-form`: a table for a list of records (add and remove
 * rows), a list for a list of strings, check boxes for a set of choices, and the upload widget
 * for evidence files (`items.format: attachment-id`).
 */
import { html, nothing } from 'lit'
import type { TemplateResult } from 'lit'
import { ifDefined } from 'lit/directives/if-defined.js'
import { t } from '../../i18n.ts'
import { attachmentHref, attachmentName } from './attachment-upload.ts'
import { describedBy, fill, renderControl, renderErrors } from './form-controls.ts'
import type { FieldHost } from './form-controls.ts'
import { fieldKind, labelOf } from './form-schema.ts'
import type { FormSchema } from './form-schema.ts'
import { child, fieldId } from './form-value.ts'

/** Renders any field (for cells that hold a nested record or list). */
export type RenderField = (
  schema: FormSchema,
  pointer: string,
  value: unknown,
  required: boolean,
  label: string,
) => TemplateResult

const SCALARS = new Set([
  'select',
  'boolean',
  'integer',
  'number',
  'percent',
  'date',
  'textarea',
  'text',
])

function items(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

function without(list: unknown[], index: number): unknown[] {
  return list.filter((_, i) => i !== index)
}

const star = (required: boolean) =>
  required ? html`<span class="required" aria-hidden="true">*</span>` : nothing

/** A list of records as a table: one column per item property, a row per record. */
export function renderTable(
  host: FieldHost,
  schema: FormSchema,
  pointer: string,
  value: unknown,
  label: string,
  field: RenderField,
) {
  const rows = items(value)
  const itemSchema = schema.items ?? {}
  const columns = Object.entries(itemSchema.properties ?? {})
  const required = new Set(itemSchema.required ?? [])
  const full = schema.maxItems !== undefined && rows.length >= schema.maxItems
  const atMinimum = schema.minItems !== undefined && rows.length <= schema.minItems
  const cell = ([key, column]: [string, FormSchema], row: number) => {
    const at = child(child(pointer, row), key)
    const cellValue = (rows[row] as Record<string, unknown> | undefined)?.[key]
    const name = `${labelOf(column, key)}（${fill(t('form_row'), row + 1)}）`
    if (!SCALARS.has(fieldKind(column)))
      return field(column, at, cellValue, required.has(key), name)
    return html`${renderControl(host, column, at, cellValue, { ariaLabel: name, required: required.has(key) }, false)}${renderErrors(host, at)}`
  }
  return html`
    <div class="table-wrap">
      <table aria-label=${label}>
        <thead>
          <tr>
            <th scope="col">#</th>
            ${columns.map(([key, column]) => html`<th scope="col">${labelOf(column, key)}${star(required.has(key) && !host.disabled)}</th>`)}
            ${host.disabled ? nothing : html`<th scope="col"><span class="visually-hidden">${t('form_actions')}</span></th>`}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (_, row) => html`<tr>
              <th scope="row">${row + 1}</th>
              ${columns.map((column) => html`<td>${cell(column, row)}</td>`)}
              ${
                host.disabled
                  ? nothing
                  : html`<td><button type="button" class="remove" ?disabled=${atMinimum}
                aria-label=${fill(t('form_removeRow'), row + 1)} @click=${() => host.change(pointer, without(rows, row))}>${t('form_remove')}</button></td>`
              }
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${rows.length === 0 ? html`<p class="empty">${t('form_none')}</p>` : nothing}
    ${host.disabled ? nothing : html`<button type="button" class="add" ?disabled=${full} @click=${() => host.change(pointer, [...rows, {}])}>${t('form_addRow')}</button>`}
  `
}

/** A list of strings (or numbers): one box per item. */
export function renderList(
  host: FieldHost,
  schema: FormSchema,
  pointer: string,
  value: unknown,
  label: string,
) {
  const list = items(value)
  const itemSchema = schema.items ?? { type: 'string' }
  const full = schema.maxItems !== undefined && list.length >= schema.maxItems
  return html`
    <ol class="list">
      ${list.map((item, index) => {
        const at = child(pointer, index)
        return html`<li>
          ${renderControl(host, itemSchema, at, item, { ariaLabel: `${label} ${fill(t('form_item'), index + 1)}`, required: false, keepEmpty: true }, false)}
          ${
            host.disabled
              ? nothing
              : html`<button type="button" class="remove" aria-label=${fill(t('form_removeItem'), index + 1)}
            @click=${() => host.change(pointer, without(list, index))}>${t('form_remove')}</button>`
          }
          ${renderErrors(host, at)}
        </li>`
      })}
    </ol>
    ${list.length === 0 ? html`<p class="empty">${t('form_none')}</p>` : nothing}
    ${host.disabled ? nothing : html`<button type="button" class="add" ?disabled=${full} @click=${() => host.change(pointer, [...list, ''])}>${t('form_addItem')}</button>`}
  `
}

/** A set of choices (`items.enum`): one check box per choice, kept in the schema's order. */
export function renderCheckboxes(
  host: FieldHost,
  schema: FormSchema,
  pointer: string,
  value: unknown,
) {
  const chosen = items(value)
  const options = schema.items?.enum ?? []
  const toggle = (option: unknown, on: boolean) => {
    const next = options.filter((candidate) =>
      candidate === option ? on : chosen.includes(candidate),
    )
    host.change(pointer, next)
  }
  return html`<div class="choices">
    ${options.map((option, index) => {
      const id = `${fieldId(pointer)}-${index}`
      return html`<span class="choice"><input type="checkbox" id=${id} .checked=${chosen.includes(option)} ?disabled=${host.disabled}
        @change=${(event: Event) => toggle(option, (event.target as HTMLInputElement).checked)} @blur=${() => host.touch(pointer)} /><label for=${id}>${String(option)}</label></span>`
    })}
  </div>`
}

/** Evidence files: the uploaded ones as download links, and a file picker that uploads at once. */
export function renderAttachments(
  host: FieldHost,
  schema: FormSchema,
  pointer: string,
  value: unknown,
) {
  const ids = items(value).filter((id): id is string => typeof id === 'string')
  const id = `${fieldId(pointer)}-file`
  const full = schema.maxItems !== undefined && ids.length >= schema.maxItems
  // The native picker speaks the browser's language, so it is hidden behind a label styled as a button.
  return html`
    <ul class="files">
      ${ids.map((attachment, index) => {
        const name = attachmentName(attachment) ?? fill(t('form_attachment'), index + 1)
        return html`<li>
          <a href=${attachmentHref(attachment)} target="_blank" rel="noopener">${name}</a>
          ${
            host.disabled
              ? nothing
              : html`<button type="button" class="remove" aria-label=${`${t('form_remove')} ${name}`}
            @click=${() => host.change(pointer, without(ids, index))}>${t('form_remove')}</button>`
          }
          ${renderErrors(host, child(pointer, index))}
        </li>`
      })}
    </ul>
    ${ids.length === 0 && host.disabled ? html`<p class="empty">${t('form_none')}</p>` : nothing}
    ${
      host.disabled || full
        ? nothing
        : html`<div class="upload">
          <input type="file" class="file" id=${id} multiple aria-describedby=${ifDefined(describedBy(host, pointer, true))}
            aria-invalid=${host.errorsAt(pointer).length ? 'true' : 'false'} ?disabled=${host.uploading(pointer)}
            @change=${(event: Event) => host.upload(pointer, event.target as HTMLInputElement)} />
          <label for=${id} class="button">${t('form_upload')}</label>
          ${host.uploading(pointer) ? html`<span role="status">${t('form_uploading')}</span>` : nothing}
        </div>`
    }
  `
}
