/**
 * The signed-in unit's tasks (`GET /api/tasks`), ordered by deadline: counts at the top, filters
 * for plan, phase, state and period, "tasks I review", "overdue only" and the status colours
 * (三色预警, any of them), and the table. Each
 * filter change is one request; a stale answer (a filter changed meanwhile) is dropped.
 *
 * @summary The inbox page (`#/inbox`).
 * @csspart counts - The summary counts.
 * @csspart filters - The filter form.
 */
import { LocaleController } from '../../locale-controller.ts'
import { html, LitElement, nothing } from 'lit'
import { ApiError, call, client, pathParams } from '../../api.ts'
import type { TaskListQuery } from '../../../schemas/api/queries.schema.ts'
import type { PlanList, TaskList } from '../../api-types.ts'
import { pick, t } from '../../i18n.ts'
import { NAMED_STATES, OPEN_TASK_STATES } from '../../../domain/workflow/state-names.ts'
import { fill, periodLabel, stateLabel } from '../task-table/task-format.ts'
import styles from './inbox.styles.ts'
import { touchTargets } from '../../touch-targets.ts'
import { LatestOnly } from '../../latest-only.ts'
import { LIGHT_ORDER, renderLight } from '../task-table/task-light.ts'
import type { TaskLight } from '../task-table/task-light.ts'

type Plan = PlanList['plans'][number]

interface Filters {
  plan: string
  phase: string
  /** A state, `open` (every unfinished state) or '' for all. */
  state: string
  period: string
  review: boolean
  overdue: boolean
  /** 三色预警 shown; none checked shows every colour. */
  lights: TaskLight[]
}

const FILTERS_KEY = 'luoshi.inbox.filters'

/** The filters last used in this tab, so coming back from a task keeps them. */
function restoreFilters(): Filters {
  const blank: Filters = {
    plan: '',
    phase: '',
    state: '',
    period: '',
    review: false,
    overdue: false,
    lights: [],
  }
  try {
    return {
      ...blank,
      ...(JSON.parse(globalThis.sessionStorage?.getItem(FILTERS_KEY) ?? '{}') as Partial<Filters>),
    }
  } catch {
    return blank
  }
}

export class LsInbox extends LitElement {
  static override styles = [styles, touchTargets]
  static override properties = {
    plans: { state: true },
    phases: { state: true },
    planPhases: { state: true },
    periods: { state: true },
    filters: { state: true },
    data: { state: true },
    loading: { state: true },
    error: { state: true },
  }

  declare plans: Plan[]
  /** Phase names by id, over every plan the user sees (for the table). */
  declare phases: Record<string, string>
  /** Each plan's phases in order (for the phase filter). */
  declare planPhases: Record<string, Array<[id: string, name: string]>>
  /** Periods seen in answers since the plan or role last changed (the filter's options). */
  declare periods: string[]
  declare filters: Filters
  declare data: TaskList | null
  declare loading: boolean
  declare error: string

  readonly #requests = new LatestOnly()

  constructor() {
    super()
    this.addController(new LocaleController(this))
    this.plans = []
    this.phases = {}
    this.planPhases = {}
    this.periods = []
    this.filters = restoreFilters()
    this.data = null
    this.loading = false
    this.error = ''
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.loadPlans()
    void this.loadTasks()
  }

  private async loadPlans(): Promise<void> {
    try {
      const { plans } = await call(client.plans.$get({ query: {} }))
      this.plans = plans
      const details = await Promise.all(
        plans.map((plan) =>
          call(client.plans[':id'].$get({ param: pathParams({ id: plan.id }) })).catch(() => null),
        ),
      )
      this.planPhases = Object.fromEntries(
        details.flatMap((detail) =>
          detail
            ? [[detail.plan.id, detail.phases.map((phase) => [phase.phase_id, phase.name])]]
            : [],
        ),
      )
      this.phases = Object.fromEntries(Object.values(this.planPhases).flat())
    } catch {
      // The plan and phase filters fall back to ids; the list itself still loads.
    }
  }

  private query(): TaskListQuery {
    const { plan, phase, state, period, review, overdue, lights } = this.filters
    return {
      ...(lights.length ? { light: LIGHT_ORDER.filter((l) => lights.includes(l)).join(',') } : {}),
      ...(plan ? { plan } : {}),
      ...(phase ? { phase } : {}),
      ...(state ? { state: state === 'open' ? OPEN_TASK_STATES.join(',') : state } : {}),
      ...(period ? { period } : {}),
      ...(review ? { role: 'review' as const } : {}),
      ...(overdue ? { overdue: 'true' as const } : {}),
    }
  }

  private async loadTasks(): Promise<void> {
    const current = this.#requests.begin()
    this.loading = true
    try {
      const data = await call(client.tasks.$get({ query: this.query() }))
      if (!current()) return
      this.data = data
      this.error = ''
      const seen = new Set(this.periods)
      for (const task of data.tasks) seen.add(task.period)
      if (seen.size !== this.periods.length)
        this.periods = [...seen].sort((a, b) =>
          a === 'once' ? -1 : b === 'once' ? 1 : a.localeCompare(b),
        )
    } catch (error) {
      if (!current()) return
      this.error = error instanceof ApiError ? pick(error.text) : String(error)
    } finally {
      if (current()) this.loading = false
    }
  }

