/**
 * @module `luoshi explain`: a readable summary of a valid config — units, bodies, phases with
 * their resolved dates, responsibilities per unit, indicators with targets, assessment items,
 * and which numbered clauses of the source document the config covers.
 */
import { policyTitle } from './policy-names.ts'
import type { PolicyConfig } from '../../schemas/index.ts'
import { addDays, occurrences } from '../deadlines/index.ts'
import type { SourceDocument } from '../source-text/source-document.ts'
import { clauseAgrees } from '../source-text/source-document.ts'
import { effectivePeriod, ruleOf } from './checks/deadlines.ts'
import { collectSources } from './checks/sources.ts'
import { nameIndex } from './policy-names.ts'

type Due = PolicyConfig['responsibilities'][number]['due']

/** Renders the summary as plain text. */
export function explainPolicy(
  policy: PolicyConfig,
  options: { file?: string; source?: SourceDocument } = {},
): string {
  const out: string[] = []
  const { metadata } = policy
  // Phrases relative to the plan's year (年内, 年中 …) resolve against its issue date.
  const anchor = metadata.issueDate
  const names = nameIndex(policy)
  const period = effectivePeriod(policy)
  const horizon = period
    ? { from: period.from, to: period.to ?? addDays(period.from, 3 * 365) }
    : undefined

  out.push(
    `${policyTitle(metadata)}`,
    `${metadata.id} v${metadata.version}${options.file ? `  (${options.file})` : ''}`,
  )
  out.push(
    `地区 ${metadata.region.name}${metadata.region.parent ? `（${metadata.region.parent}）` : ''} · 文号 ${metadata.documentNumber ?? '无'} · 发文 ${metadata.issuingBodies.join('、')} · 成文 ${metadata.issueDate}`,
    `有效期 ${period?.from ?? '?'} 至 ${period?.to ?? '未规定'}${metadata.effective.phrase ? `（${metadata.effective.phrase}）` : ''}`,
  )

  heading(out, '单位 Units', policy.organizations.units.length)
  for (const unit of policy.organizations.units) {
    out.push(`  ${unit.name}  [${unit.id}] ${unit.kind}${unit.external ? ' · 外部' : ''}`)
  }
  const groups = policy.organizations.groups ?? []
  if (groups.length) {
    heading(out, '组织 Groups', groups.length)
    for (const group of groups) {
      const lead =
        typeof group.lead === 'string'
          ? names(group.lead)
          : Array.isArray(group.lead)
            ? `${group.lead.map(names).join('、')}（共同牵头）`
            : group.lead
              ? `未规定（${group.lead.unspecified}）`
              : '—'
      const members = group.members
        ? group.members.map(names).join('、')
        : group.groups
          ? `${group.groups.map(names).join('、')}的成员`
          : (group.memberSelection ?? '—')
      out.push(`  ${group.name}  [${group.id}] ${group.kind} · 牵头 ${lead} · 成员 ${members}`)
    }
  }
  const bodies = policy.governance?.bodies ?? []
  if (bodies.length) {
    heading(out, '机构 Governance bodies', bodies.length)
    for (const body of bodies) {
      const seats = [
        body.chair ? `主任/组长 ${person(body.chair)}` : '',
        body.deputies?.length ? `副职 ${body.deputies.map(person).join('、')}` : '',
        body.members?.length
          ? `成员 ${body.members.length} 人`
          : body.composition
            ? `组成 ${body.composition}`
            : '',
      ].filter(Boolean)
      out.push(
        `  ${body.name}  [${body.id}] ${body.kind}${seats.length ? ' · ' + seats.join(' · ') : ''}`,
      )
      for (const power of body.powers ?? []) out.push(`    · ${power.kind}: ${power.text}`)
      for (const filing of body.filings ?? [])
        out.push(`    · 备案: ${filing.what} → ${filing.to.map(names).join('、')}`)
    }
  }

  heading(out, '阶段 Phases', policy.timeline.phases.length)
  for (const phase of policy.timeline.phases) {
    const gate = phase.gate?.signOff ? ` · 关闭须 ${names(phase.gate.signOff)} 签认` : ''
    out.push(
      `  ${phase.name}  [${phase.id}]  ${describeTime(phase.window, horizon, anchor)}${gate}`,
    )
  }
  for (const milestone of policy.timeline.milestones ?? []) {
    out.push(
      `  ◆ ${milestone.name}  [${milestone.id}]  ${describeTime(milestone.due, horizon, anchor)}`,
    )
  }

  heading(out, '任务（按单位）Responsibilities by unit', policy.responsibilities.length)
  const byOwner = new Map<string, string[]>()
  const phaseWindows = new Map(policy.timeline.phases.map((phase) => [phase.id, phase.window]))
  for (const duty of policy.responsibilities) {
    const within = duty.within ?? (duty.phase ? phaseWindows.get(duty.phase) : undefined)
    const when = describeTime(duty.due, rangeOf(within, anchor) ?? horizon, anchor)
    const leads = Array.isArray(duty.lead) ? duty.lead : ['（未规定牵头单位）']
    const shareOf = (owner: string) => duty.shares?.find((share) => share.unit === owner)?.part
    for (const owner of leads) {
      const share = shareOf(owner)
      push(
        byOwner,
        owner,
        `    [牵头] ${duty.title}${share ? `（分别负责：${share}）` : ''}  ${when}`,
      )
    }
    for (const owner of duty.support ?? [])
      push(byOwner, owner, `    [配合] ${duty.title}  ${when}`)
    for (const owner of duty.supervisors ?? []) push(byOwner, owner, `    [督促指导] ${duty.title}`)
  }
  for (const [owner, lines] of byOwner) {
    out.push(`  ${owner.startsWith('（') ? owner : names(owner)}  (${lines.length})`, ...lines)
  }

  for (const procedure of policy.procedures ?? []) {
    heading(out, `程序 Procedure: ${procedure.name}`, procedure.steps.length)
    procedure.steps.forEach((step, index) => {
      const actor = Array.isArray(step.actor)
        ? step.actor.map(names).join('、')
        : `未规定（${step.actor.unspecified}）`
      out.push(
        `  ${index + 1}. ${step.name} — ${actor} (${step.kind})${step.outcome ? ` → ${step.outcome}` : ''}`,
      )
    })
  }

  const indicators = policy.indicators ?? []
  if (indicators.length) {
    heading(out, '指标 Indicators', indicators.length)
    for (const indicator of indicators) {
      const arrow =
        indicator.direction === 'higher-is-better'
          ? '↑'
          : indicator.direction === 'lower-is-better'
            ? '↓'
            : ''
      const targets = (indicator.targets ?? [])
        .map(
          (t) =>
            `${t.year ?? ''}${t.year ? ' ' : ''}${t.each ? '每个成员 ' : ''}${t.op} ${t.value ?? `基线${(t.delta ?? 0) >= 0 ? '+' : ''}${t.delta}`}`,
        )
        .join('; ')
      out.push(
        `  ${indicator.category ? `[${indicator.category}] ` : ''}${indicator.name}${indicator.unit ? ` (${indicator.unit})` : ''} ${arrow}  ${targets || '无目标值'}${indicator.formula ? `  = ${indicator.formula}` : ''}`,
      )
    }
  }

  for (const assessment of policy.assessments ?? []) {
    heading(out, `考核 Assessment: ${assessment.name}`, assessment.items.length)
    out.push(
      `  总分 ${assessment.totalScore}${assessment.maxScore ? `，封顶 ${assessment.maxScore}` : ''} · ${describeTime(assessment.due, horizon, anchor)}`,
    )
    for (const item of assessment.items) {
      switch (item.kind) {
        case 'deduct':
          out.push(
            `  ${item.name}  ${item.weight} 分  ` +
              item.measures
                .map(
                  (m) =>
                    `${m.targets.map((t) => `${t.year ?? ''}${t.op}${t.value}`).join('/')} 每差 ${m.step} 扣 ${m.points} 分`,
                )
                .join('；') +
              '，扣完为止',
          )
          break
        case 'proportional':
          out.push(`  ${item.name}  ${item.weight} 分  按比例（满分对应 ${item.full}）`)
          break
        case 'bonus':
          out.push(
            `  ${item.name}  加 ${item.points} 分${item.year ? `（${item.year}年）` : ''}  条件 ${item.when}`,
          )
          break
        case 'veto': {
          const forced =
            assessment.grades.find((grade) => grade.id === item.grade)?.name ?? item.grade
          out.push(`  ${item.name}  一票否决 → ${forced}  条件 ${item.when}`)
          break
        }
      }
    }
    for (const grade of assessment.grades) {
      const upper =
        grade.below !== undefined
          ? `<${grade.below}`
          : grade.max !== undefined
            ? `≤${grade.max}`
            : '以上'
      const effects = (grade.effects ?? []).map((effect) => effect.text).join('；')
      out.push(`  等次 ${grade.name}: ≥${grade.min} ${upper}${effects ? ` → ${effects}` : ''}`)
    }
    const rectification = assessment.rectification
    if (rectification)
      out.push(
        `  整改 rectification: ${typeof rectification.due === 'string' ? rectification.due : '时限未规定'}`,
      )
    if (assessment.tests?.length)
      out.push(
        `  测试 policy tests: ${assessment.tests.length}（luoshi test 运行 / run with luoshi test）`,
      )
  }

  for (const table of policy.parameters ?? []) {
    heading(out, `参数 Parameters: ${table.name}`, table.values.length)
    for (const entry of table.values) {
      out.push(`  ${Object.values(entry.at).join(' × ')}: ${entry.value}${table.unit ?? ''}`)
    }
  }

  if (options.source) out.push('', ...coverageLines(policy, options.source))
  return out.join('\n')
}

