/**
 * @module Matching two versions of a policy by their stable ids: responsibilities, phases,
 * indicators and assessment items. An id kept in the new version matches itself; the author's
 * rename map says which new id an old one became. What neither matches is named, on both sides,
 * so the preview of a migration shows every element it cannot carry over.
 */
import type { PolicyConfig } from '../../schemas/index.ts'
import { AppError } from '../errors.ts'

/** The kinds of element a migration matches by id. */
export const MATCHED_KINDS = [
  'responsibilities',
  'phases',
  'indicators',
  'assessmentItems',
] as const
export type MatchedKind = (typeof MATCHED_KINDS)[number]

/** Old id → new id, per kind (assessment items as `<assessment>/<item>` on both sides). */
export type Renames = Partial<Record<MatchedKind, Record<string, string>>>

interface Element {
  id: string
  name: string
}

/** One kind's matching: old id → new id, and what stayed unmatched on either side. */
export interface KindMatch {
  map: ReadonlyMap<string, string>
  renamed: Array<{ from: string; to: string }>
  /** Elements of the current version the new one has no match for. */
  removed: Element[]
  /** Elements of the new version nothing of the current one matches. */
  added: Element[]
}

export type VersionMatch = Record<MatchedKind, KindMatch>

/** The elements of each kind in a config, in config order. */
function elementsOf(config: PolicyConfig): Record<MatchedKind, Element[]> {
  return {
    responsibilities: config.responsibilities.map((r) => ({ id: r.id, name: r.title })),
    phases: config.timeline.phases.map((p) => ({ id: p.id, name: p.name })),
    indicators: (config.indicators ?? []).map((i) => ({ id: i.id, name: i.name })),
    assessmentItems: (config.assessments ?? []).flatMap((a) =>
      a.items.map((item) => ({ id: `${a.id}/${item.id}`, name: `${item.name}（${a.name}）` })),
    ),
  }
}

/**
 * Matches the elements of `before` to those of `after`.
 * @throws AppError 400 `invalid-body` naming each rename (at `/renames/<kind>/<old id>`) whose old
 *   id the current version lacks, whose new id the new version lacks, or whose new id is taken.
 */
export function matchVersions(
  before: PolicyConfig,
  after: PolicyConfig,
  renames: Renames = {},
): VersionMatch {
  const old = elementsOf(before)
  const next = elementsOf(after)
  const issues: Array<{ pointer: string; message: { zh: string; en: string } }> = []
  const result = {} as VersionMatch
  for (const kind of MATCHED_KINDS) {
    const oldIds = new Map(old[kind].map((e) => [e.id, e]))
    const newIds = new Map(next[kind].map((e) => [e.id, e]))
    const given = renames[kind] ?? {}
    const targets = new Set<string>()
    for (const [from, to] of Object.entries(given)) {
      const pointer = `/renames/${kind}/${from.replace(/~/g, '~0').replace(/\//g, '~1')}`
      if (!oldIds.has(from))
        issues.push({
          pointer,
          message: {
            zh: `当前版本没有「${from}」，不能改名`,
            en: `The current version has no "${from}" to rename`,
          },
        })
      else if (!newIds.has(to))
        issues.push({
          pointer,
          message: {
            zh: `新版本没有「${to}」：请写新版本中的标识`,
            en: `The new version has no "${to}": give an id of the new version`,
          },
        })
      else if (targets.has(to) || (oldIds.has(to) && !(to in given) && to !== from))
        issues.push({
          pointer,
          message: {
            zh: `「${to}」已与其他元素对应，一个新标识只能对应一个旧标识`,
            en: `"${to}" is matched already: one new id matches one old id`,
          },
        })
      targets.add(to)
    }
    const map = new Map<string, string>()
    const renamed: KindMatch['renamed'] = []
    for (const element of old[kind]) {
      const to = given[element.id] ?? element.id
      if (!newIds.has(to)) continue
      map.set(element.id, to)
      if (to !== element.id) renamed.push({ from: element.id, to })
    }
    const matched = new Set(map.values())
    result[kind] = {
      map,
      renamed,
      removed: old[kind].filter((e) => !map.has(e.id)),
      added: next[kind].filter((e) => !matched.has(e.id)),
    }
  }
  if (issues.length)
    throw new AppError(
      400,
      'invalid-body',
      { zh: '改名对照有误', en: 'Invalid renames' },
      { issues },
    )
  return result
}