  private setFilter<K extends keyof Filters>(key: K, value: Filters[K]): void {
    // Changing the plan or the role changes which periods exist: collect them afresh.
    if (key === 'plan' || key === 'review') this.periods = []
    this.filters = { ...this.filters, [key]: value, ...(key === 'plan' ? { phase: '' } : {}) }
    globalThis.sessionStorage?.setItem(FILTERS_KEY, JSON.stringify(this.filters))
    void this.loadTasks()
  }

  private handleSelect(event: Event): void {
    const select = event.target as HTMLSelectElement
    this.setFilter(select.name as 'plan' | 'phase' | 'state' | 'period', select.value)
  }

  private handleToggle(event: Event): void {
    const input = event.target as HTMLInputElement
    this.setFilter(input.name as 'review' | 'overdue', input.checked)
  }

  private handleLight(event: Event): void {
    const input = event.target as HTMLInputElement
    const light = input.value as TaskLight
    const rest = this.filters.lights.filter((l) => l !== light)
    this.setFilter('lights', input.checked ? [...rest, light] : rest)
  }

  private renderCounts(data: TaskList) {
    const { counts } = data
    const byState = Object.entries(counts.byState)
    return html`<section part="counts" class="counts" aria-labelledby="counts-title">
      <h3 id="counts-title" class="visually-hidden">${t('inbox_summary')}</h3>
      <dl>
        <div><dt>${t('inbox_total')}</dt><dd>${counts.total}</dd></div>
        <div class=${counts.overdue ? 'alarm' : ''}><dt>${t('inbox_overdue')}</dt><dd>${counts.overdue}</dd></div>
        <div class=${counts.escalated ? 'alarm' : ''}><dt>${t('inbox_escalated')}</dt><dd>${counts.escalated}</dd></div>
        ${LIGHT_ORDER.map((light) => html`<div class="by-light"><dt>${renderLight(light)}</dt><dd>${counts.byLight[light]}</dd></div>`)}
        ${byState.map(([state, n]) => html`<div class="state"><dt>${stateLabel(state)}</dt><dd>${n}</dd></div>`)}
      </dl>
    </section>`
  }

  private renderFilters() {
    const { plan, phase, state, period, review, overdue } = this.filters
    const option = (value: string, label: string, selected: string) =>
      html`<option value=${value} ?selected=${value === selected}>${label}</option>`
    return html`<form part="filters" class="filters" aria-label=${t('inbox_filters')} @submit=${(e: Event) => e.preventDefault()}>
      <label>${t('filter_plan')}
        <select name="plan" @change=${this.handleSelect}>
          ${option('', t('all'), plan)}${this.plans.map((p) => option(p.id, p.name, plan))}
        </select>
      </label>
      <label>${t('filter_phase')}
        <select name="phase" @change=${this.handleSelect}>
          ${option('', t('all'), phase)}${(plan ? (this.planPhases[plan] ?? []) : Object.entries(this.phases)).map(([id, name]) => option(id, name, phase))}
        </select>
      </label>
      <label>${t('filter_state')}
        <select name="state" @change=${this.handleSelect}>
          ${option('', t('all'), state)}${option('open', t('filter_open'), state)}${NAMED_STATES.map((s) => option(s, stateLabel(s), state))}
        </select>
      </label>
      <label>${t('filter_period')}
        <select name="period" @change=${this.handleSelect}>
          ${option('', t('all'), period)}${(period && !this.periods.includes(period) ? [period, ...this.periods] : this.periods).map((p) => option(p, periodLabel(p), period))}
        </select>
      </label>
      <label class="toggle"><input type="checkbox" name="review" .checked=${review} @change=${this.handleToggle} />${t('filter_reviewing')}</label>
      <label class="toggle"><input type="checkbox" name="overdue" .checked=${overdue} @change=${this.handleToggle} />${t('filter_overdueOnly')}</label>
      <fieldset class="lights"><legend>${t('filter_light')}</legend>
        ${LIGHT_ORDER.map(
          (light) =>
            html`<label class="toggle"><input type="checkbox" name="light" value=${light} .checked=${this.filters.lights.includes(light)} @change=${this.handleLight} />${renderLight(light)}</label>`,
        )}
      </fieldset>
    </form>`
  }

  override render() {
    const data = this.data
    return html`
      <h2 class="title">${t(this.filters.review ? 'filter_reviewing' : 'inbox')}</h2>
      ${data ? this.renderCounts(data) : nothing} ${this.renderFilters()}
      ${
        this.error
          ? html`<div role="alert" class="error">${this.error} <button type="button" @click=${() => void this.loadTasks()}>${t('retry')}</button></div>`
          : nothing
      }
      <div aria-live="polite" class="status">${
        this.loading
          ? t('loading')
          : data && data.counts.total > data.tasks.length
            ? fill(t('inbox_truncated'), { shown: data.tasks.length, total: data.counts.total })
            : ''
      }</div>
      ${data ? html`<ls-task-table .tasks=${data.tasks} .phaseNames=${this.phases} aria-busy=${this.loading ? 'true' : 'false'}></ls-task-table>` : nothing}
    `
  }
}
