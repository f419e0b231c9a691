/**
 * @module Checks that every reference resolves to a declared id of the right kind
 * (`unknown-reference`, `wrong-reference-kind`), with a did-you-mean for typos.
 */
import { configIssue } from '../config-issue.ts'
import type { ConfigIssue } from '../config-issue.ts'
import { closestMatch } from '../closest-match.ts'
import { ESCALATION_AUDIENCES } from '../../../schemas/policy/escalation.schema.ts'
import { isRecord, KIND_NAMES, list } from './check-context.ts'
import type { CheckContext, ElementKind, PolicyCheck } from './check-context.ts'

const OWNER: ElementKind[] = ['unit', 'group', 'body']

interface Reference {
  pointer: string
  id: unknown
  kinds: ElementKind[]
}

/** Every reference in the config with the kinds it may name. */
export function collectReferences(policy: CheckContext['policy']): Reference[] {
  const refs: Reference[] = []
  const one = (pointer: string, id: unknown, kinds: ElementKind[]) => {
    if (id !== undefined) refs.push({ pointer, id, kinds })
  }
  const many = (pointer: string, ids: unknown, kinds: ElementKind[]) =>
    list(ids).forEach((id, index) => one(`${pointer}/${index}`, id, kinds))
  const owners = (pointer: string, value: unknown) => {
    if (Array.isArray(value)) many(pointer, value, OWNER)
  }
  const each = (
    base: string,
    value: unknown,
    visit: (item: Record<string, unknown>, at: string) => void,
  ) => list(value).forEach((item, index) => isRecord(item) && visit(item, `${base}/${index}`))

  each('/organizations/units', policy.organizations?.units, (unit, at) =>
    one(`${at}/parent`, unit.parent, ['unit']),
  )
  each('/organizations/groups', policy.organizations?.groups, (group, at) => {
    if (typeof group.lead === 'string') one(`${at}/lead`, group.lead, ['unit'])
    else many(`${at}/lead`, group.lead, ['unit'])
    many(`${at}/members`, group.members, ['unit'])
    many(`${at}/groups`, group.groups, ['group'])
  })
  each('/governance/bodies', policy.governance?.bodies, (body, at) => {
    one(`${at}/parent`, body.parent, ['body'])
    one(`${at}/hostUnit`, body.hostUnit, ['unit'])
    many(`${at}/perGroup`, body.perGroup, ['group'])
    one(`${at}/perMember`, body.perMember, ['group'])
    // A seat may be held by a unit, or by "the lead hospital of each group" (a unit set).
    const seats = (field: string, members: unknown) =>
      each(`${at}/${field}`, members, (member, seat) =>
        one(`${seat}/unit`, member.unit, ['unit', 'group']),
      )
    if (isRecord(body.chair)) one(`${at}/chair/unit`, body.chair.unit, ['unit', 'group'])
    seats('deputies', body.deputies)
    seats('members', body.members)
    each(`${at}/filings`, body.filings, (filing, where) => many(`${where}/to`, filing.to, OWNER))
  })
  each('/governance/provisions', policy.governance?.provisions, (set, at) =>
    many(`${at}/appliesTo`, set.appliesTo, ['group']),
  )
  each('/responsibilities', policy.responsibilities, (duty, at) => {
    owners(`${at}/lead`, duty.lead)
    many(`${at}/support`, duty.support, OWNER)
    many(`${at}/supervisors`, duty.supervisors, OWNER)
    each(`${at}/shares`, duty.shares, (share, where) => {
      one(`${where}/unit`, share.unit, ['unit', 'group', 'body'])
      one(`${where}/group`, share.group, ['group'])
    })
    many(`${at}/indicators`, duty.indicators, ['indicator'])
    each(`${at}/deliverables`, duty.deliverables, (deliverable, where) =>
      one(`${where}/to`, deliverable.to, OWNER),
    )
    one(`${at}/form`, duty.form, ['form'])
    one(`${at}/phase`, duty.phase, ['phase'])
    if (isRecord(duty.review)) one(`${at}/review/by`, duty.review.by, OWNER)
  })
  each('/indicators', policy.indicators, (indicator, at) =>
    each(`${at}/targets`, indicator.targets, (target, where) =>
      one(`${where}/relativeTo`, target.relativeTo, ['indicator']),
    ),
  )
  each('/procedures', policy.procedures, (procedure, at) => {
    one(`${at}/applicant`, procedure.applicant, OWNER)
    one(`${at}/form`, procedure.form, ['form'])
    each(`${at}/steps`, procedure.steps, (step, where) => {
      owners(`${where}/actor`, step.actor)
      many(`${where}/with`, step.with, OWNER)
    })
  })
  each('/timeline/phases', policy.timeline?.phases, (phase, at) => {
    many(`${at}/after`, phase.after, ['phase'])
    if (isRecord(phase.gate)) {
      one(`${at}/gate/signOff`, phase.gate.signOff, OWNER)
      many(`${at}/gate/milestones`, phase.gate.milestones, ['milestone'])
    }
  })
  each('/timeline/milestones', policy.timeline?.milestones, (milestone, at) =>
    one(`${at}/phase`, milestone.phase, ['phase']),
  )
  each('/indicators', policy.indicators, (indicator, at) => owners(`${at}/owner`, indicator.owner))
  const audiences: readonly unknown[] = ESCALATION_AUDIENCES
  if (isRecord(policy.escalation)) {
    each('/escalation/steps', policy.escalation.steps, (step, at) =>
      list(step.notify).forEach(
        (id, index) => !audiences.includes(id) && one(`${at}/notify/${index}`, id, OWNER),
      ),
    )
    if (isRecord(policy.escalation.extensions))
      one('/escalation/extensions/reviewer', policy.escalation.extensions.reviewer, OWNER)
  }
  each('/assessments', policy.assessments, (assessment, at) => {
    many(`${at}/subjects`, assessment.subjects, OWNER)
    many(`${at}/assessor`, assessment.assessor, OWNER)
    many(`${at}/with`, assessment.with, OWNER)
    each(`${at}/items`, assessment.items, (item, where) => {
      one(`${where}/indicator`, item.indicator, ['indicator'])
      each(`${where}/measures`, item.measures, (measure, m) =>
        one(`${m}/indicator`, measure.indicator, ['indicator']),
      )
    })
  })
  return refs
}

