import { Decimal } from 'decimal.js'
import type { Assessment, AssessmentItem, Indicator, PolicyConfig } from '../../schemas/index.js'
import type { FormulaValue } from '../formula/evaluate-formula.js'
import { compileAssessment, scoreUnit, summarizeScore } from './score-assessment.js'
import type { ItemScore, UnitScore } from './score-types.js'

type Deduct = Extract<AssessmentItem, { kind: 'deduct' }>
type Measure = Deduct['measures'][number]
type Target = Measure['targets'][number]

function buildIndicator(id: string, name: string, extra: Partial<Indicator> = {}): Indicator {
  return { id, name, valueType: 'percentage', unit: '%', frequency: 'yearly', owner: ['health-bureau'], ...extra }
}

/** Indicators given directly unless they have a formula. */
function buildIndicators(): Indicator[] {
  return [
    buildIndicator('visit-rate', '县域内就诊率', { formula: 'county_visits / total_visits * 100' }),
    buildIndicator('coverage', '签约覆盖率'),
    buildIndicator('burden', '个人负担'),
    buildIndicator('stay', '平均住院日', { valueType: 'days', unit: '天' }),
    buildIndicator('kinds', '日间手术病种数', { valueType: 'count', unit: '个' }),
    buildIndicator('cases', '日间手术例数', { valueType: 'count', unit: '例' }),
    buildIndicator('satisfaction', '满意度', { formula: 'satisfied / returned * 100' }),
    buildIndicator('primary-share', '基层就诊占比', { baseline: { label: '试点前', value: 60 } }),
    buildIndicator('outpatient-share', '基层门诊占比', { baseline: { label: '试点前' } }),
  ]
}

function buildMeasure(extra: Partial<Measure> = {}): Measure {
  return { indicator: 'coverage', targets: [{ op: '>=', value: 90 }], step: 1, points: 3, rounding: 'whole-steps', ...extra }
}

function buildDeduct(extra: Partial<Deduct> = {}): Deduct {
  return { id: 'coverage', name: '签约覆盖', kind: 'deduct', weight: 10, measures: [buildMeasure()], ...extra }
}

function buildGrades(): Assessment['grades'] {
  return [
    { id: 'excellent', name: '优秀', min: 90 },
    { id: 'good', name: '良好', min: 70, below: 90 },
    { id: 'pass', name: '合格', min: 60, below: 70, effects: [{ kind: 'budget-adjustment', percent: -10, text: '扣减 10%' }] },
    { id: 'fail', name: '不合格', min: 0, below: 60, effects: [{ kind: 'budget-adjustment', percent: -30, text: '扣减 30%' }] },
  ]
}

function buildPolicy(items: AssessmentItem[], extra: Partial<Assessment> = {}): PolicyConfig {
  return {
    metadata: {
      id: 'scoring-demo',
      title: '示范考核',
      region: { name: '示范县', level: 'county' },
      issuingBodies: ['示范县人民政府'],
      issueDate: '2020-01-01',
      effective: { from: '2020-01-01' },
      version: '1.0.0',
    },
    organizations: { units: [{ id: 'health-bureau', name: '县卫健局', kind: 'department' }] },
    responsibilities: [],
    timeline: { phases: [] },
    indicators: buildIndicators(),
    assessments: [
      {
        id: 'annual',
        name: '年度考核',
        subjects: ['health-bureau'],
        assessor: ['health-bureau'],
        due: '每年年底',
        totalScore: 100,
        items,
        grades: buildGrades(),
        ...extra,
      },
    ],
  }
}

function score(policy: PolicyConfig, inputs: Record<string, number | string | boolean>, year = 2021): UnitScore {
  const values = new Map<string, FormulaValue>(
    Object.entries(inputs).map(([id, value]) => [id, typeof value === 'boolean' ? value : new Decimal(value)]),
  )
  return scoreUnit(compileAssessment(policy, 'annual'), 'unit-1', year, values)
}

