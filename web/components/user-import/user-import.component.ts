/**
 * Bulk accounts (批量导入) on 用户管理: download the Excel template, choose a filled .xlsx or .csv,
 * check it (a dry run: nothing is written) and read the row-by-row report, then import — enabled
 * only when every row is good, since an import is all or nothing. The created accounts are shown
 * with their one-time passwords once, with a CSV download made from the answer in memory; a
 * refused import shows its problems by row.
 *
 * @summary Import accounts from a file.
 * @event ls-users-imported - Emitted with the created accounts (no passwords) after an import.
 * @csspart report - The row-by-row report.
 * @csspart created - The created accounts and their one-time passwords.
 */
import { html, LitElement, nothing } from 'lit'
import type { UserImportReport } from '../../../schemas/api/responses.schema.ts'
import type { LocalizedText } from '../../../schemas/api/error.schema.ts'
import { ApiError } from '../../api.ts'
import type { ApiIssue } from '../../api.ts'
import { pick } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import { importUsers, templatePath } from './import-upload.ts'
import { downloadText, passwordsCsv } from './passwords-csv.ts'
import styles from './user-import.styles.ts'
import { importText as text } from './user-import.text.ts'

type Rows = UserImportReport['rows']
type Created = UserImportReport['created']

/** A refused check or import: the message, the report's rows when there are any, other issues. */
interface Refusal {
  message: LocalizedText
  rows: Rows
  issues: ApiIssue[]
}

