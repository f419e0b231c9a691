/**
 * @module The message above the policy editor: what it says (read at render, so it follows the
 * language switch), its one action, and the error and time texts it is built from.
 */
import { html } from 'lit'
import { ApiError } from '../../api.ts'
import { locale, pick, t } from '../../i18n.ts'

/** A message above the editor; `text` is called at render, so it follows the language switch. */
export interface Status {
  kind: 'info' | 'ok' | 'error'
  text: () => string
  action?: { label: () => string; run: () => void }
}

export const errorText = (error: unknown) => () =>
  error instanceof ApiError ? pick(error.text) : String(error)
export const dateLocale = () => (locale() === 'zh' ? 'zh-CN' : 'en-GB')
export const localTime = (iso: string) => new Date(iso).toLocaleString(dateLocale())

/** The message above the editor, with its action as a link-styled button; read as an alert when it is an error. */
export function renderStatus(status: Status | undefined) {
  return html`<div class="status ${status?.kind ?? ''}" role=${status?.kind === 'error' ? 'alert' : 'status'}>
    ${status ? html`${status.text()}${status.action ? html`<button type="button" class="link" @click=${status.action.run}>${status.action.label()}</button>` : ''}` : ''}
  </div>`
}

/** The message after saving the draft by hand: saved, nothing changed, or the browser refused it. */
export function draftSavedStatus(outcome: 'saved' | 'unchanged' | 'failed'): Status {
  const key =
    outcome === 'saved' ? 'peDraftSaved' : outcome === 'unchanged' ? 'peNoChanges' : 'peDraftFailed'
  return {
    kind: outcome === 'failed' ? 'error' : outcome === 'saved' ? 'ok' : 'info',
    text: () => t(key),
  }
}
