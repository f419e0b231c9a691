/** Proportional, bonus and veto items, totals, grade bands and explanations. */
import type { AssessmentItem } from '../../schemas/index.ts'
import { summarizeScore } from './score-assessment.ts'
import {
  buildDeduct,
  buildGrades,
  buildMeasure,
  buildPolicy,
  score,
  scoreOne,
} from './scoring-fixtures.ts'

describe('proportional items', () => {
  const satisfaction = (
    extra: Partial<Extract<AssessmentItem, { kind: 'proportional' }>> = {},
  ): AssessmentItem => ({
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
    expect(item.explanation.zh).toBe(
      '满意度 87.3%，满分对应 100%；得分 = 87.3 ÷ 100 × 10 = 8.73 分。',
    )
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

  it('keep 20 significant digits of a third, and sums to 10 places: three items of 33.33… make 100', () => {
    const items = ['a', 'b', 'c'].map((id) => satisfaction({ id, weight: 100, full: 3 }))
    const result = score(buildPolicy(items), { satisfaction: 1 })
    expect(result.items.map((item) => item.score)).toEqual(Array(3).fill('33.333333333333333333'))
    expect(result.total).toBe('100')
    expect(summarizeScore(result).zh).toBe('100 分，优秀')
  })

  it('land a total of thirds exactly on a band edge in that band (60 is 合格, not 59.999… 不合格)', () => {
    // Three 20-point items each short by 2 of a 3-wide step, 1 point per step, proportional:
    // 20 − 2/3 each, so 58 in all; plus 2 of a 40-point item makes exactly 60.
    const short = (id: string) =>
      buildDeduct({
        id,
        weight: 20,
        measures: [buildMeasure({ step: 3, points: 1, rounding: 'proportional' })],
      })
    const items = [
      short('a'),
      short('b'),
      short('c'),
      satisfaction({ id: 'd', weight: 40, full: 100 }),
    ]
    const result = score(buildPolicy(items), { coverage: 88, satisfied: 5, returned: 100 })
    expect(result.items.slice(0, 3).map((item) => item.score)).toEqual(
      Array(3).fill('19.333333333333333333'),
    )
    expect(result).toMatchObject({ total: '60', grade: { id: 'pass' } })
  })
})

describe('bonus items', () => {
  const bonus = (
    extra: Partial<Extract<AssessmentItem, { kind: 'bonus' }>> = {},
  ): AssessmentItem => ({
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
    expect(result.items[1]).toMatchObject({
      status: 'not-applicable',
      score: '0',
      holds: null,
      missing: [],
    })
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
    expect(result.items[1]).toMatchObject({
      status: 'missing',
      score: null,
      missing: ['drg_started'],
    })
    expect(result.total).toBeNull()
  })

  it('stay within the bonus cap', () => {
    const items = [
      base(),
      bonus({ points: 5 }),
      bonus({ id: 'rehab', points: 5, when: 'rehab_started' }),
    ]
    const result = score(buildPolicy(items, { bonusCap: 8 }), {
      coverage: 95,
      drg_started: true,
      rehab_started: true,
    })
    expect(result).toMatchObject({ bonus: '8', bonusCapApplied: true, total: '108' })
  })

  it('stay within the maximum score', () => {
    const result = score(buildPolicy([base(), bonus()], { maxScore: 105 }), {
      coverage: 95,
      drg_started: true,
    })
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
    const result = score(buildPolicy([base(), veto()]), {
      coverage: 95,
      suspended: false,
      violation_cost: 500_000,
      pooled_fund: 100_000_000,
    })
    expect(result).toMatchObject({
      total: '100',
      vetoedBy: 'fund-veto',
      grade: { id: 'fail', name: '不合格' },
    })
    expect(result.effects).toEqual([{ kind: 'budget-adjustment', percent: -30, text: '扣减 30%' }])
    expect(result.items[1]).toMatchObject({ status: 'scored', score: null, holds: true })
    // The facts it was decided on come first: a district sees why its budget is cut.
    expect(result.items[1]!.explanation.zh).toBe(
      '触发一票否决：suspended：否；violation_cost ÷ pooled_fund × 1000 = 5 ≥ 5（成立）。等次定为「不合格」，不论得分。',
    )
    expect(result.items[1]!.explanation.en).toBe(
      'Veto (一票否决) applies: suspended: no; violation_cost ÷ pooled_fund × 1000 = 5 ≥ 5 (holds). The grade is "不合格" whatever the score.',
    )
  })

  it('leave the grade to the bands when the condition does not hold', () => {
    const result = score(buildPolicy([base(), veto()]), {
      coverage: 95,
      suspended: false,
      violation_cost: 499_999.99,
      pooled_fund: 100_000_000,
    })
    expect(result).toMatchObject({ total: '100', vetoedBy: null, grade: { id: 'excellent' } })
    expect(result.items[1]).toMatchObject({ holds: false })
  })

  it('leave the total and grade empty when the condition cannot be decided', () => {
    const result = score(buildPolicy([base(), veto()]), { coverage: 95, suspended: false })
    expect(result.items[1]).toMatchObject({
      status: 'missing',
      holds: null,
      missing: ['violation_cost', 'pooled_fund'],
    })
    expect(result).toMatchObject({
      complete: false,
      total: null,
      grade: null,
      vetoedBy: null,
      missing: ['violation_cost', 'pooled_fund'],
    })
  })

  it('force their grade even while other data is missing', () => {
    const result = score(buildPolicy([base(), veto()]), { suspended: true })
    expect(result).toMatchObject({
      complete: false,
      total: null,
      vetoedBy: 'fund-veto',
      grade: { id: 'fail' },
      missing: ['coverage'],
    })
    expect(result.effects).toHaveLength(1)
    expect(summarizeScore(result).zh).toBe('一票否决：不合格')
  })
})

describe('grades', () => {
  const proportional: AssessmentItem = {
    id: 'all',
    name: '综合得分',
    kind: 'proportional',
    weight: 100,
    indicator: 'coverage',
    full: 100,
  }

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
    const result = score(buildPolicy([proportional], { grades: buildGrades().reverse() }), {
      coverage: total,
    })
    expect(result.grade?.id).toBe(grade)
  })

  it('include a max bound', () => {
    const grades = [
      { id: 'top', name: '优秀', min: 95, max: 100 },
      { id: 'rest', name: '其他', min: 0, below: 95 },
    ]
    const policy = buildPolicy(
      [proportional, { id: 'bonus', name: '加分', kind: 'bonus', points: 1, when: 'extra' }],
      { grades },
    )
    expect(score(policy, { coverage: 100, extra: false }).grade?.id).toBe('top')
    expect(score(policy, { coverage: 99.99, extra: true })).toMatchObject({
      total: '100.99',
      grade: null,
      effects: [],
    })
  })

  it('bring their effects', () => {
    expect(score(buildPolicy([proportional]), { coverage: 65 }).effects).toEqual([
      { kind: 'budget-adjustment', percent: -10, text: '扣减 10%' },
    ])
  })
})

