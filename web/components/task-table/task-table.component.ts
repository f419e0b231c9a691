/**
 * A table of task summaries in the order given (the API orders by deadline): title linking to
 * the task's page, assignee, role, period, phase (only when some task has one), state, due date
 * with the document's phrase, and the status colour (三色预警), overdue and escalation markers. Rows are keyed by task id with `repeat`, and each row
 * is a few text nodes, and rows off screen skip layout (`content-visibility: auto`), so 500 rows
 * render in well under 200 ms.
 *
 * With `selectable`, rows awaiting review (`submitted`) get a checkbox, and the header one chooses
 * them all, for a reviewer's batch approval.
 *
 * @summary A list of tasks as an accessible table.
 * @event ls-task-select - The chosen rows changed: `{ ids }`.
 * @csspart table - The table element.
 * @csspart empty - The text shown when there are no tasks.
 */
import { LocaleController } from '../../locale-controller.ts'
import { html, LitElement, nothing } from 'lit'
import { repeat } from 'lit/directives/repeat.js'
import {
  isClosedStateName,
  isFinishedStateName,
  stepOfState,
} from '../../../domain/workflow/state-names.ts'
import type { TaskSummary } from '../../api-types.ts'
import { locale, t } from '../../i18n.ts'
import { escalationLabel, periodLabel, roleLabel, stateLabel } from './task-format.ts'
import styles from './task-table.styles.ts'
import { renderLight } from './task-light.ts'
import type { LsTaskSelectEvent } from '../../events/ls-task-select.ts'

/**
 * The grid columns for the columns shown: `wide` as on a desktop, `narrow` for a container under
 * 62rem (a 800 px window), where names and flags wrap so the due date and the flags stay on screen.
 * Order: title, assignee, role, period, phase, state, due, flags.
 */
export function columnWidths(
  assignee: boolean,
  phase: boolean,
  selectable = false,
): { wide: string[]; narrow: string[] } {
  const columns: Array<[string, string] | false> = [
    selectable && ['2.25rem', '2.25rem'],
    ['minmax(14rem, 1fr)', 'minmax(8rem, 1fr)'],
    assignee && ['8.5rem', '6.5rem'],
    ['4.75rem', '4.5rem'],
    ['7rem', '5.5rem'],
    phase && ['10.5rem', '7rem'],
    ['6rem', '6rem'],
    ['8.5rem', '6.5rem'],
    ['10rem', '7.5rem'],
  ]
  const shown = columns.filter((column): column is [string, string] => column !== false)
  return { wide: shown.map(([wide]) => wide), narrow: shown.map(([, narrow]) => narrow) }
}

export class LsTaskTable extends LitElement {
  static override styles = styles
  static override properties = {
    tasks: { attribute: false },
    phaseNames: { attribute: false },
    caption: {},
    hideAssignee: { type: Boolean, attribute: 'hide-assignee' },
    selectable: { type: Boolean },
    selected: { attribute: false },
  }

  /** The tasks to show, in display order. */
  declare tasks: readonly TaskSummary[]
  /** Phase names by phase id; a phase missing here shows its id. */
  declare phaseNames: Readonly<Record<string, string>>
  /** The table's caption (visible); defaults to "tasks, by deadline". */
  declare caption: string
  /** Leaves out the assignee column (a unit's own list). */
  declare hideAssignee: boolean
  /** Rows awaiting review can be chosen (a reviewer's batch approval). */
  declare selectable: boolean
  /** The ids chosen (set by the owner; changes are announced with `ls-task-select`). */
  declare selected: ReadonlySet<string>

  constructor() {
    super()
    this.addController(new LocaleController(this))
    this.tasks = []
    this.phaseNames = {}
    this.caption = ''
    this.hideAssignee = false
    this.selectable = false
    this.selected = new Set()
  }

  /** The rows that can be chosen: those awaiting review. */
  private get choosable(): TaskSummary[] {
    return this.tasks.filter((task) => task.state === 'submitted')
  }

  private announce(ids: ReadonlySet<string>): void {
    this.dispatchEvent(
      new CustomEvent('ls-task-select', {
        detail: { ids: this.tasks.filter((task) => ids.has(task.id)).map((task) => task.id) },
        bubbles: true,
        composed: true,
      }) satisfies LsTaskSelectEvent,
    )
  }

  private handleChoose(event: Event): void {
    const input = event.target as HTMLInputElement
    const ids = new Set(this.selected)
    if (input.checked) ids.add(input.value)
    else ids.delete(input.value)
    this.announce(ids)
  }

  private handleChooseAll(event: Event): void {
    const checked = (event.target as HTMLInputElement).checked
    this.announce(new Set(checked ? this.choosable.map((task) => task.id) : []))
  }

