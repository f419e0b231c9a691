/**
 * @module Re-renders a component when the language changes (`ls-locale-change` on window).
 * @example constructor() { super(); this.addController(new LocaleController(this)) }
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'

export class LocaleController implements ReactiveController {
  /** `onChange` runs after the re-render is requested (e.g. to redraw a chart's labels). */
  private readonly host: ReactiveControllerHost
  private readonly onChange: (() => void) | undefined

  constructor(host: ReactiveControllerHost, onChange?: () => void) {
    this.host = host
    this.onChange = onChange
  }

  private handleLocaleChange = () => {
    this.host.requestUpdate()
    this.onChange?.()
  }

  hostConnected(): void {
    window.addEventListener('ls-locale-change', this.handleLocaleChange)
  }

  hostDisconnected(): void {
    window.removeEventListener('ls-locale-change', this.handleLocaleChange)
  }
}
