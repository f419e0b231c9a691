/**
 * What follows a task beside its report: 已销号 when its approval closed it out, its 延期申请
 * (the unit's form before the deadline, the reviewer's approve or refuse, the requests so far),
 * and 催办 with a message for the office or the lead unit. Each action goes to its own route; a
 * refusal shows the server's message (zh or en) in place.
 *
 * @summary Extension, close-out and 催办 on one task.
 * @event ls-task-change - Emitted after an action changed the task, so the page reloads it.
 */
import { html, LitElement, nothing } from 'lit'
import { ApiError, call, client, pathParams } from '../../api.ts'
import type { TaskDetail } from '../../api-types.ts'
import { fill, pick, t, tOf } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import styles from './task-followup.styles.ts'
import { touchTargets } from '../../touch-targets.ts'

export class LsTaskFollowup extends LitElement {
  static override styles = [styles, touchTargets]
  static override properties = {
    task: { attribute: false },
    busy: { state: true },
    error: { state: true },
  }

  /** The task as `GET /api/tasks/:id` answers it. */
  declare task: TaskDetail | null
  declare private busy: boolean
  declare private error: (() => string) | null

  constructor() {
    super()
    this.addController(new LocaleController(this))
    this.task = null
    this.busy = false
    this.error = null
  }

  private async run(what: 'extension' | 'decision' | 'urge', send: () => Promise<unknown>) {
    if (this.busy) return
    this.busy = true
    this.error = null
    try {
      await send()
      this.dispatchEvent(
        new CustomEvent('ls-task-change', { detail: { what }, bubbles: true, composed: true }),
      )
    } catch (error) {
      this.error = error instanceof ApiError ? () => pick(error.text) : () => String(error)
    } finally {
      this.busy = false
    }
  }

  private handleRequest(event: SubmitEvent) {
    event.preventDefault()
    const task = this.task
    if (!task) return
    const form = new FormData(event.target as HTMLFormElement)
    const percent = String(form.get('percent') ?? '').trim()
    const progress = String(form.get('progress') ?? '').trim()
    const json = {
      dueOn: String(form.get('dueOn') ?? ''),
      reason: String(form.get('reason') ?? '').trim(),
      ...(percent ? { percent: Number(percent) } : {}),
      ...(progress ? { progress } : {}),
    }
    void this.run('extension', () =>
      call(client.tasks[':id'].extension.$post({ param: pathParams({ id: task.id }), json })),
    )
  }

  private handleDecision(approve: boolean) {
    const task = this.task
    if (!task) return
    const note = this.renderRoot.querySelector<HTMLTextAreaElement>('#decision-note')?.value.trim()
    void this.run('decision', () =>
      call(
        client.tasks[':id'].extension.decision.$post({
          param: pathParams({ id: task.id }),
          json: { approve, ...(note ? { note } : {}) },
        }),
      ),
    )
  }

  private handleUrge(event: SubmitEvent) {
    event.preventDefault()
    const task = this.task
    if (!task) return
    const message = String(new FormData(event.target as HTMLFormElement).get('message') ?? '')
    void this.run('urge', () =>
      call(
        client.tasks[':id'].urge.$post({ param: pathParams({ id: task.id }), json: { message } }),
      ),
    )
  }

  private renderExtensions(task: TaskDetail) {
    const pending = task.extensions.find((request) => request.status === 'pending')
    return html`
      ${
        task.mayRequestExtension
          ? html`<form class="extension" @submit=${this.handleRequest}>
            <h4>${t('ext_request')}</h4>
            <label>${t('ext_dueOn')}<input type="date" name="dueOn" required min=${task.dueOn ?? ''} /></label>
            <label>${t('ext_reason')}<textarea name="reason" rows="2" required maxlength="2000"></textarea></label>
            <label>${t('ext_percent')}<input type="number" name="percent" min="0" max="100" /></label>
            <label>${t('ext_progress')}<textarea name="progress" rows="2" maxlength="2000"></textarea></label>
            <div class="buttons"><button class="primary" type="submit" ?disabled=${this.busy}>${t('ext_send')}</button></div>
          </form>`
          : nothing
      }
      ${
        pending
          ? html`<div class="pending" role="note">
            <p>${fill(t('ext_pending'), { from: pending.dueFrom, to: pending.dueTo })}</p>
            <p class="muted">${pending.reason}${pending.percent !== null && pending.percent !== undefined ? ` · ${pending.percent}%` : ''}${pending.progress ? ` · ${pending.progress}` : ''}</p>
          </div>`
          : nothing
      }
      ${
        pending && task.mayDecideExtension
          ? html`<div class="decision">
            <label>${t('ext_note')}<textarea id="decision-note" rows="2" maxlength="2000"></textarea></label>
            <div class="buttons">
              <button class="primary" type="button" ?disabled=${this.busy} @click=${() => this.handleDecision(true)}>${t('ext_approve')}</button>
              <button type="button" ?disabled=${this.busy} @click=${() => this.handleDecision(false)}>${t('ext_refuse')}</button>
            </div>
          </div>`
          : nothing
      }
      ${
        task.extensions.some((request) => request.status !== 'pending')
          ? html`<ul class="decided">${task.extensions
              .filter((request) => request.status !== 'pending')
              .map(
                (request) =>
                  html`<li>${tOf('ext_status_', request.status)}：${request.dueFrom} → ${request.dueTo}${request.note ? `（${request.note}）` : ''}</li>`,
              )}</ul>`
          : nothing
      }`
  }

  override render() {
    const task = this.task
    if (!task) return nothing
    const showExtensions = task.mayRequestExtension || task.extensions.length > 0
    const needsEvidence = task.closeOutEvidence === 'required'
    if (
      !task.closedOut &&
      !needsEvidence &&
      !showExtensions &&
      !task.mayUrge &&
      !task.originalDueOn
    )
      return nothing
    return html`<section aria-labelledby="followup-title">
      <h3 id="followup-title">${t('ext_title')}</h3>
      ${this.error ? html`<p class="error" role="alert">${this.error()}</p>` : nothing}
      ${
        task.closedOut
          ? html`<p class="closed-out" role="status">${fill(t('closeOut_done'), { at: task.closedOut.at.slice(0, 10), by: task.closedOut.byName ?? task.closedOut.by })}</p>`
          : needsEvidence
            ? html`<p class="muted">${t('closeOut_evidence')}</p>`
            : nothing
      }
      ${task.originalDueOn ? html`<p>${fill(t('ext_moved'), { from: task.originalDueOn, to: task.dueOn ?? '' })}</p>` : nothing}
      ${showExtensions ? this.renderExtensions(task) : nothing}
      ${
        task.mayUrge
          ? html`<form class="urge" @submit=${this.handleUrge}>
            <label>${t('urge_message')}<textarea name="message" rows="2" required maxlength="500"></textarea></label>
            <div class="buttons"><button type="submit" ?disabled=${this.busy}>${t('urge_send')}</button></div>
          </form>`
          : nothing
      }
    </section>`
  }
}
