/**
 * A plan's indicators against their targets, year by year, for the region, a group of units or
 * one unit: grouped by category, each with a small line chart (ECharts, loaded with `import()`
 * and drawn only once its card scrolls into view), its direction (越高越好 / 越低越好) and a
 * table of the same figures for screen readers and tests. A year without a value is 未填报,
 * never plotted as 0. Users who may enter data get a link to the import page.
 *
 * @summary Indicator trend charts (on the dashboard).
 * @csspart tools - The scope selector, the legend and the import link.
 * @csspart card - One indicator's card.
 */
import { html, LitElement, nothing } from 'lit'
import type { PropertyValues } from 'lit'
import { repeat } from 'lit/directives/repeat.js'
import type { EChartsType } from 'echarts/core'
import { ApiError, call, client, pathParams } from '../../api.ts'
import type { IndicatorTrends } from '../../api-types.ts'
import { locale, pick } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import {
  byCategory,
  formatTarget,
  inferredLine,
  formatValue,
  isEmptySeries,
  latestPoint,
  tally,
  targetOf,
  trendText,
} from './trend-format.ts'
import type { TrendIndicator, TrendPoint } from './trend-format.ts'
import { isYesNo, splitByYear, yesNo } from './trend-fit.ts'
import styles from './indicator-trends.styles.ts'
import { LatestOnly } from '../../latest-only.ts'

type ChartModule = typeof import('./indicator-trends.chart.ts')

const ARROWS: Record<string, string> = { 'higher-is-better': '↑', 'lower-is-better': '↓' }

export class LsIndicatorTrends extends LitElement {
  static override styles = styles
  static override properties = {
    planId: { attribute: 'plan-id' },
    year: { type: Number },
    data: { state: true },
    error: { state: true },
    busy: { state: true },
    canImport: { state: true },
  }

  /** The plan whose indicators are shown. */
  declare planId: string
  /**
   * The year shown first (the plan's today): indicators with a value or a target in it come
   * first, the others fold below. 0 shows every indicator in the config's order.
   */
  declare year: number
  /** The latest answer of `/api/plans/:id/indicators`; null before it (or when the plan has none). */
  declare data: IndicatorTrends | null
  declare error: string
  /** True while another scope loads (the previous figures stay until it answers). */
  declare busy: boolean
  /** True when the user may enter values for some unit of the plan. */
  declare canImport: boolean

