/**
 * @module One field of `ls-json-form` with its label, hint and errors, chosen by the kind of its
 * schema; objects become a fieldset whose properties follow their `if`/`then` conditions.
 */
import { html, nothing } from 'lit'
import type { TemplateResult } from 'lit'
import { t } from '../../i18n.ts'
import { renderAttachments, renderCheckboxes, renderList, renderTable } from './form-collections.ts'
import { errorId, hintId, hintOf, renderControl, renderErrors } from './form-controls.ts'
import type { FieldHost } from './form-controls.ts'
import { activeProperties, describeWithoutUnit, fieldKind, labelOf } from './form-schema.ts'
import type { FormSchema } from './form-schema.ts'
import { child, fieldId, getAt, pointerSegment } from './form-value.ts'

const star = (required: boolean) =>
  required ? html`<span class="required" aria-hidden="true">*</span>` : nothing

const hint = (pointer: string, text: string) =>
  text ? html`<div class="hint" id=${hintId(pointer)} part="hint">${text}</div>` : nothing

/** The fields of an object's properties that apply to its current value. */
export function renderProperties(
  host: FieldHost,
  schema: FormSchema,
  pointer: string,
  value: unknown,
): TemplateResult[] {
  const { properties, required } = activeProperties(schema, value, host.matches)
  return properties.map(([key, property]) =>
    renderField(
      host,
      property,
      child(pointer, key),
      getAt(value, `/${pointerSegment(key)}`),
      required.has(key),
      labelOf(property, key),
    ),
  )
}

/** One field: label, control, hint and errors. */
export function renderField(
  host: FieldHost,
  schema: FormSchema,
  pointer: string,
  value: unknown,
  required: boolean,
  label: string,
): TemplateResult {
  const kind = fieldKind(schema)
  const description = describeWithoutUnit(schema)
  const id = fieldId(pointer)
  switch (kind) {
    case 'object':
    case 'table':
    case 'list':
    case 'checkboxes':
    case 'attachments': {
      const text =
        kind === 'attachments' && !host.disabled
          ? [description, t('form_acceptedFiles')].filter(Boolean).join(' · ')
          : description
      const errors = host.errorsAt(pointer).length > 0
      const described = [text ? hintId(pointer) : '', errors ? errorId(pointer) : '']
        .filter(Boolean)
        .join(' ')
      return html`<fieldset class="group ${kind}" id=${id} part="group" aria-describedby=${described || nothing} aria-invalid=${errors ? 'true' : nothing}>
        <legend>${label}${star(required && !host.disabled)}</legend>
        ${hint(pointer, text)}
        ${kind === 'object' ? renderProperties(host, schema, pointer, value) : nothing}
        ${kind === 'table' ? renderTable(host, schema, pointer, value, label, (...args) => renderField(host, ...args)) : nothing}
        ${kind === 'list' ? renderList(host, schema, pointer, value, label) : nothing}
        ${kind === 'checkboxes' ? renderCheckboxes(host, schema, pointer, value) : nothing}
        ${kind === 'attachments' ? renderAttachments(host, schema, pointer, value) : nothing}
        ${renderErrors(host, pointer)}
      </fieldset>`
    }
    case 'boolean': {
      const text = hintOf(schema, description)
      return html`<div class="field checkbox" part="field">
        ${renderControl(host, schema, pointer, value, { required }, Boolean(text))}
        <label for=${id}>${label}${star(required && !host.disabled)}</label>
        ${hint(pointer, text)} ${renderErrors(host, pointer)}
      </div>`
    }
    default: {
      const text = hintOf(schema, description)
      return html`<div class="field ${kind}" part="field">
        <label for=${id}>${label}${star(required && !host.disabled)}</label>
        ${renderControl(host, schema, pointer, value, { required }, Boolean(text))}
        ${hint(pointer, text)} ${renderErrors(host, pointer)}
      </div>`
    }
  }
}