/** Scores one item alone and returns it. */
function scoreOne(item: AssessmentItem, inputs: Record<string, number | string | boolean>, year = 2021): ItemScore {
  return score(buildPolicy([item]), inputs, year).items[0]!
}

describe('deduct items', () => {
  it('deducts nothing exactly on a >= target', () => {
    const item = scoreOne(buildDeduct(), { coverage: 90 })
    expect(item).toMatchObject({ status: 'scored', score: '10', deducted: '0', capApplied: false })
    expect(item.measures![0]).toMatchObject({ value: '90', met: true, gap: '0', steps: '0', deducted: '0' })
  })

  it('deducts nothing exactly on a <= target', () => {
    const item = scoreOne(buildDeduct({ measures: [buildMeasure({ indicator: 'burden', targets: [{ op: '<=', value: 30 }], points: 1 })] }), { burden: 30 })
    expect(item).toMatchObject({ score: '10', deducted: '0' })
    expect(item.measures![0]!.met).toBe(true)
  })

  it('deducts one step for one step short', () => {
    const item = scoreOne(buildDeduct(), { coverage: 89 })
    expect(item).toMatchObject({ score: '7', deducted: '3' })
    expect(item.measures![0]).toMatchObject({ met: false, gap: '1', steps: '1', deducted: '3' })
  })

  it('deducts per step over a <= target', () => {
    const measure = buildMeasure({ indicator: 'stay', targets: [{ op: '<=', value: 8 }], step: 0.5, points: 3 })
    expect(scoreOne(buildDeduct({ measures: [measure] }), { stay: 9.2 })).toMatchObject({ score: '4', deducted: '6' })
  })

  it.each([
    ['whole-steps', '10', '0', '0'],
    ['started-steps', '7', '1', '3'],
    ['proportional', '8.8', '0.4', '1.2'],
  ] as const)('with %s, 0.4 of a step short scores %s (%s steps)', (rounding, itemScore, steps, deducted) => {
    const item = scoreOne(buildDeduct({ measures: [buildMeasure({ rounding })] }), { coverage: 89.6 })
    expect(item.score).toBe(itemScore)
    expect(item.measures![0]).toMatchObject({ gap: '0.4', steps, deducted })
  })

  it.each([
    ['whole-steps', '7', '1'],
    ['started-steps', '4', '2'],
    ['proportional', '5.5', '1.5'],
  ] as const)('with %s, 1.5 steps short scores %s', (rounding, itemScore, steps) => {
    const item = scoreOne(buildDeduct({ measures: [buildMeasure({ rounding })] }), { coverage: 88.5 })
    expect(item.score).toBe(itemScore)
    expect(item.measures![0]!.steps).toBe(steps)
  })

  it('deducts exactly in proportion when the step does not divide the gap', () => {
    // 0.1 short, 3 points per 0.3: exactly 1 point, not 0.99999999999999999999.
    const measure = buildMeasure({ step: 0.3, points: 3, rounding: 'proportional' })
    expect(scoreOne(buildDeduct({ measures: [measure] }), { coverage: 89.9 })).toMatchObject({ score: '9', deducted: '1' })
  })

  it.each([
    ['>', 'whole-steps', '10'],
    ['>', 'proportional', '10'],
    ['>', 'started-steps', '7'],
    ['<', 'whole-steps', '10'],
    ['<', 'proportional', '10'],
    ['<', 'started-steps', '7'],
  ] as const)('a strict %s target is not met exactly on it; %s scores %s', (op, rounding, itemScore) => {
    const item = scoreOne(buildDeduct({ measures: [buildMeasure({ targets: [{ op, value: 90 }], rounding })] }), { coverage: 90 })
    expect(item.score).toBe(itemScore)
    expect(item.measures![0]).toMatchObject({ met: false, gap: '0' })
  })

  it('measures the gap either side of an = target', () => {
    const item = buildDeduct({ measures: [buildMeasure({ targets: [{ op: '=', value: 90 }], points: 1 })] })
    expect(scoreOne(item, { coverage: 92 })).toMatchObject({ score: '8' })
    expect(scoreOne(item, { coverage: 88 })).toMatchObject({ score: '8' })
    expect(scoreOne(item, { coverage: 90 })).toMatchObject({ score: '10' })
  })

  it('deducts to zero and no further (扣完为止)', () => {
    const item = scoreOne(buildDeduct(), { coverage: 80 })
    expect(item).toMatchObject({ score: '0', deducted: '30', cap: '10', capApplied: true })
    expect(item.explanation.zh).toContain('扣完为止')
  })

  it('stops at an explicit cap below the weight', () => {
    const item = buildDeduct({ cap: 6 })
    expect(scoreOne(item, { coverage: 80 })).toMatchObject({ score: '4', deducted: '30', cap: '6', capApplied: true })
    expect(scoreOne(item, { coverage: 89 })).toMatchObject({ score: '7', capApplied: false })
    expect(scoreOne(item, { coverage: 88 })).toMatchObject({ score: '4', deducted: '6', capApplied: false })
  })

  describe('with two measures', () => {
    const daySurgery = () =>
      buildDeduct({
        id: 'day-surgery',
        name: '日间手术',
        measures: [
          buildMeasure({ name: '病种数', indicator: 'kinds', targets: [{ op: '>=', value: 10 }], step: 1, points: 2 }),
          buildMeasure({ name: '例数', indicator: 'cases', targets: [{ op: '>=', value: 400 }], step: 10, points: 1 }),
        ],
      })

    it('adds both deductions', () => {
      const item = scoreOne(daySurgery(), { kinds: 8, cases: 370 })
      expect(item).toMatchObject({ score: '3', deducted: '7', capApplied: false })
      expect(item.measures!.map((m) => m.deducted)).toEqual(['4', '3'])
    })

    it('shares one cap', () => {
      const item = scoreOne(daySurgery(), { kinds: 7, cases: 350 })
      expect(item).toMatchObject({ score: '0', deducted: '11', capApplied: true })
    })

    it('cannot be scored while either is missing, and names both missing inputs', () => {
      const item = scoreOne(daySurgery(), {})
      expect(item).toMatchObject({ status: 'missing', score: null, missing: ['kinds', 'cases'] })
    })
  })
})

