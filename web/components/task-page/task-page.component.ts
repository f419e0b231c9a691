/**
 * One task: what to do and why (the source clause and its sentence), the deadline in the
 * document's own words, the report form, and a button for each event this user may send now.
 * Drafts are saved without checks; a submission is checked in the browser first and then by the
 * server, whose issues appear at their fields. A task changed by someone else meanwhile (409)
 * shows the server's message and a reload.
 *
 * @summary The page of one task.
 * @csspart banner - The error or conflict message at the top.
 * @csspart actions - The event buttons.
 */
import { LocaleController } from '../../locale-controller.ts'
import { html, LitElement, nothing } from 'lit'
import type { PropertyValues } from 'lit'
import { rememberAttachmentNames } from '../json-form/attachment-upload.ts'
import { ApiError, call, client, pathParams } from '../../api.ts'
import { stepState } from '../../../domain/workflow/state-names.ts'
import type { TaskEventBody } from '../../../schemas/api/requests.schema.ts'
import type { ApiIssue } from '../../api.ts'
import type { TaskDetail } from '../../api-types.ts'
import { fill, locale, pick, t, tOf } from '../../i18n.ts'
import type { LsJsonForm } from '../json-form/json-form.component.ts'
import {
  renderBadges,
  renderContributions,
  renderFacts,
  renderHistory,
  renderSource,
  renderSteps,
  tn,
} from './task-page.sections.ts'
import styles from './task-page.styles.ts'
import { touchTargets } from '../../touch-targets.ts'
import type { LsTaskChangeEvent } from '../../events/ls-task-change.ts'

type EventType = TaskDetail['allowedEvents'][number]

/** Events that carry the form's data. */
const DATA_EVENTS = new Set(['SAVE', 'SUBMIT', 'RESUBMIT', 'COMPLETE'])
/** Events sent from the review box (with its comment or reason). */
const REVIEW_EVENTS = new Set(['APPROVE', 'RETURN'])
/** Events that move the work forward, drawn as the main button. */
const PRIMARY_EVENTS = new Set(['SUBMIT', 'RESUBMIT', 'COMPLETE', 'APPROVE'])

/** The value of a form never filled in; one object, so re-rendering the page does not reset the form. */
const NO_DATA = Object.freeze({})

/** Buttons in the order work goes. */
const ORDER: readonly string[] = [
  'START',
  'SAVE',
  'SUBMIT',
  'RESUBMIT',
  'COMPLETE',
  'APPROVE',
  'RETURN',
]

/** A message worked out when rendered, so it follows a change of language. */
type Message = () => string

interface Banner {
  text: Message
  conflict: boolean
}

export class LsTaskPage extends LitElement {
  static override styles = [styles, touchTargets]
  static override properties = {
    taskId: { attribute: 'task-id' },
    task: { state: true },
    loadError: { state: true },
    banner: { state: true },
    notice: { state: true },
    issues: { state: true },
    busy: { state: true },
    comment: { state: true },
    reasonMissing: { state: true },
  }

  /** The id of the task to show. */
  declare taskId: string
  declare private task: TaskDetail | null
  declare private loadError: Message | null
  declare private banner: Banner | null
  declare private notice: Message | null
  declare private issues: ApiIssue[]
  declare private busy: boolean
  declare private comment: string
  declare private reasonMissing: boolean

