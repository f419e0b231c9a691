/**
 * A task's periodic progress reports (周期反馈): how often they are asked, the next one due, the
 * progress expected by now (序时进度), the reports made, and — for the task's own units — a form
 * to report percent complete and what has been done. The office sees a form to clear an overdue
 * task's red light with a reason (解除红灯).
 *
 * @summary The progress section of a task's page.
 * @event ls-progress-change - Emitted with `{ taskId }` after a report or a clearance was saved.
 */
import { LocaleController } from '../../locale-controller.ts'
import { html, LitElement, nothing } from 'lit'
import { ApiError, call, client, pathParams } from '../../api.ts'
import type { TaskDetail } from '../../api-types.ts'
import { fill, formatInstant, pick, t, tOf } from '../../i18n.ts'
import { renderLight } from '../task-table/task-light.ts'
import styles from './progress-report.styles.ts'
import { touchTargets } from '../../touch-targets.ts'

type Progress = TaskDetail['progress']

export class LsProgressReport extends LitElement {
  static override styles = [styles, touchTargets]
  static override properties = {
    task: { attribute: false },
    percent: { state: true },
    text: { state: true },
    reason: { state: true },
    busy: { state: true },
    error: { state: true },
    notice: { state: true },
  }

  /** The task whose progress is shown. */
  declare task: Pick<TaskDetail, 'id' | 'light' | 'progress'> | null
  declare private percent: string
  declare private text: string
  declare private reason: string
  declare private busy: boolean
  declare private error: string
  declare private notice: string

  constructor() {
    super()
    this.addController(new LocaleController(this))
    this.task = null
    this.percent = ''
    this.text = ''
    this.reason = ''
    this.busy = false
    this.error = ''
    this.notice = ''
  }

  private async send(work: () => Promise<unknown>, done: string): Promise<void> {
    const task = this.task
    if (!task || this.busy) return
    this.busy = true
    this.error = ''
    this.notice = ''
    try {
      await work()
      this.notice = done
      this.dispatchEvent(
        new CustomEvent('ls-progress-change', {
          detail: { taskId: task.id },
          bubbles: true,
          composed: true,
        }),
      )
    } catch (error) {
      this.error = error instanceof ApiError ? pick(error.text) : String(error)
    } finally {
      this.busy = false
    }
  }

  private async handleReport(event: Event): Promise<void> {
    event.preventDefault()
    const task = this.task
    if (!task) return
    const percent = Number(this.percent)
    if (
      this.percent.trim() === '' ||
      !Number.isInteger(percent) ||
      percent < 0 ||
      percent > 100 ||
      !this.text.trim()
    ) {
      this.error = t('progress_invalid')
      return
    }
    await this.send(async () => {
      await call(
        client.tasks[':id'].progress.$post({
          param: pathParams({ id: task.id }),
          json: { percent, text: this.text.trim() },
        }),
      )
      this.percent = ''
      this.text = ''
    }, t('progress_sent'))
  }

  private async handleClear(event: Event): Promise<void> {
    event.preventDefault()
    const task = this.task
    if (!task) return
    if (!this.reason.trim()) {
      this.error = t('light_clearReason')
      return
    }
    await this.send(async () => {
      await call(
        client.tasks[':id']['clear-red'].$post({
          param: pathParams({ id: task.id }),
          json: { reason: this.reason.trim() },
        }),
      )
      this.reason = ''
    }, t('light_cleared'))
  }

  private renderReports(progress: Progress) {
    if (progress.reports.length === 0) return html`<p class="muted">${t('progress_none')}</p>`
    return html`<ol aria-label=${t('progress_title')}>
      ${progress.reports.map(
        (report) => html`<li>
          <span class="percent">${report.percent}%</span>${report.text}
          <div class="muted">${report.reportedByName} · ${formatInstant(report.reportedAt)} · ${fill(t('progress_period'), { date: report.period })}</div>
        </li>`,
      )}
    </ol>`
  }

  override render() {
    const task = this.task
    if (!task) return nothing
    const { progress } = task
    return html`<section aria-labelledby="progress-title">
      <h3 id="progress-title">${t('progress_title')} ${renderLight(task.light)}</h3>
      ${progress.every ? html`<p>${tOf('progress_every_', progress.every)}</p>` : nothing}
      ${progress.nextDue ? html`<p>${fill(t('progress_nextDue'), { date: progress.nextDue })}</p>` : nothing}
      ${progress.expectedPercent !== null ? html`<p class="muted">${fill(t('progress_expected'), { percent: progress.expectedPercent })}</p>` : nothing}
      ${this.renderReports(progress)}
      ${progress.clearances.map((c) => html`<p class="muted">${fill(t('light_clearedBy'), { reason: c.reason })}</p>`)}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${
        progress.mayReport
          ? html`<form class="report" novalidate @submit=${this.handleReport}>
            <label>${t('progress_percent')}
              <input name="percent" type="number" min="0" max="100" step="1" required .value=${this.percent}
                @input=${(e: Event) => (this.percent = (e.target as HTMLInputElement).value)} /></label>
            <label>${t('progress_text')}
              <textarea name="text" rows="3" maxlength="4000" required .value=${this.text}
                @input=${(e: Event) => (this.text = (e.target as HTMLTextAreaElement).value)}></textarea></label>
            <button type="submit" ?disabled=${this.busy}>${t('progress_submit')}</button>
          </form>`
          : nothing
      }
      ${
        progress.mayClearRed && task.light === 'red'
          ? html`<form class="clear" novalidate @submit=${this.handleClear}>
            <label>${t('light_clearReason')}
              <textarea name="reason" rows="2" maxlength="2000" required .value=${this.reason}
                @input=${(e: Event) => (this.reason = (e.target as HTMLTextAreaElement).value)}></textarea></label>
            <button type="submit" ?disabled=${this.busy}>${t('light_clear')}</button>
          </form>`
          : nothing
      }
    </section>`
  }
}
