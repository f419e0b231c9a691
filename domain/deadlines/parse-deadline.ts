/**
 * @module Parses the deadline phrases policy documents use into {@link DeadlineRule}s.
 *
 * The grammar (see the README's authoring guide for the full table):
 * - fixed: `2018年4月上旬` (1–10), `中旬` (11–20), `下旬` (21–end), `2018年7月`, `2018年8—12月`,
 *   `2018年8月至12月`, `2019年1月15日前`, `2018年12月底`, `2022年底`, `2020年`, `2020年上半年`,
 *   `2020年一季度`;
 * - recurring: `每个季度最后一个月上旬`, `每月`/`按月度`, `每月上旬`, `按季度`/`每季度`, `每年`/`按年度`,
 *   `每年年底`, `年底前`, `每年一季度`, `次年一季度`;
 * - after each period (for its figures): `次月`/`下月` (+ 上旬/中旬/下旬), `次季度首月`/`下季度第一个月`
 *   (+ 上旬/中旬/下旬), `次年1月`, `次年一季度`;
 * - relative to assignment: `10个工作日内`, `30日内`, `3个月内`;
 * - relative to the plan's year (its issue date's, `anchor`): `年内`, `年中`, `上半年`, `今年底`,
 *   `本季度内`, `三季度` (plan-year-phrases.ts).
 */
import type { LocalizedText } from '../../schemas/api/error.schema.ts'
import { civilDate, compareDates, daysInMonth, endOfMonth, isCivilDate } from './civil-date.ts'
import type { DeadlineRule, Dekad } from './deadline-rule.ts'
import { isPlanYearPhrase, planYearRule } from './plan-year-phrases.ts'

export type ParseDeadlineResult =
  { ok: true; rule: DeadlineRule } | { ok: false; message: LocalizedText }

const DEKADS: Record<string, Dekad> = { 上旬: 'early', 中旬: 'middle', 下旬: 'late' }
const HALVES: Record<string, [number, number]> = { 上半年: [1, 6], 下半年: [7, 12] }

/** Reads a small Chinese or Arabic number: `12`, `十`, `十五`, `二十`, `三`. */
export function readNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text)
  const digits: Record<string, number> = {
    一: 1,
    二: 2,
    两: 2,
    三: 3,
    四: 4,
    五: 5,
    六: 6,
    七: 7,
    八: 8,
    九: 9,
  }
  const match = /^([一二两三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text)
  if (!match || text === '') return undefined
  const [, tensDigit, ten, ones] = match
  if (!ten) return ones ? undefined : digits[tensDigit!]
  return (tensDigit ? digits[tensDigit]! : 1) * 10 + (ones ? digits[ones]! : 0)
}

/** Folds the spellings of one phrase together: full-width digits, spaces, dashes, 之前. */
export function normalizePhrase(phrase: string): string {
  const compact = phrase
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^[(（](.*)[)）]$/, '$1')
    .replace(/[。.,，;；]+$/, '')
    .replace(/^(于|在|到|截至)/, '')
  // ISO dates keep their hyphens; everywhere else a dash or 至 joins the ends of a range.
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(compact)) return compact
  return compact
    .replace(/[—–―－~〜-]+|至|到(?=\d)/g, '~')
    .replace(/(之前|以前)$/, '前')
    .replace(/以内$/, '内')
}

const RECURRING: Array<[RegExp, (m: RegExpExecArray) => DeadlineRule]> = [
  [
    /^每个?季度最后一个月(上旬|中旬|下旬)?$/,
    (m) => ({
      kind: 'recurring',
      every: 'quarter',
      shift: 0,
      fromMonth: -1,
      toMonth: -1,
      ...dekadOf(m[1]),
    }),
  ],
  [
    /^每个?季度(第一个月|首月)(上旬|中旬|下旬)?$/,
    (m) => ({
      kind: 'recurring',
      every: 'quarter',
      shift: 0,
      fromMonth: 1,
      toMonth: 1,
      ...dekadOf(m[2]),
    }),
  ],
  [
    /^(每个?月|按月度?|逐月|每月度)(上旬|中旬|下旬)?$/,
    (m) => ({ kind: 'recurring', every: 'month', shift: 0, ...dekadOf(m[2]) }),
  ],
  [
    /^(次|下|下一个|下个)季度?(第一个月|首月)(上旬|中旬|下旬)?$/,
    (m) => ({
      kind: 'recurring',
      every: 'quarter',
      shift: 1,
      fromMonth: 1,
      toMonth: 1,
      ...dekadOf(m[3]),
    }),
  ],
  [
    /^(次|下|下一个|下个)月(上旬|中旬|下旬)?$/,
    (m) => ({ kind: 'recurring', every: 'month', shift: 1, ...dekadOf(m[2]) }),
  ],
  [/^(每个?季度|按季度?|逐季|每季)$/, () => ({ kind: 'recurring', every: 'quarter', shift: 0 })],
  [/^(每年度?|按年度?|逐年)$/, () => ({ kind: 'recurring', every: 'year', shift: 0 })],
  [
    /^(每年年底|每年底|每年年末|每年末)前?$/,
    () => ({ kind: 'recurring', every: 'year', shift: 0, fromMonth: 12, toMonth: 12 }),
  ],
  [/^(年底|年末)前?$/, () => ({ kind: 'recurring', every: 'year', shift: 0 })],
  [
    /^(每年|次年|翌年)第?([一二三四1-4])季度$/,
    (m) => quarterOfYear(m[1] === '每年' ? 0 : 1, readNumber(m[2]!)!),
  ],
  [
    /^(每年|次年|翌年)(上半年|下半年)$/,
    (m) => {
      const [from, to] = HALVES[m[2]!]!
      return {
        kind: 'recurring',
        every: 'year',
        shift: m[1] === '每年' ? 0 : 1,
        fromMonth: from,
        toMonth: to,
      }
    },
  ],
  [
    /^(每年|次年|翌年)(\d{1,2})月(上旬|中旬|下旬)?$/,
    (m) => ({
      kind: 'recurring',
      every: 'year',
      shift: m[1] === '每年' ? 0 : 1,
      fromMonth: Number(m[2]),
      toMonth: Number(m[2]),
      ...dekadOf(m[3]),
    }),
  ],
]

