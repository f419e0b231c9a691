/**
 * One unit's assessment report for a year: every item with its weight, score and explanation
 * (value, target, gap, steps, points deducted, cap), the base, bonus and total, the grade band
 * and what it brings (全额拨付, 扣减 10% …), the consequences recorded at publication with
 * links to the 整改 tasks, and the trend over earlier years (a table, and a line chart loaded
 * on demand). Prints on its own (the print rules hide navigation and buttons); downloads as Excel.
 *
 * @summary The unit report page (`#/plans/<planId>/assessments/<assessmentId>/<year>/units/<unitId>`).
 * @csspart items - The item table.
 * @csspart chart - The trend chart (hidden from assistive technology; the trend table says the same).
 */
import { html, LitElement, nothing } from 'lit'
import type { PropertyValues } from 'lit'
import { ChartController } from '../../chart-controller.ts'
import { ApiError, call, client, pathParams } from '../../api.ts'
import { locale, pick, t, tOf } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import {
  assessmentHref,
  assessmentPath,
  effectText,
  totalNote,
  explanationRows,
  formatDecimal,
  formatInstant,
  gradeRange,
  gradeTone,
  itemScoreText,
  missingNames,
  scoreText,
} from '../assessment-format/assessment-format.ts'
import { m } from '../assessment-format/assessment-messages.ts'
import { crumbs, gradeBadge } from '../assessment-format/assessment-parts.ts'
import type { ItemScore, UnitReport } from '../assessment-format/assessment-types.ts'
import { loadInputNames } from '../assessment-format/input-names.ts'
import { trendChartData } from './assessment-report.option.ts'
import styles from './assessment-report.styles.ts'

export class LsAssessmentReport extends LitElement {
  static override styles = styles
  static override properties = {
    planId: { attribute: 'plan-id' },
    assessmentId: { attribute: 'assessment-id' },
    year: { type: Number },
    unitId: { attribute: 'unit-id' },
    report: { state: true },
    names: { state: true },
    error: { state: true },
  }

  declare planId: string
  declare assessmentId: string
  declare year: number
  declare unitId: string
  declare report: UnitReport | null
  /** Data input names by id, to list missing data by name. */
  declare names: ReadonlyMap<string, string>
  declare error: string

  private loaded = ''
  private chart = new ChartController(this, () => import('./assessment-report.chart.ts'))

  constructor() {
    super()
    this.addController(new LocaleController(this, () => this.redraw()))
    this.planId = ''
    this.assessmentId = ''
    this.year = 0
    this.unitId = ''
    this.report = null
    this.names = new Map()
    this.error = ''
  }

  private get path(): string {
    return assessmentPath(this.planId, this.assessmentId, this.year, this.unitId)
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const key = `${this.planId}/${this.assessmentId}/${this.year}/${this.unitId}`
    if (this.planId && this.unitId && this.year && key !== this.loaded) {
      this.loaded = key
      this.report = null
      void this.load(key)
      if (changed.has('planId'))
        void loadInputNames(this.planId).then((names) => {
          this.names = names
        })
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('report')) this.redraw()
  }

  private async load(key: string): Promise<void> {
    this.error = ''
    try {
      const report = await call(
        client.plans[':id'].assessments[':assessmentId'].runs[':year'].units[':unitId'].$get({
          param: pathParams({
            id: this.planId,
            assessmentId: this.assessmentId,
            year: String(this.year),
            unitId: this.unitId,
          }),
        }),
      )
      if (this.loaded === key) this.report = report
    } catch (error) {
      if (this.loaded === key)
        this.error = error instanceof ApiError ? pick(error.text) : String(error)
    }
  }

  /** Draws the trend chart; a chart that fails leaves the table, which says the same, in place. */
  private redraw(): void {
    const report = this.report
    if (!report) return
    const trend = trendChartData(report)
    this.chart.draw(
      (charts, element) => charts.createTrendChart(element),
      (charts) => charts.trendOption(trend),
    )
  }

  private itemName(id: string): string {
    return this.report?.assessment.items.find((item) => item.id === id)?.name ?? id
  }

