/**
 * @module The dialog publishing asks through first: the policy and version about to be published,
 * what publishing means, and the change note kept with the version (required; `noteError` says why
 * it was refused). The editor opens it, checks the note and publishes.
 */
import { html } from 'lit'
import type { PolicyConfig } from '../../../schemas/index.ts'
import { t } from '../../i18n.ts'

/**
 * The publish dialog, closed until the editor calls its `showModal()`. `confirm` and `cancel` are
 * the editor's own handlers, which Lit calls with the editor as `this`.
 */
export function renderPublishDialog(
  metadata: PolicyConfig['metadata'] | undefined,
  policyId: string,
  noteError: string,
  confirm: (event: SubmitEvent) => Promise<void>,
  cancel: () => void,
) {
  const title = t('pePublishTitle')
    .replace('{policy}', metadata?.id ?? policyId)
    .replace('{version}', metadata?.version ?? '')
  return html`
    <dialog id="publish-dialog" aria-labelledby="publish-title" aria-describedby="publish-explain">
      <form @submit=${confirm} novalidate>
        <h3 id="publish-title">${title}</h3>
        <p id="publish-explain">${t('pePublishExplain')}</p>
        <label for="publish-note">${t('peNote')}</label>
        <textarea id="publish-note" rows="4" maxlength="2000" required aria-required="true"
          aria-invalid=${noteError ? 'true' : 'false'} aria-describedby="publish-note-hint publish-note-error"></textarea>
        <p class="note" id="publish-note-hint">${t('peNoteHint')}</p>
        <p class="field-error" id="publish-note-error" role="alert">${noteError}</p>
        <div class="dialog-actions">
          <button type="button" @click=${cancel}>${t('cancel')}</button>
          <button type="submit" class="primary">${t('peConfirmPublish')}</button>
        </div>
      </form>
    </dialog>
  `
}
