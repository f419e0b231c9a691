/**
 * One year of an assessment: every unit's base, bonus and total, its grade in colour, a veto
 * marked as such and missing data listed by name (never scored as 0), the count by grade, and
 * — for the assessor — review (with a note), publish and recompute, with the server's refusals
 * shown in place. A unit sees its own row only. The results download as Excel.
 *
 * @summary The results page (`#/plans/<planId>/assessments/<assessmentId>/<year>`).
 * @csspart results - The results table.
 */
import { html, LitElement, nothing } from 'lit'
import type { PropertyValues } from 'lit'
import { ApiError, call, client, pathParams } from '../../api.ts'
import { locale, pick, t } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import {
  assessmentHref,
  assessmentPath,
  effectText,
  formatInstant,
  gradeTone,
  hasBonus,
  missingNames,
  scoreText,
} from '../assessment-format/assessment-format.ts'
import { m } from '../assessment-format/assessment-messages.ts'
import { crumbs, gradeBadge } from '../assessment-format/assessment-parts.ts'
import type { RunResult, RunView } from '../assessment-format/assessment-types.ts'
import { loadInputNames } from '../assessment-format/input-names.ts'
import styles from './assessment-run.styles.ts'

/** An action's failure: the server's message and, for incomplete data, one line per unit. */
export interface ActionFailure {
  text: string
  issues: string[]
}

/**
 * Turns an API refusal into text; `/units/<id>` pointers name the unit. The server's message for
 * incomplete data already lists every unit and reason (for API callers), which the issues list
 * again: the page says it once, a short summary above the list by unit.
 */
export function actionFailure(error: unknown, unitName: (id: string) => string): ActionFailure {
  if (!(error instanceof ApiError)) return { text: String(error), issues: [] }
  const issues = (error.details.issues ?? []).map((issue) => {
    const unit = /^\/units\/(.+)$/.exec(issue.pointer)?.[1]
    return unit
      ? `${unitName(decodeURIComponent(unit))}${locale() === 'zh' ? '：' : ': '}${pick(issue.message)}`
      : pick(issue.message)
  })
  const text =
    error.code === 'assessment-incomplete' && issues.length
      ? m('publishIncomplete', { n: issues.length })
      : pick(error.text)
  return { text, issues }
}

/** A total above full marks, which only a bonus brings: its cell says 含加分. */
function aboveFull(row: RunResult, totalScore: number): boolean {
  return row.total !== null && hasBonus(row) && Number(row.total) > totalScore
}

export class LsAssessmentRun extends LitElement {
  static override styles = styles
  static override properties = {
    planId: { attribute: 'plan-id' },
    assessmentId: { attribute: 'assessment-id' },
    year: { type: Number },
    view: { state: true },
    names: { state: true },
    error: { state: true },
    failure: { state: true },
    notice: { state: true },
    note: { state: true },
    busy: { state: true },
    confirming: { state: true },
  }

  declare planId: string
  declare assessmentId: string
  declare year: number
  declare view: RunView | null
  /** Data input names by id, to list missing data by name. */
  declare names: ReadonlyMap<string, string>
  declare error: string
  declare failure: ActionFailure | null
  declare notice: string
  declare note: string
  declare busy: boolean
  /** The publish confirmation is open: publishing cannot be undone, so it takes a second click. */
  declare confirming: boolean

  private loaded = ''

  constructor() {
    super()
    this.addController(new LocaleController(this))
    this.planId = ''
    this.assessmentId = ''
    this.year = 0
    this.view = null
    this.names = new Map()
    this.error = ''
    this.failure = null
    this.notice = ''
    this.note = ''
    this.busy = false
    this.confirming = false
  }

  private get path(): string {
    return assessmentPath(this.planId, this.assessmentId, this.year)
  }

  /** The year's routes, and the parameters that name this run in them. */
  private readonly run = client.plans[':id'].assessments[':assessmentId'].runs[':year']

  private get param() {
    return pathParams({ id: this.planId, assessmentId: this.assessmentId, year: String(this.year) })
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const key = `${this.planId}/${this.assessmentId}/${this.year}`
    if (
      (changed.has('planId') || changed.has('assessmentId') || changed.has('year')) &&
      this.planId &&
      this.year &&
      key !== this.loaded
    ) {
      this.loaded = key
      this.view = null
      this.failure = null
      this.notice = ''
      this.confirming = false
      void this.load(key)
      void this.loadNames()
    }
  }

