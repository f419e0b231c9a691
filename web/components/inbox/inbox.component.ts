/**
 * The signed-in unit's tasks (`GET /api/tasks`), ordered by deadline, in two tabs: 我的任务 and
 * 待审核 (the reports awaiting my review, with their count; `view="review"`, `#/inbox/review`).
 * Counts at the top, each a button that filters by it; a search (title, unit, clause, on the
 * server); filters for plan, phase, state and period, "overdue only", "due soon only" (临期,
 * amber) and the status colours (三色预警, any of them); the table, whose reports to review can be
 * chosen and approved together (ls-batch-approve). Each filter change is one request; a stale
 * answer (a filter changed meanwhile) is dropped.
 *
 * @summary The inbox page (`#/inbox`, `#/inbox/review`).
 * @csspart counts - The summary counts.
 * @csspart filters - The filter form.
 */
import { LocaleController } from '../../locale-controller.ts'
import { html, LitElement, nothing } from 'lit'
import type { PropertyValues } from 'lit'
import type { LsTaskSelectEvent } from '../../events/ls-task-select.ts'
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
  /** Words searched in the title, the unit and the clause (on the server). */
  q: string
  overdue: boolean
  dueSoon: boolean
  /** 三色预警 shown; none checked shows every colour. */
  lights: TaskLight[]
}

export type InboxView = 'mine' | 'review'

const filtersKey = (view: InboxView) =>
  view === 'review' ? 'luoshi.inbox.review.filters' : 'luoshi.inbox.filters'

