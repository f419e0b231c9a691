/**
 * @module Demo indicator data for the Meishan plan: yearly figures for its six districts and
 * counties, 2019 (试点前, the baseline) to 2021, set around the national monitoring report on the
 * 754 pilot counties (../shared/seeds/national-county-medical-community-monitoring-report-2022.txt)
 * and varied per county so some meet the document's targets and some miss them.
 *
 * Each rate below is what the plan's formula gives from the raw counts derived here: a count is
 * `total × rate / 100` on a total chosen so the product is whole, so `county_visits /
 * total_visits * 100` is exactly the rate written. Figures the report does not give are marked
 * *illustrative*: set around the document's own targets (附件考核表), not measured anywhere.
 */
import { Decimal } from 'decimal.js'

export const DEMO_POLICY_ID = 'meishan-medical-community-insurance'

/** Meishan's districts and counties (the demo's plan-start.json uses the same names). */
export const DEMO_COUNTIES = [
  { key: 'dongpo', name: '东坡区' },
  { key: 'pengshan', name: '彭山区' },
  { key: 'renshou', name: '仁寿县' },
  { key: 'hongya', name: '洪雅县' },
  { key: 'danling', name: '丹棱县' },
  { key: 'qingshen', name: '青神县' },
] as const

export type DemoCounty = (typeof DEMO_COUNTIES)[number]['key']
type PerCounty<T> = Record<DemoCounty, T>
/** Values for 2019, 2020, 2021. */
type Series = readonly [number, number, number]

export const DEMO_YEARS = [2019, 2020, 2021] as const

/**
 * 县域内就诊率 (%). Report: "县域内就诊率为90.24%(比2019年高5.98个百分点)" — national 84.26 in
 * 2019 and 90.24 in 2020. Targets: 2020 ≥ 88, 2021 ≥ 90. 洪雅 and 青神 miss both; 仁寿 is the
 * national figure in 2020.
 */
export const COUNTY_VISIT_RATE: PerCounty<Series> = {
  dongpo: [86.1, 91.35, 92.4],
  pengshan: [84.52, 89.06, 90.75],
  renshou: [85.3, 90.24, 91.12],
  hongya: [82.75, 87.4, 89.35],
  danling: [81.9, 88.15, 90.02],
  qingshen: [84.26, 86.95, 88.6],
}

/** 参保人员就诊总人次: the denominator (multiples of 10,000; 2020 dips with the epidemic). */
export const TOTAL_VISITS: PerCounty<Series> = {
  dongpo: [5_120_000, 4_760_000, 5_030_000],
  pengshan: [1_980_000, 1_840_000, 1_950_000],
  renshou: [6_840_000, 6_350_000, 6_720_000],
  hongya: [1_730_000, 1_610_000, 1_700_000],
  danling: [850_000, 790_000, 840_000],
  qingshen: [1_020_000, 950_000, 1_000_000],
}

/**
 * 基层门急诊人次占比 (%). Report: "试点地区基层门急诊占比为55.13%(比2019年高2.32个百分点)" —
 * national 52.81 in 2019 and 55.13 in 2020. Target: 2022 ≥ the 2019 baseline + 5.
 */
export const PRIMARY_OUTPATIENT_SHARE: PerCounty<Series> = {
  dongpo: [49.2, 51.85, 53.1],
  pengshan: [52.81, 55.13, 57.2],
  renshou: [56.1, 58.45, 60.35],
  hongya: [54.75, 56.3, 58.9],
  danling: [58.2, 59.1, 59.8],
  qingshen: [52.4, 54.6, 57.95],
}

/** 门急诊总人次: 88 % of all visits, rounded to 10,000. */
export const OUTPATIENT_VISITS: PerCounty<Series> = {
  dongpo: [4_510_000, 4_190_000, 4_430_000],
  pengshan: [1_740_000, 1_620_000, 1_720_000],
  renshou: [6_020_000, 5_590_000, 5_910_000],
  hongya: [1_520_000, 1_420_000, 1_500_000],
  danling: [750_000, 700_000, 740_000],
  qingshen: [900_000, 840_000, 880_000],
}

/**
 * 基层住院人次占比 (%), illustrative: the report gives no national share of primary-care
 * inpatients, only that it fell ("基层医疗卫生机构住院服务减少"); 2020 is set below 2019 to match.
 */
export const PRIMARY_INPATIENT_SHARE: PerCounty<Series> = {
  dongpo: [18.4, 17.2, 19.1],
  pengshan: [24.6, 23.1, 25.4],
  renshou: [27.3, 26.05, 28.6],
  hongya: [29.8, 27.9, 30.15],
  danling: [31.2, 30.4, 32.75],
  qingshen: [26.5, 24.8, 26.1],
}