  private async load(key: string): Promise<void> {
    this.error = ''
    try {
      const view = await call(this.run.$get({ param: this.param }))
      if (this.loaded === key) this.view = view
    } catch (error) {
      if (this.loaded === key)
        this.error = error instanceof ApiError ? pick(error.text) : String(error)
    }
  }

  private async loadNames(): Promise<void> {
    this.names = await loadInputNames(this.planId)
  }

  private unitName = (id: string): string =>
    this.view?.results.find((row) => row.unit.id === id)?.unit.name ?? id

  private itemName(id: string): string {
    return this.view?.assessment.items.find((item) => item.id === id)?.name ?? id
  }

  private async act(send: () => Promise<string>): Promise<void> {
    this.busy = true
    this.failure = null
    this.notice = ''
    try {
      const notice = await send()
      await this.load(this.loaded)
      this.notice = notice
    } catch (error) {
      this.failure = actionFailure(error, this.unitName)
    } finally {
      this.busy = false
    }
  }

  private handleReview = () =>
    this.act(async () => {
      await call(
        this.run.review.$post({
          param: this.param,
          json: this.note.trim() ? { note: this.note.trim() } : {},
        }),
      )
      this.note = ''
      return m('reviewed')
    })

  private askPublish = async () => {
    this.confirming = true
    this.failure = null
    this.notice = ''
    await this.updateComplete
    this.renderRoot.querySelector<HTMLButtonElement>('.confirm button.cancel')?.focus()
  }

  private cancelPublish = async () => {
    this.confirming = false
    await this.updateComplete
    this.renderRoot.querySelector<HTMLButtonElement>('button.publish')?.focus()
  }

  private handlePublish = () => {
    this.confirming = false
    return this.act(async () => {
      const result = await call(this.run.publish.$post({ param: this.param }))
      return m('published', { n: result.rectifications })
    })
  }

  private handleRecompute = () =>
    this.act(async () => {
      const result = await call(
        client.plans[':id'].assessments[':assessmentId'].runs.$post({
          param: pathParams({ id: this.planId, assessmentId: this.assessmentId }),
          json: { year: this.year },
        }),
      )
      return m('computed', { year: this.year, units: result.units, complete: result.complete })
    })

