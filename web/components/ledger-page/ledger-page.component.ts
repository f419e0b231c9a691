/**
 * The plan's ledger (台账): every task the reader may see, one row per task, grouped by phase or
 * by part of the document, filtered as the task list is (light, state, unit, phase, overdue).
 * The same filters make the Excel download, so the file holds the rows of the whole ledger.
 * Rows come a page at a time ({@link LEDGER_PAGE}), the first at once, the rest when asked for
 * (and all of them before printing). Prints A4 landscape with the column header repeated on
 * every page.
 *
 * @summary The ledger page (`#/plans/<planId>/ledger`).
 * @csspart table - The ledger table.
 */
import { html, LitElement, nothing } from 'lit'
import { ApiError, call, client, pathParams } from '../../api.ts'
import type { LedgerRow, PlanLedger } from '../../api-types.ts'
import { pick, tOf } from '../../i18n.ts'
import { named } from '../office-format/named.ts'
import { LocaleController } from '../../locale-controller.ts'
import { om } from '../office-format/office-messages.ts'
import type { OfficeMessageKey } from '../office-format/office-messages.ts'
import { PageSizeController } from '../office-format/page-size.ts'
import styles from './ledger-page.styles.ts'

/**
 * Rows a request brings: a ledger of thousands of rows, as a county's plan has, is thousands of
 * table rows to lay out and megabytes to fetch, where the reader first wants its head.
 */
export const LEDGER_PAGE = 500

const LIGHTS = ['red', 'yellow', 'blue', 'green'] as const
const STATES = ['assigned', 'in_progress', 'submitted', 'returned', 'approved', 'closed'] as const
const COLUMNS: OfficeMessageKey[] = [
  'col_index',
  'col_title',
  'col_clause',
  'col_lead',
  'col_support',
  'col_due',
  'col_progress',
  'col_state',
  'col_light',
  'col_escalation',
  'col_doneOn',
]

/** The ledger's filters, as the query of both the JSON and the .xlsx. */
export interface LedgerFilterValues {
  light: string
  state: string
  assignee: string
  phase: string
  overdue: boolean
  group: 'phase' | 'part'
}

/** The query string of the filters set (empty ones left out). */
export function ledgerQueryOf(filters: LedgerFilterValues): Record<string, string> {
  return Object.fromEntries(
    Object.entries({
      light: filters.light,
      state: filters.state,
      assignee: filters.assignee,
      phase: filters.phase,
      overdue: filters.overdue ? 'true' : '',
      group: filters.group === 'part' ? 'part' : '',
    }).filter(([, value]) => value !== ''),
  )
}

export class LsLedgerPage extends LitElement {
  static override styles = styles
  static override properties = {
    planId: { attribute: 'plan-id' },
    ledger: { state: true },
    nextCursor: { state: true },
    loadingMore: { state: true },
    filters: { state: true },
    error: { state: true },
  }

  declare planId: string
  /** The rows listed so far, their groups joined across pages. */
  declare ledger: PlanLedger | null
  /** Where the next page starts; null once every row is listed. */
  declare nextCursor: string | null
  declare loadingMore: boolean
  declare filters: LedgerFilterValues
  declare error: string
  /**
   * The filter menus' units and phases: the plan's, read apart from the ledger, so they are there
   * when the ledger itself is refused (a province's plan has more tasks than one ledger lists,
   * and the answer is to pick a unit or a phase); and those of the unfiltered ledger besides.
   */
  private units = new Map<string, string>()
  private phases = new Map<string, string>()
  private loaded = ''
  private menusOf = ''
  /** The pages being fetched on asking, while they are. */
  private more: Promise<void> | null = null

  constructor() {
    super()
    this.addController(new LocaleController(this))
    new PageSizeController(this, 'landscape')
    this.planId = ''
    this.ledger = null
    this.nextCursor = null
    this.loadingMore = false
    this.error = ''
    this.filters = { light: '', state: '', assignee: '', phase: '', overdue: false, group: 'phase' }
  }

  protected override willUpdate(): void {
    if (this.planId && this.planId !== this.menusOf) {
      this.menusOf = this.planId
      this.units = new Map()
      this.phases = new Map()
      void this.loadMenus(this.planId)
    }
    const key = `${this.planId}?${new URLSearchParams(ledgerQueryOf(this.filters))}`
    if (this.planId && key !== this.loaded) {
      this.loaded = key
      void this.load(key)
    }
  }

