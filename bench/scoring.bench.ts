/**
 * Scoring throughput: Meishan's annex table (7 deduct items, 2 bonuses, satisfaction, the
 * fund-supervision veto) for 2,800 units in one year. The real config is loaded from policies/
 * and compiled once; each unit's values are data elements, so every indicator is computed from
 * its formula (exact decimals, 12-place rounding) before it is scored and explained. Prints the
 * median and p99 of each run's wall time and CPU time, and their ratio to the 100 ms target: on a
 * machine shared with other work, wall time also waits for a core, CPU time does not.
 */
import { Decimal } from 'decimal.js'
import { loadPolicyFile } from '../server/policies/load-policy.ts'
import type { FormulaValue } from '../domain/formula/evaluate-formula.ts'
import type { InputValues } from '../domain/scoring/indicator-value.ts'
import { compileAssessment, scoreUnit } from '../domain/scoring/score-assessment.ts'

const MEISHAN = 'policies/meishan/medical-community-insurance-2020.yaml'
const ASSESSMENT = 'reform-assessment'
const UNITS = 2800
const YEAR = 2021
const TARGET_MS = 100
const RUNS = 40
const WARMUP = 5

/** A small deterministic generator (mulberry32), so every run scores the same units. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Realistic yearly data elements of one medical community, around and across the targets. */
function unitValues(next: () => number): InputValues {
  const between = (low: number, high: number) => low + (high - low) * next()
  const count = (low: number, high: number) => Math.round(between(low, high))
  const money = (low: number, high: number) => Math.round(between(low, high) * 100) / 100
  const totalVisits = count(200_000, 900_000)
  const discharged = count(8_000, 40_000)
  const serviceCountPrev = count(150_000, 600_000)
  const medicalCostPrev = money(80e6, 400e6)
  const returned = count(300, 1_200)
  const patients = count(20_000, 90_000)
  const inpatientCost = money(60e6, 300e6)
  const pooled = money(50e6, 300e6)
  const values: Record<string, number | boolean> = {
    county_visits: Math.round(totalVisits * between(0.84, 0.95)),
    total_visits: totalVisits,
    medical_cost_prev: medicalCostPrev,
    service_count_prev: serviceCountPrev,
    service_count: Math.round(serviceCountPrev * between(0.95, 1.1)),
    // Cost per service grows by −2% … 12% over the year before.
    medical_cost: 0,
    inpatient_bed_days: Math.round(discharged * between(7, 10)),
    discharged_cases: discharged,
    grouped_cases: Math.round(discharged * between(0.82, 0.99)),
    day_surgery_kinds: count(4, 14),
    day_surgery_cases: count(250, 520),
    six_disease_managed: Math.round(patients * between(0.72, 0.95)),
    six_disease_patients: patients,
    inpatient_personal_cost: Math.round(inpatientCost * between(0.25, 0.36) * 100) / 100,
    inpatient_total_cost: inpatientCost,
    satisfied_questionnaires: Math.round(returned * between(0.75, 1)),
    returned_questionnaires: returned,
    drg_charge_reform_started: next() < 0.4,
    rehab_payment_reform_started: next() < 0.3,
    agreement_suspended_or_terminated: next() < 0.02,
    referred_to_judiciary: next() < 0.01,
    violation_cost: Math.round(pooled * between(0, 0.0055) * 100) / 100,
    pooled_fund_incurred: pooled,
  }
  const perServicePrev = medicalCostPrev / serviceCountPrev
  values.medical_cost =
    Math.round(perServicePrev * between(0.98, 1.12) * (values.service_count as number) * 100) / 100
  return new Map<string, FormulaValue>(
    Object.entries(values).map(([id, value]) => [
      id,
      typeof value === 'boolean' ? value : new Decimal(value),
    ]),
  )
}

/** The p-th percentile (0–100) of sorted samples: the sample at or above p % of them. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/** One printed row: median, p99 and the median's ratio to the target, with the verdict. */
function row(name: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b)
  const median = percentile(sorted, 50)
  const ratio = median / TARGET_MS
  const verdict = median <= TARGET_MS ? `✓ ≤ ${TARGET_MS} ms` : `✗ target ${TARGET_MS} ms`
  return `${name.padEnd(48)} median ${median.toFixed(2).padStart(8)} ms   p99 ${percentile(sorted, 99).toFixed(2).padStart(8)} ms   ${ratio.toFixed(2)}× target   (${samples.length} runs)  ${verdict}`
}

export function benchScoring(): string[] {
  const lines = ['', `Scoring (${MEISHAN}, ${ASSESSMENT}, ${YEAR})`]
  const loaded = loadPolicyFile(MEISHAN)
  if (!loaded.ok)
    throw new Error(`${MEISHAN} does not validate: ${JSON.stringify(loaded.issues[0])}`)
  const compiled = compileAssessment(loaded.policy, ASSESSMENT)
  const next = random(2020)
  const units = Array.from({ length: UNITS }, (_, index) => ({
    id: `community-${index + 1}`,
    values: unitValues(next),
  }))

  const grades = new Map<string, number>()
  const scoreYear = () => {
    grades.clear()
    for (const unit of units) {
      const score = scoreUnit(compiled, unit.id, YEAR, unit.values)
      if (!score.complete)
        throw new Error(`${unit.id} is incomplete: missing ${score.missing.join(', ')}`)
      const grade = score.grade?.id ?? 'none'
      grades.set(grade, (grades.get(grade) ?? 0) + 1)
    }
  }
  for (let i = 0; i < WARMUP; i++) scoreYear()
  const wall: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const cpuStart = process.cpuUsage()
    const start = process.hrtime.bigint()
    scoreYear()
    wall.push(Number(process.hrtime.bigint() - start) / 1e6)
    const used = process.cpuUsage(cpuStart)
    cpu.push((used.user + used.system) / 1e3)
  }
  const items = compiled.assessment.items.length
  lines.push(row(`${UNITS.toLocaleString('en')} units × ${items} items, wall time`, wall))
  lines.push(row(`  CPU time of the same runs`, cpu))
  lines.push(`  grades: ${[...grades].map(([grade, n]) => `${grade} ${n}`).join(', ')}`)
  return lines
}

if (process.argv[1]?.endsWith('scoring.bench.ts')) {
  for (const line of benchScoring()) console.log(line)
}
