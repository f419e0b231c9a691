import { ISSUE_CODES } from './config-issue.ts'
import type { ConfigIssue, IssueCode } from './config-issue.ts'
import { schemaIssues } from './schema-issues.ts'
import { validatePolicyText } from './validate-policy.ts'
import {
  lineOf,
  MINIMAL_POLICY,
  validateWithSource,
  withReplaced,
} from '../../test/helpers/minimal-policy.ts'

interface BrokenCase {
  code: IssueCode
  /** What is wrong, as the test name says it. */
  what: string
  search: string
  replace: string
  pointer: string
  /** A piece of text on the line the issue must be reported at. */
  at: string
  /** Words the message must contain (Chinese), e.g. the suggested fix. */
  says?: string
  severity?: 'error' | 'warning'
  /** Which occurrence of `at` (1-based) when it appears more than once. */
  nth?: number
}

/** The minimal policy with a policy test before its grades; `test` names what to break. */
function withPolicyTest(test: { values?: string; items?: string; grade?: string } = {}): string {
  const { values = 'county_visits', items = 'visit-rate', grade = 'excellent' } = test
  return `    tests:
      - name: 恰好达标
        year: 2020
        values:
          ${values}: 900
          total_visits: 1000
          violation: false
        expect:
          items: { ${items}: 60 }
          grade: ${grade}
    grades:
`
}