  private renderSummary(report: UnitReport) {
    const { score, assessment } = report
    const grade = assessment.grades.find((candidate) => candidate.id === score.grade?.id)
    const stat = (label: string, value: string | null, extra: unknown = nothing) => {
      const shown = scoreText(value)
      return html`<div><dt>${label}</dt><dd class=${shown.missing ? 'missing' : ''}>${shown.text}${extra}</dd></div>`
    }
    return html`<section aria-labelledby="summary-title">
      <h3 id="summary-title">${m('summary')}</h3>
      <dl class="stats">
        ${stat(m('base'), score.base)}
        ${stat(m('bonus'), score.bonus, score.bonusCapApplied ? html`<small>${m('bonusCapped')}</small>` : nothing)}
        ${stat(m('total'), score.total, html`<small>${totalNote(score, assessment.totalScore)}</small>`)}
        <div><dt>${m('grade')}</dt><dd>${gradeBadge(gradeTone(assessment.grades, score.grade?.id), score.grade?.name)}</dd></div>
      </dl>
      ${score.vetoedBy ? html`<p><span class="veto">${m('vetoBy', { item: this.itemName(score.vetoedBy) })}</span></p>` : nothing}
      ${!score.complete ? html`<p class="error">${m('incomplete', { list: missingNames(score.missing, this.names) })}</p>` : nothing}
      ${grade ? html`<p>${m('gradeBand', { grade: grade.name, range: gradeRange(grade) })}</p>` : nothing}
      ${
        score.effects.length
          ? html`<h4>${m('effects')}</h4><ul class="effects">${score.effects.map((effect) => html`<li>${effectText(effect)}</li>`)}</ul>`
          : nothing
      }
    </section>`
  }

  private renderItem(item: ItemScore) {
    const shown = itemScoreText(item)
    const rows = explanationRows(item)
    const measures = item.kind === 'deduct' && rows.length > 0
    return html`<tr>
      <th scope="row">${item.name}<div class="muted">${m(`kind_${item.kind}`)}</div></th>
      <td class="num">${item.weight === null ? '' : formatDecimal(item.weight)}</td>
      <td class="num ${shown.missing ? 'missing' : ''}">${shown.text}</td>
      <td class="explanation">
        <p>${pick(item.explanation)}</p>
        ${item.capApplied ? html`<p class="cap">${m('capApplied', { cap: formatDecimal(item.cap ?? item.weight ?? '0') })}</p>` : nothing}
        ${item.missing.length ? html`<p class="missing">${m('missingList', { list: missingNames(item.missing, this.names) })}</p>` : nothing}
        ${
          measures
            ? html`<table class="measures">
              <thead><tr>
                <th scope="col">${m('indicator')}</th><th scope="col" class="num">${m('value')}</th><th scope="col">${m('target')}</th>
                <th scope="col" class="num">${m('gap')}</th><th scope="col" class="num">${m('steps')}</th><th scope="col" class="num">${m('deducted')}</th>
              </tr></thead>
              <tbody>${rows.map(
                (row) => html`<tr>
                <td>${row.label}</td><td class="num ${row.missing ? 'missing' : ''}">${row.value}</td><td>${row.target}</td>
                <td class="num ${row.met ? 'met' : ''}">${row.gap}</td><td class="num">${row.steps}</td><td class="num">${row.deducted}</td>
              </tr>`,
              )}</tbody>
            </table>`
            : nothing
        }
      </td>
    </tr>`
  }

  private renderItems(report: UnitReport) {
    const { score } = report
    const total = (label: string, value: string | null) => {
      const shown = scoreText(value)
      return html`<tr class="sum"><th scope="row" colspan="2">${label}</th><td class="num ${shown.missing ? 'missing' : ''}">${shown.text}</td><td></td></tr>`
    }
    return html`<section aria-labelledby="items-title">
      <h3 id="items-title">${m('items')}</h3>
      <div class="table-wrap"><table part="items" class="items">
        <thead><tr>
          <th scope="col">${m('item')}</th><th scope="col" class="num">${m('weight')}</th><th scope="col" class="num">${m('score')}</th><th scope="col">${m('explanation')}</th>
        </tr></thead>
        <tbody>${score.items.map((item) => this.renderItem(item))}</tbody>
        <tfoot>${total(m('base'), score.base)} ${total(m('bonus'), score.bonus)} ${total(m('total'), score.total)}</tfoot>
      </table></div>
    </section>`
  }

