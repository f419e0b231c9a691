/**
 * @module Units of measure as configs write them (Chinese: 个, 人次, 元 …) in the language shown:
 * English gets its word, in the plural the number asks for (`Intl.PluralRules`), and a bare
 * count (个, 家, 项 …) gets none — `≥ 2`, not `≥ 2 个`. A unit not listed stays as written.
 */
import { locale } from './i18n.ts'

type Forms = { one: string; other: string }

/** English for the units the bundled configs and common practice use; '' for a bare count. */
const ENGLISH: Record<string, Forms | ''> = {
  个: '',
  家: '',
  所: '',
  项: '',
  名: { one: 'person', other: 'people' },
  人: { one: 'person', other: 'people' },
  人次: { one: 'visit', other: 'visits' },
  例: { one: 'case', other: 'cases' },
  次: { one: 'time', other: 'times' },
  天: { one: 'day', other: 'days' },
  日: { one: 'day', other: 'days' },
  床日: { one: 'bed-day', other: 'bed-days' },
  张: { one: 'bed', other: 'beds' },
  种: { one: 'kind', other: 'kinds' },
  份: { one: 'copy', other: 'copies' },
  台次: { one: 'operation', other: 'operations' },
  元: { one: 'yuan', other: 'yuan' },
  万元: { one: '×10,000 yuan', other: '×10,000 yuan' },
  亿元: { one: '×100 million yuan', other: '×100 million yuan' },
}

/**
 * The unit to show after a number in the current language.
 * @param count The number it follows, for the English plural (none: the plural form).
 * @example unitLabel('人次', 1) // 'visit' in English, '人次' in Chinese
 */
export function unitLabel(unit: string, count?: number, lang = locale()): string {
  if (lang === 'zh') return unit
  const english = ENGLISH[unit]
  if (english === undefined) return unit
  if (english === '') return ''
  const form = count === undefined ? 'other' : new Intl.PluralRules('en').select(count)
  return form === 'one' ? english.one : english.other
}
