/**
 * Meishan's assessment in tests: two 医共体 as plan members, a year of inputs on target (so each
 * test changes only what it is about), and values written straight to the store.
 */
import { upsertValues } from '../../server/indicators/value-store.ts'
import type { TestApp } from './test-app.ts'

export const MEISHAN_MEMBERS = {
  'medical-communities': [
    { id: 'dongpo-mc', name: '东坡区医共体' },
    { id: 'renshou-mc', name: '仁寿县医共体' },
  ],
}

export type Inputs = Record<string, number | boolean>

/**
 * A year's inputs as data elements, so every formula is evaluated: every item on target (99.5
 * points: satisfaction 95% of 10), no bonus, no veto — except what `over` changes.
 */
export function meishanInputs(over: Inputs = {}): Inputs {
  return {
    county_visits: 9000,
    total_visits: 10000, // 90%
    medical_cost: 1050000,
    service_count: 1000,
    medical_cost_prev: 1000000,
    service_count_prev: 1000, // +5%
    inpatient_bed_days: 8000,
    discharged_cases: 1000,
    grouped_cases: 900, // 8 days, 90%
    day_surgery_kinds: 10,
    day_surgery_cases: 400,
    six_disease_managed: 850,
    six_disease_patients: 1000, // 85%
    inpatient_personal_cost: 300,
    inpatient_total_cost: 1000, // 30%
    satisfied_questionnaires: 95,
    returned_questionnaires: 100, // 95% → 9.5
    drg_charge_reform_started: false,
    agreement_suspended_or_terminated: false,
    referred_to_judiciary: false,
    violation_cost: 0,
    pooled_fund_incurred: 100000000,
    ...over,
  }
}

/** Writes a unit's values for a period directly (as an import would). */
export async function enterValues(
  t: TestApp,
  planId: string,
  unit: string,
  period: string,
  values: Inputs,
): Promise<void> {
  await upsertValues(
    t.db,
    Object.entries(values).map(([element, value]) => ({
      plan_id: planId,
      element_id: element,
      unit_id: unit,
      period,
      value: String(value),
      source: 'api' as const,
      task_id: null,
      entered_by: 'test',
      entered_at: t.clock.now().toISOString(),
    })),
  )
}
