/**
 * A form drawn from a JSON Schema — a task's report form from the policy config or the default
 * one. Text, long text, numbers with units and bounds, percentages, choices, check boxes, dates,
 * nested groups, tables of records, lists, evidence uploads and `if`/`then` conditional fields.
 * It validates with the server's Ajv setup and shows each error at its field (after the field
 * is left, or everywhere once `validate()` is called), together with issues the server returned.
 *
 * @summary A JSON Schema form.
 * @event ls-form-change - Emitted with `{ value }` whenever the user changes a value.
 * @csspart form - The form element.
 * @csspart field - A single-value field (label, control, hint, errors).
 * @csspart group - A fieldset: nested object, table, list, choices or attachments.
 * @csspart hint - The description or bounds under a control.
 * @csspart unit - The unit after a number.
 * @csspart error - The errors of one field.
 * @csspart summary - The count of errors, and errors that belong to no single field.
 */
import { LocaleController } from '../../locale-controller.ts'
import { html, LitElement, nothing } from 'lit'
import type { PropertyValues } from 'lit'
import { ApiError } from '../../api.ts'
import type { ApiIssue } from '../../api.ts'
import type { LsFormChangeEvent } from '../../events/ls-form-change.ts'
import { pick, t } from '../../i18n.ts'
import { uploadAttachment } from './attachment-upload.ts'
import { fill } from './form-controls.ts'
import type { FieldHost } from './form-controls.ts'
import { renderField, renderProperties } from './form-fields.ts'
import { fieldKind, labelOf } from './form-schema.ts'
import type { FormSchema } from './form-schema.ts'
import { issueErrors, matches, validateForm } from './form-validation.ts'
import type { FieldErrors, LocalizedText } from './form-validation.ts'
import { getAt, normalize, setAt } from './form-value.ts'
import styles from './json-form.styles.ts'

/** The pointers above a pointer, nearest first, without the root: `/a/0/b` → `/a/0`, `/a`. */
function ancestors(pointer: string): string[] {
  const found: string[] = []
  for (let at = pointer.lastIndexOf('/'); at > 0; at = pointer.lastIndexOf('/', at - 1))
    found.push(pointer.slice(0, at))
  return found
}

export class LsJsonForm extends LitElement {
  static override styles = styles
  static override properties = {
    schema: { attribute: false },
    value: { attribute: false, noAccessor: true },
    disabled: { type: Boolean, reflect: true },
    issues: { attribute: false },
    errors: { state: true },
    touched: { state: true },
    showAll: { state: true },
    uploads: { state: true },
    uploadErrors: { state: true },
  }

  /** The JSON Schema of the form (an object schema). */
  declare schema: object | null
  /** Read-only: values are shown but cannot be changed. */
  declare disabled: boolean
  /** Issues from the server (`pointer` like `/data/summary`), shown at their fields until edited. */
  declare issues: ReadonlyArray<ApiIssue>
  declare private errors: FieldErrors
  declare private touched: ReadonlySet<string>
  declare private showAll: boolean
  declare private uploads: ReadonlySet<string>
  declare private uploadErrors: FieldErrors

  #serverErrors: FieldErrors = new Map()
  #edited = new Set<string>()
  #input: unknown = {}
  #current: unknown = {}
  #external = false
  #placed = new Set<string>()

  constructor() {
    super()
    this.addController(new LocaleController(this))
    this.schema = null
    this.disabled = false
    this.issues = []
    this.errors = new Map()
    this.touched = new Set()
    this.showAll = false
    this.uploads = new Set()
    this.uploadErrors = new Map()
  }

  /**
   * The data being edited. Setting it to a new object starts the form again from that data;
   * setting the object it was last given again (a parent re-rendering) keeps the user's edits.
   * Reading it gives the data as edited so far (the form replaces it, never mutates it).
   */
  get value(): unknown {
    return this.#current
  }

  set value(next: unknown) {
    if (next === this.#input) return
    const old = this.#current
    this.#input = next
    this.#current = next
    this.#external = true
    this.requestUpdate('value', old)
  }

  /**
   * Checks the whole form, shows every error at its field and moves focus to the first one.
   *
   * @returns whether the form is valid
   */
  validate(): boolean {
    this.showAll = true
    this.errors = this.#check()
    if (this.errors.size > 0) void this.updateComplete.then(() => this.focusFirstError())
    return this.errors.size === 0
  }

  /** The data to send: hidden conditional answers dropped, unticked boxes `false`. */
  getValue(): unknown {
    const schema = this.#schema()
    return schema ? normalize(schema, this.value ?? {}, matches) : this.value
  }

  /** Moves focus to the first control marked invalid. */
  focusFirstError(): void {
    const invalid = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')
    const control = invalid?.matches('fieldset')
      ? invalid.querySelector<HTMLElement>('input, select, textarea, button')
      : invalid
    control?.focus()
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('issues')) {
      this.#serverErrors = issueErrors(this.issues ?? [])
      this.#edited = new Set()
    }
    if (changed.has('value') && this.#external) {
      // New data from outside (a task loaded or reloaded): start again without visited fields.
      this.#external = false
      this.touched = new Set()
      this.showAll = false
      this.uploadErrors = new Map()
    }
    if (changed.has('value') || changed.has('schema')) this.errors = this.#check()
  }

