/**
 * The authoring page (`#/author`): the policy YAML in a CodeMirror editor with the source
 * document beside it, validated as the author types by the server's own validator, previews of
 * what the config produces, local drafts, publishing, versions with their diff, and plan start.
 * Either text can be opened from a file on disk: a YAML config, and the source document as .txt,
 * .md or .docx (read by the server, which answers its text, size and sha256, shown under it).
 * Publishing asks first, in a dialog, for confirmation and a change note kept with the version.
 *
 * @summary The policy editor page.
 * @csspart toolbar - The row of actions above the editor.
 */
import { html, LitElement, nothing } from 'lit'
import { ApiError, call, client } from '../../api.ts'
import type { PolicyList } from '../../api-types.ts'
import type { LsRevealEvent } from '../../events/ls-reveal.ts'
import type { LsVersionLoadEvent } from '../../events/ls-version-load.ts'
import { fill, locale, pick, t } from '../../i18n.ts'
import '../issue-list/issue-list.ts'
import '../policy-tests/policy-tests.ts'
import { testsCount, testsText } from '../policy-tests/policy-test-format.ts'
import '../policy-versions/policy-versions.ts'
import '../yaml-editor/yaml-editor.ts'
import type { LsYamlEditor } from '../yaml-editor/yaml-editor.component.ts'
import { DraftAutosave } from './draft-autosave.ts'
import { lastDraftId, NEW_POLICY, readDraft } from './draft-store.ts'
import { LatestOnly } from '../../latest-only.ts'
import { LocaleController } from '../../locale-controller.ts'
import { openVersion, publishPolicy } from './policy-actions.ts'
import { formatBytes, readYamlFile, SOURCE_ACCEPT, uploadSourceFile } from './source-file.ts'
import type { SourceFile } from './source-file.ts'
import { POLICY_TEMPLATE } from './policy-template.ts'
import { PolicyValidation } from './policy-validation.ts'
import styles from './policy-editor.styles.ts'

/** A message above the editor; `text` is called at render, so it follows the language switch. */
interface Status {
  kind: 'info' | 'ok' | 'error'
  text: () => string
  action?: { label: () => string; run: () => void }
}

const errorText = (error: unknown) => () =>
  error instanceof ApiError ? pick(error.text) : String(error)
const dateLocale = () => (locale() === 'zh' ? 'zh-CN' : 'en-GB')
const localTime = (iso: string) => new Date(iso).toLocaleString(dateLocale())

export class LsPolicyEditor extends LitElement {
  static override styles = styles
  static override properties = {
    policies: { state: true },
    policyId: { state: true },
    version: { state: true },
    yaml: { state: true },
    sourceText: { state: true },
    status: { state: true },
    busy: { state: true },
    revision: { state: true },
    starting: { state: true },
    noteError: { state: true },
    sourceFile: { state: true },
  }

  declare policies: PolicyList['policies']
  /** The policy being edited ('' for a new one whose YAML names no id yet). */
  declare policyId: string
  /** The published version the text was opened from. */
  declare version: string
  declare yaml: string
  declare sourceText: string
  declare status: Status | undefined
  declare busy: boolean
  /** Bumped after publishing, so the version list reloads. */
  declare revision: number
  /** The version whose plan-start form is open. */
  declare starting: string
  /** Why the publish dialog's change note was refused ('' when it was not). */
  declare noteError: string
  /** The file the source text was read from, until the text is edited or replaced. */
  declare sourceFile: SourceFile | undefined

