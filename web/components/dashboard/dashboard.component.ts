/**
 * The leaders' view of one plan, first screen first: three questions side by side — what is
 * behind (the share done, overdue work, tasks by 三色预警 colour and by 督办 level), whose it is
 * (the 晾晒 ranking of units) and what to do (the 督办 list by unit with 催办 and the 督办单,
 * `ls-supervision-list`). Below them: each phase's progress and gate on a timeline (with
 * sign-off), progress by the document's own parts (`ls-document-parts`), every unit with a drill-down into its tasks, the indicators, and the deadlines of
 * the next 14 days; with them, a
 * warning of the work nobody holds (groups with no member, duties with no assignee), where each
 * group opens the members editor (`ls-members-editor`); for those who govern the plan, the
 * 修订计划 action (`ls-plan-migration`) that moves it to a newer version. The plan's status, its
 * banner when not running and, for whoever governs it, 暂停 / 恢复 / 关闭 / 归档 come from
 * `ls-plan-lifecycle`. Each part renders as soon as its own request answers; the charts load on
 * demand.
 *
 * @summary The dashboard page (`#/dashboard`, `#/plans/<planId>`).
 * @csspart summary - The overall counts.
 */
import { LocaleController } from '../../locale-controller.ts'
import { html, LitElement, nothing } from 'lit'
import type { PropertyValues } from 'lit'
import { ApiError, call, client, pathParams } from '../../api.ts'
import type { PlanEscalations, PlanList, PlanProgress, TaskSummary } from '../../api-types.ts'
import type { LsUnitSelectEvent } from '../../events/ls-unit-select.ts'
import { pick, t } from '../../i18n.ts'
import { navigate } from '../../router.ts'
import { OPEN_TASK_STATES } from '../../../domain/workflow/state-names.ts'
import { fill } from '../task-table/task-format.ts'
import styles from './dashboard.styles.ts'
import { jumpTo, renderBehind, renderRanking, renderTodo } from './dashboard-questions.ts'
import { renderUnassigned } from './dashboard-unassigned.ts'
import { dashText } from './dashboard.text.ts'
import { renderAsOfBanner, renderAsOfPicker } from './dashboard-as-of.ts'

type Plan = PlanList['plans'][number]

/** Days ahead the "upcoming deadlines" list looks. */
const UPCOMING_DAYS = 14