  /** The phase column shows only when some task has a phase: a column empty on every row only takes room. */
  private get showPhase(): boolean {
    return this.tasks.some((task) => task.phaseId)
  }

  private renderRow(task: TaskSummary, showPhase: boolean) {
    const done = isFinishedStateName(task.state)
    const closed = isClosedStateName(task.state)
    return html`<tr role="row" class=${task.overdue ? 'overdue' : done ? 'finished' : closed ? 'closed' : task.dueSoon ? 'due-soon' : ''}>
      ${
        this.selectable
          ? html`<td role="cell" class="choose">${task.state === 'submitted' ? html`<input type="checkbox" value=${task.id} .checked=${this.selected.has(task.id)} aria-label=${`${t('batch_choose')} ${task.title}（${task.assignee.name}）`} @change=${this.handleChoose} />` : nothing}</td>`
          : nothing
      }
      <th scope="row" role="rowheader"><a href="#/tasks/${encodeURIComponent(task.id)}">${task.title}</a></th>
      ${this.hideAssignee ? nothing : html`<td role="cell" data-label=${t('col_assignee')}>${task.assignee.name}</td>`}
      <td role="cell" data-label=${t('col_role')}>${roleLabel(task.role)}</td>
      <td role="cell" data-label=${t('col_period')}>${periodLabel(task.period)}</td>
      ${showPhase ? html`<td role="cell" data-label=${t('col_phase')}>${task.phaseId ? (this.phaseNames[task.phaseId] ?? task.phaseId) : ''}</td>` : nothing}
      <td role="cell" data-label=${t('col_state')}><span class="state s-${stepOfState(task.state) === undefined ? task.state : 'step'}">${stateLabel(task.state)}</span></td>
      <td role="cell" class="due" data-label=${t('col_due')}>${task.dueOn ? html`<time datetime=${task.dueOn}>${task.dueOn}</time>` : html`<span class="muted">${t('noDeadline')}</span>`}${task.duePhrase ? html`<span class="phrase">${task.duePhrase}</span>` : nothing}</td>
      <td role="cell" class="flags">${renderLight(task.light)}${task.overdue ? html`<span class="badge overdue">${t('overdue')}</span>` : nothing}${task.dueSoon ? html`<span class="badge due-soon">${t('dueSoon')}</span>` : nothing}${
        task.escalation > 0
          ? html`<span class="badge esc-${Math.min(task.escalation, 4)}" title=${t('escalationLevel')}>${escalationLabel(task.escalation)}</span>`
          : nothing
      }</td>
    </tr>`
  }

  override render() {
    if (this.tasks.length === 0)
      return html`<p part="empty" class="empty">${this.caption ? `${this.caption}${locale() === 'zh' ? '：' : ': '}` : ''}${t('noTasks')}</p>`
    const caption = this.caption || t('taskTable_caption')
    const showPhase = this.showPhase
    const widths = columnWidths(!this.hideAssignee, showPhase, this.selectable)
    const choosable = this.selectable ? this.choosable : []
    const all = choosable.length > 0 && choosable.every((task) => this.selected.has(task.id))
    // Rows are CSS grids so each can skip layout while off screen (content-visibility); the
    // explicit roles keep the table's semantics whatever its display. The grid's columns follow
    // the columns shown, wide or (in a narrow container) narrow.
    return html`<table part="table" role="table" aria-label=${caption}
      style=${`--cols: ${widths.wide.join(' ')}; --cols-narrow: ${widths.narrow.join(' ')}`}>
      <caption>${caption}</caption>
      <thead role="rowgroup">
        <tr role="row">
          ${this.selectable ? html`<th scope="col" role="columnheader" class="choose"><input type="checkbox" aria-label=${t('batch_chooseAll')} .checked=${all} ?disabled=${choosable.length === 0} @change=${this.handleChooseAll} /></th>` : nothing}
          <th scope="col" role="columnheader">${t('col_title')}</th>
          ${this.hideAssignee ? nothing : html`<th scope="col" role="columnheader">${t('col_assignee')}</th>`}
          <th scope="col" role="columnheader">${t('col_role')}</th>
          <th scope="col" role="columnheader">${t('col_period')}</th>
          ${showPhase ? html`<th scope="col" role="columnheader">${t('col_phase')}</th>` : nothing}
          <th scope="col" role="columnheader">${t('col_state')}</th>
          <th scope="col" role="columnheader">${t('col_due')}</th>
          <th scope="col" role="columnheader">${t('col_flags')}</th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        ${repeat(
          this.tasks,
          (task) => task.id,
          (task) => this.renderRow(task, showPhase),
        )}
      </tbody>
    </table>`
  }
}
