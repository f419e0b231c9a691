/**
 * @module Collects every declared id, and reports ids declared twice (`duplicate-id`) — in the
 * shared top-level namespace and inside each nested list (powers, grades, items …).
 */
import { configIssue } from '../config-issue.ts'
import type { ConfigIssue } from '../config-issue.ts'
import type { PolicyConfig } from '../../../schemas/index.ts'
import { isRecord, KIND_NAMES, list } from './check-context.ts'
import type { Declaration, ElementKind } from './check-context.ts'
import type { LocalizedText } from '../../../schemas/api/error.schema.ts'

/** Where each kind of top-level element is declared. */
const SECTIONS: Array<[ElementKind, (policy: PolicyConfig) => unknown, string]> = [
  ['unit', (p) => p.organizations?.units, '/organizations/units'],
  ['group', (p) => p.organizations?.groups, '/organizations/groups'],
  ['body', (p) => p.governance?.bodies, '/governance/bodies'],
  ['provision', (p) => p.governance?.provisions, '/governance/provisions'],
  ['responsibility', (p) => p.responsibilities, '/responsibilities'],
  ['procedure', (p) => p.procedures, '/procedures'],
  ['phase', (p) => p.timeline?.phases, '/timeline/phases'],
  ['milestone', (p) => p.timeline?.milestones, '/timeline/milestones'],
  ['indicator', (p) => p.indicators, '/indicators'],
  ['parameter', (p) => p.parameters, '/parameters'],
  ['assessment', (p) => p.assessments, '/assessments'],
  ['form', (p) => p.forms, '/forms'],
]

/** Nested lists whose ids must be unique within their parent. */
const NESTED: Array<[(policy: PolicyConfig) => unknown, string, string[]]> = [
  [(p) => p.governance?.bodies, '/governance/bodies', ['powers', 'filings']],
  [(p) => p.governance?.provisions, '/governance/provisions', ['items']],
  [(p) => p.procedures, '/procedures', ['conditions', 'materials', 'steps']],
  [(p) => p.assessments, '/assessments', ['items', 'grades']],
  [(p) => p.parameters, '/parameters', ['dimensions']],
]

export function collectDeclarations(policy: PolicyConfig): {
  declarations: Map<string, Declaration>
  dataElements: Set<string>
  issues: ConfigIssue[]
} {
  const declarations = new Map<string, Declaration>()
  const issues: ConfigIssue[] = []
  for (const [kind, read, base] of SECTIONS) {
    list<{ id?: unknown }>(read(policy)).forEach((element, index) => {
      if (!isRecord(element) || typeof element.id !== 'string') return
      const pointer = `${base}/${index}/id`
      const earlier = declarations.get(element.id)
      if (earlier)
        issues.push(duplicate(element.id, pointer, earlier.pointer, KIND_NAMES[earlier.kind]))
      else declarations.set(element.id, { kind, pointer })
    })
  }
  const dataElements = new Set<string>()
  list<{ id?: unknown }>(policy.dataElements).forEach((element, index) => {
    if (!isRecord(element) || typeof element.id !== 'string') return
    if (dataElements.has(element.id)) {
      const first = list<{ id?: unknown }>(policy.dataElements).findIndex(
        (e) => isRecord(e) && e.id === element.id,
      )
      issues.push(
        duplicate(element.id, `/dataElements/${index}/id`, `/dataElements/${first}/id`, {
          zh: '数据元素',
          en: 'data element',
        }),
      )
    }
    dataElements.add(element.id)
  })
  for (const [read, base, fields] of NESTED) {
    list<Record<string, unknown>>(read(policy)).forEach((parent, parentIndex) => {
      if (!isRecord(parent)) return
      for (const field of fields) {
        const seen = new Map<string, string>()
        list<{ id?: unknown }>(parent[field]).forEach((child, index) => {
          if (!isRecord(child) || typeof child.id !== 'string') return
          const pointer = `${base}/${parentIndex}/${field}/${index}/id`
          const earlier = seen.get(child.id)
          if (earlier)
            issues.push(
              duplicate(child.id, pointer, earlier, { zh: '同级条目', en: 'sibling entry' }),
            )
          else seen.set(child.id, pointer)
        })
      }
    })
  }
  return { declarations, dataElements, issues }
}

function duplicate(id: string, pointer: string, earlier: string, kind: LocalizedText): ConfigIssue {
  return configIssue('duplicate-id', pointer, {
    zh: `标识「${id}」重复：已在 ${earlier} 声明为${kind.zh}。请改用一个未被使用的标识。`,
    en: `Duplicate id "${id}": already declared at ${earlier} (a ${kind.en}). Choose an id not used elsewhere.`,
  })
}
