/**
 * @module Assessment responses for tests of the assessment pages, as the API returns them for
 * Meishan's 2021 assessment (test/api/assessment-cycle.test.ts): 东坡区医共体 lost the 县域内就诊率
 * item (良好), 仁寿县医共体 lacks a value and was vetoed. Override what a test is about.
 */
import type { AssessmentSummary, ItemScore, RunView, UnitReport } from './assessment-types.ts'

export const GRADES: AssessmentSummary['grades'] = [
  {
    id: 'excellent',
    name: '优秀',
    min: 90,
    max: null,
    below: null,
    effects: [
      { kind: 'budget-adjustment', percent: 0, base: '约定总额', text: '全额拨付约定总额' },
    ],
  },
  {
    id: 'good',
    name: '良好',
    min: 70,
    max: null,
    below: 90,
    effects: [
      {
        kind: 'budget-adjustment',
        percent: 0,
        base: '约定“打包付费”总额',
        text: '全额拨付约定“打包付费”总额',
      },
    ],
  },
  {
    id: 'pass',
    name: '合格',
    min: 60,
    max: null,
    below: 70,
    effects: [
      {
        kind: 'budget-adjustment',
        percent: -10,
        base: '约定“打包付费”总额',
        text: '扣减 10%约定“打包付费”总额',
      },
    ],
  },
  {
    id: 'fail',
    name: '不合格',
    min: 0,
    max: null,
    below: 60,
    effects: [
      {
        kind: 'budget-adjustment',
        percent: -30,
        base: '约定“打包付费”总额',
        text: '扣减 30%约定“打包付费”总额',
      },
      {
        kind: 'next-year-budget-adjustment',
        percent: -10,
        base: '次年“打包付费”总额',
        text: '次年降低“打包付费”总额 10%',
      },
    ],
  },
]

const ASSESSMENT: RunView['assessment'] = {
  id: 'reform-assessment',
  name: '紧密型县域医共体医疗保障管理改革考核',
  totalScore: 100,
  maxScore: null,
  assessor: [{ id: 'city-healthcare-security-bureau', name: '市医疗保障局' }],
  with: [{ id: 'city-finance-bureau', name: '市财政局' }],
  due: '每年年底',
  method: '考核主要采取从信息系统提取数据为主的方式进行',
  items: [
    { id: 'county-visit-rate', name: '县域内就诊率', kind: 'deduct', weight: 10, points: null },
    {
      id: 'public-satisfaction',
      name: '群众满意度调查',
      kind: 'proportional',
      weight: 10,
      points: null,
    },
    { id: 'fund-supervision-veto', name: '医保基金监管', kind: 'veto', weight: null, points: null },
  ],
  grades: GRADES,
  source: null,
}

/** One entry of `GET /api/plans/:id/assessments`. */
export function buildAssessment(overrides: Partial<AssessmentSummary> = {}): AssessmentSummary {
  return {
    ...ASSESSMENT,
    subjects: 2,
    runs: [
      {
        year: 2020,
        status: 'published',
        version: 1,
        computedAt: '2021-01-10T01:00:00.000Z',
        reviewedAt: '2021-01-11T01:00:00.000Z',
        reviewNote: '数据已核对',
        publishedAt: '2021-01-12T01:00:00.000Z',
      },
    ],
    may: { compute: true, review: true, publish: true },
    ...overrides,
  }
}

const RUN: RunView['run'] = {
  year: 2021,
  status: 'computed',
  version: 1,
  computedAt: '2021-12-20T01:00:00.000Z',
  reviewedAt: null,
  reviewNote: null,
  publishedAt: null,
}

/** `GET …/runs/2021`. */
export function buildRunView(overrides: Partial<RunView> = {}): RunView {
  return {
    assessment: ASSESSMENT,
    run: RUN,
    results: [
      {
        unit: { id: 'dongpo-mc', name: '东坡区医共体' },
        complete: true,
        missing: [],
        base: '89.5',
        bonus: '0',
        total: '89.5',
        grade: { id: 'good', name: '良好' },
        vetoedBy: null,
        effects: GRADES[1]!.effects,
        failing: ['county-visit-rate'],
      },
      {
        unit: { id: 'renshou-mc', name: '仁寿县医共体' },
        complete: false,
        missing: ['county_visits'],
        base: null,
        bonus: null,
        total: null,
        grade: { id: 'fail', name: '不合格' },
        vetoedBy: 'fund-supervision-veto',
        effects: GRADES[3]!.effects,
        failing: ['fund-supervision-veto'],
      },
    ],
    counts: { units: 2, complete: 1, grades: { good: 1, fail: 1 } },
    may: { compute: true, review: true, publish: true },
    ...overrides,
  }
}

