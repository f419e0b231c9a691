/**
 * The 情况通报 of a period, as a printable page: the template's title, opening and closing (the
 * policy's `supervision.bulletin`, else the default), the counts (done, on time, late, overdue,
 * by colour), the units ranked 晾晒-style, and the overdue list. The period defaults to the
 * policy's effective date (or the plan's start, if earlier) to today; downloads as Word.
 *
 * @summary The bulletin page (`#/plans/<planId>/bulletin`).
 */
import { html, LitElement, nothing } from 'lit'
import { ApiError, call, client, pathParams } from '../../api.ts'
import type { PlanBulletin } from '../../api-types.ts'
import { pick, tOf } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import { named } from '../office-format/named.ts'
import { om } from '../office-format/office-messages.ts'
import { PageSizeController } from '../office-format/page-size.ts'
import styles from './bulletin-page.styles.ts'

const LIGHTS = ['red', 'yellow', 'blue', 'green'] as const

export class LsBulletinPage extends LitElement {
  static override styles = styles
  static override properties = {
    planId: { attribute: 'plan-id' },
    bulletin: { state: true },
    period: { state: true },
    error: { state: true },
  }

  declare planId: string
  declare bulletin: PlanBulletin | null
  /** The period asked for; empty dates are the server's defaults. */
  declare period: { from: string; to: string }
  declare error: string
  private loaded = ''

  constructor() {
    super()
    this.addController(new LocaleController(this))
    new PageSizeController(this, 'landscape')
    this.planId = ''
    this.bulletin = null
    this.period = { from: '', to: '' }
    this.error = ''
  }

  private get query(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.period).filter(([, value]) => value !== ''))
  }

  protected override willUpdate(): void {
    const key = `${this.planId}?${new URLSearchParams(this.query)}`
    if (this.planId && key !== this.loaded) {
      this.loaded = key
      void this.load(key)
    }
  }

  private async load(key: string): Promise<void> {
    this.error = ''
    try {
      const bulletin = await call(
        client.plans[':id'].bulletin.$get({
          param: pathParams({ id: this.planId }),
          query: this.query,
        }),
      )
      if (this.loaded === key) this.bulletin = bulletin
    } catch (error) {
      if (this.loaded === key)
        this.error = error instanceof ApiError ? pick(error.text) : String(error)
    }
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault()
    const data = new FormData(event.target as HTMLFormElement)
    this.period = { from: String(data.get('from') ?? ''), to: String(data.get('to') ?? '') }
  }

  override render() {
    const bulletin = this.bulletin
    const planHref = `#/plans/${encodeURIComponent(this.planId)}`
    const query = new URLSearchParams(this.query).toString()
    const docx = `/api/plans/${encodeURIComponent(this.planId)}/bulletin.docx${query ? `?${query}` : ''}`
    return html`
      <nav class="crumbs" aria-label="breadcrumb"><a href=${planHref}>${om('dashboard')}</a> › <a href=${`${planHref}/ledger`}>${om('ledger')}</a> › ${om('bulletin')}</nav>
      <div class="head"><div class="tools">
        <a class="button primary" href=${docx} download>${om('downloadDocx')}</a>
        <button type="button" @click=${() => window.print()}>${om('print')}</button>
      </div></div>
      <form class="filters" @submit=${this.handleSubmit}>
        <label>${om('from')}<input type="date" name="from" .value=${this.period.from || (bulletin?.from ?? '')} /></label>
        <label>${om('to')}<input type="date" name="to" .value=${this.period.to || (bulletin?.to ?? '')} /></label>
        <button type="submit">${om('show')}</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${bulletin ? this.renderPaper(bulletin) : this.error ? nothing : html`<p role="status">…</p>`}
    `
  }

  private renderPaper(bulletin: PlanBulletin) {
    const { counts } = bulletin
    const percent = (value: number | null) => (value === null ? '—' : `${value}%`)
    return html`<article class="paper">
      <h2>${bulletin.title}</h2>
      <p class="sub">${bulletin.office} · ${bulletin.issuedOn}</p>
      <p class="body">${bulletin.opening}</p>
      <h3>${om('overview')}</h3>
      <table>
        <thead><tr>
          ${(['c_total', 'c_done', 'c_onTime', 'c_late', 'c_overdue'] as const).map((key) => html`<th scope="col">${om(key)}</th>`)}
          ${LIGHTS.map((light) => html`<th scope="col">${tOf('light_', light)}</th>`)}
        </tr></thead>
        <tbody><tr>
          ${[counts.total, counts.done, counts.onTime, counts.late, counts.overdue].map((n) => html`<td class="num">${n}</td>`)}
          ${LIGHTS.map((light) => html`<td class="num">${counts.byLight[light]}</td>`)}
        </tr></tbody>
      </table>
      <h3>${om('ranking')}</h3>
      ${
        bulletin.ranking.length
          ? html`<table>
              <thead><tr>${(['r_rank', 'r_unit', 'r_total'] as const).map((key) => html`<th scope="col">${om(key)}</th>`)}
                <th scope="col">${tOf('light_', 'red')}</th><th scope="col">${tOf('light_', 'yellow')}</th>
                <th scope="col">${om('c_done')}</th><th scope="col">${om('c_onTime')}</th><th scope="col">${om('r_rate')}</th></tr></thead>
              <tbody>${bulletin.ranking.map(
                (
                  row,
                  index,
                ) => html`<tr><td class="num">${index + 1}</td><td>${row.unit.name}</td><td class="num">${row.total}</td>
                  <td class="num">${row.red}</td><td class="num">${row.yellow}</td><td class="num">${row.done}</td>
                  <td class="num">${row.onTime}</td><td class="num">${percent(row.onTimeRate)}</td></tr>`,
              )}</tbody>
            </table>`
          : html`<p class="muted">${om('noneInPeriod')}</p>`
      }
      <h3>${om('overdueList')}</h3>
      ${
        bulletin.overdue.length
          ? html`<table>
              <thead><tr>${(['col_index', 'col_title', 'col_clause', 'col_lead', 'col_due', 'col_daysOverdue', 'col_escalation'] as const).map((key) => html`<th scope="col">${om(key)}</th>`)}</tr></thead>
              <tbody>${bulletin.overdue.map(
                (row) => html`<tr><td class="num">${row.index}</td>
                  <td><a href=${`#/plans/${encodeURIComponent(this.planId)}/tasks/${encodeURIComponent(row.taskId)}/supervision-notice`}>${row.title}</a></td>
                  <td>${row.clause ?? ''}</td><td>${row.lead.name}</td><td>${row.dueOn ?? ''}</td>
                  <td class="num late">${row.daysOverdue}</td><td>${row.escalationName ? named('escalation_', Math.min(row.escalation, 4), row.escalationName) : ''}</td></tr>`,
              )}</tbody>
            </table>`
          : html`<p class="muted">${om('noOverdue')}</p>`
      }
      <h3>${om('demands')}</h3>
      <p class="body">${bulletin.closing}</p>
      <p class="sign">${bulletin.office}<br />${bulletin.issuedOn}</p>
    </article>`
  }
}
