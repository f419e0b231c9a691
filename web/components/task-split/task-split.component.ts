/**
 * 层层分解 on a task's page: its sub-tasks with their states, deadlines and reports (x of n done),
 * what was asked of this task when it is itself a sub-task, and — for the unit that owns it while
 * it may be split — **分解任务**: one row per unit below (unit, a deadline no later than the
 * task's own, what to do, a share), a preview that writes nothing, then the split. The server's
 * issues appear at their rows.
 *
 * @summary The sub-tasks of a task, and the form that splits it.
 * @event ls-task-change - The task was split; the page reloads it.
 */
import { html, LitElement, nothing } from 'lit'
import { ApiError, call, client, pathParams } from '../../api.ts'
import type { ApiIssue } from '../../api.ts'
import type { TaskDetail } from '../../api-types.ts'
import { LocaleController } from '../../locale-controller.ts'
import { fill, pick, t } from '../../i18n.ts'
import type { SubTasksBody } from '../../../schemas/api/requests.schema.ts'
import type { SplitResult } from '../../../schemas/api/responses.schema.ts'
import { renderBadges } from '../task-page/task-page.sections.ts'
import styles from './task-split.styles.ts'
import { touchTargets } from '../../touch-targets.ts'

interface Row {
  /** A unit below, or {@link NEW_UNIT} for one named here. */
  unit: string
  newId: string
  newName: string
  dueOn: string
  instruction: string
  share: string
}

/** The select's value for a new unit below, named in the row. */
const NEW_UNIT = '__new__'

const emptyRow = (dueOn: string): Row => ({
  unit: '',
  newId: '',
  newName: '',
  dueOn,
  instruction: '',
  share: '',
})

export class LsTaskSplit extends LitElement {
  static override styles = [styles, touchTargets]
  static override properties = {
    task: { attribute: false },
    editing: { state: true },
    rows: { state: true },
    issues: { state: true },
    error: { state: true },
    preview: { state: true },
    busy: { state: true },
  }

  /** The task whose sub-tasks are shown. */
  declare task: TaskDetail | null
  declare private editing: boolean
  declare private rows: Row[]
  declare private issues: ApiIssue[]
  declare private error: string | null
  declare private preview: SplitResult | null
  declare private busy: boolean

  constructor() {
    super()
    this.addController(new LocaleController(this))
    this.task = null
    this.editing = false
    this.rows = []
    this.issues = []
    this.error = null
    this.preview = null
    this.busy = false
  }

  private handleOpen(): void {
    this.editing = true
    this.rows = [emptyRow(this.task?.dueOn ?? '')]
    this.issues = []
    this.error = null
    this.preview = null
  }

  private handleCancel(): void {
    this.editing = false
    this.preview = null
  }

  private update_(index: number, field: keyof Row, value: string): void {
    this.rows = this.rows.map((row, i) => (i === index ? { ...row, [field]: value } : row))
    this.preview = null
  }

  private body(dryRun: boolean): SubTasksBody {
    return {
      items: this.rows.map((row) => ({
        ...(row.unit === NEW_UNIT
          ? { unit: row.newId.trim(), name: row.newName.trim() }
          : { unit: row.unit }),
        dueOn: row.dueOn,
        instruction: row.instruction.trim(),
        ...(row.share.trim() ? { share: row.share.trim() } : {}),
      })),
      dryRun,
    }
  }

  private async send(dryRun: boolean): Promise<void> {
    const task = this.task
    if (!task || this.busy) return
    this.busy = true
    this.error = null
    this.issues = []
    try {
      const result = await call(
        client.tasks[':id'].subtasks.$post({
          param: pathParams({ id: task.id }),
          json: this.body(dryRun),
        }),
      )
      if (dryRun) {
        this.preview = result
        return
      }
      this.editing = false
      this.preview = null
      this.dispatchEvent(
        new CustomEvent('ls-task-change', {
          detail: { message: fill(t('split_made'), { n: result.subTasks.length }) },
          bubbles: true,
          composed: true,
        }),
      )
    } catch (error) {
      if (error instanceof ApiError) {
        this.error = pick(error.text)
        this.issues = error.details.issues ?? []
      } else this.error = String(error)
    } finally {
      this.busy = false
    }
  }

  private issueAt(index: number, field: string): ApiIssue | undefined {
    // A new unit's id is sent as the row's `unit` and its name as `name`: their issues show there.
    const isNew = this.rows[index]?.unit === NEW_UNIT
    const sent = isNew && field === 'newId' ? 'unit' : isNew && field === 'newName' ? 'name' : field
    if (isNew && field === 'unit') return undefined
    return this.issues.find((issue) => issue.pointer === `/items/${index}/${sent}`)
  }

  private renderField(index: number, field: keyof Row, label: string, control: unknown) {
    const issue = this.issueAt(index, field)
    return html`<label class="field"
      ><span>${label}</span>${control}${
        issue
          ? html`<span class="error" id=${`split-${index}-${field}-error`} role="alert">${pick(issue.message)}</span>`
          : nothing
      }</label
    >`
  }