  readonly #loads = new LatestOnly()
  #chartModule: Promise<ChartModule> | undefined
  /** Charts drawn, by their element; each element carries its indicator id in `data-id`. */
  readonly #charts = new Map<HTMLElement, EChartsType>()
  #visibility: IntersectionObserver | undefined
  readonly #resize = new ResizeObserver((entries) => {
    for (const entry of entries) this.#charts.get(entry.target as HTMLElement)?.resize()
  })

  constructor() {
    super()
    this.addController(new LocaleController(this, () => this.redrawAll()))
    this.planId = ''
    this.year = 0
    this.data = null
    this.error = ''
    this.busy = false
    this.canImport = false
  }

  override connectedCallback(): void {
    super.connectedCallback()
    // Charts were disposed on disconnect: draw them again when the cards show.
    if (this.hasUpdated) void this.updateComplete.then(() => this.syncCharts())
  }

  override disconnectedCallback(): void {
    this.#visibility?.disconnect()
    this.#visibility = undefined
    this.#resize.disconnect()
    for (const chart of this.#charts.values()) chart.dispose()
    this.#charts.clear()
    super.disconnectedCallback()
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('planId')) {
      this.data = null
      this.error = ''
      this.canImport = false
      if (this.planId) {
        void this.load('region')
        void this.loadImportRight(this.planId)
      }
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('data')) this.syncCharts()
  }

  private async load(scope: string): Promise<void> {
    const current = this.#loads.begin()
    this.busy = true
    try {
      const answer = await call(
        client.plans[':id'].indicators.$get({
          param: pathParams({ id: this.planId }),
          query: { scope },
        }),
      )
      if (!current()) return
      // Anything but a list of indicators (an older server) shows as "no indicators".
      this.data = Array.isArray(answer?.indicators) && Array.isArray(answer.scopes) ? answer : null
      this.error = ''
    } catch (error) {
      if (!current()) return
      this.error = trendText('loadFailed', {
        message: error instanceof ApiError ? pick(error.text) : String(error),
      })
    } finally {
      if (current()) this.busy = false
    }
  }

  private async loadImportRight(planId: string): Promise<void> {
    try {
      const catalogue = await call(
        client.plans[':id']['indicator-values'].inputs.$get({ param: pathParams({ id: planId }) }),
      )
      if (planId === this.planId)
        this.canImport = (catalogue?.inputs?.length ?? 0) > 0 && (catalogue?.units?.length ?? 0) > 0
    } catch {
      // No right to enter data (or no such route): no link.
    }
  }

  /** Disposes charts whose card is gone and watches the cards not drawn yet; redraws the rest. */
  private syncCharts(): void {
    for (const [element, chart] of this.#charts) {
      if (!element.isConnected) {
        chart.dispose()
        this.#charts.delete(element)
        this.#resize.unobserve(element)
      }
    }
    for (const element of Array.from(this.renderRoot.querySelectorAll<HTMLElement>('.chart'))) {
      if (this.#charts.has(element)) this.draw(element)
      else this.watch(element)
    }
  }

  /** Draws a chart when its card comes near the viewport (at once where that cannot be known). */
  private watch(element: HTMLElement): void {
    if (typeof IntersectionObserver === 'undefined') return this.draw(element)
    this.#visibility ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue
          this.#visibility?.unobserve(entry.target)
          this.draw(entry.target as HTMLElement)
        }
      },
      { rootMargin: '200px 0px' },
    )
    this.#visibility.observe(element)
  }

  private redrawAll(): void {
    for (const element of this.#charts.keys()) this.draw(element)
  }

  /** Draws one chart; a chart that fails leaves its table, which says the same, in place. */
  private draw(element: HTMLElement): void {
    this.drawChart(element).catch((error: unknown) => console.warn('chart', error))
  }

  private async drawChart(element: HTMLElement): Promise<void> {
    this.#chartModule ??= import('./indicator-trends.chart.ts')
    const { createTrendChart, trendOption } = await this.#chartModule
    const indicator = this.data?.indicators.find((i) => i.id === element.dataset.id)
    if (!this.isConnected || !element.isConnected || !indicator) return
    let chart = this.#charts.get(element)
    if (!chart) {
      chart = createTrendChart(element)
      this.#charts.set(element, chart)
      this.#resize.observe(element)
    }
    chart.setOption(trendOption(indicator, this.data?.scope.kind), true)
  }

  private handleScope(event: Event): void {
    void this.load((event.target as HTMLSelectElement).value)
  }

  private renderTools(data: IndicatorTrends) {
    const groups = data.scopes.filter((scope) => scope.kind === 'group')
    const units = data.scopes.filter((scope) => scope.kind === 'unit')
    const option = (scope: IndicatorTrends['scopes'][number]) =>
      html`<option value=${scope.id} ?selected=${scope.id === data.scope.id}>${scope.kind === 'region' ? trendText('scopeRegion', { name: scope.name }) : scope.name}</option>`
    return html`<div class="tools" part="tools">
      <label>${trendText('scope')}
        <select @change=${this.handleScope} ?disabled=${data.scopes.length < 2}>
          ${data.scopes.filter((scope) => scope.kind === 'region').map(option)}
          ${groups.length ? html`<optgroup label=${trendText('scopeGroups')}>${groups.map(option)}</optgroup>` : nothing}
          ${units.length ? html`<optgroup label=${trendText('scopeUnits')}>${units.map(option)}</optgroup>` : nothing}
        </select>
      </label>
      <span class="legend" aria-hidden="true">
        <span><i class="dot met"></i>${trendText('status_met')}</span>
        <span><i class="dot not-met"></i>${trendText('status_not-met')}</span>
        <span><i class="dot no-target"></i>${trendText('status_no-target')}</span>
        <span><i class="dash"></i>${trendText('target')}</span>
      </span>
      ${this.canImport ? html`<a class="import" href="#/plans/${encodeURIComponent(this.planId)}/indicators/import">${trendText('importLink')}</a>` : nothing}
    </div>`
  }

  private renderFigures(indicator: TrendIndicator, members: number) {
    const unit = indicator.unit
    const cell = (point: TrendPoint, text: string) => html`<td class=${point.status}>${text}</td>`
    const status = (point: TrendPoint) =>
      point.status === 'not-met' && point.gap !== null
        ? locale() === 'zh'
          ? `${trendText('status_not-met')}（${trendText('gap')} ${formatValue(point.gap, unit)}）`
          : `${trendText('status_not-met')} (${trendText('gap').toLowerCase()} ${formatValue(point.gap, unit)})`
        : trendText(`status_${point.status}`)
    return html`<table class="figures">
      <caption class="visually-hidden">${trendText('tableOf', { name: indicator.name })}</caption>
      <thead><tr><th scope="col">${trendText('year')}</th>${indicator.series.map((point) => html`<th scope="col">${point.year}</th>`)}</tr></thead>
      <tbody>
        <tr><th scope="row">${trendText('value')}</th>${indicator.series.map(
          (point) =>
            html`<td class=${point.status}>${point.value === null ? trendText('status_missing') : this.valueText(indicator, point.value)}${
              point.partial
                ? html`<span class="partial">${trendText('partial', { n: point.reporting, m: members })}</span>`
                : nothing
            }</td>`,
        )}</tr>
        <tr><th scope="row">${trendText('target')}</th>${indicator.series.map((point) => {
          const target = targetOf(indicator, point)
          return cell(point, target ? this.targetText(indicator, target) : '—')
        })}</tr>
        <tr><th scope="row">${trendText('status')}</th>${indicator.series.map((point) => cell(point, status(point)))}</tr>
      </tbody>
    </table>`
  }

  private valueText(indicator: TrendIndicator, value: string): string {
    return isYesNo(indicator) ? (yesNo(value)?.text ?? value) : formatValue(value, indicator.unit)
  }

  private targetText(indicator: TrendIndicator, target: NonNullable<TrendPoint['target']>) {
    return isYesNo(indicator)
      ? (yesNo(target.value)?.text ?? target.value)
      : formatTarget(target, indicator.unit)
  }

  /** A yes/no indicator: each year's 是 / 否 as a badge, with the year's target — no chart. */
  private renderYesNo(indicator: TrendIndicator) {
    return html`<ul class="yes-no" aria-label=${indicator.name}>${indicator.series.map((point) => {
      const answer = yesNo(point.value)
      const target = targetOf(indicator, point)
      return html`<li>
        <span class="year">${point.year}</span>
        <b class="answer ${answer ? (answer.yes ? 'yes' : 'no') : 'missing'}" data-answer=${answer ? (answer.yes ? 'yes' : 'no') : 'missing'}>${answer ? answer.text : trendText('status_missing')}</b>
        ${target ? html`<small>${trendText('target')} ${this.targetText(indicator, target)}</small>` : nothing}
      </li>`
    })}</ul>`
  }

  private renderCard(indicator: TrendIndicator, members: number) {
    const latest = latestPoint(indicator)
    const headingId = `indicator-${indicator.id}`
    const direction = indicator.direction
    return html`<article class="card" part="card" aria-labelledby=${headingId} data-indicator=${indicator.id}>
      <header>
        <h5 id=${headingId}>${indicator.name}${indicator.unit ? html`<span class="measure">（${indicator.unit}）</span>` : nothing}</h5>
        ${latest ? html`<span class="badge ${latest.status}${latest.partial ? ' partial' : ''}" title=${`${trendText('latest')} ${latest.year}${latest.partial ? ` · ${trendText('partial', { n: latest.reporting, m: members })}` : ''}`}>${latest.year} ${trendText(`status_${latest.status}`)}${latest.partial ? '*' : ''}</span>` : nothing}
      </header>
      ${direction in ARROWS ? html`<p class="direction ${direction}">${ARROWS[direction]} ${trendText(`direction_${direction}`)}</p>` : nothing}
      ${inferredLine(indicator) ? html`<p class="inferred">${inferredLine(indicator)}</p>` : nothing}
      ${
        isYesNo(indicator)
          ? this.renderYesNo(indicator)
          : isEmptySeries(indicator)
            ? html`<p class="empty">${trendText('nothingReported')}</p>`
            : html`<div class="chart" data-id=${indicator.id} aria-hidden="true" title=${trendText('chartOf', { name: indicator.name })}></div>`
      }
      ${this.renderFigures(indicator, members)}
    </article>`
  }

  private renderCategories(indicators: readonly TrendIndicator[], members: number) {
    return repeat(
      byCategory(indicators),
      (group) => group.category ?? '',
      (
        group,
      ) => html`<section class="category" aria-label=${group.category ?? trendText('otherCategory')}>
        <h4>${group.category ?? trendText('otherCategory')}</h4>
        <div class="grid">${repeat(
          group.indicators,
          (indicator) => indicator.id,
          (indicator) => this.renderCard(indicator, members),
        )}</div>
      </section>`,
    )
  }

  override render() {
    const data = this.data
    if (this.error && !data) return html`<p class="error" role="alert">${this.error}</p>`
    if (!data)
      return html`<p class="muted" aria-live="polite">${this.busy ? pick({ zh: '加载中…', en: 'Loading…' }) : trendText('noIndicators')}</p>`
    const counts = tally(data.indicators)
    const { current, rest } = splitByYear(data.indicators, this.year || null)
    const rolledUp =
      data.scope.kind !== 'unit' && data.scope.members > 0
        ? ` · ${trendText('rolledUp', { n: data.scope.members })}`
        : ''
    return html`
      ${this.renderTools(data)}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        data.indicators.length === 0
          ? html`<p class="muted">${trendText('noIndicators')}</p>`
          : html`<p class="tally" role="status" aria-busy=${this.busy ? 'true' : 'false'}>
              <strong>${data.scope.name}</strong>${locale() === 'zh' ? '：' : ': '}${trendText('tally', { n: data.indicators.length, met: counts.met, notMet: counts.notMet, noTarget: counts.noTarget, missing: counts.missing })}${counts.invalid ? trendText('invalidTally', { n: counts.invalid }) : ''}${counts.partial ? trendText('partialTally', { n: counts.partial }) : ''}${rolledUp}
            </p>
            ${this.renderCategories(current, data.scope.members)}
            ${
              rest.length
                ? html`<details class="rest" @toggle=${() => this.syncCharts()}>
                    <summary>${pick({ zh: `其余 ${rest.length} 项指标（${this.year} 年无数值、无目标）`, en: `${rest.length} more indicators (no value or target in ${this.year})` })}</summary>
                    ${this.renderCategories(rest, data.scope.members)}
                  </details>`
                : nothing
            }`
      }
    `
  }
}
