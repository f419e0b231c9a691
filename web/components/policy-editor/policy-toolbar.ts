/**
 * @module The row of actions above the policy editor: open a YAML file, pick the policy, the
 * version the text is based on, when the draft was saved, save or discard the draft, and publish —
 * refused while the config's own tests (考核测试) fail, with the reason shown under the row.
 */
import { html, nothing } from 'lit'
import type { PolicyList } from '../../api-types.ts'
import { t } from '../../i18n.ts'
import { NEW_POLICY } from './draft-store.ts'
import { dateLocale } from './editor-status.ts'
import type { PolicyValidation } from './policy-validation.ts'

/** What the toolbar shows of the editor: its policies, the text's policy and version, whether it is publishing. */
export interface ToolbarState {
  policies: PolicyList['policies']
  policyId: string
  version: string
  busy: boolean
}

/**
 * What the toolbar's controls do: the editor's own handlers, which Lit calls with the editor as
 * `this`, as it does every listener in the editor's templates.
 */
export interface ToolbarActions {
  openYaml: (event: Event) => Promise<void>
  selectPolicy: (event: Event) => Promise<void>
  saveDraft: () => void
  discard: () => Promise<void>
  publish: () => void
}

/** The toolbar, the reason publishing is refused when it is, given the validation and the draft's save time. */
export function renderToolbar(
  editor: ToolbarState,
  validation: PolicyValidation,
  savedAt: string,
  actions: ToolbarActions,
) {
  const { policies, policyId, version, busy } = editor
  const known = policies.some((p) => p.policyId === policyId)
  const errors = validation.issues.filter((issue) => issue.severity !== 'warning').length
  // A config whose own tests (考核测试) fail would score units wrongly: it is not published
  // (the server refuses it too). Tests of an older text (the current one has errors) do not count.
  const testsFail = !validation.stale && (validation.tests ?? []).some((result) => !result.passed)
  const why = testsFail ? t('pePublishTestsFailing') : errors ? t('pePublishWithErrors') : ''
  return html`
    <div class="toolbar" part="toolbar">
      <label class="file-button">${t('peOpenYaml')}<input class="file-input" type="file" accept=".yaml,.yml,application/yaml,text/yaml" @change=${actions.openYaml}></label>
      <label for="policy">${t('pePolicy')}</label>
      <select id="policy" @change=${actions.selectPolicy}>
        ${policies.map((p) => html`<option value=${p.policyId} ?selected=${p.policyId === policyId}>${p.title} (${p.policyId} v${p.version})</option>`)}
        <option value=${NEW_POLICY} ?selected=${!known}>${!known && policyId ? `${policyId} — ${t('peUnpublished')}` : t('peNewPolicy')}</option>
      </select>
      <span class="version">${version ? t('peBasedOn').replace('{version}', version) : ''}</span>
      <span class="spacer"></span>
      <span class="saved" aria-live="polite">${savedAt ? t('peDraftAt').replace('{time}', new Date(savedAt).toLocaleTimeString(dateLocale())) : ''}</span>
      <button type="button" @click=${actions.saveDraft}>${t('peSaveDraft')}</button>
      <button type="button" @click=${actions.discard} ?disabled=${!savedAt}>${t('peDiscardDraft')}</button>
      <button type="button" class="primary" @click=${actions.publish} ?disabled=${busy || testsFail} aria-haspopup="dialog"
        title=${why} aria-describedby=${testsFail ? 'publish-blocked' : nothing}>${busy ? t('pePublishing') : t('pePublish')}</button>
    </div>
    ${testsFail ? html`<p class="blocked" id="publish-blocked">${t('pePublishTestsFailing')}</p>` : nothing}
  `
}
