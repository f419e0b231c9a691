/**
 * The published versions of a policy (highest first) with the change note each was published
 * with and the sha256 of its source document (with a link that downloads it): open one in the
 * editor, start a plan from it, or compare two versions with the semantic diff.
 *
 * @summary Versions of a policy, their diff, and plan start.
 * @event ls-version-load - Emitted with `{ policyId, version }` to open a version in the editor.
 * @event ls-plan-start - Bubbles from `ls-plan-starter` after a plan started.
 */
import { html, LitElement } from 'lit'
import type { PropertyValues } from 'lit'
import { ApiError, call, client, pathParams } from '../../api.ts'
import type { PolicyDiff, PolicyVersions } from '../../api-types.ts'
import type { LsVersionLoadEvent } from '../../events/ls-version-load.ts'
import { locale, pick, t } from '../../i18n.ts'
import '../plan-starter/plan-starter.ts'
import '../policy-diff/policy-diff.ts'
import { LocaleController } from '../../locale-controller.ts'
import styles from './policy-versions.styles.ts'

type Version = PolicyVersions['versions'][number]

export class LsPolicyVersions extends LitElement {
  static override styles = styles
  static override properties = {
    policyId: { attribute: 'policy-id' },
    current: {},
    revision: { type: Number },
    versions: { state: true },
    error: { state: true },
    diffFrom: { state: true },
    diffTo: { state: true },
    diff: { state: true },
    starting: {},
  }

  /** The policy whose versions are listed. */
  declare policyId: string
  /** The version open in the editor, marked in the list. */
  declare current: string
  /** Bump to reload the list (after publishing). */
  declare revision: number
  declare versions: Version[]
  declare error: string
  declare diffFrom: string
  declare diffTo: string
  declare diff: PolicyDiff | undefined
  /** The version whose plan-start form is open ('' for none). */
  declare starting: string

  constructor() {
    super()
    this.policyId = ''
    this.current = ''
    this.revision = 0
    this.versions = []
    this.error = ''
    this.diffFrom = ''
    this.diffTo = ''
    this.diff = undefined
    this.starting = ''
    this.addController(new LocaleController(this))
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('policyId') || changed.has('revision')) && this.policyId) void this.load()
  }

  private async load(): Promise<void> {
    const policyId = this.policyId
    try {
      const { versions } = await call(
        client.policies[':policyId'].versions.$get({ param: pathParams({ policyId }) }),
      )
      if (policyId !== this.policyId) return
      this.versions = versions
      this.error = ''
      this.diff = undefined
      this.diffTo = versions[0]?.version ?? ''
      this.diffFrom = versions[1]?.version ?? versions[0]?.version ?? ''
    } catch (error) {
      if (policyId !== this.policyId) return
      this.versions = []
      this.error =
        error instanceof ApiError && error.status === 404
          ? ''
          : error instanceof ApiError
            ? pick(error.text)
            : String(error)
    }
  }

  private async handleDiff(): Promise<void> {
    try {
      this.diff = await call(
        client.policies[':policyId'].diff.$get({
          param: pathParams({ policyId: this.policyId }),
          query: { from: this.diffFrom, to: this.diffTo },
        }),
      )
      this.error = ''
    } catch (error) {
      this.error = error instanceof ApiError ? pick(error.text) : String(error)
    }
  }

  private handleOpen(version: string): void {
    this.dispatchEvent(
      new CustomEvent('ls-version-load', {
        detail: { policyId: this.policyId, version },
        bubbles: true,
        composed: true,
      }) satisfies LsVersionLoadEvent,
    )
  }

  private renderSelect(id: string, label: string, value: string, set: (value: string) => void) {
    return html`<label for=${id}>${label}</label>
      <select id=${id} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
        ${this.versions.map((v) => html`<option value=${v.version} ?selected=${v.version === value}>${v.version}</option>`)}
      </select>`
  }

  /** The version's source hash and a link that downloads the source. */
  private renderSource(v: Version) {
    if (!v.sourceHash) return html`<span class="muted">${t('peVersionNoSource')}</span>`
    const href = `/api/policies/${encodeURIComponent(this.policyId)}/versions/${encodeURIComponent(v.version)}/source`
    return html`<code class="hash" title=${v.sourceHash}>${v.sourceHash.slice(0, 12)}</code>
      <a href=${href} download>${t('peSourceDownload')}</a>`
  }

  override render() {
    if (!this.policyId) return html`<p class="muted">${t('peNoPolicyId')}</p>`
    if (this.versions.length === 0)
      return html`${this.error ? html`<p role="alert">${this.error}</p>` : ''}<p class="muted">${t('peNotPublished')}</p>`
    const when = (iso: string) =>
      new Date(iso).toLocaleString(locale() === 'zh' ? 'zh-CN' : 'en-GB', {
        dateStyle: 'medium',
        timeStyle: 'short',
      })
    return html`
      <table>
        <caption class="muted" style="text-align:left">${t('peVersionsOf').replace('{policy}', this.policyId)}</caption>
        <thead><tr><th scope="col">${t('peVersion')}</th><th scope="col">${t('peTitleCol')}</th><th scope="col">${t('peNote')}</th><th scope="col">${t('pePublishedAt')}</th><th scope="col">${t('peSourceHash')}</th><th scope="col">${t('peActions')}</th></tr></thead>
        <tbody>
          ${this.versions.map(
            (v) => html`<tr aria-current=${v.version === this.current ? 'true' : 'false'}>
              <td><strong>${v.version}</strong> <span class="hash" title=${v.contentHash}>${v.contentHash.slice(0, 8)}</span></td>
              <td>${v.title}</td>
              <td class="note">${v.note ?? html`<span class="muted">—</span>`}</td>
              <td>${when(v.publishedAt)}</td>
              <td class="source">${this.renderSource(v)}</td>
              <td class="actions">
                <button type="button" @click=${() => this.handleOpen(v.version)}>${t('peOpenVersion')}</button>
                <button type="button" class="primary" @click=${() => (this.starting = v.version)} aria-expanded=${this.starting === v.version ? 'true' : 'false'}>${t('peStartPlan')}</button>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.starting ? html`<ls-plan-starter policy-id=${this.policyId} version=${this.starting} @ls-close=${() => (this.starting = '')}></ls-plan-starter>` : ''}
      <h3>${t('peCompare')}</h3>
      ${
        this.versions.length < 2
          ? html`<p class="muted">${t('peOneVersion')}</p>`
          : html`<div class="diff-controls">
            ${this.renderSelect('diff-from', t('peFrom'), this.diffFrom, (value) => (this.diffFrom = value))}
            ${this.renderSelect('diff-to', t('peTo'), this.diffTo, (value) => (this.diffTo = value))}
            <button type="button" class="primary" @click=${this.handleDiff}>${t('peShowDiff')}</button>
          </div>`
      }
      ${this.error ? html`<p role="alert">${this.error}</p>` : ''}
      ${this.diff ? html`<ls-policy-diff .diff=${this.diff} aria-live="polite"></ls-policy-diff>` : ''}
    `
  }
}
