/**
 * Draws a compiled workflow machine as boxes and arrows (SVG), with a table of every transition
 * and its guard for reading without the picture.
 *
 * @summary A state diagram of a task lifecycle or a procedure.
 * @csspart canvas - The scrollable box around the SVG.
 */
import { html, LitElement, svg } from 'lit'
import type { AnyStateMachine } from 'xstate'
import { fill, t, tOf } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import { layoutGraph, machineGraph, NODE_H, NODE_W, wrapLabel } from './machine-graph.ts'
import type { GraphLayout, MachineGraph } from './machine-graph.ts'
import styles from './workflow-diagram.styles.ts'

/** What a box says: a title and an optional second line (an actor, a kind). */
export interface StateLabel {
  title: string
  subtitle?: string
}

let instances = 0

export class LsWorkflowDiagram extends LitElement {
  static override styles = styles
  static override properties = {
    machine: { attribute: false },
    labels: { attribute: false },
    heading: {},
  }

  /** The compiled machine (task lifecycle or procedure). */
  declare machine: AnyStateMachine | undefined
  /** Display text per state key; states without one show their key. */
  declare labels: Record<string, StateLabel>
  /** The caption. */
  declare heading: string

  readonly #id = `wf${++instances}`
  #graph: { machine: AnyStateMachine; graph: MachineGraph; layout: GraphLayout } | undefined

  constructor() {
    super()
    this.machine = undefined
    this.labels = {}
    this.heading = ''
    this.addController(new LocaleController(this))
  }

  private graph() {
    if (!this.machine) return undefined
    if (this.#graph?.machine !== this.machine) {
      const graph = machineGraph(this.machine)
      this.#graph = { machine: this.machine, graph, layout: layoutGraph(graph) }
    }
    return this.#graph
  }

  private label(key: string): StateLabel {
    return this.labels[key] ?? { title: key }
  }

  private eventName(event: string): string {
    const text = tOf('event_', event)
    return text === `event_${event}` ? event : text
  }

  private guardText(guard: string): string {
    return guard
      .split(' && ')
      .map((part) => {
        const text = tOf('peGuard_', part)
        return text === `peGuard_${part}` ? part : text
      })
      .join(t('peAnd'))
  }

  private renderSvg(layout: GraphLayout, graph: MachineGraph) {
    const marker = `${this.#id}-arrow`
    const backMarker = `${this.#id}-back`
    const order = new Map(graph.states.map((state, i) => [state.key, i]))
    const initial = layout.nodes.find((node) => node.initial)
    return svg`
      <defs>
        <marker id=${marker} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#52606d"></path></marker>
        <marker id=${backMarker} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#b54708"></path></marker>
      </defs>
      ${initial ? svg`<circle class="start" cx=${initial.x - 8} cy=${initial.y + NODE_H / 2} r="5"></circle>` : ''}
      ${layout.edges.map((edge) => {
        const back = (order.get(edge.to) ?? 0) < (order.get(edge.from) ?? 0)
        return svg`<g class="edge ${back ? 'back' : ''}">
          <path d=${edge.path} marker-end="url(#${back ? backMarker : marker})"></path>
          ${edge.events.map((event, i) => svg`<text x=${edge.labelX} y=${edge.labelY + edge.stack * i * 14} text-anchor="middle">${this.eventName(event)}</text>`)}
        </g>`
      })}
      ${layout.nodes.map((node) => {
        const label = this.label(node.key)
        const lines = wrapLabel(label.title, 10, label.subtitle ? 2 : 3)
        const sub = label.subtitle ? wrapLabel(label.subtitle, 12, 1) : []
        const first = node.y + NODE_H / 2 - ((lines.length + sub.length - 1) * 15) / 2 + 4
        return svg`<g class="node ${node.initial ? 'initial' : ''} ${node.final ? 'final' : ''}">
          <title>${label.title}${label.subtitle ? ` — ${label.subtitle}` : ''}</title>
          <rect class="outer" x=${node.x} y=${node.y} width=${NODE_W} height=${NODE_H} rx="8"></rect>
          ${node.final ? svg`<rect x=${node.x + 4} y=${node.y + 4} width=${NODE_W - 8} height=${NODE_H - 8} rx="6"></rect>` : ''}
          ${lines.map((line, i) => svg`<text class="title" x=${node.x + NODE_W / 2} y=${first + i * 15} text-anchor="middle">${line}</text>`)}
          ${sub.map((line) => svg`<text class="subtitle" x=${node.x + NODE_W / 2} y=${first + lines.length * 15} text-anchor="middle">${line}</text>`)}
        </g>`
      })}
    `
  }

  override render() {
    const built = this.graph()
    if (!built) return html``
    const { graph, layout } = built
    const summary = fill(t('peDiagramSummary'), {
      states: graph.states.length,
      transitions: graph.transitions.length,
    })
    return html`
      <figure>
        ${this.heading ? html`<figcaption id="${this.#id}-caption">${this.heading}</figcaption>` : ''}
        <div class="canvas" part="canvas">
          <svg viewBox="0 0 ${layout.width} ${layout.height}" style="min-width: ${Math.min(layout.width, 760)}px" role="img" aria-label="${this.heading} — ${summary}">
            ${this.renderSvg(layout, graph)}
          </svg>
        </div>
        <details>
          <summary>${t('peTransitions')} (${graph.transitions.length})</summary>
          <table>
            <thead><tr><th scope="col">${t('peFromState')}</th><th scope="col">${t('peEvent')}</th><th scope="col">${t('peCondition')}</th><th scope="col">${t('peToState')}</th></tr></thead>
            <tbody>
              ${graph.transitions.map(
                (tr) =>
                  html`<tr><td>${this.label(tr.from).title}</td><td>${this.eventName(tr.event)} <code>${tr.event}</code></td><td>${tr.guard ? this.guardText(tr.guard) : '—'}</td><td>${this.label(tr.to).title}</td></tr>`,
              )}
            </tbody>
          </table>
          ${graph.rootEvents.length ? html`<p class="note">${t('peRootEvents')}: ${graph.rootEvents.map((event) => html`<code>${event}</code> `)}</p>` : ''}
        </details>
      </figure>
    `
  }
}
