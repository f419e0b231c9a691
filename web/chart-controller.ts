/**
 * @module One ECharts chart in a component's shadow root: the chart module is imported only when
 * the first drawing is due and the chart's element comes near the viewport (so ECharts stays out
 * of the initial bundle and off a first screen that shows no chart), the chart is created on
 * its element (again if a re-render replaced the element), follows the element's size, and is
 * disposed when the component leaves the page. A chart that fails to draw leaves the component's
 * table, which says the same, in place.
 * @example
 * private chart = new ChartController(this, () => import('./unit-progress.chart.ts'))
 * private redraw() {
 *   this.chart.draw((charts, element) => charts.createUnitChart(element), (charts) => charts.unitOption(this.units, labels))
 * }
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { EChartsCoreOption, EChartsType } from 'echarts/core'

type Host = ReactiveControllerHost &
  HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment }

export class ChartController<Module> implements ReactiveController {
  #chart: EChartsType | null = null
  readonly #resize = new ResizeObserver(() => this.#chart?.resize())
  /** Elements seen near the viewport; a chart is drawn only on one of them. */
  readonly #seen = new WeakSet<Element>()
  #visibility: IntersectionObserver | undefined
  /** The drawing waiting for its element to come near the viewport. */
  #pending: (() => void) | undefined

  private readonly host: Host
  private readonly load: () => Promise<Module>
  private readonly selector: string

  constructor(
    host: Host,
    load: () => Promise<Module>,
    /** Where the chart draws, inside the host's render root. */
    selector: string = '.chart',
  ) {
    this.host = host
    this.load = load
    this.selector = selector
    host.addController(this)
  }

  /** Draws (or redraws) the chart when its element is on the page; never throws. */
  draw(
    create: (module: Module, element: HTMLElement) => EChartsType,
    option: (module: Module) => EChartsCoreOption,
  ): void {
    this.#draw(create, option).catch((error: unknown) => console.warn('chart', error))
  }

  /** True when `element` is (or has been) near the viewport; else draws once it comes near. */
  #near(element: HTMLElement, redraw: () => void): boolean {
    if (typeof IntersectionObserver === 'undefined' || this.#seen.has(element)) return true
    this.#pending = redraw
    this.#visibility ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue
          this.#seen.add(entry.target)
          this.#visibility?.unobserve(entry.target)
          const pending = this.#pending
          this.#pending = undefined
          pending?.()
        }
      },
      { rootMargin: '0px' },
    )
    this.#visibility.observe(element)
    return false
  }

  async #draw(
    create: (module: Module, element: HTMLElement) => EChartsType,
    option: (module: Module) => EChartsCoreOption,
  ): Promise<void> {
    const element = this.host.renderRoot.querySelector<HTMLElement>(this.selector)
    if (!element) return
    if (!this.#near(element, () => this.draw(create, option))) return
    const module = await this.load()
    if (!this.host.isConnected) return
    if (!this.#chart || this.#chart.getDom() !== element) {
      this.#chart?.dispose()
      this.#chart = create(module, element)
      this.#resize.observe(element)
    }
    this.#chart.setOption(option(module), true)
  }

  hostDisconnected(): void {
    this.#visibility?.disconnect()
    this.#visibility = undefined
    this.#pending = undefined
    this.#resize.disconnect()
    this.#chart?.dispose()
    this.#chart = null
  }
}
