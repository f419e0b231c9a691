/**
 * The report form a unit will fill in for a chosen duty or procedure, rendered live: the form the
 * config names (from `forms`), or the generated default report form.
 *
 * @summary Live preview of the generated forms.
 * @csspart frame - The box around the rendered form.
 */
import { html, LitElement } from 'lit'
import type { PolicyConfig } from '../../../schemas/index.ts'
import { defaultReportForm } from '../../../domain/forms/default-form.ts'
import { t } from '../../i18n.ts'
import '../json-form/json-form.ts'
import { LocaleController } from '../../locale-controller.ts'
import styles from './form-preview.styles.ts'

interface FormChoice {
  key: string
  label: string
  formId?: string
  schema: Record<string, unknown>
}

/** Every duty and procedure with the form its tasks will use. */
export function formChoices(policy: PolicyConfig): FormChoice[] {
  const forms = new Map(
    (policy.forms ?? []).map((form) => [form.id, form.schema as Record<string, unknown>]),
  )
  const duties = policy.responsibilities.map((duty) => {
    const named = duty.form ? forms.get(duty.form) : undefined
    return {
      key: `duty:${duty.id}`,
      label: duty.title,
      ...(named ? { formId: duty.form } : {}),
      schema: named ?? defaultReportForm(duty.title, duty.deliverables ?? []),
    }
  })
  const procedures = (policy.procedures ?? []).map((procedure) => {
    const named = procedure.form ? forms.get(procedure.form) : undefined
    return {
      key: `procedure:${procedure.id}`,
      label: procedure.name,
      ...(named ? { formId: procedure.form } : {}),
      schema: named ?? defaultReportForm(procedure.name, []),
    }
  })
  return [...procedures, ...duties]
}

export class LsFormPreview extends LitElement {
  static override styles = styles
  static override properties = {
    policy: { attribute: false },
    selected: { state: true },
  }

  /** A valid config. */
  declare policy: PolicyConfig | undefined
  declare selected: string

  #choices: { policy: PolicyConfig; list: FormChoice[] } | undefined

  constructor() {
    super()
    this.policy = undefined
    this.selected = ''
    this.addController(new LocaleController(this))
  }

  private choices(): FormChoice[] {
    if (!this.policy) return []
    if (this.#choices?.policy !== this.policy)
      this.#choices = { policy: this.policy, list: formChoices(this.policy) }
    return this.#choices.list
  }

  private handleSelect(event: Event): void {
    this.selected = (event.target as HTMLSelectElement).value
  }

  override render() {
    const choices = this.choices()
    if (choices.length === 0) return html`<p>${t('peNoForms')}</p>`
    // Prefer a duty with a form of its own: it shows what the config adds.
    const choice =
      choices.find((c) => c.key === this.selected) ?? choices.find((c) => c.formId) ?? choices[0]!
    const custom = choices.filter((c) => c.formId).length
    return html`
      <div class="pick">
        <label for="which">${t('peFormFor')}</label>
        <select id="which" @change=${this.handleSelect}>
          ${choices.map((c) => html`<option value=${c.key} ?selected=${c.key === choice.key}>${c.label}${c.formId ? ` 〔${c.formId}〕` : ''}</option>`)}
        </select>
        <span class="which">${choice.formId ? t('peFormNamed').replace('{id}', choice.formId) : t('peFormDefault')} ·
          ${t('peFormCount').replace('{custom}', String(custom)).replace('{total}', String(choices.length))}</span>
      </div>
      <div class="frame" part="frame">
        <ls-json-form .schema=${choice.schema} .value=${{}}></ls-json-form>
      </div>
      <details>
        <summary>JSON Schema</summary>
        <pre>${JSON.stringify(choice.schema, null, 2)}</pre>
      </details>
    `
  }
}
