/**
 * Username and password; posts to /api/auth/login and announces the user.
 *
 * @summary The login form.
 * @event ls-login - Emitted with `{ user, csrfToken }` after a successful login.
 */
import { css, html, LitElement } from 'lit'
import { ApiError, call, client } from '../../api.ts'
import { pick, t } from '../../i18n.ts'

export class LsLoginForm extends LitElement {
  static override styles = css`
    form { display: grid; gap: 0.8rem; max-width: 320px; margin: 3rem auto; background: #fff; padding: 1.5rem; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.1); }
    label { display: grid; gap: 0.3rem; font-size: 0.9rem; }
    input { font: inherit; padding: 0.45rem; border: 1px solid #9aa5b1; border-radius: 4px; }
    button { font: inherit; padding: 0.5rem; background: #1d3c6e; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
    [role='alert'] { color: #b42318; }
  `
  static override properties = { error: { state: true } }
  declare error: string

  constructor() {
    super()
    this.error = ''
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
      this.error = error instanceof ApiError ? pick(error.text) : String(error)
    }
  }

  override render() {
    return html`
      <form @submit=${this.handleSubmit} aria-labelledby="login-title">
        <h2 id="login-title">${t('login')}</h2>
        <label>${t('username')}<input name="username" autocomplete="username" required /></label>
        <label>${t('password')}<input name="password" type="password" autocomplete="current-password" required /></label>
        ${this.error ? html`<p role="alert">${this.error}</p>` : ''}
        <button type="submit">${t('login')}</button>
      </form>
    `
  }
}