  /**
   * The plan's phases (its detail) and units (its progress) for the menus. A reader who may not
   * read one of them keeps the menus the ledger's own rows give.
   */
  private async loadMenus(planId: string): Promise<void> {
    const param = pathParams({ id: planId })
    const [detail, progress] = await Promise.allSettled([
      call(client.plans[':id'].$get({ param })),
      call(client.plans[':id'].progress.$get({ param, query: {} })),
    ])
    if (this.menusOf !== planId) return
    if (detail.status === 'fulfilled')
      for (const phase of detail.value.phases) this.phases.set(phase.phase_id, phase.name)
    if (progress.status === 'fulfilled')
      for (const unit of progress.value.units) this.units.set(unit.id, unit.name)
    this.requestUpdate()
  }

  /** One page of the ledger the filters ask for, after `after` (the first page without it). */
  private page(after?: string): Promise<PlanLedger> {
    return call(
      client.plans[':id'].ledger.$get({
        param: pathParams({ id: this.planId }),
        query: {
          ...ledgerQueryOf(this.filters),
          pageSize: String(LEDGER_PAGE),
          ...(after ? { after } : {}),
        },
      }),
    )
  }

  private async load(key: string): Promise<void> {
    this.error = ''
    // The rows of the filters before stay until the new ones come; their next page does not.
    this.nextCursor = null
    try {
      const ledger = await this.page()
      if (this.loaded !== key) return
      if (Object.keys(ledgerQueryOf(this.filters)).length === 0) this.remember(ledger)
      this.ledger = ledger
      this.nextCursor = ledger.nextCursor ?? null
    } catch (error) {
      if (this.loaded === key)
        this.error = error instanceof ApiError ? pick(error.text) : String(error)
    }
  }

  /**
   * The next page, or with `all` every page left, joined to the rows listed. While pages are on
   * their way a second ask waits for them (and, for `all`, goes on to the rest).
   */
  private loadMore(all = false): Promise<void> {
    if (this.more) return all ? this.more.then(() => this.loadMore(true)) : this.more
    this.more = this.loadPages(all).finally(() => {
      this.more = null
      this.loadingMore = false
    })
    return this.more
  }

  private async loadPages(all: boolean): Promise<void> {
    const key = this.loaded
    this.loadingMore = true
    try {
      while (this.nextCursor && this.ledger && this.loaded === key) {
        const page = await this.page(this.nextCursor)
        if (this.loaded !== key) return
        this.ledger = joinPages(this.ledger, page)
        this.nextCursor = page.nextCursor ?? null
        if (!all) break
      }
    } catch (error) {
      if (this.loaded === key)
        this.error = error instanceof ApiError ? pick(error.text) : String(error)
    }
  }

  /** Prints the whole ledger: the pages not listed yet first. */
  private async print(): Promise<void> {
    await this.loadMore(true)
    await this.updateComplete
    window.print()
  }

  /** Adds the units and phases of the whole ledger to the menus. */
  private remember(ledger: PlanLedger): void {
    for (const row of ledger.groups.flatMap((group) => group.rows))
      this.units.set(row.lead.id, row.lead.name)
    if (ledger.groupBy === 'phase')
      for (const group of ledger.groups)
        if (group.key !== '-') this.phases.set(group.key, group.name)
  }

  private handleFilter(event: Event): void {
    const field = event.target as HTMLSelectElement | HTMLInputElement
    const value =
      field instanceof HTMLInputElement && field.type === 'checkbox' ? field.checked : field.value
    this.filters = { ...this.filters, [field.name]: value }
  }

  private get xlsxHref(): string {
    const query = new URLSearchParams(ledgerQueryOf(this.filters)).toString()
    return `/api/plans/${encodeURIComponent(this.planId)}/ledger.xlsx${query ? `?${query}` : ''}`
  }

  private renderFilters() {
    const f = this.filters
    const option = (value: string, label: string, current: string) =>
      html`<option value=${value} ?selected=${value === current}>${label}</option>`
    return html`<form class="filters" aria-label=${om('filters')} @change=${this.handleFilter} @submit=${(e: Event) => e.preventDefault()}>
      <label>${om('light')}<select name="light">${option('', om('all'), f.light)}${LIGHTS.map((light) => option(light, tOf('light_', light), f.light))}</select></label>
      <label>${om('state')}<select name="state">${option('', om('all'), f.state)}${STATES.map((state) => option(state, tOf('state_', state), f.state))}</select></label>
      <label>${om('unit')}<select name="assignee">${option('', om('all'), f.assignee)}${[...this.units].map(([id, name]) => option(id, name, f.assignee))}</select></label>
      <label>${om('phase')}<select name="phase">${option('', om('all'), f.phase)}${[...this.phases].map(([key, name]) => option(key, name, f.phase))}</select></label>
      <label>${om('group')}<select name="group">${option('phase', om('groupPhase'), f.group)}${option('part', om('groupPart'), f.group)}</select></label>
      <label class="check"><input type="checkbox" name="overdue" .checked=${f.overdue} />${om('overdueOnly')}</label>
    </form>`
  }

