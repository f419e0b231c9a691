/**
 * Every issue of the policy being edited, in line order; choosing one moves the editor there.
 *
 * @summary The validator's issues as a list.
 * @event ls-reveal - Emitted with `{ line, col, pointer }` when an issue is chosen.
 * @csspart list - The ordered list of issues.
 */
import { html, LitElement } from 'lit'
import type { ApiIssue } from '../../api.ts'
import type { LsRevealEvent } from '../../events/ls-reveal.ts'
import { fill, t } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import styles from './issue-list.styles.ts'

export class LsIssueList extends LitElement {
  static override styles = styles
  static override properties = {
    issues: { attribute: false },
    checked: { type: Boolean },
  }

  /** The issues, as the validator or the server returned them. */
  declare issues: readonly ApiIssue[]
  /** True once the text has been validated (before that no "no problems" is claimed). */
  declare checked: boolean

  constructor() {
    super()
    this.issues = []
    this.checked = false
    this.addController(new LocaleController(this))
  }

  private handleChoose(issue: ApiIssue): void {
    this.dispatchEvent(
      new CustomEvent('ls-reveal', {
        detail: {
          ...(issue.line ? { line: issue.line, col: issue.col ?? 1 } : {}),
          pointer: issue.pointer,
        },
        bubbles: true,
        composed: true,
      }) satisfies LsRevealEvent,
    )
  }

  override render() {
    const errors = this.issues.filter((issue) => issue.severity !== 'warning').length
    const warnings = this.issues.length - errors
    if (!this.checked) return html`<p class="summary" role="status">${t('peChecking')}</p>`
    const summary =
      this.issues.length === 0
        ? html`<p class="summary ok" role="status">✓ ${t('peNoIssues')}</p>`
        : html`<p class="summary ${errors ? 'bad' : 'ok'}" role="status">${fill(t('peIssueCount'), { errors, warnings })}</p>`
    return html`
      ${summary}
      ${
        this.issues.length
          ? html`<ol part="list" aria-label=${t('peIssues')}>
            ${this.issues.map(
              (issue) => html`<li class=${issue.severity === 'warning' ? 'warning' : 'error'}>
                <button type="button" @click=${() => this.handleChoose(issue)}>
                  <span class="severity">${issue.severity === 'warning' ? t('peWarning') : t('peError')}</span>
                  <span class="where">${issue.line ? `${t('peLine')} ${issue.line}:${issue.col ?? 1}` : '—'}</span>
                  <span class="text"><span lang="zh-CN">${issue.message.zh}</span><span class="en" lang="en">${issue.message.en}</span>
                    <span class="meta">${issue.code ?? ''} ${issue.pointer || '/'}</span></span>
                </button>
              </li>`,
            )}
          </ol>`
          : ''
      }
    `
  }
}