export const VISIT_ITEM: ItemScore = {
  id: 'county-visit-rate',
  name: '县域内就诊率',
  kind: 'deduct',
  weight: '10',
  cap: '10',
  measures: [
    {
      name: null,
      indicator: 'county-visit-rate',
      indicatorName: '县域内就诊率',
      unit: '%',
      value: '85.6',
      target: { op: '>=', value: '90', year: 2021 },
      met: false,
      gap: '4.4',
      step: '1',
      points: '3',
      rounding: 'whole-steps',
      steps: '4',
      deducted: '12',
      missing: [],
      problem: null,
    },
  ],
  score: '0',
  deducted: '12',
  capApplied: true,
  status: 'scored',
  missing: [],
  explanation: {
    zh: '县域内就诊率 85.6%，目标 ≥90%（2021 年目标），差 4.4 个百分点，按 4 个百分点计（只计整步，不足 1 个百分点的不计）；每差 1 个百分点扣 3 分，计 4 步，扣 12 分。合计扣 12 分，超过上限 10 分，扣完为止，得 0 分。',
    en: '县域内就诊率 85.6%, target ≥ 90%: short by 4.4 percentage point(s), counted as 4 percentage point(s) (only whole steps of 1 count); 3 per 1 percentage point(s): 4 step(s), 12 deducted. 12 points deducted in all, over the cap of 10: 0 points.',
  },
}

export const SATISFACTION_ITEM: ItemScore = {
  id: 'public-satisfaction',
  name: '群众满意度调查',
  kind: 'proportional',
  weight: '10',
  indicator: 'public-satisfaction',
  full: '100',
  score: '9.5',
  value: '95',
  status: 'scored',
  missing: [],
  explanation: {
    zh: '群众满意度 95%，满分对应 100%；得分 = 95 ÷ 100 × 10 = 9.5 分。',
    en: '群众满意度 95%, full marks at 100%: 95 ÷ 100 × 10 = 9.5 points.',
  },
}

export const VETO_ITEM: ItemScore = {
  id: 'fund-supervision-veto',
  name: '医保基金监管',
  kind: 'veto',
  weight: null,
  condition: 'violation_cost / pooled_fund_incurred * 1000 >= 5',
  score: null,
  holds: false,
  status: 'scored',
  missing: [],
  explanation: { zh: '未触发一票否决。', en: 'No veto.' },
}

/** `GET …/runs/2021/units/dongpo-mc`, published. */
export function buildUnitReport(overrides: Partial<UnitReport> = {}): UnitReport {
  return {
    assessment: ASSESSMENT,
    run: {
      ...RUN,
      status: 'published',
      version: 1,
      reviewedAt: '2021-12-20T01:00:00.000Z',
      reviewNote: '数据已核对',
      publishedAt: '2021-12-20T02:00:00.000Z',
    },
    unit: { id: 'dongpo-mc', name: '东坡区医共体' },
    score: {
      assessmentId: 'reform-assessment',
      unitId: 'dongpo-mc',
      year: 2021,
      complete: true,
      missing: [],
      base: '89.5',
      bonus: '0',
      bonusCapApplied: false,
      total: '89.5',
      maxScoreApplied: false,
      vetoedBy: null,
      grade: { id: 'good', name: '良好' },
      effects: GRADES[1]!.effects,
      items: [VISIT_ITEM, SATISFACTION_ITEM, VETO_ITEM],
    },
    consequences: {
      grade: { id: 'good', name: '良好' },
      effects: GRADES[1]!.effects,
      vetoedBy: null,
      rectificationTasks: [{ id: 'task-r1', item: 'county-visit-rate', dueOn: '2022-01-31' }],
      recordedAt: '2021-12-20T02:00:00.000Z',
    },
    rectifications: [
      { id: 'task-r1', item: 'county-visit-rate', state: 'assigned', dueOn: '2022-01-31' },
    ],
    trend: [
      {
        year: 2020,
        status: 'published',
        total: '96.5',
        grade: { id: 'excellent', name: '优秀' },
        vetoedBy: null,
      },
      {
        year: 2021,
        status: 'published',
        total: '89.5',
        grade: { id: 'good', name: '良好' },
        vetoedBy: null,
      },
    ],
    ...overrides,
  }
}