/** The filters last used in this tab, so coming back from a task keeps them. */
function restoreFilters(view: InboxView): Filters {
  // The review queue opens on what awaits review; "all" is one choice away.
  const blank: Filters = {
    plan: '',
    phase: '',
    state: view === 'review' ? 'submitted' : '',
    period: '',
    q: '',
    overdue: false,
    dueSoon: false,
    lights: [],
  }
  try {
    return {
      ...blank,
      ...(JSON.parse(
        globalThis.sessionStorage?.getItem(filtersKey(view)) ?? '{}',
      ) as Partial<Filters>),
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
    view: {},
    toReview: { state: true },
    selected: { state: true },
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
  /** `mine` (my tasks) or `review` (the review queue). */
  declare view: InboxView
  /** How many reports await my review (the 待审核 tab's count); null until known. */
  declare toReview: number | null
  /** The reports chosen for batch approval. */
  declare selected: ReadonlySet<string>

  readonly #requests = new LatestOnly()

  constructor() {
    super()
    this.addController(new LocaleController(this))
    this.plans = []
    this.phases = {}
    this.planPhases = {}
    this.periods = []
    this.view = 'mine'
    this.filters = restoreFilters('mine')
    this.toReview = null
    this.selected = new Set()
    this.data = null
    this.loading = false
    this.error = ''
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.loadPlans()
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view')) {
      this.filters = restoreFilters(this.view)
      this.periods = []
      this.selected = new Set()
      void this.loadTasks()
      void this.loadReviewCount()
    }
  }

  /** The 待审核 tab's count: reports submitted to my units for review. */
  private async loadReviewCount(): Promise<void> {
    try {
      const answer = await call(
        client.tasks.$get({ query: { role: 'review', state: 'submitted', limit: '1' } }),
      )
      this.toReview = answer.counts.total
    } catch {
      // The count is a hint: the tab still opens the queue.
    }
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
    const { plan, phase, state, period, q, overdue, dueSoon, lights } = this.filters
    const review = this.view === 'review'
    return {
      ...(lights.length ? { light: LIGHT_ORDER.filter((l) => lights.includes(l)).join(',') } : {}),
      ...(plan ? { plan } : {}),
      ...(phase ? { phase } : {}),
      ...(state ? { state: state === 'open' ? OPEN_TASK_STATES.join(',') : state } : {}),
      ...(period ? { period } : {}),
      ...(review ? { role: 'review' as const } : {}),
      ...(overdue ? { overdue: 'true' as const } : {}),
      ...(dueSoon ? { dueSoon: 'true' as const } : {}),
      ...(q.trim() ? { q: q.trim() } : {}),
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
      // A choice survives a reload only for reports still listed and still awaiting review.
      const open = new Set(
        data.tasks.filter((task) => task.state === 'submitted').map((task) => task.id),
      )
      this.selected = new Set([...this.selected].filter((id) => open.has(id)))
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
    this.setFilters({ [key]: value, ...(key === 'plan' ? { phase: '' } : {}) })
  }

  private setFilters(change: Partial<Filters>): void {
    // Changing the plan changes which periods exist: collect them afresh.
    if ('plan' in change) this.periods = []
    this.filters = { ...this.filters, ...change }
    globalThis.sessionStorage?.setItem(filtersKey(this.view), JSON.stringify(this.filters))
    void this.loadTasks()
  }

  private handleSearch(event: Event): void {
    this.setFilter('q', (event.target as HTMLInputElement).value)
  }

  private handleSelection(event: LsTaskSelectEvent): void {
    this.selected = new Set(event.detail.ids)
  }

  private handleApproved(): void {
    this.selected = new Set()
    void this.loadTasks()
    void this.loadReviewCount()
  }

  private handleSelect(event: Event): void {
    const select = event.target as HTMLSelectElement
    this.setFilter(select.name as 'plan' | 'phase' | 'state' | 'period', select.value)
  }

  private handleToggle(event: Event): void {
    const input = event.target as HTMLInputElement
    this.setFilter(input.name as 'overdue' | 'dueSoon', input.checked)
  }

  private handleLight(event: Event): void {
    const input = event.target as HTMLInputElement
    const light = input.value as TaskLight
    const rest = this.filters.lights.filter((l) => l !== light)
    this.setFilter('lights', input.checked ? [...rest, light] : rest)
  }

  private renderCounts(data: TaskList) {
    const { counts } = data
    const { overdue, dueSoon, lights, state } = this.filters
    const byState = Object.entries(counts.byState)
    // Each figure is a button that filters by it (pressed while its filter is on); the total clears them.
    const card = (label: unknown, n: number, pressed: boolean, onClick: () => void, extra = '') =>
      html`<li class=${extra}><button type="button" aria-pressed=${pressed ? 'true' : 'false'} @click=${onClick}><span class="label">${label}</span> <span class="n">${n}</span></button></li>`
    return html`<section part="counts" class="counts" aria-labelledby="counts-title">
      <h3 id="counts-title" class="visually-hidden">${t('inbox_summary')}</h3>
      <p class="visually-hidden">${t('inbox_cardHint')}</p>
      <ul role="list">
        ${card(t('inbox_total'), counts.total, false, () => this.setFilters({ overdue: false, dueSoon: false, lights: [], state: '' }))}
        ${card(t('inbox_overdue'), counts.overdue, overdue, () => this.setFilters({ overdue: !overdue }), counts.overdue ? 'alarm' : '')}
        ${card(t('inbox_dueSoon'), counts.dueSoon, dueSoon, () => this.setFilters({ dueSoon: !dueSoon }), counts.dueSoon ? 'amber' : '')}
        <li class=${counts.escalated ? 'alarm static' : 'static'}><span class="label">${t('inbox_escalated')}</span> <span class="n">${counts.escalated}</span></li>
        ${LIGHT_ORDER.map((light) => {
          const only = lights.length === 1 && lights[0] === light
          return card(
            renderLight(light),
            counts.byLight[light],
            only,
            () => this.setFilters({ lights: only ? [] : [light] }),
            'by-light',
          )
        })}
        ${byState.map(([name, n]) => card(stateLabel(name), n, state === name, () => this.setFilters({ state: state === name ? '' : name }), 'state'))}
      </ul>
    </section>`
  }

  private renderTabs() {
    const tab = (view: InboxView, href: string, label: string, count?: number | null) =>
      html`<a href=${href} aria-current=${this.view === view ? 'page' : 'false'}>${label}${count !== undefined && count !== null ? html` <span class="count">${count}</span>` : nothing}</a>`
    return html`<nav class="tabs" aria-label=${t('inbox_tabs')}>
      ${tab('mine', '#/inbox', t('inbox_mine'))}${tab('review', '#/inbox/review', t('inbox_review'), this.toReview)}
    </nav>`
  }

  private renderFilters() {
    const { plan, phase, state, period, q, overdue, dueSoon } = this.filters
    const option = (value: string, label: string, selected: string) =>
      html`<option value=${value} ?selected=${value === selected}>${label}</option>`
    return html`<form part="filters" class="filters" aria-label=${t('inbox_filters')} @submit=${(e: Event) => e.preventDefault()}>
      <label class="search">${t('inbox_search')}
        <input type="search" name="q" .value=${q} placeholder=${t('inbox_searchHint')} maxlength="100" @input=${this.handleSearch} />
      </label>
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
      <label class="toggle"><input type="checkbox" name="overdue" .checked=${overdue} @change=${this.handleToggle} />${t('filter_overdueOnly')}</label>
      <label class="toggle"><input type="checkbox" name="dueSoon" .checked=${dueSoon} @change=${this.handleToggle} />${t('filter_dueSoonOnly')}</label>
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
    const review = this.view === 'review'
    return html`
      <h2 class="title">${t(review ? 'inbox_review' : 'inbox')}</h2>
      ${this.renderTabs()}
      ${data ? this.renderCounts(data) : nothing} ${this.renderFilters()}
      ${
        review && data
          ? html`<ls-batch-approve .tasks=${data.tasks.filter((task) => this.selected.has(task.id))} @ls-tasks-approved=${this.handleApproved}></ls-batch-approve>`
          : nothing
      }
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
      ${data ? html`<ls-task-table .tasks=${data.tasks} .phaseNames=${this.phases} ?selectable=${review} .selected=${this.selected} @ls-task-select=${this.handleSelection} aria-busy=${this.loading ? 'true' : 'false'}></ls-task-table>` : nothing}
    `
  }
}