const CASES: BrokenCase[] = [
  {
    code: 'yaml-syntax',
    what: 'a key written twice',
    search: '  version: 1.0.0\n',
    replace: '  version: 1.0.0\n  version: 1.0.1\n',
    pointer: '',
    at: 'version: 1.0.1',
    says: '重复的键',
  },
  {
    code: 'missing-field',
    what: 'metadata without a version',
    search: '  version: 1.0.0\n',
    replace: '',
    pointer: '/metadata/version',
    at: 'id: demo-county-plan',
    says: 'version',
  },
  {
    code: 'unknown-field',
    what: 'a misspelt field',
    search: '    lead: [reform-office]',
    replace: '    leed: [reform-office]',
    pointer: '/responsibilities/0/leed',
    at: 'leed:',
    says: '是否想写「lead」',
  },
  {
    code: 'wrong-type',
    what: 'a total score written in words',
    search: 'totalScore: 100',
    replace: 'totalScore: 一百',
    pointer: '/assessments/0/totalScore',
    at: 'totalScore: 一百',
    says: '应为数字',
  },
  {
    code: 'invalid-value',
    what: 'a misspelt unit kind',
    search: 'kind: department\n      source',
    replace: 'kind: departmnet\n      source',
    pointer: '/organizations/units/0/kind',
    at: 'kind: departmnet',
    says: '是否想写「department」',
  },
  {
    code: 'invalid-format',
    what: 'a date that does not exist',
    search: 'issueDate: 2018-06-22',
    replace: 'issueDate: 2018-06-31',
    pointer: '/metadata/issueDate',
    at: 'issueDate: 2018-06-31',
    says: 'YYYY-MM-DD',
  },
  {
    code: 'invalid-format',
    what: 'an id that is not kebab-case',
    search: '- id: finance-bureau',
    replace: '- id: Finance_Bureau',
    pointer: '/organizations/units/1/id',
    at: 'Finance_Bureau',
    says: '稳定标识',
  },
  {
    code: 'out-of-range',
    what: 'a negative weight',
    search: 'weight: 60',
    replace: 'weight: -5',
    pointer: '/assessments/0/items/0/weight',
    at: 'weight: -5',
    says: '超出范围',
  },
  {
    code: 'empty',
    what: 'no issuing body',
    search: 'issuingBodies: [示范县人民政府]',
    replace: 'issuingBodies: []',
    pointer: '/metadata/issuingBodies',
    at: 'issuingBodies: []',
    says: '至少需要 1 项',
  },
  {
    code: 'duplicate-item',
    what: 'a supporting unit listed twice',
    search: 'support: [health-bureau]',
    replace: 'support: [health-bureau, health-bureau]',
    pointer: '/responsibilities/0/support',
    at: 'support: [health-bureau, health-bureau]',
    says: '重复',
  },
  {
    code: 'duplicate-id',
    what: 'two units with one id',
    search: '- id: finance-bureau',
    replace: '- id: health-bureau',
    pointer: '/organizations/units/1/id',
    at: '- id: health-bureau',
    nth: 2,
    says: '/organizations/units/0/id',
  },
  {
    code: 'unknown-reference',
    what: 'a lead unit that is not declared',
    search: 'lead: [finance-bureau]',
    replace: 'lead: [finance-bureu]',
    pointer: '/responsibilities/2/lead/0',
    at: 'lead: [finance-bureu]',
    says: '是否想写「finance-bureau」',
  },
  {
    code: 'unknown-reference',
    what: 'a veto forcing a grade that does not exist',
    search: 'grade: fail',
    replace: 'grade: failed',
    pointer: '/assessments/0/items/3/grade',
    at: 'grade: failed',
    says: '不在本考核的 grades 中',
  },
  {
    code: 'unknown-reference',
    what: 'a policy test giving a value for an undeclared element',
    search: '    grades:\n',
    replace: withPolicyTest({ values: 'county_visit' }),
    pointer: '/assessments/0/tests/0/values/county_visit',
    at: 'county_visit: 900',
    says: '是否想写「county_visits」',
  },
  {
    code: 'unknown-reference',
    what: 'a policy test expecting a score for an item that does not exist',
    search: '    grades:\n',
    replace: withPolicyTest({ items: 'visit-rates' }),
    pointer: '/assessments/0/tests/0/expect/items/visit-rates',
    at: 'visit-rates: 60',
    says: '是否想写「visit-rate」',
  },
  {
    code: 'unknown-reference',
    what: 'a policy test expecting a grade that does not exist',
    search: '    grades:\n',
    replace: withPolicyTest({ grade: 'excelent' }),
    pointer: '/assessments/0/tests/0/expect/grade',
    at: 'grade: excelent',
    says: '是否想写「excellent」',
  },
  {
    code: 'wrong-reference-kind',
    what: 'a unit named where a phase belongs',
    search: 'phase: drafting',
    replace: 'phase: health-bureau',
    pointer: '/responsibilities/0/phase',
    at: 'phase: health-bureau',
    says: '此处需要阶段',
  },
  {
    code: 'grade-gap',
    what: 'integer bands that leave 89.5 without a grade',
    search: 'min: 60, below: 90',
    replace: 'min: 60, max: 89',
    pointer: '/assessments/0/grades/0/min',
    at: 'id: excellent',
    says: '89.5 分不属于任何等次',
  },
  {
    code: 'grade-overlap',
    what: 'bands that overlap',
    search: 'min: 60, below: 90',
    replace: 'min: 60, below: 95',
    pointer: '/assessments/0/grades/0/min',
    at: 'id: excellent',
    says: '重叠',
  },
  {
    code: 'grade-range',
    what: 'a lowest band that starts above zero',
    search: 'min: 0, below: 60',
    replace: 'min: 10, below: 60',
    pointer: '/assessments/0/grades/2/min',
    at: 'id: fail',
    says: 'min 改为 0',
  },
  {
    code: 'grade-range',
    what: 'a top band that bonuses can exceed',
    search: 'name: 优秀, min: 90,',
    replace: 'name: 优秀, min: 90, max: 100,',
    pointer: '/assessments/0/grades/0',
    at: 'id: excellent',
    says: '最高可得 105 分',
  },
  {
    code: 'weights-mismatch',
    what: 'weights that do not add up to the total',
    search: 'weight: 60',
    replace: 'weight: 50',
    pointer: '/assessments/0/totalScore',
    at: 'totalScore: 100',
    says: '合计 90',
  },
  {
    code: 'effective-period-invalid',
    what: 'a period that ends before it starts',
    search: 'to: 2020-12-31 }',
    replace: 'to: 2017-12-31 }',
    pointer: '/metadata/effective/to',
    at: 'effective:',
    says: '早于开始日',
  },
  {
    code: 'deadline-unparsed',
    what: 'a deadline phrase the parser does not know',
    search: 'due: 2018年4月上旬',
    replace: 'due: 2018年4月初',
    pointer: '/responsibilities/0/due',
    at: 'due: 2018年4月初',
    says: '无法识别时限「2018年4月初」',
  },
  {
    code: 'deadline-unparsed',
    what: 'an indicator entry deadline the parser does not know',
    search: '    frequency: yearly\n    owner: [health-bureau]',
    replace: '    frequency: yearly\n    entryDue: 每年尽快\n    owner: [health-bureau]',
    pointer: '/indicators/0/entryDue',
    at: 'entryDue: 每年尽快',
    says: '无法识别时限「每年尽快」',
  },
  {
    code: 'deadline-unparsed',
    what: 'a default entry deadline the parser does not know',
    search: '\nindicators:\n',
    replace: '\nindicatorEntry:\n  due:\n    monthly: 月初尽快\nindicators:\n',
    pointer: '/indicatorEntry/due/monthly',
    at: 'monthly: 月初尽快',
    says: '无法识别时限「月初尽快」',
  },
  {
    code: 'invalid-value',
    what: 'a default entry deadline that does not recur with its frequency',
    search: '\nindicators:\n',
    replace: '\nindicatorEntry:\n  due:\n    monthly: 次年1月\nindicators:\n',
    pointer: '/indicatorEntry/due/monthly',
    at: 'monthly: 次年1月',
    says: '月度数据的填报时限应每期一次，如 次月上旬；「次年1月」每年一期',
  },
  {
    code: 'invalid-value',
    what: 'an indicator entry deadline that is a single date for a yearly indicator',
    search: '    frequency: yearly\n    owner: [health-bureau]',
    replace: '    frequency: yearly\n    entryDue: 2019年1月\n    owner: [health-bureau]',
    pointer: '/indicators/0/entryDue',
    at: 'entryDue: 2019年1月',
    says: '年度数据的填报时限应每期一次，如 次年1月；「2019年1月」只有一期',
  },
  {
    code: 'deadline-outside-period',
    what: 'a milestone after the plan ends',
    search: 'due: 2018年4月15日前',
    replace: 'due: 2021年4月15日前',
    pointer: '/timeline/milestones/0/due',
    at: 'due: 2021年4月15日前',
    says: '超出有效期',
  },
  {
    code: 'deadline-outside-period',
    what: 'a recurrence with no period inside its phase',
    search: 'window: 2018年8—12月',
    replace: 'window: 2018年10—11月',
    pointer: '/responsibilities/1/due',
    at: 'due: 每个季度最后一个月上旬',
    says: '不会产生任务',
  },
  {
    code: 'quote-not-found',
    what: 'a quote retyped with a different word',
    search: 'quote: 统筹落实补助资金',
    replace: 'quote: 统筹安排补助资金',
    pointer: '/responsibilities/2/source/quote',
    at: 'quote: 统筹安排补助资金',
    says: '前 2 个字「统筹」能对上',
  },
  {
    code: 'clause-mismatch',
    what: 'a quote cited under the wrong clause',
    search: 'clause: 三、(一)',
    replace: 'clause: 三、(二)',
    pointer: '/responsibilities/0/source/clause',
    at: 'clause: 三、(二)',
    says: '引文在「三、(一)」下',
    severity: 'warning',
  },
  {
    code: 'formula-invalid',
    what: 'an unclosed parenthesis',
    search: 'formula: county_visits / total_visits * 100',
    replace: 'formula: county_visits / (total_visits * 100',
    pointer: '/indicators/0/formula',
    at: 'formula: county_visits / (total_visits',
    says: '无法解析',
  },
  {
    code: 'formula-unknown-element',
    what: 'a formula reading an undeclared element',
    search: 'formula: county_visits / total_visits',
    replace: 'formula: county_visit / total_visits',
    pointer: '/indicators/0/formula',
    at: 'formula: county_visit /',
    says: '是否想写「county_visits」',
  },
  {
    code: 'form-schema-invalid',
    what: 'a form field of an unknown type',
    search: 'summary: { type: string, title: 总结 }',
    replace: 'summary: { type: strin, title: 总结 }',
    pointer: '/forms/0/schema',
    at: 'schema:',
    says: 'JSON Schema 无效',
  },
  {
    code: 'parameter-invalid',
    what: 'a parameter at a tier the table does not have',
    search: '{ at: { tier: 二级 }, value: 80 }',
    replace: '{ at: { tier: 三级 }, value: 80 }',
    pointer: '/parameters/0/values/1/at/tier',
    at: 'tier: 三级',
    says: '可选：一级、二级',
  },
  {
    code: 'target-invalid',
    what: 'a target with no value',
    search: "targets: [{ op: '>=', value: 90 }]",
    replace: "targets: [{ op: '>=' }]",
    pointer: '/assessments/0/items/0/measures/0/targets/0',
    at: "targets: [{ op: '>=' }]",
    says: 'value',
  },
  {
    code: 'unknown-placeholder',
    what: 'a bulletin template with a misspelt placeholder',
    search: 'dataElements:\n',
    replace: "supervision:\n  bulletin:\n    title: '{plan}通报（{form}起）'\ndataElements:\n",
    pointer: '/supervision/bulletin/title',
    at: "title: '{plan}通报（{form}起）'",
    says: '{from}',
  },
  {
    code: 'unstorable-character',
    what: 'a title with half of a surrogate pair written as a YAML escape',
    search: '    title: 制定方案\n',
    replace: '    title: "制定方案\\ud800"\n',
    pointer: '/responsibilities/0/title',
    at: 'title: "制定方案',
    says: '\\ud800',
  },
  {
    code: 'unstorable-character',
    what: 'a NUL written as a YAML escape',
    search: '    title: 制定方案\n',
    replace: '    title: "制定\\0方案"\n',
    pointer: '/responsibilities/0/title',
    at: 'title: "制定',
    says: 'NUL',
  },
  {
    code: 'duty-start-invalid',
    what: 'a duty starting on a step of a procedure the config does not declare',
    search: '    due: 2018年4月上旬\n',
    replace:
      '    due: 2018年4月上旬\n    startsWhen: { event: procedure-step, procedure: launch, step: decide }\n',
    pointer: '/responsibilities/0/startsWhen/procedure',
    at: 'startsWhen:',
    says: 'procedures 中声明的程序',
  },
  {
    code: 'target-year-unstated',
    what: 'an assessment year (每年年底 to 2020) without a target and without a statement',
    search: "targets: [{ op: '>=', value: 90 }]",
    replace: "targets: [{ year: 2018, op: '>=', value: 90 }]",
    pointer: '/assessments/0/items/0/measures/0/targets',
    at: "targets: [{ year: 2018, op: '>=', value: 90 }]",
    says: 'yearsWithoutTargets',
  },
]

