/**
 * @module Demo indicator data for the Chongqing plan (渝卫函〔2024〕285号): the four of its
 * indicators that the national monitoring report on the 754 county pilots measures too
 * (../shared/seeds/national-county-medical-community-monitoring-report-2022.txt), at the report's
 * 2020 national figures. They are *illustrative*: national county-pilot averages set in the plan's
 * first year (2024) so its indicator views have something to show, not Chongqing measurements.
 * The reply names no one to report these indicators, so the values belong to the whole region.
 *
 * A rate the plan computes from two inputs is given as counts on a round total chosen so the
 * formula gives exactly the report's figure (25,026 / 60,000 × 100 = 41.71).
 */
import { Decimal } from 'decimal.js'
import type { DemoValue } from './demo-indicator-values.ts'

export const CHONGQING_DEMO_POLICY_ID = 'chongqing-urban-medical-group'

/** The plan year the report's figures are set in. */
export const CHONGQING_DEMO_YEAR = 2024

/** The report's 2020 figures, by the Chongqing indicator that matches them. */
export const CHONGQING_REPORT_FIGURES = {
  // "牵头医院出院患者三四级手术的占比从2019年的38.25%提升至2020年的41.71%"
  'lead-hospital-grade34-surgery-share': 41.71,
  // "牵头医院人员经费占业务支出的比重从2019年的38.48%提升到2020年的39.67%"
  'personnel-expense-share': 39.67,
  // "牵头医院的医疗服务收入占医疗总收入的比重从2019年的36.98%下降到2020年的33.24%"
  'medical-service-revenue-share': 33.24,
  // "医保基金县域内支出率从2019年的64.76%提升到2020年的65.81%" (网格内支出率 in the reply)
  'in-grid-fund-spending-rate': 65.81,
} as const

/** Numerator and denominator inputs of each rate, with the denominator's demo total. */
const RATES = [
  ['lead-hospital-grade34-surgery-share', 'lead_grade34_surgeries', 'lead_total_surgeries', 60_000],
  ['personnel-expense-share', 'personnel_expenses', 'total_expenses', 250_000],
  ['medical-service-revenue-share', 'medical_service_revenue', 'medical_revenue', 300_000],
] as const

/** Every Chongqing demo value, for the whole region. */
export function chongqingDemoValues(): DemoValue[] {
  const period = String(CHONGQING_DEMO_YEAR)
  const values: DemoValue[] = []
  for (const [indicator, numerator, denominator, total] of RATES) {
    const part = new Decimal(total).times(CHONGQING_REPORT_FIGURES[indicator]).dividedBy(100)
    values.push(
      { county: 'region', period, element: numerator, value: part.toString() },
      { county: 'region', period, element: denominator, value: String(total) },
    )
  }
  values.push({
    county: 'region',
    period,
    element: 'in-grid-fund-spending-rate',
    value: String(CHONGQING_REPORT_FIGURES['in-grid-fund-spending-rate']),
  })
  return values
}
