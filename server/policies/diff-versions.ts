/**
 * @module The semantic diff between two versions of a policy: what moving a running plan from
 * one to the other changes — responsibilities, deadlines, phases, indicators and scoring — by id,
 * not by line.
 */
import type { PolicyConfig } from '../../schemas/index.ts'

export interface FieldChange {
  field: string
  from: unknown
  to: unknown
}

export interface ElementDiff {
  added: Array<{ id: string; name: string }>
  removed: Array<{ id: string; name: string }>
  changed: Array<{ id: string; name: string; fields: FieldChange[] }>
}

export interface PolicyDiff {
  from: string
  to: string
  responsibilities: ElementDiff
  deadlines: Array<{ id: string; name: string; field: string; from: unknown; to: unknown }>
  phases: ElementDiff
  indicators: ElementDiff
  scoring: ElementDiff
}

/** Compares two configs of the same policy. */
export function diffPolicies(before: PolicyConfig, after: PolicyConfig): PolicyDiff {
  const responsibilities = diffById(before.responsibilities, after.responsibilities, (r) => r.title, ['title', 'lead', 'support', 'due', 'within', 'phase', 'review', 'form'])
  const deadlines = responsibilities.changed.flatMap((change) =>
    change.fields.filter((f) => f.field === 'due' || f.field === 'within').map((f) => ({ id: change.id, name: change.name, field: f.field, from: f.from, to: f.to })),
  )
  const scoringItems = (config: PolicyConfig) =>
    (config.assessments ?? []).flatMap((assessment) => [
      ...assessment.items.map((item) => ({ ...item, id: `${assessment.id}/${item.id}` })),
      ...assessment.grades.map((grade) => ({ ...grade, id: `${assessment.id}/grade/${grade.id}` })),
      { id: `${assessment.id}/total`, name: `${assessment.name} 总分`, totalScore: assessment.totalScore, maxScore: assessment.maxScore },
    ])
  return {
    from: before.metadata.version,
    to: after.metadata.version,
    responsibilities,
    deadlines,
    phases: diffById(before.timeline.phases, after.timeline.phases, (p) => p.name, ['name', 'window', 'gate', 'after']),
    indicators: diffById(before.indicators ?? [], after.indicators ?? [], (i) => i.name, ['name', 'formula', 'targets', 'owner', 'frequency', 'direction', 'unit']),
    scoring: diffById(scoringItems(before), scoringItems(after), (s) => String((s as { name?: string }).name ?? s.id), [
      'weight', 'measures', 'points', 'when', 'grade', 'indicator', 'full', 'cap', 'year', 'min', 'max', 'below', 'effects', 'totalScore', 'maxScore',
    ]),
  }
}

function diffById<T extends { id: string }>(before: T[], after: T[], name: (item: T) => string, fields: string[]): ElementDiff {
  const old = new Map(before.map((item) => [item.id, item]))
  const next = new Map(after.map((item) => [item.id, item]))
  const result: ElementDiff = { added: [], removed: [], changed: [] }
  for (const [id, item] of next) if (!old.has(id)) result.added.push({ id, name: name(item) })
  for (const [id, item] of old) if (!next.has(id)) result.removed.push({ id, name: name(item) })
  for (const [id, item] of next) {
    const previous = old.get(id)
    if (!previous) continue
    const changes = fields
      .filter((field) => JSON.stringify((previous as Record<string, unknown>)[field]) !== JSON.stringify((item as Record<string, unknown>)[field]))
      .map((field) => ({ field, from: (previous as Record<string, unknown>)[field], to: (item as Record<string, unknown>)[field] }))
    if (changes.length) result.changed.push({ id, name: name(item), fields: changes })
  }
  return result
}
