/**
 * @module Reads a compiled XState machine (`machine.root.states`, each state's `on`) into boxes
 * and arrows, and lays them out in one row in declaration order: arrows to a neighbour run
 * straight, longer forward arrows arc above, arrows back arc below, self-transitions loop on top.
 */
import type { AnyStateMachine } from 'xstate'

/** One transition: an event, its guard (if any) and where it leads. */
export interface MachineTransition {
  from: string
  to: string
  event: string
  guard?: string
}

export interface MachineGraph {
  states: Array<{ key: string; initial: boolean; final: boolean }>
  transitions: MachineTransition[]
  /**
   * Events every state handles at the root: timers, which leave the state as it is,
   * `WITHDRAW`, which ends any state not final in `withdrawn`, and `CLOSE`, which ends it in
   * `closed` when the plan is closed.
   */
  rootEvents: string[]
}

type GuardLike =
  string | { type?: unknown; guards?: unknown } | ((...args: never[]) => unknown) | undefined

function guardName(guard: GuardLike): string | undefined {
  if (guard === undefined) return undefined
  if (typeof guard === 'string') return guard
  const parts = (guard as { guards?: unknown }).guards
  if (Array.isArray(parts))
    return parts.map((part) => guardName(part as GuardLike) ?? '?').join(' && ')
  const type = (guard as { type?: unknown }).type
  return typeof type === 'string' ? type : (guard as { name?: string }).name || undefined
}

/** The states and transitions of a machine's top level. */
export function machineGraph(machine: AnyStateMachine): MachineGraph {
  const root = machine.root
  const initial = root.initial?.target?.[0]?.key
  const states = Object.entries(root.states).map(([key, node]) => ({
    key,
    initial: key === initial,
    final: node.type === 'final',
  }))
  const transitions: MachineTransition[] = []
  for (const [key, node] of Object.entries(root.states)) {
    for (const [event, definitions] of Object.entries(node.on)) {
      for (const definition of definitions) {
        const guard = guardName(definition.guard)
        for (const target of definition.target ?? [node]) {
          transitions.push({ from: key, to: target.key, event, ...(guard ? { guard } : {}) })
        }
      }
    }
  }
  return { states, transitions, rootEvents: Object.keys(root.on) }
}

export const NODE_W = 150
export const NODE_H = 60
const GAP = 100
const MARGIN = 16
const LABEL_H = 14

/** An arrow with its path and where its labels go. */
export interface EdgeLayout {
  from: string
  to: string
  events: string[]
  path: string
  labelX: number
  /** Baseline of the first label line; further lines go up (above) or down (below). */
  labelY: number
  /** +1: further labels below the first, −1: above. */
  stack: 1 | -1
}

export interface GraphLayout {
  width: number
  height: number
  nodes: Array<{ key: string; x: number; y: number; initial: boolean; final: boolean }>
  edges: EdgeLayout[]
}

const arcHeight = (span: number) => 34 + 30 * (span - 1)

/** Places the states in a row and routes every arrow. */
export function layoutGraph(graph: MachineGraph): GraphLayout {
  const index = new Map(graph.states.map((state, i) => [state.key, i]))
  const merged = new Map<string, { from: string; to: string; events: string[] }>()
  for (const transition of graph.transitions) {
    const id = `${transition.from}\u0000${transition.to}`
    const entry = merged.get(id) ?? { from: transition.from, to: transition.to, events: [] }
    if (!entry.events.includes(transition.event)) entry.events.push(transition.event)
    merged.set(id, entry)
  }
  const spans = [...merged.values()].map(
    (edge) => (index.get(edge.to) ?? 0) - (index.get(edge.from) ?? 0),
  )
  const above = Math.max(1, ...spans.filter((span) => span > 1))
  const below = Math.max(0, ...spans.filter((span) => span < 0).map((span) => -span))
  const maxLines = Math.max(1, ...[...merged.values()].map((edge) => edge.events.length))
  const top =
    MARGIN + Math.max(0.75 * arcHeight(above) + LABEL_H * maxLines, 40 + LABEL_H * maxLines)
  const x = (i: number) => MARGIN + i * (NODE_W + GAP)
  const nodes = graph.states.map((state, i) => ({ ...state, x: x(i), y: top }))
  const mid = top + NODE_H / 2
  const bottom = top + NODE_H
  const edges: EdgeLayout[] = [...merged.values()].map((edge) => {
    const a = index.get(edge.from) ?? 0
    const b = index.get(edge.to) ?? 0
    const span = b - a
    if (span === 0) {
      const left = x(a) + NODE_W * 0.4
      const right = x(a) + NODE_W * 0.6
      return {
        ...edge,
        path: `M${left},${top} C${left - 18},${top - 38} ${right + 18},${top - 38} ${right},${top}`,
        labelX: x(a) + NODE_W / 2,
        labelY: top - 34,
        stack: -1,
      }
    }
    if (span === 1) {
      const from = x(a) + NODE_W
      const to = x(b)
      return {
        ...edge,
        path: `M${from},${mid} L${to},${mid}`,
        labelX: (from + to) / 2,
        labelY: mid - 6,
        stack: -1,
      }
    }
    if (span > 1) {
      const from = x(a) + NODE_W * 0.75
      const to = x(b) + NODE_W * 0.25
      const h = arcHeight(span)
      return {
        ...edge,
        path: `M${from},${top} C${from},${top - h} ${to},${top - h} ${to},${top}`,
        labelX: (from + to) / 2,
        labelY: top - 0.75 * h - 5,
        stack: -1,
      }
    }
    const from = x(a) + NODE_W * 0.25
    const to = x(b) + NODE_W * 0.75
    const h = arcHeight(-span)
    // The label sits inside the arc, above its lowest point, clear of longer arcs below.
    return {
      ...edge,
      path: `M${from},${bottom} C${from},${bottom + h} ${to},${bottom + h} ${to},${bottom}`,
      labelX: (from + to) / 2,
      labelY: bottom + 0.75 * h - 4,
      stack: -1,
    }
  })
  const height = bottom + (below ? 0.75 * arcHeight(below) + 8 : 0) + MARGIN
  return { width: x(graph.states.length - 1) + NODE_W + MARGIN, height, nodes, edges }
}

/**
 * Splits a label into lines of at most `size` characters. CJK text breaks anywhere; text without
 * CJK breaks at spaces, with lines about twice as long (Latin letters are narrower).
 */
export function wrapLabel(text: string, size: number, maxLines: number): string[] {
  if (!/[\u3000-\u9fff\uff00-\uffef]/.test(text) && text.includes(' ')) {
    const lines: string[] = []
    for (const word of text.split(/\s+/)) {
      const last = lines[lines.length - 1]
      if (last !== undefined && last.length + 1 + word.length <= size * 2)
        lines[lines.length - 1] = `${last} ${word}`
      else lines.push(word)
    }
    if (lines.length > maxLines) return [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]}…`]
    return lines
  }
  const chars = [...text]
  const lines: string[] = []
  for (let i = 0; i < chars.length && lines.length < maxLines; i += size)
    lines.push(chars.slice(i, i + size).join(''))
  if (chars.length > size * maxLines) lines[maxLines - 1] = lines[maxLines - 1]!.slice(0, -1) + '…'
  return lines
}