/** 住院总人次 (also 出院病例数), multiples of 10,000. */
export const INPATIENT_VISITS: PerCounty<Series> = {
  dongpo: [160_000, 150_000, 160_000],
  pengshan: [60_000, 50_000, 60_000],
  renshou: [210_000, 190_000, 200_000],
  hongya: [50_000, 50_000, 50_000],
  danling: [30_000, 20_000, 30_000],
  qingshen: [30_000, 30_000, 30_000],
}

/**
 * “六病”管理率 (%). Report: "基层医疗卫生机构慢病患者管理率为76.85%(比2019年高2.24个百分点)" —
 * national 74.61 in 2019 and 76.85 in 2020. Targets: 2020 ≥ 75, 2021 ≥ 85.
 */
export const SIX_DISEASE_RATE: PerCounty<Series> = {
  dongpo: [74.1, 77.4, 85.6],
  pengshan: [73.2, 76.85, 84.1],
  renshou: [75.3, 78.2, 86.25],
  hongya: [72.45, 74.6, 83.7],
  danling: [74.61, 76.1, 85.05],
  qingshen: [71.8, 73.95, 82.4],
}

/** “六病”患者人数, multiples of 10,000 (about a sixth of residents). */
export const SIX_DISEASE_PATIENTS: PerCounty<Series> = {
  dongpo: [140_000, 150_000, 150_000],
  pengshan: [50_000, 50_000, 60_000],
  renshou: [190_000, 200_000, 200_000],
  hongya: [50_000, 50_000, 50_000],
  danling: [30_000, 30_000, 30_000],
  qingshen: [30_000, 40_000, 40_000],
}

/**
 * 住院患者个人实际负担 (%). Report: "县域医共体建设试点地区参保人的实际报销比例提高到61.18%" —
 * a personal share of 38.82 % in 2020 (2019 is not given; set a little higher). Targets: 2020
 * ≤ 35, 2021 ≤ 30.
 */
export const PERSONAL_BURDEN: PerCounty<Series> = {
  dongpo: [36.4, 33.8, 29.6],
  pengshan: [38.1, 34.95, 30.4],
  renshou: [37.2, 33.1, 28.85],
  hongya: [39.5, 36.2, 31.75],
  danling: [39.9, 35.6, 30.9],
  qingshen: [40.1, 38.82, 33.4],
}

/** 住院患者医疗总费用 (元), multiples of 10,000. */
export const INPATIENT_TOTAL_COST: PerCounty<Series> = {
  dongpo: [1_086_400_000, 1_041_500_000, 1_152_800_000],
  pengshan: [352_600_000, 318_900_000, 366_200_000],
  renshou: [1_296_300_000, 1_214_700_000, 1_311_500_000],
  hongya: [301_800_000, 296_400_000, 312_700_000],
  danling: [158_200_000, 121_600_000, 167_300_000],
  qingshen: [172_900_000, 169_500_000, 180_400_000],
}

/** 次均医疗费用 (元/人次), illustrative: growth ≤ 5 % is the target; 青神 exceeds it in 2021. */
export const AVERAGE_COST: Record<DemoCounty, readonly [number, number, number, number]> = {
  dongpo: [251.3, 258.6, 268.4, 279.1],
  pengshan: [228.4, 236.1, 244.9, 252.3],
  renshou: [219.7, 224.5, 233.8, 241.6],
  hongya: [205.2, 213.6, 221.3, 231.5],
  danling: [198.5, 202.4, 210.7, 219.2],
  qingshen: [201.8, 207.3, 214.6, 228.9],
}

/** 县域内医疗总费用 (元) 2018–2021, illustrative: growth ≤ 10 %; 仁寿 exceeds it in 2021. */
export const COUNTY_TOTAL_COST: Record<DemoCounty, readonly [number, number, number, number]> = {
  dongpo: [2_312_000_000, 2_486_000_000, 2_563_000_000, 2_741_000_000],
  pengshan: [781_000_000, 842_000_000, 861_000_000, 925_000_000],
  renshou: [2_604_000_000, 2_811_000_000, 2_874_000_000, 3_205_000_000],
  hongya: [672_000_000, 718_000_000, 731_000_000, 786_000_000],
  danling: [328_000_000, 351_000_000, 347_000_000, 372_000_000],
  qingshen: [402_000_000, 433_000_000, 446_000_000, 479_000_000],
}

