import { LsBulletinPage } from './bulletin-page.component.ts'

customElements.define('ls-bulletin-page', LsBulletinPage)

declare global {
  interface HTMLElementTagNameMap {
    'ls-bulletin-page': LsBulletinPage
  }
}
