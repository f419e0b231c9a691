/**
 * @module Re-renders a component when the language changes (`ls-locale-change` on window).
 * @example constructor() { super(); this.addController(new LocaleController(this)) }
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'

export class LocaleController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost) {}

  private handleLocaleChange = () => this.host.requestUpdate()

  hostConnected(): void {
    window.addEventListener('ls-locale-change', this.handleLocaleChange)
  }

  hostDisconnected(): void {
    window.removeEventListener('ls-locale-change', this.handleLocaleChange)
  }
}
