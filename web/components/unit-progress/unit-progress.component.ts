/**
 * Completion and overdue work by unit: a bar chart of the units with the most overdue tasks —
 * only units with some (ECharts, loaded on first use) and a searchable, paginated table of every unit. A plan of
 * 2,800 units renders one page of rows and 30 bars, so the page stays fast. Choosing a unit —
 * its name in the table or its bar — asks the dashboard to show its tasks.
 *
 * @summary Progress by unit.
 * @event ls-unit-select - Emitted with `{ id, name }` when a unit is chosen.
 * @csspart chart - The chart's drawing area (hidden from assistive technology; the table says the same).
 * @csspart table - The units table.
 */
import { LocaleController } from '../../locale-controller.ts'
import { html, LitElement, nothing } from 'lit'
import type { PropertyValues } from 'lit'
import { repeat } from 'lit/directives/repeat.js'
import { ChartController } from '../../chart-controller.ts'
import type { PlanProgress } from '../../api-types.ts'
import type { LsUnitSelectEvent } from '../../events/ls-unit-select.ts'
import { t } from '../../i18n.ts'
import { fill } from '../task-table/task-format.ts'
import { LIGHT_ORDER, renderLightCount } from '../task-table/task-light.ts'
import styles from './unit-progress.styles.ts'

type Unit = PlanProgress['units'][number]

/** Bars in the chart, rows per table page. */
const CHART_UNITS = 30
const PAGE_SIZE = 20

export class LsUnitProgress extends LitElement {
  static override styles = styles
  static override properties = {
    units: { attribute: false },
    selected: {},
    search: { state: true },
    page: { state: true },
  }

  /** Every unit of the plan, most overdue first (the order of `/progress`). */
  declare units: readonly Unit[]
  /** The id of the unit whose tasks are shown. */
  declare selected: string
  declare search: string
  declare page: number

  private chart = new ChartController(this, () => import('./unit-progress.chart.ts'))
  private filtered: readonly Unit[] = []

  constructor() {
    super()
    this.addController(new LocaleController(this, () => this.redraw()))
    this.units = []
    this.selected = ''
    this.search = ''
    this.page = 0
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('units') || changed.has('search')) {
      const query = this.search.trim().toLowerCase()
      this.filtered = query
        ? this.units.filter(
            (unit) => unit.name.toLowerCase().includes(query) || unit.id.includes(query),
          )
        : this.units
      if (changed.has('units') && !changed.has('search'))
        this.page = Math.min(this.page, this.pageCount() - 1)
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('units')) this.redraw()
  }

  private pageCount(): number {
    return Math.max(1, Math.ceil(this.filtered.length / PAGE_SIZE))
  }

  /** The units with overdue tasks, most first: a unit with none has no place under 逾期最多的单位. */
  private chartUnits(): readonly Unit[] {
    return this.overdueUnits().slice(0, CHART_UNITS)
  }

  private overdueUnits(): readonly Unit[] {
    return this.units.filter((unit) => unit.overdue > 0)
  }

  /** The chart's title, saying what it shows: the most overdue 30, every unit overdue, or none. */
  private chartTitle(shown: number): string {
    if (shown === 0) return t('dash_unitsChartNone')
    return fill(t(this.overdueUnits().length > shown ? 'dash_unitsChart' : 'dash_unitsChartAll'), {
      n: shown,
    })
  }

  /** Draws the chart; a chart that fails leaves the table, which says the same, in place. */
  private redraw(): void {
    if (this.chartUnits().length === 0) return
    const labels = {
      overdue: t('col_overdue'),
      open: t('dash_openNotDue'),
      approved: t('col_approved'),
    }
    this.chart.draw(
      (charts, element) =>
        charts.createUnitChart(element, (index) => {
          const unit = this.chartUnits()[index]
          if (unit) this.select(unit)
        }),
      (charts) => charts.unitOption(this.chartUnits(), labels),
    )
  }

  private select(unit: Unit): void {
    this.dispatchEvent(
      new CustomEvent('ls-unit-select', {
        detail: { id: unit.id, name: unit.name },
        bubbles: true,
        composed: true,
      }) satisfies LsUnitSelectEvent,
    )
  }

  private handleSearch(event: InputEvent): void {
    this.search = (event.target as HTMLInputElement).value
    this.page = 0
  }

  /** The 未完成关闭 column shows once a closed plan left work undone. */
  private get showClosed(): boolean {
    return this.units.some((unit) => unit.closed > 0)
  }

  private renderRow(unit: Unit) {
    const rate = unit.total ? Math.round((unit.approved / unit.total) * 100) : 0
    const current = unit.id === this.selected
    return html`<tr class=${current ? 'current' : ''}>
      <th scope="row"><button type="button" class="link" aria-pressed=${current ? 'true' : 'false'} @click=${() => this.select(unit)}>${unit.name}</button></th>
      <td class="num" data-label=${t('col_total')}>${unit.total}</td>
      <td class="num" data-label=${t('col_approved')}>${unit.approved}</td>
      <td class="num ${unit.overdue ? 'late' : ''}" data-label=${t('col_overdue')}>${unit.overdue}</td>
      ${this.showClosed ? html`<td class="num ${unit.closed ? 'late' : ''}" data-label=${t('state_closed')}>${unit.closed}</td>` : nothing}
      <td class="num" data-label=${t('col_rate')}>${rate}%</td>
      <td class="lights" data-label=${t('filter_light')}>${LIGHT_ORDER.map((light) => renderLightCount(light, unit.lights[light]))}</td>
    </tr>`
  }

  override render() {
    const pages = this.pageCount()
    const page = Math.min(this.page, pages - 1)
    const rows = this.filtered.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)
    const shown = this.chartUnits().length
    return html`
      <p class="chart-title" id="chart-title">${this.chartTitle(shown)} · ${t('dash_unitHint')}</p>
      ${shown ? html`<div part="chart" class="chart" aria-hidden="true" style="height:${shown * 22 + 60}px"></div>` : nothing}
      <div class="tools">
        <label>${t('dash_searchUnit')} <input type="search" .value=${this.search} @input=${this.handleSearch} /></label>
      </div>
      <table part="table">
        <caption>${t('dash_units')}</caption>
        <thead><tr>
          <th scope="col">${t('col_unit')}</th><th scope="col" class="num">${t('col_total')}</th><th scope="col" class="num">${t('col_approved')}</th>
          <th scope="col" class="num" aria-sort="descending">${t('col_overdue')}</th>
          ${this.showClosed ? html`<th scope="col" class="num">${t('state_closed')}</th>` : nothing}
          <th scope="col" class="num">${t('col_rate')}</th>
          <th scope="col">${t('filter_light')}</th>
        </tr></thead>
        <tbody>${repeat(
          rows,
          (unit) => unit.id,
          (unit) => this.renderRow(unit),
        )}</tbody>
      </table>
      ${rows.length === 0 ? html`<p class="empty">${t('noTasks')}</p>` : nothing}
      <nav class="pager" aria-label=${t('dash_units')}>
        <button type="button" ?disabled=${page === 0} @click=${() => {
          this.page = page - 1
        }}>${t('pagePrev')}</button>
        <span aria-live="polite">${fill(t('pageOf'), { page: page + 1, pages, n: this.filtered.length })}</span>
        <button type="button" ?disabled=${page >= pages - 1} @click=${() => {
          this.page = page + 1
        }}>${t('pageNext')}</button>
      </nav>
    `
  }
}