function find(issues: ConfigIssue[], code: IssueCode, pointer: string): ConfigIssue | undefined {
  return issues.find((issue) => issue.code === code && issue.pointer === pointer)
}

describe('validatePolicyText', () => {
  it('accepts the minimal policy with no issue at all', () => {
    const result = validateWithSource(MINIMAL_POLICY)
    expect(result.issues).toEqual([])
    expect(result.ok).toBe(true)
  })

  it.each(CASES)('reports $code for $what at $pointer', (testCase) => {
    const text = withReplaced(testCase.search, testCase.replace)
    const result = validateWithSource(text)
    const issue = find(result.issues, testCase.code, testCase.pointer)
    expect(issue, JSON.stringify(result.issues, null, 2)).toBeDefined()
    expect(issue!.line).toBe(lineOf(text, testCase.at, testCase.nth))
    expect(issue!.severity).toBe(testCase.severity ?? 'error')
    expect(issue!.file).toBe('demo.yaml')
    if (testCase.says) expect(issue!.message.zh).toContain(testCase.says)
    expect(issue!.message.en.length).toBeGreaterThan(10)
    expect(result.ok).toBe((testCase.severity ?? 'error') === 'warning')
  })

  it('accepts policy tests that name declared values, items and grades', () => {
    const result = validateWithSource(withReplaced('    grades:\n', withPolicyTest()))
    expect(result.issues).toEqual([])
  })

  it('accepts a policy test value given for an indicator rather than its data elements', () => {
    const result = validateWithSource(
      withReplaced('    grades:\n', withPolicyTest({ values: 'county-visit-rate' })),
    )
    expect(result.issues).toEqual([])
  })

  it('accepts a year without targets once the config states it: carry-forward or not-assessed', () => {
    const text = withReplaced(
      "targets: [{ op: '>=', value: 90 }]",
      "targets: [{ year: 2018, op: '>=', value: 90 }]",
      withReplaced(
        '    grades:\n',
        `    yearsWithoutTargets:
      - { year: 2019, treatment: carry-forward, note: 文件未给 2019 年目标，沿用 2018 年 }
      - { year: 2020, treatment: not-assessed, note: 2020 年不考核 }
    grades:\n`,
      ),
    )
    expect(validateWithSource(text).issues).toEqual([])
  })

  it('refuses a delta target whose baseline has neither a value nor a year, at the baseline', () => {
    const text = withReplaced(
      "      - { year: 2020, op: '>=', value: 90, source:",
      "      - { year: 2020, op: '>=', delta: 5, source:",
      withReplaced('    targets:\n', '    baseline: { label: 试点前 }\n    targets:\n'),
    )
    const issue = validateWithSource(text).issues.find((i) => i.pointer.endsWith('/baseline'))
    expect(issue).toMatchObject({ code: 'target-invalid', line: lineOf(text, 'baseline: {') })
    expect(issue!.message.zh).toContain('永远无法判断')
    const dated = text.replace(
      'baseline: { label: 试点前 }',
      'baseline: { label: 试点前, year: 2019 }',
    )
    expect(validateWithSource(dated).issues).toEqual([])
  })

  it('has a broken-config case for every issue code', () => {
    // policy-test-failed is raised on publishing, and tested there (test/api/policies.test.ts);
    // the limits' codes are tested with large texts (test/security/large-yaml.test.ts);
    // quotes-not-checked is the validate route's (test/api/policy-source.test.ts).
    const covered = new Set<string>([
      ...CASES.map((c) => c.code),
      'holiday-data-missing',
      'source-file-missing',
      'quotes-not-checked',
      'no-matching-shape',
      'policy-test-failed',
      'config-too-large',
      'too-many-issues',
    ])
    expect(ISSUE_CODES.filter((code) => !covered.has(code))).toEqual([])
  })

  it('reports every problem at once, in line order', () => {
    let text = withReplaced('lead: [finance-bureau]', 'lead: [finance-bureu]')
    text = withReplaced('weight: 60', 'weight: 50', text)
    text = withReplaced('due: 2018年4月上旬', 'due: 2018年4月初', text)
    text = withReplaced('quote: 统筹落实补助资金', 'quote: 统筹安排补助资金', text)
    const result = validateWithSource(text)
    expect(result.issues.map((issue) => issue.code)).toEqual([
      'deadline-unparsed',
      'unknown-reference',
      'quote-not-found',
      'weights-mismatch',
    ])
    const lines = result.issues.map((issue) => issue.line!)
    expect([...lines].sort((a, b) => a - b)).toEqual(lines)
  })

  it('runs the semantic checks even when the schema fails', () => {
    let text = withReplaced('totalScore: 100', 'totalScore: 一百')
    text = withReplaced('phase: drafting', 'phase: nowhere', text)
    const codes = validateWithSource(text).issues.map((issue) => issue.code)
    expect(codes).toContain('wrong-type')
    expect(codes).toContain('unknown-reference')
  })

  it('reports a missing source document at /metadata', () => {
    const result = validatePolicyText(MINIMAL_POLICY, {
      file: 'demo.yaml',
      readSource: () => undefined,
    })
    const issue = find(result.issues, 'source-file-missing', '/metadata')
    expect(issue?.line).toBe(lineOf(MINIMAL_POLICY, 'metadata:'))
    expect(issue?.message.zh).toContain('source.txt')
  })

  it('warns when working-day deadlines run into a year without holiday data, and stops when the config supplies it', () => {
    let text = withReplaced('to: 2020-12-31 }', 'to: 2027-06-30 }')
    text = withReplaced('due: { unspecified: 文件未规定完成时限 }', 'due: 10个工作日内', text)
    const warned = validateWithSource(text)
    expect(warned.ok).toBe(true)
    const years = warned.issues
      .filter((issue) => issue.code === 'holiday-data-missing')
      .map((issue) => /\d{4}/.exec(issue.message.zh)?.[0])
    expect(years).toEqual(['2027', '2028'])
    expect(
      warned.issues.every((issue) => issue.severity === 'warning' && issue.pointer === '/calendar'),
    ).toBe(true)

    const supplied = `${text}calendar:\n  years:\n    - { year: 2027, holidays: [2027-01-01], workdays: [] }\n    - { year: 2028, holidays: [2028-01-01], workdays: [] }\n`
    expect(validateWithSource(supplied).issues).toEqual([])
  })

  it('explains a YAML comma that split a quote in two', () => {
    const text = withReplaced('quote: 统筹落实补助资金 }', 'quote: 统筹落实,补助资金 }')
    const issue = validateWithSource(text).issues.find((i) => i.code === 'unknown-field')
    expect(issue?.message.zh).toContain('加引号')
  })

  it('rejects a document that is not a mapping', () => {
    const result = validatePolicyText('- just\n- a list\n')
    expect(result.ok).toBe(false)
    expect(result.issues[0]).toMatchObject({ code: 'wrong-type', pointer: '', line: 1 })
  })
})

describe('schemaIssues', () => {
  it('falls back to no-matching-shape for a keyword it has no sentence for', () => {
    const [issue] = schemaIssues([
      {
        instancePath: '/x',
        schemaPath: '#/not',
        keyword: 'not',
        params: {},
        message: 'must NOT be valid',
      },
    ])
    expect(issue).toMatchObject({ code: 'no-matching-shape', pointer: '/x' })
  })

  it('reports a value of none of the accepted shapes once, naming them', () => {
    const text = withReplaced('due: 2018年4月上旬', 'due: 42')
    const issues = validateWithSource(text).issues.filter(
      (i) => i.pointer === '/responsibilities/0/due',
    )
    expect(issues).toHaveLength(1)
    expect(issues[0]!.message.zh).toContain('文本或对象')
  })

  it('reports the bad date inside a structured deadline rather than every shape', () => {
    const text = withReplaced('due: 2018年4月上旬', 'due: { date: 2018-04-31 }')
    const issues = validateWithSource(text).issues
    expect(issues.map((i) => [i.code, i.pointer])).toEqual([
      ['invalid-format', '/responsibilities/0/due/date'],
    ])
  })
})