  private renderConsequences(report: UnitReport) {
    const recorded = report.consequences
    const states = new Map(report.rectifications.map((task) => [task.id, task]))
    return html`<section aria-labelledby="consequences-title">
      <h3 id="consequences-title">${m('consequences')}</h3>
      ${
        !recorded
          ? html`<p class="muted">${m('notPublished')}</p>`
          : html`
            <p>${gradeBadge(gradeTone(report.assessment.grades, recorded.grade?.id), recorded.grade?.name)}
              <span class="muted">${m('recordedAt', { at: formatInstant(recorded.recordedAt) })}</span></p>
            ${recorded.vetoedBy ? html`<p><span class="veto">${m('vetoBy', { item: this.itemName(recorded.vetoedBy) })}</span></p>` : nothing}
            <ul class="effects">${recorded.effects.length ? recorded.effects.map((effect) => html`<li>${effectText(effect)}</li>`) : html`<li>${m('noEffects')}</li>`}</ul>
            <h4>${m('rectifications')}</h4>
            ${
              recorded.rectificationTasks.length === 0
                ? html`<p class="muted">${m('noRectifications')}</p>`
                : html`<ul class="tasks">${recorded.rectificationTasks.map((task) => {
                    const current = states.get(task.id)
                    const due = current?.dueOn ?? task.dueOn
                    return html`<li>
                    <a href=${`#/tasks/${encodeURIComponent(task.id)}`}>${m('rectifyItem', { item: this.itemName(task.item) })}</a>
                    ${current ? html`<span class="badge">${tOf('state_', current.state)}</span>` : nothing}
                    <span class="muted">${due ? m('dueOn', { date: due }) : m('noDue')}</span>
                  </li>`
                  })}</ul>`
            }
          `
      }
    </section>`
  }

  private renderTrend(report: UnitReport) {
    const points = report.trend
    return html`<section aria-labelledby="trend-title">
      <h3 id="trend-title">${m('trend')}</h3>
      ${points.length > 1 ? html`<div part="chart" class="chart" aria-hidden="true"></div>` : nothing}
      <div class="table-wrap"><table>
        <thead><tr><th scope="col">${m('year')}</th><th scope="col">${m('status')}</th><th scope="col" class="num">${m('total')}</th><th scope="col">${m('grade')}</th></tr></thead>
        <tbody>${points.map((point) => {
          const shown = scoreText(point.total)
          const current = point.year === report.run.year
          return html`<tr class=${current ? 'current' : ''}>
            <th scope="row">${current ? m('yearLabel', { year: point.year }) : html`<a href=${assessmentHref(this.planId, this.assessmentId, point.year, this.unitId)}>${m('yearLabel', { year: point.year })}</a>`}</th>
            <td>${m(`status_${point.status}`)}</td>
            <td class="num ${shown.missing ? 'missing' : ''}">${shown.text}</td>
            <td>${gradeBadge(gradeTone(report.assessment.grades, point.grade?.id), point.grade?.name)}</td>
          </tr>`
        })}</tbody>
      </table></div>
      ${points.length <= 1 ? html`<p class="muted">${m('noTrend')}</p>` : nothing}
    </section>`
  }

  override render() {
    const report = this.report
    const trail = crumbs([
      { label: m('dashboard'), href: `#/plans/${encodeURIComponent(this.planId)}` },
      { label: m('list'), href: assessmentHref(this.planId, this.assessmentId) },
      {
        label: m('yearLabel', { year: this.year }),
        href: assessmentHref(this.planId, this.assessmentId, this.year),
      },
      { label: report?.unit.name ?? this.unitId },
    ])
    if (!report)
      return html`${trail}${this.error ? html`<p class="error" role="alert">${this.error}</p>` : html`<p class="muted" aria-live="polite">${t('loading')}</p>`}`
    return html`
      ${trail}
      <div class="head">
        <h2>${m('reportTitle', { unit: report.unit.name, year: report.run.year })}</h2>
        <span class="badge status-${report.run.status}">${m(`status_${report.run.status}`)}</span>
        <span class="tools">
          <a class="button" href=${`${this.path}/report.xlsx`} download>${m('download')}</a>
          <button type="button" @click=${() => window.print()}>${m('print')}</button>
        </span>
      </div>
      <p class="muted">${report.assessment.name} · ${m('assessor')}${locale() === 'zh' ? '：' : ': '}${report.assessment.assessor.map((unit) => unit.name).join('、')}</p>
      ${this.renderSummary(report)} ${this.renderItems(report)} ${this.renderConsequences(report)} ${this.renderTrend(report)}
    `
  }
}