  private confirmKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') void this.cancelPublish()
  }

  private renderActions(view: RunView) {
    const { run, may } = view
    if (run.status === 'published') return nothing
    const review = may.review && run.status === 'computed'
    const publish = may.publish && run.status === 'reviewed'
    if (!review && !publish && !may.compute) return nothing
    return html`<section class="no-print" aria-labelledby="actions-title">
      <h3 id="actions-title">${m('actions')}</h3>
      <div class="actions">
        ${
          review
            ? html`<label>${m('reviewNoteLabel')}<textarea rows="2" .value=${this.note} @input=${(
                event: InputEvent,
              ) => {
                this.note = (event.target as HTMLTextAreaElement).value
              }}></textarea></label>
              <button type="button" class="primary" ?disabled=${this.busy} @click=${this.handleReview}>${m('reviewSubmit')}</button>`
            : nothing
        }
        ${publish ? html`<button type="button" class="primary publish" ?disabled=${this.busy || this.confirming} aria-expanded=${this.confirming ? 'true' : 'false'} @click=${this.askPublish}>${m('publish')}</button>` : nothing}
        ${may.compute ? html`<button type="button" ?disabled=${this.busy || this.confirming} @click=${this.handleRecompute}>${m('recompute')}</button>` : nothing}
      </div>
      ${
        publish && this.confirming
          ? html`<div class="confirm" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-text" @keydown=${this.confirmKey}>
            <p id="confirm-title"><strong>${m('publishConfirmTitle', { year: run.year })}</strong></p>
            <p id="confirm-text">${m('publishConfirmText')}</p>
            <div class="actions">
              <button type="button" class="primary danger" ?disabled=${this.busy} @click=${this.handlePublish}>${m('publishConfirm')}</button>
              <button type="button" class="cancel" ?disabled=${this.busy} @click=${this.cancelPublish}>${m('cancel')}</button>
            </div>
          </div>`
          : publish
            ? html`<p class="muted">${m('publishHint')}</p>`
            : nothing
      }
    </section>`
  }

  private renderCounts(view: RunView) {
    const grades = [...view.assessment.grades].sort((a, b) => b.min - a.min)
    const undecided = view.counts.grades.none ?? 0
    return html`<section aria-labelledby="counts-title">
      <h3 id="counts-title">${m('counts')}</h3>
      <dl class="counts">
        <div><dt>${m('countUnits')}</dt><dd>${view.counts.units}</dd></div>
        <div><dt>${m('countComplete')}</dt><dd>${view.counts.complete}</dd></div>
        ${grades.map((grade) => html`<div><dt>${gradeBadge(gradeTone(grades, grade.id), grade.name)}</dt><dd>${view.counts.grades[grade.id] ?? 0}</dd></div>`)}
        ${undecided ? html`<div><dt>${gradeBadge('none', m('countUndecided'))}</dt><dd>${undecided}</dd></div>` : nothing}
      </dl>
    </section>`
  }

  private renderRow(view: RunView, row: RunResult) {
    const cell = (value: string | null, note = '') => {
      const shown = scoreText(value)
      return html`<td class="num ${shown.missing ? 'missing' : ''}">${shown.text}${note ? html`<small class="note">${note}</small>` : nothing}</td>`
    }
    return html`<tr>
      <th scope="row"><a href=${assessmentHref(this.planId, this.assessmentId, this.year, row.unit.id)}>${row.unit.name}</a></th>
      ${cell(row.base)} ${cell(row.bonus)} ${cell(row.total, aboveFull(row, view.assessment.totalScore) ? m('aboveFull') : '')}
      <td>${gradeBadge(gradeTone(view.assessment.grades, row.grade?.id), row.grade?.name)}
        ${row.effects.length ? html`<div class="muted">${row.effects.map((effect) => effectText(effect)).join('；')}</div>` : nothing}</td>
      <td>${row.vetoedBy ? html`<span class="veto">${m('vetoBy', { item: this.itemName(row.vetoedBy) })}</span>` : nothing}</td>
      <td class=${row.missing.length ? 'missing' : ''}>${row.missing.length ? m('missingList', { list: missingNames(row.missing, this.names) }) : nothing}</td>
      <td>${row.failing.map((id) => this.itemName(id)).join('、')}</td>
    </tr>`
  }

  private renderResults(view: RunView) {
    return html`<section aria-labelledby="results-title">
      <div class="head">
        <h3 id="results-title">${m('results')}</h3>
        <a class="button" href=${`${this.path}/report.xlsx`} download>${m('download')}</a>
      </div>
      <div class="table-wrap"><table part="results">
        <thead><tr>
          <th scope="col">${m('unit')}</th><th scope="col" class="num">${m('base')}</th><th scope="col" class="num">${m('bonus')}</th>
          <th scope="col" class="num">${m('total')}</th><th scope="col">${m('grade')}</th><th scope="col">${m('veto')}</th>
          <th scope="col">${m('missing')}</th><th scope="col">${m('failing')}</th>
        </tr></thead>
        <tbody>${view.results.map((row) => this.renderRow(view, row))}</tbody>
      </table></div>
    </section>`
  }

  override render() {
    const view = this.view
    const trail = crumbs([
      { label: m('dashboard'), href: `#/plans/${encodeURIComponent(this.planId)}` },
      { label: m('list'), href: assessmentHref(this.planId, this.assessmentId) },
      { label: m('yearLabel', { year: this.year }) },
    ])
    if (!view)
      return html`${trail}${this.error ? html`<p class="error" role="alert">${this.error}</p>` : html`<p class="muted" aria-live="polite">${t('loading')}</p>`}`
    const { run } = view
    return html`
      ${trail}
      <div class="head">
        <h2>${view.assessment.name} · ${m('runTitle', { year: run.year })}</h2>
        <span class="badge status-${run.status}">${m(`status_${run.status}`)}</span>
      </div>
      <dl class="facts">
        <dt>${m('computedAt')}</dt><dd>${formatInstant(run.computedAt)} <span class="muted">${m('version', { n: run.version })}</span></dd>
        ${run.reviewedAt ? html`<dt>${m('reviewedAt')}</dt><dd>${formatInstant(run.reviewedAt)}${run.reviewNote ? html` · ${m('reviewNote')}${locale() === 'zh' ? '：' : ': '}${run.reviewNote}` : nothing}</dd>` : nothing}
        ${run.publishedAt ? html`<dt>${m('publishedAt')}</dt><dd>${formatInstant(run.publishedAt)}</dd>` : nothing}
      </dl>
      ${
        this.failure
          ? html`<div class="error" role="alert"><p class="summary">${this.failure.text}</p>${this.failure.issues.length ? html`<ul>${this.failure.issues.map((issue) => html`<li>${issue}</li>`)}</ul>` : nothing}</div>`
          : nothing
      }
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${this.renderActions(view)} ${this.renderCounts(view)} ${this.renderResults(view)}
    `
  }
}