  readonly #validation = new PolicyValidation(this, () => ({
    yaml: this.yaml,
    sourceText: this.sourceText,
  }))
  /** Opening a version, a draft or a new policy: the text last asked for wins, even when an earlier load answers later. */
  readonly #opening = new LatestOnly()
  readonly #drafts = new DraftAutosave(this, () => ({
    policyId: this.policyId,
    version: this.version,
    yaml: this.yaml,
    sourceText: this.sourceText,
  }))

  constructor() {
    super()
    this.policies = []
    this.policyId = ''
    this.version = ''
    this.yaml = ''
    this.sourceText = ''
    this.status = undefined
    this.busy = false
    this.revision = 0
    this.starting = ''
    this.noteError = ''
    this.sourceFile = undefined
    this.addController(new LocaleController(this))
  }

  protected override willUpdate(): void {
    // A new policy gets its id when its YAML names one; the draft follows it.
    const named = this.#validation.policyId
    if (named && named !== this.policyId) this.policyId = named
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void import('../policy-preview/policy-preview.ts')
    void this.open()
  }

  /** On open: resume the last draft, else the first published policy, else the template. */
  private async open(): Promise<void> {
    const policies = this.loadPolicies()
    const draftId = lastDraftId()
    if (draftId) return this.resumeDraft(draftId)
    const first = (await policies)[0]
    if (first) await this.loadVersion(first.policyId, first.version)
    else this.startNew()
  }

  private async loadPolicies(): Promise<PolicyList['policies']> {
    try {
      this.policies = (await call(client.policies.$get())).policies
    } catch (error) {
      this.status = { kind: 'error', text: errorText(error) }
    }
    return this.policies
  }

  private setText(
    yaml: string,
    sourceText: string,
    from: { policyId: string; version: string },
  ): void {
    this.yaml = yaml
    this.sourceText = sourceText
    this.sourceFile = undefined
    this.policyId = from.policyId
    this.version = from.version
    this.#validation.reset()
  }

  private startNew(): void {
    this.#opening.begin()
    this.#drafts.settle('', { yaml: '', sourceText: '' })
    this.setText(POLICY_TEMPLATE, '', { policyId: '', version: '' })
    this.status = { kind: 'info', text: () => t('peNewStarted') }
  }

  private resumeDraft(policyId: string): void {
    const draft = readDraft(policyId)
    if (!draft) return
    this.#opening.begin()
    this.#drafts.settle(policyId, { yaml: '', sourceText: '' })
    this.setText(draft.yaml, draft.sourceText, {
      policyId: policyId === NEW_POLICY ? '' : policyId,
      version: draft.baseVersion ?? '',
    })
    this.#drafts.savedAt = draft.savedAt
    this.status = {
      kind: 'info',
      text: () => t('peDraftResumed').replace('{time}', localTime(draft.savedAt)),
    }
  }

  private async loadVersion(policyId: string, version: string): Promise<void> {
    const current = this.#opening.begin()
    try {
      const opened = await openVersion(policyId, version)
      if (!current()) return
      const sourceText = opened.sourceText ?? (policyId === this.policyId ? this.sourceText : '')
      this.#drafts.flush()
      this.#drafts.settle(policyId, { yaml: opened.yaml, sourceText })
      this.setText(opened.yaml, sourceText, opened)
      const draft = readDraft(policyId)
      this.status = {
        kind: 'info',
        text: () =>
          t('peLoaded').replace('{policy}', policyId).replace('{version}', version) +
          (draft ? ` ${t('peDraftExists').replace('{time}', localTime(draft.savedAt))}` : ''),
        ...(draft
          ? { action: { label: () => t('peResumeDraft'), run: () => this.resumeDraft(policyId) } }
          : {}),
      }
    } catch (error) {
      if (current()) this.status = { kind: 'error', text: errorText(error) }
    }
  }

  private handleSaveDraft(): void {
    const outcome = this.#drafts.save()
    const key =
      outcome === 'saved'
        ? 'peDraftSaved'
        : outcome === 'unchanged'
          ? 'peNoChanges'
          : 'peDraftFailed'
    this.status = {
      kind: outcome === 'failed' ? 'error' : outcome === 'saved' ? 'ok' : 'info',
      text: () => t(key),
    }
  }

  private handleYamlChange = (event: CustomEvent<{ value: string }>) => {
    this.yaml = event.detail.value
    this.#validation.schedule()
    this.#drafts.schedule()
  }

  private handleSourceInput(event: Event): void {
    this.sourceText = (event.target as HTMLTextAreaElement).value
    this.sourceFile = undefined
    this.#validation.schedule()
    this.#drafts.schedule()
  }

  /** A YAML file from disk replaces the text being edited (it is a draft until published). */
  private async handleYamlFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    const current = this.#opening.begin()
    const text = await readYamlFile(file)
    if (!current()) return
    if (text === undefined) {
      this.status = { kind: 'error', text: () => t('peYamlNotUtf8').replace('{file}', file.name) }
      return
    }
    this.yaml = text
    this.version = ''
    this.#validation.schedule(0)
    this.#drafts.schedule()
    this.status = { kind: 'info', text: () => t('peYamlOpened').replace('{file}', file.name) }
  }

  /** A source document from disk, read by the server (.docx converted), replaces the source text. */
  private async handleSourceFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    this.status = { kind: 'info', text: () => t('peSourceReading').replace('{file}', file.name) }
    try {
      const { text, ...read } = await uploadSourceFile(file)
      this.sourceText = text
      this.sourceFile = read
      this.#validation.schedule(0)
      this.#drafts.schedule()
      this.status = { kind: 'ok', text: () => t('peSourceLoaded').replace('{file}', file.name) }
    } catch (error) {
      this.status = { kind: 'error', text: errorText(error) }
    }
  }

  private revealLine(line: number, col?: number): void {
    this.renderRoot.querySelector<LsYamlEditor>('ls-yaml-editor')?.revealLine(line, col)
  }

  private async handleReveal(event: LsRevealEvent): Promise<void> {
    const { line, col, pointer } = event.detail
    if (line) return this.revealLine(line, col)
    if (pointer === undefined) return
    const at = await this.#validation.locate(this.yaml, pointer)
    this.revealLine(at.line, at.col)
  }

  private async handlePolicySelect(event: Event): Promise<void> {
    const policyId = (event.target as HTMLSelectElement).value
    this.#drafts.flush()
    if (readDraft(policyId)) return this.resumeDraft(policyId)
    const latest = this.policies.find((p) => p.policyId === policyId)
    if (latest) await this.loadVersion(policyId, latest.version)
    else this.startNew()
  }

  private async handleDiscard(): Promise<void> {
    this.#drafts.settle(this.policyId, { yaml: '', sourceText: '' }, true)
    const latest = this.policies.find((p) => p.policyId === this.policyId)
    if (latest) await this.loadVersion(this.policyId, this.version || latest.version)
    else this.startNew()
    this.status = { kind: 'info', text: () => t('peDraftDiscarded') }
  }

  private get publishDialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector<HTMLDialogElement>('#publish-dialog')
  }

  /** The publish button: asks for confirmation and a change note before anything is sent. */
  private handlePublishClick(): void {
    const dialog = this.publishDialog
    if (!dialog) return
    this.noteError = ''
    dialog.querySelector<HTMLTextAreaElement>('#publish-note')!.value = ''
    dialog.showModal()
    dialog.querySelector<HTMLTextAreaElement>('#publish-note')!.focus()
  }

  private handlePublishCancel(): void {
    this.publishDialog?.close()
  }

  private async handlePublishConfirm(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const dialog = this.publishDialog
    const note = dialog?.querySelector<HTMLTextAreaElement>('#publish-note')?.value.trim() ?? ''
    if (!note) {
      this.noteError = t('peNoteRequired')
      dialog?.querySelector<HTMLTextAreaElement>('#publish-note')?.focus()
      return
    }
    dialog?.close()
    await this.handlePublish(note)
  }

  private async handlePublish(note: string): Promise<void> {
    this.busy = true
    try {
      const outcome = await publishPolicy(this.yaml, this.sourceText, note)
      if ('version' in outcome) {
        const { policyId, version } = outcome.version
        this.#drafts.settle(this.policyId, { yaml: this.yaml, sourceText: this.sourceText }, true)
        this.policyId = policyId
        this.version = version
        this.revision++
        void this.loadPolicies()
        const key = outcome.kind === 'created' ? 'pePublished' : 'peSameText'
        this.status = {
          kind: 'ok',
          text: () => t(key).replace('{policy}', policyId).replace('{version}', version),
          action: { label: () => t('peStartPlanNow'), run: () => this.handleStartPlan(version) },
        }
      } else if (outcome.kind === 'invalid') {
        const { message, issues } = outcome
        this.#validation.show(issues)
        this.status = {
          kind: 'error',
          text: () => `${pick(message)} ${fill(t('pePublishIssues'), { n: issues.length })}`,
        }
        const first = issues.find((issue) => issue.line)
        if (first?.line) this.revealLine(first.line, first.col)
      } else {
        const { message } = outcome
        this.status = { kind: 'error', text: () => pick(message) }
      }
    } catch (error) {
      this.status = { kind: 'error', text: errorText(error) }
    } finally {
      this.busy = false
    }
  }

  private handleStartPlan(version: string): void {
    this.starting = version
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector('#versions')?.scrollIntoView({ behavior: 'smooth' }),
    )
  }

  private renderToolbar() {
    const known = this.policies.some((p) => p.policyId === this.policyId)
    const errors = this.#validation.issues.filter((issue) => issue.severity !== 'warning').length
    // A config whose own tests (考核测试) fail would score units wrongly: it is not published
    // (the server refuses it too). Tests of an older text (the current one has errors) do not count.
    const testsFail =
      !this.#validation.stale && (this.#validation.tests ?? []).some((result) => !result.passed)
    const why = testsFail ? t('pePublishTestsFailing') : errors ? t('pePublishWithErrors') : ''
    const savedAt = this.#drafts.savedAt
    return html`
      <div class="toolbar" part="toolbar">
        <label class="file-button">${t('peOpenYaml')}<input class="file-input" type="file" accept=".yaml,.yml,application/yaml,text/yaml" @change=${this.handleYamlFile}></label>
        <label for="policy">${t('pePolicy')}</label>
        <select id="policy" @change=${this.handlePolicySelect}>
          ${this.policies.map((p) => html`<option value=${p.policyId} ?selected=${p.policyId === this.policyId}>${p.title} (${p.policyId} v${p.version})</option>`)}
          <option value=${NEW_POLICY} ?selected=${!known}>${!known && this.policyId ? `${this.policyId} — ${t('peUnpublished')}` : t('peNewPolicy')}</option>
        </select>
        <span class="version">${this.version ? t('peBasedOn').replace('{version}', this.version) : ''}</span>
        <span class="spacer"></span>
        <span class="saved" aria-live="polite">${savedAt ? t('peDraftAt').replace('{time}', new Date(savedAt).toLocaleTimeString(dateLocale())) : ''}</span>
        <button type="button" @click=${this.handleSaveDraft}>${t('peSaveDraft')}</button>
        <button type="button" @click=${this.handleDiscard} ?disabled=${!savedAt}>${t('peDiscardDraft')}</button>
        <button type="button" class="primary" @click=${this.handlePublishClick} ?disabled=${this.busy || testsFail} aria-haspopup="dialog"
          title=${why} aria-describedby=${testsFail ? 'publish-blocked' : nothing}>${this.busy ? t('pePublishing') : t('pePublish')}</button>
      </div>
      ${testsFail ? html`<p class="blocked" id="publish-blocked">${t('pePublishTestsFailing')}</p>` : nothing}
      ${this.renderPublishDialog()}
    `
  }

  private renderPublishDialog() {
    const metadata = this.#validation.policy?.metadata
    const title = t('pePublishTitle')
      .replace('{policy}', metadata?.id ?? this.policyId)
      .replace('{version}', metadata?.version ?? '')
    return html`
      <dialog id="publish-dialog" aria-labelledby="publish-title" aria-describedby="publish-explain">
        <form @submit=${this.handlePublishConfirm} novalidate>
          <h3 id="publish-title">${title}</h3>
          <p id="publish-explain">${t('pePublishExplain')}</p>
          <label for="publish-note">${t('peNote')}</label>
          <textarea id="publish-note" rows="4" maxlength="2000" required aria-required="true"
            aria-invalid=${this.noteError ? 'true' : 'false'} aria-describedby="publish-note-hint publish-note-error"></textarea>
          <p class="note" id="publish-note-hint">${t('peNoteHint')}</p>
          <p class="field-error" id="publish-note-error" role="alert">${this.noteError}</p>
          <div class="dialog-actions">
            <button type="button" @click=${this.handlePublishCancel}>${t('cancel')}</button>
            <button type="submit" class="primary">${t('peConfirmPublish')}</button>
          </div>
        </form>
      </dialog>
    `
  }

  private renderSourceFile() {
    const file = this.sourceFile
    if (!file) return nothing
    return html`<dl class="source-file" aria-label=${t('peSourceFile')}>
      <dt>${t('peSourceFile')}</dt><dd><strong>${file.fileName}</strong> · ${formatBytes(file.bytes)} · ${fill(t('peSourceChars'), { n: file.characters })}</dd>
      <dt>${t('peSourceHash')}</dt><dd><code class="hash">${file.sourceHash}</code></dd>
    </dl>`
  }

  override render() {
    const status = this.status
    const validation = this.#validation
    return html`
      <h2>${t('peTitle')}</h2>
      ${this.renderToolbar()}
      <div class="status ${status?.kind ?? ''}" role=${status?.kind === 'error' ? 'alert' : 'status'}>
        ${status ? html`${status.text()}${status.action ? html`<button type="button" class="link" @click=${status.action.run}>${status.action.label()}</button>` : ''}` : ''}
      </div>
      <div class="workspace" @ls-reveal=${this.handleReveal}>
        <section class="pane" aria-labelledby="yaml-title">
          <h3 id="yaml-title">${t('peYamlTitle')}</h3>
          <ls-yaml-editor .value=${this.yaml} .issues=${validation.issues} @ls-yaml-change=${this.handleYamlChange}></ls-yaml-editor>
        </section>
        <section class="pane" aria-labelledby="source-title">
          <h3 id="source-title"><label for="source">${t('peSourceTitle')}</label></h3>
          <textarea id="source" class="source" spellcheck="false" .value=${this.sourceText} @input=${this.handleSourceInput}
            placeholder=${t('peSourcePlaceholder')} aria-describedby="source-note"></textarea>
          <p class="note" id="source-note">${this.sourceText.trim() ? t('peSourceNote') : t('peSourceEmpty')}</p>
          <div class="source-upload">
            <label class="file-button">${t('peUploadSource')}<input class="file-input" type="file" accept=${SOURCE_ACCEPT} aria-describedby="source-upload-hint" @change=${this.handleSourceFile}></label>
            <span class="note" id="source-upload-hint">${t('peUploadSourceHint')}</span>
          </div>
          ${this.renderSourceFile()}
        </section>
        <section class="issues" aria-labelledby="issues-title">
          <h3 id="issues-title">${t('peIssues')}</h3>
          <ls-issue-list .issues=${validation.issues} ?checked=${validation.checked}></ls-issue-list>
        </section>
        <section class="tests" aria-labelledby="tests-title">
          <h3 id="tests-title">${testsText('title')} <span class="count">${testsCount(validation.tests)}</span></h3>
          <ls-policy-tests .results=${validation.tests} ?stale=${validation.stale} error=${validation.testsError ?? ''}></ls-policy-tests>
        </section>
        <section class="previews" aria-labelledby="preview-title">
          <h3 id="preview-title">${t('pePreviews')}</h3>
          <ls-policy-preview .policy=${validation.policy} .sourceText=${this.sourceText} ?stale=${validation.stale}></ls-policy-preview>
        </section>
      </div>
      <section id="versions" aria-labelledby="versions-title">
        <h3 id="versions-title">${t('peVersions')}</h3>
        <ls-policy-versions policy-id=${this.policyId} current=${this.version} .revision=${this.revision} .starting=${this.starting}
          @ls-version-load=${(e: LsVersionLoadEvent) => this.loadVersion(e.detail.policyId, e.detail.version)}
          @ls-close=${() => (this.starting = '')}></ls-policy-versions>
      </section>
    `
  }
}