  private renderRow(row: LedgerRow) {
    const due = row.dueOn
      ? `${row.dueOn}${row.duePhrase && row.duePhrase !== row.dueOn ? `（${row.duePhrase}）` : ''}`
      : om('noDue')
    return html`<tr>
      <td class="num">${row.index}</td>
      <td><a href=${`#/tasks/${encodeURIComponent(row.taskId)}`}>${row.title}</a></td>
      <td>${row.clause ?? ''}</td>
      <td>${row.lead.name}</td>
      <td>${row.support.map((unit) => unit.name).join('、')}</td>
      <td>${due}</td>
      <td>${row.progress ?? ''}</td>
      <td>${named('state_', row.state, row.stateName)}${row.overdue ? html` <span class="late">${om('overdueDays', { n: row.daysOverdue })}</span>` : nothing}</td>
      <td><span class=${`light light-${row.light}`}>${named('light_', row.light, row.lightName)}</span></td>
      <td>${row.escalationName ? named('escalation_', Math.min(row.escalation, 4), row.escalationName) : ''}</td>
      <td>${row.doneOn ?? ''}</td>
    </tr>`
  }

  /** How many rows are listed, and the buttons that list more, while some are not. */
  private renderMore(ledger: PlanLedger) {
    if (!this.nextCursor) return nothing
    const shown = ledger.groups.reduce((sum, group) => sum + group.rows.length, 0)
    return html`<p class="more" role="status">${om('shownOf', { shown, n: ledger.total })}
      <button type="button" ?disabled=${this.loadingMore} @click=${() => void this.loadMore()}>${om('loadMore', { n: Math.min(LEDGER_PAGE, ledger.total - shown) })}</button>
      <button type="button" ?disabled=${this.loadingMore} @click=${() => void this.loadMore(true)}>${om('loadAll')}</button>
    </p>`
  }

  override render() {
    const ledger = this.ledger
    const planHref = `#/plans/${encodeURIComponent(this.planId)}`
    return html`
      <nav class="crumbs" aria-label="breadcrumb"><a href=${planHref}>${om('dashboard')}</a> › ${om('ledger')}</nav>
      <div class="head">
        <h2>${ledger ? `${ledger.policyTitle} ${om('ledger')}` : om('ledger')}</h2>
        <div class="tools">
          <a class="button primary" href=${this.xlsxHref} download>${om('downloadXlsx')}</a>
          <a class="button" href=${`${planHref}/bulletin`}>${om('bulletin')}</a>
          <button type="button" @click=${() => void this.print()}>${om('print')}</button>
        </div>
      </div>
      ${ledger ? html`<p class="muted">${ledger.plan.name}${ledger.documentNumber ? `（${ledger.documentNumber}）` : ''} · ${om('asOf', { date: ledger.today, n: ledger.total })}</p>` : nothing}
      ${this.renderFilters()}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        !ledger
          ? this.error
            ? nothing
            : html`<p role="status">…</p>`
          : ledger.total === 0
            ? html`<p class="muted">${om('none')}</p>`
            : html`<div class="table-wrap"><table part="table">
                <thead><tr>${COLUMNS.map((column) => html`<th scope="col">${om(column)}</th>`)}</tr></thead>
                ${ledger.groups.map(
                  (group) => html`<tbody>
                    <tr class="group"><th colspan=${COLUMNS.length} scope="rowgroup">${group.name}（${om('groupCount', { n: group.total })}）</th></tr>
                    ${group.rows.map((row) => this.renderRow(row))}
                  </tbody>`,
                )}
              </table></div>
              ${this.renderMore(ledger)}`
      }
    `
  }
}

/**
 * `next` (the page after `listed`) joined to it: a group the page goes on with keeps its header
 * and gains the rows; the page's other groups follow.
 */
export function joinPages(listed: PlanLedger, next: PlanLedger): PlanLedger {
  const groups = [...listed.groups]
  for (const group of next.groups) {
    const last = groups.at(-1)
    if (last?.key === group.key)
      groups[groups.length - 1] = { ...last, rows: [...last.rows, ...group.rows] }
    else groups.push(group)
  }
  return { ...next, groups }
}
