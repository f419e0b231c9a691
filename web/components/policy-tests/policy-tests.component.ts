/**
 * The policy tests (考核测试) of the config being edited: each case passed ✓ or failed ✗, with
 * its name, year, total and grade, and for a failure every message saying what was expected,
 * what came out and why. Choosing a case moves the editor to it.
 *
 * @summary The policy tests panel of the editor.
 * @event ls-reveal - Emitted with `{ line, pointer }` when a case is chosen.
 * @csspart list - The list of cases.
 */
import { html, LitElement, nothing } from 'lit'
import type { PolicyTestResult } from '../../../domain/scoring/run-policy-tests.ts'
import type { LsRevealEvent } from '../../events/ls-reveal.ts'
import { pick } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import { caseFacts, testsText } from './policy-test-format.ts'
import styles from './policy-tests.styles.ts'

export class LsPolicyTests extends LitElement {
  static override styles = styles
  static override properties = {
    results: { attribute: false },
    stale: { type: Boolean },
    error: {},
  }

  /** The results of the last config that validated; undefined before one did. */
  declare results: readonly PolicyTestResult[] | undefined
  /** True when the current text has errors and the results are older. */
  declare stale: boolean
  /** Why the tests could not run. */
  declare error: string

  constructor() {
    super()
    this.results = undefined
    this.stale = false
    this.error = ''
    this.addController(new LocaleController(this))
  }

  private handleChoose(result: PolicyTestResult): void {
    this.dispatchEvent(
      new CustomEvent('ls-reveal', {
        detail: { ...(result.line ? { line: result.line, col: 1 } : {}), pointer: result.pointer },
        bubbles: true,
        composed: true,
      }) satisfies LsRevealEvent,
    )
  }

  private renderCase(result: PolicyTestResult, multiple: boolean) {
    return html`<li class=${result.passed ? 'pass' : 'fail'}>
      <button type="button" @click=${() => this.handleChoose(result)}>
        <span class="mark" role="img" aria-label=${testsText(result.passed ? 'passed' : 'failed')}>${result.passed ? '✓' : '✗'}</span>
        <span class="name">${multiple ? html`<span class="assessment">${result.assessmentId}</span> ` : nothing}${result.name}</span>
        <span class="facts">${caseFacts(result)}${result.line ? ` · ${testsText('line', { line: result.line })}` : ''}</span>
      </button>
      ${
        result.failures.length
          ? html`<ul class="failures">${result.failures.map((failure) => html`<li>${pick(failure.message)}</li>`)}</ul>`
          : nothing
      }
    </li>`
  }

  override render() {
    if (this.error)
      return html`<p class="summary bad" role="alert">${testsText('error', { message: this.error })}</p>`
    const results = this.results
    if (!results) return html`<p class="summary">${testsText('waiting')}</p>`
    if (results.length === 0) return html`<p class="summary">${testsText('none')}</p>`
    const failed = results.filter((result) => !result.passed).length
    const multiple = new Set(results.map((result) => result.assessmentId)).size > 1
    return html`
      ${this.stale ? html`<p class="stale">${testsText('stale')}</p>` : nothing}
      <p class="summary ${failed ? 'bad' : 'ok'}" role="status">
        ${failed ? `✗ ${testsText('failedCount', { failed })}` : `✓ ${testsText('allPassed')}`}
      </p>
      <ol part="list" aria-label=${testsText('title')}>${results.map((result) => this.renderCase(result, multiple))}</ol>
    `
  }
}
