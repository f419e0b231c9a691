/**
 * Small assessments for the scoring tests: indicators given directly unless they have a formula,
 * a deduct item and its measure to vary, Meishan-like grade bands, and scoring helpers.
 */
import { Decimal } from 'decimal.js'
import type { Assessment, AssessmentItem, Indicator, PolicyConfig } from '../../schemas/index.ts'
import type { FormulaValue } from '../formula/evaluate-formula.ts'
import { compileAssessment, scoreUnit } from './score-assessment.ts'
import type { ItemScore, UnitScore } from './score-types.ts'

export type Deduct = Extract<AssessmentItem, { kind: 'deduct' }>
export type Measure = Deduct['measures'][number]
export type Target = Measure['targets'][number]

export function buildIndicator(
  id: string,
  name: string,
  extra: Partial<Indicator> = {},
): Indicator {
  return {
    id,
    name,
    valueType: 'percentage',
    unit: '%',
    frequency: 'yearly',
    owner: ['health-bureau'],
    ...extra,
  }
}

/** Indicators given directly unless they have a formula. */
export function buildIndicators(): Indicator[] {
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

export function buildMeasure(extra: Partial<Measure> = {}): Measure {
  return {
    indicator: 'coverage',
    targets: [{ op: '>=', value: 90 }],
    step: 1,
    points: 3,
    rounding: 'whole-steps',
    ...extra,
  }
}

export function buildDeduct(extra: Partial<Deduct> = {}): Deduct {
  return {
    id: 'coverage',
    name: '签约覆盖',
    kind: 'deduct',
    weight: 10,
    measures: [buildMeasure()],
    ...extra,
  }
}

export function buildGrades(): Assessment['grades'] {
  return [
    { id: 'excellent', name: '优秀', min: 90 },
    { id: 'good', name: '良好', min: 70, below: 90 },
    {
      id: 'pass',
      name: '合格',
      min: 60,
      below: 70,
      effects: [{ kind: 'budget-adjustment', percent: -10, text: '扣减 10%' }],
    },
    {
      id: 'fail',
      name: '不合格',
      min: 0,
      below: 60,
      effects: [{ kind: 'budget-adjustment', percent: -30, text: '扣减 30%' }],
    },
  ]
}

export function buildPolicy(
  items: AssessmentItem[],
  extra: Partial<Assessment> = {},
): PolicyConfig {
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

export function score(
  policy: PolicyConfig,
  inputs: Record<string, number | string | boolean>,
  year = 2021,
): UnitScore {
  const values = new Map<string, FormulaValue>(
    Object.entries(inputs).map(([id, value]) => [
      id,
      typeof value === 'boolean' ? value : new Decimal(value),
    ]),
  )
  return scoreUnit(compileAssessment(policy, 'annual'), 'unit-1', year, values)
}

/** Scores one item alone and returns it. */
export function scoreOne(
  item: AssessmentItem,
  inputs: Record<string, number | string | boolean>,
  year = 2021,
): ItemScore {
  return score(buildPolicy([item]), inputs, year).items[0]!
}
