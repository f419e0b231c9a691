/** @module The regions as a tree: which lie below a region (its cities, their counties …). */

interface RegionLink {
  id: string
  parent_id: string | null
}

/** The ids of every region below `id`, at any depth (not `id` itself). Safe on a cycle. */
export function regionsBelow(regions: readonly RegionLink[], id: string): Set<string> {
  const children = new Map<string, string[]>()
  for (const region of regions) {
    if (region.parent_id === null) continue
    const list = children.get(region.parent_id) ?? []
    list.push(region.id)
    children.set(region.parent_id, list)
  }
  const below = new Set<string>()
  const queue = [...(children.get(id) ?? [])]
  while (queue.length > 0) {
    const next = queue.pop()!
    if (next === id || below.has(next)) continue
    below.add(next)
    queue.push(...(children.get(next) ?? []))
  }
  return below
}
