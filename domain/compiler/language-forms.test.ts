/**
 * The language forms that say what a document says and no more: joint group leads, 分别负责
 * shares, every-member targets, one body per member of a set, the document's named parts, and an unspecified frequency or
 * phase window. Each is accepted when written right and reported, located and in both
 * languages, when written wrong.
 */
import type { ConfigIssue } from './config-issue.ts'
import { lineOf, validateWithSource, withReplaced } from '../../test/helpers/minimal-policy.ts'

const SHARED_DUTY = `  - id: funding
    title: 统筹落实补助资金
    lead: [finance-bureau, health-bureau]
    shares:
      - { unit: finance-bureau, part: 落实县级补助 }
      - { unit: health-bureau, part: 申报上级补助 }
    indicators: [county-visit-rate]
`
const FUNDING = `  - id: funding
    title: 统筹落实补助资金
    lead: [finance-bureau]
`

function located(text: string, pointer: string): ConfigIssue {
  const result = validateWithSource(text)
  const issue = result.issues.find((candidate) => candidate.pointer === pointer)
  expect(issue, JSON.stringify(result.issues, null, 2)).toBeDefined()
  expect(result.ok).toBe(false)
  expect(issue!.message.zh.length).toBeGreaterThan(5)
  expect(issue!.message.en.length).toBeGreaterThan(10)
  return issue!
}