describe('delta targets', () => {
  const share = () => buildDeduct({ measures: [buildMeasure({ indicator: 'primary-share', targets: [{ op: '>=', delta: 5 }], points: 2 })] })

  it('add the baseline', () => {
    const met = scoreOne(share(), { 'primary-share': 65 })
    expect(met).toMatchObject({ score: '10' })
    expect(met.measures![0]!.target).toEqual({ op: '>=', value: '65', year: null })
    expect(scoreOne(share(), { 'primary-share': 63 })).toMatchObject({ score: '6' })
  })

  it('cannot be scored without a baseline value', () => {
    const item = scoreOne(buildDeduct({ measures: [buildMeasure({ indicator: 'outpatient-share', targets: [{ op: '>=', delta: 5 }] })] }), {
      'outpatient-share': 70,
    })
    expect(item).toMatchObject({ status: 'error', score: null, missing: [] })
    expect(item.explanation.zh).toContain('没有基线值')
    expect(item.explanation.en).toContain('baseline')
  })
})

describe('the target for the year', () => {
  const withTargets = (targets: Target[]) => buildDeduct({ measures: [buildMeasure({ targets, points: 1 })] })

  it('is the one set for that year', () => {
    const item = scoreOne(withTargets([{ op: '>=', value: 80 }, { year: 2021, op: '>=', value: 90 }]), { coverage: 85 })
    expect(item.measures![0]!.target).toEqual({ op: '>=', value: '90', year: 2021 })
    expect(item.score).toBe('5')
  })

  it('is the one without a year when none is set for that year', () => {
    const item = scoreOne(withTargets([{ year: 2020, op: '>=', value: 85 }, { op: '>=', value: 80 }]), { coverage: 85 })
    expect(item.measures![0]!.target).toEqual({ op: '>=', value: '80', year: null })
  })

  it('carries the latest earlier year forward', () => {
    const targets: Target[] = [{ year: 2020, op: '>=', value: 88 }, { year: 2021, op: '>=', value: 90 }, { year: 2025, op: '>=', value: 95 }]
    const item = scoreOne(withTargets(targets), { coverage: 85 }, 2023)
    expect(item.measures![0]!.target).toEqual({ op: '>=', value: '90', year: 2021 })
    expect(item.explanation.zh).toContain('（2021 年目标）')
  })

  it('is an error when there is none', () => {
    const result = score(buildPolicy([withTargets([{ year: 2021, op: '>=', value: 90 }])]), { coverage: 95 }, 2020)
    expect(result.items[0]).toMatchObject({ status: 'error', score: null, missing: [] })
    expect(result.items[0]!.explanation).toEqual({ zh: '「签约覆盖率」在 2020 年没有考核目标', en: '"签约覆盖率" has no target for 2020' })
    expect(result).toMatchObject({ complete: false, total: null, grade: null, missing: [] })
  })
})

