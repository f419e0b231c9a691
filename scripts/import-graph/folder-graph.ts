/**
 * @module The shape of an import graph: which folders import which (with how many imports), the
 * folder pairs that import each other both ways, and the import cycles between files.
 */
import type { ImportEdge } from './read-imports.ts'

/** One folder importing another, `count` times (files importing files). */
export interface FolderEdge {
  from: string
  to: string
  count: number
  /** How many of them are erased at runtime (`import type`). */
  typeOnly: number
}

/**
 * The folder a file belongs to: its root and first subfolder (`server/tasks`, `domain/workflow`,
 * `web/components`), or the root itself for a file directly in it (`server/app.ts` → `server`).
 * Deeper folders count as their feature (`server/indicators/import` → `server/indicators`).
 */
export function folderOf(file: string): string {
  const parts = file.split('/')
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0]!
}

/** Folder-level edges (imports within one folder are left out), sorted by source then target. */
export function folderEdges(edges: readonly ImportEdge[]): FolderEdge[] {
  const byPair = new Map<string, FolderEdge>()
  for (const edge of edges) {
    const from = folderOf(edge.from)
    const to = folderOf(edge.to)
    if (from === to) continue
    const key = `${from}\u0000${to}`
    const entry = byPair.get(key) ?? { from, to, count: 0, typeOnly: 0 }
    entry.count += 1
    if (edge.typeOnly) entry.typeOnly += 1
    byPair.set(key, entry)
  }
  return [...byPair.values()].sort(
    (a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
  )
}

/** Pairs of folders that import each other both ways, each pair once as `a↔b` (a < b). */
export function twoWayPairs(edges: readonly FolderEdge[]): string[] {
  const present = new Set(edges.map((edge) => `${edge.from}\u0000${edge.to}`))
  return edges
    .filter((edge) => edge.from < edge.to && present.has(`${edge.to}\u0000${edge.from}`))
    .map((edge) => `${edge.from}↔${edge.to}`)
}

/**
 * The import cycles between files: one cycle (as the list of files, first repeated last) per
 * strongly connected group of files, found with Tarjan's algorithm.
 */
export function fileCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>()
  for (const edge of edges) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to])
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const groups: string[][] = []
  let counter = 0
  const connect = (node: string): void => {
    index.set(node, counter)
    low.set(node, counter)
    counter += 1
    stack.push(node)
    onStack.add(node)
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        connect(target)
        low.set(node, Math.min(low.get(node)!, low.get(target)!))
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!))
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        group.push(member)
      } while (member !== node)
      if (group.length > 1 || (next.get(node) ?? []).includes(node)) groups.push(group)
    }
  }
  for (const node of [...next.keys()].sort()) if (!index.has(node)) connect(node)
  return groups.map((group) => cycleThrough(group.sort()[0]!, new Set(group), next))
}

/** A shortest path from `start` back to itself within one strongly connected group. */
function cycleThrough(
  start: string,
  group: ReadonlySet<string>,
  next: ReadonlyMap<string, string[]>,
): string[] {
  const previous = new Map<string, string>()
  const queue = [start]
  while (queue.length > 0) {
    const node = queue.shift()!
    for (const target of next.get(node) ?? []) {
      if (!group.has(target)) continue
      if (target === start) {
        const path = [node]
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!)
        return [...path, start]
      }
      if (!previous.has(target)) {
        previous.set(target, node)
        queue.push(target)
      }
    }
  }
  return [start, start]
}

/** The folder graph as text: one `from → to  count` line per edge, then the two-way pairs. */
export function formatFolderGraph(edges: readonly FolderEdge[]): string {
  const width = Math.max(0, ...edges.map((edge) => `${edge.from} → ${edge.to}`.length))
  const lines = edges.map((edge) => {
    const arrow = `${edge.from} → ${edge.to}`.padEnd(width)
    const types = edge.typeOnly > 0 ? ` (${edge.typeOnly} type-only)` : ''
    return `${arrow}  ${String(edge.count).padStart(3)}${types}`
  })
  const pairs = twoWayPairs(edges)
  lines.push('', `two-way pairs (${pairs.length}): ${pairs.length ? pairs.join(', ') : 'none'}`)
  return lines.join('\n')
}
