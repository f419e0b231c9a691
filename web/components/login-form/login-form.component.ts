/**
 * Username and password, posted to /api/auth/login; and, when the server has single sign-on
 * configured (`GET /api/auth/options`), a button that goes to the identity provider through
 * `/api/auth/oidc/start` and comes back to this page. A sign-on the server refused comes back as
 * `?login-error=<code>` in the address: its text is shown here (Chinese or English, with the
 * locale) and the parameter is taken out of the address.
 *
 * @summary The login form.
 * @event ls-login - Emitted with `{ user, csrfToken }` after a successful password login.
 */
import { html, LitElement } from 'lit'
import { ApiError, call, client } from '../../api.ts'
import { messageTable, pick, t } from '../../i18n.ts'
import type { LocalizedText } from '../../api.ts'
import { LocaleController } from '../../locale-controller.ts'
import {
  isOidcLoginError,
  LOGIN_ERROR_PARAMETER,
  OIDC_LOGIN_ERRORS,
} from '../../../schemas/api/sign-in.schema.ts'
import styles from './login-form.styles.ts'

const text = messageTable({
  or: { zh: '或', en: 'or' },
})

/** The sign-on's reason in the address, if any; removed from the address once read. */
function takeLoginError(): LocalizedText | undefined {
  const url = new URL(window.location.href)
  const code = url.searchParams.get(LOGIN_ERROR_PARAMETER)
  if (code === null) return undefined
  url.searchParams.delete(LOGIN_ERROR_PARAMETER)
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`)
  return isOidcLoginError(code) ? OIDC_LOGIN_ERRORS[code] : OIDC_LOGIN_ERRORS['sso-failed']
}

export class LsLoginForm extends LitElement {
  static override styles = styles
  static override properties = {
    error: { state: true },
    ssoLabel: { state: true },
  }
  /** A password login's refusal, or a refused sign-on's reason. */
  declare error: LocalizedText | string
  /** The sign-on button's label; null without single sign-on. */
  declare ssoLabel: string | null

  constructor() {
    super()
    this.error = ''
    this.ssoLabel = null
    this.addController(new LocaleController(this))
  }

  override connectedCallback(): void {
    super.connectedCallback()
    this.error = takeLoginError() ?? this.error
    void this.loadOptions()
  }

  private async loadOptions(): Promise<void> {
    try {
      const options = await call(client.auth.options.$get())
      this.ssoLabel = options.oidc?.label ?? null
    } catch {
      // Without the answer, the password form still works: no sign-on button.
      this.ssoLabel = null
    }
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const form = new FormData(event.target as HTMLFormElement)
    try {
      const result = await call(
        client.auth.login.$post({
          json: {
            username: form.get('username') as string,
            password: form.get('password') as string,
          },
        }),
      )
      this.error = ''
      this.dispatchEvent(
        new CustomEvent('ls-login', { detail: result, bubbles: true, composed: true }),
      )
    } catch (error) {
      this.error = error instanceof ApiError ? error.text : String(error)
    }
  }

  /** To the identity provider; back to this page (its path and route) afterwards. */
  private handleSso(): void {
    const here = `${window.location.pathname}${window.location.hash}`
    window.location.assign(`/api/auth/oidc/start?returnTo=${encodeURIComponent(here)}`)
  }

  override render() {
    const error = typeof this.error === 'string' ? this.error : pick(this.error)
    return html`
      <form @submit=${this.handleSubmit} aria-labelledby="login-title">
        <h2 id="login-title">${t('login')}</h2>
        <label>${t('username')}<input name="username" autocomplete="username" required /></label>
        <label>${t('password')}<input name="password" type="password" autocomplete="current-password" required /></label>
        ${error ? html`<p role="alert">${error}</p>` : ''}
        <button type="submit">${t('login')}</button>
        ${
          this.ssoLabel
            ? html`<span class="or">${text('or')}</span>
              <button type="button" class="sso" @click=${this.handleSso}>${this.ssoLabel}</button>`
            : ''
        }
      </form>
    `
  }
}
