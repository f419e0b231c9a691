/**
 * A one-time password the server returned, shown once in a dialog with a copy button and the
 * warning that it cannot be seen again. It lives only in the `secret` property; closing the dialog
 * fires `ls-close`, and the owner forgets it.
 *
 * @summary Show a one-time password once.
 * @fires ls-close - The dialog was closed: the owner drops the secret.
 */
import { html, LitElement, nothing } from 'lit'
import { messageTable } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import styles from './one-time-secret.styles.ts'

const text = messageTable({
  secretTitle: { zh: '{name} 的一次性密码', en: 'One-time password of {name}' },
  secretWarning: {
    zh: '此密码只显示这一次，关闭后无法再查看。请当面或通过安全渠道交给本人；首次登录须修改密码。',
    en: 'This password is shown this once and cannot be seen again after closing. Hand it over in person or by a safe channel; it must be changed at first login.',
  },
  copy: { zh: '复制', en: 'Copy' },
  copied: { zh: '已复制', en: 'Copied' },
  close: { zh: '关闭', en: 'Close' },
})

export class LsOneTimeSecret extends LitElement {
  static override styles = styles
  static override properties = {
    secret: { attribute: false },
    copied: { state: true },
  }

  declare secret: { name: string; password: string } | undefined
  declare copied: boolean

  constructor() {
    super()
    this.secret = undefined
    this.copied = false
    this.addController(new LocaleController(this))
  }

  private async copy(): Promise<void> {
    if (!this.secret) return
    try {
      await navigator.clipboard.writeText(this.secret.password)
      this.copied = true
    } catch {
      // No clipboard (a page not served securely, or permission refused): the password stays
      // selectable in the dialog, so the button just does not claim a copy.
      this.copied = false
    }
  }

  private close(): void {
    this.copied = false
    this.dispatchEvent(new CustomEvent('ls-close', { bubbles: true, composed: true }))
  }

  override render() {
    const secret = this.secret
    if (!secret) return nothing
    return html`<dialog open role="alertdialog" aria-modal="true" aria-labelledby="secret-title">
      <h3 id="secret-title">${text('secretTitle', { name: secret.name })}</h3>
      <p class="secret" data-secret>${secret.password}</p>
      <p class="warn">${text('secretWarning')}</p>
      <div class="row">
        <button @click=${this.copy}>${this.copied ? text('copied') : text('copy')}</button>
        <button class="primary" data-action="close" @click=${this.close}>${text('close')}</button>
      </div>
    </dialog>`
  }
}
