/**
 * The indicator data import page (`#/plans/<id>/indicators/import`): download the Excel template,
 * choose a file, check it first (a dry run: nothing is written) and read the row-by-row report,
 * then import — all or nothing, or only the good rows, with what each will do spelled out — and
 * see the values now stored for a period.
 *
 * @summary The indicator import page.
 * @csspart report - The table of rejected rows.
 */
import { html, LitElement, nothing } from 'lit'
import type { PropertyValues } from 'lit'
import { ApiError, call, client, pathParams } from '../../api.ts'
import type { IndicatorImportReport, IndicatorInputs, IndicatorValueList } from '../../api-types.ts'
import { pick } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import { consequence, importText, reportRows } from './import-format.ts'
import type { ImportMode, RejectedLike, ReportNames } from './import-format.ts'
import { importFile } from './import-upload.ts'
import { renderCatalogue, renderReport, renderValues } from './import-sections.ts'
import styles from './indicator-import.styles.ts'
import type { LocalizedText } from '../../../schemas/api/error.schema.ts'

/** The outcome of pressing 导入: written, or refused with the problems. */
type Outcome =
  | { kind: 'imported'; report: IndicatorImportReport }
  | { kind: 'refused'; message: LocalizedText; issues: RejectedLike[] }

const ACCEPT =
  '.xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export class LsIndicatorImport extends LitElement {
  static override styles = styles
  static override properties = {
    planId: { attribute: 'plan-id' },
    planName: { state: true },
    catalogue: { state: true },
    file: { state: true },
    report: { state: true },
    mode: { state: true },
    busy: { state: true },
    outcome: { state: true },
    error: { state: true },
    period: { state: true },
    unit: { state: true },
    values: { state: true },
  }

  /** The plan to import into. */
  declare planId: string
  declare planName: string
  declare catalogue: IndicatorInputs | null
  declare file: File | null
  /** The report of the last check of `file`. */
  declare report: IndicatorImportReport | null
  declare mode: ImportMode
  declare busy: '' | 'check' | 'import'
  declare outcome: Outcome | null
  declare error: string
  /** The period and unit whose stored values are shown ('' for all). */
  declare period: string
  declare unit: string
  declare values: IndicatorValueList | null

  constructor() {
    super()
    this.addController(new LocaleController(this))
    this.planId = ''
    this.planName = ''
    this.catalogue = null
    this.file = null
    this.report = null
    this.mode = 'keep-good'
    this.busy = ''
    this.outcome = null
    this.error = ''
    this.period = ''
    this.unit = ''
    this.values = null
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('planId') && this.planId) {
      this.report = null
      this.outcome = null
      void this.loadPlan()
      void this.loadValues()
    }
  }

  private get param() {
    return pathParams({ id: this.planId })
  }

  private names(): ReportNames {
    return {
      units: new Map((this.catalogue?.units ?? []).map((unit) => [unit.id, unit.name])),
      inputs: new Map((this.catalogue?.inputs ?? []).map((input) => [input.id, input.name])),
    }
  }

  private async loadPlan(): Promise<void> {
    try {
      const [plan, catalogue] = await Promise.all([
        call(client.plans[':id'].$get({ param: this.param })),
        call(client.plans[':id']['indicator-values'].inputs.$get({ param: this.param })),
      ])
      this.planName = plan.plan.name
      this.catalogue = catalogue
    } catch (error) {
      this.error = error instanceof ApiError ? pick(error.text) : String(error)
    }
  }

  private async loadValues(): Promise<void> {
    const query = {
      ...(this.period.trim() ? { period: this.period.trim() } : {}),
      ...(this.unit ? { unit: this.unit } : {}),
    }
    try {
      this.values = await call(
        client.plans[':id']['indicator-values'].$get({ param: this.param, query }),
      )
    } catch (error) {
      this.error = error instanceof ApiError ? pick(error.text) : String(error)
    }
  }

  private handleFile(event: Event): void {
    this.file = (event.target as HTMLInputElement).files?.[0] ?? null
    this.report = null
    this.outcome = null
    this.error = ''
  }

  /** A problem with the file as a whole (422 before any row was read) shows like a refused import. */
  private refuse(error: unknown): void {
    if (error instanceof ApiError && Array.isArray(error.details.issues)) {
      this.outcome = { kind: 'refused', message: error.text, issues: error.details.issues }
    } else {
      this.error = error instanceof ApiError ? pick(error.text) : String(error)
    }
  }

  private async handleCheck(): Promise<void> {
    if (!this.file) return
    this.busy = 'check'
    this.report = null
    this.outcome = null
    this.error = ''
    try {
      this.report = await importFile(this.planId, this.file, { mode: 'keep-good', dryRun: true })
      this.mode = this.report.rejectedCount > 0 ? 'keep-good' : 'all-or-nothing'
    } catch (error) {
      this.refuse(error)
    } finally {
      this.busy = ''
    }
  }

  private async handleImport(): Promise<void> {
    if (!this.file) return
    this.busy = 'import'
    this.outcome = null
    this.error = ''
    try {
      const report = await importFile(this.planId, this.file, { mode: this.mode, dryRun: false })
      this.outcome = { kind: 'imported', report }
      this.report = null
      await this.loadValues()
    } catch (error) {
      this.refuse(error)
    } finally {
      this.busy = ''
    }
  }

  private handleShow(event: SubmitEvent): void {
    event.preventDefault()
    const form = new FormData(event.target as HTMLFormElement)
    this.period = String(form.get('period') ?? '')
    this.unit = String(form.get('unit') ?? '')
    void this.loadValues()
  }

  private renderCheck(report: IndicatorImportReport) {
    const format = report.format === 'xlsx' ? 'Excel' : 'CSV'
    const listed =
      report.rejected.length < report.rejectedCount
        ? importText('listed', { n: report.rejected.length })
        : ''
    return html`<div class="result" role="status">
      <p>${importText('checked', { format, rows: report.rows, accepted: report.accepted, rejected: report.rejectedCount })}${listed}</p>
      ${report.rejectedCount === 0 ? html`<p class="ok">✓ ${importText('allGood', { rows: report.rows })}</p>` : nothing}
      ${report.accepted === 0 ? html`<p class="bad">${importText('nothingToImport')}</p>` : nothing}
    </div>
    <div part="report">${renderReport(reportRows(report.rejected, this.names()))}</div>`
  }

  private renderImport(report: IndicatorImportReport) {
    if (report.accepted === 0) return nothing
    const choice = (mode: ImportMode, label: string) => html`<label class="choice">
      <input type="radio" name="mode" value=${mode} .checked=${this.mode === mode} @change=${() => {
        this.mode = mode
      }} />
      <span><strong>${label}</strong><br /><span class="consequence">${consequence(report, mode)}</span></span>
    </label>`
    const button =
      this.mode === 'keep-good' && report.rejectedCount > 0
        ? importText('importGood')
        : importText('import')
    return html`<section aria-labelledby="step3">
      <h3 id="step3">${importText('step3')}</h3>
      ${
        report.rejectedCount > 0
          ? html`<fieldset><legend>${importText('mode')}</legend>
            ${choice('keep-good', importText('mode_keepGood'))} ${choice('all-or-nothing', importText('mode_allOrNothing'))}
          </fieldset>`
          : html`<p class="consequence">${consequence(report, 'all-or-nothing')}</p>`
      }
      <button type="button" class="primary" ?disabled=${this.busy !== ''} @click=${this.handleImport}>
        ${this.busy === 'import' ? importText('importing') : button}
      </button>
    </section>`
  }

  private renderOutcome(outcome: Outcome) {
    if (outcome.kind === 'imported') {
      const { report } = outcome
      return html`<div class="result done" role="status">
        <p class="ok">✓ ${importText('imported', { applied: report.applied, rows: report.rows, rejected: report.rejectedCount })}</p>
        ${renderReport(reportRows(report.rejected, this.names()))}
      </div>`
    }
    return html`<div class="result refused" role="alert">
      <p class="bad">${pick(outcome.message)}</p>
      ${renderReport(reportRows(outcome.issues, this.names()))}
    </div>`
  }

  override render() {
    const template = client.plans[':id']['indicator-values']['template.xlsx'].$path({
      param: this.param,
      query: {},
    })
    return html`
      <p class="back"><a href="#/plans/${encodeURIComponent(this.planId)}">← ${importText('back')}</a></p>
      <h2>${importText('title')}${this.planName ? html` <small>${this.planName}</small>` : nothing}</h2>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <section aria-labelledby="step1">
        <h3 id="step1">${importText('step1')}</h3>
        <p class="note">${importText('step1Note')}</p>
        <p class="links"><a href=${template} download>${importText('templateWide')}</a> · <a href=${`${template}?layout=long`} download>${importText('templateLong')}</a></p>
        ${this.catalogue ? renderCatalogue(this.catalogue) : nothing}
      </section>
      <section aria-labelledby="step2">
        <h3 id="step2">${importText('step2')}</h3>
        <div class="pick">
          <label>${importText('file')} <input type="file" accept=${ACCEPT} @change=${this.handleFile} /></label>
          <button type="button" ?disabled=${!this.file || this.busy !== ''} @click=${this.handleCheck}>${this.busy === 'check' ? importText('checking') : importText('check')}</button>
          <span class="note">${importText('checkNote')}</span>
        </div>
        ${this.report ? this.renderCheck(this.report) : nothing}
      </section>
      ${this.report ? this.renderImport(this.report) : nothing}
      ${this.outcome ? this.renderOutcome(this.outcome) : nothing}
      <section aria-labelledby="step4">
        <h3 id="step4">${importText('step4')}</h3>
        <form class="filters" @submit=${this.handleShow}>
          <label>${importText('period')} <input name="period" .value=${this.period} placeholder=${importText('periodHint')} size="24" /></label>
          <label>${importText('unit')}
            <select name="unit">
              <option value="" ?selected=${this.unit === ''}>${importText('allUnits')}</option>
              ${(this.catalogue?.units ?? []).map((unit) => html`<option value=${unit.id} ?selected=${unit.id === this.unit}>${unit.name}</option>`)}
            </select>
          </label>
          <button type="submit">${importText('show')}</button>
        </form>
        ${this.values ? renderValues(this.values) : html`<p class="muted">${importText('loading')}</p>`}
      </section>
    `
  }
}