/** 医保基金支出 (元) 2018–2021, illustrative (about 45 % of medical costs). */
export const FUND_EXPENDITURE: Record<DemoCounty, readonly [number, number, number, number]> = {
  dongpo: [1_041_000_000, 1_118_000_000, 1_152_000_000, 1_226_000_000],
  pengshan: [352_000_000, 378_000_000, 386_000_000, 414_000_000],
  renshou: [1_172_000_000, 1_263_000_000, 1_290_000_000, 1_427_000_000],
  hongya: [302_000_000, 323_000_000, 329_000_000, 352_000_000],
  danling: [148_000_000, 158_000_000, 156_000_000, 167_000_000],
  qingshen: [181_000_000, 195_000_000, 201_000_000, 215_000_000],
}

/**
 * Assessment-table figures for 2020 and 2021, illustrative (the report has none): 次均床日 (≤ 8
 * 天), 病例入组率 (≥ 90 %), 日间手术病种数 (≥ 5, then ≥ 10) and 例数 (≥ 200, then ≥ 400), 群众满意度,
 * 慢性病核心知识知晓率, violations as ‰ of the pooled fund (veto at 5‰), and the yes/no items.
 * 洪雅 slips to 合格 in 2021 (longer stays, fewer cases grouped) and 青神's 2021 violations reach
 * 5.4‰ — a 一票否决 — so the demo shows every consequence the annex provides for.
 */
export const ASSESSMENT_FIGURES: PerCounty<{
  lengthOfStay: readonly [number, number]
  groupingRate: readonly [number, number]
  daySurgeryKinds: readonly [number, number]
  daySurgeryCases: readonly [number, number]
  satisfaction: readonly [number, number]
  chronicAwareness: readonly [number, number]
  violationPermille: readonly [number, number]
  drgStarted: readonly [boolean, boolean]
  rehabStarted: readonly [boolean, boolean]
}> = {
  dongpo: {
    lengthOfStay: [7.62, 7.38],
    groupingRate: [92.4, 95.1],
    daySurgeryKinds: [7, 12],
    daySurgeryCases: [320, 560],
    satisfaction: [93.2, 94.5],
    chronicAwareness: [62.4, 66.8],
    violationPermille: [1.2, 0.9],
    drgStarted: [false, true],
    rehabStarted: [true, true],
  },
  pengshan: {
    lengthOfStay: [8.14, 7.86],
    groupingRate: [89.6, 91.3],
    daySurgeryKinds: [5, 10],
    daySurgeryCases: [210, 410],
    satisfaction: [91.6, 92.8],
    chronicAwareness: [58.9, 63.1],
    violationPermille: [2.1, 1.6],
    drgStarted: [false, false],
    rehabStarted: [true, true],
  },
  renshou: {
    lengthOfStay: [7.95, 7.71],
    groupingRate: [90.8, 93.6],
    daySurgeryKinds: [8, 14],
    daySurgeryCases: [450, 720],
    satisfaction: [92.1, 93.9],
    chronicAwareness: [60.2, 64.5],
    violationPermille: [1.8, 1.3],
    drgStarted: [false, true],
    rehabStarted: [false, true],
  },
  hongya: {
    lengthOfStay: [8.46, 9.6],
    groupingRate: [86.3, 83.0],
    daySurgeryKinds: [3, 7],
    daySurgeryCases: [150, 290],
    satisfaction: [88.4, 90.2],
    chronicAwareness: [55.6, 59.8],
    violationPermille: [3.4, 2.7],
    drgStarted: [false, false],
    rehabStarted: [false, false],
  },
  danling: {
    lengthOfStay: [7.88, 7.64],
    groupingRate: [91.2, 92.7],
    daySurgeryKinds: [4, 9],
    daySurgeryCases: [180, 380],
    satisfaction: [94.3, 95.2],
    chronicAwareness: [57.3, 61.4],
    violationPermille: [2.6, 2.2],
    drgStarted: [false, false],
    rehabStarted: [true, true],
  },
  qingshen: {
    lengthOfStay: [8.27, 8.05],
    groupingRate: [88.1, 90.4],
    daySurgeryKinds: [5, 11],
    daySurgeryCases: [240, 430],
    satisfaction: [90.7, 91.9],
    chronicAwareness: [56.8, 60.3],
    violationPermille: [4.1, 5.4],
    drgStarted: [false, false],
    rehabStarted: [false, false],
  },
}

/** One demo value: for a county (the seed picks the unit that holds it) or for the whole region. */
export interface DemoValue {
  county: DemoCounty | 'region'
  period: string
  element: string
  value: string
}

/** Inputs whose regional figure is the sum of the counties'. */
const SUMMABLE = new Set([
  'county_visits',
  'total_visits',
  'primary_outpatient_visits',
  'outpatient_visits',
  'primary_inpatient_visits',
  'inpatient_visits',
  'six_disease_managed',
  'six_disease_patients',
  'inpatient_personal_cost',
  'inpatient_total_cost',
  'county_total_cost',
  'county_total_cost_prev',
  'fund_expenditure',
  'fund_expenditure_prev',
  'medical_cost',
  'service_count',
  'medical_cost_prev',
  'service_count_prev',
])

