/**
 * The 督办单 of one task, as a printable page: issuing office and number, the task with its
 * clause and the document's words, lead and supporting units, due date, days overdue, escalation
 * level, what is required and by when, and its history of 提醒, 催办, 督办 and 通报. Downloads as
 * Word; prints A4 portrait.
 *
 * @summary The supervision notice page (`#/plans/<planId>/tasks/<taskId>/supervision-notice`).
 */
import { html, LitElement, nothing } from 'lit'
import { ApiError, call, client, pathParams } from '../../api.ts'
import type { SupervisionNotice } from '../../api-types.ts'
import { formatInstant, pick } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import { named } from '../office-format/named.ts'
import { om } from '../office-format/office-messages.ts'
import { PageSizeController } from '../office-format/page-size.ts'
import styles from './supervision-notice.styles.ts'

export class LsSupervisionNotice extends LitElement {
  static override styles = styles
  static override properties = {
    planId: { attribute: 'plan-id' },
    taskId: { attribute: 'task-id' },
    notice: { state: true },
    error: { state: true },
  }

  declare planId: string
  declare taskId: string
  declare notice: SupervisionNotice | null
  declare error: string
  private loaded = ''

  constructor() {
    super()
    this.addController(new LocaleController(this))
    new PageSizeController(this, 'portrait')
    this.planId = ''
    this.taskId = ''
    this.notice = null
    this.error = ''
  }

  protected override willUpdate(): void {
    const key = `${this.planId}/${this.taskId}`
    if (this.planId && this.taskId && key !== this.loaded) {
      this.loaded = key
      this.notice = null
      void this.load(key)
    }
  }

  private async load(key: string): Promise<void> {
    this.error = ''
    try {
      const notice = await call(
        client.plans[':id'].tasks[':taskId']['supervision-notice'].$get({
          param: pathParams({ id: this.planId, taskId: this.taskId }),
        }),
      )
      if (this.loaded === key) this.notice = notice
    } catch (error) {
      if (this.loaded === key)
        this.error = error instanceof ApiError ? pick(error.text) : String(error)
    }
  }

  override render() {
    const notice = this.notice
    const taskHref = `#/tasks/${encodeURIComponent(this.taskId)}`
    const docx = `/api/plans/${encodeURIComponent(this.planId)}/tasks/${encodeURIComponent(this.taskId)}/supervision-notice.docx`
    const head = html`<nav class="crumbs" aria-label="breadcrumb"><a href=${taskHref}>← ${om('col_title')}</a></nav>
      <div class="head"><div class="tools">
        <a class="button primary" href=${docx} download>${om('downloadDocx')}</a>
        <button type="button" @click=${() => window.print()}>${om('print')}</button>
      </div></div>`
    if (this.error) return html`${head}<p class="error" role="alert">${this.error}</p>`
    if (!notice) return html`${head}<p role="status">…</p>`
    const { task } = notice
    const due = task.dueOn
      ? `${task.dueOn}${task.duePhrase ? `（${task.duePhrase}）` : ''}`
      : om('noDue')
    return html`${head}
      <article class="paper">
        <h2>${om('notice')}</h2>
        <p class="sub">${om('number')}：${notice.number} · ${om('issuedBy')}：${notice.office} · ${om('issuedOn')}：${notice.issuedOn}</p>
        <dl class="facts">
          <dt>${om('policy')}</dt><dd>${notice.policyTitle}</dd>
          <dt>${om('col_title')}</dt><dd>${task.title}</dd>
          <dt>${om('col_clause')}</dt><dd>${task.clause ?? '—'}</dd>
          ${notice.quote ? html`<dt>${om('quote')}</dt><dd>${notice.quote}</dd>` : nothing}
          <dt>${om('col_lead')}</dt><dd>${task.lead.name}</dd>
          <dt>${om('col_support')}</dt><dd>${task.support.map((unit) => unit.name).join('、') || '—'}</dd>
          <dt>${om('col_due')}</dt><dd>${due}</dd>
          <dt>${om('col_daysOverdue')}</dt><dd class=${task.overdue ? 'late' : ''}>${task.overdue ? om('overdueDays', { n: task.daysOverdue }) : om('notOverdue')}</dd>
          <dt>${om('col_state')}</dt><dd>${named('state_', task.state, task.stateName)} <span class=${`light light-${task.light}`}>${named('light_', task.light, task.lightName)}</span></dd>
          <dt>${om('col_escalation')}</dt><dd>${task.escalationName ? named('escalation_', Math.min(task.escalation, 4), task.escalationName) : '—'}</dd>
          <dt>${om('lastProgress')}</dt><dd>${task.progress ?? om('notReported')}</dd>
          ${notice.deliverables.length ? html`<dt>${om('deliverables')}</dt><dd>${notice.deliverables.join('、')}</dd>` : nothing}
        </dl>
        <h3>${om('requirement')}</h3>
        <p class="body">${notice.requirement}</p>
        <p><strong>${om('replyBy')}：</strong>${notice.replyBy}</p>
        <h3>${om('urgings')}</h3>
        ${
          notice.urgings.length
            ? html`<table>
                <thead><tr><th scope="col">${om('col_at')}</th><th scope="col">${om('col_kind')}</th><th scope="col">${om('col_by')}</th><th scope="col">${om('col_message')}</th></tr></thead>
                <tbody>${notice.urgings.map((urging) => html`<tr><td>${formatInstant(urging.at)}</td><td>${urging.kind}</td><td>${urging.by}</td><td>${urging.message ?? ''}</td></tr>`)}</tbody>
              </table>`
            : html`<p class="muted">${om('noUrgings')}</p>`
        }
        <p class="sign">${notice.office}<br />${notice.issuedOn}</p>
      </article>`
  }
}
