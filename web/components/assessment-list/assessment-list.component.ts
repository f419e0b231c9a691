/**
 * A plan's assessments: for each, who assesses whom and how, the grades and what each brings,
 * every year computed so far with its status (computed → reviewed → published) and a link to
 * its results, and — for the assessor and the units it works with — a form to compute a year.
 *
 * @summary The assessments page (`#/plans/<planId>/assessments`).
 * @csspart assessment - One assessment's panel.
 */
import { html, LitElement, nothing } from 'lit'
import type { PropertyValues } from 'lit'
import { ApiError, call, client, pathParams } from '../../api.ts'
import type { PlanDetail } from '../../api-types.ts'
import { pick, t } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import { navigate } from '../../router.ts'
import {
  assessmentHref,
  effectText,
  formatInstant,
  gradeRange,
  gradeTone,
} from '../assessment-format/assessment-format.ts'
import { m } from '../assessment-format/assessment-messages.ts'
import { crumbs, gradeBadge } from '../assessment-format/assessment-parts.ts'
import type { AssessmentList, AssessmentSummary } from '../assessment-format/assessment-types.ts'
import styles from './assessment-list.styles.ts'

function message(error: unknown): string {
  return error instanceof ApiError ? pick(error.text) : String(error)
}

/** The year the compute form suggests: the latest year not yet published, else the next one. */
export function suggestedYear(
  assessment: Pick<AssessmentSummary, 'runs'>,
  startedAt: string | undefined,
): number {
  const latest = assessment.runs.reduce<AssessmentSummary['runs'][number] | undefined>(
    (best, run) => (!best || run.year > best.year ? run : best),
    undefined,
  )
  if (latest) return latest.status === 'published' ? latest.year + 1 : latest.year
  return startedAt ? new Date(startedAt).getFullYear() : new Date().getFullYear()
}

export class LsAssessmentList extends LitElement {
  static override styles = styles
  static override properties = {
    planId: { attribute: 'plan-id' },
    assessmentId: { attribute: 'assessment-id' },
    plan: { state: true },
    list: { state: true },
    error: { state: true },
    years: { state: true },
    busy: { state: true },
    failures: { state: true },
  }

  /** The plan whose assessments are shown. */
  declare planId: string
  /** An assessment to bring into view (`#/plans/<id>/assessments/<assessmentId>`). */
  declare assessmentId: string
  declare plan: PlanDetail | null
  declare list: AssessmentList['assessments'] | null
  declare error: string
  /** The year typed into each assessment's compute form, by assessment id. */
  declare years: Record<string, string>
  /** The assessment being computed, or ''. */
  declare busy: string
  /** The compute error of each assessment, shown in its panel. */
  declare failures: Record<string, string>

  private loaded = ''

