/**
 * A plan's status and, for whoever governs it, its moves: 暂停 / 恢复 / 关闭 / 归档, each after a
 * confirmation dialog. Suspending asks for a reason; resuming asks whether the notices that fell
 * due meanwhile go out now; closing first lists every open task (the server's dry run) and asks
 * for a reason (and, before the effective period ends, an administrator's `force`); archiving says
 * that the plan becomes read-only. A plan not running shows a banner saying so — on the dashboard
 * and on a task's page (without `actions`).
 *
 * @summary A plan's lifecycle banner and actions (`ls-plan-lifecycle`).
 * @event ls-plan-lifecycle-change - Emitted with `{ planId, status }` after a move was made.
 * @csspart banner - The banner of a suspended, closed or archived plan.
 */
import { html, LitElement, nothing } from 'lit'
import type { PropertyValues } from 'lit'
import { ApiError, call, client, pathParams } from '../../api.ts'
import type { PlanCloseResult, PlanLifecycle } from '../../api-types.ts'
import type { LsPlanLifecycleChangeEvent } from '../../events/ls-plan-lifecycle-change.ts'
import { fill, formatInstant, pick, t, tOf } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import { periodLabel, stateLabel } from '../task-table/task-format.ts'
import styles from './plan-lifecycle.styles.ts'
import { touchTargets } from '../../touch-targets.ts'

type Move = 'suspend' | 'resume' | 'close' | 'archive'

/** The moves each status allows, in the order the buttons show. */
const MOVES: Record<string, readonly Move[]> = {
  running: ['suspend', 'close'],
  suspended: ['resume', 'close'],
  closed: ['archive'],
  archived: [],
}

export class LsPlanLifecycle extends LitElement {
  static override styles = [styles, touchTargets]
  static override properties = {
    planId: { attribute: 'plan-id' },
    actions: { type: Boolean },
    view: { state: true },
    move: { state: true },
    preview: { state: true },
    force: { state: true },
    busy: { state: true },
    error: { state: true },
    reasonError: { state: true },
    done: { state: true },
  }

  /** The plan. */
  declare planId: string
  /** Offer the moves to a user who may make them (the dashboard); without it only the banner. */
  declare actions: boolean
  declare view: PlanLifecycle | null
  /** The move whose dialog is open. */
  declare move: Move | ''
  /** The close's dry run: the open tasks it would end. */
  declare preview: PlanCloseResult | null
  declare force: boolean
  declare busy: boolean
  declare error: string
  declare reasonError: string
  /** What the last move did, in words. */
  declare done: string