  constructor() {
    super()
    this.addController(new LocaleController(this))
    this.taskId = ''
    this.task = null
    this.loadError = null
    this.banner = null
    this.notice = null
    this.issues = []
    this.busy = false
    this.comment = ''
    this.reasonMissing = false
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('taskId') && this.taskId) {
      this.task = null
      this.notice = null
      this.banner = null
      void this.load()
    }
  }

  /** Loads (or reloads) the task; the form starts again from the stored data. */
  async load(): Promise<void> {
    try {
      const task = await call(client.tasks[':id'].$get({ param: pathParams({ id: this.taskId }) }))
      rememberAttachmentNames(task.attachments)
      this.task = task
      this.loadError = null
      this.issues = []
    } catch (error) {
      this.loadError = error instanceof ApiError ? () => pick(error.text) : () => String(error)
    }
  }

  private get form(): LsJsonForm | null {
    return this.renderRoot.querySelector('ls-json-form.report')
  }

  /** Whether the report form can be changed now: a draft or submission is allowed, or a procedure's submit step. */
  private get editable(): boolean {
    const task = this.task
    if (!task) return false
    const allowed = new Set<string>(task.allowedEvents)
    if (allowed.has('SAVE') || allowed.has('SUBMIT') || allowed.has('RESUBMIT')) return true
    if (!allowed.has('COMPLETE')) return false
    const step = task.procedure?.steps.find((candidate) => stepState(candidate.id) === task.state)
    return !task.procedure || step?.kind === 'submit'
  }

  /** The request body for an event, or null when the page must first show what is missing. */
  private bodyFor(type: EventType): TaskEventBody | null {
    const form = this.form
    if (type === 'RETURN') {
      const reason = this.comment.trim()
      this.reasonMissing = reason === ''
      if (this.reasonMissing) {
        void this.updateComplete.then(() =>
          this.renderRoot.querySelector<HTMLTextAreaElement>('#review-comment')?.focus(),
        )
        return null
      }
      return { type, reason }
    }
    if (type === 'APPROVE')
      return this.comment.trim() ? { type, comment: this.comment.trim() } : { type }
    if (!DATA_EVENTS.has(type) || !form || !this.editable) return { type }
    if (type !== 'SAVE' && !form.validate()) {
      this.banner = { text: () => t('task_formInvalid'), conflict: false }
      return null
    }
    // A form's value is always an object: its schema's root is `type: object`.
    return { type, data: form.getValue() as Record<string, unknown> }
  }

  private async handleEvent(type: EventType): Promise<void> {
    const task = this.task
    if (!task || this.busy) return
    this.notice = null
    this.banner = null
    const body = this.bodyFor(type)
    if (!body) return
    this.busy = true
    try {
      await call(
        client.tasks[':id'].events.$post(
          { param: pathParams({ id: task.id }), json: body },
          { headers: { 'if-match': `"${task.version}"` } },
        ),
      )
      this.comment = ''
      this.reasonMissing = false
      await this.load()
      this.notice = () => tn('task_sent', tOf('event_', type))
      await this.updateComplete
      this.renderRoot.querySelector<HTMLElement>('.notice')?.focus()
    } catch (error) {
      this.handleError(error)
    } finally {
      this.busy = false
    }
  }

  private handleError(error: unknown): void {
    if (!(error instanceof ApiError)) {
      this.banner = { text: () => String(error), conflict: false }
      return
    }
    this.banner = { text: () => pick(error.text), conflict: error.status === 409 }
    // A form's errors, or an indicator report's values a validation rule or a lock refused.
    if (error.code === 'invalid-form-data' || error.code === 'invalid-values') {
      this.issues = error.details.issues ?? []
      void this.updateComplete.then(() => this.form?.focusFirstError())
    } else {
      // A 销号 refused for want of evidence: the reason shows at the report as well.
      if (error.code === 'evidence-required') this.issues = error.details.issues ?? []
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('.banner')?.focus(),
      )
    }
  }

  private async handleFollowup(): Promise<void> {
    await this.load()
  }

  /** A part of the page (split, transfer) changed the task: reload it and say what was done. */
  private async handleChanged(event: LsTaskChangeEvent): Promise<void> {
    const message = event.detail.message ?? ''
    this.banner = null
    await this.load()
    this.notice = () => message
  }

  private async handleReload(): Promise<void> {
    this.banner = null
    await this.load()
  }

  private renderBanner() {
    if (!this.banner) return nothing
    return html`<div class="banner ${this.banner.conflict ? 'conflict' : ''}" role="alert" tabindex="-1" part="banner">
      <span>${this.banner.text()}</span>
      ${this.banner.conflict ? html`<button type="button" @click=${this.handleReload}>${t('task_reload')}</button>` : nothing}
    </div>`
  }

  private renderActions(task: TaskDetail) {
    const main = task.allowedEvents
      .filter((type) => !REVIEW_EVENTS.has(type))
      .sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))
    const review = task.allowedEvents.filter((type) => REVIEW_EVENTS.has(type))
    const waiting =
      task.context.pendingContributions > 0 &&
      task.allowedEvents.includes('SAVE') &&
      !task.allowedEvents.some((type) => type === 'SUBMIT' || type === 'RESUBMIT')
    const button = (type: EventType) =>
      html`<button type="button" class=${PRIMARY_EVENTS.has(type) ? 'primary' : ''} ?disabled=${this.busy} @click=${() => this.handleEvent(type)}>${tOf('event_', type)}</button>`
    return html`<section class="actions" aria-labelledby="actions-title" part="actions">
      <h3 id="actions-title">${t('task_actions')}</h3>
      ${task.allowedEvents.length === 0 ? html`<p class="muted">${t('task_noActions')}</p>` : nothing}
      ${waiting ? html`<p class="muted">${tn('task_waitingContributions', task.context.pendingContributions)}</p>` : nothing}
      ${main.length ? html`<div class="buttons">${main.map(button)}</div>` : nothing}
      ${
        review.length
          ? html`<div class="review">
            <label for="review-comment">${review.length === 2 ? t('task_comment') : review.includes('RETURN') ? t('reason') : t('task_approveComment')}</label>
            <textarea id="review-comment" rows="3" maxlength="2000" .value=${this.comment} aria-invalid=${this.reasonMissing ? 'true' : 'false'}
              aria-describedby=${this.reasonMissing ? 'review-error' : nothing}
              @input=${(event: Event) => {
                this.comment = (event.target as HTMLTextAreaElement).value
                if (this.comment.trim()) this.reasonMissing = false
              }}></textarea>
            ${this.reasonMissing ? html`<div class="error" id="review-error" role="alert">${t('task_reasonRequired')}</div>` : nothing}
            <div class="buttons">${review.map(button)}</div>
          </div>`
          : nothing
      }
    </section>`
  }

  private renderReport(task: TaskDetail) {
    const editable = this.editable
    if (!editable && task.data === null) return nothing
    return html`<section aria-labelledby="form-title">
      <h3 id="form-title">${t('task_form')}</h3>
      <ls-json-form class="report" .schema=${task.form} .value=${task.data ?? NO_DATA} .issues=${this.issues} ?disabled=${!editable}></ls-json-form>
    </section>`
  }

  override render() {
    if (this.loadError) {
      return html`<p><a href="#/inbox">← ${t('task_back')}</a></p>
        <div class="banner" role="alert">${this.loadError()} <button type="button" @click=${this.handleReload}>${t('task_reload')}</button></div>`
    }
    const task = this.task
    if (!task) return html`<p role="status">${t('loading')}</p>`
    // A returned procedure goes back to its first step (procedure-machine.ts).
    const first = task.procedure?.steps[0]
    const returned =
      task.context.lastReason &&
      (task.state === 'returned' || (first !== undefined && task.state === stepState(first.id)))
    return html`
      <p class="back"><a href="#/inbox">← ${t('task_back')}</a></p>
      <header>
        <h2>${task.title}</h2>
        <div class="badges" aria-label=${t('task_state')}>${renderBadges(task)}</div>
        <a class="notice-link" href=${`#/plans/${encodeURIComponent(task.planId)}/tasks/${encodeURIComponent(task.id)}/supervision-notice`}>${pick({ zh: '督办单', en: 'Supervision notice' })}</a>
      </header>
      <ls-plan-lifecycle plan-id=${task.planId}></ls-plan-lifecycle>
      ${this.renderBanner()}
      ${this.notice ? html`<p class="notice" role="status" tabindex="-1">${this.notice()}</p>` : nothing}
      ${returned ? html`<p class="returned">${tn('task_lastReason', task.context.lastReason ?? '')}</p>` : nothing}
      <div class="layout">
        <div class="main">
          <section aria-labelledby="what-title">
            <h3 id="what-title">${t('task_whatToDo')}</h3>
            <p>${task.description ?? task.title}</p>
            ${task.finding ? html`<p class="finding">${pick(task.finding)}</p>` : nothing}
            ${
              task.reportFlag
                ? html`<p class="report-flag" role="note">${fill(t('task_reportFlag'), { version: task.reportFlag.version })}
                  ${task.reportFlag.errors.join(locale() === 'zh' ? '；' : '; ')}</p>`
                : nothing
            }
            ${task.share ? html`<p class="note share"><strong>${t('task_share')}</strong> ${task.share}</p>` : nothing}
            ${task.note ? html`<p class="note"><strong>${t('task_note')}</strong> ${task.note}</p>` : nothing}
            ${
              task.deliverables.length
                ? html`<h4>${t('task_deliverables')}</h4><ul>${task.deliverables.map((deliverable) => html`<li>${deliverable.name}</li>`)}</ul>`
                : nothing
            }
          </section>
          ${task.procedure ? renderSteps(task.procedure, task.state) : nothing}
          ${this.renderReport(task)}
          ${this.renderActions(task)}
          <ls-progress-report .task=${task} @ls-progress-change=${() => void this.load()}></ls-progress-report>
          <ls-task-followup .task=${task} @ls-task-change=${this.handleFollowup}></ls-task-followup>
          ${
            task.subTasks.length || task.splitUnits.length || task.split
              ? html`<ls-task-split .task=${task} @ls-task-change=${this.handleChanged}></ls-task-split>`
              : nothing
          }
          ${renderContributions(task)}
          ${renderHistory(task)}
        </div>
        <aside>
          ${renderFacts(task)}
          ${renderSource(task)}
          ${
            task.transferUnits.length
              ? html`<ls-task-transfer .task=${task} @ls-task-change=${this.handleChanged}></ls-task-transfer>`
              : nothing
          }
        </aside>
      </div>
    `
  }
}