function dekadOf(word: string | undefined): { dekad?: Dekad } {
  return word ? { dekad: DEKADS[word]! } : {}
}

function quarterOfYear(shift: number, quarter: number): DeadlineRule {
  return {
    kind: 'recurring',
    every: 'year',
    shift,
    fromMonth: quarter * 3 - 2,
    toMonth: quarter * 3,
  }
}

const RELATIVE = /^([0-9]+|[一二两三四五六七八九十]+)个?(工作日|自然日|日|天|个月|月)内$/
const UNITS = {
  工作日: 'working-day',
  自然日: 'day',
  日: 'day',
  天: 'day',
  个月: 'month',
  月: 'month',
} as const

/**
 * Parses one deadline phrase.
 * @param anchor the plan's issue date, which plan-year phrases (`年内`, `年中` …) resolve against
 * @returns the rule, or a bilingual message saying what was not understood and what to write.
 * @example parseDeadline('2018年4月上旬') // { ok: true, rule: { kind: 'window', start: '2018-04-01', end: '2018-04-10' } }
 */
export function parseDeadline(phrase: string, anchor?: string): ParseDeadlineResult {
  const text = normalizePhrase(phrase)
  for (const [pattern, build] of RECURRING) {
    const match = pattern.exec(text)
    if (match) return checkRecurring(build(match), phrase)
  }
  const relative = RELATIVE.exec(text)
  if (relative) {
    const amount = readNumber(relative[1]!)
    if (amount && amount > 0)
      return {
        ok: true,
        rule: { kind: 'relative', amount, unit: UNITS[relative[2] as keyof typeof UNITS] },
      }
  }
  // 年内, 年中, 今年底, 本季度内 …: the plan's own year, that of its issue date.
  if (isPlanYearPhrase(text)) {
    const rule = anchor ? planYearRule(text, anchor) : undefined
    if (rule) return { ok: true, rule }
    return {
      ok: false,
      message: {
        zh: `时限「${phrase}」相对于方案的年份，需要方案的印发日期（metadata.issueDate）才能换算。`,
        en: `"${phrase}" is relative to the plan's year; it needs the plan's issue date (metadata.issueDate).`,
      },
    }
  }
  return parseFixed(text, phrase)
}

function checkRecurring(rule: DeadlineRule, phrase: string): ParseDeadlineResult {
  if (rule.kind === 'recurring' && rule.every === 'year' && rule.fromMonth !== undefined) {
    if (rule.fromMonth < 1 || rule.fromMonth > 12) return monthError(phrase, rule.fromMonth)
  }
  return { ok: true, rule }
}

