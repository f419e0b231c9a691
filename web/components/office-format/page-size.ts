/**
 * @module The printed page's size while a document page is shown. `@page` has no effect inside a
 * shadow root, so the rule goes into the document's head while the element is connected, and
 * leaves with it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'

export class PageSizeController implements ReactiveController {
  private style: HTMLStyleElement | null = null
  private readonly orientation: 'landscape' | 'portrait'

  constructor(host: ReactiveControllerHost, orientation: 'landscape' | 'portrait') {
    this.orientation = orientation
    host.addController(this)
  }

  hostConnected(): void {
    this.style = document.createElement('style')
    this.style.dataset.lsPage = this.orientation
    this.style.textContent = `@page { size: A4 ${this.orientation}; margin: 12mm; }`
    document.head.append(this.style)
  }

  hostDisconnected(): void {
    this.style?.remove()
    this.style = null
  }
}
