/**
 * The bundled plans say what their documents say. These facts are checked by hand against
 * ../shared/seeds; a config edit that loses one of them fails here.
 */
import { loadPolicyFile } from '../server/policies/load-policy.ts'
import { ruleOf } from '../domain/compiler/checks/deadlines.ts'
import { occurrences } from '../domain/deadlines/index.ts'
import type { PolicyConfig, Responsibility } from '../schemas/index.ts'
import { Decimal } from 'decimal.js'
import { policyTitle } from '../domain/compiler/policy-names.ts'
import { compileAssessment, scoreUnit } from '../domain/scoring/score-assessment.ts'
import type { FormulaValue } from '../domain/formula/evaluate-formula.ts'

function load(file: string): PolicyConfig {
  const result = loadPolicyFile(file)
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.issues.slice(0, 3))}`)
  return result.policy
}

function resolved(value: unknown): { start?: string; end: string } {
  const parsed = ruleOf(value)
  if (!parsed?.ok) throw new Error(`cannot resolve ${JSON.stringify(value)}`)
  const rule = parsed.rule
  if (rule.kind === 'window') return { start: rule.start, end: rule.end }
  if (rule.kind === 'date') return { end: rule.date }
  throw new Error(`not a fixed deadline: ${JSON.stringify(value)}`)
}

const unitName = (policy: PolicyConfig) => (id: string) =>
  policy.organizations.units.find((unit) => unit.id === id)?.name ??
  policy.organizations.groups?.find((group) => group.id === id)?.name ??
  policy.governance?.bodies?.find((body) => body.id === id)?.name ??
  id

const leads = (policy: PolicyConfig, duty: Responsibility) =>
  Array.isArray(duty.lead) ? duty.lead.map(unitName(policy)) : []

describe('Pingnan 平南县医疗联合体建设实施方案 (2018)', () => {
  const policy = load('policies/pingnan/medical-alliance-2018.yaml')

  it('has the leadership group with its chair, deputy and all nineteen members, and its office', () => {
    const group = policy.governance!.bodies!.find((body) => body.kind === 'leadership-group')!
    expect(group.chair).toMatchObject({ name: '王洁红', title: '县委常委、常务副县长' })
    expect(group.deputies?.map((member) => member.name)).toEqual(['李乐'])
    expect(group.members).toHaveLength(19)
    expect(group.members!.map((member) => member.name)).toContain('邓兴昌')
    const office = policy.governance!.bodies!.find((body) => body.kind === 'office')!
    expect(office.parent).toBe(group.id)
    expect(unitName(policy)(office.hostUnit!)).toBe('县卫计局')
  })

  it('dates the six work steps as the document does', () => {
    const windows = policy.timeline.phases.map((phase) => [phase.name, resolved(phase.window)])
    expect(windows.slice(0, 5)).toEqual([
      ['制定方案', { start: '2018-04-01', end: '2018-04-10' }],
      ['组织实施', { start: '2018-06-21', end: '2018-06-30' }],
      ['开展医联体各项工作', { start: '2018-07-01', end: '2018-07-31' }],
      ['督导检查工作开展', { start: '2018-08-01', end: '2018-12-31' }],
      ['考核评估', { start: '2018-12-01', end: '2018-12-31' }],
    ])
    const summaries = policy.responsibilities.filter((duty) => duty.title.includes('书面总结报送'))
    expect(summaries.map((duty) => resolved(duty.due).end)).toEqual(['2019-01-15', '2020-12-15'])
  })

  it('supervises in the first ten days of each quarter’s last month during 2018年8—12月', () => {
    const supervision = policy.responsibilities.find(
      (duty) => duty.due === '每个季度最后一个月上旬',
    )!
    const parsed = ruleOf(supervision.due)
    if (!parsed?.ok) throw new Error('unparsed')
    const window = resolved(supervision.within)
    expect(occurrences(parsed.rule, { from: window.start!, to: window.end })).toEqual([
      { period: '2018-Q3', start: '2018-09-01', due: '2018-09-10' },
      { period: '2018-Q4', start: '2018-12-01', due: '2018-12-10' },
    ])
  })

  it('lists the nine safeguard measures with their lead and supporting departments', () => {
    const safeguards = policy.responsibilities.filter((duty) => duty.category === '保障措施')
    expect(safeguards).toHaveLength(9)
    const funding = safeguards.find((duty) => duty.title === '完善投入政策')!
    expect(leads(policy, funding)).toEqual(['县财政局'])
    expect(funding.support?.map(unitName(policy))).toEqual(['县医改办', '县卫计局'])
    const drugs = safeguards.find((duty) => duty.title === '强化药品供应保障制度')!
    expect(drugs.support).toHaveLength(5)
  })

  it('has the seven actors’ duties, the eight work contents and 五变五不变', () => {
    expect(policy.responsibilities.filter((duty) => duty.category === '职责分工')).toHaveLength(7)
    const contents = new Set(
      policy.responsibilities
        .filter((duty) => duty.source.clause.startsWith('二、(四)'))
        .map((duty) => duty.source.clause),
    )
    expect(contents.size).toBe(8)
    const provisions = policy.governance!.provisions!.map((set) => [set.name, set.items.length])
    expect(provisions).toEqual([
      ['五变', 5],
      ['五不变', 5],
    ])
  })

  it('targets 50% township participation in 2018 and 90% in 2020', () => {
    const rate = policy.indicators!.find((indicator) => indicator.name.includes('卫生院参与率'))!
    expect(rate.targets!.map((target) => [target.year, target.op, target.value])).toEqual([
      [2018, '>=', 50],
      [2020, '>=', 90],
    ])
  })
})

describe('Meishan 紧密型县域医共体医疗保障管理改革 (2020)', () => {
  const policy = load('policies/meishan/medical-community-insurance-2020.yaml')
  const assessment = policy.assessments![0]!

  it('runs on trial for three years from 2020-07-24', () => {
    expect(policy.metadata.effective).toMatchObject({
      from: '2020-07-24',
      years: 3,
      to: '2023-07-23',
    })
  })

  it('reproduces the annex scoring table: ten items, weights adding to 100', () => {
    const rows = assessment.items.map((item) => [
      item.name,
      item.kind,
      'weight' in item ? item.weight : 'points' in item ? item.points : null,
    ])
    expect(rows).toEqual([
      ['县域内就诊率', 'deduct', 10],
      ['医疗费用控制', 'deduct', 10],
      ['医疗效率效果', 'deduct', 10],
      ['病例入组率', 'deduct', 10],
      ['日间手术开展', 'deduct', 10],
      ['慢病防治管理', 'deduct', 20],
      ['保障民生成效', 'deduct', 20],
      ['探索支付方式改革：DRG 收付费改革', 'bonus', 10],
      ['探索支付方式改革：康复患者付费改革', 'bonus', 5],
      ['群众满意度调查', 'proportional', 10],
      ['医保基金监管', 'veto', null],
    ])
    expect(assessment.totalScore).toBe(100)
  })

  it('deducts exactly as the table says, capped at the weight', () => {
    const rule = (name: string) => {
      const item = assessment.items.find((entry) => entry.name === name)
      if (item?.kind !== 'deduct') throw new Error(name)
      return item.measures.map((m) => ({
        targets: m.targets.map((t) => [t.year ?? null, t.op, t.value]),
        step: m.step,
        points: m.points,
      }))
    }
    expect(rule('县域内就诊率')).toEqual([
      {
        targets: [
          [2020, '>=', 88],
          [2021, '>=', 90],
        ],
        step: 1,
        points: 3,
      },
    ])
    expect(rule('医疗效率效果')).toEqual([{ targets: [[null, '<=', 8]], step: 0.5, points: 3 }])
    expect(rule('日间手术开展')).toEqual([
      {
        targets: [
          [2020, '>=', 5],
          [2021, '>=', 10],
        ],
        step: 1,
        points: 2,
      },
      {
        targets: [
          [2020, '>=', 200],
          [2021, '>=', 400],
        ],
        step: 10,
        points: 1,
      },
    ])
    expect(assessment.items.every((item) => item.kind !== 'deduct' || item.cap === undefined)).toBe(
      true,
    )
  })

  it('grades 优秀/良好/合格/不合格 with their fund consequences, and the veto forces 不合格', () => {
    expect(assessment.grades.map((grade) => [grade.name, grade.min, grade.below ?? null])).toEqual([
      ['优秀', 90, null],
      ['良好', 70, 90],
      ['合格', 60, 70],
      ['不合格', 0, 60],
    ])
    const effects = (name: string) =>
      assessment.grades
        .find((grade) => grade.name === name)!
        .effects!.map((e) => [e.kind, e.percent ?? null])
    expect(effects('合格')).toEqual([['budget-adjustment', -10]])
    expect(effects('不合格')).toEqual([
      ['budget-adjustment', -30],
      ['next-year-budget-adjustment', -10],
    ])
    const veto = assessment.items.find((item) => item.kind === 'veto')
    expect(
      veto?.kind === 'veto' && assessment.grades.find((grade) => grade.id === veto.grade)?.name,
    ).toBe('不合格')
  })

  it('sets the 2022 goals as indicator targets', () => {
    const target2022 = (name: string) =>
      policy
        .indicators!.find((indicator) => indicator.name === name)!
        .targets!.find((target) => target.year === 2022)
    expect(target2022('县域内就诊率')).toMatchObject({ op: '>=', value: 90 })
    expect(target2022('“六病”管理率')).toMatchObject({ op: '>=', value: 85 })
  })

  it('counts a started step (达到的得满分: no unit below a target keeps full marks), saying so as the office’s reading', () => {
    const deducts = assessment.items.flatMap((item) => (item.kind === 'deduct' ? [item] : []))
    expect(deducts.flatMap((item) => item.measures.map((m) => m.rounding))).toEqual(
      Array(8).fill('started-steps'),
    )
    for (const item of deducts) expect(item.note).toContain('市医疗保障局对原文的理解')
    // 0.01 short of 90 % costs one step of 3 points.
    const compiled = compileAssessment(policy, assessment.id)
    const inputs = new Map<string, FormulaValue>([['county-visit-rate', new Decimal('89.99')]])
    const visits = scoreUnit(compiled, 'unit', 2021, inputs).items.find(
      (item) => item.id === 'county-visit-rate',
    )!
    expect(visits.score).toBe('7')
    expect(visits.explanation.zh).toContain('差 0.01 个百分点，按 1 个百分点计')
  })

  it('is named a 征求意见稿 (draft for comment), as its first line says', () => {
    expect(policy.metadata.status).toBe('draft-for-comment')
    expect(policyTitle(policy.metadata)).toBe(
      '关于推进紧密型县域医共体医疗保障管理改革的工作方案（征求意见稿）',
    )
  })

  it('does not cite the inspection clause 六、(三) for 整改 after assessment, nor name a reviewer', () => {
    const rectification = assessment.rectification!
    expect(rectification.source?.clause).not.toBe('六、(三)')
    expect(rectification.inference).toContain('推断')
    expect(`${rectification.note ?? ''}${rectification.inference}`).not.toMatch(/市医疗保障局审核/)
  })

  it('states what 2022 does, a year the table sets no targets for: 2021’s carried forward, on the document’s 2022 goals', () => {
    expect(assessment.yearsWithoutTargets).toEqual([
      expect.objectContaining({ year: 2022, treatment: 'carry-forward' }),
    ])
    // Without the statement the 2022 year is an error at the measures, never a silent reuse.
    const compiled = compileAssessment(
      { ...policy, assessments: [{ ...assessment, yearsWithoutTargets: [] }] },
      assessment.id,
    )
    const visits = scoreUnit(
      compiled,
      'unit',
      2022,
      new Map([['county-visit-rate', new Decimal(95)]]),
    )
    expect(visits.items.find((item) => item.id === 'county-visit-rate')!.status).toBe('error')
    const carried = scoreUnit(
      compileAssessment(policy, assessment.id),
      'unit',
      2022,
      new Map([['county-visit-rate', new Decimal('89.5')]]),
    ).items.find((item) => item.id === 'county-visit-rate')!
    expect(carried.explanation.zh).toContain('目标 ≥90%（沿用 2021 年目标）')
  })

  it('measures the 2022 goals “较试点前提升不少于5个百分点” against each unit’s own 2019 (试点前) data', () => {
    for (const name of ['基层门急诊人次占比', '基层住院人次占比']) {
      const indicator = policy.indicators!.find((entry) => entry.name === name)!
      expect(indicator.baseline).toMatchObject({ label: '试点前', year: 2019 })
      expect(indicator.baseline!.value).toBeUndefined()
      expect(indicator.targets).toEqual([expect.objectContaining({ year: 2022, delta: 5 })])
    }
  })

  it('reads 2022’s “控制在30%左右” as about 30 (a stated tolerance), not as a ceiling', () => {
    const burden = policy.indicators!.find((entry) => entry.name === '住院患者个人实际负担')!
    const target = burden.targets!.find((entry) => entry.year === 2022)!
    expect(target).toMatchObject({ op: '=', value: 30, phrase: '控制在30%左右' })
    expect(target.tolerance).toBeGreaterThan(0)
    expect(burden.note).toContain('配置方')
  })

  it('bounds the fund’s growth by the local economy’s growth (不超过当地经济增长水平), not by a number', () => {
    const growth = policy.indicators!.find((entry) => entry.id === 'fund-expenditure-growth')!
    expect(growth.targets).toEqual([
      expect.objectContaining({ op: '<=', relativeTo: 'local-economic-growth' }),
    ])
    expect(growth.targets![0]!.value).toBeUndefined()
    const economy = policy.indicators!.find((entry) => entry.id === 'local-economic-growth')!
    expect(economy.targets ?? []).toEqual([])
    expect(economy.note).toContain('原文未写')
  })

  it('starts the monthly transfers only once a county is launched (五、(二)), not for every agency from 2020-07', () => {
    const transfer = policy.responsibilities.find((duty) => duty.id === 'monthly-package-transfer')!
    expect(transfer.startsWhen).toMatchObject({
      event: 'procedure-step',
      procedure: 'reform-application',
      step: 'launch-decision',
    })
    const launch = policy.procedures![0]!.steps.find((step) => step.id === 'launch-decision')!
    expect(launch.source?.quote).toContain('启动实施')
    // 「一个总额」 applies only where regional total control already exists: optional, by condition.
    const single = policy.responsibilities.find((duty) => duty.id === 'single-total-management')!
    expect(single.optional?.condition).toContain('区域性总控的地区')
  })

  it('has the application procedure: district submits, the city evaluates, then it starts', () => {
    const procedure = policy.procedures![0]!
    expect(procedure.conditions).toHaveLength(2)
    expect(procedure.materials).toHaveLength(2)
    expect(procedure.steps.map((step) => step.kind)).toEqual(
      expect.arrayContaining(['submit', 'review']),
    )
  })
})

describe('Chongqing 紧密型城市医疗集团 (渝卫函〔2024〕285号)', () => {
  const policy = load('policies/chongqing/urban-medical-group-2024.yaml')

  it('records the document number and the governance bodies', () => {
    expect(policy.metadata.documentNumber).toBe('渝卫函〔2024〕285号')
    const kinds = policy.governance!.bodies!.map((body) => [
      body.kind,
      body.establishment?.required ?? true,
    ])
    expect(kinds).toEqual([
      ['management-committee', true],
      ['supervisory-board', false],
    ])
  })

  it('tables the reimbursement ratios by insurance type and hospital tier', () => {
    const table = policy.parameters![0]!
    const value = (insurance: string, tier: string) =>
      table.values.find((entry) => entry.at.insurance === insurance && entry.at.tier === tier)
        ?.value
    expect([
      value('职工医保', '一级'),
      value('职工医保', '二级'),
      value('职工医保', '三级'),
    ]).toEqual([90, 87, 85])
    expect([
      value('居民医保一档', '一级'),
      value('居民医保一档', '二级'),
      value('居民医保一档', '三级'),
    ]).toEqual([80, 70, 50])
    expect([
      value('居民医保二档', '一级'),
      value('居民医保二档', '二级'),
      value('居民医保二档', '三级'),
    ]).toEqual([85, 75, 55])
  })

  it('covers the seven workstreams 二、(一)…(七)', () => {
    const clauses = new Set(policy.responsibilities.map((duty) => duty.source.clause.slice(0, 5)))
    for (const numeral of ['一', '二', '三', '四', '五', '六', '七'])
      expect(clauses).toContain(`二、(${numeral})`)
  })

  it('names the six pilot districts', () => {
    const names = policy.organizations.units.map((unit) => unit.name)
    expect(names).toEqual(
      expect.arrayContaining(['涪陵区', '巴南区', '两江新区', '永川区', '大足区', '璧山区']),
    )
  })

  it('has the external assessment system in six groups and the monitoring indicators', () => {
    const categories = new Map<string, number>()
    for (const indicator of policy.indicators!)
      categories.set(indicator.category!, (categories.get(indicator.category!) ?? 0) + 1)
    expect([...categories.keys()]).toEqual(
      expect.arrayContaining([
        '基层首诊机制',
        '双向转诊机制',
        '急慢分治',
        '上下联动机制',
        '保障机制',
        '满意度评价',
        '服务效能运行监测指标',
      ]),
    )
    expect(categories.get('服务效能运行监测指标')).toBe(7)
    expect(
      policy.indicators!.every(
        (indicator) => indicator.targets === undefined || indicator.targets.length === 0,
      ),
    ).toBe(true)
  })
})
