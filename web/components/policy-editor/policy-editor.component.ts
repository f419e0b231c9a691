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
import { html, LitElement } from 'lit'
import { call, client } from '../../api.ts'
import type { PolicyList } from '../../api-types.ts'
import type { LsRevealEvent } from '../../events/ls-reveal.ts'
import type { LsVersionLoadEvent } from '../../events/ls-version-load.ts'
import { fill, pick, t } from '../../i18n.ts'
import '../issue-list/issue-list.ts'
import '../policy-tests/policy-tests.ts'
import '../policy-versions/policy-versions.ts'
import '../yaml-editor/yaml-editor.ts'
import type { LsYamlEditor } from '../yaml-editor/yaml-editor.component.ts'
import { DraftAutosave } from './draft-autosave.ts'
import { lastDraftId, NEW_POLICY, readDraft } from './draft-store.ts'
import { LatestOnly } from '../../latest-only.ts'
import { LocaleController } from '../../locale-controller.ts'
import { openVersion, publishPolicy } from './policy-actions.ts'
import { readYamlFile, renderSourceFile, SOURCE_ACCEPT, uploadSourceFile } from './source-file.ts'
import type { SourceFile } from './source-file.ts'
import { POLICY_TEMPLATE } from './policy-template.ts'
import { PolicyValidation } from './policy-validation.ts'
import { renderChecks } from './policy-checks.ts'
import { renderToolbar } from './policy-toolbar.ts'
import { renderPublishDialog } from './publish-dialog.ts'
import { draftSavedStatus, errorText, localTime, renderStatus } from './editor-status.ts'
import type { Status } from './editor-status.ts'
import styles from './policy-editor.styles.ts'

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
    this.status = draftSavedStatus(this.#drafts.save())
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

  override render() {
    const status = this.status
    const validation = this.#validation
    return html`
      <h2>${t('peTitle')}</h2>
      ${renderToolbar(this, validation, this.#drafts.savedAt, {
        openYaml: this.handleYamlFile,
        selectPolicy: this.handlePolicySelect,
        saveDraft: this.handleSaveDraft,
        discard: this.handleDiscard,
        publish: this.handlePublishClick,
      })}
      ${renderPublishDialog(validation.policy?.metadata, this.policyId, this.noteError, this.handlePublishConfirm, this.handlePublishCancel)}
      ${renderStatus(status)}
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
          ${renderSourceFile(this.sourceFile)}
        </section>
        ${renderChecks(validation, this.sourceText)}
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
