/**
 * The 督办 list, grouped by unit: every open task under 督办 (level 3) or 通报 (level 4), the unit
 * with the most such tasks first and, in each unit, the most overdue first — each with its days
 * overdue, its level, a 催办 action for the tasks the reader may urge (`POST /api/tasks/:id/urge`,
 * with a message the sender may change) and links to its printable 督办单 and the Word file. The
 * server's refusal (urged already today) shows on the row as it says it.
 *
 * @summary The 督办 list by unit (the dashboard's "what to do").
 * @csspart unit - One unit's group.
 */
import { html, LitElement, nothing } from 'lit'
import { ApiError, call, client, pathParams } from '../../api.ts'
import type { TaskSummary } from '../../api-types.ts'
import { pick } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import { escalationLabel } from '../task-table/task-format.ts'
import { dashText } from '../dashboard/dashboard.text.ts'
import styles from './supervision-list.styles.ts'

/** Whole days from `from` to `to` (civil dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const day = (date: string) =>
    Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10))
  return Math.round((day(to) - day(from)) / 86_400_000)
}

/** Days a task is past its due date on `today` (0 when not past it or without one). */
export function daysOverdue(task: Pick<TaskSummary, 'dueOn'>, today: string): number {
  return task.dueOn ? Math.max(0, daysBetween(task.dueOn, today)) : 0
}

/** The tasks by unit: most tasks first, then the longest overdue; in each, the longest overdue first. */
export function groupByUnit(
  tasks: readonly TaskSummary[],
  today: string,
): Array<{ id: string; name: string; tasks: TaskSummary[]; worst: number }> {
  const groups = new Map<
    string,
    { id: string; name: string; tasks: TaskSummary[]; worst: number }
  >()
  for (const task of tasks) {
    const group = groups.get(task.assignee.id) ?? {
      id: task.assignee.id,
      name: task.assignee.name,
      tasks: [],
      worst: 0,
    }
    group.tasks.push(task)
    group.worst = Math.max(group.worst, daysOverdue(task, today))
    groups.set(task.assignee.id, group)
  }
  for (const group of groups.values())
    group.tasks.sort(
      (a, b) =>
        daysOverdue(b, today) - daysOverdue(a, today) ||
        b.escalation - a.escalation ||
        a.title.localeCompare(b.title),
    )
  return [...groups.values()].sort(
    (a, b) => b.tasks.length - a.tasks.length || b.worst - a.worst || a.name.localeCompare(b.name),
  )
}

export class LsSupervisionList extends LitElement {
  static override styles = styles
  static override properties = {
    planId: { attribute: 'plan-id' },
    today: {},
    tasks: { attribute: false },
    urgeable: { attribute: false },
    urging: { state: true },
    busy: { state: true },
    results: { state: true },
  }

  declare planId: string
  /** The plan's today (the server's civil date), from which days overdue count. */
  declare today: string
  /** The open tasks under 督办 and 通报. */
  declare tasks: readonly TaskSummary[]
  /** The tasks the reader may urge (the server's list): only these show a 催办 button. */
  declare urgeable: readonly string[]
  /** The task whose 催办 form is open. */
  declare urging: string
  declare busy: boolean
  /** What the last 催办 of each task answered: sent, or the server's refusal. */
  declare results: Readonly<Record<string, { ok: boolean; text: string }>>

  constructor() {
    super()
    this.addController(new LocaleController(this))
    this.planId = ''
    this.today = ''
    this.tasks = []
    this.urgeable = []
    this.urging = ''
    this.busy = false
    this.results = {}
  }

  private async open(task: TaskSummary): Promise<void> {
    this.urging = task.id
    await this.updateComplete
    this.renderRoot.querySelector<HTMLTextAreaElement>(`#urge-${CSS.escape(task.id)}`)?.focus()
  }

  private async send(event: SubmitEvent, task: TaskSummary): Promise<void> {
    event.preventDefault()
    if (this.busy) return
    const message = String(
      new FormData(event.target as HTMLFormElement).get('message') ?? '',
    ).trim()
    if (!message) return
    this.busy = true
    try {
      await call(
        client.tasks[':id'].urge.$post({ param: pathParams({ id: task.id }), json: { message } }),
      )
      this.results = { ...this.results, [task.id]: { ok: true, text: dashText('urged') } }
      this.urging = ''
    } catch (error) {
      const text = error instanceof ApiError ? pick(error.text) : String(error)
      this.results = { ...this.results, [task.id]: { ok: false, text } }
    } finally {
      this.busy = false
    }
  }

  private renderTask(task: TaskSummary) {
    const days = daysOverdue(task, this.today)
    const result = this.results[task.id]
    const base = `#/plans/${encodeURIComponent(this.planId)}/tasks/${encodeURIComponent(task.id)}`
    const docx = `/api/plans/${encodeURIComponent(this.planId)}/tasks/${encodeURIComponent(task.id)}/supervision-notice.docx`
    return html`<li class="task" data-task=${task.id}>
      <div class="line">
        <span class="badge esc-${Math.min(task.escalation, 4)}" data-escalation=${task.escalation}>${escalationLabel(task.escalation)}</span>
        <a class="title" href=${`#/tasks/${encodeURIComponent(task.id)}`}>${task.title}</a>
      </div>
      <div class="line meta">
        <span class=${days ? 'days late' : 'days'} data-days=${days}>${days ? dashText('daysOverdue', { n: days }) : dashText('notOverdue')}</span>
        ${task.dueOn ? html`<span class="muted">${dashText('dueOn', { date: task.dueOn })}</span>` : nothing}
        <span class="actions">
          ${
            this.urgeable.includes(task.id)
              ? html`<button type="button" class="urge" aria-expanded=${this.urging === task.id ? 'true' : 'false'}
                  @click=${() => (this.urging === task.id ? (this.urging = '') : void this.open(task))}>${dashText('urge')}</button>`
              : nothing
          }
          <a class="notice" href=${`${base}/supervision-notice`}>${dashText('notice')}</a>
          <a class="notice" href=${docx} download>${dashText('noticeDocx')}</a>
        </span>
      </div>
      ${result ? html`<p class=${result.ok ? 'ok' : 'error'} role="status">${result.text}</p>` : nothing}
      ${
        this.urging === task.id
          ? html`<form class="urge-form" @submit=${(event: SubmitEvent) => void this.send(event, task)}>
              <label for=${`urge-${task.id}`}>${dashText('urge')}：${task.title}</label>
              <textarea id=${`urge-${task.id}`} name="message" rows="2" maxlength="500" required>${dashText('urgeDefault')}</textarea>
              <div class="buttons">
                <button type="submit" class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>${dashText('urgeSend')}</button>
                <button type="button" @click=${() => (this.urging = '')}>${dashText('cancel')}</button>
              </div>
            </form>`
          : nothing
      }
    </li>`
  }

  override render() {
    if (this.tasks.length === 0) return html`<p class="muted">${dashText('noSupervision')}</p>`
    return html`<div class="groups">${groupByUnit(this.tasks, this.today).map(
      (
        group,
      ) => html`<section class="unit" part="unit" data-unit=${group.id} aria-label=${group.name}>
        <h4>${group.name} <small>${dashText('tasksOf', { n: group.tasks.length })}</small></h4>
        <ul>${group.tasks.map((task) => this.renderTask(task))}</ul>
      </section>`,
    )}</div>`
  }
}