describe('explanations', () => {
  const visits = () =>
    buildDeduct({
      measures: [
        buildMeasure({ indicator: 'visit-rate', targets: [{ year: 2021, op: '>=', value: 90 }] }),
      ],
    })

  it('give the value, target, gap, steps and points deducted, in Chinese and English', () => {
    const item = scoreOne(visits(), { county_visits: 856, total_visits: 1000 })
    expect(item.explanation.zh).toBe(
      '县域内就诊率 85.6%，目标 ≥90%（2021 年目标），差 4.4 个百分点，按 4 个百分点计（只计整步，不足 1 个百分点的不计）；每差 1 个百分点扣 3 分，计 4 步，扣 12 分。合计扣 12 分，超过上限 10 分，扣完为止，得 0 分。',
    )
    expect(item.explanation.en).toBe(
      '县域内就诊率 85.6%, target ≥ 90%: short by 4.4 percentage point(s), counted as 4 percentage point(s) (only whole steps of 1 count); 3 per 1 percentage point(s): 4 step(s), 12 deducted. 12 points deducted in all, over the cap of 10: 0 points.',
    )
  })

  it('say by how much a value is over a <= target', () => {
    const measure = buildMeasure({
      indicator: 'stay',
      targets: [{ op: '<=', value: 8 }],
      step: 0.5,
      points: 3,
      rounding: 'started-steps',
    })
    const item = scoreOne(buildDeduct({ measures: [measure] }), { stay: 8.7 })
    expect(item.explanation.zh).toBe(
      '平均住院日 8.7天，目标 ≤8天，超出 0.7天，按 1天计（不足 0.5天的按 0.5天计）；每超 0.5天扣 3 分，计 2 步，扣 6 分。共扣 6 分，得 4 分。',
    )
    expect(item.explanation.en).toContain('over by 0.7天')
  })

  it('say that a started step counts in full: 差 0.3 个百分点，按 1 个百分点计', () => {
    const measure = buildMeasure({
      indicator: 'visit-rate',
      targets: [{ year: 2021, op: '>=', value: 90 }],
      rounding: 'started-steps',
    })
    const item = scoreOne(buildDeduct({ measures: [measure] }), {
      county_visits: 897,
      total_visits: 1000,
    })
    expect(item.score).toBe('7')
    expect(item.explanation.zh).toBe(
      '县域内就诊率 89.7%，目标 ≥90%（2021 年目标），差 0.3 个百分点，按 1 个百分点计（不足 1 个百分点的按 1 个百分点计）；每差 1 个百分点扣 3 分，计 1 步，扣 3 分。共扣 3 分，得 7 分。',
    )
    expect(item.explanation.en).toContain(
      'short by 0.3 percentage point(s), counted as 1 percentage point(s) (a started step of 1 counts in full)',
    )
  })

  it('say when a target is met', () => {
    const item = scoreOne(visits(), { county_visits: 900, total_visits: 1000 })
    expect(item.explanation.zh).toBe(
      '县域内就诊率 90%，目标 ≥90%（2021 年目标），达标，不扣分。共扣 0 分，得 10 分。',
    )
    expect(item.explanation.en).toContain('met, nothing deducted')
  })

  it('name each measure of a composite item', () => {
    const measures = [
      buildMeasure({
        name: '病种数',
        indicator: 'kinds',
        targets: [{ op: '>=', value: 10 }],
        step: 1,
        points: 2,
      }),
      buildMeasure({
        name: '例数',
        indicator: 'cases',
        targets: [{ op: '>=', value: 400 }],
        step: 10,
        points: 1,
      }),
    ]
    const item = scoreOne(buildDeduct({ measures }), { kinds: 8, cases: 370 })
    expect(item.explanation.zh).toContain('病种数：日间手术病种数 8个，目标 ≥10个，差 2个')
    expect(item.explanation.zh).toContain(
      '例数：日间手术例数 370例，目标 ≥400例，差 30例；每差 10例扣 1 分，计 3 步，扣 3 分。',
    )
    expect(item.explanation.en).toContain('例数: 日间手术例数 370例')
  })
})
