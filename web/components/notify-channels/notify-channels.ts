import { LsNotifyChannels } from './notify-channels.component.ts'

customElements.define('ls-notify-channels', LsNotifyChannels)

declare global {
  interface HTMLElementTagNameMap {
    'ls-notify-channels': LsNotifyChannels
  }
}
