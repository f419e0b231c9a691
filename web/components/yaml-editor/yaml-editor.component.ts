/**
 * A YAML editor (CodeMirror 6, loaded on first render) with completion from the policy schema and
 * the validator's issues shown at their lines. Give it a height from outside.
 *
 * Setting `value` from outside opens that text with a fresh undo history: undo never reaches
 * back into the text shown before.
 *
 * @summary The policy YAML editor.
 * @event ls-yaml-change - Emitted on every edit with `{ value }`, the whole text.
 * @csspart editor - The element CodeMirror renders into.
 */
import { html, LitElement } from 'lit'
import type { PropertyValues } from 'lit'
import type { ApiIssue } from '../../api.ts'
import type { LsYamlChangeEvent } from '../../events/ls-yaml-change.ts'
import { t } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import type { YamlView } from './create-yaml-view.ts'
import styles from './yaml-editor.styles.ts'

export class LsYamlEditor extends LitElement {
  static override styles = styles
  static override properties = {
    value: {},
    issues: { attribute: false },
    label: {},
    loaded: { state: true },
    failed: { state: true },
  }

  /** The text; setting it from outside replaces the document. */
  declare value: string
  /** Issues to show as diagnostics at their lines. */
  declare issues: readonly ApiIssue[]
  /** The accessible name of the editing area. */
  declare label: string
  declare loaded: boolean
  declare failed: boolean

  #view: YamlView | undefined

  constructor() {
    super()
    this.value = ''
    this.issues = []
    this.label = ''
    this.loaded = false
    this.failed = false
    this.addController(new LocaleController(this))
  }

  protected override firstUpdated(): void {
    // Lit does not wait for this hook: CodeMirror loads in the background, and a failure shows
    // itself (`failed`) and is rethrown so it still reaches the console.
    void this.#loadEditor()
  }

  async #loadEditor(): Promise<void> {
    try {
      const { createYamlView } = await import('./create-yaml-view.ts')
      const parent = this.renderRoot.querySelector<HTMLElement>('.host')!
      this.#view = createYamlView(parent, {
        text: this.value,
        label: this.label || t('peYamlLabel'),
        describedBy: 'hint',
        onChange: this.handleChange,
      })
      this.#view.setIssues(this.issues)
      this.loaded = true
    } catch (error) {
      this.failed = true
      throw error
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.#view?.destroy()
    this.#view = undefined
  }

  protected override updated(changed: PropertyValues<this>): void {
    const view = this.#view
    if (!view) return
    // A new text (another policy, version or draft) gets a new editor state with its own undo
    // history; its issues are set again on it.
    const replaced = changed.has('value') && view.text() !== this.value
    if (replaced) view.setText(this.value)
    if (replaced || changed.has('issues')) view.setIssues(this.issues)
    // The default label is translated, so it follows the language switch too.
    if (changed.has('label') || !this.label) view.setLabel(this.label || t('peYamlLabel'))
  }

  /** Moves the cursor to a 1-based line and column and focuses the editor. */
  revealLine(line: number, col?: number): void {
    this.#view?.reveal(line, col)
  }

  private handleChange = (text: string) => {
    this.value = text
    this.dispatchEvent(
      new CustomEvent('ls-yaml-change', {
        detail: { value: text },
        bubbles: true,
        composed: true,
      }) satisfies LsYamlChangeEvent,
    )
  }

  override render() {
    return html`
      ${this.failed ? html`<p class="loading" role="alert">${t('peEditorFailed')}</p>` : !this.loaded ? html`<p class="loading">${t('peEditorLoading')}</p>` : ''}
      <div class="host" part="editor"></div>
      <span class="hint" id="hint" ?hidden=${!this.loaded}>${t('peEditorHint')}</span>
    `
  }
}