export const checkReferences: PolicyCheck = ({ policy, declarations }) => {
  const issues: ConfigIssue[] = []
  const known = [...declarations.keys()]
  for (const ref of collectReferences(policy)) {
    if (typeof ref.id !== 'string') continue
    const declared = declarations.get(ref.id)
    const expected = ref.kinds.map((kind) => KIND_NAMES[kind])
    if (!declared) {
      const candidates = known.filter((id) => ref.kinds.includes(declarations.get(id)!.kind))
      const guess = closestMatch(ref.id, candidates)
      issues.push(
        configIssue('unknown-reference', ref.pointer, {
          zh: `引用了未声明的${expected.map((k) => k.zh).join('/')}「${ref.id}」。${guess ? `是否想写「${guess}」？` : `请先在相应部分声明它。`}`,
          en: `Reference to an undeclared ${expected.map((k) => k.en).join('/')} "${ref.id}".${guess ? ` Did you mean "${guess}"?` : ' Declare it first.'}`,
        }),
      )
    } else if (!ref.kinds.includes(declared.kind)) {
      const actual = KIND_NAMES[declared.kind]
      issues.push(
        configIssue('wrong-reference-kind', ref.pointer, {
          zh: `「${ref.id}」是${actual.zh}（声明于 ${declared.pointer}），此处需要${expected.map((k) => k.zh).join('或')}。`,
          en: `"${ref.id}" is a ${actual.en} (declared at ${declared.pointer}); a ${expected.map((k) => k.en).join(' or ')} is needed here.`,
        }),
      )
    }
  }
  return issues
}