const ACCEPT =
  '.xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export class LsUserImport extends LitElement {
  static override styles = styles
  static override properties = {
    regionId: { attribute: false },
    file: { state: true },
    report: { state: true },
    refusal: { state: true },
    created: { state: true },
    busy: { state: true },
    error: { state: true },
  }

  /** The region the accounts go into, as the page chose it (null: the server's default). */
  declare regionId: string | null
  declare file: File | null
  /** The dry run of `file`; cleared when another file is chosen. */
  declare report: UserImportReport | null
  declare refusal: Refusal | null
  /** The accounts of the last import with their passwords; forgotten when closed. */
  declare created: Created | null
  declare busy: '' | 'check' | 'import'
  declare error: string

  constructor() {
    super()
    this.addController(new LocaleController(this))
    this.regionId = null
    this.file = null
    this.report = null
    this.refusal = null
    this.created = null
    this.busy = ''
    this.error = ''
  }

  /** While passwords are on screen, leaving the page asks first: they cannot be shown again. */
  private readonly handleBeforeUnload = (event: BeforeUnloadEvent) => {
    if (this.created) event.preventDefault()
  }

  override connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('beforeunload', this.handleBeforeUnload)
  }

  override disconnectedCallback(): void {
    window.removeEventListener('beforeunload', this.handleBeforeUnload)
    super.disconnectedCallback()
  }

  private get clean(): boolean {
    return !!this.report && this.report.rows.length > 0 && this.report.rows.every((row) => row.ok)
  }

  private handleFile(event: Event): void {
    this.file = (event.target as HTMLInputElement).files?.[0] ?? null
    this.report = null
    this.refusal = null
    this.error = ''
  }

  private refuse(error: unknown): void {
    if (error instanceof ApiError && (error.details.issues ?? []).length > 0) {
      const rows = Array.isArray(error.details.rows) ? (error.details.rows as Rows) : []
      // Issues of a row are in its report line; the rest (the file as a whole) are listed apart.
      const issues = (error.details.issues ?? []).filter((issue) => !('row' in issue))
      this.refusal = { message: error.text, rows, issues }
    } else this.error = error instanceof ApiError ? pick(error.text) : String(error)
  }

  private async handleCheck(): Promise<void> {
    if (!this.file) return
    this.busy = 'check'
    this.report = null
    this.refusal = null
    this.error = ''
    try {
      this.report = await importUsers(this.file, true, this.regionId)
    } catch (error) {
      this.refuse(error)
    } finally {
      this.busy = ''
    }
  }

  private async handleImport(): Promise<void> {
    if (!this.file || !this.clean) return
    this.busy = 'import'
    this.refusal = null
    this.error = ''
    try {
      const report = await importUsers(this.file, false, this.regionId)
      this.created = report.created
      this.report = null
      this.file = null
      this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')!.value = ''
      this.dispatchEvent(
        new CustomEvent('ls-users-imported', {
          detail: { users: report.created.map((entry) => entry.user) },
          bubbles: true,
          composed: true,
        }),
      )
    } catch (error) {
      this.report = null
      this.refuse(error)
    } finally {
      this.busy = ''
    }
  }

  private handleDownload(): void {
    if (!this.created) return
    downloadText(text('downloadName'), passwordsCsv(this.created).csv)
  }

  private handleDone(): void {
    this.created = null
  }

  private renderRows(rows: Rows) {
    return html`<table part="report" class="report">
      <thead><tr>
        <th>${text('row')}</th><th>${text('displayName')}</th><th>${text('username')}</th>
        <th>${text('units')}</th><th>${text('roles')}</th><th>${text('status')}</th><th>${text('issues')}</th>
      </tr></thead>
      <tbody>${rows.map(
        (row) => html`<tr data-row=${row.row} class=${row.ok ? 'row-good' : 'row-bad'}>
          <td data-label=${text('row')} class="num">${row.row}</td>
          <td data-label=${text('displayName')}>${row.displayName}</td>
          <td data-label=${text('username')}>${row.username}</td>
          <td data-label=${text('units')}>${row.units.join('、')}</td>
          <td data-label=${text('roles')}>${row.roles.join('、')}</td>
          <td data-label=${text('status')} class="status">${row.ok ? html`<span class="ok">✓ ${text('ok')}</span>` : html`<span class="bad">✗ ${text('bad')}</span>`}</td>
          <td data-label=${text('issues')}>${
            row.issues.length === 0
              ? nothing
              : html`<ul class="issues">${row.issues.map((issue) => html`<li>${pick(issue.message)}</li>`)}</ul>`
          }</td>
        </tr>`,
      )}</tbody>
    </table>`
  }

  private renderReport(report: UserImportReport) {
    const bad = report.rows.filter((row) => !row.ok).length
    const rows = report.rows.length
    return html`<div class="result" role="status">
        <p>${text('summary', { rows, good: rows - bad, bad })}</p>
        ${this.clean ? html`<p class="ok">✓ ${text('allGood')}</p>` : html`<p class="bad">${text('fixFirst')}</p>`}
      </div>
      ${this.renderRows(report.rows)}`
  }

  private renderRefusal(refusal: Refusal) {
    return html`<div class="result refused" role="alert">
      <p class="bad">${pick(refusal.message)}</p>
      ${refusal.issues.length ? html`<ul class="issues">${refusal.issues.map((issue) => html`<li>${pick(issue.message)}</li>`)}</ul>` : nothing}
      ${refusal.rows.length ? this.renderRows(refusal.rows) : nothing}
    </div>`
  }

  private renderCreated(created: Created) {
    const { guarded } = passwordsCsv(created)
    return html`<section part="created" class="created" aria-labelledby="created-title">
      <h4 id="created-title">${text('createdTitle', { n: created.length })}</h4>
      <p class="warn" role="alert">⚠ ${text('createdWarning')}</p>
      <table>
        <thead><tr><th>${text('displayName')}</th><th>${text('username')}</th><th>${text('password')}</th></tr></thead>
        <tbody>${created.map(
          ({ user, initialPassword }) => html`<tr data-user=${user.username}>
            <td data-label=${text('displayName')}>${user.displayName}</td>
            <td data-label=${text('username')}>${user.username}</td>
            <td data-label=${text('password')}><code class="secret" data-secret>${initialPassword}</code></td>
          </tr>`,
        )}</tbody>
      </table>
      ${guarded ? html`<p class="note">${text('guardNote')}</p>` : nothing}
      <div class="row">
        <button type="button" data-action="download" @click=${this.handleDownload}>${text('download')}</button>
        <button type="button" class="primary" data-action="done" @click=${this.handleDone}>${text('done')}</button>
      </div>
    </section>`
  }

  // A dry run answers for one region: another region asks for a new check.
  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('regionId') && changed.get('regionId') !== undefined) this.report = null
  }

  override render() {
    return html`${this.created ? this.renderCreated(this.created) : nothing}
      <h4>${text('step1')}</h4>
      <p><a class="template" href=${templatePath()} download>${text('template')}</a></p>
      <p class="note">${text('step1Note')}</p>
      <h4>${text('step2')}</h4>
      <div class="pick">
        <label>${text('file')} <input type="file" accept=${ACCEPT} @change=${this.handleFile} /></label>
        <button type="button" data-action="check" ?disabled=${!this.file || this.busy !== ''} @click=${this.handleCheck}>${this.busy === 'check' ? text('checking') : text('check')}</button>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.report ? this.renderReport(this.report) : nothing}
      ${this.refusal ? this.renderRefusal(this.refusal) : nothing}
      <h4>${text('step3')}</h4>
      <button type="button" class="primary" data-action="import" ?disabled=${!this.clean || this.busy !== ''} @click=${this.handleImport}>
        ${this.busy === 'import' ? text('importing') : this.clean ? text('import', { n: this.report!.rows.length }) : text('importPlain')}
      </button>
      <p class="note">${text('importNote')}</p>`
  }
}
