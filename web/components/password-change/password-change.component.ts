/**
 * The forced first change of a one-time password (from an administrator's create or reset): the
 * current password and the new one twice, posted to /api/auth/password. Until it succeeds the
 * server answers nothing else, so the shell shows only this form.
 *
 * @summary Change a one-time password.
 * @event ls-password-changed - Emitted once the new password is set.
 */
import { css, html, LitElement } from 'lit'
import { ApiError, call, client } from '../../api.ts'
import { messageTable, pick } from '../../i18n.ts'

const text = messageTable({
  title: { zh: '请设置新密码', en: 'Set a new password' },
  intro: {
    zh: '当前密码是管理员发放的一次性密码，修改后才能继续使用。新密码至少 10 个字符，包含小写字母、大写字母、数字、其他符号中的至少三类（或不少于 16 个字符），且不能与用户名相同。',
    en: 'Your password is a one-time password from an administrator; change it to continue. The new one needs at least 10 characters with three of: lower-case, upper-case, digits, other characters (or at least 16 characters), and must not be your username.',
  },
  current: { zh: '一次性密码（当前密码）', en: 'One-time (current) password' },
  next: { zh: '新密码', en: 'New password' },
  again: { zh: '再次输入新密码', en: 'New password again' },
  differ: { zh: '两次输入的新密码不一致', en: 'The two new passwords differ' },
  submit: { zh: '修改密码', en: 'Change password' },
})

export class LsPasswordChange extends LitElement {
  static override styles = css`
    form { display: grid; gap: 0.8rem; max-width: 360px; margin: 3rem auto; background: #fff; padding: 1.5rem; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.1); }
    label { display: grid; gap: 0.3rem; font-size: 0.9rem; }
    input { font: inherit; padding: 0.45rem; border: 1px solid #9aa5b1; border-radius: 4px; }
    button { font: inherit; padding: 0.5rem; background: #1d3c6e; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
    [role='alert'] { color: #b42318; }
  `
  static override properties = { errors: { state: true } }
  declare errors: string[]

  constructor() {
    super()
    this.errors = []
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const form = new FormData(event.target as HTMLFormElement)
    const currentPassword = form.get('current') as string
    const newPassword = form.get('next') as string
    if (newPassword !== form.get('again')) {
      this.errors = [text('differ')]
      return
    }
    try {
      await call(client.auth.password.$post({ json: { currentPassword, newPassword } }))
      this.errors = []
      this.dispatchEvent(new CustomEvent('ls-password-changed', { bubbles: true, composed: true }))
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      // Each broken rule of the policy, else the error itself.
      const issues = error.details.issues ?? []
      this.errors =
        issues.length > 0 ? issues.map((issue) => pick(issue.message)) : [pick(error.text)]
    }
  }

  override render() {
    return html`
      <form @submit=${this.handleSubmit} aria-labelledby="password-title">
        <h2 id="password-title">${text('title')}</h2>
        <p>${text('intro')}</p>
        <label>${text('current')}<input name="current" type="password" autocomplete="current-password" required /></label>
        <label>${text('next')}<input name="next" type="password" autocomplete="new-password" required /></label>
        <label>${text('again')}<input name="again" type="password" autocomplete="new-password" required /></label>
        ${this.errors.length > 0 ? html`<ul role="alert">${this.errors.map((message) => html`<li>${message}</li>`)}</ul>` : ''}
        <button type="submit">${text('submit')}</button>
      </form>
    `
  }
}
