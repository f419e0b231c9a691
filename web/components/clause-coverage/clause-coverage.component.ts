/**
 * Which numbered clauses of the source document some element of the config cites (by a quote
 * that is found under that clause), and which none does.
 *
 * @summary Clause coverage of the config.
 * @csspart list - The list of clauses.
 */
import { html, LitElement } from 'lit'
import type { PolicyConfig } from '../../../schemas/index.ts'
import { clauseCoverage } from '../../../domain/compiler/explain-policy.ts'
import { SourceDocument } from '../../../domain/source-text/source-document.ts'
import { t } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import styles from './clause-coverage.styles.ts'

type Coverage = ReturnType<typeof clauseCoverage>

export class LsClauseCoverage extends LitElement {
  static override styles = styles
  static override properties = {
    policy: { attribute: false },
    sourceText: { attribute: false },
    onlyMissing: { state: true },
  }

  /** A valid config. */
  declare policy: PolicyConfig | undefined
  /** The source document's text. */
  declare sourceText: string
  declare onlyMissing: boolean

  #cache: { policy: PolicyConfig; sourceText: string; coverage: Coverage } | undefined

  constructor() {
    super()
    this.policy = undefined
    this.sourceText = ''
    this.onlyMissing = false
    this.addController(new LocaleController(this))
  }

  private coverage(): Coverage {
    if (!this.policy || !this.sourceText.trim()) return []
    if (this.#cache?.policy !== this.policy || this.#cache.sourceText !== this.sourceText) {
      this.#cache = {
        policy: this.policy,
        sourceText: this.sourceText,
        coverage: clauseCoverage(this.policy, new SourceDocument(this.sourceText)),
      }
    }
    return this.#cache.coverage
  }

  override render() {
    if (!this.sourceText.trim()) return html`<p class="muted">${t('peNoSource')}</p>`
    const coverage = this.coverage()
    if (coverage.length === 0) return html`<p class="muted">${t('peNoClauses')}</p>`
    const covered = coverage.filter((entry) => entry.covered).length
    const percent = Math.round((covered / coverage.length) * 100)
    const shown = this.onlyMissing ? coverage.filter((entry) => !entry.covered) : coverage
    return html`
      <div class="total">
        <progress max=${coverage.length} value=${covered} aria-label=${t('peCoverage')}></progress>
        <strong>${t('peCoverageTotal').replace('{covered}', String(covered)).replace('{total}', String(coverage.length)).replace('{percent}', String(percent))}</strong>
        <label class="filter"><input type="checkbox" .checked=${this.onlyMissing} @change=${(e: Event) => (this.onlyMissing = (e.target as HTMLInputElement).checked)} /> ${t('peOnlyMissing')}</label>
      </div>
      <ol part="list">
        ${shown.map(
          (entry) => html`<li>
            <span class=${entry.covered ? 'yes' : 'no'} role="img" aria-label=${entry.covered ? t('peCovered') : t('peNotCovered')}>${entry.covered ? '✓' : '✗'}</span>
            <span class="label">${entry.clause}</span>
            <span>${entry.title}</span>
          </li>`,
        )}
      </ol>
    `
  }
}