  constructor() {
    super()
    this.addController(new LocaleController(this))
    this.planId = ''
    this.actions = false
    this.view = null
    this.move = ''
    this.preview = null
    this.force = false
    this.busy = false
    this.error = ''
    this.reasonError = ''
    this.done = ''
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('planId') && this.planId) void this.load()
  }

  private get param() {
    return pathParams({ id: this.planId })
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector<HTMLDialogElement>('#lifecycle-dialog')
  }

  private async load(): Promise<void> {
    const planId = this.planId
    try {
      const view = await call(client.plans[':id'].lifecycle.$get({ param: this.param }))
      if (planId === this.planId) this.view = view
    } catch (error) {
      this.fail(error)
    }
  }

  private fail(error: unknown): void {
    this.error = error instanceof ApiError ? pick(error.text) : String(error)
  }

  private async handleOpen(move: Move): Promise<void> {
    this.move = move
    this.preview = null
    this.force = false
    this.error = ''
    this.reasonError = ''
    this.done = ''
    await this.updateComplete
    const dialog = this.dialog
    if (!dialog) return
    const reason = dialog.querySelector<HTMLTextAreaElement>('#lifecycle-reason')
    if (reason) reason.value = ''
    dialog.showModal()
    ;(reason ?? dialog.querySelector<HTMLButtonElement>('button.primary, button.danger'))?.focus()
    if (move === 'close') {
      try {
        this.preview = await call(
          client.plans[':id'].close.$post({ param: this.param, json: { dryRun: true } }),
        )
      } catch (error) {
        this.fail(error)
      }
    }
  }

  private handleCancel = (): void => {
    this.dialog?.close()
    this.move = ''
  }

  private handleConfirm = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault()
    const move = this.move
    if (!move) return
    const form = event.target as HTMLFormElement
    const reason = (
      form.querySelector<HTMLTextAreaElement>('#lifecycle-reason')?.value ?? ''
    ).trim()
    if ((move === 'suspend' || move === 'close') && !reason) {
      this.reasonError = t('life_reasonRequired')
      form.querySelector<HTMLTextAreaElement>('#lifecycle-reason')?.focus()
      return
    }
    const fireMissed = form.querySelector<HTMLInputElement>('#lifecycle-fire-missed')?.checked
    this.busy = true
    this.error = ''
    try {
      const param = this.param
      let status: string
      let done: string
      if (move === 'suspend') {
        status = (await call(client.plans[':id'].suspend.$post({ param, json: { reason } }))).plan
          .status
        done = t('life_done_suspend')
      } else if (move === 'resume') {
        const answer = await call(
          client.plans[':id'].resume.$post({ param, json: { fireMissed: fireMissed === true } }),
        )
        status = answer.plan.status
        done = fill(t('life_done_resume'), {
          fired: answer.fired.length,
          cancelled: answer.cancelled.length,
        })
      } else if (move === 'close') {
        const answer = await call(
          client.plans[':id'].close.$post({
            param,
            json: { reason, ...(this.force ? { force: true } : {}) },
          }),
        )
        status = answer.plan.status
        done = fill(t('life_done_close'), { n: answer.openTasks.length })
      } else {
        status = (await call(client.plans[':id'].archive.$post({ param, json: {} }))).plan.status
        done = t('life_done_archive')
      }
      this.dialog?.close()
      this.move = ''
      await this.load()
      // Said once the status shown is the new one.
      this.done = done
      this.dispatchEvent(
        new CustomEvent('ls-plan-lifecycle-change', {
          detail: { planId: this.planId, status },
          bubbles: true,
          composed: true,
        }) satisfies LsPlanLifecycleChangeEvent,
      )
    } catch (error) {
      this.fail(error)
    } finally {
      this.busy = false
    }
  }

  private renderBanner(view: PlanLifecycle) {
    if (view.status === 'running') return nothing
    const at = (iso: string | null) => formatInstant(iso)
    const text =
      view.status === 'suspended'
        ? fill(t('life_bannerSuspended'), {
            at: at(view.suspendedAt),
            reason: view.suspensions[0]?.reason ?? '',
          })
        : view.status === 'closed'
          ? fill(t('life_bannerClosed'), { at: at(view.closedAt), reason: view.closeReason ?? '' })
          : fill(t('life_bannerArchived'), { at: at(view.archivedAt) })
    return html`<p part="banner" class="banner ${view.status}" role="status">${text}</p>`
  }

  private renderActions(view: PlanLifecycle) {
    if (!this.actions || !view.mayGovern) return nothing
    const moves = MOVES[view.status] ?? []
    return html`<div class="actions" role="group" aria-label=${t('life_actions')}>
      <span class="status">${t('life_actions')}：<strong>${tOf('plan_status_', view.status)}</strong></span>
      ${moves.map(
        (move) =>
          html`<button type="button" class="move-${move}" aria-haspopup="dialog" ?disabled=${this.busy}
            @click=${() => void this.handleOpen(move)}>${t(`life_${move}`)}</button>`,
      )}
    </div>`
  }

  private renderPreview(view: PlanLifecycle) {
    const preview = this.preview
    const period =
      view.endsOn === null
        ? html`<p class="warn">${t('life_noEnd')}</p>`
        : view.ended
          ? nothing
          : html`<p class="warn">${fill(t('life_notEnded'), { date: view.endsOn })}</p>`
    const force = view.ended
      ? nothing
      : view.mayForceClose
        ? html`<label class="check"><input type="checkbox" id="lifecycle-force" .checked=${this.force}
            @change=${(event: Event) => (this.force = (event.target as HTMLInputElement).checked)} />${t('life_force')}</label>`
        : html`<p class="warn">${t('life_forceOnlyAdmin')}</p>`
    if (!preview) return html`${period}${force}<p class="muted">${t('loading')}</p>`
    return html`${period}${force}
      <p><strong>${fill(t('life_closeOpen'), { n: preview.openTasks.length })}</strong></p>
      ${
        preview.openTasks.length === 0
          ? html`<p class="muted">${t('life_closeNone')}</p>`
          : html`<div class="open-tasks"><table>
              <thead><tr><th>${t('col_title')}</th><th>${t('col_assignee')}</th><th>${t('col_period')}</th><th>${t('col_due')}</th><th>${t('col_state')}</th></tr></thead>
              <tbody>${preview.openTasks.map(
                (task) =>
                  html`<tr><td>${task.title}</td><td>${task.assignee.name}</td><td>${periodLabel(task.period)}</td><td>${task.dueOn ?? '—'}</td><td>${stateLabel(task.state)}</td></tr>`,
              )}</tbody>
            </table></div>`
      }`
  }

  private renderDialog(view: PlanLifecycle) {
    const move = this.move
    const title = move ? t(`life_${move}Title`) : ''
    const explain = move ? t(`life_${move}Explain`) : ''
    const blocked = move === 'close' && !view.ended && !(view.mayForceClose && this.force)
    return html`<dialog id="lifecycle-dialog" aria-labelledby="lifecycle-title" aria-describedby="lifecycle-explain"
      @close=${() => (this.move = '')}>
      <form @submit=${this.handleConfirm} novalidate>
        <h3 id="lifecycle-title">${title}</h3>
        <p id="lifecycle-explain">${explain}</p>
        ${move === 'close' ? this.renderPreview(view) : nothing}
        ${
          move === 'resume'
            ? html`<label class="check"><input type="checkbox" id="lifecycle-fire-missed" />${t('life_fireMissed')}</label>`
            : nothing
        }
        ${
          move === 'suspend' || move === 'close'
            ? html`<label for="lifecycle-reason">${t('life_reason')}</label>
              <textarea id="lifecycle-reason" rows="3" maxlength="500" required aria-required="true"
                aria-invalid=${this.reasonError ? 'true' : 'false'} aria-describedby="lifecycle-reason-error"
                @input=${() => (this.reasonError = '')}></textarea>
              <p class="field-error" id="lifecycle-reason-error" role="alert">${this.reasonError}</p>`
            : nothing
        }
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="dialog-actions">
          <button type="button" @click=${this.handleCancel}>${t('life_cancel')}</button>
          <button type="submit" class=${move === 'suspend' || move === 'resume' ? 'primary' : 'danger'}
            ?disabled=${this.busy || blocked}>${move ? t(`life_${move}`) : ''}</button>
        </div>
      </form>
    </dialog>`
  }

  override render() {
    const view = this.view
    if (!view)
      return this.error && this.actions
        ? html`<p class="error" role="alert">${this.error}</p>`
        : nothing
    return html`${this.renderBanner(view)}${this.renderActions(view)}
      ${this.done ? html`<p class="done" role="status">${this.done}</p>` : nothing}
      ${this.error && !this.move ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.actions && view.mayGovern ? this.renderDialog(view) : nothing}`
  }
}
