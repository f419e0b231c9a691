/**
 * A reviewer's batch approval: a button counting the reports chosen, one confirmation dialog
 * (with an optional comment added to each), then `POST /api/tasks/approve`; the answer is shown
 * — how many were approved, and each refused one with its reason (nothing of it was changed).
 *
 * @summary 批量通过 for the review queue.
 * @event ls-tasks-approved - Some reports were approved: the list should load again.
 * @csspart result - What the last batch did.
 */
import { html, LitElement, nothing } from 'lit'
import { ApiError, call, client } from '../../api.ts'
import type { TaskSummary } from '../../api-types.ts'
import { fill, pick, t } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import styles from './batch-approve.styles.ts'
import type { LsTasksApprovedEvent } from '../../events/ls-tasks-approved.ts'

interface Outcome {
  approved: number
  failed: Array<{ title: string; reason: string }>
}

export class LsBatchApprove extends LitElement {
  static override styles = styles
  static override properties = {
    tasks: { attribute: false },
    busy: { state: true },
    outcome: { state: true },
    error: { state: true },
  }

  /** The reports chosen, in the list's order. */
  declare tasks: readonly TaskSummary[]
  declare busy: boolean
  declare outcome: Outcome | null
  declare error: string

  constructor() {
    super()
    this.addController(new LocaleController(this))
    this.tasks = []
    this.busy = false
    this.outcome = null
    this.error = ''
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog')
  }

  private handleOpen = (): void => {
    this.error = ''
    const dialog = this.dialog
    if (!dialog) return
    const comment = dialog.querySelector('textarea')
    if (comment) comment.value = ''
    dialog.showModal()
    dialog.querySelector<HTMLButtonElement>('button.primary')?.focus()
  }

  private handleCancel = (): void => this.dialog?.close()

  private handleConfirm = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault()
    const comment = this.dialog?.querySelector('textarea')?.value.trim() ?? ''
    const chosen = [...this.tasks]
    this.busy = true
    this.error = ''
    try {
      const answer = await call(
        client.tasks.approve.$post({
          json: { taskIds: chosen.map((task) => task.id), ...(comment ? { comment } : {}) },
        }),
      )
      const titles = new Map(
        chosen.map((task) => [task.id, `${task.title}（${task.assignee.name}）`]),
      )
      this.outcome = {
        approved: answer.approved,
        failed: answer.results
          .filter((result) => !result.ok)
          .map((result) => ({
            title: titles.get(result.id) ?? result.id,
            reason: pick(result.error?.message),
          })),
      }
      this.dialog?.close()
      this.dispatchEvent(
        new CustomEvent('ls-tasks-approved', {
          bubbles: true,
          composed: true,
        }) satisfies LsTasksApprovedEvent,
      )
    } catch (error) {
      this.error = error instanceof ApiError ? pick(error.text) : String(error)
    } finally {
      this.busy = false
    }
  }

  private renderOutcome(outcome: Outcome) {
    return html`<div part="result" class="result" role="status">
      <p>${fill(t('batch_done'), { approved: outcome.approved })}</p>
      ${
        outcome.failed.length
          ? html`<p class="failed">${fill(t('batch_failed'), { failed: outcome.failed.length })}</p>
            <ul>${outcome.failed.map((item) => html`<li><strong>${item.title}</strong>：${item.reason}</li>`)}</ul>`
          : nothing
      }
    </div>`
  }

  override render() {
    const n = this.tasks.length
    return html`
      <button type="button" class="primary" ?disabled=${n === 0 || this.busy} @click=${this.handleOpen}>${fill(t('batch_approve'), { n })}</button>
      ${this.outcome ? this.renderOutcome(this.outcome) : nothing}
      <dialog aria-labelledby="batch-title" @cancel=${this.handleCancel}>
        <form method="dialog" @submit=${this.handleConfirm}>
          <h3 id="batch-title">${fill(t('batch_confirmTitle'), { n })}</h3>
          <ul class="chosen">${this.tasks.map((task) => html`<li>${task.title}<span class="muted">（${task.assignee.name}）</span></li>`)}</ul>
          <label>${t('batch_comment')}<textarea name="comment" rows="2" maxlength="2000"></textarea></label>
          ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing}
          <div class="actions">
            <button type="button" @click=${this.handleCancel}>${t('batch_cancel')}</button>
            <button type="submit" class="primary" ?disabled=${this.busy}>${t('batch_confirm')}</button>
          </div>
        </form>
      </dialog>
    `
  }
}
