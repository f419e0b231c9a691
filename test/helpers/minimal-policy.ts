/**
 * A small, valid policy config and its source text, for tests that break one thing at a time.
 * Every section is present so each check has something to look at.
 */
import { validatePolicyText } from '../../domain/compiler/validate-policy.ts'
import type { ValidatePolicyResult } from '../../domain/compiler/validate-policy.ts'

export const MINIMAL_SOURCE = `示范县医改实施方案
一、总体要求
(一)工作目标
到2020年,县域内就诊率达到90%以上。
二、职责分工
1.县卫健局:牵头做好规划、协调和考核工作。
2.县财政局:统筹落实补助资金。
三、工作步骤
(一)制定方案(2018年4月上旬)
县医改办牵头组织调查研究,拟订实施方案。
(二)督导检查(2018年8—12月)
定期在每个季度最后一个月上旬督导检查。
附件:
一、考核等次
考核结果分为优秀、合格和不合格。
`

/** The YAML text of the minimal policy. Tests edit it with {@link withReplaced}. */
export const MINIMAL_POLICY = `# yaml-language-server: $schema=../../schemas/policy.schema.json
metadata:
  id: demo-county-plan
  title: 示范县医改实施方案
  region: { name: 示范县, level: county, parent: 示范市 }
  issuingBodies: [示范县人民政府]
  issueDate: 2018-06-22
  effective: { from: 2018-04-01, to: 2020-12-31 }
  version: 1.0.0
organizations:
  units:
    - id: health-bureau
      name: 县卫健局
      kind: department
      source: { clause: 二、1, quote: 县卫健局:牵头做好规划、协调和考核工作 }
    - id: finance-bureau
      name: 县财政局
      kind: department
    - id: reform-office
      name: 县医改办
      kind: office
  groups:
    - id: hospitals
      name: 县级医院
      kind: unit-set
      memberSelection: 文件未列名单
governance:
  bodies:
    - id: leading-group
      name: 领导小组
      kind: leadership-group
      chair: { name: 张三, title: 副县长 }
      members:
        - { title: 局长, unit: health-bureau }
responsibilities:
  - id: draft-plan
    title: 制定方案
    lead: [reform-office]
    support: [health-bureau]
    phase: drafting
    due: 2018年4月上旬
    source: { clause: 三、(一), quote: '县医改办牵头组织调查研究,拟订实施方案' }
  - id: supervise
    title: 督导检查
    lead: [leading-group]
    phase: supervision
    due: 每个季度最后一个月上旬
    source: { clause: 三、(二), quote: 定期在每个季度最后一个月上旬督导检查 }
  - id: funding
    title: 统筹落实补助资金
    lead: [finance-bureau]
    due: { unspecified: 文件未规定完成时限 }
    source: { clause: 二、2, quote: 统筹落实补助资金 }
timeline:
  phases:
    - id: drafting
      name: 制定方案
      window: 2018年4月上旬
    - id: supervision
      name: 督导检查
      window: 2018年8—12月
      gate: { signOff: leading-group }
  milestones:
    - id: plan-done
      name: 方案定稿
      due: 2018年4月15日前
dataElements:
  - { id: county_visits, name: 县域内就诊人次, valueType: count }
  - { id: total_visits, name: 总就诊人次, valueType: count }
  - { id: violation, name: 重大违规, valueType: boolean }
indicators:
  - id: county-visit-rate
    name: 县域内就诊率
    valueType: percentage
    unit: '%'
    direction: higher-is-better
    formula: county_visits / total_visits * 100
    frequency: yearly
    owner: [health-bureau]
    targets:
      - { year: 2020, op: '>=', value: 90, source: { clause: 一、(一), quote: 县域内就诊率达到90%以上 } }
assessments:
  - id: annual
    name: 年度考核
    subjects: [hospitals]
    assessor: [health-bureau]
    due: 每年年底
    totalScore: 100
    items:
      - id: visit-rate
        name: 县域内就诊率
        kind: deduct
        weight: 60
        measures:
          - indicator: county-visit-rate
            targets: [{ op: '>=', value: 90 }]
            step: 1
            points: 3
            rounding: whole-steps
      - id: satisfaction
        name: 满意度
        kind: proportional
        weight: 40
        indicator: county-visit-rate
        full: 100
      - id: bonus
        name: 加分
        kind: bonus
        points: 5
        when: county_visits > 0
      - id: veto
        name: 一票否决
        kind: veto
        when: violation
        grade: fail
    grades:
      - { id: excellent, name: 优秀, min: 90, source: { clause: 附件一、, quote: 考核结果分为优秀、合格和不合格 } }
      - { id: pass, name: 合格, min: 60, below: 90 }
      - { id: fail, name: 不合格, min: 0, below: 60 }
parameters:
  - id: ratios
    name: 报销比例
    unit: '%'
    dimensions:
      - { id: tier, name: 医院级别, values: [一级, 二级] }
    values:
      - { at: { tier: 一级 }, value: 90 }
      - { at: { tier: 二级 }, value: 80 }
forms:
  - id: summary-form
    title: 书面总结
    schema:
      type: object
      required: [summary]
      properties:
        summary: { type: string, title: 总结 }
`

/** Replaces one exact piece of the minimal policy, failing loudly if it is not there. */
export function withReplaced(search: string, replacement: string, text = MINIMAL_POLICY): string {
  if (!text.includes(search)) throw new Error(`fixture does not contain: ${search}`)
  return text.replace(search, replacement)
}

/** The 1-based line of the `nth` line (default the first) containing `needle`. */
export function lineOf(text: string, needle: string, nth = 1): number {
  const lines = text
    .split('\n')
    .flatMap((line, index) => (line.includes(needle) ? [index + 1] : []))
  if (lines.length < nth) throw new Error(`fewer than ${nth} lines contain: ${needle}`)
  return lines[nth - 1]!
}

/** Validates a config text against the minimal source document. */
export function validateWithSource(text: string, source = MINIMAL_SOURCE): ValidatePolicyResult {
  return validatePolicyText(text, { file: 'demo.yaml', readSource: () => source })
}