  private renderRow(task: TaskDetail, row: Row, index: number) {
    const invalid = (field: string) => (this.issueAt(index, field) ? 'true' : 'false')
    return html`<fieldset class="row">
      <legend>${index + 1}</legend>
      ${this.renderField(
        index,
        'unit',
        t('split_unit'),
        html`<select name="unit" aria-invalid=${invalid('unit')} .value=${row.unit}
          @change=${(e: Event) => this.update_(index, 'unit', (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${row.unit === ''}>${t('transfer_choose')}</option>
          ${task.splitUnits.map((unit) => html`<option value=${unit.id} ?selected=${row.unit === unit.id}>${unit.name}</option>`)}
          <option value=${NEW_UNIT} ?selected=${row.unit === NEW_UNIT}>${t('split_newUnit')}</option>
        </select>`,
      )}
      ${
        row.unit === NEW_UNIT
          ? html`${this.renderField(
              index,
              'newName',
              t('split_newName'),
              html`<input type="text" name="newName" maxlength="100" .value=${row.newName}
                @input=${(e: Event) => this.update_(index, 'newName', (e.target as HTMLInputElement).value)} />`,
            )}
            ${this.renderField(
              index,
              'newId',
              t('split_newId'),
              html`<input type="text" name="newId" maxlength="64" placeholder="town-clinic" .value=${row.newId}
                @input=${(e: Event) => this.update_(index, 'newId', (e.target as HTMLInputElement).value)} />`,
            )}`
          : nothing
      }
      ${this.renderField(
        index,
        'dueOn',
        task.dueOn
          ? `${t('split_dueOn')}（${fill(t('split_notAfter'), { date: task.dueOn })}）`
          : t('split_dueOn'),
        html`<input type="date" name="dueOn" max=${task.dueOn ?? nothing} .value=${row.dueOn} aria-invalid=${invalid('dueOn')}
          @input=${(e: Event) => this.update_(index, 'dueOn', (e.target as HTMLInputElement).value)} />`,
      )}
      ${this.renderField(
        index,
        'instruction',
        t('split_instruction'),
        html`<input type="text" name="instruction" maxlength="2000" .value=${row.instruction} aria-invalid=${invalid('instruction')}
          @input=${(e: Event) => this.update_(index, 'instruction', (e.target as HTMLInputElement).value)} />`,
      )}
      ${this.renderField(
        index,
        'share',
        t('split_share'),
        html`<input type="text" name="share" maxlength="200" .value=${row.share}
          @input=${(e: Event) => this.update_(index, 'share', (e.target as HTMLInputElement).value)} />`,
      )}
      ${
        this.rows.length > 1
          ? html`<button type="button" class="link" @click=${() => {
              this.rows = this.rows.filter((_, i) => i !== index)
              this.preview = null
            }}>${t('split_removeRow')}</button>`
          : nothing
      }
    </fieldset>`
  }

  private renderForm(task: TaskDetail) {
    return html`<form class="split-form" @submit=${(e: Event) => e.preventDefault()}>
      ${this.rows.map((row, index) => this.renderRow(task, row, index))}
      <div class="buttons">
        <button type="button" @click=${() => {
          this.rows = [...this.rows, emptyRow(task.dueOn ?? '')]
          this.preview = null
        }}>${t('split_addRow')}</button>
        <button type="button" ?disabled=${this.busy} @click=${() => this.send(true)}>${t('split_preview')}</button>
        <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.send(false)}>${t('split_confirm')}</button>
        <button type="button" @click=${this.handleCancel}>${t('split_cancel')}</button>
      </div>
      ${this.error ? html`<p class="banner" role="alert">${this.error}</p>` : nothing}
      ${
        this.preview
          ? html`<div class="preview" role="status">
            <p>${fill(t('split_previewed'), { n: this.preview.subTasks.length })}</p>
            <ul>${this.preview.subTasks.map(
              (sub) =>
                html`<li>${sub.unit.name} · ${sub.dueOn}${
                  sub.timers[0]
                    ? html` <span class="muted">（${t('split_firstReminder')} ${sub.timers[0].fireAt.slice(0, 10)}）</span>`
                    : nothing
                }</li>`,
            )}</ul>
          </div>`
          : nothing
      }
    </form>`
  }

  override render() {
    const task = this.task
    if (!task) return nothing
    const subs = task.subTasks
    // A sub-task is done once its owner approved it (the task lifecycle's only finished state).
    const done = subs.filter((sub) => sub.state === 'approved').length
    if (subs.length === 0 && task.splitUnits.length === 0 && !task.split) return nothing
    return html`<section aria-labelledby="split-title" part="base">
      <h3 id="split-title">${t('split_title')}
        ${subs.length ? html`<span class="count">${fill(t('split_done'), { done, total: subs.length })}</span>` : nothing}</h3>
      ${
        task.split
          ? html`<p class="asked"><strong>${t('split_asked')}</strong> ${task.split.instruction}${
              task.split.share
                ? html` <span class="muted">（${t('split_share')}：${task.split.share}）</span>`
                : nothing
            }</p>`
          : nothing
      }
      ${
        subs.length
          ? html`<ul class="subs">${subs.map(
              (sub) => html`<li>
                <div class="line"><a href=${`#/tasks/${encodeURIComponent(sub.id)}`}><strong>${sub.assignee.name}</strong></a>
                  ${renderBadges({ ...sub, procedure: null })}
                  ${sub.dueOn ? html`<span class="muted">${t('dueOn')} ${sub.dueOn}</span>` : nothing}</div>
                <div class="muted">${sub.instruction}${sub.share ? `（${t('split_share')}：${sub.share}）` : ''}</div>
                ${
                  sub.data
                    ? html`<details><summary>${t('task_showReport')}</summary>
                      <ls-json-form disabled .schema=${task.form} .value=${sub.data}></ls-json-form></details>`
                    : html`<p class="muted">${t('task_noData')}</p>`
                }
              </li>`,
            )}</ul>
            ${done < subs.length ? html`<p class="muted">${t('split_mustSubmitAfter')}</p>` : nothing}`
          : nothing
      }
      ${
        task.splitUnits.length
          ? this.editing
            ? this.renderForm(task)
            : html`<button type="button" class="open" @click=${this.handleOpen}>${t('split_open')}</button>`
          : nothing
      }
    </section>`
  }
}