describe('missing values', () => {
  const visits = () => buildDeduct({ id: 'visits', name: '县域内就诊', measures: [buildMeasure({ indicator: 'visit-rate' })] })

  it('leave the item, the total and the grade empty and name the data elements', () => {
    const result = score(buildPolicy([visits()]), { county_visits: 880 })
    expect(result.items[0]).toMatchObject({ status: 'missing', score: null, missing: ['total_visits'] })
    expect(result.items[0]!.explanation.zh).toBe('计算「县域内就诊率」缺少数据：total_visits')
    expect(result).toMatchObject({ complete: false, base: null, total: null, grade: null, effects: [], missing: ['total_visits'] })
    expect(summarizeScore(result).zh).toBe('数据不全，缺 total_visits')
  })

  it('name every element of the formula that is missing', () => {
    expect(score(buildPolicy([visits()]), {}).missing).toEqual(['county_visits', 'total_visits'])
  })

  it('name an indicator entered directly by its id', () => {
    expect(score(buildPolicy([buildDeduct()]), {}).missing).toEqual(['coverage'])
  })

  it('never count as zero', () => {
    const result = score(buildPolicy([visits(), buildDeduct({ weight: 90 })]), { coverage: 95 })
    expect(result.items[1]!.score).toBe('90')
    expect(result.base).toBeNull()
  })
})

describe('computed indicators', () => {
  const visits = () => buildDeduct({ measures: [buildMeasure({ indicator: 'visit-rate' })] })

  it('are exactly on target when the division comes out even: 264 / 300 × 100 = 88', () => {
    const measure = buildMeasure({ indicator: 'visit-rate', targets: [{ op: '>=', value: 88 }] })
    const item = scoreOne(buildDeduct({ measures: [measure] }), { county_visits: 264, total_visits: 300 })
    expect(item.measures![0]).toMatchObject({ value: '88', met: true, gap: '0' })
    expect(item.score).toBe('10')
  })

  it('are rounded to 12 places', () => {
    expect(scoreOne(visits(), { county_visits: 2, total_visits: 3 }).measures![0]!.value).toBe('66.666666666667')
  })

  it('report division by zero as an error naming the divisor', () => {
    const result = score(buildPolicy([visits()]), { county_visits: 0, total_visits: 0 })
    expect(result.items[0]).toMatchObject({ status: 'error', score: null, missing: [] })
    expect(result.items[0]!.explanation.zh).toContain('除数 total_visits 为 0')
    expect(result.items[0]!.explanation.en).toContain('the divisor total_visits is 0')
    expect(result).toMatchObject({ complete: false, total: null, grade: null, missing: [] })
  })
})

