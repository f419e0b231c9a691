/**
 * Each deadline phrase of the config beside the dates it resolves to, grouped by phases,
 * milestones, duties, procedure steps and assessments.
 *
 * @summary Resolved deadlines.
 * @event ls-reveal - Emitted with `{ pointer }` when an item's name is chosen, to show it in the YAML.
 */
import { html, LitElement } from 'lit'
import type { PolicyConfig } from '../../../schemas/index.ts'
import type { LsRevealEvent } from '../../events/ls-reveal.ts'
import { fill, pick, t } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import { deadlineRows } from './deadline-rows.ts'
import type { DeadlineRow, DeadlineSection } from './deadline-rows.ts'
import styles from './deadline-table.styles.ts'

const SECTIONS: DeadlineSection[] = ['phase', 'milestone', 'duty', 'step', 'assessment']
const SHOWN_PERIODS = 4

export class LsDeadlineTable extends LitElement {
  static override styles = styles
  static override properties = { policy: { attribute: false } }

  /** A valid config. */
  declare policy: PolicyConfig | undefined

  #rows: { policy: PolicyConfig; rows: DeadlineRow[] } | undefined

  constructor() {
    super()
    this.policy = undefined
    this.addController(new LocaleController(this))
  }

  private rows(): DeadlineRow[] {
    if (!this.policy) return []
    if (this.#rows?.policy !== this.policy)
      this.#rows = { policy: this.policy, rows: deadlineRows(this.policy) }
    return this.#rows.rows
  }

  private handleReveal(pointer: string): void {
    this.dispatchEvent(
      new CustomEvent('ls-reveal', {
        detail: { pointer },
        bubbles: true,
        composed: true,
      }) satisfies LsRevealEvent,
    )
  }

  private renderResult(row: DeadlineRow) {
    const result = row.result
    const date = (value: string) => html`<span class="date">${value}</span>`
    switch (result.kind) {
      case 'window':
        return html`${date(result.start)} — ${date(result.end)}`
      case 'date':
        return html`${t('peDueOn')} ${date(result.date)}`
      case 'relative': {
        const unit = t(`peUnit_${result.unit}`)
        return html`${t('peRelative').replace('{amount}', String(result.amount)).replace('{unit}', unit)}
          ${result.example ? html`<span class="within">${t('peRelativeExample').replace('{from}', result.example.from).replace('{due}', result.example.due)}</span>` : ''}`
      }
      case 'recurring': {
        const list = result.occurrences
        const count = fill(t('pePeriods'), {
          count: list.length,
          from: result.range.from,
          to: result.range.to,
        })
        if (list.length === 0) return html`<span class="bad">${count}</span>`
        const item = (o: (typeof list)[number]) =>
          html`<li><span class="muted">${o.period}</span> ${o.start ? html`${date(o.start)} — ` : ''}${date(o.due)}</li>`
        return html`<details ?open=${list.length <= SHOWN_PERIODS}>
          <summary>${count}</summary>
          <ol class="periods">${list.map(item)}</ol>
        </details>`
      }
      case 'unspecified':
        return html`<span class="muted">${t('peUnspecified')}：${result.reason}</span>`
      case 'unparsed':
        return html`<span class="bad">${pick(result.message)}</span>`
    }
  }

  override render() {
    const rows = this.rows()
    if (rows.length === 0) return html`<p class="muted">${t('peNoDeadlines')}</p>`
    return html`${SECTIONS.map((section) => {
      const part = rows.filter((row) => row.section === section)
      if (part.length === 0) return ''
      return html`
        <h3 id="h-${section}">${t(`peSection_${section}`)} (${part.length})</h3>
        <table aria-labelledby="h-${section}">
          <thead><tr><th scope="col">${t('peItem')}</th><th scope="col">${t('pePhrase')}</th><th scope="col">${t('peResolved')}</th></tr></thead>
          <tbody>
            ${part.map(
              (row) => html`<tr>
                <td><button type="button" class="link" @click=${() => this.handleReveal(row.pointer)} title=${row.pointer}>${row.name}</button></td>
                <td class="phrase">${row.phrase}${row.within && row.result.kind === 'recurring' ? html`<span class="within">${t('peWithin')} ${row.within}</span>` : ''}</td>
                <td>${this.renderResult(row)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      `
    })}`
  }
}
