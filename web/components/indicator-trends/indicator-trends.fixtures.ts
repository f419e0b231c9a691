/** Indicator trend fixtures for the unit tests. */
import type { IndicatorTrends } from '../../api-types.ts'
import type { TrendIndicator, TrendPoint } from './trend-format.ts'

/** One year of a series; a missing value says why, as the server does. */
export function buildPoint(
  year: number,
  value: string | null,
  target: string | null,
  status: TrendPoint['status'],
  gap: string | null = null,
): TrendPoint {
  return {
    year,
    value,
    target:
      target === null
        ? null
        : { op: '>=', value: target, year, phrase: `${year} 年达到 ${target}%及以上` },
    status,
    gap,
    reporting: value === null ? 0 : 2,
    partial: false,
    problem:
      value === null ? { zh: '尚无单位填报「县域内就诊率」', en: 'No unit has reported it' } : null,
  }
}

/** 县域内就诊率: not met in 2020, met in 2021, not reported in 2022 (whose target is ≥ 90). */
export function buildIndicator(overrides: Partial<TrendIndicator> = {}): TrendIndicator {
  return {
    id: 'county-visit-rate',
    name: '县域内就诊率',
    category: '工作目标',
    unit: '%',
    valueType: 'percentage',
    direction: 'higher-is-better',
    frequency: 'yearly',
    inferred: null,
    rollup: 'pooled',
    targets: [
      { year: 2020, op: '>=', value: 88, delta: null, phrase: '2020 年达到 88%及以上' },
      { year: 2021, op: '>=', value: 90, delta: null, phrase: '2021 年达到 90%及以上' },
      { year: 2022, op: '>=', value: 90, delta: null, phrase: '力争达 90%以上' },
    ],
    baseline: null,
    // As the server answers: a year without a value has no target in its point.
    series: [
      buildPoint(2020, '87.5', '88', 'not-met', '0.5'),
      buildPoint(2021, '91.077302784223', '90', 'met', '0'),
      buildPoint(2022, null, null, 'missing'),
    ],
    ...overrides,
  }
}

/** An answer of `/api/plans/:id/indicators` for a scope. */
export function buildTrends(
  scope: { id: string; name: string; kind: 'region' | 'group' | 'unit'; members?: number },
  indicators: TrendIndicator[],
): IndicatorTrends {
  return {
    scope: { members: 1, ...scope },
    scopes: [
      { id: 'region', name: '眉山市', kind: 'region' },
      { id: 'medical-communities', name: '紧密型县域医共体', kind: 'group' },
      { id: 'dongpo-mc', name: '东坡区医共体', kind: 'unit' },
    ],
    years: [2020, 2021, 2022],
    indicators,
  }
}
