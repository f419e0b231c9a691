/**
 * 转办 on a task's page, for the plan's office (and those who direct the policy): the unit a task
 * assigned by mistake moves to, and why. The task keeps its history, report and timers; the
 * server's issue about the unit appears at the select.
 *
 * @summary Transfer a task to the right unit.
 * @event ls-task-change - The task was transferred; the page reloads it.
 */
import { html, LitElement, nothing } from 'lit'
import { ApiError, call, client, pathParams } from '../../api.ts'
import type { TaskDetail } from '../../api-types.ts'
import { LocaleController } from '../../locale-controller.ts'
import { fill, pick, t } from '../../i18n.ts'
import styles from '../task-split/task-split.styles.ts'
import { touchTargets } from '../../touch-targets.ts'

export class LsTaskTransfer extends LitElement {
  static override styles = [styles, touchTargets]
  static override properties = {
    task: { attribute: false },
    toUnit: { state: true },
    reason: { state: true },
    error: { state: true },
    unitError: { state: true },
    busy: { state: true },
  }

  /** The task that may be transferred. */
  declare task: TaskDetail | null
  declare private toUnit: string
  declare private reason: string
  declare private error: string | null
  declare private unitError: string | null
  declare private busy: boolean

  constructor() {
    super()
    this.addController(new LocaleController(this))
    this.task = null
    this.toUnit = ''
    this.reason = ''
    this.error = null
    this.unitError = null
    this.busy = false
  }

  private async handleSubmit(event: Event): Promise<void> {
    event.preventDefault()
    const task = this.task
    if (!task || this.busy) return
    this.busy = true
    this.error = null
    this.unitError = null
    try {
      await call(
        client.tasks[':id'].transfer.$post({
          param: pathParams({ id: task.id }),
          json: { toUnit: this.toUnit, reason: this.reason.trim() },
        }),
      )
      const unit = task.transferUnits.find((u) => u.id === this.toUnit)?.name ?? this.toUnit
      this.toUnit = ''
      this.reason = ''
      this.dispatchEvent(
        new CustomEvent('ls-task-change', {
          detail: { message: fill(t('transfer_done'), { unit }) },
          bubbles: true,
          composed: true,
        }),
      )
    } catch (error) {
      if (error instanceof ApiError) {
        this.error = pick(error.text)
        const issue = error.details.issues?.find((i) => i.pointer === '/toUnit')
        this.unitError = issue ? pick(issue.message) : null
      } else this.error = String(error)
    } finally {
      this.busy = false
    }
  }

  override render() {
    const task = this.task
    if (!task || task.transferUnits.length === 0) return nothing
    return html`<section aria-labelledby="transfer-title" part="base">
      <h3 id="transfer-title">${t('transfer_title')}</h3>
      <form class="split-form" @submit=${this.handleSubmit}>
        <label class="field"><span>${t('transfer_to')}</span>
          <select name="toUnit" required aria-invalid=${this.unitError ? 'true' : 'false'} .value=${this.toUnit}
            @change=${(e: Event) => (this.toUnit = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${this.toUnit === ''}>${t('transfer_choose')}</option>
            ${task.transferUnits.map((unit) => html`<option value=${unit.id} ?selected=${this.toUnit === unit.id}>${unit.name}</option>`)}
          </select>
          ${this.unitError ? html`<span class="error" role="alert">${this.unitError}</span>` : nothing}
        </label>
        <label class="field"><span>${t('transfer_reason')}</span>
          <input type="text" name="reason" required maxlength="500" .value=${this.reason}
            @input=${(e: Event) => (this.reason = (e.target as HTMLInputElement).value)} />
        </label>
        <div class="buttons"><button type="submit" class="primary" ?disabled=${this.busy}>${t('transfer_submit')}</button></div>
        ${this.error ? html`<p class="banner" role="alert">${this.error}</p>` : nothing}
      </form>
    </section>`
  }
}