describe('proportional items', () => {
  const satisfaction = (extra: Partial<Extract<AssessmentItem, { kind: 'proportional' }>> = {}): AssessmentItem => ({
    id: 'satisfaction',
    name: '群众满意度',
    kind: 'proportional',
    weight: 10,
    indicator: 'satisfaction',
    full: 100,
    ...extra,
  })

  it('score share × weight exactly: 87.3% × 10 = 8.73', () => {
    const item = scoreOne(satisfaction(), { satisfaction: 87.3 })
    expect(item).toMatchObject({ status: 'scored', score: '8.73', value: '87.3', full: '100' })
    expect(item.explanation.zh).toBe('满意度 87.3%，满分对应 100%；得分 = 87.3 ÷ 100 × 10 = 8.73 分。')
  })

  it('score from the formula over the questionnaires', () => {
    expect(scoreOne(satisfaction(), { satisfied: 873, returned: 1000 }).score).toBe('8.73')
  })

  it('are exact when the full value does not divide evenly', () => {
    // 30 of 90 is a third; a third of 30 points is exactly 10.
    expect(scoreOne(satisfaction({ weight: 30, full: 90 }), { satisfaction: 30 }).score).toBe('10')
  })

  it('give full marks and no more above the full value', () => {
    const item = scoreOne(satisfaction(), { satisfaction: 105 })
    expect(item.score).toBe('10')
    expect(item.explanation.zh).toContain('以满分为限')
    expect(item.explanation.en).toContain('capped at full marks')
  })

  it('give 0 at 0', () => {
    expect(scoreOne(satisfaction(), { satisfaction: 0 }).score).toBe('0')
  })

  it('cannot be scored when the questionnaires returned are 0', () => {
    const item = scoreOne(satisfaction(), { satisfied: 0, returned: 0 })
    expect(item).toMatchObject({ status: 'error', score: null })
    expect(item.explanation.zh).toContain('除数 returned 为 0')
  })

  it('add up exactly: 33.33 + 33.33 + 33.34 = 100', () => {
    const items = [
      satisfaction({ id: 'a', weight: 33.33 }),
      satisfaction({ id: 'b', weight: 33.33 }),
      satisfaction({ id: 'c', weight: 33.34 }),
    ]
    const result = score(buildPolicy(items), { satisfaction: 100 })
    expect(result.items.map((item) => item.score)).toEqual(['33.33', '33.33', '33.34'])
    expect(result).toMatchObject({ total: '100', grade: { id: 'excellent' } })
  })

  it('keep 20 significant digits of a third: three items of 33.33… add up to just under 100', () => {
    const items = ['a', 'b', 'c'].map((id) => satisfaction({ id, weight: 100, full: 3 }))
    const result = score(buildPolicy(items), { satisfaction: 1 })
    expect(result.items.map((item) => item.score)).toEqual(Array(3).fill('33.333333333333333333'))
    expect(result.total).toBe('99.999999999999999999')
    expect(summarizeScore(result).zh).toBe('100 分，优秀')
  })
})

describe('bonus items', () => {
  const bonus = (extra: Partial<Extract<AssessmentItem, { kind: 'bonus' }>> = {}): AssessmentItem => ({
    id: 'drg',
    name: 'DRG 收付费改革',
    kind: 'bonus',
    points: 10,
    year: 2021,
    when: 'drg_started',
    ...extra,
  })
  const base = () => buildDeduct({ weight: 100 })

  it('add their points in their year, outside the base', () => {
    const result = score(buildPolicy([base(), bonus()]), { coverage: 95, drg_started: true })
    expect(result.items[1]).toMatchObject({ status: 'scored', score: '10', holds: true })
    expect(result).toMatchObject({ base: '100', bonus: '10', total: '110' })
  })

  it('do not apply in another year and need no data there', () => {
    const result = score(buildPolicy([base(), bonus()]), { coverage: 95 }, 2020)
    expect(result.items[1]).toMatchObject({ status: 'not-applicable', score: '0', holds: null, missing: [] })
    expect(result.items[1]!.explanation.zh).toBe('加分项只适用于 2021 年，2020 年不适用。')
    expect(result).toMatchObject({ complete: true, total: '100' })
  })

  it('add nothing when the condition does not hold', () => {
    const result = score(buildPolicy([base(), bonus()]), { coverage: 95, drg_started: false })
    expect(result.items[1]).toMatchObject({ status: 'scored', score: '0', holds: false })
    expect(result.total).toBe('100')
  })

  it('leave the total empty when the condition cannot be decided', () => {
    const result = score(buildPolicy([base(), bonus()]), { coverage: 95 })
    expect(result.items[1]).toMatchObject({ status: 'missing', score: null, missing: ['drg_started'] })
    expect(result.total).toBeNull()
  })

  it('stay within the bonus cap', () => {
    const items = [base(), bonus({ points: 5 }), bonus({ id: 'rehab', points: 5, when: 'rehab_started' })]
    const result = score(buildPolicy(items, { bonusCap: 8 }), { coverage: 95, drg_started: true, rehab_started: true })
    expect(result).toMatchObject({ bonus: '8', bonusCapApplied: true, total: '108' })
  })

  it('stay within the maximum score', () => {
    const result = score(buildPolicy([base(), bonus()], { maxScore: 105 }), { coverage: 95, drg_started: true })
    expect(result).toMatchObject({ base: '100', bonus: '10', total: '105', maxScoreApplied: true })
  })
})