  #schema(): FormSchema | null {
    return this.schema
  }

  #check(): FieldErrors {
    const schema = this.#schema()
    return schema ? validateForm(schema, this.getValue()) : new Map()
  }

  /** The messages to show at a pointer now. */
  #errorsAt(pointer: string): LocalizedText[] {
    const client = this.showAll || this.touched.has(pointer) ? (this.errors.get(pointer) ?? []) : []
    // Editing a field, or a list that holds it, answers the server's issue there.
    const edited = [...this.#edited].some((at) => pointer === at || pointer.startsWith(`${at}/`))
    const server = edited ? [] : (this.#serverErrors.get(pointer) ?? [])
    return [...client, ...server, ...(this.uploadErrors.get(pointer) ?? [])]
  }

  /** What the field renderers need from this form (kept off the element's public API). */
  #host(): FieldHost {
    return {
      disabled: this.disabled,
      errorsAt: (pointer) => {
        this.#placed.add(pointer)
        return [...new Set(this.#errorsAt(pointer).map(pick))]
      },
      change: (pointer, value) => this.handleChange(pointer, value),
      touch: (pointer) => this.handleTouch(pointer),
      upload: (pointer, input) => void this.handleUpload(pointer, input),
      uploading: (pointer) => this.uploads.has(pointer),
      matches,
    }
  }

  private handleChange(pointer: string, value: unknown): void {
    const old = this.#current
    this.#current = setAt(old ?? {}, pointer, value)
    this.requestUpdate('value', old)
    this.#edited.add(pointer)
    this.dispatchEvent(
      new CustomEvent('ls-form-change', {
        detail: { value: this.getValue() },
        bubbles: true,
        composed: true,
      }) satisfies LsFormChangeEvent,
    )
  }

  private handleTouch(pointer: string): void {
    if (this.touched.has(pointer)) return
    this.touched = new Set([...this.touched, pointer, ...ancestors(pointer)])
  }

  private async handleUpload(pointer: string, input: HTMLInputElement): Promise<void> {
    const files = Array.from(input.files ?? [])
    if (files.length === 0) return
    this.uploads = new Set([...this.uploads, pointer])
    const failures: LocalizedText[] = []
    for (const file of files) {
      try {
        const stored = await uploadAttachment(file)
        const current = getAt(this.value, pointer)
        this.handleChange(pointer, [...(Array.isArray(current) ? current : []), stored.id])
      } catch (error) {
        const text =
          error instanceof ApiError ? error.text : { zh: String(error), en: String(error) }
        failures.push({ zh: `${file.name}：${text.zh}`, en: `${file.name}: ${text.en}` })
      }
    }
    input.value = ''
    this.uploads = new Set([...this.uploads].filter((at) => at !== pointer))
    this.uploadErrors = new Map(
      [...this.uploadErrors]
        .filter(([at]) => at !== pointer)
        .concat(failures.length ? [[pointer, failures]] : []),
    )
  }

  private handleSubmit(event: SubmitEvent): void {
    // The page's own buttons send the form; Enter in a box must not reload the page.
    event.preventDefault()
  }

  override render() {
    const schema = this.#schema()
    if (!schema) return nothing
    this.#placed = new Set()
    const host = this.#host()
    const body =
      fieldKind(schema) === 'object'
        ? renderProperties(host, schema, '', this.value)
        : renderField(host, schema, '', this.value, false, labelOf(schema, ''))
    const shown = [
      ...new Set([
        ...this.errors.keys(),
        ...this.#serverErrors.keys(),
        ...this.uploadErrors.keys(),
      ]),
    ].filter((pointer) => this.#errorsAt(pointer).length > 0)
    const loose = shown
      .filter((pointer) => !this.#placed.has(pointer))
      .flatMap((pointer) => this.#errorsAt(pointer).map(pick))
    const count = shown.reduce((sum, pointer) => sum + this.#errorsAt(pointer).length, 0)
    const anyRequired = /"required":\s*\[\s*"/.test(JSON.stringify(schema))
    return html`
      <form part="form" novalidate @submit=${this.handleSubmit}>
        ${anyRequired && !this.disabled ? html`<p class="note">${t('form_requiredNote')}</p>` : nothing}
        ${
          count > 0 && (this.showAll || this.#serverErrors.size > 0)
            ? html`<div class="summary" role="alert" part="summary">
              ${fill(t('form_errorCount'), count)}
              ${loose.length ? html`<ul>${loose.map((message) => html`<li>${message}</li>`)}</ul>` : nothing}
            </div>`
            : nothing
        }
        ${body}
      </form>
    `
  }
}