describe('several leads with their own shares (分别负责)', () => {
  it('accepts a share for each lead, and the indicator the duty delivers', () => {
    const result = validateWithSource(withReplaced(FUNDING, SHARED_DUTY))
    expect(result.issues).toEqual([])
  })

  it('reports a lead without a share at /responsibilities/2/lead/1, on its line', () => {
    const text = withReplaced(FUNDING, SHARED_DUTY.replace(/ {6}- \{ unit: health-bureau.*\n/, ''))
    // Drops below the two-share minimum too; the lead without a share is still named.
    const issue = located(text, '/responsibilities/2/lead/1')
    expect(issue.message.zh).toContain('health-bureau')
    expect(issue.line).toBe(lineOf(text, 'lead: [finance-bureau, health-bureau]'))
  })

  it('reports a share for a unit that is not a lead at …/shares/1/unit', () => {
    const text = withReplaced(
      FUNDING,
      SHARED_DUTY.replace('unit: health-bureau', 'unit: reform-office'),
    )
    const issue = located(text, '/responsibilities/2/shares/1/unit')
    expect(issue.message.zh).toContain('不是本任务的牵头单位')
    expect(issue.line).toBe(lineOf(text, 'unit: reform-office'))
  })

  it('reports a duty naming an indicator that is not declared', () => {
    const text = withReplaced(
      FUNDING,
      SHARED_DUTY.replace('[county-visit-rate]', '[county-visit-rates]'),
    )
    expect(located(text, '/responsibilities/2/indicators/0').code).toBe('unknown-reference')
  })
})

describe('every-member targets (每个…不少于N)', () => {
  const TARGET = "      - { year: 2020, op: '>=', value: 90, source:"
  it('accepts a lower bound that binds every member', () => {
    const text = withReplaced(
      TARGET,
      "      - { year: 2020, op: '>=', value: 90, each: true, source:",
    )
    expect(validateWithSource(text).issues).toEqual([])
  })

  it('reports an every-member equality at …/targets/0/op', () => {
    const text = withReplaced(
      TARGET,
      "      - { year: 2020, op: '=', value: 90, each: true, source:",
    )
    expect(located(text, '/indicators/0/targets/0/op').code).toBe('target-invalid')
  })

  it('reports a roll-up that is not the worst member at …/rollup/method', () => {
    const text = withReplaced(
      TARGET,
      "      - { year: 2020, op: '>=', value: 90, each: true, source:",
    ).replace(
      '    owner: [health-bureau]\n',
      '    owner: [health-bureau]\n    rollup: { method: mean }\n',
    )
    const issue = located(text, '/indicators/0/rollup/method')
    expect(issue.message.zh).toContain('min')
  })
})

describe('groups led jointly, bodies per member, and what a document leaves open', () => {
  it('accepts a group led by two units and a body set up once per member of a set', () => {
    const text = withReplaced(
      '      memberSelection: 文件未列名单\n',
      '      memberSelection: 文件未列名单\n      lead: [health-bureau, finance-bureau]\n',
    ).replace(
      '      kind: leadership-group\n',
      '      kind: leadership-group\n      perMember: hospitals\n',
    )
    expect(validateWithSource(text).issues).toEqual([])
  })

  it('reports a joint lead naming an unknown unit at …/lead/1', () => {
    const text = withReplaced(
      '      memberSelection: 文件未列名单\n',
      '      memberSelection: 文件未列名单\n      lead: [health-bureau, finance-bureaus]\n',
    )
    expect(located(text, '/organizations/groups/0/lead/1').code).toBe('unknown-reference')
  })

  it('reports a body per member of something that is not a group', () => {
    const text = withReplaced(
      '      kind: leadership-group\n',
      '      kind: leadership-group\n      perMember: health-bureau\n',
    )
    expect(located(text, '/governance/bodies/0/perMember').code).toBe('wrong-reference-kind')
  })

  it('accepts an unspecified frequency, inferred fields and an unspecified phase window', () => {
    const text = withReplaced(
      '    frequency: yearly\n',
      '    frequency: { unspecified: 文件未规定 }\n    inferred: { formula: 按通行口径 }\n',
    ).replace('      window: 2018年8—12月\n', '      window: { unspecified: 文件未划分阶段时间 }\n')
    expect(validateWithSource(text).issues).toEqual([])
  })

  it('reports an inferred field the language does not know', () => {
    const text = withReplaced(
      '    frequency: yearly\n',
      '    frequency: yearly\n    inferred: { owner: 猜的 }\n',
    )
    expect(validateWithSource(text).ok).toBe(false)
  })
})

describe('range, approximate and relative targets', () => {
  const TARGET = "      - { year: 2020, op: '>=', value: 90, source:"
  const INDICATORS = 'indicators:\n'
  const GROWTH =
    'indicators:\n  - { id: gdp-growth, name: 经济增长, valueType: percentage, frequency: yearly, owner: [health-bureau] }\n'
  const written = (target: string) =>
    withReplaced(TARGET, `      - { year: 2020, ${target}, source:`).replace(INDICATORS, GROWTH)
  // The visit rate moves to /indicators/1 once the growth indicator is declared before it.
  it.each([
    ["op: '>=', value: 2, upTo: 3"],
    ["op: '=', value: 30, tolerance: 2"],
    ["op: '<=', relativeTo: gdp-growth"],
  ])('accepts %s', (target) => {
    expect(validateWithSource(written(target)).issues).toEqual([])
  })

  it.each([
    ["op: '<=', value: 2, upTo: 3", '/indicators/1/targets/0/op'],
    ["op: '>=', value: 4, upTo: 3", '/indicators/1/targets/0/upTo'],
    ["op: '>=', value: 30, tolerance: 2", '/indicators/1/targets/0/op'],
    ["op: '<=', value: 5, relativeTo: gdp-growth", '/indicators/1/targets/0/relativeTo'],
    ["op: '<=', relativeTo: county-visit-rate", '/indicators/1/targets/0/relativeTo'],
    ["op: '=', relativeTo: gdp-growth", '/indicators/1/targets/0/op'],
  ])('reports %s at %s', (target, pointer) => {
    const text = written(target)
    const issue = located(text, pointer)
    expect(issue.code).toBe('target-invalid')
    expect(issue.line).toBe(lineOf(text, target))
  })

  it('reports a relative target naming an undeclared indicator', () => {
    expect(
      located(written("op: '<=', relativeTo: gdp-growths"), '/indicators/1/targets/0/relativeTo')
        .code,
    ).toBe('unknown-reference')
  })

  it('reports a range on an assessment’s deduction measure at …/targets/0/upTo', () => {
    const text = withReplaced(
      "targets: [{ op: '>=', value: 90 }]",
      "targets: [{ op: '>=', value: 90, upTo: 95 }]",
    )
    const issue = located(text, '/assessments/0/items/0/measures/0/targets/0/upTo')
    expect(issue.code).toBe('target-invalid')
  })
})

describe('deadlines relative to the plan’s year', () => {
  it('resolves 年内 against the issue date (2018-06-22) and shows the date beside the phrase', async () => {
    const { explainPolicy } = await import('./explain-policy.ts')
    const text = withReplaced('    due: { unspecified: 文件未规定完成时限 }\n', '    due: 年内\n')
    const result = validateWithSource(text)
    expect(result.issues).toEqual([])
    if (!result.ok) throw new Error('invalid')
    expect(explainPolicy(result.policy)).toContain('年内 → 2018-12-31')
  })
})

describe('groups of groups', () => {
  const SETS = `  groups:
    - { id: north, name: 北片, kind: unit-set, members: [health-bureau] }
    - { id: south, name: 南片, kind: unit-set, members: [finance-bureau] }
    - { id: all, name: 全县, kind: unit-set, groups: [north, south] }
`
  it('accepts a group made of other groups', () => {
    const text = withReplaced('  groups:\n', SETS)
    expect(validateWithSource(text).issues).toEqual([])
  })

  it('reports a group that contains itself at …/groups/<n>', () => {
    const text = withReplaced(
      '  groups:\n',
      SETS.replace('members: [health-bureau]', 'groups: [all]'),
    )
    const issue = located(text, '/organizations/groups/0/groups/0')
    expect(issue.message.zh).toContain('包含了自身')
  })
})

describe('several quotes for one element (source.also)', () => {
  const SOURCE = '    source: { clause: 二、2, quote: 统筹落实补助资金 }\n'
  it('accepts a further quote that occurs in the document', () => {
    const text = withReplaced(
      SOURCE,
      '    source:\n      clause: 二、2\n      quote: 统筹落实补助资金\n      also:\n        - { clause: 二、2, quote: 县财政局:统筹落实补助资金 }\n',
    )
    expect(validateWithSource(text).issues).toEqual([])
  })

  it('checks each further quote: one not in the document is quote-not-found at …/also/0/quote', () => {
    const text = withReplaced(
      SOURCE,
      '    source:\n      clause: 二、2\n      quote: 统筹落实补助资金\n      also:\n        - { clause: 二、2, quote: 县财政局:统筹落实全部资金 }\n',
    )
    const issue = located(text, '/responsibilities/2/source/also/0/quote')
    expect(issue.code).toBe('quote-not-found')
    expect(issue.line).toBe(lineOf(text, '统筹落实全部资金'))
  })
})

describe('the document’s own parts named (structure.parts)', () => {
  const named = (parts: string) =>
    withReplaced('responsibilities:\n', `structure:\n  parts:\n${parts}responsibilities:\n`)

  it('accepts headings for the parts the duties’ clauses stand in', () => {
    const text = named(
      '    - { clause: 二、, title: 职责分工 }\n    - { clause: 三、, title: 工作步骤 }\n',
    )
    expect(validateWithSource(text).issues).toEqual([])
  })

  it('reports a part no duty stands in at /structure/parts/1/clause, on its line', () => {
    const text = named(
      '    - { clause: 三、, title: 工作步骤 }\n    - { clause: 四、, title: 保障措施 }\n',
    )
    const issue = located(text, '/structure/parts/1/clause')
    expect(issue.code).toBe('invalid-value')
    expect(issue.message.zh).toContain('四、')
    expect(issue.message.en).toContain('三、')
    expect(issue.line).toBe(lineOf(text, '保障措施'))
  })

  it('reports a part named twice at its second entry', () => {
    const text = named(
      '    - { clause: 三、, title: 工作步骤 }\n    - { clause: 三、, title: 步骤 }\n',
    )
    const issue = located(text, '/structure/parts/1/clause')
    expect(issue.message.zh).toContain('已在第 1 项命名')
  })

  it('reports a part without a heading at /structure/parts/0/title', () => {
    const text = named('    - { clause: 三、 }\n')
    expect(located(text, '/structure/parts/0/title').code).toBe('missing-field')
  })
})