describe('veto items', () => {
  const veto = (): AssessmentItem => ({
    id: 'fund-veto',
    name: '医保基金监管',
    kind: 'veto',
    when: 'suspended || violation_cost / pooled_fund * 1000 >= 5',
    grade: 'fail',
  })
  const base = () => buildDeduct({ weight: 100 })

  it('force their grade whatever the score', () => {
    const result = score(buildPolicy([base(), veto()]), { coverage: 95, suspended: false, violation_cost: 500_000, pooled_fund: 100_000_000 })
    expect(result).toMatchObject({ total: '100', vetoedBy: 'fund-veto', grade: { id: 'fail', name: '不合格' } })
    expect(result.effects).toEqual([{ kind: 'budget-adjustment', percent: -30, text: '扣减 30%' }])
    expect(result.items[1]).toMatchObject({ status: 'scored', score: null, holds: true })
    expect(result.items[1]!.explanation.zh).toBe('触发一票否决，等次定为「不合格」，不论得分。')
  })

  it('leave the grade to the bands when the condition does not hold', () => {
    const result = score(buildPolicy([base(), veto()]), { coverage: 95, suspended: false, violation_cost: 499_999.99, pooled_fund: 100_000_000 })
    expect(result).toMatchObject({ total: '100', vetoedBy: null, grade: { id: 'excellent' } })
    expect(result.items[1]).toMatchObject({ holds: false })
  })

  it('leave the total and grade empty when the condition cannot be decided', () => {
    const result = score(buildPolicy([base(), veto()]), { coverage: 95, suspended: false })
    expect(result.items[1]).toMatchObject({ status: 'missing', holds: null, missing: ['violation_cost', 'pooled_fund'] })
    expect(result).toMatchObject({ complete: false, total: null, grade: null, vetoedBy: null, missing: ['violation_cost', 'pooled_fund'] })
  })

  it('force their grade even while other data is missing', () => {
    const result = score(buildPolicy([base(), veto()]), { suspended: true })
    expect(result).toMatchObject({ complete: false, total: null, vetoedBy: 'fund-veto', grade: { id: 'fail' }, missing: ['coverage'] })
    expect(result.effects).toHaveLength(1)
    expect(summarizeScore(result).zh).toBe('一票否决：不合格')
  })
})

