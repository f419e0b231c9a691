/** Deduct items (扣分项): steps, rounding, caps, composite measures, targets by year, missing data. */
import { summarizeScore } from './score-assessment.ts'
import { buildDeduct, buildMeasure, buildPolicy, score, scoreOne } from './scoring-fixtures.ts'
import type { Target } from './scoring-fixtures.ts'

describe('deduct items', () => {
  it('deducts nothing exactly on a >= target', () => {
    const item = scoreOne(buildDeduct(), { coverage: 90 })
    expect(item).toMatchObject({ status: 'scored', score: '10', deducted: '0', capApplied: false })
    expect(item.measures![0]).toMatchObject({
      value: '90',
      met: true,
      gap: '0',
      steps: '0',
      deducted: '0',
    })
  })

  it('deducts nothing exactly on a <= target', () => {
    const item = scoreOne(
      buildDeduct({
        measures: [
          buildMeasure({ indicator: 'burden', targets: [{ op: '<=', value: 30 }], points: 1 }),
        ],
      }),
      { burden: 30 },
    )
    expect(item).toMatchObject({ score: '10', deducted: '0' })
    expect(item.measures![0]!.met).toBe(true)
  })

  it('deducts one step for one step short', () => {
    const item = scoreOne(buildDeduct(), { coverage: 89 })
    expect(item).toMatchObject({ score: '7', deducted: '3' })
    expect(item.measures![0]).toMatchObject({ met: false, gap: '1', steps: '1', deducted: '3' })
  })

  it('deducts per step over a <= target', () => {
    const measure = buildMeasure({
      indicator: 'stay',
      targets: [{ op: '<=', value: 8 }],
      step: 0.5,
      points: 3,
    })
    expect(scoreOne(buildDeduct({ measures: [measure] }), { stay: 9.2 })).toMatchObject({
      score: '4',
      deducted: '6',
    })
  })

  it.each([
    ['whole-steps', '10', '0', '0'],
    ['started-steps', '7', '1', '3'],
    ['proportional', '8.8', '0.4', '1.2'],
  ] as const)(
    'with %s, 0.4 of a step short scores %s (%s steps)',
    (rounding, itemScore, steps, deducted) => {
      const item = scoreOne(buildDeduct({ measures: [buildMeasure({ rounding })] }), {
        coverage: 89.6,
      })
      expect(item.score).toBe(itemScore)
      expect(item.measures![0]).toMatchObject({ gap: '0.4', steps, deducted })
    },
  )

  it.each([
    ['whole-steps', '7', '1'],
    ['started-steps', '4', '2'],
    ['proportional', '5.5', '1.5'],
  ] as const)('with %s, 1.5 steps short scores %s', (rounding, itemScore, steps) => {
    const item = scoreOne(buildDeduct({ measures: [buildMeasure({ rounding })] }), {
      coverage: 88.5,
    })
    expect(item.score).toBe(itemScore)
    expect(item.measures![0]!.steps).toBe(steps)
  })

  it('deducts exactly in proportion when the step does not divide the gap', () => {
    // 0.1 short, 3 points per 0.3: exactly 1 point, not 0.99999999999999999999.
    const measure = buildMeasure({ step: 0.3, points: 3, rounding: 'proportional' })
    expect(scoreOne(buildDeduct({ measures: [measure] }), { coverage: 89.9 })).toMatchObject({
      score: '9',
      deducted: '1',
    })
  })

  it.each([
    ['>', 'whole-steps', '10'],
    ['>', 'proportional', '10'],
    ['>', 'started-steps', '7'],
    ['<', 'whole-steps', '10'],
    ['<', 'proportional', '10'],
    ['<', 'started-steps', '7'],
  ] as const)(
    'a strict %s target is not met exactly on it; %s scores %s',
    (op, rounding, itemScore) => {
      const item = scoreOne(
        buildDeduct({ measures: [buildMeasure({ targets: [{ op, value: 90 }], rounding })] }),
        { coverage: 90 },
      )
      expect(item.score).toBe(itemScore)
      expect(item.measures![0]).toMatchObject({ met: false, gap: '0' })
    },
  )

  it('measures the gap either side of an = target', () => {
    const item = buildDeduct({
      measures: [buildMeasure({ targets: [{ op: '=', value: 90 }], points: 1 })],
    })
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
    expect(scoreOne(item, { coverage: 80 })).toMatchObject({
      score: '4',
      deducted: '30',
      cap: '6',
      capApplied: true,
    })
    expect(scoreOne(item, { coverage: 89 })).toMatchObject({ score: '7', capApplied: false })
    expect(scoreOne(item, { coverage: 88 })).toMatchObject({
      score: '4',
      deducted: '6',
      capApplied: false,
    })
  })

  describe('with two measures', () => {
    const daySurgery = () =>
      buildDeduct({
        id: 'day-surgery',
        name: '日间手术',
        measures: [
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
  const share = () =>
    buildDeduct({
      measures: [
        buildMeasure({ indicator: 'primary-share', targets: [{ op: '>=', delta: 5 }], points: 2 }),
      ],
    })

  it('add the baseline', () => {
    const met = scoreOne(share(), { 'primary-share': 65 })
    expect(met).toMatchObject({ score: '10' })
    expect(met.measures![0]!.target).toEqual({ op: '>=', value: '65', year: null })
    expect(scoreOne(share(), { 'primary-share': 63 })).toMatchObject({ score: '6' })
  })

  it('cannot be scored without a baseline value', () => {
    const item = scoreOne(
      buildDeduct({
        measures: [
          buildMeasure({ indicator: 'outpatient-share', targets: [{ op: '>=', delta: 5 }] }),
        ],
      }),
      {
        'outpatient-share': 70,
      },
    )
    expect(item).toMatchObject({ status: 'error', score: null, missing: [] })
    expect(item.explanation.zh).toContain('缺基线值')
    expect(item.explanation.en).toContain('No baseline value')
  })
})

describe('the target for the year', () => {
  const withTargets = (targets: Target[]) =>
    buildDeduct({ measures: [buildMeasure({ targets, points: 1 })] })

  it('is the one set for that year', () => {
    const item = scoreOne(
      withTargets([
        { op: '>=', value: 80 },
        { year: 2021, op: '>=', value: 90 },
      ]),
      { coverage: 85 },
    )
    expect(item.measures![0]!.target).toEqual({ op: '>=', value: '90', year: 2021 })
    expect(item.score).toBe('5')
  })

  it('is the one without a year when none is set for that year', () => {
    const item = scoreOne(
      withTargets([
        { year: 2020, op: '>=', value: 85 },
        { op: '>=', value: 80 },
      ]),
      { coverage: 85 },
    )
    expect(item.measures![0]!.target).toEqual({ op: '>=', value: '80', year: null })
  })

  it('carries the latest earlier year forward when the assessment states carry-forward for the year', () => {
    const targets: Target[] = [
      { year: 2020, op: '>=', value: 88 },
      { year: 2021, op: '>=', value: 90 },
      { year: 2025, op: '>=', value: 95 },
    ]
    const policy = buildPolicy([withTargets(targets)], {
      yearsWithoutTargets: [{ year: 2023, treatment: 'carry-forward', note: '沿用' }],
    })
    const item = score(policy, { coverage: 85 }, 2023).items[0]!
    expect(item.measures![0]!.target).toEqual({ op: '>=', value: '90', year: 2021 })
    expect(item.explanation.zh).toContain('（沿用 2021 年目标）')
  })

  it('never carries an earlier target into a year the assessment does not state', () => {
    const targets: Target[] = [{ year: 2021, op: '>=', value: 90 }]
    const item = scoreOne(withTargets(targets), { coverage: 95 }, 2022)
    expect(item).toMatchObject({ status: 'error', score: null })
    expect(item.explanation.zh).toContain('配置也未写明该年沿用此前目标或不考核')
  })

  it('scores nothing in a year stated not-assessed', () => {
    const policy = buildPolicy([withTargets([{ year: 2021, op: '>=', value: 90 }])], {
      yearsWithoutTargets: [{ year: 2022, treatment: 'not-assessed', note: '不考核' }],
    })
    const item = score(policy, { coverage: 95 }, 2022).items[0]!
    expect(item.explanation.zh).toBe('配置写明 2022 年不考核（yearsWithoutTargets）')
  })

  it('is an error when there is none', () => {
    const result = score(
      buildPolicy([withTargets([{ year: 2021, op: '>=', value: 90 }])]),
      { coverage: 95 },
      2020,
    )
    expect(result.items[0]).toMatchObject({ status: 'error', score: null, missing: [] })
    expect(result.items[0]!.explanation.zh).toContain('「签约覆盖率」在 2020 年没有考核目标')
    expect(result.items[0]!.explanation.en).toContain('"签约覆盖率" has no target for 2020')
    expect(result).toMatchObject({ complete: false, total: null, grade: null, missing: [] })
  })
})

describe('missing values', () => {
  const visits = () =>
    buildDeduct({
      id: 'visits',
      name: '县域内就诊',
      measures: [buildMeasure({ indicator: 'visit-rate' })],
    })

  it('leave the item, the total and the grade empty and name the data elements', () => {
    const result = score(buildPolicy([visits()]), { county_visits: 880 })
    expect(result.items[0]).toMatchObject({
      status: 'missing',
      score: null,
      missing: ['total_visits'],
    })
    expect(result.items[0]!.explanation.zh).toBe('计算「县域内就诊率」缺少数据：total_visits')
    expect(result).toMatchObject({
      complete: false,
      base: null,
      total: null,
      grade: null,
      effects: [],
      missing: ['total_visits'],
    })
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
    const item = scoreOne(buildDeduct({ measures: [measure] }), {
      county_visits: 264,
      total_visits: 300,
    })
    expect(item.measures![0]).toMatchObject({ value: '88', met: true, gap: '0' })
    expect(item.score).toBe('10')
  })

  it('are rounded to 12 places', () => {
    expect(scoreOne(visits(), { county_visits: 2, total_visits: 3 }).measures![0]!.value).toBe(
      '66.666666666667',
    )
  })

  it('report division by zero as an error naming the divisor', () => {
    const result = score(buildPolicy([visits()]), { county_visits: 0, total_visits: 0 })
    expect(result.items[0]).toMatchObject({ status: 'error', score: null, missing: [] })
    expect(result.items[0]!.explanation.zh).toContain('除数 total_visits 为 0')
    expect(result.items[0]!.explanation.en).toContain('the divisor total_visits is 0')
    expect(result).toMatchObject({ complete: false, total: null, grade: null, missing: [] })
  })
})