function parseFixed(text: string, phrase: string): ParseDeadlineResult {
  let match: RegExpExecArray | null
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})(前)?$/.exec(text))) {
    return dateRule(phrase, Number(match[1]), Number(match[2]), Number(match[3]))
  }
  if ((match = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号](前)?$/.exec(text))) {
    return dateRule(phrase, Number(match[1]), Number(match[2]), Number(match[3]))
  }
  if ((match = /^(\d{4})年(\d{1,2})月(上旬|中旬|下旬)(前)?$/.exec(text))) {
    const [year, month] = [Number(match[1]), Number(match[2])]
    if (month < 1 || month > 12) return monthError(phrase, month)
    const dekad = DEKADS[match[3]!]!
    const start = civilDate(year, month, dekad === 'early' ? 1 : dekad === 'middle' ? 11 : 21)
    const end =
      dekad === 'late'
        ? endOfMonth(year, month)
        : civilDate(year, month, dekad === 'early' ? 10 : 20)
    return match[4]
      ? { ok: true, rule: { kind: 'date', date: end } }
      : { ok: true, rule: { kind: 'window', start, end } }
  }
  if ((match = /^(\d{4})年(\d{1,2})月(底|末)(前)?$/.exec(text))) {
    const [year, month] = [Number(match[1]), Number(match[2])]
    if (month < 1 || month > 12) return monthError(phrase, month)
    return { ok: true, rule: { kind: 'date', date: endOfMonth(year, month) } }
  }
  if ((match = /^(\d{4})年(\d{1,2})月?~(?:(\d{4})年)?(\d{1,2})月$/.exec(text))) {
    const [fromYear, fromMonth] = [Number(match[1]), Number(match[2])]
    const [toYear, toMonth] = [match[3] ? Number(match[3]) : fromYear, Number(match[4])]
    for (const month of [fromMonth, toMonth])
      if (month < 1 || month > 12) return monthError(phrase, month)
    const start = civilDate(fromYear, fromMonth, 1)
    const end = endOfMonth(toYear, toMonth)
    if (compareDates(end, start) < 0) return backwardsError(phrase)
    return { ok: true, rule: { kind: 'window', start, end } }
  }
  if ((match = /^(\d{4})年(\d{1,2})月(前)?$/.exec(text))) {
    const [year, month] = [Number(match[1]), Number(match[2])]
    if (month < 1 || month > 12) return monthError(phrase, month)
    const end = endOfMonth(year, month)
    return match[3]
      ? { ok: true, rule: { kind: 'date', date: end } }
      : { ok: true, rule: { kind: 'window', start: civilDate(year, month, 1), end } }
  }
  if ((match = /^(\d{4})年(年底|年末|底|末)(前)?$/.exec(text))) {
    return { ok: true, rule: { kind: 'date', date: civilDate(Number(match[1]), 12, 31) } }
  }
  if ((match = /^(\d{4})年(上半年|下半年)$/.exec(text))) {
    const year = Number(match[1])
    const [from, to] = HALVES[match[2]!]!
    return {
      ok: true,
      rule: { kind: 'window', start: civilDate(year, from, 1), end: endOfMonth(year, to) },
    }
  }
  if ((match = /^(\d{4})年第?([一二三四1-4])季度$/.exec(text))) {
    const [year, quarter] = [Number(match[1]), readNumber(match[2]!)!]
    return {
      ok: true,
      rule: {
        kind: 'window',
        start: civilDate(year, quarter * 3 - 2, 1),
        end: endOfMonth(year, quarter * 3),
      },
    }
  }
  if ((match = /^(\d{4})年(前)?$/.exec(text))) {
    const year = Number(match[1])
    return match[2]
      ? { ok: true, rule: { kind: 'date', date: civilDate(year - 1, 12, 31) } }
      : {
          ok: true,
          rule: { kind: 'window', start: civilDate(year, 1, 1), end: civilDate(year, 12, 31) },
        }
  }
  return {
    ok: false,
    message: {
      zh: `无法识别时限「${phrase}」。可写：2018年4月上旬、2018年7月、2018年8—12月、2019年1月15日前、2022年底、每个季度最后一个月上旬、按月度、按季度、每年年底、次年一季度、10个工作日内；或写 { date: 2019-01-15 }；文件未规定时写 { unspecified: 说明 }。`,
      en: `Cannot read the deadline "${phrase}". Write e.g. 2018年4月上旬, 2018年8—12月, 2019年1月15日前, 每个季度最后一个月上旬, 按季度, 每年年底, 10个工作日内; or { date: 2019-01-15 }; or { unspecified: reason } when the document sets none.`,
    },
  }
}

function dateRule(phrase: string, year: number, month: number, day: number): ParseDeadlineResult {
  const date = civilDate(year, month, day)
  if (!isCivilDate(date)) {
    const last = month >= 1 && month <= 12 ? daysInMonth(year, month) : undefined
    return {
      ok: false,
      message: {
        zh: `时限「${phrase}」不是真实存在的日期${last ? `：${year}年${month}月只有 ${last} 天` : ''}。`,
        en: `"${phrase}" is not a real date${last ? `: ${year}-${String(month).padStart(2, '0')} has ${last} days` : ''}.`,
      },
    }
  }
  return { ok: true, rule: { kind: 'date', date } }
}

function monthError(phrase: string, month: number): ParseDeadlineResult {
  return {
    ok: false,
    message: {
      zh: `时限「${phrase}」中的月份 ${month} 无效，应为 1–12。`,
      en: `Month ${month} in "${phrase}" is invalid; use 1–12.`,
    },
  }
}

function backwardsError(phrase: string): ParseDeadlineResult {
  return {
    ok: false,
    message: { zh: `时限「${phrase}」的结束早于开始。`, en: `"${phrase}" ends before it starts.` },
  }
}