describe('grades', () => {
  const proportional: AssessmentItem = { id: 'all', name: '综合得分', kind: 'proportional', weight: 100, indicator: 'coverage', full: 100 }

  it.each([
    [0, 'fail'],
    [59.99, 'fail'],
    [60, 'pass'],
    [69.99, 'pass'],
    [70, 'good'],
    [89.99, 'good'],
    [90, 'excellent'],
    [100, 'excellent'],
  ])('give %s points the grade %s (min inclusive, below exclusive)', (total, grade) => {
    const result = score(buildPolicy([proportional]), { coverage: total })
    expect(result.total).toBe(String(total))
    expect(result.grade?.id).toBe(grade)
  })

  it.each([
    [59.99, 'fail'],
    [60, 'pass'],
    [70, 'good'],
    [90, 'excellent'],
  ])('give %s points the grade %s whatever order the bands are listed in', (total, grade) => {
    const result = score(buildPolicy([proportional], { grades: buildGrades().reverse() }), { coverage: total })
    expect(result.grade?.id).toBe(grade)
  })

  it('include a max bound', () => {
    const grades = [
      { id: 'top', name: '优秀', min: 95, max: 100 },
      { id: 'rest', name: '其他', min: 0, below: 95 },
    ]
    const policy = buildPolicy([proportional, { id: 'bonus', name: '加分', kind: 'bonus', points: 1, when: 'extra' }], { grades })
    expect(score(policy, { coverage: 100, extra: false }).grade?.id).toBe('top')
    expect(score(policy, { coverage: 99.99, extra: true })).toMatchObject({ total: '100.99', grade: null, effects: [] })
  })

  it('bring their effects', () => {
    expect(score(buildPolicy([proportional]), { coverage: 65 }).effects).toEqual([{ kind: 'budget-adjustment', percent: -10, text: '扣减 10%' }])
  })
})

describe('explanations', () => {
  const visits = () =>
    buildDeduct({ measures: [buildMeasure({ indicator: 'visit-rate', targets: [{ year: 2021, op: '>=', value: 90 }] })] })

  it('give the value, target, gap, steps and points deducted, in Chinese and English', () => {
    const item = scoreOne(visits(), { county_visits: 856, total_visits: 1000 })
    expect(item.explanation.zh).toBe(
      '县域内就诊率 85.6%，目标 ≥90%（2021 年目标），差 4.4%；每差 1%扣 3 分，只计整步，计 4 步，扣 12 分。合计扣 12 分，超过上限 10 分，扣完为止，得 0 分。',
    )
    expect(item.explanation.en).toBe(
      '县域内就诊率 85.6%, target ≥ 90%: short by 4.4%; 3 per 1% (whole-steps), 4 step(s), 12 deducted. 12 points deducted in all, over the cap of 10: 0 points.',
    )
  })

  it('say by how much a value is over a <= target', () => {
    const measure = buildMeasure({ indicator: 'stay', targets: [{ op: '<=', value: 8 }], step: 0.5, points: 3, rounding: 'started-steps' })
    const item = scoreOne(buildDeduct({ measures: [measure] }), { stay: 8.7 })
    expect(item.explanation.zh).toBe('平均住院日 8.7天，目标 ≤8天，超出 0.7天；每超 0.5天扣 3 分，不足一步按一步，计 2 步，扣 6 分。共扣 6 分，得 4 分。')
    expect(item.explanation.en).toContain('over by 0.7天')
  })

  it('say when a target is met', () => {
    const item = scoreOne(visits(), { county_visits: 900, total_visits: 1000 })
    expect(item.explanation.zh).toBe('县域内就诊率 90%，目标 ≥90%（2021 年目标），达标，不扣分。共扣 0 分，得 10 分。')
    expect(item.explanation.en).toContain('met, nothing deducted')
  })

  it('name each measure of a composite item', () => {
    const measures = [
      buildMeasure({ name: '病种数', indicator: 'kinds', targets: [{ op: '>=', value: 10 }], step: 1, points: 2 }),
      buildMeasure({ name: '例数', indicator: 'cases', targets: [{ op: '>=', value: 400 }], step: 10, points: 1 }),
    ]
    const item = scoreOne(buildDeduct({ measures }), { kinds: 8, cases: 370 })
    expect(item.explanation.zh).toContain('病种数：日间手术病种数 8个，目标 ≥10个，差 2个')
    expect(item.explanation.zh).toContain('例数：日间手术例数 370例，目标 ≥400例，差 30例；每差 10例扣 1 分，只计整步，计 3 步，扣 3 分。')
    expect(item.explanation.en).toContain('例数: 日间手术例数 370例')
  })
})
