/**
 * @module Periods of indicator values: a year (`2021`), a quarter (`2021-Q1`) or a month
 * (`2021-03`). Reads the forms offices type (`2021年`, `2021年一季度`, `2021年3月`, full-width
 * digits) and writes one canonical text. A value's period is of its input's frequency or coarser:
 * a monthly input takes months, quarters or years; a yearly (or once-only) input takes a year.
 * Browser-safe.
 */
import type { LocalizedText } from '../../domain/compiler/config-issue.ts'
import { QUARTERS } from '../../domain/deadlines/plan-year-phrases.ts'
import type { Frequency } from './inputs.ts'

export type PeriodKind = 'year' | 'quarter' | 'month'

export interface Period {
  /** The canonical text: `2021`, `2021-Q1`, `2021-03`. */
  text: string
  kind: PeriodKind
  year: number
  /** 1–4 for a quarter. */
  quarter?: number
  /** 1–12 for a month. */
  month?: number
}

export type ParsedPeriod = { ok: true; period: Period } | { ok: false; message: LocalizedText }

/** Years a value may belong to: wide enough for baselines and plans, narrow enough to catch typos. */
export const FIRST_YEAR = 1990
export const LAST_YEAR = 2100

const FORMS = 'Use 2021, 2021-Q1 or 2021-03'
const FORMS_ZH = '应写作 2021（年）、2021-Q1（季度）或 2021-03（月）'

/**
 * Reads a period.
 * @example parsePeriod('2021年一季度') // { ok: true, period: { text: '2021-Q1', kind: 'quarter', year: 2021, quarter: 1 } }
 */
export function parsePeriod(raw: string | number): ParsedPeriod {
  const text = toHalfWidth(String(raw))
    .trim()
    .replace(/\s+/g, '')
    .replace(/[—–－/.]/g, '-')
  const bad = (detail = { zh: '', en: '' }): ParsedPeriod => ({
    ok: false,
    message: {
      zh: `期间「${String(raw)}」无法识别，${FORMS_ZH}${detail.zh}`,
      en: `Period "${String(raw)}" is not understood. ${FORMS}${detail.en}`,
    },
  })
  if (text === '')
    return {
      ok: false,
      message: { zh: `没有填写期间，${FORMS_ZH}`, en: `The period is missing. ${FORMS}` },
    }
  let match = /^(\d{4})年?(度)?$/.exec(text)
  if (match) return year(Number(match[1]), raw)
  match = /^(\d{4})-?Q([1-4])$/i.exec(text) ?? /^(\d{4})年(?:第)?([一二三四1-4])季度?$/.exec(text)
  if (match)
    return within(Number(match[1]), raw, {
      text: `${match[1]}-Q${QUARTERS[match[2]!]}`,
      kind: 'quarter',
      quarter: QUARTERS[match[2]!]!,
    })
  match = /^(\d{4})-(\d{1,2})$/.exec(text) ?? /^(\d{4})年(\d{1,2})月(?:份)?$/.exec(text)
  if (match) {
    const month = Number(match[2])
    if (month < 1 || month > 12)
      return bad({ zh: '；月份应在 1–12 之间', en: '; the month must be 1–12' })
    return within(Number(match[1]), raw, {
      text: `${match[1]}-${String(month).padStart(2, '0')}`,
      kind: 'month',
      month,
    })
  }
  return bad()
}

/** The year of a canonical period text (`2021-Q3` → 2021). */
export function periodYear(period: string): number {
  return Number(period.slice(0, 4))
}

const GRAIN: Record<PeriodKind, number> = { month: 0, quarter: 1, year: 2 }
const FINEST: Record<Frequency, PeriodKind> = {
  monthly: 'month',
  quarterly: 'quarter',
  yearly: 'year',
  once: 'year',
}
const FREQUENCY_ZH: Record<Frequency, string> = {
  monthly: '按月',
  quarterly: '按季度',
  yearly: '按年',
  once: '一次性',
}
const KIND_ZH: Record<PeriodKind, string> = { year: '年', quarter: '季度', month: '月' }

/**
 * Reads a period and checks it suits an input reported at `frequency`: of that frequency or
 * coarser (a yearly value is always allowed).
 * @param label the input, for the message: `县域内就诊人次（county_visits）`
 */
export function periodFor(raw: string | number, frequency: Frequency, label = ''): ParsedPeriod {
  const parsed = parsePeriod(raw)
  return parsed.ok ? periodFits(parsed.period, frequency, label) : parsed
}

/** Checks a parsed period is of `frequency` or coarser; the message says what to write instead. */
export function periodFits(period: Period, frequency: Frequency, label = ''): ParsedPeriod {
  const finest = FINEST[frequency]
  if (GRAIN[period.kind] >= GRAIN[finest]) return { ok: true, period }
  const example = finest === 'year' ? '2021' : '2021-Q1 或 2021'
  return {
    ok: false,
    message: {
      zh: `${label}${FREQUENCY_ZH[frequency]}报送，期间「${period.text}」是${KIND_ZH[period.kind]}；应填${KIND_ZH[finest]}${finest === 'year' ? '' : '或年'}，如 ${example}`,
      en: `${label || 'This input'} is reported ${frequency}; ${period.text} is a ${period.kind}, use a ${finest}${finest === 'year' ? '' : ' or a year'}, e.g. ${example.replace(' 或 ', ' or ')}`,
    },
  }
}

function year(value: number, raw: string | number): ParsedPeriod {
  return within(value, raw, { text: String(value), kind: 'year' })
}

function within(value: number, raw: string | number, rest: Omit<Period, 'year'>): ParsedPeriod {
  if (value < FIRST_YEAR || value > LAST_YEAR) {
    return {
      ok: false,
      message: {
        zh: `期间「${String(raw)}」的年份应在 ${FIRST_YEAR}–${LAST_YEAR} 之间`,
        en: `Period "${String(raw)}": the year must be between ${FIRST_YEAR} and ${LAST_YEAR}`,
      },
    }
  }
  return { ok: true, period: { ...rest, year: value } }
}

function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
}