/** Every demo value, counts derived from the rates above; regional sums of the summable inputs. */
export function demoIndicatorValues(): DemoValue[] {
  const values: DemoValue[] = []
  for (const { key: county } of DEMO_COUNTIES) {
    const add = (year: number, element: string, value: Decimal.Value | boolean) =>
      values.push({
        county,
        period: String(year),
        element,
        value: typeof value === 'boolean' ? String(value) : new Decimal(value).toString(),
      })
    DEMO_YEARS.forEach((year, y) => {
      const pair = (part: string, whole: string, total: number, rate: number) => {
        add(year, whole, total)
        add(year, part, share(total, rate))
      }
      pair('county_visits', 'total_visits', TOTAL_VISITS[county][y]!, COUNTY_VISIT_RATE[county][y]!)
      pair(
        'primary_outpatient_visits',
        'outpatient_visits',
        OUTPATIENT_VISITS[county][y]!,
        PRIMARY_OUTPATIENT_SHARE[county][y]!,
      )
      pair(
        'primary_inpatient_visits',
        'inpatient_visits',
        INPATIENT_VISITS[county][y]!,
        PRIMARY_INPATIENT_SHARE[county][y]!,
      )
      pair(
        'six_disease_managed',
        'six_disease_patients',
        SIX_DISEASE_PATIENTS[county][y]!,
        SIX_DISEASE_RATE[county][y]!,
      )
      pair(
        'inpatient_personal_cost',
        'inpatient_total_cost',
        INPATIENT_TOTAL_COST[county][y]!,
        PERSONAL_BURDEN[county][y]!,
      )
      add(year, 'county_total_cost', COUNTY_TOTAL_COST[county][y + 1]!)
      add(year, 'county_total_cost_prev', COUNTY_TOTAL_COST[county][y]!)
      add(year, 'fund_expenditure', FUND_EXPENDITURE[county][y + 1]!)
      add(year, 'fund_expenditure_prev', FUND_EXPENDITURE[county][y]!)
      const visits = TOTAL_VISITS[county][y]!
      const previousVisits = y === 0 ? visits : TOTAL_VISITS[county][y - 1]!
      add(year, 'service_count', visits)
      add(year, 'medical_cost', new Decimal(AVERAGE_COST[county][y + 1]!).times(visits))
      add(year, 'service_count_prev', previousVisits)
      add(year, 'medical_cost_prev', new Decimal(AVERAGE_COST[county][y]!).times(previousVisits))
      if (year === 2019) return
      const figures = ASSESSMENT_FIGURES[county]
      const a = year - 2020
      const cases = INPATIENT_VISITS[county][y]!
      add(year, 'discharged_cases', cases)
      add(year, 'inpatient_bed_days', new Decimal(figures.lengthOfStay[a]!).times(cases))
      add(year, 'grouped_cases', share(cases, figures.groupingRate[a]!))
      add(year, 'day_surgery_kinds', figures.daySurgeryKinds[a]!)
      add(year, 'day_surgery_cases', figures.daySurgeryCases[a]!)
      add(year, 'returned_questionnaires', 2000)
      add(year, 'satisfied_questionnaires', share(2000, figures.satisfaction[a]!))
      add(year, 'chronic_knowledge_surveyed', 1000)
      add(year, 'chronic_knowledge_aware', share(1000, figures.chronicAwareness[a]!))
      const pooled = new Decimal(FUND_EXPENDITURE[county][y + 1]!).times(0.6)
      add(year, 'pooled_fund_incurred', pooled)
      add(year, 'violation_cost', pooled.times(figures.violationPermille[a]!).div(1000))
      add(year, 'drg_charge_reform_started', figures.drgStarted[a]!)
      add(year, 'rehab_payment_reform_started', figures.rehabStarted[a]!)
      add(year, 'agreement_suspended_or_terminated', false)
      add(year, 'referred_to_judiciary', false)
    })
  }
  const totals = new Map<string, Decimal>()
  for (const value of values) {
    if (!SUMMABLE.has(value.element)) continue
    const key = `${value.period}\u0000${value.element}`
    totals.set(key, (totals.get(key) ?? new Decimal(0)).plus(value.value))
  }
  for (const [key, total] of totals) {
    const [period, element] = key.split('\u0000') as [string, string]
    values.push({ county: 'region', period, element, value: total.toString() })
  }
  return values
}

/** `total × rate / 100`, which must be whole: the totals above are chosen so it is. */
function share(total: number, rate: number): Decimal {
  const part = new Decimal(total).times(rate).div(100)
  if (!part.isInteger()) throw new Error(`demo data: ${rate}% of ${total} is not a whole count`)
  return part
}