/** Which numbered clauses of the source some element of the config cites. */
export function clauseCoverage(
  policy: PolicyConfig,
  source: SourceDocument,
): { clause: string; title: string; covered: boolean }[] {
  const cited = collectSources(policy).flatMap((reference) =>
    source.findQuote(reference.quote).map((match) => match.clause),
  )
  return source.clauses.map((clause) => ({
    clause: clause.label,
    title: clause.title,
    covered: cited.some(
      (label) =>
        label === clause.label ||
        (label.startsWith(clause.label) && clauseAgrees(label, clause.label)),
    ),
  }))
}

function coverageLines(policy: PolicyConfig, source: SourceDocument): string[] {
  const coverage = clauseCoverage(policy, source)
  const covered = coverage.filter((entry) => entry.covered).length
  const percent = coverage.length ? Math.round((covered / coverage.length) * 100) : 100
  const lines = [`条款覆盖 Clause coverage: ${covered}/${coverage.length} (${percent}%)`]
  const missing = coverage.filter((entry) => !entry.covered)
  if (missing.length)
    lines.push(
      `  未引用 not cited: ${missing.map((entry) => `${entry.clause} ${entry.title.slice(0, 14)}`).join(' | ')}`,
    )
  return lines
}

function describeTime(
  value: Due | PolicyConfig['timeline']['phases'][number]['window'],
  range: { from: string; to: string } | undefined,
  anchor: string,
): string {
  if (typeof value === 'object' && value !== null && 'unspecified' in value)
    return `时限未规定（${value.unspecified}）`
  const phrase =
    typeof value === 'string'
      ? value
      : 'date' in value
        ? value.date
        : `${value.from} 至 ${value.to}`
  const parsed = ruleOf(value, anchor)
  if (!parsed?.ok) return phrase
  const rule = parsed.rule
  switch (rule.kind) {
    case 'window':
      return typeof value === 'string' ? `${phrase} → ${rule.start} 至 ${rule.end}` : phrase
    case 'date':
      return `${phrase} → ${rule.date}`
    case 'relative':
      return `${phrase} → 自分派起 ${rule.amount} ${rule.unit === 'working-day' ? '个工作日' : rule.unit === 'day' ? '天' : '个月'}`
    case 'recurring': {
      if (!range) return phrase
      const list = occurrences(rule, range)
      const shown = list.slice(0, 4).map((o) => `${o.period}: ${o.start}~${o.due}`)
      return `${phrase} → ${list.length} 期 ${shown.join(', ')}${list.length > 4 ? ' …' : ''}`
    }
  }
}

function rangeOf(value: unknown, anchor: string): { from: string; to: string } | undefined {
  const parsed = value === undefined ? undefined : ruleOf(value, anchor)
  return parsed?.ok && parsed.rule.kind === 'window'
    ? { from: parsed.rule.start, to: parsed.rule.end }
    : undefined
}

function person(member: { name?: string; title: string }): string {
  return member.name ? `${member.name}（${member.title}）` : member.title
}

function heading(out: string[], title: string, count: number): void {
  out.push('', `${title} (${count})`)
}

function push(map: Map<string, string[]>, key: string, line: string): void {
  map.set(key, [...(map.get(key) ?? []), line])
}
