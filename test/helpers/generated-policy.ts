/**
 * Large synthetic policies and their source texts, for the benchmarks (how validation and a plan
 * start scale beyond the bundled plans) and for tests that need a plan of many tasks.
 */
import { stringify } from 'yaml'

const PHRASES = [
  '2019年4月上旬',
  '2019年6月下旬',
  '2019年8—12月',
  '2019年12月15日前',
  '每个季度最后一个月上旬',
  '按月度',
  '每年年底',
  '10个工作日内',
]

const RECURRING = new Set(['每个季度最后一个月上旬', '按月度', '每年年底'])

/** N responsibilities over 50 units, with supporting units and recurring deadlines. */
export function generatePolicy(responsibilities: number): { text: string; source: string } {
  const sourceLines = ['示范市大型实施方案', '一、职责分工']
  const units = Array.from({ length: 50 }, (_, i) => ({
    id: `unit-${i}`,
    name: `单位${i}`,
    kind: 'department',
  }))
  const phases = Array.from({ length: 5 }, (_, i) => ({
    id: `phase-${i}`,
    name: `阶段${i}`,
    window: `2019年${i * 2 + 1}—${i * 2 + 2}月`,
  }))
  const duties = Array.from({ length: responsibilities }, (_, i) => {
    const sentence = `第${i}项任务由单位${i % 50}牵头落实并按时报送进展情况`
    sourceLines.push(`${(i % 99) + 1}.${sentence}。`)
    return {
      id: `duty-${i}`,
      title: `任务${i}`,
      lead: [`unit-${i % 50}`],
      support: [`unit-${(i + 1) % 50}`, `unit-${(i + 2) % 50}`],
      phase: `phase-${i % 5}`,
      due: PHRASES[i % PHRASES.length],
      // Recurring duties run over the whole plan rather than their two-month phase.
      ...(RECURRING.has(PHRASES[i % PHRASES.length]!) ? { within: '2019年1月至2021年12月' } : {}),
      source: { clause: '一、', quote: sentence },
    }
  })
  const policy = {
    metadata: generatedMetadata('generated-plan', '示范市大型实施方案', '示范市', 'prefecture'),
    organizations: { units },
    responsibilities: duties,
    timeline: { phases },
  }
  return { text: stringify(policy), source: sourceLines.join('\n') + '\n' }
}

/** Fixed-date deadlines (no recurrence), two per phase, so every task gets an escalation timer. */
const FIXED = [
  { due: '2019年3月下旬', phase: 'phase-0' },
  { due: '2019年6月下旬', phase: 'phase-0' },
  { due: '2019年9月30日前', phase: 'phase-1' },
  { due: '2019年12月15日前', phase: 'phase-1' },
] as const

/** The same duties due on other days, each still in its phase: a revision that moves every deadline. */
const MOVED = [
  { due: '2019年4月下旬', phase: 'phase-0' },
  { due: '2019年6月20日前', phase: 'phase-0' },
  { due: '2019年10月31日前', phase: 'phase-1' },
  { due: '2019年12月31日前', phase: 'phase-1' },
] as const

/**
 * A plan-sized policy: `responsibilities` duties, each led by one `unit-set` group whose
 * `units` primary-care members are listed explicitly, each with a fixed due date, a source
 * quote and a phase; a leading group and its office review the reports. Starting a plan on it
 * creates `units × responsibilities` tasks. With `revised`, version 1.1.0 of it, which moves
 * every deadline (its document says so too); `id` is the policy's.
 */
export function generatePlanPolicy(
  units: number,
  responsibilities: number,
  { revised = false, id = 'generated-province-plan' } = {},
): { text: string; source: string } {
  const sourceLines = [
    '示范省基层医疗卫生机构综合改革实施方案',
    '一、组织领导',
    '成立医改领导小组，领导小组办公室设在省卫健委。',
    '二、职责分工',
  ]
  const members = Array.from({ length: units }, (_, i) => ({
    id: `clinic-${i}`,
    name: `基层机构${i}`,
    kind: 'primary-care',
  }))
  const duties = Array.from({ length: responsibilities }, (_, i) => {
    const { due, phase } = (revised ? MOVED : FIXED)[i % FIXED.length]!
    const sentence = `各基层医疗卫生机构于${due}完成第${i}项改革任务并报送进展情况`
    sourceLines.push(`${i + 1}.${sentence}。`)
    return {
      id: `duty-${i}`,
      title: `改革任务${i}`,
      lead: ['primary-care-units'],
      phase,
      due,
      source: { clause: '二、', quote: sentence },
    }
  })
  const policy = {
    metadata: {
      ...generatedMetadata(id, '示范省基层医疗卫生机构综合改革实施方案', '示范省', 'province'),
      ...(revised ? { version: '1.1.0' } : {}),
    },
    organizations: {
      units: [{ id: 'health-commission', name: '省卫健委', kind: 'department' }, ...members],
      groups: [
        {
          id: 'primary-care-units',
          name: '各基层医疗卫生机构',
          kind: 'unit-set',
          members: members.map((unit) => unit.id),
        },
      ],
    },
    governance: {
      bodies: [
        { id: 'leading-group', name: '医改领导小组', kind: 'leadership-group' },
        {
          id: 'reform-office',
          name: '领导小组办公室',
          kind: 'office',
          parent: 'leading-group',
          hostUnit: 'health-commission',
        },
      ],
    },
    responsibilities: duties,
    timeline: {
      phases: [
        { id: 'phase-0', name: '启动实施', window: '2019年1—6月' },
        { id: 'phase-1', name: '全面推进', window: '2019年7—12月' },
      ],
    },
  }
  return { text: stringify(policy), source: sourceLines.join('\n') + '\n' }
}

/** The metadata every generated policy shares: issued 2019-01-01, effective three years. */
function generatedMetadata(id: string, title: string, region: string, level: string) {
  return {
    id,
    title,
    region: { name: region, level },
    issuingBodies: [`${region}人民政府`],
    issueDate: '2019-01-01',
    effective: { from: '2019-01-01', to: '2021-12-31' },
    version: '1.0.0',
  }
}