  constructor() {
    super()
    this.addController(new LocaleController(this))
    this.planId = ''
    this.assessmentId = ''
    this.plan = null
    this.list = null
    this.error = ''
    this.years = {}
    this.busy = ''
    this.failures = {}
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('planId') && this.planId && this.planId !== this.loaded)
      void this.load(this.planId)
  }

  protected override updated(changed: PropertyValues<this>): void {
    if ((changed.has('list') || changed.has('assessmentId')) && this.list && this.assessmentId) {
      this.renderRoot
        .querySelector(`#assessment-${CSS.escape(this.assessmentId)}`)
        ?.scrollIntoView({ block: 'start' })
    }
  }

  private async load(planId: string): Promise<void> {
    this.loaded = planId
    this.list = null
    this.error = ''
    const param = pathParams({ id: planId })
    try {
      const [plan, list] = await Promise.all([
        call(client.plans[':id'].$get({ param })),
        call(client.plans[':id'].assessments.$get({ param })),
      ])
      if (this.loaded !== planId) return
      this.plan = plan
      this.list = list.assessments
      this.years = Object.fromEntries(
        list.assessments.map((assessment) => [
          assessment.id,
          String(suggestedYear(assessment, plan.plan.started_at)),
        ]),
      )
    } catch (error) {
      if (this.loaded === planId) this.error = message(error)
    }
  }

  private async handleCompute(event: SubmitEvent, assessment: AssessmentSummary): Promise<void> {
    event.preventDefault()
    const text = (this.years[assessment.id] ?? '').trim()
    if (!/^\d{4}$/.test(text)) {
      this.failures = { ...this.failures, [assessment.id]: m('yearInvalid') }
      return
    }
    this.busy = assessment.id
    this.failures = { ...this.failures, [assessment.id]: '' }
    try {
      const result = await call(
        client.plans[':id'].assessments[':assessmentId'].runs.$post({
          param: pathParams({ id: this.planId, assessmentId: assessment.id }),
          json: { year: Number(text) },
        }),
      )
      navigate(assessmentHref(this.planId, assessment.id, result.run.year).slice(1))
    } catch (error) {
      this.failures = { ...this.failures, [assessment.id]: message(error) }
    } finally {
      this.busy = ''
    }
  }

  private renderComputeForm(assessment: AssessmentSummary) {
    if (!assessment.may.compute) return nothing
    const year = this.years[assessment.id] ?? ''
    const failure = this.failures[assessment.id]
    return html`<form class="actions no-print" @submit=${(event: SubmitEvent) => this.handleCompute(event, assessment)}>
        <label>${m('computeYear')}
          <input type="number" min="2000" max="2100" step="1" required .value=${year}
            @input=${(event: InputEvent) => {
              this.years = {
                ...this.years,
                [assessment.id]: (event.target as HTMLInputElement).value,
              }
            }} />
        </label>
        <button type="submit" class="primary" ?disabled=${this.busy === assessment.id}>
          ${this.busy === assessment.id ? m('computing') : m('compute', { year: /^\d{4}$/.test(year.trim()) ? year.trim() : '…' })}
        </button>
      </form>
      ${failure ? html`<p class="error" role="alert">${failure}</p>` : nothing}`
  }

  private renderRuns(assessment: AssessmentSummary) {
    if (assessment.runs.length === 0) return html`<p class="muted">${m('noRuns')}</p>`
    return html`<div class="table-wrap"><table class="runs">
      <caption>${m('runs')}</caption>
      <thead><tr>
        <th scope="col">${m('year')}</th><th scope="col">${m('status')}</th><th scope="col">${m('computedAt')}</th>
        <th scope="col">${m('reviewedAt')}</th><th scope="col">${m('publishedAt')}</th>
      </tr></thead>
      <tbody>${assessment.runs.map(
        (run) => html`<tr>
        <th scope="row"><a href=${assessmentHref(this.planId, assessment.id, run.year)}>${m('openRun', { year: run.year })}</a></th>
        <td><span class="badge status-${run.status}">${m(`status_${run.status}`)}</span> <span class="muted">${m('version', { n: run.version })}</span></td>
        <td data-label=${m('computedAt')}>${formatInstant(run.computedAt)}</td>
        <td data-label=${m('reviewedAt')}>${formatInstant(run.reviewedAt)}${run.reviewNote ? html`<div class="muted">${run.reviewNote}</div>` : nothing}</td>
        <td data-label=${m('publishedAt')}>${formatInstant(run.publishedAt)}</td>
      </tr>`,
      )}</tbody>
    </table></div>`
  }

  private renderGrades(assessment: AssessmentSummary) {
    return html`<details>
      <summary>${m('grades')}</summary>
      <div class="table-wrap"><table>
        <thead><tr><th scope="col">${m('grade')}</th><th scope="col">${m('range')}</th><th scope="col">${m('effects')}</th></tr></thead>
        <tbody>${assessment.grades.map(
          (grade) => html`<tr>
          <th scope="row">${gradeBadge(gradeTone(assessment.grades, grade.id), grade.name)}</th>
          <td>${gradeRange(grade)}</td>
          <td>${grade.effects.length ? grade.effects.map((effect) => html`<div>${effectText(effect)}</div>`) : m('noEffects')}</td>
        </tr>`,
        )}</tbody>
      </table></div>
    </details>`
  }

  private renderAssessment(assessment: AssessmentSummary) {
    const names = (units: ReadonlyArray<{ name: string }>) =>
      units.map((unit) => unit.name).join('、')
    return html`<section part="assessment" id=${`assessment-${assessment.id}`} aria-labelledby=${`title-${assessment.id}`}>
      <h3 id=${`title-${assessment.id}`}>${assessment.name}</h3>
      <dl class="facts">
        <dt>${m('assessor')}</dt><dd>${names(assessment.assessor)}${assessment.with.length ? html`<span class="muted">（${m('with')} ${names(assessment.with)}）</span>` : nothing}</dd>
        <dt>${m('subjects')}</dt><dd>${m('subjectsCount', { n: assessment.subjects })}</dd>
        <dt>${m('totalScore')}</dt><dd>${assessment.totalScore}</dd>
        ${assessment.due ? html`<dt>${m('due')}</dt><dd>${assessment.due}</dd>` : nothing}
        ${assessment.method ? html`<dt>${m('method')}</dt><dd>${assessment.method}</dd>` : nothing}
      </dl>
      ${this.renderGrades(assessment)}
      ${this.renderRuns(assessment)}
      ${this.renderComputeForm(assessment)}
    </section>`
  }

  override render() {
    const planName = this.plan?.plan.name ?? ''
    return html`
      ${crumbs([{ label: m('dashboard'), href: `#/plans/${encodeURIComponent(this.planId)}` }, { label: m('list') }])}
      <div class="head"><h2>${m('list')}</h2>${planName ? html`<span class="muted">${planName}</span>` : nothing}</div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.list === null && !this.error ? html`<p class="muted" aria-live="polite">${t('loading')}</p>` : nothing}
      ${this.list?.length === 0 ? html`<p class="muted">${m('none')}</p>` : nothing}
      ${this.list?.map((assessment) => this.renderAssessment(assessment))}
    `
  }
}
