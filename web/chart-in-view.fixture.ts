/**
 * For component tests: an IntersectionObserver under which every chart is in view, reporting
 * each element as soon as it is observed. A test window lays nothing out, so a real observer
 * never reports anything and charts, which wait to be scrolled to (chart-controller.ts), would
 * never draw.
 */
export class InView {
  readonly #callback: (entries: Array<{ target: Element; isIntersecting: boolean }>) => void
  constructor(callback: (entries: Array<{ target: Element; isIntersecting: boolean }>) => void) {
    this.#callback = callback
  }
  observe(target: Element) {
    queueMicrotask(() => this.#callback([{ target, isIntersecting: true }]))
  }
  unobserve() {}
  disconnect() {}
}