function addDays(date: string, days: number): string {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

function message(error: unknown): string {
  return error instanceof ApiError ? pick(error.text) : String(error)
}

export class LsDashboard extends LitElement {
  static override styles = styles
  static override properties = {
    planId: { attribute: 'plan-id' },
    plans: { state: true },
    progress: { state: true },
    escalations: { state: true },
    upcoming: { state: true },
    unit: { state: true },
    unitTasks: { state: true },
    editingGroup: { state: true },
    error: { state: true },
    asOf: { state: true },
  }

  /** The plan to show; empty shows the first plan the user may see. */
  declare planId: string
  declare plans: Plan[] | null
  declare progress: PlanProgress | null
  /** The 督办 / 通报 lists; `unavailable` when the server has no such route or refuses. */
  declare escalations: PlanEscalations | 'unavailable' | null
  declare upcoming: TaskSummary[] | null
  /** The unit drilled into, and its tasks once loaded. */
  declare unit: { id: string; name: string } | null
  declare unitTasks: TaskSummary[] | null
  /** The group whose members editor is open. */
  declare editingGroup: string
  declare error: string
  /** The past day shown (查看日期, dashboard-as-of.ts), or '' for today. */
  declare asOf: string

  /** The plan whose data is shown or loading; answers for another plan are dropped. */
  private loaded = ''
  private names: Record<string, string> = {}
  private phaseNames: Record<string, string> = {}
  /** The server's today, from the last progress read without a past day. */
  private today = ''

  constructor() {
    super()
    this.addController(new LocaleController(this))
    this.planId = ''
    this.plans = null
    this.asOf = ''
    this.clearPlan()
  }

  /** Forgets everything shown about the current plan (before another loads). */
  private clearPlan(): void {
    this.progress = null
    this.escalations = null
    this.upcoming = null
    this.unit = null
    this.unitTasks = null
    this.editingGroup = ''
    this.error = ''
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.loadPlans()
  }

  private get currentPlanId(): string {
    return this.planId || this.plans?.[0]?.id || ''
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      (changed.has('planId') || changed.has('plans')) &&
      this.plans &&
      this.currentPlanId !== this.loaded
    ) {
      this.asOf = ''
      void this.loadPlan(this.currentPlanId)
    }
    if (changed.has('progress') && this.progress) {
      this.names = Object.fromEntries(this.progress.units.map((unit) => [unit.id, unit.name]))
      this.phaseNames = Object.fromEntries(
        this.progress.phases.map((phase) => [phase.id, phase.name]),
      )
    }
  }

  private async loadPlans(): Promise<void> {
    try {
      this.plans = (await call(client.plans.$get({ query: {} }))).plans
    } catch (error) {
      this.error = message(error)
    }
  }

  private async loadPlan(planId: string): Promise<void> {
    this.loaded = planId
    this.clearPlan()
    if (!planId) return
    try {
      const progress = await call(client.plans[':id'].progress.$get(this.progressArgs(planId)))
      if (this.loaded !== planId) return
      this.progress = progress
      void this.loadEscalations(planId)
      // The deadlines ahead are today's work: a past day shows none.
      if (this.asOf) this.upcoming = []
      else {
        this.today = progress.today
        void this.loadUpcoming(planId, progress.today)
      }
    } catch (error) {
      if (this.loaded === planId) this.error = message(error)
    }
  }

  /** The progress and escalations request: the plan, and the past day shown if any. */
  private progressArgs(planId: string) {
    return { param: pathParams({ id: planId }), query: this.asOf ? { asOf: this.asOf } : {} }
  }

  /** Shows the plan as of a past day, or today for ''. */
  private showAsOf = (date: string) => {
    this.asOf = date
    void this.loadPlan(this.loaded)
  }

  private async loadEscalations(planId: string): Promise<void> {
    let escalations: PlanEscalations | 'unavailable'
    try {
      escalations = await call(client.plans[':id'].escalations.$get(this.progressArgs(planId)))
      if (!Array.isArray(escalations?.supervise) || !Array.isArray(escalations.urgeable))
        escalations = 'unavailable'
    } catch {
      // Until the route exists (404, or the app page served in its place) the counts still show.
      escalations = 'unavailable'
    }
    if (this.loaded === planId) this.escalations = escalations
  }

  private async loadUpcoming(planId: string, today: string): Promise<void> {
    const until = addDays(today, UPCOMING_DAYS)
    const query = {
      scope: 'all',
      plan: planId,
      dueAfter: today,
      dueBefore: until,
      state: OPEN_TASK_STATES.join(','),
    } as const
    try {
      const { tasks } = await call(client.tasks.$get({ query }))
      // The server filters; checking again keeps the list right on a server without dueAfter/dueBefore.
      if (this.loaded === planId)
        this.upcoming = tasks.filter(
          (task) => task.dueOn !== null && task.dueOn >= today && task.dueOn <= until,
        )
    } catch (error) {
      if (this.loaded === planId) this.upcoming = []
      this.error = message(error)
    }
  }

  private handleUnitSelect = async (event: LsUnitSelectEvent): Promise<void> => {
    const planId = this.loaded
    const unit = event.detail
    this.unit = unit
    this.unitTasks = null
    await this.updateComplete
    this.renderRoot.querySelector<HTMLElement>('.drill')?.scrollIntoView({ block: 'start' })
    this.renderRoot.querySelector<HTMLElement>('#unit-tasks-title')?.focus({ preventScroll: true })
    const query = { scope: 'all', plan: planId, assignee: unit.id, limit: '5000' } as const
    try {
      const { tasks } = await call(client.tasks.$get({ query }))
      if (this.loaded === planId && this.unit?.id === unit.id)
        this.unitTasks = tasks.filter((task) => task.assignee.id === unit.id)
    } catch (error) {
      if (this.unit?.id === unit.id) this.unitTasks = []
      this.error = message(error)
    }
  }

  /**
   * After a group's members changed or the plan moved to a newer version: the progress (and its
   * unassigned work) is read again.
   */
  private handleMembersChange = () => {
    this.handleSignOff()
  }

  private handleSignOff = () => {
    const planId = this.loaded
    void call(client.plans[':id'].progress.$get(this.progressArgs(planId))).then(
      (progress) => {
        if (this.loaded === planId) this.progress = progress
      },
      (error: unknown) => {
        this.error = message(error)
      },
    )
  }

  /** After the plan was suspended, resumed, closed or archived: its plans and progress again. */
  private handleLifecycleChange = () => {
    void this.loadPlans()
    this.handleSignOff()
  }

  private handlePlanChange(event: Event): void {
    navigate(`/plans/${encodeURIComponent((event.target as HTMLSelectElement).value)}`)
  }

  private renderHeader() {
    const plans = this.plans ?? []
    const current = this.currentPlanId
    return html`<div class="head">
      <h2>${this.progress?.plan.name ?? t('dashboard')}</h2>
      ${this.progress ? html`<span class="today">${t('dash_today')} <time datetime=${this.progress.today}>${this.progress.today}</time></span>` : nothing}
      ${this.progress && this.today ? renderAsOfPicker(this.progress, this.today, this.asOf, this.showAsOf) : nothing}
      ${this.progress ? html`<a href=${`#/plans/${encodeURIComponent(this.progress.plan.id)}/assessments`}>${pick({ zh: '考核结果', en: 'Assessments' })}</a>` : nothing}
      ${this.progress ? html`<a href=${`#/plans/${encodeURIComponent(this.progress.plan.id)}/ledger`}>${pick({ zh: '任务台账', en: 'Task ledger' })}</a> <a href=${`#/plans/${encodeURIComponent(this.progress.plan.id)}/bulletin`}>${pick({ zh: '情况通报', en: 'Bulletin' })}</a>` : nothing}
      <label class="picker">${t('dash_plan')}
        <select @change=${this.handlePlanChange}>
          ${plans.map((plan) => html`<option value=${plan.id} ?selected=${plan.id === current}>${plan.name}</option>`)}
          ${
            // An archived plan is out of the list, but opened by its address it is still named.
            this.progress && !plans.some((plan) => plan.id === current)
              ? html`<option value=${current} selected>${this.progress.plan.name}</option>`
              : nothing
          }
        </select>
      </label>
    </div>`
  }

  private selectUnit = (unit: { id: string; name: string }) => {
    void this.handleUnitSelect(
      new CustomEvent('ls-unit-select', { detail: { id: unit.id, name: unit.name } }),
    )
  }

  private renderUnitTasks() {
    if (!this.unit) return nothing
    return html`<section class="drill" aria-labelledby="unit-tasks-title">
      <div class="drill-head">
        <h4 id="unit-tasks-title" tabindex="-1">${fill(t('dash_unitTasks'), { unit: this.unit.name })}</h4>
        <button type="button" @click=${() => {
          this.unit = null
        }}>${t('close')}</button>
      </div>
      ${
        this.unitTasks === null
          ? html`<p class="muted" aria-live="polite">${t('loading')}</p>`
          : html`<ls-task-table hide-assignee .tasks=${this.unitTasks} .phaseNames=${this.phaseNames}></ls-task-table>`
      }
    </section>`
  }

  override render() {
    if (this.plans && this.plans.length === 0) return html`<p>${t('dash_noPlans')}</p>`
    const progress = this.progress
    return html`
      ${this.renderHeader()}
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing}
      ${renderAsOfBanner(this.asOf, this.showAsOf)}
      ${
        !progress
          ? html`<p class="muted" aria-live="polite">${t('loading')}</p>`
          : html`
            <ls-plan-lifecycle actions plan-id=${progress.plan.id} @ls-plan-lifecycle-change=${this.handleLifecycleChange}></ls-plan-lifecycle>
            <div class="questions">
              ${renderBehind(progress)}
              ${renderRanking(progress.units, this.selectUnit, this.unit?.id ?? '')}
              ${renderTodo(progress, this.escalations)}
            </div>
            <p class="muted below"><a href="#phases-title" @click=${(event: Event) => jumpTo(event, 'phases-title')}>${dashText('moreBelow')} ↓</a></p>
            <ls-plan-migration plan-id=${progress.plan.id} @ls-plan-migrate=${this.handleMembersChange}></ls-plan-migration>
            ${renderUnassigned(progress, this.editingGroup, (groupId) => (this.editingGroup = groupId))}
            ${
              this.editingGroup
                ? html`<ls-members-editor plan-id=${progress.plan.id} group-id=${this.editingGroup}
                    @ls-members-change=${this.handleMembersChange} @ls-close=${() => (this.editingGroup = '')}></ls-members-editor>`
                : nothing
            }
            <section aria-labelledby="phases-title">
              <h3 id="phases-title" tabindex="-1">${t('dash_timeline')}</h3>
              <ls-phase-gates plan-id=${progress.plan.id} today=${progress.today} .phases=${progress.phases} .names=${this.names}
                ?read-only=${progress.plan.status !== 'running'}
                @ls-sign-off=${this.handleSignOff}></ls-phase-gates>
              ${
                progress.summary.unphased.total
                  ? html`<p class="muted">${dashText('unphased', { approved: progress.summary.unphased.approved, total: progress.summary.unphased.total, percent: progress.summary.unphased.percent })}</p>`
                  : nothing
              }
            </section>
            ${
              progress.parts.length
                ? html`<section aria-labelledby="parts-title">
                    <h3 id="parts-title">${dashText('parts')}</h3>
                    <ls-document-parts .parts=${progress.parts}></ls-document-parts>
                  </section>`
                : nothing
            }
            <section aria-labelledby="units-title">
              <h3 id="units-title" tabindex="-1">${t('dash_units')}</h3>
              <ls-unit-progress .units=${progress.units} selected=${this.unit?.id ?? ''} @ls-unit-select=${this.handleUnitSelect}></ls-unit-progress>
              ${this.renderUnitTasks()}
            </section>
            <section aria-labelledby="indicators-title">
              <h3 id="indicators-title">${pick({ zh: '指标与目标', en: 'Indicators against targets' })}</h3>
              <ls-indicator-trends plan-id=${progress.plan.id} year=${progress.today.slice(0, 4)}></ls-indicator-trends>
            </section>
            <section aria-labelledby="upcoming-title">
              <h3 id="upcoming-title">${t('dash_upcoming')}</h3>
              ${
                this.upcoming === null
                  ? html`<p class="muted">${t('loading')}</p>`
                  : html`<ls-task-table .tasks=${this.upcoming} .phaseNames=${this.phaseNames}></ls-task-table>`
              }
            </section>
          `
      }
    `
  }
}
